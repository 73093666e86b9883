"""Hand-computed toy cases for every indicator kernel.

The worked example (synthetic numbers, made up for the test): 3 regions A, B, C × 3 clusters
(c1, c2 traded; c3 local) × 2 years.

Employment, 2020::

          c1  c2  c3 | traded local total
    A     20  10  10 |   30     10    40
    B     10  30  20 |   40     20    60
    C     10  10  80 |   20     80   100
    nation 40 50 110 |   90    110   200

Employment, 2021: A (24, 10, 6), B (10, 36, 20), C (0, 12, 80).
Establishments, 2020: A (4, 2, 3), B (2, 6, 5), C (1, 3, 9).
Payroll, 2020: A (1000, 300, 200), B (400, 1500, 500), C (300, 400, 1600).

Every expected value below is worked out by hand in the comments next to it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from grappe.indicators import (
    aggregate_cube,
    average_wage,
    cagr,
    cluster_stars,
    cluster_strength,
    focus,
    group_totals,
    job_change,
    location_quotient,
    national_share,
    percentile_rank,
    percentile_threshold,
    strong_clusters,
)

EMP_2020 = np.array([[20.0, 10.0, 10.0], [10.0, 30.0, 20.0], [10.0, 10.0, 80.0]])
EMP_2021 = np.array([[24.0, 10.0, 6.0], [10.0, 36.0, 20.0], [0.0, 12.0, 80.0]])
EST_2020 = np.array([[4.0, 2.0, 3.0], [2.0, 6.0, 5.0], [1.0, 3.0, 9.0]])
PAY_2020 = np.array([[1000.0, 300.0, 200.0], [400.0, 1500.0, 500.0], [300.0, 400.0, 1600.0]])
TYPES = ["traded", "traded", "local"]
TOTAL_2020 = np.array([40.0, 60.0, 100.0])

# LQ, US Cluster Mapping convention: (E_rc / traded_r) / (N_c / N_traded), local likewise.
LQ_CMP_2020 = np.array(
    [
        [1.5, 0.6, 1.0],  # A: (20/30)/(40/90), (10/30)/(50/90), (10/10)/(110/110)
        [0.5625, 1.35, 1.0],  # B: (10/40)/(40/90), (30/40)/(50/90), (20/20)/1
        [1.125, 0.9, 1.0],  # C: (10/20)/(40/90), (10/20)/(50/90), (80/80)/1
    ]
)
# LQ, plain convention: (E_rc / T_r) / (N_c / 200).
LQ_TOTAL_2020 = np.array(
    [
        [2.5, 1.0, 0.25 / 0.55],  # A: 0.5/0.2, 0.25/0.25, 0.25/0.55
        [(1 / 6) / 0.2, 2.0, (1 / 3) / 0.55],  # B
        [0.5, 0.4, 0.8 / 0.55],  # C
    ]
)


def test_group_totals_gives_traded_and_local_employment():
    # A: traded 20 + 10 = 30, local 10; B: 40, 20; C: 20, 80
    expected = np.array([[30.0, 30.0, 10.0], [40.0, 40.0, 20.0], [20.0, 20.0, 80.0]])
    np.testing.assert_array_equal(group_totals(EMP_2020, groups=TYPES), expected)


def test_location_quotient_cmp_convention():
    base = group_totals(EMP_2020, groups=TYPES)
    np.testing.assert_allclose(location_quotient(EMP_2020, base), LQ_CMP_2020, rtol=1e-12)


def test_location_quotient_plain_convention():
    np.testing.assert_allclose(location_quotient(EMP_2020, TOTAL_2020), LQ_TOTAL_2020, rtol=1e-12)


def test_location_quotient_with_external_nation():
    # the nation doubles c1 (80 of 400 jobs): A,c1 = (20/40)/(80/400) = 2.5 (unchanged)
    # and c2 (N=50 of 400): A,c2 = 0.25/0.125 = 2
    lq = location_quotient(
        EMP_2020, TOTAL_2020, national=np.array([80.0, 50.0, 270.0]), national_base=400.0
    )
    assert lq[0, 0] == pytest.approx(2.5)
    assert lq[0, 1] == pytest.approx(2.0)


def test_location_quotient_zero_denominator_is_nan():
    # region 1 has no employment: its LQ is undefined, not 0
    lq = location_quotient(np.array([[5.0, 5.0], [0.0, 0.0]]), np.array([10.0, 0.0]))
    np.testing.assert_array_equal(lq[0], [1.0, 1.0])
    assert np.isnan(lq[1]).all()


def test_national_share():
    # c1: 20/40, 10/40, 10/40; c2: 10/50, 30/50, 10/50; c3: 10/110, 20/110, 80/110
    expected = np.array([[0.5, 0.2, 1 / 11], [0.25, 0.6, 2 / 11], [0.25, 0.2, 8 / 11]])
    np.testing.assert_allclose(national_share(EMP_2020), expected, rtol=1e-12)


def test_focus():
    # A: 20/40, 10/40, 10/40; B: 10/60, 30/60, 20/60; C: 10/100, 10/100, 80/100
    expected = np.array([[0.5, 0.25, 0.25], [1 / 6, 0.5, 1 / 3], [0.1, 0.1, 0.8]])
    np.testing.assert_allclose(focus(EMP_2020, TOTAL_2020), expected, rtol=1e-12)


def test_average_wage():
    # payroll / employment: A 1000/20, 300/10, 200/10 …
    expected = np.array([[50.0, 30.0, 20.0], [40.0, 50.0, 25.0], [30.0, 40.0, 20.0]])
    np.testing.assert_allclose(average_wage(PAY_2020, EMP_2020), expected)


def test_percentile_rank_ties_share_the_lowest_rank():
    # c1 employment (20, 10, 10): A is above 2 regions → (1 + 2) / 3 = 100; B and C tie
    # with nobody below them → (1 + 0) / 3 = 33.3
    # c1 LQ (1.5, 0.5625, 1.125): ranks 3, 1, 2 of 3
    np.testing.assert_allclose(percentile_rank(EMP_2020)[:, 0], [100, 100 / 3, 100 / 3])
    np.testing.assert_allclose(percentile_rank(LQ_CMP_2020)[:, 0], [100, 100 / 3, 200 / 3])


def test_percentile_threshold_linear_interpolation():
    # c1 LQ sorted (0.5625, 1.125, 1.5): 75th percentile at position 1.5 → 1.3125
    # c3 employment sorted (10, 20, 80): 25th percentile at position 0.5 → 15
    assert percentile_threshold(LQ_CMP_2020, q=75)[0, 0] == pytest.approx(1.3125)
    assert percentile_threshold(EMP_2020, q=25)[0, 2] == pytest.approx(15.0)
    # pooled: the 9 cells of the focus table, 90th percentile at position 7.2:
    # sorted (.1, .1, 1/6, .25, .25, 1/3, .5, .5, .8) → 0.5 + 0.2 × 0.3 = 0.56
    foc = focus(EMP_2020, TOTAL_2020)
    assert percentile_threshold(foc, q=90, pooled=True)[1, 1] == pytest.approx(0.56)


def test_strong_clusters_toy():
    # c1: P75(LQ) = 1.3125 → A (1.5); A's 20 jobs > P25 = 10 and 4 estab. > P25 = 1.5.
    # c2: P75 = 0.9 + 0.5 × 0.45 = 1.125 → B (1.35), 30 jobs > 10, 6 estab. > 2.5.
    # c3: every LQ is 1 = P75 ≥ 1; jobs > P25 = 15 leaves B (20) and C (80); estab. > 4 too.
    expected = np.array([[True, False, False], [False, True, True], [False, False, True]])
    got = strong_clusters(LQ_CMP_2020, EMP_2020, establishments=EST_2020)
    np.testing.assert_array_equal(got, expected)


def test_strong_90_variant_is_stricter():
    # five regions, one cluster; LQ sorted (0.8, 1.1, 1.4, 1.6, 3.0):
    # P75 at position 3 = 1.6, P90 at position 3.6 = 1.6 + 0.6 × 1.4 = 2.44
    lq = np.array([[1.1], [1.6], [0.8], [3.0], [1.4]])
    emp = np.array([[50.0], [60.0], [70.0], [80.0], [90.0]])  # P25 = 60
    est = np.array([[5.0], [6.0], [7.0], [8.0], [9.0]])  # P25 = 6
    s75 = strong_clusters(lq, emp, establishments=est)[:, 0]
    s90 = strong_clusters(lq, emp, establishments=est, lq_percentile=90)[:, 0]
    # region 1 (LQ 1.6) reaches P75 but its 60 jobs are not above P25 = 60
    np.testing.assert_array_equal(s75, [False, False, False, True, False])
    np.testing.assert_array_equal(s90, [False, False, False, True, False])
    emp2 = emp.copy()
    emp2[1] = 100.0  # region 1 now has 100 jobs, P25 becomes 70: it passes at P75 only
    s75 = strong_clusters(lq, emp2)[:, 0]
    s90 = strong_clusters(lq, emp2, lq_percentile=90)[:, 0]
    np.testing.assert_array_equal(s75, [False, True, False, True, False])
    np.testing.assert_array_equal(s90, [False, False, False, True, False])


def test_strong_clusters_min_lq_and_nan():
    # all LQs below 1: the top quartile is not enough; NaN is never strong
    lq = np.array([[0.5], [0.9], [np.nan]])
    emp = np.array([[10.0], [20.0], [0.0]])
    np.testing.assert_array_equal(strong_clusters(lq, emp)[:, 0], [False, False, False])


def test_cluster_strength_toy():
    # strong traded: A c1 (20 of 30 traded jobs), B c2 (30 of 40); C none (0 of 20)
    strong = strong_clusters(LQ_CMP_2020, EMP_2020, establishments=EST_2020)
    got = cluster_strength(EMP_2020, strong, traded=[True, True, False])
    np.testing.assert_allclose(got, [2 / 3, 0.75, 0.0])


def test_cluster_stars_toy():
    # size: P90 of c1 jobs (10, 10, 20) = 18 → A; c2 (10, 10, 30) = 26 → B;
    #       c3 (10, 20, 80) = 20 + 0.8 × 60 = 68 → C
    # specialisation: plain LQ ≥ 2 → A c1 (2.5) and B c2 (exactly 2.0)
    # focus (pooled): P90 = 0.56 → only C c3 (0.8)
    foc = focus(EMP_2020, TOTAL_2020)
    stars = cluster_stars(EMP_2020, LQ_TOTAL_2020, foc)
    eye = np.eye(3, dtype=bool)
    np.testing.assert_array_equal(stars.size, eye)
    np.testing.assert_array_equal(stars.specialisation, [[1, 0, 0], [0, 1, 0], [0, 0, 0]])
    np.testing.assert_array_equal(stars.focus, [[0, 0, 0], [0, 0, 0], [0, 0, 1]])
    np.testing.assert_array_equal(stars.count, [[2, 0, 0], [0, 2, 0], [0, 0, 2]])
    # focus ranked within each cluster: c1 focus (0.5, 1/6, 0.1) → P90 = 1/6 + 0.8 × 1/3
    # = 0.4333 → A; c2 (0.25, 0.5, 0.1) → P90 = 0.25 + 0.8 × 0.25 = 0.45 → B; c3 → C
    per_cluster = cluster_stars(EMP_2020, LQ_TOTAL_2020, foc, focus_scope="cluster")
    np.testing.assert_array_equal(per_cluster.focus, eye)


def test_stars_need_positive_employment():
    # 9 of 10 regions have no jobs: P90 is 0, yet empty regions get no size or focus star
    emp = np.zeros((10, 1))
    emp[0] = 5.0
    stars = cluster_stars(emp, np.zeros((10, 1)), emp / 10)
    np.testing.assert_array_equal(stars.size[:, 0], [True] + [False] * 9)
    np.testing.assert_array_equal(stars.focus[:, 0], [True] + [False] * 9)


def test_growth_toy():
    # A c1 20 → 24: +4 jobs, 20 % a year; A c3 10 → 6: −40 %; C c1 10 → 0: −100 %
    np.testing.assert_array_equal(job_change(EMP_2020, EMP_2021)[:, 0], [4.0, 0.0, -10.0])
    rate = cagr(EMP_2020, EMP_2021, periods=1)
    np.testing.assert_allclose(rate[0], [0.2, 0.0, -0.4])
    assert rate[2, 0] == pytest.approx(-1.0)
    # two periods: 100 → 121 is 10 % a year; from 0 the rate is undefined
    np.testing.assert_allclose(cagr([[100.0, 0.0]], [[121.0, 7.0]], periods=2), [[0.1, np.nan]])


def test_aggregate_cube_sums_rows():
    # rows (region, cluster, year, value): two rows fall in cell (0, 1, 1); cluster -1 is dropped
    got = aggregate_cube(
        [0, 0, 1, 1, 0],
        [1, 1, 0, -1, 0],
        [1, 1, 0, 0, 0],
        [5.0, 2.0, 3.0, 99.0, 1.0],
        shape=(2, 2, 2),
    )
    expected = np.zeros((2, 2, 2))
    expected[0, 1, 1] = 7.0
    expected[1, 0, 0] = 3.0
    expected[0, 0, 0] = 1.0
    np.testing.assert_array_equal(got, expected)


def test_year_axis_is_carried():
    # the 2020 and 2021 slices of a (3, 3, 2) cube give the per-year answers
    cube = np.stack([EMP_2020, EMP_2021], axis=2)
    totals = cube.sum(axis=1)
    lq = location_quotient(cube, totals)
    np.testing.assert_allclose(lq[..., 0], location_quotient(EMP_2020, TOTAL_2020))
    np.testing.assert_allclose(lq[..., 1], location_quotient(EMP_2021, EMP_2021.sum(axis=1)))


def test_dataframe_labels_are_kept():
    frame = pd.DataFrame(EMP_2020, index=["A", "B", "C"], columns=["c1", "c2", "c3"])
    lq = location_quotient(frame, pd.Series(TOTAL_2020, index=frame.index))
    assert isinstance(lq, pd.DataFrame)
    assert list(lq.index) == ["A", "B", "C"] and list(lq.columns) == ["c1", "c2", "c3"]
    assert lq.loc["A", "c1"] == pytest.approx(2.5)
    strength = cluster_strength(frame, frame > 15, traded=[True, True, False])
    assert isinstance(strength, pd.Series) and list(strength.index) == ["A", "B", "C"]
