"""Charts in the user's language: Arabic shaped, in visual order, in a font that has its glyphs."""

from __future__ import annotations

import base64
import io
import warnings

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import RendererAgg

from grappe.chart_text import chart_text, has_arabic
from grappe.errors import InvalidParameterError
from grappe.formats import format_number
from grappe.reports import charts
from grappe.reports.i18n import NAMES, T


@pytest.fixture
def drawn(monkeypatch):
    """Every string matplotlib's Agg renderer draws while the test runs."""
    texts: list[str] = []
    original = RendererAgg.draw_text

    def spy(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        texts.append(s)
        return original(self, gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    monkeypatch.setattr(RendererAgg, "draw_text", spy)
    return texts


SERIES = pd.DataFrame(
    {
        "year": [2019, 2020, 2021],
        "employment": [12000.0, 12800.0, 14050.0],
        "national_employment": [900000.0, 880000.0, 950000.0],
    }
)


def test_arabic_text_is_reshaped_and_in_visual_order():
    shaped = chart_text("المؤشر الوطني")
    # Presentation forms (U+FE70–FEFF) only, no base letters left for matplotlib to mis-draw.
    assert not has_arabic(shaped)
    assert all("\ufe70" <= c <= "\ufeff" or c == " " for c in shaped)
    # Visual order: the last word of the logical text comes first, drawn left to right.
    assert shaped.split(" ")[0] == chart_text("الوطني")
    assert chart_text("ﻲﻨﻃﻮﻟﺍ") == "ﻲﻨﻃﻮﻟﺍ"  # already shaped: left alone
    assert chart_text("Emploi, 2021") == "Emploi, 2021"


def test_arabic_employment_chart_draws_the_shaped_labels(drawn):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a glyph missing from the font would warn
        png = charts.employment_chart(
            SERIES, label_region="ميشيغان", label_nation=T["national_index"]["ar"], lang="ar"
        )
    assert base64.b64decode(png).startswith(b"\x89PNG")
    assert chart_text(T["national_index"]["ar"]) in drawn
    assert chart_text("ميشيغان") in drawn
    assert not any(has_arabic(s) for s in drawn)  # nothing unshaped reached the renderer
    # Tick numbers in the report's conventions: Latin digits, a dot between thousands (ar_DZ).
    assert format_number(10000, "ar") == "10.000" and "10.000" in drawn
    assert "2021" in drawn


def test_french_diamond_and_kpi_charts_are_in_french(drawn):
    names = [NAMES[k]["fr"] for k in ("factor_conditions", "demand_conditions", "chance")]
    charts.diamond_chart(names, [3.0, float("nan"), 4.5], lang="fr")
    assert set(names) <= set(drawn)
    table = pd.DataFrame(
        {
            "kpi": ["members", "exports"],
            "value": [40.0, 1.5],
            "target": [50.0, 1.0],
            "met": [False, True],
        }
    )
    charts.kpi_chart(
        table,
        {"members": "Membres", "exports": "Exportations"},
        axis_label=T["target_axis"]["fr"],
        lang="fr",
    )
    assert {"Membres", "Exportations", "% de la cible"} <= set(drawn)
    assert "100" in drawn and "0" in drawn  # the x axis: share of the target in percent


def test_arabic_kpi_chart_axis_label(drawn):
    table = pd.DataFrame({"kpi": ["jobs"], "value": [80.0], "target": [100.0], "met": [False]})
    charts.kpi_chart(
        table, {"jobs": NAMES["jobs"]["ar"]}, axis_label=T["target_axis"]["ar"], lang="ar"
    )
    assert chart_text(NAMES["jobs"]["ar"]) in drawn
    assert chart_text(T["target_axis"]["ar"]) in drawn


def test_network_figures_in_arabic(drawn):
    from grappe.chart_labels import CHART_LABELS, chart_label
    from grappe.io.network import read_example_network
    from grappe.network.figures import draw_network, sphere_heatmap

    net = read_example_network("knoke")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        draw_network(net, seed=0, lang="ar").savefig(io.BytesIO(), format="png")
        sphere_heatmap(net, lang="ar").savefig(io.BytesIO(), format="png")
    assert chart_label("local", "ar") in drawn and chart_label("sphere", "ar") in drawn
    # The title is shaped once, as a whole (the group's word inserted unshaped).
    title = chart_label("density_title", "ar", groups=CHART_LABELS["sphere"]["ar"])
    assert title in drawn and title == chart_text("كثافة الروابط حسب المجال")
    assert not any(has_arabic(s) for s in drawn)
    assert "1,00" in drawn  # densities with the decimal comma of ar_DZ


def test_spatial_curves_and_maps_in_french(drawn):
    from grappe.spatial import points_from_frame, ripley_k
    from grappe.spatial.maps import plot_points, plot_ripley

    xy = np.random.default_rng(0).uniform(0, 5000, (40, 2))  # synthetic points
    pts = points_from_frame(
        pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "a": ["vin"] * 40}),
        x="x",
        y="y",
        crs="EPSG:2154",
        activity="a",
    )
    plot_ripley(ripley_k(pts, [250.0, 500.0], n_simulations=4, seed=0), lang="fr").savefig(
        io.BytesIO(), format="png"
    )
    plot_points(pts, activity="vin", lang="fr").savefig(io.BytesIO(), format="png")
    assert {
        "rayon (km)",
        "enveloppe des simulations",
        "répartition spatiale aléatoire",
        "K de Ripley (L de Besag)",
        "tous les établissements",
        "x (m)",
    } <= set(drawn)
    assert not any("radius" in s or "establishments" in s for s in drawn)
    assert any("\u202f" in s for s in drawn)  # 1 000, 2 000 m on the map's axes, French style


def test_chart_labels_refuse_an_unknown_language():
    from grappe.chart_labels import chart_label, number_ticks

    with pytest.raises(InvalidParameterError, match="chart_label"):
        chart_label("sphere", "de")
    with pytest.raises(InvalidParameterError, match="number_ticks"):
        number_ticks(None, "de")
