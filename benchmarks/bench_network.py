"""Benchmark of grappe.network: full diagnosis of a SYNTHETIC 10,000-actor, 100,000-tie
multiplex network, and grappe's kernels against networkx (and igraph) on sizes networkx can do.

The network is synthetic (generated with a seed below), not real data: 10,000 actors in the
seven spheres and four levels, 100,000 ties of six types with strengths 1–3, heavy-tailed
activity (log-normal), 30 % of ties undirected, two survey waves.

Every comparison runs grappe and its peer **interleaved in this process** (A B A B), the same
number of counted runs each (``--repeat``), and prints medians [min–max], the ratio run by run,
the engine on every line and the load average before and after (``benchmarks/README.md``).
grappe's kernels are scipy.sparse products (no numba engine here); its betweenness is igraph's.

Run:  .venv/bin/python benchmarks/bench_network.py [--repeat 3] [--nx-sample 30]
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import time

import networkx as nx
import numpy as np
import pandas as pd

from _harness import Call, compare_calls, load_line, numpy_blas, print_calls
from grappe.network import (
    betweenness,
    brokerage_counts,
    build_network,
    diagnose,
    reciprocity,
    structural_holes,
)
from grappe.network.model import LEVELS, SPHERES

TYPES = ("information", "cooperation", "subcontracting", "funding", "training", "trust")


def synthetic_network(n_actors: int, n_ties: int, *, seed: int = 42):
    """A SYNTHETIC multiplex actor network (actors and ties DataFrames)."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"A{k:05d}" for k in range(n_actors)], dtype=object)
    spheres = rng.choice(SPHERES, n_actors, p=[0.70, 0.06, 0.06, 0.06, 0.06, 0.03, 0.03])
    levels = rng.choice(LEVELS, n_actors, p=[0.6, 0.2, 0.15, 0.05])
    actors = pd.DataFrame(
        {"id": ids, "sphere": spheres, "level": levels, "member": rng.random(n_actors) < 0.8}
    )
    activity = rng.lognormal(0, 1.0, n_actors)
    p = activity / activity.sum()
    draw = int(n_ties * 1.2)
    src = rng.choice(n_actors, draw, p=p)
    tgt = rng.choice(n_actors, draw, p=p)
    typ = rng.choice(len(TYPES), draw)
    directed = rng.random(draw) < 0.7
    u = np.where(directed, src, np.minimum(src, tgt))
    v = np.where(directed, tgt, np.maximum(src, tgt))
    frame = pd.DataFrame({"u": u, "v": v, "t": typ, "d": directed})
    frame = frame[frame["u"] != frame["v"]].drop_duplicates(["u", "v", "t", "d"])
    # an undirected and a directed tie of one type between the same pair would be two reports
    frame = frame.drop_duplicates(["u", "v", "t"]).head(n_ties)
    ties = pd.DataFrame(
        {
            "source": ids[frame["u"].to_numpy()],
            "target": ids[frame["v"].to_numpy()],
            "type": np.array(TYPES, dtype=object)[frame["t"].to_numpy()],
            "strength": rng.integers(1, 4, len(frame)),
            "directed": frame["d"].to_numpy(),
            "wave": np.where(rng.random(len(frame)) < 0.5, "w1", "w2"),
        }
    )
    return actors, ties


def brute_force_brokerage(A, groups):
    """Gould–Fernandez counts by a Python loop over two-paths (the naïve peer)."""
    succ = [set(np.flatnonzero(A[v])) for v in range(len(A))]
    pred = [set(np.flatnonzero(A[:, v])) for v in range(len(A))]
    out = np.zeros((len(A), 5), dtype=int)
    for v in range(len(A)):
        for a, c in itertools.product(pred[v], succ[v]):
            if a == c or c in succ[a]:
                continue
            ga, gv, gc = groups[a], groups[v], groups[c]
            role = (
                0 if ga == gv == gc else 1 if ga == gc else 2 if ga == gv else 3 if gv == gc else 4
            )
            out[v, role] += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="counted runs of each side")
    parser.add_argument("--nx-sample", type=int, default=30, help="actors for nx.effective_size")
    args = parser.parse_args()
    r = args.repeat
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, python "
        f"{platform.python_version()}; {load_line('at start')}"
    )
    print(f"networkx {nx.__version__}, pandas {pd.__version__}, {numpy_blas()}")
    try:
        import igraph

        between = f"grappe via igraph {igraph.__version__}"
    except ImportError:
        between = f"grappe via networkx {nx.__version__} (igraph not installed)"
    kern = f"grappe scipy.sparse kernels ({numpy_blas()})"
    pure = f"networkx {nx.__version__} (pure Python)"
    print(f"engines: {kern}; betweenness {between}")

    # ------------------------------------------------------------ full diagnosis at scale
    actors, ties = synthetic_network(10_000, 100_000)
    print(f"\nSYNTHETIC network: {len(actors)} actors, {len(ties)} ties, {len(TYPES)} types")
    t0 = time.perf_counter()
    diagnose(build_network(actors, ties))
    print(
        f"first run, cold (imports igraph and scipy.optimize): {time.perf_counter() - t0:6.2f} s "
        f"[engine: {kern}; {between}]"
    )

    def full():
        # a fresh network each time: the collapsed graph is cached on the network object
        net = build_network(actors, ties)
        return net, diagnose(net)

    report = compare_calls(
        [
            Call("build_network", lambda: build_network(actors, ties), engine=kern),
            Call("build + diagnose", full, engine=f"{kern}; {between}"),
            Call(
                "build + diagnose w2 vs w1",
                lambda: diagnose(build_network(actors, ties), wave="w2", before="w1"),
                engine=f"{kern}; {between}",
            ),
        ],
        runs=r,
        warmup=0,
    )
    print_calls(report, title="build and full diagnosis (sampled betweenness k=256); target < 10 s")
    net, diag = report["build + diagnose"].result
    g_big = net.to_networkx()
    report = compare_calls(
        [
            Call(
                "grappe constraint",
                lambda: structural_holes(net)["constraint"].to_numpy(),
                engine=kern,
            ),
            Call("networkx constraint", lambda: nx.constraint(g_big, weight="weight"), engine=pure),
        ],
        runs=r,
        warmup=0,
    )
    print_calls(report, title=f"constraint at {net.n_actors:,} actors")
    ours = report["grappe constraint"].result
    ref = report["networkx constraint"].result
    ref = np.array([ref[i] for i in net.index], dtype=float)
    same = np.allclose(ours, ref, equal_nan=True, atol=1e-12)
    print(
        f"  networkx / grappe ×{report.ratio('networkx constraint', 'grappe constraint')}, "
        f"identical={same} [engines: {pure} / {kern}]"
    )
    if not same:
        raise SystemExit("constraint differs from networkx")
    report = compare_calls(
        [
            Call(
                "brokerage by sphere",
                lambda: brokerage_counts(net.adjacency, net.actors["sphere"]),
                engine=kern,
            ),
            Call("structural holes", lambda: structural_holes(net), engine=kern),
            Call("betweenness (k=256 sources)", lambda: betweenness(net), engine=between),
        ],
        runs=r,
        warmup=0,
    )
    print_calls(report, title="kernels alone, on the collapsed graph already built")
    print(f"  arcs in the collapsed graph: {len(net.arcs)}; density {diag.summary['density']:.5f}")

    # ------------------------------------------------------------ kernels vs peers
    a2, t2 = synthetic_network(1_000, 10_000, seed=7)
    small = build_network(a2, t2)
    g = small.to_networkx()
    print(f"\nPeers on a SYNTHETIC {small.n_actors}-actor, {len(small.arcs)}-arc network:")

    def versus(title, ours_call, peer_call, check) -> None:
        report = compare_calls([ours_call, peer_call], runs=r, warmup=0)
        print_calls(report, title=title)
        same = check(report[ours_call.label].result, report[peer_call.label].result)
        print(
            f"  {peer_call.label} / {ours_call.label} = "
            f"×{report.ratio(peer_call.label, ours_call.label)}, identical={same} "
            f"[engines: {peer_call.engine} / {ours_call.engine}]"
        )
        if not same:
            raise SystemExit(f"{title}: grappe differs from its peer")

    versus(
        "Burt's constraint (weighted)",
        Call(
            "grappe",
            lambda: structural_holes(small)["constraint"].to_numpy(),
            engine=kern,
        ),
        Call("networkx", lambda: nx.constraint(g, weight="weight"), engine=pure),
        lambda ours, ref: np.allclose(
            ours, [ref[i] for i in small.index], equal_nan=True, atol=1e-12
        ),
    )

    # networkx's all-nodes fast path divides by the wrong row maxima (3.6.1), so its per-node
    # definition is used, on a sample of actors (it is slow): grappe computes all actors at
    # once, so this ratio is extrapolated (networkx's time scaled to all actors), and said so
    sample = [i for i in small.index if g.out_degree(i) > 0][: args.nx_sample]
    pos = small.index.get_indexer(sample)
    report = compare_calls(
        [
            Call(
                "grappe, all actors",
                lambda: structural_holes(small, weighted=False)["effective_size"].to_numpy(),
                engine=kern,
            ),
            Call(
                f"networkx, {len(sample)} actors",
                lambda: nx.effective_size(g, nodes=sample),
                engine=pure,
            ),
        ],
        runs=r,
        warmup=0,
    )
    print_calls(report, title="effective size (unweighted)")
    ours = report["grappe, all actors"].result
    ref = report[f"networkx, {len(sample)} actors"].result
    same = np.allclose(ours[pos], [ref[i] for i in sample], atol=1e-12)
    t_nx_all = report.median(f"networkx, {len(sample)} actors") * small.n_actors / len(sample)
    print(
        f"  EXTRAPOLATED: networkx for all {small.n_actors} actors ≈ {t_nx_all:.0f} s "
        f"(its median × {small.n_actors}/{len(sample)}), ≈ ×"
        f"{t_nx_all / report.median('grappe, all actors'):,.0f} grappe's median; "
        f"identical on the sample={same} [engines: {pure} / {kern}]"
    )
    if not same:
        raise SystemExit("effective size differs from networkx")

    versus(
        "exact betweenness",
        Call("grappe", lambda: betweenness(small).to_numpy(), engine=between),
        Call("networkx", lambda: nx.betweenness_centrality(g), engine=pure),
        lambda ours, ref: np.allclose(ours, [ref[i] for i in small.index], atol=1e-12),
    )

    directed = small.ties[small.ties["directed"]]
    gd = nx.DiGraph(list(zip(directed["source"], directed["target"], strict=True)))
    versus(
        "reciprocity of directed ties",
        Call("grappe", lambda: reciprocity(small), engine=kern),
        Call("networkx", lambda: nx.overall_reciprocity(gd), engine=pure),
        lambda ours, ref: abs(ours - ref) < 1e-12,
    )

    A = small.adjacency.toarray()
    groups = small.actors["sphere"].to_numpy()
    versus(
        "Gould-Fernandez brokerage",
        Call("grappe", lambda: brokerage_counts(small.adjacency, groups), engine=kern),
        Call(
            "Python loop",
            lambda: brute_force_brokerage(A, groups),
            engine="pure Python loop over two-paths",
        ),
        lambda ours, ref: np.array_equal(ours, ref),
    )
    print(load_line("at the end"))


if __name__ == "__main__":
    main()
