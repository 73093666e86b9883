"""``/clusters/<id>/roadmap`` (phase 3): the roadmap editor — construction mode, priority
challenges, actions added, corrected and deleted with their milestones, and the timeline of the
result.

Every save goes through :mod:`grappe.registry.roadmap_entries`: the stored roadmap is changed,
validated as a whole by the one parser (:meth:`grappe.roadmap.Roadmap.from_dict`, the API's and
the CLI's) and replaced with :func:`grappe.registry.roadmaps.store_roadmap`, audited with the
user; a refused save stores nothing and shows each issue next to its field in the page's
language. The kernel's warnings (an action over, every milestone done, still "ongoing") are
shown next to the action's status. Rights: ``roadmap`` in
:data:`grappe.registry.permissions.RULES` (an admin, the cluster's manager).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from grappe.errors import DataValidationError, NotFoundError, PermissionDeniedError
from grappe.registry.models import Cluster, Membership
from grappe.registry.roadmap_entries import (
    add_action,
    correct_action,
    default_currency,
    delete_action,
    roadmap_warnings,
    set_plan,
)
from grappe.registry.roadmaps import load_roadmap, roadmap_document
from grappe.roadmap import PHASES
from grappe.roadmap.document import CHALLENGE_WIDTH
from grappe.web.auth import forbidden
from grappe.web.i18n import translations
from grappe.web.render import language, page
from grappe.web.views._common import N_, not_found
from grappe.web.views._forms import cluster_context, cluster_form, saved_redirect
from grappe.web.views.roadmap_display import mode_names, roadmap_gantt, status_names

__all__ = ["action_values", "issue_errors", "router"]

router = APIRouter(include_in_schema=False)
#: Most milestones an action's form sends.
MAX_MILESTONES = 200

#: The kernel's issues as messages next to the field: (field, words of the kernel's message,
#: message shown); the first rule whose field and words match wins.
_ISSUES: tuple[tuple[str, str, str], ...] = (
    ("id", "used twice", N_("Another action already has this id: give each action its own.")),
    ("start", "not a valid date", N_("Write an existing date as YYYY-MM-DD, e.g. 2025-02-28.")),
    ("end", "not a valid date", N_("Write an existing date as YYYY-MM-DD, e.g. 2025-02-28.")),
    ("end", "before it starts", N_("The action ends before it starts: correct the dates.")),
    ("budget", "", N_("Give the budget as a number, 0 or more (e.g. 250000).")),
    ("currency", "no currency", N_("A budget needs its currency: an ISO 4217 code such as DZD, EUR or USD.")),  # noqa: E501
    ("currency", "", N_("This is not an ISO 4217 currency code: write e.g. DZD, EUR or USD.")),
    ("status", "'done' but", N_("The action is done but some milestones are not: tick them done, or set the status to ongoing.")),  # noqa: E501
    ("status", "'planned' but", N_("The action is planned but milestones are done: set the status to ongoing or done.")),  # noqa: E501
    ("milestones", "outside", N_("A milestone falls outside the action's dates: move it or the dates.")),  # noqa: E501
    ("milestones", "date", N_("Give each milestone an existing date as YYYY-MM-DD.")),
    ("mode", "", N_("Choose bottom-up or top-down.")),
    ("challenges", "twice", N_("Each priority challenge once, please: one is repeated.")),
    ("challenges", "longer", N_("A priority challenge is too long: 300 characters at most.")),
    ("", "longer than", N_("This text is too long: shorten it.")),
    ("", "control character", N_("Remove the control characters (such as tabs) from the text.")),
    ("", "has no", N_("Fill in this field.")),
    ("", "Unknown", N_("Choose a value from the list.")),
)  # fmt: skip
_REFUSED = N_("This value is refused: correct it.")
_MILESTONE_NAME = N_("Give the milestone a name.")
_STALE = N_(
    "The action is over and every milestone is done, but it is still ongoing or delayed: "
    "set it to done if it is finished."
)


def issue_errors(error: DataValidationError, lang: str, *, row: int | None) -> dict[str, str]:
    """The issues of action ``row`` (or of the roadmap itself when ``row`` is None), one
    translated message per field; an issue of another row is shown under ``"roadmap"``."""
    _ = translations(lang).gettext
    errors: dict[str, str] = {}
    for issue in error.issues:
        column = issue.column or "roadmap"
        if issue.row is not None and issue.row != row:
            column = "roadmap"
        text = next(
            (msg for field, words, msg in _ISSUES
             if field in ("", column) and words in issue.message),
            _REFUSED,
        )  # fmt: skip
        errors.setdefault(column, _(text))
    return errors


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace(";", "\n").splitlines() if line.strip()]


def action_values(form: FormData, cluster: Cluster) -> tuple[dict[str, Any], dict[str, str]]:
    """The action a form sends (as the roadmap document holds it) and the form's own problems
    (a milestone without a name). A blank currency is the cluster's
    (:func:`grappe.registry.roadmap_entries.default_currency`)."""
    text = {k: str(form.get(k, "")).strip()
            for k in ("id", "phase", "title", "owner", "start", "end", "budget", "currency",
                      "status")}  # fmt: skip
    budget = text["budget"].replace(" ", "").replace(",", ".")
    milestones, problems = [], {}
    count = str(form.get("milestone_count", "0"))
    shown = min(int(count), MAX_MILESTONES) if count.isdigit() else 0
    for key in [*map(str, range(shown)), "new"]:
        name = str(form.get(f"m-{key}-name", "")).strip()
        date = str(form.get(f"m-{key}-date", "")).strip()
        if form.get(f"m-{key}-remove") or (key == "new" and not name and not date):
            continue
        if not name:
            problems["milestones"] = _MILESTONE_NAME
        milestones.append({"name": name, "date": date, "done": bool(form.get(f"m-{key}-done"))})
    action = {
        **text,
        "budget": budget or 0,
        "currency": text["currency"].upper() or default_currency(cluster),
        "status": text["status"] or "planned",
        "partners": _lines(str(form.get("partners", ""))),
        "milestones": milestones,
    }
    return action, problems


def _actor_names(db: Session, cluster_id: str) -> list[str]:
    members = db.scalars(select(Membership).where(Membership.cluster_id == cluster_id))
    return sorted({m.actor.name for m in members if m.actor.deleted_at is None})


def _form_action(action: dict[str, Any]) -> dict[str, Any]:
    """An action of the document as its form shows it (partners one per line, the budget as
    written, without a trailing ``.0``)."""
    budget = action.get("budget", "")
    if isinstance(budget, float):
        budget = format(budget, ".15g")
    return {**action, "partners": "\n".join(action.get("partners") or []), "budget": budget}


def _editor(
    request: Request,
    db: Session,
    cluster: Cluster,
    *,
    errors: dict[str, dict[str, str]] | None = None,
    sent: dict[str, dict[str, Any]] | None = None,
    status: int = 200,
) -> Response:
    """The editor; ``errors`` and ``sent`` are keyed by form (``plan``, ``new`` or an action
    id): what a refused form sent is shown again with the messages."""
    lang = language(request)
    _ = translations(lang).gettext
    stored = load_roadmap(db, cluster.id)
    document = (
        roadmap_document(stored)
        if stored is not None
        else {"mode": "bottom_up", "challenges": [], "actions": []}
    )
    stale = {}
    if stored is not None:
        for warning in roadmap_warnings(stored):
            if warning.row is not None:
                stale[stored.actions[warning.row - 1].id] = _(_STALE)
    sent = sent or {}
    currency = default_currency(cluster)
    new = sent.get("new") or {"currency": currency, "status": "planned", "phase": "plan",
                              "milestones": []}  # fmt: skip
    # One correction form at a time (?edit=<id>, or the action a refused correction sent): a
    # plan of dozens of actions stays a light page.
    wanted = next((k for k in sent if k not in ("new", "plan")),
                  request.query_params.get("edit"))  # fmt: skip
    editing = next((sent.get(a["id"], a) for a in document["actions"] if a["id"] == wanted), None)
    return page(
        request,
        "roadmap_form.html",
        {**cluster_context(request, cluster),
         "plan": sent.get("plan") or {"mode": document["mode"],
                                      "challenges": "\n".join(document["challenges"])},
         "challenges": document["challenges"],
         "actions": document["actions"],
         "editing": None if editing is None else _form_action(editing),
         "new": _form_action(new), "default_currency": currency,
         "errors": errors or {}, "stale": stale,
         "modes": list(mode_names(lang).items()),
         "phases": [(p.key, p.names[lang]) for p in PHASES],
         "phase_names": {p.key: p.names[lang] for p in PHASES},
         "statuses": list(status_names(lang).items()), "status_names": status_names(lang),
         "actors": _actor_names(db, cluster.id), "challenge_width": CHALLENGE_WIDTH,
         "gantt": None if stored is None else roadmap_gantt(stored, lang),
         "saved": request.query_params.get("saved") == "1"},
        status=status,
    )  # fmt: skip


@router.get("/clusters/{cluster_id}/roadmap", response_class=HTMLResponse)
def roadmap_page(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="roadmap", key=cluster_id) as work:
        return _editor(request, work.db, work.cluster)


@router.post("/clusters/{cluster_id}/roadmap/plan", response_class=HTMLResponse)
async def save_plan(request: Request, cluster_id: str) -> Response:
    """The construction mode and the priority challenges (one per line, most important first)."""
    form = await request.form()
    plan = {"mode": str(form.get("mode", "")), "challenges": str(form.get("challenges", ""))}
    with cluster_form(request, cluster_id, kind="roadmap", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        try:
            set_plan(db, cluster_id, mode=plan["mode"],
                     challenges=[c.strip() for c in plan["challenges"].splitlines() if c.strip()],
                     who=work.access)  # fmt: skip
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError as error:
            db.rollback()
            errors = {"plan": issue_errors(error, language(request), row=None)}
            return _editor(request, db, cluster, errors=errors, sent={"plan": plan}, status=400)
    return saved_redirect(f"/clusters/{cluster_id}/roadmap")


def _row_of(db: Session, cluster_id: str, action_id: str | None) -> int:
    """The row (position from 1) an action has, or will have when added, in the stored plan."""
    stored = load_roadmap(db, cluster_id)
    actions = [] if stored is None else [a.id for a in stored.actions]
    return actions.index(action_id) + 1 if action_id in actions else len(actions) + 1


async def _save_action(request: Request, cluster_id: str, *, new: bool) -> Response:
    form = await request.form()
    lang = language(request)
    with cluster_form(request, cluster_id, kind="roadmap", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        action, problems = action_values(form, cluster)
        key = "new" if new else str(form.get("action", ""))
        if not new:
            action["id"] = key
        sent = {key: action}
        if problems:
            _ = translations(lang).gettext
            errors = {key: {k: _(v) for k, v in problems.items()}}
            return _editor(request, db, cluster, errors=errors, sent=sent, status=400)
        row = _row_of(db, cluster_id, None if new else key)
        try:
            if new:
                add_action(db, cluster_id, action, who=work.access)
            else:
                correct_action(db, cluster_id, key, action, who=work.access)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except NotFoundError:
            return not_found(request)
        except DataValidationError as error:
            db.rollback()
            errors = {key: issue_errors(error, lang, row=row)}
            return _editor(request, db, cluster, errors=errors, sent=sent, status=400)
    return saved_redirect(f"/clusters/{cluster_id}/roadmap")


@router.post("/clusters/{cluster_id}/roadmap/actions", response_class=HTMLResponse)
async def new_action(request: Request, cluster_id: str) -> Response:
    """Add an action (at the end of the plan; a blank id becomes the next free ``A<n>``)."""
    return await _save_action(request, cluster_id, new=True)


@router.post("/clusters/{cluster_id}/roadmap/actions/correct", response_class=HTMLResponse)
async def change_action(request: Request, cluster_id: str) -> Response:
    """Correct the action named by the form's ``action`` field, milestones included."""
    return await _save_action(request, cluster_id, new=False)


@router.post("/clusters/{cluster_id}/roadmap/actions/delete", response_class=HTMLResponse)
async def remove_action(request: Request, cluster_id: str) -> Response:
    form = await request.form()
    with cluster_form(request, cluster_id, kind="roadmap", key=cluster_id) as work:
        db = work.db
        try:
            delete_action(db, cluster_id, str(form.get("action", "")), who=work.access)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except NotFoundError:
            return not_found(request)
    return saved_redirect(f"/clusters/{cluster_id}/roadmap")
