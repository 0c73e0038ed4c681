"""An incident named as the complement of "au lendemain de" or "à la veille de" takes the day before or after.

The phrases are written for these tests; none is taken from the seed or dev articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

import milinc

REF = dt.date(2024, 7, 23)  # a Tuesday
PARSER = milinc.Parser(discover=False)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Les frappes américaines de dimanche contre Hodeïda surviennent au lendemain d'une attaque de drone houthie "
     "contre Eilat, qui a blessé trois personnes.", "attaque de drone houthie", "2024-07-20"),
    ("Les tirs de lundi contre Kharkiv sont intervenus au lendemain d'un bombardement russe sur Soumy.",
     "bombardement russe", "2024-07-21"),
])
def test_the_complement_of_a_day_link_is_the_day_before(text: str, trigger: str, expected: str) -> None:
    found = {e.span.text: e for e in PARSER.parse(text, reference_date=REF).events}
    assert found[trigger].date is not None
    assert found[trigger].date.value == expected


def test_a_day_link_to_an_undated_incident_gives_no_date() -> None:
    found = {e.span.text: e for e in PARSER.parse(
        "Ces raids sont intervenus au lendemain d'une attaque de drone contre Tel-Aviv.", reference_date=REF).events}
    assert all(e.date is None for e in found.values())
