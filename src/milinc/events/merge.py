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
import re
from collections.abc import Sequence

import attrs

from ..normalize import fold
from ..ontology import Action, ActorType, PlaceKind, WeaponCategory
from .lexicon import load_data
from .places import SPECIFICITY
from .slots import REPORTED, DocumentLayout, MentionSlots
from .triggers import Mention

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


def _name_tokens(name: str) -> frozenset[str]:
    stop = {"al", "el", "ad", "ar", "as", "ez", "de", "d", "la", "le", "du", "base", "aerienne", "aeroport"}
    return frozenset(t for t in re.findall(r"[a-z0-9]+", fold(name)) if t not in stop)


class IncidentBuilder:
    """Groups the mentions of a document into incidents."""

    def __init__(self, text: str, layout: DocumentLayout, mentions: Sequence[Mention],
                 slots: Sequence[MentionSlots]) -> None:
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
        self._by_sentence: dict[int, list[int]] = {}
        for i, m in enumerate(mentions):
            self._by_sentence.setdefault(m.sentence, []).append(i)
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
        self.features = [self._features(i) for i in range(len(mentions))]
        """What each mention (with its satellites) says that can set two incidents apart."""
        body = [o for o in mentions if not o.title and not o.generic and not o.heading]
        self._lede = layout.paragraphs[body[0].sentence] if body else None
        self._incident_cache: dict[int, tuple[int, _Accumulator | None]] = {}
        self._lemma_cache: dict[int, tuple[int, set[str]]] = {}

    # --- features -------------------------------------------------------------------

    def _features(self, i: int) -> _Features:
        group = [i, *self.satellites.get(i, [])]
        ss = [self.slots[j] for j in group]
        days = frozenset(d.day for s in ss for d in s.event_dates() if d.day)
        reported = sorted(d.day for s in ss for d in s.dates if d.rank == REPORTED and d.day)
        carried = next((d.day for s in ss for d in s.dates if d.rank > REPORTED and d.day), None)
        scene = [p for s in ss for p in s.places if p.scene]
        specific = tuple(_name_tokens(p.place.name) for p in scene if SPECIFICITY[p.place.kind] <= 2)
        countries = frozenset(p.place.country for p in scene if p.place.country)
        weapons = {w for s in ss for w, _, _ in s.weapons} | set(self.mentions[i].implied_weapons)
        if self.mentions[i].rule != "nominal" or self.mentions[i].pos == "gerund":
            weapons |= self.slots[i].clause_weapons  # "en tirant une salve de roquettes": the verb's weapons too
        families = frozenset(_FAMILIES[w] for w in weapons if w in _FAMILIES)
        s = self.slots[i]
        return _Features(days, reported[0] if reported else None, carried, specific, countries, families,
                         frozenset(s.attacker_sides), frozenset(s.target_sides), self.actions[i])

    def _incident_features(self, inc: Incident) -> _Features:
        """The features of an incident, updated as contributors join it (never recomputed from scratch)."""
        known, acc = self._incident_cache.get(id(inc), (0, None))
        if acc is None or known != len(inc.contributors):
            acc = acc or _Accumulator()
            for i in inc.contributors[known:]:
                acc.add(self.features[i])
            self._incident_cache[id(inc)] = (len(inc.contributors), acc)
        return acc.features(self.actions[inc.founder])

    def compatible(self, i: int, inc: Incident, *, anaphor: bool = False, carried_date: bool = True) -> bool:
        """Whether mention *i* may refer to the same occurrence as *inc* (*carried_date*: whether a date carried
        from the sentence before counts against it)."""
        m, f, g = self.mentions[i], self.features[i], self._incident_features(inc)
        if (f.action in _EXCLUSIVE_ACTIONS or g.action in _EXCLUSIVE_ACTIONS) and f.action != g.action:
            return self.roles[i] != "event" and m.sentence in {self.mentions[j].sentence for j in inc.members}
        # an interception and the attack it stopped are one incident only when one sentence says both
        if ((f.action is Action.INTERCEPTION) != (g.action is Action.INTERCEPTION) and self.roles[i] == "event"
                and m.sentence not in {self.mentions[j].sentence for j in inc.members}):
            return False
        if f.days and g.days and not f.days & g.days:
            return False
        # fighting on the ground and a strike from the air are two incidents, unless one sentence joins them
        remote = not self.additive[i] and (f.action in _AIR or g.action in _AIR or bool((f.families | g.families) & _REMOTE_FAMILIES))
        if ((f.action in _GROUND) != (g.action in _GROUND) and remote and self.roles[i] == "event"
                and m.sentence not in {self.mentions[j].sentence for j in inc.members}):
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
        last_seen: dict[int, int] = {}
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
                # a date carried from the sentence before does not hold against what the subject points to
                same_clause = [inc for inc in incidents
                               if any(self.mentions[j].sentence == m.sentence and self.mentions[j].clause == m.clause
                                      for j in inc.members) and self.compatible(i, inc, carried_date=not subject)]
                if same_clause:
                    target = same_clause[-1]
                else:
                    candidates = [inc for inc in incidents if self._may_join(i, inc)]
                    if self._refers_back(i):
                        # "lors de l'embuscade", "dans ces bombardements", "les frappes": the most recent incident
                        # of that kind, named alike if one is, whatever date the sentence before carried
                        loose = [inc for inc in incidents if self._may_join(i, inc, carried_date=False)]
                        for pool in ([inc for inc in candidates if self._fits_kind(i, inc) and self._named_alike(i, inc)],
                                     [inc for inc in loose if self._fits_kind(i, inc) and self._named_alike(i, inc)],
                                     [inc for inc in candidates if self._fits_kind(i, inc)],
                                     [inc for inc in loose if self._fits_kind(i, inc)]):
                            if pool:
                                candidates = pool
                                break
                    if candidates:
                        target = max(candidates, key=lambda inc: last_seen[id(inc)])
            if target is None:
                target = Incident(i, [i], [i])
                incidents.append(target)
            else:
                target.members.append(i)
                target.contributors.append(i)
            last_seen[id(target)] = m.start
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
            or (all(self.mentions[j].title for j in inc.contributors)
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
        known, lemmas = self._lemma_cache.get(id(inc), (0, set()))
        if known != len(inc.members):
            lemmas = lemmas | {self.mentions[j].lemma for j in inc.members[known:]}
            self._lemma_cache[id(inc)] = (len(inc.members), lemmas)
        return lemmas

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
        if not all(self.mentions[j].title for j in inc.contributors):
            return False
        return self._lede is not None and self.layout.paragraphs[self.mentions[i].sentence] == self._lede

    def _repeats_headline(self, i: int, inc: Incident) -> bool:
        """Whether a definite noun takes up the headline's own word ("Attaque à X" … "L'attaque a fait …")."""
        m = self.mentions[i]
        return (m.rule == "nominal" and self.dets[i][0] in ("definite", "demonstrative")
                and any(self.mentions[j].lemma == m.lemma for j in inc.contributors))

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

        def add(inc: Incident) -> None:
            inc.members.append(i)
            # a headline or a plural sums up, unless it is in the clause of a mention of the incident
            # ("des tirs de roquettes ont visé …")
            beside = any(self.mentions[j].sentence == m.sentence and self.mentions[j].clause == m.clause
                         for j in inc.contributors)
            if beside or (not summary and (not m.title or self.mentions[inc.founder].sentence == m.sentence)):
                inc.contributors.append(i)

        refers_back = m.rule == "nominal" and m.pos == "noun" and det in ("definite", "demonstrative")
        in_sentence = [(abs(self.mentions[j].start - m.start), inc) for inc in incidents for j in inc.members
                       if self.mentions[j].sentence == m.sentence and (not refers_back or self.mentions[j].start < m.start)]
        same_clause = [x for x in in_sentence if any(
            self.mentions[j].clause == m.clause and self.mentions[j].sentence == m.sentence for j in x[1].members)]
        if same_clause and role == "weak":
            # a gerund or participle inside a founder's clause belongs to it ("des drones … ciblant … ont été abattus")
            add(min(same_clause, key=lambda x: x[0])[1])
            return
        for pool in (same_clause, in_sentence):
            ok = [x for x in pool if self.compatible(i, x[1], anaphor=True)]
            if ok:
                add(min(ok, key=lambda x: x[0])[1])
                return
        if role == "weak" or m.negated:
            return
        before = [inc for inc in incidents if self.mentions[inc.founder].start < m.start]
        if before:
            window = 2 if role == "casualty" else (3 if m.plural or det == "none" else 10_000)
            recent = []
            for inc in before:
                last = max(self.mentions[j].sentence for j in inc.members if self.mentions[j].start < m.start)
                if m.sentence - last <= window and self.compatible(i, inc, anaphor=True):
                    recent.append((max(self.mentions[j].start for j in inc.members if self.mentions[j].start < m.start), inc))
            if recent:
                if refers_back:  # "dans cette embuscade": the most recent incident of that kind
                    recent = [x for x in recent if self._fits_kind(i, x[1])] or recent
                    recent = [x for x in recent if self._named_alike(i, x[1])] or recent
                if role == "casualty":  # the dead and wounded of an attack, not of the interceptions around it
                    recent.sort(key=lambda x: self.actions[x[1].founder] is not Action.INTERCEPTION)
                    recent = [x for x in recent if self.actions[x[1].founder] is not Action.INTERCEPTION] or recent
                add(max(recent, key=lambda x: x[0])[1])
                return
        elif m.title or self.layout.title[m.sentence]:
            after = [inc for inc in incidents if self.compatible(i, inc, anaphor=True)]
            if after:
                inc = after[0]
                inc.members.append(i)  # a headline summary: its span only
