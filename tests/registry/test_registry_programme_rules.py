"""The programme workflow's rules in the registry (issue 18, gaps): labels that expire when not
renewed within their level's validity, decisions corrected with the original kept in the audit
log, and the role of the deciding admission step enforced. On SQLite and PostgreSQL; facts are
typed (the gathering of facts is tested in test_registry_programme_enrolments.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
from grappe.programmes import programme_from_dict
from grappe.registry.models import AuditEntry, Cluster
from grappe.registry.permissions import Access
from grappe.registry.programme_corrections import correct_decision
from grappe.registry.programme_deciders import decider_refusal, deciding_roles
from grappe.registry.programme_enrolments import (
    enrol_cluster,
    list_decisions,
    load_enrolment,
    record_evaluation,
)
from grappe.registry.programme_expiry import expire_labels, label_validity
from grappe.registry.programme_reminders import due_evaluations

ADMIN = Access("root", "admin")
ANALYST = Access("ana", "analyst")
MANAGER = Access("mgr", "manager", frozenset({"dates"}))
OTHER = Access("other", "manager", frozenset({"elsewhere"}))

_LEVEL = {"key": "bronze", "rank": 1, "names": {"en": "Bronze"}, "criteria": ["members >= 10"]}
#: A two-year label re-evaluated every 24 months, awarded by a jury the observatory records for
#: (the ESCA way: a label valid two years from the benchmarking). The thresholds are the test's.
JURY = programme_from_dict({
    "key": "test-jury",
    "names": {"en": "Jury label (test)"},
    "eligibility": ["members >= 10"],
    "admission": [
        {"key": "application", "names": {"en": "Application"}, "role": "manager",
         "decided_by": {"en": "The cluster"}},
        {"key": "jury", "names": {"en": "Jury"}, "role": "analyst",
         "decided_by": {"en": "The national jury"}},
    ],
    "levels": [{**_LEVEL, "validity_years": 2}],
    "evaluation": {"every_months": 24, "on_fail": ["suspend", "withdraw"]},
})  # fmt: skip
#: A label the cluster's own association grants (the Basque way), every 12 months.
ASSOCIATION = programme_from_dict({
    "key": "test-association",
    "names": {"en": "Association (test)"},
    "eligibility": ["members >= 10"],
    "admission": [{"key": "association", "names": {"en": "Association founded"},
                   "role": "manager", "decided_by": {"en": "The sector's firms"}}],
    "levels": [_LEVEL],
    "evaluation": {"every_months": 12, "on_fail": ["suspend", "withdraw"]},
})  # fmt: skip
#: No step names a role: the observatory decides.
OPEN = programme_from_dict({"key": "test-open", "names": {"en": "Open (test)"},
                            "eligibility": ["members >= 10"]})  # fmt: skip


@pytest.fixture
def db(sessions):
    with sessions() as session:
        session.add_all([Cluster(id="dates", name_en="Dates"),
                         Cluster(id="elsewhere", name_en="Elsewhere")])  # fmt: skip
        session.commit()
        yield session


def test_a_label_expires_the_day_after_its_validity_unless_renewed(db):
    """Awarded 2024-03-15, a two-year label is valid to 2026-03-14 (included); the next
    evaluation is due by then. Renewed on 2026-03-01 it runs to 2028-02-29; not renewed, it
    expires on 2028-03-01: computed at once on reading, stored once by the daily run."""
    e = enrol_cluster(db, ADMIN, "dates", JURY, joined=dt.date(2024, 3, 15))
    award = record_evaluation(db, ANALYST, e.id, {"members": 12}, on=dt.date(2024, 3, 15))
    assert award.action == "award"
    # the calendar says 2026-03-15, the validity ends the day before: the renewal comes first
    assert load_enrolment(db, e.id).next_evaluation == dt.date(2026, 3, 14)
    last_day = label_validity(db, e.id, on=dt.date(2026, 3, 14))
    assert (last_day.state.status, last_day.valid_until) == ("awarded", dt.date(2026, 3, 14))
    assert label_validity(db, e.id, on=dt.date(2026, 3, 15)).expired
    assert [d.days for d in due_evaluations(db, today=dt.date(2026, 3, 14))] == [0]
    assert due_evaluations(db, today=dt.date(2026, 3, 15)) == []  # closed, not overdue
    assert expire_labels(db, ADMIN, today=dt.date(2026, 3, 14)) == []

    renew = record_evaluation(db, ANALYST, e.id, {"members": 11}, on=dt.date(2026, 3, 1))
    assert (renew.action, renew.state.status) == ("keep", "renewed")
    assert label_validity(db, e.id, on=dt.date(2026, 3, 15)).state.status == "renewed"
    assert label_validity(db, e.id, on=dt.date(2028, 2, 29)).valid_until == dt.date(2028, 2, 29)
    assert expire_labels(db, ADMIN, today=dt.date(2028, 2, 29)) == []

    [expired] = expire_labels(db, ANALYST, today=dt.date(2028, 6, 1))
    assert (expired.action, expired.rule_action, expired.date) == (
        "expire", "expire", dt.date(2028, 3, 1))  # fmt: skip
    assert expired.previous.status == "renewed" and expired.state.status == "expired"
    assert "valid until 2028-02-29" in expired.rule_reasons[0]
    now = load_enrolment(db, e.id)
    assert (now.state.status, now.state.level, now.next_evaluation) == ("expired", None, None)
    assert due_evaluations(db, today=dt.date(2028, 6, 1)) == []
    assert expire_labels(db, ADMIN, today=dt.date(2028, 6, 2)) == []  # stored once
    trail = db.scalars(
        select(AuditEntry).where(
            AuditEntry.resource == "label_decision", AuditEntry.resource_id == str(expired.id)
        )
    ).all()
    assert [(a.who, a.action) for a in trail] == [("ana", "create")]
    with pytest.raises(InvalidParameterError, match="expired: it is no longer evaluated"):
        record_evaluation(db, ANALYST, e.id, {"members": 12}, on=dt.date(2028, 6, 1))


def test_an_evaluation_after_the_validity_stores_the_expiry_first(db):
    e = enrol_cluster(db, ADMIN, "dates", JURY, joined=dt.date(2024, 3, 15))
    record_evaluation(db, ANALYST, e.id, {"members": 12}, on=dt.date(2024, 3, 15))
    with pytest.raises(PermissionDeniedError, match="a manager of 'elsewhere' cannot create"):
        expire_labels(db, OTHER, today=dt.date(2026, 3, 15))  # not his cluster's label
    assert expire_labels(db, OTHER, today=dt.date(2026, 3, 15), clusters=["elsewhere"]) == []
    with pytest.raises(InvalidParameterError, match="expired: it is no longer evaluated"):
        record_evaluation(db, ANALYST, e.id, {"members": 12}, on=dt.date(2026, 3, 15))
    assert [d.action for d in list_decisions(db, e.id)] == ["award", "expire"]


def test_who_decides_is_the_role_of_the_deciding_step(db):
    assert deciding_roles(JURY) == ("admin", "analyst")
    assert deciding_roles(ASSOCIATION) == ("admin", "manager")
    assert deciding_roles(OPEN) == ("admin", "analyst")
    jury = enrol_cluster(db, MANAGER, "dates", JURY, joined=dt.date(2024, 1, 1))
    own = enrol_cluster(db, MANAGER, "dates", ASSOCIATION, joined=dt.date(2024, 1, 1))
    open_ = enrol_cluster(db, MANAGER, "dates", OPEN, joined=dt.date(2024, 1, 1))
    on = dt.date(2024, 1, 1)
    with pytest.raises(PermissionDeniedError,
                       match="its step 'jury' is decided by The national jury, recorded by the "
                             "role analyst"):  # fmt: skip
        record_evaluation(db, MANAGER, jury.id, {"members": 12}, on=on)
    with pytest.raises(PermissionDeniedError, match="the observatory does"):
        record_evaluation(db, MANAGER, open_.id, {"members": 12}, on=on)
    with pytest.raises(PermissionDeniedError, match="recorded by the role manager"):
        record_evaluation(db, ANALYST, own.id, {"members": 12}, on=on)
    with pytest.raises(PermissionDeniedError, match="a manager of 'elsewhere' cannot create"):
        record_evaluation(db, OTHER, own.id, {"members": 12}, on=on)
    assert record_evaluation(db, ANALYST, jury.id, {"members": 12}, on=on).decided_by == "ana"
    mine = record_evaluation(db, MANAGER, own.id, {"members": 12}, on=on)
    assert (mine.action, mine.decided_by) == ("award", "mgr")
    assert record_evaluation(db, ADMIN, open_.id, {"members": 9}, on=on).action == "refuse"
    # corrections follow the same rule
    with pytest.raises(PermissionDeniedError, match="recorded by the role manager"):
        correct_decision(db, ANALYST, mine.id, period="2023", reason="The period was 2023.")
    assert correct_decision(db, MANAGER, mine.id, period="2023", reason="2023.").period == "2023"
    assert decider_refusal(ADMIN, ASSOCIATION, "dates") is None


def test_correcting_a_wrong_fact_rejudges_and_the_next_evaluation_follows(db):
    e = enrol_cluster(db, ADMIN, "dates", ASSOCIATION, joined=dt.date(2024, 1, 1))
    award = record_evaluation(db, ADMIN, e.id, {"members": 12}, on=dt.date(2024, 1, 1))
    wrong = record_evaluation(db, ADMIN, e.id, {"members": 8}, on=dt.date(2025, 1, 1),
                              period="2024")  # fmt: skip
    assert (wrong.action, wrong.state.status, wrong.state.failures) == ("suspend", "suspended", 1)
    with pytest.raises(InvalidParameterError, match="only the latest decision's outcome"):
        correct_decision(db, ADMIN, award.id, facts={"members": 9}, reason="Miscounted.")
    fixed = correct_decision(db, MANAGER, wrong.id, facts={"members": 13},
                             reason="Five members were left out of the count.")  # fmt: skip
    assert (fixed.rule_action, fixed.action, fixed.overridden) == ("keep", "keep", False)
    assert (fixed.facts["members"].value, fixed.facts["members"].source) == (13.0, "typed")
    assert fixed.state.status == "renewed" and fixed.updated_by == "mgr"
    assert all(r["ok"] for r in fixed.results)
    assert load_enrolment(db, e.id).state.failures == 0
    # the next evaluation starts from the corrected state: a failure now is the first, not the
    # second (which would withdraw the label)
    nxt = record_evaluation(db, ADMIN, e.id, {"members": 8}, on=dt.date(2026, 1, 1))
    assert (nxt.action, nxt.previous.status, nxt.state.failures) == ("suspend", "renewed", 1)
    entry = db.scalars(select(AuditEntry).where(
        AuditEntry.resource == "label_decision", AuditEntry.action == "update",
        AuditEntry.resource_id == str(wrong.id))).one()  # fmt: skip
    assert entry.before["facts"]["members"] == {"value": 8.0, "source": "typed"}  # kept
    assert entry.before["action"] == "suspend" and entry.after["action"] == "keep"
    assert entry.who == "mgr"


def test_correcting_a_date_and_a_mistaken_override(db):
    e = enrol_cluster(db, ADMIN, "dates", ASSOCIATION, joined=dt.date(2024, 1, 1))
    award = record_evaluation(db, ADMIN, e.id, {"members": 12}, on=dt.date(2024, 1, 1))
    kept = record_evaluation(db, ADMIN, e.id, {"members": 8}, on=dt.date(2025, 1, 1),
                             action="keep", reason="Members re-counted late.")  # fmt: skip
    assert kept.overridden
    with pytest.raises(InvalidParameterError, match="must lie between the decisions"):
        correct_decision(db, ADMIN, award.id, date=dt.date(2025, 2, 1), reason="Typo.")
    moved = correct_decision(db, ADMIN, award.id, date=dt.date(2024, 2, 1), reason="Typo.")
    assert moved.date == dt.date(2024, 2, 1) and moved.action == "award"
    undone = correct_decision(db, ADMIN, kept.id, action="suspend",
                              reason="The override was a mistake: nobody re-counted.")  # fmt: skip
    assert (undone.action, undone.overridden, undone.state.status) == (
        "suspend", False, "suspended")  # fmt: skip
    assert load_enrolment(db, e.id).state.status == "suspended"
    with pytest.raises(NotFoundError, match="No decision with id 999"):
        correct_decision(db, ADMIN, 999, reason="x")
    with pytest.raises(InvalidParameterError, match="'action' parameter of correct_decision"):
        correct_decision(db, ADMIN, kept.id, action="forget", reason="x")
    expired = correct_decision(db, ADMIN, kept.id, action="expire", reason="It had lapsed.")
    assert (expired.state.status, expired.state.level) == ("expired", None)
    assert load_enrolment(db, e.id).next_evaluation is None
