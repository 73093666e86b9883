"""Support bodies: checks, type selection, nearest bodies, coverage by the file's wilaya code,
deduplication (the kernels of :mod:`grappe.ecosystem`; no I/O)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message

__all__ = [
    "BODY_COLUMNS",
    "EARTH_RADIUS_KM",
    "DeduplicatedBodies",
    "coverage_by_wilaya",
    "deduplicate_bodies",
    "nearest_bodies",
    "select_types",
]

#: Mean radius of the Earth (IUGG R1 of GRS 80), in kilometres.
EARTH_RADIUS_KM = 6371.0088

#: Columns every table of support bodies has.
BODY_COLUMNS: tuple[str, ...] = ("actor_type", "name", "wilaya_code", "lat", "lon")


def _check_bodies(bodies: pd.DataFrame, *, func: str) -> None:
    if not isinstance(bodies, pd.DataFrame):
        raise InvalidParameterError(
            f"The 'bodies' parameter of {func} must be a pandas DataFrame. "
            f"Got {type(bodies).__name__} instead."
        )
    missing = [c for c in BODY_COLUMNS if c not in bodies.columns]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "the table of support bodies lacks the columns {missing}.", missing=missing
                ),
                fix=Message(
                    "read the file with grappe.io.read_support_bodies, which gives the columns "
                    "{columns}.",
                    columns=", ".join(BODY_COLUMNS),
                ),
            )
        )
    lat = pd.to_numeric(bodies["lat"], errors="coerce")
    lon = pd.to_numeric(bodies["lon"], errors="coerce")
    bad = ~(lat.between(-90, 90) & lon.between(-180, 180))
    if bad.any():
        first = int(np.flatnonzero(bad.to_numpy())[0])
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "{count} bodies have no valid coordinates (the first, at position "
                    "{first} of the table, has lat={lat!r}, lon={lon!r}).",
                    count=int(bad.sum()),
                    first=first,
                    lat=bodies["lat"].iloc[first],
                    lon=bodies["lon"].iloc[first],
                ),
                column="lat/lon",
                fix=Message(
                    "give latitudes in [-90, 90] and longitudes in [-180, 180], or leave the "
                    "row out."
                ),
            )
        )


def _check_point(lat: float, lon: float, *, func: str) -> None:
    for name, value, bound in (("lat", lat, 90.0), ("lon", lon, 180.0)):
        if isinstance(value, bool) or not isinstance(value, int | float | np.number):
            raise InvalidParameterError(
                Message(
                    "The {name!r} parameter of {func} must be a number of decimal degrees. "
                    "Got {value!r} instead.",
                    name=name,
                    func=func,
                    value=value,
                )
            )
        if not -bound <= float(value) <= bound:
            raise InvalidParameterError(
                Message(
                    "The {name!r} parameter of {func} must be in [-{bound:g}, {bound:g}] decimal "
                    "degrees. Got {value!r} instead.",
                    name=name,
                    func=func,
                    bound=bound,
                    value=value,
                )
            )


def _check_distance(value: object, name: str, *, unit: str, func: str) -> None:
    """A radius or tolerance: a finite number, at least 0."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float | np.number)
        or not np.isfinite(value)
        or value < 0
    ):
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a finite number of kilometres, at "
                "least 0. Got {value!r} instead.",
                name=name,
                func=func,
                value=value,
            )
            if unit == "kilometres"
            else Message(
                "The {name!r} parameter of {func} must be a finite number of metres, at "
                "least 0. Got {value!r} instead.",
                name=name,
                func=func,
                value=value,
            )
        )


def _count_table(chosen: pd.DataFrame, key: str, rows: list[object], name: str) -> pd.DataFrame:
    """Bodies of each ``actor_type`` by ``key``: one row per entry of ``rows`` (0 where none),
    one integer column per type of ``chosen`` (sorted; even a type whose bodies all lack a
    key), ``total``; the key column named ``name``."""
    counts = pd.crosstab(chosen[key], chosen["actor_type"])
    kinds = sorted(set(chosen["actor_type"].dropna()))
    table = counts.reindex(index=rows, columns=kinds, fill_value=0).astype("int64")
    table["total"] = table.sum(axis=1)
    table.index.name = name
    table.columns.name = None
    return table.reset_index()


def select_types(
    bodies: pd.DataFrame, types: Iterable[str] | None, *, func: str = "select_types"
) -> pd.DataFrame:
    """The bodies of the given types (all when ``types`` is None).

    Parameters
    ----------
    bodies : pandas.DataFrame
        Support bodies with an ``actor_type`` column; not modified.
    types : iterable of str or None
        Types of the table (``banks/bna``) or families (``banks``: every type that starts with
        ``banks/``); matching ignores case.
    func : str
        The function named in messages.

    Returns
    -------
    pandas.DataFrame
        The rows of ``bodies`` of those types, with their index.

    Raises
    ------
    InvalidParameterError
        A type that matches no body; the message lists the known ones.

    Examples
    --------
    >>> t = pd.DataFrame({"actor_type": ["anade", "banks/bna", "banks/agb"]})
    >>> select_types(t, ["banks"])["actor_type"].tolist()
    ['banks/bna', 'banks/agb']
    """
    if types is None:
        return bodies
    if isinstance(types, str):
        types = [types]
    wanted = [str(t).strip().lower() for t in types if str(t).strip()]
    if not wanted:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must name at least one type. Got {value!r} "
                "instead.",
                name="types",
                func=func,
                value=types,
            )
        )
    kinds = bodies["actor_type"].astype("string").str.lower()
    known = sorted(set(kinds.dropna()))
    families = sorted({k.split("/")[0] for k in known})
    keep = pd.Series(False, index=bodies.index)
    unknown = []
    for t in wanted:
        match = (kinds == t) | kinds.str.startswith(t + "/")
        match = match.fillna(False).astype(bool)
        if not match.any():
            unknown.append(t)
        keep |= match
    if unknown:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} names unknown types {unknown}. Known types: "
                "{known}.",
                name="types",
                func=func,
                unknown=unknown,
                known=", ".join(sorted(set(known) | set(families))),
            )
        )
    return bodies.loc[keep]


def _radians(frame: pd.DataFrame) -> np.ndarray:
    return np.radians(frame[["lat", "lon"]].to_numpy(dtype=float))


def nearest_bodies(
    bodies: pd.DataFrame,
    lat: float,
    lon: float,
    *,
    radius_km: float = 20.0,
    types: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The support bodies within ``radius_km`` of a point, nearest first.

    Parameters
    ----------
    bodies : pandas.DataFrame
        Support bodies with the columns of :data:`BODY_COLUMNS`; not modified.
    lat, lon : float
        The point, in WGS84 decimal degrees.
    radius_km : float
        Search radius in kilometres (great-circle distance), at least 0.
    types : iterable of str, optional
        Types or families to keep (see :func:`select_types`); all by default.

    Returns
    -------
    pandas.DataFrame
        ``actor_type``, ``name``, ``wilaya_code``, ``lat``, ``lon``, ``distance_km``, sorted by
        distance then type and name; empty (with these columns) when no body is that near.

    Raises
    ------
    InvalidParameterError
        A latitude outside [-90, 90], a longitude outside [-180, 180], a negative or non-finite
        radius, an unknown type.
    DataValidationError
        The table lacks a column or has a body without valid coordinates.

    Notes
    -----
    Great-circle distance by the haversine formula (Sinnott 1984) on a sphere of radius
    :data:`EARTH_RADIUS_KM`; scikit-learn's ball tree finds the bodies in the radius. The
    spherical model differs from the ellipsoid by at most about 0.5 %.

    References
    ----------
    Sinnott, R. W. (1984). Virtues of the haversine. *Sky and Telescope*, 68(2), 159.

    Examples
    --------
    >>> t = pd.DataFrame({"actor_type": ["anade", "cnrc"], "name": ["A", "C"],
    ...                   "wilaya_code": [7, 7], "lat": [34.85, 34.90], "lon": [5.73, 5.73]})
    >>> nearest_bodies(t, 34.85, 5.73, radius_km=10)["distance_km"].round(2).tolist()
    [0.0, 5.56]
    """
    from sklearn.neighbors import BallTree

    func = "nearest_bodies"
    _check_bodies(bodies, func=func)
    _check_point(lat, lon, func=func)
    _check_distance(radius_km, "radius_km", unit="kilometres", func=func)
    chosen = select_types(bodies, types, func=func)
    columns = [*BODY_COLUMNS, "distance_km"]
    if chosen.empty:
        return pd.DataFrame(columns=columns)
    tree = BallTree(_radians(chosen), metric="haversine")
    point = np.radians([[float(lat), float(lon)]])
    index, distance = tree.query_radius(
        point, r=float(radius_km) / EARTH_RADIUS_KM, return_distance=True
    )
    found = chosen.iloc[index[0]][list(BODY_COLUMNS)].copy()
    found["distance_km"] = distance[0] * EARTH_RADIUS_KM
    found = found.sort_values(
        ["distance_km", "actor_type", "name"], kind="stable", na_position="last"
    )
    return found.reset_index(drop=True)


def coverage_by_wilaya(
    bodies: pd.DataFrame,
    *,
    types: Iterable[str] | None = None,
    wilayas: Iterable[int] | None = None,
) -> pd.DataFrame:
    """How many support bodies of each type each wilaya has — a wide table.

    Parameters
    ----------
    bodies : pandas.DataFrame
        Support bodies with the columns of :data:`BODY_COLUMNS`; not modified.
    types : iterable of str, optional
        Types or families to count (see :func:`select_types`); all by default. Each column is
        one ``actor_type`` of the table.
    wilayas : iterable of int, optional
        Every wilaya code to list (e.g. the 58 of the 2019 division), so that a wilaya without
        any body appears with zeros; by default the wilayas that have a body.

    Returns
    -------
    pandas.DataFrame
        One row per wilaya (column ``wilaya_code``, ascending), one integer column per type
        (0 where the wilaya has none of it, sorted by name), and ``total``. Bodies without a
        wilaya code are not counted; their number is in ``attrs["without_wilaya"]``.

    Raises
    ------
    InvalidParameterError
        An unknown type, a wilaya code that is not a whole number.
    DataValidationError
        The table lacks a column or has a body without valid coordinates.

    Examples
    --------
    >>> t = pd.DataFrame({"actor_type": ["anade", "cnrc", "anade"], "name": ["", "", ""],
    ...                   "wilaya_code": [7, 7, 30], "lat": [34.8, 34.9, 31.9],
    ...                   "lon": [5.7, 5.7, 5.3]})
    >>> coverage_by_wilaya(t).to_dict("list")
    {'wilaya_code': [7, 30], 'anade': [1, 1], 'cnrc': [1, 0], 'total': [2, 1]}
    """
    func = "coverage_by_wilaya"
    _check_bodies(bodies, func=func)
    chosen = select_types(bodies, types, func=func)
    codes = pd.to_numeric(chosen["wilaya_code"], errors="coerce").astype("Int64")
    with_code = chosen.assign(wilaya_code=codes).dropna(subset=["wilaya_code"])
    listed = [] if wilayas is None else list(wilayas)
    codes_listed = pd.to_numeric(pd.Series(listed, dtype=object), errors="coerce")
    if not (codes_listed % 1 == 0).all():
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must hold whole wilaya codes (1 to 58). Got "
                "{value} among them.",
                name="wilayas",
                func=func,
                value=[w for w, c in zip(listed, codes_listed, strict=True) if c % 1 != 0],
            )
        )
    rows = sorted(set(with_code["wilaya_code"]) | {int(c) for c in codes_listed})
    # every selected type is a column, even one whose bodies all lack a wilaya code
    out = _count_table(chosen.assign(wilaya_code=codes), "wilaya_code", rows, "wilaya_code")
    out["wilaya_code"] = out["wilaya_code"].astype("int64")
    out.attrs["without_wilaya"] = int(len(chosen) - len(with_code))
    return out


@dataclass(frozen=True)
class DeduplicatedBodies:
    """Result of :func:`deduplicate_bodies`.

    Attributes
    ----------
    bodies : pandas.DataFrame
        The bodies, one row per group of duplicates (the first row of the group, with the
        group's non-empty name), in the input's order.
    removed : int
        How many rows were merged away.
    """

    bodies: pd.DataFrame
    removed: int


def deduplicate_bodies(bodies: pd.DataFrame, *, tolerance_m: float = 5.0) -> DeduplicatedBodies:
    """Merge branches listed twice: same type, within ``tolerance_m``, same name or one empty.

    Parameters
    ----------
    bodies : pandas.DataFrame
        Support bodies with the columns of :data:`BODY_COLUMNS`; not modified.
    tolerance_m : float
        Two bodies of a type this close (great-circle metres) are one branch if their names are
        equal (ignoring case and surrounding spaces) or one of them (not both) is empty: two
        rows without a name (the accountants and notaries of the TransformaTek files, whose
        names were removed) stay two. At least 0.

    Returns
    -------
    DeduplicatedBodies
        The merged table and the number of rows removed.

    Raises
    ------
    InvalidParameterError
        A negative or non-finite tolerance.
    DataValidationError
        The table lacks a column or has a body without valid coordinates.

    Notes
    -----
    Duplicates are the connected components of the "same branch" pairs, so a chain of
    points each within the tolerance of the next is one branch; with a tolerance of a few
    metres this does not join distinct branches. Distances as in :func:`nearest_bodies`
    (haversine, Sinnott 1984).

    References
    ----------
    Sinnott, R. W. (1984). Virtues of the haversine. *Sky and Telescope*, 68(2), 159.

    Examples
    --------
    >>> t = pd.DataFrame({"actor_type": ["cnrc", "cnrc"], "name": ["CNRC Biskra", ""],
    ...                   "wilaya_code": [7, 7], "lat": [34.85, 34.85001], "lon": [5.73, 5.73]})
    >>> deduplicate_bodies(t, tolerance_m=5).removed
    1
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from sklearn.neighbors import BallTree

    func = "deduplicate_bodies"
    _check_bodies(bodies, func=func)
    _check_distance(tolerance_m, "tolerance_m", unit="metres", func=func)
    n = len(bodies)
    if n == 0:
        return DeduplicatedBodies(bodies.copy(), 0)
    names = bodies["name"].fillna("").astype(str).str.strip().str.casefold().to_numpy()
    kinds = bodies["actor_type"].astype(str).to_numpy()
    neighbours = BallTree(_radians(bodies), metric="haversine").query_radius(
        _radians(bodies), r=float(tolerance_m) / 1000.0 / EARTH_RADIUS_KM
    )
    left, right = [], []
    for i, near in enumerate(neighbours):
        for j in near[near > i]:
            # two anonymous rows (accountants, notaries: names removed from the source) are
            # two people as likely as one; only a name says that two rows are one branch
            same = names[i] == names[j] if names[i] and names[j] else bool(names[i] or names[j])
            if kinds[i] == kinds[j] and same:
                left.append(i)
                right.append(j)
    graph = coo_matrix((np.ones(len(left)), (left, right)), shape=(n, n))
    _, group = connected_components(graph, directed=False)
    merged = bodies.reset_index(drop=True).copy()
    merged["_group"] = group
    # a group keeps its first row, with the first non-empty name among its members
    named = merged.loc[names != ""].groupby("_group")["name"].first()
    first = merged.drop_duplicates("_group", keep="first").copy()
    has_name = first["_group"].isin(named.index)
    first.loc[has_name, "name"] = first.loc[has_name, "_group"].map(named)
    first = first.drop(columns="_group")
    first.index = bodies.index[first.index]
    return DeduplicatedBodies(first, n - len(first))
