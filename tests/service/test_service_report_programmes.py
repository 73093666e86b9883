"""``POST /clusters/{id}/reports`` with ``programmes``: the report shows only the programmes
named; one the cluster is not enrolled in answers 404 in the one error shape, nothing queued.
Toy registry's cluster auto-mi, enrolled here in two presets (the test's own enrolments)."""

from __future__ import annotations

import datetime as dt

from grappe.registry import session_scope
from grappe.registry.models import StoredReport
from grappe.registry.permissions import Access
from grappe.registry.programme_catalogue import find_programme
from grappe.registry.programme_enrolments import enrol_cluster

BASE = "/api/v1/clusters/auto-mi/reports"


def test_the_api_report_job_restricts_the_programmes(populated_app):
    app, client, tokens = populated_app
    admin = Access("root", "admin")
    with session_scope(app.state.sessions) as db:
        for key, joined in (("kompetenznetze", dt.date(2022, 1, 10)),
                            ("esca-management-excellence", dt.date(2024, 1, 10))):  # fmt: skip
            enrol_cluster(db, admin, "auto-mi", find_programme(key), joined=joined)
    only = {"languages": ["en"], "formats": ["html"], "programmes": ["kompetenznetze"]}
    r = client.post(BASE, headers=tokens["mgr"], json=only)
    assert r.status_code == 202, r.text
    with session_scope(app.state.sessions) as db:
        row = db.get(StoredReport, r.json()["id"])
        html = row.files[0].content.decode()
    assert 'data-programme="kompetenznetze"' in html
    assert 'data-programme="esca-management-excellence"' not in html
    r = client.post(BASE, headers=tokens["mgr"], json={"programmes": ["french-spl"]})
    assert r.status_code == 404, r.text
    error = r.json()["error"]
    assert error["code"] == "not_found"
    assert "not enrolled in the programme 'french-spl'" in error["message"]
    with session_scope(app.state.sessions) as db:
        assert db.query(StoredReport).count() == 1
