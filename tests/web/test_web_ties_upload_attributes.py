"""An interview grid uploaded without an actors file links the cluster's stored actors and
leaves them as they were: their names in each language, place and contact (the actor form's
attributes) are not erased by storing the grid."""

from __future__ import annotations

import re

from _accounts import _csrf, _sign_in, _user
from grappe.registry import session_scope
from grappe.registry.actor_entries import record_actor
from grappe.registry.models import Actor, Cluster
from grappe.registry.permissions import Access


def test_grid_without_actors_file_keeps_the_actors_attributes(populated_app):
    app, client, _ = populated_app
    who = Access("test", "admin")
    with session_scope(app.state.sessions) as db:
        db.add(Cluster(id="dinanderie", name_en="Copperware"))
    _user(app, "mgr@obs.dz", "manager", clusters=["dinanderie"])
    with session_scope(app.state.sessions) as db:
        for fr, ar in (("Atelier Bey", "ورشة الباي"), ("Atelier Bardo", "ورشة البردو")):
            record_actor(db, who, "dinanderie", {"name_fr": fr, "name_ar": ar, "sphere":
                         "enterprise", "level": "local", "wilaya": "Constantine",
                         "contact": "0612345678"})  # fmt: skip
    with session_scope(app.state.sessions) as db:
        before = {a.id: a.attributes for a in db.query(Actor).filter(Actor.id.like("atelier%"))}
    assert _sign_in(client, "mgr@obs.dz").status_code == 303
    page = client.get("/clusters/dinanderie/ties/upload")
    grid = b"source,target,type,strength\natelier-bey,atelier-bardo,cooperation,2\n"
    r = client.post("/clusters/dinanderie/ties/upload", files={"ties": ("g.csv", grid, "text/csv")},
                    data={"csrf_token": _csrf(page.text), "wave": "2018"})  # fmt: skip
    key = re.search(r'name="upload" value="([^"]+)"', r.text)
    assert r.status_code == 200 and key, r.text
    r = client.post("/clusters/dinanderie/ties/upload/store", follow_redirects=False,
                    data={"csrf_token": _csrf(r.text), "upload": key.group(1)})  # fmt: skip
    assert r.status_code == 303
    with session_scope(app.state.sessions) as db:
        after = {a.id: a.attributes for a in db.query(Actor).filter(Actor.id.like("atelier%"))}
    assert after == before and after["atelier-bey"]["name_ar"] == "ورشة الباي"
    assert after["atelier-bey"]["contact"] == "0612345678"  # text stays text
    ties = client.get("/clusters/dinanderie/ties?wave=2018&lang=ar").text
    assert "ورشة الباي" in ties
