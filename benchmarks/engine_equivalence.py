"""Check that the engine's fast paths find exactly what the plain reference code finds.

1. ``lexicon_regex`` (a trie) against the plain longest-first alternation, at every
   position, for every lexicon the default parser compiles;
2. ``GrammarMatcher.parse_at`` against lark's interactive parser (below), and the
   first-token filter (``GrammarMatcher._can_start``) never skipping a start that matches.

``milinc.engine.GrammarMatcher.parse_at`` drives lark's LALR tables directly for
speed; ``_parse_at_interactive`` is the reference written with lark's public
interactive-parser API. This script runs both at every candidate start of every
anchor, for every grammar matcher the default parser holds (plus the engine
tests' toy grammar), over the benchmark corpus and a few hand-written edge
cases, and reports any difference. Run it after touching the engine::

    python benchmarks/engine_equivalence.py            # 1 MB corpus
    python benchmarks/engine_equivalence.py --size 200KB
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_corpus

EDGE_CASES = (
    "le 28 juin 2021 a 5 h 30, lundi soir",
    "les lundis et juinx, 12juin, juin12",
    "au moins huit roquettes\net 3 obus",
    "  ,,, - ' \" 2 500 1er 1 000 000 soldats",
    "dans la nuit de samedi a dimanche, vers 3 heures du matin",
    "du 3 au 5 mars 2024 puis entre le 7 et le 9 avril",
    "un drone shahed-136 et deux missiles kh-101, un ac-130",
)


TOY_GRAMMAR = r"""
start: qual? num unit?
qual: AU MOINS | PRES DE | ENVIRON | PLUS D "'" | PLUS DE
num: INT | NUMWORD | INT INT
unit: WORD | WORD DE WORD
AU: "au"
MOINS: "moins"
PRES: "pres"
DE: "de"
D: "d"
ENVIRON: "environ"
PLUS: "plus"
NUMWORD.2: /@LEXICON:numbers@/
INT: /\d+/
WORD: /[^\W\d_]+/
%ignore /[ ]+/
"""


def toy_matcher() -> Any:
    """A grammar with keywords taken from a generic WORD, a lexicon, and a transformer that rejects."""
    import re

    from lark import Transformer

    from milinc.engine import GrammarMatcher, compile_grammar, words_regex

    class Toy(Transformer[Any, Any]):
        def start(self, children: list[Any]) -> Any:
            words = [str(c) for c in children]
            # reject matches ending on "de" so the longest accepted prefix is not always the longest parse
            return None if words and words[-1].endswith("de") else tuple(words)

        def num(self, children: list[Any]) -> str:
            return " ".join(map(str, children))

        def unit(self, children: list[Any]) -> str:
            return " ".join(map(str, children))

        def qual(self, children: list[Any]) -> str:
            return " ".join(map(str, children))

    numbers = [
        "un",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "douze",
        "quinze",
        "vingt",
        "trente",
        "cent",
        "mille",
    ]
    lark = compile_grammar(TOY_GRAMMAR, transformer=Toy(), lexicons={"numbers": numbers})
    return GrammarMatcher(lark, re.compile(r"\d+|" + words_regex(numbers).pattern), lookback=3)


def matchers() -> Iterator[tuple[str, Any]]:
    """Every GrammarMatcher reachable from the default parser (two attribute levels down)."""
    import milinc
    from milinc.engine import GrammarMatcher

    seen: set[int] = set()

    def walk(name: str, obj: Any, depth: int) -> Iterator[tuple[str, Any]]:
        if isinstance(obj, GrammarMatcher):
            if id(obj) not in seen:
                seen.add(id(obj))
                yield name, obj
            return
        if depth == 0 or not hasattr(obj, "__dict__"):
            return
        for attr, value in vars(obj).items():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                yield from walk(f"{name}.{attr}", item, depth - 1)

    yield from walk("parser", milinc.default_parser(), 3)


def recorded_lexicons() -> list[list[str]]:
    """The phrase lists the default parser's extractors turn into regexes (recorded while a parser is built)."""
    import milinc
    from milinc import engine

    recorded: list[list[str]] = []
    original = engine.lexicon_regex

    def recording(phrases: Any) -> str:
        phrases = list(phrases)
        recorded.append(phrases)
        return original(phrases)

    engine.lexicon_regex = recording
    try:
        # compiled extractors are shared per plugin set: empty that cache so they are built again
        from milinc import extensions

        saved = dict(extensions._memo)
        extensions._memo.clear()
        try:
            milinc.Parser()
        finally:
            extensions._memo.clear()
            extensions._memo.update(saved)
    finally:
        engine.lexicon_regex = original
    return recorded


def check_lexicons(texts: list[str]) -> tuple[int, list[str]]:
    """The trie regex of each lexicon finds what the plain longest-first alternation finds, everywhere."""
    import re

    from milinc import engine

    diffs: list[str] = []
    lexicons = recorded_lexicons()
    for phrases in lexicons:
        trie = re.compile(engine.lexicon_regex(phrases))
        plain = re.compile(engine._alternation_regex(phrases))
        for text in texts:
            for i in range(len(text)):
                a, b = trie.match(text, i), plain.match(text, i)
                if (a and a.span()) != (b and b.span()):
                    diffs.append(f"lexicon {phrases[:3]}… at {i}: {text[i : i + 40]!r}")
                    break
    return len(lexicons), diffs


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    if (a.start, a.end) != (b.start, b.end):
        return False
    try:
        return bool(a.value == b.value)
    except Exception:  # values without a usable equality: compare their text
        return repr(a.value) == repr(b.value)


def check(name: str, matcher: Any, texts: list[str]) -> tuple[int, int, list[str]]:
    """Compare both implementations at every candidate start: (starts checked, starts matching, differences)."""
    checked = matched = 0
    diffs: list[str] = []
    for text in texts:
        for m in matcher.anchors.finditer(text):
            a = m.start()
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", a)
            limit = min(line_end if line_end >= 0 else len(text), a + matcher.window)
            for s in matcher._candidate_starts(text, a, line_start):
                checked += 1
                fast = matcher.parse_at(text, s, limit)
                ref = matcher._parse_at_interactive(text, s, limit)
                matched += ref is not None
                if not _same(fast, ref) and len(diffs) < 20:
                    diffs.append(
                        f"{name} at {s}: {text[s:limit][:60]!r}:\n      fast={fast!r:.400}\n      "
                        f"reference={ref!r:.400}"
                    )
                # the first-token filter may skip a start only where the reference finds nothing
                if ref is not None and not matcher._can_start(text, s, limit) and len(diffs) < 20:
                    diffs.append(f"{name} at {s}: {text[s:limit][:60]!r}: skipped by the first-token filter")
    return checked, matched, diffs


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and exit non-zero on any difference."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="1MB", help="how much of the benchmark corpus to read")
    args = ap.parse_args(argv)

    from milinc.normalize import normalize

    texts = [normalize(t).text for t in build_corpus.build_articles(build_corpus.parse_size(args.size))]
    texts += [normalize(t).text for t in EDGE_CASES]
    found = [("toy quantities grammar", toy_matcher()), *matchers()]
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        import test_engine  # type: ignore[import-not-found]

        found.append(("tests/test_engine.MATCHER", test_engine.MATCHER))
    except ImportError:
        pass
    t = time.perf_counter()
    n_lexicons, lexicon_diffs = check_lexicons(texts[:40] + texts[-len(EDGE_CASES) :])
    print(
        f"{n_lexicons} lexicon regexes: every position of 40 articles in {time.perf_counter() - t:.1f} s: "
        + ("OK" if not lexicon_diffs else f"{len(lexicon_diffs)} DIFFERENCES")
    )
    for d in lexicon_diffs[:20]:
        print("   ", d)
    failed = bool(lexicon_diffs)
    for name, matcher in found:
        t = time.perf_counter()
        checked, matched, diffs = check(name, matcher, texts)
        status = "OK" if not diffs else f"{len(diffs)}+ DIFFERENCES"
        print(
            f"{name}: {checked} starts compared ({matched} with a match) in {time.perf_counter() - t:.1f} s: {status}"
        )
        for d in diffs:
            print("   ", d)
        failed = failed or bool(diffs)
    if not found:
        print("no grammar matcher found")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
