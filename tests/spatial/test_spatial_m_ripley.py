"""Marcon–Puech M and Ripley's K/L: toy cases, brute force, pointpats, properties.

All point patterns here are synthetic (generated with fixed seeds).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import InvalidParameterError
from grappe.spatial import m_function, points_from_frame, ripley_k
from grappe.spatial.ripley import circle_fraction_inside


def planar(xy, act=None, w=None):
    f = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]})
    kw = {}
    if act is not None:
        f["a"] = act
        kw["activity"] = "a"
    if w is not None:
        f["e"] = w
        kw["weight"] = "e"
    return points_from_frame(f, x="x", y="y", crs="EPSG:2154", **kw)


def brute_m(xy, act, w, activity, radii):
    """M by the definition with a full distance matrix (Marcon & Puech 2010, eq. 5)."""
    d = np.linalg.norm(xy[:, None] - xy[None], axis=2)
    s = act == activity
    ws, wt = w[s].sum(), w.sum()
    out = []
    for r in radii:
        num = den = 0.0
        for i in np.flatnonzero(s):
            near = (d[i] <= r) & (np.arange(len(xy)) != i)
            total = w[near].sum()
            if total > 0:
                num += w[near & s].sum() / total
                den += (ws - w[i]) / (wt - w[i])
        out.append(num / den)
    return np.array(out)


# --- M ----------------------------------------------------------------------------------


def test_m_hand_computed():
    # s at 0 and 1, o at 2 and 10; within 1.5: ratio 1/1 around 0, 1/2 around 1;
    # expected shares (2-1)/(4-1) = 1/3 each: M = 1.5 / (2/3) = 2.25
    p = planar(np.array([[0.0, 0], [1, 0], [2, 0], [10, 0]]), ["s", "s", "o", "o"])
    assert m_function(p, "s", [1.5])["m"].tolist() == pytest.approx([2.25])
    # weighted: o at 2 has weight 3 -> around 1: 1/(1+3); expected (2-1)/(6-1) = 1/5 each
    q = planar(np.array([[0.0, 0], [1, 0], [2, 0], [10, 0]]), ["s", "s", "o", "o"], [1, 1, 3, 1])
    got = m_function(q, "s", [1.5], weighted=True)["m"].iloc[0]
    assert got == pytest.approx((1 + 1 / 4) / (2 / 5))


@pytest.mark.parametrize("weighted", [False, True])
def test_m_equals_brute_force(weighted):
    rng = np.random.default_rng(1)
    xy = rng.uniform(0, 10_000, (250, 2))
    act = rng.choice(["s", "o"], 250, p=[0.3, 0.7])
    w = rng.integers(1, 30, 250).astype(float)
    radii = [300.0, 800.0, 1500.0, 4000.0]
    p = planar(xy, act, w)
    got = m_function(p, "s", radii, weighted=weighted)["m"].to_numpy()
    expected = brute_m(xy, act, w if weighted else np.ones(250), "s", radii)
    np.testing.assert_allclose(got, expected, rtol=1e-12)


def test_m_great_circle_equals_projected_small_area():
    rng = np.random.default_rng(2)
    lon, lat = rng.uniform(6.5, 6.7, 150), rng.uniform(36.25, 36.4, 150)
    act = rng.choice(["s", "o"], 150)
    geo = points_from_frame(
        pd.DataFrame({"lon": lon, "lat": lat, "a": act}), crs="EPSG:4326", activity="a"
    )
    from grappe.spatial import project_points

    utm = project_points(geo, "EPSG:32632")  # UTM 32N: scale error < 0.1 % here
    radii = [1000.0, 3000.0]
    a = m_function(geo, "s", radii)["m"]
    b = m_function(utm, "s", radii)["m"]
    np.testing.assert_allclose(a, b, rtol=0.05)


def test_m_random_labelling_near_one_with_bands():
    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 10_000, (400, 2))
    p = planar(xy, rng.choice(["s", "o"], 400, p=[0.25, 0.75]))
    out = m_function(p, "s", [500.0, 1000.0, 2000.0], n_simulations=39, seed=1, scheduler="sync")
    assert ((out["m"] > 0.6) & (out["m"] < 1.4)).all()
    assert ((out["lower"] <= 1) & (out["upper"] >= 1)).all()


def test_m_planted_cluster_above_band():
    rng = np.random.default_rng(4)
    xy = np.vstack([rng.uniform(0, 20_000, (500, 2)), rng.normal(10_000, 300, (40, 2))])
    p = planar(xy, ["o"] * 500 + ["s"] * 40)
    out = m_function(p, "s", [300.0, 600.0, 5000.0], n_simulations=19, seed=0, scheduler="sync")
    assert (out["m"].iloc[:2] > out["upper"].iloc[:2]).all() and out["m"].iloc[0] > 5


@pytest.mark.parametrize("radii", [[], [100.0, 50.0], [-1.0], [[1.0]]])
def test_m_bad_radii(radii):
    p = planar(np.array([[0.0, 0], [1, 0], [2, 0]]), ["s", "s", "o"])
    with pytest.raises(InvalidParameterError, match="'radii' parameter of m_function"):
        m_function(p, "s", radii)


def test_m_bad_options():
    p = planar(np.array([[0.0, 0], [1, 0], [2, 0]]), ["s", "s", "o"])
    with pytest.raises(InvalidParameterError, match="'n_simulations' parameter"):
        m_function(p, "s", [1.0], n_simulations=-1)
    with pytest.raises(InvalidParameterError, match="'activity' parameter"):
        m_function(p, "x", [1.0])


# --- Ripley -------------------------------------------------------------------------------


def test_ripley_hand_computed():
    # 3 points in a 4 x 4 window; one pair within 1.5: K = A / (n (n-1)) * 2 = 16 / 6 * 2
    p = planar(np.array([[0.0, 0], [1, 0], [4, 4]]))
    out = ripley_k(p, [1.5, 10.0], window=(0, 0, 4, 4), edge_correction="none")
    assert out["k"].tolist() == pytest.approx([16 / 6 * 2, 16 / 6 * 6])
    assert out["l"].tolist() == pytest.approx(np.sqrt(out["k"] / np.pi).tolist())


def test_ripley_matches_pointpats_without_correction():
    from pointpats import k as pp_k

    rng = np.random.default_rng(5)
    xy = rng.uniform(0, 1000, (300, 2))
    support = np.linspace(10, 200, 20)
    # pointpats' window is the points' bounding box, as grappe's default
    _, expected = pp_k(xy, support=support)
    got = ripley_k(planar(xy), support, edge_correction="none")["k"]
    n = len(xy)
    # pointpats divides by n^2 where the unbiased estimator divides by n(n-1)
    np.testing.assert_allclose(got * (n - 1) / n, expected, rtol=1e-12)


def test_circle_fraction_matches_shapely():
    import shapely

    box = (0.0, 0.0, 10.0, 6.0)
    rect = shapely.box(*box)
    rng = np.random.default_rng(6)
    x, y, d = rng.uniform(0, 10, 200), rng.uniform(0, 6, 200), rng.uniform(0.1, 5.0, 200)
    got = circle_fraction_inside(x, y, d, box)
    circles = shapely.boundary(shapely.buffer(shapely.points(x, y), d, quad_segs=256))
    expected = shapely.length(shapely.intersection(circles, rect)) / shapely.length(circles)
    np.testing.assert_allclose(got, expected, atol=2e-3)


def test_isotropic_and_border_unbiased_under_csr():
    rng = np.random.default_rng(7)
    radii = np.array([20.0, 50.0, 100.0])
    iso, border, none = [], [], []
    for _ in range(20):
        p = planar(rng.uniform(0, 1000, (400, 2)))
        for store, corr in ((iso, "isotropic"), (border, "border"), (none, "none")):
            store.append(ripley_k(p, radii, window=(0, 0, 1000, 1000), edge_correction=corr)["k"])
    truth = np.pi * radii**2
    np.testing.assert_allclose(np.mean(iso, axis=0), truth, rtol=0.03)
    np.testing.assert_allclose(np.mean(border, axis=0), truth, rtol=0.05)
    assert np.mean(none, axis=0)[-1] < truth[-1] * 0.95  # without correction K is biased low


def test_border_with_polygon_equals_box():
    import shapely

    rng = np.random.default_rng(8)
    p = planar(rng.uniform(0, 100, (150, 2)))
    a = ripley_k(p, [5.0, 10.0], window=(0, 0, 100, 100), edge_correction="border")
    b = ripley_k(p, [5.0, 10.0], window=shapely.box(0, 0, 100, 100), edge_correction="border")
    pd.testing.assert_frame_equal(a, b)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10_000))
def test_ripley_invariant_to_translation_and_order(seed):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 100, (60, 2))
    a = ripley_k(planar(xy), [5.0, 20.0], window=(0, 0, 100, 100))
    shifted = xy[rng.permutation(60)] + [1000.0, -500.0]
    b = ripley_k(planar(shifted), [5.0, 20.0], window=(1000, -500, 1100, -400))
    np.testing.assert_allclose(a["k"], b["k"], rtol=1e-9)
    assert (np.diff(a["k"]) >= 0).all()


def test_ripley_errors():
    import shapely

    p = planar(np.array([[0.0, 0], [1, 0], [4, 4]]))
    with pytest.raises(InvalidParameterError, match="'edge_correction' parameter of ripley_k"):
        ripley_k(p, [1.0], edge_correction="translate")
    with pytest.raises(InvalidParameterError, match="'radii' parameter of ripley_k"):
        ripley_k(p, [2.0, 1.0])
    with pytest.raises(InvalidParameterError, match="must contain every point"):
        ripley_k(p, [1.0], window=(0, 0, 2, 2))
    with pytest.raises(InvalidParameterError, match="box windows only|'border' or 'none'"):
        ripley_k(p, [1.0], window=shapely.box(0, 0, 5, 5))
    with pytest.raises(InvalidParameterError, match="positive area"):
        ripley_k(planar(np.array([[0.0, 0], [1, 0]])), [1.0])
    with pytest.raises(InvalidParameterError, match="must be given when the points lie at one"):
        ripley_k(planar(np.array([[3.0, 3.0]] * 5)), [1.0])  # coincident points, no window
    with pytest.raises(InvalidParameterError, match="at least two points"):
        ripley_k(planar(np.array([[0.0, 0]])), [1.0])
    geo = points_from_frame(pd.DataFrame({"lon": [1.0, 2.0], "lat": [3.0, 4.0]}), crs="EPSG:4326")
    with pytest.raises(InvalidParameterError, match="projected CRS"):
        ripley_k(geo, [1.0])
