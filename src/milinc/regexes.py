"""Compile big regexes once per machine, not once per process.

milinc's lexicons (weapon systems, places, number words…) become regexes of
tens of thousands of characters, and CPython's ``re`` spends most of a new
process's start-up turning them into matcher code, in pure Python. That code
depends only on the pattern, the flags and the Python build, so
:func:`compile` keeps it in a small on-disk cache and rebuilds the pattern from
it with ``_sre.compile`` — the constructor ``re.compile`` itself ends with.

This reaches into CPython's private ``re`` internals, so every step is
guarded: another interpreter, another layout of those internals, an unreadable
or corrupt cache file (``_sre`` validates the code it is given) or a read-only
disk all fall back to a plain :func:`re.compile`. The result is the same
pattern object either way. Set ``MILINC_CACHE_DIR`` to move the cache, or to an
empty string to turn it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import marshal
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["CachingRe", "cache_dir", "compile", "memo_on_disk", "sre_internal"]

CACHE_FROM = 1000
"""Patterns shorter than this many characters compile fast enough: they skip the disk cache."""

_lock = threading.Lock()
_memory: dict[tuple[str, int], re.Pattern[str]] = {}

_OLD_NAMES = {"_parser": "sre_parse", "_compiler": "sre_compile", "_constants": "sre_constants"}


def sre_internal(name: str) -> Any:
    """One of CPython's private ``re`` modules (``_parser``, ``_compiler``, ``_constants``).

    Under its Python 3.11+ name, else its 3.10 one; ``ImportError`` elsewhere (not CPython).
    """
    try:
        return importlib.import_module(f"re.{name}")
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module(_OLD_NAMES[name])


_sre_compiler: Any
_sre_parser: Any
_sre: Any
try:
    _sre = importlib.import_module("_sre")
    _sre_compiler = sre_internal("_compiler")
    _sre_parser = sre_internal("_parser")
    _BUILD_TAG = "|".join(
        (sys.implementation.name, sys.version, str(_sre.MAGIC), str(_sre.CODESIZE), str(_sre.MAXREPEAT))
    )
except (ImportError, AttributeError):  # pragma: no cover - not CPython
    _BUILD_TAG = ""


def cache_dir() -> Path | None:
    """Where compiled regexes are kept: ``$MILINC_CACHE_DIR``, else the user's cache directory.

    ``None`` when caching is off (``MILINC_CACHE_DIR`` set to an empty string,
    or not CPython).
    """
    configured = os.environ.get("MILINC_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    if not _BUILD_TAG:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # no usable home directory
        base = os.path.join(tempfile.gettempdir(), f"milinc-{os.getuid() if hasattr(os, 'getuid') else 'user'}")
    return Path(base) / "milinc" / "regex"


def compile(pattern: str, flags: int = 0, *, cache: bool = False) -> re.Pattern[str]:  # same name as re.compile on purpose
    """``re.compile(pattern, flags)``, with the compiled matcher code cached on disk.

    Patterns of :data:`CACHE_FROM` characters or more are cached; *cache* forces
    it for a shorter one that many processes compile at start-up.
    """
    flags = int(flags)
    key = (pattern, flags)
    found = _memory.get(key)
    if found is not None:
        return found
    compiled = None
    if (cache or len(pattern) >= CACHE_FROM) and isinstance(pattern, str):
        directory = cache_dir()
        if directory is not None:
            compiled = _from_disk(pattern, flags, directory)
    if compiled is None:
        compiled = re.compile(pattern, flags)
    with _lock:
        if len(_memory) > 2000:  # bounded: plugins may build patterns at will
            _memory.clear()
        _memory[key] = compiled
    return compiled


def memo_on_disk(kind: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, kept on disk under (*kind*, *key*) for the next process.

    For derived data that is slow to build in Python and depends only on
    *key* (the regex source of a big lexicon, say). The value must be made of
    ``marshal``-able builtins (str, int, tuple, list, dict…); a value read back
    from disk is only trusted to have the same type as a fresh one.
    """
    directory = cache_dir()
    if directory is None:
        return build()
    digest = hashlib.sha256(f"{kind}\0{key}".encode("utf-8", "surrogatepass")).hexdigest()
    path = directory / f"{digest[:40]}.{kind}"
    try:
        value: T = marshal.loads(path.read_bytes())
        return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    _write(path, value)
    return value


MAX_ENTRIES = 2000
"""The cache keeps at most about this many entries: new versions and plugins add patterns, old ones go."""


def _write(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(marshal.dumps(value))
        os.replace(tmp, path)
    except (OSError, ValueError):
        return  # a read-only disk only costs the next process a rebuild
    _prune(path.parent)


def _prune(directory: Path) -> None:
    """Drop the least recently written entries once the directory holds more than :data:`MAX_ENTRIES`.

    Runs only when an entry is written (a cache miss), so a warm start never lists the directory.
    """
    try:
        entries = [(e.stat().st_mtime, e.path) for e in os.scandir(directory) if e.is_file()]
    except OSError:
        return
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort()
    for _mtime, old in entries[: len(entries) - MAX_ENTRIES * 3 // 4]:
        with contextlib.suppress(OSError):  # another process removed it, or it is not ours to remove
            os.unlink(old)


def _from_disk(pattern: str, flags: int, directory: Path) -> re.Pattern[str] | None:
    digest = hashlib.sha256(f"{_BUILD_TAG}\0{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()
    path = directory / f"{digest[:40]}.re"
    try:
        parts = marshal.loads(path.read_bytes())
        return _build(pattern, parts)
    except (OSError, EOFError, ValueError, TypeError, RuntimeError, IndexError):
        pass  # absent, unreadable or corrupt: compile it and (re)write it
    try:
        parts = _matcher_code(pattern, flags)
        compiled = _build(pattern, parts)
    except Exception:  # private internals changed: the plain compile below still works
        return None
    _write(path, parts)
    return compiled


def _matcher_code(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re``'s compiler hands ``_sre.compile`` for *pattern* (mirrors ``re._compiler.compile``)."""
    parsed = _sre_parser.parse(pattern, flags)
    code = _sre_compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # opcodes are int subclasses, which marshal refuses
    return ([int(c) for c in code], int(flags) | parsed.state.flags, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _build(pattern: str, parts: Any) -> re.Pattern[str]:
    code, flags, groups, groupindex, indexgroup = parts
    if not (type(code) is list and type(groupindex) is dict and type(indexgroup) is tuple):
        raise TypeError("not a cached regex")
    compiled: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    return compiled


class CachingRe:
    """The part of the ``re`` module lark's lexer uses, compiling through :func:`compile`.

    Handed to a lark lexer (``lexer.re``) before it builds its scanner, so the
    scanner's big combined regexes come from the cache too.
    """

    error = re.error
    """``re.error``, which lark catches when it checks a terminal's pattern."""

    @staticmethod
    def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
        """See :func:`milinc.regexes.compile`."""
        return compile(pattern, flags)

    @staticmethod
    def match(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        """``re.match`` through the cache."""
        return compile(pattern, flags).match(string)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)
