"""What each row of an import creates or changes, whether the caller may, and its audit entry.

An import is written in three steps, all inside the caller's transaction: :func:`plan` compares
every valid row with the registry and lists the :class:`Change` s it makes (a new record, or the
old and new values of the fields it changes); :func:`refused_rows` asks
:func:`grappe.registry.permissions.refusal` about each change, with the same rules as the API;
:func:`apply` writes the changes and one audit entry per changed record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, tuple_
from sqlalchemy.orm import Session

from grappe.errors import ValidationIssue
from grappe.registry.models import (
    Actor,
    AuditEntry,
    Base,
    Cluster,
    IndicatorSnapshot,
    Membership,
    Region,
    Tie,
    cluster_regions,
)
from grappe.registry.permissions import Access, refusal
from grappe.registry.repositories import audit_values

__all__ = [
    "DEFAULTED",
    "KEYS",
    "RECORD_KIND",
    "RECORD_KINDS",
    "Change",
    "apply",
    "plan",
    "refused_rows",
]

Progress = Callable[[int, int], None]

#: Natural key of each import kind (file columns): rows are upserted on it.
KEYS: dict[str, tuple[str, ...]] = {
    "regions": ("id",),
    "clusters": ("id",),
    "indicators": ("definitions", "region", "cluster", "year", "measure"),
    "actors": ("id",),
    "ties": ("source", "target", "type"),
}
# Column of the file -> attribute of the model, where they differ.
_RENAME: dict[str, dict[str, str]] = {
    "indicators": {"region": "region_id"},
    "actors": {"region": "region_id"},
}
_MODELS: dict[str, type[Base]] = {
    "regions": Region,
    "clusters": Cluster,
    "indicators": IndicatorSnapshot,
    "actors": Actor,
    "ties": Tie,
}
#: Import kind -> kind of record in :data:`grappe.registry.permissions.RULES` and the audit log.
RECORD_KIND: dict[str, str] = {
    "regions": "region",
    "clusters": "cluster",
    "indicators": "indicator",
    "actors": "actor",
    "ties": "tie",
}
#: Key of a record listing the fields filled with a default (absent from the file): they
#: complete new rows but never replace stored values.
DEFAULTED = "__defaulted__"
#: Import kind -> every kind of record its rows may create or change.
RECORD_KINDS: dict[str, tuple[str, ...]] = {
    **{kind: (record,) for kind, record in RECORD_KIND.items()},
    "actors": ("actor", "membership"),
}
# Columns that are not attributes of the row itself.
_EXTRA: dict[str, tuple[str, ...]] = {"clusters": ("regions",), "actors": ("cluster", "role")}


@dataclass
class Change:
    """One record a row creates or changes.

    Attributes
    ----------
    line : int
        Line of the row in the file (the header is line 1).
    kind : str
        Record kind: ``region``, ``cluster``, ``indicator``, ``actor``, ``membership``, ``tie``.
    key : str
        The record's key as the audit log shows it (``"GM/UM/information"`` for a tie).
    action : {"create", "update"}
    before, after : dict
        Update: old and new values of the changed fields; create: ``after`` is the whole record.
    scope : frozenset of str
        Clusters the record belongs to (see :func:`grappe.registry.permissions.refusal`).
    row : object or None
        The stored row an update changes.
    """

    line: int
    kind: str
    key: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any]
    scope: frozenset[str]
    row: Any = None


def _shown_key(kind: str, rec: dict[str, Any]) -> list[Any]:
    """The key as the audit log names the record: an employment indicator keeps the key it had
    before migration 0013 added the measure, so its earlier audit entries still name it."""
    values = [rec[k] for k in KEYS[kind]]
    if kind == "indicators" and values[-1] == "employment":
        return values[:-1]
    return values


def _key_text(values: Iterable[Any]) -> str:
    return "/".join(str(v) for v in values)


def _existing(
    session: Session, kind: str, records: list[dict[str, Any]]
) -> dict[tuple[Any, ...], Any]:
    model = _MODELS[kind]
    keys = KEYS[kind]
    attrs = [getattr(model, _RENAME.get(kind, {}).get(k, k)) for k in keys]
    found: dict[tuple[Any, ...], Any] = {}
    wanted = [tuple(r[k] for k in keys) for r in records]
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        clause = (
            attrs[0].in_([c[0] for c in chunk]) if len(keys) == 1 else tuple_(*attrs).in_(chunk)
        )
        for row in session.scalars(select(model).where(clause)):
            found[tuple(getattr(row, _RENAME.get(kind, {}).get(k, k)) for k in keys)] = row
    return found


def _memberships(session: Session, actor_ids: set[str]) -> dict[str, dict[str, Membership]]:
    """Actor id → cluster id → its stored membership."""
    out: dict[str, dict[str, Membership]] = {}
    ids = sorted(actor_ids)
    for start in range(0, len(ids), 500):
        query = select(Membership).where(Membership.actor_id.in_(ids[start : start + 500]))
        for m in session.scalars(query):
            out.setdefault(m.actor_id, {})[m.cluster_id] = m
    return out


def plan(session: Session, kind: str, records: list[dict[str, Any]]) -> list[list[Change]]:
    """The changes each record makes (an empty list for an unchanged record).

    Absent optional values (None) leave stored values as they are, so they change nothing.
    """
    rename = _RENAME.get(kind, {})
    extra = _EXTRA.get(kind, ())
    record_kind = RECORD_KIND[kind]
    existing = _existing(session, kind, records)
    members: dict[str, dict[str, Membership]] = {}
    if kind == "actors":
        members = _memberships(session, {r["id"] for r in records})
    elif kind == "ties":
        members = _memberships(session, {r[k] for r in records for k in ("source", "target")})
    out: list[list[Change]] = []
    for i, rec in enumerate(records):
        line = i + 2
        key = _key_text(_shown_key(kind, rec))
        values = {
            rename.get(k, k): v
            for k, v in rec.items()
            if k not in extra and k != DEFAULTED and v is not None
        }
        row = existing.get(tuple(rec[k] for k in KEYS[kind]))
        if kind == "clusters":
            scope = frozenset({rec["id"]})
        elif kind == "actors":
            scope = frozenset(members.get(rec["id"], {}))
            if row is None and rec.get("cluster"):
                scope = frozenset({rec["cluster"]})
        elif kind == "ties":
            scope = frozenset(members.get(rec["source"], {})) & frozenset(
                members.get(rec["target"], {})
            )
        else:
            scope = frozenset()
        changes: list[Change] = []
        if row is None:
            after = dict(values)
            if kind == "clusters":
                after["regions"] = sorted(set(rec.get("regions") or []))
            changes.append(Change(line, record_kind, key, "create", None, after, scope))
        else:
            given = {a: v for a, v in values.items() if a not in rec.get(DEFAULTED, ())}
            before = {a: getattr(row, a) for a, v in given.items() if getattr(row, a) != v}
            after = {a: given[a] for a in before}
            if kind == "clusters" and rec.get("regions") is not None:
                wanted = sorted(set(rec["regions"]))
                stored = sorted(r.id for r in row.regions)
                if stored != wanted:
                    before["regions"], after["regions"] = stored, wanted
            if after:
                changes.append(Change(line, record_kind, key, "update", before, after, scope, row))
        if kind == "actors" and rec.get("cluster"):
            changes.extend(_membership_change(line, rec, members.get(rec["id"], {})))
        out.append(changes)
    return out


def _membership_change(
    line: int, rec: dict[str, Any], stored: dict[str, Membership]
) -> list[Change]:
    cluster, actor, role = rec["cluster"], rec["id"], rec.get("role")
    key, scope = _key_text((cluster, actor)), frozenset({cluster})
    membership = stored.get(cluster)
    if membership is None:
        after = {"cluster_id": cluster, "actor_id": actor, "role": role}
        return [Change(line, "membership", key, "create", None, after, scope)]
    if role and membership.role != role:
        before, after = {"role": membership.role}, {"role": role}
        return [Change(line, "membership", key, "update", before, after, scope, membership)]
    return []


def refused_rows(
    access: Access, kind: str, planned: list[list[Change]], filename: str
) -> list[ValidationIssue]:
    """One issue per row that makes a change ``access`` may not make through the API either."""
    columns = {v: k for k, v in _RENAME.get(kind, {}).items()}
    issues = []
    for changes in planned:
        for change in changes:
            fields = [columns.get(f, f) for f in (change.after if change.before else ())]
            refused = refusal(
                access, change.action, change.kind, change.key, scope=change.scope, fields=fields
            )
            if refused is None:
                continue
            column = "cluster" if change.kind == "membership" else KEYS[kind][0]
            issues.append(
                ValidationIssue(
                    f"{refused.reason}.",
                    file=filename,
                    row=change.line,
                    column=fields[0] if fields else column,
                    fix=f"{refused.fix}.",
                )
            )
            break  # one reason per row is enough to act on
    return issues


def apply(
    session: Session,
    kind: str,
    planned: list[list[Change]],
    *,
    who: str | Access,
    import_id: int | None,
    progress: Progress | None = None,
) -> tuple[int, int]:
    """Write the planned changes and one audit entry per changed record; (inserted, updated).

    New rows are inserted in bulk (ORM bulk INSERT), changed rows are updated one by one.
    """
    model = _MODELS[kind]
    record_kind = RECORD_KIND[kind]
    new_rows: list[dict[str, Any]] = []
    region_links: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    inserted = updated = 0
    total = len(planned)
    for i, changes in enumerate(planned):
        for change in changes:
            if change.kind == record_kind and change.action == "create":
                values = {k: v for k, v in change.after.items() if k != "regions"}
                new_rows.append(values)
                region_links.extend(
                    {"cluster_id": change.key, "region_id": r}
                    for r in change.after.get("regions", ())
                )
            elif change.kind == "membership" and change.action == "create":
                memberships.append(change.after)
            else:
                _update(session, change)
            entries.append(
                audit_values(
                    who, change.action, change.kind, change.key,
                    before=change.before, after=change.after, import_id=import_id,
                )
            )  # fmt: skip
        if changes:
            primary = changes[0]
            created = primary.kind == record_kind and primary.action == "create"
            inserted += created
            updated += not created
        if progress is not None and (i % 1000 == 0 or i == total - 1):
            progress(i + 1, total)
    if new_rows:
        session.execute(insert(model), new_rows)
    if region_links:
        session.execute(insert(cluster_regions), region_links)
    if memberships:
        session.execute(insert(Membership), memberships)
    session.flush()
    if entries:
        session.execute(insert(AuditEntry), entries)
    return inserted, updated


def _update(session: Session, change: Change) -> None:
    for attr, value in change.after.items():
        if attr == "regions":
            change.row.regions = [session.get(Region, rid) for rid in value]
        else:
            setattr(change.row, attr, value)
