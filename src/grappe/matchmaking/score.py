"""A transparent weighted score of how well an SME's capabilities fit a large firm's need.

For a need *n* and a capability *c*, each component lies in [0, 1]:

* ``process`` — Jaccard index of the process codes, :math:`|P_n ∩ P_c| / |P_n ∪ P_c|`;
* ``material`` — coverage of the materials asked, :math:`|M_n ∩ M_c| / |M_n|` (1 if none);
* ``certification`` — share of required certifications held, :math:`|C_n ∩ C_c| / |C_n|`
  (1 if none); with ``certifications="require"`` a capability missing one is dropped;
* ``capacity`` — :math:`\\min(1, K_c / K_n)` (1 when the need states no capacity);
* ``distance`` — :math:`\\exp(-d / s)` with *d* the great-circle (haversine) distance in km
  and *s* the ``distance_scale``; pairs farther than ``max_km`` are dropped;
* ``cluster`` — 1 if both firms belong to the same cluster, else 0 (a bonus).

The score is :math:`\\sum_k w_k x_k / \\sum_k w_k`. Every match comes with its components and a
sentence saying why.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_bool, check_number, check_option
from grappe.errors import InvalidParameterError
from grappe.i18n import Message, Parts

__all__ = ["COMPONENTS", "DEFAULT_WEIGHTS", "haversine_km", "match"]

COMPONENTS: tuple[str, ...] = (
    "process",
    "material",
    "certification",
    "capacity",
    "distance",
    "cluster",
)
DEFAULT_WEIGHTS: Mapping[str, float] = {
    "process": 0.35,
    "material": 0.15,
    "certification": 0.15,
    "capacity": 0.15,
    "distance": 0.15,
    "cluster": 0.05,
}
NEED_COLUMNS = (
    "need_id",
    "firm",
    "processes",
    "materials",
    "certifications",
    "capacity",
    "lat",
    "lon",
    "cluster",
)
CAPABILITY_COLUMNS = (
    "firm_id",
    "name",
    "processes",
    "materials",
    "certifications",
    "capacity",
    "lat",
    "lon",
    "cluster",
)
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> np.ndarray:
    """Great-circle distance in km between points given in decimal degrees.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float or array-like
        Latitudes and longitudes in decimal degrees (broadcast together).

    Returns
    -------
    numpy.ndarray
        Distances in km, of the broadcast shape of the inputs.

    Notes
    -----
    Haversine formula on a sphere of radius 6371.0088 km (the IUGG mean Earth radius).

    References
    ----------
    .. [1] Sinnott, R. W. (1984). Virtues of the haversine. *Sky and Telescope* 68(2), 159.

    Examples
    --------
    >>> round(float(haversine_km(0, 0, 0, 1)), 3)
    111.195
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _set(value: Any) -> frozenset[str]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return frozenset()
    if isinstance(value, str):
        return frozenset(v.strip().lower() for v in value.split(";") if v.strip())
    return frozenset(str(v).strip().lower() for v in value)


def _check_frame(frame: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of match must be a pandas DataFrame. Got {kind} instead.",
                name=name,
                kind=type(frame).__name__,
            )
        )
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of match must have the columns {columns}. "
                "Got a table without {missing} instead.",
                name=name,
                columns=list(columns),
                missing=missing,
            )
        )


def match(
    needs: pd.DataFrame,
    capabilities: pd.DataFrame,
    *,
    weights: Mapping[str, float] | None = None,
    certifications: str = "penalty",
    max_km: float | None = None,
    distance_scale: float = 100.0,
    same_cluster_only: bool = False,
    min_process: float = 0.0,
    top: int | None = None,
) -> pd.DataFrame:
    """Rank capabilities for each need, with a per-component breakdown and explanation.

    Parameters
    ----------
    needs : pandas.DataFrame
        Columns ``need_id``, ``firm``, ``processes``, ``materials``, ``certifications``
        (``;``-separated codes or lists), ``capacity`` (units per period, NaN if unstated),
        ``lat``, ``lon`` (degrees), ``cluster`` (code or empty).
    capabilities : pandas.DataFrame
        Columns ``firm_id``, ``name``, ``processes``, ``materials``, ``certifications``,
        ``capacity``, ``lat``, ``lon``, ``cluster``.
    weights : mapping, optional
        Weight of each of :data:`COMPONENTS` (default :data:`DEFAULT_WEIGHTS`); missing ones
        are 0.
    certifications : {"penalty", "require"}
        Missing certifications lower the score, or exclude the capability.
    max_km : float, optional
        Drop pairs farther apart.
    distance_scale : float
        Distance (km) at which the distance component falls to 1/e.
    same_cluster_only : bool
        Keep only pairs in the same cluster.
    min_process : float
        Drop pairs whose process component is below this (0 keeps all).
    top : int, optional
        Keep the best ``top`` matches of each need.

    Returns
    -------
    pandas.DataFrame
        One row per kept pair, sorted by need then rank: ``need_id``, ``firm``, ``firm_id``,
        ``name``, ``rank``, ``score``, the six components, ``distance_km``,
        ``missing_certifications``, ``explanation``.

    Raises
    ------
    InvalidParameterError
        On missing columns or bad options.

    References
    ----------
    .. [1] Jaccard, P. (1912). The distribution of the flora in the alpine zone. *New
       Phytologist*, 11(2), 37–50.
    .. [2] Sinnott, R. W. (1984). Virtues of the haversine. *Sky and Telescope* 68(2), 159.

    Examples
    --------
    >>> needs = pd.DataFrame([dict(need_id="N1", firm="Big", processes="weld;cut",
    ...     materials="steel", certifications="iso9001", capacity=100, lat=36.0, lon=3.0,
    ...     cluster="mech")])
    >>> caps = pd.DataFrame([dict(firm_id="S1", name="Small", processes="weld",
    ...     materials="steel", certifications="iso9001", capacity=50, lat=36.0, lon=3.0,
    ...     cluster="mech")])
    >>> round(float(match(needs, caps)["score"].iloc[0]), 4)
    0.75
    """
    f = "match"
    _check_frame(needs, NEED_COLUMNS, "needs")
    _check_frame(capabilities, CAPABILITY_COLUMNS, "capabilities")
    check_option(certifications, "certifications", ("penalty", "require"), func=f)
    check_number(distance_scale, "distance_scale", func=f, low=0, closed="neither")
    check_number(min_process, "min_process", func=f, low=0, high=1)
    check_bool(same_cluster_only, "same_cluster_only", func=f)
    if max_km is not None:
        check_number(max_km, "max_km", func=f, low=0)
    if top is not None:
        check_number(top, "top", func=f, low=1, integer=True)
    w = dict(DEFAULT_WEIGHTS if weights is None else weights)
    unknown = sorted(set(w) - set(COMPONENTS))
    if (
        unknown
        or any(not isinstance(v, int | float) or v < 0 for v in w.values())
        or sum(w.values()) <= 0
    ):
        raise InvalidParameterError(
            Message(
                "The 'weights' parameter of {func} must map names among {components} to "
                "non-negative numbers with a positive sum. Got {weights!r} instead.",
                func=f,
                components=list(COMPONENTS),
                weights=dict(weights or {}),
            )
        )
    wsum = sum(w.values())
    rows = []
    cap_rows = list(capabilities.itertuples(index=False))
    cap_sets = [(_set(c.processes), _set(c.materials), _set(c.certifications)) for c in cap_rows]
    lat = capabilities["lat"].to_numpy(float)
    lon = capabilities["lon"].to_numpy(float)
    for need in needs.itertuples(index=False):
        np_, nm, nc = _set(need.processes), _set(need.materials), _set(need.certifications)
        dist = haversine_km(need.lat, need.lon, lat, lon)
        for cap, (cp, cm, cc), d in zip(cap_rows, cap_sets, dist, strict=True):
            same = bool(str(need.cluster or "") and str(need.cluster) == str(cap.cluster))
            missing = sorted(nc - cc)
            if (
                (max_km is not None and d > max_km)
                or (same_cluster_only and not same)
                or (certifications == "require" and missing)
            ):
                continue
            comp = {
                "process": len(np_ & cp) / len(np_ | cp) if np_ | cp else 0.0,
                "material": len(nm & cm) / len(nm) if nm else 1.0,
                "certification": len(nc & cc) / len(nc) if nc else 1.0,
                "capacity": 1.0
                if pd.isna(need.capacity) or need.capacity <= 0
                else (0.0 if pd.isna(cap.capacity) else min(1.0, cap.capacity / need.capacity)),
                "distance": float(np.exp(-d / distance_scale)),
                "cluster": 1.0 if same else 0.0,
            }
            if comp["process"] < min_process:
                continue
            score = sum(w.get(k, 0.0) * comp[k] for k in COMPONENTS) / wsum
            rows.append(
                dict(
                    need_id=need.need_id,
                    firm=need.firm,
                    firm_id=cap.firm_id,
                    name=cap.name,
                    score=score,
                    **comp,
                    distance_km=float(d),
                    missing_certifications="; ".join(missing),
                    explanation=_explain(np_ & cp, np_ - cp, missing, comp, d, same),
                )
            )
    cols = [
        "need_id",
        "firm",
        "firm_id",
        "name",
        "rank",
        "score",
        *COMPONENTS,
        "distance_km",
        "missing_certifications",
        "explanation",
    ]
    if not rows:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame(rows)
    # object dtype keeps each explanation a Message (English text that translates on display)
    out["explanation"] = pd.Series([r["explanation"] for r in rows], index=out.index, dtype=object)
    out = out.sort_values(
        ["need_id", "score", "firm_id"], ascending=[True, False, True], kind="mergesort"
    )
    out["rank"] = out.groupby("need_id").cumcount() + 1
    if top is not None:
        out = out[out["rank"] <= top]
    return out[cols].reset_index(drop=True)


def _explain(
    shared: frozenset, lacking: frozenset, missing: list, comp: Mapping, d: float, same: bool
) -> str:
    # Messages: the text is English, and the command line shows it in the user's language
    parts = [
        Message("shares processes {processes}", processes=", ".join(sorted(shared)))
        if shared
        else Message("shares no process")
    ]
    if lacking:
        parts.append(Message("lacks {processes}", processes=", ".join(sorted(lacking))))
    parts.append(Message("covers {share:.0%} of the materials", share=comp["material"]))
    parts.append(
        Message("misses certification {names}", names=", ".join(missing))
        if missing
        else Message("holds every certification required")
    )
    parts.append(Message("capacity covers {share:.0%} of the need", share=comp["capacity"]))
    parts.append(
        Message("{km:.0f} km away, same cluster", km=d)
        if same
        else Message("{km:.0f} km away", km=d)
    )
    return Message("{parts}.", parts=Parts(parts))
