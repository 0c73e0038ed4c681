"""The incidents a mention may join, found without trying every incident (long texts stay linear).

Trying every incident for every mention is quadratic on long texts. Each
incident is entered, by its number, in bit sets (Python ints) of the feature
values it has — its days, place-name tokens, countries, weapon families,
attacker sides (or "none" for an empty feature) — and of its founder's action;
a few unions and intersections of these give the incidents a mention may be
compatible with, a superset that the compatibility rules then check one by one.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from ..ontology import Action
from .compatibility import EXCLUSIVE_ACTIONS, REMOTE_FAMILIES, VAGUE_AIR
from .features import FILTERED_FEATURES, INDEXED_FROM, BuilderState, Incident, feature_values

__all__ = ["JOIN_WINDOW", "CandidateIndex"]

JOIN_WINDOW = 64
"""How many incidents, the ones a founder joined last, a founding or referring mention is compared with.

Real reporting tells far fewer incidents at a time; a digest of thousands of incidents
(a bulletin, a timeline) then costs the same per mention however long it is."""


class CandidateIndex(BuilderState):
    """Bit sets of the incidents by feature value, and the order in which founders last joined them."""

    def _reindex(self, inc: Incident) -> None:
        """Enters an incident's current feature values in the bit sets (and leaves the ones it no longer has)."""
        assert self._bits is not None
        bits = self._bits
        index = self._index[id(inc)]
        bit = 1 << index.number
        features = self._incident_features(inc)
        for kind in FILTERED_FEATURES:
            before = index.indexed.get(kind, frozenset())
            after = index.indexed[kind] = feature_values(kind, features)
            for value in before - after:
                bits[kind, value] &= ~bit
            for value in after - before:
                bits[kind, value] = bits.get((kind, value), 0) | bit

    def _candidate_bits(self, i: int, incidents: Iterable[Incident], *, carried_date: bool) -> int:
        """The incidents (as a bit set of their numbers) that mention *i* may be compatible with when not an
        anaphor: every incident that :meth:`compatible` accepts is among them (all of them, ``-1``, while there
        are few)."""
        if self._bits is None:
            if len(self._index) < INDEXED_FROM:
                return -1
            self._bits = {}
            for inc in incidents:
                number, action = self._index[id(inc)].number, self._index[id(inc)].action
                self._bits["action", action] = self._bits.get(("action", action), 0) | 1 << number
                self._reindex(inc)
        m, f = self.mentions[i], self.features[i]
        get = self._bits.get

        def having(kind: str, values: Iterable[Any]) -> int:  # the value, one of them, or nothing at all
            found = get((kind, None), 0)
            for value in values:
                found |= get((kind, value), 0)
            return found

        allowed = 0
        for action in self._compatible_actions(f.action, self.roles[i] == "event"):
            allowed |= get(("action", action), 0)
        if f.days:
            allowed &= having("day", f.days)
        elif carried_date and f.carried and not f.upper:
            allowed &= having("day", (f.carried,))
        if f.specific:
            allowed &= having("token", (t for tokens in f.specific for t in tokens))
        if f.countries:
            allowed &= having("country", f.countries)
        if f.families and not self.additive[i]:
            agreeing = set(f.families)  # the families that agree with the mention's (families_agree)
            if f.families & REMOTE_FAMILIES:
                agreeing.add(VAGUE_AIR)
            if VAGUE_AIR in f.families:
                agreeing |= REMOTE_FAMILIES
            allowed &= having("family", agreeing)
        if f.attacker:
            allowed &= having("attacker", f.attacker)
        # the incidents of the mention's sentence escape the action rules: all of them are tried
        allowed |= self._sentence_bits.get(m.sentence, 0)
        return allowed

    @staticmethod
    @functools.cache
    def _compatible_actions(action: Action, event: bool) -> tuple[Action, ...]:
        """The founder actions of the incidents outside its sentence a mention of *action* may join."""
        return tuple(a for a in Action if not ((action in EXCLUSIVE_ACTIONS or a in EXCLUSIVE_ACTIONS) and action != a))

    def _by_recency(self, allowed: int, recency: dict[int, Incident]) -> Iterator[tuple[int, Incident]]:
        """The incidents of the bit set *allowed* (``-1``: all) among the :data:`JOIN_WINDOW` a founder joined
        last, the one joined last first."""
        window = itertools.islice(reversed(recency.items()), JOIN_WINDOW)
        return ((number, inc) for number, inc in window if allowed >> number & 1)
