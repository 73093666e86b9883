"""SQLAlchemy 2 models of the observatory's registry.

Tables follow the data contracts of ``docs/architecture.md``: indicator snapshots keep the column
names of :attr:`grappe.mapping.ClusterMap.indicators`; actors and ties keep those of
:mod:`grappe.io.network` (actors ``id, name, sphere, level``; ties ``source, target, type,
strength``). The schema itself is created by the Alembic migrations in
``grappe/registry/migrations`` (see :func:`grappe.registry.database.upgrade`), never by
``create_all``, so that SQLite and PostgreSQL databases evolve the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# ROLES and STAGES are re-exported from the one vocabulary module.
from grappe.vocabulary import DEFAULT_PUBLIC_SECTIONS, ROLES, STAGES

__all__ = [
    "ROLES",
    "STAGES",
    "Actor",
    "AnswerSet",
    "ApiToken",
    "AssessmentRow",
    "AuditEntry",
    "ClusterNetwork",
    "NetworkDiagnosis",
    "SurveyWave",
    "Base",
    "Cluster",
    "Evaluation",
    "ImportJob",
    "IndicatorSnapshot",
    "Kpi",
    "MemberEvent",
    "MatchCapability",
    "MatchNeed",
    "MatchRun",
    "Membership",
    "ClusterActivity",
    "MemberFigure",
    "ExportProfileRow",
    "ProductSpaceRow",
    "Region",
    "RoadmapAction",
    "RoadmapRow",
    "SupportBody",
    "SwotRow",
    "ReportFile",
    "StoredReport",
    "Tie",
    "Invitation",
    "User",
    "WebSession",
    "utc_now",
]


_naming = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so that migrations name constraints alike."""

    metadata = MetaData(naming_convention=_naming)


cluster_regions = Table(
    "cluster_regions",
    Base.metadata,
    Column("cluster_id", ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True),
    Column("region_id", ForeignKey("regions.id", ondelete="CASCADE"), primary_key=True),
)

token_clusters = Table(
    "token_clusters",
    Base.metadata,
    Column("token_id", ForeignKey("api_tokens.id", ondelete="CASCADE"), primary_key=True),
    Column("cluster_id", ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True),
)


class Region(Base):
    """A region: a US state, an Algerian wilaya, a NUTS-2 region…

    ``id`` is the country's ISO 3166-1 alpha-2 code and the region's code in its source
    (``"US-26"`` for Michigan's FIPS code, ``"DZ-16"`` for Alger). ``lat``/``lon`` is a
    representative point, used when no outline is bundled.
    """

    __tablename__ = "regions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    country: Mapped[str] = mapped_column(String(2), index=True)
    region_type: Mapped[str] = mapped_column(String(32))
    name_en: Mapped[str] = mapped_column(String(200))
    name_fr: Mapped[str | None] = mapped_column(String(200))
    name_ar: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)


class SupportBody(Base):
    """A geolocated branch or office of the support ecosystem of firms (an ANADE agency, a bank
    branch, a tax office…), as :func:`grappe.registry.support_bodies.store_support_bodies`
    stores the kernel's tables (:mod:`grappe.ecosystem`). ``wilaya_id`` is its wilaya in the
    69-wilaya division (``DZ-07``), ``commune`` the ONS code of its commune when known."""

    __tablename__ = "support_bodies"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    actor_type: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    wilaya_id: Mapped[str] = mapped_column(ForeignKey("regions.id", ondelete="CASCADE"), index=True)
    commune: Mapped[str | None] = mapped_column(String(8))
    source_file: Mapped[str] = mapped_column(String(200))
    licence: Mapped[str] = mapped_column(String(200))


class Cluster(Base):
    """A cluster (initiative or statistical cluster of a region) with a public profile."""

    __tablename__ = "clusters"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_fr: Mapped[str | None] = mapped_column(String(200))
    name_ar: Mapped[str | None] = mapped_column(String(200))
    sector: Mapped[str | None] = mapped_column(String(64), index=True)
    definitions: Mapped[str | None] = mapped_column(String(64))
    stage: Mapped[str | None] = mapped_column(String(32))
    label: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(Text)
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # Migration 0010: the sections of grappe.vocabulary.PROFILE_SECTIONS its public profile shows
    # (chosen by its manager); rows stored before get the sections the profile showed then.
    public_sections: Mapped[list[str]] = mapped_column(
        JSON,
        default=lambda: list(DEFAULT_PUBLIC_SECTIONS),
        server_default=json.dumps(list(DEFAULT_PUBLIC_SECTIONS)),
    )
    # Migration 0019: the HS 4-digit headings of its exports, named by its manager
    # (grappe.registry.cluster_exports); null when not set.
    export_products: Mapped[list[str] | None] = mapped_column(JSON)

    regions: Mapped[list[Region]] = relationship(
        secondary=cluster_regions, order_by="Region.id", lazy="selectin"
    )
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="cluster", cascade="all, delete-orphan"
    )


class Actor(Base):
    """An actor of the network capability: a firm, university, agency, association…"""

    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    sphere: Mapped[str | None] = mapped_column(String(32), index=True)
    level: Mapped[str | None] = mapped_column(String(32))
    region_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id", ondelete="SET NULL"))
    # Since migration 0006 (grappe.registry.networks): the kernel's actor columns and soft delete.
    ownership: Mapped[str | None] = mapped_column(String(32))
    size: Mapped[str | None] = mapped_column(String(64))
    attributes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Membership(Base):
    """An actor's membership of a cluster."""

    __tablename__ = "memberships"

    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[str] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str | None] = mapped_column(String(64))
    # Since migration 0006: inside the cluster or an outside partner of its network, the waves
    # in which the actor exists (``;``-separated, NULL for all) and its order in the network.
    member: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    waves: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[int | None] = mapped_column(Integer)

    cluster: Mapped[Cluster] = relationship(back_populates="memberships")
    actor: Mapped[Actor] = relationship(lazy="joined")


class Tie(Base):
    """A tie between two actors (``type`` one of :data:`grappe.vocabulary.TIE_TYPES`) as reported
    in one survey wave of one cluster's network (see :mod:`grappe.registry.networks`).

    ``cluster_id`` NULL: a tie stored before migration 0006 (or through ``POST /ties`` without
    a cluster), shown in every cluster holding both ends. ``wave_id`` NULL: a tie of every wave
    (the kernel's NA wave). ``strength`` NULL: unrated. ``deleted_at``: soft-deleted (kept for
    the audit trail and the earlier diagnoses, left out of the network).
    """

    __tablename__ = "ties"
    __table_args__ = (Index("ix_ties_cluster_wave", "cluster_id", "wave_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    target: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(64))
    strength: Mapped[float | None] = mapped_column(Float)
    cluster_id: Mapped[str | None] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    wave_id: Mapped[int | None] = mapped_column(ForeignKey("survey_waves.id", ondelete="CASCADE"))
    directed: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    evidence: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    respondent: Mapped[str | None] = mapped_column(Text)
    reports: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    origin: Mapped[str | None] = mapped_column(String(32))
    position: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Migration 0016: when the relation began and ended (``created_at`` is when the row was
    # written, not when the partnership started); the ``partnerships`` KPI counts from ``since``.
    since: Mapped[dt.date | None] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date)


class IndicatorSnapshot(Base):
    """One row of a cluster map: region × cluster category × year (column names of
    ``ClusterMap.indicators``)."""

    __tablename__ = "indicators"
    __table_args__ = (
        # Migration 0013: the measure joins the key (a map by employment and one by
        # establishments of the same cluster, region and year are two snapshots).
        UniqueConstraint(
            "definitions", "region_id", "cluster", "year", "measure", name="uq_indicators_key"
        ),
        # The lookups of the pages and the list endpoint: a region's year, a cluster's years.
        Index("ix_indicators_region_year", "region_id", "year", "cluster"),
        Index("ix_indicators_cluster_year", "cluster", "year"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    definitions: Mapped[str] = mapped_column(String(64))
    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id", ondelete="CASCADE"))
    cluster: Mapped[str] = mapped_column(String(64))
    cluster_name: Mapped[str] = mapped_column(String(200))
    cluster_type: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    # Migration 0013: the count the LQ, shares, flags and stars are computed on (a word of
    # grappe.mapping.MEASURES); employment is NULL in a map of a census of establishments.
    measure: Mapped[str] = mapped_column(
        String(16), default="employment", server_default="employment"
    )
    employment: Mapped[float | None] = mapped_column(Float)
    establishments: Mapped[float | None] = mapped_column(Float)
    payroll: Mapped[float | None] = mapped_column(Float)
    avg_wage: Mapped[float | None] = mapped_column(Float)
    lq: Mapped[float | None] = mapped_column(Float)
    national_share: Mapped[float | None] = mapped_column(Float)
    focus: Mapped[float | None] = mapped_column(Float)
    strong: Mapped[bool] = mapped_column(Boolean, default=False)
    stars: Mapped[int] = mapped_column(Integer, default=0)


class Kpi(Base):
    """One value of a cluster's key performance indicator time series.

    ``period`` is the canonical text of a :class:`grappe.roadmap.periods.Period` (``2024``,
    ``2024-H1``, ``2024-Q1``, ``2024-03``, ``2024-03-31``; migration ``0005``); ``year`` is the
    year the period ends in, kept for the lists and charts by year.
    """

    __tablename__ = "kpis"
    __table_args__ = (UniqueConstraint("cluster_id", "name", "period", name="uq_kpis_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(10))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    target: Mapped[float | None] = mapped_column(Float)


class Evaluation(Base):
    """An evaluation or label decision about a cluster."""

    __tablename__ = "evaluations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    score: Mapped[float | None] = mapped_column(Float)
    label: Mapped[str | None] = mapped_column(String(64))
    evaluator: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(Text)
    # --- i13-assess (migration 0007): the kernel's evaluation record and label check, and a
    # soft delete (the row stays, hidden from lists; its history is in the audit log).
    period: Mapped[str | None] = mapped_column(String(32))
    kpi_table: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    facts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    label_check: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_by: Mapped[str | None] = mapped_column(String(100))
    # --- i14-roadmap (migration 0012): the label status the evaluation records
    # (grappe.vocabulary.LABEL_STATUSES), None when it records none.
    label_status: Mapped[str | None] = mapped_column(String(16))


class RoadmapRow(Base):
    """A cluster's roadmap (:class:`grappe.roadmap.Roadmap`): its mode and deliverables."""

    __tablename__ = "roadmaps"

    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(16))
    deliverables: Mapped[dict[str, str]] = mapped_column(JSON)
    # Migration 0012: the priority challenges (grappe.roadmap.Roadmap.challenges), in order.
    challenges: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class RoadmapAction(Base):
    """One action of a cluster's roadmap; ``position`` keeps the order of the plan."""

    __tablename__ = "roadmap_actions"

    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("roadmaps.cluster_id", ondelete="CASCADE"), primary_key=True
    )
    action_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    phase: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str] = mapped_column(String(200))
    budget: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3))
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    partners: Mapped[list[str]] = mapped_column(JSON)
    milestones: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class ApiToken(Base):
    """An API token. Only a salted scrypt hash of the secret is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    salt: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    clusters: Mapped[list[Cluster]] = relationship(secondary=token_clusters, lazy="selectin")

    @property
    def cluster_ids(self) -> list[str]:
        """Ids of the clusters a manager token may edit."""
        return [c.id for c in self.clusters]


class AuditEntry(Base):
    """One write: who (token name, role, token id), when, what (action, record kind and key),
    the values before and after, and the import it came from.

    ``before``/``after`` hold the changed fields of an update, the whole record of a create
    (``after``) or a delete (``before``). ``token_id`` and ``import_id`` are plain integers, not
    foreign keys: the log is a record of what happened and outlives the rows it names.
    Entries written before migration ``0004`` have only ``who``/``details``.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_resource", "resource", "resource_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now, index=True)
    who: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(16))
    resource: Mapped[str] = mapped_column(String(32))
    resource_id: Mapped[str | None] = mapped_column(String(300))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    role: Mapped[str | None] = mapped_column(String(16))
    token_id: Mapped[int | None] = mapped_column(Integer)
    import_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class ImportJob(Base):
    """An import of a file: its checksum, outcome and row-by-row error report."""

    __tablename__ = "import_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    filename: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    inserted: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class MemberEvent(Base):
    """Something that happened to a member of a cluster on a date (migration ``0005``).

    ``kind`` is one of :data:`grappe.vocabulary.MEMBER_EVENTS`: ``join`` and ``leave`` date a
    membership (the ``members``/``new_members`` KPIs are counted from them by
    :func:`grappe.roadmap.periods.member_counts`); ``sector`` records the member's sector from
    that date. The :class:`Membership` row is the current state; events are its history.
    """

    __tablename__ = "member_events"
    __table_args__ = (Index("ix_member_events_member", "cluster_id", "actor_id", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date] = mapped_column(Date)
    sector: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    # Migration 0016 (grappe.roadmap.records): the member's activity (a NAF/NACE/ISIC code and
    # its name), sphere and region (a wilaya) at the date, for the breakdowns of new members.
    activity_code: Mapped[str | None] = mapped_column(String(32))
    activity: Mapped[str | None] = mapped_column(String(200))
    sphere: Mapped[str | None] = mapped_column(String(32))
    region_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id", ondelete="SET NULL"))


# --- i13-assess (migration 0007): questionnaire answers, scored assessments, SWOTs ----------


class AnswerSet(Base):
    """Answers to one questionnaire about a cluster, by one respondent (or panel) on one date;
    validated by :func:`grappe.assess.validate_answers` before they are stored."""

    __tablename__ = "assessment_answers"
    __table_args__ = (
        Index("ix_assessment_answers_cluster", "cluster_id", "questionnaire", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    questionnaire: Mapped[str] = mapped_column(String(32))
    respondent: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Question id → the respondent's evidence text (migration 0011; None before it).
    notes: Mapped[dict[str, str] | None] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class AssessmentRow(Base):
    """One version of a scored result (diamond, Quebec or Danish factors, life cycle) of a
    cluster on a date, with the inputs it was computed from (answers, indicator snapshot)."""

    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_cluster", "cluster_id", "kind", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date] = mapped_column(Date)
    answers_id: Mapped[int | None] = mapped_column(
        ForeignKey("assessment_answers.id", ondelete="SET NULL")
    )
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class SwotRow(Base):
    """A cluster's SWOT: the draft made from data and its current, edited, items."""

    __tablename__ = "swots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    draft: Mapped[dict[str, Any]] = mapped_column(JSON)
    items: Mapped[dict[str, Any]] = mapped_column(JSON)
    sources: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_by: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


# --- Matchmaking and reports (migration 0008) -------------------------------------------------


class _MatchFirm:
    """Columns shared by a need and a capability: the columns of the matchmaking kernel's tables
    (:data:`grappe.matchmaking.score.NEED_COLUMNS`, ``CAPABILITY_COLUMNS``), ``cluster_code``
    holding the kernel's ``cluster`` (the firm's cluster code, for the same-cluster bonus).

    ``deleted_at`` marks a soft delete: stored match runs name needs and capabilities by id,
    so a deleted record stays readable (and can be created again under its id)."""

    processes: Mapped[list[str]] = mapped_column(JSON)
    materials: Mapped[list[str]] = mapped_column(JSON)
    certifications: Mapped[list[str]] = mapped_column(JSON)
    capacity: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    cluster_code: Mapped[str | None] = mapped_column(String(64))
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class MatchNeed(_MatchFirm, Base):
    """A large firm's (buyer's) need in a cluster's matchmaking."""

    __tablename__ = "match_needs"
    __table_args__ = (UniqueConstraint("cluster_id", "need_id", name="uq_match_needs_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    need_id: Mapped[str] = mapped_column(String(64))
    firm: Mapped[str] = mapped_column(String(300))


class MatchCapability(_MatchFirm, Base):
    """An SME's (supplier's) capability in a cluster's matchmaking."""

    __tablename__ = "match_capabilities"
    __table_args__ = (UniqueConstraint("cluster_id", "firm_id", name="uq_match_capabilities_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    firm_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))


class MatchRun(Base):
    """A dated run of :func:`grappe.matchmaking.match`: its parameters and ranked matches (the
    rows of the kernel's table), kept so that runs can be compared."""

    __tablename__ = "match_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON)
    needs: Mapped[int] = mapped_column(Integer)
    capabilities: Mapped[int] = mapped_column(Integer)
    matches: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class StoredReport(Base):
    """A diagnostic report of a cluster built as a job: status, progress and what it holds.

    The files themselves are :class:`ReportFile` rows (stored in the database: see
    ``docs/observatory.md``, section Reports)."""

    __tablename__ = "cluster_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    languages: Mapped[list[str]] = mapped_column(JSON)
    formats: Mapped[list[str]] = mapped_column(JSON)
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    files: Mapped[list[ReportFile]] = relationship(
        cascade="all, delete-orphan", order_by="ReportFile.lang, ReportFile.format"
    )


class ReportFile(Base):
    """One file of a report: a language × format, its bytes, SHA-256 and size."""

    __tablename__ = "report_files"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("cluster_reports.id", ondelete="CASCADE"), primary_key=True
    )
    lang: Mapped[str] = mapped_column(String(2), primary_key=True)
    format: Mapped[str] = mapped_column(String(4), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


# --- Actor networks: survey waves, network metadata, stored diagnoses (migration 0006) ---


class SurveyWave(Base):
    """A survey wave of a cluster's network: its label (``"2024"``), date and a note."""

    __tablename__ = "survey_waves"
    __table_args__ = (
        UniqueConstraint("cluster_id", "label", name="uq_survey_waves_cluster_label"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(64))
    date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class ClusterNetwork(Base):
    """What a cluster's stored :class:`grappe.network.ActorNetwork` carries beyond its rows."""

    __tablename__ = "cluster_networks"

    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(300))
    strength_low: Mapped[float] = mapped_column(Float)
    strength_high: Mapped[float] = mapped_column(Float)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class NetworkDiagnosis(Base):
    """One run of :func:`grappe.network.diagnose` on a stored wave: a version per date.

    ``status`` is ``queued``, ``running``, ``succeeded`` or ``failed``; ``result`` the JSON
    summary, ``texts`` the written diagnosis by language (``fr``, ``en``, ``ar``), ``errors`` the
    reason of a failure. ``wave``/``before`` are labels (kept when a wave is deleted later).
    """

    __tablename__ = "network_diagnoses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    wave: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[str | None] = mapped_column(String(64))
    date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    options: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    texts: Mapped[dict[str, str] | None] = mapped_column(JSON)
    errors: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


# --- Web workspace: people who sign in, their invitations and sessions (migration 0009) ---

user_clusters = Table(
    "user_clusters",
    Base.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("cluster_id", ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True),
)


class User(Base):
    """A person who signs in to the web workspace (see :mod:`grappe.registry.users`).

    ``role`` is one of :data:`grappe.vocabulary.USER_ROLES`; a ``manager`` manages
    ``clusters``, a ``member`` represents the actor ``actor_id``. ``password_hash`` reads
    ``scrypt$<salt hex>$<hash hex>``. An inactive user cannot sign in; his rows stay for the
    audit trail.
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    clusters: Mapped[list[Cluster]] = relationship(
        secondary=user_clusters, order_by="Cluster.id", lazy="selectin"
    )

    @property
    def cluster_ids(self) -> list[str]:
        return [c.id for c in self.clusters]


class Invitation(Base):
    """A link by which an admin (or a manager, for a member) lets someone choose a password.

    Only the SHA-256 of the link's random token is stored; ``used_at`` makes it single use.
    ``clusters`` (ids) and ``actor_id`` are what the user will manage or represent.
    """

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    clusters: Mapped[list[str]] = mapped_column(JSON)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class WebSession(Base):
    """A server-side session of the pages, found by the SHA-256 of its cookie's random id.

    ``user_id`` NULL: a pre-session of an anonymous visitor (it carries the CSRF token of the
    sign-in and invitation forms). Ends ``idle`` after its ``last_seen`` or at ``expires_at``.
    """

    __tablename__ = "web_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


# Migration 0017: countries' export profiles (issue 19), in their own module.
from grappe.registry.export_models import ExportProfileRow, ProductSpaceRow  # noqa: E402

# Issue 18 (migration 0015): enrolments in programmes and label decisions, in their own module;
# imported here so that Base.metadata (the migrations' check) always holds them.
from grappe.registry.programme_models import (  # noqa: E402
    ProgrammeDecision as ProgrammeDecision,
)
from grappe.registry.programme_models import (  # noqa: E402
    ProgrammeEnrolment as ProgrammeEnrolment,
)

# Migration 0016: member figures and cluster activities (their own module, registered here so
# that Base.metadata holds every table).
from grappe.registry.record_models import ClusterActivity, MemberFigure  # noqa: E402
