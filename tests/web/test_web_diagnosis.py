"""The workspace's network diagnosis page (read the stored diagnosis of a wave, run a new one as a
background job) and interview campaigns (create, rename and date-correct survey waves), on a copy
of the toy registry plus a small hand-checkable copperware network of two waves."""

from __future__ import annotations

import datetime as dt
import html
import re

import pandas as pd
import pytest
from sqlalchemy import select

from _accounts import _csrf, _user, post_form, signed_in, workspace_users
from grappe.errors import DataValidationError, NotFoundError, PermissionDeniedError
from grappe.network import diagnose
from grappe.network.model import build_network
from grappe.registry import session_scope
from grappe.registry.models import Actor, AuditEntry, Cluster, NetworkDiagnosis, SurveyWave
from grappe.registry.networks import load_network, store_network
from grappe.registry.permissions import Access
from grappe.registry.wave_entries import correct_wave, create_wave
from grappe.web.views.diagnosis import STALE_RUN

# Two artisans and a workshop tied to the crafts chamber (cci), the chamber to the university:
# the chamber is the one broker between spheres; in 2024 the university tie appears.
ACTORS = pd.DataFrame({
    "id": ["a1", "a2", "a3", "cci", "univ"],
    "name": ["Atelier Bey", "Dinanderie Kaci", "Cuivre Cirta", "Chambre de l'artisanat",
             "Université Constantine 3"],
    "sphere": ["enterprise", "enterprise", "enterprise", "support", "university"],
    "level": "local",
})  # fmt: skip
TIES = pd.DataFrame({
    "source": ["a1", "a2", "a3", "a1", "a2", "a3", "cci"],
    "target": ["cci", "cci", "a1", "cci", "cci", "cci", "univ"],
    "type": "cooperation",
    "strength": [2, 2, 1, 3, 2, 2, 2],
    "wave": ["2022", "2022", "2022", "2024", "2024", "2024", "2024"],
})  # fmt: skip
CHAMBER_AR = "غرفة الصناعة التقليدية"


@pytest.fixture
def site(populated_app):
    app, client, _ = populated_app
    with session_scope(app.state.sessions) as db:
        db.add(Cluster(id="dinanderie", name_en="Copperware", name_fr="Dinanderie", published=True))
        db.flush()
        store_network(db, build_network(ACTORS, TIES, directed=False), cluster="dinanderie",
                      who="test")  # fmt: skip
        db.get(Actor, "cci").attributes = {"name_ar": CHAMBER_AR}
    workspace_users(app, cluster="dinanderie")
    _user(app, "a1@obs.dz", "member", actor="a1")
    client.headers["Accept-Language"] = "en"
    return app, client


def _run(client, wave="", query=""):
    return post_form(client, f"/clusters/dinanderie/diagnosis{query}", {"wave": wave})


def _section(text, heading_id):
    found = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', text, re.S)
    assert found, f"no section {heading_id}"
    return html.unescape(found.group(1))


def _diagnoses(app):
    with session_scope(app.state.sessions) as db:
        rows = db.scalars(select(NetworkDiagnosis).order_by(NetworkDiagnosis.id)).all()
        return [(r.wave, r.before, r.status, r.created_by) for r in rows]


# --- the diagnosis page ----------------------------------------------------------------------


def test_run_then_read_the_diagnosis_equal_to_the_kernel(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    empty = client.get("/clusters/dinanderie/diagnosis")
    assert empty.status_code == 200 and "No diagnosis of this wave is stored yet" in empty.text
    assert '<option value="2024" selected>' in empty.text  # the last wave by default
    r = _run(client, "2024")
    assert r.status_code == 303
    assert r.headers["location"] == "/clusters/dinanderie/diagnosis?wave=2024"
    assert _diagnoses(app) == [("2024", "2022", "succeeded", "mgr@obs.dz")]
    page = client.get(r.headers["location"]).text
    with session_scope(app.state.sessions) as db:
        expected = diagnose(load_network(db, "dinanderie"), wave="2024", before="2022",
                            seed=0).to_dict()  # fmt: skip
    # By hand: 5 actors, 4 ties in 2024 (undirected): density 4/10; the chamber is the only
    # broker between spheres; a3's tie to a1 dissolved, the chamber's to the university formed.
    assert expected["density"] == pytest.approx(0.4) and expected["brokers"] == ["cci"]
    figures = _section(page, "d-fig")
    assert "<dt>Density</dt><dd>0.400</dd>" in figures and "<dt>Ties</dt><dd>4</dd>" in figures
    assert expected["reciprocity"] is None and "<dt>Reciprocity</dt><dd>–</dd>" in figures
    assert "<dt>Connected components</dt><dd>1</dd>" in figures  # undirected, one piece
    brokers = _section(page, "d-brk")
    assert re.search(r'class="brokers">.*?<td>Chambre de l\'artisanat</td>', brokers, re.S)
    core = _section(page, "d-core")
    for actor_id in expected["core_periphery"]["core"]:
        assert ACTORS.set_index("id").loc[actor_id, "name"] in core.split("Periphery")[0]
    zones = _section(page, "d-zones")
    assert zones.count("<tr><td>") == len(expected["shadow_zones"]) > 0
    buzz = _section(page, "d-buzz")
    assert f"<dd>{expected['boundary']['internal_ties']} (100.0%)</dd>" in buzz
    change = _section(page, "d-change")
    assert "Change from wave 2022 to wave 2024" in change
    for key, label in (("ties_formed", "Ties formed"), ("ties_dissolved", "Ties dissolved")):
        assert f"<dt>{label}</dt><dd>{expected['change'][key]}</dd>" in change
    assert expected["change"]["ties_formed"] == 2 and expected["change"]["ties_dissolved"] == 1
    assert "<svg" in page and page.count('class="actor sphere-') == 5  # the drawing
    assert 'href="/clusters/dinanderie/waves"' in page  # the manager's related pages


def test_the_page_is_in_arabic_rtl_with_the_actors_arabic_names(site):
    _, client = site
    signed_in(client, "admin@obs.dz")
    assert _run(client, "2022", "?lang=ar").status_code == 303
    page = client.get("/clusters/dinanderie/diagnosis?wave=2022&lang=ar").text
    assert 'dir="rtl"' in page and 'lang="ar"' in page
    assert "تشخيص الشبكة" in page and "شغّل التشخيص" in page
    assert CHAMBER_AR in _section(page, "d-brk")  # named in the page's language
    text = html.unescape(page)
    assert "Chambre de l'artisanat" not in text and "Atelier Bey" in text  # others: their name


def test_an_analyst_may_run_it_and_a_bad_wave_is_shown_next_to_the_field(site):
    app, client = site
    signed_in(client, "ana@obs.dz")
    r = _run(client, "2019")
    assert r.status_code == 400
    error = re.search(r'<p class="error" id="e-wave">([^<]*)</p>', r.text)
    assert error and "This wave has no ties" in error.group(1)
    assert _diagnoses(app) == []  # nothing queued
    bad = client.get("/clusters/dinanderie/diagnosis?wave=nope")
    assert bad.status_code == 400 and 'id="e-wave"' in bad.text
    assert "/clusters/dinanderie/waves" not in bad.text  # an analyst may not write waves
    assert _run(client, "").status_code == 303  # no wave given: the last one
    assert _diagnoses(app) == [("2024", "2022", "succeeded", "ana@obs.dz")]


def test_a_failed_run_is_stored_and_shown_with_its_message(site):
    app, client = site
    from grappe.registry.network_diagnoses import queue_diagnosis, run_queued

    signed_in(client, "mgr@obs.dz")
    # Between the queueing and the job, a stored actor becomes something the kernel refuses.
    with session_scope(app.state.sessions) as db:
        number = queue_diagnosis(db, "dinanderie", wave="2024", who="mgr@obs.dz").id
    running = client.get("/clusters/dinanderie/diagnosis?wave=2024").text
    assert "A diagnosis of this wave is running" in running
    assert '<meta http-equiv="refresh" content="2">' in running  # reloads until stored
    with session_scope(app.state.sessions) as db:
        db.get(Actor, "a2").sphere = "banana"
    assert run_queued(app.state.sessions, number) == "failed"
    page = client.get("/clusters/dinanderie/diagnosis?wave=2024")
    # The refused row now breaks the stored network: the page lists it instead of a diagnosis.
    assert page.status_code == 200 and "Unknown sphere 'banana'" in html.unescape(page.text)
    with session_scope(app.state.sessions) as db:
        db.get(Actor, "a2").sphere = "enterprise"
    page = client.get("/clusters/dinanderie/diagnosis?wave=2024").text
    assert "The last run of the diagnosis failed" in page and "banana" in page
    assert 'http-equiv="refresh"' not in page
    with session_scope(app.state.sessions) as db:  # a run lost in a restart is not awaited
        lost = queue_diagnosis(db, "dinanderie", wave="2024", who="mgr@obs.dz")
        lost.created_at = lost.created_at - STALE_RUN - dt.timedelta(minutes=1)
    page = client.get("/clusters/dinanderie/diagnosis?wave=2024").text
    assert 'http-equiv="refresh"' not in page and "is running" not in page


def test_rights_csrf_and_anonymous(site):
    app, client = site
    url = "/clusters/dinanderie/diagnosis"
    r = client.get(url, follow_redirects=False)
    assert r.status_code in (302, 303) and r.headers["location"].startswith("/login")
    for email in ("other@obs.dz", "a1@obs.dz"):  # manager of another cluster, a member
        signed_in(client, email)
        assert client.get(url).status_code == 403
        assert client.get("/clusters/dinanderie/waves").status_code == 403
        page = client.get("/account")
        r = client.post(url, data={"wave": "2024", "csrf_token": _csrf(page.text)})
        assert r.status_code == 403
    signed_in(client, "mgr@obs.dz")
    assert client.post(url, data={"wave": "2024"}).status_code == 403  # no CSRF token
    assert client.post("/clusters/dinanderie/waves", data={"label": "2026"}).status_code == 403
    assert _diagnoses(app) == []
    assert client.get("/clusters/nowhere/diagnosis").status_code == 404
    profile = client.get("/clusters/dinanderie").text
    assert "/clusters/dinanderie/diagnosis" in profile and "/clusters/dinanderie/waves" in profile


def test_a_cluster_without_a_network_says_so(site):
    app, client = site
    _user(app, "m2@obs.dz", "manager", clusters=["chem-oh"])
    with session_scope(app.state.sessions) as db:
        db.add(Cluster(id="empty", name_en="Empty"))
    signed_in(client, "admin@obs.dz")
    page = client.get("/clusters/empty/diagnosis")
    assert page.status_code == 200 and "No network is stored for this cluster yet" in page.text
    r = client.post("/clusters/empty/diagnosis", data={"csrf_token": _csrf(page.text)})
    assert r.status_code == 400 and _diagnoses(app) == []


# --- interview campaigns ---------------------------------------------------------------------


def _post_wave(client, path="/clusters/dinanderie/waves", **values):
    page = client.get("/clusters/dinanderie/waves")
    return client.post(path, data={**values, "csrf_token": _csrf(page.text)},
                       follow_redirects=False)  # fmt: skip


def _waves(app):
    with session_scope(app.state.sessions) as db:
        rows = db.scalars(select(SurveyWave).where(SurveyWave.cluster_id == "dinanderie")
                          .order_by(SurveyWave.id))  # fmt: skip
        return [(w.id, w.label, w.date and w.date.isoformat(), w.note) for w in rows]


def test_create_and_correct_a_wave_audited_diagnoses_follow_the_rename(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    listed = client.get("/clusters/dinanderie/waves")
    assert listed.status_code == 200 and '<th scope="row">2022</th>' in listed.text
    note = "2 interviewers of the chamber; 14 firms met"
    r = _post_wave(client, label="2026", date="2026-03-01", note=note)
    assert r.status_code == 303 and r.headers["location"].endswith("/waves?saved=1")
    assert _waves(app)[-1][1:] == ("2026", "2026-03-01", note)
    assert _run(client, "2024").status_code == 303
    wave_id = next(i for i, label, _, _ in _waves(app) if label == "2024")
    r = _post_wave(client, f"/clusters/dinanderie/waves/{wave_id}", label="2024-spring",
                   date="2024-04-15", note="")  # fmt: skip
    assert r.status_code == 303
    assert (wave_id, "2024-spring", "2024-04-15", None) in _waves(app)
    assert _diagnoses(app) == [("2024-spring", "2022", "succeeded", "mgr@obs.dz")]
    page = client.get("/clusters/dinanderie/diagnosis?wave=2024-spring").text
    assert "Key figures" in page  # the stored diagnosis is still the wave's
    with session_scope(app.state.sessions) as db:
        entries = db.scalars(select(AuditEntry).where(AuditEntry.resource == "survey_wave")
                             .order_by(AuditEntry.id)).all()  # fmt: skip
        last = entries[-1]
        assert (last.action, last.who, last.resource_id) == ("update", "mgr@obs.dz",
                                                             "dinanderie/2024")  # fmt: skip
        assert entries[-2].action == "create" and entries[-2].resource_id == "dinanderie/2026"


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"label": ""}, "label", "The wave needs a label"),
        ({"label": "spring 2026"}, "label", "must start with a letter or digit"),
        ({"label": "2022"}, "label", "already has a wave '2022'"),
        ({"date": "01/03/2026"}, "date", "must read YYYY-MM-DD"),
        ({"note": "x" * 2001}, "f-note", "2000 at most"),
    ],
)
def test_wave_form_errors_next_to_the_field_nothing_stored(site, values, field, message):
    app, client = site
    before = _waves(app)
    r = _post_wave(signed_in(client, "mgr@obs.dz"), **{"label": "2026", **values})
    assert r.status_code == 400 and "Nothing was stored" in r.text
    error = re.search(rf'<p class="error" id="e-{field}">([^<]*)</p>', r.text)
    assert error and re.search(message, html.unescape(error.group(1)))
    assert _waves(app) == before


def test_correcting_a_wave_errors_in_its_row_and_in_arabic(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    ids = {label: i for i, label, _, _ in _waves(app)}
    r = _post_wave(client, f"/clusters/dinanderie/waves/{ids['2024']}?lang=ar", label="2022")
    assert r.status_code == 400 and 'dir="rtl"' in r.text
    error = re.search(rf'<p class="error" id="e-w{ids["2024"]}-label">([^<]*)</p>', r.text)
    assert error and "2022" in html.unescape(error.group(1))
    assert '<details class="wave-edit" open>' in r.text
    assert (
        client.post(
            "/clusters/dinanderie/waves/999999", data={"csrf_token": _csrf(r.text), "label": "x"}
        ).status_code
        == 404
    )
    assert [w[1] for w in _waves(app)] == ["2022", "2024"]


def test_wave_registry_functions_raise_with_the_field(site):
    app, _ = site
    admin, other = Access("admin@obs.dz", "admin"), Access("o", "manager", frozenset({"chem-oh"}))
    with session_scope(app.state.sessions) as db:
        with pytest.raises(PermissionDeniedError, match="cannot create survey_wave"):
            create_wave(db, other, "dinanderie", {"label": "2026"})
        with pytest.raises(NotFoundError, match="nowhere"):
            create_wave(db, admin, "nowhere", {"label": "2026"})
        with pytest.raises(DataValidationError, match="Unknown field 'colour'"):
            create_wave(db, admin, "dinanderie", {"label": "2026", "colour": "red"})
        with pytest.raises(NotFoundError, match="no survey wave 999"):
            correct_wave(db, admin, "dinanderie", 999, {"label": "2026"})
        wave = create_wave(db, admin, "dinanderie", {"label": "2026", "date": "2026-01-02"})
        with pytest.raises(DataValidationError, match="column 'label'.*already has a wave"):
            correct_wave(db, admin, "dinanderie", wave.id, {"label": "2022"})
        same = correct_wave(db, admin, "dinanderie", wave.id,
                            {"label": "2026", "date": "2026-01-02"})  # fmt: skip
        assert same.label == "2026"


def test_run_queued_marks_database_and_internal_failures(site, monkeypatch):
    """The job's other failures: a database error is stored with a generic message (its SQL
    stays in the server log); an unexpected one too, and is raised again for the server."""
    from sqlalchemy.exc import OperationalError

    from grappe.registry import network_diagnoses as diag

    app, _ = site
    numbers = []
    for _ in range(2):
        with session_scope(app.state.sessions) as db:
            numbers.append(diag.queue_diagnosis(db, "dinanderie", who="mgr@obs.dz").id)

    def locked(*_args, **_kwargs):
        raise OperationalError("UPDATE secret_table", {}, Exception("database is locked"))

    monkeypatch.setattr(diag, "run_diagnosis", locked)
    assert diag.run_queued(app.state.sessions, numbers[0]) == "failed"
    monkeypatch.setattr(diag, "run_diagnosis", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        diag.run_queued(app.state.sessions, numbers[1])
    with session_scope(app.state.sessions) as db:
        first, second = (db.get(NetworkDiagnosis, n) for n in numbers)
        assert first.status == second.status == "failed"
        assert first.errors[0]["message"].startswith("the database failed")
        assert "secret_table" not in str(first.errors)
        assert second.errors[0]["message"] == "the diagnosis failed on an internal error."
        assert f"diagnosis {numbers[1]}" in second.errors[0]["fix"]
