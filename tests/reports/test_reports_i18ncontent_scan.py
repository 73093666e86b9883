"""No English left in a French or Arabic diagnostic report (HTML) built from bundled data."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from markupsafe import escape

from _i18n_scan import english_left, visible_texts
from grappe.io.assess import read_kpis, read_roadmap
from grappe.reports import build_report, programme_status, render_html
from grappe.reports.i18n import NAMES, T
from grappe.reports.mission_texts import FINDING_TEXTS, RECOMMENDATION_TEXTS


@pytest.fixture(scope="module")
def report(fixtures):
    from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
    from grappe.io.network import read_example_network
    from grappe.mapping import map_clusters
    from grappe.network.diagnosis import diagnose

    table = read_regional_table(bundled_cbp_state_path(), source="cbp")
    indicators = map_clusters(table, load_definitions("us-benchmark")).indicators
    knoke = read_example_network("knoke")
    # The mission document's parts too: findings on related clusters (a toy related table of
    # benchmark clusters), the network drawn, a programme status (the test's own).
    related = pd.DataFrame(
        {"code": ["39"], "name": ["Printing Services"], "density": [0.4], "lq": [0.9],
         "closest": ["Downstream Chemical Products"], "cog": [0.1]}
    )  # fmt: skip
    return build_report(
        indicators,
        region="26",
        cluster="4",
        related=["5", "11", "13"],
        related_clusters=related,
        graph=knoke,
        programme=programme_status(
            {
                "programme": {"en": "LPS programme", "fr": "Programme des SPL", "ar": "برنامج"},
                "status": "suspended",
                "last_decision": "suspend",
                "failures": 1,
            }
        ),  # fmt: skip
        network=diagnose(knoke).summary,
        roadmap=read_roadmap(fixtures / "roadmap" / "roadmap_dates.yaml"),
        kpis=read_kpis(fixtures / "roadmap" / "kpis_dates.csv"),
        sources=["US Census Bureau, County Business Patterns 2017–2021"],
    )


def _report_msgids(lang: str) -> set[str]:
    # The report's own catalogue: English texts whose translation differs.
    entries = [*T.values(), *NAMES.values()]
    return {e["en"] for e in entries if e[lang] != e["en"]}


@pytest.mark.filterwarnings("ignore::grappe.errors.DataWarning")
@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_report_has_no_english_left(report, lang):
    html = render_html(report, lang=lang)
    found = english_left(html, lang, msgids=_report_msgids(lang))
    assert not found, "\n".join(found)
    # the findings and recommendations are there, in the report's language
    assert {f.key for f in report.findings} >= {"related_decline", "related_opportunity",
                                                "label_at_risk", "brokers"}  # fmt: skip
    for item in (*report.findings, *report.recommendations):
        assert str(escape(item.text(lang))) in html
        texts = FINDING_TEXTS if item in report.findings else RECOMMENDATION_TEXTS
        assert texts[item.key][lang] != texts[item.key]["en"]
    texts = visible_texts(html, lang)
    assert NAMES["lq"][lang] in texts
    # Numbers in the report's conventions: no English decimal point next to a digit in French.
    points = [t for t in texts if re.search(r"\d\.\d", t)]
    if lang == "fr":
        assert points == []


def test_cluster_names_in_the_report_language(report):
    from dataclasses import replace

    from grappe.definitions import cluster_names

    ar = render_html(report, lang="ar")
    assert f'<span lang="ar">{cluster_names("ar")["4"]}</span>' in ar
    # A workspace cluster's own name (already in the report's language) is kept, unmarked.
    own = render_html(replace(report, cluster_name="نحاسيات قسنطينة"), lang="ar")
    assert "<span>نحاسيات قسنطينة</span>" in own and cluster_names("ar")["4"] not in own
