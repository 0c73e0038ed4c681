"""Compiled regexes (milinc.regexes): public re only, nothing read from or written to disk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import milinc
from milinc import engine, regexes

SRC = Path(milinc.__file__).resolve().parent
WORDS = [f"mot{i}" for i in range(400)] + ["dôme de fer", "lance-roquettes", "obus"]


def test_compile_is_re_compile_memoized() -> None:
    pattern = r"(?<![^\W_])" + engine.lexicon_regex(WORDS)
    compiled = regexes.compile(pattern)
    assert compiled is regexes.compile(pattern)
    assert compiled.pattern == pattern
    assert [m.group() for m in compiled.finditer("le dome  de fer, mot12 et xmot3")] == ["dome  de fer", "mot12"]


def test_the_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexes, "_memory", type(regexes._memory)())
    monkeypatch.setattr(regexes, "MAX_MEMO", 10)
    for i in range(50):
        regexes.compile(f"x{i}")
    assert len(regexes._memory) == 10


def test_a_corrupt_file_in_the_old_regex_cache_is_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # before: ~/.cache/milinc/regex/*.re held matcher code fed to _sre.compile; one altered byte crashed
    # the interpreter, and two swapped entries silently changed results. Nothing is read from there now.
    old = tmp_path / "milinc" / "regex"
    old.mkdir(parents=True)
    for i in range(5):
        (old / f"{i:040x}.re").write_bytes(b"\x00\xff" * 100)
    monkeypatch.setenv("MILINC_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexes, "_memory", type(regexes._memory)())
    opened: list[str] = []
    real_open = open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", spy)
    pattern = r"(?P<head>(?<![^\W_])" + engine.lexicon_regex(WORDS) + r")|(?P<digits>\d+)"
    compiled = regexes.compile(pattern)
    assert [(m.lastgroup, m.group()) for m in compiled.finditer("mot5 42")] == [("head", "mot5"), ("digits", "42")]
    assert not [f for f in opened if f.endswith(".re")]


_PRIVATE = re.compile(
    r"\b(?:import\s+(?:_sre|sre_parse|sre_compile|sre_constants|marshal|pickle|cPickle|shelve)\b"
    r"|from\s+(?:_sre|sre_parse|sre_compile|sre_constants|re\._\w+|re)\s+import\s+_"
    r"|(?<![`\w])(?:re\._(?:parser|compiler|constants|casefix)|_sre\.\w|marshal\.\w|pickle\.\w|shelve\.\w)"
    r"|(?<![\w.`])(?:eval|exec)\()"
)


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_private_re_internals_pickle_marshal_or_eval(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [m.group() for m in _PRIVATE.finditer(text)]
    assert not found, f"{path.name} uses {found}"
