"""Records in the registry (grappe.registry.member_records, record_imports, member_events since
migration 0016, after 0015): the Biskra story loaded from its files and computed back, each
write checked, refused on bad input and wrong roles, audited; typed KPIs flagged when records
disagree; the migration up and down. SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
)
from grappe.io.member_records import read_records
from grappe.registry.kpi_entries import checked_kpi_entry, set_kpi
from grappe.registry.member_events import add_member_event, update_member_event
from grappe.registry.member_records import (
    add_cluster_activity,
    compare_with_typed,
    delete_cluster_activity,
    delete_member_figure,
    list_member_figures,
    records_kpis,
    set_member_figure,
    set_tie_dates,
)
from grappe.registry.models import Actor, AuditEntry, Cluster, Region, Tie
from grappe.registry.permissions import Access
from grappe.registry.record_imports import load_records

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roadmap"
KINDS = ("events", "figures", "activities", "ties")
MANAGER = Access("mgr@biskra.dz", "manager", frozenset({"biskra-dates"}))
OTHER = Access("other@obs.dz", "manager", frozenset({"elsewhere"}))
ANALYST = Access("ana@obs.dz", "analyst", frozenset())


def add_biskra(session):
    """The cluster, the wilaya of Biskra and the actors of the illustrative fixture."""
    session.add(Cluster(id="biskra-dates", name_en="Biskra dates"))
    session.add(Region(id="DZ-07", code="07", country="DZ", region_type="wilaya", name_en="Biskra"))
    with (FIXTURES / "biskra_actors.csv").open() as f:
        session.add_all(
            Actor(id=r["id"], name=r["name"], sphere=r["sphere"]) for r in csv.DictReader(f)
        )
    session.flush()


def module_data(session):
    """The module's data (one database per backend for the module): :func:`add_biskra`."""
    add_biskra(session)


@pytest.fixture
def db(rolled_back):
    """A session on the module's database (:func:`module_data`), rolled back after the test."""
    return rolled_back


def test_biskra_story_loaded_and_computed_from_the_registry(db):
    records = read_records({k: FIXTURES / f"biskra_{k}.csv" for k in KINDS})
    loaded = load_records(db, MANAGER, "biskra-dates", records)
    db.flush()
    assert (loaded.events, loaded.figures, loaded.activities, loaded.ties) == (19, 25, 6, 11)
    assert loaded.new_ties == 11
    k = records_kpis(db, "biskra-dates", "2024", previous="2023")
    assert k.value("new_members") == 10 and k.value("members") == 17
    assert k.breakdowns["new_members_by_sector"] == {"agriculture": 10}
    assert k.breakdowns["new_members_by_region"] == {"DZ-07": 10}
    assert k.change("jobs") == 61 and k.change("exports") == 85_000_000
    assert k.value("partnerships") == 7
    assert {"agriculture–industry", "agriculture–trade", "industry–trade"} <= set(
        k.breakdowns["partnerships_by_sector"]
    )
    # the same numbers as the files: one computation
    from grappe.roadmap import kpis_from_records

    assert k.to_rows() == kpis_from_records(records, period="2024", previous="2023").to_rows()
    # every write audited with its author
    audited = set(db.scalars(select(AuditEntry.resource).where(AuditEntry.who == MANAGER.who)))
    assert {"member_event", "member_figure", "cluster_activity", "tie"} <= audited


def _join(db, actor, date, **more):
    return add_member_event(
        db,
        MANAGER,
        "biskra-dates",
        actor,
        {"kind": "join", "date": dt.date.fromisoformat(date), **more},
    )


def test_event_takes_the_actors_sphere_and_checks_region_and_history(db):
    event = _join(db, "farm-01", "2024-02-01", activity_code="01.22", region_id="DZ-07")
    assert event.sphere == "enterprise" and event.region_id == "DZ-07"
    with pytest.raises(NotFoundError, match="region"):
        _join(db, "farm-02", "2024-02-01", region_id="DZ-99")
    with pytest.raises(InvalidParameterError, match="'sphere' parameter"):
        _join(db, "farm-02", "2024-02-01", sphere="firm")
    with pytest.raises(DataValidationError, match="already a member"):
        _join(db, "farm-01", "2024-05-01")
    with pytest.raises(DataValidationError, match="leave before join"):
        add_member_event(
            db, MANAGER, "biskra-dates", "farm-03", {"kind": "leave", "date": dt.date(2024, 1, 1)}
        )
    with pytest.raises(DataValidationError, match="leave before join"):
        leave = add_member_event(
            db, MANAGER, "biskra-dates", "farm-01", {"kind": "leave", "date": dt.date(2024, 6, 1)}
        )
        update_member_event(
            db, MANAGER, "biskra-dates", "farm-01", leave.id, {"date": dt.date(2023, 1, 1)}
        )
    with pytest.raises(PermissionDeniedError, match="cannot create member_event"):
        add_member_event(
            db, OTHER, "biskra-dates", "farm-02", {"kind": "join", "date": dt.date(2024, 1, 1)}
        )


def test_member_figure_create_replace_delete_audited(db):
    _join(db, "farm-01", "2024-02-01")
    row = set_member_figure(
        db,
        MANAGER,
        "biskra-dates",
        "farm-01",
        {
            "period": "2024",
            "jobs": "6",
            "exports": "1 500,5",
            "currency": "dzd",
            "founded": "2024-01-10",
        },
    )
    assert (row.jobs, row.exports, row.currency, row.founded) == (
        6,
        1500.5,
        "DZD",
        dt.date(2024, 1, 10),
    )
    again = set_member_figure(db, MANAGER, "biskra-dates", "farm-01", {"period": "2024", "jobs": 7})
    assert again.id == row.id and again.jobs == 7 and again.exports is None
    entries = list(db.scalars(select(AuditEntry).where(AuditEntry.resource == "member_figure")))
    assert [e.action for e in entries] == ["create", "update"]
    assert entries[1].before["jobs"] == 6 and entries[1].after["jobs"] == 7
    delete_member_figure(db, MANAGER, "biskra-dates", row.id)
    assert list_member_figures(db, "biskra-dates") == []
    with pytest.raises(NotFoundError, match="No member figure"):
        delete_member_figure(db, MANAGER, "biskra-dates", row.id)


@pytest.mark.parametrize(
    ("values", "column", "match"),
    [
        ({"period": "2024", "jobs": "-4"}, "jobs", "jobs must be a number from 0"),
        ({"period": "2024-Q7", "jobs": "4"}, "period", "is not a period"),
        ({"period": "2023", "founded": "2024-03-01"}, "founded", "date out of period"),
        ({"period": "2024", "exports": "12"}, "currency", "Exports without a currency"),
    ],
)
def test_member_figure_refused_names_the_field(db, values, column, match):
    _join(db, "farm-01", "2024-02-01")
    with pytest.raises(DataValidationError, match=match) as caught:
        set_member_figure(db, MANAGER, "biskra-dates", "farm-01", values)
    assert [(i.file, i.column) for i in caught.value.issues] == [("form", column)]


def test_member_figure_of_an_unknown_member_and_wrong_roles(db):
    with pytest.raises(DataValidationError, match="Unknown member 'farm-09'"):
        set_member_figure(db, MANAGER, "biskra-dates", "farm-09", {"period": "2024", "jobs": 1})
    _join(db, "farm-09", "2024-02-01")
    for who in (OTHER, ANALYST):
        with pytest.raises(PermissionDeniedError, match="cannot create member_figure"):
            set_member_figure(db, who, "biskra-dates", "farm-09", {"period": "2024", "jobs": 1})


def test_activities_and_tie_dates(db):
    _join(db, "farm-01", "2024-02-01")
    _join(db, "pack-01", "2022-02-01")
    activity = add_cluster_activity(
        db,
        MANAGER,
        "biskra-dates",
        {
            "kind": "training",
            "date": "2024-03-05",
            "participants": "12",
            "members": "farm-01;pack-01",
        },
    )
    assert activity.members == ["farm-01", "pack-01"] and activity.participants == 12
    with pytest.raises(DataValidationError, match="Unknown member 'ghost'"):
        add_cluster_activity(
            db,
            MANAGER,
            "biskra-dates",
            {"kind": "training", "date": "2024-03-05", "members": ["ghost"]},
        )
    with pytest.raises(DataValidationError, match="Unknown activity"):
        add_cluster_activity(db, MANAGER, "biskra-dates", {"kind": "party", "date": "2024-03-05"})
    with pytest.raises(PermissionDeniedError, match="cannot create cluster_activity"):
        add_cluster_activity(db, OTHER, "biskra-dates", {"kind": "event", "date": "2024-03-05"})
    tie = Tie(source="farm-01", target="pack-01", type="subcontracting", cluster_id="biskra-dates")
    db.add(tie)
    db.flush()
    set_tie_dates(db, MANAGER, "biskra-dates", tie.id, since="2024-04-10")
    assert tie.since == dt.date(2024, 4, 10)
    k = records_kpis(db, "biskra-dates", "2024")
    assert (k.value("trainings"), k.value("partnerships")) == (1, 1)
    with pytest.raises(DataValidationError, match="before it starts"):
        set_tie_dates(db, MANAGER, "biskra-dates", tie.id, since="2024-04-10", until="2024-01-01")
    with pytest.raises(PermissionDeniedError, match="cannot change tie"):
        set_tie_dates(db, OTHER, "biskra-dates", tie.id, since="2024-04-11")
    with pytest.raises(NotFoundError, match="No tie 999"):
        set_tie_dates(db, MANAGER, "biskra-dates", 999, since="2024-04-11")
    delete_cluster_activity(db, MANAGER, "biskra-dates", activity.id)
    assert records_kpis(db, "biskra-dates", "2024").value("trainings") == 0
    with pytest.raises(NotFoundError, match="No activity"):
        delete_cluster_activity(db, MANAGER, "biskra-dates", activity.id)


def test_typed_value_that_disagrees_is_flagged(db):
    _join(db, "farm-01", "2024-02-01")
    set_member_figure(db, MANAGER, "biskra-dates", "farm-01", {"period": "2024", "jobs": 6})
    set_kpi(
        db,
        MANAGER,
        "biskra-dates",
        checked_kpi_entry({"name": "jobs", "period": "2024", "value": "60", "target": "50"}),
    )
    set_kpi(
        db,
        MANAGER,
        "biskra-dates",
        checked_kpi_entry({"name": "members", "period": "2024", "value": "1"}),
    )
    rows = {
        r["kpi"]: r
        for r in compare_with_typed(db, "biskra-dates", records_kpis(db, "biskra-dates", "2024"))
    }
    assert (rows["jobs"]["computed"], rows["jobs"]["typed"], rows["jobs"]["target"]) == (6, 60, 50)
    assert rows["jobs"]["disagrees"] and not rows["members"]["disagrees"]
    assert rows["exports"]["typed"] is None and not rows["exports"]["disagrees"]


def test_migration_0016_up_and_down(empty_engine):
    from grappe.registry import upgrade
    from grappe.registry.database import downgrade

    upgrade(empty_engine)
    names = inspect(empty_engine).get_table_names()
    assert {"member_figures", "cluster_activities"} <= set(names)
    columns = {c["name"] for c in inspect(empty_engine).get_columns("member_events")}
    assert {"activity_code", "activity", "sphere", "region_id"} <= columns
    downgrade(empty_engine, revision="0015")
    inspector = inspect(empty_engine)
    assert "member_figures" not in inspector.get_table_names()
    assert "since" not in {c["name"] for c in inspector.get_columns("ties")}
    upgrade(empty_engine)
    assert "since" in {c["name"] for c in inspect(empty_engine).get_columns("ties")}
