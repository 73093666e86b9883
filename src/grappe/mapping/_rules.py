"""The measure, the strong-cluster rules and the stars of a cluster map (private to mapping).

Split from :func:`grappe.mapping.map_clusters` so that the choices that adapt to the table (which
counts it has, which regions form the distributions) sit in one place.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from grappe.errors import DataValidationError, DataWarning, ValidationIssue
from grappe.i18n import Message
from grappe.indicators.ranks import _Distribution
from grappe.indicators.stars import _stars
from grappe.indicators.strong import _strong
from grappe.model import RegionalTable

#: Counts a regional table may carry, and a cluster map may be computed on
#: (:func:`grappe.mapping.map_clusters` ``measure=``, ``grappe map --measure``).
MEASURES: tuple[str, ...] = ("employment", "establishments", "payroll")

#: How user-defined regions are ranked: against the table's regions, or among their own set.
REGION_RANKINGS: tuple[str, ...] = ("base", "own")

#: Below this many regions, a set ranked among itself gets a warning: its percentiles say little.
_FEW_REGIONS = 10


def _check_measure(table: RegionalTable, measure: str, *, what: str = "table") -> None:
    """Refuse a measure the table lacks (NaN in every row), naming the fix."""
    if table.data[measure].isna().all():
        present = [m for m in MEASURES if not table.data[m].isna().all()]
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "the {what} has no {measure} (the column is absent or empty in every row), "
                    "so clusters cannot be mapped by {measure}; it has {present}.",
                    what=Message("reference table")
                    if what == "reference table"
                    else Message("table"),
                    measure=measure,
                    present=present or Message("no counts"),
                ),
                file=table.source,
                column=measure,
                fix=(
                    Message(
                        "map a column with columns={{'<column>': {measure!r}}}, or choose another "
                        "count: {others}.",
                        measure=measure,
                        others=" or ".join(f"measure={m!r}" for m in present),
                    )
                    if present
                    else Message(
                        "map a column with columns={{'<column>': {measure!r}}}.", measure=measure
                    )
                ),
            )
        )


def _has(values: np.ndarray) -> bool:
    """Whether a count is present in the cube (a count the table lacks is NaN everywhere)."""
    return not bool(np.isnan(values).all())


def _distributions(
    n_base: int, n_all: int, groups: np.ndarray | None, ranking: str, region_sets: list[Any]
) -> Any:
    """A factory of :class:`_Distribution` for the chosen ranking of user-defined regions."""
    if n_all > n_base and ranking == "base":

        def make(arr: np.ndarray, *, pooled: bool = False) -> _Distribution:
            return _Distribution(arr, None, pooled=pooled, base=n_base)

        return make
    if n_all > n_base:  # ranked among their own type: say so when the set is small
        for region_set in region_sets:
            n = int(region_set.members["region"].nunique())
            if n < _FEW_REGIONS:
                warnings.warn(
                    DataWarning(
                        f"the user-defined regions of type {region_set.region_type!r} are "
                        "ranked among themselves: their percentiles, strong clusters and stars "
                        f"compare {n} region{'s' if n != 1 else ''} only.",
                        file=region_set.source,
                        column="region",
                        fix="rank them against the table's regions with --regions-ranking base "
                        "(regions_ranking='base').",
                    ),
                    stacklevel=3,
                )

    def make_own(arr: np.ndarray, *, pooled: bool = False) -> _Distribution:
        return _Distribution(arr, groups, pooled=pooled)

    return make_own


def _strong_and_stars(
    counts: np.ndarray,
    est: np.ndarray,
    lq: np.ndarray,
    lq_total: np.ndarray,
    focus: np.ndarray,
    *,
    measure: str,
    cluster_types: np.ndarray,
    distribution: Any,
    options: dict[str, Any],
) -> tuple[dict[str, np.ndarray], dict[str, _Distribution], tuple[str, ...]]:
    """Strong flags and stars on the measure's ``counts``; the distributions for the ranks;
    the strong criteria used."""
    dist = {"counts": distribution(counts), "lq": distribution(lq)}
    dist["establishments"] = dist["counts"] if measure == "establishments" else distribution(est)
    # the establishments criterion applies when the table has them and they are not the measure
    use_est = est if measure != "establishments" and _has(est) else None
    criteria = ("lq", measure) + (() if use_est is None else ("establishments",))
    size_q = float(options["strong_size_percentile"])
    strong_kw = {
        "emp_threshold": dist["counts"].threshold(size_q),
        "est_threshold": None if use_est is None else dist["establishments"].threshold(size_q),
        "min_lq": float(options["strong_min_lq"]),
    }
    flags = {}
    for key, q in (("strong", "strong_percentile"), ("strong_90", "strong_90_percentile")):
        threshold = dist["lq"].threshold(float(options[q]))
        flags[key] = _strong(lq, counts, use_est, lq_threshold=threshold, **strong_kw)
    not_local = (cluster_types != "local")[None, :, None]
    if not options["strong_local"]:
        flags["strong"] &= not_local
        flags["strong_90"] &= not_local
    # the Observatory ranks the focus of traded clusters only: local ones are left out of the
    # pooled distribution (NaN is never counted) and get no star, unless asked for
    star_local = bool(options["star_local"])
    ranked_focus = focus if star_local else np.where(not_local, focus, np.nan)
    pooled = options["star_focus_scope"] == "all"
    size, spec, foc_star = _stars(
        counts,
        lq_total,
        focus,
        size_threshold=dist["counts"].threshold(100.0 - float(options["star_size_top"])),
        focus_threshold=distribution(ranked_focus, pooled=pooled).threshold(
            100.0 - float(options["star_focus_top"])
        ),
        min_lq=float(options["star_min_lq"]),
    )
    if not star_local:
        size, spec, foc_star = (x & not_local for x in (size, spec, foc_star))
    flags.update(star_size=size, star_specialisation=spec, star_focus=foc_star)
    flags["stars"] = size.astype(np.int8) + spec.astype(np.int8) + foc_star.astype(np.int8)
    return flags, dist, criteria
