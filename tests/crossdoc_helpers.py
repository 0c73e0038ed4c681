"""Hand-built documents for the cross-document merging tests: one event each, every slot chosen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from milinc.ontology import (
    Actor,
    ActorType,
    Casualties,
    Document,
    Event,
    EventType,
    Granularity,
    Metadata,
    Place,
    PlaceKind,
    Qualifier,
    Span,
    SubEventType,
    TimeExpression,
)

_EVENT_TYPE = {
    SubEventType.ARMED_CLASH: EventType.BATTLES,
    SubEventType.ATTACK: EventType.VIOLENCE_AGAINST_CIVILIANS,
    SubEventType.ARRESTS: EventType.STRATEGIC_DEVELOPMENTS,
}


def _granularity(value: str) -> Granularity:
    if "T" in value:
        return Granularity.PART_OF_DAY if value[-2:].isalpha() else Granularity.HOUR
    if "-W" in value:
        return Granularity.WEEK
    return {4: Granularity.YEAR, 7: Granularity.MONTH}.get(len(value), Granularity.DAY)


def place(
    name: str,
    kind: PlaceKind = PlaceKind.TOWN,
    country: str | None = "BF",
    *,
    lat: float | None = None,
    lon: float | None = None,
    admin1: str | None = None,
    admin2: str | None = None,
    geonameid: int | None = None,
) -> Place:
    return Place(
        name, kind, country, latitude=lat, longitude=lon, admin1=admin1, admin2=admin2, geonameid=geonameid
    )


def document(
    doc_id: str,
    published: str | None,
    *,
    date: str | None = None,
    where: Place | None = None,
    country: str | None = "BF",
    sub: SubEventType = SubEventType.ARMED_CLASH,
    killed: int | None = None,
    killed_qualifier: Qualifier = Qualifier.EXACT,
    injured: int | None = None,
    attacker: str | None = None,
    attacker_country: str | None = None,
    target: str | None = None,
    outlet: str | None = None,
    words: str = "",
    events: list[dict[str, Any]] | None = None,
) -> Document:
    """A document whose text is its trigger words, with one event (or several, from *events*)."""
    specs = events or [
        dict(
            date=date,
            where=where,
            country=country,
            sub=sub,
            killed=killed,
            killed_qualifier=killed_qualifier,
            injured=injured,
            attacker=attacker,
            attacker_country=attacker_country,
            target=target,
            words=words,
        )
    ]
    text = ""
    built = []
    for spec in specs:
        start = len(text)
        trigger = "attaque"
        text += trigger + " " + (spec.get("words") or "") + ". "
        span = Span(start, start + len(trigger), trigger)
        value = spec.get("date")
        when = None
        if value:
            when = TimeExpression(span, value, _granularity(value))
        toll = None
        if spec.get("killed") is not None:
            k = spec["killed"]
            q = spec.get("killed_qualifier", Qualifier.EXACT)
            toll = Casualties(q, k, k, k if q is Qualifier.EXACT else None)
        hurt = None
        if spec.get("injured") is not None:
            hurt = Casualties(Qualifier.EXACT, spec["injured"], spec["injured"], spec["injured"])
        sub_type = spec.get("sub", SubEventType.ARMED_CLASH)
        built.append(
            Event(
                span=span,
                event_type=_EVENT_TYPE.get(sub_type, EventType.EXPLOSIONS_REMOTE_VIOLENCE),
                sub_event_type=sub_type,
                date=when,
                location=spec.get("where"),
                country=spec.get("country", "BF"),
                killed=toll,
                injured=hurt,
                attacker=Actor(span, ActorType.UNKNOWN, name=spec["attacker"], country=spec.get("attacker_country"))
                if spec.get("attacker") or spec.get("attacker_country")
                else None,
                target=Actor(span, ActorType.UNKNOWN, name=spec["target"]) if spec.get("target") else None,
                mentions=(span,),
            )
        )
    return Document(
        text=text,
        reference_date=dt.date.fromisoformat(published) if published else None,
        events=tuple(built),
        metadata=Metadata(id=doc_id, outlet=outlet),
    )
