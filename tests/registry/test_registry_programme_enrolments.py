"""Enrolments in a programme and label decisions (grappe.registry.programme_enrolments), on
SQLite and PostgreSQL: facts gathered from dated records with their sources, the
Kompetenznetze-style re-evaluation (award, keep, suspend, withdraw) with its audit trail,
overrides with a reason, corrections, reminders, rights and error paths."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
from grappe.programmes import programme_from_dict
from grappe.registry.models import (
    Actor,
    AnswerSet,
    AuditEntry,
    Cluster,
    IndicatorSnapshot,
    Kpi,
    MemberEvent,
    Membership,
    Region,
)
from grappe.registry.permissions import Access
from grappe.registry.programme_corrections import correct_decision
from grappe.registry.programme_enrolments import (
    check_enrolment,
    enrol_cluster,
    list_decisions,
    list_enrolments,
    load_enrolment,
    record_evaluation,
    withdraw_enrolment,
)
from grappe.registry.programme_facts import gather_facts
from grappe.registry.programme_reminders import due_evaluations

ADMIN = Access("root", "admin")
ANALYST = Access("ana", "analyst")
MANAGER = Access("mgr", "manager", frozenset({"dates"}))
OTHER = Access("other", "manager", frozenset({"elsewhere"}))

#: A programme in the Kompetenznetze way (seed 004, §11.1.4: admitted networks are evaluated
#: periodically and lose the label when they no longer meet the criteria). The thresholds are
#: the test's own, not the programme's.
NETWORKS = programme_from_dict({
    "key": "test-networks",
    "names": {"en": "Competence networks (test)", "fr": "Réseaux de compétence (test)",
              "ar": "شبكات الكفاءة (اختبار)"},
    "eligibility": ["members >= 3", "member_types >= 2"],
    "levels": [{"key": "member", "rank": 1,
                "names": {"en": "Member", "fr": "Membre", "ar": "عضو"},
                "criteria": ["members >= 3", "jobs >= 100"]}],
    "evaluation": {"every_months": 12, "on_fail": ["suspend", "withdraw"]},
})  # fmt: skip


@pytest.fixture
def db(rolled_back):
    """A session on the module's database (:func:`module_data`), rolled back after the test."""
    return rolled_back


def module_data(session):
    """Cluster ``dates``: four members joined in 2021 (two enterprises, a university, a public
    body); two leave in June 2025. Jobs 120 (2022), 130 (2023), 90 (2024), 150 (2025)."""
    session.add_all([Cluster(id="dates", name_en="Dates"),
                     Cluster(id="elsewhere", name_en="Elsewhere")])  # fmt: skip
    spheres = {"f1": "enterprise", "f2": "enterprise", "u1": "university", "p1": "public"}
    for actor, sphere in spheres.items():
        session.add(Actor(id=actor, name=actor.upper(), sphere=sphere))
    session.flush()
    for actor in spheres:
        session.add(Membership(cluster_id="dates", actor_id=actor))
        session.add(MemberEvent(cluster_id="dates", actor_id=actor, kind="join",
                                date=dt.date(2021, 3, 1)))  # fmt: skip
    for actor in ("f2", "p1"):
        session.add(MemberEvent(cluster_id="dates", actor_id=actor, kind="leave",
                                date=dt.date(2025, 6, 30)))  # fmt: skip
    for year, jobs in ((2022, 120.0), (2023, 130.0), (2024, 90.0), (2025, 150.0)):
        session.add(Kpi(cluster_id="dates", name="jobs", year=year, period=str(year),
                        value=jobs))  # fmt: skip


def _evaluate(db, enrolment, year, **kwargs):
    on = dt.date(year + 1, 1, 15)
    facts = gather_facts(db, "dates", on=on).facts
    return record_evaluation(db, ANALYST, enrolment, facts, on=on, period=str(year), **kwargs)


def test_gather_facts_reads_dated_records_with_their_sources(db):
    early = gather_facts(db, "dates", on=dt.date(2023, 1, 15), metrics=["members", "jobs", "lq"])
    assert early.facts["members"].value == 4.0
    assert early.facts["members"].source == "member_events"
    assert early.facts["member_types"].value == 3.0  # enterprise, university, public
    assert early.facts["enterprises"].value == 2.0
    assert (early.facts["jobs"].value, early.facts["jobs"].source) == (120.0, "kpi:2022")
    assert early.missing == ("lq",)  # no indicator snapshot: reported, not invented
    late = gather_facts(db, "dates", on=dt.date(2026, 1, 15))
    assert late.facts["members"].value == 2.0  # f2 and p1 left in June 2025
    assert late.facts["member_types"].value == 2.0  # f1 (enterprise), u1 (university)
    assert (late.facts["jobs"].value, late.facts["jobs"].source) == (150.0, "kpi:2025")


def test_gather_facts_reads_the_management_answers_and_the_map(db):
    db.add(Region(id="DZ-07", code="07", country="DZ", region_type="wilaya", name_en="Biskra"))
    cluster = db.get(Cluster, "dates")
    cluster.sector, cluster.definitions = "dates", "dz"
    db.flush()
    cluster.regions = [db.get(Region, "DZ-07")]
    for year, lq in ((2020, 3.0), (2022, 4.5), (2030, 9.0)):
        db.add(IndicatorSnapshot(definitions="dz", region_id="DZ-07", cluster="dates",
                                 cluster_name="Dates", cluster_type="traded", year=year,
                                 employment=1000.0, lq=lq, strong=True, stars=2))  # fmt: skip
    db.add(AnswerSet(cluster_id="dates", questionnaire="management", respondent="panel",
                     date=dt.date(2022, 6, 1), answers={"M-G2": 1.5, "M-S2": 80.0, "M-G1": True},
                     created_by="t"))  # fmt: skip
    db.add(AnswerSet(cluster_id="dates", questionnaire="danish", respondent="panel",
                     date=dt.date(2022, 9, 1), answers={"DK-S1": 4, "M-S1": 99},
                     created_by="t"))  # fmt: skip
    db.add(AnswerSet(cluster_id="dates", questionnaire="management", respondent="panel",
                     date=dt.date(2022, 7, 1), answers={"M-S1": 40}, created_by="t"))  # fmt: skip
    db.flush()
    facts = gather_facts(db, "dates", on=dt.date(2023, 1, 15)).facts
    assert (facts["lq"].value, facts["lq"].source) == (4.5, "indicators:2022")  # not 2030
    assert facts["strong"].value == 1.0 and facts["stars"].value == 2.0
    # the latest management answers (2022-07-01) give only M-S1: the earlier set's figures are
    # not mixed in, and the members counted from the records beat the declared 40
    assert "management_fte" not in facts and facts["members"].value == 4.0
    assert facts["danish_structure"].value == 4.0
    assert facts["danish_structure"].source == "questionnaire:danish:2022-09-01"
    earlier = gather_facts(db, "dates", on=dt.date(2022, 6, 15)).facts
    assert earlier["management_fte"].value == 1.5
    assert earlier["management_fte"].source == "questionnaire:management:2022-06-01"
    assert earlier["sme_share"].value == pytest.approx(0.8)
    assert earlier["management_strategy"].value == 1.0
    before = gather_facts(db, "dates", on=dt.date(2022, 1, 1), metrics=["management_fte"])
    assert before.missing == ("management_fte",)  # answered later: not yet known


def test_three_periods_keep_suspend_withdraw_with_the_audit_trail(db):
    """The issue's done-when: after the award, re-evaluations keep, suspend and withdraw the
    label by the rule; each decision keeps its facts, results, states and author."""
    enrolment = enrol_cluster(db, MANAGER, "dates", NETWORKS, joined=dt.date(2022, 1, 1))
    assert enrolment.state.status == "applied"
    assert enrolment.next_evaluation == dt.date(2022, 1, 1)
    eligibility, gathered = check_enrolment(db, enrolment.id, on=dt.date(2022, 1, 1))
    assert eligibility.eligible and gathered.facts["members"].source == "member_events"

    award = _evaluate(db, enrolment.id, 2022)
    keep = _evaluate(db, enrolment.id, 2023)
    suspend = _evaluate(db, enrolment.id, 2024)  # jobs 90 < 100
    withdraw = _evaluate(db, enrolment.id, 2025)  # members 2 < 3 (jobs back to 150)
    assert [d.action for d in (award, keep, suspend, withdraw)] == [
        "award", "keep", "suspend", "withdraw"]  # fmt: skip
    assert [d.state.status for d in (award, suspend, withdraw)] == [
        "awarded", "suspended", "withdrawn"]  # fmt: skip
    assert keep.state.status in ("awarded", "renewed") and keep.state.level == "member"
    assert suspend.state.failures == 1 and withdraw.state.failures == 2
    failed = {r["metric"]: r for r in suspend.results if not r["ok"]}
    assert set(failed) == {"jobs"} and failed["jobs"]["value"] == 90.0
    assert failed["jobs"]["source"] == "kpi:2024"
    assert not any(d.overridden for d in (award, keep, suspend, withdraw))
    assert suspend.reason is None  # no person's why: the rule's own reasons are kept apart
    assert "the rule says suspend" in suspend.rule_reasons[0]
    assert suspend.rule_reasons[0].template.startswith("failed evaluations in a row")
    assert withdraw.previous == suspend.state

    now = load_enrolment(db, enrolment.id)
    assert (now.state.status, now.next_evaluation) == ("withdrawn", None)
    assert [d.id for d in list_decisions(db, enrolment.id)] == [
        award.id, keep.id, suspend.id, withdraw.id]  # fmt: skip
    kinds = ("enrolment", "label_decision")
    query = select(AuditEntry).where(AuditEntry.resource.in_(kinds)).order_by(AuditEntry.id)
    trail = list(db.scalars(query))
    assert [(a.who, a.action, a.resource) for a in trail][:2] == [
        ("mgr", "create", "enrolment"), ("ana", "create", "label_decision")]  # fmt: skip
    changes = [
        a.after["status"]
        for a in trail
        if a.resource == "enrolment" and a.action == "update" and "status" in a.after
    ]
    assert changes[0] == "awarded" and changes[-2:] == ["suspended", "withdrawn"]
    assert next(a for a in reversed(trail) if a.resource == "enrolment").before["status"] == (
        "suspended")  # fmt: skip
    with pytest.raises(InvalidParameterError, match="withdrawn: it is no longer evaluated"):
        _evaluate(db, enrolment.id, 2025)


def test_override_needs_a_reason_and_is_recorded(db):
    enrolment = enrol_cluster(db, ADMIN, "dates", NETWORKS, joined=dt.date(2022, 1, 1))
    _evaluate(db, enrolment.id, 2022)
    with pytest.raises(InvalidParameterError, match="must say why"):
        _evaluate(db, enrolment.id, 2024, action="keep")
    kept = _evaluate(db, enrolment.id, 2024, action="keep", reason="Jobs were re-counted late.")
    assert (kept.rule_action, kept.action, kept.overridden) == ("suspend", "keep", True)
    assert kept.reason == "Jobs were re-counted late."
    assert load_enrolment(db, enrolment.id).state.status != "suspended"
    with pytest.raises(InvalidParameterError, match="must be one of member to award"):
        _evaluate(db, enrolment.id, 2025, action="award", level="gold", reason="x")


def test_typed_facts_are_recorded_as_typed(db):
    enrolment = enrol_cluster(db, ADMIN, "dates", NETWORKS, joined=dt.date(2022, 1, 1))
    on = dt.date(2023, 1, 15)
    facts = {**gather_facts(db, "dates", on=on).facts, "jobs": 99.0}
    decision = record_evaluation(db, ANALYST, enrolment.id, facts, on=on)
    assert decision.facts["jobs"].source == "typed" and decision.facts["jobs"].value == 99.0
    assert decision.facts["members"].source == "member_events"
    assert decision.action == "refuse" and decision.state.level is None  # jobs 99 < 100
    assert any("jobs" in r for r in decision.rule_reasons) and decision.reason is None


def test_correct_decision_changes_the_latest_action_only_and_audits(db):
    enrolment = enrol_cluster(db, ADMIN, "dates", NETWORKS, joined=dt.date(2022, 1, 1))
    first = _evaluate(db, enrolment.id, 2022)
    second = _evaluate(db, enrolment.id, 2024)  # suspend
    with pytest.raises(InvalidParameterError, match="only the latest decision"):
        correct_decision(db, ANALYST, first.id, action="refuse", reason="wrong")
    corrected = correct_decision(db, ANALYST, second.id, action="keep", reason="Appeal upheld.")
    assert (corrected.action, corrected.overridden, corrected.updated_by) == ("keep", True, "ana")
    assert load_enrolment(db, enrolment.id).state.status != "suspended"
    entry = db.scalars(select(AuditEntry).where(AuditEntry.resource == "label_decision",
                                                AuditEntry.action == "update")).one()  # fmt: skip
    assert entry.before["action"] == "suspend" and entry.after["action"] == "keep"
    with pytest.raises(InvalidParameterError, match="must say why"):
        correct_decision(db, ANALYST, second.id, reason="  ")
    with pytest.raises(NotFoundError, match="No decision with id 999"):
        correct_decision(db, ANALYST, 999, reason="x")


def test_due_evaluations_lists_due_and_overdue(db):
    enrolment = enrol_cluster(db, ADMIN, "dates", NETWORKS, joined=dt.date(2022, 1, 1))
    assert [d.days for d in due_evaluations(db, today=dt.date(2022, 1, 11))] == [-10]
    assert due_evaluations(db, today=dt.date(2022, 1, 11))[0].overdue
    _evaluate(db, enrolment.id, 2022)  # on 2023-01-15: the next one a year after the joining
    nxt = load_enrolment(db, enrolment.id).next_evaluation
    assert nxt is not None and nxt > dt.date(2023, 1, 15)
    assert due_evaluations(db, today=nxt - dt.timedelta(days=40)) == []
    soon = due_evaluations(db, today=nxt - dt.timedelta(days=20), clusters=["dates"])
    assert [(d.enrolment_id, d.days, d.overdue) for d in soon] == [(enrolment.id, 20, False)]
    assert due_evaluations(db, today=nxt, clusters=["elsewhere"]) == []
    with pytest.raises(InvalidParameterError, match="within_days"):
        due_evaluations(db, today=nxt, within_days=-1)


def test_rights_and_errors(db):
    with pytest.raises(PermissionDeniedError, match="a manager of 'elsewhere' cannot create"):
        enrol_cluster(db, OTHER, "dates", NETWORKS, joined=dt.date(2022, 1, 1))
    with pytest.raises(NotFoundError, match="No cluster with id 'nowhere'"):
        enrol_cluster(db, ADMIN, "nowhere", NETWORKS, joined=dt.date(2022, 1, 1))
    enrolment = enrol_cluster(db, MANAGER, "dates", NETWORKS, joined=dt.date(2022, 1, 1))
    with pytest.raises(InvalidParameterError, match="already enrolled"):
        enrol_cluster(db, ADMIN, "dates", NETWORKS, joined=dt.date(2022, 2, 1))
    with pytest.raises(PermissionDeniedError, match="a manager of 'dates' cannot decide"):
        _evaluate_as(db, MANAGER, enrolment.id)
    with pytest.raises(InvalidParameterError, match="'action' parameter .* must be one of"):
        record_evaluation(db, ANALYST, enrolment.id, {}, on=dt.date(2023, 1, 1), action="x",
                          reason="y")  # fmt: skip
    _evaluate(db, enrolment.id, 2022)
    with pytest.raises(InvalidParameterError, match="must not be before the last decision"):
        record_evaluation(db, ANALYST, enrolment.id, {}, on=dt.date(2022, 6, 1))
    with pytest.raises(PermissionDeniedError, match="an analyst cannot delete"):
        withdraw_enrolment(db, ANALYST, enrolment.id)
    withdraw_enrolment(db, ADMIN, enrolment.id)
    assert list_enrolments(db, cluster_id="dates") == []
    with pytest.raises(NotFoundError, match="it was withdrawn"):
        load_enrolment(db, enrolment.id)


def _evaluate_as(db, who, enrolment_id):
    on = dt.date(2023, 1, 15)
    return record_evaluation(db, who, enrolment_id, gather_facts(db, "dates", on=on).facts,
                             on=on)  # fmt: skip


def test_gather_facts_reads_the_stored_network(db):
    """Hand count on a stored network of cluster ``elsewhere``: F (enterprise) and U
    (university) are local members, X (enterprise) an outside partner abroad. Linked pairs
    F–U (internal) and F–X (external): external share 1/2; one industry–research pair."""
    import pandas as pd

    from grappe.network import build_network, density
    from grappe.registry.networks import store_network

    actors = pd.DataFrame({"id": ["F", "U", "X"], "name": ["F", "U", "X"],
                           "sphere": ["enterprise", "university", "enterprise"],
                           "level": ["local", "local", "international"],
                           "member": [True, True, False]})  # fmt: skip
    ties = pd.DataFrame({"source": ["F", "U", "F"], "target": ["U", "F", "X"],
                         "type": ["information", "advice", "cooperation"]})  # fmt: skip
    net = build_network(actors, ties)
    store_network(db, net, cluster="elsewhere", who=ADMIN)
    facts = gather_facts(db, "elsewhere", on=dt.date(2024, 1, 1)).facts
    assert facts["industry_research_ties"].value == 1.0
    assert facts["external_tie_share"].value == 0.5
    assert facts["network_density"].value == pytest.approx(density(net))
    assert {facts[k].source for k in ("industry_research_ties", "network_density")} == {"network"}
    assert facts["members"].value == 2.0  # X is a partner, not a member


def test_the_rules_own_action_needs_no_reason_and_a_correction_does(db):
    enrolment = enrol_cluster(db, ADMIN, "dates", NETWORKS, joined=dt.date(2022, 1, 1))
    award = _evaluate(db, enrolment.id, 2022, action="award", level="member")
    assert (award.action, award.overridden) == ("award", False)  # the rule's: no reason needed
    with pytest.raises(InvalidParameterError, match="why decision .* is corrected"):
        correct_decision(db, ANALYST, award.id, period="2022", reason="")
