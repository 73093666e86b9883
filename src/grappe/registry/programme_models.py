"""Models of a cluster's enrolment in a programme and of its label decisions (migration 0015).

A :class:`ProgrammeEnrolment` keeps the programme as it was when the cluster joined (the
snapshot of :func:`grappe.programmes.programme_to_dict`), so that a later change of the preset
does not rewrite the rule a cluster was judged by. A :class:`ProgrammeDecision` keeps one
evaluation: the facts with their sources, the criteria results, the state before and after,
the action the rule gave and the one taken (an override names who and why).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from grappe.registry.models import Base, utc_now

__all__ = ["ProgrammeDecision", "ProgrammeEnrolment"]


class ProgrammeEnrolment(Base):
    """A cluster in a programme: its current label status, level, consecutive failed
    evaluations and the date of the next evaluation (None when the programme sets none)."""

    __tablename__ = "programme_enrolments"
    __table_args__ = (Index("ix_programme_enrolments_key", "programme", "cluster_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    programme: Mapped[str] = mapped_column(String(64))
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    joined: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    level: Mapped[str | None] = mapped_column(String(64))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_evaluation: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_by: Mapped[str | None] = mapped_column(String(100))


class ProgrammeDecision(Base):
    """One evaluation of an enrolment and the label decision taken on it.

    ``facts``: metric → ``{"value", "source"}``; ``results``: one mapping per criterion
    (``metric``, ``op``, ``threshold``, ``value``, ``ok``, ``source``, ``reason``);
    ``previous``/``state``: ``{"status", "level", "failures"}``; ``rule_action``: what
    :func:`grappe.programmes.decide_label` gave, and ``rule_reasons`` its reasons (each
    ``{"text", "template", "values"}``, so that a page shows them in its language); ``action``:
    what was applied (they differ exactly when ``overridden``); ``reason``: the person's why (an
    override's, a correction's; None when the rule was applied as it stood).
    """

    __tablename__ = "programme_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("programme_enrolments.id", ondelete="CASCADE"), index=True
    )
    period: Mapped[str | None] = mapped_column(String(32))
    date: Mapped[dt.date] = mapped_column(Date)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON)
    results: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    previous: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    rule_action: Mapped[str] = mapped_column(String(16))
    rule_reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    action: Mapped[str] = mapped_column(String(16))
    overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_by: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
