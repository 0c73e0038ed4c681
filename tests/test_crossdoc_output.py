"""Merged incidents written to files (JSON Lines, CSV, Parquet) and ``milinc parse --merged-incidents``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import milinc
from milinc.cli import main
from milinc.crossdoc.output import MERGED_COLUMNS, from_record, write_merged_incidents
from milinc.export import document_line

from .crossdoc_helpers import document, place

_ARTICLES = [
    {
        "id": "wire",
        "reference_date": "2024-03-10",
        "text": "Des hommes armés ont attaqué dans la nuit de samedi à dimanche un détachement militaire à "
        "Djibo, au Burkina Faso, tuant au moins 43 soldats.",
    },
    {
        "id": "daily",
        "reference_date": "2024-03-13",
        "text": "Le bilan de l'attaque de samedi contre l'armée à Djibo, au Burkina Faso, s'est alourdi : "
        "110 soldats ont été tués.",
    },
    {
        "id": "other",
        "reference_date": "2024-05-14",
        "text": "Une frappe de missile russe a tué trois personnes mardi matin à Kharkiv.",
    },
]


def _incidents() -> list[milinc.MergedIncident]:
    return milinc.merge_incidents(
        [
            document("a", "2024-03-10", date="2024-03-09TNI", where=place("Djibo", lat=14.1, lon=-1.63), killed=43,
                     outlet="AFP"),
            document("b", "2024-03-12", date="2024-03-09", where=place("Djibo"), killed=110, outlet="=HYPERLINK(1)"),
            document("c", "2024-03-20", date="2024-03-19", where=place("Kaya"), outlet="RFI"),
        ]
    )


def test_json_lines_hold_every_slot_and_reload_the_same_incidents(tmp_path: Path) -> None:
    incidents = _incidents()
    path = tmp_path / "merged.jsonl"
    assert write_merged_incidents(incidents, path, explain=True) == 2
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    djibo = records[0]
    assert [{k: m[k] for k in ("document", "start", "end")} for m in djibo["members"]] == [
        {"document": "a", "start": 0, "end": 7},
        {"document": "b", "start": 0, "end": 7},
    ]
    assert djibo["killed"] == {"low": 43, "best": 110, "high": 110, "reports": 2}
    assert djibo["fatalities"] == 110 and djibo["sources"] == ["AFP", "=HYPERLINK(1)"]
    assert djibo["location"]["latitude"] == 14.1  # the place with coordinates, from the report that had them
    assert djibo["links"] and djibo["links"][0]["reasons"]
    assert [from_record(r) for r in records] == incidents


def test_without_explain_the_lines_carry_no_links(tmp_path: Path) -> None:
    path = tmp_path / "merged.jsonl"
    write_merged_incidents(_incidents(), path)
    assert all("links" not in json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())


def test_csv_has_the_columns_and_escapes_formulas(tmp_path: Path) -> None:
    path = tmp_path / "merged.csv"
    write_merged_incidents(_incidents(), path)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == MERGED_COLUMNS
    assert rows[0]["members"] == "a:0-7;b:0-7"
    assert rows[0]["sources"] == "AFP;=HYPERLINK(1)"  # not at the start of the cell: not a formula
    assert (rows[0]["killed_low"], rows[0]["killed_best"], rows[0]["killed_high"]) == ("43", "110", "110")
    assert rows[1]["sources"] == "RFI" and rows[1]["fatalities"] == "0" and rows[1]["fatalities_known"] == "False"


def test_parquet_reloads_with_pandas_with_typed_columns(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    path = tmp_path / "merged.parquet"
    write_merged_incidents(_incidents(), path)
    frame = pd.read_parquet(path)
    assert list(frame.columns) == list(MERGED_COLUMNS)
    assert frame["killed_best"].tolist()[0] == 110 and str(frame["fatalities"].dtype) == "int64"
    assert frame["latitude"].tolist()[0] == 14.1


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "merged.jsonl"

    def broken() -> object:
        yield from _incidents()[:1]
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        write_merged_incidents(broken(), path)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in _ARTICLES), encoding="utf-8")
    return path


def test_the_cli_writes_merged_incidents_by_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path)
    for name in ("merged.jsonl", "merged.csv"):
        status = main(["parse", "--jsonl", str(source), "-q", "--merged-incidents", str(tmp_path / name)])
        assert status == 0
    out, _ = capsys.readouterr()
    assert out == ""  # no document printed when a table is written
    records = [json.loads(line) for line in (tmp_path / "merged.jsonl").read_text(encoding="utf-8").splitlines()]
    djibo = next(r for r in records if any(m["document"] == "wire" for m in r["members"]))
    assert sorted(m["document"] for m in djibo["members"]) == ["daily", "wire"]
    assert djibo["killed"]["best"] == 110
    with open(tmp_path / "merged.csv", encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == len(records)


def test_the_cli_lists_the_outlets_of_the_records_as_sources(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    outlets = [{"outlet": "AFP"}, {"source": "Le Monde"}, {}]  # "source" is the outlet too
    source.write_text(
        "".join(json.dumps({**a, **o}, ensure_ascii=False) + "\n" for a, o in zip(_ARTICLES, outlets)), encoding="utf-8"
    )
    target = tmp_path / "merged.jsonl"
    assert main(["parse", "--jsonl", str(source), "-q", "--merged-incidents", str(target)]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    djibo = next(r for r in records if len(r["members"]) == 2)
    assert djibo["sources"] == ["AFP", "Le Monde"]
    assert [m["outlet"] for m in djibo["members"]] == ["AFP", "Le Monde"]


def test_the_cli_explains_merges(tmp_path: Path) -> None:
    source = _jsonl(tmp_path)
    target = tmp_path / "merged.jsonl"
    assert main(["parse", "--jsonl", str(source), "-q", "--merged-incidents", str(target), "--explain"]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    djibo = next(r for r in records if len(r["members"]) == 2)
    assert any("same place Djibo" in reason for link in djibo["links"] for reason in link["reasons"])


def test_the_cli_refuses_to_write_merged_incidents_over_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _jsonl(tmp_path)
    before = source.read_bytes()
    assert main(["parse", "--jsonl", str(source), "--merged-incidents", str(source)]) == 2
    assert "also an input" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_saved_documents_merge_again_without_parsing(tmp_path: Path) -> None:
    parsed = list(milinc.parse_records(_ARTICLES))
    saved = tmp_path / "docs.jsonl"
    saved.write_text("".join(json.dumps(document_line(i, r)) + "\n" for i, r in parsed), encoding="utf-8")
    from milinc.export import read_documents_jsonl

    assert milinc.merge_incidents(read_documents_jsonl(saved)) == milinc.merge_incidents(parsed)


def test_one_acled_row_per_merged_incident_with_the_best_toll_and_every_outlet(tmp_path: Path) -> None:
    from milinc.acled import COLUMNS
    from milinc.crossdoc.acled import merged_acled_rows, write_merged_acled_csv

    incidents = _incidents()
    rows = merged_acled_rows(incidents)
    assert len(rows) == len(incidents) == 2
    djibo = rows[0]
    assert tuple(djibo) == COLUMNS
    assert (djibo["fatalities"], djibo["fatalities_low"], djibo["fatalities_high"]) == (110, 43, 110)
    assert djibo["fatalities_known"] is True
    assert djibo["source"] == "AFP; =HYPERLINK(1)"
    assert djibo["event_date"] == "2024-03-09" and djibo["time_precision"] == 1
    assert djibo["latitude"] == 14.1 and djibo["document_id"] == "a:1"
    assert djibo["notes"].startswith("2 reports, 2024-03-10 to 2024-03-12")
    kaya = rows[1]
    assert (kaya["fatalities"], kaya["fatalities_known"], kaya["source"]) == (0, False, "RFI")
    path = tmp_path / "acled.csv"
    assert write_merged_acled_csv(incidents, path) == 2
    with open(path, encoding="utf-8", newline="") as f:
        written = list(csv.DictReader(f))
    assert [r["source"] for r in written] == ["AFP; =HYPERLINK(1)", "RFI"]  # not a formula at the start


def test_a_week_dated_incident_gets_acled_s_week_rule() -> None:
    from milinc.crossdoc.acled import merged_acled_rows

    [incident] = milinc.merge_incidents([document("w", "2024-03-12", date="2024-W10", where=place("Djibo"))])
    [row] = merged_acled_rows([incident])
    assert (row["event_date"], row["time_precision"]) == ("2024-03-07", 2)


def test_the_cli_keeps_documents_of_one_id_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "dup.jsonl"
    twice = {**_ARTICLES[0], "id": "same"}
    source.write_text(json.dumps(twice) + "\n" + json.dumps(twice) + "\n", encoding="utf-8")
    target = tmp_path / "merged.jsonl"
    assert main(["parse", "--jsonl", str(source), "-q", "--merged-incidents", str(target)]) == 0
    assert "given again, named 'same#2'" in capsys.readouterr().err
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert sorted(m["document"] for r in records for m in r["members"]) == ["same", "same#2"]
