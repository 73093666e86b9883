"""``/programmes/<key>/candidates``: the statistically identified candidates of a programme in
the workspace — the region × cluster cells of the registry's stored cluster map meeting the
programme's ``statistical`` criteria (Catalonia's micro-clusters, the US Cluster Mapping's
strong clusters), for the latest year by default or the year chosen, each linked to its region
page and to the registry clusters of that category in that region, with the criteria shown.

The same reading as ``grappe programme candidates`` on a map file, on the stored map instead
(:func:`grappe.registry.programme_candidates.stored_candidates`). For signed-in users.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.i18n import translate
from grappe.registry.programme_candidates import map_choices, stored_candidates
from grappe.registry.programme_catalogue import find_programme
from grappe.web.auth import to_login, visitor
from grappe.web.db import PageSession
from grappe.web.render import language, page
from grappe.web.views._common import not_found

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _cells(found: Any, metrics: list[str]) -> list[dict[str, Any]]:
    rows = []
    for record in found.table.to_dict("records"):
        key = (record["region"], record["cluster"])
        rows.append({"region": record["region"], "region_name": record["region_name"],
                     "cluster": record["cluster"], "cluster_name": record["cluster_name"],
                     "figures": [record[m] for m in metrics],
                     "clusters": found.clusters.get(key, [])})  # fmt: skip
    return rows


@router.get("/programmes/{key}/candidates", response_class=HTMLResponse)
def candidates_page(request: Request, session: PageSession, key: str) -> Response:
    """The candidates of programme ``key`` on the stored map (``?definitions=…&year=…``)."""
    if visitor(request).user is None:
        return to_login(request)
    lang = language(request)
    try:
        programme = find_programme(key)
    except NotFoundError:
        return not_found(request)
    if not programme.statistical:
        return not_found(request)
    choices = map_choices(session)
    definitions = request.query_params.get("definitions") or None
    year_text = request.query_params.get("year", "")
    year = int(year_text) if year_text.isdigit() else None
    problem = None
    found = None
    try:
        found = stored_candidates(session, programme, definitions=definitions, year=year)
    except (InvalidParameterError, DataValidationError) as exc:
        problem = translate(exc.issues[0].message, lang) if isinstance(
            exc, DataValidationError) else str(exc)  # fmt: skip
    metrics = list(dict.fromkeys(c.metric for c in programme.statistical))
    return page(request, "programme_candidates.html", {
        "programme": {"key": programme.key, "name": programme.name(lang),
                      "criteria": [str(c) for c in programme.statistical]},
        "choices": choices, "found": found, "problem": problem, "metrics": metrics,
        "cells": _cells(found, metrics) if found is not None else [],
    })  # fmt: skip
