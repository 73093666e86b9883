"""``grappe exports store|stored|correct|publish|withdraw --database …``: countries' export
profiles in the registry from the command line (issue 19: a page per country, any country).

``store`` runs the observatory job's step (:func:`grappe.registry.export_jobs.
load_export_profiles`) on the countries asked, or on every country exporting at least 1 billion
USD (``--all``), so that ``/countries/<iso3>`` exists for each; ``stored`` lists what the
registry holds; ``correct``, ``publish`` and ``withdraw`` go through the typed functions of
:mod:`grappe.registry.export_profiles`, as the API and the correction form do.

The commands act as the local administrator of the database, or, with ``--token`` (or
``GRAPPE_TOKEN``), as that API token's role (admins and analysts write export profiles,
:data:`grappe.registry.permissions.RULES`); the audit log names the token (or ``cli``).
Every error is one translated line, exit code 1, nothing written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from grappe.cli._common import console, err_console, grappe_errors
from grappe.cli.token import DatabaseOpt, _dispose, _sessions
from grappe.i18n import Message, tr

__all__ = [
    "correct_command",
    "publish_command",
    "register",
    "store_command",
    "stored_command",
    "withdraw_command",
]

WHO = "cli"
KIND = "export_profile"

CountryArg = Annotated[str, typer.Argument(help="ISO3 code of a stored country, e.g. DZA.")]
TokenOpt = Annotated[
    str | None,
    typer.Option(
        "--token",
        envvar="GRAPPE_TOKEN",
        help="Act as this API token's role (default: the local admin of the database).",
    ),
]


def register(app: typer.Typer) -> None:  # noqa: ARG001 - the group is added by grappe.cli.exports
    """Add ``store``, ``stored``, ``correct``, ``publish`` and ``withdraw`` to ``exports``."""
    from grappe.cli.exports import exports_group

    done = {c.name for c in exports_group.registered_commands}
    for name, command in (
        ("store", store_command), ("stored", stored_command), ("correct", correct_command),
        ("publish", publish_command), ("withdraw", withdraw_command),
    ):  # fmt: skip
        if name not in done:
            exports_group.command(name)(command)


def _writer(session: Any, token: str | None) -> Any:
    """The caller (the token's access, or the local admin) once it may write export profiles.

    Raises
    ------
    PermissionDeniedError
        The token is unknown or revoked, or its role may not write export profiles.
    """
    from grappe.errors import PermissionDeniedError
    from grappe.registry.permissions import Access, kind_refusal
    from grappe.registry.tokens import verify_token

    if token is None:
        return Access.local(WHO)
    row = verify_token(session, token.strip())
    if row is None:
        raise PermissionDeniedError(
            Message(
                "The '--token' parameter names no live token of this database (unknown, revoked "
                "or mistyped): see grappe token list."
            )
        )
    access = Access.of_token(row)
    if kind_refusal(access, KIND) is not None:
        raise PermissionDeniedError(
            Message(
                "A {role} token may not change export profiles: ask an admin or an analyst.",
                role=access.role,
            )
        )
    return access


def _stored_row(session: Any, country: str) -> Any:
    """The summary of ``country``'s latest stored profile (published or not).

    Raises
    ------
    NotFoundError
        No profile of ``country`` is stored.
    """
    from grappe.errors import NotFoundError
    from grappe.registry.export_profiles import list_export_profiles

    code = country.strip().upper()
    for summary in list_export_profiles(session, published_only=False):
        if summary.country == code:
            return summary  # the latest year first
    raise NotFoundError(
        Message(
            "No export profile of {country} is stored: store it first with grappe exports "
            "store {country} (grappe exports stored lists those stored).",
            country=code,
        )
    )


def _progress_line(done: int, total: int) -> None:
    err_console.print(tr("Country {done}/{total} stored.", done=done, total=total), highlight=False)


def _countries(codes: tuple[str, ...]) -> str:
    """The codes stored, or their number when there are many (``--all``: 155)."""
    if len(codes) <= 10:
        return ", ".join(codes)
    return tr("{count} countries", count=len(codes))


def _every_country(matrix: Any, folder: Path | None) -> tuple[str, ...] | str:
    """The codes of ``--all``: the matrix's countries exporting at least 1 billion USD.

    Named one by one (not ``"all"``) so that the job's step recognises a second run on the same
    files as unchanged without computing (:func:`grappe.registry.export_jobs.
    load_export_profiles` compares the files' fingerprint for a list of countries only): 35 s
    become the time to read the matrix. ``"all"`` when the matrix is not there (the step then
    says why it stores nothing).
    """
    from grappe.registry.export_jobs import (
        MIN_COUNTRY_EXPORTS,
        TRADE_FILE,
        shared_data_dir,
    )

    if matrix is None:
        path = (shared_data_dir() if folder is None else folder) / TRADE_FILE
        if not path.is_file():
            return "all"
        from grappe.io.trade import read_trade_matrix

        matrix = read_trade_matrix(path)
    return tuple(str(c) for c in matrix.index[matrix.sum(axis=1) >= MIN_COUNTRY_EXPORTS])


def _trade_matrix(trade: Path | None) -> tuple[Any, Path | None]:
    """(matrix, data folder) for ``--trade``: the shared data folder when the file sits in its
    ``economic_complexity/`` (the job's fingerprint then holds), else the matrix read.

    Raises
    ------
    InvalidParameterError
        The file is not the 2020 matrix the profiles are stored under (source and year).
    """
    from grappe.errors import InvalidParameterError
    from grappe.registry.export_jobs import SOURCE, TRADE_FILE, YEAR

    if trade is None:
        return None, None
    expected = Path(TRADE_FILE)
    if trade.name != expected.name:
        raise InvalidParameterError(
            Message(
                "The '--trade' file must be the {year} trade matrix {name} (the profiles are "
                "stored as source {source}, year {year}). Got {path} instead.",
                year=YEAR, name=expected.name, source=SOURCE, path=str(trade),
            )
        )  # fmt: skip
    if trade.parent.name == expected.parent.name and trade.is_file():
        return None, trade.parent.parent
    from grappe.io.trade import read_trade_matrix

    return read_trade_matrix(trade), None


def store_command(
    countries: Annotated[
        list[str] | None, typer.Argument(help="ISO3 codes of the countries (e.g. DZA MAR).")
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Every country exporting at least 1 billion USD.")
    ] = False,
    publish: Annotated[
        bool,
        typer.Option(
            "--publish/--no-publish",
            help="Publish the profiles stored for the first time (a stored one keeps its state).",
        ),
    ] = True,
    trade: Annotated[
        Path | None,
        typer.Option(
            "--trade",
            help="The 2020 trade matrix stojkoski2023_trade_country_x_hs4product_2020.csv.gz "
            "(default: the one of the shared data folder, GRAPPE_SHARED_DATA).",
        ),
    ] = None,
    token: TokenOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Compute and store the export profiles of countries (their pages /countries/<iso3>)."""
    from grappe.errors import InvalidParameterError, NotFoundError
    from grappe.registry import session_scope
    from grappe.registry.export_jobs import load_export_profiles

    with grappe_errors():
        if bool(countries) == every:
            raise InvalidParameterError(
                Message(
                    "grappe exports store needs either country codes (e.g. DZA MAR) or --all, "
                    "not both and not neither."
                )
            )
        matrix, folder = _trade_matrix(trade)
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                who = _writer(session, token)
                chosen = _every_country(matrix, folder) if every else tuple(countries or ())
                report = load_export_profiles(
                    session, who=who, countries=chosen,
                    data_dir=folder, trade=matrix, publish=publish, progress=_progress_line,
                    strict=True,
                )  # fmt: skip
                if report.skipped is not None:
                    raise NotFoundError(report.skipped)  # nothing was written
        finally:
            _dispose(sessions)
        records = len(report.countries) + 1  # the profiles and the product space
        console.print(
            tr("Stored {countries}: {inserted} inserted, {updated} updated, {unchanged} unchanged "
               "(the profiles and the product space) in {seconds:.1f} s.",
               countries=_countries(report.countries), inserted=report.inserted,
               updated=report.updated, unchanged=records - report.inserted - report.updated,
               seconds=report.seconds),
            highlight=False,
        )  # fmt: skip


def stored_command(
    output_format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    database: DatabaseOpt = None,
) -> None:
    """List the stored export profiles: country, year, source, published, corrections."""
    from grappe._validation import check_option
    from grappe.registry import session_scope
    from grappe.registry.export_profiles import list_export_profiles, load_export_profile

    with grappe_errors():
        check_option(output_format, "--format", ("table", "json"), func="grappe exports stored")
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                records = []
                for s in list_export_profiles(session, published_only=False):
                    full = load_export_profile(session, s.country, year=s.year, source=s.source)
                    fixes = sum(len(v) for v in full.names.values()) + len(full.hidden)
                    records.append({"country": s.country, "year": s.year, "source": s.source,
                                    "published": s.published, "corrections": fixes})  # fmt: skip
        finally:
            _dispose(sessions)
    if output_format == "json":
        console.print_json(json.dumps(records, ensure_ascii=False))
        return
    table = Table(title=tr("Stored export profiles"))
    for column in (tr("country"), tr("year"), tr("source"), tr("published"), tr("corrections")):
        table.add_column(column)
    for r in records:
        table.add_row(r["country"], str(r["year"]), r["source"],
                      tr("yes") if r["published"] else tr("no"), str(r["corrections"]))  # fmt: skip
    console.print(table)


def _check_product(stored: Any, product: str, *, opportunity: bool) -> None:
    from grappe.errors import NotFoundError

    profile = stored.profile
    known = {o.product for o in profile.opportunities} | set(stored.hidden)
    if not opportunity:
        known |= {p.product for p in profile.products}
    if product not in known:
        template = (
            "No opportunity {product!r} in the export profile of {country}: give a product of "
            "its opportunities (grappe exports opportunities)."
            if opportunity
            else "No product {product!r} in the export profile of {country}: give a product "
            "of its table (the trade file's column name)."
        )
        raise NotFoundError(Message(template, product=product, country=profile.country))


def correct_command(
    country: CountryArg,
    name: Annotated[
        tuple[str, str, str] | None,
        typer.Option("--name", help="PRODUCT LANG TEXT: the product's name in fr, ar or en."),
    ] = None,
    hide: Annotated[
        str | None, typer.Option("--hide", help="Hide this opportunity (with --reason).")
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why it is hidden.")] = None,
    show: Annotated[
        str | None, typer.Option("--show", help="Show a hidden opportunity again.")
    ] = None,
    token: TokenOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Correct a stored profile: a product's name, an opportunity hidden or shown again."""
    from grappe._validation import check_option
    from grappe.errors import InvalidParameterError, NotFoundError
    from grappe.registry import session_scope
    from grappe.registry.export_profiles import (
        correct_product_name,
        hide_opportunity,
        load_export_profile,
        show_opportunity,
    )
    from grappe.vocabulary import LANGUAGES

    command = "grappe exports correct"
    with grappe_errors():
        if name is None and hide is None and show is None:
            raise InvalidParameterError(
                Message("grappe exports correct needs --name, --hide or --show.")
            )
        if hide is not None and not (reason or "").strip():
            raise InvalidParameterError(
                Message("The '--hide' option of grappe exports correct needs --reason (why).")
            )
        if name is not None:
            check_option(name[1], "--name LANG", LANGUAGES, func=command)
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                who = _writer(session, token)
                summary = _stored_row(session, country)
                key = {"year": summary.year, "source": summary.source}
                stored = load_export_profile(session, summary.country, with_hidden=True, **key)
                if name is not None:
                    _check_product(stored, name[0], opportunity=False)
                    correct_product_name(session, who, summary.country, name[0], lang=name[1],
                                         name=name[2], **key)  # fmt: skip
                if hide is not None:
                    _check_product(stored, hide, opportunity=True)
                    hide_opportunity(session, who, summary.country, hide, reason=reason or "",
                                     **key)  # fmt: skip
                if show is not None and show not in stored.hidden:
                    raise NotFoundError(
                        Message("The opportunity {product!r} of {country} is not hidden.",
                                product=show, country=summary.country)
                    )  # fmt: skip
                if show is not None:
                    show_opportunity(session, who, summary.country, show, **key)
        finally:
            _dispose(sessions)
        console.print(tr("Corrected the export profile of {country} {year}.",
                         country=summary.country, year=summary.year), highlight=False)  # fmt: skip


def _publication(country: str, token: str | None, database: str | None, published: bool) -> None:
    from grappe.registry import session_scope
    from grappe.registry.export_profiles import publish_export_profile

    with grappe_errors():
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                who = _writer(session, token)
                summary = _stored_row(session, country)
                publish_export_profile(session, who, summary.country, published=published,
                                       year=summary.year, source=summary.source)  # fmt: skip
        finally:
            _dispose(sessions)
        done = (
            tr("Published the export profile of {country} {year}: /countries/{country}.",
               country=summary.country, year=summary.year)
            if published
            else tr("Withdrew the export profile of {country} {year}: only analysts see it.",
                    country=summary.country, year=summary.year)
        )  # fmt: skip
        console.print(done, highlight=False)


def publish_command(
    country: CountryArg, token: TokenOpt = None, database: DatabaseOpt = None
) -> None:
    """Publish a stored export profile (its page /countries/<iso3> is public)."""
    _publication(country, token, database, True)


def withdraw_command(
    country: CountryArg, token: TokenOpt = None, database: DatabaseOpt = None
) -> None:
    """Withdraw a published export profile (kept, seen by analysts only)."""
    _publication(country, token, database, False)
