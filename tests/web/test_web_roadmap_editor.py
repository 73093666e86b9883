"""The workspace's roadmap editor (phase 3: mode, priority challenges, actions with milestones,
the timeline) and evaluations page (phase 4: a period evaluated on the stored KPIs, the label
status), through the in-process client on a copy of the toy registry (clusters auto-mi in
Michigan, chem-oh in Ohio; a copperware cluster in Algiers is added here)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from _accounts import _csrf, _user, post_form, signed_in, workspace_users
from grappe.registry import repositories as repo
from grappe.registry import session_scope
from grappe.registry.models import AuditEntry, Evaluation, Kpi
from grappe.registry.roadmaps import load_roadmap

ROADMAP = "/clusters/auto-mi/roadmap"
COPPER = "/clusters/cuivre-dz/roadmap"
EVALS = "/clusters/auto-mi/evaluations"
ACTION = {
    "phase": "plan",
    "title": "Export fair in Lyon",
    "owner": "GM",
    "partners": "UM\nCCI",
    "start": "2025-03-01",
    "end": "2025-09-30",
    "budget": "250000",
    "currency": "usd",
    "status": "ongoing",
    "m-new-name": "Stand booked",
    "m-new-date": "2025-04-15",
}


@pytest.fixture
def site(populated_app):
    app, client, tokens = populated_app
    with session_scope(app.state.sessions) as db:
        repo.create_cluster(
            db,
            {
                "id": "cuivre-dz",
                "name_en": "Copperware Algiers",
                "regions": ["DZ-16"],
                "published": True,
            },
            who="test",
        )
    workspace_users(app)
    _user(app, "cu@obs.dz", "manager", clusters=["cuivre-dz"])
    client.headers["Accept-Language"] = "en"
    return app, client, tokens


def _post(client, path, data, page=ROADMAP):
    return post_form(client, path, data, form_page=page)


def _roadmap(app, cluster="auto-mi"):
    with session_scope(app.state.sessions) as db:
        return load_roadmap(db, cluster)


def _audit(app, resource):
    with session_scope(app.state.sessions) as db:
        rows = db.scalars(
            select(AuditEntry).where(AuditEntry.resource == resource).order_by(AuditEntry.id)
        )
        return [(a.who, a.action, a.before, a.after) for a in rows]


def _error(html, prefix, field):
    found = re.search(rf'<p class="error" id="{prefix}-e-{field}">([^<]+)</p>', html)
    return found and found.group(1)


def test_an_action_is_added_corrected_and_reaches_the_profile_gantt(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    r = _post(
        client,
        f"{ROADMAP}/plan",
        {"mode": "top_down", "challenges": "Export to Europe\n\nTrain young craftsmen "},
    )
    assert r.status_code == 303 and r.headers["location"] == f"{ROADMAP}?saved=1"
    r = _post(client, f"{ROADMAP}/actions", ACTION)
    assert r.status_code == 303, r.text
    stored = _roadmap(app)
    assert stored.mode == "top_down"
    assert stored.challenges == ("Export to Europe", "Train young craftsmen")
    (action,) = stored.actions
    assert (action.id, action.currency, action.partners, action.budget) == (
        "A1",
        "USD",
        ("UM", "CCI"),
        250000.0,
    )
    assert [(m.name, m.done) for m in action.milestones] == [("Stand booked", False)]
    # tick the milestone done, add a second one, mark the action done: one correction
    data = {
        **ACTION,
        "action": "A1",
        "milestone_count": "1",
        "m-0-name": "Stand booked",
        "m-0-date": "2025-04-15",
        "m-0-done": "1",
        "m-new-name": "Fair held",
        "m-new-date": "2025-09-20",
        "m-new-done": "1",
        "status": "done",
    }
    assert _post(client, f"{ROADMAP}/actions/correct", data).status_code == 303
    action = _roadmap(app).actions[0]
    assert action.status == "done" and [m.done for m in action.milestones] == [True, True]
    # every save is audited with the user; the update keeps only what changed
    entries = _audit(app, "roadmap")
    assert [(who, what) for who, what, _, _ in entries][-3:] == [
        ("mgr@obs.dz", "create"),
        ("mgr@obs.dz", "update"),
        ("mgr@obs.dz", "update"),
    ]
    assert set(entries[-1][3]) == {"actions"}
    # the editor and the public profile draw the same timeline
    editor = client.get(ROADMAP).text
    assert 'class="gantt-svg"' in editor and "Export fair in Lyon" in editor
    client.cookies.clear()
    profile = client.get("/clusters/auto-mi").text
    assert 'class="gantt-bar status-done"' in profile and "Export fair in Lyon" in profile
    assert "<li><bdi>Export to Europe</bdi></li>" in profile  # the priority challenges
    # the milestone is removed, then the action deleted
    signed_in(client, "mgr@obs.dz")
    data = {
        **data,
        "m-1-name": "Fair held",
        "m-1-date": "2025-09-20",
        "m-1-done": "1",
        "milestone_count": "2",
        "m-1-remove": "1",
        "m-new-name": "",
        "m-new-date": "",
    }
    assert _post(client, f"{ROADMAP}/actions/correct", data).status_code == 303
    assert [m.name for m in _roadmap(app).actions[0].milestones] == ["Stand booked"]
    r = _post(client, f"{ROADMAP}/actions/delete", {"action": "A1"})
    assert r.status_code == 303 and _roadmap(app).actions == ()
    assert _post(client, f"{ROADMAP}/actions/delete", {"action": "A1"}).status_code == 404


def test_an_algerian_cluster_budgets_in_dzd_by_default_others_in_none(site):
    app, client, _ = site
    signed_in(client, "cu@obs.dz")
    page = client.get(COPPER).text
    assert re.search(r'id="new-currency" name="currency" type="text" value="DZD"', page)
    r = _post(
        client, f"{COPPER}/actions", {**ACTION, "currency": "", "owner": "Atelier Bey"}, page=COPPER
    )
    assert r.status_code == 303, r.text
    assert _roadmap(app, "cuivre-dz").actions[0].currency == "DZD"
    signed_in(client, "mgr@obs.dz")  # Michigan: no currency assumed, so a budget needs one
    assert re.search(
        r'id="new-currency" name="currency" type="text" value=""', client.get(ROADMAP).text
    )
    r = _post(client, f"{ROADMAP}/actions", {**ACTION, "currency": ""})
    assert r.status_code == 400
    assert _error(r.text, "new", "currency") == (
        "A budget needs its currency: an ISO 4217 code such as DZD, EUR or USD."
    )


#: (change to a valid action, field, message shown next to it): each refusal of the kernel and
#: of the form, in one test (one database) to keep the suite fast.
REFUSALS = [
    ({"end": "2025-02-01"}, "end", "The action ends before it starts: correct the dates."),
    ({"start": "2025-02-30"}, "start", "Write an existing date as YYYY-MM-DD, e.g. 2025-02-28."),
    ({"budget": "-5"}, "budget", "Give the budget as a number, 0 or more (e.g. 250000)."),
    ({"budget": "lots"}, "budget", "Give the budget as a number, 0 or more (e.g. 250000)."),
    (
        {"currency": "XYZ"},
        "currency",
        "This is not an ISO 4217 currency code: write e.g. DZD, EUR or USD.",
    ),
    ({"title": ""}, "title", "Fill in this field."),
    ({"title": "x" * 301}, "title", "This text is too long: shorten it."),
    ({"phase": "party"}, "phase", "Choose a value from the list."),
    (
        {"m-new-date": "2026-01-01"},
        "milestones",
        "A milestone falls outside the action's dates: move it or the dates.",
    ),
    ({"m-new-date": "soon"}, "milestones", "Give each milestone an existing date as YYYY-MM-DD."),
    ({"m-new-name": ""}, "milestones", "Give the milestone a name."),
    (
        {"m-new-done": "1", "status": "planned"},
        "status",
        "The action is planned but milestones are done: set the status to ongoing or done.",
    ),
    (
        {"status": "done"},
        "status",
        "The action is done but some milestones are not: tick them done, or set the status to "
        "ongoing.",
    ),
    ({"id": "A0"}, "id", "Another action already has this id: give each action its own."),
]


def test_each_refused_field_gets_its_message_and_nothing_is_stored(site):
    app, client, _ = site
    signed_in(client, "admin@obs.dz")
    assert _post(client, f"{ROADMAP}/actions", {**ACTION, "id": "A0"}).status_code == 303
    before, audited = _roadmap(app), len(_audit(app, "roadmap"))
    for change, field, message in REFUSALS:
        r = _post(client, f"{ROADMAP}/actions", {**ACTION, **change})
        assert r.status_code == 400, change
        assert _error(r.text, "new", field) == message.replace("'", "&#39;"), change
        assert "Nothing was stored" in r.text and "has-error" in r.text
        assert f'value="{change.get("title", ACTION["title"])}"' in r.text  # what was sent
    # a correction refused in the same way leaves the stored action as it was
    r = _post(client, f"{ROADMAP}/actions/correct", {**ACTION, "action": "A0", "end": "2020-01-01"})
    assert r.status_code == 400 and _error(r.text, "edit", "end")
    assert _roadmap(app) == before and len(_audit(app, "roadmap")) == audited
    r = _post(client, f"{ROADMAP}/actions/correct", {**ACTION, "action": "A9"})
    assert r.status_code == 404


def test_plan_errors_and_a_stale_status_warning_in_arabic(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    r = _post(client, f"{ROADMAP}/plan", {"mode": "sideways", "challenges": "A\nA"})
    assert r.status_code == 400 and _roadmap(app) is None
    assert _error(r.text, "plan", "mode") == "Choose bottom-up or top-down."
    assert _error(r.text, "plan", "challenges") == (
        "Each priority challenge once, please: one is repeated."
    )
    r = _post(client, f"{ROADMAP}/plan", {"mode": "bottom_up", "challenges": "x" * 301})
    assert _error(r.text, "plan", "challenges") == (
        "A priority challenge is too long: 300 characters at most."
    )
    # ended in 2024, every milestone done, still "ongoing": stored, with a warning by its status
    old = {
        **ACTION,
        "start": "2024-01-01",
        "end": "2024-06-30",
        "m-new-date": "2024-02-01",
        "m-new-done": "1",
    }
    assert _post(client, f"{ROADMAP}/actions", old).status_code == 303
    page = client.get(ROADMAP).text
    assert re.search(r'id="stale-1">The action is over and every milestone is done', page)
    assert 'id="edit-h"' not in page  # one correction form, when asked for
    page = client.get(f"{ROADMAP}?edit=A1").text
    assert _error(page, "edit", "status").startswith("The action is over and every milestone")
    client.headers["Accept-Language"] = "ar"
    page = client.get(f"{ROADMAP}?edit=A1").text
    assert 'dir="rtl"' in page and "خطة العمل" in page
    assert _error(page, "edit", "status").startswith("انتهى الإجراء")
    assert "The action is over" not in page
    r = _post(client, f"{ROADMAP}/actions", {**ACTION, "end": "2025-01-01"})
    assert r.status_code == 400 and "before it starts" not in r.text
    assert _error(r.text, "new", "end")


def test_rights_anonymous_csrf_and_other_clusters(site):
    app, client, _ = site
    client.cookies.clear()
    for path in (ROADMAP, EVALS):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login")
    for who in ("ana@obs.dz", "gm@obs.dz", "cu@obs.dz"):  # analyst, member, other manager
        signed_in(client, who)
        assert client.get(ROADMAP).status_code == 403
        assert client.get(EVALS).status_code == 403
    csrf = _csrf(client.get("/clusters/cuivre-dz/roadmap").text)
    r = client.post(f"{ROADMAP}/actions", data={"csrf_token": csrf, **ACTION})
    assert r.status_code == 403 and _roadmap(app) is None
    signed_in(client, "mgr@obs.dz")
    r = client.post(f"{ROADMAP}/actions", data={"csrf_token": "forged", **ACTION})
    assert r.status_code == 403 and _roadmap(app) is None
    assert client.get("/clusters/nowhere/roadmap").status_code == 404
    # the profile links the two pages for its manager only
    profile = client.get("/clusters/auto-mi").text
    assert f'href="{ROADMAP}"' in profile and f'href="{EVALS}"' in profile
    signed_in(client, "ana@obs.dz")
    assert f'href="{ROADMAP}"' not in client.get("/clusters/auto-mi").text


def _kpi(app, name, period, value, target=None):
    with session_scope(app.state.sessions) as db:
        db.add(
            Kpi(
                cluster_id="auto-mi",
                name=name,
                year=int(period[:4]),
                period=period,
                value=value,
                target=target,
            )
        )


def test_an_evaluation_compares_with_the_previous_period_and_records_the_label_status(site):
    app, client, _ = site
    with session_scope(app.state.sessions) as db:
        db.execute(Kpi.__table__.delete().where(Kpi.cluster_id == "auto-mi"))
    _kpi(app, "members", "2030", 40)
    _kpi(app, "members", "2031", 52, target=50)
    _kpi(app, "jobs", "2031", 900, target=1000)
    signed_in(client, "mgr@obs.dz")
    r = _post(
        client,
        EVALS,
        {
            "period": "2031",
            "date": "2032-01-15",
            "label_status": "awarded",
            "evaluator": "ESCA",
            "summary": "Bronze label",
        },
        page=EVALS,
    )
    assert r.status_code == 303, r.text
    with session_scope(app.state.sessions) as db:
        row = db.scalars(
            select(Evaluation)
            .where(Evaluation.cluster_id == "auto-mi")
            .order_by(Evaluation.id.desc())
        ).first()
        assert (row.period, row.label_status, row.score, row.evaluator) == (
            "2031",
            "awarded",
            50.0,
            "ESCA",
        )
        members = next(k for k in row.kpi_table if k["kpi"] == "members")
        assert (members["previous"], members["change"], members["met"]) == (40.0, 12.0, True)
        evaluation_id = row.id
    who, action, _, after = _audit(app, "evaluation")[-1]
    assert (who, action, after["label_status"]) == ("mgr@obs.dz", "create", "awarded")
    page = client.get(EVALS).text
    assert "Awarded" in page and "ESCA" in page
    client.headers["Accept-Language"] = "fr"
    assert "Attribué" in client.get(EVALS).text
    # refusals: a period without values, an impossible date, an unknown status; nothing stored
    for data, field, message in [
        ({"period": "2029", "date": "2032-01-15"}, "period", "Choose a period that has KPI"),
        ({"period": "2031", "date": "2032-02-30"}, "date", "Write an existing date"),
        (
            {"period": "2031", "date": "2032-01-15", "label_status": "gold"},
            "label_status",
            "Choose a label status",
        ),
        (
            {"period": "2031", "date": "2032-01-15", "evaluator": "x" * 201},
            "evaluator",
            "The evaluator&#39;s name",
        ),
    ]:
        client.headers["Accept-Language"] = "en"
        r = _post(client, EVALS, data, page=EVALS)
        assert r.status_code == 400
        found = re.search(rf'<p class="error" id="e-{field}">([^<]+)</p>', r.text)
        assert found and found.group(1).startswith(message)
    assert _audit(app, "evaluation")[-1][1] == "create"
    _kpi(app, "members", "2029", -3)  # the KPI page takes it; the evaluation's check does not
    r = _post(client, EVALS, {"period": "2031", "date": "2032-01-15"}, page=EVALS)
    assert r.status_code == 400 and "correct them on the KPI page" in r.text
    assert _audit(app, "evaluation")[-1][1] == "create"
    r = _post(client, f"{EVALS}/delete", {"evaluation": str(evaluation_id)}, page=EVALS)
    assert r.status_code == 303 and _audit(app, "evaluation")[-1][1] == "delete"
    assert _post(client, f"{EVALS}/delete", {"evaluation": "x"}, page=EVALS).status_code == 404
