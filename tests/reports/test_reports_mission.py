"""The report as a mission document, built by the CLI and by Python from the same inputs.

Two clusters: the Constantine copperware cluster, without statistics (its network transcribed
from the seed study 003 in tests/fixtures/journey, see its PROVENANCE.md; its diamond scored
from the synthetic answers of tests/fixtures/assess; the programme status below is the test's
own), and Michigan's automotive cluster (bundled CBP 2017–2021, with the
Knoke example network). The CLI's PDFs (one per language) are rendered to images and checked:
pages, ink, the network figure as an image region in colour, the Arabic page right to left.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from markupsafe import escape
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.reports import build_report, programme_status, render_html
from grappe.reports.context import key_figures
from grappe.reports.i18n import T

runner = CliRunner()
ANSWERS = Path(__file__).parents[1] / "fixtures" / "assess" / "diamond_answers.yaml"

# The test's own programme status (not from any programme document): a suspended label.
PROGRAMME = """\
programme: {fr: Programme des SPL, en: LPS programme, ar: برنامج الأنظمة الإنتاجية المحلية}
status: suspended
level: SPL
last_decision: suspend
decided: 2026-06-30
failures: 1
next_evaluation: 2027-06-30
"""


@pytest.fixture(scope="module")
def constantine(fixtures, tmp_path_factory):
    """The journey fixture's actors and ties in the network file format, and a status file."""
    folder = tmp_path_factory.mktemp("constantine")
    actors = pd.read_csv(fixtures / "journey" / "actors.csv")
    actors = actors.rename(columns={"key": "id", "name_fr": "name"})
    actors[["id", "name", "sphere", "level"]].to_csv(folder / "actors.csv", index=False)
    ties = pd.read_csv(fixtures / "journey" / "ties.csv")
    ties[["source", "target", "type", "strength"]].to_csv(folder / "ties.csv", index=False)
    (folder / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
    return folder


def _figures(html: str) -> dict[str, float]:
    return {k: float(v) for k, v in re.findall(r'data-figure="(\w+)" data-value="([^"]+)"', html)}


@pytest.fixture(scope="module")
def constantine_cli(constantine):
    out = constantine / "out"
    args = ["report", "--region", "25", "--cluster", "dinanderie", "--region-name",
            "Constantine", "--cluster-name", "Dinanderie", "--no-statistics",
            "--actors", str(constantine / "actors.csv"), "--ties", str(constantine / "ties.csv"),
            "--programme", str(constantine / "programme.yaml"),
            "--diamond-answers", str(ANSWERS), "-o", str(out)]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return out


def test_constantine_report_numbers_equal_the_clis(constantine, constantine_cli):
    from grappe.io.assess import read_answers, read_questionnaire
    from grappe.io.network import read_network
    from grappe.network.diagnosis import diagnose

    net = read_network(constantine / "actors.csv", constantine / "ties.csv")
    questionnaire = read_questionnaire("diamond")
    report = build_report(
        None, region="25", cluster="dinanderie", region_name="Constantine",
        cluster_name="Dinanderie", network=diagnose(net).summary, graph=net,
        programme=programme_status(yaml.safe_load(PROGRAMME)),
        diamond_questionnaire=questionnaire,
        diamond_answers=read_answers(ANSWERS, questionnaire),
    )  # fmt: skip
    assert not report.has_statistics and report.diamond is not None
    # the five figures of a cluster without statistics are its network's: 11 actors, 18 ties
    # (the fixture's rows), density 18 / (11 × 10), 4 brokers, 4 shadow zones
    expected = dict(key_figures(report))
    assert expected == pytest.approx(
        {"n_actors": 11, "n_ties": 18, "density": 18 / 110, "n_brokers": 4, "n_shadow": 4}
    )
    for lang in ("fr", "ar", "en"):
        html = (constantine_cli / f"report_25_dinanderie_{lang}.html").read_text(encoding="utf-8")
        assert _figures(html) == expected
        ours = render_html(report, lang=lang)
        # the same findings and recommendations, word for word, in the report's language
        for rec in report.recommendations:
            assert str(escape(rec.text(lang))) in html
            assert str(escape(rec.text(lang))) in ours
        for key in ("executive_summary", "recommendations", "programme_status"):
            assert T[key][lang] in html
        # two figures: the network and the diamond radar (no employment chart without statistics)
        assert re.findall(r'<img alt="([^"]+)"', html) == [
            str(escape(T["network_figure"][lang])),
            str(escape(T["chart_diamond"][lang])),
        ]
    en = (constantine_cli / "report_25_dinanderie_fr.html").read_text(encoding="utf-8")
    # the first priority answers the suspended label; a shadow zone calls for a joint day
    priorities = re.search(r'<ol id="priorities">(.*?)</ol>', en, re.S).group(1)
    assert priorities.index("plan de redressement") < priorities.index("journée commune")
    assert "Université Constantine 3" in priorities


def _image_boxes(page, pdfium_c):
    return [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]


def test_constantine_pdf_pages_as_images(constantine_cli):
    pdfium = pytest.importorskip("pypdfium2")
    pdfium_c = pytest.importorskip("pypdfium2.raw")
    found_network = {}
    for lang in ("fr", "ar", "en"):
        doc = pdfium.PdfDocument(str(constantine_cli / f"report_25_dinanderie_{lang}.pdf"))
        assert len(doc) >= 3
        for i in range(len(doc)):
            page = doc[i]
            pixels = np.asarray(page.render(scale=0.5).to_pil().convert("RGB"))
            assert (pixels.min(axis=2) < 200).mean() > 0.01, f"page {i + 1} ({lang}) is blank"
            width, height = page.get_size()
            for left, bottom, right, top in _image_boxes(page, pdfium_c):
                if right - left > 0.4 * width:
                    # the network figure (the diamond radar is 70 mm wide); in it, the spheres'
                    # colours (saturated pixels), not grey ink only
                    crop = pixels[
                        int((height - top) * 0.5) : int((height - bottom) * 0.5),
                        int(left * 0.5) : int(right * 0.5),
                    ].astype(int)
                    saturation = crop.max(axis=2) - crop.min(axis=2)
                    assert (saturation > 80).mean() > 0.002
                    found_network[lang] = i
            if i == 0:
                # The title's line: right-aligned in Arabic, left-aligned in French and English.
                text = page.get_textpage()
                boxes = [text.get_charbox(k) for k in range(text.count_chars())]
                boxes = [b for b in boxes if b[2] > b[0]]
                top_line = max(b[3] for b in boxes)
                title = [b for b in boxes if b[3] > top_line - 4]
                left_edge = min(b[0] for b in title)
                right_edge = max(b[2] for b in title)
                if lang == "ar":
                    assert left_edge > 0.4 * width and right_edge > 0.85 * width
                else:
                    assert left_edge < 0.15 * width
                    # the executive summary, priorities included, holds on the first page
                    first = re.sub(r"\s+", " ", text.get_text_range())
                    assert T["priority_recommendations"][lang] in first
                    assert "1." in first.split(T["priority_recommendations"][lang])[1]
    assert set(found_network) == {"fr", "ar", "en"}


@pytest.fixture(scope="module")
def michigan_cli(tmp_path_factory):
    out = tmp_path_factory.mktemp("michigan")
    args = ["report", "--region", "26", "--cluster", "4", "--related", "5,11,13,29",
            "--opportunities", "--example-network", "knoke", "--lang", "en", "--no-pdf",
            "-o", str(out)]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return (out / "report_26_4_en.html").read_text(encoding="utf-8")


def test_us_cluster_numbers_equal_the_clis(michigan_cli):
    from grappe.complexity import related_table
    from grappe.io import (
        bundled_cbp_state_path,
        bundled_us_map,
        load_definitions,
        read_regional_table,
    )
    from grappe.io.network import read_example_network
    from grappe.network.diagnosis import diagnose

    table = read_regional_table(bundled_cbp_state_path(), source="cbp", years=[2021])
    related = related_table(table, "26", definitions=load_definitions("us-benchmark"))
    net = read_example_network("knoke")
    report = build_report(
        bundled_us_map().indicators, region="26", cluster="4", related=["5", "11", "13", "29"],
        network=diagnose(net).summary, graph=net, related_clusters=related,
    )  # fmt: skip
    figures = dict(key_figures(report))
    assert _figures(michigan_cli) == figures
    assert list(figures) == ["employment", "employment_change", "lq", "establishments",
                             "national_share"]  # fmt: skip
    assert figures["employment"] == report.evidence["employment"]
    rows = report.series.set_index("year")["employment"]
    assert figures["employment_change"] == pytest.approx(rows[2021] / rows[2017] - 1)
    keys = [f.key for f in report.findings]
    assert keys.count("related_opportunity") == 3  # the three closest related clusters
    top = related.sort_values("density", ascending=False).iloc[0]
    assert f"relatedness density {top['density']:.2f}" in michigan_cli
    for f in report.findings:
        assert str(escape(f.text("en"))) in michigan_cli
    # opportunities and threats drawn from the data are in the drafted SWOT
    assert any(i.key == "related_opportunity" for i in report.swot.opportunities)


def test_cli_refuses_opportunities_without_the_bundled_table(constantine):
    result = runner.invoke(app, ["report", "--region", "25", "--cluster", "x", "--no-statistics",
                                 "--opportunities", "-o", str(constantine / "none")])  # fmt: skip
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "--opportunities" in result.output and "drop --indicators" in result.output
    assert not (constantine / "none").exists() or not any((constantine / "none").iterdir())


def test_cli_names_the_bad_programme_file(constantine, tmp_path):
    bad = tmp_path / "status.yaml"
    bad.write_text("programme: SPL\nstatus: gold\n", encoding="utf-8")
    args = ["report", "--region", "25", "--cluster", "x", "--no-statistics",
            "--programme", str(bad), "--no-pdf", "-o", str(tmp_path / "o")]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "status.yaml" in result.output and "'status'" in result.output
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())
