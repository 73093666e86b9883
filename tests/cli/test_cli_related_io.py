"""`grappe related`: traded clusters by default, industries with their NAICS names, each
suggestion explained (density, distance, COG, closest specialisation), and --io (input–output
+ co-location relatedness from the BEA tables)."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.complexity import (
    binary_specialisation,
    combined_relatedness,
    complexity_outlook,
    eci_pci,
    io_relatedness,
    pivot_long,
    proximity,
    related_table,
    relatedness_density,
)
from grappe.definitions import bundled_definitions
from grappe.errors import InvalidParameterError
from grappe.io import bundled_cbp_state_path, read_regional_table
from grappe.io.presets import bundled_path
from grappe.model import RegionalTable


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def csv_of(result) -> pd.DataFrame:
    assert result.exit_code == 0, result.output
    return pd.read_csv(io.StringIO(result.stdout), dtype={"code": str}, keep_default_na=False)


@pytest.fixture(scope="module")
def traded():
    clusters = bundled_definitions("us-benchmark").clusters.astype(str)
    return clusters[clusters["cluster_type"] == "traded"]


@pytest.fixture(scope="module")
def alabama():
    args = ["related", "01", "--year", "2019", "--top", "1000", "--format", "csv"]
    return csv_of(run(*args))


def test_lists_traded_clusters_only_by_default(alabama, traded):
    assert len(alabama) > 10
    assert set(alabama["code"]) <= set(traded["cluster"])
    every = csv_of(
        run("related", "01", "--year", "2019", "--top", "1000", "--format", "csv",
            "--cluster-type", "all")
    )  # fmt: skip
    assert not set(every["code"]) <= set(traded["cluster"])  # local clusters are back


def test_each_suggestion_is_explained(alabama, traded):
    assert alabama["distance"].to_numpy() == pytest.approx(1 - alabama["density"].to_numpy())
    assert alabama["density"].is_monotonic_decreasing
    assert (alabama["lq"] < 1).all()
    # the closest activity is a traded cluster the region IS specialised in (never listed)
    names = set(traded["cluster_name"])
    assert set(alabama["closest"]) <= names - set(alabama["name"])


def test_cog_is_the_complexity_outlook_gain_of_the_traded_cluster_matrix(alabama):
    """COG from an independent path: an exact join of the 6-digit codes, kernels by hand."""
    table = read_regional_table(bundled_cbp_state_path(), source="cbp", years=(2019,))
    defs = bundled_definitions("us-benchmark").data.astype({"code": str, "cluster": str})
    defs = defs[defs["cluster_type"].astype(str) == "traded"]
    data = table.data.astype({"industry": str}).merge(defs, left_on="industry", right_on="code")
    long = data.groupby(["region", "cluster"], observed=True, as_index=False)["employment"].sum()
    X = pivot_long(long, rows="region", cols="cluster", values="employment")
    M = binary_specialisation(X, missing="zero")
    M = M.loc[M.sum(axis=1) > 0, M.sum(axis=0) > 0]
    phi = proximity(M, diagonal=0.0)
    cog = complexity_outlook(M, eci_pci(M), phi).cog.loc["01"]
    got = alabama.set_index("code")["cog"]
    assert got.to_numpy() == pytest.approx(cog.reindex(got.index).to_numpy())
    density = relatedness_density(M, phi=phi).loc["01"]
    assert alabama.set_index("code")["density"].to_numpy() == pytest.approx(
        density.reindex(got.index).to_numpy()
    )


def test_industries_have_their_naics_names():
    result = run(
        "related", "Alabama", "--year", "2019", "--level", "industry", "--digits", "4",
        "--top", "50", "--format", "csv",
    )  # fmt: skip
    got = csv_of(result)
    labels = pd.read_csv(bundled_path("cbp_state", "naics2017_labels.csv"), dtype=str)
    titles = dict(zip(labels["naics"], labels["label"], strict=True))
    assert (got["name"] != "").all()
    assert got["name"].tolist() == [titles[c] for c in got["code"]]
    assert (got["closest"] != "").all()


def test_the_table_view_explains_the_columns():
    result = run("related", "01", "--year", "2019", "--top", "3")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Related traded clusters not yet specialised in — Alabama" in text
    assert "COG: complexity outlook gain" in text and "(co-location)" in text


# --- input–output relatedness ----------------------------------------------------------------


def _toy_table() -> RegionalTable:
    rows = pd.DataFrame(
        {
            "region": list("AAABBBCCCDDD"),
            "industry": ["1111", "2222", "3333"] * 4,
            "year": 2020,
            "employment": [90.0, 10.0, 5.0, 50.0, 50.0, 20.0, 10.0, 90.0, 60.0, 5, 5, 90],
            "establishments": 3.0,
            "payroll": 100.0,
            "withheld": False,
        }
    )
    return RegionalTable(rows, classification="naics2017")


FLOWS = pd.DataFrame(
    [[0.0, 8.0, 1.0], [2.0, 0.0, 0.0], [1.0, 0.0, 0.0]],
    index=["1111", "2222", "3333"],
    columns=["1111", "2222", "3333"],
)


@pytest.mark.parametrize("weight", [0.0, 0.5, 1.0])
def test_io_relatedness_is_combined_with_co_location(weight):
    table = _toy_table()
    got = related_table(table, "A", level="industry", io_flows=FLOWS, io_weight=weight)
    X = pivot_long(table.data, rows="region", cols="industry", values="employment")
    M = binary_specialisation(X, missing="zero")
    phi = combined_relatedness(
        {"io": io_relatedness(FLOWS), "colocation": proximity(M, diagonal=0.0)},
        weights={"io": weight, "colocation": 1 - weight},
    )
    density = relatedness_density(M, phi=phi).loc["A"]
    assert got["density"].to_numpy() == pytest.approx(density[got["code"]].to_numpy())
    # 1111 sells most of its output to 2222: with IO only, A (specialised in 1111) is
    # closest to 2222
    if weight == 1.0:
        assert got.set_index("code").loc["2222", "closest"] == "1111"


def test_io_flows_without_common_codes_are_refused():
    flows = FLOWS.rename(index=lambda c: "9" + c[1:], columns=lambda c: "9" + c[1:])
    with pytest.raises(InvalidParameterError, match=r"'io_flows' parameter of related_table"):
        related_table(_toy_table(), "A", level="industry", io_flows=flows)
    with pytest.raises(InvalidParameterError, match=r"'io_weight' parameter"):
        related_table(_toy_table(), "A", level="industry", io_flows=FLOWS, io_weight=2.0)


def test_io_on_the_bea_tables(shared_data, alabama):
    folder = shared_data / "us_bea_io_tables"
    args = ["related", "01", "--year", "2019", "--top", "1000", "--format", "csv", "--io", folder]
    got = csv_of(run(*args))
    assert set(got["code"]) == set(alabama["code"])  # the same candidates…
    assert got["density"].between(0, 1).all()
    with_io = got.set_index("code")["density"]
    without = alabama.set_index("code")["density"].reindex(with_io.index)
    assert (with_io - without).abs().max() > 0.01  # …related differently
    view = run("related", "01", "--year", "2019", "--top", "3", "--io", folder, "--io-weight", "1")
    assert view.exit_code == 0, view.output
    assert "(IO 1 + co-location)" in " ".join(view.stdout.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--io", "no/such/folder"], "The folder 'no/such/folder' given to --io does not exist"),
        (["--io-weight", "1.5"], "The '--io-weight' parameter of grappe related"),
        (["--cluster-type", "local"], "The '--cluster-type' parameter of grappe related"),
    ],
)
def test_related_option_errors(args, message):
    result = run("related", "01", *args)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert result.output.count("Error:") == 1 and "Traceback" not in result.output


def test_io_needs_naics_codes(tmp_path, shared_data):
    path = tmp_path / "nace.csv"
    path.write_text(
        "region,industry,year,employment\nr1,C,2020,10\nr1,J,2020,5\nr2,C,2020,3\nr2,J,2020,9\n"
    )
    folder = shared_data / "us_bea_io_tables"
    args = ["related", "r1", "--input", path, "--classification", "nace2", "--level", "industry"]
    result = run(*args, "--digits", "1", "--io", folder)
    assert result.exit_code == 1
    assert "needs a table of NAICS codes" in result.output and "'nace2'" in result.output
    result = run("related", "01", "--level", "industry", "--digits", "7", "--io", folder)
    assert result.exit_code == 1
    assert "must be 2 to 6 with --io" in result.output
