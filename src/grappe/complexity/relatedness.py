"""Relatedness: proximity between activities (or locations) and relatedness density.

All measures start from the co-occurrence matrix :math:`C = M^\\top M` (how many locations
are specialised in both activities) and the ubiquities :math:`u_i = C_{ii}`.

==================  ======================================================  ==================
``measure``          formula                                                reference
==================  ======================================================  ==================
``"proximity"``      :math:`C_{ij} / \\max(u_i, u_j)` (min. of conditional  Hidalgo et al. 2007
                     probabilities)
``"conditional"``    :math:`C_{ij} / u_i = P(j \\mid i)` (asymmetric)        Hidalgo et al. 2007
``"cosine"``         :math:`C_{ij} / \\sqrt{u_i u_j}`                        Salton & McGill 1983
``"jaccard"``        :math:`C_{ij} / (u_i + u_j - C_{ij})`                  Jaccard 1901
``"association"``    :math:`C_{ij} N / (u_i u_j)` (observed / expected       van Eck & Waltman
                     co-occurrence, ``N`` locations)                        2009
==================  ======================================================  ==================

Co-occurrence counts are exact: a compiled loop over the ones of :math:`M` when numba is
installed (``engine="numba"``, :mod:`grappe.complexity._sparse_products`), otherwise a float32
BLAS product (exact below 2**24 locations); they are divided in float64.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from grappe._validation import check_number, check_option
from grappe.complexity._matrix import as_matrix
from grappe.complexity._sparse_products import ENGINES, resolve_engine, sparse_dense_products
from grappe.complexity.eci import check_binary
from grappe.errors import InvalidParameterError

__all__ = [
    "ENGINES",
    "MEASURES",
    "cooccurrence",
    "knn_density",
    "proximity",
    "proximity_values",
    "relatedness_density",
    "density_outlook_values",
    "density_values",
]

MEASURES = ("proximity", "conditional", "cosine", "jaccard", "association")


def cooccurrence(M: Any, *, engine: str = "auto") -> np.ndarray:
    """Exact co-occurrence counts :math:`C = M^\\top M` of a 0/1 matrix.

    :math:`C_{pp'}` is the number of locations specialised in both ``p`` and ``p'``; its
    diagonal is the ubiquity of each activity.

    Parameters
    ----------
    M : ndarray or scipy.sparse matrix, shape (n_locations, n_activities)
        Binary specialisation matrix (0/1).
    engine : {"auto", "numba", "numpy"}, default "auto"
        ``"numba"`` (the default when numba is installed, ``grappe[fast]``) adds, for each
        activity, the rows of the locations specialised in it, one triangle only: work
        proportional to the ones of ``M``. ``"numpy"`` uses BLAS as below.

    Returns
    -------
    ndarray, shape (n_activities, n_activities)
        Symmetric float64 counts.

    Raises
    ------
    MissingDependencyError
        If ``engine="numba"`` and numba is not installed.

    Notes
    -----
    With ``engine="numpy"`` the product runs on BLAS in single precision, which is exact for
    counts below :math:`2^{24}` (locations up to 16.7 million), as a symmetric rank-k update
    (``ssyrk``) that computes one triangle only — half the work of a general product. Very
    large sparse inputs use a sparse product instead.

    References
    ----------
    .. [1] Hidalgo, C. A., Klinger, B., Barabási, A.-L., & Hausmann, R. (2007). The product
       space conditions the development of nations. *Science*, 317(5837), 482–487.

    Examples
    --------
    >>> cooccurrence(np.array([[1, 1, 0], [1, 0, 1]]))
    array([[2., 1., 1.],
           [1., 1., 0.],
           [1., 0., 1.]])
    """
    check_option(engine, "engine", ENGINES, func="cooccurrence")
    if resolve_engine(engine) == "numba":
        if sp.issparse(M):
            by_activity = sp.csr_array(sp.csr_array(M).T)  # the locations of each activity
            dense = M.toarray().astype(np.float64, copy=False)
        else:
            dense = np.ascontiguousarray(M, dtype=np.float64)
            by_activity = sp.csr_array(dense.T)
        C, _ = sparse_dense_products(by_activity, dense, upper=True)
        return _mirror_upper(C)
    if sp.issparse(M) and M.shape[0] * M.shape[1] > 2_000_000_000:
        m32 = sp.csr_array(M, dtype=np.float32)
        return (m32.T @ m32).toarray().astype(np.float64)
    from scipy.linalg.blas import ssyrk

    m32 = sp.csr_array(M, dtype=np.float32).toarray(order="F") if sp.issparse(M) else M
    m32 = np.asarray(m32, dtype=np.float32, order="F")
    upper = ssyrk(1.0, m32, trans=1, lower=0)  # upper triangle of M^T M
    return _mirror_upper(upper.astype(np.float64))


def _mirror_upper(C: np.ndarray, *, block: int = 512) -> np.ndarray:
    """Copy the upper triangle of square ``C`` onto its lower triangle, in place, by blocks."""
    n = C.shape[0]
    for start in range(0, n, block):
        stop = min(start + block, n)
        C[start:stop, :start] = C[:start, start:stop].T
        diag = C[start:stop, start:stop]
        low = np.tril_indices(stop - start, -1)
        diag[low] = diag.T[low]
    return C


def proximity_values(
    M: Any, *, measure: str = "proximity", diagonal: float | None = None, engine: str = "auto"
) -> np.ndarray:
    """Kernel of :func:`proximity` on a validated 0/1 matrix (columns are the items)."""
    C = cooccurrence(M, engine=engine)
    u = np.diag(C).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "proximity":
            phi = C / np.maximum(u[:, None], u[None, :])
        elif measure == "conditional":
            phi = C / u[:, None]
        elif measure == "cosine":
            s = np.sqrt(u)
            phi = C / s[:, None] / s[None, :]
        elif measure == "jaccard":
            phi = C / (u[:, None] + u[None, :] - C)
        else:
            phi = C * (M.shape[0] / u[:, None]) / u[None, :]
    phi[~np.isfinite(phi)] = 0.0
    if diagonal is not None:
        np.fill_diagonal(phi, diagonal)
    return phi


def proximity(
    M: Any,
    *,
    measure: str = "proximity",
    axis: str = "columns",
    diagonal: float | None = None,
    rows: Any = None,
    cols: Any = None,
    engine: str = "auto",
) -> pd.DataFrame:
    r"""Relatedness between activities (or locations) from co-specialisation.

    Parameters
    ----------
    M : DataFrame, array-like or scipy sparse matrix
        Binary specialisation matrix, locations × activities.
    measure : {"proximity", "conditional", "cosine", "jaccard", "association"}
        Normalisation of the co-occurrence counts (see the module table). ``"proximity"`` is
        the minimum of the two conditional probabilities of Hidalgo et al. [1]_.
    axis : {"columns", "rows"}
        ``"columns"``: relatedness between activities (the product / industry space);
        ``"rows"``: between locations.
    diagonal : float, optional
        Value to put on the diagonal. ``None`` keeps the value the formula gives (1 for
        proximity, conditional, cosine and Jaccard: the convention of py-ecomplexity and Stata
        ``ecomplexity``); ``0.0`` reproduces R economiccomplexity, econcomplex and
        economic-complexity, which exclude self-proximity.
    rows, cols : sequence, optional
        Labels when ``M`` is an array.
    engine : {"auto", "numba", "numpy"}, default "auto"
        ``"numba"`` (used by ``"auto"`` when numba is installed, ``grappe[fast]``) visits only
        the ones of ``M`` in a compiled loop; ``"numpy"`` runs dense BLAS products. Results
        agree to rounding (about 1e-15).

    Returns
    -------
    DataFrame
        Square matrix labelled by activities (or locations). Pairs involving an item that
        no location specialises in are 0.

    Raises
    ------
    InvalidParameterError
        If ``M`` is not binary or an option is unknown.
    MissingDependencyError
        If ``engine="numba"`` and numba is not installed.

    Examples
    --------
    >>> M = pd.DataFrame([[1, 1, 0], [1, 0, 1], [1, 1, 0]], columns=["x", "y", "z"])
    >>> proximity(M).round(3)
           x      y      z
    x  1.000  0.667  0.333
    y  0.667  1.000  0.000
    z  0.333  0.000  1.000

    References
    ----------
    .. [1] Hidalgo, C. A., Klinger, B., Barabási, A.-L., & Hausmann, R. (2007). The product
       space conditions the development of nations. *Science*, 317(5837), 482–487.
    .. [2] van Eck, N. J., & Waltman, L. (2009). How to normalize cooccurrence data? *JASIST*,
       60(8), 1635–1651.
    """
    func = "proximity"
    check_option(measure, "measure", MEASURES, func=func)
    check_option(axis, "axis", ("columns", "rows"), func=func)
    check_option(engine, "engine", ENGINES, func=func)
    if diagonal is not None:
        check_number(diagonal, "diagonal", func=func)
    m = as_matrix(M, func=func, name="M", rows=rows, cols=cols)
    check_binary(m, func)
    values = m.values if axis == "columns" else m.values.T
    labels = m.cols if axis == "columns" else m.rows
    phi = proximity_values(values, measure=measure, diagonal=diagonal, engine=engine)
    return pd.DataFrame(phi, index=labels, columns=labels)


def density_outlook_values(
    M: Any,
    phi: np.ndarray,
    kp: np.ndarray | None = None,
    *,
    block: int = 1024,
    engine: str = "auto",
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    """Density, raw COI and raw COG sums in one pass over row blocks of ``M``.

    The two products :math:`M\\phi` and :math:`(M\\,\\mathrm{diag}(w))\\phi` run either as one
    compiled pass over the ones of ``M`` (``engine="numba"``, written straight into the
    outputs) or, per block of rows, on BLAS (``"numpy"``). Working by blocks bounds the
    temporaries to ``block × P`` whatever the number of locations. Returns
    ``(density, coi, cog)``; ``coi`` and ``cog`` are ``None`` when ``kp`` is ``None``.
    """
    compiled = resolve_engine(engine) == "numba"
    n_rows = M.shape[0]
    colsum = phi.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(colsum > 0, 1.0 / colsum, 0.0)
    density = np.empty((n_rows, phi.shape[1]))
    coi = cog = None
    if kp is not None:
        rowsum = phi.sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            w = np.where(rowsum > 0, kp / rowsum, 0.0)
        reach = w @ phi  # sum over p' of w_p' phi_p'p, as if nothing were present yet
        coi = np.empty(n_rows)
        cog = np.empty((n_rows, phi.shape[1]))
    if compiled:  # raw sums straight into the outputs, finished block by block below
        block = min(block, 512)  # only the masking temporaries remain: keep them small
        sparse_dense_products(
            M,
            np.ascontiguousarray(phi, dtype=np.float64),
            weights=None if kp is None else w,
            out=density,
            out_weighted=cog,
        )
    for start in range(0, n_rows, block):
        stop = min(start + block, n_rows)
        Mb = M[start:stop]
        Mb = Mb.toarray() if sp.issparse(Mb) else np.asarray(Mb, dtype=np.float64)
        dens = density[start:stop] if compiled else Mb @ phi
        dens *= scale[None, :]
        if not compiled:
            density[start:stop] = dens
        if kp is not None:
            absent = 1.0 - Mb
            coi[start:stop] = (dens * absent) @ kp
            gain = cog[start:stop] if compiled else (Mb * w[None, :]) @ phi
            np.subtract(reach[None, :], gain, out=gain)
            gain *= absent
            if not compiled:
                cog[start:stop] = gain
    return density, coi, cog


def density_values(M: Any, phi: np.ndarray, *, engine: str = "auto") -> np.ndarray:
    r"""Kernel of :func:`relatedness_density`: :math:`\omega = M \phi / \sum_k \phi_{kp}`."""
    return density_outlook_values(M, phi, engine=engine)[0]


def _phi_for(M: Any, phi: Any, m_cols: pd.Index, func: str) -> np.ndarray:
    if phi is None:
        return None
    if isinstance(phi, pd.DataFrame):
        if not (phi.index.equals(m_cols) and phi.columns.equals(m_cols)):
            missing = m_cols.difference(phi.index)
            if len(missing):
                raise InvalidParameterError(
                    f"The 'phi' parameter of {func} must cover every activity of M. "
                    f"Got no row for {list(missing[:5])} instead."
                )
            phi = phi.reindex(index=m_cols, columns=m_cols)
        arr = phi.to_numpy(dtype=float)
    else:
        arr = np.asarray(phi, dtype=float)
    if arr.shape != (M.shape[1], M.shape[1]) or not np.isfinite(arr).all() or (arr < 0).any():
        raise InvalidParameterError(
            f"The 'phi' parameter of {func} must be a finite non-negative square matrix with one "
            f"row per activity ({M.shape[1]}). Got shape {arr.shape} instead."
        )
    return arr


def relatedness_density(
    M: Any,
    phi: Any = None,
    *,
    measure: str = "proximity",
    diagonal: float | None = 0.0,
    rows: Any = None,
    cols: Any = None,
    engine: str = "auto",
) -> pd.DataFrame:
    r"""Relatedness density: how related each activity is to what a location already does.

    .. math:: \omega_{cp} = \frac{\sum_k M_{ck}\,\phi_{kp}}{\sum_k \phi_{kp}}

    Parameters
    ----------
    M : DataFrame, array-like or scipy sparse matrix
        Binary specialisation matrix, locations × activities.
    phi : DataFrame or array-like, optional
        Relatedness between activities (square); computed with :func:`proximity` when absent.
        Any relatedness works, e.g. input–output links (:mod:`grappe.complexity.io_relatedness`).
    measure, diagonal
        Passed to :func:`proximity` when ``phi`` is absent. The default ``diagonal=0.0``
        (no self-proximity) reproduces Stata ``ecomplexity`` (to 1e-15 on its ground truth),
        econcomplex (which reports the value × 100) and economic-complexity; ``None`` keeps
        the natural diagonal of 1, as py-ecomplexity does.
    rows, cols : sequence, optional
        Labels when ``M`` is an array.
    engine : {"auto", "numba", "numpy"}, default "auto"
        See :func:`proximity`; used for the proximity and for the density product.

    Returns
    -------
    DataFrame
        Locations × activities, values in [0, 1] for proximity-like measures.

    Raises
    ------
    InvalidParameterError
        If ``M`` is not binary or ``phi`` does not match its activities.
    MissingDependencyError
        If ``engine="numba"`` and numba is not installed.

    Examples
    --------
    >>> M = pd.DataFrame([[1, 1, 0], [1, 0, 1], [1, 1, 0]], columns=["x", "y", "z"])
    >>> relatedness_density(M).round(3).loc[1].tolist()
    [0.333, 1.0, 1.0]

    References
    ----------
    .. [1] Hidalgo, C. A., Klinger, B., Barabási, A.-L., & Hausmann, R. (2007). The product
       space conditions the development of nations. *Science*, 317(5837), 482–487.
    .. [2] Hidalgo, C. A., et al. (2018). The principle of relatedness. *Springer Proceedings
       in Complexity*, 451–457.
    """
    func = "relatedness_density"
    check_option(measure, "measure", MEASURES, func=func)
    check_option(engine, "engine", ENGINES, func=func)
    m = as_matrix(M, func=func, name="M", rows=rows, cols=cols)
    check_binary(m, func)
    arr = _phi_for(m.values, phi, m.cols, func)
    if arr is None:
        arr = proximity_values(m.values, measure=measure, diagonal=diagonal, engine=engine)
    dens = density_values(m.values, arr, engine=engine)
    return pd.DataFrame(dens, index=m.rows, columns=m.cols)


def knn_density(
    M: Any,
    phi: Any = None,
    *,
    k: int = 10,
    diagonal: float | None = 0.0,
    rows: Any = None,
    cols: Any = None,
) -> pd.DataFrame:
    r"""Relatedness density over each activity's ``k`` most related activities.

    .. math:: \omega^{(k)}_{cp} = \frac{\sum_{j \in N_k(p)} M_{cj}\,\phi_{jp}}
              {\sum_{j \in N_k(p)} \phi_{jp}}

    where :math:`N_k(p)` are the ``k`` activities with the highest :math:`\phi_{jp}` (the
    activity itself included when its diagonal is the largest value, as in Stata
    ``ecomplexity``'s ``knn()`` option; ties broken by position).

    Parameters
    ----------
    M : DataFrame, array-like or scipy sparse matrix
        Binary specialisation matrix.
    phi : DataFrame or array-like, optional
        Relatedness (computed with :func:`proximity` when absent).
    k : int, default 10
        Number of neighbours (at most the number of activities).
    diagonal : float, optional
        Passed to :func:`proximity` when ``phi`` is absent.
    rows, cols : sequence, optional
        Labels when ``M`` is an array.

    Returns
    -------
    DataFrame
        Locations × activities.

    Raises
    ------
    InvalidParameterError
        If ``k`` is not in ``[1, number of activities]``.

    Examples
    --------
    >>> M = pd.DataFrame([[1, 1, 0], [1, 0, 1], [1, 1, 0]], columns=["x", "y", "z"])
    >>> knn_density(M, k=3).equals(relatedness_density(M))
    True

    References
    ----------
    .. [1] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
       MIT Press.
    """
    func = "knn_density"
    m = as_matrix(M, func=func, name="M", rows=rows, cols=cols)
    check_number(k, "k", func=func, low=1, high=m.values.shape[1], integer=True)
    check_binary(m, func)
    arr = _phi_for(m.values, phi, m.cols, func)
    if arr is None:
        arr = proximity_values(m.values, measure="proximity", diagonal=diagonal)
    n = arr.shape[0]
    # for each target activity p (column), keep its k strongest links j
    order = np.argsort(-arr, axis=0, kind="stable")[:k]
    mask = np.zeros_like(arr, dtype=bool)
    mask[order, np.arange(n)[None, :]] = True
    return pd.DataFrame(
        density_values(m.values, np.where(mask, arr, 0.0)), index=m.rows, columns=m.cols
    )
