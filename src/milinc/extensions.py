"""What plugins add to the built-in grammars and lexicons, gathered in one value.

A :class:`Extensions` is what each dimension's extractor is built from: the
grammar fragments appended to its ``.lark`` file (``%extend`` rules at the
declared extension points), the extra lexicon entries, and the transformer
callbacks that build ontology objects from the new rules. The empty value
gives the built-in behaviour. :mod:`milinc.plugins` builds it from plugins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from attrs import field, frozen

__all__ = ["NO_EXTENSIONS", "Extensions"]


def _frozen_map(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return dict(value or {})


@frozen
class Extensions:
    """Additions to the grammars, lexicons and post-processing, keyed by dimension or lexicon."""

    grammar: Mapping[str, tuple[str, ...]] = field(factory=dict, converter=_frozen_map)
    """Dimension (``dates``, ``quantities``, ``weapons``, ``events``) → grammar fragments."""
    lexicons: Mapping[str, tuple[Any, ...]] = field(factory=dict, converter=_frozen_map)
    """Lexicon name (``weapon_systems``, ``places``, ``triggers``, ``actors``) → extra entries."""
    callbacks: Mapping[str, Mapping[str, Callable[..., Any]]] = field(factory=dict, converter=_frozen_map)
    """Dimension → transformer callbacks for the rules the fragments add."""
    postprocessors: tuple[Callable[..., Any], ...] = field(default=(), converter=tuple)
    """Functions ``Document -> Document`` run after extraction, in order."""
    key: str = ""
    """A stable identity of the plugin set, for caching compiled grammars."""

    def grammar_for(self, dimension: str, base: str) -> str:
        """The dimension's grammar text with the plugins' fragments appended."""
        extra = self.grammar.get(dimension, ())
        return base if not extra else base + "\n\n" + "\n\n".join(extra) + "\n"

    def lexicon(self, name: str, base: list[Any]) -> list[Any]:
        """The built-in entries of a lexicon plus the plugins' entries."""
        return [*base, *self.lexicons.get(name, ())]

    def callbacks_for(self, dimension: str) -> Mapping[str, Callable[..., Any]]:
        """Transformer callbacks the plugins add to a dimension."""
        return self.callbacks.get(dimension, {})


NO_EXTENSIONS = Extensions()
