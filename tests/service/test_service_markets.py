"""The markets of member figures through the API (PUT /clusters/{id}/members/{actor}/figures):
stored and read back, an unknown country code refused naming the field, the one error shape."""

from __future__ import annotations

BASE = "/api/v1/clusters/auto-mi"


def test_markets_through_the_api(populated_app):
    _app, client, tokens = populated_app
    mgr = tokens["mgr"]
    r = client.post(f"{BASE}/members/GM/events", headers=mgr,
                    json={"kind": "join", "date": "2023-03-01"})  # fmt: skip
    assert r.status_code == 201, r.text
    body = {"period": "2024", "exports": 6e6, "currency": "USD",
            "markets": [{"country": "ca", "share": 70}, {"country": "MX"}]}  # fmt: skip
    r = client.put(f"{BASE}/members/GM/figures", headers=mgr, json=body)
    assert r.status_code == 200, r.text
    assert r.json()["markets"] == [
        {"country": "CA", "share": 70.0},
        {"country": "MX", "share": None},
    ]
    figures = client.get(f"{BASE}/figures", headers=mgr).json()
    assert figures["data"][0]["markets"][0]["country"] == "CA"
    bad = {**body, "markets": [{"country": "QQ", "share": 10}]}
    r = client.put(f"{BASE}/members/GM/figures", headers=mgr, json=bad)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "invalid_data" and "markets" in r.text
    assert "Unknown country code 'QQ'" in r.text
    too_much = {**body, "markets": [{"country": "CA", "share": 140}]}
    assert client.put(f"{BASE}/members/GM/figures", headers=mgr, json=too_much).status_code == 422
