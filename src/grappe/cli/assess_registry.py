"""``grappe assess store`` and ``grappe assess versions``: push answers to the registry and read
back the stored versions of a cluster's assessment, with the change since the previous one.

The scoring is the API's (:func:`grappe.registry.assessments.score_answers`) on the indicators
the other ``grappe assess`` commands read (a file, or the bundled CBP map), so a version stored
here equals the one ``POST /clusters/{id}/answers`` stores from the same answers and indicators.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from grappe.cli._common import (
    DecimalOpt,
    EncodingOpt,
    SepOpt,
    ThousandsOpt,
    console,
    grappe_errors,
    read_options,
)
from grappe.cli.assess import (
    ClusterOpt,
    IndicatorsOpt,
    RegionOpt,
    RelatedOpt,
    _indicators,
    _related,
    assess_group,
)
from grappe.cli.token import DatabaseOpt, _dispose, _sessions
from grappe.i18n import format_number, tr

WHO = "cli"

ClusterIdOpt = Annotated[
    str, typer.Option("--cluster-id", help="Registry cluster the answers are about (e.g. auto-mi).")
]


def _date(text: str | None, command: str) -> dt.date:
    from grappe.errors import InvalidParameterError

    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidParameterError(
            f"The '--date' parameter of {command} must be a date YYYY-MM-DD. Got {text!r} instead."
        ) from None


def store_command(
    cluster_id: ClusterIdOpt,
    questionnaire: Annotated[
        str, typer.Option("--questionnaire", help="diamond, quebec, danish or management.")
    ],
    answers: Annotated[Path, typer.Option("--answers", help="Answers file (YAML or CSV).")],
    region: RegionOpt,
    cluster: ClusterOpt,
    respondent: Annotated[
        str, typer.Option("--respondent", help="Who answered (pseudonym or panel).")
    ] = "cli",
    date: Annotated[
        str | None, typer.Option("--date", help="Date of the answers (default: today).")
    ] = None,
    indicators: IndicatorsOpt = None,
    related: RelatedOpt = "",
    database: DatabaseOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """Score an answers file (and the cluster's life cycle) and store answers and results as
    new versions of the cluster's assessment in the registry."""
    from grappe._validation import check_option
    from grappe.io.assess import bundled_questionnaires, read_answers, read_questionnaire
    from grappe.registry import session_scope
    from grappe.registry.assessments import score_answers, store_answers, store_assessment

    command = "grappe assess store"
    with grappe_errors():
        check_option(questionnaire, "--questionnaire", bundled_questionnaires(), func=command)
        when = _date(date, command)
        reading = read_options(encoding, sep, decimal, thousands)
        q = read_questionnaire(questionnaire)
        given = read_answers(answers, q, options=reading)  # checked before the long work
        frame, sources = _indicators(indicators, reading)
        results = score_answers(
            frame, region=region, cluster=cluster, questionnaire=q, answers=given,
            related=_related(related),
        )  # fmt: skip
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                answers_id = store_answers(
                    session, cluster_id, q, given, respondent=respondent, date=when, who=WHO
                )
                ids = [
                    store_assessment(
                        session,
                        cluster_id,
                        result,
                        date=when,
                        who=WHO,
                        classification=classification,
                        answers_id=answers_id,
                        inputs={**inputs, "sources": sources},
                    )  # fmt: skip
                    for result, classification, inputs in results
                ]
        finally:
            _dispose(sessions)
        console.print(tr("Stored answer set {id}.", id=answers_id), highlight=False)
        for (result, _c, _i), new in zip(results, ids, strict=True):
            kind = getattr(result, "method", None) or type(result).__name__.lower()
            console.print(tr("Stored {kind} version {id}.", kind=kind, id=new), highlight=False)


def _value(value: float) -> str:
    return "—" if math.isnan(value) else format_number(value, digits=2)


def versions_command(
    cluster_id: ClusterIdOpt,
    kind: Annotated[
        str, typer.Option("--kind", help="diamond, quebec, danish or lifecycle.")
    ] = "diamond",
    database: DatabaseOpt = None,
) -> None:
    """List the stored versions of one kind of result and what changed since the previous."""
    from grappe._validation import check_option
    from grappe.registry import session_scope
    from grappe.registry.assessments import KINDS, compare_assessments, list_assessments

    with grappe_errors():
        check_option(kind, "--kind", KINDS, func="grappe assess versions")
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                versions = list_assessments(session, cluster_id, kind=kind)
        finally:
            _dispose(sessions)
        if not versions:
            console.print(
                tr("No {kind} version stored for {cluster}.", kind=kind, cluster=cluster_id),
                highlight=False,
            )
            return
        table = Table(title=tr("{cluster}: {kind} versions", cluster=cluster_id, kind=kind))
        for col in (tr("id"), tr("date"), tr("by"), tr("result")):
            table.add_column(col)
        for v in versions:
            if kind == "lifecycle":
                text = v.result.stage  # type: ignore[union-attr]
            else:
                text = ", ".join(
                    f"{k} {_value(s.value)}"
                    for k, s in v.result.scores.items()  # type: ignore[union-attr]
                )
                if v.classification is not None:
                    text += "; " + tr("class {level}", level=v.classification.level)
            table.add_row(str(v.id), v.date.isoformat(), v.created_by, text)
        console.print(table)
        if len(versions) >= 2:
            cmp = compare_assessments(versions[-2], versions[-1])
            console.print(
                tr("Change from version {old} to {new}:", old=versions[-2].id, new=versions[-1].id),
                highlight=False,
            )
            for dim, (before, after, change) in cmp.scores.items():
                console.print(
                    f"  {dim}: {_value(before)} → {_value(after)} ({_value(change)})",
                    highlight=False,
                )
            for what, pair in ((tr("class"), cmp.level), (tr("stage"), cmp.stage)):
                if pair is not None:
                    console.print(f"  {what}: {pair[0]} → {pair[1]}", highlight=False)


def register(app: typer.Typer) -> None:  # noqa: ARG001 - the group is already on app
    """Add ``store`` and ``versions`` to the ``assess`` group (already on ``app``)."""
    assess_group.command("store")(store_command)
    assess_group.command("versions")(versions_command)
