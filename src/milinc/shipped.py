"""Plain-JSON data derived at development time and shipped in ``milinc/compiled`` (``scripts/build_tables.py``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["shipped_object"]


def shipped_object(name: str) -> dict[str, Any]:
    """The JSON object of ``milinc/compiled/NAME``; empty when it is missing or not a JSON object."""
    try:
        found = json.loads(resources.files("milinc").joinpath("compiled").joinpath(name).read_bytes())
    except (OSError, ValueError):
        return {}
    return found if type(found) is dict else {}
