"""`grappe growth` and `grappe concentration`: answers known by hand on a toy table, the
bundled CBP state file, and every error path (exit code 1, one line naming the option)."""

from __future__ import annotations

import doctest
import io

import pandas as pd
import pytest
from typer.testing import CliRunner

import grappe.cli._common
import grappe.concentration.table
from grappe.cli.main import app
from grappe.definitions import bundled_definitions
from grappe.io import bundled_cbp_state_path, read_regional_table

BUNDLED = str(bundled_cbp_state_path())

# Three regions × three industries × two years, small enough to compute every index by hand.
# Industries 11 and 12 share the prefix 1 (and the cluster X of DEFINITIONS); 21 is alone.
TOY = """region,industry,year,employment,establishments
r1,11,2020,10,2
r1,12,2020,0,0
r1,21,2020,10,1
r2,11,2020,0,0
r2,12,2020,30,3
r2,21,2020,10,1
r3,11,2020,10,2
r3,12,2020,10,1
r3,21,2020,20,2
r1,11,2021,20,2
r1,12,2021,0,0
r1,21,2021,10,1
r2,11,2021,0,0
r2,12,2021,30,3
r2,21,2021,20,1
r3,11,2021,10,2
r3,12,2021,20,1
r3,21,2021,20,2
"""
DEFINITIONS = """code,cluster,cluster_name,cluster_type
11,X,Xylo,traded
12,X,Xylo,traded
21,Y,Yarn,traded
"""


@pytest.fixture
def toy(tmp_path):
    path = tmp_path / "toy.csv"
    path.write_text(TOY)
    defs = tmp_path / "defs.csv"
    defs.write_text(DEFINITIONS)
    return path, defs


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def table_of(result) -> pd.DataFrame:
    assert result.exit_code == 0, result.output
    return pd.read_csv(io.StringIO(result.stdout), dtype={"unit": str, "region": str})


def concentration(path, *args: str) -> pd.DataFrame:
    return table_of(run("concentration", path, *args, "-o", "-", "--format", "csv", "--top", "0"))


# --- hand-computed answers: one per family of indices --------------------------------------
# 2020 region totals 20, 40, 40 (x = .2, .4, .4); industry 11 is 10, 0, 10 (s = .5, 0, .5).


def test_hoover_gini_hhi_and_krugman_by_hand(toy):
    path, _ = toy
    hoover = concentration(path, "--index", "hoover", "--year", "2020").set_index("unit")
    # ½ (|.5 - .2| + |0 - .4| + |.5 - .4|) = .4
    assert hoover.loc["11", "hoover"] == pytest.approx(0.4)
    gini = concentration(path, "--index", "gini", "--year", "2020").set_index("unit")
    # regions by LQ (0, 1.25, 2.5): T = .4, .8, 1; S = 0, .5, 1 → 1 - (0 + .4·.5 + .2·1.5)
    assert gini.loc["11", "locational_gini"] == pytest.approx(0.5)
    hhi = concentration(path, "--index", "hhi", "--year", "2020").set_index("unit")
    assert hhi.loc["11", "hhi"] == pytest.approx(0.5)  # .5² + .5²
    assert hhi.loc["11", "hhi_normalised"] == pytest.approx((0.5 - 1 / 3) / (1 - 1 / 3))
    krugman = concentration(path, "--index", "krugman", "--year", "2020").set_index("region")
    # r1 mix (.5, 0, .5) against the rest (10, 40, 30)/80: .375 + .5 + .125
    assert krugman.loc["r1", "krugman"] == pytest.approx(1.0)
    assert krugman.loc["r1", "region_name"] == "r1"


def test_entropy_by_hand(toy):
    path, defs = toy
    got = concentration(path, "--index", "entropy", "--year", "2020", "--group-digits", "1")
    r3 = got.set_index("region").loc["r3"]
    # shares .25, .25, .5 → 1.5 bits; groups "1" and "2" hold .5 each → 1 bit between
    assert (r3["entropy"], r3["between"], r3["within"]) == pytest.approx((1.5, 1.0, 0.5))
    by_cluster = concentration(path, "--index", "entropy", "--year", "2020", "--definitions", defs)
    pd.testing.assert_frame_equal(by_cluster, got)  # clusters X, Y group as prefixes 1, 2


def test_ellison_glaeser_and_coagglomeration_by_hand(toy):
    path, _ = toy
    eg = concentration(path, "--index", "eg", "--year", "2020").set_index("unit")
    # G = .3² + .4² + .1² = .26; 1 - Σx² = .64; H = 1/4 establishments
    assert eg.loc["11", "G"] == pytest.approx(0.26)
    assert eg.loc["11", "H"] == pytest.approx(0.25)
    assert eg.loc["11", "gamma"] == pytest.approx((0.26 - 0.64 * 0.25) / (0.64 * 0.75))
    pairs = concentration(path, "--index", "coagglomeration", "--year", "2020")
    pair = pairs[(pairs["unit_a"].astype(str) == "11") & (pairs["unit_b"].astype(str) == "12")]
    # (s_11 - x)·(s_12 - x) = (.3)(-.2) + (-.4)(.35) + (.1)(-.15) = -.215, over .64
    assert pair["coagglomeration"].item() == pytest.approx(-0.215 / 0.64)
    assert len(pairs) == 3  # each pair of distinct units once
    assert pairs["coagglomeration"].is_monotonic_decreasing


def test_shift_share_by_hand(toy):
    path, _ = toy
    got = concentration(path, "--index", "shift-share", "--start", "2020", "--end", "2021")
    cell = got[(got["region"] == "r1") & (got["unit"] == "11")].iloc[0]
    # g = 130/100 - 1 = .3, g_11 = 30/20 - 1 = .5: national 3, mix 2, regional 10 - 5
    assert (cell["national"], cell["industry_mix"], cell["regional"]) == pytest.approx((3, 2, 5))
    assert (got["change"] == got["national"] + got["industry_mix"] + got["regional"]).all()
    assert (got["start"].unique().tolist(), got["end"].unique().tolist()) == ([2020], [2021])


def test_cluster_units_by_hand(toy):
    path, defs = toy
    got = concentration(path, "--index", "hoover", "--year", "2020", "--definitions", defs)
    row = got.set_index("unit").loc["X"]
    # cluster X = 10, 30, 20 of 60: ½ (|1/6 - .2| + |.5 - .4| + |1/3 - .4|) = .1
    assert row["hoover"] == pytest.approx(0.1)
    assert row["unit_name"] == "Xylo"
    by_region = concentration(path, "--index", "hoover", "--year", "2020", "--by", "region")
    assert set(by_region["region"]) == {"r1", "r2", "r3"}


def test_concentration_on_the_bundled_file_by_cluster(tmp_path):
    out = tmp_path / "hoover.parquet"
    result = run(
        "concentration", BUNDLED, "--source", "cbp", "--index", "hoover", "--level", "6",
        "--definitions", "us-benchmark", "--year", "2019", "-o", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    got = pd.read_parquet(out)
    assert len(got) == bundled_definitions("us-benchmark").clusters.shape[0]
    assert got["hoover"].between(0, 1).all()
    assert "Highest hoover, 2019" in result.stdout
    # the same index from the reader's table, summed here by cluster
    table = read_regional_table(BUNDLED, source="cbp", levels=(6,), years=(2019,))
    defs = bundled_definitions("us-benchmark").data.astype({"code": str, "cluster": str})
    data = table.data.astype({"industry": str}).merge(defs, left_on="industry", right_on="code")
    X = data.pivot_table(
        index="region", columns="cluster", values="employment", aggfunc="sum", observed=True
    ).fillna(0.0)
    ref = X.sum(axis=1) / X.to_numpy().sum()
    expected = 0.5 * (X / X.sum()).sub(ref, axis=0).abs().sum()
    got = got.set_index("unit")["hoover"]
    pd.testing.assert_series_equal(
        got.sort_index(), expected.rename("hoover").rename_axis("unit").sort_index()
    )


def test_eg_without_establishments_is_refused(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text("region,industry,year,employment\nr1,a,2020,10\nr2,a,2020,5\nr2,b,2020,7\n")
    result = run("concentration", path, "--index", "eg")
    assert result.exit_code == 1
    assert "column 'establishments'" in result.output
    assert "needs establishment counts" in result.output and "Traceback" not in result.output
    partly = tmp_path / "partly.csv"
    partly.write_text(
        "region,industry,year,employment,establishments\nr1,a,2020,10,2\nr2,a,2020,5,\n"
        "r2,b,2020,7,3\n"
    )
    result = run("concentration", partly, "--index", "eg")
    assert result.exit_code == 1
    assert "lacks 1 of them in 2020" in result.output
    single = tmp_path / "single.csv"  # one establishment per unit at most: H = 1 everywhere
    single.write_text(
        "region,industry,year,employment,establishments\nr1,a,2020,10,1\nr2,a,2020,5,0\n"
        "r2,b,2020,7,1\n"
    )
    result = run("concentration", single, "--index", "eg")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "no unit has 2 establishments or more in 2020 (the most is 1)" in said


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--index", "theil"], "The '--index' parameter of grappe concentration must be one of"),
        (["--index", "shift-share"], "are needed by --index shift-share"),
        (["--index", "shift-share", "--start", "2021", "--end", "2020"], "after --start (2021)"),
        (
            ["--index", "shift-share", "--start", "2020", "--end", "2021", "--year", "2020"],
            "does not apply to --index shift-share",
        ),
        (["--index", "hoover", "--start", "2020"], "apply to --index shift-share only"),
        (["--index", "gini", "--by", "region"], "applies to 'hoover' and 'hhi' only"),
        (["--index", "hoover", "--by", "cluster"], "The '--by' parameter"),
        (["--index", "hoover", "--digits", "-1"], "The '--digits' parameter"),
        (["--index", "hoover", "--digits", "0"], "The '--digits' parameter"),
        (["--index", "hoover", "--level", "-1"], "The '--level' parameter"),
        (["--index", "hoover", "--group-digits", "0"], "The '--group-digits' parameter"),
        (["--index", "hoover", "--year", "1999"], "the years [1999] are not in the file"),
        (["--index", "hoover", "--withheld", "guess"], "The '--withheld' parameter"),
        (["--index", "hoover", "--format", "xml"], "The 'format' parameter"),
        (["--index", "hoover", "--level", "3"], "needs industry codes with levels"),
        (
            ["--index", "hoover", "--level", "3", "--classification", "naics2017"],
            "kept no row",
        ),
    ],
)
def test_concentration_errors(toy, args, message):
    path, _ = toy
    result = run("concentration", path, *args)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert result.output.count("Error:") == 1 and "Traceback" not in result.output


def test_concentration_refuses_mixed_code_levels():
    result = run("concentration", BUNDLED, "--source", "cbp", "--index", "hoover")
    assert result.exit_code == 1
    assert "mix levels ('00' contains '11')" in result.output
    assert "--level" in result.output and "--digits" in result.output


# --- grappe growth ----------------------------------------------------------------------------


def test_growth_on_the_bundled_file(tmp_path):
    out = tmp_path / "growth.csv"
    result = run(
        "growth", BUNDLED, "--source", "cbp", "--start", "2017", "--end", "2021", "-o", out
    )
    assert result.exit_code == 0, result.output
    assert "Fastest-growing strong traded clusters, 2017–2021" in result.stdout
    got = pd.read_csv(out, dtype={"region": str, "cluster": str})
    assert (got["job_change"] == got["employment_end"] - got["employment_start"]).all()
    grown = got[got["employment_start"] > 0]
    expected = (grown["employment_end"] / grown["employment_start"]) ** (1 / 4) - 1
    assert grown["cagr"].to_numpy() == pytest.approx(expected.to_numpy())
    # employment and strong flags are those of grappe map for the same years
    from grappe.mapping import map_clusters

    table = read_regional_table(BUNDLED, source="cbp", years=(2017, 2021))
    ind = map_clusters(table, bundled_definitions("us-benchmark"), years=(2017, 2021)).indicators
    last = ind[ind["year"] == 2021].astype({"region": str, "cluster": str})
    merged = got.merge(last, on=["region", "cluster"])
    assert len(merged) == len(got)
    assert (merged["employment_end"] == merged["employment"]).all()
    assert (merged["strong_end"] == merged["strong"].astype(bool)).all()


def test_growth_json_to_stdout(toy):
    path, defs = toy
    result = run(
        "growth", path, "--definitions", defs, "--start", "2020", "--end", "2021",
        "-o", "-", "--format", "json", "--top", "0",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = pd.read_json(io.StringIO(result.stdout), dtype={"region": str})
    x_r1 = rows[(rows["region"] == "r1") & (rows["cluster"] == "X")].iloc[0]
    assert (x_r1["employment_start"], x_r1["employment_end"]) == (10, 20)
    assert x_r1["cagr"] == pytest.approx(1.0)  # doubled in one year


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2021", "--end", "2020"], "must be a year after --start (2021)"),
        (["--start", "2020", "--end", "2020"], "must be a year after --start (2020)"),
        (["--start", "2019", "--end", "2021"], "2019"),
        (["--start", "2020", "--end", "2021", "--total", "all"], "The '--total' parameter"),
        (["--start", "2020", "--end", "2021", "--source", "bls"], "The '--source' parameter"),
        (["--start", "2020", "--end", "2021", "--format", "xlsx"], "The 'format' parameter"),
        (["--start", "2020", "--end", "2021", "--definitions", "nowhere.csv"], "nowhere.csv"),
    ],
)
def test_growth_errors(toy, args, message):
    path, defs = toy
    extra = [] if "--definitions" in args else ["--definitions", str(defs)]
    result = run("growth", path, *args, *extra)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert result.output.count("Error:") == 1 and "Traceback" not in result.output


def test_growth_needs_start_and_end(toy):
    path, _ = toy
    result = run("growth", path, "--start", "2020")
    assert result.exit_code == 2  # click's usage error
    assert "--end" in result.output


def test_growth_leaves_no_file_on_error(toy, tmp_path):
    path, defs = toy
    out = tmp_path / "g.csv"
    result = run(
        "growth", path, "--definitions", defs, "--start", "2019", "--end", "2021", "-o", out
    )
    assert result.exit_code == 1
    assert not out.exists()


@pytest.mark.parametrize("module", [grappe.concentration.table, grappe.cli._common])
def test_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0
