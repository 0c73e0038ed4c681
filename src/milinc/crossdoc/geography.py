"""Whether the places of two reports can be the scene of one incident.

Reports of one incident name its place at different scales ("Djibo", "près de Djibo", "la province du
Soum", "le nord du Burkina Faso") and with different spellings. Two places are compared, in order:

1. the same GeoNames id, or the same name once folded (accents, case, articles, "province de");
2. both with coordinates: the distance, against a radius that grows with how coarse the coordinates
   are (:data:`NEAR_KM` between two towns or sites, :data:`REGION_KM` when one is a province or
   region, or a place the gazetteer could only put at its region's point: ``precision`` 3);
3. one a province or region and the other inside it by its ``admin1``/``admin2`` (a village and
   its province, when the gazetteer knows the village's province);
4. otherwise only the countries can be compared.

The answer is a :class:`PlaceRelation` with the points it adds to a match and the words that say why.
"""

from __future__ import annotations

import enum
import functools
import math
import re

from attrs import frozen

from ..normalize import fold
from ..ontology import Place, PlaceKind

__all__ = [
    "NEAR_KM",
    "REGION_KM",
    "REGION_REACH_KM",
    "SAME_KM",
    "PlaceRelation",
    "PlaceVerdict",
    "compare_places",
    "distance_km",
    "name_keys",
    "place_scale",
]

SAME_KM = 15.0
"""Two towns or sites this close are the same scene (a village and the town it is reported "near")."""
NEAR_KM = 30.0
"""Two towns or sites farther apart than this are two scenes; between the two radii, they may be one."""
REGION_KM = 150.0
"""A place this close to a province's or region's point lies in it, for all one can tell."""
REGION_REACH_KM = 450.0
"""A place farther than this from a region's point is outside it ("le nord-est du Nigeria" is large);
between :data:`REGION_KM` and this, it may lie in it."""


class PlaceRelation(str, enum.Enum):
    """How two reports' places relate, from the strongest evidence of one scene to a contradiction."""

    SAME = "same"
    NEAR = "near"
    INSIDE = "inside"
    POSSIBLY_INSIDE = "possibly_inside"
    SAME_COUNTRY = "same_country"
    UNKNOWN = "unknown"
    NAMES_DIFFER = "names_differ"
    DIFFERENT = "different"


@frozen
class PlaceVerdict:
    """The relation of two places, and why."""

    relation: PlaceRelation
    """What the comparison found."""
    reason: str
    """In words, for explanations."""
    distance_km: float | None = None
    """The distance between the two points, when both have coordinates."""


_SCALE = {
    PlaceKind.SITE: 1,
    PlaceKind.BASE: 1,
    PlaceKind.AIRPORT: 1,
    PlaceKind.TOWN: 1,
    PlaceKind.CITY: 1,
    PlaceKind.DISTRICT: 1,
    PlaceKind.PROVINCE: 3,
    PlaceKind.REGION: 3,
    PlaceKind.OTHER: 2,
    PlaceKind.SEA: 4,
    PlaceKind.COUNTRY: 5,
}

_PREFIXES = re.compile(
    r"^(?:(?:la |le |les |l')?(?:province|region|oblast|gouvernorat|prefecture|cercle|commune|district|"
    r"departement|localite|ville|village|base|camp|wilaya|etat)(?: de la| du| des| de| d')?\s*)+"
)
_ARTICLES = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash|l|la|le|les)[- ']+")
_SEPARATORS = re.compile(r"[-'’\s]+")


def place_scale(place: Place) -> int:
    """What the place is: 1 a point-like place (town, site, base), 2 a place of unknown kind, 3 a province
    or region, 4 a sea, 5 a country."""
    return _SCALE.get(place.kind, 2)


def _reach(place: Place) -> int:
    """How coarse the place's coordinates are: its scale, or the gazetteer's ``precision`` when coarser
    (a village placed at its region's point has precision 3)."""
    scale = place_scale(place)
    return max(scale, place.precision) if place.precision is not None else scale


def name_keys(place: Place) -> frozenset[str]:
    """Folded forms of every name the place goes by (name, canonical name, words of the text)."""
    return _name_keys(place.name, place.canonical_name, place.span.text if place.span else None)


@functools.lru_cache(maxsize=65_536)
def _name_keys(*names: str | None) -> frozenset[str]:
    keys = set()
    for name in names:
        if name:
            key = _key(name)
            if key:
                keys.add(key)
                # the consonants, for vowels transliterations disagree on (Kharkiv/Kharkov, Kyiv/Kiev);
                # only long enough to be rare ("Tyr" and "Téra" share "tr")
                skeleton = key[0] + _VOWELS.sub("", key[1:])
                if len(skeleton) >= 4:
                    keys.add("~" + skeleton)
    return frozenset(keys)


@functools.lru_cache(maxsize=65_536)
def _key(name: str) -> str:
    folded = fold(" ".join(name.split())).replace("’", "'")
    folded = _PREFIXES.sub("", folded)
    folded = _ARTICLES.sub("", folded)
    folded = _SEPARATORS.sub("", folded)
    # transliterations of one name: Zaporijjia/Zaporizhzhia, El-Facher/El-Fasher, Kharkiv/Charkiw
    for spelling, sound in _TRANSLITERATIONS:
        folded = folded.replace(spelling, sound)
    return _DOUBLED.sub(r"\1", folded)


_TRANSLITERATIONS = (
    ("tch", "ch"),
    ("sch", "ch"),
    ("sh", "ch"),
    ("zh", "j"),
    ("dj", "j"),
    ("dz", "j"),
    ("kh", "h"),
    ("ph", "f"),
    ("ou", "u"),
    ("w", "u"),
    ("y", "i"),
    ("q", "k"),
    ("ck", "k"),
    ("c", "k"),
    ("z", "s"),
)
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]+")


def _admin_keys(place: Place) -> frozenset[str]:
    return frozenset(_key(a) for a in (place.admin1, place.admin2) if a)



def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _countries(a: str | None, b: str | None) -> PlaceVerdict:
    if a is None or b is None:
        return PlaceVerdict(PlaceRelation.UNKNOWN, "no place to compare")
    if a == b:
        return PlaceVerdict(PlaceRelation.SAME_COUNTRY, f"same country {a}")
    return PlaceVerdict(PlaceRelation.DIFFERENT, f"countries differ ({a}, {b})")


def _label(place: Place) -> str:
    return place.name


def compare_places(a: Place | None, a_country: str | None, b: Place | None, b_country: str | None) -> PlaceVerdict:
    """How the scene of one report (place *a* in *a_country*) relates to another's.

    A country-level place counts as no place (only its country is compared). Countries that differ
    contradict, except for two points close enough to be one scene across a border.
    """
    if a is not None and place_scale(a) >= 4:
        a_country, a = a_country or a.country, None
    if b is not None and place_scale(b) >= 4:
        b_country, b = b_country or b.country, None
    if a is None or b is None:
        return _countries(a_country, b_country)

    country_a, country_b = a_country or a.country, b_country or b.country
    distance = None
    if a.latitude is not None and a.longitude is not None and b.latitude is not None and b.longitude is not None:
        distance = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
    if country_a and country_b and country_a != country_b and (distance is None or distance > NEAR_KM):
        # one scene across a border only when the two points are close ("Tripoli" is two cities)
        return PlaceVerdict(PlaceRelation.DIFFERENT, f"countries differ ({country_a}, {country_b})", distance)

    keys_a, keys_b = name_keys(a), name_keys(b)
    same_id = a.geonameid is not None and a.geonameid == b.geonameid
    if same_id:
        return PlaceVerdict(PlaceRelation.SAME, f"same place {_label(a)}", 0.0)
    if keys_a & keys_b:
        if distance is not None and distance > NEAR_KM and a.geonameid is not None and b.geonameid is not None:
            # two places of one name ("Kamianka" is dozens of villages)
            return PlaceVerdict(
                PlaceRelation.DIFFERENT, f"two places named {_label(a)}, {distance:.0f} km apart", distance
            )
        return PlaceVerdict(PlaceRelation.SAME, f"same place {_label(a)}", distance)

    scale_a, scale_b = place_scale(a), place_scale(b)
    coarse = max(_reach(a), _reach(b))

    # one inside the other by the gazetteer's administrative divisions
    if scale_a < scale_b and keys_b & _admin_keys(a):
        return PlaceVerdict(PlaceRelation.INSIDE, f"{_label(a)} is in {_label(b)}", distance)
    if scale_b < scale_a and keys_a & _admin_keys(b):
        return PlaceVerdict(PlaceRelation.INSIDE, f"{_label(b)} is in {_label(a)}", distance)

    if scale_a != scale_b:
        fine, wide = (a, b) if scale_a < scale_b else (b, a)
        if fine.admin1 and wide.admin1 and _key(fine.admin1) != _key(wide.admin1):
            return PlaceVerdict(
                PlaceRelation.DIFFERENT,
                f"{_label(fine)} is in {fine.admin1}, {_label(wide)} in {wide.admin1}",
                distance,
            )

    if distance is not None:
        where = f"{_label(a)} and {_label(b)} are {distance:.0f} km apart"
        if coarse <= 2:
            if distance <= SAME_KM:
                return PlaceVerdict(PlaceRelation.NEAR, where + " (one scene)", distance)
            if distance <= NEAR_KM:
                return PlaceVerdict(PlaceRelation.NEAR, where + " (nearby)", distance)
            return PlaceVerdict(PlaceRelation.DIFFERENT, where, distance)
        if distance <= REGION_KM:
            return PlaceVerdict(PlaceRelation.INSIDE, where + " (within the region)", distance)
        if distance <= REGION_REACH_KM:
            return PlaceVerdict(PlaceRelation.POSSIBLY_INSIDE, where + " (may be within the region)", distance)
        return PlaceVerdict(PlaceRelation.DIFFERENT, where, distance)

    if scale_a != scale_b:
        # a town and a province without the data to say whether one holds the other
        return PlaceVerdict(
            PlaceRelation.POSSIBLY_INSIDE,
            f"{_label(a)} may lie in {_label(b)}" if scale_a < scale_b else f"{_label(b)} may lie in {_label(a)}",
        )
    if max(scale_a, scale_b) == 1:
        # two towns (sites, bases) of different names are two scenes unless coordinates say they are near
        return PlaceVerdict(PlaceRelation.DIFFERENT, f"different places {_label(a)} and {_label(b)}")
    return PlaceVerdict(PlaceRelation.NAMES_DIFFER, f"different places {_label(a)} and {_label(b)}, no coordinates")
