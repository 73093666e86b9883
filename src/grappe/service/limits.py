"""Back-pressure: a bounded number of requests in flight per process, a bounded wait, then 503.

Without a bound, an overloaded server accepts every request and answers each one later and
later (seconds, then a minute, under twice the load it can carry): clients time out after the
work is done and retries make it worse. :class:`BackPressure` admits at most ``max_in_flight``
requests at once in its process; the next ``max_queued`` wait at most ``queue_timeout`` seconds
for a slot, in arrival order; any other request is answered at once with **503** ``overloaded``,
a ``Retry-After`` header and the API's JSON error shape. A request holds its slot until its
response is sent (work left to run after the answer, such as an import job, does not hold it).

The queue absorbs short bursts and stalls. Once a request has waited in vain, the overload is
not a burst: for the next ``retry_after`` seconds a request finding every slot taken is refused
at once instead of queueing for a wait that would likely fail too (so under a sustained overload
the refused are told at once and the served do not wait in the queue first).

Examples
--------
>>> limits = RequestLimits.from_env({"GRAPPE_MAX_IN_FLIGHT": "4"})
>>> (limits.max_in_flight, limits.max_queued, limits.queue_timeout, limits.retry_after)
(4, 32, 0.5, 1)
"""

from __future__ import annotations

import json
import math
import os
import time
from collections import deque
from collections.abc import Awaitable, Callable, Collection, Mapping, MutableMapping
from dataclasses import dataclass, fields
from typing import Any

import anyio

from grappe._validation import check_number
from grappe.errors import InvalidParameterError
from grappe.service.errors import error_body

__all__ = ["LIMIT_VARIABLES", "MAX_WORKERS", "BackPressure", "RequestLimits", "check_workers"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Environment variable of each field of :class:`RequestLimits`.
LIMIT_VARIABLES: dict[str, str] = {
    "max_in_flight": "GRAPPE_MAX_IN_FLIGHT",
    "max_queued": "GRAPPE_MAX_QUEUED",
    "queue_timeout": "GRAPPE_QUEUE_TIMEOUT",
    "retry_after": "GRAPPE_RETRY_AFTER",
}

#: Most worker processes ``grappe serve --workers`` starts. Each worker is a whole app (its own
#: memory, caches and database connections); beyond one or two per CPU they only compete.
MAX_WORKERS = 32


def check_workers(workers: object, *, database_url: str | None = None) -> int:
    """Return ``workers`` if it is a whole number from 1 to :data:`MAX_WORKERS`, else raise.

    Several workers also need a database that every process opens as the same one: a SQLite
    file or PostgreSQL, not an in-memory SQLite database (each process would get its own).

    Examples
    --------
    >>> check_workers(2, database_url="sqlite:///observatory.sqlite")
    2
    >>> check_workers(0)
    Traceback (most recent call last):
    ...
    grappe.errors.InvalidParameterError: --workers must be a whole number from 1 to 32...
    """
    if isinstance(workers, bool) or not isinstance(workers, int) or not 1 <= workers <= MAX_WORKERS:
        cpus = os.cpu_count() or 1
        raise InvalidParameterError(
            f"--workers must be a whole number from 1 to {MAX_WORKERS} (worker processes; this "
            f"machine has {cpus} CPU{'s' if cpus > 1 else ''}, and 1 or 2 per CPU is the usual "
            f"choice). Got {workers!r} instead."
        )
    if workers > 1 and database_url is not None and _in_memory(database_url):
        raise InvalidParameterError(
            f"--workers {workers} needs a database that every worker process opens as the same "
            f"one: a SQLite file (sqlite:///observatory.sqlite) or PostgreSQL. Got the in-memory "
            f"database {database_url!r} instead; give --database or use --workers 1."
        )
    return workers


def _in_memory(database_url: str) -> bool:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(database_url)
    except ArgumentError:  # not a URL: connect() reports it with the fix
        return False
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


@dataclass(frozen=True)
class RequestLimits:
    """How many requests one server process takes at once, and how long others may wait.

    Attributes
    ----------
    max_in_flight : int
        ``GRAPPE_MAX_IN_FLIGHT``: requests served at once by one process (1–10,000). Each
        worker process of ``grappe serve --workers N`` has its own slots.
    max_queued : int
        ``GRAPPE_MAX_QUEUED``: requests that may wait for a slot (0–100,000; 0 refuses at once
        when every slot is taken).
    queue_timeout : float
        ``GRAPPE_QUEUE_TIMEOUT``: seconds a request waits for a slot before its 503 (0–60).
    retry_after : int
        ``GRAPPE_RETRY_AFTER``: seconds sent in the ``Retry-After`` header of a 503 (1–3,600).
    """

    max_in_flight: int = 8
    max_queued: int = 32
    queue_timeout: float = 0.5
    retry_after: int = 1

    def __post_init__(self) -> None:
        func = "RequestLimits"
        check_number(self.max_in_flight, "max_in_flight", func=func, low=1, high=10_000,
                     integer=True)  # fmt: skip
        check_number(self.max_queued, "max_queued", func=func, low=0, high=100_000, integer=True)
        check_number(self.queue_timeout, "queue_timeout", func=func, low=0, high=60)
        check_number(self.retry_after, "retry_after", func=func, low=1, high=3600, integer=True)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> RequestLimits:
        """Limits from the ``GRAPPE_*`` variables of :data:`LIMIT_VARIABLES` (defaults otherwise).

        Raises
        ------
        InvalidParameterError
            A variable that is not a number, or out of its range; the message names it.

        Examples
        --------
        >>> RequestLimits.from_env({"GRAPPE_QUEUE_TIMEOUT": "soon"})
        Traceback (most recent call last):
        ...
        grappe.errors.InvalidParameterError: GRAPPE_QUEUE_TIMEOUT='soon' must be a number...
        """
        values: dict[str, int | float] = {}
        for field in fields(cls):
            variable = LIMIT_VARIABLES[field.name]
            raw = environ.get(variable)
            if raw is None or not raw.strip():
                continue
            kind = float if field.name == "queue_timeout" else int
            try:
                values[field.name] = kind(raw.strip())
            except ValueError:
                what = "a number of seconds" if kind is float else "a whole number"
                raise InvalidParameterError(
                    f"{variable}={raw!r} must be {what}. Set it to e.g. "
                    f"{getattr(cls, field.name)!r} or unset it for that default."
                ) from None
        try:
            return cls(**values)  # type: ignore[arg-type]
        except InvalidParameterError as exc:
            names = ", ".join(f"{LIMIT_VARIABLES[k]}={v!r}" for k, v in values.items())
            raise InvalidParameterError(f"{exc} (from {names})") from None


class BackPressure:
    """ASGI middleware admitting a bounded number of HTTP requests; 503 beyond (see module).

    Parameters
    ----------
    app : ASGI application
    limits : RequestLimits
    exempt_paths : collection of str
        Paths always admitted without a slot (e.g. a health check that must answer even when
        the process is busy).

    Attributes
    ----------
    in_flight : int
        Requests holding a slot now.
    refused : int
        503 answers sent since start.
    """

    def __init__(
        self, app: ASGIApp, *, limits: RequestLimits, exempt_paths: Collection[str] = ()
    ) -> None:
        self.app = app
        self.limits = limits
        self.exempt_paths = frozenset(exempt_paths)
        self.in_flight = 0
        self.refused = 0
        self._waiters: deque[anyio.Event] = deque()
        self._last_timeout = -math.inf  # time.monotonic() of the last wait in vain
        when = f"Retry after {limits.retry_after} s."
        self._bodies = {
            "full": _json(
                f"The server is busy: its {limits.max_in_flight} request slots are taken and "
                f"{limits.max_queued} requests are already waiting. {when}"
            ),
            "shedding": _json(
                f"The server is busy: its {limits.max_in_flight} request slots are taken and "
                f"requests that waited for one in the last {limits.retry_after} s were not "
                f"served in time. {when}"
            ),
            "timeout": _json(
                f"The server is busy: no request slot became free within "
                f"{limits.queue_timeout:g} s. {when}"
            ),
        }

    @property
    def queued(self) -> int:
        """Requests waiting for a slot now."""
        return len(self._waiters)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in self.exempt_paths:
            await self.app(scope, receive, send)
            return
        refusal = await self._acquire()
        if refusal is not None:
            await self._refuse(send, refusal)
            return
        released = False

        def release_once() -> None:
            nonlocal released
            if not released:
                released = True
                self._release()

        async def send_and_release(message: Message) -> None:
            await send(message)
            # The answer is complete: the slot is free even if background work follows.
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                release_once()

        try:
            await self.app(scope, receive, send_and_release)
        finally:  # errors and cancellation (a client that went away) free the slot too
            release_once()

    async def _acquire(self) -> str | None:
        """Take a slot; None on success, else why not (a key of ``self._bodies``)."""
        if self.in_flight < self.limits.max_in_flight and not self._waiters:
            self.in_flight += 1
            return None
        if len(self._waiters) >= self.limits.max_queued:
            return "full"
        if time.monotonic() - self._last_timeout < self.limits.retry_after:
            return "shedding"
        granted = anyio.Event()
        self._waiters.append(granted)
        try:
            with anyio.move_on_after(self.limits.queue_timeout):
                await granted.wait()
        except BaseException:  # cancelled while waiting: give back a slot handed over meanwhile
            if granted.is_set():
                self._release()
            else:
                self._waiters.remove(granted)
            raise
        if granted.is_set():  # :meth:`_release` handed its slot over (``in_flight`` unchanged)
            return None
        self._waiters.remove(granted)
        self._last_timeout = time.monotonic()
        return "timeout"

    def _release(self) -> None:
        if self._waiters:
            self._waiters.popleft().set()
        else:
            self.in_flight -= 1

    async def _refuse(self, send: Send, reason: str) -> None:
        self.refused += 1
        body = self._bodies[reason]
        await send(
            {
                "type": "http.response.start",
                "status": 503,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"retry-after", str(self.limits.retry_after).encode()),
                    (b"cache-control", b"no-store"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _json(message: str) -> bytes:
    return json.dumps(error_body("overloaded", message), ensure_ascii=False).encode()
