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


# Plain ALTER TABLE, not a batch (as 0010): on SQLite a batch would copy the table and drop the
# old one, and dropping ``clusters`` cascades to its memberships, KPIs and every other dependent
# row. SQLite (3.35 and later) adds and drops a plain column in place.
def upgrade() -> None:
    op.add_column("clusters", sa.Column("export_products", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("clusters", "export_products")
