"""Corrections and soft deletions of a stored network's actors and ties, audited.

Corrections (:func:`update_actor`, :func:`update_tie`) are checked by the kernel's own validation
(:func:`grappe.network.build_network`), so they fail with the kernel's message; deletions
(:func:`delete_actor`, :func:`delete_tie`) are soft: ``deleted_at`` is set and the row stays for
the audit trail and the diagnoses stored before (see :mod:`grappe.registry.networks`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError, NotFoundError
from grappe.network.model import build_network
from grappe.registry.models import Actor, ClusterNetwork, SurveyWave, Tie, utc_now
from grappe.registry.networks import (
    _ACTOR_FIELDS,
    _TIE_EDITABLE,
    ORIGINS,
    _value,
    actor_record,
    tie_key,
    tie_record,
)
from grappe.registry.permissions import Access
from grappe.registry.repositories import audit, changed_fields, get

__all__ = ["delete_actor", "delete_tie", "update_actor", "update_tie"]


def _check_actor(values: Mapping[str, Any], func: str) -> None:
    """Refuse a sphere or level the kernel refuses, with the kernel's own message."""
    frame = pd.DataFrame([{"id": "x", **values}])
    build_network(frame, pd.DataFrame(columns=["source", "target", "type"]), actors_file=func)


def update_actor(
    session: Session, actor_id: str, changes: Mapping[str, Any], *, who: str | Access
) -> Actor:
    """Correct an actor (``name``, ``sphere``, ``level``, ``ownership``, ``size``,
    ``attributes``), checked by the kernel's vocabularies; audited with the changed fields.

    Raises
    ------
    NotFoundError
        No such actor, or a deleted one.
    InvalidParameterError
        An unknown field.
    DataValidationError
        A sphere or level the kernel refuses (the kernel's message).
    """
    actor = get(session, Actor, actor_id, what="actor")
    if actor.deleted_at is not None:
        raise NotFoundError(f"The actor {actor_id!r} was deleted.")
    unknown = sorted(set(changes) - set(_ACTOR_FIELDS))
    if unknown:
        raise InvalidParameterError(
            f"The 'changes' parameter of update_actor must only have the fields "
            f"{list(_ACTOR_FIELDS)}. Got {unknown} instead."
        )
    before = {k: getattr(actor, k) for k in _ACTOR_FIELDS}
    after = {**before, **changes}
    _check_actor({k: after[k] for k in ("name", "sphere", "level", "ownership", "size")},
                 "update_actor")  # fmt: skip
    old, new = changed_fields(before, after)
    if new:
        for k, v in new.items():
            setattr(actor, k, v)
        session.flush()
        audit(session, who, "update", "actor", actor_id, before=old, after=new)
    return actor


def delete_actor(session: Session, actor_id: str, *, who: str | Access) -> Actor:
    """Soft-delete an actor: it and its ties leave every network from now on; the rows, the
    audit trail and the diagnoses stored before stay.

    Raises
    ------
    NotFoundError
        No such actor, or one already deleted.
    """
    actor = get(session, Actor, actor_id, what="actor")
    if actor.deleted_at is not None:
        raise NotFoundError(f"The actor {actor_id!r} was already deleted.")
    before = actor_record(actor)
    actor.deleted_at = utc_now()
    session.flush()
    audit(session, who, "delete", "actor", actor_id, before=before)
    return actor


def _wave_label(session: Session, tie: Tie) -> str | None:
    return None if tie.wave_id is None else session.get(SurveyWave, tie.wave_id).label  # type: ignore[union-attr]


def update_tie(
    session: Session, tie_id: int, changes: Mapping[str, Any], *, who: str | Access
) -> Tie:
    """Correct a tie (``type``, ``strength``, ``directed``, ``evidence``, ``confidence``,
    ``origin``), checked by :func:`grappe.network.build_network` with the network's strength
    scale; audited with the changed fields.

    Raises
    ------
    NotFoundError
        No such tie, or a deleted one.
    InvalidParameterError
        An unknown field or origin.
    DataValidationError
        A value the kernel refuses (unknown type, strength off the scale…).
    """
    tie = get(session, Tie, tie_id, what="tie")
    if tie.deleted_at is not None:
        raise NotFoundError(f"The tie {tie_id} was deleted.")
    unknown = sorted(set(changes) - set(_TIE_EDITABLE))
    if unknown:
        raise InvalidParameterError(
            f"The 'changes' parameter of update_tie must only have the fields "
            f"{list(_TIE_EDITABLE)}. Got {unknown} instead."
        )
    origin = changes.get("origin", tie.origin)
    if origin is not None and origin not in ORIGINS:
        raise InvalidParameterError(
            f"The 'origin' parameter of update_tie must be one of {list(ORIGINS)}. "
            f"Got {origin!r} instead."
        )
    before = {k: getattr(tie, k) for k in _TIE_EDITABLE}
    after = {**before, **changes}
    meta = session.get(ClusterNetwork, tie.cluster_id) if tie.cluster_id else None
    scale = (meta.strength_low, meta.strength_high) if meta is not None else (1.0, 3.0)
    actors = pd.DataFrame({"id": [tie.source, tie.target], "sphere": "enterprise",
                           "level": "local"})  # fmt: skip
    row = {k: after[k] for k in ("type", "strength", "directed", "evidence", "confidence")}
    checked = build_network(
        actors, pd.DataFrame([{"source": tie.source, "target": tie.target, **row}]),
        strength_scale=scale, ties_file=f"tie {tie_id}",
    ).ties.iloc[0]  # fmt: skip
    # The kernel's canonical values: money → funding, "strong" → 3.0, "yes" → True.
    after["type"] = str(checked["type"])
    after["strength"] = _value(checked["strength"])
    after["directed"] = bool(checked["directed"])
    after["confidence"] = _value(checked["confidence"])
    old, new = changed_fields(before, after)
    if new:
        for k, v in new.items():
            setattr(tie, k, v)
        session.flush()
        audit(session, who, "update", "tie", tie_key(tie, _wave_label(session, tie)),
              before=old, after=new)  # fmt: skip
    return tie


def delete_tie(session: Session, tie_id: int, *, who: str | Access) -> Tie:
    """Soft-delete a tie of one wave (its row stays for the audit trail; the same tie in other
    waves, and the diagnoses stored before, are untouched).

    Raises
    ------
    NotFoundError
        No such tie, or one already deleted.
    """
    tie = get(session, Tie, tie_id, what="tie")
    if tie.deleted_at is not None:
        raise NotFoundError(f"The tie {tie_id} was already deleted.")
    before = tie_record(tie)
    tie.deleted_at = utc_now()
    session.flush()
    audit(session, who, "delete", "tie", tie_key(tie, _wave_label(session, tie)), before=before)
    return tie
