"""network survey waves, tie provenance, soft delete and stored diagnoses

Revision ID: 0006
Revises: 0004 (the lead re-chains it after 0005 at merge)
Create Date: 2026-12-03 02:40:00.000000

* ``survey_waves``: the survey waves of a cluster's network (label, date, note).
* ``cluster_networks``: what a stored :class:`grappe.network.ActorNetwork` carries beyond its rows
  (name, source, strength scale, metadata).
* ``network_diagnoses``: each run of :func:`grappe.network.diagnose` on a stored wave, kept as a
  version per date (JSON summary and the text in FR/EN/AR).
* ``ties`` gains its cluster, its wave, ``directed``, ``evidence``, ``confidence``,
  ``respondent`` (pseudonyms), ``reports``, ``origin`` (interview, document, edge list…), its
  position in the network, ``created_at`` and ``deleted_at`` (soft delete); ``strength`` may be
  empty (an unrated tie); the one-row-per-(source, target, type) constraint goes, since the same
  tie may be reported in several waves and clusters.
* ``actors`` gains ``ownership``, ``size``, free ``attributes`` and ``deleted_at``;
  ``memberships`` gains ``member`` (inside the cluster or an outside partner), ``waves`` and
  ``position``.

Existing ties keep ``cluster_id`` and ``wave_id`` NULL: a tie without a cluster belongs to every
cluster holding both its ends (as before this revision), a tie without a wave to every wave (the
kernel's NA wave), so that nothing an existing observatory shows changes. Downgrading drops the
new columns and tables: soft-deleted rows are deleted for good, and of the ties repeating one
(source, target, type) only the oldest is kept so that the old constraint holds again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_waves",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["clusters.id"],
            name=op.f("fk_survey_waves_cluster_id_clusters"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_waves")),
        sa.UniqueConstraint("cluster_id", "label", name="uq_survey_waves_cluster_label"),
    )  # fmt: skip
    op.create_table(
        "cluster_networks",
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("strength_low", sa.Float(), nullable=False),
        sa.Column("strength_high", sa.Float(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["clusters.id"],
            name=op.f("fk_cluster_networks_cluster_id_clusters"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cluster_id", name=op.f("pk_cluster_networks")),
    )  # fmt: skip
    op.create_table(
        "network_diagnoses",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("wave", sa.String(length=64), nullable=True),
        sa.Column("before", sa.String(length=64), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("texts", sa.JSON(), nullable=True),
        sa.Column("errors", sa.JSON(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["clusters.id"],
            name=op.f("fk_network_diagnoses_cluster_id_clusters"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_diagnoses")),
    )  # fmt: skip
    with op.batch_alter_table("network_diagnoses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_network_diagnoses_cluster_id"), ["cluster_id"], unique=False
        )
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.drop_constraint("uq_ties_source_target", type_="unique")
        batch_op.alter_column("strength", existing_type=sa.Float(), nullable=True)
        batch_op.add_column(sa.Column("cluster_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("wave_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("directed", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(sa.Column("evidence", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("confidence", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("respondent", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("reports", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )
        batch_op.add_column(sa.Column("origin", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("created_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_ties_cluster_id_clusters"), "clusters", ["cluster_id"], ["id"],
            ondelete="CASCADE",
        )  # fmt: skip
        batch_op.create_foreign_key(
            batch_op.f("fk_ties_wave_id_survey_waves"), "survey_waves", ["wave_id"], ["id"],
            ondelete="CASCADE",
        )  # fmt: skip
        batch_op.create_index("ix_ties_cluster_wave", ["cluster_id", "wave_id"], unique=False)
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ownership", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("size", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("attributes", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("member", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(sa.Column("waves", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM ties WHERE deleted_at IS NOT NULL"))
    op.execute(
        sa.text(
            "DELETE FROM ties WHERE id NOT IN (SELECT min(id) FROM ties "
            "GROUP BY source, target, type)"
        )
    )
    op.execute(sa.text("UPDATE ties SET strength = 1.0 WHERE strength IS NULL"))
    gone = "(SELECT id FROM actors WHERE deleted_at IS NOT NULL)"
    op.execute(sa.text(f"DELETE FROM ties WHERE source IN {gone} OR target IN {gone}"))
    op.execute(sa.text(f"DELETE FROM memberships WHERE actor_id IN {gone}"))
    op.execute(sa.text("DELETE FROM actors WHERE deleted_at IS NOT NULL"))
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_column("position")
        batch_op.drop_column("waves")
        batch_op.drop_column("member")
    # Not in batch mode: SQLite would copy ``actors`` to a new table and drop the old one, and
    # with foreign keys on, that drop deletes (ON DELETE CASCADE) every tie and membership.
    # SQLite >= 3.35 and PostgreSQL drop these plain columns in place.
    for name in ("deleted_at", "attributes", "size", "ownership"):
        op.drop_column("actors", name)
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.drop_index("ix_ties_cluster_wave")
        batch_op.drop_constraint(batch_op.f("fk_ties_wave_id_survey_waves"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_ties_cluster_id_clusters"), type_="foreignkey")
        for name in ("deleted_at", "created_at", "position", "origin", "reports", "respondent",
                     "confidence", "evidence", "directed", "wave_id", "cluster_id"):  # fmt: skip
            batch_op.drop_column(name)
        batch_op.alter_column("strength", existing_type=sa.Float(), nullable=False)
        batch_op.create_unique_constraint("uq_ties_source_target", ["source", "target", "type"])
    with op.batch_alter_table("network_diagnoses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_diagnoses_cluster_id"))
    op.drop_table("network_diagnoses")
    op.drop_table("cluster_networks")
    op.drop_table("survey_waves")
