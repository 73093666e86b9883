"""Reading actor networks (actors, ties, interview grids, edge lists, adjacency matrices) and
writing their diagnosis and figures.

Respondents are pseudonymised on import: the ``respondent`` column of a tie file is replaced by
``R-`` and the first 10 hex digits of HMAC-SHA256(salt, name). With the same ``salt`` (or the
environment variable ``GRAPPE_PSEUDONYM_SALT``) the pseudonyms are stable across files and
waves; without one a random salt is drawn, so they cannot be linked between runs. Identities
are kept only when ``reveal_respondents=True``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_bool, check_option
from grappe.errors import DataValidationError, ValidationIssue
from grappe.i18n import Message
from grappe.io import files
from grappe.io.files import ReadOptions, convert_numbers, table_format
from grappe.io.output import write_figure, write_text
from grappe.network.diagnosis import Diagnosis, render_text
from grappe.network.model import LEVELS, SPHERES, ActorNetwork, build_network

__all__ = [
    "EXAMPLE_NETWORKS",
    "pseudonymise",
    "read_adjacency",
    "read_diagnosis_texts",
    "read_example_network",
    "read_interview_grid",
    "read_network",
    "read_network_bytes",
    "read_table",
    "save_figure",
    "write_diagnosis",
]

#: Example networks bundled with grappe.
EXAMPLE_NETWORKS: tuple[str, ...] = ("knoke",)

_SALT_ENV = "GRAPPE_PSEUDONYM_SALT"


def read_table(
    path: str | os.PathLike[str],
    *,
    sheet: str | int = 0,
    options: ReadOptions | None = None,
    what: str = "table",
) -> pd.DataFrame:
    """Read a CSV or XLSX table as strings (empty cells as NA).

    Opened by :func:`grappe.io.files.read_table`.

    Raises
    ------
    NotFoundError
        If the file does not exist.
    DataValidationError
        If the format is not CSV/XLSX or the file cannot be parsed (see
        :func:`grappe.io.files.read_table`).
    """
    p = Path(path)
    if table_format(p) not in ("csv", "csv.gz", "tsv", "tsv.gz", "excel"):
        raise DataValidationError(
            ValidationIssue(
                Message("Unsupported file type {suffix!r}.", suffix=p.suffix.lower()),
                file=str(p),
                fix=Message("Save the table as CSV (comma-separated, UTF-8) or XLSX."),
            )
        )
    return files.read_table(p, options=options, sheet=sheet, what=what)


def pseudonymise(names: Any, *, salt: str | bytes | None = None) -> list[str | None]:
    """Keyed-hash pseudonyms ``R-xxxxxxxxxx`` of respondent names (None stays None).

    Parameters
    ----------
    names : iterable of str
    salt : str or bytes, optional
        The key of HMAC-SHA256. Default: ``$GRAPPE_PSEUDONYM_SALT``, else a random key.

    Examples
    --------
    >>> pseudonymise(["Amina B.", None, "Amina B."], salt="project-key")
    ['R-45e68df7a3', None, 'R-45e68df7a3']

    References
    ----------
    Krawczyk, H., Bellare, M. & Canetti, R. (1997) HMAC: keyed-hashing for message
    authentication. RFC 2104.
    """
    if salt is None:
        salt = os.environ.get(_SALT_ENV) or secrets.token_bytes(32)
    key = salt.encode() if isinstance(salt, str) else bytes(salt)
    out: list[str | None] = []
    for name in names:
        if name is None or (isinstance(name, float) and np.isnan(name)) or name is pd.NA:
            out.append(None)
            continue
        text = " ".join(str(name).split()).casefold()
        if not text:
            out.append(None)
            continue
        digest = hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()
        out.append("R-" + digest[:10])
    return out


def _protect(
    ties: pd.DataFrame, *, salt: str | bytes | None, reveal_respondents: bool
) -> pd.DataFrame:
    cols = {c.strip().lower(): c for c in ties.columns}
    if "respondent" not in cols or reveal_respondents:
        return ties
    out = ties.copy()
    out[cols["respondent"]] = pseudonymise(ties[cols["respondent"]], salt=salt)
    return out


def read_network(
    actors: str | os.PathLike[str],
    ties: str | os.PathLike[str],
    *,
    directed: bool = True,
    strength_scale: tuple[float, float] = (1.0, 3.0),
    salt: str | bytes | None = None,
    reveal_respondents: bool = False,
    name: str | None = None,
    options: ReadOptions | None = None,
    duplicates: str = "raise",
) -> ActorNetwork:
    """Read an actor table and a tie table (CSV or XLSX) into a validated network.

    Parameters
    ----------
    actors : path
        Columns ``id, sphere, level`` (required) and ``name, ownership, size, member, waves``
        or any attribute (optional). See ``docs/network.md``.
    ties : path
        Columns ``source, target, type`` (required) and ``strength, directed, wave, evidence,
        confidence, respondent`` (optional). An interview grid is such a file with one row
        per reported tie and the ``respondent`` column.
    directed : bool, default True
        Direction of ties whose ``directed`` cell is empty.
    strength_scale : (float, float), default (1, 3)
    salt : str or bytes, optional
        Key for the respondents' pseudonyms (see :func:`pseudonymise`).
    reveal_respondents : bool, default False
        Keep respondents' names instead of pseudonyms.
    name : str, optional
        Display name (default: the tie file's stem).
    options : ReadOptions, optional
        Encoding and separator of CSV files (default: detected; see :mod:`grappe.io.files`).
    duplicates : {"raise", "sum"}, default "raise"
        A tie listed twice (same actors, type, wave and respondent): refuse the file, or
        merge the rows into one tie (see :func:`grappe.network.build_network`).

    Returns
    -------
    ActorNetwork

    Raises
    ------
    NotFoundError
        If a file is missing.
    DataValidationError
        Listing every problem with file, row, column and fix.
    """
    check_bool(reveal_respondents, "reveal_respondents", func="read_network")
    a = read_table(actors, options=options, what=Message("actors table"))
    t = _protect(
        read_table(ties, options=options, what=Message("ties table")),
        salt=salt,
        reveal_respondents=reveal_respondents,
    )
    return build_network(
        a,
        t,
        directed=directed,
        strength_scale=strength_scale,
        name=name or Path(ties).stem,
        source=str(ties),
        actors_file=str(actors),
        ties_file=str(ties),
        duplicates=duplicates,
    )


def read_network_bytes(
    actors: bytes,
    ties: bytes,
    *,
    actors_name: str = "actors.csv",
    ties_name: str = "ties.csv",
    directed: bool = True,
    strength_scale: tuple[float, float] = (1.0, 3.0),
    salt: str | bytes | None = None,
    name: str | None = None,
    options: ReadOptions | None = None,
    duplicates: str = "raise",
) -> ActorNetwork:
    """Read uploaded actor and tie tables (bytes) exactly as :func:`read_network` reads
    files: the same detection, the same checks and errors naming ``actors_name``/``ties_name``,
    respondents pseudonymised (never revealed).

    A name ending in ``.xlsx`` is read as an Excel workbook
    (:func:`grappe.io.files.read_table_bytes`): its sheet named ``actors`` (resp. ``ties``) when
    it has one, else its first sheet; any other name as CSV text.

    Raises
    ------
    DataValidationError
        Listing every problem with file, row, column and fix.

    Examples
    --------
    >>> net = read_network_bytes(b"id,sphere,level\\na,enterprise,local\\nb,public,local\\n",
    ...                          b"source,target,type\\na,b,trust\\n")
    >>> net.n_actors, len(net.ties)
    (2, 1)
    """
    a = files.read_table_bytes(
        actors,
        name=actors_name,
        options=options,
        prefer_sheet="actors",
        what=Message("actors table"),
    )
    t = files.read_table_bytes(
        ties, name=ties_name, options=options, prefer_sheet="ties", what=Message("ties table")
    )
    return build_network(
        a,
        _protect(t, salt=salt, reveal_respondents=False),
        directed=directed,
        strength_scale=strength_scale,
        name=name or Path(ties_name).stem,
        source=ties_name,
        actors_file=actors_name,
        ties_file=ties_name,
        duplicates=duplicates,
    )


def read_interview_grid(
    grid: str | os.PathLike[str],
    actors: str | os.PathLike[str],
    *,
    salt: str | bytes | None = None,
    reveal_respondents: bool = False,
    strength_scale: tuple[float, float] = (1.0, 3.0),
    name: str | None = None,
    options: ReadOptions | None = None,
    duplicates: str = "raise",
) -> ActorNetwork:
    """Read an interview grid: one reported tie per row, with its respondent.

    The grid has the columns of a tie file plus ``respondent`` (who reported the tie, stored
    pseudonymised). Ties are undirected unless the ``directed`` column says otherwise, and
    their ``evidence`` defaults to ``"interview"``. Two respondents reporting the same tie are
    merged (``reports`` = 2); if they disagree on its strength the import fails, naming both
    rows. One respondent reporting the same tie twice is a duplicate, refused unless
    ``duplicates="sum"``.

    Returns
    -------
    ActorNetwork

    Raises
    ------
    DataValidationError
        If a column is missing or a value is invalid (see :func:`read_network`).
    """
    check_bool(reveal_respondents, "reveal_respondents", func="read_interview_grid")
    t = read_table(grid, options=options, what=Message("interview grid"))
    if "respondent" not in [c.lower() for c in t.columns]:
        raise DataValidationError(
            ValidationIssue(
                Message("The column 'respondent' is missing from the interview grid."),
                file=str(grid),
                column="respondent",
                fix=Message("Add who reported each tie (it is pseudonymised)."),
            )
        )
    if "evidence" not in [c.lower() for c in t.columns]:
        t = t.assign(evidence="interview")
    t = _protect(t, salt=salt, reveal_respondents=reveal_respondents)
    return build_network(
        read_table(actors, options=options, what=Message("actors table")),
        t,
        directed=False,
        strength_scale=strength_scale,
        name=name or Path(grid).stem,
        source=str(grid),
        actors_file=str(actors),
        ties_file=str(grid),
        duplicates=duplicates,
    )


def _read_matrix(path: str | os.PathLike[str], options: ReadOptions | None) -> pd.DataFrame:
    frame = read_table(path, options=options, what=Message("adjacency matrix"))
    file = str(path)
    labels = frame.iloc[:, 0].astype(str).str.strip().tolist()
    cols = [str(c).strip() for c in frame.columns[1:]]
    if labels != cols:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "The row labels {rows}… do not match the column labels {columns}….",
                    rows=labels[:5],
                    columns=cols[:5],
                ),
                file=file,
                row=2,
                column=str(frame.columns[0]),
                fix=Message(
                    "Write a square matrix whose first column repeats the header's labels "
                    "in the same order."
                ),
            )
        )
    values = frame.iloc[:, 1:].apply(lambda col: convert_numbers(col, options=options)[0])
    bad = values.isna() | (values < 0)
    if bad.to_numpy().any():
        r, c = np.argwhere(bad.to_numpy())[0]
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "The cell value {value!r} is not a non-negative number.",
                    value=frame.iloc[r, c + 1],
                ),
                file=file,
                row=int(r) + 2,
                column=cols[c],
                fix=Message("Use 0 for no tie and a positive number (1 or a strength) for a tie."),
            )
        )
    matrix = values.to_numpy(float, copy=True)
    np.fill_diagonal(matrix, 0.0)  # self-ties are not ties
    return pd.DataFrame(matrix, index=labels, columns=cols)


def read_adjacency(
    matrices: str | os.PathLike[str] | Mapping[str, str | os.PathLike[str]],
    *,
    actors: str | os.PathLike[str] | pd.DataFrame | None = None,
    type: str = "information",
    weighted: bool = False,
    directed: bool = True,
    sphere: str = "enterprise",
    level: str = "local",
    name: str | None = None,
    options: ReadOptions | None = None,
) -> ActorNetwork:
    """Read one adjacency matrix, or one per wave, into a network.

    Parameters
    ----------
    matrices : path or mapping of wave → path
        Square CSV/XLSX matrices: first column the row labels, header the same labels;
        ``M[a, b] > 0`` is a tie from ``a`` to ``b``. With several waves, an actor whose row
        and column are all zero in a wave is taken as absent from it (as in the
        Kecskemét survey files, where firms that entered or left the cluster are coded so).
    actors : path or DataFrame, optional
        Actor table; by default every label becomes an actor of ``sphere`` and ``level``.
    type : str, default "information"
        Tie type of the matrix cells.
    weighted : bool, default False
        Use the cell values as strengths (else ties are unrated).
    directed : bool, default True
    sphere, level : str
        Sphere and level of actors created from labels.
    options : ReadOptions, optional
        Encoding, separator and number format of CSV files (default: detected; see
        :mod:`grappe.io.files`).

    Returns
    -------
    ActorNetwork

    Raises
    ------
    DataValidationError
        If a matrix is not square with matching labels or holds a non-numeric or negative
        value, or if the tie values are off the strength scale.
    InvalidParameterError
        If ``sphere`` or ``level`` is unknown.
    """
    func = "read_adjacency"
    check_option(sphere, "sphere", SPHERES, func=func)
    check_option(level, "level", LEVELS, func=func)
    check_bool(weighted, "weighted", func=func)
    waves = {None: matrices} if isinstance(matrices, str | os.PathLike) else dict(matrices)
    ties, labels, presence = [], [], {}
    for wave, path in waves.items():
        m = _read_matrix(path, options)
        labels.extend(x for x in m.index if x not in labels)
        present = (m.sum(axis=1) + m.sum(axis=0)) > 0
        presence[wave] = set(m.index[present.to_numpy()])
        r, c = np.nonzero(m.to_numpy())
        values = m.to_numpy()[r, c]
        ties.append(
            pd.DataFrame(
                {
                    "source": m.index[r],
                    "target": m.columns[c],
                    "type": type,
                    "strength": values if weighted else np.nan,
                    "wave": wave,
                    "evidence": str(path),
                }
            )
        )
    tie_frame = pd.concat(ties, ignore_index=True)
    if actors is None:
        actor_frame = pd.DataFrame({"id": labels, "sphere": sphere, "level": level})
        afile = None
    elif isinstance(actors, pd.DataFrame):
        actor_frame, afile = actors, None
    else:
        actor_frame, afile = (
            read_table(actors, options=options, what=Message("actors table")),
            str(actors),
        )
    if len(waves) > 1 and "waves" not in actor_frame.columns:
        actor_frame = actor_frame.assign(
            waves=[
                ";".join(str(w) for w, ids in presence.items() if str(a).strip() in ids) or None
                for a in actor_frame["id"]
            ]
        )
    scale = (1.0, max(3.0, float(tie_frame["strength"].max()))) if weighted else (1.0, 3.0)
    return build_network(
        actor_frame,
        tie_frame,
        directed=directed,
        strength_scale=scale,
        name=name,
        source=";".join(str(p) for p in waves.values()),
        actors_file=afile,
        ties_file=str(next(iter(waves.values()))),
    )


def read_example_network(name: str = "knoke") -> ActorNetwork:
    """A network bundled with grappe (see ``grappe/data/networks/<name>/PROVENANCE.md``).

    ``"knoke"``: Knoke's 10 Indianapolis organisations, 49 information and 22 money
    (``funding``) ties; sectors GOV/VOL/PVT read as spheres public/association/enterprise.

    Raises
    ------
    InvalidParameterError
        If the name is not in :data:`EXAMPLE_NETWORKS`.

    Examples
    --------
    >>> net = read_example_network("knoke")
    >>> net.n_actors, net.ties["type"].value_counts().to_dict()
    (10, {'information': 49, 'funding': 22})
    """
    check_option(name, "name", EXAMPLE_NETWORKS, func="read_example_network")
    base = resources.files("grappe") / "data" / "networks" / name
    with resources.as_file(base / "knoke_nodes.csv") as p:
        nodes = pd.read_csv(p, dtype=str)
    with resources.as_file(base / "knoke_edges.csv") as p:
        edges = pd.read_csv(p, dtype=str)
    sectors = {"GOV": "public", "VOL": "association", "PVT": "enterprise"}
    actors = pd.DataFrame(
        {
            "id": nodes["label"],
            "name": nodes["label"],
            "sphere": nodes["sector"].str.strip().map(sectors),
            "level": "local",
            "sector": nodes["sector"].str.strip(),
            "rating": pd.to_numeric(nodes["rating"]),
        }
    )
    ties = pd.DataFrame(
        {
            "source": edges["source"].replace({"MAYO": "MAYR"}),
            "target": edges["target"].replace({"MAYO": "MAYR"}),
            "type": edges["relation"],
            "evidence": "Knoke & Wood (1981)",
        }
    )
    return build_network(
        actors,
        ties,
        directed=True,
        name="Knoke bureaucracies (Indianapolis)",
        source="grappe/data/networks/knoke",
        actors_file="knoke_nodes.csv",
        ties_file="knoke_edges.csv",
    )


def read_diagnosis_texts() -> dict[str, Any]:
    """The sentence templates of the written diagnosis, by language."""
    import yaml

    ref = resources.files("grappe") / "data" / "network" / "diagnosis_texts.yaml"
    return yaml.safe_load(ref.read_text(encoding="utf-8"))


def write_diagnosis(
    diagnosis: Diagnosis,
    path: str | os.PathLike[str],
    *,
    format: str = "json",
    lang: str = "en",
) -> Path:
    """Write a diagnosis as JSON or as text, safely (:mod:`grappe.io.output`); returns the path.

    The diagnosis never contains respondents (they stay in the ties).
    """
    check_option(format, "format", ("json", "text"), func="write_diagnosis")
    if format == "json":
        text = json.dumps(diagnosis.to_dict(), ensure_ascii=False, indent=2)
    else:
        text = render_text(diagnosis.to_dict(), read_diagnosis_texts(), lang=lang)
    return write_text(text, path)


def save_figure(fig: Any, path: str | os.PathLike[str], *, dpi: int = 150) -> Path:
    """Save a matplotlib figure as PNG or SVG (by suffix), safely (:mod:`grappe.io.output`).

    Raises
    ------
    InvalidParameterError
        If the suffix is not ``.png`` or ``.svg``.
    OutputError
        If the destination cannot be written.
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    check_option(suffix, "path suffix", ("png", "svg"), func="save_figure")
    return write_figure(fig, path, format=suffix, dpi=dpi, bbox_inches="tight")
