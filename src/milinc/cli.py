"""The ``milinc`` command line.

    milinc parse [options] [FILE | DIR | GLOB | -]... [--jsonl FILE|-]...
    milinc schema

``milinc parse`` reads UTF-8 text files, directories (every ``*.txt`` under
them, recursively, in name order), glob patterns (``'corpus/**/*.txt'``),
standard input (``-``), and JSON Lines files of records
``{"id", "text", "reference_date"}`` (``--jsonl``). It prints the documents
(``--format text|json|jsonl|none``) and writes incident tables
(``--incidents-csv``, ``--incidents-parquet``, ``--incidents-jsonl``).

One input (a single FILE or ``-``): ``--format json`` prints one JSON contract
object, as the benchmark expects; bad input prints one line on stderr and
exits with status 2, never a traceback.

Many inputs: a bad item (no such file, undecodable bytes, a malformed JSON
line, a missing field, an over-limit text) becomes an error record
``{"id", "error", "error_kind"}`` in the document output, a line on stderr,
a row with an ``error`` in the incident tables and a line in ``--errors``;
the run goes on. Exit status: 0 when every item was parsed, 1 when some
failed, 2 when all failed or the command line is wrong, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import glob
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO, TextIO

from attrs import define

from .batch import ErrorKind, ErrorRecord, Record, Result, is_missing, parse_records, to_record
from .contract import to_contract
from .errors import InputTooLargeError, MilincError
from .export import (
    IncidentWriter,
    TableFormat,
    document_line,
    open_incident_writer,
    rows_for,
)
from .ontology import Document
from .pipeline import DEFAULT_MAX_CHARS
from .schema import json_schema

__all__ = ["EXIT_BAD_INPUT", "EXIT_OK", "EXIT_SOME_FAILED", "build_parser", "main"]

EXIT_OK = 0
"""Every item was parsed."""
EXIT_SOME_FAILED = 1
"""Some items failed (each has an error record); the others were parsed."""
EXIT_BAD_INPUT = 2
"""Every item failed, or the command line is wrong."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C)."""

_STDIN = "-"


class CliError(Exception):
    """A user error, reported in one line."""


def _reference_date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0, got {number}")
    return number


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(message)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also rendered into the docs' CLI reference)."""
    parser = _ArgumentParser(
        prog="milinc",
        description="Extract dates, counts, weapons and incidents from French military-incident reports.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_ArgumentParser)
    p = sub.add_parser(
        "parse",
        help="parse articles and print what they report",
        description="Parse articles: files, directories (*.txt, recursively), glob patterns, - for "
        "standard input, or JSON Lines records with --jsonl. Exit status: 0 all parsed, 1 some failed, "
        "2 all failed or usage error.",
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
        help='JSON Lines of records {"id", "text", "reference_date"} (reference_date optional); '
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
        choices=("text", "json", "jsonl", "none"),
        default=None,
        help="text: a table for people; json: the benchmark contract (one object for one input, else one "
        'line per document with its "id"); jsonl: full reloadable documents, one per line, with an "id"; '
        "none: print no document (default: text, or none when an incident table is written)",
    )
    p.add_argument("-o", "--output", metavar="PATH", help="write the documents here instead of standard output")
    p.add_argument("--incidents-csv", metavar="PATH", help="write the incident table as CSV")
    p.add_argument("--incidents-parquet", metavar="PATH", help="write the incident table as Parquet (needs pyarrow)")
    p.add_argument("--incidents-jsonl", metavar="PATH", help="write the incident table as JSON Lines")
    p.add_argument("--errors", metavar="PATH", help="also write the error records here, as JSON Lines")
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
    p.add_argument("--explain", action="store_true", help="with --format text: say why each event slot has its value")
    sub.add_parser("schema", help="print the JSON Schema (draft 2020-12) of a serialized document")
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
    return parser


def _run_render(args: argparse.Namespace, stdout: TextIO) -> int:
    from .render import to_html, write_html

    if args.files.count(_STDIN) > 1:
        raise CliError("render: standard input (-) can be read only once")
    inputs = _Inputs(files=args.files, jsonl=[], max_chars=DEFAULT_MAX_CHARS)
    documents: list[tuple[str, Document]] = []
    errors: list[tuple[str, str]] = []
    for doc_id, result in parse_records(inputs.records(), reference_date=args.reference_date):
        if isinstance(result, ErrorRecord):
            sys.stderr.write(f"milinc: {doc_id}: {result.reason}\n")
            errors.append((doc_id, result.reason))
        else:
            documents.append((doc_id, result))
    if args.output:
        try:
            write_html(args.output, documents, title=args.title, errors=errors)
        except OSError as exc:
            raise CliError(f"{args.output}: {exc.strerror or exc}") from None
    else:
        stdout.write(to_html(documents, title=args.title, errors=errors))
    if not errors:
        return EXIT_OK
    return EXIT_BAD_INPUT if not documents else EXIT_SOME_FAILED


# --- inputs -----------------------------------------------------------------


def _decode(data: bytes, name: str) -> Record | ErrorRecord:
    try:
        return Record(name, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return ErrorRecord(name, f"not valid UTF-8 (byte {exc.start})", ErrorKind.UNREADABLE)


def _read_file(path: str, max_chars: int) -> Record | ErrorRecord:
    try:
        if path == _STDIN:
            return _decode(sys.stdin.buffer.read(), path)
        # a file of more than 4 bytes per allowed character is too large whatever it holds: do not load it
        size = os.path.getsize(path)
        if size > 4 * max_chars:
            return ErrorRecord(path, str(InputTooLargeError(size, max_chars)), ErrorKind.TOO_LARGE)
        with open(path, "rb") as f:
            return _decode(f.read(), path)
    except FileNotFoundError:
        return ErrorRecord(path, "no such file", ErrorKind.UNREADABLE)
    except IsADirectoryError:
        return ErrorRecord(path, "is a directory", ErrorKind.UNREADABLE)
    except OSError as exc:
        return ErrorRecord(path, str(exc.strerror or exc), ErrorKind.UNREADABLE)


def _walk_texts(directory: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs.sort()  # os.walk descends in this list's order: sorted gives a stable corpus order
        for name in sorted(files):
            if name.endswith(".txt"):
                yield os.path.join(root, name)


def _expand(argument: str) -> Iterator[str | ErrorRecord]:
    """The file paths an argument names, lazily; an error record when it names none."""
    if argument == _STDIN:
        yield argument
        return
    if os.path.isdir(argument):
        found = False
        for path in _walk_texts(argument):
            found = True
            yield path
        if not found:
            yield ErrorRecord(argument, "no *.txt file in this directory", ErrorKind.UNREADABLE)
        return
    if glob.has_magic(argument) and not os.path.isfile(argument):  # a file may be named "report[1].txt"
        matches = sorted(glob.glob(argument, recursive=True))
        if not matches:
            yield ErrorRecord(argument, "no file matches this pattern", ErrorKind.UNREADABLE)
        for match in matches:
            if os.path.isdir(match):
                yield from _walk_texts(match)
            else:
                yield match
        return
    yield argument


def _jsonl_records(source: str) -> Iterator[Record | ErrorRecord]:
    """Records from a JSON Lines file; every unusable line becomes an error record with its place."""
    name = "<stdin>" if source == _STDIN else source
    try:
        stream: BinaryIO = sys.stdin.buffer if source == _STDIN else open(source, "rb")  # noqa: SIM115
    except OSError as exc:
        yield ErrorRecord(source, f"cannot read: {exc.strerror or exc}", ErrorKind.UNREADABLE)
        return
    try:
        for line_number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue  # blank lines separate nothing in JSON Lines: not records
            where = f"{name}:{line_number}"
            try:
                data: Any = json.loads(raw.rstrip(b"\r\n").decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield ErrorRecord(where, f"line is not valid UTF-8 (byte {exc.start})", ErrorKind.UNREADABLE)
                continue
            except json.JSONDecodeError as exc:
                yield ErrorRecord(where, f"malformed JSON: {exc.msg} (column {exc.colno})", ErrorKind.INVALID_RECORD)
                continue
            if not isinstance(data, dict):
                yield ErrorRecord(where, f"expected a JSON object, got {type(data).__name__}", ErrorKind.INVALID_RECORD)
            elif is_missing(data.get("id")):
                yield ErrorRecord(where, "missing field 'id'", ErrorKind.INVALID_RECORD)
            else:
                yield to_record(data, line_number)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


@define
class _Inputs:
    """What ``milinc parse`` reads, resolved lazily."""

    files: list[str]
    jsonl: list[str]
    max_chars: int

    @property
    def single(self) -> bool:
        """One plain file or stdin: the one-document behaviour (no id, errors only on stderr)."""
        if self.jsonl or len(self.files) != 1:
            return False
        only = self.files[0]
        return only == _STDIN or os.path.isfile(only) or not (os.path.isdir(only) or glob.has_magic(only))

    def records(self) -> Iterator[Record | ErrorRecord]:
        """Every item, in command-line order."""
        for argument in self.files:
            for path in _expand(argument):
                yield path if isinstance(path, ErrorRecord) else _read_file(path, self.max_chars)
        for source in self.jsonl:
            yield from _jsonl_records(source)

    def count(self) -> int | None:
        """How many items there will be (for the progress bar), ``None`` when stdin is read."""
        if _STDIN in self.jsonl:
            return None
        total = sum(1 for argument in self.files for _ in _expand(argument))
        for source in self.jsonl:
            try:
                with open(source, "rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
        return total


# --- outputs ----------------------------------------------------------------


def _print_text(doc: Document, name: str, out: TextIO, explain: bool) -> None:
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


def _print_error_text(error: ErrorRecord, out: TextIO) -> None:
    out.write(f"# {error.id}  ERROR ({error.kind.value}): {error.reason}\n\n")


def _progress_bar(enabled: bool, total: int | None) -> Any:
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        sys.stderr.write("milinc: no progress bar without tqdm (pip install 'milinc[progress]')\n")
        return None
    # no monitor thread: worker processes are forked only while this process runs no other thread
    tqdm.monitor_interval = 0
    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.2)


def _open_tables(args: argparse.Namespace) -> list[IncidentWriter]:
    requested: list[tuple[str | None, TableFormat]] = [
        (args.incidents_csv, "csv"),
        (args.incidents_parquet, "parquet"),
        (args.incidents_jsonl, "jsonl"),
    ]
    writers: list[IncidentWriter] = []
    try:
        for path, table_format in requested:
            if path:
                writers.append(open_incident_writer(path, table_format))
    except ImportError as exc:
        for writer in writers:
            writer.close()
        raise CliError(str(exc)) from None
    except OSError as exc:
        for writer in writers:
            writer.close()
        raise CliError(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from None
    return writers


def _open_output(path: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8")  # the caller closes it
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror or exc}") from None


def _check_usage(args: argparse.Namespace) -> None:
    if not args.files and not args.jsonl:
        raise CliError("parse: an input is required: FILE, DIR, GLOB, - or --jsonl FILE")
    if (args.files + args.jsonl).count(_STDIN) > 1:
        raise CliError("parse: standard input (-) can be read only once")
    if args.explain and args.format not in (None, "text"):
        raise CliError("parse: --explain goes with --format text")


def _run_parse(args: argparse.Namespace, stdout: TextIO) -> int:
    _check_usage(args)
    inputs = _Inputs(files=args.files, jsonl=args.jsonl, max_chars=args.max_chars)
    tables_requested = bool(args.incidents_csv or args.incidents_parquet or args.incidents_jsonl)
    output_format = args.format or ("none" if tables_requested else "text")
    single = inputs.single

    show_bar = not single and not args.quiet and (args.progress or sys.stderr.isatty())
    writers = _open_tables(args)
    out: TextIO = stdout
    errors_file: TextIO | None = None
    bar: Any = None
    parsed = failed = incidents = 0
    try:
        if args.output:
            out = _open_output(args.output)
        if args.errors:
            errors_file = _open_output(args.errors)
        bar = _progress_bar(show_bar, inputs.count() if show_bar else None)

        def say(line: str) -> None:
            if bar is not None:
                bar.write(line, file=sys.stderr)
            else:
                sys.stderr.write(line + "\n")

        results = parse_records(
            inputs.records(), jobs=args.jobs, reference_date=args.reference_date, max_chars=args.max_chars
        )
        for doc_id, result in results:
            if isinstance(result, ErrorRecord):
                failed += 1
                if single or not args.quiet:
                    say(f"milinc: {doc_id}: {result.reason}")
                if errors_file is not None:
                    errors_file.write(json.dumps(document_line(doc_id, result), ensure_ascii=False) + "\n")
            else:
                parsed += 1
                incidents += len(result.events)
            if not (single and isinstance(result, ErrorRecord)):
                _write_document(out, output_format, doc_id, result, single=single, explain=args.explain)
            rows = rows_for(doc_id, result)
            for writer in writers:
                writer.write_rows(rows)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        for writer in writers:
            writer.close()
        if errors_file is not None:
            errors_file.close()
        if out is not stdout:
            out.close()
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
    out: TextIO, output_format: str, doc_id: str, result: Result, *, single: bool, explain: bool
) -> None:
    if output_format == "none":
        return
    if output_format == "text":
        if isinstance(result, Document):
            _print_text(result, doc_id, out, explain)
        else:
            _print_error_text(result, out)
        return
    if output_format == "json" and single and isinstance(result, Document):
        line: dict[str, Any] = to_contract(result)  # one input: exactly the benchmark's object, no id
    else:
        line = document_line(doc_id, result, contract=output_format == "json")
    out.write(json.dumps(line, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring)."""
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:
            # argparse stops filling FILE... at the first option: take FILEs given after options too
            # (milinc parse a.txt --jsonl r.jsonl b.txt), and refuse anything else it did not know
            unknown = [a for a in extra if a.startswith("-") and a != _STDIN]
            if unknown or args.command != "parse":
                raise CliError(f"unrecognized arguments: {' '.join(unknown or extra)}")
            args.files = [*args.files, *extra]
        if args.command == "parse":
            return _run_parse(args, sys.stdout)
        if args.command == "render":
            return _run_render(args, sys.stdout)
        if args.command == "schema":
            sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
            return EXIT_OK
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    except CliError as exc:
        sys.stderr.write(f"milinc: {exc}\n")
        return EXIT_BAD_INPUT
    except MilincError as exc:
        sys.stderr.write(f"milinc: {exc}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # the reader went away (milinc parse ... | head): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit
        with contextlib.suppress(OSError, ValueError):  # stdout is not a real file (captured in tests)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write("milinc: interrupted\n")
        return EXIT_INTERRUPTED
