"""``grappe map``: map clusters from regional statistics files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

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

if TYPE_CHECKING:  # the module's top stays light: `grappe map --help` imports no pandas/numpy
    import pandas as pd
    from rich.table import Table

__all__ = ["parse_column_mapping", "parse_where", "parse_years", "register", "summary_table"]


def parse_years(values: list[str] | None) -> tuple[int, ...] | None:
    """Years from ``--years`` values such as ``2019``, ``2017,2019`` or ``2017-2021``.

    Examples
    --------
    >>> parse_years(["2017-2019", "2021"])
    (2017, 2018, 2019, 2021)
    >>> parse_years(None) is None
    True
    """
    if not values:
        return None
    years: set[int] = set()
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if not part:
                continue
            try:
                if "-" in part:
                    lo, hi = (int(x) for x in part.split("-", 1))
                    if lo > hi:
                        raise ValueError
                    years.update(range(lo, hi + 1))
                else:
                    years.add(int(part))
            except ValueError:
                raise InvalidParameterError(
                    "The 'years' parameter of grappe map must be years such as 2019, "
                    f"2017,2019 or 2017-2021. Got {value!r} instead."
                ) from None
    return tuple(sorted(years))


def parse_column_mapping(values: list[str] | None) -> dict[str, str] | None:
    """Column mapping from ``--column FILE_NAME=OUR_NAME`` values.

    Examples
    --------
    >>> parse_column_mapping(["wilaya=region", "emplois=employment"])
    {'wilaya': 'region', 'emplois': 'employment'}
    """
    if not values:
        return None
    mapping: dict[str, str] = {}
    for value in values:
        file_name, sep, ours = value.partition("=")
        if not sep or not file_name.strip() or not ours.strip():
            raise InvalidParameterError(
                "The 'column' parameter of grappe map must be FILE_COLUMN=OUR_COLUMN, "
                f"e.g. wilaya=region. Got {value!r} instead."
            )
        mapping[file_name.strip()] = ours.strip()
    return mapping


def parse_where(
    values: list[str] | None, *, command: str = "grappe map"
) -> dict[str, tuple[str, ...]] | None:
    """Row filter from ``--where COLUMN=VALUE`` values (``COLUMN=V1,V2`` for several values;
    a column given twice keeps the rows with any of its values).

    Examples
    --------
    >>> parse_where(["age=Y_GE15", "nuts_level=2", "age=Y15-64"])
    {'age': ('Y_GE15', 'Y15-64'), 'nuts_level': ('2',)}
    >>> parse_where(None) is None
    True
    """
    if not values:
        return None
    where: dict[str, tuple[str, ...]] = {}
    for value in values:
        column, sep, listed = value.partition("=")
        items = tuple(v.strip() for v in listed.split(","))
        if not sep or not column.strip() or not all(items):
            raise InvalidParameterError(
                f"The '--where' parameter of {command} must be COLUMN=VALUE or COLUMN=V1,V2, "
                f"e.g. age=Y_GE15. Got {value!r} instead."
            )
        known = where.get(column.strip(), ())
        where[column.strip()] = tuple(dict.fromkeys(known + items))
    return where


def summary_table(
    indicators: Any,
    *,
    top: int = 3,
    max_regions: int = 10,
    measure: str = "employment",
    unit: str | None = None,
) -> Table:
    """A Rich table of each region's strong traded clusters, for the latest year.

    ``indicators``: ``ClusterMap.indicators`` (a DataFrame) or the same columns as
    :class:`grappe.mapping.arrays.ClusterColumns` (the pandas-free path). Regions are ordered
    by their number of strong clusters, then the ``measure`` (the count the map was computed
    on); ``max_regions`` are shown, each with its ``top`` strong clusters by that count (its
    largest clusters when it has no strong cluster). A ``unit`` other than persons
    (Eurostat's ``THS``) is named in the count's heading, and counts with decimals
    (thousands) keep one.
    """
    import numpy as np
    from rich.table import Table

    ind = _Columns(indicators)
    years = ind.values("year")
    latest = years.max()
    keep = years == latest
    if ind.has("cluster_type"):
        codes, categories = ind.codes("cluster_type")  # compare codes, not 600,000 strings
        traded = [str(c) == "traded" for c in categories] + [False]
        keep &= np.asarray(traded)[codes]
    # the latest year's traded rows as positions: only the shown regions' rows are read
    kept = np.flatnonzero(keep)
    title = tr("Strong traded clusters by {measure}, {year}", measure=measure, year=latest)
    table = Table(title=title, show_lines=False)
    headings = {
        "employment": tr("Jobs"),
        "establishments": tr("Establishments"),
        "payroll": tr("Payroll"),
    }
    for col, justify in (
        (tr("Region"), "left"),
        (tr("Cluster"), "left"),
        (headings[measure] + (f" ({unit})" if unit else ""), "right"),
        (tr("LQ"), "right"),
        (tr("Strong"), "center"),
        (tr("Stars"), "center"),
    ):
        table.add_column(col, justify=justify)
    # regions by their number of strong clusters, then their size (NaN sizes count as 0, as
    # pandas' sum skips them); ties keep the regions' order
    codes, labels = ind.region_codes(kept)
    all_counts = ind.values(measure).astype(float, copy=False)
    counts = all_counts[kept]
    strong = ind.values("strong").astype(bool, copy=False)[kept]
    n = len(labels)
    present = np.bincount(codes, minlength=n) > 0
    n_strong = np.bincount(codes, weights=strong, minlength=n)
    size = np.bincount(codes, weights=np.nan_to_num(counts, nan=0.0), minlength=n)
    ranked = [g for g in np.lexsort((-size, -n_strong)) if present[g]][:max_regions]
    whole = bool(np.all(np.isnan(counts) | (counts == np.round(counts))))
    digits = 0 if whole else 1
    picks = []  # each shown region's rows (positions in `indicators`)
    for g in ranked:
        mine = codes == g
        own, own_strong = kept[mine], strong[mine]
        chosen = own[own_strong] if own_strong.any() else own
        # the `top` largest counts, ties to the first row, NaN last (sorted to the end, in
        # row order): what DataFrame.nlargest picks
        picks.append(chosen[np.argsort(-all_counts[chosen], kind="stable")[:top]])
    if not picks:
        return table
    # the few rows shown, column by column, not one selection per region
    shown = np.concatenate(picks)
    rows = zip(
        *(
            ind.take(name, shown)
            for name in ("region", "region_name", "cluster", "cluster_name", measure, "lq")
        ),
        ind.values("strong")[shown],
        ind.values("stars")[shown],
        strict=True,
    )
    for pick in picks:
        for i in range(len(pick)):
            region, region_name, cluster, cluster_name, count, lq, is_strong, stars = next(rows)
            table.add_row(
                f"{region_name} ({region})" if i == 0 else "",
                shown_cluster_name(cluster, cluster_name),
                format_number(count, digits=digits),
                "—" if np.isnan(lq) else format_number(lq, digits=2),
                "●" if is_strong else "",
                "★" * int(stars),
                end_section=i == len(pick) - 1,
            )
    return table


class _Columns:
    """The columns the summary reads, from a DataFrame or from ``ClusterColumns`` (whose
    label columns are (codes, categories))."""

    def __init__(self, indicators: Any) -> None:
        self.frame = None if hasattr(indicators, "parameters") else indicators
        self.columns = None if self.frame is not None else indicators.columns

    def has(self, name: str) -> bool:
        return name in (self.frame if self.frame is not None else self.columns)

    def values(self, name: str) -> Any:
        if self.frame is not None:
            return self.frame[name].to_numpy()
        return self.columns[name]

    def codes(self, name: str) -> tuple[Any, Any]:
        """Integer codes and labels of a label column."""
        import numpy as np

        if self.frame is None:
            codes, categories = self.columns[name]
            return codes, list(categories)
        import pandas as pd

        column = self.frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            return column.cat.codes.to_numpy(), list(column.cat.categories)
        codes, labels = pd.factorize(column.astype(str))
        return np.asarray(codes), list(labels)

    def region_codes(self, rows: Any) -> tuple[Any, Any]:
        """Integer codes of the region column's ``rows`` (positions) and the labels; a
        categorical's codes are read without converting its labels."""
        import numpy as np

        if self.frame is None:
            codes, labels = self.columns["region"]
            return np.asarray(codes)[rows].astype(np.int64), labels
        return _region_codes(self.frame["region"], rows)

    def take(self, name: str, rows: Any) -> list:
        """The values of ``rows`` (positions) of a column, labels as they read."""
        import numpy as np

        if self.frame is not None:
            return self.frame[name].iloc[rows].tolist()
        column = self.columns[name]
        if isinstance(column, tuple):
            codes, categories = column
            return [str(categories[c]) for c in np.asarray(codes)[rows]]
        return column[rows].tolist()


def _region_codes(region: pd.Series, rows: Any) -> tuple[Any, Any]:
    """Integer codes of a region column's ``rows`` (positions), and the labels, sorted; a
    categorical's codes are read without converting its labels."""
    import numpy as np
    import pandas as pd

    if isinstance(region.dtype, pd.CategoricalDtype):
        return region.cat.codes.to_numpy()[rows].astype(np.int64), region.cat.categories
    codes, labels = pd.factorize(region.iloc[rows], sort=True)
    return codes.astype(np.int64), labels


def map_command(
    inputs: Annotated[
        list[Path], typer.Argument(help="Regional statistics file(s): CSV, Parquet or Excel.")
    ],
    source: SourceOpt = None,
    definitions: Annotated[
        str, typer.Option(help="Cluster definitions: 'us-benchmark' or a CSV/YAML file.")
    ] = "us-benchmark",
    regions: Annotated[
        list[Path] | None,
        typer.Option("--regions", help="Region set file(s) (CSV/YAML) of user-defined regions."),
    ] = None,
    years: Annotated[
        list[str] | None, typer.Option(help="Years: 2019, 2017,2019 or 2017-2021.")
    ] = None,
    reference: Annotated[
        Path | None,
        typer.Option(help="Table of the nation's regions (e.g. the state file for counties)."),
    ] = None,
    withheld: WithheldOpt = None,
    column: ColumnOpt = None,
    where: WhereOpt = None,
    overlap: Annotated[
        str,
        typer.Option(help="Region sets whose regions share members: raise (refuse) or allow."),
    ] = "raise",
    classification: ClassificationOpt = None,
    region_type: RegionTypeOpt = None,
    lq_convention: Annotated[
        str, typer.Option(help="LQ convention: 'cmp' (traded/local base) or 'total'.")
    ] = "cmp",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to write the indicator table.")
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option("--format", help="csv, parquet or json (default: from --output's suffix)."),
    ] = None,
    regions_output: Annotated[
        Path | None, typer.Option(help="Also write the region × year table here.")
    ] = None,
    top: Annotated[int, typer.Option(help="Clusters shown per region in the summary.")] = 3,
    summary_regions: Annotated[
        int, typer.Option(help="Regions shown in the summary (0 hides it).")
    ] = 10,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
    duplicates: DuplicatesOpt = "raise",
    total: Annotated[
        str,
        typer.Option(
            help="Region totals: auto (the all-industries rows when the file has them), "
            "row (require them) or sum (sum the industries)."
        ),
    ] = "auto",
    measure: Annotated[
        str,
        typer.Option(
            help="Count to map by: employment, establishments (tables of firm counts) or "
            "payroll; LQs, shares, strong clusters and stars are computed on it."
        ),
    ] = "employment",
    star_local: Annotated[
        bool,
        typer.Option(
            "--star-local",
            help="Also give stars to local clusters (the European Cluster Observatory stars "
            "traded clusters only).",
        ),
    ] = False,
    regions_ranking: Annotated[
        str,
        typer.Option(
            help="Rank --regions against the file's regions (base) or among themselves (own)."
        ),
    ] = "base",
) -> None:
    """Map clusters: LQs, strong clusters and stars for every region × cluster × year.

    Example: grappe map cbp_state_naics_2017_2021.parquet --source cbp
    --definitions us-benchmark --years 2019 --format json --output states.json
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from grappe._validation import check_option
    from grappe.cli.mapping_fast import fits, map_parquet
    from grappe.io.output import (
        OUTPUT_FORMATS,
        all_or_nothing,
        check_output,
        format_from_path,
        write_frame,
    )
    from grappe.mapping import (
        LQ_CONVENTIONS,
        MEASURES,
        REGION_RANKINGS,
        TOTAL_RULES,
        map_clusters,
    )
    from grappe.model import concat_tables

    with grappe_errors():
        # options are checked here, in the command's terms, before any library sees them
        command = "grappe map"
        check_reading_options(
            command, source=source, withheld=withheld, classification=classification
        )
        for name, value, allowed in (
            ("--lq-convention", lq_convention, LQ_CONVENTIONS),
            ("--total", total, TOTAL_RULES),
            ("--measure", measure, MEASURES),
            ("--regions-ranking", regions_ranking, REGION_RANKINGS),
            ("--overlap", overlap, ("raise", "allow")),
        ):
            if value is not None:
                check_option(value, name, allowed, func=command)
        wanted_years = parse_years(years)
        mapping = parse_column_mapping(column)
        row_filter = parse_where(where)
        if output_format is not None and output_format not in OUTPUT_FORMATS:
            raise InvalidParameterError(
                f"The 'format' parameter of grappe map must be one of "
                f"{', '.join(OUTPUT_FORMATS)}. Got {output_format!r} instead."
            )
        reading = read_options(encoding, sep, decimal, thousands)
        if output is not None:  # a bad destination is refused before the computation
            check_output(output, binary=(output_format or format_from_path(output)) == "parquet")
        if regions_output is not None:
            check_output(regions_output)
        options = {
            "options": reading,
            "source": source,
            "columns": mapping,
            "classification": classification,
            "region_type": region_type,
            "withheld": withheld,
            "years": wanted_years,
            "duplicates": duplicates_policy(duplicates, command="grappe map"),
            "measure": measure,
            "where": row_filter,
        }
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress:
            task = progress.add_task(tr("Reading"), total=len(inputs) + 3)
            fast = None
            others = (regions, reference, wanted_years, mapping, row_filter, regions_output)
            if fits(
                inputs,
                definitions=definitions,
                output=output,
                output_format=output_format,
                measure=measure,
                others=others,
            ):  # arrays from read to write, no pandas (grappe.cli.mapping_fast)
                progress.update(task, description=tr("Reading {name}", name=inputs[0].name))
                reader = {k: v for k, v in options.items() if k != "options"}
                fast = map_parquet(
                    inputs[0],
                    definitions=definitions,
                    output=output,
                    reading=reader,
                    lq_convention=lq_convention,
                    total=total,
                    star_local=star_local,
                )
        if fast is not None:
            _report(
                fast.columns,
                fast.counts(),
                fast.columns.parameters["strong_criteria"],
                unit=fast.unit,
                policy=fast.withheld_policy,
                output=output,
                top=top,
                summary_regions=summary_regions,
                measure=measure,
            )
            return
        from grappe.io import load_definitions, read_region_set, read_regional_table

        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress:
            task = progress.add_task(tr("Reading"), total=len(inputs) + 3)
            tables = []
            for path in inputs:
                progress.update(task, description=tr("Reading {name}", name=path.name))
                tables.append(read_regional_table(path, **options))
                progress.advance(task)
            table = concat_tables(tables)
            progress.update(task, description=tr("Loading definitions and regions"))
            defs = load_definitions(
                definitions, options=reading, fallback_classification=table.classification
            )
            region_sets = [
                read_region_set(p, options=reading, overlap=overlap) for p in regions or ()
            ]
            ref = None
            if reference is not None:
                ref = read_regional_table(reference, **{**options, "region_type": None})
                _check_reference_years(table, ref, wanted_years)
            progress.advance(task)
            progress.update(task, description=tr("Computing indicators"))
            result = map_clusters(
                table,
                defs,
                regions=region_sets or None,
                years=wanted_years,
                reference=ref,
                lq_convention=lq_convention,
                total=total,
                measure=measure,
                star_local=star_local,
                regions_ranking=regions_ranking,
            )
            progress.advance(task)
            progress.update(task, description=tr("Writing"))
            with all_or_nothing():
                if output is not None:
                    write_frame(result.indicators, output, format=output_format)
                if regions_output is not None:
                    write_frame(result.regions, regions_output)
            progress.advance(task)

    ind = result.indicators
    counts = {
        "regions": ind["region"].nunique(),
        "clusters": ind["cluster"].nunique(),
        "years": ind["year"].nunique(),
        "strong": int(ind["strong"].sum()),
        "withheld": int(ind["withheld"].sum()) if "withheld" in ind else 0,
        "rows": len(ind),
    }
    _report(
        ind,
        counts,
        result.parameters["strong_criteria"],
        unit=table.unit,
        policy=table.withheld_policy,
        output=output,
        top=top,
        summary_regions=summary_regions,
        measure=measure,
    )


def _report(
    indicators: Any,
    counts: dict[str, int],
    criteria: tuple[str, ...],
    *,
    unit: str | None,
    policy: str,
    output: Path | None,
    top: int,
    summary_regions: int,
    measure: str,
) -> None:
    """The summary table and the closing lines of ``grappe map`` (both paths)."""
    from grappe.io.output import is_stdout

    if summary_regions > 0:  # on stderr when the table itself goes to stdout (-o -)
        shown_on = err_console if is_stdout(output) else console
        shown_on.print(
            summary_table(
                indicators, top=top, max_regions=summary_regions, measure=measure, unit=unit
            )
        )
    err_console.print(
        tr(
            "{regions} regions × {clusters} clusters × {years} years ranked by {measure}; "
            "{strong} strong region-cluster-years; {withheld} withheld cells (policy: {policy}).",
            regions=format_number(counts["regions"]),
            clusters=format_number(counts["clusters"]),
            years=counts["years"],
            measure=measure,
            strong=format_number(counts["strong"]),
            withheld=format_number(counts["withheld"]),
            policy=policy,
        )
    )
    if measure != "establishments" and "establishments" not in criteria:
        err_console.print(
            tr(
                "Notice: the table has no establishment counts; strong clusters use the "
                "{criteria} criteria only.",
                criteria=tr(" and ").join(tr("LQ") if c == "lq" else c for c in criteria),
            )
        )
    if unit is not None:
        from grappe.io.presets import UNIT_NAMES

        shown = f"{unit} ({UNIT_NAMES[unit]})" if unit in UNIT_NAMES else unit
        err_console.print(tr("Counts are in {unit}, as published by the source.", unit=shown))
    if output is not None:
        err_console.print(
            tr("Wrote {count} rows to {path}", count=format_number(counts["rows"]), path=output),
            markup=False,
            highlight=False,
        )


def _check_reference_years(table, ref, wanted: tuple[int, ...] | None) -> None:
    """Refuse a --reference without every mapped year, naming its file (before the kernel)."""
    from grappe.errors import DataValidationError, ValidationIssue

    missing = sorted(set(wanted or table.years) - set(ref.years))
    if missing:
        raise DataValidationError(
            ValidationIssue(
                f"the reference table has no rows for the years {missing} that are mapped; it "
                f"has the years {list(ref.years)}.",
                file=ref.source,
                column="year",
                fix="give a reference table of the same years, or map only its years with --years.",
            )
        )


def register(app: typer.Typer) -> None:
    """Add ``grappe map`` to the root application."""
    app.command("map")(map_command)
