"""Dates and times: grammar ``grammars/dates.lark``, resolution against the reference date.

- :mod:`milinc.dates.transformer` turns grammar matches into partial dates
  (:class:`~milinc.dates.parts.DateParts`);
- :mod:`milinc.dates.resolver` resolves them (news style, past-preferring);
- :class:`DateExtractor` finds the matches, checks their context, resolves them
  in text order (anaphoric dates need the date the text last established) and
  finds the reference date in a dateline.

The policy is documented in ``docs/policy/dates.md``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .. import engine
from ..extensions import Extensions
from ..lexicon_pattern import WORD_START, lexicon_pattern
from ..ontology import Anchor, Granularity, IntervalRole, PartOfDay, TimeExpression
from . import context, relative
from .lexicon import ANCHOR_WORDS
from .parts import DateParts, Relation
from .resolver import Resolution, Resolver
from .transformer import DateTransformer

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["DateExtractor", "DateParts", "Resolver"]

LOOKBACK = 6
"""Tokens tried before an anchor: "en fin d'apres-midi" puts six tokens before "midi"."""

DATELINE_LINES = 8
"""How many non-empty lines at the top of a text may hold the dateline."""

DATELINE_CHARS = 1000
"""…and within this many characters: a one-line text is not read whole for its dateline."""

DATELINE_OTHER_LETTERS = 16
"""A dateline holds little besides the date: a city, a by-line, "UTC" ("Paris, le 13 mars 2024")."""

_WEEKDAY_WORD = re.compile(r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![^\W_])")
_EVENT_REFERENCE = re.compile(r"(?<![^\W_])(?:du|depuis|de|d'|des|avant|apres|jusqu'au)\s*$")
NIGHT_ENDS = 7
"""Hours before this, after a night ("la nuit de vendredi à samedi … vers 1h10"), are on the next day."""

RECENT_DAYS = 92
"""A clock time or part of day alone is not anchored on a date older than this (a background date)."""

@attrs.define
class _Anchors:
    """The dates the text has established so far, for anaphoric mentions."""

    reference_date: _dt.date | None
    last: _dt.date | None = None
    last_sentence: int = -1
    last_small_hours: bool = False
    recent: _dt.date | None = None
    recent_is_night: bool = False

    def update(self, day: _dt.date, sentence: int, night: bool, hour: int | None = None) -> None:
        """Record *day* (a night when *night*), stated in *sentence*, as the date the text established."""
        self.last, self.last_sentence = day, sentence
        self.last_small_hours = hour is not None and hour < NIGHT_ENDS
        ref = self.reference_date
        if ref is None or (ref - day).days <= RECENT_DAYS:
            self.recent, self.recent_is_night = day, night

    def for_night(self) -> _dt.date | None:
        """The day whose night "cette nuit-là" is: the day before, after a small-hours clock time ("vers 3 heures")."""
        last = self.last
        if last is not None and self.last_small_hours and last > _dt.date.min:
            return last - _dt.timedelta(days=1)
        return last

    def for_bare_day(self, day: int) -> _dt.date | None:
        """The date of "le 16" after "le 14 mars": that day of the month in force (the next month when far before)."""
        last = self.last
        if last is None:
            return None
        year, month = last.year, last.month
        if day < last.day - 15:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        try:
            return _dt.date(year, month, day)
        except ValueError:
            return None

    def for_weak(self, parts: DateParts) -> _dt.date | None:
        """The anchor of a clock time or part of day alone.

        Night hours after a night are on its next day: "vers 1h10" after "la
        nuit de vendredi à samedi" is on the Saturday.
        """
        recent = self.recent
        if recent is not None and self.recent_is_night and parts.hour is not None and parts.hour < NIGHT_ENDS:
            return recent + _dt.timedelta(days=1) if recent < _dt.date.max else recent
        return recent


@attrs.define(unsafe_hash=True)
class _Found:
    """A mention found in the text, before resolution."""

    start: int
    end: int
    parts: DateParts


class DateExtractor:
    """Finds and resolves every date and time expression of a text."""

    def __init__(self, extensions: Extensions) -> None:
        self.extensions = extensions
        """The plugins' additions this extractor was built with."""
        source = extensions.grammar_for("dates", engine.grammar_source("dates"))
        self.transformer = DateTransformer.with_callbacks(extensions.callbacks_for("dates"))
        """Builds partial dates inside the parser (with the plugins' callbacks)."""
        anchors = extensions.lexicon("date_anchors", list(ANCHOR_WORDS))
        lark = engine.compile_for_matching(source, transformer=self.transformer, lexicons={"date_anchors": anchors})
        pattern = lexicon_pattern(anchors, before=r"\d+|" + WORD_START)
        self.matcher = engine.GrammarMatcher(lark, pattern, lookback=LOOKBACK)
        """Finds the grammar's matches around the anchor words."""

    # ------------------------------------------------------------ public
    def find_reference_date(self, ctx: ExtractionContext) -> _dt.date | None:
        """The publication date from a dateline near the top of the text, if there is one.

        A dateline is a full date (day, month and year) in one of the first
        lines, on a line that holds little else or that says it is a
        publication date ("Publié le", "Mis à jour", "(Reuters)"). A date
        without a year is not enough: nothing is invented.
        """
        text = ctx.text
        limit = min(_end_of_top_lines(text, DATELINE_LINES), DATELINE_CHARS)
        for found in self._find(text, end=limit):
            p = found.parts
            if p.relation is not Relation.CALENDAR or p.year is None or p.month is None or p.day is None:
                continue
            line_start = text.rfind("\n", 0, found.start) + 1
            line_end = text.find("\n", found.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            rest = text[line_start : found.start] + text[found.end : line_end if line_end >= 0 else len(text)]
            leftover = re.sub(r"[^\w]+|\d", "", rest)
            if _EVENT_REFERENCE.search(text, line_start, found.start):
                continue  # "Attaque du 7 octobre 2023 : …" names an event, not the publication
            wire = context.wire_dateline(
                text[line_start : found.start],
                text[found.end : line_end if line_end >= 0 else len(text)],
                ctx.span(line_start, found.start).text,
            )
            if len(leftover) <= DATELINE_OTHER_LETTERS or wire or context.publication_line(line):
                try:
                    return _dt.date(p.year, p.month, p.day)
                except ValueError:
                    continue
        return None

    def extract(self, ctx: ExtractionContext) -> list[TimeExpression]:
        """Every date mention of the text, resolved in text order.

        Anaphoric mentions ("la veille", "un jour plus tôt") count from the
        date the text last established. Two refinements keep that anchor on
        the story: a date that only says when something was *reported*
        ("a déclaré mardi") does not become the anchor, and a clock time or a
        part of day alone ("vers 23h", "dans la soirée") ignores background
        dates more than :data:`RECENT_DAYS` days before the reference date.
        """
        resolver = Resolver(ctx.reference_date)
        text = ctx.text
        out: list[TimeExpression] = []
        anchors = _Anchors(ctx.reference_date)
        sentence_starts = [sentence.start for sentence in ctx.sentences]
        interval_start: Resolution | None = None
        interval_start_at = -1
        resolved: list[relative.Resolved] = []
        deferred: list[tuple[int, _Found, int]] = []  # event-relative mentions: (index in out, found, sentence)
        for found in self._find(text):
            parts = found.parts
            # only a month alone can be a first name: the span is built for those only
            if parts.month is not None and parts.day is None and parts.year is None and context.month_is_a_name(
                ctx.original, ctx.span(found.start, found.end), parts
            ):
                continue
            sentence = max(0, bisect.bisect_right(sentence_starts, found.start) - 1)
            if _counts_from_event(text, found, parts):
                if text.startswith("a", found.start) and parts.offset < 0:
                    continue  # "à la veille des élections": shortly before them, no day
                deferred.append((len(out), found, sentence))
                out.append(_expression(ctx, found, Resolution("XXXX-XX-XX", Granularity.DAY)))
                continue
            if parts.rule in ("bare_day", "night_bare"):
                base = anchors.for_bare_day(parts.day or 0)
                if base is None or not context.bare_day_ends(text, found.end, parts):
                    continue  # "le 16" is a day only in a text that has said its month
                parts = parts.but(relation=Relation.CALENDAR, year=base.year, month=base.month, day=base.day)
            if context.may_be_future(parts) and context.future_context(
                text, found.start, found.end, ctx.original if ctx.norm.is_identity else None
            ):
                parts = parts.but(future=True)
            weak = parts.rule in ("clock_alone", "part_of_day_alone")
            if weak:
                previous = anchors.for_weak(parts)
            elif parts.rule == "part_of_day_that" and parts.part_of_day is PartOfDay.NIGHT:
                previous = anchors.for_night()
            else:
                previous = anchors.last
            resolution = resolver.resolve(parts, previous)
            if parts.rule in ("bare_day", "night_bare") and anchors.last is not None:
                resolution = attrs.evolve(resolution, anchor=Anchor.PREVIOUS_DATE, anchor_value=anchors.last.isoformat())
            if parts.interval_role is IntervalRole.START:
                interval_start, interval_start_at = resolution, len(out)
            elif parts.interval_role is IntervalRole.END:
                if _ends_before_start(resolution, interval_start):
                    # "de samedi à lundi", "de novembre à février": the end comes after the start
                    resolution = resolver.resolve(_one_period_later(parts), anchors.last)
                elif _starts_long_before_end(resolution, interval_start) and 0 <= interval_start_at < len(out):
                    # "du 1er au mercredi 10 juillet": the start is in the end's month, not a year before
                    start = out[interval_start_at]
                    assert resolution.day_date is not None and start.month is not None and start.day is not None
                    year = resolution.day_date.year - (1 if start.month > resolution.day_date.month else 0)
                    moved = resolver.resolve(_parts_of(start).but(year=year))
                    out[interval_start_at] = attrs.evolve(start, value=moved.value, year=moved.year)
            out.append(_expression(ctx, found, resolution))
            # reporting dates ("a déclaré mardi") and interval bounds ("depuis le 12 janvier") are not the story's date
            usable = (
                resolution.day_date is not None
                and parts.interval_role is None
                and not context.reported_at(text, found.start)
            )
            resolved.append(relative.Resolved(found.start, found.end, sentence, resolution.day_date, usable))
            if usable:
                assert resolution.day_date is not None
                anchors.update(resolution.day_date, sentence, parts.part_of_day is PartOfDay.NIGHT, parts.hour)
        for index, found, sentence in deferred:
            out[index] = self._from_event(ctx, found, sentence, resolved, resolver)
        return out

    def _from_event(
        self, ctx: ExtractionContext, found: _Found, sentence: int, resolved: list[relative.Resolved],
        resolver: Resolver,
    ) -> TimeExpression:
        """An event-relative mention, resolved from the event's date (:mod:`milinc.dates.relative`)."""
        sentences = ctx.sentences
        sentence_end = sentences[sentence].end if sentence < len(sentences) else len(ctx.text)
        parts = found.parts
        ref = ctx.reference_date
        for event in relative.event_dates(
            ctx.text, found.start, found.end, sentence, resolved, sentence_end, ctx.sentence_at
        ):
            counted = parts.but(relation=Relation.PREVIOUS, offset=0 if event.restated else parts.offset)
            resolution = resolver.resolve(counted, event.day)
            if ref is not None and resolution.day_date is not None and resolution.day_date > ref:
                continue  # never after the publication date: that date was not the event's
            if not event.restated:
                resolution = attrs.evolve(resolution, anchor=Anchor.EVENT)
            return _expression(ctx, _Found(found.start, found.end, parts), resolution)
        return _expression(ctx, _Found(found.start, found.end, parts), Resolution("XXXX-XX-XX", Granularity.DAY))

    # ------------------------------------------------------------ matching
    def parse_phrase(self, text: str) -> list[DateParts]:
        """The partial dates of a short normalized phrase (for tests and explanations)."""
        return [f.parts for f in self._find(text)]

    def _find(self, text: str, *, end: int | None = None) -> Iterator[_Found]:
        for match in self.matcher.finditer(text, end=end):
            mentions = match.value if isinstance(match.value, list) else [match.value]
            if any(p.rule == "year_range" for p in mentions) and context.counts_something(text, match.start, match.end):
                continue  # "de 1000 à 1500 combattants"
            for parts in mentions:
                start, stop = match.start + parts.start, match.start + parts.end
                if parts.rule == "weekday_day" and text[stop - 1].isdigit() and context.count_follows(text, stop):
                    # "mardi 2 drones ont été abattus": the number counts drones, the day is "mardi"
                    weekday = _WEEKDAY_WORD.search(text, start, stop)
                    if weekday is None:
                        continue
                    parts, stop = parts.but(day=None, rule="weekday"), weekday.end()
                if stop <= start or not context.plausible(text, start, stop, parts):
                    continue
                if text.startswith(("tot", "tard"), start) and text.endswith("plus ", 0, start):
                    start -= 5  # "plus tôt dans la journée": "plus" belongs to the phrase
                yield _Found(start, stop, parts)


def _ends_before_start(end: Resolution, start: Resolution | None) -> bool:
    if start is None or end.anchor is Anchor.NONE:
        return False  # an explicit date is kept as written
    if end.day_date is not None and start.day_date is not None:
        return end.day_date < start.day_date
    if end.granularity is Granularity.MONTH and start.granularity is Granularity.MONTH:
        return (end.year or 0, end.month or 0) < (start.year or 0, start.month or 0)
    return False


def _one_period_later(parts: DateParts) -> DateParts:
    """The same weekday a week later, the same month a year later."""
    if parts.weekday is not None and parts.day is None:
        return parts.but(shift_days=parts.shift_days + 7)
    return parts.but(future=True)


_EVENT_WORDS = re.compile(r"(?:lendemain|surlendemain|veille|apres|avant)$")


def _counts_from_event(text: str, found: _Found, parts: DateParts) -> bool:
    """Whether an anaphoric phrase counts from an event named after it ("au lendemain de l'offensive",
    "trois jours après l'attaque", "un jour après que …") rather than from a date."""
    if parts.relation is not Relation.PREVIOUS or parts.rule not in ("anaphoric", "anaphoric_shift"):
        return False
    if not _EVENT_WORDS.search(text, found.start, found.end):
        return False
    if parts.rule == "anaphoric_shift":
        return context.after_event(text, found.start, found.end)
    return relative.is_event_relative(text, found.end)


def _starts_long_before_end(end: Resolution, start: Resolution | None) -> bool:
    """Whether a range's start, given without its year, fell a year before its end ("du 1er au mercredi 10 juillet")."""
    if start is None or start.day_date is None or end.day_date is None or start.anchor is Anchor.NONE:
        return False
    return (end.day_date - start.day_date).days > 62


def _parts_of(d: TimeExpression) -> DateParts:
    """The calendar parts of a resolved day (to resolve it again in another year)."""
    return DateParts(0, 0, rule=d.rule or "", month=d.month, day=d.day, hour=d.hour, minute=d.minute,
                     part_of_day=d.part_of_day)


def _expression(ctx: ExtractionContext, found: _Found, r: Resolution) -> TimeExpression:
    p = found.parts
    relative = p.relation is not Relation.CALENDAR or (r.anchor is not Anchor.NONE and p.year is None)
    hour, minute = (p.hour, p.minute) if p.hour is not None else (None, None)
    return TimeExpression(
        span=ctx.span(found.start, found.end),
        value=r.value,
        granularity=r.granularity,
        year=r.year,
        month=r.month,
        day=r.day,
        hour=hour,
        minute=minute,
        weekday=p.weekday,
        part_of_day=p.part_of_day if r.granularity is Granularity.PART_OF_DAY else None,
        relative=relative,
        anchor=r.anchor,
        anchor_value=r.anchor_value,
        modifier=p.modifier,
        interval_role=p.interval_role,
        conflict=r.conflict,
        rule=p.rule or None,
    )


def _end_of_top_lines(text: str, lines: int) -> int:
    seen = 0
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        if text[pos:nl].strip():
            seen += 1
            if seen >= lines:
                return nl
        pos = nl + 1
    return len(text)
