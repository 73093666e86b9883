"""Signing in from the tests: a user created through an accepted invitation, and the sign-in
form posted with its CSRF token (shared by the workspace's page tests)."""

from __future__ import annotations

import re

from grappe.registry import session_scope
from grappe.registry.users import accept_invitation, invite

PASSWORD = "copper and brass 2026"


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF field in the page"
    return found.group(1)


def _user(app, email, role, *, clusters=(), actor=None):
    with session_scope(app.state.sessions) as db:
        _, token = invite(db, "test", email=email, role=role, display_name=email.split("@")[0],
                          clusters=clusters, actor=actor)  # fmt: skip
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
