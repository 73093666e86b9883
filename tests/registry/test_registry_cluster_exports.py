"""A stored cluster's export headings and the country's stored export profile read in them
(grappe.registry.cluster_exports, migration 0019): the headings parsed, set with rights and
audit, derived from bundled definitions; the country from the regions; published profiles and
hidden opportunities respected; the expert report's section. SQLite and PostgreSQL.

The profile is a toy one built by hand (Algeria's names, invented figures) so that the test
checks the reading, not the kernel; tests/web/test_web_cluster_exports.py reads Algeria's real
profile."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from grappe.assess import draft_swot
from grappe.complexity.exports import ExportProduct, ExportProfile, Opportunity
from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
from grappe.i18n import translate
from grappe.io.hs_headings import parse_headings
from grappe.registry.cluster_exports import (
    cluster_country,
    cluster_country_exports,
    cluster_headings,
    sees_unpublished_profiles,
    set_export_products,
)
from grappe.registry.evaluations import store_swot
from grappe.registry.export_profiles import (
    hide_opportunity,
    publish_export_profile,
    store_export_profile,
)
from grappe.registry.models import Actor, AuditEntry, Cluster, Region
from grappe.registry.permissions import Access
from grappe.registry.record_imports import load_records
from grappe.registry.reports import report_inputs

ADMIN = Access("admin@obs.dz", "admin")
ANALYST = Access("ana@obs.dz", "analyst")
MANAGER = Access("mgr@biskra.dz", "manager", frozenset({"biskra-dates"}))
OTHER = Access("mgr@fes.ma", "manager", frozenset({"fes-leather"}))
FIXTURES = Path(__file__).parents[1] / "fixtures" / "roadmap"


def toy_profile() -> ExportProfile:
    """Two products with an advantage (dates in the cluster's headings, gas not), three
    opportunities (sugar and pasta in them, salt not)."""

    def product(name, code, share, rca):
        return ExportProduct(product=name, code=code, names={"en": name}, value=share * 1e10,
                             share=share, rca=rca, pci=-1.0)  # fmt: skip

    def opportunity(name, code, rank):
        return Opportunity(product=name, code=code, names={"en": name}, density=0.3 / rank,
                           density_percentile=0.9, pci=0.1, cog=0.2, rca=0.1, score=2.0 / rank,
                           rank=rank, reasons=(), near=())  # fmt: skip

    return ExportProfile(
        country="DZA", year=2020, total=1e10, diversity=2, eci=-0.8, eci_rank=120,
        n_countries=155, products=(product("PetroleumGas", "2711", 0.5, 31.0),
                                   product("TropicalFruits", "0804", 0.01, 7.4)),
        opportunities=(opportunity("RawSugar", "1701", 1), opportunity("Salt", "2501", 2),
                       opportunity("Pasta", "1902", 3)),
        published_eci={}, coi=-1.1, method={}, in_sample=True, n_products=5,
    )  # fmt: skip


@pytest.fixture
def db(sessions):
    with sessions() as session:
        biskra = Region(id="DZ-07", code="07", country="DZ", region_type="wilaya",
                        name_en="Biskra")  # fmt: skip
        fes = Region(id="MA-07", code="07", country="MA", region_type="region", name_en="Fès")
        session.add_all([biskra, fes])
        for cid, regions, extra in (
            ("biskra-dates", [biskra], {"export_products": ["0804", "1701", "1902"]}),
            ("dz-food", [biskra], {"definitions": "us-benchmark", "sector": "18"}),
            ("fes-leather", [fes], {"definitions": "ma-hcp-2019", "sector": "C15"}),
            ("two-countries", [biskra, fes], {}),
            ("nowhere", [], {}),
        ):
            cluster = Cluster(id=cid, name_en=cid, **extra)
            session.add(cluster)
            session.flush()
            cluster.regions.extend(regions)
        store_export_profile(session, "test", toy_profile(), source="toy-hs4", publish=True)
        session.commit()
        yield session


def test_headings_are_parsed_once_for_every_door():
    assert parse_headings("0804, 2009;0804 7418", field="f") == ("0804", "2009", "7418")
    assert parse_headings(["0804"], field="f") == ("0804",)
    assert parse_headings(None, field="f") == () == parse_headings(" ", field="f")
    with pytest.raises(InvalidParameterError, match=r"export_products takes HS4 headings of four "
                       r"digits separated by commas \(0804,2009\); got '08A4'"):  # fmt: skip
        parse_headings("0804,08A4", field="export_products")
    with pytest.raises(InvalidParameterError, match="'804'"):
        parse_headings("804", field="export_products")
    with pytest.raises(InvalidParameterError, match="'0000' is no heading of the Harmonized"):
        parse_headings("0000", field="export_products")


def test_headings_set_with_rights_and_audit(db):
    set_export_products(db, MANAGER, "biskra-dates", "0804 ; 2009")
    assert db.get(Cluster, "biskra-dates").export_products == ["0804", "2009"]
    entry = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.resource, entry.resource_id, entry.who) == ("cluster", "biskra-dates",
                                                              "mgr@biskra.dz")  # fmt: skip
    assert entry.before == {"export_products": ["0804", "1701", "1902"]}
    assert entry.after == {"export_products": ["0804", "2009"]}
    count = db.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()))
    set_export_products(db, MANAGER, "biskra-dates", ["0804", "2009"])  # unchanged: no entry
    assert db.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc())) == count
    for who in (ANALYST, OTHER, Access("gm", "member", actor="GM")):
        with pytest.raises(PermissionDeniedError):
            set_export_products(db, who, "biskra-dates", "0805")
    with pytest.raises(InvalidParameterError, match="export_products takes HS4 headings"):
        set_export_products(db, ADMIN, "biskra-dates", "08A4")
    with pytest.raises(NotFoundError, match="cluster"):
        set_export_products(db, ADMIN, "no-such-cluster", "0804")
    assert db.get(Cluster, "biskra-dates").export_products == ["0804", "2009"]
    set_export_products(db, ADMIN, "biskra-dates", "")  # cleared: derived again, if it can be
    assert db.get(Cluster, "biskra-dates").export_products is None


def test_country_from_the_regions(db):
    assert cluster_country(db.get(Cluster, "biskra-dates")) == ("DZA", None)
    assert cluster_country(db.get(Cluster, "fes-leather")) == ("MAR", None)
    none, why = cluster_country(db.get(Cluster, "two-countries"))
    assert none is None and "several countries (DZ, MA)" in why
    none, why = cluster_country(db.get(Cluster, "nowhere"))
    assert none is None and "no region" in why
    assert "أي منطقة" in translate(why, "ar")


def test_headings_named_or_derived_from_bundled_definitions(db):
    assert cluster_headings(db.get(Cluster, "biskra-dates")) == (
        ("0804", "1701", "1902"), "set", None)  # fmt: skip
    derived, how, why = cluster_headings(db.get(Cluster, "dz-food"))
    # cluster 18 of the U.S. benchmark (food processing) through the HS -> NAICS concordance:
    # sugar (Census's 31131 -> 311313/311314) and pasta (311824) are in it; dates (111339,
    # farming) are not: the benchmark leaves farming out
    assert how == "derived" and why is None and {"1701", "1902"} <= set(derived)
    assert "0804" not in derived
    none, how, why = cluster_headings(db.get(Cluster, "fes-leather"))
    assert none is None and "'ma-hcp-2019' are not a bundled set" in why
    db.get(Cluster, "dz-food").sector = "999"
    none, how, why = cluster_headings(db.get(Cluster, "dz-food"))
    assert none is None and "No HS heading reaches the cluster '999'" in why
    none, how, why = cluster_headings(db.get(Cluster, "nowhere"))
    assert none is None and "names no export headings" in why


def test_the_stored_profile_read_in_the_cluster_headings(db):
    found = cluster_country_exports(db, "biskra-dates")
    assert (found.country, found.country_from, found.products_from) == ("DZA", "regions", "set")
    assert [p.code for p in found.advantages] == ["0804"]  # gas is not a heading of the cluster
    assert found.advantages[0].rca == 7.4
    assert [(p.code, p.rank) for p in found.opportunities] == [("1701", 1), ("1902", 3)]
    assert found.stored_opportunities == 3 and found.missing == ()
    options = found.internationalisation_options()
    assert options["country"] == "DZA" and len(options["opportunities"]) == 3
    derived = cluster_country_exports(db, "dz-food")
    assert derived.products_from == "derived" and derived.definitions == "us-benchmark"
    assert [p.code for p in derived.opportunities] == ["1701", "1902"] and not derived.advantages
    # a hidden opportunity never shows, for anyone; it still counts among those stored
    hide_opportunity(db, ANALYST, "DZA", "Pasta", reason="Hors de la stratégie nationale")
    for published_only in (True, False):
        found = cluster_country_exports(db, "biskra-dates", published_only=published_only)
        assert [p.code for p in found.opportunities] == ["1701"]
        assert found.stored_opportunities == 3
        given = found.internationalisation_options()["opportunities"]  # to the kernel, too
        assert [o.product for o in given] == ["RawSugar", "Salt"]
    # an unpublished profile: its readers only
    publish_export_profile(db, ANALYST, "DZA", published=False)
    public = cluster_country_exports(db, "biskra-dates")
    assert public.profile is None and not public.advantages
    assert public.missing == (
        "No published export profile of DZA is stored: grappe exports store DZA --trade FILE "
        "stores it, grappe exports publish DZA publishes it.",
    )
    assert cluster_country_exports(db, "biskra-dates", published_only=False).advantages
    assert sees_unpublished_profiles(ANALYST) and sees_unpublished_profiles(ADMIN)
    assert not any(map(sees_unpublished_profiles, (MANAGER, Access("gm", "member"), None)))


def test_missing_pieces_are_said_not_raised(db):
    found = cluster_country_exports(db, "fes-leather")
    assert found.country == "MAR" and found.profile is None
    assert "grappe exports store MAR --trade FILE" in found.missing[-1]
    assert "grappe exports store MAR --trade FICHIER" in translate(found.missing[-1], "fr")
    given = cluster_country_exports(db, "fes-leather", country="dza", products=["0804"])
    assert (given.country, given.country_from, given.products_from) == ("DZA", "given", "given")
    assert [p.code for p in given.advantages] == ["0804"]
    with pytest.raises(InvalidParameterError, match="ISO 3166-1 alpha-3 code"):
        cluster_country_exports(db, "fes-leather", country="DZ")
    with pytest.raises(NotFoundError, match="cluster"):
        cluster_country_exports(db, "no-such-cluster")


def test_the_report_reads_the_published_profile(db):
    manager = Access("mgr@biskra.dz", "manager", frozenset({"biskra-dates"}))
    with (FIXTURES / "biskra_network_actors.csv").open() as f:  # levels assumed (illustrative)
        db.add_all(Actor(id=r["id"], name=r["name"], sphere=r["sphere"], level=r["level"])
                   for r in csv.DictReader(f))  # fmt: skip
    db.flush()
    from grappe.io.member_records import read_records

    kinds = ("events", "figures", "activities", "ties")
    load_records(db, manager, "biskra-dates",
                 read_records({k: FIXTURES / f"biskra_{k}.csv" for k in kinds}))  # fmt: skip
    store_swot(db, "biskra-dates", draft_swot(), date=dt.date(2026, 11, 3), who="mgr")
    hide_opportunity(db, ANALYST, "DZA", "Pasta", reason="Hors de la stratégie nationale")
    inputs = report_inputs(db, "biskra-dates")
    intl = inputs.internationalisation
    assert intl.country == "DZA" and [p.code for p in intl.advantages] == ["0804"]
    assert [p.code for p in intl.opportunities] == ["1701"]  # pasta hidden
    assert any("export profile of DZA (2020, toy-hs4)" in s and "3 first opportunities" in s
               for s in inputs.sources)  # fmt: skip
    from grappe.reports import build_report
    from grappe.reports.render import render_html

    report = build_report(None, region="DZ-07", cluster="biskra-dates",
                          internationalisation=intl)  # fmt: skip
    html = render_html(report, lang="fr")
    assert "Algérie" in html and "RawSugar (1701)" in html
    publish_export_profile(db, ANALYST, "DZA", published=False)  # a report leaves the workspace
    assert not report_inputs(db, "biskra-dates").internationalisation.advantages


def test_migration_0019_adds_and_drops_the_headings(empty_engine):
    from grappe.registry.database import downgrade, upgrade

    upgrade(empty_engine, revision="0018")
    with empty_engine.begin() as conn:
        for statement in (
            "INSERT INTO clusters (id, name_en, published, updated_at) VALUES ('c', 'C', true, "
            "'2026-01-01')",
            "INSERT INTO actors (id, name) VALUES ('a', 'A')",
            "INSERT INTO memberships (cluster_id, actor_id) VALUES ('c', 'a')",
        ):
            conn.execute(text(statement))
    upgrade(empty_engine, revision="0019")
    assert "export_products" in {c["name"] for c in inspect(empty_engine).get_columns("clusters")}
    with empty_engine.begin() as conn:
        conn.execute(text("UPDATE clusters SET export_products = '[\"0804\"]' WHERE id = 'c'"))
    downgrade(empty_engine, revision="0018")
    columns = {c["name"] for c in inspect(empty_engine).get_columns("clusters")}
    assert "export_products" not in columns and "public_sections" in columns
    with empty_engine.connect() as conn:  # no table copied: nothing cascades away
        assert conn.execute(text("SELECT count(*) FROM memberships")).scalar() == 1


def test_headings_imported_from_a_clusters_file(db):
    from grappe.errors import DataValidationError
    from grappe.registry.imports import import_table

    data = b"id,name_en,regions,export_products\ncw,Copperware,DZ-07,7418;7419\nbd,Dates,,\n"
    report = import_table(db, data, kind="clusters", filename="c.csv", who="test")
    assert (report.inserted, report.unchanged) == (2, 0)
    assert db.get(Cluster, "cw").export_products == ["7418", "7419"]
    assert db.get(Cluster, "bd").export_products is None  # empty: derived, if it can be
    again = import_table(db, data, kind="clusters", filename="c.csv", who="test")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    db.commit()
    bad = b"id,name_en,export_products\ncw,Copperware,7418;74A8\n"
    with pytest.raises(
        DataValidationError,
        match=r"c\.csv, row 2, column 'export_products': export_products takes HS4 headings .*"
        r"got '74A8'\. Fix: in a CSV cell, separate the HS headings of four digits by "
        r"semicolons: 0804;2009\.",
    ):
        import_table(db, bad, kind="clusters", filename="c.csv", who="test")
    db.rollback()
    assert db.get(Cluster, "cw").export_products == ["7418", "7419"]  # nothing written
