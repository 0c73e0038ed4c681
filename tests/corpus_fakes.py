"""Test helpers for the corpus tools: a generated French corpus and a parser that adds stand-in events.

The events extractor is developed separately; the corpus tools must carry whatever events exist,
so their tests use :class:`FakeEventsParser`, which adds one event per "a frappé"/"ont frappé"
clause with every slot filled from the clause's words, through real ontology objects.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

import attrs

from milinc import (
    Actor,
    ActorType,
    Casualties,
    Document,
    Event,
    EventType,
    Modality,
    Parser,
    Place,
    PlaceKind,
    Qualifier,
    Source,
    Span,
    SubEventType,
    TimeExpression,
    WeaponCategory,
)
from milinc.dates.lexicon import MONTH_NAMES
from milinc.ontology import Granularity

PLACES = [("Kharkiv", "UA"), ("Gao", "ML"), ("Deir ez-Zor", "SY"), ("Hodeïda", "YE"), ("Khan Younès", "PS")]
WEAPONS = [("drones", WeaponCategory.DRONE), ("missiles", WeaponCategory.MISSILE), ("roquettes", WeaponCategory.ROCKET)]
MONTHS = list(MONTH_NAMES)
NUMBERS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 8: "huit", 12: "douze"}

_CLAUSE = re.compile(
    r"(?P<attacker>L'armée russe|Le Hamas|Les houthis|Tsahal) (?:a|ont) frappé (?P<place>[^,.]+?)"
    r" (?:avec|à l'aide de) (?P<count>\w+) (?P<weapon>drones|missiles|roquettes)"
)
_KILLED = re.compile(r"(?P<n>\d+) morts")
_DATE = re.compile(r"[Ll]e (?P<day>\d{1,2}) (?P<month>[a-zéû]+) (?P<year>\d{4})")


class FakeEventsParser(Parser):
    """The real parser, plus one stand-in event per "X a frappé PLACE avec N ARMES" clause."""

    def parse(self, text: str, *, reference_date: dt.date | None = None) -> Document:
        """Parse with the real pipeline, then add the stand-in events (raises like the real one)."""
        doc = super().parse(text, reference_date=reference_date)
        events = [self._event(text, m) for m in _CLAUSE.finditer(text)]
        return attrs.evolve(doc, events=tuple(events)) if events else doc

    @staticmethod
    def _event(text: str, m: re.Match[str]) -> Event:
        def span(start: int, end: int) -> Span:
            return Span(start, end, text[start:end])

        place = m.group("place").strip()
        country = dict(PLACES).get(place)
        weapon = dict(WEAPONS)[m.group("weapon")]
        killed_match = _KILLED.search(text, m.end())
        date_match = _DATE.search(text)
        date = None
        if date_match:
            month = MONTHS.index(date_match.group("month")) + 1
            value = f"{date_match.group('year')}-{month:02d}-{int(date_match.group('day')):02d}"
            date = TimeExpression(span(*date_match.span()), value, Granularity.DAY)
        reported = "selon" in text
        return Event(
            span=span(m.start(), m.end()),
            event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE,
            sub_event_type=SubEventType.AIR_DRONE_STRIKE
            if weapon is WeaponCategory.DRONE
            else SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
            date=date,
            location=Place(place, PlaceKind.CITY, country, span(*m.span("place"))),
            country=country,
            weapons=(weapon,),
            killed=Casualties(Qualifier.EXACT, int(killed_match.group("n"))) if killed_match else None,
            injured=Casualties(Qualifier.AT_LEAST, 0) if "aucun blessé" in text else None,
            attacker=Actor(span(*m.span("attacker")), ActorType.STATE_FORCES),
            target=None,
            modality=Modality.REPORTED if reported else Modality.ASSERTED,
            source=Source(span(text.index("selon"), text.index("selon") + 5), "selon") if reported else None,
            mentions=(span(m.start(), m.end()),),
        )


def make_fake_parser() -> Parser:
    """A :class:`FakeEventsParser` (module-level, so worker processes can unpickle it)."""
    return FakeEventsParser(discover=False)


def article(rng: random.Random, index: int) -> dict[str, Any]:
    """One generated article record ``{"id", "text", "reference_date"}``."""
    place, _ = rng.choice(PLACES)
    count = rng.choice(sorted(NUMBERS))
    weapon, _ = rng.choice(WEAPONS)
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.choice([2021, 2023, 2024])
    attacker = rng.choice(["L'armée russe", "Le Hamas", "Les houthis", "Tsahal"])
    parts = [
        f"{place.upper()} — Le {day} {MONTHS[month - 1]} {year}, {attacker} a frappé {place} avec "
        f"{NUMBERS[count]} {weapon}, selon l'AFP.",
    ]
    if rng.random() < 0.6:
        parts.append(f"Le bilan fait état de {rng.randint(1, 40)} morts, dont des civils ; aucun blessé grave.")
    if rng.random() < 0.4:
        parts.append('Les autorités locales ont dénoncé « une attaque délibérée », "sans précédent".')
    if rng.random() < 0.3:
        parts.append(f"Hier soir, {NUMBERS[rng.choice(sorted(NUMBERS))]} roquettes sont tombées au nord.")
    return {
        "id": f"gen-{index:05d}",
        "text": "\n\n".join(parts),
        "reference_date": (dt.date(year, month, day) + dt.timedelta(days=1)).isoformat(),
    }


def generate_corpus(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """*n* generated article records, the same for the same *seed*."""
    rng = random.Random(seed)
    return [article(rng, i) for i in range(n)]
