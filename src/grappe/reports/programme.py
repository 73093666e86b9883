"""The cluster's status in a programme, as the report shows it (a plain input).

The registry (the programme enrolments of issue 18) or a caller fills a
:class:`ProgrammeStatus`; the report never reads it itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from grappe._validation import check_option
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.vocabulary import LABEL_STATUSES

__all__ = ["DECISION_ACTIONS", "ProgrammeStatus", "programme_status"]

#: Actions of a label decision (the ``action`` of ``grappe.programmes.LabelDecision``).
DECISION_ACTIONS: tuple[str, ...] = (
    "award", "keep", "raise", "lower", "suspend", "withdraw", "reinstate", "refuse",
)  # fmt: skip


@dataclass(frozen=True)
class ProgrammeStatus:
    """Where the cluster stands in a programme.

    Attributes
    ----------
    programme : str or mapping
        The programme's name (or its names by language).
    status : str
        Label status, one of :data:`grappe.vocabulary.LABEL_STATUSES`.
    level : str or None
        The label level held.
    last_decision : str or None
        Action of the last decision (:data:`DECISION_ACTIONS`).
    decided : datetime.date or None
    reasons : tuple of str
        Why the last decision was taken (as written by the deciders).
    next_evaluation : datetime.date or None
    failures : int
        Consecutive failed evaluations.
    """

    programme: str | Mapping[str, str]
    status: str
    level: str | None = None
    last_decision: str | None = None
    decided: dt.date | None = None
    reasons: tuple[str, ...] = ()
    next_evaluation: dt.date | None = None
    failures: int = 0


def _date(value: Any, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidParameterError(
            Message(
                "The '{name}' of the programme status must be a date (YYYY-MM-DD). "
                "Got {value!r} instead.",
                name=name,
                value=value,
            )
        ) from None


def programme_status(data: Mapping[str, Any]) -> ProgrammeStatus:
    """A :class:`ProgrammeStatus` from a plain mapping (the registry's values, a YAML file).

    Parameters
    ----------
    data : mapping
        ``programme`` and ``status`` (required); ``level``, ``last_decision``, ``decided``,
        ``reasons``, ``next_evaluation`` (ISO dates), ``failures``.

    Raises
    ------
    InvalidParameterError
        On a missing programme, an unknown status or action, a bad date or a negative
        number of failures.

    Examples
    --------
    >>> s = programme_status({"programme": "SPL", "status": "awarded", "level": "bronze",
    ...                       "next_evaluation": "2027-06-30"})
    >>> s.next_evaluation.year, s.failures
    (2027, 0)

    References
    ----------
    .. [1] Issue 18, "The seeds' programmes" (label levels, evaluations and decisions).
    """
    if not data.get("programme"):
        raise InvalidParameterError(
            Message("The programme status needs a 'programme' (its name). Got none.")
        )
    status = str(data.get("status"))
    check_option(status, "status", LABEL_STATUSES, func="programme_status")
    action = data.get("last_decision")
    if action is not None:
        check_option(str(action), "last_decision", DECISION_ACTIONS, func="programme_status")
    failures = data.get("failures", 0) or 0
    if not isinstance(failures, int) or isinstance(failures, bool) or failures < 0:
        raise InvalidParameterError(
            Message(
                "The 'failures' of the programme status must be a whole number ≥ 0. "
                "Got {value!r} instead.",
                value=failures,
            )
        )
    reasons = data.get("reasons") or ()
    return ProgrammeStatus(
        programme=data["programme"],
        status=status,
        level=None if data.get("level") is None else str(data["level"]),
        last_decision=None if action is None else str(action),
        decided=_date(data.get("decided"), "decided"),
        reasons=(reasons,) if isinstance(reasons, str) else tuple(str(r) for r in reasons),
        next_evaluation=_date(data.get("next_evaluation"), "next_evaluation"),
        failures=failures,
    )
