"""Split a normalized text into sentences and paragraphs, cheaply and without a model.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space and an
uppercase letter, a digit or a quote in the original text, or at a line break.
Abbreviations that end with a period ("M.", "J.-C.", "St.") do not end a sentence.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Sentence", "split_sentences"]

_ABBREVIATIONS = frozenset(
    ["m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "etc", "env", "cf", "p", "ex", "av", "apr", "j.-c", "col", "gen", "lt", "cdt", "cne", "sgt", "adj", "capt",
     # month abbreviations: "le 1er janv. 2021" is one sentence
     "janv", "fevr", "févr", "avr", "juil", "sept", "oct", "nov", "dec", "déc"]
)
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
            word = re.search(r"([\w.-]+)[.]$", before)
            if word and word.group(1).lower() in _ABBREVIATIONS:
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
