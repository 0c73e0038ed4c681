"""How much slower parsing is with the Sahel plugin than without (issue 7: at most 10 %).

    python examples/milinc-plugin-sahel/overhead.py [--rounds 7] [FILE...]

Parses the given texts (default: the seed articles) with a parser without
plugins and with one holding only the Sahel plugin, in alternating rounds,
and prints the best time of each and their ratio. Building the parsers
(compiling the grammars) is not counted: it happens once per plugin set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import milinc

ROOT = Path(__file__).resolve().parents[2]


def _time(parser: milinc.Parser, texts: list[str], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            parser.parse(text, reference_date=dt.date(2024, 1, 1))
    return time.perf_counter() - start


def main() -> None:
    """Measure and print the overhead."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("files", nargs="*", type=Path)
    args.add_argument("--rounds", type=int, default=7)
    args.add_argument("--repeat", type=int, default=3, help="parses of every text per round")
    opts = args.parse_args()
    files = opts.files or sorted((ROOT / "seeds").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]

    built = time.perf_counter()
    bare = milinc.Parser(discover=False)
    bare_build = time.perf_counter() - built
    built = time.perf_counter()
    sahel = milinc.Parser(plugins=["sahel"], discover=False)
    sahel_build = time.perf_counter() - built
    _time(bare, texts, 1), _time(sahel, texts, 1)  # warm up both

    best_bare = best_sahel = float("inf")
    for _ in range(opts.rounds):
        best_bare = min(best_bare, _time(bare, texts, opts.repeat))
        best_sahel = min(best_sahel, _time(sahel, texts, opts.repeat))
    chars = sum(map(len, texts)) * opts.repeat
    print(f"texts: {len(texts)} ({chars // opts.repeat} characters), rounds: {opts.rounds} x {opts.repeat}")
    print(f"build: without plugins {bare_build:.3f} s, with sahel {sahel_build:.3f} s")
    print(f"parse: without plugins {best_bare:.4f} s, with sahel {best_sahel:.4f} s")
    print(f"overhead: {100 * (best_sahel / best_bare - 1):+.1f} %")


if __name__ == "__main__":
    main()
