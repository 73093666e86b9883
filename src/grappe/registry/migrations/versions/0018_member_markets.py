"""Markets of member figures: where a member's exports of a period go

Revision ID: 0018
Revises: 0017 (adds one nullable column to a table of 0016)
Create Date: 2026-12-03 22:00:00.000000

Adds ``member_figures.markets`` (JSON): a list of ``{"country": "FR", "share": 40.0}``, ISO
3166-1 alpha-2 codes with the share of the period's exports in percent (or null), read by
:mod:`grappe.roadmap.internationalisation`. The downgrade drops it (the markets are lost).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member_figures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("markets", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("member_figures", schema=None) as batch_op:
        batch_op.drop_column("markets")
