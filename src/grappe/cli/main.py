"""The ``grappe`` command. Each command group lives in its own module and registers here."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="grappe",
    help="grappe — cluster observatory: map, connect, qualify and publish industrial clusters.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """grappe — cluster observatory."""
