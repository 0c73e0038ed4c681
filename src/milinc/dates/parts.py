"""The partial, unresolved date that the grammar's transformer builds.

A :class:`DateParts` says what the words of one mention state ("mardi", "le 15
août", "un jour plus tôt", "dans la nuit de jeudi à vendredi") without deciding
which calendar day that is: :mod:`milinc.dates.resolver` does that, against the
reference date and the date the text last established.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Iterable
from typing import Any

import attrs
from lark import Token, Tree

from ..ontology import IntervalRole, Modifier, PartOfDay

__all__ = ["DateParts", "Relation", "Unit", "merge_parts"]


class Relation(str, enum.Enum):
    """What a mention is relative to, which decides how it is resolved."""

    CALENDAR = "calendar"
    """Stated on the calendar (day, month, year, weekday); missing parts come from the reference date."""
    REFERENCE = "reference"
    """An offset from the reference date ("hier", "il y a trois jours", "la semaine dernière")."""
    PREVIOUS = "previous"
    """An offset from the date the text last established ("la veille", "un jour plus tôt")."""


class Unit(str, enum.Enum):
    """The unit of a relative offset."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


# Not ``frozen``: a frozen attrs class sets each of its 29 fields through ``object.__setattr__``,
# which made building parts (thousands per MB of text, once per grammar reduction) about five
# times slower. Parts are still values: hashable, never changed once built (``but`` makes a copy).
@attrs.define(unsafe_hash=True)
class DateParts:
    """What one date mention states, before resolution.

    Offsets ``start``/``end`` are relative to the start of the grammar match.
    Treat an instance as immutable (it may be shared): :meth:`but` gives a changed copy.
    """

    start: int
    """Offset of the first character of the mention, relative to the match."""
    end: int
    """Offset just past the mention, relative to the match."""
    rule: str = ""
    """The grammar rule that built the mention."""
    year: int | None = None
    """Calendar year stated by the text."""
    month: int | None = None
    """Month 1-12 stated by the text."""
    day: int | None = None
    """Day of the month stated by the text."""
    hour: int | None = None
    """Hour of a clock time."""
    minute: int | None = None
    """Minute of a clock time."""
    weekday: int | None = None
    """ISO weekday (1 = lundi) named by the text."""
    part_of_day: PartOfDay | None = None
    """Morning, afternoon, evening or night named by the text."""
    modifier: Modifier | None = None
    """"début", "mi-", "fin", "vers"."""
    relation: Relation = Relation.CALENDAR
    """What the mention is relative to."""
    unit: Unit = Unit.DAY
    """Unit of ``offset`` (and the granularity of a relative week/month/year)."""
    offset: int = 0
    """Signed offset in ``unit`` from the reference or previous date."""
    count: int | None = None
    """A count read by the grammar ("trois" in "trois jours plus tard"), used by the rules."""
    direction: int = 0
    """-1 for "dernier" (strictly before), +1 for "prochain" (strictly after), 0 otherwise."""
    future: bool = False
    """The text says the date is to come ("doit s'exprimer vendredi"): resolved on or after the reference date."""
    this_week: bool = False
    """"ce mardi": the weekday of the reference date's week."""
    shift_days: int = 0
    """Days added after resolution ("la nuit de jeudi à vendredi" is the Friday minus one)."""
    interval_role: IntervalRole | None = None
    """Set when the mention is one endpoint of an interval."""
    weak: bool = False
    """A form that is a date only in a strong context (a bare "le soir", "12h", "de 2003")."""
    clock: bool = False
    """The mention contains a clock time."""
    whole_day: bool = False
    """The mention names a whole day ("dans la journée de mardi"), not a part of it."""
    season: str | None = None
    """A season, as TIMEX3 writes it: ``SP``, ``SU``, ``FA``, ``WI`` ("l'été dernier")."""
    weekend: bool = False
    """The mention names the week-end of its week ("ce week-end", "le week-end du 12 octobre")."""
    week_of: bool = False
    """The mention names the ISO week of its day ("la semaine du 6 octobre")."""
    holiday: str | None = None
    """A holiday whose day the resolver computes for the year it picks ("Noël", "l'Aïd el-Fitr")."""
    pre_shift: int = 0
    """Days added to a day or holiday before its year is picked ("la veille de Noël" is a 24 December)."""
    short_year: bool = False
    """The year was written with two digits ("31/10/74"): the nearest past century of the reference date."""

    def but(self, **changes: Any) -> DateParts:
        """A copy with *changes*."""
        if type(self) is not DateParts:
            return attrs.evolve(self, **changes)
        # attrs.evolve, without its per-call walk over the fields (this runs for most matches):
        # the values in field order, the changed ones replaced, passed by position
        values = list(_all_values(self))
        for name, value in changes.items():
            index = _INDEX.get(name)
            if index is None:
                raise TypeError(f"DateParts has no field {name!r}")  # as attrs.evolve says it
            values[index] = value
        return DateParts(*values)


_ALL_FIELDS = tuple(f.name for f in attrs.fields(DateParts))
_all_values = operator.attrgetter(*_ALL_FIELDS)
_INDEX = {name: i for i, name in enumerate(_ALL_FIELDS)}
_FIELDS = tuple(name for name in _ALL_FIELDS if name not in ("start", "end", "rule"))
_DEFAULTS: dict[str, Any] = {f.name: f.default for f in attrs.fields(DateParts)}
_GROUP_COUNT = 5
_ALL_DEFAULTS = tuple(_DEFAULTS[name] for name in _ALL_FIELDS)
_FIRST_MERGED = 3
"""Index of the first field merged from the parts (``start``, ``end`` and ``rule`` are the merge's own)."""
assert _ALL_FIELDS[_FIRST_MERGED:] == _FIELDS
_GROUPS = tuple(
    (operator.attrgetter(*names), tuple(_INDEX[name] for name in names), tuple(_DEFAULTS[name] for name in names))
    for names in (_FIELDS[len(_FIELDS) * i // _GROUP_COUNT : len(_FIELDS) * (i + 1) // _GROUP_COUNT]
                  for i in range(_GROUP_COUNT))
)
"""The fields merged, in groups of several (an attrgetter of one name returns no tuple):
(getter of the group's values, their indexes among the fields, their defaults)."""
assert all(len(indexes) > 1 for _, indexes, _ in _GROUPS)


def _extent(item: Any) -> tuple[int, int] | None:
    if isinstance(item, DateParts):
        return item.start, item.end
    if isinstance(item, Token):
        if item.start_pos is None or item.end_pos is None:
            return None
        return item.start_pos, item.end_pos
    if isinstance(item, Tree):
        spans = [e for e in (_extent(c) for c in item.children) if e is not None]
        if not spans:
            return None
        return min(s for s, _ in spans), max(e for _, e in spans)
    if isinstance(item, (list, tuple)):
        spans = [e for e in (_extent(c) for c in item) if e is not None]
        if not spans:
            return None
        return min(s for s, _ in spans), max(e for _, e in spans)
    return None


def _parts_in(children: Iterable[Any]) -> list[DateParts]:
    out: list[DateParts] = []
    for child in children:
        if isinstance(child, DateParts):
            out.append(child)
        elif isinstance(child, Tree):
            out.extend(_parts_in(child.children))
    return out


def merge_parts(children: Iterable[Any], rule: str = "", **overrides: Any) -> DateParts:
    """One :class:`DateParts` from the children of a grammar rule.

    The extent covers every child (tokens included); each field takes the first
    value that differs from its default among the child parts, in text order;
    *overrides* win over both.
    """
    # This runs for nearly every reduction of the dates grammar: parts and tokens (the usual
    # children) are read inline; trees, lists and other values go through _extent/_parts_in.
    if not overrides and type(children) is list and len(children) == 1:
        (only,) = children
        if type(only) is DateParts and (not rule or rule == only.rule):
            return only  # the merge would be an equal copy ("mardi" as weekday_only); parts are immutable
    first: int | None = None
    last = 0
    parts: list[DateParts] = []
    for child in children:
        kind = type(child)
        if kind is DateParts:
            lo, hi = child.start, child.end
            parts.append(child)
        elif kind is Token:
            lo, hi = child.start_pos, child.end_pos
            if lo is None or hi is None:
                continue
        else:
            extent = _extent(child)
            if isinstance(child, DateParts):
                parts.append(child)
            elif isinstance(child, Tree):
                parts.extend(_parts_in(child.children))
            if extent is None:
                continue
            lo, hi = extent
        if first is None:
            first, last = lo, hi
        else:
            first, last = min(first, lo), max(last, hi)
    # the values in field order, passed by position; the parts are read last to first, each
    # overwriting, so that the first one in text order that differs from the default wins
    values: list[Any] = list(_ALL_DEFAULTS)
    for part in reversed(parts):
        # the fields in groups: a group equal to its defaults (most of them, compared in C) is skipped whole
        for get, indexes, defaults in _GROUPS:
            group = get(part)
            if group != defaults:
                for index, value, default in zip(indexes, group, defaults):
                    if value != default:
                        values[index] = value
    for name, value in overrides.items():
        index = _INDEX.get(name, 0)
        if index < _FIRST_MERGED:
            raise TypeError(f"merge_parts() cannot set {name!r}")  # as DateParts(**values) refused it
        values[index] = value
    if not rule:
        rule = next((p.rule for p in parts if p.rule), "")
    values[0], values[1], values[2] = 0 if first is None else first, last, rule
    return DateParts(*values)
