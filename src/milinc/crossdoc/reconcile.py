"""One incident's slots from its reports: the most precise consistent value, and every other value kept.

- **Date**: among the reports' dates, the one that overlaps the most others wins, and among those the
  narrowest ("dans la nuit de samedi à dimanche" beats a later report's "dimanche", which it
  overlaps); a date that overlaps none of the winner's is a conflict.
- **Place**: the place the fewest others contradict, and among those the finest (a village over its
  province), with coordinates when one report has them; the country is the chosen place's, else the
  one most reports give.
- **Type and actors**: the value most reports give; ties go to the more specific sub-event type
  (a suicide bombing over an armed clash) and to the earlier report.
- **Tolls** (UCDP's low / best / high): *low* is the lowest figure a report gave, *high* the highest,
  and *best* the median of the figures given by the latest reports that give one (the reports of the
  last publication day with a figure). Tolls are revised upward as bodies are found and the wounded
  die, so the first figures are incomplete: 43 then 110 killed gives best 110, low 43. The median of
  one day's reports keeps one outlet's outlier from deciding. Vague figures ("des dizaines") count
  only when no report gives a number. ACLED's ``fatalities`` is *best*.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from ..ontology import Casualties, Modality, Place, Qualifier, SubEventType, TimeExpression
from .geography import PlaceRelation, compare_places, place_scale
from .model import Conflict, ConflictValue, Link, Member, MergedIncident, SlotChoice, Toll
from .reports import IncidentReport, ReportActor
from .timing import overlap, time_precision

__all__ = ["reconcile"]

T = TypeVar("T", bound=Hashable)

_SPECIFICITY = [
    SubEventType.SUICIDE_BOMB,
    SubEventType.CHEMICAL_WEAPON,
    SubEventType.AIR_DRONE_STRIKE,
    SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
    SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED,
    SubEventType.GRENADE,
    SubEventType.SEXUAL_VIOLENCE,
    SubEventType.ABDUCTION_FORCED_DISAPPEARANCE,
    SubEventType.GOVERNMENT_REGAINS_TERRITORY,
    SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    SubEventType.ARMED_CLASH,
    SubEventType.ATTACK,
]
_SPECIFIC_RANK = {sub: rank for rank, sub in enumerate(_SPECIFICITY)}
_COMMITMENT = [Modality.ASSERTED, Modality.REPORTED, Modality.ALLEGED, Modality.DENIED]
_CONTRADICTING = (PlaceRelation.DIFFERENT, PlaceRelation.NAMES_DIFFER)


def _conflict(slot: str, chosen: str, values: Sequence[tuple[str, str]]) -> Conflict | None:
    """A conflict when the reports gave more than one value (*values*: (value, member key) pairs)."""
    by_value: dict[str, list[str]] = {}
    for value, key in values:
        by_value.setdefault(value, []).append(key)
    if len(by_value) < 2:
        return None
    order = [chosen, *sorted(v for v in by_value if v != chosen)]
    return Conflict(slot, tuple(ConflictValue(v, tuple(by_value[v])) for v in order if v in by_value))


def _vote(items: Sequence[tuple[T, str]], tie: Callable[[T], object]) -> tuple[T, list[str]]:
    """The value most items give (ties by *tie*, then first given), with the keys that give it."""
    counts = Counter(value for value, _ in items)
    first: dict[T, int] = {}
    for index, (value, _) in enumerate(items):
        first.setdefault(value, index)
    best = min(counts, key=lambda value: (-counts[value], tie(value), first[value]))
    return best, [key for value, key in items if value == best]


def _date(reports: Sequence[IncidentReport]) -> tuple[TimeExpression | None, int | None, SlotChoice | None, Conflict | None]:
    dated = [r for r in reports if r.dated and r.interval is not None and r.date is not None]
    if not dated:
        return None, None, None, None

    def agreeing(r: IncidentReport) -> int:
        assert r.interval is not None
        return sum(1 for o in dated if o is not r and o.interval is not None and overlap(r.interval, o.interval))

    def width(r: IncidentReport) -> int:
        assert r.interval is not None
        return r.interval[1] - r.interval[0]

    chosen = min(dated, key=lambda r: (-agreeing(r), width(r), r.key))
    assert chosen.date is not None and chosen.interval is not None
    support = [r.key for r in dated if r is chosen or (r.interval is not None and overlap(chosen.interval, r.interval))]
    rule = "the most precise date consistent with " + (
        f"the {len(support)} dated reports"
        if len(support) == len(dated)
        else f"{len(support)} of {len(dated)} dated reports"
    )
    conflict = None
    if len(support) < len(dated):
        conflict = _conflict("date", chosen.date.value, [(r.date.value, r.key) for r in dated if r.date is not None])
    return chosen.date, time_precision(chosen.interval), SlotChoice("date", rule, (chosen.key,)), conflict


def _place(reports: Sequence[IncidentReport]) -> tuple[Place | None, SlotChoice | None, Conflict | None]:
    placed = [r for r in reports if r.place is not None and place_scale(r.place) < 4]
    if not placed:
        return None, None, None

    def contradicted(r: IncidentReport) -> int:
        return sum(
            1
            for o in placed
            if o is not r and compare_places(r.place, r.country, o.place, o.country).relation in _CONTRADICTING
        )

    def rank(r: IncidentReport) -> tuple[int, int, int, str]:
        assert r.place is not None
        has_point = r.place.latitude is not None and r.place.longitude is not None
        return (contradicted(r), place_scale(r.place), 0 if has_point else 1, r.key)

    chosen = min(placed, key=rank)
    assert chosen.place is not None
    place = chosen.place
    if place.latitude is None:
        # the same place with coordinates from another report (one outlet's spelling the gazetteer knows)
        for r in placed:
            if (
                r.place is not None
                and r.place.latitude is not None
                and compare_places(place, chosen.country, r.place, r.country).relation is PlaceRelation.SAME
            ):
                place = r.place
                break
    agreeing = [
        r.key
        for r in placed
        if r is chosen
        or compare_places(chosen.place, chosen.country, r.place, r.country).relation not in _CONTRADICTING
    ]
    choice = SlotChoice(
        "place", f"the finest place {len(agreeing)} of {len(placed)} placed reports agree with", tuple(agreeing)
    )
    conflict = _conflict("place", chosen.place.name, [(r.place.name, r.key) for r in placed if r.place is not None])
    return place, choice, conflict


def _figures(c: Casualties) -> tuple[int | None, int | None]:
    low = c.low if c.low is not None else c.value
    high = c.high if c.high is not None else c.value
    return low, high


def _toll(reports: Sequence[IncidentReport], slot: str) -> tuple[Toll, SlotChoice | None, Conflict | None]:
    stated = [(r, getattr(r, slot)) for r in reports if getattr(r, slot) is not None]
    stated = [(r, c) for r, c in stated if c.value is not None or c.low is not None]
    if not stated:
        return Toll(), None, None
    lows = [low for _, c in stated if (low := _figures(c)[0]) is not None]
    highs = [high for _, c in stated if (high := _figures(c)[1]) is not None]
    valued = [(r, c) for r, c in stated if c.value is not None]
    precise = [(r, c) for r, c in valued if c.qualifier is not Qualifier.VAGUE] or valued
    best = None
    choice = None
    if precise:
        dates = [r.published for r, _ in precise if r.published is not None]
        latest = max(dates) if dates else None
        last = [(r, c) for r, c in precise if r.published == latest] if latest else precise
        best = int(statistics.median_low([c.value for _, c in last if c.value is not None]))
        when = f"published {latest}" if latest else "undated reports"
        choice = SlotChoice(
            slot,
            f"best: median of the {len(last)} latest figure(s) ({when}); low/high: extremes of {len(stated)} reports",
            tuple(r.key for r, _ in last),
        )
    toll = Toll(
        low=min(lows) if lows else None,
        best=best,
        high=max(highs) if highs else None,
        reports=len(stated),
    )
    conflict = _conflict(
        slot,
        str(best) if best is not None else "",
        [(str(c.value), r.key) for r, c in valued],
    )
    return toll, choice, conflict


def _actor(reports: Sequence[IncidentReport], slot: str) -> tuple[ReportActor | None, Conflict | None]:
    actors = [(actor, r.key) for r in reports if (actor := getattr(r, slot)) is not None]
    named = [(actor.name, key) for actor, key in actors if actor.name]
    if named:
        value, _ = _vote(named, lambda _: 0)
        chosen = next(actor for actor, _ in actors if actor.name == value)
        return chosen, _conflict(slot, value, named)
    return (actors[0][0] if actors else None), None


def _publication_order(r: IncidentReport) -> tuple[bool, object, str, int]:
    return (r.published is None, r.published, r.document, r.event)


def reconcile(reports: Sequence[IncidentReport], links: Sequence[Link] = ()) -> MergedIncident:
    """The merged incident of a cluster of reports (at least one)."""
    ordered = sorted(reports, key=_publication_order)
    first = ordered[0]
    conflicts: list[Conflict] = []
    choices: list[SlotChoice] = []

    def keep(choice: SlotChoice | None, conflict: Conflict | None) -> None:
        if choice is not None:
            choices.append(choice)
        if conflict is not None:
            conflicts.append(conflict)

    when, precision, date_choice, date_conflict = _date(ordered)
    keep(date_choice, date_conflict)
    place, place_choice, place_conflict = _place(ordered)
    keep(place_choice, place_conflict)

    countries = [(c, r.key) for r in ordered if (c := r.country or (r.place.country if r.place else None))]
    country = place.country if place is not None and place.country else None
    if countries:
        voted, _ = _vote(countries, lambda _: 0)
        country = country or voted
        keep(None, _conflict("country", country, countries))

    sub, sub_keys = _vote([(r.sub_event_type, r.key) for r in ordered], lambda s: _SPECIFIC_RANK.get(s, 99))
    event_type = next(r.event_type for r in ordered if r.sub_event_type == sub)
    keep(
        SlotChoice("sub_event_type", f"given by {len(sub_keys)} of {len(ordered)} reports", tuple(sub_keys)),
        _conflict("sub_event_type", sub.value, [(r.sub_event_type.value, r.key) for r in ordered]),
    )
    attacker, attacker_conflict = _actor(ordered, "attacker")
    target, target_conflict = _actor(ordered, "target")
    keep(None, attacker_conflict)
    keep(None, target_conflict)

    killed, killed_choice, killed_conflict = _toll(ordered, "killed")
    keep(killed_choice, killed_conflict)
    injured, injured_choice, injured_conflict = _toll(ordered, "injured")
    keep(injured_choice, injured_conflict)

    modality = min((r.modality for r in ordered), key=_COMMITMENT.index)
    if any(r.modality is Modality.DENIED for r in ordered) and modality is not Modality.DENIED:
        # outlets hedge differently ("selon", "aurait"); only a denial against an assertion is a conflict
        keep(None, _conflict("modality", modality.value, [(r.modality.value, r.key) for r in ordered]))

    weapon_counts = Counter(w for r in ordered for w in dict.fromkeys(r.weapons))
    weapons = tuple(sorted(weapon_counts, key=lambda w: (-weapon_counts[w], w.value)))
    published = [r.published for r in ordered if r.published is not None]
    sources = tuple(dict.fromkeys(r.outlet for r in ordered if r.outlet))
    members = tuple(
        Member(r.document, r.event, r.trigger.start, r.trigger.end, r.trigger.text, r.outlet, r.published)
        for r in ordered
    )
    return MergedIncident(
        id=first.key,
        members=members,
        event_type=event_type,
        sub_event_type=sub,
        date=when.value if when else None,
        time_precision=precision,
        date_modifier=when.modifier if when else None,
        location=place,
        country=country,
        attacker=attacker,
        target=target,
        weapons=weapons,
        killed=killed,
        injured=injured,
        modality=modality,
        first_report=min(published) if published else None,
        last_report=max(published) if published else None,
        sources=sources,
        conflicts=tuple(conflicts),
        choices=tuple(choices),
        links=tuple(links),
    )
