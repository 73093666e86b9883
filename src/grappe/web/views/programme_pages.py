"""``/programmes`` and ``/programmes/<key>``: the public pages of the programmes a cluster may
join — description, eligibility, admission, label levels and their criteria, evaluation
calendar, sources, and the published clusters holding the label with their level (the public
profile each labelled network gets, as the Kompetenznetze site gave, seed
``004_b121ed3bd797dbd2.txt`` §11.1.4)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import NotFoundError
from grappe.programmes import Programme, in_language
from grappe.registry.models import Cluster
from grappe.registry.programme_catalogue import find_programme, programme_catalogue
from grappe.registry.programme_enrolments import list_enrolments
from grappe.vocabulary import LABEL_ACTIONS, label_action_name
from grappe.web.db import PageSession, cached_page
from grappe.web.render import language, localized, page
from grappe.web.views._common import label_status_names, not_found

__all__ = ["cluster_labels", "label_action_names", "programme_view", "router"]

router = APIRouter(include_in_schema=False)

#: Statuses under which a cluster holds the label (listed on the programme's page).
LABELLED: tuple[str, ...] = ("awarded", "renewed")


def label_action_names(lang: str) -> dict[str, str]:
    """The actions of a label decision (:data:`grappe.vocabulary.LABEL_ACTIONS`) in ``lang``:
    the vocabulary's names, which the report shows too."""
    return {action: label_action_name(action, lang) for action in LABEL_ACTIONS}


def programme_view(programme: Programme, lang: str) -> dict[str, Any]:
    """What the pages show of a programme, in ``lang``: names, criteria as text, levels,
    admission steps with who decides, calendar and sources."""
    return {
        "key": programme.key,
        "name": programme.name(lang),
        "description": programme.description(lang),
        "country": programme.country,
        "eligibility": [str(c) for c in programme.eligibility],
        "admission": [{"name": in_language(s.names, lang),
                       "decided_by": in_language(s.decided_by, lang)}
                      for s in programme.admission],
        "levels": [{"key": lv.key, "name": in_language(lv.names, lang) or lv.key,
                    "criteria": [str(c) for c in lv.criteria],
                    "validity_years": lv.validity_years} for lv in programme.levels],
        "every_months": programme.evaluation.every_months,
        "on_fail": list(programme.evaluation.on_fail),
        "sources": [{"title": s.title, "url": s.url, "note": s.note} for s in programme.sources],
        "indicators": list(programme.indicators),
        "statistical": [str(c) for c in programme.statistical],
    }  # fmt: skip


@router.get("/programmes", response_class=HTMLResponse)
def programmes_page(request: Request, session: PageSession) -> HTMLResponse:
    lang = language(request)
    return cached_page(request, session, lambda: page(
        request, "programmes.html",
        {"programmes": [programme_view(p, lang) for p in programme_catalogue()]},
    ))  # fmt: skip


def _labelled(session: Session, key: str, lang: str) -> list[dict[str, Any]]:
    published = {c.id: c for c in session.scalars(select(Cluster).where(Cluster.published))}
    statuses = label_status_names(lang)
    out = []
    for e in list_enrolments(session, programme=key, statuses=LABELLED):
        cluster = published.get(e.cluster_id)
        if cluster is None:
            continue
        name, name_lang = localized(cluster, "name", lang)
        level = e.programme.level(e.state.level) if e.state.level else None
        out.append({"id": cluster.id, "name": name, "lang": name_lang,
                    "level": in_language(level.names, lang) if level else "–",
                    "status": statuses[e.state.status], "since": e.joined})  # fmt: skip
    return out


def cluster_labels(session: Session, cluster_id: str, lang: str) -> list[dict[str, Any]]:
    """The programme labels a cluster holds (awarded or renewed), for its profile: the
    programme's key and name, the level's name and the status, in ``lang``."""
    statuses = label_status_names(lang)
    out = []
    for e in list_enrolments(session, cluster_id=cluster_id, statuses=LABELLED):
        level = e.programme.level(e.state.level) if e.state.level else None
        out.append({"key": e.programme.key, "name": e.programme.name(lang),
                    "level": in_language(level.names, lang) if level else None,
                    "status": statuses[e.state.status]})  # fmt: skip
    return out


@router.get("/programmes/{key}", response_class=HTMLResponse)
def programme_page(request: Request, session: PageSession, key: str) -> HTMLResponse:
    lang = language(request)
    try:
        programme = find_programme(key)
    except NotFoundError:
        return not_found(request)
    return cached_page(request, session, lambda: page(
        request, "programme.html",
        {"programme": programme_view(programme, lang),
         "labelled": _labelled(session, key, lang), "action_names": label_action_names(lang)},
    ))  # fmt: skip
