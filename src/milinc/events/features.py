"""What can set two incidents apart, per mention and per incident, and the state the incident builder keeps.

A mention's features are its days (own or framing), the day a reporting verb
bounds it by, a day carried from the sentences before, the tokens of its
specific places, its countries, its weapon families, its attacker's and
target's sides and its action. An incident's are the union of its
contributors'. :class:`BuilderState` declares what the incident builder
(:mod:`.merge`) and its rules (:mod:`.founding`, :mod:`.compatibility`,
:mod:`.candidate_index`) share.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ..normalize import fold
from ..ontology import Action, WeaponCategory
from .candidates import MentionSlots
from .cues import Cues
from .layout import DocumentLayout
from .triggers import Mention

__all__ = ["FAMILIES", "FILTERED_FEATURES", "INDEXED_FROM", "Accumulator", "BuilderState", "Features", "Incident",
           "IncidentIndex", "feature_values", "name_tokens"]

FAMILIES = {
    WeaponCategory.AIRCRAFT: "air", WeaponCategory.HELICOPTER: "air", WeaponCategory.DRONE: "drone",
    WeaponCategory.MISSILE: "projectile", WeaponCategory.ROCKET: "projectile", WeaponCategory.ARTILLERY: "projectile",
    WeaponCategory.MORTAR: "projectile", WeaponCategory.EXPLOSIVE: "explosive", WeaponCategory.SMALL_ARMS: "small_arms",
    WeaponCategory.MELEE: "melee", WeaponCategory.CHEMICAL: "chemical",
}
"""Weapon category → the family two incidents must share (when both name weapons)."""
_NAME_TOKEN = re.compile(r"[a-z0-9]+")


@attrs.define
class Incident:
    """Mentions of one real-world occurrence, the founding one first."""

    founder: int
    """Index of the mention that founded the incident."""
    members: list[int]
    """Indices of every mention of the incident, the founder included, in text order once built."""
    contributors: list[int]
    """Mentions whose slots count (summaries and headings only add their span)."""


@attrs.frozen
class Features:
    """What one mention (with its satellites), or one incident, says that can set two occurrences apart."""

    days: frozenset[str]
    """Days said of the mention itself (own or framing), ``YYYY-MM-DD``."""
    upper: str | None
    """The earliest day a reporting verb says it happened by."""
    carried: str | None
    """A day carried from the sentences before."""
    specific: tuple[frozenset[str], ...]
    """The name tokens of each specific scene place."""
    countries: frozenset[str]
    """Countries of its scene places."""
    families: frozenset[str]
    """Families of its weapons (``air``, ``drone``, ``projectile``…)."""
    attacker: frozenset[str]
    """Sides of its attacker."""
    target: frozenset[str]
    """Sides of its target."""
    action: Action
    """Its action (the founder's, for an incident)."""


@attrs.define
class Accumulator:
    """The union of the features of an incident's contributors."""

    days: set[str] = attrs.Factory(set)
    """Days of the contributors."""
    carried: set[str] = attrs.Factory(set)
    """Days carried to the contributors from the sentences before."""
    upper: str | None = None
    """The earliest reporting-verb bound of the contributors."""
    specific: list[frozenset[str]] = attrs.Factory(list)
    """Name tokens of the contributors' specific places, each set once."""
    countries: set[str] = attrs.Factory(set)
    """Countries of the contributors."""
    families: set[str] = attrs.Factory(set)
    """Weapon families of the contributors."""
    attacker: set[str] = attrs.Factory(set)
    """Attacker sides of the contributors."""
    target: set[str] = attrs.Factory(set)
    """Target sides of the contributors."""

    def add(self, f: Features) -> None:
        """Adds the features of one more contributor."""
        self.days |= f.days
        if f.carried:
            self.carried.add(f.carried)
        if f.upper and (self.upper is None or f.upper < self.upper):
            self.upper = f.upper
        for tokens in f.specific:
            if tokens not in self.specific:
                self.specific.append(tokens)
        self.countries |= f.countries
        self.families |= f.families
        self.attacker |= f.attacker
        self.target |= f.target

    def features(self, action: Action) -> Features:
        """The incident's features, with its founder's *action*."""
        # an incident only dated by the discourse keeps that date apart from others;
        # it happened by the day a reporting verb says (upper)
        days = frozenset(self.days) or frozenset(self.carried)
        return Features(days, self.upper, None, tuple(self.specific), frozenset(self.countries),
                         frozenset(self.families), frozenset(self.attacker), frozenset(self.target), action)


@attrs.define
class IncidentIndex:
    """What the builder knows of one incident, kept up to date as mentions join it: the lookups of
    :meth:`~.compatibility.CompatibilityRules.compatible` and of attaching read these instead of scanning the members (long texts stay
    linear)."""

    number: int
    """Creation order of the incident (its index in the list being built)."""
    action: Action
    """The action of its founder."""
    sentences: set[int] = attrs.Factory(set)
    """Sentences of its members."""
    clauses: set[tuple[int, int]] = attrs.Factory(set)
    """``(sentence, clause)`` of its members."""
    contributor_clauses: set[tuple[int, int]] = attrs.Factory(set)
    """``(sentence, clause)`` of its contributors."""
    lemmas: set[str] = attrs.Factory(set)
    """Trigger lemmas of its members."""
    contributor_lemmas: set[str] = attrs.Factory(set)
    """Trigger lemmas of its contributors."""
    all_title: bool = True
    """Whether every contributor stands in the headline."""
    accumulator: Accumulator = attrs.Factory(Accumulator)
    """The union of its contributors' features."""
    features: Features | None = None
    """Its features (the union of its contributors'), ``None`` when a contributor joined since they were computed."""
    indexed: dict[str, frozenset[Any]] = attrs.Factory(dict)
    """The feature values it is entered with in the builder's bit sets, by feature."""


FILTERED_FEATURES = ("day", "token", "country", "family", "attacker")
"""The features incidents are indexed by in the candidate bit sets."""
INDEXED_FROM = 32
"""The number of incidents from which the bit sets of candidate incidents are kept (fewer are tried one by one)."""


def feature_values(kind: str, f: Features) -> frozenset[Any]:
    """The values of one feature of an incident, ``{None}`` when it has none."""
    if kind == "token":
        values: frozenset[Any] = frozenset().union(*f.specific)
        return values if f.specific else frozenset({None})
    values = {"day": f.days, "country": f.countries, "family": f.families, "attacker": f.attacker}[kind]
    return values or frozenset({None})


def name_tokens(name: str, stop_words: frozenset[str]) -> frozenset[str]:
    """The tokens of a place name that tell it apart ("al", "base" left out)."""
    return frozenset(t for t in _NAME_TOKEN.findall(fold(name)) if t not in stop_words)



class BuilderState:
    """What the incident builder knows while it groups the mentions of one text (set by its ``__init__``)."""

    text: str
    """The normalized text."""
    layout: DocumentLayout
    """Sentences, clauses and headline lines of the text."""
    cues: Cues
    """The cue words (debris nouns, additive adverbs, light verbs…)."""
    mentions: Sequence[Mention]
    """The trigger mentions, in text order."""
    slots: Sequence[MentionSlots]
    """The slot candidates of each mention."""
    actions: list[Action]
    """The action of each mention once its clause's weapons are known."""
    roles: list[str]
    """The role of each mention (``event``, ``casualty``, ``anaphor``, ``weak``) once its clause is known."""
    dets: list[tuple[str, bool]]
    """The determiner kind before each trigger noun, and whether "autre" marks another incident."""
    complemented: set[int]
    """Definite trigger nouns with their own indefinite complement ("l'attaque d'un vraquier")."""
    satellites: dict[int, list[int]]
    """Founder-capable mention → the gerunds, participles and casualty verbs of its clause."""
    light: set[int]
    """Light verbs followed by a trigger noun ("a lancé une attaque"): the noun is the mention."""
    light_objects: dict[int, int]
    """Light verb → the trigger noun that is its object."""
    additive: list[bool]
    """Whether a verb adds to what was told ("ont également été tirés")."""
    features: list[Features]
    """What each mention (with its satellites) says that can set two incidents apart."""
    _by_sentence: Mapping[int, Sequence[int]]
    _lede: int | None
    _index: dict[int, IncidentIndex]
    _incident_of: list[Incident | None]
    _founder_starts: list[int]
    _sentence_starts: dict[int, list[int]]
    _sentence_members: dict[int, list[tuple[int, int, int, Incident]]]
    _sentence_bits: dict[int, int]
    _clause_incidents: dict[tuple[int, int], dict[int, Incident]]
    _touched: dict[int, int]
    _bits: dict[tuple[str, Any], int] | None

    def _incident_features(self, inc: Incident) -> Features:
        """The features of an incident, updated as contributors join it (never recomputed from scratch)."""
        index = self._index[id(inc)]
        if index.features is None:
            index.features = index.accumulator.features(index.action)
        return index.features
