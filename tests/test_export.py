"""Incident rows, table writers and readers, document streams, pandas frames."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import attrs
import pytest

import milinc
from milinc import (
    Actor,
    Casualties,
    Document,
    ErrorKind,
    ErrorRecord,
    Event,
    EventType,
    Modality,
    Place,
    Qualifier,
    Source,
    Span,
    SubEventType,
    TimeExpression,
    WeaponCategory,
)
from milinc.export import (
    EVIDENCE_MAX_CHARS,
    INCIDENT_COLUMNS,
    document_line,
    error_row,
    incident_rows,
    open_incident_writer,
    read_documents_jsonl,
    read_incidents,
    rows_for,
    to_frame,
)
from milinc.ontology import Granularity

from .corpus_fakes import generate_corpus, make_fake_parser

TEXT = (
    "KIEV — Dans la nuit, l'armée russe a lancé des drones sur Kharkiv,\n"
    'selon le maire. Trois morts et « au moins 12 » blessés, a-t-il dit; un site "stratégique" visé.\n\n'
    "Par ailleurs, des tirs ont été signalés."
)


def span(text: str, words: str, start: int = 0) -> Span:
    at = text.index(words, start)
    return Span(at, at + len(words), words)


def fake_document() -> Document:
    """A document with two events, one with every slot, one with none but the required ones."""
    full = Event(
        span=span(TEXT, "a lancé des drones"),
        event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE,
        sub_event_type=SubEventType.AIR_DRONE_STRIKE,
        date=TimeExpression(span(TEXT, "Dans la nuit"), "2024-03-04TNI", Granularity.PART_OF_DAY),
        location=Place("Kharkiv", country="UA", span=span(TEXT, "Kharkiv")),
        country="UA",
        weapons=(WeaponCategory.DRONE, WeaponCategory.MISSILE),
        killed=Casualties(Qualifier.EXACT, 3),
        injured=Casualties(Qualifier.AT_LEAST, 12),
        attacker=Actor(span(TEXT, "l'armée russe")),
        target=Actor(span(TEXT, 'un site "stratégique"')),
        modality=Modality.REPORTED,
        source=Source(span(TEXT, "le maire"), "le maire"),
    )
    bare = Event(
        span=span(TEXT, "tirs"),
        event_type=EventType.BATTLES,
        sub_event_type=SubEventType.ARMED_CLASH,
        killed=Casualties(Qualifier.EXACT, 0),
    )
    return Document(text=TEXT, reference_date=dt.date(2024, 3, 5), events=(full, bare))


# --- rows ----------------------------------------------------------------------


def test_an_event_with_every_slot_fills_every_column() -> None:
    first, _ = incident_rows(fake_document(), "kyiv-1")
    assert list(first) == list(INCIDENT_COLUMNS)
    assert first == {
        "event_id": "kyiv-1:1",
        "document_id": "kyiv-1",
        "event_date": "2024-03-04TNI",
        "event_type": "explosions_remote_violence",
        "sub_event_type": "air_drone_strike",
        "country": "UA",
        "location": "Kharkiv",
        "weapons": "drone;missile",
        "killed": 3,
        "injured": 12,
        "attacker": "l'armée russe",
        "target": 'un site "stratégique"',
        "modality": "reported",
        "source": "le maire",
        # the sentence of the trigger, across its line break, on one line
        "evidence_text": "KIEV — Dans la nuit, l'armée russe a lancé des drones sur Kharkiv, selon le maire.",
        "killed_qualifier": "exact",
        "injured_qualifier": "at_least",
        "error": None,
        "outlet": None,
        "url": None,
        "title": None,
        "author": None,
    }


def test_the_source_of_a_document_fills_the_source_columns_of_each_row() -> None:
    meta = milinc.Metadata(id="k", url="https://example.org/k", outlet="Kyiv Post", title="Nuit de drones", author="O. K.")
    rows = incident_rows(attrs.evolve(fake_document(), metadata=meta), "k")
    assert [(r["outlet"], r["url"], r["title"], r["author"]) for r in rows] == [
        ("Kyiv Post", "https://example.org/k", "Nuit de drones", "O. K.")
    ] * 2


def test_empty_slots_are_none_and_zero_stays_zero() -> None:
    _, second = incident_rows(fake_document(), "d")
    assert second["event_id"] == "d:2"
    assert second["killed"] == 0 and second["killed_qualifier"] == "exact"
    for column in ("event_date", "country", "location", "weapons", "injured", "attacker", "target", "source"):
        assert second[column] is None, column
    assert second["modality"] == "asserted"
    assert second["evidence_text"] == "Par ailleurs, des tirs ont été signalés."


def test_a_document_without_events_has_no_row() -> None:
    assert incident_rows(Document(text="Rien à signaler."), "x") == []
    assert rows_for("x", Document(text="Rien.")) == []


def test_evidence_without_sentence_punctuation_is_cut_around_the_trigger() -> None:
    words = "mot " * 2000
    text = words + "frappe " + words
    event = Event(
        span=span(text, "frappe"),
        event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE,
        sub_event_type=SubEventType.AIR_DRONE_STRIKE,
    )
    (row,) = incident_rows(Document(text=text, events=(event,)), "long")
    assert len(row["evidence_text"]) <= EVIDENCE_MAX_CHARS
    assert "frappe" in row["evidence_text"]


def test_a_failed_document_is_one_row_that_says_why() -> None:
    row = error_row(ErrorRecord("f.txt", "not valid UTF-8 (byte 3)", ErrorKind.UNREADABLE))
    assert row["document_id"] == "f.txt"
    assert row["error"] == "unreadable: not valid UTF-8 (byte 3)"
    assert row["event_id"] is None
    assert set(row) == set(INCIDENT_COLUMNS)
    assert rows_for("f.txt", ErrorRecord("f.txt", "x")) == [error_row(ErrorRecord("f.txt", "x"))]


# --- tables ----------------------------------------------------------------------


def _some_rows() -> list[dict[str, object]]:
    doc = fake_document()
    tricky = dict(incident_rows(doc, 'quote,"comma"\nid')[0])
    tricky["attacker"] = '« l\'armée », "russe"; ligne'
    return [*incident_rows(doc, "a"), tricky, error_row(ErrorRecord("b", "missing field 'text'"))]


@pytest.mark.parametrize("table_format", ["csv", "jsonl", "parquet"])
def test_every_table_format_reloads_the_same_rows(tmp_path: Path, table_format: str) -> None:
    if table_format == "parquet":
        pytest.importorskip("pyarrow")
    rows = _some_rows()
    path = tmp_path / f"incidents.{table_format}"
    with open_incident_writer(path, table_format) as writer:  # type: ignore[arg-type]
        writer.write_rows(rows[:2])
        writer.write_rows(rows[2:])
    assert read_incidents(path) == rows


@pytest.mark.parametrize("table_format", ["csv", "jsonl", "parquet"])
def test_an_empty_table_still_reloads(tmp_path: Path, table_format: str) -> None:
    if table_format == "parquet":
        pytest.importorskip("pyarrow")
    path = tmp_path / f"empty.{table_format}"
    open_incident_writer(path, table_format).close()  # type: ignore[arg-type]
    assert read_incidents(path) == []
    if table_format == "csv":
        assert path.read_text(encoding="utf-8").strip() == ",".join(INCIDENT_COLUMNS)


def test_parquet_columns_are_typed(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "t.parquet"
    with open_incident_writer(path, "parquet") as writer:
        writer.write_rows(_some_rows())
    schema = pq.read_schema(path)
    assert schema.names == list(INCIDENT_COLUMNS)
    assert str(schema.field("killed").type) == "int64"
    assert str(schema.field("evidence_text").type) == "string"


def test_an_unknown_table_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown incident table format"):
        open_incident_writer(tmp_path / "x.xlsx", "xlsx")  # type: ignore[arg-type]


# --- document streams ------------------------------------------------------------


def test_documents_and_errors_reload_from_json_lines() -> None:
    doc = fake_document()
    error = ErrorRecord("gone", "no such file", ErrorKind.UNREADABLE)
    stream = io.StringIO(
        "".join(json.dumps(document_line(i, r), ensure_ascii=False) + "\n" for i, r in [("a", doc), ("gone", error)])
    )
    assert list(read_documents_jsonl(stream)) == [("a", doc), ("gone", error)]


def test_a_document_line_can_be_the_contract_with_an_id() -> None:
    line = document_line("a", fake_document(), contract=True)
    assert line == {"id": "a", **milinc.to_contract(fake_document())}
    assert next(iter(line)) == "id"


def test_a_document_line_is_a_valid_input_record_for_the_next_run() -> None:
    line = document_line("a", fake_document())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the document's own keys are known: no warning for them
        record = milinc.batch.to_record(line, 0)
    assert record == milinc.Record("a", TEXT, dt.date(2024, 3, 5), milinc.Metadata(id="a"))


# --- pandas ------------------------------------------------------------------------


def test_a_document_becomes_a_typed_frame_in_one_line() -> None:
    pytest.importorskip("pandas")
    frame = to_frame(fake_document(), document_id="kyiv")
    assert list(frame.columns) == list(INCIDENT_COLUMNS)
    assert list(frame["event_id"]) == ["kyiv:1", "kyiv:2"]
    assert str(frame["killed"].dtype) == "Int64"
    assert frame["killed"].sum() == 3
    assert frame["location"].isna().tolist() == [False, True]


def test_an_empty_frame_keeps_its_columns_and_types() -> None:
    pytest.importorskip("pandas")
    frame = to_frame(Document(text="Rien."))
    assert len(frame) == 0
    assert list(frame.columns) == list(INCIDENT_COLUMNS)
    assert str(frame["injured"].dtype) == "Int64"


def test_a_frame_of_parse_results_has_error_rows_for_failures() -> None:
    pytest.importorskip("pandas")
    corpus = [*generate_corpus(5, seed=3), {"id": "no-text"}]
    frame = to_frame(milinc.parse_records(corpus, parser_factory=make_fake_parser))
    assert frame["document_id"].tolist() == [r["id"] for r in corpus]  # generated articles have one event each
    assert frame["error"].notna().tolist() == [False] * 5 + [True]


def test_a_frame_of_bare_documents_numbers_them() -> None:
    pytest.importorskip("pandas")
    frame = to_frame([Document(text="Rien."), fake_document()])
    assert frame["document_id"].tolist() == ["1", "1"]


def test_without_pandas_to_frame_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    hint = "pip install 'pandas>=2' (or, in a milinc checkout: pip install -e '.[pandas]')"
    with pytest.raises(ImportError, match=re.escape(hint)):
        to_frame(fake_document())


def test_the_optional_packages_are_not_imported_with_milinc() -> None:
    code = "import sys, milinc, milinc.export; print(sorted({'pandas', 'pyarrow', 'dask', 'tqdm'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


# --- reading back a file that is not what milinc wrote ----------------------------------------


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("[" * 100_000, "malformed JSON: nested too deeply"),
        ("nul", "malformed JSON"),
        ("[]", "expected a JSON object, got list"),
        ('{"text": "x"}', "missing field 'id'"),
        ('{"id": "b", "error": "e", "error_kind": "bogus"}', "unknown error_kind 'bogus'"),
        ('{"id": "b", "text": "ab", "dates": [{"span": {"start": 5, "end": 9, "text": "zz"}}]}', "$.dates"),
    ],
)
def test_a_bad_document_line_is_an_invalid_input_error_naming_its_line(
    tmp_path: Path, line: str, problem: str
) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(document_line("a", fake_document())) + "\n" + line + "\n", encoding="utf-8")
    read = read_documents_jsonl(path)
    assert next(read)[0] == "a"  # the lines before it are read
    with pytest.raises(milinc.InvalidInputError, match=re.escape(f"{path}:2: ") + ".*" + re.escape(problem)):
        next(read)


def test_undecodable_bytes_read_back_are_an_invalid_input_error(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n')
    with pytest.raises(milinc.InvalidInputError, match="not valid UTF-8"):
        list(read_documents_jsonl(path))
    table = tmp_path / "t.csv"
    table.write_bytes(b"event_id,location\n1,Bria\xe9\n")
    with pytest.raises(milinc.InvalidInputError, match="not valid UTF-8"):
        read_incidents(table)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("t.csv", "event_id,killed\n1,3\n2,abc\n", "t.csv:3: column 'killed': not an integer: 'abc'"),
        ("t.csv", "event_id,injured\n1,2.5\n", "t.csv:2: column 'injured': not an integer: '2.5'"),
        ("t.jsonl", '{"killed": 3}\n{"killed": true}\n', "t.jsonl:2: column 'killed': not an integer: True"),
        ("t.jsonl", '{"killed": 3}\n[1]\n', "t.jsonl:2: expected a JSON object, got list"),
    ],
)
def test_a_bad_incident_table_cell_is_an_invalid_input_error_naming_its_line(
    tmp_path: Path, name: str, content: str, problem: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(milinc.InvalidInputError, match=re.escape(problem)):
        read_incidents(path)
