"""A fully populated Document built by hand, for serialization and schema tests."""

from __future__ import annotations

import datetime as dt

from milinc.ontology import (
    Action,
    Actor,
    ActorType,
    Anchor,
    Casualties,
    CasualtyRole,
    Document,
    Event,
    EventType,
    Explanation,
    Granularity,
    Modality,
    PartOfDay,
    Place,
    PlaceKind,
    Qualifier,
    Quantity,
    ReferenceDateSource,
    Source,
    Span,
    SubEventType,
    TimeExpression,
    Weapon,
    WeaponCategory,
)

TEXT = "Lundi soir, selon Reuters, au moins huit roquettes Katyusha ont frappé la base de Aïn al-Asad, blessant cinq soldats."


def span_of(phrase: str, text: str = TEXT) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def full_document() -> Document:
    date = TimeExpression(
        span=span_of("Lundi soir"),
        value="2021-06-28TEV",
        granularity=Granularity.PART_OF_DAY,
        year=2021,
        month=6,
        day=28,
        weekday=1,
        part_of_day=PartOfDay.EVENING,
        relative=True,
        anchor=Anchor.REFERENCE_DATE,
        anchor_value="2021-06-30",
        rule="weekday_part_of_day",
    )
    rockets = Quantity(
        span=span_of("au moins huit roquettes"),
        qualifier=Qualifier.AT_LEAST,
        value=8,
        low=8,
        unit="roquette",
    )
    wounded = Quantity(
        span=span_of("cinq soldats"), qualifier=Qualifier.EXACT, value=5, low=5, high=5, unit="soldat",
        role=CasualtyRole.INJURED,
    )
    weapon = Weapon(
        span=span_of("roquettes Katyusha"),
        category=WeaponCategory.ROCKET,
        name="Katyusha",
        subtype="artillery_rocket",
        modifiers=("Katyusha",),
        count=8,
    )
    event = Event(
        span=span_of("ont frappé"),
        event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE,
        sub_event_type=SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
        action=Action.STRIKE,
        date=date,
        location=Place("Aïn al-Asad", PlaceKind.BASE, "IQ", span_of("Aïn al-Asad")),
        country="IQ",
        weapons=(WeaponCategory.ROCKET,),
        killed=None,
        injured=Casualties(Qualifier.EXACT, 5, 5, 5, (wounded.span,)),
        attacker=None,
        target=Actor(span_of("la base de Aïn al-Asad"), ActorType.STATE_FORCES),
        modality=Modality.REPORTED,
        source=Source(span_of("Reuters"), "Reuters"),
        mentions=(span_of("ont frappé"), span_of("blessant")),
        explanations=(Explanation("date", "clause", date.span),),
    )
    return Document(
        text=TEXT,
        reference_date=dt.date(2021, 6, 30),
        reference_date_source=ReferenceDateSource.GIVEN,
        dates=(date,),
        quantities=(rockets, wounded),
        weapons=(weapon,),
        events=(event,),
    )
