"""``/clusters/<id>/diagnosis``: the network diagnosis of one survey wave, read from the stored
ties, and "Run the diagnosis" (a background job, as ``POST /api/v1/clusters/<id>/network/
diagnoses``).

The page shows the wave's latest stored diagnosis (:mod:`grappe.registry.network_diagnoses`):
its figures, brokers, coordinators, core and periphery, relational shadow zones, local buzz vs
global pipelines, the change from the wave before and the written diagnosis in the page's
language, beside the drawing of the wave's network (:func:`grappe.web.network_svg.
network_drawing`). It is a staff page (admins, analysts, the cluster's managers: the ``create
diagnosis`` rule): it names the actors, in the page's language where they have the name; the
public profile shows counts only.

Why a background job: running a 100-actor diagnosis took 0.5–1.5 s (3–4 s as a process's first
run) on the project's busy 2-core machine (``docs/benchmarks/diagnosis-page.md``), not "well
under a second". The
run is recorded (``queued``) and committed, then computed after the answer is sent
(:func:`grappe.registry.network_diagnoses.run_queued`); the page refreshes itself while it
runs and shows the stored error when it fails.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.network.model import ActorNetwork
from grappe.registry.models import Cluster, NetworkDiagnosis, utc_now
from grappe.registry.network_diagnoses import queue_diagnosis, run_queued
from grappe.registry.tie_entries import cluster_actors
from grappe.web.db import stored_network
from grappe.web.i18n import translations
from grappe.web.network_svg import network_drawing
from grappe.web.render import language, page
from grappe.web.views._common import N_, sphere_names
from grappe.web.views._forms import cluster_context, cluster_form
from grappe.web.views.profile_sections import section_names
from grappe.web.views.workspace_links import related_links

router = APIRouter(include_in_schema=False)

#: A run still ``queued`` after this long was lost (a restart): the page stops waiting for it.
STALE_RUN = dt.timedelta(minutes=10)
#: Seconds between the page's reloads while a run is under way.
REFRESH = 2

_REASON_LABELS = {
    "absent sphere": N_("One sphere has no actor"),
    "no tie": N_("No tie between them"),
    "weak ties only": N_("Weak ties only"),
}


class _Named:
    """An actor of the drawing: id, name in the page's language, sphere."""

    __slots__ = ("id", "name", "sphere")

    def __init__(self, actor_id: str, name: str, sphere: str | None) -> None:
        self.id, self.name, self.sphere = actor_id, name, sphere


def actor_names(db: Session, cluster_id: str, lang: str) -> dict[str, str]:
    """Actor id → name in ``lang`` (the form's ``name_<lang>``), else the stored name, else
    the id."""
    return {
        a.id: (a.attributes or {}).get(f"name_{lang}") or a.name or a.id
        for a in cluster_actors(db, cluster_id)
    }


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes of UTC values.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _runs(db: Session, cluster_id: str, wave: str | None) -> dict[str, Any]:
    """The wave's latest succeeded diagnosis, a newer run still under way, a newer failure.

    The versions' JSON summaries and texts are deferred: only the one shown is read, so the page
    does not slow down as versions pile up."""
    query = (
        select(NetworkDiagnosis)
        .where(NetworkDiagnosis.cluster_id == cluster_id)
        .where(NetworkDiagnosis.wave.is_(None) if wave is None else NetworkDiagnosis.wave == wave)
        .options(defer(NetworkDiagnosis.result), defer(NetworkDiagnosis.texts))
        .order_by(NetworkDiagnosis.created_at.desc(), NetworkDiagnosis.id.desc())
        .limit(200)
    )
    rows = list(db.scalars(query))
    done = next((r for r in rows if r.status == "succeeded"), None)
    newer = rows if done is None else rows[: rows.index(done)]
    fresh = utc_now() - STALE_RUN
    pending = next((r for r in newer if r.status in ("queued", "running")
                    and _aware(r.created_at) > fresh), None)  # fmt: skip
    failed = next((r for r in newer if r.status == "failed"), None)
    return {"done": done, "pending": pending, "failed": failed}


def _view(row: NetworkDiagnosis, names: dict[str, str], lang: str) -> dict[str, Any]:
    """What the page shows of a stored diagnosis, actors named in ``lang``."""
    _ = translations(lang).gettext
    result = row.result or {}
    records = {a["id"]: a for a in result.get("actors", [])}
    spheres = sphere_names(lang)

    def name(actor_id: str) -> str:
        return names.get(actor_id) or records.get(actor_id, {}).get("name") or actor_id

    def listed(ids: list[str]) -> list[str]:
        return sorted((name(i) for i in ids), key=str.casefold)

    bnd = result.get("boundary") or {}
    internal, external = bnd.get("internal_ties") or 0, bnd.get("external_ties") or 0
    comps = result.get("components") or {}
    cp = result.get("core_periphery") or {}
    change = result.get("change")
    figures = [
        (_("Actors"), result["network"]["actors"], 0),
        (_("Ties"), result["network"]["ties"], 0),
        (_("Density"), result.get("density"), 3),
        (_("Reciprocity"), result.get("reciprocity"), 3),
        (_("Connected components"), comps.get("count"), 0),
    ]
    return {
        "id": row.id,
        "date": row.date,
        "by": row.created_by,
        "wave": row.wave,
        "text": (row.texts or {}).get(lang, ""),
        "figures": figures,
        "largest_share": comps.get("largest_share"),
        "isolates": listed(comps.get("isolates") or []),
        "brokers": [
            {
                "name": name(i),
                "count": records.get(i, {}).get("brokerage_between_spheres"),
                "betweenness": records.get(i, {}).get("betweenness"),
            }
            for i in result.get("brokers") or []
        ],  # fmt: skip
        "coordinators": [
            {
                "name": name(i),
                "count": (records.get(i, {}).get("brokerage") or {}).get("coordinator"),
                "betweenness": records.get(i, {}).get("betweenness"),
            }
            for i in result.get("coordinators") or []
        ],  # fmt: skip
        "core": listed(cp.get("core") or []),
        "peripheral": listed(result.get("peripheral") or []),
        "weakly_tied": listed(result.get("weakly_tied") or []),
        "fit": cp.get("fit_discrete"),
        "zones": [
            {
                "a": spheres.get(z["sphere_a"], z["sphere_a"]),
                "b": spheres.get(z["sphere_b"], z["sphere_b"]),
                "reason": _(_REASON_LABELS[z["reason"]])
                if z["reason"] in _REASON_LABELS
                else z["reason"],
                "ties": z.get("ties"),
                "possible": z.get("possible_pairs"),
            }
            for z in result.get("shadow_zones") or []
        ],  # fmt: skip
        "internal": internal,
        "external": external,
        "outside": bnd.get("outside_ties") or 0,
        "local_share": internal / (internal + external) if internal + external else None,
        "global_share": external / (internal + external) if internal + external else None,
        "pipelines": listed(bnd.get("pipelines") or []),
        "change": None
        if not change
        else {
            "before": change["before"],
            "after": change["after"],
            "jaccard": change.get("jaccard"),
            "counts": [
                (k, change.get(k))
                for k in (
                    "ties_formed",
                    "ties_dissolved",
                    "ties_kept",
                    "actors_entering",
                    "actors_leaving",
                )
            ],
        },  # fmt: skip
        "actors": sorted(
            (
                {
                    "name": name(a["id"]),
                    "sphere": spheres.get(a["sphere"], a["sphere"]),
                    "degree": a["degree"],
                    "betweenness": a["betweenness"],
                    "constraint": a["constraint"],
                    "coreness": a["coreness"],
                    "core": a["core"],
                }
                for a in records.values()
            ),
            key=lambda a: (-(a["betweenness"] or 0), a["name"].casefold()),
        ),  # fmt: skip
    }


def _drawing(net: ActorNetwork, names: dict[str, str], lang: str) -> dict[str, Any] | None:
    actors = [_Named(a.id, names.get(a.id) or a.name or a.id, a.sphere)
              for a in net.actors.itertuples(index=False)]  # fmt: skip
    drawing = network_drawing(actors, list(net.ties.itertuples(index=False)))
    if drawing is not None:
        spheres = sphere_names(lang)
        drawing["legend"] = [(spheres.get(n, n), cls) for n, cls in drawing["legend"]]
    return drawing


def _page(
    request: Request, db: Session, cluster: Cluster, wave: str | None, *,
    errors: dict[str, str] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    lang = language(request)
    _ = translations(lang).gettext
    context: dict[str, Any] = {
        **cluster_context(request, cluster),
        "links": related_links(request, cluster.id, lang, "ties", "waves"),
        "errors": dict(errors or {}), "waves": [], "shown": "",
        "net": None, "diagnosis": None, "pending": None, "failed": None, "problems": [],
        "stored": True, **section_names(lang),
    }  # fmt: skip
    try:
        net = stored_network(db, cluster.id)  # kept until the next write
    except NotFoundError:
        context["stored"] = False
        return page(request, "diagnosis.html", context, status=status)
    except DataValidationError as error:  # rows stored before the registry checked them
        context["problems"] = [str(i) for i in error.issues]
        return page(request, "diagnosis.html", context, status=status)
    waves = list(net.waves)
    if wave is not None and wave not in waves:
        context["errors"]["wave"] = _("This wave has no ties in the stored network: choose one "
                                      "of the list.")  # fmt: skip
        wave, status = None, 400
    shown = wave if wave is not None else (waves[-1] if waves else None)
    names = actor_names(db, cluster.id, lang)
    runs = _runs(db, cluster.id, shown)
    context.update(
        waves=[(w, w) for w in waves], shown=shown or "",
        net=_drawing(net.select(wave=shown) if shown else net, names, lang),
        diagnosis=None if runs["done"] is None else _view(runs["done"], names, lang),
        pending=runs["pending"], failed=runs["failed"],
        refresh=REFRESH if runs["pending"] is not None else None,
    )  # fmt: skip
    return page(request, "diagnosis.html", context, status=status)


@router.get("/clusters/{cluster_id}/diagnosis", response_class=HTMLResponse)
def diagnosis_page(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="diagnosis", key=cluster_id) as work:
        return _page(request, work.db, work.cluster, request.query_params.get("wave") or None)


@router.post("/clusters/{cluster_id}/diagnosis", response_class=HTMLResponse)
async def run_diagnosis_page(
    request: Request, background: BackgroundTasks, cluster_id: str
) -> Response:
    form = await request.form()
    wave = str(form.get("wave", "")).strip() or None
    with cluster_form(request, cluster_id, kind="diagnosis", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        try:
            row = queue_diagnosis(db, cluster_id, wave=wave, who=work.access)
            db.commit()  # the job runs in its own transaction and must find the row
        except (InvalidParameterError, NotFoundError, DataValidationError):
            db.rollback()  # the page says why (unknown wave, no network, refused rows)
            return _page(request, db, cluster, wave, status=400)
        number, shown = row.id, row.wave
    background.add_task(run_queued, request.app.state.sessions, number)
    target = f"/clusters/{cluster_id}/diagnosis" + (f"?wave={quote(shown)}" if shown else "")
    return RedirectResponse(target, status_code=303)
