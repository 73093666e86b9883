"""``/clusters/<id>/waves``: the interview campaign of a cluster, as its survey waves (label,
date, a note on the campaign, the ties and diagnoses of each), "Create a wave" and the
correction of a wave (rename, date, note).

Values are checked and stored by :mod:`grappe.registry.wave_entries` (audited; rights: the
``survey_wave`` rule, admins and the cluster's managers); the page shows each problem next to
its field, in the page's language, followed by the registry's message.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, NotFoundError, PermissionDeniedError
from grappe.registry.models import Cluster, NetworkDiagnosis, SurveyWave, Tie
from grappe.registry.tie_entries import waves_of
from grappe.registry.wave_entries import NOTE_LENGTH, WAVE_FIELDS, correct_wave, create_wave
from grappe.web.auth import forbidden
from grappe.web.render import language, page
from grappe.web.views._common import N_, RowId, not_found
from grappe.web.views._forms import cluster_context, cluster_form, hinted_errors, saved_redirect
from grappe.web.views.workspace_links import related_links

router = APIRouter(include_in_schema=False)


#: What each field needs, in the page's language, before the registry's message.
_FIELD_HINTS = {
    "label": N_("Give a label such as 2026 or 2026-spring, not used by another wave."),
    "date": N_("Give the date as YYYY-MM-DD, e.g. 2024-03-01."),
    "note": N_("Shorten the note."),
}


def _counts(db: Session, cluster_id: str) -> tuple[dict[int, int], dict[str, int]]:
    ties = dict(db.execute(
        select(Tie.wave_id, func.count()).where(Tie.cluster_id == cluster_id,
                                                 Tie.deleted_at.is_(None)).group_by(Tie.wave_id)
    ).all())  # fmt: skip
    diagnoses = dict(db.execute(
        select(NetworkDiagnosis.wave, func.count())
        .where(NetworkDiagnosis.cluster_id == cluster_id, NetworkDiagnosis.status == "succeeded")
        .group_by(NetworkDiagnosis.wave)
    ).all())  # fmt: skip
    return ties, diagnoses


def _page(
    request: Request, db: Session, cluster: Cluster, *, values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None, editing: int | None = None, status: int = 200,
) -> Response:  # fmt: skip
    lang = language(request)
    ties, diagnoses = _counts(db, cluster.id)
    rows = [
        {"id": w.id, "label": w.label, "date": w.date, "note": w.note or "",
         "ties": ties.get(w.id, 0), "diagnoses": diagnoses.get(w.label, 0)}
        for w in waves_of(db, cluster.id)
    ]  # fmt: skip
    return page(
        request,
        "waves.html",
        {**cluster_context(request, cluster),
         "links": related_links(request, cluster.id, lang, "ties", "diagnosis"),
         "rows": rows, "values": values or {},
         "errors": errors or {}, "editing": editing, "note_length": NOTE_LENGTH,
         "saved": request.query_params.get("saved") == "1"},
        status=status,
    )  # fmt: skip


@router.get("/clusters/{cluster_id}/waves", response_class=HTMLResponse)
def waves_page(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="survey_wave", key=cluster_id) as work:
        return _page(request, work.db, work.cluster)


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: str(form.get(k, "")) for k in WAVE_FIELDS}


@router.post("/clusters/{cluster_id}/waves", response_class=HTMLResponse)
async def new_wave(request: Request, cluster_id: str) -> Response:
    values = await _form(request)
    with cluster_form(request, cluster_id, kind="survey_wave", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        try:
            create_wave(db, work.access, cluster_id, values)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError as error:
            db.rollback()
            errors = hinted_errors(error, language(request), _FIELD_HINTS, default="label")
            return _page(request, db, cluster, values=values, errors=errors, status=400)
    return saved_redirect(f"/clusters/{cluster_id}/waves")


@router.post("/clusters/{cluster_id}/waves/{wave_id}", response_class=HTMLResponse)
async def edit_wave(request: Request, cluster_id: str, wave_id: RowId) -> Response:
    values = await _form(request)
    with cluster_form(request, cluster_id, kind="survey_wave", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        wave = db.get(SurveyWave, wave_id)
        if wave is None or wave.cluster_id != cluster_id:
            return not_found(request)
        try:
            correct_wave(db, work.access, cluster_id, wave_id, values)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except NotFoundError:
            return not_found(request)
        except DataValidationError as error:
            db.rollback()
            errors = hinted_errors(error, language(request), _FIELD_HINTS, default="label")
            return _page(request, db, cluster, values=values, errors=errors, editing=wave_id,
                         status=400)  # fmt: skip
    return saved_redirect(f"/clusters/{cluster_id}/waves")
