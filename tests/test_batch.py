"""milinc.parse_many / parse_records: item forms, order, parallelism, streaming, error records."""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import milinc
from milinc import Document, ErrorKind, ErrorRecord, Metadata, Parser, Record, parse_many, parse_records
from milinc.batch import to_record

from .corpus_fakes import generate_corpus, make_fake_parser

REF = dt.date(2024, 3, 5)


# --- parsers that misbehave on purpose (module level: worker processes unpickle them) --------


class _ExplodingParser(Parser):
    def parse(self, text: str, *, reference_date: dt.date | None = None) -> Document:
        if "BOOM" in text:
            raise RuntimeError("the parser broke")
        return super().parse(text, reference_date=reference_date)


class _DyingParser(Parser):
    def parse(self, text: str, *, reference_date: dt.date | None = None) -> Document:
        if "DIE" in text:
            os._exit(3)  # the worker process vanishes, as when the OS kills it
        return super().parse(text, reference_date=reference_date)


class _SignalMaskParser(Parser):
    def parse(self, text: str, *, reference_date: dt.date | None = None) -> Document:
        held = signal.pthread_sigmask(signal.SIG_BLOCK, [])  # reads the mask, changes nothing
        raise RuntimeError(f"held: {sorted(s.name for s in held if s.name in ('SIGINT', 'SIGTERM', 'SIGHUP'))}")


class _SlowParser(Parser):
    """Runs past any budget on a text that says SLOW (without waiting: the budget is checked as a stage would)."""

    def parse(self, text: str, *, reference_date: dt.date | None = None, time_budget: float | None = None) -> Document:
        from milinc import budget

        with budget.time_budget(time_budget if time_budget is not None else self.time_budget):
            if "SLOW" in text:
                with budget.time_budget(1e-9):
                    time.sleep(1e-6)
                    budget.check("events")
            return super().parse(text, reference_date=reference_date)


def make_no_parser() -> Parser:
    raise RuntimeError("cannot build the parser")


def make_exploding_parser() -> Parser:
    return _ExplodingParser(discover=False)


def make_dying_parser() -> Parser:
    return _DyingParser(discover=False)


def make_slow_parser() -> Parser:
    return _SlowParser(discover=False)


def make_budgeted_parser() -> Parser:
    return _SlowParser(discover=False, time_budget=30.0)


def make_signal_mask_parser() -> Parser:
    return _SignalMaskParser(discover=False)


# --- item forms --------------------------------------------------------------


def with_id(item_id: str, text: str, date: dt.date | None = None, **metadata: str) -> Record:
    """The record of an item that has an id: its document gets the id (and what else is known) as metadata."""
    return Record(item_id, text, date, Metadata(id=item_id, **metadata))


def test_every_item_form_becomes_a_record_with_its_id_and_date() -> None:
    assert to_record("texte", 4) == Record("4", "texte")
    assert to_record(b"caf\xc3\xa9", 0) == Record("0", "café")
    assert to_record(("a", "texte"), 1) == with_id("a", "texte")
    assert to_record(("a", "texte", "2024-03-05"), 1) == with_id("a", "texte", REF)
    assert to_record(["a", "texte", REF], 1) == with_id("a", "texte", REF)
    assert to_record({"id": 17, "text": "t", "reference_date": "2024-03-05", "url": "x"}, 0) == with_id(
        "17", "t", REF, url="x"
    )
    assert to_record({"text": "t"}, 9) == with_id("9", "t")
    assert to_record({"text": "t"}, 9, default_id="in.jsonl:10") == with_id("in.jsonl:10", "t")
    assert to_record({"id": "z", "text": "t", "reference_date": None}, 0) == with_id("z", "t")
    assert to_record({"id": "z", "text": "t", "reference_date": dt.datetime(2024, 3, 5, 12)}, 0) == with_id(
        "z", "t", REF
    )
    assert to_record({"id": "z", "text": "t", "reference_date": "2024-03-05 10:30:00"}, 0) == with_id("z", "t", REF)
    record = Record("r", "t", REF)
    assert to_record(record, 0) is record


def test_missing_markers_from_dataframes_mean_no_value() -> None:
    nan = float("nan")
    assert to_record({"id": "a", "text": "t", "reference_date": nan}, 0) == with_id("a", "t")
    assert to_record({"id": "a", "text": "t", "reference_date": "  "}, 0) == with_id("a", "t")
    no_text = to_record({"id": "a", "text": nan}, 0)
    assert isinstance(no_text, ErrorRecord) and no_text.reason == "missing field 'text'"


def test_pandas_missing_markers_mean_no_value() -> None:
    pd = pytest.importorskip("pandas")
    for marker in (pd.NaT, pd.NA, None):
        assert to_record({"id": "a", "text": "t", "reference_date": marker, "url": marker}, 0) == with_id("a", "t")
        no_text = to_record({"id": "a", "text": marker}, 0)
        assert isinstance(no_text, ErrorRecord) and no_text.reason == "missing field 'text'"
    assert to_record({"id": "a", "text": "t", "reference_date": pd.Timestamp("2024-03-05 08:00")}, 0) == with_id(
        "a", "t", REF
    )


@pytest.mark.parametrize(
    ("item", "item_id", "words"),
    [
        ({"id": "m"}, "m", "missing field 'text'"),
        ({"id": "n", "text": None}, "n", "missing field 'text'"),
        ({"id": "n", "text": 12}, "n", "text must be a string, got int"),
        ({"id": "d", "text": "t", "reference_date": "05/03/2024"}, "d", "YYYY-MM-DD"),
        ({"id": "d", "text": "t", "reference_date": 20240305}, "d", "reference_date must be"),
        (("t", "texte", "2024-02-30"), "t", "YYYY-MM-DD"),
        (b"\xff\xfeabc", "3", "not valid UTF-8 (byte 0)"),
        (42, "3", "unsupported item of type int"),
        (("only-one",), "3", "unsupported item"),
        (None, "3", "unsupported item of type NoneType"),
    ],
)
def test_an_unusable_item_is_an_error_record_not_an_exception(item: object, item_id: str, words: str) -> None:
    result = to_record(item, 3)  # type: ignore[arg-type]
    assert isinstance(result, ErrorRecord)
    assert result.id == item_id
    assert result.kind is ErrorKind.INVALID_RECORD
    assert words in result.reason


# --- results -----------------------------------------------------------------


def test_results_come_in_input_order_with_the_items_ids() -> None:
    items = ["premier texte", ("b", "deuxième"), {"id": "c", "text": "troisième"}, {"id": "bad"}, "cinquième"]
    pairs = list(parse_records(items))
    assert [i for i, _ in pairs] == ["0", "b", "c", "bad", "4"]
    assert [type(r).__name__ for _, r in pairs] == ["Document"] * 3 + ["ErrorRecord", "Document"]
    assert [r.text for _, r in pairs if isinstance(r, Document)] == [
        "premier texte",
        "deuxième",
        "troisième",
        "cinquième",
    ]


def test_parse_many_yields_the_same_results_as_parse_does() -> None:
    texts = [r["text"] for r in generate_corpus(6)]
    assert list(parse_many(texts, reference_date=REF)) == [milinc.parse(t, reference_date=REF) for t in texts]


def test_an_items_own_reference_date_wins_over_the_default() -> None:
    own = dt.date(2020, 1, 2)
    docs = list(parse_many([("a", "Hier.", own), ("b", "Hier.")], reference_date=REF))
    assert [d.reference_date for d in docs if isinstance(d, Document)] == [own, REF]
    assert all(isinstance(d, Document) and d.reference_date_source.value == "given" for d in docs)


def test_an_over_limit_text_is_a_too_large_error_and_the_next_item_is_parsed() -> None:
    results = list(parse_records([("long", "x" * 101), ("short", "x" * 100)], max_chars=100))
    (long_id, long_result), (_, short_result) = results
    assert long_id == "long"
    assert isinstance(long_result, ErrorRecord) and long_result.kind is ErrorKind.TOO_LARGE
    assert "101 characters exceeds the limit of 100" in long_result.reason
    assert isinstance(short_result, Document)


def test_an_error_record_given_as_input_passes_through_in_its_place() -> None:
    given = ErrorRecord("f.txt", "no such file", ErrorKind.UNREADABLE)
    assert list(parse_records(["a", given, "b"]))[1] == ("f.txt", given)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_parser_failure_is_reported_for_that_item_only(jobs: int) -> None:
    items = [("ok1", "rien"), ("bad", "BOOM ici"), ("ok2", "rien encore")]
    results = dict(parse_records(items, jobs=jobs, chunk_size=1, parser_factory=make_exploding_parser))
    assert isinstance(results["ok1"], Document) and isinstance(results["ok2"], Document)
    bad = results["bad"]
    assert isinstance(bad, ErrorRecord) and bad.kind is ErrorKind.PARSE_FAILED
    assert bad.reason == "RuntimeError: the parser broke"


def test_usage_errors_raise_when_iteration_starts() -> None:
    with pytest.raises(TypeError, match="jobs"):
        next(parse_many(["x"], jobs="2"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reference_date"):
        next(parse_many(["x"], reference_date=20240101))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="reference_date"):
        next(parse_many(["x"], reference_date="hier"))
    with pytest.raises(ValueError, match="chunk_size"):
        next(parse_many(["x"], chunk_size=0))


# --- processes -----------------------------------------------------------------


def test_processes_give_the_serial_results_in_the_same_order() -> None:
    corpus = generate_corpus(30, seed=11)
    corpus[7] = {"id": "broken", "reference_date": "2024-01-01"}  # no text
    serial = list(parse_records(corpus, parser_factory=make_fake_parser))
    parallel = list(parse_records(corpus, jobs=2, chunk_size=4, parser_factory=make_fake_parser))
    assert parallel == serial
    assert sum(len(r.events) for _, r in serial if isinstance(r, Document)) == 29
    assert isinstance(dict(serial)["broken"], ErrorRecord)


def test_streaming_reads_a_bounded_number_of_items_ahead() -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield f"Texte numéro {i}."

    first = list(itertools.islice(parse_many(endless(), jobs=2, chunk_size=3), 5))
    assert [d.text for d in first if isinstance(d, Document)] == [f"Texte numéro {i}." for i in range(5)]
    # 2 jobs x 2 chunks in flight x 3 items, plus the chunk being formed: never the whole input
    assert consumed <= 2 * 2 * 3 + 3


def test_serial_streaming_reads_one_item_per_result() -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield str(i)

    assert len(list(itertools.islice(parse_many(endless()), 4))) == 4
    assert consumed == 4


def test_a_dead_worker_fails_only_the_item_that_killed_it() -> None:
    items = [(f"d{i}", "DIE" if i in (2, 9) else f"texte {i}") for i in range(14)]
    results = list(parse_records(items, jobs=2, chunk_size=3, parser_factory=make_dying_parser))
    assert [i for i, _ in results] == [i for i, _ in items]  # nothing dropped, order kept
    failed = {i: r for i, r in results if isinstance(r, ErrorRecord)}
    assert set(failed) == {"d2", "d9"}
    assert all(r.kind is ErrorKind.WORKER_DIED and "died on this text" in r.reason for r in failed.values())
    assert all(r.text == f"texte {i[1:]}" for i, r in results if isinstance(r, Document))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_parser_that_cannot_be_built_raises_once_instead_of_failing_every_item(jobs: int) -> None:
    with pytest.raises(RuntimeError, match="cannot build the parser"):
        next(parse_many(["a", "b"], jobs=jobs, parser_factory=make_no_parser))


def test_forked_workers_use_the_parser_built_here() -> None:
    built: list[Parser] = []

    def factory() -> Parser:  # a closure: usable only because forked workers need no pickling
        built.append(make_fake_parser())
        return built[-1]

    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        pytest.skip("workers are forked only where fork exists and this process runs no other thread")
    corpus = generate_corpus(6, seed=4)
    results = list(parse_records(corpus, jobs=2, chunk_size=1, parser_factory=factory))
    assert len(built) == 1  # built once, in this process
    assert all(isinstance(r, Document) and r.events for _, r in results)


_values = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.binary(max_size=20),
    st.integers(),
    st.floats(),
    st.dates().map(lambda d: d.isoformat()),
    st.dates(),
    st.datetimes(),
)
_items = st.one_of(
    st.text(max_size=80),
    st.binary(max_size=40),
    st.tuples(_values, _values),
    st.tuples(_values, _values, _values),
    st.lists(_values, max_size=4),
    st.dictionaries(st.sampled_from(["id", "text", "reference_date", "url"]), _values, max_size=4),
    _values,
)


@given(st.lists(_items, max_size=8))
def test_no_item_whatever_its_shape_makes_parse_many_raise(items: list[object]) -> None:
    results = list(parse_records(items, max_chars=60))  # type: ignore[arg-type]
    assert len(results) == len(items)
    for (doc_id, result), item in zip(results, items):
        assert isinstance(result, (Document, ErrorRecord))
        assert isinstance(doc_id, str) and doc_id
        if isinstance(result, ErrorRecord):
            assert result.id == doc_id and result.reason
        if isinstance(item, str):
            assert isinstance(result, Document) or result.kind is ErrorKind.TOO_LARGE


def test_processes_work_from_a_script_read_on_stdin_even_after_a_worker_death() -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("without fork, workers need an importable __main__")
    script = """
import os, milinc
from milinc import Parser

class Dying(Parser):
    def parse(self, text, *, reference_date=None):
        if text == "DIE":
            os._exit(3)
        return super().parse(text, reference_date=reference_date)

items = ["DIE" if i == 3 else f"texte {i}" for i in range(10)]
results = milinc.parse_records(items, jobs=2, chunk_size=2, parser_factory=lambda: Dying(discover=False))
print(" ".join(type(r).__name__[0] for _, r in results))
"""
    out = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["D"] * 3 + ["E"] + ["D"] * 6
    assert "Traceback" not in out.stderr


# --- stop signals while workers are forked ---------------------------------------------------

needs_masks = pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks on this platform")


@needs_masks
def test_a_stop_signal_that_arrives_while_workers_are_forked_waits_until_they_are() -> None:
    from milinc.batch import _signals_held

    received: list[int] = []
    previous = signal.signal(signal.SIGHUP, lambda signum, frame: received.append(signum))
    try:
        with _signals_held():
            os.kill(os.getpid(), signal.SIGHUP)
            assert received == []  # held: a worker forked now would not run this process's handler
        assert received == [signal.SIGHUP]  # delivered once the submission is done
    finally:
        signal.signal(signal.SIGHUP, previous)


@needs_masks
def test_workers_forked_while_signals_are_held_let_them_through() -> None:
    results = list(parse_records(["a", "b", "c"], jobs=2, chunk_size=1, parser_factory=make_signal_mask_parser))
    assert [r.reason for _, r in results if isinstance(r, ErrorRecord)] == ["RuntimeError: held: []"] * 3
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) & {signal.SIGINT, signal.SIGTERM, signal.SIGHUP} == set()


# --- time budget ------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("factory", [make_slow_parser, make_budgeted_parser])
def test_a_parse_past_its_time_budget_is_an_error_record_of_its_own_kind(jobs: int, factory: object) -> None:
    items = [("a", "texte un"), ("b", "SLOW texte"), ("c", "texte trois")]
    results = dict(parse_records(items, jobs=jobs, chunk_size=1, parser_factory=factory))  # type: ignore[arg-type]
    assert isinstance(results["a"], Document) and isinstance(results["c"], Document)  # the run goes on
    slow = results["b"]
    assert isinstance(slow, ErrorRecord) and slow.kind is ErrorKind.TIME_BUDGET_EXCEEDED
    assert slow.kind.value == "time_budget_exceeded" and "time budget" in slow.reason


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_gives_each_item_the_time_budget_it_is_given(jobs: int) -> None:
    text = "Lundi soir, deux roquettes ont frappé la base de Gao. " * 300
    (tight,) = parse_many([text], jobs=jobs, time_budget=1e-9)
    assert isinstance(tight, ErrorRecord) and tight.kind is ErrorKind.TIME_BUDGET_EXCEEDED
    (ample,) = parse_many([text], jobs=jobs, time_budget=600)
    assert isinstance(ample, Document) and ample.events


@pytest.mark.parametrize("budget", [0, -1.0, float("nan"), "5", True])
def test_a_time_budget_that_is_no_positive_number_is_refused(budget: object) -> None:
    with pytest.raises(ValueError, match="time_budget"):
        next(parse_many(["x"], time_budget=budget))  # type: ignore[arg-type]
