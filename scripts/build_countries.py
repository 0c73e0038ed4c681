"""Build ``src/milinc/data/countries.json``: every ISO 3166 country with ACLED's numeric ``iso``, name and region.

Run at development time, never at run time (pycountry is a development tool here, not a dependency)::

    pip install pycountry
    python scripts/build_countries.py           # writes src/milinc/data/countries.json
    python scripts/build_countries.py --check   # compares a fresh build with the shipped file

Source: pycountry (the ISO 3166-1 table of the Debian ``iso-codes`` project, LGPL), for the alpha-2,
alpha-3 and numeric codes and the English names. ACLED writes some country names its own way
("Democratic Republic of Congo", "Russia", "Palestine"): :data:`ACLED_NAMES` holds those, and
:data:`ACLED_REGIONS` the region ACLED files each country under (its ``region`` column).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "milinc" / "data" / "countries.json"

ACLED_NAMES = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic", "FM": "Micronesia", "GB": "United Kingdom",
    "IR": "Iran", "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "PS": "Palestine",
    "RU": "Russia", "SY": "Syria", "SZ": "eSwatini", "TW": "Taiwan", "TZ": "Tanzania", "TR": "Turkey",
    "US": "United States", "VA": "Vatican City", "VE": "Venezuela", "VN": "Vietnam", "TL": "East Timor",
    "MK": "North Macedonia", "BQ": "Caribbean Netherlands", "VG": "British Virgin Islands",
    "VI": "Virgin Islands, U.S.", "SH": "Saint Helena, Ascension and Tristan da Cunha", "FK": "Falkland Islands",
}

_REGIONS_SOURCE = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS SD TZ UG ZM ZW",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA TN EH",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Europe": "AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV LI LT LU MT MD MC ME "
              "NL MK NO PL PT RO RU SM RS SK SI ES SE CH UA GB VA AX SJ",
    "North America": "CA US GL PM BM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Caribbean": "AI AG AW BS BB BQ KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VG VI",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF",
    "Antarctica": "AQ BV GS HM TF IO CX CC",
}
ACLED_REGIONS = {iso: region for region, codes in _REGIONS_SOURCE.items() for iso in codes.split()}

EXTRA = {
    # not in ISO 3166-1; ACLED codes Kosovo with iso 0
    "XK": {"alpha3": "XKX", "numeric": 0, "name": "Kosovo", "region": "Europe"},
}


def build() -> dict[str, object]:
    import pycountry

    countries: dict[str, dict[str, object]] = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name = ACLED_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        countries[c.alpha_2] = {"alpha3": c.alpha_3, "numeric": int(c.numeric), "name": name,
                                "region": ACLED_REGIONS.get(c.alpha_2)}
    countries.update(EXTRA)
    return {
        "_doc": "Countries by ISO 3166 alpha-2 code: alpha-3, the numeric code ACLED writes in its 'iso' column, "
                "the name and the region as ACLED writes them. Built by scripts/build_countries.py from pycountry "
                f"{pycountry.__version__ if hasattr(pycountry, '__version__') else ''} (ISO 3166-1 of Debian's "
                "iso-codes); do not edit by hand.",
        "countries": countries,
    }


def render(data: dict[str, object]) -> str:
    countries = data["countries"]
    assert isinstance(countries, dict)
    lines = ["{", f' "_doc": {json.dumps(data["_doc"], ensure_ascii=False)},', ' "countries": {']
    items = [f'  "{iso}": {json.dumps(v, ensure_ascii=False)}' for iso, v in countries.items()]
    lines.append(",\n".join(items))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare a fresh build with the shipped file")
    args = parser.parse_args()
    text = render(build())
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("countries.json is up to date" if same else "countries.json differs from a fresh build")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
