"""One JSON error shape for every status the API answers (in the manner of Datasette's error
tests): each case provokes one status through the real app, on SQLite and PostgreSQL, and checks
the body ``{"error": {"code", "message", "details", "request_id"}}``, the ``X-Request-ID``
header, the security headers, and that no SQL, traceback or secret reaches the client."""

from __future__ import annotations

import logging
import re

import pytest
from sqlalchemy import text

from grappe.service.security import SECURITY_HEADERS

#: What must never appear in an answer: SQL, Python internals, database names.
LEAKS = re.compile(
    r"Traceback|File \"|sqlalchemy|psycopg|sqlite3|IntegrityError|OperationalError|DataError|"
    r"UNIQUE constraint|duplicate key|no such table|\[SQL|\[parameters|Background on this error",
    re.IGNORECASE,
)
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE FROM|WHERE)\b")  # upper case: not English


#: Every status the API answers with an error, and its code(s).
STATUSES = {
    400: {"bad_request"},
    401: {"unauthorized"},
    403: {"forbidden"},
    404: {"not_found"},
    405: {"method_not_allowed"},
    409: {"conflict"},
    413: {"too_large"},
    422: {"validation_error", "invalid_parameter", "invalid_data"},
    500: {"internal_error"},
}


def check_error(response, status, code):
    """Assert the one error shape and return ``body["error"]``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "message", "details", "request_id"}
    assert error["code"] == code and code in STATUSES[status]
    assert isinstance(error["message"], str) and error["message"].strip()
    assert error["details"] is None or isinstance(error["details"], list)
    assert re.fullmatch(r"[0-9a-f]{32}", error["request_id"])
    assert response.headers["X-Request-ID"] == error["request_id"]
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, name
    assert not LEAKS.search(response.text) and not SQL.search(response.text), response.text
    return error


def test_400_unreadable_multipart_body(populated):
    client, tokens = populated
    response = client.post(
        "/api/v1/imports",
        content=b"kind=regions",
        headers={**tokens["ana"], "Content-Type": "multipart/form-data"},  # no boundary
    )
    assert "boundary" in check_error(response, 400, "bad_request")["message"]


def test_401_without_and_with_a_wrong_token(populated):
    client, _ = populated
    error = check_error(client.post("/api/v1/tokens", json={"name": "a", "role": "admin"}), 401,
                        "unauthorized")  # fmt: skip
    assert "API token" in error["message"]
    wrong = client.get("/api/v1/clusters", headers={"Authorization": "Bearer grp_x_nope"})
    check_error(wrong, 401, "unauthorized")
    assert wrong.headers["WWW-Authenticate"] == "Bearer"


def test_403_role_too_weak(populated):
    client, tokens = populated
    check_error(client.get("/api/v1/audit", headers=tokens["ana"]), 403, "forbidden")
    check_error(client.delete("/api/v1/clusters/chem-oh", headers=tokens["mgr"]), 403, "forbidden")


@pytest.mark.parametrize(
    "url", ["/api/v1/clusters/none", "/api/v1/nowhere", "/api/v1/", "/api/v1/tokens/x/y"]
)
def test_404_unknown_resource_or_route(populated, url):
    client, _ = populated
    check_error(client.get(url), 404, "not_found")


def test_405_method_not_allowed_keeps_allow(populated):
    client, tokens = populated
    response = client.delete("/api/v1/clusters", headers=tokens["admin"])
    check_error(response, 405, "method_not_allowed")
    assert "GET" in response.headers["Allow"]


def test_409_database_conflict_without_sql(populated, monkeypatch, caplog):
    """Two requests creating the same token name at once: the check of the second passes
    before the first commits, and the database's unique constraint refuses the insert. Played
    here by inserting the row just before the real insert."""
    from grappe.registry import tokens
    from grappe.registry.models import ApiToken

    real = tokens.create_token

    def racing(session, name, **kw):
        session.add(ApiToken(name=name, prefix="race0001", salt="00", hash="0" * 128, role="admin"))
        original_scalar = session.scalar
        session.scalar = lambda *a, **k: None  # the first request has not committed yet
        try:
            session.flush()
            return real(session, name, **kw)
        finally:
            session.scalar = original_scalar

    monkeypatch.setattr(tokens, "create_token", racing)
    client, tokens_ = populated
    with caplog.at_level(logging.WARNING, logger="grappe.service"):
        response = client.post(
            "/api/v1/tokens", json={"name": "twin", "role": "analyst"}, headers=tokens_["admin"]
        )
    error = check_error(response, 409, "conflict")
    assert "nothing was changed" in error["message"]
    assert any(error["request_id"] in r.getMessage() for r in caplog.records)
    monkeypatch.undo()
    listed = client.get("/api/v1/tokens", headers=tokens_["admin"]).json()
    assert "twin" not in [t["name"] for t in listed["data"]]  # rolled back


def test_duplicate_cluster_in_a_token_is_422_not_500(populated):
    """Found by schemathesis (issue 12): a manager token naming a cluster twice."""
    client, tokens = populated
    response = client.post(
        "/api/v1/tokens",
        json={"name": "m2", "role": "manager", "clusters": ["auto-mi", "auto-mi"]},
        headers=tokens["admin"],
    )
    error = check_error(response, 422, "invalid_parameter")
    assert "must name each cluster once" in error["message"] and "'auto-mi'" in error["message"]


def test_413_too_large(populated):
    client, tokens = populated
    response = client.put(
        "/api/v1/clusters/auto-mi/roadmap",
        content=b"{" + b" " * (2**20 + 1) + b"}",
        headers={**tokens["admin"], "Content-Type": "application/json"},
    )
    check_error(response, 413, "too_large")


@pytest.mark.parametrize(
    ("request_args", "code"),
    [
        (("get", "/api/v1/indicators?limit=0", {}), "validation_error"),
        (("post", "/api/v1/clusters", {"content": b"{not json"}), "validation_error"),
        (("post", "/api/v1/clusters", {"json": {"id": "auto-mi", "name_en": "x"}}),
         "invalid_parameter"),
        (("put", "/api/v1/clusters/auto-mi/roadmap", {"json": {"actions": "x"}}), "invalid_data"),
    ],
)  # fmt: skip
def test_422_three_kinds(populated, request_args, code):
    client, tokens = populated
    method, url, kw = request_args
    headers = {**tokens["admin"]}
    if "content" in kw:
        headers["Content-Type"] = "application/json"
    error = check_error(getattr(client, method)(url, headers=headers, **kw), 422, code)
    if code in ("validation_error", "invalid_data"):
        assert error["details"]


def test_500_unexpected_error_is_generic_and_logged(populated_app, caplog):
    app, client, tokens = populated_app

    class Broken(dict):
        def get(self, key, default=None):
            raise RuntimeError("secret internal detail /etc/grappe")

    app.state.token_cache = Broken()
    with caplog.at_level(logging.ERROR, logger="grappe.service"):
        response = client.get("/api/v1/clusters", headers=tokens["ana"])
    error = check_error(response, 500, "internal_error")
    assert "secret internal detail" not in response.text and "RuntimeError" not in response.text
    assert "request id" in error["message"]
    logged = [r for r in caplog.records if error["request_id"] in r.getMessage()]
    assert logged and logged[0].exc_info[0] is RuntimeError  # the traceback is in the log


def test_500_database_error_never_reaches_the_client(populated_app, caplog):
    app, client, _ = populated_app
    with app.state.sessions() as s, s.begin():
        s.execute(text("DROP TABLE kpis"))
    with caplog.at_level(logging.ERROR, logger="grappe.service"):
        response = client.get("/api/v1/kpis")
    error = check_error(response, 500, "internal_error")
    assert any(error["request_id"] in r.getMessage() for r in caplog.records)


def test_every_status_is_covered():
    """Each status of :data:`STATUSES` has its test above (keep the list and the tests in step)."""
    names = {n for n in globals() if n.startswith("test_")}
    for status in STATUSES:
        assert any(n.startswith(f"test_{status}_") for n in names), status


def test_success_answers_carry_request_id_and_headers(populated):
    client, _ = populated
    response = client.get("/api/v1/clusters")
    assert response.status_code == 200
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])
    assert (
        response.headers["X-Request-ID"] != client.get("/api/v1/clusters").headers["X-Request-ID"]
    )


@pytest.mark.parametrize(
    "url",
    ["/api/v1/kpis?cluster=a%00b", "/api/v1/clusters/a%00b", "/api/v1/clusters?q=%00",
     "/api/v1/actors?cluster=x%1F", "/api/v1/regions/a%00"],
)  # fmt: skip
def test_422_control_characters_in_the_address(populated, url):
    """Found by schemathesis on PostgreSQL, which cannot compare a text with a NUL byte."""
    client, tokens = populated
    error = check_error(client.get(url, headers=tokens["admin"]), 422, "invalid_parameter")
    assert "control character U+00" in error["message"]


@pytest.mark.parametrize("field", ["name_en", "contact_name"])
def test_422_nul_in_a_name(populated, field):
    client, tokens = populated
    body = {"id": "nul", "name_en": "ok", field: "\x00Bad"}
    response = client.post("/api/v1/clusters", json=body, headers=tokens["admin"])
    check_error(response, 422, "validation_error")


def test_422_nul_in_a_roadmap_is_refused_before_the_database(populated):
    client, tokens = populated
    roadmap = {"cluster": "x", "mode": "bottom_up", "actions": [
        {"id": "A\x00", "title": "T\x00", "phase": "mobilise", "owner": "GM\x00"}]}  # fmt: skip
    response = client.put("/api/v1/clusters/auto-mi/roadmap", json=roadmap, headers=tokens["admin"])
    error = check_error(response, 422, "invalid_data")
    assert {(d["row"], d["column"]) for d in error["details"]} == {
        (1, "id"), (1, "title"), (1, "owner")}  # fmt: skip


@pytest.mark.parametrize("url", ["/clusters/a%00", "/regions/a%00", "/compare?a=%00&b=x"])
def test_pages_with_nul_in_the_address_are_not_found(populated, url):
    """Pages only read: a NUL byte (which PostgreSQL cannot compare) names nothing."""
    client, _ = populated
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert not LEAKS.search(response.text) and not SQL.search(response.text)


def test_422_database_data_error_without_sql(populated_app, caplog):
    """A value that passed the request's checks but that the database cannot hold (safety net
    behind the schemas): 422, the SQL and its values only in the log."""
    from sqlalchemy.exc import DataError

    app, client, tokens = populated_app

    class Refusing(dict):
        def get(self, key, default=None):
            raise DataError("SELECT secret FROM t WHERE x = %(x)s", {"x": "v\x00"}, ValueError())

    app.state.token_cache = Refusing()
    with caplog.at_level(logging.WARNING, logger="grappe.service"):
        response = client.get("/api/v1/clusters", headers=tokens["ana"])
    error = check_error(response, 422, "invalid_parameter")
    assert "cannot be stored or compared by the database" in error["message"]
    assert any(error["request_id"] in r.getMessage() for r in caplog.records)
