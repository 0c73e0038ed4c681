"""Which date: the incident's date from its mentions' dates, and incidents too old to be news.

A date said of a trigger's clause wins over one that opens its sentence; either
refines the other on the same day ("Lundi soir, …, vers 22 heures"); then a
day said of a reporting verb, then a date carried from the sentences before.
An incident dated more than two months before the reference date, or in a
sentence that a past year or month opens, is background (§5).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from ..ontology import Anchor, Granularity, PartOfDay, TimeExpression
from .candidates import CARRIED, FRAME, OWN, DatedCandidate, MentionSlots
from .triggers import Mention

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["incident_date", "mark_background"]

_BACKGROUND_AGE = datetime.timedelta(days=60)
"""Incidents dated this long before the reference date are background ("l'attaque du 7 octobre 2023")."""
_UNRESOLVED = re.compile(r"XXXX-XX-XX")
"""A day counted from an event the text does not date ("au lendemain de l'offensive"): no incident's date."""
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


def incident_date(slots: Sequence[MentionSlots],
                  reference_date: datetime.date | None = None) -> tuple[TimeExpression | None, str]:
    """The most precise date said of the incident: its first own date, refined on the same day.

    The day of a statement about the incident never dates it (§5 of the guidelines), nor does a date that could
    not be resolved (a date counted from an event the text does not date: ``XXXX-XX-XX``) or one after the
    publication date (the incidents told are past). A night told on the day of a statement ("a rapporté lundi
    une attaque nocturne") is the night before it.
    """
    latest = reference_date.isoformat() if reference_date is not None else None

    def usable(d: DatedCandidate) -> bool:
        if _UNRESOLVED.match(d.time.value) or (d.time.anchor is Anchor.EVENT and "X" in d.time.value):
            return False
        return latest is None or d.day is None or d.day <= latest

    usable_dates = [d for s in slots for d in s.dates if usable(d)]
    candidates = [d for d in usable_dates if not d.statement]
    statements = [d for d in usable_dates if d.statement]
    # a date of a trigger's clause wins over one that opens its sentence ("Mardi, l'armée a dit qu'une
    # frappe a visé lundi"); either refines the other on the same day ("Lundi soir, …, vers 22 heures")
    for ranks, refiners in (((OWN,), (OWN, FRAME)), ((FRAME,), (FRAME,))):
        best = next((d for d in candidates if d.rank in ranks), None)
        if best is None:
            continue
        day = best.day  # a refinement is of the same day: the day of the best date stays
        if not day:
            # "cette semaine", "en janvier": a day the text gives inside that period is more precise
            inside = next((d for d in candidates if d.day and _within(d.day, best.time.value)), None)
            if inside is not None:
                return inside.time, inside.rule
        if day:
            for d in (d for d in candidates if d.rank in refiners):
                if d.day == day and _GRAIN[d.time.granularity.value] > _GRAIN[best.time.granularity.value]:
                    best = d
        if best.time.rule == "part_of_day_alone" and best.time.part_of_day is PartOfDay.NIGHT:
            # "ont annoncé lundi que des missiles ont frappé pendant la nuit": the night before the statement
            night = _night_before_statement(statements)
            if night is not None:
                return night, "night_before_statement"
        return best.time, best.rule
    night = _night_before_statement(statements) if any(s.nocturnal for s in slots) else None
    if night is not None:
        return night, "night_before_statement"
    best = next((d for d in candidates if d.rank == CARRIED), None)
    if best is not None:
        return best.time, "previous_sentence"
    return None, ""


def _night_before_statement(statements: Sequence[DatedCandidate]) -> TimeExpression | None:
    """The night before the day of a statement, for an incident told as nocturnal ("a rapporté lundi une attaque
    nocturne" → the night from Sunday to Monday: Sunday's ``TNI``)."""
    # the statement said of the incident's own sentence first (own, framing, reporting verb), then one carried
    said = min((d for d in statements if d.day), key=lambda d: d.rank, default=None)
    if said is None or said.day is None:
        return None
    try:
        night = datetime.date.fromisoformat(said.day) - datetime.timedelta(days=1)
    except ValueError:  # the first day of the calendar has no night before it
        return None
    return attrs.evolve(said.time, value=f"{night.isoformat()}TNI", granularity=Granularity.PART_OF_DAY,
                        year=night.year, month=night.month, day=night.day, weekday=night.isoweekday(),
                        part_of_day=PartOfDay.NIGHT, hour=None, minute=None, relative=True,
                        rule="night_before_statement")


def _within(day: str, period: str) -> bool:
    """Whether the ``YYYY-MM-DD`` *day* falls in the year, month or ISO week *period* ("2022-W01")."""
    if len(period) == 8 and period[4:6] == "-W" and period[:4].isdigit() and period[6:].isdigit():
        try:
            year, week, _ = datetime.date.fromisoformat(day).isocalendar()
        except ValueError:
            return False
        return (year, week) == (int(period[:4]), int(period[6:]))
    return len(period) in (4, 7) and period[:4].isdigit() and day.startswith(period)
