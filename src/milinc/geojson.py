"""Incidents as GeoJSON (RFC 7946): one Feature per incident, a Point where its place has coordinates.

A feature's properties are the incident's ACLED row (:func:`milinc.acled.acled_rows`); an incident
whose place has no coordinates has a ``null`` geometry (valid GeoJSON: mapping tools leave it out,
nothing is lost), unless ``located_only=True``.

>>> import datetime, milinc
>>> from milinc.geojson import to_geojson
>>> doc = milinc.parse("Mardi, l'armée russe a bombardé Kharkiv.", reference_date=datetime.date(2024, 3, 7))
>>> collection = to_geojson([("k1", doc)])
>>> collection["type"], len(collection["features"]), collection["features"][0]["properties"]["event_date"]
('FeatureCollection', 1, '2024-03-05')
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .acled import acled_rows, iter_documents
from .export import OutputTarget, Row
from .ontology import Document
from .outputs import OutputFile, open_output

if TYPE_CHECKING:
    from types import TracebackType

    from .batch import Result

__all__ = ["GeoJsonWriter", "features", "to_geojson", "write_geojson"]


def _feature(row: Row) -> dict[str, Any]:
    lat, lon = row.get("latitude"), row.get("longitude")
    located = isinstance(lat, float) and isinstance(lon, float) and math.isfinite(lat) and math.isfinite(lon)
    return {
        "type": "Feature",
        "id": row["event_id_cnty"],
        # GeoJSON writes longitude first
        "geometry": {"type": "Point", "coordinates": [lon, lat]} if located else None,
        "properties": dict(row),
    }


def features(doc: Document, document_id: str | None = None, *, located_only: bool = False) -> list[dict[str, Any]]:
    """The document's incidents as GeoJSON features (see the module doc)."""
    out = [_feature(row) for row in acled_rows(doc, document_id)]
    return [f for f in out if f["geometry"] is not None] if located_only else out


def to_geojson(items: Iterable[Any], *, located_only: bool = False) -> dict[str, Any]:
    """A FeatureCollection of the incidents of documents.

    Args:
        items: documents, ``(id, Document)`` pairs or the results of :func:`milinc.parse_records`.
        located_only: leave out the incidents without coordinates.
    """
    return {
        "type": "FeatureCollection",
        "features": [f for doc_id, doc in iter_documents(items) for f in features(doc, doc_id, located_only=located_only)],
    }


class GeoJsonWriter:
    """A FeatureCollection written feature by feature (constant memory), whole or not at all.

    Args:
        path: the file, or an opened :class:`milinc.outputs.OutputFile`.
        located_only: leave out the incidents without coordinates.
    """

    def __init__(self, path: OutputTarget, *, located_only: bool = False) -> None:
        self._output = path if isinstance(path, OutputFile) else open_output(path)
        self.path = Path(self._output.name)
        """The file written (as it was named)."""
        self._located_only = located_only
        self._output.write('{"type": "FeatureCollection", "features": [')
        self.features = 0
        """How many features were written."""

    def write(self, document_id: str, result: Result) -> None:
        """Append the features of one parsed document (an error record has none)."""
        if not isinstance(result, Document):
            return
        for feature in features(result, document_id, located_only=self._located_only):
            self._output.write(("\n" if not self.features else ",\n") + json.dumps(feature, ensure_ascii=False))
            self.features += 1

    def close(self) -> None:
        """Finish the collection: the file replaces its target now."""
        self._output.write("\n]}\n")
        self._output.commit()

    def abort(self) -> None:
        """Discard the file: its target is left as it was."""
        self._output.abort()

    def __enter__(self) -> GeoJsonWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def write_geojson(items: Iterable[Any], path: OutputTarget, *, located_only: bool = False) -> int:
    """Write the incidents of documents as a GeoJSON FeatureCollection to *path*, whole or not at all.

    Returns:
        The number of features written.
    """
    with GeoJsonWriter(path, located_only=located_only) as writer:
        for doc_id, doc in iter_documents(items):
            writer.write(doc_id, doc)
    return writer.features
