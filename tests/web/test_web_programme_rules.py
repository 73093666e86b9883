"""The programme workflow's rules in the web (issue 18 gaps): a decision corrected from its
history (a wrong fact judged again, refusals on the form), the deciding step's role (the
Kompetenznetze committee: analysts; a Basque association: the cluster's manager), a label shown
expired the day after its validity, and the statistical candidates of a stored map; FR/AR/EN.
The toy registry (auto-mi)."""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest
from sqlalchemy import func, select

from _accounts import post_form, signed_in, workspace_site
from grappe.programmes import programme_from_dict
from grappe.registry import session_scope
from grappe.registry.models import IndicatorSnapshot
from grappe.registry.permissions import Access
from grappe.registry.programme_enrolments import enrol_cluster, record_evaluation
from grappe.registry.programme_expiry import expire_labels
from grappe.registry.programme_models import ProgrammeDecision, ProgrammeEnrolment
from grappe.web.views.programme_forms import typed_number

SECTION = "/clusters/auto-mi/programmes"
#: Kompetenznetze's eligibility at its thresholds, and missed by one firm (test_web_programmes).
MET = {"fact-enterprises": "10", "fact-research_bodies": "1", "fact-universities": "1",
       "fact-industry_research_ties": "3", "fact-years_active": "2"}  # fmt: skip
MISSED = {**MET, "fact-enterprises": "9"}


@pytest.fixture
def site(populated_app):
    return workspace_site(populated_app)


def _error_of(html, field):
    found = re.search(rf'<p class="error" id="e-{field}">([^<]+)</p>', html)
    return found and found.group(1)


def _rows(app, model):
    with session_scope(app.state.sessions) as db:
        return [(r.id, r.status if model is ProgrammeEnrolment else r.action)
                for r in db.scalars(select(model).order_by(model.id))]  # fmt: skip


def _evaluate(client, enrolment, day, facts):
    return post_form(client, f"{SECTION}/{enrolment}/evaluate",
                     {"on": day, "period": day[:4], **facts})  # fmt: skip


def test_a_decision_is_corrected_from_its_history(site):
    app, client, _ = site
    signed_in(client, "ana@obs.dz")
    post_form(client, SECTION, {"programme": "kompetenznetze", "joined": "2021-01-01"})
    [(enrolment, _)] = _rows(app, ProgrammeEnrolment)
    assert _evaluate(client, enrolment, "2021-02-01", MET).status_code == 303
    assert _evaluate(client, enrolment, "2023-02-01", MISSED).status_code == 303
    (first, _), (second, _) = _rows(app, ProgrammeDecision)
    section = client.get(SECTION).text
    correct = f"{SECTION}/decisions/{second}/correct"
    assert f'href="{correct}"' in section
    assert "recorded by an analyst of the observatory" in section
    form = client.get(correct).text
    assert 'name="fact-enterprises" type="text" value="9"' in form and "Source: typed" in form

    r = post_form(client, correct, {"date": "2023-02-01", "fact-enterprises": "10"})
    assert r.status_code == 400
    assert _error_of(r.text, "reason").startswith("Say why the decision is corrected")
    r = post_form(client, correct, {"date": "2023-02-31", "reason": "x"})
    assert r.status_code == 400 and _error_of(r.text, "date").startswith("Write an existing")
    older = {**MET, "fact-enterprises": "3", "date": "2021-02-01", "reason": "x"}
    r = post_form(client, f"{SECTION}/decisions/{first}/correct", older)
    assert r.status_code == 400 and "only the latest decision" in _error_of(r.text, "action")
    r = post_form(client, correct, {**MET, "date": "2023-02-01",
                                    "reason": "A firm was left out of the count."})  # fmt: skip
    assert r.status_code == 303
    assert _rows(app, ProgrammeDecision)[-1] == (second, "keep")
    assert _rows(app, ProgrammeEnrolment) == [(enrolment, "renewed")]
    history = client.get(SECTION).text
    assert "corrected by ana@obs.dz" in history and "A firm was left out" in history
    arabic = client.get(f"{correct}?lang=ar").text
    assert 'dir="rtl"' in arabic and "تصحيح قرار" in arabic
    french = client.get(f"{correct}?lang=fr").text
    assert "Corriger une décision" in french
    client.get(f"{SECTION}?lang=en")
    signed_in(client, "mgr@obs.dz")  # the committee decides: not the cluster's manager
    assert client.get(correct).status_code == 403
    assert f'href="{correct}"' not in client.get(SECTION).text
    assert client.get(f"{SECTION}/decisions/999/correct").status_code == 404


def test_the_cluster_association_decides_its_own_label(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    post_form(client, SECTION, {"programme": "basque-cluster-associations",
                                "joined": "2021-01-01"})  # fmt: skip
    [(enrolment, _)] = _rows(app, ProgrammeEnrolment)
    assert f"{SECTION}/{enrolment}/evaluate" in client.get(SECTION).text
    facts = {"fact-member_types": "2", "fact-research_bodies": "1", "fact-enterprises": "15",
             "fact-management_fte": "1"}  # fmt: skip
    assert _evaluate(client, enrolment, "2021-02-01", facts).status_code == 303
    assert _rows(app, ProgrammeDecision)[-1][1] == "award"
    public = client.get("/programmes/basque-cluster-associations").text
    assert "recorded in grappe by the cluster&#39;s manager" in public
    assert "this step decides on the label" in public
    signed_in(client, "ana@obs.dz")
    assert client.get(f"{SECTION}/{enrolment}/evaluate").status_code == 403
    assert _evaluate(client, enrolment, "2022-02-01", facts).status_code == 403


def test_an_expired_label_is_shown_expired_at_once(site):
    """An ESCA bronze label awarded on 2020-03-15 was valid until 2022-03-14: the workspace
    says it expired, the public page no longer lists the cluster (nothing stored yet)."""
    app, client, _ = site
    esca = programme_from_dict({
        "key": "esca-management-excellence", "names": {"en": "ESCA-like (test)"},
        "levels": [{"key": "bronze", "names": {"en": "Bronze"}, "validity_years": 2}],
    })  # fmt: skip
    with session_scope(app.state.sessions) as db:
        e = enrol_cluster(db, Access.local("t"), "auto-mi", esca, joined=dt.date(2020, 3, 15))
        record_evaluation(db, Access.local("t"), e.id, {}, on=dt.date(2020, 3, 15))
    signed_in(client, "ana@obs.dz")
    section = client.get(SECTION).text
    assert "The label was valid until" in section and "it has expired" in section
    assert _rows(app, ProgrammeEnrolment) == [(e.id, "awarded")]  # a read writes nothing
    r = _evaluate(client, e.id, "2024-01-01", {})
    assert r.status_code == 400 and "closed" in _error_of(r.text, "action")
    assert "Evaluations due" not in client.get("/").text  # expired: closed, not overdue
    client.cookies.clear()
    public = client.get("/programmes/esca-management-excellence").text
    assert "No published cluster holds this label yet." in public
    # stored by the daily run; applied again and awarded today, it is listed until its last day
    today = dt.date.today()
    with session_scope(app.state.sessions) as db:
        [stored] = expire_labels(db, Access.local("t"), today=today)
        assert stored.date == dt.date(2022, 3, 15)
        again = enrol_cluster(db, Access.local("t"), "auto-mi", esca, joined=today)
        record_evaluation(db, Access.local("t"), again.id, {}, on=today)
    public = client.get("/programmes/esca-management-excellence").text
    until = today.replace(year=today.year + 2) - dt.timedelta(days=1)
    assert 'href="/clusters/auto-mi"' in public and "Valid until" in public
    assert f"{until.day}" in public and f"{until.year}" in public


def test_statistical_candidates_of_the_stored_map(site):
    app, client, _ = site
    path = "/programmes/us-cluster-mapping/candidates"
    assert client.get(path, follow_redirects=False).status_code in (302, 303)  # sign in first
    signed_in(client, "mgr@obs.dz")
    with session_scope(app.state.sessions) as db:
        latest = db.scalar(select(func.max(IndicatorSnapshot.year)))
        strong = db.scalar(
            select(func.count()).where(
                IndicatorSnapshot.year == latest, IndicatorSnapshot.strong.is_(True)
            )
        )
        years = sorted(set(db.scalars(select(IndicatorSnapshot.year))))
    assert strong > 0 and len(years) > 1  # the toy map has strong cells and several years
    page = client.get(path).text
    assert "strong &gt;= 1" in page  # the criteria shown
    assert f"{strong} cells of" in page and f", {latest})" in page
    assert page.count('<a href="/regions/') == strong
    earliest = client.get(f"{path}?year={years[0]}").text
    assert f", {years[0]})" in earliest
    assert "has no year 1900" in client.get(f"{path}?year=1900").text
    assert 'dir="rtl"' in client.get(f"{path}?lang=ar").text
    assert client.get("/programmes/kompetenznetze/candidates").status_code == 404


def test_a_typed_fact_is_read_the_same_on_the_evaluation_and_correction_forms():
    """``programme_forms.typed_number``, which both forms read a fact's field with: empty is
    unknown, a decimal comma and spaces between thousands are taken, anything that is not a
    finite number is refused (NaN)."""
    read = {"": None, "12": 12.0, "0,5": 0.5, "1 200": 1200.0, "-3": -3.0}
    for text, expected in read.items():
        assert typed_number({"fact-members": text}, "members") == expected, text
    assert typed_number({}, "members") is None
    for text in ("many", "inf", "-inf", "nan", "1,2,3"):
        assert math.isnan(typed_number({"fact-members": text}, "members")), text
