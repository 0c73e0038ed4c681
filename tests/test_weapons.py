"""Weapon mentions: the corpus (``milinc/corpus/weapons.jsonl``), the taxonomy data and the extractor."""

from __future__ import annotations

import itertools
import json
from importlib import resources
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import milinc
from milinc.extensions import NO_EXTENSIONS, Extensions
from milinc.ontology import Weapon, WeaponCategory
from milinc.weapons import WeaponExtractor, load_taxonomy
from milinc.weapons.taxonomy import adjective_forms, noun_forms

CORPUS: list[dict[str, Any]] = [
    json.loads(line)
    for line in resources.files("milinc").joinpath("corpus").joinpath("weapons.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def extractor() -> WeaponExtractor:
    return WeaponExtractor(NO_EXTENSIONS)


def weapons_of(text: str) -> list[Weapon]:
    return list(milinc.parse(text).weapons)


def _id(entry: dict[str, Any]) -> str:
    return f"{entry['family']}: {entry.get('text') or entry['phrase']}"[:80]


@pytest.mark.parametrize("entry", CORPUS, ids=_id)
def test_corpus(entry: dict[str, Any]) -> None:
    found = weapons_of(entry["phrase"])
    if entry.get("negative"):
        target = entry.get("text")
        if target is None:
            assert found == [], f"expected no weapon, got {[w.span.text for w in found]}"
        else:
            start = entry["phrase"].index(target)
            end = start + len(target)
            hits = [w for w in found if w.span.start < end and start < w.span.end]
            assert hits == [], f"{target!r} must not be a weapon, got {[w.span.text for w in hits]}"
        return
    text = entry.get("text") or entry["phrase"]
    same = [w for w in found if w.span.text == text]
    assert same, f"no mention {text!r}; got {[w.span.text for w in found]}"
    weapon = same[0]
    assert weapon.category == WeaponCategory(entry["category"])
    assert weapon.name == entry.get("name")
    if "subtype" in entry:
        assert weapon.subtype == entry["subtype"]
    if "count" in entry:
        assert weapon.count == entry["count"]


def test_corpus_shape() -> None:
    assert len(CORPUS) >= 150
    unseen = [e for e in CORPUS if not e["in_seeds"]]
    assert len(unseen) * 2 >= len(CORPUS)
    assert sum(1 for e in CORPUS if e.get("negative")) >= 20
    for entry in CORPUS:
        assert {"family", "phrase", "in_seeds"} <= entry.keys()
        if not entry.get("negative"):
            assert entry["category"] in {c.value for c in WeaponCategory}
            assert (entry.get("text") or entry["phrase"]) in entry["phrase"]


# --- taxonomy -------------------------------------------------------------------


def test_taxonomy_covers_every_category() -> None:
    taxonomy = load_taxonomy()
    assert {c.category for c in taxonomy.categories} == set(WeaponCategory)
    assert all(c.nouns for c in taxonomy.categories)


def test_taxonomy_has_the_required_systems() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy.systems) >= 100
    required = [
        "Katyusha", "Grad", "HIMARS", "ATACMS", "Storm Shadow", "SCALP", "Kalibr", "Iskander", "Kh-101", "Kinzhal",
        "S-300", "S-400", "Patriot", "IRIS-T", "Iron Dome", "David's Sling", "C-RAM", "Shahed-136", "Geran-2",
        "Bayraktar TB2", "MQ-9 Reaper", "AC-130", "F-16", "F-35", "Su-25", "Su-34", "Mi-8", "Apache", "T-72",
        "Leopard 2", "CAESAR", "M777", "RPG-7", "Kalashnikov", "AK-47", "Qassam", "Fateh-110", "Burkan", "Toufan",
        "Lancet", "Orlan-10", "Tochka-U", "Tornado", "Smerch", "Uragan", "Javelin", "NLAW", "Stinger", "Kornet",
        "Merkava", "Bradley", "Abrams", "Rafale", "Mirage 2000", "Tiger", "Ka-52", "Mi-24", "Tu-95", "Tu-22M3",
        "Zircon", "Oniks", "P-800", "Samad", "Quds", "Zolfaghar", "Ayyash-250", "Almas", "Shahed-131",
        "Shahed-238", "Mohajer-6", "Arash", "Kheibar Shekan", "Emad", "Sejjil", "Fattah",
    ]
    missing = [name for name in required if taxonomy.system(name) is None]
    assert missing == []


def test_every_alias_names_one_system() -> None:
    taxonomy = load_taxonomy()
    owners: dict[str, set[str]] = {}
    for system in taxonomy.systems:
        for alias in system.aliases:
            owners.setdefault(milinc.normalize.fold(alias), set()).add(system.name)
    shared = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert shared == {}
    for alias, (name,) in owners.items():
        assert taxonomy.aliases[alias].system.name == name


def test_inflection() -> None:
    assert noun_forms("engin explosif improvisé") == ["engin explosif improvisé", "engins explosifs improvisés"]
    assert noun_forms("char d'assaut") == ["char d'assaut", "chars d'assaut"]
    assert noun_forms("obus") == ["obus"]
    assert adjective_forms("piégé") == ["piégé", "piégés", "piégée", "piégées"]
    assert adjective_forms("sol-air", invariable=True) == ["sol-air"]


# --- behaviour ------------------------------------------------------------------


def test_offsets_point_into_the_original_text() -> None:
    text = "Deux  roquettes de type «\u00a0Katyusha\u00a0» et un DRONE."
    found = weapons_of(text)
    for w in found:
        assert text[w.span.start : w.span.end] == w.span.text
    assert [w.span.text for w in found] == ["roquettes de type «\u00a0Katyusha\u00a0»", "DRONE"]


def test_modifiers_are_reported() -> None:
    (weapon,) = weapons_of("un missile balistique à courte portée")
    assert weapon.modifiers == ("balistique", "à courte portée")
    assert weapon.rule == "headed"


def test_lowercase_common_word_is_not_a_capitalized_name() -> None:
    assert weapons_of("une rafale de vent") == []
    (weapon,) = weapons_of("un Rafale français")
    assert weapon.name == "Rafale"


def test_name_rejected_for_case_keeps_the_head() -> None:
    (weapon,) = weapons_of("des hélicoptères tigre")
    assert weapon.category is WeaponCategory.HELICOPTER
    assert weapon.name is None


def test_every_mention_of_a_long_text() -> None:
    text = " ".join(["Des missiles et des drones ont frappé la ville."] * 200)
    found = weapons_of(text)
    assert len(found) == 400
    assert [w.category for w in found[:2]] == [WeaponCategory.MISSILE, WeaponCategory.DRONE]


def test_no_mention_crosses_a_line_break() -> None:
    found = weapons_of("des missiles\nKalibr")
    assert [(w.span.text, w.name) for w in found] == [("missiles", None), ("Kalibr", "Kalibr")]


def test_extractor_direct(extractor: WeaponExtractor) -> None:
    doc = milinc.parse("Un avion AC-130 a frappé un véhicule.")
    assert [(w.category, w.name) for w in doc.weapons] == [(WeaponCategory.AIRCRAFT, "AC-130")]
    assert extractor.taxonomy is load_taxonomy()


def test_plugin_system_is_recognized() -> None:
    extensions = Extensions(
        lexicons={"weapon_systems": ({"name": "Zorglub-9", "category": "missile", "aliases": ["Zorglub-9"]},)},
        key="test-zorglub",
    )
    extractor = WeaponExtractor(extensions)
    from milinc.pipeline import ExtractionContext

    text = "un missile Zorglub-9 a été tiré"
    ctx = ExtractionContext.for_text(text)
    (weapon,) = extractor.extract(ctx)
    assert (weapon.span.text, weapon.category, weapon.name) == ("missile Zorglub-9", WeaponCategory.MISSILE, "Zorglub-9")


def test_false_friends_are_masked_but_neighbours_are_read() -> None:
    found = weapons_of("une mine antipersonnel près de la mine d'or")
    assert [w.span.text for w in found] == ["mine antipersonnel"]
    assert weapons_of("des hommes armés de kalachnikovs")[0].span.text == "kalachnikovs"


def test_obus_yields_only_to_mortar_rocket_chemical() -> None:
    assert [(w.span.text, w.category) for w in weapons_of("un obus de char")] == [
        ("obus", WeaponCategory.ARTILLERY),
        ("char", WeaponCategory.ARMORED_VEHICLE),
    ]
    (mortar,) = weapons_of("un obus de mortier")
    assert mortar.category is WeaponCategory.MORTAR
    (shell,) = weapons_of("un obus d'artillerie")
    assert shell.category is WeaponCategory.ARTILLERY


def test_unknown_word_between_head_and_name() -> None:
    (weapon,) = weapons_of("un avion de chasse polyvalent F-16")
    assert (weapon.span.text, weapon.name, weapon.rule) == ("avion de chasse polyvalent F-16", "F-16", "headed+name")
    assert [w.name for w in weapons_of("des drones visant des Shahed")] == [None, "Shahed"]


def test_reported_names() -> None:
    names = [w.name for w in weapons_of("des Katiouchas, un Kh-31, des Iskander-M et un X-101")]
    assert names == ["Katyusha", "Kh-31", "Iskander-M", "Kh-101"]


def _toy_taxonomy(systems: list[Any], **extra: Any) -> Any:
    from milinc.weapons import build_taxonomy, load_taxonomy_data

    data = load_taxonomy_data()
    data["systems"] = systems
    data.update(extra)
    return build_taxonomy(data)


def test_transcription_rules_spell_every_designation_of_a_family() -> None:
    tax = _toy_taxonomy(
        [{"name": "Kh-77", "category": "missile", "aliases": ["Kh-77M"]},
         {"name": "Khopesh", "category": "missile", "aliases": []}],
        transcriptions=[{"designation": "Kh-", "written": ["X-"]}, {"designation": "Kho", "written": ["Ko"]}],
    )
    assert (tax.aliases["x-77"].reported, tax.aliases["x-77m"].reported) == ("Kh-77", "Kh-77M")
    assert "x-77s" in tax.aliases  # the plural of the transcribed spelling too
    # a designation is a whole word of the spelling: "Kho" does not rewrite "Khopesh"
    assert "kopesh" not in tax.aliases


def test_a_spelling_may_override_the_systems_settings() -> None:
    tax = _toy_taxonomy([{"name": "Zefir", "category": "drone", "aliases": [
        {"spelling": "Zéphyr", "needs_head": True}, {"spelling": "Long Zefir", "reported": "Long Zefir"}]}])
    assert (tax.aliases["zefir"].needs_head, tax.aliases["zephyr"].needs_head) == (False, True)
    assert (tax.aliases["zephyr"].reported, tax.aliases["long zefir"].reported) == ("Zefir", "Long Zefir")
    assert tax.system("Zefir").aliases == ("Zefir", "Zéphyr", "Long Zefir")


def test_makers_name_before_a_designation_is_not_part_of_the_name() -> None:
    tax = _toy_taxonomy([{"name": "Yak-130", "category": "aircraft", "aliases": ["Yakovlev Yak-130", "UBS Yak-130"]},
                         {"name": "Grom", "category": "rocket", "aliases": ["BM-99 Grom"]}])
    assert tax.aliases["yakovlev yak-130"].reported == "Yak-130"
    # a prefix with a digit is another designation, kept: "BM-99 Grom"
    assert tax.aliases["bm-99 grom"].reported == "BM-99 Grom"
    # the spaced and the plural spellings report the designation as the data writes it
    assert tax.aliases["yak 130"].reported == tax.aliases["yak-130s"].reported == "Yak-130"


def test_ship_names_are_warships_without_a_system_name() -> None:
    (ship,) = weapons_of("L'USS Patriot a quitté le port de Norfolk.")
    assert (ship.span.text, ship.category, ship.name) == ("USS Patriot", WeaponCategory.WARSHIP, None)
    ship, drone = weapons_of("La corvette HMS Jaguar Noir a détruit un drone.")
    assert (ship.span.text, ship.name, drone.span.text) == ("corvette HMS Jaguar Noir", None, "drone")
    # a capitalized word after a warship noun is the ship's name; the next mention is left alone
    found = weapons_of("le sous-marin Koursk Drones a été touché")
    assert [w.span.text for w in found] == ["sous-marin Koursk", "Drones"]
    # no warship noun, no prefix: a merchant ship's name is no weapon
    assert weapons_of("Le cargo Galaxy Leader a été détourné.") == []


def test_slashed_pair_is_one_mention_named_after_the_first() -> None:
    (pair,) = weapons_of("des Geran-1/2 ont survolé la ville")
    assert (pair.span.text, pair.name) == ("Geran-1/2", "Geran-1")
    first, second = weapons_of("un drone Orlan-10 / un missile")
    assert (first.span.text, second.span.text) == ("drone Orlan-10", "missile")


def test_a_bracketed_weapon_of_another_category_is_no_abbreviation() -> None:
    found = weapons_of("un drone (EEI) a explosé")
    assert [(w.span.text, w.category) for w in found] == [
        ("drone", WeaponCategory.DRONE), ("EEI", WeaponCategory.EXPLOSIVE)]


def test_render_markdown_lists_categories_and_systems() -> None:
    from milinc.weapons import render_markdown

    text = render_markdown()
    assert "| `air_defense`" in text
    assert "| C-RAM | `air_defense`" in text
    assert text.count("\n| ") > 250


@given(st.lists(st.sampled_from(
    ["missiles", "de", "croisière", "Kalibr", "«", "»", "tirs", "indirects", "mine", "d'or", "armés", "avions",
     "nous", "système", "Patriot", "obus", "mortier", "\n", ",", "et", "Tigre", "rafale", "drones-suicides", "x"]
), max_size=30))
def test_spans_are_consistent_and_disjoint(words: list[str]) -> None:
    text = " ".join(words)
    found = weapons_of(text)
    for w in found:
        assert text[w.span.start : w.span.end] == w.span.text
        assert "\n" not in w.span.text
    for a, b in itertools.pairwise(found):
        assert a.span.end <= b.span.start


def test_plugin_rule_extends_the_tail() -> None:
    from lark import Token

    from milinc.pipeline import ExtractionContext
    from milinc.weapons import Part

    def long_distance(children: list[Token]) -> Part:
        assert children[0].start_pos is not None and children[-1].end_pos is not None
        return Part("modifier", children[0].start_pos, children[-1].end_pos, subtype="long_range")

    extensions = Extensions(
        grammar={"weapons": ("%extend tail: PREP LONG_DISTANCE -> long_distance\nLONG_DISTANCE.3: /longue distance/",)},
        callbacks={"weapons": {"long_distance": long_distance}},
        key="test-long-distance",
    )
    extractor = WeaponExtractor(extensions)
    text = "des missiles de longue distance"
    ctx = ExtractionContext.for_text(text)
    (weapon,) = extractor.extract(ctx)
    assert (weapon.span.text, weapon.subtype, weapon.modifiers) == (
        "missiles de longue distance", "long_range", ("de longue distance",)
    )
