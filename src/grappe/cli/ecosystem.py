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
    Path | None,
    typer.Option(
        "--bodies",
        help="Long table of geolocated support bodies (actor_type, name, wilaya_code, lat, lon), "
        "e.g. dz_ecosystem_actors/all_geolocated_actors_long.csv; by default the 6,502 bodies "
        "bundled with grappe (TransformaTek, cleaned and deduplicated).",
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
    if isinstance(value, bool) or type(value).__name__ == "bool_":  # before int: bool is an int
        return tr("yes") if value else tr("no")
    if isinstance(value, float):  # metres for a distance, about 1 m for a coordinate
        return format_number(value, digits=3 if column == "distance_km" else 5)
    if (
        isinstance(value, int)
        and column not in ("wilaya_code", "code")
        and not column.endswith("_id")
    ):
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
        # grappe dz tables
        "name_fr": tr("name (French)"),
        "name_ar": tr("name (Arabic)"),
        "name_en": tr("name (English)"),
        "communes": tr("communes"),
        "population": tr("population"),
        "communes_without_population": tr("communes without population"),
        "division": tr("division"),
        "commune_code": tr("commune (ONS code)"),
        "osm_id": tr("OSM id"),
        "daira_osm_id": tr("daïra (OSM id)"),
        "daira_name_fr": tr("daïra (French)"),
        "daira_name_ar": tr("daïra (Arabic)"),
        "wilaya_69": tr("wilaya (69)"),
        "wilaya_58": tr("wilaya (58)"),
        "wilaya_48": tr("wilaya (48)"),
        "moved": tr("moved"),
        "share": tr("share"),
    }


def emit_frame(frame: pd.DataFrame, *, output: Path | None, output_format: str, title: str) -> None:
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


def _read(bodies: Path | None) -> pd.DataFrame:
    from grappe.io.ecosystem import read_support_bodies
    from grappe.io.presets import bundled_path

    if bodies is None:  # the cleaned copy the observatory publishes (data/dz/PROVENANCE.md)
        bodies = bundled_path("dz", "support_bodies.csv")
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


KeepDuplicatesOpt = Annotated[
    bool,
    typer.Option(
        "--keep-duplicates",
        help="Keep branches listed twice (same type within 5 m, same name or one unnamed); "
        "by default they are merged.",
    ),
]


def _deduplicated(table: pd.DataFrame, keep: bool) -> pd.DataFrame:
    from grappe.ecosystem import deduplicate_bodies

    if keep:
        return table
    merged = deduplicate_bodies(table)
    if merged.removed:
        err_console.print(
            tr(
                "{count} rows listed twice were merged (--keep-duplicates to keep them).",
                count=format_number(merged.removed),
            ),
            highlight=False,
        )
    return merged.bodies


# a western longitude (-0.63 for Oran) is a number, not an unknown option
@ecosystem_app.command("near", context_settings={"ignore_unknown_options": True})
def near_command(
    lat: Annotated[
        float, typer.Argument(metavar="LAT", help="Latitude, WGS84 decimal degrees (34.85).")
    ],
    lon: Annotated[
        float, typer.Argument(metavar="LON", help="Longitude, WGS84 decimal degrees (5.73).")
    ],
    bodies: BodiesOpt = None,
    radius_km: Annotated[
        float, typer.Option("--radius-km", help="Search radius in km (great-circle).")
    ] = 20.0,
    types: TypesOpt = None,
    keep_duplicates: KeepDuplicatesOpt = False,
    output_format: Annotated[
        str, typer.Option("--format", help="table, json or csv (default: table).")
    ] = "table",
    output: OutputOpt = None,
) -> None:
    """The support bodies within a radius of a point, nearest first, with their distance and
    the commune and wilaya (69) their coordinates fall in.

    Example: grappe ecosystem near 34.85 5.73 --bodies all_geolocated_actors_long.csv
    --radius-km 20 --types anade,angem,cnrc,banks
    """
    from grappe.ecosystem import nearest_bodies, select_types
    from grappe.io.ecosystem import attribute_bodies

    with grappe_errors():
        _check_format(output_format, command="grappe ecosystem near")
        chosen = select_types(_read(bodies), _types(types), func="grappe ecosystem near")
        table = _deduplicated(chosen, keep_duplicates)
        found = nearest_bodies(table, lat, lon, radius_km=radius_km, types=_types(types))
        found = found.assign(distance_km=found["distance_km"].astype(float).round(3))
        where = attribute_bodies(found)[["commune_name_fr", "wilaya_69"]]
        found.insert(3, "wilaya_69", where["wilaya_69"])
        found.insert(4, "commune", where["commune_name_fr"])
        emit_frame(
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
    bodies: BodiesOpt = None,
    types: TypesOpt = None,
    level: Annotated[
        str, typer.Option(help="wilaya (one row per wilaya) or commune (one per commune).")
    ] = "wilaya",
    division: Annotated[
        int,
        typer.Option(help="Wilayas of the 69 (2025, default), 58 (2019) or 48 (1984) division."),
    ] = 69,
    smes: Annotated[
        Path | None,
        typer.Option(
            "--smes",
            help="SMEs per wilaya (columns wilaya_code, smes; codes of --division): adds the "
            "bodies per 1,000 SMEs.",
        ),
    ] = None,
    radius_km: Annotated[
        float | None,
        typer.Option(
            "--radius-km",
            help="Adds lacking_within_R_km: the types (families by default) without a body within "
            "this distance of the wilaya's reference point (--reference) or of the commune.",
        ),
    ] = None,
    reference: Annotated[
        str,
        typer.Option(
            help="A wilaya's reference point for --radius-km: centroid (of its communes, "
            "weighted by population) or main-commune (its most populous commune)."
        ),
    ] = "centroid",
    rates: Annotated[
        bool, typer.Option("--rates", help="A rate column for each type, not only the total.")
    ] = False,
    keep_duplicates: KeepDuplicatesOpt = False,
    output_format: Annotated[
        str, typer.Option("--format", help="table, json or csv (default: table).")
    ] = "table",
    output: OutputOpt = None,
) -> None:
    """Support bodies per type per wilaya or commune, attributed by their coordinates, with the
    rates per 10,000 inhabitants (and per 1,000 SMEs) and the types lacking nearby.

    Example: grappe ecosystem coverage --bodies all_geolocated_actors_long.csv
    --types anade,angem,cnrc,banks --radius-km 30 -o coverage.csv
    """
    from grappe._validation import check_option
    from grappe.io.dz_geography import ATTRIBUTION
    from grappe.io.ecosystem import ecosystem_coverage, read_wilaya_counts

    command = "grappe ecosystem coverage"
    with grappe_errors():
        _check_format(output_format, command=command)
        check_option(level, "--level", ("wilaya", "commune"), func=command)
        check_option(reference, "--reference", ("centroid", "main-commune"), func=command)
        if division not in (48, 58, 69):
            raise InvalidParameterError(
                f"The '--division' option of {command} must be 48, 58 or 69. Got {division} "
                "instead."
            )
        if smes is not None and level != "wilaya":
            raise InvalidParameterError(
                f"The '--smes' option of {command} gives SMEs by wilaya: use it with --level "
                "wilaya."
            )
        counts = None if smes is None else read_wilaya_counts(smes, division=division)
        table = _read(bodies)
        coverage = ecosystem_coverage(
            table,
            level=level,
            division=division,
            types=_types(types),
            smes=counts,
            radius_km=radius_km,
            reference=reference,
            rates=rates,
            deduplicate=not keep_duplicates,
        )
        notes = coverage.attrs
        if notes["duplicates"]:
            err_console.print(
                tr(
                    "{count} rows listed twice were merged (--keep-duplicates to keep them).",
                    count=format_number(notes["duplicates"]),
                ),
                highlight=False,
            )
        if notes["unattributed"]:
            err_console.print(
                tr(
                    "{count} bodies lie in no commune of Algeria (outside it, or geocoded at "
                    "sea) and are not counted.",
                    count=format_number(notes["unattributed"]),
                ),
                highlight=False,
            )
        emit_frame(
            coverage,
            output=output,
            output_format=output_format,
            title=tr(
                "Support bodies per {level} ({count} bodies, {division}-wilaya division; "
                "population OSM) — {attribution}",
                level=tr(level),
                count=format_number(int(coverage["total"].sum())),
                division=division,
                attribution=ATTRIBUTION,
            ),
        )


def register(app: typer.Typer) -> None:
    """Add ``grappe ecosystem`` to the root application."""
    app.add_typer(ecosystem_app)
