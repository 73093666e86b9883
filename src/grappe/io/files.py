"""The one place where grappe opens a user's file: tables (CSV, TSV, gzip, Parquet, Excel),
documents (YAML, JSON) and the numbers written in them.

Every reader of :mod:`grappe.io` goes through :func:`read_table`, :func:`read_document` or
:func:`read_text`, so that a bad file gets the same clear
:class:`~grappe.errors.DataValidationError` (file, row or column, and the fix) whichever
command reads it: empty or whitespace-only files, binary data, the wrong kind of file for its
suffix, truncated Parquet, damaged gzip, unclosed quotes, undecodable text, repeated column
names and rows with more fields than the header.

How a text file is read
-----------------------
* **Encoding** — the ``encoding`` option wins. Otherwise: a UTF-16 byte-order mark means
  UTF-16; text that decodes as UTF-8 is UTF-8 (a UTF-8 byte-order mark is dropped); anything
  else is read as cp1252, the encoding of "CSV" files saved by a French-language Excel.
* **Separator** — the ``sep`` option wins; ``.tsv`` files use a tab. Otherwise the one of
  ``,`` ``;`` tab ``|`` that occurs most often in the header line (outside quotes); ``,`` when
  none occurs or on a tie.
* **Numbers** — :func:`parse_numbers` reads ``1 234,5`` (``decimal=","``), thousands
  separators in groups of three digits (space, no-break space U+00A0, narrow no-break space
  U+202F always; ``.`` when the decimal mark is ``,``; the ``thousands`` option), and
  Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits with the Arabic decimal and
  thousands marks (U+066B, U+066C).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    NotFoundError,
    ValidationIssue,
)

__all__ = [
    "SEPARATORS",
    "TABLE_SUFFIXES",
    "ReadOptions",
    "convert_numbers",
    "open_workbook",
    "parquet_schema",
    "parse_numbers",
    "read_document",
    "read_header",
    "read_table",
    "read_text",
    "table_format",
]

#: Separators detected when ``sep`` is not given, in order of preference on a tie.
SEPARATORS: tuple[str, ...] = (",", ";", "\t", "|")

#: Suffix of a table file → its format.
TABLE_SUFFIXES: dict[str, str] = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".csv.gz": "csv.gz",
    ".txt.gz": "csv.gz",
    ".tsv.gz": "tsv.gz",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "excel",
}

_THOUSANDS = (" ", "\u00a0", "\u202f", ".", ",", "'", "\u066c")
_DECIMALS = (".", ",")
_SPACES = " \u00a0\u202f"
_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u066b": ",",  # Arabic decimal separator; mapped to the decimal option below
        "\u2212": "-",  # minus sign
    }
)
_MAX_LISTED = 20
_ENCODING_FIX = (
    "give the file's encoding with --encoding (for example --encoding cp1252 for a CSV saved "
    "by a French Excel; ReadOptions(encoding='cp1252') in Python), or save it as 'CSV UTF-8'."
)


@dataclass(frozen=True)
class ReadOptions:
    """How to read a text table: encoding, separator and the way numbers are written.

    Parameters
    ----------
    encoding : str, optional
        Text encoding (``"utf-8"``, ``"cp1252"``, ``"latin-1"``…). Default: detected (UTF-16
        with a byte-order mark, else UTF-8 with or without a byte-order mark, else cp1252).
    sep : str, optional
        Field separator, one character (``"tab"`` is accepted for a tab). Default: detected
        among ``,`` ``;`` tab ``|`` from the header line.
    decimal : {".", ","}, default "."
        Decimal mark of the numbers.
    thousands : str, optional
        Thousands separator of the numbers, besides the spaces that are always accepted
        (``"."`` is implied by ``decimal=","``).

    Examples
    --------
    >>> ReadOptions(sep=";", decimal=",")
    ReadOptions(encoding=None, sep=';', decimal=',', thousands=None)
    """

    encoding: str | None = None
    sep: str | None = None
    decimal: str = "."
    thousands: str | None = None

    def __post_init__(self) -> None:
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except (LookupError, TypeError):
                raise InvalidParameterError(
                    "The 'encoding' option must be a text encoding such as utf-8 or cp1252. "
                    f"Got {self.encoding!r} instead."
                ) from None
        if self.sep is not None:
            sep = "\t" if self.sep in ("tab", "\\t", "TAB") else self.sep
            if not isinstance(sep, str) or len(sep) != 1 or sep in '\r\n"':
                raise InvalidParameterError(
                    "The 'sep' option must be one character such as , ; | or 'tab'. "
                    f"Got {self.sep!r} instead."
                )
            object.__setattr__(self, "sep", sep)
        if self.decimal not in _DECIMALS:
            raise InvalidParameterError(
                f"The 'decimal' option must be '.' or ','. Got {self.decimal!r} instead."
            )
        if self.thousands is not None:
            thousands = {"space": " ", "nbsp": "\u00a0"}.get(self.thousands, self.thousands)
            if thousands not in _THOUSANDS or thousands == self.decimal:
                raise InvalidParameterError(
                    "The 'thousands' option must be one of space, '.', ',', \"'\" (and differ "
                    f"from the decimal mark {self.decimal!r}). Got {self.thousands!r} instead."
                )
            object.__setattr__(self, "thousands", thousands)
        if self.sep is not None and self.sep == self.decimal:
            raise InvalidParameterError(
                f"The 'sep' and 'decimal' options must differ. Got {self.sep!r} for both."
            )


_DEFAULT = ReadOptions()


# --- opening --------------------------------------------------------------------------------


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


def _existing(path: Any, what: str) -> Path:
    if not isinstance(path, str | Path):
        raise InvalidParameterError(
            f"The path of the {what} must be a str or a Path. Got {type(path).__name__} instead."
        )
    p = Path(path)
    if p.is_dir():
        raise DataValidationError(
            ValidationIssue(
                f"the {what} is a folder, not a file.", file=str(p), fix="give the path of a file."
            )
        )
    if not p.is_file():
        raise NotFoundError(f"No such file: {str(p)!r} (the {what}).")
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


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode(data: bytes, encoding: str | None, file: str, what: str) -> tuple[str, str]:
    """The text and the encoding it was decoded with (see the module's notes)."""
    if encoding is None:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            candidates = ["utf-16"]
        else:
            candidates = ["utf-8-sig", "cp1252"]
    else:
        candidates = [encoding]
        if codecs.lookup(encoding).name == "utf-8":
            candidates = ["utf-8-sig"]
    first: UnicodeDecodeError | None = None
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError as exc:
            first = first or exc
            continue
        if "\x00" in text[:65536] or _is_binary(text[:65536]):
            raise _issue(
                file,
                f"the {what} holds binary data, not text.",
                "give a text (CSV) file; if it is a spreadsheet or Parquet file, name it "
                ".xlsx or .parquet.",
            )
        return text, candidate
    assert first is not None
    line = _line_of(data, first.start)
    if encoding is None:
        message = (
            f"the {what} is neither UTF-8 nor cp1252 text: byte {first.start} (line "
            f"{line}) cannot be decoded; it is probably binary data."
        )
        raise _issue(
            file, message, "give a text (CSV) file, or its encoding with --encoding.", row=line
        )
    message = (
        f"the {what} cannot be decoded as {encoding}: byte {first.start} "
        f"(0x{data[first.start]:02x}, line {line}) is not valid in that encoding."
    )
    fix = (
        _ENCODING_FIX
        if codecs.lookup(encoding).name == "utf-8"
        else ("give the right encoding with --encoding (utf-8, cp1252, latin-1…).")
    )
    raise _issue(file, message, fix, row=line)


def _is_binary(sample: str) -> bool:
    # Text tables have no control characters besides tab, CR and LF; binary data has many.
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    return controls > max(2, len(sample) // 100)


def read_text(path: str | Path, *, options: ReadOptions | None = None, what: str = "file") -> str:
    """The text of a file, decoded as described in the module's notes.

    Raises
    ------
    NotFoundError
        The file does not exist.
    DataValidationError
        The file is empty or whitespace only, binary, or cannot be decoded.
    """
    p = _existing(path, what)
    data = p.read_bytes()
    text, _ = _decode(data, (options or _DEFAULT).encoding, str(p), what)
    if not text.strip():
        raise _issue(
            str(p),
            f"the {what} is empty{' (only whitespace)' if text else ''}.",
            "give a file with content.",
        )
    return text


def read_document(
    path: str | Path,
    *,
    what: str = "document",
    options: ReadOptions | None = None,
    kind: str | None = None,
) -> Any:
    """Parse a YAML (``.yaml``, ``.yml``) or JSON (``.json``, ``.geojson``) file.

    ``kind`` ("yaml" or "json") overrides the suffix.

    Raises
    ------
    NotFoundError
        The file does not exist.
    DataValidationError
        The file is empty, undecodable, or not valid YAML/JSON — naming the line and column.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.yaml"
    >>> _ = p.write_text("phases:\\n  - diagnostic\\n", encoding="utf-8")
    >>> read_document(p, what="roadmap")
    {'phases': ['diagnostic']}
    """
    text = read_text(path, options=options, what=what)
    file = str(path)
    if kind is None:
        kind = "json" if Path(path).suffix.lower() in (".json", ".geojson") else "yaml"
    if kind == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise _issue(
                file,
                f"the {what} is not valid JSON: {exc.msg} at line {exc.lineno}, "
                f"column {exc.colno}.",
                "check the quotes, commas and brackets near that line.",
                row=exc.lineno,
            ) from None
        except RecursionError:
            raise _issue(
                file, f"the {what} nests too deeply to be read.", "flatten the document."
            ) from None
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise _issue(
            file,
            f"the {what} is not valid YAML ({getattr(exc, 'problem', exc)}{where}).",
            "check the indentation and quoting near that line.",
            row=mark.line + 1 if mark is not None else None,
        ) from None
    except RecursionError:
        raise _issue(
            file, f"the {what} nests too deeply to be read.", "flatten the document."
        ) from None


# --- tables ---------------------------------------------------------------------------------


def _sniff(text: str) -> str:
    """The separator of a header line: the most frequent candidate outside quotes."""
    end = text.find("\n")
    line = text[: end if end >= 0 else 4096]
    line = re.sub(r'"[^"]*"', "", line)  # separators inside quoted names do not count
    counts = [line.count(sep) for sep in SEPARATORS]
    best = max(counts)
    return SEPARATORS[counts.index(best)] if best else ","


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


def _csv_header(text: str, sep: str, file: str, what: str) -> list[str]:
    try:
        first = next(csv.reader(io.StringIO(text[: 1 << 16], newline=""), delimiter=sep), [])
    except csv.Error:
        first = []
    return _header_names(first, file, what) if first else []


_EXPECTED = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_EOF_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")


def _parser_error(exc: Exception, file: str, what: str) -> DataValidationError:
    text = str(exc)
    found = _EXPECTED.search(text)
    if found:
        n, line, saw = (int(x) for x in found.groups())
        return _issue(
            file,
            f"this row has {saw} fields but the header has {n} (a separator "
            "inside a value, or an extra field).",
            "quote the values that contain "
            "the separator, or remove the extra fields (check --sep).",
            row=line,
        )
    found = _EOF_QUOTE.search(text)
    if found:
        return _issue(
            file,
            f"a quote opened in this row of the {what} is never closed.",
            'close the quote, or double the quotes inside quoted values ("").',
            row=int(found.group(1)) + 1,
        )
    message = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return _issue(
        file,
        f"the {what} cannot be read as a table ({message}).",
        "check that it is a CSV file with one header line, and its separator.",
    )


def _ragged_row(text: str, sep: str, n: int) -> int | None:
    """The first row (header = 1) with more than ``n`` fields, the extra ones not all empty."""
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        for number, fields in enumerate(rows, start=1):
            if len(fields) > n and any(f.strip() for f in fields[n:]):
                return number
    except csv.Error:  # the row is then named by pandas' count, or not at all
        pass
    return None


def _read_csv(p: Path, fmt: str, options: ReadOptions, dtype: Any, what: str) -> pd.DataFrame:
    file = str(p)
    data = p.read_bytes()
    if not data:
        raise _issue(
            file, f"the {what} is empty (0 bytes).", "give a file with a header line and data rows."
        )
    _check_magic(data, fmt, file, what)
    if fmt.endswith(".gz"):
        data = _decompress(data, file, what)
    text, encoding = _decode(data, options.encoding, file, what)
    if not text.strip():
        raise _issue(
            file,
            f"the {what} is empty{' (only whitespace)' if text else ''}.",
            "give a file with a header line and data rows.",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    sep = options.sep or ("\t" if fmt.startswith("tsv") else _sniff(text.lstrip("\r\n")))
    header = _csv_header(text.lstrip("\r\n"), sep, file, what)
    source = io.BytesIO(data) if encoding in ("utf-8-sig", "utf-8") else io.StringIO(text)
    # with dtype=None, columns are typed in one pass (no mixed types from chunks)
    extra = {"low_memory": False} if dtype is None else {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            frame = pd.read_csv(
                source,
                sep=sep,
                dtype=dtype,
                encoding="utf-8-sig" if isinstance(source, io.BytesIO) else None,
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=False,
                skipinitialspace=True,
                index_col=False,
                # decimal and thousands matter only where pandas converts (dtype=None)
                decimal=options.decimal,
                thousands=options.thousands,
                **extra,
            )
        except pd.errors.EmptyDataError:
            raise _issue(
                file,
                f"the {what} is empty (no header line).",
                "give a file with a header line and data rows.",
            ) from None
        except (pd.errors.ParserError, ValueError, UnicodeDecodeError) as exc:
            raise _parser_error(exc, file, what) from None
    if any("does not match length of data" in str(w.message) for w in caught):
        # pandas drops the extra fields of the first rows silently under index_col=False.
        row = _ragged_row(text, sep, len(header) or frame.shape[1])
        raise _issue(
            file,
            "this row has more fields than the header.",
            "quote the values that contain the separator, or remove the extra "
            "fields (check --sep).",
            row=row,
        )
    if header and len(header) == frame.shape[1]:
        frame.columns = header
    # Blank lines at the very end are not rows; inside the file they are kept (row numbers).
    last = len(frame)
    while last and frame.iloc[last - 1].isna().all():
        last -= 1
    return frame.iloc[:last] if last < len(frame) else frame


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


def parquet_schema(path: str | Path, *, what: str = "table") -> Any:
    """The checked schema of a Parquet file (magic bytes, readable footer, unique names)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = _existing(path, what)
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
    p = _existing(path, what)
    file = str(p)
    with p.open("rb") as handle:
        head = handle.read(4)
    if not head:
        raise _issue(file, f"the {what} is empty (0 bytes).", "give an Excel .xlsx workbook.")
    _check_magic(head, "excel", file, what)
    try:
        with zipfile.ZipFile(p) as archive:
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
    try:
        return pd.ExcelFile(p, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise _issue(
            file,
            f"the Excel {what} is damaged ({type(exc).__name__}: {exc}).",
            "save it again from Excel as .xlsx.",
        ) from None


def _sheet(excel: Any, sheet: Any, file: str) -> Any:
    sheets = excel.sheet_names
    if sheet is None:
        return 0
    if sheet in sheets or (
        isinstance(sheet, int) and not isinstance(sheet, bool) and 0 <= sheet < len(sheets)
    ):
        return sheet
    raise NotFoundError(f"{file!r} has no sheet {sheet!r}; its sheets are {sheets}.")


def _read_excel(p: Path, sheet: Any, dtype: Any, what: str, nrows: int | None) -> pd.DataFrame:
    excel = open_workbook(p, what=what)
    file = str(p)
    name = _sheet(excel, sheet, file)
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


def read_header(
    path: str | Path, *, options: ReadOptions | None = None, sheet: Any = None, what: str = "table"
) -> list[str]:
    """The column names of a table file, checked like :func:`read_table` checks them."""
    p = _existing(path, what)
    fmt = _format(p, what)
    if fmt == "parquet":
        return [str(n) for n in parquet_schema(p, what=what).names]
    if fmt == "excel":
        return [str(c) for c in _read_excel(p, sheet, object, what, nrows=0).columns]
    return [str(c) for c in read_table(p, options=options, what=what, allow_empty=True).columns]


def _format(p: Path, what: str) -> str:
    fmt = table_format(p)
    if fmt is None:
        raise InvalidParameterError(
            f"The {what} must be a .csv, .csv.gz, .tsv, .parquet or .xlsx file. "
            f"Got {p.name!r} instead."
        )
    return fmt


def read_table(
    path: str | Path,
    *,
    options: ReadOptions | None = None,
    sheet: str | int | None = None,
    dtype: Any = str,
    what: str = "table",
    allow_empty: bool = False,
) -> pd.DataFrame:
    """Read a CSV, CSV.GZ, TSV, Parquet or Excel table, checked byte by byte.

    Parameters
    ----------
    path : str or Path
        The file; its format comes from its suffix (see :data:`TABLE_SUFFIXES`) and is
        checked against its first bytes.
    options : ReadOptions, optional
        Encoding, separator and number format of a text file (default: detected).
    sheet : str or int, optional
        Excel sheet, by name or 0-based position; default the first.
    dtype : type, dict or None, default str
        Column types of CSV and Excel files (None lets pandas infer, using ``options``'
        decimal and thousands marks). Parquet keeps its stored types.
    what : str, default "table"
        What the file is, for the messages ("actors table", "KPI table"…).
    allow_empty : bool, default False
        Accept a header without data rows.

    Returns
    -------
    DataFrame
        Columns named as in the header (stripped of surrounding spaces), rows numbered from 0:
        data row ``i`` is row ``i + 2`` of a CSV or Excel file (the header is row 1).

    Raises
    ------
    NotFoundError
        The file or the sheet does not exist.
    InvalidParameterError
        The suffix is not a table's.
    DataValidationError
        The file is empty, whitespace only, binary, of another format than its suffix,
        truncated, badly compressed, undecodable, has an unclosed quote, repeated column names,
        rows with more fields than the header, or (unless ``allow_empty``) no data rows.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "w.csv"
    >>> _ = p.write_bytes("wilaya;emplois\\nSétif;1 234,5\\n".encode("cp1252"))
    >>> frame = read_table(p)
    >>> frame.to_dict("records")
    [{'wilaya': 'Sétif', 'emplois': '1 234,5'}]
    >>> parse_numbers(frame["emplois"], options=ReadOptions(decimal=","), file=str(p),
    ...               column="emplois").tolist()
    [1234.5]
    """
    p = _existing(path, what)
    fmt = _format(p, what)
    options = options or _DEFAULT
    file = str(p)
    if fmt == "parquet":
        frame = _read_parquet(p, what)
    elif fmt == "excel":
        frame = _read_excel(p, sheet, dtype, what, nrows=None)
    else:
        frame = _read_csv(p, fmt, options, dtype, what)
    if frame.empty and not allow_empty:
        raise _issue(
            file,
            f"the {what} has a header but no data rows.",
            "add the data rows below the header line.",
        )
    return frame


# --- numbers --------------------------------------------------------------------------------


def _clean_numbers(text: pd.Series, options: ReadOptions) -> pd.Series:
    """Numbers written with the options' marks, Arabic digits or spaces → plain ``1234.5``."""
    text = text.str.translate(_DIGITS).str.strip()
    if options.decimal == ",":
        text = text.str.replace("\u066c", "\u202f", regex=False)
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
        return series.to_numpy(dtype=np.float64, na_value=np.nan), np.zeros(len(series), bool)
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
    # "nan", "inf" and 1e999 are not numbers a user means: refused with the unparseable cells
    values[np.isinf(values)] = np.nan
    lowered = text.str.lower()
    values[lowered.str.contains("nan", regex=False, na=False).to_numpy(bool)] = np.nan
    bad = np.isnan(values) & ~blank
    return values, bad


def parse_numbers(
    series: pd.Series,
    *,
    options: ReadOptions | None = None,
    file: str | None = None,
    column: str | None = None,
    what: str = "a number",
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
            f"write {what} (decimal mark {options.decimal!r}"
            + (f", thousands separator {options.thousands!r}" if options.thousands else "")
            + "), or leave the cell empty; set the marks with --decimal and --thousands."
        )
        issues = [
            ValidationIssue(
                f"{raw[p]!r} is not {what}.", file=file, row=int(numbers[p]), column=column, fix=fix
            )
            for p in positions[:_MAX_LISTED]
        ]
        if len(positions) > _MAX_LISTED:
            issues.append(
                ValidationIssue(
                    f"{len(positions) - _MAX_LISTED} more cells are not {what}.",
                    file=file,
                    column=column,
                    fix=fix,
                )
            )
        raise DataValidationError(issues)
    return pd.Series(values, index=series.index, dtype=np.float64)
