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
from collections.abc import Mapping
from typing import Any, cast

__all__ = ["MAX_MEMO", "LazyPattern", "compile", "lazy"]

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


class LazyPattern:
    """A regex compiled the first time it is used: start-up pays only for the regexes a parse needs.

    It answers what a compiled ``re.Pattern`` answers (``search``, ``finditer``, ``groupindex``…).
    The first call compiles the pattern and puts the compiled pattern's own bound methods on the
    instance, so every later call goes straight to them (no wrapper frame, nothing checked again).
    """

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        """The regex, as ``re.Pattern.pattern``."""
        self.flags = flags
        """The flags given (``re.Pattern.flags`` once compiled adds the implied ones)."""

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on the first call)."""
        rx: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if rx is None:
            rx = re.compile(self.pattern, self.flags)
            self.__dict__.update({name: getattr(rx, name) for name in self._METHODS}, _compiled=rx)
        return rx

    def search(self, *args: Any, **kwargs: Any) -> Any:
        """As ``re.Pattern.search``."""
        return self.compiled().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        """As ``re.Pattern.match``."""
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        """As ``re.Pattern.fullmatch``."""
        return self.compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        """As ``re.Pattern.finditer``."""
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        """As ``re.Pattern.findall``."""
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        """As ``re.Pattern.sub``."""
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        """As ``re.Pattern.subn``."""
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        """As ``re.Pattern.split``."""
        return self.compiled().split(*args, **kwargs)

    @property
    def groups(self) -> int:
        """As ``re.Pattern.groups``."""
        return self.compiled().groups

    @property
    def groupindex(self) -> Mapping[str, int]:
        """As ``re.Pattern.groupindex``."""
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        return LazyPattern, (self.pattern, self.flags)  # copied or pickled uncompiled (bound methods do not pickle)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` done on first use (:class:`LazyPattern`, typed as the pattern it stands for).

    For the module- and set-up-level regexes most parses never use: building them all cost start-up time.
    """
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
