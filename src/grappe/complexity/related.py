"""What a region could grow next: relatedness density of the activities it lacks (no I/O).

:func:`related_table` ranks the clusters (or industries) in which a region is not specialised
by their relatedness density [1]_. Clusters are formed from the table's industry codes by the
mapping's own code-to-cluster step (:func:`grappe.mapping.industry_clusters`), so definitions
given by prefix codes (NAICS ``3361`` for every motor-vehicle industry) cover the same rows as
in ``grappe map``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from grappe._validation import check_number, check_option
from grappe.complexity._matrix import pivot_long
from grappe.complexity.relatedness import relatedness_density
from grappe.complexity.specialisation import binary_specialisation, rca
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.mapping import industry_clusters
from grappe.model import ClusterDefinitions, RegionalTable

__all__ = ["RELATED_LEVELS", "find_region", "related_table"]

#: What :func:`related_table` ranks: clusters of a definitions set, or industries.
RELATED_LEVELS: tuple[str, ...] = ("cluster", "industry")


def related_table(
    table: RegionalTable,
    region: str,
    *,
    level: str = "cluster",
    definitions: ClusterDefinitions | None = None,
    digits: int = 4,
    top: int = 10,
    year: int | None = None,
) -> pd.DataFrame:
    """The activities with the highest relatedness density that ``region`` is not specialised in.

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

    Returns
    -------
    pandas.DataFrame
        ``code``, ``name`` (the cluster name, empty for industries), ``density`` (relatedness
        density of the region, 0–1), ``lq`` (location quotient among the units ranked),
        ``employment``; only units with LQ < 1, sorted by density then LQ, at most ``top`` rows.

    Raises
    ------
    InvalidParameterError
        If ``level``, ``digits``, ``top`` or ``year`` is not valid, ``definitions`` is missing
        for ``level="cluster"``, or no row of the table falls in a cluster (or has ``digits``
        characters).
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
    """
    func = "related_table"
    if not isinstance(table, RegionalTable):
        raise InvalidParameterError(
            f"The 'table' parameter of {func} must be a RegionalTable. "
            f"Got {type(table).__name__} instead."
        )
    check_option(level, "level", RELATED_LEVELS, func=func)
    check_number(top, "top", func=func, low=1, integer=True)
    check_number(digits, "digits", func=func, low=1, integer=True)
    data = _one_year(table, year, func=func)
    if level == "cluster":
        if not isinstance(definitions, ClusterDefinitions):
            raise InvalidParameterError(
                f"The 'definitions' parameter of {func} must be a ClusterDefinitions for "
                f"level='cluster'. Got {type(definitions).__name__} instead."
            )
        cluster_of = industry_clusters(table, definitions)
        units = data["industry"].astype(str).map(cluster_of)
        long = (
            data.assign(unit=units)
            .dropna(subset=["unit"])
            .groupby(["region", "unit"], observed=True, as_index=False)["employment"]
            .sum()
        )
        clusters = definitions.clusters.astype(str)
        names = dict(zip(clusters["cluster"], clusters["cluster_name"], strict=True))
    else:
        sub = data[data["industry"].astype(str).str.len() == digits]
        long = sub.rename(columns={"industry": "unit"})[["region", "unit", "employment"]]
        names = {}
    if long.empty:
        raise InvalidParameterError(
            f"The 'level' parameter of {func} found no {level} data in the table. "
            "Got no industry code matching the definitions or the number of digits instead."
        )
    X = pivot_long(long, rows="region", cols="unit", values="employment")
    code = find_region(table, region, among=X.index)
    M = binary_specialisation(X, missing="zero")
    density = relatedness_density(M)
    lq = rca(X, missing="zero")
    out = pd.DataFrame(
        {
            "code": X.columns.astype(str),
            "name": [names.get(str(c), "") for c in X.columns],
            "density": density.loc[code].to_numpy(),
            "lq": lq.loc[code].to_numpy(),
            "employment": X.loc[code].to_numpy(),
            "specialised": M.loc[code].to_numpy() > 0,
        }
    )
    out = out[~out["specialised"]].drop(columns="specialised")
    return out.sort_values(["density", "lq"], ascending=False).head(top).reset_index(drop=True)


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
        f"Region {region!r} is not in the table; use a region code such as "
        f"{', '.join(map(str, index[:5]))} or an exact region name."
    )


def _one_year(table: RegionalTable, year: int | None, *, func: str) -> pd.DataFrame:
    """The rows of ``year`` (default the latest year of the table)."""
    if year is None:
        year = max(table.years)
    elif year not in table.years:
        raise InvalidParameterError(
            f"The 'year' parameter of {func} must be a year of the table {list(table.years)}. "
            f"Got {year!r} instead."
        )
    data = table.data
    return data[data["year"] == year]
