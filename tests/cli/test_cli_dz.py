"""``grappe dz wilayas|crosswalk|convert|locate`` and every error exit."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app

runner = CliRunner()

SMES = "wilaya,secteur,annee,pme\n7,C,2022,100\n51,C,2022,40\n7,G,2022,10\n16,C,2022,900\n"
MAPPING = ["--column", "wilaya=region", "--column", "secteur=industry",
           "--column", "annee=year", "--column", "pme=establishments"]  # fmt: skip


def _run(*args):
    return runner.invoke(app, ["dz", *map(str, args)])


def _error(result, *fragments):
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "Error:" in text
    for fragment in fragments:
        assert fragment in text, text
    assert "Traceback" not in result.output


def test_wilayas_json_and_csv(tmp_path):
    result = _run("wilayas", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout[result.stdout.index("[") :])
    assert len(rows) == 69
    assert rows[6]["name_ar"] == "بسكرة"
    result = _run("wilayas", "--division", 48, "-o", tmp_path / "w.csv")
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "w.csv", dtype={"wilaya_code": str})
    assert len(table) == 48 and table["wilaya_code"].iloc[0] == "01"


def test_wilayas_table_names_the_attribution():
    result = _run("wilayas", "--division", 58)
    assert result.exit_code == 0, result.output
    assert "OpenStreetMap contributors" in result.output and "Biskra" in result.output


def test_communes_of_a_wilaya():
    result = _run("communes", "--wilaya", 7, "--division", 48, "--format", "json")
    rows = json.loads(result.stdout[result.stdout.index("[") :])
    assert {r["wilaya_69"] for r in rows} == {"07", "51", "61"}
    assert sum(r["name_fr"] == "Ouled Djellal" for r in rows) == 1
    _error(_run("communes", "--wilaya", 62, "--division", 58), "'--wilaya' option", "58 division")


def test_crosswalk_commune_and_wilaya_levels(tmp_path):
    result = _run("crosswalk", "--from", 58, "--to", 69, "--moved-only", "-o", tmp_path / "m.csv")
    assert result.exit_code == 0, result.output
    moved = pd.read_csv(tmp_path / "m.csv", dtype=str)
    assert "0705" not in set(moved["commune_code"])  # Ouled Djellal was already 51 in 2019
    assert set(moved.loc[moved["name_fr"] == "El Kantara", "wilaya_69"]) == {"61"}
    result = _run("crosswalk", "--from", 48, "--to", 69, "--level", "wilaya", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "wilaya_48,wilaya_69,communes,population,share" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (
            ("--from", 58, "--to", 70),
            ("'--to' option of grappe dz crosswalk must be 48, 58 or 69",),
        ),
        (("--from", 58, "--to", 69, "--level", "daira"), ("--level",)),
        (("--from", 58, "--to", 69, "--format", "xml"), ("'--format' option",)),
    ],
)
def test_crosswalk_errors(args, fragments):
    _error(_run("crosswalk", *args), *fragments)


def test_wilayas_bad_division():
    _error(_run("wilayas", "--division", 57), "'--division' option of grappe dz wilayas")


def test_convert_to_coarser_then_finer(tmp_path):
    source = tmp_path / "pme.csv"
    source.write_text(SMES)
    out = tmp_path / "pme48.csv"
    result = _run("convert", source, "--from", 58, "--to", 48, *MAPPING, "-o", out)
    assert result.exit_code == 0, result.output
    got = pd.read_csv(out, dtype={"region": str}).set_index(["region", "industry"])
    assert got["establishments"].to_dict() == {("07", "C"): 140.0, ("07", "G"): 10.0,
                                               ("16", "C"): 900.0}  # fmt: skip
    assert set(got["year"]) == {2022}
    out69 = tmp_path / "pme69.csv"
    result = _run("convert", source, "--from", 58, "--to", 69, "--apportion", "population",
                  *MAPPING, "-o", out69)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Wilayas 07 were split" in " ".join(result.output.split())
    fine = pd.read_csv(out69, dtype={"region": str})
    assert fine["establishments"].sum() == pytest.approx(1050.0)
    assert set(fine["region"]) == {"07", "16", "51", "61"}


def test_convert_errors(tmp_path):
    source = tmp_path / "pme.csv"
    source.write_text(SMES)
    out = tmp_path / "o.csv"
    _error(
        _run("convert", source, "--from", 58, "--to", 69, *MAPPING, "-o", out),
        "splits 1 region", "apportion='population'",
    )  # fmt: skip
    _error(
        _run("convert", source, "--from", 58, "--to", 69, "--apportion", "area", *MAPPING,
             "-o", out),
        "--apportion",
    )  # fmt: skip
    bad = tmp_path / "bad.csv"
    bad.write_text(SMES + "62,C,2022,3\n")
    _error(
        _run("convert", bad, "--from", 58, "--to", 48, *MAPPING, "-o", out),
        "bad.csv", "column 'region'", "'62' is not a region of the wilaya_58 division",
    )  # fmt: skip
    assert not out.exists()  # nothing half-written


def test_locate_adds_the_columns(tmp_path):
    points = tmp_path / "p.csv"
    points.write_text("name,latitude,longitude\nBiskra,34.85,5.73\nParis,48.85,2.35\nnone,,\n")
    out = tmp_path / "p_located.csv"
    result = _run("locate", points, "--lat-column", "latitude", "--lon-column", "longitude",
                  "-o", out)  # fmt: skip
    assert result.exit_code == 0, result.output
    got = pd.read_csv(out, dtype=str)
    assert got.loc[0, "commune_name_fr"] == "Biskra" and got.loc[0, "wilaya_69"] == "07"
    assert got.loc[1:, "wilaya_69"].isna().all()
    assert "2 have no coordinates or lie outside" in " ".join(result.output.split())


def test_locate_errors(tmp_path):
    points = tmp_path / "p.csv"
    points.write_text("name,lat,lon\nBiskra,34.85,east\n")
    out = tmp_path / "o.csv"
    _error(_run("locate", points, "-o", out), "p.csv, row 2, column 'lon'", "'east'")
    _error(_run("locate", points, "--lat-column", "y", "-o", out), "column 'y'", "--lat-column")
    located = tmp_path / "l.csv"
    located.write_text("lat,lon,wilaya_69\n34.85,5.73,07\n")
    _error(_run("locate", located, "-o", out), "already has the columns ['wilaya_69']")
    _error(_run("locate", tmp_path / "missing.csv", "-o", out), "missing.csv")
    assert not out.exists()
