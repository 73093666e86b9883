"""Imports as jobs: 202 + queued job, background write in one transaction, progress, failure."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

import grappe.registry.import_changes as import_changes
import grappe.service.jobs as jobs
import grappe.service.routes.imports as import_routes
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.registry import import_table
from grappe.registry.database import session_scope
from grappe.registry.models import ImportJob, Region
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


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (IntegrityError, "the import conflicted with another change to the registry"),
        (OperationalError, "the database was busy or unavailable during the import"),
        (DataError, "the database refused the import"),
    ],
)
def test_failed_job_leaves_database_unchanged_and_reports_no_sql(
    populated_app, monkeypatch, caplog, error, says
):
    app, client, tokens = populated_app
    with app.state.sessions() as s:
        before = table_snapshot(s)
    original = import_changes.apply

    def write_then_fail(session, *args, **kwargs):
        original(session, *args, **kwargs)  # rows are flushed, then the database "fails"
        raise error(
            "INSERT INTO regions (id, name_en) VALUES (?, ?)", ("DZ-31", "Oran"), Exception("boom")
        )

    monkeypatch.setattr(import_changes, "apply", write_then_fail)
    with caplog.at_level(logging.ERROR, logger="grappe.service.jobs"):
        r = upload(client, "regions", NEW_REGIONS, headers=tokens["ana"], name="wilayas.csv")
        assert r.status_code == 202
        job = import_job(client, r, headers=tokens["ana"])
    assert job["status"] == "failed" and job["done"] == 0
    [issue] = job["errors"]
    assert issue["message"] == f"{says}; nothing was imported."
    assert issue["file"] == "wilayas.csv" and issue["fix"]
    # Neither the SQL, nor the file's values, nor the driver's message reach the client.
    for leak in ("INSERT", "VALUES", "Oran", "boom", error.__name__):
        assert leak not in str(job)
    # They are in the server log, with the job's id.
    logged = [r for r in caplog.records if r.name == "grappe.service.jobs"]
    assert logged and f"import job {job['id']}" in logged[0].getMessage()
    assert "INSERT INTO regions" in str(logged[0].exc_info[1])
    with app.state.sessions() as s:
        after = table_snapshot(s)
    assert _without_jobs(after) == _without_jobs(before)
    assert after["audit_log"] == before["audit_log"]
    assert len(after["import_jobs"]) == len(before["import_jobs"]) + 1
    _error(client.get("/api/v1/regions/DZ-31"), 404, "not_found")


def test_concurrent_conflicting_import_says_try_again(populated_app, monkeypatch):
    """A real conflict: another connection commits the same new region between the job's
    check and its write; the job fails with the unique-key error, reported in user terms."""
    app, client, tokens = populated_app
    original = import_changes.plan

    def plan_then_someone_else_writes(session, kind, records):
        planned = original(session, kind, records)
        with session_scope(app.state.sessions) as other:
            other.add(Region(id="DZ-31", code="31", country="DZ", region_type="wilaya",
                             name_en="Oran (by someone else)"))  # fmt: skip
        return planned

    monkeypatch.setattr(import_changes, "plan", plan_then_someone_else_writes)
    monkeypatch.setattr(import_routes, "check_table", lambda *_a, **_kw: 3)
    job = import_job(client, upload(client, "regions", NEW_REGIONS, headers=tokens["ana"]),
                     headers=tokens["ana"])  # fmt: skip
    assert job["status"] == "failed"
    assert job["errors"][0]["message"] == (
        "the import conflicted with another change to the registry; nothing was imported."
    )
    assert job["errors"][0]["fix"].startswith("try again")
    assert "INSERT" not in str(job) and "Constantine" not in str(job)
    monkeypatch.setattr(import_changes, "plan", original)
    assert client.get("/api/v1/regions/DZ-31").json()["name_en"] == "Oran (by someone else)"
    _error(client.get("/api/v1/regions/DZ-25"), 404, "not_found")
    # Trying again imports the file against the registry as it now is.
    again = import_job(client, upload(client, "regions", NEW_REGIONS, headers=tokens["ana"]),
                       headers=tokens["ana"])  # fmt: skip
    assert (again["status"], again["inserted"], again["updated"]) == ("succeeded", 2, 1)


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


def test_our_own_errors_in_a_job_keep_their_message(populated_app, monkeypatch):
    """A GrappeError (no SQL, no values beyond the user's file) is reported as it reads."""
    app, client, tokens = populated_app

    def refuse(*_a, **_kw):
        raise InvalidParameterError("The 'kind' parameter of import_table must be one of …")

    monkeypatch.setattr(jobs, "import_table", refuse)
    r = upload(client, "regions", NEW_REGIONS, headers=tokens["ana"], name="w.csv")
    job = import_job(client, r, headers=tokens["ana"])
    assert job["status"] == "failed"
    message = "The 'kind' parameter of import_table must be one of …"
    expected = {"message": message, "file": "w.csv", "row": None, "column": None, "fix": None}
    assert job["errors"] == [expected]


def test_a_bug_in_a_job_fails_it_and_reaches_the_server_log(populated_app, monkeypatch, caplog):
    app, client, tokens = populated_app

    def crash(*_a, **_kw):
        raise RuntimeError("secret internals at 0xdeadbeef")

    monkeypatch.setattr(jobs, "import_table", crash)
    with (
        caplog.at_level(logging.ERROR, logger="grappe.service.jobs"),
        pytest.raises(RuntimeError, match="secret internals"),  # re-raised for the server
    ):
        upload(client, "regions", NEW_REGIONS, headers=tokens["ana"])
    with app.state.sessions() as s:
        job = s.scalars(select(ImportJob).order_by(ImportJob.id.desc())).first()
    assert job.status == "failed"
    [issue] = job.errors
    assert issue["message"] == "the import failed on an internal error; nothing was imported."
    assert f"import job {job.id}" in issue["fix"] and "deadbeef" not in str(job.errors)
    assert any("secret internals" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)


def test_import_table_refuses_an_unknown_job_id(populated_app):
    app, _client, _tokens = populated_app
    with (
        pytest.raises(NotFoundError, match=r"There is no import job 999999\."),
        session_scope(app.state.sessions) as s,
    ):
        import_table(s, NEW_REGIONS.encode(), kind="regions", filename="r.csv", who="t",
                     job_id=999999)  # fmt: skip
    with app.state.sessions() as s:
        assert s.get(Region, "DZ-31") is None
