"""Benchmark of grappe.network: full diagnosis of a SYNTHETIC 10,000-actor, 100,000-tie
multiplex network, and grappe's kernels against networkx (and igraph) on sizes networkx can do.

The network is synthetic (generated with a seed below), not real data: 10,000 actors in the
seven spheres and four levels, 100,000 ties of six types with strengths 1–3, heavy-tailed
activity (log-normal), 30 % of ties undirected, two survey waves.

Run:  .venv/bin/python benchmarks/bench_network.py [--repeat 3]
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


def best_of(repeat: int, func, *args, **kwargs):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func(*args, **kwargs)
        times.append(time.perf_counter() - t0)
    return min(times), result


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
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    r = args.repeat
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, python {platform.python_version()}"
    )
    print(f"networkx {nx.__version__}, pandas {pd.__version__}, numpy {np.__version__}")
    try:
        import igraph

        print(f"igraph {igraph.__version__}")
    except ImportError:
        print("igraph not installed: betweenness falls back to networkx")

    # ------------------------------------------------------------ full diagnosis at scale
    actors, ties = synthetic_network(10_000, 100_000)
    print(f"\nSYNTHETIC network: {len(actors)} actors, {len(ties)} ties, {len(TYPES)} types")
    t0 = time.perf_counter()
    diagnose(build_network(actors, ties))
    print(f"first run, cold (imports igraph and scipy.optimize): {time.perf_counter() - t0:6.2f} s")

    def full():
        # a fresh network each time: the collapsed graph is cached on the network object
        net = build_network(actors, ties)
        return net, diagnose(net)

    t_build, net = best_of(r, build_network, actors, ties)
    print(f"build_network (validation + merge):   {t_build:6.2f} s")
    t_full, (net, diag) = best_of(r, full)
    print(f"build_network + diagnose (all measures, sampled betweenness k=256): {t_full:6.2f} s")
    print(f"  -> diagnosis alone ~{t_full - t_build:.2f} s; target < 10 s for the whole")
    t_w, _ = best_of(r, lambda: diagnose(build_network(actors, ties), wave="w2", before="w1"))
    print(f"build + diagnose wave w2 with change from w1: {t_w:6.2f} s")
    g_big = net.to_networkx()
    t_nx, ref = best_of(1, lambda: nx.constraint(g_big, weight="weight"))
    t_ours, ours = best_of(r, lambda: structural_holes(net)["constraint"].to_numpy())
    ref = np.array([ref[i] for i in net.index], dtype=float)
    print(
        f"  constraint at this size: grappe {t_ours:.2f} s, networkx {t_nx:.2f} s, "
        f"identical={np.allclose(ours, ref, equal_nan=True, atol=1e-12)}"
    )
    print("  kernels alone, on the collapsed graph already built:")
    for name, f in [
        ("brokerage by sphere", lambda: brokerage_counts(net.adjacency, net.actors["sphere"])),
        ("structural holes (constraint, eff. size)", lambda: structural_holes(net)),
        ("betweenness (k=256 sampled sources)", lambda: betweenness(net)),
    ]:
        t, _ = best_of(r, f)
        print(f"  {name:45s} {t:6.2f} s")
    print(f"  arcs in the collapsed graph: {len(net.arcs)}; density {diag.summary['density']:.5f}")

    # ------------------------------------------------------------ kernels vs peers
    a2, t2 = synthetic_network(1_000, 10_000, seed=7)
    small = build_network(a2, t2)
    g = small.to_networkx()
    print(f"\nPeers on a SYNTHETIC {small.n_actors}-actor, {len(small.arcs)}-arc network:")

    t_ours, ours = best_of(r, lambda: structural_holes(small)["constraint"].to_numpy())
    t_nx, ref = best_of(1, lambda: nx.constraint(g, weight="weight"))
    ref = np.array([ref[i] for i in small.index], dtype=float)
    same = np.allclose(ours, ref, equal_nan=True, atol=1e-12)
    print(
        f"constraint: grappe {t_ours:.3f} s, networkx {t_nx:.3f} s, "
        f"ratio {t_nx / t_ours:6.1f}x, identical={same}"
    )

    t_ours, ours = best_of(
        r, lambda: structural_holes(small, weighted=False)["effective_size"].to_numpy()
    )
    # networkx's all-nodes fast path divides by the wrong row maxima (3.6.1), so its per-node
    # definition is used, on 100 actors (it is slow), and its time scaled to all actors
    sample = [i for i in small.index if g.out_degree(i) > 0][:100]
    t_nx, ref = best_of(1, lambda: nx.effective_size(g, nodes=sample))
    pos = small.index.get_indexer(sample)
    same = np.allclose(ours[pos], [ref[i] for i in sample], atol=1e-12)
    t_nx_all = t_nx * small.n_actors / len(sample)
    print(
        f"effective size (unweighted): grappe {t_ours:.3f} s for all actors, networkx per-node "
        f"{t_nx:.3f} s for {len(sample)} actors (~{t_nx_all:.1f} s for all), "
        f"ratio ~{t_nx_all / t_ours:6.1f}x, identical={same}"
    )

    t_ours, ours = best_of(r, lambda: betweenness(small).to_numpy())
    t_nx, ref = best_of(1, lambda: nx.betweenness_centrality(g))
    ref = np.array([ref[i] for i in small.index])
    print(
        f"exact betweenness: grappe(igraph) {t_ours:.3f} s, networkx {t_nx:.3f} s, "
        f"ratio {t_nx / t_ours:6.1f}x, identical={np.allclose(ours, ref, atol=1e-12)}"
    )

    t_ours, ours = best_of(r, lambda: reciprocity(small))
    directed = small.ties[small.ties["directed"]]
    gd = nx.DiGraph(list(zip(directed["source"], directed["target"], strict=True)))
    t_nx, ref = best_of(r, lambda: nx.overall_reciprocity(gd))
    print(
        f"reciprocity of directed ties: grappe {t_ours:.4f} s, networkx {t_nx:.4f} s, "
        f"identical={abs(ours - ref) < 1e-12} ({ours:.6f})"
    )

    A = small.adjacency.toarray()
    groups = small.actors["sphere"].to_numpy()
    t_ours, ours = best_of(r, lambda: brokerage_counts(small.adjacency, groups))
    t_loop, ref = best_of(1, lambda: brute_force_brokerage(A, groups))
    print(
        f"Gould-Fernandez brokerage: grappe {t_ours:.3f} s, "
        f"Python loop over two-paths {t_loop:.3f} s, "
        f"ratio {t_loop / t_ours:6.1f}x, identical={np.array_equal(ours, ref)}"
    )


if __name__ == "__main__":
    main()
