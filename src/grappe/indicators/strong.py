"""US Cluster Mapping strong-cluster rules and regional cluster strength.

A region's cluster is **strong** when it is specialised relative to the other regions of the
same type and not negligible in size (Delgado, Porter & Stern, 2014; U.S. Cluster Mapping
Project). Percentiles follow the conventions of :mod:`grappe.indicators.ranks`: every region of
the group enters each cluster-year distribution, including regions with zero employment in
the cluster; NaN values are left out; linear interpolation.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grappe._validation import check_number
from grappe.errors import InvalidParameterError
from grappe.indicators._arrays import (
    as_float_array,
    check_groups,
    check_same_shape,
    like,
    region_axis_like,
)
from grappe.indicators.ranks import _Distribution

__all__ = ["cluster_strength", "strong_clusters"]


def strong_clusters(
    lq: Any,
    employment: Any,
    *,
    establishments: Any = None,
    lq_percentile: float = 75.0,
    min_lq: float = 1.0,
    size_percentile: float = 25.0,
    groups: Any = None,
) -> Any:
    """Flag strong clusters with the US Cluster Mapping rules.

    A region-cluster (in a year) is strong when all of these hold:

    .. math::

        LQ_{rc} \\ge P_{75}(LQ_{\\cdot c}),\\quad LQ_{rc} \\ge 1,\\quad
        E_{rc} > P_{25}(E_{\\cdot c}),\\quad N_{rc} > P_{25}(N_{\\cdot c})

    where :math:`P_q(x_{\\cdot c})` is the ``q``-th percentile of the cluster's values over the
    regions of the same group, :math:`E` is employment and :math:`N` establishments. The
    *90th-percentile variant* sets ``lq_percentile=90``.

    Parameters
    ----------
    lq : array-like or DataFrame, shape (n_regions, n_clusters[, n_years])
        Location quotients (US Cluster Mapping convention). NaN is never strong.
    employment : array-like
        Employment, same shape as ``lq``.
    establishments : array-like, optional
        Establishments, same shape as ``lq``; the establishment criterion is skipped when
        None (sources without establishment counts: the LQ and employment criteria only),
        and for the cells whose establishments are NaN (unknown; NaN are also left out of
        the percentile).
    lq_percentile : float, default 75
        Percentile of the LQ distribution a strong cluster must reach (90 for the stricter
        variant).
    min_lq : float, default 1
        Minimum LQ, whatever the distribution.
    size_percentile : float, default 25
        Employment and establishments must be strictly above this percentile.
    groups : sequence, length n_regions, optional
        Region type of each region; the percentiles are taken within each type.

    Returns
    -------
    ndarray of bool or DataFrame
        Same shape and labels as ``lq``.

    Raises
    ------
    InvalidParameterError
        If an input is not numeric, shapes differ or a threshold is out of range.

    Examples
    --------
    Five regions, one cluster: the 75th percentile of the LQs is 1.5 and the 25th percentile
    of employment is 8, so the region with LQ 1.5 but only 8 jobs is not strong:

    >>> strong_clusters([[0.5], [1.0], [1.2], [1.5], [2.0]], [[10], [5], [30], [8], [40]])[:, 0]
    array([False, False, False, False,  True])

    Notes
    -----
    With ``size_percentile=25`` at county level the 25th percentile of a cluster's employment
    is often 0, and the size criteria reduce to "has some employment".

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2014). Clusters, convergence, and economic
       performance. *Research Policy*, 43(10), 1785–1799.
    .. [2] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related
       industries. *Journal of Economic Geography*, 16(1), 1–38.
    .. [3] U.S. Cluster Mapping Project, "Cluster Mapping Methodology",
       https://www.clustermapping.us/content/cluster-mapping-methodology
    """
    func = "strong_clusters"
    lq_arr = as_float_array(lq, "lq", func=func)
    emp = as_float_array(employment, "employment", func=func)
    check_same_shape(emp, lq_arr, "employment", func=func)
    est = None
    if establishments is not None:
        est = as_float_array(establishments, "establishments", func=func)
        check_same_shape(est, lq_arr, "establishments", func=func)
    check_number(lq_percentile, "lq_percentile", func=func, low=0, high=100)
    check_number(min_lq, "min_lq", func=func, low=0)
    check_number(size_percentile, "size_percentile", func=func, low=0, high=100)
    grp = check_groups(groups, lq_arr.shape[0], func=func)
    out = _strong(
        lq_arr,
        emp,
        est,
        lq_threshold=_Distribution(lq_arr, grp).threshold(float(lq_percentile)),
        emp_threshold=_Distribution(emp, grp).threshold(float(size_percentile)),
        est_threshold=None
        if est is None
        else _Distribution(est, grp).threshold(float(size_percentile)),
        min_lq=float(min_lq),
    )
    return like(out, lq)


def _strong(
    lq: np.ndarray,
    emp: np.ndarray,
    est: np.ndarray | None,
    *,
    lq_threshold: np.ndarray,
    emp_threshold: np.ndarray,
    est_threshold: np.ndarray | None,
    min_lq: float,
) -> np.ndarray:
    """Kernel of :func:`strong_clusters`, from precomputed percentile thresholds."""
    with np.errstate(invalid="ignore"):
        out = (lq >= lq_threshold) & (lq >= min_lq) & (emp > emp_threshold)
        if est is not None and est_threshold is not None:
            # an unknown count (NaN) cannot fail the criterion it does not inform
            out &= (est > est_threshold) | np.isnan(est)
    return out


def cluster_strength(employment: Any, strong: Any, *, traded: Any) -> Any:
    """Regional cluster strength: share of traded employment in strong traded clusters.

    .. math:: CS_r = \\frac{\\sum_{c \\in \\text{traded}} E_{rc}\\,[\\text{strong}_{rc}]}
        {\\sum_{c \\in \\text{traded}} E_{rc}}

    Parameters
    ----------
    employment : array-like or DataFrame, shape (n_regions, n_clusters[, n_years])
        Employment by region and cluster.
    strong : array-like of bool
        Strong-cluster flags, same shape (:func:`strong_clusters`).
    traded : sequence of bool, length n_clusters
        Whether each cluster is traded; local clusters are left out of both sums.

    Returns
    -------
    ndarray or Series
        Shape ``(n_regions[, n_years])`` (a Series indexed by region for a DataFrame input);
        NaN where the region has no traded employment.

    Raises
    ------
    InvalidParameterError
        If shapes differ or ``traded`` has the wrong length.

    Examples
    --------
    >>> cluster_strength([[30.0, 10.0, 50.0]], [[True, False, True]], traded=[True, True, False])
    array([0.75])

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2014). Clusters, convergence, and economic
       performance. *Research Policy*, 43(10), 1785–1799 (strength of a region's clusters).
    .. [2] Porter, M. E. (2003). The economic performance of regions. *Regional Studies*,
       37(6–7), 549–578.
    """
    func = "cluster_strength"
    emp = as_float_array(employment, "employment", func=func)
    flags = np.asarray(strong.to_numpy() if hasattr(strong, "to_numpy") else strong)
    if flags.dtype != bool:
        raise InvalidParameterError(
            f"The 'strong' parameter of {func} must be a boolean array. "
            f"Got dtype {flags.dtype} instead."
        )
    check_same_shape(flags, emp, "strong", func=func)
    mask = np.asarray(traded, dtype=bool) if not isinstance(traded, str) else None
    if mask is None or mask.shape != (emp.shape[1],):
        raise InvalidParameterError(
            f"The 'traded' parameter of {func} must be one bool per cluster "
            f"({emp.shape[1]}). Got {traded!r} instead."
        )
    return region_axis_like(_strength(emp, flags, mask), employment)


def _strength(emp: np.ndarray, strong: np.ndarray, traded: np.ndarray) -> np.ndarray:
    """Kernel of :func:`cluster_strength`."""
    shape = (1, -1) + (1,) * (emp.ndim - 2)
    traded_emp = np.where(traded.reshape(shape), emp, 0.0)
    den = traded_emp.sum(axis=1)
    num = np.where(strong, traded_emp, 0.0).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = num / den
    out[den == 0] = np.nan
    return out
