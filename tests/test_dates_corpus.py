"""Runs every line of the dates corpus (``src/milinc/corpus/dates.jsonl``) through ``milinc.parse``."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

import pytest

from milinc.ontology import TimeExpression

from .dates_helpers import parse_dates

CORPUS = [
    json.loads(line)
    for line in resources.files("milinc").joinpath("corpus").joinpath("dates.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def _id(row: dict[str, Any]) -> str:
    return f"{row['family']}: {row['phrase']}"


def _parse(row: dict[str, Any]) -> list[TimeExpression]:
    ref = dt.date.fromisoformat(row["reference_date"]) if row.get("reference_date") else None
    return parse_dates(row["phrase"], ref)[1]


def test_corpus_is_large_and_mostly_new() -> None:
    assert len(CORPUS) >= 200
    assert sum(not row["in_seeds"] for row in CORPUS) >= len(CORPUS) / 2
    assert all({"family", "phrase", "in_seeds"} <= row.keys() for row in CORPUS)


@pytest.mark.parametrize("row", CORPUS, ids=_id)
def test_corpus_line(row: dict[str, Any]) -> None:
    dates = _parse(row)
    if row.get("negative"):
        assert dates == [], f"not a date, got {[(d.span.text, d.value) for d in dates]}"
        return
    if "values" in row:
        assert [d.value for d in dates] == row["values"]
        chosen = dates
    else:
        if "text" in row:
            chosen = [d for d in dates if d.span.text == row["text"]]
            assert chosen, f"no mention {row['text']!r} in {[d.span.text for d in dates]}"
        else:
            assert len(dates) == 1, f"expected one mention, got {[(d.span.text, d.value) for d in dates]}"
            chosen = dates
        assert chosen[0].value == row["value"]
    first = chosen[0]
    if "interval_role" in row:
        # one role for the mention, or one per mention for an interval ("du 3 au 5 mars")
        expected = row["interval_role"] if isinstance(row["interval_role"], list) else [row["interval_role"]]
        assert [d.interval_role.value if d.interval_role else None for d in chosen[: len(expected)]] == expected
    if "granularity" in row:
        assert first.granularity.value == row["granularity"]
    if "modifier" in row:
        assert first.modifier is not None and first.modifier.value == row["modifier"]
    if "anchor" in row:
        assert first.anchor.value == row["anchor"]
    if "relative" in row:
        assert first.relative is row["relative"]
    if "conflict" in row:
        assert (first.conflict is not None) is row["conflict"]
    for d in dates:
        assert row["phrase"][d.span.start : d.span.end] == d.span.text
