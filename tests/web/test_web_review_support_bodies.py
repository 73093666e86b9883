"""Correcting a support body by people (package "review", issue 16's review): the API's
``PATCH /api/v1/support-bodies/{id}`` and the form linked from the wilaya page's data table, with
the roles of the registry's rules (admins and analysts), the audit, the errors in the page's
language and the CSRF guard."""

from __future__ import annotations

import re
import shutil

import pytest
from _dz_registry import make_dz_registry
from fastapi.testclient import TestClient
from sqlalchemy import select

from _accounts import _csrf, _user, signed_in
from grappe.registry import connect, ensure_token, session_scope
from grappe.registry.models import AuditEntry, SupportBody
from grappe.service import Settings, create_app
from grappe.service.testing import random_token

BODY = "anade__anade_branches:17"  # ANADE in Biskra (DZ-07), commune 0701, of the bundled table


@pytest.fixture(scope="module")
def dz_template(tmp_path_factory):
    """The Algerian registry with an API token per role and the page users (admin, analyst,
    manager), made once (passwords are slow to hash); each test works on a copy."""
    url = make_dz_registry(tmp_path_factory.mktemp("review-dz"))
    tokens = {role: random_token() for role in ("admin", "analyst", "manager")}
    sessions = connect(url)
    with session_scope(sessions) as session:
        for role, token in tokens.items():
            ensure_token(session, f"t-{role}", token, role=role)
    sessions.kw["bind"].dispose()  # the last connection closed: nothing left in a WAL file
    app = create_app(Settings(database_url=url, environment="test"))
    for role in ("admin", "analyst", "manager"):
        _user(app, f"{role}@obs.dz", role)
    app.state.sessions.kw["bind"].dispose()
    return url, {role: {"Authorization": f"Bearer {t}"} for role, t in tokens.items()}


@pytest.fixture
def site(dz_template, tmp_path):
    """A copy of the registry per test (corrections write), its app and client (English pages)
    and the API tokens' headers by role."""
    template, headers = dz_template
    shutil.copy(template.removeprefix("sqlite:///"), tmp_path / "dz.sqlite")
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'dz.sqlite'}",
                              environment="test"))  # fmt: skip
    with TestClient(app) as client:
        client.headers["Accept-Language"] = "en"
        yield app, client, headers
    app.state.sessions.kw["bind"].dispose()


def _stored(app, body_id=BODY) -> SupportBody:
    with app.state.sessions() as db:
        body = db.get(SupportBody, body_id)
        db.expunge(body)
        return body


def _url(body_id=BODY) -> str:
    return f"/api/v1/support-bodies/{body_id}"


# --- the API ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["admin", "analyst"])
def test_api_corrects_a_body_and_audits_it(site, role):
    app, client, headers = site
    before = _stored(app)
    answer = client.patch(_url(), json={"name": "ANADE Biskra (centre)", "lat": 34.851},
                          headers=headers[role])  # fmt: skip
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["name"], body["lat"], body["lon"]) == ("ANADE Biskra (centre)", 34.851, before.lon)
    stored = _stored(app)
    assert (stored.name, stored.lat, stored.wilaya_id) == ("ANADE Biskra (centre)", 34.851, "DZ-07")
    with app.state.sessions() as db:
        entry = db.scalars(
            select(AuditEntry).where(AuditEntry.resource == "support_bodies",
                                     AuditEntry.resource_id == BODY)
        ).one()  # fmt: skip
        assert entry.who == f"t-{role}"
        assert (
            entry.before["name"] == before.name and entry.after["name"] == "ANADE Biskra (centre)"
        )


def test_api_moves_a_body_to_another_wilaya(site):
    app, client, headers = site
    answer = client.patch(_url(), json={"wilaya_code": "DZ-51", "commune": None},
                          headers=headers["admin"])  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert answer.json()["wilaya_id"] == "DZ-51" and answer.json()["commune"] is None


def test_api_refuses_anonymous_callers_and_managers(site):
    app, client, headers = site
    anonymous = client.patch(_url(), json={"name": "x"})
    assert anonymous.status_code == 401
    manager = client.patch(_url(), json={"name": "x"}, headers=headers["manager"])
    assert manager.status_code == 403
    message = manager.json()["error"]["message"]
    assert f"cannot change support_body {BODY!r} (name) — ask an admin or an analyst" in message
    assert _stored(app).name != "x"


def test_api_answers_404_for_an_unknown_body(site):
    _, client, headers = site
    answer = client.patch(_url("anade:999999"), json={"name": "x"}, headers=headers["admin"])
    assert answer.status_code == 404
    assert "No support body with id 'anade:999999'" in answer.json()["error"]["message"]


@pytest.mark.parametrize(
    ("change", "code", "match"),
    [
        (
            {"lat": 95},
            "invalid_data",
            r"column 'lat': the latitude must be a number in \[-90, 90\]",
        ),
        ({"wilaya_code": 99}, "invalid_data", r"not registry regions: DZ-99"),
        ({"actor_type": " "}, "validation_error", r"actor_type"),
        ({"colour": "red"}, "validation_error", r"colour"),
        ({}, "invalid_parameter", r"must name fields among .*Got none instead"),
    ],
)
def test_api_refuses_bad_fields_with_a_422_naming_them(site, change, code, match):
    app, client, headers = site
    before = _stored(app)
    answer = client.patch(_url(), json=change, headers=headers["analyst"])
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == code
    assert re.search(match, error["message"] + str(error.get("details", ""))), error
    after = _stored(app)
    assert (after.lat, after.wilaya_id, after.actor_type) == (
        before.lat,
        before.wilaya_id,
        before.actor_type,
    )


# --- the wilaya page and its form ------------------------------------------------------------


def _form(client, lang="en"):
    return client.get(f"/support-bodies/{BODY}/correct?lang={lang}")


def test_the_wilaya_page_links_the_form_for_analysts_only(site):
    app, client, _ = site
    link = f'href="/support-bodies/{BODY.replace(":", "%3A")}/correct'
    assert link not in client.get("/regions/DZ-07").text  # anonymous
    signed_in(client, "manager@obs.dz")
    assert link not in client.get("/regions/DZ-07").text
    assert _form(client).status_code == 403
    signed_in(client, "analyst@obs.dz")
    assert link in client.get("/regions/DZ-07").text
    page = _form(client)
    assert page.status_code == 200
    assert 'name="lat"' in page.text and 'name="csrf_token"' in page.text
    assert f'value="{_stored(app).lat!r}"' in page.text


def test_anonymous_visitors_are_sent_to_sign_in(site):
    _, client, _ = site
    answer = client.get(f"/support-bodies/{BODY}/correct", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


def test_the_form_corrects_the_body_and_says_so(site):
    app, client, _ = site
    signed_in(client, "analyst@obs.dz")
    csrf = _csrf(_form(client).text)
    values = {"actor_type": "anade", "name": "ANADE Biskra", "lat": "34,86", "lon": "5.73",
              "wilaya_code": "7", "commune": "0701", "csrf_token": csrf}  # fmt: skip
    answer = client.post(f"/support-bodies/{BODY}/correct", data=values, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/regions/DZ-07?saved=1"
    stored = _stored(app)
    assert (stored.name, stored.lat, stored.lon, stored.commune) == ("ANADE Biskra", 34.86, 5.73,
                                                                     "0701")  # fmt: skip
    assert "The support body was corrected." in client.get(answer.headers["location"]).text
    with app.state.sessions() as db:
        entry = db.scalars(select(AuditEntry).where(AuditEntry.resource_id == BODY)).one()
        assert entry.who == "analyst@obs.dz"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Latitude: a number between -90 and 90."),
        ("fr", "Latitude : un nombre entre -90 et 90."),
        ("ar", "خط العرض: عدد بين -90 و90."),
    ],
)
def test_a_bad_value_is_shown_next_to_its_field_in_the_users_language(site, lang, message):
    app, client, _ = site
    before = _stored(app)
    signed_in(client, "admin@obs.dz")
    page = _form(client, lang)
    assert page.status_code == 200
    values = {"actor_type": "anade", "name": "x", "lat": "north", "lon": "190",
              "wilaya_code": "7", "csrf_token": _csrf(page.text)}  # fmt: skip
    answer = client.post(f"/support-bodies/{BODY}/correct?lang={lang}", data=values)
    assert answer.status_code == 400
    lat_error = re.search(r'<p class="error" id="e-lat">([^<]*)</p>', answer.text)
    assert lat_error is not None and lat_error.group(1) == message
    assert 'id="e-lon"' in answer.text and 'id="e-wilaya_code"' not in answer.text
    if lang == "ar":
        assert 'dir="rtl"' in answer.text and "Latitude" not in lat_error.group(1)
    assert _stored(app).name == before.name  # nothing changed


def test_a_wilaya_the_registry_lacks_is_shown_next_to_the_wilaya(site):
    app, client, _ = site
    signed_in(client, "analyst@obs.dz")
    csrf = _csrf(_form(client, "fr").text)
    answer = client.post(f"/support-bodies/{BODY}/correct?lang=fr",
                         data={"wilaya_code": "99", "csrf_token": csrf})  # fmt: skip
    assert answer.status_code == 400
    assert "(1 à 69).</p>" in answer.text and 'id="e-wilaya_code"' in answer.text
    assert _stored(app).wilaya_id == "DZ-07"


def test_a_post_without_the_csrf_token_is_refused(site):
    app, client, _ = site
    signed_in(client, "admin@obs.dz")
    answer = client.post(f"/support-bodies/{BODY}/correct", data={"name": "forged"},
                         follow_redirects=False)  # fmt: skip
    assert answer.status_code == 403
    assert _stored(app).name != "forged"


def test_a_manager_cannot_post_the_form(site):
    app, client, _ = site
    signed_in(client, "manager@obs.dz")
    csrf = _csrf(client.get("/account").text)
    answer = client.post(f"/support-bodies/{BODY}/correct",
                         data={"name": "by a manager", "csrf_token": csrf})  # fmt: skip
    assert answer.status_code == 403
    assert _stored(app).name != "by a manager"


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_form_and_the_page_have_no_english_left(site, lang):
    from _i18n_scan import catalogue_msgids, english_left

    _, client, _ = site
    signed_in(client, "analyst@obs.dz")
    msgids = catalogue_msgids(lang)
    for url in (f"/support-bodies/{BODY}/correct?lang={lang}", f"/regions/DZ-07?lang={lang}"):
        response = client.get(url)
        assert response.status_code == 200
        assert english_left(response.text, lang, msgids=msgids) == [], url
