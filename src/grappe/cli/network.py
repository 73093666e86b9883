"""``grappe network`` — diagnose the actor network of a cluster and draw it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

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
from grappe.i18n import current_language, tr
from grappe.vocabulary import LANGUAGES

group = typer.Typer(
    name="network",
    help="Actor networks of a cluster: diagnose the triple helix, draw it.",
    no_args_is_help=True,
)

ActorsArg = Annotated[Path, typer.Argument(help="Actors CSV/XLSX: id,name,sphere,level…")]
TiesArg = Annotated[Path, typer.Argument(help="Ties CSV/XLSX: source,target,type,strength…")]
WaveOpt = Annotated[
    str | None,
    typer.Option("--wave", help="Survey wave to diagnose (default: the last one, if any)."),
]
UndirectedOpt = Annotated[
    bool, typer.Option("--undirected", help="Ties without a 'directed' value are undirected.")
]
SaltOpt = Annotated[
    str | None,
    typer.Option(
        "--salt",
        envvar="GRAPPE_PSEUDONYM_SALT",
        help="Key of the respondents' pseudonyms (stable across files).",
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``network`` command group to the root application."""
    app.add_typer(group)


def _read(
    actors: Path,
    ties: Path,
    undirected: bool,
    salt: str | None,
    reading: tuple[Any, ...],
    duplicates: str = "raise",
) -> Any:
    from grappe.io.network import read_network

    policy = duplicates_policy(duplicates, command="grappe network")
    return read_network(
        actors,
        ties,
        directed=not undirected,
        salt=salt,
        options=read_options(*reading),
        duplicates=policy,
    )


def _check_output(output: Path, *, binary: bool = False) -> None:
    from grappe.io.output import check_output

    check_output(output, binary=binary)


def _waves(net: Any, wave: str | None) -> tuple[str | None, str | None]:
    """The wave to diagnose and the one before it (for the change between waves)."""
    waves = list(net.waves)
    if not waves:
        return wave, None
    chosen = wave if wave is not None else waves[-1]
    before = waves[waves.index(chosen) - 1] if chosen in waves and waves.index(chosen) else None
    return chosen, before


def _spinner(label: str) -> Progress:
    bar = Progress(
        SpinnerColumn(), TextColumn(label), TimeElapsedColumn(), console=err_console, transient=True
    )
    bar.add_task(label, total=None)
    return bar


def _emit(diagnosis: Any, format: str, lang: str, output: Path | None) -> None:
    from grappe.io.network import read_diagnosis_texts, write_diagnosis
    from grappe.network.diagnosis import render_text

    if output is not None:
        write_diagnosis(diagnosis, output, format=format, lang=lang)
        err_console.print(tr("Wrote {path}", path=output), markup=False, highlight=False)
    elif format == "json":
        typer.echo(json.dumps(diagnosis.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(diagnosis.to_dict(), read_diagnosis_texts(), lang=lang), nl=False)


@group.command("diagnose")
def diagnose_command(
    actors: ActorsArg,
    ties: TiesArg,
    wave: WaveOpt = None,
    format: Annotated[
        str, typer.Option("--format", help="json (structured summary) or text.")
    ] = "json",
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of the text: fr, ar, en (default: grappe's)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead.")
    ] = None,
    expected: Annotated[
        str,
        typer.Option("--expected", help="Sphere pairs checked for shadow zones: default, all."),
    ] = "default",
    weak: Annotated[
        float, typer.Option("--weak", help="Strength at or below which a tie is weak.")
    ] = 1.0,
    local_levels: Annotated[
        list[str] | None,
        typer.Option("--local-level", help="Level inside the cluster (repeat; default local)."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of sampled betweenness.")] = 0,
    undirected: UndirectedOpt = False,
    salt: SaltOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Diagnose a cluster's actor network: brokers, core, shadow zones, pipelines, change."""
    from grappe._validation import check_option
    from grappe.network.diagnosis import diagnose

    with grappe_errors():
        check_option(format, "--format", ("json", "text"), func="grappe network diagnose")
        lang = check_option(
            lang or current_language(), "--lang", LANGUAGES, func="grappe network diagnose"
        )
        check_option(expected, "--expected", ("default", "all"), func="grappe network diagnose")
        from grappe._validation import check_options
        from grappe.network.model import LEVELS

        check_options(
            local_levels or ("local",), "--local-level", LEVELS, func="grappe network diagnose"
        )
        if output is not None:  # a bad destination is refused before the computation
            _check_output(output)
        with _spinner(tr("Diagnosing the network")):
            net = _read(
                actors, ties, undirected, salt, (encoding, sep, decimal, thousands), duplicates
            )
            chosen, before = _waves(net, wave)
            if chosen is not None and net.waves:
                check_option(chosen, "--wave", net.waves, func="grappe network diagnose")
            result = diagnose(
                net,
                wave=chosen,
                before=before,
                expected=expected,
                weak=weak,
                local_levels=tuple(local_levels or ("local",)),
                seed=seed,
            )
        _emit(result, format, lang, output)


@group.command("example")
def example_command(
    name: Annotated[str, typer.Argument(help="Bundled network: knoke.")] = "knoke",
    format: Annotated[str, typer.Option("--format", help="json or text.")] = "text",
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of the text: fr, ar, en (default: grappe's)."),
    ] = None,
) -> None:
    """Diagnose a network bundled with grappe (Knoke's Indianapolis organisations)."""
    from grappe._validation import check_option
    from grappe.io.network import read_example_network
    from grappe.network.diagnosis import diagnose

    with grappe_errors():
        check_option(format, "--format", ("json", "text"), func="grappe network example")
        lang = check_option(
            lang or current_language(), "--lang", LANGUAGES, func="grappe network example"
        )
        _emit(diagnose(read_example_network(name)), format, lang, None)


@group.command("draw")
def draw_command(
    actors: ActorsArg,
    ties: TiesArg,
    output: Annotated[Path, typer.Argument(help="PNG or SVG file to write.")],
    wave: WaveOpt = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the layout.")] = 0,
    no_labels: Annotated[bool, typer.Option("--no-labels", help="Do not write actor ids.")] = False,
    undirected: UndirectedOpt = False,
    salt: SaltOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Draw the network: actors in layers by level, coloured by sphere, width by strength."""
    from grappe.io.network import save_figure
    from grappe.network.figures import draw_network

    with grappe_errors():
        _check_output(output, binary=True)
        net = _read(actors, ties, undirected, salt, (encoding, sep, decimal, thousands), duplicates)
        chosen, _ = _waves(net, wave)
        if chosen is not None:
            net = net.select(wave=chosen)
        figure = draw_network(net, seed=seed, labels=not no_labels, lang=current_language())
        save_figure(figure, output)
        console.print(tr("Wrote {path}", path=output), markup=False, highlight=False)


@group.command("heatmap")
def heatmap_command(
    actors: ActorsArg,
    ties: TiesArg,
    output: Annotated[Path, typer.Argument(help="PNG or SVG file to write.")],
    wave: WaveOpt = None,
    by: Annotated[str, typer.Option("--by", help="sphere or level.")] = "sphere",
    undirected: UndirectedOpt = False,
    salt: SaltOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Heat map of tie density between and within spheres (or levels)."""
    from grappe._validation import check_option
    from grappe.io.network import save_figure
    from grappe.network.figures import sphere_heatmap

    with grappe_errors():
        check_option(by, "--by", ("sphere", "level"), func="grappe network heatmap")
        _check_output(output, binary=True)
        net = _read(actors, ties, undirected, salt, (encoding, sep, decimal, thousands), duplicates)
        chosen, _ = _waves(net, wave)
        if chosen is not None:
            net = net.select(wave=chosen)
        save_figure(sphere_heatmap(net, groups=by, lang=current_language()), output)
        console.print(tr("Wrote {path}", path=output), markup=False, highlight=False)


# --- The registry: push a network (or a survey wave) into an observatory database, and get
# --- the diagnosis computed and stored there (grappe.registry.networks / network_diagnoses).

ClusterOpt = Annotated[str, typer.Option("--cluster", help="Id of the cluster in the registry.")]


def _registry(database: str | None) -> Any:
    from grappe.cli.token import _sessions

    return _sessions(database)


@group.command("store")
def store_command(
    actors: ActorsArg,
    ties: TiesArg,
    cluster: ClusterOpt,
    wave: Annotated[
        str | None, typer.Option("--wave", help="Survey wave of the ties that carry none.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Date of the wave (YYYY-MM-DD).")
    ] = None,
    origin: Annotated[
        str | None,
        typer.Option("--origin", help="Where the ties come from: interview, document, …"),
    ] = None,
    database: Annotated[
        str | None,
        typer.Option("--database", help="SQLAlchemy URL of the registry (default: settings)."),
    ] = None,
    undirected: UndirectedOpt = False,
    salt: SaltOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Store a network (or one survey wave of it) as a cluster's network in the registry."""
    import datetime as dt

    from grappe.errors import InvalidParameterError
    from grappe.registry.database import session_scope
    from grappe.registry.networks import store_network

    with grappe_errors():
        day = None
        if date is not None:
            try:
                day = dt.date.fromisoformat(date)
            except ValueError:
                raise InvalidParameterError(
                    f"The '--date' option of grappe network store must be a date YYYY-MM-DD. "
                    f"Got {date!r} instead."
                ) from None
        net = _read(actors, ties, undirected, salt, (encoding, sep, decimal, thousands), duplicates)
        sessions = _registry(database)
        try:
            with session_scope(sessions) as session:
                report = store_network(
                    session, net, cluster=cluster, wave=wave, date=day, origin=origin,
                    who="grappe network store",
                )  # fmt: skip
        finally:
            sessions.kw["bind"].dispose()
    counts = ", ".join(
        f"{kind}: " + " ".join(f"{n} {action}d" for action, n in sorted(by.items()))
        for kind, by in sorted(report.counts.items())
    )
    console.print(
        tr("Stored the network of {cluster}: {counts}", cluster=cluster, counts=counts)
        if counts
        else tr("Stored the network of {cluster}: nothing changed", cluster=cluster)
    )


@group.command("diagnose-stored")
def diagnose_stored_command(
    cluster: ClusterOpt,
    wave: WaveOpt = None,
    format: Annotated[
        str, typer.Option("--format", help="json (structured summary) or text.")
    ] = "json",
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of the text: fr, ar, en (default: grappe's)."),
    ] = None,
    database: Annotated[
        str | None,
        typer.Option("--database", help="SQLAlchemy URL of the registry (default: settings)."),
    ] = None,
) -> None:
    """Diagnose a cluster's network stored in the registry and store the result (a version)."""
    from grappe._validation import check_option
    from grappe.registry.database import session_scope
    from grappe.registry.network_diagnoses import diagnose_stored

    with grappe_errors():
        check_option(format, "--format", ("json", "text"), func="grappe network diagnose-stored")
        lang = check_option(
            lang or current_language(), "--lang", LANGUAGES, func="grappe network diagnose-stored"
        )
        sessions = _registry(database)
        try:
            with _spinner(tr("Diagnosing the stored network")), session_scope(sessions) as session:
                row = diagnose_stored(session, cluster, wave=wave, who="grappe network")
                result, texts, number = row.result, row.texts, row.id
        finally:
            sessions.kw["bind"].dispose()
    err_console.print(
        tr("Stored as diagnosis {number} of {cluster}", number=number, cluster=cluster)
    )
    if format == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        typer.echo((texts or {})[lang], nl=False)
