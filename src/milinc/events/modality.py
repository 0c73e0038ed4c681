"""How the text commits to an incident (asserted, reported, alleged, denied) and who reports it.

A denial ("dément"), an allegation ("présumés", "accusés d'avoir") or a
conditional ("aurait tué") near the trigger sets the modality; a source phrase
of the sentence ("selon l'armée", ", a déclaré le porte-parole", "L'armée a
annoncé") gives the source and makes an asserted incident reported.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..ontology import Modality, Source
from .candidates import MentionSlots
from .cues import Cues
from .layout import DocumentLayout
from .places import original_text
from .triggers import Mention
from .written import words_in

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["ModalityReader"]

_CONTEXT = 240
"""How far around a trigger its sentence is read (characters), so that long sentences stay linear."""
_SOURCE_CUT = re.compile(r"\s(?:qui|que|a|ont|en|dans|lors|,)\s|[,.;:]")
_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-Z]")


class ModalityReader:
    """Reads the modality and the source of the mentions of one text (it keeps the sources found per sentence)."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        """The cue words (denial, allegation, conditional, source words)."""
        self._source_cache: dict[int, list[Sequence[re.Match[str]]]] = {}
        self._modality_words: tuple[str, tuple[str, ...]] | None = None
        """The modality words the text last read writes (found once per text)."""
        self._source_words: list[tuple[str, ...]] = []
        """Per source pattern, the words it needs that the text last read writes."""

    def read(self, ctx: ExtractionContext, layout: DocumentLayout, m: Mention, own: MentionSlots) -> None:
        """Gives *own* the modality of mention *m* and its source."""
        text = ctx.text
        s_start, s_end = layout.sentence_bounds[m.sentence]
        cues = self.cues
        # a window of the sentence around the trigger: long sentences stay linear
        w_start = max(s_start, m.start - _CONTEXT)
        sentence = text[w_start : min(s_end, m.end + _CONTEXT)]
        n_start = max(s_start, m.start - 80)
        nearby = text[n_start : min(s_end, m.end + 60)]
        cue: re.Match[str] | None = None
        written = self._modality_words
        if written is None or written[0] is not text:
            written = self._modality_words = (text, words_in(text, cues.modality_words))
            self._source_words = [words_in(text, words) for _, words in cues.source_patterns]
        if any(w in nearby for w in written[1]) and cues.any_modality.search(nearby):
            if cue := cues.denied.search(nearby):
                own.modality, own.modality_rule = Modality.DENIED, "denial"
            elif cue := cues.alleged.search(nearby):
                own.modality, own.modality_rule = Modality.ALLEGED, "allegation"
            elif cue := cues.conditional.search(nearby):
                own.modality, own.modality_rule = Modality.REPORTED, "conditional"
        if cue:
            own.modality_span = ctx.span(n_start + cue.start(), n_start + cue.end())
        # the source phrases of the sentence are found once; a mention takes the first one (in the order of
        # the patterns) that lies in its window, as a search of the window would find it
        lo, hi = w_start - s_start, w_start - s_start + len(sentence)  # the window, in sentence offsets
        found = self._source_cache.get(m.sentence)
        if found is None:
            body = text[s_start:s_end]
            # kept for the whole text: a pattern's absent words give a shared empty tuple, not a new list
            found = self._source_cache[m.sentence] = [
                (list(rx.finditer(body)) or ()) if any(w in body for w in words) else ()
                for (rx, _), words in zip(cues.source_patterns, self._source_words)
            ]
        src: re.Match[str] | None = None
        for matches in found:
            k = bisect.bisect_left(matches, lo, key=lambda x: x.start())
            while k < len(matches) and matches[k].start() < hi:
                if matches[k].end() <= hi:
                    src = matches[k]
                    break
                k += 1
            if src is not None:
                break
        if src:
            raw = src.group("src")
            cut = _SOURCE_CUT.split(raw)[0].strip()
            a = s_start + src.start("src")
            original = original_text(ctx, a, a + len(cut)) if cut else ""
            if cut and not _DIGIT.search(cut) and (_UPPER.search(original) or cues.source_words.search(cut)):
                span = ctx.span(a, a + len(cut))
                own.source = Source(span, span.text)
                if own.modality is Modality.ASSERTED:
                    own.modality, own.modality_rule, own.modality_span = Modality.REPORTED, "source", own.source.span

