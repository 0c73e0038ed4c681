"""milinc: typed, span-grounded data from French military-incident reporting.

>>> import datetime, milinc
>>> doc = milinc.parse("Lundi soir, au moins huit roquettes ont frappé la base.",
...                    reference_date=datetime.date(2021, 6, 30))
"""

from __future__ import annotations

import datetime as _dt
import importlib
from typing import TYPE_CHECKING, Any

from .budget import TimeBudgetExceeded
from .errors import InputTooLargeError, InvalidInputError, MilincError, PluginError
from .ontology import (
    Action,
    Actor,
    ActorType,
    Anchor,
    Casualties,
    CasualtyRole,
    Document,
    Event,
    EventType,
    Explanation,
    Granularity,
    IntervalRole,
    Metadata,
    Modality,
    Modifier,
    PartOfDay,
    Place,
    PlaceKind,
    Qualifier,
    Quantity,
    ReferenceDateSource,
    Source,
    Span,
    SubEventType,
    TimeExpression,
    Weapon,
    WeaponCategory,
)
from .pipeline import Parser
from .shared_parser import default_parser
from .shared_parser import parser_for as _parser_for

if TYPE_CHECKING:
    from .batch import ErrorKind, ErrorRecord, Record, parse_many, parse_records
    from .contract import to_contract
    from .crossdoc import MergedIncident, merge_incidents
    from .render import to_html
    from .schema import json_schema
    from .serialization import from_dict, from_json, to_dict, to_json

# Imported on first use: a script that only parses does not pay for cattrs or the batch machinery.
_LAZY = {
    "ErrorKind": "batch",
    "ErrorRecord": "batch",
    "Record": "batch",
    "parse_many": "batch",
    "parse_records": "batch",
    "to_contract": "contract",
    "MergedIncident": "crossdoc",
    "merge_incidents": "crossdoc",
    "to_html": "render",
    "json_schema": "schema",
    "from_dict": "serialization",
    "from_json": "serialization",
    "to_dict": "serialization",
    "to_json": "serialization",
}


def _installed_version() -> str:
    """The version of the installed distribution; for a source checkout that is not installed, pyproject's."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("milinc")
    except PackageNotFoundError:
        pass
    import re
    from pathlib import Path

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        found = re.search(r'(?m)^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"))
    except OSError:
        found = None
    return found.group(1) if found else "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":  # read on first use: importlib.metadata costs start-up time
        value: Any = _installed_version()
    else:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'milinc' has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "__version__"})


if TYPE_CHECKING:
    __version__: str
    """The installed version of milinc (from the package metadata)."""

__all__ = [
    "Action",
    "Actor",
    "ActorType",
    "Anchor",
    "Casualties",
    "CasualtyRole",
    "Document",
    "ErrorKind",
    "ErrorRecord",
    "Event",
    "EventType",
    "Explanation",
    "Granularity",
    "InputTooLargeError",
    "IntervalRole",
    "InvalidInputError",
    "MergedIncident",
    "Metadata",
    "MilincError",
    "Modality",
    "Modifier",
    "Parser",
    "PartOfDay",
    "Place",
    "PlaceKind",
    "PluginError",
    "Qualifier",
    "Quantity",
    "Record",
    "ReferenceDateSource",
    "Source",
    "Span",
    "SubEventType",
    "TimeBudgetExceeded",
    "TimeExpression",
    "Weapon",
    "WeaponCategory",
    "__version__",
    "default_parser",
    "from_dict",
    "from_json",
    "json_schema",
    "merge_incidents",
    "parse",
    "parse_many",
    "parse_records",
    "to_contract",
    "to_dict",
    "to_html",
    "to_json",
]


def parse(
    text: str,
    *,
    reference_date: _dt.date | _dt.datetime | str | None = None,
    plugins: Any = None,
    time_budget: float | None = None,
) -> Document:
    """Parse a French report into a :class:`Document`.

    Args:
        text: the article text.
        reference_date: its publication date, against which relative dates
            ("hier", "lundi soir") are resolved: a ``date``, a ``datetime``
            (its day) or an ISO 8601 string (``"2024-03-05"``, a timestamp),
            as :func:`parse_many` takes. When ``None``, a dateline is used if
            the text has one.
        plugins: extra plugins for this call (a :class:`Parser` is built for
            each new set of plugin objects and reused for the same set).
        time_budget: seconds this parse may take, or ``None`` for no limit
            (see :mod:`milinc.budget`).

    Returns:
        The document with its dates, quantities, weapons and events.

    Raises:
        TypeError: *text* is not a string, or *reference_date* of another type.
        InvalidInputError: *reference_date* is a string that is not a date.
        InputTooLargeError: *text* exceeds the parser's ``max_chars``.
        TimeBudgetExceeded: the parse took longer than *time_budget*.
    """
    parser = _parser_for(plugins) if plugins else default_parser()
    return parser.parse(text, reference_date=reference_date, time_budget=time_budget)
