"""The grammar engine: longest match from anchors, word boundaries, lexicons as data."""

from __future__ import annotations

import re

from lark import Transformer

from milinc.engine import GrammarMatcher, compile_grammar, lexicon_regex, words_regex

GRAMMAR = r"""
start: day
day: "le"? NUM MONTH NUM?      -> dated
   | WEEKDAY PART?             -> weekday
   | SYSTEM                    -> system
WEEKDAY: "lundi" | "mardi"
PART: "soir" | "matin"
MONTH: "juin" | "juillet"
NUM: /\d+/
SYSTEM.3: /@LEXICON:systems@/
%ignore /[ ]+/
"""


class Collect(Transformer[object, object]):
    def start(self, children: list[object]) -> object:
        return children[0]

    def dated(self, children: list[object]) -> tuple[str, ...]:
        return ("dated", *map(str, children))

    def weekday(self, children: list[object]) -> tuple[str, ...]:
        return ("weekday", *map(str, children))

    def system(self, children: list[object]) -> tuple[str, ...]:
        return ("system", *map(str, children))


LARK = compile_grammar(GRAMMAR, transformer=Collect(), lexicons={"systems": ["AC-130", "Dôme de fer"]})
MATCHER = GrammarMatcher(LARK, words_regex(["lundi", "mardi", "juin", "juillet", "ac", "dome"]), lookback=2)


def found(text: str) -> list[tuple[str, object]]:
    return [(text[m.start : m.end], m.value) for m in MATCHER.finditer(text)]


def test_longest_match_with_a_start_before_the_anchor() -> None:
    assert found("il a dit le 28 juin 2021 que") == [("le 28 juin 2021", ("dated", "28", "juin", "2021"))]


def test_match_stops_where_the_grammar_stops() -> None:
    assert found("lundi soir a 2 heures") == [("lundi soir", ("weekday", "lundi", "soir"))]


def test_a_keyword_inside_a_longer_word_does_not_match() -> None:
    assert found("les lundis et juinx") == []


def test_matches_do_not_cross_line_breaks() -> None:
    assert found("le 28\njuin") == []


def test_lexicon_terminal_matches_whole_normalized_phrases() -> None:
    assert found("un ac-130 et le dome de  fer") == [
        ("ac-130", ("system", "ac-130")),
        ("dome de  fer", ("system", "dome de  fer")),
    ]


def test_lexicon_regex_prefers_the_longest_phrase() -> None:
    rx = re.compile(lexicon_regex(["S-300", "S-300PMU", "Grad"]))
    assert rx.match("s-300pmu").group() == "s-300pmu"  # type: ignore[union-attr]
    assert rx.match("grads") is None


def test_compiled_grammars_are_cached_per_source() -> None:
    again = compile_grammar(GRAMMAR, transformer=LARK.options.transformer, lexicons={"systems": ["AC-130", "Dôme de fer"]})
    assert again is LARK


def test_parse_at_respects_the_limit() -> None:
    text = "le 28 juin 2021"
    m = MATCHER.parse_at(text, 0, 10)
    assert m is not None and text[m.start : m.end] == "le 28 juin"


class Failing(Collect):
    def weekday(self, children: list[object]) -> tuple[str, ...]:
        raise AttributeError("a callback that breaks on its input")


def test_a_failing_callback_ends_the_match_not_the_parse() -> None:
    lark = compile_grammar(GRAMMAR, transformer=Failing(), lexicons={"systems": ["AC-130"]})
    matcher = GrammarMatcher(lark, words_regex(["lundi", "juin"]), lookback=2)
    found = [(m.start, m.end) for m in matcher.finditer("lundi soir et le 28 juin")]
    assert found == [(14, 24)]
