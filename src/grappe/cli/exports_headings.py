"""``grappe exports headings CLUSTER --database …``: the HS 4-digit headings of a registry
cluster's exports — shown with the country and the stored profile they are read in, or set
(``--set 0804,2009``; ``--set ""`` clears them, and they are derived again from the cluster's
definitions and sector when it can be).

Registered on the ``exports`` group of :mod:`grappe.cli.exports`. The writes go through
:func:`grappe.registry.cluster_exports.set_export_products` (rights of changing the cluster:
admins and its managers; audited), as the workspace's cluster settings and the API's ``PATCH
/clusters/<id>`` do. Without ``--token`` the command acts as the local administrator of the
database; with it, as that API token's role.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from grappe.cli._common import console, grappe_errors
from grappe.cli.token import DatabaseOpt, TokenOpt, _dispose, _sessions, token_access
from grappe.i18n import current_language, tr, translate

__all__ = ["headings_command", "headings_origin", "register"]

WHO = "cli"


def headings_origin(found: Any) -> str:
    """Where a cluster's headings come from, in the current language (``found``: a
    :class:`grappe.registry.cluster_exports.ClusterCountryExports`)."""
    return {
        "set": tr("named in the cluster's settings"),
        "given": tr("given with --definitions or --products"),
        "derived": tr(
            "derived from cluster {sector} of {definitions} through the HS → NAICS concordance",
            sector=found.sector,
            definitions=found.definitions,
        ),
    }.get(found.products_from or "", "—")


def headings_command(
    cluster: Annotated[str, typer.Argument(help="The cluster's registry id.")],
    database: DatabaseOpt = None,
    set_to: Annotated[
        str | None,
        typer.Option(
            "--set",
            help='HS4 headings of the cluster\'s exports: 0804,2009 ("" clears them).',
        ),
    ] = None,
    token: TokenOpt = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """The HS headings of a registry cluster's exports, the country and the stored profile they
    are read in; --set names them.

    Example: grappe exports headings biskra-dates --set 0804 --database
    sqlite:///grappe-output/observatory.sqlite
    """
    from grappe._validation import check_option
    from grappe.registry.cluster_exports import (
        cluster_country_exports,
        headings_record,
        set_export_products,
    )
    from grappe.registry.database import session_scope

    with grappe_errors():
        check_option(output_format, "--format", ("text", "json"), func="exports headings")
        from grappe.io.hs_headings import parse_headings

        headings = None if set_to is None else parse_headings(set_to, field="--set")
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                if headings is not None:
                    who = token_access(session, token, local=WHO)
                    set_export_products(session, who, cluster, headings)
                found = cluster_country_exports(session, cluster, published_only=False)
        finally:
            _dispose(sessions)
    lang = current_language()
    record = {
        "cluster": cluster,
        **headings_record(found),
        "missing": [translate(m, lang) for m in found.missing],
    }
    if output_format == "json":
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    how = headings_origin(found)
    lines = [
        tr("Country: {country}", country=found.country or "—"),
        tr("HS headings: {codes} ({how})", codes=", ".join(found.products or ()) or "—", how=how),
    ]
    if found.profile is not None:
        lines.append(
            tr(
                "Stored export profile: {year} ({source}); {among} opportunities stored.",
                year=found.profile.profile.year,
                source=found.profile.source,
                among=found.stored_opportunities,
            )
        )
    lines += ["• " + m for m in record["missing"]]
    for line in lines:
        console.print(line, markup=False, highlight=False)


def register(app: typer.Typer) -> None:  # noqa: ARG001 - the group is added by grappe.cli.exports
    """Add ``headings`` to the ``exports`` group."""
    from grappe.cli.exports import exports_group

    if "headings" not in {c.name for c in exports_group.registered_commands}:
        exports_group.command("headings")(headings_command)
