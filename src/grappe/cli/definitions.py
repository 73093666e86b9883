"""``grappe definitions``: derive cluster definitions from data, check their coverage."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from grappe.cli._common import (
    ClassificationOpt,
    ColumnOpt,
    DecimalOpt,
    DuplicatesOpt,
    EncodingOpt,
    SepOpt,
    SourceOpt,
    ThousandsOpt,
    WhereOpt,
    WithheldOpt,
    check_reading_options,
    console,
    duplicates_policy,
    err_console,
    grappe_errors,
    read_options,
)
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.i18n import format_number, tr

if TYPE_CHECKING:  # the CLI imports pandas and the readers only when a command runs
    import pandas as pd

    from grappe.definitions import DerivedDefinitions
    from grappe.io.files import ReadOptions
    from grappe.model import RegionalTable

__all__ = ["register"]

definitions_app = typer.Typer(
    name="definitions",
    help="Cluster definitions: derive them from data, check how they cover a table.",
    no_args_is_help=True,
)

LevelOpt = Annotated[
    int | None,
    typer.Option(
        help="Code level to read (6 for 6-digit NAICS, 4 for NACE classes); the table must "
        "be at one level."
    ),
]
YearsOpt = Annotated[list[str] | None, typer.Option(help="Years: 2019, 2017,2019 or 2017-2021.")]


def _read(
    path: Path,
    *,
    command: str,
    source: str | None,
    level: int | None,
    years: list[str] | None,
    column: list[str] | None,
    where: list[str] | None,
    classification: str | None,
    withheld: str | None,
    reading: ReadOptions,
    duplicates: str,
) -> RegionalTable:
    """Read the regional table with the options shared by both commands (checked first)."""
    from grappe._validation import check_number
    from grappe.cli.mapping import parse_column_mapping, parse_where, parse_years
    from grappe.io import read_regional_table

    check_reading_options(command, source=source, withheld=withheld, classification=classification)
    if level is not None:
        check_number(level, "--level", func=command, low=0, high=6, integer=True)
    return read_regional_table(
        path,
        source=source,
        columns=parse_column_mapping(column),
        where=parse_where(where, command=command),
        classification=classification,
        withheld=withheld,
        years=parse_years(years),
        levels=None if level is None else (level,),
        options=reading,
        duplicates=duplicates_policy(duplicates, command=command),
    )


def derive_command(
    input_path: Annotated[
        Path, typer.Argument(metavar="INPUT", help="Regional statistics file: CSV, Parquet, Excel.")
    ],
    clusters: Annotated[
        int, typer.Option("--clusters", "-k", help="Number of clusters to derive.")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Definitions CSV to write (for grappe map).")
    ],
    io_folder: Annotated[
        Path | None,
        typer.Option(
            "--io",
            help="Folder of the BEA input-output tables (Make, Use, MasterCrosswalk2017.csv) "
            "for input-output links; NAICS tables only.",
        ),
    ] = None,
    benchmark: Annotated[
        str | None,
        typer.Option(help="Definitions to compare with (AMI, ARI): 'us-benchmark' or a file."),
    ] = None,
    traded_only: Annotated[
        bool,
        typer.Option(
            "--traded-only",
            help="Derive on the benchmark's traded codes only, as Delgado, Porter & Stern "
            "define clusters of traded industries (needs --benchmark).",
        ),
    ] = False,
    algorithm: Annotated[
        list[str] | None,
        typer.Option(
            "--algorithm", help="Clustering of the grid: ward, kmeans, spectral (repeatable)."
        ),
    ] = None,
    io_weight: Annotated[
        list[float] | None,
        typer.Option(
            "--io-weight",
            help="Weights of input-output links in the grid, in [0, 1] (repeatable; default "
            "0, 0.5, 0.7, 0.85, 1).",
        ),
    ] = None,
    colocation: Annotated[
        list[str] | None,
        typer.Option(
            "--colocation",
            help="Co-location measures: employment, establishments (repeatable; default both).",
        ),
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Seed: the same seed, the same result.")] = None,
    source: SourceOpt = None,
    years: YearsOpt = None,
    level: LevelOpt = None,
    column: ColumnOpt = None,
    classification: ClassificationOpt = None,
    withheld: WithheldOpt = None,
    where: WhereOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Derive cluster definitions from co-location (and input-output links) of industries.

    The latest year read is used. Example: grappe definitions derive
    cbp_county_naics_2017_2021.parquet --source cbp --years 2019 --level 6
    --io us_bea_io_tables --clusters 51 --benchmark us-benchmark --traded-only
    --seed 0 --output derived.csv
    """
    from grappe.definitions import (
        ALGORITHMS,
        COLOCATION_MEASURES,
        DEFAULT_IO_WEIGHTS,
        derive_definitions,
        expand_definitions,
    )
    from grappe.io import load_definitions
    from grappe.io.output import all_or_nothing, check_output, write_frame

    command = "grappe definitions derive"
    with grappe_errors():
        if traded_only and benchmark is None:
            raise InvalidParameterError(
                f"The '--traded-only' option of {command} needs --benchmark (its traded codes). "
                "Got no --benchmark."
            )
        if clusters < 2:
            raise InvalidParameterError(
                f"The '--clusters' option of {command} must be at least 2. Got {clusters}."
            )
        check_output(output)
        if io_folder is not None:
            _check_io_options(io_folder, level, command)
        reading = read_options(encoding, sep, decimal, thousands)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress:
            task = progress.add_task(tr("Reading {name}", name=input_path.name), total=None)
            table = _read(
                input_path,
                command=command,
                source=source,
                level=level,
                years=years,
                column=column,
                where=where,
                classification=classification,
                withheld=withheld,
                reading=reading,
                duplicates=duplicates,
            )
            flows = None
            if io_folder is not None:
                progress.update(task, description=tr("Reading the input-output tables"))
                flows = _bea_flows(io_folder, table, level, command)
            reference = codes = None
            if benchmark is not None:
                reference = load_definitions(benchmark, options=reading)
                if traded_only:  # the table's codes that the traded rules cover
                    data = expand_definitions(reference, table.data["industry"].astype(str)).data
                    codes = data.loc[data["cluster_type"].astype(str) == "traded", "code"]

            names = _industry_names(table)

            def report(step: str, done: int, total: int) -> None:
                progress.update(
                    task,
                    description=tr("Clustering: {step}", step=step),
                    completed=done,
                    total=total,
                )

            result = derive_definitions(
                table,
                n_clusters=clusters,
                io=flows,
                codes=codes,
                colocation_measures=colocation or COLOCATION_MEASURES,
                io_weights=io_weight or DEFAULT_IO_WEIGHTS,
                algorithms=algorithm or ALGORITHMS,
                benchmark=reference,
                industry_names=names,
                name=output.stem,
                seed=seed,
                progress=report,
            )
            with all_or_nothing():
                write_frame(result.definitions.data, output, format="csv")

    console.print(_scores_table(result))
    conf = result.configuration
    console.print(
        tr(
            "Chosen: {algorithm}, input-output weight {weight}, {clusters} clusters of "
            "{industries} industries from {regions} regions in {year} (measures: {measures}).",
            algorithm=conf["algorithm"],
            weight=format_number(conf["io_weight"], digits=2),
            clusters=conf["n_clusters"],
            industries=format_number(result.n_industries),
            regions=format_number(result.n_regions),
            year=conf["year"],
            measures=", ".join(conf["measures"]),
        )
    )
    chosen = result.scores.loc[result.scores["chosen"]].iloc[0]
    console.print(
        tr(
            "Validation scores: VS {vs} (VS-cluster {cluster}, VS-gap {gap}).",
            vs=format_number(chosen["vs"], digits=3),
            cluster=format_number(chosen["vs_cluster"], digits=3),
            gap=format_number(chosen["vs_gap"], digits=3),
        )
    )
    if result.ami is not None:
        console.print(
            tr(
                "Against {benchmark}: AMI {ami}, ARI {ari} ({count} industries compared).",
                benchmark=benchmark,
                ami=format_number(result.ami, digits=3),
                ari=format_number(result.ari, digits=3),
                count=format_number(result.n_compared),
            )
        )
    err_console.print(
        tr(
            "Wrote {count} codes to {path}",
            count=format_number(len(result.definitions.data)),
            path=output,
        ),
        markup=False,
        highlight=False,
    )


def _industry_names(table: RegionalTable) -> dict[str, str] | None:
    """NAICS 2017 names of the codes (the labels bundled with the CBP files), else none."""
    if table.classification != "naics2017":
        return None
    from grappe.io import read_table
    from grappe.io.presets import bundled_path

    labels = read_table(bundled_path("cbp_state", "naics2017_labels.csv"), what="NAICS labels")
    return dict(zip(labels["naics"].str.strip(), labels["label"].str.strip(), strict=True))


def _check_io_options(folder: Path, level: int | None, command: str) -> None:
    """Refuse --io without --level or on a missing folder, before the table is read."""
    if level is None or level < 2:
        raise InvalidParameterError(
            f"The '--io' option of {command} needs --level (the NAICS digits of the flows, 2 to "
            f"6), e.g. --level 6. Got {'no --level' if level is None else level}."
        )
    if not folder.is_dir():
        raise NotFoundError(f"No folder {str(folder)!r} for --io.")


def _bea_flows(folder: Path, table: RegionalTable, level: int, command: str) -> pd.DataFrame:
    """NAICS × NAICS flows at the table's level, refusing a table in another classification."""
    from grappe.codes import classification_family
    from grappe.io.complexity import read_bea_naics_flows

    if classification_family(table.classification) != "naics":
        raise InvalidParameterError(
            f"The '--io' option of {command} reads the BEA tables, which are in NAICS. Got a "
            f"table in {table.classification!r}; leave out --io or give a NAICS table."
        )
    return read_bea_naics_flows(folder, digits=level)


def _scores_table(result: DerivedDefinitions) -> Table:
    scores = result.scores
    table = Table(title=tr("Configurations (validation scores; the chosen one marked)"))
    columns = ["algorithm", "io_weight", "vs_cluster", "vs_gap", "vs"]
    columns += [c for c in ("ami", "ari") if c in scores]
    for c in ("", *columns):
        table.add_column(c, justify="left" if c in ("", "algorithm") else "right")
    for row in scores.itertuples(index=False):
        values = [
            format_number(getattr(row, c), digits=3) if c != "algorithm" else str(row.algorithm)
            for c in columns
        ]
        table.add_row("●" if row.chosen else "", *values)
    return table


def coverage_command(
    table_path: Annotated[
        Path, typer.Argument(metavar="TABLE", help="Regional statistics file: CSV, Parquet, Excel.")
    ],
    definitions: Annotated[
        str, typer.Option(help="Cluster definitions: 'us-benchmark' or a CSV/YAML file.")
    ] = "us-benchmark",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write one row per code (status, cluster, employment) here."
        ),
    ] = None,
    show: Annotated[int, typer.Option(help="Uncovered codes listed, largest first.")] = 10,
    source: SourceOpt = None,
    years: YearsOpt = None,
    level: LevelOpt = None,
    column: ColumnOpt = None,
    classification: ClassificationOpt = None,
    withheld: WithheldOpt = None,
    where: WhereOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """How cluster definitions cover a table's codes: covered, uncovered, duplicated, unused.

    Example: grappe definitions coverage cbp_state_naics_2017_2021.parquet --source cbp
    --level 6 --definitions us-benchmark
    """
    from grappe.definitions import coverage_by_code, coverage_report
    from grappe.io import load_definitions
    from grappe.io.output import all_or_nothing, check_output, write_frame

    command = "grappe definitions coverage"
    with grappe_errors():
        if output is not None:
            check_output(output)
        reading = read_options(encoding, sep, decimal, thousands)
        table = _read(
            table_path,
            command=command,
            source=source,
            level=level,
            years=years,
            column=column,
            where=where,
            classification=classification,
            withheld=withheld,
            reading=reading,
            duplicates=duplicates,
        )
        defs = load_definitions(
            definitions, options=reading, fallback_classification=table.classification
        )
        report = coverage_report(defs, table.data["industry"].astype(str).unique())
        by_code = coverage_by_code(defs, table)
        if output is not None:
            with all_or_nothing():
                write_frame(by_code, output, format="csv")

    latest = table.years[-1]
    jobs = by_code.groupby("status")["employment"].sum()
    total = float(by_code["employment"].sum())
    uncovered_jobs = float(jobs.get("uncovered", 0.0))
    console.print(
        tr(
            "{codes} codes in the table: {covered} covered ({share}%), {uncovered} uncovered, "
            "{twice} covered twice; {unused} rules of {name} unused.",
            codes=format_number(len(report.codes)),
            covered=format_number(len(report.covered)),
            share=format_number(100 * report.share_covered, digits=1),
            uncovered=format_number(len(report.uncovered)),
            twice=format_number(len(report.duplicated)),
            unused=format_number(len(report.unused)),
            name=defs.name,
        )
    )
    share = uncovered_jobs / total if total > 0 else 0.0
    console.print(
        tr(
            "Employment of the uncovered codes in {year}: {jobs} ({share}% of {total}).",
            year=latest,
            jobs=format_number(uncovered_jobs),
            share=format_number(100 * share, digits=1),
            total=format_number(total),
        )
    )
    levels = sorted({lv for lv in by_code["level"] if lv is not None})
    if len(levels) > 1:
        console.print(
            tr(
                "The table has codes of several levels ({levels}); codes above the definitions' "
                "level count as uncovered. Read one level with --level (e.g. --level 6).",
                levels=levels,
            )
        )
    uncovered = by_code.loc[by_code["status"] == "uncovered"].nlargest(show, "employment")
    if show > 0 and len(uncovered):
        listing = Table(title=tr("Largest uncovered codes, {year}", year=latest))
        listing.add_column(tr("Code"))
        listing.add_column(tr("Jobs"), justify="right")
        for row in uncovered.itertuples(index=False):
            listing.add_row(str(row.code), format_number(row.employment))
        console.print(listing)
    if output is not None:
        err_console.print(
            tr("Wrote {count} codes to {path}", count=format_number(len(by_code)), path=output),
            markup=False,
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    """Add ``grappe definitions derive|coverage`` to the root application."""
    definitions_app.command("derive")(derive_command)
    definitions_app.command("coverage")(coverage_command)
    app.add_typer(definitions_app, name="definitions")
