"""``grappe growth`` and ``grappe concentration``: analyses of a regional table.

Both read the table as ``grappe map`` does (the same reading options, through
:func:`grappe.io.read_regional_table`), call one library function —
:meth:`grappe.mapping.ClusterMap.growth` or :func:`grappe.concentration.concentration_table` —
write the result through :mod:`grappe.io.output` and print a short summary.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from grappe.cli._common import (
    ClassificationOpt,
    ColumnOpt,
    DecimalOpt,
    DuplicatesOpt,
    EncodingOpt,
    RegionTypeOpt,
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
    shown_cluster_name,
)
from grappe.errors import InvalidParameterError
from grappe.i18n import format_number, tr

if TYPE_CHECKING:  # the commands' help needs neither pandas nor NumPy; their runs import them
    import pandas as pd

__all__ = ["check_code_level", "register"]

OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Where to write the table ('-' for standard output)."),
]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", help="csv, parquet or json (default: from --output's suffix)."),
]
TopOpt = Annotated[int, typer.Option(help="Rows shown in the summary (0 hides it).")]


def _check_destination(command: str, output: Path | None, output_format: str | None) -> None:
    from grappe.io.output import OUTPUT_FORMATS, check_output, format_from_path

    if output_format is not None and output_format not in OUTPUT_FORMATS:
        raise InvalidParameterError(
            f"The 'format' parameter of {command} must be one of {', '.join(OUTPUT_FORMATS)}. "
            f"Got {output_format!r} instead."
        )
    if output is not None:  # a bad destination is refused before the computation
        check_output(output, binary=(output_format or format_from_path(output)) == "parquet")


def _write(frame: pd.DataFrame, output: Path | None, output_format: str | None) -> None:
    from grappe.io.output import all_or_nothing, is_stdout, write_frame

    if output is None:
        return
    with all_or_nothing():
        write_frame(frame, output, format=output_format)
    if not is_stdout(output):
        err_console.print(
            tr("Wrote {count} rows to {path}", count=format_number(len(frame)), path=output),
            markup=False,
            highlight=False,
        )


def _shown_on(output: Path | None):  # noqa: ANN202 - a Rich console
    from grappe.io.output import is_stdout

    return err_console if is_stdout(output) else console


def _number(value: Any, spec: str) -> str:
    return (
        "—"
        if value is None or (isinstance(value, float) and math.isnan(value))
        else format(value, spec)
    )


def _signed(value: float, digits: int) -> str:
    """A change in the user's number format, with its sign (``+1,234``, ``-5.2``)."""
    return ("+" if value >= 0 else "") + format_number(value, digits=digits)


# --- grappe growth ---------------------------------------------------------------------------


def growth_command(
    table_path: Annotated[
        Path, typer.Argument(metavar="TABLE", help="Regional statistics file (CSV, Parquet…).")
    ],
    start: Annotated[int, typer.Option(help="First year.")],
    end: Annotated[int, typer.Option(help="Last year (after --start).")],
    source: SourceOpt = None,
    definitions: Annotated[
        str, typer.Option(help="Cluster definitions: 'us-benchmark' or a CSV/YAML file.")
    ] = "us-benchmark",
    withheld: WithheldOpt = None,
    where: WhereOpt = None,
    column: ColumnOpt = None,
    classification: ClassificationOpt = None,
    region_type: RegionTypeOpt = None,
    total: Annotated[
        str,
        typer.Option(
            help="Region totals: auto (the all-industries rows when the file has them), "
            "row (require them) or sum (sum the industries)."
        ),
    ] = "auto",
    output: OutputOpt = None,
    output_format: FormatOpt = None,
    top: TopOpt = 10,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Employment growth of every region × cluster between two years: job change and
    compound annual growth rate, with whether the cluster was strong in the last year.

    Example: grappe growth cbp_state_naics_2017_2021.parquet --source cbp --start 2017
    --end 2021 -o growth.csv
    """
    from grappe._validation import check_option
    from grappe.cli.mapping import parse_column_mapping, parse_where
    from grappe.io import load_definitions, read_regional_table
    from grappe.mapping import TOTAL_RULES, map_clusters

    command = "grappe growth"
    with grappe_errors():
        check_reading_options(
            command, source=source, withheld=withheld, classification=classification
        )
        check_option(total, "--total", TOTAL_RULES, func=command)
        if start >= end:
            raise InvalidParameterError(
                f"The 'end' parameter of {command} must be a year after --start ({start}). "
                f"Got --end {end} instead."
            )
        _check_destination(command, output, output_format)
        reading = read_options(encoding, sep, decimal, thousands)
        table = read_regional_table(
            table_path,
            source=source,
            columns=parse_column_mapping(column),
            where=parse_where(where, command=command),
            classification=classification,
            region_type=region_type,
            withheld=withheld,
            years=(start, end),
            options=reading,
            duplicates=duplicates_policy(duplicates, command=command),
        )
        defs = load_definitions(
            definitions, options=reading, fallback_classification=table.classification
        )
        result = map_clusters(table, defs, years=(start, end), total=total)
        growth = result.growth(start, end)
        last = result.indicators.loc[result.indicators["year"] == end, ["region", "cluster"]]
        strong = result.indicators.loc[result.indicators["year"] == end, "strong"].astype(bool)
        growth = growth.merge(
            last.assign(strong_end=strong.to_numpy()), on=["region", "cluster"], how="left"
        )
        growth["strong_end"] = growth["strong_end"].fillna(False).astype(bool)
        _write(growth, output, output_format)
    if top > 0:
        _shown_on(output).print(_growth_summary(growth, start, end, top))
    n = len(growth)
    values = {
        "regions": format_number(growth["region"].nunique()),
        "clusters": format_number(growth["cluster"].nunique()),
        "rows": format_number(n),
        "before": format_number(growth["employment_start"].sum()),
        "start": start,
        "after": format_number(growth["employment_end"].sum()),
        "end": end,
    }
    if table.unit:
        text = tr(
            "{regions} regions × {clusters} clusters ({rows} rows); jobs {before} in {start} → "
            "{after} in {end} (counts in {unit}, as published).",
            unit=table.unit,
            **values,
        )
    else:
        text = tr(
            "{regions} regions × {clusters} clusters ({rows} rows); jobs {before} in {start} → "
            "{after} in {end}.",
            **values,
        )
    err_console.print(text)


def _growth_summary(growth: pd.DataFrame, start: int, end: int, top: int) -> Table:
    """The fastest-growing traded clusters that are strong in the last year."""
    rows = growth[growth["strong_end"] & (growth["employment_start"] > 0)]
    if "cluster_type" in rows:
        rows = rows[rows["cluster_type"].astype(str) == "traded"]
    rows = rows.sort_values(["cagr", "job_change"], ascending=False).head(top)
    view = Table(
        title=tr("Fastest-growing strong traded clusters, {start}–{end}", start=start, end=end)
    )
    for col, justify in (
        (tr("Region"), "left"),
        (tr("Cluster"), "left"),
        (tr("Jobs {year}", year=start), "right"),
        (tr("Jobs {year}", year=end), "right"),
        (tr("Change"), "right"),
        (tr("CAGR"), "right"),
    ):
        view.add_column(col, justify=justify)
    for rec in rows.itertuples(index=False):
        view.add_row(
            f"{rec.region_name} ({rec.region})",
            shown_cluster_name(rec.cluster, rec.cluster_name),
            format_number(rec.employment_start),
            format_number(rec.employment_end),
            _signed(rec.job_change, 0),
            "—" if rec.cagr is None or rec.cagr != rec.cagr else _signed(100 * rec.cagr, 1) + "%",
        )
    return view


# --- grappe concentration ------------------------------------------------------------------

#: The column the summary of each index ranks by.
_MAIN_COLUMN = {
    "hoover": "hoover",
    "gini": "locational_gini",
    "krugman": "krugman",
    "hhi": "hhi",
    "entropy": "entropy",
    "eg": "gamma",
    "coagglomeration": "coagglomeration",
    "shift-share": "regional",
}


def concentration_command(
    table_path: Annotated[
        Path, typer.Argument(metavar="TABLE", help="Regional statistics file (CSV, Parquet…).")
    ],
    index: Annotated[
        str,
        typer.Option(
            help="hoover, gini (locational), krugman, hhi, entropy, eg (Ellison-Glaeser; needs "
            "establishments), coagglomeration or shift-share (needs --start and --end)."
        ),
    ],
    source: SourceOpt = None,
    definitions: Annotated[
        str | None,
        typer.Option(help="Cluster definitions ('us-benchmark' or a file): units are clusters."),
    ] = None,
    digits: Annotated[
        int | None,
        typer.Option(help="Without --definitions: units are the industries of this code length."),
    ] = None,
    code_level: Annotated[
        int | None,
        typer.Option(
            "--level",
            help="Read only the rows whose codes are of this level (e.g. 6 for NAICS), as "
            "grappe complexity --level.",
        ),
    ] = None,
    year: Annotated[int | None, typer.Option(help="Year (default: the latest).")] = None,
    start: Annotated[int | None, typer.Option(help="First year of shift-share.")] = None,
    end: Annotated[int | None, typer.Option(help="Last year of shift-share.")] = None,
    by: Annotated[
        str, typer.Option(help="hoover and hhi: per unit (across regions) or per region.")
    ] = "unit",
    group_digits: Annotated[
        int, typer.Option(help="entropy without --definitions: group industries by prefix.")
    ] = 2,
    withheld: WithheldOpt = None,
    where: WhereOpt = None,
    column: ColumnOpt = None,
    classification: ClassificationOpt = None,
    region_type: RegionTypeOpt = None,
    output: OutputOpt = None,
    output_format: FormatOpt = None,
    top: TopOpt = 10,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Concentration, specialisation and agglomeration indices of a regional table, by
    industry or by cluster: one index, one output table.

    Example: grappe concentration cbp_state_naics_2017_2021.parquet --source cbp
    --index hoover --definitions us-benchmark --level 6 -o hoover.csv
    """
    from grappe._validation import check_number, check_option
    from grappe.cli.mapping import parse_column_mapping, parse_where
    from grappe.codes import nested_pairs
    from grappe.concentration import CONCENTRATION_INDICES, concentration_table
    from grappe.io import load_definitions, read_regional_table
    from grappe.io.activity_codes import industry_names

    command = "grappe concentration"
    with grappe_errors():
        check_option(index, "--index", CONCENTRATION_INDICES, func=command)
        check_option(by, "--by", ("unit", "region"), func=command)
        check_reading_options(
            command, source=source, withheld=withheld, classification=classification
        )
        for name, value, low in (("--digits", digits, 1), ("--level", code_level, 0)):
            if value is not None:
                check_number(value, name, func=command, low=low, integer=True)
        check_number(group_digits, "--group-digits", func=command, low=1, integer=True)
        _check_concentration_years(command, index, year, start, end)
        _check_destination(command, output, output_format)
        check_code_level(command, code_level, source, classification)
        reading = read_options(encoding, sep, decimal, thousands)
        years = (start, end) if index == "shift-share" else (year,) if year is not None else None
        table = read_regional_table(
            table_path,
            source=source,
            columns=parse_column_mapping(column),
            where=parse_where(where, command=command),
            classification=classification,
            region_type=region_type,
            withheld=withheld,
            years=years,
            levels=(code_level,) if code_level is not None else None,
            options=reading,
            duplicates=duplicates_policy(duplicates, command=command),
        )
        if not table.years:
            raise InvalidParameterError(
                f"The 'level' parameter of {command} kept no row of {str(table_path)!r}. "
                f"Got --level {code_level} instead; choose a level of the file's codes."
            )
        defs = (
            load_definitions(
                definitions, options=reading, fallback_classification=table.classification
            )
            if definitions
            else None
        )
        if defs is None and digits is None:
            import pandas as pd

            nested = nested_pairs(
                pd.unique(table.data["industry"].astype(str)), table.classification
            )
            if nested:
                raise InvalidParameterError(
                    f"The industry codes of {str(table_path)!r} mix levels ({nested[0][0]!r} "
                    f"contains {nested[0][1]!r}), so {command} would count jobs twice: give "
                    "--level (read one level), --digits (units of one code length) or "
                    "--definitions (units are clusters)."
                )
        result = concentration_table(
            table,
            index=index,
            year=year,
            start=start,
            end=end,
            definitions=defs,
            digits=digits,
            by=by,
            group_digits=group_digits,
            names=industry_names(table.classification),
        )
        _write(result, output, output_format)
    if top > 0:
        _shown_on(output).print(
            _concentration_summary(result, index, top, clusters=defs is not None)
        )
    if index == "eg":
        err_console.print(
            tr(
                "Note: H = 1 / establishments (equal-size plants), a lower bound of the plant "
                "Herfindahl that overstates gamma; units with fewer than 2 establishments get no "
                "gamma."
            )
        )


def check_code_level(command: str, level: int | None, source: Any, classification: Any) -> None:
    """--level needs codes with levels: a classification given, or the preset's."""
    from grappe.io.presets import PRESETS

    if level is None:
        return
    effective = classification or (PRESETS[source].classification if source else "custom")
    if effective == "custom":
        raise InvalidParameterError(
            f"The '--level' parameter of {command} needs industry codes with levels: give "
            "--classification (naics2017, nace2, isic4) or --source. Got custom codes instead."
        )


def _check_concentration_years(
    command: str, index: str, year: int | None, start: int | None, end: int | None
) -> None:
    """Which years an index takes, said in the command's terms before the read."""
    if index == "shift-share":
        if start is None or end is None:
            raise InvalidParameterError(
                f"The 'start' and 'end' parameters of {command} are needed by --index "
                "shift-share. Got "
                f"--start {start} and --end {end} instead."
            )
        if year is not None:
            raise InvalidParameterError(
                f"The 'year' parameter of {command} does not apply to --index shift-share "
                f"(give --start and --end). Got --year {year} instead."
            )
        if start >= end:
            raise InvalidParameterError(
                f"The 'end' parameter of {command} must be a year after --start ({start}). "
                f"Got --end {end} instead."
            )
    elif start is not None or end is not None:
        raise InvalidParameterError(
            f"The 'start' and 'end' parameters of {command} apply to --index shift-share only. "
            f"Got them with --index {index} instead (use --year)."
        )


def _concentration_summary(
    result: pd.DataFrame, index: str, top: int, *, clusters: bool = False
) -> Table:
    main = _MAIN_COLUMN[index]
    rows = result.dropna(subset=[main]).sort_values(main, ascending=False).head(top)
    if index == "coagglomeration":
        labels = ["unit_a_name", "unit_b_name"]
    elif index == "shift-share":
        labels = ["region_name", "unit_name"]
    else:
        labels = ["region_name" if "region_name" in result else "unit_name"]
    shown = [c for c in result.columns if c not in labels and c not in ("year", "start", "end")]
    shown = [c for c in shown if c not in ("unit", "region", "unit_a", "unit_b")]
    period = (
        f"{result['start'].iloc[0]}–{result['end'].iloc[0]}"
        if index == "shift-share"
        else str(result["year"].iloc[0])
    )
    title = main if main == index else f"{main} ({index})"
    view = Table(title=tr("Highest {index}, {period}", index=title, period=period))
    for col in labels:
        view.add_column(_LABELS[col](), justify="left")
    headings = _headings()
    for col in shown:
        view.add_column(headings.get(col, col), justify="right")
    for rec in rows.to_dict("records"):
        view.add_row(
            *(_unit_name(rec, c, clusters) for c in labels),
            *(format_number(rec[c], digits=0 if c in _COUNTS else 4) for c in shown),
        )
    return view


def _unit_name(rec: dict, column: str, clusters: bool) -> str:
    """A name cell: a benchmark cluster's name in the CLI's language (files keep the data's)."""
    code = column.removesuffix("_name")
    if clusters and column != "region_name" and code in rec:
        return shown_cluster_name(rec[code], rec[column])
    return str(rec[column])


def _headings() -> dict[str, str]:
    """Headings of the number columns of the concentration summary, in the CLI's language (files
    keep the column names)."""
    return {
        "hoover": tr("hoover"),
        "locational_gini": tr("locational_gini"),
        "krugman": tr("krugman"),
        "hhi": tr("hhi"),
        "entropy": tr("entropy"),
        "gamma": tr("gamma"),
        "coagglomeration": tr("coagglomeration"),
        "establishments": tr("establishments"),
        "employment_start": tr("employment_start"),
        "employment_end": tr("employment_end"),
        "change": tr("change"),
        "national": tr("national"),
        "industry_mix": tr("industry_mix"),
        "regional": tr("regional"),
    }


#: Headings of the name columns of the concentration summary (looked up when the table is drawn).
_LABELS = {
    "region_name": lambda: tr("region"),
    "unit_name": lambda: tr("unit"),
    "unit_a_name": lambda: tr("unit_a"),
    "unit_b_name": lambda: tr("unit_b"),
}

#: Columns of counts (jobs, establishments), shown without decimals.
_COUNTS = frozenset(
    {
        "establishments",
        "employment_start",
        "employment_end",
        "change",
        "national",
        "industry_mix",
        "regional",
    }
)


def register(app: typer.Typer) -> None:
    """Add ``grappe growth`` and ``grappe concentration`` to the root application."""
    app.command("growth")(growth_command)
    app.command("concentration")(concentration_command)
