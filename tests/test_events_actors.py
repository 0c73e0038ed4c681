"""Incidents' attackers and targets by name: the events stage with :mod:`milinc.actors`."""

from __future__ import annotations

import datetime as dt

import milinc
from milinc.ontology import ActorType, Event

REF = dt.date(2024, 3, 1)


def only_event(text: str) -> Event:
    (event,) = milinc.parse(text, reference_date=REF).events
    return event


def test_state_forces_by_nationality_abroad_and_civilians_hit() -> None:
    e = only_event("L'armée russe a bombardé mardi la ville de Zaporijjia, tuant quatre civils.")
    assert e.country == "UA"
    assert e.attacker is not None and (e.attacker.name, e.attacker.inter, e.attacker.country) == (
        "Military Forces of Russia (2000-)", 8, "RU")
    assert e.target is not None and (e.target.span.text, e.target.name, e.target.inter) == (
        "ville de Zaporijjia", "Civilians (Ukraine)", 7)


def test_a_weapon_with_a_nationality_names_its_forces() -> None:
    e = only_event("Un drone russe a frappé un immeuble de Kharkiv dans la nuit de lundi à mardi.")
    assert e.attacker is not None and e.attacker.name == "Military Forces of Russia (2000-)"
    assert e.target is not None and e.target.name == "Civilians (Ukraine)"


def test_named_groups_with_the_incident_country() -> None:
    e = only_event("Les shebab ont attaqué jeudi une base de l'armée somalienne près de Mogadiscio.")
    assert e.attacker is not None and (e.attacker.name, e.attacker.inter) == ("Al Shabaab", 2)
    assert e.target is not None and (e.target.name, e.target.inter) == ("Military Forces of Somalia (2022-)", 1)
    e = only_event("Des jihadistes de l'EIGS ont tendu une embuscade à des soldats nigériens près de Tillabéri.")
    assert e.attacker is not None and e.attacker.name == "Islamic State (Sahel)"
    assert e.target is not None and e.target.name == "Military Forces of Niger (2023-)"


def test_unidentified_armed_men() -> None:
    e = only_event("Des hommes armés ont attaqué lundi un village de la région de Mopti, au Mali, tuant onze habitants.")
    assert e.attacker is not None and (e.attacker.name, e.attacker.inter, e.attacker.actor_type) == (
        "Unidentified Armed Group (Mali)", 3, ActorType.NON_STATE_ARMED_GROUP)


def test_the_actor_is_the_words_that_name_it_not_the_verb_after() -> None:
    e = only_event("L'armée affirme avoir abattu deux drones au-dessus de Koursk mardi.")
    assert e.attacker is not None and e.attacker.span.text == "L'armée"
    assert (e.attacker.name, e.attacker.country) == ("Military Forces of Russia (2000-)", "RU")


def test_a_bare_army_is_the_one_the_document_names() -> None:
    text = ("Les forces israéliennes ont intensifié leurs opérations dans le sud de Gaza. "
            "Mercredi, l'armée a bombardé un camp de déplacés à Khan Younès, tuant six personnes.")
    events = milinc.parse(text, reference_date=REF).events
    strike = next(e for e in events if "bombard" in e.span.text)
    assert strike.attacker is not None and strike.attacker.name == "Military Forces of Israel (2022-)"
    assert strike.attacker.inter == 8  # Israeli forces in Palestine


def test_a_weapon_phrase_is_never_an_actor() -> None:
    e = only_event("Des missiles Patriot ont abattu deux missiles balistiques russes au-dessus de Kiev lundi.")
    assert e.attacker is None or e.attacker.span.text != "Des missiles Patriot"


def test_explanations_say_why_this_actor() -> None:
    e = only_event("Les rebelles houthis ont tiré samedi un missile contre un vraquier grec en mer Rouge.")
    why = {(x.slot, x.rule) for x in e.explanations}
    assert ("attacker", "actor:group") in why
    assert ("target", "actor:civilians") in why
    assert e.target is not None and e.target.name == "Civilians (Greece)"


def test_a_plugins_actor_is_named_in_incidents() -> None:
    from milinc.plugins import Plugin

    plugin = Plugin(name="serma", lexicons={"actors": [
        {"name": "Katiba Serma", "aliases": ["katiba Serma"], "type": "non_state_armed_group", "inter": 2}]})
    parser = milinc.Parser(plugins=[plugin], discover=False)
    doc = parser.parse("Des combattants de la katiba Serma ont attaqué un poste militaire près de Boni, au Mali, lundi.",
                       reference_date=REF)
    (e,) = doc.events
    assert e.attacker is not None and (e.attacker.name, e.attacker.inter) == ("Katiba Serma", 2)


def test_the_contract_carries_actor_names() -> None:
    doc = milinc.parse("Les forces ukrainiennes ont frappé Donetsk dimanche.", reference_date=REF)
    (event,) = milinc.to_contract(doc)["events"]
    assert event["attacker"] == "Les forces ukrainiennes"
    assert (event["attacker_name"], event["attacker_inter"]) == ("Military Forces of Ukraine (2019-)", 1)
