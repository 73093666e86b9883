"""Country export profiles computed from the shared trade matrix and stored: the observatory
job's step for the country pages, ``grappe exports store``, the web form and the API's ``POST``
that add a country (export profiles and the product space).

:func:`load_export_profiles` reads the 2020 country × HS4 trade matrix of Stojkoski, Koch &
Hidalgo (2023) and the OEC's published ECI series from the shared data folder
(``GRAPPE_SHARED_DATA``, else ``../shared/data`` from the current folder, where
``scripts/observatory`` runs), computes the profile of each chosen country
(:func:`grappe.io.trade.read_export_profile`, the path of ``grappe exports profile``: names from
:mod:`grappe.io.hs`, the kernel :func:`grappe.complexity.exports.export_profile`), lays
out the product space once (:func:`grappe.complexity.space.industry_space` and
:func:`~grappe.complexity.space.space_layout`) and stores them, published, through
:mod:`grappe.registry.export_profiles`. Corrections made since a previous run are kept.

A run on the same files with the same grappe as the last one (SHA-256 of the files and grappe's
version, kept with the product space) computes nothing: it only checks the fingerprint.

The matrix carries no open-data licence (see its PROVENANCE.md), so grappe does not bundle it:
without the folder the step is skipped and says why.

By default the step computes the five countries of the Arab Maghreb Union (:data:`MAGHREB`);
each profile recomputes the complexity sample (about 0.3 s a country on one core), so every
country of the matrix (``countries="all"``, 155 with at least 1 billion USD of exports)
takes about a minute and is left to a caller who wants it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy.orm import Session

import grappe
from grappe.i18n import Message

__all__ = [
    "ECI_FILE",
    "MAGHREB",
    "SOURCE",
    "TRADE_FILE",
    "YEAR",
    "ExportProfilesReport",
    "load_export_profiles",
    "matrix_countries",
    "product_space",
    "shared_data_dir",
]

#: The countries whose profiles the job stores by default: the Arab Maghreb Union.
MAGHREB: tuple[str, ...] = ("DZA", "LBY", "MAR", "MRT", "TUN")
#: The trade matrix and the published ECI, relative to the shared data folder.
TRADE_FILE = "economic_complexity/stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
ECI_FILE = "economic_complexity/oec_eci_trade_1998_2022.csv"
#: The name the profiles of that matrix are stored under, and its year.
SOURCE = "stojkoski2023-hs4"
YEAR = 2020
#: Exports by cluster: the bundled HS -> NAICS concordance and the US benchmark clusters.
CONCORDANCE = "NAICS2017-6"
DEFINITIONS = "us-benchmark"
#: Opportunities stored per country: as many as ``grappe exports cluster --among`` looks
#: through, so that a cluster's few headings find theirs among them; the country page shows the
#: first :data:`grappe.web.views.country.SHOWN_OPPORTUNITIES`, the API lists them all.
STORED_OPPORTUNITIES = 300
#: The complexity sample of :func:`grappe.complexity.exports.export_profile` (its defaults).
MIN_COUNTRY_EXPORTS, MIN_PRODUCT_EXPORTS = 1e9, 1e7


@dataclass(frozen=True)
class ExportProfilesReport:
    """What the step did: the countries computed, the product space's size, the time taken,
    the profiles and spaces written for the first time (``inserted``) or changed (``updated``;
    a second run on the same data writes nothing), or why it was skipped (``skipped``, a
    translatable message; nothing stored)."""

    countries: tuple[str, ...]
    space_nodes: int
    seconds: float
    skipped: str | None = None
    inserted: int = 0
    updated: int = 0


def shared_data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder of the optional datasets: ``GRAPPE_SHARED_DATA``, else ``../shared/data``."""
    env = os.environ if env is None else env
    given = env.get("GRAPPE_SHARED_DATA")
    return Path(given) if given else Path.cwd().parent / "shared" / "data"


def product_space(
    trade: pd.DataFrame, *, min_proximity: float = 0.55, seed: int = 0, iterations: int = 50
) -> tuple[dict[str, tuple[float, float]], list[tuple[str, str]], dict[str, Any]]:
    """The product space of a trade matrix, laid out: positions, links and method.

    Built on the complexity sample of :func:`grappe.complexity.exports.export_profile`
    (countries exporting at least 1 billion, products the world exports at least 10 million,
    presence RCA ≥ 1), proximity as Hidalgo et al. (2007), the backbone of
    :func:`grappe.complexity.space.industry_space` (maximum spanning tree and the links of
    proximity ≥ ``min_proximity``), laid out by :func:`grappe.complexity.space.space_layout`.

    References
    ----------
    .. [1] Hidalgo, C. A., Klinger, B., Barabási, A.-L., & Hausmann, R. (2007). The product
       space conditions the development of nations. *Science* 317(5837), 482–487.
    """
    from grappe.complexity import proximity, rca
    from grappe.complexity.space import industry_space, space_layout

    sample = trade.loc[
        trade.sum(axis=1) >= MIN_COUNTRY_EXPORTS, trade.sum(axis=0) >= MIN_PRODUCT_EXPORTS
    ]
    present = (rca(sample) >= 1.0).astype(float)
    present = present.loc[present.sum(axis=1) > 0, present.sum(axis=0) > 0]
    graph = industry_space(proximity(present, engine="numpy"), min_proximity=min_proximity)
    positions = space_layout(graph, seed=seed, iterations=iterations)
    method = {
        "sample_countries": int(present.shape[0]), "sample_products": int(present.shape[1]),
        "min_country_exports": MIN_COUNTRY_EXPORTS, "min_product_exports": MIN_PRODUCT_EXPORTS,
        "min_proximity": min_proximity, "layout": "Fruchterman-Reingold", "seed": seed,
        "iterations": iterations,
    }  # fmt: skip
    links = [(str(a), str(b)) for a, b in graph.edges()]
    return {str(k): v for k, v in positions.items()}, links, method


def load_export_profiles(
    session: Session,
    *,
    who: str | Any,
    data_dir: Path | None = None,
    countries: Sequence[str] | str = MAGHREB,
    trade: pd.DataFrame | None = None,
    publish: bool = True,
    progress: Callable[[int, int], None] | None = None,
    strict: bool = False,
) -> ExportProfilesReport:
    """Compute and store the export profiles of ``countries`` and the product space.

    Parameters
    ----------
    session : Session
    who : str or Access
        The name written in the audit log (the job: ``"bootstrap"``), or the caller's
        :class:`~grappe.registry.permissions.Access` (``grappe exports store --token``).
    data_dir : Path, optional
        The shared data folder (default :func:`shared_data_dir`).
    countries : sequence of str or "all", default MAGHREB
        ISO3 codes; ``"all"``: every country of the matrix exporting at least 1 billion USD.
        A code that is not a row of the matrix is skipped.
    trade : DataFrame, optional
        The matrix already read (tests pass a part of it); default: read from ``data_dir``.
    publish : bool, default True
        Publish the profiles stored for the first time (a stored one keeps its state).
    progress : callable, optional
        ``progress(done, total)`` after each country.
    strict : bool, default False
        Refuse a code that is not a row of the matrix (``grappe exports store``) instead of
        skipping it; the check comes before anything is written.

    Returns
    -------
    ExportProfilesReport
        ``skipped`` says why nothing was stored when the trade matrix is missing.

    Raises
    ------
    NotFoundError
        ``strict`` and a code of ``countries`` is not a row of the matrix.
    """
    from grappe.complexity.exports_clusters import trade_by_cluster
    from grappe.io.concordance import load_concordance
    from grappe.io.definitions import load_definitions
    from grappe.io.hs import match_product_columns
    from grappe.io.trade import read_export_profile, read_trade_matrix
    from grappe.registry.export_profiles import (
        has_product_space,
        list_export_profiles,
        load_product_space,
        store_export_profile,
        store_product_space,
    )
    from grappe.registry.repositories import registry_version

    start = time.perf_counter()
    folder = shared_data_dir() if data_dir is None else Path(data_dir)
    if trade is None:
        if not (folder / TRADE_FILE).is_file():
            why = Message(
                "Country export pages skipped: the trade matrix {path} is not there (it is not "
                "bundled: no open-data licence). Set GRAPPE_SHARED_DATA to the folder that "
                "holds economic_complexity/.",
                path=str(folder / TRADE_FILE),
            )
            return ExportProfilesReport((), 0, time.perf_counter() - start, skipped=why)
        inputs = _fingerprint(folder)
        unchanged = _unchanged(session, inputs, countries)
        if unchanged is not None:  # the same files and grappe as the last run: nothing to do
            return ExportProfilesReport(unchanged[0], unchanged[1], time.perf_counter() - start)
        trade = read_trade_matrix(folder / TRADE_FILE)
    else:
        inputs = {}
    eci_path = folder / ECI_FILE
    if isinstance(countries, str):  # "all"
        chosen = [str(c) for c in trade.index[trade.sum(axis=1) >= MIN_COUNTRY_EXPORTS]]
    else:
        unknown = [c for c in countries if c.upper() not in trade.index]
        if strict and unknown:
            from grappe.errors import NotFoundError

            raise NotFoundError(
                Message(
                    "No country {countries} in the trade matrix: give ISO3 codes of its rows "
                    "(e.g. DZA, MAR; grappe exports stored lists those stored).",
                    countries=", ".join(map(repr, unknown)),
                )
            )
        chosen = [c.upper() for c in countries if c.upper() in trade.index]
    known = list_export_profiles(session, published_only=False)
    stored = {(s.country, s.year, s.source) for s in known}
    counts = {"inserted": 0, "updated": 0}

    def count(new: bool, write: Callable[[], object]) -> None:
        version = registry_version(session)
        write()
        if registry_version(session) != version:  # every write appends an audit entry
            counts["inserted" if new else "updated"] += 1

    # exports by cluster: the US benchmark clusters through the public-domain HS -> NAICS table
    # (the one bundled concordance; docs/exports.md "Exports by cluster")
    concordance, definitions = load_concordance(CONCORDANCE), load_definitions(DEFINITIONS)
    codes = match_product_columns([str(c) for c in trade.columns]).codes
    for done, country in enumerate(chosen, start=1):
        profile = read_export_profile(  # the one path of the CLI and of Python users
            trade,
            country,
            year=YEAR,
            published_eci=eci_path if eci_path.is_file() else None,
            opportunities=STORED_OPPORTUNITIES,
        )
        clusters = trade_by_cluster(trade, country, concordance, definitions, codes=codes)
        first = (country, YEAR, SOURCE) not in stored
        count(first, lambda p=profile, c=clusters, f=first: store_export_profile(
            session, who, p, source=SOURCE, clusters=c,
            publish=publish if f else None))  # fmt: skip
        if progress is not None:
            progress(done, len(chosen))
    new_space = not has_product_space(session, year=YEAR, source=SOURCE)
    if new_space or not inputs or _space_inputs(session) != inputs:  # else: the same space
        positions, links, method = product_space(trade)
        method["inputs"] = inputs
        count(new_space, lambda: store_product_space(session, who, positions, links, year=YEAR,
                                                     source=SOURCE, method=method))  # fmt: skip
    else:
        positions = load_product_space(session, year=YEAR, source=SOURCE).positions
    return ExportProfilesReport(
        tuple(chosen), len(positions), time.perf_counter() - start, **counts
    )


def _fingerprint(folder: Path) -> dict[str, str]:
    """SHA-256 of the trade and ECI files and grappe's version: what the stored data came from."""
    out = {"grappe": grappe.__version__, "opportunities": str(STORED_OPPORTUNITIES)}
    for name, path in (("trade", folder / TRADE_FILE), ("eci", folder / ECI_FILE)):
        if path.is_file():
            out[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _space_inputs(session: Session) -> dict[str, str]:
    """The fingerprint the stored product space was computed from (empty when none is kept)."""
    from grappe.registry.export_profiles import load_product_space

    return dict(load_product_space(session, year=YEAR, source=SOURCE).method.get("inputs", {}))


def matrix_countries(data_dir: Path | None = None) -> tuple[str, ...]:
    """The ISO3 codes of the matrix's countries exporting at least 1 billion USD (those a
    profile can be computed for: :data:`MIN_COUNTRY_EXPORTS`), sorted; empty when the matrix
    is not in the shared data folder. Kept in memory while the file is unchanged.
    """
    path = (shared_data_dir() if data_dir is None else Path(data_dir)) / TRADE_FILE
    if not path.is_file():
        return ()
    stat = path.stat()
    return _matrix_countries(str(path), (stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=4)
def _matrix_countries(path: str, version: tuple[int, int]) -> tuple[str, ...]:  # noqa: ARG001
    """The rows of :func:`matrix_countries`; ``version`` (the file's time and size) only keys
    the cache, so that a replaced file is read again."""
    from grappe.io.trade import read_trade_matrix

    trade = read_trade_matrix(path)
    return tuple(sorted(str(c) for c in trade.index[trade.sum(axis=1) >= MIN_COUNTRY_EXPORTS]))


def _unchanged(
    session: Session, inputs: Mapping[str, str], countries: Sequence[str] | str
) -> tuple[tuple[str, ...], int] | None:
    """(countries, products of the space) when every asked profile and the space are stored
    from the same ``inputs``; None when something must be computed."""
    from grappe.registry.export_profiles import (
        has_product_space,
        list_export_profiles,
        load_product_space,
    )

    if isinstance(countries, str) or not has_product_space(session, year=YEAR, source=SOURCE):
        return None
    space = load_product_space(session, year=YEAR, source=SOURCE)
    if dict(space.method.get("inputs", {})) != dict(inputs):
        return None
    stored = {s.country for s in list_export_profiles(session, published_only=False)
              if (s.year, s.source) == (YEAR, SOURCE)}  # fmt: skip
    asked = tuple(c.upper() for c in countries)
    return (asked, len(space.positions)) if set(asked) <= stored else None
