"""The ``grappe`` command.

Each command group lives in its own module of :mod:`grappe.cli` and exposes
``register(app)``, which adds its commands to the root application. Modules are imported
here in a fixed order so that ``grappe --help`` lists them consistently.
"""

from __future__ import annotations

import importlib
from typing import Annotated

import typer

from grappe.cli._lang import LanguageGroup

app = typer.Typer(
    cls=LanguageGroup,
    name="grappe",
    help="grappe — cluster observatory: map, connect, qualify and publish industrial clusters.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Command modules, each with a ``register(app)`` function.
COMMAND_MODULES: tuple[str, ...] = (
    "grappe.cli.mapping",
    "grappe.cli.complexity",
    "grappe.cli.analyses",
    "grappe.cli.network",
    "grappe.cli.spatial",
    "grappe.cli.assess",
    "grappe.cli.assess_registry",
    "grappe.cli.serve",
    "grappe.cli.observatory",
    "grappe.cli.token",
    "grappe.cli.user",
    "grappe.cli.definitions",
    "grappe.cli.ecosystem",
    "grappe.cli.dz",
)


@app.callback()
def _root(
    ctx: typer.Context,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="GRAPPE_LANG",
            show_envvar=True,
            help="Language of the messages, help and tables: ar, fr or en; default: "
            "GRAPPE_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English.",
        ),
    ] = None,
) -> None:
    """grappe — cluster observatory."""
    from grappe.errors import InvalidParameterError
    from grappe.i18n import check_language, error_text

    if lang is not None:  # the language itself was chosen before parsing (LanguageGroup)
        source = ctx.get_parameter_source("lang")
        try:
            check_language(lang, source="GRAPPE_LANG" if source.name == "ENVIRONMENT" else "--lang")
        except InvalidParameterError as exc:
            raise typer.BadParameter(error_text(exc), param_hint="--lang") from exc


for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)

if __name__ == "__main__":  # python -m grappe.cli.main
    app()
