"""REST API through an in-process client, a fresh database per test (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from grappe.registry.models import ApiToken
from grappe.registry.testing import table_snapshot
from grappe.service.testing import TOY_FILES, import_job, upload

INDICATORS = TOY_FILES["indicators"]


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details", "request_id"}
    assert body["error"]["code"] == code
    assert body["error"]["request_id"] == response.headers["X-Request-ID"]
    return body["error"]


def test_openapi_published(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["info"]["title"] == "grappe observatory API"
    resources = ("clusters", "indicators", "imports", "kpis", "evaluations", "actors", "ties",
                 "regions", "tokens", "audit")  # fmt: skip
    for path in (f"/api/v1/{r}" for r in resources):
        assert path in doc["paths"]


def test_lists_are_paginated_and_filtered(populated):
    client, _ = populated
    page = client.get("/api/v1/indicators", params={"limit": 2, "offset": 1}).json()
    assert page["count"] == 4 and len(page["data"]) == 2
    assert [r["year"] for r in page["data"]] == [2021, 2021]  # sorted by region, cluster, year
    strong = client.get("/api/v1/indicators", params={"strong": True, "year": 2021}).json()
    assert sorted((r["region_id"], r["cluster"]) for r in strong["data"]) == [
        ("US-26", "4"),
        ("US-39", "7"),
    ]
    by_lq = client.get("/api/v1/indicators", params={"order": "lq", "limit": 1}).json()
    assert by_lq["data"][0]["lq"] == 2.6
    assert client.get("/api/v1/regions", params={"country": "DZ"}).json()["count"] == 1
    found = client.get("/api/v1/clusters", params={"q": "AUTOMOBILE"}).json()
    assert [c["id"] for c in found["data"]] == ["auto-mi"]
    members = client.get("/api/v1/actors", params={"cluster": "auto-mi"}).json()
    assert [a["id"] for a in members["data"]] == ["GM", "UM"]
    ties = client.get("/api/v1/ties", params={"cluster": "auto-mi"}).json()
    assert ties["count"] == 2


def test_unpublished_profiles_are_hidden_from_the_public(populated):
    client, tokens = populated
    public = client.get("/api/v1/clusters").json()
    assert public["count"] == 2 and "secret" not in [c["id"] for c in public["data"]]
    _error(client.get("/api/v1/clusters/secret"), 404, "not_found")
    assert client.get("/api/v1/clusters/secret", headers=tokens["ana"]).status_code == 200
    assert client.get("/api/v1/clusters", headers=tokens["ana"]).json()["count"] == 3


def test_anonymous_users_cannot_write(populated):
    client, _ = populated
    writes = [
        ("post", "/api/v1/clusters", {"json": {"id": "x", "name_en": "X"}}),
        ("patch", "/api/v1/clusters/auto-mi", {"json": {"label": "gold"}}),
        ("delete", "/api/v1/clusters/auto-mi", {}),
        (
            "put",
            "/api/v1/kpis",
            {"json": {"cluster_id": "auto-mi", "name": "jobs", "year": 2021, "value": 1}},
        ),
        (
            "post",
            "/api/v1/evaluations",
            {"json": {"cluster_id": "auto-mi", "date": "2021-01-01", "kind": "label"}},
        ),
        ("post", "/api/v1/actors", {"json": {"id": "Z", "name": "Z"}}),
        ("post", "/api/v1/ties", {"json": {"source": "GM", "target": "UM", "type": "trust"}}),
        ("post", "/api/v1/tokens", {"json": {"name": "me", "role": "admin"}}),
    ]
    for method, url, kw in writes:
        err = _error(getattr(client, method)(url, **kw), 401, "unauthorized")
        assert "API token" in err["message"]
    _error(upload(client, "regions", "id\n", headers={}), 401, "unauthorized")
    _error(
        client.get("/api/v1/clusters", headers={"Authorization": "Bearer grp_nope_wrong"}),
        401,
        "unauthorized",
    )


def test_cluster_manager_edits_only_its_clusters(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    ok = client.patch(
        "/api/v1/clusters/auto-mi", json={"label": "Gold", "stage": "maturity"}, headers=mgr
    )
    assert ok.status_code == 200 and ok.json()["label"] == "Gold"
    err = _error(
        client.patch("/api/v1/clusters/chem-oh", json={"label": "Gold"}, headers=mgr),
        403,
        "forbidden",
    )
    assert "chem-oh" in err["message"]
    kpi = {"cluster_id": "chem-oh", "name": "jobs", "year": 2021, "value": 3}
    _error(client.put("/api/v1/kpis", json=kpi, headers=mgr), 403, "forbidden")
    _error(
        client.post("/api/v1/clusters", json={"id": "new", "name_en": "N"}, headers=mgr),
        403,
        "forbidden",
    )
    _error(client.delete("/api/v1/clusters/auto-mi", headers=mgr), 403, "forbidden")
    _error(upload(client, "regions", "id\n", headers=mgr), 403, "forbidden")
    # A tie between a member of its cluster and an actor of another cluster is not its to make.
    tie = {"source": "GM", "target": "DOW", "type": "trust"}
    _error(client.post("/api/v1/ties", json=tie, headers=mgr), 403, "forbidden")
    own = {"source": "UM", "target": "GM", "type": "trust"}
    assert client.post("/api/v1/ties", json=own, headers=mgr).status_code == 201
    assert client.get("/api/v1/clusters/chem-oh").json()["label"] is None


def test_analyst_imports_but_does_not_edit_profiles(populated):
    client, tokens = populated
    ana = tokens["ana"]
    r = upload(client, "indicators", INDICATORS, headers=ana, definitions="us-benchmark")
    assert r.status_code == 202 and r.json()["status"] == "queued"
    assert import_job(client, r, headers=ana)["unchanged"] == 4
    _error(
        client.patch("/api/v1/clusters/auto-mi", json={"label": "x"}, headers=ana), 403, "forbidden"
    )
    assert client.get("/api/v1/imports", headers=ana).json()["count"] == 6
    _error(client.get("/api/v1/audit", headers=ana), 403, "forbidden")


def test_failed_import_leaves_database_unchanged_and_reports_rows(populated_app):
    app, client, tokens = populated_app
    with app.state.sessions() as s:
        before = table_snapshot(s)
    bad = (
        INDICATORS.replace("US-39,7,Chemicals,2021,50", "US-39,7,Chemicals,2021,lots")
        + "US-99,8,X,2021,1,1,0,false,0\n"
    )
    err = _error(
        upload(client, "indicators", bad, headers=tokens["ana"], name="stats.csv"),
        422,
        "invalid_data",
    )
    assert {(d["row"], d["column"]) for d in err["details"]} == {(5, "employment"), (6, "region")}
    assert all(d["file"] == "stats.csv" and d["fix"] for d in err["details"])
    with app.state.sessions() as s:
        assert table_snapshot(s) == before


def test_reimport_via_api_is_idempotent(populated):
    client, tokens = populated
    again = upload(
        client, "indicators", INDICATORS, headers=tokens["ana"], definitions="us-benchmark"
    )
    job = import_job(client, again, headers=tokens["ana"])
    assert job["status"] == "succeeded" and job["inserted"] == 0 and job["updated"] == 0
    assert client.get("/api/v1/indicators").json()["count"] == 4


def test_every_write_is_audited(populated, admin):
    client, tokens = populated
    client.patch(
        "/api/v1/clusters/auto-mi", json={"website": "https://example.org"}, headers=tokens["mgr"]
    )
    client.put(
        "/api/v1/kpis",
        json={"cluster_id": "auto-mi", "name": "members", "year": 2021, "value": 12},
        headers=tokens["mgr"],
    )
    entries = client.get("/api/v1/audit", headers=admin).json()["data"]
    latest = [(e["who"], e["action"], e["resource"], e["resource_id"]) for e in entries[:2]]
    assert latest[0] == ("mgr", "create", "kpi", "auto-mi/members/2021")
    assert latest[1] == ("mgr", "update", "cluster", "auto-mi")
    assert entries[0]["at"] and entries[0]["role"] == "manager" and entries[0]["token_id"]
    # An update keeps the old and new values of the changed fields only; a create, the record.
    assert (entries[1]["before"], entries[1]["after"]) == (
        {"website": None},
        {"website": "https://example.org"},
    )
    assert entries[0]["before"] is None
    assert entries[0]["after"] == {
        "cluster_id": "auto-mi", "name": "members", "year": 2021, "period": "2021", "value": 12.0,
        "unit": None,
        "target": None,
    }  # fmt: skip
    kinds = {(e["action"], e["resource"]) for e in entries}
    assert {("import", "regions"), ("create", "token")} <= kinds


def test_tokens_are_stored_hashed(populated_app, admin):
    app, client, _ = populated_app
    created = client.post(
        "/api/v1/tokens",
        json={"name": "ext", "role": "analyst"},
        headers=admin,
    ).json()
    secret = created["token"].split("_", 2)[2]
    with app.state.sessions() as s:
        for row in s.scalars(select(ApiToken)):
            assert secret not in (row.hash, row.salt, row.prefix, row.name)
            assert len(row.hash) == 128
    dup = client.post(
        "/api/v1/tokens",
        json={"name": "ext", "role": "analyst"},
        headers=admin,
    )
    _error(dup, 422, "invalid_parameter")


def test_kpis_and_evaluations(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    for year, value in ((2020, 10.0), (2021, 12.0), (2021, 13.0)):
        r = client.put(
            "/api/v1/kpis",
            json={"cluster_id": "auto-mi", "name": "members", "year": year, "value": value},
            headers=mgr,
        )
        assert r.status_code == 200
    kpis = client.get("/api/v1/kpis", params={"cluster": "auto-mi"}).json()
    assert [(k["year"], k["value"]) for k in kpis["data"]] == [(2020, 10.0), (2021, 13.0)]
    ev = {
        "cluster_id": "auto-mi",
        "date": "2022-03-01",
        "kind": "label",
        "label": "Gold",
        "score": 81.5,
    }
    assert client.post("/api/v1/evaluations", json=ev, headers=mgr).status_code == 201
    assert client.get("/api/v1/evaluations").json()["data"][0]["label"] == "Gold"


@pytest.mark.parametrize(
    ("method", "url", "kw", "status", "code"),
    [
        ("get", "/api/v1/clusters/none", {}, 404, "not_found"),
        ("get", "/api/v1/regions/XX-00", {}, 404, "not_found"),
        ("get", "/api/v1/nowhere", {}, 404, "not_found"),
        ("get", "/api/v1/indicators?limit=0", {}, 422, "validation_error"),
        ("get", "/api/v1/indicators?year=abc", {}, 422, "validation_error"),
        (
            "post",
            "/api/v1/clusters",
            {"json": {"id": "Bad Id!", "name_en": "x"}},
            422,
            "validation_error",
        ),
        (
            "post",
            "/api/v1/clusters",
            {"json": {"id": "auto-mi", "name_en": "x"}},
            422,
            "invalid_parameter",
        ),
        (
            "post",
            "/api/v1/clusters",
            {"json": {"id": "n", "name_en": "x", "regions": ["XX-1"]}},
            404,
            "not_found",
        ),
        (
            "put",
            "/api/v1/kpis",
            {"json": {"cluster_id": "none", "name": "a", "year": 2020, "value": 1}},
            404,
            "not_found",
        ),
        (
            "post",
            "/api/v1/ties",
            {"json": {"source": "GM", "target": "UM", "type": "information"}},
            422,
            "invalid_parameter",
        ),
        (
            "post",
            "/api/v1/actors",
            {"json": {"id": "GM", "name": "again"}},
            422,
            "invalid_parameter",
        ),
        ("delete", "/api/v1/clusters", {}, 405, "method_not_allowed"),
    ],
)
def test_one_error_shape(populated, admin, method, url, kw, status, code):
    client, _ = populated
    _error(getattr(client, method)(url, headers=admin, **kw), status, code)


def test_admin_deletes_a_cluster(populated, admin):
    client, _ = populated
    assert client.delete("/api/v1/clusters/chem-oh", headers=admin).status_code == 204
    _error(client.get("/api/v1/clusters/chem-oh"), 404, "not_found")


def test_indicator_answers_follow_writes(populated):
    """The indicator list is kept in memory until the next write, never longer."""
    client, tokens = populated
    assert client.get("/api/v1/indicators").json()["count"] == 4
    assert client.get("/api/v1/indicators").json()["count"] == 4
    more = "region,cluster,year,employment\nDZ-16,4,2021,7\n"
    assert upload(client, "indicators", more, headers=tokens["ana"]).status_code == 202
    assert client.get("/api/v1/indicators").json()["count"] == 5


def test_admin_lists_and_revokes_tokens(populated, admin):
    client, tokens = populated
    listed = client.get("/api/v1/tokens", headers=admin).json()
    mgr = next(t for t in listed["data"] if t["name"] == "mgr")
    assert mgr["role"] == "manager" and mgr["cluster_ids"] == ["auto-mi"] and not mgr["revoked"]
    assert all("hash" not in t and "salt" not in t for t in listed["data"])
    ok = {"label": "Silver"}
    assert (
        client.patch("/api/v1/clusters/auto-mi", json=ok, headers=tokens["mgr"]).status_code == 200
    )
    _error(client.delete("/api/v1/tokens/mgr", headers=tokens["mgr"]), 403, "forbidden")
    assert client.delete("/api/v1/tokens/mgr", headers=admin).status_code == 204
    _error(
        client.patch("/api/v1/clusters/auto-mi", json=ok, headers=tokens["mgr"]),
        401,
        "unauthorized",
    )
    _error(client.delete("/api/v1/tokens/nobody", headers=admin), 404, "not_found")
    entry = client.get("/api/v1/audit", headers=admin).json()["data"][0]
    assert (entry["who"], entry["action"], entry["resource_id"]) == (
        "test admin",
        "revoke",
        "mgr",
    )


def test_every_integer_path_parameter_is_bounded_to_the_ids_range(client, admin):
    """A row id larger than the database's INTEGER is refused (422), not an overflow in the
    driver (schemathesis found ``PATCH /api/v1/decisions/13006938585451155456`` → 500)."""
    from grappe.service.schemas import MAX_ROW_ID

    doc = client.get("/api/v1/openapi.json").json()
    unbounded = []
    for path, methods in doc["paths"].items():
        for method, operation in methods.items():
            for param in operation.get("parameters", []):
                schema = param.get("schema", {})
                integer = param["in"] == "path" and schema.get("type") == "integer"
                if integer and schema.get("maximum", float("inf")) > MAX_ROW_ID:
                    unbounded.append(f"{method.upper()} {path} {param['name']}")
    assert unbounded == []
    huge = client.patch("/api/v1/decisions/13006938585451155456", json={"reason": "x"},
                        headers=admin)  # fmt: skip
    assert _error(huge, 422, "validation_error")["message"]
