"""A country's exports by cluster, through an HS → industry concordance (no I/O).

Trade statistics count products (Harmonized System headings, HS4); cluster definitions group
industries (NAICS, ISIC, NACE codes). A :class:`Concordance` says which industries make each HS4
heading, with weights that sum to 1 for each heading; the cluster definitions say which cluster
each industry belongs to. Chained, they place every dollar of a heading's exports in clusters:
:func:`product_cluster_weights` gives the share of each heading that goes to each cluster,
:func:`exports_by_cluster` a country's exports by cluster (share, RCA against the world, the
headings behind it, and what could not be placed), :func:`products_of_clusters` the headings of
each cluster. ``docs/exports.md`` ("Exports by cluster") describes the method and its sources.

References
----------
.. [1] U.S. Census Bureau, Foreign Trade Division, "Schedule B export concordance"
   (``exp-code.txt``): each Schedule B (HS10) code with its NAICS code.
.. [2] Pierce, J. R. & Schott, P. K. (2012), "A concordance between ten-digit U.S. Harmonized
   System codes and SIC/NAICS product classes and industries", Journal of Economic and Social
   Measurement 37(1–2): 61–96.
.. [3] Delgado, M., Porter, M. E. & Stern, S. (2016), "Defining clusters of related industries",
   Journal of Economic Geography 16(1): 1–38.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from grappe.codes import classification_family, code_level, is_ancestor
from grappe.complexity._exports_types import (
    HS4_PATTERN,
    WEIGHT_TOLERANCE,
    ClusterExportRow,
    ClusterExports,
    Concordance,
)
from grappe.definitions import expand_definitions
from grappe.errors import (
    InvalidParameterError,
    NotFoundError,
)
from grappe.i18n import Message
from grappe.model import ClusterDefinitions

__all__ = [
    "ClusterExportRow",
    "ClusterExports",
    "Concordance",
    "exports_by_cluster",
    "product_cluster_weights",
    "products_of_clusters",
    "trade_by_cluster",
]


def _check_inputs(concordance: Any, definitions: Any, func: str) -> None:
    if not isinstance(concordance, Concordance):
        raise InvalidParameterError(
            f"The 'concordance' parameter of {func} must be a Concordance "
            f"(grappe.io.concordance.load_concordance). Got {type(concordance).__name__} instead."
        )
    if not isinstance(definitions, ClusterDefinitions):
        raise InvalidParameterError(
            f"The 'definitions' parameter of {func} must be a ClusterDefinitions "
            f"(grappe.io.load_definitions). Got {type(definitions).__name__} instead."
        )
    family, other = (
        classification_family(concordance.classification),
        classification_family(definitions.classification),
    )
    if family != other:
        raise InvalidParameterError(
            Message(
                "The concordance {target} gives {classification} codes but the definitions "
                "{name!r} use {other} codes: choose definitions in the concordance's "
                "classification, or another concordance.",
                target=concordance.target,
                classification=concordance.classification,
                name=definitions.name,
                other=definitions.classification,
            )
        )


def _industry_clusters(
    industries: Iterable[str], definitions: ClusterDefinitions
) -> dict[str, tuple[tuple[str, float], ...]]:
    """Cluster shares of each industry code.

    An industry covered by a definitions rule (the code itself or a prefix of it) goes wholly to
    the rule's cluster, as the mapping assigns codes (``expand_definitions``).
    A coarser industry (``"31131"`` when the definitions list ``"311313"`` and ``"311314"``) is
    split among the clusters of the definition codes below it, in proportion to their number: a
    concordance that groups industries does not say which of them makes the product.
    """
    industries = list(dict.fromkeys(industries))
    classification = definitions.classification
    expanded = expand_definitions(definitions, industries).data
    covered = dict(zip(expanded["code"].astype(str), expanded["cluster"].astype(str), strict=True))
    codes = definitions.data["code"].astype(str).tolist()
    clusters = definitions.data["cluster"].astype(str).tolist()
    out: dict[str, tuple[tuple[str, float], ...]] = {}
    for industry in industries:
        if industry in covered:
            out[industry] = ((covered[industry], 1.0),)
            continue
        if code_level(industry, classification) is None:
            continue
        below = [
            cluster
            for code, cluster in zip(codes, clusters, strict=True)
            if is_ancestor(industry, code, classification)
        ]
        if below:
            counts = pd.Series(below).value_counts(sort=False)
            out[industry] = tuple((str(c), n / len(below)) for c, n in counts.items())
    return out


def product_cluster_weights(
    concordance: Concordance, definitions: ClusterDefinitions
) -> pd.DataFrame:
    """Share of each HS4 heading that goes to each cluster.

    Parameters
    ----------
    concordance : Concordance
        HS4 → industries with weights.
    definitions : ClusterDefinitions
        Industries → clusters, in the concordance's classification family.

    Returns
    -------
    pandas.DataFrame
        Columns ``hs4``, ``cluster``, ``weight`` (the weights of a heading sum to 1 when all its
        industries are in clusters, less otherwise), sorted by heading then weight (largest
        first).

    Raises
    ------
    InvalidParameterError
        If the arguments are not a Concordance and a ClusterDefinitions, or their
        classifications differ (NAICS codes against NACE definitions).

    References
    ----------
    .. [1] Delgado, Porter & Stern (2016), see the module.

    Examples
    --------
    >>> from grappe.model import ClusterDefinitions
    >>> c = Concordance("HS", "NAICS", (("1701", "31131", 1.0),), classification="naics2017")
    >>> d = ClusterDefinitions(pd.DataFrame({"code": ["311313", "311314", "311351"],
    ...     "cluster": ["food", "food", "food"], "cluster_name": "Food", "subcluster": None,
    ...     "cluster_type": "traded"}), classification="naics2017")
    >>> product_cluster_weights(c, d).values.tolist()
    [['1701', 'food', 1.0]]
    """
    _check_inputs(concordance, definitions, "product_cluster_weights")
    split = _industry_clusters(concordance.industries, definitions)
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for hs4, industry, weight in concordance.pairs:
        for cluster, share in split.get(industry, ()):
            totals[hs4, cluster] += weight * share
    frame = pd.DataFrame(
        [(h, c, w) for (h, c), w in totals.items()], columns=["hs4", "cluster", "weight"]
    )
    return frame.sort_values(
        ["hs4", "weight", "cluster"], ascending=[True, False, True]
    ).reset_index(drop=True)


def products_of_clusters(
    concordance: Concordance, definitions: ClusterDefinitions
) -> Mapping[str, tuple[str, ...]]:
    """The HS4 headings of each cluster.

    Parameters
    ----------
    concordance : Concordance
    definitions : ClusterDefinitions

    Returns
    -------
    Mapping[str, tuple of str]
        Cluster code → the headings any part of which goes to the cluster, the heading with the
        largest share in the cluster first (then by code). Clusters no heading reaches (services)
        are absent.

    Raises
    ------
    InvalidParameterError
        As :func:`product_cluster_weights`.

    References
    ----------
    .. [1] Delgado, Porter & Stern (2016), see the module.

    Examples
    --------
    >>> from grappe.model import ClusterDefinitions
    >>> c = Concordance("HS", "NAICS", (("0804", "111339", 1.0), ("1701", "311314", 0.5),
    ...     ("1701", "325199", 0.5)), classification="naics2017")
    >>> d = ClusterDefinitions(pd.DataFrame({"code": ["111", "311314", "325199"],
    ...     "cluster": ["agri", "agri", "chem"], "cluster_name": ["A", "A", "C"],
    ...     "subcluster": None, "cluster_type": "traded"}), classification="naics2017")
    >>> dict(products_of_clusters(c, d))
    {'agri': ('0804', '1701'), 'chem': ('1701',)}
    """
    weights = product_cluster_weights(concordance, definitions)
    ordered = weights.sort_values(["cluster", "weight", "hs4"], ascending=[True, False, True])
    return {str(c): tuple(g["hs4"]) for c, g in ordered.groupby("cluster", sort=True)}


def _check_exports(values: Any, name: str, func: str) -> dict[str, float]:
    if isinstance(values, pd.Series):
        values = values.to_dict()
    if not isinstance(values, Mapping):
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be a mapping of HS4 codes to export values. "
            f"Got {type(values).__name__} instead."
        )
    out: dict[str, float] = {}
    for code, value in values.items():
        if not (isinstance(code, str) and HS4_PATTERN.match(code)):
            raise InvalidParameterError(
                Message(
                    "The {name!r} parameter of {func} must have 4-digit HS codes as keys "
                    "('0804'). Got {code!r} instead: convert the trade file's product names "
                    "with grappe.io.hs.match_product_columns.",
                    name=name,
                    func=func,
                    code=code,
                )
            )
        number = (
            float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        )
        if number is None or not math.isfinite(number) or number < 0:
            raise InvalidParameterError(
                Message(
                    "The {name!r} parameter of {func} must hold finite non-negative export "
                    "values. Got {value!r} for {code}.",
                    name=name,
                    func=func,
                    value=value,
                    code=code,
                )
            )
        out[code] = out.get(code, 0.0) + number
    return out


def exports_by_cluster(
    exports: Mapping[str, float],
    concordance: Concordance,
    definitions: ClusterDefinitions,
    *,
    world: Mapping[str, float] | None = None,
    country: str,
) -> ClusterExports:
    """A country's exports by cluster, each cluster's share and RCA, and what is left unplaced.

    The exports of each HS4 heading are split among industries by the concordance's weights,
    then among clusters by :func:`product_cluster_weights`; a cluster's exports are the sum of
    the parts it receives.

    Parameters
    ----------
    exports : Mapping[str, float]
        The country's exports by HS4 heading (``"0804"`` → value, e.g. US dollars); a pandas
        Series indexed by heading works too.
    concordance : Concordance
        HS4 → industries (:func:`grappe.io.concordance.load_concordance`).
    definitions : ClusterDefinitions
        Industries → clusters (:func:`grappe.io.load_definitions`), in the concordance's
        classification family.
    world : Mapping[str, float], optional
        World exports by heading (the sum over every country), for the RCA of each cluster:
        ``(X_c,k / X_c) / (X_w,k / X_w)``, the totals being the exports of every heading given.
    country : str
        The country's label (e.g. ``"DZA"``), kept in the result.

    Returns
    -------
    ClusterExports
        Rows of the clusters with exports, biggest first; ``placed_share`` and ``unplaced``.

    Raises
    ------
    InvalidParameterError
        Exports that are not a mapping of 4-digit codes to finite non-negative numbers, a
        country with no exports, or the errors of :func:`product_cluster_weights`.

    References
    ----------
    .. [1] Balassa, B. (1965), "Trade liberalisation and 'revealed' comparative advantage",
       The Manchester School 33(2): 99–123.
    .. [2] Delgado, Porter & Stern (2016), see the module.

    Examples
    --------
    >>> from grappe.model import ClusterDefinitions
    >>> c = Concordance("HS", "NAICS", (("0804", "111339", 1.0), ("1701", "311314", 1.0),
    ...     ("2711", "211130", 1.0)), classification="naics2017")
    >>> d = ClusterDefinitions(pd.DataFrame({"code": ["111339", "311314"],
    ...     "cluster": ["agri", "agri"], "cluster_name": "Agri-food", "subcluster": None,
    ...     "cluster_type": "traded"}), classification="naics2017")
    >>> out = exports_by_cluster({"0804": 30.0, "1701": 10.0, "2711": 60.0}, c, d, country="DZA")
    >>> out.rows[0].exports, out.rows[0].share, out.rows[0].products, out.placed_share
    (40.0, 0.4, ('0804', '1701'), 0.4)
    >>> out.unplaced
    ('2711',)
    """
    func = "exports_by_cluster"
    values = _check_exports(exports, "exports", func)
    world_values = None if world is None else _check_exports(world, "world", func)
    if not isinstance(country, str) or not country:
        raise InvalidParameterError(
            f"The 'country' parameter of {func} must be a non-empty string. "
            f"Got {country!r} instead."
        )
    return _cluster_exports(values, world_values, concordance, definitions, country=country)


def _cluster_exports(
    values: Mapping[str, float],
    world_values: Mapping[str, float] | None,
    concordance: Concordance,
    definitions: ClusterDefinitions,
    *,
    country: str,
    unmatched: Mapping[str, float] | None = None,
    world_unmatched: float = 0.0,
) -> ClusterExports:
    """The computation of :func:`exports_by_cluster`; ``unmatched`` are products without an
    HS4 code (trade-file columns), counted in the totals and listed as unplaced."""
    unmatched = dict(unmatched or {})
    weights = product_cluster_weights(concordance, definitions)
    total = math.fsum([*values.values(), *unmatched.values()])
    if total <= 0:
        raise InvalidParameterError(
            Message("Country {country!r} has no exports to place in clusters.", country=country)
        )
    names = dict(
        zip(
            definitions.data["cluster"].astype(str),
            definitions.data["cluster_name"].astype(str),
            strict=True,
        )
    )
    by_cluster = _place(values, weights)
    world_by_cluster = _place(world_values, weights) if world_values is not None else None
    world_total = (
        math.fsum(world_values.values()) + world_unmatched if world_values is not None else 0.0
    )
    placed_of: dict[str, float] = defaultdict(float)
    rows = []
    for cluster, parts in by_cluster.items():
        amount = math.fsum(parts.values())
        if amount <= 0:
            continue
        for hs4, part in parts.items():
            placed_of[hs4] += part
        rca = None
        if world_by_cluster is not None and world_total > 0:
            world_amount = math.fsum(world_by_cluster.get(cluster, {}).values())
            if world_amount > 0:
                rca = (amount / total) / (world_amount / world_total)
        ranked = sorted(parts.items(), key=lambda kv: (-kv[1], kv[0]))
        rows.append(
            ClusterExportRow(
                cluster=cluster,
                name=names.get(cluster, cluster),
                exports=amount,
                share=amount / total,
                rca=rca,
                products=tuple(h for h, v in ranked if v > 0),
            )
        )
    rows.sort(key=lambda r: (-r.exports, r.cluster))
    unplaced = {
        hs4: value - placed_of.get(hs4, 0.0)
        for hs4, value in values.items()
        if value - placed_of.get(hs4, 0.0) > value * WEIGHT_TOLERANCE
    }
    unplaced |= {k: v for k, v in unmatched.items() if v > 0}
    placed = math.fsum(r.exports for r in rows)
    return ClusterExports(
        country=country,
        definitions=definitions.name,
        rows=tuple(rows),
        placed_share=min(placed / total, 1.0),
        unplaced=tuple(sorted(unplaced, key=lambda h: (-unplaced[h], h))),
        total=total,
        unplaced_exports=unplaced,
        concordance=f"{concordance.source} → {concordance.target}",
    )


def _place(values: Mapping[str, float], weights: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Cluster → heading → value placed."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for hs4, cluster, weight in weights.itertuples(index=False):
        value = values.get(hs4, 0.0)
        if value > 0:
            out[cluster][hs4] = out[cluster].get(hs4, 0.0) + value * weight
    return out


def trade_by_cluster(
    trade: pd.DataFrame,
    country: str,
    concordance: Concordance,
    definitions: ClusterDefinitions,
    *,
    codes: Mapping[str, str] | None = None,
) -> ClusterExports:
    """Exports by cluster of one country of a country × product trade matrix, RCA against all.

    Parameters
    ----------
    trade : pandas.DataFrame
        Exports, countries as index (ISO3), products as columns.
    country : str
        The row of ``trade`` to place.
    concordance, definitions
        As :func:`exports_by_cluster`.
    codes : Mapping[str, str], optional
        Column name → HS4 code (``grappe.io.hs.match_product_columns(...).codes``); columns it
        lacks are unplaced under their own name. Without it, the columns must be HS4 codes.

    Returns
    -------
    ClusterExports
        With ``world`` the sum of every row of ``trade``; headings outside ``codes`` are listed
        in ``unplaced`` under their column name.

    Raises
    ------
    InvalidParameterError
        ``trade`` not a DataFrame, or the errors of :func:`exports_by_cluster`.
    NotFoundError
        ``country`` is not a row of ``trade`` (the message lists close codes).

    References
    ----------
    .. [1] Balassa (1965), see :func:`exports_by_cluster`.

    Examples
    --------
    >>> from grappe.model import ClusterDefinitions
    >>> trade = pd.DataFrame({"0804": [30.0, 10.0], "2711": [70.0, 90.0]}, index=["DZA", "FRA"])
    >>> c = Concordance("HS", "NAICS", (("0804", "111339", 1.0),), classification="naics2017")
    >>> d = ClusterDefinitions(pd.DataFrame({"code": ["111"], "cluster": ["agri"],
    ...     "cluster_name": "Agri", "subcluster": None, "cluster_type": "traded"}),
    ...     classification="naics2017")
    >>> row = trade_by_cluster(trade, "DZA", c, d).rows[0]
    >>> row.cluster, row.share, round(row.rca, 12)
    ('agri', 0.3, 1.5)
    """

    func = "trade_by_cluster"
    if not isinstance(trade, pd.DataFrame):
        raise InvalidParameterError(
            f"The 'trade' parameter of {func} must be a pandas DataFrame (countries × products). "
            f"Got {type(trade).__name__} instead."
        )
    index = trade.index.astype(str)
    if country not in set(index):
        close = [c for c in index if c.upper() == str(country).upper() or c[:2] == str(country)[:2]]
        raise NotFoundError(
            Message(
                "Country {country!r} is not in the trade matrix ({n} countries){hint}.",
                country=country,
                n=len(index),
                hint=Message("; close codes: {codes}", codes=", ".join(close[:8])) if close else "",
            )
        )
    mapping = dict(codes) if codes is not None else {str(c): str(c) for c in trade.columns}
    row = trade.loc[index == country].sum(axis=0)
    world = trade.sum(axis=0)
    exports: dict[str, float] = defaultdict(float)
    world_exports: dict[str, float] = defaultdict(float)
    unmatched: dict[str, float] = {}
    world_unmatched = 0.0
    for column, value, world_value in zip(
        trade.columns, row.to_numpy(dtype=float), world.to_numpy(dtype=float), strict=True
    ):
        code = mapping.get(str(column))
        if code is None:
            unmatched[str(column)] = float(value)
            world_unmatched += float(world_value)
            continue
        exports[code] += float(value)
        world_exports[code] += float(world_value)
    values = _check_exports(dict(exports), "trade", func)
    world_values = _check_exports(dict(world_exports), "trade", func)
    if any(not math.isfinite(v) or v < 0 for v in unmatched.values()):
        raise InvalidParameterError(
            f"The 'trade' parameter of {func} must hold finite non-negative export values."
        )
    return _cluster_exports(
        values,
        world_values,
        concordance,
        definitions,
        country=country,
        unmatched=unmatched,
        world_unmatched=world_unmatched,
    )
