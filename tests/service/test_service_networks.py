"""``/clusters/{id}/network``, ``/actors/{id}``, ``/ties/{id}`` and the stored diagnoses: roles
(admin; analyst; manager in and out of scope), the JSON error shape (401/403/404/409/422), kernel
checks, soft deletes, audit before/after. On SQLite and PostgreSQL (see ``conftest.py``)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from grappe.network import diagnose
from grappe.network.diagnosis import render_text
from grappe.registry import session_scope
from grappe.registry.models import Actor, AuditEntry
from grappe.registry.networks import load_network

API = "/api/v1"
PSEUDONYM = "R-0123456789"


def _body(**changes):
    body = {
        "actors": [
            {"id": "GM", "name": "General Motors", "sphere": "enterprise", "level": "regional"},
            {"id": "UM", "name": "University of Michigan", "sphere": "university",
             "level": "regional"},
            {"id": "MEDC", "name": "Michigan EDC", "sphere": "public", "level": "regional"},
            {"id": "F1", "name": "Supplier", "sphere": "enterprise", "level": "local",
             "size": "small"},
        ],
        "ties": [
            {"source": "F1", "target": "GM", "type": "subcontracting", "strength": 3,
             "wave": "2022", "respondent": PSEUDONYM},
            {"source": "F1", "target": "UM", "type": "cooperation", "strength": "weak",
             "wave": "2022", "directed": False},
            {"source": "F1", "target": "GM", "type": "subcontracting", "strength": 2,
             "wave": "2024", "respondent": PSEUDONYM},
            {"source": "MEDC", "target": "F1", "type": "funding", "wave": "2024"},
        ],
        "origin": "interview",
        "name": "Automotive Michigan",
    }  # fmt: skip
    body.update(changes)
    return body


@pytest.fixture(autouse=True)
def _every_section_published(request):
    """These tests read the sections as the public does: ``auto-mi`` publishes them all (the
    hiding of unpublished sections is tested in tests/web/test_web_profile_sections.py)."""
    if "populated" in request.fixturenames:
        from grappe.vocabulary import PROFILE_SECTIONS

        client, tokens = request.getfixturevalue("populated")
        r = client.patch("/api/v1/clusters/auto-mi", headers=tokens["admin"],
                         json={"public_sections": list(PROFILE_SECTIONS)})  # fmt: skip
        assert r.status_code == 200, r.text


def _error(response, status, code):
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["message"] and error["request_id"]
    return error


@pytest.fixture
def stored(populated):
    client, tokens = populated
    response = client.put(f"{API}/clusters/auto-mi/network", json=_body(), headers=tokens["mgr"])
    assert response.status_code == 200, response.text
    return client, tokens, response.json()


def test_store_read_and_store_again(stored, populated_app):
    client, tokens, report = stored
    assert report["waves"] == ["2022", "2024"]
    assert report["counts"]["tie"] == {"create": 4}
    assert report["counts"]["actor"] == {"create": 2, "update": 2}  # GM, UM were stored before
    again = client.put(f"{API}/clusters/auto-mi/network", json=_body(), headers=tokens["mgr"])
    assert again.status_code == 200 and again.json()["changes"] == 0
    public = client.get(f"{API}/clusters/auto-mi/network").json()
    assert [w["label"] for w in public["waves"]] == ["2022", "2024"]
    # The toy registry's two ties GM/UM (stored before waves) belong to every wave.
    assert len(public["ties"]) == 6
    assert all(t["respondent"] is None for t in public["ties"])  # pseudonyms: tokens only
    mine = client.get(f"{API}/clusters/auto-mi/network", headers=tokens["ana"]).json()
    assert {t["respondent"] for t in mine["ties"]} == {None, PSEUDONYM}
    assert {t["origin"] for t in mine["ties"] if t["wave"]} == {"interview"}
    weak = [t for t in mine["ties"] if t["type"] == "cooperation"][0]
    assert (weak["strength"], weak["directed"]) == (1.0, False)
    unrated = [t for t in mine["ties"] if t["type"] == "funding"][0]
    assert unrated["strength"] is None
    one = client.get(f"{API}/clusters/auto-mi/network?wave=2022").json()
    assert {t["wave"] for t in one["ties"]} == {"2022", None}
    waves = client.get(f"{API}/clusters/auto-mi/network/waves").json()
    assert waves["count"] == 2


def test_store_refusals_in_the_error_shape(populated):
    client, tokens = populated
    url = f"{API}/clusters/auto-mi/network"
    _error(client.put(url, json=_body()), 401, "unauthorized")
    _error(client.put(url, json=_body(), headers=tokens["ana"]), 403, "forbidden")
    error = _error(
        client.put(f"{API}/clusters/chem-oh/network", json=_body(), headers=tokens["mgr"]),
        403, "forbidden",
    )  # fmt: skip
    assert "a manager of 'auto-mi' cannot create network 'chem-oh'" in error["message"]
    _error(client.put(f"{API}/clusters/nope/network", json=_body(), headers=tokens["admin"]),
           404, "not_found")  # fmt: skip
    bad = _body()
    bad["actors"][0]["sphere"] = "banana"
    error = _error(client.put(url, json=bad, headers=tokens["mgr"]), 422, "invalid_data")
    assert "Unknown sphere 'banana'" in error["message"]
    assert error["details"][0]["column"] == "sphere" and error["details"][0]["row"] == 2
    selfish = _body(ties=[{"source": "GM", "target": "GM", "type": "trust"}])
    error = _error(client.put(url, json=selfish, headers=tokens["mgr"]), 422, "invalid_data")
    assert error["details"][0]["column"] in ("source", "target")
    strong = _body(ties=[{"source": "GM", "target": "UM", "type": "trust", "strength": 9}])
    error = _error(client.put(url, json=strong, headers=tokens["mgr"]), 422, "invalid_data")
    assert "off the scale" in error["message"] and error["details"][0]["column"] == "strength"
    friend = _body(ties=[{"source": "GM", "target": "UM", "type": "friendship"}])
    _error(client.put(url, json=friend, headers=tokens["mgr"]), 422, "invalid_data")
    named = _body(ties=[{"source": "GM", "target": "UM", "type": "trust", "respondent": "Amina"}])
    _error(client.put(url, json=named, headers=tokens["mgr"]), 422, "validation_error")
    other = _body(wave="2030")
    error = _error(client.put(url, json=other, headers=tokens["mgr"]), 422, "invalid_parameter")
    assert "ties of the waves ['2022', '2024']" in error["message"]
    _error(client.get(f"{API}/clusters/secret/network"), 404, "not_found")


def test_correct_and_delete_actors(stored, populated_app):
    client, tokens, _ = stored
    app = populated_app[0]
    ok = client.patch(f"{API}/actors/F1", json={"size": "medium", "level": "regional"},
                      headers=tokens["mgr"])  # fmt: skip
    assert ok.status_code == 200 and ok.json()["size"] == "medium"
    error = _error(client.patch(f"{API}/actors/DOW", json={"name": "Dow Inc"},
                                headers=tokens["mgr"]), 403, "forbidden")  # fmt: skip
    assert "cannot change actor 'DOW' (name)" in error["message"]
    _error(client.patch(f"{API}/actors/F1", json={"name": "x"}, headers=tokens["ana"]),
           403, "forbidden")  # fmt: skip
    error = _error(client.patch(f"{API}/actors/F1", json={"sphere": "banana"},
                                headers=tokens["mgr"]), 422, "invalid_data")  # fmt: skip
    assert "Unknown sphere 'banana'" in error["message"]
    _error(client.patch(f"{API}/actors/F1", json={"colour": "red"}, headers=tokens["mgr"]),
           422, "validation_error")  # fmt: skip
    _error(client.patch(f"{API}/actors/NOPE", json={"name": "x"}, headers=tokens["admin"]),
           404, "not_found")  # fmt: skip
    _error(client.delete(f"{API}/actors/F1", headers=tokens["mgr"]), 403, "forbidden")
    assert client.delete(f"{API}/actors/F1", headers=tokens["admin"]).status_code == 204
    _error(client.delete(f"{API}/actors/F1", headers=tokens["admin"]), 409, "conflict")
    _error(client.patch(f"{API}/actors/F1", json={"name": "x"}, headers=tokens["admin"]),
           409, "conflict")  # fmt: skip
    network = client.get(f"{API}/clusters/auto-mi/network").json()
    assert "F1" not in {a["id"] for a in network["actors"]}
    assert all("F1" not in (t["source"], t["target"]) for t in network["ties"])
    assert "F1" not in {a["id"] for a in client.get(f"{API}/actors").json()["data"]}
    with session_scope(app.state.sessions) as s:
        query = select(AuditEntry).where(AuditEntry.resource_id == "F1")
        entries = list(s.scalars(query.where(AuditEntry.action != "create")))
        update, delete = entries
        assert (update.who, update.role) == ("mgr", "manager")
        assert update.before == {"size": "small", "level": "local"}
        assert update.after == {"size": "medium", "level": "regional"}
        assert delete.action == "delete" and delete.before["name"] == "Supplier"


def test_correct_and_delete_ties(stored):
    client, tokens, _ = stored
    ties = client.get(f"{API}/clusters/auto-mi/network", headers=tokens["mgr"]).json()["ties"]
    later = [t for t in ties if t["type"] == "subcontracting" and t["wave"] == "2024"][0]
    url = f"{API}/ties/{later['id']}"
    ok = client.patch(url, json={"strength": "strong", "evidence": "contract"},
                      headers=tokens["mgr"])  # fmt: skip
    assert ok.status_code == 200 and ok.json()["strength"] == 3.0
    error = _error(client.patch(url, json={"strength": 9}, headers=tokens["mgr"]),
                   422, "invalid_data")  # fmt: skip
    assert "off the scale [1, 3]" in error["message"]
    _error(client.patch(url, json={"origin": "rumour"}, headers=tokens["mgr"]),
           422, "validation_error")  # fmt: skip
    _error(client.patch(url, json={"strength": 1}, headers=tokens["ana"]), 403, "forbidden")
    _error(client.patch(f"{API}/ties/999999", json={"strength": 1}, headers=tokens["admin"]),
           404, "not_found")  # fmt: skip
    _error(client.delete(url, headers=tokens["ana"]), 403, "forbidden")
    assert client.delete(url, headers=tokens["mgr"]).status_code == 204
    _error(client.delete(url, headers=tokens["mgr"]), 409, "conflict")
    _error(client.patch(url, json={"strength": 1}, headers=tokens["mgr"]), 409, "conflict")
    # The same tie reported in 2022 is still there; 2024 lost it.
    early = client.get(f"{API}/clusters/auto-mi/network?wave=2022").json()["ties"]
    late = client.get(f"{API}/clusters/auto-mi/network?wave=2024").json()["ties"]
    pair = lambda ts: [t for t in ts if t["type"] == "subcontracting"]  # noqa: E731
    assert len(pair(early)) == 1 and pair(late) == []


def test_diagnoses_run_as_jobs_and_are_kept_as_versions(stored, populated_app):
    client, tokens, _ = stored
    app = populated_app[0]
    url = f"{API}/clusters/auto-mi/network/diagnoses"
    queued = client.post(url, json={"date": "2024-06-30"}, headers=tokens["ana"])
    assert queued.status_code == 202, queued.text
    assert queued.json()["status"] == "queued" and queued.json()["wave"] == "2024"
    first = client.get(f"{url}/{queued.json()['id']}?lang=ar").json()
    assert (first["status"], first["percent"], first["before"]) == ("succeeded", 100.0, "2022")
    with session_scope(app.state.sessions) as s:
        net = load_network(s, "auto-mi")
    expected = diagnose(net, wave="2024", before="2022", seed=0).to_dict()
    assert first["result"] == expected
    from grappe.io.network import read_diagnosis_texts

    # Written with the cluster's and the actors' Arabic names where they have one.
    with session_scope(app.state.sessions) as s:
        labels = {a.id: a.name for a in s.scalars(select(Actor))}  # no Arabic names stored
    assert first["text"] == render_text(expected, read_diagnosis_texts(), lang="ar",
                                        labels=labels, name="السيارات ميشيغان")  # fmt: skip
    assert "General Motors (" in first["text"]
    assert first["lang"] == "ar"
    early = client.post(url, json={"wave": "2022"}, headers=tokens["mgr"])
    assert early.status_code == 202
    listed = client.get(url).json()
    assert listed["count"] == 2 and [d["wave"] for d in listed["data"]] == ["2022", "2024"]
    assert listed["data"][0]["result"] is None  # the list holds versions, not results
    assert client.get(f"{url}?wave=2022").json()["count"] == 1
    error = _error(client.post(url, json={"wave": "1999"}, headers=tokens["ana"]),
                   422, "invalid_parameter")  # fmt: skip
    assert "'wave'" in error["message"] and "1999" in error["message"]
    _error(client.post(url, json={"expected": "some"}, headers=tokens["ana"]),
           422, "validation_error")  # fmt: skip
    _error(client.post(url, json={}), 401, "unauthorized")
    _error(client.post(f"{API}/clusters/chem-oh/network/diagnoses", json={},
                       headers=tokens["mgr"]), 403, "forbidden")  # fmt: skip
    # chem-oh's member DOW was imported without a level, which the kernel refuses.
    error = _error(client.post(f"{API}/clusters/chem-oh/network/diagnoses", json={},
                               headers=tokens["admin"]), 422, "invalid_data")  # fmt: skip
    assert error["details"][0]["column"] == "level"
    _error(client.get(f"{API}/clusters/chem-oh/network/diagnoses/{queued.json()['id']}"),
           404, "not_found")  # fmt: skip
    _error(client.get(f"{url}/{queued.json()['id']}?lang=de"), 422, "validation_error")
    _error(client.get(f"{API}/clusters/secret/network/diagnoses"), 404, "not_found")
    _error(client.post(f"{API}/clusters/nope/network/diagnoses", json={},
                       headers=tokens["admin"]), 404, "not_found")  # fmt: skip


def test_change_between_two_waves(stored):
    client, _tokens, _ = stored
    url = f"{API}/clusters/auto-mi/network/change"
    change = client.get(f"{url}?before=2022&after=2024").json()
    assert change["counts"]["ties_formed"] == 1  # MEDC funds F1
    assert change["counts"]["ties_dissolved"] == 1  # the cooperation F1–UM
    _error(client.get(f"{url}?before=2022&after=2030"), 422, "invalid_parameter")
    _error(client.get(f"{url}?before=2022"), 422, "validation_error")


def test_a_stored_tie_replaces_the_same_tie_imported_before_waves(populated):
    client, tokens = populated
    body = _body(
        ties=[{"source": "GM", "target": "UM", "type": "information", "strength": 3}],
        wave=None,
    )
    response = client.put(f"{API}/clusters/auto-mi/network", json=body, headers=tokens["mgr"])
    assert response.status_code == 200, response.text
    ties = client.get(f"{API}/clusters/auto-mi/network").json()["ties"]
    information = [t for t in ties if t["type"] == "information"]
    assert len(information) == 1 and information[0]["strength"] == 3.0
    assert information[0]["origin"] == "interview"  # the id is the stored row's, not the toy's
    assert {t["type"] for t in ties} == {"information", "advice"}  # the toy UM → GM advice stays


def test_uploaded_files_go_through_the_io_reader_and_the_same_store(populated):
    """A CSV upload = grappe.io.network's reader + store_network; the stored diagnosis then
    equals ``grappe network diagnose`` on the same files."""
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from grappe.cli.main import app as cli

    client, tokens = populated
    folder = Path(__file__).resolve().parents[1] / "fixtures" / "network"
    actors, ties = folder / "synthetic_actors.csv", folder / "synthetic_ties.csv"
    cluster = {"id": "syn", "name_en": "Syn", "published": True, "public_sections": ["network"]}
    created = client.post(f"{API}/clusters", json=cluster, headers=tokens["admin"])
    assert created.status_code == 201, created.text
    files = {"actors": (actors.name, actors.read_bytes()), "ties": (ties.name, ties.read_bytes())}
    url = f"{API}/clusters/syn/network/files"
    _error(client.post(url, files=files, headers=tokens["ana"]), 403, "forbidden")
    _error(client.post(url, files=files, headers=tokens["mgr"]), 403, "forbidden")
    stored = client.post(url, files=files, data={"origin": "interview"}, headers=tokens["admin"])
    assert stored.status_code == 200, stored.text
    assert stored.json()["counts"]["tie"] == {"create": 22}
    job = client.post(f"{API}/clusters/syn/network/diagnoses", json={}, headers=tokens["ana"])
    result = client.get(f"{API}/clusters/syn/network/diagnoses/{job.json()['id']}").json()
    cli_run = CliRunner().invoke(cli, ["network", "diagnose", str(actors), str(ties)])
    assert cli_run.exit_code == 0, cli_run.output
    assert result["result"] == json.loads(cli_run.stdout)
    bad = actors.read_text().replace("enterprise", "banana", 1).encode()
    error = _error(
        client.post(url, files={**files, "actors": ("mine.csv", bad)}, headers=tokens["admin"]),
        422, "invalid_data",
    )  # fmt: skip
    assert error["details"][0]["file"] == "mine.csv" and error["details"][0]["row"] == 2
    assert error["details"][0]["column"] == "sphere"
    _error(client.post(url, files=files, data={"origin": "rumour"}, headers=tokens["admin"]),
           422, "validation_error")  # fmt: skip
    _error(client.post(url, files={"actors": files["actors"]}, headers=tokens["admin"]),
           422, "validation_error")  # fmt: skip


def test_a_diagnosis_that_fails_in_its_job_is_marked_failed_with_its_message(stored, populated_app):
    from grappe.registry.network_diagnoses import queue_diagnosis
    from grappe.service.jobs import JobBoard, JobProgress
    from grappe.service.routes.networks import run_diagnosis_job

    client, tokens, _ = stored
    app = populated_app[0]
    with session_scope(app.state.sessions) as s:
        number = queue_diagnosis(s, "auto-mi", who="ana").id
    # Between the request and the job, someone corrects an actor into a value the kernel refuses.
    with session_scope(app.state.sessions) as s:
        from grappe.registry.models import Actor

        s.get(Actor, "F1").sphere = "banana"
    board = JobBoard()
    board.set(number, JobProgress(status="queued", done=0, total=3))
    run_diagnosis_job(app.state.sessions, board, number)
    assert board.get(number).status == "failed"
    answer = client.get(f"{API}/clusters/auto-mi/network/diagnoses/{number}").json()
    assert answer["status"] == "failed" and answer["result"] is None
    assert "Unknown sphere 'banana'" in answer["errors"][0]["message"]


def test_a_report_reads_the_latest_stored_diagnosis(stored):
    """``POST …/reports`` puts the cluster's latest succeeded diagnosis in the report: its
    figures in the network table and the SWOT, the diagnosis named among the sources."""
    client, tokens, _ = stored
    url = f"{API}/clusters/auto-mi/network/diagnoses"
    first = client.post(url, json={"date": "2024-06-30"}, headers=tokens["ana"]).json()
    result = client.get(f"{url}/{first['id']}").json()["result"]
    reports = f"{API}/clusters/auto-mi/reports"
    job = client.post(reports, json={"languages": ["en"], "formats": ["html"]},
                      headers=tokens["mgr"]).json()  # fmt: skip
    assert client.get(f"{reports}/{job['id']}").json()["status"] == "succeeded"
    html = client.get(f"{reports}/{job['id']}/en.html").text
    assert f"network diagnosis {first['id']} of 2024-06-30, wave 2024" in html
    assert 'id="network-figure"' in html  # the stored network of that wave, drawn
    from grappe.assess import network_figures

    figures = network_figures(result)
    assert figures and "Density" in html
    import re

    shown = re.search(r"<td>Density</td><td[^>]*>([^<]+)</td>", html)
    assert shown, html[html.find("Density") - 200 : html.find("Density") + 200]
    assert float(shown.group(1)) == pytest.approx(result["density"], abs=0.001)


def test_a_swot_draft_without_figures_reads_the_latest_stored_diagnosis(stored):
    client, tokens, _ = stored
    swots = f"{API}/clusters/auto-mi/swots"
    before = client.post(swots, json={"date": "2024-06-01"}, headers=tokens["mgr"]).json()
    assert before["sources"]["network"] is None and "network_diagnosis" not in before["sources"]
    url = f"{API}/clusters/auto-mi/network/diagnoses"
    made = client.post(url, json={"date": "2024-06-30"}, headers=tokens["ana"]).json()
    result = client.get(f"{url}/{made['id']}").json()["result"]
    after = client.post(swots, json={"date": "2024-07-01"}, headers=tokens["mgr"]).json()
    from grappe.assess import draft_swot, network_figures

    assert after["sources"]["network_diagnosis"] == made["id"]
    assert after["sources"]["network"] == network_figures(result)
    expected = draft_swot(scores={}, lifecycle=None, network=network_figures(result))
    keys = {q: [i["key"] for i in after["items"][q]] for q in after["items"]}
    assert any(getattr(expected, q) for q in keys)
    for quadrant in keys:
        want = [item.key for item in getattr(expected, quadrant)]
        assert [k for k in keys[quadrant] if k in want] == want
    given = client.post(swots, json={"date": "2024-07-02", "network": {"density": 0.05}},
                        headers=tokens["mgr"]).json()  # fmt: skip
    assert given["sources"]["network"] == {"density": 0.05}
    assert "network_diagnosis" not in given["sources"]
