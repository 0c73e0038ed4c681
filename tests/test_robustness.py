"""Any input survives: parse never raises, spans point into the text, output validates,
results are deterministic and invariant under typographic variants."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

import milinc

REF = dt.date(2024, 3, 6)
VALIDATOR = jsonschema.Draft202012Validator(milinc.json_schema())

# Words that wake up every grammar, so random text reaches deep into the parsers.
VOCABULARY = [
    "le", "la", "les", "de", "du", "à", "a", "au", "en", "et", "dans", "nuit", "lundi", "mardi", "soir", "matin",
    "hier", "aujourd’hui", "aujourd'hui", "28", "juin", "2021", "1er", "h", "14h30", "heures", "vers", "depuis",
    "au moins", "plus de", "environ", "deux", "vingt", "et un", "quatre-vingt", "cent", "mille", "2 500", "2\u00a0500",
    "dizaines", "une centaine", "aucune", "victime", "blessés", "tués", "morts", "missile", "missiles", "roquettes",
    "drone", "drones suicides", "« Katyusha »", "AC-130", "Shahed-136", "S-300", "frappe", "attaque", "ont bombardé",
    "a été tué", "explosion", "embuscade", "Bagdad", "Deir ez-Zor", "Aïn al-Asad", "Kharkiv", "«", "»", "“", "”",
    "’", "-", "–", ",", ".", ";", ":", "(", ")", "\n", "\n\n", " ", "\u00a0", "\u202f", "\t", "0", "999999999999",
]
french_like = st.lists(st.sampled_from(VOCABULARY), max_size=60).map(" ".join)
any_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Co"]), max_size=300
)
inputs = st.one_of(any_text, french_like, st.tuples(french_like, any_text, french_like).map("".join))


def all_spans(value: Any) -> list[dict[str, Any]]:
    """Every span-like dict ({start, end, text}) anywhere in a serialized document."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            found.append(value)
        for v in value.values():
            found.extend(all_spans(v))
    elif isinstance(value, list):
        for v in value:
            found.extend(all_spans(v))
    return found


def signature(doc: milinc.Document) -> dict[str, Any]:
    """What was found, by offsets and values, ignoring the characters of the spans."""
    data = milinc.to_contract(doc)

    def strip(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k not in ("text", "attacker", "target", "source")}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    return strip(data)  # type: ignore[no-any-return]


@given(inputs, st.booleans())
def test_parse_never_raises_and_every_span_points_into_the_text(text: str, with_date: bool) -> None:
    doc = milinc.parse(text, reference_date=REF if with_date else None)
    data = json.loads(milinc.to_json(doc))
    for span in all_spans(data):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
    for span in all_spans(milinc.to_contract(doc)):
        assert text[span["start"] : span["end"]] == span["text"]


@given(inputs)
def test_output_validates_against_the_schema_and_round_trips(text: str) -> None:
    doc = milinc.parse(text, reference_date=REF)
    VALIDATOR.validate(json.loads(milinc.to_json(doc)))
    assert milinc.from_json(milinc.to_json(doc)) == doc


@given(inputs)
def test_results_are_deterministic(text: str) -> None:
    assert milinc.parse(text, reference_date=REF) == milinc.parse(text, reference_date=REF)


@given(french_like)
def test_no_break_spaces_and_curly_apostrophes_change_nothing(text: str) -> None:
    plain = text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")
    fancy = text.replace(" ", "\u00a0").replace("'", "’")
    expected = signature(milinc.parse(plain, reference_date=REF))
    assert signature(milinc.parse(fancy, reference_date=REF)) == expected
    assert signature(milinc.parse(text, reference_date=REF)) == expected
