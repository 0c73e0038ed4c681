"""The words a report shares with another: evidence that survives a slot the parser missed.

Reports of one incident share its rare words ("Saltivka", "imprimerie", "plage du Lido", a ship's
name) even when one of them lacks the place or the date. Each report keeps the content words of the
sentences that tell its event (the whole text when the document has one event); two reports are
compared by the cosine of their words weighted by inverse document frequency over the corpus being
merged, so that the words every report uses ("attaque", "soldats", "selon") weigh nothing and the
words only a few documents share weigh most.

The weights depend on the corpus: :func:`milinc.merge_incidents` counts document frequencies over
its whole input first (the Dask form does the same count before linking), so a pair's score is
the same in both. Without weights (a stream merged as it comes, a corpus of two documents) words
add nothing and matching rests on the slots.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from ..normalize import fold
from ..ontology import Document, Event, Span
from ..segment import split_sentences

__all__ = ["COMMON_FLOOR", "COMMON_SHARE", "TermWeights", "common_words", "event_terms"]

_WORD = re.compile(r"[^\W\d_]{4,}")
COMMON_SHARE = 0.01
"""A word used by more than this share of the documents weighs nothing."""
COMMON_FLOOR = 10
"""… but a word used by this many documents or fewer always weighs (small corpora)."""

_MAX_TERMS = 64
"""A report keeps at most this many distinct words (the first ones of its sentences)."""


def _data(name: str) -> Any:
    return json.loads(resources.files("milinc").joinpath("data").joinpath(name).read_text(encoding="utf-8"))


def _country_words() -> set[str]:
    """Country names and adjectives of the gazetteer: the country slot compares them already."""
    words: set[str] = set()
    try:
        places = _data("places.json")
        names = [p["name"] for p in places["places"] if p.get("kind") == "country"]
        names += [a for p in places["places"] if p.get("kind") == "country" for a in p.get("aliases", ())]
        names += [a for adjectives in places.get("country_adjectives", {}).values() for a in adjectives]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # another gazetteer layout: no such words
        return words
    for name in names:
        words.update(_stem(w) for w in _WORD.findall(fold(name)))
    return words


@functools.cache
def common_words() -> frozenset[str]:
    """Words left out of the comparison: ``data/crossdoc.json``'s (days, months, numerals, function
    words, directions) and the names and adjectives of countries."""
    return frozenset({_stem(fold(w)) for w in _data("crossdoc.json")["common_words"]} | _country_words())


def _stem(word: str) -> str:
    # "morts"/"mort", "drones"/"drone", "chevaux" stays: plural -s/-x is all the stemming needed here
    return word[:-1] if len(word) > 4 and word[-1] in "sx" else word


def _spans(event: Event) -> list[Span]:
    spans = [event.span, *event.mentions]
    if event.date is not None:
        spans.append(event.date.span)
    if event.location is not None and event.location.span is not None:
        spans.append(event.location.span)
    for toll in (event.killed, event.injured):
        if toll is not None:
            spans.extend(toll.spans)
    return spans


def _skipped(doc: Document) -> list[tuple[int, int]]:
    """Where the words describe the type of an incident (triggers, weapon mentions): compared apart."""
    spans = [(w.span.start, w.span.end) for w in doc.weapons]
    spans += [(m.start, m.end) for e in doc.events for m in (e.span, *e.mentions)]
    return sorted(spans)


def event_terms(doc: Document, event: Event, *, whole_text: bool) -> frozenset[str]:
    """The folded content words of the sentences that tell *event* (all of *doc* when *whole_text*),
    but for the words of triggers and weapon mentions (the type and weapons are compared apart)."""
    skipped = _skipped(doc)
    if whole_text:
        ranges = [(0, len(doc.text))]
    else:
        sentences = split_sentences(doc.text)
        wanted = _spans(event)
        ranges = [(s.start, s.end) for s in sentences if any(s.start <= sp.start < s.end for sp in wanted)]
    words: dict[str, None] = {}
    common = common_words()
    for start, end in ranges:
        for match in _WORD.finditer(doc.text, start, end):
            if any(s <= match.start() < e for s, e in skipped):
                continue
            word = _stem(fold(match.group()))
            if word not in common:
                words[word] = None
            if len(words) >= _MAX_TERMS:
                return frozenset(words)
    return frozenset(words)


class TermWeights:
    """Inverse document frequencies over a corpus: ``log((N + 1) / (df + 1))``, and nothing for a word
    more than :data:`COMMON_SHARE` of the documents use (at least :data:`COMMON_FLOOR` documents):
    such a word ("soldats", "bilan", an agency's stock phrase) is shared by unrelated reports."""

    def __init__(self, frequencies: Mapping[str, int], documents: int) -> None:
        """Weights from document frequencies counted over *documents* documents."""
        self.documents = documents
        """How many documents the frequencies were counted over."""
        common = max(COMMON_FLOOR, documents * COMMON_SHARE)
        self._idf = {
            t: 0.0 if df > common else math.log((documents + 1) / (df + 1)) for t, df in frequencies.items()
        }

    @classmethod
    def count(cls, term_sets: Iterable[tuple[str, frozenset[str]]]) -> TermWeights:
        """Count frequencies from ``(document id, terms)`` pairs (a document's events count once)."""
        per_document: dict[str, set[str]] = {}
        for document, words in term_sets:
            per_document.setdefault(document, set()).update(words)
        frequencies: Counter[str] = Counter()
        for seen in per_document.values():
            frequencies.update(seen)
        return cls(frequencies, len(per_document))

    def idf(self, term: str) -> float:
        """The weight of *term* (a word the corpus never had weighs as one seen once)."""
        found = self._idf.get(term)
        return found if found is not None else math.log((self.documents + 1) / 2)

    def shared(self, a: frozenset[str], b: frozenset[str]) -> tuple[float, list[str]]:
        """How many rare words two reports share, each counted by its weight relative to the rarest
        possible (a word of one document counts about 1, a word of a tenth of them about 0.5), and
        the shared words that weigh, heaviest first."""
        common = a & b
        if not common:
            return 0.0, []
        top = math.log(self.documents + 1) or 1.0
        weighted = [(self.idf(t), t) for t in common]
        weighted = sorted((w, t) for w, t in weighted if w > 0)[::-1]
        return sum(w for w, _ in weighted) / top, [t for _, t in weighted]
