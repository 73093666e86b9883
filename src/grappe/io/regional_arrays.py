"""A regional table read from Parquet into Arrow and NumPy arrays, without pandas (issue 17).

:func:`read_regional_arrays` is the second entry of the reader :func:`grappe.io.read_regional_table`
for the usual case of ``grappe map``: a Parquet file whose codes are clean, whose numbers are
numbers and whose checks all pass. It reads only the mapped columns (codes dictionary-encoded),
applies the very checks of the reader (:mod:`grappe.io._regional_checks`,
:mod:`grappe.io._plausibility`, :mod:`grappe.io._keys`) and settles the withheld cells with
the same function. Whenever a check finds a problem, or the file needs what only the reader of
frames does (CSV or Excel, text numbers, codes to clean, a flag or name column, ``where=``,
``years=``, ``levels=``, a preset that selects rows), it returns None: the reader of frames
then reads the file and reports every problem at once, with the same messages.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from grappe.errors import GrappeError

__all__ = ["CodeColumn", "RegionalArrays", "read_regional_arrays"]

_NUMERIC = ("employment", "establishments", "payroll")


@dataclass(frozen=True)
class CodeColumn:
    """A dictionary-encoded column: ``codes`` (int32 positions in ``categories``)."""

    codes: np.ndarray
    categories: list[str]

    def __getitem__(self, rows: Any) -> CodeColumn:
        return CodeColumn(self.codes[rows], self.categories)

    def __len__(self) -> int:
        return len(self.codes)

    def without_unused(self) -> CodeColumn:
        """The column without the categories no row uses (their order kept)."""
        used = np.bincount(self.codes, minlength=len(self.categories)) > 0
        if used.all():
            return self
        remap = (np.cumsum(used) - 1).astype(self.codes.dtype)
        kept = [c for c, u in zip(self.categories, used, strict=True) if u]
        return CodeColumn(remap[self.codes], kept)


@dataclass(frozen=True)
class RegionalArrays:
    """What :func:`grappe.io.read_regional_table` returns, as arrays: the same rows, in the
    same order, with the same values (:meth:`to_table` builds the RegionalTable).

    Attributes
    ----------
    region, industry : CodeColumn
        Region and industry codes (unused categories dropped).
    year : numpy.ndarray
        int16.
    employment, establishments, payroll : numpy.ndarray
        float64 (NaN for a count the table lacks).
    withheld : numpy.ndarray
        bool: the cells withheld in the file.
    imputed : numpy.ndarray or None
        bool under ``withheld="impute_residual"``: the withheld cells imputed.
    classification, region_type, source, withheld_policy, unit, region_names
        As in :class:`grappe.model.RegionalTable`.
    """

    region: CodeColumn
    industry: CodeColumn
    year: np.ndarray
    employment: np.ndarray
    establishments: np.ndarray
    payroll: np.ndarray
    withheld: np.ndarray
    imputed: np.ndarray | None
    classification: str
    region_type: str
    source: str
    withheld_policy: str
    unit: str | None = None
    region_names: Mapping[str, str] = field(default_factory=dict)

    @property
    def years(self) -> tuple[int, ...]:
        """Sorted distinct years present."""
        if not len(self.year):
            return ()
        low = int(self.year.min())
        present = np.bincount(self.year.astype(np.int64) - low) > 0
        return tuple(int(y) + low for y in np.flatnonzero(present))

    def region_name(self, code: str) -> str:
        """Display name of a region (its code when no name is known)."""
        return str(self.region_names.get(code, code))

    def to_table(self) -> Any:
        """The :class:`~grappe.model.RegionalTable` of these arrays (imports pandas)."""
        import pandas as pd

        from grappe.model import RegionalTable

        def categorical(column: CodeColumn) -> pd.Categorical:
            return pd.Categorical.from_codes(
                column.codes, categories=pd.Index(column.categories, dtype=str)
            )

        data = pd.DataFrame(
            {
                "region": categorical(self.region),
                "industry": categorical(self.industry),
                "year": self.year,
                "employment": self.employment,
                "establishments": self.establishments,
                "payroll": self.payroll,
                "withheld": self.withheld,
            },
            copy=False,
        )
        if self.imputed is not None:
            data["imputed"] = self.imputed
        return RegionalTable(
            data=data,
            classification=self.classification,
            region_type=self.region_type,
            region_names=dict(self.region_names),
            source=self.source,
            withheld_policy=self.withheld_policy,
            unit=self.unit,
        )


def read_regional_arrays(
    path: str | Path,
    *,
    source: str | None = None,
    columns: Mapping[str, str] | None = None,
    classification: str | None = None,
    region_type: str | None = None,
    withheld: str | None = None,
    years: Any = None,
    levels: Any = None,
    known_codes: Collection[str] | None = None,
    duplicates: str = "raise",
    measure: str = "employment",
    where: Mapping[str, Any] | None = None,
    options: Any = None,
) -> RegionalArrays | None:
    """Read a regional table as :func:`~grappe.io.read_regional_table` does (same
    parameters, same rows and values), without pandas — or None when that reader must.

    Returns
    -------
    RegionalArrays or None
        None when the file is not a Parquet file, when an option needs the reader of frames
        (``columns``, ``years``, ``levels``, ``where``, a measure other than employment, a
        preset that selects rows), when a column holds text numbers, codes to clean, missing
        values in a key, a flag or region names, and whenever a check of the reader finds a
        problem: :func:`~grappe.io.read_regional_table` then reports it.

    Warns
    -----
    DataWarning
        As the reader: every employment cell of some regions, or years, is 0.

    References
    ----------
    .. [1] Isserman, A. M. & Westervelt, J. (2006), "1.5 million missing numbers: overcoming
       employment suppression in County Business Patterns data", International Regional
       Science Review 29(3), 311–335 (the imputation of withheld cells).

    Examples
    --------
    >>> from grappe.io import bundled_cbp_state_path
    >>> arrays = read_regional_arrays(bundled_cbp_state_path(), source="cbp")
    >>> arrays.years, arrays.region_type
    ((2017, 2018, 2019, 2020, 2021), 'state')
    """
    del options  # the number format of text cells: text numbers go to the reader of frames
    if columns or years is not None or levels is not None or where or measure != "employment":
        return None
    if not str(path).lower().endswith((".parquet", ".pq")):
        return None
    try:
        return _read(
            path,
            source=source,
            classification=classification,
            region_type=region_type,
            withheld=withheld,
            known_codes=known_codes,
            duplicates=duplicates,
        )
    except GrappeError:  # the reader of frames says it, with every other problem of the file
        return None


def _read(
    path: Any,
    *,
    source: str | None,
    classification: str | None,
    region_type: str | None,
    withheld: str | None,
    known_codes: Collection[str] | None,
    duplicates: str,
) -> RegionalArrays | None:
    from grappe._validation import check_duplicates, check_option
    from grappe.codes import CLASSIFICATIONS
    from grappe.io._keys import duplicate_issues
    from grappe.io._layout import _check_path
    from grappe.io._plausibility import MAX_AMOUNT, MAX_COUNT, check_not_all_zero, year_issues
    from grappe.io._regional_checks import (
        _FUNC,
        WITHHELD_POLICIES,
        _code_issues,
        _within,
        region_year_groups,
        settle_withheld,
    )
    from grappe.io.presets import PRESETS

    path, fmt = _check_path(path)
    preset = None
    if source is not None:
        preset = PRESETS[check_option(source, "source", tuple(PRESETS), func=_FUNC)]
        if _selects_rows(preset):
            return None
    policy = check_option(
        (preset.withheld if preset else "raise") if withheld is None else withheld,
        "withheld",
        WITHHELD_POLICIES,
        func=_FUNC,
    )
    classification = check_option(
        classification or (preset.classification if preset else "custom"),
        "classification",
        CLASSIFICATIONS,
        func=_FUNC,
    )
    check_duplicates(duplicates, func=_FUNC)
    if known_codes is None and preset is not None and classification == preset.classification:
        known_codes = preset.known_codes()

    file = str(path)
    table = _read_columns(path, preset, file)
    if table is None:
        return None
    arrow, mapping, layout_type = table
    name = {ours: theirs for theirs, ours in mapping.items()}
    if {"flag", "region_name"} & set(mapping.values()):
        return None
    region = _codes(arrow.column(name["region"]), None)
    industry = _codes(arrow.column(name["industry"]), classification)
    year = _whole_numbers(arrow.column(name["year"]))
    if region is None or industry is None or year is None:
        return None
    n = len(year)
    rows = np.arange(1, n + 1, dtype=np.int64)  # Parquet rows are numbered from 1
    if _code_issues(industry, rows, classification, known_codes, file, name["industry"]):
        return None
    if year_issues(year, rows, file=file, column=name["year"]):
        return None
    values = {}
    for col in _NUMERIC:
        if col not in name:
            values[col] = np.full(n, np.nan)
            continue
        values[col] = _numbers(arrow.column(name[col]))
        bound = MAX_AMOUNT if col == "payroll" else MAX_COUNT
        if values[col] is None or not _within(values[col], 0.0, bound):
            return None
    del arrow
    groups = region_year_groups(region, year)
    if groups is None:
        return None
    if duplicate_issues(region, industry, year, rows, file, name, groups=groups):
        return None  # under duplicates="sum" too: the reader of frames adds them up
    employment, withheld_mask, imputed, kept = settle_withheld(
        values,
        flag=None,
        has_employment=True,
        preset=preset,
        policy=policy,
        level_keep=None,
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
        groups = groups[kept]
    check_not_all_zero(
        employment, region, year, rows, file=file, column=name["employment"], groups=groups
    )
    region = region.without_unused()
    present = set(region.categories)
    names = preset.region_names() if preset else {}
    return RegionalArrays(
        region=region,
        industry=industry.without_unused(),
        year=year.astype(np.int16),
        employment=employment,
        establishments=values["establishments"],
        payroll=values["payroll"],
        withheld=withheld_mask,
        imputed=imputed,
        classification=classification,
        region_type=region_type or layout_type or "region",
        source=file,
        withheld_policy=policy,
        unit=None,
        region_names={k: v for k, v in names.items() if k in present},
    )


def _selects_rows(preset: Any) -> bool:
    """Whether a preset leaves rows out or reads more columns (Eurostat's aggregates, levels,
    pseudo-industries, withheld marks, unit): the reader of frames does that."""
    return bool(
        preset.aggregate_regions
        or preset.region_levels
        or preset.excluded_industries
        or preset.withheld_marks
        or preset.unit_column
        or preset.level_column
    )


def _read_columns(path: Path, preset: Any, file: str) -> tuple[Any, dict, str | None] | None:
    """The mapped columns of the Parquet file (text dictionary-encoded), the mapping and the
    region type of the preset's layout; None when the file cannot be read here."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from grappe.io._formats import parquet_schema
    from grappe.io._layout import REQUIRED_COLUMNS, _mapping

    schema = parquet_schema(path, what="regional table")
    file_columns = [str(n) for n in schema.names]
    layout_type, mapping = _mapping(file, file_columns, preset, None, REQUIRED_COLUMNS)
    wanted = list(mapping)
    text = [c for c in wanted if pa.types.is_string(schema.field(c).type)
            or pa.types.is_large_string(schema.field(c).type)]  # fmt: skip
    try:  # ParquetFile, not read_table: pyarrow.dataset imports pandas
        table = pq.ParquetFile(path, read_dictionary=text).read(columns=wanted)
    except (pa.ArrowException, OSError, ValueError, TypeError, KeyError):
        return None
    return table, mapping, layout_type


def _codes(column: Any, classification: str | None) -> CodeColumn | None:
    """A dictionary column's codes, when they are clean as the reader would make them
    (stripped, normalised, distinct, none empty or missing); else None."""
    import pyarrow as pa

    from grappe.codes import normalize_code
    from grappe.io._arrow import codes_of

    if not pa.types.is_dictionary(column.type) or column.null_count:
        return None
    codes, values = codes_of(column)
    categories = [str(c) for c in values]
    clean = [c.strip() for c in categories]
    if classification is not None:
        clean = [normalize_code(c, classification) for c in clean]
    if clean != categories or "" in clean or len(set(clean)) != len(clean):
        return None
    return CodeColumn(codes, categories)


def _whole_numbers(column: Any) -> np.ndarray | None:
    """An integer column without missing values as float64 (the reader's years); else None."""
    import pyarrow as pa

    from grappe.io._arrow import number_column

    if not pa.types.is_integer(column.type) or column.null_count:
        return None
    return number_column(column)


def _numbers(column: Any) -> np.ndarray | None:
    """A numeric column as float64, missing values NaN; None for text (the reader parses it)."""
    from grappe.io._arrow import number_column

    return number_column(column)
