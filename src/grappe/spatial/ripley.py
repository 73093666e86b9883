"""Ripley's K and Besag's L for a point pattern in a window, with edge correction.

Ripley's K compares points with a homogeneous Poisson process in a window (complete spatial
randomness in the study area), not with the observed sites: it is given for comparison with the
literature, the K-density and M being the measures that control for where land can be used.

References
----------
Ripley, B. D. (1976). The second-order analysis of stationary point processes. *Journal of
Applied Probability*, 13(2), 255–266.

Ripley, B. D. (1988). *Statistical Inference for Spatial Processes*. Cambridge University Press
(isotropic edge correction, §3.3).

Besag, J. (1977). Discussion of Dr Ripley's paper. *Journal of the Royal Statistical Society B*,
39(2), 193–195 (the L transform).

Baddeley, A., Rubak, E., & Turner, R. (2015). *Spatial Point Patterns: Methodology and
Applications with R*. CRC Press, §7.4 (border and isotropic corrections).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from grappe._validation import check_option
from grappe.errors import InvalidParameterError
from grappe.spatial.points import PointSet

__all__ = ["circle_fraction_inside", "ripley_k"]


def circle_fraction_inside(
    x: np.ndarray, y: np.ndarray, d: np.ndarray, box: tuple[float, float, float, float]
) -> np.ndarray:
    """Share of the circumference of the circle centred at (x, y), radius d, inside a box.

    Parameters
    ----------
    x, y : numpy.ndarray
        Centres, inside ``box``.
    d : numpy.ndarray
        Radii (> 0).
    box : tuple
        ``(xmin, ymin, xmax, ymax)``.

    Returns
    -------
    numpy.ndarray
        Fractions in (0, 1].

    Examples
    --------
    >>> box = (0.0, 0.0, 10.0, 10.0)
    >>> circle_fraction_inside(np.array([5.0, 0.0]), np.array([5.0, 5.0]), np.array([1.0, 1.0]),
    ...                        box).round(3).tolist()
    [1.0, 0.5]
    """
    xmin, ymin, xmax, ymax = box
    edges = [x - xmin, xmax - x, y - ymin, ymax - y]  # left, right, bottom, top
    half = [np.arccos(np.clip(e / d, -1.0, 1.0)) for e in edges]  # half-angle cut by each edge
    outside = sum(2 * t for t in half)
    for a, b in ((0, 2), (0, 3), (1, 2), (1, 3)):  # adjacent edges: overlapping arcs at a corner
        corner = edges[a] ** 2 + edges[b] ** 2 < d**2
        outside = outside - np.where(corner, half[a] + half[b] - np.pi / 2, 0.0)
    return np.clip(1.0 - outside / (2 * np.pi), 1e-12, 1.0)


def ripley_k(
    points: PointSet,
    radii: np.ndarray | list[float],
    *,
    activity: str | None = None,
    window: tuple[float, float, float, float] | object | None = None,
    edge_correction: str = "isotropic",
) -> pd.DataFrame:
    """Ripley's K and Besag's L functions with an edge correction.

    Parameters
    ----------
    points : PointSet
        Points in a projected CRS (metres).
    radii : array-like of float
        Increasing radii in metres (> 0).
    activity : str, optional
        Restrict to one activity.
    window : tuple or shapely Polygon, optional
        Study area: a box ``(xmin, ymin, xmax, ymax)`` or a polygon; the points' bounding box
        when omitted.
    edge_correction : {"isotropic", "border", "none"}
        Ripley's isotropic correction (box windows only), the border (reduced-sample)
        correction, or none.

    Returns
    -------
    pandas.DataFrame
        ``radius``, ``k``, ``l`` (= sqrt(K/π)), ``k_csr`` (= πr², K under complete spatial
        randomness) and ``l_minus_r``.

    Raises
    ------
    InvalidParameterError
        For longitude/latitude points, radii not positive and increasing, fewer than two
        points, points outside the window, or the isotropic correction on a non-box window.

    Notes
    -----
    With :math:`n` points in a window of area :math:`A`,

    .. math::

        \\hat K(r) = \\frac{A}{n(n-1)} \\sum_i \\sum_{j \\ne i} e_{ij} 1\\{d_{ij} \\le r\\}

    where :math:`e_{ij}` is 1 (``"none"``) or the inverse of the share of the circle centred
    at :math:`i` through :math:`j` that lies inside the window (``"isotropic"``). The border
    correction keeps as centres only the :math:`n_r` points at least :math:`r` from the
    window's edge: :math:`\\hat K(r) = A / (n\\, n_r) \\sum_{i: b_i \\ge r} \\sum_{j \\ne i}
    1\\{d_{ij} \\le r\\}` (Baddeley et al. 2015, eq. 7.17). Pairs are found with a k-d tree
    within the largest radius. pointpats' ``k`` uses ``A / n^2`` and no correction:
    multiply ``"none"`` by ``(n - 1) / n`` to compare.

    References
    ----------
    Ripley (1976, 1988); Besag (1977); Baddeley, Rubak & Turner (2015), §7.4.

    Examples
    --------
    >>> from grappe.spatial import points_from_frame
    >>> frame = pd.DataFrame({"x": [0.0, 1.0, 4.0], "y": [0.0, 0.0, 4.0]})
    >>> pts = points_from_frame(frame, x="x", y="y", crs="EPSG:2154")
    >>> ripley_k(pts, [1.5], window=(0, 0, 4, 4), edge_correction="none")["k"].tolist()
    [5.333333333333333]
    """
    func = "ripley_k"
    check_option(edge_correction, "edge_correction", ("isotropic", "border", "none"), func=func)
    if points.geographic:
        raise InvalidParameterError(
            f"The 'points' parameter of {func} must be in a projected CRS (metres), as the "
            "window's area is planar. Got longitude/latitude instead. Use "
            "project_points(points, 'EPSG:3035') or a local projection first."
        )
    r = np.asarray(radii, dtype=float)
    if r.ndim != 1 or r.size == 0 or not (r > 0).all() or (np.diff(r) <= 0).any():
        raise InvalidParameterError(
            f"The 'radii' parameter of {func} must be positive increasing distances in metres. "
            f"Got {radii!r} instead."
        )
    from scipy.spatial import cKDTree

    data = points.data if activity is None else points.data[points.mask(activity)]
    xy = data[["x", "y"]].to_numpy(dtype=float)
    n = len(xy)
    if n < 2:
        raise InvalidParameterError(
            f"The 'points' parameter of {func} must hold at least two points. Got {n} instead."
        )
    is_box = window is None or isinstance(window, tuple | list)
    if window is None:
        window = tuple(float(v) for v in (*xy.min(axis=0), *xy.max(axis=0)))
        if not (window[2] > window[0] and window[3] > window[1]):
            raise InvalidParameterError(
                f"The 'window' parameter of {func} must be given when the points lie at one "
                f"place or on one line (their bounding box {window!r} has no positive area). "
                "Got None instead."
            )
    if is_box:
        xmin, ymin, xmax, ymax = (float(v) for v in window)
        area = (xmax - xmin) * (ymax - ymin)
        inside = (xy[:, 0] >= xmin) & (xy[:, 0] <= xmax) & (xy[:, 1] >= ymin) & (xy[:, 1] <= ymax)
        border = np.minimum.reduce(
            [xy[:, 0] - xmin, xmax - xy[:, 0], xy[:, 1] - ymin, ymax - xy[:, 1]]
        )
    else:
        import shapely

        if edge_correction == "isotropic":
            raise InvalidParameterError(
                f"The 'edge_correction' parameter of {func} must be 'border' or 'none' for a "
                "polygon window. Got 'isotropic' instead (implemented for box windows)."
            )
        pts = shapely.points(xy)
        area = float(window.area)
        inside = shapely.covers(window, pts)
        border = shapely.distance(window.boundary, pts)
    if not inside.all():
        raise InvalidParameterError(
            f"The 'window' parameter of {func} must contain every point. Got a window that "
            f"leaves out {int((~inside).sum())} of them instead."
        )
    if not area > 0:
        raise InvalidParameterError(
            f"The 'window' parameter of {func} must have a positive area. Got {window!r} instead."
        )
    pairs = cKDTree(xy).query_pairs(r[-1], output_type="ndarray")
    i, j = pairs[:, 0], pairs[:, 1]
    d = np.linalg.norm(xy[i] - xy[j], axis=1)
    ring = np.searchsorted(r, d, side="left")
    if edge_correction == "border":
        # ordered pairs (i, j) and (j, i), each counted if its centre is far enough from the edge
        k = np.empty(len(r))
        for t, radius in enumerate(r):
            close = d <= radius
            count = (border[i[close]] >= radius).sum() + (border[j[close]] >= radius).sum()
            n_r = (border >= radius).sum()
            k[t] = area * count / (n * n_r) if n_r else np.nan
    else:
        if edge_correction == "isotropic":
            e = 1 / circle_fraction_inside(xy[i, 0], xy[i, 1], d, (xmin, ymin, xmax, ymax))
            e += 1 / circle_fraction_inside(xy[j, 0], xy[j, 1], d, (xmin, ymin, xmax, ymax))
        else:
            e = np.full(len(d), 2.0)
        k = area / (n * (n - 1)) * np.bincount(ring, e, minlength=len(r) + 1)[: len(r)].cumsum()
    l_ = np.sqrt(k / np.pi)
    return pd.DataFrame({"radius": r, "k": k, "l": l_, "k_csr": np.pi * r**2, "l_minus_r": l_ - r})
