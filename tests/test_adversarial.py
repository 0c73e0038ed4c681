"""No blow-up: adversarial inputs are parsed in time linear in their size.

Each input is parsed at two sizes; the larger one may not cost more per
character than a generous factor of the smaller one (timings are noisy, a
quadratic algorithm is not). `benchmarks/adversarial.py` reports the times.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import milinc

PATTERNS: dict[str, Callable[[int], str]] = {
    "one long line": lambda n: ("le 28 juin au moins huit missiles ont frappé Bagdad " * n)[: n * 50],
    "repeated le": lambda n: "le " * (n * 17),
    "long digit run": lambda n: "1" * (n * 50),
    "digit groups": lambda n: "2 500 " * (n * 8),
    "number words": lambda n: "vingt et un mille " * (n * 3),
    "nested quotes": lambda n: "« " * (n * 12) + "attaque" + " »" * (n * 12),
    "trigger words": lambda n: "attaque frappe bombardement " * (n * 2),
    "weekday soup": lambda n: "lundi mardi soir nuit de jeudi à " * (n * 2),
}


def cost(text: str) -> float:
    parser = milinc.default_parser()
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        parser.parse(text)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_time_grows_linearly(name: str) -> None:
    make = PATTERNS[name]
    small, large = make(400), make(1600)
    assert len(large) >= 3.5 * len(small)
    t_small, t_large = cost(small), cost(large)
    per_char_small = t_small / len(small)
    per_char_large = t_large / len(large)
    # generous: 3x per character, plus slack for very fast runs
    assert t_large <= 0.05 + 3 * per_char_small * len(large), (name, per_char_small, per_char_large)


def test_a_megabyte_on_one_line_is_parsed() -> None:
    text = PATTERNS["one long line"](20_000)
    assert len(text) >= 1_000_000
    doc = milinc.parse(text)
    assert doc.text is text
