"""Time the workspace's network diagnosis page (``GET /clusters/<id>/diagnosis``) as a signed-in
manager, on a SQLite registry holding a REAL actor network.

The real network is the Kecskemét printing cluster's advice network (Juhász & Lengyel 2018;
``../shared/data/cluster_knowledge_networks_kecskemet``, see its PROVENANCE.md): 28 firms over
two survey waves (2012: 223 ties, 2015: 181). It is the biggest real network in the shared data;
it has fewer than 100 actors, so the 100-actor goal is measured on a second cluster made of FOUR
disjoint copies of it (112 actors, 808 ties over the two waves; ids suffixed ``-0``…``-3``): the
same real structure, four times over, not a network anyone surveyed.

For each cluster, in one process with FastAPI's TestClient (the whole app: session cookie, CSRF,
routing, registry reads, template rendering; no network stack):

1. "Run the diagnosis" (``POST``), twice: TestClient runs the background job before it returns,
   so the time is the queueing, the kernel's full diagnosis of the last wave compared with the
   one before, and the stored JSON and texts (FR/EN/AR); the process's very first run also
   imports the kernel's libraries;
2. the page, cold (its first GET: the drawing's layout is computed once, then cached);
3. the page, warm: ``--repeat`` GETs, median and range.

Run: .venv/bin/python benchmarks/bench_diagnosis_page.py [--repeat 20] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

FOLDER = "cluster_knowledge_networks_kecskemet"
KERNEL = "?"
PASSWORD = "printing cluster 2026"


def _networks(data: Path):  # noqa: ANN202 - kernel objects
    from grappe.io.network import read_adjacency
    from grappe.network.model import build_network

    folder = data / FOLDER
    real = read_adjacency(
        {"2012": folder / "saom2018_KNetwork1.csv", "2015": folder / "saom2018_KNetwork2.csv"},
        type="advice",
        name="Kecskemét printing cluster",
    )
    actors, ties = [], []
    for k in range(4):
        a = real.actors[["id", "name", "sphere", "level"]].copy()
        a["id"] = a["id"] + f"-{k}"
        a["name"] = a["id"]
        t = real.ties[["source", "target", "type", "strength", "wave"]].copy()
        t["source"], t["target"] = t["source"] + f"-{k}", t["target"] + f"-{k}"
        actors.append(a)
        ties.append(t)
    four = build_network(pd.concat(actors, ignore_index=True), pd.concat(ties, ignore_index=True),
                         directed=True, name="Kecskemét × 4")  # fmt: skip
    return {"kecskemet": real, "kecskemet-x4": four}


def _csrf(text: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', text)
    if found is None:
        raise SystemExit("no CSRF field in the page")
    return found.group(1)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    if not (args.data / FOLDER).is_dir():
        raise SystemExit(f"{args.data / FOLDER} not found: pass --data")

    from fastapi.testclient import TestClient

    from grappe.registry import session_scope
    from grappe.registry.models import Cluster
    from grappe.registry.networks import store_network
    from grappe.registry.users import accept_invitation, invite
    from grappe.service import Settings, create_app

    global KERNEL  # noqa: PLW0603 - named once the libraries are imported
    import scipy

    try:
        import igraph

        KERNEL = f"scipy {scipy.__version__}, igraph {igraph.__version__}"
    except ImportError:
        KERNEL = f"scipy {scipy.__version__}, networkx"
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python "  # noqa: T201
          f"{platform.python_version()}; load average before: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")  # fmt: skip
    networks = _networks(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        app = create_app(Settings(database_url=url, environment="development"))
        with session_scope(app.state.sessions) as db:
            for cid, net in networks.items():
                db.add(Cluster(id=cid, name_en=net.name))
                db.flush()
                store_network(db, net, cluster=cid, who="bench")
            _, token = invite(db, "bench", email="mgr@bench.org", role="manager",
                              display_name="mgr", clusters=list(networks))  # fmt: skip
            accept_invitation(db, token, PASSWORD)
        with TestClient(app, base_url="http://127.0.0.1") as client:
            login = client.get("/login")
            signed = client.post(
                "/login",
                follow_redirects=False,
                data={
                    "email": "mgr@bench.org",
                    "password": PASSWORD,
                    "csrf_token": _csrf(login.text),
                },
            )
            if signed.status_code != 303:
                raise SystemExit(f"sign-in failed: {signed.status_code}")
            for cid, net in networks.items():
                page_url = f"/clusters/{cid}/diagnosis"
                first = client.get(page_url)
                runs = []
                for _ in range(2):  # the process's first run also imports igraph and scipy
                    t0 = time.perf_counter()
                    ran = client.post(page_url, follow_redirects=False,
                                      data={"csrf_token": _csrf(first.text)})  # fmt: skip
                    runs.append(time.perf_counter() - t0)
                    if ran.status_code != 303:
                        raise SystemExit(f"run failed: {ran.status_code}")
                t0 = time.perf_counter()
                cold = client.get(ran.headers["location"])
                cold_s = time.perf_counter() - t0
                if 'id="d-fig"' not in cold.text:
                    alert = re.findall(r"<li>(.*?)</li>", cold.text)
                    raise SystemExit(f"the page shows no stored diagnosis: {alert[:3]}")
                times = []
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    r = client.get(ran.headers["location"])
                    times.append(time.perf_counter() - t0)
                    assert r.status_code == 200  # noqa: S101 - a benchmark's sanity check
                waves = "/".join(net.waves)
                line = (
                    f"[engine: FastAPI TestClient in process, SQLite; kernel {KERNEL}] "
                    f"{cid}: {net.n_actors} actors, {len(net.ties)} ties, waves {waves}; "
                    f"run (POST, job inline) {_ms(runs[0])}, again {_ms(runs[1])}; "
                    f"page cold {_ms(cold_s)}; page warm median "
                    f"{_ms(statistics.median(times))} (range {_ms(min(times))}–"
                    f"{_ms(max(times))}, n={args.repeat}); {len(cold.content) // 1024} KiB"
                )
                print(line)  # noqa: T201
        app.state.sessions.kw["bind"].dispose()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
