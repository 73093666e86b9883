"""Benchmark of the qualification, matchmaking and report parts (issue 7), in one process.

Figures printed: time of each step and, where a peer library computes the same thing, the
ratio against it and the largest difference between the two results (they must agree).

    .venv/bin/python benchmarks/bench_assess.py [--repeat 3]

grappe and each peer run **interleaved** (A B A B), the same number of counted runs each;
medians [min–max], ratios run by run, the engine on every line and the load average before
and after are printed (``benchmarks/README.md``). Steps without a peer get the same treatment
(median [min–max] of ``--repeat`` runs).

Peers: scikit-learn ``haversine_distances`` (great-circle distance), numpy ``digitize`` (the
1–5 band scores). Data: the bundled CBP state table (2017–2021) mapped with us-benchmark, the
Knoke example network, and synthetic (seeded) needs/capabilities for matchmaking.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from _harness import Call, compare_calls, load_line, numpy_blas, print_calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="counted runs of each side")
    repeat = parser.parse_args().repeat
    import sklearn
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
    grappe_np = f"grappe ({numpy_blas()})"
    print(load_line("at start"))

    def one(label: str, func, engine: str, runs: int = repeat):
        report = compare_calls([Call(label, func, engine=engine)], runs=runs, warmup=0)
        print_calls(report)
        return report[label].result

    # 1. Great-circle distances: grappe vs scikit-learn, 2,000 × 2,000 pairs.
    a = rng.uniform([-60, -180], [60, 180], size=(2000, 2))
    b = rng.uniform([-60, -180], [60, 180], size=(2000, 2))
    report = compare_calls(
        [
            Call(
                "grappe haversine_km",
                lambda: haversine_km(a[:, [0]], a[:, [1]], b[:, 0], b[:, 1]),
                engine=f"{grappe_np}, vectorised",
            ),
            Call(
                "scikit-learn haversine",
                lambda: haversine_distances(np.radians(a), np.radians(b)) * 6371.0088,
                engine=f"scikit-learn {sklearn.__version__} (Cython)",
            ),
        ],
        runs=repeat,
        warmup=1,
    )
    print_calls(report, title="haversine, 2,000 x 2,000 pairs")
    diff = np.abs(report["grappe haversine_km"].result - report["scikit-learn haversine"].result)
    print(f"  max |diff| {diff.max():.2e} km [engines: {grappe_np} / scikit-learn]")
    if diff.max() > 1e-6:
        raise SystemExit("haversine differs from scikit-learn")

    # 2. Band scores: grappe band_score (one value per call) vs numpy digitize, 100,000 values.
    values = rng.normal(1, 0.5, 100_000)
    cuts = (0.8, 1.0, 1.2, 1.5)
    report = compare_calls(
        [
            Call(
                "grappe band_score per value",
                lambda: np.array([band_score(v, cuts) for v in values]),
                engine="grappe band_score, a Python call per value",
            ),
            Call(
                "numpy digitize",
                lambda: np.digitize(values, cuts, right=False) + 1.0,
                engine=f"numpy {np.__version__} digitize (vectorised)",
            ),
        ],
        runs=repeat,
        warmup=0,
    )
    print_calls(report, title="band scores, 100,000 values")
    same = bool(
        np.array_equal(
            report["grappe band_score per value"].result, report["numpy digitize"].result
        )
    )
    print(f"  identical {same} [engines: grappe band_score / numpy digitize]")
    if not same:
        raise SystemExit("band scores differ from numpy digitize")

    # 3. Qualification of every state's traded clusters from real data.
    print("\nmapping (bundled CBP, us-benchmark):")
    cmap = one(
        "read + map_clusters",
        lambda: map_clusters(
            read_regional_table(bundled_cbp_state_path(), source="cbp"),
            load_definitions("us-benchmark"),
        ),
        "grappe.io + grappe.mapping (pyarrow, numpy)",
    )
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

    print(f"\nqualification of {len(pairs)} state×cluster pairs:")
    levels = one("qualify", qualify, "grappe.assess (pandas)")
    counts = pd.Series(levels).value_counts().to_dict()
    print(f"  classes {counts}")

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
    print("\nmatchmaking 50 needs x 2000 SMEs (100,000 pairs):")
    result = one("match", lambda: match(needs, caps, top=10), "grappe.matchmaking (numpy)")
    print(f"  {len(result)} matches kept")

    # 5. The report: Michigan automotive + Knoke network.
    summary = diagnose(read_example_network("knoke")).summary
    print("\nreport, Michigan automotive + Knoke network:")
    report = one(
        "build_report",
        lambda: build_report(ind, region="26", cluster="4", network=summary),
        "grappe.reports (pandas)",
    )
    import weasyprint

    for lang in ("fr", "ar", "en"):
        with tempfile.TemporaryDirectory() as tmp:
            timed = compare_calls(
                [
                    Call(
                        f"HTML {lang}",
                        lambda lang=lang: render_html(report, lang=lang),
                        engine="grappe.reports (Jinja2, matplotlib)",
                    ),
                    Call(
                        f"PDF {lang}",
                        lambda lang=lang, tmp=tmp: write_pdf(
                            report, Path(tmp) / f"r_{lang}.pdf", lang=lang
                        ),
                        engine=f"grappe.reports HTML + WeasyPrint {weasyprint.__version__}",
                    ),
                ],
                runs=repeat,
                warmup=0,
            )
        print_calls(timed)
    print(load_line("at the end"))


if __name__ == "__main__":
    main()
