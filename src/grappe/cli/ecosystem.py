"""``grappe ecosystem``: the support bodies near a point, and their coverage per wilaya."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from grappe.cli._common import console, err_console, grappe_errors
from grappe.errors import InvalidParameterError
from grappe.i18n import format_number, tr

if TYPE_CHECKING:  # the CLI imports pandas only when a command runs
    import pandas as pd

__all__ = ["register"]

ecosystem_app = typer.Typer(
    name="ecosystem",
    help="The support ecosystem of firms (agencies, banks, insurers, incubators…): the bodies "
    "near a place, their coverage per wilaya.",
    no_args_is_help=True,
)

BodiesOpt = Annotated[
    Path,
    typer.Option(
        "--bodies",
        help="Long table of geolocated support bodies (actor_type, name, wilaya_code, lat, lon), "
        "e.g. dz_ecosystem_actors/all_geolocated_actors_long.csv.",
    ),
]
TypesOpt = Annotated[
    str | None,
    typer.Option(
        "--types",
        help="Types to keep, comma-separated: anade,angem,cnrc,banks (a family such as "
        "'banks' or 'insurance' keeps all its types). Default: all.",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="File to write (CSV or JSON, from its suffix); '-': stdout."
    ),
]
FORMATS = ("table", "json", "csv")


def _types(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [t.strip() for t in value.split(",") if t.strip()]


def _cell(column: str, value: object) -> str:
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):  # metres for a distance, about 1 m for a coordinate
        return format_number(value, digits=3 if column == "distance_km" else 5)
    if isinstance(value, int) and column not in ("wilaya_code", "code"):
        return format_number(value)
    return str(value)


def _headers() -> dict[str, str]:
    """Headings of the table output in the user's language (the columns keep their names in
    CSV and JSON)."""
    return {
        "actor_type": tr("type"),
        "name": tr("name"),
        "wilaya_code": tr("wilaya"),
        "lat": tr("latitude"),
        "lon": tr("longitude"),
        "distance_km": tr("distance (km)"),
        "total": tr("total"),
    }


def _emit(frame: pd.DataFrame, *, output: Path | None, output_format: str, title: str) -> None:
    """Show ``frame`` as a table, or write it as CSV/JSON to ``output`` (stdout when none)."""
    from grappe.io.output import format_from_path, is_stdout, write_frame

    if output is None and output_format == "table":
        table = Table(title=title)
        headers = _headers()
        for column in frame.columns:
            heading = headers.get(str(column), str(column))
            table.add_column(heading, justify="right" if column != "name" else "left")
        for row in frame.itertuples(index=False):
            table.add_row(*[_cell(c, v) for c, v in zip(frame.columns, row, strict=True)])
        console.print(table)
        return
    fmt = output_format
    if fmt == "table":  # -o without --format: the suffix says
        fmt = format_from_path(output) if output is not None else "csv"
    target = output if output is not None else Path("-")
    write_frame(frame, target, format=fmt)
    if not is_stdout(target):
        err_console.print(
            tr("Wrote {count} rows to {path}.", count=format_number(len(frame)), path=target),
            markup=False,
            highlight=False,
        )


def _read(bodies: Path) -> pd.DataFrame:
    from grappe.io.ecosystem import read_support_bodies

    table = read_support_bodies(bodies)
    left_out = table.attrs.get("without_coordinates", 0)
    if left_out:
        err_console.print(
            tr(
                "{count} rows of {file} have no coordinates and are left out.",
                count=left_out,
                file=bodies.name,
            ),
            highlight=False,
        )
    return table


def _check_format(output_format: str, *, command: str) -> None:
    if output_format not in FORMATS:
        raise InvalidParameterError(
            f"The '--format' option of {command} must be one of 'table', 'json', 'csv'. "
            f"Got {output_format!r} instead."
        )


# a western longitude (-0.63 for Oran) is a number, not an unknown option
@ecosystem_app.command("near", context_settings={"ignore_unknown_options": True})
def near_command(
    lat: Annotated[
        float, typer.Argument(metavar="LAT", help="Latitude, WGS84 decimal degrees (34.85).")
    ],
    lon: Annotated[
        float, typer.Argument(metavar="LON", help="Longitude, WGS84 decimal degrees (5.73).")
    ],
    bodies: BodiesOpt,
    radius_km: Annotated[
        float, typer.Option("--radius-km", help="Search radius in km (great-circle).")
    ] = 20.0,
    types: TypesOpt = None,
    output_format: Annotated[
        str, typer.Option("--format", help="table, json or csv (default: table).")
    ] = "table",
    output: OutputOpt = None,
) -> None:
    """The support bodies within a radius of a point, nearest first, with their distance.

    Example: grappe ecosystem near 34.85 5.73 --bodies all_geolocated_actors_long.csv
    --radius-km 20 --types anade,angem,cnrc,banks
    """
    from grappe.ecosystem import nearest_bodies

    with grappe_errors():
        _check_format(output_format, command="grappe ecosystem near")
        table = _read(bodies)
        found = nearest_bodies(table, lat, lon, radius_km=radius_km, types=_types(types))
        found = found.assign(distance_km=found["distance_km"].astype(float).round(3))
        _emit(
            found,
            output=output,
            output_format=output_format,
            title=tr(
                "{count} support bodies within {radius:g} km of ({lat}, {lon})",
                count=len(found),
                radius=radius_km,
                lat=lat,
                lon=lon,
            ),
        )


@ecosystem_app.command("coverage")
def coverage_command(
    bodies: BodiesOpt,
    types: TypesOpt = None,
    wilayas: Annotated[
        Path | None,
        typer.Option(
            "--wilayas",
            help="Wilaya list (admin_wilayas_58.csv or admin_wilayas_48.csv); default: the 58 "
            "wilayas bundled with grappe. Every wilaya is listed, with zeros, with its French "
            "and Arabic names.",
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="table, json or csv (default: table).")
    ] = "table",
    output: OutputOpt = None,
) -> None:
    """Support bodies per type per wilaya (one row per wilaya, one column per type, 0 where
    a wilaya has none, and a total).

    Example: grappe ecosystem coverage --bodies all_geolocated_actors_long.csv
    --wilayas admin_wilayas_58.csv --types anade,angem,cnrc -o coverage.csv
    """
    from grappe.ecosystem import coverage_by_wilaya

    with grappe_errors():
        _check_format(output_format, command="grappe ecosystem coverage")
        from grappe.io.ecosystem import read_wilayas

        names = read_wilayas(wilayas)
        table = _read(bodies)
        coverage = coverage_by_wilaya(
            table,
            types=_types(types),
            wilayas=names["wilaya_code"],
        )
        without = coverage.attrs.get("without_wilaya", 0)
        # a code missing from the list (0 in the source, a typo) keeps its row, without a name
        coverage = names.merge(coverage, on="wilaya_code", how="right")
        if without:
            err_console.print(
                f"{without} bodies have no wilaya code and are not counted.", highlight=False
            )
        _emit(
            coverage,
            output=output,
            output_format=output_format,
            title=tr(
                "Support bodies per wilaya ({count} bodies)",
                count=format_number(int(coverage["total"].sum())),
            ),
        )


def register(app: typer.Typer) -> None:
    """Add ``grappe ecosystem`` to the root application."""
    app.add_typer(ecosystem_app)
