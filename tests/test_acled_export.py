"""The ACLED table and the GeoJSON export (``milinc.acled``, ``milinc.geojson``, ``--acled-csv``, ``--geojson``)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import milinc
from milinc.acled import (
    ACLED_COLUMNS,
    COLUMNS,
    INTEGER_COLUMNS,
    AcledCsvWriter,
    acled_date,
    acled_fatalities,
    acled_rows,
    read_acled,
    to_acled_frame,
    write_acled_csv,
)
from milinc.cli import main as cli_main
from milinc.geojson import GeoJsonWriter, features, to_geojson, write_geojson
from milinc.ontology import (
    Casualties,
    Document,
    Granularity,
    Metadata,
    Modifier,
    PlaceKind,
    Qualifier,
    Span,
    TimeExpression,
)

REF = dt.date(2024, 3, 7)
KHARKIV = "Mardi, l'armée russe a bombardé la ville de Kharkiv, tuant trois civils."
MOPTI = "Lundi, des hommes armés ont attaqué un village près de Mopti, au Mali, faisant plusieurs morts."


def parsed(text: str, outlet: str | None = None) -> Document:
    doc = milinc.parse(text, reference_date=REF)
    return attrs.evolve(doc, metadata=Metadata(id="x", outlet=outlet)) if outlet else doc


def unlocated(doc: Document) -> Document:
    """The document with its first incident's place known by name only (no coordinates, no precision)."""
    event = doc.events[0]
    assert event.location is not None
    place = attrs.evolve(event.location, geonameid=None, latitude=None, longitude=None, precision=None)
    return attrs.evolve(doc, events=(attrs.evolve(event, location=place), *doc.events[1:]))


def located(doc: Document) -> Document:
    """The document with its first incident's place given coordinates, as the gazetteer gives them."""
    event = doc.events[0]
    assert event.location is not None
    place = attrs.evolve(event.location, canonical_name="Kharkiv", geonameid=706483, latitude=49.98081,
                         longitude=36.25272, admin1="Kharkivska", precision=1, kind=PlaceKind.CITY)
    return attrs.evolve(doc, events=(attrs.evolve(event, location=place), *doc.events[1:]))


# --- dates and tolls the ACLED way --------------------------------------------------------


def _time(value: str, modifier: Modifier | None = None) -> TimeExpression:
    return TimeExpression(Span(0, 1, "x"), value, Granularity.DAY, modifier=modifier)


@pytest.mark.parametrize(("value", "modifier", "expected"), [
    ("2024-03-05", None, (dt.date(2024, 3, 5), 1)),
    ("2024-03-05TNI", None, (dt.date(2024, 3, 5), 1)),
    ("2024-03-05T04:30", None, (dt.date(2024, 3, 5), 1)),
    ("2024-W10-2", None, (dt.date(2024, 3, 5), 1)),
    ("2024-W10", None, (dt.date(2024, 3, 7), 2)),  # a week: its middle day, Thursday
    ("2024-03", Modifier.START, (dt.date(2024, 3, 5), 2)),
    ("2024-03", Modifier.MID, (dt.date(2024, 3, 15), 2)),
    ("2024-03", Modifier.END, (dt.date(2024, 3, 25), 2)),
    ("2024-03", None, (dt.date(2024, 3, 15), 3)),  # a month: its 15th
    ("2024", None, (None, None)),
    ("XXXX-03-05", None, (None, None)),
    ("2024-W53", None, (None, None)),  # no such week in 2024
])
def test_event_date_and_time_precision(value: str, modifier: Modifier | None, expected: Any) -> None:
    assert acled_date(_time(value, modifier)) == expected


@pytest.mark.parametrize(("killed", "expected"), [
    (None, (0, False)),
    (Casualties(Qualifier.EXACT, 0, 0, 0), (0, True)),
    (Casualties(Qualifier.EXACT, 7, 7, 7), (7, True)),
    (Casualties(Qualifier.AT_LEAST, 10, 10, 15), (10, True)),
    (Casualties(Qualifier.MORE_THAN, 10, 11), (11, True)),
    (Casualties(Qualifier.ABOUT, 10), (10, True)),
    (Casualties(Qualifier.LESS_THAN, 10), (9, True)),
    (Casualties(Qualifier.VAGUE, None, 2), (3, True)),
    (Casualties(Qualifier.VAGUE, None, 20, 99), (12, True)),
    (Casualties(Qualifier.VAGUE, None, 200, 999), (100, True)),
    (Casualties(Qualifier.VAGUE, None, 2000), (1000, True)),
    (Casualties(Qualifier.UNKNOWN, None), (0, False)),
])
def test_conservative_fatalities(killed: Casualties | None, expected: tuple[int, bool]) -> None:
    assert acled_fatalities(killed) == expected


# --- rows ---------------------------------------------------------------------------------


def test_rows_have_acleds_columns_then_milincs() -> None:
    (row,) = acled_rows(parsed(KHARKIV, outlet="Agence test"), "k1")
    assert tuple(row) == COLUMNS
    assert COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-03-05", 2024, 1)
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence", "Explosions/Remote violence", "Air/drone strike")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "Military Forces of Russia (2000-)", 8, "Civilians (Ukraine)", 7, 78)
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["country"], row["region"], row["country_code"]) == (804, "Ukraine", "Europe", "UA")
    assert (row["source"], row["notes"]) == ("Agence test", KHARKIV)
    assert (row["fatalities"], row["fatalities_known"], row["fatalities_low"], row["fatalities_high"]) == (3, True, 3, 3)
    assert (row["document_id"], row["event_index"], row["trigger_text"]) == ("k1", 1, "a bombardé")
    assert KHARKIV[row["trigger_start"] : row["trigger_end"]] == "a bombardé"
    assert (row["event_id_cnty"], row["modality"], row["date_value"]) == ("UKR-k1-1", "asserted", "2024-03-05")


def test_place_fields_fill_the_location_columns() -> None:
    (row,) = acled_rows(located(parsed(KHARKIV)), "k1")
    assert (row["location"], row["admin1"], row["latitude"], row["longitude"], row["geo_precision"], row["geonameid"]) == (
        "Kharkiv", "Kharkivska", 49.98081, 36.25272, 1, 706483)


def test_an_unknown_toll_is_0_and_says_so() -> None:
    doc = milinc.parse("Lundi, des drones ont frappé Odessa.", reference_date=REF)
    (row,) = acled_rows(doc, "o")
    assert (row["fatalities"], row["fatalities_known"], row["fatalities_low"]) == (0, False, None)
    # one actor alone: inter2 0, the interaction its code times ten
    (mopti,) = acled_rows(milinc.parse(MOPTI, reference_date=REF), "m")
    assert (mopti["inter1"], mopti["inter2"], mopti["interaction"], mopti["fatalities"]) == (3, 0, 30, 3)


def test_a_document_without_incidents_has_no_row() -> None:
    assert acled_rows(milinc.parse("Il fait beau à Paris."), "p") == []


# --- files ----------------------------------------------------------------------------------


def test_csv_reloads_with_acleds_columns_and_dtypes(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    docs = [("k1", located(parsed(KHARKIV, outlet="Agence test"))), ("m2", unlocated(parsed(MOPTI)))]
    path = tmp_path / "acled.csv"
    assert write_acled_csv(docs, path) == 2
    frame = read_acled(path)
    assert tuple(frame.columns) == COLUMNS
    for column in INTEGER_COLUMNS:
        assert frame[column].dtype == "int64", column
    assert frame["latitude"].dtype == "float64" and frame["fatalities_known"].dtype == bool
    # text columns are text, as pandas reads ACLED's own files (object, or str from pandas 3 on)
    assert pd.api.types.is_string_dtype(frame["event_date"]) and pd.api.types.is_string_dtype(frame["actor1"])
    # a column that ACLED always fills is empty only where milinc does not know it: nullable, never a made-up 0
    assert frame["geo_precision"].isna().tolist() == [False, True]
    assert frame.loc[0, "latitude"] == pytest.approx(49.98081) and pd.isna(frame.loc[1, "latitude"])
    # the same table in memory
    memory = to_acled_frame(docs)
    assert memory.dtypes.to_dict() == frame.dtypes.to_dict()
    def cells(f: Any) -> list[list[Any]]:
        return [[None if pd.isna(v) else v for v in row] for row in f.astype(object).values.tolist()]

    assert cells(memory) == cells(frame)


def test_complete_rows_have_acleds_integer_dtypes(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    frame = to_acled_frame([("k1", located(parsed(KHARKIV)))])
    for column in ("year", "time_precision", "iso", "geo_precision"):
        assert frame[column].dtype == "int64", column


def test_formula_cells_are_escaped_and_read_back(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    text = "=Mardi, l'armée russe a bombardé la ville de Kharkiv, tuant trois civils."
    path = tmp_path / "acled.csv"
    write_acled_csv([("f", parsed(text))], path)
    with open(path, encoding="utf-8", newline="") as f:
        notes = next(csv.DictReader(f))["notes"]
    assert notes.startswith("'=")
    assert read_acled(path).loc[0, "notes"] == text


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    with pytest.raises(RuntimeError), AcledCsvWriter(path) as writer:
        writer.write("k1", parsed(KHARKIV))
        raise RuntimeError("interrupted")
    assert not path.exists() and list(tmp_path.iterdir()) == []


# --- GeoJSON --------------------------------------------------------------------------------


def test_geojson_points_where_coordinates_are_known() -> None:
    collection = to_geojson([("k1", located(parsed(KHARKIV))), ("m2", unlocated(parsed(MOPTI)))])
    assert collection["type"] == "FeatureCollection"
    first, second = collection["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [36.25272, 49.98081]}  # longitude first
    assert first["properties"]["actor1"] == "Military Forces of Russia (2000-)"
    assert second["geometry"] is None  # valid GeoJSON: no incident is lost
    located_only = to_geojson([("k1", located(parsed(KHARKIV))), ("m2", unlocated(parsed(MOPTI)))], located_only=True)
    assert [f["id"] for f in located_only["features"]] == ["UKR-k1-1"]
    assert features(unlocated(parsed(MOPTI)), "m2", located_only=True) == []


def test_geojson_file_is_valid_json_written_whole(tmp_path: Path) -> None:
    path = tmp_path / "incidents.geojson"
    assert write_geojson([("k1", located(parsed(KHARKIV))), ("m2", parsed(MOPTI))], path) == 2
    loaded = json.loads(path.read_text(encoding="utf-8"))
    assert loaded == json.loads(json.dumps(to_geojson([("k1", located(parsed(KHARKIV))), ("m2", parsed(MOPTI))])))
    empty = tmp_path / "empty.geojson"
    write_geojson([], empty)
    assert json.loads(empty.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}
    broken = tmp_path / "broken.geojson"
    with pytest.raises(RuntimeError), GeoJsonWriter(broken) as writer:
        writer.write("k1", parsed(KHARKIV))
        raise RuntimeError("interrupted")
    assert not broken.exists()


# --- command line ---------------------------------------------------------------------------


def test_cli_writes_the_acled_table_and_the_geojson(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text(
        json.dumps({"id": "k1", "text": KHARKIV, "reference_date": "2024-03-07", "source": "Agence exemple"},
                   ensure_ascii=False) + "\n"
        + json.dumps({"id": "m2", "text": MOPTI, "reference_date": "2024-03-07"}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    table, geo = tmp_path / "acled.csv", tmp_path / "incidents.geojson"
    status = cli_main(["parse", "--jsonl", str(records), "--acled-csv", str(table), "--geojson", str(geo), "-q"])
    assert status == 0
    assert capsys.readouterr().out == ""  # only the tables were asked for
    with open(table, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["document_id"], r["actor1"], r["source"]) for r in rows] == [
        ("k1", "Military Forces of Russia (2000-)", "Agence exemple"), ("m2", "Unidentified Armed Group (Mali)", "")]
    assert len(json.loads(geo.read_text(encoding="utf-8"))["features"]) == 2


def test_cli_refuses_an_acled_table_over_its_input(tmp_path: Path) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"id": "k1", "text": KHARKIV}) + "\n", encoding="utf-8")
    before = records.read_text(encoding="utf-8")
    assert cli_main(["parse", "--jsonl", str(records), "--acled-csv", str(records), "-q"]) != 0
    assert records.read_text(encoding="utf-8") == before


def test_the_json_schema_covers_actors_and_places_and_carries_a_version() -> None:
    from milinc.schema import SCHEMA_VERSION

    schema = milinc.json_schema()
    assert schema["version"] == SCHEMA_VERSION
    defs = schema["$defs"]
    assert {"name", "inter", "country"} <= set(defs["Actor"]["properties"])
    assert {"latitude", "longitude", "admin1", "geonameid", "precision"} <= set(defs["Place"]["properties"])
