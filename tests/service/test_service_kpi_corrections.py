"""``PATCH``/``DELETE /kpis/{id}``: KPI values corrected and deleted with audit, role-checked,
with the one error shape."""

from __future__ import annotations

VALUE = {"cluster_id": "auto-mi", "name": "members", "year": 2023, "value": 52, "target": 50}


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details", "request_id"}
    assert body["error"]["code"] == code
    return body["error"]


def _put(client, headers, **changes):
    r = client.put("/api/v1/kpis", json={**VALUE, **changes}, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def _audit(client, admin, key):
    params = {"resource": "kpi", "resource_id": key}
    return client.get("/api/v1/audit", headers=admin, params=params).json()["data"]


def test_a_kpi_value_is_corrected_with_audit(populated):
    client, tokens = populated
    kpi = _put(client, tokens["mgr"])
    r = client.patch(
        f"/api/v1/kpis/{kpi['id']}", json={"value": 55, "unit": "firms"}, headers=tokens["mgr"]
    )
    assert r.status_code == 200, r.text
    assert (r.json()["value"], r.json()["unit"], r.json()["target"]) == (55, "firms", 50)
    entry = _audit(client, tokens["admin"], "auto-mi/members/2023")[0]
    assert (entry["action"], entry["who"], entry["role"]) == ("update", "mgr", "manager")
    assert (entry["before"], entry["after"]) == (
        {"value": 52.0, "unit": None},
        {"value": 55.0, "unit": "firms"},
    )
    # moving the value to another year is audited under its old key
    r = client.patch(f"/api/v1/kpis/{kpi['id']}", json={"year": 2024}, headers=tokens["admin"])
    assert r.json()["year"] == 2024
    entry = _audit(client, tokens["admin"], "auto-mi/members/2023")[0]
    assert (entry["before"], entry["after"]) == (
        {"period": "2023", "year": 2023},
        {"period": "2024", "year": 2024},
    )
    # a quarter: the period moves, the year follows
    r = client.patch(f"/api/v1/kpis/{kpi['id']}", json={"period": "2024-Q2"}, headers=tokens["mgr"])
    assert (r.json()["period"], r.json()["year"]) == ("2024-Q2", 2024)
    r = client.patch(f"/api/v1/kpis/{kpi['id']}", json={"period": "2024"}, headers=tokens["mgr"])
    assert r.json()["period"] == "2024"
    count = len(_audit(client, tokens["admin"], "auto-mi/members/2023"))
    assert (
        client.patch(
            f"/api/v1/kpis/{kpi['id']}", json={"year": 2024}, headers=tokens["mgr"]
        ).status_code
        == 200
    )
    assert len(_audit(client, tokens["admin"], "auto-mi/members/2023")) == count
    listed = client.get("/api/v1/kpis", params={"cluster": "auto-mi"}).json()["data"]
    assert [(k["year"], k["value"]) for k in listed] == [(2024, 55.0)]


def test_a_kpi_value_is_deleted_with_its_record_in_the_audit(populated):
    client, tokens = populated
    kpi = _put(client, tokens["mgr"])
    assert client.delete(f"/api/v1/kpis/{kpi['id']}", headers=tokens["mgr"]).status_code == 204
    entry = _audit(client, tokens["admin"], "auto-mi/members/2023")[0]
    assert entry["action"] == "delete"
    assert entry["before"] == {
        "cluster_id": "auto-mi",
        "name": "members",
        "period": "2023",
        "year": 2023,
        "value": 52.0,
        "unit": None,
        "target": 50.0,
    }
    assert client.get("/api/v1/kpis", params={"cluster": "auto-mi"}).json()["count"] == 0
    _error(client.delete(f"/api/v1/kpis/{kpi['id']}", headers=tokens["mgr"]), 404, "not_found")
    _error(
        client.patch(f"/api/v1/kpis/{kpi['id']}", json={"value": 1}, headers=tokens["mgr"]),
        404,
        "not_found",
    )


def test_kpi_correction_errors(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    first = _put(client, mgr)
    _put(client, mgr, year=2022, value=40)
    error = _error(
        client.patch(f"/api/v1/kpis/{first['id']}", json={"year": 2022}, headers=mgr),
        409,
        "conflict",
    )
    assert "already has a value of 'members' in 2022" in error["message"]
    error = _error(
        client.patch(f"/api/v1/kpis/{first['id']}", json={"value": None}, headers=mgr),
        422,
        "invalid_parameter",
    )
    assert "cannot be emptied" in error["message"]
    _error(
        client.patch(f"/api/v1/kpis/{first['id']}", json={"value": "many"}, headers=mgr),
        422,
        "validation_error",
    )
    _error(
        client.patch(f"/api/v1/kpis/{first['id']}", json={"cluster_id": "chem-oh"}, headers=mgr),
        422,
        "validation_error",
    )
    _error(
        client.patch(f"/api/v1/kpis/{first['id']}", json={"year": 1800}, headers=mgr),
        422,
        "validation_error",
    )
    _error(client.patch("/api/v1/kpis/0", json={"value": 1}, headers=mgr), 422, "validation_error")
    _error(client.delete("/api/v1/kpis/999", headers=mgr), 404, "not_found")
    assert client.get("/api/v1/kpis/1").status_code == 405  # one value is read from the list


def test_kpi_corrections_need_the_cluster_manager_or_an_admin(populated):
    client, tokens = populated
    mine = _put(client, tokens["mgr"])
    other = _put(client, tokens["admin"], cluster_id="chem-oh")
    error = _error(
        client.patch(f"/api/v1/kpis/{mine['id']}", json={"value": 1}, headers=tokens["ana"]),
        403,
        "forbidden",
    )
    assert "an analyst cannot change kpi 'auto-mi/members/2023' (value)" in error["message"]
    _error(client.delete(f"/api/v1/kpis/{mine['id']}", headers=tokens["ana"]), 403, "forbidden")
    _error(
        client.patch(f"/api/v1/kpis/{other['id']}", json={"value": 1}, headers=tokens["mgr"]),
        403,
        "forbidden",
    )
    _error(client.delete(f"/api/v1/kpis/{other['id']}", headers=tokens["mgr"]), 403, "forbidden")
    _error(client.patch(f"/api/v1/kpis/{mine['id']}", json={"value": 1}), 401, "unauthorized")
    _error(client.delete(f"/api/v1/kpis/{mine['id']}"), 401, "unauthorized")
    assert (
        client.get("/api/v1/kpis", params={"cluster": "chem-oh"}).json()["data"][0]["value"] == 52.0
    )
