"""Load test of the workspace pages: 20 signed-in users on one cluster, SQLite, loopback.

Builds a temporary SQLite registry the way the tests' template is built (migrated, the
synthetic toy registry imported through the API by :func:`grappe.service.testing.populate`),
then adds the Constantine copperware (dinanderie) cluster of the browser journey through the
registry functions the pages call: its 11 actors and 18 ties (``tests/fixtures/journey``), KPI
values for two periods, a SWOT drafted from the data. ``--users`` managers of that cluster
(20) are created by invitation, and each **signs in through the real form** (``GET /login``
for the CSRF field, ``POST /login``), keeping his session cookie.

The server is started as a user starts it: ``grappe serve --workers N`` on 127.0.0.1 (a free
port) in a subprocess. The pages are the cluster's profile and every page of
``grappe.web.views.workspace_links.WORKSPACE_PAGES``, **read at run time**, so a page added to
that table is measured without editing this script. Each user is a thread with its own HTTP
client (httpx, keep-alive) that requests the pages in a shuffled order, round after round,
back to back (closed loop; ``--think`` adds a pause between requests), in a language of its own
(fr, ar, en in turn). Latency is measured from sending to the last byte.

Bounded: ``--rounds`` rounds per user (20: 20 users × 11 pages × 20 = 4,400 requests with the
table of December 2026) and ``--seconds`` at most (60), a 10 s timeout per request, loopback
only; the server is stopped at the end. Prints p50/p95/max per page and overall, the errors,
and the machine's load average before and after. Not part of the test suite.

Run: .venv/bin/python benchmarks/bench_workspace.py [--users 20] [--rounds 20] [--workers 2]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import numpy as np

from _harness import load_line

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "journey"
CLUSTER = "dinanderie-constantine"
PASSWORD = "bench password 2026"
LANGUAGES = ("fr", "ar", "en")
TIMEOUT = 10.0
GOAL_P95 = 0.200


def _rows(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_registry(url: str, users: int) -> list[str]:
    """Migrate and fill the database at ``url``; return the managers' emails."""
    from fastapi.testclient import TestClient

    from grappe.registry import ensure_token, session_scope
    from grappe.registry.actor_entries import record_actor
    from grappe.registry.kpi_entries import check_kpi_entry, set_kpi
    from grappe.registry.permissions import Access
    from grappe.registry.repositories import create_cluster
    from grappe.registry.swot_drafts import draft_cluster_swot
    from grappe.registry.tie_entries import record_tie
    from grappe.registry.users import accept_invitation, invite
    from grappe.service import Settings, create_app
    from grappe.service.testing import populate, random_token

    token = random_token()
    app = create_app(Settings(database_url=url, environment="test"))  # migrates
    with session_scope(app.state.sessions) as db:
        ensure_token(db, "bench admin", token, role="admin")
    with TestClient(app) as client:
        populate(client, admin_token=token)  # the tests' toy registry
    who = Access("bench", "admin")
    with session_scope(app.state.sessions) as db:
        create_cluster(db, {"id": CLUSTER, "name_en": "Constantine copperware cluster",
                            "name_fr": "Grappe de la dinanderie de Constantine",
                            "name_ar": "عنقود النحاسيات بقسنطينة", "published": True},
                       who=who)  # fmt: skip
        ids = {}
        for actor in _rows("actors.csv"):
            fields = ("name_fr", "name_ar", "name_en", "sphere", "level", "wilaya")
            ids[actor["key"]] = record_actor(db, who, CLUSTER, {k: actor[k] for k in fields}).id
        for n, tie in enumerate(_rows("ties.csv")):
            record_tie(db, who, CLUSTER, {
                "reporter": ids[tie["source"]], "source": ids[tie["source"]],
                "target": ids[tie["target"]], "type": tie["type"], "strength": tie["strength"],
                "wave": "" if n == 0 else "2018", "new_wave": "2018" if n == 0 else "",
                "date": "2018-06-01" if n == 0 else "", "origin": "interview",
            })  # fmt: skip
        for name, period, value, target in (("members", "2023", "38", "40"),
                                            ("members", "2024", "47", "50"),
                                            ("trainings", "2023", "3", "4"),
                                            ("trainings", "2024", "5", "4")):  # fmt: skip
            entry, issues = check_kpi_entry({"name": name, "period": period, "value": value,
                                             "target": target, "unit": ""})  # fmt: skip
            if issues:
                raise SystemExit(f"bench data refused: {issues}")
            set_kpi(db, who, CLUSTER, entry)
        draft_cluster_swot(db, CLUSTER, date=dt.date(2026, 12, 1), who=who)
        emails = []
        for n in range(users):
            email = f"manager{n:02d}@bench.dz"
            _, link = invite(db, "bench", email=email, role="manager", display_name=email,
                             clusters=[CLUSTER])  # fmt: skip
            accept_invitation(db, link, PASSWORD)
            emails.append(email)
    app.state.sessions.kw["bind"].dispose()
    return emails


def pages() -> dict[str, str]:
    """Page name → path: the profile and every page of the workspace table (read now)."""
    from grappe.web.views.workspace_links import WORKSPACE_PAGES

    found = {"profile": f"/clusters/{CLUSTER}"}
    found.update({p.path: f"/clusters/{CLUSTER}/{p.path}" for p in WORKSPACE_PAGES})
    return found


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``grappe serve --workers N`` as a user starts it."""
    env = {**os.environ, "GRAPPE_ENVIRONMENT": "production", "GRAPPE_ADMIN_TOKEN": ""}
    env.pop("GRAPPE_DATABASE_URL", None)
    cmd = [sys.executable, "-c", "from grappe.cli.main import app; app()", "serve",
           "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
           "--database", url]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start")


def sign_in(base: str, email: str, lang: str) -> httpx.Client:
    """A client holding the session of ``email``, signed in through the form."""
    client = httpx.Client(base_url=base, timeout=TIMEOUT)
    form = client.get(f"/login?lang={lang}")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    if token is None:
        raise SystemExit("no CSRF field in /login")
    answer = client.post("/login", data={"email": email, "password": PASSWORD,
                                         "csrf_token": token.group(1)})  # fmt: skip
    if answer.status_code != 303 and not str(answer.url).endswith("/account"):
        raise SystemExit(f"sign-in of {email} failed: {answer.status_code}")
    return client


def run_user(client: httpx.Client, paths: dict[str, str], *, rounds: int, deadline: float,
             think: float, seed: int, out: list[tuple[str, float, int]]) -> None:  # fmt: skip
    """Request every page per round, shuffled, until ``rounds`` or ``deadline``."""
    rng = random.Random(seed)
    names = list(paths)
    for _ in range(rounds):
        rng.shuffle(names)
        for name in names:
            if time.monotonic() > deadline:
                return
            start = time.perf_counter()
            try:
                status = client.get(paths[name]).status_code
            except httpx.HTTPError:
                status = 0
            out.append((name, time.perf_counter() - start, status))
            if think:
                time.sleep(think)


def _line(name: str, seconds: np.ndarray, errors: int) -> str:
    p50, p95 = np.percentile(seconds, [50, 95]) * 1000
    goal = "ok" if p95 < GOAL_P95 * 1000 else "MISSED"
    return (f"{name:<15} {len(seconds):>6} {p50:>8.1f} {p95:>8.1f} {seconds.max() * 1000:>8.1f}"
            f" {errors:>6}  {goal}")  # fmt: skip


def engine(workers: int) -> str:
    """What serves the pages, for the printed lines."""
    import uvicorn

    return (
        f"grappe serve --workers {workers} (uvicorn {uvicorn.__version__}, SQLite), loopback; "
        "client: httpx threads in this process"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--think", type=float, default=0.0, help="pause between requests (s)")
    args = parser.parse_args()
    if not (1 <= args.users <= 100 and 1 <= args.rounds <= 200 and args.seconds <= 300):
        raise SystemExit("bounded: --users 1..100, --rounds 1..200, --seconds <= 300")
    print(load_line("at start"))
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'workspace.sqlite'}"
        start = time.perf_counter()
        emails = build_registry(url, args.users)
        print(f"registry built in {time.perf_counter() - start:.1f} s; {len(emails)} managers")
        paths = pages()
        port = _free_port()
        server = start_server(url, port, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            clients = [sign_in(base, e, LANGUAGES[n % len(LANGUAGES)])
                       for n, e in enumerate(emails)]  # fmt: skip
            for client in clients:  # warm-up: every page once per user, not counted
                for path in paths.values():
                    client.get(path)
            load_before = os.getloadavg()
            results: list[tuple[str, float, int]] = []
            deadline = time.monotonic() + args.seconds
            threads = [
                threading.Thread(target=run_user, args=(c, paths), kwargs={
                    "rounds": args.rounds, "deadline": deadline, "think": args.think,
                    "seed": n, "out": results})
                for n, c in enumerate(clients)
            ]  # fmt: skip
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - t0
            load_after = os.getloadavg()
            for client in clients:
                client.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        f"{args.users} signed-in users, {args.workers} workers, think {args.think} s, "
        f"{len(results)} requests in {elapsed:.1f} s ({len(results) / elapsed:.0f} req/s)"
    )
    print(
        "load average before " + " ".join(f"{x:.2f}" for x in load_before)
        + ", after " + " ".join(f"{x:.2f}" for x in load_after)
    )  # fmt: skip
    print(f"[engine: {engine(args.workers)}; every page below]")
    print(f"{'page':<15} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>6}")
    for name in paths:
        rows = [(s, code) for n, s, code in results if n == name]
        errors = sum(code != 200 for _, code in rows)
        print(_line(name, np.array([s for s, _ in rows]), errors))
    print(_line("overall", np.array([s for _, s, _ in results]),
                sum(code != 200 for *_, code in results)))  # fmt: skip
    print(load_line("at the end"))
    codes = sorted({code for *_, code in results if code != 200})
    if codes:  # 503: the server's back-pressure (grappe.service.limits); 0: no answer in time
        print("error answers:", {c: sum(code == c for *_, code in results) for c in codes})


if __name__ == "__main__":
    main()
