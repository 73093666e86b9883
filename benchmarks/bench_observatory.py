"""Load test of the observatory on loopback (bounded in time and count).

Starts uvicorn (two workers by default) in a subprocess on 127.0.0.1 with an SQLite database
pre-loaded with the bundled real data, then for each endpoint sends requests at a fixed rate
(open loop: each request has a scheduled start, and its latency is counted from that start, so a
slow server cannot hide its queueing) for a fixed duration, and prints the achieved rate,
p50/p95/p99 and the errors. The peer is the same server answering a static file
(/static/css/site.css): the ratio says what the page or query itself costs. It also checks that
the API's numbers are identical to those of grappe.mapping run side by side.

Run: .venv/bin/python benchmarks/bench_observatory.py [--rate 200] [--seconds 10]
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import numpy as np

ENDPOINTS = {
    "profile page": "/clusters/us-26-4-automotive?lang=fr",
    "indicator list": "/api/v1/indicators?region=US-26&year=2021&limit=100",
    "static file (peer)": "/static/css/site.css",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    # Settings come from the environment, as in production (no admin token: read-only load).
    env = {**os.environ, "GRAPPE_DATABASE_URL": url, "GRAPPE_ENVIRONMENT": "production",
           "GRAPPE_ADMIN_TOKEN": ""}  # fmt: skip
    cmd = [sys.executable, "-m", "uvicorn", "grappe.service.app:create_app", "--factory",
           "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
           "--log-level", "warning"]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if (
                httpx.get(f"http://127.0.0.1:{port}/static/css/site.css", timeout=1).status_code
                == 200
            ):
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def _load(base: str, path: str, rate: float, seconds: float, threads: int) -> dict[str, float]:
    """Open-loop load: request i is due at t0 + i/rate; latency counts from the due time.

    Each worker thread opens its HTTP client (and its connection) and makes one warm-up
    request before the clock starts, so that client start-up is not charged to the server.
    """
    n = int(rate * seconds)
    local = threading.local()

    def init() -> None:
        local.client = httpx.Client(base_url=base, timeout=10)
        local.client.get(path)

    with cf.ThreadPoolExecutor(threads, initializer=init) as pool:
        list(pool.map(lambda _: time.sleep(0.05), range(threads * 2)))  # start every thread
        t0 = time.perf_counter() + 0.2

        def one(i: int) -> tuple[float, bool]:
            scheduled = t0 + i / rate
            delay = scheduled - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            try:
                ok = local.client.get(path).status_code == 200
            except httpx.HTTPError:
                ok = False
            return time.perf_counter() - scheduled, ok

        results = list(pool.map(one, range(n)))
    elapsed = time.perf_counter() - t0
    lat = np.array([r[0] for r in results]) * 1000.0
    return {
        "requests": n,
        "rate": n / elapsed,
        "p50": float(np.percentile(lat, 50)),
        "p95": float(np.percentile(lat, 95)),
        "p99": float(np.percentile(lat, 99)),
        "errors": sum(1 for r in results if not r[1]),
    }


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=10.0, help="duration per endpoint")
    parser.add_argument("--threads", type=int, default=32, help="client threads")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    args = parser.parse_args()

    from grappe.service.bootstrap import load_bundled_data

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'observatory.sqlite'}"
        t = time.perf_counter()
        load_bundled_data(url)
        print(f"pre-loaded the bundled data in {time.perf_counter() - t:.1f} s")
        port = _free_port()
        server = _start_server(url, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        try:
            mismatches = _check_identical(base)
            print(f"API vs grappe.mapping (Michigan 2021, every cluster): {mismatches} mismatches")
            print(f"machine: {os.cpu_count()} cores; {args.rate:g} req/s, {args.seconds:g} s each; "
                  f"{args.threads} client threads; {args.workers} uvicorn workers")  # fmt: skip
            print(
                f"{'endpoint':<20} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
                f"{'errors':>7}"
            )
            figures = {}
            for name, path in ENDPOINTS.items():
                _load(base, path, args.rate, 1.0, args.threads)  # warm-up
                f = _load(base, path, args.rate, args.seconds, args.threads)
                figures[name] = f
                print(f"{name:<20} {f['rate']:>7.1f} {f['p50']:>8.1f} {f['p95']:>8.1f} "
                      f"{f['p99']:>8.1f} {f['errors']:>7d}")  # fmt: skip
            peer = figures["static file (peer)"]["p95"]
            for name in ("profile page", "indicator list"):
                print(f"p95 ratio {name} / static file: {figures[name]['p95'] / peer:.2f}")
            ok = all(f["errors"] == 0 and f["p95"] < 100 for f in figures.values())
            print("target (200 req/s, p95 < 100 ms, no error):", "met" if ok else "NOT met")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
