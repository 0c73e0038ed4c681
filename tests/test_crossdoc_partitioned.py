"""Merging in independent time partitions (the Dask form's algorithm) gives the serial answer."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from milinc.crossdoc import merge_incidents, reports_from
from milinc.crossdoc.partitioned import merge_partitioned, partitions_of
from milinc.ontology import Document, PlaceKind, SubEventType

from .crossdoc_helpers import document, place

_TOWNS = [
    place("Djibo", lat=14.10, lon=-1.63, admin1="Sahel"),
    place("Gaskindé", lat=14.02, lon=-1.55, admin1="Sahel"),
    place("Arbinda", lat=14.23, lon=-0.87, admin1="Sahel"),
    place("Kaya", admin1="Centre-Nord"),
    place("Sahel", PlaceKind.REGION, admin1="Sahel"),
    place("Ménaka", country="ML", lat=15.92, lon=2.40),
    place("Tillia", country="NE", lat=16.13, lon=4.79),
    None,
]
_START = dt.date(2024, 3, 1)


def _value(day: int, form: str) -> str | None:
    when = _START + dt.timedelta(days=day)
    return {
        "day": when.isoformat(),
        "night": when.isoformat() + "TNI",
        "evening": when.isoformat() + "TEV",
        "week": f"{when.isocalendar()[0]}-W{when.isocalendar()[1]:02d}",
        "month": when.isoformat()[:7],
        "none": None,
    }[form]


_EVENT = st.fixed_dictionaries(
    {
        "day": st.integers(0, 40),
        "form": st.sampled_from(["day", "day", "night", "evening", "week", "month", "none"]),
        "where": st.sampled_from(range(len(_TOWNS))),
        "killed": st.one_of(st.none(), st.integers(0, 60)),
        "sub": st.sampled_from([SubEventType.ARMED_CLASH, SubEventType.ATTACK, SubEventType.AIR_DRONE_STRIKE]),
        "delay": st.integers(0, 4),
    }
)


def _documents(specs: list[list[dict[str, Any]]]) -> list[Document]:
    docs = []
    for n, events in enumerate(specs):
        published = (_START + dt.timedelta(days=max(e["day"] for e in events) + events[0]["delay"])).isoformat()
        built = []
        for e in events:
            where = _TOWNS[e["where"]]
            built.append(
                dict(
                    date=_value(e["day"], e["form"]),
                    where=where,
                    country=where.country if where else "BF",
                    sub=e["sub"],
                    killed=e["killed"],
                    words=f"mot{e['day'] % 5} ville{e['where']}",
                )
            )
        docs.append(document(f"doc{n:03d}", published, events=built))
    return docs


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_EVENT, min_size=1, max_size=3), min_size=1, max_size=40), st.sampled_from([1, 3, 7, 30]))
def test_partitions_of_any_length_give_the_serial_incidents(specs: list[list[dict[str, Any]]], days: int) -> None:
    reports = list(reports_from(_documents(specs)))
    serial = merge_incidents(reports)
    assert merge_partitioned(reports, days) == serial
    assert merge_incidents(reports[::-1]) == serial  # nor does the input order matter
    assert sorted(m.key for i in serial for m in i.members) == sorted(r.key for r in reports)  # each event once


def test_a_report_goes_to_every_partition_its_time_touches() -> None:
    [week] = reports_from([document("a", "2024-03-12", date="2024-W10", where=place("Djibo"))])
    assert len(partitions_of(week, 1)) == 7
    assert len(partitions_of(week, 7)) in (1, 2)
    [undatable] = reports_from([document("b", None, date=None, where=place("Djibo"))])
    assert list(partitions_of(undatable)) == []


def test_the_dask_bag_gives_the_serial_incidents() -> None:
    db = pytest.importorskip("dask.bag")
    from milinc.crossdoc import incident_order
    from milinc.integrations.dask import merged_incidents_bag

    docs = _documents(
        [
            [{"day": d % 20, "form": f, "where": w, "killed": k, "sub": SubEventType.ARMED_CLASH, "delay": d % 3}]
            for d, (f, w, k) in enumerate(
                [("night", 0, 43), ("day", 0, 60), ("day", 1, 110), ("week", 4, None), ("day", 2, 5), ("none", 3, 1)] * 5
            )
        ]
    )
    pairs = [(doc.metadata.id, doc) for doc in docs]  # type: ignore[union-attr]
    bag = db.from_sequence(pairs, npartitions=4)
    merged = sorted(merged_incidents_bag(bag, partition_days=3).compute(scheduler="synchronous"), key=incident_order)
    assert merged == merge_incidents(pairs)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(_EVENT, min_size=1, max_size=3), min_size=1, max_size=40))
def test_a_stream_in_publication_order_gives_the_sweep_s_incidents(specs: list[list[dict[str, Any]]]) -> None:
    from milinc.crossdoc import iter_merged_incidents, sweep_order
    from milinc.crossdoc.streaming import StreamMerger

    docs = sorted(_documents(specs), key=lambda d: (d.reference_date, d.metadata.id))  # type: ignore[union-attr]
    reports = list(reports_from(docs))
    expected = sorted(iter_merged_incidents(sorted(reports, key=sweep_order)), key=lambda i: i.id)
    merger = StreamMerger(max_delay_days=60)
    streamed = [i for r in reports for i in merger.add(r)] + list(merger.finish())
    assert sorted(streamed, key=lambda i: i.id) == expected
    assert merger.late == 0


def test_a_stream_holds_its_delay_not_the_corpus() -> None:
    from milinc.crossdoc.streaming import StreamMerger

    merger = StreamMerger(max_delay_days=10)
    emitted = 0
    for day in range(300):
        published = (_START + dt.timedelta(days=day)).isoformat()
        for n in range(3):
            doc = document(f"d{day}-{n}", published, date=published, where=place(f"Ville{n}"))
            emitted += sum(1 for _ in merger.add(next(iter(reports_from([doc])))))
    emitted += sum(1 for _ in merger.finish())
    assert emitted == 900
    assert merger.largest_buffer <= 3 * 12  # about ten days of reports, not the 300 days
    # an attack recalled long after its time comes late: still an incident, counted
    old = document("recall", (_START + dt.timedelta(days=400)).isoformat(), date=_START.isoformat(), where=place("Ville0"))
    late = StreamMerger(max_delay_days=10)
    for day in range(30):
        published = (_START + dt.timedelta(days=day)).isoformat()
        list(late.add(next(iter(reports_from([document(f"x{day}", published, date=published, where=place("Kaya"))])))))
    list(late.add(next(iter(reports_from([old])))))
    list(late.finish())
    assert late.late == 1
