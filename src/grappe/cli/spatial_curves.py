"""``grappe spatial ripley`` and ``grappe spatial mfunction`` — concentration curves by radius.

Both read the establishments as ``kdensity`` and ``hotspots`` do (same options, same reader),
work in metres in a projected CRS (``--project`` re-projects longitude/latitude), draw Monte
Carlo envelopes with ``--simulations N --seed S`` and write the curves (``--out``) and a chart
(``--plot``). The commands are added to the ``spatial`` group by :func:`grappe.cli.spatial.
register`.
"""

from __future__ import annotations

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
    ActColOpt,
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
    number_text,
    parse_bbox,
)
from grappe.i18n import Message, current_language, tr

ProjectOpt = Annotated[
    str | None,
    typer.Option(
        "--project",
        help="Re-project the points to this projected CRS first (needed for lon/lat input), "
        "e.g. EPSG:3035 (Europe), EPSG:30791 (Algeria, Nord Sahara 1959 / Lambert Nord).",
    ),
]
RadiiOpt = Annotated[
    str | None,
    typer.Option("--radii", help="Radii in metres, increasing, comma-separated: 500,1000,5000."),
]
MaxRadiusOpt = Annotated[
    float | None,
    typer.Option(
        "--max-radius",
        help="Largest radius (m) of --steps even radii; default a quarter of the shorter "
        "side of the points' bounding box (or --window).",
    ),
]
StepsOpt = Annotated[int, typer.Option("--steps", help="Number of radii without --radii.")]
SimsOpt = Annotated[
    int, typer.Option("--simulations", help="Monte Carlo simulations for the envelope (0: none).")
]
OutOpt = Annotated[Path | None, typer.Option(help="Write the curve (CSV/Parquet/JSON).")]
PlotOpt = Annotated[Path | None, typer.Option(help="Write the chart (PNG/SVG/PDF by suffix).")]


def parse_radii(text: str) -> list[float]:
    """``--radii`` as increasing positive metres.

    Examples
    --------
    >>> parse_radii("500, 1000,5e3")
    [500.0, 1000.0, 5000.0]
    """
    from grappe.errors import InvalidParameterError

    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if (
        not values
        or not all(v > 0 for v in values)
        or any(b <= a for a, b in zip(values, values[1:], strict=False))
    ):
        raise InvalidParameterError(
            "The '--radii' parameter must be positive distances in metres, increasing and "
            f"comma-separated, e.g. 500,1000,5000. Got {text!r} instead."
        )
    return values


def _metric_points(points, project: str | None, command: str):
    """The points in a projected CRS: re-projected with ``--project``, refused as lon/lat."""
    from grappe.errors import InvalidParameterError
    from grappe.spatial import project_points

    if project is not None:
        import pyproj

        try:
            target = pyproj.CRS.from_user_input(project)
        except pyproj.exceptions.CRSError as exc:
            raise InvalidParameterError(
                f"The '--project' parameter of {command} must be a projected CRS known to PROJ, "
                f"e.g. EPSG:3035. Got {project!r} instead."
            ) from exc
        if target.is_geographic:
            raise InvalidParameterError(
                f"The '--project' parameter of {command} must be a projected CRS (metres), "
                f"e.g. EPSG:3035. Got {project!r} instead, which is longitude/latitude."
            )
        return project_points(points, project)
    if points.geographic:
        raise InvalidParameterError(
            f"{command} measures distances and areas in metres: the points are longitude/"
            "latitude. Add --project with a projected CRS, e.g. --project EPSG:3035 (Europe) "
            "or the UTM zone of the area."
        )
    return points


def _radii(points, radii, max_radius, steps, *, activity, window):
    """Radii from ``--radii``, or ``--steps`` even radii up to ``--max-radius``/the default."""
    import numpy as np

    from grappe._validation import check_number
    from grappe.errors import InvalidParameterError
    from grappe.spatial.ripley import default_radii

    if radii is not None:
        return np.asarray(parse_radii(radii))
    check_number(steps, "--steps", func="grappe spatial", low=1, integer=True)
    if max_radius is not None:
        check_number(max_radius, "--max-radius", func="grappe spatial", low=0, closed="neither")
        return max_radius * np.arange(1, steps + 1) / steps
    try:
        return default_radii(points, activity=activity, window=window, steps=steps)
    except InvalidParameterError as exc:
        raise InvalidParameterError(
            f"The points{_of_file(points)} lie at one place or on one line, so no default "
            "radius exists: give --radii (and, for ripley, a --window of positive area)."
        ) from exc


def _of_file(points) -> str:
    """`` of 'file.csv'`` for a message about the points' content (the file the user gave)."""
    return f" of {Path(points.source).name!r}" if points.source else ""


def _window(points, activity, box):
    """``--window``, checked to hold every point, or the points' bounding box (of area > 0)."""
    from grappe.errors import InvalidParameterError

    data = points.data if activity is None else points.data[points.mask(activity)]
    if len(data) < 2:
        raise InvalidParameterError(
            Message("Ripley's K needs at least two points of {activity!r}. Got {count}.",
                    activity=activity, count=len(data))
            if activity
            else Message("Ripley's K needs at least two points. Got {count}.", count=len(data))
        )  # fmt: skip
    if box is not None:
        x, y = data["x"], data["y"]
        out = ~((x >= box[0]) & (x <= box[2]) & (y >= box[1]) & (y <= box[3]))
        if out.any():
            first = data[out].iloc[0]
            raise InvalidParameterError(
                Message(
                    "The '--window' parameter must contain every point (in the metres of the "
                    "projected CRS). Got a window that leaves out {count} of them, the first at "
                    "({x:.1f}, {y:.1f}): widen it or leave it out.",
                    count=int(out.sum()),
                    x=first["x"],
                    y=first["y"],
                )
            )
        return box
    box = (data["x"].min(), data["y"].min(), data["x"].max(), data["y"].max())
    if not (box[2] > box[0] and box[3] > box[1]):
        raise InvalidParameterError(
            f"The points{_of_file(points)} lie at one place or on one line: their bounding box "
            "has no area, so K has no window. Give the study area with --window "
            "MINX,MINY,MAXX,MAXY (metres)."
        )
    return tuple(float(v) for v in box)


def _note_coincident(points, activity) -> None:
    from grappe.spatial.ripley import coincident_count

    repeated = coincident_count(points, activity=activity)
    if repeated:
        err_console.print(
            tr(
                "Note: {count} point(s) repeat the location of another; they count as pairs "
                "at distance 0.",
                count=repeated,
            ),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def _verdict(value, lower, upper):
    """Where the curve is against its envelope; ``n/a`` where either is undefined (NaN)."""
    import numpy as np

    undefined = np.isnan(value) | np.isnan(lower) | np.isnan(upper)
    side = np.where(value > upper, "above", np.where(value < lower, "below", "within"))
    return np.where(undefined, "n/a", side)


@group.command("ripley")
def ripley_command(
    points: PointsArg,
    activity: Annotated[
        str | None, typer.Option("--activity", "-a", help="Activity (default: all points).")
    ] = None,
    x: XOpt = "lon",
    y: YOpt = "lat",
    crs: CrsOpt = "EPSG:4326",
    project: ProjectOpt = None,
    activity_column: ActColOpt = None,
    id_column: IdOpt = None,
    drop_missing: DropOpt = False,
    radii: RadiiOpt = None,
    max_radius: MaxRadiusOpt = None,
    steps: StepsOpt = 20,
    window: Annotated[
        str | None,
        typer.Option(
            "--window",
            help="Study window MINX,MINY,MAXX,MAXY in metres of the projected CRS; default "
            "the points' bounding box.",
        ),
    ] = None,
    edge_correction: Annotated[
        str, typer.Option("--edge-correction", help="isotropic (default), border or none.")
    ] = "isotropic",
    simulations: SimsOpt = 99,
    seed: SeedOpt = 0,
    scheduler: SchedOpt = None,
    out: OutOpt = None,
    plot: PlotOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    bbox: BboxOpt = None,
    country: CountryOpt = None,
    outside: OutsideOpt = "warn",
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Ripley's K and Besag's L against complete spatial randomness, with CSR envelopes."""
    with grappe_errors():
        import pandas as pd

        from grappe._validation import check_number, check_option
        from grappe.io.output import all_or_nothing, check_figure_format, write_frame
        from grappe.io.spatial import write_figure
        from grappe.spatial import ripley_k
        from grappe.spatial.maps import plot_ripley
        from grappe.spatial.ripley import EDGE_CORRECTIONS

        command = "grappe spatial ripley"
        check_option(edge_correction, "--edge-correction", EDGE_CORRECTIONS, func=command)
        check_number(simulations, "--simulations", func=command, low=0, integer=True)
        box = None if window is None else parse_bbox(window, option="--window")
        _check_outputs(out, plot)
        if plot is not None:
            check_figure_format(plot)
        pts = _read(
            points,
            x,
            y,
            crs,
            id_column,
            activity_column,
            None,
            drop_missing,
            (bbox, country, outside, duplicates),
            (encoding, sep, decimal, thousands),
        )
        pts = _metric_points(pts, project, command)
        if activity is not None:
            pts.mask(activity)  # an unknown activity is refused before anything is computed
        box = _window(pts, activity, box)
        r = _radii(pts, radii, max_radius, steps, activity=activity, window=box)
        _note_coincident(pts, activity)
        with _progress("simulations") as update:
            curves = ripley_k(
                pts,
                r,
                activity=activity,
                window=box,
                edge_correction=edge_correction,
                n_simulations=simulations,
                seed=seed,
                scheduler=scheduler,
                progress=update,
            )
        shown = pd.DataFrame(
            {"radius km": curves["radius"] / 1000, "L−r km": curves["l_minus_r"] / 1000}
        )
        if simulations:
            shown["envelope km"] = [
                f"{number_text(lo / 1000)} – {number_text(hi / 1000)}"
                for lo, hi in zip(
                    curves["l_lower"] - curves["radius"],
                    curves["l_upper"] - curves["radius"],
                    strict=True,
                )
            ]
            shown["vs CSR"] = _verdict(curves["k"], curves["k_lower"], curves["k_upper"])
        _print(shown, tr("Ripley's L − r ({correction} correction)", correction=edge_correction))
        with all_or_nothing():
            if out is not None:
                write_frame(curves, out)
            if plot is not None:
                title = tr(
                    "{activity}: Besag's L − r, {simulations} CSR simulations",
                    activity=activity or tr("all points"),
                    simulations=simulations,
                )
                write_figure(plot_ripley(curves, title=title, lang=current_language()), plot)


@group.command("mfunction")
def mfunction_command(
    points: PointsArg,
    activity: Annotated[str, typer.Option("--activity", "-a", help="Activity to measure.")],
    x: XOpt = "lon",
    y: YOpt = "lat",
    crs: CrsOpt = "EPSG:4326",
    project: ProjectOpt = None,
    activity_column: ActColOpt = None,
    weight_column: WeightOpt = None,
    id_column: IdOpt = None,
    drop_missing: DropOpt = False,
    weighted: Annotated[bool, typer.Option(help="Weight neighbours by employees.")] = False,
    radii: RadiiOpt = None,
    max_radius: MaxRadiusOpt = None,
    steps: StepsOpt = 20,
    simulations: SimsOpt = 99,
    seed: SeedOpt = 0,
    scheduler: SchedOpt = None,
    out: OutOpt = None,
    plot: PlotOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    bbox: BboxOpt = None,
    country: CountryOpt = None,
    outside: OutsideOpt = "warn",
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Marcon–Puech M of an activity, with a random-labelling envelope."""
    with grappe_errors():
        import pandas as pd

        from grappe._validation import check_number
        from grappe.errors import InvalidParameterError
        from grappe.io.output import all_or_nothing, check_figure_format, write_frame
        from grappe.io.spatial import write_figure
        from grappe.spatial import m_function
        from grappe.spatial.maps import plot_m_function

        command = "grappe spatial mfunction"
        check_number(simulations, "--simulations", func=command, low=0, integer=True)
        if weighted and weight_column is None:
            raise InvalidParameterError(
                f"The '--weighted' option of {command} needs --weight-column (the column of "
                "employees). Got none."
            )
        _check_outputs(out, plot)
        if plot is not None:
            check_figure_format(plot)
        pts = _read(
            points,
            x,
            y,
            crs,
            id_column,
            activity_column,
            weight_column,
            drop_missing,
            (bbox, country, outside, duplicates),
            (encoding, sep, decimal, thousands),
        )
        pts = _metric_points(pts, project, command)
        pts.mask(activity)  # an unknown activity is refused before anything is computed
        r = _radii(pts, radii, max_radius, steps, activity=None, window=None)
        _note_coincident(pts, None)
        with _progress("simulations") as update:
            curves = m_function(
                pts,
                activity,
                r,
                weighted=weighted,
                n_simulations=simulations,
                seed=seed,
                scheduler=scheduler,
                progress=update,
            )
        shown = pd.DataFrame({"radius km": curves["radius"] / 1000, "M": curves["m"]})
        if simulations:
            shown["envelope"] = [
                f"{number_text(lo)} – {number_text(hi)}"
                for lo, hi in zip(curves["lower"], curves["upper"], strict=True)
            ]
            shown["vs random"] = _verdict(curves["m"], curves["lower"], curves["upper"])
        _print(
            shown,
            tr("Marcon–Puech M of {activity} (weighted)", activity=activity)
            if weighted
            else tr("Marcon–Puech M of {activity}", activity=activity),
        )
        with all_or_nothing():
            if out is not None:
                write_frame(curves, out)
            if plot is not None:
                title = tr(
                    "{activity}: M, {simulations} random-labelling simulations",
                    activity=activity,
                    simulations=simulations,
                )
                write_figure(plot_m_function(curves, title=title, lang=current_language()), plot)
