"""Builders and brute-force references shared by the network tests."""

from __future__ import annotations

import numpy as np
import pandas as pd

from grappe.network.brokerage import ROLES
from grappe.network.model import SPHERES, build_network


def network_from_arcs(arcs, spheres, *, levels=None, directed=True, strengths=None):
    """ActorNetwork from ``[(a, c), …]`` and a dict id → sphere."""
    ids = list(spheres)
    actors = pd.DataFrame(
        {
            "id": ids,
            "sphere": [spheres[i] for i in ids],
            "level": [levels[i] for i in ids] if levels else "local",
        }
    )
    ties = pd.DataFrame(arcs, columns=["source", "target"]).assign(type="information")
    if strengths is not None:
        ties["strength"] = strengths
    return build_network(actors, ties, directed=directed)


def random_network(seed, n=12, p=0.25, n_groups=3):
    rng = np.random.default_rng(seed)
    A = rng.random((n, n)) < p
    np.fill_diagonal(A, False)
    ids = [f"x{k}" for k in range(n)]
    spheres = {i: SPHERES[int(rng.integers(n_groups))] for i in ids}
    arcs = [(ids[a], ids[c]) for a, c in zip(*np.nonzero(A), strict=True)]
    strengths = rng.integers(1, 4, len(arcs))
    return network_from_arcs(arcs, spheres, strengths=strengths)


def brute_force_brokerage(A, groups):
    """Gould–Fernandez counts by the definition: loop over every two-path a → v → c."""
    A = np.asarray(A) != 0
    n = len(A)
    out = np.zeros((n, len(ROLES)), dtype=int)
    for v in range(n):
        for a in range(n):
            for c in range(n):
                if len({a, v, c}) < 3 or not (A[a, v] and A[v, c]) or A[a, c]:
                    continue
                ga, gv, gc = groups[a], groups[v], groups[c]
                if ga == gv == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "itinerant"
                elif ga == gv:
                    role = "representative"
                elif gv == gc:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                out[v, ROLES.index(role)] += 1
    return out
