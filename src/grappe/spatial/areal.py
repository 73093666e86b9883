"""Areal units (polygons with counts) and local spatial statistics.

Getis–Ord :math:`G_i^*` finds units surrounded by high (hot) or low (cold) values; the local
Moran's :math:`I_i` finds clusters of similar values (high–high, low–low) and outliers. Both come
with conditional permutation inference, computed in NumPy by :mod:`grappe.spatial.lisa`
(equal to esda's, which is only a benchmark peer) on contiguity weights built here from the
polygons' shared vertices (libpysal's definition) with shapely and NumPy
(:mod:`grappe.spatial.contiguity`).

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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from grappe._validation import check_number, check_option
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.spatial.contiguity import contiguity_rows
from grappe.spatial.lisa import Progress, gi_star, moran_local

if TYPE_CHECKING:  # pandas is imported where a table is built: the areal command runs without
    import pandas as pd

__all__ = [
    "AreaSet",
    "SpatialWeights",
    "areal_columns",
    "areas_from_geometries",
    "check_geometries",
    "getis_ord",
    "local_moran",
    "spatial_weights",
]

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
    >>> import pandas as pd
    >>> from shapely.geometry import box
    >>> a = areas_from_geometries(["a", "b"], [box(0, 0, 1, 1), box(1, 0, 2, 1)],
    ...                           pd.DataFrame({"n": [3, 5]}))
    >>> a.data.to_dict("list")
    {'id': ['a', 'b'], 'n': [3, 5]}
    """
    import pandas as pd

    ids = [str(i) for i in ids]
    if len(ids) != len(geometries) or values is not None and len(values) != len(ids):
        raise InvalidParameterError(
            "The 'geometries' and 'values' parameters of areas_from_geometries must have one "
            f"entry per id. Got {len(ids)} ids, {len(geometries)} geometries and "
            f"{'no' if values is None else len(values)} value rows instead."
        )
    check_geometries(ids, geometries, source=source)
    data = pd.DataFrame({"id": ids})
    if values is not None:
        data = pd.concat([data, values.reset_index(drop=True)], axis=1)
    return AreaSet(data, tuple(geometries), crs, source)


def check_geometries(
    ids: Sequence[str], geometries: Sequence[Any], *, source: str | None = None
) -> None:
    """Refuse duplicated ids and geometries that are not valid non-empty polygons.

    The checks of :func:`areas_from_geometries`, without building a table (no pandas).

    Parameters
    ----------
    ids : sequence of str
        Unit identifiers.
    geometries : sequence of shapely geometries
        One per id.
    source : str, optional
        File named in the errors.

    Raises
    ------
    DataValidationError
        Every duplicated id, empty, non-polygon or invalid geometry, with its row.
    InvalidParameterError
        If the lengths differ.

    References
    ----------
    RFC 7946 §3.1.6 (GeoJSON polygons).
    """
    if len(ids) != len(geometries):
        raise InvalidParameterError(
            f"The 'geometries' parameter of check_geometries must have one entry per id. Got "
            f"{len(ids)} ids and {len(geometries)} geometries instead."
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


@dataclass(frozen=True)
class SpatialWeights:
    """Contiguity between areal units.

    Attributes
    ----------
    ids : tuple of str
        Unit ids, in the order of the rows and columns of ``matrix``.
    matrix : scipy.sparse.csr_array
        Binary *n* × *n* matrix, 1 where two units are neighbours, zero diagonal.
    contiguity : str
        ``"queen"`` or ``"rook"``.
    """

    ids: tuple
    matrix: Any
    contiguity: str

    @property
    def cardinalities(self) -> np.ndarray:
        """Number of neighbours of each unit."""
        return np.diff(self.matrix.indptr)

    @property
    def neighbors(self) -> dict[str, list[str]]:
        """Each unit's neighbours' ids, in the units' order."""
        m = self.matrix
        return {
            u: [self.ids[j] for j in m.indices[m.indptr[k] : m.indptr[k + 1]]]
            for k, u in enumerate(self.ids)
        }

    @property
    def islands(self) -> list[str]:
        """Ids of the units without neighbour."""
        return [self.ids[k] for k in np.flatnonzero(self.cardinalities == 0)]


def spatial_weights(
    areas: AreaSet, *, contiguity: str = "queen", islands: str = "raise"
) -> SpatialWeights:
    """Contiguity between the units: which polygons share a vertex (queen) or an edge (rook).

    Two units are neighbours when their boundaries share a vertex with exactly the same
    coordinates (queen) or two consecutive vertices (rook) — libpysal's ``Queen``/``Rook``
    definition, built with shapely and sorted incidences (:func:`contiguity_rows`, no per-unit
    loop), returned as a SciPy matrix.

    Parameters
    ----------
    areas : AreaSet
    contiguity : {"queen", "rook"}
        Queen: units sharing a point of their boundary; rook: sharing an edge.
    islands : {"raise", "keep"}
        What to do with units that have no neighbour: raise, or keep them (they then get no
        pseudo p-value: NaN).

    Returns
    -------
    SpatialWeights

    Raises
    ------
    InvalidParameterError
        For a bad option, or islands with ``islands="raise"``.

    References
    ----------
    Rey & Anselin (2007) for libpysal's vertex-based contiguity.
    """
    rows = contiguity_rows(
        tuple(areas.data["id"]), areas.geometries, contiguity=contiguity, islands=islands
    )
    from scipy import sparse

    n = rows.n
    matrix = sparse.csr_array((rows.data, rows.indices, rows.indptr), shape=(n, n))
    return SpatialWeights(tuple(areas.data["id"]), matrix, contiguity)


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
    import pandas as pd

    raw, ids = areas.data[column], areas.data["id"]
    y = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    return _checked_values(
        y, raw.iloc.__getitem__, ids.iloc.__getitem__, column, areas.source, func
    )


def _checked_values(y, raw_at, unit_at, column: str, source: str | None, func: str):
    """``y`` refused unless finite, varying and (Gi*) non-negative; ``raw_at(k)`` and
    ``unit_at(k)`` give unit *k*'s value as read and its id, for the messages."""
    if not np.isfinite(y).all():
        bad = int(np.flatnonzero(~np.isfinite(y))[0])
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "The value {value!r} of unit {unit!r} is not a number.",
                    value=raw_at(bad),
                    unit=unit_at(bad),
                ),
                file=source,
                row=bad + 1,
                column=column,
                fix=Message("Give every unit a value (0 for none)."),
            )
        )
    if np.ptp(y) == 0:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "Every unit has the same value {value:g}: no local statistic exists.",
                    value=float(y[0]),
                ),
                file=source,
                column=column,
                fix=Message("Analyse a value that varies across the units."),
            )
        )
    if func == "getis_ord" and (y < 0).any():
        bad = int(np.flatnonzero(y < 0)[0])
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "The value {value!r} of unit {unit!r} is negative; Gi* needs values >= 0.",
                    value=float(y[bad]),
                    unit=unit_at(bad),
                ),
                file=source,
                row=bad + 1,
                column=column,
                fix=Message("Analyse counts or other non-negative values."),
            )
        )
    return y


#: The public function of each statistic, named in the errors.
_FUNCS = {"gi": "getis_ord", "moran": "local_moran"}


def _check_run(statistic: str, permutations, draws, significance) -> str:
    func = _FUNCS[statistic]
    low = 0 if statistic == "gi" else 1
    check_number(permutations, "permutations", func=func, low=low, integer=True)
    check_option(draws, "draws", ("esda", "fast"), func=func)
    check_number(significance, "significance", func=func, low=0, high=1, closed="neither")
    return func


def areal_columns(
    statistic: str,
    ids: Sequence[str],
    geometries: Sequence[Any],
    values,
    *,
    column: str = "value",
    source: str | None = None,
    permutations: int = 999,
    significance: float = 0.05,
    seed: int | None = None,
    contiguity: str = "queen",
    islands: str = "raise",
    draws: str = "esda",
    progress: Progress | None = None,
) -> dict[str, Any]:
    """The table of :func:`getis_ord` or :func:`local_moran` as columns, without pandas.

    What the ``grappe spatial areal`` command computes on the arrays it reads; the two
    functions build their DataFrame from the same columns.

    Parameters
    ----------
    statistic : {"gi", "moran"}
        Getis–Ord :math:`G_i^*` or local Moran's :math:`I_i`.
    ids : sequence of str
        Unit ids.
    geometries : sequence of shapely geometries
        Their polygons (checked with :func:`check_geometries` beforehand).
    values : array-like of float
        The value of each unit.
    column : str
        Name of the value, for the messages.
    source : str, optional
        File named in the messages.
    permutations, significance, seed, contiguity, islands, draws, progress
        As :func:`getis_ord`.

    Returns
    -------
    dict of str to array
        The columns of :func:`getis_ord` (``statistic="gi"``) or :func:`local_moran`, in
        their order.

    Raises
    ------
    InvalidParameterError, DataValidationError
        As :func:`getis_ord` and :func:`local_moran`.

    References
    ----------
    Getis & Ord (1992); Anselin (1995); esda ``G_Local`` and ``Moran_Local`` (Rey & Anselin
    2007).
    """
    check_option(statistic, "statistic", tuple(_FUNCS), func="areal_columns")
    func = _check_run(statistic, permutations, draws, significance)
    y = np.asarray(values, dtype=float)
    y = _checked_values(y, y.__getitem__, ids.__getitem__, column, source, func)
    options = {"contiguity": contiguity, "islands": islands, "seed": seed, "draws": draws}
    return _columns(statistic, ids, geometries, y, permutations, significance, progress, options)


def _columns(statistic, ids, geometries, y, permutations, significance, progress, options):
    w = contiguity_rows(
        ids, geometries, contiguity=options["contiguity"], islands=options["islands"]
    )
    run = {"permutations": permutations, "seed": options["seed"], "draws": options["draws"]}
    if statistic == "gi":
        g = gi_star(y, w, progress=progress, **run)
        sig = g.p_sim < significance if permutations else g.p_norm < significance
        spot = np.where(
            sig & (g.z > 0), "hot", np.where(sig & (g.z < 0), "cold", "not significant")
        )
        return {
            "id": list(ids),
            "value": y,
            "g": g.g,
            "z": g.z,
            "p_norm": g.p_norm,
            "p_sim": g.p_sim,
            "spot": spot,
        }
    lm = moran_local(y, w, progress=progress, **run)
    quadrant = np.array([QUADRANTS.get(int(q), "none") for q in lm.quadrant])
    cluster = np.where(lm.p_sim < significance, quadrant, "not significant")
    return {
        "id": list(ids),
        "value": y,
        "i": lm.i,
        "z_sim": lm.z_sim,
        "p_sim": lm.p_sim,
        "quadrant": quadrant,
        "cluster": cluster,
    }


def _table(statistic: str, areas: AreaSet, column: str, options: dict) -> pd.DataFrame:
    import pandas as pd

    permutations, significance = options.pop("permutations"), options.pop("significance")
    func = _check_run(statistic, permutations, options["draws"], significance)
    y = _values(areas, column, func)
    progress = options.pop("progress")
    ids = list(areas.data["id"])
    columns = _columns(
        statistic, ids, areas.geometries, y, permutations, significance, progress, options
    )
    return pd.DataFrame(columns)


def getis_ord(
    areas: AreaSet,
    column: str,
    *,
    permutations: int = 999,
    significance: float = 0.05,
    seed: int | None = None,
    contiguity: str = "queen",
    islands: str = "raise",
    draws: str = "esda",
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Getis–Ord :math:`G_i^*` hot and cold spots of a value over areal units.

    Computed by :func:`grappe.spatial.lisa.gi_star` (NumPy, equal to esda's
    ``G_Local(star=True, transform="B")``) on binary contiguity with the unit itself included.

    Parameters
    ----------
    areas : AreaSet
    column : str
        Value column (e.g. establishment counts), non-negative.
    permutations : int
        Conditional permutations for the pseudo p-values (0: none, the spots then follow
        ``p_norm``).
    significance : float
        Threshold of ``p_sim`` for calling a unit hot or cold.
    seed : int or None, default None
        Seed of the permutations, in ``[0, 2**32)``.
        ``None`` draws fresh entropy (numpy's ``default_rng(None)``); pass an int to
        reproduce a result (the package's seed policy, see docs/architecture.md).
    contiguity, islands : str
        See :func:`spatial_weights`.
    draws : {"esda", "fast"}
        Stream of the permutations: esda's for the same seed (equal draw for draw), or a
        faster one for very many units (see :func:`grappe.spatial.lisa.permutation_table`).
    progress : callable, optional
        ``progress(done, total)`` as groups of units are finished.

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
    current "directed" convention; a two-sided p-value is about twice as large). A unit
    without neighbour (``islands="keep"``) has no ``p_sim`` (NaN, never significant).

    References
    ----------
    Getis & Ord (1992); Ord & Getis (1995); esda ``G_Local`` (Rey & Anselin 2007).
    """
    options = {"permutations": permutations, "significance": significance, "seed": seed}
    options |= {"contiguity": contiguity, "islands": islands, "draws": draws}
    return _table("gi", areas, column, options | {"progress": progress})


def local_moran(
    areas: AreaSet,
    column: str,
    *,
    permutations: int = 999,
    significance: float = 0.05,
    seed: int | None = None,
    contiguity: str = "queen",
    islands: str = "raise",
    draws: str = "esda",
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Local Moran's :math:`I_i` clusters and outliers of a value over areal units.

    Computed by :func:`grappe.spatial.lisa.moran_local` (NumPy, equal to esda's
    ``Moran_Local``) on row-standardised contiguity.

    Parameters
    ----------
    areas, column, permutations, significance, seed, contiguity, islands, draws, progress
        As :func:`getis_ord` (``permutations`` at least 1).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``value``, ``i`` (:math:`I_i`), ``z_sim`` (:math:`I_i` standardised by the
        permutations' mean and standard deviation), ``p_sim``, ``quadrant``
        (``"high-high"``, ``"low-high"``, ``"low-low"``, ``"high-low"``) and ``cluster`` (the
        quadrant where ``p_sim`` < ``significance``, else ``"not significant"``).

    Raises
    ------
    InvalidParameterError, DataValidationError

    Notes
    -----
    ``p_sim`` is esda's pseudo p-value of conditional permutations, ``(1 + k) / (1 + P)``
    with ``k`` the permutations at least as extreme in the observed direction (esda's
    current "directed" convention; a two-sided p-value is about twice as large). A
    permutation whose lag equals the observed one counts as "at least as extreme", exactly
    (esda compares two differently rounded floats there; see docs/spatial.md).

    References
    ----------
    Anselin (1995); esda ``Moran_Local`` (Rey & Anselin 2007).
    """
    options = {"permutations": permutations, "significance": significance, "seed": seed}
    options |= {"contiguity": contiguity, "islands": islands, "draws": draws}
    return _table("moran", areas, column, options | {"progress": progress})
