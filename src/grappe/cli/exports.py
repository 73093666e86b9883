"""``grappe exports``: what a country exports with an advantage, and what it could export next.

The command group :data:`exports_group` holds ``profile`` and ``opportunities``; another module
adds a command to it with ``exports_group.command("name")(function)`` in its own ``register``
and by naming its module beside this one in the ``exports`` entry of
:data:`grappe.cli.main.COMMANDS`. The analysis is :func:`grappe.complexity.export_profile`;
the reading is :func:`grappe.io.trade.read_trade_matrix`; names come from
:mod:`grappe.io.hs`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from grappe.cli._common import (
    DecimalOpt,
    EncodingOpt,
    SepOpt,
    ThousandsOpt,
    console,
    err_console,
    grappe_errors,
    read_options,
)
from grappe.i18n import current_language, format_number, tr
from grappe.vocabulary import LANGUAGES

if TYPE_CHECKING:  # the help needs neither pandas nor NumPy; a run imports them
    from grappe.complexity.exports import ExportProfile

__all__ = ["exports_group", "load_profile", "register"]

#: Output formats of the commands.
FORMATS = ("table", "json", "csv")

exports_group = typer.Typer(
    name="exports",
    help="A country's exports: products with an advantage, complexity, opportunities.",
    no_args_is_help=True,
)

CountryArg = Annotated[
    str, typer.Argument(help="Country code as in the trade file (ISO3 for the bundled matrix).")
]
TradeOpt = Annotated[
    Path,
    typer.Option(
        "--trade",
        help="Trade matrix: wide (first column = country, one column per product, e.g. "
        "stojkoski2023_trade_country_x_hs4product_2020.csv.gz) or long (country, product, value).",
    ),
]
TopOpt = Annotated[int | None, typer.Option("--top", help="Show only the first N rows.")]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of the product names and reasons: fr, ar, en."),
]
FormatOpt = Annotated[str, typer.Option("--format", help="table, json or csv.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", help="Write here instead of standard output.")
]
EciOpt = Annotated[
    Path | None,
    typer.Option(
        "--published-eci",
        help="The OEC's published ECI table (oec_eci_trade_1998_2022.csv) to show beside "
        "grappe's value.",
    ),
]
YearOpt = Annotated[int | None, typer.Option("--year", help="Year of the trade data.")]
#: The complexity sample's defaults (USD): countries exporting at least ``MIN_COUNTRY_EXPORTS``,
#: products the world exports at least ``MIN_PRODUCT_EXPORTS`` (those of
#: :func:`grappe.complexity.export_profile`, see :mod:`grappe.complexity.exports`).
MIN_COUNTRY_EXPORTS, MIN_PRODUCT_EXPORTS = 1e9, 1e7
MinCountryOpt = Annotated[
    float,
    typer.Option(
        "--min-country-exports",
        help="Complexity sample: countries exporting at least this much (USD).",
    ),
]
MinProductOpt = Annotated[
    float,
    typer.Option(
        "--min-product-exports",
        help="Complexity sample: products the world exports at least this much (USD).",
    ),
]
WeightOpt = Annotated[
    float,
    typer.Option(
        "--density-weight",
        help="Weight of relatedness density in the opportunity score (the rest on COG), 0 to 1.",
    ),
]

ExcludeOpt = Annotated[
    str,
    typer.Option(
        "--exclude",
        help="HS codes or prefixes never proposed, comma-separated (e.g. 27,7108); 'extractive' "
        "(ores, mineral fuels, diamonds, unwrought precious metals) or 'none'.",
    ),
]


def _exclusions(value: str) -> tuple[str, ...]:
    from grappe.complexity.exports import EXTRACTIVE

    text = value.strip().lower()
    if text == "extractive":
        return EXTRACTIVE
    if text in ("none", ""):
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())


def register(app: typer.Typer) -> None:
    """Add the ``exports`` command group to the root application."""
    app.add_typer(exports_group)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def _check(
    output_format: str, lang: str | None, top: int | None, command: str, output: Path | None = None
) -> str:
    """Check ``--format``, ``--top``, ``--lang`` then ``--output`` (a file that can be written);
    returns the language of the output."""
    from grappe._validation import check_number, check_option

    check_option(output_format, "--format", FORMATS, func=command)
    if top is not None:
        check_number(top, "--top", func=command, low=1, integer=True)
    lang = check_option(lang or current_language(), "--lang", LANGUAGES, func=command)
    if output is not None:
        from grappe.io.output import check_output

        check_output(output)
    return lang


def load_profile(
    country: str,
    trade: Path,
    *,
    options: Any = None,
    published_eci: Path | None = None,
    year: int | None = None,
    **kernel_options: Any,
) -> ExportProfile:
    """:func:`grappe.io.trade.read_export_profile` with a progress line on stderr per step
    (for ``exports profile``, ``exports opportunities`` and commands added to the group)."""
    from grappe.io.trade import read_export_profile, read_trade_matrix

    with _progress() as progress:
        progress.add_task(tr("Reading {path}…", path=trade.name), total=None)
        matrix = read_trade_matrix(trade, options=options)
    with _progress() as progress:
        progress.add_task(tr("Computing the profile of {country}…", country=country), total=None)
        return read_export_profile(
            matrix, country, published_eci=published_eci, year=year, **kernel_options
        )


def _checked_profile(
    command: str,
    country: str,
    trade: Path,
    *,
    lang: str | None,
    top: int | None,
    output_format: str,
    output: Path | None,
    reading: tuple[str | None, str | None, str, str | None],
    kernel: dict[str, Any],
) -> tuple[ExportProfile, str]:
    """What an ``exports`` command on a profile does first: check its options (``--format``,
    ``--top``, ``--lang``, ``--output``, then the reading's ``--encoding/--sep/--decimal/
    --thousands`` given as ``reading``), then :func:`load_profile` with the ``kernel``'s
    options. Returns the profile and the language of the output."""
    lang = _check(output_format, lang, top, command, output)
    options = read_options(*reading)
    return load_profile(country, trade, options=options, **kernel), lang


def _table(profile: ExportProfile, lang: str, columns: tuple[tuple[str, str], ...]) -> Table:
    """The output table of a profile, headed by its summary, with ``columns`` (label, justify)."""
    table = Table(title=_heading(profile, lang), title_justify="left")
    for label, justify in columns:
        table.add_column(label, justify=justify)  # type: ignore[arg-type]
    return table


def _clean(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _emit(
    records: list[dict[str, Any]],
    summary: dict[str, Any] | None,
    output_format: str,
    output: Path | None,
    table: Table,
) -> None:
    if output_format == "table":
        if output is not None:
            from grappe.io.output import write_text

            with console.capture() as captured:
                console.print(table)
            write_text(captured.get(), output)
            err_console.print(tr("Wrote {path}", path=output), markup=False, highlight=False)
        else:
            console.print(table)
        return
    if output_format == "json":
        body: Any = {**(summary or {}), "records": records}
        text = json.dumps(body, ensure_ascii=False, indent=2, default=_clean) + "\n"
    else:
        import pandas as pd

        text = pd.DataFrame(records).to_csv(index=False)
    if output is None:
        typer.echo(text, nl=False)
        return
    from grappe.io.output import write_text

    write_text(text, output)
    err_console.print(tr("Wrote {path}", path=output), markup=False, highlight=False)


def _name_cell(names: dict[str, str], product: str, lang: str) -> str:
    first = names.get(lang) or names.get("en") or product
    others = [names[k] for k in LANGUAGES if k != lang and names.get(k) and names[k] != first]
    return "\n".join([escape(first), *(f"[dim]{escape(o)}[/]" for o in others)])


def _summary(profile: ExportProfile, lang: str) -> dict[str, Any]:
    from grappe.io.trade import country_name

    return {
        "country": profile.country,
        "country_name": country_name(profile.country, lang),
        "year": profile.year,
        "total": profile.total,
        "diversity": profile.diversity,
        "eci": _clean(profile.eci),
        "eci_rank": profile.eci_rank,
        "n_countries": profile.n_countries,
        "coi": _clean(profile.coi),
        "in_sample": profile.in_sample,
        "published_eci": {str(y): v for y, v in profile.published_eci.items()},
        "method": dict(profile.method),
    }


def _heading(profile: ExportProfile, lang: str) -> str:
    from grappe.io.trade import country_name

    text = tr(
        "{name} ({country}): exports {total} USD; advantage (RCA ≥ 1) in {diversity} products; "
        "ECI {eci} (rank {rank} of {n}); COI {coi}",
        name=country_name(profile.country, lang),
        country=profile.country,
        total=format_number(profile.total),
        diversity=profile.diversity,
        eci=format_number(profile.eci, digits=2),
        rank=profile.eci_rank,
        n=profile.n_countries,
        coi=format_number(profile.coi, digits=2),
    )
    if profile.published_eci:
        year = profile.year if profile.year in profile.published_eci else None
        year = year or max(profile.published_eci)
        text += tr(
            "; OEC's published ECI {year}: {eci}",
            year=year,
            eci=format_number(profile.published_eci[year], digits=2),
        )
    if not profile.in_sample:
        text += tr(" (projected: the country is outside the complexity sample)")
    return text


def profile_command(
    country: CountryArg,
    trade: TradeOpt,
    top: TopOpt = None,
    lang: LangOpt = None,
    output_format: FormatOpt = "table",
    output: OutputOpt = None,
    published_eci: EciOpt = None,
    year: YearOpt = None,
    min_country_exports: MinCountryOpt = MIN_COUNTRY_EXPORTS,
    min_product_exports: MinProductOpt = MIN_PRODUCT_EXPORTS,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """The products a country exports with a revealed comparative advantage (RCA ≥ 1), with
    their share of its exports, RCA and complexity (PCI), and the country's diversity, ECI,
    rank and COI.

    Example: grappe exports profile DZA --trade
    stojkoski2023_trade_country_x_hs4product_2020.csv.gz --lang fr --top 10
    """
    with grappe_errors():
        profile, lang = _checked_profile(
            "grappe exports profile", country, trade,
            lang=lang, top=top, output_format=output_format, output=output,
            reading=(encoding, sep, decimal, thousands),
            kernel={"published_eci": published_eci, "year": year, "top": top, "opportunities": 0,
                    "min_country_exports": min_country_exports,
                    "min_product_exports": min_product_exports},
        )  # fmt: skip
        records = profile.to_records(kind="products", lang=lang)
        table = _table(profile, lang, (
            (tr("HS"), "left"), (tr("product"), "left"), (tr("share"), "right"),
            (tr("RCA"), "right"), (tr("PCI"), "right"),
        ))  # fmt: skip
        for p in profile.products:
            table.add_row(
                p.code or "—",
                _name_cell(dict(p.names), p.product, lang),
                format_number(100 * p.share, digits=2) + " %",
                format_number(p.rca, digits=1),
                "—" if p.pci is None else format_number(p.pci, digits=2),
            )
        _emit(records, _summary(profile, lang), output_format, output, table)


def opportunities_command(
    country: CountryArg,
    trade: TradeOpt,
    top: Annotated[int, typer.Option("--top", help="Number of opportunities.")] = 20,
    lang: LangOpt = None,
    output_format: FormatOpt = "table",
    output: OutputOpt = None,
    density_weight: WeightOpt = 0.5,
    exclude: ExcludeOpt = "extractive",
    min_country_exports: MinCountryOpt = MIN_COUNTRY_EXPORTS,
    min_product_exports: MinProductOpt = MIN_PRODUCT_EXPORTS,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """The products a country does not export with an advantage yet, ranked by a score of
    relatedness density and complexity outlook gain (COG), each with its reasons.

    Example: grappe exports opportunities DZA --trade
    stojkoski2023_trade_country_x_hs4product_2020.csv.gz --top 10
    """
    with grappe_errors():
        profile, lang = _checked_profile(
            "grappe exports opportunities", country, trade,
            lang=lang, top=top, output_format=output_format, output=output,
            reading=(encoding, sep, decimal, thousands),
            kernel={"opportunities": top, "density_weight": density_weight,
                    "exclude": _exclusions(exclude), "min_country_exports": min_country_exports,
                    "min_product_exports": min_product_exports},
        )  # fmt: skip
        records = profile.to_records(kind="opportunities", lang=lang)
        table = _table(profile, lang, (
            ("#", "right"), (tr("HS"), "left"), (tr("product"), "left"),
            (tr("score"), "right"), (tr("why"), "left"),
        ))  # fmt: skip
        for o, rec in zip(profile.opportunities, records, strict=True):
            table.add_row(
                str(o.rank),
                o.code or "—",
                _name_cell(dict(o.names), o.product, lang),
                format_number(o.score, digits=2),
                escape(rec["reasons"]),
            )
        summary = {**_summary(profile, lang), "kind": "opportunities"}
        _emit(records, summary, output_format, output, table)


exports_group.command("profile")(profile_command)
exports_group.command("opportunities")(opportunities_command)
