#!/usr/bin/env python3
"""Score cross-document merging on the evaluation set of ``articles.py``: pairwise link precision/recall/F1.

    python eval/crossdoc/score.py [--details]

Every article is parsed with milinc, its events are merged across articles with
:func:`milinc.merge_incidents`, and each event is mapped to the gold incident one of whose anchors
its mentions overlap. A *link* is a pair of reports of one incident in two different articles: the
gold links are the pairs of articles that tell the same gold incident; the predicted links are the
pairs of events merged into one incident (an event that maps to no gold incident makes its links
wrong). The baseline links two events when they have the same country, the same sub-event type and
the same day (all three known).

Links that the matcher could not make because extraction missed the incident in an article (no
event maps to it) are counted apart: they bound the recall any matcher reaches on milinc's events.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from articles import ARTICLES

import milinc
from milinc.crossdoc import merge_incidents
from milinc.ontology import Document

Node = tuple[str, str]  # (article id, gold incident id or "?<event key>")


def anchor_spans(text: str, anchors: list[Any]) -> list[tuple[int, int]]:
    spans = []
    for anchor in anchors:
        phrase, n = (anchor, 0) if isinstance(anchor, str) else anchor
        i = -1
        for _ in range(n + 1):
            i = text.find(phrase, i + 1)
            if i < 0:
                raise SystemExit(f"anchor not found: {phrase!r} in {text[:60]!r}…")
        spans.append((i, i + len(phrase)))
    return spans


def parse_all() -> dict[str, Document]:
    records = [{k: a[k] for k in ("id", "text", "reference_date", "outlet")} for a in ARTICLES]
    docs = {}
    for doc_id, result in milinc.parse_records(records):
        assert isinstance(result, Document), (doc_id, result)
        docs[doc_id] = result
    return docs


def map_events(docs: dict[str, Document]) -> dict[str, str | None]:
    """Event key (``doc:n``) → gold incident id, or None."""
    mapping: dict[str, str | None] = {}
    for article in ARTICLES:
        doc = docs[article["id"]]
        gold = [(inc, anchor_spans(article["text"], anchors)) for inc, anchors in article["gold"]]
        for n, event in enumerate(doc.events, 1):
            spans = [(m.start, m.end) for m in (event.mentions or (event.span,))]
            found = None
            for inc, anchors in gold:
                if any(s < ae and as_ < e for s, e in spans for as_, ae in anchors):
                    found = inc
                    break
            mapping[f"{article['id']}:{n}"] = found
    return mapping


def node(key: str, mapping: dict[str, str | None]) -> Node:
    doc = key.rsplit(":", 1)[0]
    gold = mapping[key]
    return (doc, gold if gold is not None else f"?{key}")


def pair(a: Node, b: Node) -> tuple[Node, Node]:
    return (a, b) if a < b else (b, a)


def gold_links() -> set[tuple[Node, Node]]:
    by_incident: dict[str, list[Node]] = defaultdict(list)
    for article in ARTICLES:
        for inc, _ in article["gold"]:
            by_incident[inc].append((article["id"], inc))
    return {pair(a, b) for nodes in by_incident.values() for a, b in itertools.combinations(nodes, 2) if a[0] != b[0]}


def links_of(groups: list[list[str]], mapping: dict[str, str | None]) -> set[tuple[Node, Node]]:
    out = set()
    for keys in groups:
        for ka, kb in itertools.combinations(keys, 2):
            a, b = node(ka, mapping), node(kb, mapping)
            if a[0] != b[0]:
                out.add(pair(a, b))
    return out


def baseline_groups(docs: dict[str, Document]) -> list[list[str]]:
    by_key: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for doc_id, doc in docs.items():
        for n, e in enumerate(doc.events, 1):
            day = e.date.value[:10] if e.date and len(e.date.value) >= 10 and "X" not in e.date.value[:10] else None
            if e.country and day:
                by_key[(e.country, e.sub_event_type.value, day)].append(f"{doc_id}:{n}")
    return list(by_key.values())


def prf(predicted: set[Any], gold: set[Any]) -> tuple[float, float, float]:
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--details", action="store_true", help="print every merged incident and every wrong or missed link")
    args = ap.parse_args()

    docs = parse_all()
    mapping = map_events(docs)
    gold = gold_links()
    incidents = merge_incidents(docs.items())
    merged_groups = [[m.key for m in inc.members] for inc in incidents]
    predicted = links_of(merged_groups, mapping)
    base = links_of(baseline_groups(docs), mapping)

    found_nodes = {node(k, mapping) for k in mapping if mapping[k] is not None}
    reachable = {link for link in gold if link[0] in found_nodes and link[1] in found_nodes}

    print(
        f"{len(ARTICLES)} articles, {sum(len(d.events) for d in docs.values())} events, "
        f"{len({i for a in ARTICLES for i, _ in a['gold']})} gold incidents, {len(gold)} gold links"
    )
    print(f"{'':24} {'links':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for name, links in (("milinc.merge_incidents", predicted), ("baseline country+type+day", base)):
        p, r, f = prf(links, gold)
        print(f"{name:24} {len(links):6d} {p:6.3f} {r:6.3f} {f:6.3f}")
    p, r, f = prf(predicted & reachable | (predicted - gold), reachable)
    print(
        f"extraction found both ends of {len(reachable)} of {len(gold)} gold links; "
        f"on those the matcher's recall is {len(predicted & reachable) / max(1, len(reachable)):.3f}"
    )
    unmapped = sorted(k for k, g in mapping.items() if g is None)
    print(f"events mapped to no gold incident: {len(unmapped)}")

    if args.details:
        missing_nodes = sorted({n for link in gold for n in link} - found_nodes)
        if missing_nodes:
            print("\ngold reports with no event (extraction): " + ", ".join(f"{d}/{g}" for d, g in missing_nodes))
        print("\nwrong links:")
        for a, b in sorted(predicted - gold):
            print(f"  {a} -- {b}")
        print("\nmissed links (both ends extracted):")
        for a, b in sorted(reachable - predicted):
            print(f"  {a} -- {b}")
        print("\nmerged incidents:")
        for inc in incidents:
            keys = [f"{m.key}->{mapping[m.key]}" for m in inc.members]
            print(
                f"  {inc.id}: {inc.date} {inc.location.name if inc.location else '-'} {inc.country} "
                f"{inc.sub_event_type.value} killed {inc.killed.low}/{inc.killed.best}/{inc.killed.high}  {keys}"
            )
        print("\nevents:")
        for doc_id, doc in docs.items():
            for n, e in enumerate(doc.events, 1):
                key = f"{doc_id}:{n}"
                print(
                    f"  {key:22} {mapping[key] or '-':4} {e.sub_event_type.value:34} {e.date.value if e.date else '-':16} "
                    f"{e.location.name if e.location else '-':18} {e.country or '-':3} "
                    f"k={e.killed.value if e.killed else '-'} i={e.injured.value if e.injured else '-'} "
                    f"{e.span.text!r}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
