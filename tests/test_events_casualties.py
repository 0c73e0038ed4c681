"""Casualty totals of incidents: subsets, unknown counts, coordinated parts, anaphoric sentences.

The phrases are written for these tests; none is taken from the seed articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

import milinc
from milinc.ontology import Event

REF = dt.date(2024, 9, 25)  # a Wednesday
PARSER = milinc.Parser(discover=False)


def events(text: str) -> tuple[Event, ...]:
    return PARSER.parse(text, reference_date=REF).events


def toll(e: Event, slot: str) -> tuple[int | None, str] | None:
    c = getattr(e, slot)
    return None if c is None else (c.value, c.qualifier.value)


@pytest.mark.parametrize(("text", "slot", "expected"), [
    ("Une attaque jihadiste a fait cinq blessés, dont un grièvement, lundi près de Gao.", "injured", (5, "exact")),
    ("Cinq personnes ont été blessées, dont une grièvement, lors d'une attaque lundi à Gao.", "injured", (5, "exact")),
    ("Une embuscade a tué dix soldats lundi près de Gao, dont trois officiers.", "killed", (10, "exact")),
    ("Une frappe de drone a tué douze personnes mardi à Gaza, parmi lesquelles quatre enfants.", "killed", (12, "exact")),
])
def test_a_subset_is_not_added_to_the_total(text: str, slot: str, expected: tuple[int, str]) -> None:
    found = events(text)
    assert len(found) == 1
    assert toll(found[0], slot) == expected


@pytest.mark.parametrize("text", [
    "Une frappe a fait un nombre inconnu de morts mardi à Gaza.",
    "Un bombardement russe a tué un nombre indéterminé de civils lundi à Kharkiv.",
])
def test_an_unknown_number_of_dead(text: str) -> None:
    (e,) = events(text)
    assert toll(e, "killed") == (None, "unknown")


@pytest.mark.parametrize(("text", "expected"), [
    ("Une frappe aérienne a visé mardi un immeuble à Beyrouth, tuant un haut commandant et au moins trois civils.",
     (4, "at_least")),
    ("Lundi, une attaque a visé le camp de Boulkessi : cinq soldats et trois jihadistes ont été tués.", (8, "exact")),
    ("Un raid contre une position de l'armée a tué lundi sept soldats et deux civils près de Ménaka.", (9, "exact")),
])
def test_coordinated_parts_are_summed(text: str, expected: tuple[int, str]) -> None:
    (e,) = events(text)
    assert toll(e, "killed") == expected


def _by_place(found: tuple[Event, ...]) -> dict[str, Event]:
    return {e.location.name: e for e in found if e.location is not None}


@pytest.mark.parametrize(("text", "place", "other", "killed"), [
    ("Lundi, des bombardements ont frappé Kharkiv. Mardi, des hommes armés ont attaqué un poste de police à Gao. "
     "Quatre civils avaient été tués et six autres blessés dans ces bombardements.", "Kharkiv", "Gao", 4),
    ("Des drones ont frappé Odessa lundi. Mardi, des combattants ont attaqué un village près de Gao. "
     "Trois civils ont été tués dans la frappe.", "Odessa", "Gao", 3),
    ("Lundi, des drones ont frappé Kharkiv. Mardi, des soldats sont tombés dans une embuscade près de Gao. "
     "Deux soldats ont été tués dans l'embuscade.", "Gao", "Kharkiv", 2),
    ("Lundi, des hommes armés ont attaqué un poste de police à Gao. Mardi, une frappe a visé Odessa. "
     "Deux policiers ont été tués dans cette attaque.", "Odessa", "Gao", None),
])
def test_casualties_follow_the_anaphor(text: str, place: str, other: str, killed: int | None) -> None:
    by_place = _by_place(events(text))
    assert set(by_place) == {place, other}
    if killed is None:  # "cette attaque": the most recent incident, whatever its kind
        assert by_place[place].killed is not None and by_place[other].killed is None
    else:
        assert toll(by_place[place], "killed") == (killed, "exact")
        assert by_place[other].killed is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Douze soldats ont été tués samedi lors d'une attaque à Tassia. "
     "Une vingtaine d'assaillants ont été neutralisés au cours des combats.", (32, "about")),
    ("Sept policiers ont été tués lundi dans une attaque contre un poste près de Gao. "
     "Trois assaillants ont également été tués, selon l'armée.", (10, "exact")),
    # a toll that may count the attackers already is not added to
    ("Une attaque a fait 32 morts lundi près de Tassia. "
     "Une vingtaine d'assaillants ont été neutralisés au cours des combats.", (32, "exact")),
    # the attackers' dead said vaguely add nothing
    ("Au moins 40 soldats ont été tués dimanche dans une embuscade près de Djibo. "
     "Plusieurs assaillants ont été tués lors de la riposte.", (40, "at_least")),
])
def test_the_attackers_dead_told_apart_are_added(text: str, expected: tuple[int, str]) -> None:
    (e,) = events(text)
    assert toll(e, "killed") == expected


@pytest.mark.parametrize("tail", [
    "Les frappes avaient détruit plusieurs entrepôts à Deir ez-Zor, selon l'OSDH.",
    "Les frappes ont fait deux blessés.",
])
def test_a_plural_anaphor_takes_up_the_incident_named_alike(tail: str) -> None:
    text = ("Lundi, des frappes aériennes ont visé des dépôts près de Deir ez-Zor. "
            "Mardi, des drones ont attaqué la base d'al-Tanf. " + tail)
    by_place = _by_place(events(text))
    assert set(by_place) == {"Deir ez-Zor", "al-Tanf"}
    last_mention = max((m for e in by_place.values() for m in e.mentions), key=lambda s: s.start)
    assert last_mention in by_place["Deir ez-Zor"].mentions


@pytest.mark.parametrize(("text", "slot", "expected"), [
    # a toll sentence two sentences after its incident, and one opening the next paragraph
    ("Des hommes armés ont attaqué lundi le poste de Koro. Les assaillants sont repartis vers le nord. "
     "Le bilan provisoire fait état de sept morts.", "killed", (7, "exact")),
    ("Un drone a frappé lundi un marché de Gao.\n\nLe bilan, selon la mairie, est de trois morts.",
     "killed", (3, "exact")),
    ("Une roquette a visé mardi la base de Tabqa. Les débris sont tombés près du mess. "
     "Personne n'a été blessé.", "injured", (0, "exact")),
])
def test_a_toll_without_a_trigger_goes_to_the_incident_told_before_it(
        text: str, slot: str, expected: tuple[int, str]) -> None:
    found = events(text)
    assert len(found) == 1
    assert toll(found[0], slot) == expected


@pytest.mark.parametrize("text", [
    # a headline between, a generic mention between, a sentence of the story's background
    "Une roquette a visé mardi la base de Tabqa.\n\nLes attaques se multiplient\n\nLe bilan est de huit morts.",
    "Une roquette a visé mardi la base de Tabqa. Plus de 40 attaques ont visé la base depuis juin. "
    "Le bilan dépasse 90 blessés.",
    "Une roquette a visé mardi la base de Tabqa. La guerre civile a fait plus de 300 000 morts.",
])
def test_a_toll_without_a_trigger_stays_out_when_something_else_comes_between(text: str) -> None:
    found = [e for e in events(text) if e.span.text != "Les attaques"]
    assert found and all(e.killed is None and e.injured is None for e in found)


def test_a_part_named_with_its_whole_is_not_added() -> None:
    (e,) = events("Une roquette a blessé lundi six militaires à Erbil. Deux des six blessés ont été évacués.")
    assert toll(e, "injured") == (6, "exact")


def test_a_running_total_is_not_the_incident_toll() -> None:
    (e,) = events("Une mine a tué un soldat lundi près de Tessit. Ce décès porte à 61 le nombre de soldats morts au Mali.")
    assert toll(e, "killed") == (1, "exact")
