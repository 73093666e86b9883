"""``grappe user create``: the first admin's invitation link, printed once; errors in one line."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import connect, session_scope
from grappe.registry.models import AuditEntry, User
from grappe.registry.users import accept_invitation, invitation_state

runner = CliRunner()


@pytest.fixture
def url(tmp_path, monkeypatch):
    for name in ("GRAPPE_ADMIN_TOKEN", "GRAPPE_DATABASE_URL", "GRAPPE_ENVIRONMENT"):
        monkeypatch.delenv(name, raising=False)
    return f"sqlite:///{tmp_path / 'o.sqlite'}"


def test_user_create_prints_a_working_invitation_link(url):
    result = runner.invoke(
        app,
        [
            "user",
            "create",
            "--email",
            "Admin@Obs.dz",
            "--name",
            "Amina",
            "--base-url",
            "https://obs.example.dz/",
            "--database",
            url,
        ],
    )
    assert result.exit_code == 0, result.output
    link = result.stdout.strip()
    found = re.fullmatch(r"https://obs\.example\.dz/invite/([A-Za-z0-9_-]{43})", link)
    assert found, link
    assert "works once, for 7 days" in " ".join(result.stderr.split())
    sessions = connect(url)
    with session_scope(sessions) as db:
        invitation, state = invitation_state(db, found.group(1))
        assert (state, invitation.email, invitation.role) == ("valid", "admin@obs.dz", "admin")
        user = accept_invitation(db, found.group(1), "a long admin password")
        assert (user.role, user.display_name) == ("admin", "Amina")
    with session_scope(sessions) as db:
        assert db.scalar(select(User.email)) == "admin@obs.dz"
        entry = db.scalar(select(AuditEntry).where(AuditEntry.resource == "invitation"))
        assert entry.who == "grappe user"
    sessions.kw["bind"].dispose()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--email", "nobody"], "must be an email address"),
        (["--email", "m@obs.dz", "--role", "manager", "--cluster", "zz"], "No cluster 'zz'"),
        (["--email", "m@obs.dz", "--role", "boss"], "The 'role' parameter of invite must be one"),
        (["--email", "m@obs.dz", "--role", "member", "--actor", "x"], "No actor 'x'"),
    ],
)
def test_user_create_errors(url, args, message):
    result = runner.invoke(app, ["user", "create", *args, "--database", url])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in " ".join(result.stderr.split())
