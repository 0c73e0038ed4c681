"""What every realizer returns: a French text and where its mention stands in it."""

from __future__ import annotations

from typing import TypeVar

from attrs import evolve, field, frozen
from attrs import validators as v

__all__ = ["NBSP", "NNBSP", "Realization", "Typography"]

NBSP = "\u00a0"
"""No-break space (French typography: before "h", between a number and its unit, inside « »)."""
NNBSP = "\u202f"
"""Narrow no-break space (thousands separator, inside « » in careful typesetting)."""

TIGHT = "~"
"""Placeholder the realizers write where French typography may put a no-break space."""

_R = TypeVar("_R", bound="Realization")


@frozen
class Typography:
    """How a realization is typeset: apostrophe, no-break spaces, first capital.

    None of these may change what milinc extracts: the normalized text is the same.
    """

    apostrophe: str = field(default="'", validator=v.in_(("'", "’")))
    """The apostrophe written in elisions ("l'aube" or "l’aube")."""
    tight_space: str = field(default=" ", validator=v.in_((" ", NBSP, NNBSP)))
    """The space written where typography allows a no-break one ("28 juin", "14 h", « X »)."""

    def apply(self, text: str) -> str:
        """Typeset *text*, written with ``'`` apostrophes and ``~`` for tight spaces.

        Args:
            text: the realizer's raw text.

        Returns:
            The text with this typography's apostrophe and tight space.
        """
        return text.replace("'", self.apostrophe).replace(TIGHT, self.tight_space)


PLAIN = Typography()
"""ASCII apostrophes and ordinary spaces."""


@frozen
class Realization:
    """A French text written from an ontology value, and the span milinc must report for it.

    ``text[start:end]`` is the expected mention: the whole text, or a documented sub-span
    (a weapon without its determiner, for instance).
    """

    text: str = field(validator=v.instance_of(str))
    """The French text."""
    start: int = field(validator=v.instance_of(int))
    """Offset of the expected mention in :attr:`text`."""
    end: int = field(validator=v.instance_of(int))
    """Offset just past the expected mention."""

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end <= len(self.text):
            raise ValueError(f"span {self.start}:{self.end} is not inside a text of {len(self.text)} characters")

    @property
    def mention(self) -> str:
        """The text of the expected mention."""
        return self.text[self.start : self.end]

    def embedded(self: _R, prefix: str, suffix: str = "") -> _R:
        """The same realization with *prefix* before and *suffix* after it, span shifted.

        Args:
            prefix: text put before (filler, punctuation).
            suffix: text put after.

        Returns:
            A copy whose span still points at the same mention.
        """
        shift = len(prefix)
        return evolve(self, text=prefix + self.text + suffix, start=self.start + shift, end=self.end + shift)

    def capitalized(self: _R) -> _R:
        """The same realization with a capital first letter, as at the start of a sentence."""
        return evolve(self, text=self.text[:1].upper() + self.text[1:])


def realization_of(cls: type[_R], parts: list[tuple[str, bool]], typography: Typography, **values: object) -> _R:
    """Assemble a realization from pieces, the flagged ones forming the expected mention.

    Args:
        cls: the realization class to build.
        parts: ``(raw text, inside the mention)`` pieces, in order; the mention pieces must be contiguous.
        typography: how to typeset the raw text.
        **values: the class's other fields (the expected values).

    Returns:
        The realization, typeset, with its span on the flagged pieces.
    """
    text, start, end = "", -1, -1
    for raw, inside in parts:
        piece = typography.apply(raw)
        if inside:
            if start < 0:
                start = len(text)
            elif end != len(text):
                raise ValueError("the mention pieces must be contiguous")
            end = len(text) + len(piece)
        text += piece
    if start < 0:
        start = end = 0
    return cls(text=text, start=start, end=end, **values)
