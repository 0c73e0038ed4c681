"""Unit tests of the quantities stage: numbers, units, bounds policy, context checks, plugins."""

from __future__ import annotations

import unicodedata

import pytest

import milinc
from milinc.engine import grammar_source
from milinc.extensions import extension_points
from milinc.ontology import CasualtyRole, Qualifier
from milinc.pipeline import Parser
from milinc.plugins import Plugin
from milinc.quantities.grammar import bounds
from milinc.quantities.lemma import singular, unit_lemma
from milinc.quantities.numbers import decimal_value, digits_value, words_value


def _counts(text: str) -> list[tuple[str, str, int | None, str | None]]:
    return [(q.span.text, q.qualifier.value, q.value, q.unit) for q in milinc.parse(text).quantities]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("quatre-vingt-dix-sept", 97),
        ("soixante et onze", 71),
        ("quatre-vingts", 80),
        ("deux cent mille", 200_000),
        ("mille deux cent un", 1201),
        ("trois milliards deux cents millions", 3_200_000_000),
        ("septante-sept", 77),
        ("huitante", 80),
        ("nonante-neuf", 99),
        ("Vingt-Et-Un", 21),
    ],
)
def test_words_value(words: str, value: int) -> None:
    assert words_value(words) == value


def test_digit_values() -> None:
    assert digits_value("2 500") == 2500
    assert digits_value("2.500") == 2500
    assert digits_value("1,200") == 1200
    assert decimal_value("1,5", 10**6) == 1_500_000
    assert decimal_value("2.25", 10**9) == 2_250_000_000


@pytest.mark.parametrize(
    ("plural", "lemma"),
    [
        ("missiles", "missile"),
        ("Véhicules", "véhicule"),
        ("généraux", "général"),
        ("drapeaux", "drapeau"),
        ("feux", "feu"),
        ("obus", "obus"),
        ("Français", "français"),
        ("fois", "fois"),
        ("individus", "individu"),
        ("katiouchas", "katioucha"),
        ("blessées", "blessé"),
        ("sous-marins", "sous-marin"),
        ("porte-avions", "porte-avions"),
        ("yeux", "œil"),
    ],
)
def test_unit_lemma(plural: str, lemma: str) -> None:
    assert unit_lemma(plural) == lemma


def test_singular_keeps_short_words() -> None:
    assert singular("ans") == "ans"
    assert singular("km") == "km"


def test_bounds_policy() -> None:
    assert bounds(Qualifier.EXACT, 8) == (8, 8)
    assert bounds(Qualifier.AT_LEAST, 8) == (8, None)
    assert bounds(Qualifier.MORE_THAN, 60) == (61, None)
    assert bounds(Qualifier.AT_MOST, 300) == (None, 300)
    assert bounds(Qualifier.LESS_THAN, 10) == (None, 9)
    assert bounds(Qualifier.ABOUT, 2500) == (None, None)


def test_vague_magnitudes_have_policy_bounds() -> None:
    doc = milinc.parse("des dizaines de soldats et des centaines de civils, plusieurs drones")
    assert [(q.value, q.low, q.high) for q in doc.quantities] == [(None, 20, 99), (None, 200, 999), (None, 2, None)]


def test_spans_point_into_the_original_text_with_combining_accents() -> None:
    text = unicodedata.normalize("NFD", "Les frappes ont tué au moins huit combattants à Deir ez-Zor.")
    doc = milinc.parse(text)
    assert len(doc.quantities) == 1
    q = doc.quantities[0]
    assert text[q.span.start : q.span.end] == q.span.text
    assert q.value == 8 and q.qualifier is Qualifier.AT_LEAST and q.role is CasualtyRole.KILLED
    assert unicodedata.normalize("NFC", q.unit or "") == "combattant"


def test_numbers_in_names_are_not_counts() -> None:
    assert _counts("un avion AC-130, des F-16 et des drones Shahed-136") == []


def test_bare_figures_need_a_context() -> None:
    assert _counts("la résolution 2334, en 2003, le 17") == []
    assert _counts("900 soldats en Syrie et de 2 500 en Irak") == [
        ("900 soldats", "exact", 900, "soldat"),
        ("2 500", "exact", 2500, None),
    ]


def test_articles_count_only_in_casualty_phrases() -> None:
    assert _counts("Un drone a survolé la base.") == []
    assert _counts("Un soldat a été tué.") == [("Un soldat", "exact", 1, "soldat")]


def test_roles() -> None:
    doc = milinc.parse("Trois militaires ont été tués et plus de 40 blessés ; des frappes ont tué 8 combattants.")
    assert [q.role for q in doc.quantities] == [CasualtyRole.KILLED, CasualtyRole.INJURED, CasualtyRole.KILLED]
    # the agent of "ont tué" is not a casualty
    doc = milinc.parse("Deux drones ont tué un civil.")
    assert [(q.span.text, q.role) for q in doc.quantities] == [
        ("Deux drones", None),
        ("un civil", CasualtyRole.KILLED),
    ]


def test_subset_rule_is_marked() -> None:
    doc = milinc.parse("Cinq soldats auraient été blessés, dont un grièvement.")
    assert [q.rule for q in doc.quantities] == ["count", "subset"]


def test_grammar_declares_extension_points() -> None:
    points = extension_points(grammar_source("quantities"))
    assert {"quantity", "core", "qualifier", "vague", "zero", "noun_group"} <= points


def test_plugins_add_qualifier_and_quantifier_phrases() -> None:
    plugin = Plugin(name="test-quantities", lexicons={"q_about": ["à vue de nez"], "vague_quantifiers": ["une flopée"]})
    parser = Parser(plugins=[plugin], discover=False)
    got = [(q.qualifier.value, q.value, q.unit) for q in parser.parse("à vue de nez 300 soldats, une flopée de drones").quantities]
    assert got == [("about", 300, "soldat"), ("vague", None, "drone")]


def test_plugins_extend_the_grammar_at_an_extension_point() -> None:
    from milinc.quantities.grammar import NounPhrase, RawQuantity

    def moult(children: list[object]) -> RawQuantity | None:
        keyword, noun = children[0], children[-1]
        if not isinstance(noun, NounPhrase):
            return None
        start = getattr(keyword, "start_pos", 0)
        return RawQuantity(start, noun.end, Qualifier.VAGUE, None, 2, None, noun, "vague")

    plugin = Plugin(
        name="test-moult",
        grammar={"quantities": ["%extend vague: MOULT noun_group -> moult", 'MOULT.2: "moult"']},
        callbacks={"quantities": {"moult": moult}},
    )
    doc = Parser(plugins=[plugin], discover=False).parse("moult soldats ont été blessés")
    assert [(q.span.text, q.qualifier, q.unit, q.role) for q in doc.quantities] == [
        ("moult soldats", Qualifier.VAGUE, "soldat", CasualtyRole.INJURED)
    ]


def test_a_casualty_verb_before_coordinated_counts_gives_each_its_role() -> None:
    doc = milinc.parse("Le drone a frappé un convoi, tuant un haut responsable du groupe et au moins trois civils.")
    roles = [(q.span.text, q.value, q.role) for q in doc.quantities]
    assert roles == [
        ("un haut responsable", 1, CasualtyRole.KILLED),
        ("au moins trois civils", 3, CasualtyRole.KILLED),
    ]


def test_a_second_verb_after_the_coordination_keeps_its_own_reading() -> None:
    doc = milinc.parse("La frappe a tué deux soldats, blessant trois civils.")
    assert [q.role for q in doc.quantities] == [CasualtyRole.KILLED, CasualtyRole.INJURED]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a designator ends a heading line: the figure on the next line is a count (found by test_properties)
        ("Les forces de sécurité ont bouclé le secteur\n2 soldats", [("2 soldats", 2)]),
        ("Patrouille dans la zone\n\n4 blessés légers", [("4 blessés", 4)]),
        # on one line, the designator still names the sector, not a count
        ("Les renforts ont rejoint le secteur 2 hier.", []),
    ],
)
def test_a_designator_names_a_figure_only_on_its_own_line(text: str, expected: list[tuple[str, int]]) -> None:
    doc = milinc.parse(text)
    assert [(q.span.text, q.value) for q in doc.quantities] == expected


def test_a_figure_that_opens_a_line_is_no_designator_of_the_line_before() -> None:
    # "le secteur\n2 soldats" is no "secteur 2" (found by the property test on fillers)
    doc = milinc.parse("Les forces de sécurité ont bouclé le secteur\n2 soldats")
    assert [q.span.text for q in doc.quantities] == ["2 soldats"]
