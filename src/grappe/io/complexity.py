"""Readers for the complexity kernels: trade-like tables and the BEA input–output tables.

* :func:`read_activity_matrix` reads a long (location, activity, value[, year]) or wide
  (first column = location) table from CSV, CSV.GZ, Parquet or Excel into the location ×
  activity matrix that :mod:`grappe.complexity` takes.
* :func:`read_bea_flows` reads the BEA Make and Use tables (2017 schema, as staged from the
  USEEIO package) into industry × industry flows; :func:`bea_naics_weights` reads the BEA ↔
  NAICS crosswalk; :func:`read_bea_naics_flows` combines them into NAICS-level flows.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from grappe._validation import check_duplicates, check_number, check_option, duplicates_fix
from grappe.complexity import aggregate_flows, industry_flows, pivot_long
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError, ValidationIssue
from grappe.i18n import Message
from grappe.io._plausibility import MAX_AMOUNT, bound_fix, too_large, year_issues
from grappe.io.files import ReadOptions, convert_numbers, read_table, table_format

__all__ = [
    "bea_naics_weights",
    "check_activity_matrix",
    "read_activity_matrix",
    "read_activity_panel",
    "read_bea_flows",
    "read_bea_naics_flows",
]


def _read_any(path: Path, options: ReadOptions | None) -> pd.DataFrame:
    if table_format(path) is None:
        raise InvalidParameterError(
            f"The 'path' parameter of read_activity_matrix must be a .csv, .csv.gz, .tsv, "
            f".parquet or .xlsx file. Got {path.name!r} instead."
        )
    return read_table(path, options=options, what=Message("activity table"))


def read_activity_matrix(
    path: str | Path,
    *,
    rows: str | None = None,
    cols: str | None = None,
    values: str | None = None,
    year: int | None = None,
    year_column: str = "year",
    options: ReadOptions | None = None,
    duplicates: str = "raise",
) -> pd.DataFrame:
    """Read a location × activity matrix from a long or a wide table.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.csv.gz``, ``.tsv``, ``.parquet`` or ``.xlsx`` file.
    rows, cols, values : str, optional
        Long form: the columns holding the location, the activity and the value (absent pairs
        are 0). Wide form (none of the three given): the first column holds the location and
        every other column is an activity.
    year : int, optional
        Keep only this year (long form, needs ``year_column``).
    year_column : str, default "year"
        Name of the year column.
    options : ReadOptions, optional
        Encoding, separator, decimal mark and thousands separator (default: detected; see
        :mod:`grappe.io.files`).
    duplicates : {"raise", "sum"}, default "raise"
        A location × activity pair listed twice (long form), or a location listed twice
        (wide form): refuse the file naming the rows, or add the rows up (empty cells among
        them are skipped).

    Returns
    -------
    DataFrame
        Locations × activities, float64; empty cells in the file stay NaN, so that the
        kernels' ``missing=`` policy decides about partial locations.

    Raises
    ------
    NotFoundError
        If the file does not exist.
    DataValidationError
        If a named column is absent, a value is not a number, is negative or implausibly
        large (infinite or above 1e18), a year is impossible, the year is not in the file,
        a key is repeated under ``duplicates="raise"``, or fewer than 2 locations and 2
        activities have a positive value — naming the file, row, column and the fix.
    InvalidParameterError
        If only some of ``rows``, ``cols``, ``values`` are given.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "t.csv")
    >>> _ = open(path, "w").write("c,p,v\\na,x,1\\na,y,2\\nb,x,3\\n")
    >>> read_activity_matrix(path, rows="c", cols="p", values="v").to_numpy().tolist()
    [[1.0, 2.0], [3.0, 0.0]]
    """
    func = "read_activity_matrix"
    check_duplicates(duplicates, func=func)
    path = Path(path)
    given = [x is not None for x in (rows, cols, values)]
    if any(given) and not all(given):
        raise InvalidParameterError(
            f"The 'rows', 'cols' and 'values' parameters of {func} must be given together (long "
            "form) or not at all (wide form). Got only some of them instead."
        )
    frame = _read_any(path, options)
    file = str(path)
    if all(given):
        _require(frame, {rows: "--rows", cols: "--cols", values: "--values"}, file)
        if year is not None:
            frame = _filter_year(frame, year, year_column, file, options)
        _repeated_keys(frame, [rows, cols], file, duplicates, Message("location and activity"))
        return _enough(_pivot(frame, rows, cols, values, file, options), file, values)
    if frame.shape[1] < 2:
        raise DataValidationError(
            ValidationIssue(
                Message("A wide table needs a location column and at least one activity column."),
                file=file,
                row=1,
                fix=Message("give --rows, --cols and --values for a long table."),
            )
        )
    first = frame.columns[0]
    _repeated_keys(frame, [first], file, duplicates, Message("location"))
    wide = frame.set_index(frame[first].astype(str).str.strip()).drop(columns=[first])
    out = pd.DataFrame(
        {c: _numbers(wide[c], file, str(c), offset=0, options=options) for c in wide.columns},
        index=wide.index,
    )
    if duplicates == "sum" and not out.index.is_unique:
        out = out.groupby(level=0, sort=False).sum(min_count=1)
    out.index.name = str(first)
    return _enough(out, file, "values")


def read_activity_panel(
    path: str | Path,
    *,
    rows: str,
    cols: str,
    values: str,
    year_column: str = "year",
    options: ReadOptions | None = None,
    duplicates: str = "raise",
) -> dict[int, pd.DataFrame]:
    """Read a long table with a year column as one location × activity matrix per year.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.csv.gz``, ``.tsv``, ``.parquet`` or ``.xlsx`` file in long form.
    rows, cols, values : str
        The columns holding the location, the activity and the value.
    year_column : str, default "year"
        The column of the year (whole numbers).
    options : ReadOptions, optional
        Encoding, separator, decimal mark and thousands separator (default: detected; see
        :mod:`grappe.io.files`).
    duplicates : {"raise", "sum"}, default "raise"
        A location × activity pair listed twice in one year: refuse the file naming the rows,
        or add them up.

    Returns
    -------
    dict of int to DataFrame
        Year → locations × activities, float64, in increasing order of year; the input of
        :func:`grappe.complexity.complexity_panel`.

    Raises
    ------
    NotFoundError
        If the file does not exist.
    DataValidationError
        If a column is absent, a year is empty, not a whole number or impossible (before 1800
        or after next year), a value is not a number, is negative or implausibly large, or a
        key is repeated under ``duplicates="raise"`` — naming the file, row, column and the
        fix.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "t.csv")
    >>> _ = open(path, "w").write("y,c,p,v\\n2020,a,x,1\\n2021,a,x,2\\n2021,b,y,3\\n")
    >>> {y: m.shape for y, m in read_activity_panel(path, rows="c", cols="p", values="v",
    ...                                            year_column="y").items()}
    {2020: (1, 1), 2021: (2, 2)}
    """
    check_duplicates(duplicates, func="read_activity_panel")
    path = Path(path)
    frame = _read_any(path, options)
    file = str(path)
    named = {rows: "--rows", cols: "--cols", values: "--values", year_column: "--year-column"}
    _require(frame, named, file)
    years, _ = convert_numbers(frame[year_column], options=options)
    bad = np.flatnonzero(~np.isfinite(years) | (years != np.round(years)))
    if bad.size:
        raise DataValidationError(
            [
                ValidationIssue(
                    Message("{value!r} is not a year.", value=frame[year_column].iloc[i]),
                    file=file,
                    row=int(i) + 2,
                    column=year_column,
                    fix=Message("write the year as a whole number in every row."),
                )
                for i in bad[:20]
            ]
        )
    impossible = year_issues(years, np.arange(len(years)) + 2, file=file, column=year_column)
    if impossible:
        raise DataValidationError(impossible)
    _repeated_keys(
        frame, [rows, cols, year_column], file, duplicates, Message("location, activity and year")
    )
    long = pd.DataFrame(
        {
            "r": frame[rows].astype(str).str.strip().to_numpy(),
            "c": frame[cols].astype(str).str.strip().to_numpy(),
            # rows numbered in the file
            "v": _numbers(frame[values], file, values, offset=0, options=options),
            "y": years.astype(int),
        }
    )
    return {
        int(year): pivot_long(part, rows="r", cols="c", values="v").rename_axis(
            index=rows, columns=cols
        )
        for year, part in long.groupby("y", sort=True)
    }


def _require(
    frame: pd.DataFrame, options: dict[str, str], file: str, *, fix: Message | None = None
) -> None:
    """Refuse a file without one of the named columns (column → the option that names it;
    ``fix`` replaces the advice to name the column with that option)."""
    for col, option in options.items():
        if col not in frame.columns:
            raise DataValidationError(
                ValidationIssue(
                    Message(
                        "There is no column {column!r}; the columns are {columns}.",
                        column=col,
                        columns=list(map(str, frame.columns)),
                    ),
                    file=file,
                    row=1,
                    column=col,
                    fix=fix or Message("name the column with {option}.", option=option),
                )
            )


def _repeated_keys(frame: pd.DataFrame, key: list, file: str, duplicates: str, what: str) -> None:
    """Refuse rows repeating ``key`` under ``duplicates="raise"``, naming the first few."""
    if duplicates != "raise":
        return
    parts = frame[key].astype(str).apply(lambda c: c.str.strip())
    repeated = parts.duplicated(keep=False).to_numpy()
    if not repeated.any():
        return
    line = np.arange(len(frame)) + 2  # header is line 1
    first_of: dict[tuple, int] = {}
    issues = []
    for i in np.flatnonzero(repeated):
        label = tuple(parts.iloc[i])
        if label not in first_of:
            first_of[label] = int(line[i])
            continue
        if len(issues) < 20:
            shown = ", ".join(repr(v) for v in label)
            issues.append(
                ValidationIssue(
                    Message(
                        "The {what} ({shown}) are already in row {first}.",
                        what=what,
                        shown=shown,
                        first=first_of[label],
                    ),
                    file=file,
                    row=int(line[i]),
                    column=str(key[0]),
                    fix=duplicates_fix(what),
                )
            )
    raise DataValidationError(issues)


_VALUES_FIX = Message(
    "check that --values names the column of the values, and that the year and the rows "
    "selected hold data."
)


def _enough(matrix: pd.DataFrame, file: str, column: str) -> pd.DataFrame:
    """Refuse a matrix whose every value is 0 or empty (no complexity can be computed)."""
    if not (matrix.fillna(0.0).to_numpy() > 0).any():
        raise DataValidationError(
            ValidationIssue(
                Message("every value is 0 or empty, so no location is specialised in anything."),
                file=file,
                column=column,
                fix=_VALUES_FIX,
            )
        )
    return matrix


def check_activity_matrix(
    matrix: pd.DataFrame,
    *,
    file: str,
    column: str,
    year: int | None = None,
    missing: str = "raise",
) -> pd.DataFrame:
    """Refuse a matrix with fewer than 2 locations and 2 activities with a positive value, or
    with an empty cell under ``missing="raise"``.

    The complexity kernels need that much (and refuse less in their own terms); this check
    says it in the terms of the file and of ``grappe complexity``'s options, before they run.

    Raises
    ------
    DataValidationError
        Naming the file, the value column, and the location and activity of an empty cell.
    """
    when = "" if year is None else Message(" in {year}", year=year)
    if missing == "raise" and matrix.isna().to_numpy().any():
        r, c = np.argwhere(matrix.isna().to_numpy())[0]
        n_empty = int(matrix.isna().to_numpy().sum())
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "the value of location {location!r} for activity {activity!r}{when} is "
                    "empty ({count} empty cell(s) in all): a partial or withheld location.",
                    location=matrix.index[r],
                    activity=matrix.columns[c],
                    when=when,
                    count=n_empty,
                ),
                file=file,
                column=column,
                fix=Message(
                    "leave such locations out of every denominator with --missing drop, or "
                    "read empty cells as no activity with --missing zero."
                ),
            )
        )
    positive = matrix.fillna(0.0).to_numpy() > 0
    n_rows, n_cols = int(positive.any(axis=1).sum()), int(positive.any(axis=0).sum())
    if n_rows < 2 or n_cols < 2:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "only {locations} location(s) and {activities} activity(ies) have a "
                    "positive value{when}; complexity needs at least 2 of each.",
                    locations=n_rows,
                    activities=n_cols,
                    when=when,
                ),
                file=file,
                column=column,
                fix=_VALUES_FIX,
            )
        )
    return matrix


def _pivot(
    frame: pd.DataFrame,
    rows: str,
    cols: str,
    values: str,
    file: str,
    options: ReadOptions | None,
) -> pd.DataFrame:
    nums = _numbers(frame[values], file, values, offset=0, options=options)
    long = pd.DataFrame(
        {
            "r": frame[rows].astype(str).str.strip(),
            "c": frame[cols].astype(str).str.strip(),
            "v": nums,
        }
    )
    return pivot_long(long, rows="r", cols="c", values="v").rename_axis(index=rows, columns=cols)


def _filter_year(
    frame: pd.DataFrame, year: int, column: str, file: str, options: ReadOptions | None
) -> pd.DataFrame:
    if column not in frame.columns:
        raise DataValidationError(
            ValidationIssue(
                Message("There is no year column {column!r}.", column=column),
                file=file,
                row=1,
                column=column,
                fix=Message("drop --year or name the year column."),
            )
        )
    years = pd.Series(convert_numbers(frame[column], options=options)[0], index=frame.index)
    keep = years == year
    if not keep.any():
        found = sorted({int(y) for y in years.dropna().unique()})
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "Year {year} is not in the file (years found: {found}).",
                    year=year,
                    found=found[:10],
                ),
                file=file,
                column=column,
                fix=Message("choose one of {found}.", found=found[:10]),
            )
        )
    return frame[keep.to_numpy()]


def _numbers(
    series: pd.Series, file: str, column: str, *, offset: int, options: ReadOptions | None = None
) -> np.ndarray:
    raw = series.to_numpy()
    nums, bad = convert_numbers(series, options=options)
    is_blank = np.isnan(nums) & ~bad
    issues = []
    for i in np.flatnonzero(bad)[:20]:
        issues.append(
            ValidationIssue(
                Message("{value!r} is not a number.", value=raw[i]),
                file=file,
                row=int(series.index.get_indexer([series.index[i]])[0]) + 2 + offset
                if series.index.is_unique
                else None,
                column=column,
                fix=Message(
                    "write numbers (set their marks with --decimal and --thousands), or "
                    "leave the cell empty if withheld."
                ),
            )
        )
    for i in np.flatnonzero(too_large(nums, MAX_AMOUNT))[:20]:
        issues.append(
            ValidationIssue(
                Message(
                    "{value!r} is implausibly large (above {bound:.0e}).",
                    value=raw[i],
                    bound=MAX_AMOUNT,
                ),
                file=file,
                row=int(i) + 2 + offset,
                column=column,
                fix=bound_fix(MAX_AMOUNT),
            )
        )
    for i in np.flatnonzero(nums < 0)[:20]:
        issues.append(
            ValidationIssue(
                Message("{value!r} is negative; activity cannot be negative.", value=raw[i]),
                file=file,
                row=int(i) + 2 + offset,
                column=column,
                fix=Message("correct the value or drop the row."),
            )
        )
    if issues:
        raise DataValidationError(issues)
    nums[is_blank] = np.nan
    return nums


def _bea_table(folder: Path, name: str) -> pd.DataFrame:
    path = folder / name
    if not path.is_file():
        raise NotFoundError(
            f"No BEA table {name!r} in {str(folder)!r}; expected the files staged from USEEIO "
            "(see the folder's PROVENANCE.md)."
        )
    frame = read_table(path, dtype=None, what=Message("BEA table"))
    frame = frame.set_index(frame.columns[0])
    frame.index = frame.index.astype(str)
    frame.columns = frame.columns.astype(str)
    return frame


def read_bea_flows(folder: str | Path, *, level: str = "detail", year: int = 2017) -> pd.DataFrame:
    """Industry × industry intermediate flows from the BEA Make and Use tables.

    Parameters
    ----------
    folder : str or Path
        Folder with ``{Level}_Use_{year}_PRO_BeforeRedef_17sch.csv.gz`` and
        ``{Level}_Make_{year}_BeforeRedef_17sch.csv.gz`` (as staged in
        ``../shared/data/us_bea_io_tables``).
    level : {"detail", "summary"}
        BEA detail (402 industries, 2017 only) or summary (71 industries, 2017 or 2022) tables.
    year : int, default 2017
        Table year.

    Returns
    -------
    DataFrame
        Seller × buyer flows in million US dollars, labelled by BEA industry code (value-added,
        final-demand and total rows and columns removed), see
        :func:`grappe.complexity.industry_flows`.

    Raises
    ------
    NotFoundError
        If the tables are not in ``folder``.
    InvalidParameterError
        For an unknown level.
    """
    check_option(level, "level", ("detail", "summary"), func="read_bea_flows")
    folder = Path(folder)
    prefix = level.capitalize()
    use = _bea_table(folder, f"{prefix}_Use_{year}_PRO_BeforeRedef_17sch.csv.gz")
    make = _bea_table(folder, f"{prefix}_Make_{year}_BeforeRedef_17sch.csv.gz")

    # totals (T…), value added (V…) and final demand (F…) are not industries or commodities
    def real(code: str) -> bool:
        return not code.startswith(("T0", "V0", "F0"))

    industries = [c for c in make.index if c in use.columns and real(c)]
    commodities = [c for c in make.columns if c in use.index and real(c)]
    use = use.loc[commodities, industries].fillna(0.0)
    make = make.loc[industries, commodities].fillna(0.0)
    return industry_flows(use, make)


def bea_naics_weights(
    folder: str | Path, *, digits: int = 4, level: str = "detail"
) -> pd.DataFrame:
    """BEA industry → NAICS 2017 weights from ``MasterCrosswalk2017.csv``.

    Each BEA code is split equally among the NAICS codes of ``digits`` digits that the
    crosswalk lists for it (the crosswalk gives no employment or output weights). BEA codes
    whose finest NAICS code is shorter than ``digits`` (e.g. construction, ``23``) have no row.

    Parameters
    ----------
    folder : str or Path
        Folder holding ``MasterCrosswalk2017.csv``.
    digits : int, default 4
        NAICS level (2 to 6).
    level : {"detail", "summary"}
        Which BEA codes the rows are.

    Returns
    -------
    DataFrame
        BEA codes × NAICS codes, rows summing to 1.

    Raises
    ------
    NotFoundError
        If the crosswalk is missing.
    InvalidParameterError
        For a bad ``digits`` or ``level``.
    """
    func = "bea_naics_weights"
    check_number(digits, "digits", func=func, low=2, high=6, integer=True)
    check_option(level, "level", ("detail", "summary"), func=func)
    path = Path(folder) / "MasterCrosswalk2017.csv"
    if not path.is_file():
        raise NotFoundError(f"No crosswalk MasterCrosswalk2017.csv in {str(folder)!r}.")
    xw = read_table(path, what=Message("BEA-NAICS crosswalk"))
    bea_col = "BEA_2017_Detail_Code" if level == "detail" else "BEA_2017_Summary_Code"
    pairs = xw[[bea_col, "NAICS_2017_Code"]].dropna()
    pairs = pairs[pairs["NAICS_2017_Code"].str.fullmatch(r"\d+")]
    pairs = pairs[pairs["NAICS_2017_Code"].str.len() == digits].drop_duplicates()
    pairs["w"] = 1.0 / pairs.groupby(bea_col)["NAICS_2017_Code"].transform("count")
    weights = pairs.pivot_table(
        index=bea_col, columns="NAICS_2017_Code", values="w", aggfunc="sum", fill_value=0.0
    )
    weights.index.name = "bea"
    weights.columns.name = "naics"
    return weights


def read_bea_naics_flows(folder: str | Path, *, digits: int = 4, year: int = 2017) -> pd.DataFrame:
    """NAICS × NAICS intermediate flows from the BEA detail tables and crosswalk.

    Parameters
    ----------
    folder : str or Path
        Folder of the BEA tables (``../shared/data/us_bea_io_tables``).
    digits : int, default 4
        NAICS level of the result.
    year : int, default 2017
        Year of the detail tables (2017 is the benchmark year staged).

    Returns
    -------
    DataFrame
        Seller × buyer flows between NAICS codes (million US dollars), ready for
        :func:`grappe.complexity.io_relatedness`.

    Raises
    ------
    NotFoundError
        If a table is missing.
    """
    flows = read_bea_flows(folder, level="detail", year=year)
    return aggregate_flows(flows, bea_naics_weights(folder, digits=digits))
