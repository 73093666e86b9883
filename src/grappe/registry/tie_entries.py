"""A tie entered by hand (the workspace's "Record a tie" form), added to one survey wave of a
cluster's network.

The form gives who reported the tie (an actor of the cluster), its two ends (actors of the
cluster), its type and strength, its wave (an existing label, or a new one with its date) and
where it was reported (:data:`grappe.registry.networks.ORIGINS`). Every problem is collected
first and raised together as a :class:`~grappe.errors.DataValidationError` whose issues name the
field (``column``); nothing is written then. The tie is checked by the network kernel
(:func:`grappe.network.records.check_tie`: type, strength on the network's scale, self-tie, the
messages of the API); its ends must be live members of the cluster. The reporter is stored as
the tie's ``respondent``, pseudonymised as the CLI does (:func:`grappe.io.network.pseudonymise`,
key ``$GRAPPE_PSEUDONYM_SALT``).

A tie already stored in the wave (same ends and type) is refused rather than merged: merging
would change the stored row's report count behind the user's back; the form says to delete or
correct the stored one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from grappe.errors import (
    DataValidationError,
    PermissionDeniedError,
    ValidationIssue,
)
from grappe.io.network import pseudonymise
from grappe.network.records import check_tie
from grappe.registry.form_values import FORM, form_date, form_issue, form_text
from grappe.registry.models import (
    Actor,
    Cluster,
    ClusterNetwork,
    Membership,
    SurveyWave,
    Tie,
    utc_now,
)
from grappe.registry.networks import ORIGINS, ensure_wave, tie_key, tie_record
from grappe.registry.permissions import Access, refusal
from grappe.registry.repositories import audit, get
from grappe.vocabulary import STRENGTH_SCALE

__all__ = ["TIE_ENTRY_FIELDS", "WAVE_LABEL", "cluster_actors", "record_tie", "wave_ties",
           "waves_of"]  # fmt: skip

#: The fields of the "record a tie" form.
TIE_ENTRY_FIELDS: tuple[str, ...] = (
    "reporter", "source", "target", "type", "strength", "wave", "new_wave", "date", "origin",
)  # fmt: skip
#: A wave label, as the API accepts it.
WAVE_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
_FILE = FORM


def _wave(values: Mapping[str, Any], issues: list[ValidationIssue]) -> tuple[str, dt.date | None]:
    existing, new = form_text(values, "wave"), form_text(values, "new_wave")
    label = new or existing
    if not label:
        issues.append(form_issue("Choose a wave or give the label of a new one.", "wave"))
    elif not WAVE_LABEL.match(label):
        issues.append(form_issue(
            f"The wave label {label!r} must start with a letter or digit and hold only letters, "
            "digits and . _ : - (64 at most).", "new_wave" if new else "wave",
        ))  # fmt: skip
    date = form_date(values, "date", issues, what="The wave date")
    return label, date


def record_tie(session: Session, who: Access, cluster_id: str, values: Mapping[str, Any]) -> Tie:
    """Add a tie to a wave of the network of ``cluster_id`` (audited: the tie, and the wave when
    new).

    Raises
    ------
    NotFoundError
        No such cluster.
    PermissionDeniedError
        ``who`` may not create a tie in this cluster.
    DataValidationError
        One issue per bad field (``column`` is the form's field); nothing is written.
    """
    get(session, Cluster, cluster_id, what="cluster")
    refused = refusal(who, "create", "tie", "(new)", scope={cluster_id})
    if refused is not None:
        raise PermissionDeniedError(str(refused))
    unknown = sorted(set(values) - set(TIE_ENTRY_FIELDS))
    issues = [form_issue(f"Unknown field {k!r}.", k) for k in unknown]
    ids = {actor.id for actor in cluster_actors(session, cluster_id)}
    for column in ("reporter", "source", "target"):
        actor = form_text(values, column)
        if not actor:
            issues.append(form_issue(f"The {column} is required.", column))
        elif actor not in ids:
            issues.append(form_issue(
                f"Unknown actor {actor!r}: not an actor of the cluster {cluster_id!r}.", column,
                fix="Record the actor first.",
            ))  # fmt: skip
    if not form_text(values, "type"):
        issues.append(form_issue("The tie type is required.", "type"))
    meta = session.get(ClusterNetwork, cluster_id)
    scale = (meta.strength_low, meta.strength_high) if meta is not None else STRENGTH_SCALE
    record = {k: form_text(values, k) or None for k in ("source", "target", "type", "strength")}
    tie, kernel_issues = check_tie(record, strength_scale=scale, file=_FILE)
    issues.extend(kernel_issues)
    label, date = _wave(values, issues)
    origin = form_text(values, "origin") or None
    if origin is not None and origin not in ORIGINS:
        issues.append(form_issue(f"Unknown origin {origin!r}; choose one of {list(ORIGINS)}.",
                             "origin"))  # fmt: skip
    if issues:
        raise DataValidationError(issues)
    same = [tie_row for tie_row, _ in wave_ties(session, cluster_id, label)
            if (tie_row.source, tie_row.target, tie_row.type)
            == (tie["source"], tie["target"], tie["type"])]  # fmt: skip
    if same:
        raise DataValidationError(form_issue(
            f"The tie {tie['source']} → {tie['target']} ({tie['type']}) is already recorded in "
            f"the wave {label!r}.", "target", fix="Delete or correct the stored tie.",
        ))  # fmt: skip
    respondent = pseudonymise([form_text(values, "reporter")])[0]
    wave = ensure_wave(session, cluster_id, label, date=date, who=who)
    last = session.scalar(select(func.max(Tie.position)).where(Tie.cluster_id == cluster_id))
    row = Tie(source=tie["source"], target=tie["target"], type=tie["type"], directed=True,
              strength=tie.get("strength"), respondent=respondent, reports=1, origin=origin,
              cluster_id=cluster_id, wave_id=wave.id, created_at=utc_now(),
              position=0 if last is None else last + 1)  # fmt: skip
    session.add(row)
    session.flush()
    audit(session, who, "create", "tie", tie_key(row, label), after=tie_record(row))
    return row


def waves_of(session: Session, cluster_id: str) -> list[SurveyWave]:
    """The survey waves of ``cluster_id``, oldest first."""
    query = select(SurveyWave).where(SurveyWave.cluster_id == cluster_id).order_by(SurveyWave.id)
    return list(session.scalars(query))


def wave_ties(session: Session, cluster_id: str, wave: str | None) -> list[tuple[Tie, str | None]]:
    """The live ties stored for ``cluster_id`` in the wave labelled ``wave`` and those without a
    wave (which belong to every wave), with their wave label, in the network's order."""
    query = (
        select(Tie, SurveyWave.label)
        .outerjoin(SurveyWave, SurveyWave.id == Tie.wave_id)
        .where(Tie.cluster_id == cluster_id, Tie.deleted_at.is_(None))
        .where(Tie.wave_id.is_(None) | (SurveyWave.label == wave))
        .order_by(Tie.position.is_(None), Tie.position, Tie.id)
    )
    return [(tie, label) for tie, label in session.execute(query)]


def cluster_actors(session: Session, cluster_id: str) -> list[Actor]:
    """The live actors of ``cluster_id`` in the network's order (those a tie may link)."""
    query = (
        select(Actor)
        .join(Membership, Membership.actor_id == Actor.id)
        .where(Membership.cluster_id == cluster_id, Actor.deleted_at.is_(None))
        .order_by(Membership.position.is_(None), Membership.position, Actor.id)
    )
    return list(session.scalars(query))
