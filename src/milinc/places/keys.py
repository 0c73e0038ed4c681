"""The lookup key of a place name: one form for the spellings French, English and GeoNames give it.

The same function builds the keys of the shipped index (at build time) and the keys of the
text's candidate names (at run time), so that "Khan Younès", "Khan Yunis", "Zaporijjia",
"Zaporizhzhia", "al-Hodeïdah" and "Al Hudaydah"… meet. The rules are deliberately few and
letter-level: accents and case go, hyphens/apostrophes/spaces go, Arabic articles go
("al-", "el-", "ad-"…), then transliteration pairs merge (ou/w → u, y → i, tch/sh → ch,
kh → h, zh/dj → j, q → k, ph → f), doubled letters are single and a final "h" after a vowel
drops.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

__all__ = ["ARTICLES", "place_key", "words_of"]

ARTICLES = frozenset({"al", "el", "ad", "ed", "ag", "an", "ar", "as", "ash", "at", "az", "ez", "er", "es", "ech", "ul"})
"""Arabic articles (and their assimilated forms) written before a name: not part of its key."""

_WORD = re.compile(r"[^\W_]+")
_PAIRS = (
    ("tsch", "ch"), ("tch", "ch"), ("sch", "ch"), ("sh", "ch"), ("kh", "h"), ("zh", "j"), ("dj", "j"),
    ("ou", "u"), ("w", "u"), ("y", "i"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("dh", "d"), ("th", "t"),
)
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = frozenset("aeiou")


def _plain(text: str) -> str:
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("œ", "oe").replace("æ", "ae")


def words_of(name: str) -> list[str]:
    """The words of a name, accents and case gone (``"Khan Younès"`` → ``["khan", "younes"]``)."""
    return _WORD.findall(_plain(name))


@functools.lru_cache(maxsize=65_536)
def place_key(name: str) -> str:
    """The lookup key of *name* (``""`` when nothing is left, e.g. for ``"al-"``)."""
    parts: list[str] = []
    for word in words_of(name):
        if word in ARTICLES:
            continue
        for a, b in _PAIRS:  # in this order, the same for index keys and text keys
            if a in word:
                word = word.replace(a, b)
        if any(a == b for a, b in itertools.pairwise(word)):
            word = _DOUBLE.sub(r"\1", word)
        if len(word) > 1 and word[-1] == "h" and word[-2] in _VOWELS:
            word = word[:-1]
        parts.append(word)
    return "".join(parts)
