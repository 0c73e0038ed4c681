"""The on-disk cache of compiled regexes and lexicon regex sources (milinc.regexes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from milinc import engine, regexes, trie_regex

WORDS = [f"mot{i}" for i in range(400)] + ["dôme de fer", "lance-roquettes", "obus"]
SAMPLES = ["le dôme  de fer", "mot12 et mot399", "xmot3", "lance-roquettes", "rien ici", "Obus", "mot1234"]


def _big_pattern() -> str:
    pattern = r"(?P<head>(?<![^\W_])" + engine.lexicon_regex(WORDS) + r")|(?P<digits>\d+)"
    assert len(pattern) >= regexes.CACHE_FROM
    return pattern


def _same_behaviour(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in SAMPLES:
        assert [(m.span(), m.lastgroup) for m in a.finditer(text)] == [(m.span(), m.lastgroup) for m in b.finditer(text)]


@pytest.fixture
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MILINC_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexes, "_memory", {})
    return tmp_path


def test_cold_and_warm_compiles_behave_like_re_compile(cache_in: Path) -> None:
    pattern = _big_pattern()
    reference = re.compile(pattern, re.IGNORECASE)
    cold = regexes.compile(pattern, re.IGNORECASE)
    assert list(cache_in.glob("*.re")), "a big pattern is written to the cache"
    regexes._memory.clear()
    warm = regexes.compile(pattern, re.IGNORECASE)
    assert warm is not cold
    _same_behaviour(reference, cold)
    _same_behaviour(reference, warm)


def test_small_patterns_skip_the_disk(cache_in: Path) -> None:
    assert regexes.compile(r"\d+").match("42") is not None
    assert not list(cache_in.iterdir())


def test_a_corrupt_cache_file_is_rebuilt(cache_in: Path) -> None:
    pattern = _big_pattern()
    regexes.compile(pattern)
    for path in cache_in.glob("*.re"):
        path.write_bytes(b"\x00garbage")
    regexes._memory.clear()
    _same_behaviour(re.compile(pattern), regexes.compile(pattern))


def test_valid_marshal_but_wrong_code_falls_back(cache_in: Path) -> None:
    import marshal

    pattern = _big_pattern()
    regexes.compile(pattern)
    for path in cache_in.glob("*.re"):
        path.write_bytes(marshal.dumps(([1, 2, 3], 32, 2, {}, (None,))))  # code _sre must refuse
    regexes._memory.clear()
    _same_behaviour(re.compile(pattern), regexes.compile(pattern))


def test_cache_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILINC_CACHE_DIR", "")
    monkeypatch.setattr(regexes, "_memory", {})
    assert regexes.cache_dir() is None
    _same_behaviour(re.compile(_big_pattern()), regexes.compile(_big_pattern()))
    assert regexes.memo_on_disk("test", "k", lambda: ("v", 1)) == ("v", 1)


def test_unwritable_cache_dir_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("MILINC_CACHE_DIR", str(blocker / "sub"))
    monkeypatch.setattr(regexes, "_memory", {})
    _same_behaviour(re.compile(_big_pattern()), regexes.compile(_big_pattern()))


def test_memo_on_disk_builds_once_per_key(cache_in: Path) -> None:
    calls: list[str] = []

    def build(value: str) -> tuple[str, tuple[str, ...]]:
        calls.append(value)
        return value, ("a", "b")

    assert regexes.memo_on_disk("test", "key1", lambda: build("one")) == ("one", ("a", "b"))
    assert regexes.memo_on_disk("test", "key1", lambda: build("again")) == ("one", ("a", "b"))
    assert regexes.memo_on_disk("test", "key2", lambda: build("two")) == ("two", ("a", "b"))
    assert calls == ["one", "two"]


def test_lexicon_regex_is_the_same_with_and_without_the_cache(cache_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached_cold = engine.lexicon_regex(WORDS)
    cached_warm = engine.lexicon_regex(reversed(WORDS))  # order does not matter
    monkeypatch.setenv("MILINC_CACHE_DIR", "")
    assert cached_cold == cached_warm == engine.lexicon_regex(WORDS)
    assert engine._lexicon_initials[cached_warm] == trie_regex.lexicon_regex_and_initials(WORDS)[1]


def test_caching_re_serves_lark(cache_in: Path) -> None:
    from lark import Lark

    words = " | ".join(f'"{w}"' for w in WORDS[:300])
    grammar = f"start: WORD+\nWORD: /[a-z]+\\d*/ | {words}\n%ignore \" \""
    lark = Lark(grammar, parser="lalr", lexer="basic")
    lark.parser.lexer.re = regexes.CachingRe()
    assert [t.value for t in lark.lex("mot1 mot2 abc")] == ["mot1", "mot2", "abc"]
    assert regexes.CachingRe.match(r"\d+", "12a") is not None
    assert regexes.CachingRe().escape("a.b") == re.escape("a.b")


def test_the_cache_is_pruned_to_its_newest_entries(cache_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setattr(regexes, "MAX_ENTRIES", 8)
    for i in range(8):
        old = cache_in / f"old{i}.re"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    regexes.memo_on_disk("test", "fresh", lambda: "value")  # the ninth entry: over the limit
    left = sorted(p.name for p in cache_in.iterdir())
    assert len(left) == 6  # pruned to three quarters of the limit, the newest kept
    assert any(name.endswith(".test") for name in left)
    assert "old0.re" not in left and "old7.re" in left
