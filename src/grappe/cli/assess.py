"""``grappe assess``, ``roadmap``, ``match`` and ``report`` — qualify a cluster, run its roadmap,
match firms and write the diagnostic report (``kpi`` lives in :mod:`grappe.cli.kpi`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from grappe.cli._common import (
    DecimalOpt,
    EncodingOpt,
    SepOpt,
    ThousandsOpt,
    console,
    err_console,
    grappe_errors,
    read_options,
)
from grappe.cli.kpi import kpi_group
from grappe.i18n import Message, current_language, format_number, tr, translate
from grappe.vocabulary import LANGUAGES

assess_group = typer.Typer(
    name="assess",
    no_args_is_help=True,
    help="Qualify a cluster: questionnaires, diamond, success factors, life cycle.",
)
roadmap_group = typer.Typer(
    name="roadmap",
    no_args_is_help=True,
    help="A cluster's roadmap: four phases, deliverables, actions.",
)

LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang", help="Language of the questions: fr, ar, en (default: the language of grappe)."
    ),
]
IndicatorsOpt = Annotated[
    Path | None,
    typer.Option(
        "--indicators",
        help="ClusterMap.indicators as CSV/Parquet (default: map the "
        "bundled CBP state file with us-benchmark).",
    ),
]
RegionOpt = Annotated[str, typer.Option("--region", help="Region code (e.g. FIPS 26).")]
ClusterOpt = Annotated[str, typer.Option("--cluster", help="Cluster code (e.g. 4).")]
RelatedOpt = Annotated[
    str, typer.Option("--related", help="Related cluster codes, comma-separated.")
]
AnswersOpt = Annotated[
    Path | None, typer.Option("--answers", help="Answers file (YAML id: answer, or CSV).")
]


def register(app: typer.Typer) -> None:
    """Add ``assess``, ``roadmap``, ``kpi`` (groups) and ``match``, ``report`` (commands)."""
    app.add_typer(assess_group)
    app.add_typer(roadmap_group)
    app.add_typer(kpi_group)
    app.command("match")(match_command)
    app.command("report")(report_command)


def _spinner(label: str) -> Progress:
    bar = Progress(
        SpinnerColumn(), TextColumn(label), TimeElapsedColumn(), console=err_console, transient=True
    )
    bar.add_task(label, total=None)
    return bar


def _lang(lang: str | None, func: str) -> str:
    from grappe._validation import check_option

    return check_option(lang or current_language(), "--lang", LANGUAGES, func=func)


def _indicators(path: Path | None, reading: Any = None) -> tuple[Any, list[str]]:
    """ClusterMap.indicators from a file, or mapped from the bundled CBP state table."""
    if path is not None:
        from grappe.io.assess import read_indicators

        return read_indicators(path, options=reading), [str(path)]
    from grappe.io import BUNDLED_US_SOURCES, bundled_us_map

    with _spinner(tr("Mapping the bundled CBP state table")):
        cmap = bundled_us_map()
    return cmap.indicators, list(BUNDLED_US_SOURCES)


def _related_clusters(region: str) -> Any:
    """``grappe related`` for ``region`` on the bundled CBP table (its latest year)."""
    from grappe.complexity import related_table
    from grappe.io import (
        BUNDLED_US_YEARS,
        bundled_cbp_state_path,
        load_definitions,
        read_regional_table,
    )

    with _spinner(tr("Ranking the related clusters")):
        year = max(BUNDLED_US_YEARS)
        table = read_regional_table(bundled_cbp_state_path(), source="cbp", years=[year])
        return related_table(table, region, definitions=load_definitions("us-benchmark"))


def _related(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _evidence_value(value: Any) -> str:
    """An evidence value as the tables write numbers (4 significant digits, the user's locale);
    answers (text, yes/no) as given."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{value!s:.10}"
    from grappe.formats import format_number as number

    return number(float(value), current_language(), significant=4)


def _score_table(title: str, scores: Any) -> Table:
    table = Table(title=title)
    for col in (tr("dimension"), tr("score"), tr("evidence (value → points)"), tr("rule")):
        table.add_column(col)
    for dim, s in scores.items():
        ev = "\n".join(f"{e.name} = {_evidence_value(e.value)} → {e.points:g}" for e in s.evidence)
        score = "—" if not s.known else format_number(s.value, digits=2)
        table.add_row(dim, score, ev or "—", translate(s.rule))
    return table


@assess_group.command("questionnaire")
def questionnaire_command(
    name: Annotated[str, typer.Argument(help="diamond, quebec, danish, management or a path.")],
    lang: LangOpt = None,
    answers: AnswersOpt = None,
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Ask each question in turn.")
    ] = False,
    save: Annotated[
        Path | None, typer.Option("--save", help="Write the answers given to this YAML file.")
    ] = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """Print a questionnaire, check an answers file, or answer it interactively."""
    import yaml

    from grappe.assess import answer_points, validate_answers
    from grappe.io.assess import read_answers, read_questionnaire

    with grappe_errors():
        lang = _lang(lang, "grappe assess questionnaire")
        q = read_questionnaire(name)
        if answers is None and not interactive:
            console.print(f"[bold]{q.title[lang]}[/]")
            for question in q.questions:
                extra = {
                    "likert": "1–5",
                    "yes_no": tr("yes/no"),
                    "number": tr("number ({unit})", unit=question.unit or ""),
                    "choice": "/".join(c.value for c in question.choices),
                }[question.type]
                opt = "" if question.required else " " + tr("(optional)")
                console.print(
                    f"{question.id} [{question.dimension}] {question.text[lang]} — {extra}{opt}",
                    highlight=False,
                    markup=False,
                )
            return
        if answers is not None:
            given = read_answers(
                answers, q, options=read_options(encoding, sep, decimal, thousands)
            )
        else:
            raw = {}
            for question in q.questions:
                hint = {
                    "likert": "1-5",
                    "yes_no": "yes/no",
                    "number": question.unit or "",
                    "choice": "/".join(c.value for c in question.choices),
                }[question.type]
                value = typer.prompt(
                    f"{question.id} {question.text[lang]} [{hint}]",
                    default="" if not question.required else None,
                    show_default=False,
                )
                raw[question.id] = value
            given = validate_answers(q, raw, file="<prompt>")
        table = Table(title=tr("{name}: answers scored on 1–5", name=q.name))
        for col in (tr("question"), tr("dimension"), tr("answer"), tr("points"), tr("rule")):
            table.add_column(col)
        for dim, qid, value, points, rule in answer_points(q, given):
            table.add_row(qid, dim, str(value), f"{points:g}", translate(rule))
        console.print(table)
        if save is not None:
            from grappe.io.output import write_text

            write_text(yaml.safe_dump(given, allow_unicode=True, sort_keys=False), save)
            err_console.print(tr("Wrote {path}", path=save), markup=False, highlight=False)


@assess_group.command("diamond")
def diamond_command(
    region: RegionOpt,
    cluster: ClusterOpt,
    indicators: IndicatorsOpt = None,
    related: RelatedOpt = "",
    answers: AnswersOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """Score Porter's diamond of a cluster, with the evidence of every score."""
    from grappe.assess import cluster_evidence, diamond
    from grappe.io.assess import read_answers, read_questionnaire

    with grappe_errors():
        reading = read_options(encoding, sep, decimal, thousands)
        df, _ = _indicators(indicators, reading)
        ev = cluster_evidence(df, region=region, cluster=cluster, related=_related(related))
        q = read_questionnaire("diamond") if answers else None
        given = read_answers(answers, q, options=reading) if answers and q else None
        result = diamond(ev, questionnaire=q, answers=given)
        console.print(_score_table(tr("Porter's diamond (1–5)"), result.scores))


@assess_group.command("factors")
def factors_command(
    region: RegionOpt,
    cluster: ClusterOpt,
    indicators: IndicatorsOpt = None,
    method: Annotated[str, typer.Option("--method", help="quebec or danish.")] = "quebec",
    answers: AnswersOpt = None,
    national: Annotated[float, typer.Option(help="Mean score of a national cluster.")] = 3.75,
    regional: Annotated[float, typer.Option(help="Mean score of a regional cluster.")] = 3.0,
    potential: Annotated[float, typer.Option(help="Mean score of a potential cluster.")] = 2.25,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """Score the success factors (Quebec or Danish) and classify the cluster."""
    from grappe.assess import classify, cluster_evidence, success_factors
    from grappe.io.assess import read_answers, read_questionnaire

    with grappe_errors():
        from grappe._validation import check_option
        from grappe.errors import InvalidParameterError

        command = "grappe assess factors"
        check_option(method, "--method", ("quebec", "danish"), func=command)
        if not national >= regional >= potential:
            raise InvalidParameterError(
                Message(
                    "The '--national', '--regional' and '--potential' parameters of {command} "
                    "must be decreasing thresholds. Got {national}, {regional}, {potential} "
                    "instead.",
                    command=command,
                    national=national,
                    regional=regional,
                    potential=potential,
                )
            )
        reading = read_options(encoding, sep, decimal, thousands)
        df, _ = _indicators(indicators, reading)
        ev = cluster_evidence(df, region=region, cluster=cluster)
        q = read_questionnaire(method) if answers else None
        given = read_answers(answers, q, options=reading) if answers and q else None
        sf = success_factors(ev, method=method, questionnaire=q, answers=given)
        console.print(_score_table(tr("Success factors ({method})", method=method), sf.scores))
        c = classify(sf, national=national, regional=regional, potential=potential)
        console.print(
            _classification_line(c.level, format_number(c.overall, digits=2), c.rule),
            highlight=False,
        )


def _classification_line(level: str, mean: str, rule: str) -> str:
    """The classification in the user's language: one sentence per level, so that the level's
    name is translated with it (a bare "national" is a table heading elsewhere)."""
    values = {"mean": mean, "rule": rule}
    lines = {
        "national": Message("Classification: [bold]national[/] (mean {mean}); {rule}", **values),
        "regional": Message("Classification: [bold]regional[/] (mean {mean}); {rule}", **values),
        "potential": Message("Classification: [bold]potential[/] (mean {mean}); {rule}", **values),
        "none": Message("Classification: [bold]none[/] (mean {mean}); {rule}", **values),
    }
    default = Message(
        "Classification: [bold]{level}[/] (mean {mean}); {rule}", level=level, **values
    )
    return translate(lines.get(level, default))


@assess_group.command("lifecycle")
def lifecycle_command(
    region: RegionOpt,
    cluster: ClusterOpt,
    indicators: IndicatorsOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """Life-cycle stage of a cluster from its employment series (rule in docs/assess.md)."""
    from grappe.assess import lifecycle_series, lifecycle_stage

    with grappe_errors():
        df, _ = _indicators(indicators, read_options(encoding, sep, decimal, thousands))
        result = lifecycle_stage(lifecycle_series(df, region=region, cluster=cluster))
        console.print(
            tr(
                "Stage: [bold]{stage}[/]\nRule: {rule}",
                stage=Message(result.stage),  # the stage's name in the user's language
                rule=result.rule,
            ),
            highlight=False,
        )
        for e in result.evidence:
            console.print(f"  {e.name} = {e.value} ({e.threshold})", highlight=False)


@roadmap_group.command("show")
def roadmap_show(
    path: Annotated[Path, typer.Argument(help="Roadmap YAML file.")],
    lang: LangOpt = None,
) -> None:
    """Validate a roadmap file and show its phases, deliverables, actions and budget."""
    from grappe.io.assess import read_roadmap
    from grappe.roadmap import PHASES

    with grappe_errors():
        lang = _lang(lang, "grappe roadmap show")
        rm = read_roadmap(path)
        console.print(
            tr("[bold]{cluster}[/] — mode {mode}", cluster=rm.cluster, mode=rm.mode),
            highlight=False,
        )
        summary = rm.summary()
        for p in PHASES:
            console.print(f"\n[bold]{p.number}. {p.names[lang]}[/]", highlight=False)
            for key, names in p.deliverables.items():
                console.print(
                    f"  • {names[lang]}: {rm.deliverables.get(key, '—')}", highlight=False
                )
            table = Table(show_header=True)
            for col in (
                tr("id"),
                tr("title"),
                tr("owner"),
                tr("budget"),
                tr("dates"),
                tr("status"),
                tr("milestones"),
            ):
                table.add_column(col)
            for a in rm.actions:
                if a.phase == p.key:
                    done = sum(m.done for m in a.milestones)
                    table.add_row(
                        a.id,
                        a.title,
                        a.owner,
                        f"{format_number(a.budget)} {a.currency}",
                        f"{a.start} → {a.end}",
                        a.status,
                        f"{done}/{len(a.milestones)}",
                    )
            if table.row_count:
                console.print(table)
        console.print(summary.to_string(index=False))


@roadmap_group.command("store")
def roadmap_store(
    path: Annotated[Path, typer.Argument(help="Roadmap YAML file.")],
    cluster: Annotated[str, typer.Option("--cluster", help="Registry id of the cluster.")],
    database: Annotated[
        str | None,
        typer.Option("--database", help="SQLAlchemy URL of the registry (default: settings)."),
    ] = None,
) -> None:
    """Validate a roadmap file and store it as the cluster's roadmap in the registry (audited).

    The file is checked by the one roadmap parser (the same as ``grappe roadmap show`` and
    ``PUT /api/v1/clusters/{id}/roadmap``) and replaces the stored roadmap; storing the same
    roadmap again changes nothing.
    """
    from grappe.cli.token import _dispose, _sessions
    from grappe.io.assess import read_roadmap
    from grappe.registry.database import session_scope
    from grappe.registry.roadmaps import load_roadmap, store_roadmap

    with grappe_errors():
        roadmap = read_roadmap(path)
        sessions = _sessions(database)
        try:
            with session_scope(sessions) as session:
                before = load_roadmap(session, cluster)
                store_roadmap(session, cluster, roadmap, who="grappe roadmap store")
        finally:
            _dispose(sessions)
    count = len(roadmap.actions)
    if before == roadmap:
        text = tr("Roadmap of {cluster} unchanged: {count} actions", cluster=cluster, count=count)
    elif before:
        text = tr("Roadmap of {cluster} replaced: {count} actions", cluster=cluster, count=count)
    else:
        text = tr("Roadmap of {cluster} stored: {count} actions", cluster=cluster, count=count)
    console.print(text, highlight=False)


def match_command(
    needs: Annotated[Path, typer.Argument(help="Needs CSV (large firms).")],
    capabilities: Annotated[Path, typer.Argument(help="Capabilities CSV (SMEs).")],
    max_km: Annotated[float | None, typer.Option(help="Drop pairs farther apart (km).")] = None,
    require_certifications: Annotated[
        bool, typer.Option(help="Drop SMEs missing a required certification.")
    ] = False,
    same_cluster: Annotated[bool, typer.Option(help="Keep pairs in the same cluster.")] = False,
    top: Annotated[int | None, typer.Option(help="Best matches kept per need.")] = 3,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write CSV.")] = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    store: Annotated[
        bool, typer.Option(help="Also store the run in the registry (--database, --cluster).")
    ] = False,
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            help="SQLAlchemy URL of the registry for --store (default: GRAPPE_DATABASE_URL, "
            "else sqlite:///grappe-observatory.sqlite).",
        ),
    ] = None,
    cluster: Annotated[
        str | None, typer.Option("--cluster", help="Registry cluster id of the stored run.")
    ] = None,
) -> None:
    """Match large firms' needs with SMEs' capabilities, with the reasons of each score."""
    from grappe.io.assess import read_capabilities, read_needs
    from grappe.io.output import check_output, write_frame
    from grappe.matchmaking import match

    with grappe_errors():
        if output is not None:  # a bad destination is refused before the computation
            check_output(output)
        reading = read_options(encoding, sep, decimal, thousands)
        from grappe._validation import check_number

        if max_km is not None:
            check_number(max_km, "--max-km", func="grappe match", low=0)
        if top is not None:
            check_number(top, "--top", func="grappe match", low=1, integer=True)
        if store and not cluster:
            from grappe.errors import InvalidParameterError

            raise InvalidParameterError(
                Message(
                    "The '--store' parameter of grappe match needs '--cluster', the registry "
                    "cluster the run belongs to. Got no --cluster instead."
                )
            )
        need_table = read_needs(needs, options=reading)
        capability_table = read_capabilities(capabilities, options=reading)
        parameters: dict[str, Any] = {
            "max_km": max_km,
            "certifications": "require" if require_certifications else "penalty",
            "same_cluster_only": same_cluster,
            "top": top,
        }
        result = match(need_table, capability_table, **parameters)
        if store:
            run_id = _store_run(
                database, str(cluster), result, parameters, len(need_table), len(capability_table)
            )
            err_console.print(
                tr("Stored match run {run} of cluster {cluster!r}", run=run_id, cluster=cluster)
            )
        if output is not None:
            write_frame(result, output)
            err_console.print(tr("Wrote {path}", path=output), markup=False, highlight=False)
            return
        table = Table(title=tr("Matches"))
        for col in (tr("need"), tr("rank"), tr("SME"), tr("score"), tr("why")):
            table.add_column(col)
        for r in result.itertuples(index=False):
            table.add_row(
                str(r.need_id),
                str(r.rank),
                f"{r.name} ({r.firm_id})",
                format_number(r.score, digits=3),
                translate(r.explanation),
            )
        console.print(table)


def _store_run(
    database: str | None,
    cluster: str,
    result: Any,
    parameters: dict[str, Any],
    needs: int,
    capabilities: int,
) -> int:
    """Store a run of ``grappe match`` in the registry; return its id."""
    from grappe.registry import connect, session_scope
    from grappe.registry.matchmaking import store_run
    from grappe.registry.permissions import Access
    from grappe.service.settings import Settings

    overrides = {"database_url": database} if database else {}
    sessions = connect(Settings.from_env(None, **overrides).database_url)
    try:
        with session_scope(sessions) as session:
            run = store_run(
                session, cluster, result, parameters=parameters, needs=needs,
                capabilities=capabilities, who=Access.local("grappe match"),
            )  # fmt: skip
            return run.id
    finally:
        sessions.kw["bind"].dispose()


def _stored_programmes(database: str | None, cluster_id: str, keys: list[str]) -> Any:
    """The programme statuses of registry cluster ``cluster_id`` from its stored enrolments and
    decisions, every programme or those of ``keys``
    (:func:`grappe.registry.reports.stored_programme_statuses`), as the workspace's report
    jobs take them."""
    from grappe.registry import connect, session_scope
    from grappe.registry.reports import stored_programme_statuses
    from grappe.service.settings import Settings

    overrides = {"database_url": database} if database else {}
    sessions = connect(Settings.from_env(None, **overrides).database_url)
    try:
        with session_scope(sessions) as session:
            return stored_programme_statuses(session, cluster_id, programmes=keys)
    finally:
        sessions.kw["bind"].dispose()


def report_command(
    region: RegionOpt,
    cluster: ClusterOpt,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the reports.")],
    indicators: IndicatorsOpt = None,
    related: RelatedOpt = "",
    lang: Annotated[
        list[str] | None, typer.Option("--lang", help=f"{', '.join(LANGUAGES)} (repeat).")
    ] = None,
    pdf: Annotated[bool, typer.Option(help="Also write PDF (needs grappe[report]).")] = True,
    actors: Annotated[Path | None, typer.Option(help="Actors file of the network.")] = None,
    ties: Annotated[Path | None, typer.Option(help="Ties file of the network.")] = None,
    example_network: Annotated[
        str | None, typer.Option(help="Bundled example network instead (knoke).")
    ] = None,
    roadmap: Annotated[Path | None, typer.Option(help="Roadmap YAML.")] = None,
    kpis: Annotated[Path | None, typer.Option(help="KPI table.")] = None,
    diamond_answers: Annotated[Path | None, typer.Option(help="Diamond answers.")] = None,
    statistics: Annotated[
        bool,
        typer.Option(help="Use mapped statistics; --no-statistics: network and assessment only."),
    ] = True,
    opportunities: Annotated[
        bool,
        typer.Option(
            help="Related clusters as opportunities (grappe related on the bundled CBP table)."
        ),
    ] = False,
    programme: Annotated[
        list[str] | None,
        typer.Option(
            help="The cluster's programme status (a YAML file: one status or a list); with "
            "--cluster-id, a programme key to report (repeat; default: every programme)."
        ),
    ] = None,
    cluster_id: Annotated[
        str | None,
        typer.Option(
            "--cluster-id",
            help="Registry cluster whose stored programme statuses (every enrolment, its "
            "decisions) the report shows.",
        ),
    ] = None,
    database: Annotated[
        str | None,
        typer.Option("--database", help="SQLAlchemy URL of the registry (default: settings)."),
    ] = None,
    region_name: Annotated[str | None, typer.Option(help="Region name shown.")] = None,
    cluster_name: Annotated[str | None, typer.Option(help="Cluster name shown.")] = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """Write the cluster diagnostic report (HTML and PDF) in French, Arabic and English."""
    from grappe.io.assess import read_answers, read_kpis, read_questionnaire, read_roadmap
    from grappe.io.files import read_document
    from grappe.io.output import all_or_nothing, check_output, check_output_folder
    from grappe.reports import build_report, programme_statuses, write_html, write_pdf

    with grappe_errors():
        if opportunities and (indicators is not None or not statistics):
            from grappe.errors import InvalidParameterError

            raise InvalidParameterError(
                Message(
                    "The '--opportunities' option of grappe report ranks the related clusters "
                    "of the bundled CBP table. Fix: drop --indicators and --no-statistics, or "
                    "drop --opportunities."
                )
            )
        langs = [_lang(x, "grappe report") for x in (lang or list(LANGUAGES))]
        reading = read_options(encoding, sep, decimal, thousands)
        stem = f"report_{region}_{cluster}"
        check_output_folder(output)  # a bad folder is refused before the work
        for code in langs:
            for suffix in (".html", ".pdf") if pdf else (".html",):
                check_output(output / f"{stem}_{code}{suffix}")
        df, sources = _indicators(indicators, reading) if statistics else (None, [])
        related_clusters = _related_clusters(region) if opportunities else None
        status = None
        if cluster_id is not None:
            files = [p for p in programme or [] if Path(p).is_file()]
            if files:
                from grappe.errors import InvalidParameterError

                raise InvalidParameterError(
                    Message(
                        "With --cluster-id, the '--programme' option of grappe report names a "
                        "programme key (kompetenznetze…), not a status file: got {file}. Fix: "
                        "name the programme's key, or drop --cluster-id to report the file.",
                        file=files[0],
                    )
                )
            status = _stored_programmes(database, cluster_id, programme or [])
        elif database is not None:
            from grappe.errors import InvalidParameterError

            raise InvalidParameterError(
                Message(
                    "The '--database' option of grappe report reads the programme status of a "
                    "cluster of the registry. Fix: add --cluster-id with the cluster's id."
                )
            )
        elif programme:
            from grappe.errors import InvalidParameterError

            if len(programme) > 1:
                raise InvalidParameterError(
                    Message(
                        "Without --cluster-id, the '--programme' option of grappe report names "
                        "one programme status file. Got {count}. Fix: put every programme in "
                        "one YAML list, or add --cluster-id to name stored programmes by key.",
                        count=len(programme),
                    )
                )
            status = programme_statuses(
                read_document(Path(programme[0]), what="programme status", options=reading),
                file=programme[0],
            )
        summary = net = None
        if actors is not None or ties is not None or example_network is not None:
            from grappe.io.network import read_example_network, read_network
            from grappe.network.diagnosis import diagnose

            net = (
                read_example_network(example_network)
                if example_network
                else read_network(actors, ties, options=reading)
            )
            with _spinner(tr("Diagnosing the network")):
                summary = diagnose(net).summary
            sources.append(f"Actor network: {net.source or net.name}")
        q = read_questionnaire("diamond") if diamond_answers else None
        report = build_report(
            df,
            region=region,
            cluster=cluster,
            related=_related(related),
            network=summary,
            diamond_questionnaire=q,
            diamond_answers=read_answers(diamond_answers, q, options=reading) if q else None,
            roadmap=read_roadmap(roadmap) if roadmap else None,
            kpis=read_kpis(kpis, options=reading) if kpis else None,
            sources=sources,
            graph=net,
            related_clusters=related_clusters,
            programme=status,
            region_name=region_name,
            cluster_name=cluster_name,
        )
        written = []
        # All the reports, or none: a failure leaves no mix of new and old files.
        with Progress(console=err_console, transient=True) as bar, all_or_nothing():
            task = bar.add_task(tr("Writing reports"), total=len(langs) * (2 if pdf else 1))
            for code in langs:
                written.append(write_html(report, output / f"{stem}_{code}.html", lang=code))
                bar.advance(task)
                if pdf:
                    written.append(write_pdf(report, output / f"{stem}_{code}.pdf", lang=code))
                    bar.advance(task)
        for path in written:
            console.print(tr("Wrote {path}", path=path), markup=False, highlight=False)
