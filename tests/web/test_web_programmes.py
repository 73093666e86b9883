"""The programme pages: public /programmes and /programmes/<key> (FR, AR right-to-left, EN),
and the cluster's Programmes section — join, eligibility with evidence, the evaluation form
pre-filled with the gathered facts (a corrected value recorded as typed), the rule's decision,
overrides with a reason — over three Kompetenznetze periods (keep, suspend, withdraw), with the
history of who decided and why; reminders on the workspace home. The toy registry (auto-mi)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from _accounts import post_form, signed_in, workspace_site
from grappe.registry import session_scope
from grappe.registry.programme_models import ProgrammeDecision, ProgrammeEnrolment

SECTION = "/clusters/auto-mi/programmes"


@pytest.fixture
def site(populated_app):
    return workspace_site(populated_app)


def _enrolment(app):
    with session_scope(app.state.sessions) as db:
        row = db.scalars(select(ProgrammeEnrolment)).one()
        return row.id, row.status, row.level, row.failures


def _decisions(app):
    with session_scope(app.state.sessions) as db:
        rows = db.scalars(select(ProgrammeDecision).order_by(ProgrammeDecision.id))
        return [(d.rule_action, d.action, d.decided_by, d.facts, d.reason, d.rule_reasons)
                for d in rows]  # fmt: skip


def _error_of(html, field):
    found = re.search(rf'<p class="error" id="e-{field}">([^<]+)</p>', html)
    return found and found.group(1)


#: Kompetenznetze's eligibility met at its thresholds (enterprises >= 10, research_bodies >= 1,
#: universities >= 1, industry_research_ties >= 3, years_active >= 2), and missed by one firm.
MET = {"fact-enterprises": "10", "fact-research_bodies": "1", "fact-universities": "1",
       "fact-industry_research_ties": "3", "fact-years_active": "2"}  # fmt: skip
MISSED = {**MET, "fact-enterprises": "9"}


def _evaluate(client, enrolment, day, facts, **extra):
    path = f"{SECTION}/{enrolment}/evaluate"
    return post_form(client, path, {"on": day, "period": day[:4], **facts, **extra})


def test_public_programme_pages_in_three_languages(site):
    _, client, _ = site
    page = client.get("/programmes")
    assert page.status_code == 200 and 'href="/programmes/kompetenznetze"' in page.text
    one = client.get("/programmes/kompetenznetze")
    assert "Advisory committee" in one.text and "enterprises &gt;= 10" in one.text
    assert "Label suspended" in one.text  # the rule after failed evaluations
    assert "No published cluster holds this label yet." in one.text
    arabic = client.get("/programmes/kompetenznetze?lang=ar")
    assert 'dir="rtl"' in arabic.text and "شبكات الكفاءة الألمانية" in arabic.text
    french = client.get("/programmes/kompetenznetze?lang=fr")
    assert 'lang="fr"' in french.text and "Comité consultatif" in french.text
    assert client.get("/programmes/nope").status_code == 404


def test_join_evaluate_three_periods_and_history(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    r = post_form(client, SECTION, {"programme": "kompetenznetze", "joined": "2021-01-01"})
    assert r.status_code == 303
    enrolment, status, _, _ = _enrolment(app)
    assert status == "applied"
    section = client.get(SECTION).text
    assert "not eligible" in section and "members" in section  # evidence: value and source
    assert "research_bodies" in section  # no record gives it: said, not invented
    assert "A record could not be read: network:" in section  # toy actors have no level
    assert client.get(f"{SECTION}/{enrolment}/evaluate").status_code == 403  # managers apply
    home = client.get("/").text
    assert "Evaluations due" in home and f"{SECTION}" in home  # the joining date has passed

    signed_in(client, "ana@obs.dz")
    form = client.get(f"{SECTION}/{enrolment}/evaluate?on=2021-02-01").text
    assert 'name="fact-enterprises" type="text" value="1"' in form  # GM, from the members
    assert "Source: members" in form and "No record: type the value." in form
    assert "research_bodies is not reported" in form  # the rule's reasons, in the page's language
    french = client.get(f"{SECTION}/{enrolment}/evaluate?on=2021-02-01&lang=fr").text
    assert "is not reported" not in french and "Source : members" in french
    client.get(f"{SECTION}?lang=en")  # back to English (the choice is remembered)
    for day, facts in (("2021-02-01", MET), ("2023-02-01", MET), ("2025-02-01", MISSED),
                       ("2027-02-01", MISSED)):  # fmt: skip
        assert _evaluate(client, enrolment, day, facts).status_code == 303
    decisions = _decisions(app)
    assert [d[1] for d in decisions] == ["award", "keep", "suspend", "withdraw"]
    assert all(d[2] == "ana@obs.dz" and d[4] is None and d[5] for d in decisions)
    assert decisions[0][3]["enterprises"] == {"value": 10.0, "source": "typed"}
    assert decisions[0][3]["universities"] == {"value": 1.0, "source": "members"}  # unchanged
    assert _enrolment(app)[1:] == ("withdrawn", None, 2)
    history = client.get(SECTION).text
    assert history.count("ana@obs.dz") == 4 and "Label withdrawn" in history
    assert "the rule says withdraw" in history  # the rule's reasons when no one overrode it
    arabic = client.get(f"{SECTION}?lang=ar").text
    assert "the rule says" not in arabic
    client.get(f"{SECTION}?lang=en")
    r = _evaluate(client, enrolment, "2029-02-01", MET)
    assert r.status_code == 400 and "closed" in _error_of(r.text, "action")


def test_override_needs_a_reason_and_public_page_lists_the_label(site):
    app, client, _ = site
    signed_in(client, "ana@obs.dz")
    post_form(client, SECTION, {"programme": "kompetenznetze", "joined": "2021-01-01"})
    enrolment = _enrolment(app)[0]
    assert _evaluate(client, enrolment, "2021-02-01", MET).status_code == 303
    public = client.get("/programmes/kompetenznetze").text
    assert 'href="/clusters/auto-mi"' in public and "Labelled Kompetenznetze member" in public
    client.cookies.clear()  # the cluster's public profile names its label and links the programme
    profile = client.get("/clusters/auto-mi").text
    assert 'href="/programmes/kompetenznetze"' in profile and "(Awarded)" in profile
    signed_in(client, "ana@obs.dz")
    r = _evaluate(client, enrolment, "2023-02-01", MISSED, action="keep")
    assert r.status_code == 400
    assert _error_of(r.text, "reason").startswith("Say why you take another action")
    r = _evaluate(client, enrolment, "2023-02-01", MISSED, action="keep",
                  reason="Two firms joined after the count.")  # fmt: skip
    assert r.status_code == 303
    assert _decisions(app)[-1][:2] == ("suspend", "keep")
    assert _enrolment(app)[1] == "renewed"
    r = _evaluate(client, enrolment, "2022-02-01", MET)
    assert r.status_code == 400 and "before the last decision" in _error_of(r.text, "on")
    r = _evaluate(client, enrolment, "2024-02-01", {**MET, "fact-enterprises": "many"})
    assert r.status_code == 400 and _error_of(r.text, "fact-enterprises").startswith("Write a")


def test_join_form_errors_and_rights(site):
    app, client, _ = site
    signed_in(client, "other@obs.dz")
    assert client.get(SECTION).status_code == 403
    signed_in(client, "mgr@obs.dz")
    r = post_form(client, SECTION, {"programme": "nope", "joined": "2021-02-30"})
    assert r.status_code == 400
    assert _error_of(r.text, "programme") == "Choose a programme from the list."
    assert _error_of(r.text, "joined").startswith("Write an existing date")
    post_form(client, SECTION, {"programme": "kompetenznetze", "joined": "2021-01-01"})
    r = post_form(client, SECTION, {"programme": "kompetenznetze", "joined": "2021-01-01"})
    assert r.status_code == 400 and "already in this programme" in _error_of(r.text, "programme")
    arabic = client.get(f"{SECTION}?lang=ar").text
    assert 'dir="rtl"' in arabic
    assert dt.date.today().isoformat() in client.get(SECTION).text  # default date of the form
