"""``milinc parse`` over corpora: many inputs, JSON Lines records, tables, error records, exit status."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import milinc
from milinc import Parser
from milinc.cli import main
from milinc.export import INCIDENT_COLUMNS, read_documents_jsonl, read_incidents, rows_for

from .corpus_fakes import generate_corpus, make_fake_parser


@pytest.fixture
def fake_events(monkeypatch: pytest.MonkeyPatch) -> Iterator[Parser]:
    """Make the CLI's in-process parser add stand-in events (the events extractor is developed apart)."""
    parser = make_fake_parser()
    monkeypatch.setattr(milinc.shared_parser, "default_parser", lambda: parser)
    yield parser


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["parse", *args])
    out, err = capsys.readouterr()
    return status, out, err


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- one input: the behaviour the benchmark relies on ---------------------------------


def test_one_file_prints_one_contract_object_without_an_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "a.txt", "Hier, deux roquettes.")
    status, out, err = run(capsys, "--format", "json", "--reference-date", "2024-03-05", str(path))
    assert status == 0 and err == ""
    (doc,) = lines(out)
    assert "id" not in doc and doc["reference_date"] == "2024-03-05"


@pytest.mark.parametrize(
    ("data", "extra", "reason"),
    [
        (None, (), "no such file"),
        (b"caf\xe9", (), "not valid UTF-8 (byte 3)"),
        ("x" * 50, ("--max-chars", "10"), "50 characters exceeds the limit of 10"),
    ],
)
def test_one_bad_file_is_one_line_on_stderr_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes | str | None, extra: tuple[str, ...], reason: str
) -> None:
    path = tmp_path / "a.txt"
    if data is not None:
        write(path, data)
    status, out, err = run(capsys, "--format", "json", *extra, str(path))
    assert status == 2 and out == ""
    assert err.splitlines() == [f"milinc: {path}: {err.split(': ', 2)[2].rstrip()}"]
    assert reason in err


# --- many inputs ----------------------------------------------------------------------


def test_directories_and_globs_expand_recursively_in_name_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("corpus/b.txt", "corpus/a.txt", "corpus/sub/c.txt", "corpus/notes.md", "other/x.txt", "other/y.txt"):
        write(tmp_path / name, f"Texte {name}.")
    status, out, _ = run(capsys, "--format", "json", "-q", "corpus", "other/*.txt")
    assert status == 0
    assert [d["id"] for d in lines(out)] == [
        "corpus/a.txt",
        "corpus/b.txt",
        "corpus/sub/c.txt",
        "other/x.txt",
        "other/y.txt",
    ]


def test_a_file_whose_name_looks_like_a_pattern_is_that_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "report[1].txt", "Un drone.")
    write(tmp_path / "report1.txt", "Autre chose.")
    status, out, _ = run(capsys, "--format", "json", str(path))
    assert status == 0
    assert "id" not in json.loads(out)  # one input: the single-document contract
    status, out, _ = run(capsys, "--format", "json", "-q", str(tmp_path / "report?.txt"))
    assert [d["id"] for d in lines(out)] == [str(tmp_path / "report1.txt")]


def test_json_lines_records_take_their_own_reference_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [
        {"id": "r1", "text": "Hier.", "reference_date": "2021-06-30"},
        {"id": "r2", "text": "Hier.", "reference_date": None},
        {"id": "r3", "text": "Hier."},
    ]
    path = write(tmp_path / "in.jsonl", "\n".join(json.dumps(r) for r in records) + "\n\n")
    status, out, _ = run(capsys, "--jsonl", str(path), "--reference-date", "2024-01-01", "--format", "jsonl", "-q")
    assert status == 0
    assert [(d["id"], d["reference_date"]) for d in lines(out)] == [
        ("r1", "2021-06-30"),
        ("r2", "2024-01-01"),
        ("r3", "2024-01-01"),
    ]


def test_json_lines_records_are_read_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    set_stdin(monkeypatch, b'{"id": "s1", "text": "Un drone."}\n{"id": "s2", "text": "Deux drones."}\n')
    status, out, _ = run(capsys, "--jsonl", "-", "--format", "json", "-q")
    assert status == 0
    assert [d["id"] for d in lines(out)] == ["s1", "s2"]


BAD_RECORDS = [
    # (description, how to make the input, the id of the error record, the kind, words of the reason)
    ("missing file", "file:missing.txt", "missing.txt", "unreadable", "no such file"),
    ("undecodable file", "bytes:bad.txt", "bad.txt", "unreadable", "not valid UTF-8"),
    ("over-limit file", "long:long.txt", "long.txt", "too_large", "exceeds the limit of 200"),
    ("empty directory", "dir:empty", "empty", "unreadable", "no *.txt file"),
    ("glob without match", "glob:nothing/*.txt", "nothing/*.txt", "unreadable", "no file matches"),
    ("malformed JSON line", 'jsonl:{"id": "j1", "text": ', "in.jsonl:1", "invalid_record", "malformed JSON"),
    ("JSON line not an object", 'jsonl:["j1", "texte"]', "in.jsonl:1", "invalid_record", "expected a JSON object"),
    ("undecodable JSON line", "jsonlbytes:", "in.jsonl:1", "unreadable", "not valid UTF-8"),
    ("lone surrogate in text", 'jsonl:{"id": "j1", "text": "a\\ud800b"}', "j1", "invalid_record", "lone surrogate"),
    ("lone surrogate in id", 'jsonl:{"id": "\\udfff", "text": "t"}', "in.jsonl:1", "invalid_record", "lone surrogate"),
    ("deeply nested line", "jsonl:" + "[" * 100_000, "in.jsonl:1", "invalid_record", "nested too deeply"),
    ("FIFO", "fifo:pipe.txt", "pipe.txt", "unreadable", "not a regular file: a FIFO"),
    ("link to /dev/zero", "devzero:zero.txt", "zero.txt", "unreadable", "not a regular file: a character device"),
    ("FIFO as JSON Lines", "jsonlfifo:pipe.jsonl", "pipe.jsonl", "unreadable", "a FIFO"),
    ("missing text", 'jsonl:{"id": "j1"}', "j1", "invalid_record", "missing field 'text'"),
    ("text not a string", 'jsonl:{"id": "j1", "text": 3}', "j1", "invalid_record", "text must be a string"),
    ("bad date", 'jsonl:{"id": "j1", "text": "t", "reference_date": "hier"}', "j1", "invalid_record", "YYYY-MM-DD"),
    ("over-limit record", 'jsonl:{"id": "j1", "text": "' + "x" * 201 + '"}', "j1", "too_large", "exceeds"),
]


def _make_bad_input(tmp_path: Path, spec: str) -> list[str]:
    kind, _, value = spec.partition(":")
    if kind == "file":
        return [value]
    if kind == "bytes":
        write(tmp_path / value, b"\xff\xfe\x00texte")
        return [value]
    if kind == "long":
        write(tmp_path / value, "x" * 300)
        return [value]
    if kind == "dir":
        (tmp_path / value).mkdir()
        return [value]
    if kind == "glob":
        return [value]
    if kind in ("fifo", "jsonlfifo"):
        os.mkfifo(tmp_path / value)  # no writer ever opens it: reading it would hang
        return [value] if kind == "fifo" else ["--jsonl", value]
    if kind == "devzero":
        (tmp_path / value).symlink_to("/dev/zero")  # endless: reading it would fill the memory
        return [value]
    if kind == "jsonlbytes":
        write(tmp_path / "in.jsonl", b'{"id": "j1", "text": "caf\xe9"}\n')
        return ["--jsonl", "in.jsonl"]
    write(tmp_path / "in.jsonl", value + "\n")
    return ["--jsonl", "in.jsonl"]


@pytest.mark.parametrize(("what", "spec", "error_id", "kind", "reason"), BAD_RECORDS, ids=[b[0] for b in BAD_RECORDS])
def test_each_kind_of_bad_record_is_an_error_record_and_the_run_goes_on(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    what: str,
    spec: str,
    error_id: str,
    kind: str,
    reason: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "good1.txt", "Un drone a frappé.")
    write(tmp_path / "good2.txt", "Deux roquettes.")
    bad = _make_bad_input(tmp_path, spec)
    status, out, err = run(
        capsys, "good1.txt", *bad, "good2.txt", "--format", "json", "--max-chars", "200", "--errors", "err.jsonl"
    )
    assert status == 1, what  # some failed
    docs = lines(out)
    ids = [d["id"] for d in docs]
    assert (ids[0] == "good1.txt" and ids[1] == "good2.txt") or ids[:2] == ["good1.txt", error_id]
    (error,) = [d for d in docs if "error" in d]
    assert error["id"] == error_id and error["error_kind"] == kind and reason in error["error"]
    assert len(docs) == 3  # nothing dropped
    assert f"milinc: {error_id}: " in err
    assert "3 items: 2 parsed, 1 failed" in err
    assert lines((tmp_path / "err.jsonl").read_text(encoding="utf-8")) == [error]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_text_past_the_time_budget_is_an_error_record_of_its_own_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    write(tmp_path / "short.txt", "Un drone.")
    write(tmp_path / "long.txt", "Lundi soir, deux roquettes ont frappé la base de Gao. " * 300)
    args = ("--format", "contract-jsonl", "-j", jobs, "--errors", str(tmp_path / "err.jsonl"))
    status, out, err = run(capsys, str(tmp_path / "long.txt"), str(tmp_path / "short.txt"), *args,
                           "--time-budget", "1e-9")
    assert status == 2  # every item failed: even the short text takes more than a nanosecond
    errors = lines(out)
    assert [e["error_kind"] for e in errors] == ["time_budget_exceeded"] * 2
    assert lines((tmp_path / "err.jsonl").read_text(encoding="utf-8")) == errors
    assert "time budget of 1e-09 s" in err
    status, out, _ = run(capsys, str(tmp_path / "long.txt"), str(tmp_path / "short.txt"), *args,
                         "--time-budget", "600")
    assert status == 0 and all("error" not in d for d in lines(out))


def test_when_every_item_fails_the_status_is_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json")
    assert status == 2
    assert [d["error"] for d in lines(out)] == ["no such file", "no such file"]
    assert "2 items: 0 parsed, 2 failed" in err


def test_text_output_shows_failures_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "good.txt", "Un drone.")
    status, out, _ = run(capsys, str(good), str(tmp_path / "gone.txt"))
    assert status == 1
    assert out.startswith(f"# {good}  (reference date unknown")
    assert f"# {tmp_path / 'gone.txt'}  ERROR (unreadable): no such file" in out


def test_quiet_silences_progress_and_summary_but_not_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path / "good.txt", "Un drone.")
    assert run(capsys, str(good), str(good), "-q", "--format", "none") == (0, "", "")
    status, _, err = run(capsys, str(good), str(tmp_path / "gone.txt"), "-q", "--format", "none")
    assert status == 1
    assert err.splitlines() == ["milinc: 1 of 2 items failed"]


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "good.txt", "Un drone.")
    other = write(tmp_path / "other.txt", "Un autre drone.")
    _, _, err = run(capsys, str(good), str(other), "--format", "none")
    assert err.splitlines() == ["milinc: 2 items: 2 parsed, 0 failed; 0 incidents"]


def test_progress_forces_a_tqdm_bar_with_the_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    for i in range(3):
        write(tmp_path / "c" / f"{i}.txt", "Un drone.")
    status, _, err = run(capsys, str(tmp_path / "c"), "--progress", "--format", "none")
    assert status == 0
    assert "3/3" in err and "doc" in err


# --- tables ---------------------------------------------------------------------------


def test_tables_and_document_stream_reload_with_the_same_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fake_events: Parser
) -> None:
    pytest.importorskip("pyarrow")
    monkeypatch.chdir(tmp_path)
    corpus = generate_corpus(40, seed=5)
    for record in corpus[:20]:
        write(tmp_path / "docs" / f"{record['id']}.txt", record["text"])
    write(tmp_path / "docs" / "broken.txt", b"\xc3\x28")
    records = [json.dumps(r, ensure_ascii=False) for r in corpus[20:]] + ['{"id": "no-text"}', "{oops"]
    write(tmp_path / "more.jsonl", "\n".join(records) + "\n")
    status, out, err = run(
        capsys,
        "docs",
        "--jsonl",
        "more.jsonl",
        "--reference-date",
        "2024-01-01",
        "--incidents-csv",
        "t.csv",
        "--incidents-parquet",
        "t.parquet",
        "--incidents-jsonl",
        "t.jsonl",
        "--format",
        "jsonl",
        "-o",
        "docs.jsonl",
    )
    assert status == 1 and out == ""
    assert "43 items: 40 parsed, 3 failed; 40 incidents" in err
    csv_rows = read_incidents("t.csv")
    assert len(csv_rows) == 43  # one incident per generated article, one error row per failure
    assert read_incidents("t.parquet") == csv_rows
    assert read_incidents("t.jsonl") == csv_rows
    from_documents = [row for pair in read_documents_jsonl("docs.jsonl") for row in rows_for(*pair)]
    assert from_documents == csv_rows
    assert {r["document_id"] for r in csv_rows if r["error"]} == {"docs/broken.txt", "no-text", "more.jsonl:22"}
    assert all(r["location"] and r["country"] and r["evidence_text"] for r in csv_rows if not r["error"])


def test_writing_a_table_prints_no_document_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "good.txt", "Un drone.")
    status, out, _ = run(capsys, str(good), "--incidents-csv", str(tmp_path / "t.csv"), "-q")
    assert status == 0 and out == ""
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").strip() == ",".join(INCIDENT_COLUMNS)


# --- usage errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "an input is required"),
        (("-", "--jsonl", "-"), "standard input (-) can be read only once"),
        (("a.txt", "--explain", "--format", "json"), "--explain goes with --format text"),
        (("a.txt", "--jobs", "-1"), "must be >= 0"),
        (("a.txt", "--max-chars", "many"), "not an integer"),
        (("a.txt", "--time-budget", "soon"), "not a number of seconds"),
        (("a.txt", "--time-budget", "0"), "must be a positive number of seconds"),
        (("a.txt", "--time-budget", "nan"), "must be a positive number of seconds"),
    ],
)
def test_usage_errors_are_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: str
) -> None:
    status, out, err = run(capsys, *args)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and words in err


@pytest.mark.parametrize("option", ["-o", "--errors", "--incidents-csv", "--incidents-jsonl"])
def test_an_unwritable_output_is_one_line_and_the_write_failure_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    good = write(tmp_path / "good.txt", "Un drone.")
    status, out, err = run(capsys, str(good), option, str(tmp_path / "no-such-dir" / "out"))
    assert status == 74 and out == ""
    assert err.startswith("milinc: cannot write ") and "no such file or directory" in err
    assert len(err.splitlines()) == 1


def test_parquet_without_pyarrow_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    good = write(tmp_path / "good.txt", "Un drone.")
    status, _, err = run(capsys, str(good), "--incidents-parquet", str(tmp_path / "t.parquet"))
    assert status == 2
    assert "pip install 'pyarrow>=14' (or, in a milinc checkout: pip install -e '.[parquet]')" in err


# --- processes, end to end --------------------------------------------------------------


def test_jobs_2_gives_the_same_output_as_jobs_1(tmp_path: Path) -> None:
    for record in generate_corpus(24, seed=9):
        write(tmp_path / "c" / f"{record['id']}.txt", record["text"])
    write(tmp_path / "c" / "zz-bad.txt", b"\xff")

    def milinc_parse(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "milinc", "parse", str(tmp_path / "c"), "--format", "jsonl", *args],
            capture_output=True,
            text=True,
            timeout=300,
        )

    serial, parallel = milinc_parse(), milinc_parse("--jobs", "2")
    assert serial.returncode == parallel.returncode == 1
    assert parallel.stdout == serial.stdout
    assert len(serial.stdout.splitlines()) == 25
