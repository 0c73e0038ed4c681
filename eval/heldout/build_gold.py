#!/usr/bin/env python3
"""Build the held-out gold files (GUIDELINES §6 format) from a compact spec.

A phrase is located by its text and, when it occurs several times, its
occurrence number (0-based). Run: python eval/heldout/build_gold.py
Score: python ../shared/eval/score.py --texts eval/heldout/texts --gold eval/heldout/gold
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def at(text: str, phrase: str | tuple[str, int] | tuple[str, str]) -> dict[str, Any]:
    """The span of *phrase*: a string, (string, occurrence number) or (string, longer context holding it)."""
    if isinstance(phrase, str):
        p, n, ctx = phrase, 0, None
    elif isinstance(phrase[1], int):
        p, n, ctx = phrase[0], phrase[1], None
    else:
        p, n, ctx = phrase[0], 0, phrase[1]
    if ctx is not None:
        c = text.find(ctx)
        if c < 0 or p not in ctx:
            raise SystemExit(f"not found: {phrase!r}")
        i = c + ctx.index(p)
        return {"start": i, "end": i + len(p), "text": p}
    i = -1
    for _ in range(n + 1):
        i = text.find(p, i + 1)
        if i < 0:
            raise SystemExit(f"not found: {phrase!r}")
    return {"start": i, "end": i + len(p), "text": p}


def count(value: int | None, qualifier: str = "exact") -> dict[str, Any]:
    return {"value": value, "qualifier": qualifier}


SPEC: dict[str, dict[str, Any]] = {
    "sahel_01": {
        "reference_date": "2024-07-29",
        "dates": [
            ("29 juillet 2024", "2024-07-29"),
            ("samedi", "2024-07-27"),
            ("dimanche soir", "2024-07-28TEV"),
            ("vers 14h30", "2024-07-27T14:30"),
            ("La veille", "2024-07-26"),
            ("2012", "2012"),
        ],
        "quantities": [
            ("Au moins quinze soldats", 15, "at_least", "soldat"),
            ("une vingtaine d'autres", 20, "about", None),
            ("une quarantaine de kilomètres", 40, "about", "kilomètre"),
            ("deux véhicules blindés", 2, "exact", "véhicule"),
            ("sans faire de victime", 0, "exact", "victime"),
            ("des milliers de morts", None, "vague", "mort"),
        ],
        "weapons": [
            ("véhicules blindés", "armored_vehicle", None),
            ("armes", "generic", None),
            ("munitions", "generic", None),
            ("engin explosif improvisé", "explosive", None),
        ],
        "incidents": [
            {"type": ["armed_clash"], "date": "2024-07-27T14:30", "location": "Tinzaouatène",
             "location_alt": ["Tin Zaouatene", "Tinzaouaten", "Kidal"], "country": "ML", "weapons": [],
             "killed": count(15, "at_least"), "injured": count(20, "about"),
             "mentions": ["embuscade", "ont attaqué", "Les combats", "l'attaque"]},
            {"type": ["remote_explosive_landmine_ied"], "date": "2024-07-26", "location": "Gao",
             "location_alt": ["Ansongo"], "country": "ML", "weapons": ["explosive"],
             "killed": count(0), "injured": count(0), "mentions": ["avait explosé"]},
        ],
        "ignore": {"dates": ["plusieurs heures"], "quantities": ["plusieurs heures"],
                   "events": ["violences jihadistes", "attaques répétées"]},
    },
    "ukraine_01": {
        "reference_date": "2024-11-17",
        "dates": [
            ("17 nov 2024", "2024-11-17"),
            ("dans la nuit de samedi à dimanche", "2024-11-16TNI"),
            ("vers 4 heures du matin", "2024-11-17T04:00"),
            ("Mardi dernier", "2024-11-12"),
        ],
        "quantities": [
            ("au moins sept personnes", 7, "at_least", "personne"),
            ("104 missiles", 104, "exact", "missile"),
            ("120", 120, "exact", None),
            ("42 drones", 42, "exact", "drone"),
            ("un total de 90", 90, "exact", None),
            ("deux personnes", 2, "exact", "personne"),
            (("six", "six blessées"), 6, "exact", None),
            ("neuf morts", 9, "exact", "mort"),
            ("28 blessés", 28, "exact", "blessé"),
        ],
        "weapons": [
            ("missiles", "missile", None),
            ("drones", "drone", None),
            (("missiles", 1), "missile", None),
            ("drones Shahed-136", "drone", "Shahed-136"),
            ("missiles de croisière Kh-101", "missile", "Kh-101"),
            ("missiles balistiques Iskander", "missile", "Iskander"),
            (("drone", "un drone a frappé"), "drone", None),
            ("projectiles", "generic", None),
            ("systèmes de défense aérienne Patriot", "air_defense", "Patriot"),
            ("IRIS-T", "air_defense", "IRIS-T"),
            ("missile abattu", "missile", None),
        ],
        "incidents": [
            {"type": ["shelling_artillery_missile_attack", "air_drone_strike"], "date": "2024-11-16TNI",
             "location": None, "location_alt": [], "country": "UA", "weapons": ["missile", "drone"],
             "killed": count(7, "at_least"), "injured": None,
             "mentions": ["une attaque massive", "tirés"]},
            {"type": ["air_drone_strike"], "date": "2024-11-17T04:00", "location": "Mykolaïv",
             "location_alt": ["Mykolaiv", "Nikolaïev"], "country": "UA", "weapons": ["drone"],
             "killed": count(2), "injured": count(6), "mentions": ["ont été tuées", "a frappé"]},
            {"type": ["shelling_artillery_missile_attack", "air_drone_strike"], "date": "2024-11-12",
             "location": "Zaporijjia", "location_alt": ["Zaporizhzhia", "Zaporojie"], "country": "UA",
             "weapons": [], "killed": count(9), "injured": count(28), "mentions": ["une frappe russe"]},
        ],
        "ignore": {"events": ["avoir abattu", "Chaque missile abattu"]},
    },
    "redsea_01": {
        "reference_date": "2024-01-12",
        "dates": [
            ("jeudi", "2024-01-11"),
            ("le 19 novembre", "2023-11-19"),
            ("Dans la nuit de jeudi à vendredi", "2024-01-11TNI"),
        ],
        "quantities": [
            ("environ 20 milles nautiques", 20, "about", "mille"),
            ("une douzaine de sites", 12, "about", "site"),
            ("cinq de leurs combattants", 5, "exact", "combattant"),
            ("six autres", 6, "exact", None),
        ],
        "weapons": [
            ("missile balistique antinavire", "missile", None),
            (("missile", "Le missile est"), "missile", None),
            ("avions de combat", "aircraft", None),
            ("missiles Tomahawk", "missile", "Tomahawk"),
            ("navires de guerre", "warship", None),
            ("sous-marin", "warship", None),
        ],
        "incidents": [
            {"type": ["shelling_artillery_missile_attack"], "date": "2024-01-11", "location": "golfe d'Aden",
             "location_alt": ["Aden"], "country": "YE", "weapons": ["missile"], "killed": None, "injured": None,
             "mentions": ["ont tiré"]},
            {"type": ["air_drone_strike"], "date": "2024-01-11TNI", "location": "Hodeïda",
             "location_alt": ["Hodeidah", "Sanaa"], "country": "YE", "weapons": ["aircraft", "missile"],
             "killed": count(5), "injured": count(6),
             "mentions": ["ont mené des frappes", "ont également été tirés", "ces bombardements"]},
        ],
        "ignore": {"quantities": ["27e"], "events": ["27e attaque", "représailles"]},
    },
    "levant_01": {
        "reference_date": "2024-09-24",
        "dates": [
            ("24 septembre 2024", "2024-09-24"),
            ("lundi après-midi", "2024-09-23TAF"),
            ("le 8 octobre 2023", "2023-10-08"),
        ],
        "quantities": [
            ("un haut commandant", 1, "exact", "commandant"),
            ("au moins trois civils", 3, "at_least", "civil"),
            ("15 blessés", 15, "exact", "blessé"),
            ("une trentaine de roquettes", 30, "about", "roquette"),
            (("plusieurs", "dont plusieurs"), None, "vague", None),
            ("Aucun blessé", 0, "exact", "blessé"),
            ("au moins 20 personnes", 20, "at_least", "personne"),
        ],
        "weapons": [
            ("roquettes", "rocket", None),
            ("Dôme de fer", "air_defense", "Dôme de fer"),
        ],
        "incidents": [
            {"type": ["air_drone_strike"], "date": "2024-09-23TAF", "location": "Beyrouth",
             "location_alt": ["Dahiyé", "banlieue sud de Beyrouth", "Beirut"], "country": "LB",
             "weapons": ["aircraft"], "killed": count(4, "at_least"), "injured": count(15),
             "mentions": ["Une frappe aérienne israélienne", "a visé", "tuant", "frappé de manière ciblée"]},
            {"type": ["shelling_artillery_missile_attack", "disrupted_weapons_use"], "date": "2024-09-23",
             "location": None, "location_alt": [], "country": "IL", "weapons": ["rocket", "air_defense"],
             "killed": None, "injured": count(0), "mentions": ["avait tiré", "ont été interceptées"]},
            {"type": ["air_drone_strike", "shelling_artillery_missile_attack"], "date": None,
             "location": "Khan Younès", "location_alt": ["Khan Younis", "Khan Yunis"], "country": "PS",
             "weapons": [], "killed": count(20, "at_least"), "injured": None,
             "mentions": ["ont été tuées", "un bombardement"]},
        ],
        "ignore": {"dates": ["Plus tôt dans la journée"], "events": ["Les échanges de tirs"]},
    },
}


def build() -> None:
    for doc_id, spec in SPEC.items():
        text = (HERE / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")
        gold: dict[str, Any] = {"id": doc_id, "file": f"{doc_id}.txt", "reference_date": spec["reference_date"]}
        gold["dates"] = [{**at(text, p), "value": v} for p, v in spec["dates"]]
        gold["quantities"] = [
            {**at(text, p), "value": v, "qualifier": q, "unit": u} for p, v, q, u in spec["quantities"]
        ]
        gold["weapons"] = [{**at(text, p), "category": c, "name": n} for p, c, n in spec["weapons"]]
        gold["incidents"] = [
            {"id": f"i{k}", **{key: val for key, val in inc.items() if key != "mentions"},
             "mentions": [at(text, m) for m in inc["mentions"]]}
            for k, inc in enumerate(spec["incidents"], 1)
        ]
        gold["ignore"] = {kind: [at(text, p) for p in spans] for kind, spans in spec.get("ignore", {}).items()}
        (HERE / "gold" / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    build()
