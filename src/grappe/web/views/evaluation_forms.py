"""``/clusters/<id>/evaluations`` (phase 4): record a periodic evaluation and the label status.

The evaluation of a period is the kernel's (:func:`grappe.roadmap.evaluate_kpis`, as ``grappe kpi
evaluate`` and ``POST /api/v1/clusters/<id>/evaluations/kpis``) on the KPI values stored for the
cluster (the KPI page): each KPI against its target and the previous period. It is stored by
:func:`grappe.registry.evaluations.evaluate_stored_kpis` with the label status the evaluator
records (:data:`grappe.vocabulary.LABEL_STATUSES`), audited with the user; an evaluation is
deleted (soft, audited) by :func:`grappe.registry.evaluations.delete_evaluation`. Rights:
``evaluation`` in :data:`grappe.registry.permissions.RULES` (an admin, the cluster's manager).
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, NotFoundError
from grappe.registry.evaluations import delete_evaluation, evaluate_stored_kpis
from grappe.registry.models import Cluster, Kpi
from grappe.registry.models import Evaluation as EvaluationRow
from grappe.roadmap.periods import parse_period
from grappe.vocabulary import LABEL_STATUSES
from grappe.web.auth import visitor
from grappe.web.render import language
from grappe.web.views._common import N_, label_status_names
from grappe.web.views._forms import (
    ClusterWork,
    Sent,
    cluster_form,
    delete_record,
    saved_redirect,
    sent_page,
)
from grappe.web.views.profile_sections import evaluations_view

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: Longest evaluator name and summary (the ``evaluations`` columns; the summary is free text
#: but bounded so that a page stays a page).
EVALUATOR_WIDTH, SUMMARY_WIDTH = 200, 5000
_ERRORS = {
    "period": N_("Choose a period that has KPI values (enter them on the KPI page first)."),
    "date": N_("Write an existing date as YYYY-MM-DD, e.g. 2025-02-28."),
    "label_status": N_("Choose a label status from the list, or none."),
    "evaluator": N_("The evaluator's name: 200 characters at most."),
    "summary": N_("The summary: 5,000 characters at most."),
    "kpis": N_(
        "The KPI values stored for this cluster break a rule (such as a negative count): "
        "correct them on the KPI page."
    ),
}


def _periods(db: Session, cluster_id: str) -> list[str]:
    """The periods with stored KPI values, newest first."""
    found = set(db.scalars(select(Kpi.period).where(Kpi.cluster_id == cluster_id).distinct()))
    return sorted(found, key=parse_period, reverse=True)


def _form_errors(values: dict[str, str], periods: list[str]) -> dict[str, str]:
    """The form's problems, by field (message ids)."""
    errors = {}
    if values["period"] not in periods:
        errors["period"] = _ERRORS["period"]
    try:
        dt.date.fromisoformat(values["date"])
    except ValueError:
        errors["date"] = _ERRORS["date"]
    if values["label_status"] and values["label_status"] not in LABEL_STATUSES:
        errors["label_status"] = _ERRORS["label_status"]
    if len(values["evaluator"]) > EVALUATOR_WIDTH:
        errors["evaluator"] = _ERRORS["evaluator"]
    if len(values["summary"]) > SUMMARY_WIDTH:
        errors["summary"] = _ERRORS["summary"]
    return errors


def _page(request: Request, db: Session, cluster: Cluster, sent: Sent | None = None) -> Response:
    lang = language(request)
    periods = _periods(db, cluster.id)
    user = visitor(request).user
    defaults = {"period": periods[0] if periods else "", "date": dt.date.today().isoformat(),
                "label_status": "", "evaluator": user.display_name if user else "",
                "summary": ""}  # fmt: skip
    rows = db.scalars(
        select(EvaluationRow)
        .where(EvaluationRow.cluster_id == cluster.id, EvaluationRow.deleted_at.is_(None))
        .order_by(EvaluationRow.date.desc(), EvaluationRow.id.desc())
    )
    statuses = label_status_names(lang)
    return sent_page(
        request,
        "evaluation_form.html",
        cluster,
        {"periods": [(p, p) for p in periods],
         "label_statuses": list(statuses.items()),
         "stored": [{"id": r.id, "date": r.date, "period": r.period, "score": r.score,
                     "status": statuses.get(r.label_status or ""), "evaluator": r.evaluator}
                    for r in rows],
         "period_evaluations": evaluations_view(db, cluster.id, lang)},
        defaults=defaults,
        sent=sent,
    )  # fmt: skip


@router.get("/clusters/{cluster_id}/evaluations", response_class=HTMLResponse)
def evaluations_page(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="evaluation", key=cluster_id) as work:
        return _page(request, work.db, work.cluster)


@router.post("/clusters/{cluster_id}/evaluations", response_class=HTMLResponse)
async def record_evaluation(request: Request, cluster_id: str) -> Response:
    """Evaluate the chosen period on the stored KPIs and store it with the label status."""
    form = await request.form()
    values = {k: str(form.get(k, "")).strip()
              for k in ("period", "date", "label_status", "evaluator", "summary")}  # fmt: skip
    with cluster_form(request, cluster_id, kind="evaluation", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        errors = _form_errors(values, _periods(db, cluster_id))
        if errors:
            return _page(request, db, cluster, Sent.refused(values, errors))
        try:
            evaluate_stored_kpis(
                db, cluster_id, period=values["period"],
                date=dt.date.fromisoformat(values["date"]), who=work.access,
                label_status=values["label_status"] or None,
                evaluator=values["evaluator"] or None, summary=values["summary"] or None,
            )  # fmt: skip
        except DataValidationError:  # values the KPI page accepts but the kernel's check refuses
            db.rollback()
            return _page(request, db, cluster, Sent.refused(values, {"period": _ERRORS["kpis"]}))
        db.commit()
    return saved_redirect(f"/clusters/{cluster_id}/evaluations")


@router.post("/clusters/{cluster_id}/evaluations/delete", response_class=HTMLResponse)
async def remove_evaluation(request: Request, cluster_id: str) -> Response:
    """Delete (softly) the evaluation named by the form's ``evaluation`` field."""
    form = await request.form()
    key = str(form.get("evaluation", ""))

    def delete(work: ClusterWork) -> None:
        row = work.db.get(EvaluationRow, int(key)) if key.isdigit() and len(key) < 10 else None
        if row is None or row.cluster_id != cluster_id:
            raise NotFoundError(f"No evaluation {key!r} of {cluster_id!r}.")
        delete_evaluation(work.db, row.id, who=work.access)  # NotFoundError: deleted meanwhile

    return delete_record(
        request, cluster_id, kind="evaluation", delete=delete,
        back=f"/clusters/{cluster_id}/evaluations",
    )  # fmt: skip
