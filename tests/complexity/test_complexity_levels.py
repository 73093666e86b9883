"""`grappe complexity` refuses activity codes of several levels unless --level chooses one,
and reads a regional table with the reader's withheld policy (--source, --withheld)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.complexity import complexity_suite, pivot_long
from grappe.errors import DataValidationError, InvalidParameterError
from grappe.io import bundled_cbp_state_path, read_regional_table
from grappe.io.activity_codes import check_activity_levels

BUNDLED = str(bundled_cbp_state_path())
LONG = ["--rows", "state_fips", "--cols", "naics", "--values", "emp"]


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def rows_of(result) -> pd.DataFrame:
    assert result.exit_code == 0, result.output
    out = pd.read_csv(io.StringIO(result.stdout), dtype={"id": str})
    return out[out["entity"] == "row"].set_index("id")


@pytest.fixture(scope="module")
def raw_2019() -> pd.DataFrame:
    raw = pd.read_parquet(BUNDLED)
    return raw[raw["year"] == 2019].reset_index(drop=True)


# --- the check itself ------------------------------------------------------------------------


def _matrix(codes: list[str]) -> pd.DataFrame:
    return pd.DataFrame(np.ones((2, len(codes))), index=["a", "b"], columns=codes)


def test_mixed_naics_levels_are_refused_naming_the_option():
    with pytest.raises(
        DataValidationError,
        match=r"levels \[0, 2, 6\] are mixed: '00' contains '31-33' \(5 nested.*--level 6",
    ):
        check_activity_levels(
            _matrix(["00", "31-33", "311111", "336411"]),
            classification="auto",
            file="f.csv",
            column="naics",
        )


def test_a_level_keeps_its_codes_only():
    got = check_activity_levels(
        _matrix(["00", "31-33", "311111", "336411"]),
        classification="naics2017",
        level=2,
        file="f.csv",
        column="naics",
    )
    assert got.columns.tolist() == ["31-33"]


def test_auto_detects_nace_and_leaves_custom_codes_alone():
    with pytest.raises(DataValidationError, match=r"'C' contains '10'"):
        check_activity_levels(
            _matrix(["C", "10", "J"]), classification="auto", file="f", column="c"
        )
    custom = _matrix(["steel", "steel-pipes", "cars"])  # no known hierarchy
    got = check_activity_levels(custom, classification="auto", file="f", column="c")
    assert got is custom
    one_level = _matrix(["3111", "3112", "3364"])
    assert (
        check_activity_levels(one_level, classification="auto", file="f", column="c") is one_level
    )


@pytest.mark.parametrize(
    ("codes", "kwargs", "error", "match"),
    [
        (["3111", "cars"], {"classification": "naics2017"}, DataValidationError, "not naics2017"),
        (["3111", "3112"], {"classification": "auto", "level": 6}, DataValidationError, r"\[4\]"),
        (["3111"], {"classification": "sic"}, InvalidParameterError, "'--classification'"),
    ],
)
def test_check_errors(codes, kwargs, error, match):
    with pytest.raises(error, match=match):
        check_activity_levels(_matrix(codes), file="f.csv", column="naics", **kwargs)


# --- the command on the bundled CBP state file -----------------------------------------------


def test_the_cbp_file_is_refused_without_a_level():
    """The issue's case: 00 and 31-33 taken as products beside 6-digit codes (diversity 729)."""
    result = run("complexity", BUNDLED, *LONG, "--year", "2019", "--format", "csv")
    assert result.exit_code == 1
    assert "activity codes of several levels [0, 2, 3, 4, 5, 6] are mixed" in result.output
    assert "--level 6" in result.output and "Traceback" not in result.output


def test_level_6_diversity_is_the_count_of_specialisations(raw_2019):
    result = run("complexity", BUNDLED, *LONG, "--year", "2019", "--format", "csv", "--level", "6")
    rows = rows_of(result)
    six = raw_2019[raw_2019["naics_level"] == 6]
    X = six.pivot_table(index="state_fips", columns="naics", values="emp", aggfunc="sum")
    X = X.fillna(0.0)
    rca = X.div(X.sum(axis=1), axis=0) / (X.sum(axis=0) / X.to_numpy().sum())
    expected = (rca >= 1).sum(axis=1)
    assert rows.loc["01", "diversity"] == expected["01"]
    assert rows.loc["01", "diversity"] < len(six["naics"].unique()) / 2  # not 729 any more
    pd.testing.assert_series_equal(
        rows["diversity"].astype(int), expected.rename("diversity"), check_names=False
    )


@pytest.fixture(scope="module")
def withheld_file(tmp_path_factory, raw_2019):
    """The 2019 rows with one specialised 6-digit cell withheld (emp 0) whose 5-digit parent
    has no other child in that state, so the hierarchy restores it exactly."""
    six = raw_2019[raw_2019["naics_level"] == 6]
    X = six.pivot_table(index="state_fips", columns="naics", values="emp", aggfunc="sum").fillna(0)
    rca = X.div(X.sum(axis=1), axis=0) / (X.sum(axis=0) / X.to_numpy().sum())
    children = six.assign(parent=six["naics"].str[:5]).groupby(["state_fips", "parent"]).size()
    cell = None
    for i in six.sort_values(["state_fips", "naics"]).index:
        row = six.loc[i]
        only_child = children[(row["state_fips"], row["naics"][:5])] == 1
        specialised = rca.loc[row["state_fips"], row["naics"]] >= 1
        if only_child and row["estab"] >= 3 and row["emp"] > 0 and specialised:
            cell = i
            break
    assert cell is not None
    modified = raw_2019.copy()
    modified.loc[cell, "emp"] = 0
    path = tmp_path_factory.mktemp("withheld") / "cbp_2019_withheld.parquet"
    modified.to_parquet(path)
    original = tmp_path_factory.mktemp("original") / "cbp_2019.parquet"
    raw_2019.to_parquet(original)
    return path, original, str(raw_2019.loc[cell, "state_fips"])


def _policy(path, policy: str) -> pd.DataFrame:
    args = ["complexity", path, "--source", "cbp", "--level", "6", "--format", "csv"]
    return rows_of(run(*args, "--withheld", policy))


def test_withheld_cells_follow_the_readers_policy(withheld_file):
    path, original, state = withheld_file
    imputed = _policy(path, "impute_residual")
    kept_zero = _policy(path, "keep_zero")
    # the residual of the parent restores the cell: the same result as the unmodified file
    pd.testing.assert_frame_equal(imputed, _policy(original, "impute_residual"))
    # counted as 0 jobs, the state loses the specialisation
    assert kept_zero.loc[state, "diversity"] < imputed.loc[state, "diversity"]
    # and the command's matrix is the reader's, under each policy
    for policy, got in (("keep_zero", kept_zero), ("impute_residual", imputed)):
        table = read_regional_table(path, source="cbp", withheld=policy, levels=(6,))
        X = pivot_long(table.data, rows="region", cols="industry", values="employment")
        suite = complexity_suite(X)
        assert got["diversity"].to_dict() == pytest.approx(suite.rows["diversity"].to_dict())


def test_withheld_raise_refuses_the_file(withheld_file):
    path, _, _ = withheld_file
    result = run("complexity", path, "--source", "cbp", "--level", "6", "--withheld", "raise")
    assert result.exit_code == 1
    assert "withheld" in result.output and "column 'emp'" in result.output
    assert "Traceback" not in result.output


def test_by_year_with_a_source(tmp_path):
    out = tmp_path / "by_year.csv"
    args = ["complexity", BUNDLED, "--source", "cbp", "--level", "2", "--by-year"]
    result = run(*args, "--format", "csv", "--output", out)
    assert result.exit_code == 0, result.output
    got = pd.read_csv(out, dtype={"id": str})
    assert sorted(got["year"].unique()) == [2017, 2018, 2019, 2020, 2021]
    raw = pd.read_parquet(BUNDLED, columns=["naics", "naics_level"])
    sectors = set(raw.loc[raw["naics_level"] == 2, "naics"])
    assert set(got.loc[got["entity"] == "col", "id"]) == sectors


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "cbp", "--year", "2019", "--level", "9"], "no row has an industry code"),
        (["--source", "bls"], "The '--source' parameter of grappe complexity"),
        (["--source", "cbp", "--withheld", "guess"], "The '--withheld' parameter"),
        ([*LONG, "--classification", "sic"], "The '--classification' parameter"),
        (["--source", "cbp", "--rows", "state_fips"], "must be given together"),
        (["--source", "cbp", "--year", "2019", "--by-year"], "must not be given together"),
        ([*LONG, "--year", "2019", "--level", "7"], "choose --level among [0, 2, 3, 4, 5, 6]"),
        (
            [*LONG, "--year", "2019", "--classification", "nace2"],
            "are not nace2 codes",
        ),
    ],
)
def test_complexity_errors(args, message):
    result = run("complexity", BUNDLED, *args)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert result.output.count("Error:") == 1 and "Traceback" not in result.output


def test_level_on_custom_codes_read_as_a_regional_table(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("region,industry,year,employment\nr1,a,2020,1\nr2,b,2020,2\n")
    result = run("complexity", path, "--withheld", "drop", "--level", "2")
    assert result.exit_code == 1
    assert "The '--level' parameter of grappe complexity needs industry codes" in result.output


@pytest.mark.parametrize("module", ["grappe.io.activity_codes", "grappe.complexity.related"])
def test_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
