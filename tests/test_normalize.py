"""The normalized copy and its offset map back to the original text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from milinc.normalize import fold, normalize


def test_typographic_variants_fold_to_one_form() -> None:
    assert fold("L’attaque « Katyusha » – 2 500\u202fsoldats") == 'l\'attaque " katyusha " - 2 500 soldats'


def test_accents_and_case_are_removed_one_for_one() -> None:
    n = normalize("Évaluation à Aïn al-Asad, DÉCEMBRE")
    assert n.text == "evaluation a ain al-asad, decembre"
    assert n.is_identity


def test_decomposed_accents_map_back_to_whole_characters() -> None:
    original = unicodedata.normalize("NFD", "Tôt mercredi à l'aube")
    n = normalize(original)
    assert n.text == "tot mercredi a l'aube"
    start = n.text.index("mercredi")
    s, e = n.to_original(start, start + len("mercredi"))
    assert original[s:e] == "mercredi"
    s, e = n.to_original(0, 3)
    assert unicodedata.normalize("NFC", original[s:e]) == "Tôt"


def test_characters_that_lowercase_longer_keep_the_map() -> None:
    original = "İdlib frappée"
    n = normalize(original)
    start = n.text.index("frappee")
    s, e = n.to_original(start, start + 7)
    assert original[s:e] == "frappée"


@given(st.text())
def test_every_range_maps_inside_the_original(text: str) -> None:
    n = normalize(text)
    for start in range(0, len(n.text) + 1, max(1, len(n.text) // 7 or 1)):
        s, e = n.to_original(start, len(n.text))
        assert 0 <= s <= e <= len(text)


@given(st.text(alphabet=st.sampled_from("aéÉèàçôœ’«»\u00a0-–İ\u0301 x"), max_size=40))
def test_each_normalized_character_maps_to_an_original_one(text: str) -> None:
    n = normalize(text)
    for i in range(len(n.text)):
        s, e = n.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
