"""Regenerate the screenshot of ``milinc render`` that the docs home page shows (docs/images/render.png).

    python scripts/screenshot.py [--output docs/images/render.png]

It parses the articles below, writes the page with :func:`milinc.render.write_html`, and has headless
Chromium (``scripts/headless.py``) take a picture of the whole page, 1280 pixels wide.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import headless  # noqa: E402

# The home page's example and the README's: short, and every kind of value in them.
ARTICLES = [
    (
        "home-page example",
        "Mardi soir, au moins huit roquettes de type « Katyusha » ont visé la base aérienne d'Aïn al-Asad, "
        "dans l'ouest de l'Irak, blessant deux soldats américains, selon un responsable de la coalition.",
        dt.date(2021, 6, 30),
    ),
    (
        "README example",
        "Bamako, 29 juillet 2024 (AFP) – Au moins quinze soldats ont été tués samedi dans une embuscade près "
        "de Tessalit, a annoncé l'armée. La veille, un engin explosif improvisé avait explosé au passage d'un "
        "convoi près de Gao, sans faire de victime.",
        None,
    ),
]


def main(argv: list[str] | None = None) -> int:
    """Write the screenshot; returns the exit status."""
    import milinc
    from milinc.render import write_html

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "images" / "render.png")
    args = parser.parse_args(argv)
    if headless.find_chromium() is None:
        sys.stderr.write("screenshot: no chromium (apt-get install chromium, or set MILINC_CHROMIUM)\n")
        return 2
    documents = [(name, milinc.parse(text, reference_date=ref)) for name, text, ref in ARTICLES]
    with tempfile.TemporaryDirectory(prefix="milinc-screenshot-") as work:
        page = Path(work) / "page.html"
        write_html(page, documents, title="milinc render")
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with headless.Browser(width=1280, height=600) as browser:
            browser.open(page.as_uri())
            browser.screenshot(args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
