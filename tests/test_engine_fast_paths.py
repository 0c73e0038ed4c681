"""The engine's fast paths match what the plain reference code matches.

``lexicon_regex`` compiles large lexicons as a trie and ``GrammarMatcher.parse_at``
drives lark's tables directly; both must find exactly what the longest-first
alternation and lark's interactive parser find. ``benchmarks/engine_equivalence.py``
runs the same comparison on the real grammars over a whole corpus.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Transformer

from milinc.engine import (
    GrammarMatcher,
    _alternation_regex,
    _last_token_starts,
    compile_grammar,
    lexicon_regex,
    words_regex,
)

PHRASES = [
    "drone", "drones", "drone kamikaze", "drones kamikazes", "dôme de fer", "dome", "AC-130", "ac",
    "acier", "obus", "obus de mortier", "obus de 155 mm", "mortier", "mortiers de 120 mm", "missile",
    "missile balistique", "missiles de croisière", "Kh-101", "kh", "shahed-136", "shahed", "l'ennemi",
    "lance-roquettes", "lance-roquettes multiple", "lance", "roquette", "roquettes grad", "grad",
] + [f"mot{i}" for i in range(40)]  # enough phrases for the trie form

TEXTS = [
    "un drone kamikaze et deux drones, puis des drones kamikazes sur le dome  de fer",
    "l'ac-130 et l'ac-1300, acier acier-trempe, obus de 155 mm, obus de mortier, obus de 152",
    "missiles de croisiere kh-101 et kh-1010, shahed-136 shahed-1366 lance-roquettes multiples",
    "mot1 mot10 mot39x mot3 mot 3 lance roquettes grad, roquette, grads",
]


def test_the_trie_is_used_for_large_lexicons() -> None:
    assert lexicon_regex(PHRASES) != _alternation_regex(PHRASES)


def test_trie_lexicon_matches_like_the_longest_first_alternation_everywhere() -> None:
    trie = re.compile(lexicon_regex(PHRASES))
    plain = re.compile(_alternation_regex(PHRASES))
    for text in TEXTS:
        for i in range(len(text)):
            a, b = trie.match(text, i), plain.match(text, i)
            assert (a and a.span()) == (b and b.span()), (text, i)


def test_trie_lexicon_on_every_prefix_subset() -> None:
    # phrases that are prefixes of one another, in every combination
    family = ["obus", "obus de", "obus de mortier", "obus de mortier lourd", "ob"] + [f"w{i}" for i in range(30)]
    text = "ob obus obus de obus de mortier obus de mortier lourd obus de mortiers obusier"
    for k in range(1, 5):
        for subset in itertools.combinations(family[:5], k):
            words = [*subset, *family[5:]]
            trie, plain = re.compile(lexicon_regex(words)), re.compile(_alternation_regex(words))
            for i in range(len(text)):
                a, b = trie.match(text, i), plain.match(text, i)
                assert (a and a.span()) == (b and b.span()), (subset, i)


GRAMMAR = r"""
start: qual? NUM? NOUN tail*
qual: AU MOINS | PRES DE
tail: ADJ | DE NOUN
AU: "au"
MOINS: "moins"
PRES: "pres"
DE: "de"
NUM: /\d+/ | /@LEXICON:numbers@/
NOUN: "missiles" | "drones" | "explosifs" | "obus" | "mortier"
ADJ: "balistiques" | "charges" | "lourds" | "kamikazes"
%ignore /[ ]+/
"""


class Collect(Transformer[Any, Any]):
    def start(self, children: list[Any]) -> Any:
        words = [str(c) for c in children]
        # refuse a mention ending on "lourds" so a shorter prefix must be taken
        return None if words[-1] == "lourds" else tuple(words)

    def tail(self, children: list[Any]) -> str:
        return " ".join(map(str, children))

    def qual(self, children: list[Any]) -> str:
        return " ".join(map(str, children))


LARK = compile_grammar(GRAMMAR, transformer=Collect(), lexicons={"numbers": ["deux", "trois", "huit"]})
MATCHER = GrammarMatcher(LARK, words_regex(["missiles", "drones", "obus", "huit", "deux"]), lookback=3)

CASES = [
    "au moins huit missiles balistiques charges de explosifs lourds tires",
    "pres de 12 drones kamikazes charges de explosifs, deux obus de mortier lourds",
    "des missiles balistiques balistiques charges charges et huit obus",
]


def test_parse_at_matches_the_interactive_reference_at_every_start() -> None:
    for text in CASES:
        for s in range(len(text)):
            if s and text[s - 1].isalnum():
                continue
            assert MATCHER.parse_at(text, s, len(text)) == MATCHER._parse_at_interactive(text, s, len(text))


def test_a_finished_prefix_does_not_leak_into_the_longer_parse() -> None:
    # lark grows the "tail*" list in place; trying to end after each tail must not duplicate tails
    text = "au moins huit missiles balistiques charges de explosifs"
    found = MATCHER.parse_at(text, 0, len(text))
    assert found is not None
    assert found.value == ("au moins", "huit", "missiles", "balistiques", "charges", "de explosifs")


def test_a_refused_longest_parse_falls_back_to_a_shorter_one_intact() -> None:
    text = "huit obus de mortier lourds"
    found = MATCHER.parse_at(text, 0, len(text))
    assert found is not None
    assert text[found.start : found.end] == "huit obus de mortier"
    assert found.value == ("huit", "obus", "de mortier")


_MATCHERS = {lookback: GrammarMatcher(LARK, re.compile("x"), lookback=lookback) for lookback in range(1, 8)}


@given(
    st.text(alphabet="ab1 ,.'-\t\u00e9_", max_size=90),
    st.integers(min_value=0, max_value=90),
    st.integers(min_value=0, max_value=90),
    st.integers(min_value=1, max_value=7),
)
@settings(max_examples=500, deadline=None)
def test_the_candidate_starts_read_backwards_are_the_forward_ones(text: str, a: int, floor: int, lookback: int) -> None:
    # finditer reads the tokens before an anchor backwards in the reversed text: same starts as the forward scan
    anchor = min(a, len(text))
    floor = min(floor, anchor)
    want = _MATCHERS[lookback]._candidate_starts(text, anchor, floor)
    assert _last_token_starts(text[::-1], max(floor, anchor - 12 * lookback), anchor, lookback) == want
