"""The workspace's pages of one cluster, as the links its profile shows to those who may use
them: one table, :data:`WORKSPACE_PAGES`, so that a new page is one line here and its rule
is the one its form checks (:func:`grappe.registry.permissions.refusal`)."""

from __future__ import annotations

from typing import NamedTuple

from fastapi import Request

from grappe.registry.permissions import refusal
from grappe.web.auth import visitor
from grappe.web.i18n import translations

__all__ = ["WORKSPACE_PAGES", "WorkspacePage", "workspace_links"]


def N_(message: str) -> str:  # noqa: N802 (the gettext convention babel extracts)
    """Mark ``message`` for the catalogues; translated when the links are built."""
    return message


class WorkspacePage(NamedTuple):
    """A workspace page of a cluster: its path under ``/clusters/<id>``, its link text
    (a catalogue message), the record kind and the action (``create`` unless said) the visitor
    must be allowed."""

    path: str
    label: str
    kind: str
    action: str = "create"


#: The pages in the order of the cluster approach's phases (mobilise, identify, plan, evaluate).
WORKSPACE_PAGES: tuple[WorkspacePage, ...] = (
    WorkspacePage("actors/new", N_("Record an actor"), "actor"),
    WorkspacePage("waves", N_("Interview campaigns"), "survey_wave"),
    WorkspacePage("ties", N_("Record ties"), "actor"),
    WorkspacePage("questionnaires", N_("Answer the questionnaires"), "answers"),
    WorkspacePage("diagnosis", N_("Read the network diagnosis"), "diagnosis"),
    WorkspacePage("swot", N_("Draft and edit the SWOT"), "swot"),
    WorkspacePage("roadmap", N_("Build the action plan"), "roadmap"),
    WorkspacePage("kpis", N_("Enter KPIs"), "kpi"),
    # i14-cluster-publish: the cluster's own pages, its admins' and managers'.
    WorkspacePage("settings", N_("Cluster settings"), "cluster", "update"),
    WorkspacePage("publish", N_("Publish"), "cluster", "update"),
    WorkspacePage("history", N_("History of changes"), "cluster", "update"),
    # i14-match-report: matchmaking (needs, capabilities, runs) and the report job.
    WorkspacePage("matchmaking", N_("Matchmaking"), "need"),
    WorkspacePage("reports", N_("Build the diagnostic report"), "report"),
    WorkspacePage("evaluations", N_("Evaluate and label"), "evaluation"),
)


def workspace_links(request: Request, cluster_id: str, lang: str) -> list[tuple[str, str]]:
    """``(href, text)`` of the workspace pages of ``cluster_id`` the visitor may use, text in
    ``lang``; none for an anonymous visitor."""
    user = visitor(request).user
    if user is None:
        return []
    _ = translations(lang).gettext
    key = lambda kind: "(new)" if kind == "actor" else cluster_id  # noqa: E731
    return [
        (f"/clusters/{cluster_id}/{p.path}", _(p.label))
        for p in WORKSPACE_PAGES
        if refusal(user.access, p.action, p.kind, key(p.kind), scope={cluster_id}) is None
    ]
