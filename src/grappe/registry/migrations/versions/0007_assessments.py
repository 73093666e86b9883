"""assessments: questionnaire answers, scored versions, SWOTs; evaluations corrected and deleted

Revision ID: 0007
Revises: 0004 (the lead re-chains it after 0006 at merge)
Create Date: 2026-12-03 02:40:00.000000

New tables ``assessment_answers``, ``assessments`` and ``swots``; ``evaluations`` gains the
kernel's evaluation record (``period``, ``kpi_table``, ``facts``), its label check and a soft
delete (``updated_at``, ``deleted_at``, ``deleted_by``). Rows stored before keep working: the new
columns are nullable.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_EVALUATION_COLUMNS = (
    ("period", sa.String(length=32)),
    ("kpi_table", sa.JSON()),
    ("facts", sa.JSON()),
    ("label_check", sa.JSON()),
    ("updated_at", sa.DateTime(timezone=True)),
    ("deleted_at", sa.DateTime(timezone=True)),
    ("deleted_by", sa.String(length=100)),
)


def _cluster_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["cluster_id"], ["clusters.id"], name=op.f(f"fk_{table}_cluster_id_clusters"),
        ondelete="CASCADE",
    )  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "assessment_answers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("questionnaire", sa.String(length=32), nullable=False),
        sa.Column("respondent", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _cluster_fk("assessment_answers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_answers")),
    )
    op.create_index(
        "ix_assessment_answers_cluster",
        "assessment_answers",
        ["cluster_id", "questionnaire", "date"],
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("answers_id", sa.Integer(), nullable=True),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        _cluster_fk("assessments"),
        sa.ForeignKeyConstraint(
            ["answers_id"],
            ["assessment_answers.id"],
            name=op.f("fk_assessments_answers_id_assessment_answers"),
            ondelete="SET NULL",
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    op.create_index("ix_assessments_cluster", "assessments", ["cluster_id", "kind", "date"])
    op.create_table(
        "swots",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("draft", sa.JSON(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        _cluster_fk("swots"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_swots")),
    )
    op.create_index(op.f("ix_swots_cluster_id"), "swots", ["cluster_id"])
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        for name, type_ in _EVALUATION_COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    # Corrections and soft deletes of evaluations are lost with their columns; a deleted
    # evaluation would reappear, so it is removed (its history stays in the audit log).
    op.execute(sa.text("DELETE FROM evaluations WHERE deleted_at IS NOT NULL"))
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        for name, _type in reversed(_EVALUATION_COLUMNS):
            batch_op.drop_column(name)
    op.drop_index(op.f("ix_swots_cluster_id"), table_name="swots")
    op.drop_table("swots")
    op.drop_index("ix_assessments_cluster", table_name="assessments")
    op.drop_table("assessments")
    op.drop_index("ix_assessment_answers_cluster", table_name="assessment_answers")
    op.drop_table("assessment_answers")
