"""Actors by name (``milinc.actors``): phrases → ACLED names, inter codes and countries."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from milinc.actors import ActorResolver, day_of, interaction, load_actor_data
from milinc.countries import country, country_name
from milinc.extensions import Extensions
from milinc.normalize import fold
from milinc.ontology import ActorType


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def named(resolver: ActorResolver, phrase: str, **context: Any) -> tuple[str | None, int, str | None] | None:
    actor = resolver.resolve_text(phrase, **context)
    return None if actor is None else (actor.name, actor.inter, actor.country)


# --- state forces ----------------------------------------------------------------------


@pytest.mark.parametrize("phrase", [
    "l'armée russe", "les forces russes", "des troupes russes", "un soldat russe", "l'aviation russe",
    "un drone russe", "des missiles russes", "la Russie", "le Kremlin", "la défense aérienne russe",
])
def test_russian_forces_by_noun_or_adjective(resolver: ActorResolver, phrase: str) -> None:
    assert named(resolver, phrase, country="UA", date="2023-06-01") == ("Military Forces of Russia (2000-)", 8, "RU")


@pytest.mark.parametrize("phrase", [
    "l'armée israélienne", "les forces israéliennes", "un drone israélien", "des frappes israéliennes",
    "Tsahal", "Israël", "l'État hébreu", "les soldats israéliens", "des avions de chasse israéliens",
])
def test_israeli_forces_every_agreement(resolver: ActorResolver, phrase: str) -> None:
    assert named(resolver, phrase, country="IL", date="2024-02-10") == ("Military Forces of Israel (2022-)", 1, "IL")


def test_state_forces_at_home_are_1_abroad_8(resolver: ActorResolver) -> None:
    assert named(resolver, "les forces ukrainiennes", country="UA")[1:] == (1, "UA")  # type: ignore[index]
    assert named(resolver, "les forces ukrainiennes", country="RU")[1:] == (8, "UA")  # type: ignore[index]
    # no incident country: nothing says the forces are abroad
    assert named(resolver, "les forces ukrainiennes")[1] == 1  # type: ignore[index]


def test_the_period_follows_the_incident_date(resolver: ActorResolver) -> None:
    def mali(day: str) -> str | None:
        return named(resolver, "l'armée malienne", country="ML", date=day)[0]  # type: ignore[index]

    assert mali("2019-03-01") == "Military Forces of Mali (2013-2020)"
    assert mali("2020-12-31") == "Military Forces of Mali (2020-2021)"
    assert mali("2021-05-24") == "Military Forces of Mali (2021-)"
    assert mali("2024-01-20TNI") == "Military Forces of Mali (2021-)"
    # an unknown day gives the name without a period rather than a wrong one
    assert named(resolver, "l'armée malienne", country="ML")[0] == "Military Forces of Mali"  # type: ignore[index]


def test_police_forces(resolver: ActorResolver) -> None:
    assert named(resolver, "des policiers nigériens", country="NE", date="2024-01-01") == (
        "Police Forces of Niger (2023-)", 1, "NE")
    assert named(resolver, "la gendarmerie", country="BF", date="2023-01-01", states=["BF"])[0] == (  # type: ignore[index]
        "Police Forces of Burkina Faso (2022-)")


def test_forces_without_nationality_are_the_documents_then_the_incident_countrys(resolver: ActorResolver) -> None:
    # in a text about Israeli strikes in Gaza, "l'armée" is Israel's, not Palestine's
    actor = resolver.resolve_text("l'armée", country="PS", states=["IL"], date="2024-01-01")
    assert actor is not None and (actor.name, actor.inter, actor.rule) == (
        "Military Forces of Israel (2022-)", 8, "state:document")
    actor = resolver.resolve_text("les militaires", country="TD")
    assert actor is not None and (actor.name, actor.rule) == ("Military Forces of Chad", "state:incident_country")
    actor = resolver.resolve_text("les soldats")
    assert actor is not None and (actor.name, actor.actor_type, actor.rule) == (
        None, ActorType.STATE_FORCES, "state:unknown")


def test_a_capital_is_the_attacker_government_but_a_place_as_target(resolver: ActorResolver) -> None:
    assert named(resolver, "Washington", role="attacker", country="YE")[2] == "US"  # type: ignore[index]
    assert resolver.resolve_text("Kiev", role="target", country="UA") is None
    # a country's name stays an actor as a target: "une attaque contre Israël"
    assert named(resolver, "Israël", role="target", country="IL")[2] == "IL"  # type: ignore[index]


def test_document_states(resolver: ActorResolver) -> None:
    from milinc.normalize import NormalizedText

    text = ("Les soldats maliens ont repoussé l'attaque. L'armée a perdu deux hommes. "
            "Les FAMa ont ensuite ratissé la zone avec des militaires burkinabè.")
    assert resolver.document_states(NormalizedText(text)) == ["ML", "BF"]


def test_the_countries_with_the_in_their_forces_name(resolver: ActorResolver) -> None:
    assert named(resolver, "les soldats américains")[0] == "Military Forces of the United States"  # type: ignore[index]
    assert named(resolver, "les FARDC", date="2024-02-01")[0] == (  # type: ignore[index]
        "Military Forces of the Democratic Republic of Congo (2019-)")


# --- named groups ----------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "name", "inter"), [
    ("les combattants du Hamas", "Hamas Movement", 2),
    ("la branche armée du Hamas", "Hamas Movement", 2),
    ("le Jihad islamique", "PIJ: Palestinian Islamic Jihad", 2),
    ("le Hezbollah libanais", "Hezbollah", 3),
    ("des rebelles houthis", "Houthi Movement (Ansar Allah)", 2),
    ("Ansar Allah", "Houthi Movement (Ansar Allah)", 2),
    ("des jihadistes du JNIM", "JNIM: Group for Support of Islam and Muslims", 2),
    ("le GSIM", "JNIM: Group for Support of Islam and Muslims", 2),
    ("l'EIGS", "Islamic State (Sahel)", 2),
    ("l'État islamique au Grand Sahara", "Islamic State (Sahel)", 2),
    ("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
    ("l'ISWAP", "Islamic State (West Africa)", 2),
    ("les shebab", "Al Shabaab", 2),
    ("les chebabs somaliens", "Al Shabaab", 2),
    ("les rebelles du M23", "M23: March 23 Movement", 2),
    ("les FSR", "RSF: Rapid Support Forces", 2),
    ("les Forces de soutien rapide", "RSF: Rapid Support Forces", 2),
    ("les mercenaires de Wagner", "Wagner Group", 8),
    ("l'Africa Corps", "Africa Corps", 8),
    ("le Hachd al-Chaabi", "PMF: Popular Mobilization Forces", 3),
    ("les Kataeb Hezbollah", "Kataib Hezbollah", 3),
    ("la Résistance islamique en Irak", "Islamic Resistance in Iraq", 3),
    ("la Minusma", "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali", 8),
    ("les Casques bleus de la Finul", "UNIFIL: United Nations Interim Force in Lebanon", 8),
])
def test_named_groups_and_their_french_aliases(resolver: ActorResolver, phrase: str, name: str, inter: int) -> None:
    actor = resolver.resolve_text(phrase)
    assert actor is not None and (actor.name, actor.inter, actor.rule) == (name, inter, "group")


@pytest.mark.parametrize(("where", "name"), [
    ("IQ", "Islamic State (Iraq)"), ("SY", "Islamic State (Syria)"), ("NE", "Islamic State (Sahel)"),
    ("NG", "Islamic State (West Africa)"), ("MZ", "Islamic State (Mozambique)"), ("FR", "Islamic State"), (None, "Islamic State"),
])
def test_islamic_state_branch_by_incident_country(resolver: ActorResolver, where: str | None, name: str) -> None:
    for phrase in ("l'organisation État islamique", "Daech", "des combattants de l'EI"):
        assert named(resolver, phrase, country=where)[0] == name  # type: ignore[index]


def test_coalition_forces(resolver: ActorResolver) -> None:
    assert named(resolver, "les forces de la coalition", country="SY") == (
        "Coalition Forces: Operation Inherent Resolve", 8, None)
    assert named(resolver, "la coalition dirigée par l'Arabie saoudite", country="YE", date="2020-01-01")[0] == (  # type: ignore[index]
        "Military Forces of Saudi Arabia (2015-)")


def test_a_unit_of_state_forces_keeps_its_states_name(resolver: ActorResolver) -> None:
    actor = resolver.resolve_text("les Gardiens de la révolution", country="IR", date="2024-04-14")
    assert actor is not None
    assert (actor.name, actor.inter, actor.actor_type, actor.country) == (
        "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", 1, ActorType.STATE_FORCES, "IR")


def test_acronyms_must_be_written_in_capitals(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("l'EI", country="SY") is not None
    # lowercase "ei", "hts", "fds" are no acronyms
    assert resolver.resolve_text("un mot ei", country="SY") is None
    assert resolver.resolve_text("les fds", country="SY") is None


def test_an_alias_meant_for_some_countries(resolver: ActorResolver) -> None:
    assert named(resolver, "les FDS", country="SY")[0] == "SDF: Syrian Democratic Forces"  # type: ignore[index]
    burkina = resolver.resolve_text("les FDS", country="BF")
    assert burkina is not None and burkina.name == "Military Forces of Burkina Faso" and burkina.inter == 1


# --- civilians, unidentified armed groups, no actor ------------------------------------


@pytest.mark.parametrize("phrase", ["des civils", "les habitants du village", "des fidèles", "une école", "la ville de Gao",
                                    "des enfants", "un navire marchand", "des orpailleurs"])
def test_civilians_of_the_incident_country(resolver: ActorResolver, phrase: str) -> None:
    assert named(resolver, phrase, country="ML") == ("Civilians (Mali)", 7, "ML")


def test_civilians_of_their_nationality(resolver: ActorResolver) -> None:
    assert named(resolver, "un vraquier grec", country="YE") == ("Civilians (Greece)", 7, "GR")
    assert named(resolver, "des civils ukrainiens", country="RU") == ("Civilians (Ukraine)", 7, "UA")


@pytest.mark.parametrize("phrase", ["des hommes armés", "des individus armés non identifiés", "des assaillants",
                                    "des jihadistes", "des terroristes", "des bandits armés", "des insurgés"])
def test_unidentified_armed_groups(resolver: ActorResolver, phrase: str) -> None:
    assert named(resolver, phrase, country="BF") == ("Unidentified Armed Group (Burkina Faso)", 3, "BF")


@pytest.mark.parametrize("phrase", ["une frappe de drone", "le missile", "l'attaque", "des tirs de roquettes",
                                    "une explosion", "le bombardement"])
def test_triggers_and_weapons_without_nationality_are_no_actor(resolver: ActorResolver, phrase: str) -> None:
    assert resolver.resolve_text(phrase, country="UA") is None


def test_a_plugins_actor_is_named(resolver: ActorResolver) -> None:
    extensions = Extensions(lexicons={"actors": ({"name": "Katiba Serma", "aliases": ["la Serma"],
                                                  "type": "non_state_armed_group", "side": "jihadists"},)},
                            key="test-actors-serma")
    extended = ActorResolver.for_extensions(extensions)
    actor = extended.resolve_text("des combattants de la katiba Serma", country="ML")
    assert actor is not None and (actor.name, actor.inter, actor.side) == ("Katiba Serma", 2, "jihadists")
    # the built-in names still win, and the built-in resolver does not know the plugin's
    assert named(extended, "le Hamas")[0] == "Hamas Movement"  # type: ignore[index]
    assert resolver.resolve_text("la katiba Serma", country="ML") is None


# --- codes and data ----------------------------------------------------------------------


def test_interaction_codes() -> None:
    assert interaction(1, 7) == 17
    assert interaction(7, 2) == 27
    assert interaction(8, 8) == 88
    assert interaction(3, None) == 30
    assert interaction(None, 1) is None


def test_day_of_timex_values() -> None:
    assert day_of("2024-01-20TEV") == dt.date(2024, 1, 20)
    assert day_of("2024-01") == dt.date(2024, 1, 1)
    assert day_of("2024-W03") == dt.date(2024, 1, 1)
    assert day_of("XXXX-06-28") is None
    assert day_of(None) is None


def test_actor_data_is_consistent() -> None:
    data = load_actor_data()
    for state in data["states"]:
        assert country(state["country"]) is not None, state["country"]
        periods = state.get("periods", [])
        for before, after in itertools.pairwise(periods):
            assert before["to"] == after["from"], state["country"]
        assert not periods or periods[-1]["to"] is None
    for group in data["groups"]:
        assert 1 <= group["inter"] <= 8, group["name"]
        for iso in [group.get("country"), group.get("state"), *group.get("by_country", {})]:
            assert iso is None or country(iso) is not None, (group["name"], iso)
    # an alias names one group, unless the countries it is meant for tell them apart
    owners: dict[str, set[str]] = {}
    for group in data["groups"]:
        for alias in group["aliases"]:
            if isinstance(alias, str):
                owners.setdefault(fold(alias), set()).add(group["name"])
    assert {a: n for a, n in owners.items() if len(n) > 1} == {}


def test_countries_table() -> None:
    assert (country("UA").numeric, country_name("UA")) == (804, "Ukraine")  # type: ignore[union-attr]
    assert country_name("CD") == "Democratic Republic of Congo"
    assert country("xk").numeric == 0  # type: ignore[union-attr]  # Kosovo, as ACLED codes it
