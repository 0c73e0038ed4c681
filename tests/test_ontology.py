"""The ontology rejects invalid values at construction, naming the field."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from milinc.ontology import (
    Document,
    Granularity,
    Place,
    Qualifier,
    Quantity,
    Span,
    TimeExpression,
    Weapon,
    WeaponCategory,
)

from .factories import TEXT, full_document, span_of


def test_span_text_must_match_its_length() -> None:
    with pytest.raises(ValueError, match="text must be"):
        Span(0, 5, "abc")


def test_span_end_before_start_is_rejected() -> None:
    with pytest.raises(ValueError, match="end must be >= start"):
        Span(5, 2, "")


def test_negative_offsets_are_rejected_with_the_field_name() -> None:
    with pytest.raises(ValueError, match="start must be >= 0"):
        Span(-1, 2, "abc")


@pytest.mark.parametrize("value", ["2021-6-28", "june", "2021-06-28TXX", "2021-06-28T2:00", ""])
def test_time_expression_value_must_be_timex(value: str) -> None:
    with pytest.raises(ValueError, match="value must be a TIMEX3 value"):
        TimeExpression(span=span_of("Lundi soir"), value=value, granularity=Granularity.DAY)


@pytest.mark.parametrize(
    "value", ["2021-06-28", "2021-06-28TEV", "2021-06-28T02:00", "2021-06", "2015", "XXXX-06-28", "XXXX-WXX-1",
              "XXXX-WXX-1TEV"]
)
def test_time_expression_accepts_guideline_values(value: str) -> None:
    assert TimeExpression(span=span_of("Lundi soir"), value=value, granularity=Granularity.DAY).value == value


def test_month_out_of_range_names_the_field() -> None:
    with pytest.raises(ValueError, match="month must be between 1 and 12"):
        TimeExpression(span=span_of("Lundi soir"), value="2021", granularity=Granularity.YEAR, month=13)


def test_quantity_bounds_are_ordered() -> None:
    with pytest.raises(ValueError, match="low must be <= high"):
        Quantity(span=span_of("cinq soldats"), qualifier=Qualifier.ABOUT, value=5, low=9, high=3)


def test_quantity_qualifier_must_be_the_enum() -> None:
    with pytest.raises(TypeError, match="qualifier"):
        Quantity(span=span_of("cinq soldats"), qualifier="exact", value=5)  # type: ignore[arg-type]


def test_negative_count_is_rejected() -> None:
    with pytest.raises(ValueError, match="value must be >= 0"):
        Quantity(span=span_of("cinq soldats"), qualifier=Qualifier.EXACT, value=-5)


def test_country_code_must_be_iso_alpha2() -> None:
    with pytest.raises(ValueError, match="country must be an ISO 3166 alpha-2 code"):
        Place("Bagdad", country="IRQ")


def test_weapon_modifiers_are_a_tuple_of_str() -> None:
    w = Weapon(span=span_of("roquettes Katyusha"), category=WeaponCategory.ROCKET, modifiers=["a", "b"])  # type: ignore[arg-type]
    assert w.modifiers == ("a", "b")
    with pytest.raises(TypeError):
        Weapon(span=span_of("roquettes Katyusha"), category=WeaponCategory.ROCKET, modifiers=[1])  # type: ignore[list-item]


def test_document_checks_that_spans_point_into_its_text() -> None:
    doc = full_document()
    with pytest.raises(ValueError, match="does not match the text"):
        attrs.evolve(doc, text=TEXT.upper())


def test_document_reference_date_must_be_a_date_not_a_datetime() -> None:
    with pytest.raises(TypeError, match="reference_date"):
        Document(text="", reference_date=dt.datetime(2021, 6, 30))  # type: ignore[arg-type]


def test_objects_are_frozen() -> None:
    doc = full_document()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
