"""What every form of the workspace does first: open a database session, and find the cluster
the signed-in user may write records of (the API's rules,
:func:`grappe.registry.permissions.refusal`); and what its pages share (the cluster's part of
the page context, the "saved" redirect).

A route opens its work with :func:`cluster_form` (the API's rights on a kind of record) or
:func:`cluster_work` (a page's own rule)::

    with cluster_form(request, cluster_id, kind="kpi", key=cluster_id) as work:
        set_kpi(work.db, work.access, cluster_id, entry)

A visitor who may not write there never reaches the block: :class:`PageAnswer` carries the page
to answer with (the sign-in page, 404 or 403) to the app's handler
(:func:`grappe.web.install_pages`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from grappe.errors import (
    DataValidationError,
    GrappeError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
    ValidationIssue,
)
from grappe.i18n import error_text, translate
from grappe.registry.models import Cluster
from grappe.registry.permissions import refusal
from grappe.web.auth import SignedIn, forbidden, to_login, visitor
from grappe.web.i18n import translations
from grappe.web.render import language, localized, page
from grappe.web.views._common import not_found

if TYPE_CHECKING:
    from grappe.registry.permissions import Access

__all__ = [
    "ClusterWork",
    "PageAnswer",
    "Sent",
    "answer_page",
    "cluster_context",
    "cluster_form",
    "cluster_work",
    "delete_record",
    "error_words",
    "form_page",
    "hinted_errors",
    "issue_words",
    "open_session",
    "saved_redirect",
    "sent_page",
    "write_record",
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
class ClusterWork:
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
def cluster_work(
    request: Request, cluster_id: str, *, may: Callable[[Session, SignedIn], bool] | None = None
) -> Iterator[ClusterWork]:
    """Open the work of a page on a cluster, or answer without it.

    The checks run in the order of every page: an anonymous visitor gets the sign-in page
    before anything else is looked up, an unknown cluster 404, a visitor whom ``may`` refuses
    403. These answers leave as a :class:`PageAnswer` rather than a returned value, so that a
    route needs no ``isinstance`` test and gets a user that is never ``None``; a context
    manager rather than a FastAPI dependency, so that the session lives exactly as long as the
    route's ``with`` block and a route reads its form where it did (the CSRF guard has read
    it already, so reading it first or after the checks answers the same).

    Parameters
    ----------
    request
        The page's request (its visitor, its app's registry).
    cluster_id
        The cluster's id, from the path.
    may
        The page's rule: whether the user may work here (it may itself raise a
        :class:`PageAnswer`, e.g. a 404 for an unknown part of the path). ``None``: every
        signed-in user passes, and the registry's function checks the rights (its
        :class:`~grappe.errors.PermissionDeniedError` is the route's to answer).

    Yields
    ------
    ClusterWork
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
        if may is not None and not may(db, user):
            raise PageAnswer(forbidden(request))
        yield ClusterWork(db=db, cluster=cluster, user=user)


def cluster_form(
    request: Request, cluster_id: str, *, kind: str, key: str = "(new)", action: str = "create"
) -> AbstractContextManager[ClusterWork]:
    """:func:`cluster_work` with the API's rule: the user may ``action`` (``create`` for the
    pages that add records, ``update`` for those that change the cluster itself) ``kind``
    records of key ``key`` in the cluster (:func:`grappe.registry.permissions.refusal`)."""

    def may(_db: Session, user: SignedIn) -> bool:
        return refusal(user.access, action, kind, key, scope={cluster_id}) is None

    return cluster_work(request, cluster_id, may=may)


def cluster_context(request: Request, cluster: Cluster) -> dict[str, Any]:
    """The part of a cluster form's page context that names the cluster (in the page's
    language, with the language of that name) and carries the CSRF token of the forms."""
    name, name_lang = localized(cluster, "name", language(request))
    return {"cluster_id": cluster.id, "cluster_name": name, "cluster_lang": name_lang,
            "csrf": visitor(request).csrf}  # fmt: skip


def form_page(
    request: Request,
    template: str,
    cluster: Cluster,
    context: dict[str, Any],
    *,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    """A cluster form's page: the cluster's part (:func:`cluster_context`), the form's
    ``errors`` in the page's language, whether the last form was saved (``?saved=1``), then the
    page's own ``context``.

    Parameters
    ----------
    request
        The page's request.
    template
        The Jinja template of the page.
    cluster
        The cluster of the page.
    context
        What the page shows besides (its values, choices and stored records).
    errors
        The problems of each field: message ids of the web catalogue, looked up in the page's
        language (a text already in that language is left as it is: the catalogue does not
        hold it).
    status
        The HTTP status (400 for a refused form).
    """
    _ = translations(language(request)).gettext
    shared = {
        **cluster_context(request, cluster),
        # "" would fetch the catalogue's header
        "errors": {field: _(text) if text else text for field, text in (errors or {}).items()},
        "saved": request.query_params.get("saved") == "1",
    }
    return page(request, template, {**shared, **context}, status=status)


@dataclass(frozen=True)
class Sent:
    """What a form's page shows again of what the visitor sent: the values as typed (over the
    page's defaults), the problem of each refused field (message ids, as :func:`form_page`'s
    ``errors``) and the HTTP status (400 for a refused form). ``Sent()``: a page shown afresh.

    Attributes
    ----------
    values
        The fields as sent.
    errors
        The problems of the refused fields.
    status
        The HTTP status of the page.
    """

    values: Mapping[str, str] = field(default_factory=dict)
    errors: Mapping[str, str] = field(default_factory=dict)
    status: int = 200

    @classmethod
    def refused(cls, values: Mapping[str, str], errors: Mapping[str, str]) -> Sent:
        """The form sent back with its problems (status 400)."""
        return cls(values=values, errors=errors, status=400)


def sent_page(
    request: Request,
    template: str,
    cluster: Cluster,
    context: dict[str, Any],
    *,
    defaults: Mapping[str, str],
    sent: Sent | None = None,
) -> Response:
    """:func:`form_page` of a form shown afresh or sent back: its ``values`` are the
    ``defaults`` overridden by what was ``sent``, with the sent problems and status.

    Parameters
    ----------
    request, template, cluster, context
        As :func:`form_page`'s.
    defaults
        The value of each field on a fresh form.
    sent
        What the visitor sent (``None``: nothing, a fresh form).
    """
    sent = sent or Sent()
    values = {**defaults, **sent.values}
    return form_page(
        request, template, cluster, {**context, "values": values},
        errors=dict(sent.errors), status=sent.status,
    )  # fmt: skip


def write_record(
    request: Request,
    cluster_id: str,
    *,
    kind: str,
    write: Callable[[ClusterWork], object],
    back: str,
    refused: Callable[[ClusterWork, GrappeError], Response] | None = None,
) -> Response:
    """The route that writes (or deletes) one record of a cluster: ``write`` runs in
    :func:`cluster_form`'s work on ``kind`` records and is committed; the answer is the "saved"
    redirect to ``back``, the 403 page when the registry refuses the rights, and for a refused
    value or an unknown record (:class:`~grappe.errors.DataValidationError`,
    :class:`~grappe.errors.InvalidParameterError`, :class:`~grappe.errors.NotFoundError`), after
    the rollback, ``refused``'s page — by default the 404 page for a record that is not the
    cluster's (the others are raised).

    Parameters
    ----------
    request
        The form's request.
    cluster_id
        The cluster's id, from the path.
    kind
        The kind of record (:data:`grappe.registry.permissions.RULES`) the page's rights are
        asked for.
    write
        The registry's write, given the open work (session, rights).
    back
        The page to go back to.
    refused
        The page that shows the refusal (the form again, its fields marked).
    """
    with cluster_form(request, cluster_id, kind=kind, key=cluster_id) as work:
        try:
            write(work)
            work.db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except (DataValidationError, InvalidParameterError, NotFoundError) as error:
            work.db.rollback()
            if refused is not None:
                return refused(work, error)
            if isinstance(error, NotFoundError):
                return not_found(request)
            raise
    return saved_redirect(back)


def delete_record(
    request: Request,
    cluster_id: str,
    *,
    kind: str,
    delete: Callable[[ClusterWork], object],
    back: str,
) -> Response:
    """:func:`write_record` for a deletion: the 404 page when the record is not the cluster's
    (``delete`` raises :class:`~grappe.errors.NotFoundError`)."""
    return write_record(request, cluster_id, kind=kind, write=delete, back=back)


def saved_redirect(path: str) -> RedirectResponse:
    """The answer to a form stored without a problem: back to ``path``, which says "saved"."""
    return RedirectResponse(f"{path}?saved=1", status_code=303)


def issue_words(issue: ValidationIssue, lang: str) -> str:
    """What the registry says of one refused field, in ``lang``: the issue's message and fix
    (messages, :class:`~grappe.i18n.Message`, looked up in the catalogue the CLI's errors use,
    :func:`grappe.i18n.translate`; a plain English text the catalogue does not hold stays as
    it is), without the file, row and column the form's field already shows."""
    message = translate(issue.message, lang)
    return f"{message} {translate(issue.fix, lang)}" if issue.fix else message


def error_words(error: GrappeError, lang: str) -> str:
    """A registry error in ``lang``: each issue of a :class:`~grappe.errors.DataValidationError`
    (:func:`issue_words`), another error's message (:func:`grappe.i18n.error_text`)."""
    if isinstance(error, DataValidationError):
        return " ".join(issue_words(issue, lang) for issue in error.issues)
    return error_text(error, lang)


def hinted_errors(
    error: DataValidationError, lang: str, hints: dict[str, str], *, default: str
) -> dict[str, str]:
    """The registry's issues per field: the field's need (``hints``, msgids translated into
    ``lang``), then the message and fix of each issue, in ``lang`` too (:func:`issue_words`).

    Parameters
    ----------
    error
        The registry's refusal.
    lang
        The page's language.
    hints
        The msgid of each field of the form.
    default
        The field an issue of no field of the form is shown next to.
    """
    _ = translations(lang).gettext
    errors: dict[str, str] = {}
    for issue in error.issues:
        column = issue.column if issue.column in hints else default
        detail = issue_words(issue, lang)
        if column in errors:
            errors[column] = f"{errors[column]} {detail}"
        else:
            errors[column] = f"{_(hints[column])} {detail}"
    return errors
