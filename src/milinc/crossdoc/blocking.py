"""Which reports are compared at all: those whose times overlap and whose places can be near.

Comparing every report with every other grows with the square of a corpus. Reports are instead swept
in order of the earliest time their incident can have (the start of their interval, see
:mod:`.timing`), and each is compared only with the *active* reports, those whose interval has not
ended before it starts. Among them, only reports of the same country, reports without a country,
and reports close on the map (neighbouring one-degree cells: an incident that straddles a border)
are candidates. Time windows are therefore never cut at a day, a week or a border: two reports are
candidates exactly when :func:`are_candidates` says so, whatever the order they come in.

The cost is the number of reports times the number of active reports of one country: linear in the
corpus for a given density of reporting, and the memory is the active window, not the corpus.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterator

from .reports import IncidentReport
from .timing import Interval, overlap

__all__ = ["ActiveWindow", "are_candidates", "cell_of", "country_of"]

Cell = tuple[int, int]


def country_of(report: IncidentReport) -> str | None:
    """The report's country: the event's, else its place's."""
    if report.country:
        return report.country
    return report.place.country if report.place is not None else None


def cell_of(report: IncidentReport) -> Cell | None:
    """The one-degree cell of the report's place, when it has coordinates."""
    place = report.place
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return math.floor(place.latitude), math.floor(place.longitude)


def _near_cells(a: Cell, b: Cell) -> bool:
    return abs(a[0] - b[0]) <= 1 and abs(a[1] - b[1]) <= 1


def are_candidates(a: IncidentReport, b: IncidentReport) -> bool:
    """Whether two reports are compared: overlapping times, and a country in common, or one without
    a country, or neighbouring map cells."""
    if a.interval is None or b.interval is None or not overlap(a.interval, b.interval):
        return False
    country_a, country_b = country_of(a), country_of(b)
    if country_a is None or country_b is None or country_a == country_b:
        return True
    cell_a, cell_b = cell_of(a), cell_of(b)
    return cell_a is not None and cell_b is not None and _near_cells(cell_a, cell_b)


class ActiveWindow:
    """The reports whose time is still open, indexed by country and map cell."""

    def __init__(self) -> None:
        """An empty window."""
        self._by_country: dict[str | None, dict[str, IncidentReport]] = {}
        self._by_cell: dict[Cell, dict[str, IncidentReport]] = {}
        self._ends: list[tuple[int, str]] = []
        self._reports: dict[str, IncidentReport] = {}

    def __len__(self) -> int:
        return len(self._reports)

    def add(self, report: IncidentReport) -> None:
        """Open *report* (it must have an interval)."""
        interval: Interval | None = report.interval
        assert interval is not None
        key = report.key
        self._reports[key] = report
        self._by_country.setdefault(country_of(report), {})[key] = report
        cell = cell_of(report)
        if cell is not None:
            self._by_cell.setdefault(cell, {})[key] = report
        heapq.heappush(self._ends, (interval[1], key))

    def expire(self, before: int) -> list[IncidentReport]:
        """Close and return the reports whose interval ends at or before minute *before*."""
        closed = []
        while self._ends and self._ends[0][0] <= before:
            _, key = heapq.heappop(self._ends)
            report = self._reports.pop(key)
            bucket = self._by_country[country_of(report)]
            del bucket[key]
            if not bucket:
                del self._by_country[country_of(report)]
            cell = cell_of(report)
            if cell is not None:
                cell_bucket = self._by_cell[cell]
                del cell_bucket[key]
                if not cell_bucket:
                    del self._by_cell[cell]
            closed.append(report)
        return closed

    def drain(self) -> list[IncidentReport]:
        """Close and return every report still open."""
        return self.expire(2**62)

    def candidates(self, report: IncidentReport) -> Iterator[IncidentReport]:
        """The open reports :func:`are_candidates` pairs with *report*, each once."""
        country = country_of(report)
        if country is None:
            pools: list[dict[str, IncidentReport]] = list(self._by_country.values())
        else:
            pools = [p for p in (self._by_country.get(country), self._by_country.get(None)) if p]
        for pool in pools:
            for other in pool.values():
                if are_candidates(report, other):
                    yield other
        cell = cell_of(report)
        if country is None or cell is None:
            return
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                cell_pool = self._by_cell.get((cell[0] + dlat, cell[1] + dlon))
                if not cell_pool:
                    continue
                for other in cell_pool.values():
                    other_country = country_of(other)
                    # same-country and country-less reports came from the pools above
                    if other_country is not None and other_country != country and are_candidates(report, other):
                        yield other
