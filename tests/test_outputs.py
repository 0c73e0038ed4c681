"""Outputs: written whole or not at all, never over an input, CSV cells safe in a spreadsheet."""

from __future__ import annotations

import csv
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from milinc.cli import main
from milinc.errors import OutputConflictError, OutputError
from milinc.export import (
    INCIDENT_COLUMNS,
    CsvIncidentWriter,
    escape_formula,
    open_incident_writer,
    read_incidents,
    unescape_formula,
)
from milinc.outputs import TEMP_SUFFIX, OutputSet, open_output

from .conftest import SEEDS

SEED_TEXT = (SEEDS / "000_8068a7d0a72f2640.txt").read_text(encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["parse", *args])
    out, err = capsys.readouterr()
    return status, out, err


def temp_files(directory: Path) -> list[str]:
    return [name for name in os.listdir(directory) if name.endswith(TEMP_SUFFIX)]


@pytest.fixture
def records(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Deux roquettes ont frappé la base mardi soir.", "reference_date": "2024-01-24"})
        + "\n",
        encoding="utf-8",
    )
    return path


# --- an output is never an input, nor another output ---------------------------------------


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink", "hardlink"])
def test_an_output_that_is_the_jsonl_input_is_refused_and_the_input_kept(
    records: Path, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    before = records.read_bytes()
    target = {"same": str(records), "dot": str(records.parent / "." / records.name)}.get(spelling)
    if spelling == "symlink":
        os.symlink(records, records.parent / "link.jsonl")
        target = str(records.parent / "link.jsonl")
    if spelling == "hardlink":
        os.link(records, records.parent / "hard.jsonl")
        target = str(records.parent / "hard.jsonl")
    assert target is not None
    status, out, err = run(capsys, "--jsonl", str(records), "--format", "documents-jsonl", "-o", target)
    assert status == 2 and out == ""
    assert "is also an input" in err and len(err.splitlines()) == 1
    assert records.read_bytes() == before
    assert temp_files(records.parent) == []


@pytest.mark.parametrize("option", ["-o", "--errors", "--incidents-csv", "--incidents-jsonl"])
def test_every_output_option_refuses_an_input_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Un drone a frappé Kiev.", encoding="utf-8")
    status, _, err = run(capsys, str(article), option, str(article))
    assert status == 2 and "is also an input" in err
    assert article.read_text(encoding="utf-8") == "Un drone a frappé Kiev."


def test_an_output_that_is_a_file_found_in_an_input_directory_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text(f"Un drone a frappé Kiev ({name}).", encoding="utf-8")
    status, _, err = run(capsys, str(corpus), "--format", "documents-jsonl", "-o", str(corpus / "b.txt"))
    assert status == 2 and "is also an output" in err
    assert (corpus / "b.txt").read_text(encoding="utf-8") == "Un drone a frappé Kiev (b.txt)."
    assert temp_files(corpus) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [("--incidents-csv", "--incidents-jsonl"), ("-o", "--errors"), ("--errors", "--incidents-csv")],
)
def test_two_outputs_on_one_file_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], records: Path, first: str, second: str
) -> None:
    out = tmp_path / "out.txt"
    status, _, err = run(
        capsys, "--jsonl", str(records), "--format", "documents-jsonl", first, str(out), second, str(tmp_path / "." / "out.txt")
    )
    assert status == 2 and "are the same output" in err
    assert not out.exists() and temp_files(tmp_path) == []


def test_standard_output_appended_to_an_input_is_refused(records: Path) -> None:
    before = records.read_bytes()
    with open(records, "ab") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "milinc", "parse", "--jsonl", str(records), "--format", "documents-jsonl"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert done.returncode == 2 and b"is also an input" in done.stderr
    assert records.read_bytes() == before


def test_the_null_device_can_take_several_outputs(records: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = run(capsys, "--jsonl", str(records), "-o", os.devnull, "--incidents-csv", os.devnull)
    assert status == 0


# --- whole or not at all ----------------------------------------------------------------


def test_an_output_is_renamed_into_place_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with open_output(target) as out:
        out.write("new\n")
        assert target.read_text(encoding="utf-8") == "old\n"  # still the old file while writing
        assert len(temp_files(tmp_path)) == 1
    assert target.read_text(encoding="utf-8") == "new\n"
    assert temp_files(tmp_path) == []


def test_a_failed_run_leaves_the_target_as_it_was_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    (tmp_path / "other.milinc-tmp").write_text("not ours", encoding="utf-8")
    with pytest.raises(RuntimeError), open_incident_writer(target, "csv") as writer:
        writer.write_rows([dict.fromkeys(INCIDENT_COLUMNS)])
        raise RuntimeError("the run broke")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert temp_files(tmp_path) == ["other.milinc-tmp"]  # a file milinc did not create is never removed


def test_a_replaced_output_keeps_its_permissions_and_a_new_one_gets_the_umask(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    with open_output(kept) as out:
        out.write("new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    old_umask = os.umask(0o027)
    try:
        import milinc.outputs

        milinc.outputs._umask = None  # read again
        with open_output(tmp_path / "new.txt") as out:
            out.write("x")
    finally:
        os.umask(old_umask)
        milinc.outputs._umask = None
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_an_output_through_a_symlink_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with open_output(link) as out:
        out.write("new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_special_files_are_written_directly(tmp_path: Path) -> None:
    with open_output(os.devnull) as out:
        out.write("nothing")
        assert not out.atomic
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    with open_output(fifo) as out:
        out.write("through the pipe\n")
    reader.join(10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode) and temp_files(tmp_path) == []


def test_output_set_refuses_an_output_over_an_input_by_identity(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("x", encoding="utf-8")
    outputs = OutputSet()
    outputs.add_input(str(source))
    with pytest.raises(OutputConflictError):
        outputs.open(str(tmp_path / "." / "in.txt"))
    first = outputs.open(str(tmp_path / "a.csv"))
    with pytest.raises(OutputConflictError):
        outputs.open(str(tmp_path / "a.csv"))
    with pytest.raises(OutputConflictError):  # an input found later that is the output's temporary file
        assert first.temp_path is not None
        outputs.check_input(first.temp_path, (os.stat(first.temp_path).st_dev, os.stat(first.temp_path).st_ino))
    outputs.abort()
    assert temp_files(tmp_path) == []


# --- write errors: one line, a status of their own ------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("where", ["-o", "stdout", "--incidents-jsonl"])
def test_a_write_error_is_one_line_and_status_74(tmp_path: Path, where: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Deux roquettes ont frappé la base mardi soir.", encoding="utf-8")
    args = [sys.executable, "-m", "milinc", "parse", str(article), "--format", "documents-jsonl"]
    if where == "stdout":
        with open("/dev/full", "w") as full:
            done = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    else:
        done = subprocess.run([*args, where, "/dev/full"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 74, done.stderr
    assert done.stderr.startswith("milinc: cannot write ") and "no space left on device" in done.stderr
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_an_unexpected_error_has_its_own_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import milinc.cli

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(milinc.cli, "parse_records", broken)
    monkeypatch.delenv("MILINC_DEBUG", raising=False)
    article = tmp_path / "a.txt"
    article.write_text("x", encoding="utf-8")
    status, _, err = run(capsys, str(article))
    assert status == 70
    assert err.startswith("milinc: internal error: RuntimeError: a bug") and len(err.splitlines()) == 1


# --- signals: a clean abort ----------------------------------------------------------------


@pytest.fixture
def long_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(400):
        (corpus / f"{i:03}.txt").write_text(SEED_TEXT + f"\nDépêche {i}.\n", encoding="utf-8")
    return corpus


@pytest.mark.parametrize(("signum", "jobs"), [(signal.SIGTERM, "1"), (signal.SIGTERM, "2"), (signal.SIGINT, "2")])
def test_a_signal_aborts_cleanly_leaving_no_partial_output(
    tmp_path: Path, long_corpus: Path, signum: int, jobs: str
) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.csv").write_text("an older table\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "milinc", "parse", str(long_corpus), "-q", "-j", jobs,
         "--incidents-parquet", str(out / "new.parquet"), "--incidents-csv", str(out / "kept.csv")],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # Ctrl-C reaches the whole process group, workers included
    )
    deadline = time.monotonic() + 60
    while len(temp_files(out)) < 2 and time.monotonic() < deadline:  # the outputs are open: parsing has begun
        time.sleep(0.05)
    time.sleep(0.5)
    os.killpg(process.pid, signum) if signum == signal.SIGINT else process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert sorted(os.listdir(out)) == ["kept.csv"]  # no 4-byte Parquet file, no temporary file
    assert (out / "kept.csv").read_text(encoding="utf-8") == "an older table\n"


# --- CSV formula injection ---------------------------------------------------------------


def test_formula_cells_are_escaped_text_only_and_read_back_unchanged(tmp_path: Path) -> None:
    row = dict.fromkeys(INCIDENT_COLUMNS)
    row.update(
        event_id="=1+1:1", document_id="@SUM(A1)", location="-Kiev", attacker="+33 armée",
        evidence_text="\tcaché", target="'=déjà cité", killed=-3, injured=0, source="Kiev",
    )
    path = tmp_path / "t.csv"
    with CsvIncidentWriter(path) as writer:
        writer.write_rows([row])
    with open(path, encoding="utf-8", newline="") as f:
        (raw,) = list(csv.DictReader(f))
    assert raw["event_id"] == "'=1+1:1" and raw["document_id"] == "'@SUM(A1)" and raw["location"] == "'-Kiev"
    assert raw["attacker"] == "'+33 armée" and raw["evidence_text"] == "'\tcaché" and raw["target"] == "''=déjà cité"
    assert raw["killed"] == "-3" and raw["source"] == "Kiev"  # a number stays a number
    (back,) = read_incidents(path)
    assert back == row


def test_formula_escaping_can_be_turned_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({"id": "=HYPERLINK(1)", "text": "x"}) + "\n", encoding="utf-8")
    for mode, expected in (("escape", "'=HYPERLINK(1)"), ("raw", "=HYPERLINK(1)")):
        table = tmp_path / f"{mode}.csv"
        args = ["--jsonl", str(jsonl), "--incidents-csv", str(table), "-q", "--csv-formulas", mode]
        # a parse failure gives the row its document id (a text "x" has no incident)
        status, _, _ = run(capsys, *args, "--max-chars", "0")
        assert status == 2
        with open(table, encoding="utf-8", newline="") as f:
            (raw,) = list(csv.DictReader(f))
        assert raw["document_id"] == expected


def test_escape_formula_is_undone_exactly() -> None:
    for cell in ["=1", "-", "'", "''=", "'-2", "a=b", "", "@", "\r", "x"]:
        assert unescape_formula(escape_formula(cell)) == cell


def test_a_count_too_large_for_parquet_is_a_clear_error_not_a_crash(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    row = dict.fromkeys(INCIDENT_COLUMNS)
    row.update(document_id="d", killed=10**20)
    writer = open_incident_writer(tmp_path / "t.parquet", "parquet")
    writer.write_rows([row])
    with pytest.raises(OutputError, match="does not fit"):
        writer.close()
    assert os.listdir(tmp_path) == []


def test_an_implausible_count_is_no_count_and_every_writer_takes_the_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pyarrow")
    article = tmp_path / "a.txt"
    article.write_text(
        "Lundi, une frappe de drone a tué 100000000000000000000 soldats et 12 civils près de Gao, au Mali.",
        encoding="utf-8",
    )
    table = tmp_path / "t.parquet"
    status, out, err = run(capsys, str(article), "--format", "json", "--incidents-parquet", str(table), "-o", "-")
    assert status == 0, err
    from milinc.quantities import MAX_COUNT

    doc = json.loads(out)
    assert all(q["value"] is None or q["value"] <= MAX_COUNT for q in doc["quantities"])
    assert "100000000000000000000" not in {q["text"].split()[0] for q in doc["quantities"]}
    assert all(row["killed"] is None or row["killed"] <= MAX_COUNT for row in read_incidents(table))
