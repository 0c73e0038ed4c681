"""The statement-day check finds the predicates around a date by bisection: the same answer as reading them all."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from milinc.events import slots
from milinc.ontology import Granularity, Span, TimeExpression


def _reference(text: str, d: TimeExpression, sinks: Sequence[slots._Sink], adverbial: Collection[int]) -> bool:
    # what the check did before it bisected: every sink of the sentence, for every date
    before = [k for k in sinks if k.end <= d.span.start and k.mention not in adverbial]
    after = [k for k in sinks if k.start >= d.span.end]
    if before:
        k = max(before, key=lambda x: x.end)
        return k.mention is None and not k.background and d.span.start - k.end <= slots._STATEMENT_GAP \
            and not slots._THAT.search(text, k.end, d.span.start)
    first = min(after, key=lambda x: x.start, default=None)
    return first is not None and first.mention is None and not first.background \
        and not slots._THAT.search(text, d.span.end, first.start)


_sink = st.tuples(st.integers(0, 60), st.integers(0, 12), st.one_of(st.none(), st.integers(0, 5)), st.booleans())


@settings(max_examples=400)
@given(st.lists(_sink, min_size=1, max_size=12), st.integers(0, 70), st.integers(1, 8),
       st.frozensets(st.integers(0, 5)), st.sampled_from(["x" * 90, "a dit que " * 9]))
def test_the_bisected_statement_check_answers_as_the_full_scan(
    raw: list[tuple[int, int, int | None, bool]], start: int, length: int, adverbial: frozenset[int], text: str
) -> None:
    sinks = sorted((slots._Sink(s, s + n, m, 0, background=b) for s, n, m, b in raw), key=lambda k: k.start)
    d = TimeExpression(span=Span(start, start + length, text[start : start + length]), value="2024-01-01",
                       granularity=Granularity.DAY)
    reach = max(k.end - k.start for k in sinks)
    got = slots._statement_date(text, d, sinks, [k.start for k in sinks], reach, adverbial)
    assert got == _reference(text, d, sinks, adverbial)
