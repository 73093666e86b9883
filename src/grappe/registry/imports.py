"""Import jobs: validate a whole file, then write it in one transaction, or write nothing.

Five kinds of file, all CSV with a header line:

``regions``
    ``id, country, region_type, name_en`` [``code, name_fr, name_ar, lat, lon``] (``code``
    defaults to the part of ``id`` after its first ``-``)
``clusters``
    ``id, name_en`` [``name_fr, name_ar, sector, definitions, stage, label, description,
    contact_name, contact_email, website, published, regions``] (``regions``: ids separated by
    ``;``)
``indicators``
    the columns of ``ClusterMap.indicators``: ``region, cluster, year`` [``employment,
    cluster_name, cluster_type, establishments, payroll, avg_wage, lq, national_share, focus,
    strong, stars, definitions, measure``]; ``region`` is a registry region id; ``measure``
    (default ``employment``) names the count the LQ and shares are computed on, and that count
    must be given in every row.
``actors``
    ``id, name`` [``sphere, level, region, cluster, role``] (the network contract; ``cluster``
    makes the actor a member of that cluster)
``ties``
    ``source, target, type`` [``strength``]

Every row is checked first and every problem is reported with its file, line, column and fix
(:class:`~grappe.errors.DataValidationError`); the registry is written only when the whole file is
valid. Rows are upserted on their natural key, so re-importing the same file changes nothing.

A caller given as an :class:`~grappe.registry.permissions.Access` may only create or change what
it could through the API: each row is checked with :func:`grappe.registry.permissions.refusal`
and a refused row is reported like an invalid one. Each record created or changed gets an audit
entry with its values before and after (see :mod:`grappe.registry.import_changes`).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe._validation import check_option
from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    NotFoundError,
    ValidationIssue,
)
from grappe.io.files import read_csv_bytes
from grappe.io.hs_headings import parse_headings
from grappe.mapping import MEASURES
from grappe.network.records import check_actor, check_tie
from grappe.registry import import_changes
from grappe.registry.import_changes import DEFAULTED, KEYS
from grappe.registry.models import STAGES, Actor, Base, Cluster, ImportJob, Region
from grappe.registry.permissions import Access, may_write_all, name_of
from grappe.registry.repositories import audit

__all__ = ["IMPORT_KINDS", "ImportReport", "check_table", "import_table"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class _Col:
    kind: str  # text, int, float, bool, option, list
    required: bool = False
    options: tuple[str, ...] = ()
    low: float | None = None
    ref: type[Base] | None = None


_TEXT, _REQ = _Col("text"), _Col("text", required=True)
_NUM0 = _Col("float", low=0.0)

_SPECS: dict[str, dict[str, _Col]] = {
    "regions": {
        "id": _REQ,
        "code": _TEXT,
        "country": _REQ,
        "region_type": _REQ,
        "name_en": _REQ,
        "name_fr": _TEXT,
        "name_ar": _TEXT,
        "lat": _Col("float", low=-90.0),
        "lon": _Col("float", low=-180.0),
    },
    "clusters": {
        "id": _REQ,
        "name_en": _REQ,
        "name_fr": _TEXT,
        "name_ar": _TEXT,
        "sector": _TEXT,
        "definitions": _TEXT,
        "stage": _Col("option", options=STAGES),
        "label": _TEXT,
        "description": _TEXT,
        "contact_name": _TEXT,
        "contact_email": _TEXT,
        "website": _TEXT,
        "published": _Col("bool"),
        "regions": _Col("list", ref=Region),
        # HS headings of its exports, "0804;2009" (migration 0019; checked by _check_cluster)
        "export_products": _Col("list"),
    },
    "indicators": {
        "region": _Col("text", required=True, ref=Region),
        "cluster": _REQ,
        "year": _Col("int", required=True, low=1900),
        # required when the row's measure is employment (see _check_indicator)
        "employment": _NUM0,
        "measure": _Col("option", options=MEASURES),
        "cluster_name": _TEXT,
        "cluster_type": _TEXT,
        "establishments": _NUM0,
        "payroll": _NUM0,
        "avg_wage": _NUM0,
        "lq": _NUM0,
        "national_share": _NUM0,
        "focus": _NUM0,
        "strong": _Col("bool"),
        "stars": _Col("int", low=0),
        "definitions": _TEXT,
    },
    "actors": {
        "id": _REQ,
        "name": _REQ,
        "sphere": _TEXT,
        "level": _TEXT,
        "region": _Col("text", ref=Region),
        "cluster": _Col("text", ref=Cluster),
        "role": _TEXT,
    },
    "ties": {
        "source": _Col("text", required=True, ref=Actor),
        "target": _Col("text", required=True, ref=Actor),
        "type": _REQ,
        "strength": _TEXT,  # read by the network kernel: a number or weak/medium/strong
    },
}

#: The kinds of file :func:`import_table` accepts.
IMPORT_KINDS: tuple[str, ...] = tuple(_SPECS)

_TRUE, _FALSE = {"true", "1", "yes", "y", "t"}, {"false", "0", "no", "n", "f"}


@dataclass(frozen=True)
class ImportReport:
    """Outcome of a successful import.

    Attributes
    ----------
    job_id : int
        Id of the :class:`~grappe.registry.models.ImportJob` row.
    kind : str
    filename : str
    sha256 : str
        Checksum of the file's bytes.
    rows : int
        Data rows in the file.
    inserted, updated, unchanged : int
        Rows created, changed, and already identical (all rows are unchanged on a re-import).
    """

    job_id: int
    kind: str
    filename: str
    sha256: str
    rows: int
    inserted: int
    updated: int
    unchanged: int


def _parse(value: str, col: _Col, name: str) -> tuple[Any, str | None]:
    """Parsed value and an error message (None when valid)."""
    if col.kind in ("text", "option"):
        if col.kind == "option" and value not in col.options:
            return None, f"must be one of {', '.join(col.options)}, not {value!r}"
        return value, None
    if col.kind == "list":
        return [v.strip() for v in value.split(";") if v.strip()], None
    if col.kind == "bool":
        low = value.lower()
        if low in _TRUE or low in _FALSE:
            return low in _TRUE, None
        return None, f"must be true or false, not {value!r}"
    try:
        number = float(value)
    except ValueError:
        return None, f"must be a number, not {value!r}"
    if not math.isfinite(number):
        return None, f"must be a finite number, not {value!r}"
    if col.kind == "int":
        if number != int(number):
            return None, f"must be a whole number, not {value!r}"
        number = int(number)
    if col.low is not None and number < col.low:
        return None, f"must be at least {col.low:g}, not {value!r}"
    if name == "lat" and number > 90 or name == "lon" and number > 180:
        return None, f"must be a valid coordinate, not {value!r}"
    return number, None


def _check_indicator(
    rec: dict[str, Any], *, file: str, row: int
) -> tuple[dict[str, Any], list[ValidationIssue]]:
    """An indicator row must give the count its measure ranks (employment by default)."""
    measure = rec.get("measure") or "employment"
    if rec.get(measure) is not None:
        return rec, []
    issue = ValidationIssue(
        f"the row's measure is {measure!r} but its {measure} is empty.",
        file=file,
        row=row,
        column=measure,
        fix=f"fill in the {measure} of the row, or name the count it was mapped on in the "
        "'measure' column.",
    )
    return rec, [issue]


def _check_cluster(
    rec: dict[str, Any], *, file: str, row: int
) -> tuple[dict[str, Any], list[ValidationIssue]]:
    """A cluster's export headings go through the one parser of the form, the API and the CLI
    (:func:`grappe.io.hs_headings.parse_headings`); an empty cell leaves them unset."""
    if "export_products" not in rec:
        return rec, []
    try:
        codes = parse_headings(rec["export_products"] or (), field="export_products")
    except InvalidParameterError as error:
        issue = ValidationIssue(
            error.args[0],
            file=file,
            row=row,
            column="export_products",
            fix="in a CSV cell, separate the HS headings of four digits by semicolons: 0804;2009.",
        )
        return rec, [issue]
    return {**rec, "export_products": list(codes) or None}, []


#: The network kernel's check of one record, per kind (the words and messages of
#: :func:`grappe.network.build_network`), and the clusters' and indicators' own checks.
_DOMAIN_CHECKS = {"actors": check_actor, "ties": check_tie, "indicators": _check_indicator,
                  "clusters": _check_cluster}  # fmt: skip


def _domain_checked(
    kind: str, rec: dict[str, Any], filename: str, line: int, issues: list[ValidationIssue]
) -> dict[str, Any]:
    check = _DOMAIN_CHECKS.get(kind)
    if check is None:
        return rec
    out, found = check(rec, file=filename, row=line)
    issues.extend(found)
    return out


def _required(spec: Mapping[str, _Col]) -> list[str]:
    return [c for c, v in spec.items() if v.required]


def _validate(
    frame: pd.DataFrame, kind: str, filename: str, session: Session, defaults: Mapping[str, Any]
) -> tuple[list[dict[str, Any]], list[ValidationIssue]]:
    spec = _SPECS[kind]
    issues: list[ValidationIssue] = []
    missing = [c for c, col in spec.items() if col.required and c not in frame.columns]
    if missing:
        issues.append(
            ValidationIssue(
                f"the {kind} file lacks the required column(s) {missing}.",
                file=filename,
                row=1,
                column=missing[0],
                fix=f"add a header line with at least {_required(spec)}.",
            )
        )
        return [], issues
    unknown = [c for c in frame.columns if c not in spec]
    if unknown:
        issues.append(
            ValidationIssue(
                f"unknown column(s) {unknown}.",
                file=filename,
                row=1,
                column=unknown[0],
                fix=f"use only the columns {list(spec)}.",
            )
        )
    records: list[dict[str, Any]] = []
    refs: dict[str, dict[str, list[int]]] = {}
    for i, raw in enumerate(frame.itertuples(index=False, name=None)):
        line = i + 2  # the header is line 1
        rec: dict[str, Any] = {}
        for name, value in zip(frame.columns, raw, strict=True):
            col = spec.get(name)
            if col is None:
                continue
            text = (
                ""
                if value is None or (isinstance(value, float) and math.isnan(value))
                else str(value).strip()
            )
            if not text:
                if col.required:
                    issues.append(
                        ValidationIssue(
                            "the value is empty.",
                            file=filename,
                            row=line,
                            column=name,
                            fix="fill in this required value.",
                        )
                    )
                rec[name] = None
                continue
            parsed, error = _parse(text, col, name)
            if error:
                issues.append(
                    ValidationIssue(
                        f"the value {error}.",
                        file=filename,
                        row=line,
                        column=name,
                        fix="correct the value.",
                    )
                )
            elif col.ref is not None:
                for ref in parsed if isinstance(parsed, list) else [parsed]:
                    refs.setdefault(name, {}).setdefault(ref, []).append(line)
            rec[name] = parsed
        for name, value in defaults.items():
            if rec.get(name) is None:
                rec[name] = value
        records.append(_domain_checked(kind, rec, filename, line, issues))
    for name, wanted in refs.items():
        model = spec[name].ref
        if model is None:  # pragma: no cover - refs are recorded only for ref columns
            continue
        found = set(session.scalars(select(model.id).where(model.id.in_(list(wanted)))))  # type: ignore[attr-defined]
        for ref in sorted(set(wanted) - found):
            for line in wanted[ref][:3]:
                issues.append(
                    ValidationIssue(
                        f"no {model.__tablename__[:-1]} has the id {ref!r} in the registry.",
                        file=filename,
                        row=line,
                        column=name,
                        fix=f"import the {model.__tablename__} first, or correct the id.",
                    )
                )
    keys = KEYS[kind]
    seen: dict[tuple[Any, ...], int] = {}
    for i, rec in enumerate(records):
        key = tuple(rec.get(k) for k in keys)
        if None in key:
            continue
        if key in seen:
            issues.append(
                ValidationIssue(
                    f"this row repeats the key {dict(zip(keys, key, strict=True))} "
                    f"of line {seen[key]}.",
                    file=filename,
                    row=i + 2,
                    column=keys[0],
                    fix="keep one row per key.",
                )
            )
        else:
            seen[key] = i + 2
    return records, issues


def _checked_records(
    session: Session, data: bytes, kind: str, filename: str, definitions: str, func: str
) -> list[dict[str, Any]]:
    """The file's rows, parsed and completed with defaults; raise on any invalid row."""
    check_option(kind, "kind", IMPORT_KINDS, func=func)
    # the readers' own CSV reading: encoding and separator detected, clear errors
    frame = read_csv_bytes(data, name=filename, dtype=object, what="import file").fillna("")
    frame.columns = [str(c).strip() for c in frame.columns]
    # The definition set is part of an indicator's key, so it is filled in before the check of
    # repeated keys; the other defaults only complete new rows (see _fill_defaults).
    key_default = (
        {"definitions": definitions, "measure": "employment"} if kind == "indicators" else {}
    )
    records, issues = _validate(frame, kind, filename, session, key_default)
    if issues:
        raise DataValidationError(issues)
    for rec in records:
        _fill_defaults(kind, rec)
    return records


def _fill_defaults(kind: str, rec: dict[str, Any]) -> None:
    """Complete a record with the defaults of absent values, and list them under
    :data:`~grappe.registry.import_changes.DEFAULTED`: they are written into new rows but never
    replace a stored value (an absent value leaves the stored one as it is)."""
    defaults: dict[str, Any] = {}
    if kind == "regions":
        defaults["code"] = rec["id"].split("-", 1)[-1]
    if kind == "indicators":
        defaults = {"cluster_type": "traded", "strong": False, "stars": 0}
        defaults["cluster_name"] = rec["cluster"]
    if kind == "ties":  # as before migration 0006 made the column nullable (unrated ties)
        defaults["strength"] = 1.0
    filled = [name for name in defaults if rec.get(name) is None]
    for name in filled:
        rec[name] = defaults[name]
    rec[DEFAULTED] = frozenset(filled)


def _planned(
    session: Session,
    records: list[dict[str, Any]],
    *,
    kind: str,
    filename: str,
    access: Access | None,
) -> list[list[import_changes.Change]]:
    """The changes of every row; raise when ``access`` may not make some (one issue per row)."""
    planned = import_changes.plan(session, kind, records)
    if access is not None:
        refused = import_changes.refused_rows(access, kind, planned, filename)
        if refused:
            raise DataValidationError(refused)
    return planned


def check_table(
    session: Session,
    data: bytes,
    *,
    kind: str,
    filename: str,
    definitions: str = "custom",
    who: Access | None = None,
) -> int:
    r"""Validate a CSV file of ``kind`` against the registry without writing anything.

    The same checks as :func:`import_table` (which repeats them inside its own transaction, so a
    file that was valid when checked but no longer is when written still writes nothing).

    Parameters
    ----------
    session : Session
        Open session; only read.
    data : bytes
        The file's content (CSV, UTF-8, header line first).
    kind : {"regions", "clusters", "indicators", "actors", "ties"}
        What the file holds.
    filename : str
        Name shown in error reports.
    definitions : str
        Definition set of indicator rows that have no ``definitions`` column.
    who : Access, optional
        The caller: each row is also checked against its rights, as :func:`import_table` does.

    Returns
    -------
    int
        Number of data rows.

    Raises
    ------
    InvalidParameterError
        Unknown ``kind``.
    DataValidationError
        The file cannot be read, has invalid rows, or rows ``who`` may not write; each issue
        names the file, line, column and fix.

    Examples
    --------
    >>> from grappe.registry import connect
    >>> factory = connect("sqlite://")
    >>> csv = b"id,country,region_type,name_en\nUS-26,US,state,Michigan\n"
    >>> with factory() as session:
    ...     check_table(session, csv, kind="regions", filename="r.csv")
    1
    """
    records = _checked_records(session, data, kind, filename, definitions, "check_table")
    kinds = import_changes.RECORD_KINDS[kind]
    # Comparing every row with the registry is needed only when some row could be refused.
    if who is not None and not all(may_write_all(who, k) for k in kinds):
        _planned(session, records, kind=kind, filename=filename, access=who)
    return len(records)


def import_table(
    session: Session,
    data: bytes,
    *,
    kind: str,
    filename: str,
    who: str | Access,
    definitions: str = "custom",
    progress: Progress | None = None,
    job_id: int | None = None,
) -> ImportReport:
    r"""Validate a CSV file of ``kind`` and upsert its rows, all or nothing.

    Each row is checked against the caller's rights with the rules of the API
    (:mod:`grappe.registry.permissions`): a row that creates or changes a record the caller could
    not create or change through the API is refused, with its line and the reason. Every record
    created or changed gets an audit entry with its values before and after and the import's id.

    Parameters
    ----------
    session : Session
        Open session inside a transaction; the caller commits (on success) or rolls back.
    data : bytes
        The file's content (CSV, UTF-8, header line first).
    kind : {"regions", "clusters", "indicators", "actors", "ties"}
        What the file holds (see the module documentation for the columns).
    filename : str
        Name shown in error reports and kept in the import job.
    who : Access or str
        The caller: an :class:`~grappe.registry.permissions.Access` (an API token; its rights
        are checked row by row), or the name of a local caller that opened the database itself
        (the CLI, the bootstrap), which may write everything.
    definitions : str
        Definition set of indicator rows that have no ``definitions`` column.
    progress : callable, optional
        Called as ``progress(done, total)`` while rows are written.
    job_id : int, optional
        Id of an existing :class:`~grappe.registry.models.ImportJob` (e.g. one queued by the
        service) to complete; by default a new job row is recorded.

    Returns
    -------
    ImportReport

    Raises
    ------
    InvalidParameterError
        Unknown ``kind``.
    DataValidationError
        The file cannot be read, has invalid rows, or rows ``who`` may not write; each issue
        names the file, line, column and fix. Nothing has been written.
    NotFoundError
        ``job_id`` names no import job.

    Examples
    --------
    >>> from grappe.registry import connect
    >>> factory = connect("sqlite://")
    >>> csv = b"id,country,region_type,name_en\nUS-26,US,state,Michigan\n"
    >>> with factory.begin() as session:
    ...     report = import_table(session, csv, kind="regions", filename="r.csv", who="doc")
    >>> report.inserted, report.unchanged
    (1, 0)
    """
    records = _checked_records(session, data, kind, filename, definitions, "import_table")
    access = who if isinstance(who, Access) else None
    planned = _planned(session, records, kind=kind, filename=filename, access=access)
    digest = hashlib.sha256(data).hexdigest()
    if job_id is None:
        job = ImportJob(
            kind=kind, filename=filename, sha256=digest, status="running", created_by=name_of(who)
        )
        session.add(job)
        session.flush()
    else:
        found = session.get(ImportJob, job_id)
        if found is None:
            raise NotFoundError(f"There is no import job {job_id}.")
        job = found
    inserted, updated = import_changes.apply(
        session, kind, planned, who=who, import_id=job.id, progress=progress
    )
    job.status, job.rows, job.errors = "succeeded", len(records), None
    job.inserted, job.updated = inserted, updated
    session.flush()
    audit(
        session,
        who,
        "import",
        kind,
        str(job.id),
        {"filename": filename, "rows": len(records), "inserted": inserted, "updated": updated},
        import_id=job.id,
    )
    return ImportReport(
        job_id=job.id,
        kind=kind,
        filename=filename,
        sha256=digest,
        rows=len(records),
        inserted=inserted,
        updated=updated,
        unchanged=len(records) - inserted - updated,
    )
