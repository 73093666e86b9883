"""Readers of trade data for :mod:`grappe.complexity.exports`: country × product export
matrices, the OEC's published ECI series, and country names.

* :func:`read_trade_matrix` reads the wide matrix of the OEC style (first column = country
  code, one column per product, values in USD — the layout of the bundled 2020 HS4 matrix of
  Stojkoski, Koch & Hidalgo 2023) or a long table of country, product and value (CSV, CSV.GZ,
  TSV, Parquet or Excel), refusing negative, empty or non-numeric values, repeated countries
  and unknown country codes with the file, row, column and fix.
* :func:`read_published_eci` reads the OEC's published ECI series (``oec_eci_trade_1998_2022.csv``
  as staged in ``../shared/data/economic_complexity``) for one country.
* :func:`country_name` names an ISO 3166-1 alpha-3 code in English, French or Arabic from the
  Unicode CLDR data shipped with Babel.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from grappe.complexity import pivot_long
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.io.complexity import _require
from grappe.io.files import ReadOptions, convert_numbers, read_table

if TYPE_CHECKING:
    from grappe.complexity.exports import ExportProfile

__all__ = [
    "COUNTRY_POLICIES",
    "country_name",
    "iso3_codes",
    "product_labels",
    "read_export_profile",
    "read_published_eci",
    "read_trade_matrix",
]

#: How :func:`read_trade_matrix` checks country labels: ISO 3166-1 alpha-3 codes, or anything.
COUNTRY_POLICIES = ("iso3", "any")

#: Column names recognised as a long table's country, product and value (lower case).
_LONG_NAMES = {
    "country": ("country", "iso3", "country_code", "exporter", "location"),
    "product": ("product", "hs4", "product_code", "hs_product_code", "hs"),
    "value": ("value", "export_value", "exports", "export_val", "trade_value"),
}

_MAX_ISSUES = 20


@functools.cache
def iso3_codes() -> Mapping[str, str]:
    """ISO 3166-1 alpha-3 code → alpha-2 code, from the CLDR territory aliases (Babel).

    Examples
    --------
    >>> iso3_codes()["DZA"]
    'DZ'
    """
    from babel.core import get_global

    out = {}
    for alias, targets in get_global("territory_aliases").items():
        # an alias of one territory; retired codes (ANT → CW, SX, BQ) keep their first heir
        if len(alias) == 3 and alias.isalpha() and targets:
            out[alias] = targets[0]
    return out


def country_name(code: str, lang: str = "en") -> str:
    """The name of a country in ``lang`` (``"en"``, ``"fr"``, ``"ar"``) from its alpha-3 code.

    Falls back to the code itself for a label that is not an ISO 3166-1 alpha-3 code.

    Examples
    --------
    >>> country_name("DZA", "fr"), country_name("MAR", "en")
    ('Algérie', 'Morocco')
    >>> country_name("XYZ")
    'XYZ'

    References
    ----------
    .. [1] Unicode CLDR, territory names and aliases (as shipped with Babel).
    """
    from babel import Locale

    alpha2 = iso3_codes().get(str(code).upper())
    if alpha2 is None:
        return str(code)
    return Locale.parse(lang).territories.get(alpha2, str(code))


def product_labels(
    columns: Iterable[str],
) -> tuple[dict[str, str], dict[str, dict[str, str]], tuple[str, ...]]:
    """HS 4-digit codes and names (FR/AR/EN where known) of a trade file's product columns.

    The columns are matched to HS headings by :func:`grappe.io.hs.match_product_columns` (the
    OEC's CamelCase names of the bundled matrix, or HS codes); a matched column takes the
    heading's names from :func:`grappe.io.hs.load_hs_names`.

    Returns
    -------
    codes : dict
        Column → HS4 code, for the matched columns.
    names : dict
        Column → {language: name}, for the matched columns with a name.
    unmatched : tuple of str
        The columns no heading matched (they keep their own name, as English words).

    Examples
    --------
    >>> codes, names, unmatched = product_labels(["TropicalFruits"])
    >>> codes, unmatched
    ({'TropicalFruits': '0804'}, ())
    """
    from grappe.io.hs import load_hs_names, match_product_columns

    match = match_product_columns([str(c) for c in columns])
    headings = load_hs_names()
    names = {
        column: dict(headings[code].names)
        for column, code in match.codes.items()
        if code in headings and headings[code].names
    }
    return dict(match.codes), names, tuple(match.unmatched)


def read_trade_matrix(
    path: str | Path,
    *,
    country: str | None = None,
    product: str | None = None,
    value: str | None = None,
    countries: str = "iso3",
    options: ReadOptions | None = None,
) -> pd.DataFrame:
    """Read a country × product export matrix, wide or long.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.csv.gz``, ``.tsv``, ``.parquet`` or ``.xlsx`` file. **Wide** (the OEC
        style of the bundled matrix): the first column holds the country code, every other
        column is a product. **Long**: one row per country and product, with the columns named
        by ``country``, ``product`` and ``value``, or found under the usual names
        (``country``/``iso3``, ``product``/``hs4``, ``value``/``export_value``); a pair absent
        from the file is 0.
    country, product, value : str, optional
        The long table's columns (all three or none).
    countries : {"iso3", "any"}, default "iso3"
        ``"iso3"`` refuses a country label that is not an ISO 3166-1 alpha-3 code (written in
        capitals whatever the file's case); ``"any"`` keeps any label (regions, provinces).
    options : ReadOptions, optional
        Encoding, separator and number marks (default: detected; see :mod:`grappe.io.files`).

    Returns
    -------
    DataFrame
        Countries × products, float64, index named ``country``, columns as in the file.

    Raises
    ------
    NotFoundError
        If the file does not exist.
    InvalidParameterError
        If only some of ``country``, ``product``, ``value`` are given, or ``countries`` is
        not one of :data:`COUNTRY_POLICIES`.
    DataValidationError
        If a value is not a number, is negative or empty (wide form), a country is listed
        twice (or a country and product pair, long form), a country code is unknown, a named
        column is absent, or every value is 0 — naming the file, row, column and fix.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "t.csv")
    >>> _ = open(path, "w").write("Row,TropicalFruits,Cars\\nDZA,3,0\\nmar,1,5\\n")
    >>> read_trade_matrix(path).to_dict("index")
    {'DZA': {'TropicalFruits': 3.0, 'Cars': 0.0}, 'MAR': {'TropicalFruits': 1.0, 'Cars': 5.0}}

    References
    ----------
    .. [1] Stojkoski, V., Koch, P., & Hidalgo, C. A. (2023). Multidimensional economic
       complexity and inclusive green growth. *Communications Earth & Environment* 4, 130.
    """
    func = "read_trade_matrix"
    if countries not in COUNTRY_POLICIES:
        raise InvalidParameterError(
            f"The 'countries' parameter of {func} must be one of 'iso3', 'any'. "
            f"Got {countries!r} instead."
        )
    given = [x is not None for x in (country, product, value)]
    if any(given) and not all(given):
        raise InvalidParameterError(
            f"The 'country', 'product' and 'value' parameters of {func} must be given together "
            "(long table) or not at all. Got only some of them instead."
        )
    path = Path(path)
    file = str(path)
    if all(given):
        frame = read_table(path, options=options, what=Message("trade table"))
        return _long(frame, (country, product, value), file, countries, options)
    frame = read_table(path, options=options, dtype=None, what=Message("trade table"))
    found = _long_columns(frame)
    if found is not None:
        frame = frame.astype(dict.fromkeys(found[:2], str))
        return _long(frame, found, file, countries, options)
    if frame.shape[1] < 2:
        raise DataValidationError(
            ValidationIssue(
                Message("A wide trade table needs a country column and product columns."),
                file=file,
                row=1,
                fix=Message(
                    "give one column per product after the country column, or a long table "
                    "with country, product and value columns."
                ),
            )
        )
    if pd.api.types.is_numeric_dtype(frame[frame.columns[0]]):  # codes read as numbers
        frame = read_table(path, options=options, dtype=str, what=Message("trade table"))
    key = str(frame.columns[0])
    labels = _countries(frame[key], file, key, countries)
    _repeated(labels, file, key)
    body = frame.iloc[:, 1:]
    values = np.empty(body.shape)
    typed = np.array([pd.api.types.is_numeric_dtype(t) for t in body.dtypes])
    if typed.any():  # columns pandas already read as numbers: checked all at once
        values[:, typed] = body.loc[:, typed].to_numpy(dtype=np.float64, na_value=np.nan)
    issues: list[ValidationIssue] = []
    for j in np.flatnonzero(~typed):  # text columns: number marks, Arabic digits, bad cells
        nums, bad = convert_numbers(body.iloc[:, j], options=options)
        issues += _value_issues(nums, bad, body.iloc[:, j], file, str(body.columns[j]))
        values[:, j] = nums
    with np.errstate(invalid="ignore"):
        flagged = np.isnan(values) | (values < 0)
    for i, j in np.argwhere(flagged & typed[None, :])[:_MAX_ISSUES]:
        column = body.iloc[:, j]
        issues += _value_issues(
            values[i : i + 1, j], np.zeros(1, bool), column, file, str(body.columns[j]), at=int(i)
        )
    if issues:
        raise DataValidationError(issues[:_MAX_ISSUES])
    out = pd.DataFrame(
        values, index=pd.Index(labels, name="country"), columns=body.columns.astype(str)
    )
    return _enough(out, file)


def _long_columns(frame: pd.DataFrame) -> tuple[str, str, str] | None:
    lower = {str(c).strip().lower(): str(c) for c in frame.columns}
    picked = []
    for role in ("country", "product", "value"):
        hit = next((lower[n] for n in _LONG_NAMES[role] if n in lower), None)
        if hit is None:
            return None
        picked.append(hit)
    return picked[0], picked[1], picked[2]


def _long(
    frame: pd.DataFrame,
    names: tuple[str, str, str],
    file: str,
    countries: str,
    options: ReadOptions | None,
) -> pd.DataFrame:
    country, product, value = names
    _require(frame, dict(zip(names, ("--country", "--product", "--value"), strict=True)), file)
    labels = _countries(frame[country], file, country, countries)
    products = frame[product].astype(str).str.strip().to_numpy()
    nums, bad = convert_numbers(frame[value], options=options)
    issues = _value_issues(nums, bad, frame[value], file, value, empty_allowed=True)
    if issues:
        raise DataValidationError(issues[:_MAX_ISSUES])
    pairs = pd.Series([f"{c}\x00{p}" for c, p in zip(labels, products, strict=True)])
    _repeated(pairs.to_numpy(), file, country, what=Message("country and product"))
    long = pd.DataFrame({"country": labels, "product": products, "value": np.nan_to_num(nums)})
    out = pivot_long(long, rows="country", cols="product", values="value")
    out.columns.name = None
    return _enough(out.astype(float), file)


def _countries(series: pd.Series, file: str, column: str, policy: str) -> np.ndarray:
    text = series.astype("string").str.strip()
    issues = [
        ValidationIssue(
            Message("The country code is empty."),
            file=file,
            row=int(i) + 2,
            column=column,
            fix=Message("write the country's code in every row."),
        )
        for i in np.flatnonzero((text.isna() | (text == "")).to_numpy(dtype=bool))[:_MAX_ISSUES]
    ]
    if issues:
        raise DataValidationError(issues)
    labels = text.to_numpy(dtype=object)
    if policy == "any":
        return labels.astype(str)
    labels = np.array([str(c).upper() for c in labels], dtype=object)
    known = iso3_codes()
    unknown = [i for i, c in enumerate(labels) if c not in known]
    if unknown:
        raise DataValidationError(
            [
                ValidationIssue(
                    Message(
                        "{code!r} is not an ISO 3166-1 alpha-3 country code.",
                        code=str(series.iloc[i]),
                    ),
                    file=file,
                    row=i + 2,
                    column=column,
                    fix=Message(
                        "write the country as its three-letter ISO code (DZA, MAR, TUN…), or "
                        "accept any label with --countries any."
                    ),
                )
                for i in unknown[:_MAX_ISSUES]
            ]
        )
    return labels.astype(str)


def _repeated(
    labels: np.ndarray, file: str, column: str, *, what: str = Message("country")
) -> None:
    first: dict[str, int] = {}
    issues = []
    for i, label in enumerate(labels):
        if label in first:
            shown = str(label).replace("\x00", ", ")
            issues.append(
                ValidationIssue(
                    Message(
                        "The {what} {label!r} is already in row {first}.",
                        what=what,
                        label=shown,
                        first=first[label],
                    ),
                    file=file,
                    row=i + 2,
                    column=column,
                    fix=Message("keep one row per {what} (add the repeated rows up).", what=what),
                )
            )
            if len(issues) >= _MAX_ISSUES:
                break
        else:
            first[label] = i + 2
    if issues:
        raise DataValidationError(issues)


def _value_issues(
    nums: np.ndarray,
    bad: np.ndarray,
    raw: pd.Series,
    file: str,
    column: str,
    *,
    empty_allowed: bool = False,
    at: int = 0,
) -> list[ValidationIssue]:
    """Issues of the values ``nums`` (rows ``at``, ``at + 1``… of the table): not numbers,
    negative, or (unless allowed) empty."""
    issues = [
        ValidationIssue(
            Message("{value!r} is not a number.", value=_shown(raw.iloc[at + i])),
            file=file,
            row=at + int(i) + 2,
            column=column,
            fix=Message("write the export value as a number (0 for no exports)."),
        )
        for i in np.flatnonzero(bad)[:_MAX_ISSUES]
    ]
    with np.errstate(invalid="ignore"):
        negative = np.flatnonzero(nums < 0)
    issues += [
        ValidationIssue(
            Message("{value!r} is negative; exports cannot be.", value=_shown(raw.iloc[at + i])),
            file=file,
            row=at + int(i) + 2,
            column=column,
            fix=Message("write the export value (0 or more); re-exports are not subtracted."),
        )
        for i in negative[:_MAX_ISSUES]
    ]
    if not empty_allowed:
        empty = np.flatnonzero(np.isnan(nums) & ~bad)
        issues += [
            ValidationIssue(
                Message("The cell is empty."),
                file=file,
                row=at + int(i) + 2,
                column=column,
                fix=Message("write 0 where the country exports none of the product."),
            )
            for i in empty[:_MAX_ISSUES]
        ]
    return issues


def _shown(value: object) -> object:
    """A cell as the user wrote it (a NumPy scalar as a Python number)."""
    return value.item() if isinstance(value, np.generic) else value


def _enough(matrix: pd.DataFrame, file: str) -> pd.DataFrame:
    if not (matrix.to_numpy() > 0).any():
        raise DataValidationError(
            ValidationIssue(
                Message("Every export value is 0."),
                file=file,
                fix=Message("check that the file holds the export values."),
            )
        )
    return matrix


def read_published_eci(path: str | Path, country: str) -> dict[int, float]:
    """A country's published ECI series by year, from the OEC's table as staged by grappe.

    Parameters
    ----------
    path : str or Path
        A long table with the columns ``iso3``, ``year`` and ``eci`` (the layout of
        ``oec_eci_trade_1998_2022.csv``; see that folder's PROVENANCE.md).
    country : str
        ISO 3166-1 alpha-3 code (any case).

    Returns
    -------
    dict of int to float
        Year → ECI, in increasing order of year; empty when the country is not in the table
        (the OEC ranks only about 130 countries).

    Raises
    ------
    NotFoundError
        If the file does not exist.
    DataValidationError
        If a column is absent, or a year or an ECI is not a number.

    References
    ----------
    .. [1] The Observatory of Economic Complexity (oec.world), ECI (trade) rankings, as
       redistributed by Juhász, Wachs, Kaminski & Hidalgo (2026), *Research Policy* 55(3).
    """
    path = Path(path)
    file = str(path)
    frame = read_table(path, what=Message("ECI table"))
    fix = Message("give the OEC table with iso3, year and eci columns.")
    _require(frame, dict.fromkeys(("iso3", "year", "eci"), ""), file, fix=fix)
    rows = frame[frame["iso3"].str.strip().str.upper() == str(country).upper()]
    out: dict[int, float] = {}
    for col in ("year", "eci"):
        nums, bad = convert_numbers(rows[col])
        bad |= np.isnan(nums)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise DataValidationError(
                ValidationIssue(
                    Message("{value!r} is not a number.", value=rows[col].iloc[i]),
                    file=file,
                    row=int(rows.index[i]) + 2,
                    column=col,
                    fix=Message("write the year and the ECI as numbers."),
                )
            )
    for year, eci in zip(rows["year"], rows["eci"], strict=True):
        out[int(float(year))] = float(eci)
    return dict(sorted(out.items()))


def read_export_profile(
    trade: str | Path | pd.DataFrame,
    country: str,
    *,
    published_eci: str | Path | None = None,
    year: int | None = None,
    options: ReadOptions | None = None,
    **kernel_options: Any,
) -> ExportProfile:
    """A country's export profile from files: read the matrix, name its products, compute.

    The one path of the command line, the observatory job and a Python user: reads ``trade``
    with :func:`read_trade_matrix` (or takes a matrix already read), names its columns with
    :func:`product_labels`, reads the OEC's series with :func:`read_published_eci`, and calls
    :func:`grappe.complexity.export_profile`. A country code is upper-cased when the matrix
    has it in capitals (``dza`` → ``DZA``).

    Parameters
    ----------
    trade : str, Path or DataFrame
        The trade matrix file (or the matrix).
    country : str
        A row of the matrix.
    published_eci : str or Path, optional
        The OEC's ECI table (``oec_eci_trade_1998_2022.csv``).
    year : int, optional
        Year of the trade data.
    options : ReadOptions, optional
        How to read the trade file.
    **kernel_options
        Keyword options of :func:`~grappe.complexity.export_profile` (``top``,
        ``opportunities``, ``density_weight``, the sample thresholds…).

    Returns
    -------
    ExportProfile

    Raises
    ------
    NotFoundError
        A file is missing, or the country is not a row of the matrix.
    DataValidationError
        As :func:`read_trade_matrix` and :func:`read_published_eci`.
    InvalidParameterError
        As :func:`~grappe.complexity.export_profile`.

    References
    ----------
    .. [1] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
       MIT Press.
    """
    from grappe.complexity.exports import export_profile

    matrix = trade if isinstance(trade, pd.DataFrame) else read_trade_matrix(trade, options=options)
    codes, names, _ = product_labels(matrix.columns)
    key = str(country).strip()
    if key not in matrix.index and key.upper() in matrix.index:
        key = key.upper()
    series = read_published_eci(published_eci, key) if published_eci is not None else None
    return export_profile(
        matrix, key, year=year, codes=codes, names=names, published_eci=series, **kernel_options
    )
