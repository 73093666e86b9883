"""The survey waves of a cluster's interview campaign, entered in the workspace's forms.

A wave is a :class:`~grappe.registry.models.SurveyWave`: a label (``"2024"``, ``"2026-spring"``),
the date of the interviews and a free note on the campaign (who interviewed, how many
respondents: the model keeps one text, not separate columns). :func:`create_wave` adds one,
:func:`correct_wave` renames it or corrects its date or note. Every problem is collected first
and raised together as a :class:`~grappe.errors.DataValidationError` whose issues name the form
field (``column``); nothing is written then. Both are audited (``survey_wave``, key
``<cluster>/<label>``) and follow :func:`grappe.registry.permissions.refusal` (admins and the
cluster's managers).

Renaming a wave keeps its ties (they point at the wave's row) and carries the new label to the
cluster's stored diagnoses of that wave (their ``wave``/``before`` columns), so that they stay
the wave's; the texts and JSON summaries written before keep the label they were computed with.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, NotFoundError, PermissionDeniedError
from grappe.registry.form_values import form_date, form_issue, form_text
from grappe.registry.models import Cluster, NetworkDiagnosis, SurveyWave
from grappe.registry.networks import ensure_wave
from grappe.registry.permissions import Access, refusal
from grappe.registry.repositories import audit, changed_fields, get
from grappe.registry.tie_entries import WAVE_LABEL

__all__ = ["NOTE_LENGTH", "WAVE_FIELDS", "correct_wave", "create_wave"]

#: The fields of the wave form.
WAVE_FIELDS: tuple[str, ...] = ("label", "date", "note")
#: Longest note on a campaign, in characters.
NOTE_LENGTH = 2000


def _checked(
    session: Session, cluster_id: str, values: Mapping[str, Any], *, current: SurveyWave | None
) -> dict[str, Any]:
    """The form's values as the row's (label, date, note), or every problem raised together."""
    unknown = sorted(set(values) - set(WAVE_FIELDS))
    issues = [form_issue(f"Unknown field {k!r}.", k) for k in unknown]
    label = form_text(values, "label")
    if not label:
        fix = "e.g. 2026 or 2026-spring."
        issues.append(form_issue("The wave needs a label.", "label", fix=fix))
    elif not WAVE_LABEL.match(label):
        issues.append(form_issue(
            f"The wave label {label!r} must start with a letter or digit and hold only letters, "
            "digits and . _ : - (64 at most).", "label",
        ))  # fmt: skip
    else:
        taken = session.scalar(
            select(SurveyWave.id).where(
                SurveyWave.cluster_id == cluster_id, SurveyWave.label == label
            )
        )
        if taken is not None and (current is None or taken != current.id):
            issues.append(form_issue(f"The cluster already has a wave {label!r}.", "label",
                                 fix="Choose another label, or correct that wave."))  # fmt: skip
    date = form_date(values, "date", issues)
    note = form_text(values, "note") or None
    if note is not None and len(note) > NOTE_LENGTH:
        issues.append(form_issue(f"The note holds {len(note)} characters; {NOTE_LENGTH} at most.",
                             "note"))  # fmt: skip
    if issues:
        raise DataValidationError(issues)
    return {"label": label, "date": date, "note": note}


def _allowed(session: Session, who: Access, cluster_id: str, key: str) -> None:
    get(session, Cluster, cluster_id, what="cluster")
    refused = refusal(who, "create", "survey_wave", key, scope={cluster_id})
    if refused is not None:
        raise PermissionDeniedError(str(refused))


def create_wave(
    session: Session, who: Access, cluster_id: str, values: Mapping[str, Any]
) -> SurveyWave:
    """Add a survey wave to ``cluster_id`` from the form's ``label``, ``date``, ``note``.

    Raises
    ------
    NotFoundError
        No such cluster.
    PermissionDeniedError
        ``who`` may not create a wave in this cluster.
    DataValidationError
        One issue per bad field (a label missing, malformed or already the cluster's; a date
        not in ISO form; a note too long; an unknown field); nothing is written.
    """
    _allowed(session, who, cluster_id, "(new)")
    row = _checked(session, cluster_id, values, current=None)
    return ensure_wave(session, cluster_id, row["label"], date=row["date"], note=row["note"],
                       who=who)  # fmt: skip


def correct_wave(
    session: Session, who: Access, cluster_id: str, wave_id: int, values: Mapping[str, Any]
) -> SurveyWave:
    """Rename the wave ``wave_id`` of ``cluster_id`` or correct its date or note (the form
    gives all three: an empty date or note clears it). Audited when something changed.

    Raises
    ------
    NotFoundError
        No such cluster, or no such wave in it.
    PermissionDeniedError
        ``who`` may not change the cluster's waves.
    DataValidationError
        As :func:`create_wave` (a label already held by another wave of the cluster).
    """
    wave = session.get(SurveyWave, wave_id)
    if wave is None or wave.cluster_id != cluster_id:
        get(session, Cluster, cluster_id, what="cluster")
        raise NotFoundError(f"The cluster {cluster_id!r} has no survey wave {wave_id}.")
    _allowed(session, who, cluster_id, f"{cluster_id}/{wave.label}")
    new = _checked(session, cluster_id, values, current=wave)
    old_label = wave.label
    before, after = changed_fields({"label": wave.label, "date": wave.date, "note": wave.note}, new)
    if not after:
        return wave
    wave.label, wave.date, wave.note = new["label"], new["date"], new["note"]
    if new["label"] != old_label:  # the wave's stored diagnoses stay the wave's
        for column in (NetworkDiagnosis.wave, NetworkDiagnosis.before):
            session.execute(
                update(NetworkDiagnosis)
                .where(NetworkDiagnosis.cluster_id == cluster_id, column == old_label)
                .values({column.key: new["label"]})
            )
    session.flush()
    audit(session, who, "update", "survey_wave", f"{cluster_id}/{old_label}",
          before=before, after=after)  # fmt: skip
    return wave
