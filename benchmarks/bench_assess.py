"""Benchmark of the qualification, matchmaking and report parts (issue 7), in one process.

Figures printed: time of each step and, where a peer library computes the same thing, the
ratio against it and the largest difference between the two results (they must agree).

    .venv/bin/python benchmarks/bench_assess.py

Peers: scikit-learn ``haversine_distances`` (great-circle distance), numpy ``digitize`` (the
1–5 band scores). Data: the bundled CBP state table (2017–2021) mapped with us-benchmark, the
Knoke example network, and synthetic (seeded) needs/capabilities for matchmaking.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd


def best(func, repeat=3):
    times = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main() -> None:
    from sklearn.metrics.pairwise import haversine_distances

    from grappe.assess import (
        band_score,
        classify,
        cluster_evidence,
        diamond,
        lifecycle_series,
        lifecycle_stage,
        success_factors,
    )
    from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
    from grappe.io.network import read_example_network
    from grappe.mapping import map_clusters
    from grappe.matchmaking import haversine_km, match
    from grappe.network.diagnosis import diagnose
    from grappe.reports import build_report, render_html, write_pdf

    rng = np.random.default_rng(0)

    # 1. Great-circle distances: grappe vs scikit-learn, 2,000 × 2,000 pairs.
    a = rng.uniform([-60, -180], [60, 180], size=(2000, 2))
    b = rng.uniform([-60, -180], [60, 180], size=(2000, 2))
    t_ours, ours = best(lambda: haversine_km(a[:, [0]], a[:, [1]], b[:, 0], b[:, 1]))
    t_peer, peer = best(lambda: haversine_distances(np.radians(a), np.radians(b)) * 6371.0088)
    print(
        f"haversine 2000x2000: grappe {t_ours * 1e3:.1f} ms, scikit-learn "
        f"{t_peer * 1e3:.1f} ms, ratio {t_ours / t_peer:.2f}, max |diff| "
        f"{np.abs(ours - peer).max():.2e} km"
    )

    # 2. Band scores: grappe band_score vs numpy digitize, 100,000 values.
    values = rng.normal(1, 0.5, 100_000)
    cuts = (0.8, 1.0, 1.2, 1.5)
    t_ours, ours = best(lambda: np.array([band_score(v, cuts) for v in values]), repeat=1)
    t_peer, peer = best(lambda: np.digitize(values, cuts, right=False) + 1.0)
    print(
        f"band scores 100k: grappe {t_ours * 1e3:.1f} ms (per value), numpy digitize "
        f"{t_peer * 1e3:.2f} ms, ratio {t_ours / t_peer:.0f}, identical "
        f"{bool(np.array_equal(ours, peer))}"
    )

    # 3. Qualification of every state's traded clusters from real data.
    t0 = time.perf_counter()
    cmap = map_clusters(
        read_regional_table(bundled_cbp_state_path(), source="cbp"),
        load_definitions("us-benchmark"),
    )
    print(f"mapping (bundled CBP, us-benchmark): {time.perf_counter() - t0:.2f} s")
    ind = cmap.indicators
    traded = ind[ind["cluster_type"].astype(str) == "traded"]
    pairs = traded[["region", "cluster"]].drop_duplicates().astype(str)
    pairs = pairs.iloc[:: max(1, len(pairs) // 300)]

    def qualify():
        levels = []
        for region, cluster in pairs.itertuples(index=False):
            ev = cluster_evidence(ind, region=region, cluster=cluster)
            d = diamond(ev)
            sf = success_factors(ev)
            levels.append(classify(sf).level)
            lifecycle_stage(lifecycle_series(ind, region=region, cluster=cluster))
            del d
        return levels

    t, levels = best(qualify, repeat=1)
    counts = pd.Series(levels).value_counts().to_dict()
    print(
        f"qualification of {len(pairs)} state×cluster pairs: {t:.2f} s "
        f"({t / len(pairs) * 1e3:.1f} ms each); classes {counts}"
    )

    # 4. Matchmaking: 50 needs × 2,000 capabilities (synthetic, seeded).
    procs = np.array([f"p{i}" for i in range(30)])

    def firms(n, prefix):
        return pd.DataFrame(
            {
                "id": [f"{prefix}{i}" for i in range(n)],
                "processes": [";".join(rng.choice(procs, 4, replace=False)) for _ in range(n)],
                "materials": [
                    ";".join(rng.choice(["steel", "alu", "pet", "wood"], 2)) for _ in range(n)
                ],
                "certifications": [
                    ";".join(rng.choice(["iso9001", "iso14001", "iatf"], 1)) for _ in range(n)
                ],
                "capacity": rng.uniform(10, 1000, n),
                "lat": rng.uniform(34, 37, n),
                "lon": rng.uniform(-1, 8, n),
                "cluster": rng.choice(["a", "b", ""], n),
            }
        )

    needs = firms(50, "N").rename(columns={"id": "need_id"}).assign(firm="big")
    caps = firms(2000, "S").rename(columns={"id": "firm_id"})
    caps["name"] = caps["firm_id"]
    t, result = best(lambda: match(needs, caps, top=10), repeat=2)
    print(
        f"matchmaking 50 needs x 2000 SMEs: {t:.2f} s ({t / 100_000 * 1e6:.1f} µs per "
        f"pair), {len(result)} matches kept"
    )

    # 5. The report: Michigan automotive + Knoke network.
    summary = diagnose(read_example_network("knoke")).summary
    t, report = best(lambda: build_report(ind, region="26", cluster="4", network=summary), repeat=2)
    print(f"build_report: {t:.2f} s")
    for lang in ("fr", "ar", "en"):
        t_html, _ = best(lambda lang=lang: render_html(report, lang=lang), repeat=2)
        with tempfile.TemporaryDirectory() as tmp:
            t_pdf, _ = best(
                lambda lang=lang, tmp=tmp: write_pdf(
                    report, Path(tmp) / f"r_{lang}.pdf", lang=lang
                ),
                repeat=2,
            )
        print(f"report {lang}: HTML {t_html:.2f} s, PDF (HTML + WeasyPrint) {t_pdf:.2f} s")


if __name__ == "__main__":
    main()
