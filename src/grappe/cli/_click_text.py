"""The texts the command-line parser writes itself, in the user's language.

Typer's bundled click writes its usage line (``Usage: grappe map [OPTIONS] …``) and its parse
errors (``No such option: --nope``, ``Missing argument 'inputs'.``, ``Invalid value for '--top':
…``) as f-strings, without gettext, so the catalogue cannot reach them where they are written.
Instead the root group (:class:`grappe.cli._lang.LanguageGroup`) lets click write them in English
and translates the result: an error's English text is matched against the templates of
:data:`CLICK_MESSAGES` (the catalogue's message ids), its values are taken from the match and the
translated template is filled with them; the usage line is written with a translated prefix and
metavars by :func:`translated_usage`. A text no template matches stays English.
"""

from __future__ import annotations

import contextlib
import functools
import re
import string
import types
from collections.abc import Iterator
from typing import Any

from grappe.i18n import Message, gettext, translate

__all__ = [
    "CLICK_MESSAGES",
    "USAGE_WORDS",
    "click_message",
    "translated_click_errors",
    "translated_usage",
]

#: Messages of click's parser and of Typer's type checks, most specific first (a template is
#: matched whole, so "No such option: {option}" must come after the one with possibilities).
CLICK_MESSAGES: tuple[Message, ...] = (
    Message("No such option: {option} (Possible options: {possible})"),
    Message("No such option: {option}"),
    Message("No such command {name}."),
    Message("Missing command."),
    Message("Missing argument {name}."),
    Message("Missing option {name}."),
    Message("Missing parameter {name}."),
    Message("Invalid value for {name}: {reason}"),
    Message("Invalid value: {reason}"),
    Message("Got unexpected extra argument(s) ({arguments})"),
    Message("Option {option} requires an argument."),
    Message("Option {option} requires {count} arguments."),
    Message("Option {option} does not take a value."),
    Message("Value {value} is not a valid {kind}."),
    Message("{value} is not one of {choices}."),
    Message("Input should be a valid integer, unable to parse string as an integer"),
    Message("Input should be a valid number, unable to parse string as a number"),
    Message("Input should be a valid boolean, unable to interpret input"),
)

#: The words of the usage line: its prefix and the metavars click writes for options and commands.
USAGE_WORDS: tuple[Message, ...] = (
    Message("Usage: "),
    Message("[OPTIONS]"),
    Message("COMMAND [ARGS]..."),
)


@functools.cache
def _compiled() -> tuple[tuple[re.Pattern[str], Message], ...]:
    patterns = []
    for message in CLICK_MESSAGES:
        regex = []
        for literal, field, _spec, _conv in string.Formatter().parse(message.template):
            regex.append(re.escape(literal))
            if field is not None:
                regex.append(f"(?P<{field}>.+?)")
        patterns.append((re.compile("^" + "".join(regex) + "$", re.DOTALL), message))
    return tuple(patterns)


def click_message(text: str, lang: str) -> str:
    """``text``, an English message of click or Typer, in ``lang``.

    The values found in the message are translated too (the reason of an ``Invalid value``);
    a text no template matches is looked up whole in the catalogue, else returned as it is.

    Examples
    --------
    >>> click_message("No such option: --nope", "fr")
    "Pas d'option de ce nom : --nope"
    >>> click_message("Missing argument 'inputs'.", "ar")
    "الوسيط 'inputs' ناقص."
    >>> click_message("something else", "ar")
    'something else'
    """
    if lang == "en":
        return text
    for pattern, message in _compiled():
        found = pattern.match(text)
        if found:
            values = {k: click_message(v, lang) for k, v in found.groupdict().items()}
            return translate(Message(message.template, **values) if values else message, lang)
    return translate(text, lang)


def _translated(error: Any, lang: str) -> Any:
    """A click exception of the same kind of exit, whose message is ``error``'s in ``lang``."""
    from typer._click.exceptions import ClickException, UsageError

    text = click_message(error.format_message(), lang)
    ctx = getattr(error, "ctx", None)
    if isinstance(error, UsageError):
        copy: Any = UsageError(text, ctx)
    else:
        copy = ClickException(text)
    copy.exit_code = error.exit_code
    return copy


@contextlib.contextmanager
def translated_click_errors(lang: str) -> Iterator[None]:
    """Inside the block, a click parse error leaves with its message in ``lang``."""
    from typer._click.exceptions import ClickException

    try:
        yield
    except ClickException as error:
        if lang == "en" or type(error).__name__ == "NoArgsIsHelpError":
            raise
        raise _translated(error, lang) from error


def _format_usage(self: Any, ctx: Any, formatter: Any, *, lang: str) -> None:
    words = {m.template: gettext(m.template, lang) for m in USAGE_WORDS}
    pieces = [words.get(piece, piece) for piece in self.collect_usage_pieces(ctx)]
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=words["Usage: "])


def translated_usage(command: Any, lang: str) -> None:
    """Make ``command`` (one run's object) write its usage line in ``lang``."""
    if lang != "en":
        command.format_usage = types.MethodType(
            functools.partial(_format_usage, lang=lang), command
        )
