"""KPIs from records: member events with activity, sphere and region; member figures; cluster
activities; dated ties

Revision ID: 0016
Revises: 0014 (the lead re-chains it after 0015, package "enrolments"; it touches only its own
new tables and new nullable columns, so it applies on either)
Create Date: 2026-12-03 18:40:00.000000

Adds to ``member_events`` the member's ``activity_code``, ``activity``, ``sphere`` and
``region_id`` (a region, e.g. a wilaya) at the date; to ``ties`` the dates ``since`` and
``until`` of the relation; the tables ``member_figures`` (jobs, exports with currency, founding
date of a member per period) and ``cluster_activities`` (trainings, missions, events). The
downgrade drops them (the figures, activities and new fields are lost).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("activity_code", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("activity", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("sphere", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("region_id", sa.String(length=64), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_member_events_region_id_regions"),
            "regions",
            ["region_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("since", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("until", sa.Date(), nullable=True))
    op.create_table(
        "member_figures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("jobs", sa.Integer(), nullable=True),
        sa.Column("exports", sa.Float(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("founded", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_member_figures_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["clusters.id"], name=op.f("fk_member_figures_cluster_id_clusters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_figures")),
        sa.UniqueConstraint(
            "cluster_id", "actor_id", "period", name=op.f("uq_member_figures_cluster_id")
        ),
    )  # fmt: skip
    op.create_table(
        "cluster_activities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.Column("members", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["clusters.id"],
            name=op.f("fk_cluster_activities_cluster_id_clusters"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster_activities")),
    )  # fmt: skip
    op.create_index(
        "ix_cluster_activities_cluster", "cluster_activities", ["cluster_id", "date"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_cluster_activities_cluster", table_name="cluster_activities")
    op.drop_table("cluster_activities")
    op.drop_table("member_figures")
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.drop_column("until")
        batch_op.drop_column("since")
    with op.batch_alter_table("member_events", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_member_events_region_id_regions"), type_="foreignkey"
        )
        batch_op.drop_column("region_id")
        batch_op.drop_column("sphere")
        batch_op.drop_column("activity")
        batch_op.drop_column("activity_code")
