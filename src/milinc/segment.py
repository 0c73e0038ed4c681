"""Split a normalized text into sentences and paragraphs, cheaply and without a model.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space and an
uppercase letter, a digit or a quote in the original text, or at a line break.
A period does not end a sentence after an abbreviation of the list in
``data/abbreviations.json`` (titles and ranks: "M.", "Gal.", "le lt-col.
Martin"; references: "J.-C.", "cf."; months: "janv.") nor after initials
("J.-P. Dupont", "A. Diallo": one capital letter, alone or joined by ``.`` or
``-``).
"""

from __future__ import annotations

import json
import re
from importlib import resources

import attrs

__all__ = ["ABBREVIATIONS", "Sentence", "split_sentences"]


_DATA = json.loads(resources.files("milinc").joinpath("data").joinpath("abbreviations.json").read_text(encoding="utf-8"))

ABBREVIATIONS: frozenset[str] = frozenset(word for words in _DATA["groups"].values() for word in words)
"""Words (lower case, no final period) after which a period does not end a sentence."""

_SENTENCE_OPENERS: frozenset[str] = frozenset(_DATA["sentence_openers"])
"""Words that open a sentence rather than continue a name: after a single initial ("X. En outre"), a break."""

_NEXT_WORD = re.compile(r"[\W\d_]*([^\W\d_]+)")

_INITIAL_PARTS = re.compile(r"[.-]+")


def _is_initials(word: str, text: str, after: int) -> bool:
    """Initials before a final period: "J.-P", "J.P", or "A" unless a sentence opener follows ("X. En outre")."""
    parts = _INITIAL_PARTS.split(word)
    if not all(len(part) == 1 and part.isupper() for part in parts):
        return False
    if len(parts) > 1:
        return True
    following = _NEXT_WORD.match(text, after, after + 40)
    return following is None or following.group(1).lower() not in _SENTENCE_OPENERS

_WORD_BEFORE_PERIOD = re.compile(r"(?<![\w.-])([\w.-]+)[.]$")
_CLOSERS = "\"')\\]»”’"
_OPENERS = "\"'(\\[«“‘"
_BOUNDARY = re.compile(
    rf"(?<=[.!?…])(?P<close>(?:[ \u00a0\u202f]*[{_CLOSERS}])*)\s+(?=[{_OPENERS}]?\s*[^\W_a-z]|[{_OPENERS}]?\d)|\n+"
)


@attrs.frozen
class Sentence:
    """A sentence as a ``[start, end)`` range of the text, and its paragraph number."""

    start: int
    """Offset of the sentence's first character."""
    end: int
    """Offset just past its last character."""
    paragraph: int
    """Number of the paragraph (or line) it belongs to, from 0."""


def split_sentences(original: str) -> list[Sentence]:
    """Sentences of *original* (offsets are the same in the normalized copy)."""
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    for m in _BOUNDARY.finditer(original):
        if m.group().strip() == "" or "\n" not in m.group():
            before = original[max(start, m.start() - 12) : m.start()]
            word = _WORD_BEFORE_PERIOD.search(before)
            if word and (word.group(1).lower() in ABBREVIATIONS or _is_initials(word.group(1), original, m.end())):
                continue
        _append(out, original, start, m.end("close") if m.group("close") is not None else m.start(), paragraph)
        if "\n" in m.group():
            paragraph += 1
        start = m.end()
    _append(out, original, start, len(original), paragraph)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph))
