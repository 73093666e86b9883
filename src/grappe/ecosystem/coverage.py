"""Coverage of areas by support bodies: counts per area, rates per inhabitant or SME, and the
types lacking within a radius of each area (kernels of :mod:`grappe.ecosystem`; no I/O).

The areas are given by a column of the bodies — the commune or wilaya their coordinates fall in,
added by :func:`grappe.io.ecosystem.attribute_bodies`.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from grappe.ecosystem._bodies import (
    EARTH_RADIUS_KM,
    _check_bodies,
    _check_distance,
    _count_table,
    _radians,
    select_types,
)
from grappe.errors import InvalidParameterError
from grappe.i18n import Message

__all__ = ["coverage_by_area", "coverage_rates", "types_lacking_within"]


def coverage_by_area(
    bodies: pd.DataFrame,
    *,
    area_column: str,
    areas: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
) -> pd.DataFrame:
    """How many support bodies of each type each area has, the areas given by a column.

    Parameters
    ----------
    bodies : pandas.DataFrame
        Support bodies with the columns of :data:`BODY_COLUMNS` and ``area_column`` (e.g. the
        ``wilaya_69`` or ``commune_code`` that :func:`grappe.io.ecosystem.attribute_bodies`
        adds from the coordinates); not modified.
    area_column : str
        The column of area codes (text); a body with none is not counted.
    areas : iterable of str, optional
        Every area to list, so that one without any body appears with zeros; by default the
        areas that have a body. A body in an area not listed is counted in
        ``attrs["outside_areas"]``, not shown.
    types : iterable of str, optional
        Types or families to count (see :func:`select_types`); all by default.

    Returns
    -------
    pandas.DataFrame
        ``area`` (text, sorted), one integer column per type (sorted by name), ``total``.
        ``attrs["unattributed"]``: bodies without an area; ``attrs["outside_areas"]``: bodies
        in areas not listed.

    Raises
    ------
    InvalidParameterError
        An unknown type, an ``area_column`` the table lacks.
    DataValidationError
        The table lacks a column of :data:`BODY_COLUMNS` or has invalid coordinates.

    Examples
    --------
    >>> t = pd.DataFrame({"actor_type": ["anade", "cnrc", "anade"], "name": ["", "", ""],
    ...                   "wilaya_code": [7, 7, None], "lat": [34.8, 34.9, 35.2],
    ...                   "lon": [5.7, 5.7, 5.7], "wilaya_69": ["07", "07", "61"]})
    >>> coverage_by_area(t, area_column="wilaya_69", areas=["07", "51", "61"]).to_dict("list")
    {'area': ['07', '51', '61'], 'anade': [1, 0, 1], 'cnrc': [1, 0, 0], 'total': [2, 0, 1]}
    """
    func = "coverage_by_area"
    _check_bodies(bodies, func=func)
    if area_column not in bodies.columns:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a column of the bodies. Got "
                "{value!r}; the table has {columns}.",
                name="area_column",
                func=func,
                value=area_column,
                columns=list(bodies.columns),
            )
        )
    chosen = select_types(bodies, types, func=func)
    code = chosen[area_column].astype("string")
    attributed = chosen.assign(area=code).dropna(subset=["area"])
    rows = sorted(set(attributed["area"])) if areas is None else [str(a) for a in areas]
    out = _count_table(chosen.assign(area=code), "area", rows, "area")
    out.attrs["unattributed"] = int(len(chosen) - len(attributed))
    out.attrs["outside_areas"] = int((~attributed["area"].isin(rows)).sum())
    return out


def coverage_rates(
    coverage: pd.DataFrame,
    denominator: pd.Series,
    *,
    per: float = 10_000.0,
    suffix: str = "per_10k_inhabitants",
    columns: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Counts of :func:`coverage_by_area` divided by a denominator per area (population, SMEs).

    Parameters
    ----------
    coverage : pandas.DataFrame
        A coverage table with an ``area`` column; not modified.
    denominator : pandas.Series
        Area code → the denominator (inhabitants, SMEs). A missing or zero denominator gives
        NaN (no rate), never infinity.
    per : float
        The rate's unit: bodies per ``per`` of the denominator (10,000 inhabitants).
    suffix : str
        Each rate column is named ``<count column>_<suffix>``.
    columns : iterable of str, optional
        Count columns to divide; default ``total`` only.

    Returns
    -------
    pandas.DataFrame
        ``coverage`` with the rate columns added after the counts.

    Raises
    ------
    InvalidParameterError
        ``per`` not a positive number, a column the table lacks, a negative denominator.

    Examples
    --------
    >>> c = pd.DataFrame({"area": ["07", "51"], "total": [30, 2]})
    >>> coverage_rates(c, pd.Series({"07": 300_000, "51": 0}))["total_per_10k_inhabitants"].tolist()
    [1.0, nan]
    """
    func = "coverage_rates"
    if isinstance(per, bool) or not isinstance(per, int | float) or not per > 0:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a positive number. Got {value!r} "
                "instead.",
                name="per",
                func=func,
                value=per,
            )
        )
    wanted = ["total"] if columns is None else list(columns)
    absent = [c for c in [*wanted, "area"] if c not in coverage.columns]
    if absent:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} names columns {absent} that the coverage table "
                "does not have (it has {columns}).",
                name="columns",
                func=func,
                absent=absent,
                columns=list(coverage.columns),
            )
        )
    base = pd.to_numeric(pd.Series(denominator), errors="coerce")
    if (base < 0).any():
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must hold counts of at least 0. Got "
                "{value} among them.",
                name="denominator",
                func=func,
                value=base[base < 0].to_dict(),
            )
        )
    base.index = base.index.astype(str)
    by_area = coverage["area"].astype(str).map(base)
    by_area = by_area.where(by_area > 0)
    out = coverage.copy()
    for column in wanted:
        out[f"{column}_{suffix}"] = out[column] / by_area * float(per)
    return out


def types_lacking_within(
    bodies: pd.DataFrame,
    points: pd.DataFrame,
    *,
    radius_km: float,
    types: Iterable[str] | None = None,
) -> pd.DataFrame:
    """For each reference point of an area, the types without a body within ``radius_km``.

    Parameters
    ----------
    bodies : pandas.DataFrame
        Support bodies with the columns of :data:`BODY_COLUMNS`; not modified.
    points : pandas.DataFrame
        ``code``, ``lat``, ``lon``: the reference point of each area (a wilaya's
        population-weighted commune centroid, see :func:`grappe.io.dz_points.wilaya_centres`).
    radius_km : float
        The radius, great-circle kilometres, at least 0.
    types : iterable of str, optional
        Types or families, each judged as a whole (``banks``: any bank). Default: each family
        of the table (the part of ``actor_type`` before ``/``).

    Returns
    -------
    pandas.DataFrame
        ``code``, ``lacking`` (the types without a body within the radius, comma-separated,
        empty when none lacks) and one ``nearest_km:<type>`` column per type (distance to the
        nearest body of the type; NaN when the table has none).

    Raises
    ------
    InvalidParameterError
        A negative or non-finite radius, an unknown type, points without ``code``, ``lat``,
        ``lon``.
    DataValidationError
        The bodies lack a column or have invalid coordinates.

    Notes
    -----
    The distance to the nearest body of each type is a great-circle distance (haversine,
    Sinnott 1984) found by scikit-learn's ball tree, as in :func:`nearest_bodies`.

    References
    ----------
    Sinnott, R. W. (1984). Virtues of the haversine. *Sky and Telescope*, 68(2), 159.

    Examples
    --------
    >>> t = pd.DataFrame({"actor_type": ["anade", "banks/bna"], "name": ["", ""],
    ...                   "wilaya_code": [7, 7], "lat": [34.85, 35.5], "lon": [5.73, 5.73]})
    >>> p = pd.DataFrame({"code": ["07"], "lat": [34.85], "lon": [5.73]})
    >>> types_lacking_within(t, p, radius_km=20)[["code", "lacking"]].to_dict("list")
    {'code': ['07'], 'lacking': ['banks']}
    """
    from sklearn.neighbors import BallTree

    func = "types_lacking_within"
    _check_bodies(bodies, func=func)
    _check_distance(radius_km, "radius_km", unit="kilometres", func=func)
    if not isinstance(points, pd.DataFrame) or not {"code", "lat", "lon"} <= set(points.columns):
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a DataFrame with the columns code, lat, "
                "lon.",
                name="points",
                func=func,
            )
        )
    kinds = bodies["actor_type"].astype(str)
    groups = (
        sorted({k.split("/")[0] for k in kinds})
        if types is None
        else [str(t).strip() for t in types if str(t).strip()]
    )
    out = pd.DataFrame({"code": points["code"].to_numpy()})
    where = _radians(points)
    for group in groups:
        members = select_types(bodies, [group], func=func)
        if members.empty:  # only when no type is given at all
            out[f"nearest_km:{group}"] = np.nan
            continue
        distance, _ = BallTree(_radians(members), metric="haversine").query(where, k=1)
        out[f"nearest_km:{group}"] = distance[:, 0] * EARTH_RADIUS_KM
    near = out[[f"nearest_km:{g}" for g in groups]].to_numpy(dtype=float)
    lacking = ~(near <= float(radius_km))
    out.insert(
        1,
        "lacking",
        [", ".join(g for g, miss in zip(groups, row, strict=True) if miss) for row in lacking],
    )
    return out
