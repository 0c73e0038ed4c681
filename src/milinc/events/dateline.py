"""Datelines: the place, date and agency that open a dispatch ("Beyrouth, 24 septembre 2024 –", "KIEV (Reuters) -").

A dateline says where and when the dispatch was filed, not where or when the incident happened, so its place
and date never fill an event's location or date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import regexes

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["find_datelines"]

_SEARCHED_LINES = 12
"""Datelines open one of the first lines of a text (after a headline, a byline)."""
_PLACE = regexes.lazy(r"[ ]*([^\W\d_]+(?:[ '-][^\W\d_]+){0,3})[ ]*")
_PLACE_NAME = regexes.lazy(r"[^\W\d_a-z][^\W\d_]*(?:(?:[ '-]|(?<=\b[dl])')(?:[^\W\d_a-z][^\W\d_]*|de|du|des|la|le|les|el|al|d|l|ez|es|ed|sur|en|au|aux))*")
"""A place name as a dateline writes it: capitalized words, with their particles ("Deir ez-Zor"), not a clause
("L'armée a rapporté, lundi, …")."""
_AGENCY = regexes.lazy(r"[ ]*\([^()\n]{1,30}\)[ ]*")
_DASH = regexes.lazy(r"[ ]*(?:-+|:)(?:[ ]|$)")
_BRACKETED_PLACE = regexes.lazy(r"[ ]*\(([^\W\d_]+(?:[ '-][^\W\d_]+){0,3})\)[ ]*")
_NAME_CONNECTORS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "al", "el", "ez", "ad", "sur", "en"})
"""Lowercase words a place name may hold ("Fada N'Gourma", "Deir ez-Zor", "Châlons-en-Champagne")."""


def _is_name(words: str) -> bool:
    """Whether *words* (as written) are a name: every word capitalized but the connectors."""
    parts = [p for p in re.split(r"[ '-]", words) if p]
    return bool(parts) and parts[0][:1].isupper() and all(p[:1].isupper() or p.lower() in _NAME_CONNECTORS
                                                           for p in parts)


def find_datelines(ctx: ExtractionContext) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every dateline of the text (normalized offsets), its final dash included.

    A dateline is a capitalized place at the start of a line followed by a date ("Bamako, 29 juillet 2024 –"),
    an agency in parentheses ("KIEV (Reuters) -") or both; on the text's first line, a place, a comma and a
    date are enough ("Gao, 3 mars 2024. Des hommes armés …").
    """
    text = ctx.text
    date_at = {d.span.start: d.span.end for d in ctx.dates}
    found: list[tuple[int, int]] = []
    line_start = 0
    first_line = True
    for _ in range(_SEARCHED_LINES):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:line_end].strip():
            span = _dateline_at(ctx, line_start, line_end, date_at, first_line)
            if span is not None:
                found.append(span)
            first_line = False
        if line_end >= len(text):
            break
        line_start = line_end + 1
    return found


def _dateline_at(ctx: ExtractionContext, start: int, end: int, date_at: dict[int, int],
                 first_line: bool) -> tuple[int, int] | None:
    text = ctx.text
    # "(Beyrouth) Le Hezbollah …": a place in parentheses opens the dispatch
    bracketed = _BRACKETED_PLACE.match(text, start, end)
    if bracketed is not None and _is_name(ctx.span(bracketed.start(1), bracketed.end(1)).text):
        return start, bracketed.end()
    # "19 octobre (Reuters) – …": a date and an agency
    lead = start + len(text[start:end]) - len(text[start:end].lstrip(" "))
    if lead in date_at:
        agency = _AGENCY.match(text, date_at[lead], end)
        dash = _DASH.match(text, agency.end(), end) if agency is not None else None
        return (start, dash.end()) if dash is not None else None
    place = _PLACE.match(text, start, end)
    name = ctx.span(place.start(1), place.end(1)).text if place is not None else ""
    if place is None or place.start(1) in date_at or not _is_name(name) or not _PLACE_NAME.fullmatch(name):
        return None  # "Les rebelles ont lancé, mardi, …" is a sentence, not a place
    pos = place.end()
    dated = False
    if text.startswith(",", pos):
        after_comma = pos + 1 + (len(text[pos + 1 : end]) - len(text[pos + 1 : end].lstrip(" ")))
        if after_comma in date_at:
            pos, dated = date_at[after_comma], True
    agency = _AGENCY.match(text, pos, end)
    if agency is not None:
        pos = agency.end()
    if not (dated or agency):
        return None
    dash = _DASH.match(text, pos, end)
    if dash is not None:
        return start, dash.end()
    # the first line: "Gao, 3 mars 2024. Des hommes armés …"
    if first_line and dated and (pos >= end or text[pos] in ".,"):
        return start, pos
    return None
