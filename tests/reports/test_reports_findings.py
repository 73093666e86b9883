"""The mission document's findings and recommendations, rule by rule, on hand-computed cases.

The network cases use the Constantine copperware network of tests/fixtures/journey (transcribed
from the seed study 003; see its PROVENANCE.md), the others toy numbers."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from grappe.errors import InvalidParameterError
from grappe.reports.findings import (
    DEPENDENCE_SHARE,
    Finding,
    kpi_findings,
    network_findings,
    programme_findings,
    related_change,
    related_findings,
    statistics_findings,
)
from grappe.reports.mission_texts import FINDING_TEXTS, RECOMMENDATION_TEXTS
from grappe.reports.programme import programme_status
from grappe.reports.recommendations import RECOMMENDATION_RULES, recommend

LANGS = ("fr", "ar", "en")


def _series(emp, nat, years=(2017, 2021)):
    return pd.DataFrame(
        {"year": list(years), "employment": emp, "national_employment": nat, "lq": 1.0}
    )


def test_employment_rose_faster_than_nationally_with_its_figures():
    (rose, special) = statistics_findings(
        {"lq": 1.8, "national_share": 0.05}, _series([100.0, 112.0], [1000.0, 1040.0])
    )
    # 112/100 - 1 = 12 %; 1040/1000 - 1 = 4 %
    assert rose.key == "employment_rose" and rose.kind == "strength"
    assert rose.value == pytest.approx(0.12)
    assert rose.text("en") == (
        "Employment rose 12.0% over 2017–2021 against 4.0% nationally (LQ 1.80)."
    )
    assert rose.text("fr").startswith("L'emploi a augmenté de 12,0\xa0% sur 2017–2021")
    assert special.key == "specialised" and "LQ 1.80, 5.0% of the nation" in special.text("en")


def test_employment_fell_is_written_as_a_fall_and_a_weakness():
    (fell,) = statistics_findings({"lq": 1.1}, _series([100.0, 90.0], [1000.0, 1000.0]))
    assert fell.key == "employment_fell" and fell.kind == "weakness"
    assert fell.value == pytest.approx(-0.10)
    assert "fell 10.0% over 2017–2021 against 0.0% nationally" in fell.text("en")
    # LQ 1.1: neither specialised (≥ 1.25) nor under-represented (< 1): no finding on it
    assert recommend([fell]) == ()


@pytest.mark.parametrize(
    ("lq", "emp", "expected"),
    [
        (0.8, [100.0, 120.0], "attract_investment"),  # under-represented, +20 % vs +4 %
        (1.8, [100.0, 101.0], "modernise"),  # specialised, +1 % vs +4 %
        (0.8, [100.0, 101.0], None),  # under-represented and slower: no growth to build on
        (1.8, [100.0, 120.0], None),  # specialised and faster: nothing to mend
    ],
)
def test_growth_and_specialisation_rule(lq, emp, expected):
    findings = statistics_findings({"lq": lq}, _series(emp, [1000.0, 1040.0]))
    keys = [r.key for r in recommend(findings)]
    assert keys == ([expected] if expected else [])
    if expected:
        (rec,) = recommend(findings)
        assert rec.finding.key.startswith("employment_")  # it cites its finding
        assert "LQ" in rec.text("en") and "4.0%" in rec.text("en")


def test_related_clusters_decline_is_a_threat_and_close_ones_opportunities():
    ind = pd.DataFrame(
        {
            "region": "26",
            "cluster": ["5", "5", "11", "11", "13", "13"],
            "cluster_name": ["Biopharmaceuticals"] * 2 + ["Business Services"] * 2 + ["X"] * 2,
            "year": [2017, 2021] * 3,
            "employment": [200.0, 150.0, 100.0, 110.0, 0.0, 10.0],
        }
    )
    change = related_change(ind, region="26", related=["5", "11", "13", "99"], start=2017,
                            end=2021)  # fmt: skip
    # 150/200 - 1 = -25 %; 110/100 - 1 = +10 %; 13 had no job in 2017; 99 is absent
    assert set(change) == {"5", "11"} and change["5"][1] == pytest.approx(-0.25)
    table = pd.DataFrame(
        {"code": ["39", "44"], "name": ["Printing Services", "My own cluster"],
         "density": [0.30, 0.40], "lq": [0.9, 0.7], "closest": ["Automotive", ""],
         "cog": [0.1, -0.2]}
    )  # fmt: skip
    decline, first, second = related_findings(change, table)
    assert decline.kind == "threat" and decline.value == 1.0
    assert (
        decline.text("en") == "Related clusters decline in the region: Biopharmaceuticals (-25.0%)."
    )
    # the benchmark clusters in the report's language; a cluster of one's own keeps its name
    assert decline.text("fr").endswith("Biopharmacie (-25,0\xa0%).")
    assert [f.value for f in (first, second)] == [0.40, 0.30]  # by density
    assert first.kind == second.kind == "opportunity"
    assert first.text("fr").startswith("My own cluster est proche")
    assert "Imprimerie" in second.text("fr") and "Automobile" in second.text("fr")
    keys = [r.key for r in recommend([decline, first, second])]
    assert keys == ["secure_links", "diversify_into", "diversify_into"]


@pytest.fixture(scope="module")
def constantine_summary(fixtures, tmp_path_factory):
    from grappe.io.network import read_network
    from grappe.network.diagnosis import diagnose

    folder = tmp_path_factory.mktemp("constantine")
    actors = pd.read_csv(fixtures / "journey" / "actors.csv")
    actors.rename(columns={"key": "id", "name_en": "name"})[
        ["id", "name", "sphere", "level"]
    ].to_csv(folder / "actors.csv", index=False)
    ties = pd.read_csv(fixtures / "journey" / "ties.csv")
    ties[["source", "target", "type", "strength"]].to_csv(folder / "ties.csv", index=False)
    return diagnose(read_network(folder / "actors.csv", folder / "ties.csv")).summary


def test_shadow_zone_between_the_artisans_and_the_university(constantine_summary):
    findings = network_findings(constantine_summary)
    zones = [f for f in findings if f.key == "shadow_zone"]
    # The study: the university's only tie is to the CAM (its research project, lines 987-995):
    # no tie with the coppersmiths.
    artisans = zones[0]
    assert (artisans.params["sphere_a"], artisans.params["sphere_b"]) == (
        "enterprise",
        "university",
    )
    assert artisans.params["names_b"] == ["University of Constantine 3"]
    assert artisans.text("en").startswith(
        "Shadow zone: no tie between Enterprises (Master coppersmiths of the Bardo, Coppersmith "
        "artisans of the Bardo) and Universities and research (University of Constantine 3)"
    )
    recs = recommend(findings)
    day = next(r for r in recs if r.finding is artisans)
    assert day.key == "joint_day" and day.text("en") == (
        "Organise a joint training and R&D day between Master coppersmiths of the Bardo, "
        "Coppersmith artisans of the Bardo and University of Constantine 3."
    )
    assert "بين" in day.text("ar") and "جامعة" not in day.text("ar")  # names are the data's
    # 4 zones as in the diagnosis; 4 brokers; 7 of 10 ties involve outside actors
    kinds = [f.key for f in findings]
    assert (
        kinds.count("shadow_zone") + kinds.count("weak_zone") + kinds.count("absent_sphere")
        == len(constantine_summary["shadow_zones"])
        == 4
    )
    brokers = next(f for f in findings if f.key == "brokers")
    assert brokers.value == 4 and "UNIDO" in brokers.text("en")
    dependence = next(f for f in findings if f.key == "external_dependence")
    assert dependence.value == pytest.approx(0.7) and dependence.kind == "threat"
    assert "no_triple_helix" in kinds  # enterprise, university, public present; no triad


@pytest.mark.parametrize(("share", "found"), [(DEPENDENCE_SHARE, True), (0.49, False)])
def test_external_dependence_threshold(share, found):
    findings = network_findings({"external_ties_share": share})
    assert [f.key for f in findings] == (["external_dependence"] if found else [])
    assert [r.key for r in recommend(findings)] == (["anchor_locally"] if found else [])


def test_kpis_below_target_are_findings(fixtures):
    from grappe.io.assess import read_kpis
    from grappe.roadmap import evaluate_kpis

    evaluation = evaluate_kpis(read_kpis(fixtures / "roadmap" / "kpis_dates.csv"), period="2023")
    findings = kpi_findings(evaluation)
    missed = evaluation.table[evaluation.table["met"] == False]  # noqa: E712
    assert [f.figure for f in findings] == list(missed["kpi"]) == ["jobs", "firms_created"]
    assert findings[0].text("en") == "Jobs: 1,310 against a target of 1,350 (2023)."
    assert findings[1].text("en") == "Firms created: 4 against a target of 5 (2023)."
    assert [r.key for r in recommend(findings)] == ["kpi_plan", "kpi_plan"]


def test_a_label_at_risk_comes_first():
    at_risk = programme_status({"programme": "SPL", "status": "suspended", "failures": 2})
    (finding,) = programme_findings(at_risk)
    assert finding.value == 2 and "2 consecutive failed" in finding.text("en")
    zone = Finding("shadow_zone", "weakness", "network", "shadow_zones", 0.0,
                   {"sphere_a": "enterprise", "sphere_b": "university", "names_a": ["A"],
                    "names_b": ["U"]})  # fmt: skip
    assert [r.key for r in recommend([zone, finding])] == ["remediation", "joint_day"]
    assert programme_findings(programme_status({"programme": "SPL", "status": "awarded"})) == ()
    assert programme_findings(None) == ()


def test_every_rule_speaks_three_languages():
    assert set(RECOMMENDATION_RULES) <= set(FINDING_TEXTS)
    for texts in (*FINDING_TEXTS.values(), *RECOMMENDATION_TEXTS.values()):
        assert set(texts) == set(LANGS)
        fields = {lang: set(re.findall(r"{(\w+)}", texts[lang])) for lang in LANGS}
        assert fields["fr"] == fields["ar"] == fields["en"]
        assert re.search(r"[\u0600-\u06ff]", texts["ar"])  # Arabic script, not transliteration


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (["SPL"], "The programme status \\(status.yaml\\) must be a mapping"),
        ({"status": "awarded"}, "status \\(status.yaml\\) needs a 'programme' \\(its name\\)"),
        ({"programme": "SPL", "status": "gold"}, "'status' .* must be one of applied, awarded"),
        ({"programme": "SPL", "status": "awarded", "last_decision": "promote"},
         "'last_decision' .* must be one of award, keep"),
        ({"programme": "SPL", "status": "awarded", "decided": "30/06/2026"},
         "'decided' .* must be a date \\(YYYY-MM-DD\\). Got '30/06/2026'"),
        ({"programme": "SPL", "status": "awarded", "failures": -1},
         "'failures' .* must be a whole number ≥ 0. Got -1"),
    ],
)  # fmt: skip
def test_programme_status_errors_name_the_file(data, match):
    with pytest.raises(InvalidParameterError, match=match):
        programme_status(data, file="status.yaml")


def test_programme_status_from_a_mapping():
    s = programme_status({"programme": {"fr": "Programme SPL", "en": "SPL"}, "status": "awarded",
                          "level": "SPL", "last_decision": "award", "decided": "2026-06-30",
                          "reasons": "criteria met", "next_evaluation": "2027-06-30"})  # fmt: skip
    assert (s.level, s.last_decision, s.reasons, s.failures) == (
        "SPL",
        "award",
        ("criteria met",),
        0,
    )
    assert s.decided.isoformat() == "2026-06-30" and s.next_evaluation.isoformat() == "2027-06-30"


def test_a_label_decision_of_the_programmes_kernel_in_the_report():
    """decide_label's suspension → the status, its level's and programme's names and its reasons
    in the report's language (the failing criterion named), and the remediation first."""
    from grappe.programmes import LabelState, decide_label, programme_from_dict
    from grappe.reports import build_report, render_html, status_from_decision

    programme = programme_from_dict(
        {"key": "spl", "names": {"en": "LPS programme", "fr": "Programme des SPL",
                                 "ar": "برنامج الأنظمة الإنتاجية المحلية"},
         "eligibility": ["members >= 15"],
         "levels": [{"key": "bronze", "criteria": [],
                     "names": {"en": "Bronze", "fr": "Bronze", "ar": "برونزي"}}],
         "evaluation": {"on_fail": ["suspend", "withdraw"]}}
    )  # fmt: skip
    decision = decide_label(programme, LabelState("awarded", "bronze"), {"members": 12})
    status = status_from_decision(programme, decision)
    assert (status.status, status.last_decision, status.failures) == ("suspended", "suspend", 1)
    report = build_report(None, region="25", cluster="x", programme=status)
    assert report.recommendations[0].key == "remediation"
    html = render_html(report, lang="ar")
    assert "برنامج الأنظمة الإنتاجية المحلية" in html and "برونزي" in html
    assert "members = 12" in html  # the reason, naming the criterion and the value
    assert "LPS programme" not in html and "Bronze" not in html


def test_the_highest_positive_complexity_outlook_gain_is_an_opportunity():
    table = pd.DataFrame(
        {"code": ["39", "44", "21"], "name": ["Printing Services", "X", "Furniture"],
         "density": [0.30, 0.40, 0.20], "lq": [0.9, 0.7, 0.5], "closest": ["", "", ""],
         "cog": [0.10, -0.20, 0.56]}
    )  # fmt: skip
    findings = related_findings(None, table, top=1)
    assert [(f.key, f.value) for f in findings] == [
        ("related_opportunity", 0.40),  # the closest by density
        ("complexity_gain", 0.56),  # Furniture: the highest positive gain
    ]
    assert findings[1].text("en") == (
        "Furniture would add most to the region's capabilities (complexity outlook gain 0.56, "
        "relatedness density 0.20)."
    )
    assert recommend(findings)[1].key == "aim_complexity"
    # a gain already among the closest, or no positive gain: no second statement
    assert [f.key for f in related_findings(None, table, top=3)].count("complexity_gain") == 0
    negative = table.assign(cog=-0.1)
    assert [f.key for f in related_findings(None, negative, top=1)] == ["related_opportunity"]
