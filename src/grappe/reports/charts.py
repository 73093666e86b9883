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

__all__ = ["diamond_chart", "employment_chart", "kpi_chart", "network_chart"]


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


def network_chart(
    drawing: Mapping, *, brokers: Sequence[str] = (), names: Mapping[str, str]
) -> str:
    """The actors and their ties: nodes placed by :func:`grappe.network.drawing.network_drawing`
    (the layout of the web pages), coloured by sphere (:data:`grappe.network.figures.
    SPHERE_COLOURS`), brokers ringed; ``names`` are the spheres' names in ``lang`` (legend)."""
    from matplotlib.lines import Line2D

    from grappe.network.figures import SPHERE_COLOURS

    ringed = {str(b) for b in brokers}
    nodes = drawing["nodes"]

    def draw(_fig, ax) -> None:  # noqa: ANN001
        for e in drawing["edges"]:
            ax.plot([e["x1"], e["x2"]], [e["y1"], e["y2"]], color="#999999",
                    lw=e["width"], alpha=0.6, zorder=1)  # fmt: skip
        for n in nodes:
            colour = SPHERE_COLOURS.get(n["sphere_class"], "#7F7F7F")
            if n["id"] in ringed:
                ax.scatter(n["x"], n["y"], s=(2.4 * n["r"]) ** 2, facecolors="none",
                           edgecolors="black", linewidths=1.6, zorder=2)  # fmt: skip
            ax.scatter(n["x"], n["y"], s=(1.6 * n["r"]) ** 2, color=colour,
                       edgecolors="black", linewidths=0.5, zorder=3)  # fmt: skip
            # the label above the node and its ring (marker sizes are in points)
            ax.annotate(chart_text(n["label"]), (n["x"], n["y"]), xytext=(0, 1.2 * n["r"] + 2),
                        textcoords="offset points", ha="center", va="bottom", fontsize=7,
                        zorder=4)  # fmt: skip
        present = sorted({n["sphere_class"] for n in nodes})
        handles = [
            Line2D([], [], marker="o", linestyle="", markeredgecolor="black",
                   markerfacecolor=SPHERE_COLOURS.get(s, "#7F7F7F"),
                   label=chart_text(names.get(s, s)))
            for s in present
        ]  # fmt: skip
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                  fontsize=7)  # fmt: skip
        ax.set_xlim(0, drawing["width"])
        ax.set_ylim(drawing["height"], 0)  # the layout's y grows downwards, as in SVG
        ax.set_axis_off()

    return _draw((7.0, 4.4), draw)
