"""The profile's network drawing and the diagnosis page's stored network are kept between
requests (pages built for a signed-in visitor, where reading the stored network through the
kernel was most of the time), and a write of the registry shows on the next page, for a
signed-in visitor as for the public."""

from __future__ import annotations

import re

from _accounts import _csrf, _sign_in, _user


def _drawn_actors(html: str) -> int:
    return len(re.findall(r'<g class="actor', html))


def test_a_recorded_actor_and_tie_show_on_the_next_profile(populated_app):
    app, client, _ = populated_app
    _user(app, "mgr@obs.dz", "manager", clusters=["auto-mi"])
    public = client.get("/clusters/auto-mi?lang=en").text
    assert _sign_in(client, "mgr@obs.dz").status_code == 303
    before = client.get("/clusters/auto-mi?lang=en").text
    assert _drawn_actors(before) == _drawn_actors(public) == 2
    assert client.get("/clusters/auto-mi?lang=fr").status_code == 200  # same drawing, in French
    form = client.get("/clusters/auto-mi/actors/new")
    r = client.post("/clusters/auto-mi/actors/new", follow_redirects=False, data={
        "name_fr": "Fonderie de Flint", "sphere": "enterprise", "level": "local",
        "csrf_token": _csrf(form.text)})  # fmt: skip
    assert r.status_code == 303
    ties = client.get("/clusters/auto-mi/ties")
    actors = re.findall(r'<option value="([^"]+)"', ties.text.split('id="f-source"')[1])[:3]
    assert "fonderie-de-flint" in actors
    r = client.post("/clusters/auto-mi/ties", follow_redirects=False, data={
        "reporter": "fonderie-de-flint", "source": "fonderie-de-flint",
        "target": next(a for a in actors if a != "fonderie-de-flint"), "type": "cooperation",
        "strength": "2", "new_wave": "2026", "origin": "interview",
        "csrf_token": _csrf(ties.text)})  # fmt: skip
    assert r.status_code == 303
    after = client.get("/clusters/auto-mi?lang=en").text
    assert "Fonderie de Flint" in after and _drawn_actors(after) > _drawn_actors(before)
    client.cookies.clear()
    assert _drawn_actors(client.get("/clusters/auto-mi?lang=en").text) == _drawn_actors(after)


def _record(client, cluster, name_fr, tie_to=None):
    form = client.get(f"/clusters/{cluster}/actors/new")
    data = {"name_fr": name_fr, "sphere": "enterprise", "level": "local",
            "csrf_token": _csrf(form.text)}  # fmt: skip
    assert client.post(f"/clusters/{cluster}/actors/new", data=data,
                       follow_redirects=False).status_code == 303  # fmt: skip
    if tie_to:
        page = client.get(f"/clusters/{cluster}/ties")
        source = name_fr.lower().replace(" ", "-")
        data = {"reporter": source, "source": source, "target": tie_to, "type": "cooperation",
                "strength": "2", "new_wave": "2026", "origin": "interview",
                "csrf_token": _csrf(page.text)}  # fmt: skip
        assert client.post(f"/clusters/{cluster}/ties", data=data,
                           follow_redirects=False).status_code == 303  # fmt: skip


def test_the_diagnosis_page_draws_the_network_as_stored_now(populated_app):
    from grappe.registry import session_scope
    from grappe.registry.models import Cluster

    app, client, _ = populated_app
    with session_scope(app.state.sessions) as db:
        db.add(Cluster(id="dinanderie", name_en="Copperware"))
    _user(app, "mgr@obs.dz", "manager", clusters=["dinanderie"])
    assert _sign_in(client, "mgr@obs.dz").status_code == 303
    _record(client, "dinanderie", "Atelier Bey")
    _record(client, "dinanderie", "Atelier Bardo", tie_to="atelier-bey")
    before = client.get("/clusters/dinanderie/diagnosis?lang=en").text
    assert "Atelier Bardo" in before and "Fonderie Sidi" not in before
    _record(client, "dinanderie", "Fonderie Sidi", tie_to="atelier-bey")
    after = client.get("/clusters/dinanderie/diagnosis?lang=en").text
    assert "Fonderie Sidi" in after and _drawn_actors(after) == _drawn_actors(before) + 1
