"""``/clusters/{id}/needs``, ``/capabilities``, ``/matches``: records checked like the files,
corrected and withdrawn with audit, runs stored and equal to ``grappe match`` on the same files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app as cli
from grappe.errors import DataValidationError
from grappe.io.assess import read_needs

FIXTURES = Path(__file__).parents[1] / "fixtures" / "matchmaking"
BASE = "/api/v1/clusters/auto-mi"
NEED = {
    "need_id": "N9",
    "firm": "Buyer",
    "processes": "welding;painting",
    "materials": ["steel"],
    "certifications": [],
    "capacity": 100,
    "lat": 36.7,
    "lon": 3.1,
    "cluster": "mech",
}


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details", "request_id"}
    assert body["error"]["code"] == code
    return body["error"]


def _rows(name):
    """The fixture's rows as JSON bodies (numbers as numbers, empty cells left out)."""
    table = pd.read_csv(FIXTURES / name, dtype=str, keep_default_na=False)
    out = []
    for row in table.to_dict(orient="records"):
        body = {k: v for k, v in row.items() if v != ""}
        for k in ("capacity", "lat", "lon"):
            if k in body:
                body[k] = float(body[k])
        out.append(body)
    return out


def _load_fixtures(client, headers):
    for side, name in (("needs", "needs.csv"), ("capabilities", "capabilities.csv")):
        for body in _rows(name):
            r = client.post(f"{BASE}/{side}", json=body, headers=headers)
            assert r.status_code == 201, r.text


def _audit(client, admin, resource, resource_id):
    r = client.get(
        "/api/v1/audit", headers=admin, params={"resource": resource, "resource_id": resource_id}
    )
    assert r.status_code == 200, r.text
    return r.json()["data"]


@pytest.mark.parametrize(
    "options, flags",
    [
        ({}, []),
        ({"max_km": 100, "top": 1}, ["--max-km", "100", "--top", "1"]),
        (
            {"certifications": "require", "same_cluster_only": True},
            ["--require-certifications", "--same-cluster"],
        ),
    ],
)
def test_stored_run_equals_the_cli_on_the_same_files(populated, tmp_path, options, flags):
    client, tokens = populated
    _load_fixtures(client, tokens["mgr"])
    r = client.post(f"{BASE}/matches", json=options, headers=tokens["mgr"])
    assert r.status_code == 201, r.text
    run = r.json()
    out = tmp_path / "matches.csv"
    result = CliRunner().invoke(
        cli,
        [
            "match",
            str(FIXTURES / "needs.csv"),
            str(FIXTURES / "capabilities.csv"),
            "-o",
            str(out),
            *flags,
        ],
    )
    assert result.exit_code == 0, result.output
    expected = pd.read_csv(out, keep_default_na=False)
    got = pd.DataFrame(run["matches"])
    assert list(got.columns) == list(expected.columns)
    assert len(got) == len(expected) > 0
    for col in ("need_id", "firm_id", "name", "rank", "explanation", "missing_certifications"):
        assert got[col].astype(str).tolist() == expected[col].astype(str).tolist()
    assert got["score"].to_numpy() == pytest.approx(expected["score"].to_numpy(), abs=1e-12)
    sizes = (len(_rows("needs.csv")), len(_rows("capabilities.csv")), len(expected))
    assert (run["needs"], run["capabilities"], run["count"]) == sizes
    assert run["parameters"]["top"] == options.get("top", 3)
    assert client.get(f"{BASE}/matches/{run['id']}", headers=tokens["ana"]).json() == run


def test_runs_are_dated_listed_newest_first_and_comparable(populated):
    client, tokens = populated
    _load_fixtures(client, tokens["mgr"])
    first = client.post(f"{BASE}/matches", json={"top": None}, headers=tokens["mgr"]).json()
    assert client.delete(f"{BASE}/capabilities/S1", headers=tokens["mgr"]).status_code == 204
    second = client.post(f"{BASE}/matches", json={"top": None}, headers=tokens["admin"]).json()
    listed = client.get(f"{BASE}/matches", headers=tokens["ana"]).json()
    assert [r["id"] for r in listed["data"]] == [second["id"], first["id"]]
    assert listed["count"] == 2 and "matches" not in listed["data"][0]
    assert second["capabilities"] == first["capabilities"] - 1
    assert "S1" in {m["firm_id"] for m in first["matches"]}
    assert "S1" not in {m["firm_id"] for m in second["matches"]}
    # the earlier run still reads the withdrawn capability
    s1 = client.get(f"{BASE}/capabilities/S1", headers=tokens["ana"]).json()
    assert s1["deleted"] is True and s1["name"].startswith("Soudure")


def test_a_need_refused_in_a_file_is_refused_with_the_same_message(populated, tmp_path):
    client, tokens = populated
    bad = tmp_path / "needs.csv"
    bad.write_text(
        "need_id,firm,processes,materials,certifications,capacity,lat,lon,cluster\n"
        "N1,Big,weld,steel,,-5,95,3,\n"
    )
    with pytest.raises(DataValidationError, match="lat '95' is not a number") as info:
        read_needs(bad)
    from_file = [(i.column, i.message, i.fix) for i in info.value.issues]
    body = {**NEED, "capacity": -5, "lat": 95, "lon": 3}
    error = _error(
        client.post(f"{BASE}/needs", json=body, headers=tokens["mgr"]), 422, "invalid_data"
    )
    from_api = [(d["column"], d["message"], d["fix"]) for d in error["details"]]
    assert from_api == [
        (c, m.replace("'95'", "'95.0'").replace("'-5'", "'-5.0'"), f) for c, m, f in from_file
    ]
    assert error["details"][0]["file"] == "request body" and error["details"][0]["row"] is None
    # ids are keys of the API's schema (a blank id is refused before the files' checks)
    error = _error(
        client.post(
            f"{BASE}/capabilities",
            json={"firm_id": " ", "name": "X", "lat": 0, "lon": 0},
            headers=tokens["mgr"],
        ),
        422,
        "validation_error",
    )
    assert "firm_id" in error["message"]
    error = _error(
        client.post(f"{BASE}/needs", json={**NEED, "lat": None}, headers=tokens["mgr"]),
        422,
        "invalid_data",
    )
    assert error["message"].endswith(
        "The lat '' is not a number between -90 and 90. Fix: Write a decimal number "
        "(degrees for lat/lon)."
    )
    assert client.get(f"{BASE}/needs", headers=tokens["mgr"]).json()["count"] == 0


def test_records_are_corrected_and_withdrawn_with_audit(populated):
    client, tokens = populated
    mgr, admin = tokens["mgr"], tokens["admin"]
    created = client.post(f"{BASE}/needs", json=NEED, headers=mgr)
    assert created.status_code == 201, created.text
    assert created.json()["processes"] == ["welding", "painting"]
    entry = _audit(client, admin, "need", "auto-mi/N9")[0]
    assert (entry["action"], entry["who"], entry["after"]["firm"]) == ("create", "mgr", "Buyer")
    r = client.patch(f"{BASE}/needs/N9", json={"capacity": 250, "lat": 36.8}, headers=mgr)
    assert r.status_code == 200, r.text
    assert (r.json()["capacity"], r.json()["lat"], r.json()["firm"]) == (250, 36.8, "Buyer")
    entry = _audit(client, admin, "need", "auto-mi/N9")[0]
    assert entry["action"] == "update"
    assert (entry["before"], entry["after"]) == (
        {"capacity": 100.0, "lat": 36.7},
        {"capacity": 250.0, "lat": 36.8},
    )
    count = len(_audit(client, admin, "need", "auto-mi/N9"))
    assert client.patch(f"{BASE}/needs/N9", json={"capacity": 250}, headers=mgr).status_code == 200
    assert len(_audit(client, admin, "need", "auto-mi/N9")) == count  # no change, no entry
    assert client.delete(f"{BASE}/needs/N9", headers=mgr).status_code == 204
    entry = _audit(client, admin, "need", "auto-mi/N9")[0]
    assert entry["action"] == "delete" and entry["before"]["capacity"] == 250.0
    assert client.get(f"{BASE}/needs", headers=mgr).json()["count"] == 0
    listed = client.get(f"{BASE}/needs", params={"deleted": True}, headers=mgr).json()
    assert [(n["need_id"], n["deleted"]) for n in listed["data"]] == [("N9", True)]
    _error(client.patch(f"{BASE}/needs/N9", json={"capacity": 1}, headers=mgr), 404, "not_found")
    _error(client.delete(f"{BASE}/needs/N9", headers=mgr), 404, "not_found")
    again = client.post(f"{BASE}/needs", json={**NEED, "firm": "Buyer 2"}, headers=mgr)
    assert again.status_code == 201 and again.json()["deleted"] is False
    assert again.json()["firm"] == "Buyer 2"


def test_record_errors(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    assert client.post(f"{BASE}/needs", json=NEED, headers=mgr).status_code == 201
    error = _error(client.post(f"{BASE}/needs", json=NEED, headers=mgr), 422, "invalid_parameter")
    assert "'N9'" in error["message"] and "already used" in error["message"]
    error = _error(
        client.patch(f"{BASE}/needs/N9", json={"lon": 200}, headers=mgr), 422, "invalid_data"
    )
    assert "The lon '200.0' is not a number between -180 and 180." in error["message"]
    _error(
        client.patch(f"{BASE}/needs/N9", json={"need_id": "N1"}, headers=mgr),
        422,
        "validation_error",
    )
    _error(
        client.post(f"{BASE}/needs", json={**NEED, "colour": "red"}, headers=mgr),
        422,
        "validation_error",
    )
    _error(client.get(f"{BASE}/needs/N404", headers=mgr), 404, "not_found")
    _error(client.patch(f"{BASE}/needs/N404", json={"lat": 1}, headers=mgr), 404, "not_found")
    _error(client.get("/api/v1/clusters/nowhere/needs", headers=mgr), 404, "not_found")
    # a manager of auto-mi is the admin of no other cluster's records
    _error(
        client.post("/api/v1/clusters/nowhere/needs", json=NEED, headers=tokens["admin"]),
        404,
        "not_found",
    )


def test_roles(populated):
    client, tokens = populated
    error = _error(client.post(f"{BASE}/needs", json=NEED, headers=tokens["ana"]), 403, "forbidden")
    assert "an analyst cannot create need 'auto-mi/N9'" in error["message"]
    _error(
        client.post(
            "/api/v1/clusters/chem-oh/capabilities",
            json={"firm_id": "S1", "name": "X", "lat": 0, "lon": 0},
            headers=tokens["mgr"],
        ),
        403,
        "forbidden",
    )
    _error(client.post(f"{BASE}/needs", json=NEED), 401, "unauthorized")
    _error(client.get(f"{BASE}/needs"), 401, "unauthorized")
    _error(client.get(f"{BASE}/matches"), 401, "unauthorized")
    assert client.post(f"{BASE}/needs", json=NEED, headers=tokens["mgr"]).status_code == 201
    _error(
        client.patch(f"{BASE}/needs/N9", json={"lat": 1}, headers=tokens["ana"]), 403, "forbidden"
    )
    _error(client.delete(f"{BASE}/needs/N9", headers=tokens["ana"]), 403, "forbidden")
    _error(client.post(f"{BASE}/matches", json={}, headers=tokens["ana"]), 403, "forbidden")
    assert client.get(f"{BASE}/needs", headers=tokens["ana"]).json()["count"] == 1


def test_run_errors(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    error = _error(client.post(f"{BASE}/matches", json={}, headers=mgr), 422, "invalid_parameter")
    assert "has no needs to match" in error["message"]
    _load_fixtures(client, mgr)
    error = _error(
        client.post(f"{BASE}/matches", json={"certifications": "strict"}, headers=mgr),
        422,
        "invalid_parameter",
    )
    assert error["message"].startswith("The 'certifications' parameter of match must be")
    error = _error(
        client.post(f"{BASE}/matches", json={"top": 0}, headers=mgr), 422, "invalid_parameter"
    )
    assert "'top'" in error["message"]
    _error(
        client.post(f"{BASE}/matches", json={"max_km": -1}, headers=mgr), 422, "invalid_parameter"
    )
    assert client.get(f"{BASE}/matches", headers=mgr).json()["count"] == 0  # nothing stored
    _error(client.get(f"{BASE}/matches/99", headers=mgr), 404, "not_found")
    run = client.post(f"{BASE}/matches", json={}, headers=mgr).json()
    _error(
        client.get(f"/api/v1/clusters/chem-oh/matches/{run['id']}", headers=mgr), 404, "not_found"
    )
    _error(
        client.post("/api/v1/clusters/nowhere/matches", json={}, headers=tokens["admin"]),
        404,
        "not_found",
    )
    _error(client.get("/api/v1/clusters/nowhere/matches", headers=mgr), 404, "not_found")


def _upload(client, side, data, headers, name=None):
    files = {"file": (name or f"{side}.csv", data)}
    return client.post(f"{BASE}/{side}/file", files=files, headers=headers)


def test_files_are_stored_as_records_and_match_like_the_cli(populated, tmp_path):
    client, tokens = populated
    mgr = tokens["mgr"]
    for side in ("needs", "capabilities"):
        r = _upload(client, side, (FIXTURES / f"{side}.csv").read_bytes(), mgr)
        assert r.status_code == 200, r.text
        rows = len(_rows(f"{side}.csv"))
        assert r.json() == {"rows": rows, "created": rows, "updated": 0, "unchanged": 0}
    again = _upload(client, "needs", (FIXTURES / "needs.csv").read_bytes(), mgr).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, again["rows"])
    changed = (FIXTURES / "needs.csv").read_text().replace(",1000,", ",1200,")
    again = _upload(client, "needs", changed.encode(), mgr).json()
    assert (again["updated"], again["unchanged"]) == (1, again["rows"] - 1)
    need = client.get(f"{BASE}/needs/N1", headers=mgr).json()
    assert need["capacity"] == 1200
    run = client.post(f"{BASE}/matches", json={"top": None}, headers=mgr).json()
    out = tmp_path / "m.csv"
    changed_file = tmp_path / "needs.csv"
    changed_file.write_text(changed)
    cli_args = ["match", str(changed_file), str(FIXTURES / "capabilities.csv"), "-o", str(out)]
    result = CliRunner().invoke(cli, [*cli_args, "--top", "100"])  # every pair, as top=None
    assert result.exit_code == 0, result.output
    expected = pd.read_csv(out, keep_default_na=False)
    got = pd.DataFrame(run["matches"])
    assert got[["need_id", "firm_id", "rank"]].values.tolist() == (
        expected[["need_id", "firm_id", "rank"]].values.tolist()
    )


def test_an_invalid_file_answers_each_row_and_stores_nothing(populated, tmp_path):
    client, tokens = populated
    text = (
        "need_id,firm,processes,materials,certifications,capacity,lat,lon,cluster\n"
        "N1,Big,weld,steel,,100,36,3,\n"
        "N2,Big,weld,steel,,-5,95,3,\n"
        "N1,Again,weld,steel,,1,36,3,\n"
    )
    bad = tmp_path / "bad_needs.csv"
    bad.write_text(text)
    with pytest.raises(DataValidationError) as info:
        read_needs(bad)
    expected = [(i.row, i.column, i.message) for i in info.value.issues]
    error = _error(
        _upload(client, "needs", text.encode(), tokens["mgr"], "bad_needs.csv"), 422, "invalid_data"
    )
    assert [(d["row"], d["column"], d["message"]) for d in error["details"]] == expected
    assert {d["file"] for d in error["details"]} == {"bad_needs.csv"}
    assert client.get(f"{BASE}/needs", headers=tokens["mgr"]).json()["count"] == 0
    error = _error(
        _upload(client, "needs", b"need_id,firm\nN1,Big\n", tokens["mgr"]), 422, "invalid_data"
    )
    assert "lacks the columns ['processes'" in error["message"]
    _error(_upload(client, "needs", b"", tokens["mgr"]), 422, "invalid_data")
    _error(_upload(client, "needs", text.encode(), tokens["ana"]), 403, "forbidden")
    _error(_upload(client, "needs", text.encode(), {}), 401, "unauthorized")
    _error(
        client.post(
            "/api/v1/clusters/nowhere/needs/file",
            files={"file": ("n.csv", text.encode())},
            headers=tokens["admin"],
        ),
        404,
        "not_found",
    )


def test_a_deleted_cluster_takes_its_matchmaking_and_reports_along(populated_app):
    from sqlalchemy import func, select

    from grappe.registry.models import MatchNeed, MatchRun, ReportFile, StoredReport

    app, client, tokens = populated_app
    _load_fixtures(client, tokens["mgr"])
    client.post(f"{BASE}/matches", json={}, headers=tokens["mgr"])
    r = client.post(
        f"{BASE}/reports", json={"languages": ["en"], "formats": ["html"]}, headers=tokens["mgr"]
    )
    assert r.status_code == 202, r.text
    models = (MatchNeed, MatchRun, StoredReport, ReportFile)
    with app.state.sessions() as session:
        assert all(session.scalar(select(func.count()).select_from(m)) > 0 for m in models)
    assert client.delete("/api/v1/clusters/auto-mi", headers=tokens["admin"]).status_code == 204
    with app.state.sessions() as session:
        assert [session.scalar(select(func.count()).select_from(m)) for m in models] == [0] * 4
