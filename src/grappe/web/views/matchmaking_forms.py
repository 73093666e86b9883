"""``/clusters/<id>/matchmaking``: large firms' needs and SMEs' capabilities entered, corrected
and withdrawn in forms, and "Find matches": a stored run of ranked matches with their reasons.

The registry does the work, as for the API (``/api/v1/clusters/<id>/needs``, ``/capabilities``,
``/matches``): :func:`grappe.registry.matchmaking.create_record`, ``update_record`` and
``delete_record`` check each record with the checks of the needs and capabilities files, and
:func:`grappe.registry.matchmaking.run_matches` runs :func:`grappe.matchmaking.match` and stores
the run. Rights: :func:`grappe.registry.permissions.refusal` for ``need``, ``capability`` and
``match_run`` (admins and the cluster's managers; a member is refused: a need or capability
names a firm, not one of the registry's actors, so there is no record of "his own" to allow).

Reasons are built from the components the run stored (process overlap, materials covered,
certifications, capacity, distance, same cluster), so they read in the page's language; the
kernel's English sentence is the API's.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.registry import matchmaking as mm
from grappe.registry.models import Cluster, MatchRun
from grappe.web.i18n import format_number, format_share, translations
from grappe.web.render import language, page
from grappe.web.views._common import N_, not_found
from grappe.web.views._forms import cluster_context, cluster_form, saved_redirect

router = APIRouter(include_in_schema=False)

Side = Annotated[str, Path(pattern="^(needs|capabilities)$")]
RecordKey = Annotated[str, Path(max_length=64)]

#: Each side's fields in the form, with their labels (the kernel's columns, ``cluster`` last).
_LABELS: dict[str, dict[str, str]] = {
    "needs": {
        "need_id": N_("Need id"),
        "firm": N_("Large firm"),
        "processes": N_("Processes asked"),
        "materials": N_("Materials"),
        "certifications": N_("Certifications required"),
        "capacity": N_("Capacity needed (units per period)"),
        "lat": N_("Latitude"),
        "lon": N_("Longitude"),
        "cluster": N_("Cluster code of the firm"),
    },
    "capabilities": {
        "firm_id": N_("SME id"),
        "name": N_("SME"),
        "processes": N_("Processes offered"),
        "materials": N_("Materials worked"),
        "certifications": N_("Certifications held"),
        "capacity": N_("Capacity (units per period)"),
        "lat": N_("Latitude"),
        "lon": N_("Longitude"),
        "cluster": N_("Cluster code of the firm"),
    },
}
_CODES = ("processes", "materials", "certifications")

#: The message shown next to a field the checks refuse (by the kernel's column; ``key`` is the
#: id, ``label`` the firm's name).
_ERRORS = {
    "key": N_("Give an id: a letter or digit, then letters, digits, . _ : - (64 at most)."),
    "used": N_("This id is already used in the cluster: correct that record, or choose another."),
    "label": N_("Give the firm's name (200 characters at most, on one line)."),
    "codes": N_("Codes separated by ; (100 characters each at most, on one line)."),
    "lat": N_("Give the latitude in degrees, a number between -90 and 90."),
    "lon": N_("Give the longitude in degrees, a number between -180 and 180."),
    "capacity": N_("The capacity: a number ≥ 0 (units per period), or nothing."),
    "cluster": N_("The cluster code: letters, digits, . _ : - (64 at most), or nothing."),
}
_RUN_ERRORS = {
    "top": N_("Keep a whole number of matches per need, from 1 to 100, or nothing for all."),
    "max_km": N_("The farthest distance: a number of km ≥ 0, or nothing for no limit."),
    "certifications": N_("Choose how missing certifications count."),
    "run": N_("Record at least one need and one capability before looking for matches."),
}
_CERTIFICATION_RULES = (
    ("penalty", N_("They lower the score")),
    ("require", N_("They exclude the SME")),
)

# The API's shapes of ids, names and codes (grappe.service.schemas), which the record checks of
# the files leave to the API's schema: the page checks them itself to refuse what the database
# columns cannot hold.
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
_CONTROL = re.compile(r"[\x00-\x1f]")


def _shape_errors(side: str, values: dict[str, str], *, new: bool) -> dict[str, str]:
    """Field → msgid of the shapes the API's schema checks (id, name, codes, cluster code)."""
    spec = mm.SIDES[side]
    errors = {}
    if new and not _KEY.match(values[spec.key].strip()):
        errors[spec.key] = _ERRORS["key"]
    name = values[spec.label].strip()
    if not name or len(name) > 200 or _CONTROL.search(name):
        errors[spec.label] = _ERRORS["label"]
    for column in _CODES:
        codes = values[column]
        if (
            len(codes) > 2000
            or _CONTROL.search(codes)
            or any(len(c) > 100 for c in mm.split_codes(codes))
        ):
            errors[column] = _ERRORS["codes"]
    cluster = values["cluster"].strip()
    if cluster and not _KEY.match(cluster):
        errors["cluster"] = _ERRORS["cluster"]
    return errors


def _checked_errors(side: str, error: DataValidationError) -> dict[str, str]:
    """Field → msgid of the issues of the record checks (numbers, an empty id)."""
    key = mm.SIDES[side].key
    return {
        i.column: _ERRORS["key"] if i.column == key else _ERRORS[i.column]
        for i in error.issues
        if i.column in (key, "lat", "lon", "capacity")
    } or {key: _ERRORS["key"]}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, float):
        return format(value, ".15g")
    return str(value)


def _form_values(record: Any) -> dict[str, str]:
    return {column: _text(value) for column, value in mm.record_values(record).items()}


# Babel's formatting is the page's main cost (a run shows 5 numbers per match): the shares
# shown to 0.1 % and the whole km take few distinct values, so each is formatted once.
@functools.lru_cache(maxsize=4096)
def _share_text(value: float, lang: str) -> str:
    return format_share(value, lang)


@functools.lru_cache(maxsize=4096)
def _km_text(km: int, lang: str) -> str:
    return format_number(km, lang)


def _reasons(row: dict[str, Any], lang: str) -> list[str]:
    """The reasons of one stored match in ``lang``, numbers in its conventions."""
    _ = translations(lang).gettext
    share = lambda key: _share_text(round(row[key], 3), lang)  # noqa: E731
    reasons = [
        _(N_("Processes in common: %(share)s")) % {"share": share("process")},
        _(N_("Materials covered: %(share)s")) % {"share": share("material")},
        _(N_("Holds every certification required"))
        if not row["missing_certifications"]
        else _(N_("Missing certifications: %(codes)s")) % {"codes": row["missing_certifications"]},
        _(N_("Capacity covers %(share)s of the need")) % {"share": share("capacity")},
        _(N_("%(km)s km away")) % {"km": _km_text(round(row["distance_km"]), lang)},
    ]
    if row["cluster"]:
        reasons.append(_(N_("Same cluster")))
    return reasons


def _run_view(run: MatchRun | None, lang: str) -> list[dict[str, Any]]:
    """The run's matches grouped by need, in the kernel's order (need, then rank)."""
    groups: list[dict[str, Any]] = []
    for row in [] if run is None else run.matches:
        if not groups or groups[-1]["need_id"] != row["need_id"]:
            groups.append({"need_id": row["need_id"], "firm": row["firm"], "matches": []})
        groups[-1]["matches"].append({**row, "reasons": _reasons(row, lang)})
    return groups


def _matchmaking_page(
    request: Request, db: Session, cluster: Cluster, *,
    values: dict[str, dict[str, str]] | None = None,
    errors: dict[str, dict[str, str]] | None = None, editing: dict[str, str] | None = None,
    status: int = 200,
) -> Response:  # fmt: skip
    """The page; ``values``, ``errors`` and ``editing`` (side → key) are by side (and ``run``
    for the options of "Find matches"), the errors as msgids, translated here."""
    lang = language(request)
    _ = translations(lang).gettext
    # The list names the runs (id, date); only the run shown is loaded with its matches.
    runs = db.execute(
        select(MatchRun.id, MatchRun.created_at)
        .where(MatchRun.cluster_id == cluster.id)
        .order_by(MatchRun.id.desc())
    ).all()
    asked = request.query_params.get("run", "")
    if asked and not (asked.isdigit() and int(asked) <= 2**31 - 1):  # the ids' column range
        return not_found(request)
    shown = None
    if asked or runs:
        try:
            shown = mm.get_run(db, cluster.id, int(asked) if asked else runs[0].id)
        except NotFoundError:
            return not_found(request)
    editing = dict(editing or {})
    asked_edit = request.query_params.get("edit", "")
    if not editing and ":" in asked_edit:
        side, key = asked_edit.split(":", 1)
        if side not in mm.SIDES:
            return not_found(request)
        try:
            record = mm.get_record(db, cluster.id, side, key)
        except NotFoundError:
            return not_found(request)
        editing[side] = key
        values = {**(values or {}), side: _form_values(record)}
    sides = [
        {
            "side": side,
            "fields": [(c, _(label)) for c, label in _LABELS[side].items()],
            "key": mm.SIDES[side].key,
            "label": mm.SIDES[side].label,
            "rows": [_form_values(r) for r in mm.list_records(db, cluster.id, side)],
            "sent": (values or {}).get(side, {}),
            "errors": {f"{side}-{c}": _(m) for c, m in (errors or {}).get(side, {}).items()},
            "editing": editing.get(side),
        }
        for side in mm.SIDES
    ]
    return page(
        request,
        "matchmaking.html",
        {**cluster_context(request, cluster),
         "sides": sides, "runs": runs, "run": shown, "groups": _run_view(shown, lang),
         "run_values": (values or {}).get("run", {}),
         "run_errors": {c: _(m) for c, m in (errors or {}).get("run", {}).items()},
         "certification_rules": [(k, _(t)) for k, t in _CERTIFICATION_RULES],
         "failed": bool(errors), "saved": request.query_params.get("saved") == "1"},
        status=status,
    )  # fmt: skip


def _page_url(cluster_id: str) -> str:
    return f"/clusters/{quote(cluster_id, safe='')}/matchmaking"


@router.get("/clusters/{cluster_id}/matchmaking", response_class=HTMLResponse)
def matchmaking_page(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="need", key=cluster_id) as work:
        return _matchmaking_page(request, work.db, work.cluster)


def _run_options(form: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The options of :func:`grappe.registry.matchmaking.run_matches` from the form, and the
    errors (field → msgid) of those the page cannot read."""
    options: dict[str, Any] = {"same_cluster_only": bool(form.get("same_cluster_only"))}
    errors = {}
    top = form.get("top", "").strip()
    if not top:
        options["top"] = None
    elif top.isdigit() and 1 <= int(top) <= 100:
        options["top"] = int(top)
    else:
        errors["top"] = _RUN_ERRORS["top"]
    far = form.get("max_km", "").strip().replace(",", ".")
    try:
        options["max_km"] = float(far) if far else None
    except ValueError:
        errors["max_km"] = _RUN_ERRORS["max_km"]
    else:
        if options["max_km"] is not None and not (0 <= options["max_km"] < math.inf):
            errors["max_km"] = _RUN_ERRORS["max_km"]
    options["certifications"] = form.get("certifications", "")
    if options["certifications"] not in dict(_CERTIFICATION_RULES):
        errors["certifications"] = _RUN_ERRORS["certifications"]
    return options, errors


@router.post("/clusters/{cluster_id}/matchmaking/run", response_class=HTMLResponse)
async def find_matches(request: Request, cluster_id: str) -> Response:
    """Match the live needs with the live capabilities and store the run; show it."""
    form = {k: str(v) for k, v in (await request.form()).items() if k != "csrf_token"}
    with cluster_form(request, cluster_id, kind="match_run", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        options, errors = _run_options(form)
        if not errors:
            try:
                run = mm.run_matches(db, cluster_id, who=work.access, **options)
                db.commit()
                return RedirectResponse(f"{_page_url(cluster_id)}?run={run.id}#matches",
                                        status_code=303)  # fmt: skip
            except InvalidParameterError:  # no needs or no capabilities
                db.rollback()
                errors = {"run": _RUN_ERRORS["run"]}
        return _matchmaking_page(request, db, cluster, values={"run": form},
                                 errors={"run": errors}, status=400)  # fmt: skip


async def _sent(request: Request, side: str) -> dict[str, str]:
    form = await request.form()
    return {c: str(form.get(f"{side}-{c}", "")) for c in _LABELS[side]}


@router.post("/clusters/{cluster_id}/matchmaking/{side}", response_class=HTMLResponse)
async def add_record(request: Request, cluster_id: str, side: Side) -> Response:
    """Create a need or capability (a withdrawn id comes back, as through the API)."""
    values = await _sent(request, side)
    kind = mm.SIDES[side].kind
    with cluster_form(request, cluster_id, kind=kind, key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        errors = _shape_errors(side, values, new=True)
        if not errors:
            try:
                mm.create_record(db, cluster_id, side, values, who=work.access)
                db.commit()
                return saved_redirect(_page_url(cluster_id))
            except DataValidationError as error:
                errors = _checked_errors(side, error)
            except InvalidParameterError:  # the id of a live record
                errors = {mm.SIDES[side].key: _ERRORS["used"]}
            db.rollback()
        return _matchmaking_page(request, db, cluster, values={side: values},
                                 errors={side: errors}, status=400)  # fmt: skip


@router.post("/clusters/{cluster_id}/matchmaking/{side}/{key}", response_class=HTMLResponse)
async def correct_record(request: Request, cluster_id: str, side: Side, key: RecordKey) -> Response:
    """Correct a need or capability (its id stays; the whole record is checked again)."""
    spec = mm.SIDES[side]
    values = {**await _sent(request, side), spec.key: key}
    with cluster_form(request, cluster_id, kind=spec.kind, key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        try:
            mm.get_record(db, cluster_id, side, key)
        except NotFoundError:
            return not_found(request)
        errors = _shape_errors(side, values, new=False)
        if not errors:
            changes = {c: v for c, v in values.items() if c != spec.key}
            try:
                mm.update_record(db, cluster_id, side, key, changes, who=work.access)
                db.commit()
                return saved_redirect(_page_url(cluster_id))
            except DataValidationError as error:
                errors = _checked_errors(side, error)
            db.rollback()
        return _matchmaking_page(request, db, cluster, values={side: values},
                                 errors={side: errors}, editing={side: key},
                                 status=400)  # fmt: skip


@router.post("/clusters/{cluster_id}/matchmaking/{side}/{key}/delete", response_class=HTMLResponse)
def withdraw_record(request: Request, cluster_id: str, side: Side, key: RecordKey) -> Response:
    """Withdraw a need or capability (soft delete: the runs that matched it still show it)."""
    with cluster_form(request, cluster_id, kind=mm.SIDES[side].kind, key=cluster_id) as work:
        try:
            mm.delete_record(work.db, cluster_id, side, key, who=work.access)
        except NotFoundError:
            return not_found(request)
        work.db.commit()
    return saved_redirect(_page_url(cluster_id))
