"""Start-up stays lazy: a first parse reads the shipped driver tables, builds no ``Lark`` object and
imports nothing it does not need; the driver tables match exactly as lark's own tables do.

Start-up *time* is measured by a benchmark, never by a test: these tests check the work that is
(not) done, which fails deterministically when someone makes start-up eager again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from milinc import cache, engine
from milinc.context import ExtractionContext
from milinc.pipeline import Parser
from milinc.plugins import DISABLE_AUTOLOAD_ENV

ROOT = Path(__file__).resolve().parent.parent

# What a first parse does not need: loaded on first use only.
NOT_NEEDED_BY_A_PARSE = (
    "cattrs",
    "milinc.batch",
    "milinc.cli",
    "milinc.contract",
    "milinc.crossdoc",
    "milinc.export",
    "milinc.render",
    "milinc.schema",
    "milinc.serialization",
)


def _first_parse_report() -> dict[str, Any]:
    code = (
        "import json, sys\n"
        "import milinc\n"
        "doc = milinc.parse('Deux soldats ont été tués lundi près de Gao.', reference_date='2024-03-04')\n"
        "from milinc import grammar_tables\n"
        "print(json.dumps({'sources': grammar_tables.sources(), 'modules': sorted(sys.modules),\n"
        "                  'events': len(doc.events)}))\n"
    )
    # no installed plugin (their grammars are not shipped) and no private cache: what a fresh install does
    env = {**os.environ, cache.ENV: "", DISABLE_AUTOLOAD_ENV: "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=300)
    report: dict[str, Any] = json.loads(out.stdout)
    return report


@pytest.fixture(scope="module")
def first_parse() -> dict[str, Any]:
    return _first_parse_report()


def test_a_first_parse_reads_shipped_driver_tables_and_builds_no_lark_object(first_parse: dict[str, Any]) -> None:
    assert first_parse["events"] == 1  # the parse did run through every stage
    sources = first_parse["sources"]
    assert sources, "the grammars were compiled"
    # a key without the "driver:" prefix is a Lark object loaded or built (slow); "built" means compiled in memory
    assert {k: v for k, v in sources.items() if not k.startswith("driver:") or v != "shipped"} == {}


def test_a_first_parse_imports_no_module_it_does_not_need(first_parse: dict[str, Any]) -> None:
    loaded = set(first_parse["modules"])
    assert sorted(m for m in NOT_NEEDED_BY_A_PARSE if m in loaded) == []


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(discover=False)


def _matchers(parser: Parser) -> dict[str, engine.GrammarMatcher]:
    return {
        "dates": parser._dates.matcher,
        "weapons": parser._weapons.matcher,
        "quantities": parser._quantities._matcher,
        "events": parser._events.triggers.matcher,
    }


def _texts() -> list[str]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:12]
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    texts.append("Dans la nuit de jeudi à vendredi, trois drones Shahed-136 et deux missiles Kh-101 ont été abattus.")
    texts.append("Au moins 12 soldats ont été tués et une vingtaine blessés le 3 mars 2024 près de Kidal.")
    return texts


@pytest.mark.parametrize("dimension", ["dates", "weapons", "quantities", "events"])
def test_the_driver_tables_match_exactly_as_lark_s_own_tables(parser: Parser, dimension: str) -> None:
    from_tables = _matchers(parser)[dimension]
    assert isinstance(from_tables._grammar, engine.CompiledGrammar)
    assert from_tables._driver is not None
    from_lark = engine.GrammarMatcher(
        from_tables.lark, from_tables.anchors, lookback=from_tables.lookback, window=from_tables.window,
        accept=from_tables.accept,
    )
    assert from_lark._driver is not None
    compared = 0
    for text in _texts():
        norm = ExtractionContext.for_text(text).text
        expected = list(from_lark.finditer(norm))
        assert list(from_tables.finditer(norm)) == expected
        compared += len(expected)
    assert compared > 0, "the texts hold matches of this grammar"
