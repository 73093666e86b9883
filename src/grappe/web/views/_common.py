"""Helpers shared by the page views."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated, Any

from fastapi import Path, Request
from fastapi.responses import HTMLResponse

from grappe.vocabulary import LABEL_STATUSES, SPHERES, STAGES, sphere_name
from grappe.web.i18n import translations
from grappe.web.render import language, page

__all__ = ["label_status_names", "not_found", "series", "sphere_names", "stage_names"]


def series(
    rows: Iterable[Any], *, key: Callable[[Any], str], value: Callable[[Any], float | None]
) -> dict[str, Any]:
    """Rows with a ``year`` → ``{"labels": years, "series": [{"label", "values"}]}`` for charts.

    Examples
    --------
    >>> from types import SimpleNamespace as R
    >>> rows = [R(k="a", year=2020, v=1.0), R(k="a", year=2021, v=2.0), R(k="b", year=2021, v=5.0)]
    >>> out = series(rows, key=lambda r: r.k, value=lambda r: r.v)
    >>> out["labels"], [(s["label"], s["values"]) for s in out["series"]]
    ([2020, 2021], [('a', [1.0, 2.0]), ('b', [None, 5.0])])
    """
    table: dict[str, dict[int, float | None]] = {}
    years: set[int] = set()
    for row in rows:
        years.add(int(row.year))
        table.setdefault(key(row), {})[int(row.year)] = value(row)
    labels = sorted(years)
    return {
        "labels": labels,
        "series": [
            {"label": name, "values": [values.get(y) for y in labels]}
            for name, values in sorted(table.items())
        ],
    }


def _names(words: tuple[str, ...], labels: dict[str, str], lang: str) -> dict[str, str]:
    # The words come from grappe.vocabulary; a word without a label shows as itself.
    _ = translations(lang).gettext
    return {word: _(labels[word]) if word in labels else word for word in words}


#: A row's id in a page's path (``/clusters/x/kpis/{kpi_id}``): the range of the registry's
#: INTEGER ids, so that a larger number is a 422, not an overflow in the database driver (the
#: API's ``grappe.service.schemas.RowId``; the web may not import the service).
RowId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def N_(text: str) -> str:  # noqa: N802 - the marker pybabel extracts by default
    """Mark a msgid for extraction; translated when shown."""
    return text


# Labels of the words of grappe.vocabulary (msgids of the translation catalogues).
_STAGE_LABELS = {
    "emergence": N_("Emergence"),
    "growth": N_("Growth"),
    "maturity": N_("Maturity"),
    "decline": N_("Decline"),
    "undetermined": N_("Undetermined"),
}
_LABEL_STATUS_LABELS = {
    "applied": N_("Applied for"),
    "awarded": N_("Awarded"),
    "renewed": N_("Renewed"),
    "refused": N_("Refused"),
    "suspended": N_("Suspended"),
    "withdrawn": N_("Withdrawn"),
    "expired": N_("Expired"),
}


def label_status_names(lang: str) -> dict[str, str]:
    """Label statuses (:data:`grappe.vocabulary.LABEL_STATUSES`) in ``lang``."""
    return _names(LABEL_STATUSES, _LABEL_STATUS_LABELS, lang)


def stage_names(lang: str) -> dict[str, str]:
    """Life-cycle stages (:data:`grappe.vocabulary.STAGES`) in ``lang``."""
    return _names(STAGES, _STAGE_LABELS, lang)


def sphere_names(lang: str) -> dict[str, str]:
    """Spheres of actors (:data:`grappe.vocabulary.SPHERES`) in ``lang``: the names of
    :data:`grappe.vocabulary.SPHERE_NAMES`, which the CLI's figures show too."""
    return {word: sphere_name(word, lang) for word in SPHERES}


def not_found(request: Request, message: str | None = None) -> HTMLResponse:
    """The 404 page in the request's language."""
    _ = translations(language(request)).gettext
    return page(
        request,
        "error.html",
        {
            "title": _("Page not found"),
            "message": message or _("There is no published page at this address."),
        },
        status=404,
    )
