"""Store, read and correct the support bodies of firms (:mod:`grappe.ecosystem`) in the registry.

A table of support bodies — the kernel's columns (``actor_type``, ``name``, ``wilaya_code``,
``lat``, ``lon``, see :data:`grappe.ecosystem.BODY_COLUMNS`) plus an ``id``, the ``commune`` and
the ``source_file`` — is stored row by row in ``support_bodies``, upserted on its id (storing the
same table twice changes nothing), with one audit entry. :func:`load_support_bodies` gives the
kernel's table back, so :func:`grappe.ecosystem.nearest_bodies` or
:func:`~grappe.ecosystem.coverage_by_wilaya` run on the registry as on the file;
:func:`correct_support_body` changes one body and audits the values before and after.

Wilaya codes are those of the 69-wilaya division (2025); the body's region is ``DZ-<code>``,
which must already be a registry region.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from grappe.ecosystem import BODY_COLUMNS, select_types
from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    NotFoundError,
    ValidationIssue,
)
from grappe.registry.models import Region, SupportBody
from grappe.registry.repositories import audit, page

if TYPE_CHECKING:
    from grappe.registry.permissions import Access

__all__ = [
    "CORRECTABLE_FIELDS",
    "SUPPORT_BODY_COLUMNS",
    "SupportBodiesReport",
    "correct_support_body",
    "list_support_bodies",
    "load_support_bodies",
    "store_support_bodies",
]

#: Columns of the table :func:`store_support_bodies` takes and :func:`load_support_bodies` gives.
SUPPORT_BODY_COLUMNS: tuple[str, ...] = (
    "id", *BODY_COLUMNS, "commune", "source_file", "licence",
)  # fmt: skip

#: Fields of a stored body :func:`correct_support_body` may change.
CORRECTABLE_FIELDS: tuple[str, ...] = ("actor_type", "name", "lat", "lon", "wilaya_code", "commune")

_FIELDS = ("actor_type", "name", "lat", "lon", "wilaya_id", "commune", "source_file", "licence")


@dataclass(frozen=True)
class SupportBodiesReport:
    """What :func:`store_support_bodies` wrote: ``rows`` stored, of which ``inserted`` new,
    ``updated`` changed and ``unchanged`` equal to the stored body."""

    rows: int
    inserted: int
    updated: int
    unchanged: int


def _region_id(code: Any) -> str:
    return f"DZ-{int(code):02d}"


def _record(row: Any) -> dict[str, Any]:
    commune = row.commune
    return {
        "actor_type": str(row.actor_type),
        "name": "" if pd.isna(row.name) else str(row.name),
        "lat": float(row.lat),
        "lon": float(row.lon),
        "wilaya_id": _region_id(row.wilaya_code),
        "commune": None if pd.isna(commune) or str(commune) == "" else str(commune).zfill(4),
        "source_file": str(row.source_file),
        "licence": str(row.licence),
    }


def _check_table(bodies: pd.DataFrame, name: str) -> None:
    func = "store_support_bodies"
    if not isinstance(bodies, pd.DataFrame):
        raise InvalidParameterError(
            f"The 'bodies' parameter of {func} must be a pandas DataFrame. "
            f"Got {type(bodies).__name__} instead."
        )
    missing = [c for c in SUPPORT_BODY_COLUMNS if c not in bodies.columns]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                f"the table of support bodies lacks the columns {missing}.",
                file=name,
                fix="give the columns " + ", ".join(SUPPORT_BODY_COLUMNS) + ".",
            )
        )
    issues = []
    ids = bodies["id"].astype("string")
    for position in (ids.fillna("") == "").to_numpy().nonzero()[0]:
        issues.append(_issue(name, position, "id", "the body has no id.", "give every body an id."))
    for position in ids.duplicated(keep="first").fillna(False).to_numpy().nonzero()[0]:
        issues.append(
            _issue(name, position, "id", f"the id {ids.iloc[position]!r} is repeated.",
                   "give each body its own id.")
        )  # fmt: skip
    lat = pd.to_numeric(bodies["lat"], errors="coerce")
    lon = pd.to_numeric(bodies["lon"], errors="coerce")
    for position in (~(lat.between(-90, 90) & lon.between(-180, 180))).to_numpy().nonzero()[0]:
        issues.append(
            _issue(name, position, "lat/lon",
                   f"lat={_shown(bodies['lat'].iloc[position])}, "
                   f"lon={_shown(bodies['lon'].iloc[position])} "
                   "is not a point.", "give latitudes in [-90, 90] and longitudes in [-180, 180].")
        )  # fmt: skip
    codes = pd.to_numeric(bodies["wilaya_code"], errors="coerce")
    for position in (~(codes % 1 == 0).fillna(False)).to_numpy().nonzero()[0]:
        issues.append(
            _issue(name, position, "wilaya_code",
                   f"{_shown(bodies['wilaya_code'].iloc[position])} is not a wilaya code.",
                   "give the wilaya's number in the 69-wilaya division (1 to 69).")
        )  # fmt: skip
    kinds = bodies["actor_type"].astype("string").str.strip().fillna("")
    for position in (kinds == "").to_numpy().nonzero()[0]:
        issues.append(
            _issue(name, position, "actor_type", "the type of the body is empty.",
                   "name the type of every body (anade, banks/bna…).")
        )  # fmt: skip
    if issues:
        raise DataValidationError(issues)


def _shown(value: Any) -> str:
    """A cell as a message shows it: text quoted, a number as written (not ``np.float64(…)``)."""
    return repr(value) if isinstance(value, str) else str(value)


def _issue(name: str, position: int, column: str, message: str, fix: str) -> ValidationIssue:
    return ValidationIssue(message, file=name, row=int(position) + 2, column=column, fix=fix)


def _check_regions(session: Session, wanted: Iterable[str], name: str) -> None:
    wanted = sorted(set(wanted))
    found = set(session.scalars(select(Region.id).where(Region.id.in_(wanted))))
    missing = [w for w in wanted if w not in found]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                f"{len(missing)} wilaya(s) of the support bodies are not registry regions: "
                f"{', '.join(missing[:5])}{'…' if len(missing) > 5 else ''}.",
                file=name,
                column="wilaya_code",
                fix="load the 69 wilayas first (grappe observatory does), or correct the codes.",
            )
        )


def store_support_bodies(
    session: Session,
    bodies: pd.DataFrame,
    *,
    who: str,
    name: str = "support bodies",
    progress: Callable[[int, int], None] | None = None,
) -> SupportBodiesReport:
    """Upsert every body of a table on its id, all or nothing.

    Parameters
    ----------
    session : Session
        Open session inside a transaction; the caller commits (on success) or rolls back.
    bodies : pandas.DataFrame
        The columns of :data:`SUPPORT_BODY_COLUMNS`: the kernel's (``actor_type``, ``name``,
        ``wilaya_code`` of the 69-wilaya division, ``lat``, ``lon``), an ``id`` per body,
        ``commune`` (ONS code or empty), ``source_file`` and ``licence``. Not modified.
    who : str
        Name of the token or local caller that stores the table (audit log).
    name : str, default "support bodies"
        Name of the table in error messages and in the audit entry.
    progress : callable, optional
        Called as ``progress(done, total)``.

    Returns
    -------
    SupportBodiesReport
        Rows stored, inserted, updated and unchanged. Bodies stored before and absent from the
        table are kept.

    Raises
    ------
    InvalidParameterError
        ``bodies`` is not a DataFrame.
    DataValidationError
        A missing column, an empty or repeated id, a point out of range, a wilaya code that is
        not a whole number, an empty type (each naming the row and column), or a wilaya that is
        not a registry region; nothing has been written.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.registry import connect, import_table
    >>> factory = connect("sqlite://")
    >>> t = pd.DataFrame({"id": ["a:1"], "actor_type": ["cnrc"], "name": ["CNRC Biskra"],
    ...     "wilaya_code": [7], "lat": [34.85], "lon": [5.73], "commune": ["0701"],
    ...     "source_file": ["cnrc.csv"], "licence": ["CC0"]})
    >>> with factory.begin() as session:
    ...     _ = import_table(session, b"id,country,region_type,name_en\\nDZ-07,DZ,wilaya,Biskra\\n",
    ...                      kind="regions", filename="r.csv", who="doc")
    ...     store_support_bodies(session, t, who="doc")
    SupportBodiesReport(rows=1, inserted=1, updated=0, unchanged=0)
    """
    _check_table(bodies, name)
    records = {str(row.id): _record(row) for row in bodies.itertuples(index=False)}
    _check_regions(session, (r["wilaya_id"] for r in records.values()), name)
    stored: dict[str, SupportBody] = {}
    keys = list(records)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        stored.update(
            (b.id, b) for b in session.scalars(select(SupportBody).where(SupportBody.id.in_(chunk)))
        )
    total = len(records)
    new = [{"id": key, **record} for key, record in records.items() if key not in stored]
    updated = 0
    for key, body in stored.items():
        record = records[key]
        if any(_differs(getattr(body, f), v) for f, v in record.items()):
            for field, value in record.items():
                setattr(body, field, value)
            updated += 1
    # New bodies in one executemany per chunk: the bootstrap inserts 6,502, which ORM objects
    # made three times slower.
    for start in range(0, len(new), 1000):
        session.execute(insert(SupportBody), new[start : start + 1000])
        if progress is not None:
            progress(min(start + 1000, len(new)) + len(stored), total)
    if progress is not None and not new:
        progress(total, total)
    inserted = len(new)
    session.flush()
    audit(
        session, who, "store", "support_bodies", None,
        {"name": name, "rows": total, "inserted": inserted, "updated": updated},
    )  # fmt: skip
    return SupportBodiesReport(total, inserted, updated, total - inserted - updated)


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, float) and isinstance(new, float):
        return not math.isclose(old, new, rel_tol=0.0, abs_tol=1e-9)
    return bool(old != new)


def _frame(rows: list[SupportBody]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "id": pd.array([b.id for b in rows], dtype="string"),
            "actor_type": pd.array([b.actor_type for b in rows], dtype="string"),
            "name": pd.array([b.name or "" for b in rows], dtype="string"),
            "wilaya_code": pd.array(
                [int(b.wilaya_id.removeprefix("DZ-")) for b in rows], dtype="Int64"
            ),
            "lat": [float(b.lat) for b in rows],
            "lon": [float(b.lon) for b in rows],
            "commune": pd.array([b.commune for b in rows], dtype="string"),
            "source_file": pd.array([b.source_file for b in rows], dtype="string"),
            "licence": pd.array([b.licence for b in rows], dtype="string"),
        }
    )
    return frame.astype({"lat": "float64", "lon": "float64"})


def load_support_bodies(
    session: Session,
    *,
    wilaya: str | None = None,
    types: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The stored support bodies as the kernel's table (ordered by type, then id).

    Parameters
    ----------
    session : Session
        Open session.
    wilaya : str, optional
        Only the bodies of this region (``"DZ-07"``).
    types : iterable of str, optional
        Only these types or families (``anade``, ``banks``), as
        :func:`grappe.ecosystem.select_types` matches them.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`SUPPORT_BODY_COLUMNS`; ``wilaya_code`` is the number of the
        69-wilaya division.

    Raises
    ------
    InvalidParameterError
        A type that matches no stored body (the message lists the known ones).
    """
    query = select(SupportBody).order_by(SupportBody.actor_type, SupportBody.id)
    if wilaya is not None:
        query = query.where(SupportBody.wilaya_id == wilaya)
    frame = _frame(list(session.scalars(query)))
    if types is not None:
        # Types are matched against every stored type, so that a type absent from one wilaya
        # gives no rows there, while a type unknown everywhere is an error.
        chosen = _chosen_types(session, types, "load_support_bodies")
        frame = frame[frame["actor_type"].isin(chosen)]
    return frame.reset_index(drop=True)


def _chosen_types(session: Session, types: Iterable[str], func: str) -> list[str]:
    """The stored types ``types`` names (types or families); unknown ones are refused."""
    known = pd.DataFrame(
        {"actor_type": pd.array(
            sorted(session.scalars(select(SupportBody.actor_type).distinct())), dtype="string"
        )}
    )  # fmt: skip
    return sorted(set(select_types(known, types, func=func)["actor_type"]))


def list_support_bodies(
    session: Session,
    *,
    wilaya: str | None = None,
    types: Iterable[str] | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[SupportBody], int]:
    """A page of stored bodies (ordered by type, then id) and the number of matching bodies.

    Parameters
    ----------
    session : Session
        Open session.
    wilaya : str, optional
        Only the bodies of this wilaya (``"DZ-07"``, 69-wilaya division).
    types : iterable of str, optional
        Types or families (``anade``, ``banks``), matched as by
        :func:`grappe.ecosystem.select_types`.
    limit, offset : int
        The page.

    Raises
    ------
    NotFoundError
        ``wilaya`` is not a registry region.
    InvalidParameterError
        A type that matches no stored body (the message lists the known ones).
    """
    query = select(SupportBody).order_by(SupportBody.actor_type, SupportBody.id)
    if wilaya is not None:
        if session.get(Region, wilaya) is None:
            raise NotFoundError(f"No region {wilaya!r} in the registry (wilayas are DZ-01…DZ-69).")
        query = query.where(SupportBody.wilaya_id == wilaya)
    if types is not None:
        chosen = _chosen_types(session, types, "list_support_bodies")
        query = query.where(SupportBody.actor_type.in_(chosen))
    return page(session, query, limit=limit, offset=offset)


def correct_support_body(
    session: Session, body_id: str, *, who: str | Access, **changes: Any
) -> dict[str, Any]:
    """Correct fields of one stored body (audited with the values before and after).

    Parameters
    ----------
    session : Session
        Open session inside a transaction.
    body_id : str
        Id of the stored body.
    who : str or Access
        Name of the token or local caller, or the caller's rights (audit log; the rights are
        checked by the API route or the page before).
    **changes
        New values of fields of :data:`CORRECTABLE_FIELDS` (``wilaya_code`` in the 69-wilaya
        division; ``commune`` an ONS code or None).

    Returns
    -------
    dict
        The body's fields after the correction.

    Raises
    ------
    NotFoundError
        No body has this id.
    InvalidParameterError
        No change, or a field that cannot be corrected.
    DataValidationError
        An empty type, a latitude or longitude out of range, a wilaya code that is not a number
        or not a registry region: one issue per bad field (``column`` names it, ``file`` is the
        body's id); nothing is changed.
    """
    func = "correct_support_body"
    body = session.get(SupportBody, body_id)
    if body is None:
        raise NotFoundError(f"No support body {body_id!r} in the registry.")
    unknown = sorted(set(changes) - set(CORRECTABLE_FIELDS))
    if unknown or not changes:
        raise InvalidParameterError(
            f"The changes of {func} must name fields among {list(CORRECTABLE_FIELDS)}. "
            f"Got {sorted(changes) if changes else 'none'} instead."
        )
    new = {f: getattr(body, f) for f in _FIELDS}
    before = dict(new)
    issues = []
    for field, value in changes.items():
        try:
            if field == "wilaya_code":
                new["wilaya_id"] = _region_id(_whole(value))
            else:
                new[field] = _corrected(field, value)
        except ValueError as exc:  # every bad field is named at once, nothing is changed
            message, fix = exc.args
            issues.append(ValidationIssue(message, file=body_id, column=field, fix=fix))
    if issues:
        raise DataValidationError(issues)
    _check_regions(session, [new["wilaya_id"]], body_id)
    for field, value in new.items():
        setattr(body, field, value)
    session.flush()
    audit(session, who, "update", "support_bodies", body_id, before=before, after=new)
    return {"id": body_id, **new}


def _corrected(field: str, value: Any) -> Any:
    """The stored value of a corrected ``field``; ``ValueError(message, fix)`` when it is bad."""
    if field in ("lat", "lon"):
        return _coordinate(field, value)
    if field == "actor_type":
        if not str(value or "").strip():
            raise ValueError(
                f"the type of the body must not be empty (got {value!r}).",
                "name its type (anade, banks/bna…).",
            )
        return str(value).strip()
    if field == "commune":
        return None if value in (None, "") else str(value).strip().zfill(4)
    return "" if value is None else str(value).strip()


def _whole(value: Any) -> int:
    text = "" if isinstance(value, bool) else str(value).strip().upper().removeprefix("DZ-")
    if not isinstance(value, int | str) or not text.isdigit():
        raise ValueError(
            f"{value!r} is not a wilaya number.",
            "give the wilaya's number in the 69-wilaya division (1 to 69).",
        )
    return int(text)


def _coordinate(field: str, value: Any) -> float:
    limit = 90.0 if field == "lat" else 180.0
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not (math.isfinite(number) and -limit <= number <= limit):
        raise ValueError(
            f"{'the latitude' if field == 'lat' else 'the longitude'} must be a number in "
            f"[-{limit:g}, {limit:g}] (got {value!r}).",
            "give the point in decimal degrees (WGS84), e.g. 34.85.",
        )
    return number
