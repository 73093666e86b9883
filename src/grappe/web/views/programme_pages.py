"""``/programmes`` and ``/programmes/<key>``: the public pages of the programmes a cluster may
join — description, eligibility, admission, label levels and their criteria, evaluation
calendar, sources, and the published clusters holding the label with their level and the last
day it is valid (the public profile each labelled network gets, as the Kompetenznetze site gave,
seed ``004_b121ed3bd797dbd2.txt`` §11.1.4). A label past its level's validity is left out at
once, before ``grappe programme due`` stores its expiry."""

from __future__ import annotations

import datetime as dt
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
from grappe.registry.programme_expiry import label_validity
from grappe.vocabulary import LABEL_ACTIONS, label_action_name
from grappe.web.db import PageSession, cached_page
from grappe.web.i18n import translations
from grappe.web.render import language, localized, page
from grappe.web.views._common import N_, label_status_names, not_found

__all__ = ["ROLE_NAMES", "cluster_labels", "label_action_names", "programme_view", "router"]

router = APIRouter(include_in_schema=False)

#: Statuses under which a cluster holds the label (listed on the programme's page).
LABELLED: tuple[str, ...] = ("awarded", "renewed")

#: The grappe role that records an admission step's decision, as a page names it.
ROLE_NAMES = {
    "admin": N_("an admin"),
    "analyst": N_("an analyst of the observatory"),
    "manager": N_("the cluster's manager"),
}


def label_action_names(lang: str) -> dict[str, str]:
    """The actions of a label decision (:data:`grappe.vocabulary.LABEL_ACTIONS`) in ``lang``:
    the vocabulary's names, which the report shows too."""
    return {action: label_action_name(action, lang) for action in LABEL_ACTIONS}


def programme_view(programme: Programme, lang: str) -> dict[str, Any]:
    """What the pages show of a programme, in ``lang``: names, criteria as text, levels,
    admission steps with who decides (and the grappe role that records it), calendar and
    sources."""
    _ = translations(lang).gettext
    deciding = programme.deciding_step()
    return {
        "key": programme.key,
        "name": programme.name(lang),
        "description": programme.description(lang),
        "country": programme.country,
        "eligibility": [str(c) for c in programme.eligibility],
        "admission": [{"name": in_language(s.names, lang),
                       "decided_by": in_language(s.decided_by, lang),
                       "role": _(ROLE_NAMES[s.role]) if s.role else None,
                       "deciding": s is deciding}
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
    today = dt.date.today()
    out = []
    for e in list_enrolments(session, programme=key, statuses=LABELLED):
        cluster = published.get(e.cluster_id)
        if cluster is None:
            continue
        validity = label_validity(session, e.id, on=today)
        if validity.expired:  # not renewed in time: no longer shown, even before it is stored
            continue
        name, name_lang = localized(cluster, "name", lang)
        level = e.programme.level(e.state.level) if e.state.level else None
        out.append({"id": cluster.id, "name": name, "lang": name_lang,
                    "level": in_language(level.names, lang) if level else "–",
                    "status": statuses[e.state.status], "since": e.joined,
                    "until": validity.valid_until})  # fmt: skip
    return out


def cluster_labels(session: Session, cluster_id: str, lang: str) -> list[dict[str, Any]]:
    """The programme labels a cluster holds (awarded or renewed), for its profile: the
    programme's key and name, the level's name and the status, in ``lang``."""
    statuses = label_status_names(lang)
    out = []
    for e in list_enrolments(session, cluster_id=cluster_id, statuses=LABELLED):
        if label_validity(session, e.id, on=dt.date.today()).expired:
            continue
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

    def build() -> HTMLResponse:
        return page(request, "programme.html", {
            "programme": programme_view(programme, lang),
            "labelled": _labelled(session, key, lang), "action_names": label_action_names(lang),
        })  # fmt: skip

    if any(lv.validity_years is not None for lv in programme.levels):
        return build()  # the labelled clusters change with the date, not only with a write
    return cached_page(request, session, build)
