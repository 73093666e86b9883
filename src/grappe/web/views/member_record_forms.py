"""``/clusters/<id>/records``: the records a cluster's KPIs are computed from — member events
(join, leave, sector change, with the member's activity, sector, sphere and wilaya), member
figures (jobs, exports, founding date per period), activities (trainings, missions, events) and
the start and end dates of ties — and the "from records" section of the KPI page.

The registry checks and stores (:mod:`grappe.registry.member_events`,
:mod:`grappe.registry.member_records`), with the rules of ``POST /api/v1/clusters/{id}/members/
{actor}/events`` and of the other record routes; rights: record kinds ``member_event``,
``member_figure``, ``cluster_activity`` and ``tie`` of
:data:`grappe.registry.permissions.RULES` (admins, the cluster's managers), asked for the page
and again by the registry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from grappe.errors import (
    DataValidationError,
    GrappeError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
)
from grappe.registry import member_records as records
from grappe.registry.member_events import add_member_event, delete_member_event, list_member_events
from grappe.registry.models import Cluster
from grappe.registry.tie_entries import cluster_actors
from grappe.reports.i18n import label
from grappe.roadmap.periods import PERIOD_FORMS, parse_period
from grappe.vocabulary import CLUSTER_ACTIVITY_KINDS, MEMBER_EVENTS
from grappe.web.auth import forbidden
from grappe.web.i18n import format_number, translations
from grappe.web.render import language
from grappe.web.views._common import N_, RowId, not_found, sphere_names
from grappe.web.views._forms import (
    ClusterWork,
    cluster_form,
    delete_record,
    error_words,
    form_page,
    issue_words,
    saved_redirect,
    write_record,
)

__all__ = ["records_section", "router"]

router = APIRouter(include_in_schema=False)

#: The need of each field, shown before the registry's words when it refuses the field.
_HINTS = {
    "actor": N_("Choose a member."),
    "kind": N_("Choose what happened; a member leaves only after joining, and joins once."),
    "date": N_("The date: YYYY-MM-DD, between 1900 and 2100."),
    "sphere": N_("Choose a sphere, or leave it empty for the actor's."),
    "sector": N_("A sector change needs the new sector."),
    "region_id": N_("A region id the observatory knows, e.g. DZ-07 for Biskra."),
    "period": N_("Write the period as 2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31."),
    "jobs": N_("Jobs: a whole number from 0."),
    "exports": N_("Exports: a number from 0, with its currency."),
    "currency": N_("The currency: three letters, e.g. DZD or EUR."),
    "founded": N_("The firm's founding date: YYYY-MM-DD, not after the period."),
    "markets": N_(
        "Markets: ISO country codes separated by ';', each with an optional share in "
        "percent, e.g. FR:40;DE:25;AE."
    ),
    "participants": N_("Participants: a whole number from 0."),
    "members": N_("Members who took part: members of the cluster only."),
    "since": N_("When the relation began: YYYY-MM-DD."),
    "until": N_("When it ended: YYYY-MM-DD, not before it began."),
}
_EVENT_FIELDS = (
    "actor",
    "kind",
    "date",
    "sector",
    "activity_code",
    "activity",
    "sphere",
    "region_id",
    "note",
)
_FIGURE_FIELDS = ("actor", "period", "jobs", "exports", "currency", "founded", "markets")
_ACTIVITY_FIELDS = ("kind", "date", "title", "participants")
#: Names of the event kinds and activity kinds on the page.
_KIND_NAMES = {
    "join": N_("joins"),
    "leave": N_("leaves"),
    "sector": N_("changes sector"),
    "training": N_("training"),
    "mission": N_("mission"),
    "event": N_("event"),
}
#: Names of the breakdowns of the "from records" section.
BREAKDOWN_NAMES = {
    "new_members_by_activity": N_("New members by activity"),
    "new_members_by_sector": N_("New members by sector"),
    "new_members_by_sphere": N_("New members by sphere"),
    "new_members_by_region": N_("New members by region"),
    "partnerships_by_sector": N_("New partnerships by pair of sectors"),
    "partnerships_by_sphere": N_("New partnerships by pair of spheres"),
    "activities_by_kind": N_("Activities by kind"),
}
#: The rule of each KPI, as the section explains it (the msgids of KPI_RULES' meaning).
RULE_NAMES = {
    "members": N_("members at the end of the period (last join or leave event is a join)"),
    "new_members": N_("actors who joined during the period"),
    "jobs": N_("jobs of the members at the end of the period, latest figure of each"),
    "exports": N_("exports of the members, summed over their figures of the period"),
    "firms_created": N_("members whose firm was founded during the period"),
    "partnerships": N_("pairs of actors whose first tie starts in the period"),
    "trainings": N_("trainings dated in the period"),
}


def _errors(error: DataValidationError, lang: str, fields: tuple[str, ...]) -> dict[str, str]:
    _ = translations(lang).gettext
    found: dict[str, str] = {}
    for issue in error.issues:
        column = issue.column if issue.column in fields else fields[0]
        column = "actor" if column == "members" and "members" not in fields else column
        need = _(_HINTS[column]) if column in _HINTS else ""
        detail = issue_words(issue, lang)
        found[column] = f"{found.get(column, need)} {detail}".strip()
    return found


def _page(
    request: Request,
    db: Session,
    cluster: Cluster,
    *,
    form: str | None = None,
    values: Mapping[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    lang = language(request)
    _ = translations(lang).gettext
    actors = cluster_actors(db, cluster.id)
    names = {a.id: a.name for a in actors}
    events = list_member_events(db, cluster.id)
    figures = records.list_member_figures(db, cluster.id)
    activities = records.list_cluster_activities(db, cluster.id)
    ties = records.list_cluster_ties(db, cluster.id)
    return form_page(
        request,
        "member_records.html",
        cluster,
        {
            "actors": [(a.id, f"{a.name} ({a.id})") for a in actors],
            "names": names,
            "event_kinds": [(k, _(_KIND_NAMES[k])) for k in MEMBER_EVENTS],
            "activity_kinds": [(k, _(_KIND_NAMES[k])) for k in CLUSTER_ACTIVITY_KINDS],
            "kind_names": {k: _(v) for k, v in _KIND_NAMES.items()},
            "spheres": list(sphere_names(lang).items()),
            "events": events,
            "figures": figures,
            "activities": activities,
            "ties": ties,
            "number": lambda v: "" if v is None else format_number(v, lang),
            "period_forms": "\u2066" + ", ".join(PERIOD_FORMS.values()) + "\u2069",
            "form": form,
            "values": dict(values or {}),
        },
        errors=errors,
        status=status,
    )


_PATH = "/clusters/{cluster_id}/records"


def _delete(
    request: Request, cluster_id: str, kind: str, delete: Callable[[ClusterWork], None]
) -> Response:
    back = _PATH.format(cluster_id=cluster_id)
    return delete_record(request, cluster_id, kind=kind, delete=delete, back=back)


@router.get(_PATH, response_class=HTMLResponse)
def records_page(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="member_event", key=cluster_id) as work:
        return _page(request, work.db, work.cluster)


async def _form(request: Request, fields: tuple[str, ...]) -> dict[str, Any]:
    form = await request.form()
    values: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in fields}
    values["members"] = [str(m) for m in form.getlist("members")]
    return values


def _day(text: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text  # the registry refuses it, naming the field


def _field_of(error: GrappeError, fields: tuple[str, ...]) -> str:
    """The form field a registry error is about (its message names the parameter or record)."""
    text = str(error)
    for field in fields:
        if f"'{field}' parameter" in text or (field == "region_id" and "region" in text):
            return field
    return fields[0]


def _refused(
    request: Request,
    work: Any,
    form: str,
    values: dict[str, Any],
    error: GrappeError,
    fields: tuple[str, ...],
) -> Response:
    work.db.rollback()
    lang = language(request)
    if isinstance(error, DataValidationError):
        errors = _errors(error, lang, fields)
    else:
        field = _field_of(error, fields)
        need = translations(lang).gettext(_HINTS[field]) if field in _HINTS else ""
        errors = {field: f"{need} {error_words(error, lang)}".strip()}
    return _page(
        request, work.db, work.cluster, form=form, values=values, errors=errors, status=400
    )


def _store(
    request: Request,
    cluster_id: str,
    *,
    kind: str,
    form: str,
    values: dict[str, Any],
    fields: tuple[str, ...],
    store: Callable[[ClusterWork], object],
) -> Response:
    """A records form: ``store`` runs in :func:`cluster_form`'s work on ``kind`` records and is
    committed, then back to the page ("saved"); the 403 page when the registry refuses the
    rights; the page with each refused field marked (400) when it refuses the values or an
    unknown member, nothing stored."""

    def refused(work: ClusterWork, error: GrappeError) -> Response:
        return _refused(request, work, form, values, error, fields)

    back = _PATH.format(cluster_id=cluster_id)
    return write_record(request, cluster_id, kind=kind, write=store, back=back, refused=refused)


def _member(values: dict[str, Any]) -> str:
    if not values["actor"]:
        raise NotFoundError("No member chosen.")
    return str(values["actor"])


@router.post(_PATH + "/events", response_class=HTMLResponse)
async def record_event(request: Request, cluster_id: str) -> Response:
    """Record a join, leave or sector change (as ``POST /api/v1/clusters/{id}/members/{actor}/
    events``)."""
    values = await _form(request, _EVENT_FIELDS)
    given = {k: values[k] or None for k in _EVENT_FIELDS if k != "actor"}
    given["date"] = _day(values["date"]) if values["date"] else None

    def store(work: ClusterWork) -> None:
        add_member_event(work.db, work.access, cluster_id, _member(values), given)

    return _store(request, cluster_id, kind="member_event", form="event", values=values,
                  fields=_EVENT_FIELDS, store=store)  # fmt: skip


@router.post(_PATH + "/events/{event_id}/delete", response_class=HTMLResponse)
def delete_event(request: Request, cluster_id: str, event_id: RowId) -> Response:
    def delete(work: ClusterWork) -> None:
        events = list_member_events(work.db, cluster_id)
        event = next((e for e in events if e.id == event_id), None)
        if event is None:
            raise NotFoundError(f"No event {event_id} in cluster {cluster_id!r}.")
        delete_member_event(work.db, work.access, cluster_id, event.actor_id, event_id)

    return _delete(request, cluster_id, "member_event", delete)


@router.post(_PATH + "/figures", response_class=HTMLResponse)
async def record_figure(request: Request, cluster_id: str) -> Response:
    """Set a member's figures of a period (as ``PUT /api/v1/clusters/{id}/members/{actor}/
    figures``)."""
    values = await _form(request, _FIGURE_FIELDS)

    def store(work: ClusterWork) -> None:
        records.set_member_figure(work.db, work.access, cluster_id, _member(values), values)

    return _store(request, cluster_id, kind="member_figure", form="figure", values=values,
                  fields=_FIGURE_FIELDS, store=store)  # fmt: skip


@router.post(_PATH + "/figures/{figure_id}/delete", response_class=HTMLResponse)
def delete_figure(request: Request, cluster_id: str, figure_id: RowId) -> Response:
    def delete(work: ClusterWork) -> None:
        records.delete_member_figure(work.db, work.access, cluster_id, figure_id)

    return _delete(request, cluster_id, "member_figure", delete)


@router.post(_PATH + "/activities", response_class=HTMLResponse)
async def record_activity(request: Request, cluster_id: str) -> Response:
    """Record a training, mission or event (as ``POST /api/v1/clusters/{id}/activities``)."""
    values = await _form(request, _ACTIVITY_FIELDS)

    def store(work: ClusterWork) -> None:
        records.add_cluster_activity(work.db, work.access, cluster_id, values)

    return _store(request, cluster_id, kind="cluster_activity", form="activity", values=values,
                  fields=(*_ACTIVITY_FIELDS, "members"), store=store)  # fmt: skip


@router.post(_PATH + "/activities/{activity_id}/delete", response_class=HTMLResponse)
def delete_activity(request: Request, cluster_id: str, activity_id: RowId) -> Response:
    def delete(work: ClusterWork) -> None:
        records.delete_cluster_activity(work.db, work.access, cluster_id, activity_id)

    return _delete(request, cluster_id, "cluster_activity", delete)


@router.post(_PATH + "/ties/{tie_id}", response_class=HTMLResponse)
async def date_tie(request: Request, cluster_id: str, tie_id: RowId) -> Response:
    """Set when a tie's relation began and ended (as ``PUT /api/v1/clusters/{id}/ties/{tie}/
    dates``)."""
    values = await _form(request, ("since", "until"))
    with cluster_form(request, cluster_id, kind="tie", key=cluster_id, action="update") as work:
        try:
            records.set_tie_dates(
                work.db,
                work.access,
                cluster_id,
                tie_id,
                since=values["since"] or None,
                until=values["until"] or None,
            )
            work.db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except NotFoundError:
            return not_found(request)
        except DataValidationError as error:
            values["tie"] = tie_id
            return _refused(request, work, "tie", values, error, ("since", "until"))
    return saved_redirect(f"/clusters/{cluster_id}/records")


# --- the "from records" section of the KPI page ------------------------------------------------


def _bars(counts: Mapping[str, int]) -> list[dict[str, Any]]:
    # Bars of an SVG chart drawn by the template (no script, no inline style: the page's CSP).
    top = max(counts.values(), default=0) or 1
    return [
        {"name": name, "count": count, "width": round(100 * count / top, 1)}
        for name, count in counts.items()
    ]


def records_section(
    db: Session, cluster_id: str, period: str, previous: str, lang: str
) -> dict[str, Any]:
    """The context of the KPI page's "from records" section: the standard KPIs of ``period``
    computed from the records beside the typed values (flagged when they disagree), the change
    since ``previous``, and the breakdowns as bar charts; an ``error`` when a period is not
    one or the stored records disagree. Nothing when ``period`` is empty."""
    if not period:
        return {"records_period": "", "records_previous": previous}
    _ = translations(lang).gettext
    shown: dict[str, Any] = {"records_period": period, "records_previous": previous}
    try:
        chosen = parse_period(period)
        before = parse_period(previous) if previous else None
        computed = records.records_kpis(db, cluster_id, chosen, previous=before)
    except InvalidParameterError:
        return {**shown, "records_error": _(_HINTS["period"])}
    except DataValidationError as error:
        return {**shown, "records_error": error_words(error, lang)}
    rows = records.compare_with_typed(db, cluster_id, computed)
    for row in rows:
        row["label"] = label(row["kpi"], lang)
        row["rule_text"] = _(RULE_NAMES[row["kpi"]])
    charts = [
        {"title": _(BREAKDOWN_NAMES[name]), "bars": _bars(counts)}
        for name, counts in computed.breakdowns.items()
        if counts
    ]
    return {
        **shown,
        "records_rows": rows,
        "records_charts": charts,
        "records_shown": computed.period.text,
        "records_before": before.text if before else "",
    }
