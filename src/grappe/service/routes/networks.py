"""A cluster's actor network: store a survey wave, read it, correct and delete actors and ties,
run and read stored diagnoses (background jobs), compare two waves.

Writes are role-checked by :func:`grappe.service.deps.ensure_allowed` with the rules of
:data:`grappe.registry.permissions.RULES` (``network``, ``actor``, ``tie``, ``diagnosis``);
values are checked by the kernel (:func:`grappe.network.build_network`), so the API refuses what
``grappe network diagnose`` refuses, with the same message (422 naming the field).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import pandas as pd
from fastapi import (
    APIRouter,
    BackgroundTasks,
    File,
    Form,
    Query,
    Request,
    UploadFile,
    status,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grappe.errors import NotFoundError
from grappe.io.network import read_network_bytes
from grappe.network.model import build_network
from grappe.registry import network_diagnoses as diag
from grappe.registry import network_edits as edits
from grappe.registry import networks as nets
from grappe.registry import repositories as repo
from grappe.registry.database import session_scope
from grappe.registry.models import Actor, Cluster, Membership, NetworkDiagnosis, SurveyWave, Tie
from grappe.service.deps import Caller, OptionalCaller, SessionDep, ensure_allowed
from grappe.service.errors import ApiError
from grappe.service.jobs import JobBoard, JobProgress
from grappe.service.routes._common import Limit, Offset
from grappe.service.routes.clusters import _visible
from grappe.service.schemas import (
    DiagnosisCreate,
    DiagnosisPublic,
    Lang,
    ListOf,
    NetworkActorPublic,
    NetworkActorUpdate,
    NetworkPublic,
    NetworkStore,
    NetworkTiePublic,
    NetworkTieUpdate,
    Origin,
    RowId,
    StoreReportPublic,
    SurveyWavePublic,
    WaveChangePublic,
)

router = APIRouter(tags=["network"])


def _board(request: Request) -> JobBoard:
    # One board per app for the diagnosis jobs (ids of their own table, apart from imports').
    board: JobBoard | None = getattr(request.app.state, "diagnosis_jobs", None)
    if board is None:
        board = request.app.state.diagnosis_jobs = JobBoard()
    return board


@router.get("/clusters/{cluster_id}/network", summary="A cluster's actor network")
def read_network(
    session: SessionDep,
    token: OptionalCaller,
    cluster_id: str,
    wave: Annotated[str | None, Query(max_length=64, description="One wave only.")] = None,
) -> NetworkPublic:
    """The stored network as :func:`grappe.registry.networks.load_network` returns it (deleted
    actors and ties left out). Respondent pseudonyms are shown to callers with a token only."""
    _visible(session, token, cluster_id)
    net = nets.load_network(session, cluster_id, wave=wave)
    ids = _tie_ids(session, cluster_id)
    actor_cols = ("id", "name", "sphere", "level", "ownership", "size", "member", "waves")
    actors = []
    for rec in net.actors.astype(object).where(net.actors.notna(), None).to_dict("records"):
        base = {k: rec[k] for k in actor_cols}
        base["attributes"] = {k: v for k, v in rec.items() if k not in actor_cols}
        actors.append(NetworkActorPublic(**base))
    ties = []
    for rec in net.ties.astype(object).where(net.ties.notna(), None).to_dict("records"):
        key = (rec["source"], rec["target"], rec["type"], rec["wave"])
        row = ids.get(key)
        ties.append(
            NetworkTiePublic(
                **{k: rec[k] for k in ("source", "target", "type", "strength", "directed",
                                       "wave", "evidence", "confidence", "reports")},
                id=None if row is None else row.id,
                origin=None if row is None else row.origin,
                respondent=rec["respondent"] if token is not None else None,
            )
        )  # fmt: skip
    waves = session.scalars(
        select(SurveyWave).where(SurveyWave.cluster_id == cluster_id).order_by(SurveyWave.id)
    )
    return NetworkPublic(
        cluster_id=cluster_id,
        name=net.name,
        source=net.source,
        strength_scale=net.strength_scale,
        waves=[SurveyWavePublic.model_validate(w) for w in waves],
        actors=actors,
        ties=ties,
    )


def _tie_ids(session: Session, cluster_id: str) -> dict[tuple[Any, ...], Tie]:
    query = (
        select(Tie, SurveyWave.label)
        .outerjoin(SurveyWave, SurveyWave.id == Tie.wave_id)
        .where(Tie.deleted_at.is_(None))
        .where((Tie.cluster_id == cluster_id) | Tie.cluster_id.is_(None))
        .order_by(Tie.cluster_id.is_not(None), Tie.id)  # the cluster's own rows win
    )
    return {(t.source, t.target, t.type, label): t for t, label in session.execute(query)}


@router.put("/clusters/{cluster_id}/network", summary="Store the network or a survey wave of it")
def store_network(
    session: SessionDep, token: Caller, cluster_id: str, body: NetworkStore
) -> StoreReportPublic:
    """Validate the actors and ties with :func:`grappe.network.build_network` (422 naming the
    row and column of the first problem, the kernel's message) and store them as the network of
    the cluster (:func:`grappe.registry.networks.store_network`): the ties of each wave replace
    the stored ties of that wave (missing ones are soft-deleted). Storing the same body again
    changes nothing. Admins and the cluster's managers."""
    who = ensure_allowed(token, "create", "network", cluster_id, scope={cluster_id})
    repo.get(session, Cluster, cluster_id, what="cluster")
    actors = pd.DataFrame([a.model_dump(exclude_none=True) for a in body.actors])
    ties = pd.DataFrame(
        [t.model_dump(exclude_none=True) for t in body.ties],
        columns=["source", "target", "type"] if not body.ties else None,
    )
    net = build_network(
        actors, ties, directed=body.directed, strength_scale=body.strength_scale,
        name=body.name, source=body.source, actors_file="actors", ties_file="ties",
    )  # fmt: skip
    report = nets.store_network(
        session, net, cluster=cluster_id, wave=body.wave, date=body.date, origin=body.origin,
        who=who,
    )  # fmt: skip
    return StoreReportPublic(
        cluster=report.cluster, waves=list(report.waves), counts=report.counts,
        changes=report.changes,
    )  # fmt: skip


#: Largest uploaded actors or ties file, in bytes.
MAX_NETWORK_UPLOAD = 20 * 2**20


def _upload(file: UploadFile) -> bytes:
    data = file.file.read(MAX_NETWORK_UPLOAD + 1)
    if len(data) > MAX_NETWORK_UPLOAD:
        raise ApiError(413, "too_large", f"The file is larger than {MAX_NETWORK_UPLOAD} bytes.")
    return data


@router.post("/clusters/{cluster_id}/network/files",
             summary="Store the network from uploaded CSV or XLSX tables")  # fmt: skip
def store_network_files(
    session: SessionDep,
    token: Caller,
    cluster_id: str,
    actors: Annotated[UploadFile, File(description="Actors, CSV or XLSX: id,name,sphere,level…")],
    ties: Annotated[UploadFile, File(description="Ties, CSV or XLSX: source,target,type…")],
    wave: Annotated[str | None, Form(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")] = None,
    date: Annotated[dt.date | None, Form()] = None,
    origin: Annotated[Origin | None, Form()] = None,
    directed: Annotated[bool, Form()] = True,
) -> StoreReportPublic:
    """The files are read by :func:`grappe.io.network.read_network_bytes` — as ``grappe network
    store`` reads them: respondents pseudonymised with the server's ``GRAPPE_PSEUDONYM_SALT``
    (a random key without it) — and stored like ``PUT .../network``. Admins and the cluster's
    managers; 422 ``invalid_data`` names the file, row and column of each problem."""
    who = ensure_allowed(token, "create", "network", cluster_id, scope={cluster_id})
    repo.get(session, Cluster, cluster_id, what="cluster")
    net = read_network_bytes(
        _upload(actors), _upload(ties), directed=directed,
        actors_name=actors.filename or "actors.csv", ties_name=ties.filename or "ties.csv",
    )  # fmt: skip
    report = nets.store_network(
        session, net, cluster=cluster_id, wave=wave, date=date, origin=origin, who=who
    )
    return StoreReportPublic(
        cluster=report.cluster, waves=list(report.waves), counts=report.counts,
        changes=report.changes,
    )  # fmt: skip


@router.get("/clusters/{cluster_id}/network/waves", summary="Survey waves of a cluster")
def list_waves(
    session: SessionDep, token: OptionalCaller, cluster_id: str
) -> ListOf[SurveyWavePublic]:
    _visible(session, token, cluster_id)
    rows = list(
        session.scalars(
            select(SurveyWave).where(SurveyWave.cluster_id == cluster_id).order_by(SurveyWave.id)
        )
    )
    return ListOf[SurveyWavePublic](
        data=[SurveyWavePublic.model_validate(w) for w in rows], count=len(rows)
    )


def _actor_scope(session: Session, actor_id: str) -> set[str]:
    return set(
        session.scalars(select(Membership.cluster_id).where(Membership.actor_id == actor_id))
    )


def _live_actor(session: Session, actor_id: str) -> Actor:
    actor = repo.get(session, Actor, actor_id, what="actor")
    if actor.deleted_at is not None:
        raise ApiError(409, "conflict", f"The actor {actor_id!r} was deleted.")
    return actor


@router.patch("/actors/{actor_id}", summary="Correct an actor")
def update_actor(
    session: SessionDep, token: Caller, actor_id: str, body: NetworkActorUpdate
) -> NetworkActorPublic:
    """Admins, and managers of a cluster the actor is a member of. The sphere and level are
    checked by the kernel's vocabularies (422 with its message); 409 for a deleted actor."""
    changes = body.model_dump(exclude_unset=True)
    for key in ("name", "sphere", "level"):  # cannot be emptied
        if changes.get(key, 0) is None:
            del changes[key]
    repo.get(session, Actor, actor_id, what="actor")
    who = ensure_allowed(token, "update", "actor", actor_id,
                         scope=_actor_scope(session, actor_id), fields=sorted(changes))  # fmt: skip
    _live_actor(session, actor_id)
    actor = edits.update_actor(session, actor_id, changes, who=who)
    return NetworkActorPublic(
        id=actor.id, name=actor.name, sphere=actor.sphere or "", level=actor.level or "",
        ownership=actor.ownership, size=actor.size, member=True, waves=None,
        attributes=actor.attributes or {},
    )  # fmt: skip


@router.delete("/actors/{actor_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Delete an actor (soft; admin)")  # fmt: skip
def delete_actor(session: SessionDep, token: Caller, actor_id: str) -> None:
    """The actor and its ties leave every network; the rows stay for the audit trail and the
    diagnoses stored before. 409 when already deleted."""
    repo.get(session, Actor, actor_id, what="actor")
    who = ensure_allowed(token, "delete", "actor", actor_id,
                         scope=_actor_scope(session, actor_id))  # fmt: skip
    _live_actor(session, actor_id)
    edits.delete_actor(session, actor_id, who=who)


def _live_tie(session: Session, tie_id: RowId) -> Tie:
    tie = repo.get(session, Tie, tie_id, what="tie")
    if tie.deleted_at is not None:
        raise ApiError(409, "conflict", f"The tie {tie_id} was deleted.")
    return tie


def _tie_public(session: Session, tie: Tie) -> NetworkTiePublic:
    wave = session.get(SurveyWave, tie.wave_id) if tie.wave_id is not None else None
    record = nets.tie_record(tie)
    return NetworkTiePublic(
        **{k: record[k] for k in ("id", "source", "target", "type", "strength", "directed",
                                  "evidence", "confidence", "respondent", "reports", "origin")},
        wave=None if wave is None else wave.label,
    )  # fmt: skip


@router.patch("/ties/{tie_id}", summary="Correct a tie")
def update_tie(
    session: SessionDep, token: Caller, tie_id: RowId, body: NetworkTieUpdate
) -> NetworkTiePublic:
    """Admins, and managers of the tie's cluster. Checked by the kernel with the network's
    strength scale (422 with its message); 409 for a deleted tie."""
    changes = body.model_dump(exclude_unset=True)
    for key in ("type", "directed"):
        if changes.get(key, 0) is None:
            del changes[key]
    tie = repo.get(session, Tie, tie_id, what="tie")
    key = nets.tie_key(tie)
    who = ensure_allowed(token, "update", "tie", key, scope=nets.network_scope(session, tie),
                         fields=sorted(changes))  # fmt: skip
    _live_tie(session, tie_id)
    return _tie_public(session, edits.update_tie(session, tie_id, changes, who=who))


@router.delete("/ties/{tie_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Delete a tie of one wave (soft)")  # fmt: skip
def delete_tie(session: SessionDep, token: Caller, tie_id: RowId) -> None:
    """The tie leaves its wave; the same tie in other waves and the diagnoses stored before are
    untouched. Admins and managers of the tie's cluster; 409 when already deleted."""
    tie = repo.get(session, Tie, tie_id, what="tie")
    who = ensure_allowed(token, "delete", "tie", nets.tie_key(tie),
                         scope=nets.network_scope(session, tie))  # fmt: skip
    _live_tie(session, tie_id)
    edits.delete_tie(session, tie_id, who=who)


def _diagnosis_public(
    row: NetworkDiagnosis, board: JobBoard, *, lang: str | None = None
) -> DiagnosisPublic:
    record = diag.diagnosis_record(row, lang=lang)
    live = board.get(row.id)
    if row.status in ("succeeded", "failed") or live is None:
        done = 3 if row.status == "succeeded" else 0
        live = JobProgress(status=row.status, done=done, total=3)
    record.update(status=live.status, done=live.done, total=live.total, percent=live.percent)
    return DiagnosisPublic(**record)


def run_diagnosis_job(
    sessions: sessionmaker[Session], board: JobBoard, diagnosis_id: RowId
) -> None:
    """Run a queued diagnosis in its own transaction (:func:`grappe.registry.network_diagnoses.
    run_queued`: a failure is stored in the row with its message), its progress on ``board``."""
    board.update(diagnosis_id, status="running")

    def progress(_step: str, done: int, total: int) -> None:
        board.update(diagnosis_id, done=done, total=total)

    try:
        status = diag.run_queued(sessions, diagnosis_id, progress=progress)
    except BaseException:
        board.update(diagnosis_id, status="failed")
        raise
    if status == "succeeded":
        board.update(diagnosis_id, status="succeeded", done=3, total=3)
    else:
        board.update(diagnosis_id, status="failed")


@router.post("/clusters/{cluster_id}/network/diagnoses", status_code=status.HTTP_202_ACCEPTED,
             summary="Run a diagnosis of a stored wave (background job)")  # fmt: skip
def create_diagnosis(
    request: Request,
    background: BackgroundTasks,
    session: SessionDep,
    token: Caller,
    cluster_id: str,
    body: DiagnosisCreate,
) -> DiagnosisPublic:
    """Check the wave and options (422), record the diagnosis (``queued``) and run
    :func:`grappe.network.diagnose` in the background, as ``grappe network diagnose`` does on
    the same files (default: the last wave, compared with the one before). Follow it with
    ``GET .../diagnoses/{id}``. Admins, analysts and the cluster's managers."""
    repo.get(session, Cluster, cluster_id, what="cluster")
    who = ensure_allowed(token, "create", "diagnosis", cluster_id, scope={cluster_id})
    options = body.model_dump(exclude={"wave", "date"})
    # Recorded in its own committed transaction, so that the background job finds it.
    with session_scope(request.app.state.sessions) as own:
        row = diag.queue_diagnosis(own, cluster_id, wave=body.wave, date=body.date,
                                   options=options, who=who)  # fmt: skip
        board = _board(request)
        board.set(row.id, JobProgress(status="queued", done=0, total=3))
        answer = _diagnosis_public(row, board)
    background.add_task(run_diagnosis_job, request.app.state.sessions, board, answer.id)
    return answer


@router.get("/clusters/{cluster_id}/network/diagnoses", summary="Stored diagnoses (versions)")
def list_diagnoses(
    request: Request,
    session: SessionDep,
    token: OptionalCaller,
    cluster_id: str,
    wave: Annotated[str | None, Query(max_length=64)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ListOf[DiagnosisPublic]:
    """Newest version first; the results themselves with ``GET .../diagnoses/{id}``."""
    _visible(session, token, cluster_id, section="network")
    rows, count = diag.list_diagnoses(session, cluster_id, wave=wave, limit=limit, offset=offset)
    board = _board(request)
    return ListOf[DiagnosisPublic](data=[_diagnosis_public(r, board) for r in rows], count=count)


@router.get("/clusters/{cluster_id}/network/diagnoses/{diagnosis_id}",
            summary="One stored diagnosis: JSON and text")  # fmt: skip
def read_diagnosis(
    request: Request,
    session: SessionDep,
    token: OptionalCaller,
    cluster_id: str,
    diagnosis_id: RowId,
    lang: Annotated[Lang, Query(description="Language of the text.")] = "en",
) -> DiagnosisPublic:
    _visible(session, token, cluster_id, section="network")
    row = repo.get(session, NetworkDiagnosis, diagnosis_id, what="diagnosis")
    if row.cluster_id != cluster_id:
        raise NotFoundError(f"No diagnosis with id {diagnosis_id} for the cluster {cluster_id!r}.")
    return _diagnosis_public(row, _board(request), lang=lang)


@router.get("/clusters/{cluster_id}/network/change", summary="Change between two waves")
def read_change(
    session: SessionDep,
    token: OptionalCaller,
    cluster_id: str,
    before: Annotated[str, Query(max_length=64)],
    after: Annotated[str, Query(max_length=64)],
) -> WaveChangePublic:
    """Ties formed, dissolved and kept and actors entering and leaving
    (:func:`grappe.network.change.wave_change`) on the stored network."""
    _visible(session, token, cluster_id, section="network")
    return WaveChangePublic(**diag.compare_waves(session, cluster_id, before=before, after=after))
