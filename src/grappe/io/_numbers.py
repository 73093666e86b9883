"""Numbers as people write them: decimal comma, thousands separators, Arabic-Indic digits.

Private to :mod:`grappe.io`; :func:`parse_numbers` and :func:`convert_numbers` are re-exported by
:mod:`grappe.io.files`.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from grappe.errors import DataValidationError, ValidationIssue
from grappe.i18n import Message
from grappe.io._options import _DEFAULT, _DIGITS, _MAX_LISTED, _SPACES, ReadOptions


def _clean_numbers(text: pd.Series, options: ReadOptions) -> pd.Series:
    """Numbers written with the options' marks, Arabic digits or spaces → plain ``1234.5``."""
    text = text.str.translate(_DIGITS).str.strip()
    # the Arabic decimal separator is a decimal mark whatever the option says
    text = text.str.replace("\u066b", options.decimal, regex=False)
    separators = set(_SPACES) | {"\u066c"}
    if options.thousands:
        separators.add(options.thousands)
    if options.decimal == ",":
        separators.add(".")
    decimal = re.escape(options.decimal)
    seps = "".join(re.escape(s) for s in sorted(separators))
    # groups of three digits only: "1.5" is never read as 15 under decimal=","
    grouped = rf"^[+-]?\d{{1,3}}(?:[{seps}]\d{{3}})+(?:{decimal}\d*)?(?:[eE][+-]?\d+)?$"
    has_sep = text.str.contains(f"[{seps}]", regex=True, na=False)
    ok = text.str.match(grouped, na=False)
    text = text.where(~(has_sep & ok), text.str.replace(f"[{seps}]", "", regex=True))
    # a separator outside groups of three digits ("1.5" under decimal=",") makes no number
    text = text.where(~(has_sep & ~ok), "not a number")
    if options.decimal == ",":
        text = text.str.replace(",", ".", regex=False)
    return text


def convert_numbers(
    series: pd.Series, *, options: ReadOptions | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The values of ``series`` as float64, and the mask of non-empty cells that are not numbers.

    Empty cells (missing, or only spaces) are NaN and not flagged. See :func:`parse_numbers`.
    """
    options = options or _DEFAULT
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series):
        values = series.to_numpy(dtype=np.float64, na_value=np.nan, copy=True)  # callers write NaNs
        return values, np.zeros(len(series), bool)
    text = series.astype("string").str.strip()
    blank = (text.isna() | (text == "")).to_numpy(dtype=bool)
    if options.decimal == "." and not options.thousands:
        values = pd.to_numeric(text, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
        retry = np.isnan(values) & ~blank
        if retry.any():  # spaces, Arabic digits: only the cells plain parsing refused
            again = _clean_numbers(text[retry], options)
            values[retry] = pd.to_numeric(again, errors="coerce").to_numpy(
                dtype=np.float64, na_value=np.nan
            )
    else:
        cleaned = _clean_numbers(text, options)
        values = pd.to_numeric(cleaned, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    # "inf" and 1e999 are not numbers a user means ("nan" already parses to NaN): refused with
    # the unparseable cells
    values[np.isinf(values)] = np.nan
    bad = np.isnan(values) & ~blank
    return values, bad


def parse_numbers(
    series: pd.Series,
    *,
    options: ReadOptions | None = None,
    file: str | None = None,
    column: str | None = None,
    what: str = Message("a number"),
    rows: np.ndarray | None = None,
) -> pd.Series:
    """Numbers as written by their users: decimal comma, thousands separators, Arabic digits.

    Parameters
    ----------
    series : Series
        The column, as read (text or numbers).
    options : ReadOptions, optional
        The decimal mark and thousands separator (default ``.`` and none; spaces are always
        accepted between groups of three digits).
    file, column : str, optional
        Named in the error.
    what : str, default "a number"
        What each cell should be, for the error.
    rows : array of int, optional
        Row number in the file of each cell; default position + 2 (header = row 1).

    Returns
    -------
    Series of float64
        Same index; empty cells are NaN.

    Raises
    ------
    DataValidationError
        Some non-empty cells are not numbers — naming the file, their rows and the column.

    Examples
    --------
    >>> s = pd.Series(["1 234,5", "٣٤٥", "2.000", ""])
    >>> parse_numbers(s, options=ReadOptions(decimal=",")).tolist()
    [1234.5, 345.0, 2000.0, nan]
    """
    values, bad = convert_numbers(series, options=options)
    if bad.any():
        positions = np.flatnonzero(bad)
        numbers = rows if rows is not None else np.arange(len(series)) + 2
        raw = series.to_numpy()
        options = options or _DEFAULT
        fix = (
            Message(
                "write {what} (decimal mark {decimal!r}, thousands separator {thousands!r}), or "
                "leave the cell empty; set the marks with --decimal and --thousands.",
                what=what,
                decimal=options.decimal,
                thousands=options.thousands,
            )
            if options.thousands
            else Message(
                "write {what} (decimal mark {decimal!r}), or leave the cell empty; set the marks "
                "with --decimal and --thousands.",
                what=what,
                decimal=options.decimal,
            )
        )
        issues = [
            ValidationIssue(
                Message("{value!r} is not {what}.", value=raw[p], what=what),
                file=file,
                row=int(numbers[p]),
                column=column,
                fix=fix,
            )
            for p in positions[:_MAX_LISTED]
        ]
        if len(positions) > _MAX_LISTED:
            issues.append(
                ValidationIssue(
                    Message(
                        "{count} more cells are not {what}.",
                        count=len(positions) - _MAX_LISTED,
                        what=what,
                    ),
                    file=file,
                    column=column,
                    fix=fix,
                )
            )
        raise DataValidationError(issues)
    return pd.Series(values, index=series.index, dtype=np.float64)
