"""Records of a cluster's results (migration ``0016``): the figures its members report per
period and the activities it runs. With the member events (their activity, sector, sphere and
region) and the dated ties, they are the records :mod:`grappe.roadmap.records` computes the
standard KPIs from (see :mod:`grappe.registry.member_records`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from grappe.registry.models import Base

__all__ = ["ClusterActivity", "MemberFigure"]


class MemberFigure(Base):
    """What one member reports for one period: ``jobs``, ``exports`` (an amount in
    ``currency``), its firm's ``founded`` date and the ``markets`` of its exports (migration
    ``0018``: a list of ``{"country": "FR", "share": 40.0}``, share in percent or null); any
    may be empty."""

    __tablename__ = "member_figures"
    __table_args__ = (UniqueConstraint("cluster_id", "actor_id", "period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(10))
    jobs: Mapped[int | None] = mapped_column(Integer)
    exports: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str | None] = mapped_column(String(3))
    founded: Mapped[dt.date | None] = mapped_column(Date)
    markets: Mapped[list[Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)


class ClusterActivity(Base):
    """A training, mission or event the cluster ran (``kind`` one of
    :data:`grappe.vocabulary.CLUSTER_ACTIVITY_KINDS`), with the number of ``participants``
    and the member actors who took part (``members``, a list of actor ids)."""

    __tablename__ = "cluster_activities"
    __table_args__ = (Index("ix_cluster_activities_cluster", "cluster_id", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(String(300))
    participants: Mapped[int | None] = mapped_column(Integer)
    members: Mapped[list[Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
