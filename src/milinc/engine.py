"""The grammar engine: compile a dimension's ``.lark`` grammar once, then find its
matches inside free text.

lark 1.3.1 cannot scan free text for matches, and an ambiguous parser over a
whole document is slow. So each dimension does the following:

1. one compiled regex (the *anchors*: weekdays, months, digits, weapon nouns…)
   finds candidate positions in the normalized text, in a single pass;
2. for each anchor, a deterministic LALR parser is started at the anchor and at
   up to ``lookback`` tokens before it ("dans la nuit de *jeudi*"), and fed one
   token at a time; the longest prefix after which the parser could accept the
   end of input is the match (leftmost start first, then longest);
3. the transformer runs inside the parser, so a match is an ontology value
   directly, with no parse tree.

The cost is linear in the text: each anchor parses a bounded window.

Lexicons are data: a grammar names a terminal ``/@LEXICON:name@/`` and the
engine fills it with a longest-first alternation of the lexicon's phrases before
compiling (so lark's cache key includes the lexicon).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from typing import Any

import attrs
from lark import Lark, Transformer
from lark.exceptions import LarkError

from .normalize import fold

__all__ = [
    "GrammarMatcher",
    "Match",
    "compile_grammar",
    "grammar_source",
    "lexicon_regex",
    "words_regex",
]

_LEXICON_PLACEHOLDER = re.compile(r"/@LEXICON:(\w+)@/")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_cache_lock = threading.Lock()
_compiled: dict[tuple[str, str, int], Lark] = {}


def grammar_source(name: str) -> str:
    """The text of a grammar file shipped in ``milinc/grammars``."""
    return resources.files("milinc").joinpath("grammars").joinpath(f"{name}.lark").read_text(encoding="utf-8")


def lexicon_regex(phrases: Iterable[str]) -> str:
    """A regex matching any of *phrases* (normalized), longest first, on whole words.

    Spaces in a phrase match any run of spaces, so "dôme de fer" matches
    "Dôme  de fer" too.
    """
    alts = sorted({fold(p).strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not alts:
        return r"(?!x)x"
    body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in alts)
    return rf"(?:{body})(?![^\W_])"


def words_regex(words: Iterable[str]) -> re.Pattern[str]:
    """A compiled regex finding any of *words* (normalized) as whole words."""
    return re.compile(r"(?<![^\W_])" + lexicon_regex(words))


def _fill_lexicons(source: str, lexicons: Mapping[str, Iterable[str]]) -> str:
    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in lexicons:
            raise KeyError(f"grammar needs lexicon {name!r}, which was not given")
        return "/" + lexicon_regex(lexicons[name]).replace("/", r"\/") + "/"

    return _LEXICON_PLACEHOLDER.sub(repl, source)


def compile_grammar(
    source: str,
    *,
    transformer: Transformer[Any, Any] | None = None,
    lexicons: Mapping[str, Iterable[str]] | None = None,
    start: str = "start",
) -> Lark:
    """Compile a grammar (LALR, basic lexer) once per process and per source.

    The compiled tables are also cached on disk by lark, keyed by the grammar
    text with its lexicons filled in, so a new process loads them quickly.
    """
    text = _fill_lexicons(source, lexicons or {})
    key = (hashlib.sha256(text.encode()).hexdigest(), start, id(transformer))
    with _cache_lock:
        lark = _compiled.get(key)
        if lark is None:
            lark = Lark(
                text,
                parser="lalr",
                lexer="basic",
                start=start,
                transformer=transformer,
                maybe_placeholders=False,
                cache=True,
            )
            _compiled[key] = lark
    return lark


@attrs.frozen
class Match:
    """One grammar match in the normalized text."""

    start: int
    end: int
    value: Any


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class GrammarMatcher:
    """Finds the matches of one compiled grammar around anchor positions."""

    def __init__(
        self,
        lark: Lark,
        anchors: re.Pattern[str],
        *,
        lookback: int = 4,
        window: int = 240,
        accept: Callable[[str, int, int], bool] | None = None,
    ) -> None:
        self.lark = lark
        self.anchors = anchors
        self.lookback = lookback
        self.window = window
        self.accept = accept

    def parse_at(self, text: str, pos: int, limit: int) -> Match | None:
        """The longest match starting exactly at *pos* and ending by *limit*, if any."""
        window = text[pos:limit]
        n = len(window)
        ip = self.lark.parse_interactive(window)
        best: Match | None = None
        try:
            for tok in ip.lexer_thread.lex(ip.parser_state):  # type: ignore[no-untyped-call]
                end = tok.end_pos
                assert end is not None
                # a token must not stop inside a word ("juin" in "juinx")
                if end < n and _is_word(window[end]) and _is_word(window[end - 1]):
                    break
                ip.feed_token(tok)
                if "$END" in ip.choices():  # type: ignore[no-untyped-call]
                    try:
                        value = ip.copy(deepcopy_values=False).feed_eof()  # type: ignore[no-untyped-call]
                    except LarkError:
                        continue
                    if value is not None and (self.accept is None or self.accept(text, pos, pos + end)):
                        best = Match(pos, pos + end, value)
        except LarkError:
            pass
        return best

    def _candidate_starts(self, text: str, anchor: int, floor: int) -> list[int]:
        lo = max(floor, anchor - 12 * self.lookback)
        before = [m.start() for m in _TOKEN.finditer(text, lo, anchor)]
        return [*before[-self.lookback :], anchor] if self.lookback else [anchor]

    def finditer(self, text: str, *, start: int = 0, end: int | None = None) -> Iterator[Match]:
        """Leftmost-longest matches, left to right, never overlapping."""
        stop = len(text) if end is None else end
        pos = start
        for m in self.anchors.finditer(text, start, stop):
            a = m.start()
            if a < pos:
                continue
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", a)
            limit = min(stop, line_end if line_end >= 0 else len(text), a + self.window)
            for s in self._candidate_starts(text, a, max(pos, line_start)):
                found = self.parse_at(text, s, limit)
                if found is not None and found.end >= m.end():
                    yield found
                    pos = found.end
                    break
