"""Writing result tables: CSV, Parquet or JSON, all-or-nothing.

A result file is written to a temporary file beside its destination and moved into place only
when complete, so that an interrupted run never leaves half a file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from grappe._validation import check_option

__all__ = ["OUTPUT_FORMATS", "atomic_path", "format_from_path", "write_frame"]

#: Formats :func:`write_frame` can write.
OUTPUT_FORMATS: tuple[str, ...] = ("csv", "parquet", "json")

_SUFFIXES = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".json": "json"}


def format_from_path(path: str | os.PathLike[str], *, default: str = "csv") -> str:
    """Output format implied by a file name's suffix (``default`` when it implies none).

    Examples
    --------
    >>> format_from_path("states.json")
    'json'
    >>> format_from_path("out.txt")
    'csv'
    """
    return _SUFFIXES.get(Path(path).suffix.lower(), default)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it onto ``path`` only on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes it private; use the usual mode
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_frame(
    frame: pd.DataFrame, path: str | os.PathLike[str], *, format: str | None = None
) -> Path:
    """Write a DataFrame as CSV, Parquet or JSON records, atomically.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table; its index is not written.
    path : path-like
        Destination file; parent folders are created.
    format : {"csv", "parquet", "json"}, optional
        Defaults to the format implied by the suffix of ``path`` (CSV when none).

    Returns
    -------
    pathlib.Path
        The path written.

    Notes
    -----
    JSON is a list of records, one object per row; missing values are written as ``null``.
    Categorical columns are written as their labels.
    """
    fmt = format if format is not None else format_from_path(path)
    check_option(fmt, "format", OUTPUT_FORMATS, func="write_frame")
    target = Path(path)
    with atomic_path(target) as tmp:
        if fmt == "csv":
            frame.to_csv(tmp, index=False)
        elif fmt == "parquet":
            frame.to_parquet(tmp, index=False)
        else:
            frame.to_json(tmp, orient="records", indent=None, force_ascii=False)
    return target
