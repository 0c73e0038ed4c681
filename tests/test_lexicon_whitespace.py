"""Lexicon lookups use the normalization the matching uses: irregular white space inside a phrase.

The lexicon regexes let any run of white space stand between the words of a phrase
("Khan  Younès", a no-break space, a line break), so every table looked up with the
matched text must be keyed the same way (``milinc.normalize.phrase_key``). Before the
fix, "la base  d'Aïn al-Asad" raised ``KeyError`` (the document was lost) and
"missile  Storm  Shadow" lost its name.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import milinc
from milinc.normalize import phrase_key

SPACES = ["  ", "\u00a0", "\u00a0\u00a0", " \t ", "\u2009", "\n"]

PLACES = [
    ("Des roquettes ont frappé la base de {} lundi.", "Aïn al-Asad"),
    ("Un drone a frappé {} mardi.", "Khan Younès"),
    ("Une frappe a visé {} hier.", "Deir ez-Zor"),
]
SYSTEMS = [
    ("Les soldats ont tiré un missile {} lundi.", "Storm Shadow"),
    ("Le {} a intercepté deux roquettes.", "Dôme de fer"),
]
NOUNS = [
    ("Un {} a frappé le camp.", "lance-roquettes multiple"),
    ("Des {} ont visé la ville.", "obus de mortier"),
    ("Un {} a explosé au passage du convoi.", "engin explosif improvisé"),
]


def _places(doc: milinc.Document) -> list[str | None]:
    # a place the gazetteer lacks is named as written: compare names with white space collapsed
    return [" ".join(e.location.name.split()) if e.location else None for e in doc.events]


def _weapons(doc: milinc.Document) -> list[tuple[str | None, str]]:
    return [(w.name, w.category.value) for w in doc.weapons]


@pytest.mark.parametrize("space", SPACES, ids=repr)
@pytest.mark.parametrize(("template", "name"), PLACES)
def test_a_place_name_with_irregular_spaces_is_found(template: str, name: str, space: str) -> None:
    text = template.format(name.replace(" ", space))
    doc = milinc.parse(text)  # raised KeyError before the fix
    assert _places(doc) == _places(milinc.parse(template.format(name)))
    for event in doc.events:
        if event.location is not None and event.location.span is not None:
            assert text[event.location.span.start : event.location.span.end] == event.location.span.text


@pytest.mark.parametrize("space", [s for s in SPACES if s != "\n"], ids=repr)
@pytest.mark.parametrize(("template", "name"), SYSTEMS + NOUNS)
def test_a_weapon_with_irregular_spaces_reads_as_with_one_space(template: str, name: str, space: str) -> None:
    # the grammars never read across a line break (a match stays on its line), other spaces are spaces
    doc = milinc.parse(template.format(name.replace(" ", space)))
    assert _weapons(doc) == _weapons(milinc.parse(template.format(name)))


@pytest.mark.parametrize(("template", "name"), SYSTEMS + NOUNS)
def test_a_line_break_inside_a_weapon_phrase_is_no_error(template: str, name: str) -> None:
    doc = milinc.parse(template.format(name.replace(" ", "\n")))
    assert all(doc.text[w.span.start : w.span.end] == w.span.text for w in doc.weapons)


@pytest.mark.parametrize("space", SPACES, ids=repr)
def test_actor_phrases_are_classified_alike(space: str) -> None:
    actors = milinc.default_parser()._events.actors  # type: ignore[attr-defined]
    for phrase in ("etat islamique", "forces armees maliennes", "armee israelienne"):
        assert actors.classify(phrase.replace(" ", space)) == actors.classify(phrase)


@given(st.sampled_from(PLACES + SYSTEMS + NOUNS), st.lists(st.sampled_from(SPACES), min_size=1, max_size=3))
def test_any_spacing_of_a_lexicon_phrase_never_raises(case: tuple[str, str], spaces: list[str]) -> None:
    template, name = case
    words = name.split(" ")
    spaced = words[0] + "".join(spaces[i % len(spaces)] + w for i, w in enumerate(words[1:]))
    doc = milinc.parse(template.format(spaced))
    assert doc.text == template.format(spaced)


def test_phrase_key_collapses_white_space_like_the_regexes() -> None:
    assert phrase_key(" Khan\u00a0\u00a0Younès\n") == "khan younes"
    assert phrase_key("base \t d'Aïn\nal-Asad") == "base d'ain al-asad"
