"""the measure of a stored indicator snapshot (maps ranked by establishments)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 13:10:00.000000

Adds ``indicators.measure`` (a word of ``grappe.mapping.MEASURES``: the count the row's
``lq``, ``national_share``, ``focus``, ``strong`` and ``stars`` are computed on); rows stored
before get ``employment``, the only measure the registry accepted until then. The measure joins
the key of a snapshot (a region's cluster in a year may be mapped on its employment and on its
establishments), and ``employment`` may be NULL (a census of establishments, such as the
Moroccan HCP's, counts no jobs). The downgrade deletes the rows of other measures (they had no
place before) and restores the old key and the NOT NULL employment.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_OLD_KEY = ["definitions", "region_id", "cluster", "year"]

# A batch (copy of the table on SQLite, plain ALTERs on PostgreSQL): SQLite can neither drop a
# NOT NULL nor change a unique constraint in place. No table references ``indicators``, so the
# copy cascades to nothing.


def upgrade() -> None:
    with op.batch_alter_table("indicators") as batch:
        batch.add_column(
            sa.Column("measure", sa.String(length=16), nullable=False,
                      server_default="employment")
        )  # fmt: skip
        batch.alter_column("employment", existing_type=sa.Float(), nullable=True)
        batch.drop_constraint("uq_indicators_key", type_="unique")
        batch.create_unique_constraint("uq_indicators_key", [*_OLD_KEY, "measure"])


def downgrade() -> None:
    op.execute("DELETE FROM indicators WHERE measure <> 'employment' OR employment IS NULL")
    with op.batch_alter_table("indicators") as batch:
        batch.drop_constraint("uq_indicators_key", type_="unique")
        batch.create_unique_constraint("uq_indicators_key", _OLD_KEY)
        batch.alter_column("employment", existing_type=sa.Float(), nullable=False)
        batch.drop_column("measure")
