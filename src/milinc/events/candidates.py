"""The slot candidates a trigger mention gets: dated, casualty and per-mention records, and their ranks.

These are the values the slot filling (:mod:`.slots`, :mod:`.discourse`) gives
each mention and that the incident decisions (:mod:`.dating`, :mod:`.tolls`,
:mod:`.scene`, :mod:`.armament`) read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..ontology import (
    Actor,
    CasualtyRole,
    Granularity,
    Modality,
    Qualifier,
    Source,
    Span,
    TimeExpression,
    WeaponCategory,
)
from .places import SPECIFICITY, PlaceMention
from .triggers import Mention

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = [
    "CARRIED",
    "FRAME",
    "OWN",
    "REPORTED",
    "CasualtyCandidate",
    "DatedCandidate",
    "MentionSlots",
    "appended",
    "as_day",
    "by_sentence_of",
    "extended",
    "mentions_by_sentence",
]

T = TypeVar("T")

# ranks of a date for an incident: said of the trigger or framing its sentence, said of a
# reporting verb (an upper bound), carried over from previous sentences
OWN, FRAME, REPORTED, CARRIED = 0, 1, 2, 3
_GRAIN_ORDER = {
    Granularity.YEAR: 0, Granularity.MONTH: 1, Granularity.WEEK: 2, Granularity.DAY: 3,
    Granularity.PART_OF_DAY: 4, Granularity.HOUR: 5, Granularity.MINUTE: 6,
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@attrs.frozen
class DatedCandidate:
    """A date for a mention, with how it reached it."""

    time: TimeExpression
    """The date, as the dates stage resolved it (reduced to its day for a reporting verb)."""
    rank: int
    """How it reached the mention: 0 its clause, 1 the sentence's opening, 2 a reporting verb, 3 the discourse."""
    rule: str
    """The rule, for explanations (``clause``, ``sentence_frame``, ``reporting_verb``, ``previous_sentence``…)."""
    statement: bool = False
    """Whether it is the day of a statement about the incident ("a annoncé mardi avoir abattu"): it bounds the
    incident and keeps it apart from others, but never dates it (§5 of the guidelines)."""

    @property
    def day(self) -> str | None:
        """The ``YYYY-MM-DD`` day of the date, when it names one."""
        v = self.time.value
        return v[:10] if _ISO_DAY.match(v) else None


@attrs.frozen
class CasualtyCandidate:
    """A count of killed or injured people found near a mention."""

    role: CasualtyRole
    """Killed or injured."""
    qualifier: Qualifier
    """How the count is stated."""
    value: int | None
    """The figure, ``None`` when vague or unknown."""
    low: int | None
    """Lower bound, when the count gives one."""
    high: int | None
    """Upper bound, when the count gives one."""
    span: Span | None
    """The count in the original text."""
    sentence: int
    """Index of its sentence (parts of one sentence add up)."""
    rule: str
    """Where it came from (``quantity``, ``vague_casualty``, ``next_sentence``)."""


@attrs.define
class MentionSlots:
    """The slot candidates one mention gets from its clause and its discourse.

    Most mentions get few candidates: the sequences start as the shared empty tuple
    and become lists when something is added (:func:`appended`), which keeps a long
    text's thousands of mentions light.
    """

    dates: Sequence[DatedCandidate] = ()
    """Dates for the mention, with their rank."""
    places: Sequence[PlaceMention] = ()
    """Places of the mention's clause."""
    countries: Sequence[tuple[str, Span | None, str]] = ()
    """Countries of the discourse, when the clause names none: ``(ISO code, span, rule)``."""
    weapons: Sequence[tuple[WeaponCategory, Span | None, str]] = ()
    """Weapons of the clause: ``(category, span, rule)``."""
    casualties: Sequence[CasualtyCandidate] = ()
    """Counts of killed and injured people."""
    nocturnal: bool = False
    """Whether the mention says the incident happened at night ("attaque nocturne", "frappes menées en pleine nuit")."""
    clause_weapons: frozenset[WeaponCategory] = frozenset()
    """Every weapon category named in the mention's clause (whichever trigger it went to)."""
    clause_weapon_roles: Sequence[tuple[WeaponCategory, int, bool]] = ()
    """The clause's weapons with their start and whether an instrument word introduces them ("avec un drone")."""
    attacker: Actor | None = None
    """Who attacked, when the clause names an actor."""
    target: Actor | None = None
    """Who or what was targeted, when the clause names an actor."""
    attacker_sides: frozenset[str] = frozenset()
    """Sides of the attacker (``us``, ``israel``, ``russia``…), from modifiers and actor words."""
    target_sides: frozenset[str] = frozenset()
    """Sides of the target."""
    modality: Modality = Modality.ASSERTED
    """How the text commits to the incident."""
    modality_rule: str = "asserted"
    """Why the modality: ``denial``, ``allegation``, ``conditional``, ``source`` or ``asserted``."""
    modality_span: Span | None = None
    """The words that give the modality ("dément", "présumés", "aurait", "selon Reuters")."""
    source: Source | None = None
    """Who reports it."""

    def best_place(self) -> PlaceMention | None:
        """The most specific scene place, the first among equals."""
        scene = [p for p in self.places if p.scene]
        return min(scene, key=lambda p: SPECIFICITY[p.place.kind]) if scene else None

    def event_dates(self) -> list[DatedCandidate]:
        """Dates said of the incident itself (own or framing)."""
        return [d for d in self.dates if d.rank <= FRAME]


def appended(items: Sequence[T], item: T) -> list[T]:
    """*items* with *item* added: in place once it is a list, a new list the first time."""
    if type(items) is list:
        items.append(item)
        return items
    return [*items, item]


def extended(items: Sequence[T], more: Sequence[T]) -> Sequence[T]:
    """*items* with *more* added (unchanged, possibly the shared empty tuple, when *more* is empty)."""
    if not more:
        return items
    if type(items) is list:
        items.extend(more)
        return items
    return [*items, *more]


def as_day(d: TimeExpression) -> TimeExpression:
    """A date reduced to its day: what a reporting verb's date says of the incident."""
    if not _ISO_DAY.match(d.value) or _GRAIN_ORDER[d.granularity] <= _GRAIN_ORDER[Granularity.DAY]:
        return d
    return attrs.evolve(d, value=d.value[:10], granularity=Granularity.DAY, part_of_day=None, hour=None, minute=None)


def mentions_by_sentence(mentions: Sequence[Mention]) -> dict[int, list[int]]:
    """The indices of the mentions of each sentence (built once per text and shared: a long text has many)."""
    out: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        out.setdefault(m.sentence, []).append(i)
    return out


def by_sentence_of(ctx: ExtractionContext, items: Iterable[Any], start: Callable[[Any], int]) -> dict[int, list[Any]]:
    """Items grouped by the sentence their start falls in."""
    groups: dict[int, list[Any]] = {}
    starts = [s.start for s in ctx.sentences]
    for item in items:
        pos = start(item)
        si = max(0, bisect.bisect_right(starts, pos) - 1)
        if ctx.sentences and ctx.sentences[si].start <= pos < ctx.sentences[si].end:
            groups.setdefault(si, []).append(item)
    return groups

