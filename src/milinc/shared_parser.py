"""The parsers :func:`milinc.parse` shares: the default one, built once, and those built for plugin sets.

Apart from the package's ``__init__`` so that :mod:`milinc.batch` can reach the
default parser without importing the package that imports it (no import cycle).
"""

from __future__ import annotations

import threading
from typing import Any

from .pipeline import Parser

__all__ = ["default_parser", "parser_for"]

_default: Parser | None = None
_lock = threading.Lock()
# Parsers built for explicit plugin sets, keyed by the plugin objects' identities;
# the value keeps the plugins alive so an identity is never reused for another set.
_with_plugins: dict[tuple[int, ...], tuple[tuple[Any, ...], Parser]] = {}
_WITH_PLUGINS_MAX = 16


def parser_for(plugins: Any) -> Parser:
    """The parser of this plugin set, built on first use (the last 16 sets are kept)."""
    from .plugins import plugin_list

    items = plugin_list(plugins)  # a string is refused, not split into characters
    key = tuple(id(p) for p in items)
    with _lock:
        hit = _with_plugins.get(key)
    if hit is not None:
        return hit[1]
    parser = Parser(plugins=items)
    with _lock:
        if len(_with_plugins) >= _WITH_PLUGINS_MAX:
            _with_plugins.pop(next(iter(_with_plugins)))
        _with_plugins[key] = (items, parser)
    return parser


def default_parser() -> Parser:
    """The shared parser ``milinc.parse`` uses (installed plugins included), built once."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Parser()
    return _default
