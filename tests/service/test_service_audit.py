"""The audit log keeps, for every change through the API or an import, the record's kind and
key, the values before and after, the author (token name, role, id), the time and the import;
``GET /audit`` shows it to admins only, read-only, paged as ``{data, count}``."""

from __future__ import annotations

from grappe.service.testing import import_job, upload


def _error(response, status, code):
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    return response.json()["error"]


def _audit(client, admin, **params):
    response = client.get("/api/v1/audit", headers=admin, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _admin_name(client, admin):
    """Name of the test app's admin token (the author of the admin's writes)."""
    listed = client.get("/api/v1/tokens", headers=admin).json()["data"]
    [name] = [t["name"] for t in listed if t["role"] == "admin"]
    return name


def test_cluster_create_update_delete_by_hand(populated, admin):
    client, _tokens = populated
    body = {"id": "olive-dz", "name_en": "Olive oil", "regions": ["DZ-16"], "stage": "emergence"}
    assert client.post("/api/v1/clusters", json=body, headers=admin).status_code == 201
    created = _audit(client, admin, resource="cluster", resource_id="olive-dz")["data"][0]
    assert (created["action"], created["before"], created["who"], created["role"]) == (
        "create", None, _admin_name(client, admin), "admin",
    )  # fmt: skip
    assert created["after"] == {
        "name_en": "Olive oil", "name_fr": None, "name_ar": None, "sector": None,
        "definitions": None, "stage": "emergence", "label": None, "description": None,
        "contact_name": None, "contact_email": None, "website": None, "published": False,
        "public_sections": ["roadmap", "kpis", "evaluations"], "export_products": None,
        "regions": ["DZ-16"],
    }  # fmt: skip
    change = {"name_fr": "Huile d'olive", "stage": "emergence", "regions": ["DZ-16", "US-26"]}
    assert client.patch("/api/v1/clusters/olive-dz", json=change, headers=admin).status_code == 200
    updated = _audit(client, admin, resource="cluster", resource_id="olive-dz")["data"][0]
    # Only the fields that changed: the stage was sent but is the same.
    assert (updated["action"], updated["before"], updated["after"]) == (
        "update",
        {"name_fr": None, "regions": ["DZ-16"]},
        {"name_fr": "Huile d'olive", "regions": ["DZ-16", "US-26"]},
    )
    count = _audit(client, admin)["count"]
    same = client.patch("/api/v1/clusters/olive-dz", json={"stage": "emergence"}, headers=admin)
    assert same.status_code == 200
    assert _audit(client, admin)["count"] == count  # nothing changed, nothing logged
    assert client.delete("/api/v1/clusters/olive-dz", headers=admin).status_code == 204
    deleted = _audit(client, admin, resource="cluster", resource_id="olive-dz")["data"][0]
    assert deleted["action"] == "delete" and deleted["after"] is None
    assert deleted["before"] == {**created["after"], "name_fr": "Huile d'olive",
                                 "regions": ["DZ-16", "US-26"]}  # fmt: skip


def test_manager_writes_carry_its_role_and_token(populated, admin):
    client, tokens = populated
    mgr = tokens["mgr"]
    actor = {"id": "FORD", "name": "Ford", "sphere": "enterprise", "cluster_id": "auto-mi"}
    assert client.post("/api/v1/actors", json=actor, headers=mgr).status_code == 201
    tie = {"source": "FORD", "target": "GM", "type": "trust", "strength": 2}
    assert client.post("/api/v1/ties", json=tie, headers=mgr).status_code == 201
    kpi = {"cluster_id": "auto-mi", "name": "members", "year": 2021, "value": 12}
    assert client.put("/api/v1/kpis", json=kpi, headers=mgr).status_code == 200
    assert client.put("/api/v1/kpis", json={**kpi, "value": 14}, headers=mgr).status_code == 200
    entries = _audit(client, admin, who="mgr")["data"]
    got = [(e["action"], e["resource"], e["resource_id"], e["before"], e["after"])
           for e in reversed(entries)]  # fmt: skip
    assert got == [
        ("create", "actor", "FORD", None,
         {"id": "FORD", "name": "Ford", "sphere": "enterprise", "level": None, "region_id": None}),
        ("create", "membership", "auto-mi/FORD", None,
         {"cluster_id": "auto-mi", "actor_id": "FORD", "role": None}),
        ("create", "tie", "FORD/GM/trust", None,
         {"source": "FORD", "target": "GM", "type": "trust", "strength": 2.0}),
        ("create", "kpi", "auto-mi/members/2021", None,
         {"cluster_id": "auto-mi", "name": "members", "year": 2021, "period": "2021", "value": 12.0,
          "unit": None,
          "target": None}),
        ("update", "kpi", "auto-mi/members/2021", {"value": 12.0}, {"value": 14.0}),
    ]  # fmt: skip
    assert {(e["who"], e["role"], e["import_id"]) for e in entries} == {("mgr", "manager", None)}
    assert len({e["token_id"] for e in entries}) == 1 and entries[0]["token_id"] is not None


def test_import_records_each_changed_record(populated, admin):
    client, tokens = populated
    text = (
        "id,name_en,label,regions\n"
        "auto-mi,Automotive Michigan,Gold,US-26\n"  # label: None -> Gold
        "chem-oh,Chemicals Ohio,,US-39\n"  # unchanged
        "olive-dz,Olive oil,,DZ-16\n"  # new
    )
    job = import_job(client, upload(client, "clusters", text, headers=admin), headers=admin)
    assert (job["inserted"], job["updated"], job["unchanged"]) == (1, 1, 1)
    log = _audit(client, admin, import_id=job["id"])
    assert log["count"] == 3
    by_key = {(e["action"], e["resource"], e["resource_id"]): e for e in log["data"]}
    assert set(by_key) == {
        ("update", "cluster", "auto-mi"),
        ("create", "cluster", "olive-dz"),
        ("import", "clusters", str(job["id"])),
    }
    update = by_key["update", "cluster", "auto-mi"]
    assert (update["before"], update["after"]) == ({"label": None}, {"label": "Gold"})
    create = by_key["create", "cluster", "olive-dz"]
    assert create["before"] is None
    assert create["after"] == {"id": "olive-dz", "name_en": "Olive oil", "regions": ["DZ-16"]}
    summary = by_key["import", "clusters", str(job["id"])]
    assert summary["details"] == {"filename": "clusters.csv", "rows": 3, "inserted": 1,
                                  "updated": 1}  # fmt: skip
    admin_name = _admin_name(client, admin)
    assert {(e["who"], e["role"]) for e in log["data"]} == {(admin_name, "admin")}
    assert all(e["token_id"] is not None and e["at"] for e in log["data"])
    # The same file again changes nothing: only the import itself is logged.
    again = import_job(client, upload(client, "clusters", text, headers=admin), headers=admin)
    assert _audit(client, admin, import_id=again["id"])["count"] == 1


def test_indicator_and_actor_imports_by_hand(populated, admin):
    client, tokens = populated
    ana = tokens["ana"]
    text = "region,cluster,year,employment,lq\nUS-26,4,2021,125,2.6\nUS-26,9,2021,3,\n"
    job = import_job(client, upload(client, "indicators", text, headers=ana,
                                    definitions="us-benchmark"), headers=ana)  # fmt: skip
    entries = {e["resource_id"]: e for e in _audit(client, admin, import_id=job["id"])["data"]}
    changed = entries["us-benchmark/US-26/4/2021"]
    assert (changed["role"], changed["before"], changed["after"]) == (
        "analyst", {"employment": 120.0}, {"employment": 125.0},
    )  # fmt: skip
    assert entries["us-benchmark/US-26/9/2021"]["after"] == {
        "region_id": "US-26", "cluster": "9", "year": 2021, "employment": 3.0,
        "definitions": "us-benchmark", "cluster_type": "traded", "strong": False, "stars": 0,
        "cluster_name": "9", "measure": "employment",  # the default measure (migration 0013)
    }  # fmt: skip
    text = "id,name,cluster,role\nDOW,Dow Inc.,auto-mi,supplier\n"
    job = import_job(client, upload(client, "actors", text, headers=admin), headers=admin)
    entries = _audit(client, admin, import_id=job["id"])["data"]
    got = {(e["action"], e["resource"], e["resource_id"]): (e["before"], e["after"])
           for e in entries if e["action"] != "import"}  # fmt: skip
    assert got == {
        ("update", "actor", "DOW"): ({"name": "Dow"}, {"name": "Dow Inc."}),
        ("create", "membership", "auto-mi/DOW"): (
            None, {"cluster_id": "auto-mi", "actor_id": "DOW", "role": "supplier"}),
    }  # fmt: skip


def test_audit_is_read_only_for_admins_and_paged(populated, admin):
    client, tokens = populated
    _error(client.get("/api/v1/audit", headers=tokens["ana"]), 403, "forbidden")
    _error(client.get("/api/v1/audit", headers=tokens["mgr"]), 403, "forbidden")
    _error(client.get("/api/v1/audit"), 401, "unauthorized")
    for method in ("post", "put", "patch", "delete"):
        _error(getattr(client, method)("/api/v1/audit", headers=admin), 405,
               "method_not_allowed")  # fmt: skip
    everything = _audit(client, admin, limit=500)
    assert everything["count"] == len(everything["data"]) > 3
    ids = [e["id"] for e in everything["data"]]
    assert ids == sorted(ids, reverse=True)  # newest first
    page = _audit(client, admin, limit=2, offset=1)
    assert page["count"] == everything["count"]
    assert [e["id"] for e in page["data"]] == ids[1:3]
    assert _audit(client, admin, resource="nothing")["count"] == 0
    err = _error(client.get("/api/v1/audit", headers=admin, params={"import_id": 0}), 422,
                 "validation_error")  # fmt: skip
    assert "import_id" in err["message"]


def test_roadmap_update_keeps_only_the_parts_that_changed(populated, admin):
    client, tokens = populated
    url = "/api/v1/clusters/auto-mi/roadmap"
    doc = {"cluster": "Automotive Michigan", "mode": "bottom_up", "actions": [
        {"id": "A1", "title": "Kick-off", "phase": "mobilise", "owner": "GM",
         "start": "2024-01-01", "end": "2024-03-31"}]}  # fmt: skip
    assert client.put(url, json=doc, headers=tokens["mgr"]).status_code == 200
    assert client.put(url, json=doc, headers=tokens["mgr"]).status_code == 200  # the same
    assert (
        client.put(url, json={**doc, "mode": "top_down"}, headers=tokens["mgr"]).status_code == 200
    )
    entries = _audit(client, admin, resource="roadmap", resource_id="auto-mi")["data"]
    assert [(e["action"], e["role"]) for e in entries] == [
        ("update", "manager"), ("create", "manager"),
    ]  # fmt: skip
    assert (entries[0]["before"], entries[0]["after"]) == (
        {"mode": "bottom_up"},
        {"mode": "top_down"},
    )


def test_token_writes_are_audited(populated, admin):
    client, _tokens = populated
    body = {"name": "ext", "role": "manager", "clusters": ["auto-mi"]}
    assert client.post("/api/v1/tokens", json=body, headers=admin).status_code == 201
    assert client.delete("/api/v1/tokens/ext", headers=admin).status_code == 204
    revoked, created = _audit(client, admin, resource="token", resource_id="ext")["data"]
    assert (created["action"], created["role"], created["before"], created["after"]) == (
        "create", "admin", None, {"role": "manager", "clusters": ["auto-mi"]},
    )  # fmt: skip
    assert (revoked["action"], revoked["role"], revoked["before"], revoked["after"]) == (
        "revoke", "admin", {"revoked": False}, {"revoked": True},
    )  # fmt: skip
    assert created["token_id"] is not None and "grp_" not in str(created)
