"""Parsing from several threads at once gives the same results as serially."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import milinc

from .conftest import SEEDS


def test_threads_give_the_serial_results() -> None:
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            texts.append(f.read())
    jobs = texts * 4
    ref = dt.date(2022, 1, 5)
    serial = [milinc.parse(t, reference_date=ref) for t in jobs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(lambda t: milinc.parse(t, reference_date=ref), jobs))
    assert parallel == serial


def test_parsers_with_their_own_settings_share_nothing_mutable() -> None:
    small = milinc.Parser(max_chars=10, discover=False)
    big = milinc.Parser(discover=False)
    assert small.parse("court").text == "court"
    assert big.parse("x" * 100).text == "x" * 100
