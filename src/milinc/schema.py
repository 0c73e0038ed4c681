"""A JSON Schema (draft 2020-12) of the serialized :class:`~milinc.ontology.Document`,
generated from the attrs classes so that it never drifts from the ontology."""

from __future__ import annotations

import datetime as _dt
import enum
import itertools
import types
import typing
from typing import Any

import attrs

from .ontology import Document

__all__ = ["SCHEMA_VERSION", "json_schema"]

SCHEMA_ID = "https://milinc.github.io/milinc/schema/document.json"
"""Where the docs site publishes this schema (``site_url`` of mkdocs.yml + ``schema/document.json``)."""

SCHEMA_VERSION = "2.0"
"""The version of the serialized document's shape: the major number changes when a field changes
meaning or goes, the minor one when fields are added. 2.0: actors by name (``Actor.name``, ``inter``,
``country``), places with coordinates and administrative divisions, document metadata."""


def _field_doc(cls: type, name: str) -> str | None:
    """The docstring written under an attrs field (read from the source, for the schema)."""
    return _FIELD_DOCS.get(cls, {}).get(name)


_FIELD_DOCS: dict[type, dict[str, str]] = {}


def _collect_field_docs(cls: type) -> None:
    import ast
    import inspect
    import textwrap

    if cls in _FIELD_DOCS:
        return
    docs: dict[str, str] = {}
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError, SyntaxError):  # no source (frozen app): schema without descriptions
        _FIELD_DOCS[cls] = docs
        return
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for prev, node in itertools.pairwise(body):
        if (
            isinstance(prev, ast.AnnAssign)
            and isinstance(prev.target, ast.Name)
            and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            docs[prev.target.id] = " ".join(node.value.value.split())
    _FIELD_DOCS[cls] = docs


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if tp is type(None):
        return {"type": "null"}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(a, defs) for a in typing.get_args(tp)]}
    if origin is tuple:
        item = typing.get_args(tp)[0]
        return {"type": "array", "items": _type_schema(item, defs)}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is str:
        return {"type": "string"}
    if tp is _dt.date:
        return {"type": "string", "format": "date"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {
                "description": " ".join((tp.__doc__ or "").split()),
                "enum": [m.value for m in tp],
            }
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if attrs.has(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder against recursion
            defs[tp.__name__] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema for type {tp!r}")


def _pattern_of(validator: Any) -> str | None:
    """The regex a field's validator checks strings against (``_matches`` in the ontology), if any."""
    if validator is None:
        return None
    pattern = getattr(validator, "pattern", None)
    if pattern is not None:
        return str(pattern.pattern)
    for inner in getattr(validator, "_validators", ()):  # attrs' and_() of several validators
        found = _pattern_of(inner)
        if found is not None:
            return found
    return None


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    _collect_field_docs(cls)
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    for f in attrs.fields(cls):
        prop = _type_schema(hints[f.name], defs)
        pattern = _pattern_of(f.validator)
        if pattern is not None:  # a string field checked by a regex (TIMEX3 values, country codes)
            prop = {"anyOf": [{**s, "pattern": pattern} if s.get("type") == "string" else s
                              for s in prop.get("anyOf", [prop])]}
            if len(prop["anyOf"]) == 1:
                prop = prop["anyOf"][0]
        doc = _field_doc(cls, f.name)
        if doc:
            prop = {**prop, "description": doc}
        props[f.name] = prop
    return {
        "type": "object",
        "description": " ".join((cls.__doc__ or "").split()),
        "properties": props,
        "required": [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`milinc.to_json` output."""
    defs: dict[str, Any] = {}
    root = _class_schema(Document, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "milinc Document",
        "version": SCHEMA_VERSION,
        **root,
        "$defs": defs,
    }
