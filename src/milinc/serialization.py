"""One cattrs converter for the whole ontology: JSON in, JSON out, exact round trip."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

import cattrs

from .errors import InvalidInputError
from .ontology import Document

__all__ = ["converter", "from_dict", "from_json", "to_dict", "to_json"]

converter = cattrs.Converter(forbid_extra_keys=True)
"""The converter between the ontology and JSON-ready values (dates as ISO strings, unknown keys refused)."""
converter.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
converter.register_structure_hook(_dt.date, lambda s, _: _dt.date.fromisoformat(s))


def to_dict(doc: Document) -> dict[str, Any]:
    """The document as plain JSON-ready Python values."""
    out: dict[str, Any] = converter.unstructure(doc)
    return out


def _describe(exc: BaseException, _type: Any) -> str:
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"extra fields found ({', '.join(sorted(exc.extra_fields))})"
    if isinstance(exc, KeyError):
        return f"required field missing ({exc})"
    return str(exc) or type(exc).__name__


def from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a document from :func:`to_dict` output (values are validated again).

    Raises:
        InvalidInputError: the data does not describe a valid document; the
            message lists each problem with its JSON path.
    """
    try:
        return converter.structure(data, Document)
    except cattrs.BaseValidationError as exc:
        problems = cattrs.transform_error(exc, format_exception=_describe)
        raise InvalidInputError("; ".join(problems)) from None


def to_json(doc: Document, *, indent: int | None = None) -> str:
    """Serialize a document to JSON; ``from_json(to_json(doc)) == doc``."""
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Document:
    """Parse a document serialized by :func:`to_json`."""
    return from_dict(json.loads(text))
