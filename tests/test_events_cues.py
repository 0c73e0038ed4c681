"""The events stage's French cue words are data (``data/cues.json``) that plugins extend by list name."""

from __future__ import annotations

import datetime as dt

import milinc
from milinc.events.cues import CUE_LISTS, Cues, cue_descriptions
from milinc.extensions import Extensions
from milinc.plugins import LEXICONS, Plugin

REF = dt.date(2024, 3, 12)
TEXT = "Une embuscade a visé lundi un convoi militaire près de Gao. Sept soldats ont été fauchés par les tirs."


def test_every_cue_list_is_documented_and_a_plugin_lexicon() -> None:
    descriptions = cue_descriptions()
    assert set(descriptions) == set(CUE_LISTS)
    assert all(len(text) > 20 for text in descriptions.values())
    assert all(LEXICONS[name].dimension == "events" for name in CUE_LISTS)


def test_cue_words_are_folded_like_the_text() -> None:
    cues = Cues()
    assert "declare" in cues.words["reporting_participles"]  # written "déclaré" in the data file
    assert cues.reporting.search("le ministere a declare mardi")
    assert cues.subset.search("cinq blesses, dont ")


def test_a_plugin_adds_a_cue_word() -> None:
    cues = Cues(Extensions(lexicons={"killed_participles": ("fauchés",)}))
    assert "fauches" in cues.words["killed_participles"]
    assert cues.killed_after.match(" soldats ont ete fauches")
    assert not Cues().killed_after.match(" soldats ont ete fauches")


def test_a_plugin_cue_word_changes_the_toll() -> None:
    without = milinc.parse(TEXT, reference_date=REF).events
    plugin = Plugin(name="fauches", lexicons={"killed_participles": ["fauchés"]})
    parser = milinc.Parser(plugins=[plugin], discover=False)
    with_plugin = parser.parse(TEXT, reference_date=REF).events
    assert [e.killed for e in without] == [None]
    assert [e.killed.value if e.killed else None for e in with_plugin] == [7]
