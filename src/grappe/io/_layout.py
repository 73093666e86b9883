"""The layout of a regional table (its path, its columns, our names for them), without pandas.

Private to :mod:`grappe.io`: shared by the reader of frames (:mod:`grappe.io.regional`, through
:mod:`grappe.io._tables`) and the reader of Arrow columns (:mod:`grappe.io.regional_arrays`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.io._formats import existing_file

_FUNC = "read_regional_table"
_WHAT = Message("regional table")

#: Our column names that a file's columns can be mapped to with ``columns=``.
TABLE_COLUMNS: tuple[str, ...] = (
    "region",
    "industry",
    "year",
    "employment",
    "establishments",
    "payroll",
    "flag",
    "region_name",
)

#: Columns a file must provide (after the mapping).
REQUIRED_COLUMNS: tuple[str, ...] = ("region", "industry", "year", "employment")

# --- parameters and file layout -------------------------------------------------------------


def _check_path(path: Any) -> tuple[Path, str]:
    if not isinstance(path, str | Path):
        raise InvalidParameterError(
            f"The 'path' parameter of {_FUNC} must be a str or a Path. "
            f"Got {type(path).__name__} instead."
        )
    path = Path(path)
    name = path.name.lower()
    if name.endswith((".csv", ".csv.gz")):
        fmt = "csv"
    elif name.endswith((".parquet", ".pq")):
        fmt = "parquet"
    elif name.endswith(".xlsx"):
        fmt = "excel"
    else:
        raise InvalidParameterError(
            f"The 'path' parameter of {_FUNC} must be a .csv, .csv.gz, .parquet or .xlsx file. "
            f"Got {str(path)!r} instead."
        )
    existing_file(path, _WHAT)
    return path, fmt


def _check_ints(values: Any, name: str) -> tuple[int, ...] | None:
    if values is None:
        return None
    if isinstance(values, int | np.integer) and not isinstance(values, bool):
        values = (values,)
    try:
        out = tuple(values)
    except TypeError:
        out = None
    if not out or any(isinstance(v, bool) or not isinstance(v, int | np.integer) for v in out):
        raise InvalidParameterError(
            f"The {name!r} parameter of {_FUNC} must be a non-empty list of integers or None. "
            f"Got {values!r} instead."
        )
    return tuple(int(v) for v in out)


def _mapping(
    file: str,
    file_columns: list[str],
    preset: Any,
    columns: Mapping[str, str] | None,
    required: tuple[str, ...] = REQUIRED_COLUMNS,
) -> tuple[str | None, dict[str, str]]:
    """File column → our column, checked; and the region type implied by the preset.

    ``required`` are our columns the file must provide: :data:`REQUIRED_COLUMNS`, or the
    count to map by in place of ``employment`` (``read_regional_table(measure=...)``).
    """
    region_type = None
    mapping: dict[str, str] = {}
    if preset is not None:
        found = preset.layout(file_columns)
        if found is None:
            markers = [m for m, _, _ in preset.layouts]
            raise DataValidationError(
                ValidationIssue(
                    f"the file does not have the layout of source={preset.name!r}: none of the "
                    f"region columns {markers} is present; it has the columns {file_columns}.",
                    file=file,
                    fix="check the file, or describe its layout with columns={...} and no source.",
                )
            )
        region_type, mapping = found
    else:
        mapping = {c: c for c in TABLE_COLUMNS if c in file_columns}
    if columns is not None:
        if not isinstance(columns, Mapping) or any(
            not isinstance(k, str) or v not in TABLE_COLUMNS for k, v in columns.items()
        ):
            raise InvalidParameterError(
                f"The 'columns' parameter of {_FUNC} must be a mapping from the file's column "
                f"names to names among {list(TABLE_COLUMNS)}. Got {columns!r} instead."
            )
        targets = list(columns.values())
        if len(set(targets)) != len(targets):
            raise InvalidParameterError(
                f"The 'columns' parameter of {_FUNC} must map at most one file column to each "
                f"of our names. Got {dict(columns)!r} instead."
            )
        mapping = {k: v for k, v in mapping.items() if v not in targets and k not in columns}
        mapping.update(columns)
    issues = []
    for ours in required:
        theirs = [f for f, o in mapping.items() if o == ours]
        if not theirs or theirs[0] not in file_columns:
            wanted = (
                Message("{file_column!r} (mapped to {ours!r})", file_column=theirs[0], ours=ours)
                if theirs
                else repr(ours)
            )
            # a table of firm counts (SMEs by region and sector) is mapped by them
            by_counts = ours == "employment" and "establishments" in mapping.values()
            issues.append(
                ValidationIssue(
                    Message(
                        "the required column {wanted} is missing; the file has the columns "
                        "{columns}.",
                        wanted=wanted,
                        columns=file_columns,
                    ),
                    file=file,
                    column=theirs[0] if theirs else ours,
                    fix=Message(
                        "name the column {ours!r}, or pass columns={{'<name in file>': {ours!r}}}, "
                        "or map the table by its establishments with measure='establishments'.",
                        ours=ours,
                    )
                    if by_counts
                    else Message(
                        "name the column {ours!r}, or pass columns={{'<name in file>': {ours!r}}}.",
                        ours=ours,
                    ),
                )
            )
    absent = [f for f, o in mapping.items() if o not in required and f not in file_columns]
    issues += [
        ValidationIssue(
            f"the column {f!r} given in columns= is not in the file; it has {file_columns}.",
            file=file,
            column=f,
            fix="correct the name in columns=.",
        )
        for f in absent
    ]
    if issues:
        raise DataValidationError(issues)
    return region_type, mapping
