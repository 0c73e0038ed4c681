"""Incidents (issue 6): triggers, discourse slots, not-events, merging, explanations, data-driven coding, plugins.

The phrases are written for these tests (none is taken from the seed articles);
the per-construction examples are in ``src/milinc/corpus/events.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import pytest
from lark import Token

import milinc
from milinc.engine import grammar_source
from milinc.events.triggers import RawTrigger
from milinc.events.typing import CodingInput, EventCoder
from milinc.extensions import extension_points
from milinc.ontology import Action, ActorType, Event, Modality, SubEventType, WeaponCategory
from milinc.plugins import Plugin

REF = dt.date(2024, 3, 14)  # a Thursday
PARSER = milinc.Parser(discover=False)


def events(text: str, ref: dt.date | None = REF) -> tuple[Event, ...]:
    doc = PARSER.parse(text, reference_date=ref)
    for e in doc.events:
        assert text[e.span.start : e.span.end] == e.span.text
        assert e.span in e.mentions
        assert list(e.mentions) == sorted(e.mentions, key=lambda s: s.start)
    return doc.events


def only(text: str, ref: dt.date | None = REF) -> Event:
    found = events(text, ref)
    assert len(found) == 1, [(e.span.text, e.sub_event_type.value) for e in found]
    return found[0]


# --- the grammar and the trigger readings -------------------------------------------------


def test_grammar_declares_its_extension_points() -> None:
    assert {"trigger", "nominal_tail", "aux_chain"} <= extension_points(grammar_source("events"))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Des obus se sont abattus mardi sur le marché de Donetsk.", "se sont abattus"),
        ("Les positions ukrainiennes n'ont pas été épargnées : elles ont été pilonnées mardi près de Pokrovsk.", "ont été pilonnées"),
        ("Une base a été la cible d'une attaque au drone mercredi près de Gao.", "attaque au drone"),
        ("Des soldats ont essuyé des tirs de mortier lundi à Ménaka.", "ont essuyé des tirs de mortier"),
        ("Un convoi a été pris pour cible mardi près de Djibo.", "a été pris pour cible"),
    ],
)
def test_verbal_and_target_constructions(text: str, trigger: str) -> None:
    e = only(text)
    assert trigger in [m.text for m in e.mentions]


def test_an_accented_participle_after_a_noun_is_not_a_noun() -> None:
    # "un dépôt frappé" is what was hit, not an incident on its own
    assert events("Un dépôt frappé la semaine dernière brûle encore.") == ()
    assert only("Frappe israélienne sur Tyr\n\nLe texte ne dit rien d'autre.").span.text == "Frappe israélienne"


def test_present_tense_is_an_incident_only_in_a_headline() -> None:
    assert only("La Russie bombarde Kharkiv\n\nLe texte ne dit rien d'autre.").span.text == "bombarde"
    assert events("Chaque nuit, la Russie bombarde les villes ukrainiennes sans relâche.") == ()


def test_infinitives_and_light_verbs() -> None:
    assert events("L'armée se prépare à frapper les positions ennemies.") == ()
    e = only("Les rebelles ont lancé jeudi une attaque contre la ville de Kidal.")
    assert e.span.text == "attaque"
    assert e.date is not None and e.date.value == "2024-03-14"


def test_impact_verbs_need_a_weapon() -> None:
    assert events("Le ministre est tombé malade mardi à Bamako.") == ()
    e = only("Deux obus de mortier sont tombés mardi près du camp de Tessit.")
    assert e.sub_event_type is SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK
    assert WeaponCategory.MORTAR in e.weapons


def test_shot_down_is_an_interception_with_a_drone_and_a_killing_without() -> None:
    e = only("Un drone a été abattu mardi au-dessus de Belgorod.")
    assert (e.sub_event_type, e.action) == (SubEventType.DISRUPTED_WEAPONS_USE, Action.INTERCEPTION)
    e = only("Un policier a été abattu mardi par des hommes armés à Gao.")
    assert e.sub_event_type is not SubEventType.DISRUPTED_WEAPONS_USE


# --- slots from the discourse ---------------------------------------------------------------


def test_date_from_the_previous_sentence() -> None:
    e = only("Mardi soir, une frappe a visé un entrepôt à Nikopol. Des obus ont été tirés sur le quartier.")
    assert e.date is not None and e.date.value == "2024-03-12TEV"
    text = ("Le Mali sous le feu\n\nLundi, l'armée a repoussé une attaque à Boni.\n\n"
            "Deux roquettes ont été tirées sur le camp de Tessit.")
    second = [x for x in events(text) if "roquettes" in x.span.text or x.span.text == "ont été tirées"]
    assert second and second[0].date is not None and second[0].date.value == "2024-03-11"
    assert any(x.rule == "previous_sentence" for x in second[0].explanations if x.slot == "date")


def test_date_is_not_carried_into_another_time() -> None:
    text = "Mardi, une frappe a visé Rafah. Cela survient quelques jours après une frappe aérienne sur Khan Younès."
    by_place = {e.location.name: e for e in events(text) if e.location}
    assert by_place["Rafah"].date is not None
    assert by_place["Khan Younès"].date is None


def test_the_day_of_a_statement_never_dates_the_incident() -> None:
    # §5 (2026 amendment): the statement's day is no fallback either
    assert only("Le porte-parole a déclaré mercredi soir que la base de Tessalit avait été attaquée.").date is None
    assert only("L'état-major a annoncé jeudi avoir abattu deux drones au-dessus de Koupiansk.").date is None
    assert only("Dans la soirée, le commandement a encore annoncé que des frappes avaient détruit un radar.").date is None
    assert only("Un convoi a été attaqué près de Ménaka, a indiqué l'armée mardi.").date is None


def test_a_date_of_the_incident_in_a_statement_still_dates_it() -> None:
    e = only("Le camp de Boni a été attaqué mardi, a annoncé l'armée malienne.")
    assert e.date is not None and e.date.value == "2024-03-12"
    e = only("L'armée a annoncé jeudi que le camp de Boni avait été attaqué mardi soir.")
    assert e.date is not None and e.date.value == "2024-03-12TEV"


def test_place_and_date_from_the_headline() -> None:
    e = only("Attaque jihadiste contre le camp de Boni\n\nL'attaque a fait trois morts mercredi.")
    assert e.location is not None and e.location.name == "Boni"
    assert e.country == "ML"
    assert e.date is not None and e.date.value == "2024-03-13"
    assert e.killed is not None and e.killed.value == 3


def test_publication_date_is_not_a_fallback() -> None:
    assert only("Une frappe aérienne a visé un site dans la province de Babel.").date is None


def test_casualties_in_the_next_sentence() -> None:
    e = only("Des drones ont visé lundi la base de Harir. Aucune victime n'est à déplorer.")
    assert e.killed is not None and e.killed.value == 0
    assert e.injured is not None and e.injured.value == 0


def test_launch_site_is_not_the_location() -> None:
    e = only("Des roquettes tirées depuis le village de Qana ont frappé mardi Kiryat Shmona.")
    assert e.location is not None and e.location.name == "Kiryat Shmona"
    assert e.country == "IL"


def test_a_country_named_as_an_actor_is_not_a_place() -> None:
    e = only("Des milices soutenues par l'Iran ont attaqué mardi la base de Harir.")
    assert e.country == "IQ"  # from the base, not "IR" from "l'Iran"


def test_actor_types_modality_and_source() -> None:
    e = only("Des hommes armés auraient tué douze civils dimanche près de Djibo, selon des sources locales.")
    assert e.attacker is not None and e.attacker.actor_type is ActorType.NON_STATE_ARMED_GROUP
    assert e.sub_event_type is SubEventType.ATTACK  # the dead are civilians
    assert e.modality is Modality.REPORTED
    assert e.source is not None and e.source.name == "des sources locales"
    denied = only("L'armée dément avoir bombardé mardi un marché de Khartoum.")
    assert denied.modality is Modality.DENIED


# --- not events --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Depuis janvier, plus de 200 frappes ont visé la région de Kherson.",
        "Le Hezbollah menace de nouvelles attaques contre le nord d'Israël.",
        "Les rebelles promettent de lancer des attaques contre les navires.",
        "L'ONU redoute des frappes éventuelles sur Rafah.",
        "Ce type d'attaque est devenu fréquent dans la région.",
        "Les frappes russes se poursuivent depuis le début de l'hiver.",
    ],
)
def test_not_events(text: str) -> None:
    assert events(text) == ()


def test_not_events_are_kept_with_their_reason() -> None:
    assembler = milinc.Parser(discover=False)
    assembler.parse("Plus de 40 attaques ont visé la base cette année.", reference_date=REF)
    reasons = {m.reason for m in assembler._events.last_non_events}
    assert reasons == {"aggregate"}


# --- merging ------------------------------------------------------------------------------------


def test_mentions_of_one_incident_merge() -> None:
    text = ("Une attaque au drone a visé mardi la base de Tessalit. L'attaque a blessé deux soldats. "
            "Selon l'armée, cette attaque n'a pas fait de mort.")
    e = only(text)
    assert len(e.mentions) >= 4
    assert e.injured is not None and e.injured.value == 2


def test_incidents_on_different_days_stay_apart() -> None:
    text = "Une frappe de drone a visé lundi la ville de Kherson. Une frappe de drone a visé mardi la ville de Kherson."
    assert [e.date.value for e in events(text) if e.date] == ["2024-03-11", "2024-03-12"]


def test_attack_and_retaliation_stay_apart() -> None:
    text = ("Une attaque à la roquette contre les forces américaines a eu lieu lundi en Syrie. "
            "La frappe américaine contre les positions des milices a suivi mardi.")
    types = sorted(e.sub_event_type.value for e in events(text))
    assert types == ["air_drone_strike", "shelling_artillery_missile_attack"]


def test_interception_is_its_own_incident() -> None:
    text = ("La Russie a lancé mercredi une attaque de missiles contre Odessa. "
            "Plus tard, la défense aérienne a intercepté six drones au-dessus de Kiev.")
    types = sorted(e.sub_event_type.value for e in events(text))
    assert types == ["disrupted_weapons_use", "shelling_artillery_missile_attack"]


def test_arrest_after_an_attack_is_another_incident() -> None:
    text = "Des roquettes ont visé lundi la base d'al-Omar, et les forces ont arrêté deux suspects."
    assert sorted(e.sub_event_type.value for e in events(text)) == ["arrests", "shelling_artillery_missile_attack"]


# --- explanations and the CLI --------------------------------------------------------------------


def test_every_slot_has_an_explanation() -> None:
    e = only("Une frappe de drone a tué trois combattants dimanche près de Nabatiyé, selon l'agence ANI.")
    explained = {x.slot for x in e.explanations}
    assert {"trigger", "date", "location", "country", "weapons", "killed", "source", "type"} <= explained
    date = next(x for x in e.explanations if x.slot == "date")
    assert date.span is not None and date.span.text == "dimanche"


def test_cli_explain_prints_the_reasons() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "milinc", "parse", "--format", "text", "--explain", "--reference-date", "2024-03-14", "-"],
        input="Des roquettes sont tombées lundi près de l'aéroport de Bagdad.",
        capture_output=True, text=True, check=True,
    ).stdout
    assert "shelling_artillery_missile_attack" in out
    assert "location: gazetteer" in out


# --- the ACLED coding is data ---------------------------------------------------------------------


def test_acled_precedence() -> None:
    coder = EventCoder()

    def code(action: Action, weapons: set[WeaponCategory], **kw: Any) -> str:
        return coder.code(CodingInput(action, frozenset({action}), frozenset(weapons), **kw))[1].value

    assert code(Action.ATTACK, {WeaponCategory.DRONE, WeaponCategory.MISSILE}) == "air_drone_strike"
    assert code(Action.CLASH, {WeaponCategory.ROCKET}) == "shelling_artillery_missile_attack"
    assert code(Action.ATTACK, {WeaponCategory.EXPLOSIVE}, flags=frozenset({"suicide"})) == "suicide_bomb"
    assert code(Action.INTERCEPTION, {WeaponCategory.DRONE}) == "disrupted_weapons_use"
    assert code(Action.ATTACK, set(), target_type=ActorType.CIVILIANS) == "attack"
    assert code(Action.ATTACK, set()) == "armed_clash"
    assert code(Action.ARREST, set()) == "arrests"


def test_another_scheme_is_another_mapping() -> None:
    cameo_like = {
        "rules": [
            {"when": {"weapons": ["aircraft", "drone"]}, "sub_event_type": "air_drone_strike"},
            {"when": {}, "sub_event_type": "other"},
        ],
        "event_types": {"air_drone_strike": "explosions_remote_violence", "other": "strategic_developments"},
    }
    coder = EventCoder(cameo_like)
    item = CodingInput(Action.STRIKE, frozenset({Action.STRIKE}), frozenset({WeaponCategory.ROCKET}))
    assert coder.code(item)[1] is SubEventType.OTHER


# --- plugins ----------------------------------------------------------------------------------------


def test_plugin_places_and_trigger_nouns() -> None:
    plugin = Plugin(
        name="testplaces",
        lexicons={
            "places": [{"name": "Zinzin-Nord", "kind": "town", "country": "NE"}],
            "triggers": [{"name": "coup de main", "aliases": ["coups de main"], "action": "attack"}],
        },
    )
    parser = milinc.Parser(plugins=[plugin], discover=False)
    doc = parser.parse("Un coup de main a visé mardi Zinzin-Nord.", reference_date=REF)
    assert len(doc.events) == 1
    e = doc.events[0]
    assert e.span.text == "coup de main"
    assert e.location is not None and (e.location.name, e.country) == ("Zinzin-Nord", "NE")


def _sahel_raid(children: list[Any]) -> RawTrigger:
    word: Token = children[0]
    assert word.start_pos is not None and word.end_pos is not None
    return RawTrigger("nominal", "attaque", word.start_pos, word.end_pos)


def test_plugin_grammar_fragment_at_the_trigger_extension_point() -> None:
    plugin = Plugin(
        name="testraid",
        grammar={"events": ['%extend trigger: TESTRAID_WORD -> testraid_rule\nTESTRAID_WORD.5: "rezzou"']},
        callbacks={"events": {"testraid_rule": _sahel_raid}},
    )
    parser = milinc.Parser(plugins=[plugin], discover=False)
    doc = parser.parse("Un rezzou a frappé mardi le village de Koutougou.", reference_date=REF)
    assert [m.text for e in doc.events for m in e.mentions][:1] == ["rezzou"]
