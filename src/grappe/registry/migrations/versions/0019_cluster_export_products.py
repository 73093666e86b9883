"""The HS headings of a cluster's exports

Revision ID: 0019
Revises: 0018 (adds one nullable column to ``clusters``)
Create Date: 2026-12-04 01:00:00.000000

Adds ``clusters.export_products`` (JSON): the HS 4-digit headings the cluster's manager names
as the cluster's products (``["0804"]`` for the Biskra dates), read by
:mod:`grappe.registry.cluster_exports` to pick the country's advantages and opportunities in
them. Null means "not set" (the headings are then derived from the cluster's definitions and
sector when they name a cluster). The downgrade drops it (the headings are lost).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("export_products", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.drop_column("export_products")
