"""Read cluster programmes (the bundled presets or a user's YAML file), facts files and maps.

A programme file is parsed by the one parser :func:`grappe.programmes.programme_from_dict`;
this module opens the file through :mod:`grappe.io.files` and adds, to each problem found, the
line of the file it is on. The presets live in ``grappe/data/programmes/<key>.yaml``.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grappe.errors import DataValidationError, NotFoundError, ValidationIssue
from grappe.i18n import Message
from grappe.io.files import load_yaml, parse_document, read_table, read_text
from grappe.programmes import Fact, Programme, programme_from_dict

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "list_presets",
    "load_programme",
    "parse_programme",
    "read_facts",
    "read_map_cells",
]

PathLike = str | os.PathLike[str]

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _presets_dir() -> Any:
    return resources.files("grappe") / "data" / "programmes"


def list_presets() -> tuple[str, ...]:
    """Keys of the programmes shipped with grappe, in alphabetical order.

    Examples
    --------
    >>> "kompetenznetze" in list_presets()
    True
    """
    return tuple(sorted(p.name[:-5] for p in _presets_dir().iterdir() if p.name.endswith(".yaml")))


def _line(node: Any, path: str | None) -> int | None:
    """The 1-based line of the key path ``levels[1].criteria[0]`` in a YAML node tree."""
    import yaml

    if node is None or not path:
        return None
    line = None
    for name, index in _STEP.findall(path):
        if name and isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if str(k.value) == name), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif index and isinstance(node, yaml.SequenceNode) and int(index) < len(node.value):
            node = node.value[int(index)]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _parse(text: str, file: str) -> Programme:
    data, node = load_yaml(text, file=file, what=Message("programme"))
    try:
        return programme_from_dict(data, file=file)
    except DataValidationError as error:
        issues = [
            issue if issue.row is not None else replace(issue, row=_line(node, issue.column))
            for issue in error.issues
        ]
        raise DataValidationError(issues) from None


def load_programme(key_or_path: PathLike) -> Programme:
    """Read a programme: a bundled preset's key (see :func:`list_presets`) or a YAML file.

    Parameters
    ----------
    key_or_path : str or path
        ``kompetenznetze``, ``eccp-profile``… or the path of a file in the same schema
        (docs/programmes.md).

    Returns
    -------
    Programme

    Raises
    ------
    NotFoundError
        If the name is neither a preset nor an existing file.
    DataValidationError
        If the file is not valid YAML or not a valid programme, naming the file, the line, the
        key path and the fix.

    References
    ----------
    .. [1] Seed ``004_b121ed3bd797dbd2.txt``, part II (national cluster policies), from which
       most presets are encoded.

    Examples
    --------
    >>> load_programme("eccp-profile").eligibility[0].threshold
    15.0
    """
    text = str(key_or_path)
    if text in list_presets():
        source = (_presets_dir() / f"{text}.yaml").read_text(encoding="utf-8")
        return _parse(source, f"{text}.yaml")
    if not Path(text).is_file():
        raise NotFoundError(
            Message(
                "No programme {name!r}: not a preset ({presets}) nor a file.",
                name=text,
                presets=", ".join(list_presets()),
            )
        )
    return _parse(read_text(text, what=Message("programme")), text)


def parse_programme(content: str | bytes, *, name: str, kind: str = "yaml") -> Programme:
    """Read a programme sent as text or bytes (an upload, a request body), as a file is read.

    Raises
    ------
    DataValidationError
        As :func:`load_programme`, naming ``name``.
    """
    if kind == "yaml":
        text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
        return _parse(text, name)
    return programme_from_dict(parse_document(content, name=name, kind=kind), file=name)


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return float(value)
    number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    return None if math.isnan(number) else number


def read_facts(path: PathLike) -> dict[str, Fact]:
    """Read a cluster's facts: a YAML/JSON mapping or a table with ``metric`` and ``value``.

    A YAML or JSON file maps each metric to a number, to ``null`` (not reported) or to
    ``{value: …, source: …}``; a table (CSV, Excel…) has the columns ``metric``, ``value`` and
    optionally ``source``. A fact without source is ``typed``.

    Raises
    ------
    NotFoundError
        If the file does not exist.
    DataValidationError
        On a value that is not a number, a metric given twice, missing columns, naming the file,
        the row and the fix.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "facts.yaml"
    >>> _ = p.write_text("members: 18\\nmanagement_fte: {value: 0.5, source: questionnaire}\\n")
    >>> read_facts(p)["management_fte"]
    Fact(metric='management_fte', value=0.5, source='questionnaire')
    """
    file = str(path)
    issues: list[ValidationIssue] = []
    rows: list[tuple[int | None, str, Any, str]] = []
    if Path(file).suffix.lower() in (".yaml", ".yml", ".json"):
        text = read_text(file, what=Message("facts file"))
        kind = "json" if file.lower().endswith(".json") else "yaml"
        data, node = (
            load_yaml(text, file=file, what=Message("facts file"))
            if kind == "yaml"
            else (parse_document(text, name=file, kind="json"), None)
        )
        if not isinstance(data, dict):
            raise DataValidationError(
                ValidationIssue(
                    Message("The facts file is not a mapping of metrics to values."),
                    file=file,
                    fix=Message("Write one 'metric: value' per line, e.g. 'members: 18'."),
                )
            )
        for metric, value in data.items():
            source = "typed"
            if isinstance(value, dict):
                source = str(value.get("source") or "typed")
                value = value.get("value")
            rows.append((_line(node, str(metric)), str(metric), value, source))
    else:
        table = read_table(file, what=Message("facts file"))
        missing = [c for c in ("metric", "value") if c not in table.columns]
        if missing:
            raise DataValidationError(
                ValidationIssue(
                    Message("The facts table lacks the columns {missing}.", missing=missing),
                    file=file,
                    fix=Message("Give the columns metric, value (and optionally source)."),
                )
            )
        for i, row in enumerate(table.to_dict("records")):
            source = row.get("source")
            source = "typed" if source is None or source != source else str(source)
            rows.append((i + 2, str(row["metric"]).strip(), row["value"], source))
    facts: dict[str, Fact] = {}
    for row, metric, value, source in rows:
        if metric in facts:
            issues.append(
                ValidationIssue(
                    Message("The metric {metric!r} is given twice.", metric=metric),
                    file=file,
                    row=row,
                    column=metric,
                    fix=Message("Keep one value per metric."),
                )
            )
            continue
        try:
            facts[metric] = Fact(metric, _number(value), source)
        except (TypeError, ValueError):
            issues.append(
                ValidationIssue(
                    Message(
                        "The fact {metric!r} is {value!r}, not a number.",
                        metric=metric,
                        value=value,
                    ),  # fmt: skip
                    file=file,
                    row=row,
                    column=metric,
                    fix=Message("Write a number (e.g. 0.5), or leave it empty if not reported."),
                )
            )
    if issues:
        raise DataValidationError(issues)
    return facts


def read_map_cells(path: PathLike) -> pd.DataFrame:
    """Read a cluster map's cells (a ``grappe map`` output: Parquet, CSV, Excel).

    Raises
    ------
    NotFoundError
        If the file does not exist.
    DataValidationError
        If the file cannot be read as a table.
    """
    return read_table(str(path), what=Message("map"), dtype=None)
