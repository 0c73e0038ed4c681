"""Parse times of the adversarial inputs of ``tests/test_adversarial.py`` at several sizes.

Usage (from the repository root, with the ``test`` extra installed)::

    python benchmarks/adversarial.py                # 10 KB, 100 KB and 1 MB of each input (a few minutes)
    python benchmarks/adversarial.py --quick        # 10 KB and 100 KB only
    python benchmarks/adversarial.py --sizes 5000 50000 --clock wall

The inputs are the ones the linear-time test checks (one long line, 100 000 repeated
"le", long digit runs, digit groups, chains of number words, deeply nested quotes, trigger
words, weekday soup); this script reads them from the test module so that the two never
drift apart. For each input and size it prints the best of a few parses, the cost per
character, and how that cost grows against the smallest size: a linear algorithm stays
near 1x, a quadratic one grows with the size ratio.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_adversarial import PATTERNS  # noqa: E402  (the inputs of the linear-time test)

import milinc  # noqa: E402

CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}


def make_input(name: str, chars: int) -> str:
    """The adversarial input *name* grown to about *chars* characters.

    Args:
        name: a key of ``PATTERNS``.
        chars: the wanted length.

    Returns:
        The text (its length is *chars* rounded up to a whole number of repetitions).
    """
    pattern = PATTERNS[name]
    unit = max(1, len(pattern(1)))
    return pattern(max(1, math.ceil(chars / unit)))


def best_time(parser: milinc.Parser, text: str, clock: Callable[[], float], runs: int) -> float:
    """The shortest of *runs* parses of *text*, in seconds (the minimum is the least noisy on a shared machine)."""
    best = math.inf
    for _ in range(runs):
        start = clock()
        parser.parse(text)
        best = min(best, clock() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table.

    Args:
        argv: command-line arguments (``sys.argv[1:]`` by default).

    Returns:
        The exit status.
    """
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", help="input sizes in characters (default: 10 KB, 100 KB, 1 MB)")
    ap.add_argument("--quick", action="store_true", help="10 KB and 100 KB only")
    ap.add_argument("--runs", type=int, default=2, help="parses per input and size; the best is kept")
    ap.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="cpu",
        help="process CPU time (default: steady on a shared machine) or wall time",
    )
    ap.add_argument("--only", nargs="+", choices=sorted(PATTERNS), help="inputs to run (default: all)")
    args = ap.parse_args(argv)
    sizes = args.sizes or ([10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    clock = CLOCKS[args.clock]
    parser = milinc.Parser(discover=False)  # the built-in grammars: installed plugins would blur the comparison
    parser.parse("Lundi soir, au moins huit roquettes ont frappé la base.")  # warm-up: grammars compiled, caches filled

    print(f"milinc {milinc.__version__}: adversarial inputs, best of {args.runs} parse(s), {args.clock} clock\n")
    print(f"| {'input':<16} | {'chars':>9} | {'seconds':>9} | {'µs/char':>8} | {'growth':>6} |")
    print(f"|{'-' * 18}|{'-' * 11}|{'-' * 11}|{'-' * 10}|{'-' * 8}|")
    for name in args.only or sorted(PATTERNS):
        first: float | None = None
        for size in sorted(sizes):
            text = make_input(name, size)
            seconds = best_time(parser, text, clock, args.runs)
            per_char = seconds / len(text)
            first = per_char if first is None else first
            growth = per_char / first if first > 0 else float("nan")
            print(
                f"| {name:<16} | {len(text):>9,} | {seconds:>9.3f} | {per_char * 1e6:>8.2f} | {growth:>5.1f}x |",
                flush=True,
            )
    print("\ngrowth = cost per character against the smallest size: about 1x is linear time.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
