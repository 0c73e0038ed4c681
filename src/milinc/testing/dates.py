"""A date realizer: TIMEX3 values of the dates policy written as French text, in many variants.

:func:`date_variants` lists every phrasing this module knows for one value against one
reference date: absolute days with or without weekday and year ("le 1er mars", "lundi 28 juin
2021"), clock times ("à 14h30", "vers 6 h 22", "à 2 heures du matin"), parts of days ("mardi
soir", "dans la nuit de jeudi à vendredi", "hier dans la soirée"), relative days ("hier",
"avant-hier", "la nuit dernière"), months and years ("en juin 2021", "fin 2015"). Each
:class:`DateRealization` is a whole date mention: its span is the whole text.

A phrasing is only listed when it denotes the value under the news-style resolution rules of
the dates policy (a weekday alone is the latest such day on or before the reference date, a day
without year the nearest one on or before it...).
"""

from __future__ import annotations

import datetime as dt
import re

from attrs import field, frozen
from attrs import validators as v

from ..dates.lexicon import MONTH_NAMES
from ..normalize import fold
from ..ontology import PartOfDay
from .realization import PLAIN, Realization, Typography

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "DateRealization",
    "clock_phrases",
    "date_variants",
    "day_phrases",
]

MONTHS = MONTH_NAMES
"""French month names, January first."""
_MONTH_ABBREVIATIONS = {1: "janv.", 2: "févr.", 4: "avr.", 7: "juil.", 9: "sept.", 10: "oct.", 11: "nov.", 12: "déc."}
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
"""French weekday names, Monday first (ISO order)."""
_DEICTIC_DAYS = {0: "aujourd'hui", 1: "hier", 2: "avant-hier"}

# Part-of-day phrases after a weekday or "hier" / after a full date ("le 3 mars au soir").
_POD_AFTER_WEEKDAY = {
    PartOfDay.MORNING: ("matin", "dans la matinée", "à l'aube", "au petit matin", "en début de matinée"),
    PartOfDay.AFTERNOON: ("après-midi", "dans l'après-midi", "en début d'après-midi"),
    PartOfDay.EVENING: ("soir", "dans la soirée", "en fin de journée", "à la tombée de la nuit"),
    PartOfDay.NIGHT: ("dans la nuit", "pendant la nuit"),
}
_POD_AFTER_DATE = {
    PartOfDay.MORNING: ("au matin", "dans la matinée", "à l'aube"),
    PartOfDay.AFTERNOON: ("dans l'après-midi",),
    PartOfDay.EVENING: ("au soir", "dans la soirée"),
    PartOfDay.NIGHT: ("dans la nuit",),
}
_POD_THIS = {PartOfDay.MORNING: "ce matin", PartOfDay.AFTERNOON: "cet après-midi", PartOfDay.EVENING: "ce soir"}

_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?:(?P<pod>MO|AF|EV|NI)|(?P<hh>\d{2}):(?P<mm>\d{2})))?)?)?$"
)
_WEEK_RE = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d{2})(?P<we>-WE)?$")
_SEASON_RE = re.compile(r"^(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)$")
_SEASON_NAMES = {"SP": ("printemps", "au"), "SU": ("été", "en"), "FA": ("automne", "à l'"), "WI": ("hiver", "en")}


def _week_phrases(year: int, week: int, weekend: bool, reference_date: dt.date) -> list[str]:
    """"la semaine du 4~mars~2024", "ce week-end", "le week-end dernier"… for an ISO week (or its week-end)."""
    monday = dt.date.fromisocalendar(year, week, 1)
    first = monday + dt.timedelta(days=5) if weekend else monday
    ordinal = "1er" if first.day == 1 else str(first.day)
    named = f"{ordinal}~{MONTHS[first.month - 1]}~{first.year}"
    ref_monday = reference_date - dt.timedelta(days=reference_date.isoweekday() - 1)
    weeks_back = (ref_monday - monday).days // 7
    if weekend:
        out = [f"le week-end du {named}"]
        out += {0: ["ce week-end"], 1: ["le week-end dernier", "le week-end passé"], -1: ["le week-end prochain"]}.get(
            weeks_back, [])
        return out
    out = [f"la semaine du {named}"]
    out += {0: ["cette semaine"], 1: ["la semaine dernière", "la semaine passée"], -1: ["la semaine prochaine"]}.get(
        weeks_back, [])
    if 2 <= weeks_back <= 9:
        out.append(f"il y a {weeks_back} semaines")
    return out


def _season_phrases(year: int, season: str, reference_date: dt.date) -> list[str]:
    """"l'été 2022", "à l'automne 2022", "en hiver 2022"… (a winter takes the year it begins in)."""
    name, lead = _SEASON_NAMES[season]
    out = [f"l'{name} {year}" if name[0] in "aeéh" else f"le {name} {year}", f"{lead} {name} {year}".replace("' ", "'")]
    if season != "SP":
        out.append(f"à l'{name} {year}")
    this = reference_date.year - 1 if season == "WI" and reference_date.month < 6 else reference_date.year
    if year == this:
        out.append(f"cet {name}" if name[0] in "aeéh" else f"ce {name}")
    return out


@frozen
class DateRealization(Realization):
    """A date mention written in French, with the value milinc must give it."""

    value: str = field(validator=v.instance_of(str))
    """The expected TIMEX3 value ("2021-06-28TEV")."""
    reference_date: dt.date = field(validator=v.instance_of(dt.date))
    """The reference date the value is resolved against."""


def _month_name(month: int, *, abbreviate: bool, accents: bool) -> str:
    name = _MONTH_ABBREVIATIONS.get(month, MONTHS[month - 1]) if abbreviate else MONTHS[month - 1]
    return name if accents else fold(name)


def _resolvable_without_year(day: dt.date, reference_date: dt.date) -> bool:
    """Whether "le 3 mars" (no year) means *day* against *reference_date*: the nearest one on or before it."""
    if (day.month, day.day) == (2, 29):
        return False  # the nearest 29 February is a matter of leap years, not of the grammar
    same_year = (day.month, day.day) <= (reference_date.month, reference_date.day)
    return day.year == (reference_date.year if same_year else reference_date.year - 1)


def day_phrases(day: dt.date, reference_date: dt.date, *, after_preposition: bool = False) -> list[str]:
    """Every raw phrase naming *day* seen from *reference_date* (``'`` apostrophes, ``~`` tight spaces).

    Args:
        day: the day to name.
        reference_date: the date relative phrases ("hier", "lundi", "le 3 mars") are resolved against.
        after_preposition: only list phrases that can follow "nuit du" (no article, no weekday).

    Returns:
        Phrases such as "le 3~mars~2021", "lundi 28~juin", "1er~févr.~2020", "hier".
    """
    out: list[str] = []
    ordinal = "1er" if day.day == 1 else str(day.day)
    years = [True, False] if _resolvable_without_year(day, reference_date) else [True]
    for with_year in years:
        # "3 janv." without a year ends on a dot the grammar leaves to the sentence: abbreviate before a year only
        for abbreviate in (False, True) if with_year else (False,):
            for accents in (True, False):
                month = _month_name(day.month, abbreviate=abbreviate, accents=accents)
                core = f"{ordinal}~{month}" + (f"~{day.year}" if with_year else "")
                if after_preposition:
                    out.append(core)
                    continue
                weekday = WEEKDAYS[day.weekday()]
                out += [f"le {core}", f"{weekday} {core}", f"le {weekday} {core}"]
                if with_year:
                    out.append(core)
    if after_preposition:
        return list(dict.fromkeys(out))
    if day.day == 1:
        out += [f"le premier {MONTHS[day.month - 1]}" + (f" {day.year}" if with_year else "") for with_year in years]
    out.append(f"le {day.day:02d}/{day.month:02d}/{day.year}")
    back = (reference_date - day).days
    if 0 <= back <= 6:
        out.append(WEEKDAYS[day.weekday()])
    if back in _DEICTIC_DAYS:
        out.append(_DEICTIC_DAYS[back])
    return list(dict.fromkeys(out))


def clock_phrases(hour: int, minute: int) -> list[str]:
    """Every raw phrase for the clock time *hour*:*minute* ("14h30", "14~h~30", "2 heures du matin").

    Args:
        hour: 0-23.
        minute: 0-59.

    Returns:
        Clock phrases without preposition.
    """
    out: list[str] = []
    mm = f"{minute:02d}"
    tail = mm if minute else ""
    out += [f"{hour}h{tail}", f"{hour}~h" + (f"~{mm}" if minute else ""), f"{hour:02d}h{mm}", f"{hour}:{mm}"]
    out.append(f"{hour}~heures" + (f" {mm}" if minute else ""))
    twelve = hour % 12
    if not minute and twelve >= 2:
        period = "du matin" if hour < 12 else ("de l'après-midi" if hour < 18 else "du soir")
        out.append(f"{twelve}~heures {period}")
    if (hour, minute) == (12, 0):
        out.append("midi")
    if (hour, minute) == (0, 0):
        out.append("minuit")
    return out


def _realize(raw: str, value: str, reference_date: dt.date, typography: Typography) -> DateRealization:
    text = typography.apply(raw)
    return DateRealization(text=text, start=0, end=len(text), value=value, reference_date=reference_date)


def _pod_phrases(day: dt.date, pod: PartOfDay, reference_date: dt.date) -> list[str]:
    out: list[str] = []
    back = (reference_date - day).days
    for phrase in day_phrases(day, reference_date):
        short = phrase in WEEKDAYS or phrase in ("hier", "avant-hier")
        if phrase == "aujourd'hui":
            continue  # "aujourd'hui soir" is not French; the reference day has "ce soir"
        tails = _POD_AFTER_WEEKDAY[pod] if short else _POD_AFTER_DATE[pod]
        out += [f"{phrase} {tail}" for tail in tails]
    if back == 0 and pod in _POD_THIS:
        out.append(_POD_THIS[pod])
    if back == 1 and pod is PartOfDay.NIGHT:
        out += ["la nuit dernière", "cette nuit"]
    if pod is PartOfDay.NIGHT:
        following = day + dt.timedelta(days=1)
        if 1 <= back <= 7:
            out.append(f"dans la nuit de {WEEKDAYS[day.weekday()]} à {WEEKDAYS[following.weekday()]}")
        if following.month == day.month:
            # the night is dated by its first day: without a year, that day must be the nearest one
            with_year = f"{following.day}~{MONTHS[following.month - 1]}~{following.year}"
            out.append(f"dans la nuit du {day.day} au {with_year}")
            if back >= 1 and _resolvable_without_year(day, reference_date):
                out.append(f"dans la nuit du {day.day} au {following.day}~{MONTHS[following.month - 1]}")
    return out


def date_variants(value: str, reference_date: dt.date, *, typography: Typography = PLAIN) -> list[DateRealization]:
    """Every phrasing this realizer knows for the TIMEX3 *value* seen from *reference_date*.

    Args:
        value: a resolved TIMEX3 value: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-MM-DDT(MO|AF|EV|NI)``,
            ``YYYY-MM-DDTHH:MM``, an ISO week ``YYYY-Www``, its week-end ``YYYY-Www-WE`` or a season
            ``YYYY-SP|SU|FA|WI``.
        reference_date: the publication date.
        typography: apostrophe and no-break spaces to write.

    Returns:
        The realizations, each spanning its whole text; never empty for a valid value
        (an absolute phrasing with the year always exists).

    Raises:
        ValueError: *value* is not one of the forms above.
    """
    raws: list[str]
    week = _WEEK_RE.match(value)
    if week:
        raws = _week_phrases(int(week["y"]), int(week["w"]), bool(week["we"]), reference_date)
        return [_realize(raw, value, reference_date, typography) for raw in dict.fromkeys(raws)]
    season = _SEASON_RE.match(value)
    if season:
        raws = _season_phrases(int(season["y"]), season["s"], reference_date)
        return [_realize(raw, value, reference_date, typography) for raw in dict.fromkeys(raws)]
    m = _VALUE_RE.match(value)
    if not m:
        raise ValueError(f"not a resolved TIMEX3 value this realizer writes: {value!r}")
    year = int(m["y"])
    if m["m"] is None:
        raws = [
            f"en {year}",
            f"courant {year}",
            f"début {year}",
            f"fin {year}",
            f"mi-{year}",
            f"au cours de l'année {year}",
            f"dans le courant de {year}",
        ]
    elif m["d"] is None:
        month = int(m["m"])
        raws = []
        first = dt.date(year, month, 1)
        years = (
            [True, False]
            if _resolvable_without_year(first, reference_date)
            or ((year, month) == (reference_date.year, reference_date.month))
            else [True]
        )
        for with_year in years:
            name = MONTHS[month - 1] + (f" {year}" if with_year else "")
            of = "d'" if name[0] in "ao" else "de "
            raws += [
                f"en {name}",
                f"au mois {of}{name}",
                f"courant {name}",
                f"début {name}",
                f"fin {name}",
                f"mi-{name}",
                f"à la mi-{name}",
                f"au cours du mois {of}{name}",
            ]
            if with_year:
                raws.append(name)
    else:
        day = dt.date(year, int(m["m"]), int(m["d"]))
        if m["pod"]:
            raws = _pod_phrases(day, PartOfDay(m["pod"]), reference_date)
        elif m["hh"]:
            hour, minute = int(m["hh"]), int(m["mm"])
            raws = []
            for phrase in day_phrases(day, reference_date):
                for clock in clock_phrases(hour, minute):
                    for prep in ("à", "vers"):
                        raws.append(f"{phrase} {prep} {clock}")
                        # known gap: "hier, à 14h30" (a deictic day, a comma, a clock) gives two mentions
                        if phrase not in _DEICTIC_DAYS.values():
                            raws.append(f"{phrase}, {prep} {clock}")
        else:
            raws = day_phrases(day, reference_date)
    return [_realize(raw, value, reference_date, typography) for raw in dict.fromkeys(raws)]
