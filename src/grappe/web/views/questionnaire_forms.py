"""``/clusters/<id>/questionnaires`` (phase 2: the diamond, Quebec success factors, Danish
criteria and cluster-management questionnaires answered in forms, scored with their evidence,
and the cluster's life-cycle stage).

The registry does the work: :mod:`grappe.registry.questionnaire_entries` (who answers under
which respondent, the latest set of each respondent, the pooled score stored as a version,
the stage) over :func:`grappe.registry.assessments.store_answers`, which checks the answers
with the kernel (:func:`grappe.assess.validate_answers`). The questions' texts are the
questionnaires' own (French, Arabic, English in their YAML files). Rights:
:func:`grappe.registry.permissions.refusal`, asked for the page and again by the registry.
Members see their own set only, never another respondent's answers or evidence texts.
"""

from __future__ import annotations

import datetime as dt
import math
from contextlib import AbstractContextManager
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from grappe.assess import Diamond, Question, Questionnaire, SuccessFactors
from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
)
from grappe.registry.assessments import (
    NOTE_LIMIT,
    SCORED_QUESTIONNAIRES,
    StoredAssessment,
    list_assessments,
    load_answers,
)
from grappe.registry.models import Cluster
from grappe.registry.permissions import refusal
from grappe.registry.questionnaire_entries import (
    CLUSTER_RESPONDENT,
    QUESTIONNAIRE_ORDER,
    answer_questionnaire,
    bundled,
    latest_sets,
    may_answer,
    may_score,
    respondent_of,
    score_questionnaire,
    set_stage,
)
from grappe.reports.i18n import label
from grappe.web.auth import SignedIn, forbidden
from grappe.web.i18n import format_number, translations
from grappe.web.render import language, page
from grappe.web.views._common import N_, not_found, stage_names
from grappe.web.views._forms import (
    ClusterWork,
    PageAnswer,
    cluster_context,
    cluster_work,
    saved_redirect,
)

router = APIRouter(include_in_schema=False)

#: Likert answers as the form labels them (1 to 5).
_LIKERT = {
    1: N_("1 – very weak, strongly disagree"),
    2: N_("2 – weak, disagree"),
    3: N_("3 – average, neither"),
    4: N_("4 – strong, agree"),
    5: N_("5 – very strong, strongly agree"),
}
#: The message next to a refused answer, by answer type.
_ANSWER_ERRORS = {
    "likert": N_("Choose a value from 1 to 5."),
    "yes_no": N_("Choose yes or no."),
    "number": N_("Give a number between %(low)s and %(high)s."),
    "choice": N_("Choose one of the answers."),
}
_MISSING = N_("Answer this question.")
_NOTE_TOO_LONG = N_("The evidence text is too long: %(limit)s characters at most.")
_NOBODY = N_("Nobody answered this questionnaire yet: answer it before scoring.")
_BAD_STAGE = N_("Choose a stage from the list.")


def _field_value(value: Any) -> str:
    """A stored answer as its form field holds it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return format(value, ".15g")
    return str(value)


def _answering(
    request: Request, cluster_id: str, name: str | None = None
) -> AbstractContextManager[ClusterWork]:
    """The work on a cluster whose questionnaire ``name`` (or any) the visitor may answer;
    otherwise the sign-in page, 404 (no such cluster or questionnaire) or 403."""

    def may(db: Session, user: SignedIn) -> bool:
        if name is not None and name not in QUESTIONNAIRE_ORDER:
            raise PageAnswer(not_found(request))
        return may_answer(db, user.access, cluster_id, name or "questionnaires") is None

    return cluster_work(request, cluster_id, may=may)


def _may_set_stage(user: SignedIn, cluster_id: str) -> bool:
    return refusal(user.access, "update", "cluster", cluster_id, scope={cluster_id},
                   fields=["stage"]) is None  # fmt: skip


def _mean(values: list[float]) -> float | None:
    known = [v for v in values if not math.isnan(v)]
    return sum(known) / len(known) if known else None


def _latest(db: Session, cluster_id: str, kind: str) -> StoredAssessment | None:
    versions = list_assessments(db, cluster_id, kind=kind)
    return versions[-1] if versions else None


def _summary(version: StoredAssessment | None, lang: str) -> dict[str, Any] | None:
    """Date, mean of the known dimension scores and class of a scored version."""
    if version is None or not isinstance(version.result, Diamond | SuccessFactors):
        return None
    c = version.classification
    return {"date": version.date,
            "mean": _mean([s.value for s in version.result.scores.values()]),
            "level": None if c is None else label(c.level, lang)}  # fmt: skip


# --- the list ---------------------------------------------------------------------------------


def _list_page(
    request: Request, db: Session, cluster: Cluster, user: SignedIn, *,
    errors: dict[str, str] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    lang = language(request)
    mine = respondent_of(user.access)
    kinds = []
    for kind in QUESTIONNAIRE_ORDER:
        sets = latest_sets(db, cluster.id, kind)
        own = [s for s in sets if s.respondent == mine]
        cluster_set = [s for s in sets if s.respondent == CLUSTER_RESPONDENT]
        scored = kind in SCORED_QUESTIONNAIRES
        kinds.append({
            "name": kind, "title": bundled(kind).title[lang],
            "own": own[0].date if own and user.role == "member" else None,
            # a member sees his own set only; the others see who answered (counts, no names)
            "cluster": cluster_set[0].date if cluster_set and user.role != "member" else None,
            "members": sum(s.respondent.startswith("actor:") for s in sets)
            if user.role != "member" else None,
            "scored": scored,
            "score": _summary(_latest(db, cluster.id, kind), lang) if scored else None,
        })  # fmt: skip
    life = _latest(db, cluster.id, "lifecycle")
    return page(
        request,
        "questionnaires.html",
        {**cluster_context(request, cluster),
         "kinds": kinds, "stage": cluster.stage, "stages": list(stage_names(lang).items()),
         "suggestion": None if life is None else {"date": life.date,
                                                  "stage": stage_names(lang).get(
                                                      life.result.stage, life.result.stage)},  # type: ignore[union-attr]
         "may_set_stage": _may_set_stage(user, cluster.id), "errors": errors or {},
         "saved": request.query_params.get("saved") == "1"},
        status=status,
    )  # fmt: skip


@router.get("/clusters/{cluster_id}/questionnaires", response_class=HTMLResponse)
def questionnaires_page(request: Request, cluster_id: str) -> Response:
    with _answering(request, cluster_id) as work:
        return _list_page(request, work.db, work.cluster, work.user)


@router.post("/clusters/{cluster_id}/stage", response_class=HTMLResponse)
async def stage(request: Request, cluster_id: str) -> Response:
    """Set the life-cycle stage (an admin or the cluster's manager; audited)."""
    chosen = str((await request.form()).get("stage", "")).strip() or None
    with cluster_work(request, cluster_id) as work:  # set_stage checks the rights
        db, cluster, user = work.db, work.cluster, work.user
        try:
            set_stage(db, user.access, cluster_id, chosen)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except InvalidParameterError:
            db.rollback()  # set_stage checked the rights first: the stage itself is refused
            errors = {"stage": translations(language(request)).gettext(_BAD_STAGE)}
            return _list_page(request, db, cluster, user, errors=errors, status=400)
    return saved_redirect(f"/clusters/{cluster_id}/questionnaires")


# --- one questionnaire ------------------------------------------------------------------------


def _question_view(q: Question, lang: str) -> dict[str, Any]:
    _ = translations(lang).gettext
    if q.type == "likert":
        options = [(str(k), _(v)) for k, v in _LIKERT.items()]
    elif q.type == "yes_no":
        options = [("yes", _("Yes")), ("no", _("No"))]
    elif q.type == "choice":
        options = [(c.value, c.text.get(lang) or c.value) for c in q.choices]
    else:
        options = []
    unit = f" ({q.unit})" if q.unit else ""
    hint = None
    if q.type == "number":
        low = "–∞" if q.low is None else format_number(q.low, lang)
        high = "∞" if q.high is None else format_number(q.high, lang)
        hint = _("A number from %(low)s to %(high)s") % {"low": low, "high": high} + unit
    return {"id": q.id, "text": q.text[lang], "type": q.type, "options": options,
            "required": q.required, "hint": hint}  # fmt: skip


def _answer_errors(error: DataValidationError, questionnaire: Questionnaire,
                   values: dict[str, str], lang: str) -> dict[str, str]:  # fmt: skip
    """The registry's issues as a translated message per form field (``<id>``, ``note-<id>``)."""
    _ = translations(lang).gettext
    errors: dict[str, str] = {}
    for issue in error.issues:
        column = issue.column or ""
        if column.startswith("evidence:"):
            limit = format_number(NOTE_LIMIT, lang)
            note = "note-" + column.removeprefix("evidence:")
            errors[note] = _(_NOTE_TOO_LONG) % {"limit": limit}
            continue
        if column not in questionnaire.ids:
            continue
        q = questionnaire.question(column)
        if not values.get(column, "").strip():
            errors[column] = _(_MISSING)
        elif q.type == "number":
            low = "–∞" if q.low is None else format_number(q.low, lang)
            high = "∞" if q.high is None else format_number(q.high, lang)
            errors[column] = _(_ANSWER_ERRORS["number"]) % {"low": low, "high": high}
        else:
            errors[column] = _(_ANSWER_ERRORS[q.type])
    return errors


def _shown_answers(text: Any, q: Question | None, lang: str) -> str:
    """The pooled answers (``"no | yes"``) in the page's language."""
    _ = translations(lang).gettext
    words = {"yes": _("Yes"), "no": _("No")}
    if q is not None and q.type == "choice":
        words = {c.value: c.text.get(lang) or c.value for c in q.choices}
    return " | ".join(words.get(part, part) for part in str(text).split(" | "))


def _scores_view(db: Session, version: StoredAssessment, questionnaire: Questionnaire,
                 lang: str) -> list[dict[str, Any]]:  # fmt: skip
    """Each dimension's score with its evidence: indicators, and per question the pooled
    answers, their points and the respondents' evidence texts (without their names)."""
    notes: dict[str, list[str]] = {}
    for answers_id in version.inputs.get("answer_sets") or ():
        try:
            found = load_answers(db, int(answers_id))
        except NotFoundError:  # an answer set removed with its cluster's history
            continue
        for qid, text in found.notes.items():
            notes.setdefault(qid, []).append(text)
    by_id = {q.id: q for q in questionnaire.questions}
    out = []
    for key, score in version.result.scores.items():  # type: ignore[union-attr]
        evidence = []
        for e in score.evidence:
            q = by_id.get(e.name) if e.source.startswith("questionnaire") else None
            evidence.append({
                "name": q.text[lang] if q else label(e.name, lang),
                "value": _shown_answers(e.value, q, lang) if q else e.value,
                "number": q is None and isinstance(e.value, int | float),
                "points": e.points, "notes": notes.get(e.name, []) if q else [],
            })  # fmt: skip
        value = None if math.isnan(score.value) else score.value
        out.append({"name": label(key, lang), "value": value, "evidence": evidence})
    return out


def _form_page(
    request: Request, db: Session, cluster: Cluster, user: SignedIn, name: str, *,
    values: dict[str, str] | None = None, errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:  # fmt: skip
    lang = language(request)
    questionnaire = bundled(name)
    sets = latest_sets(db, cluster.id, name)
    own = [s for s in sets if s.respondent == respondent_of(user.access)]
    if values is None:  # the form shows the visitor's own latest set, to correct
        values = {}
        if own:
            values.update({q: _field_value(v) for q, v in own[0].answers.items()})
            values.update({f"note-{q}": t for q, t in own[0].notes.items()})
    scoring = name in SCORED_QUESTIONNAIRES and may_score(user.access, cluster.id, name) is None
    version = _latest(db, cluster.id, name) if scoring else None
    questions = {q.id: _question_view(q, lang) for q in questionnaire.questions}
    return page(
        request,
        "questionnaire_form.html",
        {**cluster_context(request, cluster),
         "name": name, "title": questionnaire.title[lang],
         "dimensions": [(label(d, lang), [questions[q.id] for q in questionnaire.questions
                                          if q.dimension == d])
                        for d in questionnaire.dimensions],
         "member": user.role == "member", "answered": own[0].date if own else None,
         "values": values, "errors": errors or {}, "note_limit": NOTE_LIMIT,
         "scoring": scoring, "n_sets": len(sets),
         "n_members": sum(s.respondent.startswith("actor:") for s in sets),
         "version": version, "scores": None if version is None else _scores_view(
             db, version, questionnaire, lang),
         "level": None if version is None or version.classification is None
         else label(version.classification.level, lang),
         "saved": request.query_params.get("saved") == "1",
         "scored": request.query_params.get("scored") == "1"},
        status=status,
    )  # fmt: skip


@router.get("/clusters/{cluster_id}/questionnaires/{name}", response_class=HTMLResponse)
def questionnaire_page(request: Request, cluster_id: str, name: str) -> Response:
    with _answering(request, cluster_id, name) as work:
        return _form_page(request, work.db, work.cluster, work.user, name)


@router.post("/clusters/{cluster_id}/questionnaires/{name}", response_class=HTMLResponse)
async def answer(request: Request, cluster_id: str, name: str) -> Response:
    """Store the visitor's answers and evidence texts: all of them, or nothing."""
    form = await request.form()
    with _answering(request, cluster_id, name) as work:
        db, cluster, user = work.db, work.cluster, work.user
        questionnaire = bundled(name)
        values = {}
        for qid in questionnaire.ids:
            values[qid] = str(form.get(qid, "")).strip()
            values[f"note-{qid}"] = str(form.get(f"note-{qid}", ""))
        try:
            answer_questionnaire(
                db, user.access, cluster_id, questionnaire,
                {q: values[q] for q in questionnaire.ids},
                notes={q: values[f"note-{q}"] for q in questionnaire.ids}, date=dt.date.today(),
            )  # fmt: skip
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError as error:
            db.rollback()
            errors = _answer_errors(error, questionnaire, values, language(request))
            return _form_page(request, db, cluster, user, name, values=values, errors=errors,
                              status=400)  # fmt: skip
    return saved_redirect(f"/clusters/{cluster_id}/questionnaires/{name}")


@router.post("/clusters/{cluster_id}/questionnaires/{name}/score", response_class=HTMLResponse)
def score(request: Request, cluster_id: str, name: str) -> Response:
    """Pool the latest set of every respondent, score it and store the version (dated today)."""
    with _answering(request, cluster_id, name) as work:
        db, cluster, user = work.db, work.cluster, work.user
        if name not in SCORED_QUESTIONNAIRES:
            return not_found(request)
        try:
            score_questionnaire(db, user.access, cluster_id, bundled(name), date=dt.date.today())
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except InvalidParameterError:  # nobody answered yet
            db.rollback()
            errors = {"score": translations(language(request)).gettext(_NOBODY)}
            return _form_page(request, db, cluster, user, name, errors=errors, status=400)
    return RedirectResponse(f"/clusters/{cluster_id}/questionnaires/{name}?scored=1",
                            status_code=303)  # fmt: skip


__all__ = ["router"]
