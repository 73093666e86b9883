"""``/actors`` and ``/ties``: the actor network; public read, writes by admins and managers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from sqlalchemy import select

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.network.records import check_actor, check_tie
from grappe.registry import repositories as repo
from grappe.registry.models import Actor, Cluster, Membership, Region, Tie
from grappe.service.deps import Caller, SessionDep, ensure_allowed
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import ActorCreate, ActorPublic, ListOf, TieCreate, TiePublic

router = APIRouter(tags=["network"])


def checked(check: Callable[..., Any], record: dict[str, Any]) -> dict[str, Any]:
    """The record as the network kernel reads it; 422 with the kernel's messages if refused."""
    values, issues = check(record)
    if issues:
        raise DataValidationError(issues)
    return values


@router.get("/actors", summary="List actors")
def list_actors(
    session: SessionDep,
    cluster: Annotated[str | None, Query(max_length=64, description="Members of it.")] = None,
    sphere: Annotated[str | None, Query(max_length=32)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> ListOf[ActorPublic]:
    rows, count = repo.list_actors(
        session, cluster=cluster, sphere=sphere, limit=limit, offset=offset
    )
    return ListOf[ActorPublic](data=[ActorPublic.model_validate(r) for r in rows], count=count)


@router.get("/actors/{actor_id}", summary="One actor")
def read_actor(session: SessionDep, actor_id: str) -> ActorPublic:
    return ActorPublic.model_validate(repo.get(session, Actor, actor_id, what="actor"))


@router.post("/actors", status_code=status.HTTP_201_CREATED, summary="Create an actor")
def create_actor(session: SessionDep, token: Caller, body: ActorCreate) -> ActorPublic:
    """Admins create any actor; a manager creates members of the clusters it manages."""
    scope = {body.cluster_id} if body.cluster_id is not None else set()
    who = ensure_allowed(token, "create", "actor", body.id, scope=scope)
    if body.cluster_id is not None:
        repo.get(session, Cluster, body.cluster_id, what="cluster")
    if session.get(Actor, body.id) is not None:
        raise InvalidParameterError(
            f"The 'id' parameter of create_actor must be a new actor id. Got {body.id!r} instead, "
            "which is already used."
        )
    if body.region_id is not None:
        repo.get(session, Region, body.region_id, what="region")
    record = checked(check_actor, body.model_dump(exclude={"cluster_id"}))
    actor = Actor(**record)
    session.add(actor)
    if body.cluster_id is not None:
        session.add(Membership(cluster_id=body.cluster_id, actor_id=body.id))
    session.flush()
    repo.audit(session, who, "create", "actor", body.id, after=record)
    if body.cluster_id is not None:
        membership = {"cluster_id": body.cluster_id, "actor_id": body.id, "role": None}
        key = f"{body.cluster_id}/{body.id}"
        repo.audit(session, who, "create", "membership", key, after=membership)
    return ActorPublic.model_validate(actor)


@router.get("/ties", summary="List ties")
def list_ties(
    session: SessionDep,
    cluster: Annotated[
        str | None, Query(max_length=64, description="Ties among its members.")
    ] = None,
    type: Annotated[str | None, Query(max_length=64)] = None,  # noqa: A002
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    offset: Offset = 0,
) -> ListOf[TiePublic]:
    rows, count = repo.list_ties(session, cluster=cluster, type=type, limit=limit, offset=offset)
    return ListOf[TiePublic](data=[TiePublic.model_validate(r) for r in rows], count=count)


def _clusters_of(session: SessionDep, actor_id: str) -> set[str]:
    return set(
        session.scalars(select(Membership.cluster_id).where(Membership.actor_id == actor_id))
    )


@router.post("/ties", status_code=status.HTTP_201_CREATED, summary="Create a tie")
def create_tie(session: SessionDep, token: Caller, body: TieCreate) -> TiePublic:
    """Admins create any tie; a manager, ties whose two ends are members of a cluster it manages."""
    values = checked(check_tie, body.model_dump())
    body = TieCreate.model_construct(**values)
    repo.get(session, Actor, body.source, what="actor")
    repo.get(session, Actor, body.target, what="actor")
    key = f"{body.source}/{body.target}/{body.type}"
    shared = _clusters_of(session, body.source) & _clusters_of(session, body.target)
    who = ensure_allowed(token, "create", "tie", key, scope=shared)
    existing = session.scalar(
        select(Tie).where(
            Tie.source == body.source, Tie.target == body.target, Tie.type == body.type
        )
    )
    if existing is not None:
        raise InvalidParameterError(
            "The 'body' parameter of create_tie must describe a new tie. Got "
            f"{body.source!r} → {body.target!r} ({body.type!r}) instead, which exists."
        )
    tie = Tie(**values)
    session.add(tie)
    session.flush()
    repo.audit(session, who, "create", "tie", key, after=values)
    return TiePublic.model_validate(tie)
