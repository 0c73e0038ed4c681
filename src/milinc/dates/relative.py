"""Dates counted from an event the text names: "au lendemain de l'offensive", "deux semaines après le coup d'État".

Such a phrase names the day after (before…) an *event*, not a date. It is resolved from that
event's date when the text gives it, and otherwise stays unresolved — never from whatever date
the text last established, and never after the publication date:

1. a date right after the event's noun phrase is the event's date ("au lendemain de l'offensive
   iranienne, dans la nuit de samedi à dimanche 14 avril, …");
2. a date the text attached to the same event noun earlier ("l'attaque du 5 mars … au lendemain
   de l'attaque");
3. the date of the clause the phrase modifies, when the sentence states it ("Les frappes de
   dimanche surviennent au lendemain de …"): the phrase restates that day;
4. otherwise the value stays unresolved (``XXXX-XX-XX``).

The extractor resolves these phrases after every other mention of the text (they may use a
later one of their sentence), and none of them becomes the anchor of anaphoric dates.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from .. import regexes
from .lexicon import EVENT_NOUNS

__all__ = ["EventDate", "Resolved", "event_dates", "event_head", "is_event_relative"]

_EVENT_AFTER = regexes.lazy(r"\s*(?:(?:de|du|des)(?![^\W_])|d')")
"""What follows "au lendemain" when it counts from an event ("de l'offensive", "du coup d'État", "des élections")."""
_HEAD = regexes.lazy(
    r"\s*(?:(?:de|du|des)(?![^\W_])|d'|)\s*(?:(?:la|le|les|cette|ce|cet|ces|son|sa|ses|leur|leurs|une?)(?![^\W_])\s*"
    r"|l'|)\s*((?:[^\W\d_]|-)+)"
)
"""The head noun of the event after "de": "de l'offensive" → "offensive", "du coup d'État" → "coup"."""
_APPOSITION_GAP = regexes.lazy(r"[^.;:!?\n]{0,90}")
"""What may stand between the phrase and the event's own date: the rest of the event's noun phrase."""
_CLAUSE_VERB = regexes.lazy(
    r"(?<![^\W_])(?:a|ont|avait|avaient|est|sont|etait|etaient|fut|furent|sera|seront)(?![^\W_])"
)
"""An auxiliary: the main clause has begun, a date after it belongs to the clause, not to the event."""
_STOP_HEADS = frozenset({"la", "le", "les", "l", "un", "une", "ce", "cette", "son", "sa", "ses", "leur", "leurs"})


@attrs.define(unsafe_hash=True)
class Resolved:
    """A mention already resolved, as the event-relative resolution sees it."""

    start: int
    """Offset of the mention in the normalized text."""
    end: int
    """Offset just past it."""
    sentence: int
    """Index of its sentence."""
    day: _dt.date | None
    """The day it names, if it names one."""
    usable: bool
    """False for reporting dates and interval bounds: they date no event."""


@attrs.define(unsafe_hash=True)
class EventDate:
    """The date an event-relative phrase is counted from, and how it was found."""

    day: _dt.date
    """The event's day, or the restated day of the clause (``restated``)."""
    restated: bool
    """True when *day* is the day of the clause the phrase modifies: the phrase names it again."""


def is_event_relative(text: str, end: int) -> bool:
    """Whether an anaphoric phrase ending at *end* is followed by the event it counts from ("… de l'offensive")."""
    return bool(_EVENT_AFTER.match(text, end))


def event_head(text: str, end: int) -> str | None:
    """The head noun of the event after the phrase ("offensive"), lowercase and normalized.

    After "que" the event is a clause ("après que l'armée a annoncé des frappes"): its first event
    noun ("frappes") stands for it.
    """
    if _CLAUSE.match(text, end):
        clause = _CLAUSE_BODY.match(text, end)
        body = clause.group() if clause else ""
        previous = ""
        word: str
        for word in _WORD.findall(body):
            # "a annoncé": a participle after an auxiliary is no noun
            noun = word in EVENT_NOUNS or (word.endswith("s") and word[:-1] in EVENT_NOUNS)
            if noun and previous not in _AUXILIARIES:
                return word
            previous = word
        return None
    m = _HEAD.match(text, end)
    if m is None:
        return None
    head = m.group(1).split("-")[0]
    return None if head in _STOP_HEADS or len(head) < 3 else head


def event_dates(
    text: str, start: int, end: int, sentence: int, resolved: Sequence[Resolved], sentence_end: int,
    sentence_of: Callable[[int], int],
) -> Iterator[EventDate]:
    """The dates the phrase at ``text[start:end]`` may count from, by the module's rules in order.

    The caller takes the first that does not put the phrase after the publication date. *resolved*
    is in text order; only the mentions within :data:`_REACH` characters are read.
    """
    lo = bisect.bisect_left(resolved, start - 2 * _REACH, key=lambda r: r.start)
    hi = bisect.bisect_right(resolved, end + 2 * _REACH, key=lambda r: r.start)
    resolved = resolved[lo:hi]
    after = [r for r in resolved if r.sentence == sentence and r.start >= end and r.usable and r.day is not None]
    # 1. the event's own date, in its noun phrase or right after it
    if after:
        first = after[0]
        gap = text[end : first.start]
        if first.start <= sentence_end and _APPOSITION_GAP.fullmatch(gap) and not _CLAUSE_VERB.search(gap):
            assert first.day is not None
            yield EventDate(first.day, restated=False)
    # 2. the same event dated elsewhere in the text ("l'attaque du 5 mars … au lendemain de l'attaque")
    head = event_head(text, end)
    if head is not None:
        for found in _dated_elsewhere(text, head, start, end, sentence, resolved, sentence_of):
            yield EventDate(found, restated=False)
    # 3. the clause's own date, in the same sentence
    same = [r for r in resolved if r.sentence == sentence and r.usable and r.day is not None and r.end <= start]
    if same:
        day = same[-1].day
        assert day is not None
        yield EventDate(day, restated=True)
    elif after and _CLAUSE_VERB.search(text, end, after[0].start):
        # "Au lendemain de l'attaque, l'armée a riposté mardi": the clause's date comes after its verb
        day = after[0].day
        assert day is not None
        yield EventDate(day, restated=True)


def _dated_elsewhere(
    text: str, head: str, start: int, end: int, sentence: int, resolved: Sequence[Resolved],
    sentence_of: Callable[[int], int],
) -> Iterator[_dt.date]:
    """The dates the text gives other mentions of the event noun *head*: earlier ones first (the latest
    first), then later ones.

    A date is given either attached to the noun ("l'attaque du 5 mars", "l'offensive de samedi"),
    or in the other sentence that tells the event ("Le 5 mars, une attaque …"): the date nearest to
    the noun there.
    """
    stem = head[:-1] if head.endswith("s") else head
    # the noun first, then the word-start check behind it: a pattern that begins with a literal is
    # searched for by re's fast substring scan, one that begins with a lookbehind is tried at every position
    pattern = re.compile(rf"{re.escape(stem)}(?<![^\W_]{re.escape(stem)})s?(?![^\W_])")
    # only the event's neighbourhood is read: the work per phrase stays bounded on any document
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    dated = [r for r in resolved if r.usable and r.day is not None]  # in text order, as *resolved*
    dated_starts = [r.start for r in dated]
    by_sentence: dict[int, list[Resolved]] = {}
    for r in dated:
        by_sentence.setdefault(r.sentence, []).append(r)
    own = sentence_of(end)
    occurrences = [m for m in pattern.finditer(text, lo, hi) if not start <= m.start() < end + _OWN_COMPLEMENT]
    earlier = [m for m in occurrences if m.start() < start]
    later = [m for m in occurrences if m.start() >= start]
    for m in [*reversed(earlier), *later]:
        # the dates starting 0 to 25 characters after the noun, found by bisection (not a scan per occurrence)
        noun_end = m.end()
        first = bisect.bisect_left(dated_starts, noun_end)
        last = bisect.bisect_right(dated_starts, noun_end + 25)
        attached = [r for r in dated[first:last] if _ATTACHED.fullmatch(text, noun_end, r.start)]
        if attached:
            assert attached[0].day is not None
            yield attached[0].day
            continue
        told_in = sentence_of(m.start())
        if told_in != own:
            near = by_sentence.get(told_in, [])
            if near:
                best = min(near, key=lambda r: min(abs(r.start - m.start()), abs(r.end - m.start())))
                assert best.day is not None
                yield best.day


_REACH = 3000
"""How far around the phrase other mentions of its event are looked for (characters)."""
_OWN_COMPLEMENT = 120
"""Characters after the phrase that belong to its own complement (the event named there is not another mention)."""
_CLAUSE = regexes.lazy(r"\s*(?:que|qu')")
_CLAUSE_BODY = regexes.lazy(r"[^.;:!?\n]{0,120}")
_WORD = regexes.lazy(r"[^\W\d_]+")
_AUXILIARIES = frozenset({"a", "ait", "ont", "aient", "avait", "avaient", "aura", "auront", "eu", "est", "sont", "ete",
                          "etait", "etaient", "soit", "soient"})


_ATTACHED = regexes.lazy(r"\s*(?:(?:du|de|d')\s*)?(?:[^\W\d_]+\s+){0,2}?(?:du|de|d'|le)?\s*")
"""What may stand between an event noun and its date: "du", "de", an adjective or two."""
