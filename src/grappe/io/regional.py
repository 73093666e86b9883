"""Read long tables of regional statistics (region × industry × year) into a RegionalTable.

One reader, :func:`read_regional_table`, for CSV (also gzip-compressed), Parquet and Excel
files. Validation is all-or-nothing: every problem found is collected and reported at once in a
:class:`~grappe.errors.DataValidationError` naming the file, the row, the column as named in the
file, and the fix.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_duplicates, check_option
from grappe.codes import CLASSIFICATIONS, classification_family, code_level
from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    ValidationIssue,
)
from grappe.i18n import Message
from grappe.io._keys import duplicate_issues, regional_keys, sum_repeats
from grappe.io._plausibility import (
    MAX_AMOUNT,
    MAX_COUNT,
    bound_fix,
    check_not_all_zero,
    too_large,
    year_issues,
)
from grappe.io._regional_checks import (
    _FUNC,
    _NUMERIC,
    FLAG_MIDPOINTS,
    FLAG_RANGES,
    WITHHELD_POLICIES,
    _code_issues,
    _missing,
    _rows,
    _within,
    region_year_groups,
    settle_withheld,
)
from grappe.io._select import breakdown_issue, check_where, select_rows, where_column_issues
from grappe.io._tables import (
    REQUIRED_COLUMNS,
    TABLE_COLUMNS,
    _check_ints,
    _check_path,
    _codes,
    _drop_unused,
    _file_columns,
    _flags,
    _mapping,
    _numbers,
    _read,
)
from grappe.io.files import ReadOptions
from grappe.io.presets import PRESETS
from grappe.mapping import MEASURES
from grappe.model import RegionalTable

__all__ = [
    "FLAG_MIDPOINTS",
    "FLAG_RANGES",
    "REQUIRED_COLUMNS",
    "TABLE_COLUMNS",
    "WITHHELD_POLICIES",
    "read_regional_table",
]


def read_regional_table(
    path: str | Path,
    *,
    source: str | None = None,
    columns: Mapping[str, str] | None = None,
    classification: str | None = None,
    region_type: str | None = None,
    withheld: str | None = None,
    years: Iterable[int] | None = None,
    levels: Iterable[int] | None = None,
    sheet: str | int | None = None,
    known_codes: Collection[str] | None = None,
    options: ReadOptions | None = None,
    duplicates: str = "raise",
    measure: str = "employment",
    where: Mapping[str, Any] | None = None,
) -> RegionalTable:
    """Read and validate a long table of regional statistics.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.csv.gz``, ``.parquet`` (``.pq``) or ``.xlsx`` file in long form: one row
        per region × industry × year.
    source : {"cbp", "eurostat"}, optional
        Preset of a well-known source. ``"cbp"``: US County Business Patterns as in
        ``grappe.io.bundled_cbp_state_path()`` — columns ``fips`` (counties) or ``state_fips``
        (states), ``naics``, ``year``, ``emp``, ``estab``, ``payann`` and optional ``empflag``;
        NAICS 2017; region names bundled; withheld cells are ``emp == 0`` with ``estab >= 3``.
        ``"eurostat"``: Eurostat's long tables — ``geo``, ``nace_r2`` (NACE Rev.2), ``time`` or
        ``year`` (or ``TIME_PERIOD``), ``values`` or ``value`` (or ``OBS_VALUE``), optional
        ``flag``; the ``unit`` column's value (``THS``: thousands) is recorded as the table's
        ``unit``, the values staying in it; the region type is ``nuts0``–``nuts3`` from the
        ``nuts_level`` column or the code's length (the finest level is kept, or the one
        ``region_type`` names); the ``NRP`` (no response) rows and the EU/EA aggregates are
        left out with a :class:`~grappe.errors.DataWarning`; ``:`` and empty values are
        withheld cells, dropped by default (``withheld="drop"``).
    columns : mapping, optional
        File column name → our name among ``region``, ``industry``, ``year``, ``employment``,
        ``establishments``, ``payroll``, ``flag``, ``region_name``. Without it, columns named
        as ours are used. It overrides the preset's mapping.
    classification : str, optional
        Classification of the industry codes (see :data:`grappe.codes.CLASSIFICATIONS`);
        default the preset's, else ``"custom"``. Codes are normalised and malformed ones refused.
    region_type : str, optional
        Kind of region (``"county"``, ``"wilaya"``, ``"nuts2"``…); default the preset's, else
        ``"region"``.
    withheld : {"raise", "drop", "keep_zero", "impute_flag_midpoint", "impute_residual"}, optional
        What to do with withheld employment cells (an empty employment cell, a size-class flag
        A–M, or a CBP zero): refuse the file, drop the rows, count them as 0 jobs, impute the
        midpoint of the flag's size class (:data:`FLAG_MIDPOINTS`), or impute from the code
        hierarchy — each parent's residual shared among its withheld children by establishment
        counts (:func:`grappe.withheld.impute_from_hierarchy`; needs an establishments column
        and a classification with levels). Default ``"impute_residual"`` for ``source="cbp"``
        (its files carry no flag column but establishment counts), ``"raise"`` otherwise.
    years : iterable of int, optional
        Years to keep; each must be present in the file.
    levels : iterable of int, optional
        Code levels to keep (e.g. ``(6,)`` for 6-digit NAICS); see :func:`grappe.codes.code_level`.
    sheet : str or int, optional
        Excel sheet (name or 0-based position); default the first.
    known_codes : collection of str, optional
        Code list of the classification; other codes are refused. Default the NAICS 2017 list
        for ``source="cbp"``, else no check.
    options : ReadOptions, optional
        Encoding, separator, decimal mark and thousands separator of a CSV file, and the
        number format of text cells in any file (default: detected; see
        :mod:`grappe.io.files`).
    duplicates : {"raise", "sum"}, default "raise"
        Rows repeating a (region, industry, year): refuse the file, naming the rows, or add
        them up (a sum with a withheld part stays withheld). See
        :data:`grappe._validation.DUPLICATE_POLICIES`.
    measure : {"employment", "establishments", "payroll"}, default "employment"
        The count the table will be mapped by (:func:`grappe.mapping.map_clusters`
        ``measure=``): this column is required instead of ``employment``. A file without an
        employment column (e.g. firm counts by region and sector) is then read with
        ``employment`` NaN in every row and no withheld cells (the withheld policies concern
        employment only).
    where : mapping, optional
        Row filter applied before any check: file column → a value or a list of values (as
        text: ``{"age": "Y_GE15", "nuts_level": 2}``); only the rows matching every column are
        read. A column not in the file, or a value absent from its column, is an error naming
        the values present.

    Returns
    -------
    RegionalTable
        ``region`` and ``industry`` as categoricals, ``year`` int16, counts float64, and the
        ``withheld`` flag of the cells that were withheld in the file (and kept). Under
        ``"impute_residual"`` an extra bool column ``imputed`` marks the withheld cells that
        were imputed; ``withheld & ~imputed`` are the unresolved ones, left at 0.

    Raises
    ------
    NotFoundError
        The file or the sheet does not exist.
    InvalidParameterError
        A parameter has an unsupported value (file type, policy, mapping…), or
        ``"impute_residual"`` with the ``"custom"`` classification.
    DataValidationError
        The file has missing columns, malformed or unknown codes, non-numeric, negative or
        implausibly large values (above :data:`~grappe.io._plausibility.MAX_COUNT` jobs or
        establishments, :data:`~grappe.io._plausibility.MAX_AMOUNT` of payroll, or infinite),
        impossible years (before 1800 or after next year), duplicate keys under
        ``duplicates="raise"``, missing requested years, withheld cells under ``"raise"``,
        employment that is 0 in every kept row, or, under ``"impute_residual"``, no
        establishments column or a withheld cell without one.

    Warns
    -----
    DataWarning
        When every employment cell of some regions, or of some years, is 0 (not all of them).

    Notes
    -----
    Rows are numbered as in the file: the header is row 1 for CSV and Excel; Parquet rows are
    numbered from 1. Rows outside ``years``/``levels`` are checked for their codes and years
    only (``"impute_residual"`` reads and checks all levels, imputes, then selects). The CBP
    files since 2017 have no flag column: ``"keep_zero"`` understates their withheld cells,
    ``"impute_residual"`` (their default) restores them from the parent codes [3]_.

    References
    ----------
    .. [1] U.S. Census Bureau, "County Business Patterns: record layouts" (``empflag``
       employment-size classes A–M).
    .. [2] Eckert, F., Fort, T. C., Schott, P. K. & Yang, N. J. (2020), "Imputing missing values
       in the US Census Bureau's County Business Patterns", NBER Working Paper 26632.
    .. [3] Isserman, A. M. & Westervelt, J. (2006), "1.5 million missing numbers: overcoming
       employment suppression in County Business Patterns data", International Regional
       Science Review 29(3), 311–335.

    Examples
    --------
    >>> from grappe.io import bundled_cbp_state_path, read_regional_table
    >>> table = read_regional_table(bundled_cbp_state_path(), source="cbp", levels=(0,))
    >>> table.region_type, table.years
    ('state', (2017, 2018, 2019, 2020, 2021))
    >>> round(table.data.query("year == 2019")["employment"].sum())
    132460602
    """
    path, fmt = _check_path(path)
    preset = None
    if source is not None:
        preset = PRESETS[check_option(source, "source", tuple(PRESETS), func=_FUNC)]
    default_policy = preset.withheld if preset else "raise"
    withheld = check_option(
        default_policy if withheld is None else withheld, "withheld", WITHHELD_POLICIES, func=_FUNC
    )
    classification = check_option(
        classification or (preset.classification if preset else "custom"),
        "classification",
        CLASSIFICATIONS,
        func=_FUNC,
    )
    duplicates = check_duplicates(duplicates, func=_FUNC)
    measure = check_option(measure, "measure", MEASURES, func=_FUNC)
    where_sel = check_where(where, func=_FUNC)
    years_sel = _check_ints(years, "years")
    levels_sel = _check_ints(levels, "levels")
    if levels_sel is not None and classification_family(classification) == "custom":
        raise InvalidParameterError(
            Message(
                "The 'levels' parameter of {func} must be None when the classification is "
                "'custom' (custom codes have no levels). Got {levels!r} instead.",
                func=_FUNC,
                levels=levels_sel,
            )
        )
    impute = withheld == "impute_residual"
    if impute and classification_family(classification) == "custom":
        raise InvalidParameterError(
            Message(
                "The 'withheld' parameter of {func} must not be 'impute_residual' when the "
                "classification is 'custom' (custom codes have no hierarchy to impute from). "
                "Got 'impute_residual' instead.",
                func=_FUNC,
            )
        )
    if known_codes is None and preset is not None and classification == preset.classification:
        known_codes = preset.known_codes()

    file = str(path)
    file_columns, loaded = _file_columns(path, fmt, sheet, options)
    required = tuple(c for c in REQUIRED_COLUMNS if c != "employment") + (measure,)
    layout_type, mapping = _mapping(file, file_columns, preset, columns, required)
    has_employment = "employment" in mapping.values()
    if where_sel and (absent := where_column_issues(where_sel, file_columns, file)):
        raise DataValidationError(absent)
    extra = tuple(where_sel or ()) + (preset.extra_columns(file_columns) if preset else ())
    if impute and "establishments" not in mapping.values():
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "withheld='impute_residual' shares each parent's residual in proportion to "
                    "establishment counts, but no column is mapped to 'establishments'."
                ),
                file=file,
                column="establishments",
                fix=Message(
                    "map an establishments column with columns={'<column>': 'establishments'}, "
                    "or choose withheld='keep_zero', 'drop' or 'impute_flag_midpoint'."
                ),
            )
        )
    # Imputation needs every level (parents first): the levels are then selected afterwards.
    raw, rows = _read(
        path, fmt, mapping, loaded, None if impute else levels_sel, classification,
        tuple(dict.fromkeys(extra)),
    )  # fmt: skip
    name = {ours: theirs for theirs, ours in mapping.items()}
    raw, rows, region_type, unit = select_rows(
        raw, rows, where=where_sel, name=name, preset=preset, region_type=region_type, file=file
    )
    region_type = region_type or layout_type or "region"

    issues: list[ValidationIssue] = []
    region = _codes(raw["region"], None)
    industry = _codes(raw["industry"], classification)
    issues += _missing(region.codes < 0, rows, file, name["region"], Message("region code"))
    issues += _missing(industry.codes < 0, rows, file, name["industry"], Message("industry code"))
    issues += _code_issues(industry, rows, classification, known_codes, file, name["industry"])
    year, bad_year = _numbers(raw["year"], options)
    if not pd.api.types.is_integer_dtype(raw["year"].dtype):  # integer columns hold whole years
        bad_year |= ~np.isnan(year) & (year != np.round(year))
    issues += _rows(
        bad_year,
        rows,
        raw["year"],
        Message("is not a year"),
        file,
        name["year"],
        Message("write the year as an integer such as 2019."),
    )
    issues += _missing(np.isnan(year) & ~bad_year, rows, file, name["year"], Message("year"))
    issues += year_issues(np.where(bad_year, np.nan, year), rows, file=file, column=name["year"])

    keep = np.ones(len(raw), dtype=bool)
    level_keep = None
    if levels_sel is not None:
        cat_levels = np.array(
            [code_level(c, classification) in levels_sel for c in industry.categories] + [False],
            dtype=bool,
        )
        level_keep = cat_levels[industry.codes]  # code -1 (missing) picks the last entry
        if not impute:
            keep &= level_keep
    present_years = sorted({int(y) for y in pd.unique(year[~np.isnan(year)])})
    if years_sel is not None:
        absent = sorted(set(years_sel) - set(present_years))
        if absent:
            issues.append(
                ValidationIssue(
                    Message(
                        "the years {absent} are not in the file; it has the years {present}.",
                        absent=absent,
                        present=present_years,
                    ),
                    file=file,
                    column=name["year"],
                    fix=Message("choose years among {present}.", present=present_years),
                )
            )
        keep &= np.isin(year, np.array(years_sel, dtype=float))
    # Positions of the selected rows in `raw`; `raw` itself is never filtered (only read back
    # for the values quoted in messages).
    src = np.flatnonzero(keep) if not keep.all() else None
    if src is not None:
        rows, year, region, industry = rows[src], year[src], region[src], industry[src]
        level_keep = None if level_keep is None else level_keep[src]

    values = {}
    for col in _NUMERIC:
        if col not in raw:
            values[col] = np.full(len(rows), np.nan)
            continue
        full, bad = _numbers(raw[col], options)
        values[col], bad = (full, bad) if src is None else (full[src], bad[src])
        fix = Message("write a number (empty when the value is withheld or unknown).")
        issues += _rows(bad, rows, raw[col], Message("is not a number"), file, name[col], fix, src)
        bound = MAX_AMOUNT if col == "payroll" else MAX_COUNT
        if _within(values[col], 0.0, bound):  # the usual case: no mask over millions of rows
            continue
        negative = values[col] < 0
        issues += _rows(
            negative,
            rows,
            raw[col],
            Message("is negative; counts cannot be negative"),
            file,
            name[col],
            Message("correct the value, or leave it empty if unknown."),
            src,
        )
        issues += _rows(
            too_large(values[col], bound),
            rows,
            raw[col],
            Message(
                "is implausibly large for {column} (above {bound:.0e})", column=col, bound=bound
            ),
            file,
            name[col],
            bound_fix(bound),
            src,
        )
    flag = None
    if "flag" in raw:
        flag = _flags(raw["flag"]) if src is None else _flags(raw["flag"])[src]
    # region × year ids, shared by the duplicate check and the imputation (None if a part is
    # missing: then reported above)
    groups = region_year_groups(region, year) if industry.codes.min(initial=0) >= 0 else None
    if duplicates == "raise":
        repeated = duplicate_issues(region, industry, year, rows, file, name, groups=groups)
        issues += breakdown_issue(repeated, loaded, mapping, file) + repeated
    if issues:
        raise DataValidationError(issues)
    if duplicates == "sum":
        summed = sum_repeats(regional_keys(region, industry, year), values, flag)
        if summed is not None:
            first, values, flag = summed
            groups = None if groups is None else groups[first]
            rows, year, region, industry = rows[first], year[first], region[first], industry[first]
            level_keep = None if level_keep is None else level_keep[first]
            src = first if src is None else src[first]

    employment, withheld_mask, imputed, kept = settle_withheld(
        values,
        flag=flag,
        has_employment=has_employment,
        preset=preset,
        policy=withheld,
        level_keep=level_keep,
        industry=industry,
        region=region,
        year=year,
        classification=classification,
        rows=rows,
        file=file,
        name=name,
        groups=groups,
    )
    if not kept.all():
        region, industry, year, rows = region[kept], industry[kept], year[kept], rows[kept]
        values = {k: v[kept] for k, v in values.items()}
        employment, withheld_mask = employment[kept], withheld_mask[kept]
        imputed = None if imputed is None else imputed[kept]
        groups = None if groups is None else groups[kept]
        src = (np.arange(len(raw)) if src is None else src)[kept]

    if has_employment:
        check_not_all_zero(
            employment, region, year, rows, file=file, column=name["employment"],
            groups=groups,
        )  # fmt: skip
    data = pd.DataFrame(
        {
            "region": _drop_unused(region),
            "industry": _drop_unused(industry),
            "year": year.astype(np.int16),
            "employment": employment,
            "establishments": values["establishments"],
            "payroll": values["payroll"],
            "withheld": withheld_mask,
        },
        copy=False,  # the arrays are new: no copy, no stacking of millions of rows into blocks
    )
    if imputed is not None:
        data["imputed"] = imputed
    names = dict(preset.region_names()) if preset else {}
    if "region_name" in raw:
        file_names = raw["region_name"].to_numpy()
        file_names = pd.DataFrame(
            {
                "r": data["region"].astype(str).to_numpy(),
                "n": file_names if src is None else file_names[src],
            }
        ).dropna()
        names.update(file_names.drop_duplicates("r").set_index("r")["n"].astype(str).to_dict())
    present = set(data["region"].cat.categories)
    return RegionalTable(
        data=data,
        classification=classification,
        region_type=region_type,
        region_names={k: v for k, v in names.items() if k in present},
        source=file,
        withheld_policy=withheld,
        unit=unit,
    )
