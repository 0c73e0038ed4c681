"""Draw the tutorial's map: the incidents of a small corpus, over country outlines, as one SVG file.

    python scripts/incident_map.py                  # docs/examples/map_articles.jsonl -> docs/images/incident-map.svg
    python scripts/incident_map.py RECORDS.jsonl -o map.svg

The articles are parsed with milinc; each incident whose place has coordinates is a point labelled
with its date, its ACLED sub-event type and its toll (from :func:`milinc.geojson.to_geojson`).
The SVG is self-contained: the outlines are drawn from ``docs/data/countries-110m.json`` (Natural
Earth, public domain; see ``scripts/build_map_outlines.py``), nothing is fetched to view it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "docs" / "examples" / "map_articles.jsonl"
OUTLINES = ROOT / "docs" / "data" / "countries-110m.json"
OUT = ROOT / "docs" / "images" / "incident-map.svg"

WIDTH = 960
"""The picture's width in pixels (its height follows the region's shape)."""
MARGIN_DEGREES = 4.0
COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Strategic developments": "#2ca02c",
}


def incidents(records: Path) -> list[dict[str, Any]]:
    """The located incidents of the records, as GeoJSON features."""
    import milinc
    from milinc.geojson import to_geojson
    from milinc.ontology import Metadata

    docs = []
    for line in records.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        doc = milinc.parse(record["text"], reference_date=dt.date.fromisoformat(record["reference_date"]))
        import attrs

        docs.append((record["id"], attrs.evolve(doc, metadata=Metadata(id=record["id"], outlet=record.get("outlet")))))
    return list(to_geojson(docs, located_only=True)["features"])


class Projection:
    """Equirectangular over the region, longitudes shrunk by the cosine of its middle latitude."""

    def __init__(self, west: float, south: float, east: float, north: float) -> None:
        self.west, self.north = west, north
        self.kx = math.cos(math.radians((south + north) / 2))
        self.scale = WIDTH / ((east - west) * self.kx)
        self.height = round((north - south) * self.scale)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale


def _bbox(features: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    lons = [f["geometry"]["coordinates"][0] for f in features]
    lats = [f["geometry"]["coordinates"][1] for f in features]
    west, east = min(lons) - MARGIN_DEGREES, max(lons) + MARGIN_DEGREES
    south, north = min(lats) - MARGIN_DEGREES, max(lats) + MARGIN_DEGREES
    return west, south, east, north


def _outline_paths(project: Projection, box: tuple[float, float, float, float]) -> list[str]:
    west, south, east, north = box
    paths = []
    for country in json.loads(OUTLINES.read_text(encoding="utf-8"))["countries"]:
        rings = [r for polygon in country["polygons"] for r in polygon]
        touching = [r for r in rings if any(west - 20 <= x <= east + 20 and south - 20 <= y <= north + 20 for x, y in r)]
        if not touching:
            continue
        d = " ".join("M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in (project(x, y) for x, y in r)) + "Z"
                     for r in touching)
        paths.append(f'<path d="{d}"><title>{html.escape(country["name"] or "")}</title></path>')
    return paths


def _label(feature: dict[str, Any]) -> str:
    p = feature["properties"]
    toll = f"{p['fatalities']} killed" if p["fatalities_known"] else "toll unknown"
    return f"{p['event_date'] or 'undated'} · {p['sub_event_type']} · {toll}"


def draw(features: list[dict[str, Any]]) -> str:
    """The SVG text of the map."""
    if not features:
        raise SystemExit("no incident with coordinates: nothing to draw")
    box = _bbox(features)
    project = Projection(*box)
    height = project.height
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height + 60}" width="{WIDTH}" '
        f'height="{height + 60}" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        "<title>Incidents of the tutorial's articles, read by milinc</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#dbe9f4"/>',
        '<g fill="#f4f1ea" stroke="#9a9a9a" stroke-width="0.6">',
        *_outline_paths(project, box),
        "</g>",
    ]
    placed: list[tuple[float, float]] = []
    for feature in sorted(features, key=lambda f: f["geometry"]["coordinates"][1], reverse=True):
        lon, lat = feature["geometry"]["coordinates"]
        x, y = project(lon, lat)
        p = feature["properties"]
        colour = COLOURS.get(p["event_type"], "#555555")
        radius = 4 + 2 * math.sqrt(p["fatalities"] or 0)
        # labels right of their point, moved down when another label is close
        ly = y + 4
        while any(abs(ly - oy) < 14 and abs(x - ox) < 260 for ox, oy in placed):
            ly += 14
        placed.append((x, ly))
        anchor = "end" if x > WIDTH - 270 else "start"
        lx = x - radius - 3 if anchor == "end" else x + radius + 3
        out += [
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" fill-opacity="0.85" stroke="#222" '
            f'stroke-width="0.8"><title>{html.escape(p["notes"] or "")}</title></circle>',
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" stroke="#ffffff" stroke-width="3" '
            f'paint-order="stroke">{html.escape(_label(feature))}</text>',
        ]
    legend_y = height + 18
    x = 10
    for name, colour in COLOURS.items():
        out.append(f'<circle cx="{x + 5}" cy="{legend_y - 4}" r="5" fill="{colour}"/>'
                   f'<text x="{x + 14}" y="{legend_y}">{html.escape(name)}</text>')
        x += 22 + 7 * len(name)
    out.append(f'<text x="10" y="{legend_y + 22}" fill="#555">Point size: fatalities (ACLED\'s conservative figure). '
               "Country outlines: Natural Earth 1:110m (public domain), via world-atlas.</text>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records", nargs="?", type=Path, default=RECORDS, help="JSON Lines articles")
    parser.add_argument("-o", "--output", type=Path, default=OUT, help="the SVG file to write")
    args = parser.parse_args()
    features = incidents(args.records)
    svg = draw(features)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(svg, encoding="utf-8")
    print(f"wrote {args.output}: {len(features)} incidents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
