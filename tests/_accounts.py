"""Signing in from the tests: a user created through an accepted invitation, and the sign-in
form posted with its CSRF token (shared by the workspace's page tests)."""

from __future__ import annotations

import functools
import re
from unittest import mock

from grappe.registry import session_scope
from grappe.registry.users import accept_invitation, hash_password, invite

PASSWORD = "copper and brass 2026"


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF field in the page"
    return found.group(1)


@functools.cache
def _password_hash() -> str:
    """:data:`PASSWORD` hashed once by the registry's own function: scrypt takes about 0.2 s a
    call by design, and the workspace tests create five users each."""
    return hash_password(PASSWORD)


def _hashed_once(password: str) -> str:
    assert password == PASSWORD, "the tests' users all have the tests' password"
    return _password_hash()


def _user(app, email, role, *, clusters=(), actor=None):
    """A user created by invitation and accepted with :data:`PASSWORD` (the registry's path; the
    hash computed once for the session, and checked at each sign-in as any)."""
    with session_scope(app.state.sessions) as db:
        _, token = invite(db, "test", email=email, role=role, display_name=email.split("@")[0],
                          clusters=clusters, actor=actor)  # fmt: skip
        with mock.patch("grappe.registry.users.hash_password", _hashed_once):
            accept_invitation(db, token, PASSWORD)
    return email


def _sign_in(client, email, password=PASSWORD):
    page = client.get("/login")
    r = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": _csrf(page.text)},
        follow_redirects=False,
    )
    return r


def workspace_users(app, *, cluster="auto-mi"):
    """The users of the workspace's page tests, in this order (the admin is user 1):
    ``admin@obs.dz`` (admin), ``ana@obs.dz`` (analyst), ``mgr@obs.dz`` (manager of
    ``cluster``), ``other@obs.dz`` (manager of chem-oh) and ``gm@obs.dz`` (member of actor GM)."""
    _user(app, "admin@obs.dz", "admin")
    _user(app, "ana@obs.dz", "analyst")
    _user(app, "mgr@obs.dz", "manager", clusters=[cluster])
    _user(app, "other@obs.dz", "manager", clusters=["chem-oh"])
    _user(app, "gm@obs.dz", "member", actor="GM")


def workspace_site(populated_app, *, cluster="auto-mi"):
    """``populated_app`` (app, client, tokens) with :func:`workspace_users` and its client asking
    for English pages (the pages' default is French)."""
    app, client, _ = populated_app
    workspace_users(app, cluster=cluster)
    client.headers["Accept-Language"] = "en"
    return populated_app


def signed_in(client, email):
    """``client`` signed in as ``email`` (and as no one else: the cookies of before are gone)."""
    client.cookies.clear()
    assert _sign_in(client, email).status_code == 303
    return client


def post_form(client, path, data=None, *, form_page=None):
    """Post ``data`` to ``path`` as its form does: with the CSRF token of the form's page
    (``form_page``, else ``path`` itself), without following the redirect."""
    csrf = _csrf(client.get(form_page or path).text)
    return client.post(path, data={"csrf_token": csrf, **(data or {})}, follow_redirects=False)
