"""Helpers shared by the command modules: clean error exits, data warnings, console output
and the options that say how to read the user's files."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from grappe._validation import DUPLICATE_POLICIES, check_option
from grappe.cli._spelling import cli_message, cli_values
from grappe.errors import DataWarning, GrappeError
from grappe.i18n import Message, current_language, error_text, issue_text, tr, translate

if TYPE_CHECKING:  # the CLI imports pandas only when a command runs
    from grappe.io.files import ReadOptions


class _MeasuredConsole(Console):
    """A rich ``Console`` that measures the terminal each time it prints.

    rich fixes a console's size from ``COLUMNS``/``LINES`` when it is built, and these consoles
    are built at import: a later ``COLUMNS`` (``CliRunner.invoke(env=...)``, a test worker that
    started with ``COLUMNS=80``) would be ignored. With no fixed size, rich's ``size`` reads
    ``COLUMNS``, ``LINES`` and the terminal whenever a table is laid out.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.size = (None, None)  # rich's own setter; None: measure when printing


#: Console for results (stdout) and for messages and progress (stderr).
console = _MeasuredConsole()
err_console = _MeasuredConsole(stderr=True)

#: ``--duplicates``: what every reading command does with rows repeating a key.
DuplicatesOpt = Annotated[
    str,
    typer.Option(
        "--duplicates",
        help="Rows repeating a key: raise (refuse the file, the default) or sum (add them up).",
    ),
]


def shown_cluster_name(code: object, name: object) -> str:
    """A cluster's name as a table of the CLI shows it: the US benchmark names catalogue's name
    in French or Arabic when the CLI speaks it and the cluster is a benchmark one, else ``name``.

    Only what is printed changes; files written with ``-o`` keep the names of the data.

    Examples
    --------
    >>> from grappe.i18n import language
    >>> with language("fr"):
    ...     shown_cluster_name("45", "Transportation and Logistics")
    'Transport et logistique'
    >>> shown_cluster_name("45", "Transportation and Logistics")
    'Transportation and Logistics'
    """
    lang = current_language()
    if lang == "en" or name is None:
        return str(name)
    from grappe.definitions.names import localized_cluster_name

    return localized_cluster_name(code, str(name), lang)[0]


def duplicates_policy(value: str, *, command: str) -> str:
    """Check ``--duplicates`` in the user's terms (before any reader sees it).

    Examples
    --------
    >>> duplicates_policy("sum", command="grappe map")
    'sum'
    """
    return check_option(value, "--duplicates", DUPLICATE_POLICIES, func=command)


def current_command() -> str:
    """The running command as typed (``"grappe map"``), for messages in its terms.

    Examples
    --------
    >>> current_command()  # outside a command
    'grappe'
    """
    try:  # typer 0.2x runs its commands on its own copy of click
        from typer._click.globals import get_current_context
    except ImportError:  # pragma: no cover - older typer, on click itself
        from click import get_current_context

    ctx = get_current_context(silent=True)
    names = []
    while ctx is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["grappe", *reversed(names[:-1])]) if names else "grappe"


def warning_line(warning: DataWarning) -> str:
    """One line for a :class:`~grappe.errors.DataWarning`: where, what, and the fix, with the
    Python parameters it names written as the running command's options (:func:`cli_message`).

    Examples
    --------
    >>> warning_line(DataWarning("every cell is 0.", file="a.csv", row=3, column="emp",
    ...                          fix="check the region."))
    "Warning: a.csv, row 3, column 'emp': every cell is 0. — check the region."
    """
    command = current_command()
    issue = warning.issue
    text = translate(Message("Warning: {text}", text=issue_text(replace(issue, fix=None))))
    if issue.fix:
        text += " — " + translate(issue.fix, values_hook=lambda values: cli_values(values, command))
    return cli_message(text, command)


@contextlib.contextmanager
def data_warnings() -> Iterator[None]:
    """Print every :class:`~grappe.errors.DataWarning` raised inside the block to stderr.

    Each distinct warning is printed once, as it is raised, on one line (see
    :func:`warning_line`); other warnings go to the usual handler.
    """
    shown: set[str] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("always", DataWarning)
        previous = warnings.showwarning

        def show(message: Any, category: type, *args: Any, **kwargs: Any) -> None:
            if isinstance(message, DataWarning):
                line = warning_line(message)
                if line not in shown:
                    shown.add(line)
                    err_console.print(line, markup=False, highlight=False, soft_wrap=True)
            else:
                previous(message, category, *args, **kwargs)

        warnings.showwarning = show
        yield


@contextlib.contextmanager
def grappe_errors() -> Iterator[None]:
    """Turn a :class:`~grappe.errors.GrappeError` into a clean message and exit code 1.

    The message names the command's options, not the library's parameters
    (:func:`~grappe.cli._spelling.cli_message`: ``--total sum`` for ``total='sum'``). Every
    :class:`~grappe.errors.DataWarning` raised in the block is printed to stderr as one line
    (see :func:`data_warnings`); a warning does not change the exit code.

    Examples
    --------
    >>> with grappe_errors():  # doctest: +SKIP
    ...     do_the_work()
    """
    with data_warnings():
        try:
            yield
        except GrappeError as exc:
            command = current_command()
            text = error_text(exc, values_hook=lambda values: cli_values(values, command))
            message = cli_message(text, command)
            label = tr("Error:")
            err_console.print(
                f"[bold red]{escape(label)}[/] {escape(message)}",
                markup=True,
                highlight=False,
                soft_wrap=True,
            )
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
    from grappe.io._options import ReadOptions  # grappe.io.files' own, without pandas

    return ReadOptions(encoding=encoding, sep=sep, decimal=decimal, thousands=thousands)


# --- how to read a regional table (the options of grappe map, growth and concentration) -----

SourceOpt = Annotated[
    str | None,
    typer.Option(
        help="Preset of a well-known source: cbp (US County Business Patterns) or "
        "eurostat (Eurostat long tables: geo, nace_r2, time/year, values/value)."
    ),
]
ColumnOpt = Annotated[
    list[str] | None,
    typer.Option("--column", help="Column mapping FILE_COLUMN=OUR_COLUMN (repeatable)."),
]
ClassificationOpt = Annotated[
    str | None,
    typer.Option(help="Industry classification: naics2017, nace2, isic4, naa, custom."),
]
RegionTypeOpt = Annotated[
    str | None, typer.Option(help="Kind of region (county, state, wilaya, nuts2…).")
]
WhereOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--where",
        help="Keep only the rows with COLUMN=VALUE (or COLUMN=V1,V2), before any check; "
        "repeatable, e.g. --where age=Y_GE15.",
    ),
]
WithheldOpt = Annotated[
    str | None,
    typer.Option(
        help="Withheld cells: raise, drop, keep_zero, impute_flag_midpoint or "
        "impute_residual (the default for --source cbp; drop for --source eurostat)."
    ),
]


def check_reading_options(
    command: str,
    *,
    source: str | None = None,
    withheld: str | None = None,
    classification: str | None = None,
) -> None:
    """Check ``--source``, ``--withheld`` and ``--classification`` in the command's terms,
    before any reader sees them.

    Examples
    --------
    >>> check_reading_options("grappe growth", source="cbp", withheld="drop")
    """
    from grappe.codes import CLASSIFICATIONS
    from grappe.io._regional_checks import WITHHELD_POLICIES  # no pandas (grappe map)
    from grappe.io.presets import PRESETS

    for name, value, allowed in (
        ("--source", source, tuple(PRESETS)),
        ("--withheld", withheld, WITHHELD_POLICIES),
        ("--classification", classification, CLASSIFICATIONS),
    ):
        if value is not None:
            check_option(value, name, allowed, func=command)
