"""the sections of a cluster's public profile its manager publishes

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 04:30:00.000000

Adds ``clusters.public_sections`` (a JSON list of words of
``grappe.vocabulary.PROFILE_SECTIONS``). Clusters stored before get the sections their profile
showed until then (roadmap, KPIs, evaluations), so that nothing published disappears. The
downgrade drops the column (the choices are lost; the audit log keeps them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Frozen here: a migration must not change when the vocabulary later does.
_SHOWN_BEFORE = '["roadmap", "kpis", "evaluations"]'


# Plain ALTER TABLE, not a batch: on SQLite a batch would copy the table and drop the old one,
# and dropping ``clusters`` cascades to its memberships, KPIs and every other dependent row.
# SQLite (3.35 and later) adds and drops a column with a constant default in place.


def upgrade() -> None:
    op.add_column(
        "clusters",
        sa.Column("public_sections", sa.JSON(), nullable=False, server_default=_SHOWN_BEFORE),
    )


def downgrade() -> None:
    op.drop_column("clusters", "public_sections")
