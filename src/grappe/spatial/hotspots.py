"""Hot spots of establishments: density-based clusters per activity, as polygons.

Each activity's establishments are grouped with DBSCAN (Ester et al. 1996: a core point has at
least ``min_samples`` neighbours within ``eps`` metres) or HDBSCAN (Campello et al. 2013: no
``eps``, clusters of at least ``min_cluster_size`` across density levels), both from
scikit-learn. A hot spot's polygon is the convex hull of its members, buffered by ``buffer``
metres (computed in a local azimuthal equidistant projection for longitude/latitude points).

References
----------
Ester, M., Kriegel, H.-P., Sander, J., & Xu, X. (1996). A density-based algorithm for discovering
clusters in large spatial databases with noise. *Proc. KDD-96*, 226–231.

Campello, R. J. G. B., Moulavi, D., & Sander, J. (2013). Density-based clustering based on
hierarchical density estimates. *PAKDD 2013*, LNCS 7819, 160–172.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from grappe._validation import check_number, check_option
from grappe.errors import MissingDependencyError
from grappe.i18n import Message
from grappe.spatial.points import PointSet, arc_to_chord, metric_coordinates

__all__ = ["HotspotResult", "hotspots"]


@dataclass(frozen=True)
class HotspotResult:
    """Hot spots found per activity.

    Attributes
    ----------
    hotspots : pandas.DataFrame
        One row per hot spot: ``activity``, ``hotspot`` (0, 1… within the activity, largest
        first), ``n_members``, ``weight`` (sum of members' weights, e.g. employment),
        ``area_km2``, ``centroid_x``/``centroid_y`` (mean of members, in the points' CRS) and
        ``geometry`` (a shapely Polygon in the points' CRS).
    labels : pandas.DataFrame
        One row per establishment: ``id``, ``activity``, ``hotspot`` (-1 for noise).
    crs : str
        CRS of the geometries.
    method : str
        ``"dbscan"`` or ``"hdbscan"``.
    """

    hotspots: pd.DataFrame
    labels: pd.DataFrame
    crs: str
    method: str


def _libs():
    try:
        import shapely
        from sklearn.cluster import DBSCAN, HDBSCAN
    except ImportError as exc:  # pragma: no cover - in the spatial extra
        raise MissingDependencyError(
            Message("Hot spots need scikit-learn and shapely: pip install grappe[spatial]")
        ) from exc
    return shapely, DBSCAN, HDBSCAN


def hotspots(
    points: PointSet,
    *,
    activities: list[str] | None = None,
    method: str = "dbscan",
    eps: float = 500.0,
    min_samples: int = 5,
    min_cluster_size: int = 10,
    buffer: float = 100.0,
) -> HotspotResult:
    """Density-based clusters of each activity's establishments, returned as polygons.

    Parameters
    ----------
    points : PointSet
        Establishments (any CRS).
    activities : list of str, optional
        Activities to examine; all by default.
    method : {"dbscan", "hdbscan"}
        Clustering algorithm (scikit-learn's ``DBSCAN`` or ``HDBSCAN``).
    eps : float
        DBSCAN neighbourhood radius, in metres (great-circle for longitude/latitude).
    min_samples : int
        Neighbours (the point included) that make a core point.
    min_cluster_size : int
        HDBSCAN's smallest cluster.
    buffer : float
        Metres added around each convex hull (so that two-point hot spots have an area).

    Returns
    -------
    HotspotResult

    Raises
    ------
    InvalidParameterError
        For a bad option or an unknown activity.

    Notes
    -----
    DBSCAN is deterministic; HDBSCAN too (no random initialisation), so no ``seed`` is taken.
    Memory follows scikit-learn's neighbour search (a tree within ``eps``).

    References
    ----------
    Ester et al. (1996); Campello, Moulavi & Sander (2013).

    Examples
    --------
    >>> from grappe.spatial import points_from_frame
    >>> xy = np.r_[np.zeros((5, 2)) + [[0, 0], [10, 0], [0, 10], [10, 10], [5, 5]],
    ...            [[5000.0, 5000.0]]]
    >>> frame = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]})
    >>> pts = points_from_frame(frame, x="x", y="y", crs="EPSG:2154")
    >>> res = hotspots(pts, eps=50, min_samples=3)
    >>> res.hotspots[["activity", "hotspot", "n_members"]].values.tolist()
    [['all', 0, 5]]
    """
    func = "hotspots"
    check_option(method, "method", ("dbscan", "hdbscan"), func=func)
    check_number(eps, "eps", func=func, low=0, closed="neither")
    check_number(min_samples, "min_samples", func=func, low=1, integer=True)
    check_number(min_cluster_size, "min_cluster_size", func=func, low=2, integer=True)
    check_number(buffer, "buffer", func=func, low=0)
    shapely, DBSCAN, HDBSCAN = _libs()
    if activities is None:
        activities = list(points.activities)
    coords, spherical = metric_coordinates(points)
    radius = float(arc_to_chord(eps)) if spherical else eps
    label_all = np.full(len(points), -1, dtype=np.int64)
    rows = []
    for act in activities:
        sel = np.flatnonzero(points.mask(act))
        if method == "dbscan":
            model = DBSCAN(eps=radius, min_samples=min_samples)
        else:
            model = HDBSCAN(min_cluster_size=min_cluster_size, min_samples=min_samples, copy=True)
        if len(sel) < max(min_samples, 2 if method == "dbscan" else min_cluster_size):
            continue
        labels = model.fit_predict(coords[sel])
        # renumber: largest hot spot first, ties by first member
        found = [k for k in np.unique(labels) if k >= 0]
        order = sorted(found, key=lambda k: (-(labels == k).sum(), np.argmax(labels == k)))
        for new, k in enumerate(order):
            members = sel[labels == k]
            label_all[members] = new
            rows.append(_polygon(points, members, act, new, buffer, shapely))
    hot = pd.DataFrame(
        rows,
        columns=[
            "activity",
            "hotspot",
            "n_members",
            "weight",
            "area_km2",
            "centroid_x",
            "centroid_y",
            "geometry",
        ],
    )
    labels = pd.DataFrame(
        {"id": points.data["id"], "activity": points.data["activity"], "hotspot": label_all}
    )
    return HotspotResult(hot, labels, points.crs, method)


def _polygon(points: PointSet, members: np.ndarray, act, number, buffer, shapely) -> tuple:
    xy = points.data[["x", "y"]].to_numpy(dtype=float)[members]
    cx, cy = xy.mean(axis=0)
    if points.geographic:
        import pyproj

        local = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={cy} +lon_0={cx} +units=m")
        fwd = pyproj.Transformer.from_crs("EPSG:4326", local, always_xy=True)
        back = pyproj.Transformer.from_crs(local, "EPSG:4326", always_xy=True)
        px, py = fwd.transform(xy[:, 0], xy[:, 1])
        shape = shapely.multipoints(np.column_stack((px, py))).convex_hull.buffer(buffer)
        area = shape.area
        shape = shapely.transform(
            shape, lambda c: np.column_stack(back.transform(c[:, 0], c[:, 1]))
        )
    else:
        shape = shapely.multipoints(xy).convex_hull.buffer(buffer)
        area = shape.area
    weight = float(points.data["weight"].to_numpy()[members].sum())
    return (act, number, len(members), weight, area / 1e6, cx, cy, shape)
