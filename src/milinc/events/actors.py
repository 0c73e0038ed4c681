"""Who attacked and who was targeted: the actor phrases of a mention's clause, and their sides.

The attacker is the agent ("par des jihadistes"), the subject of an active verb
or of a light verb ("des jihadistes ont mené une attaque"); the target is what
follows "contre"/"visant", the subject of a passive verb, or the object of an
active one. A phrase is an actor when the actor lexicon (``data/actors.json``
and the plugins') knows a word of it, or when it holds a proper name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .. import regexes
from ..actors import ActorResolver, ResolvedActor, Role
from ..engine import words_regex
from ..normalize import NormalizedText, phrase_key
from ..ontology import Actor, ActorType, Explanation, Span, TimeExpression
from .candidates import MentionSlots
from .cues import Cues
from .layout import DocumentLayout
from .places import original_text
from .triggers import Mention

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["ActorLexicon", "ActorNamer", "ActorReader"]

_AGENT = regexes.lazy(r"^\s*(?:,\s*)?(?:[\w'-]+\s+){0,2}?(?:par|de la part d[eu'])\s*(?:des |les |le |la |l'|un |une |du |de |ses |leurs )?"
                    r"(?P<np>[\w'\"-]+(?: [\w'\"-]+){0,5})")
_OBJECT_AFTER = regexes.lazy(r"^\s*(?:\w+\s+)?(?:des |les |le |la |l'|un |une |du |de |leurs |nos |ses |trois |deux |\d+ )"
                           r"(?P<np>[\w'\"-]+(?: [\w'\"-]+){0,5})")
_NP_STOP = regexes.lazy(r"\b(?:qui|que|dont|a|au|aux|en|dans|pres|selon|lors|apres|avant|pendant|depuis|et|,)\b")
_CAPITAL = regexes.lazy(r"\b[A-ZÉ]")
_WORD = regexes.lazy(r"[\w'-]+")
_NP_CUT = regexes.lazy(r"[,.;:()\"]")
_SUBJECT_CUT = regexes.lazy(r"[,;:()\"]|\b(?:que|qu'|et|mais)\b")
_SUBJECT_TAIL = regexes.lazy(r"\b(?:qui|ne|n'|se|s'|y)\s*$")
_COMPLEMENT = regexes.lazy(r"\s*(?:de|du|des|d'|d’)(?![^\W_])", re.IGNORECASE)


class ActorLexicon:
    """Actor phrases → coarse actor type and side (``data/actors.json``)."""

    def __init__(self, entries: Iterable[Mapping[str, Any]]) -> None:
        self._by_phrase: dict[str, tuple[ActorType, str | None]] = {}
        for entry in entries:
            # data file entries list "phrases"; plugin entries have a "name" and "aliases"
            aliases = entry.get("aliases", [])
            phrases = entry.get("phrases") or [entry["name"], *([aliases] if isinstance(aliases, str) else aliases)]
            for phrase in phrases:
                self._by_phrase.setdefault(phrase_key(phrase), (ActorType(entry["type"]), entry.get("side")))
        self._regex = words_regex(self._by_phrase)

    def classify(self, phrase: str) -> tuple[ActorType, set[str]]:
        """The type of the first actor word of a normalized phrase and every side it names."""
        kind = ActorType.UNKNOWN
        sides: set[str] = set()
        for m in self._regex.finditer(phrase):
            found_kind, side = self._by_phrase[phrase_key(m.group())]
            if kind is ActorType.UNKNOWN:
                kind = found_kind
            if side:
                sides.add(side)
        return kind, sides


class ActorReader:
    """Finds the attacker and the target of a mention in its clause."""

    def __init__(self, actors: ActorLexicon, cues: Cues) -> None:
        self.actors = actors
        """Actor words → actor type and side."""
        self.cues = cues
        """The cue words (target prepositions, light verbs, reporting verbs, time words)."""

    def _actor(self, ctx: ExtractionContext, bounds: tuple[int, int] | None) -> tuple[Actor, set[str]] | None:
        """The actor a noun phrase names, when it names one (an actor word or a proper name)."""
        if bounds is None:
            return None
        start, end = _trim_np(ctx.text, bounds, self.cues.time_word)
        if end <= start:
            return None
        kind, sides = self.actors.classify(ctx.text[start:end])
        if kind is ActorType.UNKNOWN and not sides and not _CAPITAL.search(original_text(ctx, start, end)[1:]):
            return None  # "une frappe de drone", "le missile": not an actor
        return Actor(ctx.span(start, end), kind), sides

    def read(self, ctx: ExtractionContext, layout: DocumentLayout, m: Mention, own: MentionSlots) -> None:
        """Gives *own* the attacker and the target of mention *m*, with their sides."""
        text = ctx.text
        s_start, s_end = layout.sentence_bounds[m.sentence]
        c_start, c_end = layout.clauses[m.sentence][m.clause] if layout.clauses[m.sentence] else (s_start, s_end)
        after = text[m.end : min(c_end, m.end + 90)]
        before = text[max(c_start, m.start - 90) : m.start]
        attacker_np: tuple[int, int] | None = None
        target_np: tuple[int, int] | None = None
        agent = _AGENT.match(after)
        if (agent and m.rule != "nominal") or (agent and m.pos == "noun"):
            attacker_np = _np_bounds(m.end + agent.start("np"), after[agent.start("np") :])
        tgt = self.cues.target_after.match(after)
        if tgt:
            target_np = _np_bounds(m.end + tgt.start("np"), after[tgt.start("np") :])
        if m.rule == "verbal" or m.pos == "present":
            subject = _subject_bounds(before, m.start, self.cues.subject_reporting)
            if m.passive or m.subject_is_target:
                target_np = target_np or subject
            else:
                attacker_np = attacker_np or subject
                if target_np is None:
                    obj = _OBJECT_AFTER.match(after)
                    if obj:
                        target_np = _np_bounds(m.end + obj.start("np"), after[obj.start("np") :])
        elif m.rule in ("target_passive", "undergone"):
            target_np = _subject_bounds(before, m.start, self.cues.subject_reporting)
        elif (m.pos == "noun" and any(v in before for v in self.cues.light_verb_stems)
              and (light := self.cues.light_verb_before.search(before))):
            # "des jihadistes ont mené une attaque": the light verb's subject is the attacker
            verb_start = m.start - len(before) + light.start()
            attacker_np = attacker_np or _subject_bounds(text[max(c_start, verb_start - 90) : verb_start], verb_start,
                                                       self.cues.subject_reporting)
            if target_np is None and (obj := _OBJECT_AFTER.match(after)) and not agent:
                target_np = _np_bounds(m.end + obj.start("np"), after[obj.start("np") :])
        # sides are shared immutable sets (most are empty): grown by reassignment, never in place
        if m.rule == "nominal" and m.sides:
            own.attacker_sides |= m.sides
        attacker = self._actor(ctx, attacker_np)
        if attacker is not None:
            own.attacker, sides = attacker
            if sides:
                own.attacker_sides |= sides
        target = self._actor(ctx, target_np)
        if target is not None:
            own.target, sides = target
            if sides := sides - own.attacker_sides:
                own.target_sides |= sides


def _trim_np(text: str, bounds: tuple[int, int], time_word: re.Pattern[str]) -> tuple[int, int]:
    """A noun phrase without the time words that follow it ("combattants dimanche")."""
    start, end = bounds
    words = list(_WORD.finditer(text[start:end]))
    while words and time_word.fullmatch(words[-1].group()):
        words.pop()
    return (start, start + words[-1].end()) if words else (start, start)



def _np_bounds(start: int, tail: str) -> tuple[int, int] | None:
    stop = _NP_STOP.search(tail)
    np = tail[: stop.start()] if stop else tail
    np = _NP_CUT.split(np)[0].rstrip()
    return (start, start + len(np)) if np else None


def _subject_bounds(before: str, end: int, reporting: re.Pattern[str]) -> tuple[int, int] | None:
    """The noun phrase just before a verbal trigger (its subject), skipping relative pronouns."""
    pieces = _SUBJECT_CUT.split(before)
    chunk = pieces[-1]
    # 'Les combattants du Hezbollah « ont lancé …': a quote opening right before the verb leaves the subject before it
    if not chunk.strip() and len(pieces) > 1 and before.rstrip().endswith('"'):
        chunk = pieces[-2]
    # "la défense antiaérienne a affirmé avoir abattu": the subject ends before the reporting verb
    chunk = reporting.split(chunk)[0]
    chunk = _SUBJECT_TAIL.sub("", chunk.rstrip()).rstrip()
    words = chunk.split()
    if not words or len(words) > 9:
        words = words[-6:]
    np = " ".join(words)
    if not np or np in ("qui", "il", "ils", "elle", "elles", "on"):
        return None
    start = end - len(before) + before.rfind(np) if np in before else None
    return (start, start + len(np)) if start is not None else None


class ActorNamer:
    """Names the attacker and the target of a text's incidents (:mod:`milinc.actors`).

    The phrase the clause gives is resolved with the incident's country and date: its ACLED
    name, inter code and country, and a span narrowed to the words that name the actor
    ("L'armée affirme" → "L'armée"). A phrase that names no actor is dropped when it is a
    weapon or a trigger ("le missile", "une frappe"), and kept unnamed when it holds a proper
    name the actor data lacks.

    Args:
        resolver: the actor names (built-in and plugins').
        ctx: the text's parse context (its weapons are read; the document's own forces are
            found the first time a bare "l'armée" needs them).
    """

    _FROM_CONTEXT = frozenset({"state:incident_country", "state:unknown"})

    def __init__(self, resolver: ActorResolver, ctx: ExtractionContext) -> None:
        self.resolver = resolver
        """The actor names."""
        self.ctx = ctx
        """The text's parse context."""
        self._states: list[str] | None = None

    def states(self) -> list[str]:
        """The countries whose forces the text names explicitly ("l'armée malienne"), most named first."""
        if self._states is None:
            self._states = self.resolver.document_states(self.ctx.norm)
        return self._states

    def name(self, actor: Actor | None, role: Role, country: str | None, date: TimeExpression | None,
             triggers: tuple[Span, ...] = ()) -> tuple[Actor | None, Explanation | None]:
        """The actor with its name, and why; ``(None, None)`` when the phrase is no actor."""
        if actor is None:
            return None, None
        phrase = NormalizedText(actor.span.text)
        day = date.value if date is not None else self.ctx.reference_date
        found = self.resolver.resolve(phrase, role=role, country=country, date=day)
        if found is not None and found.rule in self._FROM_CONTEXT and self.states():
            found = self.resolver.resolve(phrase, role=role, country=country, date=day, states=self.states())
        if found is None:
            if actor.actor_type is ActorType.UNKNOWN and not self._weapon_or_trigger(actor.span, triggers):
                return actor, None
            return None, None
        span = self._named_words(actor.span, phrase, found)
        named = attrs.evolve(actor, span=span, name=found.name, inter=found.inter, country=found.country,
                             actor_type=found.actor_type if actor.actor_type is ActorType.UNKNOWN else actor.actor_type)
        return named, Explanation(role, f"actor:{found.rule}", span)

    def _named_words(self, span: Span, phrase: NormalizedText, found: ResolvedActor) -> Span:
        """The actor's span, from the phrase's start to the last word that named the actor."""
        _, end = phrase.to_original(found.start, found.end)
        end = span.start + end
        if end >= span.end or _COMPLEMENT.match(self.ctx.original, end, span.end):
            return span  # "la ville de Kharkiv": a complement stays; "L'armée affirme" ends at "L'armée"
        return Span(span.start, end, self.ctx.original[span.start : end])

    def _weapon_or_trigger(self, span: Span, triggers: tuple[Span, ...]) -> bool:
        inside = [*(w.span for w in self.ctx.weapons), *triggers]
        return any((s.start <= span.start and span.end <= s.end) or (span.start <= s.start and s.end <= span.end)
                   for s in inside)
