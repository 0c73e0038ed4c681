"""Mentions → incidents: which mentions found an incident, which ones refer back to one.

Policy (docs/policy/events.md); the rules are in :mod:`.founding` (point 1),
:mod:`.compatibility` and :mod:`.candidate_index` (point 2):

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
import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from ..ontology import Action, WeaponCategory
from .candidate_index import JOIN_WINDOW, CandidateIndex
from .candidates import FRAME, REPORTED, MentionSlots, mentions_by_sentence
from .compatibility import VAGUE_AIR, CompatibilityRules
from .cues import Cues
from .features import FAMILIES, Features, Incident, IncidentIndex, name_tokens
from .founding import FoundingRules
from .layout import CONTEXT, DocumentLayout
from .places import SPECIFICITY
from .reading import determiner, effective_action
from .sides import lands_written, place_sides
from .triggers import Mention, frozen

__all__ = ["Incident", "IncidentBuilder"]

_SENTENCE_REACH = 32
"""How many members of its sentence on each side of a mention it may attach to (the nearest)."""
_WALK_BACK = 16 * JOIN_WINDOW
"""How many mentions a referring mention walks back through to find its incident (long texts stay linear)."""
_OPENING_REACH = 120
"""How far from a sentence's start the comma after a cue of another incident is looked for."""
_SHARING_REACH = 3
_ADDITIVE_TOLL_REACH = 4
"""How many sentences back "ont également été tués" looks for the toll it adds to."""
"""How many joinable incidents, most recent first, a founder looks through for one it shares something with."""
_AIR_WEAPONS = frozenset({WeaponCategory.AIRCRAFT, WeaponCategory.HELICOPTER, WeaponCategory.DRONE})


def _next_day(day: str) -> str:
    """The day after a ``YYYY-MM-DD`` day (itself for the last day of the calendar)."""
    date = datetime.date.fromisoformat(day)
    return (date + datetime.timedelta(days=1)).isoformat() if date < datetime.date.max else day


class IncidentBuilder(FoundingRules, CompatibilityRules, CandidateIndex):
    """Groups the mentions of a document into incidents."""

    def __init__(self, text: str, layout: DocumentLayout, mentions: Sequence[Mention],
                 slots: Sequence[MentionSlots], cues: Cues, by_sentence: Mapping[int, Sequence[int]] | None = None) -> None:
        """*by_sentence*: the mentions of each sentence, when the caller has them already (built otherwise)."""
        self.text = text
        """The normalized text."""
        self.cues = cues
        """The cue words (debris nouns, additive adverbs, light verbs…)."""
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
        # (the noun in the verb's own sentence, after a determiner: "Le bilan reste provisoire." is no debris)
        resolved = [(a, "anaphor") if m.rule == "verbal" and r in ("weak", "event", "impact") and not m.passive
                    and cues.debris_subject.search(text, max(layout.sentence_bounds[m.sentence][0], m.start - 40), m.start)
                    else (a, r) for m, (a, r) in zip(mentions, resolved)]
        # "un raid dans le camp de Jénine", "un raid contre une base": a raid on the ground, unless aircraft are named
        resolved = [(Action.ATTACK, r) if a is Action.STRIKE and m.lemma == "raid" and not (
                    (set(m.implied_weapons) | {w for w, _, _ in s.weapons}) & _AIR_WEAPONS)
                    and cues.ground_raid.match(text, m.end) else (a, r)
                    for m, s, (a, r) in zip(mentions, slots, resolved)]
        # "De lourds barrages ont été enregistrés …": an intensity word makes the noun an incident of its own
        resolved = [(a, "event") if m.role == "impact" and m.rule == "nominal" and m.lemma in cues.intensified_impact_nouns
                    and (cues.intensity_before.search(text, max(0, m.start - 16), m.start)
                         or cues.intensity_after.match(text, m.end)) else (a, r)
                    for m, (a, r) in zip(mentions, resolved)]
        self.actions = [a for a, _ in resolved]
        """The action of each mention once its clause's weapons are known."""
        self.roles = [r for _, r in resolved]
        """The role of each mention (``event``, ``casualty``, ``anaphor``, ``weak``) once its clause is known."""
        self.dets = [determiner(text, m.start, cues) if m.rule == "nominal" else ("none", False) for m in mentions]
        """The determiner kind before each trigger noun, and whether "autre" marks another incident."""
        # "l'attaque d'un vraquier grec": a definite noun with its own indefinite complement names a new occurrence
        self.complemented = {i for i, m in enumerate(mentions) if m.rule == "nominal" and m.pos == "noun"
                             and self.dets[i][0] == "definite" and cues.own_complement.match(text, m.end)}
        """Definite trigger nouns with their own indefinite complement: they read as indefinite, and found."""
        for i in self.complemented:
            self.dets[i] = ("indefinite", self.dets[i][1])
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
        # the noun must be the verb's object ("a lancé lundi une attaque"), not a later noun ("a lancé des
        # roquettes … après des frappes")
        self.light_objects: dict[int, int] = {}
        """Light verb → the trigger noun that is its object ("a lancé des salves de roquettes")."""
        for i, m in enumerate(mentions):
            if m.lemma in cues.light_verb_lemmas:
                obj = next((i + 1 + k for k, o in enumerate(mentions[i + 1 : i + 4])
                            if o.rule == "nominal" and o.pos == "noun" and o.sentence == m.sentence
                            and 0 <= o.start - m.end <= 48 and cues.light_verb_object.fullmatch(text, m.end, o.start)),
                           None)
                if obj is not None:
                    self.light_objects[i] = obj
        self.light = set(self.light_objects)
        """Light verbs followed by a trigger noun as their object ("a lancé une attaque"): the noun is the mention."""
        self.additive = [m.rule == "verbal" and bool(cues.additive.search(text, max(0, m.start - 24), m.end))
                         for m in mentions]
        """Whether a verb adds to what was told ("des missiles ont également été tirés"): other weapons, same incident."""
        self._tokens_of: dict[str, frozenset[str]] = {}
        self._launch_text = any(w in text for w in cues.launch_words)
        """Whether the text holds a word of a launch site at all ("depuis", "en provenance")."""
        self._lands = lands_written(text, cues)
        """Where the text names a land a launch site may be (found once for every mention)."""
        self.features = [self._features(i) for i in range(len(mentions))]
        """What each mention (with its satellites) says that can set two incidents apart."""
        body = [o for o in mentions if not o.title and not o.generic and not o.heading]
        self._lede = layout.paragraphs[body[0].sentence] if body else None
        self._index: dict[int, IncidentIndex] = {}  # by id() of the incident
        self._incident_of: list[Incident | None] = [None] * len(mentions)
        self._founder_starts: list[int] = []  # of the incidents in creation order (founders join in text order)
        self._sentence_starts: dict[int, list[int]] = {}
        """Sentence → the starts of the members it holds, in text order."""
        self._sentence_members: dict[int, list[tuple[int, int, int, Incident]]] = {}
        """Sentence → ``(start, join order, incident number, incident)`` of the members it holds, in text order."""
        self._sentence_bits: dict[int, int] = {}
        """Sentence → the numbers of the incidents with a member there, as a bit set."""
        self._clause_incidents: dict[tuple[int, int], dict[int, Incident]] = {}
        """``(sentence, clause)`` → the incidents with a member there, by number."""
        self._touched: dict[int, int] = {}
        """Incident number → when a founder last joined it (the later, the greater)."""
        self._new_opening: dict[int, bool] = {}
        """Sentence → whether it opens with a cue of another incident (found when first asked)."""
        self._bits: dict[tuple[str, Any], int] | None = None
        """``(feature, value)`` → the incidents with that value (``None``: with no value), as a bit set of numbers;
        ``None`` until there are many incidents."""

    # --- features -------------------------------------------------------------------

    def _features(self, i: int) -> Features:
        group = [i, *self.satellites.get(i, [])]
        ss = [self.slots[j] for j in group]
        dated = [(d.rank, day) for s in ss for d in s.dates if (day := d.day)]
        # a night runs into the next morning: "dans la nuit de mardi à mercredi" and "mercredi vers 3 heures" may
        # tell one incident
        days = frozen([*(day for rank, day in dated if rank <= FRAME),
                       *(_next_day(day) for s in ss for d in s.dates
                         if d.rank <= FRAME and d.time.value.endswith("TNI") and (day := d.day))])
        # the day of a statement carried from the sentence before ("X a rapporté jeudi une attaque …") bounds the
        # incident (it happened by then), it does not date it: an incident of the day before stays compatible
        stated = [day for s in ss for d in s.dates if d.rank > REPORTED and d.statement and (day := d.day)]
        reported = sorted([*(day for rank, day in dated if rank == REPORTED), *stated])
        carried = next((day for s in ss for d in s.dates if d.rank > REPORTED and not d.statement and (day := d.day)),
                       None)
        scene = [p for s in ss for p in s.places if p.scene]
        specific = tuple(self._name_tokens(p.place.name) for p in scene if SPECIFICITY[p.place.kind] <= 2)
        # a country aimed at ("vers Israël") does not hold back a death the attack caused across a border
        countries = frozen(p.place.country for p in scene if p.place.country and not p.aimed)
        weapons = {w for s in ss for w, _, _ in s.weapons} | set(self.mentions[i].implied_weapons)
        if self.mentions[i].rule != "nominal" or self.mentions[i].pos == "gerund":
            weapons |= self.slots[i].clause_weapons  # "en tirant une salve de roquettes": the verb's weapons too
        named = weapons - self.mentions[i].implied_weapons
        # "attaque aérienne", "raid aérien" name no aircraft: an air attack of drones or missiles as well
        families = frozen(VAGUE_AIR if FAMILIES[w] == "air" and not named & _AIR_WEAPONS else FAMILIES[w]
                          for w in weapons if w in FAMILIES)
        s = self.slots[i]
        # sides are the attack's: who shoots down ("la défense ukrainienne") is who the attack ("drones russes") hit
        attacker, target = s.attacker_sides, s.target_sides
        if self.actions[i] is Action.INTERCEPTION:
            attacker, target = target, attacker
        # where it was launched from and where it landed ("tirées depuis le Liban", a scene in Israel)
        m = self.mentions[i]
        places = [p for g in ss for p in g.places]
        if places or self._launch_text:  # most mentions of most texts have neither: nothing to look for
            clauses = self.layout.clauses[m.sentence]
            c_start, c_end = clauses[m.clause] if m.clause < len(clauses) else self.layout.sentence_bounds[m.sentence]
            window = (max(c_start, m.start - CONTEXT), min(c_end, m.end + CONTEXT))  # long clauses stay linear
            fired, hit = place_sides(self.text, self.cues, window, places, self.actions[i], attacker, self._lands)
            if hit and (self.roles[i] == "casualty" or (
                    self.dets[i][0] in ("definite", "demonstrative") and m.rule == "nominal")):
                # "L'attaque a causé la mort d'un Palestinien à Jéricho": where the attack told before killed, maybe
                # across a border, says nothing of whom it was aimed at
                hit = frozenset()
            if fired or hit:
                attacker, target = frozen(attacker | fired), frozen(target | (hit - attacker))
        return Features(days, reported[0] if reported else None, carried, specific, countries, families,
                        attacker, target, self.actions[i])

    def _name_tokens(self, name: str) -> frozenset[str]:
        """The tokens of a place name (known once per name in a text)."""
        tokens = self._tokens_of.get(name)
        if tokens is None:
            tokens = self._tokens_of[name] = name_tokens(name, self.cues.place_name_stop_words)
        return tokens

    def _new_incident(self, i: int, incidents: list[Incident]) -> Incident:
        inc = Incident(i, [], [])
        number = len(incidents)
        self._index[id(inc)] = IncidentIndex(number, self.actions[i])
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
        starts = self._sentence_starts.setdefault(m.sentence, [])
        members = self._sentence_members.setdefault(m.sentence, [])
        k = bisect.bisect_left(starts, m.start)
        starts.insert(k, m.start)
        members.insert(k, (m.start, len(members), index.number, inc))
        self._sentence_bits[m.sentence] = self._sentence_bits.get(m.sentence, 0) | 1 << index.number
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
            framed: Incident | None = None
            for j in range(i - 1, max(-1, i - 4), -1):
                o = self.mentions[j]
                if o.sentence != m.sentence or o.clause != m.clause:
                    break
                if j in attached:
                    subject = True
                elif (j not in founders and not o.generic and self._refers_back(j) and incidents
                      and not self._after_opening(j)):  # "Après une heure d'accalmie, les tirs ont visé …"
                    self._attach(j, incidents)
                    attached.add(j)
                    subject = True
                # "Au cours de l'attaque aérienne, l'ennemi a également lancé un missile vers Zaporijjia": part of it
                if (framed is None and self._incident_of[j] is not None and self._refers_back(j)
                        and self.cues.frame_before.search(self.text, max(0, o.start - 20), o.start)):
                    framed = self._incident_of[j]
            if framed is not None and not another and not (
                    self.features[i].days and self._incident_features(framed).days
                    and not self.features[i].days & self._incident_features(framed).days):
                target = framed
            elif not another:
                # a date carried from the sentence before does not hold against what the subject points to;
                # of the incidents of the clause, the last one founded
                in_clause = self._clause_incidents.get((m.sentence, m.clause), {})
                target = next((in_clause[n] for n in sorted(in_clause, reverse=True)
                               if self.compatible(i, in_clause[n], carried_date=not subject)), None)
                if target is None:
                    target = self._recent_to_join(i, recency)
            if (target is None and incidents and self._refers_back(i) and not m.title and not self.features[i].days
                    and not m.sides and not self.cues.any_complement.match(self.text, m.end)):
                # "après l'attaque": an anaphor that fits no incident told names none of its own
                founders.discard(i)
                continue
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

    def _opens_new(self, sentence: int) -> bool:
        """Whether a sentence opens with a cue of another incident ("Séparément, …", "Plus tard, …")."""
        found = self._new_opening.get(sentence)
        if found is None:
            start, end = self.layout.sentence_bounds[sentence]
            found = self._new_opening[sentence] = bool(self.cues.new_incident_opener.match(self.text, start, end))
        return found

    def _most_recent_sharing(self, i: int, allowed: int, recency: dict[int, Incident]) -> Incident | None:
        """The most recent incident founding mention *i* may join, preferring, among the few most recent ones, one
        that shares something with it ("Les combattants ont lancé des roquettes" joins the rockets told before,
        not the assassination told in between, which shares nothing with it)."""
        first: Incident | None = None
        tried = 0
        for _, inc in self._by_recency(allowed, recency):
            if not self._may_join(i, inc):
                continue
            if first is None:
                first = inc
            if self._shares(i, inc):
                return inc
            tried += 1
            if tried >= _SHARING_REACH:
                break
        return first

    def _after_opening(self, i: int) -> bool:
        """Whether mention *i* follows the comma of a sentence that opens with a cue of another incident
        ("Après une heure d'accalmie, les tirs …"; not "Peu après les tirs, …", where the noun is the cue's)."""
        m = self.mentions[i]
        start, _ = self.layout.sentence_bounds[m.sentence]
        # the cue's comma is near the sentence's start: a window keeps long sentences linear
        return self._opens_new(m.sentence) and self.text.find(",", start, min(m.start, start + _OPENING_REACH)) >= 0

    def _fronted_place(self, i: int) -> bool:
        """Whether mention *i*'s sentence opens with one of its scene places before a comma ("À Beer-Sheva, un
        immeuble a été touché"): it tells what happened there, another incident unless that place's."""
        m = self.mentions[i]
        start, _ = self.layout.sentence_bounds[m.sentence]
        return any(p.scene and p.start - start <= 40 and self.text.startswith(",", p.end)
                   and self.cues.fronted_place.fullmatch(self.text, start, p.start) is not None
                   for p in self.slots[i].places)

    def _recent_to_join(self, i: int, recency: dict[int, Incident]) -> Incident | None:
        """The most recent incident founding mention *i* may join (policy point 2), ``None`` if none.

        *recency* holds the incidents in the order a founder last joined them; they are tried from the most
        recent one, so that the search usually stops after a few.
        """
        m, f = self.mentions[i], self.features[i]
        # "Après deux heures d'accalmie, les tirs ont repris samedi": a definite noun with its own day or place
        # after a cue of another incident is another incident too
        anchored = bool(f.days or f.specific)
        if not self._refers_back(i) or (anchored and self._after_opening(i)):
            allowed = self._candidate_bits(i, recency.values(), carried_date=True)
            if self._opens_new(m.sentence) or self._fronted_place(i):
                # "Séparément, les Houthis ont lancé …": another incident, unless told in this sentence already or
                # at the same named place (several blasts at one place stay one incident)
                return next((inc for _, inc in self._by_recency(allowed, recency) if self._may_join(i, inc) and (
                    m.sentence in self._index[id(inc)].sentences
                    or any(a & b for a in f.specific for b in self._incident_features(inc).specific))), None)
            joined = self._most_recent_sharing(i, allowed, recency)
            if joined is None and m.title:
                # the headline lines tell one incident ("Mali : cinq soldats tués dans une embuscade" … "Nouvelle
                # attaque dans le centre"), even in other words
                joined = next((inc for _, inc in self._by_recency(allowed, recency)
                               if self._index[id(inc)].all_title and self.compatible(i, inc)), None)
            return joined
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

    def _attach(self, i: int, incidents: list[Incident]) -> None:
        m = self.mentions[i]
        role = self.roles[i]
        det, _ = self.dets[i]
        # an indefinite plural sums up ("des attaques"); "les attaques n'avaient fait aucune victime" refers back
        summary = m.heading or (m.rule == "nominal" and m.pos == "noun" and m.plural and (
            det in ("indefinite", "none") or self._counts_incidents(i)))
        clause = (m.sentence, m.clause)

        def add(inc: Incident) -> None:
            # a headline or a plural sums up, unless it is in the clause of a mention of the incident
            # ("des tirs de roquettes ont visé …")
            beside = clause in self._index[id(inc)].contributor_clauses
            self._join(inc, i, contributor=beside or (
                not summary and (not m.title or self.mentions[inc.founder].sentence == m.sentence)))

        refers_back = m.rule == "nominal" and m.pos == "noun" and det in ("definite", "demonstrative")
        # the members of the sentence, nearest first; among equals, by incident then in the order they joined
        # (the nearest _SENTENCE_REACH on each side: a sentence of thousands of mentions stays linear)
        starts = self._sentence_starts.get(m.sentence, [])
        k = bisect.bisect_left(starts, m.start)
        near = self._sentence_members.get(m.sentence, [])[max(0, k - _SENTENCE_REACH) : k + _SENTENCE_REACH]
        # "Après une heure d'accalmie, les tirs ont visé …": after a cue of another incident, the subject noun
        # names what its verb tells
        forward = not refers_back or self._after_opening(i)
        in_sentence = sorted(
            ((abs(start - m.start), number, order, inc) for start, order, number, inc in near
             if forward or start < m.start),
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
        if role == "casualty" and self.additive[i]:
            also = self._last_toll_incident(i)
            if also is not None:  # "13 assaillants ont également été tués": more dead of the toll told last
                add(also)
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

    def _last_toll_incident(self, i: int) -> Incident | None:
        """The incident of the casualty verb of the same kind told last before mention *i*, a few sentences back at
        most (the few mentions before it: long texts stay linear)."""
        m = self.mentions[i]
        for j in range(i - 1, max(-1, i - 1 - _WALK_BACK), -1):
            o = self.mentions[j]
            if m.sentence - o.sentence > _ADDITIVE_TOLL_REACH:
                break
            inc = self._incident_of[j]
            if self.roles[j] == "casualty" and o.action is m.action and inc is not None:
                return inc if self.compatible(i, inc, anaphor=True) else None
        return None

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
        for j in range(i - 1, max(-1, i - 1 - _WALK_BACK), -1):
            inc = self._incident_of[j]
            if inc is None or id(inc) in seen:
                continue
            seen.add(id(inc))
            if m.sentence - self.mentions[j].sentence > window or len(seen) > JOIN_WINDOW:
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
