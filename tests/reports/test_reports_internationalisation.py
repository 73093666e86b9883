"""The report's "Internationalisation" section (grappe.reports.internationalisation): findings
checked by hand on the Biskra fixture (seed 000; figures and markets illustrative), their
recommendations, and the section rendered in French, Arabic and English."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from grappe.io.member_records import read_records
from grappe.network.model import build_network
from grappe.reports import build_report
from grappe.reports.internationalisation import internationalisation_findings
from grappe.reports.render import render_html
from grappe.roadmap.internationalisation import cluster_internationalisation
from grappe.roadmap.records import check_records

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roadmap"
BISKRA = {k: FIXTURES / f"biskra_{k}.csv" for k in ("events", "figures", "activities", "ties")}


@pytest.fixture(scope="module")
def intl():
    records = read_records(BISKRA)
    actors = pd.read_csv(FIXTURES / "biskra_network_actors.csv")
    ties = pd.read_csv(FIXTURES / "biskra_ties.csv")[["source", "target", "type"]]
    return cluster_internationalisation(
        records,
        period="2024",
        previous="2023",
        typed_kpis=[{"kpi": "exports", "period": "2024", "target": 500_000_000}],
        network=build_network(actors, ties, directed=False),
        country="DZA",
        cluster_products=["0804", "1701", "2002"],
        advantages=[
            {"product": "TropicalFruits", "code": "0804", "rca": 7.41, "share": 0.0066,
             "names": {"en": "Dates, figs", "fr": "Dattes, figues", "ar": "التمور والتين"}},
        ],
        opportunities=[{"product": "ProcessedTomatoes", "code": "2002", "rank": 33,
                        "density": 0.0318, "names": {"en": "Prepared tomatoes"}}],
    )  # fmt: skip


def test_findings_by_hand(intl):
    found = {f.key: f for f in internationalisation_findings(intl)}
    assert set(found) == {
        "members_export",
        "exports_target_missed",
        "global_pipelines",
        "export_advantage",
        "export_opportunity",
    }  # France takes 49 % of the exports: below the 50 % of a concentration
    assert found["members_export"].text("en") == (
        "3 of the 17 members export: 435,000,000 DZD in 2024, to 5 countries."
    )
    assert found["exports_target_missed"].value == 435e6
    assert found["global_pipelines"].text("en").startswith("2 members hold 2 ties")
    assert "Dattes, figues" in found["export_advantage"].text("fr")
    assert found["export_opportunity"].kind == "opportunity"
    said = internationalisation_findings(intl, kpis_said=True)
    assert "exports_target_missed" not in {f.key for f in said}
    assert internationalisation_findings(None) == ()


def test_concentration_and_no_exporter():
    one = check_records(
        [{"actor": "a", "kind": "join", "date": "2023-01-01"},
         {"actor": "b", "kind": "join", "date": "2023-01-01"}],
        [{"actor": "a", "period": "2024", "exports": 80, "currency": "EUR",
          "markets": "FR:75;DE:25"},
         {"actor": "b", "period": "2024", "exports": 20, "currency": "EUR",
          "markets": "FR:50;DE:50"}],
    )  # fmt: skip
    found = {f.key: f for f in internationalisation_findings(
        cluster_internationalisation(one, period="2024"))}  # fmt: skip
    assert found["market_concentration"].value == pytest.approx(0.70)  # (60 + 10) / 100
    assert "70" in found["market_concentration"].text("fr") and "France" in found[
        "market_concentration"].text("fr")  # fmt: skip
    none = check_records(
        [{"actor": "a", "kind": "join", "date": "2023-01-01"}],
        [{"actor": "a", "period": "2024", "jobs": 3}],
    )
    (finding,) = internationalisation_findings(cluster_internationalisation(none, period="2024"))
    assert finding.key == "no_exporter" and finding.kind == "weakness"


def test_report_section_in_three_languages(intl):
    report = build_report(None, region="DZ-07", cluster="dates", internationalisation=intl)
    keys = [r.key for r in report.recommendations]
    assert "target_export_products" in keys
    for lang, heading, france in (
        ("en", "Internationalisation", "France"),
        ("fr", "Internationalisation", "France"),
        ("ar", "التدويل", "فرنسا"),
    ):
        html = render_html(report, lang=lang)
        section = html.split('id="internationalisation"', 1)[1].split("<h2", 1)[0]
        assert heading in html and france in section
        assert section.count("<tr>") == 1 + 5 + 1 + 1  # markets header + 5, opportunities
    without = render_html(build_report(None, region="DZ-07", cluster="dates"), lang="en")
    assert 'id="internationalisation"' not in without
