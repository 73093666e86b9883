"""A cluster created in the web by a manager, its publication and its history, on SQLite and
PostgreSQL (the pages' tests run on SQLite only): the ``user_clusters`` row and the audit
entries are written in the creation's transaction, and the history query (LIKE with escapes,
IN lists) reads the same on both."""

from __future__ import annotations

import pytest

from grappe.errors import DataValidationError
from grappe.registry import session_scope
from grappe.registry.actor_entries import record_actor
from grappe.registry.cluster_entries import (
    cluster_history,
    create_managed_cluster,
    set_publication,
)
from grappe.registry.models import Cluster, Region, User
from grappe.registry.users import access_of, hash_password
from grappe.vocabulary import DEFAULT_PUBLIC_SECTIONS


def test_a_manager_creates_publishes_and_reads_the_history(sessions):
    with session_scope(sessions) as db:
        db.add(
            Region(
                id="DZ-25",
                code="25",
                country="DZ",
                region_type="wilaya",
                name_en="Constantine",
                name_fr="Constantine",
                name_ar="قسنطينة",
            )
        )
        db.add(Cluster(id="other_1", name_en="Other"))  # '_' must not match as a wildcard
        db.add(User(email="nadia@crafts.dz", display_name="Nadia", role="manager",
                    password_hash=hash_password("copper and brass 2026")))  # fmt: skip
    with session_scope(sessions) as db:
        manager = access_of(db.query(User).one())
        cluster = create_managed_cluster(
            db,
            manager,
            {"name_fr": "Dinanderie de Constantine", "regions": ["DZ-25"], "stage": "emergence"},
        )
        cid = cluster.id
        with pytest.raises(DataValidationError, match=r"column 'id': The id 'dinanderie-de-"):
            create_managed_cluster(db, manager, {"id": cid, "name_en": "Again"})
    with session_scope(sessions) as db:
        user = db.query(User).one()
        assert user.cluster_ids == ["dinanderie-de-constantine"]
        manager = access_of(user)  # now manages it: may record actors and publish
        record_actor(db, manager, cid, {"name_fr": "Atelier Bey", "sphere": "enterprise"})
        set_publication(db, manager, cid, published=True, sections=["swot", "kpis"])
    with session_scope(sessions) as db:
        stored = db.get(Cluster, cid)
        assert (stored.published, stored.public_sections) == (True, ["swot", "kpis"])
        assert [r.id for r in stored.regions] == ["DZ-25"] and stored.name_en == stored.name_fr
        rows, count = cluster_history(db, cid, limit=2)
        assert count == 4 and len(rows) == 2  # cluster created, actor, membership, published
        assert [(r.action, r.resource) for r in rows] == [("update", "cluster"),
                                                          ("create", "membership")]  # fmt: skip
        assert rows[0].before == {"public_sections": list(DEFAULT_PUBLIC_SECTIONS),
                                  "published": False}  # fmt: skip
        assert rows[0].after == {"public_sections": ["swot", "kpis"], "published": True}
        older, _ = cluster_history(db, cid, limit=2, offset=2)
        assert [(r.action, r.resource, r.who, r.role) for r in older] == [
            ("create", "actor", "nadia@crafts.dz", "manager"),
            ("create", "cluster", "nadia@crafts.dz", "manager")]  # fmt: skip
        assert cluster_history(db, "other_1")[1] == 0
