"""Parse many texts: in input order, in parallel processes, in constant memory.

>>> import milinc
>>> for result in milinc.parse_many(["Hier, deux roquettes sont tombées.", "Rien."]):
...     print(type(result).__name__)
Document
Document

:func:`parse_many` takes texts or records (``(id, text)``, ``(id, text,
reference_date)``, ``{"id", "text", "reference_date"}`` dicts or
:class:`Record`) from any iterable, a generator included, and yields one
result per item, in the same order: a :class:`~milinc.ontology.Document`, or
an :class:`ErrorRecord` that says why that item could not be parsed. It never
raises for a bad item, and it never holds more than a bounded number of items
in memory, so it runs over any number of documents. :func:`parse_records`
does the same and pairs every result with the item's id.

With ``jobs > 1`` the texts are parsed in worker processes, in chunks, with a
bounded number of chunks in flight. The parser is built once in the calling
process (forked workers inherit it; others build their own once).
"""

from __future__ import annotations

import collections
import contextlib
import datetime as _dt
import enum
import itertools
import os
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
from attrs import field, frozen
from attrs import validators as v

from . import budget, shared_parser
from .errors import InputTooLargeError, MilincError, MilincWarning
from .ontology import Document, Metadata
from .pipeline import DEFAULT_MAX_CHARS, Parser
from .reference_dates import as_reference_date

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "DATE_KEYS",
    "DEFAULT_CHUNK_SIZE",
    "RECORD_KEYS",
    "ErrorKind",
    "ErrorRecord",
    "Item",
    "Record",
    "Result",
    "is_missing",
    "parse_many",
    "parse_records",
    "to_record",
    "unknown_keys",
]

DEFAULT_CHUNK_SIZE = 16
"""How many items one task sent to a worker process holds."""

_CHUNKS_IN_FLIGHT_PER_JOB = 2
"""Chunks queued per worker: enough to keep workers busy, few enough to keep memory flat."""


class ErrorKind(str, enum.Enum):
    """Why an item could not be parsed."""

    INVALID_RECORD = "invalid_record"
    """The item is not a usable record: a missing or mistyped field, a bad date, malformed JSON."""
    UNREADABLE = "unreadable"
    """The input could not be read: no such file, not valid UTF-8."""
    TOO_LARGE = "too_large"
    """The text is longer than the parser's ``max_chars``."""
    PARSE_FAILED = "parse_failed"
    """The parser failed on this text (a bug: please report it with the text)."""
    WORKER_DIED = "worker_died"
    """The worker process parsing this item died (out of memory, killed), also when retried alone."""
    TIME_BUDGET_EXCEEDED = "time_budget_exceeded"
    """The parse took longer than its time budget (``parse_many(time_budget=...)``, ``--time-budget``)."""


@frozen
class ErrorRecord:
    """The result for an item that could not be parsed."""

    id: str = field(validator=v.instance_of(str))
    """The item's id (its position in the input when it has none)."""
    reason: str = field(validator=v.instance_of(str))
    """What went wrong, in one line."""
    kind: ErrorKind = field(default=ErrorKind.INVALID_RECORD, validator=v.instance_of(ErrorKind))
    """The category of the failure."""


def _check_date(inst: Any, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, _dt.date) or isinstance(value, _dt.datetime)):
        raise TypeError(f"{attribute.name} must be a datetime.date or None, got {value!r}")


@frozen
class Record:
    """One text to parse, with its id and, optionally, its publication date."""

    id: str = field(validator=v.instance_of(str))
    """An id the caller chooses (a file name, a URL, a database key)."""
    text: str = field(validator=v.instance_of(str))
    """The article text."""
    reference_date: _dt.date | None = field(default=None, validator=_check_date)
    """Its publication date; ``None`` falls back to ``parse_many``'s ``reference_date``, then to a dateline."""
    metadata: Metadata | None = field(default=None, validator=v.optional(v.instance_of(Metadata)))
    """Where the text comes from (its id, address, outlet, title, author): given to its :class:`Document`."""


Item: TypeAlias = str | bytes | Record | ErrorRecord | Mapping[str, Any] | Sequence[Any]
"""What :func:`parse_many` accepts for one item (an :class:`ErrorRecord` passes through unchanged)."""

Result: TypeAlias = Document | ErrorRecord
"""What :func:`parse_many` yields for one item."""


def is_missing(value: Any) -> bool:
    """Whether a field value means "no value": ``None``, a blank string, or NaN/NaT/NA from pandas or NumPy.

    Those missing markers are the values that are not equal to themselves (or whose equality has no
    truth value); the test needs no pandas.
    """
    if value is None:
        return True
    if isinstance(value, (str, bytes, bytearray)):
        return not value.strip()
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # pandas.NA: its comparisons are NA, which has no truth value
        return True


DATE_KEYS: tuple[str, ...] = ("reference_date", "date", "published", "published_at")
"""The keys a record's publication date is read from, the first one given winning."""

_METADATA_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("url", ("url",)),
    ("outlet", ("outlet", "source")),
    ("title", ("title",)),
    ("author", ("author",)),
)

_DOCUMENT_KEYS = frozenset(f.name for f in attrs.fields(Document))
"""A document line (``milinc parse --format documents-jsonl``) is a record too: its other keys are known."""

RECORD_KEYS: frozenset[str] = frozenset(
    {"id", "text", *DATE_KEYS, *(key for _, keys in _METADATA_KEYS for key in keys), *_DOCUMENT_KEYS}
)
"""The keys a record may have; any other is ignored, with a :class:`~milinc.errors.MilincWarning` once per key.

A document written by ``milinc parse --format documents-jsonl`` is a record:
its text, reference date and metadata are read again, its extractions ignored.
"""


def _valid_unicode(value: str, name: str) -> str:
    """*value*, or a ValueError when it holds a lone surrogate (``"\\ud800"`` in JSON): such a string cannot be written out."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError(
                f"{name} is not valid Unicode: a lone surrogate {value[exc.start]!a} at character {exc.start}"
            ) from None
    return value


def _date_field(value: Any, name: str = "reference_date") -> _dt.date | None:
    if is_missing(value):
        return None
    if isinstance(value, str):
        _valid_unicode(value, name)
    try:
        return as_reference_date(value, name=name)
    except TypeError:
        raise ValueError(f"{name} must be a date or a YYYY-MM-DD string, got {type(value).__name__}") from None


def _text_field(value: Any) -> str:
    if isinstance(value, str):
        return _valid_unicode(value, "text")
    if value is None or (not isinstance(value, (bytes, bytearray)) and is_missing(value)):
        raise ValueError("missing field 'text'")
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"text is not valid UTF-8 (byte {exc.start})") from None
    raise ValueError(f"text must be a string, got {type(value).__name__}")


def _id_field(value: Any, fallback: str) -> str:
    # an id that says nothing (None, blank, NaN) is no id: the item's position stands in for it
    return fallback if is_missing(value) else _valid_unicode(str(value).strip(), "id")


def _metadata_text(value: Any, name: str) -> str | None:
    if is_missing(value):
        return None
    if isinstance(value, (list, tuple)) and all(isinstance(part, str) for part in value):
        value = ", ".join(part.strip() for part in value if part.strip())  # several authors
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a string, got {type(value).__name__}")
    return _valid_unicode(value.strip(), name) or None


def _first_given(item: Mapping[str, Any], keys: Sequence[str]) -> tuple[str, Any]:
    for key in keys:
        if key in item and not is_missing(item[key]):
            return key, item[key]
    return keys[0], None


def _mapping_record(item: Mapping[str, Any], item_id: str) -> Record:
    if "text" not in item:
        raise ValueError("missing field 'text'")
    text = _text_field(item["text"])
    date_key, date_value = _first_given(item, DATE_KEYS)
    reference_date = _date_field(date_value, date_key)
    found: dict[str, str | None] = {}
    earlier = item.get("metadata")  # a document line read again keeps what was known of its source
    for name, keys in _METADATA_KEYS:
        key, value = _first_given(item, keys)
        if is_missing(value) and isinstance(earlier, Mapping):
            key, value = f"metadata.{name}", earlier.get(name)
        found[name] = _metadata_text(value, key)
    return Record(item_id, text, reference_date, Metadata(id=item_id, **found))


def unknown_keys(item: Mapping[Any, Any]) -> list[str]:
    """The keys of a record that milinc does not read (see :data:`RECORD_KEYS`), in their order."""
    return [str(key) for key in item if key not in RECORD_KEYS]


def to_record(item: Item, position: int, *, default_id: str | None = None) -> Record | ErrorRecord:
    """Turn one input item into a :class:`Record`, or an :class:`ErrorRecord` saying why it cannot be one.

    Args:
        item: a text (``str``, or UTF-8 ``bytes``), an ``(id, text)`` or
            ``(id, text, reference_date)`` sequence, a mapping (see below), a
            :class:`Record`, or an :class:`ErrorRecord`.
        position: the item's 0-based position, its id when it has none.
        default_id: the id of an item that has none, instead of its position
            (``"wires.jsonl:3"``: the file and line it comes from).

    A mapping holds ``"text"`` and optionally ``"id"``; its publication date
    under ``"reference_date"``, ``"date"``, ``"published"`` or
    ``"published_at"`` (the first one given; a date, a ``YYYY-MM-DD`` string or
    a timestamp); and what is known of its source, carried into the
    document's :class:`~milinc.ontology.Metadata`: ``"url"``, ``"outlet"`` (or
    ``"source"``), ``"title"``, ``"author"``. Other keys are ignored (see
    :func:`unknown_keys`). A record with an id (a mapping or a sequence)
    gives its document a :class:`~milinc.ontology.Metadata`; a bare text does not.

    Returns:
        The record; an error record for anything unusable (a missing text, a
        bad date, a string that is not valid Unicode). Never raises.
    """
    if isinstance(item, (Record, ErrorRecord)):
        return item
    fallback_id = str(position) if default_id is None else default_id
    try:
        if isinstance(item, (str, bytes, bytearray)):
            return Record(fallback_id, _text_field(item))
        if isinstance(item, Mapping):
            try:
                item_id = _id_field(item.get("id"), fallback_id)
            except ValueError as exc:
                return ErrorRecord(fallback_id, str(exc), ErrorKind.INVALID_RECORD)
            try:
                return _mapping_record(item, item_id)
            except (ValueError, TypeError) as exc:
                return ErrorRecord(item_id, str(exc), ErrorKind.INVALID_RECORD)
        if isinstance(item, Sequence) and len(item) in (2, 3):
            try:
                item_id = _id_field(item[0], fallback_id)
            except ValueError as exc:
                return ErrorRecord(fallback_id, str(exc), ErrorKind.INVALID_RECORD)
            try:
                ref = _date_field(item[2]) if len(item) == 3 else None
                return Record(item_id, _text_field(item[1]), ref, Metadata(id=item_id))
            except (ValueError, TypeError) as exc:
                return ErrorRecord(item_id, str(exc), ErrorKind.INVALID_RECORD)
        return ErrorRecord(
            fallback_id,
            f"unsupported item of type {type(item).__name__}: expected a text, (id, text[, reference_date]) or a dict",
            ErrorKind.INVALID_RECORD,
        )
    except (ValueError, TypeError) as exc:
        return ErrorRecord(fallback_id, str(exc), ErrorKind.INVALID_RECORD)


def _parse_one(
    parser: Parser,
    record: Record | ErrorRecord,
    default_date: _dt.date | None,
    max_chars: int | None,
    time_budget: float | None = None,
) -> Result:
    if isinstance(record, ErrorRecord):
        return record
    if max_chars is not None and len(record.text) > max_chars:
        # checked here, so that a lower limit needs no parser of its own (building one compiles grammars)
        return ErrorRecord(record.id, str(InputTooLargeError(len(record.text), max_chars)), ErrorKind.TOO_LARGE)
    try:
        reference_date = record.reference_date or default_date
        if time_budget is None:  # a parser_factory's parser may not take time_budget
            doc = parser.parse(record.text, reference_date=reference_date)
        else:
            doc = parser.parse(record.text, reference_date=reference_date, time_budget=time_budget)
        return doc if record.metadata is None else attrs.evolve(doc, metadata=record.metadata)
    except InputTooLargeError as exc:
        return ErrorRecord(record.id, str(exc), ErrorKind.TOO_LARGE)
    except budget.TimeBudgetExceeded as exc:
        return ErrorRecord(record.id, str(exc), ErrorKind.TIME_BUDGET_EXCEEDED)
    except MilincError as exc:
        return ErrorRecord(record.id, str(exc), ErrorKind.INVALID_RECORD)
    except Exception as exc:  # one bad text must not stop a corpus run: report it and go on
        return ErrorRecord(record.id, f"{type(exc).__name__}: {exc}", ErrorKind.PARSE_FAILED)


def _make_parser(max_chars: int | None, parser_factory: Callable[[], Parser] | None) -> Parser:
    if parser_factory is not None:
        return parser_factory()
    if max_chars is None or max_chars <= DEFAULT_MAX_CHARS:
        return shared_parser.default_parser()
    return Parser(max_chars=max_chars)


# --- worker processes -------------------------------------------------------

_worker_parser: Parser | None = None


_STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


def _stop_signals() -> set[Any]:
    import signal

    return {getattr(signal, name) for name in _STOP_SIGNALS if hasattr(signal, name)}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP while workers may be forked (a submission starts them).

    A worker forked while a signal arrives would run the parent's handler
    before :func:`_reset_signals` installs its own: held, the signal waits
    until then (and the parent gets it once the submission is done).
    """
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _stop_signals())
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _reset_signals() -> None:
    """A worker leaves Ctrl-C to its parent (which stops the workers) and dies on SIGTERM and SIGHUP.

    A forked worker would otherwise inherit the handlers of the parent (the
    ``milinc`` command turns SIGTERM into an exception that aborts its outputs).
    The signals held while it was forked (:func:`_signals_held`) are let through
    once its own handlers are in place.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _stop_signals())


def _init_worker(max_chars: int | None, parser_factory: Callable[[], Parser] | None, inherited: Parser | None) -> None:
    global _worker_parser
    _reset_signals()
    _worker_parser = inherited if inherited is not None else _make_parser(max_chars, parser_factory)


def _parse_chunk(
    chunk: list[Record | ErrorRecord],
    default_date: _dt.date | None,
    max_chars: int | None,
    time_budget: float | None = None,
) -> list[Result]:
    assert _worker_parser is not None, "worker not initialized"
    return [_parse_one(_worker_parser, record, default_date, max_chars, time_budget) for record in chunk]


def _chunked(records: Iterator[Record | ErrorRecord], size: int) -> Iterator[list[Record | ErrorRecord]]:
    while chunk := list(itertools.islice(records, size)):
        yield chunk


def _default_context() -> Any:
    """How to start workers: fork when it is safe, else forkserver or spawn.

    A fork starts at once, inherits the compiled grammars and needs nothing importable (scripts
    without a ``__main__`` guard, notebooks, ``python -c`` work). Forking a process that runs other
    threads can deadlock the child on a lock a thread held, so then forkserver (or spawn) is used.
    """
    import multiprocessing  # here, not at the top: `import milinc` need not load multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _in_processes(
    records: Iterator[Record | ErrorRecord],
    jobs: int,
    chunk_size: int,
    default_date: _dt.date | None,
    max_chars: int | None,
    parser_factory: Callable[[], Parser] | None,
    time_budget: float | None = None,
) -> Iterator[tuple[str, Result]]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    max_in_flight = jobs * _CHUNKS_IN_FLIGHT_PER_JOB
    pending: collections.deque[tuple[list[Record | ErrorRecord], Future[list[Result]], ProcessPoolExecutor]] = (
        collections.deque()
    )
    pool: ProcessPoolExecutor | None = None

    # Build the parser here first: a broken configuration (a plugin that does not compile) raises to
    # the caller as with jobs=1, instead of failing every item. Forked workers inherit it as it is;
    # forkserver/spawn workers build their own.
    parser = _make_parser(max_chars, parser_factory)

    # Chosen once, now: a pool's own manager thread must not turn the pools that replace a broken one
    # into forkserver pools (slow to start, and unable to start at all from `python -`).
    context = _default_context()
    inherited = parser if context.get_start_method() == "fork" else None

    def live_pool() -> ProcessPoolExecutor:
        nonlocal pool
        if pool is None:
            pool = ProcessPoolExecutor(
                jobs, mp_context=context, initializer=_init_worker, initargs=(max_chars, parser_factory, inherited)
            )
        return pool

    def drop_pool(broken: ProcessPoolExecutor | None = None) -> None:
        # a broken pool accepts no more work: the next submission gets a fresh one (a pool that
        # broke earlier and was already replaced is left alone)
        nonlocal pool
        if pool is not None and (broken is None or broken is pool):
            # waiting is quick for a broken pool, and the next fork then sees no leftover thread
            pool.shutdown(wait=True, cancel_futures=True)
            pool = None

    # Items of a chunk whose worker died are parsed again in a pool of one worker where nothing else
    # runs: a death there is the fault of what it was given, never of another chunk's item.
    retry_pool: ProcessPoolExecutor | None = None

    def run_alone(items: list[Record | ErrorRecord]) -> list[Result] | None:
        """Parse *items* in the retry worker; ``None`` when that worker died on them."""
        nonlocal retry_pool
        if retry_pool is None:
            retry_pool = ProcessPoolExecutor(
                1, mp_context=context, initializer=_init_worker, initargs=(max_chars, parser_factory, inherited)
            )
        try:
            with _signals_held():
                future = retry_pool.submit(_parse_chunk, items, default_date, max_chars, time_budget)
            return future.result()
        except BrokenProcessPool:
            retry_pool.shutdown(wait=True, cancel_futures=True)
            retry_pool = None
            return None

    def one_by_one(chunk: list[Record | ErrorRecord]) -> list[Result]:
        results: list[Result] = []
        for record in chunk:
            try:
                alone = run_alone([record])
            except Exception as exc:  # e.g. a result that cannot be pickled back
                results.append(ErrorRecord(record.id, f"{type(exc).__name__}: {exc}", ErrorKind.PARSE_FAILED))
                continue
            if alone is None:
                results.append(
                    ErrorRecord(record.id, "the worker process died on this text", ErrorKind.WORKER_DIED)
                )
            else:
                results.extend(alone)
        return results

    def rescue(chunk: list[Record | ErrorRecord]) -> list[Result]:
        """The results of a chunk that failed in the shared pool: again as a whole, then item by item."""
        try:
            again = run_alone(chunk)
        except Exception:
            again = None
        return again if again is not None else one_by_one(chunk)

    def collect(
        chunk: list[Record | ErrorRecord], future: Future[list[Result]], owner: ProcessPoolExecutor
    ) -> Iterator[tuple[str, Result]]:
        try:
            results = future.result()
        except Exception as exc:
            # A dead worker breaks the whole pool and every chunk in flight: their items are parsed
            # again apart, so that only an item that kills a worker on its own fails.
            if isinstance(exc, BrokenProcessPool):
                drop_pool(owner)
            results = rescue(chunk)
        yield from zip((r.id for r in chunk), results)

    try:
        for chunk in _chunked(records, chunk_size):
            try:
                owner = live_pool()
                with _signals_held():
                    future = owner.submit(_parse_chunk, chunk, default_date, max_chars, time_budget)
            except BrokenProcessPool:  # the pool broke between two chunks
                drop_pool()
                owner = live_pool()
                with _signals_held():
                    future = owner.submit(_parse_chunk, chunk, default_date, max_chars, time_budget)
            pending.append((chunk, future, owner))
            while len(pending) >= max_in_flight:
                yield from collect(*pending.popleft())
        while pending:
            yield from collect(*pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if retry_pool is not None:
            retry_pool.shutdown(wait=True, cancel_futures=True)


def _records(items: Iterable[Item]) -> Iterator[Record | ErrorRecord]:
    """The items as records, with a warning the first time each unknown mapping key is met."""
    warned: set[str] = set()
    for position, item in enumerate(items):
        if isinstance(item, Mapping):
            for key in unknown_keys(item):
                if key not in warned:
                    warned.add(key)
                    warnings.warn(
                        f"record key {key!r} is not read by milinc and is ignored (item {position}); "
                        f"the keys read are {', '.join(sorted(RECORD_KEYS))}",
                        MilincWarning,
                        stacklevel=3,
                    )
        yield to_record(item, position)


def parse_records(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    reference_date: _dt.date | _dt.datetime | str | None = None,
    max_chars: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    parser_factory: Callable[[], Parser] | None = None,
    time_budget: float | None = None,
) -> Iterator[tuple[str, Result]]:
    """Parse many items and yield ``(id, result)`` pairs, in input order.

    Same arguments as :func:`parse_many`; the id is the item's own, or its
    0-based position for a bare text.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise TypeError(f"jobs must be an int, got {type(jobs).__name__}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, got {chunk_size}")
    reference_date = as_reference_date(reference_date)
    time_budget = budget._valid(time_budget)
    workers = (os.cpu_count() or 1) if jobs <= 0 else jobs
    records = _records(items)
    if workers == 1:
        parser = _make_parser(max_chars, parser_factory)
        for record in records:
            yield record.id, _parse_one(parser, record, reference_date, max_chars, time_budget)
        return
    yield from _in_processes(records, workers, chunk_size, reference_date, max_chars, parser_factory, time_budget)


def parse_many(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    reference_date: _dt.date | _dt.datetime | str | None = None,
    max_chars: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    parser_factory: Callable[[], Parser] | None = None,
    time_budget: float | None = None,
) -> Iterator[Result]:
    """Parse many texts or records; yield one result per item, in input order.

    Args:
        items: any iterable (a generator too) of texts or records: see
            :func:`to_record` for the accepted forms.
        jobs: worker processes; 1 (the default) parses in this process,
            0 or less uses one per CPU.
        reference_date: the publication date of items that give none: a
            date, a datetime or an ISO 8601 string, as :func:`milinc.parse`
            takes (see :mod:`milinc.reference_dates`).
        max_chars: the input limit (default: the parser's); a longer text
            yields an :class:`ErrorRecord` of kind ``too_large``.
        chunk_size: items per task sent to a worker.
        parser_factory: builds the parser (e.g. with plugins); with
            ``jobs > 1`` it must be picklable (a module-level function),
            and each worker calls it once.
        time_budget: seconds each item's parse may take, or ``None`` for no
            limit (see :mod:`milinc.budget`); an item past it yields an
            :class:`ErrorRecord` of kind ``time_budget_exceeded`` and the run
            goes on.

    Yields:
        A :class:`~milinc.ontology.Document` per parsed item, an
        :class:`ErrorRecord` (id, reason, kind) per item that could not be
        parsed. A bad item never raises.

    Raises:
        TypeError: *jobs* or *reference_date* has the wrong type (a usage
            error, raised when iteration starts).
        InvalidInputError: *reference_date* is a string that is not a date.
        ValueError: *time_budget* is not a positive number of seconds.
        PluginError: the parser cannot be built (a broken plugin); whatever
            *parser_factory* raises is raised too, once, before any item is parsed.

    Warns:
        MilincWarning: an item is a mapping with a key milinc does not read
            (see :data:`RECORD_KEYS`): once per key and call.
    """
    for _, result in parse_records(
        items,
        jobs=jobs,
        reference_date=reference_date,
        max_chars=max_chars,
        chunk_size=chunk_size,
        parser_factory=parser_factory,
        time_budget=time_budget,
    ):
        yield result
