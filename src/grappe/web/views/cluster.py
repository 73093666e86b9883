"""``/clusters/<id>``: the profile of a published cluster (of an unpublished one, for its staff:
admins, analysts, its managers and the members representing its actors)."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from grappe.errors import DataValidationError, NotFoundError
from grappe.registry import repositories as repo
from grappe.registry.cluster_exports import sees_unpublished_profiles
from grappe.registry.models import Cluster, IndicatorSnapshot, Membership
from grappe.registry.networks import load_network
from grappe.registry.roadmaps import load_roadmap
from grappe.web.auth import visitor
from grappe.web.db import PageSession, cached_page, map_data, registry_version
from grappe.web.dz_map import cluster_support
from grappe.web.network_svg import network_drawing
from grappe.web.render import language, localized, page
from grappe.web.views._common import not_found, series, sphere_names, stage_names
from grappe.web.views.country import country_link
from grappe.web.views.internationalisation_section import internationalisation_view
from grappe.web.views.profile_sections import (
    assessments_view,
    evaluations_view,
    kpi_charts,
    network_summary,
    section_names,
    swot_view,
    visible_sections,
)
from grappe.web.views.programme_pages import cluster_labels
from grappe.web.views.roadmap_display import roadmap_gantt, roadmap_view
from grappe.web.views.workspace_links import workspace_links

router = APIRouter()


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
def cluster_page(request: Request, session: PageSession, cluster_id: str) -> HTMLResponse:
    return cached_page(request, session, lambda: _cluster_page(request, session, cluster_id))


def _cluster_page(request: Request, session: Session, cluster_id: str) -> HTMLResponse:
    lang = language(request)
    cluster = session.get(Cluster, cluster_id)
    if cluster is None or not (cluster.published or _staff(session, request, cluster_id)):
        return not_found(request)  # an unpublished profile does not exist for the public
    region_ids = [r.id for r in cluster.regions]
    regions = {r.id: r for r in cluster.regions}
    snapshots: list[IndicatorSnapshot] = []
    if cluster.sector and region_ids:
        query = select(IndicatorSnapshot).where(
            IndicatorSnapshot.cluster == cluster.sector,
            IndicatorSnapshot.region_id.in_(region_ids),
        )
        if cluster.definitions:
            query = query.where(IndicatorSnapshot.definitions == cluster.definitions)
        snapshots = list(session.scalars(query.order_by(IndicatorSnapshot.year)))
    latest_year = max((s.year for s in snapshots), default=None)
    latest = [(s, regions[s.region_id]) for s in snapshots if s.year == latest_year]
    trend = series(
        snapshots,
        key=lambda s: localized(regions[s.region_id], "name", lang)[0],  # the page's language
        value=lambda s: s.employment,
    )
    members = [
        m
        for m in session.scalars(
            select(Membership)
            .where(Membership.cluster_id == cluster_id)
            .options(selectinload(Membership.actor))  # one query, not one per member
        )
        if m.actor.deleted_at is None
    ]
    spheres = sphere_names(lang)
    by_sphere: dict[str, list[object]] = defaultdict(list)
    names = actor_names(members, lang)
    for m in sorted(members, key=lambda m: names[m.actor.id]):
        sphere = m.actor.sphere or "–"
        by_sphere[spheres.get(sphere, sphere)].append(m.actor)
    shown = visible_sections(cluster, visitor(request).user)
    kpi_rows = repo.list_kpis(session, cluster=cluster_id, limit=500)[0] if "kpis" in shown else []
    evaluations = (
        repo.list_evaluations(session, cluster=cluster_id, limit=50)[0]
        if "evaluations" in shown
        else []
    )
    roadmap = load_roadmap(session, cluster_id) if "roadmap" in shown else None
    countries = {r.country for r in cluster.regions}
    staff = _staff(session, request, cluster_id)  # a firm's exports are its own
    intl = None
    if staff:  # the export profile unpublished too for those who may correct it
        user = visitor(request).user
        sees_all = sees_unpublished_profiles(None if user is None else user.access)
        intl = internationalisation_view(
            session, cluster_id, lang, names, published_only=not sees_all
        )
    net = _network_drawing(session, cluster_id, members, lang)
    if net is not None:  # a copy: the cached drawing is shared by every visitor
        net = {**net, "legend": [(spheres.get(name, name), cls) for name, cls in net["legend"]]}
    return page(
        request,
        "cluster.html",
        {
            "cluster": cluster,
            "sector_name": snapshots[0].cluster_name if snapshots else None,
            "stage_name": stage_names(lang).get(cluster.stage or ""),
            "latest": latest,
            "latest_year": latest_year,
            "trend": trend,
            "spheres": sorted(by_sphere.items()),
            "actor_names": names,
            "net": net,
            "shown": shown,
            **section_names(lang),
            "diagnosis": network_summary(session, cluster_id, lang) if "network" in shown else None,
            "assessments": assessments_view(session, cluster_id, lang)
            if "assessments" in shown
            else None,
            "swot": swot_view(session, cluster_id, lang) if "swot" in shown else None,
            "kpi_charts": kpi_charts(kpi_rows, lang),
            "evaluations": evaluations,
            "period_evaluations": evaluations_view(session, cluster_id, lang)
            if "evaluations" in shown
            else [],
            "programme_labels": cluster_labels(session, cluster_id, lang)
            if "evaluations" in shown
            else [],
            "roadmap": roadmap_view(roadmap, lang),
            "gantt": None if roadmap is None else roadmap_gantt(roadmap, lang),
            "map": map_data(session, lang, highlight=region_ids, countries=countries),
            "dz_support": cluster_support(session, region_ids, lang),
            "workspace_links": workspace_links(request, cluster_id, lang),
            "country_exports": [
                link for c in sorted(countries) if (link := country_link(session, c))
            ],
            "intl": intl,
        },
    )


#: The profile's network drawings by (database, registry version, cluster, language): the same
#: for every visitor, and the slowest part of a profile built for a signed-in visitor (the
#: kernel reads and checks the stored network), whose page is not in the page cache.
_DRAWING_CACHE: dict[tuple[str, int, str, str], dict[str, Any] | None] = {}


def actor_names(members: list[Membership], lang: str) -> dict[str, str]:
    """Each member's name in ``lang`` when the actor has one (``attributes["name_<lang>"]``),
    else its stored name."""
    return {m.actor.id: (m.actor.attributes or {}).get(f"name_{lang}") or m.actor.name
            for m in members}  # fmt: skip


def _network_drawing(
    session: Session, cluster_id: str, members: list[Membership], lang: str
) -> dict[str, Any] | None:
    key = (str(session.get_bind().engine.url), registry_version(session), cluster_id, lang)
    if key not in _DRAWING_CACHE:
        if len(_DRAWING_CACHE) > 256:
            _DRAWING_CACHE.clear()
        actors, ties = profile_network(session, cluster_id, members)
        names = actor_names(members, lang)
        named = [SimpleNamespace(id=a.id, name=names.get(a.id, a.name), sphere=a.sphere)
                 for a in actors]  # fmt: skip
        _DRAWING_CACHE[key] = network_drawing(named, ties)
    return _DRAWING_CACHE[key]


def _staff(session: Session, request: Request, cluster_id: str) -> bool:
    """Whether the visitor works on the cluster: an admin or analyst (who read every cluster
    through the API), one of its managers, or a member representing one of its actors. The
    page cache never serves their pages (:func:`grappe.web.db.cached_page`: anonymous only)."""
    user = visitor(request).user
    if user is None:
        return False
    if user.role in ("admin", "analyst"):
        return True
    if user.role == "manager":
        return cluster_id in user.clusters
    return user.actor is not None and session.get(Membership, (cluster_id, user.actor)) is not None


def profile_network(
    session: Session, cluster_id: str, members: list[Membership]
) -> tuple[list[Any], list[Any]]:
    """Actors and ties drawn on the profile: the stored network as the kernel reads it
    (:func:`grappe.registry.networks.load_network`), of its last wave as ``grappe network draw``
    draws it; the raw rows when stored rows break the kernel's rules (data written before the
    registry checked them), so that the page still shows them."""
    if not members:
        return [], []
    try:
        net = load_network(session, cluster_id)
    except (DataValidationError, NotFoundError):
        ties, _ = repo.list_ties(session, cluster=cluster_id, limit=5000)
        return [m.actor for m in members], ties
    if net.waves:
        net = net.select(wave=net.waves[-1])
    return list(net.actors.itertuples(index=False)), list(net.ties.itertuples(index=False))
