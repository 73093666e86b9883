"""Messages in the command line's terms: Python parameters rewritten as the options that set them.

The library's messages advise Python parameters (``total='sum'``, ``withheld='drop', 'keep_zero'
or 'impute_residual'``, ``columns={'<column>': 'establishments'}``, ``levels=(6,)``). A command
prints every error and warning through :func:`cli_message`, which rewrites them with one table,
:data:`CLI_OPTIONS`: ``--total sum``, ``--withheld drop, keep_zero or impute_residual``,
``--column <column>=establishments``. The library keeps one spelling, and a new option needs one
line here.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "CLI_OPTIONS",
    "FLAG_OPTIONS",
    "OPTION_VALUES",
    "PLAIN_WORDS",
    "cli_message",
    "cli_values",
]

#: The commands that read a regional table with ``grappe map``'s reading options.
_READING = (
    "grappe map",
    "grappe growth",
    "grappe concentration",
    "grappe definitions derive",
    "grappe definitions coverage",
)


def _reading(option: str, *, also: tuple[str, ...] = ()) -> dict[str, str]:
    return dict.fromkeys(_READING + also, option)


#: Python parameter → the option setting it, by command (``"*"``: every command that has it).
CLI_OPTIONS: dict[str, dict[str, str]] = {
    "total": {
        "grappe map": "--total",
        "grappe growth": "--total",
        "grappe concentration": "--total",
    },
    "duplicates": {"*": "--duplicates"},
    "withheld": _reading("--withheld"),
    "columns": _reading("--column"),
    "column": _reading("--column"),
    "where": _reading("--where", also=("grappe related",)),
    "region_type": dict.fromkeys(_READING[:3], "--region-type"),
    "years": {"grappe map": "--years", "grappe definitions derive": "--years"},
    "overlap": {"grappe map": "--overlap"},
    "lq_convention": {"grappe map": "--lq-convention"},
    "measure": {"grappe map": "--measure"},
    "star_local": {"grappe map": "--star-local"},
    "regions_ranking": {"grappe map": "--regions-ranking"},
    "source": _reading("--source", also=("grappe related",)),
    "classification": _reading("--classification", also=("grappe related",)),
    "levels": {
        "grappe related": "--code-level",
        "grappe definitions derive": "--level",
        "grappe definitions coverage": "--level",
    },
    "level": {"grappe related": "--level"},
    "missing": {"grappe complexity": "--missing"},
    "by": {"grappe concentration": "--by"},
    "index": {"grappe concentration": "--index"},
    "method": {"grappe complexity": "--method"},
    "engine": {"grappe complexity": "--engine"},
    "on_outside": {"*": "--outside"},
    "on_missing": dict.fromkeys(
        (
            "grappe spatial kdensity",
            "grappe spatial hotspots",
            "grappe spatial ripley",
            "grappe spatial mfunction",
        ),
        "--drop-missing",
    ),  # fmt: skip
    "format": {"*": "--format"},
    "radius_km": {"grappe ecosystem near": "--radius-km"},
    "types": {"grappe ecosystem near": "--types", "grappe ecosystem coverage": "--types"},
    "lat": {"grappe ecosystem near": "LAT"},
    "lon": {"grappe ecosystem near": "LON"},
}

#: Options that are flags: the value the flag stands for (``on_missing='drop'`` is
#: ``--drop-missing``, with no value written after it).
FLAG_OPTIONS: dict[str, str] = {"--drop-missing": "drop"}

#: How a parameter without an option in the command reads in plain words (``{}``: its values).
PLAIN_WORDS: dict[str, str] = {
    "levels": "code level {}",
}

#: Values an option accepts when they differ from the library's (``--duplicates`` reads tables:
#: raise or sum; the definitions' ``duplicates='first'`` has no option). Advice naming another
#: value is left out of the message (``…, or read with duplicates='first'``).
OPTION_VALUES: dict[str, tuple[str, ...]] = {
    "--duplicates": ("raise", "sum"),
}

_NAME = re.compile(r"(?<![\w.'\"/?&-])([a-z_]+)=(?!=)")  # not in a URL or a quoted value
# a library function's parameter; the commands' own checks already name their options
_PARAMETER = re.compile(
    r"The '([a-z_]+)' parameter of ((?!grappe )[\w.]+)(?= (?:must|needs|is|applies)\b)"
)
_REPEATED = re.compile(r"(--[\w-]+ [^\s()]+) \((?:grappe [a-z ]+ )?\1\)")
_PYTHON_ONLY = re.compile(r"[;,] [\w.]+\([^()]*\) in Python")


def cli_message(text: str, command: str) -> str:
    """``text`` with the Python parameters of :data:`CLI_OPTIONS` written as ``command``'s options.

    Examples
    --------
    >>> cli_message("use total='sum' (grappe map --total sum).", "grappe map")
    'use --total sum.'
    >>> cli_message("choose withheld='drop', 'keep_zero' (0 jobs) or 'raise'.", "grappe map")
    'choose --withheld drop, keep_zero (0 jobs) or raise.'
    >>> cli_message("map it with columns={'<column>': 'establishments'}.", "grappe map")
    'map it with --column <column>=establishments.'
    >>> [cli_message("e.g. levels=(6,).", c) for c in ("grappe related", "grappe map")]
    ['e.g. --code-level 6.', 'e.g. code level 6.']
    >>> cli_message("The 'withheld' parameter of read_regional_table must be …", "grappe map")
    "The '--withheld' parameter of grappe map must be …"
    >>> cli_message("give each code one rule, or read with duplicates='first'.", "grappe map")
    'give each code one rule.'
    >>> cli_message("geocode it, or pass on_missing='drop'.", "grappe spatial ripley")
    'geocode it, or pass --drop-missing.'
    """
    text = _PYTHON_ONLY.sub("", text)
    text = _PARAMETER.sub(lambda m: _parameter(m, command), text)
    out, pos = [], 0
    for match in _NAME.finditer(text):
        if match.start() < pos:
            continue
        option = _option(match.group(1), command)
        if option is None and match.group(1) not in PLAIN_WORDS:
            continue
        end, values = _value(text, match.end())
        if option in OPTION_VALUES and not _accepted(values, OPTION_VALUES[option]):
            # advice the command cannot follow: drop its clause ("…, or read with x='v'")
            start = text.rfind(" or ", pos, match.start())
            start -= start > 0 and text[start - 1] == ","
            if start >= 0:
                out.append(text[pos:start])
                pos = end
                continue
        out.append(text[pos : match.start()])
        out.append(_render(match.group(1), option, values))
        pos = end
    out.append(text[pos:])
    return _REPEATED.sub(r"\1", "".join(out))


def cli_values(values: dict[str, Any], command: str) -> dict[str, Any]:
    """The values of a :class:`~grappe.i18n.Message` with the library function's parameter
    (``name``, ``func``) written as ``command``'s option, whatever the language of the sentence
    (:func:`cli_message` does it on the English sentence).

    Examples
    --------
    >>> cli_values({"name": "withheld", "func": "read_regional_table", "value": 1}, "grappe map")
    {'name': '--withheld', 'func': 'grappe map', 'value': 1}
    """
    name, func = values.get("name"), values.get("func")
    if isinstance(name, str) and isinstance(func, str) and not func.startswith("grappe "):
        option = _option(name, command)
        if option is not None:
            return {**values, "name": option, "func": command}
    return values


def _accepted(values: str | list[str] | None, accepted: tuple[str, ...]) -> bool:
    words = re.findall(r"[\w-]+", values) if isinstance(values, str) else []
    return any(w in accepted for w in words)


def _option(name: str, command: str) -> str | None:
    by_command = CLI_OPTIONS.get(name, {})
    return by_command.get(command, by_command.get("*"))


def _parameter(match: re.Match, command: str) -> str:
    option = _option(match.group(1), command)
    if option is None:
        return match.group(0)
    return f"The '{option}' parameter of {command}"


def _value(text: str, start: int) -> tuple[int, str | list[str] | None]:
    """Where the value written after ``name=`` at ``start`` ends, and the value (as text).

    A quoted list (``'a', 'b' (why) or 'c'``) gives the text with the quotes removed; a tuple
    ``(6,)`` its items joined by commas; a dict its ``key=value`` items; nothing, ``None``.
    """
    if text.startswith("'", start):
        parts, pos = [], start
        quoted = re.compile(r"'([^']*)'( \([^()]*\))?")
        separator = re.compile(r"(, or |, | or )(?=')")
        while (item := quoted.match(text, pos)) is not None:
            parts.append(item.group(1) + (item.group(2) or ""))
            pos = item.end()
            sep = separator.match(text, pos)
            if sep is None:
                break
            parts.append(sep.group(1))
            pos = sep.end()
        return pos, "".join(parts)
    if text.startswith("(", start):
        end = text.find(")", start)
        items = [i.strip() for i in text[start + 1 : end].split(",") if i.strip()]
        return end + 1, ",".join(items)
    if text.startswith("{", start):
        end = text.find("}", start)
        pairs = re.findall(r"'([^']*)'\s*:\s*'([^']*)'", text[start:end])
        return end + 1, [f"{k}={v}" for k, v in pairs] or ["FILE_COLUMN=OUR_COLUMN"]
    return start, None


def _render(name: str, option: str | None, values: str | list[str] | None) -> str:
    if option is None:
        return PLAIN_WORDS[name].format(values or "").strip()
    if values is None or FLAG_OPTIONS.get(option) == values:
        return option
    if isinstance(values, list):
        return " ".join(f"{option} {v}" for v in values)
    return f"{option} {values}"
