"""Resolution of partial dates against the reference date and the previous date.

News style, past-preferring (see the dates policy):

- a weekday alone is the latest such day on or before the reference date;
- a day and month without a year is the nearest such date on or before it
  ("dernier": strictly before; "prochain": strictly after);
- a month without a year is the latest such month on or before it;
- "hier", "la nuit dernière", "il y a trois jours", "la semaine dernière"
  count from the reference date;
- "la veille", "un jour plus tôt", a part of day or a clock time alone count
  from the date the text last established (the previous mention resolved to a
  day), else from the reference date.

Without a reference date nothing is invented: ``XXXX-06-28``, ``XXXX-WXX-1``.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ..ontology import Anchor, Granularity, PartOfDay
from .holidays import holiday_dates
from .lexicon import WEEKDAY_NAMES
from .parts import DateParts, Relation, Unit

__all__ = ["Resolution", "Resolver"]


@attrs.define(unsafe_hash=True)
class Resolution:
    """The resolved value of one mention, with what it was resolved against."""

    value: str
    """TIMEX3-style value."""
    granularity: Granularity
    """The finest unit of the value."""
    year: int | None = None
    """Resolved year."""
    month: int | None = None
    """Resolved month."""
    day: int | None = None
    """Resolved day of the month."""
    anchor: Anchor = Anchor.NONE
    """What the value was resolved against."""
    anchor_value: str | None = None
    """The anchor date (ISO)."""
    conflict: str | None = None
    """A weekday that disagrees with the date."""
    day_date: _dt.date | None = None
    """The calendar day, when the value names one (used as the next "previous date")."""


def _suffix(parts: DateParts) -> str:
    if parts.hour is not None:
        return f"T{parts.hour:02d}:{(parts.minute or 0):02d}"
    if parts.part_of_day is not None:
        return f"T{parts.part_of_day.value}"
    return ""


def _fine_granularity(parts: DateParts) -> Granularity:
    if parts.hour is not None:
        return Granularity.MINUTE
    if parts.part_of_day is not None:
        return Granularity.PART_OF_DAY
    return Granularity.DAY


def _shifted(parts: DateParts) -> int:
    """The ISO weekday of *parts* after its day shift ("la nuit de dimanche à lundi" is a Sunday)."""
    assert parts.weekday is not None
    return (parts.weekday - 1 + parts.shift_days) % 7 + 1


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


_SEASON_STARTS: dict[str, tuple[int, int]] = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 22), "WI": (12, 21)}
"""The first day of each season (the usual astronomical dates); a season ends the day before the next begins."""
_NEXT_SEASON = {"SP": "SU", "SU": "FA", "FA": "WI", "WI": "SP"}


def _season_bounds(year: int, season: str) -> tuple[_dt.date, _dt.date]:
    """The first and last days of *season* of *year* (a winter runs into the next year)."""
    start = _dt.date(year, *_SEASON_STARTS[season])
    following = _NEXT_SEASON[season]
    end = _dt.date(year + 1 if season == "WI" else year, *_SEASON_STARTS[following]) - _dt.timedelta(days=1)
    return start, end


def _this_season_year(season: str, day: _dt.date) -> int:
    """The year of "cet été", "cet hiver" said on *day*: this year's, but a winter said before June began last year."""
    if season == "WI" and day.month < 6:
        return day.year - 1
    return day.year


def _pick(candidates: list[_dt.date], ref: _dt.date, direction: int) -> _dt.date:
    """Among sorted *candidates*: the latest on or before *ref* (strictly before when *direction* < 0), or
    the first strictly after it (*direction* 1, "prochain") or on or after it (2, a future tense)."""
    if direction > 0:
        after = [c for c in candidates if (c > ref if direction == 1 else c >= ref)]
        return after[0] if after else candidates[-1]
    before = [c for c in candidates if (c < ref if direction < 0 else c <= ref)]
    return before[-1] if before else candidates[0]


def _week_of(resolution: Resolution, weekend: bool) -> Resolution:
    """The ISO week (or its week-end) of a resolved day: "la semaine du 6 octobre"."""
    day = resolution.day_date
    if day is None:
        return Resolution("XXXX-WXX-WE" if weekend else "XXXX-WXX", Granularity.WEEKEND if weekend else Granularity.WEEK)
    year, week, _ = day.isocalendar()
    return Resolution(
        f"{_year(year)}-W{week:02d}" + ("-WE" if weekend else ""), Granularity.WEEKEND if weekend else Granularity.WEEK,
        year=year, anchor=resolution.anchor, anchor_value=resolution.anchor_value,
    )


def _year(year: int) -> str:
    """A year as TIMEX3 writes it (four digits); ``ValueError`` for one the calendar has not."""
    if not _dt.MINYEAR <= year <= _dt.MAXYEAR:
        raise ValueError(f"year {year} is outside the calendar")
    return f"{year:04d}"


def _unresolvable(parts: DateParts) -> Resolution:
    """The unresolved form of *parts*, for a value the calendar cannot hold (what the words state is kept)."""
    if parts.season is not None:
        return Resolution(f"XXXX-{parts.season}", Granularity.SEASON)
    if parts.weekend:
        return Resolution("XXXX-WXX-WE", Granularity.WEEKEND)
    if parts.week_of or (parts.relation is not Relation.CALENDAR and parts.unit is Unit.WEEK and parts.weekday is None):
        return Resolution("XXXX-WXX", Granularity.WEEK)
    if parts.relation is not Relation.CALENDAR and parts.unit in (Unit.MONTH, Unit.YEAR) and parts.month is None:
        return Resolution("XXXX-XX" if parts.unit is Unit.MONTH else "XXXX",
                          Granularity.MONTH if parts.unit is Unit.MONTH else Granularity.YEAR)
    m, d = parts.month, parts.day
    if parts.holiday is not None or parts.pre_shift:
        m = d = None  # the day of a holiday, or the day before a date, depends on the year
    if parts.relation is Relation.CALENDAR and m is not None:
        if d is None:
            return Resolution(f"XXXX-{m:02d}", Granularity.MONTH, month=m)
        if _safe_date(parts.year or 2000, m, d) is not None:
            return Resolution(f"XXXX-{m:02d}-{d:02d}{_suffix(parts)}", _fine_granularity(parts), month=m, day=d)
    if parts.weekday is not None and parts.relation is Relation.CALENDAR:
        return Resolution(f"XXXX-WXX-{_shifted(parts)}{_suffix(parts)}", _fine_granularity(parts))
    return Resolution(f"XXXX-XX-XX{_suffix(parts)}", _fine_granularity(parts))


class Resolver:
    """Resolves :class:`DateParts` against one reference date (or none)."""

    def __init__(self, reference_date: _dt.date | None) -> None:
        self.reference_date = reference_date
        """The publication date values are resolved against (``None``: values stay unresolved)."""

    # ------------------------------------------------------------ public
    def resolve(self, parts: DateParts, previous: _dt.date | None = None) -> Resolution:
        """The value of *parts*; *previous* is the date the text last established.

        A value the calendar cannot hold (a day before 1 January of year 1, a year
        after 9999: a reference date at the calendar's edge) stays unresolved.
        """
        try:
            return self._resolve(parts, previous)
        except (OverflowError, ValueError):
            return _unresolvable(parts)

    def _resolve(self, parts: DateParts, previous: _dt.date | None) -> Resolution:
        if parts.relation is Relation.REFERENCE and not (parts.day and parts.month):
            resolution = self._from_reference(parts)
        elif parts.relation is Relation.PREVIOUS:
            resolution = self._from_previous(parts, previous)
        else:
            resolution = self._calendar(parts)
        if parts.week_of:
            return _week_of(resolution, parts.weekend)
        return resolution

    # ------------------------------------------------------------ relative
    def _from_reference(self, parts: DateParts) -> Resolution:
        ref = self.reference_date
        if ref is None:
            return self._unresolved_relative(parts)
        return self._shift(parts, ref, Anchor.REFERENCE_DATE)

    def _from_previous(self, parts: DateParts, previous: _dt.date | None) -> Resolution:
        if previous is not None:
            return self._shift(parts, previous, Anchor.PREVIOUS_DATE)
        ref = self.reference_date
        if ref is None:
            return self._unresolved_relative(parts)
        if parts.rule == "part_of_day_alone" and parts.part_of_day is PartOfDay.NIGHT:
            # "dans la nuit" with no date before it: the night just past, as "la nuit dernière"
            return self._shift(parts, ref - _dt.timedelta(days=1), Anchor.REFERENCE_DATE)
        return self._shift(parts, ref, Anchor.REFERENCE_DATE)

    def _shift(self, parts: DateParts, base: _dt.date, anchor: Anchor) -> Resolution:
        """*base* moved by the offset of *parts*, at the granularity of its unit."""
        anchor_value = base.isoformat()
        if parts.unit is Unit.WEEK:
            d = base + _dt.timedelta(weeks=parts.offset)
            if parts.weekend and parts.rule == "weekend_alone" and base.isoweekday() < 6:
                d -= _dt.timedelta(weeks=1)  # "pendant le week-end": the latest one begun, past-preferring
            elif parts.weekend and parts.rule == "following_weekend" and base.isoweekday() >= 6:
                d += _dt.timedelta(weeks=1)  # "le week-end suivant" after a Saturday: the next one
            if parts.weekday is not None:  # "mardi de la semaine dernière": a day of that week
                day = d + _dt.timedelta(days=parts.weekday - d.isoweekday())
                return self._day_value(parts.but(shift_days=0), day, anchor=anchor, anchor_value=anchor_value)
            iso = d.isocalendar()
            if parts.weekend:
                return Resolution(f"{_year(iso[0])}-W{iso[1]:02d}-WE", Granularity.WEEKEND, year=iso[0],
                                  anchor=anchor, anchor_value=anchor_value)
            return Resolution(
                f"{_year(iso[0])}-W{iso[1]:02d}", Granularity.WEEK, year=iso[0], anchor=anchor,
                anchor_value=anchor_value,
            )
        if parts.unit is Unit.SEASON and parts.season is not None:
            y = _this_season_year(parts.season, base) + parts.offset
            return Resolution(f"{_year(y)}-{parts.season}", Granularity.SEASON, year=y, anchor=anchor,
                              anchor_value=anchor_value)
        if parts.unit is Unit.YEAR and parts.month is not None:
            # "en avril de la même année", "le 3 avril de l'année suivante"
            y = base.year + parts.offset
            if parts.day is not None:
                return self._day_value(parts, _dt.date(y, parts.month, parts.day), anchor=anchor,
                                       anchor_value=anchor_value)
            return Resolution(f"{_year(y)}-{parts.month:02d}", Granularity.MONTH, year=y, month=parts.month,
                              anchor=anchor, anchor_value=anchor_value)
        if parts.unit is Unit.DAY and parts.weekday is not None and parts.relation is Relation.PREVIOUS:
            # "le mardi suivant", "le mardi précédent": the first such day after (before) the date
            step = parts.direction or 1
            day = base + _dt.timedelta(days=step)
            while day.isoweekday() != parts.weekday:
                day += _dt.timedelta(days=step)
            return self._day_value(parts, day, anchor=anchor, anchor_value=anchor_value)
        if parts.unit is Unit.MONTH:
            y, m = _add_months(base.year, base.month, parts.offset)
            return Resolution(
                f"{_year(y)}-{m:02d}", Granularity.MONTH, year=y, month=m, anchor=anchor, anchor_value=anchor_value
            )
        if parts.unit is Unit.YEAR:
            y = base.year + parts.offset
            return Resolution(f"{_year(y)}", Granularity.YEAR, year=y, anchor=anchor, anchor_value=anchor_value)
        d = base + _dt.timedelta(days=parts.offset)
        return self._day_value(parts, d, anchor=anchor, anchor_value=anchor_value)

    def _unresolved_relative(self, parts: DateParts) -> Resolution:
        if parts.season is not None or parts.weekend or (parts.unit is Unit.YEAR and parts.month is not None):
            return _unresolvable(parts)
        if parts.unit is Unit.WEEK and parts.weekday is not None:
            return Resolution(f"XXXX-WXX-{parts.weekday}{_suffix(parts)}", _fine_granularity(parts))
        if parts.unit is Unit.WEEK:
            return Resolution("XXXX-WXX", Granularity.WEEK)
        if parts.unit is Unit.MONTH:
            return Resolution("XXXX-XX", Granularity.MONTH)
        if parts.unit is Unit.YEAR:
            return Resolution("XXXX", Granularity.YEAR)
        if parts.weekday is not None:
            return Resolution(f"XXXX-WXX-{_shifted(parts)}{_suffix(parts)}", _fine_granularity(parts))
        return Resolution(f"XXXX-XX-XX{_suffix(parts)}", _fine_granularity(parts))

    # ------------------------------------------------------------ calendar
    def _calendar(self, parts: DateParts) -> Resolution:
        ref = self.reference_date
        anchor = Anchor.REFERENCE_DATE if ref is not None else Anchor.NONE
        anchor_value = ref.isoformat() if ref is not None else None
        y, m, d = parts.year, parts.month, parts.day
        if y is not None and parts.short_year and ref is not None and y > ref.year:
            y -= 100  # "31/10/74" in a 2013 article: the nearest past century
        if parts.season is not None:
            return self._season(parts, y, anchor, anchor_value)
        if parts.holiday is not None:
            return self._holiday(parts, parts.holiday, y, anchor, anchor_value)
        if m is not None and d is not None:
            if _safe_date(y or 2000, m, d) is None:
                return _unresolvable(parts)  # "31 juin": no calendar value is ever made up
            if y is not None:
                return self._day_value(parts, _dt.date(y, m, d) + _dt.timedelta(days=parts.pre_shift))
            if ref is None:
                return _unresolvable(parts)
            day = self._pick_day(m, d, 2 if parts.future else parts.direction, parts.weekday, parts.pre_shift)
            return self._day_value(parts, day, anchor, anchor_value)
        if d is not None and parts.weekday is not None:
            if ref is None:
                return Resolution(f"XXXX-WXX-{parts.weekday}{_suffix(parts)}", _fine_granularity(parts), day=d)
            day = self._pick_weekday_day(parts.weekday, d, future=parts.future)
            return self._day_value(parts, day, anchor, anchor_value)
        if parts.weekday is not None:
            if ref is None:
                return Resolution(f"XXXX-WXX-{_shifted(parts)}{_suffix(parts)}", _fine_granularity(parts))
            day = self._pick_weekday(parts.weekday, 2 if parts.future else parts.direction, parts.this_week)
            return self._day_value(parts, day, anchor, anchor_value)
        if m is not None:
            if y is not None:
                return Resolution(f"{_year(y)}-{m:02d}", Granularity.MONTH, year=y, month=m)
            if ref is None:
                return Resolution(f"XXXX-{m:02d}", Granularity.MONTH, month=m)
            year = self._pick_month_year(m, 2 if parts.future else parts.direction)
            return Resolution(f"{_year(year)}-{m:02d}", Granularity.MONTH, year=year, month=m,
                              anchor=anchor, anchor_value=anchor_value)
        if y is not None:
            return Resolution(f"{_year(y)}", Granularity.YEAR, year=y)
        return Resolution(f"XXXX-XX-XX{_suffix(parts)}", _fine_granularity(parts))

    def _day_value(
        self, parts: DateParts, day: _dt.date, anchor: Anchor = Anchor.NONE, anchor_value: str | None = None
    ) -> Resolution:
        conflict = None
        day = day + _dt.timedelta(days=parts.shift_days)
        if parts.weekday is not None and parts.shift_days == 0 and day.isoweekday() != parts.weekday:
            conflict = (
                f"the text says {WEEKDAY_NAMES[parts.weekday]} but {day.isoformat()} is a "
                f"{WEEKDAY_NAMES[day.isoweekday()]}; the date is kept"
            )
        return Resolution(
            f"{day.isoformat()}{_suffix(parts)}", _fine_granularity(parts), year=day.year, month=day.month,
            day=day.day, anchor=anchor, anchor_value=anchor_value, conflict=conflict, day_date=day,
        )

    # ------------------------------------------------------------ choices against the reference date
    def _season(self, parts: DateParts, year: int | None, anchor: Anchor, anchor_value: str | None) -> Resolution:
        """"l'été 2022", "à l'automne", "l'hiver dernier": a winter takes the year it begins in."""
        season = parts.season
        assert season is not None
        ref = self.reference_date
        if year is None:
            if ref is None:
                return _unresolvable(parts)
            direction = 2 if parts.future else parts.direction
            years = range(ref.year - 2, ref.year + 2)
            if direction < 0:  # "l'été dernier": the latest one over before the reference date
                year = max(y for y in years if _season_bounds(y, season)[1] < ref)
            elif direction == 1:  # "l'été prochain": the first one to begin after it
                year = min(y for y in years if _season_bounds(y, season)[0] > ref)
            elif direction == 2:  # a future tense: the first one not over
                year = min(y for y in years if _season_bounds(y, season)[1] >= ref)
            else:  # past-preferring: the latest one begun on or before the reference date
                year = max(y for y in years if _season_bounds(y, season)[0] <= ref)
        else:
            anchor, anchor_value = Anchor.NONE, None
        return Resolution(f"{_year(year)}-{season}", Granularity.SEASON, year=year, anchor=anchor,
                          anchor_value=anchor_value)

    def _holiday(
        self, parts: DateParts, key: str, year: int | None, anchor: Anchor, anchor_value: str | None
    ) -> Resolution:
        """"Noël", "la veille de Noël", "l'Aïd el-Fitr 2023": the holiday's day for the year picked."""
        ref = self.reference_date
        shift = _dt.timedelta(days=parts.pre_shift)
        if year is not None:
            days = holiday_dates(key, range(year, year + 1))
            if not days:
                return _unresolvable(parts)
            return self._day_value(parts, days[0] + shift)
        if ref is None:
            return _unresolvable(parts)
        candidates = [d + shift for d in holiday_dates(key, range(ref.year - 2, ref.year + 3))]
        if not candidates:
            return _unresolvable(parts)
        return self._day_value(parts, _pick(candidates, ref, 2 if parts.future else parts.direction), anchor,
                               anchor_value)

    def _pick_day(
        self, month: int, day: int, direction: int, weekday: int | None = None, shift: int = 0
    ) -> _dt.date:
        ref = self.reference_date
        assert ref is not None
        # the years around the reference: one on each side decides every choice below (a day within 200
        # days, the latest one before, the first one after); the 29th of February needs eight
        reach = 8 if (month, day) == (2, 29) else 1
        candidates = [c for y in range(ref.year - reach, ref.year + reach + 1) if (c := _safe_date(y, month, day))]
        if shift:
            delta = _dt.timedelta(days=shift)
            candidates = [c + delta for c in candidates]
        if not candidates:
            raise ValueError(f"no {day}/{month} near {ref}")
        if weekday is not None and direction == 0:
            # "mercredi 3 janvier": the year in which the 3rd of January is a Wednesday, if one is near
            near = [c for c in candidates if abs((c - ref).days) <= 200 and c.isoweekday() == weekday]
            if near:
                return min(near, key=lambda c: (c > ref, abs((c - ref).days)))
        return _pick(candidates, ref, direction)

    def _pick_weekday(self, weekday: int, direction: int, this_week: bool) -> _dt.date:
        ref = self.reference_date
        assert ref is not None
        if this_week:
            return ref + _dt.timedelta(days=weekday - ref.isoweekday())
        if direction > 0:
            ahead = (weekday - ref.isoweekday()) % 7
            return ref + _dt.timedelta(days=ahead or (7 if direction == 1 else 0))
        back = (ref.isoweekday() - weekday) % 7
        if direction < 0 and back == 0:
            back = 7
        return ref - _dt.timedelta(days=back)

    def _pick_weekday_day(self, weekday: int, day: int, *, future: bool = False) -> _dt.date:
        """"mardi 21": the latest 21st that is a Tuesday, on or before the reference date (near it).

        In a future clause ("doit avoir lieu mercredi 13") it is the first one on or after it.
        """
        ref = self.reference_date
        assert ref is not None
        fallback: _dt.date | None = None
        steps = [*range(0, -400, -1), *range(1, 7)] if future else [*range(0, 400), *range(-1, -7, -1)]
        for back in steps:
            c = ref - _dt.timedelta(days=back)
            if c.day != day:
                continue
            if c.isoweekday() == weekday:
                return c
            if fallback is None and (back <= 0 if future else back >= 0):
                fallback = c
        assert fallback is not None
        return fallback

    def _pick_month_year(self, month: int, direction: int) -> int:
        ref = self.reference_date
        assert ref is not None
        if direction > 0:
            return ref.year if month > ref.month or (direction == 2 and month == ref.month) else ref.year + 1
        if direction < 0:
            return ref.year if month < ref.month else ref.year - 1
        return ref.year if month <= ref.month else ref.year - 1
