"""The transformer of ``grammars/dates.lark``: grammar rules → :class:`DateParts`.

It runs inside the LALR parser (no parse tree). Every callback receives the
children of its rule (tokens and the parts of sub-rules) and returns a
:class:`~milinc.dates.parts.DateParts`; ``start`` returns the list of mentions of
the match, or ``None`` to reject it. A number that cannot be what the rule says
(day 32, hour 25) raises :class:`RejectedValue`, which ends the match there.

Plugins add callbacks for the rules they add (see :meth:`DateTransformer.with_callbacks`).
"""

from __future__ import annotations

import datetime as _dt
import functools
import inspect
import re
from collections.abc import Callable, Mapping
from typing import Any

from lark import Token, Transformer
from lark.exceptions import LarkError

from ..ontology import IntervalRole, Modifier, PartOfDay
from .lexicon import (
    DEICTIC_OFFSETS,
    HOLIDAY_NAMES,
    HOUR_WORDS,
    MONTHS,
    NUMBER_WORDS,
    PART_OF_DAY_WORDS,
    SEASONS,
    WEEKDAYS,
)
from .parts import DateParts, Relation, Unit, merge_parts

__all__ = ["DateTransformer", "RejectedValue"]

Children = list[Any]


class RejectedValue(LarkError):
    """A number cannot be what the rule reads it as; the match ends before it."""


def _tokens(children: Children) -> list[Token]:
    return [c for c in children if isinstance(c, Token)]


def _words(children: Children) -> str:
    """The kept words of a rule, joined by spaces ("au cours de la")."""
    return " ".join(str(t) for t in _tokens(children))


def _parts(children: Children) -> list[DateParts]:
    return [c for c in children if isinstance(c, DateParts)]


def _num(token: Any, low: int, high: int) -> int:
    text = str(token)
    if not text.isdigit():
        raise RejectedValue(f"not a number: {text!r}")
    value = int(text)
    if not low <= value <= high:
        raise RejectedValue(f"{value} is not between {low} and {high}")
    return value


def _valid_day(year: int | None, month: int | None, day: int | None) -> None:
    if day is None or month is None:
        return
    try:
        _dt.date(year or 2000, month, day)  # 2000 is a leap year: "29 février" stays possible
    except ValueError as exc:
        raise RejectedValue(str(exc)) from None


def _hour_word(token: Token) -> int:
    """The hour of "quinze" in "à quinze heures"."""
    word = " ".join(str(token).split())
    if word not in HOUR_WORDS:
        raise RejectedValue(f"not an hour: {word!r}")
    return HOUR_WORDS[word]


_HOLIDAY_SPACES = re.compile(r"\s+")
_HOLIDAY_ARTICLE = re.compile(r"\b(?:al|el)[- ]?")


def _holiday_key(text: str) -> str | None:
    """The key of a holiday name as the grammar's HOLIDAY terminal reads it ("aid al adha" → ``aid_el_adha``)."""
    name = _HOLIDAY_SPACES.sub(" ", text.strip())
    if name.startswith("aid "):
        name = "aid el-" + _HOLIDAY_ARTICLE.sub("", name[4:]).replace("kabir", "kebir").replace("kbir", "kebir")
    return HOLIDAY_NAMES.get(name)


def _possible(mentions: list[DateParts]) -> list[DateParts]:
    """*mentions*, if each names a day the calendar has: "ce lundi 31 juin" is no date (the match ends before)."""
    for part in mentions:
        _valid_day(part.year, part.month, part.day)
    return mentions


def _pod_of(word: str) -> PartOfDay | None:
    return PART_OF_DAY_WORDS.get(word.replace(" ", ""), None)


_CLOCK_H = re.compile(r"(\d{1,2})h(\d{2})?")


class DateTransformer(Transformer[Any, Any]):
    """Builds :class:`DateParts` from the rules of ``dates.lark``."""

    @classmethod
    def with_callbacks(cls, callbacks: Mapping[str, Callable[..., Any]]) -> DateTransformer:
        """An instance whose class also has the plugins' *callbacks* (rule name → ``f(self, children)``)."""
        if not callbacks:
            return cls()
        subclass = type("PluginDateTransformer", (cls,), {k: _guarded(f) for k, f in callbacks.items()})
        instance: DateTransformer = subclass()
        return instance

    # ------------------------------------------------------------ the match
    def start(self, children: Children) -> list[DateParts] | None:
        """The mentions of an interval match."""
        (mentions,) = children
        return _possible(mentions) if isinstance(mentions, list) else None

    def single(self, children: Children) -> list[DateParts] | None:
        """One mention; ``None`` for forms that are dates only in a stronger context."""
        parts = _parts(children)
        if len(parts) != 1 or parts[0].weak:
            return None
        return _possible(parts)

    def _pair(self, first: DateParts, last: DateParts) -> list[DateParts] | None:
        if first.clock and last.clock and first.day is None and first.weekday is None and first.offset == 0 \
                and (last.weekday is not None or last.day is not None or last.relation is not Relation.CALENDAR):
            # "entre 9h30 et 11h jeudi": both times are on the day said after the second
            first = _apply_clock_pod(first)
            first = last.but(start=first.start, end=first.end, hour=first.hour, minute=first.minute,
                             modifier=first.modifier)
        borrowed = _borrow(first, last)
        if borrowed is None:
            return None
        return [
            _clock_alone(_apply_clock_pod(borrowed)).but(interval_role=IntervalRole.START),
            _clock_alone(_apply_clock_pod(last)).but(interval_role=IntervalRole.END),
        ]

    def ival_du_au(self, children: Children) -> list[DateParts] | None:
        """"du 3 au 5 mars", "du lundi au mercredi": each endpoint is a mention."""
        first, last = _parts(children)
        pair = self._pair(first, last)
        if pair and all(p.rule == "year" for p in pair):
            # "de 2014 à 2017"; the extractor checks that "de 1000 à 1500 combattants" is no range of years
            if not all(1900 <= (p.year or 0) <= 2099 for p in pair):
                raise RejectedValue("unlikely range of years")
            pair = [p.but(rule="year_range") for p in pair]
        return pair

    ival_entre = ival_du_au
    """"entre lundi et mardi", "entre le 3 et le 5 mars"."""
    ival_de_a = ival_du_au
    """"de 2014 à 2017", "de 8h à 10h", "de mars à mai 2023"."""

    def ival_since(self, children: Children) -> list[DateParts]:
        """"depuis le 17 octobre": the date is the start of an interval."""
        (part,) = _parts(children)
        return [part.but(interval_role=IntervalRole.START, weak=False)]

    def ival_until(self, children: Children) -> list[DateParts]:
        """"jusqu'au 5 mars": the date is the end of an interval."""
        (part,) = _parts(children)
        return [part.but(interval_role=IntervalRole.END, weak=False)]

    def ival_pair(self, children: Children) -> list[DateParts]:
        """"les 3 et 4 mars": two days sharing a month."""
        first, second, month, *rest = _parts(children)
        year = rest[0].year if rest else None
        second_full = merge_parts([second, month, *rest], "dmy")
        first_full = first.but(month=month.month, year=year, rule="dmy")
        _valid_day(year, first_full.month, first_full.day)
        _valid_day(year, second_full.month, second_full.day)
        return [first_full, second_full]

    def year_pair(self, children: Children) -> list[DateParts]:
        """"en 2014 et 2015": each year is a mention ("en" belongs to the first)."""
        lead, *years = _parts(children)
        first = merge_parts([lead, years[0]], "year")
        return [first, *(y.but(rule="year") for y in years[1:])]

    def month_pair(self, children: Children) -> list[DateParts]:
        """"en mars et avril 2023": each month is a mention, both in the year stated at the end."""
        lead, first, second, *rest = _parts(children)
        year = rest[0].year if rest else None
        return [
            merge_parts([lead, first], "month", year=year),
            merge_parts([second, *rest], "month"),
        ]

    def ival_num(self, children: Children) -> DateParts:
        """A bare number starting an interval: a day, or a year when it has four digits."""
        (tok,) = _tokens(children)
        if len(tok) == 4:
            return merge_parts(children, "year", year=_num(tok, 1000, 2999))
        return merge_parts(children, "ival_num", count=_num(tok, 0, 31))

    def ival_day(self, children: Children) -> DateParts:
        """"du 1er au 3 mars"."""
        return merge_parts(children, "ival_day", day=1)

    def ival_le(self, children: Children) -> DateParts:
        """"entre le 3 et le 5 mars"."""
        return merge_parts(children, "dmy")

    def clock_only(self, children: Children) -> DateParts:
        """A clock time as an interval endpoint: on the date the text last established."""
        return merge_parts(children, "clock_alone", clock=True, relation=Relation.PREVIOUS)

    def year_only(self, children: Children) -> DateParts:
        """A year as an interval endpoint."""
        return merge_parts(children, "year")

    def ival_end(self, children: Children) -> DateParts:
        """The end of an interval."""
        return merge_parts(children)

    since_target = ival_end
    """What "depuis" introduces."""

    # ------------------------------------------------------------ atoms
    def day_num(self, children: Children) -> DateParts:
        """A day of the month: "28", "1er", "premier"."""
        (tok,) = _tokens(children)
        day = 1 if tok.type in ("ORD1", "PREMIER") else _num(tok, 1, 31)
        return merge_parts(children, "day", day=day)

    def year(self, children: Children) -> DateParts:
        """A four-digit year."""
        (tok,) = _tokens(children)
        if len(tok) != 4:
            raise RejectedValue(f"not a year: {tok!r}")
        return merge_parts(children, "year", year=_num(tok, 1000, 2999))

    def month(self, children: Children) -> DateParts:
        """A month name or abbreviation."""
        return merge_parts(children, "month", month=MONTHS[str(_tokens(children)[0]).rstrip(".")])

    en_month = month
    """A month in an English dateline ("Jun", "Oct.")."""
    en_month_name = month
    """An English month name ("June", "Mar")."""

    def weekday(self, children: Children) -> DateParts:
        """A weekday name."""
        return merge_parts(children, "weekday", weekday=WEEKDAYS[str(_tokens(children)[0])])

    def rel_past(self, children: Children) -> DateParts:
        """"dernier", "passé": strictly before the reference date."""
        return merge_parts(children, direction=-1)

    def rel_future(self, children: Children) -> DateParts:
        """"prochain": strictly after the reference date."""
        return merge_parts(children, direction=1)

    def count(self, children: Children) -> DateParts:
        """A small count: digits or a number word."""
        (tok,) = _tokens(children)
        text = str(tok)
        value = int(text) if text.isdigit() else NUMBER_WORDS[text]
        if value > 400:
            raise RejectedValue(f"count too large: {value}")
        return merge_parts(children, count=value)

    def of(self, children: Children) -> DateParts:
        """"de", "du", "d'" between a part of day and its day (no meaning of its own)."""
        return merge_parts(children)

    # ------------------------------------------------------------ days
    def weekday_only(self, children: Children) -> DateParts:
        """"mardi": the latest Tuesday on or before the reference date."""
        return merge_parts(children, "weekday")

    def weekday_rel(self, children: Children) -> DateParts:
        """"mardi dernier", "lundi prochain"."""
        return merge_parts(children, "weekday_relative")

    def weekday_day(self, children: Children) -> DateParts:
        """"mardi 21": a weekday and a day of the month."""
        return merge_parts(children, "weekday_day")

    def dmy(self, children: Children) -> DateParts:
        """"28 juin", "lundi 28 juin 2021", "1er janvier"."""
        part = merge_parts(children, "date")
        _valid_day(part.year, part.month, part.day)
        return part

    def dmy_hyphen(self, children: Children) -> DateParts:
        """"le 7-Octobre", the name of an event that is also its date."""
        day = next(t for t in _tokens(children) if t.type == "NUM")
        part = merge_parts(children, "date", day=_num(day, 1, 31))
        _valid_day(None, part.month, part.day)
        return part

    def dmy_rel(self, children: Children) -> DateParts:
        """"le 7 octobre dernier"."""
        part = merge_parts(children, "date_relative")
        _valid_day(part.year, part.month, part.day)
        return part

    def english_mdy(self, children: Children) -> DateParts:
        """English dateline "Jun 30, 2021 06:22"."""
        part = merge_parts(children, "english_date")
        _valid_day(part.year, part.month, part.day)
        return part

    def _numeric(self, children: Children, rule: str, year_first: bool = False) -> DateParts:
        nums = [t for t in _tokens(children) if t.type == "NUM"]
        if year_first:
            y, m, d = nums
        elif len(nums) == 3:
            d, m, y = nums
        else:
            d, m = nums
            y = None
        year = None
        short = False
        if y is not None:
            if len(y) == 2:
                year, short = 2000 + _num(y, 0, 99), True  # the resolver takes the nearest past century
            elif len(y) == 4:
                year = _num(y, 1900, 2099)
            else:
                raise RejectedValue(f"not a year: {y!r}")
        if len(d) > 2 or len(m) > 2:
            raise RejectedValue("day and month have one or two digits")
        part = merge_parts(children, rule, day=_num(d, 1, 31), month=_num(m, 1, 12), year=year, short_year=short)
        _valid_day(year, part.month, part.day)
        return part

    def numeric_spaced(self, children: Children) -> DateParts:
        """"20 02 2014": day, two-digit month and four-digit year separated by spaces."""
        _, m, y = [t for t in _tokens(children) if t.type == "NUM"]
        if len(m) != 2 or len(y) != 4:
            raise RejectedValue("not a date written with spaces")
        return self._numeric(children, "numeric_date")

    def numeric_dmy(self, children: Children) -> DateParts:
        """"28/06/2021", "28.06.2021", "28-06-21"."""
        nums = [t for t in _tokens(children) if t.type == "NUM"]
        return self._numeric(children, "numeric_date", year_first=len(nums[0]) == 4)

    def numeric_dm(self, children: Children) -> DateParts:
        """"le 24/02"."""
        return self._numeric(children, "numeric_date")

    def iso_date(self, children: Children) -> DateParts:
        """"2024-02-24"."""
        (tok,) = _tokens(children)
        y, m, d = str(tok).split("-")
        part = merge_parts(children, "iso_date", year=_num(y, 1000, 2999), month=_num(m, 1, 12), day=_num(d, 1, 31))
        _valid_day(part.year, part.month, part.day)
        return part

    def iso_datetime(self, children: Children) -> DateParts:
        """"2024-02-24T10:32:00Z"."""
        (tok,) = _tokens(children)
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})", str(tok))
        if m is None:
            raise RejectedValue(f"not an ISO date-time: {tok!r}")
        y, mo, d, h, mi = m.groups()
        part = merge_parts(
            children, "iso_datetime", year=_num(y, 1000, 2999), month=_num(mo, 1, 12), day=_num(d, 1, 31),
            hour=_num(h, 0, 23), minute=_num(mi, 0, 59), clock=True,
        )
        _valid_day(part.year, part.month, part.day)
        return part

    def with_article(self, children: Children) -> DateParts:
        """"le 17 octobre", "le mardi": the article belongs to the mention."""
        return merge_parts(children)

    def this_weekday(self, children: Children) -> DateParts:
        """"ce mardi": the Tuesday of the reference date's week."""
        return merge_parts(children, "this_weekday", this_week=True)

    def deictic(self, children: Children) -> DateParts:
        """"hier", "avant-hier", "aujourd'hui", "demain"."""
        word = "-".join(str(t) for t in _tokens(children)).replace("aujourd-hui", "aujourd'hui")
        return merge_parts(children, "deictic", relation=Relation.REFERENCE, offset=DEICTIC_OFFSETS[word])

    def day_restated(self, children: Children) -> DateParts:
        """"lundi, 28 juin", "hier, 12 mars": a day said twice is one mention (the date wins)."""
        part = merge_parts(children, "date")
        _valid_day(part.year, part.month, part.day)
        return part.but(relation=Relation.CALENDAR, offset=0) if part.month else part

    def weekday_restated(self, children: Children) -> DateParts:
        """"Hier, mardi", "aujourd'hui, mercredi 13 mars": a relative day and its weekday are one mention.

        Two weekdays ("lundi, mardi") are two days: rejected here, the match
        falls back to the first one.
        """
        first = _parts(children)[0]
        if first.relation is not Relation.REFERENCE:
            raise RejectedValue("a list of days, not a day restated")
        return self.deictic_weekday(children)

    def deictic_weekday(self, children: Children) -> DateParts:
        """"Hier, mardi": one mention; the weekday is checked against the day."""
        return merge_parts(children, "deictic_weekday")

    def ana_word(self, children: Children) -> DateParts:
        """"la veille", "l'avant-veille", "le lendemain", "le jour même", "ce jour-là"."""
        types = {t.type for t in _tokens(children)}
        if "VEILLE" in types:
            offset = -2 if "AVANT" in types else -1
        elif "LENDEMAIN" in types:
            offset = 1
        elif "SURLENDEMAIN" in types:
            offset = 2
        elif "PRECEDENT" in types:
            offset = -1  # "le jour précédent"
        elif "SUIVANT" in types:
            offset = 1  # "le jour suivant"
        else:
            offset = 0
        return merge_parts(children, "anaphoric", relation=Relation.PREVIOUS, offset=offset, unit=Unit.DAY)

    def ana_shift(self, children: Children) -> DateParts:
        """"un jour plus tôt", "deux jours plus tard", "une semaine après", "un an plus tard"."""
        part = merge_parts(children)
        types = {t.type for t in _tokens(children)}
        offset = (part.count or 0) * part.direction
        unit = Unit.DAY
        if "SEMAINE" in types:
            offset *= 7  # a week after a day is a day
        elif "MOIS" in types:
            unit = Unit.MONTH
        elif "AN" in types or "ANNEE" in types:
            unit = Unit.YEAR
        return part.but(rule="anaphoric_shift", relation=Relation.PREVIOUS, unit=unit, offset=offset, direction=0)

    def shift_back(self, children: Children) -> DateParts:
        """"plus tôt", "auparavant", "avant"."""
        return merge_parts(children, direction=-1)

    def shift_forward(self, children: Children) -> DateParts:
        """"plus tard", "après"."""
        return merge_parts(children, direction=1)

    def ago_days(self, children: Children) -> DateParts:
        """"il y a trois jours"."""
        part = merge_parts(children)
        return part.but(rule="ago", relation=Relation.REFERENCE, unit=Unit.DAY, offset=-(part.count or 0))

    # ------------------------------------------------------------ parts of day
    def pod_word(self, children: Children) -> DateParts:
        """"soir" in "lundi soir", "après-midi" in "dimanche après-midi"."""
        word = "-".join(str(t) for t in _tokens(children))
        return merge_parts(children, part_of_day=_pod_of(word))

    def pod_noun(self, children: Children) -> DateParts:
        """"soirée", "nuit", "après-midi", "journée"."""
        word = "-".join(str(t) for t in _tokens(children))
        pod = _pod_of(word)
        return merge_parts(children, part_of_day=pod, whole_day=pod is None)

    def edge_start(self, children: Children) -> DateParts:
        """"début"."""
        return merge_parts(children, modifier=Modifier.START)

    def edge_end(self, children: Children) -> DateParts:
        """"fin"."""
        return merge_parts(children, modifier=Modifier.END)

    def edge_mid(self, children: Children) -> DateParts:
        """"milieu"."""
        return merge_parts(children, modifier=Modifier.MID)

    def pod_expr(self, children: Children) -> DateParts:
        """"dans la soirée", "en fin de journée", "à l'aube", "au petit matin"."""
        part = merge_parts(children, "part_of_day")
        tokens = _tokens(children)
        lead = tokens[0].type if tokens else ""
        if lead == "AU_POD":
            # "au soir", "au matin" are one token
            part = part.but(part_of_day=_pod_of(str(tokens[0]).split()[-1]))
        part = _day_edge(part)
        types = {t.type for t in tokens}
        if "DE_LA_JOURNEE" in types and "PREMIERES" not in types:
            # "au cours de la journée", "à la fin de la journée": "journée" is one token with its article
            part = _day_edge(part.but(whole_day=True))
        if types & {"PETIT", "PREMIERES", "AURORES", "LEVER"}:
            # "au petit matin", "aux premières heures", "aux aurores", "au lever du jour"
            part = part.but(part_of_day=PartOfDay.MORNING, whole_day=False)
        elif "TOMBEE" in types:
            part = part.but(part_of_day=PartOfDay.EVENING, whole_day=False)  # "à la tombée de la nuit"
        # "le soir", "la nuit", "au matin" alone are habitual or vague: dates only with a day
        weak = (lead in ("LE", "LA", "AU_POD") and len(tokens) <= 2) or part.whole_day
        if lead in ("TOT", "TARD") and part.whole_day:
            # "(plus) tôt dans la journée": the day the text is on
            return part.but(rule="part_of_day_alone", relation=Relation.PREVIOUS, whole_day=False, weak=False)
        return part.but(weak=weak)

    def pod_tail_expr(self, children: Children) -> DateParts:
        """A part-of-day phrase after a day ("lundi, dans la soirée")."""
        return merge_parts(children, weak=False)

    def pod_this(self, children: Children) -> DateParts:
        """"ce matin", "ce soir", "cet après-midi", "cette nuit" (the night just past)."""
        part = merge_parts(children, "this_part_of_day", relation=Relation.REFERENCE, whole_day=False)
        if part.part_of_day is PartOfDay.NIGHT:
            part = part.but(offset=-1)
        if part.part_of_day is None:
            raise RejectedValue("ce jour")
        return part

    def pod_that(self, children: Children) -> DateParts:
        """"cette nuit-là", "ce soir-là": the part of day of the date the text last established."""
        part = merge_parts(children, "part_of_day_that", relation=Relation.PREVIOUS, whole_day=False)
        if part.part_of_day is None:
            raise RejectedValue("ce jour-là is anaphoric, handled elsewhere")
        return part

    def last_night(self, children: Children) -> DateParts:
        """"la nuit dernière": the night of the day before the reference date."""
        return merge_parts(
            children, "last_night", relation=Relation.REFERENCE, offset=-1, part_of_day=PartOfDay.NIGHT
        )

    def day_pod(self, children: Children) -> DateParts:
        """"lundi soir", "hier dans la soirée", "ce matin à l'aube": one mention."""
        day, *pods = _parts(children)
        pod = next((p for p in pods if p.part_of_day is not None), None)
        part = merge_parts(children, day.rule or "day_part_of_day", weak=False)
        if pod is not None:
            part = part.but(part_of_day=pod.part_of_day, whole_day=False)
        return part

    def pod_of_day(self, children: Children) -> DateParts:
        """"dans la soirée de mardi", "au matin du 7 octobre", "dans la journée d'hier"."""
        pod, *days = _parts(children)
        day = merge_parts(days)
        part = merge_parts(children, day.rule or "part_of_day", weak=False)
        return part.but(
            part_of_day=pod.part_of_day, modifier=pod.modifier or day.modifier, whole_day=False,
            relation=day.relation, offset=day.offset,
        )

    def night_span(self, children: Children) -> DateParts:
        """"dans la nuit de jeudi à vendredi", "la nuit du 21 au 22 novembre": the first day's night."""
        pod, *days = [p for p in _parts(children) if _names_something(p)]
        last = days[-1]
        nums = [t for t in _tokens(children) if t.type == "NUM"]
        if len(days) == 1 and nums:
            first = DateParts(start=nums[0].start_pos or 0, end=nums[0].end_pos or 0, day=_num(nums[0], 1, 31))
        else:
            first = days[0]
        whole = merge_parts(children)
        if first.day is None and first.weekday is not None and last.weekday is not None and last.day is None:
            # resolve the later day (never after the reference date), then step back one day
            core = last.but(shift_days=-1, weekday=last.weekday)
        elif first.day is None and last.day is not None and last.month is not None:
            # "la nuit de samedi à dimanche 10 mars" is the night of the 9th
            core = last.but(shift_days=-1)
        elif first.relation is not Relation.CALENDAR:
            core = first
        else:
            borrowed = _borrow(first, last)
            if borrowed is None:
                raise RejectedValue("night span")
            core = borrowed
        return core.but(
            start=whole.start, end=whole.end, rule="night_span", part_of_day=pod.part_of_day or PartOfDay.NIGHT,
            whole_day=False, weak=False,
        )

    def night_bare(self, children: Children) -> DateParts:
        """"dans la nuit du 3 au 4": the night of the 3rd of the month the text is in (checked by the extractor)."""
        pod = next(p for p in _parts(children) if p.part_of_day is not None or p.whole_day)
        first, last = [t for t in _tokens(children) if t.type == "NUM"]
        day, following = _num(first, 1, 31), _num(last, 1, 31)
        if following != day + 1 and following != 1:
            raise RejectedValue("a night runs into the next day")
        return merge_parts(children, "night_bare", day=day, part_of_day=pod.part_of_day or PartOfDay.NIGHT,
                           relation=Relation.PREVIOUS, whole_day=False, weak=False)

    def early(self, children: Children) -> DateParts:
        """"tôt mercredi matin", "tôt ce matin"."""
        return merge_parts(children, weak=False)

    late = early
    """"tard mardi soir"."""

    def pod_alone(self, children: Children) -> DateParts:
        """"dans la soirée", "à l'aube": the part of day of the date the text last established."""
        return merge_parts(children, "part_of_day_alone", relation=Relation.PREVIOUS)

    # ------------------------------------------------------------ clock times
    def _clock(self, children: Children, hour: int, minute: int = 0, **kw: Any) -> DateParts:
        if not 0 <= hour <= 23 or not 0 <= minute <= 59:
            raise RejectedValue(f"not a clock time: {hour}:{minute}")
        return merge_parts(children, "clock", hour=hour, minute=minute, clock=True, **kw)

    def clock_h(self, children: Children) -> DateParts:
        """"14h30", "8h"."""
        (tok,) = _tokens(children)
        m = _CLOCK_H.fullmatch(str(tok))
        if m is None:
            raise RejectedValue(str(tok))
        return self._clock(children, int(m.group(1)), int(m.group(2) or 0), weak=m.group(2) is None)

    def clock_h_split(self, children: Children) -> DateParts:
        """"6 h 22", "14 h"."""
        nums = [t for t in _tokens(children) if t.type == "NUM"]
        minute = _num(nums[1], 0, 59) if len(nums) > 1 else 0
        if len(nums) > 1 and len(nums[1]) != 2:
            raise RejectedValue("minutes have two digits")
        return self._clock(children, _num(nums[0], 0, 23), minute)

    def clock_colon(self, children: Children) -> DateParts:
        """"06:22"."""
        h, m = [t for t in _tokens(children) if t.type == "NUM"]
        if len(m) != 2 or len(h) > 2:
            raise RejectedValue("not a clock time")
        return self._clock(children, _num(h, 0, 23), _num(m, 0, 59))

    def clock_heures(self, children: Children) -> DateParts:
        """"2 heures", "14 heures 30", "quinze heures"."""
        tokens = _tokens(children)
        nums = [t for t in tokens if t.type == "NUM"]
        word = next((t for t in tokens if t.type in ("NUMWORD", "HOURWORD")), None)
        if word is not None:
            return self._clock(children, _hour_word(word), _num(nums[0], 0, 59) if nums else 0)
        minute = _num(nums[1], 0, 59) if len(nums) > 1 else 0
        return self._clock(children, _num(nums[0], 0, 23), minute)

    def clock_quarter_to(self, children: Children) -> DateParts:
        """"17 heures moins le quart", "midi moins le quart"."""
        nums = [t for t in _tokens(children) if t.type == "NUM"]
        hour = _num(nums[0], 1, 23) if nums else 12
        return self._clock(children, hour - 1, 45)

    def clock_words_pod(self, children: Children) -> DateParts:
        """"3 heures du matin", "10 h du soir" without a preposition: the part of day makes it a clock time."""
        return self.clock_bare(children)

    def clock_words(self, children: Children) -> DateParts:
        """"19 heures", "19 heures 30", "quinze heures" before a day ("19 heures vendredi soir")."""
        (hour,) = _parts(children)
        minutes = [t for t in _tokens(children) if t.type == "NUM"]
        if minutes and len(minutes[0]) != 2:
            raise RejectedValue("minutes have two digits")
        return self._clock(children, hour.count or 0, _num(minutes[0], 0, 59) if minutes else 0)

    def hour_count(self, children: Children) -> DateParts:
        """The hour of "19 heures" (digits or words), as a count read by :meth:`clock_words`."""
        (tok,) = _tokens(children)
        hour = _num(tok, 0, 23) if tok.type == "NUM" else _hour_word(tok)
        return merge_parts(children, count=hour)

    def clock_fraction(self, children: Children) -> DateParts:
        """"2 heures et demie", "14 heures et quart", "midi et demie"."""
        tokens = _tokens(children)
        nums = [t for t in tokens if t.type == "NUM"]
        word = next((t for t in tokens if t.type in ("NUMWORD", "HOURWORD")), None)
        hour = _num(nums[0], 0, 23) if nums else (_hour_word(word) if word is not None else 12)
        fraction = next(str(t) for t in _tokens(children) if t.type == "ET_FRACTION")
        return self._clock(children, hour, 30 if fraction.endswith("demie") else 15)  # "et demie" / "et quart"

    def clock_noon(self, children: Children) -> DateParts:
        """"midi"."""
        return self._clock(children, 12)

    def clock_midnight(self, children: Children) -> DateParts:
        """"minuit": 00:00 (see the dates policy)."""
        return self._clock(children, 0)

    def clock_am(self, children: Children) -> DateParts:
        """"du matin"."""
        return merge_parts(children, part_of_day=PartOfDay.MORNING)

    def clock_pm(self, children: Children) -> DateParts:
        """"du soir", "de l'après-midi"."""
        return merge_parts(children, part_of_day=PartOfDay.EVENING)

    def clock_night(self, children: Children) -> DateParts:
        """"de la nuit"."""
        return merge_parts(children, part_of_day=PartOfDay.NIGHT)

    def tz(self, children: Children) -> DateParts:
        """"heure locale", "GMT", "UTC": kept in the span, no conversion."""
        return merge_parts(children, rule="tz")

    def clock_prep(self, children: Children) -> DateParts:
        """"à", "vers", "aux alentours de"… ("vers" makes the time approximate)."""
        words = _words(children)
        approx = words.split()[0] in ("vers", "aux", "autour")
        return merge_parts(children, modifier=Modifier.APPROX if approx else None)

    def clock_phrase(self, children: Children) -> DateParts:
        """"à 2 heures du matin", "vers 14h30 heure locale"."""
        return _apply_clock_pod(merge_parts(children, "clock", weak=False))

    def clock_bare(self, children: Children) -> DateParts:
        """"14h30", "06:22 UTC" without a preposition."""
        clocks = _parts(children)
        if not clocks or clocks[0].hour is None:
            nums = [t for t in _tokens(children) if t.type == "NUM"]
            if len(nums) == 1 and any(t.type in ("HEURE", "H") for t in _tokens(children)):
                # "3 heures du matin", "10 h du soir": a part of day qualifies the hour
                part = self._clock(children, _num(nums[0], 0, 23), 0)
                pod = next((p.part_of_day for p in clocks if p.part_of_day is not None), None)
                return _apply_clock_pod(part.but(part_of_day=pod))
            if len(nums) == 2 and any(t.type == "HEURE" for t in _tokens(children)):
                part = self._clock(children, _num(nums[0], 0, 23), _num(nums[1], 0, 59))
                pod = next((p.part_of_day for p in clocks if p.part_of_day is not None), None)
                return _apply_clock_pod(part.but(part_of_day=pod))
            if len(nums) == 2:
                if len(nums[1]) != 2 or len(nums[0]) > 2:
                    raise RejectedValue("not a clock time")
                part = self._clock(children, _num(nums[0], 0, 23), _num(nums[1], 0, 59))
            else:
                tok = next(t for t in _tokens(children) if t.type == "CLOCK_H")
                m = _CLOCK_H.fullmatch(str(tok))
                if m is None:
                    raise RejectedValue(str(tok))
                # "12h" alone may be a duration; "12h GMT", "7h du matin" are clock times
                qualified = any(p.rule == "tz" or p.part_of_day is not None for p in clocks)
                part = self._clock(
                    children, int(m.group(1)), int(m.group(2) or 0), weak=m.group(2) is None and not qualified
                )
            pod = next((p.part_of_day for p in clocks if p.part_of_day is not None), None)
            return _apply_clock_pod(part.but(part_of_day=pod))
        return _apply_clock_pod(merge_parts(children, "clock"))

    def _attach_clock(self, children: Children) -> DateParts:
        parts = _parts(children)
        clock = next(p for p in parts if p.clock)
        days = [p for p in parts if not p.clock]
        day = merge_parts(days) if days else DateParts(0, 0)
        hour = clock.hour
        pod = day.part_of_day
        if hour is not None and clock.part_of_day is None and _is_pm(pod, hour):
            hour += 12  # "lundi soir vers 10 heures" is 22:00
        part = merge_parts(children, day.rule or "clock", weak=False)
        return part.but(
            hour=hour, minute=clock.minute, part_of_day=None, clock=True, relation=day.relation,
            offset=day.offset, modifier=clock.modifier or day.modifier,
        )

    day_clock = _attach_clock
    """"lundi 28 juin, à 2 heures du matin", "le 5 mars à 10h15": one mention."""
    day_pod_clock = _attach_clock
    """"lundi soir vers 22 heures"."""
    clock_day = _attach_clock
    """"vers 5 heures du matin mardi", "à 08h41 le 24/02"."""
    pod_clock = _attach_clock
    """"dans la soirée, vers 22h"."""

    def day_noon(self, children: Children) -> DateParts:
        """"samedi midi": noon of that day."""
        part = merge_parts(children, weak=False)
        return part.but(hour=12, minute=0, clock=True, part_of_day=None)

    def clock_alone(self, children: Children) -> DateParts:
        """A clock time alone: on the date the text last established."""
        return merge_parts(children, "clock_alone", relation=Relation.PREVIOUS)

    # ------------------------------------------------------------ ranges, relative days (issue 17)
    def ival_bare(self, children: Children) -> list[DateParts] | None:
        """"13 au 15 juillet", "14 - 20 sept. 2014": a range of days without "du"."""
        nums = [t for t in _tokens(children) if t.type == "NUM"]
        first_tok = nums[0]
        if len(first_tok) > 2:
            raise RejectedValue("a day has one or two digits")
        first = DateParts(start=first_tok.start_pos or 0, end=first_tok.end_pos or 0, rule="ival_num",
                          count=_num(first_tok, 1, 31))
        last = merge_parts(_parts(children), "date")
        _valid_day(last.year, last.month, last.day)
        if last.day is None or (first.count or 0) >= last.day:
            raise RejectedValue("a range of days goes forward")
        return self._pair(first, last)

    def day_with_clock_range(self, children: Children) -> list[DateParts] | None:
        """"jeudi de 9h à 11h", "lundi, entre 22h et 23h"."""
        parts = _parts(children)
        day = parts[0]
        clocks = [p for p in parts[1:] if p.clock]
        if len(clocks) != 2:
            raise RejectedValue("two clock times")
        return [self._on_day(clocks[0], day).but(interval_role=IntervalRole.START, start=day.start),
                self._on_day(clocks[1], day).but(interval_role=IntervalRole.END)]

    def _on_day(self, clock: DateParts, day: DateParts) -> DateParts:
        clock = _apply_clock_pod(clock)
        return day.but(start=clock.start, end=clock.end, hour=clock.hour, minute=clock.minute, clock=True,
                       part_of_day=None, modifier=clock.modifier or day.modifier, weak=False)

    def year_span(self, children: Children) -> list[DateParts]:
        """"en 2011-2012": each year is a mention ("en" belongs to the first)."""
        first, second = [p for p in _parts(children) if p.year is not None]
        if not (first.year or 0) < (second.year or 0) <= (first.year or 0) + 10:
            raise RejectedValue("not a span of years")
        lead = _parts(children)[0]
        return [merge_parts([lead, first], "year"), second.but(rule="year")]

    def earlier_that_day(self, children: Children) -> DateParts:
        """"plus tôt dans la journée", "plus tard dans la soirée": the date the text last established."""
        pod = next((p for p in _parts(children) if p.part_of_day is not None or p.whole_day), None)
        part_of_day = pod.part_of_day if pod is not None else None
        return merge_parts(children, "part_of_day_alone", relation=Relation.PREVIOUS, part_of_day=part_of_day,
                           whole_day=False, weak=False)

    def today_formal(self, children: Children) -> DateParts:
        """"ce jour" (communiqués): the reference day."""
        return merge_parts(children, "deictic", relation=Relation.REFERENCE, offset=0)

    def bare_day(self, children: Children) -> DateParts:
        """"le 16" after "le 14 mars": a day of the month the text is in (checked by the extractor)."""
        (tok,) = [t for t in _tokens(children) if t.type == "NUM"]
        if len(tok) > 2:
            raise RejectedValue("a day has one or two digits")
        return merge_parts(children, "bare_day", day=_num(tok, 1, 31), relation=Relation.PREVIOUS)

    def weekday_following(self, children: Children) -> DateParts:
        """"le mardi suivant": the first Tuesday after the date the text last established."""
        return merge_parts(children, "weekday_relative", relation=Relation.PREVIOUS, direction=1)

    def weekday_preceding(self, children: Children) -> DateParts:
        """"le mardi précédent"."""
        return merge_parts(children, "weekday_relative", relation=Relation.PREVIOUS, direction=-1)

    def same_year(self, children: Children) -> DateParts:
        """"en avril de la même année", "le 3 mai de l'année suivante": the year of the previous date."""
        types = {t.type for t in _tokens(children)}
        offset = 1 if "SUIVANT" in types else -1 if "PRECEDENT" in types else 0
        part = merge_parts(children)
        return part.but(rule="same_year", relation=Relation.PREVIOUS, unit=Unit.YEAR, offset=offset, year=None,
                        direction=0, weekday=part.weekday if part.day is not None else None)

    def weekday_of_week(self, children: Children) -> DateParts:
        """"mardi de la semaine dernière", "lundi de cette semaine"."""
        day, week = [p for p in _parts(children) if _names_something(p)]
        if day.weekday is None or day.day is not None or day.relation is not Relation.CALENDAR:
            raise RejectedValue("a weekday of a week")
        return merge_parts(children, "weekday_of_week").but(
            relation=week.relation, unit=Unit.WEEK, offset=week.offset, weekday=day.weekday, direction=0)

    def ana_of_day(self, children: Children) -> DateParts:
        """"la veille de Noël", "le lendemain du 13 février": a day before or after a stated day."""
        types = {t.type for t in _tokens(children)}
        offset = -2 if "AVANT" in types else -1 if "VEILLE" in types else 2 if "SURLENDEMAIN" in types else 1
        day = next(p for p in _parts(children) if _names_something(p))
        if day.relation is Relation.CALENDAR and (day.holiday is not None or (day.month is not None and day.day)):
            return merge_parts(children, "day_of_day").but(pre_shift=day.pre_shift + offset, weak=False)
        if day.relation is Relation.CALENDAR and day.day is not None and day.weekday is not None:
            return merge_parts(children, "day_of_day").but(shift_days=offset, weak=False)
        return merge_parts(children, "day_of_day").but(offset=day.offset + offset, weak=False)

    def night_before(self, children: Children) -> DateParts:
        """"la nuit précédente": the night before the date the text last established."""
        return merge_parts(children, "part_of_day_that", relation=Relation.PREVIOUS, offset=-1,
                           part_of_day=PartOfDay.NIGHT)

    def night_after(self, children: Children) -> DateParts:
        """"la nuit suivante": the night of the date the text last established."""
        return merge_parts(children, "part_of_day_that", relation=Relation.PREVIOUS, offset=0,
                           part_of_day=PartOfDay.NIGHT)

    # weeks, week-ends, seasons
    def this_week(self, children: Children) -> DateParts:
        """"cette semaine"."""
        return self._period(children, Unit.WEEK, 0, "this_week")

    def following_week(self, children: Children) -> DateParts:
        """"la semaine suivante"."""
        return self._period(children, Unit.WEEK, 1, "following_week").but(relation=Relation.PREVIOUS)

    def preceding_week(self, children: Children) -> DateParts:
        """"la semaine précédente"."""
        return self._period(children, Unit.WEEK, -1, "preceding_week").but(relation=Relation.PREVIOUS)

    def edge_of_week(self, children: Children) -> DateParts:
        """"en début de semaine", "en fin de semaine": the reference week, with its modifier."""
        return self._period(children, Unit.WEEK, 0, "edge_of_week")

    def edge_of_last_week(self, children: Children) -> DateParts:
        """"en fin de semaine dernière"."""
        return self._period(children, Unit.WEEK, -1, "edge_of_week")

    def earlier_this_week(self, children: Children) -> DateParts:
        """"plus tôt dans la semaine": the week of the date the text last established."""
        return self._period(children, Unit.WEEK, 0, "earlier_this_week").but(relation=Relation.PREVIOUS)

    def week_of(self, children: Children) -> DateParts:
        """"la semaine du 6 octobre": the ISO week of that day."""
        day = [p for p in _parts(children) if _names_something(p)][-1]
        return day.but(start=merge_parts(children).start, end=day.end, rule="week_of", week_of=True, weak=False)

    def this_weekend(self, children: Children) -> DateParts:
        """"ce week-end": the week-end of the reference week."""
        return self._period(children, Unit.WEEK, 0, "weekend").but(weekend=True)

    def last_weekend(self, children: Children) -> DateParts:
        """"le week-end dernier": the week-end of the week before."""
        return self._period(children, Unit.WEEK, -1, "weekend").but(weekend=True)

    def next_weekend(self, children: Children) -> DateParts:
        """"le week-end prochain"."""
        return self._period(children, Unit.WEEK, 1, "weekend").but(weekend=True)

    def following_weekend(self, children: Children) -> DateParts:
        """"le week-end suivant": the first week-end after the date the text last established."""
        return self._period(children, Unit.WEEK, 0, "following_weekend").but(weekend=True, relation=Relation.PREVIOUS)

    def preceding_weekend(self, children: Children) -> DateParts:
        """"le week-end précédent"."""
        return self._period(children, Unit.WEEK, -1, "weekend").but(weekend=True, relation=Relation.PREVIOUS)

    def weekend_alone(self, children: Children) -> DateParts:
        """"pendant le week-end", "lors du week-end": the latest week-end begun on or before the reference date."""
        return self._period(children, Unit.WEEK, 0, "weekend_alone").but(weekend=True)

    def weekend_of(self, children: Children) -> DateParts:
        """"le week-end du 12 octobre"."""
        day = [p for p in _parts(children) if _names_something(p)][-1]
        return day.but(start=merge_parts(children).start, end=day.end, rule="week_of", week_of=True, weekend=True,
                       weak=False)

    def _season_part(self, children: Children, rule: str, **fields: Any) -> DateParts:
        word = next(str(t) for t in _tokens(children) if t.type == "SEASON")
        return merge_parts(children, rule, season=SEASONS[word], weak=False, **fields)

    def this_season(self, children: Children) -> DateParts:
        """"cet été", "cet hiver": this year's (a winter said before June: the one begun last year)."""
        return self._season_part(children, "this_season", relation=Relation.REFERENCE, unit=Unit.SEASON, offset=0)

    def season_rel(self, children: Children) -> DateParts:
        """"l'été dernier", "l'hiver prochain"."""
        return self._season_part(children, "season")

    def season(self, children: Children) -> DateParts:
        """"en été", "à l'automne 2022", "l'hiver 2023": past-preferring without a year."""
        return self._season_part(children, "season")

    def season_span(self, children: Children) -> list[DateParts]:
        """"l'hiver 2022-2023": a winter takes the year it begins in."""
        years = [p for p in _parts(children) if p.year is not None]
        if len(years) != 2 or years[1].year != (years[0].year or 0) + 1:
            raise RejectedValue("a season spans two years at most")
        part = merge_parts(children, "season", year=years[0].year)
        word = next(str(t) for t in _tokens(children) if t.type == "SEASON")
        return [part.but(season=SEASONS[word], weak=False)]

    def this_month(self, children: Children) -> DateParts:
        """"ce mois-ci"."""
        return self._period(children, Unit.MONTH, 0, "this_month")

    def following_month(self, children: Children) -> DateParts:
        """"le mois suivant"."""
        return self._period(children, Unit.MONTH, 1, "following_month").but(relation=Relation.PREVIOUS)

    def preceding_month(self, children: Children) -> DateParts:
        """"le mois précédent"."""
        return self._period(children, Unit.MONTH, -1, "preceding_month").but(relation=Relation.PREVIOUS)

    def this_year(self, children: Children) -> DateParts:
        """"cette année"."""
        return self._period(children, Unit.YEAR, 0, "this_year")

    def following_year(self, children: Children) -> DateParts:
        """"l'année suivante"."""
        return self._period(children, Unit.YEAR, 1, "following_year").but(relation=Relation.PREVIOUS)

    def preceding_year(self, children: Children) -> DateParts:
        """"l'année précédente"."""
        return self._period(children, Unit.YEAR, -1, "preceding_year").but(relation=Relation.PREVIOUS)

    def same_year_alone(self, children: Children) -> DateParts:
        """"la même année"."""
        return self._period(children, Unit.YEAR, 0, "same_year").but(relation=Relation.PREVIOUS)

    def _in(self, children: Children, unit: Unit) -> DateParts:
        part = merge_parts(children)
        return part.but(rule="in", relation=Relation.REFERENCE, unit=unit, offset=part.count or 0)

    def in_days(self, children: Children) -> DateParts:
        """"dans trois jours"."""
        return self._in(children, Unit.DAY)

    def in_weeks(self, children: Children) -> DateParts:
        """"dans deux semaines"."""
        return self._in(children, Unit.WEEK)

    def in_months(self, children: Children) -> DateParts:
        """"dans six mois"."""
        return self._in(children, Unit.MONTH)

    def in_years(self, children: Children) -> DateParts:
        """"dans deux ans"."""
        return self._in(children, Unit.YEAR)

    # holidays
    def holiday_name(self, children: Children) -> DateParts:
        """"Noël", "la Toussaint", "l'Aïd el-Kébir": a holiday, its day computed for the year picked."""
        (tok,) = _tokens(children)
        key = _holiday_key(str(tok))
        if key is None:
            raise RejectedValue(f"not a holiday: {tok!r}")
        # "pendant le ramadan" is a month of fasting, no point in time: a date only as "le début du ramadan"
        return merge_parts(children, "holiday", holiday=key, weak=key == "ramadan")

    def holiday_year(self, children: Children) -> DateParts:
        """"Noël 2023"."""
        return merge_parts(children, "holiday")

    holiday_rel = holiday_year
    """"Noël dernier"."""

    def holiday_led(self, children: Children) -> DateParts:
        """"à Noël", "le jour de l'an", "le début du ramadan"."""
        words = _words(children)
        part = merge_parts(children, "holiday")
        if part.holiday == "ramadan":
            start = part.modifier is Modifier.START or "premier" in words
            return part.but(weak=not start, modifier=None)
        return part.but(weak=False)

    def holiday_lead(self, children: Children) -> DateParts:
        """What leads a holiday ("à", "le jour de", "lors du"); a part of day ("le soir de Noël") is kept."""
        words = _words(children)
        return merge_parts(children, modifier=Modifier.START if "premier" in words else None)

    # ------------------------------------------------------------ months, years, coarse
    def month_lead(self, children: Children) -> DateParts:
        """"en", "début", "mi-", "à la fin du mois de"…"""
        part = merge_parts(children)
        if any(t.type == "MI" for t in _tokens(children)):
            part = part.but(modifier=Modifier.MID)
        return part

    year_lead = month_lead
    """"en", "fin", "mi-", "au cours de l'année" before a year."""

    def month_phrase(self, children: Children) -> DateParts:
        """"en juin 2021", "début août", "mi-octobre", "en octobre dernier"."""
        return merge_parts(children, "month")

    def month_year(self, children: Children) -> DateParts:
        """"juin 2021", or a month alone as an interval endpoint ("depuis avril")."""
        if children and isinstance(children[0], Token) and children[0].type == "MONTH":
            head = merge_parts([children[0]], month=MONTHS[str(children[0])])
            return merge_parts([head, *children[1:]], "month")
        return merge_parts(children, "month")

    def year_phrase(self, children: Children) -> DateParts:
        """"en 2015", "fin 2023", "mi-2022"."""
        return merge_parts(children, "year")

    def year_de(self, children: Children) -> DateParts:
        """"de 2003" ("l'invasion de 2003"): checked against its context by the extractor."""
        part = merge_parts(children, "year_de")
        if not 1900 <= (part.year or 0) <= 2099:
            raise RejectedValue("unlikely year")
        return part

    def year_paren(self, children: Children) -> DateParts:
        """"(2014)"."""
        part = merge_parts(children, "year")
        if not 1900 <= (part.year or 0) <= 2099:
            raise RejectedValue("unlikely year")
        return part

    def _period(self, children: Children, unit: Unit, offset: int, rule: str) -> DateParts:
        return merge_parts(children, rule, relation=Relation.REFERENCE, unit=unit, offset=offset)

    def last_week(self, children: Children) -> DateParts:
        """"la semaine dernière"."""
        return self._period(children, Unit.WEEK, -1, "last_week")

    def next_week(self, children: Children) -> DateParts:
        """"la semaine prochaine"."""
        return self._period(children, Unit.WEEK, 1, "next_week")

    def last_month(self, children: Children) -> DateParts:
        """"le mois dernier"."""
        return self._period(children, Unit.MONTH, -1, "last_month")

    def next_month(self, children: Children) -> DateParts:
        """"le mois prochain"."""
        return self._period(children, Unit.MONTH, 1, "next_month")

    def last_year(self, children: Children) -> DateParts:
        """"l'an dernier", "l'année passée"."""
        return self._period(children, Unit.YEAR, -1, "last_year")

    def next_year(self, children: Children) -> DateParts:
        """"l'an prochain"."""
        return self._period(children, Unit.YEAR, 1, "next_year")

    def _ago(self, children: Children, unit: Unit) -> DateParts:
        part = merge_parts(children)
        return part.but(rule="ago", relation=Relation.REFERENCE, unit=unit, offset=-(part.count or 0))

    def ago_weeks(self, children: Children) -> DateParts:
        """"il y a deux semaines"."""
        return self._ago(children, Unit.WEEK)

    def ago_months(self, children: Children) -> DateParts:
        """"il y a trois mois"."""
        return self._ago(children, Unit.MONTH)

    def ago_years(self, children: Children) -> DateParts:
        """"il y a deux ans"."""
        return self._ago(children, Unit.YEAR)

    def __default__(self, data: Any, children: Children, meta: Any) -> DateParts:
        """Rules without a callback of their own merge their children."""
        return merge_parts(children)


def _guarded(callback: Callable[..., Any]) -> Callable[..., Any]:
    """A callback whose unexpected errors end the match instead of the whole parse."""

    @functools.wraps(callback)
    def guarded(self: Any, children: Children) -> Any:
        try:
            return callback(self, children)
        except LarkError:
            raise
        except (KeyError, ValueError, IndexError, TypeError, AttributeError, StopIteration) as exc:
            raise RejectedValue(f"{callback.__name__}: {exc!r}") from exc

    return guarded


for _name, _member in list(vars(DateTransformer).items()):
    if inspect.isfunction(_member) and not _name.startswith("_"):
        setattr(DateTransformer, _name, _guarded(_member))


def _day_edge(part: DateParts) -> DateParts:
    """"en fin de journée" is the evening, "en début de journée" the morning, "en milieu de journée" the afternoon."""
    if not part.whole_day or part.modifier is None:
        return part
    pod = {Modifier.START: PartOfDay.MORNING, Modifier.MID: PartOfDay.AFTERNOON, Modifier.END: PartOfDay.EVENING}
    return part.but(part_of_day=pod.get(part.modifier), whole_day=part.modifier not in pod)


def _clock_alone(part: DateParts) -> DateParts:
    """A clock time with no day of its own is on the date the text last established."""
    if part.clock and part.relation is Relation.CALENDAR and part.day is None and part.weekday is None:
        return part.but(relation=Relation.PREVIOUS, rule="clock_alone")
    return part


def _names_something(part: DateParts) -> bool:
    """False for the empty parts of connecting words ("de", "du")."""
    return any(
        value is not None
        for value in (part.day, part.month, part.year, part.weekday, part.part_of_day, part.hour, part.count,
                      part.holiday, part.season)
    ) or part.relation is not Relation.CALENDAR or part.whole_day


def _apply_clock_pod(part: DateParts) -> DateParts:
    """"2 heures du matin" is 02:00, "10 heures du soir" 22:00; the clock keeps no part of day."""
    hour = part.hour
    if hour is None:
        return part
    if part.part_of_day is PartOfDay.MORNING and hour == 12:
        hour = 0
    elif _is_pm(part.part_of_day, hour):
        hour += 12
    return part.but(hour=hour, part_of_day=None)


def _is_pm(pod: PartOfDay | None, hour: int) -> bool:
    """Whether an hour said with this part of day is after noon ("10 heures du soir", "11 heures de la nuit")."""
    if pod in (PartOfDay.EVENING, PartOfDay.AFTERNOON):
        return hour < 12
    return pod is PartOfDay.NIGHT and 7 <= hour < 12


def _borrow(first: DateParts, last: DateParts) -> DateParts | None:
    """Give the first endpoint of "du 3 au 5 mars" the month and year of the last one."""
    if first.rule == "ival_num":
        if last.clock and last.day is None:
            if first.count is None or not 0 <= first.count <= 24:
                raise RejectedValue("no hour")  # "du 31 au 14h30": 31 is no time of day
            return first.but(rule="clock", hour=first.count, minute=0, clock=True, count=None)
        first = first.but(day=first.count, count=None, rule="date")
    if first.day is not None and first.month is None and last.month is not None:
        month, year = last.month, last.year
        if last.day is not None and first.day > last.day:
            # "du 28 au 3 mars" starts in February
            month -= 1
            if month == 0:
                month, year = 12, (year - 1 if year else None)
        _valid_day(year, month, first.day)
        return first.but(month=month, year=first.year or year, rule="date")
    if first.month is not None and first.year is None and last.year is not None:
        # "du 24 novembre au 1er décembre 2023", "de mars à mai 2024"
        year = last.year - 1 if last.month is not None and first.month > last.month else last.year
        return first.but(year=year)
    if first.day is not None and first.month is None:
        return None if last.day is None and last.weekday is None else first
    return first
