"""What cross-document merging returns: one :class:`MergedIncident` per real-world incident."""

from __future__ import annotations

import datetime as _dt

from attrs import field, frozen

from ..ontology import EventType, Modality, Modifier, Place, SubEventType, WeaponCategory
from .reports import ReportActor

__all__ = ["Conflict", "ConflictValue", "Link", "Member", "MergedIncident", "SlotChoice", "Toll"]


@frozen
class Member:
    """One report of the incident: an event of a document, by its trigger."""

    document: str
    """The document's id."""
    event: int
    """The event's number in the document, from 1 (the incident table's ``event_id`` is ``document:event``)."""
    start: int
    """Start of the event's first trigger in the document's text."""
    end: int
    """End of the trigger."""
    text: str
    """The trigger's words."""
    outlet: str | None = None
    """Who published the document."""
    published: _dt.date | None = None
    """The document's reference (publication) date."""

    @property
    def key(self) -> str:
        """``document:event``."""
        return f"{self.document}:{self.event}"


@frozen
class Toll:
    """A casualty figure across reports, as UCDP records it: lowest, best and highest estimate."""

    low: int | None = None
    """The lowest figure a report gave (its lower bound for "au moins N")."""
    best: int | None = None
    """The best estimate: the median of the figures of the latest reports that give one (see the docs)."""
    high: int | None = None
    """The highest figure a report gave (its upper bound when it states one)."""
    reports: int = 0
    """How many reports gave a figure."""

    @property
    def known(self) -> bool:
        """Whether any report gave a figure."""
        return self.best is not None or self.low is not None


@frozen
class ConflictValue:
    """One value of a disputed slot and the reports that gave it."""

    value: str
    """The value as text (a date's TIMEX3 value, a place's name, a figure)."""
    members: tuple[str, ...]
    """The ``document:event`` ids of the reports that gave it."""


@frozen
class Conflict:
    """A slot the reports disagree on: every value is kept, so that nothing a report said is lost."""

    slot: str
    """``date``, ``place``, ``country``, ``sub_event_type``, ``attacker``, ``target``, ``killed``,
    ``injured`` or ``modality``."""
    values: tuple[ConflictValue, ...]
    """Each value with the reports that gave it, the chosen one first."""


@frozen
class SlotChoice:
    """Why the merged incident has a slot's value."""

    slot: str
    """The slot."""
    rule: str
    """How the value was chosen, in words."""
    members: tuple[str, ...] = ()
    """The reports the value comes from."""


@frozen
class Link:
    """Why two reports were merged: their comparison, slot by slot."""

    a: str
    """One report (``document:event``)."""
    b: str
    """The other."""
    score: float
    """The comparison's score (links need :data:`milinc.crossdoc.matching.LINK_SCORE`)."""
    reasons: tuple[str, ...]
    """What each slot contributed."""


@frozen
class MergedIncident:
    """One real-world incident, with the reports that tell it and the slots reconciled across them."""

    id: str
    """The ``document:event`` id of its first report (earliest publication, then document id)."""
    members: tuple[Member, ...]
    """Its reports, in order of publication."""
    event_type: EventType
    """ACLED event type."""
    sub_event_type: SubEventType
    """ACLED sub-event type (the one most reports give)."""
    date: str | None = None
    """The most precise date consistent with the reports, as a TIMEX3 value."""
    time_precision: int | None = None
    """ACLED's time precision of *date*: 1 day, 2 week, 3 month or longer."""
    date_modifier: Modifier | None = None
    """The chosen date's TIMEX3 modifier ("début mars" is ``2024-03`` with ``START``)."""
    location: Place | None = None
    """The most precise place consistent with the reports (with coordinates when known)."""
    country: str | None = None
    """ISO 3166 alpha-2 code."""
    attacker: ReportActor | None = None
    """Who attacked: the actor whose canonical name most reports give, else the first report's."""
    target: ReportActor | None = None
    """Who or what was targeted, likewise."""
    weapons: tuple[WeaponCategory, ...] = field(default=())
    """Every weapon category a report names."""
    killed: Toll = field(factory=Toll)
    """People killed: low, best, high."""
    injured: Toll = field(factory=Toll)
    """People injured: low, best, high."""
    modality: Modality = Modality.ASSERTED
    """The most committed modality of its reports."""
    first_report: _dt.date | None = None
    """The earliest publication date of its reports."""
    last_report: _dt.date | None = None
    """The latest."""
    sources: tuple[str, ...] = field(default=())
    """The outlets that reported it, in order of first report."""
    conflicts: tuple[Conflict, ...] = field(default=())
    """Slots the reports disagree on, with every value."""
    choices: tuple[SlotChoice, ...] = field(default=())
    """Why each reconciled slot has its value."""
    links: tuple[Link, ...] = field(default=())
    """The comparisons that merged its reports (one fewer than its members)."""

    @property
    def fatalities(self) -> int:
        """ACLED's ``fatalities``: the best killed figure, 0 when no report gives one (see :attr:`Toll.known`)."""
        return self.killed.best if self.killed.best is not None else 0
