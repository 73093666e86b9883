"""Who records a programme's label decision: the role of the admission step that decides.

A programme's admission steps say who decides (the advisory committee of a ministry, a jury,
the cluster association…; :class:`grappe.programmes.AdmissionStep` ``decided_by``). Each step
may map that body onto a grappe role (``role``: ``analyst`` for a ministry, a jury or a
committee the observatory records for, ``manager`` for the cluster's own association). The
label is decided at the *deciding step*, the last step naming a role
(:meth:`grappe.programmes.Programme.deciding_step`): its role, or an admin, records the
admission and the re-evaluations and corrects them. A programme whose steps name no role is
decided by the observatory (admins and analysts). :data:`grappe.registry.permissions.RULES`
``label_decision`` lets every role through for the cluster in its scope; this module narrows it
to the step's role, for the API, the web and the CLI alike.
"""

from __future__ import annotations

from grappe.errors import PermissionDeniedError
from grappe.i18n import Message
from grappe.programmes import Programme, in_language
from grappe.registry.permissions import Access, refusal

__all__ = ["OBSERVATORY", "decider_refusal", "deciding_roles", "ensure_decider"]

#: Who decides a programme whose admission steps name no role.
OBSERVATORY: tuple[str, ...] = ("admin", "analyst")


def deciding_roles(programme: Programme) -> tuple[str, ...]:
    """The roles that may record ``programme``'s label decisions (an admin always may).

    Examples
    --------
    >>> from grappe.programmes import programme_from_dict
    >>> p = programme_from_dict({"key": "k", "names": {"en": "K"}, "admission": [
    ...     {"key": "call", "names": {"en": "Call"}, "role": "manager"},
    ...     {"key": "jury", "names": {"en": "Jury"}, "role": "analyst"}]})
    >>> deciding_roles(p)
    ('admin', 'analyst')
    """
    step = programme.deciding_step()
    if step is None or step.role is None:
        return OBSERVATORY
    return tuple(dict.fromkeys(("admin", step.role)))


def decider_refusal(
    who: Access, programme: Programme, cluster_id: str, *, action: str = "create"
) -> Message | str | None:
    """Why ``who`` may not record (``create``) or correct (``update``) a label decision of
    ``programme`` on cluster ``cluster_id``; ``None`` when he may.

    The table of rights is asked first (a manager only for the clusters he manages), then the
    deciding step's role.

    References
    ----------
    .. [1] Seed ``004_b121ed3bd797dbd2.txt``, II.1.4: the *Kompetenznetze* were admitted by
       an advisory committee of the federal ministry.
    """
    refused = refusal(who, action, "label_decision", f"{cluster_id}/{programme.key}",
                      scope={cluster_id})  # fmt: skip
    if refused is not None:
        return str(refused)
    roles = deciding_roles(programme)
    if who.role in roles:
        return None
    step = programme.deciding_step()
    if step is None:
        return Message(
            "{who} cannot decide on the label of {programme}: the observatory does (an admin or "
            "an analyst).",
            who=who.describe(),
            programme=programme.key,
        )
    return Message(
        "{who} cannot decide on the label of {programme}: its step {step!r} is decided by "
        "{body}, recorded by the role {role} (or an admin).",
        who=who.describe(),
        programme=programme.key,
        step=step.key,
        body=in_language(step.decided_by, "en") or step.key,
        role=step.role,
    )


def ensure_decider(
    who: Access, programme: Programme, cluster_id: str, *, action: str = "create"
) -> None:
    """Raise :class:`~grappe.errors.PermissionDeniedError` unless ``who`` may decide.

    Raises
    ------
    PermissionDeniedError
        With the message of :func:`decider_refusal`.
    """
    refused = decider_refusal(who, programme, cluster_id, action=action)
    if refused is not None:
        raise PermissionDeniedError(refused)
