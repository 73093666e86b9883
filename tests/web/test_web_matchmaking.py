"""The workspace's matchmaking page: needs and capabilities entered, corrected and withdrawn in
forms, "Find matches" stored as a run and shown ranked with its reasons, through the in-process
client on a copy of the toy registry (clusters auto-mi, chem-oh)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from _accounts import post_form, signed_in, workspace_site
from grappe.registry import session_scope
from grappe.registry.models import AuditEntry, MatchCapability, MatchNeed, MatchRun

PAGE = "/clusters/auto-mi/matchmaking"
NEED = {"need_id": "N1", "firm": "General Motors", "processes": "welding; stamping",
        "materials": "steel", "certifications": "iso9001", "capacity": "100", "lat": "42.33",
        "lon": "-83.05", "cluster": "auto-mi"}  # fmt: skip
NEAR = {"firm_id": "S1", "name": "Detroit Weld", "processes": "welding", "materials": "steel",
        "certifications": "iso9001", "capacity": "50", "lat": "42.33", "lon": "-83.05",
        "cluster": "auto-mi"}  # fmt: skip
FAR = {"firm_id": "S2", "name": "Ohio Paint", "processes": "painting", "materials": "",
       "certifications": "", "capacity": "", "lat": "39.96", "lon": "-83.0",
       "cluster": ""}  # fmt: skip


@pytest.fixture
def site(populated_app):
    app, client, _ = workspace_site(populated_app)
    return app, client


def _post(client, path, data, page=PAGE):
    return post_form(client, path, data, form_page=page)


def _add(client, side, record):
    return _post(client, f"{PAGE}/{side}", {f"{side}-{k}": v for k, v in record.items()})


def _stored(app):
    with session_scope(app.state.sessions) as db:
        needs = [(n.need_id, n.firm, n.processes, n.capacity, n.deleted_at is None)
                 for n in db.scalars(select(MatchNeed).order_by(MatchNeed.id))]  # fmt: skip
        caps = [(c.firm_id, c.name, c.processes, c.capacity, c.deleted_at is None)
                for c in db.scalars(select(MatchCapability).order_by("id"))]  # fmt: skip
        audits = [(a.who, a.action, a.resource, a.resource_id)
                  for a in db.scalars(select(AuditEntry).order_by(AuditEntry.id))]  # fmt: skip
        runs = [(r.cluster_id, r.created_by, r.parameters, [(m["need_id"], m["firm_id"], m["rank"])
                 for m in r.matches]) for r in db.scalars(select(MatchRun))]  # fmt: skip
    return needs, caps, audits, runs


def _error_of(html, field):
    found = re.search(rf'<p class="error" id="e-{field}"[^>]*>([^<]+)</p>', html)
    return found and found.group(1)


def _ranks(html):
    """(rank, SME) of the ranked matches shown, in page order."""
    return re.findall(r'<td class="num">([^<]+)</td>\s*<th scope="row">([^<]+)</th>', html)


def test_a_manager_records_both_sides_and_finds_ranked_matches_with_reasons(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    for side, record in (("needs", NEED), ("capabilities", NEAR), ("capabilities", FAR)):
        r = _add(client, side, record)
        assert r.status_code == 303 and r.headers["location"] == f"{PAGE}?saved=1"
    needs, caps, audits, _ = _stored(app)
    assert needs == [("N1", "General Motors", ["welding", "stamping"], 100.0, True)]
    assert [c[0] for c in caps] == ["S1", "S2"] and caps[1][3] is None
    assert ("mgr@obs.dz", "create", "need", "auto-mi/N1") in audits

    r = _post(client, f"{PAGE}/run", {"top": "3", "max_km": "", "certifications": "penalty"})
    assert r.status_code == 303 and re.fullmatch(rf"{PAGE}\?run=\d+#matches", r.headers["location"])
    *_, audits, runs = _stored(app)
    assert runs == [("auto-mi", "mgr@obs.dz", {"max_km": None, "certifications": "penalty",
                     "same_cluster_only": False, "top": 3},
                     [("N1", "S1", 1), ("N1", "S2", 2)])]  # fmt: skip
    assert ("mgr@obs.dz", "create", "match_run", audits[-1][3]) == audits[-1]
    html = client.get(r.headers["location"]).text
    assert _ranks(html) == [("1", "S1 · Detroit Weld"), ("2", "S2 · Ohio Paint")]
    # S1 shares welding of welding+stamping (1/2), all materials and certifications, half the
    # capacity, 0 km, same cluster; S2 shares nothing and is 2.37° of latitude (264 km) away.
    for reason in ("Processes in common: 50.0%", "Materials covered: 100.0%",
                   "Holds every certification required", "Capacity covers 50.0% of the need",
                   "0 km away", "Same cluster", "Processes in common: 0.0%",
                   "Missing certifications: iso9001", "264 km away"):  # fmt: skip
        assert f"<li>{reason}</li>" in html

    client.headers["Accept-Language"] = "ar"
    html = client.get(r.headers["location"]).text
    assert 'dir="rtl"' in html and "Processes in common" not in html
    assert "S1 · Detroit Weld" in html and "iso9001" in html


def test_same_cluster_only_and_distance_limit_filter_the_run(site):
    app, client = site
    signed_in(client, "admin@obs.dz")
    for side, record in (("needs", NEED), ("capabilities", NEAR), ("capabilities", FAR)):
        assert _add(client, side, record).status_code == 303
    r = _post(client, f"{PAGE}/run", {"top": "", "max_km": "100,5", "certifications": "require"})
    assert r.status_code == 303
    r = _post(client, f"{PAGE}/run", {"top": "1", "certifications": "penalty",
                                      "same_cluster_only": "1"})  # fmt: skip
    *_, runs = _stored(app)
    assert [run[2]["max_km"] for run in runs] == [100.5, None]
    assert [run[3] for run in runs] == [[("N1", "S1", 1)], [("N1", "S1", 1)]]
    html = client.get(PAGE).text  # the newest run, with links to both
    assert html.count("?run=") == 2


def test_correct_and_withdraw_a_record_the_run_still_shows_it(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    for side, record in (("needs", NEED), ("capabilities", NEAR)):
        assert _add(client, side, record).status_code == 303
    page = client.get(f"{PAGE}?edit=capabilities:S1").text
    assert f'action="{PAGE}/capabilities/S1"' in page and 'value="Detroit Weld"' in page
    fields = {f"capabilities-{k}": v for k, v in NEAR.items() if k != "firm_id"}
    r = _post(client, f"{PAGE}/capabilities/S1", {**fields, "capabilities-capacity": "80"})
    assert r.status_code == 303
    assert _stored(app)[1] == [("S1", "Detroit Weld", ["welding"], 80.0, True)]
    r = _post(client, f"{PAGE}/capabilities/S1", {**fields, "capabilities-lat": "north"})
    assert r.status_code == 400
    assert "Give the latitude in degrees" in _error_of(r.text, "capabilities-lat")
    assert f'action="{PAGE}/capabilities/S1"' in r.text  # the correction form, kept as sent
    assert _stored(app)[1] == [("S1", "Detroit Weld", ["welding"], 80.0, True)]

    r = _post(client, f"{PAGE}/run", {"top": "3", "certifications": "penalty"})
    assert r.status_code == 303
    r = _post(client, f"{PAGE}/capabilities/S1/delete", {})
    assert r.status_code == 303
    needs, caps, audits, _ = _stored(app)
    assert caps == [("S1", "Detroit Weld", ["welding"], 80.0, False)]
    assert [a[1] for a in audits if a[2] == "capability"] == ["create", "update", "delete"]
    html = client.get(PAGE).text
    assert "No capability recorded yet." in html and "S1 · Detroit Weld" in html  # in the run
    for path in (f"{PAGE}/capabilities/S1", f"{PAGE}/capabilities/S1/delete"):
        assert _post(client, path, fields).status_code == 404
    for query in ("?edit=capabilities:S1", "?edit=offers:S1", "?run=999", "?run=x",
                  f"?run={2**63}"):  # fmt: skip
        assert client.get(PAGE + query).status_code == 404


BAD_RECORDS = [
    ("needs", {"need_id": ""}, "need_id", "Give an id: a letter or digit"),
    ("needs", {"need_id": "N 1"}, "need_id", "Give an id: a letter or digit"),
    ("needs", {"need_id": "N1"}, "need_id", "This id is already used in the cluster"),
    ("needs", {"firm": " "}, "firm", "Give the firm&#39;s name"),
    ("needs", {"firm": "x" * 201}, "firm", "Give the firm&#39;s name"),
    ("needs", {"processes": "w" * 101}, "processes", "Codes separated by ;"),
    ("needs", {"materials": "steel\nwood"}, "materials", "Codes separated by ;"),
    ("needs", {"lat": "north"}, "lat", "Give the latitude in degrees"),
    ("needs", {"lat": ""}, "lat", "Give the latitude in degrees"),
    ("needs", {"lon": "200"}, "lon", "Give the longitude in degrees"),
    ("capabilities", {"capacity": "-1"}, "capacity", "The capacity: a number ≥ 0"),
    ("capabilities", {"capacity": "inf"}, "capacity", "The capacity: a number ≥ 0"),
    ("capabilities", {"cluster": "auto mi"}, "cluster", "The cluster code"),
    ("capabilities", {"name": ""}, "name", "Give the firm&#39;s name"),
]
BAD_RUNS = [
    ({"top": "0"}, "top", "Keep a whole number of matches per need"),
    ({"top": "three"}, "top", "Keep a whole number of matches per need"),
    ({"max_km": "-5"}, "max_km", "The farthest distance: a number of km"),
    ({"max_km": "far"}, "max_km", "The farthest distance: a number of km"),
    ({"max_km": "nan"}, "max_km", "The farthest distance: a number of km"),
    ({"certifications": "maybe"}, "certifications", "Choose how missing certifications"),
    ({}, "run", "Record at least one need and one capability"),
]


def test_bad_records_and_run_options_are_refused_next_to_the_field_and_nothing_is_stored(site):
    # One site for every case: each case is one request, checked on its own.
    app, client = site
    signed_in(client, "mgr@obs.dz")
    assert _add(client, "needs", NEED).status_code == 303
    before = _stored(app)
    for side, changes, field, message in BAD_RECORDS:
        r = _add(client, side, {**(NEED if side == "needs" else NEAR), **changes})
        assert r.status_code == 400 and "Nothing was stored" in r.text, changes
        assert message in (_error_of(r.text, f"{side}-{field}") or ""), changes
    for options, field, message in BAD_RUNS:  # the cluster has needs but no capability
        r = _post(client, f"{PAGE}/run", {"top": "3", "certifications": "penalty", **options})
        assert r.status_code == 400, options
        assert message in (_error_of(r.text, field) or ""), options
    assert _stored(app) == before


def test_errors_are_in_the_page_language(site):
    _, client = site
    signed_in(client, "mgr@obs.dz")
    client.headers["Accept-Language"] = "fr"
    r = _add(client, "needs", {**NEED, "lat": "nord"})
    assert r.status_code == 400 and 'lang="fr"' in r.text
    error = _error_of(r.text, "needs-lat")
    assert error and "Give the latitude" not in error and "90" in error


POSTS = ["needs", "capabilities", "run", "needs/N1", "needs/N1/delete"]


def test_other_managers_members_and_analysts_get_403(site):
    app, client = site
    signed_in(client, "mgr@obs.dz")
    assert _add(client, "needs", NEED).status_code == 303
    before = _stored(app)
    for email in ("other@obs.dz", "gm@obs.dz", "ana@obs.dz"):
        signed_in(client, email)
        assert client.get(PAGE).status_code == 403
        for path in POSTS:
            r = _post(client, f"{PAGE}/{path}", {"needs-need_id": "N9", "needs-firm": "X"},
                      page="/account")  # fmt: skip
            assert r.status_code == 403 and "Not allowed" in r.text, (email, path)
        assert f'href="{PAGE}"' not in client.get("/clusters/auto-mi").text
    assert _stored(app) == before


def test_anonymous_visitors_are_sent_to_login_and_forms_need_the_csrf_token(site):
    app, client = site
    r = client.get(PAGE, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=%2Fclusters%2Fauto-mi%2Fmatchmaking"
    for path in POSTS:  # no session, so no CSRF token: refused before the route runs
        r = client.post(f"{PAGE}/{path}", follow_redirects=False)
        assert r.status_code == 403 and "Form expired" in r.text
    signed_in(client, "mgr@obs.dz")
    r = client.post(f"{PAGE}/needs", data={f"needs-{k}": v for k, v in NEED.items()})
    assert r.status_code == 403 and "Form expired" in r.text
    assert _stored(app)[0] == []
    html = client.get("/clusters/auto-mi").text
    assert f'href="{PAGE}"' in html and 'href="/clusters/auto-mi/reports"' in html
