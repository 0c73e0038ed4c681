"""How many incidents that have a place in the gold get coordinates from milinc.

    python scripts/places_coverage.py --texts ../shared/eval/dev/texts --gold ../shared/eval/dev/gold

Each gold incident is matched to milinc's event whose trigger overlaps one of its mentions (as the
scorer does). Printed: among the gold incidents that have a location, how many milinc found, how many
of those have a location, and how many have coordinates (``latitude``/``longitude``), with the
precision (ACLED ``geo_precision``) of those coordinates; ``--details`` lists the incidents without.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
from pathlib import Path

import milinc


def _overlaps(a: tuple[int, int], b: dict[str, int]) -> bool:
    return a[0] < b["end"] and b["start"] < a[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    counts: collections.Counter[str] = collections.Counter()
    precision: collections.Counter[int | None] = collections.Counter()
    for path in sorted(args.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (args.texts / gold["file"]).read_text(encoding="utf-8-sig")
        ref = gold.get("reference_date")
        doc = milinc.parse(text, reference_date=dt.date.fromisoformat(ref) if ref else None)
        spans = [[(m.start, m.end) for m in e.mentions] or [(e.span.start, e.span.end)] for e in doc.events]
        for inc in gold["incidents"]:
            if not inc.get("location"):
                continue
            counts["gold with a location"] += 1
            event = next((e for e, ss in zip(doc.events, spans)
                          if any(_overlaps(s, m) for s in ss for m in inc["mentions"])), None)
            if event is None:
                continue
            counts["found by milinc"] += 1
            loc = event.location
            if loc is None:
                if args.details:
                    print(f"{gold['id']} {inc['id']}: no location (gold {inc['location']!r})")
                continue
            counts["with a location"] += 1
            if loc.latitude is not None and loc.longitude is not None:
                counts["with coordinates"] += 1
                precision[loc.precision] += 1
            elif args.details:
                print(f"{gold['id']} {inc['id']}: {loc.name!r} ({loc.kind.value}) has no coordinates (gold {inc['location']!r})")
    found, located, coords = counts["found by milinc"], counts["with a location"], counts["with coordinates"]
    print(f"gold incidents with a location: {counts['gold with a location']}; found: {found}; "
          f"with a location: {located}; with coordinates: {coords}")
    if found:
        print(f"coordinates among found incidents: {coords / found:.3f}; among those with a location: "
              f"{coords / max(1, located):.3f}; among all gold incidents with a location: "
              f"{coords / counts['gold with a location']:.3f}")
    print("geo_precision of the coordinates:", dict(sorted(precision.items(), key=lambda kv: kv[0] or 0)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
