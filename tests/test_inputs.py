"""Inputs: no lost record, no hang, each file once; JSON Lines records with their ids, dates and sources."""

from __future__ import annotations

import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

import milinc
from milinc import Document, ErrorKind, ErrorRecord, Metadata, parse_records
from milinc.cli import main
from milinc.export import read_documents_jsonl, read_incidents
from milinc.inputs import Inputs, glob_paths, jsonl_records

from .test_batch import make_dying_parser


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["parse", *args])
    out, err = capsys.readouterr()
    return status, out, err


def lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


ARTICLE = "Mardi soir, deux roquettes ont frappé la base d'Aïn al-Asad, a indiqué l'armée."


# --- files: only regular ones, each real one once -------------------------------------------


@pytest.fixture
def looped(tmp_path: Path) -> Path:
    """A corpus whose directories hold links back up the tree (two loops: 2^depth paths for a naive walk)."""
    corpus = tmp_path / "corpus"
    (corpus / "a" / "b").mkdir(parents=True)
    (corpus / "top.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "a" / "b" / "deep.txt").write_text(ARTICLE + " Encore.", encoding="utf-8")
    (corpus / "a" / "b" / "up").symlink_to(corpus)
    (corpus / "a" / "again").symlink_to(corpus / "a")
    return corpus


def test_a_double_star_pattern_enters_each_real_directory_once(looped: Path) -> None:
    found = glob_paths(str(looped / "**" / "*.txt"))
    assert found == [str(looped / "a" / "b" / "deep.txt"), str(looped / "top.txt")]


def test_a_file_reached_twice_is_parsed_once(looped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pattern = str(looped / "**" / "*.txt")
    status, out, _ = run(capsys, pattern, str(looped), str(looped / "top.txt"), "--format", "contract-jsonl")
    assert status == 0
    assert [line["id"] for line in lines(out)] == [str(looped / "a" / "b" / "deep.txt"), str(looped / "top.txt")]


def test_a_symlinked_directory_still_contributes_its_files_once(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "linked").symlink_to(real)
    assert glob_paths(str(tmp_path / "corpus" / "**" / "*.txt")) == [str(tmp_path / "corpus" / "linked" / "x.txt")]


def test_glob_paths_matches_what_glob_finds_without_links(tmp_path: Path) -> None:
    import glob

    for name in ("a.txt", "b.md", "d/c.txt", "d/e/f.txt", ".hidden/g.txt", "d/.h.txt", "report[1].txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    for pattern in ("**/*.txt", "*.txt", "d/*", "**", "d/**", "*/*.txt", "d/e/*.t?t", "**/e/*", "[ab].*"):
        full = str(tmp_path / pattern)
        assert glob_paths(full) == sorted(glob.glob(full, recursive=True)), pattern


def test_an_endless_standard_input_is_refused_at_its_limit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Endless:
        def read(self, size: int = -1) -> bytes:
            assert size > 0, "an unbounded read of an endless stream never returns"
            return b"a" * size

    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": Endless()})())
    status, _, err = run(capsys, "-", "--max-chars", "1000")
    assert status == 2 and "too large" in err


# --- JSON Lines: every line a record or an error record -------------------------------------


def write_jsonl(path: Path, *records: dict[str, Any] | str) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def test_records_without_an_id_are_named_by_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "w.jsonl", {"text": ARTICLE}, {"id": "k", "text": ARTICLE}, {"text": "Rien."})
    status, out, _ = run(capsys, "--jsonl", str(source), "--format", "contract-jsonl")
    assert status == 0
    assert [line["id"] for line in lines(out)] == [f"{source}:1", "k", f"{source}:3"]


@pytest.mark.parametrize("key", ["reference_date", "date", "published", "published_at"])
def test_the_publication_date_is_read_under_its_usual_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    source = write_jsonl(tmp_path / "w.jsonl", {"id": "a", "text": ARTICLE, key: "2024-01-24T18:30:00Z"})
    status, out, err = run(capsys, "--jsonl", str(source), "--format", "contract-jsonl")
    assert status == 0 and "warning" not in err
    (line,) = lines(out)
    assert line["reference_date"] == "2024-01-24"
    assert line["events"][0]["date"].startswith("2024-01-23")  # "mardi soir" before Wednesday the 24th


def test_a_record_carries_its_source_into_the_document_and_the_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {
        "id": "afp-1",
        "text": ARTICLE,
        "date": "2024-01-24",
        "url": "https://example.org/a",
        "source": "AFP",
        "title": "Roquettes sur Aïn al-Asad",
        "author": ["A. Martin", "B. Diallo"],
    }
    source = write_jsonl(tmp_path / "w.jsonl", record)
    docs, table = tmp_path / "docs.jsonl", tmp_path / "incidents.csv"
    status, _, _ = run(
        capsys, "--jsonl", str(source), "--format", "documents-jsonl", "-o", str(docs), "--incidents-csv", str(table)
    )
    assert status == 0
    ((doc_id, doc),) = list(read_documents_jsonl(docs))
    assert isinstance(doc, Document) and doc_id == "afp-1"
    assert doc.metadata == Metadata(
        id="afp-1", url="https://example.org/a", outlet="AFP", title="Roquettes sur Aïn al-Asad",
        author="A. Martin, B. Diallo",
    )
    (row,) = read_incidents(table)
    assert (row["outlet"], row["url"], row["title"], row["author"]) == (
        "AFP", "https://example.org/a", "Roquettes sur Aïn al-Asad", "A. Martin, B. Diallo",
    )
    # a documents-jsonl file is a valid input again, source included, without warnings
    status, out, err = run(capsys, "--jsonl", str(docs), "--format", "documents-jsonl")
    assert status == 0 and "warning" not in err
    assert lines(out)[0]["metadata"]["outlet"] == "AFP"


def test_an_unknown_key_is_warned_about_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(
        tmp_path / "w.jsonl",
        {"id": "a", "text": ARTICLE, "lang": "fr", "section": "monde"},
        {"id": "b", "text": ARTICLE, "lang": "fr"},
    )
    status, _, err = run(capsys, "--jsonl", str(source), "--format", "none", "-q")
    warned = [line for line in err.splitlines() if "warning" in line]
    assert status == 0 and len(warned) == 2
    assert "'lang'" in warned[0] and f"{source}:1" in warned[0] and "'section'" in warned[1]


def test_parse_records_warns_once_per_unknown_key() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        list(parse_records([{"text": "a", "lang": "fr"}, {"text": "b", "lang": "fr", "x": 1}, {"text": "c"}]))
    messages = [str(w.message) for w in caught if issubclass(w.category, milinc.errors.MilincWarning)]
    assert len(messages) == 2 and "'lang'" in messages[0] and "'x'" in messages[1]


def test_a_byte_order_mark_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "w.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": ARTICLE}).encode() + b"\r\n")
    status, out, err = run(capsys, "--jsonl", str(source), "--format", "contract-jsonl")
    assert status == 0, err
    assert lines(out)[0]["id"] == "a"


def test_bad_lines_are_error_records_and_every_other_record_is_parsed(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "w.jsonl",
        {"id": "a", "text": ARTICLE},
        '{"id": "b", "text": "\\ud800"}',
        "[" * 100_000,
        '{"id": "\\ud83d", "text": "x"}',
        '{"id": "c", "text": "ok", "title": "\\udc00"}',
        {"id": "d", "text": ARTICLE},
    )
    results = [(r.id, r.kind if isinstance(r, ErrorRecord) else None) for r in jsonl_records(str(source), 1000)]
    assert results == [
        ("a", None),
        ("b", ErrorKind.INVALID_RECORD),
        (f"{source}:3", ErrorKind.INVALID_RECORD),
        (f"{source}:4", ErrorKind.INVALID_RECORD),
        ("c", ErrorKind.INVALID_RECORD),
        ("d", None),
    ]


def test_an_over_long_line_is_skipped_unread_and_the_next_one_parsed(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "w.jsonl", {"id": "a", "text": "x" * 3_000_000}, {"id": "b", "text": "court"})
    (first, second) = list(jsonl_records(str(source), 100))
    assert isinstance(first, ErrorRecord) and first.kind is ErrorKind.TOO_LARGE and first.id == f"{source}:1"
    assert not isinstance(second, ErrorRecord) and second.id == "b"


def test_inputs_read_each_jsonl_file_once(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "w.jsonl", {"id": "a", "text": "t"})
    (tmp_path / "link.jsonl").symlink_to(source)
    inputs = Inputs(files=[], jsonl=[str(source), str(tmp_path / "link.jsonl")], max_chars=100)
    assert [r.id for r in inputs.records()] == ["a"]


# --- worker processes: only the item that kills a worker fails --------------------------------


def test_a_worker_death_is_charged_to_its_item_only() -> None:
    killers = {5, 40, 41, 77, 100, 130}
    items = [(f"d{i}", "DIE" if i in killers else f"texte {i}") for i in range(160)]
    results = list(parse_records(items, jobs=2, chunk_size=16, parser_factory=make_dying_parser))
    assert [doc_id for doc_id, _ in results] == [doc_id for doc_id, _ in items]
    failed = {doc_id for doc_id, result in results if isinstance(result, ErrorRecord)}
    assert failed == {f"d{i}" for i in killers}


# --- Dask --------------------------------------------------------------------------------------


def test_dask_ids_of_records_without_id_are_unique_across_partitions() -> None:
    db = pytest.importorskip("dask.bag")
    from milinc.integrations.dask import parse_bag

    items = [{"text": f"texte {i}"} for i in range(6)] + ["texte nu"]
    pairs = parse_bag(db.from_sequence(items, npartitions=3)).compute(scheduler="sync")
    ids = [doc_id for doc_id, _ in pairs]
    assert len(ids) == len(set(ids)) == 7


def test_dask_dataframe_rows_without_an_id_do_not_share_one() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from milinc.integrations.dask import incidents_dataframe

    frame = pd.DataFrame({"id": ["a", None, None], "text": ["x" * 50, "y" * 50, "z" * 50]})
    rows = incidents_dataframe(dd.from_pandas(frame, npartitions=2), max_chars=10).compute(scheduler="sync")
    assert sorted(rows["document_id"]) == ["a", "index:1", "index:2"]


# --- the API --------------------------------------------------------------------------------


def test_records_given_as_tuples_and_dicts_carry_their_id_into_the_document() -> None:
    results = dict(parse_records([("t1", ARTICLE), {"id": "d1", "text": ARTICLE, "outlet": "RFI"}, ARTICLE]))
    t1, d1, bare = results["t1"], results["d1"], results["2"]
    assert isinstance(t1, Document) and t1.metadata == Metadata(id="t1")
    assert isinstance(d1, Document) and d1.metadata == Metadata(id="d1", outlet="RFI")
    assert isinstance(bare, Document) and bare.metadata is None


def test_a_fifo_named_in_a_directory_walk_is_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(corpus / "b.txt")
    status, out, _ = run(capsys, str(corpus), "--format", "contract-jsonl")
    assert status == 1
    assert [line.get("error_kind") for line in lines(out)] == [None, "unreadable"]
