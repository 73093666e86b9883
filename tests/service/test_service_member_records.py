"""The API of the records KPIs are computed from: member events with activity, sphere and
region; member figures; activities; tie dates; and GET /clusters/{id}/kpis/records, with roles
on every write and the one error shape."""

from __future__ import annotations

from grappe.registry.database import session_scope
from grappe.registry.models import Tie

BASE = "/api/v1/clusters/auto-mi"


def _ok(response, status=200):
    assert response.status_code == status, response.text
    return response.json() if response.content else None


def _error(response, status, code):
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    return response.json()["error"]


def test_records_to_kpis_through_the_api(populated_app):
    app, client, tokens = populated_app
    mgr = tokens["mgr"]
    event = _ok(
        client.post(
            f"{BASE}/members/GM/events",
            headers=mgr,
            json={
                "kind": "join",
                "date": "2023-03-01",
                "activity_code": "29.10",
                "activity": "manufacture of motor vehicles",
                "region_id": "US-26",
                "sector": "industry",
            },
        ),
        201,
    )
    assert (event["sphere"], event["region_id"]) == ("enterprise", "US-26")  # the actor's
    _ok(
        client.post(
            f"{BASE}/members/UM/events",
            headers=mgr,
            json={"kind": "join", "date": "2024-02-01", "sector": "research"},
        ),
        201,
    )
    for period, jobs, exports in (("2023", 900, 5e6), ("2024", 950, 6e6)):
        body = {"period": period, "jobs": jobs, "exports": exports, "currency": "USD"}
        _ok(client.put(f"{BASE}/members/GM/figures", headers=mgr, json=body))
    _error(client.get(f"{BASE}/figures"), 401, "unauthorized")  # a firm's figures are its own
    assert _ok(client.get(f"{BASE}/figures", headers=tokens["ana"]))["count"] == 2
    figures = _ok(client.get(f"{BASE}/figures", headers=mgr))
    assert figures["count"] == 2 and figures["data"][0]["jobs"] == 900
    _ok(
        client.post(
            f"{BASE}/activities",
            headers=mgr,
            json={
                "kind": "training",
                "date": "2024-05-02",
                "participants": 14,
                "members": ["GM", "UM"],
            },
        ),
        201,
    )
    with session_scope(app.state.sessions) as session:
        tie = Tie(source="GM", target="UM", type="cooperation", cluster_id="auto-mi")
        session.add(tie)
        session.flush()
        tie_id = tie.id
    dates = _ok(
        client.put(f"{BASE}/ties/{tie_id}/dates", headers=mgr, json={"since": "2024-03-01"})
    )
    assert dates == {"since": "2024-03-01", "until": None}
    _ok(
        client.put(
            "/api/v1/kpis",
            headers=mgr,
            json={
                "cluster_id": "auto-mi",
                "name": "jobs",
                "year": 2024,
                "value": 1000,
                "target": 990,
            },
        )
    )
    result = _ok(client.get(f"{BASE}/kpis/records", params={"period": "2024", "previous": "2023"}))
    rows = {r["kpi"]: r for r in result["kpis"]}
    assert (result["period"], result["previous"], result["source"]) == ("2024", "2023", "records")
    assert rows["members"]["computed"] == 2 and rows["new_members"]["computed"] == 1
    assert (rows["jobs"]["computed"], rows["jobs"]["typed"], rows["jobs"]["target"]) == (
        950,
        1000,
        990,
    )
    assert rows["jobs"]["disagrees"] and rows["jobs"]["change"] == 50
    assert rows["exports"]["unit"] == "USD" and rows["partnerships"]["computed"] == 1
    assert rows["trainings"]["computed"] == 1
    assert result["breakdowns"]["partnerships_by_sector"] == {"industry–research": 1}
    assert result["breakdowns"]["new_members_by_sphere"] == {"university": 1}


def test_record_writes_refused_with_the_one_error_shape(populated_app):
    _app, client, tokens = populated_app
    mgr, ana = tokens["mgr"], tokens["ana"]
    join = {"kind": "join", "date": "2023-03-01"}
    _error(client.post(f"{BASE}/members/GM/events", json=join), 401, "unauthorized")
    _error(client.post(f"{BASE}/members/GM/events", headers=ana, json=join), 403, "forbidden")
    _ok(client.post(f"{BASE}/members/GM/events", headers=mgr, json=join), 201)
    error = _error(
        client.post(
            f"{BASE}/members/GM/events", headers=mgr, json={"kind": "leave", "date": "2022-01-01"}
        ),
        422,
        "invalid_data",
    )
    assert "leave before join" in error["message"] + str(error["details"])
    _error(
        client.post(
            f"{BASE}/members/GM/events",
            headers=mgr,
            json={**join, "date": "2025-01-01", "region_id": "DZ-99"},
        ),
        404,
        "not_found",
    )
    figure = {"period": "2024", "jobs": 3}
    _error(client.put(f"{BASE}/members/GM/figures", headers=ana, json=figure), 403, "forbidden")
    error = _error(
        client.put(f"{BASE}/members/UM/figures", headers=mgr, json=figure), 422, "invalid_data"
    )
    assert "Unknown member 'UM'" in str(error["details"])
    _error(
        client.put(f"{BASE}/members/GM/figures", headers=mgr, json={"period": "2024", "jobs": -1}),
        422,
        "validation_error",
    )
    _error(
        client.put(
            f"{BASE}/members/GM/figures", headers=mgr, json={"period": "2024", "exports": 5}
        ),
        422,
        "invalid_data",
    )
    activity = {"kind": "training", "date": "2024-05-02"}
    _error(client.post(f"{BASE}/activities", headers=ana, json=activity), 403, "forbidden")
    _error(
        client.post(f"{BASE}/activities", headers=mgr, json={**activity, "kind": "party"}),
        422,
        "validation_error",
    )
    _error(client.delete(f"{BASE}/activities/999", headers=mgr), 404, "not_found")
    _error(client.delete(f"{BASE}/figures/999", headers=ana), 403, "forbidden")
    _error(client.get("/api/v1/clusters/chem-oh/figures", headers=mgr), 403, "forbidden")
    _error(
        client.put(f"{BASE}/ties/999/dates", headers=mgr, json={"since": "2024-01-01"}),
        404,
        "not_found",
    )
    _error(
        client.put(f"{BASE}/ties/1/dates", headers=ana, json={"since": "2024-01-01"}),
        403,
        "forbidden",
    )
    _error(
        client.get(f"{BASE}/kpis/records", params={"period": "2024-Q9"}), 422, "invalid_parameter"
    )
    _error(
        client.get("/api/v1/clusters/secret/kpis/records", params={"period": "2024"}),
        404,
        "not_found",
    )
