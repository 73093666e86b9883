"""The cluster's status in a programme, as the report shows it (a plain input).

The registry (the programme enrolments of issue 18) or a caller fills a
:class:`ProgrammeStatus`; the report never reads it itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.vocabulary import LABEL_ACTIONS, LABEL_STATUSES

__all__ = ["ProgrammeStatus", "programme_status", "status_from_decision"]


@dataclass(frozen=True)
class ProgrammeStatus:
    """Where the cluster stands in a programme.

    Attributes
    ----------
    programme : str or mapping
        The programme's name (or its names by language).
    status : str
        Label status, one of :data:`grappe.vocabulary.LABEL_STATUSES`.
    level : str, mapping or None
        The label level held (or its names by language).
    last_decision : str or None
        Action of the last decision (:data:`grappe.vocabulary.LABEL_ACTIONS`).
    decided : datetime.date or None
    reasons : tuple of str
        Why the last decision was taken (as written by the deciders, or the translatable
        messages of :func:`grappe.programmes.decide_label`).
    next_evaluation : datetime.date or None
    failures : int
        Consecutive failed evaluations.
    """

    programme: str | Mapping[str, str]
    status: str
    level: str | Mapping[str, str] | None = None
    last_decision: str | None = None
    decided: dt.date | None = None
    reasons: tuple[str, ...] = ()
    next_evaluation: dt.date | None = None
    failures: int = 0


def _refuse(text: str, **values: Any) -> InvalidParameterError:
    return InvalidParameterError(Message(text, **values))


def _date(value: Any, key: str, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise _refuse(
            "The '{key}' of the programme status ({where}) must be a date (YYYY-MM-DD). "
            "Got {value!r} instead.",
            key=key,
            where=where,
            value=value,
        ) from None


def programme_status(data: Mapping[str, Any], *, file: str | None = None) -> ProgrammeStatus:
    """A :class:`ProgrammeStatus` from a plain mapping (the registry's values, a YAML file).

    Parameters
    ----------
    data : mapping
        ``programme`` and ``status`` (required); ``level``, ``last_decision``, ``decided``,
        ``reasons``, ``next_evaluation`` (ISO dates), ``failures``.
    file : str, optional
        The file it was read from, named in the errors.

    Raises
    ------
    InvalidParameterError
        On a document that is not a mapping, a missing programme, an unknown status or
        action, a bad date or a negative number of failures (naming ``file``).

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
    where = file or "programme_status"
    if not isinstance(data, Mapping):
        raise _refuse(
            "The programme status ({where}) must be a mapping of keys to values. "
            "Got {value!r} instead.",
            where=where,
            value=data,
        )
    if not data.get("programme"):
        raise _refuse(
            "The programme status ({where}) needs a 'programme' (its name). Got {value!r} instead.",
            where=where,
            value=data.get("programme"),
        )
    one_of = (
        "The '{key}' of the programme status ({where}) must be one of {allowed}. "
        "Got {value!r} instead."
    )
    status = data.get("status")
    if status not in LABEL_STATUSES:
        allowed = ", ".join(LABEL_STATUSES)
        raise _refuse(one_of, key="status", where=where, allowed=allowed, value=status)
    action = data.get("last_decision")
    if action is not None and action not in LABEL_ACTIONS:
        allowed = ", ".join(LABEL_ACTIONS)
        raise _refuse(one_of, key="last_decision", where=where, allowed=allowed, value=action)
    failures = data.get("failures", 0) or 0
    if not isinstance(failures, int) or isinstance(failures, bool) or failures < 0:
        raise _refuse(
            "The 'failures' of the programme status ({where}) must be a whole number ≥ 0. "
            "Got {value!r} instead.",
            where=where,
            value=failures,
        )
    reasons = data.get("reasons") or ()
    return ProgrammeStatus(
        programme=data["programme"],
        status=str(status),
        level=None if data.get("level") is None else str(data["level"]),
        last_decision=None if action is None else str(action),
        decided=_date(data.get("decided"), "decided", where),
        reasons=(reasons,)
        if isinstance(reasons, str)
        else tuple(r if isinstance(r, str) else str(r) for r in reasons),
        next_evaluation=_date(data.get("next_evaluation"), "next_evaluation", where),
        failures=failures,
    )


def status_from_decision(
    programme: Any,
    decision: Any,
    *,
    decided: dt.date | None = None,
    next_evaluation: dt.date | None = None,
) -> ProgrammeStatus:
    """The status a label decision leaves (:func:`grappe.programmes.decide_label`).

    Parameters
    ----------
    programme : grappe.programmes.Programme
        Its names and its levels' names are shown in the report's language.
    decision : grappe.programmes.LabelDecision
    decided, next_evaluation : datetime.date, optional
        When it was taken; the next evaluation (e.g. from
        :func:`grappe.programmes.evaluation_dates`).

    Examples
    --------
    >>> from grappe.programmes import LabelState, decide_label, programme_from_dict
    >>> p = programme_from_dict({"key": "k", "names": {"en": "K"},
    ...     "eligibility": ["members >= 15"], "evaluation": {"on_fail": ["suspend"]}})
    >>> s = status_from_decision(p, decide_label(p, LabelState("awarded"), {"members": 12}))
    >>> s.status, s.last_decision, s.failures
    ('suspended', 'suspend', 1)

    References
    ----------
    .. [1] Issue 18, "The seeds' programmes" (the label rule of ``grappe.programmes``).
    """
    state = decision.state
    names = {lv.key: dict(lv.names) for lv in programme.levels}
    level = None if state.level is None else names.get(state.level) or state.level
    return ProgrammeStatus(
        programme=dict(programme.names),
        status=state.status,
        level=level,
        last_decision=decision.action,
        decided=decided,
        reasons=tuple(decision.reasons),
        next_evaluation=next_evaluation,
        failures=state.failures,
    )
