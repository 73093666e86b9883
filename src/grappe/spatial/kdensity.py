"""Duranton–Overman K-density: are an activity's establishments closer than chance?

The K-density of an activity is the kernel density of the distances between all pairs of its
establishments. Its counterfactual is the K-density of as many establishments drawn at
random among *all* observed sites (so that the general pattern of land use — towns, valleys,
industrial zones — is controlled for). Weighting each pair by the product of the two
establishments' employments gives the employment-weighted K-density.

References
----------
Duranton, G., & Overman, H. G. (2005). Testing for localization using micro-geographic data.
*Review of Economic Studies*, 72(4), 1077–1106. https://doi.org/10.1111/0034-6527.00362

Silverman, B. W. (1986). *Density Estimation for Statistics and Data Analysis*. Chapman & Hall,
§3.4.2 (rule of thumb) and §2.10 (reflection at a boundary).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_bool, check_number
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.spatial._pairs import binned_pair_sums, centred32, pair_total
from grappe.spatial.executor import Progress, check_scheduler, run_tasks, simulation_seeds
from grappe.spatial.points import PointSet, chord_to_arc, metric_coordinates

__all__ = [
    "KDensityResult",
    "global_bands",
    "kdensity",
    "kdensity_by_activity",
    "silverman_bandwidth",
    "summary",
]

#: Nodes per bandwidth of the linear-binning grid (error ~ (1/10)^2 of the kernel's curvature).
NODES_PER_BANDWIDTH = 10
#: The Gaussian kernel is truncated at this many bandwidths (relative mass left out < 6e-7).
KERNEL_REACH = 5.0
#: Sites sampled to estimate the median distance between all sites.
MEDIAN_SAMPLE = 2000
#: Simulations per task sent to the executor.
SIMULATIONS_PER_TASK = 4


@dataclass(frozen=True)
class KDensityResult:
    """K-density of one activity with its Monte Carlo confidence bands.

    Attributes
    ----------
    activity : str
        The activity tested.
    weighted : bool
        Whether pairs were weighted by the product of the establishments' weights.
    curves : pandas.DataFrame
        One row per distance with ``distance`` (m), ``kdensity`` (per metre),
        ``local_lower``/``local_upper`` (pointwise percentiles of the simulations),
        ``global_lower``/``global_upper`` (bands that the given share of simulations cross
        anywhere), ``localisation`` and ``dispersion`` (D–O's Γ(d) and Ψ(d), per metre).
    bandwidth : float
        Kernel bandwidth (m).
    max_distance : float
        Largest distance examined (m).
    n_points : int
        Establishments of the activity.
    n_sites : int
        Sites among which the counterfactuals are drawn.
    n_simulations : int
        Monte Carlo simulations.
    confidence : float
        Two-sided confidence of the bands (0.90: 5 % above, 5 % below).
    seed : int or None
        Seed of the simulations.
    simulations : numpy.ndarray or None
        ``(n_simulations, n_grid)`` simulated K-densities when ``keep_simulations=True``.
    """

    activity: str
    weighted: bool
    curves: pd.DataFrame
    bandwidth: float
    max_distance: float
    n_points: int
    n_sites: int
    n_simulations: int
    confidence: float
    seed: int | None
    simulations: np.ndarray | None = field(default=None, repr=False)

    @property
    def localisation_index(self) -> float:
        """Γ = ∫ max(K(d) − upper global band, 0) dd over [0, max_distance] (unit-free)."""
        return float(np.trapezoid(self.curves["localisation"], self.curves["distance"]))

    @property
    def dispersion_index(self) -> float:
        """Ψ = ∫ max(lower global band − K(d), 0) dd, counted only if Γ = 0 (D–O, §4)."""
        return float(np.trapezoid(self.curves["dispersion"], self.curves["distance"]))

    @property
    def localised(self) -> bool:
        """Whether K crosses the upper global band at some distance."""
        return bool((self.curves["localisation"] > 0).any())

    @property
    def dispersed(self) -> bool:
        """Whether K crosses the lower global band somewhere and never the upper one."""
        return bool((self.curves["dispersion"] > 0).any())


def silverman_bandwidth(nodes: np.ndarray, mass: np.ndarray, n_pairs: float) -> float:
    """Silverman's rule of thumb ``0.9 min(sd, IQR / 1.34) n^(-1/5)`` from binned distances.

    Parameters
    ----------
    nodes, mass : numpy.ndarray
        Grid nodes (m) and linear-binned pair counts (the mean is exact under linear
        binning; sd and quartiles are within one node spacing).
    n_pairs : float
        Number of distances (the ``n`` of the rule).

    Examples
    --------
    >>> nodes = np.arange(5.0)
    >>> round(silverman_bandwidth(nodes, np.ones(5), 5), 4)
    0.9225
    """
    total = mass.sum()
    mean = (nodes * mass).sum() / total
    sd = np.sqrt((mass * (nodes - mean) ** 2).sum() / total)
    cum = np.cumsum(mass) / total
    q1, q3 = np.interp([0.25, 0.75], cum, nodes)
    spread = min(sd, (q3 - q1) / 1.34) if q3 > q1 else sd
    return float(0.9 * spread * n_pairs ** (-0.2))


def global_bands(simulations: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper bands reached anywhere by at most ``alpha`` of the simulations each.

    The upper band is the k-th largest simulated value at each distance, with the largest k
    such that no more than ``alpha`` of the simulated curves reach it (value ≥ band) at some
    distance (Duranton & Overman 2005, §3.3); the lower band likewise. Counting the curve
    that defines the band as reaching it makes the in-sample rate match that of a new curve
    (the k-th largest of n is exceeded by a new exchangeable value with probability
    k / (n + 1)). When even the extreme values are reached by more than ``alpha`` of the
    curves, the band is the extreme (minimum or maximum).

    Examples
    --------
    >>> sims = np.arange(10.0)[:, None] * np.ones((1, 2))  # ten parallel curves
    >>> lower, upper = global_bands(sims, 0.2)
    >>> upper.tolist(), lower.tolist()
    ([8.0, 8.0], [1.0, 1.0])
    """
    n = simulations.shape[0]
    desc = -np.sort(-simulations, axis=0)
    asc = np.sort(simulations, axis=0)

    def pick(ordered: np.ndarray, above: bool) -> np.ndarray:
        chosen = ordered[0]
        for k in range(n):
            band = ordered[k]
            hit = (simulations >= band) if above else (simulations <= band)
            if hit.any(axis=1).mean() > alpha:
                break
            chosen = band
        return chosen

    return pick(asc, above=False), pick(desc, above=True)


def kdensity(
    points: PointSet,
    activity: str,
    *,
    weighted: bool = False,
    n_simulations: int = 99,
    confidence: float = 0.90,
    bandwidth: float | str = "silverman",
    max_distance: float | str = "median",
    n_grid: int = 200,
    seed: int | None = None,
    keep_simulations: bool = False,
    scheduler: Any = None,
    progress: Progress | None = None,
) -> KDensityResult:
    """Duranton–Overman K-density of one activity, with local and global confidence bands.

    Parameters
    ----------
    points : PointSet
        All establishments (every activity): the counterfactual draws among all their sites.
    activity : str
        Activity code to test.
    weighted : bool
        Weight each pair by the product of the two establishments' weights (employment).
    n_simulations : int
        Random reallocations of the activity among all sites (D–O use 1,000; 99 gives 5 %
        bands from the 5th value of 99).
    confidence : float
        Two-sided confidence of the bands, in (0, 1).
    bandwidth : float or "silverman"
        Kernel bandwidth in metres, or Silverman's rule on the activity's pair distances.
    max_distance : float or "median"
        Largest distance examined (m); ``"median"`` is the median distance between all sites
        (D–O's threshold), estimated from 2,000 sites drawn with ``seed`` when there are more.
    n_grid : int
        Number of distances at which K is evaluated, from 0 to ``max_distance``.
    seed : int or None, default None
        Seed of the simulations; the same seed gives the same bands on any ``scheduler``.
        ``None`` draws fresh entropy (numpy's ``default_rng(None)``); pass an int to
        reproduce a result (the package's seed policy, see docs/architecture.md).
    keep_simulations : bool
        Keep the simulated curves in the result.
    scheduler : None, "threads", "sync", str or distributed.Client
        Where simulations run (see :mod:`grappe.spatial.executor`).
    progress : callable, optional
        ``progress(done, total)`` after each batch of simulations.

    Returns
    -------
    KDensityResult

    Raises
    ------
    InvalidParameterError
        For a bad option, an unknown activity, fewer than two establishments in it, or
        weights whose pair products are all zero.
    DataValidationError
        When every establishment is at one place and ``max_distance="median"``, or the
        activity's establishments are all at one place and ``bandwidth="silverman"``: these
        defaults need distances. With both given, coincident points are computed (all their
        pairs at distance 0).

    Notes
    -----
    With :math:`n` establishments at pairwise distances :math:`d_{ij}`, the K-density at
    distance :math:`d` is (reflected at zero, so that no mass is lost below 0)

    .. math::

        \\hat K(d) = \\frac{1}{h \\sum_{i<j} w_i w_j} \\sum_{i<j} w_i w_j
        \\left[\\phi\\left(\\frac{d - d_{ij}}{h}\\right)
        + \\phi\\left(\\frac{d + d_{ij}}{h}\\right)\\right]

    with :math:`w = 1` for the unweighted version and :math:`\\phi` the standard normal
    density. Distances are great-circle metres for longitude/latitude, planar metres for a
    projected CRS. Pairs are enumerated in blocks and linear-binned on a grid of step
    ``h / 10`` (memory linear in :math:`n`); the density is the binned sums times a kernel
    matrix. The bandwidth is that of the observed activity and is held fixed for its
    counterfactuals so that all curves share one smoothing.

    References
    ----------
    Duranton, G., & Overman, H. G. (2005). Testing for localization using micro-geographic
    data. *Review of Economic Studies*, 72(4), 1077–1106.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.spatial import points_from_frame
    >>> rng = np.random.default_rng(0)
    >>> xy = rng.uniform(0, 10_000, (60, 2))  # synthetic sites, metres
    >>> frame = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "naf": ["a"] * 20 + ["b"] * 40})
    >>> pts = points_from_frame(frame, x="x", y="y", crs="EPSG:2154", activity="naf")
    >>> res = kdensity(pts, "a", n_simulations=19, seed=1, scheduler="sync")
    >>> res.curves.columns.tolist()[:3]
    ['distance', 'kdensity', 'local_lower']
    """
    out = kdensity_by_activity(
        points,
        [activity],
        weighted=weighted,
        n_simulations=n_simulations,
        confidence=confidence,
        bandwidth=bandwidth,
        max_distance=max_distance,
        n_grid=n_grid,
        seed=seed,
        keep_simulations=keep_simulations,
        scheduler=scheduler,
        progress=progress,
        func="kdensity",
    )
    return out[activity]


def kdensity_by_activity(
    points: PointSet,
    activities: list[str] | None = None,
    *,
    weighted: bool = False,
    n_simulations: int = 99,
    confidence: float = 0.90,
    bandwidth: float | str = "silverman",
    max_distance: float | str = "median",
    n_grid: int = 200,
    seed: int | None = None,
    keep_simulations: bool = False,
    scheduler: Any = None,
    progress: Progress | None = None,
    func: str = "kdensity_by_activity",
) -> dict[str, KDensityResult]:
    """K-density of several activities, their simulations all sent to one executor.

    Parameters are those of :func:`kdensity`; ``activities`` defaults to every activity with
    at least two establishments. Each activity uses the same ``seed`` (its results equal
    those of :func:`kdensity` run alone).

    Parameters
    ----------
    points : PointSet
        The establishments.
    activities : list of str, optional
        The activities to examine (default every activity with at least two establishments).
    weighted, n_simulations, confidence, bandwidth, max_distance, n_grid, keep_simulations
        As :func:`kdensity`.
    seed : int or None, default None
        Seed of the simulations, shared by every activity. ``None`` draws fresh entropy;
        pass an int to reproduce a result (the package's seed policy).
    scheduler, progress
        As :func:`kdensity`.
    func : str
        Name of the calling function in error messages.

    Returns
    -------
    dict of str to KDensityResult
        In the order of ``activities``.

    Raises
    ------
    InvalidParameterError, DataValidationError
        As :func:`kdensity`.

    References
    ----------
    Duranton, G., & Overman, H. G. (2005). *Review of Economic Studies*, 72(4), 1077–1106.
    """
    check_bool(keep_simulations, "keep_simulations", func=func)
    _check_options(
        func,
        points,
        weighted=weighted,
        n_simulations=n_simulations,
        confidence=confidence,
        n_grid=n_grid,
        scheduler=scheduler,
        bandwidth=bandwidth,
        max_distance=max_distance,
    )
    if activities is None:
        counts = points.data["activity"].value_counts()
        activities = sorted(counts.index[counts >= 2].tolist())
    common = _common(points, weighted, seed, n_simulations, max_distance)
    c32, all_w, spherical = common["c32"], common["w"], common["spherical"]
    seeds = common["seeds"]
    specs = {}
    for act in activities:
        sel = points.mask(act)
        w_sel = None if all_w is None else all_w[sel]
        specs[act] = _activity_setup(
            c32[sel], w_sel, act, common, bandwidth=bandwidth, n_grid=n_grid,
            source=points.source, func=func,
        )  # fmt: skip

    shared = {
        "c32": c32,
        "w": all_w,
        "spherical": spherical,
        "specs": {a: s[0] for a, s in specs.items()},
    }
    batches = [
        seeds[1 + i : 1 + i + SIMULATIONS_PER_TASK]
        for i in range(0, n_simulations, SIMULATIONS_PER_TASK)
    ]
    tasks = [(act, batch) for act in activities for batch in batches]
    results = run_tasks(_simulate, tasks, shared=shared, scheduler=scheduler, progress=progress)
    out = {}
    alpha = (1 - confidence) / 2
    for i, act in enumerate(activities):
        spec, grid, h, observed = specs[act]
        sims = np.vstack(results[i * len(batches) : (i + 1) * len(batches)])
        out[act] = _result(
            act,
            weighted,
            grid,
            observed,
            sims,
            h,
            m=spec["m"],
            n_sites=len(points),
            confidence=confidence,
            alpha=alpha,
            seed=seed,
            keep=keep_simulations,
        )
    return out


def _check_options(
    func: str,
    points: Any,
    *,
    weighted: Any,
    n_simulations: Any,
    confidence: Any,
    n_grid: Any,
    scheduler: Any,
    bandwidth: Any,
    max_distance: Any,
) -> None:
    """Refuse a bad option of a K-density (:func:`kdensity_by_activity`, the scan), naming it."""
    check_bool(weighted, "weighted", func=func)
    check_number(n_simulations, "n_simulations", func=func, low=1, integer=True)
    check_number(confidence, "confidence", func=func, low=0, high=1, closed="neither")
    check_number(n_grid, "n_grid", func=func, low=2, integer=True)
    check_scheduler(scheduler, func=func)
    if bandwidth != "silverman":
        check_number(bandwidth, "bandwidth", func=func, low=0, closed="neither")
    if max_distance != "median":
        check_number(max_distance, "max_distance", func=func, low=0, closed="neither")
    if not isinstance(points, PointSet):
        raise InvalidParameterError(
            Message(
                "The 'points' parameter of {func} must be a PointSet. Got {kind} instead.",
                func=func,
                kind=type(points).__name__,
            )
        )


def _common(points: PointSet, weighted: bool, seed, n_simulations: int, max_distance) -> dict:
    """What every activity shares: centred coordinates, weights, seeds, the largest distance."""
    coords, spherical = metric_coordinates(points)
    c32 = centred32(coords)
    all_w = points.data["weight"].to_numpy(dtype=float) if weighted else None
    seeds = simulation_seeds(seed, n_simulations + 1)
    span = float(np.linalg.norm(coords.max(axis=0) - coords.min(axis=0)))
    diameter = float(chord_to_arc(span)) if spherical else span
    if max_distance == "median":
        if not diameter > 0:  # every establishment at one place: no distance to take
            raise DataValidationError(
                ValidationIssue(
                    Message(
                        "all {n} establishments are at one place ({x}, {y}), so no distance "
                        "between them can set the largest distance of the K-density.",
                        n=len(points),
                        x=points.data["x"].iat[0],
                        y=points.data["y"].iat[0],
                    ),
                    file=points.source,
                    fix=Message(
                        "check the geocoding (a town's centre given to every address?); give "
                        "--max-distance and --bandwidth to compute it anyway."
                    ),
                )
            )
        max_distance = _median_distance(c32, spherical, diameter, seeds[0])

    return {
        "c32": c32,
        "w": all_w,
        "spherical": spherical,
        "seeds": seeds,
        "diameter": diameter,
        "max_distance": float(max_distance),
    }


def _activity_setup(
    c32: np.ndarray,
    w_sel: np.ndarray | None,
    act: str,
    common: dict,
    *,
    bandwidth: float | str,
    n_grid: int,
    source: str | None,
    func: str,
) -> tuple[dict, np.ndarray, float, np.ndarray]:
    """One activity's checks, bandwidth, grid, kernel matrix and observed K-density."""
    spherical, diameter = common["spherical"], common["diameter"]
    max_distance = common["max_distance"]
    m = c32.shape[0]
    if m < 2:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must name an activity with at least two "
                "establishments. Got {value!r} instead ({m} establishment).",
                name="activity",
                func=func,
                value=act,
                m=m,
            )
        )
    if pair_total(w_sel, m) <= 0:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must name an activity with at least two "
                "establishments of positive weight for weighted=True. Got {value!r} instead.",
                name="activity",
                func=func,
                value=act,
            )
        )
    h = bandwidth
    if h == "silverman":
        nodes = np.linspace(0.0, diameter * 1.001, 4096)
        mass = binned_pair_sums(c32, None, step=nodes[1], n_nodes=4097, spherical=spherical)[:4096]
        h = silverman_bandwidth(nodes, mass, m * (m - 1) / 2)
        if not h > 0:
            raise DataValidationError(
                ValidationIssue(
                    Message(
                        "the {m} establishments of activity {act!r} are all at one place, so "
                        "Silverman's rule gives no bandwidth.",
                        m=m,
                        act=act,
                    ),
                    file=source,
                    column="activity",
                    fix=Message(
                        "check their geocoding, give --bandwidth, or choose other "
                        "activities with --activity."
                    ),
                )
            )
    grid = np.linspace(0.0, float(max_distance), n_grid)
    step = min(float(h) / NODES_PER_BANDWIDTH, (float(max_distance) + KERNEL_REACH * h) / 64)
    n_nodes = int(np.ceil((float(max_distance) + KERNEL_REACH * h) / step)) + 3
    kmat = _kernel_matrix(grid, np.arange(n_nodes) * step, float(h))
    spec = {"m": m, "step": step, "n_nodes": n_nodes, "kmat": kmat}
    observed = _curve(c32, w_sel, spec, spherical)
    return spec, grid, float(h), observed


def _kernel_matrix(grid: np.ndarray, nodes: np.ndarray, h: float) -> np.ndarray:
    norm = 1.0 / (h * np.sqrt(2 * np.pi))
    below = (grid[:, None] - nodes[None, :]) / h
    above = (grid[:, None] + nodes[None, :]) / h
    return norm * (np.exp(-0.5 * below**2) + np.exp(-0.5 * above**2))


def _curve(c32: np.ndarray, w: np.ndarray | None, spec: dict, spherical: bool) -> np.ndarray:
    sums = binned_pair_sums(c32, w, step=spec["step"], n_nodes=spec["n_nodes"], spherical=spherical)
    return spec["kmat"] @ sums / pair_total(w, c32.shape[0])


def _simulate(task: tuple[str, list], shared: dict) -> np.ndarray:
    act, batch = task
    return _simulated_curves(
        shared["specs"][act], shared["c32"], shared["w"], shared["spherical"], batch
    )


def _simulated_curves(
    spec: dict, c32: np.ndarray, w: np.ndarray | None, spherical: bool, batch
) -> np.ndarray:
    """K-densities of the activity of ``spec`` reallocated among all sites, one per seed."""
    rows = []
    for ss in batch:
        rng = np.random.default_rng(ss)
        idx = np.sort(rng.choice(c32.shape[0], size=spec["m"], replace=False))
        rows.append(_curve(c32[idx], None if w is None else w[idx], spec, spherical))
    return np.vstack(rows)


def _median_distance(c32, spherical, diameter, ss) -> float:
    n = c32.shape[0]
    if n > MEDIAN_SAMPLE:
        rng = np.random.default_rng(ss)
        c32 = c32[np.sort(rng.choice(n, size=MEDIAN_SAMPLE, replace=False))]
    nodes = np.linspace(0.0, diameter * 1.001, 8192)
    mass = binned_pair_sums(c32, None, step=nodes[1], n_nodes=8193, spherical=spherical)[:8192]
    if mass.sum() <= 0:
        raise InvalidParameterError(
            "The 'points' parameter must hold at least two distinct sites to set the median "
            "distance. Got a single site instead."
        )
    return float(np.interp(0.5, np.cumsum(mass) / mass.sum(), nodes))


def _result(
    act, weighted, grid, observed, sims, h, *, m, n_sites, confidence, alpha, seed, keep
) -> KDensityResult:
    local_lower, local_upper = np.percentile(sims, [100 * alpha, 100 * (1 - alpha)], axis=0)
    global_lower, global_upper = global_bands(sims, alpha)
    localisation = np.maximum(observed - global_upper, 0.0)
    dispersion = np.maximum(global_lower - observed, 0.0)
    if localisation.sum() > 0:
        dispersion = np.zeros_like(dispersion)
    curves = pd.DataFrame(
        {
            "distance": grid,
            "kdensity": observed,
            "local_lower": local_lower,
            "local_upper": local_upper,
            "global_lower": global_lower,
            "global_upper": global_upper,
            "localisation": localisation,
            "dispersion": dispersion,
        }
    )
    return KDensityResult(
        activity=act,
        weighted=weighted,
        curves=curves,
        bandwidth=h,
        max_distance=float(grid[-1]),
        n_points=m,
        n_sites=n_sites,
        n_simulations=sims.shape[0],
        confidence=confidence,
        seed=seed,
        simulations=sims if keep else None,
    )


def summary(results: dict[str, KDensityResult]) -> pd.DataFrame:
    """One row per activity: counts, bandwidth and D–O indices, sorted by localisation.

    Parameters
    ----------
    results : dict of str to KDensityResult
        The results of :func:`kdensity_by_activity` (or of :func:`kdensity`, by activity).

    Returns
    -------
    pandas.DataFrame
        ``activity``, ``n_points``, ``bandwidth_m``, ``max_distance_m``,
        ``localisation_index``, ``dispersion_index``, ``localised``, ``dispersed``.
    """
    rows = [
        {
            "activity": r.activity,
            "n_points": r.n_points,
            "bandwidth_m": r.bandwidth,
            "max_distance_m": r.max_distance,
            "localisation_index": r.localisation_index,
            "dispersion_index": r.dispersion_index,
            "localised": r.localised,
            "dispersed": r.dispersed,
        }
        for r in results.values()
    ]
    return pd.DataFrame(rows).sort_values("localisation_index", ascending=False, kind="stable")
