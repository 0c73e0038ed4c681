"""Compiled regexes shared within a process.

:func:`compile` is ``re.compile`` with a bounded per-process memo, for the big
lexicon regexes several extractors build from the same words. Nothing is kept
on disk: an earlier version cached matcher code for CPython's private
``_sre.compile``, and one altered byte of such a file crashed the interpreter.
Start-up time is kept low by public means instead: grammars' tables ship as
data (:mod:`milinc.grammar_tables`) and lexers compile only what a text needs
(:mod:`milinc.lexer_dispatch`).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

__all__ = ["MAX_MEMO", "compile"]

MAX_MEMO = 512
"""How many compiled patterns are kept (least recently used ones go first)."""

_lock = threading.Lock()
_memory: OrderedDict[tuple[str, int], re.Pattern[str]] = OrderedDict()


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # same name as re.compile on purpose
    """``re.compile(pattern, flags)``, memoized per process (bounded, least recently used first out)."""
    key = (pattern, int(flags))
    with _lock:
        found = _memory.get(key)
        if found is not None:
            _memory.move_to_end(key)
            return found
    compiled = re.compile(pattern, flags)
    with _lock:
        _memory[key] = compiled
        while len(_memory) > MAX_MEMO:
            _memory.popitem(last=False)
    return compiled
