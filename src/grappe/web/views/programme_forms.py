"""``/clusters/<id>/programmes``: the cluster's programmes in the workspace (phase 4).

Join a programme (:func:`grappe.registry.programme_enrolments.enrol_cluster`: an admin, an
analyst or the cluster's manager), see each enrolment's eligibility with its evidence (every
criterion, the value found and where it comes from), its state, next evaluation and the history
of its decisions with who and why, and the last day its label is valid (shown expired at once
when not renewed in time). ``/clusters/<id>/programmes/<enrolment>/evaluate`` is the evaluation
form (the role of the programme's deciding admission step, or an admin:
:mod:`grappe.registry.programme_deciders`; others get the 403 page): the facts gathered from
the cluster's records on the date, each editable with its source shown (a changed value is
recorded as ``typed``), the rule's decision on them, and an optional override that needs a
reason.
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
from grappe.programmes import Fact, decide_label, in_language
from grappe.registry.models import Cluster
from grappe.registry.programme_catalogue import find_programme, programme_catalogue
from grappe.registry.programme_deciders import decider_refusal
from grappe.registry.programme_enrolments import (
    CLOSED_STATUSES,
    StoredEnrolment,
    check_enrolment,
    criteria_metrics,
    enrol_cluster,
    list_decisions,
    list_enrolments,
    load_enrolment,
    record_evaluation,
)
from grappe.registry.programme_expiry import label_validity
from grappe.registry.programme_facts import gather_facts
from grappe.registry.programme_reminders import due_evaluations
from grappe.vocabulary import LABEL_ACTIONS, ROLES
from grappe.web.auth import SignedIn, forbidden, visitor
from grappe.web.i18n import translations
from grappe.web.render import language
from grappe.web.views._common import N_, RowId, label_status_names, not_found
from grappe.web.views._forms import (
    Sent,
    cluster_form,
    error_words,
    saved_redirect,
    sent_page,
)
from grappe.web.views.programme_pages import ROLE_NAMES, label_action_names

__all__ = ["due_reminders", "may_decide", "router", "typed_number"]

router = APIRouter(include_in_schema=False)

NOTE_WIDTH, REASON_WIDTH = 2000, 2000
_ERRORS = {
    "programme": N_("Choose a programme from the list."),
    "date": N_("Write an existing date as YYYY-MM-DD, e.g. 2025-02-28."),
    "note": N_("The note: 2,000 characters at most."),
    "number": N_("Write a number, e.g. 12 or 0.5, or leave it empty when unknown."),
    "reason": N_("Say why you take another action than the rule's (2,000 characters at most)."),
    "action": N_("Choose an action from the list, or the rule's."),
    "enrolled": N_("The cluster is already in this programme: evaluate it below."),
    "level": N_("Choose the level this action gives (to award, raise or lower a label)."),
    "order": N_("The date is before the last decision's: evaluations follow each other in time."),
    "closed": N_(
        "This enrolment is closed (refused, withdrawn or expired): enrol the cluster "
        "again to reapply."
    ),
}


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _results(results: Any) -> list[dict[str, Any]]:
    rows = []
    for r in results:
        if isinstance(r, dict):
            text = f"{r['metric']} {r['op']} {r['threshold']:g}"
            rows.append({"criterion": text, "value": r["value"], "source": r["source"],
                         "ok": r["ok"], "level": r.get("level")})  # fmt: skip
        else:
            rows.append({"criterion": str(r.criterion), "value": r.value, "source": r.source,
                         "ok": r.ok, "level": r.level})  # fmt: skip
    return rows


def may_decide(user: SignedIn | None, e: StoredEnrolment) -> bool:
    """Whether ``user`` may record and correct the label decisions of enrolment ``e`` (the
    role of its programme's deciding step, or an admin)."""
    return user is not None and decider_refusal(user.access, e.programme, e.cluster_id) is None


def _enrolment_view(
    db: Session, e: StoredEnrolment, lang: str, user: SignedIn | None
) -> dict[str, Any]:
    _ = translations(lang).gettext
    statuses, actions = label_status_names(lang), label_action_names(lang)
    today = dt.date.today()
    check, gathered = check_enrolment(db, e.id, on=today)
    validity = label_validity(db, e.id, on=today)
    level = e.programme.level(e.state.level) if e.state.level else None
    step = e.programme.deciding_step()
    return {
        "id": e.id, "key": e.programme.key, "name": e.programme.name(lang),
        "status": statuses[validity.state.status],
        "level": in_language(level.names, lang) if level and not validity.expired else None,
        "failures": e.state.failures, "joined": e.joined,
        "next": None if validity.expired else e.next_evaluation,
        "valid_until": validity.valid_until, "expired": validity.expired,
        "decider": _(ROLE_NAMES[step.role]) if step and step.role else None,
        "may_decide": may_decide(user, e),
        "eligible": check.eligible, "eligibility": _results(check.results),
        "missing": list(gathered.missing), "problems": list(gathered.problems),
        "decisions": [{"id": d.id, "date": d.date, "period": d.period,
                       "action": actions[d.action], "rule": actions[d.rule_action],
                       "overridden": d.overridden, "status": statuses[d.state.status],
                       "by": d.decided_by, "reason": d.reason, "corrected_by": d.updated_by,
                       "rule_reasons": [translate(r, lang) for r in d.rule_reasons]}
                      for d in reversed(list_decisions(db, e.id))],
    }  # fmt: skip


def _page(request: Request, db: Session, cluster: Cluster, sent: Sent | None = None) -> Response:
    lang = language(request)
    user = visitor(request).user
    defaults = {"programme": "", "joined": dt.date.today().isoformat(), "note": ""}
    return sent_page(request, "programme_workspace.html", cluster, {
        "programmes": [(p.key, p.name(lang)) for p in programme_catalogue()],
        "enrolments": [_enrolment_view(db, e, lang, user)
                       for e in list_enrolments(db, cluster_id=cluster.id)],
    }, defaults=defaults, sent=sent)  # fmt: skip


@router.get("/clusters/{cluster_id}/programmes", response_class=HTMLResponse)
def programmes_section(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="enrolment", key=cluster_id) as work:
        return _page(request, work.db, work.cluster)


@router.post("/clusters/{cluster_id}/programmes", response_class=HTMLResponse)
async def join_programme(request: Request, cluster_id: str) -> Response:
    """Enrol the cluster in the chosen programme (status: applied)."""
    form = await request.form()
    values = {k: str(form.get(k, "")).strip() for k in ("programme", "joined", "note")}
    with cluster_form(request, cluster_id, kind="enrolment", key=cluster_id) as work:
        errors = {}
        if values["programme"] not in {p.key for p in programme_catalogue()}:
            errors["programme"] = _ERRORS["programme"]
        joined = _date(values["joined"])
        if joined is None:
            errors["joined"] = _ERRORS["date"]
        if len(values["note"]) > NOTE_WIDTH:
            errors["note"] = _ERRORS["note"]
        if errors or joined is None:
            return _page(request, work.db, work.cluster, Sent.refused(values, errors))
        try:
            enrol_cluster(work.db, work.access, cluster_id, find_programme(values["programme"]),
                          joined=joined, note=values["note"] or None)  # fmt: skip
        except InvalidParameterError:  # already enrolled
            work.db.rollback()
            errors = {"programme": _ERRORS["enrolled"]}
            return _page(request, work.db, work.cluster, Sent.refused(values, errors))
        work.db.commit()
    return saved_redirect(f"/clusters/{cluster_id}/programmes")


def due_reminders(db: Session, user: SignedIn | None) -> list[dict[str, Any]]:
    """The evaluations due within 30 days or overdue that the user sees on the workspace home:
    those of the clusters he manages (a manager), of every cluster (an admin, an analyst)."""
    if user is None or user.role not in ROLES:
        return []
    clusters = sorted(user.clusters) if user.role == "manager" else None
    return [{"cluster_id": d.cluster_id, "programme": d.programme, "date": d.date,
             "days": abs(d.days), "overdue": d.overdue}
            for d in due_evaluations(db, today=dt.date.today(), clusters=clusters)]  # fmt: skip


# --- the evaluation form ---------------------------------------------------------------------


def _enrolment_of(db: Session, cluster_id: str, enrolment_id: int) -> StoredEnrolment | None:
    try:
        e = load_enrolment(db, enrolment_id)
    except NotFoundError:
        return None
    return e if e.cluster_id == cluster_id else None


def _evaluate_page(
    request: Request,
    db: Session,
    cluster: Cluster,
    e: StoredEnrolment,
    sent: Sent | None = None,
) -> Response:
    lang = language(request)
    given = sent.values if sent else {}
    on = _date(given.get("on", "")) or dt.date.today()
    gathered = gather_facts(db, cluster.id, on=on)
    metrics = criteria_metrics(e.programme)
    facts = []
    for metric in metrics:
        fact = gathered.facts.get(metric)
        found = "" if fact is None or fact.value is None else f"{fact.value:g}"
        facts.append({"metric": metric, "value": given.get(f"fact-{metric}", found),
                      "source": fact.source if fact else None})  # fmt: skip
    rule = decide_label(e.programme, e.state, {m: gathered.facts[m] for m in metrics
                                               if m in gathered.facts})  # fmt: skip
    actions = label_action_names(lang)
    defaults = {"on": on.isoformat(), "period": str(on.year - 1), "action": "", "level": "",
                "reason": ""}  # fmt: skip
    return sent_page(request, "programme_evaluate.html", cluster, {
        "enrolment": {"id": e.id, "name": e.programme.name(lang),
                      "status": label_status_names(lang)[e.state.status]},
        "facts": facts, "rule": {"action": actions[rule.action],
                                 "reasons": [translate(r, lang) for r in rule.reasons],
                                 "results": _results(rule.results)},
        "actions": [(a, actions[a]) for a in LABEL_ACTIONS],
        "levels": [(lv.key, in_language(lv.names, lang) or lv.key) for lv in e.programme.levels],
    }, defaults=defaults, sent=sent)  # fmt: skip


@router.get("/clusters/{cluster_id}/programmes/{enrolment_id}/evaluate",
            response_class=HTMLResponse)  # fmt: skip
def evaluation_form(request: Request, cluster_id: str, enrolment_id: RowId) -> Response:
    with cluster_form(request, cluster_id, kind="label_decision", key=cluster_id) as work:
        e = _enrolment_of(work.db, cluster_id, enrolment_id)
        if e is None:
            return not_found(request)
        if not may_decide(work.user, e):
            return forbidden(request)
        on = request.query_params.get("on", "")
        return _evaluate_page(request, work.db, work.cluster, e,
                              Sent(values={"on": on}) if _date(on) else None)  # fmt: skip


def typed_number(values: dict[str, str], metric: str) -> float | None:
    """The value typed in the form's field of fact ``metric`` (``12``, ``0,5``, ``1 200``):
    ``None`` when empty, NaN when it is not a finite number (the field is refused)."""
    text = values.get(f"fact-{metric}", "").replace(",", ".").replace(" ", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return math.nan
    return number if math.isfinite(number) else math.nan


def _typed_facts(
    form_values: dict[str, str], gathered: dict[str, Fact], metrics: tuple[str, ...]
) -> tuple[dict[str, Fact | float | None], dict[str, str]]:
    """The facts of the form: a value equal to the gathered one keeps its source; another
    value is typed; an empty one is unknown (a criterion on it fails)."""
    facts: dict[str, Fact | float | None] = {}
    errors = {}
    for metric in metrics:
        number = typed_number(form_values, metric)
        if number is None:
            facts[metric] = Fact(metric, None, "typed")
            continue
        if math.isnan(number):
            errors[f"fact-{metric}"] = _ERRORS["number"]
            continue
        known = gathered.get(metric)
        same = known is not None and known.value is not None and math.isclose(
            known.value, number, rel_tol=1e-9, abs_tol=1e-12)  # fmt: skip
        facts[metric] = known if same else number
    return facts, errors


@router.post("/clusters/{cluster_id}/programmes/{enrolment_id}/evaluate",
             response_class=HTMLResponse)  # fmt: skip
async def evaluate(request: Request, cluster_id: str, enrolment_id: RowId) -> Response:
    """Record the evaluation: the rule decides on the facts unless an action overrides it."""
    form = await request.form()
    values = {str(k): str(v).strip() for k, v in form.items() if k != "csrf_token"}
    with cluster_form(request, cluster_id, kind="label_decision", key=cluster_id) as work:
        db = work.db
        e = _enrolment_of(db, cluster_id, enrolment_id)
        if e is None:
            return not_found(request)
        if not may_decide(work.user, e):
            return forbidden(request)
        errors: dict[str, str] = {}
        on = _date(values.get("on", ""))
        if on is None:
            errors["on"] = _ERRORS["date"]
            on = dt.date.today()
        metrics = criteria_metrics(e.programme)
        facts, fact_errors = _typed_facts(values, gather_facts(db, cluster_id, on=on).facts,
                                          metrics)  # fmt: skip
        errors |= fact_errors
        action = values.get("action") or None
        if action is not None and action not in LABEL_ACTIONS:
            errors["action"] = _ERRORS["action"]
        reason = values.get("reason", "")
        if len(reason) > REASON_WIDTH:
            errors["reason"] = _ERRORS["reason"]
        if action in ("award", "raise", "lower") and values.get("level") not in {
            lv.key for lv in e.programme.levels
        }:
            errors["level"] = _ERRORS["level"]
        decided = list_decisions(db, enrolment_id)
        if decided and on < decided[-1].date:
            errors["on"] = _ERRORS["order"]
        if e.state.status in CLOSED_STATUSES or label_validity(db, e.id, on=on).expired:
            errors["action"] = _ERRORS["closed"]
        if errors:
            return _evaluate_page(request, db, work.cluster, e, Sent.refused(values, errors))
        try:
            record_evaluation(db, work.access, enrolment_id, facts, on=on,
                              period=values.get("period") or None, action=action,
                              level=values.get("level") or None, reason=reason or None)  # fmt: skip
        except InvalidParameterError as exc:  # no reason for an override, or the registry's
            db.rollback()  # last word (in the page's language)
            found = {"reason": _ERRORS["reason"]} if "'reason'" in str(exc) else {
                "action": error_words(exc, language(request))}  # fmt: skip
            return _evaluate_page(request, db, work.cluster, e, Sent.refused(values, found))
        db.commit()
    return saved_redirect(f"/clusters/{cluster_id}/programmes")
