"""``grappe map`` end to end: options, outputs, error exits."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.cli.mapping import parse_column_mapping, parse_years
from grappe.errors import InvalidParameterError

runner = CliRunner()

REQUIRED_KEYS = {
    "region",
    "region_name",
    "cluster",
    "cluster_name",
    "year",
    "employment",
    "establishments",
    "lq",
    "focus",
    "strong",
    "stars",
}


def test_parse_years():
    assert parse_years(["2019"]) == (2019,)
    assert parse_years(["2017,2019", "2018-2019"]) == (2017, 2018, 2019)
    for bad in ("20x9", "2021-2017", "2017-"):
        with pytest.raises(InvalidParameterError, match="'years' parameter of grappe map"):
            parse_years([bad])


def test_parse_column_mapping():
    assert parse_column_mapping(None) is None
    for bad in ("wilaya", "=region", "wilaya="):
        with pytest.raises(InvalidParameterError, match="FILE_COLUMN=OUR_COLUMN"):
            parse_column_mapping([bad])


def test_map_delaware_counties_json(fixtures, tmp_path):
    """The Delaware county fixture (3 counties) mapped with the benchmark definitions."""
    out = tmp_path / "de.json"
    result = runner.invoke(
        app,
        [
            "map",
            str(fixtures / "cbp_delaware" / "cbp_county_delaware.parquet"),
            "--source",
            "cbp",
            "--years",
            "2019",
            "--format",
            "json",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    records = json.loads(out.read_text())
    assert set(records[0]) >= REQUIRED_KEYS
    assert {r["region"] for r in records} == {"10001", "10003", "10005"}
    assert {r["year"] for r in records} == {2019}
    assert len(records) == 3 * 67
    kent = next(r for r in records if r["region"] == "10001")
    assert kent["region_name"].startswith("Kent County")


def test_map_state_file_json_matches_library(shared_data, tmp_path):
    """The issue's command, as written, against the library's own result."""
    from grappe.io import load_definitions, read_regional_table
    from grappe.mapping import map_clusters

    path = shared_data / "us_cbp_2017_2021" / "cbp_state_naics_2017_2021.parquet"
    out = tmp_path / "states.json"
    args = ["map", str(path), "--source", "cbp", "--definitions", "us-benchmark"]
    args += ["--years", "2019", "--format", "json", "--output", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    records = pd.DataFrame(json.loads(out.read_text()))
    assert len(records) == 50 * 67
    expected = map_clusters(
        read_regional_table(path, source="cbp", years=[2019]),
        load_definitions("us-benchmark"),
    ).indicators
    assert list(records["region"]) == list(expected["region"].astype(str))
    pd.testing.assert_series_equal(
        records["lq"], expected["lq"].reset_index(drop=True), check_names=False
    )
    assert records["strong"].tolist() == expected["strong"].tolist()
    # Michigan's automotive cluster is a strong cluster (see tests/indicators for more)
    mi_auto = records.query("region == '26' and cluster_name == 'Automotive'")
    assert bool(mi_auto["strong"].iloc[0])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_map_writes_other_formats_and_region_table(fixtures, tmp_path, fmt):
    out = tmp_path / f"de.{fmt}"
    reg = tmp_path / "regions.csv"
    result = runner.invoke(
        app,
        [
            "map",
            str(fixtures / "cbp_delaware" / "cbp_county_delaware.parquet"),
            "--source",
            "cbp",
            "--years",
            "2018-2019",
            "-o",
            str(out),
            "--regions-output",
            str(reg),
            "--summary-regions",
            "0",
        ],
    )
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
    assert sorted(table["year"].unique()) == [2018, 2019]
    assert set(pd.read_csv(reg)["year"]) == {2018, 2019}


def test_map_custom_csv_with_column_mapping_and_region_set(tmp_path):
    """A wilaya-style table with French column names and a user-defined region."""
    data = tmp_path / "wilayas.csv"
    data.write_text(
        "wilaya,activite,annee,emplois,etablissements,masse\n"
        "25,A,2020,100,10,5\n25,B,2020,50,5,3\n"
        "16,A,2020,20,4,1\n16,B,2020,200,30,9\n"
        "31,A,2020,30,3,1\n31,B,2020,30,3,1\n"
    )
    defs = tmp_path / "defs.csv"
    defs.write_text(
        "code,cluster,cluster_name,cluster_type\nA,M,Mechanics,traded\nB,C,Copperware,traded\n"
    )
    region_set = tmp_path / "east.csv"
    region_set.write_text("region,member,name\nEAST,25,Constantine+Oran\nEAST,31,\n")
    out = tmp_path / "out.json"
    args = ["map", str(data), "--definitions", str(defs), "--regions", str(region_set)]
    args += ["--column", "wilaya=region", "--column", "activite=industry"]
    args += ["--column", "annee=year", "--column", "emplois=employment"]
    args += ["--column", "etablissements=establishments", "--column", "masse=payroll"]
    args += ["--region-type", "wilaya", "--output", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rec = pd.DataFrame(json.loads(out.read_text()))
    east = rec.query("region == 'EAST' and cluster == 'M'").iloc[0]
    assert east["employment"] == 130
    # LQ = (130 / 210) / (150 / 430): custom regions do not enter the national totals
    assert east["lq"] == pytest.approx((130 / 210) / (150 / 430))


def test_map_bad_file_exits_cleanly(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("region,industry,year,employment\nX,A,2020,-3\n")
    result = runner.invoke(app, ["map", str(bad), "--definitions", "us-benchmark"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "bad.csv" in result.output
    assert "Traceback" not in result.output


def test_map_bad_format_exits_cleanly(fixtures):
    path = fixtures / "cbp_delaware" / "cbp_county_delaware.parquet"
    result = runner.invoke(app, ["map", str(path), "--source", "cbp", "--format", "xml"])
    assert result.exit_code == 1
    assert "'format' parameter of grappe map" in result.output


def test_map_missing_year_exits_cleanly(fixtures):
    path = fixtures / "cbp_delaware" / "cbp_county_delaware.parquet"
    result = runner.invoke(app, ["map", str(path), "--source", "cbp", "--years", "1999"])
    assert result.exit_code == 1
    assert "1999" in result.output
