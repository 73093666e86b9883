"""Typer's coercion of plain option values without building pydantic adapters (issue 17).

Typer (0.29) coerces every parameter of the command run through a pydantic ``TypeAdapter``
built on the first use of the parameter: importing pydantic and Typer's adapters, then building
one adapter per parameter, cost 0.2–0.3 s of every ``grappe`` command (``python -X importtime
-m grappe map --help`` shows ``typer._adapters`` at 0.18 s on a quiet machine), whatever the
command computes.

:class:`PlainValues` gives the parameter the value Typer's adapter gives for the usual cases —
text for ``str``, a flag's own value for ``bool``, a whole number written in digits for
``int``, a path whose checks are Typer's defaults for ``Path``, and lists of these — and hands
every other value (or annotation) to Typer's own coercion, built then: its results and its
error messages stay Typer's.
:func:`install` sets it on the parameters of a command tree (Typer's lazy ``_runtime_param``
slot, which Typer fills with its own coercion on first use otherwise).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

from typer._coercion import RuntimeParam, build_runtime_param

__all__ = ["PlainValues", "install"]

#: Whole numbers as pydantic reads them from text, for the cases taken here: digits, no sign
#: other than a minus, no leading zero, no spaces or underscores (pydantic's job otherwise).
_WHOLE = re.compile(r"-?(?:0|[1-9][0-9]{0,17})\Z")
_LEAVES = (str, int, bool, Path)


@dataclass(frozen=True)
class PlainValues(RuntimeParam):
    """Coercion of ``str``, ``bool``, ``int``, ``Path`` and ``list`` of them, as Typer's
    adapters do, Typer's own coercion taking over for anything else.

    References
    ----------
    .. [1] Typer 0.29, ``typer/_adapters.py`` (``_parse_cli_str``, ``_build_number_adapter``,
       ``_build_path_adapter``) and ``typer/_param_types.py`` (``coerce_cli_path``).
    """

    descriptor: Any = None

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        annotation = self.annotation
        if get_origin(annotation) is list and isinstance(value, list | tuple):
            (leaf,) = get_args(annotation)
            items = [_plain(item, leaf, self.parameter_info) for item in value]
            if all(item is not _TYPER for item in items):
                return items
        else:
            plain = _plain(value, annotation, self.parameter_info)
            if plain is not _TYPER:
                return plain
        typer_own = build_runtime_param(self.descriptor)
        return typer_own._coerce_value(value, param=param, ctx=ctx)


_TYPER = object()  # "Typer decides": a value or annotation not taken here


def _plain(value: Any, annotation: Any, info: Any) -> Any:
    """The coerced value, or ``_TYPER`` when Typer's own coercion must decide."""
    if (annotation is str and isinstance(value, str)) or (
        annotation is bool and isinstance(value, bool)
    ):
        return value
    if annotation is int and type(value) is int:  # a default, as pydantic keeps it
        return value
    if annotation is int and isinstance(value, str) and _WHOLE.match(value):
        return int(value)
    if annotation is Path and isinstance(value, str | Path) and _default_path_checks(info):
        try:
            os.stat(value)
        except OSError:
            return Path(value)  # Typer's default: a path need not exist
        if os.access(value, os.R_OK):  # else Typer says it is not readable
            return Path(value)
    return _TYPER


def _default_path_checks(info: Any) -> bool:
    return (
        info.parser is None
        and info.path_type is None
        and not info.exists
        and not info.resolve_path
        and info.file_okay
        and info.dir_okay
        and not info.writable
        and not info.allow_dash
    )


def _takes(descriptor: Any) -> bool:
    """Whether a parameter's annotation is one :class:`PlainValues` handles (with Typer's
    fallback); files, choices, numbers with bounds, parsers and the rest keep Typer's."""
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None:
        return False
    if info.min is not None or info.max is not None or info.clamp:
        return False
    annotation = descriptor.annotation
    if get_origin(annotation) is list:
        args = get_args(annotation)
        return len(args) == 1 and args[0] in _LEAVES
    return annotation in _LEAVES


def install(command: Any) -> None:
    """Set :class:`PlainValues` on the parameters of ``command`` (and its subcommands) that
    Typer would coerce through pydantic and whose coercion is not chosen yet — the ``--help``
    option too, which each run builds anew (a flag not given is coerced as well)."""
    stack = [command]
    while stack:
        cmd = stack.pop()
        stack.extend(getattr(cmd, "commands", {}).values())
        for param in getattr(cmd, "params", ()):
            _install_param(param)
        if hasattr(cmd, "get_help_option") and not getattr(cmd, "_grappe_plain_help", False):
            cmd.get_help_option = _plain_help(cmd.get_help_option)
            cmd._grappe_plain_help = True


def _plain_help(get_help_option: Any) -> Any:
    def help_option(ctx: Any) -> Any:
        option = get_help_option(ctx)
        if option is not None:
            _install_param(option)
        return option

    return help_option


def _install_param(param: Any) -> None:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or getattr(param, "_runtime_param", True) is not None:
        return
    if _takes(descriptor):
        param._runtime_param = PlainValues(
            parameter_info=descriptor.parameter_info,
            annotation=descriptor.annotation,
            descriptor=descriptor,
        )
