"""The workspace's questionnaire pages (phase 2): the questionnaires answered in forms by the
cluster's manager and by members for their own actor, the pooled score stored as a version,
and the life-cycle stage; through the in-process client on a copy of the toy registry
(auto-mi has the member actors GM and UM, chem-oh has DOW)."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from _accounts import _csrf, _user, post_form, signed_in, workspace_site
from grappe.registry import session_scope
from grappe.registry.assessments import list_assessments
from grappe.registry.models import AnswerSet, AuditEntry, Cluster
from grappe.web.views._common import stage_names

LIST = "/clusters/auto-mi/questionnaires"
DIAMOND = f"{LIST}/diamond"

#: A complete diamond answer set (D-C1 is optional and left out).
FULL = {"D-F1": "4", "D-F2": "3", "D-F3": "yes", "D-D1": "3", "D-D2": "40", "D-R1": "4",
        "D-R2": "some", "D-S1": "2", "D-S2": "3", "D-G1": "5"}  # fmt: skip


@pytest.fixture
def site(populated_app):
    app, _, _ = workspace_site(populated_app)
    _user(app, "um@obs.dz", "member", actor="UM")
    _user(app, "dow@obs.dz", "member", actor="DOW")
    return populated_app


def _post(client, path, **values):
    return post_form(client, path, values)


def _answer(client, path=DIAMOND, **values):
    return _post(client, path, **values)


def _score(client, name="diamond"):
    return post_form(client, f"{LIST}/{name}/score", form_page=f"{LIST}/{name}")


def _sets(app):
    with session_scope(app.state.sessions) as db:
        rows = db.scalars(select(AnswerSet).order_by(AnswerSet.id))
        return [(a.questionnaire, a.respondent, dict(a.answers), a.notes, a.created_by)
                for a in rows]  # fmt: skip


def _audit(app, resource):
    with session_scope(app.state.sessions) as db:
        rows = db.scalars(select(AuditEntry).where(AuditEntry.resource == resource)
                          .order_by(AuditEntry.id))  # fmt: skip
        return [(a.who, a.action, a.resource_id, a.before, a.after) for a in rows]


def _error_of(html, field):
    found = re.search(rf'<p class="error" id="e-{re.escape(field)}">([^<]+)</p>', html)
    return found and found.group(1)


def test_members_and_manager_answer_and_the_score_pools_their_latest_sets(site):
    app, client, _ = site
    # GM answers twice: his second set replaces the first in the pooling
    signed_in(client, "gm@obs.dz")
    first = {**FULL, "D-F1": "1", "D-F2": "1", "D-F3": "no", "D-D2": "0"}
    assert _answer(client, **first).status_code == 303
    second = {**FULL, "D-F1": "5", "D-F2": "2", "D-F3": "no", "D-D2": "60",
              "note-D-F1": "Our welders come from the Setif school"}  # fmt: skip
    assert _answer(client, **second).headers["location"] == f"{DIAMOND}?saved=1"
    signed_in(client, "um@obs.dz")
    third = {**FULL, "D-F1": "3", "D-F2": "4", "D-F3": "yes", "D-D2": "10"}
    assert _answer(client, **third).status_code == 303
    signed_in(client, "mgr@obs.dz")
    own = {**FULL, "D-F1": "4", "D-F2": "3", "D-F3": "yes", "D-D2": "40",
           "note-D-F3": "Technical institute opened in 2023"}  # fmt: skip
    assert _answer(client, **own).status_code == 303
    stored = _sets(app)
    assert [(q, r, who) for q, r, _, _, who in stored] == [
        ("diamond", "actor:GM", "gm@obs.dz"), ("diamond", "actor:GM", "gm@obs.dz"),
        ("diamond", "actor:UM", "um@obs.dz"), ("diamond", "cluster", "mgr@obs.dz"),
    ]  # fmt: skip
    assert stored[1][2]["D-F3"] is False and stored[1][3] == {
        "D-F1": "Our welders come from the Setif school"}  # fmt: skip
    assert [a[1] for a in _audit(app, "answers")] == ["create"] * 4

    assert _score(client).headers["location"] == f"{DIAMOND}?scored=1"
    with session_scope(app.state.sessions) as db:
        version = list_assessments(db, "auto-mi", kind="diamond")[-1]
    assert version.inputs["respondents"] == 3 and version.answers_id is None
    points = {e.name: (e.value, e.points) for s in version.result.scores.values()
              for e in s.evidence}  # fmt: skip
    # by hand: D-F1 (5, 3, 4) → 4; D-F2 (2, 4, 3) → 3; D-F3 no, yes, yes → (1 + 5 + 5) / 3;
    # D-D2 60, 10, 40 % with cuts 5|15|30|50 → (5 + 2 + 4) / 3
    assert points["D-F1"] == ("3 | 4 | 5", pytest.approx(4.0))
    assert points["D-F2"][1] == pytest.approx(3.0)
    assert points["D-F3"] == ("no | yes | yes", pytest.approx(11 / 3))
    assert points["D-D2"] == ("10 | 40 | 60", pytest.approx(11 / 3))
    factor = version.result.scores["factor_conditions"]
    assert [e.name for e in factor.evidence] == ["D-F1", "D-F2", "D-F3"]  # no indicator here
    assert factor.value == pytest.approx((4 + 3 + 11 / 3) / 3)
    assert [a[1:3] for a in _audit(app, "assessment")][0] == ("create", str(version.id))

    page = client.get(f"{DIAMOND}?scored=1").text
    assert "Scored and stored." in page and "Answer sets pooled: 3 (of which members: 2)" in page
    assert "Our welders come from the Setif school" in page
    assert "Technical institute opened in 2023" in page
    for name in ("gm@obs.dz", "um@obs.dz", "actor:GM", "General Motors"):
        assert name not in page
    listing = client.get(LIST).text
    assert "Members who answered: 2" in listing and "mean score" in listing
    # the profile's assessments section (and so the SWOT draft) uses the stored version
    radar = re.search(r'id="diamond-radar-data">([^<]+)<', client.get("/clusters/auto-mi").text)
    assert radar and json.loads(radar.group(1))["values"][0] == pytest.approx(factor.value)


def test_refused_answers_are_shown_next_to_their_field_and_nothing_is_stored(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    bad = {**FULL, "D-F1": "", "D-D2": "150", "D-R2": "lots", "D-S1": "7",
           "note-D-G1": "x" * 2001}  # fmt: skip
    r = _answer(client, **bad)
    assert r.status_code == 400 and "Nothing was stored" in r.text
    assert _error_of(r.text, "D-F1") == "Answer this question."
    assert _error_of(r.text, "D-D2") == "Give a number between 0 and 100."
    assert _error_of(r.text, "D-R2") == "Choose one of the answers."
    assert _error_of(r.text, "D-S1") == "Choose a value from 1 to 5."
    assert _error_of(r.text, "note-D-G1") == (
        "The evidence text is too long: 2,000 characters at most.")  # fmt: skip
    assert 'value="150"' in r.text  # what was sent is shown again
    assert _sets(app) == [] and _audit(app, "answers") == []
    # scoring before anybody answered is refused with its message, nothing stored
    r = _score(client)
    assert r.status_code == 400 and "Nobody answered this questionnaire yet" in r.text
    assert _audit(app, "assessment") == []


def test_rights_of_members_managers_and_visitors(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    assert _answer(client, **FULL, **{"note-D-F1": "a manager's note"}).status_code == 303
    # a member of another cluster's actor, and the manager of another cluster: 403, nothing kept
    for email in ("dow@obs.dz", "other@obs.dz"):
        signed_in(client, email)
        assert client.get(DIAMOND).status_code == 403 and client.get(LIST).status_code == 403
        csrf = _csrf(client.get("/account").text)
        r = client.post(DIAMOND, data={"csrf_token": csrf, **FULL}, follow_redirects=False)
        assert r.status_code == 403
    assert len(_sets(app)) == 1
    # DOW's member answers for his own cluster, linked from his account page (only that one)
    signed_in(client, "dow@obs.dz")
    account = client.get("/account").text
    assert 'href="/clusters/chem-oh/questionnaires"' in account
    assert "/clusters/auto-mi/questionnaires" not in account
    danish = {"DK-S1": "3", "DK-C1": "4", "DK-C2": "2", "DK-P1": "3", "DK-H1": "4"}
    assert _answer(client, "/clusters/chem-oh/questionnaires/danish", **danish).status_code == 303
    # a member sees his own set only, cannot score nor set the stage
    signed_in(client, "gm@obs.dz")
    page = client.get(DIAMOND).text
    assert "a manager&#39;s note" not in page
    assert re.findall(r'value="([^"]*)" checked', page) == [""]  # only D-C1's "No answer"
    assert "Score the pooled answers" not in page and "Members who answered" not in page
    csrf = _csrf(page)
    assert client.post(f"{DIAMOND}/score", data={"csrf_token": csrf}).status_code == 403
    r = client.post("/clusters/auto-mi/stage", data={"csrf_token": csrf, "stage": "decline"})
    assert r.status_code == 403
    assert _audit(app, "assessment") == [] and _stage(app) == "growth"
    # no CSRF token: refused before the route runs
    assert client.post(DIAMOND, data=FULL).status_code == 403
    assert len(_sets(app)) == 2
    client.cookies.clear()
    for path in (LIST, DIAMOND):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login")
    signed_in(client, "admin@obs.dz")
    assert client.get(f"{LIST}/unknown").status_code == 404
    assert client.get("/clusters/nowhere/questionnaires").status_code == 404
    assert _score(client, "management").status_code == 404  # its answers are not scored


def _stage(app):
    with session_scope(app.state.sessions) as db:
        return db.get(Cluster, "auto-mi").stage


def test_the_stage_is_set_with_the_kernels_suggestion_shown(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    assert "No suggestion yet" in client.get(LIST).text
    assert _answer(client, **FULL).status_code == 303 and _score(client).status_code == 303
    with session_scope(app.state.sessions) as db:
        life = list_assessments(db, "auto-mi", kind="lifecycle")[-1].result.stage
    listing = client.get(LIST).text
    suggested = re.search(r"Suggested by the indicators \(scored on [^)]+\): (\w+)", listing)
    assert suggested and suggested.group(1) == stage_names("en")[life]
    csrf = _csrf(listing)
    r = client.post("/clusters/auto-mi/stage", data={"csrf_token": csrf, "stage": "adolescence"})
    assert r.status_code == 400 and _error_of(r.text, "stage") == "Choose a stage from the list."
    assert _stage(app) == "growth"
    r = client.post("/clusters/auto-mi/stage", data={"csrf_token": csrf, "stage": "maturity"},
                    follow_redirects=False)  # fmt: skip
    assert r.headers["location"] == f"{LIST}?saved=1" and _stage(app) == "maturity"
    who, action, key, before, after = _audit(app, "cluster")[-1]
    assert (who, action, key, before, after) == (
        "mgr@obs.dz", "update", "auto-mi", {"stage": "growth"}, {"stage": "maturity"})  # fmt: skip
    # the profile links to the page for those who may answer
    assert f'href="{LIST}"' in client.get("/clusters/auto-mi").text


def test_arabic_page_with_the_questionnaires_texts_and_errors(site):
    _, client, _ = site
    signed_in(client, "mgr@obs.dz")
    client.headers["Accept-Language"] = "ar"
    page = client.get(DIAMOND)
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    assert "اليد العاملة المؤهلة التي يحتاجها العنقود متوفرة في المنطقة." in page.text
    assert "ماسة بورتر" in page.text and "كثيرة" in page.text  # title and a choice
    r = _answer(client, **{**FULL, "D-D2": "150"})
    assert r.status_code == 400
    error = _error_of(r.text, "D-D2")
    assert error and "Give a number" not in error and "100" in error  # Latin digits
    listing = client.get(LIST).text
    assert 'dir="rtl"' in listing and "Questionnaires" not in listing
