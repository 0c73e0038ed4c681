"""The words of a cue list that a text writes at all, found once for all its mentions.

Many rules read a window around each mention only when one of a few words is written there ("any of
these words in the 200 characters around the trigger?"). Asked per mention, that tries the whole list
each time; most words of a list are not in a given text at all. :func:`words_in` keeps the ones that
are (one scan of the text per word, once per text): a window is then tried for those few only, with
the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["words_in"]


def words_in(text: str, words: Iterable[str]) -> tuple[str, ...]:
    """The *words* written somewhere in *text*, in their order (a word not in the text is in none of its windows)."""
    return tuple(w for w in dict.fromkeys(words) if w in text)
