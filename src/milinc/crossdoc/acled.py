"""ACLED's table from merged incidents: one ACLED row per real-world incident.

The rows are :mod:`milinc.acled`'s, with ACLED's columns, meanings and values, built from each
incident's reconciled slots, with what merging adds:

- ``fatalities`` is the incident's **best** killed figure (the median of the latest reports' figures,
  see :mod:`milinc.crossdoc.reconcile`); ACLED's figure for a vague toll ("des dizaines" 12) when the
  reports give only vague ones; 0 when none gives any (``fatalities_known`` false);
  ``fatalities_low``/``fatalities_high`` are its low and high; ``injured`` likewise;
- ``source`` lists the outlets that reported it, in order of first report, joined by ``"; "`` as
  ACLED joins its sources;
- ``notes`` says how many reports, over which days, and each report's outlet and trigger;
- ``document_id`` is the incident's id (its first report's ``document:event``), the trigger columns
  are its first report's.

>>> import milinc
>>> from milinc.crossdoc.acled import merged_acled_rows
>>> texts = [
...     {"id": "a", "text": "Samedi, une attaque contre le camp de Djibo a tué 43 soldats.",
...      "reference_date": "2024-03-10"},
...     {"id": "b", "text": "Le bilan de l'attaque de samedi à Djibo est passé à 110 morts.",
...      "reference_date": "2024-03-12"},
... ]
>>> [row] = merged_acled_rows(milinc.merge_incidents(milinc.parse_records(texts)))
>>> row["event_date"], row["fatalities"], row["fatalities_low"], row["fatalities_high"]
('2024-03-09', 110, 43, 110)
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..acled import AcledCsvWriter, acled_rows
from ..export import OutputTarget, Row
from ..ontology import (
    Actor,
    ActorType,
    Casualties,
    Document,
    Event,
    Granularity,
    Metadata,
    Qualifier,
    Span,
    TimeExpression,
)
from .model import MergedIncident, Toll
from .reports import ReportActor

__all__ = ["SOURCE_SEPARATOR", "as_document", "merged_acled_rows", "write_merged_acled_csv"]

SOURCE_SEPARATOR = "; "
"""Joins the outlets of an incident in the ``source`` cell, as ACLED writes several sources."""

_NOTES_REPORTS = 10
"""At most this many reports are listed in ``notes``."""


def _granularity(value: str) -> Granularity:
    if "T" in value:
        return Granularity.PART_OF_DAY if value[-2:].isalpha() else Granularity.MINUTE
    if "-W" in value:
        return Granularity.DAY if value[-2:-1] == "-" and value[-1].isdigit() else Granularity.WEEK
    return {4: Granularity.YEAR, 7: Granularity.MONTH}.get(len(value), Granularity.DAY)


def _casualties(toll: Toll) -> Casualties | None:
    if not toll.known:
        return None
    value = toll.best if toll.best is not None else toll.low
    return Casualties(Qualifier.EXACT if toll.best is not None else Qualifier.VAGUE, value, toll.low, toll.high)


def _actor(actor: ReportActor | None, span: Span) -> Actor | None:
    if actor is None:
        return None
    return Actor(span, ActorType.UNKNOWN, name=actor.name, inter=actor.inter, country=actor.country)


def as_document(incident: MergedIncident) -> Document:
    """The incident as a one-event document, for writers of parsed documents (:mod:`milinc.acled`).

    The text is the first report's trigger, and every span of the event points to it; the outlets
    are the metadata's, joined by :data:`SOURCE_SEPARATOR`.
    """
    first = incident.members[0]
    span = Span(0, len(first.text), first.text)
    date = None
    if incident.date is not None:
        date = TimeExpression(span, incident.date, _granularity(incident.date), modifier=incident.date_modifier)
    event = Event(
        span=span,
        event_type=incident.event_type,
        sub_event_type=incident.sub_event_type,
        date=date,
        location=incident.location,
        country=incident.country,
        weapons=incident.weapons,
        killed=_casualties(incident.killed),
        injured=_casualties(incident.injured),
        attacker=_actor(incident.attacker, span),
        target=_actor(incident.target, span),
        modality=incident.modality,
        mentions=(span,),
    )
    outlets = SOURCE_SEPARATOR.join(incident.sources) or None
    return Document(text=first.text, events=(event,), metadata=Metadata(id=incident.id, outlet=outlets))


def _notes(incident: MergedIncident) -> str:
    span = ""
    if incident.first_report and incident.last_report:
        span = f", {incident.first_report}" + (
            f" to {incident.last_report}" if incident.last_report != incident.first_report else ""
        )
    told = "; ".join(
        f"{m.outlet or m.document}: {' '.join(m.text.split())}" for m in incident.members[:_NOTES_REPORTS]
    )
    more = f"; and {len(incident.members) - _NOTES_REPORTS} more" if len(incident.members) > _NOTES_REPORTS else ""
    return f"{len(incident.members)} report{'s' if len(incident.members) != 1 else ''}{span} ({told}{more})"


def merged_acled_rows(incidents: Iterable[MergedIncident]) -> list[Row]:
    """One ACLED row per merged incident (see the module docstring), in the incidents' order."""
    rows = []
    for incident in incidents:
        [row] = acled_rows(as_document(incident), incident.id)
        if incident.killed.best is not None:  # vague figures only: ACLED's conventions, as milinc.acled applies them
            row["fatalities"] = incident.killed.best
        row["fatalities_known"] = incident.killed.known
        row["fatalities_low"], row["fatalities_high"] = incident.killed.low, incident.killed.high
        row["injured"] = incident.injured.best
        row["injured_low"], row["injured_high"] = incident.injured.low, incident.injured.high
        row["notes"] = _notes(incident)
        row["event_index"] = incident.members[0].event
        row["trigger_start"], row["trigger_end"] = incident.members[0].start, incident.members[0].end
        rows.append(row)
    return rows


def write_merged_acled_csv(
    incidents: Iterable[MergedIncident], path: OutputTarget | str | os.PathLike[str], *, escape_formulas: bool = True
) -> int:
    """Write the ACLED table of merged incidents to *path* (CSV, whole or not at all); returns the rows written."""
    with AcledCsvWriter(path, escape_formulas=escape_formulas) as writer:
        writer.write_rows(merged_acled_rows(incidents))
    return writer.rows

