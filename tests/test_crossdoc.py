"""Cross-document merging (milinc.crossdoc): one incident per real-world incident across articles."""

from __future__ import annotations

import datetime as dt
import random

import attrs
import pytest

import milinc
from milinc.crossdoc import IncidentReport, MergedIncident, compare, iter_merged_incidents, merge_incidents
from milinc.crossdoc.blocking import ActiveWindow, are_candidates
from milinc.crossdoc.clustering import LinkSweep
from milinc.crossdoc.geography import PlaceRelation, compare_places
from milinc.crossdoc.reports import reports_from, reports_of
from milinc.crossdoc.timing import DAY, interval_of, overlap, time_precision
from milinc.ontology import PlaceKind, Qualifier, SubEventType

from .crossdoc_helpers import document, place


def groups(incidents: list[MergedIncident]) -> list[list[str]]:
    """Each incident's documents, sorted; incidents sorted: a comparable picture of a merge."""
    return sorted(sorted(m.document for m in inc.members) for inc in incidents)


def report(doc_id: str, published: str, **slots: object) -> IncidentReport:
    [only] = reports_of(doc_id, document(doc_id, published, **slots))  # type: ignore[arg-type]
    return only


# --- time ------------------------------------------------------------------------------------------


def test_a_night_from_saturday_overlaps_sunday_but_not_monday() -> None:
    night = interval_of("2024-03-09TNI")
    assert night is not None
    assert overlap(night, interval_of("2024-03-10"))  # type: ignore[arg-type]
    assert overlap(night, interval_of("2024-03-09"))  # type: ignore[arg-type]
    assert not overlap(night, interval_of("2024-03-11"))  # type: ignore[arg-type]


def test_two_days_in_a_row_do_not_overlap() -> None:
    assert not overlap(interval_of("2024-03-09"), interval_of("2024-03-10"))  # type: ignore[arg-type]


def test_week_month_season_and_week_end_values_are_intervals() -> None:
    week = interval_of("2024-W10")
    assert week is not None and week[1] - week[0] == 7 * DAY
    assert overlap(week, interval_of("2024-03-06"))  # type: ignore[arg-type]  # a Wednesday of week 10
    month = interval_of("2024-02")
    assert month is not None and month[1] - month[0] == 29 * DAY
    assert time_precision(month) == 3 and time_precision(week) == 2
    assert time_precision(interval_of("2024-03-09TNI")) == 1  # type: ignore[arg-type]
    summer = interval_of("2023-SU")
    assert summer is not None and overlap(summer, interval_of("2023-07-14"))  # type: ignore[arg-type]
    winter = interval_of("2023-WI")
    assert winter is not None and overlap(winter, interval_of("2024-01-15"))  # type: ignore[arg-type]
    weekend = interval_of("2024-W10-WE")
    assert weekend is not None and overlap(weekend, interval_of("2024-03-10"))  # type: ignore[arg-type]
    assert not overlap(weekend, interval_of("2024-03-08"))  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["XXXX-06-28", "2024-06-31", "2024-W54", "", "hier", "2024-13"])
def test_unresolved_or_impossible_values_have_no_interval(value: str) -> None:
    assert interval_of(value) is None


def test_an_undated_event_is_placed_in_the_week_before_its_publication() -> None:
    undated = report("a", "2024-03-12")
    assert not undated.dated and undated.interval is not None
    assert overlap(undated.interval, interval_of("2024-03-09"))  # type: ignore[arg-type]
    assert not overlap(undated.interval, interval_of("2024-02-20"))  # type: ignore[arg-type]


# --- places ----------------------------------------------------------------------------------------


def test_spellings_of_one_place_are_the_same_place() -> None:
    for a, b in [("Zaporijjia", "Zaporizhzhia"), ("El-Facher", "El-Fasher"), ("Kharkiv", "Kharkov")]:
        verdict = compare_places(place(a, country="UA"), "UA", place(b, country="UA"), "UA")
        assert verdict.relation is PlaceRelation.SAME, (a, b, verdict)


def test_a_village_is_inside_its_province_by_the_gazetteer_divisions() -> None:
    djibo = place("Djibo", admin1="Sahel", admin2="Province du Soum")
    soum = place("province du Soum", PlaceKind.PROVINCE)
    assert compare_places(djibo, "BF", soum, "BF").relation is PlaceRelation.INSIDE
    assert compare_places(soum, "BF", djibo, "BF").relation is PlaceRelation.INSIDE
    other = place("Fada N'Gourma", admin1="Est", admin2="Gourma")
    sahel = place("Sahel", PlaceKind.REGION, admin1="Sahel")
    assert compare_places(other, "BF", sahel, "BF").relation is PlaceRelation.DIFFERENT


def test_coordinates_decide_between_near_and_different_scenes() -> None:
    town = place("Djibo", lat=14.10, lon=-1.63)
    village = place("Gaskindé", lat=14.02, lon=-1.55)  # ~12 km
    far = place("Arbinda", lat=14.23, lon=-0.87)  # ~83 km
    assert compare_places(town, "BF", village, "BF").relation is PlaceRelation.NEAR
    assert compare_places(town, "BF", far, "BF").relation is PlaceRelation.DIFFERENT


def test_a_village_placed_at_its_region_point_is_compared_at_the_region_scale() -> None:
    # the gazetteer lacks the village and puts it at its region's point (precision 3)
    boulkessi = place("Boulkessi", country="ML", lat=14.48, lon=-4.18, admin1="Mopti")
    boulkessi = attrs.evolve(boulkessi, precision=3)
    douentza = place("Douentza", country="ML", lat=15.00, lon=-2.95)  # ~145 km from that point
    assert compare_places(boulkessi, "ML", douentza, "ML").relation is PlaceRelation.INSIDE
    precise = attrs.evolve(boulkessi, precision=1)
    assert compare_places(precise, "ML", douentza, "ML").relation is PlaceRelation.DIFFERENT
    mopti = place("région de Mopti", PlaceKind.REGION, "ML")
    assert compare_places(boulkessi, "ML", mopti, "ML").relation is PlaceRelation.INSIDE


def test_two_towns_22_km_apart_are_not_one_scene_by_date_and_type_alone() -> None:
    rafah = report("a", "2024-06-06", date="2024-06-06", where=place("Rafah", country="PS", lat=31.297, lon=34.244), country="PS")
    nuseirat = report("b", "2024-06-06", date="2024-06-06", where=place("Nousseirat", country="PS", lat=31.449, lon=34.393), country="PS")
    verdict = compare(rafah, nuseirat)
    assert verdict.veto is None and not verdict.linked
    assert any("22 km apart" in r for r in verdict.reasons)


def test_two_towns_without_coordinates_are_two_scenes() -> None:
    assert compare_places(place("Odessa", country="UA"), "UA", place("Kherson", country="UA"), "UA").relation is (
        PlaceRelation.DIFFERENT
    )


def test_one_name_in_two_countries_is_two_places_but_a_border_scene_is_one() -> None:
    lebanon = place("Tripoli", PlaceKind.CITY, "LB", lat=34.44, lon=35.85)
    libya = place("Tripoli", PlaceKind.CITY, "LY", lat=32.89, lon=13.19)
    assert compare_places(lebanon, "LB", libya, "LY").relation is PlaceRelation.DIFFERENT
    north = place("Metoula", PlaceKind.TOWN, "IL", lat=33.28, lon=35.58)
    south = place("Kfar Kila", PlaceKind.TOWN, "LB", lat=33.28, lon=35.56)
    assert compare_places(north, "IL", south, "LB").relation is PlaceRelation.NEAR


# --- comparing two reports -------------------------------------------------------------------------


def test_two_events_of_one_document_are_never_linked() -> None:
    doc = document("a", "2024-03-10", events=[dict(date="2024-03-09", where=place("Djibo"))] * 2)
    first, second = reports_of("a", doc)
    assert compare(first, second).veto == "two events of one document"


def test_a_link_explains_itself_slot_by_slot() -> None:
    a = report("a", "2024-03-10", date="2024-03-09TNI", where=place("Djibo"), killed=43)
    b = report("b", "2024-03-12", date="2024-03-10", where=place("Djibo"), killed=110)
    verdict = compare(a, b)
    assert verdict.linked
    said = " | ".join(verdict.reasons)
    assert "2024-03-09TNI and 2024-03-10 overlap" in said
    assert "same place Djibo" in said
    assert "43 and 110 plausible" in said


def test_a_violent_incident_and_an_arrest_cannot_be_one() -> None:
    a = report("a", "2024-03-10", date="2024-03-09", where=place("Djibo"))
    b = report("b", "2024-03-10", date="2024-03-09", where=place("Djibo"), sub=SubEventType.ARRESTS)
    assert compare(a, b).veto is not None


def test_the_two_sides_of_an_exchange_of_fire_are_not_linked() -> None:
    strike = report("a", "2024-07-04", date="2024-07-04", where=None, country="LB", attacker="Israel", target="Hezbollah")
    reply = report("b", "2024-07-04", date="2024-07-04", where=None, country="LB", attacker="Hezbollah", target="Israel")
    verdict = compare(strike, reply)
    assert not verdict.linked
    assert any("attacker" in r for r in verdict.reasons)


def test_a_toll_that_falls_by_half_in_a_later_report_counts_against() -> None:
    first = report("a", "2024-03-10", date="2024-03-09", killed=40)
    later = report("b", "2024-03-12", date="2024-03-09", killed=6)
    rising = report("c", "2024-03-12", date="2024-03-09", killed=80)
    assert compare(first, later).score < compare(first, rising).score


def test_same_country_type_and_day_without_a_place_is_not_enough() -> None:
    # the naive rule; in a war it links dozens of unrelated strikes
    a = report("a", "2024-06-02", date="2024-06-02", where=place("Odessa", country="UA"), country="UA")
    b = report("b", "2024-06-02", date="2024-06-02", where=None, country="UA")
    assert not compare(a, b).linked


# --- blocking ---------------------------------------------------------------------------------------


def test_reports_without_a_country_are_still_compared() -> None:
    window = ActiveWindow()
    located = report("a", "2024-03-10", date="2024-03-09", where=place("Djibo"))
    window.add(located)
    nowhere = report("b", "2024-03-10", date="2024-03-09", where=None, country=None)
    assert list(window.candidates(nowhere)) == [located]
    window.add(nowhere)
    elsewhere = report("c", "2024-03-10", date="2024-03-09", where=None, country="ML")
    assert [r.key for r in window.candidates(elsewhere)] == ["b:1"]


def test_an_incident_across_a_border_is_compared_across_it() -> None:
    a = report("a", "2024-07-04", date="2024-07-04", where=place("Metoula", country="IL", lat=33.28, lon=35.58), country="IL")
    b = report("b", "2024-07-04", date="2024-07-04", where=place("Kfar Kila", country="LB", lat=33.28, lon=35.56), country="LB")
    assert are_candidates(a, b)
    window = ActiveWindow()
    window.add(a)
    assert list(window.candidates(b)) == [a]
    far = report("c", "2024-07-04", date="2024-07-04", where=place("Eilat", country="IL", lat=29.55, lon=34.95), country="IL")
    assert list(window.candidates(far)) == [a]  # same country: compared (and told apart by the distance)
    far = report("d", "2024-07-04", date="2024-07-04", where=place("Tyr", country="LB", lat=33.27, lon=35.20), country="LB")
    assert list(window.candidates(far)) == [a]  # across the border, 35 km: compared
    far = report("e", "2024-07-04", date="2024-07-04", where=place("Aqaba", country="JO", lat=29.53, lon=35.01), country="JO")
    assert list(window.candidates(far)) == []


def test_a_saturday_night_attack_reported_on_monday_is_not_cut_by_a_week_boundary() -> None:
    # Sunday 10 March 2024 ends ISO week 10; the Monday report's "dimanche" and the night report meet
    night = report("a", "2024-03-10", date="2024-03-09TNI", where=place("Djibo"))
    monday = report("b", "2024-03-11", date="2024-03-10", where=place("Djibo"))
    assert are_candidates(night, monday)
    assert groups(merge_incidents([night, monday])) == [["a", "b"]]


def test_the_open_window_stays_small_over_a_long_stream() -> None:
    sweep = LinkSweep()
    start = dt.date(2024, 1, 1)
    largest = 0
    finished = 0
    for day in range(400):
        for n in range(3):
            published = (start + dt.timedelta(days=day)).isoformat()
            r = report(f"d{day}-{n}", published, date=published, where=place(f"Ville{n}"))
            finished += len(list(sweep.add(r)))
            largest = max(largest, sweep.open_reports)
    finished += len(list(sweep.finish()))
    assert finished == 1200  # three towns a day, none merged with another
    assert largest <= 6  # about one day of reports open at a time, not the year


# --- merging ----------------------------------------------------------------------------------------


def test_a_rising_toll_is_low_best_high_and_every_figure_is_kept() -> None:
    docs = [
        document("afp", "2024-03-10", date="2024-03-09TNI", where=place("Djibo"), killed=43, outlet="AFP",
                 killed_qualifier=Qualifier.AT_LEAST),
        document("rfi", "2024-03-11", date="2024-03-10", where=place("Djibo"), killed=60, outlet="RFI"),
        document("lm", "2024-03-13", date="2024-03-09", where=place("Djibo"), killed=110, outlet="Le Monde"),
    ]
    [incident] = merge_incidents(docs)
    assert (incident.killed.low, incident.killed.best, incident.killed.high) == (43, 110, 110)
    assert incident.fatalities == 110
    assert incident.date == "2024-03-09TNI"  # the night: the most precise value all reports allow
    assert incident.sources == ("AFP", "RFI", "Le Monde")
    assert (incident.first_report, incident.last_report) == (dt.date(2024, 3, 10), dt.date(2024, 3, 13))
    [killed] = [c for c in incident.conflicts if c.slot == "killed"]
    assert [v.value for v in killed.values] == ["110", "43", "60"]
    assert len(incident.links) == 2


def test_the_best_toll_is_the_median_of_the_latest_day() -> None:
    docs = [
        document("a", "2024-03-10", date="2024-03-09", where=place("Djibo"), killed=20),
        document("b", "2024-03-12", date="2024-03-09", where=place("Djibo"), killed=40),
        document("c", "2024-03-12", date="2024-03-09", where=place("Djibo"), killed=45),
        document("d", "2024-03-12", date="2024-03-09", where=place("Djibo"), killed=200),
    ]
    [incident] = merge_incidents(docs)
    assert (incident.killed.low, incident.killed.best, incident.killed.high) == (20, 45, 200)


def test_a_report_naming_only_the_province_joins_the_town_reports() -> None:
    djibo = place("Djibo", admin1="Sahel", admin2="Soum")
    docs = [
        document("a", "2024-03-10", date="2024-03-09TNI", where=djibo, killed=43),
        document("b", "2024-03-11", date="2024-03-10", where=place("province du Soum", PlaceKind.PROVINCE), killed=60),
    ]
    [incident] = merge_incidents(docs)
    assert incident.location is not None and incident.location.name == "Djibo"  # the finer place


def test_two_attacks_on_one_town_a_day_apart_stay_two() -> None:
    docs = [
        document("a1", "2024-05-14", date="2024-05-14TMO", where=place("Kharkiv", country="UA"), country="UA", killed=3),
        document("a2", "2024-05-15", date="2024-05-14", where=place("Kharkiv", country="UA"), country="UA", killed=5),
        document("b1", "2024-05-15", date="2024-05-15TEV", where=place("Kharkiv", country="UA"), country="UA", killed=1),
        document("b2", "2024-05-16", date="2024-05-15TEV", where=place("Kharkiv", country="UA"), country="UA", killed=1),
    ]
    assert groups(merge_incidents(docs)) == [["a1", "a2"], ["b1", "b2"]]


def test_a_chain_through_a_province_report_does_not_join_two_towns() -> None:
    # the province report links to both towns; the towns contradict: two incidents
    docs = [
        document("a", "2024-03-10", date="2024-03-09", where=place("Djibo", admin1="Sahel"), killed=10),
        document("b", "2024-03-10", date="2024-03-09", where=place("Arbinda", admin1="Sahel"), killed=10),
        document("c", "2024-03-11", date="2024-03-09", where=place("Sahel", PlaceKind.REGION), killed=10),
    ]
    result = groups(merge_incidents(docs))
    assert ["a", "b"] not in result and not any(len(g) == 3 for g in result)
    assert sum(len(g) for g in result) == 3


def test_merging_does_not_depend_on_the_input_order() -> None:
    docs = [
        document(f"{town}-{d}-{n}", f"2024-03-{10 + n}", date=f"2024-03-{d:02d}", where=place(town), killed=k + n)
        for town, d, k in [("Djibo", 9, 40), ("Arbinda", 9, 5), ("Djibo", 11, 3), ("Kaya", 12, 12)]
        for n in range(3)
    ]
    expected = [(i.id, groups([i])) for i in merge_incidents(docs)]
    for seed in range(5):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert [(i.id, groups([i])) for i in merge_incidents(shuffled)] == expected


def test_every_event_is_in_exactly_one_incident() -> None:
    docs = [
        document(f"d{n}", "2024-03-12", events=[dict(date="2024-03-09", where=place("Djibo")), dict(date="2024-03-11", where=place("Kaya"))])
        for n in range(4)
    ]
    incidents = merge_incidents(docs)
    keys = [m.key for i in incidents for m in i.members]
    assert sorted(keys) == sorted(f"d{n}:{e}" for n in range(4) for e in (1, 2))
    assert groups(incidents) == [["d0", "d1", "d2", "d3"]] * 2


def test_input_forms_give_the_same_incidents() -> None:
    docs = [
        document("a", "2024-03-10", date="2024-03-09", where=place("Djibo"), killed=4),
        document("b", "2024-03-11", date="2024-03-09", where=place("Djibo"), killed=6),
    ]
    from milinc.export import document_line

    pairs = [(d.metadata.id, d) for d in docs]  # type: ignore[union-attr]
    lines = [document_line(i, d) for i, d in pairs]
    error = ("c", milinc.ErrorRecord("c", "no such file"))
    by_pairs = merge_incidents([*pairs, error])
    assert merge_incidents(docs) == by_pairs
    assert merge_incidents(lines) == by_pairs
    assert merge_incidents(list(reports_from(pairs))) == by_pairs


def test_duplicate_document_ids_are_refused() -> None:
    doc = document("a", "2024-03-10", date="2024-03-09", where=place("Djibo"))
    with pytest.raises(ValueError, match="given twice"):
        merge_incidents([("a", doc), ("a", doc)])


def test_an_unsupported_item_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="cannot merge"):
        merge_incidents([42])


def test_the_stream_form_holds_the_window_and_gives_the_batch_answer_without_words() -> None:
    docs = [
        document(f"{town}-{d}-{n}", f"2024-03-{10 + n}", date=f"2024-03-{d:02d}", where=place(town), killed=k)
        for town, d, k in [("Djibo", 9, 40), ("Arbinda", 9, 5), ("Djibo", 11, 3)]
        for n in range(2)
    ]
    from milinc.crossdoc import sweep_order

    reports = sorted(reports_from(docs), key=sweep_order)
    streamed = list(iter_merged_incidents(reports))
    assert groups(streamed) == groups(merge_incidents(docs))


def test_a_document_without_a_date_is_its_own_incident() -> None:
    undated = document("x", None, date=None, where=place("Djibo"))
    dated = document("y", "2024-03-10", date="2024-03-09", where=place("Djibo"))
    assert groups(merge_incidents([undated, dated])) == [["x"], ["y"]]


# --- end to end, on articles written for these tests --------------------------------------------------

_DJIBO = [
    {
        "id": "wire-1",
        "reference_date": "2024-03-10",
        "text": "Des hommes armés ont attaqué dans la nuit de samedi à dimanche un détachement militaire à "
        "Djibo, dans le nord du Burkina Faso, tuant au moins 43 soldats, selon des sources sécuritaires.",
    },
    {
        "id": "radio-1",
        "reference_date": "2024-03-11",
        "text": "Le détachement de Djibo a été la cible dimanche d'un assaut jihadiste. Une soixantaine de "
        "militaires ont été tués, selon un bilan provisoire.",
    },
    {
        "id": "daily-1",
        "reference_date": "2024-03-13",
        "text": "Le bilan de l'attaque de samedi contre l'armée à Djibo, au Burkina Faso, s'est alourdi : "
        "110 soldats ont été tués, selon un document interne.",
    },
]


def _parsed(records: list[dict[str, str]]) -> list[tuple[str, milinc.Document]]:
    out = []
    for doc_id, result in milinc.parse_records(records):
        assert isinstance(result, milinc.Document), result
        out.append((doc_id, result))
    return out


def test_articles_with_a_rising_toll_are_one_incident() -> None:
    incidents = merge_incidents(_parsed(_DJIBO))
    [djibo] = [i for i in incidents if i.location is not None and i.location.name == "Djibo"]
    assert sorted(m.document for m in djibo.members) == ["daily-1", "radio-1", "wire-1"]
    assert djibo.killed.best == 110 and djibo.killed.low == 43
    for member in djibo.members:  # every member's trigger is a span of its own article
        text = next(r["text"] for r in _DJIBO if r["id"] == member.document)
        assert text[member.start : member.end] == member.text


def test_an_old_attack_recalled_weeks_later_joins_its_own_reports() -> None:
    recall = {
        "id": "weekly-1",
        "reference_date": "2024-03-30",
        "text": "Un nouveau chef d'état-major a été nommé vendredi. Sa nomination intervient trois semaines "
        "après l'attaque du 10 mars à Djibo, qui avait coûté la vie à 110 soldats. Par ailleurs, une "
        "embuscade a tué jeudi quatre gendarmes près de Kaya.",
    }
    incidents = merge_incidents(_parsed([*_DJIBO, recall]))
    [djibo] = [i for i in incidents if any(m.document == "wire-1" for m in i.members)]
    assert "weekly-1" in {m.document for m in djibo.members}
    others = [i for i in incidents if i is not djibo and any(m.document == "weekly-1" for m in i.members)]
    assert all("wire-1" not in {m.document for m in i.members} for i in others)


def test_attacks_on_one_town_on_two_days_are_two_incidents_end_to_end() -> None:
    records = [
        {"id": "k1", "reference_date": "2024-05-14", "text": "Une frappe de missile russe a tué trois personnes mardi matin à Kharkiv."},
        {"id": "k2", "reference_date": "2024-05-15", "text": "A Kharkiv, le bilan de la frappe de missile de mardi est passé à cinq morts."},
        {"id": "k3", "reference_date": "2024-05-15", "text": "Une bombe aérienne a frappé mercredi soir un immeuble de Kharkiv, tuant une femme."},
        {"id": "k4", "reference_date": "2024-05-16", "text": "Une bombe aérienne guidée a touché mercredi soir un immeuble de Kharkiv : une femme a été tuée."},
    ]
    merged = groups(merge_incidents(_parsed(records)))
    assert ["k1", "k2"] in merged and ["k3", "k4"] in merged


def test_a_report_naming_only_the_province_joins_the_town_reports_end_to_end() -> None:
    province = {
        "id": "province-1",
        "reference_date": "2024-03-11",
        "text": "Au Burkina Faso, un détachement de l'armée a été attaqué dimanche dans la province du Soum. "
        "Une soixantaine de soldats ont été tués, selon des sources locales.",
    }
    parsed = _parsed([*_DJIBO, province])
    incidents = merge_incidents(parsed)
    [djibo] = [i for i in incidents if any(m.document == "wire-1" for m in i.members)]
    assert {m.document for m in djibo.members} == {"wire-1", "radio-1", "daily-1", "province-1"}
    assert djibo.location is not None and djibo.location.name == "Djibo"  # the finer place wins
