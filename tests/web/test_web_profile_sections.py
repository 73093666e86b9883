"""The sections a cluster's manager publishes (issue 14, item 7) and what each shows: values
computed from objects stored through the registry's typed store functions, hidden when not
published (on the page and in the API for anonymous callers), the PATCH that chooses them, and
the Arabic (right-to-left) page."""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from grappe.assess import classify, diamond, draft_swot, lifecycle_stage, success_factors
from grappe.io.assess import read_answers, read_questionnaire
from grappe.io.network import read_example_network, read_network
from grappe.registry import (
    diagnose_stored,
    session_scope,
    store_answers,
    store_assessment,
    store_evaluation,
    store_network,
    store_roadmap,
    store_swot,
)
from grappe.registry.roadmaps import parse_roadmap
from grappe.reports.i18n import NAMES, label
from grappe.roadmap import check_label, evaluate_kpis, make_label
from grappe.vocabulary import PROFILE_SECTIONS
from grappe.web.i18n import format_number

FIXTURES = Path(__file__).parents[1] / "fixtures"
API = "/api/v1"
DAY = dt.date(2024, 7, 1)
SERIES = pd.DataFrame(
    {"year": [2019, 2020, 2021], "employment": [100, 120, 150],
     "national_employment": [1000, 1010, 1020], "lq": [0.6, 0.7, 0.8]}
)  # fmt: skip
KPIS = pd.DataFrame(
    {"kpi": ["members", "members", "jobs", "jobs"],
     "period": ["2024-Q1", "2024-Q2", "2024-Q1", "2024-Q2"],
     "value": [40.0, 46.0, 1200.0, 1350.0], "target": [45.0, 45.0, 1300.0, 1300.0],
     "direction": "at_least"}
)  # fmt: skip


def _store_everything(app, admin):
    """Knoke's network and its diagnosis, the diamond, Quebec, Danish and life-cycle results, a
    SWOT drafted from them, the dated roadmap and two quarters of KPIs with their evaluations —
    all in the cluster ``knoke``, through the registry's store functions."""
    from grappe.registry import repositories as repo

    stored = {}
    with session_scope(app.state.sessions) as s:
        repo.create_cluster(s, {"id": "knoke", "name_en": "Knoke", "published": True}, who="t")
        store_network(s, read_example_network("knoke"), cluster="knoke", who="t")
        stored["diagnosis"] = diagnose_stored(s, "knoke", date=DAY, who="t").texts
        q = read_questionnaire("diamond")
        answers = read_answers(FIXTURES / "assess" / "diamond_answers.yaml", q)
        aid = store_answers(s, "knoke", q, answers, respondent="panel", date=DAY, who="t")
        evidence = {"wage_ratio": 1.1, "lq": 1.3, "employment": 12_000.0}
        d = diamond(evidence, questionnaire=q, answers=answers)
        sf = success_factors(evidence, method="quebec")
        dk = success_factors(evidence, method="danish")
        life = lifecycle_stage(SERIES)
        store_assessment(s, "knoke", d, date=DAY, who="t", answers_id=aid)
        store_assessment(s, "knoke", sf, date=DAY, who="t", classification=classify(sf))
        store_assessment(s, "knoke", dk, date=DAY, who="t", classification=classify(dk))
        store_assessment(s, "knoke", life, date=DAY, who="t")
        swot = draft_swot(scores=d.scores, lifecycle=life, names=NAMES)  # as the report drafts
        store_swot(s, "knoke", swot, date=DAY, who="t")
        roadmap = parse_roadmap(
            __import__("yaml").safe_load((FIXTURES / "roadmap" / "roadmap_dates.yaml").read_text())
        )
        store_roadmap(s, "knoke", roadmap, who="t")
        label_ = make_label({"name": "Bronze", "level": "bronze", "criteria": ["members >= 45"],
                             "valid_from": "2024-01-01", "valid_to": "2025-12-31"})  # fmt: skip
        for period in ("2024-Q1", "2024-Q2"):
            ev = evaluate_kpis(KPIS, period=period)
            store_evaluation(s, "knoke", ev, date=DAY, who="t",
                             label_check=check_label(label_, ev, on=DAY))  # fmt: skip
        stored.update(diamond=d, quebec=classify(sf), danish=classify(dk), life=life, swot=swot,
                      roadmap=roadmap)  # fmt: skip
    return stored


@pytest.fixture
def knoke(app_and_client, admin):
    app, client = app_and_client
    stored = _store_everything(app, admin)
    for rec in KPIS.to_dict("records"):
        r = client.put(f"{API}/kpis", headers=admin, json={
            "cluster_id": "knoke", "name": rec["kpi"], "period": rec["period"],
            "value": rec["value"], "target": rec["target"]})  # fmt: skip
        assert r.status_code == 200, r.text
    return client, stored


def _publish(client, admin, sections):
    r = client.patch(f"{API}/clusters/knoke", json={"public_sections": sections}, headers=admin)
    assert r.status_code == 200, r.text
    return r.json()


def _json_of(text, element_id):
    found = re.search(rf'<script type="application/json" id="{element_id}-data">(.*?)</script>',
                      text, re.S)  # fmt: skip
    assert found, element_id
    return json.loads(found.group(1))


def test_every_published_section_shows_the_stored_values(knoke, admin):
    client, stored = knoke
    assert _publish(client, admin, list(PROFILE_SECTIONS))["public_sections"] == list(
        PROFILE_SECTIONS
    )
    text = client.get("/clusters/knoke?lang=en").text
    page = html.unescape(text)
    # network: the written diagnosis in English and its figures (Knoke: 10 actors, 71 ties)
    first = stored["diagnosis"]["en"].splitlines()[0]
    assert first in page
    assert "Network diagnosis" in page and "Density" in page and "0.67" in page
    # the diamond's radar holds the stored scores, in the kernel's order, named as the report
    radar = _json_of(text, "diamond-radar")
    scores = stored["diamond"].scores
    assert radar["labels"] == [label(k, "en") for k in scores]
    assert radar["values"] == [None if math.isnan(s.value) else s.value for s in scores.values()]
    assert label(stored["quebec"].level, "en") in page
    assert label(stored["danish"].level, "en") in page
    assert label(stored["life"].stage, "en") in page
    # the SWOT, every item in English
    for item in stored["swot"].strengths + stored["swot"].weaknesses:
        assert item.text("en") in page
    # the roadmap's timeline: one bar per action, one diamond per milestone
    actions = stored["roadmap"].actions
    assert page.count('class="gantt-bar status-') == len(actions)
    assert page.count('class="milestone') == sum(len(a.milestones) for a in actions)
    # one chart per KPI, by quarter (not by year), with its target line
    jobs = _json_of(text, "kpi-0")  # KPIs sorted by name: jobs, members
    members = _json_of(text, "kpi-1")
    assert (jobs["labels"], jobs["values"], jobs["targets"]) == (
        ["2024-Q1", "2024-Q2"], [1200.0, 1350.0], [1300.0, 1300.0])  # fmt: skip
    assert members["values"] == [40.0, 46.0]
    assert 'id="kpis"' not in text  # the old all-KPIs-by-year chart is gone
    # evaluations: each quarter's KPIs met or not, beside the previous quarter; the label status
    q2 = page.index("KPIs of <bdi>2024-Q2</bdi> against their targets")
    q1 = page.index("KPIs of <bdi>2024-Q1</bdi> against their targets")
    assert q2 < q1  # newest period first
    assert "Targets met: 100.0%" in page and "previous period: 0.0%" in page
    assert "holds" in page and "does not hold" in page


def test_sections_not_published_are_not_shown(knoke, admin):
    client, _ = knoke
    default = client.get("/clusters/knoke?lang=en").text  # roadmap, KPIs, evaluations
    for absent in ("Network diagnosis", "diamond-radar", 'id="swot-h"'):
        assert absent not in default
    for present in ('id="roadmap-h"', 'id="kpi-0"', 'id="eval-h"'):
        assert present in default
    _publish(client, admin, ["swot"])
    only_swot = client.get("/clusters/knoke?lang=en").text
    assert 'id="swot-h"' in only_swot
    for absent in ('id="roadmap-h"', 'id="kpi-h"', 'id="eval-h"', "gantt-svg", "diag-h"):
        assert absent not in only_swot


SECTION_READS = {
    "network": ["/clusters/knoke/network/diagnoses"],
    "assessments": ["/clusters/knoke/assessments"],
    "swot": ["/clusters/knoke/swots"],
    "roadmap": ["/clusters/knoke/roadmap"],
    "kpis": ["/kpis?cluster=knoke"],
    "evaluations": ["/evaluations?cluster=knoke"],
    "reports": ["/clusters/knoke/reports"],
}


@pytest.mark.parametrize("section", PROFILE_SECTIONS)
def test_the_api_hides_an_unpublished_section_from_anonymous_callers(knoke, admin, section):
    client, _ = knoke
    others = [s for s in PROFILE_SECTIONS if s != section]
    _publish(client, admin, others)
    for path in SECTION_READS[section]:
        r = client.get(API + path)
        assert r.status_code == 404, (path, r.text)
        assert r.json()["error"]["code"] == "not_found"
        assert client.get(API + path, headers=admin).status_code == 200  # a token still reads
    _publish(client, admin, [section])
    for path in SECTION_READS[section]:
        assert client.get(API + path).status_code == 200, path


def test_anonymous_lists_hold_only_the_clusters_that_publish_the_section(knoke, admin):
    client, _ = knoke
    assert {k["cluster_id"] for k in client.get(f"{API}/kpis").json()["data"]} >= {"knoke"}
    _publish(client, admin, ["roadmap"])

    def ids(path, **kw):
        return {row["cluster_id"] for row in client.get(API + path, **kw).json()["data"]}

    assert "knoke" not in ids("/kpis") and "knoke" not in ids("/evaluations")
    assert "knoke" in ids("/kpis", headers=admin)


def test_patch_refuses_an_unknown_section_and_audits_a_choice(knoke, admin):
    client, _ = knoke
    r = client.patch(f"{API}/clusters/knoke", json={"public_sections": ["swot", "interviews"]},
                     headers=admin)  # fmt: skip
    assert r.status_code == 422
    assert "public_sections" in json.dumps(r.json()["error"]["details"])
    assert client.get(f"{API}/clusters/knoke").json()["public_sections"] == [
        "roadmap", "kpis", "evaluations"]  # fmt: skip
    # stored in the vocabulary's order, repeats dropped, audited before/after
    assert _publish(client, admin, ["swot", "network", "swot"])["public_sections"] == [
        "network", "swot"]  # fmt: skip
    entries = client.get(f"{API}/audit?resource=cluster", headers=admin).json()["data"]
    last = [e for e in entries if e["resource_id"] == "knoke" and e["action"] == "update"][0]
    assert last["before"] == {"public_sections": ["roadmap", "kpis", "evaluations"]}
    assert last["after"] == {"public_sections": ["network", "swot"]}


def test_a_manager_chooses_for_his_cluster_only(populated):
    client, tokens = populated
    ok = client.patch(f"{API}/clusters/auto-mi", json={"public_sections": ["swot"]},
                      headers=tokens["mgr"])  # fmt: skip
    assert ok.status_code == 200 and ok.json()["public_sections"] == ["swot"]
    refused = client.patch(f"{API}/clusters/secret", json={"public_sections": ["swot"]},
                           headers=tokens["mgr"])  # fmt: skip
    assert refused.status_code == 403
    anonymous = client.patch(f"{API}/clusters/auto-mi", json={"public_sections": ["swot"]})
    assert anonymous.status_code == 401


def test_the_registry_refuses_an_unknown_section(sessions):
    from grappe.errors import InvalidParameterError
    from grappe.registry import repositories as repo

    with sessions.begin() as s, pytest.raises(InvalidParameterError, match="'public_sections'"):
        repo.create_cluster(s, {"id": "x", "name_en": "X", "public_sections": ["ties"]}, who="t")
    with sessions.begin() as s, pytest.raises(InvalidParameterError, match="must be a list"):
        repo.create_cluster(s, {"id": "x", "name_en": "X", "public_sections": "swot"}, who="t")


def test_the_arabic_page_is_right_to_left_with_arabic_texts_and_digits(knoke, admin):
    client, stored = knoke
    _publish(client, admin, list(PROFILE_SECTIONS))
    text = client.get("/clusters/knoke?lang=ar").text
    page = html.unescape(text)
    assert '<html lang="ar" dir="rtl">' in text
    assert stored["diagnosis"]["ar"].splitlines()[0] in page
    assert "نقاط القوة" in page  # the SWOT's strengths
    assert _json_of(text, "diamond-radar")["labels"][0] == label("factor_conditions", "ar")
    assert _json_of(text, "kpi-0")["labels"] == ["2024-Q1", "2024-Q2"]
    assert format_number(1350, "ar") in page
    # the timeline runs from right to left: the names' column is on the right
    en = client.get("/clusters/knoke?lang=en").text
    first_bar = r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"'
    x_en, w_en = map(float, re.search(first_bar, en).groups())
    x_ar, w_ar = map(float, re.search(first_bar, text).groups())
    assert w_ar == w_en and x_en >= 260 and x_ar + w_ar <= 880 - 260 + 0.2


def test_the_change_between_two_waves_and_never_a_respondent(app_and_client, admin):
    app, client = app_and_client
    from grappe.registry import repositories as repo

    net = read_network(FIXTURES / "network" / "synthetic_actors.csv",
                       FIXTURES / "network" / "synthetic_ties.csv", directed=False)  # fmt: skip
    with session_scope(app.state.sessions) as s:
        repo.create_cluster(s, {"id": "cuivre", "name_en": "Copperware", "published": True,
                                "public_sections": ["network"]}, who="t")  # fmt: skip
        store_network(s, net, cluster="cuivre", who="t")
        row = diagnose_stored(s, "cuivre", date=DAY, who="t")
        change = row.result["change"]
    page = html.unescape(client.get("/clusters/cuivre?lang=fr").text)
    assert f"De la vague {change['before']} à la vague {change['after']}" in page
    assert f"<dt>Liens formés</dt><dd>{format_number(change['ties_formed'], 'fr')}</dd>" in page
    raw = pd.read_csv(FIXTURES / "network" / "synthetic_ties.csv")
    for respondent in set(raw["respondent"].dropna()):
        assert respondent not in page


def test_signed_in_staff_see_every_section_and_a_member_only_the_published(knoke, admin):
    """The pages follow the API's rule: admin, analyst and manager (token roles) read every
    section; a member, like the public, reads the published ones."""
    from _accounts import _sign_in, _user

    client, _ = knoke
    app = client.app
    _publish(client, admin, ["swot"])
    _user(app, "ana@obs.dz", "analyst")
    _user(app, "member@obs.dz", "member", actor=_a_knoke_actor(app))
    for email, sees_all in (("ana@obs.dz", True), ("member@obs.dz", False)):
        client.cookies.clear()
        assert _sign_in(client, email).status_code == 303
        page = client.get("/clusters/knoke?lang=en").text
        assert 'id="swot-h"' in page
        for hidden in ('id="roadmap-h"', "diamond-radar", "diag-h"):
            assert (hidden in page) is sees_all, (email, hidden)
    client.cookies.clear()
    assert 'id="roadmap-h"' not in client.get("/clusters/knoke?lang=en").text


def _a_knoke_actor(app):
    from sqlalchemy import select

    from grappe.registry import session_scope
    from grappe.registry.models import Membership

    with session_scope(app.state.sessions) as db:
        return db.scalars(
            select(Membership.actor_id).where(Membership.cluster_id == "knoke")
        ).first()
