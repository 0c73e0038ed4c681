"""The lexer's combined regex split by first character gives the same tokens (milinc.lexer_dispatch)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milinc
from milinc import engine
from milinc.lexer_dispatch import FirstCharLexer

TERMINALS = [
    ("SPACE", r"[ \t]+"),
    ("CASELESS", r"(?i:juin)"),
    ("KEYWORD_DE", "de"),
    ("NUMBER", r"\d+(?:[.,]\d+)?"),
    ("WORD", r"[^\W\d_]+"),
    ("OPTIONAL", r"x?y"),
    ("NOT_A", r"[^a\s]b"),
    ("LOOKAHEAD", r"(?=la)la"),
    ("MAYBE_EMPTY", r"z*"),
    ("PUNCT", r"[.,;:!?'\"()-]"),
]
COMBINED = re.compile("|".join(f"(?P<{n}>{p})" for n, p in TERMINALS))


def _same_tokens(split: FirstCharLexer, combined: re.Pattern[str], text: str) -> None:
    for pos, ch in enumerate(text):
        sub = split.regex_for(ch)
        got = sub.match(text, pos) if sub is not None else None
        want = combined.match(text, pos)
        assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup)), (text, pos)


@given(st.text(alphabet="dejuinJUINxyzab la0123.,;!?()'\"-é\t", max_size=40))
@settings(max_examples=300, deadline=None)
def test_split_lexer_matches_like_the_combined_regex(text: str) -> None:
    _same_tokens(FirstCharLexer(TERMINALS), COMBINED, text)


def test_unanalysable_terminals_are_kept_for_every_character() -> None:
    lexer = FirstCharLexer(TERMINALS)
    names = [name for name, _ in TERMINALS]
    unknown = {names[i] for i, first in enumerate(lexer.firsts) if first is None}
    assert unknown == {"CASELESS", "MAYBE_EMPTY"}  # a flag group, a pattern that may match nothing
    kept_for_q = lexer.regex_for("q")
    assert kept_for_q is not None
    # a category (\d, \w) is not analysed either: NUMBER stays in, a superset is never wrong
    assert set(kept_for_q.groupindex) == {"CASELESS", "NUMBER", "WORD", "NOT_A", "MAYBE_EMPTY"}
    assert "KEYWORD_DE" in lexer.regex_for("d").groupindex  # type: ignore[union-attr]
    assert "KEYWORD_DE" not in kept_for_q.groupindex


def test_global_flags_disable_the_analysis() -> None:
    lexer = FirstCharLexer(TERMINALS, re.IGNORECASE)
    assert all(first is None for first in lexer.firsts)


@pytest.mark.parametrize(
    "text",
    [
        "dans la nuit du 3 au 4 juin 2024, vers 23 h 30, puis le lendemain matin",
        "mardi 12/03, mi-mars, fin 2023, il y a deux jours, 1er janvier",
    ],
)
def test_the_dates_lexer_tokens_are_unchanged(text: str) -> None:
    matcher = milinc.default_parser()._dates.matcher  # type: ignore[attr-defined]
    driver = matcher._driver
    assert driver is not None and driver.first_char is not None, "the dates lexer is the one split"
    assert isinstance(matcher, engine.GrammarMatcher)
    _same_tokens(driver.first_char, driver.mres[0], milinc.normalize.normalize(text).text)
