"""``grappe complexity`` and ``grappe related``: economic complexity and relatedness density."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from grappe.cli._common import (
    DecimalOpt,
    DuplicatesOpt,
    EncodingOpt,
    SepOpt,
    ThousandsOpt,
    WhereOpt,
    console,
    duplicates_policy,
    err_console,
    grappe_errors,
    read_options,
    shown_cluster_name,
)
from grappe.errors import InvalidParameterError
from grappe.i18n import format_number, tr

if TYPE_CHECKING:  # the command's help needs neither pandas nor NumPy; its run imports them
    import pandas as pd

__all__ = ["complexity_records", "register"]

FORMATS = ("json", "csv")


def _clean(value: Any) -> Any:
    import numpy as np  # loaded already: the values come from a computed table

    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def complexity_records(rows: pd.DataFrame, cols: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """JSON-ready records: one per row entity (``eci``, ``diversity``…), one per column entity.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"eci": [1.0]}, index=pd.Index(["a"], name="c"))
    >>> c = pd.DataFrame({"pci": [float("nan")]}, index=pd.Index(["x"], name="p"))
    >>> complexity_records(r, c)
    {'rows': [{'id': 'a', 'eci': 1.0}], 'cols': [{'id': 'x', 'pci': None}]}
    """

    def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
        out = []
        for key, values in frame.iterrows():
            rec = {"id": _clean(key)}
            rec.update({str(k): _clean(v) for k, v in values.items()})
            out.append(rec)
        return out

    return {"rows": records(rows), "cols": records(cols)}


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def complexity_command(
    input: Annotated[
        Path, typer.Argument(help="Long or wide table (.csv, .csv.gz, .parquet, .xlsx).")
    ],
    rows: Annotated[str | None, typer.Option(help="Column of the locations (long table).")] = None,
    cols: Annotated[str | None, typer.Option(help="Column of the activities (long table).")] = None,
    values: Annotated[str | None, typer.Option(help="Column of the values (long table).")] = None,
    year: Annotated[int | None, typer.Option(help="Keep only this year.")] = None,
    year_column: Annotated[str, typer.Option(help="Name of the year column.")] = "year",
    output_format: Annotated[str, typer.Option("--format", help="json or csv.")] = "json",
    threshold: Annotated[float, typer.Option(help="RCA threshold for specialisation.")] = 1.0,
    method: Annotated[str, typer.Option(help="eigenvector or reflections.")] = "eigenvector",
    standardise: Annotated[
        str, typer.Option(help="growth-lab, stata, zscore, zscore-sample or none.")
    ] = "growth-lab",
    missing: Annotated[
        str, typer.Option(help="NaN cells (partial locations): raise, drop or zero.")
    ] = "raise",
    engine: Annotated[
        str,
        typer.Option(help="Products: auto (numba when installed), numba, or numpy (BLAS)."),
    ] = "auto",
    by_year: Annotated[
        bool,
        typer.Option(
            "--by-year",
            help="One result per year of --year-column (long table); ECI is standardised "
            "within each year.",
        ),
    ] = False,
    output: Annotated[
        Path | None, typer.Option(help="Write here instead of standard output.")
    ] = None,
    classification: Annotated[
        str,
        typer.Option(
            help="Classification of the activity codes: auto (NAICS-like digit codes, NACE "
            "codes, else custom), naics2017, nace2, isic4 or custom (no hierarchy)."
        ),
    ] = "auto",
    code_level: Annotated[
        int | None,
        typer.Option(
            "--level",
            help="Keep the activities of this code level only (NAICS: 0 total, 2 sector, "
            "3-6 digits; NACE: 1 section to 4 class). Needed when the codes mix levels.",
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(help="Read INPUT as a regional table of this preset (cbp), as grappe map."),
    ] = None,
    withheld: Annotated[
        str | None,
        typer.Option(
            help="Withheld cells, read as a regional table as grappe map does: raise, drop, "
            "keep_zero, impute_flag_midpoint or impute_residual (the default for --source cbp)."
        ),
    ] = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """ECI, diversity, COI and fitness per location; PCI, ubiquity and complexity per activity.

    Example: grappe complexity trade.csv --rows country --cols product --values value --format csv
    """
    from grappe.complexity import complexity_suite
    from grappe.io.complexity import check_activity_matrix

    options = {
        "threshold": threshold,
        "method": method,
        "standardise": standardise,
        "missing": missing,
        "engine": engine,
    }
    with grappe_errors():
        if output_format not in FORMATS:
            raise InvalidParameterError(
                f"The 'format' parameter of grappe complexity must be one of 'json', 'csv'. "
                f"Got {output_format!r} instead."
            )
        reading = read_options(encoding, sep, decimal, thousands)
        duplicates = duplicates_policy(duplicates, command="grappe complexity")
        if output is not None:  # a bad destination is refused before the computation
            from grappe.io.output import check_output

            check_output(output)
        _check_options(options)
        _check_reading(classification, source, withheld, year, by_year, (rows, cols, values))
        if source is not None or withheld is not None:  # read as a regional table
            from grappe.cli.analyses import check_code_level

            given = None if classification == "auto" else classification
            check_code_level("grappe complexity", code_level, source, given)
        reader = {
            "names": (rows, cols, values),
            "year": year,
            "year_column": year_column,
            "reading": reading,
            "duplicates": duplicates,
            "classification": classification,
            "level": code_level,
            "source": source,
            "withheld": withheld,
        }
        if by_year:
            row_table, col_table = _by_year(input, reader, options)
            _write(row_table, col_table, output_format, output, keys=["year"])
            return
        with _progress() as progress:
            progress.add_task(tr("Reading the table…"))
            (X,) = _read_matrices(input, reader, by_year=False).values()
        check_activity_matrix(
            X, file=str(input), column=values or "values", missing=options["missing"]
        )
        with _progress() as progress:
            progress.add_task(
                tr("Computing complexity of {rows} × {cols}…", rows=X.shape[0], cols=X.shape[1])
            )
            suite = complexity_suite(X, **options)
        ids = {
            key: ", ".join(map(str, items[:10]))
            for key, items in (("dropped", suite.dropped_rows), ("excluded", suite.excluded_rows))
        }
        if suite.dropped_rows:
            err_console.print(
                tr(
                    "{count} locations dropped (partial data): {ids}",
                    count=len(suite.dropped_rows),
                    ids=ids["dropped"],
                )
            )
        if suite.excluded_rows:
            err_console.print(
                tr(
                    "{count} locations without any specialisation: {ids}",
                    count=len(suite.excluded_rows),
                    ids=ids["excluded"],
                )
            )
        _write(suite.rows, suite.cols, output_format, output, keys=[])


def _check_reading(
    classification: str,
    source: str | None,
    withheld: str | None,
    year: int | None,
    by_year: bool,
    names: tuple[str | None, str | None, str | None],
) -> None:
    """The reading options of grappe complexity, checked in its terms before the read."""
    from grappe._validation import check_option
    from grappe.cli._common import check_reading_options
    from grappe.codes import CLASSIFICATIONS

    command = "grappe complexity"
    check_option(classification, "--classification", ("auto", *CLASSIFICATIONS), func=command)
    check_reading_options(command, source=source, withheld=withheld)
    if year is not None and by_year:
        raise InvalidParameterError(
            "The 'year' and 'by_year' parameters of grappe complexity must not be given "
            f"together (--by-year computes every year). Got --year {year} instead."
        )
    regional = source is not None or withheld is not None
    if by_year and not regional and any(n is None for n in names):
        raise InvalidParameterError(
            "The 'by_year' parameter of grappe complexity needs a long table: give --rows, "
            "--cols and --values. Got a wide table instead."
        )
    if regional and any(n is not None for n in names) and not all(n is not None for n in names):
        raise InvalidParameterError(
            "The 'rows', 'cols' and 'values' parameters of grappe complexity must be given "
            "together (they name the region, industry and employment columns of a regional "
            "table read with --source or --withheld). Got only some of them instead."
        )


def _read_matrices(input: Path, reader: dict[str, Any], *, by_year: bool) -> dict[Any, Any]:
    """Location × activity matrices (one per year under --by-year, else one), each of one code
    level (refused when the codes mix levels and no --level is given).

    With --source or --withheld the file is read as a regional table by
    :func:`grappe.io.read_regional_table`, so that withheld cells follow its policy; otherwise
    by the activity-table readers.
    """
    from grappe.complexity import pivot_long
    from grappe.io.activity_codes import check_activity_levels
    from grappe.io.complexity import read_activity_matrix, read_activity_panel

    rows, cols, values = reader["names"]
    file = str(input)
    level = reader["level"]
    if reader["source"] is not None or reader["withheld"] is not None:
        from grappe.io import read_regional_table

        named = {rows: "region", cols: "industry", values: "employment"} if rows else None
        given = None if reader["classification"] == "auto" else reader["classification"]
        table = read_regional_table(
            input,
            source=reader["source"],
            columns=named,
            classification=given,
            withheld=reader["withheld"],
            years=[reader["year"]] if reader["year"] is not None else None,
            levels=[level] if level is not None else None,
            options=reader["reading"],
            duplicates=reader["duplicates"],
        )
        if not table.years:  # every row was of another level
            from grappe.errors import DataValidationError, ValidationIssue

            raise DataValidationError(
                ValidationIssue(
                    f"no row has an industry code of level {level}.",
                    file=file,
                    column=cols or "industry",
                    fix="choose --level among the levels of the file's codes (NAICS: 0 for the "
                    "total, 2 for sectors, 3 to 6 digits; NACE and ISIC: 1 to 4).",
                )
            )
        data = table.data
        wanted = table.years if by_year else (max(table.years),)
        if not by_year and reader["year"] is None and len(table.years) > 1:
            err_console.print(
                tr(
                    "Using {year}, the latest of the years {years} (choose with --year, or "
                    "compute every year with --by-year).",
                    year=wanted[0],
                    years=list(table.years),
                )
            )
        matrices = {
            int(y): pivot_long(
                data[data["year"] == y], rows="region", cols="industry", values="employment"
            ).rename_axis(index=rows or "region", columns=cols or "industry")
            for y in wanted
        }
        classification = table.classification
    else:
        common = {"options": reader["reading"], "duplicates": reader["duplicates"]}
        if by_year:
            matrices = read_activity_panel(
                input,
                rows=rows,
                cols=cols,
                values=values,
                year_column=reader["year_column"],
                **common,
            )
        else:
            matrices = {
                None: read_activity_matrix(
                    input,
                    rows=rows,
                    cols=cols,
                    values=values,
                    year=reader["year"],
                    year_column=reader["year_column"],
                    **common,
                )
            }
        classification = reader["classification"]
    return {
        period: check_activity_levels(
            matrix,
            classification=classification,
            level=level,
            file=file,
            column=cols or "industry",
        )
        for period, matrix in matrices.items()
    }


def _check_options(options: dict[str, Any]) -> None:
    """The suite's options, checked in the command's terms before the kernels see them."""
    from grappe._validation import check_number, check_option
    from grappe.complexity._matrix import MISSING_POLICIES
    from grappe.complexity.eci import METHODS, STANDARDISATIONS
    from grappe.complexity.relatedness import ENGINES

    command = "grappe complexity"
    check_number(options["threshold"], "--threshold", func=command, low=0.0, closed="neither")
    for name, allowed in (
        ("method", METHODS),
        ("standardise", STANDARDISATIONS),
        ("missing", MISSING_POLICIES),
        ("engine", ENGINES),
    ):
        check_option(options[name], f"--{name}", allowed, func=command)


_COLUMNS = ["id", "eci", "diversity", "coi", "fitness", "pci", "ubiquity", "complexity"]


def _write(
    row_table: pd.DataFrame,
    col_table: pd.DataFrame,
    output_format: str,
    output: Path | None,
    *,
    keys: list[str],
) -> None:
    if output_format == "json":
        text = json.dumps(complexity_records(row_table, col_table), indent=1)
    else:
        import pandas as pd

        r = row_table.reset_index(names="id").assign(entity="row")
        c = col_table.reset_index(names="id").assign(entity="col")
        text = pd.concat([r, c], ignore_index=True)[["entity", *keys, *_COLUMNS]].to_csv(
            index=False
        )
    if output is not None:
        from grappe.io.output import write_text

        write_text(text, output)
        err_console.print(tr("Wrote {path}", path=output), markup=False, highlight=False)
    else:
        typer.echo(text, nl=False)


def _by_year(
    input: Path, reader: dict[str, Any], options: dict[str, Any]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-year tables (indexed by location / activity, with a ``year`` column)."""
    from grappe.complexity import complexity_panel
    from grappe.io.complexity import check_activity_matrix

    rows, cols, values = reader["names"]
    with _progress() as progress:
        progress.add_task(tr("Reading the table…"))
        matrices = _read_matrices(input, reader, by_year=True)
    for period, matrix in matrices.items():
        check_activity_matrix(
            matrix,
            file=str(input),
            column=values or "employment",
            year=period,
            missing=options["missing"],
        )
    with Progress(*Progress.get_default_columns(), console=err_console, transient=True) as bar:
        task = bar.add_task(tr("Computing complexity by year…"), total=len(matrices))
        panel = complexity_panel(
            matrices,
            **options,
            progress=lambda period, done, _total: bar.update(
                task, completed=done, description=tr("Computed {period}", period=period)
            ),
        )
    for (period, reason), items in panel.excluded.groupby(["period", "reason"])["id"]:
        err_console.print(f"{period}: {len(items)} {reason}: {', '.join(map(str, items[:10]))}")
    row_table = panel.rows.rename(columns={"period": "year"}).set_index("location")
    col_table = panel.cols.rename(columns={"period": "year"}).set_index("activity")
    return row_table.rename_axis(rows or "region"), col_table.rename_axis(cols or "industry")


def related_command(
    region: Annotated[
        str, typer.Argument(help="Region code or exact name (e.g. 06 or California).")
    ],
    input: Annotated[
        Path | None, typer.Option(help="Regional table; default the bundled CBP state file.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Preset of the input (cbp, eurostat).")] = None,
    classification: Annotated[
        str | None,
        typer.Option(help="Industry classification of --input (naics2017, nace2, isic4, custom)."),
    ] = None,
    year: Annotated[int | None, typer.Option(help="Year (default: the latest).")] = None,
    level: Annotated[str, typer.Option(help="cluster or industry.")] = "cluster",
    definitions: Annotated[
        str, typer.Option(help="Cluster definitions (name or file).")
    ] = "us-benchmark",
    digits: Annotated[int, typer.Option(help="Industry code length for --level industry.")] = 4,
    code_level: Annotated[
        int | None,
        typer.Option(
            help="Read only the table rows whose codes have this many digits (e.g. 6 for "
            "NAICS): needed by definitions with prefix codes on a table of several levels."
        ),
    ] = None,
    top: Annotated[int, typer.Option(help="Number of rows.")] = 10,
    cluster_type: Annotated[
        str,
        typer.Option(help="Clusters ranked: traded (the default) or all (local ones too)."),
    ] = "traded",
    io: Annotated[
        Path | None,
        typer.Option(
            "--io",
            help="Folder of the BEA input-output tables (e.g. us_bea_io_tables): relatedness "
            "combines input-output links with co-location (NAICS tables only).",
        ),
    ] = None,
    io_weight: Annotated[
        float,
        typer.Option(help="Weight of the input-output links with --io, 0 to 1 (1: IO only)."),
    ] = 0.5,
    output_format: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    where: WhereOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
) -> None:
    """Clusters or industries the region could grow next: highest relatedness density among
    those it does not specialise in (LQ < 1), with the distance, the complexity outlook gain
    (COG) and the closest activity the region has.

    Example: grappe related 06 --year 2019 --level cluster --top 10
    """
    from grappe._validation import check_number, check_option
    from grappe.cli.mapping import parse_where
    from grappe.codes import classification_family
    from grappe.complexity import CLUSTER_TYPES, RELATED_LEVELS, find_region, related_table
    from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
    from grappe.io.activity_codes import industry_names
    from grappe.io.complexity import read_bea_naics_flows

    with grappe_errors():
        # options are checked before the (slow) read, so that a typo fails at once
        if level not in RELATED_LEVELS:
            raise InvalidParameterError(
                f"The 'level' parameter of grappe related must be one of 'cluster', 'industry'. "
                f"Got {level!r} instead."
            )
        check_option(cluster_type, "--cluster-type", CLUSTER_TYPES, func="grappe related")
        check_number(io_weight, "--io-weight", func="grappe related", low=0.0, high=1.0)
        if io is not None and not io.is_dir():
            from grappe.errors import NotFoundError

            raise NotFoundError(
                f"The folder {str(io)!r} given to --io does not exist; give the folder of the "
                "BEA input-output tables (e.g. ../shared/data/us_bea_io_tables)."
            )
        if output_format not in ("table", *FORMATS):
            raise InvalidParameterError(
                "The 'format' parameter of grappe related must be one of 'table', 'json', 'csv'. "
                f"Got {output_format!r} instead."
            )
        if top < 1:
            raise InvalidParameterError(
                f"The 'top' parameter of grappe related must be at least 1. Got {top} instead."
            )
        reading = read_options(encoding, sep, decimal, thousands)
        duplicates = duplicates_policy(duplicates, command="grappe related")
        path = input if input is not None else bundled_cbp_state_path()
        preset = source if source is not None else ("cbp" if input is None else None)
        with _progress() as progress:
            progress.add_task(tr("Reading the regional table…"))
            table = read_regional_table(
                path,
                source=preset,
                where=parse_where(where, command="grappe related"),
                classification=classification,
                years=[year] if year is not None else None,
                levels=[code_level] if code_level is not None else None,
                options=reading,
                duplicates=duplicates,
            )
            defs = (
                load_definitions(
                    definitions, options=reading, fallback_classification=table.classification
                )
                if level == "cluster"
                else None
            )
            flows = None
            if io is not None:
                if classification_family(table.classification) != "naics":
                    raise InvalidParameterError(
                        "The 'io' parameter of grappe related needs a table of NAICS codes (the "
                        "BEA tables are crosswalked to NAICS 2017). Got a table of "
                        f"{table.classification!r} codes instead."
                    )
                progress.add_task(tr("Reading the input-output tables…"))
                io_digits = 6 if level == "cluster" else digits
                if not 2 <= io_digits <= 6:
                    raise InvalidParameterError(
                        "The 'digits' parameter of grappe related must be 2 to 6 with --io "
                        f"(NAICS levels of the BEA crosswalk). Got {digits} instead."
                    )
                flows = read_bea_naics_flows(io, digits=io_digits)
        result = related_table(
            table,
            region,
            level=level,
            definitions=defs,
            digits=digits,
            top=top,
            year=year,
            cluster_type=cluster_type,
            names=industry_names(table.classification),
            io_flows=flows,
            io_weight=io_weight,
        )
        if output_format == "json":
            typer.echo(
                json.dumps(
                    [{k: _clean(v) for k, v in r.items()} for r in result.to_dict("records")],
                    indent=1,
                )
            )
        elif output_format == "csv":
            typer.echo(result.to_csv(index=False), nl=False)
        else:
            code = find_region(table, region)
            name = table.region_name(code)
            if level != "cluster":
                title = tr("Related industries not yet specialised in — {region}", region=name)
            elif cluster_type == "traded":
                title = tr("Related traded clusters not yet specialised in — {region}", region=name)
            else:
                title = tr("Related clusters not yet specialised in — {region}", region=name)
            basis = (
                tr("co-location")
                if flows is None
                else tr("IO {weight:g} + co-location", weight=io_weight)
            )
            view = Table(
                title=title,
                caption=tr(
                    "density: relatedness ({basis}) to what the region specialises in; distance = "
                    "1 − density; COG: complexity outlook gain; closest: the region's most related "
                    "specialisation.",
                    basis=basis,
                ),
            )
            numbers = (tr("density"), tr("distance"), tr("COG"), tr("LQ"), tr("employment"))
            for col in (tr("code"), tr("name"), *numbers, tr("closest")):
                view.add_column(col, justify="right" if col in numbers else "left")
            # the closest unit is given by its name (a specialisation, so not a listed row): the
            # benchmark's codes of the English names give its translated cluster name
            from grappe.definitions.names import cluster_names

            code_of = {name: code for code, name in cluster_names("en").items()}
            code_of |= dict(
                zip(result["name"].astype(str), result["code"].astype(str), strict=True)
            )
            for rec in result.itertuples(index=False):
                cog = (
                    "—"
                    if math.isnan(rec.cog)
                    else ("+" if rec.cog >= 0 else "") + format_number(rec.cog, digits=2)
                )
                view.add_row(
                    str(rec.code),
                    shown_cluster_name(rec.code, rec.name) if level == "cluster" else str(rec.name),
                    format_number(rec.density, digits=3),
                    format_number(rec.distance, digits=3),
                    cog,
                    format_number(rec.lq, digits=2),
                    format_number(rec.employment),
                    shown_cluster_name(code_of.get(str(rec.closest)), rec.closest)
                    if level == "cluster" and rec.closest
                    else str(rec.closest),
                )
            console.print(view)


def register(app: typer.Typer) -> None:
    """Add the ``complexity`` and ``related`` commands to the root application."""
    app.command("complexity")(complexity_command)
    app.command("related")(related_command)
