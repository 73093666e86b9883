"""Read cluster definitions from CSV or YAML files, or by the name of a bundled set."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from grappe._validation import check_option
from grappe.codes import CLASSIFICATIONS
from grappe.definitions import (
    BUNDLED_DEFINITIONS,
    bundled_definitions,
    definitions_from_frame,
    expand_definitions,
)
from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    NotFoundError,
    ValidationIssue,
)
from grappe.i18n import Message
from grappe.io.files import ReadOptions, existing_file, read_document, read_table
from grappe.model import ClusterDefinitions

__all__ = ["load_definitions", "read_definitions"]

_COLUMNS = ("code", "cluster", "cluster_name", "subcluster", "cluster_type", "description")


def load_definitions(
    name_or_path: str | Path,
    *,
    classification: str | None = None,
    duplicates: str = "raise",
    codes: Iterable[str] | None = None,
    options: ReadOptions | None = None,
    fallback_classification: str | None = None,
) -> ClusterDefinitions:
    """Cluster definitions by the name of a bundled set, or from a CSV or YAML file.

    Parameters
    ----------
    name_or_path : str or Path
        ``"us-benchmark"`` (51 traded + 16 local U.S. benchmark clusters, NAICS 2017), or the
        path of a ``.csv``, ``.yaml`` or ``.yml`` file (see :func:`read_definitions`).
    classification : str, optional
        Classification of the codes. For a bundled set it must match the set's if given.
    duplicates : {"raise", "first"}
        What to do with codes covered twice in a file (see :func:`read_definitions`).
    codes : iterable of str, optional
        When given, prefix rules are expanded to these codes
        (:func:`grappe.definitions.expand_definitions`).
    options : ReadOptions, optional
        Encoding and separator of a CSV file (default: detected; see :mod:`grappe.io.files`).
    fallback_classification : str, optional
        Classification of a file that names none (a CSV file, a YAML file without a
        ``classification`` key), e.g. the classification of the table the definitions are
        mapped with, so that its codes are normalised as the table's (``10.1`` as ``101``).
        ``classification`` overrides it.

    Returns
    -------
    ClusterDefinitions

    Raises
    ------
    NotFoundError
        Neither a bundled name nor an existing file.
    InvalidParameterError
        A classification that contradicts the bundled set's.
    DataValidationError
        The file fails validation (see :func:`read_definitions`).

    References
    ----------
    .. [1] Delgado, M., Porter, M. E. & Stern, S. (2016), "Defining clusters of related
       industries", Journal of Economic Geography 16(1): 1–38.

    Examples
    --------
    >>> us = load_definitions("us-benchmark")
    >>> len(us.codes), us.classification
    (970, 'naics2017')
    """
    func = "load_definitions"
    if isinstance(name_or_path, str) and name_or_path in BUNDLED_DEFINITIONS:
        definitions = bundled_definitions(name_or_path)
        if classification is not None and classification != definitions.classification:
            raise InvalidParameterError(
                Message(
                    "The 'classification' parameter of {func} must be None or "
                    "{expected!r} for {name!r}. Got {classification!r} instead.",
                    func=func,
                    expected=definitions.classification,
                    name=name_or_path,
                    classification=classification,
                )
            )
    else:
        if not isinstance(name_or_path, str | Path):
            raise InvalidParameterError(
                f"The 'name_or_path' parameter of {func} must be a bundled name among "
                f"{list(BUNDLED_DEFINITIONS)} or a path. Got {name_or_path!r} instead."
            )
        if not Path(name_or_path).is_file():
            raise NotFoundError(
                Message(
                    "{name!r} is neither a bundled definition set ({bundled}) nor an existing "
                    "file.",
                    name=str(name_or_path),
                    bundled=", ".join(BUNDLED_DEFINITIONS),
                )
            )
        definitions = read_definitions(
            name_or_path,
            classification=classification or "custom",
            duplicates=duplicates,
            options=options,
        )
        fallback = fallback_classification
        if classification is None and definitions.classification == "custom" and fallback:
            # the file names no classification: read its codes as the table's
            fallback = check_option(fallback, "fallback_classification", CLASSIFICATIONS, func=func)
            definitions = read_definitions(
                name_or_path, classification=fallback, duplicates=duplicates, options=options
            )
    if codes is not None:
        definitions = expand_definitions(definitions, codes)
    return definitions


def read_definitions(
    path: str | Path,
    *,
    classification: str = "custom",
    name: str | None = None,
    duplicates: str = "raise",
    columns: Mapping[str, str] | None = None,
    options: ReadOptions | None = None,
) -> ClusterDefinitions:
    """Read cluster definitions from a CSV or YAML file.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` file with the columns ``code``, ``cluster`` and optionally ``cluster_name``,
        ``subcluster``, ``cluster_type`` (``traded``, ``local`` or any type; default
        ``traded``), ``description``; or a ``.yaml``/``.yml`` file shaped as in Notes.
    classification : str
        Classification of the codes (see :data:`grappe.codes.CLASSIFICATIONS`); a YAML file may
        name its own with a top-level ``classification`` key, which this parameter overrides
        unless left at ``"custom"``.
    name : str, optional
        Name of the set; default the YAML ``name`` or the file's stem.
    duplicates : {"raise", "first"}
        A code listed twice or covered by rules of two clusters is refused, or the first rule
        in file order is kept.
    columns : mapping, optional
        CSV only: file column name → our name among ``code``, ``cluster``, ``cluster_name``,
        ``subcluster``, ``cluster_type``, ``description``.
    options : ReadOptions, optional
        Encoding and separator of a CSV file (default: detected; see :mod:`grappe.io.files`).

    Returns
    -------
    ClusterDefinitions

    Raises
    ------
    NotFoundError
        The file does not exist.
    InvalidParameterError
        Unsupported file type or parameter value.
    DataValidationError
        Missing columns or values, malformed codes, a cluster with two names or types, codes
        covered twice, a YAML file of the wrong shape.

    Notes
    -----
    YAML shape (codes may be prefixes: ``"10"`` means all of NACE division 10)::

        name: agri-food
        classification: nace2
        clusters:
          - cluster: AGRO
            name: Agri-food processing
            type: traded
            codes: ["10", "11"]
            subclusters:
              - name: Dairy
                codes: ["10.5"]

    A subcluster's codes belong to its cluster; they must not repeat the cluster's own codes
    (a code in ``codes`` and inside a subcluster rule would be covered twice).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "food.csv").write_text("code,cluster\\n10.1,food\\n11,food\\n")
    >>> read_definitions(folder / "food.csv", classification="nace2").codes
    ('101', '11')
    """
    func = "read_definitions"
    classification = check_option(classification, "classification", CLASSIFICATIONS, func=func)
    check_option(duplicates, "duplicates", ("raise", "first"), func=func)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".yaml", ".yml"):
        raise InvalidParameterError(
            Message(
                "The 'path' parameter of {func} must be a .csv, .yaml or .yml file. "
                "Got {path!r} instead.",
                func=func,
                path=str(path),
            )
        )
    existing_file(path, "definitions file")
    file = str(path)
    if suffix == ".csv":
        frame = read_table(path, options=options, what=Message("definitions file"))
        if columns is not None:
            if not isinstance(columns, Mapping) or any(v not in _COLUMNS for v in columns.values()):
                raise InvalidParameterError(
                    f"The 'columns' parameter of {func} must map file column names to names "
                    f"among {list(_COLUMNS)}. Got {columns!r} instead."
                )
            frame = frame.rename(columns=dict(columns))
        names = {ours: theirs for theirs, ours in (columns or {}).items()}
        return definitions_from_frame(
            frame,
            name=name or path.stem,
            classification=classification,
            source=file,
            duplicates=duplicates,
            column_names=names,
        )
    frame, meta = _yaml_frame(path, options)
    if classification == "custom" and meta.get("classification") is not None:
        classification = check_option(
            meta["classification"], "classification", CLASSIFICATIONS, func=func
        )
    return definitions_from_frame(
        frame.drop(columns="_where"),
        name=name or str(meta.get("name") or path.stem),
        classification=classification,
        source=file,
        provenance=meta.get("provenance"),
        duplicates=duplicates,
        rows=[None] * len(frame),
        column_names={"code": "codes"},
    )


def _yaml_frame(path: Path, options: ReadOptions | None) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Flatten the YAML clusters into one row per code."""
    file = str(path)
    doc = read_document(path, what=Message("definitions file"), options=options)
    shape_fix = Message(
        "follow the YAML shape of docs/data-input.md (clusters: - cluster:, codes: [...])."
    )
    if not isinstance(doc, dict) or not isinstance(doc.get("clusters"), list):
        raise DataValidationError(
            ValidationIssue(
                Message("the file has no list 'clusters'."),
                file=file,
                column="clusters",
                fix=shape_fix,
            )
        )
    records, issues = [], []
    for i, entry in enumerate(doc["clusters"]):
        where = f"clusters[{i}]"
        if not isinstance(entry, dict) or entry.get("cluster") in (None, ""):
            issues.append(
                ValidationIssue(
                    Message("the entry has no 'cluster' code."),
                    file=file,
                    column=where,
                    fix=shape_fix,
                )
            )
            continue
        base = {
            "cluster": str(entry["cluster"]),
            "cluster_name": entry.get("name"),
            "cluster_type": entry.get("type"),
        }
        groups = [(None, entry.get("codes") or [], f"{where}.codes")]
        for j, sub in enumerate(entry.get("subclusters") or []):
            if not isinstance(sub, dict) or not sub.get("name"):
                issues.append(
                    ValidationIssue(
                        Message("the subcluster has no 'name'."),
                        file=file,
                        column=f"{where}.subclusters[{j}]",
                        fix=shape_fix,
                    )
                )
                continue
            groups.append(
                (str(sub["name"]), sub.get("codes") or [], f"{where}.subclusters[{j}].codes")
            )
        if not any(codes for _, codes, _ in groups):
            issues.append(
                ValidationIssue(
                    Message("cluster {cluster!r} has no codes.", cluster=base["cluster"]),
                    file=file,
                    column=where,
                    fix=shape_fix,
                )
            )
        for subcluster, codes, place in groups:
            if not isinstance(codes, list):
                issues.append(
                    ValidationIssue(
                        Message("'codes' must be a list."),
                        file=file,
                        column=place,
                        fix=shape_fix,
                    )
                )
                continue
            records += [
                {**base, "subcluster": subcluster, "code": str(c), "_where": place} for c in codes
            ]
    if issues:
        raise DataValidationError(issues)
    meta = {k: v for k, v in doc.items() if k != "clusters"}
    return pd.DataFrame.from_records(
        records, columns=["code", "cluster", "cluster_name", "subcluster", "cluster_type", "_where"]
    ), meta
