"""An actor entered by hand (the workspace's forms): recorded as a member of a cluster, or
corrected by the member who represents it.

The values are those of the form: names in French, Arabic and English, sphere and level (checked
by the network kernel, :func:`grappe.network.records.check_actor`, as ``POST /api/v1/actors``
does), wilaya and commune or a point (``lat``/``lon``), a contact, and the join date (a dated
``join`` event, :func:`grappe.registry.member_events.add_member_event`). Every problem is
collected first and raised together as a :class:`~grappe.errors.DataValidationError` whose
issues name the field (``column``); nothing is written then. Rights are those of
:data:`grappe.registry.permissions.RULES` (``actor`` create, scope the cluster; update, for a
``member`` the actor he represents).

The names, place and contact are kept in the actor's ``attributes`` (the kernel passes extra
actor columns through); ``name`` is the first name given among French, English and Arabic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, PermissionDeniedError, ValidationIssue
from grappe.network.records import check_actor
from grappe.registry.form_values import FORM, form_text
from grappe.registry.member_events import add_member_event
from grappe.registry.models import Actor, Cluster, Membership
from grappe.registry.permissions import Access, refusal
from grappe.registry.repositories import audit, changed_fields, get
from grappe.registry.slugs import free_id

__all__ = ["ACTOR_ENTRY_FIELDS", "ORGANISATION_FIELDS", "check_entry", "organisation_values",
           "record_actor",
           "update_organisation"]  # fmt: skip

#: The fields of the "record an actor" form.
ACTOR_ENTRY_FIELDS: tuple[str, ...] = (
    "name_fr", "name_ar", "name_en", "sphere", "level", "wilaya", "commune", "lat", "lon",
    "contact", "joined",
)  # fmt: skip
#: The fields a member may change of his own organisation.
ORGANISATION_FIELDS: tuple[str, ...] = (
    "name_fr", "name_ar", "name_en", "wilaya", "commune", "lat", "lon", "contact",
)  # fmt: skip
_NAMES = ("name_fr", "name_en", "name_ar")
_ATTRIBUTES = ("name_fr", "name_ar", "name_en", "wilaya", "commune", "lat", "lon", "contact")
_FILE = FORM


def _number(
    values: Mapping[str, Any], key: str, bound: float, issues: list[ValidationIssue]
) -> float | None:
    text = form_text(values, key).replace(",", ".")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if not -bound <= number <= bound:
        issues.append(ValidationIssue(
            f"{key} must be a number between -{bound:g} and {bound:g}; got {text!r}.",
            file=_FILE, column=key, fix="Give decimal degrees (36.36, 6.61 for Constantine).",
        ))  # fmt: skip
        return None
    return number


def check_entry(
    values: Mapping[str, Any], *, fields: tuple[str, ...] = ACTOR_ENTRY_FIELDS
) -> tuple[dict[str, Any], list[ValidationIssue]]:
    """The entry made canonical (sphere and level by the network kernel) and its problems, one
    :class:`~grappe.errors.ValidationIssue` per bad field (``column`` is the field).

    Examples
    --------
    >>> entry, issues = check_entry({"name_fr": "Dinanderie Bey", "sphere": "firm",
    ...                              "lat": "36.4", "joined": "2024-13-01"})
    >>> entry["sphere"], entry["lat"], [i.column for i in issues]
    ('enterprise', 36.4, ['lon', 'joined'])
    """
    unknown = sorted(set(values) - set(fields))
    issues: list[ValidationIssue] = [
        ValidationIssue(f"Unknown field {k!r}.", file=_FILE, column=k) for k in unknown
    ]
    entry: dict[str, Any] = {k: form_text(values, k) or None for k in fields}
    if any(k in fields for k in _NAMES) and not any(entry.get(k) for k in _NAMES):
        issues.append(ValidationIssue(
            "The actor needs a name in at least one language.", file=_FILE, column="name_fr",
        ))  # fmt: skip
    if "sphere" in fields:
        if not entry["sphere"]:
            issues.append(ValidationIssue("The sphere is required.", file=_FILE, column="sphere"))
        words = {k: entry[k] for k in ("sphere", "level") if entry.get(k)}
        canonical, kernel_issues = check_actor(words, file=_FILE)
        entry.update(canonical)
        issues.extend(kernel_issues)
    if "lat" in fields:
        entry["lat"] = _number(values, "lat", 90, issues)
        entry["lon"] = _number(values, "lon", 180, issues)
        given = {k for k in ("lat", "lon") if form_text(values, k)}
        if len(given) == 1:
            missing = ({"lat", "lon"} - given).pop()
            issues.append(ValidationIssue(
                "Give both the latitude and the longitude, or neither.", file=_FILE,
                column=missing,
            ))  # fmt: skip
    if entry.get("joined"):
        try:
            entry["joined"] = dt.date.fromisoformat(str(entry["joined"]))
        except ValueError:
            issues.append(ValidationIssue(
                f"The join date must read YYYY-MM-DD; got {entry['joined']!r}.", file=_FILE,
                column="joined",
            ))  # fmt: skip
            entry["joined"] = None
    return entry, issues


def _attributes(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {k: entry[k] for k in _ATTRIBUTES if entry.get(k) is not None}


def _display_name(entry: Mapping[str, Any]) -> str:
    return str(next(entry[k] for k in _NAMES if entry.get(k)))


def _new_id(session: Session, entry: Mapping[str, Any]) -> str:
    latin = next((entry[k] for k in ("name_fr", "name_en") if entry.get(k)), "")
    return free_id(session, Actor, latin, prefix="actor")


def record_actor(
    session: Session, who: Access, cluster_id: str, values: Mapping[str, Any]
) -> Actor:
    """Record a new actor as a member of ``cluster_id`` (audited: actor, membership, and the
    ``join`` event when a join date is given). Its id is made from its French or English name.

    Raises
    ------
    NotFoundError
        No such cluster.
    PermissionDeniedError
        ``who`` may not create an actor in this cluster.
    DataValidationError
        One issue per bad field; nothing is written.
    """
    get(session, Cluster, cluster_id, what="cluster")
    refused = refusal(who, "create", "actor", "(new)", scope={cluster_id})
    if refused is not None:
        raise PermissionDeniedError(str(refused))
    entry, issues = check_entry(values)
    if issues:
        raise DataValidationError(issues)
    actor = Actor(
        id=_new_id(session, entry),
        name=_display_name(entry),
        sphere=entry["sphere"],
        level=entry["level"],
        attributes=_attributes(entry),
    )
    session.add(actor)
    session.add(Membership(cluster_id=cluster_id, actor_id=actor.id))
    session.flush()
    record = {"id": actor.id, "name": actor.name, "sphere": actor.sphere, "level": actor.level,
              "attributes": actor.attributes}  # fmt: skip
    audit(session, who, "create", "actor", actor.id, after=record)
    membership = {"cluster_id": cluster_id, "actor_id": actor.id, "role": None}
    audit(session, who, "create", "membership", f"{cluster_id}/{actor.id}", after=membership)
    if entry["joined"] is not None:
        add_member_event(session, who, cluster_id, actor.id, {"kind": "join",
                                                             "date": entry["joined"]})  # fmt: skip
    return actor


def organisation_values(actor: Actor) -> dict[str, str]:
    """The form values of an actor (its names, place, point and contact) as text."""
    attributes = actor.attributes or {}
    values = {k: "" if attributes.get(k) is None else str(attributes[k]) for k in _ATTRIBUTES}
    if not any(values[k] for k in _NAMES):
        values["name_en"] = actor.name
    return values


def update_organisation(
    session: Session, who: Access, actor_id: str, values: Mapping[str, Any]
) -> Actor:
    """Correct the names, place and contact of an actor (the member who represents it, an admin
    or a manager of its clusters), audited with the values before and after.

    Raises
    ------
    NotFoundError
        No such actor.
    PermissionDeniedError
        ``who`` may not change this actor.
    DataValidationError
        One issue per bad field; nothing is written.
    """
    actor = get(session, Actor, actor_id, what="actor")
    scope = {m.cluster_id for m in session.query(Membership).filter_by(actor_id=actor_id)}
    refused = refusal(who, "update", "actor", actor_id, scope=scope, actors={actor_id})
    if refused is not None:
        raise PermissionDeniedError(str(refused))
    entry, issues = check_entry(values, fields=ORGANISATION_FIELDS)
    if issues:
        raise DataValidationError(issues)
    attributes = {**(actor.attributes or {}), **dict.fromkeys(_ATTRIBUTES)}
    attributes = {k: v for k, v in {**attributes, **_attributes(entry)}.items() if v is not None}
    # Names, place and contact only: the kernel's columns (sphere, level…) are not the
    # member's to change, so the kernel's check of update_actor is not asked (a stored actor
    # may lack a level the kernel requires, and that is the manager's to fix).
    before = {"name": actor.name, "attributes": actor.attributes}
    after = {"name": _display_name(entry), "attributes": attributes}
    old, new = changed_fields(before, after)
    if new:
        actor.name, actor.attributes = after["name"], after["attributes"]
        session.flush()
        audit(session, who, "update", "actor", actor_id, before=old, after=new)
    return actor
