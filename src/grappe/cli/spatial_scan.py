"""``grappe spatial scan`` — the K-density with bands of every industry of a register.

Reads the establishments as ``kdensity`` does (same options, same reader), runs
:func:`grappe.spatial.localisation_scan` on local threads, a Dask ``LocalCluster`` of
``--workers`` processes or a running Dask scheduler, with a progress bar by industry, prints the
most localised industries and writes the curves (``--out``) and the per-industry summary
(``--summary``). Added to the ``spatial`` group by :func:`grappe.cli.spatial.register`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer

from grappe.cli._common import (
    DecimalOpt,
    DuplicatesOpt,
    EncodingOpt,
    SepOpt,
    ThousandsOpt,
    err_console,
    grappe_errors,
)
from grappe.cli.spatial import (
    BboxOpt,
    CountryOpt,
    CrsOpt,
    DropOpt,
    IdOpt,
    OutsideOpt,
    PointsArg,
    SchedOpt,
    SeedOpt,
    WeightOpt,
    XOpt,
    YOpt,
    _check_outputs,
    _print,
    _progress,
    _read,
    group,
)
from grappe.i18n import tr


@group.command("scan")
def scan_command(
    points: PointsArg,
    industry_column: Annotated[
        str,
        typer.Option(
            "--industry-column",
            "--activity-column",
            help="Column of the industry (activity) codes, e.g. naf_code.",
        ),
    ],
    x: XOpt = "lon",
    y: YOpt = "lat",
    crs: CrsOpt = "EPSG:4326",
    weight_column: WeightOpt = None,
    id_column: IdOpt = None,
    drop_missing: DropOpt = False,
    min_establishments: Annotated[
        int,
        typer.Option(
            "--min-establishments", help="Leave out industries with fewer establishments."
        ),
    ] = 10,
    weighted: Annotated[bool, typer.Option(help="Employment-weighted K-density.")] = False,
    simulations: Annotated[
        int, typer.Option("--simulations", help="Monte Carlo simulations per industry.")
    ] = 99,
    max_distance: Annotated[
        float | None, typer.Option(help="Largest distance (m); default the median distance.")
    ] = None,
    bandwidth: Annotated[
        float | None,
        typer.Option(help="Kernel bandwidth (m) of every industry; default Silverman's rule."),
    ] = None,
    seed: SeedOpt = 0,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help="Run on a local Dask cluster of this many worker processes (default: local "
            "threads).",
        ),
    ] = None,
    scheduler: SchedOpt = None,
    show: Annotated[
        int, typer.Option("--show", help="Industries shown on screen (most localised first).")
    ] = 20,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the curves: one row per industry and distance (CSV/Parquet/JSON).",
        ),
    ] = None,
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary", help="Write one row per industry: Γ, Ψ, verdict, status (CSV/Parquet)."
        ),
    ] = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    bbox: BboxOpt = None,
    country: CountryOpt = None,
    outside: OutsideOpt = "warn",
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Duranton–Overman K-density with confidence bands of every industry of a register."""
    with grappe_errors():
        import pandas as pd

        from grappe._validation import check_number
        from grappe.errors import InvalidParameterError
        from grappe.i18n import Message
        from grappe.io.output import all_or_nothing, write_frame
        from grappe.spatial import localisation_scan
        from grappe.spatial.executor import local_cluster

        command = "grappe spatial scan"
        check_number(min_establishments, "--min-establishments", func=command, low=2, integer=True)
        check_number(simulations, "--simulations", func=command, low=1, integer=True)
        check_number(show, "--show", func=command, low=0, integer=True)
        if workers is not None:
            check_number(workers, "--workers", func=command, low=1, integer=True)
            if scheduler is not None:
                raise InvalidParameterError(
                    Message(
                        "The '--workers' and '--scheduler' options of {command} must not be "
                        "given together. Got both instead: --workers starts a local cluster, "
                        "--scheduler uses a running one.",
                        command=command,
                    )
                )
        _check_outputs(out, summary)
        pts = _read(
            points,
            x,
            y,
            crs,
            id_column,
            industry_column,
            weight_column,
            drop_missing,
            (bbox, country, outside, duplicates),
            (encoding, sep, decimal, thousands),
        )
        cluster = local_cluster(workers) if workers is not None else contextlib.nullcontext()
        with cluster as client, _progress(tr("industries")) as update:
            result = localisation_scan(
                pts,
                min_establishments=min_establishments,
                weighted=weighted,
                n_simulations=simulations,
                max_distance=max_distance if max_distance is not None else "median",
                bandwidth=bandwidth if bandwidth is not None else "silverman",
                seed=seed,
                scheduler=client if client is not None else scheduler,
                progress=update,
            )
        table = result.summary
        scanned = table[table["status"] == "scanned"]
        verdict = scanned["localised"].map({True: "localised", False: ""}) + scanned[
            "dispersed"
        ].map({True: "dispersed", False: ""})
        shown = pd.DataFrame(
            {
                "activity": scanned["activity"],
                "n": scanned["n_points"],
                "bandwidth km": scanned["bandwidth_m"] / 1000,
                "Γ": scanned["localisation_index"],
                "Ψ": scanned["dispersion_index"],
                "verdict": verdict.replace("", "neither"),
            }
        ).head(show)
        _print(
            shown,
            tr(
                "K-density scan (Duranton–Overman): the {shown} most localised of {scanned} "
                "industries",
                shown=len(shown),
                scanned=len(scanned),
            ),
        )
        counts = table["status"].value_counts()
        err_console.print(
            tr(
                "{scanned} industries scanned ({localised} localised, {dispersed} dispersed); "
                "left out: {few} with fewer than {min} establishments, {one} all at one place, "
                "{zero} without positive weights.",
                scanned=len(scanned),
                localised=int(scanned["localised"].sum()),
                dispersed=int(scanned["dispersed"].sum()),
                few=int(counts.get("too_few", 0)),
                min=min_establishments,
                one=int(counts.get("one_place", 0)),
                zero=int(counts.get("zero_weight", 0)),
            ),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        with all_or_nothing():
            if out is not None:
                write_frame(result.curves, out)
            if summary is not None:
                write_frame(table, summary)
