"""One cattrs converter for the whole ontology: JSON in, JSON out, exact round trip."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

import cattrs

from .ontology import Document

__all__ = ["converter", "from_dict", "from_json", "to_dict", "to_json"]

converter = cattrs.Converter(forbid_extra_keys=True)
converter.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
converter.register_structure_hook(_dt.date, lambda s, _: _dt.date.fromisoformat(s))


def to_dict(doc: Document) -> dict[str, Any]:
    """The document as plain JSON-ready Python values."""
    out: dict[str, Any] = converter.unstructure(doc)
    return out


def from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a document from :func:`to_dict` output (values are validated again)."""
    return converter.structure(data, Document)


def to_json(doc: Document, *, indent: int | None = None) -> str:
    """Serialize a document to JSON; ``from_json(to_json(doc)) == doc``."""
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Document:
    """Parse a document serialized by :func:`to_json`."""
    return from_dict(json.loads(text))
