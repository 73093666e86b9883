"""Ripley's K on cKDTree counts: the definition by brute force, coincident points, pointpats on
real plants, CSR envelopes and every error path.

Synthetic patterns are generated with fixed seeds and labelled so; the real point set is the
Hotmaps chemical plants of ``../shared/data`` (read in place: the file states no licence).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from grappe.errors import InvalidParameterError
from grappe.spatial import m_function, points_from_frame, ripley_k
from grappe.spatial.ripley import circle_fraction_inside, coincident_count, default_radii

#: pointpats and grappe count the same pairs; they differ only by rounding.
POINTPATS_RTOL = 1e-12


def planar(xy, act=None):
    frame = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]})
    if act is None:
        return points_from_frame(frame, x="x", y="y", crs="EPSG:2154")
    return points_from_frame(frame.assign(a=act), x="x", y="y", crs="EPSG:2154", activity="a")


def brute_k(xy, radii, box, correction):
    """K by its definition from the full distance matrix (Baddeley et al. 2015, §7.4)."""
    n = len(xy)
    area = (box[2] - box[0]) * (box[3] - box[1])
    d = np.linalg.norm(xy[:, None] - xy[None], axis=2)
    off = ~np.eye(n, dtype=bool)
    border = np.minimum.reduce(
        [xy[:, 0] - box[0], box[2] - xy[:, 0], xy[:, 1] - box[1], box[3] - xy[:, 1]]
    )
    out = []
    for r in radii:
        close = (d <= r) & off
        if correction == "none":
            out.append(area * close.sum() / (n * (n - 1)))
        elif correction == "border":
            centres = border >= r
            out.append(area * close[centres].sum() / (n * centres.sum()))
        else:
            i, j = np.nonzero(close)
            frac = circle_fraction_inside(xy[i, 0], xy[i, 1], d[i, j], box)
            out.append(area * (1 / frac).sum() / (n * (n - 1)))
    return np.array(out)


def with_duplicates(seed=0):
    """SYNTHETIC: 200 uniform points plus copies of points on an edge, a corner and inside."""
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 1000, (200, 2))
    xy[0] = (0.0, 0.0)  # a corner
    xy[1] = (0.0, 400.0)  # an edge
    return np.vstack([xy, xy[[0, 1, 2, 2, 3]]])  # 5 copies: corner, edge, interior ×2, interior


@pytest.mark.parametrize("correction", ["isotropic", "border", "none"])
def test_counts_equal_the_definition_with_coincident_points(correction):
    xy = with_duplicates()
    box = (0.0, 0.0, 1000.0, 1000.0)
    radii = np.array([10.0, 60.0, 150.0, 250.0])
    got = ripley_k(planar(xy), radii, window=box, edge_correction=correction)["k"]
    assert np.isfinite(got).all()
    np.testing.assert_allclose(got, brute_k(xy, radii, box, correction), rtol=1e-10)


def test_coincident_points_hand_computed():
    # (0,0) twice and (4,4) in the box (-1,-1,5,5), A = 36, n = 3: within r = 1 only the two
    # ordered pairs of the coincident points, at distance 0
    xy = np.array([[0.0, 0.0], [0.0, 0.0], [4.0, 4.0]])
    box = (-1.0, -1.0, 5.0, 5.0)
    for correction in ("none", "isotropic"):
        k = ripley_k(planar(xy), [1.0], window=box, edge_correction=correction)["k"]
        assert k.tolist() == pytest.approx([36 / 6 * 2])  # isotropic weight 1 at distance 0
    # border: every point is 1 from the edge, so all three are centres: A / (n n_r) · 2
    k = ripley_k(planar(xy), [1.0], window=box, edge_correction="border")["k"]
    assert k.tolist() == pytest.approx([36 * 2 / 9])


def test_coincident_points_on_the_bounding_box_no_longer_nan():
    # the old pair loop divided 0 by 0 for a repeated point on the window's edge
    xy = np.array([[0.0, 0.0], [0.0, 0.0], [10.0, 5.0], [3.0, 2.0]])
    out = ripley_k(planar(xy), [1.0, 5.0])
    assert np.isfinite(out["k"]).all() and (out["k"] > 0).all()


def test_circle_of_radius_zero_is_inside():
    box = (0.0, 0.0, 10.0, 10.0)
    got = circle_fraction_inside(np.array([0.0, 5.0]), np.array([0.0, 0.0]), np.zeros(2), box)
    assert got.tolist() == [1.0, 1.0]


def test_coincident_count_and_default_radii():
    p = planar(np.array([[0.0, 0], [0, 0], [0, 0], [4000, 8000]]), ["s", "s", "o", "o"])
    assert coincident_count(p) == 2
    assert coincident_count(p, activity="s") == 1
    assert default_radii(p, steps=4).tolist() == [250.0, 500.0, 750.0, 1000.0]
    assert default_radii(p, window=(0, 0, 800, 400), steps=2).tolist() == [50.0, 100.0]
    with pytest.raises(InvalidParameterError, match="'window' parameter of default_radii"):
        default_radii(p, activity="s")  # both 's' points at one place
    with pytest.raises(InvalidParameterError, match="'steps' parameter of default_radii"):
        default_radii(p, steps=0)


# --- pointpats on real plants -----------------------------------------------------------


@pytest.fixture(scope="module")
def chemical_plants(shared_data):
    from grappe.io.spatial import read_points
    from grappe.spatial import project_points

    path = shared_data / "eu_hotmaps_industrial_sites" / "hotmaps_industrial_sites.csv.gz"
    pts = read_points(path, activity="Subsector", id="SiteID", on_missing="drop")
    chem = pts.subset(pts.mask("Chemical industry"))
    return project_points(chem, "EPSG:3035")


@pytest.mark.shared
def test_real_plants_match_pointpats_with_their_duplicates(chemical_plants):
    from pointpats import k as pointpats_k

    assert len(chemical_plants) == 594 and coincident_count(chemical_plants) == 76
    xy = chemical_plants.data[["x", "y"]].to_numpy()
    radii = np.geomspace(500.0, 400_000.0, 25)
    # pointpats: window = the points' bounding box (as grappe's default), divisor n², d < r
    _, expected = pointpats_k(xy, support=radii)
    got = ripley_k(chemical_plants, radii, edge_correction="none")["k"].to_numpy()
    n = len(xy)
    np.testing.assert_allclose(got * (n - 1) / n, expected, rtol=POINTPATS_RTOL)
    # the 76 repeated sites are pairs at distance 0: they count at the smallest radius
    assert expected[0] > 0


@pytest.mark.shared
def test_real_plants_corrected_k_finite_and_clustered(chemical_plants):
    radii = default_radii(chemical_plants, steps=5)
    none = ripley_k(chemical_plants, radii, edge_correction="none")["k"]
    for correction in ("isotropic", "border"):
        out = ripley_k(chemical_plants, radii, edge_correction=correction, n_simulations=9, seed=0)
        assert np.isfinite(out["k"]).all()
        assert (out["k"] > out["k_upper"]).all()  # chemical plants cluster (Rhine, Po valley…)
    iso = ripley_k(chemical_plants, radii)["k"]
    assert (iso >= none).all()  # isotropic weights are ≥ 1


# --- envelopes --------------------------------------------------------------------------


def test_envelopes_csr_inside_cluster_above_and_reproducible():
    rng = np.random.default_rng(3)
    box = (0.0, 0.0, 1000.0, 1000.0)
    radii = [25.0, 50.0, 100.0]
    csr = planar(rng.uniform(0, 1000, (300, 2)))  # SYNTHETIC
    a = ripley_k(csr, radii, window=box, n_simulations=19, seed=4, scheduler="sync")
    assert ((a["k"] >= a["k_lower"] * 0.9) & (a["k"] <= a["k_upper"] * 1.1)).all()
    assert (a["l_lower"] <= a["l_upper"]).all()
    b = ripley_k(csr, radii, window=box, n_simulations=19, seed=4, scheduler="threads")
    pd.testing.assert_frame_equal(a, b)  # same seed, any executor: same envelope
    clustered = planar(rng.normal(500, 30, (100, 2)))  # SYNTHETIC
    c = ripley_k(clustered, radii, window=box, n_simulations=19, seed=4)
    assert (c["k"] > c["k_upper"]).all()


def test_polygon_window_envelope_and_progress():
    import shapely

    rng = np.random.default_rng(5)
    triangle = shapely.Polygon([(0, 0), (1000, 0), (0, 1000)])
    xy = rng.uniform(0, 500, (120, 2))  # SYNTHETIC, inside the triangle
    calls = []
    out = ripley_k(
        planar(xy),
        [20.0, 40.0],
        window=triangle,
        edge_correction="border",
        n_simulations=8,
        seed=0,
        scheduler="sync",
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls[-1] == (2, 2)  # two batches of four simulations
    assert (out["k_lower"] < out["k_upper"]).all()


# --- error paths ------------------------------------------------------------------------


@pytest.mark.parametrize("radii", [[], [100.0, 50.0], [-1.0, 5.0], [0.0], [5.0, 5.0]])
def test_radii_not_positive_increasing(radii):
    p = planar(np.array([[0.0, 0], [1, 0], [4, 4]]))
    with pytest.raises(InvalidParameterError, match="'radii' parameter of ripley_k"):
        ripley_k(p, radii)


def test_error_paths():
    p = planar(np.array([[0.0, 0], [1, 0], [4, 4]]), ["s", "o", "o"])
    with pytest.raises(InvalidParameterError, match="'n_simulations' parameter of ripley_k"):
        ripley_k(p, [1.0], n_simulations=-1)
    with pytest.raises(InvalidParameterError, match="'confidence' parameter of ripley_k"):
        ripley_k(p, [1.0], confidence=1.0)
    with pytest.raises(InvalidParameterError, match="'scheduler' parameter of ripley_k"):
        ripley_k(p, [1.0], scheduler=3)
    with pytest.raises(InvalidParameterError, match="'activity' parameter must be one of"):
        ripley_k(p, [1.0], activity="unknown")
    with pytest.raises(InvalidParameterError, match="at least two points. Got 1"):
        ripley_k(p, [1.0], activity="s")  # one point
    with pytest.raises(InvalidParameterError, match="at least two points. Got 0"):
        ripley_k(p.subset(np.zeros(3, dtype=bool)), [1.0])  # no point
    with pytest.raises(InvalidParameterError, match="must be given when the points lie at one"):
        ripley_k(planar(np.array([[3.0, 3.0]] * 4)), [1.0])  # all coincident, no window
    with pytest.raises(InvalidParameterError, match="'window' parameter of ripley_k must have"):
        ripley_k(p, [1.0], window=(0, 0, 0, 5))
    with pytest.raises(InvalidParameterError, match="'window' parameter of ripley_k must have"):
        ripley_k(p, [1.0], window=(0, 0, 5))


def test_all_coincident_in_a_window_is_computed():
    # with a study window, coincident points are a (degenerate) pattern: all pairs at 0
    out = ripley_k(planar(np.array([[3.0, 3.0]] * 4)), [1.0], window=(0, 0, 10, 10))
    assert out["k"].tolist() == pytest.approx([100.0])


def test_m_function_single_establishment_refused():
    p = planar(np.array([[0.0, 0], [1, 0], [4, 4]]), ["s", "o", "o"])
    with pytest.raises(InvalidParameterError, match="at least two establishments"):
        m_function(p, "s", [1.0])


def test_m_function_coincident_points_are_neighbours():
    # s, s at one place, o 1 m away: around each s, 1 s among 2 neighbours within 1.5;
    # expected share (2-1)/(3-1) = 1/2: M = 1
    p = planar(np.array([[0.0, 0], [0, 0], [1, 0]]), ["s", "s", "o"])
    assert m_function(p, "s", [0.5, 1.5])["m"].tolist() == pytest.approx([2.0, 1.0])


def test_charts_draw_the_envelope_only_when_simulated():
    from grappe.spatial.maps import plot_m_function, plot_ripley

    rng = np.random.default_rng(6)
    p = planar(rng.uniform(0, 1000, (80, 2)), rng.choice(["s", "o"], 80))  # SYNTHETIC
    bare = plot_ripley(ripley_k(p, [50.0, 100.0]))
    assert not bare.axes[0].collections  # no envelope without simulations
    m = plot_m_function(m_function(p, "s", [50.0, 100.0], n_simulations=4, seed=0))
    assert len(m.axes[0].collections) == 1
    line = m.axes[0].lines[-1]  # the M curve, drawn last, in km
    assert line.get_xdata().tolist() == [0.05, 0.1]
