"""Hot spots (DBSCAN/HDBSCAN polygons) and areal statistics (checked against esda).

Point patterns and lattices here are synthetic (fixed seeds).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.spatial import (
    areas_from_geometries,
    getis_ord,
    hotspots,
    local_moran,
    points_from_frame,
    spatial_weights,
)


def planted(seed=0):
    rng = np.random.default_rng(seed)
    big = rng.normal([2_000, 2_000], 100, (40, 2))
    small = rng.normal([8_000, 3_000], 80, (15, 2))
    noise = rng.uniform(0, 10_000, (30, 2))
    xy = np.vstack([big, small, noise])
    f = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "a": "s", "e": 2.0})
    return points_from_frame(f, x="x", y="y", crs="EPSG:2154", activity="a", weight="e")


def test_dbscan_finds_planted_clusters_as_polygons():
    p = planted()
    res = hotspots(p, eps=250, min_samples=5, buffer=50)
    h = res.hotspots
    assert h["hotspot"].tolist()[:2] == [0, 1]
    assert h["n_members"].iloc[0] >= 38 and 13 <= h["n_members"].iloc[1] <= 17
    assert h["weight"].iloc[0] == 2.0 * h["n_members"].iloc[0]
    assert h["centroid_x"].iloc[0] == pytest.approx(2_000, abs=60)
    # every member inside its polygon; the area is the buffered hull's
    labels = res.labels
    for _, row in h.iterrows():
        members = (labels["activity"] == row["activity"]) & (labels["hotspot"] == row["hotspot"])
        pts = shapely.points(p.data.loc[members, ["x", "y"]].to_numpy())
        assert shapely.covers(row["geometry"], pts).all()
        assert row["area_km2"] == pytest.approx(row["geometry"].area / 1e6)
    assert (labels["hotspot"] == -1).sum() >= 20  # the scattered points are noise


def test_hdbscan_finds_the_two_clusters():
    res = hotspots(planted(), method="hdbscan", min_cluster_size=10, min_samples=5)
    h = res.hotspots
    # HDBSCAN keeps the two planted clusters (and may attach nearby scattered points)
    assert len(h) == 2 and h["n_members"].iloc[0] >= 38 and h["n_members"].iloc[1] >= 13
    centres = sorted(zip(h["centroid_x"].round(-3), h["centroid_y"].round(-3), strict=True))
    assert centres == [(2000.0, 2000.0), (8000.0, 3000.0)]


def test_geographic_hotspots_polygons_in_lonlat_cover_members():
    rng = np.random.default_rng(1)
    lon = np.r_[rng.normal(6.61, 0.002, 30), rng.uniform(5, 8, 20)]  # Constantine-like
    lat = np.r_[rng.normal(36.365, 0.002, 30), rng.uniform(35, 37, 20)]
    p = points_from_frame(pd.DataFrame({"lon": lon, "lat": lat}), crs="EPSG:4326")
    res = hotspots(p, eps=500, min_samples=5, buffer=100)
    assert res.hotspots["n_members"].tolist() == [30]
    geom = res.hotspots["geometry"].iloc[0]
    assert shapely.covers(geom, shapely.points(np.c_[lon[:30], lat[:30]])).all()
    assert 0.01 < res.hotspots["area_km2"].iloc[0] < 5


def test_per_activity_and_too_small_activity():
    p = planted()
    f = p.data.assign(activity=["s"] * 55 + ["t"] * 30)
    q = type(p)(f, p.crs, p.geographic)
    res = hotspots(q, eps=250, min_samples=5)
    assert set(res.hotspots["activity"]) == {"s"}
    assert len(hotspots(q, activities=["t"], eps=250, min_samples=40).hotspots) == 0


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 1000))
def test_hotspot_members_partition(seed):
    res = hotspots(planted(seed), eps=250, min_samples=5)
    counts = res.labels.loc[res.labels["hotspot"] >= 0, "hotspot"].value_counts()
    assert counts.sort_index().tolist() == res.hotspots["n_members"].tolist()
    assert res.hotspots["n_members"].is_monotonic_decreasing


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"method": "optics"}, "'method' parameter of hotspots"),
        ({"eps": 0}, "'eps' parameter"),
        ({"min_samples": 0}, "'min_samples' parameter"),
        ({"min_cluster_size": 1}, "'min_cluster_size' parameter"),
        ({"buffer": -5.0}, "'buffer' parameter"),
        ({"activities": ["zz"]}, "'activity' parameter"),
    ],
)
def test_hotspot_errors(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        hotspots(planted(), **kwargs)


# --- areal ----------------------------------------------------------------------------------


def lattice(values, side=5):
    geoms = [shapely.box(i, j, i + 1, j + 1) for j in range(side) for i in range(side)]
    ids = [f"u{k}" for k in range(side * side)]
    return areas_from_geometries(ids, geoms, pd.DataFrame({"n": values}), crs="EPSG:3857")


def hot_corner():
    v = np.ones(25)
    v[[0, 1, 5, 6]] = 50.0  # a hot 2 x 2 corner
    return v


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # esda, called directly
def test_getis_ord_equals_esda_and_finds_hot_corner():
    import esda
    from libpysal import weights

    a = lattice(hot_corner())
    got = getis_ord(a, "n", permutations=199, seed=1)
    w = weights.lat2W(5, 5, rook=False)  # queen contiguity on the same grid, same order
    w.transform = "b"
    ref = esda.G_Local(
        hot_corner(), w, transform="B", star=True, permutations=199, seed=1, n_jobs=1
    )
    np.testing.assert_allclose(got["g"], ref.Gs)
    np.testing.assert_allclose(got["z"], ref.Zs)
    np.testing.assert_allclose(got["p_sim"], ref.p_sim)
    assert got.loc[got["id"] == "u0", "spot"].item() == "hot"
    assert (got.loc[got["id"].isin(["u24", "u23", "u19"]), "spot"] != "hot").all()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # esda, called directly
def test_local_moran_equals_esda():
    import esda
    from libpysal import weights

    a = lattice(hot_corner())
    got = local_moran(a, "n", permutations=199, seed=2, contiguity="rook")
    w = weights.lat2W(5, 5)
    w.transform = "r"
    ref = esda.Moran_Local(hot_corner(), w, permutations=199, seed=2, n_jobs=1)
    np.testing.assert_allclose(got["i"], ref.Is, rtol=0, atol=1e-10)
    # same draws; a permuted I equal to the observed one counts as extreme exactly (esda's
    # own float comparison decides such ties by rounding: see docs/spatial.md)
    tol = 1e-9 * (np.abs(ref.Is) + np.abs(ref.sim).max(axis=0))
    larger = (ref.sim >= ref.Is - tol).sum(axis=0)
    larger = np.minimum(larger, 199 - larger)
    np.testing.assert_array_equal(got["p_sim"], (larger + 1.0) / 200.0)
    assert got.loc[got["id"] == "u0", "quadrant"].item() == "high-high"


def test_weights_queen_rook_and_islands():
    geoms = [
        shapely.box(0, 0, 1, 1),
        shapely.box(1, 0, 2, 1),
        shapely.box(1, 1, 2, 2),
        shapely.box(5, 5, 6, 6),
    ]
    a = areas_from_geometries(list("abcd"), geoms)
    with pytest.raises(InvalidParameterError, match="1 units have none \\('d'\\)"):
        spatial_weights(a)
    queen = spatial_weights(a, islands="keep")
    rook = spatial_weights(a, contiguity="rook", islands="keep")
    assert sorted(queen.neighbors["a"]) == ["b", "c"] and rook.neighbors["a"] == ["b"]


def test_areas_validation():
    good = shapely.box(0, 0, 1, 1)
    bowtie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    with pytest.raises(DataValidationError, match="'a' appears more than once") as info:
        areas_from_geometries(["a", "a"], [good, shapely.box(1, 0, 2, 1)], source="u.geojson")
    assert info.value.row == 2 and info.value.file == "u.geojson"
    with pytest.raises(DataValidationError, match="Point geometry"):
        areas_from_geometries(["a"], [shapely.Point(0, 0)])
    with pytest.raises(DataValidationError, match="invalid.*make_valid"):
        areas_from_geometries(["a"], [bowtie])
    with pytest.raises(InvalidParameterError, match="one entry per id"):
        areas_from_geometries(["a", "b"], [good])


def test_areal_value_errors():
    a = lattice(np.r_[np.nan, np.ones(24)])
    with pytest.raises(DataValidationError, match="is not a number") as info:
        getis_ord(a, "n")
    assert info.value.column == "n" and info.value.row == 1
    with pytest.raises(InvalidParameterError, match="'column' parameter of local_moran"):
        local_moran(lattice(np.ones(25)), "zz")
    with pytest.raises(InvalidParameterError, match="'permutations' parameter"):
        local_moran(lattice(np.ones(25)), "n", permutations=0)
    with pytest.raises(InvalidParameterError, match="'significance' parameter"):
        getis_ord(lattice(np.ones(25)), "n", significance=1.5)
