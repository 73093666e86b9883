"""What a region could grow next: relatedness density of the activities it lacks (no I/O).

:func:`related_table` ranks the clusters (or industries) in which a region is not specialised
by their relatedness density [1]_ and explains each suggestion: its distance (1 − density),
its complexity outlook gain [2]_ and the activity of the region it is closest to. Clusters are
formed from the table's industry codes by the mapping's own code-to-cluster step
(:func:`grappe.mapping.industry_clusters`, through :func:`region_unit_matrix`), so definitions
given by prefix codes (NAICS ``3361`` for every motor-vehicle industry) cover the same rows as
in ``grappe map``. Relatedness is the co-location proximity of the specialisation matrix, or,
given input–output flows, its combination with input–output relatedness [3]_.

References
----------
.. [1] Hidalgo, C. A., Klinger, B., Barabási, A.-L., & Hausmann, R. (2007). The product space
   conditions the development of nations. *Science*, 317(5837), 482–487.
.. [2] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*. MIT
   Press, technical box 5.1.
.. [3] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related
   industries. *Journal of Economic Geography*, 16(1), 1–38.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_number, check_option
from grappe.codes import nested_pairs
from grappe.complexity._matrix import pivot_long
from grappe.complexity.eci import eci_pci
from grappe.complexity.io_relatedness import (
    combined_relatedness,
    group_relatedness,
    io_relatedness,
)
from grappe.complexity.outlook import complexity_outlook
from grappe.complexity.relatedness import proximity, relatedness_density
from grappe.complexity.specialisation import binary_specialisation, rca
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.i18n import Message
from grappe.mapping import industry_clusters
from grappe.model import ClusterDefinitions, RegionalTable

__all__ = [
    "CLUSTER_TYPES",
    "RELATED_LEVELS",
    "UNIT_MEASURES",
    "find_region",
    "region_unit_matrix",
    "related_table",
]

#: What :func:`related_table` ranks: clusters of a definitions set, or industries.
RELATED_LEVELS: tuple[str, ...] = ("cluster", "industry")

#: Which clusters are ranked: the traded ones (the default, as the European Cluster
#: Observatory does: local clusters serve the local market and exist everywhere), or all.
CLUSTER_TYPES: tuple[str, ...] = ("traded", "all")

#: The columns of a :class:`~grappe.model.RegionalTable` that :func:`region_unit_matrix` sums.
UNIT_MEASURES: tuple[str, ...] = ("employment", "establishments", "payroll")


def region_unit_matrix(
    table: RegionalTable,
    *,
    year: int | None = None,
    definitions: ClusterDefinitions | None = None,
    digits: int | None = None,
    cluster_type: str = "all",
    measure: str = "employment",
    func: str = "region_unit_matrix",
) -> tuple[pd.DataFrame, pd.Series]:
    """Regions × units (clusters, or industries of one code length) for one year.

    Parameters
    ----------
    table : RegionalTable
        Regional statistics by region × industry × year.
    year : int, optional
        Year of the table (default: the latest).
    definitions : ClusterDefinitions, optional
        Units are its clusters (industry codes assigned as :func:`~grappe.mapping.map_clusters`
        does, prefix rules included). Without it, units are the industries.
    digits : int, optional
        Without ``definitions``: keep the industries whose code has this many characters
        (default: every code, which must then be of one level: nested codes are refused).
    cluster_type : {"all", "traded"}, default "all"
        With ``definitions``: keep every cluster, or only the traded ones.
    measure : {"employment", "establishments", "payroll"}, default "employment"
        The column summed.
    func : str
        Name of the calling function, for messages.

    Returns
    -------
    matrix : DataFrame
        Regions × units, float64; cells without a row are 0, and a cell summing only
        missing values (e.g. no establishment counts) is NaN.
    cluster_of : Series
        The unit of each industry code used (index ``industry``).

    Raises
    ------
    InvalidParameterError
        If an option is not valid, the year is not in the table, no row falls in a unit, or
        codes of several levels are mixed without ``definitions`` or ``digits``.
    DataValidationError
        From :func:`~grappe.mapping.industry_clusters` when the covered codes nest.

    Examples
    --------
    >>> rows = pd.DataFrame({
    ...     "region": list("AABB"), "industry": ["11", "22"] * 2, "year": 2020,
    ...     "employment": [1.0, 2.0, 3.0, 4.0], "establishments": 1.0,
    ...     "payroll": 1.0, "withheld": False})
    >>> region_unit_matrix(RegionalTable(rows))[0].to_numpy().tolist()
    [[1.0, 2.0], [3.0, 4.0]]
    """
    if not isinstance(table, RegionalTable):
        raise InvalidParameterError(
            f"The 'table' parameter of {func} must be a RegionalTable. "
            f"Got {type(table).__name__} instead."
        )
    check_option(cluster_type, "cluster_type", CLUSTER_TYPES, func=func)
    check_option(measure, "measure", UNIT_MEASURES, func=func)
    if digits is not None:
        check_number(digits, "digits", func=func, low=1, integer=True)
    data = _one_year(table, year, func=func)
    codes = data["industry"].astype(str)
    if definitions is not None:
        if not isinstance(definitions, ClusterDefinitions):
            raise InvalidParameterError(
                f"The 'definitions' parameter of {func} must be a ClusterDefinitions. "
                f"Got {type(definitions).__name__} instead."
            )
        cluster_of = industry_clusters(table, definitions)
        if cluster_type == "traded":
            clusters = definitions.clusters.astype(str)
            traded = set(clusters.loc[clusters["cluster_type"] == "traded", "cluster"])
            cluster_of = cluster_of[cluster_of.isin(traded)]
        units = codes.map(cluster_of)
    else:
        keep = codes.str.len() == digits if digits is not None else codes.notna()
        if digits is None:
            nested = nested_pairs(pd.unique(codes), table.classification)
            if nested:
                raise InvalidParameterError(
                    Message(
                        "The {name!r} parameter of {func} must be given when the table's codes "
                        "mix levels ({outer!r} contains {inner!r}): summing them would count jobs "
                        "twice. Got None instead.",
                        name="digits",
                        func=func,
                        outer=nested[0][0],
                        inner=nested[0][1],
                    )
                )
        units = codes.where(keep)
        cluster_of = pd.Series(
            pd.unique(codes[keep]), index=pd.Index(pd.unique(codes[keep]), name="industry")
        )
    long = (
        data.assign(unit=units)
        .dropna(subset=["unit"])
        .groupby(["region", "unit"], observed=True, as_index=False)[measure]
        .sum(min_count=1)
    )
    if long.empty:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} has no cluster data in {year}. "
                "Got no industry code matching the definitions or the number of digits instead.",
                name="table",
                func=func,
                year=int(data["year"].iloc[0]),
            )
            if definitions is not None
            else Message(
                "The {name!r} parameter of {func} has no industry data in {year}. "
                "Got no industry code matching the definitions or the number of digits instead.",
                name="table",
                func=func,
                year=int(data["year"].iloc[0]),
            )
        )
    return pivot_long(long, rows="region", cols="unit", values=measure), cluster_of


def related_table(
    table: RegionalTable,
    region: str,
    *,
    level: str = "cluster",
    definitions: ClusterDefinitions | None = None,
    digits: int = 4,
    top: int = 10,
    year: int | None = None,
    cluster_type: str = "traded",
    names: Mapping[str, str] | None = None,
    io_flows: pd.DataFrame | None = None,
    io_weight: float = 0.5,
) -> pd.DataFrame:
    """The activities with the highest relatedness density that ``region`` is not specialised in,
    each with what explains it.

    Parameters
    ----------
    table : RegionalTable
        Regional employment by region × industry × year.
    region : str
        Region code, or a region name of ``table.region_names`` (case-insensitive).
    level : {"cluster", "industry"}, default "cluster"
        Rank the clusters of ``definitions`` (industry codes assigned as
        :func:`~grappe.mapping.map_clusters` does, prefix rules included), or the industries
        whose code has ``digits`` characters.
    definitions : ClusterDefinitions, optional
        Needed for ``level="cluster"``.
    digits : int, default 4
        Code length of the industries for ``level="industry"``.
    top : int, default 10
        Number of rows.
    year : int, optional
        Year of the table to use (default: the latest).
    cluster_type : {"traded", "all"}, default "traded"
        At ``level="cluster"``: rank the traded clusters only (specialisation, proximity and
        complexity are then computed among them), or every cluster.
    names : mapping of str to str, optional
        Names of the industries at ``level="industry"`` (e.g. the NAICS titles); a code
        without a name is shown as itself. Cluster names come from ``definitions``.
    io_flows : DataFrame, optional
        Square seller × buyer flows between industry codes of the table (e.g. from
        :func:`grappe.io.complexity.read_bea_naics_flows`). When given, the relatedness is the
        combination (:func:`~grappe.complexity.combined_relatedness`) of the input–output
        relatedness (:func:`~grappe.complexity.io_relatedness`, averaged over the industry
        pairs of two clusters by :func:`~grappe.complexity.group_relatedness`) and the
        co-location proximity; units without any flow have input–output relatedness 0.
    io_weight : float, default 0.5
        Weight of the input–output relatedness in the combination, in [0, 1] (1: input–output
        only; the co-location proximity gets ``1 - io_weight``).

    Returns
    -------
    pandas.DataFrame
        ``code``; ``name`` (the cluster or industry name, the code when there is none);
        ``density`` (relatedness density of the region, 0–1); ``distance`` (1 − density);
        ``cog`` (complexity outlook gain: how much entering the unit would raise the region's
        complexity outlook, on the ECI scale; NaN when the region has no specialisation);
        ``closest`` (the name of the unit the region is specialised in that is most related
        to this one; empty when none is related to it at all); ``lq`` (location quotient
        among the units ranked); ``employment``.
        Only units with LQ < 1, sorted by density then LQ, at most ``top`` rows.

    Raises
    ------
    InvalidParameterError
        If ``level``, ``digits``, ``top``, ``year``, ``cluster_type`` or ``io_weight`` is not
        valid, ``definitions`` is missing for ``level="cluster"``, no row of the table falls in
        a unit, or ``io_flows`` shares no industry with the table.
    NotFoundError
        If ``region`` is neither a region code nor a region name of the table.
    DataValidationError
        From :func:`~grappe.mapping.industry_clusters`, when the covered codes nest (a prefix
        rule on a table with several code levels).

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.model import RegionalTable
    >>> rows = pd.DataFrame({
    ...     "region": list("AABBCC"), "industry": ["1111", "2222"] * 3, "year": 2020,
    ...     "employment": [90.0, 10.0, 50.0, 50.0, 10.0, 90.0], "establishments": 1.0,
    ...     "payroll": 1.0, "withheld": False})
    >>> related_table(RegionalTable(rows), "A", level="industry")[["code", "lq"]].round(2)
       code   lq
    0  2222  0.2

    References
    ----------
    .. [1] Hidalgo, C. A., Klinger, B., Barabási, A.-L., & Hausmann, R. (2007). The product
       space conditions the development of nations. *Science*, 317(5837), 482–487.
    .. [2] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
       MIT Press.
    """
    func = "related_table"
    if not isinstance(table, RegionalTable):
        raise InvalidParameterError(
            f"The 'table' parameter of {func} must be a RegionalTable. "
            f"Got {type(table).__name__} instead."
        )
    check_option(level, "level", RELATED_LEVELS, func=func)
    check_option(cluster_type, "cluster_type", CLUSTER_TYPES, func=func)
    check_number(top, "top", func=func, low=1, integer=True)
    check_number(digits, "digits", func=func, low=1, integer=True)
    check_number(io_weight, "io_weight", func=func, low=0.0, high=1.0)
    if level == "cluster":
        if not isinstance(definitions, ClusterDefinitions):
            raise InvalidParameterError(
                f"The 'definitions' parameter of {func} must be a ClusterDefinitions for "
                f"level='cluster'. Got {type(definitions).__name__} instead."
            )
        clusters = definitions.clusters.astype(str)
        unit_names = dict(zip(clusters["cluster"], clusters["cluster_name"], strict=True))
    else:
        definitions, unit_names = None, dict(names or {})
    try:
        X, cluster_of = region_unit_matrix(
            table,
            year=year,
            definitions=definitions,
            digits=None if level == "cluster" else digits,
            cluster_type=cluster_type,
            func=func,
        )
    except InvalidParameterError as exc:
        if "has no" not in str(exc):
            raise
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} found no {level} data in the table. "
                "Got no industry code matching the definitions or the number of digits instead.",
                name="level",
                func=func,
                level=level,
            )
        ) from None
    X = X.fillna(0.0)
    code = find_region(table, region, among=X.index)
    M = binary_specialisation(X, missing="zero")
    phi = proximity(M, diagonal=0.0)
    if io_flows is not None:
        phi = _with_io(phi, io_flows, cluster_of if level == "cluster" else None, io_weight)
    density = relatedness_density(M, phi=phi)
    lq = rca(X, missing="zero")
    own = M.loc[code].to_numpy() > 0
    label = [unit_names.get(str(c), str(c)) for c in X.columns]
    out = pd.DataFrame(
        {
            "code": X.columns.astype(str),
            "name": label,
            "density": density.loc[code].to_numpy(),
            "distance": 1.0 - density.loc[code].to_numpy(),
            "cog": _gain(M, phi, code),
            "closest": _closest(phi.to_numpy(), own, label),
            "lq": lq.loc[code].to_numpy(),
            "employment": X.loc[code].to_numpy(),
        }
    )
    out = out[~own]
    return out.sort_values(["density", "lq"], ascending=False).head(top).reset_index(drop=True)


def _with_io(
    phi: pd.DataFrame, flows: pd.DataFrame, cluster_of: pd.Series | None, weight: float
) -> pd.DataFrame:
    """Co-location proximity combined with input–output relatedness of the same units."""
    func = "related_table"
    rel = io_relatedness(flows)
    if cluster_of is not None:
        groups = cluster_of[cluster_of.index.isin(rel.index)]
        if groups.empty:
            raise InvalidParameterError(
                Message(
                    "The {name!r} parameter of {func} must share industry codes with the "
                    "table. Got codes such as {codes} instead.",
                    name="io_flows",
                    func=func,
                    codes=list(map(str, rel.index[:3])),
                )
            )
        rel = group_relatedness(rel, groups)
    units = phi.index
    if not units.isin(rel.index).any():
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must share industry codes with the "
                "table. Got codes such as {codes} instead.",
                name="io_flows",
                func=func,
                codes=list(map(str, rel.index[:3])),
            )
        )
    # a unit without any flow in the table is unrelated by input–output links, not unknown
    io_units = rel.reindex(index=units, columns=units).fillna(0.0)
    return combined_relatedness(
        {"io": io_units, "colocation": phi}, weights={"io": weight, "colocation": 1.0 - weight}
    )


def _gain(M: pd.DataFrame, phi: pd.DataFrame, code: str) -> np.ndarray:
    """Complexity outlook gain of ``code`` for every unit (NaN where it cannot be computed)."""
    rows = M.index[M.sum(axis=1) > 0]
    cols = M.columns[M.sum(axis=0) > 0]
    out = pd.Series(np.nan, index=M.columns)
    if code not in rows or len(rows) < 2 or len(cols) < 2:
        return out.to_numpy()
    sub = M.loc[rows, cols]
    outlook = complexity_outlook(sub, eci_pci(sub), phi.loc[cols, cols])
    out.loc[cols] = outlook.cog.loc[code].to_numpy()
    return out.to_numpy()


def _closest(phi: np.ndarray, own: np.ndarray, labels: list[str]) -> list[str]:
    """For each unit, the unit the region is specialised in that is most related to it."""
    if not own.any():
        return [""] * len(labels)
    owned = np.flatnonzero(own)
    best = owned[np.argmax(phi[owned, :], axis=0)]
    related = phi[owned, :].max(axis=0) > 0  # a unit related to none of them has no closest
    return [labels[i] if ok else "" for i, ok in zip(best, related, strict=True)]


def find_region(table: RegionalTable, region: str, *, among: Any = None) -> str:
    """The code of ``region``, given as a code or an exact (case-insensitive) region name.

    Parameters
    ----------
    table : RegionalTable
        The table whose regions and region names are searched.
    region : str
        Region code or name.
    among : sequence of str, optional
        The codes to accept (default: the regions of ``table``).

    Returns
    -------
    str
        The region code.

    Raises
    ------
    NotFoundError
        If ``region`` is neither an accepted code nor the name of one.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.model import RegionalTable
    >>> rows = pd.DataFrame({"region": ["06"], "industry": ["11"], "year": 2020,
    ...     "employment": 1.0, "establishments": 1.0, "payroll": 1.0, "withheld": False})
    >>> find_region(RegionalTable(rows, region_names={"06": "California"}), "california")
    '06'
    """
    index = pd.Index(table.regions if among is None else among)
    if region in index:
        return str(region)
    by_name = {str(v).lower(): k for k, v in table.region_names.items()}
    code = by_name.get(str(region).lower())
    if code is not None and code in index:
        return str(code)
    raise NotFoundError(
        Message(
            "Region {region!r} is not in the table; use a region code such as "
            "{codes} or an exact region name.",
            region=region,
            codes=", ".join(map(str, index[:5])),
        )
    )


def _one_year(table: RegionalTable, year: int | None, *, func: str) -> pd.DataFrame:
    """The rows of ``year`` (default the latest year of the table)."""
    if year is None:
        year = max(table.years)
    elif year not in table.years:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a year of the table {years}. "
                "Got {value!r} instead.",
                name="year",
                func=func,
                years=list(table.years),
                value=year,
            )
        )
    data = table.data
    return data[data["year"] == year]
