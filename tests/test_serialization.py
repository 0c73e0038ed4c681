"""One cattrs converter: exact JSON round trip, and a schema that real outputs validate against."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import milinc

from .conftest import SEEDS
from .factories import full_document


def test_round_trip_of_a_fully_populated_document_is_exact() -> None:
    doc = full_document()
    assert milinc.from_json(milinc.to_json(doc)) == doc


def test_json_keeps_non_ascii_text_readable() -> None:
    assert "Aïn al-Asad" in milinc.to_json(full_document())


def test_structuring_rejects_unknown_keys() -> None:
    data = milinc.to_dict(full_document())
    data["unexpected"] = 1
    with pytest.raises(Exception, match="unexpected"):
        milinc.from_dict(data)


def test_structuring_validates_values_again() -> None:
    data = milinc.to_dict(full_document())
    data["dates"][0]["value"] = "not a timex"
    with pytest.raises(Exception, match="TIMEX3"):
        milinc.from_dict(data)


def test_schema_is_draft_2020_12_and_valid() -> None:
    schema = milinc.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_accepts_a_full_document_and_rejects_a_broken_one() -> None:
    validator = jsonschema.Draft202012Validator(milinc.json_schema())
    data = json.loads(milinc.to_json(full_document()))
    validator.validate(data)
    data["quantities"][0]["qualifier"] = "roughly"
    assert not validator.is_valid(data)


def test_schema_describes_fields_from_their_docstrings() -> None:
    schema = milinc.json_schema()
    assert "resolved value" in schema["$defs"]["TimeExpression"]["properties"]["value"]["description"]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_real_outputs_validate_and_round_trip(path: Path) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    doc = milinc.parse(text)
    data = json.loads(milinc.to_json(doc))
    jsonschema.Draft202012Validator(milinc.json_schema()).validate(data)
    assert milinc.from_json(milinc.to_json(doc)) == doc
