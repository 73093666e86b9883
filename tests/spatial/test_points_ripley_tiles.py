"""Ripley's isotropic K counted tile by tile equals the former all-pairs-at-once count.

The reference :func:`all_pairs_at_once` is the implementation before tiling (every pair of the
near-edge centres listed in one array): the tiled count must give the same K to 1e-12
relative on the real Hotmaps plants (read in place from ``../shared/data``; no licence stated)
with tiles small enough that hundreds of them are used, and on a SYNTHETIC dense pattern.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.spatial import cKDTree

from grappe.spatial import points_from_frame, ripley_k
from grappe.spatial import ripley as ripley_module
from grappe.spatial.ripley import _neighbour_bound, circle_fraction_inside

#: Tiling changes only the order of the float sums.
TILE_RTOL = 1e-12


def all_pairs_at_once(xy, radii, box):
    """Isotropic K as computed before tiling: one list of all near-edge pairs."""
    r = np.asarray(radii, dtype=float)
    n = len(xy)
    area = (box[2] - box[0]) * (box[3] - box[1])
    border = np.minimum.reduce(
        [xy[:, 0] - box[0], box[2] - xy[:, 0], xy[:, 1] - box[1], box[3] - xy[:, 1]]
    )
    tree = cKDTree(xy)
    near = border < r[-1]
    far = (~near).astype(float)
    counts = tree.count_neighbors(tree, r, weights=(far, None)) - far.sum()
    rows = np.flatnonzero(near)
    pairs = cKDTree(xy[rows]).sparse_distance_matrix(tree, r[-1], output_type="ndarray")
    i, j, d = rows[pairs["i"]], pairs["j"], pairs["v"]
    other = i != j
    i, d = i[other], d[other]
    e = 1.0 / circle_fraction_inside(xy[i, 0], xy[i, 1], d, box)
    ring = np.searchsorted(r, d, side="left")
    counts = counts + np.bincount(ring, e, minlength=len(r) + 1)[: len(r)].cumsum()
    return area * counts / (n * (n - 1.0))


@pytest.fixture(scope="module")
def plants(shared_data):
    from grappe.io.spatial import read_points
    from grappe.spatial import project_points

    path = shared_data / "eu_hotmaps_industrial_sites" / "hotmaps_industrial_sites.csv.gz"
    pts = read_points(path, activity="Subsector", id="SiteID", on_missing="drop")
    return project_points(pts, "EPSG:3035")


@pytest.mark.shared
@pytest.mark.parametrize("tile", [1, 5_000, 10**9])
def test_real_plants_tiled_equals_all_pairs_at_once(plants, monkeypatch, tile):
    monkeypatch.setattr(ripley_module, "PAIRS_PER_TILE", tile)
    assert len(plants) == 4505
    xy = plants.data[["x", "y"]].to_numpy()
    box = (*xy.min(axis=0), *xy.max(axis=0))
    radii = np.linspace(10_000.0, 200_000.0, 20)
    got = ripley_k(plants, radii, window=box)["k"].to_numpy()
    np.testing.assert_allclose(got, all_pairs_at_once(xy, radii, box), rtol=TILE_RTOL, atol=0)


def test_dense_synthetic_tiled_equals_all_pairs_at_once(monkeypatch):
    monkeypatch.setattr(ripley_module, "PAIRS_PER_TILE", 2_000)
    rng = np.random.default_rng(11)  # SYNTHETIC: 3,000 points, a cluster on an edge
    xy = np.vstack([rng.uniform(0, 1000, (2000, 2)), rng.normal((0, 500), 30, (1000, 2))])
    xy = np.clip(xy, 0, 1000)
    box = (0.0, 0.0, 1000.0, 1000.0)
    pts = points_from_frame(pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}), x="x", y="y",
                            crs="EPSG:2154")  # fmt: skip
    radii = [10.0, 50.0, 120.0]
    got = ripley_k(pts, radii, window=box)["k"].to_numpy()
    np.testing.assert_allclose(got, all_pairs_at_once(xy, radii, box), rtol=TILE_RTOL, atol=0)


def test_neighbour_bound_is_an_upper_bound():
    rng = np.random.default_rng(2)  # SYNTHETIC
    xy = np.vstack([rng.uniform(0, 500, (1500, 2)), np.full((20, 2), 250.0)])
    rows = np.arange(len(xy))
    bound = _neighbour_bound(xy, rows, 40.0)
    exact = cKDTree(xy).query_ball_point(xy, 40.0, return_length=True)
    assert (bound >= exact).all()
    assert bound.sum() < 4 * exact.sum()  # 9 cells against a circle: about 9 / π
