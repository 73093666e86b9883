"""``grappe token create | list | revoke``: API tokens of an observatory database.

The same registry functions as the API's ``/api/v1/tokens`` (:mod:`grappe.registry.tokens`); every
creation and revocation is in the audit log under the name ``grappe token``. Also the first-start
message of ``grappe serve`` (:func:`announce_first_admin_token`).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from grappe.cli._common import console, err_console, grappe_errors
from grappe.i18n import Message, tr

__all__ = ["announce_first_admin_token", "register", "token_group"]

#: Name under which CLI writes are recorded in the audit log.
WHO = "grappe token"

token_group = typer.Typer(
    name="token",
    no_args_is_help=True,
    help="API tokens of the observatory: create (shown once), list (never the secrets), revoke.",
)

DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="SQLAlchemy URL of the registry (default: GRAPPE_DATABASE_URL, else "
        "sqlite:///grappe-observatory.sqlite).",
    ),
]


def _sessions(database: str | None):  # type: ignore[no-untyped-def]
    """Session factory of the registry named by ``--database`` or the settings (migrated)."""
    from grappe.registry import connect
    from grappe.service.settings import Settings

    overrides = {"database_url": database} if database else {}
    return connect(Settings.from_env(None, **overrides).database_url)


def _dispose(sessions) -> None:  # type: ignore[no-untyped-def]
    sessions.kw["bind"].dispose()


#: ``--token`` of the commands that write in the registry (``grappe programme evaluate``,
#: ``grappe exports correct``…): whom they act as.
TokenOpt = Annotated[
    str | None,
    typer.Option(
        "--token",
        envvar="GRAPPE_TOKEN",
        help="Act as this API token's role (default: the local admin of the database).",
    ),
]


def token_access(session: Any, token: str | None, *, local: str) -> Any:
    """Whom a registry command acts as: ``--token``'s access, or without one the local admin
    that holds the database, named ``local`` in the audit log.

    Raises
    ------
    PermissionDeniedError
        The token is unknown, revoked or mistyped.
    """
    from grappe.errors import PermissionDeniedError
    from grappe.registry.permissions import Access
    from grappe.registry.tokens import verify_token

    if token is None:
        return Access.local(local)
    row = verify_token(session, token.strip())
    if row is None:
        raise PermissionDeniedError(
            Message(
                "The '--token' parameter names no live token of this database (unknown, revoked "
                "or mistyped): see grappe token list."
            )
        )
    return Access.of_token(row)


@token_group.command("create")
def create_command(
    role: Annotated[
        str, typer.Option("--role", help="admin (everything), analyst (imports) or manager.")
    ],
    cluster: Annotated[
        list[str] | None,
        typer.Option("--cluster", help="A cluster a manager token may edit (repeat the option)."),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="Unique name, shown in the audit log (default: ROLE-xxxxxx)."),
    ] = None,
    database: DatabaseOpt = None,
) -> None:
    """Create a token and print it once on stdout; only its scrypt hash is stored."""
    import secrets

    from grappe.registry import create_token, session_scope

    with grappe_errors():
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                chosen = name if name is not None else f"{role}-{secrets.token_hex(3)}"
                token = create_token(session, chosen, role=role, clusters=cluster or [], who=WHO)
        finally:
            _dispose(sessions)
    typer.echo(token)
    err_console.print(
        f"Created the {role} token {chosen!r}. It is shown only this once: keep it in a secret "
        "store. Send it as 'Authorization: Bearer <token>'.",
        markup=False,
        highlight=False,
    )


@token_group.command("list")
def list_command(database: DatabaseOpt = None) -> None:
    """List the tokens: id, name, role, clusters, created, revoked (never their secrets)."""
    from grappe.registry import list_tokens, session_scope

    with grappe_errors():
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                rows, _count = list_tokens(session)
                data = [
                    (str(r.id), r.name, r.role, ", ".join(r.cluster_ids),
                     r.created_at.strftime("%Y-%m-%d %H:%M"), "yes" if r.revoked else "no")
                    for r in rows
                ]  # fmt: skip
        finally:
            _dispose(sessions)
    table = Table(title="API tokens (last use is not recorded)")
    for column in ("id", "name", "role", "clusters", "created (UTC)", "revoked"):
        table.add_column(column)
    for row in data:
        table.add_row(*row)
    console.print(table)


@token_group.command("revoke")
def revoke_command(
    token: Annotated[str, typer.Argument(help="The token's id (see `grappe token list`) or name.")],
    database: DatabaseOpt = None,
) -> None:
    """Revoke a token: it stops working at once (the row stays for the audit log)."""
    from grappe.errors import NotFoundError
    from grappe.registry import revoke_token, session_scope

    with grappe_errors():
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                row = None
                if token.isdigit():
                    try:
                        row = revoke_token(session, token_id=int(token), who=WHO)
                    except NotFoundError:
                        row = None  # maybe a token named with digits
                if row is None:
                    try:
                        row = revoke_token(session, name=token, who=WHO)
                    except NotFoundError as exc:
                        raise NotFoundError(
                            f"No token with id or name {token!r}; `grappe token list` shows them."
                        ) from exc
                revoked = (row.id, row.name)
        finally:
            _dispose(sessions)
    err_console.print(
        tr("Revoked token {id} ({name!r}).", id=revoked[0], name=revoked[1]), markup=False
    )


def announce_first_admin_token(database_url: str) -> str | None:
    """First start of a database: create a random admin token and print it once on stderr.

    Nothing is created or printed when the database already has a live admin token. Called by
    ``grappe serve`` in its own process, before any worker starts.

    Returns
    -------
    str or None
        The token printed, or None.
    """
    from grappe.registry import connect, ensure_admin_token

    sessions = connect(database_url)
    try:
        token = ensure_admin_token(sessions)
    finally:
        _dispose(sessions)
    if token is not None:
        err_console.print(
            "First start: created an admin token. It is shown only this once (only its hash is "
            f"stored):\n\n    {token}\n\nSend it as 'Authorization: Bearer <token>' to write "
            "through the API; create, list and revoke tokens with `grappe token`.\n",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    return token


def register(app: typer.Typer) -> None:
    """Add the ``grappe token`` group."""
    app.add_typer(token_group)
