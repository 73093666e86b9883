"""The workspace's report page: the diagnostic report built as a background job (the API's job
function), its progress shown by a page that refreshes itself, its files downloaded by those who
may read them, through the in-process client on a copy of the toy registry (clusters auto-mi,
chem-oh, secret). The in-process client runs the background job before the POST returns."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from _accounts import post_form, signed_in, workspace_site
from grappe.assess import draft_swot
from grappe.registry import session_scope
from grappe.registry.evaluations import store_swot
from grappe.registry.models import AuditEntry, Cluster, ReportFile, StoredReport
from grappe.registry.reports import queue_report

PAGE = "/clusters/auto-mi/reports"


@pytest.fixture
def site(populated_app):
    app, client, _ = workspace_site(populated_app)
    return app, client


def _build(client, page=PAGE, *, csrf_from=None, **choices):
    return post_form(client, page, choices, form_page=csrf_from)


def _reports(app):
    with session_scope(app.state.sessions) as db:
        return db.scalar(select(func.count()).select_from(StoredReport))


def _stored_report(app, *, status="succeeded", age=dt.timedelta(0), files=("ar.html",)):
    """A report row as the job leaves it (no build: quick), with small files."""
    with session_scope(app.state.sessions) as db:
        row = queue_report(db, "auto-mi", languages=["ar"], formats=["html"], who="test")
        row.status, row.created_at = status, dt.datetime.now(dt.UTC) - age
        for name in files:
            lang, fmt = name.split(".")
            row.files.append(ReportFile(lang=lang, format=fmt, sha256="0" * 64, size=5,
                                        content=b"<p>x"))  # fmt: skip
        db.flush()
        return row.id


def _weasyprint_works() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def test_a_manager_builds_the_arabic_report_and_downloads_it(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    client.headers["Accept-Language"] = "ar"
    page = client.get(PAGE).text
    assert 'dir="rtl"' in page and 'http-equiv="refresh"' not in page
    # The page's language is chosen by default; HTML too.
    assert re.search(r'name="languages" value="ar" checked', page)
    assert not re.search(r'name="languages" value="fr" checked', page)
    formats = ["html", "pdf"] if _weasyprint_works() else ["html"]
    r = _build(client, languages="ar", formats=formats)
    assert r.status_code == 303
    report_id = int(re.fullmatch(rf"{PAGE}\?report=(\d+)", r.headers["location"]).group(1))
    with session_scope(app.state.sessions) as db:
        row = db.get(StoredReport, report_id)
        assert (row.status, row.done, row.total, row.created_by) == (
            "succeeded", 1 + len(formats), 1 + len(formats), "mgr@obs.dz")  # fmt: skip
        audit = db.scalars(select(AuditEntry).where(AuditEntry.resource == "report")).one()
        assert (audit.who, audit.after) == ("mgr@obs.dz", {"languages": ["ar"], "formats": formats})
    page = client.get(r.headers["location"]).text
    assert "جاهز" in page and 'http-equiv="refresh"' not in page  # "Ready"
    assert f'href="{PAGE}/{report_id}/ar.html"' in page
    got = client.get(f"{PAGE}/{report_id}/ar.html")
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/html")
    assert got.headers["content-disposition"] == (
        f'attachment; filename="report_auto-mi_{report_id}_ar.html"'
    )
    html = got.content.decode()
    assert 'dir="rtl"' in html and "السيارات ميشيغان" in html
    if "pdf" in formats:
        pdf = client.get(f"{PAGE}/{report_id}/ar.pdf")
        assert pdf.headers["content-type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF")
    assert client.get(f"{PAGE}/{report_id}/fr.html").status_code == 404  # not asked


def test_the_page_refreshes_itself_while_a_report_is_built_and_not_after(site):
    app, client = site
    signed_in(client, "admin@obs.dz")
    running = _stored_report(app, status="running", files=())
    page = client.get(PAGE).text
    assert '<meta http-equiv="refresh" content="2">' in page
    assert '<progress max="2" value="0">' in page and "0 of 2 steps" in page
    with session_scope(app.state.sessions) as db:  # interrupted an hour ago: no more refresh
        db.get(StoredReport, running).created_at = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    assert 'http-equiv="refresh"' not in client.get(PAGE).text
    failed = _stored_report(app, status="failed", files=())
    with session_scope(app.state.sessions) as db:
        db.get(StoredReport, failed).errors = [{"message": "No fonts.", "fix": "Install them."}]
    page = client.get(PAGE).text
    assert "Failed" in page and "No fonts. Install them." in page
    assert 'http-equiv="refresh"' not in page


def test_bad_choices_and_a_cluster_with_nothing_stored_queue_nothing(site):
    app, client = site
    signed_in(client, "admin@obs.dz")
    cases = [
        ({"formats": "html"}, "languages", "Choose at least one language."),
        ({"languages": "de", "formats": "html"}, "languages", "Choose at least one language."),
        ({"languages": "fr"}, "formats", "Choose at least one format."),
        ({"languages": "fr", "formats": "docx"}, "formats", "Choose at least one format."),
    ]
    for choices, field, message in cases:
        r = _build(client, **choices)
        assert r.status_code == 400 and "Nothing was queued" in r.text, choices
        assert f'<p class="error" id="e-{field}">{message}</p>' in r.text, choices
    secret = "/clusters/secret/reports"
    nothing = '<p class="error" id="e-report">There is nothing to report on yet: this cluster'
    r = _build(client, secret, languages="fr", formats="html")
    assert r.status_code == 400 and nothing in r.text  # no sector or region, nothing stored
    with session_scope(app.state.sessions) as db:
        db.get(Cluster, "secret").sector = "99"
    r = _build(client, secret, languages="fr", formats="html")
    assert r.status_code == 400 and nothing in r.text  # no indicators of '99', nothing stored
    assert _reports(app) == 0
    # Once the workspace holds a result (a SWOT), the report is built without indicators.
    with session_scope(app.state.sessions) as db:
        add = {"strengths": [{"en": "Skilled coppersmiths", "fr": "F", "ar": "A"}]}
        store_swot(db, "secret", draft_swot().edit(add=add), date=dt.date(2026, 11, 3), who="t")
    r = _build(client, secret, languages="en", formats="html")
    assert r.status_code == 303, r.text
    with session_scope(app.state.sessions) as db:
        row = db.scalars(select(StoredReport).where(StoredReport.cluster_id == "secret")).one()
        assert row.status == "succeeded", row.errors
        html = row.files[0].content.decode()
    assert "<li>Skilled coppersmiths</li>" in html and "no mapped statistics" in html
    client.headers["Accept-Language"] = "fr"
    r = _build(client, formats="html")
    assert "Choisissez au moins une langue." in r.text and 'lang="fr"' in r.text


def test_who_may_see_build_and_download(site):
    app, client = site
    report_id = _stored_report(app)
    file = f"{PAGE}/{report_id}/ar.html"
    # An analyst reads and downloads, but may not build (RULES: reports are the managers').
    signed_in(client, "ana@obs.dz")
    page = client.get(PAGE).text
    assert f'href="{file}"' in page and 'action="/clusters/auto-mi/reports"' not in page
    assert client.get(file).content == b"<p>x"
    r = _build(client, csrf_from="/account", languages="en", formats="html")
    assert r.status_code == 403 and "Not allowed" in r.text
    # A manager of another cluster and a member see nothing of it.
    for email in ("other@obs.dz", "gm@obs.dz"):
        signed_in(client, email)
        for path in (PAGE, file):
            assert client.get(path).status_code == 403, (email, path)
        r = _build(client, csrf_from="/account", languages="en", formats="html")
        assert r.status_code == 403
        assert 'href="/clusters/auto-mi/reports"' not in client.get("/clusters/auto-mi").text
    assert _reports(app) == 1
    # The report of a cluster is not found under another one, nor an unknown report.
    signed_in(client, "admin@obs.dz")
    assert client.get(f"/clusters/chem-oh/reports/{report_id}/ar.html").status_code == 404
    assert client.get(f"{PAGE}/{report_id + 1}/ar.html").status_code == 404
    assert client.get(f"/clusters/nowhere/reports/{report_id}/ar.html").status_code == 404
    # Anonymous visitors: sent to sign in; forms without the CSRF token: refused.
    client.cookies.clear()
    for path in (PAGE, file):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    signed_in(client, "mgr@obs.dz")
    r = client.post(PAGE, data={"languages": "en", "formats": "html"})
    assert r.status_code == 403 and "Form expired" in r.text
    assert _reports(app) == 1
