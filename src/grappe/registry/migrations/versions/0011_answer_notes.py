"""the evidence text a respondent gives with each answer of a questionnaire

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 07:00:00.000000

Adds ``assessment_answers.notes`` (a JSON mapping of question id to the respondent's evidence
text, written by the web workspace's questionnaire forms). Answer sets stored before have none
(NULL). The downgrade drops the column (the texts are lost; the audit log keeps them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not a batch (see 0010): a nullable column without default is added and
# dropped in place on SQLite 3.35 and later, without copying ``assessment_answers``.


def upgrade() -> None:
    op.add_column("assessment_answers", sa.Column("notes", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("assessment_answers", "notes")
