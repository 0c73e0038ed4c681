"""Build ``docs/data/countries-110m.json``: country outlines for the tutorial's map, as plain polygons.

Run at development time. The source is Natural Earth's 1:110m Admin 0 countries (public domain),
as the npm package ``world-atlas`` 2.0.2 redistributes them (TopoJSON, ISC licence)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_map_outlines.py package/countries-110m.json

The TopoJSON arcs are decoded into one list of rings (longitude, latitude) per country, rounded to
0.1 degree (the map is drawn at a few pixels per degree), so that the map script needs no geographic library.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "docs" / "data" / "countries-110m.json"


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as absolute (longitude, latitude) points (delta-decoded, unquantized)."""
    scale = topology.get("transform", {}).get("scale", [1, 1])
    translate = topology.get("transform", {}).get("translate", [0, 0])
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """One ring from its arcs (a negative index is arc ~i reversed); shared end points once."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    out: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, 1), round(lat, 1)]
        if not out or point != out[-1]:  # points that round alike are one at this scale
            out.append(point)
    return out


def build(source: Path) -> dict[str, Any]:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]] \
            if geometry["type"] == "Polygon" else []
        countries.append({
            "id": geometry.get("id"),
            "name": geometry.get("properties", {}).get("name"),
            "polygons": [[ring(r, arcs) for r in polygon] for polygon in polygons],
        })
    return {
        "_doc": "Country outlines for the tutorial's map: Natural Earth 1:110m Admin 0 countries (public domain, "
                "naturalearthdata.com), from the npm package world-atlas 2.0.2; decoded by "
                "scripts/build_map_outlines.py. Rings of [longitude, latitude], 0.1 degree.",
        "countries": countries,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="world-atlas's countries-110m.json")
    args = parser.parse_args()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(build(args.source), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
