"""The lexer's combined regex split by first character gives the same tokens (milinc.lexer_dispatch)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milinc
from milinc import engine
from milinc.lexer_dispatch import FirstCharLexer

TERMINALS = [
    ("SPACE", r"[ \t]+"),
    ("CASELESS", r"(?i:juin)"),
    ("KEYWORD_DE", "de"),
    ("NUMBER", r"\d+(?:[.,]\d+)?"),
    ("WORD", r"[^\W\d_]+"),
    ("OPTIONAL", r"x?y"),
    ("NOT_A", r"[^a\s]b"),
    ("LOOKAHEAD", r"(?=la)la"),
    ("MAYBE_EMPTY", r"z*"),
    ("PUNCT", r"[.,;:!?'\"()-]"),
]
COMBINED = re.compile("|".join(f"(?P<{n}>{p})" for n, p in TERMINALS))


def _same_tokens(split: FirstCharLexer, combined: re.Pattern[str], text: str) -> None:
    # also checks the alternation lark would build from the plan: same terminals, same order
    for pos, ch in enumerate(text):
        sub = split.regex_for(ch)
        got = sub.match(text, pos) if sub is not None else None
        want = combined.match(text, pos)
        assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup)), (text, pos)


@given(st.text(alphabet="dejuinJUINxyzab la0123.,;!?()'\"-é\t", max_size=40))
@settings(max_examples=300, deadline=None)
def test_split_lexer_matches_like_the_combined_regex(text: str) -> None:
    _same_tokens(FirstCharLexer(TERMINALS), COMBINED, text)


def _names(regex: object) -> set[str]:
    assert isinstance(regex, re.Pattern)
    return set(regex.groupindex)


def test_unanalysable_terminals_are_kept_for_every_character() -> None:
    lexer = FirstCharLexer(TERMINALS)
    names = [name for name, _ in TERMINALS]
    unknown = {names[i] for i, known in enumerate(lexer.firsts) if not known}
    assert unknown == {"CASELESS", "MAYBE_EMPTY"}  # a flag group, a pattern that may match nothing
    # categories are read with re's own definitions: NUMBER starts with a digit, WORD with a letter
    assert _names(lexer.regex_for("q")) == {"CASELESS", "WORD", "NOT_A", "MAYBE_EMPTY"}
    assert _names(lexer.regex_for("7")) == {"CASELESS", "NUMBER", "NOT_A", "MAYBE_EMPTY"}
    assert "KEYWORD_DE" in _names(lexer.regex_for("d"))
    assert lexer.regex_for("q") is lexer.by_char["q"]


def test_global_flags_disable_the_analysis() -> None:
    lexer = FirstCharLexer(TERMINALS, re.IGNORECASE)
    assert not any(lexer.firsts)
    assert _names(lexer.regex_for("q")) == {name for name, _ in TERMINALS}


def test_a_big_lexicon_terminal_keeps_only_the_branch_of_the_character() -> None:
    words = [f"{a}{b}{c}mot" for a in "abcdefgh" for b in "ijklmnop" for c in "qrstuvwx"]
    lexicon = engine.lexicon_regex(words)
    lexer = FirstCharLexer([("LEX", lexicon), ("WORD", r"[^\W\d_]+")])
    sub = lexer.regex_for("c")
    assert isinstance(sub, re.Pattern) and len(sub.pattern) < len(lexicon) / 4
    combined = re.compile(f"(?P<LEX>{lexicon})|(?P<WORD>[^\\W\\d_]+)")
    _same_tokens(lexer, combined, "cjqmot ajqmot cjq cjqmots zzz hpxmot")


def test_a_heavy_terminal_is_compiled_once_for_every_character() -> None:
    from milinc import lexer_dispatch

    heavy = "(?:" + "|".join(f"{w}(?:x{i}|y{i})" for i, w in enumerate(["un", "deux", "trois"] * 400)) + ")"
    assert len(heavy) > lexer_dispatch.HEAVY
    terminals = [("HEAVY", heavy), ("WORD", r"[^\W\d_]+"), ("NUM", r"\d+")]
    lexer = FirstCharLexer(terminals)
    combined = re.compile("|".join(f"(?P<{n}>{p})" for n, p in terminals))
    _same_tokens(lexer, combined, "unx3 deuxy4 troisx1 tres 12 u")
    assert len(lexer._heavy) == 1
@pytest.mark.parametrize(
    "text",
    [
        "dans la nuit du 3 au 4 juin 2024, vers 23 h 30, puis le lendemain matin",
        "mardi 12/03, mi-mars, fin 2023, il y a deux jours, 1er janvier",
    ],
)
def test_the_dates_lexer_tokens_are_unchanged(text: str) -> None:
    matcher = milinc.default_parser()._dates.matcher  # type: ignore[attr-defined]
    driver = matcher._driver
    assert driver is not None
    assert isinstance(matcher, engine.GrammarMatcher)
    lexer = driver.first_char
    combined = re.compile("|".join(f"(?P<{n}>{p})" for n, p in lexer.terminals))
    _same_tokens(lexer, combined, milinc.normalize.normalize(text).text)


def test_a_heavy_terminal_met_often_is_matched_whole_with_the_same_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    from milinc import lexer_dispatch

    monkeypatch.setattr(lexer_dispatch, "WHOLE_AFTER", 5)
    heavy = "(?:" + "|".join(f"{w}(?:x{i}|y{i})" for i, w in enumerate(["un", "deux", "trois"] * 400)) + ")"
    terminals = [("HEAVY", heavy), ("WORD", r"[^\W\d_]+"), ("NUM", r"\d+")]
    lexer = FirstCharLexer(terminals)
    combined = re.compile("|".join(f"(?P<{n}>{p})" for n, p in terminals))
    text = "unx3 deuxy4 troisx1 tres 12 u unx399 deuxy1198 unx1"
    _same_tokens(lexer, combined, text)  # the first tries go piece by piece, the later ones whole
    (pieces,) = lexer._heavy.values()
    assert pieces.whole is not None  # it switched
    _same_tokens(lexer, combined, text)
