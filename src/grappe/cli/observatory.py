"""``grappe observatory``: the main job on the bundled real data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from grappe.cli._common import err_console, grappe_errors
from grappe.cli.serve import WorkersOpt
from grappe.i18n import tr

if TYPE_CHECKING:
    from grappe.mapping import ClusterMap

__all__ = ["GROWTH_PERIOD", "build_outputs", "register"]

#: Growth period of the main job: the whole bundled period. The 2017 cells CBP withheld are
#: imputed from their parent codes by the reader's CBP default (see "Withheld cells" in
#: docs/data-input.md).
GROWTH_PERIOD = (2017, 2021)


_TABLES = (
    "indicators.parquet",
    "indicators.csv",
    "regions.csv",
    f"growth_{GROWTH_PERIOD[0]}_{GROWTH_PERIOD[1]}.csv",
)
#: Morocco's four HCP maps in one table (grappe.io.bundled_ma.bundled_ma_table).
_MA_TABLE = "ma_hcp_sectors.csv"


def _check_outputs(output: Path) -> None:
    """Refuse a bad --output folder or result file before any long work."""
    from grappe.io.output import check_output, check_output_folder

    check_output_folder(output)
    for name in (*_TABLES, _MA_TABLE, "summary.html"):
        check_output(output / name)


def build_outputs(
    output: Path, *, cluster_map: ClusterMap | None = None, progress: Progress | None = None
) -> dict[str, Path]:
    """Write the bundled US cluster map (CBP states × us-benchmark) and its summary.

    Writes ``indicators.parquet`` and ``indicators.csv`` (state × cluster × year, 2017–2021),
    ``regions.csv`` (state × year), ``growth_2017_2021.csv`` (:data:`GROWTH_PERIOD`) and
    ``summary.html``; and ``ma_hcp_sectors.csv``, Morocco's regions and provinces × HCP sectors
    on both censuses (:func:`grappe.io.bundled_ma.bundled_ma_table`).

    The folder and every file are checked before the work starts, and the files are written
    all or none (:func:`grappe.io.output.all_or_nothing`). ``cluster_map`` is the result of
    :func:`grappe.io.bundled_us_map`, computed here when not given.

    Returns
    -------
    dict of str to Path
        The files written, by name.

    Raises
    ------
    OutputError
        ``output`` is a file, a read-only folder, or holds a folder named like a result file.
    """
    from grappe.io import bundled_us_map
    from grappe.io.bundled_ma import bundled_ma_table
    from grappe.io.html_summary import write_map_summary
    from grappe.io.output import all_or_nothing, write_frame

    start, end = GROWTH_PERIOD
    names = _TABLES
    _check_outputs(output)

    steps = (tr("Mapping the bundled CBP state file"), tr("Writing results"))
    task = progress.add_task(steps[0], total=len(steps)) if progress else None

    def step(i: int) -> None:
        if progress is not None and task is not None:
            progress.update(task, completed=i, description=steps[min(i, len(steps) - 1)])

    result = bundled_us_map() if cluster_map is None else cluster_map
    step(1)
    tables = (result.indicators, result.indicators, result.regions, result.growth(start, end))
    with all_or_nothing():
        pairs = zip(names, tables, strict=True)
        written = {name: write_frame(table, output / name) for name, table in pairs}
        written[_MA_TABLE] = write_frame(bundled_ma_table(), output / _MA_TABLE)
        written["summary.html"] = write_map_summary(
            result,
            output / "summary.html",
            title="US clusters by state — County Business Patterns",
            source="US Census Bureau, County Business Patterns 2017–2021 (public domain)",
        )
    step(2)
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
    workers: WorkersOpt = 1,
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
        # mapped once: the same ClusterMap is written to files and loaded into the registry
        cluster_map = _bundled_map(output, progress)
        written = build_outputs(output, cluster_map=cluster_map, progress=progress)
    for name, path in written.items():
        err_console.print(
            tr("wrote {name}: {path}", name=name, path=path), markup=False, highlight=False
        )
    if not serve:
        err_console.print(
            tr("Open {url} in a browser.", url=(output / "summary.html").resolve().as_uri())
        )
        return
    from grappe.cli.serve import run_observatory

    url = database or f"sqlite:///{(output / 'observatory.sqlite').resolve()}"
    run_observatory(
        host=host,
        port=port,
        database=url,
        load_bundled=True,
        workers=workers,
        cluster_map=cluster_map,
    )


def _bundled_map(output: Path, progress: Progress) -> ClusterMap:
    """The bundled US map, after checking that the result files can be written."""
    from grappe.io import bundled_us_map

    _check_outputs(output)
    task = progress.add_task(tr("Mapping the bundled CBP state file"))
    cluster_map = bundled_us_map()
    progress.remove_task(task)
    return cluster_map


def _check_database(database: str | None, output: Path) -> None:
    """Refuse an SQLite database path that is a folder, a device or in a read-only folder."""
    from grappe.registry.database import check_database_target

    check_database_target(database or f"sqlite:///{output / 'observatory.sqlite'}")


def register(app: typer.Typer) -> None:
    """Add ``grappe observatory`` to the root application."""
    app.command("observatory")(observatory_command)
