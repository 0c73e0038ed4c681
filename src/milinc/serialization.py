"""One cattrs converter for the whole ontology: JSON in, JSON out, exact round trip.

:func:`from_json` and :func:`from_dict` accept only what describes a valid
document: the types of the ontology, every span (of a date, a count, an
incident, its mentions, actors, place, explanations…) inside the text and
equal to it, strings that are valid Unicode (no lone surrogate) and integers
that fit 64 bits (what the table writers can store). Anything else raises
:class:`~milinc.errors.InvalidInputError` with the JSON path of the problem.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import typing
from typing import Any

import attrs
import cattrs

from . import ontology
from .errors import InvalidInputError
from .ontology import Document, Span

__all__ = ["converter", "from_dict", "from_json", "to_dict", "to_json"]

converter = cattrs.Converter(forbid_extra_keys=True)
"""The converter between the ontology and JSON-ready values (dates as ISO strings, unknown keys refused)."""
converter.register_unstructure_hook(_dt.date, lambda d: d.isoformat())


def _expect(value: Any, kinds: type | tuple[type, ...], name: str) -> None:
    # JSON types as they are: cattrs would otherwise turn 5 into "5" and {} into an empty list
    if not isinstance(value, kinds) or (isinstance(value, bool) and kinds is not bool):
        raise TypeError(f"expected {name}, got {type(value).__name__}")


def _structure_date(value: Any, _type: Any) -> _dt.date:
    _expect(value, str, "a YYYY-MM-DD string")
    return _dt.date.fromisoformat(value)


def _structure_str(value: Any, _type: Any) -> str:
    _expect(value, str, "a string")
    return str(value)


def _structure_int(value: Any, _type: Any) -> int:
    _expect(value, int, "an integer")
    return int(value)


def _structure_float(value: Any, _type: Any) -> float:
    _expect(value, (int, float), "a number")
    return float(value)


def _structure_bool(value: Any, _type: Any) -> bool:
    _expect(value, bool, "true or false")
    return bool(value)


def _is_homogeneous_tuple(type_: Any) -> bool:
    return typing.get_origin(type_) is tuple and typing.get_args(type_)[1:] == (Ellipsis,)


def _structure_tuple(value: Any, type_: Any) -> tuple[Any, ...]:
    _expect(value, list, "a list")
    item_type = typing.get_args(type_)[0]
    return tuple(converter.structure(item, item_type) for item in value)


def _structure_enum(value: Any, type_: Any) -> Any:
    return type_(value)


converter.register_structure_hook(_dt.date, _structure_date)
converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(float, _structure_float)
converter.register_structure_hook(bool, _structure_bool)
for _enum in vars(ontology).values():
    # the ontology's enums are str subclasses: without their own hook, the str hook above would take them
    if isinstance(_enum, type) and issubclass(_enum, enum.Enum):
        converter.register_structure_hook(_enum, _structure_enum)
converter.register_structure_hook_func(_is_homogeneous_tuple, _structure_tuple)


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


_INT64 = range(-(2**63), 2**63)


def _check_invariants(doc: Document) -> None:
    """Raise :class:`InvalidInputError` for a span outside the text, a lone surrogate or an over-large integer."""
    text = doc.text
    stack: list[tuple[str, Any]] = [("$", doc)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, Span):
            if value.end > len(text) or text[value.start : value.end] != value.text:
                raise InvalidInputError(
                    f"{path}: span {value.start}:{value.end} {value.text!r} is not that part of the text"
                )
        elif attrs.has(type(value)):
            stack.extend((f"{path}.{f.name}", getattr(value, f.name)) for f in attrs.fields(type(value)))
        elif isinstance(value, tuple):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(value))
        elif isinstance(value, str):
            if not value.isascii():
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError as exc:
                    raise InvalidInputError(f"{path}: a lone surrogate at character {exc.start}") from None
        elif isinstance(value, int) and not isinstance(value, bool) and value not in _INT64:
            raise InvalidInputError(f"{path}: {value} does not fit 64 bits")


def from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a document from :func:`to_dict` output (values are validated again).

    Raises:
        InvalidInputError: the data does not describe a valid document (see
            the module's description); the message lists each problem with
            its JSON path.
    """
    if not isinstance(data, dict):
        raise InvalidInputError(f"a document is a JSON object, got {type(data).__name__}")
    try:
        doc = converter.structure(data, Document)
    except cattrs.BaseValidationError as exc:
        problems = cattrs.transform_error(exc, format_exception=_describe)
        raise InvalidInputError("; ".join(problems)) from None
    except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a shape cattrs did not expect
        raise InvalidInputError(f"not a document: {_describe(exc, None)}") from None
    _check_invariants(doc)
    return doc


def to_json(doc: Document, *, indent: int | None = None) -> str:
    """Serialize a document to JSON; ``from_json(to_json(doc)) == doc``."""
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Document:
    """Parse a document serialized by :func:`to_json`.

    Raises:
        InvalidInputError: *text* is not JSON (or not UTF-8), or does not
            describe a valid document (see :func:`from_dict`).
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise InvalidInputError(f"not JSON: {exc}") from None
    return from_dict(data)
