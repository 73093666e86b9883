"""The compiled sparse × dense engine (numba) against dense BLAS products and the references."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.complexity import _sparse_products as products
from grappe.complexity import (
    complexity_outlook,
    complexity_suite,
    cooccurrence,
    eci_pci,
    proximity,
    relatedness_density,
)
from grappe.errors import InvalidParameterError, MissingDependencyError

numba = pytest.importorskip("numba")


def _random_binary(rng, n, p, density):
    return (rng.random((n, p)) < density).astype(np.float64)


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(1, 40),
    p=st.integers(1, 30),
    k=st.integers(1, 25),
    density=st.floats(0.0, 1.0),
    width=st.integers(1, 9),
    threads=st.integers(1, 3),
    seed=st.integers(0, 2**16),
)
def test_products_equal_dense_products(n, p, k, density, width, threads, seed):
    """Any shape, tile width (remainder tiles included) and number of threads."""
    rng = np.random.default_rng(seed)
    M = _random_binary(rng, n, p, density)
    A = rng.normal(size=(p, k))
    w = rng.normal(size=p)
    S, G = products.sparse_dense_products(
        sp.csr_array(M), A, weights=w, width=width, n_threads=threads
    )
    np.testing.assert_allclose(S, M @ A, rtol=1e-13, atol=1e-13)
    np.testing.assert_allclose(G, (M * w) @ A, rtol=1e-13, atol=1e-13)
    S1, none = products.sparse_dense_products(sp.csr_array(M), A, width=width, n_threads=threads)
    assert none is None
    np.testing.assert_allclose(S1, M @ A, rtol=1e-13, atol=1e-13)


def test_upper_triangle_float32_and_untouched_lower():
    rng = np.random.default_rng(3)
    M = _random_binary(rng, 60, 23, 0.3)
    out = np.full((23, 23), -1.0, dtype=np.float32)
    C, _ = products.sparse_dense_products(
        sp.csr_array(M.T), M.astype(np.float32), upper=True, out=out, width=5, n_threads=2
    )
    assert C is out and C.dtype == np.float32
    full = M.T @ M
    iu = np.triu_indices(23)
    np.testing.assert_array_equal(C[iu], full[iu])  # integer counts are exact
    low = np.tril_indices(23, -1)
    assert ((C[low] == -1.0) | (C[low] == full[low])).all()
    assert (C[20:, :20] == -1.0).all()  # rows below the tiles of columns 0-19 are skipped


def test_stored_zeros_and_unsorted_indices_are_handled():
    # row 0 has a stored zero at column 1 and unsorted indices; it must count columns 2 and 0
    M = sp.csr_array(
        (np.array([1.0, 0.0, 1.0]), np.array([2, 1, 0]), np.array([0, 3, 3])), shape=(2, 3)
    )
    A = np.arange(12.0).reshape(3, 4)
    S, _ = products.sparse_dense_products(M, A, n_threads=1)
    np.testing.assert_array_equal(S, [A[0] + A[2], np.zeros(4)])
    assert M.data.size == 3  # the caller's matrix is not modified


def test_shapes_are_checked_before_the_unchecked_loop():
    M = sp.csr_array(np.eye(3))
    with pytest.raises(InvalidParameterError, match=r"Got \(3, 3\), \(4, 2\)"):
        products.sparse_dense_products(M, np.ones((4, 2)))
    with pytest.raises(InvalidParameterError, match=r"and \[\(2, 2\)\] instead"):
        products.sparse_dense_products(M, np.ones((3, 2)), out=np.empty((2, 2)))
    with pytest.raises(InvalidParameterError, match="shapes of M, A"):
        products.sparse_dense_products(M, np.ones(3))


def test_row_bands_cover_rows_with_equal_work():
    cost = np.r_[np.full(50, 1.0), np.full(50, 3.0)]
    bands = products._bands(cost, 2)
    assert bands[0][0] == 0 and bands[-1][1] == 100
    assert all(a[1] == b[0] for a, b in zip(bands, bands[1:], strict=False))
    sums = [cost[a:b].sum() for a, b in bands]
    assert max(sums) - min(sums) <= 2 * cost.max()  # a band is off by at most one row
    assert products._bands(cost, 1) == [(0, 100)]
    assert products._bands(np.zeros(10), 4) == [(0, 10)]
    assert products._bands(np.ones(3), 2) == [(0, 3)]  # too few rows to split


def test_concurrent_calls_from_threads_agree():
    """The loop releases the GIL and keeps no shared state: safe from several threads."""
    rng = np.random.default_rng(5)
    M = sp.csr_array(_random_binary(rng, 300, 120, 0.1))
    A = rng.random((120, 130))
    expected = M.toarray() @ A
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: products.sparse_dense_products(M, A)[0], range(8)))
    for res in results:
        np.testing.assert_allclose(res, expected, rtol=1e-13)


@pytest.mark.parametrize("form", ["dense", "sparse"])
def test_cooccurrence_engines_are_exact(form):
    rng = np.random.default_rng(11)
    M = _random_binary(rng, 500, 70, 0.12)
    arg = sp.csr_array(M) if form == "sparse" else M.astype(np.float32)
    C = cooccurrence(arg, engine="numba")
    np.testing.assert_array_equal(C, M.T @ M)
    np.testing.assert_array_equal(C, cooccurrence(arg, engine="numpy"))
    np.testing.assert_array_equal(C, C.T)


@pytest.mark.shared
def test_engines_agree_on_real_trade_matrix(shared_data):
    """The 2020 country x HS4 export matrix: 228 x 1,216 with real sparsity."""
    name = "stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
    path = shared_data / "economic_complexity" / name
    X = pd.read_csv(path).set_index("Row")
    a = complexity_suite(X, engine="numba")
    b = complexity_suite(X, engine="numpy")
    # co-occurrences are exact integers in both engines: proximity is bit-identical
    np.testing.assert_array_equal(a.proximity.to_numpy(), b.proximity.to_numpy())
    np.testing.assert_allclose(a.density.to_numpy(), b.density.to_numpy(), rtol=0, atol=1e-13)
    np.testing.assert_allclose(a.cog.to_numpy(), b.cog.to_numpy(), rtol=0, atol=1e-12)
    np.testing.assert_allclose(a.rows["coi"], b.rows["coi"], rtol=0, atol=1e-12)
    pd.testing.assert_frame_equal(a.cols, b.cols)


def test_public_functions_accept_engine_and_agree():
    rng = np.random.default_rng(2)
    M = pd.DataFrame(_random_binary(rng, 40, 15, 0.3))
    M = M.loc[M.sum(axis=1) > 0, M.sum(axis=0) > 0]
    res = eci_pci(M)
    for fn in (proximity, relatedness_density):
        np.testing.assert_allclose(fn(M, engine="numba"), fn(M, engine="numpy"), atol=1e-13)
    a, b = (complexity_outlook(M, res, engine=e) for e in ("numba", "numpy"))
    np.testing.assert_allclose(a.cog, b.cog, atol=1e-12)
    np.testing.assert_allclose(a.coi, b.coi, atol=1e-12)


def test_engine_errors(monkeypatch):
    X = np.array([[5.0, 3, 2], [4, 1, 0], [3, 0, 0]])
    with pytest.raises(InvalidParameterError, match="'engine' parameter of complexity_suite"):
        complexity_suite(X, threshold=0.9, engine="cuda")
    with pytest.raises(InvalidParameterError, match="'engine' parameter of proximity"):
        proximity(np.eye(3), engine="blas")
    with pytest.raises(InvalidParameterError, match="'engine' parameter of cooccurrence"):
        cooccurrence(np.eye(3), engine="fortran")
    # without numba: "numba" is refused with the fix, "auto" falls back to BLAS
    monkeypatch.setattr(products, "_kernel", lambda: None)
    assert not products.compiled_available()
    with pytest.raises(MissingDependencyError, match=r"pip install grappe\[fast\]"):
        complexity_suite(X, threshold=0.9, engine="numba")
    with pytest.raises(MissingDependencyError, match=r"pip install grappe\[fast\]"):
        products.sparse_dense_products(sp.csr_array(np.eye(2)), np.eye(2))
    with pytest.raises(MissingDependencyError, match="engine='numpy'"):
        relatedness_density(np.eye(3), engine="numba")
    auto = complexity_suite(X, threshold=0.9)
    assert auto.density.shape == (3, 3)
