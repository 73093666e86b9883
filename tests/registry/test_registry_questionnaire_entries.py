"""Questionnaires answered in the workspace (grappe.registry.questionnaire_entries): respondents,
evidence texts (migration 0011) and the latest set of each, the pooled score stored as a version,
the stage; every refusal, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
)
from grappe.registry import repositories as repo
from grappe.registry.assessments import list_assessments, load_answers
from grappe.registry.models import Actor, Membership
from grappe.registry.permissions import Access
from grappe.registry.questionnaire_entries import (
    answer_questionnaire,
    bundled,
    latest_sets,
    score_questionnaire,
    set_stage,
)

DAY = dt.date(2026, 12, 3)
ADMIN = Access("admin@obs.dz", "admin")
MANAGER = Access("mgr@obs.dz", "manager", frozenset({"auto-mi"}))
GM = Access("gm@obs.dz", "member", actor="GM")
DOW = Access("dow@obs.dz", "member", actor="DOW")
DANISH = {"DK-S1": 3, "DK-C1": 4, "DK-C2": 2, "DK-P1": 3, "DK-H1": 4}


@pytest.fixture
def session(sessions):
    with sessions.begin() as s:
        repo.create_cluster(s, {"id": "auto-mi", "name_en": "Automotive"}, who="test")
        repo.create_cluster(s, {"id": "chem-oh", "name_en": "Chemicals"}, who="test")
        s.add_all([Actor(id="GM", name="General Motors"), Actor(id="DOW", name="Dow")])
        s.flush()
        s.add_all([Membership(cluster_id="auto-mi", actor_id="GM"),
                   Membership(cluster_id="chem-oh", actor_id="DOW")])  # fmt: skip
        s.flush()
        yield s


def test_respondents_notes_latest_sets_and_the_pooled_score(session):
    q = bundled("danish")
    first = answer_questionnaire(session, GM, "auto-mi", q, {**DANISH, "DK-S1": 1}, date=DAY,
                                 notes={"DK-S1": "  first try "})  # fmt: skip
    notes = {"DK-S1": "A shared lab since 2024", "DK-C1": " "}
    second = answer_questionnaire(session, GM, "auto-mi", q, {**DANISH, "DK-S1": 5}, date=DAY,
                                  notes=notes)  # fmt: skip
    own = answer_questionnaire(session, MANAGER, "auto-mi", q, DANISH, date=DAY)
    assert load_answers(session, first).notes == {"DK-S1": "first try"}
    assert load_answers(session, second).notes == {"DK-S1": "A shared lab since 2024"}
    assert load_answers(session, own).notes == {}
    latest = latest_sets(session, "auto-mi", "danish")
    assert [(s.id, s.respondent) for s in latest] == [(second, "actor:GM"), (own, "cluster")]
    ids = score_questionnaire(session, MANAGER, "auto-mi", q, date=DAY)
    version = list_assessments(session, "auto-mi", kind="danish")[-1]
    assert ids == [version.id] and version.inputs["answer_sets"] == (second, own)
    structure = {e.name: e.points for e in version.result.scores["structure"].evidence}
    assert structure["DK-S1"] == pytest.approx((5 + 3) / 2)  # GM's first set does not count


def test_refusals_name_the_problem_and_store_nothing(session):
    q = bundled("diamond")
    with pytest.raises(PermissionDeniedError, match="a member representing 'DOW' cannot create"):
        answer_questionnaire(session, DOW, "auto-mi", bundled("danish"), DANISH, date=DAY)
    with pytest.raises(NotFoundError, match="nowhere"):
        answer_questionnaire(session, ADMIN, "nowhere", q, {}, date=DAY)
    with pytest.raises(DataValidationError, match="required question D-F1") as info:
        answer_questionnaire(session, ADMIN, "auto-mi", q, {"D-F2": 3}, date=DAY,
                             notes={"D-F2": "x" * 2001, "Z-9": "?"})  # fmt: skip
    columns = {i.column for i in info.value.issues}
    assert {"D-F1", "evidence:D-F2", "evidence:Z-9"} <= columns
    assert latest_sets(session, "auto-mi", "diamond") == []
    with pytest.raises(NotFoundError, match="No questionnaire 'martian'"):
        bundled("martian")
    with pytest.raises(InvalidParameterError, match="Nobody answered the 'diamond'"):
        score_questionnaire(session, ADMIN, "auto-mi", q, date=DAY)
    with pytest.raises(InvalidParameterError, match="'management' is not scored"):
        score_questionnaire(session, ADMIN, "auto-mi", bundled("management"), date=DAY)
    with pytest.raises(PermissionDeniedError, match="a member representing 'GM' cannot create"):
        score_questionnaire(session, GM, "auto-mi", q, date=DAY)
    with pytest.raises(PermissionDeniedError, match=r"cannot change cluster 'auto-mi' \(stage\)"):
        set_stage(session, GM, "auto-mi", "decline")
    with pytest.raises(InvalidParameterError, match="'stage' parameter of update_cluster"):
        set_stage(session, MANAGER, "auto-mi", "adolescence")
    assert list_assessments(session, "auto-mi") == []
    assert set_stage(session, MANAGER, "auto-mi", "maturity").stage == "maturity"
