"""Marcon–Puech M: the relative density of an activity's neighbours within a radius.

M(r) compares, around each establishment of the activity, the share of the activity in the
(weighted) neighbourhood of radius r with its share in the whole area. M = 1 means no
concentration, M = 2 twice as many neighbours of the same activity as expected.

References
----------
Marcon, E., & Puech, F. (2010). Measures of the geographic concentration of industries:
improving distance-based methods. *Journal of Economic Geography*, 10(5), 745–762.
https://doi.org/10.1093/jeg/lbp056
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_bool, check_number
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.spatial.executor import Progress, check_scheduler, run_tasks, simulation_seeds
from grappe.spatial.points import PointSet, arc_to_chord, chord_to_arc, metric_coordinates

__all__ = ["m_function"]

#: Reference points processed together (bounds the memory of neighbour lists).
CHUNK = 256
SIMULATIONS_PER_TASK = 4


def m_function(
    points: PointSet,
    activity: str,
    radii: np.ndarray | list[float],
    *,
    weighted: bool = False,
    n_simulations: int = 0,
    confidence: float = 0.90,
    seed: int | None = None,
    scheduler: Any = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Marcon & Puech's M function of an activity, with optional Monte Carlo bands.

    Parameters
    ----------
    points : PointSet
        All establishments; the activity's share is measured against all of them.
    activity : str
        Activity code.
    radii : array-like of float
        Increasing radii in metres (> 0).
    weighted : bool
        Weight neighbours by ``weight`` (employment).
    n_simulations : int
        Random reallocations of the activity among all sites (0: no bands).
    confidence : float
        Two-sided confidence of the pointwise bands.
    seed : int or None, default None
        Seed of the simulations.
        ``None`` draws fresh entropy (numpy's ``default_rng(None)``); pass an int to
        reproduce a result (the package's seed policy, see docs/architecture.md).
    scheduler : None, "threads", "sync", str or distributed.Client
        Where simulations run.
    progress : callable, optional
        ``progress(done, total)`` after each batch of simulations.

    Returns
    -------
    pandas.DataFrame
        ``radius`` (m), ``m`` and, with simulations, ``lower`` and ``upper``.

    Raises
    ------
    InvalidParameterError
        For a bad option, an unknown activity or one with a single establishment, or radii
        not positive and increasing.

    Notes
    -----
    For the set :math:`S` of the activity's establishments, total weight :math:`W_S` among
    all establishments' :math:`W`,

    .. math::

        M(r) = \\frac{\\sum_{i \\in S} \\frac{\\sum_{j \\in S, j \\ne i, d_{ij} \\le r} w_j}
        {\\sum_{j \\ne i, d_{ij} \\le r} w_j}}
        {\\sum_{i \\in S} \\frac{W_S - w_i}{W - w_i}}

    Reference establishments with no neighbour within :math:`r` are left out of both sums
    (their ratio is undefined), which keeps :math:`E[M] = 1` under random labelling.
    Coincident establishments are neighbours at distance 0, within every radius.
    Neighbours are found with a k-d tree (:class:`scipy.spatial.cKDTree`) chunk by chunk, so
    memory grows with the number of neighbours within the largest radius, not with n².

    References
    ----------
    Marcon, E., & Puech, F. (2010). *Journal of Economic Geography*, 10(5), 745–762.

    Examples
    --------
    >>> from grappe.spatial import points_from_frame
    >>> frame = pd.DataFrame({"x": [0.0, 1, 2, 10], "y": [0.0, 0, 0, 0],
    ...                       "a": ["s", "s", "o", "o"]})
    >>> pts = points_from_frame(frame, x="x", y="y", crs="EPSG:2154", activity="a")
    >>> m_function(pts, "s", [1.5])["m"].round(3).tolist()
    [2.25]
    """
    func = "m_function"
    check_bool(weighted, "weighted", func=func)
    check_number(n_simulations, "n_simulations", func=func, low=0, integer=True)
    check_number(confidence, "confidence", func=func, low=0, high=1, closed="neither")
    check_scheduler(scheduler, func=func)
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
    from scipy.spatial import cKDTree

    sel = points.mask(activity)
    if sel.sum() < 2:
        # one establishment has no neighbour of its own activity and an expected share of 0
        raise InvalidParameterError(
            Message(
                "The 'activity' parameter of {func} must name an activity with at least two "
                "establishments (M compares each with the others). Got {activity!r} with one "
                "instead.",
                func=func,
                activity=activity,
            )
        )
    coords, spherical = metric_coordinates(points)
    search = arc_to_chord(r) if spherical else r
    w = points.data["weight"].to_numpy(dtype=float) if weighted else np.ones(len(points))
    shared = {
        "tree": cKDTree(coords),
        "coords": coords,
        "w": w,
        "r": r,
        "search": search,
        "spherical": spherical,
    }
    observed = _m(np.flatnonzero(sel), shared)
    out = pd.DataFrame({"radius": r, "m": observed})
    if n_simulations:
        seeds = simulation_seeds(seed, n_simulations)
        m = int(sel.sum())
        tasks = [
            (m, seeds[i : i + SIMULATIONS_PER_TASK])
            for i in range(0, n_simulations, SIMULATIONS_PER_TASK)
        ]
        sims = np.vstack(
            run_tasks(_simulate, tasks, shared=shared, scheduler=scheduler, progress=progress)
        )
        alpha = (1 - confidence) / 2
        lower, upper = np.nanpercentile(sims, [100 * alpha, 100 * (1 - alpha)], axis=0)
        out["lower"], out["upper"] = lower, upper
    return out


def _simulate(task, shared) -> np.ndarray:
    m, batch = task
    n = len(shared["w"])
    return np.vstack(
        [
            _m(np.sort(np.random.default_rng(ss).choice(n, size=m, replace=False)), shared)
            for ss in batch
        ]
    )


def _m(members: np.ndarray, shared: dict) -> np.ndarray:
    tree, coords, w, r = shared["tree"], shared["coords"], shared["w"], shared["r"]
    n_r = len(r)
    in_s = np.zeros(len(w), dtype=bool)
    in_s[members] = True
    w_s, w_all = w[members].sum(), w.sum()
    numerator = np.zeros(n_r)
    denominator = np.zeros(n_r)
    for a in range(0, len(members), CHUNK):
        refs = members[a : a + CHUNK]
        lists = tree.query_ball_point(coords[refs], shared["search"][-1])
        sizes = np.fromiter((len(x) for x in lists), dtype=np.intp, count=len(lists))
        owner = np.repeat(np.arange(len(refs)), sizes)
        nb = (
            np.concatenate([np.asarray(x, dtype=np.intp) for x in lists])
            if sizes.sum()
            else (np.zeros(0, dtype=np.intp))
        )
        d = np.linalg.norm(coords[nb] - coords[refs][owner], axis=1)
        if shared["spherical"]:
            d = chord_to_arc(d)
        not_self = nb != refs[owner]
        owner, nb, d = owner[not_self], nb[not_self], d[not_self]
        ring = np.searchsorted(r, d, side="left")  # first radius ≥ d
        keep = ring < n_r
        owner, nb, ring = owner[keep], nb[keep], ring[keep]
        flat = owner * n_r + ring
        size = len(refs) * n_r
        total = np.bincount(flat, w[nb], minlength=size).reshape(len(refs), n_r).cumsum(1)
        same = np.bincount(flat, w[nb] * in_s[nb], minlength=size)
        same = same.reshape(len(refs), n_r).cumsum(1)
        has = total > 0
        ratio = np.divide(same, total, out=np.zeros_like(same), where=has)
        expected = (w_s - w[refs]) / (w_all - w[refs])
        numerator += ratio.sum(axis=0)
        denominator += (has * expected[:, None]).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / denominator, np.nan)
