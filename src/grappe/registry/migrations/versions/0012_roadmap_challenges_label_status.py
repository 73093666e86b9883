"""roadmap priority challenges and the label status of an evaluation

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 07:10:00.000000

Adds ``roadmaps.challenges`` (a JSON list of texts, :attr:`grappe.roadmap.Roadmap.challenges`;
roadmaps stored before get none) and ``evaluations.label_status`` (a word of
``grappe.vocabulary.LABEL_STATUSES``, NULL for evaluations stored before: they recorded no
status). The downgrade drops both columns (the values are lost; the audit log keeps them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not a batch (see 0010): SQLite adds and drops such columns in place, and a
# batch copy of ``roadmaps`` would cascade to ``roadmap_actions``.


def upgrade() -> None:
    op.add_column(
        "roadmaps", sa.Column("challenges", sa.JSON(), nullable=False, server_default="[]")
    )
    op.add_column("evaluations", sa.Column("label_status", sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.drop_column("evaluations", "label_status")
    op.drop_column("roadmaps", "challenges")
