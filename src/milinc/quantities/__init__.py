"""Counts and quantities: grammar ``grammars/quantities.lark``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extensions import Extensions
from ..ontology import Quantity

if TYPE_CHECKING:
    from ..pipeline import ExtractionContext

__all__ = ["QuantityExtractor"]


class QuantityExtractor:
    """Finds every count the text states, with qualifier, unit and casualty role."""

    def __init__(self, extensions: Extensions) -> None:
        self.extensions = extensions

    def extract(self, ctx: ExtractionContext) -> list[Quantity]:
        """Every count of the text (dates and weapon names excluded)."""
        return []
