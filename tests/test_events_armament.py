"""Weapon sets of incidents (GUIDELINES §5): what attacked and what intercepted, not what was hit or seized.

The phrases are written for these tests; none is taken from the seed or dev articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

import milinc
from milinc.ontology import Event

REF = dt.date(2024, 9, 25)  # a Wednesday
PARSER = milinc.Parser(discover=False)


def weapons(text: str) -> list[set[str]]:
    found: tuple[Event, ...] = PARSER.parse(text, reference_date=REF).events
    return [{w.value for w in e.weapons} for e in found]


@pytest.mark.parametrize("text", [
    "Un attentat suicide a tué huit personnes lundi dans un marché de Maiduguri.",
    "Deux kamikazes se sont fait exploser mardi à l'entrée d'une mosquée de Kano.",
    "Un kamikaze s'est fait exploser lundi au passage d'un convoi près de Mogadiscio, tuant trois soldats.",
])
def test_a_suicide_attack_uses_explosives(text: str) -> None:
    assert weapons(text) == [{"explosive"}]


def test_a_kamikaze_drone_is_not_a_suicide_bomber() -> None:
    assert weapons("Un drone kamikaze a frappé lundi un dépôt de carburant près de Belgorod.") == [{"drone"}]


@pytest.mark.parametrize("text", [
    "Un engin explosif a explosé lundi à proximité d'un véhicule blindé de l'armée près de Gao.",
    "Une bombe artisanale a explosé mardi près d'un char de l'armée à Kidal.",
    "Une mine a explosé lundi au passage d'un blindé près de Ménaka, blessant deux soldats.",
])
def test_a_vehicle_near_which_a_bomb_went_off_is_the_target(text: str) -> None:
    assert weapons(text) == [{"explosive"}]


@pytest.mark.parametrize("text", [
    "Un missile a été abattu lundi par un navire de guerre américain en mer Rouge.",
    "Un drone a été intercepté mardi par une frégate française dans le golfe d'Aden.",
])
def test_a_ship_that_intercepted_is_in_the_set(text: str) -> None:
    (found,) = weapons(text)
    assert "warship" in found


def test_a_ship_that_was_hit_is_not_in_the_set() -> None:
    assert weapons("Un missile a touché lundi un destroyer américain en mer Rouge.") == [{"missile"}]


@pytest.mark.parametrize("text", [
    "Des soldats ont été tués lundi dans une embuscade près de Gao. Les militaires ont saisi deux fusils d'assaut.",
    "Une attaque a visé lundi le poste de Boni. Les soldats ont ensuite découvert une cache d'obus de mortier.",
    "Une embuscade a tué trois soldats lundi près de Tessit; l'armée a récupéré des kalachnikovs sur les assaillants.",
])
def test_weapons_seized_after_the_incident_are_not_in_the_set(text: str) -> None:
    assert all("small_arms" not in w and "mortar" not in w for w in weapons(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Le tribunal a été saisi. Lundi, des roquettes ont frappé la base de Tabqa.", {"rocket"}),
    ("La justice est saisie du dossier. Mardi, un obus de mortier a touché le marché de Gao.", {"mortar"}),
    ("Le tribunal a été saisi. Lundi, des roquettes ont frappé la base de Tabqa, faisant deux morts.", {"rocket"}),
])
def test_a_seizure_word_in_an_earlier_sentence_keeps_the_weapons(text: str, expected: set[str]) -> None:
    # "saisi" of a court or a council two sentences earlier says nothing of the weapons that struck
    assert weapons(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Une frappe a visé lundi un immeuble de Kharkiv. Des missiles de croisière et des drones ont été utilisés.",
     {"missile", "drone"}),
    ("Des roquettes ont frappé mardi la base de Tabqa. Des drones armés étaient aussi du nombre, selon l'armée.",
     {"rocket", "drone"}),
    ("Une attaque a visé lundi le port d'Odessa.\n\nSelon la marine, des missiles balistiques étaient du nombre.",
     {"missile"}),
])
def test_a_weapon_told_in_a_sentence_without_trigger_goes_to_the_incident_before(text: str, expected: set[str]) -> None:
    assert weapons(text) == [expected]


@pytest.mark.parametrize("text", [
    # a sentence about arming, a habit, the story's background
    "Une frappe a visé lundi un immeuble de Kharkiv. Washington doit livrer de nouveaux missiles Patriot.",
    "Une frappe a visé lundi un immeuble de Kharkiv. Moscou dispose d'un arsenal de missiles de croisière.",
    "Une frappe a visé lundi un immeuble de Kharkiv. Les drones Shahed survolent régulièrement la ville.",
    "Une frappe a visé lundi un immeuble de Kharkiv.\n\nLa guerre voit l'usage massif de drones.",
])
def test_a_weapon_of_a_sentence_about_something_else_stays_out(text: str) -> None:
    (found,) = weapons(text)
    assert found <= {"aircraft"}  # "frappe" alone implies nothing else


def test_air_targets_are_not_aircraft() -> None:
    found = weapons("Des missiles ont frappé lundi Kiev. Toutes les cibles aériennes ont été détruites par la défense "
                    "aérienne.")
    assert found and all("aircraft" not in w for w in found)


@pytest.mark.parametrize("text", [
    "Le blindé a été détruit lundi par une mine près de Gao.",
    "Leur véhicule blindé aurait été touché mardi par un engin explosif près de Tessit.",
])
def test_the_subject_of_a_passive_trigger_is_the_target(text: str) -> None:
    assert weapons(text) == [{"explosive"}]


def test_the_weapons_of_a_habit_merged_in_are_not_the_incident_s() -> None:
    found = weapons("Deux roquettes sont tombées lundi près de la base de Tabqa. La base est régulièrement visée par des "
                    "drones armés.")
    assert found[0] == {"rocket"}
