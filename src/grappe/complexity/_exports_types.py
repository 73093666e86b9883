"""The objects of :mod:`grappe.complexity.exports_clusters`: the concordance and the results."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from grappe.codes import CLASSIFICATIONS
from grappe.errors import InvalidParameterError

__all__ = [
    "HS4_PATTERN",
    "WEIGHT_TOLERANCE",
    "ClusterExportRow",
    "ClusterExports",
    "Concordance",
]

#: Tolerance on the sum of the weights of one heading (the bundled tables are rounded to 1e-9).
WEIGHT_TOLERANCE = 1e-6

#: A 4-digit HS heading written as text, leading zero kept ("0804").
HS4_PATTERN = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Concordance:
    """HS4 headings → industries, with weights.

    Attributes
    ----------
    source : str
        Product classification, e.g. ``"HS2017-4"``.
    target : str
        Industry classification and level, e.g. ``"NAICS2017-6"``.
    pairs : tuple of (str, str, float)
        ``(hs4, industry, weight)``; the weights of one heading are positive and sum to 1.
        An industry code may be a prefix (``"31131"`` for the 6-digit codes below it) when the
        source groups industries.
    classification : str
        grappe classification of the industry codes (one of
        :data:`grappe.codes.CLASSIFICATIONS`), used to match them with cluster definitions.
    provenance : str or None
        Source, version and licence of the table.
    """

    source: str
    target: str
    pairs: tuple[tuple[str, str, float], ...]
    classification: str = "custom"
    provenance: str | None = None
    _by_product: dict[str, tuple[tuple[str, float], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if self.classification not in CLASSIFICATIONS:
            raise InvalidParameterError(
                f"The 'classification' parameter of Concordance must be one of "
                f"{list(CLASSIFICATIONS)}. Got {self.classification!r} instead."
            )
        by_product: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for pair in self.pairs:
            hs4, industry, weight = pair
            if not (isinstance(hs4, str) and HS4_PATTERN.match(hs4)):
                raise InvalidParameterError(
                    f"Concordance pairs must start with a 4-digit HS code written as text "
                    f"('0804'). Got {hs4!r} instead."
                )
            if not (isinstance(weight, int | float) and 0 < weight <= 1 + WEIGHT_TOLERANCE):
                raise InvalidParameterError(
                    f"The weight of {hs4} → {industry} must be a number in (0, 1]. "
                    f"Got {weight!r} instead."
                )
            by_product[hs4].append((str(industry), float(weight)))
        for hs4, parts in by_product.items():
            total = math.fsum(w for _, w in parts)
            if abs(total - 1) > WEIGHT_TOLERANCE:
                raise InvalidParameterError(
                    f"The weights of HS heading {hs4} must sum to 1. Got {total:.6g} instead."
                )
        object.__setattr__(self, "_by_product", {k: tuple(v) for k, v in by_product.items()})

    @property
    def products(self) -> tuple[str, ...]:
        """HS4 headings the concordance places, sorted."""
        return tuple(sorted(self._by_product))

    @property
    def industries(self) -> tuple[str, ...]:
        """Industry codes the headings go to, sorted."""
        return tuple(sorted({i for parts in self._by_product.values() for i, _ in parts}))

    def industries_of(self, hs4: str) -> tuple[tuple[str, float], ...]:
        """``(industry, weight)`` of one heading; empty when the heading is not placed."""
        return self._by_product.get(hs4, ())


@dataclass(frozen=True)
class ClusterExportRow:
    """Exports of one country in one cluster.

    Attributes
    ----------
    cluster, name : str
        Cluster code and name, from the definitions.
    exports : float
        Exports placed in the cluster (the trade data's unit, e.g. US dollars).
    share : float
        ``exports`` over the country's total exports (all headings, placed or not).
    rca : float or None
        Revealed comparative advantage (Balassa): ``share`` over the world's share of the
        cluster in world exports; ``None`` without world exports or when the world exports
        nothing in the cluster.
    products : tuple of str
        HS4 headings contributing, biggest contribution first.
    """

    cluster: str
    name: str
    exports: float
    share: float
    rca: float | None
    products: tuple[str, ...]


@dataclass(frozen=True)
class ClusterExports:
    """Exports of one country by cluster.

    Attributes
    ----------
    country : str
        The country (label given by the caller, e.g. an ISO3 code).
    definitions : str
        Name of the cluster definitions.
    rows : tuple of ClusterExportRow
        One row per cluster with exports, biggest first.
    placed_share : float
        Share of the country's exports placed in a cluster (1 when everything is placed).
    unplaced : tuple of str
        HS4 headings whose exports are not (or not wholly) placed, biggest unplaced value first:
        headings the concordance lacks, and headings made by industries no cluster covers.
    total : float
        The country's total exports (all headings given).
    unplaced_exports : Mapping[str, float]
        Unplaced value of each heading of ``unplaced``.
    concordance : str
        ``"source → target"`` of the concordance used.
    """

    country: str
    definitions: str
    rows: tuple[ClusterExportRow, ...]
    placed_share: float
    unplaced: tuple[str, ...]
    total: float = 0.0
    unplaced_exports: Mapping[str, float] = field(default_factory=dict)
    concordance: str = ""

    def to_records(self) -> list[dict[str, Any]]:
        """One record per cluster: country, cluster, cluster_name, exports, share, rca, products.

        ``products`` is the heading codes joined by spaces (for CSV and tables).
        """
        return [
            {
                "country": self.country,
                "cluster": r.cluster,
                "cluster_name": r.name,
                "exports": r.exports,
                "share": r.share,
                "rca": r.rca,
                "products": " ".join(r.products),
            }
            for r in self.rows
        ]
