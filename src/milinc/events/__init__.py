"""Events: triggers (``grammars/events.lark``), typing, slots and merging into incidents.

The stages, each in its module:

1. :mod:`.triggers` finds trigger mentions with the grammar and reads them;
2. :mod:`.genericity` sets aside generic, aggregated, future and background ones;
3. :mod:`.places` finds named places (gazetteer and patterns);
4. :mod:`.slots` gives each mention what its clause and discourse say;
5. :mod:`.merge` groups mentions into incidents;
6. :mod:`.typing` derives the ACLED code; this module builds the :class:`~milinc.ontology.Event`.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import re
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from ..extensions import Extensions
from ..normalize import fold
from ..ontology import (
    Action,
    ActorType,
    Casualties,
    CasualtyRole,
    Event,
    Explanation,
    Qualifier,
    Span,
    TimeExpression,
    WeaponCategory,
)
from .dateline import find_datelines
from .genericity import generic_reason
from .lexicon import load_data
from .merge import LIGHT_VERBS, Incident, IncidentBuilder
from .places import SPECIFICITY, Gazetteer, PlaceMention, original_text
from .slots import FRAME, REPORTED, ActorLexicon, CasualtyCandidate, DocumentLayout, MentionSlots, SlotFiller
from .triggers import Mention, TriggerFinder
from .typing import CodingInput, EventCoder

if TYPE_CHECKING:
    from ..pipeline import ExtractionContext

__all__ = ["EventAssembler", "NonEventMention"]

_WORD_BEFORE = re.compile(r"([^\W\d_]+'?)\s*$")
_LETTERS = re.compile(r"[^\W\d_]+")
_SUBJECT_GAP = re.compile(r"[\s\w'-]{0,24}")
_WORDS = re.compile(r"\w+")
_BACKGROUND_AGE = datetime.timedelta(days=60)
"""Incidents dated this long before the reference date are background ("l'attaque du 7 octobre 2023")."""
_GRAIN = {grain: rank for rank, grain in enumerate(["year", "month", "week", "day", "part_of_day", "hour", "minute"])}
"""Granularity → rank, coarsest first."""


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
        places = load_data("places")
        self.gazetteer = Gazetteer(extensions.lexicon("places", list(places["places"])), places.get("country_adjectives"))
        """The places of ``data/places.json`` and of the plugins, with the place patterns."""
        self.actors = ActorLexicon(extensions.lexicon("actors", list(load_data("actors")["actors"])))
        """Actor words → actor type and side (``data/actors.json`` and the plugins')."""
        self.coder = EventCoder()
        """Derives the ACLED code of an incident (``data/acled_mapping.json``)."""
        self.title_lines = int(load_data("triggers").get("title_zone_lines", 3))
        """At most this many lines at the top of a text make its headline."""
        self._local = threading.local()

    def mentions(self, ctx: ExtractionContext, layout: DocumentLayout) -> list[Mention]:
        """Every trigger mention of the text, read, placed in its sentence and clause, genericity set."""
        found: list[Mention] = []
        text = ctx.text
        sentence_starts = [s for s, _ in layout.sentence_bounds]
        for start, end, raw in self.triggers.raw_triggers(text):
            sentence = max(0, bisect.bisect_right(sentence_starts, start) - 1)  # as ctx.sentence_at(start)
            previous_word = original_head = ""
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
            s_start, s_end = layout.sentence_bounds[sentence]
            mention.generic = generic_reason(mention, ctx.text, s_start, s_end)
            found.append(mention)
        return found

    def extract(self, ctx: ExtractionContext) -> list[Event]:
        """The incidents of the text, one per real-world occurrence."""
        self._local.non_events = []
        if not ctx.sentences:
            return []
        layout = DocumentLayout.of(ctx, self.title_lines)
        mentions = self.mentions(ctx, layout)
        if not mentions:
            return []
        _propagate_generic_subjects(ctx.text, mentions)
        datelines = find_datelines(ctx)
        # a dateline's place is where the dispatch was filed: never the scene ("KIEV (Reuters) - …")
        places = [attrs.evolve(p, scene=False) if any(s <= p.start < e for s, e in datelines) else p
                  for p in self.gazetteer.find(ctx)]
        filler = SlotFiller(self.actors)  # one per text: it keeps per-text state, parsers are shared by threads
        slots = filler.fill(ctx, layout, mentions, places, datelines)
        if ctx.reference_date is not None:
            oldest = (ctx.reference_date - _BACKGROUND_AGE).isoformat()
            for m, s in zip(mentions, slots):
                days = [d.day for d in s.event_dates() if d.day]
                if days and not m.generic and all(day < oldest for day in days):
                    m.generic = "background"
            # "En 2019, une attaque …": a past year or month that opens the sentence dates it all
            by_sentence = filler.mentions_by_sentence
            for d in ctx.dates:
                if d.granularity.value not in ("year", "month") or _period_end(d.value) >= oldest:
                    continue
                for j in by_sentence.get(ctx.sentence_at(d.span.start), ()):
                    m = mentions[j]
                    if not m.generic and m.start > d.span.start and not any(
                            x.day and x.day >= oldest for x in slots[j].event_dates()):
                        m.generic = "background"
        builder = IncidentBuilder(ctx.text, layout, mentions, slots, filler.mentions_by_sentence)
        incidents = builder.build()
        self._local.non_events = [NonEventMention(ctx.span(m.start, m.end), m.generic) for m in mentions if m.generic]
        return [self._event(ctx, builder, filler, inc) for inc in incidents]

    @property
    def last_non_events(self) -> list[NonEventMention]:
        """The generic mentions of the last text this thread parsed, with their reasons (for inspection)."""
        return list(getattr(self._local, "non_events", []))

    # --- one incident → one Event --------------------------------------------------------

    def _event(self, ctx: ExtractionContext, b: IncidentBuilder, filler: SlotFiller, inc: Incident) -> Event:
        mentions, slots = b.mentions, b.slots
        contributors = [(mentions[i], slots[i]) for i in inc.contributors]
        founder = mentions[inc.founder]
        # the first trigger of the founder's clause names the incident first ("Un attentat-suicide a frappé …")
        first_index = min((j for j in inc.members if mentions[j].sentence == founder.sentence
                           and mentions[j].clause == founder.clause and b.roles[j] == "event"
                           and mentions[j].lemma not in LIGHT_VERBS
                           and mentions[j].start < founder.start), key=lambda j: mentions[j].start, default=inc.founder)
        first = mentions[first_index]
        founder_span = ctx.span(founder.start, founder.end)  # built once for the several places that give it
        why: list[Explanation] = []
        why.append(Explanation("trigger", f"{founder.rule}:{founder.lemma}", founder_span))

        date, date_rule = _incident_date([s for _, s in contributors])
        if date is not None:
            why.append(Explanation("date", date_rule, date.span))
        location = _incident_location(contributors)
        if location is not None:
            why.append(Explanation("location", location.rule, location.place.span))
        country, country_rule, country_span = _incident_country(location, contributors)
        if country:
            why.append(Explanation("country", country_rule, country_span))
        weapons: list[WeaponCategory] = []
        for m, s in contributors:
            for w in sorted(m.implied_weapons, key=lambda x: x.value):
                if w not in weapons:
                    weapons.append(w)
                    why.append(Explanation("weapons", f"implied_by_trigger:{w.value}", ctx.span(m.start, m.end)))
            for w, span, rule in s.weapons:
                if w not in weapons:
                    weapons.append(w)
                    why.append(Explanation("weapons", f"{rule}:{w.value}", span))
        counts = [c for _, s in contributors for c in s.casualties]
        # counts said in the next sentence, when it names no incident ("Aucun blessé n'a été signalé.")
        last = max(m.sentence for m, _ in contributors)
        if last + 1 < len(ctx.sentences) and ctx.sentences[last + 1].paragraph == ctx.sentences[last].paragraph:
            known = {(c.role, c.span) for c in counts}
            counts.extend(c for c in filler.orphans.get(last + 1, []) if (c.role, c.span) not in known)
        killed = _casualties([c for c in counts if c.role is CasualtyRole.KILLED])
        injured = _casualties([c for c in counts if c.role is CasualtyRole.INJURED])
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
        why.append(Explanation("modality", founder_slots.modality_rule, founder_slots.modality_span))
        source = founder_slots.source or next((s.source for _, s in contributors if s.source), None)
        if source is not None:
            why.append(Explanation("source", "reporting_phrase", source.span))
        # the first trigger of the founder's clause names what was done ("une frappe … a détruit")
        founder_action = b.actions[first_index]
        actions = frozenset(b.actions[i] for i in inc.contributors) | {founder_action}
        # "drones kamikazes", "drones suicides" are loitering munitions, not suicide attacks
        suicide = any(m.suicide for m, _ in contributors) and WeaponCategory.DRONE not in weapons
        flags = frozenset(
            ({"suicide"} if suicide else set())
            | ({"grenade"} if any(m.grenade for m, _ in contributors) else set())
        )
        event_type, sub_type, rule_index = self.coder.code(CodingInput(
            founder_action=founder_action,
            actions=actions,
            weapons=frozenset(weapons),
            flags=flags,
            target_type=_target_type(target.actor_type if target else ActorType.UNKNOWN, counts),
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
            mentions=tuple(founder_span if i == inc.founder else ctx.span(mentions[i].start, mentions[i].end)
                           for i in inc.members if i not in b.light),
            explanations=tuple(why),
        )


def _word_before(text: str, start: int) -> str:
    """The word (with its apostrophe) that ends, before spaces, at *start* in the 30 characters before it:
    ``_WORD_BEFORE.search(text, max(0, start - 30), start)``'s group, or ``""``."""
    # read backwards (a search tries every position of the window): the spaces, the apostrophe, the letters
    chunk = text[max(0, start - 30) : start].rstrip()  # rstrip() strips what \s matches
    apostrophe = chunk.endswith("'")
    letters = _LETTERS.match(chunk[: len(chunk) - apostrophe][::-1])
    return letters.group()[::-1] + "'" * apostrophe if letters else ""


def _period_end(value: str) -> str:
    """The last day of a year or month value ("2019" → "2019-12-31"), as an ISO string."""
    if len(value) == 4:
        return f"{value}-12-31"
    return f"{value}-31" if len(value) == 7 else value


def _propagate_generic_subjects(text: str, mentions: Sequence[Mention]) -> None:
    """A verb whose subject is a generic trigger noun is generic too ("plus de 200 frappes ont visé …")."""
    for before, verb in itertools.pairwise(mentions):
        if (verb.rule == "verbal" and not verb.generic and before.generic and before.rule == "nominal"
                and before.sentence == verb.sentence and before.clause == verb.clause
                and _SUBJECT_GAP.fullmatch(text[before.end : verb.start])):
            verb.generic = before.generic


_CIVILIAN_UNITS = frozenset({"civil", "civils", "habitant", "villageois", "enfant", "femme", "fidele", "passant", "eleve",
                             "refugie", "deplace", "orpailleur", "berger", "commercant", "patient", "journaliste",
                             "otage", "humanitaire", "passager", "pecheur", "agriculteur"})


def _target_type(stated: ActorType, counts: Sequence[CasualtyCandidate]) -> ActorType:
    """The target's type, or civilians when the killed are counted as civilians ("tuant quinze civils")."""
    if stated is not ActorType.UNKNOWN:
        return stated
    for c in counts:
        if c.role is CasualtyRole.KILLED and c.span is not None:
            words = {w[:-1] if w.endswith(("s", "x")) else w for w in _WORDS.findall(fold(c.span.text))}
            if words & _CIVILIAN_UNITS:
                return ActorType.CIVILIANS
    return stated


def _incident_date(slots: Sequence[MentionSlots]) -> tuple[TimeExpression | None, str]:
    """The most precise date said of the incident: its first own date, refined on the same day."""
    # a date of a trigger's clause wins over one that opens its sentence ("Mardi, l'armée a dit qu'une
    # frappe a visé lundi"); either refines the other on the same day ("Lundi soir, …, vers 22 heures")
    for ranks, refiners, rule in (((0,), (0, FRAME), None), ((FRAME,), (FRAME,), None),
                                  ((REPORTED,), (REPORTED,), "reporting_verb_day"), ((3,), (3,), "previous_sentence")):
        best = next((d for s in slots for d in s.dates if d.rank in ranks), None)
        if best is None:
            continue
        day = best.day  # a refinement is of the same day: the day of the best date stays
        if day:
            for d in (d for s in slots for d in s.dates if d.rank in refiners):
                if d.day == day and _GRAIN[d.time.granularity.value] > _GRAIN[best.time.granularity.value]:
                    best = d
        return best.time, rule or best.rule
    return None, ""


def _incident_location(contributors: Sequence[tuple[Mention, MentionSlots]]) -> PlaceMention | None:
    scene = [p for _, s in contributors for p in s.places if p.scene and p.place.kind.value != "country"]
    if not scene:
        return None
    return min(enumerate(scene), key=lambda x: (SPECIFICITY[x[1].place.kind], x[0]))[1]


def _incident_country(
    location: PlaceMention | None, contributors: Sequence[tuple[Mention, MentionSlots]]
) -> tuple[str | None, str, Span | None]:
    if location is not None and location.place.country:
        return location.place.country, "location", location.place.span
    for _, s in contributors:
        for p in s.places:
            if p.scene and p.place.country:
                return p.place.country, "clause_place", p.place.span
    for _, s in contributors:
        for iso, span, rule in s.countries:
            return iso, rule, span
    return None, "", None


_ATTACKER_UNITS = frozenset({"assaillant", "terroriste", "jihadiste", "djihadiste", "insurge", "rebelle", "militant",
                             "bandit", "ennemi", "kamikaze", "islamiste", "agresseur", "attaquant", "milicien"})
"""Counted nouns that name the attackers: their dead are another part of the toll than the victims'."""
_TOLL_WORDS = frozenset({"mort", "morts", "victime", "victimes", "personne", "personnes", "tues", "pertes", "deces",
                         "bilan", "individus", "gens"})


def _is_attacker_count(c: CasualtyCandidate) -> bool:
    if c.span is None:
        return False
    words = {w[:-1] if w.endswith(("s", "x")) else w for w in _WORDS.findall(fold(c.span.text))}
    return bool(words & _ATTACKER_UNITS)


def _casualties(found: Sequence[CasualtyCandidate]) -> Casualties | None:
    """Every side together: the victims' toll and the attackers' toll (each the most complete figure said of it)
    add up ("Douze soldats ont été tués … Une vingtaine d'assaillants ont été neutralisés" → about 32)."""
    if not found:
        return None
    is_attacker = [_is_attacker_count(c) for c in found]
    attackers = [c for c, a in zip(found, is_attacker) if a]
    victims = [c for c, a in zip(found, is_attacker) if not a]
    # parts named in one sentence are already summed there; only counts said in other sentences are added
    if attackers and victims and not ({c.sentence for c in attackers} & {c.sentence for c in victims}):
        a, v = _one_side(attackers), _one_side(victims)
        # "32 morts", "32 personnes": a toll that may count the attackers already is not added to
        overall = any(set(_WORDS.findall(fold(span.text))) & _TOLL_WORDS for span in v.spans)
        if a.value and v.value and not overall:
            spans = tuple(v.spans) + tuple(a.spans)
            return Casualties(qualifier=_sum_qualifier([v.qualifier, a.qualifier]), value=v.value + a.value, spans=spans)
        if not overall:
            return v if v.value is not None or a.value is None else a
    return _one_side(found)


def _one_side(found: Sequence[CasualtyCandidate]) -> Casualties:
    """Parts of one sentence add up; across sentences the most complete wins."""
    by_sentence: dict[int, list[CasualtyCandidate]] = {}
    for c in found:
        if c.span is None or all(c.span != o.span for o in by_sentence.get(c.sentence, [])):
            by_sentence.setdefault(c.sentence, []).append(c)
    # the candidate totals as (value, how to build it): only the one chosen is built
    totals: list[tuple[int | None, Callable[[], Casualties]]] = []
    for group in by_sentence.values():
        numeric = [c for c in group if c.value is not None]
        if len(numeric) > 1 and all(c.value for c in numeric):
            totals.append((sum(c.value or 0 for c in numeric), functools.partial(_sum_of, numeric)))
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


def _sum_of(numeric: Sequence[CasualtyCandidate]) -> Casualties:
    """The parts of one sentence added up ("deux soldats et trois civils")."""
    return Casualties(qualifier=_sum_qualifier([c.qualifier for c in numeric]), value=sum(c.value or 0 for c in numeric),
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
