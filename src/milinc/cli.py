"""The ``milinc`` command line.

    milinc parse [options] [FILE | DIR | GLOB | -]... [--jsonl FILE|-]...
    milinc render [options] FILE... [-o page.html]
    milinc schema
    milinc --version

``milinc parse`` reads UTF-8 text files, directories (every ``*.txt`` under
them, recursively, in name order), glob patterns (``'corpus/**/*.txt'``),
standard input (``-``), and JSON Lines files of records (``--jsonl``). It
prints the documents (``--format``) and writes incident tables
(``--incidents-csv``, ``--incidents-parquet``, ``--incidents-jsonl``), ACLED's
table (``--acled-csv``), a GeoJSON collection (``--geojson``) and the incidents
merged across documents (``--merged-incidents``).

Only regular files are read: a FIFO, a device or a link to one is an error
record, never a hang; each real file is read once, however many names or
links reach it, and ``**`` patterns enter each real directory once (a link
loop is walked once). A JSON Lines record is ``{"text", ...}`` with optional
``id`` (``FILE:LINE`` when missing), publication date (``reference_date``,
``date``, ``published`` or ``published_at``: a date, a timestamp or an RFC 2822
date) and source metadata (``url``, ``outlet`` or ``source``, ``title``,
``author``), which the full documents and the incident tables carry; any other
key is ignored with one warning per key. A byte order mark is accepted.

Document formats (``--format``):

| format | what it prints |
|---|---|
| ``text`` | a table for people (the default, unless only incident tables are asked for) |
| ``json`` | the benchmark contract: one JSON object, for one input (a FILE or ``-``) |
| ``contract-jsonl`` | the contract of each document, one JSON object per line, with its ``"id"`` |
| ``documents-jsonl`` | each full document (reloadable: ``milinc.export.read_documents_jsonl``), one per line, with its ``"id"`` |
| ``none`` | nothing (the default when an incident table is written and no ``-o``) |

The old spellings still work, with a deprecation warning: ``--format jsonl``
is ``documents-jsonl``, and ``--format json`` with several inputs is
``contract-jsonl``.

One input (a single FILE or ``-``): ``--format json`` prints one JSON contract
object, as the benchmark expects; bad input prints one line on stderr and
exits with status 2, never a traceback.

Many inputs: a bad item (no such file, a FIFO, undecodable bytes, a malformed
JSON line, a lone surrogate, a missing field, an over-limit text, a parse
longer than ``--time-budget``) becomes an error record ``{"id", "error",
"error_kind"}`` in the document output, a line on stderr, a row with an
``error`` in the incident tables and a line in ``--errors``; the run goes on.

A service that parses text from anywhere bounds the time one text may take
with ``--time-budget SECONDS`` (see ``milinc.budget``): a text whose parse runs
past it gives up with an error record of kind ``time_budget_exceeded``
(``too_large`` is a text over ``--max-chars``, ``invalid_record`` a bad record,
``unreadable`` a file that cannot be read, ``parse_failed`` a bug,
``worker_died`` a worker process that died on it).

Outputs (``-o``, ``--errors`` and every table) are written whole or not
at all: each goes to a temporary file beside it (``.NAME.XXXXXXXX.milinc-tmp``)
that is renamed over ``NAME`` when the run ends well. An error, Ctrl-C, SIGTERM
or SIGHUP removes the temporary files and leaves every ``NAME`` as it was
(only SIGKILL can leave a temporary file behind, never a truncated output).
Standard output (``-``) and special files (``/dev/null``, a FIFO) are written
directly. An output that is also an input, or the same file as another output
(compared by device and inode: ``./x``, links and a redirected standard output
count), is refused before it is written. In CSV tables, a text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a ``'``
in front so that a spreadsheet shows it instead of running it
(``--csv-formulas raw`` turns this off).

Exit status:

| status | meaning |
|---|---|
| 0 | every item was parsed |
| 1 | some items failed (each has its error record); the others were parsed |
| 2 | every item failed, or the command line is wrong (an output that is an input included) |
| 70 | an unexpected error: a bug in milinc, one line on stderr (``MILINC_DEBUG=1`` shows the traceback) |
| 74 | an output could not be written: disk full, ``/dev/full``, no such directory, permission denied |
| 130 | interrupted by Ctrl-C (SIGINT) |
| 143, 129 | stopped by SIGTERM, SIGHUP (128 plus the signal's number) |

70 and 74 are ``EX_SOFTWARE`` and ``EX_IOERR`` of the BSD ``sysexits.h``, so that
scripts can tell a bug and a full disk from items that failed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import json
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from .batch import ErrorRecord, Result, parse_records
from .contract import to_contract
from .crossdoc.output import MergedIncidentsOutput, format_for
from .errors import InvalidInputError, MilincError, OutputConflictError, OutputError, install_hint
from .export import (
    IncidentWriter,
    TableFormat,
    document_line,
    open_incident_writer,
    rows_for,
)
from .inputs import STDIN, Inputs
from .ontology import Document
from .outputs import OutputFile, OutputSet
from .pipeline import DEFAULT_MAX_CHARS
from .reference_dates import as_reference_date
from .schema import json_schema

__all__ = [
    "DEPRECATED_FORMATS",
    "EXIT_BAD_INPUT",
    "EXIT_INTERNAL_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_WRITE_FAILED",
    "FORMATS",
    "build_parser",
    "main",
]

EXIT_OK = 0
"""Every item was parsed."""
EXIT_SOME_FAILED = 1
"""Some items failed (each has an error record); the others were parsed."""
EXIT_BAD_INPUT = 2
"""Every item failed, or the command line is wrong (an output that is an input included)."""
EXIT_INTERNAL_ERROR = 70
"""An unexpected error: a bug in milinc (``EX_SOFTWARE`` in sysexits.h). Please report it."""
EXIT_WRITE_FAILED = 74
"""An output could not be written: disk full, no such directory, permission denied (``EX_IOERR``)."""
EXIT_INTERRUPTED = 130
"""Interrupted by Ctrl-C (SIGINT); SIGTERM gives 143 and SIGHUP 129: 128 plus the signal's number."""

FORMATS: dict[str, str] = {
    "text": "a table for people",
    "json": "the benchmark contract, one JSON object (one input)",
    "contract-jsonl": 'the contract of each document, one per line, with its "id"',
    "documents-jsonl": 'each full, reloadable document, one per line, with its "id"',
    "none": "no document",
}
"""The document formats of ``milinc parse --format`` and what each prints."""

DEPRECATED_FORMATS: dict[str, str] = {"jsonl": "documents-jsonl"}
"""Old format names and the names that replace them (``json`` with several inputs is ``contract-jsonl``)."""


class CliError(Exception):
    """A user error, reported in one line."""


def _reference_date(value: str) -> _dt.date:
    try:
        date = as_reference_date(value, name="--reference-date")
    except InvalidInputError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None
    assert date is not None
    return date


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0, got {number}")
    return number


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds > 0 or seconds == float("inf"):  # NaN fails the first test
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {value!r}")
    return seconds


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(message)


def _add_parse_command(sub: Any) -> None:
    p = sub.add_parser(
        "parse",
        help="parse articles and print what they report",
        description="Parse articles: files, directories (*.txt, recursively), glob patterns, - for "
        "standard input, or JSON Lines records with --jsonl. Exit status: 0 all parsed, 1 some failed, "
        "2 all failed or usage error, 70 internal error, 74 write error.",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="UTF-8 text files, directories (every *.txt under them), glob patterns, or - for standard input",
    )
    p.add_argument(
        "--jsonl",
        action="append",
        default=[],
        metavar="FILE",
        help='JSON Lines of records {"text", "id", "reference_date", "url", "outlet", "title", "author"} '
        "(all but text optional; date, published or published_at also give the reference date); "
        "- for standard input; may be repeated",
    )
    p.add_argument(
        "--reference-date",
        type=_reference_date,
        metavar="YYYY-MM-DD",
        help="publication date to resolve relative dates against, for inputs that give none "
        "(default: a dateline in the text)",
    )
    p.add_argument(
        "--format",
        choices=(*FORMATS, *DEPRECATED_FORMATS),
        default=None,
        metavar="FORMAT",
        help="; ".join(f"{name}: {meaning}" for name, meaning in FORMATS.items())
        + " (default: text, or none when an incident table is written and no -o; "
        "deprecated: jsonl for documents-jsonl, json with several inputs for contract-jsonl)",
    )
    p.add_argument("-o", "--output", metavar="PATH", help="write the documents here instead of standard output")
    p.add_argument("--incidents-csv", metavar="PATH", help="write the incident table as CSV")
    p.add_argument("--incidents-parquet", metavar="PATH", help="write the incident table as Parquet (needs pyarrow)")
    p.add_argument("--incidents-jsonl", metavar="PATH", help="write the incident table as JSON Lines")
    p.add_argument("--acled-csv", metavar="PATH", help="write the incidents as ACLED's table (ACLED's columns, then milinc's)")
    p.add_argument("--geojson", metavar="PATH", help="write the incidents as a GeoJSON FeatureCollection")
    p.add_argument(
        "--merged-incidents",
        metavar="PATH",
        help="merge the incidents across documents (one per real-world incident) and write them here: "
        "CSV or Parquet by the extension, else JSON Lines; with --explain, why each merge",
    )
    p.add_argument("--errors", metavar="PATH", help="also write the error records here, as JSON Lines")
    p.add_argument(
        "--csv-formulas",
        choices=("escape", "raw"),
        default="escape",
        help="escape (default): a CSV text cell starting with =, +, -, @, a tab or a carriage return gets a ' in "
        "front, so that a spreadsheet does not run it as a formula; raw: write the text as it is",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0 = one per CPU)",
    )
    p.add_argument(
        "--max-chars",
        type=_positive_int,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse texts longer than N characters (default {DEFAULT_MAX_CHARS})",
    )
    p.add_argument(
        "--time-budget",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="give up a text whose parse takes longer than SECONDS (an error record of kind "
        "time_budget_exceeded; the run goes on); default: no limit",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no line per failure; the summary only says how many items failed, if any",
    )
    p.add_argument(
        "--progress",
        action="store_true",
        help="show the progress bar even when standard error is not a terminal (needs tqdm)",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="with --format text: say why each event slot has its value; with --merged-incidents: why each merge",
    )


def _add_schema_command(sub: Any) -> None:
    sub.add_parser("schema", help="print the JSON Schema (draft 2020-12) of a serialized document")


def _add_render_command(sub: Any) -> None:
    r = sub.add_parser(
        "render",
        help="write an HTML page showing what milinc read (highlighted values, incident table)",
        description="Write one self-contained HTML page with each article, its dates, counts, weapons and "
        "incident triggers highlighted (the value on hover) and its incidents as a table. Exit status as parse.",
    )
    r.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, directories, glob patterns, or -")
    r.add_argument("-o", "--output", metavar="PATH", help="write the page here (default: standard output)")
    r.add_argument(
        "--reference-date",
        type=_reference_date,
        metavar="YYYY-MM-DD",
        help="publication date for inputs that give none (default: a dateline in the text)",
    )
    r.add_argument("--title", default="What milinc read", help="the page title")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also rendered into the docs' CLI reference)."""
    parser = _ArgumentParser(
        prog="milinc",
        description="Extract dates, counts, weapons and incidents from French military-incident reports.",
    )
    parser.add_argument("--version", action="store_true", help="print milinc's version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_ArgumentParser)
    for add_command in _COMMANDS.values():
        add_command[0](sub)
    return parser


# --- outputs ----------------------------------------------------------------


class _Writable(Protocol):
    def write(self, data: str, /) -> Any: ...


def _print_text(doc: Document, name: str, out: _Writable, explain: bool) -> None:
    ref = doc.reference_date.isoformat() if doc.reference_date else "unknown"
    out.write(f"# {name}  (reference date {ref}, {doc.reference_date_source.value})\n")

    def section(title: str, rows: list[tuple[str, ...]]) -> None:
        out.write(f"\n{title} ({len(rows)})\n")
        if not rows:
            return
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r in rows:
            out.write("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n")

    def quote(text: str) -> str:
        return repr(" ".join(text.split()))

    section("dates", [(f"{d.span.start}-{d.span.end}", d.value, quote(d.span.text)) for d in doc.dates])
    section(
        "quantities",
        [
            (
                f"{q.span.start}-{q.span.end}",
                q.qualifier.value,
                "-" if q.value is None else str(q.value),
                q.unit or "-",
                q.role.value if q.role else "",
                quote(q.span.text),
            )
            for q in doc.quantities
        ],
    )
    section(
        "weapons",
        [(f"{w.span.start}-{w.span.end}", w.category.value, w.name or "-", quote(w.span.text)) for w in doc.weapons],
    )
    out.write(f"\nevents ({len(doc.events)})\n")
    for i, e in enumerate(doc.events, 1):

        def count(c: object) -> str:
            from .ontology import Casualties

            if not isinstance(c, Casualties):
                return "-"
            return f"{c.qualifier.value} {'-' if c.value is None else c.value}"

        out.write(f"  [{i}] {e.sub_event_type.value} {quote(e.span.text)} at {e.span.start}-{e.span.end}\n")
        out.write(
            f"      date {e.date.value if e.date else '-'} | place {e.location.name if e.location else '-'}"
            f" | country {e.country or '-'} | weapons {','.join(w.value for w in e.weapons) or '-'}"
            f" | killed {count(e.killed)} | injured {count(e.injured)} | {e.modality.value}\n"
        )
        if explain:
            for x in e.explanations:
                where = f" from {quote(x.span.text)} at {x.span.start}-{x.span.end}" if x.span else ""
                out.write(f"      - {x.slot}: {x.rule}{where}\n")
            out.write(f"      - mentions: {', '.join(quote(m.text) for m in e.mentions)}\n")
    out.write("\n")


def _print_error_text(error: ErrorRecord, out: _Writable) -> None:
    out.write(f"# {error.id}  ERROR ({error.kind.value}): {error.reason}\n\n")


def _progress_bar(enabled: bool, total: int | None) -> Any:
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        sys.stderr.write(f"milinc: no progress bar without tqdm ({install_hint('progress')})\n")
        return None
    # no monitor thread: worker processes are forked only while this process runs no other thread
    tqdm.monitor_interval = 0
    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.2)


_TABLE_OPTIONS: tuple[tuple[str, TableFormat], ...] = (
    ("incidents_csv", "csv"),
    ("incidents_parquet", "parquet"),
    ("incidents_jsonl", "jsonl"),
)


def _open_tables(args: argparse.Namespace, outputs: OutputSet) -> list[IncidentWriter]:
    writers: list[IncidentWriter] = []
    for option, table_format in _TABLE_OPTIONS:
        path = getattr(args, option)
        if path:
            if table_format == "parquet":
                try:
                    import pyarrow  # noqa: F401  (checked before the output is opened)
                except ImportError:
                    raise CliError(f"--incidents-parquet needs pyarrow: {install_hint('parquet')}") from None
            output = outputs.open(path, binary=table_format == "parquet", newline="" if table_format == "csv" else None)
            writers.append(
                open_incident_writer(output, table_format, escape_formulas=args.csv_formulas == "escape")
            )
    return writers


def _open_document_outputs(args: argparse.Namespace, outputs: OutputSet) -> list[Any]:
    """The ACLED table (``--acled-csv``) and the GeoJSON collection (``--geojson``) asked for."""
    opened: list[Any] = []
    if args.acled_csv:
        from .acled import AcledCsvWriter

        opened.append(AcledCsvWriter(outputs.open(args.acled_csv, newline=""),
                                     escape_formulas=args.csv_formulas == "escape"))
    if args.geojson:
        from .geojson import GeoJsonWriter

        opened.append(GeoJsonWriter(outputs.open(args.geojson)))
    return opened


def _open_merged(args: argparse.Namespace, outputs: OutputSet) -> MergedIncidentsOutput | None:
    if not args.merged_incidents:
        return None
    fmt = format_for(args.merged_incidents)
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401  (checked before the output is opened)
        except ImportError:
            raise CliError(f"--merged-incidents FILE.parquet needs pyarrow: {install_hint('parquet')}") from None
    output = outputs.open(args.merged_incidents, binary=fmt == "parquet", newline="" if fmt == "csv" else None)
    return MergedIncidentsOutput(output, explain=args.explain, escape_formulas=args.csv_formulas == "escape")


def _register_inputs(args: argparse.Namespace, outputs: OutputSet) -> None:
    """The inputs named on the command line, so that no output is one of them (found ones are checked as read)."""
    for name in [*args.files, *args.jsonl]:
        if name == STDIN or os.path.exists(name):
            outputs.add_input(name)


def _warn(message: str) -> None:
    sys.stderr.write(f"milinc: warning: {message}\n")


def _check_usage(args: argparse.Namespace) -> None:
    if not args.files and not args.jsonl:
        raise CliError("parse: an input is required: FILE, DIR, GLOB, - or --jsonl FILE")
    if (args.files + args.jsonl).count(STDIN) > 1:
        raise CliError("parse: standard input (-) can be read only once")
    if args.explain and args.format not in (None, "text") and not args.merged_incidents:
        raise CliError("parse: --explain goes with --format text")


def _document_format(args: argparse.Namespace, single: bool) -> str:
    """The format to print, the old spellings mapped to the new names with a deprecation warning."""
    tables_requested = any(getattr(args, option) for option, _ in _TABLE_OPTIONS) or bool(
        args.merged_incidents or args.acled_csv or args.geojson
    )
    chosen: str = args.format or ("none" if tables_requested and not args.output else "text")
    if chosen in DEPRECATED_FORMATS:
        new = DEPRECATED_FORMATS[chosen]
        _warn(f"--format {chosen} is deprecated: it prints {FORMATS[new]}; say --format {new}")
        return new
    if chosen == "json" and not single:
        _warn(
            "--format json with several inputs is deprecated: it prints one contract object per line; "
            "say --format contract-jsonl (--format json is for one input)"
        )
        return "contract-jsonl"
    return chosen


class _Progress:
    """The progress bar (when shown) and the lines said on stderr without breaking it."""

    def __init__(self, shown: bool, total: Callable[[], int | None]) -> None:
        self.bar: Any = _progress_bar(shown, total() if shown else None)

    def say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            sys.stderr.write(line + "\n")

    def step(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _run_parse(args: argparse.Namespace) -> int:
    _check_usage(args)
    outputs = OutputSet()
    _register_inputs(args, outputs)
    inputs = Inputs(files=args.files, jsonl=args.jsonl, max_chars=args.max_chars, check=outputs.check_input)
    single = inputs.single
    output_format = _document_format(args, single)

    writers: list[IncidentWriter] = []
    document_writers: list[Any] = []  # the ACLED table and the GeoJSON collection: written from documents
    progress: _Progress | None = None
    parsed = failed = incidents = 0
    try:
        out: OutputFile | None = outputs.open(args.output or "-") if output_format != "none" else None
        errors_file = outputs.open(args.errors) if args.errors else None
        writers = _open_tables(args, outputs)
        document_writers = _open_document_outputs(args, outputs)
        merged = _open_merged(args, outputs)
        progress = _Progress(not single and not args.quiet and (args.progress or sys.stderr.isatty()), inputs.count)
        inputs.warn = lambda message: progress.say(f"milinc: warning: {message}") if progress else None
        results = parse_records(
            inputs.records(),
            jobs=args.jobs,
            reference_date=args.reference_date,
            max_chars=args.max_chars,
            time_budget=args.time_budget,
        )
        for doc_id, result in results:
            if isinstance(result, ErrorRecord):
                failed += 1
                if single or not args.quiet:
                    progress.say(f"milinc: {doc_id}: {result.reason}")
                if errors_file is not None:
                    errors_file.write(json.dumps(document_line(doc_id, result), ensure_ascii=False) + "\n")
            else:
                parsed += 1
                incidents += len(result.events)
            if out is not None and not (single and isinstance(result, ErrorRecord)):
                _write_document(out, output_format, doc_id, result, single=single, explain=args.explain)
            rows = rows_for(doc_id, result)
            for writer in writers:
                writer.write_rows(rows)
            for document_writer in document_writers:
                document_writer.write(doc_id, result)
            if merged is not None:
                merged.add(doc_id, result)
            progress.step()
        progress.close()
        for writer in writers:
            writer.close()  # a Parquet file gets its footer, then every output is renamed into place
        for document_writer in document_writers:
            document_writer.close()
        if merged is not None:
            merged.finish()
        outputs.commit()
    except BaseException as exc:
        for writer in writers:
            writer.abort()
        for document_writer in document_writers:
            document_writer.abort()
        outputs.abort()
        lost = [name for name in outputs.names() if name != "-"]
        if isinstance(exc, BrokenPipeError) and lost:  # milinc parse ... --incidents-csv t.csv | head
            raise OutputError(", ".join(lost), "standard output was closed before the end of the run") from None
        raise
    finally:
        if progress is not None:
            progress.close()
    total = parsed + failed
    if not single and not args.quiet:
        sys.stderr.write(
            f"milinc: {total} item{'s' if total != 1 else ''}: {parsed} parsed, {failed} failed;"
            f" {incidents} incident{'s' if incidents != 1 else ''}\n"
        )
    elif not single and failed:  # even quiet, a failure is never silent
        sys.stderr.write(f"milinc: {failed} of {total} items failed\n")
    if failed == 0:
        return EXIT_OK
    return EXIT_BAD_INPUT if parsed == 0 else EXIT_SOME_FAILED


def _write_document(
    out: _Writable, output_format: str, doc_id: str, result: Result, *, single: bool, explain: bool
) -> None:
    if output_format == "none":
        return
    if output_format == "text":
        if isinstance(result, Document):
            _print_text(result, doc_id, out, explain)
        else:
            _print_error_text(result, out)
        return
    if output_format == "json" and isinstance(result, Document):
        line: dict[str, Any] = to_contract(result)  # one input: exactly the benchmark's object, no id
    else:
        line = document_line(doc_id, result, contract=output_format != "documents-jsonl")
    out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _run_render(args: argparse.Namespace) -> int:
    from .render import to_html

    if args.files.count(STDIN) > 1:
        raise CliError("render: standard input (-) can be read only once")
    outputs = OutputSet()
    _register_inputs(argparse.Namespace(files=args.files, jsonl=[]), outputs)
    inputs = Inputs(files=args.files, jsonl=[], max_chars=DEFAULT_MAX_CHARS, check=outputs.check_input)
    documents: list[tuple[str, Document]] = []
    errors: list[tuple[str, str]] = []
    try:
        page = outputs.open(args.output or "-")
        for doc_id, result in parse_records(inputs.records(), reference_date=args.reference_date):
            if isinstance(result, ErrorRecord):
                sys.stderr.write(f"milinc: {doc_id}: {result.reason}\n")
                errors.append((doc_id, result.reason))
            else:
                documents.append((doc_id, result))
        page.write(to_html(documents, title=args.title, errors=errors))
        outputs.commit()
    except BaseException:
        outputs.abort()
        raise
    if not errors:
        return EXIT_OK
    return EXIT_BAD_INPUT if not documents else EXIT_SOME_FAILED


def _run_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


_COMMANDS: dict[str, tuple[Callable[[Any], None], Callable[[argparse.Namespace], int]]] = {
    "parse": (_add_parse_command, _run_parse),
    "schema": (_add_schema_command, _run_schema),
    "render": (_add_render_command, _run_render),
}
"""Each subcommand: how to add its arguments, how to run it (returns the exit status)."""


# --- running ------------------------------------------------------------------


class _Signalled(KeyboardInterrupt):
    """A termination signal, raised where the program is so that every output is aborted on the way out.

    A kind of ``KeyboardInterrupt`` so that code which isolates failures but lets Ctrl-C through (a plugin
    imported while the signal arrives) lets it through too, instead of losing it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop_workers() -> None:
    # worker processes ignore Ctrl-C and would finish their chunk: stop them now, the run is over
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is not None:
        for child in multiprocessing.active_children():
            child.terminate()


def _on_signal(signum: int, frame: object) -> None:
    _stop_workers()
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise _Signalled(signum)


_HANDLED_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _signals_abort() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise where the program is, so that the outputs are aborted cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals (milinc.cli.main called from a thread)
        return
    previous = {signum: signal.signal(signum, _on_signal) for signum in _HANDLED_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _silence_stdout() -> None:
    # keep Python from failing again when it flushes stdout at exit (a closed pipe, a full disk)
    with contextlib.suppress(OSError, ValueError):  # stdout is not a real file (captured in tests)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _internal_error(exc: BaseException) -> int:
    if os.environ.get("MILINC_DEBUG"):
        import traceback

        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    where = "" if os.environ.get("MILINC_DEBUG") else " (set MILINC_DEBUG=1 to see where)"
    sys.stderr.write(
        f"milinc: internal error: {type(exc).__name__}: {exc}{where}; this is a bug, please report it\n"
    )
    return EXIT_INTERNAL_ERROR


def _show_warning(
    message: Warning | str, category: type[Warning], filename: str, lineno: int, file: Any = None, line: Any = None
) -> None:
    _warn(str(message))  # one line, without the file and line of the library code that warned


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring)."""
    parser = build_parser()
    try:
        with _signals_abort(), warnings.catch_warnings():
            warnings.showwarning = _show_warning
            args, extra = parser.parse_known_args(argv)
            if extra:
                # argparse stops filling FILE... at the first option: take FILEs given after options too
                # (milinc parse a.txt --jsonl r.jsonl b.txt), and refuse anything else it did not know
                unknown = [a for a in extra if a.startswith("-") and a != STDIN]
                if unknown or args.command != "parse":
                    raise CliError(f"unrecognized arguments: {' '.join(unknown or extra)}")
                args.files = [*args.files, *extra]
            if args.version:
                from . import __version__

                sys.stdout.write(f"milinc {__version__}\n")
                return EXIT_OK
            if args.command not in _COMMANDS:
                parser.print_help(sys.stderr)
                return EXIT_BAD_INPUT
            status = _COMMANDS[args.command][1](args)
            try:
                sys.stdout.flush()  # a full disk behind stdout says so now, not at exit
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise OutputError("standard output", exc.strerror or str(exc)) from None
            return status
    except (CliError, OutputConflictError) as exc:
        sys.stderr.write(f"milinc: {exc}\n")
        return EXIT_BAD_INPUT
    except OutputError as exc:
        _silence_stdout()
        sys.stderr.write(f"milinc: {exc}\n")
        return EXIT_WRITE_FAILED
    except MilincError as exc:
        sys.stderr.write(f"milinc: {exc}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # the reader went away (milinc parse ... | head): stop quietly; the file outputs were given up
        _silence_stdout()
        return EXIT_OK
    except _Signalled as exc:  # before KeyboardInterrupt, which it is a kind of
        sys.stderr.write(f"milinc: stopped by {signal.Signals(exc.signum).name}\n")
        return 128 + exc.signum
    except KeyboardInterrupt:
        sys.stderr.write("milinc: interrupted\n")
        return EXIT_INTERRUPTED
    except Exception as exc:
        return _internal_error(exc)
