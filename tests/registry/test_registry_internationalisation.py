"""Markets of member figures in the registry (migration 0018) and a cluster's
internationalisation gathered from it (grappe.registry.internationalisation): the Biskra
fixture (illustrative, markets invented) loaded and computed back equal to the files; markets
checked, stored, audited; the column up and down. SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from grappe.assess import draft_swot
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io.member_records import read_records
from grappe.registry.evaluations import store_swot
from grappe.registry.internationalisation import (
    latest_internationalisation,
    registry_internationalisation,
)
from grappe.registry.kpi_entries import checked_kpi_entry, set_kpi
from grappe.registry.member_events import add_member_event
from grappe.registry.member_records import set_member_figure
from grappe.registry.models import Actor, AuditEntry, Cluster, Region
from grappe.registry.permissions import Access
from grappe.registry.record_imports import load_records
from grappe.registry.reports import report_inputs
from grappe.reports import build_report
from grappe.reports.render import render_html
from grappe.roadmap.internationalisation import cluster_internationalisation
from grappe.roadmap.markets import Market

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roadmap"
KINDS = ("events", "figures", "activities", "ties")
MANAGER = Access("mgr@biskra.dz", "manager", frozenset({"biskra-dates"}))


def add_biskra(session):
    """The cluster, the wilaya of Biskra and the actors of the illustrative fixture."""
    session.add(Cluster(id="biskra-dates", name_en="Biskra dates"))
    session.add(Region(id="DZ-07", code="07", country="DZ", region_type="wilaya", name_en="Biskra"))
    with (FIXTURES / "biskra_network_actors.csv").open() as f:  # levels assumed
        session.add_all(
            Actor(id=r["id"], name=r["name"], sphere=r["sphere"], level=r["level"])
            for r in csv.DictReader(f)
        )
    session.flush()


@pytest.fixture
def db(sessions):
    with sessions() as session:
        add_biskra(session)
        session.commit()
        yield session


def test_biskra_markets_loaded_and_computed_back(db):
    records = read_records({k: FIXTURES / f"biskra_{k}.csv" for k in KINDS})
    load_records(db, MANAGER, "biskra-dates", records)
    entry = checked_kpi_entry(
        {"name": "exports", "period": "2024", "value": 435_000_000, "target": 500_000_000}
    )
    set_kpi(db, MANAGER, "biskra-dates", entry)
    db.commit()
    res = registry_internationalisation(db, "biskra-dates", "2024", previous="2023")
    files = cluster_internationalisation(records, period="2024", previous="2023")
    assert res.markets == files.markets and res.exporters == files.exporters
    assert res.markets[0].country == "FR" and res.markets[0].exports == pytest.approx(213.5e6)
    assert res.exports_kpi.target == 500_000_000
    # the stored network (members from the join events, ties loaded with the records)
    assert res.pipelines.external_share == pytest.approx(0.2)
    assert [p.actor for p in res.pipelines.actors] == ["chamber-agri", "farm-03"]
    assert res.exports_kpi.attainment == pytest.approx(0.87)
    with pytest.raises(NotFoundError, match="cluster"):
        registry_internationalisation(db, "nowhere", "2024")
    # the expert report gathers it (latest year with figures, against the year before)
    latest = latest_internationalisation(db, "biskra-dates")
    assert latest.period == "2024" and latest.exports_kpi.previous == 350e6
    with pytest.raises(InvalidParameterError, match="nothing to report on"):
        report_inputs(db, "biskra-dates")  # member figures alone are not a report
    store_swot(db, "biskra-dates", draft_swot(), date=dt.date(2026, 11, 3), who="mgr")
    inputs = report_inputs(db, "biskra-dates")
    assert inputs.internationalisation == latest
    assert "grappe registry: member figures and markets of 2024" in inputs.sources
    report = build_report(None, region="DZ-07", cluster="biskra-dates",
                          internationalisation=inputs.internationalisation)  # fmt: skip
    html = render_html(report, lang="fr")
    assert 'id="internationalisation"' in html and "Émirats arabes unis" in html


def test_markets_stored_audited_and_refused(db):
    add_member_event(
        db, MANAGER, "biskra-dates", "pack-01", {"kind": "join", "date": dt.date(2022, 3, 1)}
    )
    values = {"period": "2024", "exports": "100", "currency": "DZD", "markets": "fr:60;DE:40"}
    row = set_member_figure(db, MANAGER, "biskra-dates", "pack-01", values)
    assert row.markets == [{"country": "FR", "share": 60.0}, {"country": "DE", "share": 40.0}]
    values["markets"] = [{"country": "AE", "share": None}]
    set_member_figure(db, MANAGER, "biskra-dates", "pack-01", values)
    entries = list(db.scalars(select(AuditEntry).where(AuditEntry.resource == "member_figure")))
    assert entries[-1].before["markets"][0]["country"] == "FR"
    assert entries[-1].after["markets"] == [{"country": "AE", "share": None}]
    res = registry_internationalisation(db, "biskra-dates", "2024")
    assert res.exporters[0].markets == (Market("AE"),)
    with pytest.raises(DataValidationError, match="Unknown country code 'XY'") as caught:
        set_member_figure(db, MANAGER, "biskra-dates", "pack-01", {**values, "markets": "XY"})
    assert [(i.file, i.column) for i in caught.value.issues] == [("form", "markets")]


def test_migration_0018_adds_and_drops_markets(empty_engine):
    from grappe.registry.database import downgrade, upgrade

    upgrade(empty_engine)
    columns = {c["name"] for c in inspect(empty_engine).get_columns("member_figures")}
    assert "markets" in columns
    downgrade(empty_engine, revision="0016")
    columns = {c["name"] for c in inspect(empty_engine).get_columns("member_figures")}
    assert "markets" not in columns
