"""Specialisation: RCA / location quotient, RPOP, binary specialisation, diversity, ubiquity.

References
----------
.. [1] Balassa, B. (1965). Trade liberalisation and "revealed" comparative advantage.
   *The Manchester School*, 33(2), 99–123.
.. [2] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
   MIT Press (RCA and RPOP presence tests, section "Technical box").
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from grappe._validation import check_number, check_option
from grappe.complexity._matrix import LabelledMatrix, as_matrix, wrap_like
from grappe.errors import InvalidParameterError

__all__ = ["binary_specialisation", "diversity", "rca", "rca_values", "rpop", "ubiquity"]


def rca_values(values: Any) -> Any:
    """RCA of a validated float64 matrix (dense or CSR); rows or columns summing to 0 give 0.

    This is the kernel behind :func:`rca`, without validation or labels.
    """
    row = np.asarray(values.sum(axis=1)).ravel()
    col = np.asarray(values.sum(axis=0)).ravel()
    total = float(row.sum())
    # divide by shares (<= 1) rather than multiply by inverses, which overflow for tiny rows
    col_share = col / total if total > 0 else col
    if sp.issparse(values):
        out = sp.csr_array(values, copy=True)
        rows_of = np.repeat(np.arange(out.shape[0]), np.diff(out.indptr))
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            out.data = out.data / row[rows_of] / col_share[out.indices]
        # 0/0 (empty row or column) is no advantage; an overflow stays the largest float
        np.nan_to_num(out.data, copy=False, nan=0.0, posinf=np.finfo(float).max)
        out.eliminate_zeros()
        return out
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = values / row[:, None]
        out /= col_share[None, :]
    np.nan_to_num(out, copy=False, nan=0.0, posinf=np.finfo(float).max)
    return out


def rca(X: Any, *, rows: Any = None, cols: Any = None, missing: str = "raise") -> Any:
    r"""Revealed comparative advantage (Balassa index) or location quotient.

    .. math:: RCA_{cp} = \frac{X_{cp} / \sum_{p'} X_{cp'}}{\sum_{c'} X_{c'p} / \sum_{c'p'} X_{c'p'}}

    On trade data this is Balassa's RCA [1]_; on employment by region and industry it is the
    location quotient. A location (or activity) whose total is 0 gets RCA 0.

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Non-negative activity: rows are locations, columns are activities.
    rows, cols : sequence, optional
        Labels when ``X`` is an array.
    missing : {"raise", "drop", "zero"}
        Policy for NaN cells (partial locations), see :func:`grappe.complexity.as_matrix`.

    Returns
    -------
    DataFrame, ndarray or sparse matrix
        Same form and shape as ``X`` (rows dropped by ``missing="drop"`` are absent).

    Raises
    ------
    InvalidParameterError
        If ``X`` is not a non-negative finite matrix.

    Examples
    --------
    >>> X = pd.DataFrame([[2.0, 2.0], [1.0, 3.0]], index=["a", "b"], columns=["x", "y"])
    >>> rca(X).round(3).to_numpy().tolist()
    [[1.333, 0.8], [0.667, 1.2]]

    References
    ----------
    .. [1] Balassa, B. (1965). Trade liberalisation and "revealed" comparative advantage.
       *The Manchester School*, 33(2), 99–123.
    """
    m = as_matrix(X, func="rca", rows=rows, cols=cols, missing=missing)
    return wrap_like(rca_values(m.values), m)


def rpop(
    X: Any,
    population: Any,
    *,
    rows: Any = None,
    cols: Any = None,
    missing: str = "raise",
) -> Any:
    r"""Revealed population advantage (RPOP): activity per inhabitant relative to the world's.

    .. math:: RPOP_{cp} = \frac{X_{cp} / N_c}{\sum_{c'} X_{c'p} / \sum_{c'} N_{c'}}

    The Growth Lab's population-based presence test [1]_, suited to regions of very
    different size where RCA overstates the specialisation of small, undiversified regions.

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Non-negative activity, locations × activities.
    population : Series or array-like
        Population of each location (a Series is aligned on the row labels of ``X``).
    rows, cols, missing
        As in :func:`rca`.

    Returns
    -------
    DataFrame, ndarray or sparse matrix
        Same form as ``X``.

    Raises
    ------
    InvalidParameterError
        If ``population`` does not give a positive value for every location.

    Examples
    --------
    >>> X = pd.DataFrame([[10.0, 0.0], [10.0, 20.0]], index=["a", "b"], columns=["x", "y"])
    >>> rpop(X, pd.Series({"a": 1.0, "b": 3.0})).round(3).to_numpy().tolist()
    [[2.0, 0.0], [0.667, 1.333]]

    References
    ----------
    .. [1] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
       MIT Press.
    """
    m = as_matrix(X, func="rpop", rows=rows, cols=cols, missing=missing)
    pop = _aligned_vector(population, m, "population", "rpop")
    col = np.asarray(m.values.sum(axis=0)).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where(col > 0, pop.sum() / col, 0.0)
    r = 1.0 / pop
    if m.is_sparse:
        out = sp.csr_array(sp.diags_array(r) @ m.values @ sp.diags_array(c))
    else:
        out = m.values * r[:, None] * c[None, :]
    return wrap_like(out, m)


def _aligned_vector(values: Any, m: LabelledMatrix, name: str, func: str) -> np.ndarray:
    if isinstance(values, pd.Series):
        missing = m.rows.difference(values.index)
        if len(missing):
            raise InvalidParameterError(
                f"The {name!r} parameter of {func} must give a value for every location. "
                f"Got none for {list(missing[:5])} instead."
            )
        vec = values.reindex(m.rows).to_numpy(dtype=float)
    else:
        vec = np.asarray(values, dtype=float).ravel()
        if vec.shape[0] != len(m.rows):
            raise InvalidParameterError(
                f"The {name!r} parameter of {func} must have one value per location "
                f"({len(m.rows)}). Got {vec.shape[0]} values instead."
            )
    if not np.isfinite(vec).all() or (vec <= 0).any():
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be positive and finite for every location. "
            "Got a zero, negative or missing value instead."
        )
    return vec


def binary_specialisation(
    X: Any,
    *,
    threshold: float = 1.0,
    method: str = "rca",
    population: Any = None,
    rows: Any = None,
    cols: Any = None,
    missing: str = "raise",
) -> Any:
    r"""Binary specialisation matrix :math:`M_{cp}` (1 when the location is specialised).

    .. math:: M_{cp} = 1 \text{ if } RCA_{cp} \ge t \text{ (or } RPOP_{cp} \ge t\text{)}

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Non-negative activity, locations × activities.
    threshold : float, default 1.0
        Threshold ``t``; ``RCA >= t`` counts as specialised (the convention of the Atlas, the
        R package economiccomplexity and py-ecomplexity).
    method : {"rca", "rpop", "rca_or_rpop"}
        Presence test: RCA, RPOP (needs ``population``) or either of the two (the Growth Lab's
        combined test for regions).
    population : Series or array-like, optional
        Population by location, for the RPOP tests.
    rows, cols, missing
        As in :func:`rca`.

    Returns
    -------
    DataFrame, ndarray or sparse matrix
        0/1 values (float64) in the form of ``X``.

    Raises
    ------
    InvalidParameterError
        For a bad threshold or method, or an RPOP test without ``population``.

    Examples
    --------
    >>> X = pd.DataFrame([[2.0, 2.0], [1.0, 3.0]], index=["a", "b"], columns=["x", "y"])
    >>> binary_specialisation(X)
         x    y
    a  1.0  0.0
    b  0.0  1.0

    References
    ----------
    .. [1] Hidalgo, C. A., & Hausmann, R. (2009). The building blocks of economic complexity.
       *PNAS*, 106(26), 10570–10575.
    """
    func = "binary_specialisation"
    check_number(threshold, "threshold", func=func, low=0.0, closed="neither")
    check_option(method, "method", ("rca", "rpop", "rca_or_rpop"), func=func)
    if method != "rca" and population is None:
        raise InvalidParameterError(
            f"The 'population' parameter of {func} must be given when method={method!r}. "
            "Got None instead."
        )
    m = as_matrix(X, func=func, rows=rows, cols=cols, missing=missing)
    score = rca_values(m.values) if method != "rpop" else None
    if method != "rca":
        pop_score = rpop(m.values, _aligned_vector(population, m, "population", func))
        score = pop_score if score is None else _elementwise_max(score, pop_score)
    return wrap_like(threshold_values(score, threshold), m)


def threshold_values(score: Any, threshold: float) -> Any:
    """0/1 float64 matrix of ``score >= threshold`` (sparse stays sparse)."""
    if sp.issparse(score):
        out = sp.csr_array(score >= threshold, dtype=float)
        out.eliminate_zeros()
        return out
    return (score >= threshold).astype(float)


def _elementwise_max(a: Any, b: Any) -> Any:
    if sp.issparse(a):
        return sp.csr_array(a.maximum(b))
    return np.maximum(a, b)


def diversity(M: Any, *, rows: Any = None, cols: Any = None) -> pd.Series:
    r"""Diversity :math:`k_{c,0} = \sum_p M_{cp}`: how many activities each location has.

    Parameters
    ----------
    M : DataFrame, array-like or scipy sparse matrix
        Binary specialisation matrix (see :func:`binary_specialisation`).
    rows, cols : sequence, optional
        Labels when ``M`` is an array.

    Returns
    -------
    Series
        Named ``"diversity"``, indexed by location.

    Raises
    ------
    InvalidParameterError
        If ``M`` is not a matrix (see :func:`~grappe.complexity.as_matrix`).

    Examples
    --------
    >>> diversity([[1, 1, 0], [0, 1, 0]], rows=["a", "b"]).tolist()
    [2.0, 1.0]

    References
    ----------
    .. [1] Hidalgo, C. A., & Hausmann, R. (2009). The building blocks of economic complexity.
       *PNAS*, 106(26), 10570–10575.
    """
    m = as_matrix(M, func="diversity", rows=rows, cols=cols)
    return pd.Series(np.asarray(m.values.sum(axis=1)).ravel(), index=m.rows, name="diversity")


def ubiquity(M: Any, *, rows: Any = None, cols: Any = None) -> pd.Series:
    r"""Ubiquity :math:`k_{p,0} = \sum_c M_{cp}`: how many locations have each activity.

    Parameters
    ----------
    M : DataFrame, array-like or scipy sparse matrix
        Binary specialisation matrix.
    rows, cols : sequence, optional
        Labels when ``M`` is an array.

    Returns
    -------
    Series
        Named ``"ubiquity"``, indexed by activity.

    Raises
    ------
    InvalidParameterError
        If ``M`` is not a matrix (see :func:`~grappe.complexity.as_matrix`).

    Examples
    --------
    >>> ubiquity([[1, 1, 0], [0, 1, 0]], cols=["x", "y", "z"]).tolist()
    [1.0, 2.0, 0.0]

    References
    ----------
    .. [1] Hidalgo, C. A., & Hausmann, R. (2009). The building blocks of economic complexity.
       *PNAS*, 106(26), 10570–10575.
    """
    m = as_matrix(M, func="ubiquity", rows=rows, cols=cols)
    return pd.Series(np.asarray(m.values.sum(axis=0)).ravel(), index=m.cols, name="ubiquity")
