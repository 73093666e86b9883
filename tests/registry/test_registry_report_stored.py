"""The report built from what the workspace stored (no indicators needed): the latest version of
each assessment, the latest edited SWOT and the roadmap's challenges reach the stored Arabic file,
the sources name them, and a cluster with nothing at all is refused."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from grappe.assess import diamond, draft_swot, lifecycle_stage
from grappe.errors import InvalidParameterError
from grappe.io.assess import read_answers, read_questionnaire
from grappe.registry import repositories as repo
from grappe.registry.assessments import store_assessment
from grappe.registry.database import session_scope
from grappe.registry.evaluations import edit_swot, store_evaluation, store_swot
from grappe.registry.reports import build_cluster_report, get_report, queue_report, report_inputs
from grappe.registry.roadmaps import store_roadmap
from grappe.reports.i18n import T
from grappe.roadmap import Roadmap, evaluate_kpis

CLUSTER = "cuivre-cst"
EDITED = "حرفيون مهرة في النحاس المطروق"
SERIES = pd.DataFrame(
    {"year": [2019, 2020, 2021], "employment": [100, 120, 150],
     "national_employment": [1000, 1010, 1020], "lq": [0.6, 0.7, 0.8]}
)  # fmt: skip


def test_report_of_a_cluster_without_indicators_from_what_it_stored(sessions, fixtures):
    q = read_questionnaire("diamond")
    scored = diamond({}, questionnaire=q, answers=read_answers(
        fixtures / "assess" / "diamond_answers.yaml", q))  # fmt: skip
    with session_scope(sessions) as s:
        repo.create_cluster(s, {"id": CLUSTER, "name_en": "Constantine copperware",
                                "name_ar": "نحاسيات قسنطينة"}, who="t")  # fmt: skip
        repo.create_cluster(s, {"id": "empty", "name_en": "Nothing stored"}, who="t")
        with pytest.raises(InvalidParameterError, match=r"'cuivre-cst' has no sector or no "
                           r"region .*nothing to report on\. Score a questionnaire"):  # fmt: skip
            report_inputs(s, CLUSTER)
        old = store_assessment(s, CLUSTER, diamond({"wage_ratio": 0.5}), date=dt.date(2025, 1, 1),
                               who="t")  # fmt: skip
        new = store_assessment(s, CLUSTER, scored, date=dt.date(2026, 11, 2), who="mgr")
        life = store_assessment(s, CLUSTER, lifecycle_stage(SERIES), date=dt.date(2026, 11, 2),
                                who="mgr")  # fmt: skip
        swot = store_swot(s, CLUSTER, draft_swot(scores=scored.scores), date=dt.date(2026, 11, 3),
                          who="mgr")  # fmt: skip
        edit_swot(s, swot, who="mgr", add={"strengths": [{"ar": EDITED, "fr": "F", "en": "E"}]})
        store_roadmap(s, CLUSTER, Roadmap(CLUSTER, "bottom_up", (), {},
                                          ("تصدير النحاسيات إلى أوروبا",)), who="mgr")  # fmt: skip
        kpis = pd.DataFrame({"kpi": ["members"], "period": ["2026"], "value": [30], "target": [25]})
        for status in ("applied", "awarded"):  # the newer one is reported
            evaluation = store_evaluation(s, CLUSTER, evaluate_kpis(kpis, period="2026"),
                                          date=dt.date(2026, 11, 4), who="mgr",
                                          label_status=status)  # fmt: skip
        inputs = report_inputs(s, CLUSTER)
        with pytest.raises(InvalidParameterError, match="'empty' has no sector .*nothing to"):
            report_inputs(s, "empty")
        report_id = queue_report(s, CLUSTER, languages=["ar"], formats=["html"], who="mgr").id
    assert inputs.indicators is None and inputs.region == ""
    assert inputs.diamond == scored and inputs.lifecycle.stage == "emergence"
    assert inputs.swot.strengths[-1].text("ar") == EDITED and inputs.factors is None
    assert inputs.sources == (
        f"grappe registry: assessment {new} (diamond) of 2026-11-02",
        f"grappe registry: assessment {life} (lifecycle) of 2026-11-02",
        f"grappe registry: SWOT {swot} of 2026-11-03",
        "grappe registry: roadmap",
        f"grappe registry: evaluation {evaluation} of 2026-11-04",
    )
    assert inputs.latest_evaluation["label_status"] == "awarded"
    assert f"assessment {old} " not in " ".join(inputs.sources)  # an older version is not used
    build_cluster_report(sessions, report_id, inputs)
    with session_scope(sessions) as s:
        row = get_report(s, CLUSTER, report_id)
        assert (row.status, row.errors) == ("succeeded", None)
        html = row.files[0].content.decode()
    assert 'lang="ar" dir="rtl"' in html and "نحاسيات قسنطينة" in html
    assert f"<li>{EDITED}</li>" in html and T["no_statistics"]["ar"] in html
    scores = re.findall(r'<td>\d</td><td>[^<]+</td><td class="num">(\d)</td>', html)
    assert scores[:6] == list("422333")  # the stored diamond, not the older one
    assert "<b>النشوء</b>" in html  # the stored life-cycle stage (emergence)
    assert "<li>تصدير النحاسيات إلى أوروبا</li>" in html
    assert f"SWOT {swot} of 2026-11-03" in html
    assert "<tr><th>وضع العلامة</th><td>ممنوحة</td></tr>" in html  # label status: awarded
    # The share of KPI targets met, written by grappe.formats (Latin digits, ar_DZ separators).
    assert "<tr><th>أهداف المؤشرات المحققة</th><td>100,0%</td></tr>" in html
