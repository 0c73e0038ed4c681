"""ACLED's table: milinc's incidents in ACLED's columns, with ACLED's meanings and values.

One row per incident, the columns in ACLED's order and spelling (:data:`ACLED_COLUMNS`), then
milinc's own (:data:`MILINC_COLUMNS`): the trigger's span, the document id, the modality, the TIMEX
date value and the tolls' bounds. What the columns hold (see the "ACLED export" docs page):

- ``event_date`` (ISO ``YYYY-MM-DD``), ``year`` and ``time_precision``: 1 when the text dates the
  incident to the day; 2 when only to the week (dated the week's middle day, its Thursday) or to a
  part of a month ("début mars": the 5th, "mi-mars": the 15th, "fin mars": the 25th); 3 when only
  to the month (dated the 15th). An incident dated only to the year, or not at all, has these
  three cells empty (ACLED would not code it; milinc keeps the row).
- ``event_type`` and ``sub_event_type`` as ACLED writes them ("Explosions/Remote violence",
  "Air/drone strike"); ``disorder_type`` ("Political violence", "Strategic developments").
- ``actor1``/``inter1`` the attacker, ``actor2``/``inter2`` the target, by ACLED's names and codes
  (:mod:`milinc.actors`); 0 for a missing actor's code, as ACLED writes ``inter2``; ``interaction``
  the two codes, lower first (17), or the one code times ten (10); ``civilian_targeting``
  "Civilian targeting" when the target is civilians.
- ``iso`` (ACLED's numeric ISO 3166 code), ``region`` and ``country`` (names as ACLED writes them);
  ``admin1``, ``admin2``, ``location``, ``latitude``, ``longitude``, ``geo_precision`` from the
  incident's place (empty when the place or its coordinates are unknown).
- ``source``: the outlet of the document's metadata; ``notes``: the sentence that tells the incident.
- ``fatalities``: ACLED's conservative figure — the stated figure or the lower bound ("au moins
  10" → 10, "entre 10 et 15" → 10), for vague tolls ACLED's conventions ("plusieurs morts" → 3,
  "des dizaines" → 12, "des centaines" → 100, "des milliers" → 1000) — and 0 when the text gives
  none; ``fatalities_known`` says whether it gave one.

>>> import datetime, milinc
>>> from milinc.acled import acled_rows
>>> doc = milinc.parse("Mardi, l'armée russe a bombardé la ville de Kharkiv, tuant trois civils.",
...                    reference_date=datetime.date(2024, 3, 7))
>>> row = acled_rows(doc, "k1")[0]
>>> row["event_date"], row["time_precision"], row["sub_event_type"], row["actor1"], row["interaction"]
('2024-03-05', 1, 'Air/drone strike', 'Military Forces of Russia (2000-)', 78)
>>> row["iso"], row["country"], row["fatalities"], row["fatalities_known"]
(804, 'Ukraine', 3, True)
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .actors import interaction
from .countries import country as country_info
from .export import OutputTarget, Row, escape_formula, incident_rows
from .ontology import Casualties, Document, Event, EventType, Modifier, Qualifier, SubEventType, TimeExpression
from .outputs import OutputFile, open_output

if TYPE_CHECKING:
    from types import TracebackType

    import pandas as pd

    from .batch import Result

__all__ = [
    "ACLED_COLUMNS",
    "BOOLEAN_COLUMNS",
    "COLUMNS",
    "EVENT_TYPE_LABELS",
    "FLOAT_COLUMNS",
    "INTEGER_COLUMNS",
    "MILINC_COLUMNS",
    "NULLABLE_INTEGER_COLUMNS",
    "SUB_EVENT_TYPE_LABELS",
    "AcledCsvWriter",
    "acled_date",
    "acled_fatalities",
    "acled_rows",
    "iter_documents",
    "read_acled",
    "to_acled_frame",
    "write_acled_csv",
]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
"""ACLED's columns, in the order of ACLED's own exports."""

MILINC_COLUMNS: tuple[str, ...] = (
    "fatalities_known", "fatalities_low", "fatalities_high", "injured", "injured_low", "injured_high",
    "document_id", "event_index", "trigger_start", "trigger_end", "trigger_text", "modality", "date_value",
    "country_code", "geonameid", "milinc_sub_event_type",
)
"""milinc's own columns, after ACLED's: whether the toll was stated and its bounds, the injured,
where the incident's trigger is, the modality, the TIMEX3 date value, the ISO alpha-2 country,
the GeoNames id and the snake_case sub-event type."""

COLUMNS: tuple[str, ...] = ACLED_COLUMNS + MILINC_COLUMNS
"""Every column of the ACLED export."""

INTEGER_COLUMNS: tuple[str, ...] = ("inter1", "inter2", "interaction", "fatalities", "event_index", "trigger_start",
                                    "trigger_end")
"""Integer columns that always have a value (ACLED writes 0 for a missing actor's code)."""

NULLABLE_INTEGER_COLUMNS: tuple[str, ...] = (
    "year", "time_precision", "iso", "geo_precision", "timestamp", "fatalities_low", "fatalities_high",
    "injured", "injured_low", "injured_high", "geonameid",
)
"""Integer columns that are empty when unknown (ACLED's are always filled: it does not code such events)."""

FLOAT_COLUMNS: tuple[str, ...] = ("latitude", "longitude")
"""Coordinates (WGS84 degrees)."""

BOOLEAN_COLUMNS: tuple[str, ...] = ("fatalities_known",)
"""True or false."""

EVENT_TYPE_LABELS: dict[EventType, str] = {
    EventType.BATTLES: "Battles",
    EventType.EXPLOSIONS_REMOTE_VIOLENCE: "Explosions/Remote violence",
    EventType.VIOLENCE_AGAINST_CIVILIANS: "Violence against civilians",
    EventType.PROTESTS: "Protests",
    EventType.RIOTS: "Riots",
    EventType.STRATEGIC_DEVELOPMENTS: "Strategic developments",
}
"""ACLED's spelling of each event type."""

SUB_EVENT_TYPE_LABELS: dict[SubEventType, str] = {
    SubEventType.GOVERNMENT_REGAINS_TERRITORY: "Government regains territory",
    SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY: "Non-state actor overtakes territory",
    SubEventType.ARMED_CLASH: "Armed clash",
    SubEventType.CHEMICAL_WEAPON: "Chemical weapon",
    SubEventType.AIR_DRONE_STRIKE: "Air/drone strike",
    SubEventType.SUICIDE_BOMB: "Suicide bomb",
    SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK: "Shelling/artillery/missile attack",
    SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED: "Remote explosive/landmine/IED",
    SubEventType.GRENADE: "Grenade",
    SubEventType.SEXUAL_VIOLENCE: "Sexual violence",
    SubEventType.ATTACK: "Attack",
    SubEventType.ABDUCTION_FORCED_DISAPPEARANCE: "Abduction/forced disappearance",
    SubEventType.AGREEMENT: "Agreement",
    SubEventType.ARRESTS: "Arrests",
    SubEventType.CHANGE_TO_GROUP_ACTIVITY: "Change to group/activity",
    SubEventType.DISRUPTED_WEAPONS_USE: "Disrupted weapons use",
    SubEventType.HEADQUARTERS_OR_BASE_ESTABLISHED: "Headquarters or base established",
    SubEventType.LOOTING_PROPERTY_DESTRUCTION: "Looting/property destruction",
    SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY: "Non-violent transfer of territory",
    SubEventType.PEACEFUL_PROTEST: "Peaceful protest",
    SubEventType.VIOLENT_DEMONSTRATION: "Violent demonstration",
    SubEventType.OTHER: "Other",
}
"""ACLED's spelling of each sub-event type."""

_DISORDER = {
    EventType.BATTLES: "Political violence",
    EventType.EXPLOSIONS_REMOTE_VIOLENCE: "Political violence",
    EventType.VIOLENCE_AGAINST_CIVILIANS: "Political violence",
    EventType.PROTESTS: "Demonstrations",
    EventType.RIOTS: "Demonstrations",
    EventType.STRATEGIC_DEVELOPMENTS: "Strategic developments",
}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-([1-7]))?")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PART_OF_MONTH = {Modifier.START: 5, Modifier.MID: 15, Modifier.END: 25}
"""The day that stands for "début", "mi-" and "fin" of a month: the middle of its third."""
_MIDDLE_OF_MONTH = 15
_MIDDLE_OF_WEEK = 4  # ISO Thursday
_VAGUE_FATALITIES = ((1000, 1000), (100, 100), (10, 12), (0, 3))
"""ACLED's figures for vague tolls, by the lower bound milinc reads: "des milliers" 1000, "des centaines"
100, "des dizaines" 12, "plusieurs" 3."""


def acled_date(time: TimeExpression | None) -> tuple[dt.date | None, int | None]:
    """The day ACLED writes for an incident's date, and its ``time_precision``.

    >>> from milinc.ontology import Granularity, Span
    >>> def t(value, **kw): return TimeExpression(Span(0, 1, "x"), value, Granularity.DAY, **kw)
    >>> acled_date(t("2024-03-05TNI")), acled_date(t("2024-W10")), acled_date(t("2024-03"))
    ((datetime.date(2024, 3, 5), 1), (datetime.date(2024, 3, 7), 2), (datetime.date(2024, 3, 15), 3))
    >>> acled_date(t("2024-03", modifier=Modifier.END)), acled_date(t("2024")), acled_date(t("XXXX-03-05"))
    ((datetime.date(2024, 3, 25), 2), (None, None), (None, None))
    """
    if time is None:
        return None, None
    value = time.value
    try:
        if m := _DAY.match(value):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), 1
        if m := _WEEK.match(value):
            year, week = int(m.group(1)), int(m.group(2))
            if m.group(3):
                return dt.date.fromisocalendar(year, week, int(m.group(3))), 1
            return dt.date.fromisocalendar(year, week, _MIDDLE_OF_WEEK), 2
        if m := _MONTH.match(value):
            year, month = int(m.group(1)), int(m.group(2))
            part = _PART_OF_MONTH.get(time.modifier) if time.modifier is not None else None
            return (dt.date(year, month, part), 2) if part else (dt.date(year, month, _MIDDLE_OF_MONTH), 3)
    except ValueError:
        return None, None  # a value no calendar holds
    return None, None


def acled_fatalities(killed: Casualties | None) -> tuple[int, bool]:
    """ACLED's ``fatalities`` (the conservative figure, 0 when unknown) and whether the text gave one.

    >>> acled_fatalities(Casualties(Qualifier.AT_LEAST, 10, 10, 15)), acled_fatalities(None)
    ((10, True), (0, False))
    >>> acled_fatalities(Casualties(Qualifier.VAGUE, None, 20, 99)), acled_fatalities(Casualties(Qualifier.VAGUE, None, 2))
    ((12, True), (3, True))
    """
    if killed is None or killed.qualifier is Qualifier.UNKNOWN:
        return 0, False
    if killed.qualifier is Qualifier.VAGUE or killed.value is None:
        low = killed.low or 0
        return next(figure for floor, figure in _VAGUE_FATALITIES if low >= floor), True
    if killed.qualifier is Qualifier.LESS_THAN:
        return max(killed.value - 1, 0), True
    return (killed.low if killed.low is not None else killed.value), True


def _bounds(c: Casualties | None) -> tuple[int | None, int | None]:
    if c is None:
        return None, None
    low = c.low if c.low is not None else c.value
    high = c.high if c.high is not None else (c.value if c.qualifier is Qualifier.EXACT else None)
    return low, high


def _event_row(doc: Document, event: Event, document_id: str, index: int, notes: str | None) -> Row:
    day, precision = acled_date(event.date)
    info = country_info(event.country)
    place = event.location
    inter1 = event.attacker.inter if event.attacker is not None and event.attacker.inter else 0
    inter2 = event.target.inter if event.target is not None and event.target.inter else 0
    fatalities, known = acled_fatalities(event.killed)
    killed_low, killed_high = _bounds(event.killed)
    injured_low, injured_high = _bounds(event.injured)
    outlet = doc.metadata.outlet if doc.metadata is not None else None
    return {
        "event_id_cnty": f"{info.alpha3 if info else 'XXX'}-{document_id}-{index}",
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": precision,
        "disorder_type": _DISORDER[event.event_type],
        "event_type": EVENT_TYPE_LABELS[event.event_type],
        "sub_event_type": SUB_EVENT_TYPE_LABELS[event.sub_event_type],
        "actor1": event.attacker.name if event.attacker is not None else None,
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": event.target.name if event.target is not None else None,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2) or 0,
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else None,
        "iso": info.numeric if info else None,
        "region": info.region if info else None,
        "country": info.name if info else None,
        "admin1": place.admin1 if place is not None else None,
        "admin2": place.admin2 if place is not None else None,
        "admin3": None,
        "location": (place.canonical_name or place.name) if place is not None else None,
        "latitude": place.latitude if place is not None else None,
        "longitude": place.longitude if place is not None else None,
        "geo_precision": place.precision if place is not None else None,
        "source": outlet,
        "source_scale": None,
        "notes": notes,
        "fatalities": fatalities,
        "tags": None,
        "timestamp": None,
        "fatalities_known": known,
        "fatalities_low": killed_low,
        "fatalities_high": killed_high,
        "injured": event.injured.value if event.injured is not None else None,
        "injured_low": injured_low,
        "injured_high": injured_high,
        "document_id": document_id,
        "event_index": index,
        "trigger_start": event.span.start,
        "trigger_end": event.span.end,
        "trigger_text": event.span.text,
        "modality": event.modality.value,
        "date_value": event.date.value if event.date is not None else None,
        "country_code": event.country,
        "geonameid": place.geonameid if place is not None else None,
        "milinc_sub_event_type": event.sub_event_type.value,
    }


def acled_rows(doc: Document, document_id: str | None = None) -> list[Row]:
    """The document's incidents as ACLED rows (see the module doc), in the document's order.

    Args:
        doc: a parsed document.
        document_id: the id the rows carry; the document's metadata id, else ``"doc"``, by default.
    """
    if not doc.events:
        return []
    doc_id = document_id or (doc.metadata.id if doc.metadata is not None and doc.metadata.id else "doc")
    evidence = incident_rows(doc, doc_id)  # the incident table's evidence sentence is ACLED's notes
    return [_event_row(doc, event, doc_id, n, evidence[n - 1]["evidence_text"])
            for n, event in enumerate(doc.events, 1)]


def iter_documents(items: Iterable[Any]) -> Iterator[tuple[str, Document]]:
    """``(id, Document)`` pairs from documents, ``(id, result)`` pairs or ``parse_records`` results."""
    for n, item in enumerate(items, 1):
        if isinstance(item, Document):
            yield (item.metadata.id if item.metadata is not None and item.metadata.id else f"doc{n}"), item
        else:
            doc_id, result = item
            if isinstance(result, Document):  # error records have no incident
                yield str(doc_id), result


def to_acled_frame(items: Iterable[Any]) -> pd.DataFrame:
    """The ACLED table of documents as a pandas DataFrame, with ACLED's dtypes (needs pandas).

    Args:
        items: documents, ``(id, Document)`` pairs or the results of :func:`milinc.parse_records`.
    """
    import pandas as pd

    rows = [row for doc_id, doc in iter_documents(items) for row in acled_rows(doc, doc_id)]
    return _typed(pd.DataFrame(rows, columns=list(COLUMNS)))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for column in INTEGER_COLUMNS:
        frame[column] = frame[column].astype("int64")
    for column in NULLABLE_INTEGER_COLUMNS:
        # int64 like ACLED's when every row has a value; pandas' nullable Int64 otherwise
        series = frame[column]
        frame[column] = series.astype("int64") if series.notna().all() else series.astype("Int64")
    for column in FLOAT_COLUMNS:
        frame[column] = frame[column].astype("float64")
    frame["fatalities_known"] = frame["fatalities_known"].astype("bool")
    return frame


def read_acled(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read an ACLED CSV written by milinc back, with ACLED's dtypes (needs pandas).

    Formula-escaped text cells get their text back.
    """
    import pandas as pd

    from .export import unescape_formula

    text_columns = [c for c in COLUMNS if c not in (*INTEGER_COLUMNS, *NULLABLE_INTEGER_COLUMNS, *FLOAT_COLUMNS,
                                                    *BOOLEAN_COLUMNS)]
    frame = pd.read_csv(path, dtype={c: "object" for c in text_columns}, keep_default_na=False, na_values=[""])
    for column in text_columns:
        frame[column] = frame[column].map(lambda v: unescape_formula(v) if isinstance(v, str) else None)
    frame["fatalities_known"] = frame["fatalities_known"].map({"True": True, "False": False, True: True, False: False})
    return _typed(frame)


class AcledCsvWriter:
    """ACLED rows as CSV (UTF-8, a header line, an empty cell for an unknown value), whole or not at all.

    Written to a temporary file renamed into place by :meth:`close` (:mod:`milinc.outputs`); text
    cells a spreadsheet would run as a formula get a ``'`` in front unless ``escape_formulas=False``.

    Args:
        path: the file, or an opened :class:`milinc.outputs.OutputFile`.
        escape_formulas: escape formula-like text cells (numbers are never changed).
    """

    def __init__(self, path: OutputTarget, *, escape_formulas: bool = True) -> None:
        self._output = path if isinstance(path, OutputFile) else open_output(path, newline="")
        self.path = Path(self._output.name)
        """The file written (as it was named)."""
        self._escape = escape_formulas
        self._writer = csv.DictWriter(self._output, fieldnames=COLUMNS, lineterminator="\n")
        self._writer.writeheader()
        self.rows = 0
        """How many rows were written."""

    def write(self, document_id: str, result: Result) -> None:
        """Append the rows of one parsed document (an error record has none)."""
        if isinstance(result, Document):
            self.write_rows(acled_rows(result, document_id))

    def write_rows(self, rows: Iterable[Row]) -> None:
        """Append ACLED rows."""
        for row in rows:
            self._writer.writerow(
                {c: escape_formula(v) if self._escape and isinstance(v, str) else v for c, v in row.items()})
            self.rows += 1

    def close(self) -> None:
        """Finish the file: it replaces its target now."""
        self._output.commit()

    def abort(self) -> None:
        """Discard the file: its target is left as it was."""
        self._output.abort()

    def __enter__(self) -> AcledCsvWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def write_acled_csv(items: Iterable[Any], path: OutputTarget, *, escape_formulas: bool = True) -> int:
    """Write the ACLED table of documents to *path*, whole or not at all.

    Args:
        items: documents, ``(id, Document)`` pairs or the results of :func:`milinc.parse_records`.
        path: the CSV file.
        escape_formulas: escape formula-like text cells.

    Returns:
        The number of rows written.
    """
    with AcledCsvWriter(path, escape_formulas=escape_formulas) as writer:
        for doc_id, doc in iter_documents(items):
            writer.write(doc_id, doc)
    return writer.rows
