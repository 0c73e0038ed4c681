"""Plugins: extend the grammars and the lexicons from another package.

(Stub of the foundation: discovery and validation come with the plugins issue.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .extensions import NO_EXTENSIONS, Extensions

__all__ = ["build_extensions"]


def build_extensions(plugins: Iterable[Any] | None, *, discover: bool = True) -> Extensions:
    """Gather what *plugins* (and, with *discover*, installed plugins) add."""
    return NO_EXTENSIONS
