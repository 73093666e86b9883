"""Charts of the diagnostic report, drawn with matplotlib and returned as base64 PNG.

Labels drawn inside the charts are in French or English; matplotlib does not shape Arabic
script, so the Arabic report numbers the axes and names them in the HTML beside the chart.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = ["diamond_chart", "employment_chart", "kpi_chart"]


def _png(fig) -> str:  # noqa: ANN001 - matplotlib Figure
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _figure(size: tuple[float, float]):  # noqa: ANN202
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=size)


def employment_chart(series: pd.DataFrame, *, label_region: str, label_nation: str) -> str:
    """Bars of the cluster's regional jobs by year, with the national jobs as an index line
    (first year = regional value) on the same axis. ``series`` has ``year``, ``employment``,
    ``national_employment``."""
    fig, ax = _figure((6.4, 2.8))
    years = series["year"].astype(int).to_numpy()
    emp = series["employment"].to_numpy(float)
    nat = series["national_employment"].to_numpy(float)
    ax.bar(years, emp, color="#2f6f9f", label=label_region)
    if nat[0] > 0:
        ax.plot(years, nat / nat[0] * emp[0], color="#d9822b", marker="o", label=label_nation)
    ax.set_xticks(years)
    ax.legend(loc="lower right", fontsize=8)
    ax.ticklabel_format(axis="y", style="plain")
    ax.grid(axis="y", alpha=0.3)
    return _png(fig)


def diamond_chart(names: Sequence[str], values: Sequence[float]) -> str:
    """Radar chart of scorecard values on 1–5 (unknown values drawn at 0)."""
    import matplotlib.pyplot as plt

    vals = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
    angles = np.linspace(0, 2 * np.pi, len(vals), endpoint=False)
    fig = plt.figure(figsize=(4.2, 4.2))
    ax = fig.add_subplot(polar=True)
    ax.plot(np.r_[angles, angles[:1]], np.r_[vals, vals[:1]], color="#2f6f9f")
    ax.fill(np.r_[angles, angles[:1]], np.r_[vals, vals[:1]], color="#2f6f9f", alpha=0.25)
    ax.set_xticks(angles)
    ax.set_xticklabels(list(names), fontsize=8)
    ax.set_ylim(0, 5)
    ax.set_yticks([1, 2, 3, 4, 5])
    return _png(fig)


def kpi_chart(table: pd.DataFrame, names: Mapping[str, str]) -> str:
    """Bars of each KPI's value as a share of its target (100 % = target met)."""
    t = table.dropna(subset=["target"])
    t = t[t["target"] != 0]
    fig, ax = _figure((6.4, 0.5 + 0.45 * max(len(t), 1)))
    pct = (t["value"] / t["target"] * 100).to_numpy(float)
    ok = t["met"].fillna(False).to_numpy(bool)
    ax.barh([names.get(k, k) for k in t["kpi"]], pct, color=np.where(ok, "#3a8d4f", "#c0392b"))
    ax.axvline(100, color="black", lw=1)
    ax.set_xlabel("% target")
    ax.invert_yaxis()
    return _png(fig)
