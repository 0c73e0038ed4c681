"""Runs every line of the events corpus (``src/milinc/corpus/events.jsonl``) through ``milinc.parse``.

A line names the construction ("family"), the French text, its reference date and
what the incident must be: its trigger (``text``), ACLED sub-event type, date,
location, country, weapons, killed and injured, modality and source; ``count`` is
the number of incidents when it is not one, and a ``negative`` line must give none.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

import pytest

import milinc
from milinc.ontology import Event

CORPUS = [
    json.loads(line)
    for line in resources.files("milinc").joinpath("corpus").joinpath("events.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def _id(row: dict[str, Any]) -> str:
    return f"{row['family']}: {row['phrase'][:70]}"


def _describe(events: tuple[Event, ...]) -> list[str]:
    return [f"{e.span.text!r} {e.sub_event_type.value} {e.date.value if e.date else None} "
            f"{e.location.name if e.location else None} {e.country}" for e in events]


def _slot(event: Event, name: str) -> Any:
    if name == "sub_event_type":
        return event.sub_event_type.value
    if name == "date":
        return event.date.value if event.date else None
    if name == "location":
        return event.location.name if event.location else None
    if name == "weapons":
        return sorted(w.value for w in event.weapons)
    if name in ("killed", "injured"):
        c = getattr(event, name)
        return {"value": c.value, "qualifier": c.qualifier.value} if c else None
    if name == "modality":
        return event.modality.value
    if name == "source":
        return event.source.name if event.source else None
    return getattr(event, name)


SLOTS = ("sub_event_type", "date", "location", "country", "weapons", "killed", "injured", "modality", "source")


def test_corpus_is_large_and_mostly_new() -> None:
    assert len(CORPUS) >= 100
    assert sum(not row["in_seeds"] for row in CORPUS) >= len(CORPUS) / 2
    assert all({"family", "phrase", "in_seeds"} <= row.keys() for row in CORPUS)
    assert sum(bool(row.get("negative")) for row in CORPUS) >= 20


@pytest.mark.parametrize("row", CORPUS, ids=_id)
def test_corpus_line(row: dict[str, Any]) -> None:
    ref = dt.date.fromisoformat(row["reference_date"]) if row.get("reference_date") else None
    doc = milinc.parse(row["phrase"], reference_date=ref)
    events = doc.events
    for e in events:
        assert row["phrase"][e.span.start : e.span.end] == e.span.text
        assert e.span in e.mentions
    if row.get("negative"):
        assert events == (), f"not an incident, got {_describe(events)}"
        return
    assert len(events) == row.get("count", 1), f"expected {row.get('count', 1)} incident(s), got {_describe(events)}"
    if "text" in row:
        chosen = [e for e in events if e.span.text == row["text"]]
        assert chosen, f"no incident with trigger {row['text']!r} in {_describe(events)}"
        event = chosen[0]
    else:
        event = events[0]
    for name in SLOTS:
        if name in row:
            expected = sorted(row[name]) if name == "weapons" else row[name]
            assert _slot(event, name) == expected, f"{name}: got {_slot(event, name)!r}, expected {expected!r}"
