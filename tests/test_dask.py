"""The Dask integration gives the serial path's results, on Dask's local (synchronous) scheduler."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

from milinc import Document, ErrorRecord, parse_records  # noqa: E402
from milinc.export import INCIDENT_COLUMNS, rows_for, to_frame  # noqa: E402
from milinc.integrations.dask import incidents_bag, incidents_dataframe, parse_bag  # noqa: E402

from .corpus_fakes import generate_corpus, make_fake_parser  # noqa: E402


@pytest.fixture(autouse=True)
def synchronous() -> Iterator[None]:
    with dask.config.set(scheduler="synchronous"):
        yield


def corpus_with_bad_records() -> list[dict[str, Any]]:
    corpus = generate_corpus(30, seed=21)
    corpus[4] = {"id": "no-text", "reference_date": "2024-01-01"}
    corpus[17] = {"id": "bad-date", "text": "Un drone.", "reference_date": "17/01/2024"}
    return corpus


def as_records(frame: Any) -> list[dict[str, Any]]:
    """Frame rows as plain dicts, with None for missing values (pandas gives <NA>)."""
    return [
        {k: (None if pd.isna(v) else (int(v) if k in ("killed", "injured") else str(v))) for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


def test_a_bag_of_records_parses_to_the_serial_results_in_order() -> None:
    corpus = corpus_with_bad_records()
    serial = list(parse_records(corpus, parser_factory=make_fake_parser))
    bag = db.from_sequence(corpus, npartitions=4)
    assert parse_bag(bag, parser_factory=make_fake_parser).compute() == serial
    assert sum(isinstance(r, ErrorRecord) for _, r in serial) == 2


def test_bare_texts_get_ids_unique_across_partitions() -> None:
    bag = db.from_sequence(["un", "deux", "trois", "quatre"], npartitions=2)
    assert [doc_id for doc_id, _ in parse_bag(bag).compute()] == ["0:0", "0:1", "1:0", "1:1"]


def test_the_bag_of_incidents_is_the_serial_rows() -> None:
    corpus = corpus_with_bad_records()
    serial_rows = [row for pair in parse_records(corpus, parser_factory=make_fake_parser) for row in rows_for(*pair)]
    bag = db.from_sequence(corpus, npartitions=3)
    assert incidents_bag(bag, parser_factory=make_fake_parser).compute() == serial_rows
    assert len(serial_rows) == 30  # 28 incidents and 2 error rows


def test_the_incident_dataframe_is_the_serial_frame() -> None:
    corpus = corpus_with_bad_records()
    frame = pd.DataFrame(
        {
            "doc": [r["id"] for r in corpus],
            "body": [r.get("text") for r in corpus],
            "published": [r["reference_date"] for r in corpus],
        }
    )
    ddf = dd.from_pandas(frame, npartitions=3)
    result = incidents_dataframe(
        ddf, text_column="body", id_column="doc", date_column="published", parser_factory=make_fake_parser
    ).compute()
    expected = to_frame(parse_records(corpus, parser_factory=make_fake_parser))
    assert list(result.columns) == list(INCIDENT_COLUMNS)
    assert str(result["killed"].dtype) == "Int64"
    assert as_records(result) == as_records(expected)
    assert result["error"].notna().sum() == 2


def test_dates_may_be_timestamps_or_missing_and_ids_may_be_the_index() -> None:
    frame = pd.DataFrame(
        {
            "text": [r["text"] for r in generate_corpus(3, seed=2)],
            "date": [pd.Timestamp("2024-03-05"), None, dt.date(2024, 3, 7)],
        },
        index=["a", "b", "c"],
    )
    rows = as_records(
        incidents_dataframe(
            dd.from_pandas(frame, npartitions=2), id_column=None, date_column="date", parser_factory=make_fake_parser
        ).compute()
    )
    assert [r["document_id"] for r in rows] == ["a", "b", "c"]
    assert all(r["error"] is None for r in rows)


def test_the_reference_date_reaches_every_document() -> None:
    bag = db.from_sequence([{"id": "a", "text": "Hier."}], npartitions=1)
    ((_, doc),) = parse_bag(bag, reference_date=dt.date(2024, 3, 5)).compute()
    assert isinstance(doc, Document) and doc.reference_date == dt.date(2024, 3, 5)


def test_a_missing_column_is_named() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "content": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="no such column: text"):
        incidents_dataframe(ddf)


def test_a_document_past_the_time_budget_is_an_error_of_its_own_kind() -> None:
    text = "Lundi soir, deux roquettes ont frappé la base de Gao. " * 300
    bag = db.from_sequence([{"id": "a", "text": text}], npartitions=1)
    ((_, tight),) = parse_bag(bag, time_budget=1e-9).compute()
    assert isinstance(tight, ErrorRecord) and tight.kind.value == "time_budget_exceeded"
    ((row,),) = [incidents_bag(bag, time_budget=1e-9).compute()]
    assert row["error"].startswith("time_budget_exceeded: ")
    frame = incidents_dataframe(dd.from_pandas(pd.DataFrame({"id": ["a"], "text": [text]}), npartitions=1),
                                time_budget=1e-9).compute()
    assert list(frame["error"].str.split(":").str[0]) == ["time_budget_exceeded"]
    with pytest.raises(ValueError, match="time_budget"):
        parse_bag(bag, time_budget=0)


def test_the_source_columns_of_a_frame_reach_its_incident_rows() -> None:
    text = "Lundi, deux soldats ont été tués par un engin explosif près de Gao."
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "text": [text, text, text],
            "source": ["RFI", None, "Le Monde"],
            "url": ["https://x.test/a", None, "https://x.test/c"],
            "title": ["Titre", None, None],
            "author": ["A. Traoré", None, 7],
        }
    )
    rows = as_records(incidents_dataframe(dd.from_pandas(frame, npartitions=2), reference_date=dt.date(2024, 3, 5))
                      .compute())
    by_id = {r["document_id"]: r for r in rows}
    assert (by_id["a"]["outlet"], by_id["a"]["url"], by_id["a"]["title"], by_id["a"]["author"]) == (
        "RFI", "https://x.test/a", "Titre", "A. Traoré"
    )
    assert (by_id["b"]["outlet"], by_id["b"]["url"]) == (None, None)
    assert (by_id["c"]["outlet"], by_id["c"]["author"]) == ("Le Monde", "7")
    serial = {doc_id: doc for doc_id, doc in parse_records(frame.to_dict("records"), reference_date=dt.date(2024, 3, 5))}
    assert as_records(to_frame(serial.items())) == rows  # as the same records read from JSON Lines
