"""The parse pipeline and its explicit stages.

1. check the input;
2. normalize a copy of the text, with an offset map (:mod:`milinc.normalize`);
3. split it into sentences (:mod:`milinc.segment`);
4. establish the reference date (given, or from a dateline);
5. grammar parsing and resolution, one dimension at a time: dates
   (:mod:`milinc.dates`), weapons (:mod:`milinc.weapons`), quantities
   (:mod:`milinc.quantities`) — each later one knows what the earlier ones took;
6. event assembly (:mod:`milinc.events`);
7. plugin post-processing.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from . import budget
from .context import ExtractionContext
from .errors import InputTooLargeError
from .extensions import NO_EXTENSIONS, Extensions
from .ontology import Document, Quantity, ReferenceDateSource, Weapon
from .reference_dates import as_reference_date

__all__ = ["DEFAULT_MAX_CHARS", "ExtractionContext", "Parser", "link_counts"]

DEFAULT_MAX_CHARS = 20_000_000
"""Texts longer than this many characters are refused (``InputTooLargeError``)."""


class Parser:
    """A reusable parser: compiled grammars for one set of plugins.

    ``milinc.parse`` uses a shared default parser; build your own to use
    plugins (``Parser(plugins=[...])``) or another input limit.
    """

    def __init__(
        self,
        *,
        plugins: Iterable[Any] | None = None,
        discover: bool = True,
        max_chars: int = DEFAULT_MAX_CHARS,
        time_budget: float | None = None,
    ) -> None:
        from . import dates, events, quantities, weapons
        from .plugins import build_extensions

        self.max_chars = max_chars
        """Longest text accepted, in characters (longer ones raise ``InputTooLargeError``)."""
        self.time_budget = budget._valid(time_budget)
        """Seconds one parse may take, or ``None``: past it, :meth:`parse` raises
        :class:`~milinc.budget.TimeBudgetExceeded` (see :mod:`milinc.budget`)."""
        self.extensions: Extensions = (
            build_extensions(plugins, discover=discover) if (plugins or discover) else NO_EXTENSIONS
        )
        """What the plugins add to the grammars and lexicons."""
        ext = self.extensions
        # Extractors hold only compiled, read-only state: parsers with the same plugin set share them.
        self._dates = ext.memo("dates.extractor", lambda: dates.DateExtractor(ext))
        self._weapons = ext.memo("weapons.extractor", lambda: weapons.WeaponExtractor(ext))
        self._quantities = ext.memo("quantities.extractor", lambda: quantities.QuantityExtractor(ext))
        self._events = ext.memo("events.extractor", lambda: events.EventAssembler(ext))

    def parse(
        self,
        text: str,
        *,
        reference_date: _dt.date | _dt.datetime | str | None = None,
        time_budget: float | None = None,
    ) -> Document:
        """Parse *text* into a :class:`~milinc.ontology.Document`.

        Args:
            text: the article, as ``str``.
            reference_date: its publication date (a ``date``, a ``datetime`` or
                an ISO 8601 string: :func:`milinc.reference_dates.as_reference_date`);
                when ``None``, a dateline in the text is used if there is one,
                else relative dates stay unresolved.
            time_budget: seconds this parse may take (default: the parser's
                ``time_budget``); ``None`` for no limit.

        Raises:
            TypeError: *text* is not a ``str`` or *reference_date* not a date, datetime or string.
            InvalidInputError: *reference_date* is a string that is not a date.
            InputTooLargeError: *text* is longer than ``max_chars``.
            TimeBudgetExceeded: the parse took longer than its time budget.
        """
        seconds = budget._valid(time_budget) if time_budget is not None else self.time_budget
        if seconds is None:
            return self._parse(text, reference_date)
        with budget.time_budget(seconds):
            return self._parse(text, reference_date)

    def _parse(self, text: str, reference_date: _dt.date | _dt.datetime | str | None) -> Document:
        if not isinstance(text, str):
            raise TypeError(f"milinc.parse expects text as str, got {type(text).__name__}"
                            + (" (decode bytes first, e.g. data.decode('utf-8'))"
                               if isinstance(text, (bytes, bytearray)) else ""))
        reference_date = as_reference_date(reference_date)  # a datetime or an ISO string too, as parse_many takes
        if len(text) > self.max_chars:
            raise InputTooLargeError(len(text), self.max_chars)
        if not text.strip():
            source = ReferenceDateSource.GIVEN if reference_date else ReferenceDateSource.NONE
            return Document(text=text, reference_date=reference_date, reference_date_source=source)

        ctx = ExtractionContext.for_text(text, reference_date)
        if ctx.reference_date is None:
            found = self._dates.find_reference_date(ctx)
            if found is not None:
                ctx.reference_date = found
                ctx.reference_date_source = ReferenceDateSource.DATELINE
        ctx.dates = list(self._dates.extract(ctx))
        budget.check("dates")
        ctx.weapons = list(self._weapons.extract(ctx))
        budget.check("weapons")
        ctx.quantities = list(self._quantities.extract(ctx))
        budget.check("quantities")
        ctx.weapons = link_counts(ctx.weapons, ctx.quantities)
        ctx.events = list(self._events.extract(ctx))
        budget.check("events")
        doc = Document(
            text=text,
            reference_date=ctx.reference_date,
            reference_date_source=ctx.reference_date_source,
            dates=tuple(_in_order(ctx.dates)),
            quantities=tuple(_in_order(ctx.quantities)),
            weapons=tuple(_in_order(ctx.weapons)),
            events=tuple(ctx.events),
        )
        for post in self.extensions.postprocessors:
            doc = post(doc)
        return doc


def link_counts(weapons: Sequence[Weapon], quantities: Sequence[Quantity]) -> list[Weapon]:
    """Give each weapon the count of the quantity that governs it ("deux roquettes de type Katyusha").

    A quantity governs a weapon when the weapon mention starts inside the
    quantity's span (the counted noun is the weapon's head noun).
    """
    if not quantities:
        return list(weapons)
    by_start = sorted(quantities, key=lambda q: q.span.start)
    starts = [q.span.start for q in by_start]
    out: list[Weapon] = []
    for w in weapons:
        i = bisect.bisect_right(starts, w.span.start) - 1
        q = by_start[i] if i >= 0 else None
        if q is not None and q.value is not None and w.count is None and q.span.start < w.span.start < q.span.end:
            w = attrs.evolve(w, count=q.value)
        out.append(w)
    return out


def _in_order(items: Sequence[Any]) -> list[Any]:
    return sorted(items, key=lambda x: (x.span.start, x.span.end))
