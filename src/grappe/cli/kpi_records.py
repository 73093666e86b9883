"""``grappe kpi from-records`` and ``grappe kpi load-records``: the standard KPIs of a period
computed from a cluster's records (member events, member figures, activities, dated ties), read
from files or from the registry, and the records loaded from files into the registry.

The computation is :func:`grappe.roadmap.records.kpis_from_records`, the one the API's
``GET /clusters/{id}/kpis/records`` and the workspace's KPI page use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from grappe.cli._common import (
    EncodingOpt,
    SepOpt,
    console,
    err_console,
    grappe_errors,
    read_options,
)
from grappe.cli.kpi import kpi_group
from grappe.cli.token import DatabaseOpt, _dispose, _sessions
from grappe.i18n import Message, format_number, tr

__all__ = ["from_records_command", "load_records_command", "register"]

EventsOpt = Annotated[
    Path | None,
    typer.Option(
        "--events",
        help="Member events (CSV/XLSX): actor,kind,date[,sector,"
        "activity_code,activity,sphere,region].",
    ),
]
FiguresOpt = Annotated[
    Path | None,
    typer.Option(
        "--figures",
        help="Member figures: actor,period[,jobs,exports,currency,founded,markets] "
        "(markets: FR:40;DE:25;AE).",
    ),
]
ActivitiesOpt = Annotated[
    Path | None,
    typer.Option("--activities", help="Activities: kind,date[,title,participants,members]."),
]
TiesOpt = Annotated[
    Path | None, typer.Option("--ties", help="Dated ties: source,target[,type,since,until].")
]
ClusterOpt = Annotated[
    str | None, typer.Option("--cluster", help="Registry cluster id (with --database).")
]


def _files(**paths: Path | None) -> dict[str, Path]:
    return {kind: path for kind, path in paths.items() if path is not None}


def _value(value: float | None, unit: str | None = None) -> str:
    if value is None:
        return "—"
    text = format_number(value)
    return f"{text} {unit}" if unit else text


def _print(result: Any, typed: list[dict[str, Any]] | None) -> None:
    previous = result.previous
    console.print(
        tr("[bold]KPIs of {period} from records[/]", period=result.period.text), highlight=False
    )
    table = Table()
    table.add_column(tr("KPI"))
    table.add_column(tr("value"), justify="right")
    if previous is not None:
        table.add_column(previous.period.text, justify="right")
        table.add_column(tr("change"), justify="right")
    table.add_column(tr("records counted"), justify="right")
    if typed is not None:
        table.add_column(tr("typed"), justify="right")
    by_name = {row["kpi"]: row for row in typed or []}
    for name, kpi in result.kpis.items():
        cells = [name, _value(kpi.value, kpi.unit)]
        if previous is not None:
            cells += [_value(previous.value(name)), _value(result.change(name))]
        left_out = tr(" ({number} left out)", number=kpi.left_out) if kpi.left_out else ""
        cells.append(f"{kpi.counted}{left_out}")
        if typed is not None:
            row = by_name[name]
            flag = tr(" [red]≠ records[/]") if row["disagrees"] else ""
            cells.append(_value(row["typed"]) + flag)
        table.add_row(*cells)
    console.print(table)
    for name, counts in result.breakdowns.items():
        if counts:
            parts = ", ".join(f"{key} {number}" for key, number in counts.items())
            console.print(f"{name}: {parts}", highlight=False)


def from_records_command(
    period: Annotated[str, typer.Option(help="2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31.")],
    previous: Annotated[
        str | None, typer.Option(help="A period to compare with, e.g. 2023.")
    ] = None,
    events: EventsOpt = None,
    figures: FiguresOpt = None,
    activities: ActivitiesOpt = None,
    ties: TiesOpt = None,
    database: DatabaseOpt = None,
    cluster: ClusterOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
) -> None:
    """The standard KPIs of a period computed from records: members, new members, jobs,
    exports, firms created, partnerships and trainings, each with the records counted, and the
    new members and partnerships broken down by activity, sector, sphere and region.

    From files (--events, --figures, --activities, --ties) or from the registry (--database
    and --cluster; the values typed by hand are shown beside, flagged when they disagree).

    Example: grappe kpi from-records --period 2024 --previous 2023 --events events.csv
    --figures figures.csv --activities activities.csv --ties ties.csv
    """
    from grappe.errors import InvalidParameterError

    paths = _files(events=events, figures=figures, activities=activities, ties=ties)
    with grappe_errors():
        if cluster is None and not paths:
            raise InvalidParameterError(
                Message(
                    "grappe kpi from-records needs record files (--events, --figures, "
                    "--activities, --ties) or a registry cluster (--cluster, with --database)."
                )
            )
        if cluster is not None and paths:
            raise InvalidParameterError(
                Message(
                    "grappe kpi from-records reads files or a registry cluster, not both: drop "
                    "--cluster or the file options."
                )
            )
        if cluster is None:
            from grappe.io.member_records import read_records
            from grappe.roadmap.records import kpis_from_records

            records = read_records(paths, options=read_options(encoding, sep, ".", None))
            result = kpis_from_records(records, period=period, previous=previous)
            typed = None
        else:
            from grappe.registry.database import session_scope
            from grappe.registry.member_records import compare_with_typed, records_kpis

            sessions = _sessions(database)
            try:
                with session_scope(sessions) as session:
                    result = records_kpis(session, cluster, period, previous=previous)
                    typed = compare_with_typed(session, cluster, result)
            finally:
                _dispose(sessions)
    _print(result, typed)


def load_records_command(
    cluster: Annotated[str, typer.Option("--cluster", help="Registry cluster id.")],
    events: EventsOpt = None,
    figures: FiguresOpt = None,
    activities: ActivitiesOpt = None,
    ties: TiesOpt = None,
    database: DatabaseOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
) -> None:
    """Load record files into a registry cluster: every member event, figure and activity is
    checked and audited as if typed in the workspace; a tie's dates are set on the cluster's tie
    of the same ends and type (created when missing). All or nothing.

    Example: grappe kpi load-records --cluster biskra-dates --database sqlite:///obs.sqlite
    --events events.csv --figures figures.csv
    """
    from grappe.errors import InvalidParameterError
    from grappe.io.member_records import read_records
    from grappe.registry.database import session_scope
    from grappe.registry.permissions import Access  # the CLI holds the database itself
    from grappe.registry.record_imports import load_records

    paths = _files(events=events, figures=figures, activities=activities, ties=ties)
    with grappe_errors():
        if not paths:
            raise InvalidParameterError(
                Message(
                    "grappe kpi load-records needs record files: --events, --figures, --activities "
                    "or --ties."
                )
            )
        records = read_records(paths, options=read_options(encoding, sep, ".", None))
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                loaded = load_records(
                    session, Access.local("grappe kpi load-records"), cluster, records
                )
        finally:
            _dispose(sessions)
    err_console.print(
        tr(
            "Loaded into {cluster!r}: {events} events, {figures} figures, {activities} activities, "
            "{ties} tie dates ({new} new ties)",
            cluster=cluster,
            events=loaded.events,
            figures=loaded.figures,
            activities=loaded.activities,
            ties=loaded.ties,
            new=loaded.new_ties,
        )
    )


def register(app: typer.Typer) -> None:  # noqa: ARG001 - the group is already on app
    """Add ``from-records`` and ``load-records`` to the ``kpi`` group (already on ``app``)."""
    kpi_group.command("from-records")(from_records_command)
    kpi_group.command("load-records")(load_records_command)
