"""Places named in French text, with their coordinates: the place-recognition stage.

:class:`PlaceRecognizer` finds every place of a text (:class:`PlaceMention`: where it is written,
and a :class:`milinc.Place` with the name as written, GeoNames' name and id, coordinates, admin1,
country, kind and ACLED precision). The events stage picks the scene among them.
"""

from __future__ import annotations

from .geonames import GeoCandidate, GeoNamesIndex, default_index
from .keys import place_key
from .recognizer import SPECIFICITY, PlaceMention, PlaceRecognizer, Places, original_text

__all__ = ["SPECIFICITY", "GeoCandidate", "GeoNamesIndex", "PlaceMention", "PlaceRecognizer", "Places",
           "default_index", "original_text", "place_key"]
