"""Fuzzing: on any text milinc returns a well-formed document, never a traceback.

Runs in CI's fast profile (``HYPOTHESIS_PROFILE=ci``: 60 examples a test) and longer
locally (``HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py``: 5 000). Each property
holds for every input: the parse ends without an exception, every span of the
document points into the text and holds its text, values are ordered, and the JSON
form reads back to the same document.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import milinc
from milinc.ontology import Span
from milinc.testing.adversarial import FAMILIES

PARSER = milinc.Parser(discover=False)

WORDS = [
    # triggers, weapons, places, actors, dates, numbers and the glue of French reporting
    "attaque", "frappe", "frappé", "tués", "blessés", "tirs", "roquettes", "drone", "obus", "missile",
    "Shahed-136", "Grad", "engin", "explosif", "improvisé", "embuscade", "attentat", "kamikaze", "intercepté",
    "Gao", "Ménaka", "Khan Younès", "Aïn al-Asad", "Kharkiv", "Rafah", "base", "camp", "village",
    "l'armée", "les jihadistes", "le Hamas", "l'État islamique", "soldats", "civils", "policiers",
    "lundi", "mardi", "dimanche", "soir", "nuit", "matin", "hier", "la veille", "le lendemain",
    "28", "31", "1er", "juin", "février", "2024", "1999", "12/03", "23 h 30", "3h", "10:45",
    "deux", "vingt", "quatre-vingt-dix-neuf", "mille", "millions", "une dizaine", "au moins", "plus de",
    "2 500", "1,5", "99999999999", "0", "-3",
    "le", "la", "les", "de", "du", "des", "à", "au", "et", "ou", "ne", "pas", "a", "ont", "été", "par", "près",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "  ", "\u00a0", "\n", "\n\n", ", ", ". ", " ; ", " « ", " » ", "'", "-", "\t", " (", ") "]

french_like = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)).map("".join), min_size=1, max_size=60
).map("".join)
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("aeé ,.«»'-\n0123456789")),
    max_size=300,
)
hostile = st.builds(
    lambda family, n, prefix, suffix: prefix + FAMILIES[family](n) + suffix,
    st.sampled_from(sorted(FAMILIES)),
    st.integers(min_value=1, max_value=8),
    french_like,
    st.sampled_from(["", ".", "\n", " lundi"]),
)
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)


def _spans(value: Any) -> list[Span]:
    """Every span in a document value (attrs classes, tuples, lists)."""
    found: list[Span] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Span):
            found.append(item)
        elif attrs.has(type(item)):
            stack.extend(getattr(item, a.name) for a in attrs.fields(type(item)))
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return found


def _well_formed(text: str, doc: milinc.Document) -> None:
    assert doc.text == text
    for span in _spans(doc):
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span
    for values in (doc.dates, doc.quantities, doc.weapons):
        starts = [v.span.start for v in values]
        assert starts == sorted(starts)
    assert milinc.from_json(milinc.to_json(doc)) == doc
    json.loads(milinc.to_json(doc))


@FUZZ
@given(french_like)
def test_french_like_text(text: str) -> None:
    _well_formed(text, PARSER.parse(text))


@FUZZ
@given(any_text)
def test_any_text(text: str) -> None:
    _well_formed(text, PARSER.parse(text))


@FUZZ
@given(hostile)
def test_hostile_families_with_noise(text: str) -> None:
    _well_formed(text, PARSER.parse(text))


@FUZZ
@given(french_like, st.dates(min_value=__import__("datetime").date(1, 1, 1)))
def test_any_reference_date(text: str, reference: Any) -> None:
    doc = PARSER.parse(text, reference_date=reference)
    _well_formed(text, doc)


@pytest.mark.parametrize("text", ["\ud800 attaque lundi", "tirs\udfff de roquettes", "\ud83d"])
def test_lone_surrogates_are_parsed(text: str) -> None:
    doc = PARSER.parse(text)
    assert doc.text == text
    for span in _spans(doc):
        assert text[span.start : span.end] == span.text


_HUGE = "100000000000000000000"  # 10**20: beyond 64 bits


@pytest.mark.parametrize(
    "text",
    [
        f"{_HUGE} attaque ",  # found by test_french_like_text: a count of no one reached the document
        f"{_HUGE} soldats tués",
        f"entre 5 et {_HUGE} morts",
        f"le bilan passe de 3 à {_HUGE} morts",
        f"{_HUGE} millions de morts",
        "10 000 000 000 000 000 000 000 morts",
        f"Deux attaques. {_HUGE} tués, {_HUGE} blessés.",
        f"{_HUGE} roquettes tirées, {_HUGE} drones abattus",
        f"le {_HUGE} janvier, il y a {_HUGE} jours, dans {_HUGE} semaines",
        "9" * 400 + " morts",
    ],
)
def test_an_implausible_count_never_breaks_json_nor_a_table(text: str, tmp_path: Path) -> None:
    from milinc.export import rows_for
    from milinc.quantities import MAX_COUNT

    doc = PARSER.parse(text)
    _well_formed(text, doc)
    numbers = [n for q in doc.quantities for n in (q.value, q.low, q.high) if n is not None]
    numbers += [w.count for w in doc.weapons if w.count is not None]
    assert all(0 <= n <= MAX_COUNT for n in numbers), numbers
    rows = rows_for("d", doc)
    if importlib.util.find_spec("pyarrow") is not None:
        from milinc.export import ParquetIncidentWriter

        with ParquetIncidentWriter(tmp_path / "t.parquet") as writer:
            writer.write_rows(rows)
