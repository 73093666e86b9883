"""Load test of the observatory on loopback: a mix of endpoints, then overload (bounded).

Pre-loads a temporary SQLite database with the bundled real data, checks that the API returns
the numbers of grappe.mapping computed side by side, and starts the real server the way a user
does: ``grappe serve --workers 2`` on 127.0.0.1 (a free port) in a subprocess. Then three
phases, each a MIX of six endpoints interleaved in a shuffled order (profile page, region page,
compare page, indicator list API, cluster list API, static file), the first and last at a fixed
rate (open loop):

1. ``--rate`` (200 req/s) for ``--seconds`` (25 s): p50/p95/p99 and errors per endpoint;
2. capacity: 16 clients sending the mix back to back for 5 s (closed loop): the rate the server
   sustains at that moment;
3. overload: ``--overload-rate`` (default twice that capacity) for ``--overload-seconds`` (20 s,
   at most 20,000 requests): the share of 503 answers (back-pressure,
   ``grappe.service.limits``), their latency, and the latency of the successful answers.

``--no-back-pressure`` starts the server with the limits lifted, for comparison.

Open loop: request i is due at t0 + i/rate whatever happened before, and its latency counts from
that due time, so a server (or client) that falls behind cannot hide its queueing. The client is
``--clients`` processes (1) speaking HTTP/1.1 through h11 on asyncio, each sending every
``clients``-th request of the schedule on its own keep-alive connections (opened as needed, up
to 256 each: a request finding none free waits, and that wait counts); it runs on
the same machine as the server, so each phase also reports the client's own lag (how late
requests left the client) and the machine's load average before and after.

Bounded: at most 20,000 requests per phase, a 10 s timeout per request (waiting for a
connection included), loopback only; the server is stopped at the end. Not part of the test
suite.

Run: .venv/bin/python benchmarks/bench_observatory.py [--rate 200] [--seconds 25]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import h11
import httpx
import numpy as np

from _harness import load_line

#: The mix: name → path (Michigan's automotive cluster, Michigan, Ohio's automotive cluster).
ENDPOINTS = {
    "profile page": "/clusters/us-26-4-automotive?lang=fr",
    "region page": "/regions/US-26?lang=fr",
    "compare page": "/compare?a=us-26-4-automotive&b=us-39-4-automotive&lang=fr",
    "indicator list API": "/api/v1/indicators?region=US-26&year=2021&limit=100",
    "cluster list API": "/api/v1/clusters?region=US-26&limit=50",
    "static file": "/static/css/site.css",
}
TIMEOUT = 10.0
MAX_CONNECTIONS = 256
#: Idle connections older than this are not reused: uvicorn closes them after 5 s.
KEEP_ALIVE = 4.0
#: Clients of the closed-loop capacity measure: fewer than the server's request slots
#: (2 workers × 8 in flight + 32 queued), so that it measures throughput, not refusals.
CAPACITY_USERS = 16


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(url: str, port: int, workers: int, limits: bool) -> subprocess.Popen[bytes]:
    """``grappe serve --workers N`` as a user starts it; settings from the environment."""
    env = {**os.environ, "GRAPPE_ENVIRONMENT": "production", "GRAPPE_ADMIN_TOKEN": ""}
    if not limits:  # back-pressure off: every request admitted at once
        env.update(GRAPPE_MAX_IN_FLIGHT="10000", GRAPPE_MAX_QUEUED="0")
    env.pop("GRAPPE_DATABASE_URL", None)
    cmd = [sys.executable, "-c", "from grappe.cli.main import app; app()", "serve",
           "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
           "--database", url]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            # Every endpoint answers (the warm-up phase below reaches every worker).
            if all(
                httpx.get(f"http://127.0.0.1:{port}{path}", timeout=5).status_code == 200
                for path in ENDPOINTS.values()
            ):
                return proc
        except httpx.TransportError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start")


def _schedule(n: int, seed: int) -> list[str]:
    """``n`` endpoint names, interleaved: each block of six is a shuffled round of the mix."""
    rng = random.Random(seed)
    names = list(ENDPOINTS)
    order: list[str] = []
    while len(order) < n:
        block = names[:]
        rng.shuffle(block)
        order.extend(block)
    return order[:n]


class _Connections:
    """Keep-alive HTTP/1.1 connections to the server, opened as needed (at most ``cap``).

    The load generator speaks HTTP through h11 (the protocol library under uvicorn and httpx)
    on asyncio streams: about 0.25 ms of client CPU per request, against about 2 ms with
    httpx's client, which matters when the client shares the server's two cores.
    """

    def __init__(self, host: str, port: int, cap: int) -> None:
        self.host, self.port, self.cap = host, port, cap
        self.idle: list[tuple[Any, Any, h11.Connection, float]] = []  # reader, writer, h11, used
        self.open = 0
        self.freed = asyncio.Condition()

    async def get(self, path: str) -> int:
        """Status of ``GET path``; raises on a broken connection (callers bound the time)."""
        loop = asyncio.get_running_loop()
        async with self.freed:
            await self.freed.wait_for(lambda: self.idle or self.open < self.cap)
            reader = writer = None
            if self.idle:
                reader, writer, conn, last_used = self.idle.pop()
                if loop.time() - last_used > KEEP_ALIVE:  # the server may have closed it
                    writer.close()
                    reader = writer = None
            else:
                self.open += 1
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(self.host, self.port)
                conn = h11.Connection(h11.CLIENT)
            status = await self._exchange(reader, writer, conn, path)
        except BaseException:
            if writer is not None:
                writer.close()
            await self._forget()
            raise
        if conn.our_state is h11.DONE and conn.their_state is h11.DONE:
            conn.start_next_cycle()
            async with self.freed:
                self.idle.append((reader, writer, conn, loop.time()))
                self.freed.notify()
        else:
            writer.close()
            await self._forget()
        return status

    async def _forget(self) -> None:
        async with self.freed:
            self.open -= 1
            self.freed.notify()

    async def _exchange(self, reader, writer, conn, path: str) -> int:  # type: ignore[no-untyped-def]
        request = h11.Request(method="GET", target=path, headers=[("Host", self.host)])
        writer.write(conn.send(request) + conn.send(h11.EndOfMessage()))
        status = 0
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                conn.receive_data(await reader.read(65536))
            elif isinstance(event, h11.Response):
                status = event.status_code
            elif isinstance(event, h11.EndOfMessage):
                return status
            elif isinstance(event, h11.ConnectionClosed):
                raise ConnectionResetError("the server closed the connection")

    async def close(self) -> None:
        for _reader, writer, _conn, _used in self.idle:
            writer.close()


async def _client_part(port: int, rate: float, order: list[str], part: int, parts: int,
                       sync: tuple) -> list[tuple[str, object, float, float]]:  # fmt: skip
    """Send requests ``part``, ``part + parts``, … of ``order``; each due at t0 + i / rate."""
    ready, go, t0_wall = sync
    pool = _Connections("127.0.0.1", port, MAX_CONNECTIONS)
    results: list[tuple[str, object, float, float]] = []
    # Open a few connections before the clock starts (client start-up is not the server's).
    await asyncio.gather(*(pool.get(ENDPOINTS["static file"]) for _ in range(8)))
    ready.wait()  # every client process is up and connected ...
    go.wait()  # ... and the parent has set the common start time
    loop = asyncio.get_running_loop()
    t0 = loop.time() + (t0_wall.value - time.time())

    async def one(i: int, name: str) -> None:
        scheduled = t0 + i / rate
        lag = loop.time() - scheduled
        try:
            # The timeout covers everything: waiting for a free connection, connecting, answer.
            status: object = await asyncio.wait_for(pool.get(ENDPOINTS[name]), TIMEOUT)
        except (OSError, TimeoutError, h11.ProtocolError) as exc:
            status = type(exc).__name__
        results.append((name, status, loop.time() - scheduled, lag))

    tasks = []
    for i in range(part, len(order), parts):
        delay = t0 + i / rate - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, order[i])))
    await asyncio.gather(*tasks)
    await pool.close()
    return results


def _client_process(args: tuple, out: mp.Queue) -> None:
    out.put(asyncio.run(_client_part(*args)))


def _phase(port: int, rate: float, seconds: float, clients: int, seed: int) -> list[tuple]:
    order = _schedule(int(rate * seconds), seed)
    ctx = mp.get_context("spawn")
    ready, go, out = ctx.Barrier(clients + 1), ctx.Event(), ctx.Queue()
    t0_wall = ctx.Value("d", 0.0)
    sync = (ready, go, t0_wall)
    procs = [
        ctx.Process(target=_client_process, args=((port, rate, order, part, clients, sync), out))
        for part in range(clients)
    ]
    for proc in procs:
        proc.start()
    ready.wait(timeout=120)
    t0_wall.value = time.time() + 0.2
    go.set()
    parts = [out.get(timeout=seconds + 4 * TIMEOUT + 60) for _ in procs]
    for proc in procs:
        proc.join(timeout=30)
    return [r for part in parts for r in part]


async def _closed_loop(port: int, users: int, seconds: float) -> tuple[int, int]:
    """``users`` clients each sending the mix back to back for ``seconds``: (200s, others)."""
    pool = _Connections("127.0.0.1", port, users)
    names = list(ENDPOINTS)
    counts = [0, 0]
    end = asyncio.get_running_loop().time() + seconds

    async def user(k: int) -> None:
        i = k
        while asyncio.get_running_loop().time() < end:
            try:
                path = ENDPOINTS[names[i % len(names)]]
                ok = await asyncio.wait_for(pool.get(path), TIMEOUT) == 200
            except (OSError, TimeoutError, h11.ProtocolError):
                ok = False
            counts[0 if ok else 1] += 1
            i += 1

    await asyncio.gather(*(user(k) for k in range(users)))
    await pool.close()
    return counts[0], counts[1]


def _capacity_process(args: tuple) -> tuple[int, int]:
    return asyncio.run(_closed_loop(*args))


def _capacity(port: int, users: int, seconds: float) -> float:
    """Requests per second the server answers 200 when kept busy (closed loop, no 503)."""
    with mp.get_context("spawn").Pool(1) as pool:
        pool.apply(_capacity_process, ((port, users, 1.0),))  # warm-up
        ok, other = pool.apply(_capacity_process, ((port, users, seconds),))
    print(f"\ncapacity: {users} clients back to back for {seconds:g} s, the endpoints in turn: "
          f"{ok / seconds:.0f} req/s answered 200 ({other} other answers); load average now "
          f"{_load()} [engine: {ENGINE[0]}]")  # fmt: skip
    return ok / seconds


def _summary(results: list[tuple]) -> dict[str, dict[str, float]]:
    """Per endpoint (and "all"): count, ok, 503s, errors, latency of the successful ones."""
    out = {}
    for name in [*ENDPOINTS, "all"]:
        rows = [r for r in results if name in ("all", r[0])]
        ok = np.array([r[2] for r in rows if r[1] == 200]) * 1000.0
        refused = np.array([r[2] for r in rows if r[1] == 503]) * 1000.0
        pct = np.percentile(ok, [50, 95, 99]) if len(ok) else [float("nan")] * 3
        out[name] = {
            "requests": len(rows),
            "ok": len(ok),
            "503": len(refused),
            "503 p95": float(np.percentile(refused, 95)) if len(refused) else float("nan"),
            "errors": len(rows) - len(ok) - len(refused),
            "p50": pct[0],
            "p95": pct[1],
            "p99": pct[2],
            "max": float(ok.max()) if len(ok) else float("nan"),
        }
    return out


ENGINE: list[str] = []  # set in main(): what serves the requests, for every printed result


def _print(title: str, results: list[tuple], rate: float, seconds: float, cpu: float) -> dict:
    figures = _summary(results)
    lag = np.array([r[3] for r in results]) * 1000.0
    print(f"\n{title}: {rate:g} req/s for {seconds:g} s ({len(results)} requests, the six "
          f"endpoints interleaved in one shuffled stream) [engine: {ENGINE[0]}]")  # fmt: skip
    print("latency of the successful (200) answers, and p95 of the 503 answers:")
    print(f"{'endpoint':<20} {'requests':>8} {'ok':>6} {'503':>6} {'errors':>6} "
          f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'503 p95':>8}")  # fmt: skip
    for name, f in figures.items():
        print(f"{name:<20} {f['requests']:>8d} {f['ok']:>6d} {f['503']:>6d} {f['errors']:>6d} "
              f"{f['p50']:>8.1f} {f['p95']:>8.1f} {f['p99']:>8.1f} {f['max']:>8.1f} "
              f"{f['503 p95']:>8.1f}")  # fmt: skip
    kinds = sorted({str(r[1]) for r in results if r[1] not in (200, 503)})
    if kinds:
        print("other answers:", ", ".join(kinds))
    print(f"client lag (request left the client late by): p95 {np.percentile(lag, 95):.1f} ms, "
          f"max {lag.max():.1f} ms; load average now {_load()}")  # fmt: skip
    print(f"server CPU: {cpu:.1f} s in all, {1000 * cpu / len(results):.2f} ms per request")
    return figures


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its descendants (Linux /proc)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            stack += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _check_identical(base: str) -> int:
    from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
    from grappe.mapping import map_clusters

    ref = map_clusters(
        read_regional_table(bundled_cbp_state_path(), source="cbp"),
        load_definitions("us-benchmark"),
    ).indicators
    ref = ref[(ref["region"] == "26") & (ref["year"] == 2021)]
    got = httpx.get(
        f"{base}/api/v1/indicators", params={"region": "US-26", "year": 2021, "limit": 500}
    ).json()
    api = {r["cluster"]: r for r in got["data"]}
    mismatches = 0
    for row in ref.itertuples(index=False):
        a = api[str(row.cluster)]
        same = a["employment"] == row.employment and a["strong"] == bool(row.strong)
        same &= (a["lq"] is None and row.lq != row.lq) or a["lq"] == row.lq
        mismatches += not same
    assert len(api) == len(ref)
    return mismatches


def _machine() -> str:
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} CPUs ({model})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=25.0, help="duration of phase 1")
    parser.add_argument(
        "--overload-rate", type=float, default=None, help="default: 2 × the measured capacity"
    )
    parser.add_argument("--overload-seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2, help="grappe serve --workers")
    parser.add_argument("--clients", type=int, default=1, help="load-generator processes")
    parser.add_argument(
        "--no-back-pressure", action="store_true", help="admit every request (for comparison)"
    )
    args = parser.parse_args()
    if args.rate * args.seconds > 20_000:
        raise SystemExit("bounded: at most 20,000 requests per phase")

    from grappe.service.bootstrap import load_bundled_data

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'observatory.sqlite'}"
        t = time.perf_counter()
        load_bundled_data(url)
        print(f"pre-loaded the bundled data in {time.perf_counter() - t:.1f} s")
        port = _free_port()
        server = _start_server(url, port, args.workers, not args.no_back_pressure)
        base = f"http://127.0.0.1:{port}"
        try:
            mismatches = _check_identical(base)
            print(f"API vs grappe.mapping (Michigan 2021, every cluster): {mismatches} mismatches")
            print(f"machine: {_machine()}; load average before: {_load()}")
            limits = "OFF" if args.no_back_pressure else "on (defaults)"
            import uvicorn

            ENGINE.append(f"grappe serve --workers {args.workers} (uvicorn {uvicorn.__version__}, "
                          f"SQLite WAL), back-pressure {limits}, loopback")  # fmt: skip
            print(f"server: grappe serve --workers {args.workers} (SQLite, WAL), back-pressure "
                  f"{limits}; client: {args.clients} process(es), h11 on asyncio")  # fmt: skip
            _phase(port, min(args.rate, 100), 2.0, args.clients, seed=0)  # warm-up
            cpu = _cpu_seconds(server.pid)
            results = _phase(port, args.rate, args.seconds, args.clients, 1)
            cpu, used = _cpu_seconds(server.pid), _cpu_seconds(server.pid) - cpu
            steady = _print("phase 1", results, args.rate, args.seconds, used)
            capacity = _capacity(port, CAPACITY_USERS, 5.0)
            overload = args.overload_rate or 2 * max(capacity, args.rate)
            # Bounded: at most 20,000 requests (the phase is shortened if need be).
            seconds = min(args.overload_seconds, 20_000 / overload)
            cpu = _cpu_seconds(server.pid)
            results = _phase(port, overload, seconds, args.clients, 2)
            used = _cpu_seconds(server.pid) - cpu
            over = _print("phase 2 (overload)", results, overload, seconds, used)
            a, b = steady["all"], over["all"]
            met = a["errors"] == 0 and a["503"] == 0 and a["p95"] < 100
            print(f"\ntarget 1 ({args.rate:g} req/s mixed, p95 < 100 ms, no error): "
                  f"{'met' if met else 'NOT met'} (p95 {a['p95']:.1f} ms) "
                  f"[engine: {ENGINE[0]}]")  # fmt: skip
            share = b["503"] / b["requests"]
            print(f"overload ({overload:g} req/s): {share:.1%} answered 503, "
                  f"{b['errors']} errors; successful p95 {b['p95']:.1f} ms, "
                  f"p99 {b['p99']:.1f} ms, max {b['max']:.1f} ms; 503 answers' p95 "
                  f"{b['503 p95']:.1f} ms [engine: {ENGINE[0]}]")  # fmt: skip
            print(load_line("at the end"))
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
