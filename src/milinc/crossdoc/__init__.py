"""Cross-document merging: one row per real-world incident across a corpus.

A deadly attack is told by ten outlets over three days, with a toll that rises from 43 to 110; parsed
article by article it gives ten incident rows. :func:`merge_incidents` turns the events of many
parsed documents into :class:`MergedIncident` objects, one per incident, each with its members (the
reports: document id, event number, trigger span) and slots reconciled across them (date, place,
country, type, actors, low/best/high tolls, sources, conflicts).

The stages, each in its module:

1. :mod:`.reports` turns each event into a compact :class:`IncidentReport` (documents are not kept);
2. :mod:`.blocking` chooses which reports are compared (overlapping times, same country or near);
3. :mod:`.matching` scores a pair and says why (:func:`compare`);
4. :mod:`.clustering` links reports in a sweep over time and splits groups whose reports contradict;
5. :mod:`.reconcile` gives each incident its slots; :mod:`.output` writes them, :mod:`.acled` as
   ACLED's table.

:mod:`.partitioned` runs the same merge in independent time partitions (the Dask form), and
:mod:`.streaming` over a corpus in order of publication in bounded memory (:func:`merge_stream`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .clustering import LinkSweep, split_group
from .matching import LINK_SCORE, PairVerdict, compare
from .model import Conflict, ConflictValue, Link, Member, MergedIncident, SlotChoice, Toll
from .reconcile import reconcile
from .reports import IncidentReport, reports_from, reports_of
from .streaming import StreamMerger, merge_stream
from .terms import TermWeights
from .timing import interval_of

__all__ = [
    "LINK_SCORE",
    "Conflict",
    "ConflictValue",
    "IncidentReport",
    "Link",
    "Member",
    "MergedIncident",
    "PairVerdict",
    "SlotChoice",
    "StreamMerger",
    "TermWeights",
    "Toll",
    "compare",
    "incident_order",
    "iter_merged_incidents",
    "merge_incidents",
    "merge_stream",
    "reports_from",
    "reports_of",
    "sweep_order",
]


def sweep_order(report: IncidentReport) -> tuple[int, int, str, int]:
    """The order reports are swept in: the start of their interval (reports without one last), then id."""
    if report.interval is None:
        return (1, 0, report.document, report.event)
    return (0, report.interval[0], report.document, report.event)


def incident_order(incident: MergedIncident) -> tuple[int, int, str]:
    """The order :func:`merge_incidents` returns incidents in: by date (undated last), then id."""
    found = interval_of(incident.date) if incident.date else None
    if found is None:
        return (1, 0, incident.id)
    return (0, found[0], incident.id)


def _incidents(
    groups: Iterable[tuple[list[IncidentReport], list[Any]]], weights: TermWeights | None
) -> Iterator[MergedIncident]:
    for reports, edges in groups:
        for members, links in split_group(reports, edges, weights):
            yield reconcile(members, links)


def iter_merged_incidents(
    reports: Iterable[IncidentReport], *, weights: TermWeights | None = None
) -> Iterator[MergedIncident]:
    """Merge reports that come in sweep order, yielding each incident as soon as it is final.

    Memory holds the reports whose time is still open (about the reporting of the longest
    interval: a week for undated reports), not the corpus. Reports must come sorted by
    :func:`sweep_order` (the start of their incident's time): one that comes earlier than the
    previous one is still compared with the open reports but not with those already closed.

    Args:
        reports: :class:`IncidentReport` objects (see :func:`reports_from`), in sweep order.
        weights: word weights counted over the corpus (:meth:`TermWeights.count`); without them
            the words two reports share count nothing (see :mod:`.terms`).

    Yields:
        Merged incidents, in the order they become final.
    """
    sweep = LinkSweep(weights)

    def groups() -> Iterator[tuple[list[IncidentReport], list[Any]]]:
        for report in reports:
            yield from sweep.add(report)
        yield from sweep.finish()

    yield from _incidents(groups(), weights)


def merge_incidents(parsed: Iterable[Any]) -> list[MergedIncident]:
    """Merge the events of many parsed documents into one incident per real-world incident.

    >>> import milinc
    >>> texts = [
    ...     {"id": "a", "text": "Samedi, une attaque contre le camp de Djibo a tué 43 soldats.",
    ...      "reference_date": "2024-03-10", "outlet": "AFP"},
    ...     {"id": "b", "text": "Le bilan de l'attaque de samedi à Djibo est passé à 110 morts.",
    ...      "reference_date": "2024-03-12", "outlet": "RFI"},
    ... ]
    >>> [incident] = milinc.merge_incidents(milinc.parse_records(texts))
    >>> [m.document for m in incident.members], incident.date, incident.sources
    (['a', 'b'], '2024-03-09', ('AFP', 'RFI'))
    >>> incident.killed
    Toll(low=43, best=110, high=110, reports=2)

    Args:
        parsed: ``(id, Document)`` pairs as :func:`milinc.parse_records` yields (error records are
            skipped), documents, lines of a saved document stream (``milinc parse --format jsonl``,
            as dicts) or :class:`IncidentReport` objects; in any order.

    Returns:
        The merged incidents, by date (undated last), then id. Only the compact reports of the
        corpus are held (sorted by time), not its documents; for input already in time order,
        :func:`iter_merged_incidents` holds only the open window.

    Raises:
        ValueError: two events with one id (two documents with one id).
        TypeError: an item of an unsupported kind.
    """
    reports = sorted(reports_from(parsed), key=sweep_order)
    seen: set[str] = set()
    for report in reports:
        if report.key in seen:
            raise ValueError(f"event {report.key} given twice: document ids must be unique")
        seen.add(report.key)
    weights = TermWeights.count((r.document, r.terms) for r in reports)
    return sorted(iter_merged_incidents(reports, weights=weights), key=incident_order)

