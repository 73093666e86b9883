"""``grappe programme`` — cluster programmes as data: the presets, a cluster's eligibility with its
evidence, the label rule's decision, the evaluation calendar, statistically identified candidates.

Thin: each command reads its files (:mod:`grappe.io.programmes`), calls one function of
:mod:`grappe.programmes` and prints. The registry commands (``enrol``, ``evaluate``…) are added
to the same group by :mod:`grappe.cli.programme_registry` when it exists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from grappe.cli._common import console, err_console, grappe_errors
from grappe.cli.token import DatabaseOpt, _dispose, _sessions
from grappe.errors import InvalidParameterError
from grappe.i18n import Message, current_language, format_number, tr, translate

if TYPE_CHECKING:
    import pandas as pd

    from grappe.programmes import CriterionResult, Programme

programme_group = typer.Typer(
    name="programme",
    no_args_is_help=True,
    help="Cluster programmes: presets, eligibility, label decisions, calendars, candidates.",
)

FORMATS: tuple[str, ...] = ("table", "json", "csv")

ProgrammeArg = Annotated[
    str,
    typer.Argument(help="A preset's key (see 'grappe programme list') or a programme YAML file."),
]
FormatOpt = Annotated[
    str, typer.Option("--format", help="table, json or csv (default: table).")
]  # fmt: skip
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of the programme's texts: fr, ar, en (default: the language of grappe).",
    ),
]
FactsOpt = Annotated[
    Path | None,
    typer.Option(
        "--facts",
        help="The cluster's facts: YAML/JSON 'metric: value', or a table metric,value[,source].",
    ),
]
ManagementOpt = Annotated[
    Path | None,
    typer.Option(
        "--management",
        help="Answers to the 'management' questionnaire (management_fte, sme_share… as facts).",
    ),
]
DanishOpt = Annotated[
    Path | None,
    typer.Option(
        "--danish",
        help="Answers to the 'danish' questionnaire (the four criteria's scores as facts).",
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``programme`` group to ``app``."""
    app.add_typer(programme_group)


def _check_format(output_format: str, command: str) -> None:
    if output_format not in FORMATS:
        raise InvalidParameterError(
            Message(
                "The '--format' option of {command} must be one of 'table', 'json', 'csv'. "
                "Got {value!r} instead.",
                command=command,
                value=output_format,
            )
        )


def _language(lang: str | None, command: str) -> str:
    from grappe._validation import check_option
    from grappe.vocabulary import LANGUAGES

    return check_option(lang or current_language(), "--lang", LANGUAGES, func=command)


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _print_frame(frame: pd.DataFrame, output_format: str, title: str) -> None:
    if output_format == "json":
        _print_json(json.loads(frame.to_json(orient="records", force_ascii=False)))
    elif output_format == "csv":
        typer.echo(frame.to_csv(index=False), nl=False)
    else:
        table = Table(title=title)
        headings = _headings()
        for column in frame.columns:
            table.add_column(headings.get(str(column), str(column)))
        for row in frame.itertuples(index=False):
            table.add_row(*(escape(_cell(v, c)) for c, v in zip(frame.columns, row, strict=True)))
        console.print(table)


def _headings() -> dict[str, str]:
    """Column headings of the tables, in the run's language."""
    return {
        "key": tr("key"),
        "name": tr("name"),
        "country": tr("country"),
        "levels": tr("levels"),
        "every_months": tr("every (months)"),
        "level": tr("level"),
        "criterion": tr("criterion"),
        "value": tr("value"),
        "source": tr("source"),
        "met": tr("met"),
        "assumed": tr("assumed"),
        "reason": tr("reason"),
        "evaluation": tr("evaluation"),
        "date": tr("date"),
        "metric": tr("metric"),
        "unit": tr("unit"),
        "meaning": tr("meaning"),
    }


def _word(word: str) -> str:
    """A label action or status (:data:`~grappe.vocabulary.LABEL_ACTIONS`, ``LABEL_STATUSES``)
    in the run's language."""
    words = {
        "award": tr("award"),
        "keep": tr("keep"),
        "raise": tr("raise"),
        "lower": tr("lower"),
        "suspend": tr("suspend"),
        "withdraw": tr("withdraw"),
        "reinstate": tr("reinstate"),
        "refuse": tr("refuse"),
        "expire": tr("expire"),
        "applied": tr("applied"),
        "awarded": tr("awarded"),
        "renewed": tr("renewed"),
        "refused": tr("refused"),
        "suspended": tr("suspended"),
        "withdrawn": tr("withdrawn"),
        "expired": tr("expired"),
    }
    return words.get(word, word)


def _cell(value: Any, column: str = "") -> str:
    if column == "year" and value == value:
        return str(int(value))
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, float | int):
        # as many decimals as the value has (0.45 FTE is not 0), up to three
        digits = next((d for d in range(4) if round(value, d) == value), 3)
        return format_number(value, digits=digits)
    return str(value)


def _gather_facts(
    facts: Path | None, management: Path | None, danish: Path | None, command: str
) -> dict[str, Any]:
    """The facts of the files given: questionnaire answers first, the facts file over them."""
    from grappe.io.assess import read_answers, read_questionnaire
    from grappe.io.programmes import read_facts
    from grappe.programmes import questionnaire_facts

    if facts is None and management is None and danish is None:
        raise InvalidParameterError(
            Message(
                "{command} needs the cluster's facts: '--facts', '--management' or '--danish'. "
                "Got none of them instead.",
                command=command,
            )
        )
    gathered: dict[str, Any] = {}
    for name, path in (("management", management), ("danish", danish)):
        if path is not None:
            questionnaire = read_questionnaire(name)
            gathered |= questionnaire_facts(questionnaire, read_answers(path, questionnaire))
    if facts is not None:
        gathered |= read_facts(facts)
    return gathered


def _results_frame(results: tuple[CriterionResult, ...]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            "level": [r.level or "" for r in results],
            "criterion": [str(r.criterion) for r in results],
            "value": [r.value for r in results],
            "source": [r.source or "" for r in results],
            "met": [r.ok for r in results],
            "assumed": [bool(getattr(r.criterion, "assumed", False)) for r in results],
            "reason": ["" if r.reason is None else translate(r.reason) for r in results],
        }
    )


@programme_group.command("list")
def programme_list(lang: LangOpt = None, output_format: FormatOpt = "table") -> None:
    """List the bundled programmes: key, name, country, levels and evaluation calendar."""
    import pandas as pd

    from grappe.io.programmes import list_presets, load_programme

    with grappe_errors():
        _check_format(output_format, "grappe programme list")
        language = _language(lang, "grappe programme list")
        programmes = [load_programme(key) for key in list_presets()]
    frame = pd.DataFrame(
        {
            "key": [p.key for p in programmes],
            "name": [p.name(language) for p in programmes],
            "country": [p.country or "—" for p in programmes],
            "levels": [", ".join(lv.key for lv in p.levels) for p in programmes],
            "every_months": [p.evaluation.every_months for p in programmes],
        }
    )
    _print_frame(frame, output_format, tr("Programmes"))


@programme_group.command("metrics")
def programme_metrics(output_format: FormatOpt = "table") -> None:
    """List the metrics a programme's criteria may name, with their unit, meaning and usual
    source (a programme file may declare more under 'metrics:')."""
    import pandas as pd

    from grappe.programmes import PROGRAMME_METRICS

    with grappe_errors():
        _check_format(output_format, "grappe programme metrics")
    frame = pd.DataFrame(
        {
            "metric": [m.name for m in PROGRAMME_METRICS],
            "unit": [m.unit for m in PROGRAMME_METRICS],
            "meaning": [m.meaning for m in PROGRAMME_METRICS],
            "source": [m.source for m in PROGRAMME_METRICS],
        }
    )
    _print_frame(frame, output_format, tr("Metrics of programme criteria"))


def _criteria_lines(criteria: tuple[Any, ...]) -> list[str]:
    lines = []
    for c in criteria:
        how = tr("assumed") if getattr(c, "assumed", False) else tr("read from the sources")
        note = getattr(c, "note", None)
        lines.append(f"  • {c}  ({how}{': ' + note if note else ''})")
    return lines or ["  " + tr("none")]


def _show_text(p: Programme, language: str) -> list[str]:
    from grappe.programmes import in_language

    lines = [f"{p.name(language)}  [{p.key}]"]
    if p.country:
        lines.append(tr("Country: {country}", country=p.country))
    if p.description(language):
        lines += ["", p.description(language)]
    lines += ["", tr("Eligibility:"), *_criteria_lines(p.eligibility)]
    if p.statistical:
        lines += ["", tr("Statistical criteria (cells of a cluster map):")]
        lines += _criteria_lines(p.statistical)
    if p.admission:
        lines += ["", tr("Admission:")]
        for i, step in enumerate(p.admission, start=1):
            who = in_language(step.decided_by, language)
            role = (
                " " + tr("(recorded in grappe by the role {role})", role=step.role)
                if step.role
                else ""
            )
            lines.append(
                f"  {i}. {in_language(step.names, language)}" + (f" — {who}" if who else "") + role
            )
    if p.levels:
        lines += ["", tr("Label levels (lowest first):")]
        for level in p.levels:
            validity = (
                tr("valid {years} years", years=format_number(level.validity_years))
                if level.validity_years
                else tr("no fixed validity")
            )
            lines.append(f"  {level.rank}. {in_language(level.names, language)} [{level.key}], "
                         f"{validity}")  # fmt: skip
            lines += ["  " + line for line in _criteria_lines(level.criteria)]
    every = p.evaluation.every_months
    lines += [
        "",
        tr("Evaluation: every {months} months", months=every)
        if every
        else tr("Evaluation: no calendar"),
        tr(
            "After failed evaluations in a row: {rule}",
            rule=", ".join(_word(action) for action in p.evaluation.on_fail) or _word("withdraw"),
        ),
    ]
    if p.indicators:
        lines.append(tr("Indicators reported: {names}", names=", ".join(p.indicators)))
    if p.funding:
        lines += ["", tr("Funding:")]
        lines += [f"  • {key}: {value}" for key, value in p.funding.items()]
    lines += ["", tr("Sources:")]
    for source in p.sources:
        extra = " ".join(part for part in (source.url, source.note) if part)
        lines.append(f"  • {source.title}" + (f" — {extra}" if extra else ""))
    return lines


@programme_group.command("show")
def programme_show(
    programme: ProgrammeArg, lang: LangOpt = None, output_format: FormatOpt = "table"
) -> None:
    """Show a programme: eligibility, admission, label levels, calendar, funding and sources,
    each threshold marked as read from the sources or assumed."""
    from grappe.io.programmes import load_programme
    from grappe.programmes import programme_to_dict

    with grappe_errors():
        _check_format(output_format, "grappe programme show")
        language = _language(lang, "grappe programme show")
        p = load_programme(programme)
    if output_format == "table":
        console.print(escape("\n".join(_show_text(p, language))), highlight=False)
    else:
        _print_json(programme_to_dict(p))


@programme_group.command("check")
def programme_check(
    programme: ProgrammeArg,
    facts: FactsOpt = None,
    management: ManagementOpt = None,
    danish: DanishOpt = None,
    output_format: FormatOpt = "table",
) -> None:
    """Check a cluster's eligibility with the evidence of each criterion (exit code 2 when the
    cluster is not eligible)."""
    from grappe.io.programmes import load_programme
    from grappe.programmes import check_eligibility

    with grappe_errors():
        _check_format(output_format, "grappe programme check")
        p = load_programme(programme)
        gathered = _gather_facts(facts, management, danish, "grappe programme check")
        check = check_eligibility(p, gathered)
    frame = _results_frame(check.results).drop(columns="level")
    if output_format == "json":
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        _print_json({"programme": p.key, "eligible": check.eligible, "results": records})
    else:
        if output_format == "table":  # the reasons below the table, which they would widen
            frame = frame.drop(columns="reason")
        _print_frame(frame, output_format, tr("Eligibility for {name}", name=p.name()))
        if output_format == "table":
            verdict = tr("Eligible.") if check.eligible else tr("Not eligible.")
            console.print(escape(verdict), highlight=False)
            for reason in check.reasons:
                console.print(escape(f"  • {translate(reason)}"), highlight=False)
    if not check.eligible:
        raise typer.Exit(code=2)


@programme_group.command("decide")
def programme_decide(
    programme: ProgrammeArg,
    facts: FactsOpt = None,
    management: ManagementOpt = None,
    danish: DanishOpt = None,
    previous_status: Annotated[
        str | None,
        typer.Option(
            "--previous-status",
            help="Status before this evaluation: applied, awarded, renewed, refused, suspended, "
            "withdrawn or expired (none: a first application).",
        ),
    ] = None,
    previous_level: Annotated[
        str | None, typer.Option("--previous-level", help="Level held before this evaluation.")
    ] = None,
    failures: Annotated[
        int, typer.Option("--failures", help="Failed evaluations in a row before this one.")
    ] = 0,
    output_format: FormatOpt = "table",
) -> None:
    """The programme's label decision on a cluster's facts: award, keep, raise, lower,
    suspend, withdraw, reinstate or refuse, with the reasons and every criterion's value."""
    from grappe.io.programmes import load_programme
    from grappe.programmes import LabelState, decide_label

    with grappe_errors():
        _check_format(output_format, "grappe programme decide")
        p = load_programme(programme)
        previous = (
            None
            if previous_status is None
            else LabelState(previous_status, previous_level, failures)
        )
        gathered = _gather_facts(facts, management, danish, "grappe programme decide")
        decision = decide_label(p, previous, gathered)
    frame = _results_frame(decision.results)
    state = decision.state
    reasons = [translate(reason) for reason in decision.reasons]
    if output_format == "json":
        _print_json(
            {
                "programme": p.key,
                "action": decision.action,
                "status": state.status,
                "level": state.level,
                "failures": state.failures,
                "reasons": reasons,
                "results": json.loads(frame.to_json(orient="records", force_ascii=False)),
            }
        )
        return
    if output_format == "table":
        console.print(
            escape(
                tr(
                    "Decision: {action} — status {status}, level {level}, failures in a row "
                    "{failures}",
                    action=_word(decision.action),
                    status=_word(state.status),
                    level=state.level or "—",
                    failures=state.failures,
                )
            ),
            highlight=False,
        )
        for reason in reasons:
            console.print(escape(f"  • {reason}"), highlight=False)
        frame = frame.drop(columns="reason")  # printed above
    _print_frame(frame, output_format, tr("Criteria of {name}", name=p.name()))


@programme_group.command("schedule")
def programme_schedule(
    programme: ProgrammeArg,
    start: Annotated[str, typer.Option("--start", help="Date of the award (YYYY-MM-DD).")],
    until: Annotated[str, typer.Option("--until", help="Last date considered (YYYY-MM-DD).")],
    output_format: FormatOpt = "table",
) -> None:
    """The evaluation dates of a programme's calendar between two dates."""
    import datetime as dt

    import pandas as pd

    from grappe.io.programmes import load_programme
    from grappe.programmes import evaluation_dates

    with grappe_errors():
        _check_format(output_format, "grappe programme schedule")
        days = {}
        for option, text in (("--start", start), ("--until", until)):
            try:
                days[option] = dt.date.fromisoformat(text)
            except ValueError:
                raise InvalidParameterError(
                    Message(
                        "The '{option}' option of grappe programme schedule must be a date "
                        "YYYY-MM-DD. Got {value!r} instead.",
                        option=option,
                        value=text,
                    )
                ) from None
        p = load_programme(programme)
        dates = evaluation_dates(p, start=days["--start"], until=days["--until"])
    if not dates and output_format == "table":
        err_console.print(
            escape(tr("The programme {key} has no evaluation calendar.", key=p.key))
            if p.evaluation.every_months is None
            else escape(tr("No evaluation falls in this period.")),
            highlight=False,
        )
        return
    frame = pd.DataFrame({"evaluation": range(1, len(dates) + 1),
                          "date": [d.isoformat() for d in dates]})  # fmt: skip
    _print_frame(frame, output_format, tr("Evaluations of {name}", name=p.name()))


@programme_group.command("candidates")
def programme_candidates(
    programme: ProgrammeArg,
    map_path: Annotated[
        Path | None,
        typer.Option("--map", help="A 'grappe map' output (Parquet, CSV): region × cluster cells."),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="Without --map: the stored map's year (default: latest)."),
    ] = None,
    definitions: Annotated[
        str | None,
        typer.Option("--definitions", help="Without --map: the stored map's definitions set."),
    ] = None,
    database: DatabaseOpt = None,
    output_format: FormatOpt = "table",
) -> None:
    """The region × cluster cells of a cluster map that meet the programme's statistical
    criteria (statistically identified clusters, Catalan or US style); without --map, the map
    the registry stores."""
    from grappe.io.programmes import load_programme, read_map_cells
    from grappe.programmes import statistical_candidates

    with grappe_errors():
        _check_format(output_format, "grappe programme candidates")
        p = load_programme(programme)
        if map_path is not None:
            cells = statistical_candidates(p, read_map_cells(map_path), file=str(map_path))
        else:
            cells = _stored_candidates(p, database, year=year, definitions=definitions)
    _print_frame(cells, output_format, tr("Candidates for {name}", name=p.name()))
    if output_format == "table":
        err_console.print(
            escape(tr("{count} cells meet every criterion.", count=format_number(len(cells)))),
            highlight=False,
        )


def _stored_candidates(p, database, *, year, definitions):  # type: ignore[no-untyped-def]
    """The candidates of the registry's stored map (:mod:`grappe.registry.programme_candidates`)."""
    from grappe.errors import NotFoundError
    from grappe.registry import session_scope
    from grappe.registry.programme_candidates import stored_candidates

    sessions = _sessions(database)
    try:
        with session_scope(sessions) as session:
            found = stored_candidates(session, p, definitions=definitions, year=year)
    finally:
        _dispose(sessions)
    if found is None:
        raise NotFoundError(
            "The registry stores no cluster map: give --map, or run grappe observatory first."
        )
    err_console.print(
        escape(tr("Stored map {definitions}, {year}.", definitions=found.definitions,
                  year=found.year)),
        highlight=False,
    )  # fmt: skip
    return found.table
