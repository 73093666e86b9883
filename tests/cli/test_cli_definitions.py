"""``grappe definitions derive|coverage`` end to end: outputs, the map round trip, error exits."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app

runner = CliRunner()

EXTRACT = Path(__file__).parents[1] / "data" / "cbp_alabama_2019"
EXTRACT = EXTRACT / "cbp_county_alabama_2019.parquet"
BEA = Path(__file__).parents[2] / ".." / "shared" / "data" / "us_bea_io_tables"
READ = [str(EXTRACT), "--source", "cbp", "--level", "6"]


def _derive(*options: str):
    return runner.invoke(app, ["definitions", "derive", *READ, *options])


def _error(result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Error:" in result.output and "Traceback" not in result.output
    text = " ".join(result.output.split())  # Rich wraps long lines
    for fragment in fragments:
        assert fragment in text, text


@pytest.mark.skipif(not BEA.is_dir(), reason="needs ../shared/data/us_bea_io_tables")
def test_derive_writes_definitions_that_grappe_map_reads(tmp_path):
    defs = tmp_path / "derived.csv"
    result = _derive(
        "--io", str(BEA), "--clusters", "12", "--benchmark", "us-benchmark", "--traded-only",
        "--algorithm", "ward", "--io-weight", "0", "--io-weight", "1", "--seed", "0",
        "--output", str(defs),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Chosen: ward, input-output weight" in text
    assert "Validation scores: VS" in text
    assert "Against us-benchmark: AMI" in text and "ARI" in text
    written = pd.read_csv(defs, dtype=str)
    assert list(written.columns[:5]) == [
        "code",
        "cluster",
        "cluster_name",
        "subcluster",
        "cluster_type",
    ]
    assert written["cluster"].nunique() == 12 and written["code"].is_unique
    # named from the NAICS labels: each cluster after its largest industry
    assert written["description"].notna().all()
    assert (
        written.loc[written["code"] == "336411", "description"] == "Aircraft manufacturing"
    ).all()
    first = written.drop_duplicates("cluster").iloc[0]
    assert first["cluster_name"] == f"{first['cluster']} {first['description']}"

    mapped = tmp_path / "map.csv"
    result = runner.invoke(
        app,
        ["map", str(EXTRACT), "--source", "cbp", "--definitions", str(defs), "-o", str(mapped),
         "--summary-regions", "0"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    indicators = pd.read_csv(mapped, dtype={"cluster": str, "region": str})
    assert set(indicators["cluster"]) == set(written["cluster"])
    assert indicators["region"].nunique() == 67


def test_same_seed_same_file(tmp_path):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    for out in (one, two):  # 3-digit codes: few industries, a quick run
        result = runner.invoke(
            app,
            ["definitions", "derive", str(EXTRACT), "--source", "cbp", "--level", "3", "-k", "5",
             "--algorithm", "kmeans", "--algorithm", "spectral", "--seed", "3", "-o", str(out)],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize(
    ("options", "fragments"),
    [
        (["-k", "1"], ["'--clusters' option of grappe definitions derive must be at least 2"]),
        (["-k", "5000"], ["'n_clusters' parameter", "below the number of industries"]),
        (["-k", "5", "--traded-only"], ["'--traded-only' option", "needs --benchmark"]),
        (["-k", "5", "--algorithm", "dbscan"], ["'algorithms' parameter", "dbscan"]),
        (["-k", "5", "--io-weight", "2"], ["'io_weights' parameter", "range"]),
        (["-k", "5", "--colocation", "payroll"], ["'colocation_measures' parameter"]),
        (["-k", "5", "--io", "no/such/folder"], ["No folder 'no/such/folder' for --io"]),
        (["-k", "5", "--benchmark", "no-such.csv"], ["no-such.csv"]),
        (["-k", "5", "--source", "bls"], ["'--source' parameter of grappe definitions derive"]),
        (["-k", "5", "--years", "1999"], ["1999"]),
    ],
)
def test_derive_error_exits(tmp_path, options, fragments):
    out = tmp_path / "out.csv"
    _error(_derive(*options, "-o", str(out)), *fragments)
    assert not out.exists()  # nothing half-written


def test_io_folder_without_the_tables(tmp_path):
    empty = tmp_path / "bea"
    empty.mkdir()
    result = _derive("-k", "5", "--io", str(empty), "-o", str(tmp_path / "o.csv"))
    _error(result, "No BEA table", "PROVENANCE.md")


def test_io_needs_a_level_and_a_naics_table(tmp_path):
    out = str(tmp_path / "o.csv")
    # every level: the kernel refuses codes of several levels, naming --level
    result = runner.invoke(
        app, ["definitions", "derive", str(EXTRACT), "--source", "cbp", "-k", "5", "-o", out]
    )
    _error(result, "several levels are mixed", "--level 6")
    result = runner.invoke(
        app,
        ["definitions", "derive", str(EXTRACT), "--source", "cbp", "--io", str(tmp_path), "-k",
         "5", "-o", out],
    )  # fmt: skip
    _error(result, "'--io' option", "needs --level")
    nace = tmp_path / "nace.csv"
    nace.write_text(
        "region,industry,year,employment\n"
        + "".join(f"R{r},{c},2020,{10 + r * i}\n" for r in range(4) for i, c in enumerate(
            ["10.11", "10.12", "10.13", "20.11"]))
    )  # fmt: skip
    result = runner.invoke(
        app,
        ["definitions", "derive", str(nace), "--classification", "nace2", "--level", "4", "--io",
         str(tmp_path), "-k", "2", "-o", out],
    )  # fmt: skip
    _error(result, "reads the BEA tables, which are in NAICS", "'nace2'")


def test_too_few_regions(tmp_path):
    small = tmp_path / "two.csv"
    small.write_text(
        "region,industry,year,employment\n"
        + "".join(f"R{r},{c},2020,{5 + r + i}\n" for r in range(2) for i, c in enumerate("ABCD"))
    )
    result = runner.invoke(
        app, ["definitions", "derive", str(small), "-k", "2", "-o", str(tmp_path / "o.csv")]
    )
    _error(result, "2 region(s) in 2020; co-location needs at least 3")


def test_too_few_industries(tmp_path):
    two = tmp_path / "two_industries.csv"
    two.write_text(
        "region,industry,year,employment\n"
        + "".join(f"R{r},{c},2020,{5 + r * i}\n" for r in range(4) for i, c in enumerate("AB"))
    )
    result = runner.invoke(
        app, ["definitions", "derive", str(two), "-k", "2", "-o", str(tmp_path / "o.csv")]
    )
    _error(result, "two_industries.csv", "2 industries with employment in 2020", "at least 3")


def test_benchmark_in_another_classification(tmp_path):
    other = tmp_path / "nace_defs.yaml"
    other.write_text("classification: nace2\nclusters:\n  - cluster: F\n    codes: ['10.11']\n")
    result = _derive("-k", "5", "--benchmark", str(other), "-o", str(tmp_path / "o.csv"))
    _error(result, "'benchmark' parameter", "'naics2017'")


def test_coverage_at_six_digits_and_at_every_level(tmp_path):
    out = tmp_path / "coverage.csv"
    result = runner.invoke(
        app, ["definitions", "coverage", *READ, "--definitions", "us-benchmark", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    frame = pd.read_csv(out, dtype={"code": str, "cluster": str})
    uncovered = frame.loc[frame["status"] == "uncovered"]
    assert f"{len(frame):,} codes in the table" in text
    assert f"{len(uncovered):,} uncovered" in text
    jobs = uncovered["employment"].sum()
    assert f"Employment of the uncovered codes in 2019: {jobs:,.0f}" in text
    assert set(frame["level"]) == {6}

    result = runner.invoke(app, ["definitions", "coverage", str(EXTRACT), "--source", "cbp"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "codes of several levels" in text and "--level 6" in text


def test_coverage_error_exits(tmp_path):
    result = runner.invoke(
        app, ["definitions", "coverage", *READ, "--definitions", str(tmp_path / "none.csv")]
    )
    _error(result, "none.csv")
    result = runner.invoke(app, ["definitions", "coverage", str(tmp_path / "missing.parquet")])
    _error(result, "missing.parquet")
    result = runner.invoke(app, ["definitions", "coverage", *READ, "--level", "9"])
    _error(result, "'--level' parameter of grappe definitions coverage")
    result = runner.invoke(app, ["definitions", "coverage", *READ, "-o", str(tmp_path)])
    _error(result, str(tmp_path))
