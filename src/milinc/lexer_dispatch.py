"""A lexer's combined regex, split by the first character of the input.

lark's basic lexer matches one alternation of every terminal, ``(?P<A>…)|(?P<B>…)|…``,
in its own priority order, and ``re`` tries the branches one after the other. A
short keyword near the end of a grammar of a hundred terminals ("de", "la")
then costs a hundred failed branches at every occurrence, and compiling the
whole alternation (lexicons of thousands of phrases) costs start-up time. Most
branches can be ruled out by the character the token must start with, so
:class:`FirstCharLexer` builds, for each character met, the alternation of only
the terminals that could start with it — same order, same group names — each
cut down to its branches that can start with that character
(:meth:`milinc.regex_prefix.Pattern.restricted`); the match there is the match of
the whole alternation. A sub-alternation is compiled the first time its
character is met.

Which characters a terminal can start with is read from its pattern text by
:mod:`milinc.regex_prefix` (public ``re`` syntax only); anything the analysis
does not understand (a flag, a back-reference, a pattern that may match the
empty string…) keeps the terminal whole in every sub-alternation, so the split
can only be coarser than necessary, never wrong.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from .regex_prefix import Pattern, analyse, leading_zero_width, pieces

__all__ = ["HEAVY", "HINTED", "WHOLE", "WHOLE_AFTER", "FirstCharLexer", "Matcher", "heavy_cut", "hints"]

HEAVY = 4000
"""A terminal whose pattern for a character is longer than this is matched on its own, compiled once
for every character, instead of being copied into each character's alternation."""

WHOLE_AFTER = 3000
"""Matches of a heavy terminal tried piece by piece before it is compiled whole (about as long as that compile takes)."""


class Matcher(Protocol):
    """What the lexer needs of a compiled alternation: ``re.Pattern.match``."""

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The match at *pos* (not searched further), as ``re.Pattern.match`` gives it."""
        ...


class _Lazy:
    """A regex compiled the first time it is used (a big terminal some texts never need)."""

    __slots__ = ("_compiled", "_lock", "flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        compiled = self._compiled
        if compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = re.compile(self.pattern, self.flags)
                compiled = self._compiled
        return compiled.match(string, pos, endpos)


class _Pieces:
    """A heavy terminal matched piece by piece (:func:`milinc.regex_prefix.pieces`), each compiled when needed.

    The first piece that matches gives the terminal's match, as the whole regex
    would; a piece whose required literal is not in the rest of the text is
    skipped without being compiled, and the lookahead every match begins with is
    checked once, first. A number in words ("deux") thus compiles a few short
    pieces, not the tens of thousands of characters of every French cardinal.

    Trying the pieces in turn costs about ten times a match of the whole regex,
    so a terminal met often (a long text, a batch) is compiled whole after
    :data:`WHOLE_AFTER` matches and matched whole from then on: the same match,
    and a short parse still never pays the whole compile.
    """

    __slots__ = ("flags", "guard", "name", "parts", "pattern", "tries", "whole")

    def __init__(self, name: str, pattern: str, flags: int, cut: tuple[str, list[tuple[str, str]]] | None = None) -> None:
        lead, parts = cut if cut is not None else heavy_cut(pattern)
        self.name = name
        self.pattern = pattern
        self.flags = flags
        self.guard = _Lazy(lead, flags) if lead else None
        self.parts = [(literal, _Lazy(f"(?P<{name}>{piece})", flags)) for piece, literal in parts]
        self.tries = 0
        self.whole: Callable[[str, int, int], re.Match[str] | None] | None = None
        """The whole regex's ``match``, once compiled."""

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        whole = self.whole
        if whole is not None:
            return whole(string, pos, endpos)
        self.tries += 1  # a lost increment between threads only delays the switch
        if self.tries > WHOLE_AFTER:
            self.whole = whole = re.compile(f"(?P<{self.name}>{self.pattern})", self.flags).match
            return whole(string, pos, endpos)
        if self.guard is not None and self.guard.match(string, pos, endpos) is None:
            return None
        for literal, part in self.parts:
            if literal and string.find(literal, pos, endpos) < 0:
                continue
            m = part.match(string, pos, endpos)
            if m is not None:
                return m
        return None


def heavy_cut(pattern: str) -> tuple[str, list[tuple[str, str]]]:
    """How :class:`_Pieces` cuts a heavy terminal: its leading lookahead, and its pieces with their literals."""
    return leading_zero_width(pattern), pieces(pattern)


class _Segments:
    """An alternation cut in consecutive parts: the first part that matches gives the match, as in ``re``.

    For ``match`` at a fixed position, ``A|B|C`` matches with the first branch that
    matches there, so trying ``A|B`` and then ``C`` finds the same match.
    """

    __slots__ = ("parts",)

    def __init__(self, parts: list[Matcher]) -> None:
        self.parts = parts

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        for part in self.parts:
            m = part.match(string, pos, endpos)
            if m is not None:
                return m
        return None


HINTED = frozenset(chr(c) for c in range(32, 127)) | {"\t"}
"""The characters :func:`hints` answers for (printable ASCII and tab: nearly every character of a normalized text)."""
WHOLE = 1
"""In a hint: the terminal's whole pattern (a terminal that may start with any character, or a heavy one)."""


def hints(terminals: Sequence[tuple[str, str]], flags: int = 0) -> list[dict[str, str | int] | None] | None:
    """What :class:`FirstCharLexer` would cut each terminal to for each character of :data:`HINTED`, as plain data.

    Computed when tables are built and shipped with them, so that a lexer
    need not analyse its patterns at start-up: per terminal, character →
    the cut pattern, or :data:`WHOLE` for the pattern itself; a character
    absent from it starts no match of the terminal. ``None`` with global flags
    (no analysis is done then).
    """
    if flags & ~re.UNICODE:
        return None
    out: list[dict[str, str | int] | None] = []
    for _name, pattern in terminals:
        analysed = analyse(pattern)
        hint: dict[str, str | int] = {}
        for ch in sorted(HINTED):
            sub = analysed.restricted(ch)
            if sub is not None:
                # a cut still longer than HEAVY is matched by the whole terminal's pieces: no need to keep it
                hint[ch] = WHOLE if sub == pattern or len(sub) > HEAVY else sub
        out.append(hint)
    return out


class FirstCharLexer:
    """Per-character sub-alternations of lark's combined lexer regex (see the module docstring)."""

    def __init__(
        self,
        terminals: Sequence[tuple[str, str]],
        flags: int = 0,
        *,
        hints: Sequence[Mapping[str, str | int] | None] | None = None,
        cuts: Mapping[str, tuple[str, list[tuple[str, str]]]] | None = None,
    ) -> None:
        self.terminals = list(terminals)
        """``(name, regex)`` of each terminal, in the order of lark's alternation."""
        self.flags = flags
        """The lexer's global regex flags."""
        # global flags (other than the default) change what a character matches: no analysis then
        self._analysable = not flags & ~re.UNICODE
        self._patterns: list[Pattern | None] | None = None
        self._hints = list(hints) if hints is not None and self._analysable else None
        if self._hints is not None and len(self._hints) != len(self.terminals):
            raise ValueError("one hint per terminal")
        self.by_char: dict[str, Matcher | None] = {}
        """The sub-alternation for each character met so far (``None``: no terminal starts with it)."""
        self._heavy: dict[str, _Pieces] = {}
        self._cuts = cuts  # heavy terminals' pieces computed when the tables were built (heavy_cut)

    @property
    def patterns(self) -> list[Pattern | None]:
        """What :mod:`milinc.regex_prefix` found out about each terminal (``None``: not analysed).

        Analysed when first needed: with :func:`hints` given, only a character
        outside :data:`HINTED` needs the analysis.
        """
        if self._patterns is None:
            self._patterns = [analyse(p) if self._analysable else None for _, p in self.terminals]
        return self._patterns

    @property
    def firsts(self) -> list[bool]:
        """Per terminal, whether the analysis knows which characters it may start with."""
        return [p is not None and p.first is not None for p in self.patterns]

    def _restricted(self, index: int, ch: str) -> str | None:
        """Terminal *index* cut down to its branches that can start with *ch* (``None``: none can)."""
        if self._hints is not None and ch in HINTED:
            hint = self._hints[index]
            if hint is not None:
                sub = hint.get(ch)
                return self.terminals[index][1] if sub == WHOLE else sub if type(sub) is str else None
        analysed = self.patterns[index]
        return analysed.restricted(ch) if analysed is not None else self.terminals[index][1]

    def regex_for(self, ch: str) -> Matcher | None:
        """The alternation of the terminals that may start with *ch*, in lark's order.

        A compiled regex, or, when a heavy terminal (:data:`HEAVY`) may start with
        *ch*, the same alternation cut around it, the heavy terminal compiled once
        for all characters, when first needed.
        """
        parts: list[Matcher] = []
        branches: list[str] = []
        for index, (name, pattern) in enumerate(self.terminals):
            sub = self._restricted(index, ch)
            if sub is None:
                continue
            if len(sub) > HEAVY:
                if branches:
                    parts.append(re.compile("|".join(branches), self.flags))
                    branches = []
                heavy = self._heavy.get(name)
                if heavy is None:
                    cut = self._cuts.get(name) if self._cuts is not None else None
                    heavy = self._heavy[name] = _Pieces(name, pattern, self.flags, cut)
                parts.append(heavy)
            else:
                branches.append(f"(?P<{name}>{sub})")
        if branches:
            parts.append(re.compile("|".join(branches), self.flags))
        regex: Matcher | None = None if not parts else parts[0] if len(parts) == 1 else _Segments(parts)
        if len(self.by_char) < 10_000:  # bounded: any character may come up
            self.by_char[ch] = regex
        return regex
