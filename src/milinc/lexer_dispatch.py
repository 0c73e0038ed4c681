"""A lexer's combined regex, split by the first character of the input.

lark's basic lexer matches one alternation of every terminal, ``(?P<A>…)|(?P<B>…)|…``,
in its own priority order, and ``re`` tries the branches one after the other. A
short keyword near the end of a grammar of a hundred terminals ("de", "la")
then costs a hundred failed branches at every occurrence. Most branches can be
ruled out by the character the token must start with, so :class:`FirstCharLexer`
builds, for each character met, the alternation of only the terminals that
could start with it — same order, same group names — and the match there is the
match of the whole alternation.

Which characters a terminal can start with is read from ``re``'s own parse of
its pattern; anything the analysis does not understand (a flag, a category, a
back-reference, a pattern that may match the empty string…) keeps the terminal
in every branch set, so the split can only be coarser than necessary, never
wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from . import regexes

__all__ = ["FirstCharLexer"]

_parser: Any
_constants: Any
try:
    _parser = regexes.sre_internal("_parser")
    _constants = regexes.sre_internal("_constants")
except ImportError:  # pragma: no cover - not CPython: no analysis, every terminal kept everywhere
    _parser = _constants = None

_ANYTHING = None
"""A terminal whose first character is unknown: kept for every character."""


class FirstCharLexer:
    """Per-character sub-alternations of lark's combined lexer regex (see the module docstring)."""

    def __init__(self, terminals: Sequence[tuple[str, str]], flags: int = 0) -> None:
        self.terminals = list(terminals)
        """``(name, regex)`` of each terminal, in the order of lark's alternation."""
        self.flags = flags
        """The lexer's global regex flags."""
        self.firsts = [_first_items(pattern, flags) for _, pattern in self.terminals]
        """Per terminal, the single-character items it may start with, or ``None`` for any."""
        self.by_char: dict[str, re.Pattern[str] | None] = {}
        """The sub-alternation for each character met so far (``None``: no terminal starts with it)."""

    def regex_for(self, ch: str) -> re.Pattern[str] | None:
        """The alternation of the terminals that may start with *ch*, in lark's order."""
        keep = [
            (name, pattern)
            for (name, pattern), first in zip(self.terminals, self.firsts)
            if first is _ANYTHING or any(_may_start(item, ch) for item in first)
        ]
        # force the disk cache: a first parse meets a few dozen characters, each one a compile otherwise
        regex = regexes.compile("|".join(f"(?P<{n}>{p})" for n, p in keep), self.flags, cache=True) if keep else None
        if len(self.by_char) < 10_000:  # bounded: any character may come up
            self.by_char[ch] = regex
        return regex


def _first_items(pattern: str, flags: int) -> list[tuple[Any, Any]] | None:
    """The single-character items a match of *pattern* may begin with, or ``None`` (unknown / any)."""
    if flags & ~re.UNICODE or _parser is None:
        return _ANYTHING
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # an analysis failure only means "keep it everywhere"
        return _ANYTHING
    items, nullable = _first_of(list(parsed))
    return _ANYTHING if items is None or nullable else items


def _first_of(sequence: list[tuple[Any, Any]]) -> tuple[list[tuple[Any, Any]] | None, bool]:
    """First items of a sequence of regex nodes, and whether the sequence may match nothing."""
    c = _constants
    out: list[tuple[Any, Any]] = []
    for op, av in sequence:
        if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
            out.append((op, av))
            return out, False
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None, False  # (?i:…) and the like: not analysed
            first, nullable = _first_of(list(sub))
        elif op is c.BRANCH:
            first, nullable = [], False
            for alternative in av[1]:
                alt_first, alt_nullable = _first_of(list(alternative))
                if alt_first is None:
                    return None, False
                first += alt_first
                nullable = nullable or alt_nullable
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
            low, _high, sub = av
            first, nullable = _first_of(list(sub))
            nullable = nullable or low == 0
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # consumes nothing: the next node gives the first character
        else:
            return None, False  # back-references, atomic groups…: not analysed
        if first is None:
            return None, False
        out += first
        if not nullable:
            return out, False
    return out, True


def _may_start(item: tuple[Any, Any], ch: str) -> bool:
    """Whether the single-character regex node *item* may match *ch* (True when unsure)."""
    c = _constants
    op, av = item
    code = ord(ch)
    if op is c.LITERAL:
        return bool(code == av)
    if op is c.NOT_LITERAL:
        return bool(code != av)
    if op is c.IN:
        negate, hit = False, False
        for set_op, set_av in av:
            if set_op is c.NEGATE:
                negate = True
            elif set_op is c.LITERAL:
                hit = hit or code == set_av
            elif set_op is c.RANGE:
                hit = hit or set_av[0] <= code <= set_av[1]
            else:
                return True  # categories (\w, \d, \s…): assume it may
        return hit != negate
    return True
