"""milinc.regex_prefix: a pattern cut down to one first character matches exactly like the whole pattern."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milinc
from milinc import engine
from milinc.regex_prefix import analyse

ALPHABET = "abcdé1 -'\n_"

atoms = st.sampled_from(
    ["a", "b", "c", "é", "1", " ", "-", "'", r"\d", r"\w", r"\s", r"\W", r"[ab]", r"[^a\s]", r"[a-c1]", r"\-", ".",
     r"\x61", r"[\]a]", r"[^\]]", "_"]
)  # fmt: skip
zero_width = st.sampled_from([r"(?=a)", r"(?!b)", r"(?<=a)", r"(?<![^\W_])", r"\b", r"\B", "^", "$"])
quantifiers = st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??", "+?"])


def _pattern(depth: int) -> st.SearchStrategy[str]:
    piece: st.SearchStrategy[str] = st.one_of(atoms, zero_width)
    if depth > 0:
        group = st.builds(
            lambda open_, alts: f"{open_}{'|'.join(alts)})",
            st.sampled_from(["(?:", "(", "(?P<g>", "(?i:"]),
            st.lists(st.deferred(lambda: _pattern(depth - 1)), min_size=1, max_size=3),
        )
        piece = st.one_of(piece, group)
    sequence = st.lists(st.tuples(piece, quantifiers).map("".join), min_size=1, max_size=4).map("".join)
    return st.lists(sequence, min_size=1, max_size=3).map("|".join)


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except (re.error, OverflowError):
        return False
    return pattern.count("(?P<g>") <= 1


@given(_pattern(2).filter(_compiles), st.text(alphabet=ALPHABET, max_size=12))
@settings(max_examples=400, deadline=None)
def test_a_restricted_pattern_matches_like_the_whole(pattern: str, text: str) -> None:
    whole = re.compile(pattern)
    analysed = analyse(pattern)
    for pos in range(len(text)):
        ch = text[pos]
        restricted = analysed.restricted(ch)
        want = whole.match(text, pos)
        if restricted is None:
            assert want is None or want.end() == pos, (pattern, text, pos)
            continue
        got = re.compile(restricted).match(text, pos)
        assert (got and got.span()) == (want and want.span()), (pattern, restricted, text, pos)
        if want is not None and want.end() > pos:
            assert analysed.may_start(ch)


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        ("de", "d"),
        (r"(?:lundi|mardi)(?![^\W_])", "lm"),
        (r"(?<![^\W_])(?:a(?:b|c)|d)", "ad"),
        (r"\d+(?:[.,]\d+)?", "0123456789٣"),
        (r"[^\W\d_]+", "aéZ"),
        (r"(?=la)la", "l"),
    ],
)
def test_first_characters(pattern: str, starts: str) -> None:
    analysed = analyse(pattern)
    assert analysed.first is not None
    assert all(analysed.may_start(c) for c in starts)
    assert not analysed.may_start("%")


@pytest.mark.parametrize("pattern", [r"(?i:juin)", "z*", r"(?P<g>a)?(?P=g)b", r"(?(1)a|b)", "(?>ab)", "a|", r"\N{DASH}x"])
def test_unknown_constructs_mean_any_character(pattern: str) -> None:
    analysed = analyse(pattern)
    assert analysed.first is None
    assert analysed.restricted("%") == pattern


def test_every_terminal_of_the_built_in_grammars_is_analysed_and_matches_alike() -> None:
    parser = milinc.Parser(discover=False)
    text = milinc.normalize.normalize(
        "Le 3 mars 2024 vers 23 h 30, au moins vingt-deux soldats et une dizaine de civils ont été tués "
        "par des frappes de drones Shahed-136 et des tirs de roquettes Grad près de Gao ; l'armée a riposté "
        "avec des obus de 155 mm, deux mille cinq cents hommes, quatre-vingt-dix-neuf blessés, 1er janvier."
    ).text
    assert parser is not None
    # the terminals the matchers lex with (the driver tables' patterns; no Lark object is built for them)
    patterns = {regex for grammar in engine._compiled_for_matching.values() for regex in grammar.tables["patterns"].values()}
    assert len(patterns) > 100
    for pattern in sorted(patterns):
        analysed = analyse(pattern)
        whole = re.compile(pattern)
        for pos, ch in enumerate(text):
            restricted = analysed.restricted(ch)
            want = whole.match(text, pos)
            got = re.compile(restricted).match(text, pos) if restricted is not None else None
            assert (got and got.span()) == (want and want.span()), (pattern[:60], pos)


@given(_pattern(2).filter(_compiles), st.text(alphabet=ALPHABET, max_size=12))
@settings(max_examples=300, deadline=None)
def test_pieces_tried_in_turn_match_like_the_whole(pattern: str, text: str) -> None:
    from milinc.regex_prefix import pieces

    whole = re.compile(pattern)
    cut = [(re.compile(piece), literal) for piece, literal in pieces(pattern)]
    for pos in range(len(text) + 1):
        want = whole.match(text, pos)
        got = None
        for piece, literal in cut:
            if literal and text.find(literal, pos) < 0:
                continue
            got = piece.match(text, pos)
            if got is not None:
                break
        assert (got and got.span()) == (want and want.span()), (pattern, text, pos)


def test_the_number_words_terminal_matched_by_pieces_like_the_whole() -> None:
    from milinc.lexer_dispatch import _Pieces

    parser = milinc.Parser(discover=False)
    assert parser is not None
    (pattern,) = {regex for grammar in engine._compiled_for_matching.values()
                  for name, regex in grammar.tables["patterns"].items() if name == "NUMBER_WORDS"}  # fmt: skip
    whole = re.compile(f"(?P<NUMBER_WORDS>{pattern})")
    cut = _Pieces("NUMBER_WORDS", pattern, 0)
    words = ["un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
             "seize", "vingt", "vingts", "trente", "soixante", "quatre-vingt", "cent", "cents", "mille", "million",
             "millions", "milliard", "milliards", "et", "zero", "soldats"]  # fmt: skip
    for a in words:
        for b in words:
            for c in ("", " un", "-neuf", " et un", " mille", ",", "x", " soldats"):
                for sep in (" ", "-"):
                    text = f"{a}{sep}{b}{c}"
                    want, got = whole.match(text), cut.match(text)
                    assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup)), text
