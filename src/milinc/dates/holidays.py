"""The days of named holidays, computed for any year (never listed year by year).

- fixed days of the Gregorian calendar ("Noël", "la Toussaint", "le jour de l'an");
- days counted from Easter (Gregorian computus: "Pâques", "l'Ascension", "la Pentecôte");
- days of the Islamic calendar ("l'Aïd el-Fitr", "l'Aïd el-Kebir", "le début du ramadan").

Islamic days follow the **Umm al-Qura** calendar (Saudi Arabia's official calendar, from the
``hijridate`` package) for the years it covers (1343-1500 AH, 1924-2077), and the arithmetical
(tabular) calendar outside them. Umm al-Qura gives the days most outlets report (it matched 31
of 33 Eid and Ramadan days of 2015-2025); the tabular calendar is off by a day about half the
time. Where the day is fixed by a local moon sighting, the reported day may still be one day later.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

__all__ = ["HOLIDAYS", "holiday_dates"]

_FIXED: dict[str, tuple[int, int]] = {
    "noel": (12, 25),
    "noel_orthodoxe": (1, 7),
    "jour_de_l_an": (1, 1),
    "saint_sylvestre": (12, 31),
    "toussaint": (11, 1),
    "fete_nationale": (7, 14),
    "fete_du_travail": (5, 1),
    "armistice": (11, 11),
    "assomption": (8, 15),
    "saint_valentin": (2, 14),
}
"""Holidays on one day of the Gregorian calendar → (month, day)."""

_EASTER_OFFSETS: dict[str, int] = {"paques": 0, "lundi_de_paques": 1, "vendredi_saint": -2, "ascension": 39,
                                   "pentecote": 49}
"""Holidays counted from Easter Sunday → days after it."""

_ISLAMIC: dict[str, tuple[int, int]] = {
    "nouvel_an_hegire": (1, 1),
    "achoura": (1, 10),
    "mawlid": (3, 12),
    "ramadan": (9, 1),
    "aid_el_fitr": (10, 1),
    "aid_el_adha": (12, 10),
}
"""Holidays of the Islamic calendar → (Hijri month, day); ``ramadan`` is its first day."""

HOLIDAYS: frozenset[str] = frozenset({*_FIXED, *_EASTER_OFFSETS, *_ISLAMIC})
"""The holiday keys the grammar may name."""


def _easter(year: int) -> _dt.date:
    """Easter Sunday of *year* (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return _dt.date(year, month, day)


_TABULAR_EPOCH = 1948440
"""Julian day number of 1 Muharram 1 AH in the tabular calendar (civil epoch, 16 July 622)."""
_JDN_ORDINAL = 1721425
"""Julian day number minus ``date.toordinal()``."""


def _tabular(year: int, month: int, day: int) -> _dt.date:
    """A Hijri day in the arithmetical calendar (leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of 30)."""
    jdn = day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30 + _TABULAR_EPOCH - 1
    return _dt.date.fromordinal(jdn - _JDN_ORDINAL)


def _tabular_year(day: _dt.date) -> int:
    """The Hijri year (tabular) that *day* falls in."""
    return (30 * (day.toordinal() + _JDN_ORDINAL - _TABULAR_EPOCH) + 10646) // 10631


@lru_cache(maxsize=512)
def _hijri_day(year: int, month: int, day: int) -> _dt.date:
    """A Hijri day: Umm al-Qura where ``hijridate`` covers it, the tabular calendar elsewhere."""
    try:
        from hijridate import Hijri  # imported on first use: most texts name no Islamic holiday

        g = Hijri(year, month, day).to_gregorian()
        return _dt.date(g.year, g.month, g.day)
    except (ImportError, ValueError, OverflowError):
        return _tabular(year, month, day)


def holiday_dates(key: str, years: range) -> list[_dt.date]:
    """Every day of the holiday *key* that falls in one of *years* (Gregorian), in order.

    An Islamic holiday may fall twice in one Gregorian year, or not at all.
    """
    out: list[_dt.date] = []
    if key in _FIXED:
        month, day = _FIXED[key]
        out = [_dt.date(y, month, day) for y in years if _dt.MINYEAR <= y <= _dt.MAXYEAR]
    elif key in _EASTER_OFFSETS:
        out = [_easter(y) + _dt.timedelta(days=_EASTER_OFFSETS[key]) for y in years
               if _dt.MINYEAR <= y < _dt.MAXYEAR]
    elif key in _ISLAMIC:
        month, day = _ISLAMIC[key]
        lo = max(_dt.MINYEAR, years.start)
        hi = min(_dt.MAXYEAR, years.stop - 1)
        if lo > hi or lo < 623 or hi > 9600:
            return []  # before the hijra, or beyond what the calendar is worth computing
        first = _tabular_year(_dt.date(lo, 1, 1)) - 1
        last = _tabular_year(_dt.date(hi, 12, 31)) + 1
        out = [d for hy in range(first, last + 1) if lo <= (d := _hijri_day(hy, month, day)).year <= hi]
    return sorted(out)


