"""Regexes for lexicons: a list of phrases becomes a trie-shaped regex matching the longest phrase.

Kept apart from the engine because its output is shipped as data (``milinc/compiled/lexicons.json``)
and cached: the digest of this module's source (and of the normalizer's) is part of the key of every
regex it built, so editing the code that builds them never brings back a regex the old code built.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .normalize import fold

__all__ = ["TRIE_FROM", "alternation_regex", "builder_fingerprint", "lexicon_regex_and_initials", "trie_regex"]

INITIAL_CHARS = 4
"""How many first characters of each phrase :func:`lexicon_regex_and_initials` reports."""

@functools.cache
def builder_fingerprint() -> str:
    """A digest of the code that turns phrases into regexes (this module and the normalizer).

    Part of the key of every stored lexicon regex.
    """
    from . import normalize

    digest = hashlib.sha256()
    for module_file in (__file__, normalize.__file__):
        try:
            digest.update(Path(module_file).read_bytes())
        except (OSError, TypeError):
            digest.update(repr(module_file).encode())
    return digest.hexdigest()


def lexicon_regex_and_initials(phrases: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """:func:`lexicon_regex`'s regex, and the first characters of its phrases."""
    alts = {fold(p).strip() for p in phrases}
    if len(alts) < TRIE_FROM:
        regex = alternation_regex(alts)
    else:
        regex = rf"(?:{trie_regex([a.split() for a in alts])})(?![^\W_])"
    return regex, tuple(sorted({a.split()[0][:INITIAL_CHARS] for a in alts}))


def alternation_regex(phrases: Iterable[str]) -> str:
    """The plain longest-first alternation :func:`lexicon_regex` is equivalent to (kept as the reference)."""
    alts = sorted({fold(p).strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not alts:
        return r"(?!x)x"
    body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in alts)
    return rf"(?:{body})(?![^\W_])"


TRIE_FROM = 30
"""Below this many phrases the plain alternation is as fast as a trie (and not worth storing)."""
_END = ""  # trie key marking the end of a phrase (no symbol is empty)
_SPACE = " "  # trie symbol for the run of spaces between two words


def trie_regex(phrases: list[list[str]]) -> str:
    """A regex for phrases given as word lists: a character trie, continuations before ends."""
    root: dict[str, Any] = {}
    for words in phrases:
        node = root
        for symbol in _SPACE.join(words):
            node = node.setdefault(symbol, {})
        node[_END] = {}
    return _node_regex(root)


def _node_regex(node: dict[str, Any]) -> str:
    # iterative over single-child chains so long phrases do not nest groups needlessly
    out: list[str] = []
    while True:
        symbols = sorted(k for k in node if k != _END)
        if len(symbols) == 1 and _END not in node:
            out.append(r"\s+" if symbols[0] == _SPACE else re.escape(symbols[0]))
            node = node[symbols[0]]
            continue
        branches = [(r"\s+" if sym == _SPACE else re.escape(sym)) + _node_regex(node[sym]) for sym in symbols]
        if _END in node:
            branches.append("")  # ending here is the last resort: longer phrases first
        if len(branches) == 1:
            out.append(branches[0])
        elif branches:
            out.append("(?:" + "|".join(branches) + ")")
        return "".join(out)
