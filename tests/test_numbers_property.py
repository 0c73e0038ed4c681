"""Property test: every integer 0..999 999 999, spelled out in French, parses back to itself.

The spelling comes from :func:`milinc.quantities.spelling.spell` (traditional and 1990
spellings, France, Belgium and Switzerland); the parse goes through the quantities
grammar and extractor, inside a casualty phrase so that "un" is counted too.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import milinc
from milinc.quantities.numbers import words_value
from milinc.quantities.spelling import spell

VARIANTS = st.sampled_from(["fr", "be", "ch"])


@given(n=st.integers(min_value=0, max_value=999_999_999), variant=VARIANTS, reform1990=st.booleans())
@example(n=0, variant="fr", reform1990=False)
@example(n=1, variant="fr", reform1990=False)
@example(n=71, variant="fr", reform1990=True)
@example(n=80, variant="fr", reform1990=False)
@example(n=99, variant="ch", reform1990=False)
@example(n=200_000, variant="fr", reform1990=False)
@example(n=999_999_999, variant="fr", reform1990=True)
def test_spelled_number_parses_back(n: int, variant: str, reform1990: bool) -> None:
    words = spell(n, variant=variant, reform1990=reform1990)  # type: ignore[arg-type]
    doc = milinc.parse(f"Selon le bilan, {words} soldats ont été tués.")
    assert [(q.value, q.unit, q.role.value if q.role else None) for q in doc.quantities] == [
        (n, "soldat", "killed")
    ], words


@given(n=st.integers(min_value=0, max_value=999_999_999_999), variant=VARIANTS, reform1990=st.booleans())
def test_words_value_inverts_spell(n: int, variant: str, reform1990: bool) -> None:
    assert words_value(spell(n, variant=variant, reform1990=reform1990)) == n  # type: ignore[arg-type]


@given(n=st.integers(min_value=1000, max_value=999_999_999), sep=st.sampled_from([" ", "\u00a0", "\u202f", "\u2009", "."]))
def test_grouped_digits_parse_as_one_number(n: int, sep: str) -> None:
    digits = f"{n:,}".replace(",", sep)
    doc = milinc.parse(f"L'armée a déployé {digits} soldats.")
    assert [(q.value, q.span.text) for q in doc.quantities] == [(n, f"{digits} soldats")]


def test_spell_examples() -> None:
    assert spell(21) == "vingt et un"
    assert spell(80) == "quatre-vingts"
    assert spell(81) == "quatre-vingt-un"
    assert spell(200) == "deux cents"
    assert spell(280_000) == "deux cent quatre-vingt mille"
    assert spell(2_500) == "deux mille cinq cents"
    assert spell(2_300_000) == "deux millions trois cent mille"
    assert spell(250, reform1990=True) == "deux-cent-cinquante"
    assert spell(71, variant="be") == "septante et un"
    assert spell(80, variant="be") == "quatre-vingts"
    assert spell(80, variant="ch") == "huitante"
    assert spell(97, variant="ch") == "nonante-sept"
