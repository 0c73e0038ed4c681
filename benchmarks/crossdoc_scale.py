#!/usr/bin/env python3
"""How cross-document merging scales: time and memory at 1 000 and 10 000 documents of a synthetic corpus.

    python benchmarks/crossdoc_scale.py --docs 1000 --docs 10000 [--per-day 30] [--jobs 2] [--json OUT]

The corpus is generated here: incidents in the towns milinc's gazetteer knows (Sahel, Ukraine,
Levant, Iraq, Yemen…), each told by one to four "outlets" on the day and the days after, with their
own phrasing, dates relative to their publication ("dans la nuit de samedi à dimanche", "samedi",
"le 12 mars"), rising tolls, and some articles naming only the country. Reporting keeps a constant
density (``--per-day`` articles a day), so that ten times the documents is ten times the days, as a
growing corpus is; ``--fixed-days D`` keeps the span fixed instead (ten times the density).

Times are CPU seconds of this process (the machine is shared: wall time says more about the
neighbours than about milinc); with ``--jobs`` above 1 the parse time is wall time. For each size it
reports: parse time (``milinc.parse_records``, ``--jobs`` processes), merge time
(``milinc.merge_incidents`` over the parsed documents: building the reports, the sweep, the
reconciling), the merge as a fraction of the parse, the pairs compared per report, the largest
open window, peak memory of the merge (tracemalloc), and pairwise link precision/recall against the
generator's truth. The merge alone is also timed on saved documents (JSON Lines, no parsing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
import time
import tracemalloc
from collections import defaultdict
from importlib import resources
from typing import Any

import milinc
from milinc.crossdoc import LinkSweep, TermWeights, merge_incidents, reports_from, sweep_order
from milinc.crossdoc.clustering import split_group
from milinc.crossdoc.reconcile import reconcile

_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"]
_OUTLETS = ["AFP", "RFI", "Le Monde", "France 24", "TV5Monde", "Jeune Afrique", "Le Figaro", "Libération",
            "L'Orient-Le Jour", "Ouest-France"]
_COUNTRY_NAMES = {"UA": "en Ukraine", "ML": "au Mali", "BF": "au Burkina Faso", "IL": "en Israël", "IQ": "en Irak",
                  "PS": "dans la bande de Gaza", "RU": "en Russie", "NE": "au Niger", "LB": "au Liban",
                  "SY": "en Syrie", "YE": "au Yémen", "NG": "au Nigeria", "TD": "au Tchad"}
_KINDS = [
    # (noun phrase of the incident, verb phrase, victims)
    ("une attaque jihadiste", "ont attaqué un poste militaire", "soldats"),
    ("une frappe de drone", "un drone a frappé un bâtiment", "civils"),
    ("un bombardement", "des obus se sont abattus sur un quartier", "habitants"),
    ("l'explosion d'un engin piégé", "un engin explosif a détoné au passage d'un convoi", "militaires"),
    ("une embuscade", "des hommes armés ont tendu une embuscade à une patrouille", "soldats"),
]


def _towns() -> dict[str, list[str]]:
    data = json.loads(resources.files("milinc").joinpath("data/places.json").read_text(encoding="utf-8"))
    towns: dict[str, list[str]] = defaultdict(list)
    for p in data["places"]:
        if p.get("kind") in ("city", "town") and p.get("country") in _COUNTRY_NAMES:
            towns[p["country"]].append(p["name"])
    return dict(towns)


def _when(day: dt.date, published: dt.date, night: bool, rng: random.Random) -> str:
    gap = (published - day).days
    weekday = _WEEKDAYS[day.weekday()]
    choice = rng.random()
    if night and choice < 0.5:
        return f"dans la nuit de {weekday} à {_WEEKDAYS[(day.weekday() + 1) % 7]}"
    if gap == 0 and choice < 0.7:
        return "ce " + weekday if rng.random() < 0.3 else weekday
    if gap == 1 and choice < 0.6:
        return "hier"
    if choice < 0.85:
        return weekday
    return f"le {day.day} {_MONTHS[day.month - 1]}"


def build_corpus(n_docs: int, per_day: float, fixed_days: int | None, seed: int = 7) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Articles (records with id, text, reference_date, outlet) and each article's true incident."""
    rng = random.Random(seed)
    towns = _towns()
    countries = sorted(towns)
    days = fixed_days or max(1, round(n_docs / per_day))
    start = dt.date(2024, 1, 1)
    records: list[dict[str, Any]] = []
    truth: dict[str, str] = {}
    incident = 0
    while len(records) < n_docs:
        incident += 1
        country = rng.choice(countries)
        town = rng.choice(towns[country])
        day = start + dt.timedelta(days=rng.randrange(days))
        night = rng.random() < 0.3
        noun, verb, victims = rng.choice(_KINDS)
        toll = rng.randint(1, 30)
        n_reports = rng.choice([1, 1, 2, 3, 3, 4])
        for r in range(n_reports):
            if len(records) >= n_docs:
                break
            # a night starting on *day* is first reported the next morning
            published = day + dt.timedelta(days=r + (1 if night else 0))
            toll = toll + rng.randint(0, 10) * (r > 0)
            when = _when(day, published, night, rng)
            where = f"à {town}" if rng.random() < 0.85 else _COUNTRY_NAMES[country]
            if r == 0:
                text = (f"{when[0].upper() + when[1:]}, {verb} {where}, tuant {toll} {victims}, "
                        f"selon des sources locales. Les autorités n'ont pas communiqué de bilan officiel.")
            else:
                text = (f"Le bilan de {noun} survenue {when} {where} s'est alourdi à {toll} morts, "
                        f"a indiqué un responsable. Des renforts ont été envoyés sur place.")
            doc_id = f"n{len(records):06d}"
            records.append({"id": doc_id, "text": text, "reference_date": published.isoformat(),
                            "outlet": rng.choice(_OUTLETS)})
            truth[doc_id] = f"I{incident}"
    return records, truth


def _link_quality(incidents: list[milinc.MergedIncident], truth: dict[str, str]) -> tuple[float, float]:
    predicted = set()
    for inc in incidents:
        docs = sorted({m.document for m in inc.members})
        predicted.update(itertools.combinations(docs, 2))
    by_incident: dict[str, list[str]] = defaultdict(list)
    for doc, inc in truth.items():
        by_incident[inc].append(doc)
    gold = {pair for docs in by_incident.values() for pair in itertools.combinations(sorted(docs), 2)}
    tp = len(predicted & gold)
    return tp / max(1, len(predicted)), tp / max(1, len(gold))


def _instrumented_merge(parsed: list[tuple[str, Any]]) -> dict[str, Any]:
    """merge_incidents' steps, counted: comparisons per report and the largest open window."""
    reports = sorted(reports_from(parsed), key=sweep_order)
    weights = TermWeights.count((r.document, r.terms) for r in reports)
    sweep = LinkSweep(weights)
    largest = 0
    for report in reports:
        for group_reports, edges in sweep.add(report):
            for members, links in split_group(group_reports, edges, weights):
                reconcile(members, links)
        largest = max(largest, sweep.open_reports)
    for group_reports, edges in sweep.finish():
        split_group(group_reports, edges, weights)
    return {"reports": len(reports), "comparisons": sweep.comparisons, "largest_window": largest}


def measure(n_docs: int, per_day: float, fixed_days: int | None, jobs: int) -> dict[str, Any]:
    records, truth = build_corpus(n_docs, per_day, fixed_days)
    clock = time.process_time if jobs == 1 else time.perf_counter
    t0 = clock()
    parsed = [(i, r) for i, r in milinc.parse_records(records, jobs=jobs) if isinstance(r, milinc.Document)]
    parse_s = clock() - t0

    merge_s = float("inf")
    for _ in range(3):  # the least of three: the machine is shared
        t0 = time.process_time()
        incidents = merge_incidents(parsed)
        merge_s = min(merge_s, time.process_time() - t0)
    tracemalloc.start()  # apart: tracing slows the merge several times
    merge_incidents(parsed)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    from milinc.export import document_line, result_from_line

    lines = [json.dumps(document_line(i, d)) for i, d in parsed]
    t0 = time.process_time()
    again = merge_incidents(result_from_line(json.loads(line)) for line in lines)
    remerge_s = time.process_time() - t0
    assert again == incidents

    counts = _instrumented_merge(parsed)
    precision, recall = _link_quality(incidents, truth)
    return {
        "documents": len(records),
        "days": fixed_days or max(1, round(n_docs / per_day)),
        "events": counts["reports"],
        "incidents": len(incidents),
        "true_incidents": len(set(truth.values())),
        "parse_s": round(parse_s, 2),
        "merge_s": round(merge_s, 3),
        "merge_share_of_parse": round(merge_s / parse_s, 4),
        "merge_us_per_event": round(1e6 * merge_s / max(1, counts["reports"]), 1),
        "remerge_from_jsonl_s": round(remerge_s, 3),
        "comparisons_per_event": round(counts["comparisons"] / max(1, counts["reports"]), 2),
        "largest_open_window": counts["largest_window"],
        "merge_peak_mb": round(peak / 1e6, 1),
        "link_precision": round(precision, 3),
        "link_recall": round(recall, 3),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, action="append", help="corpus sizes (default 1000 and 10000)")
    ap.add_argument("--per-day", type=float, default=30.0, help="articles a day (default 30)")
    ap.add_argument("--fixed-days", type=int, default=None, help="keep the span fixed at this many days instead")
    ap.add_argument("--jobs", type=int, default=1, help="parse processes (default 1)")
    ap.add_argument("--json", help="also write the measures here")
    args = ap.parse_args()
    results = [measure(n, args.per_day, args.fixed_days, args.jobs) for n in (args.docs or [1000, 10000])]
    for r in results:
        print(json.dumps(r), flush=True)
    if len(results) > 1:
        a, b = results[0], results[-1]
        print(f"x{b['events'] / a['events']:.1f} events: merge time x{b['merge_s'] / a['merge_s']:.1f}, "
              f"parse time x{b['parse_s'] / a['parse_s']:.1f}", file=sys.stderr)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
