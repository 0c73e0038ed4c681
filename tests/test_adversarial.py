"""Hostile inputs parse without error and with well-formed output (no timing here).

Time per character on these families is measured by ``benchmarks/adversarial.py``
(x10 input in at most x12 time), not by a timed test: timings on a shared
machine are noise, and a test that cannot fail on a slow machine proves nothing.
"""

from __future__ import annotations

import pytest

import milinc
from milinc.testing.adversarial import FAMILIES, make


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_a_hostile_input_is_parsed(family: str) -> None:
    text = make(family, 5_000)
    assert len(text) >= 4_000  # units are whole: about the size asked
    doc = milinc.Parser(discover=False).parse(text)
    assert doc.text is text
    for weapon in doc.weapons:
        assert text[weapon.span.start : weapon.span.end] == weapon.span.text
    for date in doc.dates:
        assert text[date.span.start : date.span.end] == date.span.text


def test_the_incident_digest_has_many_distinct_incidents() -> None:
    doc = milinc.Parser(discover=False).parse(make("incident digest", 3_000))
    assert len(doc.events) >= 10


def test_a_megabyte_on_one_line_is_parsed() -> None:
    text = make("one long line", 1_000_000)
    assert len(text) >= 1_000_000
    doc = milinc.parse(text)
    assert doc.text is text
