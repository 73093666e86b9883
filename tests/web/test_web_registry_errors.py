"""The registry's refusals in the page's language: three representative errors — a member
figure of an actor who never joined (the records' check), a sector change without its sector
(a member event's parameter) and a label decision the registry refuses (keeping a label the
cluster does not hold) — shown next to their field in French and Arabic after the field's hint,
not in English; and the records' and evaluations' delete routes (one shared helper): saved,
404 for a record of another cluster. The toy registry (auto-mi)."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pandas as pd
import pytest
from sqlalchemy import select

from _accounts import post_form, signed_in, workspace_site
from grappe.registry import session_scope
from grappe.registry.evaluations import store_evaluation
from grappe.registry.models import Evaluation, MemberEvent
from grappe.registry.programme_models import ProgrammeEnrolment
from grappe.registry.record_models import ClusterActivity, MemberFigure
from grappe.roadmap import evaluate_kpis

RECORDS = "/clusters/auto-mi/records"
SECTION = "/clusters/auto-mi/programmes"


@pytest.fixture
def site(populated_app):
    return workspace_site(populated_app)


def _error_of(html, field):
    found = re.search(rf'<p class="error" id="e-{field}">([^<]+)</p>', html)
    return found and unescape(found.group(1))


def _in(client, lang, path, values, *, form_page):
    client.headers["Accept-Language"] = lang
    return post_form(client, path, values, form_page=form_page)


def test_registry_errors_are_shown_in_french_and_arabic(site):
    app, client, _ = site
    signed_in(client, "admin@obs.dz")
    figure = {"actor": "GM", "period": "2024", "jobs": "4"}
    sector = {"actor": "GM", "kind": "sector", "date": "2024-01-01"}
    expected = {
        "fr": (
            # the field's hint, then the check's words and fix
            "Choisissez un membre. Membre inconnu 'GM' : aucun événement d'adhésion. "
            "Enregistrez d'abord l'adhésion du membre, ou corrigez l'identifiant.",
            "Un changement de secteur demande le nouveau secteur. Le paramètre 'sector' de "
            "add_member_event est requis pour un changement de secteur.",
            "Le paramètre 'action' de record_evaluation ne peut pas valoir 'keep' : la grappe "
            "ne détient aucun label (statut 'applied').",
        ),
        "ar": (
            "اختر عضوًا. عضو غير معروف 'GM': لا يوجد حدث انضمام. سجّل حدث انضمام العضو أولًا، "
            "أو صحّح المعرّف.",
            "يتطلب تغيير القطاع ذكر القطاع الجديد. المعامل 'sector' في add_member_event مطلوب "
            "لحدث تغيير القطاع.",
            "لا يمكن أن يكون المعامل 'action' في record_evaluation هو 'keep': العنقود لا يحمل "
            "أي علامة (الوضع 'applied').",
        ),
    }
    r = post_form(client, SECTION, {"programme": "kompetenznetze", "joined": "2024-01-10"})
    assert r.status_code == 303, r.text
    with session_scope(app.state.sessions) as db:
        enrolment = db.scalars(select(ProgrammeEnrolment.id)).one()
    evaluate = f"{SECTION}/{enrolment}/evaluate"
    keep = {"on": "2025-01-15", "period": "2024", "action": "keep", "reason": "Committee's view."}
    for lang, (unknown, no_sector, no_label) in expected.items():
        r = _in(client, lang, f"{RECORDS}/figures", figure, form_page=RECORDS)
        assert r.status_code == 400 and unknown in _error_of(r.text, "actor"), r.text
        r = _in(client, lang, f"{RECORDS}/events", sector, form_page=RECORDS)
        assert r.status_code == 400 and no_sector in _error_of(r.text, "sector")
        r = _in(client, lang, evaluate, keep, form_page=evaluate)
        assert r.status_code == 400 and no_label in _error_of(r.text, "action")
        assert "Got" not in r.text and "instead" not in r.text  # no English left
    with session_scope(app.state.sessions) as db:  # nothing was stored
        assert not list(db.scalars(select(MemberFigure)))
        assert not list(db.scalars(select(MemberEvent)))


def test_delete_routes_delete_the_clusters_records_only(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    join = {"actor": "GM", "kind": "join", "date": "2023-01-01"}
    assert post_form(client, f"{RECORDS}/events", join, form_page=RECORDS).status_code == 303
    figure = {"actor": "GM", "period": "2024", "jobs": "4"}
    assert post_form(client, f"{RECORDS}/figures", figure, form_page=RECORDS).status_code == 303
    activity = {"kind": "event", "date": "2024-01-01"}
    assert (
        post_form(client, f"{RECORDS}/activities", activity, form_page=RECORDS).status_code == 303
    )
    with session_scope(app.state.sessions) as db:
        ids = {
            "figures": db.scalars(select(MemberFigure.id)).one(),
            "activities": db.scalars(select(ClusterActivity.id)).one(),
            "events": db.scalars(select(MemberEvent.id)).one(),
        }
    for kind in ("figures", "activities", "events"):  # the figure first: it needs the join
        wrong = post_form(client, f"{RECORDS}/{kind}/{ids[kind] + 999}/delete", form_page=RECORDS)
        assert wrong.status_code == 404, kind
        done = post_form(client, f"{RECORDS}/{kind}/{ids[kind]}/delete", form_page=RECORDS)
        assert done.status_code == 303 and done.headers["location"] == f"{RECORDS}?saved=1"
    with session_scope(app.state.sessions) as db:
        for model in (MemberFigure, ClusterActivity, MemberEvent):
            assert not list(db.scalars(select(model))), model
        kpis = pd.DataFrame({"kpi": ["members"], "period": ["2024"], "value": [30],
                             "target": [25]})  # fmt: skip
        stored, other = (
            store_evaluation(
                db, cluster, evaluate_kpis(kpis, period="2024"), date=dt.date(2025, 1, 15), who="t"
            )  # fmt: skip
            for cluster in ("auto-mi", "chem-oh")
        )
    evaluations = "/clusters/auto-mi/evaluations"
    for key in (str(other), "x", "12345678901"):  # another cluster's, not a number, too long
        r = post_form(client, f"{evaluations}/delete", {"evaluation": key}, form_page=evaluations)
        assert r.status_code == 404, key
    r = post_form(
        client, f"{evaluations}/delete", {"evaluation": str(stored)}, form_page=evaluations
    )
    assert r.status_code == 303 and r.headers["location"] == f"{evaluations}?saved=1"
    with session_scope(app.state.sessions) as db:
        assert db.get(Evaluation, stored).deleted_at is not None  # soft, audited
        assert db.get(Evaluation, other).deleted_at is None
