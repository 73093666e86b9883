"""Concentration and specialisation indices on region × industry employment.

Every function takes a region × industry matrix (wide DataFrame, array or sparse matrix; rows
are regions, columns industries) and returns a labelled Series. Industry *concentration*
compares an industry's distribution across regions with the distribution of all employment;
regional *specialisation* compares a region's industry mix with the national mix.

References
----------
.. [1] Hoover, E. M. (1936). The measurement of industrial localization. *Review of Economics
   and Statistics*, 18(4), 162–171.
.. [2] Krugman, P. (1991). *Geography and Trade*. MIT Press (locational Gini, appendix D).
.. [3] Midelfart-Knarvik, K. H., Overman, H. G., Redding, S. J., & Venables, A. J. (2000).
   The location of European industry. *European Economy Economic Papers* 142.
.. [4] Hirschman, A. O. (1964). The paternity of an index. *American Economic Review*, 54(5), 761.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_bool, check_option
from grappe.complexity._matrix import LabelledMatrix, as_matrix
from grappe.errors import InvalidParameterError

__all__ = ["gini", "herfindahl", "hoover", "krugman", "locational_gini"]


def _dense(
    X: Any, func: str, rows: Any, cols: Any, missing: str
) -> tuple[np.ndarray, LabelledMatrix]:
    m = as_matrix(X, func=func, rows=rows, cols=cols, missing=missing)
    values = m.dense()
    if values.sum() <= 0:
        raise InvalidParameterError(
            f"The 'X' parameter of {func} must have some positive employment. "
            "Got only zeros instead."
        )
    return values, m


def _shares(values: np.ndarray, axis: int) -> np.ndarray:
    tot = values.sum(axis=axis, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(tot > 0, values / tot, np.nan)


def hoover(
    X: Any, *, by: str = "industry", rows: Any = None, cols: Any = None, missing: str = "raise"
) -> pd.Series:
    r"""Hoover (dissimilarity) index.

    .. math::

        H_k = \tfrac12 \sum_r \left| \frac{E_{rk}}{E_{\cdot k}}
              - \frac{E_{r\cdot}}{E_{\cdot\cdot}} \right|

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Employment, regions × industries.
    by : {"industry", "region"}
        ``"industry"``: localisation of each industry across regions (vs total employment);
        ``"region"``: specialisation of each region across industries (vs the national mix,
        the Hoover specialisation coefficient).
    rows, cols : sequence, optional
        Labels for array inputs.
    missing : {"raise", "drop", "zero"}
        Policy for NaN (partial) regions; see :func:`grappe.complexity.as_matrix`.

    Returns
    -------
    Series
        Values in [0, 1) named ``"hoover"`` (NaN for an industry or region with no employment).

    Raises
    ------
    InvalidParameterError
        For a bad ``by`` or matrix.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10.0, 0.0], "b": [10.0, 20.0]}, index=["r1", "r2"])
    >>> hoover(X).round(4).to_dict()
    {'a': 0.5, 'b': 0.1667}

    References
    ----------
    .. [1] Hoover, E. M. (1936). The measurement of industrial localization. *Review of
       Economics and Statistics*, 18(4), 162–171.
    """
    func = "hoover"
    check_option(by, "by", ("industry", "region"), func=func)
    values, m = _dense(X, func, rows, cols, missing)
    if by == "region":
        values = values.T
    own = _shares(values, axis=0)
    ref = values.sum(axis=1) / values.sum()
    out = 0.5 * np.abs(own - ref[:, None]).sum(axis=0)
    out[np.isnan(own).all(axis=0)] = np.nan
    return pd.Series(out, index=m.cols if by == "industry" else m.rows, name="hoover")


def krugman(
    X: Any, *, reference: str = "rest", rows: Any = None, cols: Any = None, missing: str = "raise"
) -> pd.Series:
    r"""Krugman specialisation index of each region.

    .. math:: K_r = \sum_k \left| s_{rk} - \bar s_{k} \right|, \quad s_{rk} = E_{rk} / E_{r\cdot}

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Employment, regions × industries.
    reference : {"rest", "total"}
        Reference industry mix :math:`\bar s`: the rest of the regions (Krugman 1991;
        Midelfart-Knarvik et al. 2000) or all regions including the region itself.
    rows, cols, missing
        As in :func:`hoover`.

    Returns
    -------
    Series
        Values in [0, 2] named ``"krugman"``.

    Raises
    ------
    InvalidParameterError
        For a bad ``reference`` or matrix.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10.0, 0.0], "b": [0.0, 20.0]}, index=["r1", "r2"])
    >>> krugman(X).to_dict()
    {'r1': 2.0, 'r2': 2.0}

    References
    ----------
    .. [1] Krugman, P. (1991). *Geography and Trade*. MIT Press.
    .. [2] Midelfart-Knarvik, K. H., et al. (2000). The location of European industry.
       *European Economy Economic Papers* 142.
    """
    func = "krugman"
    check_option(reference, "reference", ("rest", "total"), func=func)
    values, m = _dense(X, func, rows, cols, missing)
    own = _shares(values, axis=1)
    if reference == "total":
        ref = np.broadcast_to(values.sum(axis=0) / values.sum(), values.shape)
    else:
        rest = values.sum(axis=0)[None, :] - values
        ref = _shares(rest, axis=1)
    return pd.Series(np.abs(own - ref).sum(axis=1), index=m.rows, name="krugman")


def herfindahl(
    X: Any,
    *,
    by: str = "industry",
    normalised: bool = False,
    rows: Any = None,
    cols: Any = None,
    missing: str = "raise",
) -> pd.Series:
    r"""Herfindahl–Hirschman index of concentration.

    .. math:: HHI_k = \sum_r \left(\frac{E_{rk}}{E_{\cdot k}}\right)^2

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Employment, regions × industries.
    by : {"industry", "region"}
        Concentration of each industry across regions, or of each region across industries.
    normalised : bool
        Rescale to [0, 1]: :math:`(HHI - 1/n) / (1 - 1/n)` with ``n`` units.
    rows, cols, missing
        As in :func:`hoover`.

    Returns
    -------
    Series
        Named ``"hhi"``.

    Raises
    ------
    InvalidParameterError
        For a bad option or matrix.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [5.0, 5.0], "b": [10.0, 0.0]}, index=["r1", "r2"])
    >>> herfindahl(X).to_dict()
    {'a': 0.5, 'b': 1.0}

    References
    ----------
    .. [1] Hirschman, A. O. (1964). The paternity of an index. *American Economic Review*,
       54(5), 761.
    """
    func = "herfindahl"
    check_option(by, "by", ("industry", "region"), func=func)
    check_bool(normalised, "normalised", func=func)
    values, m = _dense(X, func, rows, cols, missing)
    if by == "region":
        values = values.T
    shares = _shares(values, axis=0)
    hhi = (shares**2).sum(axis=0)
    hhi[np.isnan(shares).all(axis=0)] = np.nan
    if normalised:
        n = values.shape[0]
        hhi = (hhi - 1.0 / n) / (1.0 - 1.0 / n) if n > 1 else np.full_like(hhi, np.nan)
    return pd.Series(hhi, index=m.cols if by == "industry" else m.rows, name="hhi")


def gini(values: Any) -> float:
    r"""Gini coefficient of a non-negative distribution.

    .. math:: G = \frac{\sum_i \sum_j |x_i - x_j|}{2 n^2 \bar x}

    Parameters
    ----------
    values : array-like
        Non-negative values (e.g. employment of one industry by region).

    Returns
    -------
    float
        In [0, 1 - 1/n]; 0 for perfect equality.

    Raises
    ------
    InvalidParameterError
        If ``values`` is empty, negative, non-finite or sums to 0.

    Examples
    --------
    >>> gini([1, 1, 1, 1])
    0.0
    >>> gini([0, 0, 0, 4])
    0.75

    References
    ----------
    .. [1] Gini, C. (1912). *Variabilità e mutabilità*. Bologna.
    """
    x = np.sort(np.asarray(values, dtype=float).ravel())
    if x.size == 0 or not np.isfinite(x).all() or (x < 0).any() or x.sum() <= 0:
        raise InvalidParameterError(
            "The 'values' parameter of gini must be non-empty, finite, non-negative and not all "
            "zero. Got another array instead."
        )
    n = x.size
    # sum_i sum_j |x_i - x_j| = 2 * sum_i (2i - n - 1) x_(i), i = 1..n over sorted values
    i = np.arange(1, n + 1)
    return float((2 * i - n - 1) @ x / (n * x.sum()))


def locational_gini(
    X: Any, *, rows: Any = None, cols: Any = None, missing: str = "raise"
) -> pd.Series:
    r"""Locational Gini coefficient of each industry (Krugman 1991).

    Regions are sorted by location quotient; the Lorenz-type curve plots the cumulative share
    of the industry's employment against the cumulative share of total employment, and

    .. math:: G_k = 1 - \sum_r (T_r - T_{r-1})(S_r + S_{r-1})

    with :math:`T` the cumulative share of total employment and :math:`S` that of industry
    ``k``. It is 0 when the industry is spread like employment and tends to 1 when it is all
    in a small region.

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Employment, regions × industries.
    rows, cols, missing
        As in :func:`hoover`.

    Returns
    -------
    Series
        Named ``"locational_gini"`` (NaN for an industry with no employment).

    Raises
    ------
    InvalidParameterError
        For a bad matrix.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [1.0, 3.0], "b": [0.0, 4.0]}, index=["r1", "r2"])
    >>> locational_gini(X).round(3).to_dict()
    {'a': 0.125, 'b': 0.125}

    References
    ----------
    .. [1] Krugman, P. (1991). *Geography and Trade*. MIT Press.
    .. [2] Audretsch, D. B., & Feldman, M. P. (1996). R&D spillovers and the geography of
       innovation and production. *American Economic Review*, 86(3), 630–640.
    """
    values, m = _dense(X, "locational_gini", rows, cols, missing)
    total = values.sum(axis=1)
    t_share = total / total.sum()
    out = np.full(values.shape[1], np.nan)
    for k in range(values.shape[1]):
        col = values[:, k]
        if col.sum() <= 0:
            continue
        s_share = col / col.sum()
        with np.errstate(divide="ignore", invalid="ignore"):
            lq = np.where(t_share > 0, s_share / t_share, np.inf)
        order = np.argsort(lq, kind="stable")
        T = np.concatenate(([0.0], np.cumsum(t_share[order])))
        S = np.concatenate(([0.0], np.cumsum(s_share[order])))
        out[k] = 1.0 - float(np.sum(np.diff(T) * (S[1:] + S[:-1])))
    return pd.Series(out, index=m.cols, name="locational_gini")
