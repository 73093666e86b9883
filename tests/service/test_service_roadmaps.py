"""``/clusters/{id}/roadmap``: round trip, permissions, validation errors, audit, cascade."""

from __future__ import annotations

from pathlib import Path

import pytest

from grappe.io.assess import read_roadmap
from grappe.registry.roadmaps import roadmap_document

FIXTURE = Path(__file__).parents[1] / "fixtures" / "roadmap" / "roadmap_dates.yaml"
YAML = {"Content-Type": "application/yaml"}

ONE_ACTION = {
    "cluster": "Automotive Michigan",
    "mode": "top_down",
    "deliverables": {"stakeholder_map": "done"},
    "actions": [
        {
            "id": "A1",
            "title": "Kick-off meeting",
            "phase": "mobilise",
            "owner": "GM",
            "budget": 5000,
            "currency": "usd",
            "partners": "UM; State",
            "start": "2024-01-01",
            "end": "2024-03-31",
            "status": "ongoing",
            "milestones": [{"name": "Invitations", "date": "2024-01-15", "done": True}],
        }
    ],
}


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details", "request_id"}
    assert body["error"]["code"] == code
    return body["error"]


def test_yaml_roadmap_round_trip_matches_the_file_reader(populated):
    """The API stores exactly what :func:`grappe.io.assess.read_roadmap` reads from the file."""
    client, tokens = populated
    r = client.put(
        "/api/v1/clusters/auto-mi/roadmap",
        content=FIXTURE.read_bytes(),
        headers={**tokens["mgr"], **YAML},
    )
    assert r.status_code == 200, r.text
    expected = roadmap_document(read_roadmap(FIXTURE))
    assert r.json() == expected
    assert client.get("/api/v1/clusters/auto-mi/roadmap").json() == expected


def test_json_roadmap_is_normalised_and_replaced_as_a_whole(populated):
    client, tokens = populated
    url = "/api/v1/clusters/auto-mi/roadmap"
    client.put(url, content=FIXTURE.read_bytes(), headers={**tokens["admin"], **YAML})
    assert client.put(url, json=ONE_ACTION, headers=tokens["mgr"]).status_code == 200
    got = client.get(url).json()
    assert got["mode"] == "top_down" and len(got["actions"]) == 1
    action = got["actions"][0]
    assert (action["currency"], action["partners"], action["budget"]) == ("USD", ["UM", "State"],
                                                                          5000.0)  # fmt: skip
    assert action["milestones"] == [{"name": "Invitations", "date": "2024-01-15", "done": True}]


def test_roadmap_writes_need_the_cluster_manager_or_an_admin(populated):
    client, tokens = populated
    body = {**ONE_ACTION, "cluster": "Chemicals Ohio"}
    _error(client.put("/api/v1/clusters/chem-oh/roadmap", json=body, headers=tokens["mgr"]), 403,
           "forbidden")  # fmt: skip
    _error(client.put("/api/v1/clusters/chem-oh/roadmap", json=body, headers=tokens["ana"]), 403,
           "forbidden")  # fmt: skip
    _error(client.put("/api/v1/clusters/chem-oh/roadmap", json=body), 401, "unauthorized")
    _error(client.delete("/api/v1/clusters/auto-mi/roadmap"), 401, "unauthorized")
    _error(client.get("/api/v1/clusters/chem-oh/roadmap"), 404, "not_found")
    r = client.put("/api/v1/clusters/chem-oh/roadmap", json=body, headers=tokens["admin"])
    assert r.status_code == 200
    _error(client.put("/api/v1/clusters/nope/roadmap", json=body, headers=tokens["admin"]), 404,
           "not_found")  # fmt: skip


def test_unpublished_cluster_roadmap_is_hidden_from_the_public(populated):
    client, tokens = populated
    body = {**ONE_ACTION, "cluster": "Unpublished"}
    assert client.put("/api/v1/clusters/secret/roadmap", json=body,
                      headers=tokens["admin"]).status_code == 200  # fmt: skip
    _error(client.get("/api/v1/clusters/secret/roadmap"), 404, "not_found")
    assert client.get("/api/v1/clusters/secret/roadmap", headers=tokens["ana"]).status_code == 200


@pytest.mark.parametrize(
    ("change", "row", "column", "fix"),
    [
        ({"phase": "party"}, 1, "phase", "Use one of"),
        ({"budget": -3}, 1, "budget", "positive amount"),
        ({"end": "2023-12-31"}, 1, "end", "Swap or correct"),
        ({"currency": ""}, 1, "currency", "ISO 4217"),
        ({"milestones": [{"name": "late", "date": "2030-01-01"}]}, 1, "milestones", "Move"),
        ({"milestones": "soon"}, 1, "milestones", "list of mappings"),
        ({"title": "x" * 301}, 1, "title", "Shorten"),
        ({"owner": "Nobody"}, 1, "owner", "actor of the cluster"),
    ],
)
def test_invalid_roadmap_is_422_with_row_field_and_fix(populated, change, row, column, fix):
    client, tokens = populated
    body = {
        **ONE_ACTION,
        "actors": ["GM", "UM"],
        "actions": [{**ONE_ACTION["actions"][0], **change}],
    }
    err = _error(client.put("/api/v1/clusters/auto-mi/roadmap", json=body, headers=tokens["mgr"]),
                 422, "invalid_data")  # fmt: skip
    assert any(
        d["row"] == row and d["column"] == column and fix in d["fix"] for d in err["details"]
    ), err["details"]
    assert all(d["file"] == "request body" for d in err["details"])
    _error(client.get("/api/v1/clusters/auto-mi/roadmap"), 404, "not_found")


@pytest.mark.parametrize(
    ("body", "headers", "column", "message"),
    [
        (b"{not json", {}, None, "the roadmap is not valid JSON"),
        (b"actions: [unclosed", YAML, None, "the roadmap is not valid YAML"),
        (b"cluster: x\ncluster: y\n", YAML, None, "the key 'cluster' is given twice"),
        (b'{"cluster": "x", "cluster": "y"}', {}, None, "gives the key 'cluster' twice"),
        (b'{"cluster": "x", "mode": "bottom_up"}', {}, "actions", "no 'actions'"),
        (b'{"mode": "sideways", "actions": []}', {}, "cluster", "no 'cluster'"),
        (b'{"cluster": "x", "mode": "sideways", "actions": []}', {}, "mode", "mode 'sideways'"),
        (b'{"cluster": "x", "mode": "top_down", "actions": [3]}', {}, None, "not a mapping"),
        (
            b'{"cluster": "x", "mode": "top_down", "actions": [], '
            b'"deliverables": {"cake": "done"}}',
            {},
            "deliverables",
            "Unknown deliverable",
        ),  # fmt: skip
    ],
)
def test_malformed_roadmap_bodies_are_422(populated, body, headers, column, message):
    client, tokens = populated
    err = _error(client.put("/api/v1/clusters/auto-mi/roadmap", content=body,
                            headers={**tokens["mgr"], "Content-Type": "application/json",
                                     **headers}), 422, "invalid_data")  # fmt: skip
    assert message in err["message"] or any(message in d["message"] for d in err["details"])
    assert any(d["column"] == column and d["fix"] for d in err["details"])


def test_roadmap_writes_are_audited_and_follow_the_cluster(populated):
    client, tokens = populated
    url = "/api/v1/clusters/chem-oh/roadmap"
    client.put(url, json=ONE_ACTION, headers=tokens["admin"])
    assert client.delete(url, headers=tokens["admin"]).status_code == 204
    _error(client.delete(url, headers=tokens["admin"]), 404, "not_found")
    entries = client.get("/api/v1/audit", headers=tokens["admin"]).json()["data"]
    done = {(e["action"], e["resource"], e["resource_id"]) for e in entries}
    assert {("create", "roadmap", "chem-oh"), ("delete", "roadmap", "chem-oh")} <= done
    created = next(e for e in entries if e["action"] == "create" and e["resource"] == "roadmap")
    deleted = next(e for e in entries if e["action"] == "delete" and e["resource"] == "roadmap")
    # A new roadmap's entry keeps the whole document; a deleted one's, the document it had.
    assert created["before"] is None and created["after"]["actions"][0]["id"] == "A1"
    assert deleted["after"] is None and deleted["before"] == created["after"]
    admins = client.get("/api/v1/tokens", headers=tokens["admin"]).json()["data"]
    assert created["role"] == "admin" and created["who"] in {t["name"] for t in admins}
    client.put(url, json=ONE_ACTION, headers=tokens["admin"])
    assert client.delete("/api/v1/clusters/chem-oh", headers=tokens["admin"]).status_code == 204
    again = {"id": "chem-oh", "name_en": "Again"}
    assert client.post("/api/v1/clusters", json=again, headers=tokens["admin"]).status_code == 201
    _error(client.get(url, headers=tokens["admin"]), 404, "not_found")
