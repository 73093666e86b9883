"""The roadmap edited piece by piece (grappe.registry.roadmap_entries), the label status of an
evaluation and the evaluation of a period on the stored KPIs (grappe.registry.evaluations), and
migration 0011 that stores both."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text

from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
)
from grappe.registry import session_scope, upgrade
from grappe.registry.database import downgrade
from grappe.registry.evaluations import (
    correct_evaluation,
    evaluate_stored_kpis,
    load_evaluation,
)
from grappe.registry.models import AuditEntry, Base, Cluster, Kpi, Region
from grappe.registry.permissions import Access
from grappe.registry.roadmap_entries import (
    add_action,
    correct_action,
    default_currency,
    delete_action,
    roadmap_warnings,
    set_plan,
)
from grappe.registry.roadmaps import load_roadmap

ADMIN = Access("admin", "admin")
ACTION = {"phase": "plan", "title": "Fair", "owner": "GM", "start": "2024-01-01",
          "end": "2024-06-30", "status": "ongoing", "budget": 10, "currency": "DZD",
          "milestones": [{"name": "Booked", "date": "2024-02-01", "done": True}]}  # fmt: skip


@pytest.fixture
def db(sessions):
    with session_scope(sessions) as s:
        s.add_all([
            Region(id="DZ-25", code="25", country="DZ", region_type="wilaya", name_en="Cne"),
            Region(id="FR-69", code="69", country="FR", region_type="dep", name_en="Rhône"),
        ])  # fmt: skip
        s.flush()
        s.add(Cluster(id="cu", name_en="Copper", regions=[s.get(Region, "DZ-25")]))
        s.add(Cluster(id="mix", name_en="Mixed",
                      regions=[s.get(Region, "DZ-25"), s.get(Region, "FR-69")]))  # fmt: skip
    with sessions() as s:
        yield s


def test_edits_store_the_whole_roadmap_audited_and_return_the_kernel_warnings(db):
    roadmap, warned = add_action(db, "cu", ACTION, who=ADMIN)
    assert [a.id for a in roadmap.actions] == ["A1"] and roadmap.mode == "bottom_up"
    # ended, every milestone done, still ongoing: stored, with the kernel's warning
    assert [(w.row, w.column) for w in warned] == [(1, "status")]
    assert [w.row for w in roadmap_warnings(load_roadmap(db, "cu"))] == [1]
    add_action(db, "cu", {**ACTION, "status": "done"}, who=ADMIN)
    set_plan(db, "cu", mode="top_down", challenges=["Export", "Skills"], who=ADMIN)
    roadmap, warned = correct_action(db, "cu", "A1", {**ACTION, "status": "done"}, who=ADMIN)
    assert warned == [] and [a.status for a in roadmap.actions] == ["done", "done"]
    roadmap, _ = delete_action(db, "cu", "A1", who=ADMIN)
    assert [a.id for a in roadmap.actions] == ["A2"]
    stored = load_roadmap(db, "cu")
    assert (stored.mode, stored.challenges) == ("top_down", ("Export", "Skills"))
    actions = [a.action for a in db.scalars(select(AuditEntry).where(
        AuditEntry.resource == "roadmap").order_by(AuditEntry.id))]  # fmt: skip
    assert actions == ["create", "update", "update", "update", "update"]


def test_refused_edits_write_nothing(db):
    add_action(db, "cu", ACTION, who=ADMIN)
    db.commit()
    before = load_roadmap(db, "cu")
    with pytest.raises(DataValidationError, match="ends .* before it starts") as info:
        add_action(db, "cu", {**ACTION, "end": "2023-01-01"}, who=ADMIN)
    assert {(i.row, i.column) for i in info.value.issues} == {(2, "end"), (2, "milestones")}
    db.rollback()
    with pytest.raises(DataValidationError, match="Unknown construction mode"):
        set_plan(db, "cu", mode="sideways", challenges=[], who=ADMIN)
    db.rollback()
    with pytest.raises(NotFoundError, match="has no action 'A9'"):
        correct_action(db, "cu", "A9", ACTION, who=ADMIN)
    with pytest.raises(NotFoundError, match="has no action 'A9'"):
        delete_action(db, "cu", "A9", who=ADMIN)
    with pytest.raises(NotFoundError, match="cluster"):
        add_action(db, "nowhere", ACTION, who=ADMIN)
    other = Access("m", "manager", frozenset({"mix"}))
    with pytest.raises(PermissionDeniedError, match="manager of 'mix'"):
        add_action(db, "cu", ACTION, who=other)
    db.rollback()
    assert load_roadmap(db, "cu") == before


def test_the_default_currency_is_dzd_for_algerian_clusters_only(db):
    assert default_currency(db.get(Cluster, "cu")) == "DZD"
    assert default_currency(db.get(Cluster, "mix")) == ""  # Algeria and France: none assumed
    assert default_currency(Cluster(id="none", name_en="No region")) == ""


def test_a_period_is_evaluated_on_the_stored_kpis_with_its_label_status(db):
    db.add_all([Kpi(cluster_id="cu", name="members", year=y, period=str(y), value=v, target=t)
                for y, v, t in ((2023, 40, None), (2024, 52, 50))])  # fmt: skip
    db.flush()
    new = evaluate_stored_kpis(db, "cu", period="2024", date=dt.date(2025, 1, 10), who=ADMIN,
                               label_status="applied")  # fmt: skip
    stored = load_evaluation(db, new)
    assert stored.label_status == "applied" and stored.score == 100.0
    row = stored.evaluation.table.iloc[0]
    assert (row["previous"], row["change"]) == (40.0, 12.0)
    correct_evaluation(db, new, {"label_status": "awarded"}, who=ADMIN)
    assert load_evaluation(db, new).label_status == "awarded"
    with pytest.raises(InvalidParameterError, match="'label_status' parameter of correct_eval"):
        correct_evaluation(db, new, {"label_status": "gold"}, who=ADMIN)
    with pytest.raises(InvalidParameterError, match="'label_status' parameter of evaluate_st"):
        evaluate_stored_kpis(db, "cu", period="2024", date=dt.date(2025, 1, 1), who=ADMIN,
                             label_status="gold")  # fmt: skip
    with pytest.raises(NotFoundError, match="No KPI values for period '2031'"):
        evaluate_stored_kpis(db, "cu", period="2031", date=dt.date(2025, 1, 1), who=ADMIN)
    with pytest.raises(NotFoundError, match="No KPI values for period"):
        evaluate_stored_kpis(db, "mix", period="2024", date=dt.date(2025, 1, 1), who=ADMIN)


def test_migration_0012_up_and_down_with_rows(empty_engine):
    engine = empty_engine
    upgrade(engine, revision="0011")
    with engine.begin() as conn:
        for statement in (
            "INSERT INTO clusters (id, name_en, published, updated_at) "
            "VALUES ('c', 'C', true, :at)",
            "INSERT INTO roadmaps (cluster_id, name, mode, deliverables, updated_by, updated_at) "
            "VALUES ('c', 'C', 'bottom_up', '{}', 't', :at)",
            "INSERT INTO evaluations (cluster_id, date, kind) VALUES ('c', '2024-01-01', 'x')",
        ):
            conn.execute(text(statement), {"at": dt.datetime(2026, 1, 1)})
    upgrade(engine, revision="0012")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT challenges FROM roadmaps")).scalar() in ("[]", [])
        assert conn.execute(text("SELECT label_status FROM evaluations")).scalar() is None
    upgrade(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    downgrade(engine, revision="0011")
    assert "challenges" not in {c["name"] for c in inspect(engine).get_columns("roadmaps")}
    assert "label_status" not in {c["name"] for c in inspect(engine).get_columns("evaluations")}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM roadmaps")).scalar() == 1
