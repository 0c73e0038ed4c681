"""When an incident can have happened: a TIMEX3 value as an interval of minutes.

Two reports can tell one incident only if the times their dates allow overlap. A value becomes the
half-open interval ``[start, end)`` of the minutes it allows, counted from 1970-01-01 00:00:

- a day is its 24 hours; a week (``2024-W10``) its seven days; a week-end (``2024-W10-WE``) Saturday
  00:00 to Monday 06:00; a month, a season (``2024-SU``) or a year, its whole span; ``début``,
  ``mi-`` and ``fin`` of a month are its first, middle and last ten days or so;
- a part of the day is wider than its words, because reports of one incident name it differently:
  the morning is 04:00-12:30, the afternoon 11:30-19:00, the evening 17:00 to 02:00 the next day,
  and the night of day *d* (``dans la nuit de samedi à dimanche`` = Saturday ``TNI``) 18:00 on *d*
  to 09:00 on *d* + 1, so that a later report's "dimanche" and an earlier one's night are one time;
- a clock time ("vers 22 h") allows 90 minutes on each side (reports round, and clocks differ);
- ``APPROX`` ("vers le 10 mars") widens a day by a day on each side.

A value with ``XXXX`` (unresolved) gives no interval. A report whose incident has no usable date
is placed in the days before its publication (:data:`UNDATED_LOOKBACK_DAYS`): an article tells
what happened recently.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re

__all__ = [
    "DAY",
    "UNDATED_LOOKBACK_DAYS",
    "Interval",
    "interval_of",
    "overlap",
    "publication_window",
    "time_precision",
    "to_minutes",
]

Interval = tuple[int, int]
"""``[start, end)`` in minutes since 1970-01-01 00:00 (naive, local time of the reports)."""

MINUTE = 1
HOUR = 60
DAY = 24 * HOUR
"""Minutes in a day."""

UNDATED_LOOKBACK_DAYS = 7
"""An undated incident is placed in the 7 days before its report's publication (and that day)."""

_EPOCH = _dt.date(1970, 1, 1)

_PART_OF_DAY: dict[str, tuple[int, int]] = {
    # offsets from the day's midnight, in minutes: wider than the words (see the module docstring)
    "MO": (4 * HOUR, 12 * HOUR + 30),
    "AF": (11 * HOUR + 30, 19 * HOUR),
    "EV": (17 * HOUR, 26 * HOUR),
    "NI": (18 * HOUR, 33 * HOUR),
}
_CLOCK_SLACK = 90 * MINUTE

_SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    # (month, day) of the start and of the (exclusive) end; winter ends in the next year
    "SP": ((3, 20), (6, 21)),
    "SU": ((6, 21), (9, 23)),
    "FA": ((9, 23), (12, 21)),
    "AU": ((9, 23), (12, 21)),
    "WI": ((12, 21), (3, 20)),
}

_VALUE = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?:(?P<part>MO|AF|EV|NI)|(?P<hh>\d{2}):(?P<mm>\d{2})))?)?"
    r"|-W(?P<week>\d{2})(?:-(?:(?P<weekend>WE)|(?P<weekday>[1-7])(?:T(?:(?P<wpart>MO|AF|EV|NI)|(?P<whh>\d{2}):(?P<wmm>\d{2})))?))?"
    r"|-(?P<season>SP|SU|FA|AU|WI))?$"
)


def to_minutes(day: _dt.date) -> int:
    """Minutes from 1970-01-01 00:00 to *day*'s midnight."""
    return (day - _EPOCH).days * DAY


def _day_interval(day: _dt.date, part: str | None, hh: str | None, mm: str | None) -> Interval:
    midnight = to_minutes(day)
    if part is not None:
        low, high = _PART_OF_DAY[part]
        return midnight + low, midnight + high
    if hh is not None and mm is not None:
        hour, minute = int(hh), int(mm)
        if hour > 24 or minute > 59:
            raise ValueError("not a clock time")
        at = midnight + hour * HOUR + minute
        return at - _CLOCK_SLACK, at + _CLOCK_SLACK
    return midnight, midnight + DAY


def _month_interval(year: int, month: int, modifier: str | None) -> Interval:
    last = calendar.monthrange(year, month)[1]
    first_day = _dt.date(year, month, 1)
    start, end = 1, last + 1
    if modifier == "START":
        end = 11
    elif modifier == "MID":
        start, end = 9, 23
    elif modifier == "END":
        start = 20
    return to_minutes(first_day) + (start - 1) * DAY, to_minutes(first_day) + (end - 1) * DAY


def _parse(value: str, modifier: str | None) -> Interval | None:
    m = _VALUE.match(value)
    if m is None:
        return None
    year = int(m["year"])
    if not 1 <= year <= 9998:
        return None
    if m["season"]:
        (m1, d1), (m2, d2) = _SEASONS[m["season"]]
        end_year = year + 1 if m["season"] == "WI" else year
        return to_minutes(_dt.date(year, m1, d1)), to_minutes(_dt.date(end_year, m2, d2))
    if m["week"]:
        week = int(m["week"])
        monday = _dt.date.fromisocalendar(year, week, 1)
        if m["weekend"]:
            saturday = monday + _dt.timedelta(days=5)
            return to_minutes(saturday), to_minutes(saturday) + 2 * DAY + 6 * HOUR
        if m["weekday"]:
            day = monday + _dt.timedelta(days=int(m["weekday"]) - 1)
            return _day_interval(day, m["wpart"], m["whh"], m["wmm"])
        return to_minutes(monday), to_minutes(monday) + 7 * DAY
    if m["month"] is None:
        return to_minutes(_dt.date(year, 1, 1)), to_minutes(_dt.date(year + 1, 1, 1))
    month = int(m["month"])
    if m["day"] is None:
        return _month_interval(year, month, modifier)
    day = _dt.date(year, month, int(m["day"]))
    start, end = _day_interval(day, m["part"], m["hh"], m["mm"])
    if modifier == "APPROX" and m["part"] is None and m["hh"] is None:
        start, end = start - DAY, end + DAY
    return start, end


def interval_of(value: str | None, modifier: str | None = None) -> Interval | None:
    """The minutes a TIMEX3 value allows, ``None`` when it is unresolved or not a calendar value.

    >>> from milinc.crossdoc.timing import interval_of, DAY
    >>> start, end = interval_of("2024-03-09TNI")
    >>> sunday = interval_of("2024-03-10")
    >>> start < sunday[0] < end   # the night of Saturday runs into Sunday
    True
    """
    if not value or "X" in value:
        return None
    try:
        return _parse(value, modifier)
    except ValueError:  # an impossible calendar value (31 June, week 54): no time at all
        return None


def publication_window(published: _dt.date) -> Interval:
    """Where an undated incident of a report published on *published* is placed."""
    midnight = to_minutes(published)
    return midnight - UNDATED_LOOKBACK_DAYS * DAY, midnight + DAY


def overlap(a: Interval, b: Interval) -> bool:
    """Whether two half-open intervals share a minute."""
    return a[0] < b[1] and b[0] < a[1]


def time_precision(interval: Interval) -> int:
    """ACLED's ``time_precision`` of an interval: 1 a day or less, 2 a week or less, 3 longer."""
    width = interval[1] - interval[0]
    if width <= DAY + 15 * HOUR:  # a night or an evening runs past midnight and is still one day
        return 1
    if width <= 8 * DAY + 6 * HOUR:
        return 2
    return 3
