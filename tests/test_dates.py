"""Behaviour of the dates dimension beyond single phrases: reference dates, anaphora, spans, plugins."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milinc
from milinc import engine
from milinc.dates import DateExtractor
from milinc.dates.parts import DateParts, Relation, Unit
from milinc.dates.resolver import Resolver
from milinc.extensions import Extensions
from milinc.ontology import Anchor, Granularity, IntervalRole, PartOfDay, ReferenceDateSource

from .dates_helpers import parse_dates

WEDNESDAY = dt.date(2024, 3, 13)


def values(text: str, ref: dt.date | None = WEDNESDAY) -> list[tuple[str, str]]:
    return [(d.span.text, d.value) for d in parse_dates(text, ref)[1]]


# --------------------------------------------------------------- reference date from a dateline


def test_english_dateline_gives_the_reference_date() -> None:
    doc = milinc.parse("Jun 30, 2021 06:22 UTC\n  • Titre\n\nUne attaque a eu lieu lundi soir.")
    assert doc.reference_date == dt.date(2021, 6, 30)
    assert doc.reference_date_source is ReferenceDateSource.DATELINE
    assert [d.value for d in doc.dates] == ["2021-06-30T06:22", "2021-06-28TEV"]


def test_french_publication_line_gives_the_reference_date() -> None:
    text = "Titre de l'article\nPublié le 12/03/2024 à 18h05 - Modifié le 12/03/2024 à 19h30\n\nMardi, trois obus."
    ref, dates = parse_dates(text)
    assert ref == dt.date(2024, 3, 12)
    assert dates[-1].value == "2024-03-12"


def test_agency_dateline_with_city() -> None:
    ref, _ = parse_dates("Titre\n\nOuagadougou, 27 juin 2024 (AFP) - Des soldats ont été tués mardi 25 juin.")
    assert ref == dt.date(2024, 6, 27)


def test_dateline_without_year_invents_nothing() -> None:
    doc = milinc.parse("19 octobre (Reuters) – Des roquettes ont visé la base mardi.")
    assert doc.reference_date is None
    assert doc.reference_date_source is ReferenceDateSource.NONE
    assert [d.value for d in doc.dates] == ["XXXX-10-19", "XXXX-WXX-2"]


def test_a_full_date_deep_in_the_text_is_not_a_dateline() -> None:
    body = "\n\n".join(f"Paragraphe {i} sans date, avec des mots et encore des mots." for i in range(12))
    assert parse_dates(body + "\n\nLe 3 janvier 2022, une frappe a visé Bagdad.")[0] is None


def test_a_date_in_a_long_sentence_at_the_top_is_not_a_dateline() -> None:
    text = "Les forces américaines, entrées en Syrie le 3 janvier 2015, ont été visées hier soir par des tirs."
    assert parse_dates(text)[0] is None


def test_a_headline_naming_an_event_date_is_not_a_dateline() -> None:
    assert parse_dates("Attaque du 7 octobre 2023 : un an après\n\nTexte.")[0] is None
    assert parse_dates("Paris, le 13 mars 2024\n\nTexte.")[0] == dt.date(2024, 3, 13)


def test_dates_said_to_be_in_the_future() -> None:
    assert values("Le chef du Hezbollah doit s'exprimer vendredi soir.") == [("vendredi soir", "2024-03-15TEV")]
    assert values("Le Hezbollah s'est exprimé vendredi soir.") == [("vendredi soir", "2024-03-08TEV")]


def test_given_reference_date_wins_over_the_dateline() -> None:
    doc = milinc.parse("Jun 30, 2021 06:22 UTC\nhier", reference_date=dt.date(2021, 7, 2))
    assert doc.reference_date_source is ReferenceDateSource.GIVEN
    assert doc.dates[-1].value == "2021-07-01"


# --------------------------------------------------------------- anaphora and text order


def test_anaphora_follow_the_last_established_date() -> None:
    text = "Le 5 mars, une base a été visée. La veille, deux drones. Le lendemain, trois roquettes."
    # "le lendemain" counts from "la veille" (4 mars), the last date the text established
    assert values(text) == [("Le 5 mars", "2024-03-05"), ("La veille", "2024-03-04"), ("Le lendemain", "2024-03-05")]


def test_anaphora_without_a_previous_date_use_the_reference_date() -> None:
    (d,) = parse_dates("Un jour plus tôt, des drones ont été abattus.", WEDNESDAY)[1]
    assert d.value == "2024-03-12"
    assert d.anchor is Anchor.REFERENCE_DATE
    assert d.anchor_value == "2024-03-13"


def test_anaphora_without_any_date_stay_unresolved() -> None:
    assert values("La veille, deux drones ont été abattus.", ref=None) == [("La veille", "XXXX-XX-XX")]


def test_reporting_date_is_not_the_anchor_of_anaphora() -> None:
    text = "Des soldats ont été tués dimanche 10 mars, a-t-on appris mardi. La veille, un convoi avait sauté."
    assert values(text)[-1] == ("La veille", "2024-03-09")


def test_clock_alone_ignores_background_dates() -> None:
    text = "L'attaque de lundi est la plus massive depuis le 24 février 2022.\n\nLes tirs ont commencé vers 3h00."
    assert values(text)[-1] == ("vers 3h00", "2024-03-11T03:00")


def test_previous_date_is_recorded_on_the_mention() -> None:
    dates = parse_dates("Mardi, deux drones. Un jour plus tôt, des roquettes.", WEDNESDAY)[1]
    assert dates[1].anchor is Anchor.PREVIOUS_DATE
    assert dates[1].anchor_value == "2024-03-12"
    assert dates[1].relative


# --------------------------------------------------------------- structured fields


def test_fields_of_a_weekday_with_clock_time() -> None:
    (d,) = parse_dates("lundi 28 juin, à 2 heures du matin", dt.date(2021, 6, 30))[1]
    assert (d.year, d.month, d.day, d.hour, d.minute, d.weekday) == (2021, 6, 28, 2, 0, 1)
    assert d.granularity is Granularity.MINUTE
    assert d.conflict is None


def test_fields_of_a_part_of_day() -> None:
    (d,) = parse_dates("mardi soir", WEDNESDAY)[1]
    assert d.part_of_day is PartOfDay.EVENING
    assert d.granularity is Granularity.PART_OF_DAY
    assert d.relative and d.anchor is Anchor.REFERENCE_DATE


def test_conflicting_weekday_is_recorded_and_the_date_kept() -> None:
    (d,) = parse_dates("lundi 29 juin 2021", WEDNESDAY)[1]
    assert d.value == "2021-06-29"
    assert d.conflict is not None and "lundi" in d.conflict and "mardi" in d.conflict


def test_interval_endpoints_are_two_mentions() -> None:
    dates = parse_dates("Une trêve du 24 novembre au 1er décembre 2023.", WEDNESDAY)[1]
    assert [(d.value, d.interval_role) for d in dates] == [
        ("2023-11-24", IntervalRole.START),
        ("2023-12-01", IntervalRole.END),
    ]


def test_durations_and_numbers_are_not_dates() -> None:
    text = (
        "Pendant trois jours, 2 500 soldats et des AC-130 de la 14e brigade ont avancé de 13 kilomètres, "
        "60 fois en 24 heures, soit plus de 2000 obus en deux ans."
    )
    assert values(text) == []


# --------------------------------------------------------------- spans in the original text


def test_spans_point_into_the_original_text() -> None:
    text = "Le 15\u00a0AOÛT, puis aujourd\u2019hui et tôt mercredi\u202fmatin."
    dates = parse_dates(text, WEDNESDAY)[1]
    assert [d.span.text for d in dates] == ["Le 15\u00a0AOÛT", "aujourd\u2019hui", "tôt mercredi\u202fmatin"]
    for d in dates:
        assert text[d.span.start : d.span.end] == d.span.text


def test_decomposed_accents_keep_spans_right() -> None:
    text = "Le 15 aou\u0302t, des drones."
    (d,) = parse_dates(text, WEDNESDAY)[1]
    assert d.span.text == "Le 15 aou\u0302t" and d.value == "2023-08-15"


def test_mentions_never_overlap() -> None:
    text = "Lundi soir, vers 22h, puis mardi 12 mars à 6h et dans la nuit de mardi à mercredi, du 3 au 5 mars."
    dates = parse_dates(text, WEDNESDAY)[1]
    for a, b in itertools.pairwise(dates):
        assert a.span.end <= b.span.start


# --------------------------------------------------------------- resolver


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (DateParts(0, 0, weekday=3), "2024-03-13"),
        (DateParts(0, 0, weekday=3, direction=-1), "2024-03-06"),
        (DateParts(0, 0, weekday=3, direction=1), "2024-03-20"),
        (DateParts(0, 0, month=3, day=14), "2023-03-14"),
        (DateParts(0, 0, month=3, day=14, direction=1), "2024-03-14"),
        (DateParts(0, 0, month=4), "2023-04"),
        (DateParts(0, 0, month=3), "2024-03"),
        (DateParts(0, 0, month=3, direction=-1), "2023-03"),
        (DateParts(0, 0, relation=Relation.REFERENCE, offset=-1, part_of_day=PartOfDay.NIGHT), "2024-03-12TNI"),
        (DateParts(0, 0, relation=Relation.REFERENCE, unit=Unit.WEEK, offset=-1), "2024-W10"),
        (DateParts(0, 0, relation=Relation.REFERENCE, unit=Unit.MONTH, offset=-3), "2023-12"),
        (DateParts(0, 0, month=2, day=29), "2024-02-29"),
    ],
)
def test_resolver_news_style(parts: DateParts, expected: str) -> None:
    assert Resolver(WEDNESDAY).resolve(parts).value == expected


def test_resolver_without_reference_date() -> None:
    resolver = Resolver(None)
    assert resolver.resolve(DateParts(0, 0, month=6, day=28)).value == "XXXX-06-28"
    assert resolver.resolve(DateParts(0, 0, weekday=1, part_of_day=PartOfDay.EVENING)).value == "XXXX-WXX-1TEV"
    assert resolver.resolve(DateParts(0, 0, year=2015)).value == "2015"


def test_resolver_previous_date() -> None:
    parts = DateParts(0, 0, relation=Relation.PREVIOUS, offset=-1)
    got = Resolver(WEDNESDAY).resolve(parts, previous=dt.date(2022, 8, 23))
    assert got.value == "2022-08-22" and got.anchor is Anchor.PREVIOUS_DATE


# --------------------------------------------------------------- impossible days, the calendar's edges

_CALENDAR_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})")


def _possible_value(value: str) -> bool:
    """Whether a value's month and day exist (in a leap year when the year is unresolved)."""
    m = _CALENDAR_DAY.match(value)
    if m is None:
        return True
    year = 2000 if m.group(1) == "XXXX" else int(m.group(1))
    try:
        dt.date(year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("ref", [WEDNESDAY, None])
@pytest.mark.parametrize(
    "text", ["ce lundi 31 juin", "le 31 juin", "lundi 31 juin", "le 31 juin 2021", "hier, 30 février", "le 30/02",
             "le 31 avril dernier", "dans la nuit du 31 juin au 1er juillet"]
)
def test_an_impossible_day_is_never_a_value(text: str, ref: dt.date | None) -> None:
    """Issue 19 item 8: "ce lundi 31 juin" crashed with a reference date and gave XXXX-06-31 without one."""
    for _, value in values(text, ref):
        assert _possible_value(value), (text, value)


def test_the_resolver_makes_up_no_impossible_day() -> None:
    for ref in (WEDNESDAY, None):
        assert _possible_value(Resolver(ref).resolve(DateParts(0, 0, month=6, day=31)).value)
        assert _possible_value(Resolver(ref).resolve(DateParts(0, 0, year=2021, month=2, day=29)).value)
        assert _possible_value(Resolver(ref).resolve(DateParts(0, 0, month=4, day=31, weekday=1)).value)


EDGE_PHRASES = (
    "hier", "avant-hier", "demain", "lundi", "lundi prochain", "mardi dernier", "le 15 août", "le 31 décembre prochain",
    "mercredi 3 janvier", "vendredi 8", "en avril", "la semaine dernière", "la semaine prochaine", "le mois dernier",
    "le mois prochain", "l'an dernier", "l'an prochain", "il y a trois ans", "il y a deux semaines", "la nuit dernière",
    "la nuit du 31 décembre au 1er janvier", "Dans la nuit de lundi à mardi. Vers 1h10, une explosion.",
    "Le 3 mars, une frappe. La veille, un tir. Trois jours plus tard, une autre.",
)


@pytest.mark.parametrize(
    "ref", [dt.date(1, 1, 1), dt.date(1, 1, 5), dt.date(1, 12, 31), dt.date(999, 6, 15), dt.date(9999, 1, 1),
            dt.date(9999, 12, 31)],
    ids=str,
)
def test_reference_dates_at_the_calendar_edges_resolve_or_stay_unresolved(ref: dt.date) -> None:
    """Issue 19 item 13: a reference date in year 1 or 999 raised OverflowError or ValueError ("998-W52")."""
    for text in EDGE_PHRASES:
        for _, value in values(text, ref):
            assert re.fullmatch(r"(\d{4}|XXXX)\b.*", value), (text, value)
    assert values("hier", dt.date(999, 6, 15)) == [("hier", "0999-06-14")]
    assert values("l'an prochain", dt.date(9999, 1, 1)) == [("l'an prochain", "XXXX")]
    assert values("hier", dt.date(1, 1, 1)) == [("hier", "XXXX-XX-XX")]


@pytest.mark.parametrize("ref", [dt.date(1, 1, 1), dt.date(1, 1, 5), dt.date(999, 6, 15), dt.date(9999, 12, 31)], ids=str)
def test_a_whole_parse_at_the_calendar_edges_never_crashes(ref: dt.date) -> None:
    """Issue 19 item 13, through every stage: the events stage counted two months back from year 1."""
    text = (
        "Lundi soir, une frappe de drone a visé la base, tuant deux soldats. La veille, trois roquettes "
        "avaient été tirées. Le week-end dernier, une attaque a fait cinq morts près de Gao."
    )
    doc = milinc.parse(text, reference_date=ref)
    assert doc.dates and all(re.fullmatch(r"(\d{4}|XXXX)\b.*", d.value) for d in doc.dates)


def test_incidents_can_be_dated_by_a_week_a_week_end_or_a_season() -> None:
    ref = dt.date(2024, 3, 13)
    cases = {
        "Le week-end dernier, une frappe de drone a visé la base d'Aïn al-Asad, tuant deux soldats.": "2024-W10-WE",
        "La semaine dernière, des roquettes ont frappé la base de Tal Afar.": "2024-W10",
        "Cet été, une attaque a tué trois soldats près de Gao.": "2024-SU",
    }
    for text, value in cases.items():
        (event,) = milinc.parse(text, reference_date=ref).events
        assert event.date is not None and event.date.value == value, (text, event.date)
        assert milinc.to_contract(milinc.parse(text, reference_date=ref))["events"][0]["date"] == value


# --------------------------------------------------------------- grammar and plugins


def test_grammar_compiles_and_names_its_extension_points() -> None:
    source = engine.grammar_source("dates")
    assert "EXTENSION POINTS" in source
    for rule in ("day_phrase", "day_ref", "pod_noun", "clock_prep", "month"):
        assert f"\n{rule}:" in source or f"\n?{rule}:" in source


def test_plugin_can_extend_the_grammar_with_its_callback() -> None:
    fragment = 'KIPPOUR: "kippour"\n%extend day_ref: LE JOUR DE KIPPOUR -> yom_kippur\n'

    def yom_kippur(self: object, children: list[object]) -> DateParts:
        from milinc.dates.parts import merge_parts

        return merge_parts(children, "yom_kippur", month=10, day=6, year=1973)

    ext = Extensions(
        grammar={"dates": (fragment,)},
        callbacks={"dates": {"yom_kippur": yom_kippur}},
        lexicons={"date_anchors": ("kippour",)},
    )
    extractor = DateExtractor(ext)
    parts = extractor.parse_phrase("la guerre a commencé le jour de kippour")
    assert [(p.rule, p.year, p.month, p.day) for p in parts] == [("yom_kippur", 1973, 10, 6)]


# --------------------------------------------------------------- properties

_WORDS = ["le", "la", "du", "de", "au", "à", "en", "entre", "et", "depuis", "jusqu'au", "dès", "vers", "lundi", "mardi", "dimanche", "janvier", "mars", "août", "sept.", "1er", "1ᵉʳ", "0", "3", "12", "24", "31", "32", "2021", "2024", "3000", "h", "heures", "midi", "minuit", "matin", "soir", "nuit", "après-midi", "aube", "hier", "aujourd'hui", "veille", "lendemain", "jour", "jours", "semaine", "mois", "ans", "dernier", "prochain", "il", "y", "a", "plus", "tôt", "tard", ",", ".", "/", "-", ":", "(", ")", "14h30", "06:22", "UTC", "fin", "début", "mi-", "dans", "que", "l'attaque", "doit", "sera", "Avril", "Haines", "\xa0", "’"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.sampled_from([None, WEDNESDAY, dt.date(2023, 1, 1)]))
def test_any_word_salad_gives_valid_non_overlapping_mentions(words: list[str], ref: dt.date | None) -> None:
    text = " ".join(words)
    _, dates = parse_dates(text, ref)
    for d in dates:
        assert text[d.span.start : d.span.end] == d.span.text
    for a, b in itertools.pairwise(dates):
        assert a.span.end <= b.span.start


@pytest.mark.parametrize("text", ["Les tirs ont duré du 25 au 14h30 lundi.", "du 31 au 14h30", "de 48 à 9 h ce matin"])
@pytest.mark.parametrize("ref", [None, dt.date(2024, 1, 3)])
def test_a_number_that_is_no_hour_never_starts_a_range_of_times(text: str, ref: dt.date | None) -> None:
    # "du 25 au 14h30" once read 25 as a clock time and raised ValueError: the document was lost
    doc = milinc.parse(text, reference_date=ref)
    assert all(not d.span.text.startswith(("25", "31", "48")) for d in doc.dates)
    assert any("h" in d.span.text for d in doc.dates)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beyrouth, 24 septembre 2024 – Une frappe a visé un immeuble lundi.", dt.date(2024, 9, 24)),
        ("BAMAKO, 3 mars 2023 (Reuters) - L'armée a annoncé mardi une embuscade.", dt.date(2023, 3, 3)),
        ("Port-Soudan, le 12 juin 2024 — Des combats ont éclaté hier.", dt.date(2024, 6, 12)),
        ("Les combats du 12 juin 2024 – selon l'armée – ont fait dix morts.", None),
        ("Il a dit aux journalistes, 12 juin 2024 – rien de plus sur cette affaire.", None),
    ],
)
def test_wire_datelines_give_the_reference_date(text: str, expected: dt.date | None) -> None:
    assert milinc.parse(text).reference_date == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le 30 novembre, deux roquettes ont frappé Naqoura.", "2023-11-30"),
        ("Le 31 décembre, 10 missiles balistiques ont visé Kourakhove.", "2023-12-31"),
        ("Le 30 novembre, le ministre se rendra à Naqoura.", "2024-11-30"),
    ],
)
def test_names_that_end_like_future_verbs_do_not_make_a_date_future(text: str, value: str) -> None:
    doc = milinc.parse(text, reference_date=dt.date(2024, 1, 1))
    assert [d.value for d in doc.dates] == [value]


# --------------------------------------------------------------- DateParts as a value
def test_date_parts_are_values_and_but_checks_its_field_names() -> None:
    """Parts are shared between matches: equal parts hash alike, ``but`` copies and refuses unknown fields."""
    from milinc.dates.parts import merge_parts

    part = DateParts(0, 5, rule="date", day=3, month=4)
    copy = part.but(year=2024)
    assert (part.year, copy.year, copy.day, copy.month, copy.rule) == (None, 2024, 3, 4, "date")
    assert hash(part) == hash(DateParts(0, 5, rule="date", day=3, month=4))
    assert len({part, DateParts(0, 5, rule="date", day=3, month=4), copy}) == 2
    with pytest.raises(TypeError):
        part.but(no_such_field=1)
    # the first value that differs from its default wins, text order, whatever field group it is in
    merged = merge_parts([DateParts(0, 2, weekday=2), DateParts(3, 5, day=7, weekday=5), DateParts(6, 9, short_year=True)])
    assert (merged.start, merged.end, merged.weekday, merged.day, merged.short_year) == (0, 9, 2, 7, True)


def test_every_future_form_is_seen_wherever_the_window_cuts_it() -> None:
    """The cheap pre-check of future words must let every form through: at the window's end, before a digit or
    punctuation, irregular forms and auxiliaries alike."""
    from milinc.dates import context

    forms = sorted({*context._IRREGULAR_FUTURES, *context._FUTURE_AUXILIARIES, "attaquera", "reprendront"})
    for word in forms:
        for after in ("", " ", "2", ",", "-", "'"):
            text = f"ils {word}{after}"
            end = len("ils ") + len(word) if after == "" else len(text)
            auxiliaries = True
            assert context._future_words(text, 0, end, auxiliaries=auxiliaries, original=None), text
    assert not context._future_words("ils ont frappe la zone", 0, 22, auxiliaries=True, original=None)
    assert not context._future_words("la camera filme", 0, 15, auxiliaries=True, original=None)
