"""the support bodies of firms (Algeria's support ecosystem), one typed row per branch

Revision ID: 0014
Revises: 0012 (to become 0013 at merge: package "morocco" writes 0013 in parallel; this
migration touches only its own new table, so it applies on either)
Create Date: 2026-12-03 13:20:00.000000

Adds ``support_bodies`` (:class:`grappe.registry.models.SupportBody`): id, type, name,
coordinates, wilaya of the 69-wilaya division (a region), commune ONS code, source file and
licence. The downgrade drops the table (the rows are lost; the bootstrap loads them again).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "support_bodies",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("actor_type", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), server_default="", nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("wilaya_id", sa.String(length=64), nullable=False),
        sa.Column("commune", sa.String(length=8), nullable=True),
        sa.Column("source_file", sa.String(length=200), nullable=False),
        sa.Column("licence", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["wilaya_id"],
            ["regions.id"],
            name=op.f("fk_support_bodies_wilaya_id_regions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_bodies")),
    )
    op.create_index(
        op.f("ix_support_bodies_actor_type"), "support_bodies", ["actor_type"], unique=False
    )
    op.create_index(
        op.f("ix_support_bodies_wilaya_id"), "support_bodies", ["wilaya_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_support_bodies_wilaya_id"), table_name="support_bodies")
    op.drop_index(op.f("ix_support_bodies_actor_type"), table_name="support_bodies")
    op.drop_table("support_bodies")
