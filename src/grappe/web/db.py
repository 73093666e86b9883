"""Database access of the pages (a read-only session per request) and shared page data."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grappe.registry.models import IndicatorSnapshot, Region
from grappe.web.render import localized

__all__ = ["PageSession", "map_data"]


def _session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session:
        yield session


PageSession = Annotated[Session, Depends(_session)]

#: The bundled US outlines (us-atlas, pre-projected Albers USA, 975 × 610).
US_TOPOLOGY = "/static/vendor/us-states-albers-10m.json"


def map_data(
    session: Session, lang: str, *, highlight: Collection[str] = (), countries: Collection[str] = ()
) -> dict[str, Any]:
    """Regions to draw, with their number of strong clusters in the latest year.

    US states are joined to the us-atlas outlines by FIPS code; other regions are drawn as points
    at their ``lat``/``lon``.
    """
    year = session.scalar(select(func.max(IndicatorSnapshot.year)))
    strong: dict[str, int] = {}
    if year is not None:
        rows = session.execute(
            select(IndicatorSnapshot.region_id, func.count())
            .where(IndicatorSnapshot.year == year, IndicatorSnapshot.strong.is_(True))
            .group_by(IndicatorSnapshot.region_id)
        )
        strong = {rid: int(n) for rid, n in rows}
    query = select(Region).order_by(Region.id)
    if countries:
        query = query.where(Region.country.in_(list(countries)))
    us: list[dict[str, Any]] = []
    points: list[dict[str, Any]] = []
    for region in session.scalars(query):
        name, _ = localized(region, "name", lang)
        item = {
            "id": region.id,
            "code": region.code,
            "name": name,
            "value": strong.get(region.id, 0),
            "highlight": region.id in highlight,
        }
        if region.country == "US" and region.region_type == "state":
            us.append(item)
        elif region.lat is not None and region.lon is not None:
            points.append({**item, "lat": region.lat, "lon": region.lon})
    return {
        "us": us,
        "dz": points,
        "topology": US_TOPOLOGY,
        "year": year,
        "lang": lang,
        "max": max(strong.values(), default=0),
    }
