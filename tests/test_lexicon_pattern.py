"""A lexicon regex compiled for the words a short text can hold matches exactly what the whole one does."""

from __future__ import annotations

import pickle
import random
import re
from pathlib import Path

import pytest

from milinc import engine, lexicon_pattern
from milinc.context import ExtractionContext
from milinc.lexicon_pattern import WORD_START, LexiconPattern
from milinc.pipeline import Parser

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(discover=False)


def _lexicons(parser: Parser) -> dict[str, LexiconPattern]:
    found = {
        "weapons": parser._weapons.matcher.anchors,
        "dates": parser._dates.matcher.anchors,
        "quantities": parser._quantities._matcher.anchors,
        "triggers": parser._events.triggers.matcher.anchors,
        "false friends": parser._weapons.masker.words,
    }
    assert all(isinstance(p, LexiconPattern) for p in found.values())
    return found  # type: ignore[return-value]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:8]]
    texts += [
        "Dans la nuit de jeudi à vendredi, trois drones Shahed-136 et deux missiles Kh-101 ont été abattus.",
        "Au moins 12 soldats ont été tués et une vingtaine blessés le 3 mars 2024 près de Kidal.",
        "Des tirs anti-drones et contre-roquettes ; un obus de mortier, des AK-47s, un 2S19 Msta-S.",
        "l'attaque au drone-suicide a tué 3 civils, 1er janvier, lance-roquettes\nBM-21 Grad",
    ]
    return [ExtractionContext.for_text(t).text for t in texts]


def _windows(text: str, rng: random.Random) -> list[tuple[int, int]]:
    out = [(0, len(text))]
    for _ in range(12):
        a = rng.randrange(len(text) + 1)
        b = rng.randrange(a, min(len(text), a + 600) + 1)
        out.append((a, b))
    return out


@pytest.mark.parametrize("name", ["weapons", "dates", "quantities", "triggers", "false friends"])
def test_a_partial_regex_matches_as_the_whole_lexicon_s(parser: Parser, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon_pattern, "SHORT_TEXT", 10**9)  # a partial regex for every window, however long
    monkeypatch.setattr(lexicon_pattern, "MAX_SHARE", 1.0)
    shipped = _lexicons(parser)[name]
    whole = re.compile(shipped.before + engine.lexicon_regex(shipped.words) + shipped.after)
    rng = random.Random(7)
    compared = 0
    for text in _texts():
        for start, stop in _windows(text, rng):
            # a fresh one each time, with no limit: every window gets its own partial regex
            fresh = LexiconPattern(shipped.words, before=shipped.before, after=shipped.after)
            partial = fresh.for_text(text, start, stop)
            assert "_whole" not in vars(fresh)
            expected = [m.span() for m in whole.finditer(text, start, stop)]
            assert [m.span() for m in partial.finditer(text, start, stop)] == expected, (name, text[start:stop])
            assert [m.span() for m in fresh.finditer(text, start, stop)] == expected
            compared += len(expected)
    assert compared > 0


def test_partial_regexes_keep_only_the_words_a_text_can_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    words = ["drone", "drones", "missile", "mortier", "obus", "obus de mortier", "a b", "roquette"]
    words += [f"{c}{c}arme" for c in "bcfghijklmnqstvwxyz"]  # the partial regex keeps a small share of them
    lex = LexiconPattern(words)
    rx = lex.for_text("un drone et des obus")
    assert "missile" not in rx.pattern and "mortier" in rx.pattern and "drone" in rx.pattern
    assert [m.group() for m in lex.finditer("un drone et des obus de  mortier")] == ["drone", "obus de  mortier"]
    assert "_whole" not in vars(lex)
    # a long text compiles the whole lexicon, once; later calls go straight to it
    monkeypatch.setattr(lexicon_pattern, "SHORT_TEXT", 10)
    assert [m.group() for m in lex.finditer("des missiles, un missile")] == ["missile"]
    whole = vars(lex)["_whole"]
    assert lex.for_text("a b") is whole and lex.finditer == whole.finditer


def test_few_partial_regexes_are_compiled_before_the_whole_one() -> None:
    lex = LexiconPattern(["drone", "missile", "mortier", "obus", "roquette", "char", "fusil", "bombe", "mine", "avion"])
    for text in ("un drone", "un obus", "une mine", "un char", "un avion"):
        lex.search(text)
    assert len(vars(lex).get("_partial", {})) <= lexicon_pattern.MAX_PARTIAL
    assert "_whole" in vars(lex)


def test_words_are_keyed_by_their_folded_form() -> None:
    from milinc.normalize import fold

    for word in ["Drone", " obus ", "k`h", "a\tb", "Élysée", "œil", "AK-47", "x\x0by", "ﬁn", "e\u0301cole"]:
        assert lexicon_pattern._folded(word) == fold(word).strip()


def test_the_words_branch_must_start_at_a_word_start() -> None:
    with pytest.raises(ValueError):
        LexiconPattern(["drone"], before="")
    assert WORD_START == r"(?<![^\W_])"


def test_a_lexicon_pattern_pickles_as_its_words() -> None:
    lex = LexiconPattern(["drone", "obus"], before=WORD_START)
    lex.compiled()
    again = pickle.loads(pickle.dumps(lex))
    assert again.words == lex.words and [m.span() for m in again.finditer("un drone")] == [(3, 8)]
