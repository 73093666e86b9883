"""map_clusters on real US County Business Patterns data (public domain, U.S. Census Bureau).

* The Delaware fixture (``tests/fixtures/cbp_delaware``, see its PROVENANCE.md) runs without
  the shared data.
* The state and county files of ``../shared/data/us_cbp_2017_2021`` (``shared_data``
  fixture): totals against the files' own rows, computed here independently with pandas, and
  well-known state specialisations that must come out as strong clusters.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from grappe.io import load_definitions, read_regional_table
from grappe.mapping import map_clusters
from grappe.regions import RegionSet

CBP = "us_cbp_2017_2021"


@pytest.fixture(scope="module")
def definitions():
    return load_definitions("us-benchmark")


# --- Delaware fixture (no shared data needed) --------------------------------------------


@pytest.fixture(scope="module")
def delaware(fixtures):
    folder = fixtures / "cbp_delaware"
    # withheld cells as the file's zeros: totals are compared with the file's own sums
    kw = {"source": "cbp", "withheld": "keep_zero"}
    counties = read_regional_table(folder / "cbp_county_delaware.parquet", **kw)
    state = read_regional_table(folder / "cbp_state_delaware.parquet", **kw)
    return counties, state


def test_delaware_counties_against_the_state(delaware, definitions, fixtures):
    counties, state = delaware
    cmap = map_clusters(counties, definitions, reference=state)
    raw = pd.read_parquet(fixtures / "cbp_delaware" / "cbp_county_delaware.parquet")
    raw_state = pd.read_parquet(fixtures / "cbp_delaware" / "cbp_state_delaware.parquet")
    # region totals are the counties' own "00" rows
    totals = raw[raw["naics"] == "00"].set_index(["fips", "year"])["emp"].sort_index()
    reg = cmap.regions.set_index(["region", "year"])["employment"].sort_index()
    np.testing.assert_array_equal(reg.to_numpy(), totals.to_numpy())
    # national (= the state's) cluster employment is the state's covered 6-digit rows
    covered = set(definitions.data["code"])
    six = raw_state[(raw_state["naics_level"] == 6) & raw_state["naics"].isin(covered)]
    assert cmap.national["employment"].sum() == six["emp"].sum()
    # county cluster employment sums to the county file's covered 6-digit rows
    six_c = raw[(raw["naics_level"] == 6) & raw["naics"].isin(covered)]
    assert cmap.indicators["employment"].sum() == six_c["emp"].sum()
    # withheld cells are counted
    assert cmap.indicators["withheld"].sum() == int((six_c["emp"] == 0).sum())


def test_delaware_counties_as_one_custom_region(delaware, definitions):
    counties, state = delaware
    whole = RegionSet.from_mapping(
        {"DE": ["10001", "10003", "10005"]}, names={"DE": "Delaware (sum of counties)"}
    )
    cmap = map_clusters(counties, definitions, regions=whole, reference=state)
    ind = cmap.indicators
    de = ind[ind["region"] == "DE"].set_index(["cluster", "year"])["employment"]
    by_county = (
        ind[ind["region_type"] == "county"]
        .groupby(["cluster", "year"], observed=True)["employment"]
        .sum()
    )
    pd.testing.assert_series_equal(de, by_county.reindex(de.index), check_names=False)
    # the nation is the state file, not counties + the custom region
    assert cmap.national["employment"].sum() == pytest.approx(
        map_clusters(counties, definitions, reference=state).national["employment"].sum()
    )


# --- shared data: state file ---------------------------------------------------------------


@pytest.fixture(scope="module")
def state_2019(shared_data, definitions):
    path = shared_data / CBP / "cbp_state_naics_2017_2021.parquet"
    table = read_regional_table(
        path, source="cbp", levels=(0, 6), years=[2019], withheld="keep_zero"
    )  # the file's own numbers, compared with its own sums below
    return path, map_clusters(table, definitions)


@pytest.mark.shared
def test_state_totals_match_the_files_own_rows(state_2019, definitions):
    path, cmap = state_2019
    raw = pd.read_parquet(path, filters=[("year", "==", 2019)])
    # the nation's employment: sum of the 50 states' "00" rows (132,460,602 in 2019)
    all_sectors = raw.loc[raw["naics"] == "00", "emp"].sum()
    assert cmap.regions["employment"].sum() == all_sectors == 132_460_602
    # cluster employment by state: the covered 6-digit rows, summed with pandas
    covered = definitions.data[["code", "cluster"]].rename(columns={"code": "naics"})
    six = raw[raw["naics_level"] == 6].merge(covered, on="naics")
    expected = six.groupby("cluster")["emp"].sum()
    got = cmap.national.set_index("cluster")["employment"]
    np.testing.assert_array_equal(got.reindex(expected.index).to_numpy(), expected.to_numpy())
    # the 6-digit rows the definitions do not cover: none except what the CBP file lacks
    assert six["emp"].sum() == cmap.indicators["employment"].sum()


# Well-known specialisations (state FIPS, cluster name), chosen because each is a textbook
# case of the state's economy: Michigan's car industry (Detroit); Nevada's casinos and
# resorts (Las Vegas, Reno); Washington's aircraft (Boeing, Puget Sound); the oil and gas of
# Texas, Oklahoma and North Dakota (Permian, Anadarko, Bakken); meat packing in Iowa and
# Nebraska; Delaware's credit-card banks and corporate finance (Wilmington); Connecticut's
# insurers (Hartford); West Virginia's and Kentucky's coal; Kentucky's tobacco; Nashville's
# music industry in Tennessee.
SPECIALISATIONS = [
    ("26", "Automotive"),
    ("32", "Hospitality and Tourism"),
    ("53", "Aerospace Vehicles and Defense"),
    ("48", "Oil and Gas Production and Transportation"),
    ("40", "Oil and Gas Production and Transportation"),
    ("38", "Oil and Gas Production and Transportation"),
    ("19", "Livestock Processing"),
    ("31", "Livestock Processing"),
    ("10", "Financial Services"),
    ("09", "Insurance Services"),
    ("54", "Coal Mining"),
    ("21", "Coal Mining"),
    ("21", "Tobacco"),
    ("47", "Music and Sound Recording"),
]


@pytest.mark.shared
@pytest.mark.parametrize(("state", "cluster_name"), SPECIALISATIONS)
def test_well_known_state_specialisations_are_strong(state_2019, state, cluster_name):
    _, cmap = state_2019
    ind = cmap.indicators
    row = ind[(ind["region"] == state) & (ind["cluster_name"] == cluster_name)]
    assert len(row) == 1
    assert bool(row["strong"].iloc[0]), row[["lq", "lq_pct", "employment_pct"]]
    assert row["lq"].iloc[0] > 1.5


@pytest.mark.shared
def test_state_strong_cluster_counts_are_plausible(state_2019):
    _, cmap = state_2019
    traded = cmap.indicators[cmap.indicators["cluster_type"] == "traded"]
    per_cluster = traded.groupby("cluster", observed=True)["strong"].sum()
    # the top quartile of 50 states holds at most 13 states per cluster (LQ >= P75)
    assert per_cluster.max() <= 13
    assert (traded.groupby("cluster", observed=True)["strong_90"].sum() <= 5).all()
    strength = cmap.regions["cluster_strength"]
    assert strength.between(0, 1).all()


# --- shared data: county file with the state file as the nation ---------------------------


@pytest.mark.shared
def test_counties_with_the_state_file_as_nation(shared_data, definitions):
    folder = shared_data / CBP
    counties = read_regional_table(
        folder / "cbp_county_naics_2017_2021.parquet", source="cbp", levels=(6,), years=[2021]
    )
    states = read_regional_table(
        folder / "cbp_state_naics_2017_2021.parquet", source="cbp", levels=(6,), years=[2021]
    )
    cmap = map_clusters(counties, definitions, reference=states)
    ind = cmap.indicators
    assert ind["region"].nunique() > 1800
    # the nation is the 50 states; the 38 states' counties hold a part of it
    nat = cmap.national["employment"].sum()
    assert nat == states.data["employment"].sum() - _uncovered(states, definitions)
    # the counties of the 38 states hold less than those states do in the state file: county
    # rows leave out statewide establishments and withhold more cells (68–95 % per state)
    county_states = ind["region"].astype(str).str[:2]
    by_state = ind.groupby(county_states.to_numpy())["employment"].sum()
    state_rows = states.data[states.data["industry"].astype(str).isin(definitions.data["code"])]
    of_states = state_rows.groupby(state_rows["region"].astype(str))["employment"].sum()
    ratio = by_state / of_states.reindex(by_state.index)
    assert len(ratio) == 38
    assert ratio.between(0.6, 1.0).all()
    assert ind.groupby(["cluster", "year"], observed=True)["national_share"].sum().max() < 1
    # Clark County, Nevada (Las Vegas) is a strong hospitality and tourism county
    clark = ind[(ind["region"] == "32003") & (ind["cluster_name"] == "Hospitality and Tourism")]
    assert bool(clark["strong"].iloc[0])


def _uncovered(table, definitions):
    data = table.data
    covered = data["industry"].astype(str).isin(set(definitions.data["code"]))
    return data.loc[~covered, "employment"].sum()


# --- side by side with a plain pandas implementation ---------------------------------------


def _bench_module():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_mapping.py"
    spec = importlib.util.spec_from_file_location("bench_mapping", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_state_map_matches_the_pandas_groupby_version(shared_data, definitions):
    # the benchmark's straightforward pandas implementation (merge, groupby, quantile, rank)
    bench = _bench_module()
    path = shared_data / CBP / "cbp_state_naics_2017_2021.parquet"
    table = read_regional_table(path, source="cbp", levels=(6,), years=[2019])
    cmap = map_clusters(table, definitions)
    frame = bench.pandas_indicators(table, definitions)
    bench.check_identical(cmap, frame, bench.pandas_regions(frame))
