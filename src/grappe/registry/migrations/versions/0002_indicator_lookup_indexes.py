"""indicator lookup indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 23:55:09.394260
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicators_cluster"))
        batch_op.drop_index(batch_op.f("ix_indicators_region_id"))
        batch_op.drop_index(batch_op.f("ix_indicators_year"))
        batch_op.create_index("ix_indicators_cluster_year", ["cluster", "year"], unique=False)
        batch_op.create_index(
            "ix_indicators_region_year", ["region_id", "year", "cluster"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index("ix_indicators_region_year")
        batch_op.drop_index("ix_indicators_cluster_year")
        batch_op.create_index(batch_op.f("ix_indicators_year"), ["year"], unique=False)
        batch_op.create_index(batch_op.f("ix_indicators_region_id"), ["region_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_indicators_cluster"), ["cluster"], unique=False)
