"""What plugins add to the built-in grammars and lexicons, gathered in one value.

A :class:`Extensions` is what each dimension's extractor is built from: the
grammar fragments appended to its ``.lark`` file (``%extend`` rules at the
declared extension points), the extra lexicon entries, and the transformer
callbacks that build ontology objects from the new rules. The empty value
gives the built-in behaviour. :mod:`milinc.plugins` builds it from plugins.

An extractor uses it in three calls, once, in its ``__init__``::

    source = extensions.grammar_for("weapons", grammar_source("weapons"))
    systems = extensions.lexicon("weapon_systems", builtin_systems)
    transformer = extensions.attach_callbacks("weapons", WeaponTransformer())

and may keep what it compiles from them in :meth:`Extensions.memo`, so that
parsers built for the same plugin set share one compiled grammar.

This module also reads the *extension points* a grammar declares in its header
comment (:func:`extension_points`): the only rules a plugin may ``%extend``.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from attrs import field, frozen

__all__ = [
    "DIMENSIONS",
    "NO_EXTENSIONS",
    "Extensions",
    "consulted_lexicons",
    "defined_symbols",
    "extension_points",
    "forget",
    "lexicon_placeholders",
]

DIMENSIONS: tuple[str, ...] = ("dates", "quantities", "weapons", "events")
"""The dimensions that have a grammar a plugin can extend, in pipeline order."""

_T = TypeVar("_T")
_memo_lock = threading.Lock()
_memo: dict[tuple[str, str], Any] = {}
"""What extractors compiled, per (plugin-set key, name); a plugin set's entries go when the set is
dropped from milinc.plugins' bounded cache (:func:`forget`)."""


def forget(extensions: Extensions) -> None:
    """Drop what :meth:`Extensions.memo` keeps for *extensions* (never for the built-in set)."""
    if not extensions.key:
        return
    with _memo_lock:
        for slot in [s for s in _memo if s[0] == extensions.key]:
            del _memo[slot]
_consulted: set[str] = set()


def consulted_lexicons() -> frozenset[str]:
    """The lexicon names extractors have asked :meth:`Extensions.lexicon` for in this process.

    ``milinc.plugins.LEXICONS`` must list them all (a test checks it), so that a
    plugin adding to a name no extractor reads gets an error.
    """
    return frozenset(_consulted)


def _frozen_map(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return dict(value or {})


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _callable_id(fn: Callable[..., Any]) -> str:
    # the qualified name documents the key; the id tells two lambdas apart
    name = f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', type(fn).__name__)}"
    return f"{name}@{id(fn):x}"


@frozen
class Extensions:
    """Additions to the grammars, lexicons and post-processing, keyed by dimension or lexicon."""

    grammar: Mapping[str, tuple[str, ...]] = field(factory=dict, converter=_frozen_map)
    """Dimension (``dates``, ``quantities``, ``weapons``, ``events``) → grammar fragments."""
    lexicons: Mapping[str, tuple[Any, ...]] = field(factory=dict, converter=_frozen_map)
    """Lexicon name (``weapon_systems``, ``places``, ``triggers``, ``actors``) → extra entries."""
    callbacks: Mapping[str, Mapping[str, Callable[..., Any]]] = field(factory=dict, converter=_frozen_map)
    """Dimension → transformer callbacks for the rules the fragments add."""
    postprocessors: tuple[Callable[..., Any], ...] = field(default=(), converter=_as_tuple)
    """Functions ``Document -> Document`` run after extraction, in order."""
    key: str = ""
    """A stable identity of the plugin set, for caching compiled grammars.

    Left empty, it is computed from the content, so two values with different
    additions never share a key (the empty value's key is ``""``)."""
    plugins: tuple[str, ...] = field(default=(), converter=_as_tuple)
    """Names of the plugins the additions come from, in the order they apply."""

    def __attrs_post_init__(self) -> None:
        if not self.key and (self.grammar or self.lexicons or self.callbacks or self.postprocessors):
            object.__setattr__(self, "key", self._content_key())

    def _content_key(self) -> str:
        h = hashlib.sha256()
        for dim in sorted(self.grammar):
            h.update(f"grammar:{dim}:{self.grammar[dim]!r}\n".encode())
        for name in sorted(self.lexicons):
            h.update(f"lexicon:{name}:{self.lexicons[name]!r}\n".encode())
        for dim in sorted(self.callbacks):
            for rule in sorted(self.callbacks[dim]):
                h.update(f"callback:{dim}:{rule}:{_callable_id(self.callbacks[dim][rule])}\n".encode())
        for post in self.postprocessors:
            h.update(f"post:{_callable_id(post)}\n".encode())
        h.update(f"plugins:{self.plugins!r}".encode())
        return h.hexdigest()[:24]

    def grammar_for(self, dimension: str, base: str) -> str:
        """The dimension's grammar text with the plugins' fragments appended."""
        extra = self.grammar.get(dimension, ())
        return base if not extra else base + "\n\n" + "\n\n".join(extra) + "\n"

    def lexicon(self, name: str, base: list[Any]) -> list[Any]:
        """The built-in entries of a lexicon plus the plugins' entries.

        Plugin entries come after the built-in ones. The name is recorded (see
        :func:`consulted_lexicons`).
        """
        _consulted.add(name)
        return [*base, *self.lexicons.get(name, ())]

    def callbacks_for(self, dimension: str) -> Mapping[str, Callable[..., Any]]:
        """Transformer callbacks the plugins add to a dimension."""
        return self.callbacks.get(dimension, {})

    def attach_callbacks(self, dimension: str, transformer: _T) -> _T:
        """Give *transformer* the plugins' callbacks for *dimension*, and return it.

        Each callback becomes an attribute of the instance, which lark calls
        with the rule's children as one list (sub-rule values and tokens), the
        same way for every extractor whatever its own methods' style.
        """
        for rule, callback in self.callbacks_for(dimension).items():
            setattr(transformer, rule, callback)
        return transformer

    def memo(self, name: str, factory: Callable[[], _T]) -> _T:
        """What *factory* builds, once per process for this plugin set and *name*.

        Parsers built for the same plugin set get equal keys, so they share
        what an extractor compiles here (its grammar, transformer, matcher)
        instead of compiling it again.
        """
        slot = (self.key, name)
        with _memo_lock:
            if slot in _memo:
                return _memo[slot]  # type: ignore[no-any-return]
        value = factory()
        with _memo_lock:
            return _memo.setdefault(slot, value)  # type: ignore[no-any-return]


NO_EXTENSIONS = Extensions()
"""No additions: the built-in grammars and lexicons."""

# --- reading a grammar's declarations ---------------------------------------

_DEFINITION = re.compile(r"^[ \t]*[?!]?([_A-Za-z][_A-Za-z0-9]*)(?:\{[^}]*\})?(?:\.-?\d+)?[ \t]*:", re.MULTILINE)
_ALIAS = re.compile(r"->[ \t]*([_A-Za-z][_A-Za-z0-9]*)")
_PLACEHOLDER = re.compile(r"/@LEXICON:(\w+)@/")
_IDENTIFIER = re.compile(r"[_A-Za-z][_A-Za-z0-9]*")
_POINTS_HEADING = re.compile(r"extension[ _-]points?", re.IGNORECASE)


def defined_symbols(source: str) -> frozenset[str]:
    """Every rule, terminal and alias (``-> name``) a grammar text defines."""
    names = set(_DEFINITION.findall(source)) | set(_ALIAS.findall(source))
    names |= set(re.findall(r"^[ \t]*%(?:extend|override)[ \t]+[?!]?([_A-Za-z]\w*)", source, re.MULTILINE))
    return frozenset(names)


def lexicon_placeholders(source: str) -> frozenset[str]:
    """The lexicon names a grammar fills in (``/@LEXICON:name@/`` terminals)."""
    return frozenset(_PLACEHOLDER.findall(source))


def extension_points(source: str) -> frozenset[str]:
    """The rules a grammar lets plugins ``%extend``, read from its header comment.

    A comment line that says "extension points" starts the list; names may
    follow its colon (``// Extension points: weapon_name, weapon_noun``), and
    each following comment line names one, first, before its description::

        // EXTENSION POINTS (plugins may %extend these):
        //   weapon_name   a named system
        //   weapon_noun   a category noun

    The list ends at an empty comment line or at the first line that is not a
    comment. Only names the grammar defines count.
    """
    defined = defined_symbols(source)
    points: set[str] = set()
    in_block = False
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            if in_block and stripped:
                break
            continue
        comment = stripped[2:].strip()
        heading = _POINTS_HEADING.search(comment)
        if heading and not in_block:
            in_block = True
            _, colon, listed = comment[heading.end() :].rpartition(":")
            if colon:
                points.update(w for w in _IDENTIFIER.findall(listed) if w in defined)
            continue
        if in_block:
            if not comment:
                break
            first = _IDENTIFIER.match(comment.lstrip("-*\u2022 \t`"))  # bullets and code marks
            if first and first.group() in defined:
                points.add(first.group())
    return frozenset(points)
