"""``/compare?a=…&b=…``: two clusters or two regions side by side."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from grappe.registry.models import Cluster, IndicatorSnapshot, Region
from grappe.web.db import PageSession, cached_page
from grappe.web.i18n import format_number, format_share, translations
from grappe.web.render import language, localized, page
from grappe.web.views._common import series

router = APIRouter()


def _cluster_rows(session: Any, cluster: Cluster) -> list[IndicatorSnapshot]:
    if not cluster.sector or not cluster.regions:
        return []
    query = select(IndicatorSnapshot).where(
        IndicatorSnapshot.cluster == cluster.sector,
        IndicatorSnapshot.region_id.in_([r.id for r in cluster.regions]),
        IndicatorSnapshot.measure == "employment",  # the compared figures are employment's
    )
    return list(session.scalars(query))


def _summary(
    rows: list[IndicatorSnapshot], lang: str, national: dict[int, float] | None = None
) -> tuple[dict[int, float], list[str]]:
    """Employment by year and the four compared figures (formatted).

    For a region, ``national`` gives the employment of all regions by year and the share is the
    region's; for a cluster it is the sum of the cluster's national shares in its regions.
    """
    by_year: dict[int, float] = {}
    for r in rows:
        by_year[r.year] = by_year.get(r.year, 0.0) + r.employment
    if not rows:
        return by_year, ["–"] * 4
    last = max(by_year)
    latest = [r for r in rows if r.year == last]
    lq = max((r.lq for r in latest if r.lq is not None), default=None)
    if national is not None:
        share: float | None = by_year[last] / national[last] if national.get(last) else None
    else:
        share = sum(r.national_share or 0.0 for r in latest)
    strong = sum(1 for r in latest if r.strong)
    return by_year, [
        format_number(by_year[last], lang),
        format_number(lq, lang, digits=2),
        format_share(share, lang),
        format_number(strong, lang),
    ]


def _national(session: Session, country: str, region_type: str) -> dict[int, float]:
    """Employment of all the regions of ``country`` of one type by year (Morocco's regions and
    provinces both cover the country: summing both would count it twice)."""
    return {
        int(y): float(v)
        for y, v in session.execute(
            select(IndicatorSnapshot.year, func.sum(IndicatorSnapshot.employment))
            .join(Region, Region.id == IndicatorSnapshot.region_id)
            .where(
                Region.country == country,
                Region.region_type == region_type,
                IndicatorSnapshot.measure == "employment",
            )
            .group_by(IndicatorSnapshot.year)
        )
        if v is not None
    }


@router.get("/compare", response_class=HTMLResponse, include_in_schema=False)
def compare_page(
    request: Request,
    session: PageSession,
    a: Annotated[str | None, Query(max_length=64)] = None,
    b: Annotated[str | None, Query(max_length=64)] = None,
) -> HTMLResponse:
    return cached_page(request, session, lambda: _compare_page(request, session, a, b))


def _compare_page(request: Request, session: Session, a: str | None, b: str | None) -> HTMLResponse:
    lang = language(request)
    _ = translations(lang).gettext
    choices = [
        (c.id, localized(c, "name", lang)[0])
        for c in session.scalars(
            select(Cluster).where(Cluster.published.is_(True)).order_by(Cluster.id).limit(2000)
        )
    ] + [(r.id, localized(r, "name", lang)[0]) for r in session.scalars(select(Region))]
    context: dict[str, Any] = {"a": a, "b": b, "choices": choices, "rows": None}
    if a and b:
        ca, cb = session.get(Cluster, a), session.get(Cluster, b)
        ra, rb = session.get(Region, a), session.get(Region, b)
        items: list[tuple[Any, list[IndicatorSnapshot]]]
        if ca is not None and cb is not None and ca.published and cb.published:
            items = [(ca, _cluster_rows(session, ca)), (cb, _cluster_rows(session, cb))]
            labels = [
                _("Employment"),
                _("Highest location quotient"),
                _("National share"),
                _("Strong in regions"),
            ]
            context["caption"] = _("Two clusters, latest year")
            url = "/clusters/"
        elif ra is not None and rb is not None:
            items = []
            for reg in (ra, rb):
                rows = list(
                    session.scalars(
                        select(IndicatorSnapshot).where(
                            IndicatorSnapshot.region_id == reg.id,
                            IndicatorSnapshot.measure == "employment",
                        )
                    )
                )
                items.append((reg, rows))
            labels = [
                _("Employment"),
                _("Highest location quotient"),
                _("National share"),
                _("Strong clusters"),
            ]
            context["caption"] = _("Two regions, latest year")
            url = "/regions/"
        else:
            context["message"] = _("Give the ids of two published clusters or of two regions.")
            return page(request, "compare.html", context, status=404)
        summaries = [
            _summary(
                rows,
                lang,
                _national(session, obj.country, obj.region_type) if url == "/regions/" else None,
            )
            for obj, rows in items
        ]
        context["headers"] = [
            {"name": localized(obj, "name", lang)[0], "url": f"{url}{obj.id}?lang={lang}"}
            for obj, _rows in items
        ]
        context["rows"] = [(label, [s[1][i] for s in summaries]) for i, label in enumerate(labels)]
        points = [
            SimpleNamespace(k=localized(obj, "name", lang)[0], year=y, v=v)
            for (obj, _rows), (by_year, _vals) in zip(items, summaries, strict=True)
            for y, v in sorted(by_year.items())
        ]
        context["trend"] = series(points, key=lambda p: p.k, value=lambda p: p.v)
    return page(request, "compare.html", context)
