"""Sign-in, sessions, CSRF, invitations, roles and the first write forms of the workspace,
through the in-process client on a copy of the toy registry (clusters auto-mi, chem-oh)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from _accounts import PASSWORD, _csrf, _sign_in, _user, signed_in
from grappe.registry import session_scope
from grappe.registry.models import Actor, AuditEntry, Invitation, Membership, User, WebSession
from grappe.registry.users import SESSION_IDLE, accept_invitation, invite

ANON_FORMS = ["/login"]


@pytest.fixture
def site(populated_app):
    app, client, _ = populated_app
    # not workspace_users: ana@obs.dz is invited by a test here
    _user(app, "admin@obs.dz", "admin")
    _user(app, "mgr@obs.dz", "manager", clusters=["auto-mi"])
    _user(app, "gm@obs.dz", "member", actor="GM")
    client.headers["Accept-Language"] = "en"  # the pages' default is French
    return app, client


# --- sign in ---------------------------------------------------------------------------------


def test_login_ok_sets_a_strict_cookie_and_names_the_user(site):
    _, client = site
    r = _sign_in(client, "mgr@obs.dz")
    assert r.status_code == 303 and r.headers["location"] == "/account"
    cookie = r.headers["set-cookie"]
    assert "grappe_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Path=/" in cookie and "Secure" not in cookie  # http in tests
    home = client.get("/?lang=fr")
    assert "mgr" in home.text and "Se déconnecter" in home.text


def test_cookie_is_secure_over_https(site):
    from fastapi.testclient import TestClient

    app, _ = site
    with TestClient(app, base_url="https://testserver") as client:
        r = _sign_in(client, "mgr@obs.dz")
        assert r.status_code == 303 and "Secure" in r.headers["set-cookie"]


def test_login_failure_is_generic_and_translated(site):
    _, client = site
    unknown = _sign_in(client, "nobody@obs.dz")
    wrong = _sign_in(client, "mgr@obs.dz", "not the password at all")
    assert unknown.status_code == wrong.status_code == 400
    assert "Wrong email or password." in unknown.text and "Wrong email or password." in wrong.text
    r = client.post(
        "/login?lang=ar",
        data={"email": "x@y.dz", "password": "p", "csrf_token": _csrf(client.get("/login").text)},
    )
    assert "البريد الإلكتروني أو كلمة المرور غير صحيحة" in r.text


def test_login_is_rate_limited_per_email_and_per_address(site):
    app, client = site
    for _ in range(5):
        assert _sign_in(client, "mgr@obs.dz", "wrong password!!").status_code == 400
    r = _sign_in(client, "mgr@obs.dz")  # even the right password now waits
    assert r.status_code == 429 and "Too many failed sign-ins. Try again in 15 minutes." in r.text
    # The same address is blocked for other emails too; the limiter is per process.
    assert _sign_in(client, "admin@obs.dz").status_code == 429
    app.state.login_limiter._failures.clear()
    assert _sign_in(client, "admin@obs.dz").status_code == 303


def test_inactive_user_cannot_sign_in(site):
    app, client = site
    with session_scope(app.state.sessions) as db:
        db.scalar(select(User).where(User.email == "gm@obs.dz")).active = False
    assert _sign_in(client, "gm@obs.dz").status_code == 400


def test_next_is_kept_and_never_leaves_the_site(site):
    _, client = site
    r = client.get("/admin/users", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fadmin%2Fusers"
    for bad in ("//evil.example/x", "/\\evil.example", "https://evil.example/"):
        page = client.get("/login", params={"next": bad})
        assert 'name="next" value="/account"' in page.text, bad
    page = client.get("/login?next=/admin/users")
    r = client.post("/login", data={"email": "admin@obs.dz", "password": PASSWORD,
                                    "next": "/admin/users", "csrf_token": _csrf(page.text)},
                    follow_redirects=False)  # fmt: skip
    assert r.headers["location"] == "/admin/users"


# --- sessions --------------------------------------------------------------------------------


def test_session_id_rotates_at_sign_in_and_logout_deletes_it(site):
    app, client = site
    client.get("/login")
    before = client.cookies.get("grappe_session")
    assert before  # the pre-session of the sign-in form
    _sign_in(client, "mgr@obs.dz")
    after = client.cookies.get("grappe_session")
    assert after and after != before
    with session_scope(app.state.sessions) as db:
        assert db.scalar(select(WebSession).where(WebSession.user_id.is_(None))) is None
    csrf = _csrf(client.get("/account").text)
    r = client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303 and 'grappe_session=""' in r.headers["set-cookie"]
    client.cookies.set("grappe_session", after)  # a stolen old cookie is worth nothing
    assert client.get("/account", follow_redirects=False).status_code == 303
    with session_scope(app.state.sessions) as db:
        assert db.scalars(select(WebSession).where(WebSession.user_id.is_not(None))).all() == []


@pytest.mark.parametrize("age", ["idle", "old"])
def test_session_expires_idle_and_at_most_after_seven_days(site, age):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    assert client.get("/account").status_code == 200
    with session_scope(app.state.sessions) as db:
        row = db.scalar(select(WebSession).where(WebSession.user_id.is_not(None)))
        now = dt.datetime.now(dt.UTC)
        if age == "idle":
            row.last_seen = now - SESSION_IDLE - dt.timedelta(minutes=1)
        else:
            row.expires_at = now - dt.timedelta(seconds=1)
    r = client.get("/account", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


# --- CSRF ------------------------------------------------------------------------------------

POST_ROUTES = [
    "/logout",
    "/account/password",
    "/admin/users/invite",
    "/admin/users/1/deactivate",
    "/clusters/auto-mi/actors/new",
    "/account/organisation",
]


@pytest.mark.parametrize("route", POST_ROUTES)
@pytest.mark.parametrize("token", [None, "wrong"])
def test_every_post_needs_the_session_csrf_token(site, route, token):
    app, client = site
    email = "gm@obs.dz" if route == "/account/organisation" else "admin@obs.dz"
    signed_in(client, email)
    data = {"name_fr": "X", "sphere": "enterprise", "email": "n@obs.dz", "display_name": "N"}
    if token:
        data["csrf_token"] = token
    r = client.post(route, data=data, follow_redirects=False)
    assert r.status_code == 403 and "Form expired" in r.text
    with session_scope(app.state.sessions) as db:
        assert db.scalar(select(Invitation).where(Invitation.email == "n@obs.dz")) is None
        assert db.scalar(select(User).where(User.id == 1)).active


def _routes(routes):
    from fastapi.routing import APIRoute

    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # FastAPI >= 0.165 includes routers lazily
            yield from _routes(route.original_router.routes)


def _page_routes(app, methods=frozenset({"POST", "PUT", "PATCH", "DELETE"})):
    for route in _routes(app.routes):
        if route.endpoint.__module__.startswith("grappe.web."):
            for method in sorted(route.methods & methods):
                yield method, re.sub(r"\{[^}]+\}", "1", route.path)


def test_every_unsafe_page_route_is_guarded(site):
    """Whatever page route is added (by any view module mounted by install_pages), an unsafe
    request without the session's token is refused before the route runs."""
    app, client = site
    signed_in(client, "admin@obs.dz")
    routes = list(_page_routes(app))
    assert ("POST", "/clusters/1/actors/new") in routes and len(routes) >= len(POST_ROUTES)
    for method, path in routes:
        r = client.request(method, path, data={"x": "1"}, follow_redirects=False)
        assert r.status_code == 403 and "Form expired" in r.text, (method, path)
        r = client.request(method, path, headers={"X-CSRF-Token": "nope"}, follow_redirects=False)
        assert r.status_code == 403, (method, path)


def test_the_token_may_come_in_a_header(site):
    _, client = site
    signed_in(client, "admin@obs.dz")
    csrf = _csrf(client.get("/account").text)
    r = client.post("/logout", headers={"X-CSRF-Token": csrf}, follow_redirects=False)
    assert r.status_code == 303


@pytest.mark.parametrize("route", ["/login", "/invite/whatever"])
def test_anonymous_forms_need_their_pre_session_token(site, route):
    _, client = site
    r = client.post(route, data={"email": "admin@obs.dz", "password": PASSWORD})
    assert r.status_code == 403
    client.get("/login")  # a pre-session exists, but the token of another one is refused
    r = client.post(route, data={"email": "admin@obs.dz", "password": PASSWORD,
                                 "csrf_token": "0" * 64})  # fmt: skip
    assert r.status_code == 403


def test_login_csrf_token_of_another_session_is_refused(site):
    app, client = site
    other = client.get("/login").text
    client.cookies.clear()
    client.get("/login")
    r = client.post("/login", data={"email": "admin@obs.dz", "password": PASSWORD,
                                    "csrf_token": _csrf(other)})  # fmt: skip
    assert r.status_code == 403


# --- invitations -----------------------------------------------------------------------------


def _invitation(app, email="new@obs.dz", role="manager", **kw):
    with session_scope(app.state.sessions) as db:
        return invite(
            db,
            "test",
            email=email,
            role=role,
            display_name="New",
            clusters=kw.get("clusters", ["auto-mi"]),
            actor=kw.get("actor"),
        )[1]


def test_invitation_sets_a_password_signs_in_and_is_single_use(site):
    app, client = site
    token = _invitation(app)
    page = client.get(f"/invite/{token}")
    assert page.status_code == 200 and "new@obs.dz" in page.text
    r = client.post(f"/invite/{token}", data={"password": PASSWORD, "confirm": PASSWORD,
                                              "csrf_token": _csrf(page.text)},
                    follow_redirects=False)  # fmt: skip
    assert r.status_code == 303 and r.headers["location"] == "/account"
    assert "Cluster manager" in client.get("/account?lang=en").text
    used = client.get(f"/invite/{token}")
    assert used.status_code == 410 and "already used" in used.text


@pytest.mark.parametrize(
    ("password", "confirm", "message"),
    [
        ("short", "short", "At least 12 characters."),
        ("eleven char", "eleven char", "At least 12 characters."),
        ("long enough password", "another password!!", "The two passwords differ."),
    ],
)
def test_invitation_password_rules(site, password, confirm, message):
    app, client = site
    token = _invitation(app)
    page = client.get(f"/invite/{token}")
    r = client.post(f"/invite/{token}", data={"password": password, "confirm": confirm,
                                              "csrf_token": _csrf(page.text)})  # fmt: skip
    assert r.status_code == 400 and message in r.text
    assert 'aria-describedby="e-' in r.text


def test_password_may_not_be_the_email(site):
    app, client = site
    token = _invitation(app, email="long.address@obs.dz")
    page = client.get(f"/invite/{token}")
    r = client.post(f"/invite/{token}", data={"password": "Long.Address@obs.dz",
                                              "confirm": "Long.Address@obs.dz",
                                              "csrf_token": _csrf(page.text)})  # fmt: skip
    assert r.status_code == 400 and "must not be your email address" in r.text


def test_invitation_expired_or_unknown(site):
    app, client = site
    token = _invitation(app)
    with session_scope(app.state.sessions) as db:
        row = db.scalar(select(Invitation).where(Invitation.email == "new@obs.dz"))
        row.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    r = client.get(f"/invite/{token}")
    assert r.status_code == 410 and "expired" in r.text
    r = client.get("/invite/not-a-token")
    assert r.status_code == 404 and "not valid" in r.text
    page = client.get("/login")
    r = client.post(f"/invite/{token}", data={"password": PASSWORD, "confirm": PASSWORD,
                                              "csrf_token": _csrf(page.text)})  # fmt: skip
    assert r.status_code == 410


def test_registry_refuses_bad_invitations(site):
    from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
    from grappe.registry.permissions import Access

    app, _ = site
    with session_scope(app.state.sessions) as db:
        with pytest.raises(InvalidParameterError, match="already has an account"):
            invite(db, "t", email="MGR@obs.dz", role="analyst", display_name="M")
        with pytest.raises(InvalidParameterError, match="must be an email address"):
            invite(db, "t", email="nobody", role="analyst", display_name="M")
        with pytest.raises(NotFoundError, match="No cluster 'zz'"):
            invite(db, "t", email="a@b.dz", role="manager", display_name="M", clusters=["zz"])
        with pytest.raises(InvalidParameterError, match="actor a member represents"):
            invite(db, "t", email="a@b.dz", role="member", display_name="M")
        with pytest.raises(NotFoundError, match="No actor 'ZZ'"):
            invite(db, "t", email="a@b.dz", role="member", display_name="M", actor="ZZ")
        manager = Access("mgr@obs.dz", "manager", frozenset({"auto-mi"}))
        with pytest.raises(PermissionDeniedError, match="cannot create member_user"):
            invite(db, manager, email="a@b.dz", role="member", display_name="M", actor="DOW")
        with pytest.raises(PermissionDeniedError, match="cannot create user"):
            invite(db, manager, email="a@b.dz", role="analyst", display_name="M")
    with session_scope(app.state.sessions) as db:
        _, token = invite(db, "t", email="a@b.dz", role="analyst", display_name="A")
        with pytest.raises(InvalidParameterError, match="at least 12 characters"):
            accept_invitation(db, token, "short")
        with pytest.raises(NotFoundError, match="No invitation"):
            accept_invitation(db, "nope", PASSWORD)


# --- roles -----------------------------------------------------------------------------------

GET_ROUTES = ["/account", "/admin/users", "/clusters/auto-mi/actors/new", "/account/organisation"]


@pytest.mark.parametrize("route", GET_ROUTES)
def test_anonymous_visitors_are_sent_to_login(site, route):
    _, client = site
    r = client.get(route, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize(
    ("email", "route", "status"),
    [
        ("gm@obs.dz", "/admin/users", 403),
        ("mgr@obs.dz", "/admin/users", 200),
        ("admin@obs.dz", "/admin/users", 200),
        ("mgr@obs.dz", "/clusters/auto-mi/actors/new", 200),
        ("mgr@obs.dz", "/clusters/chem-oh/actors/new", 403),
        ("gm@obs.dz", "/clusters/auto-mi/actors/new", 403),
        ("admin@obs.dz", "/clusters/chem-oh/actors/new", 200),
        ("mgr@obs.dz", "/account/organisation", 403),
        ("gm@obs.dz", "/account/organisation", 200),
    ],
)
def test_roles_of_each_page(site, email, route, status):
    _, client = site
    signed_in(client, email)
    assert client.get(route).status_code == status


def test_manager_of_another_cluster_cannot_post_its_form(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    csrf = _csrf(client.get("/account").text)
    r = client.post(
        "/clusters/chem-oh/actors/new",
        data={"name_fr": "Intrus", "sphere": "enterprise", "csrf_token": csrf},
    )
    assert r.status_code == 403
    with session_scope(app.state.sessions) as db:
        assert db.scalar(select(Actor).where(Actor.name == "Intrus")) is None


def test_manager_invites_members_of_his_clusters_only(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    page = client.get("/admin/users")
    assert 'value="GM"' in page.text and 'value="DOW"' not in page.text
    csrf = _csrf(page.text)
    data = {"email": "um@obs.dz", "display_name": "UM", "role": "member", "actor": "UM",
            "csrf_token": csrf}  # fmt: skip
    r = client.post("/admin/users/invite", data=data)
    assert r.status_code == 200 and "/invite/" in r.text
    bad = {**data, "email": "dow@obs.dz", "actor": "DOW"}
    assert client.post("/admin/users/invite", data=bad).status_code == 403
    bad = {**data, "email": "boss@obs.dz", "role": "admin"}
    assert client.post("/admin/users/invite", data=bad).status_code == 403
    r = client.post("/admin/users/1/deactivate", data={"csrf_token": csrf})
    assert r.status_code == 403


def test_admin_invites_and_deactivates(site):
    app, client = site
    signed_in(client, "admin@obs.dz")
    csrf = _csrf(client.get("/admin/users").text)
    r = client.post(
        "/admin/users/invite",
        data={"email": "not-an-email", "display_name": "X", "role": "analyst", "csrf_token": csrf},
    )
    assert r.status_code == 400 and 'id="e-email"' in r.text and "Enter an email address" in r.text
    r = client.post(
        "/admin/users/invite",
        data={"email": "mgr@obs.dz", "display_name": "X", "role": "analyst", "csrf_token": csrf},
    )
    assert r.status_code == 400 and "already has an account" in r.text
    link = re.search(
        r'id="invitation-link" href="([^"]+)"',
        client.post(
            "/admin/users/invite",
            data={
                "email": "ana@obs.dz",
                "display_name": "Ana",
                "role": "analyst",
                "csrf_token": csrf,
            },
        ).text,
    ).group(1)
    assert link.startswith("http://testserver/invite/")
    with session_scope(app.state.sessions) as db:
        gm = db.scalar(select(User).where(User.email == "gm@obs.dz")).id
    r = client.post(
        f"/admin/users/{gm}/deactivate", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert r.status_code == 303
    assert _sign_in(client, "gm@obs.dz").status_code == 400
    with session_scope(app.state.sessions) as db:
        entry = db.scalar(
            select(AuditEntry).where(AuditEntry.resource == "user", AuditEntry.action == "update")
        )
        assert (entry.who, entry.role, entry.after) == ("admin@obs.dz", "admin", {"active": False})


def test_a_deactivated_user_invited_again_is_the_same_user(site):
    app, client = site
    with session_scope(app.state.sessions) as db:
        gm = db.scalar(select(User).where(User.email == "gm@obs.dz"))
        gm.active, gm_id = False, gm.id
    token = _invitation(app, email="gm@obs.dz", role="member", actor="GM")
    with session_scope(app.state.sessions) as db:
        user = accept_invitation(db, token, "a second password")
        assert (user.id, user.active, user.actor_id) == (gm_id, True, "GM")
    assert _sign_in(client, "gm@obs.dz", "a second password").status_code == 303


def test_change_password_rotates_the_session(site):
    _, client = site
    signed_in(client, "mgr@obs.dz")
    before = client.cookies.get("grappe_session")
    csrf = _csrf(client.get("/account").text)
    r = client.post(
        "/account/password",
        data={"current": "nope nope nope", "password": "x", "confirm": "x", "csrf_token": csrf},
    )
    assert r.status_code == 400 and "At least 12 characters." in r.text
    r = client.post("/account/password", data={"current": "nope nope nope",
                                               "password": "a brand new password",
                                               "confirm": "a brand new password",
                                               "csrf_token": csrf})  # fmt: skip
    assert r.status_code == 400 and "This is not your current password." in r.text
    r = client.post(
        "/account/password",
        data={
            "current": PASSWORD,
            "password": "a brand new password",
            "confirm": "a brand new password",
            "csrf_token": csrf,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and client.cookies.get("grappe_session") != before
    client.cookies.clear()
    assert _sign_in(client, "mgr@obs.dz", "a brand new password").status_code == 303


# --- the actor form --------------------------------------------------------------------------


def _actor_form(client, cluster="auto-mi", lang="en", **values):
    csrf = _csrf(client.get(f"/clusters/{cluster}/actors/new").text)
    return client.post(
        f"/clusters/{cluster}/actors/new?lang={lang}",
        data={**values, "csrf_token": csrf},
        follow_redirects=False,
    )


def test_record_an_actor_from_the_profile(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    profile = client.get("/clusters/auto-mi?lang=en")
    assert 'href="/clusters/auto-mi/actors/new"' in profile.text
    assert 'href="/clusters/chem-oh/actors/new"' not in client.get("/clusters/chem-oh").text
    r = _actor_form(client, name_fr="Dinanderie Bey", name_ar="نحاسيات الباي",
                    sphere="enterprise", level="local", wilaya="Constantine",
                    commune="Constantine", lat="36.365", lon="6.6147", contact="+213 31 00 00",
                    joined="2024-03-01")  # fmt: skip
    assert r.status_code == 303 and r.headers["location"] == "/clusters/auto-mi"
    assert "Dinanderie Bey" in client.get("/clusters/auto-mi?lang=fr").text
    with session_scope(app.state.sessions) as db:
        actor = db.get(Actor, "dinanderie-bey")
        assert (actor.sphere, actor.level, actor.attributes["lat"]) == (
            "enterprise",
            "local",
            36.365,
        )
        assert db.get(Membership, ("auto-mi", "dinanderie-bey")) is not None
        entries = db.scalars(
            select(AuditEntry).where(AuditEntry.resource_id.contains("dinanderie-bey"))
        ).all()
        assert {(e.resource, e.who, e.role) for e in entries} == {
            ("actor", "mgr@obs.dz", "manager"), ("membership", "mgr@obs.dz", "manager"),
            ("member_event", "mgr@obs.dz", "manager"),
        }  # fmt: skip


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"sphere": "enterprise"}, "name_fr", "Give the name in at least one language."),
        ({"name_fr": "A"}, "sphere", "Choose a sphere from the list."),
        ({"name_fr": "A", "sphere": "banana"}, "sphere", "Choose a sphere from the list."),
        (
            {"name_fr": "A", "sphere": "enterprise", "level": "galactic"},
            "level",
            "Choose a level from the list.",
        ),
        (
            {"name_fr": "A", "sphere": "enterprise", "lat": "95", "lon": "6"},
            "lat",
            "Latitude: a number between -90 and 90",
        ),
        (
            {"name_fr": "A", "sphere": "enterprise", "lat": "36"},
            "lon",
            "Longitude: a number between -180 and 180",
        ),
        (
            {"name_fr": "A", "sphere": "enterprise", "joined": "01/03/2024"},
            "joined",
            "Give the date as YYYY-MM-DD",
        ),
    ],
)
def test_actor_form_errors_next_to_the_field_nothing_stored(site, values, field, message):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    with session_scope(app.state.sessions) as db:
        before = len(db.scalars(select(Actor)).all()), len(db.scalars(select(AuditEntry)).all())
    r = _actor_form(client, **values)
    assert r.status_code == 400
    assert re.search(rf'id="f-{field}"[^>]*aria-describedby="e-{field}', r.text)
    assert re.search(rf'<p class="error" id="e-{field}">{re.escape(message)}', r.text)
    with session_scope(app.state.sessions) as db:
        after = len(db.scalars(select(Actor)).all()), len(db.scalars(select(AuditEntry)).all())
    assert after == before


def test_actor_form_errors_in_arabic(site):
    _, client = site
    signed_in(client, "mgr@obs.dz")
    r = _actor_form(client, lang="ar", name_fr="A")
    assert r.status_code == 400 and 'dir="rtl"' in r.text
    assert "اختر مجالا من القائمة." in r.text


def test_registry_check_entry_errors():
    from grappe.errors import DataValidationError, PermissionDeniedError
    from grappe.registry.actor_entries import check_entry
    from grappe.registry.permissions import Access

    _, issues = check_entry({"name_fr": "A", "sphere": "banana"})
    assert [(i.column, i.message) for i in issues] == [("sphere", "Unknown sphere 'banana'.")]
    _, issues = check_entry({"name_fr": "A", "sphere": "firm", "colour": "red"})
    assert [i.column for i in issues] == ["colour"]
    assert issubclass(DataValidationError, ValueError)
    assert issubclass(PermissionDeniedError, PermissionError)
    assert Access("m@x.dz", "member", actor="GM").describe() == "a member representing 'GM'"


# --- a member's organisation -----------------------------------------------------------------


def test_member_updates_his_organisation_only(site):
    app, client = site
    signed_in(client, "gm@obs.dz")
    page = client.get("/account/organisation")
    assert 'value="General Motors"' in page.text
    csrf = _csrf(page.text)
    r = client.post("/account/organisation", data={"name_fr": "", "lat": "x",
                                                   "csrf_token": csrf})  # fmt: skip
    assert r.status_code == 400 and "Give the name in at least one language." in r.text
    r = client.post("/account/organisation",
                    data={"name_en": "General Motors", "name_ar": "جنرال موتورز",
                          "wilaya": "Detroit", "contact": "gm@example.com", "csrf_token": csrf},
                    follow_redirects=False)  # fmt: skip
    assert r.status_code == 303, r.text[-3000:]
    with session_scope(app.state.sessions) as db:
        gm = db.get(Actor, "GM")
        assert gm.attributes["name_ar"] == "جنرال موتورز" and gm.sphere == "enterprise"
        entry = db.scalar(
            select(AuditEntry).where(
                AuditEntry.resource == "actor",
                AuditEntry.resource_id == "GM",
                AuditEntry.action == "update",
            )
        )
        assert (entry.who, entry.role) == ("gm@obs.dz", "member")


def test_member_rule_lives_in_permissions():
    from grappe.registry.permissions import Access, refusal

    member = Access("gm@obs.dz", "member", actor="GM")
    assert refusal(member, "update", "actor", "GM", actors={"GM"}) is None
    refused = refusal(member, "update", "actor", "DOW", scope={"chem-oh"}, actors={"DOW"})
    assert str(refused) == (
        "a member representing 'GM' cannot change actor 'DOW' — ask an admin or a manager of "
        "'chem-oh' or the member representing 'DOW'"
    )
    assert refusal(member, "create", "actor", "X", scope={"auto-mi"}) is not None
    assert refusal(member, "create", "tie", "X", scope={"auto-mi"}) is not None
    assert refusal(member, "create", "swot", "auto-mi", scope={"auto-mi"}) is not None


@pytest.mark.parametrize(
    "name", ["grappe.registry.users", "grappe.registry.actor_entries", "grappe.web.auth"]
)
def test_docstring_examples(name):
    import doctest
    import importlib

    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
