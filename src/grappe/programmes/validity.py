"""A label's validity: the last day a level awarded on a date is valid, and the state of a
label on a day — expired once a level's ``validity_years`` ran out without a renewal (no I/O).
"""

from __future__ import annotations

import datetime as dt

from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.programmes.model import Programme
from grappe.programmes.rules import _HOLDING, LabelState, _add_months, _check_state

__all__ = ["label_state_on", "label_valid_until"]


def label_valid_until(programme: Programme, level: str, *, awarded: dt.date) -> dt.date | None:
    """The last day a label level awarded on ``awarded`` is valid (``None``: no fixed validity).

    ``validity_years`` counts from the award: a two-year label awarded on 2024-03-15 is valid
    until 2026-03-14; fractions of a year count in whole months (1.5 years: 18 months).

    Parameters
    ----------
    programme : Programme
    level : str
        The key of one of the programme's levels.
    awarded : datetime.date
        The day the level was awarded or renewed.

    Returns
    -------
    datetime.date or None

    Raises
    ------
    InvalidParameterError
        When the programme has no such level, or ``awarded`` is not a date.

    References
    ----------
    .. [1] ESCA, ECEI Bronze Label: valid for two years from the month of the benchmarking,
       https://www.cluster-analysis.org/benchmarked-clusters.

    Examples
    --------
    >>> from grappe.programmes.schema import programme_from_dict
    >>> p = programme_from_dict({"key": "k", "names": {"en": "K"}, "levels": [
    ...     {"key": "bronze", "names": {"en": "Bronze"}, "validity_years": 2}]})
    >>> label_valid_until(p, "bronze", awarded=dt.date(2024, 3, 15))
    datetime.date(2026, 3, 14)
    """
    found = programme.level(level)
    if found is None:
        raise InvalidParameterError(
            Message(
                "The programme {programme} has no level {level!r}; its levels are {levels}.",
                programme=programme.key,
                level=level,
                levels=", ".join(lv.key for lv in programme.levels) or "-",
            )
        )
    if not isinstance(awarded, dt.date):
        raise InvalidParameterError(
            Message(
                "The 'awarded' parameter of label_valid_until must be a date. "
                "Got {value!r} instead.",
                value=awarded,
            )
        )
    if found.validity_years is None:
        return None
    awarded = awarded.date() if isinstance(awarded, dt.datetime) else awarded
    months = round(found.validity_years * 12)
    return _add_months(awarded, months) - dt.timedelta(days=1)


def label_state_on(
    programme: Programme, state: LabelState, *, since: dt.date | None, on: dt.date
) -> LabelState:
    """The state of a label on ``on``: expired when its level's validity ran out before.

    A label held (``awarded``, ``renewed`` or ``suspended``) at a level with
    ``validity_years`` is valid up to :func:`label_valid_until` from ``since``, the day it was
    last awarded or renewed; from the next day on, it is ``expired`` (no level; the failures
    are kept). Any other state is returned as it is.

    Parameters
    ----------
    programme : Programme
    state : LabelState
        The state as last decided.
    since : datetime.date or None
        The day the label was last awarded or renewed (``None``: never, nothing expires).
    on : datetime.date
        The day the state is wanted for.

    Returns
    -------
    LabelState

    Raises
    ------
    InvalidParameterError
        When ``on`` is not a date, or the state names a level the programme does not have.

    References
    ----------
    .. [1] ESCA, ECEI Bronze Label: valid for two years from the month of the benchmarking,
       https://www.cluster-analysis.org/benchmarked-clusters.

    Examples
    --------
    >>> from grappe.programmes.schema import programme_from_dict
    >>> p = programme_from_dict({"key": "k", "names": {"en": "K"}, "levels": [
    ...     {"key": "bronze", "names": {"en": "Bronze"}, "validity_years": 2}]})
    >>> held = LabelState("awarded", "bronze")
    >>> label_state_on(p, held, since=dt.date(2024, 3, 15), on=dt.date(2026, 3, 14)).status
    'awarded'
    >>> label_state_on(p, held, since=dt.date(2024, 3, 15), on=dt.date(2026, 3, 15))
    LabelState(status='expired', level=None, failures=0)
    """
    if not isinstance(on, dt.date):
        raise InvalidParameterError(
            Message(
                "The 'on' parameter of label_state_on must be a date. Got {value!r} instead.",
                value=on,
            )
        )
    _check_state(programme, state)
    if since is None or state.level is None or state.status not in (*_HOLDING, "suspended"):
        return state
    until = label_valid_until(programme, state.level, awarded=since)
    on = on.date() if isinstance(on, dt.datetime) else on
    if until is None or on <= until:
        return state
    return LabelState("expired", None, state.failures)
