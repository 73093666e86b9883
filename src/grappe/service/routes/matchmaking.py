"""``/clusters/{id}/needs``, ``/capabilities`` and ``/matches``: a cluster's matchmaking.

Needs and capabilities are read by any token (firms' needs are not public data) and written by
admins and the cluster's managers (:data:`grappe.registry.permissions.RULES`). A POST to
``/matches`` runs :func:`grappe.matchmaking.match` on the live records and stores the run.
"""

# No ``from __future__ import annotations``: the routes of both sides are made by one function
# whose annotations must be the classes themselves for FastAPI to read them.

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Path, Query, UploadFile, status
from pydantic import BaseModel

from grappe.io.assess import read_firms_bytes
from grappe.registry import matchmaking as mm
from grappe.registry.models import Cluster, MatchRun
from grappe.registry.repositories import get
from grappe.service.deps import Caller, SessionDep, caller, ensure_allowed
from grappe.service.errors import ApiError
from grappe.service.schemas import (
    CapabilityCreate,
    CapabilityPublic,
    CapabilityUpdate,
    ListOf,
    MatchRunCreate,
    MatchRunPublic,
    MatchRunSummary,
    NeedCreate,
    NeedPublic,
    NeedUpdate,
    RowId,
)

router = APIRouter(prefix="/clusters", tags=["matchmaking"])

#: Largest needs or capabilities file accepted, in bytes.
MAX_UPLOAD = 10 * 2**20

RecordKey = Annotated[str, Path(max_length=64)]
#: Reads need a token of any role: firms' needs and capacities are not public data.
_TOKEN = [Depends(caller)]


def _public(record: Any, model: type[BaseModel]) -> Any:
    return model.model_validate(
        {
            **mm.record_values(record),
            "updated_by": record.updated_by,
            "updated_at": record.updated_at,
            "deleted": record.deleted_at is not None,
        }
    )


def _add_side_routes(
    side: str, create: type[BaseModel], update: type[BaseModel], public: type[BaseModel]
) -> None:
    spec = mm.SIDES[side]
    what = spec.kind

    @router.get(
        f"/{{cluster_id}}/{side}",
        summary=f"A cluster's {side} (any token)",
        name=f"list_{side}",
        dependencies=_TOKEN,
    )
    def list_records(
        session: SessionDep,
        cluster_id: str,
        deleted: Annotated[bool, Query(description="Include withdrawn records.")] = False,
    ) -> ListOf[public]:  # type: ignore[valid-type]
        get(session, Cluster, cluster_id, what="cluster")
        rows = mm.list_records(session, cluster_id, side, deleted=deleted)
        return ListOf[public](data=[_public(r, public) for r in rows], count=len(rows))  # type: ignore[valid-type]

    @router.get(
        f"/{{cluster_id}}/{side}/{{key}}",
        summary=f"One {what} (any token)",
        name=f"read_{what}",
        dependencies=_TOKEN,
    )
    def read_record(session: SessionDep, cluster_id: str, key: RecordKey) -> public:  # type: ignore[valid-type]
        return _public(mm.get_record(session, cluster_id, side, key, deleted=True), public)

    @router.post(
        f"/{{cluster_id}}/{side}",
        status_code=status.HTTP_201_CREATED,
        summary=f"Add a {what} (admin or the cluster's manager)",
        name=f"create_{what}",
    )
    def create_record(
        session: SessionDep,
        token: Caller,
        cluster_id: str,
        body: create,  # type: ignore[valid-type]
    ) -> public:  # type: ignore[valid-type]
        """Checked like a row of the file (same messages); 422 names the field."""
        values = body.model_dump()
        who = ensure_allowed(
            token, "create", what, f"{cluster_id}/{values[spec.key]}", scope={cluster_id}
        )
        return _public(mm.create_record(session, cluster_id, side, values, who=who), public)

    @router.post(
        f"/{{cluster_id}}/{side}/file",
        summary=f"Store a {side} CSV file (admin or the cluster's manager)",
        name=f"upload_{side}",
    )
    def upload_records(
        session: SessionDep,
        token: Caller,
        cluster_id: str,
        file: Annotated[UploadFile, File(description=f"A {side} CSV file, header line first.")],
    ) -> dict[str, int]:
        """Each row is created or corrected (records not in the file are left alone), all or
        nothing; an invalid file answers 422 with each row's issue, as ``grappe match`` reads
        it. The answer counts ``rows``, ``created``, ``updated``, ``unchanged``."""
        who = ensure_allowed(token, "create", what, f"{cluster_id}/*", scope={cluster_id})
        data = file.file.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise ApiError(413, "too_large", f"The file is larger than {MAX_UPLOAD} bytes.")
        get(session, Cluster, cluster_id, what="cluster")  # 404 before the file's issues
        table = read_firms_bytes(data, side=side, name=file.filename or f"{side}.csv")
        return mm.store_firms(session, cluster_id, side, table, who=who)

    @router.patch(
        f"/{{cluster_id}}/{side}/{{key}}",
        summary=f"Correct a {what} (admin or the cluster's manager)",
        name=f"update_{what}",
    )
    def update_record(
        session: SessionDep,
        token: Caller,
        cluster_id: str,
        key: RecordKey,
        body: update,  # type: ignore[valid-type]
    ) -> public:  # type: ignore[valid-type]
        changes = body.model_dump(exclude_unset=True)
        who = ensure_allowed(
            token, "update", what, f"{cluster_id}/{key}", scope={cluster_id}, fields=list(changes)
        )
        return _public(mm.update_record(session, cluster_id, side, key, changes, who=who), public)

    @router.delete(
        f"/{{cluster_id}}/{side}/{{key}}",
        status_code=status.HTTP_204_NO_CONTENT,
        summary=f"Withdraw a {what} (soft delete; admin or the cluster's manager)",
        name=f"delete_{what}",
    )
    def delete_record(session: SessionDep, token: Caller, cluster_id: str, key: RecordKey) -> None:
        who = ensure_allowed(token, "delete", what, f"{cluster_id}/{key}", scope={cluster_id})
        mm.delete_record(session, cluster_id, side, key, who=who)


_add_side_routes("needs", NeedCreate, NeedUpdate, NeedPublic)
_add_side_routes("capabilities", CapabilityCreate, CapabilityUpdate, CapabilityPublic)


def _summary(run: MatchRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "cluster_id": run.cluster_id,
        "created_at": run.created_at,
        "created_by": run.created_by,
        "parameters": run.parameters,
        "needs": run.needs,
        "capabilities": run.capabilities,
        "count": len(run.matches),
    }


@router.post(
    "/{cluster_id}/matches",
    status_code=status.HTTP_201_CREATED,
    summary="Run the matchmaking and store the run (admin or the cluster's manager)",
)
def run_matches(
    session: SessionDep, token: Caller, cluster_id: str, body: MatchRunCreate
) -> MatchRunPublic:
    """Match the cluster's live needs with its live capabilities (the options of
    ``grappe match``); the answer is the stored run, dated, with the ranked matches."""
    who = ensure_allowed(token, "create", "match_run", cluster_id, scope={cluster_id})
    run = mm.run_matches(session, cluster_id, who=who, **body.model_dump())
    return MatchRunPublic(**_summary(run), matches=run.matches)


@router.get(
    "/{cluster_id}/matches",
    summary="A cluster's match runs, newest first (any token)",
    dependencies=_TOKEN,
)
def list_runs(session: SessionDep, cluster_id: str) -> ListOf[MatchRunSummary]:
    get(session, Cluster, cluster_id, what="cluster")
    runs = mm.list_runs(session, cluster_id)
    return ListOf[MatchRunSummary](
        data=[MatchRunSummary(**_summary(r)) for r in runs], count=len(runs)
    )


@router.get(
    "/{cluster_id}/matches/{run_id}",
    summary="One match run with its matches (any token)",
    dependencies=_TOKEN,
)
def read_run(session: SessionDep, cluster_id: str, run_id: RowId) -> MatchRunPublic:
    run = mm.get_run(session, cluster_id, run_id)
    return MatchRunPublic(**_summary(run), matches=run.matches)
