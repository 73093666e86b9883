"""A KPI value of a period entered by hand (the workspace's KPI page) and the create-or-replace
rule shared with ``PUT /api/v1/kpis``.

The form's values are text: :func:`check_kpi_entry` makes them canonical (the period by
:func:`grappe.roadmap.periods.parse_period`, numbers within the API's bounds) and collects every
problem as a :class:`~grappe.errors.ValidationIssue` naming the field (``column``); nothing is
written then. Rights are those of :data:`grappe.registry.permissions.RULES` (``kpi``: an admin
or the cluster's manager); every write is audited with its author.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, GrappeError, PermissionDeniedError, ValidationIssue
from grappe.registry.form_values import FORM, form_text
from grappe.registry.models import Cluster, Kpi
from grappe.registry.permissions import Access, refusal
from grappe.registry.repositories import audit, changed_fields, get
from grappe.roadmap.periods import PERIOD_FORMS, parse_period

__all__ = ["KPI_ENTRY_FIELDS", "KPI_LIMIT", "MEMBER_KPIS", "check_kpi_entry", "checked_kpi_entry",
           "correct_kpi", "count_member_kpis", "delete_kpi", "kpi_key", "set_kpi"]  # fmt: skip

#: The fields of the KPI entry form.
KPI_ENTRY_FIELDS: tuple[str, ...] = ("name", "period", "value", "target", "unit")
#: Largest magnitude of a value or target (that of the API's ``Finite``).
KPI_LIMIT = 1e15
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")  # the API's ``Key``
_FILE = FORM
_RECORD = ("name", "period", "year", "value", "unit", "target")
#: The KPIs counted from the membership records (:func:`count_member_kpis`).
MEMBER_KPIS: tuple[str, ...] = ("members", "new_members")


def kpi_key(cluster_id: str, name: str, period: str) -> str:
    """The id of a KPI value in messages and the audit log: ``cluster/name/period``."""
    return f"{cluster_id}/{name}/{period}"


def _number(
    values: Mapping[str, Any], key: str, issues: list[ValidationIssue], *, required: bool
) -> float | None:
    text = form_text(values, key).replace(",", ".").replace(" ", "")
    if not text:
        if required:
            issues.append(ValidationIssue(f"{key} is required.", file=_FILE, column=key,
                                          fix="Give a number, e.g. 120 or 3.5."))  # fmt: skip
        return None
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and -KPI_LIMIT <= number <= KPI_LIMIT):
        issues.append(ValidationIssue(
            f"{key} must be a number between -{KPI_LIMIT:g} and {KPI_LIMIT:g}; got {text!r}.",
            file=_FILE, column=key, fix="Give a number, e.g. 120 or 3.5.",
        ))  # fmt: skip
        return None
    return number


def check_kpi_entry(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[ValidationIssue]]:
    """The entry made canonical (``name``, ``period``, ``year``, ``value``, ``target``,
    ``unit``) and its problems, one :class:`ValidationIssue` per bad field.

    Examples
    --------
    >>> entry, issues = check_kpi_entry({"name": "jobs", "period": " 2024-Q1", "value": "12"})
    >>> entry["period"], entry["year"], entry["value"], issues
    ('2024-Q1', 2024, 12.0, [])
    """
    issues: list[ValidationIssue] = []
    name, unit = form_text(values, "name"), form_text(values, "unit")
    if not _KEY.match(name):
        issues.append(ValidationIssue(
            f"The KPI name must be 1 to 64 letters, digits or . _ : - ; got {name!r}.",
            file=_FILE, column="name", fix="Choose a KPI from the list or type a short name.",
        ))  # fmt: skip
    if unit and not _KEY.match(unit):
        issues.append(ValidationIssue(
            f"The unit must be 1 to 64 letters, digits or . _ : - ; got {unit!r}.",
            file=_FILE, column="unit", fix="Give a short unit such as DZD or people.",
        ))  # fmt: skip
    period, year = None, None
    try:
        parsed = parse_period(form_text(values, "period"))
        period, year = parsed.text, parsed.year
        if not 1900 <= year <= 2100:
            raise GrappeError(f"The year {year} is outside 1900-2100.")
    except GrappeError as error:
        forms = ", ".join(PERIOD_FORMS.values())
        issues.append(ValidationIssue(str(error), file=_FILE, column="period",
                                      fix=f"Write the period as one of {forms}."))  # fmt: skip
    entry = {
        "name": name, "period": period, "year": year,
        "value": _number(values, "value", issues, required=True),
        "target": _number(values, "target", issues, required=False),
        "unit": unit or None,
    }  # fmt: skip
    return entry, issues


def _allowed(who: Access, action: str, key: str, cluster_id: str, fields: list[str] = ()) -> None:  # type: ignore[assignment]
    refused = refusal(who, action, "kpi", key, scope={cluster_id}, fields=fields)
    if refused is not None:
        raise PermissionDeniedError(str(refused))


def set_kpi(session: Session, who: Access, cluster_id: str, entry: Mapping[str, Any]) -> Kpi:
    """Create or replace the value of ``entry["name"]`` in ``entry["period"]`` for the cluster
    (as ``PUT /api/v1/kpis``); an unchanged value writes nothing.

    ``entry`` is canonical (from :func:`check_kpi_entry` or the API's schema): ``name``,
    ``period``, ``year``, ``value`` and optionally ``unit`` and ``target``.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's KPIs.
    NotFoundError
        No cluster ``cluster_id``.
    """
    values = {"cluster_id": cluster_id, **{k: entry.get(k) for k in _RECORD}}
    key = kpi_key(cluster_id, values["name"], values["period"])
    row = session.scalar(select(Kpi).where(
        Kpi.cluster_id == cluster_id, Kpi.name == values["name"], Kpi.period == values["period"]
    ))  # fmt: skip
    if row is None:
        _allowed(who, "create", key, cluster_id)
        get(session, Cluster, cluster_id, what="cluster")
        row = Kpi(**values)
        session.add(row)
        session.flush()
        audit(session, who, "create", "kpi", key, after=values)
        return row
    before, after = changed_fields({k: getattr(row, k) for k in values}, values)
    _allowed(who, "update", key, cluster_id, list(after))
    if after:
        for field, value in after.items():
            setattr(row, field, value)
        session.flush()
        audit(session, who, "update", "kpi", key, before=before, after=after)
    return row


def correct_kpi(session: Session, who: Access, kpi_id: int, entry: Mapping[str, Any]) -> Kpi:
    """Correct a stored KPI value with the canonical ``entry`` (every field; audited before and
    after). Moving it onto the name and period of another value of the cluster is refused.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's KPIs.
    NotFoundError
        No KPI value ``kpi_id``.
    DataValidationError
        The cluster already has a value of that name in that period (column ``period``).
    """
    row = get(session, Kpi, kpi_id, what="KPI value")
    current = {k: getattr(row, k) for k in _RECORD}
    before, after = changed_fields(current, {k: entry.get(k) for k in _RECORD})
    key = kpi_key(row.cluster_id, row.name, row.period)
    _allowed(who, "update", key, row.cluster_id, list(after))
    if not after:
        return row
    clash = session.scalar(select(Kpi.id).where(
        Kpi.cluster_id == row.cluster_id, Kpi.name == entry["name"],
        Kpi.period == entry["period"], Kpi.id != row.id,
    ))  # fmt: skip
    if clash is not None:
        raise DataValidationError(ValidationIssue(
            f"The cluster {row.cluster_id!r} already has a value of {entry['name']!r} in "
            f"{entry['period']} (KPI value {clash}).", file=_FILE, column="period",
            fix="Correct that value, or delete it first.",
        ))  # fmt: skip
    for field, value in after.items():
        setattr(row, field, value)
    session.flush()
    audit(session, who, "update", "kpi", key, before=before, after=after)
    return row


def delete_kpi(session: Session, who: Access, kpi_id: int) -> str:
    """Delete a wrong KPI value; the audit entry keeps the whole record. Return its cluster.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's KPIs.
    NotFoundError
        No KPI value ``kpi_id``.
    """
    row = get(session, Kpi, kpi_id, what="KPI value")
    key = kpi_key(row.cluster_id, row.name, row.period)
    _allowed(who, "delete", key, row.cluster_id)
    cluster_id = row.cluster_id
    before = {"cluster_id": cluster_id, **{k: getattr(row, k) for k in _RECORD}}
    session.delete(row)
    session.flush()
    audit(session, who, "delete", "kpi", key, before=before)
    return cluster_id


def count_member_kpis(session: Session, who: Access, cluster_id: str, period: str) -> list[Kpi]:
    """Set the KPIs ``members`` (members at the end of ``period``) and ``new_members`` (actors
    who joined during it) of the cluster from its membership records
    (:func:`grappe.registry.member_events.count_members`: the join and leave events), through
    :func:`set_kpi` (audited; a stored target and unit are kept).

    Raises
    ------
    DataValidationError
        ``period`` is not a period (column ``period``).
    PermissionDeniedError
        ``who`` may not write the cluster's KPIs.
    NotFoundError
        No cluster ``cluster_id``.
    """
    from grappe.registry.member_events import count_members

    entry = checked_kpi_entry({"name": MEMBER_KPIS[0], "period": period, "value": "0"})
    get(session, Cluster, cluster_id, what="cluster")
    counts = count_members(session, cluster_id, entry["period"])
    rows = []
    for name in MEMBER_KPIS:
        stored = session.scalar(select(Kpi).where(
            Kpi.cluster_id == cluster_id, Kpi.name == name, Kpi.period == entry["period"]
        ))  # fmt: skip
        kept = {"target": stored.target, "unit": stored.unit} if stored is not None else {}
        value = {**entry, **kept, "name": name, "value": float(counts[name])}
        rows.append(set_kpi(session, who, cluster_id, value))
    return rows


def checked_kpi_entry(values: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`check_kpi_entry`'s canonical entry; its problems raised together.

    Raises
    ------
    DataValidationError
        One issue per bad field.
    """
    entry, issues = check_kpi_entry(values)
    if issues:
        raise DataValidationError(issues)
    return entry
