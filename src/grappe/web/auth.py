"""Who is visiting the pages: server-side sessions, their cookie, CSRF tokens and the sign-in
rate limit.

* The cookie ``grappe_session`` holds a random id (32 bytes); the database keeps only its
  SHA-256 (:mod:`grappe.registry.users`). It is ``HttpOnly``, ``SameSite=Lax``, path ``/``,
  and ``Secure`` when the request came over HTTPS (behind a TLS proxy, run uvicorn with
  ``--proxy-headers`` so that the scheme is seen).
* Every POST form carries ``csrf_token``, derived from the session id
  (:func:`grappe.registry.users.session_csrf`); every unsafe request of the pages is checked
  by :func:`csrf_guard` (a dependency of every page router, added by
  :func:`grappe.web.install_pages`) and gets the 403 page when the token is missing or wrong.
  Anonymous forms (sign-in, invitation) get a *pre-session*: a session row without user, so
  that they carry a token too (no signing key anywhere).
* Sign-in failures are counted per email and per client address
  (:class:`LoginLimiter`): more than :data:`MAX_FAILURES` in :data:`FAILURE_WINDOW` and the
  sign-in answers 429 with the wait. The counts live in the memory of each server process.
"""

from __future__ import annotations

import collections
import hmac
import threading
import time
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from grappe.registry.permissions import Access
from grappe.registry.users import (
    access_of,
    close_session,
    load_session,
    open_session,
    session_csrf,
)
from grappe.web.i18n import translations
from grappe.web.render import language, page

__all__ = [
    "CSRF_FIELD",
    "CSRF_HEADER",
    "CsrfRefusedError",
    "FAILURE_WINDOW",
    "MAX_FAILURES",
    "SESSION_COOKIE",
    "LoginLimiter",
    "SignedIn",
    "Visitor",
    "attach_session",
    "check_csrf",
    "csrf_guard",
    "csrf_refused",
    "end_session",
    "forbidden",
    "pre_session",
    "sign_in",
    "to_login",
    "visitor",
]

SESSION_COOKIE = "grappe_session"
CSRF_FIELD = "csrf_token"
#: Sign-in failures allowed per email and per client address within :data:`FAILURE_WINDOW`.
MAX_FAILURES = 5
FAILURE_WINDOW = 15 * 60.0


@dataclass(frozen=True)
class SignedIn:
    """The signed-in user, as the pages need him (a copy: no database row leaves the request)."""

    id: int
    email: str
    display_name: str
    role: str
    clusters: frozenset[str]
    actor: str | None
    access: Access


@dataclass(frozen=True)
class Visitor:
    """This request's visitor: the user (None when anonymous), the session's cookie id (None
    without a live session) and its CSRF token (empty without a session)."""

    user: SignedIn | None
    raw: str | None
    csrf: str


def _sessions(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    return factory


def visitor(request: Request) -> Visitor:
    """The visitor of ``request`` (looked up once per request; the session is marked seen)."""
    known = getattr(request.state, "visitor", None)
    if isinstance(known, Visitor):
        return known
    raw = request.cookies.get(SESSION_COOKIE)
    found = None
    if raw:
        with _sessions(request)() as db, db.begin():
            loaded = load_session(db, raw)
            if loaded is not None:
                _, user = loaded
                found = Visitor(
                    SignedIn(
                        user.id, user.email, user.display_name, user.role,
                        frozenset(user.cluster_ids), user.actor_id, access_of(user),
                    ) if user is not None else None,
                    raw,
                    session_csrf(raw),
                )  # fmt: skip
    result = found or Visitor(None, None, "")
    request.state.visitor = result
    return result


def _set_cookie(request: Request, response: Response, raw: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        raw,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def pre_session(request: Request) -> str:
    """The CSRF token for an anonymous form: that of the live session, else of a new
    pre-session (its cookie is set on the page by :func:`attach_session`)."""
    current = visitor(request)
    if current.raw is not None:
        return current.csrf
    with _sessions(request)() as db, db.begin():
        raw = open_session(db, None)
    request.state.visitor = Visitor(None, raw, session_csrf(raw))
    request.state.new_session = raw
    return session_csrf(raw)


def attach_session(request: Request, response: Response) -> Response:
    """Set the cookie of a pre-session opened by :func:`pre_session` during this request."""
    raw = getattr(request.state, "new_session", None)
    if raw:
        _set_cookie(request, response, raw)
    return response


def sign_in(request: Request, response: Response, user_id: int) -> None:
    """Start the user's session on ``response``: the pre-session (if any) ends and a new id is
    issued, so that an id known before sign-in is worth nothing after."""
    old = request.cookies.get(SESSION_COOKIE)
    with _sessions(request)() as db, db.begin():
        if old:
            close_session(db, old)
        raw = open_session(db, user_id)
    _set_cookie(request, response, raw)


def end_session(request: Request, response: Response) -> None:
    """Delete the session and its cookie."""
    raw = request.cookies.get(SESSION_COOKIE)
    if raw:
        with _sessions(request)() as db, db.begin():
            close_session(db, raw)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")


def check_csrf(request: Request, form: Any) -> bool:
    """Whether the form's ``csrf_token`` is that of the request's live session."""
    expected = visitor(request).csrf
    given = form.get(CSRF_FIELD) if form is not None else None
    return bool(expected) and isinstance(given, str) and hmac.compare_digest(given, expected)


#: Methods that change nothing, never checked.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: Header a script may send the token in instead of the form field (htmx, fetch).
CSRF_HEADER = "X-CSRF-Token"


class CsrfRefusedError(Exception):
    """An unsafe request of the pages without the session's CSRF token (answered 403 by
    :func:`csrf_refused`, see :func:`grappe.web.install_pages`)."""


async def csrf_guard(request: Request) -> None:
    """Dependency of every page router: refuse an unsafe request whose ``csrf_token`` (form
    field, or the ``X-CSRF-Token`` header) is not that of the live session. Checked before the
    route runs, so that no page route can forget it."""
    if request.method in SAFE_METHODS:
        return
    header = request.headers.get(CSRF_HEADER)
    form = {CSRF_FIELD: header} if header else await request.form()
    if not check_csrf(request, form):
        raise CsrfRefusedError


def _error(request: Request, title: str, message: str, status: int) -> HTMLResponse:
    return page(request, "error.html", {"title": title, "message": message}, status=status)


def csrf_refused(request: Request) -> HTMLResponse:
    """The 403 page of a form sent without its token (or with another session's)."""
    _ = translations(language(request)).gettext
    return _error(
        request,
        _("Form expired"),
        _(
            "This form was not sent from this session (or the session ended). Reload the page "
            "and send it again."
        ),
        403,
    )


def forbidden(request: Request) -> HTMLResponse:
    """The 403 page of a signed-in user whose role does not allow the page."""
    _ = translations(language(request)).gettext
    return _error(
        request,
        _("Not allowed"),
        _("Your role does not allow this page. Ask an admin or the cluster's manager."),
        403,
    )


def to_login(request: Request) -> RedirectResponse:
    """Send an anonymous visitor to the sign-in page, which brings him back here."""
    from urllib.parse import urlencode

    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)


class LoginLimiter:
    """Sign-in failures per email and per client address in a sliding window (per process).

    Examples
    --------
    >>> limiter = LoginLimiter(max_failures=2, window=60.0)
    >>> for t in (0.0, 1.0):
    ...     limiter.failed("a@b.dz", "10.0.0.1", now=t)
    >>> limiter.wait("a@b.dz", "10.0.0.9", now=2.0), limiter.wait("c@d.dz", "10.0.0.2", now=2.0)
    (58, None)
    >>> limiter.wait("a@b.dz", "10.0.0.1", now=61.0) is None
    True
    """

    def __init__(self, *, max_failures: int = MAX_FAILURES, window: float = FAILURE_WINDOW):
        self.max_failures = max_failures
        self.window = window
        self._failures: dict[str, collections.deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> collections.deque[float]:
        times = self._failures.setdefault(key, collections.deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def wait(self, email: str, address: str, *, now: float | None = None) -> int | None:
        """Seconds to wait before trying again (None: may try now)."""
        moment = time.monotonic() if now is None else now
        waits = []
        with self._lock:
            for key in (f"email:{email.strip().lower()}", f"ip:{address}"):
                times = self._recent(key, moment)
                if len(times) >= self.max_failures:
                    waits.append(times[-self.max_failures] + self.window - moment)
        return max(1, int(max(waits) + 0.999)) if waits else None

    def failed(self, email: str, address: str, *, now: float | None = None) -> None:
        """Count one failure of ``email`` from ``address``."""
        moment = time.monotonic() if now is None else now
        with self._lock:
            if len(self._failures) > 100_000:  # bounded memory under a spray of addresses
                self._failures.clear()
            for key in (f"email:{email.strip().lower()}", f"ip:{address}"):
                self._recent(key, moment).append(moment)
