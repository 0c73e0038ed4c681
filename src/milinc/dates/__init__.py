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
from ..ontology import Anchor, Granularity, IntervalRole, PartOfDay, TimeExpression
from . import context
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
    recent: _dt.date | None = None
    recent_is_night: bool = False

    def update(self, day: _dt.date, sentence: int, night: bool) -> None:
        """Record *day* (a night when *night*), stated in *sentence*, as the date the text established."""
        self.last, self.last_sentence = day, sentence
        ref = self.reference_date
        if ref is None or (ref - day).days <= RECENT_DAYS:
            self.recent, self.recent_is_night = day, night

    def for_weak(self, parts: DateParts) -> _dt.date | None:
        """The anchor of a clock time or part of day alone.

        Night hours after a night are on its next day: "vers 1h10" after "la
        nuit de vendredi à samedi" is on the Saturday.
        """
        recent = self.recent
        if recent is not None and self.recent_is_night and parts.hour is not None and parts.hour < NIGHT_ENDS:
            return recent + _dt.timedelta(days=1) if recent < _dt.date.max else recent
        return recent


@attrs.frozen
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
        lark = engine.compile_grammar(source, transformer=self.transformer, lexicons={"date_anchors": anchors})
        pattern = re.compile(rf"\d+|(?<![^\W_]){engine.lexicon_regex(anchors)}")
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
        out: list[TimeExpression] = []
        anchors = _Anchors(ctx.reference_date)
        sentence_starts = [sentence.start for sentence in ctx.sentences]
        interval_start: Resolution | None = None
        for found in self._find(ctx.text):
            parts = found.parts
            # only a month alone can be a first name: the span is built for those only
            if parts.month is not None and parts.day is None and parts.year is None and context.month_is_a_name(
                ctx.original, ctx.span(found.start, found.end), parts
            ):
                continue
            sentence = max(0, bisect.bisect_right(sentence_starts, found.start) - 1)
            counts_from_event = parts.rule == "anaphoric_shift" and context.after_event(ctx.text, found.start, found.end)
            if counts_from_event and (anchors.last is None or anchors.last_sentence == sentence):
                parts = _after_event(parts, anchors.last is not None)
            if context.may_be_future(parts) and context.future_context(ctx.text, found.start, found.end, ctx.original if ctx.norm.is_identity else None):
                parts = parts.but(future=True)
            weak = parts.rule in ("clock_alone", "part_of_day_alone")
            resolution = resolver.resolve(parts, anchors.for_weak(parts) if weak else anchors.last)
            if parts.interval_role is IntervalRole.START:
                interval_start = resolution
            elif parts.interval_role is IntervalRole.END and _ends_before_start(resolution, interval_start):
                # "de samedi à lundi", "de novembre à février": the end comes after the start
                resolution = resolver.resolve(_one_period_later(parts), anchors.last)
            out.append(_expression(ctx, found, resolution))
            # reporting dates ("a déclaré mardi") and interval bounds ("depuis le 12 janvier") are not the story's date
            if (
                resolution.day_date is not None
                and parts.interval_role is None
                and not context.reported_at(ctx.text, found.start)
            ):
                anchors.update(resolution.day_date, sentence, parts.part_of_day is PartOfDay.NIGHT)
        return out

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


def _after_event(parts: DateParts, previous_in_sentence: bool) -> DateParts:
    """"un jour après que …", "trois jours après l'attaque" date the main clause from an event.

    When the sentence already states the main clause's date ("Le 5 mars, trois
    jours après l'attaque"), the phrase restates it; in a lede with no date
    before it, the main clause is the news of the reference day. Otherwise the
    phrase counts from the previous date, as any anaphoric date.
    """
    if previous_in_sentence:
        return parts.but(offset=0)
    return parts.but(relation=Relation.REFERENCE, offset=0)


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
