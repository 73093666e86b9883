"""Cluster definitions derived from data: hand-checked blocks, scores, errors, real extract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from grappe.definitions import (
    ClusterDefinitions,
    bundled_definitions,
    coverage_by_code,
    definitions_from_frame,
    derive_definitions,
    partition_agreement,
    validation_scores,
)
from grappe.errors import DataValidationError, InvalidParameterError
from grappe.model import RegionalTable

EXTRACT = (
    Path(__file__).parents[1] / "data" / "cbp_alabama_2019" / "cbp_county_alabama_2019.parquet"
)


def _two_blocks(
    n_regions: int = 40, *, seed: int = 1, establishments: bool = True
) -> RegionalTable:
    """Industries 0-3 live in the first half of the regions, 4-7 in the second half."""
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(n_regions):
        first_half = r < n_regions // 2
        for i in range(8):
            at_home = (i < 4) == first_half
            jobs = (100.0 if at_home else 5.0) * rng.uniform(0.7, 1.3)
            rows.append(
                (f"r{r:02d}", f"{311110 + i}", 2019, jobs, jobs / 10 if establishments else np.nan)
            )
    frame = pd.DataFrame(
        rows, columns=["region", "industry", "year", "employment", "establishments"]
    )
    frame["payroll"] = 0.0
    frame["withheld"] = False
    return RegionalTable(frame, classification="naics2017", source="blocks.csv")


def _groups(derived) -> list[list[str]]:
    data = derived.definitions.data
    return sorted(sorted(g) for g in data.groupby("cluster")["code"].apply(list))


BLOCKS = [[f"{311110 + i}" for i in range(4)], [f"{311110 + i}" for i in range(4, 8)]]


@pytest.mark.parametrize("algorithm", ["ward", "kmeans", "spectral"])
def test_two_blocks_of_colocated_industries_are_recovered(algorithm):
    derived = derive_definitions(_two_blocks(), n_clusters=2, algorithms=[algorithm], seed=0)
    assert _groups(derived) == BLOCKS
    assert derived.configuration["algorithm"] == algorithm
    assert derived.configuration["measures"] == (
        "colocation_employment",
        "colocation_establishments",
    )
    assert isinstance(derived.definitions, ClusterDefinitions)
    assert set(derived.definitions.data["cluster_type"]) == {"traded"}


def test_io_links_alone_group_the_suppliers_with_their_buyers():
    table = _two_blocks()
    codes = [f"{311110 + i}" for i in range(8)]
    flows = pd.DataFrame(0.0, index=codes, columns=codes)
    # 0 sells to 4, 1 to 5...: the input-output pairs cut across the co-location blocks
    for i in range(4):
        flows.iloc[i, i + 4] = 10.0
    derived = derive_definitions(
        table, n_clusters=4, io=flows, io_weights=[1.0], algorithms=["ward"], seed=0
    )
    assert [sorted(g) for g in _groups(derived)] == [
        [codes[0], codes[4]],
        [codes[1], codes[5]],
        [codes[2], codes[6]],
        [codes[3], codes[7]],
    ]
    assert derived.configuration["io_weight"] == 1.0
    assert "io" in derived.configuration["measures"]


def test_a_benchmark_of_prefix_rules_is_compared_through_the_codes_it_covers():
    table = _two_blocks()
    codes = ["311111", "311112", "311113", "311119", "336411", "336412", "336413", "336414"]
    renamed = dict(zip([c for block in BLOCKS for c in block], codes, strict=True))
    data = table.data.assign(industry=table.data["industry"].map(renamed))
    table = RegionalTable(data, classification="naics2017")
    # two prefix rules: 31111 covers the first block, 3364 the second
    frame = pd.DataFrame({"code": ["31111", "3364"], "cluster": ["A", "B"]})
    rules = definitions_from_frame(frame, classification="naics2017")
    derived = derive_definitions(table, n_clusters=2, benchmark=rules, seed=0)
    assert derived.n_compared == 8 and derived.ami == pytest.approx(1.0)


def test_perfect_match_with_a_benchmark_scores_one_and_the_grid_is_reported():
    table = _two_blocks()
    frame = pd.DataFrame(
        {"code": [c for block in BLOCKS for c in block], "cluster": ["A"] * 4 + ["B"] * 4}
    )
    benchmark = definitions_from_frame(frame, classification="naics2017")
    derived = derive_definitions(table, n_clusters=2, benchmark=benchmark, seed=0)
    assert derived.ami == pytest.approx(1.0)
    assert derived.ari == pytest.approx(1.0)
    assert derived.n_compared == 8
    assert derived.n_regions == 40 and derived.n_industries == 8
    scores = derived.scores
    assert list(scores["algorithm"]) == ["ward", "kmeans", "spectral"]
    assert scores["chosen"].sum() == 1
    assert scores.loc[scores["chosen"], "vs"].iat[0] == scores["vs"].max()
    assert {"vs_cluster", "vs_gap", "ami", "ari"} <= set(scores.columns)


def test_same_seed_same_definitions_and_inputs_untouched():
    table = _two_blocks(seed=3)
    before = table.data.copy()
    one = derive_definitions(table, n_clusters=3, algorithms=["kmeans"], seed=7)
    two = derive_definitions(table, n_clusters=3, algorithms=["kmeans"], seed=7)
    pd.testing.assert_frame_equal(one.definitions.data, two.definitions.data)
    pd.testing.assert_frame_equal(table.data, before)
    with pytest.raises(TypeError):
        one.configuration["seed"] = 8  # the configuration is read-only


def test_row_order_and_region_names_do_not_change_the_definitions():
    table = _two_blocks(seed=5)
    shuffled = table.data.sample(frac=1.0, random_state=0).reset_index(drop=True)
    shuffled["region"] = "x" + shuffled["region"].astype(str)
    one = derive_definitions(table, n_clusters=3, algorithms=["ward"])
    two = derive_definitions(
        RegionalTable(shuffled, classification="naics2017"), n_clusters=3, algorithms=["ward"]
    )
    assert _groups(one) == _groups(two)


def test_clusters_are_named_after_their_largest_industry():
    table = _two_blocks()
    jobs = table.data.groupby("industry", observed=True)["employment"].sum()
    largest = jobs.loc[BLOCKS[0]].idxmax()
    names = {code: f"Industry {code}" for code in jobs.index if code != BLOCKS[1][0]}
    derived = derive_definitions(table, n_clusters=2, industry_names=names, seed=0)
    data = derived.definitions.data.set_index("code")
    cluster = data.loc[largest, "cluster"]
    assert data.loc[largest, "cluster_name"] == f"{cluster} Industry {largest}"
    assert pd.isna(data.loc[BLOCKS[1][0], "description"])
    unnamed = derive_definitions(table, n_clusters=2, seed=0).definitions.data
    assert unnamed["cluster_name"].str.fullmatch(r"D0[12] \(largest 3111\d\d\)").all()


def test_a_table_without_establishments_uses_employment_only():
    derived = derive_definitions(_two_blocks(establishments=False), n_clusters=2, seed=0)
    assert derived.configuration["measures"] == ("colocation_employment",)
    assert _groups(derived) == BLOCKS


def test_progress_is_reported_step_by_step():
    calls = []
    derive_definitions(_two_blocks(), n_clusters=2, seed=0, progress=lambda *a: calls.append(a))
    assert calls[0][1:] == (0, 4) and calls[-1] == ("done", 4, 4)
    assert [c[1] for c in calls] == sorted(c[1] for c in calls)


def test_validation_scores_by_hand():
    s = pd.DataFrame(
        [[0, 9, 1, 2], [9, 0, 3, 1], [1, 3, 0, 8], [2, 1, 8, 0]],
        index=list("abcd"),
        columns=list("abcd"),
        dtype=float,
    )
    # percentile ranks of the 12 off-diagonal cells (each pair twice, ties averaged):
    # 1 → 2.5/12, 2 → 5.5/12, 3 → 7.5/12, 8 → 9.5/12, 9 → 11.5/12
    good = validation_scores({"s": s}, ["x", "x", "y", "y"])
    assert good["vs_cluster"] == 1.0
    within = (11.5 + 9.5) / 2 / 12  # ab, cd
    across = (2.5 + 2.5 + 5.5 + 7.5) / 4 / 12  # ac, bd, ad, bc
    assert good["vs_gap"] == pytest.approx(within - across)
    assert good["vs"] == pytest.approx((1.0 + within - across) / 2)
    singletons = validation_scores({"s": s}, ["x", "y", "z", "w"])
    assert singletons["vs_cluster"] == 0.0  # alone in its cluster: fails
    both = validation_scores({"s": s, "t": s}, ["x", "x", "y", "y"], kinds={"s": "k", "t": "k"})
    assert both == good


def test_partition_agreement_is_label_free_and_compares_common_codes():
    ami, ari, n = partition_agreement({"a": 1, "b": 1, "c": 2}, {"a": "X", "b": "X", "c": "Y"})
    assert (ami, ari, n) == (pytest.approx(1.0), pytest.approx(1.0), 3)
    with pytest.raises(InvalidParameterError, match="share at least 2 industries"):
        partition_agreement({"a": 1}, {"b": 2})


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"n_clusters": 1}, "'n_clusters' parameter of derive_definitions must be in the range"),
        ({"n_clusters": 8}, "must be below the number of industries with employment \\(8\\)"),
        ({"n_clusters": 2.5}, "'n_clusters' parameter .* must be an integer"),
        ({"algorithms": ["dbscan"]}, "'algorithms' parameter"),
        ({"algorithms": []}, "must name at least one of"),
        ({"colocation_measures": ["payroll"]}, "'colocation_measures' parameter"),
        ({"io_weights": [1.5]}, "'io_weights' parameter .* range"),
        ({"year": 2020}, "'year' parameter .* must be a year of the table \\(\\[2019\\]\\)"),
        ({"algorithms": "ward"}, "'algorithms' parameter .* must be a list of values"),
        ({"io_weights": 0.5}, "'io_weights' parameter .* must be a list of values"),
        ({"codes": "311110"}, "'codes' parameter .* must be a list of values"),
    ],
)
def test_bad_options_are_refused(options, match):
    with pytest.raises(InvalidParameterError, match=match):
        derive_definitions(_two_blocks(), **{"n_clusters": 2, **options})


def test_too_few_regions_or_industries():
    table = _two_blocks(n_regions=2)
    with pytest.raises(DataValidationError, match="2 region\\(s\\) in 2019; co-location needs"):
        derive_definitions(table, n_clusters=2)
    few = _two_blocks()
    with pytest.raises(DataValidationError, match="2 industries with employment in 2019 among"):
        derive_definitions(few, n_clusters=2, codes=["311110", "311111"])


def test_mixed_levels_are_refused_with_the_level_to_read():
    table = _two_blocks()
    extra = table.data.iloc[:3].assign(industry="31-33")
    mixed = RegionalTable(
        pd.concat([table.data, extra], ignore_index=True), classification="naics2017"
    )
    with pytest.raises(DataValidationError, match="several levels are mixed.*--level 6"):
        derive_definitions(mixed, n_clusters=2)


def test_io_and_benchmark_in_another_classification_are_refused():
    table = _two_blocks()
    nace = pd.DataFrame(0.0, index=["1011", "1012"], columns=["1011", "1012"])
    with pytest.raises(InvalidParameterError, match="'io' parameter .* shares 0 of 8"):
        derive_definitions(table, n_clusters=2, io=nace)
    with pytest.raises(InvalidParameterError, match="'io' parameter .* must be a square"):
        derive_definitions(table, n_clusters=2, io=nace.iloc[:, :1])
    other = definitions_from_frame(
        pd.DataFrame({"code": ["10.11"], "cluster": ["food"]}), classification="nace2"
    )
    with pytest.raises(InvalidParameterError, match="'benchmark' parameter .* 'nace2'"):
        derive_definitions(table, n_clusters=2, benchmark=other)
    elsewhere = definitions_from_frame(
        pd.DataFrame({"code": ["541511"], "cluster": ["it"]}), classification="naics2017"
    )
    with pytest.raises(InvalidParameterError, match="must cover at least 2 .* Got 0 covered"):
        derive_definitions(table, n_clusters=2, benchmark=elsewhere)
    with pytest.raises(InvalidParameterError, match="'table' parameter .* RegionalTable"):
        derive_definitions(table.data, n_clusters=2)


@pytest.fixture(scope="module")
def alabama() -> RegionalTable:
    from grappe.io import read_regional_table

    return read_regional_table(EXTRACT, source="cbp", levels=(6,))


def test_real_extract_io_links_beat_colocation_against_the_benchmark(alabama):
    from grappe.io.complexity import read_bea_naics_flows

    bench = bundled_definitions("us-benchmark")
    traded = bench.data.loc[bench.data["cluster_type"] == "traded", "code"]
    flows = read_bea_naics_flows(
        Path(__file__).parents[2] / ".." / "shared" / "data" / "us_bea_io_tables", digits=6
    )
    derived = derive_definitions(
        alabama,
        n_clusters=12,
        io=flows,
        codes=traded,
        io_weights=[0.0, 1.0],
        algorithms=["ward"],
        benchmark=bench,
        seed=0,
    )
    ami = derived.scores.set_index("io_weight")["ami"]
    assert ami[1.0] > ami[0.0] + 0.1  # co-location over 67 counties alone recovers little
    assert 0 < derived.ami <= 1 and derived.n_compared == derived.n_industries
    assert set(derived.definitions.codes) <= set(traded)


def test_coverage_by_code_counts_the_levels_above_the_definitions(alabama):
    from grappe.io import read_regional_table

    bench = bundled_definitions("us-benchmark")
    six = coverage_by_code(bench, alabama)
    assert set(six["level"]) == {6}
    every = coverage_by_code(bench, read_regional_table(EXTRACT, source="cbp"))
    above = every.loc[every["level"] < 6]
    assert (above["status"] == "uncovered").all() and len(above) > 0
    covered = six.loc[six["status"] == "covered"]
    assert covered["cluster"].notna().all()
    assert six["employment"].sum() == pytest.approx(
        alabama.data.loc[alabama.data["year"] == 2019, "employment"].sum()
    )
    with pytest.raises(InvalidParameterError, match="'year' parameter of coverage_by_code"):
        coverage_by_code(bench, alabama, year=2018)
