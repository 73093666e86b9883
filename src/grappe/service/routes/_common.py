"""Query parameters shared by the list endpoints, and the check of every request's address."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Query, Request

from grappe.service.errors import ApiError

__all__ = ["Limit", "Offset", "refuse_control_characters"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def refuse_control_characters(request: Request) -> None:
    """Refuse (422) a path or query parameter holding a control character such as NUL.

    No id, name or filter of the registry contains one, and PostgreSQL cannot even compare a
    text with a NUL byte: such a request is a mistake (or a probe), answered before any query.
    """
    values = [request.scope.get("path", "")]
    values += [v for pair in request.query_params.multi_items() for v in pair]
    for value in values:
        found = _CONTROL.search(value)
        if found:
            raise ApiError(
                422,
                "invalid_parameter",
                f"The request's address holds the control character U+{ord(found.group()):04X} "
                "in a path or query parameter; ids, names and filters never contain one. "
                "Remove it.",
            )


Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="Rows to skip.")]
