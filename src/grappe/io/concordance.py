"""HS → industry concordances: the bundled tables, and files of the same shape.

A concordance file is a table (CSV, Excel, Parquet) with columns ``hs4``, ``industry`` and
``weight`` (other columns are kept out): one row per HS4 heading → industry pair, the weights of
one heading summing to 1. grappe bundles one, built from public-domain U.S. Census Bureau data
(``src/grappe/data/concordance/PROVENANCE.md``):

* ``"NAICS2017-6"``: HS 2017 headings → NAICS 2017 codes (6 digits, a few grouped at 4–5),
  weights = share of the heading's 10-digit Schedule B lines (Census export concordance, 2019).
  It reaches the U.S. benchmark cluster definitions (``us-benchmark``) and any definitions
  written in NAICS codes.

and one built from Eurostat's correspondence tables (reuse with acknowledgement of the source):

* ``"NACE2-4"``: HS 2017 headings → NACE Rev. 2 classes (a few divisions or groups where CPA has
  no class), weights = share of the heading's 8-digit Combined Nomenclature 2021 lines, through
  CN 2021 → CPA 2.1 → NACE Rev. 2. ``"NACE2-2"`` and ``"NACE2-section"`` add it up to divisions
  and sections; ``"ISIC4-2"`` and ``"ISIC4-section"`` are the same tables in ISIC Rev. 4, whose
  sections and divisions NACE Rev. 2 shares (NACE Rev. 2 is the European version of ISIC Rev. 4,
  identical to it at those two levels: Eurostat 2008, *NACE Rev. 2 — Statistical classification
  of economic activities in the European Community*, KS-RA-07-015). ISIC Rev. 4 classes are not
  bundled (no openly licensed NACE → ISIC class table was found).

The kernel that uses it is :mod:`grappe.complexity.exports_clusters`.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pandas as pd

from grappe.codes import CLASSIFICATIONS, ancestors
from grappe.complexity._exports_types import HS4_PATTERN, WEIGHT_TOLERANCE, Concordance
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError, ValidationIssue
from grappe.i18n import Message
from grappe.io.files import ReadOptions, read_table

__all__ = [
    "BUNDLED_CONCORDANCES",
    "Concordance",
    "concordance_from_frame",
    "load_concordance",
    "read_concordance",
]

#: Target name → (file in ``grappe/data/concordance``, source, grappe classification, provenance).
BUNDLED_CONCORDANCES: dict[str, tuple[str, str, str, str]] = {
    "NAICS2017-6": (
        "hs2017_naics2017.csv",
        "HS2017-4",
        "naics2017",
        "U.S. Census Bureau, Schedule B export concordance 2019 (exp-code.txt), HS10 → NAICS, "
        "aggregated to HS4 by share of 10-digit lines; U.S. government work, public domain. "
        "See grappe/data/concordance/PROVENANCE.md.",
    ),
    **{
        name: (
            "hs2017_nace2.csv.gz",
            "HS2017-4",
            classification,
            "Eurostat correspondence tables CN 2021 → CPA 2.1 and NACE Rev. 2 → CPA 2.1 "
            "(© European Union; reuse authorised with acknowledgement, Commission Decision "
            "2011/833/EU), as redistributed in Eurostat's R package correspondenceTables "
            f"(EUPL-1.2); HS4 → {level} by share of 8-digit CN lines"
            + (
                "; NACE Rev. 2 and ISIC Rev. 4 share their sections and divisions"
                if classification == "isic4"
                else ""
            )
            + ". See grappe/data/concordance/PROVENANCE.md.",
        )
        for name, classification, level in (
            ("NACE2-4", "nace2", "NACE Rev. 2 classes"),
            ("NACE2-2", "nace2", "NACE Rev. 2 divisions"),
            ("NACE2-section", "nace2", "NACE Rev. 2 sections"),
            ("ISIC4-2", "isic4", "ISIC Rev. 4 divisions"),
            ("ISIC4-section", "isic4", "ISIC Rev. 4 sections"),
        )
    },
}

#: The bundled targets added up from a finer table: target → "2" (divisions) or "section".
_COARSER = {
    "NACE2-2": "2",
    "NACE2-section": "section",
    "ISIC4-2": "2",
    "ISIC4-section": "section",
}

#: Other spellings of the bundled targets (lower case).
_ALIASES = {
    "naics": "NAICS2017-6",
    "naics2017": "NAICS2017-6",
    "naics2017-6": "NAICS2017-6",
    "nace2": "NACE2-4",
    "nace": "NACE2-4",
    **{name.lower(): name for name in ("NACE2-4", "NACE2-2", "NACE2-section", "ISIC4-2")},
    "isic4-section": "ISIC4-section",
}


def load_concordance(target: str) -> Concordance:
    """A bundled HS4 → industry concordance, by the name of its target classification.

    Parameters
    ----------
    target : str
        ``"NAICS2017-6"`` (also ``"naics"``, ``"naics2017"``), ``"NACE2-4"`` (also
        ``"nace2"``), ``"NACE2-2"``, ``"NACE2-section"``, ``"ISIC4-2"``, ``"ISIC4-section"``;
        see :data:`BUNDLED_CONCORDANCES`.

    Returns
    -------
    Concordance
        Read once per process (cached).

    Raises
    ------
    NotFoundError
        An unknown target (the message lists the bundled ones).

    References
    ----------
    .. [1] U.S. Census Bureau, Foreign Trade Division, Schedule B export concordance (2019).
    .. [2] Eurostat, correspondence tables CN 2021 – CPA 2.1 and NACE Rev. 2 – CPA 2.1.

    Examples
    --------
    >>> c = load_concordance("NAICS2017-6")
    >>> c.source, c.target, c.industries_of("0804")
    ('HS2017-4', 'NAICS2017-6', (('111339', 1.0),))
    >>> load_concordance("NACE2-4").industries_of("1701")
    (('1081', 1.0),)
    >>> load_concordance("ISIC4-2").industries_of("0804")
    (('01', 0.833333333), ('10', 0.166666667))
    """
    if not isinstance(target, str):
        raise InvalidParameterError(
            "The 'target' parameter of load_concordance must be a string among "
            f"{list(BUNDLED_CONCORDANCES)}. Got {type(target).__name__} instead."
        )
    name = target if target in BUNDLED_CONCORDANCES else _ALIASES.get(target.strip().lower())
    if name is None:
        raise NotFoundError(
            Message(
                "No bundled concordance to {target!r}; the bundled ones are {bundled}. "
                "Give a file of hs4, industry, weight columns instead.",
                target=target,
                bundled=", ".join(BUNDLED_CONCORDANCES),
            )
        )
    return _bundled(name)


@functools.cache
def _bundled(name: str) -> Concordance:
    file, source, classification, provenance = BUNDLED_CONCORDANCES[name]
    ref = resources.files("grappe") / "data" / "concordance" / file
    with resources.as_file(ref) as path:
        frame = pd.read_csv(path, dtype={"hs4": str, "industry": str})
    if name in _COARSER:
        frame = _coarsen(frame, _COARSER[name], classification)
    return Concordance(
        source=source,
        target=name,
        pairs=tuple(
            zip(frame["hs4"], frame["industry"], frame["weight"].astype(float), strict=True)
        ),
        classification=classification,
        provenance=provenance,
    )


def _coarsen(frame: pd.DataFrame, level: str, classification: str) -> pd.DataFrame:
    """Add a NACE/ISIC table up to its divisions (``level="2"``) or sections."""
    divisions = frame["industry"].str[:2]
    if level == "2":
        coarse = divisions
    else:
        section_of = {
            division: next(a for a in ancestors(division, classification) if len(a) == 1)
            for division in divisions.unique()
        }
        coarse = divisions.map(section_of)
    added = (
        frame.assign(industry=coarse)
        .groupby(["hs4", "industry"], sort=False)["weight"]
        .sum()
        .round(9)
        .reset_index()
    )
    return added


def read_concordance(
    path: str | Path,
    *,
    classification: str = "custom",
    source: str = "HS-4",
    target: str | None = None,
    options: ReadOptions | None = None,
) -> Concordance:
    """Read a concordance file (columns ``hs4``, ``industry``, ``weight``).

    Parameters
    ----------
    path : str or Path
        CSV (any encoding and separator grappe detects), Excel or Parquet table.
    classification : str, default "custom"
        grappe classification of the industry codes (``"naics2017"``, ``"isic4"``,
        ``"nace2"``…), so that they meet cluster definitions in the same classification.
    source, target : str
        Names of the two classifications (``target`` defaults to ``classification``).
    options : ReadOptions, optional
        Encoding and separator of a CSV file (default: detected).

    Returns
    -------
    Concordance

    Raises
    ------
    NotFoundError
        No file at ``path``.
    InvalidParameterError
        An unknown ``classification``.
    DataValidationError
        An unreadable file, or the problems of :func:`concordance_from_frame` (with file, row
        and column).

    References
    ----------
    .. [1] U.S. Census Bureau, Schedule B export concordance (the layout of the bundled table).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "c.csv"
    >>> _ = p.write_text("hs4;industry;weight\\n0804;0122;1\\n1701;1072;1\\n")
    >>> read_concordance(p, classification="isic4").industries_of("1701")
    (('1072', 1.0),)
    """
    if classification not in CLASSIFICATIONS:
        raise InvalidParameterError(
            Message(
                "The 'classification' parameter of read_concordance must be one of "
                "{options}. Got {value!r} instead.",
                options=list(CLASSIFICATIONS),
                value=classification,
            )
        )
    frame = read_table(path, options=options, what="concordance")
    return concordance_from_frame(
        frame,
        source=source,
        target=target or classification,
        classification=classification,
        file=str(path),
        provenance=f"read from {path}",
    )


def concordance_from_frame(
    frame: pd.DataFrame,
    *,
    source: str,
    target: str,
    classification: str = "custom",
    file: str | None = None,
    provenance: str | None = None,
) -> Concordance:
    """Validate a table ``hs4, industry, weight`` and return a :class:`Concordance`.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``hs4`` (4 digits, text), ``industry`` (code) and ``weight`` (in (0, 1], the
        weights of one heading summing to 1); one row per pair.
    source, target : str
        Names of the product and industry classifications (``"HS2017-4"``, ``"NAICS2017-6"``).
    classification : str
        grappe classification of the industry codes (see :class:`Concordance`).
    file : str, optional
        The file the table was read from, for the messages (rows: the header is row 1).
    provenance : str, optional
        Source and licence.

    Returns
    -------
    Concordance

    Raises
    ------
    DataValidationError
        A missing column, a heading that is not 4 digits, an empty industry, a weight that is
        not a number in (0, 1], a pair listed twice, or weights of a heading that do not sum to
        1; every problem names the file, row and column and says how to fix it.

    References
    ----------
    .. [1] U.S. Census Bureau, "Schedule B export concordance" (see the module).

    Examples
    --------
    >>> frame = pd.DataFrame({"hs4": ["0804", "1701", "1701"],
    ...                       "industry": ["111339", "311313", "311314"],
    ...                       "weight": [1.0, 0.5, 0.5]})
    >>> c = concordance_from_frame(frame, source="HS", target="NAICS", classification="naics2017")
    >>> c.industries_of("1701")
    (('311313', 0.5), ('311314', 0.5))
    """
    if not isinstance(frame, pd.DataFrame):
        raise InvalidParameterError(
            "The 'frame' parameter of concordance_from_frame must be a pandas DataFrame. "
            f"Got {type(frame).__name__} instead."
        )
    missing = [c for c in ("hs4", "industry", "weight") if c not in frame.columns]
    if missing:
        raise DataValidationError(
            [
                ValidationIssue(
                    Message(
                        "the required column {column!r} is missing; the columns are {columns}.",
                        column=c,
                        columns=list(frame.columns),
                    ),
                    file=file,
                    column=c,
                    fix=Message("add a column {column!r}.", column=c),
                )
                for c in missing
            ]
        )
    issues: list[ValidationIssue] = []
    pairs: list[tuple[str, str, float]] = []
    rows_of: dict[str, list[int]] = defaultdict(list)
    seen: dict[tuple[str, str], int] = {}
    for position, (hs4, industry, weight) in enumerate(
        zip(frame["hs4"], frame["industry"], frame["weight"], strict=True)
    ):
        row = position + 2
        hs4_text = "" if pd.isna(hs4) else str(hs4).strip()
        industry_text = "" if pd.isna(industry) else str(industry).strip()
        value = pd.to_numeric(weight, errors="coerce")
        problem = False
        if not HS4_PATTERN.match(hs4_text):
            issues.append(
                ValidationIssue(
                    Message("{value!r} is not a 4-digit HS heading.", value=hs4_text),
                    file=file,
                    row=row,
                    column="hs4",
                    fix=Message("write the heading with 4 digits and its leading zero (0804)."),
                )
            )
            problem = True
        if not industry_text:
            issues.append(
                ValidationIssue(
                    Message("the industry is missing."),
                    file=file,
                    row=row,
                    column="industry",
                    fix=Message("fill in the industry code or remove the row."),
                )
            )
            problem = True
        if pd.isna(value) or not 0 < float(value) <= 1 + WEIGHT_TOLERANCE:
            issues.append(
                ValidationIssue(
                    Message("the weight {value!r} is not a number in (0, 1].", value=weight),
                    file=file,
                    row=row,
                    column="weight",
                    fix=Message(
                        "give each pair a weight above 0 and at most 1, those of a heading "
                        "summing to 1."
                    ),
                )
            )
            problem = True
        if problem:
            continue
        key = (hs4_text, industry_text)
        if key in seen:
            issues.append(
                ValidationIssue(
                    Message(
                        "the pair {hs4} → {industry} is listed twice (first in row {first}).",
                        hs4=hs4_text,
                        industry=industry_text,
                        first=seen[key],
                    ),
                    file=file,
                    row=row,
                    column="industry",
                    fix=Message("keep one row per pair, with the weights added up."),
                )
            )
            continue
        seen[key] = row
        rows_of[hs4_text].append(row)
        pairs.append((hs4_text, industry_text, float(value)))
    sums: dict[str, float] = defaultdict(float)
    for hs4, _, weight in pairs:
        sums[hs4] += weight
    for hs4, total in sums.items():
        if abs(total - 1) > WEIGHT_TOLERANCE:
            issues.append(
                ValidationIssue(
                    Message(
                        "the weights of heading {hs4} sum to {total} (rows {rows}), not 1.",
                        hs4=hs4,
                        total=round(total, 6),
                        rows=", ".join(map(str, rows_of[hs4][:10])),
                    ),
                    file=file,
                    row=rows_of[hs4][0],
                    column="weight",
                    fix=Message("make the weights of each heading sum to 1."),
                )
            )
    if issues:
        raise DataValidationError(issues)
    if not pairs:
        raise DataValidationError(
            ValidationIssue(
                Message("the concordance has no rows."),
                file=file,
                fix=Message("give one row per heading → industry pair."),
            )
        )
    return Concordance(
        source=source,
        target=target,
        pairs=tuple(pairs),
        classification=classification,
        provenance=provenance,
    )
