"""``/clusters/{id}/reports``: the report built from the registry as a job, its files stored and
downloaded; roles and every error path."""

from __future__ import annotations

import hashlib

import pytest

from grappe.errors import InvalidParameterError

BASE = "/api/v1/clusters/auto-mi/reports"
NAMES = {"fr": "Automobile Michigan", "ar": "السيارات ميشيغان", "en": "Automotive Michigan"}


@pytest.fixture(autouse=True)
def _reports_published(request):
    """These tests read the reports as the public does: ``auto-mi`` publishes its reports."""
    if "populated" in request.fixturenames:
        client, tokens = request.getfixturevalue("populated")
        r = client.patch("/api/v1/clusters/auto-mi", headers=tokens["admin"],
                         json={"public_sections": ["reports"]})  # fmt: skip
        assert r.status_code == 200, r.text


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details", "request_id"}
    assert body["error"]["code"] == code
    return body["error"]


def _weasyprint_works() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def test_report_job_runs_to_completion_in_each_language(populated):
    client, tokens = populated
    r = client.post(BASE, json={"formats": ["html"]}, headers=tokens["mgr"])
    assert r.status_code == 202, r.text
    queued = r.json()
    assert (queued["status"], queued["done"], queued["total"]) == ("queued", 0, 4)
    job = client.get(f"{BASE}/{queued['id']}").json()  # public: auto-mi is published
    assert (job["status"], job["done"], job["percent"], job["errors"]) == (
        "succeeded",
        4,
        100.0,
        None,
    )
    assert job["created_by"] == "mgr" and job["finished_at"] is not None
    assert [(f["lang"], f["format"]) for f in job["files"]] == [
        ("ar", "html"),
        ("en", "html"),
        ("fr", "html"),
    ]
    for meta in job["files"]:
        got = client.get(meta["url"])
        assert got.status_code == 200
        assert got.headers["content-type"].startswith("text/html")
        assert "attachment" in got.headers["content-disposition"]
        assert hashlib.sha256(got.content).hexdigest() == meta["sha256"]
        assert len(got.content) == meta["size"]
        html = got.content.decode()
        assert NAMES[meta["lang"]] in html
        assert f'lang="{meta["lang"]}"' in html
    assert 'dir="rtl"' in client.get(f"{BASE}/{queued['id']}/ar.html").text
    listed = client.get(BASE).json()
    assert listed["count"] == 1 and listed["data"][0]["id"] == queued["id"]


@pytest.mark.skipif(not _weasyprint_works(), reason="WeasyPrint or Pango is not installed")
def test_report_pdf_is_stored_and_downloaded(populated):
    client, tokens = populated
    r = client.post(BASE, json={"languages": ["ar"], "formats": ["pdf"]}, headers=tokens["admin"])
    job = client.get(f"{BASE}/{r.json()['id']}").json()
    assert job["status"] == "succeeded", job
    got = client.get(f"{BASE}/{job['id']}/ar.pdf")
    assert got.headers["content-type"] == "application/pdf"
    assert got.content.startswith(b"%PDF") and len(got.content) == job["files"][0]["size"]


def test_report_uses_the_registry_kpis_and_roadmap(populated):
    client, tokens = populated
    for year, value in ((2022, 40), (2023, 52)):
        body = {
            "cluster_id": "auto-mi",
            "name": "members",
            "year": year,
            "value": value,
            "target": 50,
        }
        assert client.put("/api/v1/kpis", json=body, headers=tokens["mgr"]).status_code == 200
    r = client.post(BASE, json={"languages": ["en"], "formats": ["html"]}, headers=tokens["mgr"])
    job = client.get(f"{BASE}/{r.json()['id']}").json()
    assert job["status"] == "succeeded", job
    html = client.get(f"{BASE}/{job['id']}/en.html").text
    row = (
        '<tr><td>Members</td><td class="num">40</td><td class="num">52</td><td class="num">50</td>'
    )
    assert ": 2023</p>" in html and row in html


def test_report_errors(populated, monkeypatch):
    client, tokens = populated
    admin = tokens["admin"]
    error = _error(
        client.post("/api/v1/clusters/secret/reports", json={}, headers=admin),
        422,
        "invalid_parameter",
    )
    assert "has no sector or no region" in error["message"]
    client.patch("/api/v1/clusters/secret", json={"sector": "99"}, headers=admin)
    error = _error(
        client.post("/api/v1/clusters/secret/reports", json={}, headers=admin),
        422,
        "invalid_parameter",
    )
    assert "no indicator snapshot of its sector '99'" in error["message"]
    assert "nothing to report on" in error["message"]  # and no stored result either
    error = _error(
        client.post(BASE, json={"languages": ["de"]}, headers=admin), 422, "invalid_parameter"
    )
    assert "'languages'" in error["message"] and "'de'" in error["message"]
    _error(client.post(BASE, json={"formats": []}, headers=admin), 422, "invalid_parameter")
    _error(client.post(BASE, json={"formats": ["docx"]}, headers=admin), 422, "invalid_parameter")
    _error(client.post(BASE, json={"pages": 3}, headers=admin), 422, "validation_error")
    _error(
        client.post("/api/v1/clusters/nowhere/reports", json={}, headers=admin), 404, "not_found"
    )
    assert client.get(BASE).json()["count"] == 0  # nothing queued by a refused request
    _error(client.get(f"{BASE}/7"), 404, "not_found")
    _error(client.get(f"{BASE}/7/fr.html"), 404, "not_found")
    _error(client.get(f"{BASE}/7/fr.docx"), 422, "validation_error")
    job = client.post(BASE, json={"languages": ["fr"], "formats": ["html"]}, headers=admin).json()
    error = _error(client.get(f"{BASE}/{job['id']}/en.html"), 404, "not_found")
    assert "has no file 'en.html'" in error["message"]
    _error(client.get(f"/api/v1/clusters/chem-oh/reports/{job['id']}"), 404, "not_found")
    # a failure while building: the job fails with the message, and stores no file
    import grappe.reports

    def refuse(*args, **kwargs):
        raise InvalidParameterError("The 'year' parameter of build_report must be known.")

    monkeypatch.setattr(grappe.reports, "build_report", refuse)
    failed = client.post(BASE, json={"formats": ["html"]}, headers=admin).json()
    failed = client.get(f"{BASE}/{failed['id']}").json()
    assert failed["status"] == "failed" and failed["files"] == []
    assert failed["errors"][0]["message"].startswith("The 'year' parameter")

    def crash(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(grappe.reports, "build_report", crash)
    crashed = client.post(BASE, json={"formats": ["html"]}, headers=admin).json()
    crashed = client.get(f"{BASE}/{crashed['id']}").json()
    assert crashed["status"] == "failed"
    assert "internal error" in crashed["errors"][0]["message"]
    assert "bug" not in str(crashed["errors"])


def test_report_roles_and_deletion(populated):
    client, tokens = populated
    error = _error(client.post(BASE, json={}, headers=tokens["ana"]), 403, "forbidden")
    assert "an analyst cannot create report 'auto-mi'" in error["message"]
    _error(
        client.post("/api/v1/clusters/chem-oh/reports", json={}, headers=tokens["mgr"]),
        403,
        "forbidden",
    )
    _error(client.post(BASE, json={}), 401, "unauthorized")
    job = client.post(
        BASE, json={"languages": ["en"], "formats": ["html"]}, headers=tokens["mgr"]
    ).json()
    sha = client.get(f"{BASE}/{job['id']}").json()["files"][0]["sha256"]
    _error(client.delete(f"{BASE}/{job['id']}", headers=tokens["ana"]), 403, "forbidden")
    _error(client.delete(f"{BASE}/{job['id']}"), 401, "unauthorized")
    assert client.delete(f"{BASE}/{job['id']}", headers=tokens["mgr"]).status_code == 204
    _error(client.get(f"{BASE}/{job['id']}/en.html"), 404, "not_found")
    _error(client.delete(f"{BASE}/{job['id']}", headers=tokens["mgr"]), 404, "not_found")
    entries = client.get(
        "/api/v1/audit", headers=tokens["admin"], params={"resource": "report"}
    ).json()["data"]
    assert [e["action"] for e in entries] == ["delete", "create"]
    assert entries[0]["before"]["files"] == {"en.html": sha}
    # an unpublished cluster's reports do not exist for the public
    _error(client.get("/api/v1/clusters/secret/reports"), 404, "not_found")
    assert client.get("/api/v1/clusters/secret/reports", headers=tokens["ana"]).status_code == 200


def test_reports_of_a_cluster_that_does_not_publish_them_are_hidden_from_the_public(populated):
    """A report holds the figures of every section: without ``reports`` among the cluster's
    ``public_sections`` the public gets 404 on the list, the job and the files; a token holder
    reads them."""
    client, tokens = populated
    job = client.post(BASE, json={"languages": ["en"], "formats": ["html"]},
                      headers=tokens["mgr"]).json()  # fmt: skip
    assert client.get(f"{BASE}/{job['id']}/en.html").status_code == 200
    r = client.patch("/api/v1/clusters/auto-mi", headers=tokens["mgr"],
                     json={"public_sections": ["roadmap", "kpis"]})  # fmt: skip
    assert r.status_code == 200, r.text
    for url in (BASE, f"{BASE}/{job['id']}", f"{BASE}/{job['id']}/en.html"):
        error = _error(client.get(url), 404, "not_found")
        assert "does not publish its 'reports' section" in error["message"]
        assert client.get(url, headers=tokens["ana"]).status_code == 200
