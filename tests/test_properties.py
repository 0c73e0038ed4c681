"""Grammar properties: a realized value parses back to itself, alone or inside French filler.

Each strategy of :mod:`milinc.testing.strategies` draws an ontology value and one French
phrasing of it. Parsed alone or embedded in neutral filler, the phrasing must give exactly one
mention of its dimension, with the expected value and the expected span (shifted by the filler
before it). The built-in parser (no installed plugin) is used: the realizers read the built-in
taxonomy and gazetteer.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given

import milinc
from milinc.ontology import Qualifier, WeaponCategory
from milinc.testing import strategies as mst
from milinc.testing.dates import DateRealization
from milinc.testing.events import EventRealization
from milinc.testing.quantities import QuantityRealization
from milinc.testing.weapons import WeaponRealization

PARSER = milinc.Parser(discover=False)
# a date alone on the first line of a text is its dateline (the publication date), not a mention:
# no line break right after a date
DATE_AFTER = (". ", ", ", " ; ", " : ")


def check_date(case: DateRealization) -> None:
    doc = PARSER.parse(case.text, reference_date=case.reference_date)
    got = [(d.span.start, d.span.end, d.value) for d in doc.dates]
    assert got == [(case.start, case.end, case.value)], (case.text, case.mention, [d.span.text for d in doc.dates])


def check_quantity(case: QuantityRealization) -> None:
    doc = PARSER.parse(case.text)
    got = [(q.span.start, q.span.end, q.value, q.qualifier, q.unit) for q in doc.quantities]
    assert got == [(case.start, case.end, case.value, case.qualifier, case.unit)], (
        case.text,
        [q.span.text for q in doc.quantities],
    )


def check_weapon(case: WeaponRealization) -> None:
    doc = PARSER.parse(case.text)
    got = [(w.span.start, w.span.end, w.category, w.name) for w in doc.weapons]
    assert got == [(case.start, case.end, case.category, case.name)], (case.text, [w.span.text for w in doc.weapons])


def check_event(case: EventRealization) -> None:
    doc = PARSER.parse(case.text, reference_date=case.reference_date)
    assert len(doc.events) == 1, (case.text, [e.span.text for e in doc.events])
    event = doc.events[0]
    assert (event.span.start, event.span.end) == (case.start, case.end), (case.text, event.span.text)
    assert event.date is not None and event.date.value == case.date, (case.text, event.date)
    assert event.location is not None and event.location.name == case.location, (case.text, event.location)
    assert event.country == case.country
    assert set(event.weapons) == case.weapons, (case.text, event.weapons)
    assert event.killed is not None and (event.killed.value, event.killed.qualifier) == (case.killed, Qualifier.EXACT)
    if case.injured is not None:
        assert event.injured is not None and event.injured.value == case.injured, (case.text, event.injured)


# --- dates ------------------------------------------------------------------------------------


@given(mst.dates())
@example(
    DateRealization(text="lundi soir", start=0, end=10, value="2021-06-28TEV", reference_date=dt.date(2021, 6, 30))
)
def test_date_alone(case: DateRealization) -> None:
    check_date(case)


@given(mst.embedded(mst.dates(), after=DATE_AFTER))
def test_date_in_filler(case: DateRealization) -> None:
    check_date(case)


@pytest.mark.parametrize("kind", ["year", "month", "day", "part_of_day", "clock", "week", "weekend", "season"])
@given(data=mst.st.data())
def test_date_of_each_kind_in_filler(kind: str, data: mst.st.DataObject) -> None:
    check_date(data.draw(mst.embedded(mst.dates(kinds=(kind,)), after=DATE_AFTER)))


@given(mst.dates(kinds=("week", "weekend", "season")))
@example(DateRealization(text="ce week-end", start=0, end=11, value="2014-W37-WE", reference_date=dt.date(2014, 9, 8)))
@example(DateRealization(text="l'hiver 2022", start=0, end=12, value="2022-WI", reference_date=dt.date(2024, 3, 13)))
def test_week_weekend_and_season_values_round_trip(case: DateRealization) -> None:
    """The new value forms: realized, parsed back to themselves, and through JSON unchanged."""
    check_date(case)
    doc = PARSER.parse(case.text, reference_date=case.reference_date)
    assert milinc.from_json(milinc.to_json(doc)) == doc


# --- quantities -------------------------------------------------------------------------------


@given(mst.quantities())
def test_quantity_alone(case: QuantityRealization) -> None:
    check_quantity(case)


@given(mst.embedded(mst.quantities()))
def test_quantity_in_filler(case: QuantityRealization) -> None:
    check_quantity(case)


# --- weapons ----------------------------------------------------------------------------------


@given(mst.weapons())
def test_weapon_alone(case: WeaponRealization) -> None:
    check_weapon(case)


@given(mst.embedded(mst.weapons()))
def test_weapon_in_filler(case: WeaponRealization) -> None:
    check_weapon(case)


# --- events -----------------------------------------------------------------------------------


@given(mst.events())
def test_event_alone(case: EventRealization) -> None:
    check_event(case)


# known gap: an incident sentence alone on the first line of a longer text is read as a headline, and
# there "des tirs de roquettes sur Bagdad ont fait 2 morts." gives no event (in the body it does): no "\n" after
@given(mst.embedded(mst.events(), before=(". ", ".\n", ".\n\n"), after=(" ",)))
def test_event_in_filler(case: EventRealization) -> None:
    check_event(case)


def test_the_strategies_cover_every_category_and_qualifier() -> None:
    # guards the strategies themselves: a realizer that silently lost a family would weaken every property
    from milinc.testing.quantities import COUNTED_NOUNS, quantity_variants
    from milinc.testing.weapons import category_variants

    assert all(category_variants(c) for c in WeaponCategory)
    for qualifier in Qualifier:
        value = None if qualifier in (Qualifier.VAGUE, Qualifier.UNKNOWN) else 100
        assert quantity_variants(value, qualifier, COUNTED_NOUNS[0]), qualifier
