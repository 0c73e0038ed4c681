"""The per-text look-ups the events stage shares among its mentions answer as the per-mention scans they replace."""

from __future__ import annotations

import itertools

from hypothesis import example, given
from hypothesis import strategies as st

from milinc.events.cues import Cues
from milinc.events.layout import SentenceClauses
from milinc.events.written import words_in
from milinc.extensions import Extensions
from milinc.places.cues import CuesReader

_LETTERS = st.text(alphabet="abn e'-", max_size=40)
_WORDS = st.lists(st.text(alphabet="abn e", max_size=4), max_size=5)


@given(_LETTERS, _WORDS, st.integers(0, 45), st.integers(0, 45))
@example("a bb a", ["bb", "b"], 2, 4)  # "bb" overlaps the end: "b" is inside
@example("nie", [""], 2, 3)  # an empty word is found where str.find finds it
def test_the_words_a_text_writes_answer_every_window_as_the_whole_list(text: str, words: list[str], start: int,
                                                                        end: int) -> None:
    expected = any(text.find(w, start, end) >= 0 for w in words)
    assert any(text.find(w, start, end) >= 0 for w in words_in(text, words)) is expected


@given(st.text(alphabet="ab ,;.", max_size=60), st.integers(0, 70))
def test_the_clause_found_by_bisection_is_the_one_a_scan_finds(text: str, pos: int) -> None:
    cues = Cues(Extensions())
    clauses = SentenceClauses(text, [(0, len(text))], cues)
    found = clauses[0]
    scan = next((i for i, (s, e) in enumerate(found) if s <= pos < e), max(0, len(found) - 1))
    assert clauses.clause_at(0, pos) == scan


def test_a_cue_after_a_word_no_phrase_ends_with_is_none() -> None:
    reader = CuesReader({"nouns": {"village": ["town", True]}, "proximity": ["pres"], "directions": ["nord"],
                         "locatives": ["a", "dans"], "not_names": [], "not_before": []})
    assert reader.before("le village de ") is not None
    assert reader.before("les villages de ") is not None  # the plural names the same kind
    assert reader.before("pres de ") is not None
    assert reader.before("le chemin de ") is None
    assert reader.before("le cheminx de ") is None
    for window in ("a ", "dans la ", "pres du "):
        assert reader.before(window) is not None, window


def test_every_phrase_end_is_tried() -> None:
    # a noun of two words is found whatever its first word: only its last one gates the search
    reader = CuesReader({"nouns": {"camp de refugies": ["town", True]}, "proximity": [], "directions": [],
                         "locatives": [], "not_names": [], "not_before": []})
    for before in itertools.product(("le ", "un "), ("camp de refugies de ",)):
        assert reader.before("".join(before)) is not None
