"""The workspace's pages of one cluster, as the links its profile shows to those who may use
them: one table, :data:`WORKSPACE_PAGES`, so that a new page is one line here and its rule
is the one its form checks (:func:`grappe.registry.permissions.refusal`)."""

from __future__ import annotations

from typing import NamedTuple

from fastapi import Request

from grappe.registry.permissions import refusal
from grappe.roadmap import PHASES
from grappe.web.auth import visitor
from grappe.web.i18n import format_number, translations

__all__ = ["WORKSPACE_PAGES", "WorkspacePage", "related_links", "workspace_links"]


def N_(message: str) -> str:  # noqa: N802 (the gettext convention babel extracts)
    """Mark ``message`` for the catalogues; translated when the links are built."""
    return message


class WorkspacePage(NamedTuple):
    """A workspace page of a cluster: its path under ``/clusters/<id>``, its link text
    (a catalogue message), the phase of the cluster approach it serves
    (:data:`grappe.roadmap.PHASES`' number; 0 for the cluster's own settings), and the record
    kind and action (``create`` unless said) the visitor must be allowed."""

    path: str
    label: str
    phase: int
    kind: str
    action: str = "create"


#: The pages by phase of the cluster approach (mobilise, identify, plan, implement and evaluate),
#: then the cluster's own pages.
WORKSPACE_PAGES: tuple[WorkspacePage, ...] = (
    WorkspacePage("actors/new", N_("Record an actor"), 1, "actor"),
    WorkspacePage("waves", N_("Interview campaigns"), 1, "survey_wave"),
    WorkspacePage("ties", N_("Record ties"), 1, "actor"),
    WorkspacePage("diagnosis", N_("Read the network diagnosis"), 2, "diagnosis"),
    WorkspacePage("questionnaires", N_("Answer the questionnaires"), 2, "answers"),
    WorkspacePage("swot", N_("Draft and edit the SWOT"), 2, "swot"),
    WorkspacePage("roadmap", N_("Build the action plan"), 3, "roadmap"),
    WorkspacePage("matchmaking", N_("Matchmaking"), 3, "need"),
    WorkspacePage("kpis", N_("Enter KPIs"), 4, "kpi"),
    WorkspacePage("records", N_("Record members, figures and activities"), 4, "member_event"),
    WorkspacePage("evaluations", N_("Evaluate and label"), 4, "evaluation"),
    WorkspacePage("reports", N_("Build the diagnostic report"), 4, "report"),
    WorkspacePage("programmes", N_("Programmes and labels"), 4, "enrolment"),
    WorkspacePage("settings", N_("Cluster settings"), 0, "cluster", "update"),
    WorkspacePage("publish", N_("Publish"), 0, "cluster", "update"),
    WorkspacePage("history", N_("History of changes"), 0, "cluster", "update"),
)


def workspace_links(
    request: Request, cluster_id: str, lang: str
) -> list[tuple[str, list[tuple[str, str]]]]:
    """The workspace pages of ``cluster_id`` the visitor may use, grouped by phase:
    ``(phase name, [(href, text), ...])`` in ``lang``, phases without such a page left out;
    nothing for an anonymous visitor."""
    user = visitor(request).user
    if user is None:
        return []
    _ = translations(lang).gettext
    key = lambda kind: "(new)" if kind == "actor" else cluster_id  # noqa: E731
    names = {p.number: f"{format_number(p.number, lang)}. {p.names[lang]}" for p in PHASES}
    names[0] = _("The cluster")
    groups: dict[int, list[tuple[str, str]]] = {}
    for p in WORKSPACE_PAGES:
        if refusal(user.access, p.action, p.kind, key(p.kind), scope={cluster_id}) is None:
            groups.setdefault(p.phase, []).append((f"/clusters/{cluster_id}/{p.path}", _(p.label)))
    return [(names[phase], groups[phase]) for phase in (1, 2, 3, 4, 0) if phase in groups]


def related_links(
    request: Request, cluster_id: str, lang: str, *paths: str
) -> list[tuple[str, str]]:
    """``(href, text)`` of the workspace pages among ``paths`` the visitor may use (the links
    a page shows to its neighbours, e.g. the diagnosis page to the ties and waves)."""
    ends = tuple(f"/{path}" for path in paths)
    return [(href, text) for _, links in workspace_links(request, cluster_id, lang)
            for href, text in links if href.endswith(ends)]  # fmt: skip
