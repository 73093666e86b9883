"""A cluster's roadmap edited piece by piece (the workspace's roadmap editor).

Each edit — the construction mode and priority challenges, one action added, corrected or
deleted — reads the stored roadmap as its document (``roadmap_document``), changes that
mapping, validates the whole through the one parser (:meth:`grappe.roadmap.Roadmap.from_dict`)
and replaces the stored roadmap with
:func:`grappe.registry.roadmaps.store_roadmap` (audited with ``who``). A refused edit raises the
parser's :class:`~grappe.errors.DataValidationError` (the ``row`` of an action's issue is its
position in the plan, from 1) and writes nothing. The :class:`~grappe.errors.DataWarning`\\ s the
kernel raises (an action ended, every milestone done, but still ``ongoing``) are returned, not
raised: the roadmap is stored and the editor shows them.

Rights: :data:`grappe.registry.permissions.RULES` (``roadmap``: an admin or the cluster's
manager), checked here as the API checks them.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from grappe.errors import DataWarning, NotFoundError, PermissionDeniedError
from grappe.registry.form_values import FORM
from grappe.registry.models import Cluster
from grappe.registry.permissions import Access, refusal
from grappe.registry.repositories import get
from grappe.registry.roadmaps import load_roadmap, parse_roadmap, roadmap_document, store_roadmap
from grappe.roadmap import Roadmap

__all__ = [
    "ACTION_FIELDS",
    "add_action",
    "correct_action",
    "default_currency",
    "delete_action",
    "roadmap_warnings",
    "set_plan",
]

#: The fields of an action the editor sends (``partners`` a list, ``milestones`` a list of
#: ``{name, date, done}``).
ACTION_FIELDS: tuple[str, ...] = (
    "id", "phase", "title", "owner", "partners", "start", "end", "budget", "currency", "status",
    "milestones",
)  # fmt: skip
#: The currency of the budgets of a cluster whose regions are all in a country, by country
#: (ISO 3166 alpha-2); elsewhere no currency is assumed (the kernel's default, none).
_CURRENCIES = {"DZ": "DZD"}
_FILE = FORM


def default_currency(cluster: Cluster) -> str:
    """The currency an action of ``cluster`` is budgeted in unless told otherwise: ``"DZD"``
    when every region of the cluster is Algerian (country ``DZ``), else ``""`` (none, as
    :func:`grappe.roadmap.build_roadmap` assumes)."""
    countries = {r.country for r in cluster.regions}
    return _CURRENCIES.get(countries.pop(), "") if len(countries) == 1 else ""


def _document(session: Session, cluster: Cluster) -> dict[str, Any]:
    stored = load_roadmap(session, cluster.id)
    if stored is not None:
        return roadmap_document(stored)
    name = cluster.name_en or cluster.name_fr or cluster.name_ar or cluster.id
    return {"cluster": name, "mode": "bottom_up", "deliverables": {}, "challenges": [],
            "actions": []}  # fmt: skip


def _parse(document: Mapping[str, Any]) -> tuple[Roadmap, list[DataWarning]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataWarning)
        roadmap = parse_roadmap(document, file=_FILE)
    return roadmap, [w.message for w in caught if isinstance(w.message, DataWarning)]


def roadmap_warnings(roadmap: Roadmap) -> list[DataWarning]:
    """The kernel's warnings about a stored roadmap read today (stale statuses), each with the
    row (position of the action, from 1) and field it concerns."""
    return _parse(roadmap_document(roadmap))[1]


def _edit(
    session: Session,
    cluster_id: str,
    change: Callable[[dict[str, Any]], None],
    *,
    who: Access,
) -> tuple[Roadmap, list[DataWarning]]:
    cluster = get(session, Cluster, cluster_id, what="cluster")
    action = "create" if load_roadmap(session, cluster_id) is None else "update"
    refused = refusal(who, action, "roadmap", cluster_id, scope={cluster_id})
    if refused is not None:
        raise PermissionDeniedError(str(refused))
    document = _document(session, cluster)
    change(document)
    roadmap, caught = _parse(document)
    store_roadmap(session, cluster_id, roadmap, who=who)
    return roadmap, caught


def set_plan(
    session: Session, cluster_id: str, *, mode: str, challenges: Iterable[str], who: Access
) -> tuple[Roadmap, list[DataWarning]]:
    """Set the construction mode and the priority challenges (most important first), creating
    the roadmap when the cluster has none.

    Returns
    -------
    (Roadmap, list of DataWarning)
        The stored roadmap and the kernel's warnings about it.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's roadmap.
    NotFoundError
        No cluster ``cluster_id``.
    DataValidationError
        An unknown mode (column ``mode``), an empty, repeated or too long challenge
        (``challenges``); nothing is stored.
    """

    def change(document: dict[str, Any]) -> None:
        document["mode"] = mode
        document["challenges"] = [str(c) for c in challenges]

    return _edit(session, cluster_id, change, who=who)


def _position(document: Mapping[str, Any], action_id: str, cluster_id: str) -> int:
    for n, action in enumerate(document["actions"]):
        if action["id"] == action_id:
            return n
    raise NotFoundError(f"The roadmap of {cluster_id!r} has no action {action_id!r}.")


def next_action_id(roadmap: Roadmap | None) -> str:
    """The first free id of the form ``A1``, ``A2``… of ``roadmap``.

    Examples
    --------
    >>> next_action_id(None)
    'A1'
    """
    used = set() if roadmap is None else {a.id for a in roadmap.actions}
    n = len(used) + 1
    while f"A{n}" in used:
        n += 1
    return f"A{n}"


def add_action(
    session: Session, cluster_id: str, action: Mapping[str, Any], *, who: Access
) -> tuple[Roadmap, list[DataWarning]]:
    """Append ``action`` (a mapping of :data:`ACTION_FIELDS`; a blank id gets the next free
    ``A<n>``) to the cluster's roadmap, creating the roadmap (bottom-up) when it has none.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's roadmap.
    NotFoundError
        No cluster ``cluster_id``.
    DataValidationError
        Every problem of the action (its row is its position in the plan) or of the roadmap;
        nothing is stored.
    """

    def change(document: dict[str, Any]) -> None:
        record = {k: action.get(k) for k in ACTION_FIELDS}
        if not str(record["id"] or "").strip():
            record["id"] = next_action_id(load_roadmap(session, cluster_id))
        document["actions"].append(record)

    return _edit(session, cluster_id, change, who=who)


def correct_action(
    session: Session, cluster_id: str, action_id: str, action: Mapping[str, Any], *, who: Access
) -> tuple[Roadmap, list[DataWarning]]:
    """Replace the fields of action ``action_id`` (its id and place in the plan stay) by those
    of ``action``; milestones are replaced as a whole (added, ticked done, removed).

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's roadmap.
    NotFoundError
        No cluster ``cluster_id``, or its roadmap has no action ``action_id``.
    DataValidationError
        Every problem found; nothing is stored.
    """

    def change(document: dict[str, Any]) -> None:
        n = _position(document, action_id, cluster_id)
        document["actions"][n] = {**{k: action.get(k) for k in ACTION_FIELDS}, "id": action_id}

    return _edit(session, cluster_id, change, who=who)


def delete_action(
    session: Session, cluster_id: str, action_id: str, *, who: Access
) -> tuple[Roadmap, list[DataWarning]]:
    """Remove action ``action_id`` from the cluster's roadmap (the audit entry keeps it).

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's roadmap.
    NotFoundError
        No cluster ``cluster_id``, or its roadmap has no action ``action_id``.
    """

    def change(document: dict[str, Any]) -> None:
        del document["actions"][_position(document, action_id, cluster_id)]

    return _edit(session, cluster_id, change, who=who)
