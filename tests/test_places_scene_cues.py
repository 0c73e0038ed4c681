"""The place stage's reading of what makes a place a scene, or a place at all (milinc.places).

Launch sites listed after the first, speakers' places, datelines in brackets, seats of power that act,
inflected cue modifiers, plural cue nouns, names said again, appositions after a quote, places said to
border a country, first names before a city's name, seas at war. Every sentence is written for these
tests (none comes from an evaluation corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from milinc.context import ExtractionContext
from milinc.ontology import PlaceKind
from milinc.places import PlaceMention, PlaceRecognizer, default_index

pytestmark = pytest.mark.skipif(not default_index().available, reason="the GeoNames index is not built")


@pytest.fixture(scope="module")
def recognizer() -> PlaceRecognizer:
    return PlaceRecognizer()


def mentions(recognizer: PlaceRecognizer, text: str, published: dt.date | None = None) -> dict[str, PlaceMention]:
    """The place mentions of *text* by the name as written (the last one of a name written twice)."""
    return {p.place.name: p for p in recognizer.find(ExtractionContext.for_text(text, published))}


# --- launch sites ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "launch_sites"),
    [
        ("Les drones ont été lancés depuis la Russie, notamment des régions de Koursk, Belgorod et Briansk, "
         "et ont frappé Soumy.", ["Koursk", "Belgorod", "Briansk"]),
        ("Les missiles ont été tirés depuis la région occupée de Donetsk vers Dnipro.", ["Donetsk"]),
        ("Les rebelles ont tiré un missile des zones qu'ils contrôlent au Yémen vers la mer Rouge.", ["Yémen"]),
        ("Deux drones lancés depuis des zones contrôlées par les rebelles au Yémen ont été abattus.", ["Yémen"]),
    ],
)
def test_launch_sites_and_the_places_listed_after_them_are_no_scene(
        recognizer: PlaceRecognizer, text: str, launch_sites: list[str]) -> None:
    found = mentions(recognizer, text)
    for name in launch_sites:
        assert name in found and not found[name].scene, (name, found.get(name))


def test_the_target_after_a_launch_site_stays_a_scene(recognizer: PlaceRecognizer) -> None:
    found = mentions(recognizer, "Des roquettes ont été tirées depuis Gaza vers Ashkelon lundi.")
    assert not found["Gaza"].scene and found["Ashkelon"].scene


def test_a_temporal_depuis_makes_no_launch_site(recognizer: PlaceRecognizer) -> None:
    found = mentions(recognizer, "Depuis lundi, des frappes visent Kherson chaque nuit.")
    assert found["Kherson"].scene


# --- where someone speaks, a dispatch is filed, a state acts ----------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Deux gendarmes ont été tués à Kérou, selon des responsables joints à Cotonou.", "Cotonou"),
        ("Les frappes ont fait six morts, ont indiqué des sources médicales locales à Mossoul.", "Mossoul"),
        ("L'armée a annoncé mercredi à Kiev la destruction de douze drones.", "Kiev"),
    ],
)
def test_where_a_source_speaks_is_no_scene(recognizer: PlaceRecognizer, text: str, name: str) -> None:
    assert not mentions(recognizer, text)[name].scene


def test_a_place_after_a_report_in_another_sentence_is_a_scene(recognizer: PlaceRecognizer) -> None:
    text = "Les rebelles l'ont annoncé dans un communiqué.\nA Kidal, une mine a tué deux soldats."
    assert mentions(recognizer, text)["Kidal"].scene


def test_a_dateline_in_brackets_is_no_scene(recognizer: PlaceRecognizer) -> None:
    found = mentions(recognizer, "(Bagdad) Deux roquettes ont visé une base près de Kirkouk mardi.")
    assert not found["Bagdad"].scene and found["Kirkouk"].scene


@pytest.mark.parametrize(
    ("text", "name", "scene"),
    [
        ("L'armée a dit que Moscou et ses alliés avaient abattu tous les drones.", "Moscou", False),
        ("Les missiles utilisés par Moscou contre son voisin viennent de Corée.", "Moscou", False),
        ("Il a rappelé que Téhéran a livré des drones aux rebelles.", "Téhéran", False),
        ("Un raid sur Damas a tué un commandant mardi.", "Damas", True),
        ("Il a rappelé que Kiev a été frappée dans la nuit.", "Kiev", True),
    ],
)
def test_a_seat_of_power_that_acts_is_no_scene(recognizer: PlaceRecognizer, text: str, name: str, scene: bool) -> None:
    assert mentions(recognizer, text)[name].scene is scene


# --- cue nouns ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Des obus sont tombés sur l'aéroport militaire américain de Tarkhanovo.", "Tarkhanovo", PlaceKind.AIRPORT),
        ("Un attentat a visé la province centrale de Zarbak jeudi.", "Zarbak", PlaceKind.PROVINCE),
        ("Le drone a visé la zone d'atterrissage de Koumbari en Syrie.", "Koumbari", PlaceKind.SITE),
    ],
)
def test_a_cue_noun_keeps_its_modifiers_whatever_their_gender(
        recognizer: PlaceRecognizer, text: str, name: str, kind: PlaceKind) -> None:
    found = mentions(recognizer, text)
    assert name in found and found[name].place.kind is kind, found


def test_a_plural_cue_noun_names_every_place_listed(recognizer: PlaceRecognizer) -> None:
    found = mentions(recognizer, "Des attaques dans les provinces de Kunar et de Ghazni ont fait dix morts.")
    assert found["Kunar"].place.kind is PlaceKind.PROVINCE
    assert found["Ghazni"].place.kind is PlaceKind.PROVINCE


def test_a_cue_noun_names_the_whole_capitalized_name(recognizer: PlaceRecognizer) -> None:
    found = mentions(recognizer, "Un soldat a été touché dans la localité méridionale de Beit Merhaba mardi.")
    assert "Beit Merhaba" in found, found


# --- one name, one sense per text ---------------------------------------------------------------


def test_a_name_made_a_place_by_a_cue_is_a_place_when_said_again(recognizer: PlaceRecognizer) -> None:
    text = ("Des obus ont frappé la localité de Kfar Tebnit dimanche. Lundi, une frappe à Kfar Tebnit a tué "
            "deux civils, dans le sud du Liban.")
    found = recognizer.find(ExtractionContext.for_text(text))
    assert [p.place.name for p in found].count("Kfar Tebnit") == 2


def test_a_name_that_follows_a_media_noun_is_no_place_anywhere_in_the_text(recognizer: PlaceRecognizer) -> None:
    text = ("L'agence officielle syrienne Sana a fait état de deux morts à Jablé. Les images diffusées par Sana "
            "montrent un immeuble détruit.")
    assert "Sana" not in mentions(recognizer, text)


def test_a_first_name_keeps_the_surname_after_it_from_being_a_city(recognizer: PlaceRecognizer) -> None:
    text = "Les tirs ont duré une heure, a expliqué Ibrahim Adan, un habitant de Baidoa."
    assert "Adan" not in mentions(recognizer, text)


# --- appositions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Onze soldats ont été tués à Wadi Salah, dans la région de Ménaka, selon l'armée.", "Wadi Salah"),
        ("« Un drone a frappé nos positions à Tilemsi », à environ 8 km au sud de Gao, a dit un officier.", "Tilemsi"),
        ("Une frappe a visé Kfar Houné, à côté de Jezzine, dans la nuit.", "Kfar Houné"),
    ],
)
def test_an_apposition_after_an_unknown_name_makes_it_a_town(recognizer: PlaceRecognizer, text: str, name: str) -> None:
    found = mentions(recognizer, text)
    assert name in found and found[name].place.kind is PlaceKind.TOWN, found


def test_a_place_said_to_border_a_country_is_not_in_it(recognizer: PlaceRecognizer) -> None:
    text = ("Des frappes ont visé le sud du Liban. Une frappe a touché la localité de Shlomi, frontalière "
            "d'Israël, selon l'agence libanaise.")
    assert mentions(recognizer, text)["Shlomi"].place.country == "LB"


# --- seas ----------------------------------------------------------------------------------------


def test_the_black_sea_takes_the_country_of_the_war_fought_on_it(recognizer: PlaceRecognizer) -> None:
    text = "Un drone naval a visé un patrouilleur en mer Noire."
    assert mentions(recognizer, text, dt.date(2023, 9, 14))["mer Noire"].place.country == "UA"
    assert mentions(recognizer, text, dt.date(2010, 9, 14))["mer Noire"].place.country is None


# --- coordinates ------------------------------------------------------------------------------------


def test_an_unknown_place_takes_the_coordinates_of_a_region_of_its_country_said_earlier(
        recognizer: PlaceRecognizer) -> None:
    text = ("Des frappes ont visé le sud du Liban dans la nuit.\n\n"
            "Selon l'agence libanaise, une frappe a touché la localité de Kfar Tebnit au matin.")
    place = mentions(recognizer, text)["Kfar Tebnit"].place
    assert place.latitude is not None and place.country == "LB" and place.precision == 3


# --- a country after "sur" that is an ally or a power, not a place ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Des soldats américains ont été attaqués mardi par des groupes alignés sur l'Iran.",
        "Les milices alignées sur la Russie ont revendiqué le tir.",
        "Washington accentue la pression sur l'Iran après une attaque de drone mardi.",
        "Les sanctions sur la Syrie n'ont pas empêché la frappe.",
    ],
)
def test_a_country_after_aligned_on_or_pressure_on_is_no_place(recognizer: PlaceRecognizer, text: str) -> None:
    assert not [p for p in mentions(recognizer, text).values() if p.place.kind is PlaceKind.COUNTRY]


@pytest.mark.parametrize(
    ("text", "country"),
    [("Le Hezbollah a tiré des roquettes sur Israël lundi.", "Israël"),
     ("Des obus sont tombés sur la Syrie voisine.", "Syrie")],
)
def test_a_country_fired_on_is_still_a_place(recognizer: PlaceRecognizer, text: str, country: str) -> None:
    assert country in mentions(recognizer, text)


def test_the_ministry_of_a_capital_speaks_there(recognizer: PlaceRecognizer) -> None:
    found = mentions(recognizer, "Le ministère de la Défense à Moscou a affirmé que ses forces avaient frappé Kramatorsk.")
    assert not found["Moscou"].scene
    assert found["Kramatorsk"].scene


@pytest.mark.parametrize("text", ["Ukraine : Kharkiv à nouveau sous le feu", "Gaza à feu et à sang après une nuit de frappes"])
def test_a_name_before_a_la_is_no_speaker(recognizer: PlaceRecognizer, text: str) -> None:
    assert all(p.scene for p in mentions(recognizer, text).values())


# --- the country of a name no gazetteer has ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Israël et le Liban échangent des tirs. Selon l'armée israélienne, une frappe israélienne a touché le "
         "village de Aïn Qourra, tuant deux hommes. Le Liban a protesté.", "Aïn Qourra", "LB"),
        ("Des drones russes ont visé l'Ukraine. La Russie affirme que ses missiles russes ont frappé la localité "
         "de Pryvilne-Zorya. L'Ukraine dément.", "Pryvilne-Zorya", "UA"),
        # the nationality of the soldiers hit says where they were, not who struck
        ("Quatre soldats maliens ont été tués dans la localité de Tinfadrane, près de la frontière avec le Niger. "
         "Le Mali et le Niger coopèrent. L'armée malienne a riposté.", "Tinfadrane", "ML"),
    ],
)
def test_a_strike_of_one_side_places_an_unknown_name_in_the_other_sides_land(
        recognizer: PlaceRecognizer, text: str, name: str, country: str) -> None:
    assert mentions(recognizer, text)[name].place.country == country


def test_a_name_keeps_the_country_the_text_said_of_it_first(recognizer: PlaceRecognizer) -> None:
    text = ("La localité de Kfar Dounine, dans le sud du Liban, a été visée lundi. Israël a confirmé l'opération "
            "israélienne. Mardi, l'armée israélienne a de nouveau frappé la localité de Kfar Dounine. Les Israéliens "
            "disent viser le Hezbollah.")
    found = [p for p in recognizer.find(ExtractionContext.for_text(text, dt.date(2024, 5, 1)))
             if p.place.name == "Kfar Dounine"]
    assert len(found) == 2 and {p.place.country for p in found} == {"LB"}
