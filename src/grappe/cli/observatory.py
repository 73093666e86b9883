"""``grappe observatory``: the main job on the bundled real data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from grappe.cli._common import err_console, grappe_errors

__all__ = ["GROWTH_PERIOD", "build_outputs", "register"]

#: Growth period of the main job: the whole bundled period. The 2017 cells CBP withheld are
#: imputed from their parent codes by the reader's CBP default (see "Withheld cells" in
#: docs/data-input.md).
GROWTH_PERIOD = (2017, 2021)


def build_outputs(output: Path, *, progress: Progress | None = None) -> dict[str, Path]:
    """Map the bundled US CBP state file with the benchmark definitions and write the results.

    Writes ``indicators.parquet`` and ``indicators.csv`` (state × cluster × year, 2017–2021),
    ``regions.csv`` (state × year), ``growth_2017_2021.csv`` (:data:`GROWTH_PERIOD`) and
    ``summary.html``.

    The folder and every file are checked before the work starts, and the files are written
    all or none (:func:`grappe.io.output.all_or_nothing`).

    Returns
    -------
    dict of str to Path
        The files written, by name.

    Raises
    ------
    OutputError
        ``output`` is a file, a read-only folder, or holds a folder named like a result file.
    """
    from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
    from grappe.io.html_summary import write_map_summary
    from grappe.io.output import all_or_nothing, check_output, check_output_folder, write_frame
    from grappe.mapping import map_clusters

    start, end = GROWTH_PERIOD
    names = ("indicators.parquet", "indicators.csv", "regions.csv", f"growth_{start}_{end}.csv")
    check_output_folder(output)
    for name in (*names, "summary.html"):
        check_output(output / name)

    steps = ("Reading the bundled CBP state file", "Mapping clusters", "Writing results")
    task = progress.add_task(steps[0], total=len(steps)) if progress else None

    def step(i: int) -> None:
        if progress is not None and task is not None:
            progress.update(task, completed=i, description=steps[min(i, len(steps) - 1)])

    table = read_regional_table(bundled_cbp_state_path(), source="cbp")
    step(1)
    result = map_clusters(table, load_definitions("us-benchmark"))
    step(2)
    tables = (result.indicators, result.indicators, result.regions, result.growth(start, end))
    with all_or_nothing():
        pairs = zip(names, tables, strict=True)
        written = {name: write_frame(table, output / name) for name, table in pairs}
        written["summary.html"] = write_map_summary(
            result,
            output / "summary.html",
            title="US clusters by state — County Business Patterns",
            source="US Census Bureau, County Business Patterns 2017–2021 (public domain)",
        )
    step(3)
    return written


def observatory_command(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the result tables and summary.")
    ] = Path("grappe-output"),
    serve: Annotated[
        bool,
        typer.Option("--serve/--no-serve", help="Serve the observatory after writing the files."),
    ] = True,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            help="SQLAlchemy URL of the registry (default: an SQLite file in --output).",
        ),
    ] = None,
) -> None:
    """Run the main job on the bundled real data: map US clusters, publish the observatory.

    Maps the bundled County Business Patterns (50 states, 2017–2021) with the US benchmark
    cluster definitions, writes the result tables and an HTML summary to --output, then loads
    them with the example networks and the Algerian wilayas into an embedded SQLite database
    and serves the observatory (pages at /, API at /api/v1/).
    """
    with grappe_errors():  # the database file is checked before the long work, too
        if serve:
            _check_database(database, output)
    with (
        grappe_errors(),
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress,
    ):
        written = build_outputs(output, progress=progress)
    for name, path in written.items():
        err_console.print(f"wrote {name}: {path}")
    if not serve:
        err_console.print(f"Open {(output / 'summary.html').resolve().as_uri()} in a browser.")
        return
    from grappe.cli.serve import run_observatory

    url = database or f"sqlite:///{(output / 'observatory.sqlite').resolve()}"
    run_observatory(host=host, port=port, database=url, load_bundled=True)


def _check_database(database: str | None, output: Path) -> None:
    """Refuse an SQLite database path that is a folder, a device or in a read-only folder."""
    from grappe.io.output import check_output

    if database is None:
        check_output(output / "observatory.sqlite", regular_file=True)
        return
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(database)
    except ArgumentError:
        return  # the registry explains a malformed URL
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        check_output(url.database, regular_file=True)


def register(app: typer.Typer) -> None:
    """Add ``grappe observatory`` to the root application."""
    app.command("observatory")(observatory_command)
