"""The Python API: types checked at the door, empty input, limits."""

from __future__ import annotations

import datetime as dt

import pytest

import milinc


@pytest.mark.parametrize("bad", [b"texte", None, 42, ["texte"], bytearray(b"x")])
def test_non_str_input_raises_a_clear_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="expects text as str"):
        milinc.parse(bad)  # type: ignore[arg-type]


def test_bytes_input_suggests_decoding() -> None:
    with pytest.raises(TypeError, match="decode"):
        milinc.parse(b"texte")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [20210630, 2021.5, [2021, 6, 30]])
def test_reference_date_must_be_a_date(bad: object) -> None:
    with pytest.raises(TypeError, match="reference_date"):
        milinc.parse("texte", reference_date=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "given",
    [
        dt.date(2021, 6, 30),
        dt.datetime(2021, 6, 30, 23, 59),
        "2021-06-30",
        "2021-06-30T08:00:00Z",
        "2021-06-30 08:00:00+02:00",
        "Wed, 30 Jun 2021 08:00:00 GMT",
    ],
)
def test_parse_and_parse_many_take_the_same_reference_dates(given: object) -> None:
    text = "Hier soir, deux roquettes ont frappé la base."
    doc = milinc.parse(text, reference_date=given)  # type: ignore[arg-type]
    assert doc.reference_date == dt.date(2021, 6, 30)
    assert [doc] == list(milinc.parse_many([text], reference_date=given))  # type: ignore[arg-type]
    assert milinc.Parser().parse(text, reference_date=given) == doc  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["hier", "2021-13-01", "30/06/2021"])
def test_a_reference_date_string_that_is_no_date_is_a_clear_error(bad: str) -> None:
    with pytest.raises(milinc.InvalidInputError, match="reference_date is not a date"):
        milinc.parse("texte", reference_date=bad)
    with pytest.raises(milinc.InvalidInputError, match="reference_date is not a date"):
        next(milinc.parse_many(["texte"], reference_date=bad))


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_text_gives_an_empty_document(text: str) -> None:
    doc = milinc.parse(text, reference_date=dt.date(2021, 6, 30))
    assert doc.text == text
    assert (doc.dates, doc.quantities, doc.weapons, doc.events) == ((), (), (), ())
    assert doc.reference_date == dt.date(2021, 6, 30)
    assert doc.reference_date_source is milinc.ReferenceDateSource.GIVEN


def test_oversized_input_raises_a_typed_error_with_the_limit() -> None:
    parser = milinc.Parser(max_chars=100)
    with pytest.raises(milinc.InputTooLargeError, match="exceeds the limit of 100"):
        parser.parse("x" * 101)
    assert isinstance(milinc.InputTooLargeError(1, 0), milinc.MilincError)


def test_given_reference_date_is_reported_as_given() -> None:
    doc = milinc.parse("Une attaque a eu lieu.", reference_date=dt.date(2024, 1, 2))
    assert doc.reference_date == dt.date(2024, 1, 2)
    assert doc.reference_date_source is milinc.ReferenceDateSource.GIVEN


def test_the_default_parser_is_built_once() -> None:
    assert milinc.default_parser() is milinc.default_parser()


def test_parsers_for_one_plugin_set_are_reused() -> None:
    from milinc.plugins import Plugin

    plugin = Plugin(name="test-reuse", lexicons={})
    first = milinc._parser_for([plugin])
    assert milinc._parser_for([plugin]) is first
    assert milinc.parse("Hier soir.", plugins=[plugin]).text == "Hier soir."


def test_parsers_with_equal_plugin_sets_share_compiled_extractors() -> None:
    a = milinc.Parser(discover=False)
    b = milinc.Parser(discover=False)
    assert a._weapons is b._weapons and a._dates is b._dates
