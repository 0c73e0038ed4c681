"""See what milinc read: a document as a self-contained HTML page, its extractions highlighted.

Every date, count, weapon and incident trigger is a ``<mark>`` in the article, one colour per kind,
with its normalized value on hover (and in ``data-value``); below the article, the incidents are a
table whose rows link to their triggers. The page needs no network: no external font, stylesheet or
script. Every piece of text is HTML-escaped, so a hostile article renders as text.

>>> import datetime, milinc
>>> doc = milinc.parse("Lundi, deux roquettes ont frappé la base.", reference_date=datetime.date(2021, 6, 30))
>>> page = milinc.to_html(doc)
>>> '<mark class="mk mk-weapon"' in page
True
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .ontology import Casualties, Document, Event, Span
from .outputs import open_output

__all__ = ["KINDS", "Highlight", "highlights", "to_html", "write_html"]

KINDS: dict[str, tuple[str, str, str]] = {
    "date": ("Date", "#cfe2ff", "#3d6fd1"),
    "count": ("Count", "#ffe2b8", "#c77800"),
    "weapon": ("Weapon", "#ffd0d6", "#c2185b"),
    "incident": ("Incident trigger", "#c9f2d0", "#1b8a3a"),
}
"""Kind → (legend label, background colour, border colour), in the legend's order."""

_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}
# Characters HTML cannot carry as they are: lone surrogates (not encodable) and NUL (replaced by
# browsers); one character for one, so that offsets stay those of the document.
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


class Highlight(NamedTuple):
    """One highlighted span: what kind of value, where, and what milinc read there."""

    kind: str
    """``date``, ``count``, ``weapon`` or ``incident``."""
    key: str
    """Identifier of the value within its document (``date-1``, ``incident-2-1``…)."""
    start: int
    """Offset of the first character."""
    end: int
    """Offset just past the last character."""
    value: str
    """The normalized value, as shown on hover."""


def _casualties(c: Casualties | None) -> str:
    if c is None:
        return ""
    figure = "?" if c.value is None else str(c.value)
    return figure if c.qualifier.value == "exact" else f"{c.qualifier.value.replace('_', ' ')} {figure}"


def _incident_summary(number: int, event: Event) -> str:
    parts = [f"incident {number}: {event.sub_event_type.value}"]
    if event.date is not None:
        parts.append(event.date.value)
    if event.location is not None:
        parts.append(event.location.name + (f", {event.location.country}" if event.location.country else ""))
    elif event.country:
        parts.append(event.country)
    if event.killed is not None:
        parts.append(f"killed {_casualties(event.killed)}")
    if event.injured is not None:
        parts.append(f"injured {_casualties(event.injured)}")
    return " · ".join(parts)


def _triggers(event: Event) -> list[Span]:
    """The incident's trigger spans, its own (``event.span``) first."""
    return list(dict.fromkeys((event.span, *event.mentions)))


def highlights(doc: Document) -> list[Highlight]:
    """Every span of *doc* the page highlights, in document order (empty spans left out)."""
    found: list[Highlight] = []
    for i, d in enumerate(doc.dates, 1):
        found.append(Highlight("date", f"date-{i}", d.span.start, d.span.end, f"{d.value} ({d.granularity.value})"))
    for i, q in enumerate(doc.quantities, 1):
        figure = "?" if q.value is None else str(q.value)
        value = f"{q.qualifier.value.replace('_', ' ')} {figure}" if q.qualifier.value != "exact" else figure
        if q.unit:
            value += f" {q.unit}"
        if q.role is not None:
            value += f" ({q.role.value})"
        found.append(Highlight("count", f"count-{i}", q.span.start, q.span.end, value))
    for i, w in enumerate(doc.weapons, 1):
        value = w.category.value + (f" / {w.subtype}" if w.subtype else "") + (f": {w.name}" if w.name else "")
        found.append(Highlight("weapon", f"weapon-{i}", w.span.start, w.span.end, value))
    for n, e in enumerate(doc.events, 1):
        summary = _incident_summary(n, e)
        for m, span in enumerate(_triggers(e), 1):
            found.append(Highlight("incident", f"incident-{n}-{m}", span.start, span.end, summary))
    found = [h for h in found if 0 <= h.start < h.end <= len(doc.text)]
    found.sort(key=lambda h: (h.start, -h.end, _KIND_ORDER[h.kind]))
    return found


def _text(text: str) -> str:
    return html.escape(_UNSAFE.sub("\ufffd", text), quote=True).replace("\r", "&#13;")


def _open_tag(h: Highlight, prefix: str, first: bool) -> str:
    label = KINDS[h.kind][0]
    attributes = [
        f'class="mk mk-{h.kind}"',
        f'data-kind="{h.kind}"',
        f'data-key="{_text(h.key)}"',
        f'data-value="{_text(h.value)}"',
        f'title="{_text(label + ": " + h.value)}"',
    ]
    if first:
        attributes.insert(0, f'id="{prefix}{h.key}"')
    else:
        attributes.append('data-continued=""')
    return "<mark " + " ".join(attributes) + ">"


def _marked_text(text: str, marks: Sequence[Highlight], prefix: str) -> str:
    """The text with its marks as properly nested elements: a mark that crosses another is split."""
    ends: dict[int, list[Highlight]] = {}
    starts: dict[int, list[Highlight]] = {}
    for h in marks:
        starts.setdefault(h.start, []).append(h)
        ends.setdefault(h.end, []).append(h)
    out: list[str] = []
    stack: list[Highlight] = []  # open marks, outermost first
    opened: set[Highlight] = set()
    position = 0
    for boundary in sorted({0, len(text), *starts, *ends}):
        out.append(_text(text[position:boundary]))
        position = boundary
        closing = set(ends.get(boundary, ()))
        if closing & set(stack):
            lowest = min(i for i, h in enumerate(stack) if h in closing)
            reopen = [h for h in stack[lowest:] if h not in closing]
            out.append("</mark>" * (len(stack) - lowest))
            del stack[lowest:]
            for h in reopen:
                out.append(_open_tag(h, prefix, first=False))
                stack.append(h)
        for h in starts.get(boundary, ()):  # sorted longest first: the outer one opens first
            out.append(_open_tag(h, prefix, first=h not in opened))
            opened.add(h)
            stack.append(h)
    out.append("</mark>" * len(stack))
    return "".join(out)


def _cell(value: object) -> str:
    return f"<td>{_text(str(value))}</td>" if value not in (None, "") else '<td class="none">–</td>'


def _incident_table(doc: Document, prefix: str) -> str:
    if not doc.events:
        return '<p class="none">No incident.</p>'
    headers = ["#", "trigger", "type", "date", "place", "country", "weapons", "killed", "injured", "modality"]
    rows = []
    for n, e in enumerate(doc.events, 1):
        first = e.span
        anchor = f"{prefix}incident-{n}-1"
        rows.append(
            f'<tr id="{prefix}row-{n}" data-target="{anchor}">'
            f'<td><a href="#{anchor}">{n}</a></td>'
            f'<td><a href="#{anchor}">{_text(" ".join(first.text.split()))}</a></td>'
            f"{_cell(e.sub_event_type.value)}{_cell(e.date.value if e.date else None)}"
            f"{_cell(e.location.name if e.location else None)}{_cell(e.country)}"
            f"{_cell(', '.join(w.value for w in e.weapons))}{_cell(_casualties(e.killed))}"
            f"{_cell(_casualties(e.injured))}{_cell(e.modality.value)}</tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in headers)
    return f'<table class="incidents"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _legend(marks: Sequence[Highlight]) -> str:
    items = []
    for kind, (label, _background, _border) in KINDS.items():
        count = sum(1 for h in marks if h.kind == kind)
        items.append(f'<li><mark class="mk mk-{kind}" data-legend="{kind}">{label}</mark> {count}</li>')
    return f'<ul class="legend" aria-label="legend">{"".join(items)}</ul>'


def _section(number: int, name: str, doc: Document) -> str:
    prefix = f"d{number}-"
    marks = highlights(doc)
    ref = doc.reference_date.isoformat() if isinstance(doc.reference_date, _dt.date) else "unknown"
    title = doc.metadata.title if doc.metadata is not None and doc.metadata.title else name
    meta = f"reference date {ref} ({doc.reference_date_source.value})"
    return (
        f'<section class="document" id="doc-{number}" data-document="{_text(name)}">'
        f'<h2>{_text(title)}</h2><p class="meta">{_text(meta)}</p>{_legend(marks)}'
        f'<div class="text">{_marked_text(doc.text, marks, prefix)}</div>'
        f"<h3>Incidents ({len(doc.events)})</h3>{_incident_table(doc, prefix)}</section>"
    )


_STYLE = """
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1f;
background:#fff;margin:0;padding:1.5rem 2rem;max-width:1200px}
h1{font-size:1.4rem;margin:0 0 1rem}h2{font-size:1.2rem;margin:0}h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
.meta{color:#555;margin:.2rem 0 .6rem}.document{border-top:1px solid #ddd;padding:1rem 0 2rem}
.legend{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:1.2rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.1;font-size:1.05rem}
mark.mk{color:inherit;padding:.15em .1em;border-radius:.25em}
mark.mk:hover,mark.mk:target{outline:2px solid #222}
table.incidents{border-collapse:collapse;font-size:.92rem}
.incidents th,.incidents td{border-bottom:1px solid #e3e3e3;padding:.3rem .6rem;text-align:left;vertical-align:top}
.incidents tbody tr:hover{background:#f5f7fb}.none{color:#999}
.errors li{color:#a40000}
"""


def _style() -> str:
    rules = [
        f"mark.mk-{kind}{{background:{background};box-shadow:inset 0 -2px 0 {border}}}"
        for kind, (_label, background, border) in KINDS.items()
    ]
    return _STYLE + "\n".join(rules) + "\n"


def _named(documents: Document | Iterable[Document | tuple[str, Document]]) -> list[tuple[str, Document]]:
    if isinstance(documents, Document):
        documents = [documents]
    named: list[tuple[str, Document]] = []
    for i, item in enumerate(documents, 1):
        if isinstance(item, Document):
            name = item.metadata.id if item.metadata is not None and item.metadata.id else f"document {i}"
            named.append((name, item))
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Document):
            named.append((str(item[0]), item[1]))
        else:
            raise TypeError(f"expected a Document or an (id, Document) pair, got {type(item).__name__}")
    return named


def to_html(
    documents: Document | Iterable[Document | tuple[str, Document]],
    *,
    title: str = "What milinc read",
    errors: Iterable[tuple[str, str]] = (),
) -> str:
    """A self-contained HTML page showing what milinc read in one or several documents.

    Args:
        documents: a `Document`, or documents and ``(id, Document)`` pairs (the results of
            ``parse_records`` that are not errors), shown in order.
        title: the page title.
        errors: ``(id, reason)`` pairs of inputs that could not be parsed, listed on the page.

    Returns:
        The page, as a string (write it as UTF-8).
    """
    named = _named(documents)
    failures = [f"<li>{_text(name)}: {_text(reason)}</li>" for name, reason in errors]
    body = [f"<h1>{_text(title)}</h1>"]
    if failures:
        body.append(f'<ul class="errors">{"".join(failures)}</ul>')
    body += [_section(i, name, doc) for i, (name, doc) in enumerate(named, 1)]
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # no network: nothing may be loaded, not even an image or a font
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f'<meta name="generator" content="milinc">\n<title>{_text(title)}</title>\n'
        f"<style>{_style()}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def write_html(
    path: str | os.PathLike[str],
    documents: Document | Iterable[Document | tuple[str, Document]],
    *,
    title: str = "What milinc read",
    errors: Iterable[tuple[str, str]] = (),
) -> None:
    """Write :func:`to_html`'s page to *path*, whole or not at all (see :mod:`milinc.outputs`).

    Raises:
        OutputError: the page cannot be written (one line, with the path).
    """
    page = to_html(documents, title=title, errors=errors)
    with open_output(path) as out:
        out.write(page)
