"""domain vocabularies: the kernel's life-cycle stages, KPI periods, member events

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 02:40:00.000000

Stages: the registry's words become those of :func:`grappe.assess.lifecycle_stage`
(``grappe.vocabulary.STAGES``, after Menzel & Fornahl 2010, *Industrial and Corporate Change*
19(1): 205–238). Their "sustainment" is ``maturity``; their "renewal" (a declining cluster
that adapts and grows again) is a new ``growth`` stage. Every changed cluster gets an audit
entry (action ``migrate``, before/after), and the down migration reads those entries to give
back ``renewal`` exactly; ``undetermined`` (unknown to the old schema) goes back to empty.

KPIs: a ``period`` column (``2024``, ``2024-H1``, ``2024-Q1``, ``2024-03``, ``2024-03-31``),
filled with the year of the existing rows, becomes the key with the cluster and the name.
Down: the old key holds one value per year; the whole-year value is kept, else the latest
period of the year.

Member events: a new ``member_events`` table (join, leave, sector of a member, with a date).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: Old word → kernel word (Menzel & Fornahl 2010).
STAGE_MAP = {"sustainment": "maturity", "renewal": "growth"}
WHO = "migration 0005"

_clusters = sa.table("clusters", sa.column("id", sa.String), sa.column("stage", sa.String))
_audit = sa.table(
    "audit_log",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("who", sa.String),
    sa.column("action", sa.String),
    sa.column("resource", sa.String),
    sa.column("resource_id", sa.String),
    sa.column("details", sa.JSON),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
)
_kpis = sa.table(
    "kpis",
    sa.column("id", sa.Integer),
    sa.column("cluster_id", sa.String),
    sa.column("name", sa.String),
    sa.column("year", sa.Integer),
    sa.column("period", sa.String),
)


def _stages_up(bind: sa.Connection) -> None:
    rows = bind.execute(
        sa.select(_clusters.c.id, _clusters.c.stage).where(_clusters.c.stage.in_(list(STAGE_MAP)))
    ).all()
    now = dt.datetime.now(dt.UTC)
    for cluster_id, old in rows:
        new = STAGE_MAP[old]
        bind.execute(_clusters.update().where(_clusters.c.id == cluster_id).values(stage=new))
        bind.execute(
            _audit.insert().values(
                at=now,
                who=WHO,
                action="migrate",
                resource="cluster",
                resource_id=cluster_id,
                details={"reason": "life-cycle stages of the kernel (Menzel & Fornahl 2010)"},
                before={"stage": old},
                after={"stage": new},
            )  # fmt: skip
        )


def _stages_down(bind: sa.Connection) -> None:
    entries = bind.execute(
        sa.select(_audit.c.id, _audit.c.resource_id, _audit.c.before, _audit.c.after).where(
            _audit.c.who == WHO, _audit.c.action == "migrate", _audit.c.resource == "cluster"
        )
    ).all()
    for entry_id, cluster_id, before, after in entries:
        # Only a stage nobody changed since the migration goes back to the old word.
        bind.execute(
            _clusters.update()
            .where(_clusters.c.id == cluster_id, _clusters.c.stage == after["stage"])
            .values(stage=before["stage"])
        )
        bind.execute(_audit.delete().where(_audit.c.id == entry_id))
    bind.execute(
        _clusters.update().where(_clusters.c.stage == "maturity").values(stage="sustainment")
    )
    bind.execute(_clusters.update().where(_clusters.c.stage == "undetermined").values(stage=None))


def upgrade() -> None:
    bind = op.get_bind()
    _stages_up(bind)
    with op.batch_alter_table("kpis", schema=None) as batch_op:
        batch_op.add_column(sa.Column("period", sa.String(length=10), nullable=True))
    bind.execute(_kpis.update().values(period=sa.cast(_kpis.c.year, sa.String)))
    with op.batch_alter_table("kpis", schema=None) as batch_op:
        batch_op.alter_column("period", existing_type=sa.String(length=10), nullable=False)
        batch_op.drop_constraint("uq_kpis_key", type_="unique")
        batch_op.create_unique_constraint("uq_kpis_key", ["cluster_id", "name", "period"])
    op.create_table(
        "member_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("sector", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_member_events_actor_id_actors"),
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["clusters.id"],
            name=op.f("fk_member_events_cluster_id_clusters"),
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_events")),
    )
    op.create_index("ix_member_events_member", "member_events", ["cluster_id", "actor_id", "date"])


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_member_events_member", table_name="member_events")
    op.drop_table("member_events")
    rows = bind.execute(
        sa.select(_kpis.c.id, _kpis.c.cluster_id, _kpis.c.name, _kpis.c.year, _kpis.c.period)
    ).all()
    keep: dict[tuple[str, str, int], tuple[tuple[int, str], int]] = {}
    for kpi_id, cluster_id, name, year, period in rows:
        # Whole year first, then the latest period (ISO texts of one year sort by time, and a
        # day sorts after its month's other forms: good enough to pick the latest).
        rank = (1 if period == str(year) else 0, period)
        key = (cluster_id, name, year)
        if key not in keep or rank > keep[key][0]:
            keep[key] = (rank, kpi_id)
    kept = {kpi_id for _, kpi_id in keep.values()}
    dropped = [r[0] for r in rows if r[0] not in kept]
    if dropped:
        bind.execute(_kpis.delete().where(_kpis.c.id.in_(dropped)))
    with op.batch_alter_table("kpis", schema=None) as batch_op:
        batch_op.drop_constraint("uq_kpis_key", type_="unique")
        batch_op.create_unique_constraint("uq_kpis_key", ["cluster_id", "name", "year"])
        batch_op.drop_column("period")
    _stages_down(bind)
