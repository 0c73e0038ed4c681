"""The realizers of :mod:`milinc.testing`: what they write, and that the filler is neutral."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import milinc
from milinc.ontology import Qualifier, WeaponCategory
from milinc.testing import Realization, Typography
from milinc.testing.dates import clock_phrases, date_variants, day_phrases
from milinc.testing.events import TEMPLATES, EventRealization, Place, event_sentence, places
from milinc.testing.filler import FILLER_FRAGMENTS
from milinc.testing.quantities import COUNTED_NOUNS, CountedNoun, numerals, quantity_variants
from milinc.testing.realization import NBSP, realization_of
from milinc.testing.weapons import category_variants, system_variants
from milinc.weapons import load_taxonomy

PARSER = milinc.Parser(discover=False)
REF = dt.date(2021, 6, 30)  # a Wednesday
SOLDAT = next(n for n in COUNTED_NOUNS if n.lemma == "soldat")
ENFANT = next(n for n in COUNTED_NOUNS if n.lemma == "enfant")


def texts(realizations: list[Realization]) -> set[str]:
    return {r.text for r in realizations}


# --- the realization value --------------------------------------------------------------------


def test_embedding_shifts_the_span() -> None:
    r = Realization(text="des roquettes", start=4, end=13)
    e = r.embedded("Selon la presse, ", " ; fin.")
    assert e.text == "Selon la presse, des roquettes ; fin."
    assert e.mention == "roquettes" == r.mention
    assert (e.start, e.end) == (21, 30)


def test_capitalizing_keeps_the_span() -> None:
    r = Realization(text="hier soir", start=0, end=9).capitalized()
    assert (r.text, r.mention) == ("Hier soir", "Hier soir")


def test_a_span_outside_the_text_is_refused() -> None:
    with pytest.raises(ValueError):
        Realization(text="hier", start=2, end=9)


def test_typography_writes_apostrophes_and_tight_spaces() -> None:
    typo = Typography(apostrophe="’", tight_space=NBSP)
    assert typo.apply("à l'aube, 28~juin") == "à l’aube, 28\u00a0juin"
    with pytest.raises(ValueError):
        Typography(apostrophe="`")


def test_realization_of_needs_contiguous_mention_pieces() -> None:
    r = realization_of(Realization, [("des ", False), ("drones", True), (" ici", False)], Typography())
    assert r.mention == "drones"
    with pytest.raises(ValueError):
        realization_of(Realization, [("a", True), ("b", False), ("c", True)], Typography())


# --- dates ------------------------------------------------------------------------------------


def test_day_phrases_follow_the_resolution_rules() -> None:
    monday = dt.date(2021, 6, 28)
    phrases = day_phrases(monday, REF)
    assert {"le 28~juin", "lundi 28~juin~2021", "le lundi 28~juin", "lundi", "avant-hier"} <= set(phrases)
    old = day_phrases(dt.date(2019, 6, 28), REF)
    # a weekday alone or a day without year would mean another day: only the year pins it
    assert "vendredi" not in old and "le 28~juin" not in old and "le 28~juin~2019" in old
    assert "le 1er~mars~2020" in day_phrases(dt.date(2020, 3, 1), REF)


def test_clock_phrases() -> None:
    assert {"14h30", "14~h~30", "14:30", "14~heures 30"} <= set(clock_phrases(14, 30))
    assert "2~heures du matin" in clock_phrases(2, 0)
    assert "8~heures du soir" in clock_phrases(20, 0)
    assert "midi" in clock_phrases(12, 0) and "minuit" in clock_phrases(0, 0)


def test_date_variants_of_each_kind() -> None:
    assert {"lundi soir", "lundi dans la soirée", "le 28 juin 2021 au soir"} <= texts(
        date_variants("2021-06-28TEV", REF)
    )
    assert "dans la nuit de lundi à mardi" in texts(date_variants("2021-06-28TNI", REF))
    assert {"la nuit dernière", "cette nuit"} <= texts(date_variants("2021-06-29TNI", REF))
    assert {"hier", "mardi"} <= texts(date_variants("2021-06-29", REF))
    clocks = texts(date_variants("2021-06-28T02:00", REF))
    assert {"lundi 28 juin 2021, à 2 heures du matin", "avant-hier vers 2h"} <= clocks
    assert {"en juin 2021", "au mois de juin", "fin juin 2021"} <= texts(date_variants("2021-06", REF))
    assert {"en 2015", "mi-2015"} <= texts(date_variants("2015", REF))
    assert all(r.value == "2015" and r.mention == r.text for r in date_variants("2015", REF))


def test_date_variants_refuse_what_they_cannot_write() -> None:
    with pytest.raises(ValueError):
        date_variants("XXXX-06-28", REF)


def test_date_variants_are_typeset() -> None:
    typo = Typography(apostrophe="’", tight_space=NBSP)
    assert "lundi 28\u00a0juin à l’aube" in texts(date_variants("2021-06-28TMO", REF, typography=typo))


# --- quantities -------------------------------------------------------------------------------


def test_numerals_in_digits_and_words() -> None:
    written = {text for text, _ in numerals(2500)}
    assert {"2500", "2 500", "2\u00a0500", "2.500", "deux mille cinq cents", "deux-mille-cinq-cents"} <= written
    assert ("2 millions", True) in numerals(2_000_000)
    assert ("1,5 million", True) in numerals(1_500_000)
    assert ("septante-deux", False) in numerals(72)


def test_quantity_variants() -> None:
    at_least = texts(quantity_variants(8, Qualifier.AT_LEAST, SOLDAT))
    assert {"au moins 8 soldats", "au moins huit soldats"} <= at_least
    about = texts(quantity_variants(100, Qualifier.ABOUT, ENFANT))
    assert {"environ 100 enfants", "une centaine d'enfants"} <= about
    assert "plus d'une centaine d'enfants" in texts(quantity_variants(100, Qualifier.MORE_THAN, ENFANT))
    assert "des dizaines d'enfants" in texts(quantity_variants(None, Qualifier.VAGUE, ENFANT))
    assert "un nombre inconnu de soldats" in texts(quantity_variants(None, Qualifier.UNKNOWN, SOLDAT))
    assert "2 millions de soldats" in texts(quantity_variants(2_000_000, Qualifier.EXACT, SOLDAT))


def test_zero_is_written_where_casualties_are_counted() -> None:
    (killed, _) = quantity_variants(0, Qualifier.EXACT, SOLDAT)
    assert (killed.text, killed.mention) == ("aucun soldat n'a été tué", "aucun soldat")
    victim = next(n for n in COUNTED_NOUNS if n.lemma == "victime")
    assert texts(quantity_variants(0, Qualifier.EXACT, victim)) == {"aucune victime"}
    assert quantity_variants(0, Qualifier.EXACT, CountedNoun("maison", "maisons", feminine=True)) == []


@pytest.mark.parametrize(
    ("value", "qualifier"),
    [(None, Qualifier.EXACT), (5, Qualifier.VAGUE), (1, Qualifier.EXACT), (0, Qualifier.AT_LEAST)],
)
def test_quantity_variants_refuse_inconsistent_values(value: int | None, qualifier: Qualifier) -> None:
    with pytest.raises(ValueError):
        quantity_variants(value, qualifier, SOLDAT)


# --- weapons ----------------------------------------------------------------------------------


def test_category_variants_leave_the_determiner_outside() -> None:
    rockets = category_variants(WeaponCategory.ROCKET)
    spans = {(r.text, r.mention) for r in rockets}
    assert {("roquette", "roquette"), ("roquettes", "roquettes"), ("des roquettes", "roquettes")} <= spans
    assert all(r.category is WeaponCategory.ROCKET for r in rockets)


def test_system_variants() -> None:
    taxonomy = load_taxonomy()
    katyusha = system_variants(taxonomy.aliases["katyusha"])
    assert {"roquettes de type « Katyusha »", "Katyusha"} <= {r.mention for r in katyusha}
    assert all(r.name == "Katyusha" and r.category is WeaponCategory.ROCKET for r in katyusha)
    neptune = taxonomy.aliases["neptune"]
    assert neptune.needs_head
    assert "Neptune" not in {r.mention for r in system_variants(neptune)}  # a god or a planet without a head noun


# --- events -----------------------------------------------------------------------------------


def test_event_sentence() -> None:
    (date,) = [d for d in date_variants("2021-06-28TEV", REF) if d.text == "lundi soir"]
    case = event_sentence(
        TEMPLATES[0], date, 8, ("roquettes", WeaponCategory.ROCKET), Place("Bagdad", "IQ"), 3, 5, words=True
    )
    assert isinstance(case, EventRealization)
    assert case.text == "Lundi soir, huit roquettes ont frappé Bagdad, faisant trois morts."
    assert case.mention == "ont frappé"
    assert (case.date, case.killed, case.injured) == ("2021-06-28TEV", 3, None)
    with pytest.raises(ValueError):
        event_sentence(TEMPLATES[0], date, 1, ("roquettes", WeaponCategory.ROCKET), Place("Bagdad", "IQ"), 3, 5)


def test_places_are_unambiguous_cities_and_towns() -> None:
    names = [p.name for p in places()]
    assert len(names) > 100 and "Bagdad" in names
    assert "Gaza" not in names  # also a spelling of the Gaza Strip
    assert all(re.fullmatch(r"[A-Z]{2}", p.country) for p in places())


# --- filler -----------------------------------------------------------------------------------


def test_filler_is_neutral() -> None:
    text = ". ".join(f[:1].upper() + f[1:] for f in FILLER_FRAGMENTS) + "."
    doc = PARSER.parse(text, reference_date=REF)
    found = [(kind, m.span.text) for kind in ("dates", "quantities", "weapons", "events") for m in getattr(doc, kind)]
    assert found == []


def test_milinc_never_imports_its_test_utilities() -> None:
    package = Path(milinc.__file__).parent
    pattern = re.compile(r"^\s*(?:from|import)\s+(?:milinc\.testing|\.testing|\.\.testing)\b", re.M)
    offenders = [
        p.name for p in package.rglob("*.py") if "testing" not in p.parts and pattern.search(p.read_text("utf-8"))
    ]
    assert offenders == []
