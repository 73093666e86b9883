"""The report of a cluster without mapped statistics (a crafts cluster such as Constantine's
copperware): built from what the workspace stored — a scored diamond, an edited SWOT, a roadmap
with its priority challenges — in French, Arabic and English, and printed to PDF once."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest

from grappe.assess import diamond, draft_swot
from grappe.io.assess import read_answers, read_questionnaire, read_roadmap
from grappe.reports import build_report, render_html
from grappe.reports.i18n import T

EDITED = {"en": "Master artisans of chased copper", "fr": "Maîtres dinandiers",
          "ar": "حرفيون مهرة في النحاس المطروق"}  # fmt: skip
CHALLENGE = "Export the copperware to Europe"


@pytest.fixture(scope="module")
def stored_parts(fixtures):
    q = read_questionnaire("diamond")
    scored = diamond({}, questionnaire=q, answers=read_answers(
        fixtures / "assess" / "diamond_answers.yaml", q))  # fmt: skip
    swot = draft_swot(scores=scored.scores).edit(add={"strengths": [EDITED]})
    roadmap = dataclasses.replace(
        read_roadmap(fixtures / "roadmap" / "roadmap_dates.yaml"), challenges=(CHALLENGE,)
    )
    return scored, swot, roadmap


@pytest.fixture(scope="module")
def crafts_report(stored_parts):
    scored, swot, roadmap = stored_parts
    return build_report(
        None, region="DZ-25", cluster="cuivre-cst", region_name="Constantine",
        cluster_name="نحاسيات قسنطينة", diamond=scored, swot=swot, roadmap=roadmap,
        sources=["grappe registry: assessment 1 (diamond) of 2026-11-02"],
    )  # fmt: skip


def test_a_cluster_without_statistics_gets_its_report_from_the_stored_parts(
    crafts_report, stored_parts
):
    scored, swot, _ = stored_parts
    r = crafts_report
    assert not r.has_statistics and r.evidence == {} and r.year is None
    assert r.diamond is scored and r.swot is swot and r.swot_given
    assert (r.success, r.classification, r.lifecycle) == (None, None, None)
    html = render_html(r, lang="ar")
    assert 'lang="ar" dir="rtl"' in html and "نحاسيات قسنطينة" in html
    assert f"<li>{EDITED['ar']}</li>" in html and T["swot_stored"]["ar"] in html
    assert T["no_statistics"]["ar"] in html and T["chart_employment"]["ar"] not in html
    # The diamond's stored scores (4, 2, 2, 3, 3, 3) are its rows; its chart is drawn.
    cells = re.findall(r'<td>\d</td><td>[^<]+</td><td class="num">(\d)</td>', html)
    assert cells[:6] == [f"{s.value:.0f}" for s in scored.scores.values()] == list("422333")
    assert len(re.findall(r'src="data:image/png;base64,', html)) == 1
    # Life cycle and success factors are not assessed: the report says so, twice.
    assert html.count(T["part_missing"]["ar"]) == 2
    assert f"<li>{CHALLENGE}</li>" in html and T["challenges"]["ar"] in html
    assert "grappe registry: assessment 1 (diamond)" in html


def test_an_empty_frame_is_no_statistics_and_every_language_renders(stored_parts):
    scored, swot, _ = stored_parts
    empty = pd.DataFrame(columns=["region", "cluster", "year", "employment"])
    r = build_report(empty, region="DZ-25", cluster="cuivre-cst", diamond=scored)
    assert not r.has_statistics and not r.swot_given and r.region_name == "DZ-25"
    assert r.swot.strengths  # drafted from the stored diamond: factor conditions score 4
    for lang in ("fr", "en"):
        html = render_html(r, lang=lang)
        assert T["no_statistics"][lang].replace("'", "&#39;") in html
        assert T["swot_draft"][lang].replace("'", "&#39;") in html
    # Nothing stored and no statistics: every part says it is missing, nothing breaks.
    bare = render_html(build_report(None, region="DZ-25", cluster="x"), lang="en")
    assert bare.count(T["part_missing"]["en"]) == 3 and "base64" not in bare


def test_the_arabic_pdf_of_a_cluster_without_statistics(crafts_report):
    pytest.importorskip("weasyprint")
    from grappe.reports.render import pdf_bytes

    pdf = pdf_bytes(render_html(crafts_report, lang="ar"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
