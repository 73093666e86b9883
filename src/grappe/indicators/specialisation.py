"""Specialisation indicators: location quotients, national share, focus, average wage.

Arrays hold **regions on axis 0 and clusters on axis 1**, optionally followed by a year axis;
a DataFrame (regions × clusters) gives a DataFrame with the same labels. Every ratio whose
denominator is zero is NaN (never infinite, never zero): a region without employment has no
LQ, it does not have an LQ of 0.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grappe.errors import InvalidParameterError
from grappe.indicators._arrays import (
    as_float_array,
    check_same_shape,
    like,
)

__all__ = [
    "average_wage",
    "focus",
    "group_totals",
    "location_quotient",
    "national_share",
]


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` with NaN where ``den`` is zero or NaN."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.divide(num, den)
    out[np.broadcast_to(den == 0, out.shape)] = np.nan
    return out


def _region_totals(value: Any, employment: np.ndarray, name: str, *, func: str) -> np.ndarray:
    """Per-region denominators, broadcastable to ``employment``.

    Either the shape of ``employment`` (one denominator per cell) or that shape without the
    cluster axis (one per region[, year]).
    """
    arr = as_float_array(value, name, func=func, min_ndim=1)
    if arr.shape == employment.shape:
        return arr
    if arr.shape == employment.shape[:1] + employment.shape[2:]:
        return np.expand_dims(arr, 1)
    check_same_shape(arr, employment, name, func=func)
    return arr  # pragma: no cover - check_same_shape raised


def group_totals(employment: Any, *, groups: Any) -> Any:
    """Employment of each region summed over the clusters of the same group.

    The denominator of the US Cluster Mapping location quotient is a region's *traded*
    employment for a traded cluster and its *local* employment for a local cluster; with
    ``groups`` the type of each cluster, this returns that denominator for every cell.

    Parameters
    ----------
    employment : array-like or DataFrame, shape (n_regions, n_clusters[, n_years])
        Employment by region and cluster (non-negative).
    groups : sequence, length n_clusters
        Group of each cluster (e.g. ``"traded"``, ``"local"``).

    Returns
    -------
    ndarray or DataFrame
        Same shape and labels as ``employment``: cell ``(r, c, …)`` holds
        :math:`\\sum_{c' : g(c') = g(c)} E_{r c' …}`.

    Raises
    ------
    InvalidParameterError
        If ``employment`` is not a non-negative numeric array or ``groups`` has the wrong length.

    Examples
    --------
    >>> group_totals([[1.0, 2.0, 4.0]], groups=["traded", "local", "traded"])
    array([[5., 2., 5.]])

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related
       industries. *Journal of Economic Geography*, 16(1), 1–38.
    """
    func = "group_totals"
    emp = as_float_array(employment, "employment", func=func)
    labels = np.asarray(list(groups), dtype=object)
    if labels.shape != (emp.shape[1],):
        raise InvalidParameterError(
            f"The 'groups' parameter of {func} must have one entry per cluster "
            f"({emp.shape[1]}). Got {labels.shape[0] if labels.ndim else 0} entries instead."
        )
    uniques, codes = np.unique(labels.astype(str), return_inverse=True)
    out = np.empty_like(emp)
    for g in range(len(uniques)):  # every code 0 … k-1 is present
        member = codes == g
        out[:, member] = emp[:, member].sum(axis=1, keepdims=True)
    return like(out, employment)


def location_quotient(
    employment: Any,
    base: Any,
    *,
    national: Any = None,
    national_base: Any = None,
) -> Any:
    """Location quotient: a region's share of a cluster relative to the nation's.

    .. math::

        LQ_{rc} = \\frac{E_{rc} / B_{rc}}{N_c / N^B_c}

    where :math:`E_{rc}` is the region's employment in the cluster, :math:`B_{rc}` the region's
    base employment, :math:`N_c` the national employment in the cluster and :math:`N^B_c` the
    national base employment. The base chooses the convention:

    * **US Cluster Mapping** (``lq`` of :func:`grappe.mapping.map_clusters`): the base is the
      region's traded employment for a traded cluster and its local employment for a local
      one (:func:`group_totals`).
    * **plain** (``lq_total``; also the European Cluster Observatory "specialisation"): the
      base is the region's total employment (one value per region).

    Parameters
    ----------
    employment : array-like or DataFrame, shape (n_regions, n_clusters[, n_years])
        Employment by region and cluster.
    base : array-like
        Region base employment: the shape of ``employment`` (one base per cell) or that shape
        without the cluster axis (one base per region[, year]).
    national : array-like, optional
        National employment by cluster, shape ``employment.shape[1:]``. Default: the sum of
        ``employment`` over regions (the regions make up the nation).
    national_base : array-like, optional
        National base employment, broadcastable to ``employment.shape[1:]``. Default: the sum
        of ``base`` over regions.

    Returns
    -------
    ndarray or DataFrame
        LQ with the shape and labels of ``employment``; NaN where the region's base or the
        national cluster employment is zero.

    Raises
    ------
    InvalidParameterError
        If an input is not a non-negative numeric array of a matching shape.

    Examples
    --------
    Two regions, two clusters; region 0 holds 60 % of its jobs in cluster 0 while the nation
    holds 40 %, so its LQ is 1.5:

    >>> location_quotient([[6.0, 4.0], [2.0, 8.0]], [10.0, 10.0])
    array([[1.5       , 0.66666667],
           [0.5       , 1.33333333]])

    Notes
    -----
    The nation's own LQ is 1 for every cluster; scaling all counts by a constant leaves LQ
    unchanged.

    References
    ----------
    .. [1] Isard, W. (1960). *Methods of Regional Analysis*. MIT Press (location quotient).
    .. [2] Porter, M. E. (2003). The economic performance of regions. *Regional Studies*,
       37(6–7), 549–578.
    .. [3] Delgado, M., Porter, M. E., & Stern, S. (2014). Clusters, convergence, and economic
       performance. *Research Policy*, 43(10), 1785–1799.
    .. [4] U.S. Cluster Mapping Project, "Cluster Mapping Methodology",
       https://www.clustermapping.us/content/cluster-mapping-methodology
    """
    func = "location_quotient"
    emp = as_float_array(employment, "employment", func=func)
    b = _region_totals(base, emp, "base", func=func)
    if national is None:
        nat = emp.sum(axis=0)
    else:
        nat = as_float_array(national, "national", func=func, min_ndim=1)
        check_same_shape(nat, emp[0], "national", func=func)
    if national_base is None:
        nat_b = np.broadcast_to(b, emp.shape).sum(axis=0)
    else:
        nat_b = as_float_array(national_base, "national_base", func=func, min_ndim=0)
        try:
            np.broadcast_shapes(nat_b.shape, emp.shape[1:])
        except ValueError:
            check_same_shape(nat_b, emp[0], "national_base", func=func)
    national_ratio = _ratio(nat, nat_b)
    out = _ratio(_ratio(emp, b), national_ratio)
    return like(out, employment)


def national_share(employment: Any, *, national: Any = None) -> Any:
    """Share of the national cluster employment located in each region.

    .. math:: S_{rc} = E_{rc} / N_c

    Parameters
    ----------
    employment : array-like or DataFrame, shape (n_regions, n_clusters[, n_years])
        Employment by region and cluster.
    national : array-like, optional
        National employment by cluster, shape ``employment.shape[1:]``. Default: the sum of
        ``employment`` over regions, in which case shares sum to 1 over regions.

    Returns
    -------
    ndarray or DataFrame
        Shares in [0, 1] (with the default ``national``); NaN where ``N_c`` is zero.

    Raises
    ------
    InvalidParameterError
        If an input is not a non-negative numeric array of a matching shape.

    Examples
    --------
    >>> national_share([[6.0, 4.0], [2.0, 8.0]])
    array([[0.75      , 0.33333333],
           [0.25      , 0.66666667]])

    References
    ----------
    .. [1] U.S. Cluster Mapping Project, "Cluster Mapping Methodology" (share of national
       employment), https://www.clustermapping.us/content/cluster-mapping-methodology
    .. [2] Porter, M. E. (2003). The economic performance of regions. *Regional Studies*,
       37(6–7), 549–578.
    """
    func = "national_share"
    emp = as_float_array(employment, "employment", func=func)
    if national is None:
        nat = emp.sum(axis=0)
    else:
        nat = as_float_array(national, "national", func=func, min_ndim=1)
        check_same_shape(nat, emp[0], "national", func=func)
    return like(_ratio(emp, nat), employment)


def focus(employment: Any, total: Any) -> Any:
    """Share of the region's employment that the cluster accounts for.

    .. math:: F_{rc} = E_{rc} / T_r

    Parameters
    ----------
    employment : array-like or DataFrame, shape (n_regions, n_clusters[, n_years])
        Employment by region and cluster.
    total : array-like
        The region's total employment, one value per region[, year] (or per cell).

    Returns
    -------
    ndarray or DataFrame
        Focus in [0, 1] when ``total`` includes every cluster; NaN where ``T_r`` is zero.

    Raises
    ------
    InvalidParameterError
        If an input is not a non-negative numeric array of a matching shape.

    Examples
    --------
    >>> focus([[6.0, 4.0], [2.0, 8.0]], [10.0, 20.0])
    array([[0.6, 0.4],
           [0.1, 0.4]])

    References
    ----------
    .. [1] European Cluster Observatory, "Evaluation of regional cluster strength" (the
       *focus* measure), http://www.clusterobservatory.eu/index.php?id=49
    .. [2] Sölvell, Ö., Ketels, C., & Lindqvist, G. (2009). *EU Cluster Mapping and
       Strengthening Clusters in Europe*. Europe INNOVA Paper No. 12, European Commission.
    """
    func = "focus"
    emp = as_float_array(employment, "employment", func=func)
    t = _region_totals(total, emp, "total", func=func)
    return like(_ratio(emp, t), employment)


def average_wage(payroll: Any, employment: Any) -> Any:
    """Average annual wage: payroll per job, in the unit of ``payroll``.

    .. math:: W_{rc} = P_{rc} / E_{rc}

    Parameters
    ----------
    payroll : array-like or DataFrame, shape (n_regions, n_clusters[, n_years])
        Annual payroll (CBP: thousands of dollars).
    employment : array-like
        Employment, same shape as ``payroll``.

    Returns
    -------
    ndarray or DataFrame
        Payroll per job (CBP: thousands of dollars per job); NaN where employment is zero.

    Raises
    ------
    InvalidParameterError
        If an input is not a non-negative numeric array or the shapes differ.

    Examples
    --------
    >>> average_wage([[500.0, 0.0]], [[10.0, 0.0]])
    array([[50., nan]])

    References
    ----------
    .. [1] U.S. Cluster Mapping Project, "Cluster Mapping Methodology" (average private
       wage), https://www.clustermapping.us/content/cluster-mapping-methodology
    """
    func = "average_wage"
    pay = as_float_array(payroll, "payroll", func=func)
    emp = as_float_array(employment, "employment", func=func)
    check_same_shape(emp, pay, "employment", func=func)
    return like(_ratio(pay, emp), payroll)
