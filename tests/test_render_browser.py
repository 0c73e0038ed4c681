"""The HTML view in a real browser: headless Chromium reads the highlighted spans from the DOM.

Skipped where Chromium is not installed (``.ci/run`` installs Debian's ``chromium`` with apt-get).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

import milinc
from milinc.render import KINDS, highlights, write_html

from .conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "scripts"))

import headless

pytestmark = pytest.mark.skipif(
    headless.find_chromium() is None,
    reason="no chromium on this machine (Debian: apt-get install chromium; .ci/run installs it when root)",
)

# For every first fragment of a highlighted value: its key, kind, the text of all its fragments, its
# colour and its size on screen; the incident rows' links; what the page loaded from elsewhere.
READ_PAGE = """(() => {
  const docs = [...document.querySelectorAll("section.document")].map(section => {
    const marks = {};
    for (const m of section.querySelectorAll(".text mark[data-key]")) {
      const key = m.dataset.key;
      const entry = marks[key] || (marks[key] = {kind: m.dataset.kind, text: "", id: null, width: 0, height: 0});
      entry.text += m.textContent;
      if (m.id) {
        const box = m.getBoundingClientRect();
        entry.id = m.id;
        entry.width = box.width;
        entry.height = box.height;
        entry.value = m.dataset.value;
        entry.background = getComputedStyle(m).backgroundColor;
      }
    }
    const rows = [...section.querySelectorAll("table.incidents tbody tr")].map(tr => {
      const target = document.getElementById(tr.querySelector("a").getAttribute("href").slice(1));
      return target && {kind: target.dataset.kind, text: target.textContent};
    });
    return {marks, rows};
  });
  const legend = {};
  for (const m of document.querySelectorAll("section.document:first-of-type .legend mark")) {
    legend[m.dataset.legend] = getComputedStyle(m).backgroundColor;
  }
  return {docs, legend, resources: performance.getEntriesByType("resource").length,
          width: document.documentElement.scrollWidth};
})()"""


def test_chromium_shows_every_highlight_of_the_seeds(tmp_path: Path) -> None:
    documents = [(p.name, milinc.parse(p.read_text(encoding="utf-8"))) for p in sorted(SEEDS.glob("*.txt"))]
    page = tmp_path / "seeds.html"
    write_html(page, documents)
    with headless.Browser(width=1280, height=900) as browser:
        browser.open(page.as_uri())
        seen = browser.evaluate(READ_PAGE)
        shot = browser.screenshot(tmp_path / "seeds.png")

    assert seen["resources"] == 0, "the page loaded something from elsewhere"
    assert seen["width"] <= 1280, "the page is wider than the window"
    colours = seen["legend"]
    assert set(colours) == set(KINDS) and len(set(colours.values())) == len(KINDS)
    assert "rgba(0, 0, 0, 0)" not in colours.values()
    assert len(seen["docs"]) == len(documents)
    for (_name, doc), shown in zip(documents, seen["docs"]):
        marks = highlights(doc)
        assert set(shown["marks"]) == {h.key for h in marks}
        for h in marks:
            mark = shown["marks"][h.key]
            assert mark["kind"] == h.kind and mark["text"] == doc.text[h.start : h.end], h
            assert mark["value"] == h.value
            assert mark["width"] > 0 and mark["height"] > 0, f"{h} is not visible"
            assert mark["background"] == colours[h.kind], f"{h} is not in its kind's colour"
        assert shown["rows"] == [{"kind": "incident", "text": e.span.text} for e in doc.events]

    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 1280 and height > 900  # the whole page, below the fold too
    print(f"screenshot: {shot}")
