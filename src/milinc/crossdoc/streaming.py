"""Merging a corpus that comes in order of publication, holding a bounded window of it.

A news corpus is stored and read in order of publication; the sweep (:class:`.clustering.LinkSweep`)
needs reports in order of their incident's time. A report tells an incident of the days before its
publication, so a buffer of :data:`DEFAULT_MAX_DELAY_DAYS` days puts reports back in time order:
a report waits in the buffer until no report still to come can start before it, that is until the
latest publication seen is *max_delay_days* past its start. Memory holds that buffer and the open
window, not the corpus.

A report of an incident older than that (an attack recalled months later) comes *late*: it is still
compared with the reports of its time that are open, but not with those already merged, and
:attr:`StreamMerger.late` counts them. The default delay is the events stage's own horizon: an
incident dated more than 60 days before its article is background there, not an event.

Words weigh nothing here unless the caller gives weights (:class:`.terms.TermWeights`), since a
stream's document frequencies are not known before its end.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from typing import Any

from .clustering import LinkSweep, split_group
from .model import MergedIncident
from .reconcile import reconcile
from .reports import IncidentReport, reports_from
from .terms import TermWeights
from .timing import DAY, to_minutes

__all__ = ["DEFAULT_MAX_DELAY_DAYS", "StreamMerger", "merge_stream"]

DEFAULT_MAX_DELAY_DAYS = 60
"""How long after an incident's start its reports may still come and be merged with the others."""


class StreamMerger:
    """Feed it reports in order of publication; it yields incidents as they become final."""

    def __init__(self, *, max_delay_days: int = DEFAULT_MAX_DELAY_DAYS, weights: TermWeights | None = None) -> None:
        """An empty merger (see the module docstring for *max_delay_days* and *weights*)."""
        if max_delay_days < 0:
            raise ValueError(f"max_delay_days must be >= 0, got {max_delay_days}")
        self._delay = max_delay_days * DAY
        self._weights = weights
        self._sweep = LinkSweep(weights)
        self._buffer: list[tuple[tuple[int, int, str, int], int, IncidentReport]] = []
        self._order = 0
        self._latest: int | None = None
        self._swept: int | None = None
        self.late = 0
        """How many reports came after reports of later incidents were merged (see the module docstring)."""
        self.largest_buffer = 0
        """The most reports the buffer held at once."""

    def _incidents(self, groups: Iterable[tuple[list[IncidentReport], list[Any]]]) -> Iterator[MergedIncident]:
        for reports, edges in groups:
            for members, links in split_group(reports, edges, self._weights):
                yield reconcile(members, links)

    def _release(self, before: int | None) -> Iterator[MergedIncident]:
        while self._buffer and (before is None or self._buffer[0][0][1] < before):
            _, _, report = heapq.heappop(self._buffer)
            start = report.interval[0] if report.interval is not None else None
            if start is not None and self._swept is not None and start < self._swept:
                self.late += 1
            if start is not None:
                self._swept = max(start, self._swept or start)
            yield from self._incidents(self._sweep.add(report))

    def add(self, report: IncidentReport) -> Iterator[MergedIncident]:
        """Take one report (in order of publication); yield the incidents that became final."""
        from . import sweep_order

        if report.interval is None:  # no time at all: an incident of its own, at once
            yield from self._incidents([([report], [])])
            return
        if report.published is not None:
            published = to_minutes(report.published)
            self._latest = published if self._latest is None else max(self._latest, published)
        self._order += 1
        heapq.heappush(self._buffer, (sweep_order(report), self._order, report))
        self.largest_buffer = max(self.largest_buffer, len(self._buffer))
        if self._latest is not None:
            # every report still to come is published no earlier than the latest, so it starts no earlier
            # than max_delay_days before it: what starts before that can be swept, in order
            yield from self._release(self._latest - self._delay)

    def finish(self) -> Iterator[MergedIncident]:
        """Merge what is left; yield the last incidents."""
        yield from self._release(None)
        yield from self._incidents(self._sweep.finish())


def merge_stream(
    parsed: Iterable[Any], *, max_delay_days: int = DEFAULT_MAX_DELAY_DAYS, weights: TermWeights | None = None
) -> Iterator[MergedIncident]:
    """Merge parse results that come in order of publication, in bounded memory.

    Args:
        parsed: what :func:`milinc.merge_incidents` takes, in order of publication (a document's
            reference date); documents without one pass at once.
        max_delay_days: how long after an incident its reports may come (see the module docstring).
        weights: word weights, if known beforehand; without them words count nothing.

    Yields:
        Merged incidents, as they become final.
    """
    merger = StreamMerger(max_delay_days=max_delay_days, weights=weights)
    for report in reports_from(parsed):
        yield from merger.add(report)
    yield from merger.finish()

