"""Which toll: the counts of killed and injured people, and how an incident's counts add up.

A count is a casualty when its unit names the dead or the wounded ("trois
morts", "cinq blessés") or when a casualty verb governs it ("tuant deux
civils", "quatre soldats ont été tués"); a count of things ("trois immeubles")
never is, and a part of another count ("dont deux enfants") is never added.
An incident's toll counts every side (§5 of the guidelines): the victims' and
the attackers' tolls add up when told apart; the parts of one sentence add up;
across sentences the most complete figure wins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

from ..normalize import fold
from ..ontology import ActorType, Casualties, CasualtyRole, Qualifier, Span
from .candidates import CasualtyCandidate
from .cues import Cues
from .lexicon import load_data

__all__ = ["casualties", "casualty_role", "count_rule", "is_running_total", "is_subset", "left_out",
           "target_type"]

_PEOPLE_UNITS: frozenset[str] = frozenset(load_data("actors")["people_units"])
_WORDS = re.compile(r"\w+")


def is_subset(text: str, q: Any, cues: Cues) -> bool:
    """Whether a count only states part of another ("cinq blessés, dont un grièvement", "trois des cinq
    blessés"): never added to a total."""
    return (getattr(q, "rule", None) == "subset" or bool(cues.subset.search(text, max(0, q.span.start - 24), q.span.start))
            or bool(cues.subset_of.match(text, q.span.end)))


def is_running_total(text: str, q: Any, cues: Cues) -> bool:
    """Whether a count sums several incidents ("porte à 45 le nombre de soldats tués", "porte le nombre de morts
    à 45"): never an incident's toll."""
    before = text[max(0, q.span.start - 90) : q.span.start]
    return bool((cues.running_total_raised.search(before) and cues.running_total_after.match(text, q.span.end))
                or cues.running_total_before.search(before))


def left_out(text: str, q: Any, cues: Cues) -> bool:
    """Whether a count is left out of every toll: a part of another count, or a running total."""
    return is_subset(text, q, cues) or is_running_total(text, q, cues)


def count_rule(text: str, q: Any, cues: Cues) -> str:
    """``inclusive_total`` for a toll that counts another group in ("16 en comptant les kamikazes": it replaces the
    sentence's other figures instead of adding to them), else ``quantity``."""
    return "inclusive_total" if cues.inclusive_after.match(text, q.span.end) else "quantity"


def casualty_role(text: str, start: int, end: int, role: CasualtyRole | None, unit: str | None, cues: Cues,
                  vague: bool = False) -> Any:
    """``KILLED``, ``INJURED``, ``"both"`` (for "aucune victime", and a *vague* count of "morts et blessés") or
    ``None`` for a count of people."""
    u = fold(unit or "").strip()
    u = u[:-1] if len(u) > 3 and u[-1] in "sx" else u
    head = u.split()[0] if u else ""
    if head in cues.object_units:
        return None  # "a visé un immeuble, tuant trois personnes": a thing hit is not a casualty
    if vague and head in cues.killed_units and cues.both_roles_after.match(text, end):
        return "both"  # "faisant plusieurs morts et blessés"
    if role in (CasualtyRole.KILLED, CasualtyRole.INJURED):
        return role
    if role is not None:
        # "ont exécuté cinq otages": hostages, and killed
        return CasualtyRole.KILLED if cues.killed_before.search(text, max(0, start - 30), start) else None
    mention = text[start:end]
    if head in ("victime", "perte") and cues.no_count.match(mention):
        return "both"
    if head in cues.killed_units:
        return CasualtyRole.KILLED
    if head in cues.injured_units:
        return CasualtyRole.INJURED
    if head and head not in _PEOPLE_UNITS:
        return None
    after = text[end : end + 60]
    before = text[max(0, start - 30) : start]
    if cues.killed_after.match(after) or cues.killed_before.search(before):
        return CasualtyRole.KILLED
    if cues.injured_after.match(after) or cues.injured_before.search(before):
        return CasualtyRole.INJURED
    return None


def target_type(stated: ActorType, counts: Sequence[CasualtyCandidate], cues: Cues) -> ActorType:
    """The target's type, or civilians when the killed are counted as civilians ("tuant quinze civils")."""
    if stated is not ActorType.UNKNOWN:
        return stated
    for c in counts:
        if c.role is CasualtyRole.KILLED and c.span is not None:
            words = {w[:-1] if w.endswith(("s", "x")) else w for w in _WORDS.findall(fold(c.span.text))}
            if words & cues.civilian_units:
                return ActorType.CIVILIANS
    return stated


def _is_attacker_count(c: CasualtyCandidate, cues: Cues) -> bool:
    if c.span is None:
        return False
    words = {w[:-1] if w.endswith(("s", "x")) else w for w in _WORDS.findall(fold(c.span.text))}
    return bool(words & cues.attacker_units)


def casualties(found: Sequence[CasualtyCandidate], cues: Cues) -> Casualties | None:
    """Every side together: the victims' toll and the attackers' toll (each the most complete figure said of it)
    add up ("Douze soldats ont été tués … Une vingtaine d'assaillants ont été neutralisés" → about 32)."""
    if not found:
        return None
    is_attacker = [_is_attacker_count(c, cues) for c in found]
    attackers = [c for c, a in zip(found, is_attacker) if a]
    victims = [c for c, a in zip(found, is_attacker) if not a]
    # parts named in one sentence are already summed there; only counts said in other sentences are added
    if attackers and victims and not ({c.sentence for c in attackers} & {c.sentence for c in victims}):
        a, v = _one_side(attackers), _one_side(victims)
        # "32 morts", "32 personnes": a toll that may count the attackers already is not added to
        overall = any(set(_WORDS.findall(fold(span.text))) & cues.toll_words for span in v.spans)
        if a.value and v.value and not overall:
            spans = tuple(v.spans) + tuple(a.spans)
            return Casualties(qualifier=_sum_qualifier([v.qualifier, a.qualifier]), value=v.value + a.value, spans=spans)
        if not overall:
            return v if v.value is not None or a.value is None else a
    return _one_side(found)


def _one_side(found: Sequence[CasualtyCandidate]) -> Casualties:
    """Parts of one sentence add up; across sentences the most complete wins."""
    by_sentence: dict[int, list[CasualtyCandidate]] = {}
    seen: set[tuple[int, Span]] = set()  # a set: a sentence of thousands of counts stays linear
    for c in found:
        if c.span is None or (c.sentence, c.span) not in seen:
            by_sentence.setdefault(c.sentence, []).append(c)
            if c.span is not None:
                seen.add((c.sentence, c.span))
    # the candidate totals as (value, how to build it): only the one chosen is built
    totals: list[tuple[int | None, Callable[[], Casualties]]] = []
    for group in by_sentence.values():
        inclusive = [c for c in group if c.rule == "inclusive_total" and c.value]
        if inclusive:  # "12 personnes sont mortes, 16 en comptant les kamikazes": the figure with everyone
            best = max(inclusive, key=lambda c: c.value or 0)
            totals.append((best.value, functools.partial(_one_count, best)))
            continue
        numeric = [c for c in group if c.value is not None]
        # "29 soldats sont tombés … plusieurs dizaines de terroristes ont été tués": more than the figures
        vague = any(c.value is None and c.qualifier is Qualifier.VAGUE for c in group)
        if (len(numeric) > 1 or (numeric and vague)) and all(c.value for c in numeric):
            totals.append((sum(c.value or 0 for c in numeric), functools.partial(_sum_of, numeric, vague)))
        else:
            for c in group:
                totals.append((c.value, functools.partial(_one_count, c)))
    positive = [t for t in totals if t[0]]
    if positive:
        return max(positive, key=lambda t: t[0] or 0)[1]()
    zero = [t for t in totals if t[0] == 0]
    if zero:
        return zero[0][1]()
    return totals[0][1]()


def _sum_of(numeric: Sequence[CasualtyCandidate], vague: bool = False) -> Casualties:
    """The parts of one sentence added up ("deux soldats et trois civils"); with a part without figure
    ("et plusieurs dizaines de terroristes"), more than their sum."""
    qualifier = _sum_qualifier([c.qualifier for c in numeric])
    if vague and qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST):
        qualifier = Qualifier.MORE_THAN
    return Casualties(qualifier=qualifier, value=sum(c.value or 0 for c in numeric),
                      spans=tuple(c.span for c in numeric if c.span))


def _one_count(c: CasualtyCandidate) -> Casualties:
    return Casualties(qualifier=c.qualifier, value=c.value, low=c.low, high=c.high, spans=(c.span,) if c.span else ())


def _sum_qualifier(parts: Sequence[Qualifier]) -> Qualifier:
    """The qualifier of a sum of parts: "un commandant et au moins trois civils" is at least four."""
    loose = {q for q in parts if q is not Qualifier.EXACT}
    if not loose:
        return Qualifier.EXACT
    if len(loose) == 1:
        return loose.pop()
    # mixed lower bounds stay a lower bound; anything else is an approximation
    return Qualifier.AT_LEAST if loose <= {Qualifier.AT_LEAST, Qualifier.MORE_THAN} else Qualifier.ABOUT
