"""What the network kernel refuses, the API and the imports refuse with the kernel's words
(422 with the field, or the file's row and column); the one roadmap parser gives the same
issues through the API as through the file reader; member events and KPI periods."""

from __future__ import annotations

import pandas as pd
import pytest

from grappe.errors import DataValidationError
from grappe.network import build_network
from grappe.service.testing import upload

ACTORS = pd.DataFrame({"id": ["GM", "UM"], "sphere": ["enterprise", "university"],
                       "level": ["local", "regional"]})  # fmt: skip


def _kernel_actor_issue(column, value):
    frame = ACTORS.assign(**{column: [ACTORS[column][0], value]})
    with pytest.raises(DataValidationError) as info:
        build_network(frame, pd.DataFrame(columns=["source", "target", "type"]))
    [issue] = info.value.issues
    return issue


def _kernel_tie_issue(**tie):
    row = {"source": "GM", "target": "UM", "type": "information", **tie}
    with pytest.raises(DataValidationError) as info:
        build_network(ACTORS, pd.DataFrame([row]))
    [issue] = info.value.issues
    return issue


BAD_ACTORS = [("sphere", "banana"), ("level", "galactic")]
BAD_TIES = [{"type": "friendship"}, {"strength": 9}, {"target": "GM"}]


@pytest.mark.parametrize(("column", "value"), BAD_ACTORS)
def test_post_actor_refused_with_the_kernels_message(populated, column, value):
    client, tokens = populated
    kernel = _kernel_actor_issue(column, value)
    body = {"id": "NEW", "name": "New", column: value}
    response = client.post("/api/v1/actors", json=body, headers=tokens["admin"])
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_data"
    [detail] = error["details"]
    # the same message; the fix adds "or leave it empty": the registry keeps actors whose
    # sphere or level is not known yet
    assert (detail["column"], detail["message"]) == (kernel.column, kernel.message)
    assert detail["fix"].startswith(kernel.fix.rstrip("."))
    assert client.get("/api/v1/actors/NEW").status_code == 404  # nothing stored


@pytest.mark.parametrize("tie", BAD_TIES)
def test_post_tie_refused_with_the_kernels_message(populated, tie):
    client, tokens = populated
    kernel = _kernel_tie_issue(**tie)
    body = {"source": "GM", "target": "UM", "type": "information", **tie}
    response = client.post("/api/v1/ties", json=body, headers=tokens["admin"])
    assert response.status_code == 422, response.text
    [detail] = response.json()["error"]["details"]
    assert (detail["column"], detail["message"]) == (kernel.column, kernel.message)


@pytest.mark.parametrize(("column", "value"), BAD_ACTORS)
def test_actor_import_refused_with_the_kernels_message(populated, column, value):
    client, tokens = populated
    kernel = _kernel_actor_issue(column, value)
    text = f"id,name,{column}\nNEW1,Fine,\nNEW2,Bad,{value}\n"
    response = upload(client, "actors", text, headers=tokens["admin"])
    assert response.status_code == 422, response.text  # checked before the job is queued
    [issue] = response.json()["error"]["details"]
    assert (issue["row"], issue["column"], issue["message"], issue["file"]) == (
        3,
        kernel.column,
        kernel.message,
        "actors.csv",
    )


@pytest.mark.parametrize("tie", BAD_TIES)
def test_tie_import_refused_with_the_kernels_message(populated, tie):
    client, tokens = populated
    kernel = _kernel_tie_issue(**tie)
    row = {"source": "GM", "target": "UM", "type": "information", "strength": 2, **tie}
    text = "source,target,type,strength\n" + ",".join(str(row[k]) for k in row) + "\n"
    response = upload(client, "ties", text, headers=tokens["admin"])
    assert response.status_code == 422, response.text  # checked before the job is queued
    [issue] = response.json()["error"]["details"]
    assert (issue["row"], issue["column"], issue["message"]) == (2, kernel.column, kernel.message)


def test_aliases_are_stored_canonical_as_the_kernel_reads_them(populated):
    client, tokens = populated
    body = {"id": "BANK", "name": "A bank", "sphere": "Bank", "level": "wilaya"}
    created = client.post("/api/v1/actors", json=body, headers=tokens["admin"]).json()
    assert (created["sphere"], created["level"]) == ("finance", "regional")
    tie = {"source": "BANK", "target": "GM", "type": "money", "strength": 3}
    stored = client.post("/api/v1/ties", json=tie, headers=tokens["admin"]).json()
    assert (stored["type"], stored["strength"]) == ("funding", 3.0)


def test_the_same_bad_roadmap_gives_the_same_issues_in_the_file_reader_and_the_api(
    populated, tmp_path
):
    from grappe.io.assess import read_roadmap
    from grappe.roadmap import Roadmap

    action = {"id": "A1", "title": "Kick-off", "phase": "mobilise", "owner": "CCI",
              "start": "2024-01-01", "end": "2024-03-31"}  # fmt: skip
    document = {"cluster": "Dates", "mode": "bottom_up", "deliverables": ["a", "b"],
                "actions": [action]}  # fmt: skip
    path = tmp_path / "r.yaml"
    import yaml

    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    with pytest.raises(DataValidationError) as from_file:
        read_roadmap(path)
    with pytest.raises(DataValidationError) as from_dict:
        Roadmap.from_dict(document)
    client, tokens = populated
    response = client.put("/api/v1/clusters/auto-mi/roadmap", json=document,
                          headers=tokens["admin"])  # fmt: skip
    assert response.status_code == 422
    api = [(d["column"], d["message"], d["fix"]) for d in response.json()["error"]["details"]]
    file = [(i.column, i.message, i.fix) for i in from_file.value.issues]
    python = [(i.column, i.message, i.fix) for i in from_dict.value.issues]
    assert api == file == python
    assert api[0][1] == "The roadmap's 'deliverables' is not a mapping."


def test_member_events_crud_counts_rights_and_audit(populated):
    client, tokens = populated
    base = "/api/v1/clusters/auto-mi/members"
    mgr, ana = tokens["mgr"], tokens["ana"]
    for actor, kind, date in (("GM", "join", "2023-05-01"), ("UM", "join", "2024-02-01"),
                              ("GM", "leave", "2024-03-15")):  # fmt: skip
        response = client.post(f"{base}/{actor}/events", json={"kind": kind, "date": date},
                               headers=mgr)  # fmt: skip
        assert response.status_code == 201, response.text
    counts = client.get(f"{base}/counts", params={"period": "2024-q1"}).json()
    assert counts == {"cluster_id": "auto-mi", "period": "2024-Q1", "members": 1,
                      "new_members": 1}  # fmt: skip
    events = client.get(f"{base}/GM/events").json()
    assert events["count"] == 2 and [e["kind"] for e in events["data"]] == ["join", "leave"]
    leave = events["data"][1]["id"]
    # correct the date of leaving: GM is still a member at the end of the quarter
    fixed = client.patch(f"{base}/GM/events/{leave}", json={"date": "2024-06-30"}, headers=mgr)
    assert fixed.status_code == 200 and fixed.json()["date"] == "2024-06-30"
    counts = client.get(f"{base}/counts", params={"period": "2024-Q1"}).json()
    assert counts["members"] == 2
    refused = client.delete(f"{base}/GM/events/{leave}", headers=ana)
    assert refused.status_code == 403
    assert "an analyst cannot delete member_event" in refused.json()["error"]["message"]
    other = client.post("/api/v1/clusters/chem-oh/members/DOW/events",
                        json={"kind": "join", "date": "2024-01-01"}, headers=mgr)  # fmt: skip
    assert other.status_code == 403
    assert client.delete(f"{base}/GM/events/{leave}", headers=mgr).status_code == 204
    assert client.get(f"{base}/GM/events").json()["count"] == 1
    entries = client.get("/api/v1/audit", headers=tokens["admin"],
                         params={"resource": "member_event"}).json()["data"]  # fmt: skip
    got = [(e["action"], e["before"], e["after"]) for e in entries[:2]]
    assert got[0][0] == "delete" and got[0][1]["date"] == "2024-06-30" and got[0][2] is None
    assert got[1] == ("update", {"date": "2024-03-15"}, {"date": "2024-06-30"})


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"kind": "promotion", "date": "2024-01-01"}, "kind", "Input should be 'join'"),
        ({"kind": "sector", "date": "2024-01-01"}, None, "must be given for a sector event"),
        ({"kind": "join", "date": "2024-02-30"}, "date", "date"),
    ],
)
def test_member_event_errors(populated, body, field, words):
    client, tokens = populated
    response = client.post("/api/v1/clusters/auto-mi/members/GM/events", json=body,
                           headers=tokens["admin"])  # fmt: skip
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert words in error["message"]
    if field is not None:
        assert error["details"][0]["location"][-1] == field


def test_member_counts_refuse_a_bad_period_and_unknown_things(populated):
    client, tokens = populated
    bad = client.get("/api/v1/clusters/auto-mi/members/counts", params={"period": "2024-Q5"})
    assert bad.status_code == 422
    assert (
        "The 'period' parameter: The period '2024-Q5' is not a period."
        in (bad.json()["error"]["message"])
    )
    join = {"kind": "join", "date": "2024-01-01"}
    missing = client.post("/api/v1/clusters/auto-mi/members/NOBODY/events", json=join,
                          headers=tokens["admin"])  # fmt: skip
    assert missing.status_code == 404 and "No actor with id 'NOBODY'" in missing.text
    gone = client.patch("/api/v1/clusters/auto-mi/members/GM/events/999", json={"note": "x"},
                        headers=tokens["admin"])  # fmt: skip
    assert gone.status_code == 404


def test_kpis_by_quarter_are_kept_apart_and_checked(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    for period, value in (("2024-Q1", 10), ("2024-q2", 12)):
        body = {"cluster_id": "auto-mi", "name": "members", "period": period, "value": value}
        assert client.put("/api/v1/kpis", json=body, headers=mgr).status_code == 200
    rows = client.get("/api/v1/kpis", params={"cluster": "auto-mi"}).json()["data"]
    assert [(r["period"], r["year"], r["value"]) for r in rows] == [
        ("2024-Q1", 2024, 10.0), ("2024-Q2", 2024, 12.0)
    ]  # fmt: skip
    for body, words in (
        ({"period": "2024-13"}, "names a month that does not exist"),
        ({"period": "2024-Q1", "year": 2023}, "The year 2023 is not the year of period 2024-Q1"),
        ({}, "Give the period (e.g. 2024 or 2024-Q1) or the year."),
    ):
        full = {"cluster_id": "auto-mi", "name": "members", "value": 1, **body}
        response = client.put("/api/v1/kpis", json=full, headers=mgr)
        assert response.status_code == 422 and words in response.json()["error"]["message"]
