"""Indicators of one cluster in one region, gathered from the mapping engine's output (no I/O).

:func:`cluster_evidence` turns the tidy ``ClusterMap.indicators`` table (region × cluster × year
rows; see ``docs/architecture.md``) into the flat mapping of named indicators that the
scorecards (:mod:`grappe.assess.diamond`, :mod:`grappe.assess.success_factors`) read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from grappe.errors import InvalidParameterError, NotFoundError
from grappe.i18n import Message

__all__ = ["INDICATOR_COLUMNS", "cluster_evidence", "network_evidence", "network_figures"]

#: Columns of ``ClusterMap.indicators`` read here.
INDICATOR_COLUMNS: tuple[str, ...] = (
    "region",
    "cluster",
    "year",
    "employment",
    "establishments",
    "payroll",
    "lq",
)

_F = "cluster_evidence"


def cluster_evidence(
    indicators: pd.DataFrame,
    *,
    region: str,
    cluster: str,
    year: int | None = None,
    start: int | None = None,
    related: Iterable[str] = (),
    strong_lq: float = 1.0,
) -> dict[str, float]:
    """Indicators of one region's cluster, relative to the same cluster nationally.

    Parameters
    ----------
    indicators : pandas.DataFrame
        ``ClusterMap.indicators``; needs the columns of :data:`INDICATOR_COLUMNS`. National
        totals are the sums over all regions in the table.
    region, cluster : str
        The region and cluster assessed.
    year : int, optional
        Year assessed (default: the latest).
    start : int, optional
        Start year of growth rates (default: the earliest).
    related : iterable of str
        Codes of related clusters (e.g. from the cluster relatedness table).
    strong_lq : float
        LQ at or above which a related cluster counts as strong.

    Returns
    -------
    dict of str to float
        ``employment``, ``establishments``, ``lq``, ``national_share`` (fraction of national
        cluster employment), ``wage_ratio`` (average wage / national average wage of the
        cluster), ``firm_count_ratio`` (establishments per job / national establishments per
        job; > 1 means more and smaller firms), ``cagr`` and ``national_cagr`` (employment,
        ``start`` → ``year``), ``growth_gap`` (their difference), ``share_change`` (relative
        change of ``national_share``), ``related_lq_mean`` and ``related_strong_share``
        (when ``related`` is given). Undefined ratios are NaN.

    Raises
    ------
    InvalidParameterError
        If columns are missing.
    NotFoundError
        If the region × cluster × year rows are absent.

    Notes
    -----
    The compound annual growth rate is :math:`(E_{end}/E_{start})^{1/(end-start)} - 1`.

    References
    ----------
    .. [1] Porter, M. E. (1990). *The Competitive Advantage of Nations*. Free Press.
    .. [2] Delgado, M., Porter, M. E., & Stern, S. (2014). Clusters, convergence, and economic
       performance. *Research Policy*, 43(10), 1785–1799.
    """
    missing = [c for c in INDICATOR_COLUMNS if c not in indicators.columns]
    if missing:
        raise InvalidParameterError(
            Message(
                "The 'indicators' parameter of {func} must have the columns "
                "{columns}. Got a table without {missing} instead.",
                func=_F,
                columns=list(INDICATOR_COLUMNS),
                missing=missing,
            )
        )
    related = [str(r) for r in related if str(r) != str(cluster)]
    years = sorted(int(y) for y in pd.unique(indicators["year"]))
    # Only the assessed and related clusters are needed: filter before any conversion.
    keep = indicators["cluster"].astype(str).isin([str(cluster), *related])
    df = indicators.loc[keep.to_numpy(), list(INDICATOR_COLUMNS)].copy()
    df["region"] = df["region"].astype(str)
    df["cluster"] = df["cluster"].astype(str)
    year = years[-1] if year is None else int(year)
    start = years[0] if start is None else int(start)
    region, cluster = str(region), str(cluster)
    nat = df.groupby(["cluster", "year"])[["employment", "establishments", "payroll"]].sum()
    own = df[(df["region"] == region) & (df["cluster"] == cluster)].set_index("year")
    if year not in own.index:
        raise NotFoundError(
            Message(
                "No indicators for region {region!r}, cluster {cluster!r}, year {year}.",
                region=region,
                cluster=cluster,
                year=year,
            )
        )
    row, nrow = own.loc[year], nat.loc[(cluster, year)]

    def ratio(a: float, b: float) -> float:
        return float(a) / float(b) if b and np.isfinite(b) and np.isfinite(a) else np.nan

    out = {
        "employment": float(row["employment"]),
        "establishments": float(row["establishments"]),
        "lq": float(row["lq"]),
        "national_share": ratio(row["employment"], nrow["employment"]),
        "wage_ratio": ratio(
            ratio(row["payroll"], row["employment"]), ratio(nrow["payroll"], nrow["employment"])
        ),
        "firm_count_ratio": ratio(
            ratio(row["establishments"], row["employment"]),
            ratio(nrow["establishments"], nrow["employment"]),
        ),
    }
    if start in own.index and start < year:
        span = year - start
        s, ns = own.loc[start], nat.loc[(cluster, start)]
        cagr = ratio(row["employment"], s["employment"]) ** (1 / span) - 1
        ncagr = ratio(nrow["employment"], ns["employment"]) ** (1 / span) - 1
        out.update(
            cagr=cagr,
            national_cagr=ncagr,
            growth_gap=cagr - ncagr,
            share_change=ratio(out["national_share"], ratio(s["employment"], ns["employment"])) - 1,
        )
    if related:
        rel = df[(df["region"] == region) & df["cluster"].isin(related) & (df["year"] == year)]
        lq = rel["lq"].to_numpy(dtype=float)
        lq = lq[np.isfinite(lq)]
        out["related_lq_mean"] = float(lq.mean()) if lq.size else np.nan
        out["related_strong_share"] = float((lq >= strong_lq).mean()) if lq.size else np.nan
    return out


def network_evidence(diagnosis: Mapping[str, float]) -> dict[str, float]:
    """Prefix a network diagnosis' figures with ``network_`` for the scorecards.

    Parameters
    ----------
    diagnosis : mapping
        Figures of the actor-network diagnosis (``density``, ``external_share``,
        ``n_actors``, ``n_brokers``, ``n_shadow`` …); non-numeric entries are dropped.

    Returns
    -------
    dict of str to float

    Examples
    --------
    >>> network_evidence({"density": 0.2, "name": "x"})
    {'network_density': 0.2}
    """
    return {
        f"network_{k}": float(v)
        for k, v in diagnosis.items()
        if isinstance(v, int | float | np.number) and not isinstance(v, bool)
    }


def network_figures(summary: Mapping[str, Any]) -> dict[str, float]:
    """Flat figures of a network diagnosis summary (``grappe.network.diagnose(...).summary``).

    Parameters
    ----------
    summary : mapping
        The diagnosis summary: ``network.actors``, ``density``, ``reciprocity``,
        ``external_ties_share``, ``brokers``, ``shadow_zones``, ``components``.

    Returns
    -------
    dict of str to float
        ``n_actors``, ``n_ties``, ``density``, ``reciprocity``, ``external_share``,
        ``n_brokers``, ``n_shadow`` (shadow zones), ``n_components``, ``n_isolates``; keys
        absent from the summary are left out.

    Examples
    --------
    >>> network_figures({"density": 0.2, "brokers": ["a", "b"], "network": {"actors": 5}})
    {'n_actors': 5.0, 'density': 0.2, 'n_brokers': 2.0}
    """
    out: dict[str, float] = {}
    net = summary.get("network") or {}
    for key, name in (("actors", "n_actors"), ("ties", "n_ties")):
        if key in net:
            out[name] = float(net[key])
    for key, name in (
        ("density", "density"),
        ("reciprocity", "reciprocity"),
        ("external_ties_share", "external_share"),
    ):
        if summary.get(key) is not None:
            out[name] = float(summary[key])
    for key, name in (("brokers", "n_brokers"), ("shadow_zones", "n_shadow")):
        if summary.get(key) is not None:
            out[name] = float(len(summary[key]))
    comp = summary.get("components") or {}
    if "count" in comp:
        out["n_components"] = float(comp["count"])
    if "isolates" in comp:
        out["n_isolates"] = float(len(comp["isolates"]))
    return out
