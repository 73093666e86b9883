"""Names of the bundled clusters in French and Arabic: a reviewed catalogue (package data).

``grappe/data/definitions/us_benchmark_names.csv`` gives, for each of the 67 U.S. benchmark
clusters (51 traded, 16 local), its English name as published by the U.S. Cluster Mapping
Project and its French and Arabic names, with a ``status`` per row:

``machine-unverified``
    Written for grappe and not yet reviewed by a second translator (every row today).
``reviewed``
    Checked by a reviewer fluent in the language (say who in the commit).
``published``
    Taken from a published translation (cite it in ``PROVENANCE.md``).

A name is shown translated only where the stored cluster *is* the benchmark cluster: same code
and same English name. A user's own definitions that reuse the code ``"4"`` for another
cluster keep their own name.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

import pandas as pd

from grappe._validation import check_option
from grappe.errors import DataValidationError, ValidationIssue
from grappe.i18n import Message
from grappe.vocabulary import LANGUAGES

__all__ = [
    "NAME_CATALOGUES",
    "NAME_STATUSES",
    "check_name_catalogue",
    "cluster_name_catalogue",
    "cluster_names",
    "localized_cluster_name",
]

#: Statuses of a translated name, from the least to the most trusted.
NAME_STATUSES: tuple[str, ...] = ("machine-unverified", "reviewed", "published")

#: Name catalogue of each bundled definition set (package-data file).
NAME_CATALOGUES: dict[str, str] = {"us-benchmark": "us_benchmark_names.csv"}

_COLUMNS = ("code", "name_en", "name_fr", "name_ar", "status")


def check_name_catalogue(
    frame: pd.DataFrame,
    *,
    source: str,
    clusters: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Check a cluster-name catalogue and return it with string columns.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``code``, ``name_en``, ``name_fr``, ``name_ar``, ``status``.
    source : str
        File name used in the error messages.
    clusters : mapping, optional
        ``{code: English name}`` of the definition set the catalogue translates: every
        cluster must have a row, with the same English name, and no row may name another.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    DataValidationError
        Listing every problem with its row (the header is row 1), column and fix.

    Examples
    --------
    >>> ok = pd.DataFrame({"code": ["1"], "name_en": ["Apparel"], "name_fr": ["Habillement"],
    ...                    "name_ar": ["الألبسة"], "status": ["machine-unverified"]})
    >>> check_name_catalogue(ok, source="names.csv")["name_fr"].tolist()
    ['Habillement']
    """
    missing = [c for c in _COLUMNS if c not in frame.columns]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                Message("missing column(s) {columns}.", columns=", ".join(missing)),
                file=source,
                row=1,
                fix=Message("The header must be: {header}.", header=",".join(_COLUMNS)),
            )
        )
    data = frame.loc[:, list(_COLUMNS)].astype("string").fillna("")
    data = data.apply(lambda column: column.str.strip())
    issues: list[ValidationIssue] = []
    for i, row in enumerate(data.itertuples(index=False), start=2):
        for column in ("code", "name_en", "name_fr", "name_ar"):
            if not getattr(row, column):
                issues.append(
                    ValidationIssue(
                        Message("empty {column}.", column=column),
                        file=source,
                        row=i,
                        column=column,
                        fix=Message(
                            "Every cluster needs its code and its name in the three languages."
                        ),
                    )
                )
        if row.status not in NAME_STATUSES:
            issues.append(
                ValidationIssue(
                    Message("unknown status {status!r}.", status=row.status),
                    file=source,
                    row=i,
                    column="status",
                    fix=Message("Write one of {choices}.", choices=", ".join(NAME_STATUSES)),
                )
            )
    for i in (data.index[data["code"].duplicated(keep="first")] + 2).tolist():
        issues.append(
            ValidationIssue(
                Message("code {code!r} appears twice.", code=data["code"].iloc[i - 2]),
                file=source,
                row=i,
                column="code",
                fix=Message("Keep one row per cluster."),
            )
        )
    if clusters is not None:
        given = dict(zip(data["code"], data["name_en"], strict=True))
        for i, (code, name) in enumerate(given.items(), start=2):
            if code in clusters and clusters[code] != name:
                issues.append(
                    ValidationIssue(
                        Message(
                            "English name {name!r} differs from the definitions' {expected!r}.",
                            name=name,
                            expected=clusters[code],
                        ),
                        file=source,
                        row=i,
                        column="name_en",
                        fix=Message("Copy the English name from the definitions."),
                    )
                )
            elif code and code not in clusters:
                issues.append(
                    ValidationIssue(
                        Message("code {code!r} is no cluster of the definitions.", code=code),
                        file=source,
                        row=i,
                        column="code",
                        fix=Message("Remove the row or correct the code."),
                    )
                )
        absent = sorted(set(clusters) - set(given), key=lambda c: (len(c), c))
        if absent:
            issues.append(
                ValidationIssue(
                    Message("no names for cluster(s) {codes}.", codes=", ".join(absent)),
                    file=source,
                    column="code",
                    fix=Message("Add one row per cluster of the definitions."),
                )
            )
    if issues:
        raise DataValidationError(issues)
    return data.reset_index(drop=True)


@cache
def _catalogue(definitions: str) -> pd.DataFrame:
    from grappe.definitions import bundled_definitions

    filename = NAME_CATALOGUES[definitions]
    resource = resources.files("grappe").joinpath("data", "definitions", filename)
    with resource.open("r", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    listed = bundled_definitions(definitions).clusters
    clusters = dict(
        zip(listed["cluster"].astype(str), listed["cluster_name"].astype(str), strict=True)
    )
    return check_name_catalogue(
        frame, source=f"grappe/data/definitions/{filename}", clusters=clusters
    )


def cluster_name_catalogue(definitions: str = "us-benchmark") -> pd.DataFrame:
    """The name catalogue of a bundled definition set (a copy).

    Parameters
    ----------
    definitions : {"us-benchmark"}
        The bundled definition set.

    Returns
    -------
    pandas.DataFrame
        ``code``, ``name_en``, ``name_fr``, ``name_ar``, ``status``.

    Raises
    ------
    InvalidParameterError
        If the set has no catalogue.

    Examples
    --------
    >>> names = cluster_name_catalogue()
    >>> len(names), names.set_index("code").loc["4", "name_fr"]
    (67, 'Automobile')
    """
    check_option(definitions, "definitions", tuple(NAME_CATALOGUES), func="cluster_name_catalogue")
    return _catalogue(definitions).copy()


@cache
def _names(definitions: str, lang: str) -> dict[str, tuple[str, str]]:
    data = _catalogue(definitions)
    return dict(
        zip(data["code"], zip(data["name_en"], data[f"name_{lang}"], strict=True), strict=True)
    )


def cluster_names(lang: str, *, definitions: str = "us-benchmark") -> dict[str, str]:
    """``{cluster code: name in lang}`` for a bundled definition set.

    Parameters
    ----------
    lang : {"fr", "ar", "en"}
    definitions : {"us-benchmark"}

    Returns
    -------
    dict of str to str

    Raises
    ------
    InvalidParameterError
        On an unknown language or definition set.

    Examples
    --------
    >>> cluster_names("ar")["45"]
    'النقل واللوجستيك'
    """
    check_option(lang, "lang", LANGUAGES, func="cluster_names")
    check_option(definitions, "definitions", tuple(NAME_CATALOGUES), func="cluster_names")
    return {code: pair[1] for code, pair in _names(definitions, lang).items()}


def localized_cluster_name(
    code: object, name: str, lang: str, *, definitions: str = "us-benchmark"
) -> tuple[str, str]:
    """The name of cluster ``code`` in ``lang`` and the language it is really in.

    The catalogue's name is used only when ``code`` and the English ``name`` both match a
    benchmark cluster; any other cluster keeps ``name`` (marked as English, the language of
    stored definitions).

    Parameters
    ----------
    code : object
        The cluster's code (compared as text).
    name : str
        The cluster's stored (English) name.
    lang : {"fr", "ar", "en"}
    definitions : {"us-benchmark"}

    Returns
    -------
    (str, str)
        The name to show and its language code (for a ``lang=`` attribute).

    Raises
    ------
    InvalidParameterError
        On an unknown language or definition set.

    Examples
    --------
    >>> localized_cluster_name("4", "Automotive", "fr")
    ('Automobile', 'fr')
    >>> localized_cluster_name("4", "Ma grappe", "fr")
    ('Ma grappe', 'en')
    """
    check_option(lang, "lang", LANGUAGES, func="localized_cluster_name")
    check_option(definitions, "definitions", tuple(NAME_CATALOGUES), func="localized_cluster_name")
    pair = _names(definitions, lang).get(str(code))
    if pair is not None and pair[0] == str(name):
        return pair[1], lang
    return str(name), "en"
