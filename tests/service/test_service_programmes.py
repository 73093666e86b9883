"""``/programmes``, ``/clusters/{id}/programmes``, ``/enrolments/{id}/…`` and ``/decisions``:
the Kompetenznetze preset applied over three periods through the API (keep, suspend,
withdraw by the rule, with the audit trail), overrides, corrections, roles (401/403 on every
writing route), the one error shape, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from grappe.registry import session_scope
from grappe.registry.models import AuditEntry
from grappe.registry.programme_catalogue import programme_catalogue

API = "/api/v1"


def _preset():
    """The Kompetenznetze preset (periodic re-evaluation, suspended then withdrawn)."""
    return next(p for p in programme_catalogue() if p.key.startswith("kompetenz"))


def _value(criterion, *, meet):
    t, op = criterion.threshold, criterion.op
    if op in (">=", "=="):
        return t if meet else t - 1
    if op == ">":
        return t + 1 if meet else t
    if op == "<=":
        return t if meet else t + 1
    return t - 1 if meet else t  # "<"


def _facts(programme, *, meet):
    """Facts at the threshold of every criterion (met), or with the first level's first
    criterion just missed (the eligibility still met)."""
    facts = {}
    for c in (*programme.eligibility, *(c for lv in programme.levels for c in lv.criteria)):
        facts.setdefault(c.metric, _value(c, meet=True))
    if not meet:
        first = (programme.levels[0].criteria or programme.eligibility)[0]
        facts[first.metric] = _value(first, meet=False)
    return facts


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    return body["error"]["message"]


def _evaluate(client, headers, enrolment, day, facts, **extra):
    body = {"on": day, "facts": facts, "gather": False, **extra}
    return client.post(f"{API}/enrolments/{enrolment}/evaluations", json=body, headers=headers)


def test_programmes_are_public(populated):
    client, _ = populated
    listed = client.get(f"{API}/programmes").json()
    assert listed["count"] == len(listed["data"]) >= 2
    key = _preset().key
    one = client.get(f"{API}/programmes/{key}").json()
    assert one["key"] == key and one["clusters"] == []
    assert _error(client.get(f"{API}/programmes/nope"), 404, "not_found").startswith(
        "No programme 'nope'")  # fmt: skip


def test_kompetenznetze_three_periods_through_the_api(populated, populated_app):
    client, tokens = populated
    app = populated_app[0]
    programme = _preset()
    r = client.post(f"{API}/clusters/auto-mi/programmes",
                    json={"programme": programme.key, "joined": "2021-01-01"},
                    headers=tokens["mgr"])  # fmt: skip
    assert r.status_code == 201, r.text
    enrolment = r.json()
    assert enrolment["state"] == {"status": "applied", "level": None, "failures": 0}
    passing, failing = _facts(programme, meet=True), _facts(programme, meet=False)
    steps = [("2021-02-01", passing), ("2022-02-01", passing), ("2023-02-01", failing),
             ("2024-02-01", failing)]  # fmt: skip
    done = []
    for day, facts in steps:
        r = _evaluate(client, tokens["ana"], enrolment["id"], day, facts, period=day[:4])
        assert r.status_code == 201, r.text
        done.append(r.json())
    assert [d["action"] for d in done] == ["award", "keep", "suspend", "withdraw"]
    assert [d["state"]["status"] for d in done] == ["awarded", "renewed", "suspended",
                                                    "withdrawn"]  # fmt: skip
    assert all(f["source"] == "typed" for f in done[0]["facts"].values())
    assert done[2]["reason"] is None and done[3]["previous"]["status"] == "suspended"
    assert "the rule says suspend" in done[2]["rule_reasons"][0]
    listed = client.get(f"{API}/enrolments/{enrolment['id']}/decisions",
                        headers=tokens["mgr"]).json()  # fmt: skip
    assert [d["id"] for d in listed["data"]] == [d["id"] for d in done]
    assert client.get(f"{API}/programmes/{programme.key}").json()["clusters"] == []
    with session_scope(app.state.sessions) as db:
        trail = [(a.who, a.action, a.resource) for a in db.scalars(
            select(AuditEntry).where(AuditEntry.resource.in_(("enrolment", "label_decision")))
            .order_by(AuditEntry.id))]  # fmt: skip
    assert trail[0] == ("mgr", "create", "enrolment")
    assert trail.count(("ana", "create", "label_decision")) == 4
    r = _evaluate(client, tokens["ana"], enrolment["id"], "2025-02-01", passing)
    assert "no longer evaluated" in _error(r, 422, "invalid_parameter")


def test_override_and_correction(populated):
    client, tokens = populated
    programme = _preset()
    enrolment = client.post(f"{API}/clusters/auto-mi/programmes",
                            json={"programme": programme.key, "joined": "2021-01-01"},
                            headers=tokens["admin"]).json()  # fmt: skip
    _evaluate(client, tokens["ana"], enrolment["id"], "2021-02-01", _facts(programme, meet=True))
    r = _evaluate(client, tokens["ana"], enrolment["id"], "2022-02-01",
                  _facts(programme, meet=False), action="keep")  # fmt: skip
    assert "must say why" in _error(r, 422, "invalid_parameter")
    r = _evaluate(
        client,
        tokens["ana"],
        enrolment["id"],
        "2022-02-01",
        _facts(programme, meet=False),
        action="keep",
        reason="Figures came late.",
    )
    decision = r.json()
    assert (decision["rule_action"], decision["action"], decision["overridden"]) == (
        "suspend", "keep", True)  # fmt: skip
    r = client.patch(f"{API}/decisions/{decision['id']}",
                     json={"action": "suspend", "reason": "The appeal was rejected."},
                     headers=tokens["admin"])  # fmt: skip
    assert r.status_code == 200, r.text
    assert (r.json()["action"], r.json()["overridden"], r.json()["state"]["status"]) == (
        "suspend", False, "suspended")  # fmt: skip
    assert _error(client.patch(f"{API}/decisions/999", json={"reason": "x"},
                               headers=tokens["admin"]), 404, "not_found")  # fmt: skip
    # a wrong fact corrected: the rule judges again, the label is kept, the next evaluation
    # starts from the corrected state (no failure counted)
    r = client.patch(f"{API}/decisions/{decision['id']}",
                     json={"facts": _facts(programme, meet=True), "date": "2022-02-03",
                           "reason": "The figures were the previous year's."},
                     headers=tokens["ana"])  # fmt: skip
    assert r.status_code == 200, r.text
    fixed = r.json()
    assert (fixed["rule_action"], fixed["action"], fixed["date"]) == ("keep", "keep",
                                                                      "2022-02-03")  # fmt: skip
    assert (fixed["overridden"], fixed["state"]["failures"]) == (False, 0)
    r = _evaluate(client, tokens["ana"], enrolment["id"], "2023-02-01",
                  _facts(programme, meet=False))  # fmt: skip
    assert (r.json()["action"], r.json()["state"]["failures"]) == ("suspend", 1)
    bad = client.patch(f"{API}/decisions/{decision['id']}", headers=tokens["ana"],
                       json={"date": "2020-01-01", "reason": "x"})  # fmt: skip
    assert "must lie between the decisions" in _error(bad, 422, "invalid_parameter")


def test_a_label_its_cluster_association_decides(populated):
    """The Basque preset's label is granted by the cluster association: its manager records
    it, an analyst may not."""
    client, tokens = populated
    programme = next(p for p in programme_catalogue() if p.key == "basque-cluster-associations")
    enrolment = client.post(f"{API}/clusters/auto-mi/programmes",
                            json={"programme": programme.key, "joined": "2021-01-01"},
                            headers=tokens["mgr"]).json()  # fmt: skip
    facts = _facts(programme, meet=True)
    refused = _evaluate(client, tokens["ana"], enrolment["id"], "2021-02-01", facts)
    assert "recorded by the role manager" in _error(refused, 403, "forbidden")
    r = _evaluate(client, tokens["mgr"], enrolment["id"], "2021-02-01", facts)
    assert r.status_code == 201, r.text
    assert (r.json()["action"], r.json()["decided_by"]) == ("award", "mgr")
    listed = client.get(f"{API}/clusters/auto-mi/programmes", headers=tokens["mgr"]).json()
    assert listed["data"][0]["valid_until"] is None  # no validity: the label does not expire
    # an ESCA label awarded on 2021-02-01 was valid two years: expired on reading, not stored
    esca = next(p for p in programme_catalogue() if p.key == "esca-management-excellence")
    other = client.post(f"{API}/clusters/auto-mi/programmes",
                        json={"programme": esca.key, "joined": "2021-01-01"},
                        headers=tokens["ana"]).json()  # fmt: skip
    r = _evaluate(client, tokens["ana"], other["id"], "2021-02-01", _facts(esca, meet=True))
    assert (r.json()["action"], r.json()["state"]["status"]) == ("award", "awarded")
    listed = client.get(f"{API}/clusters/auto-mi/programmes", headers=tokens["ana"]).json()
    shown = next(e for e in listed["data"] if e["id"] == other["id"])
    assert (shown["state"]["status"], shown["valid_until"]) == ("expired", "2023-01-31")
    assert client.get(f"{API}/programmes/{esca.key}").json()["clusters"] == []


def test_roles_on_every_writing_route(populated):
    client, tokens = populated
    key = _preset().key
    body = {"programme": key, "joined": "2021-01-01"}
    _error(client.post(f"{API}/clusters/auto-mi/programmes", json=body), 401, "unauthorized")
    message = _error(client.post(f"{API}/clusters/chem-oh/programmes", json=body,
                                 headers=tokens["mgr"]), 403, "forbidden")  # fmt: skip
    assert "cannot create enrolment" in message
    enrolment = client.post(f"{API}/clusters/auto-mi/programmes", json=body,
                            headers=tokens["mgr"]).json()  # fmt: skip
    facts = _facts(_preset(), meet=True)
    path = f"{API}/enrolments/{enrolment['id']}/evaluations"
    _error(client.post(path, json={"on": "2021-02-01", "facts": facts}), 401, "unauthorized")
    assert "its step 'committee' is decided by Advisory committee" in _error(
        _evaluate(client, tokens["mgr"], enrolment["id"], "2021-02-01", facts), 403, "forbidden"
    )
    decision = _evaluate(client, tokens["ana"], enrolment["id"], "2021-02-01", facts).json()
    patch = f"{API}/decisions/{decision['id']}"
    _error(client.patch(patch, json={"reason": "x"}), 401, "unauthorized")
    _error(client.patch(patch, json={"reason": "x"}, headers=tokens["mgr"]), 403, "forbidden")
    _error(client.get(f"{API}/clusters/auto-mi/programmes"), 401, "unauthorized")
    _error(client.get(f"{API}/enrolments/{enrolment['id']}/decisions"), 401, "unauthorized")
    again = client.post(f"{API}/clusters/auto-mi/programmes", json=body, headers=tokens["mgr"])
    assert "already enrolled" in _error(again, 422, "invalid_parameter")
    unknown = client.post(f"{API}/clusters/auto-mi/programmes",
                          json={**body, "programme": "nope"}, headers=tokens["mgr"])  # fmt: skip
    assert "No programme 'nope'" in _error(unknown, 404, "not_found")
    bad = _evaluate(client, tokens["ana"], enrolment["id"], "2022-02-01", {"members": "x"})
    _error(bad, 422, "validation_error")


@pytest.mark.parametrize("extra", [{"gather": True}])
def test_gathered_facts_name_their_source(populated, extra):
    client, tokens = populated
    key = _preset().key
    enrolment = client.post(f"{API}/clusters/auto-mi/programmes",
                            json={"programme": key, "joined": "2021-01-01"},
                            headers=tokens["admin"]).json()  # fmt: skip
    r = client.post(f"{API}/enrolments/{enrolment['id']}/evaluations",
                    json={"on": "2024-06-30", **extra}, headers=tokens["ana"])  # fmt: skip
    assert r.status_code == 201, r.text
    facts = r.json()["facts"]
    assert facts["members"]["source"] == "members" and facts["members"]["value"] > 0
    assert facts["lq"] == {"value": 2.6, "source": "indicators:2021"}  # US-26 × 4, 2021
    # The toy actors have no level, which the network kernel refuses: no network fact made up
    assert "network_density" not in facts
