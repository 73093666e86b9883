"""Every integer id in a page's path is bounded to the registry's INTEGER range, so that a larger
number is refused before it reaches the database driver (the API's contract:
``tests/service/test_service_api.py::test_every_integer_path_parameter_is_bounded_to_the_ids_range``)."""

from __future__ import annotations

from annotated_types import Le
from fastapi.routing import APIRoute

from grappe.service.schemas import MAX_ROW_ID


def _routes(routes):
    """Every APIRoute, inside the routers the app includes too."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        inner = getattr(route, "original_router", None) or getattr(route, "routes", None)
        if inner is not None:
            yield from _routes(getattr(inner, "routes", inner))


def test_every_integer_path_id_of_the_pages_is_bounded(client):
    unbounded, seen = [], 0
    for route in _routes(client.app.routes):
        if not route.endpoint.__module__.startswith("grappe.web"):
            continue
        seen += 1
        for param in route.dependant.path_params:
            if param.field_info.annotation is not int:
                continue
            bounds = [m.le for m in param.field_info.metadata if isinstance(m, Le)]
            if not bounds or bounds[0] > MAX_ROW_ID:
                unbounded.append(f"{','.join(sorted(route.methods))} {route.path} {param.name}")
    assert seen > 80 and unbounded == []


def test_a_huge_id_in_a_page_path_is_not_a_server_error(client):
    answer = client.get("/clusters/auto-mi/reports/13006938585451155456/fr.html")
    assert answer.status_code in (404, 422)
