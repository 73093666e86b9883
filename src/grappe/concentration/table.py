"""One concentration index of a regional table, as one tidy table (no I/O).

:func:`concentration_table` turns a :class:`~grappe.model.RegionalTable` into the region ×
unit matrix the index needs — units are the industries of one code length, or the clusters of
a definitions set (industry codes assigned by the mapping's own step, prefix rules included)
— and returns the index as a labelled table. It is what ``grappe concentration`` calls.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from grappe._validation import check_number, check_option
from grappe.complexity.related import region_unit_matrix
from grappe.concentration.agglomeration import (
    coagglomeration,
    ellison_glaeser,
    entropy_decomposition,
    shift_share,
)
from grappe.concentration.indices import herfindahl, hoover, krugman, locational_gini
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.model import ClusterDefinitions, RegionalTable

__all__ = ["CONCENTRATION_INDICES", "INDEX_INPUTS", "concentration_table"]

#: The indices of :func:`concentration_table`.
CONCENTRATION_INDICES: tuple[str, ...] = (
    "hoover",
    "gini",
    "krugman",
    "hhi",
    "entropy",
    "eg",
    "coagglomeration",
    "shift-share",
)

#: What each index needs from the table, and what one row of its result is.
INDEX_INPUTS: dict[str, str] = {
    "hoover": "employment of one year; one row per unit (or per region with by='region')",
    "gini": "employment of one year; one row per unit (locational Gini)",
    "krugman": "employment of one year; one row per region",
    "hhi": "employment of one year; one row per unit (or per region with by='region')",
    "entropy": "employment of one year by industry, grouped by cluster (with definitions) or "
    "by code prefix; one row per region",
    "eg": "employment and establishment counts of one year; one row per unit",
    "coagglomeration": "employment of one year; one row per pair of units",
    "shift-share": "employment of two years (start, end); one row per region × unit",
}

_FUNC = "concentration_table"


def concentration_table(
    table: RegionalTable,
    *,
    index: str,
    year: int | None = None,
    start: int | None = None,
    end: int | None = None,
    definitions: ClusterDefinitions | None = None,
    digits: int | None = None,
    by: str = "unit",
    group_digits: int = 2,
    names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One concentration, specialisation or agglomeration index of a regional table.

    Parameters
    ----------
    table : RegionalTable
        Regional statistics by region × industry × year.
    index : {"hoover", "gini", "krugman", "hhi", "entropy", "eg", "coagglomeration", \
"shift-share"}
        The index (see :data:`INDEX_INPUTS` for what each needs): Hoover's dissimilarity
        (:func:`~grappe.concentration.hoover`), the locational Gini
        (:func:`~grappe.concentration.locational_gini`), Krugman's specialisation
        (:func:`~grappe.concentration.krugman`, against the rest of the regions), the
        Herfindahl–Hirschman index (:func:`~grappe.concentration.herfindahl`, raw and
        normalised), the entropy decomposition of each region's industry mix
        (:func:`~grappe.concentration.entropy_decomposition`), Ellison–Glaeser's γ
        (:func:`~grappe.concentration.ellison_glaeser`), the Ellison–Glaeser–Kerr
        co-agglomeration of every pair of units (:func:`~grappe.concentration.coagglomeration`)
        or the shift-share decomposition of the change from ``start`` to ``end``
        (:func:`~grappe.concentration.shift_share`).
    year : int, optional
        Year of the single-year indices (default: the latest). Not for ``"shift-share"``.
    start, end : int, optional
        First and last year of ``"shift-share"`` (``start < end``); required for it only.
    definitions : ClusterDefinitions, optional
        Units are its clusters; for ``"entropy"``, the industries covered, grouped by cluster.
    digits : int, optional
        Without ``definitions``: units are the industries whose code has this many characters
        (default: every code, which must then be of one level).
    by : {"unit", "region"}, default "unit"
        For ``"hoover"`` and ``"hhi"``: the concentration of each unit across regions, or the
        specialisation of each region across units.
    group_digits : int, default 2
        For ``"entropy"`` without ``definitions``: industries are grouped by their first
        ``group_digits`` characters (2: the NAICS sectors).
    names : mapping of str to str, optional
        Names of the industries (clusters are named by ``definitions``).

    Returns
    -------
    pandas.DataFrame
        Per unit: ``unit``, ``unit_name``, then the index columns; per region (``"krugman"``,
        ``"entropy"``, ``by="region"``): ``region``, ``region_name``, then the index columns;
        ``"coagglomeration"``: ``unit_a``, ``unit_b``, their names, ``coagglomeration``
        (each pair once, highest first); ``"shift-share"``: ``region``, ``region_name``,
        ``unit``, ``unit_name``, ``employment_start``, ``employment_end``, ``change``,
        ``national``, ``industry_mix``, ``regional``. Every table has a ``year`` column
        (``start`` and ``end`` for shift-share). ``"eg"`` adds ``establishments`` and
        ``H = 1 / establishments``, the equal-size lower bound of the plant Herfindahl, which
        overstates γ (Ellison & Glaeser 1997); units with fewer than 2 establishments get NaN.

    Raises
    ------
    InvalidParameterError
        For an unknown index or option, a year not in the table, ``start``/``end`` missing
        or misordered for ``"shift-share"`` or given for another index.
    DataValidationError
        For ``"eg"`` on a table without an establishment count in every row of the year.

    Examples
    --------
    >>> rows = pd.DataFrame({
    ...     "region": list("AABB"), "industry": ["11", "22"] * 2, "year": 2020,
    ...     "employment": [10.0, 0.0, 10.0, 20.0], "establishments": 1.0,
    ...     "payroll": 1.0, "withheld": False})
    >>> concentration_table(RegionalTable(rows), index="hoover")[["unit", "hoover"]]
      unit  hoover
    0   11    0.25
    1   22    0.25

    References
    ----------
    .. [1] Hoover, E. M. (1936). The measurement of industrial localization. *Review of
       Economics and Statistics*, 18(4), 162–171.
    .. [2] Krugman, P. (1991). *Geography and Trade*. MIT Press.
    .. [3] Ellison, G., & Glaeser, E. L. (1997). Geographic concentration in U.S.
       manufacturing industries: a dartboard approach. *Journal of Political Economy*,
       105(5), 889–927.
    .. [4] Ellison, G., Glaeser, E. L., & Kerr, W. R. (2010). What causes industry
       agglomeration? *American Economic Review*, 100(3), 1195–1213.
    .. [5] Dunn, E. S. (1960). A statistical and analytical technique for regional analysis.
       *Papers of the Regional Science Association*, 6, 97–112.
    """
    if not isinstance(table, RegionalTable):
        raise InvalidParameterError(
            f"The 'table' parameter of {_FUNC} must be a RegionalTable. "
            f"Got {type(table).__name__} instead."
        )
    check_option(index, "index", CONCENTRATION_INDICES, func=_FUNC)
    check_option(by, "by", ("unit", "region"), func=_FUNC)
    check_number(group_digits, "group_digits", func=_FUNC, low=1, integer=True)
    if by == "region" and index not in ("hoover", "hhi"):
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} applies to 'hoover' and 'hhi' only. "
                "Got by='region' with index={index!r} instead.",
                name="by",
                func=_FUNC,
                index=index,
            )
        )
    _check_years(table, index, year, start, end)
    unit_names = _unit_names(definitions, names)
    matrix = {
        "definitions": definitions,
        "digits": digits,
        "func": _FUNC,
    }
    if index == "shift-share":
        e0, _ = region_unit_matrix(table, year=start, **matrix)
        e1, _ = region_unit_matrix(table, year=end, **matrix)
        units = e0.columns.union(e1.columns, sort=False)
        regions = e0.index.union(e1.index, sort=False)
        e0 = e0.reindex(index=regions, columns=units).fillna(0.0)
        e1 = e1.reindex(index=regions, columns=units).fillna(0.0)
        out = shift_share(e0, e1).rename(columns={"industry": "unit"})
        out.insert(1, "region_name", [table.region_name(str(r)) for r in out["region"]])
        out.insert(3, "unit_name", [unit_names.get(str(u), str(u)) for u in out["unit"]])
        out.insert(0, "start", start)
        out.insert(1, "end", end)
        return out
    year = max(table.years) if year is None else year
    if index == "entropy":
        out = _entropy(table, year, definitions, digits, group_digits)
    else:
        X, _ = region_unit_matrix(table, year=year, **matrix)
        X = X.fillna(0.0)
        if index == "eg":
            out = _eg(table, X, year, definitions, digits)
        elif index == "coagglomeration":
            out = _pairs(coagglomeration(X), unit_names)
        elif index == "krugman":
            out = krugman(X).to_frame()
        elif index == "gini":
            out = locational_gini(X).to_frame()
        elif index == "hoover":
            out = hoover(X, by="industry" if by == "unit" else "region").to_frame()
        else:
            axis = "industry" if by == "unit" else "region"
            out = pd.concat(
                [
                    herfindahl(X, by=axis),
                    herfindahl(X, by=axis, normalised=True).rename("hhi_normalised"),
                ],
                axis=1,
            )
    per_region = index in ("krugman", "entropy") or by == "region"
    if index != "coagglomeration":
        key, label = ("region", "region_name") if per_region else ("unit", "unit_name")
        out = out.rename_axis(key).reset_index()
        out[key] = out[key].astype(str)
        label_of = table.region_name if per_region else (lambda u: unit_names.get(u, u))
        out.insert(1, label, [label_of(k) for k in out[key]])
    out.insert(0, "year", year)
    return out.reset_index(drop=True)


def _check_years(
    table: RegionalTable, index: str, year: int | None, start: int | None, end: int | None
) -> None:
    years = table.years
    if index == "shift-share":
        if year is not None:
            raise InvalidParameterError(
                Message(
                    "The {name!r} parameter of {func} does not apply to 'shift-share', which "
                    "compares 'start' and 'end'. Got year={year!r} instead.",
                    name="year",
                    func=_FUNC,
                    year=year,
                )
            )
        for name, value in (("start", start), ("end", end)):
            if value is None or value not in years:
                raise InvalidParameterError(
                    Message(
                        "The {name!r} parameter of {func} must be a year of the table "
                        "{years} for 'shift-share'. Got {value!r} instead.",
                        name=name,
                        func=_FUNC,
                        years=list(years),
                        value=value,
                    )
                )
        if start >= end:  # type: ignore[operator]
            raise InvalidParameterError(
                Message(
                    "The {name!r} parameter of {func} must be a year after 'start' ({start}). "
                    "Got {value!r} instead.",
                    name="end",
                    func=_FUNC,
                    start=start,
                    value=end,
                )
            )
        return
    if start is not None or end is not None:
        raise InvalidParameterError(
            Message(
                "The 'start' and 'end' parameters of {func} apply to 'shift-share' only. "
                "Got them with index={index!r} instead (use 'year').",
                func=_FUNC,
                index=index,
            )
        )
    if year is not None and year not in years:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a year of the table {years}. "
                "Got {value!r} instead.",
                name="year",
                func=_FUNC,
                years=list(years),
                value=year,
            )
        )


def _unit_names(
    definitions: ClusterDefinitions | None, names: Mapping[str, str] | None
) -> dict[str, str]:
    if definitions is None:
        return dict(names or {})
    clusters = definitions.clusters.astype(str)
    return dict(zip(clusters["cluster"], clusters["cluster_name"], strict=True))


def _pairs(matrix: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Each pair of distinct units once, highest co-agglomeration first."""
    i, j = np.triu_indices(matrix.shape[0], k=1)
    units = matrix.index.astype(str)
    out = pd.DataFrame(
        {
            "unit_a": units[i],
            "unit_a_name": [names.get(u, u) for u in units[i]],
            "unit_b": units[j],
            "unit_b_name": [names.get(u, u) for u in units[j]],
            "coagglomeration": matrix.to_numpy()[i, j],
        }
    )
    return out.sort_values("coagglomeration", ascending=False, kind="stable")


def _eg(
    table: RegionalTable,
    X: pd.DataFrame,
    year: int,
    definitions: ClusterDefinitions | None,
    digits: int | None,
) -> pd.DataFrame:
    """Ellison–Glaeser γ with H = 1 / establishments (refused without establishment counts)."""
    counts = table.data.loc[table.data["year"] == year, "establishments"]
    if counts.isna().any():
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "the Ellison–Glaeser index needs establishment counts (plant sizes), and the "
                    "table has none in {year}.",
                    year=year,
                )
                if counts.isna().all()
                else Message(
                    "the Ellison–Glaeser index needs establishment counts (plant sizes), and the "
                    "table lacks {count} of them in {year}.",
                    count=int(counts.isna().sum()),
                    year=year,
                ),
                file=table.source,
                column="establishments",
                fix=Message(
                    "give a table with an establishment count in every row (map its column "
                    "with --column FILE_COLUMN=establishments), or choose another index."
                ),
            )
        )
    by_unit, _ = region_unit_matrix(
        table,
        year=year,
        definitions=definitions,
        digits=digits,
        measure="establishments",
        func=_FUNC,
    )
    n = by_unit.fillna(0.0).sum(axis=0).reindex(X.columns)
    enough = (n >= 2).to_numpy()
    gamma = pd.DataFrame({"G": np.nan, "H": np.nan, "gamma": np.nan}, index=X.columns)
    if not enough.any():
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "no unit has 2 establishments or more in {year} (the most is {most:g}), so "
                    "the Ellison–Glaeser index is undefined for every unit (H = 1 / "
                    "establishments would be 1 or infinite).",
                    year=year,
                    most=n.max(),
                ),
                file=table.source,
                column="establishments",
                fix=Message(
                    "check that the establishments column holds counts of establishments, or "
                    "choose another index."
                ),
            )
        )
    if enough.any():
        # one establishment means H = 1, where gamma is undefined: those units stay NaN
        kept = X.columns[enough]
        gamma.loc[kept] = ellison_glaeser(X[kept], 1.0 / n[kept], reference=X.sum(axis=1))
    gamma.insert(0, "establishments", n.to_numpy())
    return gamma


def _entropy(
    table: RegionalTable,
    year: int,
    definitions: ClusterDefinitions | None,
    digits: int | None,
    group_digits: int,
) -> pd.DataFrame:
    """Entropy of each region's industries, between and within groups (clusters or prefixes)."""
    if definitions is None:
        X, _ = region_unit_matrix(table, year=year, digits=digits, func=_FUNC)
        groups: Mapping[str, str] | int = group_digits
    else:
        _, cluster_of = region_unit_matrix(table, year=year, definitions=definitions, func=_FUNC)
        X, _ = region_unit_matrix(table, year=year, func=_FUNC)
        X = X.loc[:, X.columns.astype(str).isin(cluster_of.index.astype(str))]
        groups = {str(k): str(v) for k, v in cluster_of.items()}
        X.columns = X.columns.astype(str)
    return entropy_decomposition(X.fillna(0.0), groups)
