"""The workspace's records page (/clusters/<id>/records: member events, figures, activities,
tie dates) and the KPI page's "from records" section, on a copy of the toy registry: values
stored through the forms, refused next to their field, rights on every write, FR/AR/EN."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import select

from _accounts import _csrf, post_form, signed_in, workspace_site
from grappe.registry import session_scope
from grappe.registry.models import AuditEntry, MemberEvent, Tie
from grappe.registry.record_models import ClusterActivity, MemberFigure

PAGE = "/clusters/auto-mi/records"
KPIS = "/clusters/auto-mi/kpis"


@pytest.fixture
def site(populated_app):
    return workspace_site(populated_app)


def _post(client, path, **values):
    return post_form(client, f"{PAGE}{path}", values, form_page=PAGE)


def _error_of(html, field):
    found = re.search(rf'<p class="error" id="e-{field}">([^<]+)</p>', html)
    return found and unescape(found.group(1))


def _count(app, model):
    with session_scope(app.state.sessions) as db:
        return len(list(db.scalars(select(model))))


def test_records_entered_through_the_forms_give_the_kpis(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    assert client.get(PAGE).status_code == 200
    r = _post(
        client,
        "/events",
        actor="GM",
        kind="join",
        date="2023-05-01",
        sector="industry",
        activity_code="29.10",
        activity="motor vehicles",
        region_id="US-26",
    )
    assert r.status_code == 303, r.text
    assert (
        _post(
            client, "/events", actor="UM", kind="join", date="2024-02-01", sector="research"
        ).status_code
        == 303
    )
    for period, jobs in (("2023", "900"), ("2024", "950")):
        r = _post(
            client,
            "/figures",
            actor="GM",
            period=period,
            jobs=jobs,
            exports="5000000",
            currency="USD",
        )
        assert r.status_code == 303, r.text
    r = post_form(
        client,
        f"{PAGE}/activities",
        {"kind": "training", "date": "2024-05-02", "participants": "14", "members": ["GM", "UM"]},
        form_page=PAGE,
    )
    assert r.status_code == 303, r.text
    with session_scope(app.state.sessions) as db:
        tie = Tie(source="GM", target="UM", type="cooperation", cluster_id="auto-mi")
        db.add(tie)
        db.flush()
        tie_id = tie.id
        assert db.scalars(select(ClusterActivity)).one().members == ["GM", "UM"]
        event = db.scalars(select(MemberEvent).where(MemberEvent.actor_id == "GM")).one()
        assert (event.sphere, event.region_id, event.activity_code) == (
            "enterprise",
            "US-26",
            "29.10",
        )
    assert _post(client, f"/ties/{tie_id}", since="2024-03-01").status_code == 303
    page = client.get(PAGE).text
    assert "motor vehicles" in page and "2024-03-01" in page
    assert (
        post_form(client, KPIS, {"name": "jobs", "period": "2024", "value": "1000"}).status_code
        == 303
    )
    shown = client.get(KPIS, params={"records_period": "2024", "records_previous": "2023"}).text
    table = shown[shown.index('class="kpi-records"') :]
    jobs_row = re.search(
        r"<tr class=\"disagrees\">\s*<th scope=\"row\">([^<]+)</th>\s*<td>([^<]+)</td>"
        r"\s*<td>([^<]+)</td>\s*<td>([^<]+)</td>",
        table,
    )
    assert jobs_row and [c.strip() for c in jobs_row.groups()[1:]] == ["950", "900", "50"]
    assert "differs from the records" in table
    assert "New partnerships by pair of sectors" in table and "industry–research: 1" in table
    assert "<svg" in table
    audited = _audit_resources(app)
    assert {"member_event", "member_figure", "cluster_activity", "tie"} <= audited


def _audit_resources(app):
    with session_scope(app.state.sessions) as db:
        return set(db.scalars(select(AuditEntry.resource).where(AuditEntry.who == "mgr@obs.dz")))


def test_refused_records_are_shown_next_to_their_field(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    r = _post(client, "/events", actor="GM", kind="leave", date="2024-01-01")
    assert r.status_code == 400 and "leave before join" in _error_of(r.text, "kind")
    r = _post(client, "/events", actor="GM", kind="join", date="2024-01-01", region_id="XX-1")
    assert r.status_code == 400 and _error_of(r.text, "region_id").startswith("A region id")
    r = _post(client, "/events", actor="GM", kind="join", date="", sphere="enterprise")
    assert r.status_code == 400 and _error_of(r.text, "date")
    r = _post(client, "/events", actor="", kind="join", date="2024-01-01")
    assert r.status_code == 400 and _error_of(r.text, "actor")
    assert _count(app, MemberEvent) == 0
    r = _post(client, "/figures", actor="GM", period="2024", jobs="4")
    assert r.status_code == 400 and "Unknown member 'GM'" in _error_of(r.text, "actor")
    _post(client, "/events", actor="GM", kind="join", date="2023-01-01")
    r = _post(client, "/figures", actor="GM", period="2024", jobs="-4")
    assert r.status_code == 400 and _error_of(r.text, "jobs").startswith("Jobs: a whole number")
    r = _post(client, "/figures", actor="GM", period="2022", founded="2024-01-01")
    assert r.status_code == 400 and "date out of period" in _error_of(r.text, "founded")
    assert _count(app, MemberFigure) == 0
    r = post_form(
        client,
        f"{PAGE}/activities",
        {"kind": "training", "date": "2024-05-02", "members": ["UM"]},
        form_page=PAGE,
    )
    assert r.status_code == 400 and "Unknown member 'UM'" in _error_of(r.text, "members")
    assert _count(app, ClusterActivity) == 0
    r = client.get(KPIS, params={"records_period": "2024-Q9"})
    assert r.status_code == 200 and "Write the period as 2024" in r.text


def test_only_admins_and_the_clusters_managers_record(site):
    app, client, _ = site
    for email in ("ana@obs.dz", "other@obs.dz", "gm@obs.dz"):
        signed_in(client, email)
        assert client.get(PAGE).status_code == 403
        # the user's own CSRF token (the sign-out form of every page): a refusal is the rule's
        data = {"csrf_token": _csrf(client.get("/").text)}
        for path, values in (
            ("/events", {"actor": "GM", "kind": "join", "date": "2023-01-01"}),
            ("/figures", {"actor": "GM", "period": "2024", "jobs": "1"}),
            ("/activities", {"kind": "event", "date": "2024-01-01"}),
            ("/figures/1/delete", {}),
            ("/activities/1/delete", {}),
            ("/events/1/delete", {}),
            ("/ties/1", {"since": "2024-01-01"}),
        ):
            r = client.post(f"{PAGE}{path}", data={**data, **values}, follow_redirects=False)
            assert r.status_code == 403, (email, path, r.status_code)
            assert "Form expired" not in r.text  # refused by the rights, not the CSRF guard
    assert _count(app, MemberEvent) == 0


def test_anonymous_visitors_are_sent_to_sign_in(site):
    _app, client, _ = site
    client.cookies.clear()
    r = client.get(PAGE, follow_redirects=False)
    assert r.status_code in (302, 303) and "/login" in r.headers["location"]


def test_the_page_speaks_french_arabic_english(site):
    _app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    for lang, title, direction in (
        ("fr", "Registres : membres, chiffres et activités", "ltr"),
        ("ar", "سجلات الأعضاء والأرقام والأنشطة", "rtl"),
        ("en", "Records of members, figures and activities", "ltr"),
    ):
        client.headers["Accept-Language"] = lang
        page = client.get(PAGE).text
        assert f'dir="{direction}"' in page and title in page
        assert 'id="from-records"' in client.get(KPIS).text
