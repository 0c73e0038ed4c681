"""Text normalization with an offset map back to the original text.

The grammars read a *normalized copy* of the text: lowercase, accents stripped,
one apostrophe ('), one double quote ("), one hyphen (-) and one space for all
their typographic variants. Offsets in the copy map back to the original, so
every span milinc reports points at the original characters.

Almost every character maps to exactly one character, so the copy usually has
the original's length and the map is the identity; combining marks (text in
NFD) and characters that lowercase to several code points take the slow path
with an explicit map.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array

__all__ = ["NormalizedText", "fold", "normalize", "phrase_key"]

_SPECIAL = {
    # apostrophes and primes
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'", "`": "'", "\u201b": "'",
    # double quotes and guillemets
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2039": '"', "\u203a": '"',
    # hyphens and dashes
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    # spaces (no-break, narrow no-break, thin, figure, …) and tabs
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ",
    "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u200a": " ", "\u205f": " ",
    "\u3000": " ", "\t": " ", "\u000b": " ", "\u000c": " ",
    # ligatures kept one character wide
    "\u0153": "\u0153", "\u0152": "\u0153", "\u00e6": "\u00e6", "\u00c6": "\u00e6",
    "\u00df": "\u00df",
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x80, 0x250):  # Latin-1 supplement and Latin Extended-A/B
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower()
        if len(base) == 1 and base != ch:
            table[cp] = base
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp).lower()
    for ch, rep in _SPECIAL.items():
        table[ord(ch)] = rep
    return table


_TABLE = _build_table()
_COMBINING = re.compile(r"[\u0300-\u036f]")
# ``str.translate`` looks every character up in the dict once the text is not pure
# ASCII (≈60 ns a character); a regex finds the few characters to replace in C.
# A–Z are left to ``lower()``, which folds them the same way.
_TO_FOLD = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE) if not 65 <= cp <= 90) + "]")
_FOLDED = {chr(cp): rep for cp, rep in _TABLE.items()}


def _fold_match(m: re.Match[str]) -> str:
    return _FOLDED[m.group()]


class NormalizedText:
    """A normalized copy of a text and the map of its offsets back to the original."""

    __slots__ = ("_starts", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        """The text as given; every offset maps back into it."""
        # same as original.translate(_TABLE) but for A–Z, which lower() folds alike
        fast = _TO_FOLD.sub(_fold_match, original)
        lowered = fast.lower()
        if len(lowered) == len(fast) and not _COMBINING.search(fast):
            self.text = lowered
            """The normalized copy the grammars read."""
            self._starts: array[int] | None = None
            return
        fast = original.translate(_TABLE)
        pieces: list[str] = []
        starts = array("l")
        for i, ch in enumerate(fast):
            if unicodedata.combining(ch):
                continue  # accents written as combining marks (NFD input)
            rep = ch if ch.isascii() else _fold_char(ch)
            pieces.append(rep)
            starts.extend([i] * len(rep))
        starts.append(len(original))
        self.text = "".join(pieces)
        self._starts = starts

    @property
    def is_identity(self) -> bool:
        """True when offsets in the copy are offsets in the original."""
        return self._starts is None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of the copy to the original text."""
        if self._starts is None:
            return start, end
        s = self._starts[start]
        if end <= start:
            return s, s
        last = self._starts[end - 1]
        nxt = end
        while nxt < len(self._starts) - 1 and self._starts[nxt] == last:
            nxt += 1
        e = self._starts[nxt] if nxt < len(self._starts) else len(self.original)
        # combining marks that followed the last character belong to it
        while e < len(self.original) and unicodedata.combining(self.original[e]):
            e += 1
        return s, e


def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    low = base.lower()
    return low if low else ch


def normalize(text: str) -> NormalizedText:
    """Normalize *text* for the grammars (see the module docstring)."""
    return NormalizedText(text)


def fold(text: str) -> str:
    """The normalized form of a short string (lexicon entries, aliases)."""
    if len(text) > 64:
        return NormalizedText(text).text
    return _fold_short(text)


def phrase_key(text: str) -> str:
    """The lookup key of a lexicon phrase, and of a text a lexicon regex matched.

    Folded, with every run of white space (two spaces, a no-break space, a line
    break) as one space and none at the ends: the lexicon regexes
    (:func:`milinc.engine.lexicon_regex`) let any run of white space stand
    between two words of a phrase, so a table of phrases must be keyed, and
    looked up, this way too.
    """
    return " ".join(fold(text).split())


@functools.lru_cache(maxsize=32_768)
def _fold_short(text: str) -> str:
    # extractors fold the same few thousand words over and over (tokens, keys)
    return NormalizedText(text).text
