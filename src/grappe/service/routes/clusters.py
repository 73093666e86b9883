"""``/clusters``: public read of published profiles; writes by admins and their managers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status
from sqlalchemy.orm import Session

from grappe.errors import NotFoundError
from grappe.registry import repositories as repo
from grappe.registry.models import ApiToken, Cluster
from grappe.service.deps import Caller, OptionalCaller, SessionDep, ensure_allowed
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import ClusterCreate, ClusterPublic, ClusterUpdate, ListOf

router = APIRouter(prefix="/clusters", tags=["clusters"])


@router.get("", summary="List clusters")
def list_clusters(
    session: SessionDep,
    token: OptionalCaller,
    q: Annotated[str | None, Query(max_length=100, description="Text in a name.")] = None,
    sector: Annotated[str | None, Query(max_length=64)] = None,
    region: Annotated[str | None, Query(max_length=64)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ListOf[ClusterPublic]:
    rows, count = repo.list_clusters(
        session,
        q=q,
        sector=sector,
        region=region,
        published_only=token is None,
        limit=limit,
        offset=offset,
    )
    return ListOf[ClusterPublic](data=[ClusterPublic.model_validate(r) for r in rows], count=count)


def _visible(
    session: Session, token: ApiToken | None, cluster_id: str, *, section: str | None = None
) -> Cluster:
    """The cluster, when the caller may read it (and its ``section`` of
    :data:`grappe.vocabulary.PROFILE_SECTIONS`, when given).

    A token holder reads every cluster; the public reads published clusters, and of them only
    the sections their manager publishes (``public_sections``)."""
    cluster = repo.get(session, Cluster, cluster_id, what="cluster")
    if token is not None:
        return cluster
    if not cluster.published:
        # Unpublished profiles do not exist for the public.
        raise NotFoundError(f"No cluster with id {cluster_id!r}.")
    if section is not None and section not in (cluster.public_sections or ()):
        raise NotFoundError(f"The cluster {cluster_id!r} does not publish its {section!r} section.")
    return cluster


@router.get("/{cluster_id}", summary="One cluster")
def read_cluster(session: SessionDep, token: OptionalCaller, cluster_id: str) -> ClusterPublic:
    return ClusterPublic.model_validate(_visible(session, token, cluster_id))


@router.post("", status_code=status.HTTP_201_CREATED, summary="Create a cluster (admin)")
def create_cluster(session: SessionDep, token: Caller, body: ClusterCreate) -> ClusterPublic:
    who = ensure_allowed(token, "create", "cluster", body.id, scope={body.id})
    cluster = repo.create_cluster(session, body.model_dump(), who=who)
    return ClusterPublic.model_validate(cluster)


@router.patch("/{cluster_id}", summary="Edit a cluster (admin or its manager)")
def update_cluster(
    session: SessionDep, token: Caller, cluster_id: str, body: ClusterUpdate
) -> ClusterPublic:
    changes = body.model_dump(exclude_unset=True)
    # Fields that cannot be empty are left as they are when sent as null.
    for key in ("name_en", "published", "regions", "public_sections"):
        if changes.get(key, 0) is None:
            del changes[key]
    who = ensure_allowed(
        token, "update", "cluster", cluster_id, scope={cluster_id}, fields=sorted(changes)
    )
    cluster = repo.update_cluster(session, cluster_id, changes, who=who)
    return ClusterPublic.model_validate(cluster)


@router.delete("/{cluster_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Delete (admin)")
def delete_cluster(session: SessionDep, token: Caller, cluster_id: str) -> None:
    who = ensure_allowed(token, "delete", "cluster", cluster_id, scope={cluster_id})
    repo.delete_cluster(session, cluster_id, who=who)
