"""Model of a country's export profile in the registry (migration 0017, issue 19).

One row per (country, year, source): the headline figures of a
:class:`grappe.complexity.exports.ExportProfile` in columns (so that the country index sorts
and filters without decoding), the whole profile as a JSON document (products, opportunities,
the published ECI series, the method), the exports by cluster when a concordance placed them,
and the corrections people made on top of the computed profile: product names by language and
opportunities hidden with a reason. Re-storing a recomputed profile keeps the corrections.
The product space the pages draw is stored once per (year, source): :class:`ProductSpaceRow`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from grappe.registry.models import Base, utc_now

__all__ = ["ExportProfileRow", "ProductSpaceRow"]


class ExportProfileRow(Base):
    """A stored export profile of a country.

    ``document``: the profile's products, opportunities, published ECI and method in the JSON
    form of :func:`grappe.registry.assessment_documents.encode`; ``clusters``: the exports by
    cluster (:class:`grappe.complexity.exports_clusters.ClusterExports`) or NULL;
    ``names``: corrected product names, product → language → name; ``hidden``: product →
    the reason an opportunity is hidden.
    """

    __tablename__ = "export_profiles"
    __table_args__ = (UniqueConstraint("country", "year", "source", name="uq_export_profiles_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    country: Mapped[str] = mapped_column(String(3), index=True)
    year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(64))
    total: Mapped[float] = mapped_column(Float)
    diversity: Mapped[int] = mapped_column(Integer)
    eci: Mapped[float | None] = mapped_column(Float)
    eci_rank: Mapped[int | None] = mapped_column(Integer)
    n_countries: Mapped[int] = mapped_column(Integer)
    coi: Mapped[float | None] = mapped_column(Float)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    clusters: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    names: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    hidden: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ProductSpaceRow(Base):
    """The product space of a trade source and year, laid out for the country pages.

    ``nodes``: ``[{"product", "x", "y"}]`` (x, y in [0, 1]); ``links``: ``[[i, j], …]``,
    indices into ``nodes``; ``method``: how it was built (sample, threshold, layout, seed).
    """

    __tablename__ = "product_spaces"
    __table_args__ = (UniqueConstraint("year", "source", name="uq_product_spaces_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(64))
    nodes: Mapped[list[Any]] = mapped_column(JSON)
    links: Mapped[list[Any]] = mapped_column(JSON)
    method: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
