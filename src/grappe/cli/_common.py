"""Helpers shared by the command modules: clean error exits, console output and the options
that say how to read the user's files."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from grappe.errors import GrappeError

if TYPE_CHECKING:  # the CLI imports pandas only when a command runs
    from grappe.io.files import ReadOptions

#: Console for results (stdout) and for messages and progress (stderr).
console = Console()
err_console = Console(stderr=True)


@contextlib.contextmanager
def grappe_errors() -> Iterator[None]:
    """Turn a :class:`~grappe.errors.GrappeError` into a clean message and exit code 1.

    Examples
    --------
    >>> with grappe_errors():  # doctest: +SKIP
    ...     do_the_work()
    """
    try:
        yield
    except GrappeError as exc:
        err_console.print(f"[bold red]Error:[/] {exc}", markup=True, highlight=False)
        raise typer.Exit(code=1) from exc


# --- how to read the user's tables (shared by every command that reads one) -----------------

EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Text encoding of CSV inputs (utf-8, cp1252…); default: UTF-8 (with or without "
        "BOM), else cp1252.",
        rich_help_panel="Reading files",
    ),
]
SepOpt = Annotated[
    str | None,
    typer.Option(
        "--sep",
        help="Field separator of CSV inputs (, ; | or tab); default: detected from the header.",
        rich_help_panel="Reading files",
    ),
]
DecimalOpt = Annotated[
    str,
    typer.Option(
        "--decimal",
        help="Decimal mark of numbers: '.' or ','.",
        rich_help_panel="Reading files",
    ),
]
ThousandsOpt = Annotated[
    str | None,
    typer.Option(
        "--thousands",
        help="Thousands separator of numbers (space, '.', ',' or \"'\"); spaces between groups "
        "of three digits are always accepted.",
        rich_help_panel="Reading files",
    ),
]


def read_options(
    encoding: str | None = None,
    sep: str | None = None,
    decimal: str = ".",
    thousands: str | None = None,
) -> ReadOptions:
    """The :class:`~grappe.io.files.ReadOptions` of the ``--encoding/--sep/--decimal/--thousands``
    options (an :class:`~grappe.errors.InvalidParameterError` for a bad value).

    Examples
    --------
    >>> read_options(sep="tab", decimal=",")
    ReadOptions(encoding=None, sep='\\t', decimal=',', thousands=None)
    """
    from grappe.io.files import ReadOptions

    return ReadOptions(encoding=encoding, sep=sep, decimal=decimal, thousands=thousands)
