"""Growth of cluster employment between two years: job change and CAGR."""

from __future__ import annotations

from typing import Any

import numpy as np

from grappe._validation import check_number
from grappe.indicators._arrays import as_float_array, check_same_shape, like

__all__ = ["cagr", "job_change"]


def job_change(start: Any, end: Any) -> Any:
    """Absolute change in employment between two years.

    .. math:: \\Delta E_{rc} = E_{rc}(t_1) - E_{rc}(t_0)

    Parameters
    ----------
    start : array-like or DataFrame, shape (n_regions, n_clusters[, …])
        Employment in the first year.
    end : array-like
        Employment in the last year, same shape.

    Returns
    -------
    ndarray or DataFrame
        Jobs created (positive) or lost (negative), same shape and labels as ``start``.

    Raises
    ------
    InvalidParameterError
        If an input is not a non-negative numeric array or the shapes differ.

    Examples
    --------
    >>> job_change([[100.0, 50.0]], [[121.0, 40.0]])
    array([[ 21., -10.]])

    References
    ----------
    .. [1] U.S. Cluster Mapping Project, "Cluster Mapping Methodology" (job creation),
       https://www.clustermapping.us/content/cluster-mapping-methodology
    """
    func = "job_change"
    a = as_float_array(start, "start", func=func)
    b = as_float_array(end, "end", func=func)
    check_same_shape(b, a, "end", func=func)
    return like(b - a, start)


def cagr(start: Any, end: Any, *, periods: float) -> Any:
    """Compound annual growth rate of employment.

    .. math:: g_{rc} = \\left(\\frac{E_{rc}(t_1)}{E_{rc}(t_0)}\\right)^{1/(t_1 - t_0)} - 1

    Parameters
    ----------
    start : array-like or DataFrame, shape (n_regions, n_clusters[, …])
        Employment in the first year.
    end : array-like
        Employment in the last year, same shape.
    periods : float
        Number of years between the two (:math:`t_1 - t_0 > 0`).

    Returns
    -------
    ndarray or DataFrame
        Growth rate per year (0.05 = 5 % a year); NaN where the starting employment is zero
        (growth from nothing has no rate); -1 where the cluster disappeared.

    Raises
    ------
    InvalidParameterError
        If an input is not a non-negative numeric array, the shapes differ or ``periods`` is
        not positive.

    Examples
    --------
    >>> cagr([[100.0, 0.0]], [[121.0, 5.0]], periods=2)
    array([[0.1, nan]])

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2014). Clusters, convergence, and economic
       performance. *Research Policy*, 43(10), 1785–1799 (employment growth rates).
    .. [2] U.S. Cluster Mapping Project, "Cluster Mapping Methodology" (annual growth rate),
       https://www.clustermapping.us/content/cluster-mapping-methodology
    """
    func = "cagr"
    a = as_float_array(start, "start", func=func)
    b = as_float_array(end, "end", func=func)
    check_same_shape(b, a, "end", func=func)
    check_number(periods, "periods", func=func, low=0, closed="neither")
    return like(_cagr(a, b, float(periods)), start)


def _cagr(a: np.ndarray, b: np.ndarray, periods: float) -> np.ndarray:
    """Kernel of :func:`cagr`."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.power(b / a, 1.0 / periods) - 1.0
    out[a == 0] = np.nan
    return out
