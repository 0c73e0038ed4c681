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

from ..normalize import fold
from ..ontology import Document, Event, Span
from ..segment import split_sentences

__all__ = ["TermWeights", "common_words", "event_terms"]

_WORD = re.compile(r"[^\W\d_]{4,}")
_MAX_TERMS = 64
"""A report keeps at most this many distinct words (the first ones of its sentences)."""


@functools.cache
def common_words() -> frozenset[str]:
    """Words left out of the similarity (``data/crossdoc.json``: days, months, numerals, function words)."""
    text = resources.files("milinc").joinpath("data").joinpath("crossdoc.json").read_text(encoding="utf-8")
    return frozenset(_stem(fold(w)) for w in json.loads(text)["common_words"])


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


def event_terms(doc: Document, event: Event, *, whole_text: bool) -> frozenset[str]:
    """The folded content words of the sentences that tell *event* (all of *doc* when *whole_text*)."""
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
            word = _stem(fold(match.group()))
            if word not in common:
                words[word] = None
            if len(words) >= _MAX_TERMS:
                return frozenset(words)
    return frozenset(words)


class TermWeights:
    """Inverse document frequencies over a corpus: ``log((N + 1) / (df + 1))``."""

    def __init__(self, frequencies: Mapping[str, int], documents: int) -> None:
        """Weights from document frequencies counted over *documents* documents."""
        self.documents = documents
        """How many documents the frequencies were counted over."""
        self._idf = {t: math.log((documents + 1) / (df + 1)) for t, df in frequencies.items()}
        self._norms: dict[frozenset[str], float] = {}

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

    def _norm(self, terms: frozenset[str]) -> float:
        found = self._norms.get(terms)
        if found is None:
            if len(self._norms) > 100_000:  # a cache, not a second copy of the corpus
                self._norms.clear()
            found = self._norms[terms] = math.sqrt(sum(self.idf(t) ** 2 for t in terms))
        return found

    def similarity(self, a: frozenset[str], b: frozenset[str]) -> tuple[float, list[str]]:
        """Cosine of the weighted word sets, and the shared words, heaviest first."""
        shared = a & b
        if not shared:
            return 0.0, []
        denominator = self._norm(a) * self._norm(b)
        if denominator == 0:
            return 0.0, []
        weighted = sorted(shared, key=lambda t: (-self.idf(t), t))
        return sum(self.idf(t) ** 2 for t in shared) / denominator, weighted
