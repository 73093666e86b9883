"""Invariants of the indicator kernels, checked with hypothesis on random (synthetic) cubes."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from grappe.indicators import (
    cluster_stars,
    focus,
    group_totals,
    location_quotient,
    national_share,
    percentile_rank,
    strong_clusters,
)

SETTINGS = settings(max_examples=60, deadline=None)


@st.composite
def cubes(draw, min_regions=1):
    """Non-negative integer-valued employment cubes (regions × clusters × years)."""
    n_r = draw(st.integers(min_regions, 8))
    n_c = draw(st.integers(1, 5))
    n_t = draw(st.integers(1, 3))
    values = st.integers(0, 10_000).map(float)
    return draw(arrays(np.float64, (n_r, n_c, n_t), elements=values))


def _types(n_c):
    return ["traded" if c % 3 else "local" for c in range(n_c)]


@SETTINGS
@given(cubes())
def test_national_shares_sum_to_one(emp):
    shares = national_share(emp)
    present = emp.sum(axis=0) > 0
    np.testing.assert_allclose(shares.sum(axis=0)[present], 1.0)
    assert np.isnan(shares[:, ~present]).all()


@SETTINGS
@given(cubes())
def test_focus_sums_to_one_when_all_codes_covered(emp):
    total = emp.sum(axis=1)
    sums = focus(emp, total).sum(axis=1)
    np.testing.assert_allclose(sums[total > 0], 1.0)


@SETTINGS
@given(cubes())
def test_lq_of_the_nation_is_one(emp):
    nation = emp.sum(axis=0, keepdims=True)  # one region holding everything
    for base in (nation.sum(axis=1), group_totals(nation, groups=_types(emp.shape[1]))):
        lq = location_quotient(nation, base)
        finite = ~np.isnan(lq)
        np.testing.assert_allclose(lq[finite], 1.0)
        # NaN only where the nation has no employment in the cluster
        assert (nation[~finite] == 0).all()


@SETTINGS
@given(cubes(min_regions=2), st.randoms(use_true_random=False))
def test_permuting_regions_permutes_results(emp, rnd):
    perm = np.array(rnd.sample(range(emp.shape[0]), emp.shape[0]))
    total = emp.sum(axis=1)
    lq = location_quotient(emp, total)
    lq_p = location_quotient(emp[perm], total[perm])
    np.testing.assert_allclose(lq_p, lq[perm], equal_nan=True)
    np.testing.assert_array_equal(percentile_rank(emp[perm]), percentile_rank(emp)[perm])
    np.testing.assert_array_equal(strong_clusters(lq_p, emp[perm]), strong_clusters(lq, emp)[perm])
    foc = focus(emp, total)
    stars = cluster_stars(emp, lq, foc)
    stars_p = cluster_stars(emp[perm], lq_p, foc[perm])
    np.testing.assert_array_equal(stars_p.count, stars.count[perm])


@SETTINGS
@given(cubes(), st.integers(-3, 6))
def test_scaling_all_counts_changes_nothing(emp, power):
    # a power of two scales exactly in floating point, so ties stay ties
    k = 2.0**power
    types = _types(emp.shape[1])
    lq = location_quotient(emp, group_totals(emp, groups=types))
    lq_k = location_quotient(emp * k, group_totals(emp * k, groups=types))
    np.testing.assert_array_equal(lq_k, lq)
    total = emp.sum(axis=1)
    np.testing.assert_array_equal(focus(emp * k, total * k), focus(emp, total))
    np.testing.assert_array_equal(percentile_rank(emp * k), percentile_rank(emp))
    np.testing.assert_array_equal(strong_clusters(lq_k, emp * k), strong_clusters(lq, emp))


@SETTINGS
@given(cubes())
def test_percentile_ranks_order_like_the_values(emp):
    ranks = percentile_rank(emp)
    assert ((ranks > 0) & (ranks <= 100)).all()
    # the smallest value ranks 100/n; ranks order regions exactly as their values do
    np.testing.assert_allclose(ranks.min(axis=0), 100.0 / emp.shape[0])
    for i in range(emp.shape[0]):
        for j in range(emp.shape[0]):
            assert ((emp[i] < emp[j]) == (ranks[i] < ranks[j])).all()
            assert ((emp[i] == emp[j]) == (ranks[i] == ranks[j])).all()


@SETTINGS
@given(cubes(), st.floats(50, 99))
def test_strong_flags_respect_their_rules(emp, q):
    lq = location_quotient(emp, emp.sum(axis=1))
    strong = strong_clusters(lq, emp, lq_percentile=q)
    assert (lq[strong] >= 1).all()
    assert (emp[strong] > 0).all()
    # raising the percentile can only remove strong clusters
    stricter = strong_clusters(lq, emp, lq_percentile=min(q + 1, 100))
    assert not (stricter & ~strong).any()
