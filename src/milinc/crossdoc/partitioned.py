"""Merging in independent pieces (for Dask, or any map-reduce): the same incidents as the serial sweep.

The serial sweep (:func:`milinc.merge_incidents`) links every pair of candidate reports
(:func:`.blocking.are_candidates`) whose comparison links them, then splits the linked groups. Here the
same links are found piece by piece:

1. each report goes to every *time partition* (:data:`DEFAULT_PARTITION_DAYS` days long) its
   interval touches (:func:`partitions_of`);
2. each partition links its candidate pairs, but keeps only the pairs it *owns*: those whose later
   start falls in it (:func:`link_partition`), so that every pair is linked exactly once, whatever
   partition its two reports share;
3. the links give the groups (:func:`group_roots`, a union-find over the links only);
4. each group is split and reconciled by itself (:func:`finish_group`).

Two candidate reports always meet in the partition that owns them: the later start lies in both
intervals. The word weights are counted over the whole corpus first (:func:`count_terms`), as the
serial form does, so every comparison gives the same score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .blocking import ActiveWindow
from .clustering import Edge, split_group
from .matching import compare
from .model import MergedIncident
from .reconcile import reconcile
from .reports import IncidentReport
from .terms import TermWeights
from .timing import DAY

__all__ = [
    "DEFAULT_PARTITION_DAYS",
    "count_terms",
    "finish_group",
    "group_roots",
    "link_partition",
    "merge_partitioned",
    "partitions_of",
]

DEFAULT_PARTITION_DAYS = 7
"""How many days one time partition covers (reports spanning several are in each)."""


def partitions_of(report: IncidentReport, days: int = DEFAULT_PARTITION_DAYS) -> range:
    """The time partitions *report*'s interval touches (none when it has no interval)."""
    if report.interval is None:
        return range(0)
    size = days * DAY
    start, end = report.interval
    return range(start // size, (end - 1) // size + 1)


def count_terms(reports: Iterable[IncidentReport]) -> tuple[Counter[str], int]:
    """Document frequencies of the reports' words and the number of documents (a document's reports
    must come together: they do when a partition of parse results is turned into reports)."""
    per_document: dict[str, set[str]] = {}
    for report in reports:
        per_document.setdefault(report.document, set()).update(report.terms)
    frequencies: Counter[str] = Counter()
    for words in per_document.values():
        frequencies.update(words)
    return frequencies, len(per_document)


def link_partition(
    partition: int, reports: Iterable[IncidentReport], weights: TermWeights | None, days: int = DEFAULT_PARTITION_DAYS
) -> list[Edge]:
    """The links among *reports* (those of one partition) that this partition owns."""
    from . import sweep_order

    size = days * DAY
    window = ActiveWindow()
    edges: list[Edge] = []
    for report in sorted(reports, key=sweep_order):
        assert report.interval is not None
        window.expire(report.interval[0])
        owned = report.interval[0] // size == partition  # the later start of each pair is this report's
        if owned:
            for other in window.candidates(report):
                verdict = compare(other, report, weights)
                if verdict.linked:
                    a, b = sorted((other.key, report.key))
                    edges.append((verdict.score, a, b, verdict))
        window.add(report)
    return edges


def group_roots(edges: Iterable[Edge]) -> dict[str, str]:
    """Each linked report's group, named by its smallest key (reports absent are groups of their own)."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for _, a, b, _verdict in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {key: root(key) for key in parent}


def finish_group(
    reports: Sequence[IncidentReport], edges: Sequence[Edge], weights: TermWeights | None
) -> list[MergedIncident]:
    """The incidents of one group: split where its reports contradict, slots reconciled."""
    return [reconcile(members, links) for members, links in split_group(reports, edges, weights)]


def merge_partitioned(
    reports: Sequence[IncidentReport], days: int = DEFAULT_PARTITION_DAYS
) -> list[MergedIncident]:
    """The partitioned algorithm run in this process (what the Dask form distributes): the same
    incidents as :func:`milinc.merge_incidents`, in its order."""
    from . import incident_order

    frequencies, documents = count_terms(reports)
    weights = TermWeights(frequencies, documents)
    by_partition: dict[int, list[IncidentReport]] = {}
    for report in reports:
        for partition in partitions_of(report, days):
            by_partition.setdefault(partition, []).append(report)
    edges = [e for p, members in by_partition.items() for e in link_partition(p, members, weights, days)]
    roots = group_roots(edges)
    groups: dict[str, list[IncidentReport]] = {}
    for report in reports:
        groups.setdefault(roots.get(report.key, report.key), []).append(report)
    group_edges: dict[str, list[Edge]] = {}
    for edge in edges:
        group_edges.setdefault(roots[edge[1]], []).append(edge)
    incidents = [i for root, members in groups.items() for i in finish_group(members, group_edges.get(root, []), weights)]
    return sorted(incidents, key=incident_order)
