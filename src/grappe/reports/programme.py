"""The cluster's status in each programme it is enrolled in, as the report shows it (a plain
input).

The registry (the programme enrolments of issue 18) or a caller fills one
:class:`ProgrammeStatus` per programme; the report never reads them itself. A cluster may be
at once labelled (a pôle de compétitivité) and in a support programme (UNIDO, GIZ): the report
lists every programme, the live ones first (:func:`ordered_programmes`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.vocabulary import CLOSED_LABEL_STATUSES, LABEL_ACTIONS, LABEL_STATUSES

__all__ = [
    "LATEST_DECISIONS",
    "ProgrammeDecisionLine",
    "ProgrammeStatus",
    "ordered_programmes",
    "programme_status",
    "programme_statuses",
    "status_from_decision",
]


#: How many of a programme's latest decisions the report lists (newest first).
LATEST_DECISIONS = 3


@dataclass(frozen=True)
class ProgrammeDecisionLine:
    """One decision of a programme on the cluster's label, as the report lists it.

    Attributes
    ----------
    action : str
        One of :data:`grappe.vocabulary.LABEL_ACTIONS`.
    decided : datetime.date
    reasons : tuple
        Why (texts as written, or translatable messages of the rule).
    """

    action: str
    decided: dt.date
    reasons: tuple[Any, ...] = ()


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
    key : str or None
        The programme's key (``kompetenznetze``), when known.
    joined : datetime.date or None
        The day the cluster enrolled (applied).
    valid_until : datetime.date or None
        The last valid day of the label held (:func:`grappe.programmes.label_valid_until`);
        ``None`` when the level has no fixed validity or no label is held.
    next_step : str, mapping or None
        The admission step due next (its names by language) while the cluster has applied;
        ``None`` for a periodic evaluation.
    decisions : tuple of ProgrammeDecisionLine
        The latest decisions, newest first (the last one is also ``last_decision``).
    """

    programme: str | Mapping[str, str]
    status: str
    level: str | Mapping[str, str] | None = None
    last_decision: str | None = None
    decided: dt.date | None = None
    reasons: tuple[str, ...] = ()
    next_evaluation: dt.date | None = None
    failures: int = 0
    key: str | None = None
    joined: dt.date | None = None
    valid_until: dt.date | None = None
    next_step: str | Mapping[str, str] | None = None
    decisions: tuple[ProgrammeDecisionLine, ...] = ()

    @property
    def ended(self) -> bool:
        """Whether the enrolment is over (refused, withdrawn or expired)."""
        return self.status in CLOSED_LABEL_STATUSES


def ordered_programmes(statuses: Iterable[ProgrammeStatus]) -> tuple[ProgrammeStatus, ...]:
    """The programmes in the report's order: live enrolments first, then by enrolment date
    (oldest first; an unknown date last), then by key or name.

    Parameters
    ----------
    statuses : iterable of ProgrammeStatus

    Returns
    -------
    tuple of ProgrammeStatus

    Examples
    --------
    >>> a = ProgrammeStatus("A", "withdrawn", joined=dt.date(2019, 1, 1))
    >>> b = ProgrammeStatus("B", "suspended", joined=dt.date(2023, 5, 1))
    >>> c = ProgrammeStatus("C", "awarded", joined=dt.date(2021, 2, 1))
    >>> [s.programme for s in ordered_programmes([a, b, c])]
    ['C', 'B', 'A']

    References
    ----------
    .. [1] Seed ``003_7172ac469ff41c93.txt``: the Constantine dinanderie cluster, created in
       the UNIDO-accompanied regional project on cultural and creative industries while a
       dinanderie label was prepared under the EU's P3A programme (one cluster, several
       programmes).
    """

    def rank(s: ProgrammeStatus) -> tuple[bool, bool, dt.date, str]:
        name = s.key or (s.programme if isinstance(s.programme, str) else str(dict(s.programme)))
        return (s.ended, s.joined is None, s.joined or dt.date.min, name)

    return tuple(sorted(statuses, key=rank))


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
    decisions = []
    for i, item in enumerate(data.get("decisions") or ()):
        at = f"decisions[{i}]"
        if not isinstance(item, Mapping) or item.get("action") not in LABEL_ACTIONS:
            allowed = ", ".join(LABEL_ACTIONS)
            value = item.get("action") if isinstance(item, Mapping) else item
            raise _refuse(one_of, key=f"{at}.action", where=where, allowed=allowed, value=value)
        day = _date(item.get("decided"), f"{at}.decided", where)
        if day is None:
            raise _refuse(
                "The '{key}' of the programme status ({where}) must be a date (YYYY-MM-DD). "
                "Got {value!r} instead.",
                key=f"{at}.decided",
                where=where,
                value=None,
            )
        decisions.append(ProgrammeDecisionLine(str(item["action"]), day, _texts(item)))
    return ProgrammeStatus(
        programme=data["programme"],
        status=str(status),
        level=None if data.get("level") is None else str(data["level"]),
        last_decision=None if action is None else str(action),
        decided=_date(data.get("decided"), "decided", where),
        reasons=_texts(data),
        next_evaluation=_date(data.get("next_evaluation"), "next_evaluation", where),
        failures=failures,
        key=None if data.get("key") is None else str(data["key"]),
        joined=_date(data.get("joined"), "joined", where),
        valid_until=_date(data.get("valid_until"), "valid_until", where),
        next_step=data.get("next_step") or None,
        decisions=tuple(decisions),
    )


def _texts(data: Mapping[str, Any]) -> tuple[str, ...]:
    reasons = data.get("reasons") or ()
    if isinstance(reasons, str):
        return (reasons,)
    return tuple(r if isinstance(r, str) else str(r) for r in reasons)


def programme_statuses(
    data: Mapping[str, Any] | Iterable[Mapping[str, Any]], *, file: str | None = None
) -> tuple[ProgrammeStatus, ...]:
    """Every programme of a cluster from one status (a mapping) or a list of statuses, in the
    report's order (:func:`ordered_programmes`).

    Parameters
    ----------
    data : mapping or list of mappings
        Each as :func:`programme_status` reads it.
    file : str, optional
        The file it was read from, named in the errors (with the item's position).

    Raises
    ------
    InvalidParameterError
        On an item :func:`programme_status` refuses, or a document that is neither a mapping
        nor a list.

    Examples
    --------
    >>> both = programme_statuses([
    ...     {"programme": "ONUDI", "status": "withdrawn", "joined": "2015-01-01"},
    ...     {"programme": "Label dinanderie", "status": "applied", "joined": "2019-06-01"}])
    >>> [(s.programme, s.ended) for s in both]
    [('Label dinanderie', False), ('ONUDI', True)]

    References
    ----------
    .. [1] Seed ``003_7172ac469ff41c93.txt`` (the dinanderie cluster's programmes).
    """
    where = file or "programme_status"
    if isinstance(data, Mapping):
        return (programme_status(data, file=file),)
    if isinstance(data, str | bytes) or not isinstance(data, Iterable):
        raise _refuse(
            "The programme status ({where}) must be a mapping or a list of mappings. "
            "Got {value!r} instead.",
            where=where,
            value=data,
        )
    return ordered_programmes(
        programme_status(item, file=f"{where}, item {i + 1}") for i, item in enumerate(data)
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
        key=programme.key,
    )
