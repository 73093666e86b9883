"""The report's programme section from the stored enrolments and decisions
(grappe.registry.reports.stored_programme_status), on SQLite and PostgreSQL: a cluster whose
Kompetenznetze label was awarded then suspended by stored decisions gets that state in its
report inputs, its sources and its French report; an open enrolment is reported before a
closed one decided later (both listed); a refused application is reported with the
evaluator's reason."""

from __future__ import annotations

import datetime as dt

import pytest

from grappe.assess import diamond
from grappe.errors import NotFoundError
from grappe.i18n import translate
from grappe.registry import repositories as repo
from grappe.registry.assessments import store_assessment
from grappe.registry.database import session_scope
from grappe.registry.permissions import Access
from grappe.registry.programme_catalogue import find_programme
from grappe.registry.programme_enrolments import (
    enrol_cluster,
    load_enrolment,
    record_evaluation,
)
from grappe.registry.reports import (
    build_cluster_report,
    get_report,
    queue_report,
    report_inputs,
    stored_programme_status,
)

ANALYST = Access("ana", "analyst")
ADMIN = Access("root", "admin")
#: The facts of the Kompetenznetze preset's eligibility (the test's own values): all met, then
#: too few member firms (6 < 10).
MET = {"enterprises": 12.0, "research_bodies": 2.0, "universities": 1.0,
       "industry_research_ties": 5.0, "years_active": 3.0}  # fmt: skip
FAILED = {**MET, "enterprises": 6.0}


def _cluster(s, cluster_id):
    repo.create_cluster(s, {"id": cluster_id, "name_en": "Jena optics"}, who="t")
    # a stored part, so that the cluster has something to report on without indicators
    store_assessment(s, cluster_id, diamond({"wage_ratio": 0.5}), date=dt.date(2024, 5, 1),
                     who="t")  # fmt: skip


def test_the_report_shows_the_stored_kompetenznetze_decision(sessions):
    with session_scope(sessions) as s:
        _cluster(s, "optik")
        kn = enrol_cluster(s, ADMIN, "optik", find_programme("kompetenznetze"),
                           joined=dt.date(2022, 1, 10))  # fmt: skip
        award = record_evaluation(s, ANALYST, kn.id, MET, on=dt.date(2023, 1, 15), period="2022")
        suspend = record_evaluation(s, ANALYST, kn.id, FAILED, on=dt.date(2025, 1, 15),
                                    period="2024")  # fmt: skip
        # a later decision of another programme, closed (refused): the open one is reported
        spl = enrol_cluster(s, ADMIN, "optik", find_programme("french-spl"),
                            joined=dt.date(2025, 3, 1))  # fmt: skip
        record_evaluation(s, ANALYST, spl.id, {}, on=dt.date(2025, 6, 1), action="refuse",
                          reason="Not a French cluster.")  # fmt: skip
        inputs = report_inputs(s, "optik")
        stored_next = load_enrolment(s, kn.id).next_evaluation
        report_id = queue_report(s, "optik", languages=["fr"], formats=["html"], who="t").id
    assert (award.action, suspend.action) == ("award", "suspend")  # the preset's rule decided
    status = inputs.programme
    assert status.programme["en"] == "Kompetenznetze Deutschland (German competence networks)"
    assert (status.status, status.last_decision, status.failures) == ("suspended", "suspend", 1)
    assert status.level["fr"] == "Membre labellisé de Kompetenznetze"  # the level still held
    assert status.decided == dt.date(2025, 1, 15)
    assert status.next_evaluation == stored_next and stored_next > status.decided
    assert status.reasons == suspend.rule_reasons and "enterprises" in " ".join(status.reasons)
    assert (f"grappe registry: enrolment {kn.id} in kompetenznetze, decision {suspend.id} of "
            "2025-01-15") in inputs.sources  # fmt: skip
    build_cluster_report(sessions, report_id, inputs)
    with session_scope(sessions) as s:
        row = get_report(s, "optik", report_id)
        assert (row.status, row.errors) == ("succeeded", None)
        html = row.files[0].content.decode()
    assert "Kompetenznetze Deutschland (réseaux de compétence allemands)" in html
    assert "Suspension du label" in html and "suspendu" in html  # last decision, status
    assert "Membre labellisé de Kompetenznetze" in html
    assert translate(suspend.rule_reasons[0], "fr") in html  # the rule's reason, in French
    # the closed enrolment is listed too, after the live one, as ended
    assert html.index("Kompetenznetze Deutschland") < html.index("Not a French cluster.")
    assert 'data-programme="french-spl" data-ended="yes"' in html


def test_a_closed_enrolment_is_reported_with_the_evaluators_reason(sessions):
    with session_scope(sessions) as s:
        _cluster(s, "optik")
        assert stored_programme_status(s, "optik") is None  # in no programme
        assert report_inputs(s, "optik").programme is None
        spl = enrol_cluster(s, ADMIN, "optik", find_programme("french-spl"),
                            joined=dt.date(2025, 3, 1))  # fmt: skip
        applied = stored_programme_status(s, "optik")
        refused = record_evaluation(s, ANALYST, spl.id, {}, on=dt.date(2025, 6, 1),
                                    action="refuse", reason="Not a French cluster.")  # fmt: skip
        status = stored_programme_status(s, "optik")
        with pytest.raises(NotFoundError, match="No cluster with id 'nowhere'"):
            stored_programme_status(s, "nowhere")
    assert (applied.status, applied.last_decision, applied.decided) == ("applied", None, None)
    assert (status.status, status.last_decision, status.level) == ("refused", "refuse", None)
    assert status.reasons[0] == "Not a French cluster."  # the override's reason, first
    assert status.reasons[1:] == refused.rule_reasons
