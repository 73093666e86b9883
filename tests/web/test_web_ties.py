"""The workspace's ties: "Record a tie" (kernel checks next to the field, audited), delete a tie,
and an interview grid uploaded → previewed with every row error → stored all or nothing; on a
copy of the toy registry (clusters auto-mi, chem-oh) and the synthetic survey fixtures."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from _accounts import _csrf, signed_in, workspace_users
from grappe.io.network import read_network
from grappe.registry import session_scope
from grappe.registry.models import AuditEntry, Cluster, Tie
from grappe.registry.networks import load_network
from grappe.registry.tie_entries import cluster_actors

FIXTURES = Path(__file__).parents[1] / "fixtures" / "network"
ACTORS = (FIXTURES / "synthetic_actors.csv").read_bytes()
TIES = (FIXTURES / "synthetic_ties.csv").read_bytes()
SALT = "ties-test-salt"


@pytest.fixture
def site(populated_app, monkeypatch):
    monkeypatch.setenv("GRAPPE_PSEUDONYM_SALT", SALT)
    app, client, _ = populated_app
    workspace_users(app)
    with session_scope(app.state.sessions) as db:
        db.add(Cluster(id="dinanderie", name_en="Copperware"))
    client.headers["Accept-Language"] = "en"
    return app, client


def _actors(app, cluster="auto-mi"):
    with session_scope(app.state.sessions) as db:
        return [a.id for a in cluster_actors(db, cluster)]


def _ties(app, cluster="auto-mi"):
    with session_scope(app.state.sessions) as db:
        rows = db.scalars(select(Tie).where(Tie.cluster_id == cluster, Tie.deleted_at.is_(None)))
        return [(t.source, t.target, t.type, t.strength, t.origin, t.respondent) for t in rows]


def _post_tie(client, cluster="auto-mi", **values):
    page = client.get(f"/clusters/{cluster}/ties")
    data = {"origin": "interview", "new_wave": "2026", "type": "cooperation", "strength": "2",
            **values, "csrf_token": _csrf(page.text)}  # fmt: skip
    return client.post(f"/clusters/{cluster}/ties", data=data, follow_redirects=False)


def _error(page, field):
    found = re.search(rf'<p class="error" id="e-{field}">([^<]*)</p>', page)
    assert found, f"no error next to {field}"
    return html.unescape(found.group(1))


# --- record a tie ----------------------------------------------------------------------------


def test_record_a_tie_is_stored_audited_and_listed(site):
    app, client = site
    (a, b), c = _actors(app)[:2], _actors(app)[0]  # the reporter is one end
    before = _ties(app)
    signed_in(client, "mgr@obs.dz")
    r = _post_tie(client, reporter=c, source=a, target=b, date="2026-03-01")
    assert r.status_code == 303 and r.headers["location"] == "/clusters/auto-mi/ties?wave=2026"
    new = [t for t in _ties(app) if t not in before]
    assert len(new) == 1
    source, target, kind, strength, origin, respondent = new[0]
    assert (source, target, kind, strength, origin) == (a, b, "cooperation", 2.0, "interview")
    assert respondent.startswith("R-") and c not in respondent  # pseudonymised
    with session_scope(app.state.sessions) as db:
        entries = db.scalars(select(AuditEntry).where(AuditEntry.resource == "tie")).all()
        mine = [e for e in entries if e.resource_id.startswith(f"{a}/{b}/cooperation")]
        assert mine and mine[-1].who == "mgr@obs.dz" and mine[-1].action == "create"
    listed = client.get("/clusters/auto-mi/ties?wave=2026")
    assert listed.status_code == 200 and "Cooperation on projects" in listed.text


def test_delete_a_tie_is_soft_and_audited(site):
    app, client = site
    (a, b), c = _actors(app)[:2], _actors(app)[0]  # the reporter is one end
    _post_tie(signed_in(client, "admin@obs.dz"), reporter=c, source=a, target=b)
    with session_scope(app.state.sessions) as db:
        tie = db.scalars(select(Tie).where(Tie.source == a, Tie.target == b,
                                           Tie.type == "cooperation")).one()  # fmt: skip
        tie_id = tie.id
    page = client.get("/clusters/auto-mi/ties?wave=2026")
    assert f"/ties/{tie_id}/delete" in page.text
    r = client.post(f"/clusters/auto-mi/ties/{tie_id}/delete",
                    data={"csrf_token": _csrf(page.text)}, follow_redirects=False)  # fmt: skip
    assert r.status_code == 303
    with session_scope(app.state.sessions) as db:
        row = db.get(Tie, tie_id)
        assert row.deleted_at is not None
        last = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (last.action, last.resource, last.who) == ("delete", "tie", "admin@obs.dz")


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"source": "NOPE"}, "source", "Unknown actor 'NOPE'"),
        ({"target": "SAME"}, "target", "Self-tie: actor"),
        ({"strength": "9"}, "strength", "off the scale"),
        ({"type": "gossip"}, "type", "gossip"),
        ({"new_wave": "", "wave": ""}, "wave", "Choose a wave"),
        ({"date": "2026-13-01"}, "date", "YYYY-MM-DD"),
        ({"origin": "rumour"}, "origin", "Unknown origin"),
    ],
)
def test_record_a_tie_error_next_to_the_field_nothing_stored(site, values, field, message):
    app, client = site
    (a, b), c = _actors(app)[:2], _actors(app)[0]  # the reporter is one end
    base = {"reporter": c, "source": a, "target": b}
    if values.get("target") == "SAME":
        values = {"target": a}
    before = _ties(app)
    r = _post_tie(signed_in(client, "mgr@obs.dz"), **{**base, **values})
    assert r.status_code == 400
    assert re.search(message, _error(r.text, field))
    assert "The tie was not recorded" in r.text
    assert _ties(app) == before


def test_a_tie_recorded_twice_in_a_wave_is_refused(site):
    app, client = site
    (a, b), c = _actors(app)[:2], _actors(app)[0]  # the reporter is one end
    signed_in(client, "mgr@obs.dz")
    assert _post_tie(client, reporter=c, source=a, target=b).status_code == 303
    r = _post_tie(client, reporter=c, source=a, target=b)
    assert r.status_code == 400 and "already recorded" in _error(r.text, "target")


def test_errors_are_translated_in_arabic_with_rtl(site):
    app, client = site
    (a, b), c = _actors(app)[:2], _actors(app)[0]  # the reporter is one end
    signed_in(client, "mgr@obs.dz")
    page = client.get("/clusters/auto-mi/ties?lang=ar")
    assert 'dir="rtl"' in page.text
    r = client.post("/clusters/auto-mi/ties?lang=ar", follow_redirects=False, data={
        "reporter": c, "source": a, "target": b, "type": "trust", "strength": "2",
        "new_wave": "", "wave": "", "csrf_token": _csrf(page.text)})  # fmt: skip
    assert r.status_code == 400
    assert _error(r.text, "wave").startswith("اختر دفعة")  # the field's hint, translated


def test_missing_csrf_is_refused(site):
    app, client = site
    (a, b), c = _actors(app)[:2], _actors(app)[0]  # the reporter is one end
    signed_in(client, "mgr@obs.dz")
    data = {"reporter": c, "source": a, "target": b, "type": "trust", "new_wave": "2026"}
    r = client.post("/clusters/auto-mi/ties", data=data)
    assert r.status_code == 403


def test_manager_of_another_cluster_is_forbidden(site):
    app, client = site
    (a, b), c = _actors(app)[:2], _actors(app)[0]  # the reporter is one end
    signed_in(client, "other@obs.dz")
    assert client.get("/clusters/auto-mi/ties").status_code == 403
    assert client.get("/clusters/auto-mi/ties/upload").status_code == 403
    page = client.get("/clusters/chem-oh/ties")
    r = client.post("/clusters/auto-mi/ties", data={
        "reporter": c, "source": a, "target": b, "type": "trust", "new_wave": "2026",
        "csrf_token": _csrf(page.text)})  # fmt: skip
    assert r.status_code == 403


def test_anonymous_is_sent_to_login(site):
    _, client = site
    for url in ("/clusters/auto-mi/ties", "/clusters/auto-mi/ties/upload"):
        r = client.get(url, follow_redirects=False)
        assert r.status_code in (302, 303) and r.headers["location"].startswith("/login")


def test_cluster_page_links_to_the_ties_for_writers_only(site):
    _, client = site
    assert "/clusters/auto-mi/ties" not in client.get("/clusters/auto-mi").text
    signed_in(client, "mgr@obs.dz")
    assert "/clusters/auto-mi/ties" in client.get("/clusters/auto-mi").text


# --- upload an interview grid ----------------------------------------------------------------


def _upload(client, ties, actors=ACTORS, cluster="dinanderie", query="", **data):
    page = client.get(f"/clusters/{cluster}/ties/upload")
    files = {"ties": ("grid.csv", ties, "text/csv")}
    if actors is not None:
        files["actors"] = ("actors.csv", actors, "text/csv")
    data = {"csrf_token": _csrf(page.text), "origin": "interview", **data}
    return client.post(f"/clusters/{cluster}/ties/upload{query}", files=files, data=data)


def test_upload_with_a_bad_row_shows_every_error_and_stores_nothing(site):
    app, client = site
    lines = TIES.decode().splitlines()
    lines[2] = lines[2].replace(",2,", ",9,", 1)  # strength off the scale, row 2
    lines[3] = "A1,A1," + lines[3].split(",", 2)[2]  # a self-tie, row 3
    r = _upload(signed_in(client, "mgr@obs.dz"), ("\n".join(lines) + "\n").encode(),
                cluster="auto-mi")  # fmt: skip
    assert r.status_code == 400 and "Nothing was stored" in r.text
    assert "Store these ties" not in r.text
    rows = re.findall(r'<tr class="issue">(.*?)</tr>', r.text, re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in rows]
    assert any(c[0] == "grid.csv" and c[2] == "strength" and "off the scale" in c[3]
               for c in cells)  # fmt: skip
    assert any(c[2] == "target" and "Self-tie" in c[3] for c in cells)
    assert all(c[1] for c in cells)  # every problem names its row
    assert not any(t[0].startswith("A") for t in _ties(app))


def test_upload_preview_then_store_equals_read_network(site):
    app, client = site
    signed_in(client, "admin@obs.dz")
    r = _upload(client, TIES)
    assert r.status_code == 200 and "Preview: nothing is stored yet" in r.text
    expected = read_network(FIXTURES / "synthetic_actors.csv", FIXTURES / "synthetic_ties.csv",
                            salt=SALT)  # fmt: skip
    assert r.text.count("<tr><td>") == len(expected.ties)
    assert _ties(app, "dinanderie") == []  # the preview stores nothing
    key = re.search(r'name="upload" value="([^"]+)"', r.text).group(1)
    stored = client.post("/clusters/dinanderie/ties/upload/store", follow_redirects=False,
                         data={"upload": key, "csrf_token": _csrf(r.text)})  # fmt: skip
    assert stored.status_code == 303
    with session_scope(app.state.sessions) as db:
        net = load_network(db, "dinanderie")
    assert len(net.ties) == len(expected.ties)
    columns = ["source", "target", "type", "strength", "directed", "wave", "respondent",
               "reports"]  # fmt: skip
    assert net.ties[columns].astype(str).values.tolist() == \
        expected.ties[columns].astype(str).values.tolist()  # fmt: skip
    assert sorted(net.actors["id"]) == sorted(expected.actors["id"])
    assert {t[4] for t in _ties(app, "dinanderie")} == {"interview"}
    again = client.post("/clusters/dinanderie/ties/upload/store",
                        data={"upload": key, "csrf_token": _csrf(r.text)})  # fmt: skip
    assert again.status_code == 409 and "expired" in again.text  # used once


def test_a_preview_is_bound_to_its_session(site):
    app, client = site
    r = _upload(signed_in(client, "admin@obs.dz"), TIES)
    key = re.search(r'name="upload" value="([^"]+)"', r.text).group(1)
    signed_in(client, "mgr@obs.dz")  # another user, another session
    page = client.get("/clusters/auto-mi/ties/upload")
    stolen = client.post("/clusters/auto-mi/ties/upload/store",
                         data={"upload": key, "csrf_token": _csrf(page.text)})  # fmt: skip
    assert stolen.status_code == 409
    assert not any(t[0].startswith("A") for t in _ties(app))


def test_upload_without_a_ties_file_or_with_a_bad_wave(site):
    _, client = site
    signed_in(client, "admin@obs.dz")
    page = client.get("/clusters/dinanderie/ties/upload")
    r = client.post("/clusters/dinanderie/ties/upload", data={"csrf_token": _csrf(page.text)})
    assert r.status_code == 400 and "Choose the ties file" in r.text
    r = _upload(client, TIES, wave="bad wave!")
    assert r.status_code == 400 and "A wave label holds" in r.text


def test_upload_a_wave_for_rows_that_carry_their_own_is_refused_at_preview(site):
    app, client = site
    r = _upload(signed_in(client, "admin@obs.dz"), TIES, wave="2026")
    assert r.status_code == 400 and "carry their own waves (2022" in html.unescape(r.text)
    assert "Store these ties" not in r.text and _ties(app, "dinanderie") == []


def _store(client, preview):
    key = re.search(r'name="upload" value="([^"]+)"', preview.text).group(1)
    data = {"upload": key, "csrf_token": _csrf(preview.text)}
    return client.post("/clusters/dinanderie/ties/upload/store", data=data, follow_redirects=False)


def test_upload_without_an_actors_file_uses_the_clusters_actors(site):
    app, client = site
    signed_in(client, "admin@obs.dz")
    assert _store(client, _upload(client, TIES)).status_code == 303
    grid = b"source,target,type,strength,respondent\nA1,A3,trust,strong,Amina B.\n"
    preview = _upload(client, grid, actors=None, wave="2026")
    assert preview.status_code == 200 and "Store these ties" in preview.text
    assert _store(client, preview).status_code == 303
    with session_scope(app.state.sessions) as db:
        wave = load_network(db, "dinanderie").ties.query("wave == '2026'")
    assert wave[["source", "target", "type", "strength"]].values.tolist() == [
        ["A1", "A3", "trust", 3.0]
    ]
    # The toy cluster's stored actors lack a level: the kernel names them, nothing is offered.
    r = _upload(client, grid, actors=None, cluster="auto-mi")
    assert r.status_code == 400 and "registry actors of auto-mi" in r.text and "level" in r.text
    assert "Store these ties" not in r.text


def test_delete_needs_csrf_and_the_right_cluster(site):
    app, client = site
    (a, b), c = _actors(app)[:2], _actors(app)[0]
    _post_tie(signed_in(client, "admin@obs.dz"), reporter=c, source=a, target=b)
    with session_scope(app.state.sessions) as db:
        tie_id = db.scalars(select(Tie.id).where(Tie.source == a, Tie.target == b)).first()
    assert client.post(f"/clusters/auto-mi/ties/{tie_id}/delete").status_code == 403
    page = client.get("/clusters/chem-oh/ties")
    wrong = client.post(f"/clusters/chem-oh/ties/{tie_id}/delete",
                        data={"csrf_token": _csrf(page.text)})  # fmt: skip
    assert wrong.status_code == 404  # the tie is not of that cluster
    signed_in(client, "other@obs.dz")
    page = client.get("/clusters/chem-oh/ties")
    other = client.post(f"/clusters/auto-mi/ties/{tie_id}/delete",
                        data={"csrf_token": _csrf(page.text)})  # fmt: skip
    assert other.status_code == 403
    with session_scope(app.state.sessions) as db:
        assert db.get(Tie, tie_id).deleted_at is None


# --- the registry function -------------------------------------------------------------------


def _access(app, email):
    from grappe.registry.models import User
    from grappe.registry.users import access_of

    with session_scope(app.state.sessions) as db:
        return access_of(db.scalars(select(User).where(User.email == email)).one())


def test_record_tie_refusals_raise_with_the_field(site):
    from grappe.errors import DataValidationError, NotFoundError, PermissionDeniedError
    from grappe.registry.tie_entries import record_tie

    app, _ = site
    (a, b), c = _actors(app)[:2], _actors(app)[0]
    admin, other = _access(app, "admin@obs.dz"), _access(app, "other@obs.dz")
    good = {"reporter": c, "source": a, "target": b, "type": "trust", "new_wave": "2026"}
    with session_scope(app.state.sessions) as db:
        with pytest.raises(PermissionDeniedError, match="cannot create tie"):
            record_tie(db, other, "auto-mi", good)
        with pytest.raises(NotFoundError, match="nowhere"):
            record_tie(db, admin, "nowhere", good)
        with pytest.raises(DataValidationError, match="column 'source'.*Unknown actor 'X'"):
            record_tie(db, admin, "auto-mi", {**good, "source": "X"})
        with pytest.raises(DataValidationError, match="column 'target'.*Self-tie"):
            record_tie(db, admin, "auto-mi", {**good, "target": a})
        with pytest.raises(DataValidationError, match="column 'strength'.*off the scale"):
            record_tie(db, admin, "auto-mi", {**good, "strength": "7"})
        with pytest.raises(DataValidationError, match="column 'new_wave'.*must start"):
            record_tie(db, admin, "auto-mi", {**good, "new_wave": "no spaces"})
        with pytest.raises(DataValidationError, match="Unknown field 'colour'"):
            record_tie(db, admin, "auto-mi", {**good, "colour": "red"})
        assert record_tie(db, admin, "auto-mi", {**good, "type": "money"}).type == "funding"
        with pytest.raises(DataValidationError, match="already recorded in the wave '2026'"):
            record_tie(db, admin, "auto-mi", {**good, "type": "funding"})


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "Aperçu : rien n'est encore enregistré"), ("ar", "معاينة: لم يُحفظ شيء بعد")],
)
def test_upload_preview_in_french_and_arabic(site, lang, words):
    _, client = site
    r = _upload(signed_in(client, "admin@obs.dz"), TIES, query=f"?lang={lang}")
    assert r.status_code == 200 and words in html.unescape(r.text)
    assert ('dir="rtl"' in r.text) == (lang == "ar")
    assert "Store these ties" not in r.text  # the button is translated too
