"""The ``milinc`` command line.

    milinc parse [--reference-date YYYY-MM-DD] [--format text|json] [--explain] FILE... | -
    milinc schema

Bad input (a missing file, a bad date, undecodable bytes, an oversized text)
prints one line on stderr and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from .contract import to_contract
from .errors import MilincError
from .ontology import Document
from .schema import json_schema

__all__ = ["build_parser", "main"]

EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A user error, reported in one line."""


def _reference_date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


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
    p = sub.add_parser("parse", help="parse articles and print what they report")
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, or - for standard input")
    p.add_argument(
        "--reference-date",
        type=_reference_date,
        metavar="YYYY-MM-DD",
        help="publication date to resolve relative dates against (default: a dateline in the text)",
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a table for people; json: the benchmark contract, one object per file (default: text)",
    )
    p.add_argument("--explain", action="store_true", help="with --format text: say why each event slot has its value")
    sub.add_parser("schema", help="print the JSON Schema (draft 2020-12) of a serialized document")
    return parser


def _read(path: str) -> str:
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as f:
                data = f.read()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a directory") from None
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CliError(f"{path}: not valid UTF-8 (byte {exc.start})") from None


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
        [
            (f"{w.span.start}-{w.span.end}", w.category.value, w.name or "-", quote(w.span.text))
            for w in doc.weapons
        ],
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


def _run_parse(args: argparse.Namespace, out: TextIO) -> int:
    from . import default_parser

    parser = default_parser()
    texts = [(name, _read(name)) for name in args.files]  # read all first: fail before printing
    for name, text in texts:
        doc = parser.parse(text, reference_date=args.reference_date)
        if args.format == "json":
            out.write(json.dumps(to_contract(doc), ensure_ascii=False) + "\n")
        else:
            _print_text(doc, name, out, args.explain)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "parse":
            return _run_parse(args, sys.stdout)
        if args.command == "schema":
            sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
            return 0
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    except CliError as exc:
        sys.stderr.write(f"milinc: {exc}\n")
        return EXIT_BAD_INPUT
    except MilincError as exc:
        sys.stderr.write(f"milinc: {exc}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("milinc: interrupted\n")
        return 130
