"""Build the benchmark corpus: realistic French incident reports of about 4 KB each.

The corpus is a deterministic stream of articles. Every fifth article is one of
the seed articles (``seeds/*.txt``, real reporting); the others are assembled
from ``filler_fr.txt``: original paragraphs in the style of military-incident
reporting (Sahel, Ukraine, Levant, Red Sea, Gaza, Yemen, Great Lakes…), put in a
random order, under a headline and a dateline, with their ``{PLACEHOLDERS}``
(numbers, dates, weekdays, times) filled at random so that no two articles are
the same text.

A corpus of *n* bytes is the shortest prefix of that stream holding at least
*n* UTF-8 bytes, so the 1 MB corpus is the start of the 10 MB one and the
single documents of 10 KB … 10 MB read the same kind of text.

Run it directly to write corpora to disk::

    python benchmarks/build_corpus.py --size 1MB --size 10MB --out benchmarks/out
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from milinc.dates.lexicon import MONTH_NAMES

__all__ = [
    "ARTICLE_SEPARATOR",
    "Filler",
    "article_stream",
    "build_articles",
    "build_document",
    "corpus_digest",
    "load_filler",
    "parse_size",
    "split_document",
    "utf8_size",
]

HERE = Path(__file__).resolve().parent
SEEDS_DIR = HERE.parent / "seeds"
FILLER_PATH = HERE / "filler_fr.txt"
ARTICLE_SEPARATOR = "\n\n"
"""What joins articles into one long document."""

_SEED_EVERY = 5
_STREAM_SEED = 20_240_315
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")

_MONTHS = MONTH_NAMES
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_NUMBER_WORDS = (
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "quinze",
    "vingt",
    "vingt-deux",
    "trente",
    "quarante",
    "cinquante",
)
_DATELINE_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Filler:
    """The headlines and paragraphs of ``filler_fr.txt``."""

    def __init__(self, headlines: list[str], paragraphs: list[str]) -> None:
        if not headlines or not paragraphs:
            raise ValueError("the filler needs at least one headline and one paragraph")
        self.headlines = headlines
        self.paragraphs = paragraphs


def load_filler(path: Path = FILLER_PATH) -> Filler:
    """Read the filler file: blocks separated by blank lines, ``T:`` marks a headline, ``#`` a comment."""
    headlines: list[str] = []
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        if not lines:
            continue
        if lines[0].startswith("T:"):
            headlines.extend(ln[2:].strip() for ln in lines if ln.startswith("T:"))
        else:
            paragraphs.append(" ".join(lines))
    return Filler(headlines, paragraphs)


def _load_seeds(directory: Path = SEEDS_DIR) -> list[str]:
    return [p.read_text(encoding="utf-8").strip() for p in sorted(directory.glob("*.txt"))]


def _fillers(rng: random.Random) -> dict[str, Callable[[], str]]:
    """What each placeholder becomes (drawn again at every occurrence)."""
    return {
        "N": lambda: str(rng.randint(2, 60)),
        "BIG": lambda: f"{rng.randint(1, 9)} {rng.randint(0, 999):03d}",
        "NOMBRE": lambda: rng.choice(_NUMBER_WORDS),
        "JOUR": lambda: rng.choice(_WEEKDAYS),
        "MOIS": lambda: rng.choice(_MONTHS),
        "DATE": lambda: f"{rng.choice(('1er', *map(str, range(2, 29))))} {rng.choice(_MONTHS)}",
        "ANNEE": lambda: str(rng.randint(2019, 2025)),
        "HEURE": lambda: f"{rng.randint(0, 23)} h {rng.choice(('', '15', '30', '45', '05'))}".rstrip(),
    }


def _fill(text: str, fillers: dict[str, Callable[[], str]]) -> str:
    return _PLACEHOLDER.sub(lambda m: fillers[m.group(1)]() if m.group(1) in fillers else m.group(0), text)


def _dateline(rng: random.Random) -> str:
    day, year = rng.randint(1, 28), rng.randint(2019, 2025)
    style = rng.randrange(3)
    if style == 0:
        month = rng.choice(_DATELINE_MONTHS_EN)
        return f"{month} {day:02d}, {year} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} UTC"
    if style == 1:
        return f"Publié le {day} {rng.choice(_MONTHS)} {year} à {rng.randint(6, 23)}h{rng.randint(0, 59):02d}"
    return f"{day:02d}/{rng.randint(1, 12):02d}/{year} - mis à jour à {rng.randint(6, 23)}:{rng.randint(0, 59):02d}"


def _synthetic_article(rng: random.Random, filler: Filler, target_chars: int) -> str:
    fillers = _fillers(rng)
    parts = [_dateline(rng), _fill(rng.choice(filler.headlines), fillers)]
    order = rng.sample(filler.paragraphs, k=len(filler.paragraphs))
    size = sum(len(p) for p in parts)
    for paragraph in order:
        if size >= target_chars:
            break
        text = _fill(paragraph, fillers)
        parts.append(text)
        size += len(text) + 2
    return "\n\n".join(parts)


def article_stream(filler: Filler | None = None, seeds: list[str] | None = None) -> Iterator[str]:
    """An endless, deterministic stream of articles of about 4 KB (seeds every fifth one)."""
    filler = filler or load_filler()
    seeds = _load_seeds() if seeds is None else seeds
    rng = random.Random(_STREAM_SEED)
    index = 0
    while True:
        if seeds and index % _SEED_EVERY == _SEED_EVERY - 1:
            yield seeds[(index // _SEED_EVERY) % len(seeds)]
        else:
            yield _synthetic_article(rng, filler, target_chars=rng.randint(2800, 5200))
        index += 1


def utf8_size(text: str) -> int:
    """Size of *text* in UTF-8 bytes (what the corpus weighs on disk)."""
    return len(text.encode("utf-8"))


def build_articles(n_bytes: int) -> list[str]:
    """The shortest prefix of the article stream holding at least *n_bytes* UTF-8 bytes."""
    articles: list[str] = []
    total = 0
    for article in article_stream():
        if total >= n_bytes:
            break
        articles.append(article)
        total += utf8_size(article) + len(ARTICLE_SEPARATOR)
    return articles


def build_document(n_bytes: int) -> str:
    """One document of about *n_bytes*: articles of the stream joined, cut at a paragraph near the size."""
    text = ARTICLE_SEPARATOR.join(build_articles(n_bytes))
    data = text.encode("utf-8")
    if len(data) <= n_bytes:
        return text
    cut = data.rfind(b"\n\n", 0, n_bytes)
    if cut <= 0:
        cut = n_bytes
    return data[:cut].decode("utf-8", errors="ignore")


def split_document(text: str, size: int) -> list[str]:
    """Cut *text* into consecutive pieces of about *size* UTF-8 bytes, at blank lines when possible."""
    pieces: list[str] = []
    start = 0
    while start < len(text):
        # characters and bytes differ a little (accents): aim by characters, check by bytes
        end = min(len(text), start + size)
        while end < len(text) and utf8_size(text[start:end]) > size:
            end -= max(1, (utf8_size(text[start:end]) - size) // 2)
        if end < len(text):
            cut = text.rfind("\n\n", start + size // 2, end)
            end = cut if cut > start else end
        pieces.append(text[start:end])
        start = end
        while start < len(text) and text[start] == "\n":
            start += 1
    return [p for p in pieces if p.strip()]


def corpus_digest(articles: list[str]) -> str:
    """A short hash identifying the corpus (so two runs can be compared)."""
    h = hashlib.sha256()
    for a in articles:
        h.update(a.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:12]


def parse_size(text: str) -> int:
    """``"10KB"``, ``"1MB"``, ``"250000"`` → bytes (1 KB = 1000 bytes)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmM]?)[bB]?\s*", text)
    if not m:
        raise ValueError(f"not a size: {text!r}")
    factor = {"": 1, "k": 1000, "m": 1_000_000}[m.group(2).lower()]
    return int(float(m.group(1)) * factor)


def main(argv: list[str] | None = None) -> int:
    """Write corpora to disk: one article per block, articles separated by a blank line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", action="append", default=[], help="corpus size, e.g. 1MB (repeatable)")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="output directory")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for size_text in args.size or ["1MB"]:
        articles = build_articles(parse_size(size_text))
        path = args.out / f"corpus_{size_text}.txt"
        path.write_text(ARTICLE_SEPARATOR.join(articles), encoding="utf-8")
        print(f"{path}: {len(articles)} articles, {path.stat().st_size} bytes, digest {corpus_digest(articles)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
