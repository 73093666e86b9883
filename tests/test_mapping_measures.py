"""map_clusters on the counts a table has: measures, adaptive strong rules, ECO stars, and
custom regions ranked against the base regions — hand-computed toy cases (made-up numbers).

The toy table: 4 regions × 2 traded clusters (codes A → c1, B → c2), one year. Counts::

           c1   c2
    R1     30   10
    R2     10   30
    R3     20   20
    R4      —   40      (R4 has no c1 row at all)

Nation: c1 60, c2 100, total 160. Both clusters are traded, so the US Cluster Mapping LQ
equals the plain one: c1 LQs (2, 2/3, 4/3, 0), c2 LQs (0.4, 1.2, 0.8, 1.6).
P75 of the c1 LQs (linear, h = 2.25) is 4/3 + 0.25 × 2/3 = 1.5; of the c2 LQs 1.2 + 0.25 × 0.4
= 1.3. P25 of c1 counts (0, 10, 20, 30) is 7.5; of c2 counts (10, 20, 30, 40) 17.5.
So R1 c1 (LQ 2, 30 > 7.5) and R4 c2 (LQ 1.6, 40 > 17.5) are strong on LQ and size.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import DataValidationError, DataWarning, InvalidParameterError
from grappe.indicators import strong_clusters
from grappe.mapping import map_clusters
from grappe.model import ClusterDefinitions, RegionalTable
from grappe.regions import RegionSet

COUNTS = {"R1": (30, 10), "R2": (10, 30), "R3": (20, 20), "R4": (None, 40)}
NAN = float("nan")


def table(*, employment=True, establishments=None, payroll=False):
    """The toy table; ``establishments`` maps (region, code) → count (absent: NaN column)."""
    rows = []
    for region, pair in COUNTS.items():
        for code, value in zip(("A", "B"), pair, strict=True):
            if value is None:
                continue
            est = NAN if establishments is None else establishments[(region, code)]
            rows.append(
                {
                    "region": region,
                    "industry": code,
                    "year": 2020,
                    "employment": float(value) if employment else NAN,
                    "establishments": est if employment else float(value),
                    "payroll": float(value) if payroll else NAN,
                    "withheld": False,
                }
            )
    return RegionalTable(pd.DataFrame(rows), region_type="nuts2", source="toy.csv")


def definitions(local=()):
    codes = [("A", "c1", "traded"), ("B", "c2", "traded"), *local]
    return ClusterDefinitions(
        pd.DataFrame(
            {
                "code": [c for c, _, _ in codes],
                "cluster": [k for _, k, _ in codes],
                "cluster_name": [k.upper() for _, k, _ in codes],
                "subcluster": None,
                "cluster_type": [t for _, _, t in codes],
            }
        ),
        name="toy",
    )


def strong_cells(cmap):
    ind = cmap.indicators
    return set(ind.loc[ind["strong"], ["region", "cluster"]].astype(str).itertuples(None, None))


def value(cmap, region, cluster, column):
    ind = cmap.indicators
    row = ind[(ind["region"] == region) & (ind["cluster"] == cluster)]
    assert len(row) == 1
    return row[column].iloc[0]


# --- strong clusters without establishments ------------------------------------------------


def test_table_without_establishments_uses_lq_and_employment():
    cmap = map_clusters(table(), definitions())
    assert value(cmap, "R1", "c1", "lq") == pytest.approx(2.0)
    assert value(cmap, "R4", "c2", "lq") == pytest.approx(1.6)
    assert strong_cells(cmap) == {("R1", "c1"), ("R4", "c2")}
    assert cmap.parameters["strong_criteria"] == ("lq", "employment")
    assert cmap.parameters["measure"] == "employment"
    # the count the table lacks is absent everywhere, the missing R4 c1 cell included
    assert cmap.indicators["establishments"].isna().all()
    assert cmap.indicators["establishments_pct"].isna().all()
    # the missing cell is 0 for the count the table has
    assert value(cmap, "R4", "c1", "employment") == 0.0
    assert cmap.regions.set_index("region")["strong_clusters"].to_dict() == {
        "R1": 1,
        "R2": 0,
        "R3": 0,
        "R4": 1,
    }


def test_establishments_criterion_when_the_table_has_them():
    # c2 establishments (1, 3, 2, 1): P25 = 1, so R4's single establishment is not above it;
    # c1 (3, 1, 2, and 0 in R4's missing cell — 0, not NaN): P25 = 0.75, R1's 3 passes
    est = {("R1", "A"): 3, ("R1", "B"): 1, ("R2", "A"): 1, ("R2", "B"): 3}
    est |= {("R3", "A"): 2, ("R3", "B"): 2, ("R4", "B"): 1}
    cmap = map_clusters(table(establishments=est), definitions())
    assert cmap.parameters["strong_criteria"] == ("lq", "employment", "establishments")
    assert value(cmap, "R4", "c1", "establishments") == 0.0
    assert strong_cells(cmap) == {("R1", "c1")}
    # unknown establishments for R4 c2 (NaN in its row): the criterion does not apply there
    cmap = map_clusters(table(establishments=est | {("R4", "B"): NAN}), definitions())
    assert np.isnan(value(cmap, "R4", "c2", "establishments"))
    assert strong_cells(cmap) == {("R1", "c1"), ("R4", "c2")}


def test_strong_kernel_with_and_without_establishments():
    lq = [[0.5], [1.0], [1.2], [1.5], [2.0]]
    emp = [[10], [5], [30], [8], [40]]
    # P75 of LQ 1.5; P25 of employment 8: only the last region (LQ 2, 40 jobs)
    assert strong_clusters(lq, emp)[:, 0].tolist() == [False] * 4 + [True]
    # five equal establishment counts: P25 = 1 and nobody is strictly above it
    est = [[1.0]] * 5
    assert not strong_clusters(lq, emp, establishments=est).any()
    # an unknown count is left out of the percentile and does not fail its own cell
    est_nan = [[1.0]] * 4 + [[NAN]]
    assert strong_clusters(lq, emp, establishments=est_nan)[:, 0].tolist() == [False] * 4 + [True]


# --- measure= -------------------------------------------------------------------------------


def test_measure_establishments_on_a_table_of_firm_counts():
    # the counts are establishments and employment is absent: the same LQs and strong cells
    cmap = map_clusters(table(employment=False), definitions(), measure="establishments")
    assert cmap.parameters["measure"] == "establishments"
    assert cmap.parameters["strong_criteria"] == ("lq", "establishments")
    assert value(cmap, "R1", "c1", "lq") == pytest.approx(2.0)
    assert value(cmap, "R1", "c1", "lq_total") == pytest.approx(2.0)
    assert value(cmap, "R1", "c1", "national_share") == pytest.approx(0.5)  # 30 / 60
    assert value(cmap, "R1", "c1", "focus") == pytest.approx(0.75)  # 30 / 40
    assert value(cmap, "R4", "c1", "establishments") == 0.0
    assert strong_cells(cmap) == {("R1", "c1"), ("R4", "c2")}
    # c2 establishments (10, 30, 20, 40): R2's 30 is above 10 and 20 → (1 + 2) / 4
    assert value(cmap, "R2", "c2", "establishments_pct") == pytest.approx(75.0)
    assert cmap.indicators["employment"].isna().all()
    # the regions table holds the measure's totals
    assert cmap.regions.set_index("region")["employment"]["R1"] == 40.0
    # nation and region counts keep their own columns
    assert cmap.national.set_index("cluster")["establishments"]["c1"] == 60.0


def test_measure_payroll_gives_the_same_lqs_on_the_same_counts():
    by_pay = map_clusters(table(payroll=True), definitions(), measure="payroll")
    by_emp = map_clusters(table(payroll=True), definitions())
    np.testing.assert_allclose(by_pay.indicators["lq"], by_emp.indicators["lq"])
    assert strong_cells(by_pay) == strong_cells(by_emp)
    assert by_pay.parameters["strong_criteria"] == ("lq", "payroll")


def test_measure_errors():
    with pytest.raises(InvalidParameterError, match="'measure' parameter of map_clusters"):
        map_clusters(table(), definitions(), measure="jobs")
    no_payroll = r"toy.csv.*has no payroll.*another count: measure='employment'"
    with pytest.raises(DataValidationError, match=no_payroll):
        map_clusters(table(), definitions(), measure="payroll")
    with pytest.raises(DataValidationError, match="has no employment.*'establishments'"):
        map_clusters(table(employment=False), definitions())
    with pytest.raises(DataValidationError, match="reference table has no establishments"):
        map_clusters(
            table(employment=False),
            definitions(),
            measure="establishments",
            reference=table(),
        )


# --- stars ----------------------------------------------------------------------------------


def star_table():
    """3 regions × traded t1, t2 and local loc, 100 jobs each.

    ::

              t1  t2  loc
        R1    10  10   80
        R2    50  10   40
        R3    10  40   50
    """
    rows = []
    for region, counts in {"R1": (10, 10, 80), "R2": (50, 10, 40), "R3": (10, 40, 50)}.items():
        for code, jobs in zip(("A", "B", "L"), counts, strict=True):
            rows.append((region, code, 2020, float(jobs), NAN, NAN, False))
    columns = ["region", "industry", "year", "employment", "establishments", "payroll"]
    return RegionalTable(pd.DataFrame(rows, columns=[*columns, "withheld"]))


def test_focus_star_ranks_traded_clusters_only():
    defs = definitions(local=[("L", "loc", "local")])
    cmap = map_clusters(star_table(), defs)
    # traded focus (.1, .1, .5, .1, .1, .4): P90 = .4 + .5 × .1 = .45 → R2 t1 only;
    # R2 t1 also has the size star (P90 of 10, 50, 10 is 42) and LQ (50/100)/(70/300) ≥ 2
    assert value(cmap, "R2", "c1", "stars") == 3
    # R3 t2: size (40 ≥ 34) and LQ .4 / .2 = 2; its focus .4 < .45
    assert value(cmap, "R3", "c2", "stars") == 2
    assert not cmap.indicators.loc[cmap.indicators["cluster"] == "loc", "stars"].any()
    assert cmap.parameters["star_local"] is False
    # with local clusters: the nine cells pooled, P90 = .5 + .2 × .3 = .56 → R1 loc's .8
    starred = map_clusters(star_table(), defs, star_local=True)
    assert bool(value(starred, "R1", "loc", "star_focus"))
    assert value(starred, "R1", "loc", "stars") == 2  # and size: 80 ≥ 50 + .8 × 30
    assert not bool(value(starred, "R2", "c1", "star_focus"))
    assert value(starred, "R2", "c1", "stars") == 2


def test_star_local_must_be_bool():
    with pytest.raises(InvalidParameterError, match="'star_local' parameter of map_clusters"):
        map_clusters(star_table(), definitions(), star_local="yes")


# --- custom regions -------------------------------------------------------------------------


def north():
    return RegionSet.from_mapping({"N": ["R1", "R3"]}, names={"N": "North"})


def test_custom_region_ranked_against_the_base_regions():
    cmap = map_clusters(table(), definitions(), regions=north())
    assert cmap.parameters["regions_ranking"] == "base"
    # N = R1 + R3: c1 50, c2 30 of 80; c1 LQ (50/80)/(60/160) = 5/3 ≥ the counties' P75 (1.5)
    # and 50 > their P25 (7.5): strong, as a region of the table would be
    assert value(cmap, "N", "c1", "lq") == pytest.approx(5 / 3)
    assert ("N", "c1") in strong_cells(cmap)
    # ranks among the base regions: c2 LQ .6 is above R1's .4 only → (1 + 1) / 4
    assert value(cmap, "N", "c2", "lq_pct") == pytest.approx(50.0)
    # c2 jobs 30: ties with R2, above 10 and 20 → the rank R2 has, (1 + 2) / 4
    assert value(cmap, "N", "c2", "employment_pct") == pytest.approx(75.0)
    assert value(cmap, "R2", "c2", "employment_pct") == pytest.approx(75.0)
    # above every base region → 100, not more
    assert value(cmap, "N", "c1", "employment_pct") == pytest.approx(100.0)
    # the base regions are unchanged by the custom region
    alone = map_clusters(table(), definitions())
    base = cmap.indicators[cmap.indicators["region"] != "N"].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        base.drop(columns=["region", "region_name", "region_type"]),
        alone.indicators.drop(columns=["region", "region_name", "region_type"]),
    )


def test_custom_region_ranked_among_itself_warns_and_loses_its_meaning():
    with pytest.warns(DataWarning, match="ranked among themselves.*compare 1 region only"):
        cmap = map_clusters(table(), definitions(), regions=north(), regions_ranking="own")
    # alone in its distribution, N's 50 jobs are its own P25: never strictly above it
    assert ("N", "c1") not in strong_cells(cmap)
    assert cmap.parameters["regions_ranking"] == "own"
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        map_clusters(table(), definitions(), regions=north())  # base ranking: no warning
    with pytest.raises(InvalidParameterError, match="'regions_ranking' parameter"):
        map_clusters(table(), definitions(), regions=north(), regions_ranking="self")


# --- properties -----------------------------------------------------------------------------

SAME = ["lq", "lq_total", "focus", "employment_pct", "lq_pct", "strong", "strong_90", "stars"]


@settings(max_examples=25, deadline=None)
@given(
    jobs=st.lists(st.lists(st.integers(0, 50), min_size=3, max_size=3), min_size=3, max_size=7),
    member=st.integers(0, 6),
)
def test_a_one_region_set_ranks_as_its_member(jobs, member):
    """Against the base regions, a custom region made of one region is that region."""
    member %= len(jobs)
    rows = [
        (f"R{r}", code, 2020, float(n), float(n > 0), NAN, False)
        for r, counts in enumerate(jobs)
        for code, n in zip(("A", "B", "L"), counts, strict=True)
    ]
    columns = ["region", "industry", "year", "employment", "establishments", "payroll"]
    data = RegionalTable(pd.DataFrame(rows, columns=[*columns, "withheld"]))
    defs = definitions(local=[("L", "loc", "local")])
    alias = RegionSet.from_mapping({"X": [f"R{member}"]})
    ind = map_clusters(data, defs, regions=alias).indicators
    got = ind[ind["region"] == "X"][SAME].reset_index(drop=True)
    want = ind[ind["region"] == f"R{member}"][SAME].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)
