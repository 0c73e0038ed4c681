"""Parse corpora with Dask, on one machine or a ``dask.distributed`` cluster (needs the ``dask`` extra).

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
    _METADATA_KEYS,
    ErrorKind,
    ErrorRecord,
    Item,
    Record,
    Result,
    _date_field,
    _first_given,
    _metadata_text,
    _text_field,
    is_missing,
    parse_records,
    to_record,
)
from ..export import Row, rows_for, rows_to_frame
from ..ontology import Metadata
from ..pipeline import Parser

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["incidents_bag", "incidents_dataframe", "merged_incidents_bag", "parse_bag"]


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
    time_budget: float | None = None,
) -> list[tuple[str, Result]]:
    parser = _worker_parser(max_chars, parser_factory)
    # an item without an id is known by its position: prefixed by the partition, so that ids stay unique
    records = (
        to_record(item, position, default_id=f"{partition}:{position}") for position, item in enumerate(items)
    )
    return list(
        parse_records(
            records,
            reference_date=reference_date,
            max_chars=max_chars,
            parser_factory=lambda: parser,
            time_budget=time_budget,
        )
    )


def parse_bag(
    bag: dask.bag.Bag,
    *,
    reference_date: _dt.date | None = None,
    max_chars: int | None = None,
    parser_factory: Callable[[], Parser] | None = None,
    time_budget: float | None = None,
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
        time_budget: seconds each item's parse may take (``None``: no
            limit); an item past it gives an error record of kind
            ``time_budget_exceeded``.

    Returns:
        A lazy bag, in the input's order.
    """
    import dask
    import dask.bag as db

    from .. import budget

    budget._valid(time_budget)  # a bad budget is refused here, not in every partition
    parts = bag.to_delayed()
    parse = dask.delayed(_parse_items, pure=True)
    return db.from_delayed(
        [
            parse(part, index, reference_date, max_chars, parser_factory, time_budget)
            for index, part in enumerate(parts)
        ]
    )


def incidents_bag(
    bag: dask.bag.Bag,
    *,
    reference_date: _dt.date | None = None,
    max_chars: int | None = None,
    parser_factory: Callable[[], Parser] | None = None,
    time_budget: float | None = None,
) -> dask.bag.Bag:
    """Parse a bag like :func:`parse_bag` and flatten it into incident rows (dicts, error rows included)."""
    parsed = parse_bag(
        bag, reference_date=reference_date, max_chars=max_chars, parser_factory=parser_factory, time_budget=time_budget
    )
    return parsed.map(lambda pair: rows_for(pair[0], pair[1])).flatten()


def _cell_date(value: Any) -> _dt.date | None:
    return None if is_missing(value) else _date_field(value)


def _frame_records(
    frame: pd.DataFrame, text_column: str, id_column: str | None, date_column: str | None
) -> Iterator[Record | ErrorRecord]:
    ids = frame.index if id_column is None else frame[id_column]
    dates: Iterable[Any] = frame[date_column] if date_column else [None] * len(frame)
    # the source columns a JSON Lines record would have (url, outlet or source, title, author), when present
    sources = [c for _, keys in _METADATA_KEYS for c in keys if c in frame.columns and c != text_column]
    cells: Iterable[dict[str, Any]] = frame[sources].to_dict("records") if sources else ({} for _ in ids)
    for index, doc_id, text, date, cell in zip(frame.index, ids, frame[text_column], dates, cells):
        item_id = f"index:{index}" if is_missing(doc_id) else str(doc_id)  # no "nan" id shared by many rows
        try:
            found: dict[str, str | None] = {}
            for name, keys in _METADATA_KEYS:
                column, value = _first_given(cell, keys)
                found[name] = _metadata_text(value, column)
            yield Record(item_id, _text_field(text), _cell_date(date), Metadata(id=item_id, **found))
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
    time_budget: float | None = None,
) -> pd.DataFrame:
    parser = _worker_parser(max_chars, parser_factory)
    rows: list[Row] = []
    records = _frame_records(frame, text_column, id_column, date_column)
    results = parse_records(
        records,
        reference_date=reference_date,
        max_chars=max_chars,
        parser_factory=lambda: parser,
        time_budget=time_budget,
    )
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
    time_budget: float | None = None,
) -> dask.dataframe.DataFrame:
    """Parse a dataframe of texts into a dataframe of incidents, one row per incident.

    Args:
        ddf: one row per document.
        text_column: the column holding the article text.
        id_column: the column holding the document id (``None``: the index).
        date_column: the column holding each document's publication date
            (a date, a ``YYYY-MM-DD`` string or a timestamp; empty means none),
            or ``None``.

    Columns named ``url``, ``outlet`` (or ``source``), ``title`` and ``author``
    are read as each document's source, as in a JSON Lines record: the rows
    carry them (``outlet``, ``url``, ``title``, ``author``).
        reference_date: the publication date of documents that give none.
        max_chars: the input limit (a longer text gives an error row).
        parser_factory: builds the parser; must be picklable for a cluster.
        time_budget: seconds each document's parse may take (``None``: no
            limit); a document past it gets an error row.

    Returns:
        A lazy dataframe with the :data:`milinc.export.INCIDENT_COLUMNS`;
        a document that could not be parsed has one row with ``error`` set.
    """
    from .. import budget

    missing = [c for c in (text_column, id_column, date_column) if c is not None and c not in ddf.columns]
    if missing:
        raise KeyError(f"no such column: {', '.join(missing)}")
    budget._valid(time_budget)
    return ddf.map_partitions(
        _partition_incidents,
        text_column,
        id_column,
        date_column,
        reference_date,
        max_chars,
        parser_factory,
        time_budget,
        meta=rows_to_frame([]),
        align_dataframes=False,
    )


# --- cross-document merging (see milinc.crossdoc.partitioned) -----------------


def _partition_reports(results: Iterable[Any]) -> list[Any]:
    from ..crossdoc import reports_from

    return list(reports_from(results))


def _partition_terms(reports: Iterable[Any]) -> list[Any]:
    from ..crossdoc.partitioned import count_terms

    return [count_terms(reports)]


def _weights(counts: list[list[Any]]) -> Any:
    from collections import Counter

    from ..crossdoc import TermWeights

    total: Counter[str] = Counter()
    documents = 0
    for part in counts:
        for frequencies, n in part:
            total.update(frequencies)
            documents += n
    return TermWeights(total, documents)


def _by_partition(report: Any, days: int) -> list[tuple[int, Any]]:
    from ..crossdoc.partitioned import partitions_of

    return [(partition, report) for partition in partitions_of(report, days)]


def _link(group: tuple[int, list[tuple[int, Any]]], weights: Any, days: int) -> list[Any]:
    from ..crossdoc.partitioned import link_partition

    partition, items = group
    return link_partition(partition, [report for _, report in items], weights, days)


def _roots(edge_parts: list[list[Any]]) -> tuple[dict[str, str], dict[str, list[Any]]]:
    from ..crossdoc.partitioned import group_roots

    edges = [edge for part in edge_parts for edge in part]
    roots = group_roots(edges)
    by_root: dict[str, list[Any]] = {}
    for edge in edges:
        by_root.setdefault(roots[edge[1]], []).append(edge)
    return roots, by_root


def _finish(group: tuple[str, list[tuple[str, Any]]], groups: Any, weights: Any) -> list[Any]:
    from ..crossdoc.partitioned import finish_group

    root, items = group
    return finish_group([report for _, report in items], groups[1].get(root, []), weights)


def merged_incidents_bag(results: dask.bag.Bag, *, partition_days: int = 7) -> dask.bag.Bag:
    """Merge a bag of parse results across documents: a bag of :class:`~milinc.crossdoc.MergedIncident`.

    The same incidents as :func:`milinc.merge_incidents` gives on the same results (sort them with
    :func:`milinc.crossdoc.incident_order`): reports are linked in time partitions of
    *partition_days* days, each pair in the one partition that owns it, then each linked group is
    split and reconciled in a task of its own (see :mod:`milinc.crossdoc.partitioned`).

    Args:
        results: ``(id, Document | ErrorRecord)`` pairs, as :func:`parse_bag` gives (a document's
            pair must not be split across partitions, which a bag never does), or saved document
            lines (dicts).
        partition_days: the length of a time partition.

    Returns:
        A lazy bag of merged incidents.
    """
    import dask

    reports = results.map_partitions(_partition_reports)
    weights = dask.delayed(_weights)(reports.map_partitions(_partition_terms).to_delayed())
    linked = (
        reports.map(_by_partition, partition_days)
        .flatten()
        .groupby(lambda item: item[0])
        .map(_link, weights, partition_days)
        .flatten()
    )
    groups = dask.delayed(_roots)(linked.to_delayed())
    return (
        reports.map_partitions(lambda part, g: [(g[0].get(r.key, r.key), r) for r in part], groups)
        .groupby(lambda item: item[0])
        .map(_finish, groups, weights)
        .flatten()
    )
