"""The events stage does the same work per character on long documents: counted in calls, not timed.

A digest of many distinct incidents (a bulletin, a timeline), one sentence holding
thousands of mentions and a list of trigger words must cost about ten times more
for ten times the text (issue 19 item 7). The cost is the number of Python calls
made in ``milinc.events`` while parsing: unlike a clock, it does not depend on the
machine or its load.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

import milinc

_PLACES = ["Gao", "Ménaka", "Kidal", "Mopti", "Tombouctou", "Ségou", "Djibo", "Dori", "Fada N'Gourma", "Kaya",
           "Tillabéri", "Diffa", "Maiduguri", "Kharkiv", "Kherson", "Zaporijia", "Donetsk", "Odessa", "Sumy", "Izioum"]
_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"]
_TEMPLATES = [
    "Le {d} {m}, une attaque a visé {p}, tuant {k} soldats.",
    "Des frappes aériennes ont touché {p} le {d} {m}, faisant {k} morts.",
    "Une embuscade a été tendue près de {p} le {d} {m} : {k} civils ont été tués.",
    "Le {d} {m}, des roquettes ont été tirées sur {p}. {k} personnes ont été blessées.",
]


def digest(n: int) -> str:
    """*n* incidents, five to a paragraph, each on another day (and mostly at another place)."""
    lines = []
    for i in range(n):
        lines.append(_TEMPLATES[i % 4].format(d=1 + i % 28, m=_MONTHS[i // 28 % 12], p=_PLACES[i % 20], k=2 + i % 37))
        if i % 5 == 4:
            lines.append("\n\n")
    return " ".join(lines)


def one_sentence(n: int) -> str:
    """One sentence of *n* clauses about one incident."""
    return "Lundi, " + "des frappes ont visé Gao et l'attaque a tué deux soldats, " * n + "selon l'armée."


def trigger_words(n: int) -> str:
    return "attaque frappe bombardement " * n


def events_calls(text: str) -> int:
    """Python calls made inside ``milinc.events`` while parsing *text*."""
    parser = milinc.default_parser()
    parser.parse("Une attaque a visé Gao lundi.")  # warm: compiled once
    count = 0

    def profile(frame: FrameType, event: str, _: Any) -> None:
        nonlocal count
        if event == "call" and "milinc/events/" in frame.f_code.co_filename.replace("\\", "/"):
            count += 1

    sys.setprofile(profile)
    try:
        parser.parse(text)  # no reference date: no incident of the digest is background
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize(("make", "small"), [(digest, 60), (one_sentence, 60), (trigger_words, 150)],
                         ids=["digest of incidents", "one long sentence", "trigger words"])
def test_ten_times_the_text_costs_about_ten_times_the_work(make: Callable[[int], str], small: int) -> None:
    short, long = make(small), make(10 * small)
    ratio = events_calls(long) / events_calls(short)
    growth = len(long) / len(short)
    assert ratio <= 1.2 * growth, (make.__name__, ratio, growth)

