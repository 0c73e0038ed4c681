"""What character a regex match can start with, read from the pattern text (public ``re`` syntax only).

:func:`analyse` reads a pattern written in Python's ``re`` syntax just far
enough to answer two questions conservatively:

* :meth:`Pattern.may_start` — may a match begin with this character? (``True``
  whenever the analysis is unsure);
* :meth:`Pattern.restricted` — a shorter pattern that matches exactly like the
  whole one at any position whose character is the given one: the alternatives
  of a leading group (or of the whole pattern) that cannot begin with it are
  dropped. A lexicon regex of ten thousand phrases, a trie ``(?:a…|b…|…)``,
  shrinks to its one branch, so it is cheap to compile.

Anything the analysis does not understand (a flag group, a back-reference, a
conditional, a pattern that may match the empty string…) makes it answer "any
character", so a caller can only be less selective than possible, never wrong.
No private module of CPython's ``re`` is used: one public regex finds the
pattern's parentheses and bars, and only the beginnings of alternatives are read
character by character, so a pattern of tens of thousands of characters is read
in about a millisecond.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

__all__ = ["Pattern", "analyse", "leading_zero_width", "pieces"]

CharTest = Callable[[str], bool]

_CATEGORIES: dict[str, CharTest] = {
    # the definitions CPython's re uses for str patterns without flags
    "d": str.isdecimal,
    "D": lambda c: not c.isdecimal(),
    "w": lambda c: c.isalnum() or c == "_",
    "W": lambda c: not (c.isalnum() or c == "_"),
    "s": str.isspace,
    "S": lambda c: not c.isspace(),
}
_CONTROL = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_HEX = frozenset("0123456789abcdefABCDEF")
# an escape pair, a character class (a "]" first in it is literal), or a parenthesis or bar
_STRUCTURE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.DOTALL)
_LITERAL = re.compile(r"(?:[^\\.^$*+?{}\[\]|()]|\\[^\w\s])+")
"""A pattern that only matches itself: plain characters and escaped punctuation (``re.escape`` of a word)."""
_QUANTIFIER = re.compile(r"(?:[*+?]|\{(?:\d+|\d*,\d*)\})[?+]?")


class _Unknown(Exception):
    """A construct the analysis does not understand: the answer is "any character"."""


class _Structure:
    """Where each group of a pattern closes, and where its top-level alternatives are cut."""

    def __init__(self, pattern: str) -> None:
        self.close: dict[int, int] = {}
        self.bars: dict[int, list[int]] = {-1: []}  # -1: the whole pattern
        self.class_end: dict[int, int] = {}
        stack = [-1]
        for m in _STRUCTURE.finditer(pattern):
            token = m.group()
            if token == "(":
                stack.append(m.start())
                self.bars[m.start()] = []
            elif token == ")":
                if len(stack) == 1:
                    raise _Unknown("unbalanced parenthesis")
                self.close[stack.pop()] = m.start()
            elif token == "|":
                self.bars[stack[-1]].append(m.start())
            elif token[0] == "[":
                self.class_end[m.start()] = m.end()
        if len(stack) != 1:
            raise _Unknown("unbalanced parenthesis")


_Span = tuple[int, int]
_First = tuple[tuple[CharTest, ...] | None, bool]  # tests of possible first characters (None: any), may match nothing


class Pattern:
    """A pattern and what :func:`analyse` found out about its first character."""

    __slots__ = ("_memo", "_structure", "first", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        """The pattern as given."""
        self._memo: dict[_Span, _First] = {}
        self.first: tuple[CharTest, ...] | None = None
        """Tests of the characters a match may begin with; ``None`` when unknown (any character)."""
        self._structure: _Structure | None = None
        if _LITERAL.fullmatch(text):  # most terminals are plain words: their first character is all there is to know
            self.first = (_literal(text[1] if text[0] == "\\" else text[0]),)
            return
        try:
            self._structure = _Structure(text)
            first, nullable = self._group_first(-1, 0, len(text))
            if first is not None and not nullable:
                self.first = first
        except (_Unknown, IndexError, ValueError, KeyError):
            self.first = None
        if self.first is None:
            self._structure = None

    def may_start(self, ch: str) -> bool:
        """Whether a match may begin with *ch* (``True`` when the analysis is unsure)."""
        return self.first is None or any(test(ch) for test in self.first)

    def restricted(self, ch: str) -> str | None:
        """A pattern matching like this one wherever the text has *ch*; ``None`` when no match can start so."""
        if not self.may_start(ch):
            return None
        if self._structure is None:
            return self.text
        try:
            top = self._alternatives(-1, 0, len(self.text))
            if len(top) > 1:
                kept = self._kept(top, ch)
                return "(?:" + "|".join(kept) + ")" if kept else None
            restricted = self._restrict_sequence(0, len(self.text), ch)
            return self.text if restricted is None else restricted
        except (_Unknown, IndexError, ValueError, KeyError):
            return self.text

    # --- reading ------------------------------------------------------------

    def _alternatives(self, group: int, start: int, end: int) -> list[_Span]:
        assert self._structure is not None
        cuts = [start, *(b + 1 for b in self._structure.bars[group]), end + 1]
        return [(cuts[k], cuts[k + 1] - 1) for k in range(len(cuts) - 1)]

    def _sequence_first(self, start: int, end: int) -> _First:
        span = (start, end)
        found = self._memo.get(span)
        if found is None:
            found = self._memo[span] = self._read_sequence_first(start, end)
        return found

    def _read_sequence_first(self, start: int, end: int) -> _First:
        out: list[CharTest] = []
        i = start
        while i < end:
            tests, zero_width, i = self._atom(i, end)
            low = 1
            q = _QUANTIFIER.match(self.text, i, end)
            if q is not None:
                low = 0 if q.group()[0] in "*?" or q.group().startswith(("{0", "{,")) else 1
                i = q.end()
            if zero_width:
                continue
            if tests is None:
                return None, False
            out += tests
            if low:
                return tuple(out), False
        return tuple(out), True

    def _atom(self, i: int, end: int) -> tuple[tuple[CharTest, ...] | None, bool, int]:
        """The first-character tests of the atom at *i*, whether it consumes nothing, and where it ends.

        For a group the tests are those of its content, and "consumes nothing"
        is true only of lookarounds and comments; a group that may match nothing
        reports no tests and is handled by its alternatives' nullability.
        """
        assert self._structure is not None
        p = self.text
        ch = p[i]
        if ch == "(":
            close = self._structure.close[i]
            if p.startswith("(?", i):
                kind = p[i + 2 : i + 3]
                if kind in ("=", "!") or p.startswith(("(?<=", "(?<!", "(?#"), i):
                    return (), True, close + 1
                if kind == ":":
                    body = i + 3
                elif p.startswith("(?P<", i):
                    body = p.index(">", i) + 1
                else:
                    raise _Unknown("flags, back-references, conditionals, atomic groups")
            else:
                body = i + 1
            first, nullable = self._group_first(i, body, close)
            if nullable:
                raise _Unknown("a group that may match nothing")  # rare in terminals: not worth the bookkeeping
            return first, False, close + 1
        if ch == "[":
            class_end = self._structure.class_end[i]
            return (_class_test(p[i + 1 : class_end - 1]),), False, class_end
        if ch == "\\":
            escape = p[i + 1]
            if escape in "bBAZ":
                return (), True, i + 2
            test, length = _escape(p, i)
            return (test,), False, i + length
        if ch in "^$":
            return (), True, i + 1
        if ch == ".":
            return None, False, i + 1
        if ch in "*+?)|":
            raise _Unknown("unexpected character")
        return (ch.__eq__,), False, i + 1

    def _group_first(self, group: int, body: int, close: int) -> _First:
        out: list[CharTest] = []
        nullable = False
        for a, b in self._alternatives(group, body, close):
            first, alt_nullable = self._sequence_first(a, b)
            if first is None:
                return None, False
            out += first
            nullable = nullable or alt_nullable
        return tuple(out), nullable

    # --- cutting into pieces -------------------------------------------------

    def _pieces(self, start: int, end: int, prefix: str, suffix: str, depth: int) -> list[str]:
        assert self._structure is not None
        p = self.text
        i = start
        while i < end:
            _tests, zero_width, after = self._atom(i, end)
            q = _QUANTIFIER.match(p, after, end)
            if zero_width:
                i = q.end() if q is not None else after
                continue
            if depth >= 8 or not p.startswith("(?:", i) or q is not None or not self._consumes_nothing(after, end):
                break
            close = after - 1
            head, tail = prefix + p[start:i], p[after:end] + suffix
            out: list[str] = []
            for a, b in self._alternatives(i, i + 3, close):
                out += self._pieces(a, b, head, tail, depth + 1)
            return out
        return [prefix + p[start:end] + suffix]

    def _consumes_nothing(self, start: int, end: int) -> bool:
        i = start
        while i < end:
            _tests, zero_width, after = self._atom(i, end)
            if not zero_width:
                return False
            q = _QUANTIFIER.match(self.text, after, end)
            i = q.end() if q is not None else after
        return True

    # --- restricting ----------------------------------------------------------

    def _kept(self, alternatives: list[_Span], ch: str) -> list[str]:
        kept: list[str] = []
        for a, b in alternatives:
            first, nullable = self._sequence_first(a, b)
            if first is None or nullable:
                kept.append(self.text[a:b])  # unsure: kept whole
            elif any(test(ch) for test in first):
                inner = self._restrict_sequence(a, b, ch)
                kept.append(self.text[a:b] if inner is None else inner)
        return kept

    def _restrict_sequence(self, start: int, end: int, ch: str) -> str | None:
        """The sequence *start*..*end* with its leading plain group restricted to *ch*, or ``None``."""
        assert self._structure is not None
        p = self.text
        i = start
        while i < end:
            _tests, zero_width, after = self._atom(i, end)
            q = _QUANTIFIER.match(p, after, end)
            if zero_width:
                i = q.end() if q is not None else after
                continue
            if p[i] != "(" or q is not None:
                return None  # not a plain group without quantifier: kept whole
            close = after - 1
            body = i + 3 if p.startswith("(?:", i) else (p.index(">", i) + 1 if p.startswith("(?P<", i) else i + 1)
            kept = self._kept(self._alternatives(i, body, close), ch)
            return p[start:body] + "|".join(kept or ["(?!)"]) + p[close:end]
        return None


_SPECIAL = frozenset("\\[](){}.^$*+?|")


def pieces(pattern: str) -> list[tuple[str, str]]:
    """*pattern* cut into patterns tried in turn: the first that matches gives *pattern*'s match.

    At a fixed position, ``Z(?:A|B)S`` (``Z`` consuming nothing) matches like
    ``ZAS``, then ``ZBS``: the regex engine tries every way for ``A`` before
    ``B``. A leading plain group that makes up the whole of its sequence (up to
    what consumes nothing) is cut into its alternatives, recursively. Each piece
    comes with a literal every match of it must contain (``""`` when none is
    known), so a caller can skip, without compiling it, a piece whose literal is
    not in the text. A pattern that cannot be cut is one piece.
    """
    analysed = analyse(pattern)
    if analysed._structure is None:
        return [(pattern, "")]
    try:
        cut = analysed._pieces(0, len(pattern), "", "", depth=0)
    except (_Unknown, IndexError, ValueError, KeyError):
        return [(pattern, "")]
    return [(piece, _required_literal(piece)) for piece in cut]


def leading_zero_width(pattern: str) -> str:
    """The lookarounds and anchors *pattern* begins with (what every match checks first), or ``""``."""
    analysed = analyse(pattern)
    if analysed._structure is None:
        return ""
    i = 0
    try:
        while i < len(pattern):
            _tests, zero_width, after = analysed._atom(i, len(pattern))
            if not zero_width or _QUANTIFIER.match(pattern, after) is not None:
                break
            i = after
    except (_Unknown, IndexError, ValueError, KeyError):
        return ""
    return pattern[:i]


def _required_literal(piece: str) -> str:
    """The longest run of plain characters at the top level of *piece*, none of them optional."""
    try:
        structure = _Structure(piece)
    except _Unknown:
        return ""
    best, run = "", []
    i = 0
    while i < len(piece):
        ch = piece[i]
        if ch == "(":
            i = structure.close[i] + 1
        elif ch == "[":
            i = structure.class_end[i]
        elif ch == "\\":
            try:
                i += _escape(piece, i)[1]  # the whole escape (\x61 is one character, not "61")
            except (_Unknown, IndexError):
                i += 2
        elif ch == "|":
            return ""  # alternatives at the top level: no literal is required of all
        elif ch not in _SPECIAL:
            q = _QUANTIFIER.match(piece, i + 1)
            if q is None or q.group()[0] == "+" or q.group().startswith("{1"):
                run.append(ch)
                if q is None:
                    i += 1
                    continue
            i = q.end() if q is not None else i + 1
            best = max(best, "".join(run), key=len)
            run = []
            continue
        else:
            i += 1
        best = max(best, "".join(run), key=len)
        run = []
        q = _QUANTIFIER.match(piece, i)
        if q is not None:
            i = q.end()
    return max(best, "".join(run), key=len)


def _escape(p: str, i: int) -> tuple[CharTest, int]:
    """The test of the escape at *i* (outside or inside a class) and its length."""
    escape = p[i + 1]
    if escape in _CATEGORIES:
        return _CATEGORIES[escape], 2
    if escape in "xuU":
        width = {"x": 2, "u": 4, "U": 8}[escape]
        digits = p[i + 2 : i + 2 + width]
        if len(digits) != width or not set(digits) <= _HEX:
            raise _Unknown("bad escape")
        return _literal(chr(int(digits, 16))), 2 + width
    if escape.isdigit() or escape in "NgbBAZ":
        raise _Unknown("back-reference, octal, named or zero-width escape")
    if escape in _CONTROL:
        return _literal(_CONTROL[escape]), 2
    if escape.isascii() and escape.isalpha():
        raise _Unknown("unknown escape")
    return _literal(escape), 2


def _literal(char: str) -> CharTest:
    def test(c: str) -> bool:
        return c == char

    test.char = char  # type: ignore[attr-defined]
    return test


def _class_test(body: str) -> CharTest:
    """The test of a character class, from its content (between the brackets)."""
    negate = body.startswith("^")
    i = 1 if negate else 0
    tests: list[CharTest] = []
    first = True
    while i < len(body):
        ch = body[i]
        if ch == "[" and body[i + 1 : i + 2] in (":", "=", "."):
            raise _Unknown("possible set syntax")
        if ch == "\\":
            test, length = _escape(body, i)
            i += length
        else:
            test = _literal(ch) if ch != "]" or first else _fail()
            i += 1
        first = False
        low = getattr(test, "char", None)
        if low is not None and body[i : i + 1] == "-" and i + 1 < len(body):
            if body[i + 1] == "\\":
                high_test, length = _escape(body, i + 1)
                i += 1 + length
            else:
                high_test = _literal(body[i + 1])
                i += 2
            high = getattr(high_test, "char", None)
            if high is None:
                raise _Unknown("bad range")
            tests.append(_range(str(low), str(high)))
        else:
            tests.append(test)
    if negate:
        return lambda c: not any(t(c) for t in tests)
    return lambda c: any(t(c) for t in tests)


def _range(low: str, high: str) -> CharTest:
    def test(c: str) -> bool:
        return low <= c <= high

    return test


def _fail() -> CharTest:
    raise _Unknown("stray bracket")


@functools.lru_cache(maxsize=4096)
def analyse(pattern: str) -> Pattern:
    """The :class:`Pattern` of *pattern* (``re`` syntax, no flags given apart)."""
    return Pattern(pattern)
