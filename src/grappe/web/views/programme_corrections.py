"""``/clusters/<id>/programmes/decisions/<decision>/correct``: correct a label decision (a
wrong fact, a wrong date, a mistaken override) with a reason.

The form shows the decision as stored (its facts with their sources, the rule's action and the
action taken) and sends only what changed to :func:`grappe.registry.programme_corrections.
correct_decision`: a corrected fact is judged again by the programme's rule; the original stays
in the audit log (``/clusters/<id>/history``). Only the role of the programme's deciding
admission step, or an admin, may correct (others get the 403 page).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError, NotFoundError
from grappe.i18n import translate
from grappe.programmes import in_language
from grappe.registry.models import Cluster
from grappe.registry.programme_corrections import correct_decision, load_decision
from grappe.registry.programme_enrolments import StoredDecision, StoredEnrolment, load_enrolment
from grappe.vocabulary import LABEL_ACTIONS
from grappe.web.auth import forbidden
from grappe.web.render import language
from grappe.web.views._common import N_, RowId, label_status_names, not_found
from grappe.web.views._forms import Sent, cluster_form, saved_redirect, sent_page
from grappe.web.views.programme_forms import REASON_WIDTH, may_decide, typed_number
from grappe.web.views.programme_pages import label_action_names

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

_ERRORS = {
    "date": N_("Write an existing date as YYYY-MM-DD, e.g. 2025-02-28."),
    "number": N_("Write a number, e.g. 12 or 0.5, or leave it empty when unknown."),
    "reason": N_("Say why the decision is corrected (2,000 characters at most)."),
    "action": N_("Choose an action from the list, or leave it as it is."),
    "level": N_("Choose the level this action gives (to award, raise or lower a label)."),
    "period": N_("The period: a year, e.g. 2024, or a year and a part, e.g. 2024-S1."),
}


def _found(
    db: Session, cluster_id: str, decision_id: int
) -> tuple[StoredDecision, StoredEnrolment] | None:
    try:
        decision, cluster = load_decision(db, decision_id)
    except NotFoundError:
        return None
    if cluster != cluster_id:
        return None
    return decision, load_enrolment(db, decision.enrolment_id)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _form(
    request: Request,
    cluster: Cluster,
    decision: StoredDecision,
    e: StoredEnrolment,
    sent: Sent | None = None,
) -> Response:
    lang = language(request)
    actions, statuses = label_action_names(lang), label_status_names(lang)
    stored = {"date": decision.date.isoformat(), "period": decision.period or "", "action": "",
              "level": "", "reason": "",
              **{f"fact-{m}": _number(f.value) for m, f in decision.facts.items()}}  # fmt: skip
    given = {**stored, **(sent.values if sent else {})}
    facts = [{"metric": m, "value": given[f"fact-{m}"],
              "source": f.source} for m, f in decision.facts.items()]  # fmt: skip
    return sent_page(request, "programme_correct.html", cluster, {
        "decision": {"id": decision.id, "name": e.programme.name(lang), "date": decision.date,
                     "action": actions[decision.action], "rule": actions[decision.rule_action],
                     "overridden": decision.overridden,
                     "status": statuses[decision.state.status],
                     "reasons": [translate(r, lang) for r in decision.rule_reasons],
                     "reason": decision.reason, "by": decision.decided_by},
        "facts": facts,
        "actions": [(a, actions[a]) for a in LABEL_ACTIONS],
        "levels": [(lv.key, in_language(lv.names, lang) or lv.key) for lv in e.programme.levels],
    }, defaults=stored, sent=sent)  # fmt: skip


_PATH = "/clusters/{cluster_id}/programmes/decisions/{decision_id}/correct"


@router.get(_PATH, response_class=HTMLResponse)
def correction_form(request: Request, cluster_id: str, decision_id: RowId) -> Response:
    with cluster_form(request, cluster_id, kind="label_decision", key=cluster_id,
                      action="update") as work:  # fmt: skip
        found = _found(work.db, cluster_id, decision_id)
        if found is None:
            return not_found(request)
        if not may_decide(work.user, found[1]):
            return forbidden(request)
        return _form(request, work.cluster, *found)


def _changes(
    values: dict[str, str], decision: StoredDecision, levels: set[str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """What the form changes, as ``correct_decision``'s parameters, and the fields refused."""
    changes: dict[str, Any] = {}
    errors: dict[str, str] = {}
    try:
        day = dt.date.fromisoformat(values.get("date", ""))
        if day != decision.date:
            changes["date"] = day
    except ValueError:
        errors["date"] = _ERRORS["date"]
    period = values.get("period", "")
    if period and period != (decision.period or ""):
        if not (len(period) <= 16 and period[:4].isdigit()):
            errors["period"] = _ERRORS["period"]
        changes["period"] = period
    facts: dict[str, float | None] = {}
    for metric, fact in decision.facts.items():
        number = typed_number(values, metric)
        if number is not None and math.isnan(number):
            errors[f"fact-{metric}"] = _ERRORS["number"]
        elif number != fact.value:
            facts[metric] = number
    if facts:
        changes["facts"] = facts
    action = values.get("action") or None
    if action is not None:
        if action not in LABEL_ACTIONS:
            errors["action"] = _ERRORS["action"]
        elif action in ("award", "raise", "lower") and values.get("level") not in levels:
            errors["level"] = _ERRORS["level"]
        changes["action"], changes["level"] = action, values.get("level") or None
    reason = values.get("reason", "")
    if not reason or len(reason) > REASON_WIDTH:
        errors["reason"] = _ERRORS["reason"]
    return changes, errors


@router.post(_PATH, response_class=HTMLResponse)
async def correct(request: Request, cluster_id: str, decision_id: RowId) -> Response:
    """Store the correction (only what changed), or show the form again with the problems."""
    form = await request.form()
    values = {str(k): str(v).strip() for k, v in form.items() if k != "csrf_token"}
    with cluster_form(request, cluster_id, kind="label_decision", key=cluster_id,
                      action="update") as work:  # fmt: skip
        db = work.db
        found = _found(db, cluster_id, decision_id)
        if found is None:
            return not_found(request)
        decision, e = found
        if not may_decide(work.user, e):
            return forbidden(request)
        changes, errors = _changes(values, decision, {lv.key for lv in e.programme.levels})
        if errors:
            return _form(request, work.cluster, decision, e, Sent.refused(values, errors))
        try:
            correct_decision(db, work.access, decision_id, reason=values["reason"], **changes)
        except InvalidParameterError as exc:  # out of order, not the latest: the registry's word
            db.rollback()
            field = "date" if "'date'" in str(exc) else "action"
            refused = Sent.refused(values, {field: str(exc)})
            return _form(request, work.cluster, decision, e, refused)
        db.commit()
    return saved_redirect(f"/clusters/{cluster_id}/programmes")
