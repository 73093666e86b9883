"""The KPI values entered by hand (grappe.registry.kpi_entries): the checks of each field, the
create-or-replace rule shared by PUT /api/v1/kpis and the workspace page, corrections, clashes,
deletions and rights, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from grappe.errors import DataValidationError, NotFoundError, PermissionDeniedError
from grappe.registry.kpi_entries import check_kpi_entry, correct_kpi, delete_kpi, set_kpi
from grappe.registry.models import AuditEntry, Cluster, Kpi
from grappe.registry.permissions import Access

MANAGER = Access("mgr@obs.dz", "manager", frozenset({"c"}))
OTHER = Access("other@obs.dz", "manager", frozenset({"d"}))


@pytest.fixture
def db(sessions):
    with sessions() as session:
        session.add_all([Cluster(id="c", name_en="C"), Cluster(id="d", name_en="D")])
        session.commit()
        yield session


def _entry(**values):
    entry, issues = check_kpi_entry({"name": "jobs", "period": "2024", "value": "1", **values})
    assert not issues, issues
    return entry


@pytest.mark.parametrize(
    ("values", "column", "match"),
    [
        ({"period": "2024-Q5"}, "period", "is not a period"),
        ({"period": "1850"}, "period", "outside 1900-2100"),
        ({"value": "1e16"}, "value", "between -1e\\+15 and 1e\\+15"),
        ({"value": "inf"}, "value", "between"),
        ({"value": ""}, "value", "value is required"),
        ({"target": "x"}, "target", "target must be a number"),
        ({"name": "bad name"}, "name", "1 to 64 letters"),
        ({"unit": "?"}, "unit", "The unit must be"),
    ],
)
def test_check_kpi_entry_names_the_bad_field(values, column, match):
    _, issues = check_kpi_entry({"name": "jobs", "period": "2024", "value": "1", **values})
    assert [i.column for i in issues] == [column]
    with pytest.raises(DataValidationError, match=match):
        raise DataValidationError(issues)


def test_check_kpi_entry_reads_numbers_as_typed():
    entry = _entry(period="2024-03", value="1 250,5", target="", unit="DZD")
    assert entry == {"name": "jobs", "period": "2024-03", "year": 2024, "value": 1250.5,
                     "target": None, "unit": "DZD"}  # fmt: skip


def test_set_kpi_creates_then_replaces_and_audits(db):
    row = set_kpi(db, MANAGER, "c", _entry(period="2024-Q1", value="3"))
    assert (row.period, row.year, row.value) == ("2024-Q1", 2024, 3.0)
    same = set_kpi(db, MANAGER, "c", _entry(period="2024-Q1", value="4"))
    assert same.id == row.id and same.value == 4.0
    set_kpi(db, MANAGER, "c", _entry(period="2024-Q1", value="4"))  # unchanged: no entry
    audit = [(a.who, a.action, a.resource_id, a.after) for a in
             db.scalars(select(AuditEntry).where(AuditEntry.resource == "kpi"))]  # fmt: skip
    assert [a[:3] for a in audit] == [("mgr@obs.dz", "create", "c/jobs/2024-Q1"),
                                      ("mgr@obs.dz", "update", "c/jobs/2024-Q1")]  # fmt: skip
    assert audit[1][3] == {"value": 4.0}


def test_set_kpi_refuses_another_clusters_manager_and_unknown_clusters(db):
    with pytest.raises(PermissionDeniedError, match="manager"):
        set_kpi(db, OTHER, "c", _entry())
    with pytest.raises(NotFoundError, match="No cluster"):
        set_kpi(db, Access("root", "admin"), "nowhere", _entry())
    assert db.scalar(select(Kpi.id)) is None


def test_correct_kpi_refuses_a_clash_and_others(db):
    first = set_kpi(db, MANAGER, "c", _entry(period="2024-Q1"))
    set_kpi(db, MANAGER, "c", _entry(period="2024-Q2"))
    with pytest.raises(DataValidationError, match="already has a value of 'jobs' in 2024-Q2"):
        correct_kpi(db, MANAGER, first.id, _entry(period="2024-Q2"))
    with pytest.raises(PermissionDeniedError, match="manager"):
        correct_kpi(db, OTHER, first.id, _entry(period="2024-Q3"))
    moved = correct_kpi(db, MANAGER, first.id, _entry(period="2024-Q3", value="9"))
    assert (moved.period, moved.value) == ("2024-Q3", 9.0)
    with pytest.raises(NotFoundError, match="No KPI value"):
        correct_kpi(db, MANAGER, 10**6, _entry())


def test_delete_kpi_keeps_the_record_in_the_audit(db):
    row = set_kpi(db, MANAGER, "c", _entry(value="7"))
    with pytest.raises(PermissionDeniedError, match="manager"):
        delete_kpi(db, OTHER, row.id)
    assert delete_kpi(db, MANAGER, row.id) == "c"
    assert db.scalar(select(Kpi.id)) is None
    last = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (last.action, last.before["value"], last.before["period"]) == ("delete", 7.0, "2024")
