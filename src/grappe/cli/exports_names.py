"""``grappe exports names``: the HS 4-digit product names in English, French and Arabic.

Added to the ``exports`` group of :mod:`grappe.cli.exports`; the names are those of
:mod:`grappe.io.hs` (sources in ``grappe/data/hs/PROVENANCE.md``).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from grappe.cli._common import err_console, grappe_errors
from grappe.cli.exports import FORMATS, FormatOpt, LangOpt, OutputOpt, TopOpt, _emit
from grappe.i18n import current_language, tr
from grappe.vocabulary import LANGUAGES

__all__ = ["names_command", "register"]

QueryArg = Annotated[
    str | None,
    typer.Argument(help="Code prefix (08, 0804) or words of the name; all headings when omitted."),
]


def register(app: typer.Typer) -> None:  # noqa: ARG001 - the group is added by grappe.cli.exports
    """Add ``names`` to the ``exports`` group (once per process)."""
    from grappe.cli.exports import exports_group

    if not any(c.name == "names" for c in exports_group.registered_commands):
        exports_group.command("names")(names_command)


def _records(query: str | None, lang: str) -> list[dict[str, Any]]:
    from grappe.io.hs import load_hs_names, search_products

    found = search_products(query, lang=lang) if query else tuple(load_hs_names().values())
    return [
        {
            "code": p.code,
            "name": p.names.get(lang) or p.names["en"],
            "edition": p.edition,
            **{f"name_{k}": p.names.get(k) for k in LANGUAGES},
            "translated_by_grappe": [k for k in LANGUAGES if p.translated(k)],
        }
        for p in found
    ]


def names_command(
    query: QueryArg = None,
    lang: LangOpt = None,
    output_format: FormatOpt = "table",
    output: OutputOpt = None,
    top: TopOpt = None,
) -> None:
    """HS 4-digit product names (English, French, Arabic) by code or words.

    A heading with no name in the language shows its English name. French names are the EU
    Combined Nomenclature's official text where it names the heading; the other French names and
    the Arabic names are grappe's translations, marked as such; the sources are in docs/exports.md.

    Example: grappe exports names 0804 --lang ar
    """
    from grappe._validation import check_number, check_option

    with grappe_errors():
        check_option(output_format, "--format", FORMATS, func="exports names")
        if top is not None:
            check_number(top, "--top", func="exports names", low=1, integer=True)
        lang = check_option(lang or current_language(), "--lang", LANGUAGES, func="exports names")
        records = _records(query, lang)[:top]
        if not records:
            err_console.print(tr("No heading matches {query}.", query=query), markup=False)
            raise typer.Exit(1)
        table = Table(title=tr("HS headings ({count})", count=len(records)))
        table.add_column(tr("Code"))
        table.add_column(tr("Name"))
        for record in records:
            name = escape(record["name"])
            if record[f"name_{lang}"] is None:
                name += " [dim]" + escape(tr("(English: no name in this language)")) + "[/]"
            elif lang in record["translated_by_grappe"]:
                name += " [dim]" + escape(tr("(translated by grappe)")) + "[/]"
            table.add_row(record["code"], name)
        _emit(records, None, output_format, output, table)
