"""The GeoNames place index shipped in the package (``milinc/data/geonames.sqlite``), read lazily.

The index is built at development time by ``scripts/build_gazetteer.py`` from GeoNames data
(CC BY 4.0, https://www.geonames.org/); see ``docs/places.md``. It is a plain sqlite file opened
read-only the first time a text needs it: importing milinc never opens it, and nothing in it is
code. A lookup takes the keys of every candidate name of a text at once
(:func:`milinc.places.keys.place_key`) and returns their places.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

__all__ = ["FLAG_COMMON", "FLAG_MAIN", "GeoCandidate", "GeoNamesIndex", "default_index"]

FLAG_COMMON = 1
"""The name is also a common word ("Sake", "Gao", "Vila"): the place needs evidence."""
FLAG_MAIN = 2
"""The name is GeoNames' own name of the place, not one of its alternate names."""
_BATCH = 400  # below sqlite's default limit of 999 parameters


class GeoCandidate:
    """A place of the index that a name may refer to (a plain class: cheap to define at import)."""

    __slots__ = ("admin1", "admin2", "country", "flags", "id", "kind", "latitude", "longitude", "name", "population")

    def __init__(self, id: int, name: str, country: str, admin1: str | None, admin2: str | None, latitude: float,
                 longitude: float, population: int, kind: str, flags: int) -> None:
        self.id = id
        """GeoNames id (negative for an admin1 division, which has none in the index)."""
        self.name = name
        """GeoNames' name."""
        self.country = country
        """ISO 3166 alpha-2 code."""
        self.admin1 = admin1
        """First-level division's name."""
        self.admin2 = admin2
        """Second-level division's name, when known."""
        self.latitude = latitude
        """WGS84 latitude."""
        self.longitude = longitude
        """WGS84 longitude."""
        self.population = population
        """GeoNames' population figure (0 for an admin1 division)."""
        self.kind = kind
        """``city`` (100 000 people or more), ``town`` or ``province`` (an admin1 division)."""
        self.flags = flags
        """:data:`FLAG_COMMON` and :data:`FLAG_MAIN` bits of the name that found it."""

    def __repr__(self) -> str:
        return f"GeoCandidate({self.id}, {self.name!r}, {self.country}, population={self.population}, kind={self.kind})"

    @property
    def geonameid(self) -> int | None:
        """The GeoNames id, ``None`` for an admin1 division."""
        return self.id if self.id > 0 else None

    @property
    def common_word(self) -> bool:
        """Whether the name that found it is also a common word (the place needs evidence)."""
        return bool(self.flags & FLAG_COMMON)


class GeoNamesIndex:
    """Read-only lookups in a place index file; thread-safe, opened on first use."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[GeoCandidate, ...]] = {}
        self._extents: dict[str, tuple[float, float, float, float] | None] = {}
        self._available: bool | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            import sqlite3  # on first use: a parse without capitalized words never needs it

            path = self._file()
            # immutable: no journal, no lock files, nothing written next to the installed package
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                       check_same_thread=False)
        return self._db

    @property
    def available(self) -> bool:
        """Whether the index file is there (a source checkout without it still parses, without GeoNames)."""
        if self._available is None:
            self._available = self._file().is_file()
        return self._available

    def _file(self) -> Path:
        return self._path or Path(str(resources.files("milinc").joinpath("data").joinpath("geonames.sqlite")))

    def lookup(self, keys: Iterable[str]) -> Mapping[str, tuple[GeoCandidate, ...]]:
        """The places of each key (keys without any are left out)."""
        wanted = set(keys)
        found: dict[str, tuple[GeoCandidate, ...]] = {}
        with self._lock:
            missing = [k for k in wanted if k not in self._cache]
            if missing:
                if len(self._cache) > 200_000:  # bounded: a stream of documents must not grow it forever
                    self._cache.clear()
                db = self._connect()
                fresh: dict[str, list[GeoCandidate]] = {k: [] for k in missing}
                for i in range(0, len(missing), _BATCH):
                    chunk = missing[i : i + _BATCH]
                    rows = db.execute(
                        "SELECT n.key, p.id, p.name, p.cc, p.admin1, p.admin2, p.lat, p.lon, p.pop, p.kind, n.flags "
                        f"FROM name n JOIN place p ON p.id = n.id WHERE n.key IN ({','.join('?' * len(chunk))})",
                        chunk,
                    ).fetchall()
                    for key, *fields in rows:
                        fresh[key].append(GeoCandidate(*fields))
                for k, v in fresh.items():
                    self._cache[k] = tuple(v)
            for k in wanted:
                if self._cache.get(k):
                    found[k] = self._cache[k]
        return found

    def extent(self, country: str) -> tuple[float, float, float, float] | None:
        """(south, north, west, east): the 10th-90th percentiles of the country's places, if it has any."""
        with self._lock:
            if country not in self._extents:
                row = self._connect().execute("SELECT lat_lo, lat_hi, lon_lo, lon_hi FROM country WHERE cc = ?",
                                              (country,)).fetchone()
                self._extents[country] = tuple(row) if row else None
            return self._extents[country]

    def meta(self) -> dict[str, str]:
        """Where the index comes from (source, package versions, scope)."""
        with self._lock:
            return dict(self._connect().execute("SELECT k, v FROM meta").fetchall())


_DEFAULT: GeoNamesIndex | None = None
_DEFAULT_LOCK = threading.Lock()


def default_index() -> GeoNamesIndex:
    """The index shipped in the package (one per process)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = GeoNamesIndex()
        return _DEFAULT
