"""Read a cluster's records from files (CSV or Excel) for :mod:`grappe.roadmap.records`: member
events, member figures, cluster activities and dated ties, checked together by
:func:`grappe.roadmap.records.check_records` (the same check as the registry's).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from grappe.i18n import Message
from grappe.io.files import ReadOptions, read_table
from grappe.roadmap.records import RECORD_KINDS, Records, check_records

__all__ = ["read_records"]

PathLike = str | os.PathLike[str]

_WHAT = {
    "events": Message("member events table"),
    "figures": Message("member figures table"),
    "activities": Message("cluster activities table"),
    "ties": Message("ties table"),
}


def _rows(path: PathLike, kind: str, options: ReadOptions | None) -> list[dict[str, Any]]:
    frame = read_table(Path(path), options=options, dtype=str, what=_WHAT[kind])
    frame = frame.rename(columns=lambda c: str(c).strip().lower())
    rows = []
    for k, record in enumerate(frame.to_dict("records")):
        rows.append({**record, "row": k + 2})  # the header is line 1
    return rows


def read_records(
    files: Mapping[str, PathLike | None], *, options: ReadOptions | None = None
) -> Records:
    """Read and check the record files of a cluster.

    Parameters
    ----------
    files : mapping
        The path of each kind of record, keys among ``events`` (``actor, kind, date`` and
        optionally ``sector, activity_code, activity, sphere, region``), ``figures``
        (``actor, period`` and optionally ``jobs, exports, currency, founded, markets``:
        ``FR:40;DE:25;AE``, see :func:`grappe.roadmap.markets.parse_markets`),
        ``activities`` (``kind, date`` and optionally ``title, participants, members``
        separated by ``;``) and ``ties`` (``source, target`` and optionally ``type, since,
        until``). A kind left out (or ``None``) has no records.
    options : ReadOptions, optional
        Encoding and separator (default: detected).

    Returns
    -------
    grappe.roadmap.records.Records

    Raises
    ------
    NotFoundError
        A file does not exist.
    DataValidationError
        A file cannot be read as a table, or a record is invalid (naming file, row and
        column; see :func:`grappe.roadmap.records.check_records`).

    References
    ----------
    .. [1] Seed ``/work/shared/seeds/000_d53c24539b26db35.txt``; the files
       ``tests/fixtures/roadmap/biskra_*.csv`` encode it.
    """
    rows = {kind: _rows(path, kind, options) for kind in RECORD_KINDS
            if (path := files.get(kind)) is not None}  # fmt: skip
    sources = {kind: str(path) for kind in RECORD_KINDS if (path := files.get(kind)) is not None}
    return check_records(*(rows.get(kind, ()) for kind in RECORD_KINDS), sources=sources)
