"""Compiled grammars come from plain data (shipped tables, the private cache) or memory, never a pickle."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import lark
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Transformer

from milinc import cache, engine, grammar_tables

ROOT = Path(__file__).resolve().parent.parent

TOY = r"""
start: item+
item: NUM UNIT -> measure
    | WORD     -> word
NUM: /\d+/
UNIT.2: "km" | "m"
WORD: /[a-z]+/
%ignore /[ ]+/
"""


class Collect(Transformer[Any, Any]):
    def start(self, children: list[Any]) -> Any:
        return children

    def measure(self, children: list[Any]) -> Any:
        return ("measure", int(children[0]), str(children[1]))

    def word(self, children: list[Any]) -> Any:
        return ("word", str(children[0]))


_planted_runs: list[str] = []


def _planted_payload() -> None:
    _planted_runs.append("code from the temp dir ran")


class _Planted:
    def __reduce__(self) -> Any:
        return (_planted_payload, ())


@pytest.fixture
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _fresh_grammar(tag: str) -> str:
    # a grammar text no process compiled before (a comment makes it new)
    return TOY + f"// {tag} {os.getpid()} {id(object())}\n"


def test_a_pickle_planted_where_lark_s_cache_would_be_is_never_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_cache: Path
) -> None:
    # before the fix, compile_grammar called Lark(..., cache=True): lark unpickled
    # <tempdir>/.lark_cache_<user>_<sha256 of grammar and options>_<py>.tmp, a name any local user can predict
    shared_tmp = tmp_path / "shared-tmp"
    shared_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared_tmp))
    text = engine._fill_lexicons(_fresh_grammar("planted"), {})
    import getpass

    options = {"parser": "lalr", "lexer": "basic", "start": "start", "maybe_placeholders": False, "cache": True}
    options_str = "".join(k + str(v) for k, v in options.items())
    sha = hashlib.sha256((text + options_str + lark.__version__ + str(sys.version_info[:2])).encode()).hexdigest()
    planted = shared_tmp / ".lark_cache_{}_{}_{}_{}.tmp".format(getpass.getuser(), sha, *sys.version_info[:2])
    planted.write_bytes(sha.encode() + b"\n" + pickle.dumps(_Planted()))
    _planted_runs.clear()
    compiled = engine.compile_grammar(text, transformer=Collect())
    assert _planted_runs == []
    assert compiled.parse("3 km abc") == [("measure", 3, "km"), ("word", "abc")]
    assert not [p for p in shared_tmp.iterdir() if p != planted], "nothing is written to the shared temp dir"


def test_no_pickle_or_marshal_is_loaded_when_grammars_compile(
    monkeypatch: pytest.MonkeyPatch, private_cache: Path
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("pickle/marshal load")

    for module, name in ((pickle, "load"), (pickle, "loads"), (marshal, "load"), (marshal, "loads")):
        monkeypatch.setattr(module, name, refuse)
    text = _fresh_grammar("no-pickle")
    first = engine.compile_grammar(text, transformer=Collect())  # built in memory, cached as JSON
    assert grammar_tables.sources()[grammar_tables.grammar_key(text, "start")] == "built"
    engine._compiled.clear()
    second = engine.compile_grammar(text, transformer=Collect())  # read back from the private cache
    assert grammar_tables.sources()[grammar_tables.grammar_key(text, "start")] == "cache"
    assert first.parse("12 m x") == second.parse("12 m x") == [("measure", 12, "m"), ("word", "x")]
    assert all(p.suffix == ".json" for p in (private_cache / cache.SUBDIR).iterdir())


def _rule(rule: Any) -> Any:
    return (str(rule.origin.name), [str(s.name) for s in rule.expansion], rule.alias, repr(rule.options))


def test_tables_from_the_cache_are_the_tables_lark_builds(private_cache: Path) -> None:
    text = _fresh_grammar("same-tables")
    built = grammar_tables.load(text, "start", Collect())
    loaded = grammar_tables.load(text, "start", Collect())
    assert grammar_tables.sources()[grammar_tables.grammar_key(text, "start")] == "cache"

    def table(compiled: lark.Lark) -> Any:
        states = compiled.parser.parser.parser.parse_table.states
        return {
            s: {tok: (action.name, arg if isinstance(arg, int) else _rule(arg)) for tok, (action, arg) in acts.items()}
            for s, acts in states.items()
        }

    assert table(built) == table(loaded)
    assert [(t.name, t.pattern.to_regexp(), t.priority) for t in built.terminals] == [
        (t.name, t.pattern.to_regexp(), t.priority) for t in loaded.terminals
    ]
    assert grammar_tables.lexer_plan(built) == grammar_tables.lexer_plan(loaded)


def test_a_cache_entry_for_another_grammar_is_not_used(private_cache: Path) -> None:
    one, two = _fresh_grammar("one"), TOY.replace('"km" | "m"', '"km" | "m" | "cm"') + "// two\n"
    grammar_tables.load(one, "start", Collect())
    grammar_tables.load(two, "start", Collect())
    directory = private_cache / cache.SUBDIR
    files = sorted(directory.glob("grammar-*.json"))
    assert len(files) == 2
    a, b = (f.read_bytes() for f in files)
    files[0].write_bytes(b)
    files[1].write_bytes(a)  # swapped entries
    assert grammar_tables.load(two, "start", Collect()).parse("3 cm") == [("measure", 3, "cm")]
    assert grammar_tables.sources()[grammar_tables.grammar_key(two, "start")] == "built"


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=3) | st.integers(), inner, max_size=3),
        max_leaves=20,
    )
)
def test_table_data_round_trips_through_json(value: Any) -> None:
    assert grammar_tables.decode(json.dumps(grammar_tables.encode(value))) == value


def test_encoding_refuses_objects() -> None:
    with pytest.raises(TypeError):
        grammar_tables.encode({"transformer": Collect()})


def test_the_shipped_tables_are_up_to_date() -> None:
    # the built-in parser must load every grammar and big lexicon from the package, not build it
    code = (
        "from milinc import engine, grammar_tables\n"
        "from milinc.pipeline import Parser\n"
        "Parser(discover=False)\n"
        "for compiled in list(engine._compiled_for_matching.values()):\n"
        "    compiled.lark  # lark's own tables, loaded on demand, are shipped too\n"
        "built = sorted(k for k, v in grammar_tables.sources().items() if v != 'shipped')\n"
        "shipped = engine._shipped_lexicons()\n"
        "missing = sorted(k for k in engine._built_lexicons if k not in shipped)\n"
        "print(len(built) + len(missing))\n"
    )
    env = {**os.environ, cache.ENV: ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "0", (
        "the compiled tables in src/milinc/compiled/ are stale: run `python scripts/build_tables.py` "
        "and commit the result"
    )
