"""Administrative divisions that change over time: crosswalks, counts converted, points (no I/O).

A country redraws its regions (Algeria: 48 wilayas in 1984, 58 in 2019, 69 in 2025) but keeps
its smallest units (the communes). Given a table of *units* — one row per commune, with its
region in each division and a weight such as its population — this module

* builds the crosswalk between two divisions (:func:`division_shares`): which old regions
  feed which new ones, and the weight share of each piece;
* converts a table of counts coded in one division into another (:func:`convert_counts`):
  to a coarser division by exact aggregation; to a finer one only when the caller chooses
  to apportion the counts by the weights (an assumption: the counts are spread like the
  weights), otherwise an error that names the option;
* attributes points to polygons (:func:`points_in_polygons`) with shapely's STR-tree.

The Algerian units are loaded by :mod:`grappe.io.dz_geography`; nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    MissingDependencyError,
    ValidationIssue,
)
from grappe.i18n import Message

__all__ = ["convert_counts", "division_shares", "points_in_polygons"]

_MAX_SHOWN = 20


def _check_units(units: pd.DataFrame, columns: Sequence[str], *, func: str) -> None:
    if not isinstance(units, pd.DataFrame):
        raise InvalidParameterError(
            f"The 'units' parameter of {func} must be a pandas DataFrame. "
            f"Got {type(units).__name__} instead."
        )
    missing = [c for c in columns if c not in units.columns]
    if missing:
        raise InvalidParameterError(
            f"The 'units' parameter of {func} must have the columns {list(columns)}. "
            f"Missing {missing}."
        )


def division_shares(
    units: pd.DataFrame, *, source: str, target: str, weight: str | None = None
) -> pd.DataFrame:
    """The crosswalk between two divisions: each (source region, target region) piece.

    Parameters
    ----------
    units : pandas.DataFrame
        One row per unit (commune) with a column per division; not modified.
    source, target : str
        The columns of ``units`` holding each unit's region in the source and target division.
    weight : str, optional
        Column of the units' weights (population). A missing weight counts as 0; a region
        whose units all lack a weight shares by the number of units instead.

    Returns
    -------
    pandas.DataFrame
        ``source``, ``target``, ``units`` (how many units the piece has), ``weight`` (their
        summed weight, or the unit count without ``weight``), ``share`` (the piece's part of
        its source region, in [0, 1]; the shares of a source region sum to 1), sorted by source
        then target.

    Raises
    ------
    InvalidParameterError
        ``units`` is not a DataFrame or lacks a column.

    Examples
    --------
    >>> u = pd.DataFrame({"w48": ["07", "07", "07"], "w58": ["07", "07", "51"],
    ...                   "pop": [200.0, 50.0, 250.0]})
    >>> division_shares(u, source="w48", target="w58", weight="pop")["share"].tolist()
    [0.5, 0.5]
    """
    func = "division_shares"
    _check_units(units, [source, target] + ([weight] if weight else []), func=func)
    known = units.dropna(subset=[source, target])
    w = (
        pd.to_numeric(known[weight], errors="coerce").fillna(0.0)
        if weight
        else pd.Series(1.0, index=known.index)
    )
    pieces = (
        pd.DataFrame({"source": known[source], "target": known[target], "weight": w, "units": 1})
        .groupby(["source", "target"], sort=True, observed=True)
        .agg(units=("units", "sum"), weight=("weight", "sum"))
        .reset_index()
    )
    totals = pieces.groupby("source")["weight"].transform("sum")
    counts = pieces.groupby("source")["units"].transform("sum")
    # a region without any weight (population unknown) is split by the number of its units
    share = np.where(
        totals > 0, pieces["weight"] / totals.where(totals > 0, 1.0), pieces["units"] / counts
    )
    pieces["share"] = share.astype(float)
    pieces["units"] = pieces["units"].astype("int64")
    return pieces[["source", "target", "units", "weight", "share"]]


def _unknown_code_issues(
    codes: pd.Series, known: set[str], *, column: str, file: str | None, division: str
) -> list[ValidationIssue]:
    bad = ~codes.isin(known)
    positions = np.flatnonzero(bad.to_numpy())
    return [
        ValidationIssue(
            Message(
                "{code!r} is not a region of the {division} division.",
                code=codes.iloc[i],
                division=division,
            ),
            file=file,
            row=int(i) + 2,  # as in the file: the header is line 1
            column=column,
            fix=Message(
                "use the codes of the {division} division ({codes}…), "
                "or convert from the division the table is coded in.",
                division=division,
                codes=", ".join(sorted(known)[:5]),
            ),
        )
        for i in positions[:_MAX_SHOWN]
    ]


def convert_counts(
    frame: pd.DataFrame,
    units: pd.DataFrame,
    *,
    source: str,
    target: str,
    region_column: str = "region",
    value_columns: Sequence[str] | None = None,
    flag_columns: Sequence[str] = (),
    apportion: str | None = None,
    file: str | None = None,
    func: str = "convert_counts",
) -> pd.DataFrame:
    """A table of counts by region, converted from one division to another.

    Parameters
    ----------
    frame : pandas.DataFrame
        Counts by region (and any other key columns: industry, year…); not modified. Region
        codes must be codes of the source division as written in ``units``.
    units : pandas.DataFrame
        One row per unit (commune) with its region in each division (see
        :func:`division_shares`).
    source, target : str
        Columns of ``units`` for the division of ``frame`` and the division wanted.
    region_column : str
        Column of ``frame`` holding the region codes.
    value_columns : sequence of str, optional
        Counts to convert (summed or apportioned). Default: every numeric column of ``frame``
        except the region column and the flag columns.
    flag_columns : sequence of str
        Boolean columns (e.g. ``withheld``): a target row is flagged when any row it comes from
        is.
    apportion : str, optional
        None (default): only an exact conversion is done — every source region must lie in one
        target region (aggregation to a coarser division); a source region split between
        several target regions is an error. A column of ``units`` (``"population"``): a split
        region's counts are shared among its pieces by the pieces' share of that weight
        (:func:`division_shares`); the counts become estimates and stop being whole numbers.
    file : str, optional
        The file the table was read from, for messages.
    func : str
        The function named in messages.

    Returns
    -------
    pandas.DataFrame
        The same columns, one row per target region × other keys, the counts summed (NaN
        stays NaN only when every contribution is NaN), sorted by the keys.
        ``attrs["split_regions"]`` lists the source regions that were apportioned.

    Raises
    ------
    InvalidParameterError
        A missing column, an ``apportion`` that is no column of ``units``, or (with
        ``apportion=None``) a source region split between target regions — the message names
        ``apportion``.
    DataValidationError
        A region code that is not a region of the source division, naming the file, the row
        (the header being line 1) and the column.

    Examples
    --------
    >>> u = pd.DataFrame({"w48": ["07", "07", "07"], "w58": ["07", "07", "51"],
    ...                   "pop": [200.0, 50.0, 250.0]})
    >>> t = pd.DataFrame({"region": ["07", "51"], "smes": [10, 4]})
    >>> convert_counts(t, u, source="w58", target="w48")
      region  smes
    0     07    14
    >>> back = pd.DataFrame({"region": ["07"], "smes": [14]})
    >>> convert_counts(back, u, source="w48", target="w58", apportion="pop")["smes"].tolist()
    [7.0, 7.0]
    """
    if apportion is not None and (
        not isinstance(apportion, str) or apportion not in getattr(units, "columns", ())
    ):
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be None or a column of units to share "
                "split regions by (e.g. 'population'). Got {value!r} instead.",
                name="apportion",
                func=func,
                value=apportion,
            )
        )
    if not isinstance(frame, pd.DataFrame) or region_column not in frame.columns:
        raise InvalidParameterError(
            f"The 'frame' parameter of {func} must be a DataFrame with the column "
            f"{region_column!r}. Got {type(frame).__name__} "
            f"{list(frame.columns) if isinstance(frame, pd.DataFrame) else ''} instead."
        )
    flags = list(flag_columns)
    if value_columns is None:
        value_columns = [
            c
            for c in frame.columns
            if c != region_column
            and c not in flags
            and pd.api.types.is_numeric_dtype(frame[c])
            and not pd.api.types.is_bool_dtype(frame[c])
        ]
    values = list(value_columns)
    absent = [c for c in [*values, *flags] if c not in frame.columns]
    if absent:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} names columns {absent} that the table "
                "does not have (it has {columns}).",
                name="value_columns",
                func=func,
                absent=absent,
                columns=list(frame.columns),
            )
        )
    shares = division_shares(units, source=source, target=target, weight=apportion)
    codes = frame[region_column].astype("string")
    issues = _unknown_code_issues(
        codes, set(shares["source"]), column=region_column, file=file, division=source
    )
    if issues:
        raise DataValidationError(issues)
    pieces = shares.groupby("source")["target"].nunique()
    split = sorted(pieces.index[pieces > 1].intersection(pd.Index(codes.unique())))
    if split and apportion is None:
        detail = "; ".join(
            f"{s} → {', '.join(shares.loc[shares['source'] == s, 'target'])}"
            for s in split[:_MAX_SHOWN]
        )
        values = {
            "source": source,
            "target": target,
            "count": len(split),
            "detail": detail,
            "name": "apportion",
            "func": func,
        }
        raise InvalidParameterError(
            Message(
                "Converting from {source} to {target} splits {count} regions between several "
                "({detail}). The {name!r} parameter of {func} must then say how to split their "
                "counts, e.g. apportion='population' (each piece gets the population share of its "
                "units). Got None instead.",
                **values,
            )
            if len(split) > 1
            else Message(
                "Converting from {source} to {target} splits {count} region between several "
                "({detail}). The {name!r} parameter of {func} must then say how to split their "
                "counts, e.g. apportion='population' (each piece gets the population share of its "
                "units). Got None instead.",
                **values,
            )
        )
    keys = [c for c in frame.columns if c not in (region_column, *values, *flags)]
    table = frame.assign(**{region_column: codes}).merge(
        shares[["source", "target", "share"]],
        left_on=region_column,
        right_on="source",
        how="left",
        validate="many_to_many",
    )
    for column in values:
        table[column] = pd.to_numeric(table[column], errors="coerce")
        if apportion is not None:
            table[column] = table[column] * table["share"]
    table[region_column] = table["target"]
    grouped = table.groupby([region_column, *keys], sort=True, observed=True, dropna=False)
    out = grouped[values].sum(min_count=1) if values else grouped.size().to_frame("_n")[[]]
    for flag in flags:
        out[flag] = grouped[flag].any()
    out = out.reset_index()[list(frame.columns)]
    if apportion is None:  # exact sums of whole counts stay whole
        for column in values:
            if pd.api.types.is_integer_dtype(frame[column]) and out[column].notna().all():
                out[column] = out[column].astype(frame[column].dtype)
    out.attrs["split_regions"] = split
    return out


def points_in_polygons(polygons: Sequence[Any], lon: Any, lat: Any) -> np.ndarray:
    """For each point, the position of the polygon that contains it, or -1.

    Parameters
    ----------
    polygons : sequence of shapely geometries
        The polygons (communes), in lon/lat.
    lon, lat : array-like of float
        The points' coordinates, WGS84 decimal degrees, the same length; NaN gives -1.

    Returns
    -------
    numpy.ndarray
        int64 positions in ``polygons``; -1 where no polygon holds the point. A point on the
        border of two polygons goes to the first one (the lower position).

    Raises
    ------
    MissingDependencyError
        shapely is not installed (``pip install grappe[spatial]``).
    InvalidParameterError
        ``lon`` and ``lat`` differ in length or hold text.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> points_in_polygons([box(0, 0, 1, 1), box(1, 0, 2, 1)], [0.5, 1.5, 5.0], [0.5, 0.5, 0.5])
    array([ 0,  1, -1])
    """
    try:
        import shapely
    except ImportError as exc:  # the spatial extra is optional
        raise MissingDependencyError(
            "Attributing points to communes needs shapely 2: pip install grappe[spatial]"
        ) from exc
    func = "points_in_polygons"
    try:
        x = np.asarray(lon, dtype=float).ravel()
        y = np.asarray(lat, dtype=float).ravel()
    except (TypeError, ValueError) as exc:
        raise InvalidParameterError(
            f"The 'lon' and 'lat' parameters of {func} must be numbers. Got {exc} instead."
        ) from exc
    if x.shape != y.shape:
        raise InvalidParameterError(
            f"The 'lon' and 'lat' parameters of {func} must have the same length. Got "
            f"{x.size} and {y.size} instead."
        )
    found = np.full(x.size, -1, dtype=np.int64)
    valid = np.isfinite(x) & np.isfinite(y)
    if not valid.any() or len(polygons) == 0:
        return found
    tree = shapely.STRtree(list(polygons))
    points = shapely.points(x[valid], y[valid])
    point_pos, polygon_pos = tree.query(points, predicate="intersects")
    # several hits (a point on a shared border): keep the lowest polygon position
    best = np.full(points.size, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(best, point_pos, polygon_pos)
    hit = best != np.iinfo(np.int64).max
    inner = np.full(points.size, -1, dtype=np.int64)
    inner[hit] = best[hit]
    found[valid] = inner
    return found
