"""The cluster's own pages: create a cluster (a manager then manages it), its settings, what its
public profile shows, and the history of changes; on a copy of the toy registry (clusters
auto-mi, chem-oh, the unpublished 'secret'; regions US-26, US-39, DZ-16)."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from _accounts import _csrf, post_form, signed_in, workspace_site
from grappe.errors import DataValidationError, NotFoundError, PermissionDeniedError
from grappe.registry import session_scope
from grappe.registry.cluster_entries import (
    create_managed_cluster,
    set_publication,
    update_cluster_settings,
)
from grappe.registry.models import AuditEntry, Cluster, User
from grappe.registry.permissions import Access
from grappe.vocabulary import PROFILE_SECTIONS
from grappe.web.i18n import format_moment

NEW = {"name_fr": "Dinanderie de Constantine", "name_ar": "نحاسيات قسنطينة",
       "regions": ["DZ-16"], "stage": "emergence", "sector": "",
       "description": "Artisans du cuivre de la vieille ville."}  # fmt: skip


@pytest.fixture
def site(populated_app):
    return workspace_site(populated_app)


def _post(client, path, data, *, form=None):
    return post_form(client, path, data, form_page=form)


def _error_of(text, field):
    found = re.search(rf'<p class="error" id="e-{field}">([^<]+)</p>', text)
    return found and html.unescape(found.group(1))


def _state(app):
    """Every cluster with its fields, every user's clusters and the audit log's length."""
    with session_scope(app.state.sessions) as db:
        clusters = {
            c.id: (c.name_en, c.name_fr, c.stage, c.published, c.public_sections,
                   [r.id for r in c.regions])
            for c in db.scalars(select(Cluster))
        }  # fmt: skip
        users = {u.email: u.cluster_ids for u in db.scalars(select(User))}
        return clusters, users, db.scalar(select(func.count(AuditEntry.id)))


# --- create -----------------------------------------------------------------------------------


def test_a_manager_creates_an_unpublished_cluster_and_becomes_its_manager(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    assert 'href="/clusters/new"' in client.get("/").text
    form = client.get("/clusters/new")
    assert form.status_code == 200 and 'value="DZ-16">Algiers (16)' in form.text
    r = _post(client, "/clusters/new", NEW)
    assert r.status_code == 303 and r.headers["location"] == "/clusters/dinanderie-de-constantine"
    clusters, users, _ = _state(app)
    # No English name given: the first name given is the one shown in its place.
    assert clusters["dinanderie-de-constantine"] == (
        "Dinanderie de Constantine", "Dinanderie de Constantine", "emergence", False,
        clusters["dinanderie-de-constantine"][4], ["DZ-16"])  # fmt: skip
    assert users["mgr@obs.dz"] == ["auto-mi", "dinanderie-de-constantine"]
    with session_scope(app.state.sessions) as db:
        rows = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(2))
        grant, create = [(a.who, a.role, a.action, a.resource, a.resource_id, a.before, a.after)
                         for a in rows]  # fmt: skip
    assert create[:5] == ("mgr@obs.dz", "manager", "create", "cluster",
                          "dinanderie-de-constantine")  # fmt: skip
    assert create[6]["name_ar"] == "نحاسيات قسنطينة" and create[6]["published"] is False
    assert grant == ("mgr@obs.dz", "manager", "update", "user", "mgr@obs.dz",
                     {"clusters": ["auto-mi"]},
                     {"clusters": ["auto-mi", "dinanderie-de-constantine"]})  # fmt: skip
    # His profile, marked unpublished, with the links of its pages; 404 for the public.
    profile = client.get("/clusters/dinanderie-de-constantine?lang=fr").text
    assert "Non publiée" in profile or "Not published" in profile
    for path in ("actors/new", "settings", "publish", "history"):
        assert f'href="/clusters/dinanderie-de-constantine/{path}"' in profile
    client.cookies.clear()
    assert client.get("/clusters/dinanderie-de-constantine").status_code == 404
    # The same name again gets the next free id.
    signed_in(client, "mgr@obs.dz")
    again = _post(client, "/clusters/new", {**NEW, "regions": []})
    assert again.headers["location"] == "/clusters/dinanderie-de-constantine-2"


def test_create_refuses_bad_input_next_to_the_field_and_stores_nothing(site):
    app, client, _ = site
    signed_in(client, "admin@obs.dz")
    before = _state(app)
    bad = {"id": "Bad Id!", "name_fr": "", "name_ar": " ", "name_en": "", "stage": "booming",
           "regions": ["DZ-16", "XX-99"], "description": "x" * 5001}  # fmt: skip
    r = _post(client, "/clusters/new", bad)
    assert r.status_code == 400 and "Nothing was stored" in r.text
    assert _error_of(r.text, "id").startswith("Use lowercase letters, digits and hyphens")
    assert _error_of(r.text, "name_fr") == "Give the name in at least one language."
    assert _error_of(r.text, "stage") == "Choose a stage from the list."
    assert _error_of(r.text, "regions") == "Choose the regions from the list."
    assert _error_of(r.text, "description") == "This text is too long."
    assert 'aria-invalid="true"' in r.text and 'value="Bad Id!"' in r.text  # values kept
    taken = _post(client, "/clusters/new", {**NEW, "id": "auto-mi"}, form="/clusters/new")
    assert taken.status_code == 400 and _error_of(taken.text, "id")
    fr = client.post("/clusters/new?lang=ar", data={"csrf_token": _csrf(taken.text)})
    assert fr.status_code == 400 and "الاسم" in _error_of(fr.text, "name_fr")
    assert _state(app) == before


def test_who_may_create_a_cluster(site):
    app, client, tokens = site
    before = _state(app)
    client.cookies.clear()
    assert client.get("/clusters/new", follow_redirects=False).headers["location"] == \
        "/login?next=%2Fclusters%2Fnew"  # fmt: skip
    assert 'href="/clusters/new"' not in client.get("/").text
    for email in ("ana@obs.dz", "gm@obs.dz"):
        signed_in(client, email)
        assert 'href="/clusters/new"' not in client.get("/").text
        assert client.get("/clusters/new").status_code == 403
        page = client.get("/account")
        assert client.post("/clusters/new", data={"csrf_token": _csrf(page.text),
                                                  **NEW}).status_code == 403  # fmt: skip
    signed_in(client, "mgr@obs.dz")
    no_token = client.post("/clusters/new", data=NEW)
    assert no_token.status_code == 403 and "Form expired" in no_token.text
    # An API token of a manager still cannot create a cluster (its clusters are fixed).
    body = {"id": "olive-dz", "name_en": "Olive oil", "regions": ["DZ-16"]}
    api = client.post("/api/v1/clusters", json=body, headers=tokens["mgr"])
    assert api.status_code == 403 and "cannot create cluster 'olive-dz'" in api.text
    assert _state(app) == before


def test_the_registry_refuses_who_may_not_create(site):
    app, _, _ = site
    with session_scope(app.state.sessions) as db:
        for access in (Access("ana@obs.dz", "analyst"),
                       Access("mgr", "manager", frozenset({"auto-mi"}), token_id=1)):  # fmt: skip
            with pytest.raises(PermissionDeniedError, match=r"cannot create own_cluster"):
                create_managed_cluster(db, access, NEW)
        with pytest.raises(DataValidationError, match=r"column 'regions': No stored region 'X'"):
            create_managed_cluster(db, Access("admin@obs.dz", "admin"), {**NEW, "regions": ["X"]})
        with pytest.raises(DataValidationError, match=r"column 'website': Unknown field"):
            create_managed_cluster(db, Access("admin@obs.dz", "admin"), {**NEW, "website": "x"})
        manager = Access("mgr@obs.dz", "manager", frozenset({"auto-mi"}))
        with pytest.raises(DataValidationError, match=r"column 'sections': Unknown section"):
            set_publication(db, manager, "auto-mi", published=True, sections=["respondents"])
        with pytest.raises(PermissionDeniedError, match=r"cannot change cluster 'chem-oh'"):
            set_publication(db, manager, "chem-oh", published=False, sections=[])
        with pytest.raises(PermissionDeniedError, match=r"cannot change cluster 'chem-oh'"):
            update_cluster_settings(db, manager, "chem-oh", {"name_en": "Mine"})
        with pytest.raises(NotFoundError, match=r"No cluster with id 'nope'"):
            update_cluster_settings(db, manager, "nope", {"name_en": "Mine"})
        with pytest.raises(DataValidationError, match=r"column 'stage': Unknown life-cycle stage"):
            update_cluster_settings(db, manager, "auto-mi", {"name_en": "A", "stage": "boom"})


# --- settings, publish, history: rights ----------------------------------------------------------


def test_only_admins_and_the_clusters_managers_open_its_pages(site):
    app, client, _ = site
    pages = ("settings", "publish", "history")
    client.cookies.clear()
    for p in pages:
        assert client.get(f"/clusters/auto-mi/{p}", follow_redirects=False).status_code == 303
    for email in ("other@obs.dz", "gm@obs.dz", "ana@obs.dz"):
        signed_in(client, email)
        assert all(client.get(f"/clusters/auto-mi/{p}").status_code == 403 for p in pages)
        assert "/clusters/auto-mi/settings" not in client.get("/clusters/auto-mi").text
    before = _state(app)
    signed_in(client, "other@obs.dz")
    csrf = _csrf(client.get("/clusters/chem-oh/settings").text)
    for p, data in (("settings", {"name_en": "Mine"}), ("publish", {"published": "no"})):
        r = client.post(f"/clusters/auto-mi/{p}", data={"csrf_token": csrf, **data})
        assert r.status_code == 403
    signed_in(client, "admin@obs.dz")
    assert all(client.get(f"/clusters/auto-mi/{p}").status_code == 200 for p in pages)
    assert client.get("/clusters/nope/settings").status_code == 404
    signed_in(client, "mgr@obs.dz")
    assert client.post("/clusters/auto-mi/publish", data={"published": "no"}).status_code == 403
    assert _state(app) == before


def test_an_unpublished_profile_is_seen_by_the_clusters_people_only(site):
    app, client, _ = site
    with session_scope(app.state.sessions) as db:
        db.get(Cluster, "auto-mi").published = False
    client.cookies.clear()
    assert client.get("/clusters/auto-mi").status_code == 404
    assert client.get("/clusters/secret").status_code == 404
    for email in ("admin@obs.dz", "ana@obs.dz", "mgr@obs.dz", "gm@obs.dz"):
        r = signed_in(client, email).get("/clusters/auto-mi")
        assert r.status_code == 200 and "Not published" in r.text
    signed_in(client, "other@obs.dz")
    assert client.get("/clusters/auto-mi").status_code == 404
    assert signed_in(client, "gm@obs.dz").get("/clusters/secret").status_code == 404
    client.cookies.clear()
    assert client.get("/clusters/auto-mi").status_code == 404  # not a staff page from the cache


# --- settings -----------------------------------------------------------------------------------


def test_a_manager_edits_the_settings_audited(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    form = client.get("/clusters/auto-mi/settings").text
    assert 'value="Automotive Michigan"' in form and 'value="US-26" selected' in form
    assert 'name="id"' not in form  # the id stays
    data = {"name_en": "Automotive Michigan", "name_fr": "Automobile du Michigan",
            "regions": ["US-26", "US-39"], "stage": "maturity"}  # fmt: skip
    r = _post(client, "/clusters/auto-mi/settings", data)
    assert r.status_code == 303 and r.headers["location"] == "/clusters/auto-mi/settings?saved=1"
    clusters, _, _ = _state(app)
    assert clusters["auto-mi"][:3] == ("Automotive Michigan", "Automobile du Michigan", "maturity")
    assert clusters["auto-mi"][5] == ["US-26", "US-39"]
    with session_scope(app.state.sessions) as db:
        entry = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (entry.who, entry.action, entry.resource_id) == ("mgr@obs.dz", "update", "auto-mi")
        assert entry.before["stage"] == "growth" and entry.after["stage"] == "maturity"
        assert entry.after["regions"] == ["US-26", "US-39"]
    before = _state(app)
    bad = _post(client, "/clusters/auto-mi/settings", {"name_en": "", "stage": "x"})
    assert bad.status_code == 400
    assert _error_of(bad.text, "name_fr") and _error_of(bad.text, "stage")
    assert _state(app) == before


# --- publish ------------------------------------------------------------------------------------


def test_publish_chosen_sections_only_and_the_cache_follows(site):
    app, client, _ = site
    client.cookies.clear()
    first = client.get("/clusters/auto-mi").text  # cached for anonymous visitors
    assert 'id="kpi-h"' in first
    signed_in(client, "mgr@obs.dz")
    form = client.get("/clusters/auto-mi/publish").text
    boxes = re.findall(r'name="sections" type="checkbox" value="([a-z]+)"', form)
    assert boxes == list(PROFILE_SECTIONS)
    assert not any("respondent" in s or "interview" in s for s in PROFILE_SECTIONS)
    r = _post(client, "/clusters/auto-mi/publish", {"published": "yes", "sections": ["swot"]})
    assert r.status_code == 303 and r.headers["location"] == "/clusters/auto-mi/publish?saved=1"
    assert _state(app)[0]["auto-mi"][3:5] == (True, ["swot"])
    staff = client.get("/clusters/auto-mi").text
    assert 'id="kpi-h"' in staff  # the cluster's people see every section
    client.cookies.clear()
    public = client.get("/clusters/auto-mi").text
    assert 'id="swot-h"' in public
    assert not any(f'id="{h}"' in public for h in ("kpi-h", "roadmap-h", "eval-h", "diag-h",
                                                   "assess-h"))  # fmt: skip
    signed_in(client, "mgr@obs.dz")
    sections = ["swot", "respondents"]
    bad = _post(client, "/clusters/auto-mi/publish", {"published": "yes", "sections": sections})
    assert bad.status_code == 400 and _error_of(bad.text, "sections") == \
        "Choose the sections from the list."  # fmt: skip
    assert _state(app)[0]["auto-mi"][3:5] == (True, ["swot"])
    assert _post(client, "/clusters/auto-mi/publish", {}).status_code == 303  # withdrawn
    client.cookies.clear()
    assert client.get("/clusters/auto-mi").status_code == 404


# --- history --------------------------------------------------------------------------------------


def test_the_history_lists_who_changed_what_newest_first(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    _post(client, "/clusters/auto-mi/settings", {"name_en": "Auto MI", "stage": "growth",
                                                 "regions": ["US-26"]})  # fmt: skip
    _post(client, "/clusters/auto-mi/publish", {"published": "yes", "sections": ["kpis"]})
    refused = _post(client, "/clusters/chem-oh/publish", {"published": "yes"},
                    form="/clusters/auto-mi/publish")  # fmt: skip
    assert refused.status_code == 403
    page = client.get("/clusters/auto-mi/history?lang=fr")
    assert page.status_code == 200
    rows = re.findall(r'<tr class="entry">(.*?)</tr>', page.text, re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in rows]
    newest, name_change = cells[0], cells[1]
    assert newest[1:6] == ["mgr@obs.dz", "manager", "modifié", "cluster", "auto-mi"]
    assert "public_sections" in newest[6] and "kpis" in newest[6]
    assert 'Automotive Michigan</del> → <ins dir="auto">Auto MI' in name_change[6]
    with session_scope(app.state.sessions) as db:
        at = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first().at
    assert newest[0] == format_moment(at, "fr")
    # The toy import's records of the cluster are there too (its actors, their ties); not
    # chem-oh's, whose change was refused.
    kinds = {c[4] for c in cells}
    assert {"cluster", "actor", "tie", "membership"} <= kinds
    assert not any(c[5] in ("chem-oh", "DOW") for c in cells)
    assert "?page=2" not in page.text


# --- an interview grid as a workbook ------------------------------------------------------------


def test_the_ties_upload_reads_a_workbook_with_the_csv_errors(site):
    import io

    import pandas as pd

    from grappe.io.network import read_example_network

    knoke = read_example_network("knoke")  # real data: Knoke's Indianapolis organisations
    actors = knoke.actors[["id", "name", "sphere", "level"]]
    ties = knoke.ties[["source", "target", "type"]]

    def book(frame):
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            frame.to_excel(writer, sheet_name="ties", index=False)
            actors.to_excel(writer, sheet_name="actors", index=False)
        return buffer.getvalue()

    app, client, _ = site
    signed_in(client, "admin@obs.dz")
    page = client.get("/clusters/chem-oh/ties/upload").text
    assert 'accept=".csv,text/csv,.xlsx' in page
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def upload(data):
        files = {"ties": ("grid.xlsx", data, xlsx), "actors": ("grid.xlsx", data, xlsx)}
        return client.post("/clusters/chem-oh/ties/upload", files=files,
                           data={"csrf_token": _csrf(page), "origin": "interview"})  # fmt: skip

    bad = ties.copy()
    bad.loc[3, "type"] = "gossip"
    refused = upload(book(bad))
    assert refused.status_code == 400 and "Store these ties" not in refused.text
    rows = re.findall(r'<tr class="issue">(.*?)</tr>', refused.text, re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[:3] for row in rows]
    assert cells == [["grid.xlsx", "5", "type"]]
    shown = upload(book(ties))
    assert shown.status_code == 200 and "Preview: nothing is stored yet" in shown.text
    assert shown.text.count("<tr><td>") == len(knoke.ties) == 71
