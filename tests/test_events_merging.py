"""Merging: weapons of merged mentions, additive verbs, light-verb constructions.

The phrases are written for these tests; none is taken from the seed articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

import milinc
from milinc.ontology import Event, SubEventType, WeaponCategory

REF = dt.date(2024, 9, 25)  # a Wednesday
PARSER = milinc.Parser(discover=False)


def events(text: str) -> tuple[Event, ...]:
    return PARSER.parse(text, reference_date=REF).events


@pytest.mark.parametrize(("text", "weapons"), [
    ("Lundi, des avions américains ont frappé des positions houthies près de Hodeïda. "
     "Des missiles Tomahawk ont également été tirés depuis des navires.",
     {WeaponCategory.AIRCRAFT, WeaponCategory.MISSILE}),
    ("Une frappe aérienne a visé lundi un dépôt d'armes à Deir ez-Zor. "
     "Des missiles ont aussi été tirés depuis des navires de guerre, selon le Pentagone.",
     # the warships fired: in the set (GUIDELINES §5: a platform that fired or launched is)
     {WeaponCategory.AIRCRAFT, WeaponCategory.MISSILE, WeaponCategory.WARSHIP}),
])
def test_an_additive_verb_brings_its_weapons_to_the_incident(text: str, weapons: set[WeaponCategory]) -> None:
    (e,) = events(text)
    assert set(e.weapons) == weapons
    assert e.sub_event_type is SubEventType.AIR_DRONE_STRIKE


def test_an_additive_verb_on_another_day_is_another_incident() -> None:
    found = events("Lundi, des drones ont frappé Kharkiv. Mardi, des missiles ont également été tirés sur Odessa.")
    assert [e.location.name for e in found if e.location] == ["Kharkiv", "Odessa"]


@pytest.mark.parametrize(("text", "noun", "sub_type"), [
    ("Lundi, des jihadistes ont lancé une attaque massive contre le camp de Boulkessi.", "attaque",
     SubEventType.ARMED_CLASH),
    ("L'armée israélienne a mené des frappes contre des positions du Hezbollah lundi près de Tyr.", "frappes",
     SubEventType.AIR_DRONE_STRIKE),
    ("Un groupe armé a perpétré un attentat à la voiture piégée lundi contre un marché à Mogadiscio.", "attentat",
     SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ("Les rebelles ont lancé mardi une embuscade contre un convoi de l'armée près de Gao.", "embuscade",
     SubEventType.ARMED_CLASH),
])
def test_a_light_verb_gives_way_to_its_noun(text: str, noun: str, sub_type: SubEventType) -> None:
    (e,) = events(text)
    assert e.span.text.startswith(noun)
    assert [m.text.split()[0] for m in e.mentions] == [e.span.text.split()[0]]
    assert e.sub_event_type is sub_type
    assert e.attacker is not None


@pytest.mark.parametrize(("text", "killed"), [
    ("Des tirs de roquettes sur Bagdad ont fait 2 morts.\nLe marché de la ville reste calme en fin de journée.", 2),
    ("Frappes israéliennes sur Tyr : 5 morts\n\nLundi, des avions israéliens ont visé un immeuble à Tyr, "
     "tuant cinq personnes.", 5),
])
def test_a_headline_plural_that_counts_the_dead_of_a_place_is_an_incident(text: str, killed: int) -> None:
    (e,) = events(text)
    assert e.killed is not None and e.killed.value == killed


def test_a_headline_plural_without_count_sums_up() -> None:
    (e,) = events("Frappes russes en Ukraine : le bilan s'alourdit\n\nLundi, des drones ont frappé Odessa, "
                  "blessant deux personnes.")
    assert e.location is not None and e.location.name == "Odessa"


def test_first_token_filter_changes_no_match() -> None:
    # the trigger matcher skips starts no trigger can begin with; it must find exactly what a full try finds
    from milinc.events.triggers import TriggerFinder
    from milinc.extensions import Extensions

    finder = TriggerFinder(Extensions())
    text = ("les drones n'ont pas encore ete abattus ; des roquettes se sont abattues lundi , l'armee a ete "
            "la cible d'une attaque et les soldats ont ete pris pour cible par des tirs de mortiers")
    fast = list(finder.raw_triggers(text))
    assert finder.matcher._driver is not None
    finder.matcher._driver.filter_starts = False  # every start parsed
    assert fast and list(finder.raw_triggers(text)) == fast
