"""The ``grappe`` command.

Each command group lives in its own module of :mod:`grappe.cli` and exposes
``register(app)``, which adds its commands to the root application. Modules are imported
here in a fixed order so that ``grappe --help`` lists them consistently.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
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
def _root() -> None:
    """grappe — cluster observatory."""


for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)

if __name__ == "__main__":  # python -m grappe.cli.main
    app()
