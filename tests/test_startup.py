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

from milinc import cache, engine, plugins
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
        "from milinc.weapons import taxonomy\n"
        "built = []\n"
        "build = taxonomy.build_taxonomy\n"
        "taxonomy.build_taxonomy = lambda data: built.append(1) or build(data)\n"
        "doc = milinc.parse('Deux soldats ont été tués lundi près de Gao.', reference_date='2024-03-04')\n"
        "from milinc import grammar_tables, regex_prefix, shared_parser\n"
        "p = shared_parser.default_parser()\n"
        "lexicons = {'weapons': p._weapons.matcher.anchors, 'dates': p._dates.matcher.anchors,\n"
        "            'quantities': p._quantities._matcher.anchors, 'triggers': p._events.triggers.matcher.anchors}\n"
        "print(json.dumps({'sources': grammar_tables.sources(), 'modules': sorted(sys.modules),\n"
        "                  'events': len(doc.events), 'analysed': regex_prefix.analyse.cache_info().currsize,\n"
        "                  'whole_lexicons': sorted(k for k, v in lexicons.items() if '_whole' in vars(v)),\n"
        "                  'taxonomy_built': len(built)}))\n"
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


def test_a_first_parse_analyses_no_lexer_pattern(first_parse: dict[str, Any]) -> None:
    # the lexers' cut by first character ships with the driver tables (hints, heavy terminals' pieces)
    assert first_parse["analysed"] == 0


def test_a_first_parse_of_a_short_text_compiles_no_whole_lexicon_regex(first_parse: dict[str, Any]) -> None:
    # only the words the text can hold (milinc.lexicon_pattern): the whole anchor lexicons cost most of start-up
    assert first_parse["whole_lexicons"] == []


def test_a_first_parse_reads_the_shipped_weapon_taxonomy(first_parse: dict[str, Any]) -> None:
    # inflecting and folding every form of weapons.json is done by scripts/build_tables.py, not at start-up
    assert first_parse["taxonomy_built"] == 0


def test_the_shipped_weapon_taxonomy_is_the_one_built_from_the_data() -> None:
    from milinc.weapons import taxonomy

    built = taxonomy.build_taxonomy(taxonomy.load_taxonomy_data())
    loaded = taxonomy.taxonomy_from_data(taxonomy._shipped_taxonomy()["taxonomy"])
    assert loaded == built
    for table in ("nouns", "modifiers", "complements", "aliases", "subtype_names"):
        assert list(getattr(loaded, table).items()) == list(getattr(built, table).items())  # order kept too

    def shared(tax: taxonomy.Taxonomy) -> list[int]:  # which forms share one entry
        ids: dict[int, int] = {}
        values = [*tax.nouns.values(), *tax.modifiers.values(), *tax.complements.values()]
        return [ids.setdefault(id(v), len(ids)) for v in values] + [
            next(i for i, s in enumerate(tax.systems) if s is a.system) for a in tax.aliases.values()]

    assert shared(loaded) == shared(built)


def test_a_shipped_taxonomy_of_other_data_or_code_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from milinc.weapons import taxonomy

    built = taxonomy.build_taxonomy(taxonomy.load_taxonomy_data())
    shipped = taxonomy._shipped_taxonomy()
    assert shipped["key"] == taxonomy.taxonomy_key(
        (ROOT / "src" / "milinc" / "data" / "weapons.json").read_bytes())
    wrong = {**shipped["taxonomy"], "ship_prefixes": ["XYZ"]}
    for found in ({"key": "another", "taxonomy": wrong}, {"key": shipped["key"], "taxonomy": {"nouns": 3}}):
        monkeypatch.setattr(taxonomy, "_shipped_taxonomy", lambda found=found: found)
        assert taxonomy.load_taxonomy.__wrapped__() == built  # uncached: the process keeps its taxonomy


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


@pytest.fixture
def standard_finders(monkeypatch: pytest.MonkeyPatch) -> None:
    # other tests' imports may add finders of distributions (then discovery rightly defers to importlib.metadata)
    from importlib import machinery

    standard = [f for f in sys.meta_path if f is machinery.PathFinder or getattr(f, "find_distributions", None) is None]
    monkeypatch.setattr(sys, "meta_path", standard)


def _distribution(root: Path, name: str, entry_points: str | None) -> None:
    info = root / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def test_plugin_discovery_knows_when_no_distribution_declares_a_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, standard_finders: None
) -> None:
    # so that a process without plugins need not import importlib.metadata at start-up
    _distribution(tmp_path / "site", "plain", None)
    _distribution(tmp_path / "site", "scripts", "[console_scripts]\nfoo = foo:main\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "site"), str(tmp_path / "missing")])
    assert plugins._may_declare_plugins() is False


def test_plugin_discovery_defers_to_importlib_metadata_when_a_plugin_may_be_declared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, standard_finders: None
) -> None:
    _distribution(tmp_path / "site", "other", f"[{plugins.ENTRY_POINT_GROUP}]\nx = other:plugin\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "site")])
    assert plugins._may_declare_plugins() is True
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing")])
    assert plugins._may_declare_plugins() is False

    class Finder:  # another finder of distributions: importlib.metadata decides
        def find_distributions(self, *args: Any) -> list[Any]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    assert plugins._may_declare_plugins() is True
    monkeypatch.setattr(sys, "meta_path", sys.meta_path[:-1])
    archive = tmp_path / "bundle.zip"  # a zip on the path is not read here: importlib.metadata decides
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert plugins._may_declare_plugins() is True


def test_a_process_without_plugin_distributions_does_not_consult_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, standard_finders: None
) -> None:
    import importlib.metadata

    consulted: list[str] = []

    def entry_points(**kwargs: Any) -> Any:
        consulted.append(kwargs.get("group", ""))
        return []

    _distribution(tmp_path / "site", "plain", None)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "site")])
    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    monkeypatch.delitem(sys.modules, "importlib.metadata")  # as in a fresh process
    assert plugins._load_installed() == []
    assert consulted == []
    monkeypatch.setitem(sys.modules, "importlib.metadata", importlib.metadata)  # once imported, it decides
    assert plugins._load_installed() == []
    assert consulted == [plugins.ENTRY_POINT_GROUP]


@pytest.mark.parametrize("dimension", ["dates", "weapons", "quantities", "events"])
def test_the_shipped_lexer_hints_cut_the_terminals_as_the_analysis_does(parser: Parser, dimension: str) -> None:
    from milinc.lexer_dispatch import HINTED, FirstCharLexer

    driver = _matchers(parser)[dimension]._driver
    assert driver is not None
    hinted = driver.first_char
    assert hinted._hints is not None, "the driver tables carry hints"
    analysed = FirstCharLexer(hinted.terminals, hinted.flags)  # no hints: every pattern analysed
    for ch in sorted(HINTED):
        one, other = hinted.regex_for(ch), analysed.regex_for(ch)
        assert (one is None) == (other is None), ch
        if one is None or other is None:
            continue
        for sample in (ch, ch * 3, ch + "eux mille", ch + " 12 h 30", ch + "-136 et", ch + "issiles de croisiere"):
            got, want = one.match(sample), other.match(sample)
            assert (got and (got.lastgroup, got.span())) == (want and (want.lastgroup, want.span())), (ch, sample)
