"""Where the words of a cue list are written in one text, found once for all its mentions.

Many rules read a window around each mention only when one of a few words is written there ("any of
these words in the 200 characters around the trigger?"): asked per mention, that scans the word list
each time. :class:`WordsWritten` finds every occurrence of the list once per text (one ``str.find``
scan per word), then answers each window with a bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["WordsWritten"]


class WordsWritten:
    """The occurrences of some words in a text, sorted by start."""

    __slots__ = ("_empty", "_ends", "_size", "_starts")

    def __init__(self, text: str, words: Iterable[str]) -> None:
        found: list[tuple[int, int]] = []
        self._size = len(text)
        self._empty = False  # an empty word is written in any window
        for word in set(words):
            if not word:
                self._empty = True
                continue
            i = text.find(word)
            while i >= 0:
                found.append((i, i + len(word)))
                i = text.find(word, i + 1)
        found.sort()
        self._starts = [s for s, _ in found]
        self._ends = [e for _, e in found]

    def within(self, start: int, end: int) -> bool:
        """Whether one of the words is written inside ``[start, end)`` (as ``text.find(word, start, end) >= 0``
        for one of them)."""
        if self._empty and start <= min(end, self._size):
            return True
        starts, ends = self._starts, self._ends
        k = bisect.bisect_left(starts, start)
        while k < len(starts) and starts[k] < end:
            if ends[k] <= end:
                return True
            k += 1
        return False
