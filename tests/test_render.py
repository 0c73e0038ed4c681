"""The HTML view of what milinc read (milinc.to_html, milinc render): complete, nested, escaped, offline."""

from __future__ import annotations

import datetime as dt
import html.parser
import io
import os
import re
import stat
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import milinc
from milinc.cli import main
from milinc.ontology import (
    Document,
    Event,
    EventType,
    Granularity,
    Metadata,
    Qualifier,
    Quantity,
    Span,
    SubEventType,
    TimeExpression,
    Weapon,
    WeaponCategory,
)
from milinc.render import KINDS, highlights, to_html, write_html

from .conftest import SEEDS

VOID = {"meta", "br", "hr", "img", "input", "link"}


class PageReader(html.parser.HTMLParser):
    """Checks the nesting and collects, per highlighted value, the text its fragments hold."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.tags: list[str] = []
        self.ids: dict[str, dict[str, str | None]] = {}
        self.mark_text: dict[str, list[str]] = {}
        self.text_divs: list[list[str]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append(tag)
        if "id" in attributes:
            assert attributes["id"] not in self.ids, f"duplicate id {attributes['id']}"
            self.ids[str(attributes["id"])] = {"tag": tag, **attributes}
        if tag == "a" and attributes.get("href"):
            self.links.append(str(attributes["href"]))
        if tag == "div" and attributes.get("class") == "text":
            self.text_divs.append([])
        if tag not in VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1][0] if self.stack else None}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        in_text = any(t == "div" and a.get("class") == "text" for t, a in self.stack)
        if in_text:
            self.text_divs[-1].append(data)
        document = next((a.get("id") for t, a in self.stack if t == "section"), None)
        for tag, attributes in self.stack:
            if tag == "mark" and attributes.get("data-key") and in_text:
                self.mark_text.setdefault(f"{document}/{attributes['data-key']}", []).append(data)


def read(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    assert reader.stack == [], "unclosed elements"
    return reader


def seed_documents() -> list[tuple[str, Document]]:
    return [(path.name, milinc.parse(path.read_text(encoding="utf-8"))) for path in sorted(SEEDS.glob("*.txt"))]


def test_every_value_of_the_seeds_is_highlighted_with_its_exact_text() -> None:
    documents = seed_documents()
    reader = read(to_html(documents))
    assert len(reader.text_divs) == len(documents)
    for number, (_name, doc) in enumerate(documents, 1):
        assert "".join(reader.text_divs[number - 1]) == doc.text  # the article, whole and unchanged
        marks = highlights(doc)
        kinds = {h.kind for h in marks}
        assert kinds == set(KINDS), f"seed {number} lacks a kind: {kinds}"
        assert len(marks) == len(doc.dates) + len(doc.quantities) + len(doc.weapons) + sum(
            len({e.span, *e.mentions}) for e in doc.events
        )
        for h in marks:
            assert "".join(reader.mark_text[f"doc-{number}/{h.key}"]) == doc.text[h.start : h.end], h
            first = reader.ids[f"d{number}-{h.key}"]
            assert first["tag"] == "mark" and first["data-kind"] == h.kind
            assert first["data-value"] and h.value in str(first["title"])


def test_incident_rows_link_to_their_trigger() -> None:
    documents = seed_documents()
    reader = read(to_html(documents))
    incidents = sum(len(doc.events) for _, doc in documents)
    targets = [link[1:] for link in reader.links if link.startswith("#")]
    assert len(set(targets)) == incidents
    for number, (_name, doc) in enumerate(documents, 1):
        for n, event in enumerate(doc.events, 1):
            assert f"d{number}-incident-{n}-1" in targets
            row = reader.ids[f"d{number}-row-{n}"]
            assert row["tag"] == "tr" and row["data-target"] == f"d{number}-incident-{n}-1"
            assert "".join(reader.mark_text[f"doc-{number}/incident-{n}-1"]) == event.span.text
    for target in targets:
        assert reader.ids[target]["data-kind"] == "incident"


def span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def crafted(text: str, *, title: str | None = None) -> Document:
    """A document whose values cross each other: date [0, 10), count [5, 15), weapon [5, 8), incident [12, 20)."""
    date = TimeExpression(span(text, 0, 10), "2021-06-28", Granularity.DAY)
    count = Quantity(span(text, 5, 15), Qualifier.AT_LEAST, 8)
    weapon = Weapon(span(text, 5, 8), WeaponCategory.ROCKET)
    trigger = span(text, 12, 20)
    event = Event(
        trigger,
        EventType.EXPLOSIONS_REMOTE_VIOLENCE,
        SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
        mentions=(trigger, span(text, 0, 3)),
    )
    return Document(
        text,
        dates=(date,),
        quantities=(count,),
        weapons=(weapon,),
        events=(event,),
        metadata=Metadata(title=title) if title else None,
    )


def test_crossing_and_nested_spans_are_split_into_well_nested_fragments() -> None:
    text = "abcdefghijklmnopqrstuvwxyz"
    doc = crafted(text)
    page = to_html(doc)
    reader = read(page)  # asserts every element closes in order
    for h in highlights(doc):
        assert "".join(reader.mark_text[f"doc-1/{h.key}"]) == text[h.start : h.end]
    assert "".join(reader.text_divs[0]) == text
    # a value split in several fragments has one id, on its first fragment
    assert page.count('id="d1-count-1"') == 1 and 'data-key="count-1" data-value' in page
    assert re.search(r'data-key="count-1"[^>]*data-continued', page)


HOSTILE = (
    "<script>alert(1)</script> \"' onmouseover=alert(2) & &amp; </mark></div><img src=x onerror=alert(3)>"
    "\r\nLundi soir, huit roquettes ont frappé la base. <style>*{display:none}</style> ]]> <!-- \x00 \ud800 -->"
)


def test_hostile_text_is_escaped_everywhere() -> None:
    doc = crafted(HOSTILE, title="<script>alert('title')</script>")
    parsed = milinc.parse(HOSTILE.replace("\ud800", "?"), reference_date=dt.date(2021, 6, 30))
    page = to_html(
        [('<b id="x">name</b>', doc), ("ok", parsed)],
        title="</title><script>x()</script>",
        errors=[("<i>bad</i>", "<script>y()</script>")],
    )
    reader = read(page)
    assert set(reader.tags) <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "li",
        "mark",
        "section",
        "div",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
    }
    assert reader.tags.count("style") == 1 and "script" not in reader.tags and "img" not in reader.tags
    # the article is text, character for character (NUL and the lone surrogate replaced, one for one)
    shown = "".join(reader.text_divs[0])
    assert shown == HOSTILE.replace("\x00", "\ufffd").replace("\ud800", "\ufffd")
    page.encode("utf-8")  # writable as UTF-8


def test_the_page_needs_no_network() -> None:
    page = to_html(seed_documents())
    assert not re.search(r"https?://|//[a-z]|<link|<script|@import|url\(|src=", page, re.I)
    assert "default-src 'none'" in page  # and the browser is told to load nothing


def test_to_html_accepts_documents_and_pairs_and_refuses_anything_else() -> None:
    doc = crafted("abcdefghijklmnopqrstuvwxyz")
    assert to_html(doc) == to_html([doc])
    assert "named-one" in to_html([("named-one", doc)])
    with pytest.raises(TypeError, match="expected a Document"):
        to_html(["just a string"])  # type: ignore[list-item]
    assert milinc.to_html is to_html


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def test_render_command_writes_the_five_seeds_to_one_page(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    status, out, err = run_cli("render", *map(str, sorted(SEEDS.glob("*.txt"))), "-o", str(target))
    assert (status, out, err) == (0, "", "")
    reader = read(target.read_text(encoding="utf-8"))
    assert len(reader.text_divs) == 5
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask  # like any file the user writes


def test_render_command_prints_to_stdout_and_lists_failed_inputs(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Lundi soir, au moins huit roquettes ont frappé la base.", encoding="utf-8")
    status, out, err = run_cli("render", str(article), str(tmp_path / "missing.txt"), "--reference-date", "2021-06-30")
    assert status == 1 and "missing.txt: no such file" in err
    reader = read(out)
    assert len(reader.text_divs) == 1 and "missing.txt" in out
    status, out, err = run_cli("render", str(tmp_path / "missing.txt"))
    assert status == 2


def test_write_html_replaces_the_file_only_when_the_page_is_complete(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        write_html(target, [object()])  # type: ignore[list-item]
    assert target.read_text(encoding="utf-8") == "old" and list(tmp_path.iterdir()) == [target]
    write_html(target, crafted("abcdefghijklmnopqrstuvwxyz"))
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_render_command_refuses_to_write_over_an_input(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Lundi soir, au moins huit roquettes ont frappé la base.", encoding="utf-8")
    status, out, err = run_cli("render", str(article), "-o", str(article))
    assert (status, out) == (2, "") and err.startswith("milinc: ") and err.count("\n") == 1
    assert article.read_text(encoding="utf-8").startswith("Lundi soir")
