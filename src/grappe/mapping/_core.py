"""The steps of :func:`grappe.mapping.map_clusters` between the rows and the frames, shared by
the pandas-free path (:mod:`grappe.mapping.arrays`): its options checked, the classification
agreed, the nation's counts and every indicator from the dense cube (private to mapping)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from grappe._validation import check_bool, check_number, check_option
from grappe.codes import CLASSIFICATIONS, classification_family
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.indicators.specialisation import _ratio, group_totals, location_quotient
from grappe.indicators.stars import FOCUS_SCOPES
from grappe.mapping._rules import MEASURES, REGION_RANKINGS, _distributions, _strong_and_stars

#: Conventions of the ``lq`` column: US Cluster Mapping (traded/local base) or plain (total).
LQ_CONVENTIONS: tuple[str, ...] = ("cmp", "total")
#: How a region's total employment is obtained (see :func:`map_clusters`).
TOTAL_RULES: tuple[str, ...] = ("auto", "sum", "row")


def national_counts(
    nat: dict[str, Any], cluster_types: np.ndarray, measure: str
) -> dict[str, np.ndarray]:
    """The nation's counts by cluster × year (the base regions' cube, or the reference's), its
    total and its traded/local totals of ``measure``."""
    national = {k: nat[k].sum(axis=0) for k in ("employment", "establishments", "payroll")}
    national["total"] = nat["total"].sum(axis=0)
    national["group"] = group_totals(nat[measure], groups=cluster_types).sum(axis=0)
    return national


def indicator_values(
    cube: dict[str, Any],
    national: dict[str, np.ndarray],
    cluster_types: np.ndarray,
    region_types: np.ndarray,
    *,
    n_base: int,
    measure: str,
    lq_convention: str,
    options: Mapping[str, Any],
    regions_ranking: str,
    region_sets: list,
) -> tuple[dict[str, np.ndarray], tuple[str, ...]]:
    """Every indicator of :func:`map_clusters` as region × cluster × year arrays (the columns
    of ``ClusterMap.indicators`` from ``employment`` on), and the strong criteria used.

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2014). Clusters, convergence, and economic
       performance. *Research Policy*, 43(10), 1785–1799.
    """
    counts, est, tot = cube[measure], cube["establishments"], cube["total"]
    groups = region_types if len(set(region_types)) > 1 else None
    group_counts = group_totals(counts, groups=cluster_types)
    lq_total = location_quotient(
        counts, tot, national=national[measure], national_base=national["total"][None, :]
    )
    if lq_convention == "cmp":
        lq = location_quotient(
            counts, group_counts, national=national[measure], national_base=national["group"]
        )
    else:
        lq = lq_total
    foc = _ratio(counts, tot[:, None, :])
    # each variable is sorted once per distribution; thresholds and ranks share the sort
    distribution = _distributions(n_base, len(region_types), groups, regions_ranking, region_sets)
    flags, dist, criteria = _strong_and_stars(
        counts,
        est,
        lq,
        lq_total,
        foc,
        measure=measure,
        cluster_types=cluster_types,
        distribution=distribution,
        options=options,
    )
    emp = cube["employment"]
    dist_emp = dist["counts"] if measure == "employment" else distribution(emp)
    values = {
        "employment": emp,
        "establishments": est,
        "payroll": cube["payroll"],
        "avg_wage": _ratio(cube["payroll"], emp),
        "lq": lq,
        "lq_total": lq_total,
        "national_share": _ratio(counts, national[measure][None]),
        "focus": foc,
        "employment_pct": dist_emp.rank(),
        "lq_pct": dist["lq"].rank(),
        "establishments_pct": dist["establishments"].rank(),
        **flags,
        "withheld": cube["withheld"].astype(np.int32),
    }
    return values, criteria


def _checked_options(
    func: str,
    *,
    lq_convention: str,
    total: str,
    measure: str,
    regions_ranking: str,
    strong_percentile: float,
    strong_90_percentile: float,
    strong_min_lq: float,
    strong_size_percentile: float,
    strong_local: bool,
    star_size_top: float,
    star_min_lq: float,
    star_focus_top: float,
    star_focus_scope: str,
    star_local: bool,
) -> dict[str, Any]:
    """The options of :func:`map_clusters` checked; the thresholds by name."""
    check_option(lq_convention, "lq_convention", LQ_CONVENTIONS, func=func)
    check_option(total, "total", TOTAL_RULES, func=func)
    check_option(star_focus_scope, "star_focus_scope", FOCUS_SCOPES, func=func)
    check_option(measure, "measure", MEASURES, func=func)
    check_option(regions_ranking, "regions_ranking", REGION_RANKINGS, func=func)
    options = {
        "strong_percentile": strong_percentile,
        "strong_90_percentile": strong_90_percentile,
        "strong_min_lq": strong_min_lq,
        "strong_size_percentile": strong_size_percentile,
        "strong_local": strong_local,
        "star_size_top": star_size_top,
        "star_min_lq": star_min_lq,
        "star_focus_top": star_focus_top,
        "star_focus_scope": star_focus_scope,
        "star_local": star_local,
    }
    for name in ("strong_percentile", "strong_90_percentile", "strong_size_percentile"):
        check_number(options[name], name, func=func, low=0, high=100)
    for name in ("star_size_top", "star_focus_top"):
        check_number(options[name], name, func=func, low=0, high=100, closed="right")
    check_number(strong_min_lq, "strong_min_lq", func=func, low=0)
    check_bool(strong_local, "strong_local", func=func)
    check_bool(star_local, "star_local", func=func)
    check_number(star_min_lq, "star_min_lq", func=func, low=0)
    return options


def _classification_of(table: str, definitions: str) -> str:
    """The classification to read codes with, of a table's and its definitions' (which must
    agree); see :func:`_classification`."""

    def family(name: str) -> str:
        return classification_family(name) if name in CLASSIFICATIONS else "custom"

    t, d = family(table), family(definitions)
    if "custom" not in (t, d) and t != d:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must use the classification of the "
                "table ({classification!r}). Got {value!r} instead.",
                name="definitions",
                func="map_clusters",
                classification=table,
                value=definitions,
            )
        )
    for name in (table, definitions):
        if name in CLASSIFICATIONS and name != "custom":
            return name
    return "custom"
