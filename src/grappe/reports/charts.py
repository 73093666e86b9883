"""Charts of the diagnostic report, drawn with matplotlib and returned as base64 PNG.

Every text drawn inside a chart (legend, axis names, category names) comes in the report's
language; Arabic is shaped and put in visual order by :func:`grappe.chart_text.chart_text`, in
a font with Arabic glyphs (:data:`grappe.chart_text.CHART_FONTS`). Tick numbers are written by
:func:`grappe.formats.format_number`, as in the report's tables.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from grappe.chart_text import chart_style, chart_text
from grappe.formats import format_number, format_year

__all__ = ["diamond_chart", "employment_chart", "kpi_chart"]


def _png(fig) -> str:  # noqa: ANN001 - matplotlib Figure
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _draw(size: tuple[float, float], draw: Callable, *, polar: bool = False) -> str:  # noqa: ANN001
    # A Figure without pyplot: no global state, safe in the report jobs' threads.
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(chart_style()):
        fig = Figure(figsize=size)
        ax = fig.add_subplot(polar=polar) if polar else fig.add_subplot()
        draw(fig, ax)
        return _png(fig)


def _numbers(ax, axis: str, lang: str, *, digits: int = 0, suffix: str = "") -> None:  # noqa: ANN001
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(lambda v, _pos: format_number(v, lang, digits=digits) + suffix)
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)


def employment_chart(
    series: pd.DataFrame, *, label_region: str, label_nation: str, lang: str = "en"
) -> str:
    """Bars of the cluster's regional jobs by year, with the national jobs as an index line
    (first year = regional value) on the same axis. ``series`` has ``year``, ``employment``,
    ``national_employment``; the labels are in ``lang``."""
    years = series["year"].astype(int).to_numpy()
    emp = series["employment"].to_numpy(float)
    nat = series["national_employment"].to_numpy(float)

    def draw(_fig, ax) -> None:  # noqa: ANN001
        ax.bar(years, emp, color="#2f6f9f", label=chart_text(label_region))
        if nat[0] > 0:
            ax.plot(
                years,
                nat / nat[0] * emp[0],
                color="#d9822b",
                marker="o",
                label=chart_text(label_nation),
            )
        ax.set_xticks(years, [format_year(y, lang) for y in years])
        ax.legend(loc="lower right", fontsize=8)
        _numbers(ax, "y", lang)
        ax.grid(axis="y", alpha=0.3)

    return _draw((6.4, 2.8), draw)


def diamond_chart(names: Sequence[str], values: Sequence[float], *, lang: str = "en") -> str:
    """Radar chart of scorecard values on 1–5 (unknown values drawn at 0), names in ``lang``."""
    vals = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
    angles = np.linspace(0, 2 * np.pi, len(vals), endpoint=False)

    def draw(_fig, ax) -> None:  # noqa: ANN001
        ax.plot(np.r_[angles, angles[:1]], np.r_[vals, vals[:1]], color="#2f6f9f")
        ax.fill(np.r_[angles, angles[:1]], np.r_[vals, vals[:1]], color="#2f6f9f", alpha=0.25)
        ax.set_xticks(angles)
        ax.set_xticklabels([chart_text(n) for n in names], fontsize=8)
        ax.set_ylim(0, 5)
        ax.set_yticks([1, 2, 3, 4, 5], [format_number(v, lang) for v in (1, 2, 3, 4, 5)])

    return _draw((4.2, 4.2), draw, polar=True)


def kpi_chart(
    table: pd.DataFrame,
    names: Mapping[str, str],
    *,
    axis_label: str = "% of target",
    lang: str = "en",
) -> str:
    """Bars of each KPI's value as a share of its target (100 % = target met), in ``lang``."""
    t = table.dropna(subset=["target"])
    t = t[t["target"] != 0]
    pct = (t["value"] / t["target"] * 100).to_numpy(float)
    ok = t["met"].fillna(False).to_numpy(bool)

    def draw(_fig, ax) -> None:  # noqa: ANN001
        ax.barh(
            [chart_text(names.get(k, k)) for k in t["kpi"]],
            pct,
            color=np.where(ok, "#3a8d4f", "#c0392b"),
        )
        ax.axvline(100, color="black", lw=1)
        ax.set_xlabel(chart_text(axis_label))
        _numbers(ax, "x", lang)
        ax.invert_yaxis()

    return _draw((6.4, 0.5 + 0.45 * max(len(t), 1)), draw)
