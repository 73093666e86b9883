"""Establishment points: validation, coordinate reference systems and metric coordinates.

A :class:`PointSet` is what every function of :mod:`grappe.spatial` takes. Build one with
:func:`points_from_frame` (which validates a table) or with a reader of :mod:`grappe.io.spatial`.
Coordinates stay in the CRS they were given in; :func:`metric_coordinates` turns them into
coordinates in metres in which Euclidean distances are exact: planar for a projected CRS, and
3-D positions on the sphere (chord lengths, converted to great-circle metres where distances are
needed) for longitude/latitude.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from grappe.errors import (
    DataValidationError,
    DataWarning,
    InvalidParameterError,
    MissingDependencyError,
    ValidationIssue,
)
from grappe.i18n import Message

__all__ = [
    "EARTH_RADIUS_M",
    "POINT_COLUMNS",
    "PointSet",
    "chord_to_arc",
    "arc_to_chord",
    "metric_coordinates",
    "points_from_frame",
    "project_points",
]

#: Mean Earth radius (IUGG), in metres, used for great-circle distances.
EARTH_RADIUS_M = 6_371_008.8

#: Columns of :attr:`PointSet.data`, in order.
POINT_COLUMNS: tuple[str, ...] = ("id", "x", "y", "activity", "weight")


def _pyproj():
    try:
        import pyproj
    except ImportError as exc:  # pragma: no cover - pyproj is in the spatial extra
        raise MissingDependencyError(
            "Coordinate reference systems need pyproj: pip install grappe[spatial]"
        ) from exc
    return pyproj


def _parse_crs(crs, *, func: str):
    if crs is None:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a coordinate reference system such as "
                "'EPSG:4326' (longitude/latitude) or 'EPSG:2154' (Lambert-93, metres). Got None "
                "instead.",
                name="crs",
                func=func,
            )
        )
    pyproj = _pyproj()
    try:
        return pyproj.CRS.from_user_input(crs)
    except pyproj.exceptions.CRSError as exc:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a coordinate reference system known to "
                "PROJ such as 'EPSG:4326'. Got {value!r} instead.",
                name="crs",
                func=func,
                value=crs,
            )
        ) from exc


@dataclass(frozen=True)
class PointSet:
    """Validated establishment points.

    Attributes
    ----------
    data : pandas.DataFrame
        One row per establishment with the columns ``id`` (str, unique), ``x`` and ``y``
        (float64, in ``crs``: longitude and latitude in degrees for a geographic CRS), ``activity``
        (str, the activity code) and ``weight`` (float64, e.g. employees; 1 when not given).
    crs : str
        The coordinate reference system, as an authority string (``"EPSG:4326"``) or WKT.
    geographic : bool
        Whether ``x``/``y`` are longitude/latitude (distances are then great-circle distances).
    source : str or None
        Where the points came from.
    """

    data: pd.DataFrame
    crs: str
    geographic: bool
    source: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.data, pd.DataFrame):
            raise InvalidParameterError(
                "The 'data' parameter of PointSet must be a pandas DataFrame. "
                f"Got {type(self.data).__name__} instead."
            )
        missing = [c for c in POINT_COLUMNS if c not in self.data.columns]
        if missing:
            raise InvalidParameterError(
                f"The 'data' parameter of PointSet must have the columns {list(POINT_COLUMNS)}. "
                f"Missing {missing}."
            )

    def __len__(self) -> int:
        return len(self.data)

    @property
    def activities(self) -> tuple[str, ...]:
        """Sorted distinct activity codes."""
        return tuple(sorted(pd.unique(self.data["activity"]).tolist()))

    def mask(self, activity: str) -> np.ndarray:
        """Boolean array selecting the establishments of ``activity``.

        Raises
        ------
        InvalidParameterError
            If no establishment has this activity.
        """
        sel = (self.data["activity"] == activity).to_numpy()
        if not sel.any():
            shown = ", ".join(repr(a) for a in self.activities[:10])
            more = ", …" if len(self.activities) > 10 else ""
            message = Message(
                "The 'activity' parameter must be one of the activities present ({shown}). "
                "Got {value!r} instead.",
                shown=shown + more,
                value=activity,
            )
            if tuple(self.activities) == ("all",):
                message = Message(
                    "{message} The points were read without an activity column: name it (grappe "
                    "spatial --activity-column, read_points(activity=...)).",
                    message=message,
                )
            raise InvalidParameterError(message)
        return sel

    def subset(self, rows: np.ndarray) -> PointSet:
        """A new :class:`PointSet` with the selected rows (boolean mask or positions)."""
        data = self.data.iloc[np.flatnonzero(rows) if rows.dtype == bool else rows]
        return PointSet(data.reset_index(drop=True), self.crs, self.geographic, self.source)


def points_from_frame(
    frame: pd.DataFrame,
    *,
    x: str = "lon",
    y: str = "lat",
    crs: str | None = None,
    id: str | None = None,  # noqa: A002 - the column holding identifiers
    activity: str | None = None,
    weight: str | None = None,
    on_missing: str = "raise",
    bounds: tuple[float, float, float, float] | None = None,
    on_outside: str = "raise",
    source: str | None = None,
    duplicates: str = "raise",
) -> PointSet:
    """Validate a table of establishments and return a :class:`PointSet`.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per establishment. Not modified.
    x, y : str
        Columns of the coordinates: longitude and latitude for a geographic ``crs``, easting
        and northing otherwise.
    crs : str
        Coordinate reference system of ``x``/``y`` (``"EPSG:4326"`` for longitude/latitude).
        Required: a distance is meaningless without it.
    id : str, optional
        Column of unique establishment identifiers; the row number (from 1) when omitted.
    activity : str, optional
        Column of activity codes; every point gets ``"all"`` when omitted.
    weight : str, optional
        Column of non-negative weights (employees); 1 when omitted.
    on_missing : {"raise", "drop"}
        What to do with rows whose coordinates are empty. Out-of-range coordinates always raise.
    bounds : tuple, optional
        ``(xmin, ymin, xmax, ymax)`` of the study area in ``crs`` (e.g. Algeria:
        ``(-8.7, 18.9, 12.0, 37.1)``); points outside are geocoding errors.
    on_outside : {"raise", "drop", "warn"}
        What to do with points outside ``bounds``: refuse them, leave them out, or keep them
        with a :class:`~grappe.errors.DataWarning` (which, when most points are outside but
        would be inside with longitude and latitude exchanged, asks whether they were swapped).
    source : str, optional
        File name used in error messages.
    duplicates : {"raise", "sum"}, default "raise"
        Rows sharing an identifier (``id``): refuse them, or merge them into one
        establishment whose weight is their sum (they must then have the same coordinates
        and activity).

    Returns
    -------
    PointSet

    Raises
    ------
    InvalidParameterError
        If ``crs`` is missing or unknown, or ``on_missing`` is not an accepted value.
    DataValidationError
        If a column is missing, a coordinate is empty (with ``on_missing="raise"``), not a
        number, out of range (longitude and latitude look swapped) or outside ``bounds``
        (with ``on_outside="raise"``), an identifier is duplicated (with
        ``duplicates="raise"``, or with different places or activities under ``"sum"``), or a
        weight is negative. Row numbers count the header as line 1.

    Warns
    -----
    DataWarning
        With ``on_outside="warn"``, when points fall outside ``bounds``.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"lon": [6.61, 6.62], "lat": [36.36, 36.37], "naf": ["2561", "2561"]})
    >>> pts = points_from_frame(f, crs="EPSG:4326", activity="naf")
    >>> pts.data[["id", "activity", "weight"]].to_dict("list")
    {'id': ['1', '2'], 'activity': ['2561', '2561'], 'weight': [1.0, 1.0]}
    """
    func = "points_from_frame"
    from grappe._validation import check_option

    check_option(on_missing, "on_missing", ("raise", "drop"), func=func)
    check_option(on_outside, "on_outside", ("raise", "drop", "warn"), func=func)
    check_option(duplicates, "duplicates", ("raise", "sum"), func=func)
    if bounds is not None and (
        len(bounds) != 4 or not (bounds[0] < bounds[2] and bounds[1] < bounds[3])
    ):
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be (xmin, ymin, xmax, ymax) with "
                "xmin < xmax and ymin < ymax. Got {value!r} instead.",
                name="bounds",
                func=func,
                value=bounds,
            )
        )
    parsed = _parse_crs(crs, func=func)
    if not isinstance(frame, pd.DataFrame):
        raise InvalidParameterError(
            f"The 'frame' parameter of {func} must be a pandas DataFrame. "
            f"Got {type(frame).__name__} instead."
        )
    needed = [c for c in (x, y, id, activity, weight) if c is not None]
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise DataValidationError(
            [
                ValidationIssue(
                    Message(
                        "The column {column!r} is missing (columns present: {columns}).",
                        column=c,
                        columns=list(frame.columns),
                    ),
                    file=source,
                    column=c,
                    fix=Message(
                        "Name the right column with the x=, y=, id=, activity= or weight= option."
                    ),
                )
                for c in missing
            ]
        )
    line = np.arange(len(frame)) + 2  # header is line 1
    issues: list[ValidationIssue] = []
    coords = {}
    for col in (x, y):
        values = pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float)
        bad = np.isnan(values) & frame[col].notna().to_numpy()
        issues += [
            ValidationIssue(
                Message("{value!r} is not a number.", value=frame[col].iloc[i]),
                file=source,
                row=int(line[i]),
                column=col,
                fix=Message("Write coordinates as decimal numbers with a dot."),
            )
            for i in np.flatnonzero(bad)[:20]
        ]
        coords[col] = values
    empty = (frame[x].isna() | frame[y].isna()).to_numpy()
    keep = np.ones(len(frame), dtype=bool)
    if on_missing == "drop":
        keep = ~empty
    else:
        issues += [
            ValidationIssue(
                Message("The coordinates are empty."),
                file=source,
                row=int(line[i]),
                column=x if pd.isna(frame[x].iloc[i]) else y,
                fix=Message(
                    "Geocode the establishment, or pass on_missing='drop' to leave it out."
                ),
            )
            for i in np.flatnonzero(empty)[:20]
        ]
    if parsed.is_geographic:
        with np.errstate(invalid="ignore"):
            issues += _range_issues(coords[x], coords[y], x, y, line, source)
    if bounds is not None and not issues:
        with np.errstate(invalid="ignore"):
            outside = ~(
                (coords[x] >= bounds[0])
                & (coords[x] <= bounds[2])
                & (coords[y] >= bounds[1])
                & (coords[y] <= bounds[3])
            ) & ~(np.isnan(coords[x]) | np.isnan(coords[y]))
        if on_outside == "drop":
            keep &= ~outside
        elif on_outside == "warn":
            _warn_outside(outside & keep, coords[x], coords[y], bounds, x, y, line, source)
        else:
            issues += [
                ValidationIssue(
                    Message(
                        "The point ({x!r}, {y!r}) is outside the study area {bounds!r}.",
                        x=coords[x][i],
                        y=coords[y][i],
                        bounds=tuple(bounds),
                    ),
                    file=source,
                    row=int(line[i]),
                    column=x,
                    fix=Message(
                        "Correct its geocoding, or pass on_outside='drop' to leave it out."
                    ),
                )
                for i in np.flatnonzero(outside)[:20]
            ]
    if issues:
        raise DataValidationError(issues)

    n = int(keep.sum())
    ids = (
        frame[id].astype("string").to_numpy(dtype=object)[keep]
        if id is not None
        else np.array([str(i) for i in line[keep] - 1], dtype=object)
    )
    dup = pd.Series(ids).duplicated(keep=False).to_numpy()
    if dup.any() and duplicates == "raise":
        rows = line[keep][dup]
        raise DataValidationError(
            [
                ValidationIssue(
                    Message("The identifier {value!r} appears more than once.", value=ids[k]),
                    file=source,
                    row=int(r),
                    column=id,
                    fix=Message(
                        "Give each establishment its own identifier, or merge the rows of one "
                        "establishment with duplicates='sum' (--duplicates sum)."
                    ),
                )
                for k, r in zip(np.flatnonzero(dup)[:20], rows[:20], strict=False)
            ]
        )
    w = np.ones(n)
    if weight is not None:
        w = pd.to_numeric(frame[weight], errors="coerce").to_numpy(dtype=float)[keep]
        bad = ~np.isfinite(w) | (w < 0)
        if bad.any():
            raw = frame[weight].to_numpy()[keep]
            raise DataValidationError(
                [
                    ValidationIssue(
                        Message("The weight is empty.")
                        if pd.isna(raw[k])
                        else Message(
                            "The weight {value!r} is not a non-negative number.", value=str(raw[k])
                        ),
                        file=source,
                        row=int(line[keep][k]),
                        column=weight,
                        fix=Message("Write employees as a number ≥ 0 (0 for none)."),
                    )
                    for k in np.flatnonzero(bad)[:20]
                ]
            )
    acts = (
        frame[activity].astype("string").fillna("").to_numpy(dtype=object)[keep]
        if activity is not None
        else np.full(n, "all", dtype=object)
    )
    data = pd.DataFrame(
        {
            "id": pd.array(ids, dtype=object).astype(str),
            "x": coords[x][keep],
            "y": coords[y][keep],
            "activity": acts.astype(str),
            "weight": w,
        }
    )
    if dup.any():  # duplicates="sum"
        data = _merge_ids(data, line[keep], source, id)
    return PointSet(data, parsed.to_string(), bool(parsed.is_geographic), source)


def _merge_ids(data: pd.DataFrame, line: np.ndarray, source, id_column) -> pd.DataFrame:
    """One establishment per id, weights summed; its rows must agree on place and activity."""
    groups = data.groupby("id", sort=False)
    spread = groups[["x", "y", "activity"]].nunique()
    bad = spread[(spread > 1).any(axis=1)].index
    if len(bad):
        issues = []
        for ident in bad[:20]:
            rows = [str(int(r)) for r in line[(data["id"] == ident).to_numpy()]]
            issues.append(
                ValidationIssue(
                    Message(
                        "The rows {rows} of establishment {ident!r} have different "
                        "coordinates or activities, so they cannot be added up.",
                        rows=", ".join(rows[:5]),
                        ident=ident,
                    ),
                    file=source,
                    row=int(rows[-1]),
                    column=id_column,
                    fix=Message("Give each establishment its own identifier."),
                )
            )
        raise DataValidationError(issues)
    merged = groups.agg(
        x=("x", "first"), y=("y", "first"), activity=("activity", "first"), weight=("weight", "sum")
    )
    return merged.reset_index()[list(POINT_COLUMNS)]


def _warn_outside(outside, lon, lat, bounds, x, y, line, source) -> None:
    """Warn about points outside the study area; ask about swapped axes when most are."""
    n_out, n = int(outside.sum()), int((~(np.isnan(lon) | np.isnan(lat))).sum())
    if not n_out:
        return
    first = int(np.flatnonzero(outside)[0])
    xmin, ymin, xmax, ymax = bounds
    with np.errstate(invalid="ignore"):
        swapped_in = (lat >= xmin) & (lat <= xmax) & (lon >= ymin) & (lon <= ymax)
    message = (
        f"{n_out} of {n} points are outside the study area {tuple(bounds)!r}, the first "
        f"({float(lon[first])}, {float(lat[first])})."
    )
    fix = "check their geocoding, or leave them out with on_outside='drop' (--outside drop)."
    if 2 * n_out > n and 2 * int((outside & swapped_in).sum()) > n_out:
        message += " Most would be inside with the two coordinates exchanged."
        fix = (
            f"did you swap latitude and longitude? Exchange the columns: x={y!r}, y={x!r} "
            f"(--x {y} --y {x})."
        )
    warnings.warn(
        DataWarning(message, file=source, row=int(line[first]), column=x, fix=fix),
        stacklevel=3,
    )


def _range_issues(lon, lat, x, y, line, source) -> list[ValidationIssue]:
    bad_lat = np.abs(lat) > 90
    bad_lon = np.abs(lon) > 180
    issues = []
    for i in np.flatnonzero(bad_lat | bad_lon)[:20]:
        swapped = bad_lat[i] and abs(lat[i]) <= 180 and abs(lon[i]) <= 90
        issues.append(
            ValidationIssue(
                Message(
                    "The point ({lon:g}, {lat:g}) is out of range for longitude/latitude "
                    "(longitude and latitude look swapped).",
                    lon=float(lon[i]),
                    lat=float(lat[i]),
                )
                if swapped
                else Message(
                    "The point ({lon:g}, {lat:g}) is out of range for longitude/latitude.",
                    lon=float(lon[i]),
                    lat=float(lat[i]),
                ),
                file=source,
                row=int(line[i]),
                column=y if bad_lat[i] else x,
                fix=(
                    Message("Swap the options: x={y!r}, y={x!r}.", x=x, y=y)
                    if swapped
                    else Message("Check the geocoding, or give the CRS of projected coordinates.")
                ),
            )
        )
    return issues


def project_points(points: PointSet, crs: str) -> PointSet:
    """Re-project points to another coordinate reference system (with pyproj).

    Parameters
    ----------
    points : PointSet
        Not modified.
    crs : str
        Target CRS, e.g. ``"EPSG:3035"`` (ETRS89-LAEA, metres, Europe) or ``"EPSG:2154"``.

    Returns
    -------
    PointSet
        A new point set with ``x``/``y`` in ``crs``.

    Raises
    ------
    InvalidParameterError
        If ``crs`` is missing or unknown.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"lon": [3.0], "lat": [46.5]})
    >>> p = project_points(points_from_frame(f, crs="EPSG:4326"), "EPSG:2154")
    >>> round(float(p.data["x"][0])), round(float(p.data["y"][0]))
    (700000, 6600000)
    """
    target = _parse_crs(crs, func="project_points")
    pyproj = _pyproj()
    transformer = pyproj.Transformer.from_crs(
        pyproj.CRS.from_user_input(points.crs), target, always_xy=True
    )
    xx, yy = transformer.transform(points.data["x"].to_numpy(), points.data["y"].to_numpy())
    data = points.data.assign(x=np.asarray(xx, dtype=float), y=np.asarray(yy, dtype=float))
    return PointSet(data, target.to_string(), bool(target.is_geographic), points.source)


def metric_coordinates(points: PointSet) -> tuple[np.ndarray, bool]:
    """Coordinates in metres in which Euclidean distance is exact.

    Returns
    -------
    coords : numpy.ndarray
        ``(n, 2)`` planar metres for a projected CRS (scaled by the CRS's unit when it is not
        the metre), or ``(n, 3)`` positions on the sphere of radius :data:`EARTH_RADIUS_M` for
        longitude/latitude, whose Euclidean distances are chord lengths.
    spherical : bool
        Whether distances must be converted with :func:`chord_to_arc`.
    """
    x = points.data["x"].to_numpy(dtype=float)
    y = points.data["y"].to_numpy(dtype=float)
    if points.geographic:
        lon, lat = np.radians(x), np.radians(y)
        coords = EARTH_RADIUS_M * np.column_stack(
            (np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat))
        )
        return coords, True
    factor = 1.0
    crs = _pyproj().CRS.from_user_input(points.crs)
    if crs.axis_info and crs.axis_info[0].unit_conversion_factor:
        factor = float(crs.axis_info[0].unit_conversion_factor)
    return np.column_stack((x, y)) * factor, False


def chord_to_arc(chord):
    """Great-circle distance (m) from a chord length (m) on the sphere of :data:`EARTH_RADIUS_M`."""
    ratio = np.minimum(np.asarray(chord, dtype=float) / (2 * EARTH_RADIUS_M), 1.0)
    return 2 * EARTH_RADIUS_M * np.arcsin(ratio)


def arc_to_chord(arc):
    """Chord length (m) of a great-circle distance (m); the inverse of :func:`chord_to_arc`."""
    angle = np.minimum(np.asarray(arc, dtype=float) / EARTH_RADIUS_M, np.pi)
    return 2 * EARTH_RADIUS_M * np.sin(angle / 2)
