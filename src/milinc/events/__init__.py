"""Events: triggers (``grammars/events.lark``), typing, slots and merging into incidents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extensions import Extensions
from ..ontology import Event

if TYPE_CHECKING:
    from ..pipeline import ExtractionContext

__all__ = ["EventAssembler"]


class EventAssembler:
    """Finds incident triggers, fills their slots and merges mentions into incidents."""

    def __init__(self, extensions: Extensions) -> None:
        self.extensions = extensions

    def extract(self, ctx: ExtractionContext) -> list[Event]:
        """The incidents of the text, one per real-world occurrence."""
        return []
