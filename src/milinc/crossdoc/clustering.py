"""From links between reports to incidents: connected groups, split where their reports contradict.

Linked reports (see :mod:`.matching`) form connected groups as the sweep goes (:class:`LinkSweep`).
A group is final once none of its reports is still open: no report to come can link to it, so it is
handed on at once, and the memory holds the open window only.

Links chain: A links B and B links C although A and C contradict (two attacks in two towns of one
province, and a report naming only the province). Each final group is therefore split by
:func:`split_group`: links are taken from the strongest down, and two clusters join only when no
pair across them is vetoed or scores below zero, and no document would appear twice. One veto is
forgiven: two dates that do not overlap ("samedi", "dimanche") when a third report of the cluster
dates the incident to a night or a day that overlaps both. The result depends only on the group's
reports, not on the order they came in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from attrs import define, field

from .blocking import ActiveWindow
from .matching import PairVerdict, compare
from .model import Link
from .reports import IncidentReport
from .terms import TermWeights
from .timing import DAY, HOUR, overlap

__all__ = ["Edge", "LinkSweep", "split_group"]

Edge = tuple[float, str, str, PairVerdict]
"""A link: score, the two reports' keys (in order), the comparison."""

MIN_CROSS_SCORE = 0.0
"""Two clusters join only if every pair across them scores at least this (and none is vetoed)."""
BRIDGE_WIDTH = DAY + 15 * HOUR
"""The widest date that bridges two dates that do not overlap (a day, or a night across midnight)."""


@define
class _Group:
    reports: list[IncidentReport] = field(factory=list)
    edges: list[Edge] = field(factory=list)
    open: int = 0


class LinkSweep:
    """Links reports fed in order of their interval's start; yields groups as they become final."""

    def __init__(self, weights: TermWeights | None = None) -> None:
        """An empty sweep; *weights* are the corpus's word weights (see :mod:`.terms`), if known."""
        self.weights = weights
        """The word weights every comparison uses."""
        self._window = ActiveWindow()
        self._parent: dict[str, str] = {}
        self._groups: dict[str, _Group] = {}
        self._last_start: int | None = None
        self.comparisons = 0
        """How many pairs were compared (for measurements)."""

    @property
    def open_reports(self) -> int:
        """How many reports are open now (the window the memory holds)."""
        return len(self._window)

    def _root(self, key: str) -> str:
        parent = self._parent
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    def _union(self, a: str, b: str, edge: Edge) -> None:
        ra, rb = self._root(a), self._root(b)
        if ra == rb:
            self._groups[ra].edges.append(edge)
            return
        ga, gb = self._groups[ra], self._groups[rb]
        if len(ga.reports) < len(gb.reports):
            ra, rb, ga, gb = rb, ra, gb, ga
        self._parent[rb] = ra
        ga.reports.extend(gb.reports)
        ga.edges.extend(gb.edges)
        ga.edges.append(edge)
        ga.open += gb.open
        del self._groups[rb]

    def _close(self, reports: Sequence[IncidentReport]) -> Iterator[_Group]:
        for report in reports:
            root = self._root(report.key)
            group = self._groups[root]
            group.open -= 1
            if group.open == 0:
                del self._groups[root]
                for member in group.reports:
                    del self._parent[member.key]
                yield group

    def add(self, report: IncidentReport) -> Iterator[tuple[list[IncidentReport], list[Edge]]]:
        """Link *report* to the open reports; yield the groups that became final before it.

        A report without an interval (no date, no publication date) is a group of its own. A report
        that starts before the previous one (input not in order) is still compared with the open
        reports, but not with those already closed.
        """
        if report.interval is None:
            yield [report], []
            return
        if report.key in self._parent:
            raise ValueError(f"report {report.key} given twice (document ids must be unique)")
        start = report.interval[0]
        if self._last_start is None or start >= self._last_start:
            self._last_start = start
            for group in self._close(self._window.expire(start)):
                yield group.reports, group.edges
        key = report.key
        self._parent[key] = key
        self._groups[key] = _Group([report], [], 1)
        for other in list(self._window.candidates(report)):
            self.comparisons += 1
            verdict = compare(other, report, self.weights)
            if verdict.linked:
                a, b = sorted((other.key, key))
                self._union(other.key, key, (verdict.score, a, b, verdict))
        self._window.add(report)

    def finish(self) -> Iterator[tuple[list[IncidentReport], list[Edge]]]:
        """Close every open report and yield the remaining groups."""
        for group in self._close(self._window.drain()):
            yield group.reports, group.edges


def _bridged(a: IncidentReport, b: IncidentReport, cluster: Sequence[IncidentReport]) -> bool:
    """Whether a third report's date, a day or a night at most, overlaps both *a*'s and *b*'s: "samedi"
    and "dimanche" are one night when another report says "dans la nuit de samedi à dimanche"."""
    if a.interval is None or b.interval is None:
        return False
    for c in cluster:
        if c is a or c is b or not c.dated or c.interval is None:
            continue
        if c.interval[1] - c.interval[0] <= BRIDGE_WIDTH and overlap(c.interval, a.interval) and overlap(
            c.interval, b.interval
        ):
            return True
    return False


def split_group(
    reports: Sequence[IncidentReport], edges: Sequence[Edge], weights: TermWeights | None = None
) -> list[tuple[list[IncidentReport], list[Link]]]:
    """Split a connected group into incidents whose reports do not contradict (see the module docstring).

    Returns:
        Each incident's reports (sorted by key) and the links that joined them.
    """
    by_key = {r.key: r for r in reports}
    if len(reports) == 1:
        return [([reports[0]], [])]
    parent = {key: key for key in by_key}
    members: dict[str, list[str]] = {key: [key] for key in by_key}
    links: dict[str, list[Link]] = {key: [] for key in by_key}
    verdicts: dict[tuple[str, str], PairVerdict] = {(e[1], e[2]): e[3] for e in edges}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def verdict(a: str, b: str) -> PairVerdict:
        pair = (a, b) if a < b else (b, a)
        found = verdicts.get(pair)
        if found is None:
            found = verdicts[pair] = compare(by_key[pair[0]], by_key[pair[1]], weights)
        return found

    def compatible(ra: str, rb: str) -> bool:
        docs_a = {by_key[k].document for k in members[ra]}
        if any(by_key[k].document in docs_a for k in members[rb]):
            return False
        union = members[ra] + members[rb]
        for a in members[ra]:
            for b in members[rb]:
                found = verdict(a, b)
                if found.score < MIN_CROSS_SCORE:
                    return False
                if found.veto is not None and not (
                    found.veto_slot == "date" and _bridged(by_key[a], by_key[b], [by_key[k] for k in union])
                ):
                    return False
        return True

    for score, a, b, found in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ra, rb = root(a), root(b)
        if ra == rb or not compatible(ra, rb):
            continue
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
        links[ra].extend(links.pop(rb))
        links[ra].append(Link(a, b, score, found.reasons))
    out = []
    for key in sorted(members):
        keys = sorted(members[key])
        out.append(([by_key[k] for k in keys], links[key]))
    return out
