"""The typed schema of everything milinc extracts.

Every class is an immutable ``attrs`` class whose values are checked at
construction: an invalid value raises ``ValueError`` or ``TypeError`` with a
message that names the field. Every extracted object carries the
:class:`Span` of the characters that state it, in the *original* text.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from typing import Any

import attrs
from attrs import field, frozen
from attrs import validators as v

__all__ = [
    "Action",
    "Actor",
    "ActorType",
    "Anchor",
    "Casualties",
    "CasualtyRole",
    "Document",
    "Event",
    "EventType",
    "Explanation",
    "Granularity",
    "IntervalRole",
    "Metadata",
    "Modality",
    "Modifier",
    "PartOfDay",
    "Place",
    "PlaceKind",
    "Qualifier",
    "Quantity",
    "ReferenceDateSource",
    "Source",
    "Span",
    "SubEventType",
    "TimeExpression",
    "Weapon",
    "WeaponCategory",
]

# --- enumerations -----------------------------------------------------------


class Granularity(str, enum.Enum):
    """How precise a time expression is."""

    YEAR = "year"
    SEASON = "season"
    """A season of a year (``2023-SU``)."""
    MONTH = "month"
    WEEK = "week"
    """An ISO week (``2014-W36``)."""
    WEEKEND = "weekend"
    """The week-end (Saturday and Sunday) of an ISO week (``2014-W37-WE``)."""
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    HOUR = "hour"
    MINUTE = "minute"


class PartOfDay(str, enum.Enum):
    """A part of a day, coded as in TIMEX3 (``TMO``, ``TAF``, ``TEV``, ``TNI``)."""

    MORNING = "MO"
    AFTERNOON = "AF"
    EVENING = "EV"
    NIGHT = "NI"


class Anchor(str, enum.Enum):
    """What a relative time expression was resolved against."""

    NONE = "none"
    """The expression is absolute, or could not be resolved."""
    REFERENCE_DATE = "reference_date"
    """Resolved against the document's reference (publication) date."""
    PREVIOUS_DATE = "previous_date"
    """Resolved against the date the text last established ("la veille", "un jour plus tôt")."""
    EVENT = "event"
    """Resolved from the date the text gives an event it names ("au lendemain de l'offensive du 13 avril")."""


class Modifier(str, enum.Enum):
    """TIMEX3 modifiers: "début août" is START, "mi-octobre" MID, "fin 2023" END."""

    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"


class IntervalRole(str, enum.Enum):
    """The role of a date that is one endpoint of an interval ("du 3 au 5 mars")."""

    START = "start"
    END = "end"


class Qualifier(str, enum.Enum):
    """How a count is stated (see the quantities policy)."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    ABOUT = "about"
    VAGUE = "vague"
    UNKNOWN = "unknown"


class CasualtyRole(str, enum.Enum):
    """What a count of people counts, when the phrase says so."""

    KILLED = "killed"
    INJURED = "injured"
    CAPTURED = "captured"
    MISSING = "missing"


class WeaponCategory(str, enum.Enum):
    """The weapon categories of the weapons policy."""

    MISSILE = "missile"
    ROCKET = "rocket"
    DRONE = "drone"
    AIRCRAFT = "aircraft"
    HELICOPTER = "helicopter"
    ARTILLERY = "artillery"
    MORTAR = "mortar"
    EXPLOSIVE = "explosive"
    SMALL_ARMS = "small_arms"
    AIR_DEFENSE = "air_defense"
    ARMORED_VEHICLE = "armored_vehicle"
    WARSHIP = "warship"
    MELEE = "melee"
    CHEMICAL = "chemical"
    GENERIC = "generic"


class PlaceKind(str, enum.Enum):
    """The kind of a named place, from the most to the least specific."""

    SITE = "site"
    BASE = "base"
    AIRPORT = "airport"
    TOWN = "town"
    CITY = "city"
    DISTRICT = "district"
    PROVINCE = "province"
    REGION = "region"
    COUNTRY = "country"
    SEA = "sea"
    OTHER = "other"


class EventType(str, enum.Enum):
    """ACLED event types."""

    BATTLES = "battles"
    EXPLOSIONS_REMOTE_VIOLENCE = "explosions_remote_violence"
    VIOLENCE_AGAINST_CIVILIANS = "violence_against_civilians"
    PROTESTS = "protests"
    RIOTS = "riots"
    STRATEGIC_DEVELOPMENTS = "strategic_developments"


class SubEventType(str, enum.Enum):
    """ACLED sub-event types, in snake_case (see the events policy)."""

    GOVERNMENT_REGAINS_TERRITORY = "government_regains_territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "non_state_actor_overtakes_territory"
    ARMED_CLASH = "armed_clash"
    CHEMICAL_WEAPON = "chemical_weapon"
    AIR_DRONE_STRIKE = "air_drone_strike"
    SUICIDE_BOMB = "suicide_bomb"
    SHELLING_ARTILLERY_MISSILE_ATTACK = "shelling_artillery_missile_attack"
    REMOTE_EXPLOSIVE_LANDMINE_IED = "remote_explosive_landmine_ied"
    GRENADE = "grenade"
    SEXUAL_VIOLENCE = "sexual_violence"
    ATTACK = "attack"
    ABDUCTION_FORCED_DISAPPEARANCE = "abduction_forced_disappearance"
    AGREEMENT = "agreement"
    ARRESTS = "arrests"
    CHANGE_TO_GROUP_ACTIVITY = "change_to_group_activity"
    DISRUPTED_WEAPONS_USE = "disrupted_weapons_use"
    HEADQUARTERS_OR_BASE_ESTABLISHED = "headquarters_or_base_established"
    LOOTING_PROPERTY_DESTRUCTION = "looting_property_destruction"
    NON_VIOLENT_TRANSFER_OF_TERRITORY = "non_violent_transfer_of_territory"
    PEACEFUL_PROTEST = "peaceful_protest"
    VIOLENT_DEMONSTRATION = "violent_demonstration"
    OTHER = "other"


class Action(str, enum.Enum):
    """What was done, independently of the weapon used (the ACLED code derives from both)."""

    ATTACK = "attack"
    STRIKE = "strike"
    BOMBARDMENT = "bombardment"
    FIRING = "firing"
    EXPLOSION = "explosion"
    CLASH = "clash"
    AMBUSH = "ambush"
    SUICIDE_ATTACK = "suicide_attack"
    INTERCEPTION = "interception"
    ARREST = "arrest"
    ABDUCTION = "abduction"
    DESTRUCTION = "destruction"
    KILLING = "killing"
    WOUNDING = "wounding"
    OTHER = "other"


class ActorType(str, enum.Enum):
    """A coarse type of actor."""

    STATE_FORCES = "state_forces"
    NON_STATE_ARMED_GROUP = "non_state_armed_group"
    CIVILIANS = "civilians"
    UNKNOWN = "unknown"


class Modality(str, enum.Enum):
    """How the text commits to an incident."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    ALLEGED = "alleged"
    DENIED = "denied"


class ReferenceDateSource(str, enum.Enum):
    """Where the document's reference (publication) date came from."""

    GIVEN = "given"
    """Passed by the caller (``reference_date=`` or ``--reference-date``)."""
    DATELINE = "dateline"
    """Found in a dateline of the text."""
    NONE = "none"
    """Unknown: relative dates stay unresolved."""


# --- validators -------------------------------------------------------------

_TIMEX_RE = re.compile(
    r"^(?:\d{4}|XXXX)"
    r"(?:-(?:\d{2}|XX)"
    r"(?:-(?:\d{2}|XX)(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))?)?"
    r"|-W(?:\d{2}|XX)(?:-[1-7](?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))?|-WE)?"
    r"|-(?:SP|SU|FA|WI))?$"
)
"""TIMEX3 values of the dates policy: a year, a season, a month, an ISO week or its week-end, a day,
a day's part or clock time; ``XXXX``/``XX`` for what is unresolved."""
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


def _non_negative(inst: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value!r}")


def _in_range(low: int, high: int) -> Any:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and not low <= value <= high:
            raise ValueError(f"{attribute.name} must be between {low} and {high}, got {value!r}")

    return check


def _in_float_range(low: float, high: float) -> Any:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: float | None) -> None:
        if value is not None and not low <= value <= high:  # NaN fails too
            raise ValueError(f"{attribute.name} must be between {low} and {high}, got {value!r}")

    return check


def _matches(pattern: re.Pattern[str], what: str) -> Any:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and not pattern.match(value):
            raise ValueError(f"{attribute.name} must be {what}, got {value!r}")

    check.pattern = pattern  # type: ignore[attr-defined]  # read by the JSON Schema (milinc.schema)
    return check


def _opt(kind: type | tuple[type, ...]) -> Any:
    return v.optional(v.instance_of(kind))


def _int_field(*extra: Any) -> Any:
    return field(default=None, validator=[_opt(int), _non_negative, *extra])


def _as_tuple(values: Any) -> tuple[Any, ...]:
    # a Python function, not the builtin ``tuple``: attrs reads a converter's signature, and
    # a builtin's is parsed from its text signature with ``tokenize`` (milliseconds at import)
    return tuple(values)


def _tuple_of(kind: type) -> Any:
    return field(
        default=(),
        converter=_as_tuple,
        validator=v.deep_iterable(v.instance_of(kind), v.instance_of(tuple)),
    )


# --- spans and mentions -----------------------------------------------------


@frozen
class Span:
    """A run of characters of the original text: ``text == document[start:end]``."""

    # The field checks run in __attrs_post_init__, not as attrs validators: a document holds tens of
    # thousands of spans, and one test of the common, valid case costs far less than five validator calls.
    start: int = field()
    """Offset of the first character (Python code points)."""
    end: int = field()
    """Offset just past the last character."""
    text: str = field()
    """The characters themselves, as they stand in the original text."""

    def __attrs_post_init__(self) -> None:
        start, end, text = self.start, self.end, self.text
        if type(start) is int and type(end) is int and type(text) is str and 0 <= start <= end:
            if len(text) == end - start:
                return
        elif not v.get_disabled():
            # the slow path raises exactly what the attrs validators raised, in their order
            fields = attrs.fields(Span)
            for attribute, checks in (
                (fields.start, _SPAN_OFFSET_CHECKS),
                (fields.end, _SPAN_OFFSET_CHECKS),
                (fields.text, _SPAN_TEXT_CHECKS),
            ):
                for check in checks:
                    check(self, attribute, getattr(self, attribute.name))
        if self.end < self.start:
            raise ValueError(f"end must be >= start, got start={self.start}, end={self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"text must be end - start = {self.end - self.start} characters long, got {len(self.text)}"
            )


_SPAN_OFFSET_CHECKS: tuple[Any, ...] = (v.instance_of(int), _non_negative)
_SPAN_TEXT_CHECKS: tuple[Any, ...] = (v.instance_of(str),)


@frozen
class TimeExpression:
    """A date or time mention with its TIMEX3-style value (see the dates policy)."""

    span: Span = field(validator=v.instance_of(Span))
    """Where the expression stands in the text."""
    value: str = field(validator=[v.instance_of(str), _matches(_TIMEX_RE, "a TIMEX3 value")])
    """The resolved value: ``2021-06-28``, ``2021-06-28TEV``, ``2021-06-28T02:00``, ``2021-06``,
    ``2015``, an ISO week ``2014-W36``, its week-end ``2014-W37-WE``, a season ``2023-SU`` (``SP``,
    ``SU``, ``FA``, ``WI``: a winter takes the year it begins in); with ``XXXX`` for what could not be
    resolved (``XXXX-06-28``, ``XXXX-WXX-1``)."""
    granularity: Granularity = field(validator=v.instance_of(Granularity))
    """The finest unit the expression names."""
    year: int | None = _int_field()
    """Calendar year, when known."""
    month: int | None = _int_field(_in_range(1, 12))
    """Month 1-12, when known."""
    day: int | None = _int_field(_in_range(1, 31))
    """Day of the month, when known."""
    hour: int | None = _int_field(_in_range(0, 24))
    """Hour of a clock time."""
    minute: int | None = _int_field(_in_range(0, 59))
    """Minute of a clock time."""
    weekday: int | None = _int_field(_in_range(1, 7))
    """ISO weekday named by the text (1 = lundi … 7 = dimanche)."""
    part_of_day: PartOfDay | None = field(default=None, validator=_opt(PartOfDay))
    """Morning, afternoon, evening or night, when the text names one."""
    relative: bool = field(default=False, validator=v.instance_of(bool))
    """True when the expression only makes sense against another date ("hier", "lundi")."""
    anchor: Anchor = field(default=Anchor.NONE, validator=v.instance_of(Anchor))
    """What a relative expression was resolved against."""
    anchor_value: str | None = field(default=None, validator=_opt(str))
    """The anchor date itself (ISO), when there was one."""
    modifier: Modifier | None = field(default=None, validator=_opt(Modifier))
    """TIMEX3 modifier ("début", "mi-", "fin", "vers")."""
    interval_role: IntervalRole | None = field(default=None, validator=_opt(IntervalRole))
    """Set when the mention is one endpoint of an interval ("du 3 au 5 mars")."""
    conflict: str | None = field(default=None, validator=_opt(str))
    """A note when the text contradicts itself (a weekday that does not match the date)."""
    rule: str | None = field(default=None, validator=_opt(str))
    """The grammar rule that recognized the expression (for explanations)."""


@frozen
class Quantity:
    """A cardinal count stated by the text (see the quantities policy)."""

    span: Span = field(validator=v.instance_of(Span))
    """Qualifier, number and counted noun where contiguous."""
    qualifier: Qualifier = field(validator=v.instance_of(Qualifier))
    """How the count is stated (exact, at least, about, vague…)."""
    value: int | None = _int_field()
    """The best single figure, ``None`` when the text gives none ("plusieurs")."""
    low: int | None = _int_field()
    """Lower bound of the count, when one can be stated (see the normalization policy)."""
    high: int | None = _int_field()
    """Upper bound of the count, when one can be stated."""
    unit: str | None = field(default=None, validator=_opt(str))
    """Lemma of the counted noun, singular and lowercase; ``None`` when elided."""
    role: CasualtyRole | None = field(default=None, validator=_opt(CasualtyRole))
    """What the count counts, when the phrase says so (killed, injured, captured, missing)."""
    rule: str | None = field(default=None, validator=_opt(str))
    """The grammar rule that recognized the count."""

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low must be <= high, got low={self.low}, high={self.high}")


@frozen
class Weapon:
    """A weapon, munition or weapon-platform mention (see the weapons policy)."""

    span: Span = field(validator=v.instance_of(Span))
    """The mention, modifiers and name included ("roquettes de type « Katyusha »")."""
    category: WeaponCategory = field(validator=v.instance_of(WeaponCategory))
    """The weapon category."""
    name: str | None = field(default=None, validator=_opt(str))
    """The canonical name of a named system ("Katyusha", "AC-130"), if the text gives one."""
    subtype: str | None = field(default=None, validator=_opt(str))
    """A finer type from the taxonomy ("ballistic", "suicide", "ied"…)."""
    modifiers: tuple[str, ...] = _tuple_of(str)
    """Modifier phrases in the mention ("à courte portée", "chargés d'explosifs")."""
    count: int | None = _int_field()
    """How many, when a quantity governs the mention ("deux roquettes")."""
    rule: str | None = field(default=None, validator=_opt(str))
    """The grammar rule that recognized the mention."""


@frozen
class Place:
    """A named place."""

    name: str = field(validator=v.instance_of(str))
    """The place's canonical name (from the gazetteer), or its text when unknown."""
    kind: PlaceKind = field(default=PlaceKind.OTHER, validator=v.instance_of(PlaceKind))
    """What kind of place it is."""
    country: str | None = field(
        default=None, validator=[_opt(str), _matches(_COUNTRY_RE, "an ISO 3166 alpha-2 code")]
    )
    """ISO 3166 alpha-2 code of the country the place is in."""
    span: Span | None = field(default=None, validator=_opt(Span))
    """Where the place is named."""
    canonical_name: str | None = field(default=None, validator=_opt(str))
    """The gazetteer's own name for the place (GeoNames' name when it comes from GeoNames)."""
    geonameid: int | None = _int_field()
    """The GeoNames id, when the place is in GeoNames."""
    latitude: float | None = field(default=None, validator=[_opt(float), _in_float_range(-90.0, 90.0)])
    """WGS84 latitude in degrees, when known."""
    longitude: float | None = field(default=None, validator=[_opt(float), _in_float_range(-180.0, 180.0)])
    """WGS84 longitude in degrees, when known."""
    admin1: str | None = field(default=None, validator=_opt(str))
    """The first-level administrative division (province, oblast, governorate…), when known."""
    admin2: str | None = field(default=None, validator=_opt(str))
    """The second-level administrative division, when known."""
    precision: int | None = field(default=None, validator=[_opt(int), _in_range(1, 3)])
    """Geographic precision as ACLED's ``geo_precision``: 1 the place itself, 2 a nearby or part-of
    place, 3 a province or region."""


@frozen
class Casualties:
    """How many people an incident killed or injured."""

    qualifier: Qualifier = field(validator=v.instance_of(Qualifier))
    """How the figure is stated."""
    value: int | None = _int_field()
    """The figure (0 when the text says none), ``None`` when only vague."""
    low: int | None = _int_field()
    """Lower bound, when known."""
    high: int | None = _int_field()
    """Upper bound, when known."""
    spans: tuple[Span, ...] = _tuple_of(Span)
    """The quantities the figure comes from."""


@frozen
class Actor:
    """An attacker or a target."""

    span: Span = field(validator=v.instance_of(Span))
    """The words that name the actor."""
    actor_type: ActorType = field(default=ActorType.UNKNOWN, validator=v.instance_of(ActorType))
    """A coarse type."""
    name: str | None = field(default=None, validator=_opt(str))
    """The actor's canonical name ("Military Forces of Russia", "Hamas"), when recognized."""
    inter: int | None = field(default=None, validator=[_opt(int), _in_range(1, 8)])
    """ACLED's actor type code (``inter1``/``inter2``): 1 state forces, 2 rebel groups, 3 political
    militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external or other forces."""
    country: str | None = field(
        default=None, validator=[_opt(str), _matches(_COUNTRY_RE, "an ISO 3166 alpha-2 code")]
    )
    """ISO 3166 alpha-2 code of the country the actor belongs to, when known (state forces)."""


@frozen
class Source:
    """Who reports an incident ("selon Reuters", "a déclaré le Pentagone")."""

    span: Span = field(validator=v.instance_of(Span))
    """The words that name the source."""
    name: str = field(validator=v.instance_of(str))
    """The source's name as written."""


@frozen
class Explanation:
    """Why an event has a slot value: which rule, from which words."""

    slot: str = field(validator=v.instance_of(str))
    """The slot explained (``date``, ``location``, ``killed``…)."""
    rule: str = field(validator=v.instance_of(str))
    """The rule that filled it (``clause``, ``previous_sentence``, ``headline``…)."""
    span: Span | None = field(default=None, validator=_opt(Span))
    """The words the value comes from."""


@frozen
class Event:
    """One incident: every mention of it in the document merged into one row."""

    span: Span = field(validator=v.instance_of(Span))
    """The first trigger ("attaque au missile", "ont bombardé")."""
    event_type: EventType = field(validator=v.instance_of(EventType))
    """ACLED event type."""
    sub_event_type: SubEventType = field(validator=v.instance_of(SubEventType))
    """ACLED sub-event type, derived from the action and the weapons."""
    action: Action = field(default=Action.ATTACK, validator=v.instance_of(Action))
    """What was done, apart from the weapon."""
    date: TimeExpression | None = field(default=None, validator=_opt(TimeExpression))
    """The incident's own date, resolved; ``None`` when the text never dates it."""
    location: Place | None = field(default=None, validator=_opt(Place))
    """The most specific named place."""
    country: str | None = field(
        default=None, validator=[_opt(str), _matches(_COUNTRY_RE, "an ISO 3166 alpha-2 code")]
    )
    """ISO 3166 alpha-2 code of the country."""
    weapons: tuple[WeaponCategory, ...] = _tuple_of(WeaponCategory)
    """Weapon categories involved, including what the trigger implies."""
    killed: Casualties | None = field(default=None, validator=_opt(Casualties))
    """People killed, every side together; ``None`` when the text says nothing."""
    injured: Casualties | None = field(default=None, validator=_opt(Casualties))
    """People injured; ``None`` when the text says nothing."""
    attacker: Actor | None = field(default=None, validator=_opt(Actor))
    """Who attacked, when said."""
    target: Actor | None = field(default=None, validator=_opt(Actor))
    """What or who was targeted, when said."""
    modality: Modality = field(default=Modality.ASSERTED, validator=v.instance_of(Modality))
    """How the text commits to the incident."""
    source: Source | None = field(default=None, validator=_opt(Source))
    """Who reports it."""
    mentions: tuple[Span, ...] = _tuple_of(Span)
    """Every trigger that refers to this incident, the first one included."""
    explanations: tuple[Explanation, ...] = _tuple_of(Explanation)
    """Why each slot has its value."""


@frozen
class Metadata:
    """What the caller knows of a text apart from its words: where it comes from."""

    id: str | None = field(default=None, validator=_opt(str))
    """The caller's id of the text (a record's ``id``)."""
    url: str | None = field(default=None, validator=_opt(str))
    """Where the text was published."""
    outlet: str | None = field(default=None, validator=_opt(str))
    """The outlet that published it ("AFP", "Le Monde"): ACLED's ``source``."""
    title: str | None = field(default=None, validator=_opt(str))
    """The article's title."""
    author: str | None = field(default=None, validator=_opt(str))
    """The article's author."""


def _check_date(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, _dt.date) or isinstance(value, _dt.datetime)):
        raise TypeError(f"{attribute.name} must be a datetime.date or None, got {value!r}")


@frozen
class Document:
    """The result of parsing one text."""

    text: str = field(validator=v.instance_of(str))
    """The original text; every span points into it."""
    reference_date: _dt.date | None = field(default=None, validator=_check_date)
    """The publication date relative dates were resolved against."""
    reference_date_source: ReferenceDateSource = field(
        default=ReferenceDateSource.NONE, validator=v.instance_of(ReferenceDateSource)
    )
    """Where the reference date came from."""
    dates: tuple[TimeExpression, ...] = _tuple_of(TimeExpression)
    """Every date and time mention, in text order."""
    quantities: tuple[Quantity, ...] = _tuple_of(Quantity)
    """Every count, in text order."""
    weapons: tuple[Weapon, ...] = _tuple_of(Weapon)
    """Every weapon mention, in text order."""
    events: tuple[Event, ...] = _tuple_of(Event)
    """Every incident, in the order of its first mention."""
    metadata: Metadata | None = field(default=None, validator=_opt(Metadata))
    """What the caller said about the text (id, outlet, address…), carried into every export."""

    def __attrs_post_init__(self) -> None:
        n = len(self.text)
        for name in ("dates", "quantities", "weapons", "events"):
            for item in getattr(self, name):
                span = item.span
                if span.end > n or self.text[span.start : span.end] != span.text:
                    raise ValueError(f"{name}: span {span.start}:{span.end} does not match the text")
