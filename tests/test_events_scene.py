"""Which place is an incident's scene, and which country (milinc.events.scene).

Every text here is written for these tests (none comes from an evaluation corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

import milinc
from milinc.ontology import Event
from milinc.places import default_index

pytestmark = pytest.mark.skipif(not default_index().available, reason="the GeoNames index is not built")

REF = dt.date(2024, 3, 14)


def incidents(text: str, reference: dt.date = REF) -> list[Event]:
    return list(milinc.parse(text, reference_date=reference).events)


def incident(text: str, trigger: str, reference: dt.date = REF) -> Event:
    """The incident whose mentions hold *trigger*."""
    events = incidents(text, reference)
    found = [e for e in events if any(trigger in m.text for m in e.mentions)]
    assert found, [(e.span.text, [m.text for m in e.mentions]) for e in events]
    return found[0]


def where(e: Event) -> tuple[str | None, str | None]:
    return (e.location.name if e.location else None), e.country


def rule(e: Event, slot: str) -> str:
    return next(x.rule for x in e.explanations if x.slot == slot)


# --- the place said before ----------------------------------------------------------------------


def test_la_ville_is_the_town_named_before() -> None:
    text = ("Des missiles ont frappé Kharkiv dans la nuit de lundi, faisant trois morts.\n\n"
            "Mardi, le gouverneur a annoncé que des combats de rue avaient éclaté dans la ville.")
    e = incident(text, "combats")
    assert where(e) == ("Kharkiv", "UA")
    assert rule(e, "location").startswith("anaphor:")


def test_near_the_base_is_the_base_named_before() -> None:
    text = ("Des obus ont visé samedi la base de Tessalit, sans faire de victime. Le précédent incident remonte au "
            "3 mars, quand deux roquettes sont tombées à proximité de la base.")
    e = incident(text, "sont tombées")
    assert where(e) == ("Tessalit", "ML")


def test_an_unnamed_base_is_the_base_the_text_names() -> None:
    text = ("Quatre obus sont tombés mardi sur une base du nord de la Syrie abritant des soldats américains. "
            "La base de Tall Baydar accueille quelque deux cents militaires de la coalition.")
    e = incident(text, "sont tombés")
    assert where(e) == ("Tall Baydar", "SY")
    assert rule(e, "location").startswith("named_facility:")


def test_a_place_of_the_sentence_before_is_carried() -> None:
    text = ("Les forces russes ont pilonné Kherson dimanche soir, selon le gouverneur. Une première frappe avait "
            "détruit une école la veille au matin.")
    e = incident(text, "frappe")
    assert where(e) == ("Kherson", "UA")
    assert rule(e, "location").startswith("previous_sentence:")


def test_no_place_is_carried_into_another_incident() -> None:
    text = ("Un obus a tué deux civils à Kherson dimanche. Par ailleurs, une attaque de drone a blessé un "
            "soldat lundi.")
    e = incident(text, "attaque de drone")
    assert where(e)[0] is None


# --- choosing among the clause's places ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "place", "country"),
    [
        ("Mercredi matin, l'armée israélienne a affirmé avoir touché un dépôt d'armes dans le quartier est de la ville "
         "de Rafah, après des frappes nocturnes contre des « tunnels et des rampes de lancement ».",
         "frappes nocturnes", "Rafah", "PS"),
        ("Jeudi, le ministère russe de la Défense a dit avoir détruit un poste de commandement près de Koupiansk, "
         "après des bombardements nocturnes visant des « positions et des dépôts ».",
         "bombardements nocturnes", "Koupiansk", "UA"),
    ],
)
def test_the_place_of_the_sentence_locates_an_incident_with_none_of_its_own(
        text: str, trigger: str, place: str, country: str) -> None:
    e = incident(text, trigger)
    assert where(e) == (place, country)
    assert rule(e, "location").startswith("same_sentence:")


def test_a_country_aimed_at_is_the_location_when_nothing_finer_is_known() -> None:
    e = incident("L'Iran a tiré des dizaines de missiles vers Israël dans la nuit de samedi.", "tiré")
    assert where(e) == ("Israël", "IL")


def test_a_country_said_as_where_is_not_a_location() -> None:
    e = incident("Trois soldats américains ont été blessés lundi dans une attaque de drone en Syrie.", "attaque")
    assert where(e) == (None, "SY")


def test_a_finer_place_of_another_country_than_the_target_is_an_aside() -> None:
    text = ("L'Iran a lancé des missiles contre Israël mardi soir. La plupart ont été interceptés ; l'attaque a "
            "tué un Palestinien à Naplouse, en Cisjordanie.")
    e = incident(text, "lancé")
    assert where(e) == ("Israël", "IL")


@pytest.mark.parametrize("text", [
    "Le Hezbollah a tiré une centaine de roquettes vers Israël mardi. Selon l'armée, la plupart ont été interceptées. "
    "Au total, l'attaque a coûté la vie à un berger à Chebaa, au Liban, et fait deux blessés.",
    "Des drones ont été lancés contre l'Ukraine dans la nuit de lundi. Au total, l'attaque a fait un mort et deux blessés "
    "à Soroca, en Moldavie.",
])
def test_a_death_across_the_border_of_the_country_aimed_at_stays_in_the_attack(text: str) -> None:
    events = incidents(text)
    assert len(events) == 1, [(e.span.text, where(e)) for e in events]
    assert where(events[0])[1] in ("IL", "UA")
    if "Soroca" in text:  # (the Chebaa toll: events' territory sides drop the anaphor, see NOTICES)
        assert events[0].killed is not None and events[0].killed.value == 1


def test_a_country_aimed_at_in_a_later_sentence_does_not_move_the_scene() -> None:
    text = ("Une roquette a frappé vendredi une base près de Kirkouk, blessant quatre soldats. L'attaque contre les "
            "Etats-Unis a été revendiquée par une milice.")
    events = incidents(text)
    assert [where(e) for e in events] == [("Kirkouk", "IQ")]


@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("Des tirs ont été entendus à Kidal et à Gao, où des hommes armés ont attaqué un poste de police mardi.",
     "ont attaqué", "Gao"),
    ("Les sirènes ont retenti à Soumy, Kharkiv et Poltava, ainsi que dans la ville de Dnipro, qui a été frappée "
     "par deux missiles lundi.", "a été frappée", "Dnipro"),
    ("Des détonations ont été signalées à Mopti et Ségou, puis à Djenné, où une embuscade a tué trois soldats jeudi.",
     "embuscade", "Djenné"),
])
def test_the_place_a_relative_clause_of_the_trigger_is_said_of_is_the_scene(text: str, trigger: str, place: str) -> None:
    assert where(incident(text, trigger))[0] == place


def test_a_relative_clause_does_not_beat_a_base() -> None:
    text = "À Kirkouk, où des roquettes ont visé mardi la base K-1, deux soldats ont été blessés."
    assert where(incident(text, "ont visé"))[0] == "base K-1"


@pytest.mark.parametrize(("text", "place"), [
    ("Israël a intensifié ses frappes sur Gaza. Mardi, une frappe a tué douze personnes dans une école.", "Gaza"),
    ("Les combats se sont étendus à la région de Kherson. Jeudi, un bombardement a tué deux civils.", "Kherson"),
])
def test_a_province_of_the_sentence_before_places_an_incident_with_no_place(text: str, place: str) -> None:
    assert where(incidents(text)[-1])[0] == place


@pytest.mark.parametrize(("text", "place"), [
    ("Ukraine : Kharkiv à nouveau sous le feu\n\nLa deuxième ville du pays a été visée par des missiles dans la nuit "
     "de mardi, faisant trois morts.", "Kharkiv"),
    ("Attaque meurtrière contre l'armée à Boulkessi\n\nSeize soldats ont été tués lundi lors d'une attaque "
     "jihadiste contre leur camp, a annoncé l'état-major.", "Boulkessi"),
])
def test_the_one_town_of_the_headline_places_an_incident_of_the_lede(text: str, place: str) -> None:
    e = incidents(text)[0]
    assert where(e)[0] == place


def test_the_headline_town_is_not_carried_past_the_lede() -> None:
    text = ("Kharkiv sous les bombes\n\nDes missiles ont frappé Kharkiv dans la nuit de mardi.\n\n"
            "Dans un autre incident, une frappe de drone a tué deux civils mercredi.")
    e = incident(text, "drone")
    assert where(e)[0] != "Kharkiv"


def test_a_region_of_no_country_yields_to_a_region_of_a_country() -> None:
    text = "Deux soldats de la force européenne au Sahel ont été tués mardi par une bombe artisanale dans le nord du Niger."
    assert where(incidents(text)[0]) == ("nord du Niger", "NE")


def test_a_reference_point_yields_to_the_sea_that_holds_the_incident() -> None:
    text = "Un cargo a été touché par un missile dans le golfe d'Aden, à 90 km au sud-est du port de Moukalla."
    assert where(incidents(text)[0]) == ("golfe d'Aden", "YE")


def test_a_reference_point_alone_is_the_location_near_it() -> None:
    e = incidents("Un drone a frappé un camion à 15 km de Kidal jeudi.")[0]
    assert where(e) == ("Kidal", "ML")
    assert e.location is not None and e.location.precision == 2


def test_each_coordinated_attack_keeps_the_base_after_it() -> None:
    text = ("Les miliciens ont revendiqué une attaque de drone sur la base de Tall Baydar et une attaque à la "
            "roquette contre la base de Kharab al-Jir.")
    assert where(incident(text, "attaque de drone"))[0] == "Tall Baydar"
    assert where(incident(text, "roquette"))[0] == "Kharab al-Jir"


# --- the country ----------------------------------------------------------------------------------


def test_the_country_of_the_forces_hit_when_nothing_places_the_incident() -> None:
    e = incidents("Quinze soldats tchadiens ont été tués dans une embuscade jeudi.")[0]
    assert where(e) == (None, "TD")
    assert rule(e, "country") == "forces_hit"


def test_the_documents_one_theatre_when_the_incident_has_no_place() -> None:
    text = ("Une embuscade a tué trois soldats mardi, a annoncé l'armée.\n\n"
            "Les villages de Boni, de Hombori et de Douentza, dans le centre du Mali, vivent sous la menace des "
            "groupes armés.")
    e = incident(text, "embuscade")
    assert where(e) == (None, "ML")
    assert rule(e, "country") == "document_theatre"


def test_an_incident_in_the_black_sea_is_coded_in_ukraine() -> None:
    e = incidents("Un drone naval a frappé un navire de guerre en mer Noire mardi.", dt.date(2023, 8, 2))[0]
    assert where(e) == ("mer Noire", "UA")


def test_plugins_add_anaphor_nouns() -> None:
    from milinc.plugins import Plugin

    text = ("Des hommes armés ont attaqué le village de Tafraout lundi.\n\n"
            "Mardi, un obus est tombé sur le douar, selon un élu.")
    plain = milinc.Parser(discover=False)
    extended = milinc.Parser(plugins=[Plugin(name="douars", lexicons={
        "scene_anaphors": [{"name": "douar", "kinds": ["town"]}]})], discover=False)
    assert where(incident_of(plain, text, "est tombé"))[0] is None
    assert where(incident_of(extended, text, "est tombé"))[0] == "Tafraout"


def incident_of(parser: milinc.Parser, text: str, trigger: str) -> Event:
    events = parser.parse(text, reference_date=REF).events
    return next(e for e in events if any(trigger in m.text for m in e.mentions))
