"""`grappe complexity`, `grappe related` and the readers of grappe.io.complexity."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io.complexity import bea_naics_weights, read_activity_matrix, read_bea_flows

runner = CliRunner()


@pytest.fixture()
def stata_long(fixtures):
    return fixtures / "complexity" / "stata_ground_truth_1995.csv"


def test_complexity_command_json_matches_stata(stata_long):
    res = runner.invoke(
        app,
        [
            "complexity",
            str(stata_long),
            "--rows",
            "origin",
            "--cols",
            "hs92",
            "--values",
            "export_val",
            "--year",
            "1995",
            "--standardise",
            "stata",
        ],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    truth = pd.read_csv(stata_long, dtype={"hs92": str})
    eci = truth.groupby("origin")["eci"].first()
    rows = {r["id"]: r for r in data["rows"]}
    assert set(rows) == set(eci.index)
    for key, rec in rows.items():
        assert rec["eci"] == pytest.approx(eci[key], abs=1e-12)
        assert {"eci", "diversity", "coi", "fitness"} <= set(rec)
    cols = {c["id"]: c for c in data["cols"]}
    assert len(cols) == 30 and {"pci", "ubiquity"} <= set(cols["1704"])
    assert cols["1704"]["ubiquity"] == 6


def test_complexity_command_engines_agree(stata_long):
    args = ["complexity", str(stata_long), "--rows", "origin", "--cols", "hs92"]
    args += ["--values", "export_val", "--format", "csv"]
    by_engine = {}
    for engine in ("numpy", "auto"):
        res = runner.invoke(app, [*args, "--engine", engine])
        assert res.exit_code == 0, res.output
        by_engine[engine] = pd.read_csv(io.StringIO(res.stdout))
    pd.testing.assert_frame_equal(by_engine["numpy"], by_engine["auto"], rtol=1e-12)


def test_complexity_command_csv_and_output_file(stata_long, tmp_path):
    out = tmp_path / "out.csv"
    res = runner.invoke(
        app,
        [
            "complexity",
            str(stata_long),
            "--rows",
            "origin",
            "--cols",
            "hs92",
            "--values",
            "export_val",
            "--format",
            "csv",
            "--output",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    table = pd.read_csv(out)
    assert (table["entity"] == "row").sum() == 10 and (table["entity"] == "col").sum() == 30
    assert table.loc[table["entity"] == "row", "eci"].notna().all()


def test_complexity_command_wide_table_and_missing_policy(tmp_path):
    wide = pd.DataFrame(
        {"region": ["a", "b", "c", "d"], "x": [5, 4, 3, None], "y": [3, 1, 0, 2], "z": [2, 0, 0, 1]}
    )
    path = tmp_path / "wide.csv"
    wide.to_csv(path, index=False)
    res = runner.invoke(app, ["complexity", str(path), "--threshold", "0.9"])
    assert res.exit_code == 1 and "--missing drop" in res.output and "Traceback" not in res.output
    assert "wide.csv" in res.output and "location 'd' for activity 'x'" in res.output
    res = runner.invoke(app, ["complexity", str(path), "--threshold", "0.9", "--missing", "drop"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [r["id"] for r in data["rows"]] == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "'format' parameter"),
        (["--rows", "origin"], "given together"),
        (["--rows", "origin", "--cols", "hs92", "--values", "nope"], "no column 'nope'"),
        (
            ["--rows", "origin", "--cols", "hs92", "--values", "export_val", "--year", "1990"],
            "Year 1990",
        ),
        (
            ["--method", "power", "--rows", "origin", "--cols", "hs92", "--values", "export_val"],
            "'--method' parameter of grappe complexity",
        ),
        (
            ["--engine", "cuda", "--rows", "origin", "--cols", "hs92", "--values", "export_val"],
            "'--engine' parameter of grappe complexity",
        ),
    ],
)
def test_complexity_command_errors(stata_long, args, message):
    res = runner.invoke(app, ["complexity", str(stata_long), *args])
    assert res.exit_code == 1
    assert message in res.output and "Traceback" not in res.output


def test_complexity_command_missing_file(tmp_path):
    res = runner.invoke(app, ["complexity", str(tmp_path / "none.csv")])
    assert res.exit_code == 1 and "No such file" in res.output


def test_read_activity_matrix_validation(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("c,p,v\na,x,1\na,y,1 0000\nb,x,-2\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="not a number") as info:
        read_activity_matrix(path, rows="c", cols="p", values="v")
    assert info.value.file == str(path) and info.value.row == 3 and info.value.column == "v"
    assert len(info.value.issues) == 2 and "negative" in str(info.value)
    withheld = tmp_path / "withheld.csv"
    withheld.write_text("c,p,v\na,x,1\na,y,\nb,x,2\n", encoding="utf-8")
    X = read_activity_matrix(withheld, rows="c", cols="p", values="v")
    assert np.isnan(X.loc["a", "y"]) and X.loc["b", "y"] == 0.0
    with pytest.raises(InvalidParameterError, match=r"\.csv, \.csv\.gz"):
        read_activity_matrix(tmp_path / "x.json")
    (tmp_path / "one.csv").write_text("c\na\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="activity column"):
        read_activity_matrix(tmp_path / "one.csv")
    with pytest.raises(DataValidationError, match="no year column"):
        read_activity_matrix(withheld, rows="c", cols="p", values="v", year=2000)


def test_bea_readers_errors(tmp_path):
    with pytest.raises(NotFoundError, match="No BEA table"):
        read_bea_flows(tmp_path)
    with pytest.raises(NotFoundError, match="MasterCrosswalk2017"):
        bea_naics_weights(tmp_path)
    with pytest.raises(InvalidParameterError, match="'digits' parameter"):
        bea_naics_weights(tmp_path, digits=7)


@pytest.mark.shared
def test_bea_flows_and_weights(shared_data):
    folder = shared_data / "us_bea_io_tables"
    flows = read_bea_flows(folder)
    assert flows.shape == (402, 402) and (flows.to_numpy() >= 0).all()
    # intermediate flows are about $14.7 trillion in 2017 (BEA total intermediate: $14.9 trillion)
    assert 1.4e7 < flows.to_numpy().sum() < 1.5e7
    W = bea_naics_weights(folder, digits=4)
    np.testing.assert_allclose(W.sum(axis=1), 1.0)
    summary = read_bea_flows(folder, level="summary", year=2022)
    assert summary.shape[0] == summary.shape[1] > 60


def _regional_csv(tmp_path):
    rng = np.random.default_rng(5)
    rows = []
    for r in ["r1", "r2", "r3", "r4", "r5"]:
        for code in ["311111", "311119", "325411", "325412", "541511", "541512"]:
            rows.append(
                {
                    "region": r,
                    "industry": code,
                    "year": 2020,
                    "employment": float(rng.integers(1, 500)),
                }
            )
    path = tmp_path / "regional.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_related_command_on_a_plain_long_table(tmp_path):
    path = _regional_csv(tmp_path)
    res = runner.invoke(
        app,
        [
            "related",
            "r1",
            "--input",
            str(path),
            "--level",
            "industry",
            "--digits",
            "6",
            "--format",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data and all(rec["lq"] < 1 for rec in data)
    dens = [rec["density"] for rec in data]
    assert dens == sorted(dens, reverse=True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["zz"], "Region 'zz' is not in the table"),
        (["r1", "--level", "sector"], "'level' parameter"),
        (["r1", "--format", "xml"], "'format' parameter"),
        (["r1", "--top", "0"], "'top' parameter"),
        (["r1", "--level", "industry", "--digits", "2"], "no industry data"),
    ],
)
def test_related_command_errors(tmp_path, args, message):
    path = _regional_csv(tmp_path)
    res = runner.invoke(app, ["related", *args[:1], "--input", str(path), *args[1:]])
    assert res.exit_code == 1, res.output
    assert message in res.output and "Traceback" not in res.output


def test_related_command_bundled_cbp_clusters():
    res = runner.invoke(
        app, ["related", "California", "--year", "2019", "--top", "5", "--format", "csv"]
    )
    assert res.exit_code == 0, res.output
    table = pd.read_csv(pd.io.common.StringIO(res.stdout))
    assert len(table) == 5 and (table["lq"] < 1).all() and table["name"].notna().all()
