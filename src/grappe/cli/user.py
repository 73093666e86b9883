"""``grappe user create``: invite someone to the web workspace (the first admin, typically).

Thin over :func:`grappe.registry.users.invite`: the invitation link is printed once on stdout;
the person opens it, chooses a password and is signed in. The write is in the audit log under
the name ``grappe user``.
"""

from __future__ import annotations

from typing import Annotated

import typer

from grappe.cli._common import err_console, grappe_errors
from grappe.cli.token import DatabaseOpt, _dispose, _sessions

__all__ = ["register", "user_group"]

#: Name under which CLI writes are recorded in the audit log.
WHO = "grappe user"

user_group = typer.Typer(
    name="user",
    no_args_is_help=True,
    help="People of the web workspace: invite one (the link is shown once).",
)


@user_group.command("create")
def create_command(
    email: Annotated[str, typer.Option("--email", help="The person's email (the sign-in name).")],
    role: Annotated[
        str, typer.Option("--role", help="admin, analyst, manager or member.")
    ] = "admin",
    name: Annotated[
        str | None, typer.Option("--name", help="Name shown in the pages (default: the email).")
    ] = None,
    cluster: Annotated[
        list[str] | None,
        typer.Option("--cluster", help="A cluster a manager manages (repeat the option)."),
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="The actor a member represents.")
    ] = None,
    base_url: Annotated[
        str,
        typer.Option("--base-url", help="Address of the observatory, to build the link."),
    ] = "http://127.0.0.1:8000",
    database: DatabaseOpt = None,
) -> None:
    """Create an invitation and print its link; it works once, for 7 days."""
    from grappe.registry import session_scope
    from grappe.registry.users import INVITATION_LIFETIME, invite

    with grappe_errors():
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                invitation, token = invite(
                    session, WHO, email=email, role=role, display_name=name or email,
                    clusters=cluster or [], actor=actor,
                )  # fmt: skip
                invited = invitation.email
        finally:
            _dispose(sessions)
    typer.echo(f"{base_url.rstrip('/')}/invite/{token}")
    err_console.print(
        f"Invitation of {invited} as {role}. Send the link above: it works once, for "
        f"{INVITATION_LIFETIME.days} days; the person chooses a password there.",
        markup=False,
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    """Add ``grappe user`` to the root application."""
    app.add_typer(user_group)
