"""The kernels side by side with the peer libraries they stand for (NumPy, SciPy, pandas)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from grappe.indicators import percentile_rank, percentile_threshold, strong_clusters

RNG = np.random.default_rng(42)


def _synthetic(shape=(40, 6, 3)):
    """Synthetic employment-like values with many zeros, ties and a few NaN."""
    values = np.floor(RNG.gamma(0.6, 30.0, size=shape))
    values[RNG.random(shape) < 0.05] = np.nan
    return values


def test_ranks_match_scipy_rankdata_min():
    x = _synthetic()
    ranks = stats.rankdata(x, method="min", axis=0, nan_policy="omit")
    expected = 100 * ranks / np.sum(~np.isnan(x), axis=0)
    np.testing.assert_allclose(percentile_rank(x), expected, rtol=1e-14)


def test_ranks_within_groups_match_pandas_groupby_rank():
    x = _synthetic((40, 1, 1))[:, 0, 0]
    groups = np.array(["county", "metro"] * 20)
    expected = pd.Series(x).groupby(groups).rank(method="min", pct=True) * 100
    got = percentile_rank(x[:, None], groups=groups)[:, 0]
    np.testing.assert_allclose(got, expected.to_numpy(), rtol=1e-14)


def test_thresholds_match_numpy_and_pandas_quantiles():
    x = _synthetic()
    for q in (10, 25, 50, 75, 90):
        got = percentile_threshold(x, q=q)
        np.testing.assert_array_equal(got[0], np.nanpercentile(x, q, axis=0))
        frame = pd.DataFrame(x[:, :, 0])
        np.testing.assert_allclose(got[0, :, 0], frame.quantile(q / 100).to_numpy())
    pooled = percentile_threshold(x, q=90, pooled=True)
    np.testing.assert_array_equal(pooled[0, 0], np.nanpercentile(x.reshape(-1, 3), 90, axis=0))


def test_strong_rules_match_a_pandas_transform():
    emp = np.nan_to_num(_synthetic((60, 4, 1)))[:, :, 0]
    lq = emp / emp.mean(axis=0)
    frame = pd.DataFrame({"lq": lq.ravel(), "emp": emp.ravel(), "c": np.tile(range(4), 60)})
    by = frame.groupby("c")
    expected = (
        (frame["lq"] >= by["lq"].transform(lambda s: s.quantile(0.75)))
        & (frame["lq"] >= 1)
        & (frame["emp"] > by["emp"].transform(lambda s: s.quantile(0.25)))
    )
    got = strong_clusters(lq, emp)
    np.testing.assert_array_equal(got.ravel(), expected.to_numpy())
