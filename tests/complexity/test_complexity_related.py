"""grappe.complexity.related_table on the bundled CBP file: the old exact-code path where it
worked, prefix-defined clusters where it dropped them, and every error."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.complexity import (
    binary_specialisation,
    pivot_long,
    rca,
    related_table,
    relatedness_density,
)
from grappe.definitions import bundled_definitions
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io import bundled_cbp_state_path, read_definitions, read_regional_table

PREFIX = "3361"


@pytest.fixture(scope="module")
def table():
    return read_regional_table(bundled_cbp_state_path(), source="cbp")


@pytest.fixture(scope="module")
def table_6():
    """The bundled file at the 6-digit level only, where prefix rules cannot nest."""
    return read_regional_table(bundled_cbp_state_path(), source="cbp", levels=(6,))


@pytest.fixture(scope="module")
def prefix_definitions(tmp_path_factory):
    """us-benchmark with the motor-vehicle industries replaced by one prefix rule."""
    frame = bundled_definitions("us-benchmark").data.astype({"code": str})
    kept = frame[~frame["code"].str.startswith(PREFIX)][["code", "cluster", "cluster_name"]]
    rule = pd.DataFrame(
        {"code": [PREFIX], "cluster": ["99"], "cluster_name": ["Motor vehicles (prefix rule)"]}
    )
    path = tmp_path_factory.mktemp("defs") / "prefix.csv"
    pd.concat([kept, rule]).to_csv(path, index=False)
    return path, read_definitions(path, classification="naics2017")


def _exact_merge(table, definitions, region, top):
    """The path `grappe related` took before: an exact join of table and definitions codes."""
    data = table.data[table.data["year"] == max(table.years)]
    defs = definitions.data[["code", "cluster", "cluster_name"]].astype(
        {"code": str, "cluster": str}
    )
    merged = data.merge(defs, left_on="industry", right_on="code", how="inner")
    names = dict(zip(defs["cluster"], defs["cluster_name"], strict=False))
    long = merged.groupby(["region", "cluster"], observed=True, as_index=False)["employment"].sum()
    X = pivot_long(
        long.rename(columns={"cluster": "unit"}), rows="region", cols="unit", values="employment"
    )
    M = binary_specialisation(X, missing="zero")
    out = pd.DataFrame(
        {
            "code": X.columns.astype(str),
            "name": [names.get(c, "") for c in X.columns],
            "density": relatedness_density(M).loc[region].to_numpy(),
            "lq": rca(X, missing="zero").loc[region].to_numpy(),
            "employment": X.loc[region].to_numpy(),
            "specialised": M.loc[region].to_numpy() > 0,
        }
    )
    out = out[~out["specialised"]].drop(columns="specialised")
    return out.sort_values(["density", "lq"], ascending=False).head(top).reset_index(drop=True)


@pytest.mark.parametrize("region", ["06", "48", "36"])
def test_equals_the_old_exact_path_on_bundled_data(table, region):
    defs = bundled_definitions("us-benchmark")
    got = related_table(table, region, definitions=defs, top=100, cluster_type="all")
    columns = ["code", "name", "density", "lq", "employment"]
    pd.testing.assert_frame_equal(got[columns], _exact_merge(table, defs, region, 100))
    assert len(got) > 10


def test_a_region_name_is_accepted(table):
    defs = bundled_definitions("us-benchmark")
    by_name = related_table(table, "california", definitions=defs)
    pd.testing.assert_frame_equal(by_name, related_table(table, "06", definitions=defs))


def test_a_prefix_defined_cluster_now_appears(table_6, prefix_definitions):
    _, defs = prefix_definitions
    data = table_6.data[table_6.data["year"] == max(table_6.years)]
    motor = data[data["industry"].astype(str).str.startswith(PREFIX)]
    by_region = motor.groupby("region", observed=True)["employment"].sum()
    found = 0
    for region in by_region.index[:12]:
        got = related_table(table_6, str(region), definitions=defs, top=1000, cluster_type="all")
        old = _exact_merge(table_6, defs, str(region), 1000)
        assert "99" not in set(old["code"])  # the exact join dropped the prefix rule
        if "99" in set(got["code"]):  # listed only where the region is not specialised
            row = got.set_index("code").loc["99"]
            assert row["name"] == "Motor vehicles (prefix rule)"
            assert row["employment"] == pytest.approx(by_region[region])
            found += 1
    assert found > 0


def test_a_prefix_rule_on_several_code_levels_is_refused(table, prefix_definitions):
    _, defs = prefix_definitions
    with pytest.raises(DataValidationError, match=r"contains"):
        related_table(table, "06", definitions=defs)


def test_industry_level_keeps_the_code_length(table):
    got = related_table(table, "06", level="industry", digits=4, top=20)
    assert (got["code"].str.len() == 4).all()
    assert (got["lq"] < 1).all()
    assert got["density"].is_monotonic_decreasing


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"level": "sector"}, InvalidParameterError, r"The 'level' parameter of related_table"),
        ({"top": 0}, InvalidParameterError, r"The 'top' parameter of related_table"),
        ({"digits": 0}, InvalidParameterError, r"The 'digits' parameter of related_table"),
        ({"year": 1900}, InvalidParameterError, r"The 'year' parameter of related_table"),
        ({"definitions": None}, InvalidParameterError, r"must be a ClusterDefinitions"),
        ({"level": "industry", "digits": 9}, InvalidParameterError, r"found no industry data"),
    ],
)
def test_errors(table, kwargs, error, match):
    options = {"definitions": bundled_definitions("us-benchmark"), **kwargs}
    with pytest.raises(error, match=match):
        related_table(table, "06", **options)


def test_unknown_region_and_table_type(table):
    defs = bundled_definitions("us-benchmark")
    with pytest.raises(NotFoundError, match=r"Region 'Atlantis' is not in the table"):
        related_table(table, "Atlantis", definitions=defs)
    with pytest.raises(InvalidParameterError, match=r"must be a RegionalTable"):
        related_table(table.data, "06", definitions=defs)


def test_cli_lists_a_prefix_defined_cluster(tmp_path, table_6, prefix_definitions):
    """`grappe related` on a one-level table and a prefix rule: the thin CLI calls the kernel."""
    path, defs = prefix_definitions
    data = table_6.data[table_6.data["year"] == max(table_6.years)]
    csv = tmp_path / "cbp6.csv"
    data[["region", "industry", "year", "employment", "establishments", "payroll"]].to_csv(
        csv, index=False
    )
    region = next(
        str(r)
        for r in sorted(data["region"].astype(str).unique())
        if "99" in set(related_table(table_6, r, definitions=defs, top=1000)["code"])
    )
    result = CliRunner().invoke(
        app,
        [
            "related",
            region,
            "--input",
            str(csv),
            "--classification",
            "naics2017",
            "--definitions",
            str(path),
            "--top",
            "1000",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Motor vehicles (prefix rule)" in result.output


def test_cli_prefix_rules_on_the_bundled_file(prefix_definitions):
    """On the bundled file (2- to 6-digit rows) a prefix rule needs --code-level; without it
    the command says which codes nest and how to fix it."""
    path, _ = prefix_definitions
    runner = CliRunner()
    args = ["related", "12", "--definitions", str(path), "--top", "100", "--format", "csv"]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 1
    assert "Error:" in refused.output and "contains" in refused.output
    assert "Traceback" not in refused.output
    result = runner.invoke(app, [*args, "--code-level", "6"])
    assert result.exit_code == 0, result.output
    rows = pd.read_csv(io.StringIO(result.output), dtype={"code": str})
    assert len(rows) > 10 and (rows["lq"] < 1).all()
    motor = rows[rows["code"] == "99"]  # Florida is not specialised in motor vehicles
    assert motor["name"].tolist() == ["Motor vehicles (prefix rule)"]
    assert motor["employment"].iloc[0] > 0
