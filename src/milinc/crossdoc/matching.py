"""Whether two reports tell one incident: a score from what they agree on, vetoes from what they contradict.

Each slot adds points for agreement, takes some for a soft disagreement, or vetoes the link when the
reports cannot be one incident. Two reports are *linked* when nothing vetoes and their score reaches
:data:`LINK_SCORE`. The points (see :func:`compare`):

| slot | agreement | disagreement |
|---|---|---|
| date | +2 both within a day and overlapping (+0.5 more within part of a day), +0.75 within a week, +0.25 longer; 0 when one is undated | veto: times that cannot overlap |
| place | +3 same place, +2.5 within 15 km, +1.5 one inside the other, +1 one may lie in the other (by the distance, or an unlocated town and a located region), +0.5 the same country only, or a town and a region neither located | −1 two towns 15 to 30 km apart, −3 two regions of different names; veto: two towns of different names, far apart, other province, other country |
| type | +1 same sub-event type, +0.5 same event type | veto: violence against a non-violent development (an arrest, an agreement, a protest) |
| actors | +0.5 same named attacker, +0.25 same named target (one side attacks in most incidents of its war) | −3 attackers of different names or countries, or the attacker of one the target of the other |
| tolls | +1 same killed figure from 10, +0.5 from 3 (half for injured) | −1.5 "no victim" against three or more; −1 a later report's toll under half an earlier one |
| weapons | +0.5 a shared category when the types differ | −0.5 none shared |
| words | +1 about two rare words in common, +2 about four (see :mod:`.terms`) | |
| document | | veto: two events of one document (the parser already kept them apart) |

The date and the place carry the weight: the same type on the same day in the same country is what
the naive rule links, and in a war it links dozens of unrelated strikes. A report that names the
same place on the same day with the same type scores 6; a town and its province on the same day
score 4.5; the same country and day with an undated or placeless report stay below the threshold
unless the toll or the attacker agrees too.
"""

from __future__ import annotations

from attrs import frozen

from ..ontology import Casualties, Place, SubEventType, WeaponCategory
from .geography import SAME_KM, PlaceRelation, compare_places
from .reports import IncidentReport, ReportActor
from .terms import TermWeights
from .timing import DAY, HOUR, overlap

__all__ = ["LINK_SCORE", "PairVerdict", "compare", "types_compatible"]

LINK_SCORE = 4.0
"""Two reports with no veto are one incident from this score on."""

_S = SubEventType
_NON_VIOLENT = frozenset(
    {
        _S.AGREEMENT,
        _S.ARRESTS,
        _S.CHANGE_TO_GROUP_ACTIVITY,
        _S.HEADQUARTERS_OR_BASE_ESTABLISHED,
        _S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
        _S.PEACEFUL_PROTEST,
    }
)
_UNREST = frozenset({_S.VIOLENT_DEMONSTRATION})
_WORD_POINTS = ((2.0, 2.0), (1.0, 1.0))
"""Floors of the rare words two reports share (see :meth:`.terms.TermWeights.shared`) and the points
they give, highest first: about four rare words +2, about two +1."""
_GENERIC_WEAPONS = frozenset({WeaponCategory.GENERIC})
_UNNAMED_ACTORS = ("unidentified", "unknown", "non identifi")


@frozen
class PairVerdict:
    """What comparing two reports found."""

    score: float
    """The points of agreement minus those of soft disagreement."""
    veto: str | None
    """Why the two cannot be one incident, or ``None``."""
    veto_slot: str | None = None
    """The slot that vetoes (``date``, ``place``, ``type``, ``document``): a date veto alone can be
    bridged inside an incident (see :func:`milinc.crossdoc.clustering.split_group`)."""
    reasons: tuple[str, ...] = ()
    """One line per slot that counted, with its points."""

    @property
    def linked(self) -> bool:
        """Whether the reports are one incident by themselves (no veto, score at the threshold)."""
        return self.veto is None and self.score >= LINK_SCORE


def _group(sub: SubEventType) -> int:
    if sub in _NON_VIOLENT:
        return 1
    if sub in _UNREST:
        return 2
    return 0


def types_compatible(a: SubEventType, b: SubEventType) -> bool:
    """Whether two sub-event types can code one incident: reports of one attack disagree on its
    type (an "attaque", an "explosion", an "attentat-suicide"), but not on whether it was violent."""
    return a == b or (_group(a) == _group(b) and (a not in _NON_VIOLENT or b not in _NON_VIOLENT))


def _points(value: float) -> str:
    return f"{value:+g}"


def _date(a: IncidentReport, b: IncidentReport) -> tuple[float, str | None, str]:
    ia, ib = a.interval, b.interval
    if ia is None or ib is None:
        return 0.0, None, "date: one report cannot be placed in time"
    label_a = a.date.value if a.dated and a.date else f"undated, published {a.published}"
    label_b = b.date.value if b.dated and b.date else f"undated, published {b.published}"
    if not overlap(ia, ib):
        return 0.0, f"dates cannot overlap ({label_a}; {label_b})", ""
    if not (a.dated and b.dated):
        return 0.0, None, f"date: {label_a} and {label_b} are compatible"
    width = max(ia[1] - ia[0], ib[1] - ib[0])
    if width <= DAY + 15 * HOUR:
        points = 2.5 if width < DAY else 2.0
    elif width <= 8 * DAY + 6 * HOUR:
        points = 0.75
    else:
        points = 0.25
    return points, None, f"date: {label_a} and {label_b} overlap ({_points(points)})"


_PLACE_POINTS = {
    PlaceRelation.SAME: 3.0,
    PlaceRelation.INSIDE: 1.5,
    PlaceRelation.POSSIBLY_INSIDE: 1.0,
    PlaceRelation.SAME_COUNTRY: 0.5,
    PlaceRelation.UNKNOWN: 0.0,
    PlaceRelation.NAMES_DIFFER: -3.0,
}


def _place(a: IncidentReport, b: IncidentReport) -> tuple[float, str | None, str]:
    verdict = compare_places(a.place, a.country, b.place, b.country)
    if verdict.relation is PlaceRelation.DIFFERENT:
        return 0.0, verdict.reason, ""
    if verdict.relation is PlaceRelation.POSSIBLY_INSIDE and verdict.distance_km is None:
        # a place the gazetteer cannot locate and a region it can: the place may well be in it (+1);
        # neither located: the "region" may be a town of the same name ("Gao", "Homs") (+0.5)
        points = 1.0 if _located(a.place) != _located(b.place) else 0.5
    elif verdict.relation is PlaceRelation.NEAR:
        # within SAME_KM one scene; farther, two named towns are more likely two scenes, one only with
        # more evidence (in Gaza, Rafah and Nousseirat are 22 km apart)
        points = 2.5 if verdict.distance_km is not None and verdict.distance_km <= SAME_KM else -1.0
    else:
        points = _PLACE_POINTS[verdict.relation]
    return points, None, f"place: {verdict.reason} ({_points(points)})"


def _located(place: Place | None) -> bool:
    return place is not None and place.latitude is not None and place.longitude is not None


def _type(a: IncidentReport, b: IncidentReport) -> tuple[float, str | None, str]:
    if a.sub_event_type == b.sub_event_type:
        return 1.0, None, f"type: both {a.sub_event_type.value} (+1)"
    if not types_compatible(a.sub_event_type, b.sub_event_type):
        return 0.0, f"types contradict ({a.sub_event_type.value}, {b.sub_event_type.value})", ""
    if a.event_type == b.event_type:
        return 0.5, None, f"type: both {a.event_type.value} (+0.5)"
    return 0.0, None, f"type: {a.sub_event_type.value} and {b.sub_event_type.value} are compatible"


def _named(actor: ReportActor | None) -> str | None:
    if actor is None or actor.name is None:
        return None
    folded = actor.name.casefold()
    return None if any(word in folded for word in _UNNAMED_ACTORS) else actor.name


def _actors(a: IncidentReport, b: IncidentReport) -> tuple[float, list[str]]:
    points, reasons = 0.0, []
    att_a, att_b = _named(a.attacker), _named(b.attacker)
    if att_a and att_b:
        if att_a == att_b:
            # weak: one side attacks in most incidents of its war (Russia's forces in Ukraine);
            # a different attacker says much more
            points += 0.5
            reasons.append(f"attacker: both {att_a} (+0.5)")
        else:
            points -= 3.0
            reasons.append(f"attacker: {att_a} against {att_b} (-3)")
    elif (
        a.attacker
        and b.attacker
        and a.attacker.country
        and b.attacker.country
        and a.attacker.country != b.attacker.country
    ):
        points -= 3.0
        reasons.append(f"attacker: forces of {a.attacker.country} against {b.attacker.country} (-3)")
    tgt_a, tgt_b = _named(a.target), _named(b.target)
    if tgt_a and tgt_b and tgt_a == tgt_b:
        points += 0.25
        reasons.append(f"target: both {tgt_a} (+0.25)")
    # one's attacker is the other's target: the two sides of an exchange of fire, not one report
    if (att_a and att_a == tgt_b and att_a != att_b) or (att_b and att_b == tgt_a and att_b != att_a):
        points -= 3.0
        reasons.append("actors: the attacker of one is the target of the other (-3)")
    return points, reasons


def _toll(
    slot: str, a: IncidentReport, ca: Casualties | None, b: IncidentReport, cb: Casualties | None, same: float
) -> tuple[float, str | None]:
    if ca is None or cb is None or ca.value is None or cb.value is None:
        return 0.0, None
    va, vb = ca.value, cb.value
    if va == vb:
        # one or two dead is every other incident's toll: only a larger figure singles one out
        points = same if va >= 10 else same / 2 if va >= 3 else 0.0
        if not points:
            return 0.0, None
        return points, f"{slot}: both {va} ({_points(points)})"
    if min(va, vb) == 0 and max(va, vb) >= 3:
        return -1.5, f"{slot}: none against {max(va, vb)} (-1.5)"
    # a toll rises as reports come in; one that falls by half is another incident's
    earlier, later = (va, vb) if _before(a, b) else (vb, va)
    if later * 2 < earlier and earlier >= 4:
        return -1.0, f"{slot}: falls from {earlier} to {later} in a later report (-1)"
    return 0.0, f"{slot}: {va} and {vb} plausible as successive figures"


def _before(a: IncidentReport, b: IncidentReport) -> bool:
    if a.published is None or b.published is None:
        return True
    return a.published <= b.published


def _weapons(a: IncidentReport, b: IncidentReport) -> tuple[float, str | None]:
    wa, wb = set(a.weapons) - _GENERIC_WEAPONS, set(b.weapons) - _GENERIC_WEAPONS
    if not wa or not wb:
        return 0.0, None
    shared = wa & wb
    if shared:
        if a.sub_event_type == b.sub_event_type:
            return 0.0, None  # the type implies the weapons: the same type already counted
        return 0.5, f"weapons: both {','.join(sorted(w.value for w in shared))} (+0.5)"
    return -0.5, "weapons: none in common (-0.5)"


def _words(a: IncidentReport, b: IncidentReport, weights: TermWeights | None) -> tuple[float, str | None]:
    if weights is None:
        return 0.0, None
    weight, shared = weights.shared(a.terms, b.terms)
    points = 0.0
    for floor, value in _WORD_POINTS:
        if weight >= floor:
            points = value
            break
    if not points:
        return 0.0, None
    return points, f"words: {len(shared)} rare words in common ({', '.join(shared[:5])}) ({_points(points)})"


def compare(a: IncidentReport, b: IncidentReport, weights: TermWeights | None = None) -> PairVerdict:
    """Compare two reports slot by slot (see the module docstring for the points).

    Args:
        a: a report.
        b: another.
        weights: the corpus's word weights (see :mod:`.terms`); without them words count nothing.
    """
    if a.document == b.document:
        return PairVerdict(0.0, "two events of one document", veto_slot="document")
    score = 0.0
    reasons: list[str] = []
    date_veto = None
    for name, slot in (("date", _date), ("place", _place), ("type", _type)):
        points, veto, said = slot(a, b)
        if veto is not None:
            if name != "date":
                return PairVerdict(0.0, veto, veto_slot=name, reasons=tuple(reasons))
            date_veto = veto
            continue
        score += points
        reasons.append(said)
    points, actor_reasons = _actors(a, b)
    score += points
    reasons.extend(actor_reasons)
    for points, reason in (
        _toll("killed", a, a.killed, b, b.killed, 1.0),
        _toll("injured", a, a.injured, b, b.injured, 0.5),
        _weapons(a, b),
        _words(a, b, weights),
    ):
        score += points
        if reason:
            reasons.append(reason)
    if date_veto is not None:
        # the other slots still count: two dates a night apart can be bridged by a third report
        return PairVerdict(round(score, 3), date_veto, veto_slot="date", reasons=tuple(reasons))
    return PairVerdict(round(score, 3), None, reasons=tuple(reasons))
