"""The one way into a workspace page (:mod:`grappe.web.views._forms`): the order of its checks
(sign-in page, then 404, then 403) on pages of each kind of rule, answered through
``PageAnswer`` and the app's handler, and nothing stored by a refused form."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

import pytest
from sqlalchemy import func, select

from _accounts import _csrf, signed_in, workspace_site
from grappe.registry import session_scope
from grappe.registry.models import AuditEntry

#: One page of each rule: the API's create rule, its update rule (the cluster itself), a page's
#: own rule (questionnaires' may_answer, reports' readers), and the rule left to the registry.
PAGES = [
    ("get", "/clusters/{c}/kpis"),
    ("post", "/clusters/{c}/waves"),
    ("get", "/clusters/{c}/settings"),
    ("post", "/clusters/{c}/publish"),
    ("get", "/clusters/{c}/questionnaires/diamond"),
    ("get", "/clusters/{c}/reports"),
    ("post", "/clusters/{c}/stage"),
]


@pytest.fixture
def site(populated_app):
    app, client, _ = workspace_site(populated_app)
    return app, client


def _send(client, method, path, csrf):
    if method == "get":
        return client.get(path, follow_redirects=False)
    return client.post(path, data={"csrf_token": csrf, "label": "x", "stage": "growth"},
                       follow_redirects=False)  # fmt: skip


def _audit_length(app):
    with session_scope(app.state.sessions) as db:
        return db.scalar(select(func.count(AuditEntry.id)))


def test_sign_in_then_not_found_then_refused_on_every_kind_of_rule(site):
    app, client = site
    audited = _audit_length(app)
    anonymous_csrf = _csrf(client.get("/login").text)  # the pre-session's token passes the guard
    for method, pattern in PAGES:
        path = pattern.format(c="nowhere")
        r = _send(client, method, path, anonymous_csrf)
        assert r.status_code == 303, path  # anonymous: before the cluster is looked up
        assert r.headers["location"] == f"/login?next={quote(path, safe='')}", path
    signed_in(client, "other@obs.dz")  # chem-oh's manager: no right on auto-mi
    csrf = _csrf(client.get("/account").text)
    for method, pattern in PAGES:
        r = _send(client, method, pattern.format(c="nowhere"), csrf)
        assert r.status_code == 404 and "Page not found" in r.text, pattern
        if pattern.endswith("/stage"):
            continue
        r = _send(client, method, pattern.format(c="auto-mi"), csrf)
        assert r.status_code == 403 and "Not allowed" in r.text, pattern
    r = _send(client, "post", "/clusters/auto-mi/stage", csrf)  # set_stage refuses: 403 too
    assert r.status_code == 403 and "Not allowed" in r.text
    assert _audit_length(app) == audited  # nothing stored by any refused form


def test_an_unknown_questionnaire_is_not_found_after_the_cluster_is(site):
    _, client = site
    signed_in(client, "mgr@obs.dz")
    assert client.get("/clusters/auto-mi/questionnaires/nope").status_code == 404
    assert client.get("/clusters/auto-mi/questionnaires/diamond").status_code == 200
    client.cookies.clear()
    r = client.get("/clusters/auto-mi/questionnaires/nope", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")


def test_a_form_shown_afresh_has_its_defaults_and_one_sent_back_what_was_typed(site):
    """``_forms.sent_page``: no form sent, the page's defaults (status 200); a refused form,
    the values as typed over the defaults, each problem next to its field (status 400)."""
    _, client = site
    signed_in(client, "mgr@obs.dz")
    section = "/clusters/auto-mi/programmes"
    fresh = client.get(section)
    today = dt.date.today().isoformat()
    assert fresh.status_code == 200 and f'name="joined" type="date" value="{today}"' in fresh.text
    assert 'class="error"' not in fresh.text
    csrf = _csrf(fresh.text)
    sent = {"csrf_token": csrf, "programme": "kompetenznetze", "joined": "2024-02-30", "note": "n"}
    r = client.post(section, data=sent, follow_redirects=False)
    assert r.status_code == 400
    assert 'name="joined" type="date" value="2024-02-30"' in r.text
    assert 'name="note" type="text" value="n"' in r.text
    assert re.search(r'<p class="error" id="e-joined">Write an existing date', r.text)
    assert 'id="e-note"' not in r.text
