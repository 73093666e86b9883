"""``grappe exports clusters``: a country's exports by cluster, through an HS → industry table.

Adds the ``clusters`` command to the ``exports`` group of :mod:`grappe.cli.exports`. The analysis
is :func:`grappe.complexity.exports_clusters.trade_by_cluster`; the concordance comes from
:mod:`grappe.io.concordance`, the definitions from :func:`grappe.io.load_definitions`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from grappe.cli._common import (
    DecimalOpt,
    EncodingOpt,
    SepOpt,
    ThousandsOpt,
    grappe_errors,
    read_options,
)
from grappe.cli.exports import (
    CountryArg,
    FormatOpt,
    LangOpt,
    OutputOpt,
    TopOpt,
    TradeOpt,
    _check,
    _emit,
    _progress,
)
from grappe.i18n import format_number, tr

if TYPE_CHECKING:  # the help needs neither pandas nor NumPy; a run imports them
    from grappe.complexity.exports_clusters import ClusterExports, Concordance
    from grappe.model import ClusterDefinitions

__all__ = ["clusters_command", "register"]

DefinitionsOpt = Annotated[
    str,
    typer.Option(
        "--definitions",
        help="Cluster definitions: a bundled set (us-benchmark) or a CSV/YAML file.",
    ),
]
ConcordanceOpt = Annotated[
    str,
    typer.Option(
        "--concordance",
        help="HS → industry concordance: a bundled table — NAICS2017-6 (U.S. Census, public "
        "domain); NACE2-4, NACE2-2, NACE2-section, ISIC4-2, ISIC4-section (Eurostat) — or a file "
        "with columns hs4, industry, weight.",
    ),
]
ClassificationOpt = Annotated[
    str | None,
    typer.Option(
        "--classification",
        help="Classification of the codes of a definitions or concordance file (naics2017, "
        "isic4, nace2…); default: the bundled concordance's, naics2017.",
    ),
]
UnplacedOpt = Annotated[
    int, typer.Option("--unplaced", help="Number of unplaced products listed (table, JSON).")
]


def register(app: typer.Typer) -> None:  # noqa: ARG001 - the exports group is already on app
    """Add ``clusters`` to the ``exports`` group."""
    from grappe.cli.exports import exports_group

    exports_group.command("clusters")(clusters_command)


def _inputs(
    definitions: str, concordance: str, classification: str | None, options: Any
) -> tuple[ClusterDefinitions, Concordance]:
    """The definitions and the concordance, a file taking the classification of the other."""
    from grappe.io import load_definitions
    from grappe.io.concordance import BUNDLED_CONCORDANCES, load_concordance, read_concordance

    if concordance in BUNDLED_CONCORDANCES or not Path(concordance).suffix:
        table = load_concordance(concordance)
        codes = classification or table.classification
        return load_definitions(definitions, fallback_classification=codes), table
    clusters = load_definitions(definitions, fallback_classification=classification)
    codes = classification or clusters.classification
    return clusters, read_concordance(concordance, classification=codes, options=options)


def _cluster_label(result: ClusterExports, cluster: str, name: str, lang: str) -> str:
    if result.definitions != "us-benchmark":
        return name
    from grappe.definitions.names import localized_cluster_name

    return localized_cluster_name(cluster, name, lang)[0]


def _product(code: str, lang: str) -> str:
    from grappe.errors import NotFoundError
    from grappe.io.hs import product_name

    try:
        return f"{code} {product_name(code, lang)}"
    except NotFoundError:  # a trade-file column without an HS code keeps its own name
        return code


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def clusters_command(
    country: CountryArg,
    trade: TradeOpt,
    definitions: DefinitionsOpt = "us-benchmark",
    concordance: ConcordanceOpt = "NAICS2017-6",
    classification: ClassificationOpt = None,
    top: TopOpt = None,
    unplaced: UnplacedOpt = 10,
    lang: LangOpt = None,
    output_format: FormatOpt = "table",
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    sep: SepOpt = None,
    decimal: DecimalOpt = ".",
    thousands: ThousandsOpt = None,
) -> None:
    """A country's exports by cluster: each cluster's exports, share of the country's exports,
    RCA against the world and main products, with the share the concordance could place and
    the products it could not.

    Example: grappe exports clusters DZA --trade
    stojkoski2023_trade_country_x_hs4product_2020.csv.gz --definitions us-benchmark
    """
    with grappe_errors():
        lang = _check(output_format, lang, top, "grappe exports clusters", output)
        from grappe.complexity.exports_clusters import trade_by_cluster
        from grappe.io.trade import country_name, product_labels, read_trade_matrix

        options = read_options(encoding, sep, decimal, thousands)
        cluster_definitions, table_of = _inputs(definitions, concordance, classification, options)
        with _progress() as progress:
            progress.add_task(tr("Reading {path}…", path=trade.name), total=None)
            matrix = read_trade_matrix(trade, options=options)
            codes, _, _ = product_labels(matrix.columns)
        code = country.strip().upper() if country.strip().upper() in matrix.index else country
        result = trade_by_cluster(matrix, code, table_of, cluster_definitions, codes=codes)
        rows = result.rows[:top] if top else result.rows
        records = [
            {**record, "cluster_name": _cluster_label(result, r.cluster, r.name, lang)}
            for record, r in zip(result.to_records(), rows, strict=False)
        ]
        left = [
            {
                "product": p,
                "product_name": _product(p, lang).removeprefix(f"{p} "),
                "exports": result.unplaced_exports[p],
            }
            for p in result.unplaced[:unplaced]
        ]
        summary = {
            "country": result.country,
            "country_name": country_name(result.country, lang),
            "definitions": result.definitions,
            "concordance": result.concordance,
            "total": result.total,
            "placed_share": result.placed_share,
            "unplaced": left,
        }
        title = tr(
            "{name} ({country}): exports {total} USD by cluster ({definitions}; {concordance}); "
            "placed: {placed} %",
            name=country_name(result.country, lang),
            country=result.country,
            total=format_number(result.total),
            definitions=result.definitions,
            concordance=result.concordance,
            placed=format_number(100 * result.placed_share, digits=1),
        )
        table = Table(title=title, title_justify="left", caption_justify="left")
        for label, justify in (
            (tr("cluster"), "left"),
            (tr("exports"), "right"),
            (tr("share"), "right"),
            (tr("RCA"), "right"),
            (tr("main products"), "left"),
        ):
            table.add_column(label, justify=justify)  # type: ignore[arg-type]
        for record, r in zip(records, rows, strict=True):
            table.add_row(
                escape(f"{r.cluster} {record['cluster_name']}"),
                format_number(r.exports),
                format_number(100 * r.share, digits=2) + " %",
                "—" if r.rca is None else format_number(r.rca, digits=2),
                "\n".join(escape(_short(_product(p, lang))) for p in r.products[:3]),
            )
        if left:
            table.caption = tr(
                "Not placed in a cluster: {products}",
                products="; ".join(
                    f"{_short(_product(p['product'], lang), 40)} ({format_number(p['exports'])})"
                    for p in left
                ),
            )
        _emit(records, summary, output_format, output, table)
