"""``grappe exports cluster``: a cluster's internationalisation — which members export and where,
the exports KPI against its target, the global pipelines of its network, and the country's
export opportunities that fall in the cluster's industries.

Registered on the ``exports`` group of :mod:`grappe.cli.exports`. The analysis is
:func:`grappe.roadmap.internationalisation.cluster_internationalisation` (from files) or
:func:`grappe.registry.internationalisation.registry_internationalisation` (from the registry);
the country's products come from :func:`grappe.cli.exports.load_profile` (``--trade``) or, with
``--database`` and no ``--trade``, from the country's stored export profile
(:func:`grappe.registry.cluster_exports.cluster_country_exports`); the cluster's HS4 headings
from :func:`grappe.complexity.exports_clusters.products_of_clusters`, ``--products`` or the
cluster's own (``clusters.export_products``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from grappe.cli._common import EncodingOpt, SepOpt, console, err_console, grappe_errors
from grappe.cli.exports import exports_group
from grappe.cli.kpi_records import ActivitiesOpt, EventsOpt, FiguresOpt, TiesOpt
from grappe.cli.token import DatabaseOpt, _dispose, _sessions
from grappe.i18n import Message, current_language, format_number, tr, translate

__all__ = ["cluster_command", "register"]

#: What ``--format csv`` writes (``--records``) and ``json`` holds.
RECORD_KINDS = ("statements", "exporters", "markets", "pipelines", "opportunities", "advantages")


def _records_options(encoding: str | None, sep: str | None) -> Any:
    from grappe.cli._common import read_options

    return read_options(encoding, sep, ".", None)


def _cluster_products(
    definitions: str | None, industry_clusters: list[str], products: str | None
) -> list[str] | None:
    """The HS4 headings of the cluster: those of ``--industry-cluster`` in ``--definitions``
    (through the HS → NAICS concordance) and those listed in ``--products``."""
    from grappe.errors import InvalidParameterError

    if bool(definitions) != bool(industry_clusters):
        raise InvalidParameterError(
            Message(
                "--definitions and --industry-cluster go together: the cluster codes of the "
                "definitions whose products are the cluster's."
            )
        )
    chosen: list[str] = []
    if definitions:
        from grappe.complexity.exports_clusters import products_of_clusters
        from grappe.io import load_definitions
        from grappe.io.concordance import load_concordance

        defs = load_definitions(definitions)
        by_cluster = products_of_clusters(load_concordance("NAICS2017-6"), defs)
        known = sorted(set(defs.data["cluster"].astype(str)))
        for code in industry_clusters:
            if code not in known:
                raise InvalidParameterError(
                    Message(
                        "No cluster {code!r} in the definitions {name!r}; their codes: {codes}.",
                        code=code,
                        name=definitions,
                        codes=", ".join(known[:60]),
                    )
                )
            chosen += [c for c in by_cluster.get(code, ()) if c not in chosen]
    from grappe.io.hs_headings import parse_headings  # the parser of the registry's headings

    chosen += [c for c in parse_headings(products, field="--products") if c not in chosen]
    return chosen if (definitions or products) else None


def _stored_country(
    session: Any, cluster: str, country: str | None, products: list[str] | None
) -> Any:
    """The country's stored profile in the cluster's headings (those of --definitions and
    --products when given, else the cluster's own); unpublished profiles too (the command acts
    as the database's administrator), hidden opportunities never."""
    from grappe.registry.cluster_exports import cluster_country_exports

    return cluster_country_exports(
        session, cluster, country=country, products=products, published_only=False
    )


def _print_stored(found: Any, lang: str) -> None:
    """Where the country's products come from: the stored profile, the headings and how many
    opportunities it keeps."""
    from grappe.io.trade import country_name

    if found.profile is not None:
        from grappe.cli.exports_headings import headings_origin

        how = headings_origin(found)
        err_console.print(
            tr(
                "Stored export profile of {name} ({country}, {year}); the cluster's {n} HS "
                "headings {how}; its opportunities among the {among} first stored.",
                name=country_name(found.country, lang),
                country=found.country,
                year=found.profile.profile.year,
                n=len(found.products or ()),
                how=how,
                among=found.stored_opportunities,
            ),
            markup=False,
            highlight=False,
        )
    for note in found.missing:
        err_console.print("• " + translate(note, lang), markup=False, highlight=False)


def _print_table(result: Any, lang: str) -> None:
    from grappe.vocabulary import country_name

    title = tr(
        "Internationalisation of {cluster} in {period}",
        cluster=result.cluster or "—",
        period=result.period,
    )
    table = Table(title=title, title_justify="left")
    for label in (tr("topic"), tr("statement"), tr("source")):
        table.add_column(label)
    for s in result.statements:
        table.add_row(s.topic, escape(translate(s.text, lang)), s.source)  # codes, as in JSON
    console.print(table)
    if result.markets:
        markets = Table(title=tr("Markets of the members' exports"), title_justify="left")
        for label, justify in ((tr("country"), "left"), (tr("members"), "right"),
                               (tr("exports"), "right"), (tr("share"), "right")):  # fmt: skip
            markets.add_column(label, justify=justify)  # type: ignore[arg-type]
        for m in result.markets:
            markets.add_row(
                f"{m.country} {country_name(m.country, lang)}",
                str(len(m.members)),
                format_number(m.exports) + (f" (+{m.without_share} ?)" if m.without_share else ""),
                "—" if m.share is None else format_number(100 * m.share, digits=1) + " %",
            )
        console.print(markets)
    if result.advantages:
        adv = Table(
            title=tr("Products of the cluster's industries exported with an advantage"),
            title_justify="left",
        )
        for label in (tr("HS"), tr("product"), tr("share"), tr("RCA"), tr("PCI")):
            adv.add_column(label)
        for p in result.advantages:
            adv.add_row(
                p.code,
                escape(p.names.get(lang) or p.names.get("en") or p.product),
                "—" if p.share is None else format_number(100 * p.share, digits=2) + " %",
                format_number(p.rca, digits=2),
                format_number(p.pci, digits=2),
            )
        console.print(adv)
    if result.opportunities:
        opp = Table(title=tr("Opportunities in the cluster's industries"), title_justify="left")
        for label in ("#", tr("HS"), tr("product"), tr("density"), tr("PCI"), tr("score")):
            opp.add_column(label)
        for p in result.opportunities:
            opp.add_row(
                str(p.rank),
                p.code,
                escape(p.names.get(lang) or p.names.get("en") or p.product),
                format_number(p.density, digits=2),
                format_number(p.pci, digits=2),
                format_number(p.score, digits=2),
            )
        console.print(opp)
    for note in result.missing:
        err_console.print("• " + translate(note, lang), markup=False, highlight=False)


def cluster_command(
    cluster: Annotated[str, typer.Argument(help="The cluster: its registry id, or a name.")],
    period: Annotated[str, typer.Option(help="2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31.")],
    previous: Annotated[
        str | None, typer.Option(help="A period to compare the exports with, e.g. 2023.")
    ] = None,
    events: EventsOpt = None,
    figures: FiguresOpt = None,
    activities: ActivitiesOpt = None,
    ties: TiesOpt = None,
    kpis: Annotated[
        Path | None,
        typer.Option("--kpis", help="Typed KPIs (kpi,period,value[,target]): the exports target."),
    ] = None,
    network_actors: Annotated[
        Path | None,
        typer.Option("--network-actors", help="Network actors (id,sphere,level[,member,country])."),
    ] = None,
    network_ties: Annotated[
        Path | None, typer.Option("--network-ties", help="Network ties (source,target,type).")
    ] = None,
    local_level: Annotated[
        list[str] | None,
        typer.Option(
            "--local-level",
            help="Network level inside the cluster (repeatable; default: local).",
        ),
    ] = None,
    database: DatabaseOpt = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            help="ISO3 code of the country in --trade (with --database: default the country "
            "of the cluster's regions).",
        ),
    ] = None,
    trade: Annotated[
        Path | None,
        typer.Option(
            "--trade",
            help="Trade matrix (wide or long), with --country; with --database and without "
            "it, the country's stored export profile is read.",
        ),
    ] = None,
    definitions: Annotated[
        str | None,
        typer.Option("--definitions", help="Cluster definitions (e.g. us-benchmark)."),
    ] = None,
    industry_cluster: Annotated[
        list[str] | None,
        typer.Option("--industry-cluster", help="Cluster code in --definitions (repeatable)."),
    ] = None,
    products: Annotated[
        str | None, typer.Option("--products", help="HS4 headings of the cluster: 0804,2009.")
    ] = None,
    among: Annotated[
        int, typer.Option("--among", help="Opportunities of the country to look through.")
    ] = 300,
    lang: Annotated[str | None, typer.Option("--lang", help="fr, ar or en.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    records_kind: Annotated[
        str, typer.Option("--records", help="With --format csv: " + ", ".join(RECORD_KINDS))
    ] = "statements",
    output: Annotated[Path | None, typer.Option("--output", help="Write here.")] = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
) -> None:
    """A cluster's internationalisation: members that export and their markets, the exports
    KPI against its target, external ties (global pipelines), and the country's export
    opportunities in the cluster's industries. From record files or the registry (--database).

    Example: grappe exports cluster biskra-dates --period 2024 --previous 2023 --events
    events.csv --figures figures.csv --country DZA --trade trade.csv.gz --definitions
    us-benchmark --industry-cluster 18 --products 0804
    """
    from grappe._validation import check_number, check_option
    from grappe.errors import InvalidParameterError
    from grappe.vocabulary import LANGUAGES

    paths = {k: p for k, p in (("events", events), ("figures", figures),
             ("activities", activities), ("ties", ties)) if p is not None}  # fmt: skip
    with grappe_errors():
        lang = check_option(lang or current_language(), "--lang", LANGUAGES, func="exports cluster")
        check_option(output_format, "--format", ("table", "json", "csv"), func="exports cluster")
        check_option(records_kind, "--records", RECORD_KINDS, func="exports cluster")
        check_number(among, "--among", func="exports cluster", low=1, integer=True)
        if (database is None) == (not paths):
            raise InvalidParameterError(
                Message(
                    "grappe exports cluster reads record files (--events, --figures…) or the "
                    "registry (--database), one of the two."
                )
            )
        if bool(country) != bool(trade) and database is None:
            raise InvalidParameterError(
                Message("--country and --trade go together: the country's trade matrix.")
            )
        if trade and not country:
            raise InvalidParameterError(
                Message("--country and --trade go together: the country's trade matrix.")
            )
        if bool(network_actors) != bool(network_ties):
            raise InvalidParameterError(Message("--network-actors and --network-ties go together."))
        if output is not None:
            from grappe.io.output import check_output

            check_output(output)
        in_cluster = _cluster_products(definitions, list(industry_cluster or []), products)
        opportunities: Any = ()
        advantages: Any = ()
        if country and trade:
            from grappe.cli.exports import load_profile

            profile = load_profile(country, trade, opportunities=among)
            opportunities, advantages = profile.opportunities, profile.products
            country = profile.country
        stored: Any = None
        options = _records_options(encoding, sep)
        common = {
            "previous": previous,
            "local_levels": tuple(local_level or ("local",)),
            "country": country,
            "cluster_products": in_cluster,
            "opportunities": opportunities,
            "advantages": advantages,
        }
        if database is None:
            from grappe.io.assess import read_kpis
            from grappe.io.member_records import read_records
            from grappe.roadmap.internationalisation import cluster_internationalisation

            network = None
            if network_actors and network_ties:
                from grappe.io.network import read_network

                network = read_network(network_actors, network_ties, directed=False)
            typed = read_kpis(kpis, options=options).to_dict("records") if kpis else []
            result = cluster_internationalisation(
                read_records(paths, options=options),
                period=period,
                cluster=cluster,
                typed_kpis=typed,
                network=network,
                **common,
            )
        else:
            from grappe.registry.database import session_scope
            from grappe.registry.internationalisation import registry_internationalisation

            sessions = _sessions(database)
            try:
                with session_scope(sessions) as session:
                    if trade is None:  # the country's stored profile (--trade wins)
                        stored = _stored_country(session, cluster, country, in_cluster)
                        common.update(stored.internationalisation_options())
                    result = registry_internationalisation(session, cluster, period, **common)
            finally:
                _dispose(sessions)
    if output_format == "table":
        if stored is not None:
            _print_stored(stored, lang)
        _print_table(result, lang)
        return
    if output_format == "json":
        body = {
            "cluster": result.cluster,
            "period": result.period,
            "members": result.members,
            "total_exports": result.total_exports,
            "currency": result.currency,
            "exports_kpi": dict(vars(result.exports_kpi)),
            "missing": [translate(m, lang) for m in result.missing],
            **{kind: result.to_records(kind=kind) for kind in RECORD_KINDS},
        }
        if stored is not None:
            from grappe.registry.cluster_exports import headings_record

            body["stored_profile"] = {
                **headings_record(stored),
                "missing": [translate(m, lang) for m in stored.missing],
            }
        for row, s in zip(body["statements"], result.statements, strict=True):
            row["statement"] = translate(s.text, lang)
        text = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    else:
        import pandas as pd

        rows = result.to_records(kind=records_kind)
        if records_kind == "statements":
            for row, s in zip(rows, result.statements, strict=True):
                row["statement"] = translate(s.text, lang)
        text = pd.DataFrame(rows).to_csv(index=False)
    if output is None:
        typer.echo(text, nl=False)
        return
    from grappe.io.output import write_text

    write_text(text, output)
    err_console.print(tr("Wrote {path}", path=output), markup=False, highlight=False)


def register(app: typer.Typer) -> None:  # noqa: ARG001 - the group is added by grappe.cli.exports
    """Add ``cluster`` to the ``exports`` group."""
    exports_group.command("cluster")(cluster_command)
