"""milinc-plugin-sahel: what milinc needs to read reporting on the Sahel.

Installing the package is enough: it registers :func:`make_plugin` under the
entry-point group ``milinc.plugins``, and every ``milinc.parse`` call (and the
``milinc parse`` command) then knows the places, armed groups and weapon
systems of Mali, Burkina Faso, Niger and the Lake Chad basin listed in
``sahel.json``, plus the phrasings in :data:`GRAMMAR`.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from milinc.plugins import Plugin

__all__ = ["CALLBACKS", "GRAMMAR", "make_plugin"]

__version__ = "0.1.0"

GRAMMAR: dict[str, list[str]] = {}
"""Grammar fragments per dimension (lark ``%extend`` at the grammars' extension points)."""

CALLBACKS: dict[str, dict[str, Any]] = {}
"""Transformer callbacks per dimension, for the rules :data:`GRAMMAR` adds."""


def _lexicons() -> dict[str, list[dict[str, Any]]]:
    text = resources.files(__name__).joinpath("sahel.json").read_text(encoding="utf-8")
    data: dict[str, list[dict[str, Any]]] = json.loads(text)
    return data


def make_plugin() -> Plugin:
    """The Sahel plugin (milinc calls this once per process, through the entry point)."""
    return Plugin(
        name="sahel",
        version=__version__,
        description="Places, armed groups, weapon systems and phrasings of Sahel reporting.",
        lexicons=_lexicons(),
        grammar=GRAMMAR,
        callbacks=CALLBACKS,
    )
