"""No English left in a French or Arabic diagnostic report (HTML) built from bundled data."""

from __future__ import annotations

import re

import pytest

from _i18n_scan import english_left, visible_texts
from grappe.io.assess import read_kpis, read_roadmap
from grappe.reports import build_report, render_html
from grappe.reports.i18n import NAMES, T


@pytest.fixture(scope="module")
def report(fixtures):
    from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
    from grappe.io.network import read_example_network
    from grappe.mapping import map_clusters
    from grappe.network.diagnosis import diagnose

    table = read_regional_table(bundled_cbp_state_path(), source="cbp")
    indicators = map_clusters(table, load_definitions("us-benchmark")).indicators
    return build_report(
        indicators,
        region="26",
        cluster="4",
        network=diagnose(read_example_network("knoke")).summary,
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
