"""Arrow columns to NumPy arrays and back through their buffers, without importing pandas.

pyarrow imports pandas (when it is installed) the first time it converts to or from NumPy —
``Array.to_numpy``, ``pyarrow.array``, ``pyarrow.compute.cast`` — to tell whether a value is a
pandas object. Reading a Parquet file with ``ParquetFile.read`` and handling the buffers of its
columns does not; this module converts that way (private to :mod:`grappe.io`: the pandas-free
path of ``grappe map``). Values are the same as ``to_numpy`` gives, missing values NaN.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["code_type", "codes_of", "float_column", "from_columns", "number_column"]

_NUMPY = {
    "int8": np.int8,
    "int16": np.int16,
    "int32": np.int32,
    "int64": np.int64,
    "uint8": np.uint8,
    "uint16": np.uint16,
    "uint32": np.uint32,
    "uint64": np.uint64,
    "float": np.float32,
    "double": np.float64,
}


def _values(chunk: Any) -> np.ndarray:
    """The values of a primitive chunk (its data buffer; missing slots hold anything)."""
    dtype = np.dtype(_NUMPY[str(chunk.type)])
    data = np.frombuffer(chunk.buffers()[1], dtype=dtype, count=chunk.offset + len(chunk))
    return data[chunk.offset :]


def _valid(chunk: Any) -> np.ndarray:
    """The mask of the chunk's present values (its validity bitmap)."""
    bits = np.frombuffer(chunk.buffers()[0], dtype=np.uint8)
    mask = np.unpackbits(bits, bitorder="little", count=chunk.offset + len(chunk))
    return mask[chunk.offset :].astype(bool)


def number_column(column: Any) -> np.ndarray | None:
    """A numeric column (integers or floats) as float64, missing values NaN; None for another
    type (text numbers: the reader of frames parses them)."""
    if str(column.type) not in _NUMPY:
        return None
    parts = []
    for chunk in column.chunks:
        values = _values(chunk).astype(np.float64)  # a copy: NaN written in place below
        if chunk.null_count:
            values[~_valid(chunk)] = np.nan
        parts.append(values)
    if not parts:
        return np.zeros(0, dtype=np.float64)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def codes_of(column: Any) -> tuple[np.ndarray, list]:
    """A dictionary column's codes (int32 positions in one dictionary, the chunks' dictionaries
    unified) and the dictionary's values; the column has no missing value."""
    if column.num_chunks > 1:
        column = column.unify_dictionaries()
    chunks = column.chunks
    if not chunks:
        return np.zeros(0, dtype=np.int32), []
    parts = [_values(chunk.indices).astype(np.int32, copy=False) for chunk in chunks]
    codes = parts[0] if len(parts) == 1 else np.concatenate(parts)
    return codes, chunks[0].dictionary.to_pylist()


def float_column(values: np.ndarray) -> Any:
    """A float64 array as an Arrow array, NaN as missing (as ``Table.from_pandas`` writes a
    float column)."""
    import pyarrow as pa

    values = np.ascontiguousarray(values, dtype=np.float64)
    missing = np.isnan(values)
    validity = None
    if missing.any():
        validity = pa.py_buffer(np.packbits(~missing, bitorder="little"))
    return pa.Array.from_buffers(
        pa.float64(), len(values), [validity, pa.py_buffer(values)], null_count=-1
    )


def _plain(values: np.ndarray) -> Any:
    import pyarrow as pa

    values = np.ascontiguousarray(values)
    if values.dtype == np.bool_:
        bits = pa.py_buffer(np.packbits(values, bitorder="little"))
        return pa.Array.from_buffers(pa.bool_(), len(values), [None, bits])
    if values.dtype == np.float64:
        return float_column(values)
    kind = {np.dtype(v): k for k, v in _NUMPY.items()}[values.dtype]
    arrow_type = {"float": pa.float32(), "double": pa.float64()}.get(kind) or getattr(pa, kind)()
    return pa.Array.from_buffers(arrow_type, len(values), [None, pa.py_buffer(values)])


def _strings(texts: list[str]) -> Any:
    import pyarrow as pa

    # large_string, as pandas' str categories become: the Arrow schema stored in the file
    # is then the one Table.from_pandas writes
    encoded = [t.encode("utf-8") for t in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    data = pa.py_buffer(b"".join(encoded))
    buffers = [None, pa.py_buffer(offsets), data]
    return pa.Array.from_buffers(pa.large_string(), len(encoded), buffers)


def code_type(n_categories: int) -> type:
    """The integer type of a categorical's codes, as pandas picks it (its Parquet files keep
    it in their Arrow schema)."""
    for dtype in (np.int8, np.int16, np.int32):
        if n_categories < np.iinfo(dtype).max:
            return dtype
    return np.int64


def from_columns(columns: dict[str, Any]) -> Any:
    """An Arrow table of ``columns``: arrays as they are (NaN as missing), and (codes,
    categories) pairs as dictionary columns whose index type is the one pandas gives a
    categorical of that many categories (:func:`code_type`)."""
    import pyarrow as pa

    arrays, described = [], []
    for name, column in columns.items():
        if isinstance(column, tuple):
            codes, categories = column
            codes = codes.astype(code_type(len(categories)), copy=False)
            dictionary = _strings([str(c) for c in categories])
            arrays.append(pa.DictionaryArray.from_arrays(_plain(codes), dictionary))
            kind, extra = "categorical", {"num_categories": len(categories), "ordered": False}
        else:
            arrays.append(_plain(column))
            codes, kind, extra = column, str(column.dtype), None
        described.append(
            {
                "name": name,
                "field_name": name,
                "pandas_type": kind,
                "numpy_type": str(codes.dtype),
                "metadata": extra,
            }
        )
    table = pa.Table.from_arrays(arrays, names=list(columns))
    return table.replace_schema_metadata(_pandas_metadata(described))


def _pandas_metadata(columns: list[dict]) -> dict[bytes, bytes] | None:
    """The ``pandas`` schema metadata ``Table.from_pandas`` writes for a frame of these
    columns and a RangeIndex left out, so that pandas reads the file as it reads one written
    from a frame; None when pandas is not installed (then nothing reads it)."""
    import json
    from importlib import metadata

    import pyarrow as pa

    try:
        version = metadata.version("pandas")
    except metadata.PackageNotFoundError:
        return None
    described = {
        "index_columns": [],
        "column_indexes": [],
        "columns": columns,
        "attributes": {},
        "creator": {"library": "pyarrow", "version": pa.__version__},
        "pandas_version": version,
    }
    return {b"pandas": json.dumps(described).encode("utf-8")}
