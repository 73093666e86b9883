"""The workspace's report job shows every programme the cluster is enrolled in, or those ticked:
the form lists the cluster's programmes (all ticked), the built report holds the ones chosen, and
a programme the cluster is not in is refused with nothing queued. Toy registry's cluster auto-mi,
enrolled here in two presets with the test's own facts (no real cluster)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from _accounts import post_form, signed_in, workspace_site
from grappe.registry import session_scope
from grappe.registry.models import StoredReport
from grappe.registry.permissions import Access
from grappe.registry.programme_catalogue import find_programme
from grappe.registry.programme_enrolments import enrol_cluster, list_enrolments, record_evaluation

PAGE = "/clusters/auto-mi/reports"
KN_MET = {"enterprises": 12.0, "research_bodies": 2.0, "universities": 1.0,
          "industry_research_ties": 5.0, "years_active": 3.0}  # fmt: skip


@pytest.fixture
def site(populated_app):
    app, client, _ = workspace_site(populated_app)
    admin, analyst = Access("root", "admin"), Access("ana", "analyst")
    with session_scope(app.state.sessions) as db:
        kn = enrol_cluster(db, admin, "auto-mi", find_programme("kompetenznetze"),
                           joined=dt.date(2022, 1, 10))  # fmt: skip
        record_evaluation(db, analyst, kn.id, KN_MET, on=dt.date(2023, 1, 15))
        record_evaluation(db, analyst, kn.id, {**KN_MET, "enterprises": 6.0},
                          on=dt.date(2025, 1, 15))  # fmt: skip
        enrol_cluster(db, admin, "auto-mi", find_programme("esca-management-excellence"),
                      joined=dt.date(2024, 1, 10))  # fmt: skip
    return app, client


def _html_of_last_report(app):
    with session_scope(app.state.sessions) as db:
        row = db.scalars(select(StoredReport).order_by(StoredReport.id.desc())).first()
        assert row.status == "succeeded", row.errors
        return row.files[0].content.decode()


def test_the_report_job_shows_every_programme_or_those_ticked(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    client.headers["Accept-Language"] = "fr"
    page = client.get(PAGE).text
    ticked = re.findall(r'name="programmes" value="([^"]+)" checked', page)
    assert ticked == ["kompetenznetze", "esca-management-excellence"]  # by enrolment date
    assert "Kompetenznetze Deutschland (réseaux de compétence allemands)" in page
    assert "Programmes présentés (aucun coché" in page  # the legend, in French
    r = post_form(client, PAGE, {"languages": "fr", "formats": "html",
                                 "programmes": ticked})  # fmt: skip
    assert r.status_code == 303, r.text
    both = _html_of_last_report(app)
    assert re.findall(r'data-programme="([^"]+)"', both) == ticked
    kn_block, esca_block = both.split('<section class="programme')[1:]
    assert "suspendu" in kn_block and "candidature déposée" in esca_block
    # the ESCA application's next step is the preset's deciding admission step
    assert "Prochaine étape</th><td>Attribution du label — " in esca_block
    r = post_form(client, PAGE, {"languages": "ar", "formats": "html",
                                 "programmes": "esca-management-excellence"})  # fmt: skip
    assert r.status_code == 303, r.text
    one = _html_of_last_report(app)
    assert re.findall(r'data-programme="([^"]+)"', one) == ["esca-management-excellence"]
    assert 'dir="rtl"' in one and "علامات التميز في إدارة العناقيد" in one


def test_a_programme_the_cluster_is_not_in_queues_nothing(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    r = post_form(client, PAGE, {"languages": "en", "formats": "html",
                                 "programmes": "french-spl"})  # fmt: skip
    assert r.status_code == 400 and "Nothing was queued" in r.text
    assert ('<p class="error" id="e-programmes">Tick programmes the cluster is enrolled in '
            "(none: every programme).</p>") in r.text  # fmt: skip
    with session_scope(app.state.sessions) as db:
        assert db.scalar(select(func.count()).select_from(StoredReport)) == 0


def test_an_ended_programme_is_marked_in_the_form(site):
    """ESCA bronze awarded on 2024-03-15 for two years has expired by now (after 2026-03-14):
    the form marks it ended, the suspended Kompetenznetze label is not."""
    app, client = site
    with session_scope(app.state.sessions) as db:
        (esca,) = list_enrolments(db, cluster_id="auto-mi", programme="esca-management-excellence")
        award = record_evaluation(db, Access("ana", "analyst"), esca.id,
                                  {"members": 20.0, "member_types": 3.0, "management_fte": 1.0},
                                  on=dt.date(2024, 3, 15))  # fmt: skip
        assert award.action == "award"
    signed_in(client, "mgr@obs.dz")
    client.headers["Accept-Language"] = "fr"
    page = client.get(PAGE).text
    labels = dict(re.findall(r'name="programmes" value="([^"]+)"[^>]*> <span>([^<]+)</span>', page))
    assert labels["esca-management-excellence"].strip().endswith("(terminée)"), labels
    assert "(terminée)" not in labels["kompetenznetze"]
