"""The events stage: trigger mentions → slots → incidents → :class:`~milinc.ontology.Event`.

:class:`EventAssembler` runs the decisions, each in its module: :mod:`.triggers`
finds and reads the trigger mentions, :mod:`.genericity` sets aside the ones
that name no incident, :mod:`.slots` and :mod:`.discourse` give each mention
what its clause and the sentences before say, :mod:`.merge` decides what is one
incident, and :mod:`.dating`, :mod:`.scene`, :mod:`.tolls`, :mod:`.armament`
and :mod:`.typing` decide the incident's date, place and country, toll,
weapons and type.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from .. import budget
from ..actors import ActorResolver
from ..extensions import Extensions
from ..ontology import Action, ActorType, CasualtyRole, Event, Explanation, Span, WeaponCategory
from .actors import ActorLexicon, ActorNamer
from .armament import incident_flags, incident_weapons
from .candidates import CasualtyCandidate
from .cues import Cues
from .dateline import find_datelines
from .dating import incident_date, mark_background
from .genericity import generic_reason
from .layout import DocumentLayout
from .lexicon import load_data
from .merge import Incident, IncidentBuilder
from .orphans import attach_orphans
from .places import PlaceRecognizer, original_text
from .scene import SceneLexicon, SceneReader
from .slots import SlotFiller
from .tolls import casualties, target_type
from .triggers import Mention, TriggerFinder
from .typing import CodingInput, EventCoder

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["EventAssembler", "NonEventMention"]

_ATTACK_ACTIONS = frozenset({Action.ATTACK, Action.STRIKE, Action.BOMBARDMENT, Action.FIRING, Action.CLASH,
                             Action.AMBUSH, Action.EXPLOSION, Action.SUICIDE_ATTACK})
"""Actions of an attack: when an interception is part of one, the incident is the attack."""
_LETTERS = re.compile(r"[^\W\d_]+")
_SUBJECT_GAP = re.compile(r"[\s\w'-]{0,24}")


class NonEventMention:
    """A trigger that names no specific incident, with the reason (kept for inspection)."""

    __slots__ = ("reason", "span")

    def __init__(self, span: Span, reason: str) -> None:
        self.span = span
        """The trigger, in the original text."""
        self.reason = reason
        """Why it names no incident (``aggregate``, ``generic``, ``hypothetical``, ``future``, ``purpose``,
        ``campaign``, ``habitual``, ``background``)."""

    def __repr__(self) -> str:
        return f"NonEventMention({self.span.text!r}, {self.reason!r})"


class EventAssembler:
    """Finds incident triggers, fills their slots and merges mentions into incidents."""

    def __init__(self, extensions: Extensions) -> None:
        self.extensions = extensions
        """The plugins' additions this extractor was built with."""
        self.triggers = TriggerFinder(extensions)
        """Finds and reads the trigger mentions."""
        self.gazetteer = PlaceRecognizer(extensions)
        """The place-recognition stage (:mod:`milinc.places`): ``data/places.json``, GeoNames, the cues."""
        self.actors = ActorLexicon(extensions.lexicon("actors", list(load_data("actors")["actors"])))
        """Actor words → actor type and side (``data/actors.json`` and the plugins')."""
        self.actor_names = ActorResolver.for_extensions(extensions)
        """Actor phrases → ACLED's actor names and inter codes (``data/actors.json`` and the plugins')."""
        self.coder = EventCoder()
        """Derives the ACLED code of an incident (``data/acled_mapping.json``)."""
        self.cues = Cues(extensions)
        """The French cue words (``data/cues.json`` and the plugins') and the expressions built from them."""
        self.scene_words = SceneLexicon.load(extensions)
        """The words that decide an incident's scene (``data/scene.json`` and the plugins')."""
        self.title_lines = int(load_data("triggers").get("title_zone_lines", 3))
        """At most this many lines at the top of a text make its headline."""
        self._local = threading.local()

    def mentions(self, ctx: ExtractionContext, layout: DocumentLayout) -> list[Mention]:
        """Every trigger mention of the text, read, placed in its sentence and clause, genericity set."""
        found: list[Mention] = []
        text = ctx.text
        sentence_starts = [s for s, _ in layout.sentence_bounds]
        weapons = sorted((w.span.start, w.span.end) for w in ctx.weapons)
        for start, end, raw in self.triggers.raw_triggers(text):
            sentence = max(0, bisect.bisect_right(sentence_starts, start) - 1)  # as ctx.sentence_at(start)
            previous_word = original_head = ""
            if raw.rule == "nominal" and weapons and _inside_weapon(ctx, weapons, start, end):
                continue  # "drones d'attaque", "hélicoptère d'attaque": a weapon's complement, not a trigger
            if raw.rule == "nominal":  # only a noun's reading depends on them
                previous_word = _word_before(text, start)
                original_head = original_text(ctx, start + raw.head_start, start + raw.head_end)
            mention = self.triggers.read(start, end, raw, title=layout.title[sentence],
                                         previous_word=previous_word, original_head=original_head)
            if mention is None:
                continue
            mention.sentence = sentence
            mention.clause = layout.clause_of(sentence, start)
            mention.heading = layout.heading[sentence]
            mention.after_en = ctx.text[max(0, start - 3) : start] == "en "
            if raw.rule == "nominal" and any(text.find(w, max(0, start - 30), start) >= 0 for w in self.cues.since_words):
                mention.since = bool(self.cues.since_before.search(text, max(0, start - 30), start))
            s_start, s_end = layout.sentence_bounds[sentence]
            mention.generic = generic_reason(mention, ctx.text, s_start, s_end, self.cues)
            found.append(mention)
        _take_up_strike_kinds(found, self.cues)
        return found

    def extract(self, ctx: ExtractionContext) -> list[Event]:
        """The incidents of the text, one per real-world occurrence."""
        self._local.non_events = []
        if not ctx.sentences:
            return []
        layout = DocumentLayout.of(ctx, self.title_lines, self.cues)
        mentions = self.mentions(ctx, layout)
        if not mentions:
            return []
        budget.check("events: mentions")
        _propagate_generic_subjects(ctx.text, mentions)
        _propagate_generic_claims(ctx.text, mentions, self.cues)
        datelines = find_datelines(ctx)
        # a dateline's place is where the dispatch was filed: never the scene ("KIEV (Reuters) - …")
        found = self.gazetteer.read(ctx)
        places = [attrs.evolve(p, scene=False) if any(s <= p.start < e for s, e in datelines) else p
                  for p in found.mentions]
        filler = SlotFiller(self.actors, self.cues)  # one per text: it keeps per-text state, parsers are shared by threads
        slots = filler.fill(ctx, layout, mentions, places, datelines)
        budget.check("events: slots")
        mark_background(ctx, mentions, slots, filler.mentions_by_sentence)
        builder = IncidentBuilder(ctx.text, layout, mentions, slots, self.cues, filler.mentions_by_sentence)
        incidents = builder.build()
        budget.check("events: incidents")
        self._local.non_events = [NonEventMention(ctx.span(m.start, m.end), m.generic) for m in mentions if m.generic]
        namer = ActorNamer(self.actor_names, ctx)
        orphan_tolls = attach_orphans(filler.orphans, incidents, mentions, layout)
        orphan_weapons = attach_orphans(filler.orphan_weapons, incidents, mentions, layout)
        scenes = SceneReader(self.scene_words, ctx, layout, found, places, mentions, slots)
        return [self._event(ctx, builder, inc, namer, orphan_tolls.get(number, []), orphan_weapons.get(number, []),
                            scenes)
                for number, inc in enumerate(incidents)]

    @property
    def last_non_events(self) -> list[NonEventMention]:
        """The generic mentions of the last text this thread parsed, with their reasons (for inspection)."""
        return list(getattr(self._local, "non_events", []))

    # --- one incident → one Event --------------------------------------------------------

    def _event(self, ctx: ExtractionContext, b: IncidentBuilder, inc: Incident, namer: ActorNamer,
               orphan_tolls: Sequence[CasualtyCandidate],
               orphan_weapons: Sequence[tuple[WeaponCategory, Span | None, str]], scenes: SceneReader) -> Event:
        mentions, slots = b.mentions, b.slots
        contributors = [(mentions[i], slots[i]) for i in inc.contributors]
        founder = mentions[inc.founder]
        # the first trigger of the founder's clause names the incident first ("Un attentat-suicide a frappé …")
        first_index = min((j for j in inc.members if mentions[j].sentence == founder.sentence
                           and mentions[j].clause == founder.clause and b.roles[j] == "event"
                           and mentions[j].lemma not in self.cues.light_verb_lemmas
                           and mentions[j].start < founder.start), key=lambda j: mentions[j].start, default=inc.founder)
        first = mentions[first_index]
        founder_span = ctx.span(founder.start, founder.end)  # built once for the several places that give it
        why: list[Explanation] = []
        why.append(Explanation("trigger", f"{founder.rule}:{founder.lemma}", founder_span))

        date, date_rule = incident_date([s for _, s in contributors], ctx.reference_date)
        if date is not None:
            why.append(Explanation("date", date_rule, date.span))
        scene = scenes.read(inc.contributors, inc.founder)
        location, country = scene.location, scene.country
        if location is not None:
            why.append(Explanation("location", scene.location_rule, location.place.span))
        country_at = len(why)  # its explanation follows the location's, though decided after the actors
        weapons, weapons_why = incident_weapons(ctx, contributors, orphan_weapons, self.cues.target_heads,
                                                self.cues.vague_air_attack_nouns)
        why.extend(weapons_why)
        counts = [c for _, s in contributors for c in s.casualties]
        # counts of the sentences after it that name no incident ("Aucun blessé n'a été signalé.")
        known = {(c.role, c.span) for c in counts}
        counts.extend(c for c in orphan_tolls if (c.role, c.span) not in known)
        killed = casualties([c for c in counts if c.role is CasualtyRole.KILLED], self.cues)
        injured = casualties([c for c in counts if c.role is CasualtyRole.INJURED], self.cues)
        for slot, value in (("killed", killed), ("injured", injured)):
            if value is not None:
                for span in value.spans:
                    why.append(Explanation(slot, "casualty_count", span))
        founder_slots = slots[inc.founder]
        attacker = founder_slots.attacker or next((s.attacker for _, s in contributors if s.attacker), None)
        target = founder_slots.target or next((s.target for _, s in contributors if s.target), None)
        for slot, actor in (("attacker", attacker), ("target", target)):
            if actor is not None:
                why.append(Explanation(slot, f"clause:{actor.actor_type.value}", actor.span))
        # who they are: ACLED's name and inter code, from the incident's country and date
        # each member's span, built once for the actor naming and the event's mentions
        member_spans = {i: founder_span if i == inc.founder else ctx.span(mentions[i].start, mentions[i].end)
                        for i in inc.members}
        triggers = tuple(member_spans[i] for i in inc.members)
        attacker, attacker_why = namer.name(attacker, "attacker", country, date, triggers)
        target, target_why = namer.name(target, "target", country, date, triggers)
        why.extend(x for x in (attacker_why, target_why) if x is not None)
        country_rule, country_span = scene.country_rule, scene.country_span
        if country is None and target is not None and target.country and target.inter == 1:
            # nothing places it: the state whose forces were hit ("dix-sept soldats nigériens ont été tués")
            country, country_rule, country_span = target.country, "forces_hit", target.span
        if country is None:
            country, country_rule = scenes.focus_country(), "document_focus"
        if country:
            why.insert(country_at, Explanation("country", country_rule, country_span))
        why.append(Explanation("modality", founder_slots.modality_rule, founder_slots.modality_span))
        source = founder_slots.source or next((s.source for _, s in contributors if s.source), None)
        if source is not None:
            why.append(Explanation("source", "reporting_phrase", source.span))
        # the first trigger of the founder's clause names what was done ("une frappe … a détruit")
        founder_action = b.actions[first_index]
        if founder_action is Action.INTERCEPTION:
            # shoot-downs told first ("Deux drones ont été abattus … ils visaient …"): the attack they stopped names it
            founder_action = next((b.actions[j] for j in sorted(inc.contributors)
                                   if b.roles[j] == "event" and b.actions[j] in _ATTACK_ACTIONS),
                                  founder_action)
        actions = frozenset(b.actions[i] for i in inc.contributors) | {founder_action}
        flags = incident_flags(contributors, weapons)
        event_type, sub_type, rule_index = self.coder.code(CodingInput(
            founder_action=founder_action,
            actions=actions,
            weapons=frozenset(weapons),
            flags=flags,
            target_type=target_type(target.actor_type if target else ActorType.UNKNOWN, counts, self.cues),
        ))
        why.append(Explanation("type", f"acled_rule_{rule_index}:{sub_type.value}", founder_span))
        why.append(Explanation("mentions", f"{len(inc.members)}_merged", None))
        return Event(
            span=founder_span if first_index == inc.founder else ctx.span(first.start, first.end),
            event_type=event_type,
            sub_event_type=sub_type,
            action=founder_action if founder_action is not Action.OTHER else Action.ATTACK,
            date=date,
            location=location.place if location else None,
            country=country,
            weapons=tuple(weapons),
            killed=killed,
            injured=injured,
            attacker=attacker,
            target=target,
            modality=founder_slots.modality,
            source=source,
            mentions=tuple(member_spans[i] for i in inc.members if i not in b.light),
            explanations=tuple(why),
        )


def _inside_weapon(ctx: ExtractionContext, weapons: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` of the normalized text lies inside a weapon mention it does not start."""
    o_start, o_end = ctx.norm.to_original(start, end)
    k = bisect.bisect_left(weapons, (o_start, -1)) - 1  # the last weapon starting before the trigger
    return k >= 0 and o_end <= weapons[k][1]


def _word_before(text: str, start: int) -> str:
    """The word (with its apostrophe) that ends, before spaces, at *start* in the 30 characters before it:
    ``_WORD_BEFORE.search(text, max(0, start - 30), start)``'s group, or ``""``."""
    # read backwards (a search tries every position of the window): the spaces, the apostrophe, the letters
    chunk = text[max(0, start - 30) : start].rstrip()  # rstrip() strips what \s matches
    apostrophe = chunk.endswith("'")
    letters = _LETTERS.match(chunk[: len(chunk) - apostrophe][::-1])
    return letters.group()[::-1] + "'" * apostrophe if letters else ""



def _take_up_strike_kinds(mentions: Sequence[Mention], cues: Cues) -> None:
    """A bare strike noun ("Quatre autres frappes ont touché …") is of the kind the last plural strike noun with a
    modifier named ("deux frappes aériennes"), when it names no other side ("frappes israéliennes" after "frappes
    aériennes américaines"): it takes up that noun's weapons (one pass over the mentions). A singular one ("une
    frappe de drone") names one strike's weapon, not a kind."""
    kind: frozenset[WeaponCategory] = frozenset()
    sides: frozenset[str] = frozenset()
    for m in mentions:
        if m.rule != "nominal" or m.generic:
            continue
        if m.implied_weapons:
            if m.lemma in cues.kind_naming_strike_nouns and m.plural:
                kind, sides = m.implied_weapons, m.sides
        elif kind and m.lemma in cues.elliptic_strike_nouns and m.pos == "noun" and m.sides <= sides:
            m.taken_up_weapons = kind


def _propagate_generic_claims(text: str, mentions: Sequence[Mention], cues: Cues) -> None:
    """A claim that details a generic trigger of its sentence is generic too ("a annoncé une série d'opérations
    militaires …, affirmant avoir détruit plus d'une dizaine de drones"): it sums up what the series did."""
    generic_in: dict[int, str] = {}  # sentence → the reason of the last generic trigger seen in it
    for m in mentions:
        if m.generic:
            generic_in[m.sentence] = m.generic
        elif (m.rule == "verbal" and m.sentence in generic_in and text.startswith("avoir", m.start)
              and cues.claim_gerund.search(text, max(0, m.start - 20), m.start)):
            m.generic = generic_in[m.sentence]


def _propagate_generic_subjects(text: str, mentions: Sequence[Mention]) -> None:
    """A verb whose subject is a generic trigger noun is generic too ("plus de 200 frappes ont visé …")."""
    for before, verb in itertools.pairwise(mentions):
        if (verb.rule == "verbal" and not verb.generic and before.generic and before.rule == "nominal"
                and before.sentence == verb.sentence and before.clause == verb.clause
                and _SUBJECT_GAP.fullmatch(text[before.end : verb.start])):
            verb.generic = before.generic
