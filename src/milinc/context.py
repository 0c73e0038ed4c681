"""What the stages share while one text is parsed: :class:`ExtractionContext`.

It has a module of its own so that every stage (dates, weapons, quantities,
events) can use it without importing :mod:`milinc.pipeline`, which imports the
stages: the pipeline depends on the stages, never the other way round.
"""

from __future__ import annotations

import bisect
import datetime as _dt

import attrs

from .normalize import NormalizedText, normalize
from .ontology import Event, Quantity, ReferenceDateSource, Span, TimeExpression, Weapon
from .segment import Sentence, split_sentences

__all__ = ["ExtractionContext"]


@attrs.define
class ExtractionContext:
    """What the stages share while one text is parsed.

    Extractors read ``text`` (the normalized copy) and build spans with
    :meth:`span`, which maps offsets back to the original text.
    """

    original: str
    """The text as given."""
    norm: NormalizedText
    """Its normalized copy, with the offset map."""
    reference_date: _dt.date | None
    """The publication date relative dates resolve against, once known."""
    reference_date_source: ReferenceDateSource
    """Where the reference date came from."""
    sentences: list[Sentence]
    """The sentences, in text order."""
    dates: list[TimeExpression] = attrs.field(factory=list)
    """Dates found so far (filled by the dates stage)."""
    weapons: list[Weapon] = attrs.field(factory=list)
    """Weapon mentions found so far."""
    quantities: list[Quantity] = attrs.field(factory=list)
    """Counts found so far."""
    events: list[Event] = attrs.field(factory=list)
    """Incidents assembled by the events stage."""

    @classmethod
    def for_text(cls, text: str, reference_date: _dt.date | None = None) -> ExtractionContext:
        """The context of *text* before any extraction: normalized, split, with the given reference date."""
        return cls(
            original=text,
            norm=normalize(text),
            reference_date=reference_date,
            reference_date_source=ReferenceDateSource.GIVEN if reference_date else ReferenceDateSource.NONE,
            sentences=split_sentences(text),
        )

    @property
    def text(self) -> str:
        """The normalized copy of the text the grammars read."""
        return self.norm.text

    def span(self, start: int, end: int) -> Span:
        """A span of the original text from a ``[start, end)`` range of the normalized copy."""
        s, e = self.norm.to_original(start, end)
        return Span(s, e, self.original[s:e])

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding *offset* (or the nearest one before it)."""
        # bisect on the sentences themselves: building a list of starts per call made long texts quadratic
        return max(0, bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1)
