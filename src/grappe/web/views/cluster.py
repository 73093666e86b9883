"""``/clusters/<id>``: the profile of a published cluster."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, NotFoundError
from grappe.registry import repositories as repo
from grappe.registry.models import Cluster, IndicatorSnapshot, Membership
from grappe.registry.networks import load_network
from grappe.registry.permissions import refusal
from grappe.registry.roadmaps import load_roadmap
from grappe.roadmap import PHASES, Roadmap
from grappe.web.auth import visitor
from grappe.web.db import PageSession, cached_page, map_data
from grappe.web.i18n import translations
from grappe.web.network_svg import network_drawing
from grappe.web.render import language, page
from grappe.web.views._common import not_found, series, sphere_names, stage_names

router = APIRouter()


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
def cluster_page(request: Request, session: PageSession, cluster_id: str) -> HTMLResponse:
    return cached_page(request, session, lambda: _cluster_page(request, session, cluster_id))


def _cluster_page(request: Request, session: Session, cluster_id: str) -> HTMLResponse:
    lang = language(request)
    cluster = session.get(Cluster, cluster_id)
    if cluster is None or not cluster.published:
        return not_found(request)
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
        key=lambda s: regions[s.region_id].name_en,
        value=lambda s: s.employment,
    )
    members = [
        m
        for m in session.scalars(select(Membership).where(Membership.cluster_id == cluster_id))
        if m.actor.deleted_at is None
    ]
    spheres = sphere_names(lang)
    by_sphere: dict[str, list[object]] = defaultdict(list)
    for m in sorted(members, key=lambda m: m.actor.name):
        sphere = m.actor.sphere or "–"
        by_sphere[spheres.get(sphere, sphere)].append(m.actor)
    actors, ties = profile_network(session, cluster_id, members)
    kpi_rows, _ = repo.list_kpis(session, cluster=cluster_id, limit=500)
    kpis = series(
        kpi_rows, key=lambda k: k.name + (f" ({k.unit})" if k.unit else ""), value=lambda k: k.value
    )
    evaluations, _ = repo.list_evaluations(session, cluster=cluster_id, limit=50)
    countries = {r.country for r in cluster.regions}
    net = network_drawing(actors, ties)
    if net is not None:
        net["legend"] = [(spheres.get(name, name), cls) for name, cls in net["legend"]]
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
            "net": net,
            "kpis": kpis,
            "evaluations": evaluations,
            "roadmap": _roadmap_view(load_roadmap(session, cluster_id), lang),
            "map": map_data(session, lang, highlight=region_ids, countries=countries),
            "can_record_actor": _may_record_actor(request, cluster_id),
        },
    )


def _may_record_actor(request: Request, cluster_id: str) -> bool:
    # The workspace's "Record an actor" form (grappe.web.views.actor_forms), by the same rule.
    user = visitor(request).user
    return (
        user is not None
        and refusal(user.access, "create", "actor", "(new)", scope={cluster_id}) is None
    )


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


def _roadmap_view(roadmap: Roadmap | None, lang: str) -> dict[str, Any] | None:
    """The roadmap laid out by phase, with names in ``lang`` (phases and deliverables carry
    their own FR/AR/EN names in :data:`grappe.roadmap.PHASES`)."""
    if roadmap is None:
        return None
    _ = translations(lang).gettext
    statuses = {
        "planned": _("Planned"),
        "ongoing": _("Ongoing"),
        "done": _("Done"),
        "delayed": _("Delayed"),
        "cancelled": _("Cancelled"),
    }
    modes = {"bottom_up": _("Bottom-up"), "top_down": _("Top-down")}
    phases = []
    for phase in PHASES:
        phases.append(
            {
                "number": phase.number,
                "name": phase.names[lang],
                "deliverables": [
                    (names[lang], statuses.get(roadmap.deliverables[key], ""))
                    for key, names in phase.deliverables.items()
                    if key in roadmap.deliverables
                ],
                "actions": [
                    {
                        "action": a,
                        "status": statuses[a.status],
                        "milestones_done": sum(m.done for m in a.milestones),
                    }
                    for a in roadmap.actions
                    if a.phase == phase.key
                ],
            }
        )
    return {"mode": modes.get(roadmap.mode, roadmap.mode), "phases": phases}
