"""Gi* and local Moran in NumPy/SciPy (grappe.spatial.lisa) checked equal to esda.

Real case: the 253 IRIS of the Bas-Rhin holding metal-products establishments (SIRENE,
``../shared/data/fr_bas_rhin_sirene_iris``), queen contiguity. The other cases are synthetic
(fixed seeds).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely
from scipy import sparse
from scipy.spatial import cKDTree

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.spatial import areas_from_geometries, getis_ord, lisa, local_moran, spatial_weights
from grappe.spatial.lisa import gi_star, moran_local, permutation_table

P = 999


@pytest.fixture(scope="module")
def iris(iris_metal_products):
    return iris_metal_products


def esda_weights(areas, transform):
    from libpysal import weights

    w = weights.Queen.from_iterable(list(areas.geometries), ids=list(areas.data["id"]))
    w.id_order = list(areas.data["id"])
    w.transform = transform
    return w


def tie_exact(sim, observed, permutations):
    """esda's directed p-value from esda's own permuted statistics, a permuted value equal to
    the observed one (to rounding) counting as at least as extreme."""
    tol = 1e-9 * (np.abs(observed) + np.abs(sim).max(axis=0))
    larger = (sim >= observed - tol).sum(axis=0)
    larger = np.minimum(larger, permutations - larger)
    return (larger + 1.0) / (permutations + 1.0)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # esda's future default
def test_gi_star_equals_esda_on_the_253_iris(iris):
    import esda

    y = iris.data["count"].to_numpy(float)
    w = esda_weights(iris, "b")
    ref = esda.G_Local(y, w, transform="B", star=True, permutations=P, seed=7, n_jobs=1)
    got = gi_star(y, spatial_weights(iris).matrix, permutations=P, seed=7)
    for mine, theirs in [
        (got.g, ref.Gs),
        (got.expected, ref.EGs),
        (got.variance, ref.VGs),
        (got.z, ref.Zs),
        (got.p_norm, ref.p_norm),
        (got.z_sim, ref.z_sim),
    ]:
        np.testing.assert_allclose(mine, theirs, rtol=0, atol=1e-10)
    # the same draws: every unit's count of extreme permutations is esda's (esda keeps p_sim
    # in float32, hence the rounding to counts)
    np.testing.assert_array_equal(np.rint(got.p_sim * (P + 1)), np.rint(ref.p_sim * (P + 1)))
    table = getis_ord(iris, "count", permutations=P, seed=7)
    np.testing.assert_array_equal(table["p_sim"], got.p_sim)
    assert (table["spot"] == "hot").sum() >= 1


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_local_moran_equals_esda_on_the_253_iris(iris):
    import esda

    y = iris.data["count"].to_numpy(float)
    ref = esda.Moran_Local(y, esda_weights(iris, "r"), permutations=P, seed=3, n_jobs=1)
    got = moran_local(y, spatial_weights(iris).matrix, permutations=P, seed=3)
    for mine, theirs in [
        (got.i, ref.Is),
        (got.expected, ref.EI),
        (got.variance, ref.VI),
        (got.expected_c, ref.EIc),
        (got.variance_c, ref.VIc),
        (got.z_sim, ref.z_sim),
    ]:
        np.testing.assert_allclose(mine, theirs, rtol=0, atol=1e-10)
    np.testing.assert_array_equal(got.quadrant, ref.q)
    np.testing.assert_array_equal(got.p_sim, tie_exact(ref.sim, ref.Is, P))
    # esda's float comparison splits the ties of these counts by rounding: many p-values move
    assert (np.abs(got.p_sim - ref.p_sim) > 1e-9).sum() > 10


def test_contiguity_equals_libpysal_on_the_iris(iris):
    from libpysal import weights

    ids = list(iris.data["id"])
    for kind, builder in (("queen", weights.Queen), ("rook", weights.Rook)):
        ref = builder.from_iterable(list(iris.geometries), ids=ids)
        got = spatial_weights(iris, contiguity=kind, islands="keep")
        assert {k: sorted(v) for k, v in got.neighbors.items()} == {
            k: sorted(ref.neighbors[k]) for k in ids
        }


def knn(n, k, seed):
    xy = np.random.default_rng(seed).uniform(size=(n, 2))
    _, nearest = cKDTree(xy).query(xy, k=k + 1)
    rows = np.repeat(np.arange(n), k)
    return sparse.csr_array((np.ones(n * k), (rows, nearest[:, 1:].ravel())), shape=(n, n))


@pytest.mark.parametrize("statistic", [gi_star, moran_local])
def test_the_sweep_equals_the_direct_computation(statistic, monkeypatch):
    w = knn(3000, 6, seed=1)
    y = np.random.default_rng(2).poisson(2.0, 3000).astype(float)
    monkeypatch.setattr(lisa, "_SWEEP_FROM", 10**9)
    direct = statistic(y, w, permutations=199, seed=5)
    monkeypatch.setattr(lisa, "_SWEEP_FROM", 1)
    swept = statistic(y, w, permutations=199, seed=5)
    np.testing.assert_array_equal(swept.p_sim, direct.p_sim)
    np.testing.assert_allclose(swept.z_sim, direct.z_sim, rtol=1e-9, atol=1e-12)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_unequal_weights_follow_esda_draw_for_draw():
    import esda
    from libpysal.weights import WSP

    n = 300
    xy = np.random.default_rng(4).uniform(size=(n, 2))
    dist, nearest = cKDTree(xy).query(xy, k=5)
    rows = np.repeat(np.arange(n), 4)
    w = sparse.csr_array((1 / dist[:, 1:].ravel(), (rows, nearest[:, 1:].ravel())), (n, n))
    y = np.random.default_rng(5).normal(size=n)
    ref = esda.Moran_Local(y, WSP(w).to_W(silence_warnings=True), permutations=99, seed=1, n_jobs=1)
    got = moran_local(y, w, permutations=99, seed=1)
    np.testing.assert_allclose(got.i, ref.Is, rtol=0, atol=1e-10)
    np.testing.assert_allclose(got.z_sim, ref.z_sim, rtol=1e-8)
    np.testing.assert_allclose(got.p_sim, ref.p_sim, rtol=0, atol=1e-12)


def test_fast_draws_agree_with_esda_draws_within_monte_carlo_error():
    """Two independent sets of 999 permutations estimate the same conditional p-value: each
    estimate has a standard error of sqrt(p(1 - p) / 999); the bound is 5 standard errors of
    the difference plus one count."""
    w = knn(2000, 8, seed=3)
    y = np.random.default_rng(6).poisson(3.0, 2000).astype(float)
    for statistic in (gi_star, moran_local):
        a = statistic(y, w, permutations=P, seed=11).p_sim
        b = statistic(y, w, permutations=P, seed=11, draws="fast").p_sim
        p = (a + b) / 2
        bound = 5 * np.sqrt(2 * p * (1 - p) / P) + 1 / (P + 1)
        assert (np.abs(a - b) <= bound).all()
        assert (a != b).any()  # another stream indeed


def test_permutation_table_is_esdas_stream_or_a_fast_one():
    from esda.crand import vec_permutations

    np.testing.assert_array_equal(
        permutation_table(50, 4, 20, seed=9), vec_permutations(4, 50, 20, 9)
    )
    fast = permutation_table(1_000_000, 8, 50, seed=9, draws="fast")
    assert fast.shape == (50, 8) and fast.min() >= 0 and fast.max() < 999_999
    assert all(len(set(row)) == 8 for row in fast.tolist())
    fresh = permutation_table(50, 4, 3)  # seed None: fresh entropy
    assert fresh.shape == (3, 4)


def test_islands_have_no_pseudo_p_value():
    geoms = [shapely.box(i, 0, i + 1, 1) for i in range(4)] + [shapely.box(9, 9, 10, 10)]
    a = areas_from_geometries(list("abcde"), geoms, pd.DataFrame({"n": [5, 1, 0, 2, 9]}))
    gi = getis_ord(a, "n", permutations=99, seed=0, islands="keep")
    assert np.isnan(gi["p_sim"].iloc[-1]) and gi["spot"].iloc[-1] == "not significant"
    lm = local_moran(a, "n", permutations=99, seed=0, islands="keep")
    assert np.isnan(lm["p_sim"].iloc[-1]) and not np.isnan(lm["p_sim"].iloc[0])


def test_progress_reaches_its_total():
    seen = []
    gi_star(
        np.arange(10.0),
        knn(10, 2, seed=0),
        permutations=9,
        seed=0,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen and seen[-1][0] == seen[-1][1]


def test_errors():
    w = knn(10, 2, seed=0)
    y = np.arange(10.0)
    with pytest.raises(InvalidParameterError, match="'draws' parameter of permutation_table"):
        permutation_table(10, 2, 5, seed=0, draws="mt")
    with pytest.raises(InvalidParameterError, match="'seed' parameter of permutation_table"):
        permutation_table(10, 2, 5, seed=-1)
    with pytest.raises(InvalidParameterError, match="'seed' parameter of permutation_table"):
        permutation_table(10, 2, 5, seed=2**32)
    with pytest.raises(
        InvalidParameterError, match="'weights' parameter of gi_star must be a sparse 10×10"
    ):
        gi_star(y, np.ones((10, 10)))
    with pytest.raises(InvalidParameterError, match="sparse 10×10 matrix. Got \\(9, 9\\)"):
        moran_local(y, knn(9, 2, seed=0))
    with pytest.raises(InvalidParameterError, match="finite non-negative weights"):
        moran_local(y, -w)
    with pytest.raises(InvalidParameterError, match="at least 3 finite numbers. Got 2"):
        gi_star([1.0, 2.0], w[:2, :2])
    with pytest.raises(InvalidParameterError, match="at least 3 finite numbers"):
        gi_star(np.r_[np.nan, y[1:]], w)
    with pytest.raises(DataValidationError, match="value -1.0 of unit 1 is negative"):
        gi_star(np.r_[-1.0, y[1:]], w)
    with pytest.raises(DataValidationError, match="same value 4: no local statistic"):
        moran_local(np.full(10, 4.0), w)
    with pytest.raises(InvalidParameterError, match="'permutations' parameter of moran_local"):
        moran_local(y, w, permutations=0)
    with pytest.raises(InvalidParameterError, match="'draws' parameter of gi_star"):
        gi_star(y, w, draws="slow")


def test_areal_value_errors_name_the_file_and_column():
    geoms = [shapely.box(i, 0, i + 1, 1) for i in range(4)]
    frame = pd.DataFrame({"n": [3, 3, 3, 3], "m": [1, -2, 0, 4]})
    a = areas_from_geometries(list("abcd"), geoms, frame, source="units.geojson")
    with pytest.raises(DataValidationError, match="same value 3") as info:
        local_moran(a, "n")
    assert info.value.file == "units.geojson" and info.value.column == "n"
    with pytest.raises(DataValidationError, match="value -2.0 of unit 'b' is negative") as info:
        getis_ord(a, "m")
    assert info.value.row == 2 and info.value.column == "m"
    positive = areas_from_geometries(list("abcd"), geoms, frame.assign(m=[1, 2, 0, 4]))
    with pytest.raises(InvalidParameterError, match="'draws' parameter of getis_ord"):
        getis_ord(positive, "m", draws="x")
    with pytest.raises(InvalidParameterError, match="'draws' parameter of local_moran"):
        local_moran(positive, "m", draws="x")
