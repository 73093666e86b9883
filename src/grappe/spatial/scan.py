"""All-industry localisation scan: the Duranton–Overman K-density of every industry of a register.

For each industry (activity code) with enough establishments, the K-density is computed with its
local and global confidence bands exactly as :func:`~grappe.spatial.kdensity` does (same seed,
same results), and the industry is classed localised, dispersed or neither with the global
indices Γ and Ψ of Duranton & Overman (2005). Each industry is one task of the executor (local
threads or Dask, see :mod:`grappe.spatial.executor`): it computes the bandwidth, the observed
curve and all the simulations of that industry, so that nothing of size "industries × grid" is
sent to the workers, and progress is reported task by task. The few industries large enough to
set the end alone (more than 1/32 of the pair work) are set up by one task and have their
simulations spread over several.

References
----------
Duranton, G., & Overman, H. G. (2005). Testing for localization using micro-geographic data.
*Review of Economic Studies*, 72(4), 1077–1106. https://doi.org/10.1111/0034-6527.00362
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_number
from grappe.errors import DataValidationError, InvalidParameterError
from grappe.i18n import Message
from grappe.spatial._pairs import pair_total
from grappe.spatial.executor import Progress, run_tasks
from grappe.spatial.kdensity import (
    KDensityResult,
    _activity_setup,
    _check_options,
    _common,
    _kernel_matrix,
    _result,
    _simulated_curves,
)
from grappe.spatial.points import PointSet

__all__ = ["SCAN_STATUSES", "ScanResult", "localisation_scan"]

#: ``status`` of an industry in :attr:`ScanResult.summary`: computed, or why it was left out.
SCAN_STATUSES = ("scanned", "too_few", "one_place", "zero_weight")
#: An industry holding more than 1/SPLIT_SHARE of the scan's pair work (sizes squared) has its
#: simulations spread over several tasks, so that one large industry does not set the end.
SPLIT_SHARE = 32


@dataclass(frozen=True)
class ScanResult:
    """The K-density of every industry of a register, with bands and D–O indices.

    Attributes
    ----------
    curves : pandas.DataFrame
        One row per scanned industry and distance: ``activity``, ``distance`` (m),
        ``kdensity``, ``local_lower``, ``local_upper``, ``global_lower``, ``global_upper``,
        ``localisation`` and ``dispersion`` (Γ(d) and Ψ(d), per metre), and the flags
        ``localised`` (K above the upper global band at this distance) and ``dispersed`` (K
        below the lower global band, counted only for industries localised nowhere).
    summary : pandas.DataFrame
        One row per industry of the register, the scanned first by decreasing Γ: ``activity``,
        ``n_points``, ``status`` (one of :data:`SCAN_STATUSES`), ``bandwidth_m``,
        ``max_distance_m``, ``localisation_index`` (Γ), ``dispersion_index`` (Ψ),
        ``localised``, ``dispersed`` (NaN / False for industries left out).
    n_simulations : int
        Monte Carlo simulations per industry.
    confidence : float
        Two-sided confidence of the bands.
    seed : int or None
        Seed shared by every industry.
    min_establishments : int
        Industries with fewer establishments were left out (``too_few``).
    """

    curves: pd.DataFrame
    summary: pd.DataFrame
    n_simulations: int
    confidence: float
    seed: int | None
    min_establishments: int


def localisation_scan(
    points: PointSet,
    *,
    min_establishments: int = 10,
    weighted: bool = False,
    n_simulations: int = 99,
    confidence: float = 0.90,
    bandwidth: float | str = "silverman",
    max_distance: float | str = "median",
    n_grid: int = 200,
    seed: int | None = None,
    industries_per_task: int = 1,
    scheduler: Any = None,
    progress: Progress | None = None,
) -> ScanResult:
    """Duranton–Overman K-density with confidence bands for every industry of a register.

    Parameters
    ----------
    points : PointSet
        Every establishment of the register, with its industry as ``activity``; the
        counterfactual of each industry draws among all their sites.
    min_establishments : int, default 10
        Industries with fewer establishments are left out (status ``too_few``); at least 2.
    weighted, n_simulations, confidence, bandwidth, max_distance, n_grid
        As :func:`~grappe.spatial.kdensity`; one bandwidth per industry (Silverman's rule on
        its own distances unless given), one ``max_distance`` for all (the median distance
        between all sites by default, D–O's threshold).
    seed : int or None, default None
        Seed of the simulations, the same for every industry: an industry's result equals
        ``kdensity(points, industry, seed=seed, ...)``. ``None`` draws fresh entropy.
    industries_per_task : int, default 1
        Industries computed by one task of the executor (the largest industries first). An
        industry holding more than 1/:data:`SPLIT_SHARE` of the scan's pair work (sizes
        squared) is set up by one task and has its simulations spread over several.
    scheduler : None, "threads", "sync", str or distributed.Client
        Where the industries run (see :mod:`grappe.spatial.executor`).
    progress : callable, optional
        ``progress(done, total)`` after each task.

    Returns
    -------
    ScanResult

    Raises
    ------
    InvalidParameterError
        For a bad option, points read without an industry column, or no industry with at
        least ``min_establishments`` establishments.
    DataValidationError
        When every establishment is at one place and ``max_distance="median"``.

    Notes
    -----
    An industry whose establishments are all at one place (the same address, or the same
    area centroid for pseudo-points) has no Silverman bandwidth: it is left out with status
    ``one_place`` instead of stopping the scan. With ``weighted=True``, an industry with fewer
    than two establishments of positive weight is ``zero_weight``.

    Γ and Ψ are the integrals over distance of the excess of K above the upper global band,
    and of its shortfall below the lower global band (Ψ only for industries localised at no
    distance), Duranton & Overman (2005, §4).

    References
    ----------
    Duranton, G., & Overman, H. G. (2005). Testing for localization using micro-geographic
    data. *Review of Economic Studies*, 72(4), 1077–1106.

    Examples
    --------
    >>> from grappe.spatial import points_from_frame
    >>> rng = np.random.default_rng(0)
    >>> xy = rng.uniform(0, 10_000, (90, 2))  # synthetic sites, metres
    >>> naf = ["a"] * 30 + ["b"] * 55 + ["c"] * 5
    >>> frame = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "naf": naf})
    >>> pts = points_from_frame(frame, x="x", y="y", crs="EPSG:2154", activity="naf")
    >>> scan = localisation_scan(pts, n_simulations=19, seed=1, scheduler="sync")
    >>> scan.summary[["activity", "status"]].sort_values("activity").values.tolist()
    [['a', 'scanned'], ['b', 'scanned'], ['c', 'too_few']]
    """
    func = "localisation_scan"
    check_number(min_establishments, "min_establishments", func=func, low=2, integer=True)
    check_number(industries_per_task, "industries_per_task", func=func, low=1, integer=True)
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
    if tuple(points.activities) == ("all",):
        raise InvalidParameterError(
            Message(
                "The 'points' parameter of {func} must carry each establishment's industry. Got "
                "points read without an activity column instead: name it (grappe spatial scan "
                "--industry-column, read_points(activity=...)).",
                func=func,
            )
        )
    codes, inverse = np.unique(points.data["activity"].to_numpy(dtype=str), return_inverse=True)
    sizes = np.bincount(inverse, minlength=len(codes))
    all_w = points.data["weight"].to_numpy(dtype=float) if weighted else None
    status = {str(code): "too_few" for code in codes}
    members = {}
    for k in np.flatnonzero(sizes >= min_establishments):
        rows = np.flatnonzero(inverse == k)
        if all_w is not None and pair_total(all_w[rows], len(rows)) <= 0:
            status[str(codes[k])] = "zero_weight"
            continue
        members[str(codes[k])] = rows
    if not members:
        raise InvalidParameterError(
            Message(
                "The 'min_establishments' parameter of {func} must leave at least one industry "
                "to scan. Got {value} instead: the largest industry has {largest} "
                "establishments. Lower it.",
                func=func,
                value=min_establishments,
                largest=int(sizes.max()),
            )
        )
    common = _common(points, weighted, seed, n_simulations, max_distance)
    order = sorted(members, key=lambda a: -len(members[a]))  # largest first: balanced ends
    # the pair work of an industry grows as its size squared: one that holds more than
    # 1/SPLIT_SHARE of the scan's work has its simulations spread over several tasks
    work = {act: float(len(members[act])) ** 2 for act in order}
    total_work = sum(work.values())
    parts = {
        act: min(n_simulations, math.ceil(SPLIT_SHARE * work[act] / total_work)) for act in order
    }
    whole = [act for act in order if parts[act] == 1]
    split = [act for act in order if parts[act] > 1]
    first = [("setup", [(act, members[act])]) for act in split] + [
        ("whole", [(act, members[act]) for act in whole[i : i + industries_per_task]])
        for i in range(0, len(whole), industries_per_task)
    ]
    shared = {
        "common": common,
        "options": {
            "weighted": weighted,
            "bandwidth": bandwidth,
            "n_grid": n_grid,
            "confidence": confidence,
            "seed": seed,
            "n_sites": len(points),
            "source": points.source,
        },
    }
    planned = len(first) + sum(parts[act] for act in split)

    def first_progress(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, planned)

    done = run_tasks(_scan_task, first, shared=shared, scheduler=scheduler, progress=first_progress)
    results, setups = {}, {}
    for (kind, _), batch in zip(first, done, strict=True):
        for act, outcome in batch:
            if outcome is None:
                status[act] = "one_place"
            elif kind == "setup":
                setups[act] = outcome
            else:
                results[act] = outcome
    seeds = common["seeds"][1:]
    second = [
        (act, setups[act], [seeds[k] for k in chunk])
        for act in split
        if act in setups
        for chunk in np.array_split(np.arange(n_simulations), parts[act])
    ]

    def second_progress(done: int, total: int) -> None:
        if progress is not None:
            progress(len(first) + done, len(first) + total)

    if second:
        chunks = run_tasks(
            _simulation_task,
            second,
            shared=shared,
            scheduler=scheduler,
            progress=second_progress,
        )
        for act, (spec, grid, h, observed) in setups.items():
            sims = np.vstack([c for (a, _, _), c in zip(second, chunks, strict=True) if a == act])
            results[act] = _industry_result(act, spec, grid, h, observed, sims, shared["options"])
    return ScanResult(
        curves=_curves_table(results, order, n_grid),
        summary=_summary_table(results, status, codes, sizes),
        n_simulations=n_simulations,
        confidence=confidence,
        seed=seed,
        min_establishments=min_establishments,
    )


def _scan_task(task: tuple[str, list], shared: dict) -> list:
    """Each industry of the task: its whole result (``"whole"``) or its setup (``"setup"``).

    None for an industry all at one place (Silverman's rule gives no bandwidth).
    """
    kind, batch = task
    common, opts = shared["common"], shared["options"]
    c32, w, spherical = common["c32"], common["w"], common["spherical"]
    out = []
    for act, rows in batch:
        try:
            spec, grid, h, observed = _activity_setup(
                c32[rows],
                None if w is None else w[rows],
                act,
                common,
                bandwidth=opts["bandwidth"],
                n_grid=opts["n_grid"],
                source=opts["source"],
                func="localisation_scan",
            )
        except DataValidationError:  # all at one place: Silverman's rule gives no bandwidth
            out.append((act, None))
            continue
        if kind == "setup":  # the kernel matrix is rebuilt by each simulation task
            light = {key: spec[key] for key in ("m", "step", "n_nodes")}
            out.append((act, (light, grid, h, observed)))
            continue
        sims = _simulated_curves(spec, c32, w, spherical, common["seeds"][1:])
        out.append((act, _industry_result(act, spec, grid, h, observed, sims, opts)))
    return out


def _simulation_task(task: tuple, shared: dict) -> np.ndarray:
    """Some simulations of one large industry (its setup done by a ``"setup"`` task)."""
    _act, (light, grid, h, _observed), seeds = task
    common = shared["common"]
    kmat = _kernel_matrix(grid, np.arange(light["n_nodes"]) * light["step"], h)
    spec = {**light, "kmat": kmat}
    return _simulated_curves(spec, common["c32"], common["w"], common["spherical"], seeds)


def _industry_result(act, spec, grid, h, observed, sims, opts) -> KDensityResult:
    return _result(
        act,
        opts["weighted"],
        grid,
        observed,
        sims,
        h,
        m=spec["m"],
        n_sites=opts["n_sites"],
        confidence=opts["confidence"],
        alpha=(1 - opts["confidence"]) / 2,
        seed=opts["seed"],
        keep=False,
    )


def _curves_table(results: dict, order: list[str], n_grid: int) -> pd.DataFrame:
    frames = [
        results[act].curves.assign(
            localised=lambda f: f["localisation"] > 0,
            dispersed=lambda f: f["dispersion"] > 0,
        )
        for act in sorted(results, key=order.index)
    ]
    if not frames:
        columns = ["activity", "distance", "kdensity", "local_lower", "local_upper",
                   "global_lower", "global_upper", "localisation", "dispersion", "localised",
                   "dispersed"]  # fmt: skip
        return pd.DataFrame(columns=columns)
    table = pd.concat(frames, ignore_index=True)
    table.insert(0, "activity", np.repeat(sorted(results, key=order.index), n_grid))
    return table


def _summary_table(results: dict, status: dict, codes, sizes) -> pd.DataFrame:
    rows = []
    for code, size in zip(codes, sizes, strict=True):
        act = str(code)
        res = results.get(act)
        rows.append(
            {
                "activity": act,
                "n_points": int(size),
                "status": "scanned" if res is not None else status[act],
                "bandwidth_m": res.bandwidth if res is not None else np.nan,
                "max_distance_m": res.max_distance if res is not None else np.nan,
                "localisation_index": res.localisation_index if res is not None else np.nan,
                "dispersion_index": res.dispersion_index if res is not None else np.nan,
                "localised": res.localised if res is not None else False,
                "dispersed": res.dispersed if res is not None else False,
            }
        )
    table = pd.DataFrame(rows)
    table["_scanned"] = table["status"] != "scanned"
    table = table.sort_values(
        ["_scanned", "localisation_index", "dispersion_index", "activity"],
        ascending=[True, False, True, True],
        kind="stable",
        na_position="last",
    )
    return table.drop(columns="_scanned").reset_index(drop=True)
