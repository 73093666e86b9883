"""``grappe programme enrol|evaluate|decisions|correct|due --database …``: apply a programme in
the registry (:mod:`grappe.registry.programme_enrolments`).

``evaluate`` and ``correct`` act as the local administrator of the database file, or, with
``--token`` (or ``GRAPPE_TOKEN``), as that API token's role: then only the role of the
programme's deciding admission step (or an admin) may decide, as in the API and the web
(:mod:`grappe.registry.programme_deciders`). ``due`` first stores the expiry of every label
whose validity ran out (:func:`grappe.registry.programme_expiry.expire_labels`).

``evaluate`` gathers the facts from the cluster's records on the date
(:func:`grappe.registry.programme_facts.gather_facts`), applies ``--set metric=value``
corrections (recorded with source ``typed``), lets the programme's rule decide, stores the
decision and prints it with its evidence. The same functions serve ``POST
/api/v1/enrolments/{id}/evaluations`` and the workspace's evaluation form.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.table import Table

from grappe.cli._common import console, grappe_errors
from grappe.cli.programme import programme_group
from grappe.cli.token import DatabaseOpt, TokenOpt, _dispose, _sessions, token_access
from grappe.i18n import tr, translate

WHO = "cli"

EnrolmentOpt = Annotated[int, typer.Argument(help="Id of the enrolment (grappe programme due).")]


def _who(session, token: str | None):  # type: ignore[no-untyped-def]
    """The caller: the API token's access, or the local admin that holds the database."""
    return token_access(session, token, local=WHO)


def _date(text: str | None, option: str, command: str) -> dt.date:
    from grappe.errors import InvalidParameterError

    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidParameterError(
            f"The '{option}' parameter of {command} must be a date YYYY-MM-DD. "
            f"Got {text!r} instead."
        ) from None


def _settings(
    values: list[str] | None, command: str, *, option: str = "--set"
) -> dict[str, float | None]:
    """``--set metric=value`` options as typed facts (an empty value: the fact is unknown)."""
    from grappe.errors import InvalidParameterError

    out: dict[str, float | None] = {}
    for item in values or ():
        metric, sep, text = item.partition("=")
        try:
            value = None if not text.strip() else float(text.replace(",", "."))
        except ValueError:
            value = float("nan")
        if not sep or not metric.strip() or (value is not None and value != value):
            raise InvalidParameterError(
                f"The '{option}' parameter of {command} must read metric=number, e.g. "
                f"members=32. Got {item!r} instead."
            )
        out[metric.strip()] = value
    return out


def enrol_command(
    cluster_id: Annotated[str, typer.Argument(help="Registry cluster id (e.g. auto-mi).")],
    programme: Annotated[str, typer.Argument(help="Programme key (grappe programme list).")],
    joined: Annotated[
        str | None, typer.Option("--joined", help="Date of the application (default: today).")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note on the application.")] = None,
    database: DatabaseOpt = None,
) -> None:
    """Enrol a cluster in a programme (status applied) and print its eligibility today."""
    from grappe.registry import session_scope
    from grappe.registry.permissions import Access
    from grappe.registry.programme_catalogue import find_programme
    from grappe.registry.programme_enrolments import check_enrolment, enrol_cluster

    command = "grappe programme enrol"
    with grappe_errors():
        when = _date(joined, "--joined", command)
        found = find_programme(programme)
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                stored = enrol_cluster(session, Access.local(WHO), cluster_id, found,
                                       joined=when, note=note)  # fmt: skip
                check, gathered = check_enrolment(session, stored.id, on=when)
        finally:
            _dispose(sessions)
        console.print(tr("Enrolment {id}: {cluster} applied for {programme}.", id=stored.id,
                         cluster=cluster_id, programme=programme), highlight=False)  # fmt: skip
        _print_results(check.results, tr("Eligibility"))
        if gathered.missing:
            console.print(tr("Missing facts: {metrics}", metrics=", ".join(gathered.missing)),
                          highlight=False)  # fmt: skip


def _print_results(results, title: str) -> None:  # type: ignore[no-untyped-def]
    table = Table(title=title)
    for col in (tr("criterion"), tr("value"), tr("source"), tr("met")):
        table.add_column(col)
    for r in results:
        c = r["metric"] if isinstance(r, dict) else r.criterion.metric
        crit = f"{c} {r['op']} {r['threshold']:g}" if isinstance(r, dict) else str(r.criterion)
        value = r["value"] if isinstance(r, dict) else r.value
        source = r["source"] if isinstance(r, dict) else r.source
        ok = r["ok"] if isinstance(r, dict) else r.ok
        table.add_row(crit, "—" if value is None else f"{value:g}", source or "—",
                      tr("yes") if ok else tr("no"))  # fmt: skip
    console.print(table)


def evaluate_command(
    enrolment: EnrolmentOpt,
    on: Annotated[
        str | None, typer.Option("--on", help="Date of the evaluation (default: today).")
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", help="Period the facts describe (e.g. 2024).")
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Correct a fact: metric=value (repeat the option)."),
    ] = None,
    action: Annotated[
        str | None, typer.Option("--action", help="Override the rule's action (with --reason).")
    ] = None,
    level: Annotated[
        str | None, typer.Option("--level", help="Level of an award, raise or lower override.")
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why the override.")] = None,
    token: TokenOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Evaluate an enrolment on the facts of the cluster's records and apply the decision."""
    from grappe.registry import session_scope
    from grappe.registry.programme_enrolments import load_enrolment, record_evaluation
    from grappe.registry.programme_facts import gather_facts

    command = "grappe programme evaluate"
    with grappe_errors():
        when = _date(on, "--on", command)
        typed = _settings(set_, command)
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                stored = load_enrolment(session, enrolment)
                facts = {**gather_facts(session, stored.cluster_id, on=when).facts, **typed}
                decision = record_evaluation(
                    session, _who(session, token), enrolment, facts, on=when, period=period,
                    action=action, level=level, reason=reason,
                )  # fmt: skip
        finally:
            _dispose(sessions)
        _print_results(decision.results, tr("Evaluation of {date}", date=when.isoformat()))
        console.print(
            tr("Decision {id}: {action} (the rule: {rule}); status {status}, level {level}.",
               id=decision.id, action=decision.action, rule=decision.rule_action,
               status=decision.state.status, level=decision.state.level or "—"),
            highlight=False,
        )  # fmt: skip


def decisions_command(enrolment: EnrolmentOpt, database: DatabaseOpt = None) -> None:
    """List the decisions of an enrolment: date, action (and the rule's), status, who, why."""
    from grappe.registry import session_scope
    from grappe.registry.programme_enrolments import list_decisions

    with grappe_errors():
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                rows = list_decisions(session, enrolment)
        finally:
            _dispose(sessions)
        table = Table(title=tr("Decisions of enrolment {id}", id=enrolment))
        for col in (tr("id"), tr("date"), tr("period"), tr("action"), tr("rule"), tr("status"),
                    tr("level"), tr("by"), tr("why")):  # fmt: skip
            table.add_column(col)
        for d in rows:
            why = d.reason or "; ".join(translate(r) for r in d.rule_reasons) or "—"
            if d.updated_by:
                why += " " + tr("(corrected by {who})", who=d.updated_by)
            table.add_row(str(d.id), d.date.isoformat(), d.period or "—", d.action,
                          d.rule_action, d.state.status, d.state.level or "—", d.decided_by,
                          why)  # fmt: skip
        console.print(table)


def due_command(
    today: Annotated[
        str | None, typer.Option("--today", help="Reference date (default: today).")
    ] = None,
    within: Annotated[
        int, typer.Option("--within", help="Days ahead an evaluation is announced.")
    ] = 30,
    token: TokenOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Store the labels expired by the date, then list the evaluations due within --within
    days, and the overdue ones."""
    from grappe.registry import session_scope
    from grappe.registry.programme_expiry import expire_labels
    from grappe.registry.programme_reminders import due_evaluations

    with grappe_errors():
        when = _date(today, "--today", "grappe programme due")
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                expired = expire_labels(session, _who(session, token), today=when)
                rows = due_evaluations(session, today=when, within_days=within)
        finally:
            _dispose(sessions)
        for d in expired:
            console.print(tr("Enrolment {id}: the label expired on {date} (decision {decision}).",
                             id=d.enrolment_id, date=d.date.isoformat(), decision=d.id),
                          highlight=False)  # fmt: skip
        if not rows:
            console.print(tr("No evaluation due."), highlight=False)
            return
        table = Table(title=tr("Evaluations due"))
        for col in (tr("enrolment"), tr("cluster"), tr("programme"), tr("date"), tr("days")):
            table.add_column(col)
        for d in rows:
            days = tr("{n} days late", n=-d.days) if d.overdue else str(d.days)
            table.add_row(str(d.enrolment_id), d.cluster_id, d.programme, d.date.isoformat(), days)
        console.print(table)


def correct_command(
    decision: Annotated[
        int, typer.Argument(help="Id of the decision (grappe programme decisions).")
    ],
    reason: Annotated[str, typer.Option("--reason", help="Why the correction (required).")],
    action: Annotated[
        str | None, typer.Option("--action", help="The action that should have been taken.")
    ] = None,
    level: Annotated[
        str | None, typer.Option("--level", help="Level of an award, raise or lower.")
    ] = None,
    on: Annotated[str | None, typer.Option("--date", help="The right date, YYYY-MM-DD.")] = None,
    fact: Annotated[
        list[str] | None,
        typer.Option("--fact", help="A corrected fact: metric=value (repeat the option)."),
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", help="The period the facts describe.")
    ] = None,
    token: TokenOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Correct a decision (a wrong fact, date or override) with a reason; the original stays
    in the audit log and the next evaluation starts from the corrected state."""
    from grappe.registry import session_scope
    from grappe.registry.programme_corrections import correct_decision

    command = "grappe programme correct"
    with grappe_errors():
        when = None if on is None else _date(on, "--date", command)
        facts = _settings(fact, command, option="--fact")
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                fixed = correct_decision(
                    session, _who(session, token), decision, reason=reason, period=period,
                    action=action, level=level, date=when, facts=facts or None,
                )  # fmt: skip
        finally:
            _dispose(sessions)
        _print_results(fixed.results, tr("Decision {id} corrected", id=fixed.id))
        console.print(
            tr("Decision {id}: {action} (the rule: {rule}); status {status}, level {level}.",
               id=fixed.id, action=fixed.action, rule=fixed.rule_action,
               status=fixed.state.status, level=fixed.state.level or "—"),
            highlight=False,
        )  # fmt: skip


def register(app: typer.Typer) -> None:  # noqa: ARG001 - the group is already on app
    """Add ``enrol``, ``evaluate``, ``decisions``, ``correct`` and ``due`` to the ``programme``
    group."""
    programme_group.command("enrol")(enrol_command)
    programme_group.command("evaluate")(evaluate_command)
    programme_group.command("decisions")(decisions_command)
    programme_group.command("correct")(correct_command)
    programme_group.command("due")(due_command)
