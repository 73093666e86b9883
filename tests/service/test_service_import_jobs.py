"""Imports as jobs: 202 + queued job, background write in one transaction, progress, failure."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

import grappe.registry.imports as registry_imports
import grappe.service.jobs as jobs
import grappe.service.routes.imports as import_routes
from grappe.registry.testing import table_snapshot
from grappe.service.jobs import JobBoard, JobProgress
from grappe.service.testing import import_job, upload

NEW_REGIONS = (
    "id,country,region_type,name_en\n"
    "DZ-31,DZ,wilaya,Oran\n"
    "DZ-25,DZ,wilaya,Constantine\n"
    "DZ-19,DZ,wilaya,Setif\n"
)


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details", "request_id"}
    assert body["error"]["code"] == code
    return body["error"]


def _without_jobs(snapshot):
    return {k: v for k, v in snapshot.items() if k not in ("import_jobs", "audit_log")}


def test_job_is_queued_then_succeeds_with_progress_at_total(populated):
    client, tokens = populated
    ana = tokens["ana"]
    r = upload(client, "regions", NEW_REGIONS, headers=ana)
    assert r.status_code == 202
    queued = r.json()
    assert (queued["status"], queued["done"], queued["total"], queued["percent"]) == (
        "queued",
        0,
        3,
        0.0,
    )
    job = import_job(client, r, headers=ana)
    assert job["status"] == "succeeded" and job["errors"] is None
    assert (job["done"], job["total"], job["percent"]) == (3, 3, 100.0)
    assert (job["rows"], job["inserted"], job["updated"], job["unchanged"]) == (3, 3, 0, 0)
    assert client.get("/api/v1/regions/DZ-31").json()["name_en"] == "Oran"
    listed = client.get("/api/v1/imports", headers=ana).json()["data"][0]
    assert listed["id"] == job["id"] and listed["status"] == "succeeded"


def test_progress_is_visible_while_the_job_runs(populated_app, monkeypatch):
    app, client, tokens = populated_app
    seen: list[JobProgress | None] = []
    original = jobs.import_table

    def spying_import(session, data, **kw):
        inner = kw.pop("progress")

        def progress(done, total):
            inner(done, total)
            seen.append(app.state.import_jobs.get(kw["job_id"]))

        return original(session, data, progress=progress, **kw)

    monkeypatch.setattr(jobs, "import_table", spying_import)
    r = upload(client, "regions", NEW_REGIONS, headers=tokens["ana"])
    assert import_job(client, r, headers=tokens["ana"])["status"] == "succeeded"
    assert seen, "the import reported no progress"
    assert all(p is not None and p.status == "running" for p in seen)
    assert (seen[-1].done, seen[-1].total) == (3, 3)


def test_reimport_job_is_idempotent(populated):
    client, tokens = populated
    first = import_job(client, upload(client, "regions", NEW_REGIONS, headers=tokens["ana"]),
                       headers=tokens["ana"])  # fmt: skip
    again = import_job(client, upload(client, "regions", NEW_REGIONS, headers=tokens["ana"]),
                       headers=tokens["ana"])  # fmt: skip
    assert first["inserted"] == 3
    assert (again["status"], again["inserted"], again["updated"], again["unchanged"]) == (
        "succeeded",
        0,
        0,
        3,
    )
    assert again["sha256"] == first["sha256"]


def test_failed_job_leaves_database_unchanged_and_reports_the_error(populated_app, monkeypatch):
    app, client, tokens = populated_app
    with app.state.sessions() as s:
        before = table_snapshot(s)
    original = registry_imports._write

    def write_then_fail(session, kind, records, progress):
        original(session, kind, records, progress)  # rows are flushed, then the disk "fails"
        raise OperationalError("INSERT …", {}, Exception("disk I/O error (simulated)"))

    monkeypatch.setattr(registry_imports, "_write", write_then_fail)
    r = upload(client, "regions", NEW_REGIONS, headers=tokens["ana"])
    assert r.status_code == 202
    job = import_job(client, r, headers=tokens["ana"])
    assert job["status"] == "failed" and job["done"] == 0
    assert "disk I/O error (simulated)" in job["errors"][0]["message"]
    with app.state.sessions() as s:
        after = table_snapshot(s)
    assert _without_jobs(after) == _without_jobs(before)
    assert after["audit_log"] == before["audit_log"]
    assert len(after["import_jobs"]) == len(before["import_jobs"]) + 1
    _error(client.get("/api/v1/regions/DZ-31"), 404, "not_found")


def test_rows_invalid_when_written_fail_the_job_with_the_row_report(populated_app, monkeypatch):
    """The background write validates again: a file gone invalid writes nothing."""
    app, client, tokens = populated_app
    monkeypatch.setattr(import_routes, "check_table", lambda *_a, **_kw: 2)
    bad = "region,cluster,year,employment\nUS-26,4,2022,7\nXX-99,4,2022,lots\n"
    job = import_job(client, upload(client, "indicators", bad, headers=tokens["ana"],
                                    name="late.csv"), headers=tokens["ana"])  # fmt: skip
    assert job["status"] == "failed"
    assert {(e["file"], e["row"], e["column"]) for e in job["errors"]} == {
        ("late.csv", 3, "employment"),
        ("late.csv", 3, "region"),
    }
    assert all(e["fix"] for e in job["errors"])
    assert client.get("/api/v1/indicators").json()["count"] == 4


def test_invalid_upload_is_refused_before_any_job(populated):
    client, tokens = populated
    count = client.get("/api/v1/imports", headers=tokens["ana"]).json()["count"]
    err = _error(upload(client, "regions", "id,country\nX,DZ\n", headers=tokens["ana"]), 422,
                 "invalid_data")  # fmt: skip
    assert err["details"][0]["row"] == 1 and err["details"][0]["fix"]
    assert client.get("/api/v1/imports", headers=tokens["ana"]).json()["count"] == count


def test_unknown_job_is_404_and_jobs_need_an_analyst(populated):
    client, tokens = populated
    err = _error(client.get("/api/v1/imports/999999", headers=tokens["ana"]), 404, "not_found")
    assert "999999" in err["message"]
    _error(client.get("/api/v1/imports/1", headers=tokens["mgr"]), 403, "forbidden")
    _error(client.get("/api/v1/imports/1"), 401, "unauthorized")


@pytest.mark.parametrize(("done", "total", "percent"), [(0, 0, 100.0), (1, 3, 33.3), (3, 3, 100.0)])
def test_job_board_percent_by_hand(done, total, percent):
    board = JobBoard()
    board.set(7, JobProgress(status="queued", done=0, total=total))
    board.update(7, status="running", done=done)
    assert board.get(7) == JobProgress(status="running", done=done, total=total)
    assert board.get(7).percent == percent
    assert board.get(8) is None
