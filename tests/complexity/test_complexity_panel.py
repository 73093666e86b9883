"""Complexity year by year: complexity_panel, pivot_panel, read_activity_panel, --by-year."""

from __future__ import annotations

import doctest
import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

import grappe.complexity._matrix
import grappe.complexity.panel
import grappe.io.complexity
from grappe.cli.main import app
from grappe.complexity import complexity_panel, complexity_suite, pivot_panel
from grappe.errors import DataValidationError, InvalidParameterError
from grappe.io import bundled_cbp_state_path
from grappe.io.complexity import read_activity_panel

runner = CliRunner()

NESTED = pd.DataFrame(
    [[5, 3, 2], [4, 1, 0], [3, 0, 0]], index=list("abc"), columns=list("xyz"), dtype=float
)


@pytest.mark.parametrize(
    "module", [grappe.complexity.panel, grappe.complexity._matrix, grappe.io.complexity]
)
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


@pytest.fixture(scope="module")
def cbp_long():
    """US County Business Patterns, states x 6-digit NAICS, 2019 and 2021 (public domain)."""
    frame = pd.read_parquet(
        bundled_cbp_state_path(),
        columns=["state_fips", "year", "naics", "naics_level", "emp"],
        filters=[("naics_level", "==", 6), ("year", "in", [2019, 2021])],
    )
    return frame.drop(columns="naics_level")


def test_panel_equals_one_suite_per_year_on_real_data(cbp_long):
    matrices = pivot_panel(cbp_long, rows="state_fips", cols="naics", values="emp", time="year")
    assert list(matrices) == [2019, 2021]
    seen = []
    panel = complexity_panel(matrices, progress=lambda *args: seen.append(args))
    assert seen == [(2019, 1, 2), (2021, 2, 2)]
    for year, X in matrices.items():
        suite = complexity_suite(X)
        rows = panel.rows[panel.rows["period"] == year].set_index("location")
        cols = panel.cols[panel.cols["period"] == year].set_index("activity")
        pd.testing.assert_frame_equal(
            rows.drop(columns="period"), suite.rows, check_names=False, rtol=1e-12
        )
        pd.testing.assert_frame_equal(
            cols.drop(columns="period"), suite.cols, check_names=False, rtol=1e-12
        )
        assert panel.eigenvalues[year] == pytest.approx(suite.eigenvalue, rel=1e-12)
    # 50 states each year; ECI is standardised within each year
    assert panel.rows.groupby("period").size().tolist() == [50, 50]
    means = panel.rows.groupby("period")["eci"].mean()
    np.testing.assert_allclose(means, 0.0, atol=1e-12)
    # real structure: state complexity is persistent over two years
    eci = panel.rows.pivot(index="location", columns="period", values="eci")
    assert eci[2019].corr(eci[2021], method="spearman") > 0.9


def test_scaling_a_period_changes_nothing_and_exclusions_are_listed():
    X = NESTED.copy()
    X.loc["d"] = 0.0  # no activity: no specialisation, excluded and listed
    panel = complexity_panel({2020: NESTED, 2021: X * 3.0}, threshold=0.9)
    eci = panel.rows.pivot(index="location", columns="period", values="eci")
    np.testing.assert_allclose(eci.loc[list("abc"), 2020], eci.loc[list("abc"), 2021])
    assert np.isnan(eci.loc["d", 2021])
    row = panel.excluded.iloc[0]
    assert (row["period"], row["entity"], row["id"], row["reason"]) == (
        2021,
        "row",
        "d",
        "no specialisation",
    )


def test_partial_location_dropped_in_its_period_only():
    X = NESTED.copy()
    X.loc["d"] = [np.nan, 1.0, 1.0]
    panel = complexity_panel({2020: NESTED, 2021: X}, threshold=0.9, missing="drop")
    dropped = panel.excluded[panel.excluded["reason"] == "dropped (partial data)"]
    assert dropped[["period", "id"]].values.tolist() == [[2021, "d"]]


def test_panel_errors():
    with pytest.raises(InvalidParameterError, match="non-empty mapping of period"):
        complexity_panel({})
    with pytest.raises(InvalidParameterError, match="non-empty mapping of period"):
        complexity_panel([NESTED])
    with pytest.raises(InvalidParameterError, match="Period 2021: .*at least 2 locations"):
        complexity_panel({2020: NESTED, 2021: np.diag([1.0, 0.0, 0.0])}, threshold=0.9)
    with pytest.raises(InvalidParameterError, match="'engine' parameter"):
        complexity_panel({2020: NESTED}, engine="gpu")


def test_pivot_panel_errors():
    long = pd.DataFrame({"y": [2020, None], "r": ["a", "b"], "i": ["x", "x"], "v": [1.0, 2.0]})
    with pytest.raises(InvalidParameterError, match="'time' parameter of pivot_panel"):
        pivot_panel(long, rows="r", cols="i", values="v", time="year")
    with pytest.raises(InvalidParameterError, match="a period in every row of column 'y'"):
        pivot_panel(long, rows="r", cols="i", values="v", time="y")
    with pytest.raises(InvalidParameterError, match="'frame' parameter of pivot_panel"):
        pivot_panel(long.to_numpy(), rows="r", cols="i", values="v", time="y")


def test_read_activity_panel_errors(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("year,c,p,v\n2020,a,x,1\n20.5,a,y,2\n2021,b,x,-3\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"row 3, column 'year'.*'20.5' is not a year"):
        read_activity_panel(path, rows="c", cols="p", values="v")
    path.write_text("year,c,p,v\n2020,a,x,1\n2021,a,y,2\n2021,b,x,-3\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"row 4, column 'v'.*negative"):
        read_activity_panel(path, rows="c", cols="p", values="v")
    with pytest.raises(DataValidationError, match=r"no column 'yr'.*--year-column"):
        read_activity_panel(path, rows="c", cols="p", values="v", year_column="yr")


@pytest.fixture(scope="module")
def stata_panel(tmp_path_factory, fixtures):
    """The Stata ground truth (real 1995 trade) written twice, as 1995 and as 1996 doubled."""
    f = pd.read_csv(fixtures / "complexity" / "stata_ground_truth_1995.csv", dtype={"hs92": str})
    long = f[["origin", "hs92", "export_val"]].assign(year=1995)
    twice = pd.concat([long, long.assign(year=1996, export_val=long["export_val"] * 2)])
    path = tmp_path_factory.mktemp("panel") / "panel.csv"
    twice.to_csv(path, index=False)
    return path, f


def test_cli_by_year_matches_the_stata_ground_truth_each_year(stata_panel):
    path, truth = stata_panel
    args = ["complexity", str(path), "--rows", "origin", "--cols", "hs92", "--values"]
    res = runner.invoke(app, [*args, "export_val", "--by-year", "--standardise", "stata"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    eci = truth.groupby("origin")["eci"].first()
    assert {r["year"] for r in data["rows"]} == {1995, 1996}
    for rec in data["rows"]:
        assert rec["eci"] == pytest.approx(eci[rec["id"]], abs=1e-12)
    assert len(data["cols"]) == 2 * 30 and all("pci" in c for c in data["cols"])
    res = runner.invoke(app, [*args, "export_val", "--by-year", "--format", "csv"])
    assert res.exit_code == 0, res.output
    table = pd.read_csv(pd.io.common.StringIO(res.stdout))
    assert list(table.columns[:3]) == ["entity", "year", "id"]
    assert table.groupby(["entity", "year"]).size().to_dict() == {
        ("col", 1995): 30,
        ("col", 1996): 30,
        ("row", 1995): 10,
        ("row", 1996): 10,
    }


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--year", "1995"], "'year' and 'by_year' parameters"),
        (["--year-column", "annee"], "no column 'annee'"),
    ],
)
def test_cli_by_year_errors(stata_panel, extra, message):
    path, _ = stata_panel
    args = ["complexity", str(path), "--rows", "origin", "--cols", "hs92", "--values"]
    res = runner.invoke(app, [*args, "export_val", "--by-year", *extra])
    assert res.exit_code == 1 and message in res.output and "Traceback" not in res.output


def test_cli_by_year_needs_a_long_table(stata_panel):
    path, _ = stata_panel
    res = runner.invoke(app, ["complexity", str(path), "--by-year"])
    assert res.exit_code == 1 and "needs a long table" in res.output
