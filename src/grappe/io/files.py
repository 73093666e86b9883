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
import functools
import io
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.i18n import Message
from grappe.io._formats import (
    _check_magic,
    _decompress,
    _header_names,
    _issue,
    _read_excel,
    _read_parquet,
    excel_frame,
    existing_file,
    open_workbook,
    parquet_schema,
    table_format,
    workbook_from_bytes,
)
from grappe.io._numbers import convert_numbers, parse_numbers
from grappe.io._options import _DEFAULT, _ENCODING_FIX, SEPARATORS, TABLE_SUFFIXES, ReadOptions

__all__ = [
    "SEPARATORS",
    "TABLE_SUFFIXES",
    "ReadOptions",
    "convert_numbers",
    "existing_file",
    "load_yaml",
    "parse_document",
    "read_csv_bytes",
    "open_workbook",
    "parquet_schema",
    "parse_numbers",
    "read_document",
    "read_header",
    "read_table",
    "read_table_bytes",
    "read_text",
    "table_format",
]


# --- opening --------------------------------------------------------------------------------


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
                "give a text file (CSV, YAML or JSON as the command expects); a spreadsheet or "
                "Parquet table is read when named .xlsx or .parquet.",
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
            file,
            message,
            "give a text file (a CSV table, YAML or JSON), or its encoding with --encoding.",
            row=line,
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
    p = existing_file(path, what)
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
    if kind is None:
        kind = "json" if Path(path).suffix.lower() in (".json", ".geojson") else "yaml"
    return parse_document(text, name=str(path), kind=kind, what=what)


def parse_document(
    content: str | bytes,
    *,
    name: str,
    kind: str,
    what: str = "document",
    options: ReadOptions | None = None,
) -> Any:
    """Parse YAML or JSON content (a request body, say) as :func:`read_document` parses a file.

    Bytes are decoded as files are (UTF-8, BOM, cp1252, or ``options.encoding``).

    Raises
    ------
    DataValidationError
        Empty, undecodable, invalid YAML/JSON, or a key given twice, naming ``name``.

    Examples
    --------
    >>> parse_document(b'{"phases": ["diagnostic"]}', name="request body", kind="json")
    {'phases': ['diagnostic']}
    """
    file = name
    if isinstance(content, bytes):
        content, _ = _decode(content, (options or _DEFAULT).encoding, file, what)
    if not content.strip():
        raise _issue(file, f"the {what} is empty.", "send a document with content.")
    text = content
    if kind == "json":
        try:
            return json.loads(text, object_pairs_hook=_unique_keys)
        except _RepeatedKeyError as exc:
            raise _issue(
                file,
                f"the {what} gives the key {exc.key!r} twice in one object; only one can hold.",
                "keep one of the two entries.",
            ) from None
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
    return load_yaml(text, file=file, what=what)[0]


class _RepeatedKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _RepeatedKeyError(key)
        out[key] = value
    return out


@functools.cache
def _yaml_loader() -> type:
    """PyYAML's safe loader, made strict where users' files go wrong silently.

    * A key given twice in one mapping is an error at its line (PyYAML keeps the last value).
    * An impossible date such as ``2023-02-30`` is kept as the text written (PyYAML fails with
      no line), so that the roadmap and label checks can name the action, field and row.
    """
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if isinstance(node, yaml.MappingNode):
                seen: set[Any] = set()
                for key_node, _ in node.value:
                    if key_node.tag == "tag:yaml.org,2002:merge":
                        continue
                    key = self.construct_object(key_node, deep=True)
                    if isinstance(key, str | int | float | bool) or key is None:
                        if key in seen:
                            raise yaml.constructor.ConstructorError(
                                None,
                                None,
                                f"the key {key!r} is given twice in one mapping",
                                key_node.start_mark,
                            )
                        seen.add(key)
            return super().construct_mapping(node, deep=deep)

        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_yaml_map)
    return Loader


def load_yaml(text: str, *, file: str, what: str = "document") -> tuple[Any, Any]:
    r"""Parse YAML text strictly; return the data and its node tree (for line numbers).

    The one YAML parser of grappe's readers: a repeated key is refused and an impossible date
    kept as text (see :func:`read_document`).

    Raises
    ------
    DataValidationError
        Invalid YAML or a key given twice, naming the file, line and column.

    Examples
    --------
    >>> load_yaml("a: 1\nb: 2\n", file="x.yaml")[0]
    {'a': 1, 'b': 2}
    >>> load_yaml("a: 1\na: 2\n", file="x.yaml")
    Traceback (most recent call last):
    ...
    grappe.errors.DataValidationError: x.yaml, row 2: the document is not valid YAML (the key 'a' is given twice in one mapping at line 2, column 1). Fix: keep one of the two entries.
    """  # noqa: E501
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.load(text, Loader=_yaml_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = str(getattr(exc, "problem", exc))
        raise _issue(
            file,
            f"the {what} is not valid YAML ({problem}{where}).",
            "keep one of the two entries."
            if "given twice" in problem
            else "check the indentation and quoting near that line.",
            row=mark.line + 1 if mark is not None else None,
        ) from None
    except RecursionError:
        raise _issue(
            file, f"the {what} nests too deeply to be read.", "flatten the document."
        ) from None
    return data, node


# --- tables ---------------------------------------------------------------------------------


def _sniff(text: str) -> str:
    """The separator of a header line: the most frequent candidate outside quotes."""
    end = text.find("\n")
    line = text[: end if end >= 0 else 4096]
    line = re.sub(r'"[^"]*"', "", line)  # separators inside quoted names do not count
    counts = [line.count(sep) for sep in SEPARATORS]
    best = max(counts)
    return SEPARATORS[counts.index(best)] if best else ","


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
    return _csv_from_bytes(p.read_bytes(), str(p), fmt, options, dtype, what)


def read_csv_bytes(
    data: bytes,
    *,
    name: str,
    options: ReadOptions | None = None,
    dtype: Any = str,
    what: str = "table",
) -> pd.DataFrame:
    r"""Read CSV content received as bytes (an upload), exactly as :func:`read_table` reads a file.

    The same detection (encoding, separator), the same checks and the same errors, naming
    ``name`` as the file.

    Raises
    ------
    DataValidationError
        As :func:`read_table`: empty, binary, undecodable, unclosed quote, repeated column
        names, ragged rows.

    Examples
    --------
    >>> read_csv_bytes("wilaya;emplois\nSétif;12\n".encode("cp1252"), name="up.csv")
      wilaya emplois
    0  Sétif      12
    """
    return _csv_from_bytes(data, name, "csv", options or _DEFAULT, dtype, what)


def read_table_bytes(
    data: bytes,
    *,
    name: str,
    options: ReadOptions | None = None,
    sheet: str | int | None = None,
    prefer_sheet: str | None = None,
    dtype: Any = str,
    what: str = "table",
) -> pd.DataFrame:
    r"""Read a table received as bytes (an upload): an Excel ``.xlsx`` workbook when ``name``
    says so, otherwise CSV/TSV text (gzip-compressed when ``name`` ends in ``.gz``), with the
    checks and errors of :func:`read_table`, naming ``name`` as the file.

    Parameters
    ----------
    data : bytes
    name : str
        The file's name (its suffix gives the format; a name without a table suffix is CSV).
    options : ReadOptions, optional
        Encoding, separator and number format of a text file (default: detected).
    sheet : str or int, optional
        Excel sheet, by name or 0-based position.
    prefer_sheet : str, optional
        Without ``sheet``: the sheet of this name (any case) when the workbook has one, else
        the first — so that one workbook may hold the ``actors`` and ``ties`` tables.
    dtype : type, dict or None, default str
    what : str, default "table"

    Raises
    ------
    NotFoundError
        ``sheet`` is not a sheet of the workbook.
    DataValidationError
        As :func:`read_table`; a damaged or truncated workbook, an old ``.xls`` named
        ``.xlsx``, a Parquet upload (give CSV or XLSX).

    Examples
    --------
    >>> read_table_bytes(b"id,sphere\nDB,enterprise\n", name="actors.csv").to_dict("records")
    [{'id': 'DB', 'sphere': 'enterprise'}]
    """
    options = options or _DEFAULT
    fmt = table_format(name) or "csv"
    if fmt == "parquet":
        raise _issue(
            name,
            f"the {what} is a Parquet file; an upload is read as CSV or Excel .xlsx.",
            "save the table as CSV or .xlsx and upload it again.",
        )
    if fmt != "excel":
        return _csv_from_bytes(data, name, fmt, options, dtype, what)
    frame = excel_frame(
        workbook_from_bytes(data, name=name, what=what), name, sheet, dtype, what,
        prefer=prefer_sheet,
    )  # fmt: skip
    if frame.empty:
        raise _issue(
            name,
            f"the {what} has a header but no data rows.",
            "add the data rows below the header line.",
        )
    return frame


def _csv_from_bytes(
    data: bytes, file: str, fmt: str, options: ReadOptions, dtype: Any, what: str
) -> pd.DataFrame:
    if not data:
        raise _issue(
            file, f"the {what} is empty (0 bytes).", "give a file with a header line and data rows."
        )
    _check_magic(data, fmt, file, what)
    if fmt.endswith(".gz"):
        data = _decompress(data, file, what)
    text, encoding = _decode(data, options.encoding, file, what)
    if not text or text.isspace():  # (no copy of a large text, unlike strip)
        raise _issue(
            file,
            f"the {what} is empty{' (only whitespace)' if text else ''}.",
            "give a file with a header line and data rows.",
        )
    head = text[: 1 << 16].lstrip("\ufeff").lstrip("\r\n")
    sep = options.sep or ("\t" if fmt.startswith("tsv") else _sniff(head))
    header = _csv_header(head, sep, file, what)
    if encoding in ("utf-8-sig", "utf-8"):
        # pandas' C engine reads UTF-8 bytes natively (other encodings go through Python);
        # the decoded copy is dropped, to be made again only for an error message
        source: io.IOBase = io.BytesIO(data[3:] if data.startswith(codecs.BOM_UTF8) else data)
        text = ""
    else:
        source = io.StringIO(text)
    # with dtype=None, columns are typed in one pass (no mixed types from chunks)
    extra: dict[str, Any] = {"low_memory": False} if dtype is None else {}
    # "a, b" files: skip the space after each separator; the option costs a third of the
    # parsing time, so only files that show the pattern in their first lines pay for it
    extra["skipinitialspace"] = f"{sep} " in head[:4096]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            frame = pd.read_csv(
                source,
                sep=sep,
                dtype=dtype,
                encoding="utf-8" if isinstance(source, io.BytesIO) else None,
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=False,
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
        row = _ragged_row(text or data.decode(encoding), sep, len(header) or frame.shape[1])
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


def read_header(
    path: str | Path, *, options: ReadOptions | None = None, sheet: Any = None, what: str = "table"
) -> list[str]:
    """The column names of a table file, checked like :func:`read_table` checks them."""
    p = existing_file(path, what)
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
            Message(
                "The {what} must be a .csv, .csv.gz, .tsv, .parquet or .xlsx file. "
                "Got {name!r} instead.",
                what=what,
                name=p.name,
            )
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
    p = existing_file(path, what)
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
