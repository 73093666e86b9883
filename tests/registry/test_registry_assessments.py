"""Assessments in the registry (migration 0007): answers, versioned results, comparison, SWOTs,
evaluations and label checks — round trips equal the kernels' objects, every error path, and the
migration up and down with rows on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

from grappe.assess import classify, diamond, draft_swot, lifecycle_stage, success_factors
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io.assess import read_answers, read_questionnaire
from grappe.registry import repositories as repo
from grappe.registry import upgrade
from grappe.registry.assessments import (
    compare_assessments,
    delete_assessment,
    indicator_frame,
    list_assessments,
    load_answers,
    load_assessment,
    score_answers,
    store_answers,
    store_assessment,
)
from grappe.registry.database import MIGRATIONS, downgrade
from grappe.registry.evaluations import (
    correct_evaluation,
    delete_evaluation,
    edit_swot,
    list_swots,
    load_evaluation,
    load_swot,
    store_evaluation,
    store_swot,
)
from grappe.registry.models import AuditEntry, Base
from grappe.roadmap import check_label, evaluate_kpis, make_label

FIXTURES = Path(__file__).parents[1] / "fixtures" / "assess"
DAY = dt.date(2024, 5, 1)
SERIES = pd.DataFrame(
    {"year": [2019, 2020, 2021], "employment": [100, 120, 150],
     "national_employment": [1000, 1010, 1020], "lq": [0.6, 0.7, 0.8]}
)  # fmt: skip


def same(a, b):
    """Deep equality of kernel objects where NaN equals NaN (the kernels use NaN for unknown)."""
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if hasattr(a, "__dataclass_fields__"):
        return type(a) is type(b) and all(
            same(getattr(a, f), getattr(b, f)) for f in a.__dataclass_fields__
        )
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, tuple | list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, pd.DataFrame):
        # KPI values come back as floats (an integer column of the input is stored as numbers)
        pd.testing.assert_frame_equal(a, b, check_dtype=False)
        return True
    return a == b


@pytest.fixture
def session(sessions):
    with sessions.begin() as s:
        repo.create_cluster(s, {"id": "auto-mi", "name_en": "Automotive"}, who="test")
        repo.create_cluster(s, {"id": "chem-oh", "name_en": "Chemicals"}, who="test")
        yield s


def _diamond_answers():
    q = read_questionnaire("diamond")
    return q, read_answers(FIXTURES / "diamond_answers.yaml", q)


def test_answers_and_every_kind_of_result_round_trip_to_the_kernel_objects(session):
    q, answers = _diamond_answers()
    aid = store_answers(session, "auto-mi", q, answers, respondent="panel A", date=DAY, who="t")
    loaded = load_answers(session, aid)
    assert (loaded.questionnaire, loaded.respondent, loaded.date) == ("diamond", "panel A", DAY)
    assert loaded.answers == answers
    indicators = {"wage_ratio": 1.1, "lq": 1.3, "employment": 12_000.0, "growth_gap": float("nan")}
    d = diamond(indicators, questionnaire=q, answers=answers)
    sf = success_factors(indicators, method="quebec")
    dk = success_factors(indicators, method="danish")
    life = lifecycle_stage(SERIES)
    ids = [
        store_assessment(session, "auto-mi", d, date=DAY, who="t", answers_id=aid,
                         inputs={"indicators": indicators}),
        store_assessment(session, "auto-mi", sf, date=DAY, who="t", classification=classify(sf)),
        store_assessment(session, "auto-mi", dk, date=DAY, who="t", classification=classify(dk)),
        store_assessment(session, "auto-mi", life, date=DAY, who="t"),
    ]  # fmt: skip
    back = [load_assessment(session, i) for i in ids]
    assert [b.kind for b in back] == ["diamond", "quebec", "danish", "lifecycle"]
    assert same(back[0].result, d) and back[0].classification is None
    assert same(back[1].result, sf) and same(back[1].classification, classify(sf))
    assert same(back[2].result, dk) and same(back[2].classification, classify(dk))
    assert same(back[3].result, life)
    assert back[0].answers_id == aid
    assert math.isnan(back[0].inputs["indicators"]["growth_gap"])
    assert isinstance(back[3].result.evidence[4].value, tuple)  # period growth stays a tuple
    entries = session.scalars(select(AuditEntry).where(AuditEntry.resource == "assessment")).all()
    assert [e.action for e in entries] == ["create"] * 4


def test_versions_are_listed_by_date_compared_and_soft_deleted(session):
    first = store_assessment(session, "auto-mi", diamond({"wage_ratio": 0.9}),
                             date=dt.date(2023, 1, 1), who="t")  # fmt: skip
    second = store_assessment(session, "auto-mi", diamond({"wage_ratio": 1.2}),
                              date=dt.date(2024, 1, 1), who="t")  # fmt: skip
    store_assessment(session, "chem-oh", diamond({"wage_ratio": 1.0}), date=DAY, who="t")
    versions = list_assessments(session, "auto-mi", kind="diamond")
    assert [v.id for v in versions] == [first, second]
    cmp = compare_assessments(*versions)
    assert cmp.scores["factor_conditions"] == (2.0, 5.0, 3.0)
    assert math.isnan(cmp.scores["chance"][2]) and cmp.changed
    delete_assessment(session, first, who="admin")
    assert [v.id for v in list_assessments(session, "auto-mi")] == [second]
    assert load_assessment(session, first).deleted
    with pytest.raises(NotFoundError, match="it was deleted"):
        delete_assessment(session, first, who="admin")


def test_classification_and_stage_changes_are_compared(session):
    low = success_factors({"lq": 0.5, "employment": 500, "establishments": 10}, method="quebec")
    high = success_factors({"lq": 2.5, "employment": 30_000, "establishments": 300,
                            "national_share": 0.06}, method="quebec")  # fmt: skip
    a = store_assessment(session, "auto-mi", low, date=DAY, who="t", classification=classify(low))
    b = store_assessment(session, "auto-mi", high, date=DAY, who="t", classification=classify(high))
    cmp = compare_assessments(load_assessment(session, a), load_assessment(session, b))
    assert cmp.level == ("none", "national")
    falling = SERIES.assign(employment=[150, 120, 100], lq=[1.3, 1.2, 1.1])
    c = store_assessment(session, "auto-mi", lifecycle_stage(SERIES), date=DAY, who="t")
    d = store_assessment(session, "auto-mi", lifecycle_stage(falling), date=DAY, who="t")
    stage = compare_assessments(load_assessment(session, c), load_assessment(session, d))
    assert stage.stage == ("emergence", "decline") and stage.changed


def test_errors_of_the_assessment_store(session):
    q, answers = _diamond_answers()
    with pytest.raises(NotFoundError, match="No cluster with id 'nope'"):
        store_answers(session, "nope", q, answers, respondent="p", date=DAY, who="t")
    with pytest.raises(DataValidationError, match="D-F1 must be an integer from 1 to 5"):
        store_answers(session, "auto-mi", q, {**answers, "D-F1": 7}, respondent="p", date=DAY,
                      who="t")  # fmt: skip
    with pytest.raises(InvalidParameterError, match="must be a Diamond, SuccessFactors"):
        store_assessment(session, "auto-mi", {"a": 1}, date=DAY, who="t")
    d = diamond({"wage_ratio": 1.0})
    with pytest.raises(InvalidParameterError, match="goes with Quebec or Danish"):
        store_assessment(session, "auto-mi", d, date=DAY, who="t",
                         classification=classify(success_factors({"lq": 1.0})))  # fmt: skip
    aid = store_answers(session, "chem-oh", q, answers, respondent="p", date=DAY, who="t")
    with pytest.raises(NotFoundError, match="for cluster 'auto-mi'"):
        store_assessment(session, "auto-mi", d, date=DAY, who="t", answers_id=aid)
    with pytest.raises(NotFoundError, match="No answer set with id 999"):
        load_answers(session, 999)
    with pytest.raises(NotFoundError, match="No assessment with id 999"):
        load_assessment(session, 999)
    with pytest.raises(InvalidParameterError, match="'kind' parameter of list_assessments"):
        list_assessments(session, "auto-mi", kind="swot")
    one = load_assessment(session, store_assessment(session, "auto-mi", d, date=DAY, who="t"))
    two = load_assessment(
        session, store_assessment(session, "auto-mi", lifecycle_stage(SERIES), date=DAY, who="t")
    )
    with pytest.raises(InvalidParameterError, match="must be of the kind of 'previous'"):
        compare_assessments(one, two)


def test_scoring_from_registry_indicators_equals_the_kernels(session, tmp_path):
    """score_answers on the registry's snapshots = the CLI's kernels on the same table."""
    rows = pd.DataFrame(
        {"region": ["US-26", "US-26", "US-39", "US-39"], "cluster": ["4", "4", "4", "4"],
         "year": [2020, 2021, 2020, 2021], "employment": [100.0, 120.0, 80.0, 90.0],
         "establishments": [10.0, 11.0, 5.0, 6.0], "payroll": [5.0, 6.5, 4.0, 4.4],
         "lq": [2.5, 2.6, 1.5, 1.4]}
    )  # fmt: skip
    session.execute(
        text(
            "INSERT INTO regions (id, code, country, region_type, name_en) VALUES "
            "('US-26','26','US','state','MI'), ('US-39','39','US','state','OH')"
        )
    )
    for r in rows.itertuples(index=False):
        session.execute(
            text("INSERT INTO indicators (definitions, region_id, cluster, cluster_name, "
                 "cluster_type, year, employment, establishments, payroll, lq, strong, stars) "
                 "VALUES ('us-benchmark', :region, :cluster, 'Auto', 'traded', :year, "
                 ":employment, :establishments, :payroll, :lq, false, 0)"),
            r._asdict(),
        )  # fmt: skip
    frame = indicator_frame(session, definitions="us-benchmark", clusters=["4"])
    q, answers = _diamond_answers()
    results = score_answers(frame, region="US-26", cluster="4", questionnaire=q, answers=answers)
    from grappe.assess import cluster_evidence, lifecycle_series

    evidence = cluster_evidence(rows, region="US-26", cluster="4")
    assert same(results[0][0], diamond(evidence, questionnaire=q, answers=answers))
    expected_stage = lifecycle_stage(lifecycle_series(rows, region="US-26", cluster="4"))
    assert same(results[1][0], expected_stage)
    assert results[0][2]["indicators"] == evidence
    alone = score_answers(None, region="", cluster="", questionnaire=q, answers=answers)
    assert len(alone) == 1 and same(alone[0][0], diamond({}, questionnaire=q, answers=answers))
    mgmt = read_questionnaire("management")
    assert score_answers(None, region="", cluster="", questionnaire=mgmt,
                         answers={"M-S1": 30, "M-S2": 50, "M-G1": True, "M-G2": 1,
                                  "M-F1": 20, "M-V1": 3, "M-A1": 4}) == []  # fmt: skip


def test_swot_draft_edit_and_delete_are_audited(session):
    life = lifecycle_stage(SERIES)
    swot = draft_swot(scores=diamond({"wage_ratio": 1.2, "growth_gap": -0.1}).scores,
                      lifecycle=life, network={"density": 0.05})  # fmt: skip
    sid = store_swot(session, "auto-mi", swot, date=DAY, who="t", sources={"assessments": [1]})
    stored = load_swot(session, sid)
    assert same(stored.swot, swot) and same(stored.draft, swot)
    edited = edit_swot(
        session,
        sid,
        who="mgr",
        add={"threats": ["New competitor"]},
        remove={"weaknesses": [1]},
        reword={"weaknesses": {0: {"fr": "Rivalité faible", "en": "Weak rivalry"}}},
    )
    assert edited.swot.threats[-1].text("en") == "New competitor"
    assert [i.text("fr") for i in edited.swot.weaknesses] == ["Rivalité faible"]
    assert same(edited.draft, swot)  # the draft is kept as made
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.resource == "swot", AuditEntry.action == "update")
    ).one()
    assert set(entry.before) == set(entry.after) == {"threats", "weaknesses"}
    assert entry.after["threats"][-1]["text"]["en"] == "New competitor"
    with pytest.raises(InvalidParameterError, match="must be items of the strengths"):
        edit_swot(session, sid, who="mgr", remove={"strengths": [9]})
    with pytest.raises(InvalidParameterError, match="'quadrant' parameter of Swot.edit"):
        edit_swot(session, sid, who="mgr", add={"risks": ["x"]})
    with pytest.raises(InvalidParameterError, match="must be non-empty text"):
        edit_swot(session, sid, who="mgr", add={"threats": ["  "]})
    swot_entries = select(AuditEntry).where(AuditEntry.resource == "swot")
    count = len(session.scalars(swot_entries).all())
    edit_swot(session, sid, who="mgr", reword={"threats": {0: "New competitor"}})  # same text
    assert len(session.scalars(swot_entries).all()) == count  # nothing changed: no entry
    from grappe.registry.evaluations import delete_swot

    delete_swot(session, sid, who="mgr")
    assert list_swots(session, "auto-mi") == []
    with pytest.raises(NotFoundError, match="No SWOT with id .* deleted"):
        load_swot(session, sid)


def _evaluation():
    kpis = pd.DataFrame({"kpi": ["members", "members", "jobs"], "period": ["2023", "2024", "2024"],
                         "value": [40, 52, 300], "target": [None, 50, 400]})  # fmt: skip
    return evaluate_kpis(kpis, period="2024", extra={"sme_share": 0.7})


def test_evaluation_and_label_check_round_trip_correct_and_soft_delete(session):
    ev = _evaluation()
    label = make_label({"name": "Gold", "level": "gold", "criteria": ["members >= 60"],
                        "valid_from": "2023-01-01", "valid_to": "2025-12-31"})  # fmt: skip
    check = check_label(label, ev, on=dt.date(2024, 12, 31))
    eid = store_evaluation(session, "auto-mi", ev, date=DAY, who="mgr", label_check=check,
                           evaluator="ESCA")  # fmt: skip
    back = load_evaluation(session, eid)
    assert same(back.evaluation, ev) and same(back.label_check, check)
    assert (back.kind, back.score, back.label) == ("label", 50.0, None)  # one of two met; fails
    plain = load_evaluation(session, store_evaluation(session, "auto-mi", ev, date=DAY, who="mgr"))
    assert plain.kind == "evaluation" and plain.label_check is None
    correct_evaluation(session, eid, {"summary": "re-evaluated", "score": 55.0}, who="mgr")
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.resource == "evaluation", AuditEntry.action == "update")
    ).one()
    assert (entry.before, entry.after) == ({"score": 50.0, "summary": None},
                                           {"score": 55.0, "summary": "re-evaluated"})  # fmt: skip
    delete_evaluation(session, eid, who="admin")
    assert [e.id for e in repo.list_evaluations(session, cluster="auto-mi")[0]] == [plain.id]
    assert load_evaluation(session, eid).deleted  # kept, with its history
    with pytest.raises(NotFoundError, match="it was deleted"):
        correct_evaluation(session, eid, {"summary": "x"}, who="mgr")
    with pytest.raises(NotFoundError, match="it was deleted"):
        delete_evaluation(session, eid, who="admin")
    with pytest.raises(InvalidParameterError, match="must only have the fields"):
        correct_evaluation(session, plain.id, {"period": "2020"}, who="mgr")
    with pytest.raises(InvalidParameterError, match="must be a grappe.roadmap.Evaluation"):
        store_evaluation(session, "auto-mi", {"period": "2024"}, date=DAY, who="mgr")
    with pytest.raises(NotFoundError, match="No evaluation with id 999"):
        load_evaluation(session, 999)


# --- migration 0007 up and down, with rows --------------------------------------------------

NEW_TABLES = {"assessment_answers", "assessments", "swots"}
NEW_COLUMNS = {"period", "kpi_table", "facts", "label_check", "updated_at", "deleted_at",
               "deleted_by"}  # fmt: skip


def test_migration_0007_up_and_down_keeps_evaluations(empty_engine):
    engine = empty_engine
    # the revision before 0007 (0004 while the branches are apart; re-chained at merge)
    before = ScriptDirectory(str(MIGRATIONS)).get_revision("0007").down_revision
    upgrade(engine, revision=before)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO clusters (id, name_en, published, updated_at) VALUES "
                          "('auto-mi', 'Automotive', true, CURRENT_TIMESTAMP)"))  # fmt: skip
        conn.execute(
            text(
                "INSERT INTO evaluations (cluster_id, date, kind, score, summary) "
                "VALUES ('auto-mi', '2023-06-30', 'evaluation', 70, 'before 0007')"
            )
        )
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    upgrade(engine, revision="0007")
    assert set(inspect(engine).get_table_names()) >= NEW_TABLES
    upgrade(engine)  # the ORM below maps the models of the head (later columns of clusters)
    from sqlalchemy.orm import Session

    with Session(engine) as session, session.begin():
        old = load_evaluation(session, 1)
        assert (old.summary, old.evaluation, old.deleted) == ("before 0007", None, False)
        q, answers = _diamond_answers()
        aid = store_answers(session, "auto-mi", q, answers, respondent="p", date=DAY, who="t")
        store_assessment(session, "auto-mi", diamond({"wage_ratio": 1.0}), date=DAY, who="t",
                         answers_id=aid)  # fmt: skip
        store_swot(session, "auto-mi", draft_swot(), date=DAY, who="t")
        kept = store_evaluation(session, "auto-mi", _evaluation(), date=DAY, who="t")
        gone = store_evaluation(session, "auto-mi", _evaluation(), date=DAY, who="t")
        delete_evaluation(session, gone, who="t")
    downgrade(engine, revision=before)
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    columns = {c["name"] for c in inspect(engine).get_columns("evaluations")}
    assert not NEW_COLUMNS & columns
    with engine.connect() as conn:
        ids = conn.execute(text("SELECT id, summary FROM evaluations ORDER BY id")).all()
    # a soft-deleted evaluation would come back to life without its column: it is removed
    assert [tuple(r) for r in ids] == [(1, "before 0007"), (kept, None)]
    upgrade(engine)  # and up again
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_a_region_without_the_latest_year_is_assessed_on_its_own_last_year():
    """The map's latest year is 2021 but Ohio's rows stop in 2020: Ohio is scored on 2020."""
    rows = pd.DataFrame(
        {"region": ["MI", "MI", "OH", "OH"], "cluster": ["4"] * 4,
         "year": [2020, 2021, 2019, 2020], "employment": [100.0, 120.0, 80.0, 90.0],
         "establishments": [10.0, 11.0, 5.0, 6.0], "payroll": [5.0, 6.5, 4.0, 4.4],
         "lq": [2.5, 2.6, 1.5, 1.4]}
    )  # fmt: skip
    q, answers = _diamond_answers()
    scored = score_answers(rows, region="OH", cluster="4", questionnaire=q, answers=answers)
    assert (scored[0][2]["year"], scored[0][2]["start"]) == (2020, 2019)
    from grappe.assess import cluster_evidence

    expected = cluster_evidence(rows, region="OH", cluster="4", year=2020, start=2019)
    assert same(scored[0][0], diamond(expected, questionnaire=q, answers=answers))
