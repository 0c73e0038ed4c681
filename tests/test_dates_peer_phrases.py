"""The French phrases of a peer time parser's families that news uses, resolved past-first (GUIDELINES §2).

``tests/data/peer_phrases_fr.jsonl`` holds several hundred phrases written for milinc in the
families the peer's (Duckling's) French time corpus covers — relative days, weekdays, absolute
dates, months and years, relative weeks/months/years, "il y a" and "dans", parts of day, clock
times in every written form, week-ends, seasons, holidays, intervals — each with the value a news
reader expects against one fixed reference date (Tuesday 12 February 2013), resolved past-first
as the guidelines say (the peer itself prefers the future). The issue asks that at least 95 % of
them get the expected value; the test fails below that and lists the misses.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .dates_helpers import parse_dates

PHRASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "peer_phrases_fr.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip()]
REFERENCE = dt.date(2013, 2, 12)
TARGET = 0.95


def _got(phrase: str) -> list[str]:
    return [d.value for d in parse_dates(phrase, REFERENCE)[1]]


def _passes(row: dict[str, object]) -> bool:
    got = _got(str(row["phrase"]))
    if "values" in row:
        return got == row["values"]
    return got == [row["value"]]


def test_the_peer_phrases_are_several_hundred_across_families() -> None:
    assert len(PHRASES) >= 300
    assert len({row["family"] for row in PHRASES}) >= 10


def test_at_least_95_percent_of_the_peer_phrases_get_the_expected_value() -> None:
    misses = [(row["phrase"], row.get("values", row.get("value")), _got(str(row["phrase"]))) for row in PHRASES
              if not _passes(row)]
    rate = 1 - len(misses) / len(PHRASES)
    assert rate >= TARGET, f"{rate:.1%} pass; misses: {misses}"
