"""The workspace's KPI page (phase 4: values by period) and SWOT page (phase 2: drafted from the
stored data, then edited), through the in-process client on a copy of the toy registry
(clusters auto-mi, chem-oh); the assessment answers are the real fixture files."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from _accounts import _csrf, post_form, signed_in, workspace_site
from grappe.registry import session_scope
from grappe.registry.models import AuditEntry, Cluster, Kpi, SwotRow
from grappe.vocabulary import PROFILE_SECTIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "assess"
KPIS = "/clusters/auto-mi/kpis"
SWOT = "/clusters/auto-mi/swot"


@pytest.fixture
def site(populated_app):
    return workspace_site(populated_app)


def _kpis(app, cluster="auto-mi"):
    with session_scope(app.state.sessions) as db:
        rows = db.scalars(select(Kpi).where(Kpi.cluster_id == cluster).order_by(Kpi.id))
        return [(k.name, k.period, k.year, k.value, k.target, k.unit) for k in rows]


def _audit(app, resource):
    with session_scope(app.state.sessions) as db:
        rows = db.scalars(select(AuditEntry).where(AuditEntry.resource == resource)
                          .order_by(AuditEntry.id))  # fmt: skip
        return [(a.who, a.action, a.resource_id, a.before, a.after) for a in rows]


def _enter(client, path=KPIS, **values):
    return post_form(client, path, values)


def _error_of(html, field):
    found = re.search(rf'<p class="error" id="e-{field}">([^<]+)</p>', html)
    return found and found.group(1)


# --- KPIs -------------------------------------------------------------------------------------


def test_members_are_counted_from_the_membership_records(site):
    """Hand count: GM joined 2023-05-01 and UM 2024-02-01, UM left 2024-09-30; in 2024 the
    cluster ends with 1 member (GM) and gained 1 (UM). A stored target stays."""
    from grappe.registry.member_events import add_member_event
    from grappe.registry.permissions import Access

    app, client, _ = site
    admin = Access("admin@obs.dz", "admin")
    with session_scope(app.state.sessions) as db:
        for actor, kind, day in (("GM", "join", "2023-05-01"), ("UM", "join", "2024-02-01"),
                                 ("UM", "leave", "2024-09-30")):  # fmt: skip
            add_member_event(db, admin, "auto-mi", actor,
                             {"kind": kind, "date": dt.date.fromisoformat(day)})  # fmt: skip
    signed_in(client, "mgr@obs.dz")
    assert _enter(client, name="members", period="2024", value="9", target="5").status_code == 303
    r = post_form(client, f"{KPIS}/members", {"members_period": "2024-13"}, form_page=KPIS)
    assert r.status_code == 400  # refused next to its field, nothing counted
    assert _error_of(r.text, "members_period").startswith("Write the period as 2024")
    assert [k for k in _kpis(app) if k[0] == "new_members"] == []
    r = post_form(client, f"{KPIS}/members", {"members_period": "2024"}, form_page=KPIS)
    assert r.status_code == 303
    counted = {k[0]: k for k in _kpis(app) if k[0] in ("members", "new_members")}
    assert counted["members"] == ("members", "2024", 2024, 1.0, 5.0, None)
    assert counted["new_members"] == ("new_members", "2024", 2024, 1.0, None, None)
    assert [a[0] for a in _audit(app, "kpi")][-1] == "mgr@obs.dz"
    signed_in(client, "gm@obs.dz")  # a member may not
    assert post_form(client, f"{KPIS}/members", {"members_period": "2024"},
                     form_page="/account").status_code == 403  # fmt: skip


def test_a_manager_enters_a_value_stored_with_the_canonical_period(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    before = _kpis(app)
    r = _enter(client, name="jobs", period=" 2025-Q2 ", value="1 250", target="1300",
               unit="people")  # fmt: skip
    assert r.status_code == 303 and r.headers["location"] == f"{KPIS}?saved=1"
    assert _kpis(app) == [*before, ("jobs", "2025-Q2", 2025, 1250.0, 1300.0, "people")]
    who, action, key, _, after = _audit(app, "kpi")[-1]
    assert (who, action, key) == ("mgr@obs.dz", "create", "auto-mi/jobs/2025-Q2")
    assert after["value"] == 1250.0
    page = client.get(f"{KPIS}?saved=1").text
    assert "2025-Q2" in page and "Saved." in page


def test_quarters_are_separate_values_and_the_same_period_replaces(site):
    app, client, _ = site
    signed_in(client, "admin@obs.dz")
    for quarter, value in [("2025-Q1", "10"), ("2025-Q2", "12"), ("2025-Q1", "11")]:
        assert _enter(client, name="partnerships", period=quarter, value=value).status_code == 303
    rows = [r for r in _kpis(app) if r[0] == "partnerships" and r[2] == 2025]
    assert [(r[1], r[3]) for r in rows] == [("2025-Q1", 11.0), ("2025-Q2", 12.0)]
    actions = [a[1] for a in _audit(app, "kpi") if a[2].startswith("auto-mi/partnerships/2025")]
    assert actions == ["create", "create", "update"]


def test_a_free_name_wins_over_the_list(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    assert _enter(client, name="jobs", other_name="patents", period="2024",
                  value="3").status_code == 303  # fmt: skip
    assert ("patents", "2024", 2024, 3.0, None, None) in _kpis(app)


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"name": "jobs", "period": "2024-Q5", "value": "1"},
            "period",
            "Write the period as 2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31.",
        ),
        ({"name": "jobs", "period": "spring", "value": "1"}, "period", "Write the period as"),
        (
            {"name": "jobs", "period": "2024", "value": "1e16"},
            "value",
            "Give the value as a number between -10^15 and 10^15.",
        ),
        ({"name": "jobs", "period": "2024", "value": "many"}, "value", "Give the value as"),
        ({"name": "jobs", "period": "2024", "value": ""}, "value", "Give the value as"),
        (
            {"name": "jobs", "period": "2024", "value": "1", "target": "nan"},
            "target",
            "The target: a number",
        ),
        ({"name": "", "period": "2024", "value": "1"}, "name", "Choose a KPI from the list"),
        ({"name": "jobs", "period": "2024", "value": "1", "unit": "d z d"}, "unit", "The unit"),
    ],
)
def test_bad_entries_are_shown_next_to_the_field_and_nothing_is_stored(site, values, field,
                                                                       message):  # fmt: skip
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    before, audited = _kpis(app), _audit(app, "kpi")
    r = _enter(client, **values)
    assert r.status_code == 400
    assert message in (_error_of(r.text, field) or "")
    assert "Nothing was stored" in r.text
    assert _kpis(app) == before and _audit(app, "kpi") == audited


def test_errors_are_in_the_page_language(site):
    _, client, _ = site
    signed_in(client, "mgr@obs.dz")
    client.headers["Accept-Language"] = "ar"
    r = _enter(client, name="jobs", period="2024-Q5", value="1")
    assert r.status_code == 400 and 'dir="rtl"' in r.text
    error = _error_of(r.text, "period")
    assert error and "Write the period" not in error and "2024-Q1" in error


def _row_id(app, name, period):
    with session_scope(app.state.sessions) as db:
        return db.scalar(select(Kpi.id).where(Kpi.cluster_id == "auto-mi", Kpi.name == name,
                                              Kpi.period == period))  # fmt: skip


def test_correct_and_delete_a_row(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    _enter(client, name="trainings", period="2025-Q1", value="4")
    _enter(client, name="trainings", period="2025-Q2", value="6")
    kpi_id = _row_id(app, "trainings", "2025-Q1")
    csrf = _csrf(client.get(KPIS).text)
    r = client.post(f"{KPIS}/{kpi_id}", data={"csrf_token": csrf, "period": "2025-Q2",
                                                "value": "5"}, follow_redirects=False)  # fmt: skip
    assert r.status_code == 400
    assert "already has a value in that period" in _error_of(r.text, f"k{kpi_id}-period")
    r = client.post(f"{KPIS}/{kpi_id}", data={"csrf_token": csrf, "period": "2025-03",
                                                "value": "5", "unit": "sessions"},
                    follow_redirects=False)  # fmt: skip
    assert r.status_code == 303
    assert ("trainings", "2025-03", 2025, 5.0, None, "sessions") in _kpis(app)
    who, action, key, before, after = _audit(app, "kpi")[-1]
    assert (who, action, key) == ("mgr@obs.dz", "update", "auto-mi/trainings/2025-Q1")
    assert before["period"] == "2025-Q1" and after == {"period": "2025-03", "value": 5.0,
                                                       "unit": "sessions"}  # fmt: skip
    r = client.post(f"{KPIS}/{kpi_id}", data={"csrf_token": csrf, "period": "x", "value": "5"})
    assert r.status_code == 400 and "Write the period as" in _error_of(r.text, f"k{kpi_id}-period")
    r = client.post(f"{KPIS}/{kpi_id}/delete", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303 and _row_id(app, "trainings", "2025-03") is None
    assert _audit(app, "kpi")[-1][:3] == ("mgr@obs.dz", "delete", "auto-mi/trainings/2025-03")


def test_kpi_forms_need_the_csrf_token(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    before = _kpis(app)
    r = client.post(KPIS, data={"name": "jobs", "period": "2024", "value": "1"})
    assert r.status_code == 403 and "Form expired" in r.text
    assert _kpis(app) == before


@pytest.mark.parametrize("path", [KPIS, SWOT])
def test_a_manager_of_another_cluster_and_a_member_get_403(site, path):
    app, client, _ = site
    for email in ("other@obs.dz", "gm@obs.dz"):
        signed_in(client, email)
        assert client.get(path).status_code == 403
        csrf = _csrf(client.get("/account").text)
        r = client.post(
            path if path == KPIS else f"{path}/draft",
            data={"csrf_token": csrf, "name": "jobs", "period": "2024", "value": "1"},
        )
        assert r.status_code == 403
    assert ("jobs", "2024", 2024, 1.0, None, None) not in _kpis(app)
    with session_scope(app.state.sessions) as db:
        assert db.scalar(select(SwotRow.id)) is None


@pytest.mark.parametrize("path", [KPIS, SWOT])
def test_anonymous_visitors_are_sent_to_login(site, path):
    _, client, _ = site
    r = client.get(path, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")


def test_the_profile_links_to_the_pages_for_those_who_may_write(site):
    _, client, _ = site
    assert f'href="{KPIS}"' not in client.get("/clusters/auto-mi").text
    signed_in(client, "mgr@obs.dz")
    page = client.get("/clusters/auto-mi").text
    assert f'href="{KPIS}"' in page and f'href="{SWOT}"' in page
    signed_in(client, "other@obs.dz")
    assert f'href="{KPIS}"' not in client.get("/clusters/auto-mi").text


# --- SWOT -------------------------------------------------------------------------------------


def _store_diamond(client, tokens):
    answers = yaml.safe_load((FIXTURES / "diamond_answers.yaml").read_text(encoding="utf-8"))
    body = {"questionnaire": "diamond", "respondent": "panel A", "date": "2024-05-01",
            "answers": answers}  # fmt: skip
    r = client.post("/api/v1/clusters/auto-mi/answers", json=body, headers=tokens["mgr"])
    assert r.status_code == 201, r.text


def _latest_swot(app):
    with session_scope(app.state.sessions) as db:
        row = db.scalars(select(SwotRow).order_by(SwotRow.id.desc())).first()
        return row.id, json.loads(row.items) if isinstance(row.items, str) else row.items


def test_draft_then_reword_remove_and_add(site):
    app, client, tokens = site
    _store_diamond(client, tokens)
    signed_in(client, "mgr@obs.dz")
    page = client.get(SWOT).text
    assert "No SWOT stored yet." in page
    r = client.post(f"{SWOT}/draft", data={"csrf_token": _csrf(page)}, follow_redirects=False)
    assert r.status_code == 303
    swot_id, items = _latest_swot(app)
    assert items["strengths"] and items["weaknesses"]  # drafted from the diamond's scores
    assert _audit(app, "swot")[-1][:3] == ("mgr@obs.dz", "create", str(swot_id))
    page = client.get(SWOT).text
    assert 'name="item-strengths-0"' in page and 'name="add-threats"' in page
    n_strengths, n_weak = len(items["strengths"]), len(items["weaknesses"])
    form = dict(re.findall(r'name="(item-[a-z]+-\d+)" value="([^"]*)"', page))
    form.update({"csrf_token": _csrf(page), "item-weaknesses-0": "Few working relations",
                 "remove-strengths-0": "1",
                 "add-threats": "A new competitor in Tunisia"})  # fmt: skip
    r = client.post(f"{SWOT}/{swot_id}", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text
    _, edited = _latest_swot(app)
    assert len(edited["strengths"]) == n_strengths - 1
    assert len(edited["weaknesses"]) == n_weak
    assert edited["weaknesses"][0]["texts"] == {"en": "Few working relations"}
    assert edited["threats"][-1]["texts"] == {"en": "A new competitor in Tunisia"}
    who, action, key, before, after = _audit(app, "swot")[-1]
    assert (who, action, key) == ("mgr@obs.dz", "update", str(swot_id))
    assert set(after) == {"strengths", "weaknesses", "threats"} and set(before) == set(after)
    # published, the profile shows the edited SWOT to the public
    with session_scope(app.state.sessions) as db:
        db.get(Cluster, "auto-mi").public_sections = list(PROFILE_SECTIONS)
    client.cookies.clear()
    profile = client.get("/clusters/auto-mi").text
    assert "Few working relations" in profile and "A new competitor in Tunisia" in profile


def test_an_item_added_in_french_is_stored_in_french(site):
    app, client, tokens = site
    _store_diamond(client, tokens)
    signed_in(client, "mgr@obs.dz")
    client.headers["Accept-Language"] = "fr"
    client.post(f"{SWOT}/draft", data={"csrf_token": _csrf(client.get(SWOT).text)})
    swot_id, _ = _latest_swot(app)
    page = client.get(SWOT).text
    r = client.post(f"{SWOT}/{swot_id}", data={"csrf_token": _csrf(page),
                                               "add-opportunities": "Un marché export"},
                    follow_redirects=False)  # fmt: skip
    assert r.status_code == 303
    assert _latest_swot(app)[1]["opportunities"][-1]["texts"] == {"fr": "Un marché export"}


def test_an_emptied_item_is_refused_next_to_it(site):
    app, client, tokens = site
    _store_diamond(client, tokens)
    signed_in(client, "mgr@obs.dz")
    client.post(f"{SWOT}/draft", data={"csrf_token": _csrf(client.get(SWOT).text)})
    swot_id, items = _latest_swot(app)
    audited = _audit(app, "swot")
    page = client.get(SWOT).text
    data = {"csrf_token": _csrf(page), "item-strengths-0": "  ", "add-threats": "X"}
    r = client.post(f"{SWOT}/{swot_id}", data=data)
    assert r.status_code == 400
    assert "An item cannot be empty" in _error_of(r.text, "item-strengths-0")
    assert _latest_swot(app)[1] == items and _audit(app, "swot") == audited


def test_swot_forms_need_the_csrf_token(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    r = client.post(f"{SWOT}/draft")
    assert r.status_code == 403 and "Form expired" in r.text
    with session_scope(app.state.sessions) as db:
        assert db.scalar(select(SwotRow.id)) is None


def test_the_swot_of_another_cluster_is_not_found_here(site):
    app, client, tokens = site
    signed_in(client, "admin@obs.dz")
    client.post("/clusters/chem-oh/swot/draft", data={"csrf_token": _csrf(client.get(SWOT).text)})
    swot_id, _ = _latest_swot(app)
    r = client.post(f"{SWOT}/{swot_id}", data={"csrf_token": _csrf(client.get(SWOT).text),
                                               "add-threats": "X"})  # fmt: skip
    assert r.status_code == 404
