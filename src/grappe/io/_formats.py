"""Bytes checks and the binary formats behind :mod:`grappe.io.files`: magic bytes, gzip,
Parquet, Excel workbooks, and the column names of a header.

Private to :mod:`grappe.io`; the public names are re-exported by :mod:`grappe.io.files`.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    NotFoundError,
    ValidationIssue,
)
from grappe.i18n import Message
from grappe.io._options import TABLE_SUFFIXES

if TYPE_CHECKING:  # pandas is imported by the readers of frames only
    import pandas as pd


def table_format(path: str | Path) -> str | None:
    """The format of a table file from its suffix, or None.

    Examples
    --------
    >>> table_format("emploi.CSV.gz"), table_format("x.xlsx"), table_format("x.json")
    ('csv.gz', 'excel', None)
    """
    name = Path(path).name.lower()
    for suffix in sorted(TABLE_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return TABLE_SUFFIXES[suffix]
    return None


def existing_file(path: Any, what: str) -> Path:
    """``path`` as a Path, refusing a folder and a missing file with the user's words.

    Raises
    ------
    InvalidParameterError
        ``path`` is not a str or a Path.
    DataValidationError
        ``path`` is a folder.
    NotFoundError
        Nothing exists at ``path``.
    """
    if not isinstance(path, str | Path):
        raise InvalidParameterError(
            Message(
                "The path of the {what} must be a str or a Path. Got {type} instead.",
                what=Message(what),
                type=type(path).__name__,
            )
        )
    p = Path(path)
    if p.is_dir():
        raise DataValidationError(
            ValidationIssue(
                Message("the {what} is a folder, not a file.", what=Message(what)),
                file=str(p),
                fix=Message("give the path of a file."),
            )
        )
    if not p.is_file():
        # ``what`` is looked up in the catalogue too ("regional table"…)
        raise NotFoundError(
            Message("No such file: {path!r} (the {what}).", path=str(p), what=Message(what))
        )
    return p


def _issue(file: str, message: str, fix: str, row: int | None = None) -> DataValidationError:
    return DataValidationError(ValidationIssue(message, file=file, row=row, fix=fix))


_MAGIC = {
    b"PAR1": "a Parquet file",
    b"PK\x03\x04": "a zip archive (an Excel .xlsx workbook?)",
    b"\x1f\x8b": "a gzip-compressed file",
    b"\xd0\xcf\x11\xe0": "an old Excel .xls workbook",
    b"%PDF": "a PDF document",
}


def _check_magic(data: bytes, fmt: str, file: str, what: str) -> None:
    """Refuse a file whose first bytes say it is not what its suffix says."""
    if fmt == "parquet":
        if not data.startswith(b"PAR1"):
            raise _issue(
                file,
                f"the {what} is not a Parquet file (it does not start with PAR1).",
                "give a Parquet file, or name the file after its real format.",
            )
        if len(data) < 12 or not data.endswith(b"PAR1"):
            raise _issue(
                file,
                f"the Parquet {what} is truncated (it does not end with PAR1).",
                "copy or export the file again; it was cut short.",
            )
        return
    if fmt == "excel":
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise _issue(
                file,
                f"the {what} is an old Excel .xls workbook, named .xlsx.",
                "open it in Excel or LibreOffice and save it as .xlsx.",
            )
        if not data.startswith(b"PK\x03\x04"):
            raise _issue(
                file,
                f"the {what} is not an Excel .xlsx workbook.",
                "save it from Excel as .xlsx, or name the file after its real format.",
            )
        return
    if fmt.endswith(".gz"):
        if not data.startswith(b"\x1f\x8b"):
            raise _issue(
                file,
                f"the {what} is not gzip-compressed, though its name ends in .gz.",
                "compress it with gzip, or remove the .gz suffix.",
            )
        return
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise _issue(
                file,
                f"the {what} is {kind}, not a text table.",
                "give a CSV file, or name the file after its real format "
                "(.parquet, .xlsx, .csv.gz).",
            )


def _decompress(data: bytes, file: str, what: str) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise _issue(
            file,
            f"the gzip compression of the {what} is damaged or the file is truncated ({exc}).",
            "copy or download the file again.",
        ) from None


def _header_names(names: list[Any], file: str, what: str) -> list[str]:
    """The column names, stripped; repeated names refused with both positions."""
    clean = [
        "" if n is None or (isinstance(n, float) and np.isnan(n)) else str(n).strip() for n in names
    ]
    seen: dict[str, int] = {}
    issues = []
    for position, name in enumerate(clean, start=1):
        if name == "":
            continue
        if name in seen:
            issues.append(
                ValidationIssue(
                    f"the column name {name!r} is repeated in the {what}: columns "
                    f"{seen[name]} and {position} of the header have it.",
                    file=file,
                    row=1,
                    column=name,
                    fix="give every column of the header a different name.",
                )
            )
        else:
            seen[name] = position
    if issues:
        raise DataValidationError(issues)
    return [n if n else f"Unnamed: {i}" for i, n in enumerate(clean)]


def parquet_schema(path: str | Path, *, what: str = "table") -> Any:
    """The checked schema of a Parquet file (magic bytes, readable footer, unique names)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = existing_file(path, what)
    file = str(p)
    size = p.stat().st_size
    if size == 0:
        raise _issue(file, f"the {what} is empty (0 bytes).", "give a Parquet file.")
    with p.open("rb") as handle:
        head = handle.read(4)
        handle.seek(max(0, size - 4))
        tail = handle.read(4)
    _check_magic(head + (b"\x00" * 8 if size >= 12 else b"") + tail, "parquet", file, what)
    try:
        schema = pq.read_schema(p)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise _issue(
            file,
            f"the Parquet {what} is damaged or truncated ({exc}).",
            "copy or export the file again.",
        ) from None
    _header_names(list(schema.names), file, what)
    return schema


def open_workbook(path: str | Path, *, what: str = "table") -> Any:
    """A checked :class:`pandas.ExcelFile` (zip magic, a workbook inside)."""
    p = existing_file(path, what)
    return _workbook(p, str(p), what)


def workbook_from_bytes(data: bytes, *, name: str, what: str = "table") -> Any:
    """A checked :class:`pandas.ExcelFile` of an uploaded workbook, checked as
    :func:`open_workbook` checks a file, its errors naming ``name``."""
    return _workbook(data, name, what)


def _workbook(source: Path | bytes, file: str, what: str) -> Any:
    if isinstance(source, bytes):
        head = source[:4]
    else:
        with source.open("rb") as handle:
            head = handle.read(4)
    if not head:
        raise _issue(file, f"the {what} is empty (0 bytes).", "give an Excel .xlsx workbook.")
    _check_magic(head, "excel", file, what)
    opened = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with zipfile.ZipFile(opened) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _issue(
            file,
            f"the Excel {what} is damaged or truncated ({exc}).",
            "save it again from Excel as .xlsx.",
        ) from None
    if "xl/workbook.xml" not in names:
        raise _issue(
            file,
            f"the {what} is a zip archive but not an Excel workbook.",
            "save it from Excel as .xlsx.",
        )
    import pandas as pd

    try:
        return pd.ExcelFile(
            io.BytesIO(source) if isinstance(source, bytes) else source, engine="openpyxl"
        )
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise _issue(
            file,
            f"the Excel {what} is damaged ({type(exc).__name__}: {exc}).",
            "save it again from Excel as .xlsx.",
        ) from None


def _sheet(excel: Any, sheet: Any, file: str, prefer: str | None = None) -> Any:
    sheets = excel.sheet_names
    if sheet is None:
        # A workbook holding several tables names them like the CSV files (actors, ties…).
        named = [s for s in sheets if prefer and str(s).strip().casefold() == prefer.casefold()]
        return named[0] if named else 0
    if sheet in sheets or (
        isinstance(sheet, int) and not isinstance(sheet, bool) and 0 <= sheet < len(sheets)
    ):
        return sheet
    raise NotFoundError(f"{file!r} has no sheet {sheet!r}; its sheets are {sheets}.")


def _read_parquet(p: Path, what: str) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet_schema(p, what=what)
    try:
        return pq.read_table(p).to_pandas()
    # a damaged file or damaged pandas metadata (JSON in the footer): many kinds of errors
    except (pa.ArrowException, OSError, ValueError, TypeError, KeyError) as exc:
        raise _issue(
            str(p),
            f"the Parquet {what} is damaged or truncated ({exc}).",
            "copy or export the file again.",
        ) from None


def _read_excel(p: Path, sheet: Any, dtype: Any, what: str, nrows: int | None) -> pd.DataFrame:
    return excel_frame(open_workbook(p, what=what), str(p), sheet, dtype, what, nrows=nrows)


def excel_frame(
    excel: Any,
    file: str,
    sheet: Any,
    dtype: Any,
    what: str,
    *,
    nrows: int | None = None,
    prefer: str | None = None,
) -> pd.DataFrame:
    """One sheet of an opened workbook as a table (header checked as a CSV header is):
    ``sheet`` by name or position, else the sheet named ``prefer`` (any case), else the first."""
    import pandas as pd

    name = _sheet(excel, sheet, file, prefer)
    try:
        top = pd.read_excel(excel, sheet_name=name, header=None, nrows=1)
        if top.empty:
            raise _issue(
                file,
                f"the sheet {name!r} of the {what} is empty.",
                "put a header row and data rows in the first sheet, or choose the sheet.",
            )
        header = _header_names(list(top.iloc[0]), file, what)
        frame = pd.read_excel(excel, sheet_name=name, dtype=dtype, nrows=nrows)
    except DataValidationError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged sheet
        raise _issue(
            file,
            f"the Excel {what} cannot be read ({type(exc).__name__}: {exc}).",
            "save it again from Excel as .xlsx.",
        ) from None
    if len(header) == frame.shape[1]:
        frame.columns = header
    return frame
