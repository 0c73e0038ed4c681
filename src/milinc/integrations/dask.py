"""Parse corpora with Dask, on one machine or a ``dask.distributed`` cluster (``pip install 'milinc[dask]'``).

>>> import dask.bag as db
>>> from milinc.integrations.dask import parse_bag, incidents_bag
>>> records = db.from_sequence([{"id": "a", "text": "Hier, deux drones ont frappé Kiev."}], npartitions=1)
>>> [doc_id for doc_id, result in parse_bag(records).compute()]
['a']

Each partition is parsed in one task with the worker's own parser, built once
per worker process. Results are the same as :func:`milinc.parse_records`
gives: ``(id, Document)`` or ``(id, ErrorRecord)``, never an exception for a
bad item; the incident tables have the columns of
:data:`milinc.export.INCIDENT_COLUMNS`, error rows included.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..batch import (
    ErrorKind,
    ErrorRecord,
    Item,
    Record,
    Result,
    _date_field,
    _text_field,
    is_missing,
    parse_records,
    to_record,
)
from ..export import Row, rows_for, rows_to_frame
from ..pipeline import Parser

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["incidents_bag", "incidents_dataframe", "parse_bag"]


@functools.lru_cache(maxsize=8)
def _worker_parser(max_chars: int | None, parser_factory: Callable[[], Parser] | None) -> Parser:
    # one parser per worker process and configuration: grammars compile once, not once per partition
    from ..batch import _make_parser

    return _make_parser(max_chars, parser_factory)


def _parse_items(
    items: Iterable[Item],
    partition: int,
    reference_date: _dt.date | None,
    max_chars: int | None,
    parser_factory: Callable[[], Parser] | None,
) -> list[tuple[str, Result]]:
    parser = _worker_parser(max_chars, parser_factory)
    # an item without an id is known by its position: prefixed by the partition, so that ids stay unique
    records = (
        to_record(item, position, default_id=f"{partition}:{position}") for position, item in enumerate(items)
    )
    return list(
        parse_records(records, reference_date=reference_date, max_chars=max_chars, parser_factory=lambda: parser)
    )


def parse_bag(
    bag: dask.bag.Bag,
    *,
    reference_date: _dt.date | None = None,
    max_chars: int | None = None,
    parser_factory: Callable[[], Parser] | None = None,
) -> dask.bag.Bag:
    """Parse a bag of texts or records into a bag of ``(id, Document | ErrorRecord)`` pairs.

    Args:
        bag: items as :func:`milinc.batch.to_record` accepts (dicts
            ``{"id", "text", "reference_date"}``, ``(id, text[, date])``
            tuples, texts); an item without an id (a bare text, a dict
            without ``"id"``) gets the id ``"<partition>:<position>"``.
        reference_date: the publication date of items that give none.
        max_chars: the input limit (a longer text gives an error record).
        parser_factory: builds the parser (e.g. with plugins); must be
            picklable for a distributed cluster; called once per worker.

    Returns:
        A lazy bag, in the input's order.
    """
    import dask
    import dask.bag as db

    parts = bag.to_delayed()
    parse = dask.delayed(_parse_items, pure=True)
    return db.from_delayed(
        [parse(part, index, reference_date, max_chars, parser_factory) for index, part in enumerate(parts)]
    )


def incidents_bag(
    bag: dask.bag.Bag,
    *,
    reference_date: _dt.date | None = None,
    max_chars: int | None = None,
    parser_factory: Callable[[], Parser] | None = None,
) -> dask.bag.Bag:
    """Parse a bag like :func:`parse_bag` and flatten it into incident rows (dicts, error rows included)."""
    parsed = parse_bag(bag, reference_date=reference_date, max_chars=max_chars, parser_factory=parser_factory)
    return parsed.map(lambda pair: rows_for(pair[0], pair[1])).flatten()


def _cell_date(value: Any) -> _dt.date | None:
    return None if is_missing(value) else _date_field(value)


def _frame_records(
    frame: pd.DataFrame, text_column: str, id_column: str | None, date_column: str | None
) -> Iterator[Record | ErrorRecord]:
    ids = frame.index if id_column is None else frame[id_column]
    dates: Iterable[Any] = frame[date_column] if date_column else [None] * len(frame)
    for index, doc_id, text, date in zip(frame.index, ids, frame[text_column], dates):
        item_id = f"index:{index}" if is_missing(doc_id) else str(doc_id)  # no "nan" id shared by many rows
        try:
            yield Record(item_id, _text_field(text), _cell_date(date))
        except ValueError as exc:
            yield ErrorRecord(item_id, str(exc), ErrorKind.INVALID_RECORD)


def _partition_incidents(
    frame: pd.DataFrame,
    text_column: str,
    id_column: str | None,
    date_column: str | None,
    reference_date: _dt.date | None,
    max_chars: int | None,
    parser_factory: Callable[[], Parser] | None,
) -> pd.DataFrame:
    parser = _worker_parser(max_chars, parser_factory)
    rows: list[Row] = []
    records = _frame_records(frame, text_column, id_column, date_column)
    results = parse_records(records, reference_date=reference_date, max_chars=max_chars, parser_factory=lambda: parser)
    for doc_id, result in results:
        rows.extend(rows_for(doc_id, result))
    return rows_to_frame(rows)


def incidents_dataframe(
    ddf: dask.dataframe.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    date_column: str | None = None,
    reference_date: _dt.date | None = None,
    max_chars: int | None = None,
    parser_factory: Callable[[], Parser] | None = None,
) -> dask.dataframe.DataFrame:
    """Parse a dataframe of texts into a dataframe of incidents, one row per incident.

    Args:
        ddf: one row per document.
        text_column: the column holding the article text.
        id_column: the column holding the document id (``None``: the index).
        date_column: the column holding each document's publication date
            (a date, a ``YYYY-MM-DD`` string or a timestamp; empty means none),
            or ``None``.
        reference_date: the publication date of documents that give none.
        max_chars: the input limit (a longer text gives an error row).
        parser_factory: builds the parser; must be picklable for a cluster.

    Returns:
        A lazy dataframe with the :data:`milinc.export.INCIDENT_COLUMNS`;
        a document that could not be parsed has one row with ``error`` set.
    """
    missing = [c for c in (text_column, id_column, date_column) if c is not None and c not in ddf.columns]
    if missing:
        raise KeyError(f"no such column: {', '.join(missing)}")
    return ddf.map_partitions(
        _partition_incidents,
        text_column,
        id_column,
        date_column,
        reference_date,
        max_chars,
        parser_factory,
        meta=rows_to_frame([]),
        align_dataframes=False,
    )
