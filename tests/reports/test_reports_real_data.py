"""The cluster diagnostic report built from real data: Michigan's automotive cluster (US CBP
2017–2021, bundled, with the us-benchmark definitions), the Knoke example network, and the
illustrative roadmap and KPIs of tests/fixtures/roadmap. Rendered to HTML and PDF; the PDF
pages are converted to images and checked."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from markupsafe import escape

from grappe.definitions import cluster_names
from grappe.io.assess import read_kpis, read_roadmap
from grappe.reports import build_report, render_html, write_pdf
from grappe.reports.i18n import RULES, T

MICHIGAN, AUTOMOTIVE = "26", "4"
HEADINGS = (
    "executive_summary",
    "indicators",
    "lifecycle",
    "network",
    "diamond",
    "success",
    "swot",
    "roadmap",
    "kpis",
    "method",
)


@pytest.fixture(scope="module")
def cluster_map():
    from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
    from grappe.mapping import map_clusters

    table = read_regional_table(bundled_cbp_state_path(), source="cbp")
    return map_clusters(table, load_definitions("us-benchmark"))


@pytest.fixture(scope="module")
def knoke_summary():
    from grappe.io.network import read_example_network
    from grappe.network.diagnosis import diagnose

    return diagnose(read_example_network("knoke")).summary


@pytest.fixture(scope="module")
def related(shared_data):
    rel = pd.read_csv(shared_data / "us_cluster_definitions" / "cluster_relatedness_51_traded.csv")
    pairs = rel[(rel["rel_all_90_v3"] == 1) & (rel["cluster_code"] == int(AUTOMOTIVE))]
    return sorted(str(c) for c in pairs["cluster_code_2"] if str(c) != AUTOMOTIVE)


@pytest.fixture(scope="module")
def report(cluster_map, knoke_summary, related, fixtures):
    return build_report(
        cluster_map.indicators,
        region=MICHIGAN,
        cluster=AUTOMOTIVE,
        related=related,
        network=knoke_summary,
        roadmap=read_roadmap(fixtures / "roadmap" / "roadmap_dates.yaml"),
        kpis=read_kpis(fixtures / "roadmap" / "kpis_dates.csv"),
        sources=[
            "US Census Bureau, County Business Patterns 2017–2021",
            "Knoke & Wood (1981) interorganisational network (example)",
        ],
    )


def test_report_figures_trace_to_the_indicators(report, cluster_map, related):
    ind = cluster_map.indicators
    rows = ind[
        (ind["region"].astype(str) == MICHIGAN) & (ind["cluster"].astype(str) == AUTOMOTIVE)
    ].set_index("year")
    assert report.cluster_name == "Automotive" and report.region_name == "Michigan"
    assert report.evidence["employment"] == rows.loc[2021, "employment"]
    assert report.evidence["lq"] == pytest.approx(rows.loc[2021, "lq"])
    assert report.evidence["lq"] > 4  # Michigan's automotive specialisation
    cagr = (rows.loc[2021, "employment"] / rows.loc[2017, "employment"]) ** 0.25 - 1
    assert report.evidence["cagr"] == pytest.approx(cagr)
    # The mapping engine's own growth table gives the same rate.
    growth = cluster_map.growth(2017, 2021)
    g = growth[
        (growth["region"].astype(str) == MICHIGAN) & (growth["cluster"].astype(str) == AUTOMOTIVE)
    ]
    assert report.evidence["cagr"] == pytest.approx(float(g["cagr"].iloc[0]))
    rel = ind[
        (ind["region"].astype(str) == MICHIGAN)
        & ind["cluster"].astype(str).isin(related)
        & (ind["year"] == 2021)
    ]
    assert related and report.evidence["related_lq_mean"] == pytest.approx(rel["lq"].mean())
    # Every diamond score is the mean of its evidence points.
    for score in report.diamond.scores.values():
        if score.known:
            assert score.value == pytest.approx(np.mean([e.points for e in score.evidence]))
    assert report.network["n_actors"] == 10  # Knoke's ten organisations
    assert report.classification.level in ("national", "regional", "potential", "none")


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_html_is_self_contained_and_translated(report, lang):
    html = render_html(report, lang=lang)
    assert f'lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}"' in html
    for key in HEADINGS:
        assert T[key][lang].replace("'", "&#39;") in html
    assert len(re.findall(r'src="data:image/png;base64,', html)) == 3
    assert not re.search(r'src="(?!data:)', html)  # nothing fetched at run time
    # The benchmark cluster's name in the report's language (grappe.definitions.names).
    assert "Michigan" in html and cluster_names(lang)["4"] in html
    # The life-cycle and classification rules are stated in the report's language.
    assert str(escape(RULES[report.lifecycle.stage][lang].split("{")[0])) in html
    assert str(escape(RULES["classification"][lang].split("{")[0])) in html


@pytest.mark.slow
def test_pdf_pages_are_rendered_and_carry_the_headings(report, tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    pytest.importorskip("weasyprint")
    for lang in ("fr", "ar", "en"):
        path = write_pdf(report, tmp_path / f"report_{lang}.pdf", lang=lang)
        doc = pdfium.PdfDocument(str(path))
        assert len(doc) >= 3
        text = ""
        for i in range(len(doc)):
            page = doc[i]
            image = page.render(scale=0.5).to_pil().convert("L")
            pixels = np.asarray(image)
            # A page is not blank: a real share of its pixels is ink.
            assert (pixels < 200).mean() > 0.01, f"page {i + 1} of the {lang} PDF is blank"
            image.save(tmp_path / f"{lang}_{i + 1}.png")
            text += page.get_textpage().get_text_range() + "\n"
        squeezed = re.sub(r"\s+", "", text)
        for key in HEADINGS:
            # The lam-alef ligature's glyph maps back to its letters in visual order.
            expected = "".join(re.sub("ل([اأإآ])", r"\1ل", w) for w in T[key][lang].split())
            assert expected in squeezed, (lang, key)
        assert "Michigan" in text


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_every_stage_rule_is_translated(lang):
    from grappe.assess import lifecycle_stage
    from grappe.reports.context import _stage_rule

    flat = [1000.0, 1000.0, 1000.0]
    cases = {
        "decline": ([100, 90, 81], flat, 1.3),
        "emergence": ([100, 110, 121], flat, 0.5),
        "growth": ([100, 104, 108.16], flat, 1.1),
        "maturity": ([100, 100, 100], flat, 1.5),
        "undetermined": ([100, 100, 100], flat, 1.1),
    }
    for stage, (emp, nat, lq) in cases.items():
        series = pd.DataFrame(
            {"year": [2019, 2020, 2021], "employment": emp, "national_employment": nat, "lq": lq}
        )
        life = lifecycle_stage(series)
        assert life.stage == stage
        text = _stage_rule(life, lang)
        assert "{" not in text and text.startswith(RULES[stage][lang][:8])


def test_stored_parts_replace_the_computed_ones_and_leave_the_statistics(
    report, cluster_map, related, knoke_summary, fixtures
):
    """A stored diamond and an edited SWOT are reported as given; the figures from the
    statistics (evidence, life cycle, factors, year) are those of the report without them."""
    from grappe.assess import diamond
    from grappe.io.assess import read_answers, read_questionnaire

    q = read_questionnaire("diamond")
    answers = read_answers(fixtures / "assess" / "diamond_answers.yaml", q)
    stored = diamond({}, questionnaire=q, answers=answers)
    swot = report.swot.edit(add={"strengths": [{"en": "Stored strength", "fr": "F", "ar": "ق"}]})
    again = build_report(
        cluster_map.indicators, region=MICHIGAN, cluster=AUTOMOTIVE, related=related,
        network=knoke_summary, diamond=stored, swot=swot,
    )  # fmt: skip
    assert again.diamond is stored and again.swot is swot and again.swot_given
    assert dict(again.evidence) == dict(report.evidence)
    # repr: unknown scores are NaN, which is not equal to itself
    assert repr((again.year, again.lifecycle, again.success, again.region_name)) == repr(
        (report.year, report.lifecycle, report.success, report.region_name)
    )
    assert again.has_statistics and not report.swot_given
    html = render_html(again, lang="en")
    assert "<li>Stored strength</li>" in html and str(escape(T["swot_stored"]["en"])) in html
    assert '<td>Demand conditions</td><td class="num">2</td>' in html  # the stored score
    assert T["no_statistics"]["en"] not in html
    assert len(re.findall(r'src="data:image/png;base64,', html)) == 2  # jobs, diamond; no KPIs
