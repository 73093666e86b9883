"""Assessment endpoints: answers scored and stored as versions (equal to the kernels and to
``grappe assess store``), comparison, SWOT draft and edits, KPI evaluations corrected and
soft-deleted; roles in and out of scope; every error in the one JSON shape."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from grappe.assess import (
    classify,
    cluster_evidence,
    diamond,
    lifecycle_series,
    lifecycle_stage,
    success_factors,
)
from grappe.cli.main import app as cli
from grappe.io.assess import read_answers, read_questionnaire
from grappe.registry.assessments import public, result_document
from grappe.service.testing import TOY_FILES

FIXTURES = Path(__file__).parents[1] / "fixtures" / "assess"
API = "/api/v1"


@pytest.fixture(autouse=True)
def _every_section_published(request):
    """These tests read the sections as the public does: ``auto-mi`` publishes them all (the
    hiding of unpublished sections is tested in tests/web/test_web_profile_sections.py)."""
    if "populated" in request.fixturenames:
        from grappe.vocabulary import PROFILE_SECTIONS

        client, tokens = request.getfixturevalue("populated")
        r = client.patch("/api/v1/clusters/auto-mi", headers=tokens["admin"],
                         json={"public_sections": list(PROFILE_SECTIONS)})  # fmt: skip
        assert r.status_code == 200, r.text


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details", "request_id"}
    assert body["error"]["code"] == code
    return body["error"]


def _answers(name):
    return yaml.safe_load((FIXTURES / f"{name}_answers.yaml").read_text(encoding="utf-8"))


def _post(client, headers, name="diamond", date="2024-05-01", cluster="auto-mi", **extra):
    body = {"questionnaire": name, "respondent": "panel A", "date": date,
            "answers": _answers(name), **extra}  # fmt: skip
    return client.post(f"{API}/clusters/{cluster}/answers", json=body, headers=headers)


def _toy_indicators():
    """The synthetic registry's indicator rows as ClusterMap.indicators (NaN where absent)."""
    from io import StringIO

    frame = pd.read_csv(StringIO(TOY_FILES["indicators"]), dtype={"region": str, "cluster": str})
    return frame.assign(establishments=float("nan"), payroll=float("nan"))


def _expected(result, classification=None):
    return public(result_document(result, classification))


def test_posted_answers_are_scored_like_the_kernels_and_stored(populated):
    client, tokens = populated
    r = _post(client, tokens["mgr"])
    assert r.status_code == 201, r.text
    body = r.json()
    q = read_questionnaire("diamond")
    answers = read_answers(FIXTURES / "diamond_answers.yaml", q)
    assert body["answers"]["answers"] == answers
    indicators = _toy_indicators()
    evidence = cluster_evidence(indicators, region="US-26", cluster="4")
    d, life = body["assessments"]
    assert (d["kind"], life["kind"]) == ("diamond", "lifecycle")
    assert d["scores"] == _expected(diamond(evidence, questionnaire=q, answers=answers))["scores"]
    expected_life = lifecycle_stage(lifecycle_series(indicators, region="US-26", cluster="4"))
    assert life["lifecycle"] == _expected(expected_life)
    assert d["inputs"]["region"] == "US-26" and d["inputs"]["definitions"] == "us-benchmark"
    assert d["answers_id"] == body["answers"]["id"]
    # read back: one version, the list, the answers (token holders only)
    assert client.get(f"{API}/assessments/{d['id']}").json() == d
    listed = client.get(f"{API}/clusters/auto-mi/assessments?kind=diamond").json()
    assert listed["count"] == 1 and listed["data"][0] == d
    got = client.get(f"{API}/answers/{d['answers_id']}", headers=tokens["ana"])
    assert got.json()["respondent"] == "panel A"


@pytest.mark.parametrize("name", ["quebec", "danish"])
def test_success_factors_come_with_their_classification(populated, name):
    client, tokens = populated
    r = _post(client, tokens["ana"], name=name)
    assert r.status_code == 201, r.text
    q = read_questionnaire(name)
    answers = read_answers(FIXTURES / f"{name}_answers.yaml", q)
    evidence = cluster_evidence(_toy_indicators(), region="US-26", cluster="4")
    sf = success_factors(evidence, method=name, questionnaire=q, answers=answers)
    scored = r.json()["assessments"][0]
    assert scored["kind"] == name
    assert scored["scores"] == _expected(sf)["scores"]
    assert scored["classification"] == _expected(sf, classify(sf))["classification"]


def test_api_versions_equal_the_cli_store_on_the_same_answers_file(
    populated, populated_url, tmp_path
):
    client, tokens = populated
    url, _ = populated_url
    table = tmp_path / "indicators.csv"
    _toy_indicators().to_csv(table, index=False)
    result = CliRunner().invoke(cli, [
        "assess", "store", "--cluster-id", "auto-mi", "--questionnaire", "diamond",
        "--answers", str(FIXTURES / "diamond_answers.yaml"), "--region", "US-26",
        "--cluster", "4", "--indicators", str(table), "--date", "2023-05-01",
        "--database", url,
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Stored diamond version" in result.output
    assert _post(client, tokens["mgr"], date="2024-05-01").status_code == 201
    for kind in ("diamond", "lifecycle"):
        cmp = client.get(f"{API}/clusters/auto-mi/assessments/compare?kind={kind}").json()
        assert cmp["previous"]["created_by"] == "cli" and cmp["current"]["created_by"] == "mgr"
        assert not cmp["changed"]
        key = "scores" if kind == "diamond" else "lifecycle"
        assert cmp["previous"][key] == cmp["current"][key]
    shown = CliRunner().invoke(cli, ["assess", "versions", "--cluster-id", "auto-mi",
                                     "--database", url])  # fmt: skip
    assert shown.exit_code == 0 and "Change from version" in shown.output


def test_comparison_of_two_dates_shows_the_change(populated):
    client, tokens = populated
    first = _post(client, tokens["mgr"], date="2023-05-01").json()["assessments"][0]
    answers = {**_answers("diamond"), "D-G1": 5}
    body = {"questionnaire": "diamond", "respondent": "panel A", "date": "2024-05-01",
            "answers": answers}  # fmt: skip
    assert client.post(f"{API}/clusters/auto-mi/answers", json=body,
                       headers=tokens["mgr"]).status_code == 201  # fmt: skip
    cmp = client.get(f"{API}/clusters/auto-mi/assessments/compare?kind=diamond").json()
    assert cmp["scores"]["government"] == {"previous": 3.0, "current": 5.0, "change": 2.0}
    assert cmp["scores"]["chance"]["change"] == 0.0 and cmp["changed"]
    assert cmp["previous"]["id"] == first["id"]
    # an explicit pair, and a version deleted (admin) is no longer the latest
    explicit = client.get(
        f"{API}/clusters/auto-mi/assessments/compare?kind=diamond&previous={cmp['current']['id']}"
        f"&current={first['id']}"
    ).json()
    assert explicit["scores"]["government"]["change"] == -2.0
    assert (
        client.delete(f"{API}/assessments/{first['id']}", headers=tokens["mgr"]).status_code == 403
    )
    assert (
        client.delete(f"{API}/assessments/{first['id']}", headers=tokens["admin"]).status_code
        == 204
    )
    _error(client.get(f"{API}/clusters/auto-mi/assessments/compare?kind=diamond"), 404, "not_found")
    assert client.get(f"{API}/assessments/{first['id']}").status_code == 404  # hidden from public
    assert client.get(f"{API}/assessments/{first['id']}", headers=tokens["ana"]).json()["deleted"]


def test_roles_in_and_out_of_scope(populated):
    client, tokens = populated
    err = _error(_post(client, tokens["mgr"], cluster="chem-oh"), 403, "forbidden")
    assert "a manager of 'auto-mi' cannot create answers 'chem-oh'" in err["message"]
    _error(_post(client, {}, cluster="auto-mi"), 401, "unauthorized")
    assert _post(client, tokens["ana"], cluster="chem-oh").status_code == 201
    assert _post(client, tokens["admin"], cluster="secret").status_code == 201
    _error(client.get(f"{API}/clusters/secret/assessments"), 404, "not_found")
    assert client.get(f"{API}/clusters/secret/assessments", headers=tokens["mgr"]).json()["count"]
    aid = client.get(f"{API}/clusters/chem-oh/answers", headers=tokens["ana"]).json()["data"][0][
        "id"
    ]
    err = _error(client.get(f"{API}/answers/{aid}", headers=tokens["mgr"]), 403, "forbidden")
    assert "cannot read the answers about 'chem-oh'" in err["message"]
    _error(client.get(f"{API}/clusters/chem-oh/answers", headers=tokens["mgr"]), 403, "forbidden")
    _error(client.get(f"{API}/answers/{aid}"), 401, "unauthorized")


def test_answer_and_request_errors_in_the_json_shape(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    base = {"questionnaire": "diamond", "respondent": "p", "date": "2024-05-01"}
    bad = {**_answers("diamond"), "D-F1": 9}
    err = _error(client.post(f"{API}/clusters/auto-mi/answers", json={**base, "answers": bad},
                             headers=mgr), 422, "invalid_data")  # fmt: skip
    assert err["details"][0]["column"] == "D-F1"
    assert "The answer to D-F1 must be an integer from 1 to 5. Got 9." in err["message"]
    missing = {k: v for k, v in _answers("diamond").items() if k != "D-F1"}
    err = _error(client.post(f"{API}/clusters/auto-mi/answers", json={**base, "answers": missing},
                             headers=mgr), 422, "invalid_data")  # fmt: skip
    assert err["details"][0]["column"] == "D-F1" and "required question D-F1" in err["message"]
    unknown = {**_answers("diamond"), "X-1": 3}
    err = _error(client.post(f"{API}/clusters/auto-mi/answers", json={**base, "answers": unknown},
                             headers=mgr), 422, "invalid_data")  # fmt: skip
    assert "Unknown question id 'X-1'" in err["message"]
    _error(client.post(f"{API}/clusters/auto-mi/answers",
                       json={**base, "questionnaire": "../etc/passwd", "answers": {}},
                       headers=mgr), 422, "validation_error")  # fmt: skip
    _error(_post(client, tokens["admin"], cluster="nope"), 404, "not_found")
    assert client.get(f"{API}/clusters/auto-mi/answers", headers=mgr).json()["count"] == 0
    _error(client.get(f"{API}/assessments/999"), 404, "not_found")
    _error(client.get(f"{API}/answers/999", headers=mgr), 404, "not_found")
    _error(client.get(f"{API}/clusters/auto-mi/assessments?kind=swot"), 422, "validation_error")
    _error(client.get(f"{API}/clusters/auto-mi/assessments/compare?kind=diamond"), 404, "not_found")
    d = _post(client, mgr).json()["assessments"]
    err = _error(client.get(f"{API}/clusters/auto-mi/assessments/compare?kind=diamond"
                            f"&previous={d[0]['id']}&current={d[1]['id']}"), 422,
                 "invalid_parameter")  # fmt: skip
    assert f"version {d[1]['id']}, a lifecycle result" in err["message"]
    err = _error(
        client.get(
            f"{API}/clusters/auto-mi/assessments/compare?kind=diamond"
            f"&previous={d[1]['id']}&current={d[1]['id']}"
        ),
        422,
        "invalid_parameter",
    )
    assert "must be of the kind 'diamond'" in err["message"]


def test_swot_draft_edit_delete(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    _post(client, mgr)
    r = client.post(f"{API}/clusters/auto-mi/swots",
                    json={"date": "2024-06-01", "network": {"density": 0.05, "n_brokers": 2}},
                    headers=mgr)  # fmt: skip
    assert r.status_code == 201, r.text
    swot = r.json()
    assert [i["key"] for i in swot["items"]["strengths"]][-1] == "brokers"
    assert any(i["key"] == "sparse_network" for i in swot["items"]["weaknesses"])
    assert len(swot["sources"]["assessments"]) == 2
    edit = {
        "add": {"threats": ["New competitor", {"fr": "Nouveau concurrent", "en": "Rival"}]},
        "reword": {"weaknesses": {"0": "Few working relations"}},
        "remove": {"strengths": [0]},
    }
    r = client.patch(f"{API}/swots/{swot['id']}", json=edit, headers=mgr)
    assert r.status_code == 200, r.text
    edited = r.json()
    assert [i["text"]["en"] for i in edited["items"]["threats"]] == ["New competitor", "Rival"]
    assert edited["items"]["weaknesses"][0]["text"]["en"] == "Few working relations"
    assert edited["draft"] == swot["draft"] and edited["updated_by"] == "mgr"
    audit = client.get(f"{API}/audit?resource=swot", headers=tokens["admin"]).json()["data"]
    assert audit[0]["action"] == "update" and set(audit[0]["after"]) == {
        "strengths", "weaknesses", "threats"}  # fmt: skip
    assert client.get(f"{API}/clusters/auto-mi/swots").json()["count"] == 1
    # errors: bad position, bad quadrant, another cluster's manager, unknown version
    err = _error(client.patch(f"{API}/swots/{swot['id']}", json={"remove": {"threats": [7]}},
                              headers=mgr), 422, "invalid_parameter")  # fmt: skip
    assert "must be items of the threats" in err["message"]
    _error(client.patch(f"{API}/swots/{swot['id']}", json={"add": {"risks": ["x"]}},
                        headers=mgr), 422, "validation_error")  # fmt: skip
    _error(client.post(f"{API}/clusters/chem-oh/swots", json={"date": "2024-06-01"},
                       headers=mgr), 403, "forbidden")  # fmt: skip
    _error(client.post(f"{API}/clusters/chem-oh/swots",
                       json={"date": "2024-06-01", "assessments": [1]},
                       headers=tokens["ana"]), 404, "not_found")  # fmt: skip
    _error(client.patch(f"{API}/swots/{swot['id']}", json={}, headers={}), 401, "unauthorized")
    assert client.delete(f"{API}/swots/{swot['id']}", headers=tokens["ana"]).status_code == 403
    assert client.delete(f"{API}/swots/{swot['id']}", headers=mgr).status_code == 204
    _error(client.get(f"{API}/swots/{swot['id']}"), 404, "not_found")
    _error(client.delete(f"{API}/swots/{swot['id']}", headers=mgr), 404, "not_found")


KPIS = [{"kpi": "members", "period": "2023", "value": 40},
        {"kpi": "members", "period": "2024", "value": 52, "target": 50},
        {"kpi": "jobs", "period": "2024", "value": 300, "target": 400}]  # fmt: skip
LABEL = {"name": "Cluster label", "level": "bronze", "criteria": ["members >= 30"],
         "valid_from": "2023-01-01", "valid_to": "2025-12-31"}  # fmt: skip


def test_kpi_evaluation_with_label_corrected_and_soft_deleted(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    body = {"date": "2024-12-31", "period": "2024", "kpis": KPIS, "label": LABEL,
            "on": "2024-12-31", "extra": {"sme_share": 0.7}, "evaluator": "ESCA"}  # fmt: skip
    r = client.post(f"{API}/clusters/auto-mi/evaluations/kpis", json=body, headers=mgr)
    assert r.status_code == 201, r.text
    ev = r.json()
    assert (ev["kind"], ev["score"], ev["label"], ev["period"]) == ("label", 50.0, "bronze", "2024")
    assert ev["kpi_table"][0] == {"kpi": "members", "value": 52.0, "previous": 40.0,
                                  "change": 12.0, "target": 50.0, "direction": "at_least",
                                  "met": True}  # fmt: skip
    assert ev["kpi_table"][1]["previous"] is None  # NaN is null
    assert ev["label_check"]["holds"] and ev["facts"] == {"members": 52.0, "jobs": 300.0,
                                                         "sme_share": 0.7}  # fmt: skip
    eid = ev["id"]
    r = client.patch(f"{API}/evaluations/{eid}", json={"summary": "re-evaluated", "kind": None},
                     headers=mgr)  # fmt: skip
    assert r.status_code == 200 and r.json()["summary"] == "re-evaluated"
    assert r.json()["kind"] == "label"
    _error(client.patch(f"{API}/evaluations/{eid}", json={"summary": "x"}, headers=tokens["ana"]),
           403, "forbidden")  # fmt: skip
    _error(client.patch(f"{API}/evaluations/{eid}", json={"period": "x"}, headers=mgr), 422,
           "validation_error")  # fmt: skip
    assert client.delete(f"{API}/evaluations/{eid}", headers=mgr).status_code == 204
    assert client.get(f"{API}/evaluations?cluster=auto-mi").json()["count"] == 0
    _error(client.get(f"{API}/evaluations/{eid}"), 404, "not_found")
    assert client.get(f"{API}/evaluations/{eid}", headers=mgr).json()["deleted"]
    _error(client.patch(f"{API}/evaluations/{eid}", json={"summary": "x"}, headers=mgr), 404,
           "not_found")  # fmt: skip
    _error(client.delete(f"{API}/evaluations/{eid}", headers=mgr), 404, "not_found")
    audit = client.get(f"{API}/audit?resource=evaluation&resource_id={eid}",
                       headers=tokens["admin"]).json()["data"]  # fmt: skip
    assert [a["action"] for a in audit] == ["delete", "update", "create"]
    assert audit[1]["before"] == {"summary": None} and audit[1]["after"] == {
        "summary": "re-evaluated"}  # fmt: skip


def test_kpi_evaluation_errors(populated):
    client, tokens = populated
    mgr = tokens["mgr"]
    url = f"{API}/clusters/auto-mi/evaluations/kpis"
    base = {"date": "2024-12-31", "period": "2024", "kpis": KPIS}
    _error(client.post(url, json={**base, "period": "2030"}, headers=mgr), 404, "not_found")
    err = _error(client.post(url, json={**base, "label": {**LABEL, "criteria": ["members ~ 3"]}},
                             headers=mgr), 422, "invalid_data")  # fmt: skip
    assert err["details"][0]["column"] == "criteria"
    negative = [*KPIS, {"kpi": "jobs", "period": "2023", "value": -5}]
    err = _error(client.post(url, json={**base, "kpis": negative}, headers=mgr), 422,
                 "invalid_data")  # fmt: skip
    assert "is negative" in err["message"]
    _error(client.post(url, json={**base, "kpis": []}, headers=mgr), 422, "validation_error")
    _error(client.post(f"{API}/clusters/chem-oh/evaluations/kpis", json=base, headers=mgr), 403,
           "forbidden")  # fmt: skip
    _error(client.post(url, json=base), 401, "unauthorized")
    assert client.post(url, json=base, headers=tokens["admin"]).status_code == 201
    # i14-roadmap: the label status is stored, read back, corrected, and a word of the vocabulary
    _error(client.post(url, json={**base, "label_status": "gold"}, headers=mgr), 422,
           "validation_error")  # fmt: skip
    ev = client.post(url, json={**base, "label_status": "applied"}, headers=mgr).json()
    assert ev["label_status"] == "applied"
    r = client.patch(f"{API}/evaluations/{ev['id']}", json={"label_status": "awarded"}, headers=mgr)
    assert r.json()["label_status"] == "awarded"
    _error(client.patch(f"{API}/evaluations/{ev['id']}", json={"label_status": "gold"},
                        headers=mgr), 422, "validation_error")  # fmt: skip
