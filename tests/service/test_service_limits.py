"""Back-pressure (``grappe.service.limits``): bounded requests in flight and queue, then 503.

Driven in process with httpx's ASGI transport: every request of a test runs in one event loop,
and handlers wait on events the test sets, so "in flight" and "queued" are exact, not timed.
"""

from __future__ import annotations

import time

import anyio
import httpx
import pytest
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.routing import Route

from grappe.errors import InvalidParameterError
from grappe.service.limits import (
    MAX_WORKERS,
    BackPressure,
    RequestLimits,
    check_workers,
)


class Gates:
    """Events the handlers of :func:`_app` wait on, and the order in which they started."""

    def __init__(self) -> None:
        self.release = anyio.Event()
        self.background = anyio.Event()
        self.started: list[str] = []
        self.background_done = False


def _app(gates: Gates) -> Starlette:
    async def wait(request):
        gates.started.append(request.query_params.get("n", ""))
        await gates.release.wait()
        return PlainTextResponse("ok")

    async def fast(_request):
        return PlainTextResponse("ok")

    async def boom(_request):
        raise RuntimeError("handler failed")

    async def background(_request):
        async def later():
            await gates.background.wait()
            gates.background_done = True

        return PlainTextResponse("accepted", background=BackgroundTask(later))

    async def stream(_request):
        async def chunks():
            yield b"first "
            await gates.release.wait()
            yield b"last"

        return StreamingResponse(chunks())

    routes = [
        Route("/wait", wait),
        Route("/fast", fast),
        Route("/health", fast),
        Route("/boom", boom),
        Route("/background", background),
        Route("/stream", stream),
    ]
    return Starlette(routes=routes)


def _client(middleware: BackPressure) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=middleware, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://test", timeout=30)


async def _until(condition, timeout: float = 5.0) -> None:
    """Let the other tasks run until ``condition()`` holds."""
    with anyio.fail_after(timeout):
        while not condition():
            await anyio.sleep(0.001)


def _limited(**limits) -> tuple[BackPressure, Gates]:
    gates = Gates()
    return BackPressure(_app(gates), limits=RequestLimits(**limits)), gates


def test_under_the_limit_every_request_succeeds():
    bp, gates = _limited(max_in_flight=4, max_queued=0)
    statuses: list[int] = []

    async def main():
        async with _client(bp) as client, anyio.create_task_group() as tg:

            async def get(n):
                statuses.append((await client.get(f"/wait?n={n}")).status_code)

            for n in range(4):
                tg.start_soon(get, n)
            await _until(lambda: len(gates.started) == 4)
            assert (bp.in_flight, bp.queued) == (4, 0)
            gates.release.set()

    anyio.run(main)
    assert statuses == [200] * 4
    assert (bp.in_flight, bp.queued, bp.refused) == (0, 0, 0)


def test_beyond_the_queue_the_answer_is_an_immediate_503():
    bp, gates = _limited(max_in_flight=2, max_queued=2, queue_timeout=30, retry_after=7)
    statuses: dict[int, int] = {}
    refused: dict[str, object] = {}

    async def main():
        async with _client(bp) as client, anyio.create_task_group() as tg:

            async def get(n):
                statuses[n] = (await client.get(f"/wait?n={n}")).status_code

            for n in range(4):  # 2 in flight, 2 queued
                tg.start_soon(get, n)
            await _until(lambda: bp.in_flight == 2 and bp.queued == 2)
            for _ in range(3):
                t = time.perf_counter()
                response = await client.get("/fast")
                refused.setdefault("seconds", []).append(time.perf_counter() - t)
                refused["response"] = response
            assert gates.started == ["0", "1"]
            gates.release.set()

    anyio.run(main)
    response = refused["response"]
    assert response.status_code == 503
    assert response.headers["retry-after"] == "7"
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["error"]["code"] == "overloaded"
    message = body["error"]["message"]
    assert "2 request slots are taken and 2 requests are already waiting" in message
    assert body["error"]["details"] is None
    # Refused at once, not after the 30 s the queued requests may wait (generous bound).
    assert max(refused["seconds"]) < 0.5
    # The queued requests were served, in arrival order, once slots were freed.
    assert statuses == {0: 200, 1: 200, 2: 200, 3: 200}
    assert gates.started == ["0", "1", "2", "3"]
    assert (bp.in_flight, bp.queued, bp.refused) == (0, 0, 3)


def test_a_queued_request_gives_up_after_queue_timeout():
    bp, gates = _limited(max_in_flight=1, max_queued=5, queue_timeout=0.2)
    waited: dict[str, object] = {}

    async def main():
        async with _client(bp) as client, anyio.create_task_group() as tg:
            tg.start_soon(client.get, "/wait")
            await _until(lambda: bp.in_flight == 1)
            t = time.perf_counter()
            waited["response"] = await client.get("/fast")
            waited["seconds"] = time.perf_counter() - t
            assert bp.queued == 0  # the waiter left the queue
            gates.release.set()

    anyio.run(main)
    response = waited["response"]
    assert response.status_code == 503 and response.headers["retry-after"] == "1"
    assert "no request slot became free within 0.2 s" in response.json()["error"]["message"]
    assert 0.15 <= waited["seconds"] < 2.0
    assert (bp.in_flight, bp.queued, bp.refused) == (0, 0, 1)


def test_after_a_wait_in_vain_busy_requests_are_refused_at_once_for_retry_after():
    """A sustained overload: no more queueing for ``retry_after`` s once a wait has failed."""
    bp, gates = _limited(max_in_flight=1, max_queued=5, queue_timeout=0.3, retry_after=1)
    seen: dict[str, object] = {}

    async def main():
        async with _client(bp) as client, anyio.create_task_group() as tg:
            tg.start_soon(client.get, "/wait")
            await _until(lambda: bp.in_flight == 1)
            assert (await client.get("/fast")).status_code == 503  # waited 0.3 s in vain
            t = time.perf_counter()
            seen["shed"] = await client.get("/fast")
            seen["shed seconds"] = time.perf_counter() - t
            assert bp.queued == 0  # refused without queueing
            await anyio.sleep(1.05)  # retry_after has passed: waiting is worth it again
            tg.start_soon(client.get, "/fast")
            await _until(lambda: bp.queued == 1)
            gates.release.set()
            await _until(lambda: bp.queued == 0 and bp.in_flight == 0)
            # A free slot is always taken, whatever happened before.
            assert (await client.get("/fast")).status_code == 200

    anyio.run(main)
    shed = seen["shed"]
    assert shed.status_code == 503 and shed.headers["retry-after"] == "1"
    message = shed.json()["error"]["message"]
    assert "requests that waited for one in the last 1 s were not served in time" in message
    assert seen["shed seconds"] < 0.2  # less than the 0.3 s a queued request would wait
    assert (bp.in_flight, bp.queued, bp.refused) == (0, 0, 2)


def test_zero_queue_refuses_as_soon_as_slots_are_taken():
    bp, gates = _limited(max_in_flight=1, max_queued=0)

    async def main():
        async with _client(bp) as client, anyio.create_task_group() as tg:
            tg.start_soon(client.get, "/wait")
            await _until(lambda: bp.in_flight == 1)
            assert (await client.get("/fast")).status_code == 503
            gates.release.set()
        async with _client(bp) as client:
            assert (await client.get("/fast")).status_code == 200

    anyio.run(main)


def test_errors_free_their_slot():
    bp, _gates = _limited(max_in_flight=2, max_queued=0)

    async def main():
        async with _client(bp) as client:
            for _ in range(5):  # more failures than slots: a leak would end in 503s
                assert (await client.get("/boom")).status_code == 500
            assert bp.in_flight == 0
            assert (await client.get("/fast")).status_code == 200

    anyio.run(main)
    assert (bp.in_flight, bp.refused) == (0, 0)


def test_cancelled_requests_free_their_slot_and_their_place_in_the_queue():
    bp, gates = _limited(max_in_flight=1, max_queued=3, queue_timeout=30)

    async def main():
        async with _client(bp) as client:
            async with anyio.create_task_group() as tg:  # clients that go away
                tg.start_soon(client.get, "/wait?n=running")
                await _until(lambda: bp.in_flight == 1)
                tg.start_soon(client.get, "/fast")
                tg.start_soon(client.get, "/fast")
                await _until(lambda: bp.queued == 2)
                tg.cancel_scope.cancel()
            assert (bp.in_flight, bp.queued) == (0, 0)
            assert (await client.get("/fast")).status_code == 200
            assert not gates.release.is_set()

    anyio.run(main)
    assert (bp.in_flight, bp.queued, bp.refused) == (0, 0, 0)


def test_a_waiter_cancelled_after_being_handed_a_slot_passes_it_on():
    bp, gates = _limited(max_in_flight=1, max_queued=3, queue_timeout=30)
    statuses: list[int] = []

    async def main():
        async with _client(bp) as client, anyio.create_task_group() as tg:

            async def get(path):
                statuses.append((await client.get(path)).status_code)

            tg.start_soon(get, "/wait?n=0")
            await _until(lambda: bp.in_flight == 1)
            async with anyio.create_task_group() as doomed:
                doomed.start_soon(client.get, "/wait?n=doomed")
                await _until(lambda: bp.queued == 1)
                tg.start_soon(get, "/wait?n=2")
                await _until(lambda: bp.queued == 2)
                # The first waiter is cancelled (its client went away) and, before it wakes up
                # to leave, a slot is handed to it: it must pass the slot on to the next one.
                doomed.cancel_scope.cancel()
                bp._release()  # as if the running request had finished ...
                bp.in_flight += 1  # ... while it actually still runs (released below)
            await _until(lambda: "2" in gates.started)
            gates.release.set()

    anyio.run(main)
    assert statuses == [200, 200]
    assert gates.started == ["0", "2"]
    assert (bp.in_flight, bp.queued) == (0, 0)


def test_the_slot_is_freed_when_the_answer_is_sent_not_after_background_work():
    bp, gates = _limited(max_in_flight=1, max_queued=0)

    async def main():
        async with _client(bp) as client, anyio.create_task_group() as tg:
            tg.start_soon(client.get, "/background")
            # The background task still runs, but its answer is complete: the slot is free.
            await _until(lambda: bp.in_flight == 0)
            assert not gates.background_done
            assert (await client.get("/fast")).status_code == 200
            gates.background.set()

    anyio.run(main)
    assert gates.background_done and bp.in_flight == 0


def test_a_streamed_answer_holds_its_slot_until_its_last_chunk():
    bp, gates = _limited(max_in_flight=1, max_queued=0)

    async def main():
        async with _client(bp) as client, anyio.create_task_group() as tg:
            tg.start_soon(client.get, "/stream")
            await _until(lambda: bp.in_flight == 1)
            await anyio.sleep(0.05)
            assert bp.in_flight == 1
            assert (await client.get("/fast")).status_code == 503
            gates.release.set()
        assert bp.in_flight == 0

    anyio.run(main)


def test_exempt_paths_are_answered_when_every_slot_is_taken():
    gates = Gates()
    bp = BackPressure(
        _app(gates), limits=RequestLimits(max_in_flight=1, max_queued=0), exempt_paths=["/health"]
    )

    async def main():
        async with _client(bp) as client, anyio.create_task_group() as tg:
            tg.start_soon(client.get, "/wait")
            await _until(lambda: bp.in_flight == 1)
            assert (await client.get("/health")).status_code == 200
            assert (await client.get("/fast")).status_code == 503
            gates.release.set()

    anyio.run(main)


def test_create_app_installs_the_settings_limits(tmp_path):
    from fastapi.testclient import TestClient

    from grappe.service import Settings, create_app

    limits = RequestLimits(max_in_flight=3, max_queued=1, queue_timeout=0.1, retry_after=2)
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'r.sqlite'}",
        environment="test",
        admin_token=None,
        request_limits=limits,
    )
    app = create_app(settings)
    installed = [m for m in app.user_middleware if m.cls is BackPressure]
    assert len(installed) == 1 and installed[0].kwargs["limits"] == limits
    with TestClient(app) as client:
        assert client.get("/api/v1/clusters").status_code == 200
    app.state.sessions.kw["bind"].dispose()


# --- settings -------------------------------------------------------------------------------


def test_limits_from_env():
    limits = RequestLimits.from_env(
        {
            "GRAPPE_MAX_IN_FLIGHT": "8",
            "GRAPPE_MAX_QUEUED": " 0 ",
            "GRAPPE_QUEUE_TIMEOUT": "0.25",
            "GRAPPE_RETRY_AFTER": "5",
        }
    )
    assert limits == RequestLimits(max_in_flight=8, max_queued=0, queue_timeout=0.25, retry_after=5)
    assert RequestLimits.from_env({"GRAPPE_MAX_IN_FLIGHT": ""}) == RequestLimits()


def test_settings_read_the_limits():
    from grappe.service import Settings

    settings = Settings.from_env({"GRAPPE_MAX_QUEUED": "3", "GRAPPE_DATABASE_URL": "sqlite://"})
    assert settings.request_limits == RequestLimits(max_queued=3)
    assert Settings().request_limits == RequestLimits()


@pytest.mark.parametrize(
    ("environ", "match"),
    [
        ({"GRAPPE_MAX_IN_FLIGHT": "many"}, r"GRAPPE_MAX_IN_FLIGHT='many' must be a whole number"),
        ({"GRAPPE_MAX_IN_FLIGHT": "2.5"}, r"GRAPPE_MAX_IN_FLIGHT='2.5' must be a whole number"),
        ({"GRAPPE_QUEUE_TIMEOUT": "soon"}, r"GRAPPE_QUEUE_TIMEOUT='soon' must be a number of sec"),
        (
            {"GRAPPE_MAX_IN_FLIGHT": "0"},
            r"'max_in_flight' parameter of RequestLimits must be in the range \[1, 10000\]. "
            r"Got 0 instead. \(from GRAPPE_MAX_IN_FLIGHT=0\)",
        ),
        ({"GRAPPE_MAX_QUEUED": "-1"}, r"'max_queued' parameter of RequestLimits .*\[0, 100000\]"),
        ({"GRAPPE_QUEUE_TIMEOUT": "61"}, r"'queue_timeout' parameter .*\[0, 60\]"),
        ({"GRAPPE_RETRY_AFTER": "0"}, r"'retry_after' parameter .*\[1, 3600\]"),
    ],
)
def test_bad_limits_from_env(environ, match):
    with pytest.raises(InvalidParameterError, match=match):
        RequestLimits.from_env(environ)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"max_in_flight": 1.5}, "'max_in_flight' parameter of RequestLimits must be an integer"),
        ({"retry_after": 0.5}, "'retry_after' parameter of RequestLimits must be an integer"),
        ({"queue_timeout": -1}, r"'queue_timeout' parameter of RequestLimits .*\[0, 60\]"),
    ],
)
def test_bad_limits(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        RequestLimits(**kwargs)


def test_check_workers():
    assert check_workers(1) == 1
    assert check_workers(MAX_WORKERS, database_url="sqlite:///x.sqlite") == MAX_WORKERS
    assert check_workers(1, database_url="sqlite://") == 1  # one process may use memory
    for bad in (0, -1, MAX_WORKERS + 1, 2.0, True):
        with pytest.raises(InvalidParameterError, match=r"--workers must be a whole number from 1"):
            check_workers(bad)
    for memory in ("sqlite://", "sqlite:///:memory:"):
        with pytest.raises(InvalidParameterError, match="needs a database that every worker"):
            check_workers(2, database_url=memory)
