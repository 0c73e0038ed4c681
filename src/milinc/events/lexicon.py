"""Loading the events' data files (triggers, places, actors, ACLED mapping) once per process."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["load_data"]


@functools.cache
def load_data(name: str) -> Any:
    """The parsed JSON of ``milinc/data/<name>.json`` (cached; treat it as read-only)."""
    text = resources.files("milinc").joinpath("data").joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)
