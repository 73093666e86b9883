"""Duranton–Overman K-density: toy cases, a direct O(n²) implementation, bands, properties.

All point patterns here are synthetic (generated with fixed seeds).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial.distance import pdist

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.spatial import kdensity, kdensity_by_activity, points_from_frame, summary
from grappe.spatial.kdensity import global_bands, silverman_bandwidth
from grappe.spatial.points import EARTH_RADIUS_M


def phi(z):
    return np.exp(-0.5 * z * z) / np.sqrt(2 * np.pi)


def direct_kdensity(d, w, grid, h):
    """Direct O(n²) kernel sum with reflection at zero (the definition, no binning)."""
    return (w[None, :] * (phi((grid[:, None] - d) / h) + phi((grid[:, None] + d) / h))).sum(1) / (
        h * w.sum()
    )


def direct_silverman(d):
    iqr = np.subtract(*np.percentile(d, [75, 25]))
    return 0.9 * min(d.std(), iqr / 1.34) * len(d) ** -0.2


def synthetic(n=300, share=0.3, seed=0, side=50_000.0):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, side, (n, 2))
    act = np.where(rng.random(n) < share, "a", "b")
    w = rng.integers(1, 60, n).astype(float)
    f = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "naf": act, "emp": w})
    return points_from_frame(f, x="x", y="y", crs="EPSG:2154", activity="naf", weight="emp")


def test_two_points_hand_computed():
    # two establishments 1 km apart, one other site; K is two reflected Gaussians
    f = pd.DataFrame({"x": [0.0, 1000.0, 5000.0], "y": [0.0, 0.0, 0.0], "a": ["s", "s", "o"]})
    p = points_from_frame(f, x="x", y="y", crs="EPSG:2154", activity="a")
    r = kdensity(
        p,
        "s",
        bandwidth=100.0,
        max_distance=2000.0,
        n_grid=21,
        n_simulations=5,
        seed=0,
        scheduler="sync",
    )
    d = r.curves["distance"].to_numpy()
    expected = (phi((d - 1000) / 100) + phi((d + 1000) / 100)) / 100
    np.testing.assert_allclose(r.curves["kdensity"], expected, atol=2e-3 * expected.max())
    assert r.curves["kdensity"].to_numpy().argmax() == 10  # the peak at 1,000 m


@pytest.mark.parametrize("weighted", [False, True])
def test_equals_direct_implementation_planar(weighted):
    p = synthetic()
    r = kdensity(p, "a", weighted=weighted, n_simulations=3, seed=1, scheduler="sync")
    sel = p.mask("a")
    xy = p.data[["x", "y"]].to_numpy()[sel]
    emp = p.data["emp" if False else "weight"].to_numpy()[sel]
    d = pdist(xy)
    w = pdist(emp[:, None], lambda u, v: u[0] * v[0]) if weighted else np.ones_like(d)
    grid = r.curves["distance"].to_numpy()
    expected = direct_kdensity(d, w, grid, r.bandwidth)
    # linear binning at h/10: error bounded by 0.2 % of the peak (measured ~1e-4)
    np.testing.assert_allclose(r.curves["kdensity"], expected, atol=2e-3 * expected.max())
    assert r.bandwidth == pytest.approx(direct_silverman(d), rel=5e-3)


def test_equals_direct_implementation_great_circle():
    from sklearn.metrics.pairwise import haversine_distances

    rng = np.random.default_rng(4)
    n = 200
    f = pd.DataFrame(
        {
            "lon": rng.uniform(6, 7.5, n),
            "lat": rng.uniform(35.5, 36.8, n),
            "a": np.where(rng.random(n) < 0.4, "s", "o"),
        }
    )
    p = points_from_frame(f, crs="EPSG:4326", activity="a")
    r = kdensity(p, "s", n_simulations=2, seed=0, scheduler="sync")
    sel = (f["a"] == "s").to_numpy()
    dm = haversine_distances(np.radians(f[["lat", "lon"]].to_numpy()[sel])) * EARTH_RADIUS_M
    d = dm[np.triu_indices(sel.sum(), 1)]
    expected = direct_kdensity(d, np.ones_like(d), r.curves["distance"].to_numpy(), r.bandwidth)
    np.testing.assert_allclose(r.curves["kdensity"], expected, atol=2e-3 * expected.max())


def test_density_integrates_to_one():
    p = synthetic(n=120)
    r = kdensity(
        p, "a", max_distance=200_000.0, n_grid=800, n_simulations=2, seed=0, scheduler="sync"
    )
    assert np.trapezoid(r.curves["kdensity"], r.curves["distance"]) == pytest.approx(1, abs=3e-3)


def test_silverman_from_bins_matches_exact_distances():
    d = np.random.default_rng(2).gamma(2.0, 1000.0, 5000)
    nodes = np.linspace(0, d.max() * 1.001, 4096)
    t = d / nodes[1]
    i = t.astype(int)
    mass = np.bincount(i, 1 - (t - i), minlength=4097) + np.bincount(i + 1, t - i, 4097)
    got = silverman_bandwidth(nodes, mass[:4096], len(d))
    assert got == pytest.approx(direct_silverman(d), rel=2e-3)


def test_global_bands_hand_computed():
    # ten parallel curves at heights 0..9: a band is reached (>=) by the curves at or beyond it
    sims = np.arange(10.0)[:, None] * np.ones((1, 3))
    lower, upper = global_bands(sims, 0.2)
    assert upper.tolist() == [8.0] * 3  # reached by 2 of 10 curves; 7 would be reached by 3
    assert lower.tolist() == [1.0] * 3
    crossing = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 3.0]])
    lower, upper = global_bands(crossing, 0.25)
    assert upper.tolist() == [3.0, 3.0]  # [2, 2] would be reached by 2 of 4 curves
    assert lower.tolist() == [0.0, 0.0]  # no band reached by only 1 curve: the minimum


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.01, 0.3))
def test_global_bands_property(seed, alpha):
    sims = np.random.default_rng(seed).normal(size=(60, 12))
    lower, upper = global_bands(sims, alpha)
    upper_reached = (sims >= upper).any(axis=1).mean()
    lower_reached = (sims <= lower).any(axis=1).mean()
    # at most alpha of the curves reach a band, unless the band is already the extreme one
    assert upper_reached <= alpha or np.array_equal(upper, sims.max(axis=0))
    assert lower_reached <= alpha or np.array_equal(lower, sims.min(axis=0))
    # global bands contain the pointwise ones at the same level
    assert (upper >= np.percentile(sims, 100 * (1 - alpha), axis=0, method="lower") - 1e-12).all()


def test_csr_inside_bands_at_nominal_rate():
    """Random labelling: the activity is a random draw of sites, so K is one more simulation.

    Nominal rates: K inside the local 90 % band at 90 % of distances; outside a global band
    somewhere in 10 % of the patterns (5 % above, 5 % below). On 300 patterns we measured 88.7 %,
    5.3 % and 8.0 % (in-sample global bands are a little liberal, as in D–O's procedure).
    """
    reps, escapes, coverage = 60, 0, []
    for rep in range(reps):
        p = synthetic(n=150, share=0.25, seed=5000 + rep)
        r = kdensity(p, "a", n_simulations=99, seed=rep, n_grid=40, scheduler="sync")
        c = r.curves
        coverage.append(((c.kdensity >= c.local_lower) & (c.kdensity <= c.local_upper)).mean())
        escapes += bool(r.localised or (c.kdensity < c.global_lower).any())
    assert 0.85 <= np.mean(coverage) <= 0.95
    # P(Binomial(60, 0.13) > 16) < 1 %; bands that were too tight would fail, as would
    # bands so wide that no pattern ever leaves them
    assert 1 <= escapes <= 16


def test_planted_cluster_detected_at_planted_distance():
    rng = np.random.default_rng(7)
    sigma = 1_000.0  # a Gaussian cluster: pair distances are Rayleigh with mode sigma * sqrt(2)
    background = rng.uniform(0, 40_000, (600, 2))
    cluster = rng.normal(20_000, sigma, (60, 2))
    xy = np.vstack([background, cluster])
    act = np.array(["o"] * 600 + ["s"] * 60)
    act[rng.choice(600, 20, replace=False)] = "s"  # a few members scattered elsewhere
    f = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "a": act})
    p = points_from_frame(f, x="x", y="y", crs="EPSG:2154", activity="a")
    r = kdensity(
        p,
        "s",
        n_simulations=99,
        seed=3,
        bandwidth=300.0,
        max_distance=10_000.0,
        n_grid=101,
        scheduler="sync",
    )
    c = r.curves
    assert r.localised and not r.dispersed and r.localisation_index > 0
    peak = c["distance"][c["localisation"].idxmax()]
    assert 1_000 <= peak <= 2_000  # planted at sigma * sqrt(2) = 1,414 m
    assert (c.loc[c["distance"] > 6_000, "localisation"] == 0).all()


def test_weighted_with_equal_weights_equals_unweighted():
    f = pd.DataFrame(
        {"x": np.arange(30.0) ** 1.5 * 100, "y": np.zeros(30), "a": ["s", "o"] * 15, "e": 7.0}
    )
    p = points_from_frame(f, x="x", y="y", crs="EPSG:2154", activity="a", weight="e")
    a = kdensity(p, "s", n_simulations=9, seed=2, scheduler="sync")
    b = kdensity(p, "s", weighted=True, n_simulations=9, seed=2, scheduler="sync")
    pd.testing.assert_frame_equal(a.curves, b.curves, rtol=1e-6)


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 1000), st.floats(0.1, 50.0))
def test_invariant_to_row_order_and_weight_scale(seed, scale):
    p = synthetic(n=80, seed=seed)
    perm = np.random.default_rng(seed).permutation(len(p))
    q = p.subset(perm)
    scaled = type(p)(p.data.assign(weight=p.data["weight"] * scale), p.crs, p.geographic)
    kw = {"weighted": True, "n_simulations": 2, "seed": 0, "scheduler": "sync"}
    base = kdensity(p, "a", **kw).curves["kdensity"].to_numpy()
    for other in (q, scaled):
        got = kdensity(other, "a", **kw).curves["kdensity"].to_numpy()
        np.testing.assert_allclose(got, base, rtol=1e-4, atol=1e-6 * base.max())


def test_seed_reproducible_and_threads_equal_sync():
    p = synthetic(n=200)
    a = kdensity(p, "a", n_simulations=19, seed=5, keep_simulations=True, scheduler="sync")
    b = kdensity(p, "a", n_simulations=19, seed=5, keep_simulations=True, scheduler="threads")
    c = kdensity(p, "a", n_simulations=19, seed=6, keep_simulations=True, scheduler="sync")
    np.testing.assert_array_equal(a.simulations, b.simulations)
    pd.testing.assert_frame_equal(a.curves, b.curves)
    assert not np.array_equal(a.simulations, c.simulations)
    assert a.simulations.shape == (19, 200)


def test_by_activity_equals_single_runs_and_summary():
    p = synthetic(n=150)
    both = kdensity_by_activity(p, n_simulations=9, seed=1, scheduler="sync")
    assert list(both) == ["a", "b"]
    alone = kdensity(p, "b", n_simulations=9, seed=1, scheduler="sync")
    pd.testing.assert_frame_equal(both["b"].curves, alone.curves)
    table = summary(both)
    assert set(table["activity"]) == {"a", "b"}
    assert table["localisation_index"].is_monotonic_decreasing


def test_progress_is_reported():
    calls = []
    kdensity(
        synthetic(n=60),
        "a",
        n_simulations=9,
        seed=0,
        scheduler="sync",
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls[-1] == (3, 3) and len(calls) == 3  # batches of 4 simulations


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n_simulations": 0}, "'n_simulations' parameter of kdensity"),
        ({"confidence": 1.0}, "'confidence' parameter"),
        ({"bandwidth": -1.0}, "'bandwidth' parameter"),
        ({"max_distance": "mean"}, "'max_distance' parameter"),
        ({"n_grid": 1}, "'n_grid' parameter"),
        ({"weighted": "yes"}, "'weighted' parameter"),
        ({"scheduler": 3}, "'scheduler' parameter of kdensity"),
    ],
)
def test_bad_parameters(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        kdensity(synthetic(n=40), "a", **kwargs)


def test_bad_activities():
    f = pd.DataFrame(
        {"x": [0.0, 1.0, 2.0], "y": [0.0, 0.0, 1.0], "a": ["s", "o", "o"], "e": [0.0, 0.0, 3.0]}
    )
    p = points_from_frame(f, x="x", y="y", crs="EPSG:2154", activity="a", weight="e")
    with pytest.raises(InvalidParameterError, match="at least two establishments"):
        kdensity(p, "s")
    with pytest.raises(InvalidParameterError, match="Got 'zz' instead"):
        kdensity(p, "zz")
    with pytest.raises(InvalidParameterError, match="positive weight"):
        kdensity(p, "o", weighted=True)
    with pytest.raises(InvalidParameterError, match="must be a PointSet"):
        kdensity(f, "s")
    same = pd.DataFrame({"x": [5.0, 5.0, 9.0], "y": [1.0, 1.0, 1.0], "a": ["s", "s", "o"]})
    q = points_from_frame(same, x="x", y="y", crs="EPSG:2154", activity="a")
    with pytest.raises(DataValidationError, match="activity 's' are all at one place"):
        kdensity(q, "s")


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "not-an-address"])
def test_bad_scheduler_address(address):
    with pytest.raises(InvalidParameterError, match="cannot connect"):
        kdensity(synthetic(n=40), "a", n_simulations=2, scheduler=address)


@pytest.mark.parametrize("engine", ["numpy", "numba"])
def test_memory_grows_linearly_not_quadratically(engine):
    import tracemalloc

    if engine == "numba":
        pytest.importorskip("numba")

    from grappe.spatial._pairs import binned_pair_sums, centred32

    rng = np.random.default_rng(0)  # synthetic
    peaks = []
    for n in (2_000, 4_000, 8_000):
        xy = centred32(rng.uniform(0, 50_000, (n, 2)))
        w = rng.random(n)
        tracemalloc.start()
        binned_pair_sums(xy, w, step=100.0, n_nodes=300, spherical=False, engine=engine)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    # doubling n doubles the block buffers (chunk x n), it would quadruple an n x n matrix
    assert peaks[2] / peaks[1] < 2.6 and peaks[1] / peaks[0] < 2.6
    assert peaks[2] < 8_000**2 * 4  # below one float32 n x n matrix


@pytest.mark.parametrize("spherical", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_numba_and_numpy_engines_agree(spherical, weighted):
    pytest.importorskip("numba")
    from grappe.spatial._pairs import binned_pair_sums, centred32

    rng = np.random.default_rng(3)  # synthetic
    if spherical:
        lon, lat = np.radians(rng.uniform(6, 8, 700)), np.radians(rng.uniform(35, 37, 700))
        xyz = np.c_[np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)]
        coords = centred32(EARTH_RADIUS_M * xyz)
    else:
        coords = centred32(rng.uniform(0, 50_000, (700, 2)))
    w = rng.integers(1, 50, 700).astype(float) if weighted else None
    kw = {"step": 400.0, "n_nodes": 300, "spherical": spherical}
    a = binned_pair_sums(coords, w, engine="numba", **kw)
    b = binned_pair_sums(coords, w, engine="numpy", **kw)
    np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6 * a.max())
    assert (a > 0).sum() > 100  # many nodes receive pairs
    assert a[-1] == 0.0 and b[-1] == 0.0


def test_numba_engine_missing(monkeypatch):
    from grappe.errors import MissingDependencyError
    from grappe.spatial import _pairs

    monkeypatch.setattr(_pairs, "_numba_kernel", lambda: None)
    coords = np.zeros((3, 2), dtype=np.float32)
    with pytest.raises(MissingDependencyError, match=r"pip install grappe\[fast\]"):
        _pairs.binned_pair_sums(coords, None, step=1.0, n_nodes=5, spherical=False, engine="numba")
    # "auto" falls back to numpy
    out = _pairs.binned_pair_sums(coords, None, step=1.0, n_nodes=5, spherical=False)
    assert out[0] == 3.0  # three pairs at distance 0
