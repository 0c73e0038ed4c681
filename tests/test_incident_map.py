"""The tutorial's map script (``scripts/incident_map.py``): a self-contained SVG, labels of date, type and toll."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("incident_map", ROOT / "scripts" / "incident_map.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _feature(lon: float, lat: float, **properties: Any) -> dict[str, Any]:
    base = {"event_date": "2024-02-12", "event_type": "Battles", "sub_event_type": "Armed clash",
            "fatalities": 6, "fatalities_known": True, "notes": "Une attaque <à> Mopti."}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": base | properties}


def test_the_map_is_one_svg_that_fetches_nothing() -> None:
    svg = _script().draw([
        _feature(-4.18, 14.48),
        _feature(36.25, 49.98, event_date="2024-03-05", event_type="Explosions/Remote violence",
                 sub_event_type="Air/drone strike", fatalities=0, fatalities_known=False),
    ])
    root = ET.fromstring(svg)  # well-formed XML, the notes' markup escaped
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    # no link, image, script or style sheet to load: only the SVG namespace names a URL
    assert re.findall(r"https?://[^\"']+", svg) == ["http://www.w3.org/2000/svg"]
    assert "<script" not in svg and "<image" not in svg and "href" not in svg
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "2024-02-12 · Armed clash · 6 killed" in texts
    assert "2024-03-05 · Air/drone strike · toll unknown" in texts
    # the outlines of the countries around the points are drawn (Mali, Ukraine)
    titles = {t.text for t in root.iter("{http://www.w3.org/2000/svg}title")}
    assert {"Mali", "Ukraine"} <= titles


def test_the_committed_map_is_there() -> None:
    svg = (ROOT / "docs" / "images" / "incident-map.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    assert len(list(root.iter("{http://www.w3.org/2000/svg}circle"))) >= 10  # 8 incidents and the legend
