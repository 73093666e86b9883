"""Cluster definitions derived from data, after Delgado, Porter & Stern (2016).

For a country without benchmark definitions, industries are grouped by how related they are:

1. **Similarity matrices** (industry × industry): co-location of employment and of
   establishments across regions (:func:`grappe.complexity.colocation`, the correlation of
   location quotients) and, when an input–output table is given, input–output links
   (:func:`grappe.complexity.io_relatedness`).
2. **A grid of configurations**: the matrices are combined with several weights of the
   input–output links (:func:`grappe.complexity.combined_relatedness`, percentile ranks) and
   clustered into ``n_clusters`` groups by several algorithms of scikit-learn (Ward's
   hierarchical clustering and k-means of each industry's relatedness profile, spectral
   clustering).
3. **Validation scores** choose among them, as in the paper: how much more related industries
   are to their own cluster than to other clusters, scored on every base matrix and averaged,
   so that no single measure decides.

No file is read here: :mod:`grappe.io` reads the regional table and the BEA tables.

References
----------
.. [1] Delgado, M., Porter, M. E. & Stern, S. (2016), "Defining clusters of related
   industries", Journal of Economic Geography 16(1): 1–38.
.. [2] Vinh, N. X., Epps, J. & Bailey, J. (2010), "Information theoretic measures for
   clusterings comparison", Journal of Machine Learning Research 11: 2837–2854 (AMI).
.. [3] Hubert, L. & Arabie, P. (1985), "Comparing partitions", Journal of Classification 2:
   193–218 (ARI).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_number, check_option
from grappe.codes import code_level
from grappe.definitions._core import definitions_from_frame, expand_definitions, require_type
from grappe.definitions.validation import import_sklearn, partition_agreement, scores_of_ranks
from grappe.errors import DataValidationError, InvalidParameterError
from grappe.errors import ValidationIssue as Issue
from grappe.i18n import Message
from grappe.model import ClusterDefinitions, RegionalTable

__all__ = [
    "ALGORITHMS",
    "COLOCATION_MEASURES",
    "DEFAULT_IO_WEIGHTS",
    "DerivedDefinitions",
    "derive_definitions",
]

_FUNC = "derive_definitions"

#: Clustering algorithms of the grid (all from scikit-learn).
ALGORITHMS: tuple[str, ...] = ("ward", "kmeans", "spectral")

#: Co-location measures: correlation across regions of the LQs of each count.
COLOCATION_MEASURES: tuple[str, ...] = ("employment", "establishments")

#: Weights of the input–output links in the combined similarity (the co-location measures
#: share the rest equally). Measured on the US (docs/definitions.md): co-location alone
#: recovers little of the benchmark, input–output links most of it.
DEFAULT_IO_WEIGHTS: tuple[float, ...] = (0.0, 0.5, 0.7, 0.85, 1.0)

#: Fewest regions for a correlation across regions to mean anything.
_MIN_REGIONS = 3

#: Progress callback: (what is being done, steps done, steps in all).
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DerivedDefinitions:
    """Cluster definitions derived from data, with the grid that chose them.

    Attributes
    ----------
    definitions : ClusterDefinitions
        The chosen partition: one row per industry, clusters ``D01``… ordered by employment
        (largest first), named after their largest industry, typed ``traded``, with a
        ``description`` column (the industry's name, when ``industry_names`` has it); usable by
        :func:`grappe.mapping.map_clusters`.
    configuration : Mapping
        The chosen configuration: ``algorithm``, ``io_weight``, ``n_clusters``, ``measures``
        (the base similarity matrices), ``year``, ``seed``.
    scores : pandas.DataFrame
        One row per configuration of the grid: ``algorithm``, ``io_weight``, ``vs_cluster``,
        ``vs_gap``, ``vs`` (see :func:`validation_scores`), ``chosen``; with a benchmark,
        also ``ami`` and ``ari`` of every configuration.
    ami, ari : float or None
        Adjusted mutual information and adjusted Rand index of the chosen partition against
        the benchmark, on the codes both cover (``None`` without a benchmark).
    n_regions, n_industries : int
        Regions and industries (with some employment) the similarities were computed from.
    n_compared : int
        Industries compared with the benchmark (0 without one).
    """

    definitions: ClusterDefinitions
    configuration: Mapping[str, Any]
    scores: pd.DataFrame
    ami: float | None = None
    ari: float | None = None
    n_regions: int = 0
    n_industries: int = 0
    n_compared: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "configuration", MappingProxyType(dict(self.configuration)))


def derive_definitions(
    table: RegionalTable,
    *,
    n_clusters: int,
    io: pd.DataFrame | None = None,
    year: int | None = None,
    codes: Iterable[str] | None = None,
    colocation_measures: Iterable[str] = COLOCATION_MEASURES,
    io_weights: Iterable[float] = DEFAULT_IO_WEIGHTS,
    algorithms: Iterable[str] = ALGORITHMS,
    benchmark: ClusterDefinitions | None = None,
    industry_names: Mapping[str, str] | None = None,
    name: str = "derived",
    seed: int | None = None,
    progress: Progress | None = None,
) -> DerivedDefinitions:
    """Derive cluster definitions from co-location (and input–output links) of industries.

    Parameters
    ----------
    table : RegionalTable
        Employment (and establishments) by region × industry, at one code level (read it with
        ``levels=(6,)`` for 6-digit NAICS). Industries without employment in ``year`` are left
        out.
    n_clusters : int
        Number of clusters, at least 2 and fewer than the industries.
    io : DataFrame, optional
        Square industry × industry intermediate flows, seller in rows, labelled by the codes of
        ``table`` (e.g. :func:`grappe.io.complexity.read_bea_naics_flows` with ``digits=6``).
        Industries it lacks have no input–output link. Without it, only co-location is used.
    year : int, optional
        Year of ``table`` used (default the latest).
    codes : iterable of str, optional
        Derive on these industry codes only (e.g. a benchmark's traded codes); default all.
    colocation_measures : iterable of {"employment", "establishments"}
        Counts whose co-location is a similarity matrix; ``"establishments"`` is skipped when
        the table has no establishment counts.
    io_weights : iterable of float in [0, 1]
        Weights of the input–output links in the combined similarity (the grid); ignored
        without ``io`` (co-location only).
    algorithms : iterable of {"ward", "kmeans", "spectral"}
        Clustering algorithms of the grid: Ward's hierarchical clustering and k-means of each
        industry's profile (its row of the combined similarity), spectral clustering with the
        similarity as affinity.
    benchmark : ClusterDefinitions, optional
        Definitions to compare with (AMI, ARI), in the classification of ``table``.
    industry_names : mapping of str to str, optional
        Industry code → name: each cluster is named after its largest industry, and the codes'
        names go to a ``description`` column (default: the codes).
    name : str, default "derived"
        Name of the definitions.
    seed : int, optional
        Seed of k-means and spectral clustering; the same seed gives the same definitions.
    progress : callable, optional
        Called as ``progress(step, done, total)`` as the grid runs.

    Returns
    -------
    DerivedDefinitions

    Raises
    ------
    InvalidParameterError
        Bad options: ``n_clusters`` out of range, unknown algorithm or measure, a weight out
        of [0, 1], a ``year`` not in the table, a benchmark or an ``io`` table in another
        classification (sharing too few codes with the table), a benchmark that is not a
        :class:`ClusterDefinitions`.
    DataValidationError
        Too few regions or industries, codes of several levels mixed.

    Notes
    -----
    Delgado, Porter & Stern define clusters of *traded* industries (local ones are grouped by
    their industry categories); pass a benchmark's traded codes as ``codes`` to do the same.
    The clusters are typed ``traded``.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> base = rng.lognormal(size=(30, 1))
    >>> block = np.where(np.arange(30)[:, None] < 15, 1.0, 0.05)
    >>> emp = np.hstack([base * block * 100, base * (1.05 - block) * 100]) @ np.kron(
    ...     np.eye(2), np.ones((1, 3)))
    >>> rows = [(f"r{r}", f"{i}", 2020, emp[r, i] + rng.uniform(), 1.0, 0.0, False)
    ...         for r in range(30) for i in range(6)]
    >>> frame = pd.DataFrame(rows, columns=["region", "industry", "year", "employment",
    ...                                      "establishments", "payroll", "withheld"])
    >>> derived = derive_definitions(RegionalTable(frame), n_clusters=2, seed=0)
    >>> sorted(sorted(g) for g in derived.definitions.data.groupby("cluster")["code"].apply(list))
    [['0', '1', '2'], ['3', '4', '5']]

    References
    ----------
    .. [1] Delgado, M., Porter, M. E. & Stern, S. (2016), "Defining clusters of related
       industries", Journal of Economic Geography 16(1): 1–38.
    """
    sk = import_sklearn()
    if not isinstance(table, RegionalTable):
        raise InvalidParameterError(
            f"The 'table' parameter of {_FUNC} must be a RegionalTable. "
            f"Got {type(table).__name__} instead."
        )
    check_number(n_clusters, "n_clusters", func=_FUNC, low=2, integer=True)
    for name, value in (
        ("colocation_measures", colocation_measures),
        ("algorithms", algorithms),
        ("io_weights", io_weights),
        ("codes", codes),
    ):
        _check_collection(value, name)
    measures = _options(colocation_measures, "colocation_measures", COLOCATION_MEASURES)
    algos = _options(algorithms, "algorithms", ALGORITHMS)
    weights = tuple(
        float(check_number(w, "io_weights", func=_FUNC, low=0.0, high=1.0)) for w in io_weights
    )
    if io is not None and not weights:
        raise InvalidParameterError(
            f"The 'io_weights' parameter of {_FUNC} must hold at least one weight. Got none."
        )
    if benchmark is not None:
        require_type(benchmark, ClusterDefinitions, "benchmark", func=_FUNC)
    if benchmark is not None and benchmark.classification != table.classification:
        raise InvalidParameterError(
            f"The 'benchmark' parameter of {_FUNC} must be in the table's classification "
            f"({table.classification!r}). Got definitions in {benchmark.classification!r} instead."
        )
    counts, year = _counts(table, year=year, codes=codes, measures=measures)
    industries = counts["employment"].columns
    n_regions, n_industries = counts["employment"].shape
    if n_clusters >= n_industries:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be below the number of industries "
                "with employment ({count}). Got {value} instead.",
                name="n_clusters",
                func=_FUNC,
                count=n_industries,
                value=n_clusters,
            )
        )

    # imported here: grappe.complexity pulls in SciPy and networkx, which reading definitions
    # (grappe.io, grappe map) never needs
    from grappe.complexity.io_relatedness import colocation, combined_relatedness, io_relatedness

    base = {f"colocation_{m}": colocation(counts[m]) for m in counts}
    if io is not None:
        base["io"] = io_relatedness(_io_on(io, industries, table.classification))
        grid = [(a, w) for w in weights for a in algos]
    else:
        grid = [(a, 0.0) for a in algos]
    colocations = [k for k in base if k != "io"]
    kinds = {k: "io" if k == "io" else "colocation" for k in base}
    # each matrix is ranked once: the grid mixes and scores the same percentile ranks
    ranks = {k: combined_relatedness({k: m}).to_numpy() for k, m in base.items()}
    total = len(grid) + 1
    rng = np.random.default_rng(seed)
    rows, partitions = [], []
    for step, (algorithm, weight) in enumerate(grid):
        if progress is not None:
            progress(f"{algorithm}, input-output weight {weight:g}", step, total)
        mix = {k: (1.0 - weight) / len(colocations) for k in colocations}
        if "io" in base:
            mix["io"] = weight
        # the weighted mean of the ranks, as combined_relatedness computes it
        similarity = sum(w * ranks[k] for k, w in mix.items())
        labels = _cluster(sk, algorithm, similarity, n_clusters, int(rng.integers(2**31 - 1)))
        partitions.append(labels)
        vs = scores_of_ranks(ranks, labels, kinds=kinds)
        rows.append({"algorithm": algorithm, "io_weight": weight, **vs})
    if progress is not None:
        progress("validation scores", len(grid), total)
    scores = pd.DataFrame(rows)
    best = int(scores["vs"].to_numpy().argmax())  # first of equal scores: the grid's order
    scores["chosen"] = np.arange(len(scores)) == best
    definitions = _definitions(
        partitions[best],
        industries,
        counts["employment"].sum(axis=0),
        table,
        name=name,
        measures=tuple(base),
        industry_names=industry_names,
    )
    ami = ari = None
    n_compared = 0
    if benchmark is not None:
        # prefix rules (NACE "10" for division 10) are compared through the codes they cover
        covered = expand_definitions(benchmark, industries.astype(str)).data
        reference = dict(zip(covered["code"], covered["cluster"], strict=True))
        if len(reference) < 2:
            raise InvalidParameterError(
                f"The 'benchmark' parameter of {_FUNC} must cover at least 2 of the industries "
                f"derived ({len(industries)}, e.g. {list(industries[:3])}). Got "
                f"{len(reference)} covered instead."
            )
        agreement = [
            partition_agreement(dict(zip(industries, p, strict=True)), reference)
            for p in partitions
        ]
        scores["ami"] = [a[0] for a in agreement]
        scores["ari"] = [a[1] for a in agreement]
        ami, ari, n_compared = agreement[best]
    if progress is not None:
        progress("done", total, total)
    algorithm, weight = grid[best]
    configuration = {
        "algorithm": algorithm,
        "io_weight": weight,
        "n_clusters": n_clusters,
        "measures": tuple(base),
        "year": year,
        "seed": seed,
    }
    return DerivedDefinitions(
        definitions=definitions,
        configuration=configuration,
        scores=scores,
        ami=ami,
        ari=ari,
        n_regions=n_regions,
        n_industries=n_industries,
        n_compared=n_compared,
    )


def _check_collection(value: Any, name: str) -> None:
    """A list of values, not one value (a string would be read letter by letter)."""
    if value is not None and (isinstance(value, str | bytes) or not isinstance(value, Iterable)):
        raise InvalidParameterError(
            f"The {name!r} parameter of {_FUNC} must be a list of values. Got {value!r} instead."
        )


def _options(values: Iterable[str], name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(check_option(v, name, allowed, func=_FUNC) for v in values))
    if not chosen:
        raise InvalidParameterError(
            f"The {name!r} parameter of {_FUNC} must name at least one of {list(allowed)}. "
            "Got none instead."
        )
    return chosen


def _counts(
    table: RegionalTable, *, year: int | None, codes: Iterable[str] | None, measures: tuple
) -> tuple[dict[str, pd.DataFrame], int]:
    """Region × industry matrices of each measure the table has, for one year."""
    data = table.data
    years = table.years
    if not years:
        raise DataValidationError(
            Issue(
                Message("the table has no rows."),
                file=table.source,
                fix=Message("give a table with data."),
            )
        )
    if year is None:
        year = years[-1]
    elif year not in years:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a year of the table ({years}). "
                "Got {value!r} instead.",
                name="year",
                func=_FUNC,
                years=list(years),
                value=year,
            )
        )
    data = data.loc[data["year"] == year]
    industry = data["industry"].astype(str)
    if codes is not None:
        wanted = set(map(str, codes))
        data, industry = data.loc[industry.isin(wanted)], industry[industry.isin(wanted)]
    levels = {code_level(c, table.classification) for c in industry.unique()}
    if len(levels) > 1:
        shown = sorted(lv for lv in levels if lv is not None)
        raise DataValidationError(
            Issue(
                Message(
                    "industry codes of several levels are mixed ({levels}); related industries "
                    "are found among codes of one level.",
                    levels=shown,
                ),
                file=table.source,
                column="industry",
                fix=Message(
                    "read the table at one level, e.g. levels=({level},) (--level {level} in the "
                    "CLI).",
                    level=shown[-1],
                ),
            )
        )
    region = data["region"].astype(str)
    out = {}
    for measure in measures:
        values = data[measure].astype(float)
        if measure != "employment" and not (values.fillna(0) > 0).any():
            continue  # a table without establishment counts: co-location of jobs only
        out[measure] = pd.crosstab(region, industry, values=values, aggfunc="sum").fillna(0.0)
    if "employment" not in out:
        out["employment"] = pd.crosstab(
            region, industry, values=data["employment"].astype(float), aggfunc="sum"
        ).fillna(0.0)
    active = out["employment"].columns[out["employment"].sum(axis=0) > 0]
    out = {k: v.reindex(columns=active, fill_value=0.0) for k, v in out.items()}
    n_regions = out["employment"].shape[0]
    if n_regions < _MIN_REGIONS:
        raise DataValidationError(
            Issue(
                Message(
                    "the table has {count} region(s) in {year}; co-location needs at least "
                    "{minimum} (correlations across regions).",
                    count=n_regions,
                    year=year,
                    minimum=_MIN_REGIONS,
                ),
                file=table.source,
                column="region",
                fix=Message(
                    "give a table of more regions (e.g. counties or provinces, not a country)."
                ),
            )
        )
    if len(active) < 3:
        raise DataValidationError(
            Issue(
                (
                    Message(
                        "the table has {count} industries with employment in {year}; at least 3 "
                        "are needed to group industries.",
                        count=len(active),
                        year=year,
                    )
                    if codes is None
                    else Message(
                        "the table has {count} industries with employment in {year} among the "
                        "codes asked for; at least 3 are needed to group industries.",
                        count=len(active),
                        year=year,
                    )
                )
                if len(active) != 1
                else (
                    Message(
                        "the table has {count} industry with employment in {year}; at least 3 "
                        "are needed to group industries.",
                        count=len(active),
                        year=year,
                    )
                    if codes is None
                    else Message(
                        "the table has {count} industry with employment in {year} among the "
                        "codes asked for; at least 3 are needed to group industries.",
                        count=len(active),
                        year=year,
                    )
                ),
                file=table.source,
                column="industry",
                fix=Message(
                    "read the table at a finer level (e.g. --level 6) or with more industries."
                ),
            )
        )
    return out, int(year)


def _io_on(io: pd.DataFrame, industries: pd.Index, classification: str) -> pd.DataFrame:
    """Flows between the table's industries (0 for industries the IO table lacks)."""
    if not isinstance(io, pd.DataFrame) or not io.index.equals(io.columns):
        raise InvalidParameterError(
            f"The 'io' parameter of {_FUNC} must be a square DataFrame with the same labels on "
            "both axes. Got another object instead."
        )
    labels = io.index.astype(str)
    shared = industries.isin(labels)
    if shared.sum() < max(2, len(industries) // 2):
        raise InvalidParameterError(
            f"The 'io' parameter of {_FUNC} must be labelled by the table's industry codes "
            f"({classification}, e.g. {list(industries[:3])}); it shares {int(shared.sum())} of "
            f"{len(industries)} (its labels: {list(labels[:3])}…). Give flows at the table's "
            "classification and level (e.g. read_bea_naics_flows(folder, digits=6))."
        )
    flows = io.copy()
    flows.index = flows.columns = labels
    return flows.reindex(index=industries, columns=industries, fill_value=0.0).fillna(0.0)


def _cluster(sk: Any, algorithm: str, similarity: np.ndarray, k: int, seed: int) -> np.ndarray:
    # An industry is most related to itself: with a diagonal of 1, two industries linked only
    # to each other get the same profile (rows i and j both have 1 at i and j).
    similarity = similarity.copy()
    np.fill_diagonal(similarity, 1.0)
    if algorithm == "kmeans":
        # each industry is described by its relatedness to every industry (its profile)
        model = sk.cluster.KMeans(n_clusters=k, n_init=4, random_state=seed)
        return model.fit_predict(similarity)
    if algorithm == "ward":
        # hierarchical: Ward's minimum-variance merges of the same profiles. The profiles form
        # a symmetric matrix, which scipy mistakes for a distance matrix and warns about.
        model = sk.cluster.AgglomerativeClustering(n_clusters=k, linkage="ward")
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*uncondensed distance matrix")
            return model.fit_predict(similarity)
    model = sk.cluster.SpectralClustering(
        n_clusters=k, affinity="precomputed", random_state=seed, assign_labels="cluster_qr"
    )
    return model.fit_predict(similarity)


def _definitions(
    labels: np.ndarray,
    industries: pd.Index,
    employment: pd.Series,
    table: RegionalTable,
    *,
    name: str,
    measures: tuple[str, ...],
    industry_names: Mapping[str, str] | None,
) -> ClusterDefinitions:
    """Clusters numbered by employment (D01 the largest), named after their largest industry."""
    names = dict(industry_names or {})
    frame = pd.DataFrame(
        {"code": industries.astype(str), "label": labels, "jobs": employment.to_numpy()}
    )
    order = frame.groupby("label")["jobs"].sum().sort_values(ascending=False, kind="stable")
    width = max(2, len(str(len(order))))
    ids = {label: f"D{i + 1:0{width}d}" for i, label in enumerate(order.index)}
    largest = frame.sort_values("jobs", ascending=False, kind="stable").drop_duplicates("label")
    lead = dict(zip(largest["label"], largest["code"], strict=True))
    frame["cluster"] = frame["label"].map(ids)
    frame["cluster_name"] = [
        f"{ids[lb]} {names[lead[lb]]}" if lead[lb] in names else f"{ids[lb]} (largest {lead[lb]})"
        for lb in frame["label"]
    ]
    frame["cluster_type"] = "traded"
    frame["description"] = [names.get(c, pd.NA) for c in frame["code"]]
    frame = frame.sort_values(["cluster", "jobs"], ascending=[True, False], kind="stable")
    return definitions_from_frame(
        frame[["code", "cluster", "cluster_name", "cluster_type", "description"]],
        name=name,
        classification=table.classification,
        source=None,
        provenance=(
            f"Derived by grappe.definitions.derive_definitions from {', '.join(measures)} of "
            f"{table.source or 'a regional table'} (after Delgado, Porter & Stern 2016)."
        ),
    )
