"""matchmaking needs, capabilities and runs; cluster reports and their files

Revision ID: 0008
Revises: 0004 (re-chained after 0007 when the issue-13 branches merge)
Create Date: 2026-12-03 02:40:00.000000

New tables only: nothing stored before changes. The downgrade drops them (stored needs,
capabilities, match runs and reports are lost; the audit log keeps who wrote what).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _firm_table(name: str, key: str, label: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column(key, sa.String(length=64), nullable=False),
        sa.Column(label, sa.String(length=300), nullable=False),
        sa.Column("processes", sa.JSON(), nullable=False),
        sa.Column("materials", sa.JSON(), nullable=False),
        sa.Column("certifications", sa.JSON(), nullable=False),
        sa.Column("capacity", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("cluster_code", sa.String(length=64), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["clusters.id"],
            name=op.f(f"fk_{name}_cluster_id_clusters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("cluster_id", key, name=f"uq_{name}_key"),
    )
    op.create_index(op.f(f"ix_{name}_cluster_id"), name, ["cluster_id"], unique=False)


def upgrade() -> None:
    _firm_table("match_needs", "need_id", "firm")
    _firm_table("match_capabilities", "firm_id", "name")
    op.create_table(
        "match_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("needs", sa.Integer(), nullable=False),
        sa.Column("capabilities", sa.Integer(), nullable=False),
        sa.Column("matches", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["clusters.id"],
            name=op.f("fk_match_runs_cluster_id_clusters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_runs")),
    )
    op.create_index(op.f("ix_match_runs_cluster_id"), "match_runs", ["cluster_id"], unique=False)
    op.create_table(
        "cluster_reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("formats", sa.JSON(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["clusters.id"],
            name=op.f("fk_cluster_reports_cluster_id_clusters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster_reports")),
    )
    op.create_index(
        op.f("ix_cluster_reports_cluster_id"), "cluster_reports", ["cluster_id"], unique=False
    )
    op.create_table(
        "report_files",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("format", sa.String(length=4), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["cluster_reports.id"],
            name=op.f("fk_report_files_report_id_cluster_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", "lang", "format", name=op.f("pk_report_files")),
    )


def downgrade() -> None:
    op.drop_table("report_files")
    op.drop_index(op.f("ix_cluster_reports_cluster_id"), table_name="cluster_reports")
    op.drop_table("cluster_reports")
    op.drop_index(op.f("ix_match_runs_cluster_id"), table_name="match_runs")
    op.drop_table("match_runs")
    for name in ("match_capabilities", "match_needs"):
        op.drop_index(op.f(f"ix_{name}_cluster_id"), table_name=name)
        op.drop_table(name)
