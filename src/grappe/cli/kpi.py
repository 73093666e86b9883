"""``grappe kpi`` — the KPIs of a cluster over time: members counted from join/leave events, the
evaluation of a period against its targets, the check of a label's criteria."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from grappe.cli._common import (
    DecimalOpt,
    DuplicatesOpt,
    EncodingOpt,
    SepOpt,
    ThousandsOpt,
    console,
    duplicates_policy,
    err_console,
    grappe_errors,
    read_options,
)
from grappe.i18n import Message, format_number, tr

kpi_group = typer.Typer(
    name="kpi", no_args_is_help=True, help="KPIs over time, evaluation per period, label checks."
)


@kpi_group.command("members")
def kpi_members(
    path: Annotated[
        Path, typer.Argument(help="Member events (CSV/XLSX): actor,kind,date[,sector]")
    ],
    period: Annotated[str, typer.Option(help="2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31.")],
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
) -> None:
    """Count the members KPIs of a period from join/leave events: members at its end, and the
    new members who joined during it."""
    from grappe.io.assess import read_member_events
    from grappe.roadmap import member_counts, parse_period

    with grappe_errors():
        chosen = parse_period(period)
        events = read_member_events(path, options=read_options(encoding, sep, ".", None))
        counts = member_counts(events, chosen)
    console.print(
        tr(
            "{period}: members {members}, new_members {new_members}",
            period=chosen.text,
            members=counts["members"],
            new_members=counts["new_members"],
        )
    )


@kpi_group.command("evaluate")
def kpi_evaluate(
    path: Annotated[Path, typer.Argument(help="KPI table (CSV/XLSX): kpi,period,value,target")],
    period: Annotated[str | None, typer.Option(help="Period evaluated (default: last).")] = None,
    label: Annotated[
        Path | None, typer.Option("--label", help="Label YAML to check at this evaluation.")
    ] = None,
    on: Annotated[str | None, typer.Option(help="Date of the label check (YYYY-MM-DD).")] = None,
    management: Annotated[
        Path | None,
        typer.Option(help="Answers to the 'management' questionnaire (facts for the label)."),
    ] = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
    store: Annotated[
        bool,
        typer.Option(help="Also store the evaluation (and label check) in the registry."),
    ] = False,
    cluster: Annotated[
        str | None, typer.Option("--cluster", help="Registry cluster id of the stored evaluation.")
    ] = None,
    database: Annotated[
        str | None,
        typer.Option("--database", help="SQLAlchemy URL of the registry (default: settings)."),
    ] = None,
) -> None:
    """Evaluate the KPIs of a period against their targets; check a label's criteria.

    With ``--store --cluster ID`` the evaluation is stored as a dated version of the cluster
    (the date of ``--on``, else today), with its KPI table and label check, as
    ``POST /api/v1/clusters/{id}/evaluations/kpis`` stores it.
    """
    import datetime as dt

    from grappe.assess import answer_facts
    from grappe.errors import InvalidParameterError
    from grappe.io.assess import read_answers, read_kpis, read_label, read_questionnaire
    from grappe.roadmap import check_label, evaluate_kpis

    with grappe_errors():
        reading = read_options(encoding, sep, decimal, thousands)
        kpis = read_kpis(
            path,
            options=reading,
            duplicates=duplicates_policy(duplicates, command="grappe kpi evaluate"),
        )
        period = period or sorted(kpis["period"].unique())[-1]
        extra = None
        if management is not None:
            q = read_questionnaire("management")
            extra = answer_facts(q, read_answers(management, q, options=reading))
        # every input is read and checked before anything is printed
        try:
            when = dt.date.fromisoformat(on) if on else None
        except ValueError as exc:
            raise InvalidParameterError(
                Message(
                    "The '--on' parameter of grappe kpi evaluate must be a date YYYY-MM-DD. "
                    "Got {value!r} instead.",
                    value=on,
                )
            ) from exc
        if store and not cluster:
            raise InvalidParameterError(
                Message(
                    "The '--store' parameter of grappe kpi evaluate needs '--cluster', the "
                    "registry cluster the evaluation belongs to. Got no --cluster instead."
                )
            )
        the_label = read_label(label) if label is not None else None
        ev = evaluate_kpis(kpis, period=period, extra=extra)
        check = check_label(the_label, ev, on=when) if the_label is not None else None
        if store:
            number = _store_evaluation(database, str(cluster), ev, check, when)
            err_console.print(
                tr(
                    "Stored evaluation {number} of cluster {cluster!r}",
                    number=number,
                    cluster=cluster,
                )
            )
        console.print(tr("[bold]Evaluation {period}[/]", period=ev.period), highlight=False)
        console.print(_kpi_table(ev.table))
        if check is not None:
            lab = check.label
            if check.holds:
                console.print(
                    tr(
                        "Label {name} ({level}): [green]still met[/]",
                        name=lab.name,
                        level=lab.level,
                    )
                )
            else:
                console.print(
                    tr("Label {name} ({level}): [red]not met[/]", name=lab.name, level=lab.level)
                )
                for reason in check.reasons:
                    console.print(f"  - {reason}", highlight=False)
                raise typer.Exit(code=2)


def _kpi_table(frame: Any) -> Table:
    """The evaluation table of ``grappe kpi evaluate`` in the user's language and numbers."""
    headers = {
        "kpi": tr("KPI"),
        "value": tr("value"),
        "previous": tr("previous"),
        "change": tr("change"),
        "target": tr("target"),
        "direction": tr("direction"),
        "met": tr("met"),
    }
    import numbers

    import pandas as pd

    table = Table()
    for name in frame.columns:
        table.add_column(headers.get(name, str(name)))
    for row in frame.itertuples(index=False):
        cells = []
        for name, value in zip(frame.columns, row, strict=True):
            if name == "met":
                missing = value is None or value is pd.NA or value != value
                cells.append("–" if missing else tr("yes") if value else tr("no"))
            elif isinstance(value, numbers.Real) and not isinstance(value, bool):
                whole = value != value or float(value).is_integer()
                cells.append(format_number(value, digits=0 if whole else 2))
            else:
                cells.append(str(value))
        table.add_row(*cells)
    return table


def _store_evaluation(database: str | None, cluster: str, ev: Any, check: Any, when: Any) -> int:
    """Store an evaluation (and its label check) in the registry; its id."""
    import datetime as dt

    from grappe.cli.token import _dispose, _sessions
    from grappe.registry.database import session_scope
    from grappe.registry.evaluations import store_evaluation

    sessions = _sessions(database)
    try:
        with session_scope(sessions) as session:
            return store_evaluation(
                session, cluster, ev, date=when or dt.datetime.now(dt.UTC).date(),
                label_check=check, who="grappe kpi evaluate",
            )  # fmt: skip
    finally:
        _dispose(sessions)
