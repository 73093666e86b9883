"""Percentile ranks and percentile thresholds among regions of the same type.

Conventions (used by every indicator of grappe that compares regions):

* The distribution of a cluster in a year is made of **all regions of the same group**
  (region type), including regions with zero employment in the cluster. Regions of other
  groups never enter it. (:func:`grappe.mapping.map_clusters` compares user-defined regions
  with the distribution of the table's own regions by default, ``regions_ranking="base"``.)
* NaN values (e.g. the LQ of a region without employment) are left out of the distribution
  and get a NaN rank.
* Thresholds use linear interpolation between order statistics (:func:`numpy.percentile`
  ``method="linear"``, type 7 of Hyndman & Fan, 1996, the default of NumPy, R and Excel's
  PERCENTILE.INC).
* Percentile ranks count the regions **below** the region, plus one, as a percentage of the
  regions: ties share the lowest rank (``pandas.Series.rank(method="min", pct=True)``,
  :func:`scipy.stats.rankdata` ``method="min"``). The largest value has rank 100 when no
  other region equals it, and the many regions without any employment in a cluster rank at
  the bottom, not in the middle or at the top.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grappe._validation import check_bool, check_number
from grappe.indicators._arrays import as_float_array, check_groups, like

__all__ = ["percentile_rank", "percentile_threshold"]


def _group_slices(groups: np.ndarray | None, n: int) -> list[np.ndarray | slice]:
    if groups is None:
        return [slice(None)]
    _, codes = np.unique(groups.astype(str), return_inverse=True)
    return [np.flatnonzero(codes == g) for g in range(codes.max() + 1)] if n else []


def percentile_threshold(values: Any, *, q: float, groups: Any = None, pooled: bool = False) -> Any:
    """The ``q``-th percentile of each cluster's distribution over regions, for every cell.

    .. math:: P_q(c) = \\text{percentile}_q \\{x_{r'c} : g(r') = g(r)\\}

    Parameters
    ----------
    values : array-like or DataFrame, shape (n_regions, n_clusters[, n_years])
        Values to compare (employment, LQ…).
    q : float
        Percentile in [0, 100].
    groups : sequence, length n_regions, optional
        Group (region type) of each region; a region is compared with its own group only.
        Default: all regions form one group.
    pooled : bool, default False
        Pool the clusters: the distribution is every region × cluster cell of the group (per
        year), as the European Cluster Observatory's *focus* star does.

    Returns
    -------
    ndarray or DataFrame
        Same shape and labels as ``values``; cell ``(r, c, …)`` holds the threshold of its
        distribution (NaN if the distribution is empty).

    Raises
    ------
    InvalidParameterError
        If ``values`` is not numeric, ``q`` is outside [0, 100] or ``groups`` has the wrong
        length.

    Examples
    --------
    >>> percentile_threshold([[0.0], [1.0], [2.0], [3.0], [4.0]], q=75)[:, 0]
    array([3., 3., 3., 3., 3.])

    References
    ----------
    .. [1] Hyndman, R. J., & Fan, Y. (1996). Sample quantiles in statistical packages.
       *The American Statistician*, 50(4), 361–365.
    """
    func = "percentile_threshold"
    arr = as_float_array(values, "values", func=func, nonnegative=False)
    check_number(q, "q", func=func, low=0, high=100)
    check_bool(pooled, "pooled", func=func)
    grp = check_groups(groups, arr.shape[0], func=func)
    return like(_threshold(arr, float(q), grp, pooled=pooled), values)


class _Distribution:
    """Each cluster(-year) distribution over the regions of a group, sorted once.

    A sorted copy serves every percentile threshold and the percentile ranks of a variable,
    so :func:`grappe.mapping.map_clusters` sorts each variable once. Columns are stored as
    contiguous rows (one per cluster-year) so that binary searches run on contiguous memory.

    With ``base=n``, one distribution is made of the first ``n`` regions only (the table's own
    regions) and every region, the ``n`` and those after them (user-defined regions), is
    compared with it: ``groups`` is then ignored.
    """

    def __init__(
        self,
        arr: np.ndarray,
        groups: np.ndarray | None,
        *,
        pooled: bool = False,
        base: int | None = None,
    ):
        self.arr = arr
        self.pooled = pooled
        self.base = base
        self.parts = []
        slices = [slice(0, base)] if base is not None else _group_slices(groups, arr.shape[0])
        for rows in slices:
            sub = arr[rows]
            n_lead = sub.shape[0] * sub.shape[1] if pooled else sub.shape[0]
            flat_t = np.ascontiguousarray(sub.reshape(n_lead, -1).T)
            valid = np.count_nonzero(~np.isnan(flat_t), axis=1)
            self.parts.append((rows, sub.shape, flat_t, np.sort(flat_t, axis=1), valid))

    def _whole(self) -> bool:
        """Whether one distribution serves every region (no groups, or a base)."""
        return len(self.parts) == 1 and isinstance(self.parts[0][0], slice)

    def threshold(self, q: float) -> np.ndarray:
        """The ``q``-th percentile (NumPy "linear") of each distribution, for every cell.

        Without groups the result is a read-only broadcast view (no copy per cell).
        """
        lead = (1, 1) if self.pooled else (1,)
        out = None if self._whole() else np.empty_like(self.arr)
        for rows, sub_shape, _, srt, n in self.parts:
            h = (n - 1) * (q / 100.0)
            lo = np.clip(np.floor(h).astype(np.intp), 0, None)
            hi = np.minimum(lo + 1, np.maximum(n - 1, 0))
            a = np.take_along_axis(srt, lo[:, None], axis=1)[:, 0]
            b = np.take_along_axis(srt, hi[:, None], axis=1)[:, 0]
            t = h - lo
            # the lerp of numpy.percentile, exact at both ends
            with np.errstate(invalid="ignore"):
                thr = np.where(t >= 0.5, b - (b - a) * (1 - t), a + (b - a) * t)
            thr[n == 0] = np.nan
            thr = thr.reshape(lead + sub_shape[len(lead) :])
            if out is None:
                return np.broadcast_to(thr, self.arr.shape)
            out[rows] = thr
        return out

    def rank(self) -> np.ndarray:
        """Percentile rank (ties share the lowest) of every cell in its distribution.

        With a base, a region outside it gets the rank of a base region of equal value
        (``100 * min(1 + #below, n) / n``): above every base region it ranks 100.
        """
        out = None if self._whole() else np.full_like(self.arr, np.nan)
        for rows, sub_shape, flat_t, srt, n in self.parts:
            if self.base is not None:  # every region is searched in the base's sorted values
                sub_shape = self.arr.shape
                flat_t = np.ascontiguousarray(self.arr.reshape(sub_shape[0], -1).T)
            counts = np.empty(flat_t.shape, dtype=float)
            for j in range(flat_t.shape[0]):
                counts[j] = np.searchsorted(srt[j], flat_t[j], side="left")
            counts += 1.0
            if self.base is not None:
                np.minimum(counts, np.maximum(n, 1)[:, None], out=counts)
            counts *= 100.0
            with np.errstate(divide="ignore", invalid="ignore"):
                counts /= n[:, None]
            counts[np.isnan(flat_t)] = np.nan
            pct = counts.T.reshape(sub_shape)
            if out is None:
                return pct
            out[rows] = pct
        return out


def _threshold(arr: np.ndarray, q: float, groups: np.ndarray | None, *, pooled: bool) -> np.ndarray:
    """Kernel of :func:`percentile_threshold` (inputs already checked); a writable array."""
    return np.array(_Distribution(arr, groups, pooled=pooled).threshold(q))


def percentile_rank(values: Any, *, groups: Any = None) -> Any:
    """Percentile rank (0–100] of each region among the regions of its group, per cluster.

    .. math:: \\text{rank}_{rc} = 100 \\cdot \\left(1 + \\#\\{r' : g(r') = g(r),\\
        x_{r'c} < x_{rc}\\}\\right) / \\#\\{r' : g(r') = g(r),\\ x_{r'c} \\text{ not NaN}\\}

    Parameters
    ----------
    values : array-like or DataFrame, shape (n_regions, n_clusters[, n_years])
        Values to rank (employment, LQ…).
    groups : sequence, length n_regions, optional
        Group (region type) of each region. Default: one group.

    Returns
    -------
    ndarray or DataFrame
        Same shape and labels as ``values``; NaN where the value is NaN.

    Raises
    ------
    InvalidParameterError
        If ``values`` is not numeric or ``groups`` has the wrong length.

    Examples
    --------
    >>> percentile_rank([[10.0], [30.0], [20.0], [20.0]])[:, 0]
    array([ 25., 100.,  50.,  50.])

    References
    ----------
    .. [1] SciPy, ``scipy.stats.rankdata`` (``method="min"``); pandas,
       ``Series.rank(method="min", pct=True)``.
    .. [2] U.S. Cluster Mapping Project, region rankings by cluster,
       https://www.clustermapping.us/content/cluster-mapping-methodology
    """
    func = "percentile_rank"
    arr = as_float_array(values, "values", func=func, nonnegative=False)
    grp = check_groups(groups, arr.shape[0], func=func)
    return like(_rank(arr, grp), values)


def _rank(arr: np.ndarray, groups: np.ndarray | None) -> np.ndarray:
    """Kernel of :func:`percentile_rank` (inputs already checked).

    One sort per column, then a binary search of every value in its own column: one plus the
    count of values ``<`` it is its "min" rank (NaN sort last, so they are never counted).
    """
    return _Distribution(arr, groups).rank()
