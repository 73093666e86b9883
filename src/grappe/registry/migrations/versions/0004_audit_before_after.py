"""audit before/after values, role, token and import

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 23:00:00.000000

Entries written before this revision keep working: the new columns are nullable and stay null
for them. ``resource_id`` widens to 300 characters (a tie's key is ``source/target/type``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("token_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("import_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("before", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("after", sa.JSON(), nullable=True))
        batch_op.alter_column(
            "resource_id",
            existing_type=sa.String(length=100),
            type_=sa.String(length=300),
            existing_nullable=True,
        )
        batch_op.create_index(batch_op.f("ix_audit_log_import_id"), ["import_id"], unique=False)
        batch_op.create_index("ix_audit_log_resource", ["resource", "resource_id"], unique=False)


def downgrade() -> None:
    # Keys longer than the old width are cut so that the narrower column accepts them.
    op.execute(
        sa.text(
            "UPDATE audit_log SET resource_id = substr(resource_id, 1, 100) "
            "WHERE length(resource_id) > 100"
        )
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_resource")
        batch_op.drop_index(batch_op.f("ix_audit_log_import_id"))
        batch_op.alter_column(
            "resource_id",
            existing_type=sa.String(length=300),
            type_=sa.String(length=100),
            existing_nullable=True,
        )
        batch_op.drop_column("after")
        batch_op.drop_column("before")
        batch_op.drop_column("import_id")
        batch_op.drop_column("token_id")
        batch_op.drop_column("role")
