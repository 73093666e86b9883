"""A small self-contained HTML summary of a cluster map (one year)."""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

import jinja2
import pandas as pd

from grappe import __version__
from grappe._validation import check_option
from grappe.io.output import write_text
from grappe.io.presets import bundled_path

__all__ = ["render_map_summary", "write_map_summary"]


def _strength_chart(regions: pd.DataFrame) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ordered = regions.sort_values("cluster_strength")
    fig, ax = plt.subplots(figsize=(8, max(3.0, 0.18 * len(ordered))), layout="constrained")
    ax.barh(ordered["region_name"].astype(str), 100 * ordered["cluster_strength"], color="#2f6f9f")
    ax.set_xlabel("Traded employment in strong clusters (%)")
    ax.tick_params(axis="y", labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def render_map_summary(
    cluster_map: object,
    *,
    year: int | None = None,
    title: str = "Cluster map",
    source: str = "",
    top_national: int = 15,
) -> str:
    """Render the HTML summary of a :class:`~grappe.mapping.ClusterMap` for one year.

    Parameters
    ----------
    cluster_map : ClusterMap
        Result of :func:`grappe.mapping.map_clusters`.
    year : int, optional
        Year shown (default: the latest mapped).
    title, source : str
        Page title and the data source line.
    top_national : int
        Number of national clusters listed.

    Returns
    -------
    str
        A self-contained HTML page (the chart is embedded as a PNG data URI).
    """
    ind: pd.DataFrame = cluster_map.indicators  # type: ignore[attr-defined]
    reg: pd.DataFrame = cluster_map.regions  # type: ignore[attr-defined]
    years = cluster_map.years  # type: ignore[attr-defined]
    year = years[-1] if year is None else check_option(year, "year", years, func="summary")
    ind = ind.loc[(ind["year"] == year) & (ind["cluster_type"].astype(str) == "traded")]
    reg = reg.loc[reg["year"] == year]

    strong = ind.loc[ind["strong"].astype(bool)]
    national = (
        ind.groupby(["cluster", "cluster_name"], observed=True)["employment"]
        .sum()
        .reset_index()
        .nlargest(top_national, "employment")
    )
    strong_names = strong.groupby("cluster", observed=True)["region_name"].agg(
        lambda s: ", ".join(sorted(map(str, s)))
    )
    national_rows = [
        {
            "cluster_name": row.cluster_name,
            "employment": row.employment,
            "strong_in": strong_names.get(row.cluster, "—"),
        }
        for row in national.itertuples(index=False)
    ]
    region_rows = []
    for row in reg.sort_values("cluster_strength", ascending=False).itertuples(index=False):
        own = strong.loc[strong["region"] == row.region].nlargest(8, "employment")
        region_rows.append(
            {
                "region": row.region,
                "region_name": row.region_name,
                "cluster_strength": float(row.cluster_strength),
                "clusters": [
                    {"cluster_name": c.cluster_name, "lq": c.lq, "stars": int(c.stars)}
                    for c in own.itertuples(index=False)
                ],
            }
        )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(bundled_path("templates"))),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
    )
    template = env.get_template("map_summary.html.j2")
    return template.render(
        title=title,
        source=source,
        definitions=cluster_map.definitions,  # type: ignore[attr-defined]
        year=year,
        n_regions=ind["region"].nunique(),
        n_clusters=ind["cluster"].nunique(),
        version=__version__,
        chart=_strength_chart(reg),
        national=national_rows,
        regions=region_rows,
    )


def write_map_summary(cluster_map: object, path: str | os.PathLike[str], **options: object) -> Path:
    """Write :func:`render_map_summary` to ``path`` safely (:mod:`grappe.io.output`); return it."""
    html = render_map_summary(cluster_map, **options)  # type: ignore[arg-type]
    return write_text(html, path)
