"""Named places for the events stage: the place-recognition stage of :mod:`milinc.places`.

The gazetteer (``data/places.json`` + the GeoNames index), the cues and the disambiguation live in
:mod:`milinc.places`; the events modules import the names they use from here.
"""

from __future__ import annotations

from ..places import SPECIFICITY, PlaceMention, PlaceRecognizer, Places, original_text

__all__ = ["SPECIFICITY", "PlaceMention", "PlaceRecognizer", "Places", "original_text"]
