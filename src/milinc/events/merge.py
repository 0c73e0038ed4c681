"""Mentions → incidents: which mentions found an incident, which ones refer back to one.

Policy (docs/policy/events.md):

1. A mention *founds* an incident when it states one on its own: a verbal
   trigger ("ont bombardé", "ont été tirés"), an indefinite or bare noun with
   something that anchors it (a date, a named place, a weapon, a casualty
   count: "une attaque au missile … à Deir ez-Zor"), a plural noun only with a
   date, a place or a count ("des frappes américaines … ont tué mercredi …").
   Headline mentions found incidents too, except plural nouns (headlines sum up).
2. A founding mention joins an earlier incident it is compatible with (no
   conflicting day, specific place, country, weapon family, side or kind of
   action), the most recent first; otherwise it starts a new incident.
3. Other mentions (anaphors "l'attaque", "cet incident", casualty verbs, gerunds,
   plural summaries, headings) attach to an incident of their clause, then of
   their sentence, then to the most recent compatible one before them.
4. Generic mentions (see :mod:`.genericity`) never become or join incidents.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from ..normalize import fold
from ..ontology import Action, ActorType, PlaceKind, WeaponCategory
from .lexicon import load_data
from .places import SPECIFICITY
from .slots import FRAME, REPORTED, DocumentLayout, MentionSlots, mentions_by_sentence
from .triggers import Mention, frozen

__all__ = ["LIGHT_VERBS", "Incident", "IncidentBuilder", "determiner", "effective_action"]

_PROJECTILES = frozenset({WeaponCategory.DRONE, WeaponCategory.MISSILE, WeaponCategory.ROCKET,
                          WeaponCategory.AIRCRAFT, WeaponCategory.HELICOPTER, WeaponCategory.ARTILLERY,
                          WeaponCategory.MORTAR})
_FAMILIES = {
    WeaponCategory.AIRCRAFT: "air", WeaponCategory.HELICOPTER: "air", WeaponCategory.DRONE: "drone",
    WeaponCategory.MISSILE: "projectile", WeaponCategory.ROCKET: "projectile", WeaponCategory.ARTILLERY: "projectile",
    WeaponCategory.MORTAR: "projectile", WeaponCategory.EXPLOSIVE: "explosive", WeaponCategory.SMALL_ARMS: "small_arms",
    WeaponCategory.MELEE: "melee", WeaponCategory.CHEMICAL: "chemical",
}
LIGHT_VERBS = frozenset({"lancer"})
"""Verbs that only name an incident when no trigger noun follows them ("a lancé une attaque")."""
_AVOIR = frozenset({"avoir", "a", "ont", "avait", "avaient", "aurait", "auraient", "ait", "aient", "aura", "auront",
                    "eut", "eurent", "avons", "avez", "avions", "ai", "as"})
_GROUND = frozenset({Action.CLASH, Action.AMBUSH})
_AIR = frozenset({Action.STRIKE, Action.BOMBARDMENT})
_REMOTE_FAMILIES = frozenset({"air", "drone", "projectile"})
_EXCLUSIVE_ACTIONS = frozenset({Action.ARREST, Action.ABDUCTION})
_ANAPHOR_KINDS = {
    "strike": "remote", "bombardment": "remote", "raid": "remote",
    "clash": "ground", "ambush": "ground",
}
"""What an anaphoric noun can name, by lemma or action: a strike from afar or fighting on the ground
("lors de l'assaut" does not take up the shelling told just before); other nouns can name any incident."""
_GROUND_RAID = re.compile(r"(?:\s+[\w'-]+){0,2}?\s+(?:dans|contre|au sein)\b")
_AIR_WEAPONS = frozenset({WeaponCategory.AIRCRAFT, WeaponCategory.HELICOPTER, WeaponCategory.DRONE})
_DEBRIS = re.compile(r"\b(?:debris|fragments?|eclats?|restes?)\b")
_ADDITIVE = re.compile(r"\b(?:egalement|aussi|en outre|de meme|en plus)\b")
_PREMODIFIERS: frozenset[str] = frozenset(load_data("triggers")["premodifiers"])
_ANOTHER = frozenset({"autre", "autres", "seconde", "second", "deuxieme", "troisieme", "enieme"})
_PREPOSITIONS_BEFORE_DES = frozenset({"lors", "pendant", "durant", "apres", "avant", "cours", "issue", "suite", "moment"})
_DETERMINERS = {
    "le": "definite", "la": "definite", "l'": "definite", "les": "definite", "au": "definite", "aux": "definite",
    "du": "definite", "son": "definite", "sa": "definite", "ses": "definite", "leur": "definite", "leurs": "definite",
    "ce": "demonstrative", "cet": "demonstrative", "cette": "demonstrative", "ces": "demonstrative",
    "un": "indefinite", "une": "indefinite", "des": "indefinite", "d'": "indefinite", "de": "indefinite",
}
_TOKEN = re.compile(r"[\w-]+'?|'")
_NAME_TOKEN = re.compile(r"[a-z0-9]+")
_NAME_STOP_WORDS = frozenset({"al", "el", "ad", "ar", "as", "ez", "de", "d", "la", "le", "du", "base", "aerienne", "aeroport"})


def determiner(text: str, start: int) -> tuple[str, bool]:
    """The kind of determiner before a trigger noun (``definite``, ``demonstrative``,
    ``indefinite`` or ``none``), and whether an "autre/second" marks another incident."""
    words = _TOKEN.findall(text[max(0, start - 40) : start])[-5:]
    another = False
    for pos in range(len(words) - 1, max(-1, len(words) - 5), -1):
        word = words[pos]
        if word in _PREMODIFIERS:
            another = another or word in _ANOTHER
            continue
        kind = _DETERMINERS.get(word, "none")
        if word == "des" and pos > 0 and words[pos - 1] in _PREPOSITIONS_BEFORE_DES:
            kind = "definite"  # "lors des combats" is "lors de les combats"
        return kind, another
    return "none", another


def effective_action(m: Mention, slots: MentionSlots) -> tuple[Action, str]:
    """The action and role of a mention once its clause's weapons are known
    ("ont été abattus" is an interception with drones, a killing without)."""
    weapons = {w for w, _, _ in slots.weapons} | set(m.implied_weapons) | slots.clause_weapons
    projectile = bool(weapons & _PROJECTILES)
    role = m.role
    action = m.action
    if m.interception_if_projectile and m.rule == "verbal":
        # "se sont abattus" (fell) is not "ont abattu" / "ont été abattus" (shot down)
        intransitive = m.lemma == "s'abattre" and "ete" not in m.aux and not set(m.aux) & _AVOIR
        # what is shot down is the object ("ont abattu deux drones") or the passive subject ("deux drones
        # ont été abattus"); "avec un drone", "par un drone" is the instrument
        shot = any(w in _PROJECTILES and not instrument and ((start >= m.end) != m.passive)
                   for w, start, instrument in slots.clause_weapon_roles)
        shot = shot or any(w in _PROJECTILES for w in m.implied_weapons)
        if shot and not intransitive:
            action = Action.INTERCEPTION
            role = "event"
        elif not projectile and m.without_projectile:
            action = Action(m.without_projectile.get("action", action.value))
            role = m.without_projectile.get("role", role)
    if role == "impact":
        # "un navire a été touché par un projectile": an unnamed weapon is a weapon too
        role = ("event" if projectile or weapons & {WeaponCategory.EXPLOSIVE}
                or (WeaponCategory.GENERIC in weapons and m.rule == "verbal") else "weak")
    if m.pos == "gerund" and m.after_en and projectile and m.action not in (Action.KILLING, Action.WOUNDING):
        role = "event"  # "a répliqué en tirant des roquettes"
    return action, role


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
class _Features:
    days: frozenset[str]
    upper: str | None
    carried: str | None
    specific: tuple[frozenset[str], ...]
    countries: frozenset[str]
    families: frozenset[str]
    attacker: frozenset[str]
    target: frozenset[str]
    action: Action


@attrs.define
class _Accumulator:
    """The union of the features of an incident's contributors."""

    days: set[str] = attrs.Factory(set)
    carried: set[str] = attrs.Factory(set)
    upper: str | None = None
    specific: list[frozenset[str]] = attrs.Factory(list)
    countries: set[str] = attrs.Factory(set)
    families: set[str] = attrs.Factory(set)
    attacker: set[str] = attrs.Factory(set)
    target: set[str] = attrs.Factory(set)

    def add(self, f: _Features) -> None:
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

    def features(self, action: Action) -> _Features:
        # an incident only dated by the discourse keeps that date apart from others;
        # it happened by the day a reporting verb says (upper)
        days = frozenset(self.days) or frozenset(self.carried)
        return _Features(days, self.upper, None, tuple(self.specific), frozenset(self.countries),
                         frozenset(self.families), frozenset(self.attacker), frozenset(self.target), action)


@attrs.define
class _IncidentIndex:
    """What the builder knows of one incident, kept up to date as mentions join it: the lookups of
    :meth:`IncidentBuilder.compatible` and of attaching read these instead of scanning the members (long texts stay
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
    accumulator: _Accumulator = attrs.Factory(_Accumulator)
    """The union of its contributors' features."""
    features: _Features | None = None
    """Its features (the union of its contributors'), ``None`` when a contributor joined since they were computed."""
    indexed: dict[str, frozenset[Any]] = attrs.Factory(dict)
    """The feature values it is entered with in the builder's bit sets, by feature."""


_FILTERED_FEATURES = ("day", "token", "country", "family", "attacker")
_INDEXED_FROM = 32
"""The number of incidents from which the bit sets of candidate incidents are kept (fewer are tried one by one)."""


def _feature_values(kind: str, f: _Features) -> frozenset[Any]:
    """The values of one feature of an incident, ``{None}`` when it has none."""
    if kind == "token":
        values: frozenset[Any] = frozenset().union(*f.specific)
        return values if f.specific else frozenset({None})
    values = {"day": f.days, "country": f.countries, "family": f.families, "attacker": f.attacker}[kind]
    return values or frozenset({None})


def _name_tokens(name: str) -> frozenset[str]:
    return frozenset(t for t in _NAME_TOKEN.findall(fold(name)) if t not in _NAME_STOP_WORDS)


class IncidentBuilder:
    """Groups the mentions of a document into incidents."""

    def __init__(self, text: str, layout: DocumentLayout, mentions: Sequence[Mention],
                 slots: Sequence[MentionSlots], by_sentence: Mapping[int, Sequence[int]] | None = None) -> None:
        """*by_sentence*: the mentions of each sentence, when the caller has them already (built otherwise)."""
        self.text = text
        """The normalized text."""
        self.layout = layout
        """Sentences, clauses and headline lines of the text."""
        self.mentions = mentions
        """The trigger mentions, in text order."""
        self.slots = slots
        """The slot candidates of each mention."""
        resolved = [effective_action(m, s) for m, s in zip(mentions, slots)]
        # "des débris sont tombés sur un immeuble": the remains of an intercepted drone or missile refer back to
        # the attack told before (and bring their casualties), without stating one of their own
        resolved = [(a, "anaphor") if r == "weak" and m.role == "impact" and m.rule == "verbal"
                    and _DEBRIS.search(text, max(0, m.start - 40), m.start) else (a, r)
                    for m, (a, r) in zip(mentions, resolved)]
        # "un raid dans le camp de Jénine", "un raid contre une base": a raid on the ground, unless aircraft are named
        resolved = [(Action.ATTACK, r) if a is Action.STRIKE and m.lemma == "raid" and not (
                    (set(m.implied_weapons) | {w for w, _, _ in s.weapons}) & _AIR_WEAPONS)
                    and _GROUND_RAID.match(text, m.end) else (a, r)
                    for m, s, (a, r) in zip(mentions, slots, resolved)]
        self.actions = [a for a, _ in resolved]
        """The action of each mention once its clause's weapons are known."""
        self.roles = [r for _, r in resolved]
        """The role of each mention (``event``, ``casualty``, ``anaphor``, ``weak``) once its clause is known."""
        self.dets = [determiner(text, m.start) if m.rule == "nominal" else ("none", False) for m in mentions]
        """The determiner kind before each trigger noun, and whether "autre" marks another incident."""
        self._by_sentence = by_sentence if by_sentence is not None else mentions_by_sentence(mentions)
        # gerunds, participles and casualty verbs of a founder's clause say things about it
        self.satellites: dict[int, list[int]] = {}
        """Founder-capable mention → the gerunds, participles and casualty verbs of its clause."""
        hosts_by_clause: dict[tuple[int, int], list[int]] = {}
        for j, o in enumerate(mentions):
            if self.roles[j] == "event" and not o.generic:
                hosts_by_clause.setdefault((o.sentence, o.clause), []).append(j)
        for i, m in enumerate(mentions):
            hosts = hosts_by_clause.get((m.sentence, m.clause), [])
            if self.roles[i] in ("weak", "casualty") and not m.generic and hosts:
                # the nearest host: one of the two around the satellite in text order
                k = bisect.bisect_left(hosts, i)  # mentions are in text order
                near = hosts[max(0, k - 1) : k + 1]
                host = min(near, key=lambda j: abs(mentions[j].start - m.start))
                self.satellites.setdefault(host, []).append(i)
        self.light = {i for i, m in enumerate(mentions) if m.lemma in LIGHT_VERBS and any(
            o.rule == "nominal" and o.pos == "noun" and o.sentence == m.sentence and 0 <= o.start - m.end <= 48
            for o in mentions[i + 1 : i + 4])}
        """Light verbs followed by a trigger noun ("a lancé une attaque"): the noun is the mention."""
        self.additive = [m.rule == "verbal" and bool(_ADDITIVE.search(text, max(0, m.start - 24), m.end))
                         for m in mentions]
        """Whether a verb adds to what was told ("des missiles ont également été tirés"): other weapons, same incident."""
        self._tokens_of: dict[str, frozenset[str]] = {}
        self.features = [self._features(i) for i in range(len(mentions))]
        """What each mention (with its satellites) says that can set two incidents apart."""
        body = [o for o in mentions if not o.title and not o.generic and not o.heading]
        self._lede = layout.paragraphs[body[0].sentence] if body else None
        self._index: dict[int, _IncidentIndex] = {}  # by id() of the incident
        self._incident_of: list[Incident | None] = [None] * len(mentions)
        self._founder_starts: list[int] = []  # of the incidents in creation order (founders join in text order)
        self._sentence_members: dict[int, list[tuple[int, int, Incident]]] = {}
        """Sentence → ``(incident number, mention, incident)`` of the members it holds, in the order they joined."""
        self._clause_incidents: dict[tuple[int, int], dict[int, Incident]] = {}
        """``(sentence, clause)`` → the incidents with a member there, by number."""
        self._touched: dict[int, int] = {}
        """Incident number → when a founder last joined it (the later, the greater)."""
        self._bits: dict[tuple[str, Any], int] | None = None
        """``(feature, value)`` → the incidents with that value (``None``: with no value), as a bit set of numbers;
        ``None`` until there are many incidents."""

    # --- features -------------------------------------------------------------------

    def _features(self, i: int) -> _Features:
        group = [i, *self.satellites.get(i, [])]
        ss = [self.slots[j] for j in group]
        dated = [(d.rank, day) for s in ss for d in s.dates if (day := d.day)]
        days = frozen(day for rank, day in dated if rank <= FRAME)
        reported = sorted(day for rank, day in dated if rank == REPORTED)
        carried = next((day for rank, day in dated if rank > REPORTED), None)
        scene = [p for s in ss for p in s.places if p.scene]
        specific = tuple(self._name_tokens(p.place.name) for p in scene if SPECIFICITY[p.place.kind] <= 2)
        countries = frozen(p.place.country for p in scene if p.place.country)
        weapons = {w for s in ss for w, _, _ in s.weapons} | set(self.mentions[i].implied_weapons)
        if self.mentions[i].rule != "nominal" or self.mentions[i].pos == "gerund":
            weapons |= self.slots[i].clause_weapons  # "en tirant une salve de roquettes": the verb's weapons too
        families = frozen(_FAMILIES[w] for w in weapons if w in _FAMILIES)
        s = self.slots[i]
        return _Features(days, reported[0] if reported else None, carried, specific, countries, families,
                         s.attacker_sides, s.target_sides, self.actions[i])

    def _name_tokens(self, name: str) -> frozenset[str]:
        """The tokens of a place name (known once per name in a text)."""
        tokens = self._tokens_of.get(name)
        if tokens is None:
            tokens = self._tokens_of[name] = _name_tokens(name)
        return tokens

    def _incident_features(self, inc: Incident) -> _Features:
        """The features of an incident, updated as contributors join it (never recomputed from scratch)."""
        index = self._index[id(inc)]
        if index.features is None:
            index.features = index.accumulator.features(index.action)
        return index.features

    # --- candidate incidents -----------------------------------------------------------------
    # Trying every incident for every mention is quadratic on long texts. Each incident is entered, by its number,
    # in bit sets (Python ints) of the feature values it has — its days, place-name tokens, countries, weapon
    # families, attacker sides (or "none" for an empty feature) — and of its founder's action; a few unions and
    # intersections of these give the incidents a mention may be compatible with, a superset that
    # :meth:`compatible` then checks one by one.

    def _reindex(self, inc: Incident) -> None:
        """Enters an incident's current feature values in the bit sets (and leaves the ones it no longer has)."""
        assert self._bits is not None
        bits = self._bits
        index = self._index[id(inc)]
        bit = 1 << index.number
        features = self._incident_features(inc)
        for kind in _FILTERED_FEATURES:
            before = index.indexed.get(kind, frozenset())
            after = index.indexed[kind] = _feature_values(kind, features)
            for value in before - after:
                bits[kind, value] &= ~bit
            for value in after - before:
                bits[kind, value] = bits.get((kind, value), 0) | bit

    def _candidate_bits(self, i: int, incidents: Iterable[Incident], *, carried_date: bool) -> int:
        """The incidents (as a bit set of their numbers) that mention *i* may be compatible with when not an
        anaphor: every incident that :meth:`compatible` accepts is among them (all of them, ``-1``, while there
        are few)."""
        if self._bits is None:
            if len(self._index) < _INDEXED_FROM:
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
            allowed &= having("family", f.families)
        if f.attacker:
            allowed &= having("attacker", f.attacker)
        # the incidents of the mention's sentence escape the action rules: all of them are tried
        for number, _, _ in self._sentence_members.get(m.sentence, ()):
            allowed |= 1 << number
        return allowed

    @staticmethod
    @functools.cache
    def _compatible_actions(action: Action, event: bool) -> tuple[Action, ...]:
        """The founder actions of the incidents outside its sentence a mention of *action* may join."""
        return tuple(a for a in Action
                     if not ((action in _EXCLUSIVE_ACTIONS or a in _EXCLUSIVE_ACTIONS) and action != a)
                     and not (event and (action is Action.INTERCEPTION) != (a is Action.INTERCEPTION)))

    def _new_incident(self, i: int, incidents: list[Incident]) -> Incident:
        inc = Incident(i, [], [])
        number = len(incidents)
        self._index[id(inc)] = _IncidentIndex(number, self.actions[i])
        incidents.append(inc)
        self._founder_starts.append(self.mentions[i].start)
        if self._bits is not None:
            self._bits["action", self.actions[i]] = self._bits.get(("action", self.actions[i]), 0) | 1 << number
        self._join(inc, i, contributor=True)
        return inc

    def _join(self, inc: Incident, i: int, *, contributor: bool) -> None:
        """Mention *i* joins *inc* (as a contributor, whose slots count, or for its span only)."""
        m = self.mentions[i]
        index = self._index[id(inc)]
        clause = (m.sentence, m.clause)
        inc.members.append(i)
        self._incident_of[i] = inc
        index.sentences.add(m.sentence)
        index.clauses.add(clause)
        index.lemmas.add(m.lemma)
        self._sentence_members.setdefault(m.sentence, []).append((index.number, i, inc))
        self._clause_incidents.setdefault(clause, {})[index.number] = inc
        if contributor:
            inc.contributors.append(i)
            index.contributor_clauses.add(clause)
            index.contributor_lemmas.add(m.lemma)
            index.all_title = index.all_title and m.title
            index.accumulator.add(self.features[i])
            index.features = None
            if self._bits is not None:
                self._reindex(inc)

    def compatible(self, i: int, inc: Incident, *, anaphor: bool = False, carried_date: bool = True) -> bool:
        """Whether mention *i* may refer to the same occurrence as *inc* (*carried_date*: whether a date carried
        from the sentence before counts against it)."""
        m, f, g = self.mentions[i], self.features[i], self._incident_features(inc)
        sentences = self._index[id(inc)].sentences
        if (f.action in _EXCLUSIVE_ACTIONS or g.action in _EXCLUSIVE_ACTIONS) and f.action != g.action:
            return self.roles[i] != "event" and m.sentence in sentences
        # an interception and the attack it stopped are one incident only when one sentence says both
        if ((f.action is Action.INTERCEPTION) != (g.action is Action.INTERCEPTION) and self.roles[i] == "event"
                and m.sentence not in sentences):
            return False
        if f.days and g.days and not f.days & g.days:
            return False
        # fighting on the ground and a strike from the air are two incidents, unless one sentence joins them
        remote = not self.additive[i] and (f.action in _AIR or g.action in _AIR or bool((f.families | g.families) & _REMOTE_FAMILIES))
        if ((f.action in _GROUND) != (g.action in _GROUND) and remote and self.roles[i] == "event"
                and m.sentence not in sentences):
            return False
        if self._in_sequence(i, inc):
            return False
        if f.days and g.upper and all(d > g.upper for d in f.days):
            return False
        if not anaphor and not f.days and g.days:
            if f.upper and all(d > f.upper for d in g.days):
                return False
            # a date carried from the sentence before does not hold back "l'assaut", "cette frappe"
            if carried_date and f.carried and not f.upper and f.carried not in g.days:
                return False
        if f.specific and g.specific and not any(a & b for a in f.specific for b in g.specific):
            return False
        if f.countries and g.countries and not f.countries & g.countries:
            return False
        if f.families and g.families and not f.families & g.families and not self.additive[i]:
            return False
        if (f.attacker & g.target and not f.attacker & g.attacker) or (f.target & g.attacker and not f.target & g.target):
            return False
        return not (f.attacker and g.attacker and not f.attacker & g.attacker)

    def _in_sequence(self, i: int, inc: Incident) -> bool:
        """Whether *i* and an incident's founder are told one after the other in one sentence
        ("l'attaque … s'est produite après la frappe …", "contre-attaque après que les troupes aient été attaquées")."""
        m, f = self.mentions[i], self.mentions[inc.founder]
        if m.sentence != f.sentence or m.clause == f.clause:
            return False
        lo, hi = sorted((m.clause, f.clause))
        flags = self.layout.sequence[m.sentence] if self.layout.sequence else ()
        return any(flags[c] for c in range(lo + 1, hi + 1) if c < len(flags))

    # --- founding ---------------------------------------------------------------------

    def can_found(self, i: int) -> bool:
        """Whether mention *i* states an incident on its own (policy point 1)."""
        m, s = self.mentions[i], self.slots[i]
        if self.roles[i] == "casualty" and not m.generic and not m.heading and not m.negated:
            return self._killing_states_incident(i)
        if m.generic or self.roles[i] != "event" or m.heading or m.negated:
            return False
        det, _ = self.dets[i]
        if i in self.light:
            return False  # "a lancé une attaque": the noun names the incident
        if m.rule != "nominal":
            return True
        if m.pos == "present":
            return m.title
        if m.pos == "gerund":
            return self.roles[i] == "event"
        if m.pos != "noun" or det == "demonstrative":
            return False
        group = [s, *(self.slots[j] for j in self.satellites.get(i, []))]
        weapons = bool(m.implied_weapons or s.weapons)
        dated = any(g.event_dates() for g in group)
        placed = any(p.scene and SPECIFICITY[p.place.kind] < SPECIFICITY[PlaceKind.COUNTRY] for p in s.places)
        counted = any(g.casualties for g in group)
        if m.title and m.plural:
            # a headline's plural sums up, unless it counts the dead of one place ("Tirs de roquettes sur
            # Bagdad : 2 morts")
            return counted and placed
        if m.plural:  # plurals sum up, unless the clause dates or counts them; "les frappes" refers back,
            # except in the lede, which opens the story ("Les frappes israéliennes sur Khan Younès ont fait …")
            lede = self._lede is not None and self.layout.paragraphs[m.sentence] == self._lede
            return dated or (counted and (det != "definite" or lede))
        if det in ("definite", "none"):
            sided = bool(m.sides or s.attacker_sides or s.target_sides)
            return m.title or dated or placed or counted or weapons or sided or bool(s.places)
        return m.title or dated or placed or counted or weapons

    # --- building --------------------------------------------------------------------

    def build(self) -> list[Incident]:
        """The incidents, in the order of their founding mention."""
        incidents: list[Incident] = []
        # the incidents by number, the one a founder joined or founded last at the end (most recent first when
        # reversed): a founder joins the most recent incident it may join, found without trying every incident
        recency: dict[int, Incident] = {}
        order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        founders = {i for i in order if self.can_found(i)}
        attached: set[int] = set()
        for i in order:
            if i not in founders:
                continue
            m = self.mentions[i]
            _, another = self.dets[i]
            target: Incident | None = None
            # "Les frappes avaient détruit …": the verb's anaphoric subject says which incident it tells
            # (the few mentions just before it: mentions are in text order, long sentences stay linear)
            subject = False
            for j in range(i - 1, max(-1, i - 4), -1):
                o = self.mentions[j]
                if o.sentence != m.sentence or o.clause != m.clause:
                    break
                if j in attached:
                    subject = True
                elif j not in founders and not o.generic and self._refers_back(j) and incidents:
                    self._attach(j, incidents)
                    attached.add(j)
                    subject = True
            if not another:
                # a date carried from the sentence before does not hold against what the subject points to;
                # of the incidents of the clause, the last one founded
                in_clause = self._clause_incidents.get((m.sentence, m.clause), {})
                target = next((in_clause[n] for n in sorted(in_clause, reverse=True)
                               if self.compatible(i, in_clause[n], carried_date=not subject)), None)
                if target is None:
                    target = self._recent_to_join(i, recency)
            if target is None:
                target = self._new_incident(i, incidents)
            else:
                self._join(target, i, contributor=True)
            number = self._index[id(target)].number
            recency.pop(number, None)
            recency[number] = target
            self._touched[number] = i  # founders come in text order: the later, the greater
        # anaphoric nouns first: "quatre civils ont été tués dans ces bombardements" goes where the noun points
        for i in sorted(order, key=lambda j: not self._refers_back(j)):
            if i in founders or i in attached or self.mentions[i].generic:
                continue
            self._attach(i, incidents)
        for inc in incidents:
            inc.members.sort(key=lambda j: self.mentions[j].start)
            inc.contributors.sort(key=lambda j: self.mentions[j].start)
        incidents.sort(key=lambda inc: self.mentions[inc.founder].start)
        return incidents

    def _recent_to_join(self, i: int, recency: dict[int, Incident]) -> Incident | None:
        """The most recent incident founding mention *i* may join (policy point 2), ``None`` if none.

        *recency* holds the incidents in the order a founder last joined them; they are tried from the most
        recent one, so that the search usually stops after a few.
        """
        if not self._refers_back(i):
            allowed = self._candidate_bits(i, recency.values(), carried_date=True)
            return next((inc for _, inc in self._by_recency(allowed, recency) if self._may_join(i, inc)), None)
        allowed = self._candidate_bits(i, recency.values(), carried_date=False)
        # "lors de l'embuscade", "dans ces bombardements", "les frappes": the most recent incident of that kind,
        # named alike if one is, whatever date the sentence before carried. The pools, by preference: joinable
        # (strictly) of that kind and named alike; the same whatever date was carried; joinable of that kind;
        # the same whatever date was carried; joinable.
        first_of_pool: list[Incident | None] = [None] * 4
        for _, inc in self._by_recency(allowed, recency):
            if not self._may_join(i, inc, carried_date=False):
                continue  # strict joining implies loose joining: in no pool
            strict = self._may_join(i, inc)
            fits = self._fits_kind(i, inc)
            named = fits and self._named_alike(i, inc)
            if strict and named:
                return inc
            for k, in_pool in enumerate((named, strict and fits, fits, strict)):
                if in_pool and first_of_pool[k] is None:
                    first_of_pool[k] = inc
        return next((inc for inc in first_of_pool if inc is not None), None)

    def _by_recency(self, allowed: int, recency: dict[int, Incident]) -> Iterator[tuple[int, Incident]]:
        """The incidents of the bit set *allowed* (``-1``: all), the one a founder joined last first."""
        if allowed != -1 and allowed.bit_count() * 8 < len(recency):
            # a few candidates among many incidents: sorted by when a founder last joined them, not looked for
            numbers = []
            while allowed:
                lowest = allowed & -allowed
                numbers.append(lowest.bit_length() - 1)
                allowed ^= lowest
            numbers.sort(key=self._touched.__getitem__, reverse=True)
            return ((number, recency[number]) for number in numbers)
        return ((number, inc) for number, inc in reversed(recency.items()) if allowed >> number & 1)

    def _killing_states_incident(self, i: int) -> bool:
        """A killing or wounding with an armed agent or a weapon, alone in its sentence, is an incident
        ("Un policier a été abattu par des hommes armés", "des jihadistes ont tué douze civils")."""
        m, s = self.mentions[i], self.slots[i]
        if m.rule != "verbal":
            return False
        if any(not self.mentions[j].generic and self.roles[j] == "event"
               for j in self._by_sentence.get(m.sentence, ()) if j != i):
            return False
        armed = s.attacker is not None and s.attacker.actor_type in (ActorType.STATE_FORCES,
                                                                      ActorType.NON_STATE_ARMED_GROUP)
        return armed or bool(s.clause_weapons - {WeaponCategory.GENERIC})

    def _may_join(self, i: int, inc: Incident, *, carried_date: bool = True) -> bool:
        """Whether founding mention *i* may join *inc*: compatible, and when indefinite (or when *inc* is only a
        headline's so far) sharing something with it; the definite article refers back."""
        m = self.mentions[i]
        return self.compatible(i, inc, carried_date=carried_date) and (self._shares(i, inc) or not (
            (self.dets[i][0] == "indefinite" and m.rule == "nominal" and not self._in_lede(i, inc))
            or (self._index[id(inc)].all_title
                and not self._repeats_headline(i, inc) and not self._in_lede(i, inc))))

    def _refers_back(self, i: int) -> bool:
        """Whether mention *i* is a definite or demonstrative trigger noun ("l'assaut", "ces frappes")."""
        m = self.mentions[i]
        return m.rule == "nominal" and m.pos == "noun" and self.dets[i][0] in ("definite", "demonstrative")

    def _fits_kind(self, i: int, inc: Incident) -> bool:
        """Whether the noun of mention *i* can name an incident of this kind: "ces bombardements" a strike or
        shelling, "l'assaut" or "l'embuscade" fighting on the ground; "l'attaque", "l'incident" anything."""
        m = self.mentions[i]
        kind = _ANAPHOR_KINDS.get(m.lemma) or _ANAPHOR_KINDS.get(self.actions[i].value)
        if kind is None:
            return True
        g = self._incident_features(inc)
        founder_action = self.actions[inc.founder]
        remote = founder_action in _AIR or bool(g.families & _REMOTE_FAMILIES)
        if m.lemma in self._lemmas(inc):
            return True
        return remote if kind == "remote" else not remote

    def _lemmas(self, inc: Incident) -> set[str]:
        """The trigger lemmas of an incident's mentions, updated as mentions join (never recounted)."""
        return self._index[id(inc)].lemmas

    def _named_alike(self, i: int, inc: Incident) -> bool:
        """Whether a noun of a definite kind ("les frappes", "l'embuscade") names *inc* with its own word
        already: "les frappes avaient touché Deir ez-Zor" takes up the strikes, not the drone attack told
        between them. Nouns of any kind ("l'attaque", "l'incident") name everything alike."""
        m = self.mentions[i]
        if (_ANAPHOR_KINDS.get(m.lemma) or _ANAPHOR_KINDS.get(self.actions[i].value)) is None:
            return True
        return m.lemma in self._lemmas(inc)

    def _in_lede(self, i: int, inc: Incident) -> bool:
        """Whether mention *i* is in the lede — the first body paragraph that names an incident — and
        *inc* is an incident only the headline has stated: the lede tells the headline's incident."""
        if not self._index[id(inc)].all_title:
            return False
        return self._lede is not None and self.layout.paragraphs[self.mentions[i].sentence] == self._lede

    def _repeats_headline(self, i: int, inc: Incident) -> bool:
        """Whether a definite noun takes up the headline's own word ("Attaque à X" … "L'attaque a fait …")."""
        m = self.mentions[i]
        return (m.rule == "nominal" and self.dets[i][0] in ("definite", "demonstrative")
                and m.lemma in self._index[id(inc)].contributor_lemmas)

    def _shares(self, i: int, inc: Incident) -> bool:
        f, g = self.features[i], self._incident_features(inc)
        return bool(f.days & g.days or f.families & g.families
                    or (g.upper is not None and g.upper in f.days) or (f.upper is not None and f.upper in g.days)
                    or any(a & b for a in f.specific for b in g.specific)
                    or (f.attacker & g.attacker) or (f.target & g.target))

    def _attach(self, i: int, incidents: list[Incident]) -> None:
        m = self.mentions[i]
        role = self.roles[i]
        det, _ = self.dets[i]
        # an indefinite plural sums up ("des attaques"); "les attaques n'avaient fait aucune victime" refers back
        summary = m.heading or (m.rule == "nominal" and m.pos == "noun" and m.plural and det in ("indefinite", "none"))
        clause = (m.sentence, m.clause)

        def add(inc: Incident) -> None:
            # a headline or a plural sums up, unless it is in the clause of a mention of the incident
            # ("des tirs de roquettes ont visé …")
            beside = clause in self._index[id(inc)].contributor_clauses
            self._join(inc, i, contributor=beside or (
                not summary and (not m.title or self.mentions[inc.founder].sentence == m.sentence)))

        refers_back = m.rule == "nominal" and m.pos == "noun" and det in ("definite", "demonstrative")
        # the members of the sentence, nearest first; among equals, by incident then in the order they joined
        in_sentence = sorted(
            ((abs(self.mentions[j].start - m.start), number, order, inc)
             for order, (number, j, inc) in enumerate(self._sentence_members.get(m.sentence, ()))
             if not refers_back or self.mentions[j].start < m.start),
            key=lambda x: x[:3])
        same_clause = [x for x in in_sentence if clause in self._index[id(x[3])].clauses]
        if same_clause and role == "weak":
            # a gerund or participle inside a founder's clause belongs to it ("des drones … ciblant … ont été abattus")
            add(same_clause[0][3])
            return
        for pool in (same_clause, in_sentence):
            nearest = next((x[3] for x in pool if self.compatible(i, x[3], anaphor=True)), None)
            if nearest is not None:
                add(nearest)
                return
        if role == "weak" or m.negated:
            return
        n_before = bisect.bisect_left(self._founder_starts, m.start)  # incidents founded before the mention
        if n_before:
            recent = self._recent_to_attach(i, n_before, refers_back)
            if recent is not None:
                add(recent)
        elif m.title or self.layout.title[m.sentence]:
            first = next((inc for inc in incidents if self.compatible(i, inc, anaphor=True)), None)
            if first is not None:
                self._join(first, i, contributor=False)  # a headline summary: its span only

    def _recent_to_attach(self, i: int, n_before: int, refers_back: bool) -> Incident | None:
        """The incident founded before mention *i* that it refers to: of the compatible ones told in the last
        sentences, the one told last, preferring (for an anaphoric noun) one of its kind, then one named alike,
        and (for a casualty) one that is not an interception."""
        m = self.mentions[i]
        role = self.roles[i]
        window = 2 if role == "casualty" else (3 if m.plural or self.dets[i][0] == "none" else 10_000)
        best: Incident | None = None
        best_rank: tuple[bool, ...] = ()
        top = (True,) * (2 * refers_back + (role == "casualty"))
        seen: set[int] = set()
        # back from the mention through the text: the first member met of an incident is its last one before
        # the mention, so the incidents come in the order they were last told; stop at the best possible one
        for j in range(i - 1, -1, -1):
            inc = self._incident_of[j]
            if inc is None or id(inc) in seen:
                continue
            seen.add(id(inc))
            if m.sentence - self.mentions[j].sentence > window:
                break  # the incidents met from here on were told earlier still
            if self.mentions[inc.founder].start >= m.start:
                continue
            if self.compatible(i, inc, anaphor=True):
                rank: tuple[bool, ...] = ()
                if refers_back:  # "dans cette embuscade": the most recent incident of that kind
                    rank = (self._fits_kind(i, inc), self._named_alike(i, inc))
                if role == "casualty":  # the dead and wounded of an attack, not of the interceptions around it
                    rank = (*rank, self.actions[inc.founder] is not Action.INTERCEPTION)
                if best is None or rank > best_rank:
                    best, best_rank = inc, rank
                if rank == top:
                    break
            n_before -= 1
            if n_before == 0:
                break  # every incident founded before the mention was met
        return best
