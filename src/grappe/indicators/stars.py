"""European Cluster Observatory stars: size, specialisation and focus.

The European Cluster Observatory gives a regional cluster one star for each of three
criteria of "specialised critical mass" (0–3 stars):

* **size** — the cluster's employment is in the top 10 % of all regions for that cluster
  category;
* **specialisation** — its location quotient (over total employment) is at least 2;
* **focus** — the cluster's share of the region's total employment is in the top 10 %
  of regional clusters.

"Top 10 %" is implemented as "at or above the 90th percentile" (linear interpolation) of the
distribution over the regions of the same type, and a cell needs positive employment to
receive a size or focus star (otherwise, when over 90 % of regions have no employment in a
cluster, every empty region would reach the percentile).

The Observatory maps traded cluster categories only: :func:`grappe.mapping.map_clusters` gives
stars to traded clusters and ranks the focus among them unless ``star_local=True``; this kernel
ranks whatever cells it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from grappe._validation import check_number, check_option
from grappe.indicators._arrays import as_float_array, check_groups, check_same_shape, like
from grappe.indicators.ranks import _Distribution

__all__ = ["ClusterStars", "cluster_stars"]

#: Distributions the focus star can be ranked in.
FOCUS_SCOPES: tuple[str, ...] = ("all", "cluster")


@dataclass(frozen=True)
class ClusterStars:
    """The three European Cluster Observatory stars of every region-cluster cell.

    Attributes
    ----------
    size : ndarray of bool or DataFrame
        Employment in the top ``size_top`` % of regions for the cluster.
    specialisation : ndarray of bool or DataFrame
        Location quotient at least ``min_lq``.
    focus : ndarray of bool or DataFrame
        Share of the region's employment in the top ``focus_top`` %.
    """

    size: Any
    specialisation: Any
    focus: Any

    @property
    def count(self) -> Any:
        """Number of stars, 0–3 (int8, same shape and labels as the flags)."""
        return (
            self.size.astype(np.int8)
            + self.specialisation.astype(np.int8)
            + self.focus.astype(np.int8)
        )


def cluster_stars(
    employment: Any,
    lq: Any,
    focus: Any,
    *,
    size_top: float = 10.0,
    min_lq: float = 2.0,
    focus_top: float = 10.0,
    focus_scope: str = "all",
    groups: Any = None,
) -> ClusterStars:
    """European Cluster Observatory stars for size, specialisation and focus.

    .. math::

        \\text{size}_{rc} &= [E_{rc} \\ge P_{100-s}(E_{\\cdot c})] \\wedge [E_{rc} > 0] \\\\
        \\text{specialisation}_{rc} &= [LQ_{rc} \\ge 2] \\\\
        \\text{focus}_{rc} &= [F_{rc} \\ge P_{100-f}(F_{\\cdot\\cdot})] \\wedge [F_{rc} > 0]

    Parameters
    ----------
    employment : array-like or DataFrame, shape (n_regions, n_clusters[, n_years])
        Employment by region and cluster.
    lq : array-like
        Location quotient over total employment (the Observatory's specialisation quotient),
        same shape. NaN never earns a star.
    focus : array-like
        Cluster employment over the region's total employment, same shape.
    size_top : float, default 10
        Percentage of regions that earn the size star (top 10 %).
    min_lq : float, default 2
        Specialisation quotient needed for the specialisation star.
    focus_top : float, default 10
        Percentage of regional clusters that earn the focus star (top 10 %).
    focus_scope : {"all", "cluster"}, default "all"
        Distribution of the focus star: ``"all"`` pools every region × cluster cell of the
        group (per year), as the Observatory's "top 10 % of clusters" reads; ``"cluster"``
        ranks regions within each cluster, like the size star.
    groups : sequence, length n_regions, optional
        Region type of each region; percentiles are taken within each type.

    Returns
    -------
    ClusterStars
        Boolean flags ``size``, ``specialisation``, ``focus`` and their ``count``.

    Raises
    ------
    InvalidParameterError
        If an input is not numeric, shapes differ or an option is out of range.

    Examples
    --------
    >>> stars = cluster_stars(
    ...     [[100.0, 0.0], [10.0, 5.0]], [[2.5, 0.0], [0.4, 1.9]], [[0.9, 0.0], [0.2, 0.1]]
    ... )
    >>> stars.count
    array([[3, 0],
           [0, 1]], dtype=int8)

    References
    ----------
    .. [1] European Cluster Observatory, "Evaluation of regional cluster strength" (star
       methodology), http://www.clusterobservatory.eu/index.php?id=49
    .. [2] Sölvell, Ö., Ketels, C., & Lindqvist, G. (2009). *EU Cluster Mapping and
       Strengthening Clusters in Europe*. Europe INNOVA Paper No. 12, European Commission.
    .. [3] Ketels, C., & Protsiv, S. (2013). *Methodology and Findings Report for a Cluster
       Mapping of Related Sectors*. European Cluster Observatory, Center for Strategy and
       Competitiveness, Stockholm School of Economics.
    """
    func = "cluster_stars"
    emp = as_float_array(employment, "employment", func=func)
    lq_arr = as_float_array(lq, "lq", func=func)
    foc = as_float_array(focus, "focus", func=func)
    check_same_shape(lq_arr, emp, "lq", func=func)
    check_same_shape(foc, emp, "focus", func=func)
    check_number(size_top, "size_top", func=func, low=0, high=100, closed="right")
    check_number(min_lq, "min_lq", func=func, low=0)
    check_number(focus_top, "focus_top", func=func, low=0, high=100, closed="right")
    check_option(focus_scope, "focus_scope", FOCUS_SCOPES, func=func)
    grp = check_groups(groups, emp.shape[0], func=func)
    size, spec, foc_star = _stars(
        emp,
        lq_arr,
        foc,
        size_threshold=_Distribution(emp, grp).threshold(100.0 - float(size_top)),
        focus_threshold=_Distribution(foc, grp, pooled=focus_scope == "all").threshold(
            100.0 - float(focus_top)
        ),
        min_lq=float(min_lq),
    )
    return ClusterStars(
        size=like(size, employment),
        specialisation=like(spec, employment),
        focus=like(foc_star, employment),
    )


def _stars(
    emp: np.ndarray,
    lq: np.ndarray,
    foc: np.ndarray,
    *,
    size_threshold: np.ndarray,
    focus_threshold: np.ndarray,
    min_lq: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Kernel of :func:`cluster_stars`, from precomputed percentile thresholds."""
    with np.errstate(invalid="ignore"):
        size = (emp >= size_threshold) & (emp > 0)
        spec = lq >= min_lq
        foc_star = (foc >= focus_threshold) & (foc > 0)
    return size, spec, foc_star
