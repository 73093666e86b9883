"""Read the files of cluster qualification and roadmaps: questionnaires, answers, roadmaps,
KPI tables, labels, needs and capabilities.

Each reader validates its file and raises :class:`~grappe.errors.DataValidationError` naming
the file, the row (line) and the column or question, with the fix. Bundled questionnaires live
in ``grappe/data/questionnaires`` (``diamond``, ``quebec``, ``danish``, ``management``).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from grappe.assess.questionnaire import Questionnaire, validate_answers
from grappe.errors import DataValidationError, NotFoundError, ValidationIssue
from grappe.i18n import Message
from grappe.io.files import (
    ReadOptions,
    convert_numbers,
    load_yaml,
    read_csv_bytes,
    read_table,
    read_text,
)
from grappe.roadmap.actions import Roadmap
from grappe.roadmap.kpis import check_kpis
from grappe.roadmap.labels import Label, make_label
from grappe.roadmap.periods import check_member_events

__all__ = [
    "bundled_questionnaires",
    "check_firms",
    "read_answers",
    "read_capabilities",
    "read_indicators",
    "read_kpis",
    "read_label",
    "read_member_events",
    "read_needs",
    "read_questionnaire",
    "read_roadmap",
]

PathLike = str | os.PathLike[str]


def _bundled_dir() -> Any:
    return resources.files("grappe") / "data" / "questionnaires"


def bundled_questionnaires() -> tuple[str, ...]:
    """Names of the questionnaires shipped with grappe.

    Examples
    --------
    >>> bundled_questionnaires()
    ('danish', 'diamond', 'management', 'quebec')
    """
    return tuple(sorted(p.name[:-5] for p in _bundled_dir().iterdir() if p.name.endswith(".yaml")))


#: The file of each side of a match, as named in the readers' errors (translated inside them).
_SIDE_FILE = {"needs": Message("needs file"), "capabilities": Message("capabilities file")}


def _load_yaml(
    path: PathLike, what: str = "file", options: ReadOptions | None = None
) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file; return the data and its node tree (for line numbers)."""
    text = read_text(path, options=options, what=what)
    return load_yaml(text, file=str(path), what=what)


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


def _item_lines(node: yaml.Node | None, key: str) -> list[int]:
    if not isinstance(node, yaml.MappingNode):
        return []
    for k, v in node.value:
        if k.value == key and isinstance(v, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in v.value]
    return []


def read_questionnaire(name_or_path: PathLike) -> Questionnaire:
    """Read a questionnaire: a bundled name (see :func:`bundled_questionnaires`) or a path.

    Raises
    ------
    NotFoundError
        If the name is neither bundled nor an existing file.
    DataValidationError
        If the file does not define a valid questionnaire.
    """
    text = str(name_or_path)
    if text in bundled_questionnaires():
        with resources.as_file(_bundled_dir() / f"{text}.yaml") as path:
            data, _ = _load_yaml(path, Message("questionnaire"))
            return Questionnaire.from_dict(data, file=f"{text}.yaml")
    if not Path(text).is_file():
        raise NotFoundError(
            Message(
                "No questionnaire {name!r}: not a bundled one {bundled} nor a file.",
                name=text,
                bundled=bundled_questionnaires(),
            )
        )
    data, _ = _load_yaml(text, Message("questionnaire"))
    return Questionnaire.from_dict(data, file=text)


def read_answers(
    path: PathLike, questionnaire: Questionnaire, *, options: ReadOptions | None = None
) -> dict[str, Any]:
    """Read and validate answers from YAML (``id: answer``) or CSV (``question,answer``).

    ``options`` gives the encoding and separator of a CSV file (default: detected; see
    :mod:`grappe.io.files`).

    Returns
    -------
    dict
        Validated, normalised answers (see :func:`grappe.assess.validate_answers`).

    Raises
    ------
    DataValidationError
        On a malformed file, unknown ids, bad values or missing required answers, with the
        line of each problem.
    """
    path = Path(path)
    if path.suffix.lower() == ".csv":
        df = read_table(path, options=options, what=Message("answers file")).fillna("")
        if not {"question", "answer"} <= set(df.columns):
            raise DataValidationError(
                ValidationIssue(
                    "The answers file lacks the columns 'question' and 'answer'.",
                    file=str(path),
                    row=1,
                    fix="Write a header line 'question,answer'.",
                )
            )
        questions = df["question"].str.strip()
        repeated = questions.duplicated(keep="first").to_numpy()
        if repeated.any():
            first = {q: i + 2 for i, q in reversed(list(enumerate(questions)))}
            raise DataValidationError(
                [
                    ValidationIssue(
                        f"question {questions.iloc[i]!r} is answered twice (first in row "
                        f"{first[questions.iloc[i]]}).",
                        file=str(path),
                        row=i + 2,
                        column="question",
                        fix="keep one answer per question.",
                    )
                    for i in repeated.nonzero()[0][:20]
                ]
            )
        answers = dict(zip(questions, df["answer"], strict=True))
        rows = {q: i + 2 for i, q in enumerate(questions)}
    else:
        data, node = _load_yaml(path, Message("answers file"), options)
        if not isinstance(data, dict):
            raise DataValidationError(
                ValidationIssue(
                    Message("The answers file is not a mapping of question ids to answers."),
                    file=str(path),
                    fix=Message("Write one 'ID: answer' line per question."),
                )
            )
        answers, rows = {str(k): v for k, v in data.items()}, _key_lines(node)
    return validate_answers(questionnaire, answers, file=str(path), rows=rows)


def read_roadmap(
    path: PathLike, *, actors: list[str] | None = None, options: ReadOptions | None = None
) -> Roadmap:
    """Read a roadmap YAML file (``cluster``, ``mode``, ``deliverables``, ``actors``,
    ``actions``) and validate it.

    ``actors`` (argument) overrides the file's ``actors`` list; when either is given, every
    action owner must be one of them.

    Raises
    ------
    DataValidationError
        On a malformed file or inconsistent data, with the line of each action.
    """
    data, node = _load_yaml(path, Message("roadmap file"), options)
    lines = _item_lines(node, "actions") or None
    # the one parser: the same checks and messages as the registry and the API
    return Roadmap.from_dict(data, file=str(path), rows=lines, actors=actors)


def read_kpis(
    path: PathLike, *, options: ReadOptions | None = None, duplicates: str = "raise"
) -> pd.DataFrame:
    """Read and validate a KPI table (CSV or Excel: ``kpi, period, value[, target,
    direction]``); see :func:`grappe.roadmap.check_kpis`. ``options`` gives the encoding,
    separator and number format of a CSV file (default: detected; see :mod:`grappe.io.files`).
    """
    path = Path(path)
    df = read_table(
        path, options=options, dtype={"period": str, "kpi": str}, what=Message("KPI table")
    )
    for col in ("value", "target"):
        if col in df.columns and not pd.api.types.is_numeric_dtype(df[col]):
            # decimal commas, Arabic digits: converted when every cell parses; otherwise the
            # check below names the cells that are not numbers
            values, bad = convert_numbers(df[col], options=options)
            if not bad.any():
                df[col] = values
    return check_kpis(df, file=str(path), duplicates=duplicates)


def read_member_events(
    path: PathLike, *, options: ReadOptions | None = None
) -> list[dict[str, Any]]:
    """Read and validate a table of member events (CSV or Excel: ``actor, kind, date[,
    sector]``); see :func:`grappe.roadmap.check_member_events`."""
    df = read_table(Path(path), options=options, dtype=str, what=Message("member events table"))
    return check_member_events(df, file=str(path))


def read_indicators(path: PathLike, *, options: ReadOptions | None = None) -> pd.DataFrame:
    """Read a ``ClusterMap.indicators`` table written by ``grappe map`` (CSV or Parquet).

    Region and cluster codes stay text (``"06"`` keeps its zero); ``options`` gives the
    encoding, separator and number format of a CSV file (default: detected).

    Raises
    ------
    NotFoundError
        The file does not exist.
    DataValidationError
        The file cannot be read as a table (see :func:`grappe.io.files.read_table`), or lacks
        a column of :data:`grappe.assess.evidence.INDICATOR_COLUMNS`, has a cell that is not a
        number in a numeric column, or repeats a region × cluster × year.
    """
    from grappe.assess.evidence import INDICATOR_COLUMNS

    frame = read_table(
        path,
        options=options,
        dtype={"region": str, "cluster": str},
        what=Message("indicator table"),
    )
    missing = [c for c in INDICATOR_COLUMNS if c not in frame.columns]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                f"the indicator table lacks the columns {missing}; it has "
                f"{[str(c) for c in frame.columns]}.",
                file=str(path),
                row=1,
                column=missing[0],
                fix="give the indicator table written by grappe map (grappe map ... -o "
                "indicators.csv), or leave out --indicators.",
            )
        )
    issues = []
    for column in ("year", "employment", "establishments", "payroll", "lq"):
        values, bad = convert_numbers(frame[column], options=options)
        issues.extend(
            ValidationIssue(
                Message("{value!r} is not a number.", value=frame[column].iloc[i]),
                file=str(path),
                row=int(i) + 2,
                column=column,
                fix=Message("write a number (empty when unknown)."),
            )
            for i in bad.nonzero()[0][:20]
        )
        frame[column] = values
    key = ["region", "cluster", "year"]
    repeated = frame.duplicated(key, keep="first").to_numpy()
    issues.extend(
        ValidationIssue(
            f"region {frame['region'].iloc[i]!r}, cluster {frame['cluster'].iloc[i]!r} and "
            f"year {frame['year'].iloc[i]:g} appear twice.",
            file=str(path),
            row=int(i) + 2,
            column="region",
            fix="keep one row per region, cluster and year, as grappe map writes them.",
        )
        for i in repeated.nonzero()[0][:20]
    )
    if issues:
        raise DataValidationError(issues)
    return frame


def read_label(path: PathLike) -> Label:
    """Read a label definition (YAML: ``name``, ``level``, ``criteria``, ``valid_from``,
    ``valid_to``)."""
    data, _ = _load_yaml(path, Message("label file"))
    if not isinstance(data, dict):
        raise DataValidationError(
            ValidationIssue(
                Message("The label file is not a mapping."),
                file=str(path),
                fix=Message("Write name, level, criteria, valid_from and valid_to keys."),
            )
        )
    return make_label(data, file=str(path))


def _read_firms(path: PathLike, what: str, options: ReadOptions | None = None) -> pd.DataFrame:
    path = Path(path)
    df = read_table(path, options=options, what=_SIDE_FILE.get(what, f"{what} file"))
    return check_firms(df, side=what, file=str(path), options=options)


def check_firms(
    table: pd.DataFrame,
    *,
    side: str,
    file: str,
    options: ReadOptions | None = None,
    first_row: int | None = 2,
) -> pd.DataFrame:
    """Check a table of needs or capabilities as :func:`read_needs` and
    :func:`read_capabilities` do, with the same messages; return it with numbers converted.

    The registry checks the records it is sent through this function, so that a need refused in
    a file is refused through the API with the same message.

    Parameters
    ----------
    table : pandas.DataFrame
        The rows as read (text; empty cells as NaN or ``""``).
    side : {"needs", "capabilities"}
    file : str
        Named in the issues (a path, or ``"request body"``).
    options : ReadOptions, optional
        Decimal and thousands separators of the numbers.
    first_row : int or None
        Row number of the first row in the issues (2 in a file: the header is row 1); None
        for a single record, whose issues name no row.

    Raises
    ------
    DataValidationError
        Missing columns, a latitude, longitude or capacity that is not a number in its range,
        an empty or repeated id.
    """
    from grappe.matchmaking.score import CAPABILITY_COLUMNS, NEED_COLUMNS

    columns = {"needs": NEED_COLUMNS, "capabilities": CAPABILITY_COLUMNS}[side]
    df = table.fillna("")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                Message("The {side} file lacks the columns {missing}.", side=side, missing=missing),
                file=file,
                row=1 if first_row is not None else None,
                fix=Message("Give the columns {columns}.", columns=list(columns)),
            )
        )

    def row_of(i: int) -> int | None:
        return None if first_row is None else i + first_row

    issues = []
    for col, low, high in (("lat", -90, 90), ("lon", -180, 180), ("capacity", 0, None)):
        values = pd.Series(convert_numbers(df[col], options=options)[0], index=df.index)
        for i in range(len(df)):
            v, raw = values.iloc[i], df[col].iloc[i]
            if (
                (raw != "" and pd.isna(v))
                or (raw == "" and col != "capacity")
                or (not pd.isna(v) and (v < low or (high is not None and v > high)))
                or (pd.notna(v) and np.isinf(v))
            ):
                rng = (
                    Message("between {low} and {high}", low=low, high=high)
                    if high is not None
                    else f"≥ {low}"
                )
                issues.append(
                    ValidationIssue(
                        Message(
                            "The {column} {value!r} is not a number {range}.",
                            column=col,
                            value=raw,
                            range=rng,
                        ),
                        file=file,
                        row=row_of(i),
                        column=col,
                        fix=Message("Write a decimal number (degrees for lat/lon)."),
                    )
                )
        df[col] = values.astype(float)
    issues += _firm_id_issues(df, columns[0], file, row_of)
    if issues:
        raise DataValidationError(issues)
    return df


def _firm_id_issues(
    df: pd.DataFrame, column: str, file: str, row_of: Any = lambda i: i + 2
) -> list[ValidationIssue]:
    """Empty or repeated ids: every match is reported by id, so each must name one row."""
    ids = df[column].astype(str).str.strip()
    issues = [
        ValidationIssue(
            Message("The id is empty."),
            file=file,
            row=row_of(int(i)),
            column=column,
            fix=Message("Give every row an id."),
        )
        for i in np.flatnonzero((ids == "").to_numpy())[:20]
    ]
    first: dict[str, int] = {}
    for i, ident in enumerate(ids):
        if ident and ident in first and len(issues) < 20:
            issues.append(
                ValidationIssue(
                    Message(
                        "The id {id!r} is already used in row {row}.", id=ident, row=first[ident]
                    ),
                    file=file,
                    row=row_of(i),
                    column=column,
                    fix=Message("Give each row its own id (one row per need or per SME)."),
                )
            )
        first.setdefault(ident, row_of(i))
    return issues


def read_firms_bytes(
    data: bytes, *, side: str, name: str, options: ReadOptions | None = None
) -> pd.DataFrame:
    """Read an uploaded needs or capabilities CSV file (bytes) as :func:`read_needs` and
    :func:`read_capabilities` read a file: same detection, checks and messages, with rows.

    Parameters
    ----------
    data : bytes
        The file's content.
    side : {"needs", "capabilities"}
    name : str
        The file's name, shown in the issues.
    options : ReadOptions, optional
        Encoding, separator, decimal and thousands separators (detected when not given).

    Returns
    -------
    pandas.DataFrame
        The columns of the side, numbers converted (as :func:`check_firms`).

    Raises
    ------
    DataValidationError
        A file that cannot be read, or the issues of :func:`check_firms`.
    """
    table = read_csv_bytes(
        data, name=name, options=options, what=_SIDE_FILE.get(side, f"{side} file")
    )
    return check_firms(table, side=side, file=name, options=options)


def read_needs(path: PathLike, *, options: ReadOptions | None = None) -> pd.DataFrame:
    """Read large firms' needs (CSV with the columns of
    :data:`grappe.matchmaking.score.NEED_COLUMNS`; lists ``;``-separated)."""
    return _read_firms(path, "needs", options)


def read_capabilities(path: PathLike, *, options: ReadOptions | None = None) -> pd.DataFrame:
    """Read SMEs' capabilities (CSV with the columns of
    :data:`grappe.matchmaking.score.CAPABILITY_COLUMNS`)."""
    return _read_firms(path, "capabilities", options)
