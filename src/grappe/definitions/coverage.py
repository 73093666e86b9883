"""Coverage of a table's codes by cluster definitions, code by code, with their employment."""

from __future__ import annotations

import pandas as pd

from grappe.codes import code_level
from grappe.definitions._core import coverage_report, expand_definitions, require_type
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.model import ClusterDefinitions, RegionalTable

__all__ = ["coverage_by_code"]


def coverage_by_code(
    definitions: ClusterDefinitions, table: RegionalTable, *, year: int | None = None
) -> pd.DataFrame:
    """One row per industry code of a table: covered or not, its cluster and its employment.

    Parameters
    ----------
    definitions : ClusterDefinitions
        The cluster definitions (rules may be prefixes).
    table : RegionalTable
        The regional table whose codes are checked.
    year : int, optional
        Year whose employment is summed (default the latest of the table).

    Returns
    -------
    DataFrame
        Columns ``code``, ``level`` (see :func:`grappe.codes.code_level`), ``status``
        (``covered``, ``uncovered`` or ``duplicated``, as in
        :func:`grappe.definitions.coverage_report`), ``cluster`` (the first rule's cluster,
        NA when uncovered) and ``employment`` in ``year`` over all regions; uncovered codes
        first, largest employment first.

    Raises
    ------
    InvalidParameterError
        If ``year`` is not a year of the table, or ``definitions`` or ``table`` is of another
        type.

    Examples
    --------
    >>> from grappe.definitions import definitions_from_frame
    >>> rules = definitions_from_frame(pd.DataFrame({"code": ["311111"], "cluster": ["food"]}),
    ...                                classification="naics2017")
    >>> data = pd.DataFrame({"region": ["01", "01"], "industry": ["311111", "31-33"],
    ...                      "year": 2019, "employment": [5.0, 9.0], "establishments": 1.0,
    ...                      "payroll": 0.0, "withheld": False})
    >>> coverage_by_code(rules, RegionalTable(data, classification="naics2017")).to_dict("list")
    ... # doctest: +NORMALIZE_WHITESPACE
    {'code': ['31-33', '311111'], 'level': [2, 6], 'status': ['uncovered', 'covered'],
     'cluster': [None, 'food'], 'employment': [9.0, 5.0]}
    """
    require_type(definitions, ClusterDefinitions, "definitions", func="coverage_by_code")
    require_type(table, RegionalTable, "table", func="coverage_by_code")
    years = table.years
    if year is None and years:
        year = years[-1]
    elif year not in years:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a year of the table ({years}). "
                "Got {value!r} instead.",
                name="year",
                func="coverage_by_code",
                years=list(years),
                value=year,
            )
        )
    data = table.data
    codes = data["industry"].astype(str)
    jobs = data["employment"].where(data["year"] == year, 0.0).groupby(codes).sum()
    report = coverage_report(definitions, jobs.index)
    expanded = expand_definitions(definitions, jobs.index).data
    cluster = dict(zip(expanded["code"].astype(str), expanded["cluster"], strict=True))
    status = dict.fromkeys(report.covered, "covered")
    status |= dict.fromkeys(report.uncovered, "uncovered")
    status |= dict.fromkeys(report.duplicated, "duplicated")
    frame = pd.DataFrame(
        {
            "code": jobs.index,
            "level": [code_level(c, table.classification) for c in jobs.index],
            "status": [status.get(c, "uncovered") for c in jobs.index],
            "cluster": pd.array([cluster.get(c, pd.NA) for c in jobs.index], dtype="string"),
            "employment": jobs.to_numpy(dtype=float),
        }
    )
    frame["_first"] = frame["status"] != "uncovered"
    frame = frame.sort_values(["_first", "employment"], ascending=[True, False], kind="stable")
    return frame.drop(columns="_first").reset_index(drop=True)
