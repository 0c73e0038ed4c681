"""Datelines are metadata: their place and date never fill an incident; a clause's own date wins.

The phrases are written for these tests; none is taken from the seed articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

import milinc
from milinc.ontology import Event

REF = dt.date(2024, 9, 25)  # a Wednesday
PARSER = milinc.Parser(discover=False)


def only(text: str) -> Event:
    found = PARSER.parse(text, reference_date=REF).events
    assert len(found) == 1, [e.span.text for e in found]
    return found[0]


@pytest.mark.parametrize(("text", "date", "place"), [
    ("Beyrouth, 24 septembre 2024 – Une frappe israélienne a visé lundi après-midi un immeuble à Tyr.",
     "2024-09-23TAF", "Tyr"),
    ("Bamako, 29 juillet 2024 (AFP) – Des jihadistes ont attaqué un poste de l'armée près de Tessalit.",
     None, "Tessalit"),
    ("KIEV (Reuters) - Des drones russes ont frappé Odessa dans la nuit de lundi à mardi.", None, "Odessa"),
    ("Bamako, 22 septembre 2024 (AFP) - Une attaque a visé un convoi dans le nord du pays.", None, None),
    ("Gao, 22 septembre 2024. Des hommes armés ont attaqué un convoi près de Tessalit.", None, "Tessalit"),
    ("Attaque au Mali\n\nBamako, 22 septembre 2024 (AFP) – Des hommes armés ont attaqué dimanche un convoi "
     "près de Tessalit.", "2024-09-22", "Tessalit"),
])
def test_a_dateline_is_not_the_incident(text: str, date: str | None, place: str | None) -> None:
    e = only(text)
    if date is not None:
        assert e.date is not None and e.date.value == date
    elif e.date is not None:  # a date, if any, comes from the clause, never from the dateline
        assert e.date.span.start > text.index("–" if "–" in text else "-")
    assert (e.location.name if e.location else None) == place


@pytest.mark.parametrize(("text", "date"), [
    ("Mardi, l'armée a indiqué qu'une frappe a visé lundi après-midi un dépôt à Tyr.", "2024-09-23TAF"),
    ("Lundi soir, une frappe a visé un dépôt près de Tyr vers 22 heures.", "2024-09-23T22:00"),
])
def test_the_clause_date_wins_and_is_refined(text: str, date: str) -> None:
    e = only(text)
    assert e.date is not None and e.date.value == date


def test_a_thing_hit_is_not_a_casualty() -> None:
    e = only("Une frappe israélienne a visé lundi un immeuble près de Tyr, tuant trois personnes.")
    assert e.killed is not None and e.killed.value == 3
