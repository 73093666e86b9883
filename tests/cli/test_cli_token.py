"""``grappe token`` and the first start of ``grappe serve``: no built-in secret, a random admin
token created once and shown once, tokens managed from the CLI through the registry."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import connect, session_scope, verify_token
from grappe.registry.models import ApiToken, AuditEntry

runner = CliRunner()
TOKEN = re.compile(r"grp_[0-9a-f]{8}_[A-Za-z0-9_-]{32}")


def _flat(text):
    return " ".join(text.split())  # Rich wraps long messages


@pytest.fixture
def url(tmp_path, monkeypatch):
    for name in ("GRAPPE_ADMIN_TOKEN", "GRAPPE_DATABASE_URL", "GRAPPE_ENVIRONMENT"):
        monkeypatch.delenv(name, raising=False)
    return f"sqlite:///{tmp_path / 'o.sqlite'}"


@pytest.fixture
def no_server(monkeypatch):
    import uvicorn

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append(app))
    return started


def _live(url, token):
    sessions = connect(url)
    try:
        with session_scope(sessions) as s:
            row = verify_token(s, token)
            return None if row is None else (row.name, row.role)
    finally:
        sessions.kw["bind"].dispose()


def test_first_start_creates_an_admin_token_shown_once(url, no_server):
    first = runner.invoke(app, ["serve", "--database", url])
    assert first.exit_code == 0, first.output
    shown = TOKEN.findall(first.stderr)
    assert len(shown) == 1 and "shown only this once" in _flat(first.stderr)
    assert "Authorization: Bearer" in first.stderr and "grappe token" in first.stderr
    assert shown[0] not in first.stdout
    assert _live(url, shown[0]) == ("admin", "admin")
    sessions = connect(url)
    with sessions() as s:
        row = s.scalar(select(ApiToken))
        secret = shown[0].split("_", 2)[2]
        assert secret not in (row.hash, row.salt, row.prefix) and len(row.hash) == 128
        who = s.scalars(select(AuditEntry.who).where(AuditEntry.resource == "token")).all()
        assert who == ["grappe serve"]
    sessions.kw["bind"].dispose()
    again = runner.invoke(app, ["serve", "--database", url])
    assert again.exit_code == 0, again.output
    assert "grp_" not in again.output and "First start" not in again.output
    assert len(no_server) == 2


def test_no_token_printed_when_one_is_configured(url, no_server, monkeypatch):
    from grappe.service.testing import random_token

    configured = random_token()
    monkeypatch.setenv("GRAPPE_ADMIN_TOKEN", configured)
    result = runner.invoke(app, ["serve", "--database", url])
    assert result.exit_code == 0, result.output
    assert "grp_" not in result.output
    assert _live(url, configured) == ("admin (settings)", "admin")


def test_after_every_admin_token_is_revoked_a_new_one_is_created(url, no_server):
    first = TOKEN.findall(runner.invoke(app, ["serve", "--database", url]).stderr)[0]
    assert runner.invoke(app, ["token", "revoke", "admin", "--database", url]).exit_code == 0
    assert _live(url, first) is None
    second = TOKEN.findall(runner.invoke(app, ["serve", "--database", url]).stderr)
    assert len(second) == 1 and _live(url, second[0]) == ("admin-2", "admin")


@pytest.mark.parametrize("env", ["development", "test", "production"])
def test_serve_refuses_a_published_or_weak_token(url, no_server, monkeypatch, env):
    monkeypatch.setenv("GRAPPE_ENVIRONMENT", env)
    for weak in ("grp_dev00000_" + "development-only-admin-token", "grp_admin_changeme"):
        monkeypatch.setenv("GRAPPE_ADMIN_TOKEN", weak)
        result = runner.invoke(app, ["serve", "--database", url])
        assert result.exit_code == 1
        assert "The 'admin_token' parameter of Settings must be a strong secret" in _flat(
            result.output
        )
        assert "Traceback" not in result.output
    assert no_server == []


def test_token_create_list_revoke(url):
    made = runner.invoke(
        app, ["token", "create", "--role", "analyst", "--name", "ana", "--database", url]
    )
    assert made.exit_code == 0, made.output
    token = made.stdout.strip()
    assert TOKEN.fullmatch(token) and "shown only this once" in _flat(made.stderr)
    assert _live(url, token) == ("ana", "analyst")
    default_name = runner.invoke(app, ["token", "create", "--role", "admin", "--database", url])
    assert default_name.exit_code == 0, default_name.output
    listed = runner.invoke(app, ["token", "list", "--database", url])
    assert listed.exit_code == 0, listed.output
    assert re.search(r"1\s*│\s*ana\s*│\s*analyst", listed.stdout)
    assert re.search(r"2\s*│\s*admin-[0-9a-f]{6}\s*│\s*admin", listed.stdout)
    assert "grp_" not in listed.stdout
    revoked = runner.invoke(app, ["token", "revoke", "1", "--database", url])
    assert revoked.exit_code == 0, revoked.output
    assert "Revoked token 1 ('ana')" in revoked.stderr
    assert _live(url, token) is None
    assert re.search(r"ana\s*│\s*analyst\s*│\s*│[^│]*│\s*yes", runner.invoke(
        app, ["token", "list", "--database", url]).stdout)  # fmt: skip
    sessions = connect(url)
    with sessions() as s:
        log = s.execute(select(AuditEntry.who, AuditEntry.action, AuditEntry.resource_id)).all()
    sessions.kw["bind"].dispose()
    assert ("grappe token", "create", "ana") in log and ("grappe token", "revoke", "ana") in log


def test_manager_token_for_its_clusters(url):
    sessions = connect(url)
    with session_scope(sessions) as s:
        from grappe.registry.models import Cluster

        s.add(Cluster(id="auto-mi", name_en="Automotive"))
    sessions.kw["bind"].dispose()
    made = runner.invoke(app, ["token", "create", "--role", "manager", "--cluster", "auto-mi",
                               "--name", "mgr", "--database", url])  # fmt: skip
    assert made.exit_code == 0, made.output
    listed = runner.invoke(app, ["token", "list", "--database", url])
    assert re.search(r"mgr\s*│\s*manager\s*│\s*auto-mi", listed.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create", "--role", "root"], "The 'role' parameter of create_token must be one of"),
        (["create", "--role", "manager", "--cluster", "nope"], "No cluster with id 'nope'"),
        (["create", "--role", "manager", "--cluster", "a", "--cluster", "a"],
         "The 'clusters' parameter of create_token must name each cluster once"),
        (["create", "--role", "analyst", "--name", " "], "must be a non-empty string"),
        (["revoke", "42"], "No token with id or name '42'; `grappe token list` shows them"),
        (["revoke", "nobody"], "No token with id or name 'nobody'"),
    ],
)  # fmt: skip
def test_token_errors(url, args, message):
    result = runner.invoke(app, ["token", *args, "--database", url])
    assert result.exit_code == 1
    assert message in _flat(result.output)
    assert "Traceback" not in result.output


def test_duplicate_name_is_refused(url):
    args = ["token", "create", "--role", "analyst", "--name", "ana", "--database", url]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 1 and "already used" in _flat(again.output)


def test_bad_database_is_a_clean_error(tmp_path):
    result = runner.invoke(app, ["token", "list", "--database", "mysql://nobody/none"])
    assert result.exit_code == 1
    assert "The 'database_url' parameter of make_engine" in _flat(result.output)
