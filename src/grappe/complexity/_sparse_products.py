"""Products of a sparse 0/1 matrix with a dense one, without multiplying by zero.

Relatedness density, COG and the co-occurrence counts multiply the binary specialisation
matrix :math:`M` (about 6–10 % ones in real data) by a dense matrix with one row per activity.
BLAS does that as a dense product, :math:`2 n P^2` flops, most of them multiplications by
zero. The compiled loop here (optional numba, ``grappe[fast]``) visits only the ones of
:math:`M`: the dense matrix is cut into tiles of ``width`` columns, each copied once so that it
stays in cache, and every row adds the tile rows of its ones, four at a time, in a loop the
compiler vectorises. The work is :math:`\\mathrm{nnz}(M) \\cdot P` additions, about 15× fewer
than BLAS at real-data sparsity. The loop releases the GIL: threads take bands of rows of equal
work, so it runs in parallel without numba's threading layer (and is safe to call from several
threads at once).

Sums are taken in another order than BLAS's, so results agree with the dense product to
rounding (about 1e-15 relative), not bit for bit; integer counts are exact.

References
----------
.. [1] Lam, S. K., Pitrou, A., & Seibert, S. (2015). Numba: a LLVM-based Python JIT compiler.
   *Proc. LLVM-HPC*, 1–6.
.. [2] Buluç, A., & Gilbert, J. R. (2012). Parallel sparse matrix–matrix multiplication and
   indexing. *SIAM J. Sci. Comput.*, 34(4), C170–C191 (tiling the dense operand).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import scipy.sparse as sp

from grappe._compiled import lazy_kernel
from grappe.errors import InvalidParameterError, MissingDependencyError

__all__ = ["ENGINES", "compiled_available", "resolve_engine", "sparse_dense_products"]

#: ``"auto"`` uses the compiled loop when numba is installed, ``"numba"`` requires it and
#: ``"numpy"`` always uses dense BLAS products.
ENGINES = ("auto", "numba", "numpy")

#: Columns of the dense operand per tile: 64 float64 columns of 5,000 rows (2.6 MB) stay in
#: the L3 cache (measured best of 16–256 on a 2-core Zen 4; docs/benchmarks/complexity.md).
TILE_WIDTH = 64


def compiled_available() -> bool:
    """Whether the optional compiled loop (numba) can be used."""
    return _kernel() is not None


def resolve_engine(engine: str) -> str:
    """``"numba"`` or ``"numpy"`` for a validated ``engine`` option.

    Raises
    ------
    MissingDependencyError
        If ``engine="numba"`` and numba is not installed.
    """
    if engine == "numpy":
        return "numpy"
    if compiled_available():
        return "numba"
    if engine == "numba":
        raise MissingDependencyError(
            "The numba engine of grappe.complexity needs numba: pip install grappe[fast] "
            "(or pass engine='numpy')."
        )
    return "numpy"


def sparse_dense_products(
    M: Any,
    A: np.ndarray,
    *,
    weights: np.ndarray | None = None,
    upper: bool = False,
    out: np.ndarray | None = None,
    out_weighted: np.ndarray | None = None,
    width: int = TILE_WIDTH,
    n_threads: int | None = None,
) -> tuple[np.ndarray, np.ndarray | None]:
    """``M @ A`` and ``(M · diag(weights)) @ A`` for a 0/1 CSR matrix ``M``, compiled.

    Parameters
    ----------
    M : scipy.sparse CSR array or matrix, shape (n, P)
        Binary matrix (only the positions of its non-zeros are read).
    A : ndarray, shape (P, K)
        Dense right operand, float32 or float64 (the sums keep its type).
    weights : ndarray, shape (P,), optional
        Column weights of ``M`` for the second product.
    upper : bool, default False
        For symmetric results: compute the entries ``(i, k)`` with ``i <= k``, skipping the
        rows below each tile of columns. Entries below the diagonal are left untouched or,
        within a tile that crosses the diagonal, computed.
    out, out_weighted : ndarray, shape (n, K), optional
        Where to write the products (C-contiguous, ``A``'s dtype).
    width : int
        Tile width (columns of ``A`` per pass).
    n_threads : int, optional
        Threads; the CPUs available to the process by default.

    Returns
    -------
    (ndarray, ndarray or None)
        The two products (the second is None without ``weights``).
    """
    kernel = _kernel()
    if kernel is None:
        raise MissingDependencyError("The compiled products need numba: pip install grappe[fast]")
    csr = sp.csr_array(M)
    if csr.nnz and not csr.data.all():  # stored zeros are not ones
        csr = csr.copy()
        csr.eliminate_zeros()
    if not csr.has_sorted_indices:
        csr = csr.sorted_indices()
    n = csr.shape[0]
    A = np.ascontiguousarray(A)
    # the compiled loop does not check bounds: shapes are checked here
    shape = (n, A.shape[1]) if A.ndim == 2 else None
    given = [o.shape for o in (out, out_weighted) if o is not None]
    if shape is None or csr.shape[1] != A.shape[0] or any(g != shape for g in given):
        raise InvalidParameterError(
            "The shapes of M, A and the outputs of sparse_dense_products must be (n, P), "
            f"(P, K) and (n, K). Got {csr.shape}, {A.shape} and {given} instead."
        )
    if out is None:
        out = np.empty((n, A.shape[1]), dtype=A.dtype)
    weighted = weights is not None
    w = np.ascontiguousarray(weights, dtype=A.dtype) if weighted else np.zeros(1, dtype=A.dtype)
    if weighted and out_weighted is None:
        out_weighted = np.empty((n, A.shape[1]), dtype=A.dtype)
    second = out_weighted if weighted else np.empty((1, 1), dtype=A.dtype)
    indptr = csr.indptr.astype(np.int64, copy=False)
    indices = csr.indices.astype(np.int64, copy=False)
    # cost of a row: its ones times the columns it fills (fewer in the upper triangle)
    cost = np.diff(indptr).astype(np.float64)
    if upper:
        cost *= np.maximum(A.shape[1] - np.arange(n), 0)
    bands = _bands(cost, n_threads or _cpus())

    def run(band: tuple[int, int]) -> None:
        kernel(indptr, indices, A, w, weighted, band[0], band[1], width, upper, out, second)

    if len(bands) == 1:
        run(bands[0])
    else:
        with ThreadPoolExecutor(len(bands)) as pool:
            list(pool.map(run, bands))
    return out, (out_weighted if weighted else None)


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _bands(cost: np.ndarray, n_threads: int) -> list[tuple[int, int]]:
    """Contiguous row bands of about equal total cost, one per thread."""
    n = cost.size
    total = float(cost.sum())
    if n_threads <= 1 or n < 2 * n_threads or total <= 0:
        return [(0, n)]
    cuts = np.searchsorted(np.cumsum(cost), total * np.arange(1, n_threads) / n_threads)
    edges = np.unique(np.concatenate([[0], np.clip(cuts, 0, n), [n]]))
    return [(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:], strict=False) if b > a]


def _build_kernel(numba):
    """The compiled loop (compiled once per process, cached on disk)."""

    @numba.njit(nogil=True, cache=True)
    def kernel(  # pragma: no cover
        indptr, indices, A, w, weighted, r0, r1, width, upper, out, out_w
    ):
        # rows r0..r1 of out = M @ A and out_w = (M diag(w)) @ A, tile by tile of columns
        P, K = A.shape
        tile = np.zeros((P, width), dtype=A.dtype)
        s = np.zeros(width, dtype=A.dtype)
        g = np.zeros(width, dtype=A.dtype)
        for k0 in range(0, K, width):
            kw = min(width, K - k0)
            for r in range(P):
                for q in range(kw):
                    tile[r, q] = A[r, k0 + q]
                for q in range(kw, width):
                    tile[r, q] = 0.0
            stop = min(r1, k0 + kw) if upper else r1
            for c in range(r0, stop):
                for q in range(width):
                    s[q] = 0.0
                    g[q] = 0.0
                idx = indptr[c]
                end = indptr[c + 1]
                if weighted:
                    while idx + 4 <= end:
                        j0, j1 = indices[idx], indices[idx + 1]
                        j2, j3 = indices[idx + 2], indices[idx + 3]
                        w0, w1, w2, w3 = w[j0], w[j1], w[j2], w[j3]
                        for q in range(width):
                            t0, t1, t2, t3 = tile[j0, q], tile[j1, q], tile[j2, q], tile[j3, q]
                            s[q] += (t0 + t1) + (t2 + t3)
                            g[q] += (w0 * t0 + w1 * t1) + (w2 * t2 + w3 * t3)
                        idx += 4
                    while idx < end:
                        j0 = indices[idx]
                        w0 = w[j0]
                        for q in range(width):
                            s[q] += tile[j0, q]
                            g[q] += w0 * tile[j0, q]
                        idx += 1
                else:
                    while idx + 4 <= end:
                        j0, j1 = indices[idx], indices[idx + 1]
                        j2, j3 = indices[idx + 2], indices[idx + 3]
                        for q in range(width):
                            s[q] += (tile[j0, q] + tile[j1, q]) + (tile[j2, q] + tile[j3, q])
                        idx += 4
                    while idx < end:
                        j0 = indices[idx]
                        for q in range(width):
                            s[q] += tile[j0, q]
                        idx += 1
                for q in range(kw):
                    out[c, k0 + q] = s[q]
                if weighted:
                    for q in range(kw):
                        out_w[c, k0 + q] = g[q]

    return kernel


#: The compiled loop, or None without numba.
_kernel = lazy_kernel(_build_kernel)
