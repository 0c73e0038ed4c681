"""Runs every line of the quantities corpus (``src/milinc/corpus/quantities.jsonl``) through ``milinc.parse``."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

import milinc
from milinc.ontology import Quantity

CORPUS = [
    json.loads(line)
    for line in resources.files("milinc")
    .joinpath("corpus", "quantities.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]
FIELDS = ("value", "qualifier", "unit", "low", "high", "role", "rule")


def _id(row: dict[str, Any]) -> str:
    return f"{row['family']}: {row['phrase']}" + (f" [{row['text']}]" if "text" in row else "")


def _describe(quantities: list[Quantity]) -> list[tuple[str, str, int | None, str | None]]:
    return [(q.span.text, q.qualifier.value, q.value, q.unit) for q in quantities]


def _field(q: Quantity, name: str) -> Any:
    value = getattr(q, name)
    return value.value if hasattr(value, "value") else value


def test_corpus_is_large_and_mostly_new() -> None:
    assert len(CORPUS) >= 200
    assert sum(not row["in_seeds"] for row in CORPUS) >= len(CORPUS) / 2
    assert all({"family", "phrase", "in_seeds"} <= row.keys() for row in CORPUS)


@pytest.mark.parametrize("row", CORPUS, ids=_id)
def test_corpus_line(row: dict[str, Any]) -> None:
    quantities = list(milinc.parse(row["phrase"]).quantities)
    for q in quantities:
        assert row["phrase"][q.span.start : q.span.end] == q.span.text
    if row.get("negative"):
        assert quantities == [], f"not a count, got {_describe(quantities)}"
        return
    if "text" in row:
        chosen = [q for q in quantities if q.span.text == row["text"]]
        assert chosen, f"no count {row['text']!r} in {_describe(quantities)}"
    else:
        assert len(quantities) == 1, f"expected one count, got {_describe(quantities)}"
        chosen = quantities
    q = chosen[0]
    for name in FIELDS:
        if name in row:
            assert _field(q, name) == row[name], f"{name}: got {_field(q, name)!r}, expected {row[name]!r}"
