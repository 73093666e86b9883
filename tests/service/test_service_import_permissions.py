"""``POST /imports`` obeys the same rights as the rest of the API: a kind the token may never
write is refused at once (403); rows it may not write are refused one by one (422, each with its
line and reason); nothing is written; the background write checks again."""

from __future__ import annotations

import pytest

import grappe.service.routes.imports as import_routes
from grappe.registry.testing import table_snapshot
from grappe.service.testing import import_job, upload

# Per kind, a file whose line 2 concerns auto-mi (managed by "mgr") and line 3 chem-oh.
FILES = {
    "regions": "id,country,region_type,name_en\nUS-26,US,state,Mich.\nDZ-31,DZ,wilaya,Oran\n",
    "indicators": "region,cluster,year,employment\nUS-26,4,2021,121\nUS-39,7,2021,51\n",
    "clusters": "id,name_en,label\nauto-mi,Automotive Michigan,Gold\nchem-oh,Chemistry,\n",
    "actors": "id,name,cluster\nFORD,Ford,auto-mi\nDOW,Dow Inc.,\n",
    "ties": "source,target,type\nUM,GM,trust\nGM,DOW,money\n",
}
# What each role gets: "ok", "403: <message>", or "422" with {line: (column, message)}.
EXPECTED = {
    ("admin", "regions"): "ok",
    ("admin", "indicators"): "ok",
    ("admin", "clusters"): "ok",
    ("admin", "actors"): "ok",
    ("admin", "ties"): "ok",
    ("ana", "regions"): "ok",
    ("ana", "indicators"): "ok",
    ("ana", "clusters"): "403: an analyst cannot create or change clusters — ask an admin or a "
    "manager",
    ("ana", "actors"): "403: an analyst cannot create or change actors — ask an admin or a manager",
    ("ana", "ties"): "403: an analyst cannot create or change ties — ask an admin or a manager",
    ("mgr", "regions"): "403: a manager cannot create or change regions — ask an admin or an "
    "analyst",
    ("mgr", "indicators"): "403: a manager cannot create or change indicators — ask an admin or "
    "an analyst",
    ("mgr", "clusters"): {3: ("name_en", "a manager of 'auto-mi' cannot change cluster 'chem-oh' "
                                        "(name_en).")},
    ("mgr", "actors"): {3: ("name", "a manager of 'auto-mi' cannot change actor 'DOW' (name).")},
    ("mgr", "ties"): {3: ("source", "a manager of 'auto-mi' cannot create tie 'GM/DOW/funding'.")},
}  # fmt: skip


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code
    return body["error"]


@pytest.mark.parametrize(("role", "kind"), sorted(EXPECTED))
def test_each_import_kind_by_each_role(populated_app, role, kind):
    app, client, tokens = populated_app
    with app.state.sessions() as s:
        before = table_snapshot(s)
    response = upload(client, kind, FILES[kind], headers=tokens[role], name="in.csv")
    expected = EXPECTED[role, kind]
    if expected == "ok":
        job = import_job(client, response, headers=tokens[role])
        assert job["status"] == "succeeded" and job["inserted"] + job["updated"] == 2
        return
    if isinstance(expected, str):
        err = _error(response, 403, "forbidden")
        assert err["message"] == f"The token {role!r}: {expected[5:]}."
    else:
        err = _error(response, 422, "invalid_data")
        got = {d["row"]: (d["column"], d["message"]) for d in err["details"]}
        assert got == expected
        assert all(d["file"] == "in.csv" and d["fix"].startswith("ask an admin")
                   for d in err["details"])  # fmt: skip
    with app.state.sessions() as s:
        assert table_snapshot(s) == before  # no job, no row, no audit entry


def test_analyst_cannot_rename_a_cluster_by_importing_it(populated):
    """The issue's attack: 403 on PATCH, and the import that did it is refused too."""
    client, tokens = populated
    ana = tokens["ana"]
    patch = client.patch("/api/v1/clusters/chem-oh", json={"name_en": "Pwned"}, headers=ana)
    _error(patch, 403, "forbidden")
    err = _error(upload(client, "clusters", "id,name_en\nchem-oh,Pwned\n", headers=ana), 403,
                 "forbidden")  # fmt: skip
    assert "an analyst cannot create or change clusters" in err["message"]
    assert client.get("/api/v1/clusters/chem-oh").json()["name_en"] == "Chemicals Ohio"


def test_route_and_import_agree_for_a_manager(populated):
    """One rule for both: what PATCH refuses the manager, the import refuses; what it allows,
    the import allows."""
    client, tokens = populated
    mgr = tokens["mgr"]
    own = client.patch("/api/v1/clusters/auto-mi", json={"label": "Gold"}, headers=mgr)
    assert own.status_code == 200
    other = _error(client.patch("/api/v1/clusters/chem-oh", json={"label": "Gold"}, headers=mgr),
                   403, "forbidden")  # fmt: skip
    assert other["message"] == (
        "The token 'mgr': a manager of 'auto-mi' cannot change cluster 'chem-oh' (label) — ask an "
        "admin or a manager of 'chem-oh'."
    )
    text = "id,name_en,label\nauto-mi,Automotive Michigan,Silver\n"
    job = import_job(client, upload(client, "clusters", text, headers=mgr), headers=mgr)
    assert (job["status"], job["updated"]) == ("succeeded", 1)
    text = "id,name_en,label\nchem-oh,Chemicals Ohio,Silver\n"
    err = _error(upload(client, "clusters", text, headers=mgr), 422, "invalid_data")
    assert err["details"][0]["message"] == (
        "a manager of 'auto-mi' cannot change cluster 'chem-oh' (label)."
    )
    assert err["details"][0]["fix"] == "ask an admin or a manager of 'chem-oh'."


def test_background_write_checks_the_rights_again(populated_app, monkeypatch):
    """A file that passed the request's check (or whose token lost a right meanwhile) writes
    nothing when the job finds a refused row."""
    _app, client, tokens = populated_app
    monkeypatch.setattr(import_routes, "check_table", lambda *_a, **_kw: 2)
    r = upload(client, "clusters", FILES["clusters"], headers=tokens["mgr"], name="late.csv")
    job = import_job(client, r, headers=tokens["mgr"])
    assert job["status"] == "failed"
    assert [(e["file"], e["row"], e["column"]) for e in job["errors"]] == [
        ("late.csv", 3, "name_en")
    ]
    assert client.get("/api/v1/clusters/auto-mi").json()["label"] is None  # line 2 not written


def test_manager_follows_only_its_own_imports(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    text = "id,name_en,label\nauto-mi,Automotive Michigan,Gold\n"
    job = import_job(client, upload(client, "clusters", text, headers=mgr), headers=mgr)
    listed = client.get("/api/v1/imports", headers=mgr).json()
    assert listed["count"] == 1 and listed["data"][0]["id"] == job["id"]
    assert client.get("/api/v1/imports", headers=tokens["ana"]).json()["count"] == 6
    err = _error(client.get("/api/v1/imports/1", headers=mgr), 403, "forbidden")
    assert err["message"] == "The token 'mgr' may follow only its own imports."
    assert client.get(f"/api/v1/imports/{job['id']}", headers=tokens["ana"]).status_code == 200
