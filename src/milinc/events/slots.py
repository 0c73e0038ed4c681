"""What each trigger mention's clause says: dates, places, weapons and casualty counts.

Every date, place, weapon and count of a sentence goes to the *nearest*
predicate of its clause — a trigger (even a generic one, which then keeps it to
itself) or a reporting verb ("a déclaré mardi"). A trigger keeps what it
received; what a sentence says before its first predicate ("Lundi soir, …",
"Le 15 août, …") frames every trigger of the sentence; a date said of a
reporting verb is only an upper bound (the incident happened by then). What the
sentences before say is carried by :mod:`.discourse`; the actors and the
modality are read by :mod:`.actors` and :mod:`.modality`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..ontology import CasualtyRole, Granularity, Qualifier, Span, TimeExpression, WeaponCategory
from .actors import ActorLexicon, ActorReader
from .candidates import (
    FRAME,
    OWN,
    REPORTED,
    CasualtyCandidate,
    DatedCandidate,
    MentionSlots,
    appended,
    as_day,
    by_sentence_of,
    extended,
    mentions_by_sentence,
)
from .cues import Cues
from .dating import shifted_day
from .discourse import DiscourseCarrier
from .layout import CONTEXT, DocumentLayout, around
from .modality import ModalityReader
from .places import PlaceMention
from .tolls import casualty_role, count_rule, left_out
from .triggers import Mention
from .written import words_in

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["SlotFiller"]

_THAT = re.compile(r"\b(?:que|qu')")
_PARENS = re.compile(r"\([^()]*\)")
_COORDINATED_NEXT = re.compile(r"\s*,?\s*(?:et|ou|ainsi que|puis)\s+(?:une?|des|deux|trois|quatre|cinq)\s+(?:[\w'-]+\s+)?")
"""What stands between a place or weapon and the next trigger noun when a coordination opens it ("… et une")."""
_COORDINATION_COST = 40
"""How much farther a trigger opened by a coordination counts for what stands before the coordination."""
_COORDINATED = re.compile(r"\b(?:et|ou)\b")
_PUNCTUATION = re.compile(r"[,;:.!?()]")
_NIGHT_REACH = 30
"""How far after a trigger a word of the night is said of it ("une offensive menée en pleine nuit")."""
_STATEMENT_GAP = 40
"""At most this many characters between a reporting verb and the day of its statement (", a annoncé l'armée lundi")."""
_LINK_REACH = 25
"""How far after "au lendemain de" the trigger of the incident it names may start ("au lendemain des violentes frappes")."""
_SEIZURE_REACH = 60
"""How far before a weapon a word of seizure is said of it ("ont saisi lors de la fouille des fusils")."""
_PLATFORMS = (WeaponCategory.ARMORED_VEHICLE, WeaponCategory.WARSHIP)
"""Weapon categories that are often what was hit rather than what hit."""
_NOUN_ATTACHED = re.compile(r"(?:\bde|\bdu|\bd')\s*(?:le\s+|la\s+)?$")


@attrs.frozen
class _Sink:
    start: int
    end: int
    mention: int | None
    """Index of the mention, ``None`` for a reporting verb or a background noun."""
    clause: int
    background: bool = False
    """A noun of the story's background ("la guerre entre Israël et le Hamas à Gaza") that keeps what is near it."""


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])



class SlotFiller:
    """Gives each mention its slot candidates, from its clause and its discourse."""

    def __init__(self, actors: ActorLexicon, cues: Cues) -> None:
        self.actors = actors
        """Actor words → actor type and side."""
        self.cues = cues
        """The cue words (reporting verbs, background nouns, casualty words…)."""
        self.orphans: dict[int, list[CasualtyCandidate]] = {}
        """Casualty counts of sentences without a trigger, by sentence (set by :meth:`fill`)."""
        self.orphan_weapons: dict[int, list[tuple[WeaponCategory, Span | None, str]]] = {}
        """Weapons of sentences without a trigger, by sentence (set by :meth:`fill`)."""
        self._counts_in: dict[int, list[Any]] = {}
        self._by_sentence: dict[int, list[int]] = {}
        """The mentions of each sentence (indices), as :func:`mentions_by_sentence` (set by :meth:`fill`)."""

    @property
    def mentions_by_sentence(self) -> dict[int, list[int]]:
        """The mentions of each sentence of the text :meth:`fill` last read (indices into its mentions)."""
        return self._by_sentence


    def fill(
        self,
        ctx: ExtractionContext,
        layout: DocumentLayout,
        mentions: Sequence[Mention],
        places: Sequence[PlaceMention],
        datelines: Sequence[tuple[int, int]] = (),
    ) -> list[MentionSlots]:
        """One :class:`MentionSlots` per mention, in the same order (dates inside *datelines* are left out)."""
        text = ctx.text
        self.orphans = {}
        self.orphan_weapons = {}
        slots = [MentionSlots() for _ in mentions]
        by_sentence = mentions_by_sentence(mentions)
        # a dateline's date says when the dispatch was filed, not when the incident happened
        own_dates = [d for d in ctx.dates if not any(s <= d.span.start < e for s, e in datelines)]
        dates_in = by_sentence_of(ctx, own_dates, lambda d: d.span.start)
        places_in = by_sentence_of(ctx, places, lambda p: p.start)
        weapons_in = by_sentence_of(ctx, ctx.weapons, lambda w: w.span.start)
        counts_in = by_sentence_of(ctx, ctx.quantities, lambda q: q.span.start)
        self._counts_in = counts_in
        self._by_sentence = by_sentence
        reported_days: dict[int, list[DatedCandidate]] = {}
        statement_dates: set[int] = set()  # the starts of the dates that are a statement's day
        frame_dates: dict[int, list[TimeExpression]] = {}
        # the words some rules need that the text writes at all, found once for every sentence
        vague_words = words_in(text, self.cues.vague_casualty_words)
        night_words = words_in(text, self.cues.night_words)
        for si, (s_start, s_end) in enumerate(layout.sentence_bounds):
            idxs = by_sentence.get(si, [])
            if not idxs:
                # no trigger: nothing here gets a slot, but its counts and weapons may go to the incident before
                self._orphan_casualties(ctx, si, s_start, s_end)
                self._orphan_weapons(ctx, layout, si, s_start, s_end, weapons_in.get(si, ()))
                continue
            sinks = [_Sink(mentions[i].start, mentions[i].end, i, mentions[i].clause) for i in idxs]
            for rm in self.cues.reporting.finditer(text, s_start, s_end):
                if not any(_distance((rm.start(), rm.end()), (k.start, k.end)) == 0 for k in sinks):
                    sinks.append(_Sink(rm.start(), rm.end(), None, layout.clause_of(si, rm.start())))
            for bm in self.cues.background_nouns.finditer(text, s_start, s_end):
                if text.endswith("de ", 0, bm.start()):
                    continue  # "un navire de guerre en mer Noire": the noun of another noun, no background
                if not any(_distance((bm.start(), bm.end()), (k.start, k.end)) == 0 for k in sinks):
                    sinks.append(_Sink(bm.start(), bm.end(), None, layout.clause_of(si, bm.start()), background=True))
            # a sentence that only counts ("Aucun blessé n'a été signalé."): its counts may belong to the
            # incident of the sentence before; not when a casualty verb of its own takes them
            if not any(mentions[i].role in ("event", "impact", "casualty") for i in idxs):
                self._orphan_casualties(ctx, si, s_start, s_end)
            if not sinks:
                continue
            # the first trigger that states an incident: what comes before it frames the sentence
            # ("En riposte, dans la nuit de dimanche à lundi, le Hezbollah a annoncé …": "en riposte" is an adverbial)
            adverbial = {i for i in idxs if mentions[i].after_en and mentions[i].rule == "nominal"}
            first_strong = min((mentions[i].start for i in idxs
                                if mentions[i].role in ("event", "impact") and not mentions[i].generic
                                and i not in adverbial), default=s_end)

            sinks.sort(key=lambda k: k.start)
            idx_starts = [mentions[i].start for i in idxs]
            sink_starts = [k.start for k in sinks]
            sink_reach = max(k.end - k.start for k in sinks)  # the longest sink: bounds backward scans

            def nearest(start: int, end: int, *, sentence: int = si, sinks: list[_Sink] = sinks,
                        sink_starts: list[int] = sink_starts, reporting: bool = False) -> _Sink:
                # the predicates around the item (a window keeps long sentences linear)
                lo = bisect.bisect_left(sink_starts, start - CONTEXT)
                hi = bisect.bisect_right(sink_starts, end + CONTEXT)
                around = sinks[lo:hi] or sinks[max(0, lo - 1) : lo + 1]
                # only dates can belong to a reporting verb; places, weapons and counts go to triggers
                # (or stay with a background noun)
                pool = around if reporting else [k for k in around if k.mention is not None or k.background] or around
                clause = layout.clause_of(sentence, start)
                same = [k for k in pool if k.clause == clause] or pool

                def cost(k: _Sink) -> tuple[int, bool]:
                    gap = _distance((start, end), (k.start, k.end))
                    # "a déclaré que lundi …": what follows "que" is said of the reported clause
                    if k.mention is None and k.end <= start and _THAT.search(text, k.end, start):
                        gap += 10_000
                    # "… dans la nuit de dimanche à lundi, a annoncé l'armée": an inverted reporting verb after a
                    # comma says nothing of what is before it
                    if k.mention is None and not k.background and k.start >= end and "," in text[end : k.start]:
                        gap += 10_000
                    if k.background and start < k.start:  # "la guerre … à Gaza" keeps what follows it only
                        gap += 10_000
                    # "une attaque de drone sur X et une attaque de missile sur Y": X completes the noun before it,
                    # not the one the coordination opens
                    if k.start >= end and _COORDINATED_NEXT.fullmatch(text, end, k.start):
                        gap += _COORDINATION_COST
                    return gap, k.start < start

                return min(same, key=cost)

            # dates
            day_linked: dict[int, int] = {}  # mention → start of the "au lendemain de" that dates it
            for d in dates_in.get(si, ()):
                background = _background_date(text, d, self.cues)
                # "a annoncé mardi avoir abattu", "Tôt samedi, l'armée a déclaré avoir frappé": the day of a
                # statement never dates the incident (§5); it still bounds it and keeps it apart from others
                statement = not background and _statement_date(text, d, sinks, sink_starts, sink_reach, adverbial)
                if statement:
                    statement_dates.add(d.span.start)
                linked = self._day_link(text, d, idxs, mentions, slots)
                if linked is not None:
                    day_linked[linked] = d.span.start
                k = nearest(d.span.start, d.span.end, reporting=True)
                if d.span.end <= sink_starts[0] and first_strong < s_end and not background:
                    frame_dates.setdefault(si, []).append(d)  # "Lundi soir, des sources ont fait état d'une attaque"
                    continue
                if k.mention is None:
                    if not background and not k.background:
                        reported_days.setdefault(si, []).append(
                            DatedCandidate(as_day(d), REPORTED, "reporting_verb", statement=True))
                    continue
                if mentions[k.mention].generic:
                    continue
                km = mentions[k.mention]
                if (km.rule == "nominal" and d.span.start >= km.end
                        and self.cues.scene_noun_before.search(text, max(s_start, km.start - 24), km.start)):
                    continue  # "s'est rendu sur les lieux de l'attaque hier": the day of the visit
                # "l'incident de mardi" dates its noun; "Lundi soir, …" or "… distincts mardi, …" frame the sentence
                noun_attached = bool(_NOUN_ATTACHED.search(text[max(0, d.span.start - 6) : d.span.start]))
                if background:
                    continue  # "depuis novembre", "en 2014": not the incident's day
                if d.span.end <= first_strong < s_end and not noun_attached:
                    frame_dates.setdefault(si, []).append(d)
                else:
                    slots[k.mention].dates = appended(
                        slots[k.mention].dates, DatedCandidate(d, OWN, "clause", statement=statement))
            # places
            for p in places_in.get(si, ()):
                k = nearest(p.start, p.end)
                if k.start >= p.end and _COORDINATED.search(text, p.end, k.start):
                    # "une attaque de drone sur la base d'al-Tanf et une attaque de missile sur …": the place
                    # ends the phrase of the trigger before it, not the one coordinated after it
                    before = [x for x in sinks if x.mention is not None and x.end <= p.start
                              and p.start - x.end <= 60 and not _PUNCTUATION.search(text, x.end, p.start)]
                    if before:
                        k = before[-1]
                if k.mention is not None:
                    slots[k.mention].places = appended(slots[k.mention].places, p)
            # weapons (not inside parentheses, not the explosives a drone is loaded with)
            parens = [(m.start(), m.end()) for m in _PARENS.finditer(text, s_start, s_end)]
            for w in weapons_in.get(si, ()):
                if w.category is WeaponCategory.GENERIC:
                    # "touché par un projectile": an unnamed weapon says an impact verb is an incident, no more
                    g_clause = layout.clause_of(si, w.span.start)
                    for i in around(idxs, idx_starts, w.span.start, w.span.end):
                        if mentions[i].clause == g_clause:
                            slots[i].clause_weapons |= {w.category}
                    continue
                if any(a <= w.span.start < b for a, b in parens):
                    continue
                if w.category is WeaponCategory.EXPLOSIVE and self.cues.loaded_with.search(text[max(0, w.span.start - 20) : w.span.start]):
                    continue
                w_clause = layout.clause_of(si, w.span.start)
                instrument = bool(self.cues.instrument.search(text[max(0, w.span.start - 24) : w.span.start]))
                for i in around(idxs, idx_starts, w.span.start, w.span.end):
                    if mentions[i].clause == w_clause:
                        slots[i].clause_weapons |= {w.category}
                        slots[i].clause_weapon_roles = appended(
                            slots[i].clause_weapon_roles, (w.category, w.span.start, instrument))
                k = nearest(w.span.start, w.span.end)
                if k.mention is not None and not self._seized(text, w, layout.clause_of(si, w.span.start), si, layout):
                    m = mentions[k.mention]
                    if w.category in _PLATFORMS and self._hit_platform(text, w, m):
                        continue
                    slots[k.mention].weapons = appended(slots[k.mention].weapons, (w.category, w.span, "clause"))
            # casualties
            for q in counts_in.get(si, ()):
                role = casualty_role(text, q.span.start, q.span.end, q.role, q.unit, self.cues, q.value is None)
                if role is None or left_out(text, q, self.cues):
                    continue
                k = nearest(q.span.start, q.span.end)
                if k.mention is None:
                    others = [x for x in sinks if x.mention is not None]
                    if not others:
                        continue
                    k = min(others, key=lambda x: _distance((q.span.start, q.span.end), (x.start, x.end)))
                assert k.mention is not None
                for r in ([CasualtyRole.KILLED, CasualtyRole.INJURED] if role == "both" else [role]):
                    assert isinstance(r, CasualtyRole)
                    slots[k.mention].casualties = appended(slots[k.mention].casualties, CasualtyCandidate(
                        r, q.qualifier, q.value, q.low, q.high, q.span, si, count_rule(text, q, self.cues)))
            vague = any(text.find(w, s_start, s_end) >= 0 for w in vague_words)  # words it needs
            for vm in self.cues.vague_casualty.finditer(text, s_start, s_end) if vague else ():
                k = nearest(vm.start(), vm.end())
                if k.mention is None:
                    continue
                role = CasualtyRole.KILLED if vm.group("kill") else CasualtyRole.INJURED
                if not any(c.role is role and c.sentence == si for c in slots[k.mention].casualties):
                    slots[k.mention].casualties = appended(slots[k.mention].casualties, CasualtyCandidate(
                        role, Qualifier.VAGUE, None, None, None, ctx.span(vm.start(), vm.end()), si, "vague_casualty"))
            # frame dates and reported days for every trigger of the sentence
            night = any(text.find(w, s_start, s_end) >= 0 for w in night_words)  # words it needs
            for i in idxs:
                if night and self.cues.night.search(text, mentions[i].start, min(s_end, mentions[i].end + _NIGHT_REACH)):
                    slots[i].nocturnal = True
                near = (mentions[i].start - CONTEXT, mentions[i].end + CONTEXT)
                if mentions[i].start >= first_strong:
                    for d in frame_dates.get(si, []):
                        if d.span.end >= near[0]:
                            slots[i].dates = appended(slots[i].dates, DatedCandidate(
                                d, FRAME, "sentence_frame", statement=d.span.start in statement_dates))
                slots[i].dates = extended(
                    slots[i].dates, [r for r in reported_days.get(si, ()) if near[0] <= r.time.span.start <= near[1]])
            for i, link_start in day_linked.items():  # "au lendemain de frappes": not the day of those frappes
                slots[i].dates = tuple(c for c in slots[i].dates if c.rule == "day_link" or c.time.span.start != link_start)
        # discourse: dates and countries of the previous sentences; then actors and modality
        discourse = DiscourseCarrier(self.cues, layout, mentions, slots, by_sentence, frame_dates, reported_days,
                                     statement_dates)
        actors = ActorReader(self.actors, self.cues)
        modality = ModalityReader(self.cues)
        for i, m in enumerate(mentions):
            discourse.carry(ctx, m, slots[i])
            actors.read(ctx, layout, m, slots[i])
            modality.read(ctx, layout, m, slots[i])
        return slots

    def _orphan_casualties(self, ctx: ExtractionContext, si: int, s_start: int, s_end: int) -> None:
        """Counts of a sentence without trigger ("Aucun blessé n'a été signalé.", "Le bilan fait état de cinq
        morts."), for the incident told before it; not in a sentence of the story's background ("la guerre a fait
        387 000 morts") nor a count over a period ("depuis le début de l'année")."""
        text = ctx.text
        counts = [q for q in self._counts_in.get(si, ()) if s_start <= q.span.start < s_end]
        if not counts or self.cues.background_nouns.search(text, s_start, s_end):
            return
        for q in counts:
            role = casualty_role(text, q.span.start, q.span.end, q.role, q.unit, self.cues, q.value is None)
            if role is None or left_out(text, q, self.cues) or self.cues.toll_period.search(
                    text, max(s_start, q.span.start - 60), min(s_end, q.span.end + 60)):
                continue
            for r in ([CasualtyRole.KILLED, CasualtyRole.INJURED] if role == "both" else [role]):
                assert isinstance(r, CasualtyRole)
                self.orphans.setdefault(si, []).append(CasualtyCandidate(
                    r, q.qualifier, q.value, q.low, q.high, q.span, si, count_rule(text, q, self.cues)))


    def _day_link(self, text: str, d: TimeExpression, idxs: Sequence[int], mentions: Sequence[Mention],
                  slots: list[MentionSlots]) -> int | None:
        """Dates the incident of the complement of "au lendemain de", "à la veille de" ("… surviennent au lendemain
        de frappes israéliennes": those were the day before), when its trigger opens the complement; the mention so
        dated (the link's own day is not that incident's), or ``None``."""
        link = self.cues.day_link.match(text, d.span.start)
        if link is None or link.end() < d.span.end:
            return None
        target = next((i for i in idxs if link.end() <= mentions[i].start <= link.end() + _LINK_REACH
                       and "," not in text[link.end() : mentions[i].start]), None)
        shifted = shifted_day(d, -1 if link.group("after") else 1)
        if target is None or mentions[target].generic or shifted is None:
            return None
        slots[target].dates = appended(slots[target].dates, DatedCandidate(shifted, OWN, "day_link"))
        return target

    def _seized(self, text: str, w: Any, clause: int, si: int, layout: DocumentLayout) -> bool:
        """Whether a weapon was only seized or found ("ont saisi des fusils", "une cache d'armes"): not in the
        incident's set (§5)."""
        # only in the weapon's own sentence: a clause index says nothing of a position outside it
        since = max(0, w.span.start - _SEIZURE_REACH, layout.sentence_bounds[si][0])
        for m in self.cues.seizure.finditer(text, since, w.span.start):
            if layout.clause_of(si, m.start()) == clause:
                return True
        return False

    def _hit_platform(self, text: str, w: Any, m: Mention) -> bool:
        """Whether a vehicle or ship is what was hit: introduced as a target ("à proximité d'un blindé", "contre
        un navire"), or told after the trigger without an agent's word ("a touché un navire" but not "abattu par
        un navire"), or the subject of a passive trigger ("le blindé a été détruit")."""
        before = text[max(0, w.span.start - 30) : w.span.start]
        if self.cues.platform_target.search(before):
            return True
        if w.span.end <= m.start:  # the subject of a passive ("le blindé a été détruit par une mine") was hit
            return m.passive or m.subject_is_target
        if w.span.start < m.end:  # inside the trigger: "des tirs de chars"
            return False
        return not self.cues.platform_agent.search(before)

    def _orphan_weapons(self, ctx: ExtractionContext, layout: DocumentLayout, si: int, s_start: int, s_end: int,
                        weapons: Sequence[Any]) -> None:
        """Weapons of a sentence without trigger ("Des missiles de croisière étaient aussi du nombre."), for the
        incident told before it; not in a sentence about arming ("livrer des missiles", "l'arsenal"), the story's
        background, or a habit; not vehicles or ships (hit, not hitting, without a verb that says otherwise), nor
        what is inside parentheses, loaded in another weapon or seized."""
        text = ctx.text
        kept = [w for w in weapons if w.category is not WeaponCategory.GENERIC and w.category not in _PLATFORMS]
        if not kept or self.cues.weapon_supply.search(text, s_start, s_end) \
                or self.cues.background_nouns.search(text, s_start, s_end) or self.cues.habitual.search(text, s_start, s_end):
            return
        parens = [(m.start(), m.end()) for m in _PARENS.finditer(text, s_start, s_end)]
        for w in kept:
            if any(a <= w.span.start < b for a, b in parens):
                continue
            if w.category is WeaponCategory.EXPLOSIVE and self.cues.loaded_with.search(text[max(0, w.span.start - 20) : w.span.start]):
                continue
            if self._seized(text, w, layout.clause_of(si, w.span.start), si, layout):
                continue
            self.orphan_weapons.setdefault(si, []).append((w.category, w.span, "sentence_without_trigger"))


def _statement_date(text: str, d: TimeExpression, sinks: Sequence[_Sink], sink_starts: Sequence[int], sink_reach: int,
                    adverbial: Collection[int] = ()) -> bool:
    """Whether *d* is the day of a statement: right after a reporting verb ("a annoncé mardi avoir abattu", "a
    rapporté, lundi, une attaque", ", a annoncé l'armée lundi"), or opening a sentence whose first predicate is a
    reporting verb ("Tôt samedi, l'armée a déclaré avoir frappé …"); *adverbial* trigger nouns before it ("En
    riposte, dans la nuit de …, le Hezbollah a annoncé …") are no predicate.

    *sinks* are sorted by start (*sink_starts*), none longer than *sink_reach*: the sinks around the date are found
    by bisection, so that a sentence with many dates and predicates stays linear."""
    # the sink ending last before the date (the first of equals), read backwards from the date
    k: _Sink | None = None
    for j in range(bisect.bisect_right(sink_starts, d.span.start) - 1, -1, -1):
        s = sinks[j]
        if k is not None and s.start + sink_reach < k.end:
            break  # every sink before this one ends before the best one
        if s.end <= d.span.start and s.mention not in adverbial and (k is None or s.end >= k.end):
            k = s
    if k is not None:
        if k.mention is None and not k.background and d.span.start - k.end <= _STATEMENT_GAP \
                and not _THAT.search(text, k.end, d.span.start):
            return True
    else:
        # the sink starting first after the date
        after = bisect.bisect_left(sink_starts, d.span.end)
        first = sinks[after] if after < len(sinks) else None
        if first is not None and first.mention is None and not first.background \
                and not _THAT.search(text, d.span.end, first.start):
            return True
    return False


def _background_date(text: str, d: TimeExpression, cues: Cues) -> bool:
    if d.granularity in (Granularity.YEAR,) or d.interval_role is not None:
        return True
    left = text[max(0, d.span.start - 14) : d.span.start]
    return bool(cues.background_before.search(left))

