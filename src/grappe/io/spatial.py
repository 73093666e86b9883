"""Readers and writers of spatial files: establishment points, areal units, GeoJSON, PNG.

* :func:`read_points` — a CSV (optionally gzipped) or Parquet table of establishments with
  longitude/latitude or projected x/y, validated into a :class:`~grappe.spatial.PointSet`.
* :func:`read_areas` — a GeoJSON FeatureCollection of polygons (read with :mod:`json` and
  shapely, no GeoPandas), optionally joined with counts aggregated from a table.
* :func:`write_geojson`, :func:`write_figure` — atomic writers.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from grappe._validation import check_option
from grappe.errors import (
    DataValidationError,
    MissingDependencyError,
    NotFoundError,
    ValidationIssue,
)
from grappe.i18n import Message
from grappe.io import output as _output
from grappe.io.files import (
    ReadOptions,
    convert_numbers,
    existing_file,
    read_document,
    read_table,
    table_format,
)
from grappe.spatial.areal import AreaSet, areas_from_geometries
from grappe.spatial.points import PointSet, points_from_frame

__all__ = [
    "COUNTRY_MARGIN",
    "count_by_area",
    "country_bounds",
    "read_areas",
    "read_points",
    "write_figure",
    "write_geojson",
]

#: Degrees added around a country's outline by :func:`country_bounds`: the outlines shipped by
#: countryinfo are simplified, and would leave out points on the coast or the border.
COUNTRY_MARGIN = 0.5


def _read_table(
    p: Path, dtype: Any = None, *, options: ReadOptions | None = None, what: str
) -> pd.DataFrame:
    """Read CSV or Parquet; ``dtype`` (CSV only) keeps codes such as ``"0111"`` as text."""
    if table_format(p) not in ("csv", "csv.gz", "tsv", "tsv.gz", "parquet"):
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "Unsupported file type {suffix!r} for the {what}.",
                    suffix=p.suffix.lower(),
                    what=what,
                ),
                file=str(p),
                fix=Message("Give a CSV (.csv, .csv.gz) or Parquet file."),
            )
        )
    return read_table(p, options=options, dtype=dtype, what=what)


def _numeric(frame: pd.DataFrame, columns: Any, options: ReadOptions | None) -> pd.DataFrame:
    """Text columns of numbers (decimal comma, Arabic digits…) converted when they all parse;
    otherwise left as read, for the validation to name the bad cells."""
    for col in columns:
        if (
            col is not None
            and col in frame.columns
            and not pd.api.types.is_numeric_dtype(frame[col])
        ):
            values, bad = convert_numbers(frame[col], options=options)
            if not bad.any():
                frame[col] = values
    return frame


def read_points(
    path: str | os.PathLike[str],
    *,
    x: str = "lon",
    y: str = "lat",
    crs: str | None = "EPSG:4326",
    id: str | None = None,  # noqa: A002 - the column holding identifiers
    activity: str | None = None,
    weight: str | None = None,
    on_missing: str = "raise",
    bounds: tuple[float, float, float, float] | None = None,
    on_outside: str = "raise",
    options: ReadOptions | None = None,
    duplicates: str = "raise",
) -> PointSet:
    """Read and validate a table of establishments.

    Parameters
    ----------
    path : path-like
        CSV (``.csv``, ``.csv.gz``; spaces after commas are skipped) or Parquet file.
    x, y, crs, id, activity, weight, on_missing, bounds, on_outside, duplicates
        As :func:`grappe.spatial.points_from_frame`; ``crs`` defaults to longitude/latitude
        (EPSG:4326). :func:`country_bounds` gives the ``bounds`` of a country.
    options : ReadOptions, optional
        Encoding, separator, decimal mark and thousands separator of a CSV file (default:
        detected; see :mod:`grappe.io.files`).

    Returns
    -------
    PointSet

    Raises
    ------
    NotFoundError
        If the file does not exist.
    DataValidationError
        With the file, row and column of each problem (see ``points_from_frame``).
    InvalidParameterError
        For a missing or unknown CRS or a bad option.
    """
    p = existing_file(path, "points file")
    text = {c: str for c in (id, activity) if c is not None}
    frame = _read_table(p, dtype=text or None, options=options, what=Message("points table"))
    frame = _numeric(frame, (x, y, weight), options)
    return points_from_frame(
        frame,
        x=x,
        y=y,
        crs=crs,
        id=id,
        activity=activity,
        weight=weight,
        on_missing=on_missing,
        bounds=bounds,
        on_outside=on_outside,
        source=str(p),
        duplicates=duplicates,
    )


def country_bounds(code: str) -> tuple[float, float, float, float]:
    """Longitude/latitude bounding box of a country, from the outlines of ``countryinfo``.

    Parameters
    ----------
    code : str
        ISO 3166-1 alpha-2 code (``"DZ"``, ``"FR"``…); alpha-3 codes and English names are
        accepted too.

    Returns
    -------
    tuple of float
        ``(min_lon, min_lat, max_lon, max_lat)`` of the country's outline (as shipped by the
        maintained ``countryinfo`` package: mainland and islands, without overseas
        territories for France), widened by :data:`COUNTRY_MARGIN` degrees.

    Raises
    ------
    NotFoundError
        If the code names no country.
    MissingDependencyError
        If ``countryinfo`` is not installed (``pip install grappe[spatial]``).

    Examples
    --------
    >>> [round(v, 1) for v in country_bounds("DZ")]
    [-9.2, 18.6, 12.5, 37.6]
    """
    try:
        from countryinfo import CountryInfo
        from countryinfo.exceptions import CountryNotFoundError
    except ImportError as exc:  # pragma: no cover - in the spatial extra
        raise MissingDependencyError(
            "Country bounds need countryinfo: pip install grappe[spatial]"
        ) from exc
    try:
        outline = CountryInfo(str(code).strip()).geo_json()
    except (CountryNotFoundError, ValueError) as exc:
        raise NotFoundError(
            Message(
                "No country {code!r}; give an ISO 3166-1 alpha-2 code such as DZ, FR or US.",
                code=code,
            )
        ) from exc
    lons, lats = [], []

    def walk(coords: Any) -> None:
        if coords and isinstance(coords[0], int | float):
            lons.append(float(coords[0]))
            lats.append(float(coords[1]))
        else:
            for part in coords:
                walk(part)

    for feature in outline.get("features", []):
        walk(feature["geometry"]["coordinates"])
    if not lons:  # pragma: no cover - every country of countryinfo has an outline
        raise NotFoundError(Message("countryinfo has no outline of {code!r}.", code=code))
    m = COUNTRY_MARGIN
    return (
        max(min(lons) - m, -180.0),
        max(min(lats) - m, -90.0),
        min(max(lons) + m, 180.0),
        min(max(lats) + m, 90.0),
    )


def count_by_area(
    path: str | os.PathLike[str],
    *,
    area: str,
    weight: str | None = None,
    query: str | None = None,
    options: ReadOptions | None = None,
) -> pd.DataFrame:
    """Aggregate a table of establishments to counts per areal unit.

    Parameters
    ----------
    path : path-like
        CSV or Parquet file, one row per establishment.
    area : str
        Column of the unit id (e.g. ``code_iris``).
    weight : str, optional
        Column summed as ``weight`` besides the row count ``count``.
    query : str, optional
        A :meth:`pandas.DataFrame.query` filter, e.g. ``"naf_code.str.startswith('25')"``;
        CSV columns are read as text.
    options : ReadOptions, optional
        Encoding, separator and number format of a CSV file (default: detected).

    Returns
    -------
    pandas.DataFrame
        ``id`` (every unit that has an establishment in the file, before filtering),
        ``count`` (establishments kept by ``query``), ``total`` (all establishments) and,
        with ``weight``, ``weight`` (sum over the establishments kept).

    Raises
    ------
    NotFoundError, DataValidationError
    """
    p = existing_file(path, "establishments table")
    # codes stay text: query them as naf_code == '2561'
    frame = _read_table(p, dtype=str, options=options, what=Message("establishments table"))
    for col in (area, weight):
        if col is not None and col not in frame.columns:
            raise DataValidationError(
                ValidationIssue(
                    Message(
                        "The column {column!r} is missing (columns present: {columns}).",
                        column=col,
                        columns=list(frame.columns),
                    ),
                    file=str(p),
                    column=col,
                    fix=Message("Name the right column."),
                )
            )
    universe = frame[area].astype(str)
    if query:
        try:
            frame = frame.query(query, engine="python")
        except Exception as exc:  # pandas raises many kinds for a bad expression
            raise DataValidationError(
                ValidationIssue(
                    Message(
                        "The filter {query!r} cannot be applied: {error}.", query=query, error=exc
                    ),
                    file=str(p),
                    fix=Message("Write a pandas query over the file's columns."),
                )
            ) from exc
    ids = frame[area].astype(str)
    total = universe.value_counts().rename("total").rename_axis("id")
    out = total.reset_index()[["id"]]
    out["count"] = ids.value_counts().reindex(out["id"]).fillna(0).to_numpy(dtype=float)
    out["total"] = total.to_numpy(dtype=float)
    if weight is not None:
        numbers = pd.Series(convert_numbers(frame[weight], options=options)[0], index=frame.index)
        sums = numbers.groupby(ids).sum(min_count=1)
        out["weight"] = sums.reindex(out["id"]).fillna(0).to_numpy(dtype=float)
    return out


def read_areas(
    path: str | os.PathLike[str],
    *,
    id_property: str,
    counts: pd.DataFrame | None = None,
    missing_counts: str = "zero",
) -> AreaSet:
    """Read a GeoJSON FeatureCollection of polygons (longitude/latitude, RFC 7946).

    Parameters
    ----------
    path : path-like
        GeoJSON file.
    id_property : str
        Feature property holding the unit id.
    counts : pandas.DataFrame, optional
        Values per unit with an ``id`` column (e.g. from :func:`count_by_area`); only the
        units listed in ``counts`` are kept when ``missing_counts="drop"``.
    missing_counts : {"zero", "drop"}
        Units without a row in ``counts``: value 0, or left out.

    Returns
    -------
    AreaSet
        With the features' other properties as columns, then the columns of ``counts``.

    Raises
    ------
    NotFoundError
        If the file does not exist.
    DataValidationError
        If the file is not a FeatureCollection, a feature lacks ``id_property`` or its geometry
        is not a valid polygon, or ids are duplicated.
    """
    check_option(missing_counts, "missing_counts", ("zero", "drop"), func="read_areas")
    try:
        import shapely.geometry
    except ImportError as exc:  # pragma: no cover - in the spatial extra
        raise MissingDependencyError("Polygons need shapely: pip install grappe[spatial]") from exc
    p = existing_file(path, "GeoJSON file")
    doc = read_document(p, what=Message("GeoJSON file"), kind="json")
    if (
        not isinstance(doc, dict)
        or doc.get("type") != "FeatureCollection"
        or not isinstance(doc.get("features", []), list)
    ):
        raise DataValidationError(
            ValidationIssue(
                Message("The file is not a GeoJSON FeatureCollection."),
                file=str(p),
                fix=Message("Export the layer as a GeoJSON FeatureCollection."),
            )
        )
    ids, geoms, props = [], [], []
    issues = []
    for k, feat in enumerate(doc.get("features", [])):
        properties = feat.get("properties") if isinstance(feat, dict) else None
        properties = dict(properties) if isinstance(properties, dict) else {}
        if properties.get(id_property) in (None, ""):
            issues.append(
                ValidationIssue(
                    Message(
                        "Feature {number} has no property {name!r}.", number=k + 1, name=id_property
                    ),
                    file=str(p),
                    row=k + 1,
                    column=id_property,
                    fix=Message("Name the id property with id_property=."),
                )
            )
            continue
        try:
            geom = shapely.geometry.shape(feat.get("geometry"))
        # a damaged geometry (missing keys, wrong nesting) becomes an empty one, refused below
        except (
            AttributeError,
            TypeError,
            ValueError,
            KeyError,
            IndexError,
            shapely.errors.ShapelyError,
        ):
            geom = shapely.geometry.Point()
        ids.append(str(properties.pop(id_property)))
        geoms.append(geom)
        props.append(properties)
    if issues:
        raise DataValidationError(issues)
    values = pd.DataFrame(props)
    if counts is not None:
        extra = counts.assign(id=counts["id"].astype(str)).set_index("id")
        keep = [i in extra.index for i in ids] if missing_counts == "drop" else [True] * len(ids)
        ids = [i for i, k in zip(ids, keep, strict=True) if k]
        geoms = [g for g, k in zip(geoms, keep, strict=True) if k]
        values = values[keep].reset_index(drop=True)
        joined = extra.reindex(ids)
        if missing_counts == "zero":
            joined = joined.fillna(0)
        values = pd.concat([values, joined.reset_index(drop=True)], axis=1)
    return areas_from_geometries(ids, geoms, values, crs="EPSG:4326", source=str(p))


def write_geojson(document: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write a GeoJSON ``dict`` (from :mod:`grappe.spatial.maps`) safely, UTF-8.

    See :mod:`grappe.io.output` for what happens with devices, links and write failures.
    """
    return _output.write_text(json.dumps(document, ensure_ascii=False), path)


def write_figure(figure: Any, path: str | os.PathLike[str], *, dpi: int = 150) -> Path:
    """Write a matplotlib figure (PNG, or the format of the suffix) safely.

    See :mod:`grappe.io.output` for what happens with devices, links and write failures.
    """
    return _output.write_figure(figure, path, dpi=dpi)
