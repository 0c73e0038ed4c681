"""The layout of a text for the events stage: sentences, clauses, headline and heading lines."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .cues import Cues

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["CONTEXT", "DocumentLayout", "SentenceClauses", "around"]

CONTEXT = 240
"""How far around a trigger its sentence is read (characters), so that long sentences stay linear."""
_FULL_STOP_END = re.compile(r"[.!?]\W*$")
_LEDE_LENGTH = 140
"""A first line this long that ends with a full stop is the lede, not a headline."""
_HEADING_END = re.compile(r"[.!?:\"]\s*$")


class SentenceClauses:
    """Per sentence: the ``(start, end)`` of its clauses, or whether each starts with a connector of sequence.

    Found the first time a sentence's are asked for: only the sentences with a trigger need them.
    """

    def __init__(self, text: str, bounds: Sequence[tuple[int, int]], cues: Cues, *,
                 clauses: SentenceClauses | None = None) -> None:
        """The clauses of the sentences *bounds* of *text*; with *clauses*, the sequence flags of these."""
        self._text = text
        self._cues = cues
        self._bounds = bounds
        self._clauses = clauses
        self._found: dict[int, tuple[Any, ...]] = {}
        self._starts: dict[int, tuple[list[int], tuple[Any, ...]]] = {}

    def clause_at(self, sentence: int, pos: int) -> int:
        """Index of the clause of *sentence* holding *pos*, else its last one (by bisection: the clauses are
        contiguous, in text order)."""
        known = self._starts.get(sentence)
        if known is None:
            clauses = self[sentence]
            known = self._starts[sentence] = ([a for a, _ in clauses], clauses)
        starts, clauses = known
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and pos < clauses[k][1]:
            return k
        return max(0, len(clauses) - 1)

    def __len__(self) -> int:
        return len(self._bounds)

    def __getitem__(self, sentence: int) -> tuple[Any, ...]:
        found = self._found.get(sentence)
        if found is None:
            text = self._text
            s, e = self._bounds[sentence]
            if self._clauses is not None:  # the sequence flags of the clauses
                sequence = self._cues.sequence
                found = tuple(bool(sequence.match(text, a)) or bool(sequence.search(text[max(s, a - 16) : a]))
                              for a, _ in self._clauses[sentence])
            else:
                cuts = [s] + [m.end() for m in self._cues.clause_break.finditer(text, s, e)] + [e]
                found = tuple((a, b) for a, b in itertools.pairwise(cuts) if b > a)
            self._found[sentence] = found
        return found


@attrs.frozen
class DocumentLayout:
    """Sentences with their clauses, and which lines are headlines or headings."""

    sentence_bounds: tuple[tuple[int, int], ...]
    """``(start, end)`` of each sentence."""
    paragraphs: tuple[int, ...]
    """Paragraph number of each sentence."""
    title: tuple[bool, ...]
    """Per sentence: whether it is in the headline."""
    heading: tuple[bool, ...]
    """Per sentence: whether it is a heading inside the body (a short line without a full stop)."""
    clauses: SentenceClauses | tuple[tuple[tuple[int, int], ...], ...]
    """Per sentence: the ``(start, end)`` of its clauses."""
    sequence: SentenceClauses | tuple[tuple[bool, ...], ...] = ()
    """Per clause: whether it starts with a connector of sequence ("après que", "en représailles")."""

    @classmethod
    def of(cls, ctx: ExtractionContext, title_lines: int, cues: Cues) -> DocumentLayout:
        """The layout of a parsed text."""
        text = ctx.text
        bounds = tuple((s.start, s.end) for s in ctx.sentences)
        # line bounds from the newline offsets: searching the text per sentence is quadratic on one long line
        newlines = [m.start() for m in re.finditer("\n", text)]
        line_of: list[tuple[int, int]] = []
        for s, _ in bounds:
            k = bisect.bisect_left(newlines, s)
            line_of.append((newlines[k - 1] + 1 if k else 0, newlines[k] if k < len(newlines) else len(text)))
        per_line: dict[tuple[int, int], int] = {}
        for line in line_of:
            per_line[line] = per_line.get(line, 0) + 1
        title: list[bool] = []
        heading: list[bool] = []
        seen_lines: set[tuple[int, int]] = set()  # a set: texts of many lines stay linear
        titles: set[str] = set()
        in_title_zone = True
        for line in line_of:
            seen_lines.add(line)
            single = per_line[line] == 1
            # a line of many sentences in the body is not read (one long line stays linear)
            line_text = text[line[0] : line[1]].strip() if in_title_zone or single else ""
            # the headline is the first line, with the lines right after it that end without a full stop
            # (a repeated headline, a byline, a caption); the first sentence-like line starts the body
            if in_title_zone and len(seen_lines) == 1 and (
                not single or len(line_text) > 250
                or (len(line_text) >= _LEDE_LENGTH and _FULL_STOP_END.search(line_text)
                    and not _repeated(text, line[1], line_text))
            ):
                # a text that opens with a paragraph, or with a full sentence ("Le Hezbollah a annoncé … ."),
                # has no headline: headlines are short or end without a full stop
                in_title_zone = False
            if in_title_zone and len(seen_lines) > 1 and (
                len(seen_lines) > title_lines or len(line_text) > 250
                or (_FULL_STOP_END.search(line_text) and not any(line_text in t or t in line_text for t in titles))
            ):
                in_title_zone = False
            if in_title_zone:
                titles.add(line_text)
            title.append(in_title_zone)
            heading.append(not in_title_zone and single and len(line_text) <= 120
                           and not _HEADING_END.search(line_text))
        if all(title):  # a text of one short paragraph is all body
            title = [False] * len(title)
        clauses = SentenceClauses(text, bounds, cues)
        sequence = SentenceClauses(text, bounds, cues, clauses=clauses)
        return cls(bounds, tuple(x.paragraph for x in ctx.sentences), tuple(title), tuple(heading), clauses, sequence)

    def clause_of(self, sentence: int, pos: int) -> int:
        """Index of the clause of *sentence* holding *pos*."""
        if isinstance(self.clauses, SentenceClauses):
            return self.clauses.clause_at(sentence, pos)
        for i, (s, e) in enumerate(self.clauses[sentence]):
            if s <= pos < e:
                return i
        return max(0, len(self.clauses[sentence]) - 1)


def _repeated(text: str, end: int, line_text: str) -> bool:
    """Whether the next non-empty line after *end* repeats *line_text* (a headline printed twice)."""
    rest = text[end : end + 2 * len(line_text) + 8].lstrip()
    following = rest.split("\n", 1)[0].strip()
    return bool(following) and (following in line_text or line_text in following)


def around(idxs: Sequence[int], starts: Sequence[int], start: int, end: int) -> Sequence[int]:
    """The mentions among *idxs* (in text order, starting at *starts*) within reach of ``[start, end)``."""
    lo = bisect.bisect_left(starts, start - CONTEXT)
    hi = bisect.bisect_right(starts, end + CONTEXT)
    return idxs[lo:hi]
