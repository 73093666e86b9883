"""Helpers shared by the command modules: clean error exits and console output."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import typer
from rich.console import Console

from grappe.errors import GrappeError

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
