"""enrolments of clusters in programmes and their label decisions

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 18:50:00.000000

Adds ``programme_enrolments`` (a cluster in a programme: the programme's snapshot at joining,
status, level, consecutive failures, next evaluation, soft delete) and ``programme_decisions``
(one evaluation each: facts with sources, criteria results, state before and after, the rule's
action and the one taken, who and why). See :mod:`grappe.registry.programme_models`. The
downgrade drops both tables (their rows are lost; the audit log keeps the decisions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programme_enrolments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("programme", sa.String(length=64), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("joined", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("level", sa.String(length=64), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_evaluation", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["clusters.id"],
            name=op.f("fk_programme_enrolments_cluster_id_clusters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_enrolments")),
    )
    op.create_index(
        op.f("ix_programme_enrolments_cluster_id"),
        "programme_enrolments",
        ["cluster_id"],
        unique=False,
    )
    op.create_index(
        "ix_programme_enrolments_key",
        "programme_enrolments",
        ["programme", "cluster_id"],
        unique=False,
    )
    op.create_table(
        "programme_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=32), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("previous", sa.JSON(), nullable=True),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("rule_action", sa.String(length=16), nullable=False),
        sa.Column("rule_reasons", sa.JSON(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["programme_enrolments.id"],
            name=op.f("fk_programme_decisions_enrolment_id_programme_enrolments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_decisions")),
    )
    op.create_index(
        op.f("ix_programme_decisions_enrolment_id"),
        "programme_decisions",
        ["enrolment_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_programme_decisions_enrolment_id"), table_name="programme_decisions")
    op.drop_table("programme_decisions")
    op.drop_index("ix_programme_enrolments_key", table_name="programme_enrolments")
    op.drop_index(op.f("ix_programme_enrolments_cluster_id"), table_name="programme_enrolments")
    op.drop_table("programme_enrolments")
