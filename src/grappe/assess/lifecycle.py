"""Life-cycle stage of a cluster from its indicator time series (no I/O).

The rule (Menzel & Fornahl 2010 describe the stages; the thresholds are ours and are
parameters) is applied to a yearly series of the cluster's employment in the region, the
same cluster's national employment and its location quotient. With ``g_t`` the regional and
``G_t`` the national growth rate of period ``t``, ``c`` and ``C`` the regional and national
compound annual growth rates over the series, ``s`` the region's share of national cluster
jobs, the first rule that holds gives the stage:

1. **decline** — in each of the last ``decline_periods`` periods, ``g_t < 0`` and
   ``g_t < G_t − band`` (jobs falling, faster than nationally);
2. **emergence** — latest ``lq < emerging_lq`` and ``c ≥ fast_growth`` (small but fast);
3. **growth** — ``c − C > band`` and ``s`` higher at the end than at the start;
4. **maturity** — latest ``lq ≥ mature_lq`` and ``|c − C| ≤ band``;
5. otherwise **undetermined** (the evidence fits no stage; stated, not guessed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from grappe._validation import check_number
from grappe.assess._score import Evidence
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.i18n import Message
from grappe.vocabulary import STAGES

__all__ = ["STAGES", "Lifecycle", "lifecycle_series", "lifecycle_stage"]


_COLUMNS = ("year", "employment", "national_employment", "lq")


@dataclass(frozen=True)
class Lifecycle:
    """Result of :func:`lifecycle_stage`.

    Attributes
    ----------
    stage : str
        One of :data:`STAGES`.
    evidence : tuple of Evidence
        The figures the rule looked at, with the threshold of each test.
    rule : str
        The rule that decided, with its parameter values.
    parameters : mapping
        The thresholds used (``emerging_lq``, ``fast_growth``, ``mature_lq``, ``band``,
        ``decline_periods``).
    """

    stage: str
    evidence: tuple[Evidence, ...]
    rule: str
    parameters: Mapping[str, float] = field(default_factory=dict)


def lifecycle_series(indicators: pd.DataFrame, *, region: str, cluster: str) -> pd.DataFrame:
    """The yearly series :func:`lifecycle_stage` needs, from ``ClusterMap.indicators``.

    Parameters
    ----------
    indicators : pandas.DataFrame
        ``ClusterMap.indicators`` (``region``, ``cluster``, ``year``, ``employment``, ``lq``).
    region, cluster : str
        The region and the cluster of the series.

    Returns
    -------
    pandas.DataFrame
        ``year``, ``employment``, ``national_employment`` (sum over all regions), ``lq``.

    Raises
    ------
    NotFoundError
        If the region has no rows for the cluster.

    References
    ----------
    .. [1] Menzel, M.-P., & Fornahl, D. (2010). Cluster life cycles — dimensions and
       rationales of cluster evolution. *Industrial and Corporate Change*, 19(1), 205–238.
    """
    df = indicators.assign(
        region=indicators["region"].astype(str), cluster=indicators["cluster"].astype(str)
    )
    df = df[df["cluster"] == str(cluster)]
    nat = df.groupby("year", as_index=False)["employment"].sum()
    own = df[df["region"] == str(region)][["year", "employment", "lq"]]
    if own.empty:
        raise NotFoundError(
            Message(
                "No indicators for region {region!r}, cluster {cluster!r}.",
                region=region,
                cluster=cluster,
            )
        )
    nat = nat.rename(columns={"employment": "national_employment"})
    return own.merge(nat, on="year").sort_values("year").reset_index(drop=True)[list(_COLUMNS)]


def lifecycle_stage(
    series: pd.DataFrame,
    *,
    emerging_lq: float = 1.0,
    fast_growth: float = 0.05,
    mature_lq: float = 1.25,
    band: float = 0.01,
    decline_periods: int = 2,
) -> Lifecycle:
    """Life-cycle stage of a cluster by the rule of the module docstring.

    Parameters
    ----------
    series : pandas.DataFrame
        Columns ``year``, ``employment``, ``national_employment``, ``lq``; at least two
        years (``decline_periods + 1`` for the decline test).
    emerging_lq : float
        LQ below which a fast-growing cluster is emerging.
    fast_growth : float
        CAGR (fraction per year) at or above which growth is fast.
    mature_lq : float
        LQ at or above which a cluster can be mature.
    band : float
        Tolerance (fraction per year) around the national growth rate.
    decline_periods : int
        Consecutive periods of faster-than-national job losses that mark decline.

    Returns
    -------
    Lifecycle

    Raises
    ------
    InvalidParameterError
        If columns are missing, fewer than two years are given, or a parameter is out of
        range.

    References
    ----------
    .. [1] Menzel, M.-P. & Fornahl, D. (2010). Cluster life cycles — dimensions and
       rationales of cluster evolution. *Industrial and Corporate Change* 19(1), 205–238.

    Examples
    --------
    >>> s = pd.DataFrame({"year": [2017, 2018, 2019], "employment": [100, 90, 80],
    ...                   "national_employment": [1000, 1000, 1000], "lq": [1.2, 1.1, 1.0]})
    >>> lifecycle_stage(s).stage
    'decline'
    """
    f = "lifecycle_stage"
    missing = [c for c in _COLUMNS if c not in series.columns]
    if missing:
        raise InvalidParameterError(
            Message(
                "The 'series' parameter of {func} must have the columns {columns}. "
                "Got a table without {missing} instead.",
                func=f,
                columns=list(_COLUMNS),
                missing=missing,
            )
        )
    check_number(emerging_lq, "emerging_lq", func=f, low=0)
    check_number(fast_growth, "fast_growth", func=f)
    check_number(mature_lq, "mature_lq", func=f, low=0)
    check_number(band, "band", func=f, low=0)
    check_number(decline_periods, "decline_periods", func=f, low=1, integer=True)
    params = {
        "emerging_lq": emerging_lq,
        "fast_growth": fast_growth,
        "mature_lq": mature_lq,
        "band": band,
        "decline_periods": decline_periods,
    }
    return replace(_decide(series, **params), parameters=params)


def _decide(
    series: pd.DataFrame,
    *,
    emerging_lq: float,
    fast_growth: float,
    mature_lq: float,
    band: float,
    decline_periods: int,
) -> Lifecycle:
    f = "lifecycle_stage"
    s = series.sort_values("year")
    if len(s) < 2:
        raise InvalidParameterError(
            Message(
                "The 'series' parameter of {func} must have at least two years. "
                "Got {count} instead.",
                func=f,
                count=len(s),
            )
        )
    year = s["year"].to_numpy(dtype=float)
    emp = s["employment"].to_numpy(dtype=float)
    nat = s["national_employment"].to_numpy(dtype=float)
    lq = float(s["lq"].iloc[-1])
    span = year[-1] - year[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        g = emp[1:] / emp[:-1] - 1
        G = nat[1:] / nat[:-1] - 1
        c = (emp[-1] / emp[0]) ** (1 / span) - 1
        C = (nat[-1] / nat[0]) ** (1 / span) - 1
        share = emp / nat
    ev = [
        Evidence("cagr", float(c), np.nan, f"{int(year[0])}–{int(year[-1])}", "indicator"),
        Evidence("national_cagr", float(C), np.nan, f"{int(year[0])}–{int(year[-1])}", "indicator"),
        Evidence(
            "lq", lq, np.nan, f"emerging < {emerging_lq:g}; mature ≥ {mature_lq:g}", "indicator"
        ),
        Evidence(
            "share_change", float(share[-1] - share[0]), np.nan, "> 0 for growth", "indicator"
        ),
    ]
    k = decline_periods
    if len(g) >= k:
        last_g, last_G = g[-k:], G[-k:]
        falling = bool(np.all((last_g < 0) & (last_g < last_G - band)))
        ev.append(
            Evidence(
                "period_growth",
                tuple(float(x) for x in last_g),
                np.nan,
                f"each < 0 and < national − {band:g}",
                "indicator",
            )
        )
        ev.append(
            Evidence(
                "national_period_growth",
                tuple(float(x) for x in last_G),
                np.nan,
                "reference",
                "indicator",
            )
        )
        if falling:
            return Lifecycle(
                "decline",
                tuple(ev),
                Message(
                    "decline: jobs fell faster than nationally (by more than {band:g}) in each of "
                    "the last {k} periods",
                    band=band,
                    k=k,
                ),
            )
    if lq < emerging_lq and c >= fast_growth:
        return Lifecycle(
            "emergence",
            tuple(ev),
            Message(
                "emergence: LQ {lq:.3g} < {emerging_lq:g} and CAGR {c:.3%} ≥ {fast_growth:.3%}",
                lq=lq,
                emerging_lq=emerging_lq,
                c=c,
                fast_growth=fast_growth,
            ),
        )
    if c - C > band and share[-1] > share[0]:
        return Lifecycle(
            "growth",
            tuple(ev),
            Message(
                "growth: CAGR {c:.3%} exceeds national {national:.3%} by more than {band:.3%} and "
                "the national share rose",
                c=c,
                national=C,
                band=band,
            ),
        )
    if lq >= mature_lq and abs(c - C) <= band:
        return Lifecycle(
            "maturity",
            tuple(ev),
            Message(
                "maturity: LQ {lq:.3g} ≥ {mature_lq:g} and CAGR within ±{band:.3%} of national",
                lq=lq,
                mature_lq=mature_lq,
                band=band,
            ),
        )
    return Lifecycle(
        "undetermined",
        tuple(ev),
        Message("undetermined: no rule of the life-cycle test holds; see docs/assess.md"),
    )
