"""The JSON contract that ``milinc parse --format json`` prints (see the benchmark contract).

The contract is a flat projection of a :class:`~milinc.ontology.Document`: the
keys the benchmark reads, plus a few more (bounds, subtypes, actors) that it
ignores. For the full, round-trippable form use :func:`milinc.to_json`.
"""

from __future__ import annotations

from typing import Any

from .ontology import Casualties, Document, Event, Quantity, Span, TimeExpression, Weapon

__all__ = ["to_contract"]


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _date(d: TimeExpression) -> dict[str, Any]:
    return {**_span(d.span), "value": d.value}


def _quantity(q: Quantity) -> dict[str, Any]:
    return {
        **_span(q.span),
        "value": q.value,
        "qualifier": q.qualifier.value,
        "unit": q.unit,
        "low": q.low,
        "high": q.high,
        "role": q.role.value if q.role else None,
    }


def _weapon(w: Weapon) -> dict[str, Any]:
    return {
        **_span(w.span),
        "category": w.category.value,
        "name": w.name,
        "subtype": w.subtype,
        "count": w.count,
    }


def _casualties(c: Casualties | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"value": c.value, "qualifier": c.qualifier.value}


def _event(e: Event) -> dict[str, Any]:
    return {
        **_span(e.span),
        "type": e.sub_event_type.value,
        "event_type": e.event_type.value,
        "date": e.date.value if e.date else None,
        "location": e.location.name if e.location else None,
        "country": e.country,
        # the place's coordinates and GeoNames fields (issue 16): keys added after the contract's own
        "latitude": e.location.latitude if e.location else None,
        "longitude": e.location.longitude if e.location else None,
        "admin1": e.location.admin1 if e.location else None,
        "geonameid": e.location.geonameid if e.location else None,
        "weapons": [w.value for w in e.weapons],
        "killed": _casualties(e.killed),
        "injured": _casualties(e.injured),
        "attacker": e.attacker.span.text if e.attacker else None,
        "target": e.target.span.text if e.target else None,
        "attacker_name": e.attacker.name if e.attacker else None,
        "attacker_inter": e.attacker.inter if e.attacker else None,
        "target_name": e.target.name if e.target else None,
        "target_inter": e.target.inter if e.target else None,
        "modality": e.modality.value,
        "source": e.source.name if e.source else None,
        "mentions": [_span(m) for m in e.mentions],
    }


def to_contract(doc: Document) -> dict[str, Any]:
    """The document as the benchmark's JSON object."""
    return {
        "reference_date": doc.reference_date.isoformat() if doc.reference_date else None,
        "reference_date_source": doc.reference_date_source.value,
        "dates": [_date(d) for d in doc.dates],
        "quantities": [_quantity(q) for q in doc.quantities],
        "weapons": [_weapon(w) for w in doc.weapons],
        "events": [_event(e) for e in doc.events],
    }
