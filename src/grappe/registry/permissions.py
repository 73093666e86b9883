"""Who may write what: the one table of rights, read by the API routes and by the imports.

Every write of the registry is an *action* (``create``, ``update``, ``delete``) on a *record*
of some kind (``cluster``, ``actor``, ``tie``…). :data:`RULES` says which roles may do it; a
``manager`` may only when the record lies in the *scope* of a cluster it manages (the cluster
itself, a KPI or roadmap of it, a member actor, a tie between two members). The routes of
:mod:`grappe.service` and :func:`grappe.registry.import_table` both ask :func:`refusal`, so a
row of an import is refused exactly when the same change through the API would be.

Examples
--------
>>> analyst = Access("ana", "analyst")
>>> print(refusal(analyst, "update", "cluster", "B", scope={"B"}, fields=["name_en"]))
an analyst cannot change cluster 'B' (name_en) — ask an admin or a manager of 'B'
>>> refusal(analyst, "create", "indicator", "us-benchmark/US-26/4/2021") is None
True
>>> manager = Access("mgr", "manager", frozenset({"auto-mi"}))
>>> refusal(manager, "update", "cluster", "auto-mi", scope={"auto-mi"}) is None
True
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from grappe._validation import check_option
from grappe.registry.models import ROLES
from grappe.vocabulary import USER_ROLES

if TYPE_CHECKING:
    from grappe.registry.models import ApiToken

__all__ = [
    "ACTIONS",
    "RULES",
    "Access",
    "Refusal",
    "kind_refusal",
    "may_write_all",
    "name_of",
    "refusal",
]

#: The actions of a write.
ACTIONS: tuple[str, ...] = ("create", "update", "delete")

_ADMIN: tuple[str, ...] = ("admin",)
_OPEN_DATA: dict[str, tuple[str, ...]] = {
    "create": ("admin", "analyst"),
    "update": ("admin", "analyst"),
    "delete": _ADMIN,
}
_OF_A_CLUSTER: dict[str, tuple[str, ...]] = dict.fromkeys(ACTIONS, ("admin", "manager"))

#: Record kind → action → the roles that may do it. ``"manager"`` means a manager of a cluster
#: in the record's scope. Regions and indicator snapshots are statistics (analysts keep them);
#: a cluster's profile, members, ties, KPIs, evaluations and roadmap are its managers'.
RULES: dict[str, dict[str, tuple[str, ...]]] = {
    "region": _OPEN_DATA,
    "indicator": _OPEN_DATA,
    "cluster": {"create": _ADMIN, "update": ("admin", "manager"), "delete": _ADMIN},
    "actor": {"create": ("admin", "manager"), "update": ("admin", "manager"), "delete": _ADMIN},
    "membership": _OF_A_CLUSTER,
    "tie": _OF_A_CLUSTER,
    "kpi": _OF_A_CLUSTER,
    "evaluation": _OF_A_CLUSTER,
    "roadmap": _OF_A_CLUSTER,
    # i13-model: dated events of a member (join, leave, sector), its cluster's managers'.
    "member_event": _OF_A_CLUSTER,
    # KPIs from records (migration 0016): what members report and what the cluster runs.
    "member_figure": _OF_A_CLUSTER,
    "cluster_activity": _OF_A_CLUSTER,
    # i13-assess: answers and scored assessments may also be entered by the observatory's
    # analysts; a SWOT is edited by the cluster's people; deleting a version is an admin's.
    "answers": {"create": ROLES, "update": _ADMIN, "delete": _ADMIN},
    "assessment": {"create": ROLES, "update": _ADMIN, "delete": _ADMIN},
    "swot": {"create": ROLES, "update": ROLES, "delete": ("admin", "manager")},
    # Matchmaking and reports (issue 13): a cluster's own records, like its KPIs.
    "need": _OF_A_CLUSTER,
    "capability": _OF_A_CLUSTER,
    "match_run": _OF_A_CLUSTER,
    "report": _OF_A_CLUSTER,
}
# Actor networks (grappe.registry.networks): storing a cluster's network or a survey wave of it
# is its managers'; a diagnosis is an analysis of it, which analysts may run too.
RULES.update(
    {
        "network": _OF_A_CLUSTER,
        "survey_wave": _OF_A_CLUSTER,
        "diagnosis": {
            "create": ROLES,
            "update": _ADMIN,
            "delete": _ADMIN,
        },
    }
)

# The web workspace (issue 14): a ``member`` (a person representing one actor, see
# grappe.registry.users) may change that actor only. Inviting people is an admin's; a manager
# may invite the members (representatives of member actors) of the clusters it manages.
RULES["actor"] = {**RULES["actor"], "update": (*RULES["actor"]["update"], "member")}
# i14-questionnaires: a member answers the questionnaires for his actor (grappe.registry.
# questionnaire_entries asks with the cluster's member actors, so only for a cluster his actor
# belongs to); scoring the pooled answers stays with the roles of "assessment".
RULES["answers"] = {**RULES["answers"], "create": (*RULES["answers"]["create"], "member")}
# i14-cluster-publish: a cluster created in the web by the signed-in person who then manages
# it (grappe.registry.cluster_entries.create_managed_cluster). Its scope is the new cluster's own
# id, asked with the clusters the manager is about to have; his ``user_clusters`` row is written
# in the same transaction. ``cluster`` create stays an admin's: an API token's clusters are fixed
# when it is made, so ``POST /api/v1/clusters`` and a clusters import are not widened.
RULES["own_cluster"] = {"create": ("admin", "manager"), "update": _ADMIN, "delete": _ADMIN}
# The support bodies of firms (grappe.registry.support_bodies) are open data, like regions: the
# observatory's analysts correct them.
RULES["support_body"] = _OPEN_DATA
# Countries' export profiles (issue 19, grappe.registry.export_profiles) are open data too:
# the observatory's analysts store, correct and publish them.
RULES["export_profile"] = _OPEN_DATA
# Programmes (issue 18, grappe.registry.programme_enrolments): a cluster's manager may apply for
# his cluster. A label decision is recorded by the role of the programme's deciding admission
# step (grappe.registry.programme_deciders narrows this rule: the observatory's admins and
# analysts for a ministry or a jury, the cluster's manager for its own association).
RULES["enrolment"] = {"create": ROLES, "update": ("admin", "analyst"),
                      "delete": _ADMIN}  # fmt: skip
RULES["label_decision"] = {"create": ROLES, "update": ROLES, "delete": _ADMIN}
RULES.update(
    {
        "user": dict.fromkeys(ACTIONS, _ADMIN),
        "member_user": {"create": ("admin", "manager"), "update": _ADMIN, "delete": _ADMIN},
    }
)

_VERBS = {"create": "create", "update": "change", "delete": "delete"}
_ARTICLE = {
    "admin": "an admin",
    "analyst": "an analyst",
    "manager": "a manager",
    "member": "a member",
}


@dataclass(frozen=True)
class Access:
    """Who acts: the token's name (``who`` in the audit log), its role and, for a manager, the
    clusters it manages.

    Attributes
    ----------
    who : str
        Token name, or the name of a local caller (``"bootstrap"``, ``"cli"``).
    role : {"admin", "analyst", "manager"}
    clusters : frozenset of str
        Ids of the clusters a manager manages (empty for other roles).
    token_id : int or None
        Id of the token row; None for a local caller that holds the database itself.
    actor : str or None
        For a ``member`` (a web user, :data:`grappe.vocabulary.USER_ROLES`): the actor he
        represents, the only record he may change.
    """

    who: str
    role: str
    clusters: frozenset[str] = field(default_factory=frozenset)
    token_id: int | None = None
    actor: str | None = None

    def __post_init__(self) -> None:
        check_option(self.role, "role", USER_ROLES, func="Access")

    @classmethod
    def of_token(cls, token: ApiToken) -> Access:
        """The access of an API token row."""
        return cls(token.name, token.role, frozenset(token.cluster_ids), token.id)

    @classmethod
    def local(cls, who: str) -> Access:
        """A caller that opened the database itself (CLI, bootstrap): it may do everything."""
        return cls(who, "admin")

    def describe(self) -> str:
        """The role in words: ``"an analyst"``, ``"a manager of 'auto-mi'"``."""
        if self.role == "member":
            return f"a member representing {self.actor!r}"
        if self.role != "manager":
            return _ARTICLE[self.role]
        if not self.clusters:
            return "a manager of no cluster"
        return "a manager of " + ", ".join(map(repr, sorted(self.clusters)))


def name_of(who: str | Access) -> str:
    """The name recorded as the author of a write (``"who"`` of the audit log).

    Examples
    --------
    >>> name_of(Access("ana", "analyst")), name_of("bootstrap")
    ('ana', 'bootstrap')
    """
    return who.who if isinstance(who, Access) else who


@dataclass(frozen=True)
class Refusal:
    """Why an action is refused, in the user's words, and whom to ask instead.

    ``str(refusal)`` reads ``"<reason> — <fix>"``.
    """

    reason: str
    fix: str

    def __str__(self) -> str:
        return f"{self.reason} — {self.fix}"


def _check(action: str, kind: str, func: str) -> tuple[str, ...]:
    check_option(action, "action", ACTIONS, func=func)
    check_option(kind, "kind", tuple(RULES), func=func)
    return RULES[kind][action]


def refusal(
    access: Access,
    action: str,
    kind: str,
    key: str,
    *,
    scope: Collection[str] = (),
    fields: Sequence[str] = (),
    actors: Collection[str] = (),
) -> Refusal | None:
    """Why ``access`` may not ``action`` the ``kind`` record ``key``; None when it may.

    Parameters
    ----------
    access : Access
        The caller.
    action : {"create", "update", "delete"}
    kind : str
        A key of :data:`RULES` (``"cluster"``, ``"actor"``, ``"tie"``…).
    key : str
        The record's id, shown in the message (``"auto-mi"``, ``"GM/UM/information"``).
    scope : collection of str
        Ids of the clusters the record belongs to: the cluster itself, the cluster of a KPI,
        evaluation, roadmap or membership, the clusters an actor is (or becomes) a member of,
        the clusters holding both ends of a tie. A manager passes when it manages one of them.
    fields : sequence of str
        Changed fields, named in the message of a refused update.
    actors : collection of str
        Ids of the actors the record belongs to (the actor itself). A ``member`` passes when
        it represents one of them.

    Returns
    -------
    Refusal or None

    Raises
    ------
    InvalidParameterError
        Unknown ``action`` or ``kind``.

    Examples
    --------
    >>> manager = Access("mgr", "manager", frozenset({"auto-mi"}))
    >>> print(refusal(manager, "create", "tie", "GM/DOW/trust", scope=()))
    a manager of 'auto-mi' cannot create tie 'GM/DOW/trust' — ask an admin
    """
    allowed = _check(action, kind, "refusal")
    if access.role in allowed and (
        (access.role == "manager" and access.clusters & set(scope))
        or (access.role == "member" and access.actor is not None and access.actor in actors)
        or access.role not in ("manager", "member")
    ):
        return None
    what = f"{_VERBS[action]} {kind} {key!r}"
    if action == "update" and fields:
        what += f" ({', '.join(fields)})"
    ask = [_ARTICLE[role] for role in allowed if role not in ("manager", "member")]
    if "manager" in allowed and scope:
        ask.append("a manager of " + ", ".join(map(repr, sorted(scope))))
    if "member" in allowed and actors:
        ask.append("the member representing " + ", ".join(map(repr, sorted(actors))))
    return Refusal(f"{access.describe()} cannot {what}", "ask " + " or ".join(ask))


def kind_refusal(access: Access, kind: str) -> Refusal | None:
    """Why ``access`` may neither create nor change any ``kind`` record; None when it may
    write some (a manager: those in the scope of its clusters).

    An import of a kind the caller can never write is refused at once, before its rows are read.

    Examples
    --------
    >>> print(kind_refusal(Access("mgr", "manager", frozenset({"auto-mi"})), "region"))
    a manager cannot create or change regions — ask an admin or an analyst
    >>> kind_refusal(Access("ana", "analyst"), "indicator") is None
    True
    """
    check_option(kind, "kind", tuple(RULES), func="kind_refusal")
    roles = {role for action in ("create", "update") for role in RULES[kind][action]}
    if access.role in roles:
        return None
    ask = [_ARTICLE[role] for role in ROLES if role in roles]  # members are never asked
    return Refusal(
        f"{_ARTICLE[access.role]} cannot create or change {kind}s", "ask " + " or ".join(ask)
    )


def may_write_all(access: Access, kind: str) -> bool:
    """Whether ``access`` may create and change every ``kind`` record, whatever its scope (so
    that no row of an import of that kind can be refused).

    Examples
    --------
    >>> may_write_all(Access("ana", "analyst"), "indicator")
    True
    >>> may_write_all(Access("mgr", "manager", frozenset({"auto-mi"})), "cluster")
    False
    """
    check_option(kind, "kind", tuple(RULES), func="may_write_all")
    rules = RULES[kind]
    return access.role not in ("manager", "member") and all(
        access.role in rules[a] for a in ("create", "update")
    )
