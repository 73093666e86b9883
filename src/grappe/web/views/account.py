"""Sign-in, sign-out, invitations, the account page and the admin's list of users.

Every POST's CSRF token is checked before the route runs (:func:`grappe.web.auth.csrf_guard`);
rights are those of :data:`grappe.registry.permissions.RULES`, asked by the registry functions.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
from grappe.registry.models import Actor, Cluster, Membership, User
from grappe.registry.users import (
    INVITATION_LIFETIME,
    PASSWORD_MIN_LENGTH,
    accept_invitation,
    authenticate,
    change_password,
    deactivate_user,
    invitation_state,
    invite,
    list_users,
    weak_password,
)
from grappe.vocabulary import USER_ROLES
from grappe.web.auth import (
    LoginLimiter,
    SignedIn,
    attach_session,
    end_session,
    forbidden,
    pre_session,
    sign_in,
    to_login,
    visitor,
)
from grappe.web.i18n import translations
from grappe.web.render import language, localized, page
from grappe.web.views._common import N_, RowId
from grappe.web.views._forms import open_session

router = APIRouter(include_in_schema=False)

_W = N_("Wrong email or password.")
_NOT_CURRENT = N_("This is not your current password.")

ROLE_LABELS = {
    "admin": N_("Admin"),
    "analyst": N_("Analyst"),
    "manager": N_("Cluster manager"),
    "member": N_("Member (an actor's representative)"),
}


def _t(request: Request) -> Any:
    return translations(language(request)).gettext


def _limiter(request: Request) -> LoginLimiter:
    limiter = getattr(request.app.state, "login_limiter", None)
    if limiter is None:
        limiter = request.app.state.login_limiter = LoginLimiter()
    return limiter


def _safe_next(target: str | None) -> str:
    # Only a path of this site: never "//host" or "https://host" (an open redirect).
    if (
        not target
        or not target.startswith("/")
        or target.startswith("//")
        or any(c == "\\" or ord(c) < 32 for c in target)  # "/\\host" is "//host" to browsers
    ):
        return "/account"
    parts = urlsplit(target)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _password_errors(request: Request, password: str, confirm: str, email: str) -> dict[str, str]:
    _ = _t(request)
    broken = weak_password(password, email=email)
    if broken == "length":
        return {"password": _("At least %(n)s characters.") % {"n": PASSWORD_MIN_LENGTH}}
    if broken == "email":
        return {"password": _("The password must not be your email address.")}
    if password != confirm:
        return {"confirm": _("The two passwords differ.")}
    return {}


# --- sign in / out -------------------------------------------------------------------------------


def _login_page(
    request: Request, *, email: str = "", error: str | None = None, status: int = 200
) -> Response:
    csrf = pre_session(request)
    response = page(
        request,
        "login.html",
        {"csrf": csrf, "email": email, "error": error,
         "next": _safe_next(request.query_params.get("next"))},
        status=status,
    )  # fmt: skip
    return attach_session(request, response)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    if visitor(request).user is not None:
        return RedirectResponse(_safe_next(request.query_params.get("next")), status_code=303)
    return _login_page(request)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = await request.form()
    email = str(form.get("email", "")).strip()
    password = str(form.get("password", ""))
    address = request.client.host if request.client else "unknown"
    limiter = _limiter(request)
    wait = limiter.wait(email, address)
    if wait is not None:
        _ = _t(request)
        minutes = max(1, (wait + 59) // 60)
        return page(
            request,
            "error.html",
            {"title": _("Too many attempts"),
             "message": _("Too many failed sign-ins. Try again in %(n)s minutes.")
             % {"n": minutes}},
            status=429,
        )  # fmt: skip
    with open_session(request) as db:
        user = authenticate(db, email, password)
        user_id = user.id if user is not None else None
    if user_id is None:
        limiter.failed(email, address)
        return _login_page(request, email=email, error=_t(request)(_W), status=400)
    response = RedirectResponse(_safe_next(str(form.get("next") or "")), status_code=303)
    sign_in(request, response, user_id)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    response = RedirectResponse("/", status_code=303)
    end_session(request, response)
    return response


# --- invitations ---------------------------------------------------------------------------------


def _invitation_gone(request: Request, state: str) -> Response:
    _ = _t(request)
    messages = {
        "unknown": _("This invitation link is not valid. Check the link, or ask for a new one."),
        "used": _("This invitation was already used. Sign in, or ask for a new one."),
        "expired": _("This invitation has expired. Ask the person who invited you for a new one."),
    }
    return page(
        request,
        "error.html",
        {"title": _("Invitation"), "message": messages[state]},
        status=404 if state == "unknown" else 410,
    )


@router.get("/invite/{token}", response_class=HTMLResponse)
def invitation_form(request: Request, token: str) -> Response:
    with open_session(request) as db:
        invitation, state = invitation_state(db, token)
        email = invitation.email if invitation else ""
    if state != "valid":
        return _invitation_gone(request, state)
    csrf = pre_session(request)
    return attach_session(
        request, page(request, "invite.html", {"csrf": csrf, "email": email, "errors": {}})
    )


@router.post("/invite/{token}", response_class=HTMLResponse)
async def accept(request: Request, token: str) -> Response:
    form = await request.form()
    password = str(form.get("password", ""))
    confirm = str(form.get("confirm", ""))
    with open_session(request) as db, db.begin():
        invitation, state = invitation_state(db, token)
        if invitation is None or state != "valid":
            return _invitation_gone(request, state)
        email = invitation.email
        errors = _password_errors(request, password, confirm, email)
        if errors:
            csrf = visitor(request).csrf
            return page(
                request, "invite.html", {"csrf": csrf, "email": email, "errors": errors},
                status=400,
            )  # fmt: skip
        user = accept_invitation(db, token, password)
        user_id = user.id
    response = RedirectResponse("/account", status_code=303)
    sign_in(request, response, user_id)
    return response


# --- the account ---------------------------------------------------------------------------------


def _account_page(
    request: Request, user: SignedIn, *, errors: dict[str, str] | None = None,
    notice: str | None = None, status: int = 200,
) -> Response:  # fmt: skip
    _ = _t(request)
    lang = language(request)
    with open_session(request) as db:
        actor = db.get(Actor, user.actor) if user.actor else None
        actor_name = actor.name if actor else None
        # A member answers the questionnaires of the clusters his organisation belongs to.
        answering = [] if actor is None or actor.deleted_at is not None else [
            (m.cluster_id, localized(m.cluster, "name", lang)[0])
            for m in db.scalars(select(Membership).where(Membership.actor_id == actor.id))
        ]  # fmt: skip
    return page(
        request,
        "account.html",
        {"user": user, "role": _(ROLE_LABELS[user.role]), "actor_name": actor_name,
         "answering": sorted(answering, key=lambda c: c[1]),
         "csrf": visitor(request).csrf, "errors": errors or {}, "notice": notice},
        status=status,
    )  # fmt: skip


@router.get("/account", response_class=HTMLResponse)
def account(request: Request) -> Response:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    return _account_page(request, user)


@router.post("/account/password", response_class=HTMLResponse)
async def account_password(request: Request) -> Response:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    form = await request.form()
    current = str(form.get("current", ""))
    new = str(form.get("password", ""))
    errors = _password_errors(request, new, str(form.get("confirm", "")), user.email)
    if not errors:
        with open_session(request) as db, db.begin():
            row = db.get(User, user.id)
            try:
                change_password(db, row, current, new)  # type: ignore[arg-type]
            except InvalidParameterError:
                errors = {"current": _t(request)(_NOT_CURRENT)}
    if errors:
        return _account_page(request, user, errors=errors, status=400)
    response = RedirectResponse("/account?changed=1", status_code=303)
    sign_in(request, response, user.id)  # every other session ended; this one gets a new id
    return response


# --- users (admin; a manager invites the members of his clusters) ---------------------------


def _invite_choices(db: Session, user: SignedIn) -> dict[str, Any]:
    if user.role == "admin":
        clusters = list(db.scalars(select(Cluster).order_by(Cluster.id)))
        actors = list(db.scalars(select(Actor).where(Actor.deleted_at.is_(None))
                                 .order_by(Actor.name)))  # fmt: skip
        return {"roles": list(USER_ROLES), "clusters": clusters, "actors": actors}
    actors = list(
        db.scalars(
            select(Actor)
            .join(Membership, Membership.actor_id == Actor.id)
            .where(Membership.cluster_id.in_(sorted(user.clusters)), Actor.deleted_at.is_(None))
            .order_by(Actor.name)
            .distinct()
        )
    )
    return {"roles": ["member"], "clusters": [], "actors": actors}


def _users_page(
    request: Request, user: SignedIn, *, values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None, link: str | None = None, status: int = 200,
) -> Response:  # fmt: skip
    _ = _t(request)
    lang = language(request)
    with open_session(request) as db:
        choices = _invite_choices(db, user)
        users = list_users(db) if user.role == "admin" else []
        context = {
            "users": [(u, _(ROLE_LABELS[u.role]), ", ".join(u.cluster_ids)) for u in users],
            "roles": [(r, _(ROLE_LABELS[r])) for r in choices["roles"]],
            "clusters": [(c.id, localized(c, "name", lang)[0]) for c in choices["clusters"]],
            "actors": [
                (a.id, (a.attributes or {}).get(f"name_{lang}") or a.name)
                for a in choices["actors"]
            ],
        }
    return page(
        request,
        "admin_users.html",
        {**context, "csrf": visitor(request).csrf, "values": values or {}, "errors": errors or {},
         "link": link, "days": INVITATION_LIFETIME.days, "is_admin": user.role == "admin"},
        status=status,
    )  # fmt: skip


def _may_manage_users(user: SignedIn) -> bool:
    return user.role in ("admin", "manager")


@router.get("/admin/users", response_class=HTMLResponse)
def users(request: Request) -> Response:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    if not _may_manage_users(user):
        return forbidden(request)
    return _users_page(request, user)


def _invite_errors(request: Request, error: Exception) -> dict[str, str]:
    _ = _t(request)
    text = str(error)
    if "'email'" in text and "must be new" in text:
        return {"email": _("This email already has an account.")}
    if "'email'" in text:
        return {"email": _("Enter an email address, like name@example.dz.")}
    if "'display_name'" in text:
        return {"display_name": _("Give the person's name.")}
    if "'clusters'" in text or "cluster" in text:
        return {"clusters": _("Choose the clusters this manager will manage.")}
    return {"actor": _("Choose the organisation this member represents.")}


@router.post("/admin/users/invite", response_class=HTMLResponse)
async def create_invitation(request: Request) -> Response:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    form = await request.form()
    if not _may_manage_users(user):
        return forbidden(request)
    values = {k: str(form.get(k, "")).strip() for k in ("email", "display_name", "role", "actor")}
    clusters = [str(c) for c in form.getlist("clusters")]
    try:
        with open_session(request) as db, db.begin():
            _, token = invite(
                db, user.access, email=values["email"], role=values["role"] or "member",
                display_name=values["display_name"], clusters=clusters,
                actor=values["actor"] or None,
            )  # fmt: skip
    except PermissionDeniedError:
        return forbidden(request)
    except (InvalidParameterError, NotFoundError) as error:
        return _users_page(request, user, values=values, errors=_invite_errors(request, error),
                           status=400)  # fmt: skip
    link = str(request.base_url).rstrip("/") + f"/invite/{token}"
    return _users_page(request, user, link=link)


@router.post("/admin/users/{user_id}/deactivate", response_class=HTMLResponse)
async def deactivate(request: Request, user_id: RowId) -> Response:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    try:
        with open_session(request) as db, db.begin():
            deactivate_user(db, user.access, user_id)
    except PermissionDeniedError:
        return forbidden(request)
    except NotFoundError:
        from grappe.web.views._common import not_found

        return not_found(request)
    return RedirectResponse("/admin/users", status_code=303)
