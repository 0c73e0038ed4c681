"""What the sentences before a mention say of it: its date and its country, when its clause gives none.

A trigger whose clause has no date takes the date of another trigger of its
sentence (unless the two are told one after the other), else the one the one or
two sentences before established, unless its sentence places it elsewhere in
time ("quelques jours après", "la semaine dernière"). A trigger whose clause
names no country takes the one of a scene place of its sentence or of the
sentences before. Headlines and headings keep to themselves.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..ontology import TimeExpression
from .candidates import CARRIED, FRAME, REPORTED, DatedCandidate, MentionSlots, appended, as_day
from .cues import Cues
from .layout import CONTEXT, DocumentLayout, around
from .places import SPECIFICITY, PlaceMention
from .triggers import Mention
from .written import words_in

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["DiscourseCarrier"]


class DiscourseCarrier:
    """Carries dates and countries to the mentions of one text (it keeps per-sentence lookups)."""

    def __init__(
        self,
        cues: Cues,
        layout: DocumentLayout,
        mentions: Sequence[Mention],
        slots: Sequence[MentionSlots],
        by_sentence: Mapping[int, Sequence[int]],
        frame_dates: Mapping[int, list[TimeExpression]],
        reported_days: Mapping[int, list[DatedCandidate]],
        statement_dates: Collection[int] = frozenset(),
    ) -> None:
        self.cues = cues
        """The cue words (relative times that block carrying a date)."""
        self.layout = layout
        """Sentences, clauses and headline lines of the text."""
        self.mentions = mentions
        """The trigger mentions, in text order."""
        self.slots = slots
        """The slot candidates of each mention (what is carried is added to them)."""
        self.frame_dates = frame_dates
        """Per sentence: the dates that open it and frame its triggers."""
        self.reported_days = reported_days
        """Per sentence: the days said of its reporting verbs."""
        self.statement_dates = statement_dates
        """The starts of the dates that are the day of a statement (carried with that mark: they never date)."""
        self._by_sentence = by_sentence
        self._starts_cache: dict[int, list[int]] = {}
        self._places_cache: dict[int, list[PlaceMention]] = {}
        self._block_cache: dict[int, list[tuple[int, int]]] = {}
        self._block_words: tuple[str, tuple[str, ...]] | None = None
        """The words a blocking phrase needs that the text writes (found once per text)."""

    def carry(self, ctx: ExtractionContext, m: Mention, own: MentionSlots) -> None:
        """Gives *own*, the slots of mention *m*, the date and the country the discourse says, if it needs them."""
        layout, mentions, slots = self.layout, self.mentions, self.slots
        frame_dates, reported_days = self.frame_dates, self.reported_days
        text = ctx.text
        s_start, s_end = layout.sentence_bounds[m.sentence]
        if layout.title[m.sentence] or layout.heading[m.sentence]:
            # a headline keeps to itself, but its own line may name the country ("… en Syrie après que …")
            if not any(p.place.country for p in own.places):
                for p in self._places_of(m.sentence):
                    if p.place.country and p.scene:
                        own.countries = appended(own.countries, (p.place.country, p.place.span, "same_sentence"))
                        break
            return
        # the sentence's blocking phrases are found once; a mention looks for one within its window
        blocks = self._block_cache.get(m.sentence)
        if blocks is None:
            if self._block_words is None or self._block_words[0] is not text:
                self._block_words = (text, words_in(text, self.cues.block_carry_words))
            carried = any(text.find(w, s_start, s_end) >= 0 for w in self._block_words[1])
            blocks = self._block_cache[m.sentence] = [(x.start(), x.end()) for x in self.cues.block_carry.finditer(text, s_start, s_end)] \
                if carried else []
        lo, hi = max(s_start, m.start - CONTEXT), min(s_end, m.end + CONTEXT)
        k = bisect.bisect_left(blocks, (lo, -1))
        blocked = k < len(blocks) and blocks[k][1] <= hi  # matches do not overlap: the first one decides
        # the day of a statement does not date the incident: a date of the discourse may still
        need_date = not blocked and all(d.statement for d in own.dates)
        if need_date:  # "ont fait irruption jeudi soir …, et ont ouvert le feu": the sentence's other trigger
            flags = layout.sequence[m.sentence] if layout.sequence else ()

            def apart(other: Mention) -> bool:  # told one after the other ("après que", "en représailles")
                if other.since or m.since:
                    return True  # "première attaque depuis l'assassinat de son chef mardi soir"
                lo, hi = sorted((other.clause, m.clause))
                return any(flags[c] for c in range(lo + 1, hi + 1) if c < len(flags))

            same = self._by_sentence.get(m.sentence, [])
            near = [(abs(mentions[j].start - m.start), d)
                    for j in around(same, self._starts_of(m.sentence), m.start, m.end)
                    if slots[j].dates and mentions[j] is not m and not mentions[j].generic and not apart(mentions[j])
                    for d in slots[j].dates if d.rank <= FRAME]
            if near:
                nearest = min(near, key=lambda x: x[0])[1]
                own.dates = appended(
                    own.dates, DatedCandidate(nearest.time, CARRIED, "same_sentence", statement=nearest.statement))
                need_date = False
        need_country = not any(p.place.country for p in own.places)
        if need_country:
            for p in self._places_of(m.sentence):
                if p.place.country and p.scene:
                    own.countries = appended(own.countries, (p.place.country, p.place.span, "same_sentence"))
                    need_country = False
                    break
        for back in (1, 2):
            si = m.sentence - back
            if si < 0 or layout.title[si] or layout.heading[si] or not (need_date or need_country):
                break
            stating = any(not mentions[j].generic and mentions[j].role in ("event", "impact", "casualty")
                          for j in self._by_sentence.get(si, ()))
            if need_date and m.rule == "nominal" and self._after_earlier_cue(text, m, s_start):
                need_date = False  # "après l'attaque du drone", "en riposte à une attaque": not the day told before
            if need_date and stating:
                found: list[DatedCandidate] = []
                for j in self._by_sentence.get(si, ()):
                    if not mentions[j].generic:
                        found.extend(d for d in slots[j].dates if d.rank <= REPORTED)
                found.extend(DatedCandidate(d, FRAME, "sentence_frame", statement=d.span.start in self.statement_dates)
                             for d in frame_dates.get(si, []))
                found.extend(reported_days.get(si, []))
                if found:
                    # a date of the incident before a statement's day; the latter is carried only to keep
                    # incidents apart, never to date one (§5)
                    best = max(found, key=lambda d: (d.rank <= FRAME and not d.statement, d.rank <= FRAME, d.time.span.start))
                    time = best.time if best.rank <= FRAME else as_day(best.time)
                    own.dates = appended(own.dates, DatedCandidate(
                        time, CARRIED, "previous_sentence", statement=best.statement or best.rank == REPORTED))
                    need_date = False
            if need_country:
                for p in self._places_of(si):
                    if p.place.country and p.scene:
                        own.countries = appended(own.countries, (p.place.country, p.place.span, "previous_sentence"))
                        need_country = False
                        break

    def _after_earlier_cue(self, text: str, m: Mention, s_start: int) -> bool:
        """Whether trigger noun *m* follows "après", "avant" or a response cue ("en riposte à une attaque"): it
        names an earlier incident than the sentences before told (a search only when one of their words is
        among the few words before it)."""
        start = max(s_start, m.start - 40)
        words = text[start : m.start].split()[-5:]
        return not self.cues.earlier_noun_words.isdisjoint(words) and bool(
            self.cues.earlier_noun.search(text, start, m.start))

    def _starts_of(self, sentence: int) -> list[int]:
        """The starts of a sentence's mentions (cached: long sentences stay linear)."""
        found = self._starts_cache.get(sentence)
        if found is None:
            found = self._starts_cache[sentence] = [self.mentions[j].start for j in self._by_sentence.get(sentence, [])]
        return found

    def _places_of(self, sentence: int) -> list[PlaceMention]:
        """The places the triggers of a sentence received, most specific first (cached)."""
        found = self._places_cache.get(sentence)
        if found is None:
            found = self._places_cache[sentence] = _sentence_places(self._by_sentence.get(sentence, ()), self.slots)
        return found


def _sentence_places(indices: Iterable[int], slots: Sequence[MentionSlots]) -> list[PlaceMention]:
    found = [p for j in indices for p in slots[j].places]
    return sorted(found, key=lambda p: SPECIFICITY[p.place.kind])

