"""Merged incidents as JSON Lines, CSV or Parquet (``milinc parse … --merged-incidents FILE``).

**JSON Lines** (one merged incident a line) holds every field of
:class:`~milinc.crossdoc.MergedIncident`, and reloads into it with :func:`from_record`:

| key | what it holds |
|---|---|
| ``id`` | the ``document:event`` id of the incident's first report |
| ``members`` | its reports: ``[{"document", "event", "start", "end", "text", "outlet", "published"}]``, the trigger span of each |
| ``date``, ``time_precision`` | the most precise consistent date (TIMEX3) and ACLED's precision of it (1 day, 2 week, 3 longer) |
| ``event_type``, ``sub_event_type`` | ACLED's codes (snake_case) |
| ``location``, ``country`` | the finest consistent place (name, coordinates, admin1…) and the ISO code |
| ``attacker``, ``target``, ``weapons`` | reconciled actors (``{"text", "name", "country", "inter"}``), every weapon category named |
| ``killed``, ``injured`` | ``{"low", "best", "high", "reports"}`` (UCDP's convention) |
| ``fatalities`` | ACLED's figure: the best killed estimate, 0 when unknown (``killed.reports`` says whether known) |
| ``modality``, ``first_report``, ``last_report``, ``sources`` | commitment, publication span, outlets |
| ``conflicts`` | every disputed slot with each value and the reports that gave it |
| ``choices``, ``links`` | why each slot and each merge (only with ``explain=True``, ``--explain``) |

**CSV and Parquet** hold one flat row per incident, the columns of :data:`MERGED_COLUMNS`; lists are
joined by ``;`` (``members`` as ``document:start-end``), actors by their canonical name (else their
words), conflicts and explanations are text.

Every file is written through :mod:`milinc.outputs`: complete or not at all, never over an input.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable
from typing import Any, Literal

from ..export import OutputTarget, escape_formula
from ..ontology import Document
from ..outputs import OutputFile, open_output
from ..serialization import converter
from .model import MergedIncident
from .reports import IncidentReport, reports_of

__all__ = [
    "FLOAT_COLUMNS",
    "INTEGER_COLUMNS",
    "MERGED_COLUMNS",
    "MergedFormat",
    "MergedIncidentsOutput",
    "format_for",
    "from_record",
    "incident_record",
    "incident_row",
    "write_merged_incidents",
]

MergedFormat = Literal["jsonl", "csv", "parquet"]
"""The file formats of merged incidents."""

MERGED_COLUMNS: tuple[str, ...] = (
    "id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "country",
    "location",
    "latitude",
    "longitude",
    "admin1",
    "geo_precision",
    "attacker",
    "target",
    "weapons",
    "killed_low",
    "killed_best",
    "killed_high",
    "injured_low",
    "injured_best",
    "injured_high",
    "fatalities",
    "fatalities_known",
    "modality",
    "first_report",
    "last_report",
    "sources",
    "reports",
    "members",
    "conflicts",
    "explanation",
)
"""The columns of a CSV or Parquet file of merged incidents, in order."""

INTEGER_COLUMNS: frozenset[str] = frozenset(
    {"time_precision", "geo_precision", "killed_low", "killed_best", "killed_high", "injured_low", "injured_best",
     "injured_high", "fatalities", "reports"}
)
"""Columns holding integers."""

FLOAT_COLUMNS: frozenset[str] = frozenset({"latitude", "longitude"})
"""Columns holding floats."""

_BOOLEAN_COLUMNS = frozenset({"fatalities_known"})
_SEPARATOR = ";"


def format_for(path: str | os.PathLike[str]) -> MergedFormat:
    """The format a file name asks for: ``.csv``, ``.parquet``/``.pq``, anything else JSON Lines."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    return "jsonl"


def incident_record(incident: MergedIncident, *, explain: bool = False) -> dict[str, Any]:
    """The JSON Lines object of one incident (see the module docstring)."""
    record: dict[str, Any] = converter.unstructure(incident)
    record["fatalities"] = incident.fatalities
    if not explain:
        del record["choices"], record["links"]
    return record


def from_record(record: dict[str, Any]) -> MergedIncident:
    """Rebuild a merged incident from its JSON Lines object (without ``--explain``, no choices or links)."""
    data = {k: v for k, v in record.items() if k != "fatalities"}
    return converter.structure(data, MergedIncident)


def _explanation(incident: MergedIncident) -> str:
    parts = [f"{c.slot}: {c.rule} ({', '.join(c.members)})" for c in incident.choices]
    parts += [f"{link.a} + {link.b} ({link.score:g}): {'; '.join(link.reasons)}" for link in incident.links]
    return " | ".join(parts)


def incident_row(incident: MergedIncident, *, explain: bool = False) -> dict[str, Any]:
    """The flat row of one incident (the :data:`MERGED_COLUMNS`)."""
    place = incident.location
    conflicts = " | ".join(
        f"{c.slot}: " + ", ".join(f"{v.value} [{' '.join(v.members)}]" for v in c.values) for c in incident.conflicts
    )
    return {
        "id": incident.id,
        "event_date": incident.date,
        "time_precision": incident.time_precision,
        "event_type": incident.event_type.value,
        "sub_event_type": incident.sub_event_type.value,
        "country": incident.country,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "admin1": place.admin1 if place else None,
        "geo_precision": place.precision if place else None,
        "attacker": incident.attacker.label if incident.attacker else None,
        "target": incident.target.label if incident.target else None,
        "weapons": _SEPARATOR.join(w.value for w in incident.weapons) or None,
        "killed_low": incident.killed.low,
        "killed_best": incident.killed.best,
        "killed_high": incident.killed.high,
        "injured_low": incident.injured.low,
        "injured_best": incident.injured.best,
        "injured_high": incident.injured.high,
        "fatalities": incident.fatalities,
        "fatalities_known": incident.killed.known,
        "modality": incident.modality.value,
        "first_report": incident.first_report.isoformat() if incident.first_report else None,
        "last_report": incident.last_report.isoformat() if incident.last_report else None,
        "sources": _SEPARATOR.join(incident.sources) or None,
        "reports": len(incident.members),
        "members": _SEPARATOR.join(f"{m.document}:{m.start}-{m.end}" for m in incident.members),
        "conflicts": conflicts or None,
        "explanation": (_explanation(incident) or None) if explain else None,
    }


def _arrow_schema() -> Any:
    import pyarrow as pa

    def kind(column: str) -> Any:
        if column in INTEGER_COLUMNS:
            return pa.int64()
        if column in FLOAT_COLUMNS:
            return pa.float64()
        if column in _BOOLEAN_COLUMNS:
            return pa.bool_()
        return pa.string()

    return pa.schema([pa.field(c, kind(c)) for c in MERGED_COLUMNS])


def _write_parquet(output: OutputFile, incidents: Iterable[MergedIncident], explain: bool) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema()
    rows = [incident_row(i, explain=explain) for i in incidents]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), output.stream)


def write_merged_incidents(
    incidents: Iterable[MergedIncident],
    target: OutputTarget,
    table_format: MergedFormat | None = None,
    *,
    explain: bool = False,
    escape_formulas: bool = True,
) -> int:
    """Write merged incidents to *target*, whole or not at all.

    Args:
        incidents: the incidents (what :func:`milinc.merge_incidents` returns).
        target: a path (``-`` for standard output) or an output opened with :mod:`milinc.outputs`
            (then committed here).
        table_format: ``jsonl``, ``csv`` or ``parquet``; by default from the file name (:func:`format_for`).
        explain: also write why each slot and each merge (JSON ``choices``/``links``, CSV ``explanation``).
        escape_formulas: CSV only: quote text cells a spreadsheet would run (see :func:`milinc.export.escape_formula`).

    Returns:
        How many incidents were written.

    Raises:
        ImportError: Parquet without pyarrow.
        OutputError: the file cannot be written.
    """
    name = target.name if isinstance(target, OutputFile) else os.fspath(target)
    fmt = table_format or format_for(name)
    if fmt == "parquet":
        import pyarrow  # noqa: F401  (before anything is opened)
    if isinstance(target, OutputFile):
        output = target
    else:
        output = open_output(target, binary=fmt == "parquet", newline="" if fmt == "csv" else None)
    count = 0
    try:
        if fmt == "parquet":
            items = list(incidents)
            _write_parquet(output, items, explain)
            count = len(items)
        elif fmt == "csv":
            writer = csv.DictWriter(output, fieldnames=MERGED_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for incident in incidents:
                row = incident_row(incident, explain=explain)
                if escape_formulas:
                    row = {c: escape_formula(v) if isinstance(v, str) else v for c, v in row.items()}
                writer.writerow(row)
                count += 1
        else:
            for incident in incidents:
                output.write(json.dumps(incident_record(incident, explain=explain), ensure_ascii=False) + "\n")
                count += 1
        output.commit()
    except BaseException:
        output.abort()
        raise
    return count


class MergedIncidentsOutput:
    """What ``milinc parse --merged-incidents FILE`` does: keep each parsed document's reports, merge at the end.

    Only the compact reports are kept while the corpus is parsed (not the documents); the file is
    opened first (so that a clash with an input is refused before parsing) and written whole at the
    end.
    """

    def __init__(self, output: OutputFile, *, explain: bool = False, escape_formulas: bool = True) -> None:
        """Collect reports for *output* (already opened with :mod:`milinc.outputs`)."""
        self.output = output
        """The file the incidents go to."""
        self._format = format_for(output.name)
        self._explain = explain
        self._escape = escape_formulas
        self._reports: list[IncidentReport] = []
        self._seen: dict[str, int] = {}

    def add(self, document_id: str, result: object) -> None:
        """Keep the reports of one parse result (an error record has none).

        A document id given again (two JSON Lines records with one id) gets ``#2``, ``#3``… in the
        merged incidents, with a line on standard error: the reports are kept apart, none is lost.
        """
        if not isinstance(result, Document):
            return
        count = self._seen.get(document_id, 0) + 1
        self._seen[document_id] = count
        if count > 1:
            renamed = f"{document_id}#{count}"
            while renamed in self._seen:
                count += 1
                renamed = f"{document_id}#{count}"
            self._seen[document_id] = count
            self._seen[renamed] = 1
            sys.stderr.write(f"milinc: --merged-incidents: document id {document_id!r} given again, named {renamed!r}\n")
            document_id = renamed
        self._reports.extend(reports_of(document_id, result))

    def finish(self) -> int:
        """Merge what was kept and write it; returns how many incidents were written."""
        from . import merge_incidents

        incidents = merge_incidents(self._reports)
        self._reports = []
        return write_merged_incidents(
            incidents, self.output, self._format, explain=self._explain, escape_formulas=self._escape
        )
