"""Which date: the incident's date from its mentions' dates, and incidents too old to be news.

A date said of a trigger's clause wins over one that opens its sentence; either
refines the other on the same day ("Lundi soir, …, vers 22 heures"); then a
day said of a reporting verb, then a date carried from the sentences before.
An incident dated more than two months before the reference date, or in a
sentence that a past year or month opens, is background (§5).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..ontology import TimeExpression
from .candidates import FRAME, REPORTED, MentionSlots
from .triggers import Mention

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["incident_date", "mark_background"]

_BACKGROUND_AGE = datetime.timedelta(days=60)
"""Incidents dated this long before the reference date are background ("l'attaque du 7 octobre 2023")."""
_GRAIN = {grain: rank for rank, grain in enumerate(["year", "month", "week", "day", "part_of_day", "hour", "minute"])}
"""Granularity → rank, coarsest first."""


def mark_background(ctx: ExtractionContext, mentions: Sequence[Mention], slots: Sequence[MentionSlots],
                    by_sentence: Mapping[int, Sequence[int]]) -> None:
    """Marks as background the mentions dated more than two months before the reference date, and those of a
    sentence a past year or month opens ("En 2019, une attaque …")."""
    if ctx.reference_date is None:
        return
    # a reference date in the calendar's first weeks (year 1) has no day two months before it
    oldest = (max(ctx.reference_date, datetime.date.min + _BACKGROUND_AGE) - _BACKGROUND_AGE).isoformat()
    for m, s in zip(mentions, slots):
        days = [d.day for d in s.event_dates() if d.day]
        if days and not m.generic and all(day < oldest for day in days):
            m.generic = "background"
    # "En 2019, une attaque …": a past year or month that opens the sentence dates it all
    for d in ctx.dates:
        if d.granularity.value not in ("year", "month") or _period_end(d.value) >= oldest:
            continue
        for j in by_sentence.get(ctx.sentence_at(d.span.start), ()):
            m = mentions[j]
            if not m.generic and m.start > d.span.start and not any(
                    x.day and x.day >= oldest for x in slots[j].event_dates()):
                m.generic = "background"


def _period_end(value: str) -> str:
    """The last day of a year or month value ("2019" → "2019-12-31"), as an ISO string."""
    if len(value) == 4:
        return f"{value}-12-31"
    return f"{value}-31" if len(value) == 7 else value


def incident_date(slots: Sequence[MentionSlots]) -> tuple[TimeExpression | None, str]:
    """The most precise date said of the incident: its first own date, refined on the same day."""
    # a date of a trigger's clause wins over one that opens its sentence ("Mardi, l'armée a dit qu'une
    # frappe a visé lundi"); either refines the other on the same day ("Lundi soir, …, vers 22 heures")
    for ranks, refiners, rule in (((0,), (0, FRAME), None), ((FRAME,), (FRAME,), None),
                                  ((REPORTED,), (REPORTED,), "reporting_verb_day"), ((3,), (3,), "previous_sentence")):
        best = next((d for s in slots for d in s.dates if d.rank in ranks), None)
        if best is None:
            continue
        day = best.day  # a refinement is of the same day: the day of the best date stays
        if not day:
            # "cette semaine", "en janvier": a day the text gives inside that period is more precise
            inside = next((d for s in slots for d in s.dates if d.day and _within(d.day, best.time.value)), None)
            if inside is not None:
                return inside.time, inside.rule
        if day:
            for d in (d for s in slots for d in s.dates if d.rank in refiners):
                if d.day == day and _GRAIN[d.time.granularity.value] > _GRAIN[best.time.granularity.value]:
                    best = d
        return best.time, rule or best.rule
    return None, ""


def _within(day: str, period: str) -> bool:
    """Whether the ``YYYY-MM-DD`` *day* falls in the year, month or ISO week *period* ("2022-W01")."""
    if len(period) == 8 and period[4:6] == "-W" and period[:4].isdigit() and period[6:].isdigit():
        try:
            year, week, _ = datetime.date.fromisoformat(day).isocalendar()
        except ValueError:
            return False
        return (year, week) == (int(period[:4]), int(period[6:]))
    return len(period) in (4, 7) and period[:4].isdigit() and day.startswith(period)
