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
import datetime as _dt
import enum
import itertools
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from attrs import field, frozen
from attrs import validators as v

from .errors import InputTooLargeError, MilincError
from .ontology import Document
from .pipeline import DEFAULT_MAX_CHARS, Parser

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ErrorKind",
    "ErrorRecord",
    "Item",
    "Record",
    "Result",
    "is_missing",
    "parse_many",
    "parse_records",
    "to_record",
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


def _date_field(value: Any) -> _dt.date | None:
    if is_missing(value):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
        try:  # a timestamp ("2024-03-05 10:00:00", "2024-03-05T10:00:00+01:00") dates its day
            return _dt.datetime.fromisoformat(value).date()
        except ValueError:
            raise ValueError(f"reference_date is not a date in YYYY-MM-DD form: {value!r}") from None
    raise ValueError(f"reference_date must be a date or a YYYY-MM-DD string, got {type(value).__name__}")


def _text_field(value: Any) -> str:
    if isinstance(value, str):
        return value
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
    return fallback if is_missing(value) else str(value).strip()


def to_record(item: Item, position: int) -> Record | ErrorRecord:
    """Turn one input item into a :class:`Record`, or an :class:`ErrorRecord` saying why it cannot be one.

    Args:
        item: a text (``str``, or UTF-8 ``bytes``), an ``(id, text)`` or
            ``(id, text, reference_date)`` sequence, a mapping with ``"text"``
            and optional ``"id"`` and ``"reference_date"`` keys (other keys are
            ignored), a :class:`Record`, or an :class:`ErrorRecord`.
        position: the item's 0-based position, its id when it has none.

    Returns:
        The record; an error record for anything unusable. Never raises.
    """
    if isinstance(item, (Record, ErrorRecord)):
        return item
    fallback_id = str(position)
    try:
        if isinstance(item, (str, bytes, bytearray)):
            return Record(fallback_id, _text_field(item))
        if isinstance(item, Mapping):
            item_id = _id_field(item.get("id"), fallback_id)
            try:
                if "text" not in item:
                    raise ValueError("missing field 'text'")
                return Record(item_id, _text_field(item["text"]), _date_field(item.get("reference_date")))
            except (ValueError, TypeError) as exc:
                return ErrorRecord(item_id, str(exc), ErrorKind.INVALID_RECORD)
        if isinstance(item, Sequence) and len(item) in (2, 3):
            item_id = _id_field(item[0], fallback_id)
            try:
                ref = _date_field(item[2]) if len(item) == 3 else None
                return Record(item_id, _text_field(item[1]), ref)
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
    parser: Parser, record: Record | ErrorRecord, default_date: _dt.date | None, max_chars: int | None
) -> Result:
    if isinstance(record, ErrorRecord):
        return record
    if max_chars is not None and len(record.text) > max_chars:
        # checked here, so that a lower limit needs no parser of its own (building one compiles grammars)
        return ErrorRecord(record.id, str(InputTooLargeError(len(record.text), max_chars)), ErrorKind.TOO_LARGE)
    try:
        return parser.parse(record.text, reference_date=record.reference_date or default_date)
    except InputTooLargeError as exc:
        return ErrorRecord(record.id, str(exc), ErrorKind.TOO_LARGE)
    except MilincError as exc:
        return ErrorRecord(record.id, str(exc), ErrorKind.INVALID_RECORD)
    except Exception as exc:  # one bad text must not stop a corpus run: report it and go on
        return ErrorRecord(record.id, f"{type(exc).__name__}: {exc}", ErrorKind.PARSE_FAILED)


def _make_parser(max_chars: int | None, parser_factory: Callable[[], Parser] | None) -> Parser:
    if parser_factory is not None:
        return parser_factory()
    if max_chars is None or max_chars <= DEFAULT_MAX_CHARS:
        from . import default_parser

        return default_parser()
    return Parser(max_chars=max_chars)


# --- worker processes -------------------------------------------------------

_worker_parser: Parser | None = None


def _reset_signals() -> None:
    """A worker leaves Ctrl-C to its parent (which stops the workers) and dies on SIGTERM and SIGHUP.

    A forked worker would otherwise inherit the handlers of the parent (the
    ``milinc`` command turns SIGTERM into an exception that aborts its outputs).
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)


def _init_worker(max_chars: int | None, parser_factory: Callable[[], Parser] | None, inherited: Parser | None) -> None:
    global _worker_parser
    _reset_signals()
    _worker_parser = inherited if inherited is not None else _make_parser(max_chars, parser_factory)


def _parse_chunk(
    chunk: list[Record | ErrorRecord], default_date: _dt.date | None, max_chars: int | None
) -> list[Result]:
    assert _worker_parser is not None, "worker not initialized"
    return [_parse_one(_worker_parser, record, default_date, max_chars) for record in chunk]


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

    def alone(record: Record | ErrorRecord) -> Result:
        """Parse one item in a worker of its own, so that a worker death is charged to that item only."""
        try:
            return live_pool().submit(_parse_chunk, [record], default_date, max_chars).result()[0]
        except BrokenProcessPool as exc:
            drop_pool()
            return ErrorRecord(record.id, f"the worker process died on this text: {exc}", ErrorKind.WORKER_DIED)
        except Exception as exc:  # e.g. a result that cannot be pickled back
            return ErrorRecord(record.id, f"{type(exc).__name__}: {exc}", ErrorKind.PARSE_FAILED)

    def collect(
        chunk: list[Record | ErrorRecord], future: Future[list[Result]], owner: ProcessPoolExecutor
    ) -> Iterator[tuple[str, Result]]:
        try:
            results = future.result()
        except Exception as exc:
            # A dead worker breaks the whole pool and every chunk in flight: retry their items one
            # at a time in a fresh pool, so that only the item that kills a worker fails.
            if isinstance(exc, BrokenProcessPool):
                drop_pool(owner)
            results = [alone(record) for record in chunk]
        yield from zip((r.id for r in chunk), results)

    try:
        for chunk in _chunked(records, chunk_size):
            try:
                owner = live_pool()
                future = owner.submit(_parse_chunk, chunk, default_date, max_chars)
            except BrokenProcessPool:  # the pool broke between two chunks
                drop_pool()
                owner = live_pool()
                future = owner.submit(_parse_chunk, chunk, default_date, max_chars)
            pending.append((chunk, future, owner))
            while len(pending) >= max_in_flight:
                yield from collect(*pending.popleft())
        while pending:
            yield from collect(*pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def parse_records(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    reference_date: _dt.date | None = None,
    max_chars: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    parser_factory: Callable[[], Parser] | None = None,
) -> Iterator[tuple[str, Result]]:
    """Parse many items and yield ``(id, result)`` pairs, in input order.

    Same arguments as :func:`parse_many`; the id is the item's own, or its
    0-based position for a bare text.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise TypeError(f"jobs must be an int, got {type(jobs).__name__}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, got {chunk_size}")
    if reference_date is not None and (
        not isinstance(reference_date, _dt.date) or isinstance(reference_date, _dt.datetime)
    ):
        raise TypeError(f"reference_date must be a datetime.date or None, got {type(reference_date).__name__}")
    workers = (os.cpu_count() or 1) if jobs <= 0 else jobs
    records = (to_record(item, position) for position, item in enumerate(items))
    if workers == 1:
        parser = _make_parser(max_chars, parser_factory)
        for record in records:
            yield record.id, _parse_one(parser, record, reference_date, max_chars)
        return
    yield from _in_processes(records, workers, chunk_size, reference_date, max_chars, parser_factory)


def parse_many(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    reference_date: _dt.date | None = None,
    max_chars: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    parser_factory: Callable[[], Parser] | None = None,
) -> Iterator[Result]:
    """Parse many texts or records; yield one result per item, in input order.

    Args:
        items: any iterable (a generator too) of texts or records: see
            :func:`to_record` for the accepted forms.
        jobs: worker processes; 1 (the default) parses in this process,
            0 or less uses one per CPU.
        reference_date: the publication date of items that give none.
        max_chars: the input limit (default: the parser's); a longer text
            yields an :class:`ErrorRecord` of kind ``too_large``.
        chunk_size: items per task sent to a worker.
        parser_factory: builds the parser (e.g. with plugins); with
            ``jobs > 1`` it must be picklable (a module-level function),
            and each worker calls it once.

    Yields:
        A :class:`~milinc.ontology.Document` per parsed item, an
        :class:`ErrorRecord` (id, reason, kind) per item that could not be
        parsed. A bad item never raises.

    Raises:
        TypeError: *jobs* or *reference_date* has the wrong type (a usage
            error, raised when iteration starts).
        PluginError: the parser cannot be built (a broken plugin); whatever
            *parser_factory* raises is raised too, once, before any item is parsed.
    """
    for _, result in parse_records(
        items,
        jobs=jobs,
        reference_date=reference_date,
        max_chars=max_chars,
        chunk_size=chunk_size,
        parser_factory=parser_factory,
    ):
        yield result
