"""What every form of the workspace does first: open a database session, and find the cluster
the signed-in user may write records of (the API's rules,
:func:`grappe.registry.permissions.refusal`); and what its pages share (the cluster's part of
the page context, the "saved" redirect).

A route opens its work with :func:`cluster_form`::

    with cluster_form(request, cluster_id, kind="kpi", key=cluster_id) as work:
        set_kpi(work.db, work.access, cluster_id, entry)

A visitor who may not write there never reaches the block: :class:`PageAnswer` carries the page
to answer with (the sign-in page, 404 or 403) to the app's handler
(:func:`grappe.web.install_pages`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from grappe.registry.models import Cluster
from grappe.registry.permissions import refusal
from grappe.web.auth import SignedIn, forbidden, to_login, visitor
from grappe.web.render import language, localized
from grappe.web.views._common import not_found

if TYPE_CHECKING:
    from grappe.registry.permissions import Access

__all__ = [
    "ClusterForm",
    "PageAnswer",
    "answer_page",
    "cluster_context",
    "cluster_form",
    "open_session",
    "saved_redirect",
]


class PageAnswer(Exception):  # noqa: N818 - an answer, not an error: the page it carries is the reply
    """The page to answer a request with, found by a helper below the route (the sign-in page,
    404 or 403); the app's handler (:func:`answer_page`) sends ``response`` as it is.

    Parameters
    ----------
    response
        The complete answer.
    """

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


async def answer_page(request: Request, exc: Exception) -> Response:  # noqa: ARG001
    """The app's handler of :class:`PageAnswer`: its page, unchanged."""
    assert isinstance(exc, PageAnswer)  # noqa: S101 - registered for PageAnswer only
    return exc.response


@dataclass(frozen=True)
class ClusterForm:
    """What a workspace route works with once the visitor may write in the cluster.

    Attributes
    ----------
    db
        The open registry session (commit to keep; closed when the ``with`` block ends).
    cluster
        The cluster of the page.
    user
        The signed-in user (never anonymous here).
    """

    db: Session
    cluster: Cluster
    user: SignedIn

    @property
    def access(self) -> Access:
        """The user's rights, as the registry's functions take them (``who``)."""
        return self.user.access


def open_session(request: Request) -> Session:
    """A new session of the app's registry (use it in a ``with`` block; commit to keep)."""
    session: Session = request.app.state.sessions()
    return session


@contextmanager
def cluster_form(
    request: Request, cluster_id: str, *, kind: str, key: str = "(new)", action: str = "create"
) -> Iterator[ClusterForm]:
    """Open the work of a page on ``kind`` records of a cluster, or answer without it.

    The checks run in the order of every page: an anonymous visitor gets the sign-in page
    before anything else is looked up, an unknown cluster 404, a refusal of
    :func:`grappe.registry.permissions.refusal` (``action``, ``kind``, ``key``, in the scope of
    the cluster) 403. These answers leave as a :class:`PageAnswer` rather than a returned
    value, so that a route needs no ``isinstance`` test and gets a non-optional user; a context
    manager rather than a FastAPI dependency, so that the session lives exactly as long as the
    route's ``with`` block and a route can still read its form before the checks.

    Parameters
    ----------
    request
        The page's request (its visitor, its app's registry).
    cluster_id
        The cluster's id, from the path.
    kind, key
        The record kind and key asked of the rights (``key`` as the API asks it).
    action
        The action asked of the rights: ``create`` for the pages that add records,
        ``update`` for those that change the cluster itself.

    Yields
    ------
    ClusterForm
        The open session, the cluster and the user.

    Raises
    ------
    PageAnswer
        With the sign-in page, the 404 or the 403 page.
    """
    user = visitor(request).user
    if user is None:
        raise PageAnswer(to_login(request))
    with open_session(request) as db:
        cluster = db.get(Cluster, cluster_id)
        if cluster is None:
            raise PageAnswer(not_found(request))
        if refusal(user.access, action, kind, key, scope={cluster_id}) is not None:
            raise PageAnswer(forbidden(request))
        yield ClusterForm(db=db, cluster=cluster, user=user)


def cluster_context(request: Request, cluster: Cluster) -> dict[str, Any]:
    """The part of a cluster form's page context that names the cluster (in the page's
    language, with the language of that name) and carries the CSRF token of the forms."""
    name, name_lang = localized(cluster, "name", language(request))
    return {"cluster_id": cluster.id, "cluster_name": name, "cluster_lang": name_lang,
            "csrf": visitor(request).csrf}  # fmt: skip


def saved_redirect(path: str) -> RedirectResponse:
    """The answer to a form stored without a problem: back to ``path``, which says "saved"."""
    return RedirectResponse(f"{path}?saved=1", status_code=303)
