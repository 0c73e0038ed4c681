"""Which incident a sentence without a trigger of its own is about.

A toll sentence ("Le bilan fait état de cinq morts.", "De plus, 22 blessés ont
été transférés.", "Aucune victime n'est à déplorer.") or a sentence that only
names weapons ("Des missiles de croisière étaient aussi du nombre.") is about
the incident told last before it, a few sentences back in its paragraph or the
one before (the headline's, right after it); not when a generic mention ("plus
de 60 attaques depuis janvier"), a heading or a headline without incident comes
between (§5: "a sentence that only gives the toll adds to the incident it is
about").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .features import Incident
    from .layout import DocumentLayout
    from .triggers import Mention

__all__ = ["attach_orphans"]

_T = TypeVar("_T")

ORPHAN_REACH = 4
"""How many sentences back a sentence without a trigger looks for the incident it is about."""


def attach_orphans(orphans: Mapping[int, Sequence[_T]], incidents: Sequence[Incident], mentions: Sequence[Mention],
                   layout: DocumentLayout) -> dict[int, list[_T]]:
    """Incident number → the items (counts, weapons) of the sentences without a trigger that are about it."""
    owner: dict[int, tuple[int, int]] = {}  # sentence → (start, incident number) of its last member
    for number, inc in enumerate(incidents):
        for j in inc.members:
            m = mentions[j]
            if m.sentence not in owner or owner[m.sentence][0] < m.start:
                owner[m.sentence] = (m.start, number)
    generic = {m.sentence for m in mentions if m.generic}
    out: dict[int, list[_T]] = {}
    for sentence in sorted(orphans):
        for back in range(sentence - 1, max(-1, sentence - 1 - ORPHAN_REACH), -1):
            if layout.heading[back] or layout.paragraphs[back] < layout.paragraphs[sentence] - 1:
                break
            if back in owner:
                out.setdefault(owner[back][1], []).extend(orphans[sentence])
                break
            if layout.title[back]:
                break
            if back in generic:
                break  # a generic mention between: the sentence may be about it
    return out
