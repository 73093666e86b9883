"""File layout, reading and column conversions behind :func:`grappe.io.read_regional_table`.

Private to :mod:`grappe.io`: the public reader in :mod:`grappe.io.regional` validates the
values these helpers return.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from grappe.codes import code_level, normalize_code
from grappe.errors import (
    DataValidationError,
    ValidationIssue,
)
from grappe.i18n import Message
from grappe.io._layout import (  # noqa: F401  (the layout, re-exported for the readers)
    REQUIRED_COLUMNS,
    TABLE_COLUMNS,
    _check_ints,
    _check_path,
    _mapping,
)
from grappe.io.files import ReadOptions, convert_numbers, parquet_schema, read_table

_FUNC = "read_regional_table"
_WHAT = Message("regional table")


def _file_columns(
    path: Path, fmt: str, sheet: Any, options: ReadOptions | None
) -> tuple[list[str], pd.DataFrame | None]:
    """The file's column names; and, for CSV and Excel, the whole table (read once)."""
    if fmt == "parquet":
        return [str(n) for n in parquet_schema(path, what=_WHAT).names], None
    frame = read_table(
        path, options=options, sheet=sheet, dtype=str if fmt == "csv" else object, what=_WHAT
    )
    return [str(c) for c in frame.columns], frame


def _read(
    path: Path,
    fmt: str,
    mapping: dict[str, str],
    loaded: pd.DataFrame | None,
    levels: tuple[int, ...] | None,
    classification: str,
    extra: tuple[str, ...] = (),
) -> tuple[pd.DataFrame, np.ndarray]:
    """The mapped columns, renamed to ours; and the row number in the file of each row.

    Each of the ``extra`` file columns (those of ``where=`` and of a preset) is added as
    ``"where:<name>"`` (:data:`grappe.io._select.WHERE_PREFIX`).
    """
    file_cols = list(mapping)
    if fmt == "parquet":
        import pyarrow as pa

        try:
            frame, rows = _read_parquet_columns(
                path, mapping, list(dict.fromkeys(file_cols + list(extra))), levels, classification
            )
            return _with_extra(frame, frame, mapping, extra), rows
        except DataValidationError:
            raise
        # a damaged file or damaged pandas metadata (JSON in the footer): many kinds of errors
        except (pa.ArrowException, OSError, ValueError, TypeError, KeyError) as exc:
            raise DataValidationError(
                ValidationIssue(
                    f"the Parquet file is damaged ({exc}).",
                    file=str(path),
                    fix="copy or export the file again.",
                )
            ) from None
    assert loaded is not None
    rows = np.arange(len(loaded), dtype=np.int64) + 2
    blank = loaded.isna().all(axis=1).to_numpy()
    if blank.any():  # blank lines are not rows; the others keep their line numbers
        loaded, rows = loaded[~blank], rows[~blank]
    frame = loaded[file_cols].rename(columns=mapping).reset_index(drop=True)
    return _with_extra(frame, loaded.reset_index(drop=True), None, extra), rows


def _with_extra(
    frame: pd.DataFrame,
    source: pd.DataFrame,
    mapping: dict[str, str] | None,
    extra: tuple[str, ...],
) -> pd.DataFrame:
    """``frame`` with each ``extra`` column of ``source`` added as ``"where:<name>"``.

    ``mapping`` is None when ``source`` has the file's names; else ``source`` is ``frame``
    itself, renamed by ``mapping``, and the extra columns that are not mapped are moved.
    """
    if not extra:
        return frame
    names = mapping or {}
    added = {f"where:{c}": source[names.get(c, c)].to_numpy() for c in extra}
    moved = [] if mapping is None else [c for c in extra if c not in mapping]
    return frame.drop(columns=moved).assign(**added)


def _read_parquet_columns(
    path: Path,
    mapping: dict[str, str],
    file_cols: list[str],
    levels: tuple[int, ...] | None,
    classification: str,
) -> tuple[pd.DataFrame, np.ndarray]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.read_schema(path)
    text = [
        c
        for c in file_cols
        if pa.types.is_string(schema.field(c).type)
        or pa.types.is_large_string(schema.field(c).type)
    ]
    table = pq.read_table(path, columns=file_cols, read_dictionary=text)
    industry = next(f for f, o in mapping.items() if o == "industry")
    if levels is not None and industry in text:
        # Select the levels on the dictionary of codes, before any row reaches pandas.
        keep = _level_mask(table.column(industry), levels, classification)
        rows = np.flatnonzero(keep) + 1
        table = table.filter(pa.array(keep))
    else:
        rows = np.arange(table.num_rows, dtype=np.int64) + 1
    # one pandas block per column (no stacking copy), each Arrow buffer freed once converted
    frame = table.to_pandas(split_blocks=True, self_destruct=True)
    return frame.rename(columns=mapping), rows


def _level_mask(column: Any, levels: tuple[int, ...], classification: str) -> np.ndarray:
    """Rows whose code is of one of ``levels`` — or missing or malformed, to be reported."""
    parts, memo = [], {}

    def wanted(value: Any) -> bool:
        if value not in memo:
            level = code_level(normalize_code(_code_text(value), classification), classification)
            memo[value] = level is None or level in levels
        return memo[value]

    for chunk in column.chunks:
        # Null codes (last entry) are kept, to be reported as missing.
        mask = np.array([wanted(v) for v in chunk.dictionary.to_pylist()] + [True], dtype=bool)
        indices = chunk.indices.fill_null(len(mask) - 1).to_numpy()
        parts.append(mask[indices])
    return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)


# --- conversions ----------------------------------------------------------------------------


def _codes(series: pd.Series, classification: str | None) -> pd.Categorical:
    """Codes as a categorical of stripped (and, for a classification, normalised) strings."""
    cat = series if isinstance(series.dtype, pd.CategoricalDtype) else series.astype("category")
    original = list(cat.cat.categories)
    categories = [_code_text(c) for c in original]
    if classification is not None:
        categories = [normalize_code(c, classification) for c in categories]
    codes = cat.cat.codes.to_numpy()
    if categories == original and "" not in categories and len(set(categories)) == len(original):
        # Already clean (the usual case): keep the codes, skip a pass over every row.
        return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=str))
    unique, inverse = np.unique(np.array(categories, dtype=object).astype(str), return_inverse=True)
    new_codes = np.where(codes < 0, -1, inverse[codes] if len(inverse) else codes)
    empty = np.flatnonzero(unique == "")
    if len(empty):
        new_codes = np.where(np.isin(new_codes, empty), -1, new_codes)
    return pd.Categorical.from_codes(new_codes, categories=pd.Index(unique, dtype=str))


def _drop_unused(cat: pd.Categorical) -> pd.Categorical:
    """``cat`` without unused categories (a bincount, cheaper than pandas' unique)."""
    codes = cat.codes
    used = np.bincount(codes[codes >= 0], minlength=len(cat.categories)) > 0
    if used.all():
        return cat
    remap = np.cumsum(used) - 1
    new_codes = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1)
    return pd.Categorical.from_codes(new_codes, categories=cat.categories[used])


def _code_text(value: Any) -> str:
    # Spreadsheets turn codes into numbers (311111 → 311111.0); give them back their digits.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _numbers(
    series: pd.Series, options: ReadOptions | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Values as float64 and the mask of non-empty values that are not numbers."""
    return convert_numbers(series, options=options)


def _flags(series: pd.Series) -> np.ndarray:
    # Case matters: CBP size classes are capitals, while Eurostat's lower-case flags
    # ("b" break in series, "u" unreliable) qualify a published value.
    text = series.astype("string").str.strip()
    return text.fillna("").to_numpy(dtype=object)
