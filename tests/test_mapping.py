"""map_clusters: hand-computed toy table, options, custom regions, reference nation, errors.

The toy table (synthetic numbers, made up for the test) is the worked example of
``tests/indicators/test_indicators_toy.py`` split into industries: 3 regions A, B, C ×
3 clusters (c1 = industries 111111 + 111112, c2 = 222221, both traded; c3 = 333331, local) ×
2 years. Employment::

                 2020            2021
          c1  c2  c3      c1  c2  c3
    A     20  10  10      24  10   6      (A's c1: 15 in 111111 + 5 in 111112 in 2020)
    B     10  30  20      10  36  20
    C     10  10  80       0  12  80
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.mapping import ClusterMap, map_clusters
from grappe.model import ClusterDefinitions, RegionalTable
from grappe.regions import RegionSet

EMP = {
    2020: {"A": (20, 10, 10), "B": (10, 30, 20), "C": (10, 10, 80)},
    2021: {"A": (24, 10, 6), "B": (10, 36, 20), "C": (0, 12, 80)},
}
EST_2020 = {"A": (4, 2, 3), "B": (2, 6, 5), "C": (1, 3, 9)}
PAY_2020 = {"A": (1000, 300, 200), "B": (400, 1500, 500), "C": (300, 400, 1600)}


def toy_rows(extra=()):
    rows = []
    for year, by_region in EMP.items():
        for region, (e1, e2, e3) in by_region.items():
            est = EST_2020[region] if year == 2020 else (1, 1, 1)
            pay = PAY_2020[region] if year == 2020 else (0, 0, 0)
            # c1 is split over two industries, 3/4 and 1/4
            rows.append((region, "111111", year, e1 * 0.75, est[0] - 1, pay[0] * 0.75))
            rows.append((region, "111112", year, e1 * 0.25, 1, pay[0] * 0.25))
            rows.append((region, "222221", year, e2, est[1], pay[1]))
            rows.append((region, "333331", year, e3, est[2], pay[2]))
    rows += list(extra)
    frame = pd.DataFrame(
        rows,
        columns=["region", "industry", "year", "employment", "establishments", "payroll"],
    )
    frame["year"] = frame["year"].astype("int16")
    for col in ("employment", "establishments", "payroll"):
        frame[col] = frame[col].astype(float)
    frame["withheld"] = False
    return frame


def toy_table(extra=(), **kwargs):
    kwargs.setdefault("classification", "naics2017")
    kwargs.setdefault("region_type", "state")
    kwargs.setdefault("region_names", {"A": "Alpha", "B": "Beta", "C": "Gamma"})
    return RegionalTable(toy_rows(extra), **kwargs)


def toy_definitions(extra=()):
    rows = [
        ("111111", "1", "Farming", None, "traded"),
        ("111112", "1", "Farming", None, "traded"),
        ("222221", "2", "Mining", None, "traded"),
        ("333331", "101", "Local services", None, "local"),
        *extra,
    ]
    frame = pd.DataFrame(
        rows, columns=["code", "cluster", "cluster_name", "subcluster", "cluster_type"]
    )
    return ClusterDefinitions(frame, name="toy", classification="naics2017")


def cell(cmap, region, cluster, year, column):
    ind = cmap.indicators
    row = ind[(ind["region"] == region) & (ind["cluster"] == cluster) & (ind["year"] == year)]
    assert len(row) == 1
    return row[column].iloc[0]


@pytest.fixture(scope="module")
def toy_map():
    return map_clusters(toy_table(), toy_definitions())


def test_one_row_per_region_cluster_year(toy_map):
    ind = toy_map.indicators
    assert len(ind) == 3 * 3 * 2
    assert list(ind.columns[:7]) == [
        "region",
        "region_name",
        "region_type",
        "cluster",
        "cluster_name",
        "cluster_type",
        "year",
    ]
    assert not ind.duplicated(["region", "cluster", "year"]).any()
    assert cell(toy_map, "A", "1", 2020, "region_name") == "Alpha"
    assert cell(toy_map, "A", "101", 2020, "cluster_type") == "local"


def test_counts_are_summed_over_industries(toy_map):
    assert cell(toy_map, "A", "1", 2020, "employment") == 20.0  # 15 + 5
    assert cell(toy_map, "A", "1", 2020, "establishments") == 4.0  # 3 + 1
    assert cell(toy_map, "A", "1", 2020, "payroll") == 1000.0
    assert cell(toy_map, "A", "1", 2020, "avg_wage") == pytest.approx(50.0)  # 1000 / 20


@pytest.mark.parametrize(
    ("region", "cluster", "lq", "lq_total", "share", "foc"),
    [
        # lq = (E / traded or local) / (N / N traded or local); lq_total over total jobs
        ("A", "1", 1.5, 2.5, 0.5, 0.5),  # (20/30)/(40/90); (20/40)/(40/200); 20/40; 20/40
        ("B", "2", 1.35, 2.0, 0.6, 0.5),  # (30/40)/(50/90); (30/60)/(50/200); 30/50; 30/60
        ("C", "1", 1.125, 0.5, 0.25, 0.1),  # (10/20)/(40/90); (10/100)/(40/200); 10/40; .1
        ("C", "101", 1.0, 0.8 / 0.55, 8 / 11, 0.8),  # one local cluster: LQ 1; 80/110
    ],
)
def test_specialisation_2020(toy_map, region, cluster, lq, lq_total, share, foc):
    assert cell(toy_map, region, cluster, 2020, "lq") == pytest.approx(lq)
    assert cell(toy_map, region, cluster, 2020, "lq_total") == pytest.approx(lq_total)
    assert cell(toy_map, region, cluster, 2020, "national_share") == pytest.approx(share)
    assert cell(toy_map, region, cluster, 2020, "focus") == pytest.approx(foc)


def test_strong_clusters_and_stars_2020(toy_map):
    # worked out in tests/indicators/test_indicators_toy.py: strong A c1, B c2 (traded), and
    # B c3, C c3 (local, flagged only with strong_local=True). Stars (European Cluster
    # Observatory): local clusters get none and the focus star is ranked among the traded
    # clusters, whose 2020 focus is (.5, .25, 1/6, .5, .1, .1): P90 = .5, so A c1 and B c2 get
    # it on top of size + specialisation. With star_local=True every cluster is ranked (the
    # focus P90 of all nine cells is .5 + .2 * .3 = .56: C c3's .8 only): A c1 and B c2 size +
    # specialisation, C c3 size + focus
    def strong_cells(cmap):
        ind = cmap.indicators[cmap.indicators["year"] == 2020]
        cells = ind.loc[ind["strong"], ["region", "cluster"]].astype(str)
        return set(cells.itertuples(index=False, name=None))

    assert strong_cells(toy_map) == {("A", "1"), ("B", "2")}
    with_local = map_clusters(toy_table(), toy_definitions(), strong_local=True)
    assert strong_cells(with_local) == {("A", "1"), ("B", "2"), ("B", "101"), ("C", "101")}
    ind = toy_map.indicators[toy_map.indicators["year"] == 2020]
    stars = ind.set_index(["region", "cluster"])["stars"].astype(int)
    assert stars[("A", "1")] == 3 and stars[("B", "2")] == 3
    assert stars.sum() == 6
    assert not ind.loc[ind["cluster_type"] == "local", "stars"].any()
    star_local = map_clusters(toy_table(), toy_definitions(), star_local=True)
    ind = star_local.indicators[star_local.indicators["year"] == 2020]
    stars = ind.set_index(["region", "cluster"])["stars"].astype(int)
    assert stars[("A", "1")] == 2 and stars[("B", "2")] == 2 and stars[("C", "101")] == 2
    assert stars.sum() == 6
    assert bool(cell(star_local, "C", "101", 2020, "star_focus"))


def test_percentile_ranks_2020(toy_map):
    # c1 jobs (20, 10, 10): A ranks 100, B and C share the lowest rank 100/3
    assert cell(toy_map, "A", "1", 2020, "employment_pct") == pytest.approx(100.0)
    assert cell(toy_map, "B", "1", 2020, "employment_pct") == pytest.approx(100 / 3)
    # c1 LQ (1.5, 0.5625, 1.125): C is second
    assert cell(toy_map, "C", "1", 2020, "lq_pct") == pytest.approx(200 / 3)


def test_regions_table(toy_map):
    reg = toy_map.regions.set_index(["region", "year"])
    assert len(reg) == 6
    assert reg.loc[("A", 2020), "employment"] == 40.0
    assert reg.loc[("A", 2020), "traded_employment"] == 30.0
    assert reg.loc[("A", 2020), "local_employment"] == 10.0
    assert reg.loc[("A", 2020), "strong_clusters"] == 1  # c1; local clusters not counted
    # share of traded jobs in strong traded clusters: A 20/30, B 30/40, C 0/20
    assert reg.loc[("A", 2020), "cluster_strength"] == pytest.approx(2 / 3)
    assert reg.loc[("B", 2020), "cluster_strength"] == pytest.approx(0.75)
    assert reg.loc[("C", 2020), "cluster_strength"] == 0.0


def test_national_table(toy_map):
    nat = toy_map.national.set_index(["cluster", "year"])
    assert nat.loc[("1", 2020), "employment"] == 40.0
    assert nat.loc[("101", 2021), "employment"] == 106.0  # 6 + 20 + 80


def test_growth(toy_map):
    # A c1 20 → 24 (+4, +20 %); A c3 10 → 6 (−40 %); C c1 10 → 0 (−100 %)
    growth = toy_map.growth(2020, 2021).set_index(["region", "cluster"])
    assert len(growth) == 9
    assert growth.loc[("A", "1"), "job_change"] == 4.0
    assert growth.loc[("A", "1"), "cagr"] == pytest.approx(0.2)
    assert growth.loc[("A", "101"), "cagr"] == pytest.approx(-0.4)
    assert growth.loc[("C", "1"), "cagr"] == pytest.approx(-1.0)
    assert growth.loc[("C", "1"), "employment_start"] == 10.0
    assert set(growth["start"]) == {2020} and set(growth["end"]) == {2021}


def test_growth_errors(toy_map):
    with pytest.raises(InvalidParameterError, match="'start' parameter of ClusterMap.growth"):
        toy_map.growth(2019, 2021)
    with pytest.raises(InvalidParameterError, match="'end' parameter of ClusterMap.growth"):
        toy_map.growth(2021, 2020)


def test_years_option(toy_map):
    only = map_clusters(toy_table(), toy_definitions(), years=[2021])
    assert set(only.indicators["year"]) == {2021}
    assert only.years == (2021,)
    # each year is computed on its own: the 2021 rows are those of the two-year map
    both = toy_map.indicators[toy_map.indicators["year"] == 2021].reset_index(drop=True)
    pd.testing.assert_frame_equal(only.indicators, both)


def test_uncovered_codes_count_in_the_total_only():
    # 10 jobs of A in an industry no cluster covers: A's total is 50, not 40
    extra = [("A", "999999", 2020, 10.0, 1.0, 0.0), ("A", "999999", 2021, 10.0, 1.0, 0.0)]
    cmap = map_clusters(toy_table(extra), toy_definitions())
    assert cell(cmap, "A", "1", 2020, "employment") == 20.0
    assert cell(cmap, "A", "1", 2020, "focus") == pytest.approx(20 / 50)
    # plain LQ: (20/50) / (40/210)
    assert cell(cmap, "A", "1", 2020, "lq_total") == pytest.approx((20 / 50) / (40 / 210))
    # the traded base is unchanged, so is the US Cluster Mapping LQ
    assert cell(cmap, "A", "1", 2020, "lq") == pytest.approx(1.5)


def test_total_row_is_used_when_present():
    # an all-industries row "00" of 100 jobs for every region-year; the sector row "11" at
    # another level is ignored
    extra = [(r, "00", y, 100.0, 9.0, 0.0) for r in "ABC" for y in (2020, 2021)]
    extra += [("A", "11", 2020, 40.0, 1.0, 0.0)]
    cmap = map_clusters(toy_table(extra), toy_definitions())
    assert cell(cmap, "A", "1", 2020, "focus") == pytest.approx(0.2)
    assert cell(cmap, "A", "1", 2020, "employment") == 20.0
    summed = map_clusters(toy_table(extra), toy_definitions(), total="sum")
    assert cell(summed, "A", "1", 2020, "focus") == pytest.approx(0.5)


def test_lq_convention_total():
    cmap = map_clusters(toy_table(), toy_definitions(), lq_convention="total")
    assert cell(cmap, "A", "1", 2020, "lq") == pytest.approx(2.5)
    assert cmap.lq_convention == "total"


def test_definition_prefixes_cover_descendants():
    # a 4-digit definitions code covers the table's 6-digit codes below it
    frame = pd.DataFrame(
        [("1111", "1", "Farming", None, "traded"), ("2222", "2", "Mining", None, "traded")],
        columns=["code", "cluster", "cluster_name", "subcluster", "cluster_type"],
    )
    cmap = map_clusters(toy_table(), ClusterDefinitions(frame, classification="naics2017"))
    assert cell(cmap, "A", "1", 2020, "employment") == 20.0
    assert cell(cmap, "C", "2", 2020, "employment") == 10.0


def test_reference_nation():
    # the nation is a reference table with twice the toy counts plus region D (c1: 40 jobs)
    ref_rows = toy_rows([("D", "111111", y, 40.0, 3.0, 0.0) for y in (2020, 2021)])
    ref = RegionalTable(ref_rows, classification="naics2017", region_type="state")
    cmap = map_clusters(toy_table(), toy_definitions(), reference=ref)
    # national c1 2020 = 40 + 40 = 80 jobs of 130 traded: A's LQ = (20/30)/(80/130)
    assert cell(cmap, "A", "1", 2020, "lq") == pytest.approx((20 / 30) / (80 / 130))
    assert cell(cmap, "A", "1", 2020, "national_share") == pytest.approx(0.25)
    assert cmap.national.set_index(["cluster", "year"]).loc[("1", 2020), "employment"] == 80
    # the mapped regions are still the table's
    assert set(cmap.indicators["region"]) == {"A", "B", "C"}


def test_custom_regions_are_sums_ranked_apart_and_not_double_counted(toy_map):
    north = RegionSet.from_mapping({"AB": ["A", "B"]}, names={"AB": "North"}, region_type="custom")
    cmap = map_clusters(toy_table(), toy_definitions(), regions=north)
    assert cell(cmap, "AB", "1", 2020, "employment") == 30.0  # 20 + 10
    assert cell(cmap, "AB", "1", 2020, "region_name") == "North"
    assert cell(cmap, "AB", "1", 2020, "region_type") == "custom"
    # LQ of the sum against the unchanged nation: (30/70)/(40/90)
    assert cell(cmap, "AB", "1", 2020, "lq") == pytest.approx((30 / 70) / (40 / 90))
    # ranked against the three states (regions_ranking="base"): its 30 jobs exceed them all,
    # so it ranks 100, and it never shifts the states' ranks
    assert cell(cmap, "AB", "1", 2020, "employment_pct") == 100.0
    base = cmap.indicators[cmap.indicators["region"] != "AB"].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        base.drop(columns=["region", "region_name", "region_type"]),
        toy_map.indicators.drop(columns=["region", "region_name", "region_type"]),
    )
    pd.testing.assert_frame_equal(cmap.national, toy_map.national)


def test_custom_regions_match_aggregate_regions():
    from grappe.regions import aggregate_regions

    sets = RegionSet.from_mapping({"AB": ["A", "B"], "BC": ["B", "C"]}, overlap="allow")
    cmap = map_clusters(toy_table(), toy_definitions(), regions=[sets])
    summed = aggregate_regions(toy_table(), sets)
    direct = map_clusters(summed, toy_definitions(), reference=toy_table())
    cols = ["region", "cluster", "year", "employment", "establishments", "payroll", "lq"]
    got = cmap.indicators[cmap.indicators["region_type"] == "custom"][cols]
    np.testing.assert_allclose(
        got[cols[3:]].to_numpy(), direct.indicators[cols[3:]].to_numpy(), rtol=1e-12
    )


def test_custom_region_errors():
    unknown = RegionSet.from_mapping({"AZ": ["A", "Z"]})
    with pytest.raises(DataValidationError, match=r"members \['Z'\] of region 'AZ'"):
        map_clusters(toy_table(), toy_definitions(), regions=unknown)
    clash = RegionSet.from_mapping({"A": ["B", "C"]})
    with pytest.raises(DataValidationError, match="region code 'A' .* already used"):
        map_clusters(toy_table(), toy_definitions(), regions=clash)
    with pytest.raises(InvalidParameterError, match="'regions' parameter of map_clusters"):
        map_clusters(toy_table(), toy_definitions(), regions={"AB": ["A", "B"]})


def test_mixed_levels_raise():
    # definitions covering both 111111 and its ancestor 1111 would count A's jobs twice
    extra_rows = [(r, "1111", y, 5.0, 1.0, 0.0) for r in "ABC" for y in (2020, 2021)]
    defs = toy_definitions([("1111", "1", "Farming", None, "traded")])
    with pytest.raises(DataValidationError, match="'1111' contains '111111'"):
        map_clusters(toy_table(extra_rows), defs)


def test_data_errors():
    other = pd.DataFrame(
        [("999", "9", "X", None, "traded")],
        columns=["code", "cluster", "cluster_name", "subcluster", "cluster_type"],
    )
    with pytest.raises(DataValidationError, match="no industry code of the table is covered"):
        map_clusters(toy_table(), ClusterDefinitions(other, classification="naics2017"))
    rows = toy_rows()
    rows.loc[3, "employment"] = -1.0
    with pytest.raises(DataValidationError, match="negative employment"):
        map_clusters(RegionalTable(rows, classification="naics2017"), toy_definitions())
    with pytest.raises(DataValidationError, match="total='row' needs the all-industries rows"):
        map_clusters(toy_table(), toy_definitions(), total="row")
    partial = [("A", "00", 2020, 100.0, 9.0, 0.0)]
    with pytest.raises(DataValidationError, match="has no all-industries row for"):
        map_clusters(toy_table(partial), toy_definitions())


def test_parameter_errors():
    table, defs = toy_table(), toy_definitions()
    with pytest.raises(InvalidParameterError, match="'table' parameter of map_clusters"):
        map_clusters(toy_rows(), defs)
    with pytest.raises(InvalidParameterError, match="'definitions' parameter of map_clusters"):
        map_clusters(table, {"111111": "1"})
    with pytest.raises(InvalidParameterError, match="'reference' parameter of map_clusters"):
        map_clusters(table, defs, reference="national.csv")
    with pytest.raises(InvalidParameterError, match="'lq_convention' parameter"):
        map_clusters(table, defs, lq_convention="eco")
    with pytest.raises(InvalidParameterError, match="'total' parameter of map_clusters"):
        map_clusters(table, defs, total="00")
    with pytest.raises(InvalidParameterError, match="'strong_percentile' parameter"):
        map_clusters(table, defs, strong_percentile=120)
    with pytest.raises(InvalidParameterError, match="'strong_local' parameter"):
        map_clusters(table, defs, strong_local="yes")
    with pytest.raises(InvalidParameterError, match="'star_size_top' parameter"):
        map_clusters(table, defs, star_size_top=0)
    with pytest.raises(InvalidParameterError, match="'star_min_lq' parameter"):
        map_clusters(table, defs, star_min_lq=-1)
    with pytest.raises(InvalidParameterError, match="'star_focus_scope' parameter"):
        map_clusters(table, defs, star_focus_scope="region")
    with pytest.raises(InvalidParameterError, match=r"'years' parameter .* Got \[2030\]"):
        map_clusters(table, defs, years=[2030])
    with pytest.raises(InvalidParameterError, match="'years' parameter"):
        map_clusters(table, defs, years=["soon"])
    short = RegionalTable(toy_rows()[lambda d: d["year"] == 2020], classification="naics2017")
    with pytest.raises(InvalidParameterError, match=r"'reference' .* without \[2021\]"):
        map_clusters(table, defs, reference=short)
    nace = ClusterDefinitions(defs.data, classification="nace2")
    with pytest.raises(InvalidParameterError, match="classification of the table"):
        map_clusters(table, nace)


def test_cluster_map_is_frozen(toy_map):
    assert isinstance(toy_map, ClusterMap)
    with pytest.raises(AttributeError):
        toy_map.indicators = None


# --- properties -------------------------------------------------------------------------


@st.composite
def random_tables(draw):
    """Synthetic tables: up to 6 regions × 4 industries × 2 years of integer counts."""
    n_r = draw(st.integers(2, 6))
    counts = draw(st.lists(st.integers(0, 500), min_size=n_r * 4 * 2, max_size=n_r * 4 * 2))
    rows, k = [], 0
    for r in range(n_r):
        for code in ("111111", "111112", "222221", "333331"):
            for year in (2020, 2021):
                rows.append((f"R{r}", code, year, float(counts[k]), 1.0 + counts[k] % 7, 0.0))
                k += 1
    frame = pd.DataFrame(
        rows, columns=["region", "industry", "year", "employment", "establishments", "payroll"]
    )
    frame["year"] = frame["year"].astype("int16")
    frame["withheld"] = False
    return frame


PROPERTY = settings(max_examples=20, deadline=None)
KEY = ["region", "cluster", "year"]


@PROPERTY
@given(random_tables(), st.randoms(use_true_random=False))
def test_shuffling_rows_changes_nothing(rows, rnd):
    order = list(range(len(rows)))
    rnd.shuffle(order)
    shuffled = rows.iloc[order].reset_index(drop=True)
    a = map_clusters(RegionalTable(rows, classification="naics2017"), toy_definitions())
    b = map_clusters(RegionalTable(shuffled, classification="naics2017"), toy_definitions())
    pd.testing.assert_frame_equal(a.indicators, b.indicators)


@PROPERTY
@given(random_tables())
def test_national_shares_sum_to_one_and_nation_lq_is_one(rows):
    cmap = map_clusters(RegionalTable(rows, classification="naics2017"), toy_definitions())
    ind = cmap.indicators
    sums = ind.groupby(["cluster", "year"], observed=True)["national_share"].sum(min_count=1)
    np.testing.assert_allclose(sums.dropna(), 1.0)
    # focus sums to 1 when every code is covered
    focus = ind.groupby(["region", "year"], observed=True)["focus"].sum(min_count=1)
    np.testing.assert_allclose(focus.dropna(), 1.0)
    # the nation as one region
    nation = rows.assign(region="US")
    whole = map_clusters(RegionalTable(nation, classification="naics2017"), toy_definitions())
    lq = whole.indicators[["lq", "lq_total"]].to_numpy()
    np.testing.assert_allclose(lq[~np.isnan(lq)], 1.0)


@PROPERTY
@given(random_tables(), st.integers(-2, 5))
def test_scaling_counts_keeps_lq_focus_ranks(rows, power):
    k = 2.0**power
    scaled = rows.assign(employment=rows["employment"] * k)
    a = map_clusters(RegionalTable(rows, classification="naics2017"), toy_definitions())
    b = map_clusters(RegionalTable(scaled, classification="naics2017"), toy_definitions())
    for col in ("lq", "lq_total", "focus", "national_share", "employment_pct", "lq_pct"):
        np.testing.assert_array_equal(a.indicators[col], b.indicators[col])
    np.testing.assert_array_equal(a.indicators["strong"], b.indicators["strong"])


@PROPERTY
@given(random_tables(), st.randoms(use_true_random=False))
def test_permuting_region_codes_permutes_results(rows, rnd):
    # give the regions new codes in a shuffled order: each region keeps its indicators
    codes = sorted(rows["region"].unique())
    shuffled = codes[:]
    rnd.shuffle(shuffled)
    rename = dict(zip(codes, shuffled, strict=True))
    renamed = rows.assign(region=rows["region"].map(rename))
    a = map_clusters(RegionalTable(rows, classification="naics2017"), toy_definitions())
    b = map_clusters(RegionalTable(renamed, classification="naics2017"), toy_definitions())
    left = a.indicators.assign(region=a.indicators["region"].astype(str).map(rename))
    left = left.set_index(KEY).sort_index()
    right = b.indicators.assign(region=b.indicators["region"].astype(str)).set_index(KEY)
    right = right.sort_index()
    cols = [c for c in left.columns if c not in ("region_name", "region_type")]
    pd.testing.assert_frame_equal(left[cols], right[cols], check_categorical=False)
