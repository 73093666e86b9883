"""``/regions/<id>``: strong clusters, specialisation and growth of a region."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.definitions.names import localized_cluster_name
from grappe.registry.models import Cluster, IndicatorSnapshot, Region, cluster_regions
from grappe.web.auth import visitor
from grappe.web.db import PageSession, cached_page, map_data
from grappe.web.dz_map import wilaya_section
from grappe.web.i18n import translations
from grappe.web.render import language, page
from grappe.web.views._common import not_found, series
from grappe.web.views.country import country_link
from grappe.web.views.region_ma import morocco_region_page
from grappe.web.views.support_body_forms import may_correct_support_bodies

router = APIRouter()


def growth_rows(rows: list[IndicatorSnapshot], first: int, last: int) -> list[dict[str, object]]:
    """Job change and compound annual growth rate of each cluster between two years.

    CAGR = (E_last / E_first)^(1 / (last − first)) − 1 (None when E_first is 0).

    Examples
    --------
    >>> from types import SimpleNamespace as R
    >>> rows = [R(cluster="1", cluster_name="A", year=2017, employment=100.0),
    ...         R(cluster="1", cluster_name="A", year=2019, employment=121.0)]
    >>> g = growth_rows(rows, 2017, 2019)[0]
    >>> g["change"], round(g["cagr"], 6)
    (21.0, 0.1)
    """
    start = {r.cluster: r for r in rows if r.year == first}
    out = []
    for r in rows:
        if r.year != last or r.cluster not in start:
            continue
        e0, e1 = start[r.cluster].employment, r.employment
        cagr = (e1 / e0) ** (1.0 / (last - first)) - 1.0 if e0 > 0 and last > first else None
        out.append({"cluster": r.cluster, "name": r.cluster_name, "change": e1 - e0, "cagr": cagr})
    return sorted(out, key=lambda g: -abs(float(g["change"])))  # type: ignore[arg-type]


@router.get("/regions/{region_id}", response_class=HTMLResponse, include_in_schema=False)
def region_page(request: Request, session: PageSession, region_id: str) -> HTMLResponse:
    return cached_page(request, session, lambda: _region_page(request, session, region_id))


def _region_page(request: Request, session: Session, region_id: str) -> HTMLResponse:
    lang = language(request)
    region = session.get(Region, region_id)
    if region is None:
        return not_found(request)
    if region.country == "MA":  # HCP's broad sectors on two censuses: a page of their own
        return morocco_region_page(request, session, region)
    rows = list(
        session.scalars(
            select(IndicatorSnapshot)
            .where(IndicatorSnapshot.region_id == region_id)
            .order_by(IndicatorSnapshot.year, IndicatorSnapshot.cluster)
        )
    )
    years = sorted({r.year for r in rows})
    year = years[-1] if years else None
    latest = [r for r in rows if r.year == year]
    strong = sorted((r for r in latest if r.strong), key=lambda r: -r.employment)
    special = sorted(
        (r for r in latest if r.lq is not None and r.employment > 0), key=lambda r: -(r.lq or 0)
    )[:10]
    growth = growth_rows(rows, years[0], years[-1])[:10] if len(years) > 1 else []
    top = {r.cluster for r in strong[:6]}
    trend = series(
        [r for r in rows if r.cluster in top],
        key=lambda r: localized_cluster_name(r.cluster, r.cluster_name, lang)[0],
        value=lambda r: r.employment,
    )
    profiles = {
        sector: cid
        for cid, sector in session.execute(
            select(Cluster.id, Cluster.sector)
            .join(cluster_regions, cluster_regions.c.cluster_id == Cluster.id)
            .where(cluster_regions.c.region_id == region_id, Cluster.published.is_(True))
        )
    }
    _ = translations(lang).gettext
    type_names = {"state": _("State"), "wilaya": _("Wilaya"), "county": _("County")}
    return page(
        request,
        "region.html",
        {
            "region": region,
            "region_type_name": type_names.get(region.region_type, region.region_type),
            "country_exports": country_link(session, region.country),
            "year": year,
            "first_year": years[0] if years else None,
            "strong": strong,
            "special": special,
            "growth": growth,
            "trend": trend,
            "profiles": profiles,
            "map": map_data(session, lang, highlight=[region_id], countries=[region.country]),
            "wilaya": wilaya_section(session, region, lang),
            # the data table of the support bodies links each body to its correction form
            "may_correct_bodies": may_correct_support_bodies(visitor(request).user),
            "saved": request.query_params.get("saved") == "1",
        },
    )
