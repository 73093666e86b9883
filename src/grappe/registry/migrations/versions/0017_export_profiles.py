"""Countries' export profiles (issue 19)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 21:50:00.000000

Adds the table ``export_profiles``: one row per (country, year, source) with the headline
figures of a country's export profile (total, diversity, ECI and its rank, COI), the profile as
a JSON document, the exports by cluster, the corrections (product names, hidden opportunities)
and whether it is published; and ``product_spaces``, the product space of a source and year
laid out for the pages. The downgrade drops both tables (the stored profiles are lost; the
observatory job computes them again).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "export_profiles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.Column("diversity", sa.Integer(), nullable=False),
        sa.Column("eci", sa.Float(), nullable=True),
        sa.Column("eci_rank", sa.Integer(), nullable=True),
        sa.Column("n_countries", sa.Integer(), nullable=False),
        sa.Column("coi", sa.Float(), nullable=True),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("clusters", sa.JSON(), nullable=True),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("hidden", sa.JSON(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_profiles")),
        sa.UniqueConstraint("country", "year", "source", name="uq_export_profiles_key"),
    )
    with op.batch_alter_table("export_profiles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_export_profiles_country"), ["country"], unique=False)
    op.create_table(
        "product_spaces",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("nodes", sa.JSON(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("method", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_spaces")),
        sa.UniqueConstraint("year", "source", name="uq_product_spaces_key"),
    )


def downgrade() -> None:
    op.drop_table("product_spaces")
    with op.batch_alter_table("export_profiles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_export_profiles_country"))
    op.drop_table("export_profiles")
