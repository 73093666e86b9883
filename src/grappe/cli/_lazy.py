"""The root group of ``grappe``, whose commands are imported only when one of them is used.

``grappe --help`` lists every command with the first paragraph of its help; importing every
command module to learn it costs more than the help itself (each module's options, Typer's tree
of ~50 commands built from their signatures, and whatever the modules import). Instead the root
knows, for each command, the module that defines it and its help text (:class:`LazyCommand`, the
table in :mod:`grappe.cli.main`): the listing is drawn from that table, translated as the real
commands are, and a command's module is imported when the command is run or its help is asked.

The help texts in the table are the commands' own (a test compares them with the loaded
commands', so that a changed docstring or a new command without an entry fails the suite).
"""

from __future__ import annotations

import contextlib
import functools
import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import typer
from typer.core import TyperCommand

from grappe.cli._coerce import install
from grappe.cli._lang import LanguageGroup, translate_tree
from grappe.i18n import current_language

__all__ = ["LazyCommand", "LazyGroup", "module_commands"]


@dataclass(frozen=True)
class LazyCommand:
    """A command of the root group: its name, the modules that define it and its help.

    ``modules`` are imported in order and their ``register(app)`` functions called, as the
    eager root did (``grappe.cli.assess_registry`` adds to the group ``grappe.cli.assess``
    defines). ``help`` is the command's whole help text, the catalogue's key of its
    translation; ``grappe --help`` shows its first paragraph.
    """

    name: str
    modules: tuple[str, ...]
    help: str


@functools.cache
def _registered(modules: tuple[str, ...]) -> typer.Typer:
    """A Typer application with the commands of ``modules`` (imported once per process)."""
    app = typer.Typer()
    for module in modules:
        importlib.import_module(module).register(app)
    return app


def module_commands(modules: tuple[str, ...]) -> dict[str, Any]:
    """The click commands the ``register`` functions of ``modules`` add, built anew (as Typer
    builds its tree anew for each run), by name in their listing order."""
    return dict(typer.main.get_group(_registered(modules)).commands)


class LazyGroup(LanguageGroup):
    """The root group: lists :attr:`lazy_commands` without importing them, loads one when used.

    Until a command is loaded, :attr:`commands` holds a stand-in carrying its name and help,
    so that the listing, the translation of the tree (:func:`~grappe.cli._lang.translate_tree`)
    and the suggestions for a mistyped name work on the table alone. :meth:`get_command` loads
    the command (and those its modules define with it) and translates it into the run's
    language; while the root's own help is written it returns the stand-ins.
    """

    #: The commands, in the order ``grappe --help`` lists them (set by the subclass).
    lazy_commands: Mapping[str, LazyCommand] = {}

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self._listing = False
        self._loaded: set[str] = set()
        for name, entry in self.lazy_commands.items():
            self.commands.setdefault(name, TyperCommand(name, help=entry.help))
        install(self)  # plain option values without pydantic (grappe.cli._coerce)

    @contextlib.contextmanager
    def _stand_ins(self) -> Iterator[None]:
        self._listing = True
        try:
            yield
        finally:
            self._listing = False

    def format_help(self, ctx: Any, formatter: Any) -> None:
        with self._stand_ins():  # the listing needs the help lines only
            super().format_help(ctx, formatter)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if self._listing or cmd_name not in self.lazy_commands:
            return super().get_command(ctx, cmd_name)
        return self.load(cmd_name, ctx)

    def load(self, name: str, ctx: Any = None) -> Any:
        """The real command ``name``, its modules imported and its tree built on first use.

        With ``ctx`` (a run), the loaded commands are translated into the run's language like
        the rest of the tree; without (a walk of the tree), they keep their English texts.
        """
        if name not in self._loaded:
            built = module_commands(self.lazy_commands[name].modules)
            if name not in built:  # a table entry whose modules do not define it
                raise LookupError(
                    f"grappe.cli.main lists the command {name!r} in modules "
                    f"{self.lazy_commands[name].modules}, which do not define it."
                )
            for other, command in built.items():
                if other in self.lazy_commands and other not in self._loaded:
                    install(command)
                    self.commands[other] = command
                    self._loaded.add(other)
                    if ctx is not None:
                        translate_tree(command, ctx, current_language())
        return self.commands[name]

    def load_all(self) -> None:
        """Load every command (a walk of the whole tree: tests, the catalogue's extraction)."""
        for name in self.lazy_commands:
            self.load(name)
