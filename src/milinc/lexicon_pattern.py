"""A lexicon regex that compiles, for the first short texts, only the words those texts can hold.

Compiling the regex of a big lexicon (the weapons' 1 600 anchor words, the trigger forms) costs
tens of milliseconds: most of a first parse's start-up. A word of the lexicon can only match where
the text holds its first two characters at the start of a word, and a short text holds few of them:
its regex keeps only those words and matches exactly what the whole lexicon's regex matches on
that text. Once texts get long, or after a few such texts, the whole regex is compiled once and
used from then on (each call then goes straight to it: throughput is the plain regex's).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import Any, cast

from . import regexes, trie_regex
from .normalize import fold

__all__ = ["WORD_START", "LexiconPattern", "lexicon_pattern"]

WORD_START = r"(?<![^\W_])"
"""The look-behind every lexicon match starts with (no letter or digit right before it)."""

SHORT_TEXT = 4000
"""Texts (searched spans) up to this many characters get a regex of the words they can hold."""
MAX_PARTIAL = 4
"""How many such partial regexes are compiled before the whole lexicon's regex is."""
MAX_SHARE = 0.3
"""A partial regex is compiled only when it keeps at most this share of the words."""

# where a lexicon word may start, with the next character (words are keyed by their first two)
_STARTS = re.compile(WORD_START + r"(?=(..?))", re.DOTALL)

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


def _folded(word: str) -> str:
    """``fold(word).strip()``, as the lexicon's regex writes the word; most words are plain ASCII, which folds
    to its lowercase (the fold table's other ASCII entries are tabs, form feeds and the backquote)."""
    if word.isascii() and word.isprintable() and "`" not in word:
        return word.lower().strip()
    return fold(word).strip()


def _key(folded: str) -> str:
    """What a text must hold at a word's start for the word to match there: its first two characters
    (the first only when the second is a space, which matches any run of spaces)."""
    return folded[:2] if len(folded) > 1 and not folded[1].isspace() else folded[:1]


class LexiconPattern:
    """``re.compile(before + lexicon_regex(words) + after)``, compiled per text until texts get long.

    *before* must end the words' branch with :data:`WORD_START` look-behinds (other alternatives
    may stand before it, as the dates' ``\\d+|``). It answers the methods of a compiled pattern.
    """

    def __init__(self, words: Iterable[str], *, before: str = WORD_START, after: str = "") -> None:
        if WORD_START not in before:
            raise ValueError(f"the lexicon's branch must start with {WORD_START!r}")
        self.words = tuple(sorted({w for w in words if w.strip()}))
        """The phrases, as given (the regex folds them)."""
        self.before = before
        """The regex before the words' (look-behinds, other alternatives)."""
        self.after = after
        """The regex after the words' (other alternatives)."""
        self._by_key: dict[str, list[str]] = {}
        for word in self.words:
            self._by_key.setdefault(_key(_folded(word)), []).append(word)
        from .engine import lexicon_regex  # the engine imports this module

        # the whole regex's text is the shipped one (milinc/compiled/lexicons.json): only its compiling waits
        self._source = before + lexicon_regex(self.words) + after
        self._partial: dict[frozenset[str], re.Pattern[str]] = {}
        self._lock = threading.Lock()

    @property
    def pattern(self) -> str:
        """The whole lexicon's regex (as a string)."""
        return self._source

    @property
    def flags(self) -> int:
        """The whole regex's flags."""
        return self.compiled().flags

    @property
    def groups(self) -> int:
        """As ``re.Pattern.groups``."""
        return self.compiled().groups

    @property
    def groupindex(self) -> Any:
        """As ``re.Pattern.groupindex``."""
        return self.compiled().groupindex

    def compiled(self) -> re.Pattern[str]:
        """The whole lexicon's compiled regex; every later call goes to it directly."""
        rx: re.Pattern[str] | None = self.__dict__.get("_whole")
        if rx is None:
            rx = regexes.compile(self._source)
            with self._lock:
                self.__dict__.update({name: getattr(rx, name) for name in _METHODS}, _whole=rx)
                self._partial.clear()
        return rx

    def for_text(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Pattern[str]:
        """A compiled regex matching on ``text[pos:endpos]`` exactly what the whole lexicon's does."""
        whole: re.Pattern[str] | None = self.__dict__.get("_whole")
        if whole is not None:
            return whole
        end = min(endpos, len(text))
        if end - pos > SHORT_TEXT or len(self._partial) >= MAX_PARTIAL:
            return self.compiled()
        found = set(_STARTS.findall(text, pos, end))
        keys = frozenset({k for k in found if k in self._by_key} | {k[0] for k in found if k[0] in self._by_key})
        rx = self._partial.get(keys)
        if rx is None:
            words = [w for k in keys for w in self._by_key[k]]
            if len(words) > MAX_SHARE * len(self.words):
                return self.compiled()
            # not the shipped regex (that one holds every word): built here, small; never cached on disk
            rx = re.compile(self.before + trie_regex.lexicon_regex_and_initials(words)[0] + self.after)
            with self._lock:
                if "_whole" not in self.__dict__:
                    self._partial[keys] = rx
        return rx

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As ``re.Pattern.search``."""
        return self.for_text(string, pos, endpos).search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As ``re.Pattern.match``."""
        return self.for_text(string, pos, endpos).match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As ``re.Pattern.fullmatch``."""
        return self.for_text(string, pos, endpos).fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """As ``re.Pattern.finditer``."""
        return self.for_text(string, pos, endpos).finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """As ``re.Pattern.findall``."""
        return self.for_text(string, pos, endpos).findall(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        """As ``re.Pattern.sub``."""
        return self.for_text(string).sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        """As ``re.Pattern.subn``."""
        return self.for_text(string).subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """As ``re.Pattern.split``."""
        return self.for_text(string).split(string, maxsplit)

    def __repr__(self) -> str:
        return f"LexiconPattern({len(self.words)} words, before={self.before!r}, after={self.after!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (self.words, self.before, self.after)


def _rebuild(words: tuple[str, ...], before: str, after: str) -> LexiconPattern:
    return LexiconPattern(words, before=before, after=after)


def lexicon_pattern(words: Iterable[str], *, before: str = WORD_START, after: str = "") -> re.Pattern[str]:
    """A :class:`LexiconPattern`, typed as the compiled pattern it stands for."""
    return cast("re.Pattern[str]", LexiconPattern(words, before=before, after=after))
