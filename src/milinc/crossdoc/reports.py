"""One incident as one report tells it: what cross-document matching compares.

A parsed :class:`~milinc.ontology.Document` is turned into :class:`IncidentReport` objects, one per
event, holding only what matching and reconciling need (the trigger span, the date as an interval,
the place, the tolls, the actors, the outlet). The documents themselves are not kept: merging a
corpus holds its reports, not its texts.

:func:`reports_from` accepts what :func:`milinc.parse_records` yields (``(id, Document)`` and
``(id, ErrorRecord)`` pairs; errors are skipped), bare documents (their id is
``Document.metadata.id`` or their position), and the lines of a saved JSON Lines document stream
(``milinc parse --format jsonl``; dicts or :func:`milinc.export.read_documents_jsonl` pairs), so that
saved results merge again without parsing the articles again.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from attrs import Factory, field, frozen

from ..ontology import (
    Actor,
    Casualties,
    Document,
    Event,
    EventType,
    Modality,
    Place,
    Span,
    SubEventType,
    TimeExpression,
    WeaponCategory,
)
from .terms import event_terms
from .timing import Interval, interval_of, publication_window

__all__ = ["IncidentReport", "ReportActor", "report_key", "reports_from", "reports_of"]


@frozen
class ReportActor:
    """An attacker or target as a report names it."""

    text: str
    """The words of the text, on one line."""
    name: str | None = None
    """The canonical actor name, when the parser recognized one."""
    country: str | None = None
    """The actor's country, when known (state forces)."""
    inter: int | None = None
    """ACLED's actor type code, when the parser recognized the actor."""

    @classmethod
    def of(cls, actor: Actor | None) -> ReportActor | None:
        """The report's view of a parsed actor."""
        if actor is None:
            return None
        return cls(" ".join(actor.span.text.split()), actor.name, actor.country, actor.inter)

    @property
    def label(self) -> str:
        """The canonical name, else the words."""
        return self.name or self.text


@frozen
class IncidentReport:
    """One event of one document, as cross-document matching sees it."""

    document: str
    """The id of the document the event comes from."""
    event: int
    """The event's number in its document, from 1 (as in the incident table's ``event_id``)."""
    trigger: Span
    """The event's first trigger, in its document's text."""
    event_type: EventType
    """ACLED event type."""
    sub_event_type: SubEventType
    """ACLED sub-event type."""
    published: _dt.date | None
    """The document's reference (publication) date."""
    outlet: str | None
    """Who published the document (``Document.metadata.outlet``)."""
    date: TimeExpression | None
    """The event's own date, when the document gives one."""
    interval: Interval | None
    """The minutes the incident can lie in: its date's, or the days before publication when undated."""
    dated: bool
    """Whether *interval* comes from the event's own date."""
    place: Place | None
    """The event's place."""
    country: str | None
    """The event's country."""
    weapons: tuple[WeaponCategory, ...] = field(default=())
    """Weapon categories."""
    killed: Casualties | None = None
    """People killed, as the document says."""
    injured: Casualties | None = None
    """People injured."""
    attacker: ReportActor | None = None
    """Who attacked."""
    target: ReportActor | None = None
    """Who or what was targeted."""
    modality: Modality = Modality.ASSERTED
    """How the document commits to the incident."""
    terms: frozenset[str] = field(default=frozenset())
    """The content words of the sentences that tell the event (see :mod:`.terms`)."""
    key: str = field(init=False, default=Factory(lambda self: report_key(self.document, self.event), takes_self=True))
    """``<document>:<event>``: the event's id, as in the incident table."""


def report_key(document: str, event: int) -> str:
    """The id of event number *event* (from 1) of *document*."""
    return f"{document}:{event}"


def _interval(event: Event, published: _dt.date | None) -> tuple[Interval | None, bool]:
    if event.date is not None:
        modifier = event.date.modifier.value if event.date.modifier else None
        found = interval_of(event.date.value, modifier)
        if found is not None:
            return found, True
    if published is None:
        return None, False
    return publication_window(published), False


def reports_of(document_id: str, doc: Document) -> list[IncidentReport]:
    """The reports of one parsed document, one per event, in the document's order."""
    outlet = doc.metadata.outlet if doc.metadata is not None else None
    reports = []
    for number, event in enumerate(doc.events, 1):
        interval, dated = _interval(event, doc.reference_date)
        reports.append(
            IncidentReport(
                document=document_id,
                event=number,
                trigger=event.span,
                event_type=event.event_type,
                sub_event_type=event.sub_event_type,
                published=doc.reference_date,
                outlet=outlet,
                date=event.date,
                interval=interval,
                dated=dated,
                place=event.location,
                country=event.country,
                weapons=event.weapons,
                killed=event.killed,
                injured=event.injured,
                attacker=ReportActor.of(event.attacker),
                target=ReportActor.of(event.target),
                modality=event.modality,
                terms=event_terms(doc, event, whole_text=len(doc.events) == 1),
            )
        )
    return reports


def _from_line(line: Mapping[str, Any]) -> tuple[str, Any]:
    from ..export import result_from_line

    return result_from_line(line)


def reports_from(parsed: Iterable[Any]) -> Iterator[IncidentReport]:
    """Every event of *parsed* as a report, lazily, in input order.

    Args:
        parsed: ``(id, Document)`` or ``(id, ErrorRecord)`` pairs (what :func:`milinc.parse_records`
            yields; errors have no events and are skipped), documents (id: their
            ``metadata.id``, else their 0-based position), lines of a saved document stream
            (dicts as ``milinc parse --format jsonl`` writes them), or reports already built.

    Raises:
        TypeError: an item of another kind.
    """
    for position, item in enumerate(parsed):
        if isinstance(item, IncidentReport):
            yield item
            continue
        if isinstance(item, Mapping):
            item = _from_line(item)
        if isinstance(item, Document):
            doc_id = item.metadata.id if item.metadata is not None and item.metadata.id else str(position)
            yield from reports_of(doc_id, item)
        elif isinstance(item, tuple) and len(item) == 2:
            doc_id, result = item
            if isinstance(result, Document):
                yield from reports_of(str(doc_id), result)
            # an ErrorRecord has no incident: nothing to merge
        else:
            raise TypeError(
                f"cannot merge an item of type {type(item).__name__}: expected (id, Document) pairs, "
                "documents or saved document lines"
            )
