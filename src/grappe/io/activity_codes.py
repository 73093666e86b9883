"""Activity codes of the tables the analyses read: one level of a classification, and names.

* :func:`check_activity_levels` refuses a location × activity matrix whose codes mix levels of
  a classification (a total or a sector beside 6-digit codes) unless one level is chosen.
* :func:`industry_names` gives the bundled NAICS 2017 titles of industry codes.
"""

from __future__ import annotations

import pandas as pd

from grappe._validation import check_option
from grappe.errors import DataValidationError, ValidationIssue
from grappe.i18n import Message
from grappe.io.files import read_table

__all__ = ["check_activity_levels", "industry_names"]


def industry_names(classification: str) -> dict[str, str]:
    """Names of industry codes: the bundled NAICS 2017 titles for a NAICS classification.

    Parameters
    ----------
    classification : str
        One of :data:`grappe.codes.CLASSIFICATIONS`.

    Returns
    -------
    dict of str to str
        Code → title (``naics2017_labels.csv`` of the bundled CBP data, U.S. Census Bureau)
        for the NAICS family; empty for any other classification, whose codes are then shown
        as themselves.

    Raises
    ------
    InvalidParameterError
        For an unknown classification.

    Examples
    --------
    >>> industry_names("naics2017")["3361"]
    'Motor vehicle manufacturing'
    >>> industry_names("nace2")
    {}
    """
    from grappe.codes import CLASSIFICATIONS, classification_family
    from grappe.io.presets import bundled_path

    check_option(classification, "classification", CLASSIFICATIONS, func="industry_names")
    if classification_family(classification) != "naics":
        return {}
    labels = read_table(
        bundled_path("cbp_state", "naics2017_labels.csv"), what=Message("NAICS labels")
    )
    return dict(zip(labels["naics"].astype(str).str.strip(), labels["label"], strict=True))


def check_activity_levels(
    matrix: pd.DataFrame,
    *,
    classification: str,
    level: int | None = None,
    file: str,
    column: str,
) -> pd.DataFrame:
    """Keep the activities of one classification level, or refuse a matrix that mixes levels.

    A table of NAICS employment such as County Business Patterns lists the all-industries
    total ``00``, the sectors (``31-33``) and every finer level; taken as activities beside the
    6-digit codes they would count the same jobs several times (Alabama's diversity came out
    729). Custom codes have no known hierarchy and are kept as they are.

    Parameters
    ----------
    matrix : DataFrame
        Locations × activities, activities labelled by their codes.
    classification : str
        Classification of the codes (one of :data:`grappe.codes.CLASSIFICATIONS`), or
        ``"auto"``: NAICS when every code is a NAICS code (digit codes nest by prefix in any
        such classification, HS product codes included), NACE when every code is a NACE
        code, else ``"custom"``.
    level : int, optional
        Keep only the activities of this level (:func:`grappe.codes.code_level`: NAICS 0 for
        ``00``, 2 for sectors, else the number of digits; NACE/ISIC 1 section to 4 class).
        Without it, a matrix whose codes nest is refused.
    file, column : str
        Where the codes come from, for the message.

    Returns
    -------
    DataFrame
        ``matrix``, or its columns of ``level``.

    Raises
    ------
    DataValidationError
        If codes are malformed for the classification, codes nest without ``level``, or no
        activity has the level asked for, naming the file, the column and the fix
        (``--level``).

    Examples
    --------
    >>> X = pd.DataFrame([[5.0, 2.0, 3.0]], columns=["31-33", "311111", "336411"])
    >>> check_activity_levels(X, classification="naics2017", level=6, file="f.csv",
    ...                       column="naics").columns.tolist()
    ['311111', '336411']
    """
    from grappe.codes import CLASSIFICATIONS, code_level, nested_pairs

    codes = [str(c) for c in matrix.columns]
    check_option(
        classification, "--classification", ("auto", *CLASSIFICATIONS), func="grappe complexity"
    )
    if classification == "auto":
        classification = next(
            (
                name
                for name in ("naics", "nace2")
                if all(code_level(c, name) is not None for c in codes)
            ),
            "custom",
        )
    levels = pd.Series([code_level(c, classification) for c in codes], index=codes)
    if levels.isna().any():
        bad = list(levels.index[levels.isna()][:5])
        raise DataValidationError(
            ValidationIssue(
                f"activity codes such as {bad} are not {classification} codes.",
                file=file,
                column=column,
                fix="give the classification of the codes with --classification (custom for "
                "codes without a hierarchy).",
            )
        )
    found = sorted({int(v) for v in levels.unique()})
    if level is not None:
        keep = (levels == level).to_numpy()
        if not keep.any():
            raise DataValidationError(
                ValidationIssue(
                    f"no activity code is of level {level}; the codes are of levels {found}.",
                    file=file,
                    column=column,
                    fix=f"choose --level among {found}.",
                )
            )
        return matrix.loc[:, keep]
    pairs = nested_pairs(codes, classification)
    if pairs:
        outer, inner = pairs[0]
        raise DataValidationError(
            ValidationIssue(
                f"activity codes of several levels {found} are mixed: {outer!r} contains "
                f"{inner!r} ({len(pairs)} nested pairs in all); taking both as activities "
                "would count the same jobs twice.",
                file=file,
                column=column,
                fix=f"choose one level with --level (e.g. --level {found[-1]}).",
            )
        )
    return matrix
