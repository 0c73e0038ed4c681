"""The built documentation site: markup rendered everywhere, tables readable at 1280 px.

The site is the one ``.ci/run`` built (``MILINC_SITE_DIR``), or built here when mkdocs is installed
(the ``docs`` extra); the tests skip without it. The table test also needs Chromium.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import headless

# A Sphinx role or a reST literal that reached the reader as text instead of being rendered.
RAW_REST = re.compile(r":(?:py:)?(?:class|func|meth|mod|attr|data|exc|obj|const|term|ref|doc):`|``[^`\s][^`]*``")
# What the reader does not see as prose: code (where markup may be shown on purpose), scripts, styles.
NOT_PROSE = re.compile(r"<(pre|code|script|style|svg)\b.*?</\1>", re.S | re.I)


def visible_text(page: str) -> str:
    """The text a reader sees outside code, tags removed and entities decoded."""
    body = page.split("<body", 1)[-1]
    return html.unescape(re.sub(r"<[^>]+>", " ", NOT_PROSE.sub(" ", body)))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("MILINC_SITE_DIR")
    if given and (Path(given) / "index.html").is_file():
        return Path(given)
    for module in ("mkdocs", "material", "mkdocstrings"):
        pytest.importorskip(module, reason="building the site needs the docs extra")
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return out


def test_the_checker_sees_raw_rest_in_prose_only() -> None:
    shown = "<body><p>See :class:`Document` and ``text``.</p></body>"
    quoted = "<body><p>Write <code>:class:`X`</code></p><pre>``x``</pre></body>"
    assert len(RAW_REST.findall(visible_text(shown))) == 2
    assert RAW_REST.findall(visible_text(quoted)) == []


def test_no_page_shows_raw_rest_markup(site: Path) -> None:
    found = []
    for page in sorted(site.rglob("*.html")):
        text = visible_text(page.read_text(encoding="utf-8"))
        for match in RAW_REST.finditer(text):
            context = " ".join(text[max(match.start() - 40, 0) : match.end() + 30].split())
            found.append(f"{page.relative_to(site)}: …{context}…")
    assert not found, "raw reST in the built site:\n" + "\n".join(found[:30])


def test_the_api_reference_opens_with_the_public_api(site: Path) -> None:
    page = (site / "reference" / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1]
    public, internals = article.index('id="public-api"'), article.index('id="internals"')
    text = article
    for name in ("parse", "Parser", "parse_many", "parse_records", "Document", "to_json", "from_json"):
        assert f"milinc.{name}" in text[public:internals], name
    for module in ("milinc.ontology", "milinc.export", "milinc.plugins", "milinc.testing"):
        assert module in text[public:internals], module
    assert "milinc.engine" in text[internals:] and "milinc.engine" not in text[public:internals]


# Tables whose content is wider than their box at this width: a column cut off behind a scroll bar.
OVERFLOWING_TABLES = """[...document.querySelectorAll("article table")].map(table => {
  const box = table.closest(".md-typeset__scrollwrap") || table.parentElement;
  return {overflow: box.scrollWidth - box.clientWidth, head: table.rows[0].innerText.split("\\n").join(" | ")};
}).filter(t => t.overflow > 1)"""


@pytest.mark.skipif(headless.find_chromium() is None, reason="no chromium on this machine (apt-get install chromium)")
def test_every_table_fits_the_page_at_1280_pixels(site: Path) -> None:
    pages = [p for p in sorted(site.rglob("*.html")) if "<table" in p.read_text(encoding="utf-8")]
    assert any(p.parent.name == "benchmarks" for p in pages)
    cut: list[str] = []
    with headless.Browser(width=1280, height=900) as browser:
        for page in pages:
            browser.open(page.as_uri())
            for table in browser.evaluate(OVERFLOWING_TABLES):
                cut.append(f"{page.relative_to(site)}: {table['overflow']} px cut off: {table['head'][:80]}")
    assert not cut, "tables wider than the page at 1280 px:\n" + "\n".join(cut)
