"""The command line in the user's language: ``--lang``, translated help, translated frames.

Typer reads help texts when the commands are defined, in English. The root group
(:class:`LanguageGroup`) learns the language before it parses anything (``--lang`` anywhere before
the command, else :func:`grappe.i18n.language_from_environment`) and then rewrites, in place, the
help of every command, option, argument and panel of the tree it was built with (the commands
loaded so far: :class:`grappe.cli._lazy.LazyGroup` translates the others as it loads them), and
the few labels Typer draws itself (``Options``, ``[default: …]``, ``Error``…), the usage line
and the parse errors click writes (:mod:`grappe.cli._click_text`). Typer builds a new tree for
each run, so nothing leaks from one run to the next.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from typer.core import TyperGroup

from grappe.cli._click_text import translated_click_errors, translated_usage
from grappe.errors import InvalidParameterError
from grappe.i18n import (
    check_language,
    current_language,
    gettext,
    language_from_environment,
    use_language,
)

__all__ = ["LanguageGroup", "command_tree", "help_texts", "translate_tree"]

#: Labels of Typer's help pages and error panels (``typer.rich_utils``), in English: the
#: catalogue translates them; a run in English puts these back.
TYPER_LABELS: dict[str, str] = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}

#: Help of the ``--help`` option Typer adds to every command.
HELP_OPTION_HELP = "Show this message and exit."


def _language_in(args: list[str]) -> str | None:
    """The value of ``--lang`` among the root's arguments (those before the command)."""
    for index, arg in enumerate(args):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if not arg.startswith("-"):  # the command's name: what follows is not the root's
            return None
    return None


def command_tree(
    command: Any, path: tuple[str, ...] = ("grappe",), *, load: bool = True
) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command of the tree under ``command`` (itself first), with its path of names.

    The root imports its commands when they are used (:class:`grappe.cli._lazy.LazyGroup`):
    the walk loads them all, unless ``load`` is false — then it sees the commands loaded so far
    and the stand-ins of the others.
    """
    yield path, command
    if load and hasattr(command, "load_all"):
        command.load_all()
    for name, sub in getattr(command, "commands", {}).items():
        yield from command_tree(sub, (*path, name), load=load)


def help_texts(command: Any) -> Iterator[str]:
    """Every English text of the help pages of ``command``'s tree (commands, options, panels)."""
    for _path, cmd in command_tree(command):
        for text in (cmd.help, cmd.short_help, getattr(cmd, "rich_help_panel", None)):
            if text:
                yield text
        for param in cmd.params:
            for text in (getattr(param, "help", None), getattr(param, "rich_help_panel", None)):
                if text:
                    yield text
    yield HELP_OPTION_HELP
    yield from TYPER_LABELS.values()


def translate_tree(command: Any, ctx: Any, lang: str) -> None:
    """Rewrite the help texts of ``command``'s tree as loaded so far, and Typer's labels, in
    ``lang`` (a command loaded later is translated when it is loaded)."""
    if lang != "en" or "typer.rich_utils" in sys.modules:
        # English labels are rich_utils' own: a run in English need not import it (0.1 s)
        import typer.rich_utils as rich_utils

        for name, english in TYPER_LABELS.items():
            setattr(rich_utils, name, gettext(english, lang))
    for _path, cmd in command_tree(command, load=False):
        for attr in ("help", "short_help", "rich_help_panel"):
            text = getattr(cmd, attr, None)
            if text:
                setattr(cmd, attr, gettext(text, lang))
        for param in cmd.params:
            for attr in ("help", "rich_help_panel"):
                text = getattr(param, attr, None)
                if text:
                    setattr(param, attr, gettext(text, lang))
        translated_usage(cmd, lang)
        help_option = cmd.get_help_option(ctx)
        if help_option is not None:
            help_option.help = gettext(HELP_OPTION_HELP, lang)


class LanguageGroup(TyperGroup):
    """The root group: chooses the language of the run, then parses as Typer does.

    The language and Typer's labels are put back as they were when the run ends, so that a
    program (or a test) that runs ``grappe`` in-process keeps its own language afterwards.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        before = current_language()
        try:
            return super().main(*args, **kwargs)
        finally:
            use_language(before)
            rich_utils = sys.modules.get("typer.rich_utils")
            for name, english in TYPER_LABELS.items() if rich_utils else ():
                setattr(rich_utils, name, english)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        asked = _language_in(args)
        try:
            lang = check_language(asked) if asked is not None else language_from_environment()
        except InvalidParameterError:  # a bad --lang/GRAPPE_LANG: English, and --lang says why
            lang = "en"
        use_language(lang)
        translate_tree(self, ctx, lang)
        with translated_click_errors(lang):
            return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        # the subcommand parses its arguments here: its parse errors are translated too
        with translated_click_errors(current_language()):
            return super().invoke(ctx)
