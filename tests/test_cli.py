"""The command line end to end, in a subprocess: outputs, error paths and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from .conftest import SEEDS

SEED = SEEDS / "000_8068a7d0a72f2640.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "milinc", *args],
        input=stdin.decode("latin-1") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "milinc", *args], input=stdin, capture_output=True, timeout=120)


def test_json_output_follows_the_contract() -> None:
    out = run("parse", "--format", "json", "--reference-date", "2021-06-30", str(SEED))
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["reference_date"] == "2021-06-30"
    for key in ("dates", "quantities", "weapons", "events"):
        assert isinstance(doc[key], list)
    with open(SEED, encoding="utf-8", newline="") as f:
        text = f.read()
    for key in ("dates", "quantities", "weapons", "events"):
        for item in doc[key]:
            assert text[item["start"] : item["end"]] == item["text"]


def test_text_output_is_a_readable_table() -> None:
    out = run("parse", "--reference-date", "2021-06-30", str(SEED))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"# {SEED}")
    assert "reference date 2021-06-30" in out.stdout
    for title in ("dates (", "quantities (", "weapons (", "events ("):
        assert title in out.stdout


def test_standard_input_is_read_with_a_dash() -> None:
    out = run_bytes("parse", "--format", "json", "-", stdin=b"Hier soir, rien.")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["reference_date"] is None


def test_schema_command_prints_a_valid_schema() -> None:
    out = run("schema")
    assert out.returncode == 0
    jsonschema.Draft202012Validator.check_schema(json.loads(out.stdout))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("parse", "does-not-exist.txt"), "no such file"),
        (("parse", "--reference-date", "2021-13-45", str(SEED)), "not a date"),
        (("parse", "--reference-date", "yesterday", str(SEED)), "not a date"),
        (("parse", "--format", "xml", str(SEED)), "invalid choice"),
        (("parse",), "required"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_errors_are_one_line_on_stderr_with_status_2(args: tuple[str, ...], message: str) -> None:
    out = run(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert message in lines[0]
    assert "Traceback" not in out.stderr


def test_undecodable_bytes_give_one_line_and_status_2() -> None:
    out = run_bytes("parse", "-", stdin=b"attaque \xff\xfe au missile")
    assert out.returncode == 2
    assert b"not valid UTF-8" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_an_empty_directory_is_a_one_line_error(tmp_path: Path) -> None:
    out = run("parse", str(tmp_path))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
