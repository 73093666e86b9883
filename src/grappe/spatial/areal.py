"""Areal units (polygons with counts) and local spatial statistics through esda.

Getis–Ord :math:`G_i^*` finds units surrounded by high (hot) or low (cold) values; the local
Moran's :math:`I_i` finds clusters of similar values (high–high, low–low) and outliers. Both are
computed by esda with conditional permutation inference, on contiguity weights built by libpysal
from the polygons; grappe only validates, builds the weights and returns tidy tables.

References
----------
Getis, A., & Ord, J. K. (1992). The analysis of spatial association by use of distance
statistics. *Geographical Analysis*, 24(3), 189–206.

Ord, J. K., & Getis, A. (1995). Local spatial autocorrelation statistics: distributional issues
and an application. *Geographical Analysis*, 27(4), 286–306.

Anselin, L. (1995). Local indicators of spatial association—LISA. *Geographical Analysis*,
27(2), 93–115.

Rey, S. J., & Anselin, L. (2007). PySAL: a Python library of spatial analytical methods.
*Review of Regional Studies*, 37(1), 5–27.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_number, check_option
from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    MissingDependencyError,
    ValidationIssue,
)
from grappe.i18n import Message

__all__ = ["AreaSet", "areas_from_geometries", "getis_ord", "local_moran", "spatial_weights"]

QUADRANTS = {1: "high-high", 2: "low-high", 3: "low-low", 4: "high-low"}


@dataclass(frozen=True)
class AreaSet:
    """Validated areal units.

    Attributes
    ----------
    data : pandas.DataFrame
        One row per unit: ``id`` (str, unique) and value columns (counts, employment…).
    geometries : tuple of shapely geometries
        Polygons or MultiPolygons, in the order of ``data``.
    crs : str
        CRS of the geometries (GeoJSON: ``"EPSG:4326"``).
    source : str or None
        Where the units came from.
    """

    data: pd.DataFrame
    geometries: tuple
    crs: str = "EPSG:4326"
    source: str | None = None


def areas_from_geometries(
    ids: list[str],
    geometries: list[Any],
    values: pd.DataFrame | None = None,
    *,
    crs: str = "EPSG:4326",
    source: str | None = None,
) -> AreaSet:
    """Validate polygons and their values and return an :class:`AreaSet`.

    Parameters
    ----------
    ids : list of str
        Unit identifiers (unique).
    geometries : list of shapely geometries
        Polygons or MultiPolygons.
    values : pandas.DataFrame, optional
        Value columns, one row per unit in the order of ``ids``.
    crs : str
        CRS of the geometries.
    source : str, optional
        File name used in error messages.

    Returns
    -------
    AreaSet

    Raises
    ------
    DataValidationError
        If an id is duplicated, a geometry is empty, not a polygon or invalid.
    InvalidParameterError
        If the lengths differ.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> a = areas_from_geometries(["a", "b"], [box(0, 0, 1, 1), box(1, 0, 2, 1)],
    ...                           pd.DataFrame({"n": [3, 5]}))
    >>> a.data.to_dict("list")
    {'id': ['a', 'b'], 'n': [3, 5]}
    """
    ids = [str(i) for i in ids]
    if len(ids) != len(geometries) or values is not None and len(values) != len(ids):
        raise InvalidParameterError(
            "The 'geometries' and 'values' parameters of areas_from_geometries must have one "
            f"entry per id. Got {len(ids)} ids, {len(geometries)} geometries and "
            f"{'no' if values is None else len(values)} value rows instead."
        )
    issues = []
    seen: set[str] = set()
    for k, (i, g) in enumerate(zip(ids, geometries, strict=True)):
        where = {"file": source, "row": k + 1, "column": "id"}
        if i in seen:
            issues.append(
                ValidationIssue(
                    Message("The unit id {value!r} appears more than once.", value=i),
                    fix=Message("Give each unit its own id."),
                    **where,
                )
            )
        seen.add(i)
        kind = getattr(g, "geom_type", type(g).__name__)
        if kind not in ("Polygon", "MultiPolygon") or g.is_empty:
            issues.append(
                ValidationIssue(
                    Message(
                        "Unit {unit!r} has a {kind} geometry, not a non-empty polygon.",
                        unit=i,
                        kind=kind,
                    ),
                    fix=Message("Give each unit its polygon."),
                    **{**where, "column": "geometry"},
                )
            )
        elif not g.is_valid:
            issues.append(
                ValidationIssue(
                    Message(
                        "The polygon of unit {unit!r} is invalid (self-intersecting or badly "
                        "closed).",
                        unit=i,
                    ),
                    fix=Message("Repair it, e.g. with shapely.make_valid."),
                    **{**where, "column": "geometry"},
                )
            )
    if issues:
        raise DataValidationError(issues)
    data = pd.DataFrame({"id": ids})
    if values is not None:
        data = pd.concat([data, values.reset_index(drop=True)], axis=1)
    return AreaSet(data, tuple(geometries), crs, source)


def spatial_weights(areas: AreaSet, *, contiguity: str = "queen", islands: str = "raise"):
    """Row-standardised contiguity weights (libpysal ``W``) between the units.

    Parameters
    ----------
    areas : AreaSet
    contiguity : {"queen", "rook"}
        Queen: units sharing a point of their boundary; rook: sharing an edge.
    islands : {"raise", "keep"}
        What to do with units that have no neighbour: raise, or keep them (esda then gives them
        no local statistic).

    Returns
    -------
    libpysal.weights.W

    Raises
    ------
    InvalidParameterError
        For a bad option, or islands with ``islands="raise"``.
    """
    func = "spatial_weights"
    check_option(contiguity, "contiguity", ("queen", "rook"), func=func)
    check_option(islands, "islands", ("raise", "keep"), func=func)
    try:
        from libpysal import weights
    except ImportError as exc:  # pragma: no cover - in the spatial extra
        raise MissingDependencyError(
            "Areal statistics need libpysal and esda: pip install grappe[spatial]"
        ) from exc
    builder = weights.Queen if contiguity == "queen" else weights.Rook
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # islands are handled below
        w = builder.from_iterable(list(areas.geometries), ids=list(areas.data["id"]))
    # libpysal sorts the ids; esda reads values in id_order, so restore the data's order
    w.id_order = list(areas.data["id"])
    if w.islands and islands == "raise":
        shown = ", ".join(repr(i) for i in w.islands[:5])
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be 'keep' when some units have no "
                "neighbour. Got 'raise' instead, and {count} units have none ({shown}).",
                name="islands",
                func=func,
                count=len(w.islands),
                shown=shown,
            )
        )
    w.transform = "r"
    return w


def _values(areas: AreaSet, column: str, func: str) -> np.ndarray:
    if column not in areas.data.columns or column == "id":
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be one of the value columns {columns}. "
                "Got {value!r} instead.",
                name="column",
                func=func,
                columns=[c for c in areas.data.columns if c != "id"],
                value=column,
            )
        )
    y = pd.to_numeric(areas.data[column], errors="coerce").to_numpy(dtype=float)
    if not np.isfinite(y).all():
        bad = int(np.flatnonzero(~np.isfinite(y))[0])
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "The value {value!r} of unit {unit!r} is not a number.",
                    value=areas.data[column].iloc[bad],
                    unit=areas.data["id"].iloc[bad],
                ),
                file=areas.source,
                row=bad + 1,
                column=column,
                fix=Message("Give every unit a value (0 for none)."),
            )
        )
    return y


def getis_ord(
    areas: AreaSet,
    column: str,
    *,
    permutations: int = 999,
    significance: float = 0.05,
    seed: int | None = None,
    contiguity: str = "queen",
    islands: str = "raise",
) -> pd.DataFrame:
    """Getis–Ord :math:`G_i^*` hot and cold spots of a value over areal units (esda).

    Parameters
    ----------
    areas : AreaSet
    column : str
        Value column (e.g. establishment counts).
    permutations : int
        Conditional permutations for the pseudo p-values.
    significance : float
        Threshold of ``p_sim`` for calling a unit hot or cold.
    seed : int or None, default None
        Seed of the permutations.
        ``None`` draws fresh entropy (numpy's ``default_rng(None)``); pass an int to
        reproduce a result (the package's seed policy, see docs/architecture.md).
    contiguity, islands : str
        See :func:`spatial_weights`.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``value``, ``g`` (:math:`G_i^*`), ``z`` (standardised), ``p_norm``, ``p_sim``
        and ``spot`` (``"hot"``, ``"cold"`` or ``"not significant"``).

    Raises
    ------
    InvalidParameterError, DataValidationError

    Notes
    -----
    ``p_sim`` is esda's pseudo p-value of conditional permutations, ``(1 + k) / (1 + P)``
    with ``k`` the permutations at least as extreme in the observed direction (esda's
    current "directed" convention; a two-sided p-value is about twice as large).

    References
    ----------
    Getis & Ord (1992); Ord & Getis (1995); esda ``G_Local`` (Rey & Anselin 2007).
    """
    func = "getis_ord"
    check_number(permutations, "permutations", func=func, low=0, integer=True)
    check_number(significance, "significance", func=func, low=0, high=1, closed="neither")
    y = _values(areas, column, func)
    w = spatial_weights(areas, contiguity=contiguity, islands=islands)
    import esda

    w.transform = "b"  # Gi* on binary contiguity with the unit itself included (Ord & Getis)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # esda's future default, see Notes
        g = esda.G_Local(
            y,
            w,
            transform="B",
            permutations=permutations,
            star=True,
            keep_simulations=False,
            n_jobs=1,
            seed=seed,
        )
    p_sim = g.p_sim if permutations else np.full(len(y), np.nan)
    sig = p_sim < significance if permutations else g.p_norm < significance
    spot = np.where(sig & (g.Zs > 0), "hot", np.where(sig & (g.Zs < 0), "cold", "not significant"))
    return pd.DataFrame(
        {
            "id": areas.data["id"],
            "value": y,
            "g": g.Gs,
            "z": g.Zs,
            "p_norm": g.p_norm,
            "p_sim": p_sim,
            "spot": spot,
        }
    )


def local_moran(
    areas: AreaSet,
    column: str,
    *,
    permutations: int = 999,
    significance: float = 0.05,
    seed: int | None = None,
    contiguity: str = "queen",
    islands: str = "raise",
) -> pd.DataFrame:
    """Local Moran's :math:`I_i` clusters and outliers of a value over areal units (esda).

    Parameters
    ----------
    areas, column, permutations, significance, seed, contiguity, islands
        As :func:`getis_ord`.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``value``, ``i`` (:math:`I_i`), ``z_sim``, ``p_sim``, ``quadrant``
        (``"high-high"``, ``"low-high"``, ``"low-low"``, ``"high-low"``) and ``cluster`` (the
        quadrant where ``p_sim`` < ``significance``, else ``"not significant"``).

    Raises
    ------
    InvalidParameterError, DataValidationError

    Notes
    -----
    ``p_sim`` is esda's pseudo p-value of conditional permutations, ``(1 + k) / (1 + P)``
    with ``k`` the permutations at least as extreme in the observed direction (esda's
    current "directed" convention; a two-sided p-value is about twice as large).

    References
    ----------
    Anselin (1995); esda ``Moran_Local`` (Rey & Anselin 2007).
    """
    func = "local_moran"
    check_number(permutations, "permutations", func=func, low=1, integer=True)
    check_number(significance, "significance", func=func, low=0, high=1, closed="neither")
    y = _values(areas, column, func)
    w = spatial_weights(areas, contiguity=contiguity, islands=islands)
    import esda

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # esda's future default, see Notes
        lm = esda.Moran_Local(
            y,
            w,
            transformation="r",
            permutations=permutations,
            keep_simulations=False,
            n_jobs=1,
            seed=seed,
        )
    quadrant = np.array([QUADRANTS.get(int(q), "none") for q in lm.q])
    cluster = np.where(lm.p_sim < significance, quadrant, "not significant")
    return pd.DataFrame(
        {
            "id": areas.data["id"],
            "value": y,
            "i": lm.Is,
            "z_sim": lm.z_sim,
            "p_sim": lm.p_sim,
            "quadrant": quadrant,
            "cluster": cluster,
        }
    )
