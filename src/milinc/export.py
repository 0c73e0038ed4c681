"""Incident tables (ACLED-like rows) and document streams, with writers and readers.

One row per incident; the columns are :data:`INCIDENT_COLUMNS`:

| column | what it holds |
|---|---|
| ``event_id`` | ``<document_id>:<n>``, *n* counting the document's incidents from 1 |
| ``document_id`` | the id of the document the incident comes from |
| ``event_date`` | TIMEX3 value of the incident's date (``2021-06-28``, ``2021-06``…) |
| ``event_type`` | ACLED event type (``explosions_remote_violence``…) |
| ``sub_event_type`` | ACLED sub-event type (``air_drone_strike``…) |
| ``country`` | ISO 3166 alpha-2 code |
| ``location`` | the most specific named place |
| ``weapons`` | weapon categories joined by ``;`` (``drone;missile``) |
| ``killed``, ``injured`` | best figures (integers; 0 when the text says none) |
| ``attacker``, ``target`` | the words that name them |
| ``modality`` | ``asserted``, ``reported``, ``alleged`` or ``denied`` |
| ``source`` | who reports it |
| ``evidence_text`` | the sentence of the incident's first mention, on one line |
| ``killed_qualifier``, ``injured_qualifier`` | how the figures are stated (``exact``, ``at_least``…) |
| ``error`` | set only on the row of a document that could not be parsed |
| ``outlet``, ``url``, ``title``, ``author`` | the document's source, from its metadata (a record's fields) |

Empty cells are ``None``. A document that could not be parsed is never
dropped: it has one row whose ``event_id`` is ``None`` and whose ``error``
says why. A document without incidents has no row.

The three table formats (CSV, Parquet, JSON Lines) reload to the same rows,
with the same types. pandas and pyarrow are optional: ``pip install pandas
pyarrow`` (or, in a milinc checkout, ``pip install -e '.[corpora]'``).

Every writer writes to a temporary file beside its target and renames it into
place when it is closed (:mod:`milinc.outputs`): an error or an interruption
leaves the target as it was. In CSV, a text cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a ``'`` in front, so that
a spreadsheet shows it instead of running it as a formula (CSV injection);
numbers are never changed, and :func:`read_incidents` removes the quote.
``escape_formulas=False`` (``milinc parse --csv-formulas raw``) writes the raw
text.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias, cast

from .batch import ErrorKind, ErrorRecord, Result
from .contract import to_contract
from .errors import InvalidInputError, OutputError, install_hint
from .ontology import Casualties, Document, Event
from .outputs import OutputFile, open_output
from .segment import split_sentences
from .serialization import from_dict, to_dict

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FORMULA_TRIGGERS",
    "INCIDENT_COLUMNS",
    "INTEGER_COLUMNS",
    "CsvIncidentWriter",
    "IncidentWriter",
    "JsonlIncidentWriter",
    "OutputTarget",
    "ParquetIncidentWriter",
    "TableFormat",
    "document_line",
    "error_row",
    "escape_formula",
    "incident_rows",
    "open_incident_writer",
    "read_documents_jsonl",
    "read_incidents",
    "result_from_line",
    "rows_for",
    "rows_to_frame",
    "to_frame",
    "unescape_formula",
]

INCIDENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "document_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "country",
    "location",
    "weapons",
    "killed",
    "injured",
    "attacker",
    "target",
    "modality",
    "source",
    "evidence_text",
    "killed_qualifier",
    "injured_qualifier",
    "error",
    "outlet",
    "url",
    "title",
    "author",
)
"""The columns of an incident table, in order."""

INTEGER_COLUMNS: frozenset[str] = frozenset({"killed", "injured"})
"""Columns holding integers; every other column holds strings."""

WEAPON_SEPARATOR = ";"
"""Joins the weapon categories of one incident in the ``weapons`` cell."""

EVIDENCE_MAX_CHARS = 1000
"""Evidence longer than this is cut around the trigger (a text without sentence punctuation)."""

TableFormat = Literal["csv", "parquet", "jsonl"]
"""The incident table formats."""

Row = dict[str, Any]
"""One incident-table row: column name to value (``str``, ``int`` or ``None``)."""


# --- rows -------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


_SENTENCE_END = frozenset('.!?…»"”')


def _soft_break(text: str, end: int, next_start: int) -> bool:
    """A hard-wrapped line inside a sentence: one line break, no closing punctuation before it."""
    gap = text[end:next_start]
    return gap.count("\n") == 1 and text[end - 1] not in _SENTENCE_END


def _evidence(doc: Document, event: Event, sentence_bounds: list[tuple[int, int]]) -> str:
    start, end = event.span.start, event.span.end
    for i, (s_start, s_end) in enumerate(sentence_bounds):
        if s_start <= start < s_end:
            first = last = i
            # a sentence split by a hard line wrap is still one sentence
            while first > 0 and _soft_break(doc.text, sentence_bounds[first - 1][1], sentence_bounds[first][0]):
                first -= 1
            while last + 1 < len(sentence_bounds) and _soft_break(
                doc.text, sentence_bounds[last][1], sentence_bounds[last + 1][0]
            ):
                last += 1
            start, end = sentence_bounds[first][0], max(end, sentence_bounds[last][1])
            break
    if end - start > EVIDENCE_MAX_CHARS:
        middle = (event.span.start + event.span.end) // 2
        start = max(start, middle - EVIDENCE_MAX_CHARS // 2)
        end = min(end, start + EVIDENCE_MAX_CHARS)
    return _one_line(doc.text[start:end])


def _count(c: Casualties | None) -> int | None:
    return None if c is None else c.value


def _qualifier(c: Casualties | None) -> str | None:
    return None if c is None else c.qualifier.value


def incident_rows(doc: Document, document_id: str) -> list[Row]:
    """The document's incidents as table rows (see :data:`INCIDENT_COLUMNS`).

    Args:
        doc: a parsed document.
        document_id: the id the rows carry (and their ``event_id`` is built from).

    Returns:
        One row per event of *doc*, in the document's order; empty when it has none.
    """
    if not doc.events:
        return []
    bounds = [(s.start, s.end) for s in split_sentences(doc.text)]
    meta = doc.metadata
    source = {
        "outlet": meta.outlet if meta else None,
        "url": meta.url if meta else None,
        "title": meta.title if meta else None,
        "author": meta.author if meta else None,
    }
    rows: list[Row] = []
    for n, event in enumerate(doc.events, 1):
        rows.append(
            {
                "event_id": f"{document_id}:{n}",
                "document_id": document_id,
                "event_date": event.date.value if event.date else None,
                "event_type": event.event_type.value,
                "sub_event_type": event.sub_event_type.value,
                "country": event.country,
                "location": event.location.name if event.location else None,
                "weapons": WEAPON_SEPARATOR.join(w.value for w in event.weapons) or None,
                "killed": _count(event.killed),
                "injured": _count(event.injured),
                "attacker": _one_line(event.attacker.span.text) if event.attacker else None,
                "target": _one_line(event.target.span.text) if event.target else None,
                "modality": event.modality.value,
                "source": event.source.name if event.source else None,
                "evidence_text": _evidence(doc, event, bounds),
                "killed_qualifier": _qualifier(event.killed),
                "injured_qualifier": _qualifier(event.injured),
                "error": None,
                **source,
            }
        )
    return rows


def error_row(error: ErrorRecord) -> Row:
    """The row that stands for a document that could not be parsed."""
    row: Row = dict.fromkeys(INCIDENT_COLUMNS)
    row["document_id"] = error.id
    row["error"] = f"{error.kind.value}: {error.reason}"
    return row


def rows_for(document_id: str, result: Result) -> list[Row]:
    """The rows of one parse result: its incidents, or its error row."""
    if isinstance(result, ErrorRecord):
        return [error_row(result)]
    return incident_rows(result, document_id)


# --- writers ----------------------------------------------------------------

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet read a CSV cell as a formula (OWASP's list)."""


def _looks_like_formula(cell: str) -> bool:
    # quotes before a trigger count too ("'=x" becomes "''=x"), so that escaping can be undone exactly
    stripped = cell.lstrip("'")
    return bool(stripped) and stripped[0] in FORMULA_TRIGGERS


def escape_formula(cell: str) -> str:
    """A text cell made safe to open in a spreadsheet: ``'`` before a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return.

    A cell made of quotes before such a character gets one more quote, so that
    :func:`unescape_formula` gives every cell back exactly.

    >>> escape_formula('=HYPERLINK("http://x")'), escape_formula("-12"), escape_formula("Kiev")
    ('\'=HYPERLINK("http://x")', "'-12", 'Kiev')
    """
    return "'" + cell if _looks_like_formula(cell) else cell


def unescape_formula(cell: str) -> str:
    """Undo :func:`escape_formula` (a cell it did not change is returned unchanged)."""
    return cell[1:] if cell.startswith("'") and _looks_like_formula(cell[1:]) else cell


class IncidentWriter(Protocol):
    """Writes incident rows to a file as they come (constant memory), whole or not at all."""

    path: Path
    """The file written (as it was named)."""

    def write_rows(self, rows: Iterable[Row]) -> None:
        """Append *rows*.

        Raises:
            OutputError: the write failed (the output is then given up).
        """

    def close(self) -> None:
        """Finish the file and put it in place (a table with no row still gets its header or schema).

        Raises:
            OutputError: the file could not be finished.
        """

    def abort(self) -> None:
        """Give the file up: what was written is removed and the path left as it was."""

    def __enter__(self) -> IncidentWriter:
        """Return the writer itself."""

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close the writer, or abort it if the block raised."""


OutputTarget: TypeAlias = "str | os.PathLike[str] | OutputFile"
"""Where a writer writes: a path (``-`` for standard output), or an output already opened (:mod:`milinc.outputs`)."""


def _as_output(target: OutputTarget, *, binary: bool = False, newline: str | None = None) -> OutputFile:
    if isinstance(target, OutputFile):
        return target
    return open_output(target, binary=binary, newline=newline)


class _WriterBase:
    path: Path
    """The file written (as it was named)."""
    _output: OutputFile

    def write_rows(self, rows: Iterable[Row]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self._output.commit()

    def abort(self) -> None:
        self._output.abort()

    def __enter__(self) -> IncidentWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class CsvIncidentWriter(_WriterBase):
    """Incident rows as CSV (RFC 4180, UTF-8, a header line; ``None`` is an empty cell).

    Text cells that a spreadsheet would run as a formula (starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return) get a ``'`` in front
    (:func:`escape_formula`); integer columns are written as they are.
    :func:`read_incidents` removes the quote again. Pass
    ``escape_formulas=False`` for the raw text.
    """

    def __init__(self, path: OutputTarget, *, escape_formulas: bool = True) -> None:
        """Open *path* for writing (a temporary file until :meth:`close`) and write the header.

        Raises:
            OutputError: it cannot be opened.
        """
        self._output = _as_output(path, newline="")
        self.path = Path(self._output.name)
        """The file written (as it was named)."""
        self._escape = escape_formulas
        self._writer = csv.DictWriter(self._output, fieldnames=INCIDENT_COLUMNS, lineterminator="\n")
        self._writer.writeheader()

    def _cells(self, row: Row) -> Row:
        if not self._escape:
            return row
        return {c: escape_formula(v) if isinstance(v, str) else v for c, v in row.items()}

    def write_rows(self, rows: Iterable[Row]) -> None:
        """Append *rows*."""
        self._writer.writerows(self._cells(row) for row in rows)


class JsonlIncidentWriter(_WriterBase):
    """Incident rows as JSON Lines, one object per row with every column."""

    def __init__(self, path: OutputTarget) -> None:
        """Open *path* for writing (a temporary file until :meth:`close`).

        Raises:
            OutputError: it cannot be opened.
        """
        self._output = _as_output(path)
        self.path = Path(self._output.name)
        """The file written (as it was named)."""

    def write_rows(self, rows: Iterable[Row]) -> None:
        """Append *rows*."""
        for row in rows:
            self._output.write(json.dumps({c: row[c] for c in INCIDENT_COLUMNS}, ensure_ascii=False) + "\n")


def _arrow_schema() -> Any:
    import pyarrow as pa

    return pa.schema([pa.field(c, pa.int64() if c in INTEGER_COLUMNS else pa.string()) for c in INCIDENT_COLUMNS])


_INT64_MAX = 2**63 - 1


class ParquetIncidentWriter(_WriterBase):
    """Incident rows as Parquet, written in row groups of ``batch_rows`` rows (needs pyarrow)."""

    def __init__(self, path: OutputTarget, *, batch_rows: int = 10_000) -> None:
        """Open *path* for writing (a temporary file until :meth:`close`).

        Raises:
            ImportError: pyarrow is not installed (``pip install pyarrow``).
            OutputError: it cannot be opened.
        """
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise ImportError(f"Parquet output needs pyarrow: {install_hint('parquet')}") from exc
        self._output = _as_output(path, binary=True)
        self.path = Path(self._output.name)
        """The file written (as it was named)."""
        self._schema = _arrow_schema()
        try:
            self._writer = pq.ParquetWriter(self._output.stream, self._schema)
        except OSError as exc:
            self._output.abort()
            raise OutputError(self._output.label, str(exc)) from None
        self._batch_rows = batch_rows
        self._buffer: list[Row] = []

    def _flush(self) -> None:
        import pyarrow as pa

        if self._buffer:
            for row in self._buffer:
                for column in INTEGER_COLUMNS:
                    value = row.get(column)
                    if value is not None and not -_INT64_MAX - 1 <= value <= _INT64_MAX:
                        self.abort()
                        raise OutputError(
                            self._output.label, f"{column} = {value} does not fit a Parquet int64 column"
                        )
            try:
                self._writer.write_table(pa.Table.from_pylist(self._buffer, schema=self._schema))
            except OSError as exc:
                self.abort()
                raise OutputError(self._output.label, str(exc)) from None
            self._buffer = []

    def write_rows(self, rows: Iterable[Row]) -> None:
        """Append *rows* (buffered up to a row group)."""
        self._buffer.extend(rows)
        if len(self._buffer) >= self._batch_rows:
            self._flush()

    def close(self) -> None:
        """Write what is buffered, the footer, and put the file in place."""
        self._flush()
        try:
            self._writer.close()
        except OSError as exc:
            self.abort()
            raise OutputError(self._output.label, str(exc)) from None
        self._output.commit()

    def abort(self) -> None:
        """Give the file up (its temporary file is removed)."""
        self._buffer = []
        if not self._output.closed:
            # pyarrow would close its writer when collected, writing to a closed file: close it now
            with contextlib.suppress(Exception):
                self._writer.close()
            self._writer.is_open = False  # even when closing failed (a full disk)
        self._output.abort()


def open_incident_writer(
    path: OutputTarget, table_format: TableFormat, *, escape_formulas: bool = True
) -> IncidentWriter:
    """A writer of incident rows to *path* in *table_format* (``csv``, ``parquet`` or ``jsonl``).

    The file is written to a temporary file beside *path* and renamed into
    place by the writer's ``close()`` (see :mod:`milinc.outputs`); ``abort()``,
    or an exception in a ``with`` block, leaves *path* as it was.

    Args:
        path: the file (``-`` for standard output), or an output opened with :mod:`milinc.outputs`.
        table_format: ``csv``, ``parquet`` or ``jsonl``.
        escape_formulas: CSV only: quote text cells a spreadsheet would run as formulas (see
            :class:`CsvIncidentWriter`).

    Raises:
        ImportError: ``parquet`` without pyarrow installed.
        ValueError: an unknown format.
        OutputError: the file cannot be opened.
    """
    if table_format == "csv":
        return CsvIncidentWriter(path, escape_formulas=escape_formulas)
    if table_format == "jsonl":
        return JsonlIncidentWriter(path)
    if table_format == "parquet":
        return ParquetIncidentWriter(path)
    raise ValueError(f"unknown incident table format {table_format!r}: expected csv, parquet or jsonl")


# --- readers ----------------------------------------------------------------


def _typed(row: Mapping[str, Any], where: str) -> Row:
    out: Row = {}
    for column in INCIDENT_COLUMNS:
        value = row.get(column)
        if value == "" or value is None:
            out[column] = None
        elif column in INTEGER_COLUMNS:
            out[column] = _integer(value, f"{where}: column {column!r}")
        else:
            out[column] = str(value)
    return out


def _integer(value: Any, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("+-").isdecimal():
        return int(value)
    raise InvalidInputError(f"{where}: not an integer: {value!r}")


def _json_object(line: str, where: str) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except RecursionError:
        raise InvalidInputError(f"{where}: malformed JSON: nested too deeply") from None
    except ValueError as exc:
        raise InvalidInputError(f"{where}: malformed JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidInputError(f"{where}: expected a JSON object, got {type(data).__name__}")
    return data


@contextlib.contextmanager
def _reading(path: Path | str) -> Iterator[None]:
    """Undecodable bytes in a file read back: an :class:`InvalidInputError` that names the file."""
    try:
        yield
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"{path}: not valid UTF-8 ({exc.reason})") from None


def _read_csv(path: Path, unescape: bool) -> list[Row]:
    with open(path, encoding="utf-8", newline="") as f, _reading(path):
        rows = csv.DictReader(f)
        if unescape:
            return [
                _typed({c: unescape_formula(v) if isinstance(v, str) else v for c, v in row.items()},
                       f"{path}:{rows.line_num}")
                for row in rows
            ]
        return [_typed(row, f"{path}:{rows.line_num}") for row in rows]


def _read_jsonl(path: Path) -> list[Row]:
    with open(path, encoding="utf-8") as f, _reading(path):
        return [
            _typed(_json_object(line, f"{path}:{number}"), f"{path}:{number}")
            for number, line in enumerate(f, 1)
            if line.strip()
        ]


def _read_parquet(path: Path) -> list[Row]:
    import pyarrow.parquet as pq

    return [_typed(row, f"{path}: row {number}") for number, row in enumerate(pq.read_table(str(path)).to_pylist(), 1)]


def read_incidents(
    path: str | os.PathLike[str], table_format: TableFormat | None = None, *, unescape_formulas: bool = True
) -> list[Row]:
    """Read back an incident table written by this module.

    Args:
        path: the file.
        table_format: ``csv``, ``parquet`` or ``jsonl``; by default guessed from the suffix.
        unescape_formulas: CSV only: remove the quote :func:`escape_formula` put
            before formula-like cells (pass ``False`` for a table written with
            ``escape_formulas=False``).

    Returns:
        The rows, with ``None`` for empty cells and ``int`` in :data:`INTEGER_COLUMNS`.

    Raises:
        InvalidInputError: a line or a cell is not what this module writes
            (malformed JSON, a count that is no integer, bytes that are not
            UTF-8), with the file and line.
        OSError: the file cannot be read.
    """
    path = Path(path)
    fmt = table_format or {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(path.suffix, "jsonl")
    if fmt == "csv":
        return _read_csv(path, unescape_formulas)
    if fmt == "parquet":
        return _read_parquet(path)
    if fmt == "jsonl":
        return _read_jsonl(path)
    raise ValueError(f"unknown incident table format {fmt!r}: expected csv, parquet or jsonl")


# --- document streams --------------------------------------------------------


def document_line(document_id: str, result: Result, *, contract: bool = False) -> dict[str, Any]:
    """One line of a document stream: ``{"id", ...the document...}`` or ``{"id", "error", "error_kind"}``.

    Args:
        document_id: the id to put first.
        result: a document or an error record.
        contract: write the benchmark contract (:func:`milinc.to_contract`)
            instead of the full, reloadable document (:func:`milinc.to_dict`).
    """
    if isinstance(result, ErrorRecord):
        return {"id": document_id, "error": result.reason, "error_kind": result.kind.value}
    body = to_contract(result) if contract else to_dict(result)
    return {"id": document_id, **body}


def result_from_line(line: Mapping[str, Any]) -> tuple[str, Result]:
    """Rebuild ``(id, result)`` from a line written by :func:`document_line` (full form).

    Raises:
        InvalidInputError: the line is no such line (no ``id``, an unknown
            ``error_kind``, an invalid document: see :func:`milinc.from_dict`).
    """
    data = dict(line)
    if "id" not in data:
        raise InvalidInputError("missing field 'id'")
    document_id = str(data.pop("id"))
    if "error" in data:
        try:
            kind = ErrorKind(data.get("error_kind"))
        except ValueError:
            known = ", ".join(k.value for k in ErrorKind)
            raise InvalidInputError(f"unknown error_kind {data.get('error_kind')!r}: expected one of {known}") from None
        return document_id, ErrorRecord(document_id, str(data["error"]), kind)
    return document_id, from_dict(data)


def read_documents_jsonl(source: str | os.PathLike[str] | io.TextIOBase) -> Iterator[tuple[str, Result]]:
    """Stream ``(id, result)`` pairs from a JSON Lines file of documents (``milinc parse --format documents-jsonl``).

    Raises:
        InvalidInputError: a line is not a document line (malformed JSON, not
            an object, an invalid document), or the file is not UTF-8; the
            message names the file and line.
    """
    if isinstance(source, io.TextIOBase):
        name = getattr(source, "name", None)
        prefix = f"{name}:" if isinstance(name, str) else "line "
        with _reading(name if isinstance(name, str) else "input"):
            for number, line in enumerate(source, 1):
                if line.strip():
                    where = f"{prefix}{number}"
                    try:
                        yield result_from_line(_json_object(line, where))
                    except InvalidInputError as exc:
                        message = str(exc)
                        raise InvalidInputError(message if message.startswith(where) else f"{where}: {message}") from None
        return
    with open(source, encoding="utf-8") as f:
        yield from read_documents_jsonl(f)


# --- pandas -----------------------------------------------------------------

_FrameSource: TypeAlias = Document | Iterable[Document] | Iterable[tuple[str, Result]]


def _frame_rows(source: _FrameSource, document_id: str | None) -> Iterator[Row]:
    if isinstance(source, Document):
        yield from incident_rows(source, document_id or "0")
        return
    for position, item in enumerate(cast("Iterable[Document | tuple[str, Result]]", source)):
        if isinstance(item, Document):
            yield from incident_rows(item, str(position))
        else:
            yield from rows_for(item[0], item[1])


def to_frame(source: _FrameSource, *, document_id: str | None = None) -> pd.DataFrame:
    """Incidents as a pandas DataFrame with the :data:`INCIDENT_COLUMNS` (needs pandas).

    Args:
        source: one document, documents (their ids are their positions), or
            ``(id, result)`` pairs as :func:`milinc.parse_records` yields
            (failed documents give an error row).
        document_id: the id of a single document (default ``"0"``).

    Returns:
        A frame with ``string`` columns and nullable ``Int64`` killed/injured.

    Raises:
        ImportError: pandas is not installed (``pip install pandas``).
    """
    return rows_to_frame(list(_frame_rows(source, document_id)))


def rows_to_frame(rows: list[Row]) -> pd.DataFrame:
    """Build the typed incident DataFrame from rows (an empty list gives an empty, typed frame).

    Raises:
        ImportError: pandas is not installed (``pip install pandas``).
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(f"incident frames need pandas: {install_hint('pandas')}") from exc

    frame = pd.DataFrame.from_records(rows, columns=list(INCIDENT_COLUMNS))
    return frame.astype({c: "Int64" if c in INTEGER_COLUMNS else "string" for c in INCIDENT_COLUMNS})
