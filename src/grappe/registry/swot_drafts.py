"""A SWOT drafted from what the registry holds about a cluster: its stored assessment versions
(the latest of each kind, or chosen ones) and the figures of its latest network diagnosis.

Shared by ``POST /api/v1/clusters/{id}/swots`` and the workspace's SWOT page, so that both draft
by the same rules (those of :func:`grappe.assess.draft_swot`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from grappe.assess import draft_swot, network_figures
from grappe.errors import NotFoundError
from grappe.registry import assessments as store
from grappe.registry.evaluations import store_swot
from grappe.registry.models import Cluster
from grappe.registry.network_diagnoses import latest_diagnosis
from grappe.registry.permissions import Access
from grappe.registry.repositories import get

__all__ = ["draft_cluster_swot"]


def draft_cluster_swot(
    session: Session,
    cluster_id: str,
    *,
    date: dt.date,
    who: str | Access,
    assessments: Sequence[int] | None = None,
    network: Mapping[str, float] | None = None,
) -> int:
    """Draft the cluster's SWOT from its stored results and store it; return its id.

    Strengths and weaknesses come from the scores of the assessment versions, opportunities and
    threats from the life cycle and the network figures.

    Parameters
    ----------
    session : Session
    cluster_id : str
    date : datetime.date
        The SWOT's date.
    who : str or Access
        Who drafts it (audited). Rights are checked by the caller.
    assessments : sequence of int, optional
        Version ids to draft from (default: the latest stored version of each kind).
    network : mapping, optional
        Network figures (default: those of the cluster's latest stored network diagnosis).

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``, or a chosen version that is not one of its live versions.
    """
    get(session, Cluster, cluster_id, what="cluster")
    if assessments is not None:
        chosen = [store.load_assessment(session, i) for i in assessments]
        wrong = [a.id for a in chosen if a.cluster_id != cluster_id or a.deleted]
        if wrong:
            raise NotFoundError(f"No assessment with id {wrong[0]!r} for cluster {cluster_id!r}.")
    else:
        latest: dict[str, store.StoredAssessment] = {}
        for a in store.list_assessments(session, cluster_id):
            latest[a.kind] = a
        chosen = list(latest.values())
    scores: dict[str, Any] = {}
    lifecycle = None
    for a in chosen:
        if a.kind == "lifecycle":
            lifecycle = a.result
        else:
            scores.update({f"{a.kind}:{k}" if k in scores else k: s
                           for k, s in a.result.scores.items()})  # type: ignore[union-attr]  # fmt: skip
    figures: dict[str, Any] | None = None if network is None else dict(network)
    sources: dict[str, Any] = {"assessments": [a.id for a in chosen]}
    if figures is None:  # the figures of the cluster's latest stored network diagnosis
        diagnosis = latest_diagnosis(session, cluster_id)
        if diagnosis is not None and diagnosis.result is not None:
            figures = network_figures(diagnosis.result)
            sources["network_diagnosis"] = diagnosis.id
    sources["network"] = figures
    swot = draft_swot(scores=scores, lifecycle=lifecycle, network=figures)  # type: ignore[arg-type]
    return store_swot(session, cluster_id, swot, date=date, who=who, sources=sources)
