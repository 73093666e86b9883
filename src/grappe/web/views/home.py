"""``/``: map of clusters and regions, cluster search, region list."""

from __future__ import annotations

from itertools import groupby
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.io.bundled_ma import MA_BOUNDARIES_SOURCE
from grappe.registry import repositories as repo
from grappe.registry.cluster_entries import may_create_cluster
from grappe.registry.models import Cluster, Region
from grappe.web.auth import visitor
from grappe.web.db import PageSession, cached_page, map_data
from grappe.web.i18n import translations
from grappe.web.render import language, page
from grappe.web.views._common import not_found
from grappe.web.views.programme_forms import due_reminders
from grappe.web.views.region_ma import morocco_home

router = APIRouter()

_COUNTRIES = {"US": "United States", "DZ": "Algérie / الجزائر", "MA": "Maroc / المغرب"}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(
    request: Request,
    session: PageSession,
    q: Annotated[str | None, Query(max_length=100)] = None,
    country: Annotated[str | None, Query(max_length=8)] = None,
    measure: Annotated[str | None, Query(max_length=16)] = None,
    sector: Annotated[str | None, Query(max_length=32)] = None,
) -> HTMLResponse:
    return cached_page(
        request, session, lambda: _home(request, session, q, country, (measure, sector))
    )


def _home(
    request: Request,
    session: Session,
    q: str | None,
    country: str | None,
    ma_choice: tuple[str | None, str | None],
) -> HTMLResponse:
    lang = language(request)
    _ = translations(lang).gettext
    if country is not None and country.upper() not in _COUNTRIES:
        return not_found(
            request, _("The observatory has no country %(code)s.") % {"code": repr(country)}
        )
    chosen = [country.upper()] if country else []
    morocco = None
    if chosen == ["MA"]:
        measure, sector = ma_choice
        morocco = morocco_home(session, lang, measure=measure, sector=sector)
        if morocco is None:
            return not_found(
                request,
                _("Morocco's statistics have no sector %(sector)s counted by %(measure)s.")
                % {"sector": repr(sector), "measure": repr(measure or "establishments")},
            )
    clusters, count = repo.list_clusters(session, q=q or None, limit=60)
    query = select(Region).order_by(Region.country.desc(), Region.id)
    if chosen:
        query = query.where(Region.country.in_(chosen))
    regions = list(session.scalars(query))
    by_country = [
        (_COUNTRIES.get(c, c), list(items))
        for c, items in groupby(regions, key=lambda r: r.country)
    ]
    data = map_data(session, lang, countries=chosen)
    user = visitor(request).user
    # A manager's clusters, published or not (he may just have created one).
    own = [] if user is None or user.role != "manager" else sorted(user.clusters)
    mine = [c for c in (session.get(Cluster, cid) for cid in own) if c is not None]
    return page(
        request,
        "home.html",
        {
            "q": q,
            "clusters": clusters,
            "count": count,
            "regions_by_country": by_country,
            "map": data,
            "year": data["year"],
            "can_create_cluster": user is not None and may_create_cluster(user.access),
            "my_clusters": mine,
            "countries": _COUNTRIES,
            "country": chosen[0] if chosen else None,
            "morocco": morocco,
            "boundaries_source": MA_BOUNDARIES_SOURCE,
            "due_evaluations": due_reminders(session, user),
        },
    )
