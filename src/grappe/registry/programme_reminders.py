"""Reminders of the programme evaluations due soon or overdue (the workspace home, ``grappe
programme due``): each live, open enrolment's next evaluation date (``next_evaluation`` of
:class:`~grappe.registry.programme_models.ProgrammeEnrolment`, set by
:mod:`grappe.registry.programme_enrolments` on the programme's calendar). A label past its
validity is closed, not due, even before its expiry is stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError
from grappe.registry.programme_enrolments import CLOSED_STATUSES
from grappe.registry.programme_models import ProgrammeEnrolment

__all__ = ["DUE_WITHIN_DAYS", "DueEvaluation", "due_evaluations"]

#: How far ahead of its date an evaluation is announced, by default (days).
DUE_WITHIN_DAYS = 30


@dataclass(frozen=True)
class DueEvaluation:
    """An evaluation to hold: ``days`` until its date (negative when overdue)."""

    enrolment_id: int
    cluster_id: str
    programme: str
    date: dt.date
    days: int

    @property
    def overdue(self) -> bool:
        """Whether its date has passed.

        Examples
        --------
        >>> DueEvaluation(1, "c", "k", dt.date(2026, 1, 15), -3).overdue
        True
        """
        return self.days < 0


def due_evaluations(
    session: Session,
    *,
    today: dt.date,
    within_days: int = DUE_WITHIN_DAYS,
    clusters: Iterable[str] | None = None,
) -> list[DueEvaluation]:
    """Evaluations due within ``within_days`` of ``today`` or overdue, the most urgent first
    (the reminders of the workspace and of ``grappe programme due``).

    Raises
    ------
    InvalidParameterError
        ``within_days`` is negative.
    """
    if within_days < 0:
        raise InvalidParameterError(
            "The 'within_days' parameter of due_evaluations must be 0 or more. "
            f"Got {within_days!r} instead."
        )
    query = select(ProgrammeEnrolment).where(
        ProgrammeEnrolment.deleted_at.is_(None),
        ProgrammeEnrolment.status.not_in(CLOSED_STATUSES),
        ProgrammeEnrolment.next_evaluation.is_not(None),
        ProgrammeEnrolment.next_evaluation <= today + dt.timedelta(days=within_days),
    )
    if clusters is not None:
        query = query.where(ProgrammeEnrolment.cluster_id.in_(tuple(clusters)))
    rows = session.scalars(query.order_by(ProgrammeEnrolment.next_evaluation,
                                          ProgrammeEnrolment.id))  # fmt: skip
    return [
        DueEvaluation(
            r.id, r.cluster_id, r.programme, r.next_evaluation, (r.next_evaluation - today).days
        )  # fmt: skip
        for r in rows
        if r.next_evaluation is not None and not _expired(session, r, today)
    ]


def _expired(session: Session, row: ProgrammeEnrolment, today: dt.date) -> bool:
    """Whether the label expired by ``today`` (not stored yet): it is closed, not due."""
    from grappe.registry.programme_expiry import label_validity  # it reads the enrolments

    levels = row.snapshot.get("levels") or ()
    if not any(lv.get("validity_years") for lv in levels):
        return False
    return label_validity(session, row.id, on=today).expired
