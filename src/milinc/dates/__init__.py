"""Dates and times: grammar ``grammars/dates.lark``, resolution against the reference date."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from ..extensions import Extensions
from ..ontology import TimeExpression

if TYPE_CHECKING:
    from ..pipeline import ExtractionContext

__all__ = ["DateExtractor"]


class DateExtractor:
    """Finds and resolves every date and time expression of a text."""

    def __init__(self, extensions: Extensions) -> None:
        self.extensions = extensions

    def find_reference_date(self, ctx: ExtractionContext) -> _dt.date | None:
        """The publication date from a dateline, if the text starts with one."""
        return None

    def extract(self, ctx: ExtractionContext) -> list[TimeExpression]:
        """Every date mention of the text, resolved."""
        return []
