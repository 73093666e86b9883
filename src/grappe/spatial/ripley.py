"""Ripley's K and Besag's L for a point pattern in a window, with edge correction.

Ripley's K compares points with a homogeneous Poisson process in a window (complete spatial
randomness in the study area), not with the observed sites: it is given for comparison with the
literature, the K-density and M being the measures that control for where land can be used.

References
----------
Ripley, B. D. (1976). The second-order analysis of stationary point processes. *Journal of
Applied Probability*, 13(2), 255–266.

Ripley, B. D. (1977). Modelling spatial patterns. *Journal of the Royal Statistical Society B*,
39(2), 172–212 (the isotropic edge correction).

Ripley, B. D. (1988). *Statistical Inference for Spatial Processes*. Cambridge University Press
(isotropic edge correction, §3.3).

Besag, J. (1977). Discussion of Dr Ripley's paper. *Journal of the Royal Statistical Society B*,
39(2), 193–195 (the L transform).

Baddeley, A., Rubak, E., & Turner, R. (2015). *Spatial Point Patterns: Methodology and
Applications with R*. CRC Press, §7.4 (border and isotropic corrections).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_number, check_option
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.spatial.executor import Progress, check_scheduler, run_tasks, simulation_seeds
from grappe.spatial.points import PointSet

__all__ = [
    "EDGE_CORRECTIONS",
    "circle_fraction_inside",
    "coincident_count",
    "default_radii",
    "ripley_k",
]

#: Edge corrections of :func:`ripley_k`.
EDGE_CORRECTIONS = ("isotropic", "border", "none")
#: Simulated patterns per task sent to the executor.
SIMULATIONS_PER_TASK = 4
#: Pairs listed at once for the isotropic correction (about 100 bytes each while weighed).
PAIRS_PER_TILE = 2_000_000


def circle_fraction_inside(
    x: np.ndarray, y: np.ndarray, d: np.ndarray, box: tuple[float, float, float, float]
) -> np.ndarray:
    """Share of the circumference of the circle centred at (x, y), radius d, inside a box.

    Parameters
    ----------
    x, y : numpy.ndarray
        Centres, inside ``box``.
    d : numpy.ndarray
        Radii (≥ 0). A circle of radius 0 is its centre, inside the box: its share is 1.
    box : tuple
        ``(xmin, ymin, xmax, ymax)``.

    Returns
    -------
    numpy.ndarray
        Fractions in (0, 1].

    Examples
    --------
    >>> box = (0.0, 0.0, 10.0, 10.0)
    >>> circle_fraction_inside(np.array([5.0, 0.0, 0.0]), np.array([5.0, 5.0, 0.0]),
    ...                        np.array([1.0, 1.0, 0.0]), box).round(3).tolist()
    [1.0, 0.5, 1.0]
    """
    x, y, d = (np.asarray(v, dtype=float) for v in (x, y, d))
    xmin, ymin, xmax, ymax = box
    edges = [x - xmin, xmax - x, y - ymin, ymax - y]  # left, right, bottom, top
    safe = np.where(d > 0, d, 1.0)  # radius 0: no edge is cut (set to 1 below)
    half = [np.arccos(np.clip(e / safe, -1.0, 1.0)) for e in edges]  # half-angle cut by each edge
    outside = sum(2 * t for t in half)
    for a, b in ((0, 2), (0, 3), (1, 2), (1, 3)):  # adjacent edges: overlapping arcs at a corner
        corner = edges[a] ** 2 + edges[b] ** 2 < d**2
        outside = outside - np.where(corner, half[a] + half[b] - np.pi / 2, 0.0)
    return np.where(d > 0, np.clip(1.0 - outside / (2 * np.pi), 1e-12, 1.0), 1.0)


def coincident_count(points: PointSet, *, activity: str | None = None) -> int:
    """Number of points that repeat the location of another point (beyond the first).

    :func:`ripley_k` and :func:`~grappe.spatial.m_function` count such points as pairs at
    distance 0; this count lets a caller say so.

    Examples
    --------
    >>> from grappe.spatial import points_from_frame
    >>> frame = pd.DataFrame({"x": [0.0, 0.0, 0.0, 1.0], "y": [0.0, 0.0, 0.0, 1.0]})
    >>> coincident_count(points_from_frame(frame, x="x", y="y", crs="EPSG:2154"))
    2
    """
    data = points.data if activity is None else points.data[points.mask(activity)]
    return int(data.duplicated(["x", "y"]).sum())


def default_radii(
    points: PointSet,
    *,
    activity: str | None = None,
    window: tuple[float, float, float, float] | None = None,
    steps: int = 20,
) -> np.ndarray:
    """``steps`` evenly spaced radii up to a quarter of the window's shorter side.

    A quarter of the shorter side of the study rectangle is the usual largest radius of
    Ripley's K (spatstat's ``Kest`` default, Baddeley et al. 2015, §7.3): beyond it few
    centres see a whole circle and every edge correction becomes unstable.

    Parameters
    ----------
    points : PointSet
        Points in a projected CRS.
    activity : str, optional
        Take the bounding box of this activity's points.
    window : tuple, optional
        ``(xmin, ymin, xmax, ymax)``; the points' bounding box when omitted.
    steps : int
        Number of radii (≥ 1).

    Returns
    -------
    numpy.ndarray
        ``rmax / steps, 2 rmax / steps, …, rmax``.

    Raises
    ------
    InvalidParameterError
        For fewer than one step, or a window (or bounding box) without area.

    Examples
    --------
    >>> from grappe.spatial import points_from_frame
    >>> frame = pd.DataFrame({"x": [0.0, 4000.0], "y": [0.0, 8000.0]})
    >>> default_radii(points_from_frame(frame, x="x", y="y", crs="EPSG:2154"), steps=4).tolist()
    [250.0, 500.0, 750.0, 1000.0]
    """
    func = "default_radii"
    check_number(steps, "steps", func=func, low=1, integer=True)
    if window is None:
        data = points.data if activity is None else points.data[points.mask(activity)]
        xy = data[["x", "y"]].to_numpy(dtype=float)
        window = (*xy.min(axis=0), *xy.max(axis=0)) if len(xy) else (0.0, 0.0, 0.0, 0.0)
    side = min(float(window[2]) - float(window[0]), float(window[3]) - float(window[1]))
    if not side > 0:
        raise InvalidParameterError(
            Message(
                "The 'window' parameter of {func} must have a positive width and height to set "
                "the radii (the points may all lie at one place or on one line). Got {window!r} "
                "instead: give the radii or a study window.",
                func=func,
                window=window,
            )
        )
    return side / 4 * np.arange(1, steps + 1) / steps


def ripley_k(
    points: PointSet,
    radii: np.ndarray | list[float],
    *,
    activity: str | None = None,
    window: tuple[float, float, float, float] | object | None = None,
    edge_correction: str = "isotropic",
    n_simulations: int = 0,
    confidence: float = 0.90,
    seed: int | None = None,
    scheduler: Any = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Ripley's K and Besag's L functions with an edge correction and CSR envelopes.

    Parameters
    ----------
    points : PointSet
        Points in a projected CRS (metres). Points at one location (the same address geocoded
        twice, several plants on one site) are kept, as pairs at distance 0.
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
    n_simulations : int
        Patterns of complete spatial randomness (as many points, uniform in the window) whose
        K gives pointwise envelopes (0: none).
    confidence : float
        Two-sided confidence of the envelopes.
    seed : int or None, default None
        Seed of the simulations (``None``: fresh entropy; see docs/architecture.md).
    scheduler : None, "threads", "sync", str or distributed.Client
        Where simulations run (see :mod:`grappe.spatial.executor`).
    progress : callable, optional
        ``progress(done, total)`` after each batch of simulations.

    Returns
    -------
    pandas.DataFrame
        ``radius`` (m), ``k`` (m²), ``l`` (= sqrt(K/π), m), ``k_csr`` (= πr², K under complete
        spatial randomness), ``l_minus_r`` and, with simulations, ``k_lower``, ``k_upper``,
        ``l_lower``, ``l_upper``.

    Raises
    ------
    InvalidParameterError
        For longitude/latitude points, radii not positive and increasing, fewer than two
        points, points outside the window, a window without area (all points at one place
        and no window given), the isotropic correction on a non-box window, an unknown
        activity or a bad option.

    Notes
    -----
    With :math:`n` points in a window of area :math:`A`,

    .. math::

        \\hat K(r) = \\frac{A}{n(n-1)} \\sum_i \\sum_{j \\ne i} e_{ij} 1\\{d_{ij} \\le r\\}

    where :math:`e_{ij}` is 1 (``"none"``) or the inverse of the share of the circle centred
    at :math:`i` through :math:`j` that lies inside the window (``"isotropic"``, Ripley 1977;
    exact formula for a rectangle). The border correction keeps as centres only the
    :math:`n_r` points at least :math:`r` from the window's edge: :math:`\\hat K(r) = A /
    (n\\, n_r) \\sum_{i: b_i \\ge r} \\sum_{j \\ne i} 1\\{d_{ij} \\le r\\}` (Baddeley et al. 2015,
    eq. 7.17). :math:`L(r) = \\sqrt{K(r)/\\pi}` (Besag 1977) is r under complete spatial
    randomness.

    Pairs are counted by :meth:`scipy.spatial.cKDTree.count_neighbors` (a dual-tree count,
    no list of pairs): all of them without correction, the centres far enough from the
    edge (weights 0/1) for the border correction, and, for the isotropic correction, the
    centres farther than the largest radius from the edge (their weights are all 1); only
    the pairs of centres nearer the edge are listed with their distances, to weigh them, in
    tiles of at most :data:`PAIRS_PER_TILE` pairs that are binned by radius and dropped, so
    that memory stays linear in the number of points however dense the pattern (1e6 points
    at 1 km: see docs/benchmarks/spatial.md).

    Coincident points are pairs at distance 0, counted at every radius; their isotropic
    weight is 1 (the point at distance 0 from a centre is the centre itself, inside the
    window), as in spatstat. pointpats' ``k`` uses ``A / n^2`` and no correction: multiply
    ``"none"`` by ``(n - 1) / n`` to compare.

    References
    ----------
    Ripley (1976, 1977, 1988); Besag (1977); Baddeley, Rubak & Turner (2015), §7.4.

    Examples
    --------
    >>> from grappe.spatial import points_from_frame
    >>> frame = pd.DataFrame({"x": [0.0, 1.0, 4.0], "y": [0.0, 0.0, 4.0]})
    >>> pts = points_from_frame(frame, x="x", y="y", crs="EPSG:2154")
    >>> ripley_k(pts, [1.5], window=(0, 0, 4, 4), edge_correction="none")["k"].tolist()
    [5.333333333333333]
    """
    func = "ripley_k"
    check_option(edge_correction, "edge_correction", EDGE_CORRECTIONS, func=func)
    check_number(n_simulations, "n_simulations", func=func, low=0, integer=True)
    check_number(confidence, "confidence", func=func, low=0, high=1, closed="neither")
    check_scheduler(scheduler, func=func)
    if points.geographic:
        raise InvalidParameterError(
            Message(
                "The 'points' parameter of {func} must be in a projected CRS (metres), as the "
                "window's area is planar. Got longitude/latitude instead. Use "
                "project_points(points, 'EPSG:3035') or a local projection first.",
                func=func,
            )
        )
    r = np.asarray(radii, dtype=float)
    if r.ndim != 1 or r.size == 0 or not (r > 0).all() or (np.diff(r) <= 0).any():
        raise InvalidParameterError(
            Message(
                "The 'radii' parameter of {func} must be positive increasing distances in "
                "metres. Got {radii!r} instead.",
                func=func,
                radii=radii,
            )
        )
    data = points.data if activity is None else points.data[points.mask(activity)]
    xy = data[["x", "y"]].to_numpy(dtype=float)
    n = len(xy)
    if n < 2:
        raise InvalidParameterError(
            Message(
                "The 'points' parameter of {func} must hold at least two points. Got {n} instead.",
                func=func,
                n=n,
            )
        )
    shared = _window(xy, window, edge_correction, func)
    shared.update(r=r, n=n, correction=edge_correction)
    k = _k_estimate(xy, _border_distance(xy, shared), shared)
    out = pd.DataFrame({"radius": r, "k": k})
    out["l"] = np.sqrt(k / np.pi)
    out["k_csr"] = np.pi * r**2
    out["l_minus_r"] = out["l"] - r
    if n_simulations:
        seeds = simulation_seeds(seed, n_simulations)
        tasks = [
            seeds[i : i + SIMULATIONS_PER_TASK]
            for i in range(0, n_simulations, SIMULATIONS_PER_TASK)
        ]
        sims = np.vstack(
            run_tasks(_simulate, tasks, shared=shared, scheduler=scheduler, progress=progress)
        )
        alpha = (1 - confidence) / 2
        # border: a radius no centre is far enough from the edge for is NaN in every pattern
        lower, upper = np.full(len(r), np.nan), np.full(len(r), np.nan)
        some = np.isfinite(sims).any(axis=0)
        bounds = np.nanpercentile(sims[:, some], [100 * alpha, 100 * (1 - alpha)], axis=0)
        lower[some], upper[some] = bounds
        out["k_lower"], out["k_upper"] = lower, upper
        out["l_lower"], out["l_upper"] = np.sqrt(lower / np.pi), np.sqrt(upper / np.pi)
    return out


def _window(xy: np.ndarray, window: Any, correction: str, func: str) -> dict:
    """Area and shape of the study window (a box or a shapely polygon), checked."""
    if window is None:
        window = tuple(float(v) for v in (*xy.min(axis=0), *xy.max(axis=0)))
        if not (window[2] > window[0] and window[3] > window[1]):
            raise InvalidParameterError(
                Message(
                    "The 'window' parameter of {func} must be given when the points lie at one "
                    "place or on one line (their bounding box {window!r} has no positive area). "
                    "Got None instead.",
                    func=func,
                    window=window,
                )
            )
    if isinstance(window, tuple | list):
        box = tuple(float(v) for v in window)
        if len(box) != 4 or not (box[2] > box[0] and box[3] > box[1]):
            raise InvalidParameterError(
                Message(
                    "The 'window' parameter of {func} must have a positive area. Got {window!r} "
                    "instead.",
                    func=func,
                    window=window,
                )
            )
        shared: dict[str, Any] = {"box": box, "polygon": None}
        shared["area"] = (box[2] - box[0]) * (box[3] - box[1])
        inside = (
            (xy[:, 0] >= box[0])
            & (xy[:, 0] <= box[2])
            & (xy[:, 1] >= box[1])
            & (xy[:, 1] <= box[3])
        )
    else:
        import shapely

        if correction == "isotropic":
            raise InvalidParameterError(
                Message(
                    "The 'edge_correction' parameter of {func} must be 'border' or 'none' for a "
                    "polygon window. Got 'isotropic' instead (implemented for box windows).",
                    func=func,
                )
            )
        if not float(window.area) > 0:
            raise InvalidParameterError(
                Message(
                    "The 'window' parameter of {func} must have a positive area. Got {window!r} "
                    "instead.",
                    func=func,
                    window=window,
                )
            )
        shapely.prepare(window)
        shared = {"box": None, "polygon": window, "area": float(window.area)}
        inside = shapely.covers(window, shapely.points(xy))
    if not inside.all():
        raise InvalidParameterError(
            Message(
                "The 'window' parameter of {func} must contain every point. Got a window that "
                "leaves out {count} of them instead.",
                func=func,
                count=int((~inside).sum()),
            )
        )
    return shared


def _border_distance(xy: np.ndarray, shared: dict) -> np.ndarray:
    """Distance from each point to the window's edge."""
    box = shared["box"]
    if box is not None:
        xmin, ymin, xmax, ymax = box
        return np.minimum.reduce(
            [xy[:, 0] - xmin, xmax - xy[:, 0], xy[:, 1] - ymin, ymax - xy[:, 1]]
        )
    import shapely

    return shapely.distance(shared["polygon"].boundary, shapely.points(xy))


def _k_estimate(xy: np.ndarray, border: np.ndarray, shared: dict) -> np.ndarray:
    """K at every radius: ordered pairs counted by a dual-tree count, weighted as corrected."""
    from scipy.spatial import cKDTree

    r, n, area = shared["r"], shared["n"], shared["area"]
    tree = cKDTree(xy)
    # count_neighbors counts the ordered pairs within r, each point with itself included
    if shared["correction"] == "none":
        return area * (tree.count_neighbors(tree, r) - n) / (n * (n - 1.0))
    if shared["correction"] == "border":
        k = np.full(len(r), np.nan)
        for t, radius in enumerate(r):
            centres = (border >= radius).astype(float)
            n_r = centres.sum()
            if n_r:
                count = tree.count_neighbors(tree, radius, weights=(centres, None)) - n_r
                k[t] = area * count / (n * n_r)
        return k
    # isotropic: centres farther than the largest radius from the edge weigh every pair 1
    near = border < r[-1]
    far = (~near).astype(float)
    counts = tree.count_neighbors(tree, r, weights=(far, None)) - far.sum()
    if near.any():
        counts = counts + _near_edge_counts(xy, np.flatnonzero(near), tree, r, shared["box"])
    return area * counts / (n * (n - 1.0))


def _near_edge_counts(
    xy: np.ndarray, rows: np.ndarray, tree: Any, r: np.ndarray, box: tuple
) -> np.ndarray:
    """Isotropic-weighted pair counts, cumulated by radius, of the centres ``rows``.

    The pairs of these centres are listed tile by tile — consecutive centres holding at most
    :data:`PAIRS_PER_TILE` pairs within the largest radius — weighed and added to the radius
    bins, then dropped, so that memory stays bounded however dense the pattern. A centre's
    pairs are bounded above, without listing them, by the points in the 3 × 3 cells of side
    the largest radius around its own cell (the circle lies inside them).
    """
    from scipy.spatial import cKDTree

    reach = r[-1]
    within = _neighbour_bound(xy, rows, reach)
    before = np.concatenate(([0], np.cumsum(within)))
    sums = np.zeros(len(r) + 1)
    start = 0
    while start < len(rows):
        stop = int(np.searchsorted(before, before[start] + PAIRS_PER_TILE, side="right")) - 1
        stop = min(max(stop, start + 1), len(rows))
        tile = rows[start:stop]
        pairs = cKDTree(xy[tile]).sparse_distance_matrix(tree, reach, output_type="ndarray")
        i, j, d = tile[pairs["i"]], pairs["j"], pairs["v"]
        other = i != j
        i, d = i[other], d[other]
        e = 1.0 / circle_fraction_inside(xy[i, 0], xy[i, 1], d, box)
        ring = np.searchsorted(r, d, side="left")  # first radius ≥ d
        sums += np.bincount(ring, e, minlength=len(r) + 1)
        start = stop
    return sums[: len(r)].cumsum()


def _neighbour_bound(xy: np.ndarray, rows: np.ndarray, reach: float) -> np.ndarray:
    """Points in the 3 × 3 grid cells of side ``reach`` around each of ``rows`` (≥ neighbours)."""
    cell = np.floor((xy - xy.min(axis=0)) / reach).astype(np.int64) + 1  # ≥ 1: room for -1
    height = int(cell[:, 1].max()) + 2
    keys, counts = np.unique(cell[:, 0] * height + cell[:, 1], return_counts=True)
    bound = np.zeros(len(rows), dtype=np.int64)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            wanted = (cell[rows, 0] + dx) * height + cell[rows, 1] + dy
            at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
            bound += np.where(keys[at] == wanted, counts[at], 0)
    return bound


def _uniform_in_window(rng: np.random.Generator, n: int, shared: dict) -> np.ndarray:
    """``n`` points uniform in the window (rejection sampling in a polygon's bounds)."""
    box = shared["box"]
    if box is not None:
        return np.column_stack((rng.uniform(box[0], box[2], n), rng.uniform(box[1], box[3], n)))
    import shapely

    polygon = shared["polygon"]
    xmin, ymin, xmax, ymax = polygon.bounds
    share = polygon.area / ((xmax - xmin) * (ymax - ymin))
    kept: list[np.ndarray] = []
    total = 0
    while total < n:
        draw = int((n - total) / share * 1.2) + 16
        xy = np.column_stack((rng.uniform(xmin, xmax, draw), rng.uniform(ymin, ymax, draw)))
        xy = xy[shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])]
        kept.append(xy)
        total += len(xy)
    return np.vstack(kept)[:n]


def _simulate(batch, shared) -> np.ndarray:
    out = []
    for ss in batch:
        xy = _uniform_in_window(np.random.default_rng(ss), shared["n"], shared)
        out.append(_k_estimate(xy, _border_distance(xy, shared), shared))
    return np.vstack(out)
