"""Gould–Fernandez brokerage: a hand-worked graph, brute force, properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from _network_helpers import brute_force_brokerage, network_from_arcs
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import InvalidParameterError
from grappe.network.brokerage import ROLES, brokerage, brokerage_counts

# The hand-worked graph. Spheres: e1, e2, e3 enterprise (E); u university (U); p1, p2 public (P).
# Arcs: e1→e2, e2→e3, e3→e2, e2→u, e1→u, u→p1, e3→p1, p1→p2, p2→u.
#
# Two-paths a → v → c through each broker v (a ≠ c; dropped when the arc a → c exists):
#   e1: no in-arc                                  → nothing
#   e2: e1→e2→e3  E,E,E  e1→e3 absent              → coordinator
#       e1→e2→u   closed by e1→u                   → dropped
#       e3→e2→e3  a = c                            → dropped
#       e3→e2→u   E,E,U  e3→u absent               → representative
#   e3: e2→e3→e2  a = c → dropped; e2→e3→p1 E,E,P  → representative
#   u:  e2→u→p1   E,U,P                            → liaison
#       e1→u→p1   E,U,P                            → liaison
#       p2→u→p1   P,U,P  p2→p1 absent              → itinerant
#   p1: u→p1→p2   U,P,P                            → gatekeeper
#       e3→p1→p2  E,P,P                            → gatekeeper
#   p2: p1→p2→u   P,P,U  p1→u absent               → representative
SPHERES_TOY = {
    "e1": "enterprise",
    "e2": "enterprise",
    "e3": "enterprise",
    "u": "university",
    "p1": "public",
    "p2": "public",
}
ARCS_TOY = [
    ("e1", "e2"),
    ("e2", "e3"),
    ("e3", "e2"),
    ("e2", "u"),
    ("e1", "u"),
    ("u", "p1"),
    ("e3", "p1"),
    ("p1", "p2"),
    ("p2", "u"),
]
#             coordinator itinerant representative gatekeeper liaison
EXPECTED_TOY = {
    "e1": [0, 0, 0, 0, 0],
    "e2": [1, 0, 1, 0, 0],
    "e3": [0, 0, 1, 0, 0],
    "u": [0, 1, 0, 0, 2],
    "p1": [0, 0, 0, 2, 0],
    "p2": [0, 0, 1, 0, 0],
}


def test_hand_worked_roles():
    net = network_from_arcs(ARCS_TOY, SPHERES_TOY)
    got = brokerage(net)
    for actor, expected in EXPECTED_TOY.items():
        assert got.loc[actor, list(ROLES)].tolist() == expected, actor
    assert got.loc["u", "between"] == 3 and got.loc["e2", "between"] == 1
    assert (got["total"] == got[list(ROLES)].sum(axis=1)).all()


def test_hand_worked_roles_by_level():
    # all local except u (national): only two-paths through or to u cross levels
    levels = dict.fromkeys(SPHERES_TOY, "local") | {"u": "national"}
    net = network_from_arcs(ARCS_TOY, SPHERES_TOY, levels=levels)
    got = brokerage(net, by="level")
    # u mediates e2→u→p1, e1→u→p1, p2→u→p1 between local actors: 3 itinerant
    assert got.loc["u", list(ROLES)].tolist() == [0, 3, 0, 0, 0]
    # e2: e1→e2→e3 coordinator, e3→e2→u representative (to the national level)
    assert got.loc["e2", list(ROLES)].tolist() == [1, 0, 1, 0, 0]
    # p1: u→p1→p2 gatekeeper (into the local level), e3→p1→p2 coordinator
    assert got.loc["p1", list(ROLES)].tolist() == [1, 0, 0, 1, 0]


def test_three_node_chains():
    # a → v → c with groups (A, B, A) is itinerant; (A, A, B) representative;
    # (A, B, B) gatekeeper; (A, B, C) liaison; (A, A, A) coordinator.
    A = np.array([[0, 1, 0], [0, 0, 1], [0, 0, 0]])
    cases = {
        (0, 1, 0): "itinerant",
        (0, 0, 1): "representative",
        (0, 1, 1): "gatekeeper",
        (0, 1, 2): "liaison",
        (0, 0, 0): "coordinator",
    }
    for groups, role in cases.items():
        counts = brokerage_counts(A, np.array(groups))
        assert counts[1].tolist() == [int(r == role) for r in ROLES]
        assert counts[0].sum() == counts[2].sum() == 0


def test_undirected_two_path_counts_both_ways():
    # a – v – c undirected, v in its own group: a→v→c and c→v→a are both liaison/itinerant
    net = network_from_arcs(
        [("a", "v"), ("v", "c")],
        {"a": "enterprise", "v": "support", "c": "university"},
        directed=False,
    )
    assert brokerage(net).loc["v", "liaison"] == 2


@pytest.mark.parametrize("seed", range(5))
def test_equals_brute_force_on_random_graphs(seed):
    rng = np.random.default_rng(seed)
    n = 15
    A = (rng.random((n, n)) < 0.3).astype(int)
    groups = rng.integers(0, 4, n)
    np.testing.assert_array_equal(brokerage_counts(A, groups), brute_force_brokerage(A, groups))


def test_diagonal_is_ignored():
    A = np.array([[1, 1, 0], [0, 1, 1], [0, 0, 1]])
    assert brokerage_counts(A, np.zeros(3, int))[1].tolist() == [1, 0, 0, 0, 0]


def test_bad_grouping():
    net = network_from_arcs(ARCS_TOY, SPHERES_TOY)
    with pytest.raises(InvalidParameterError, match=r"The 'by' parameter of brokerage"):
        brokerage(net, by="size")


graphs = st.integers(4, 9).flatmap(
    lambda n: st.tuples(
        st.lists(st.lists(st.booleans(), min_size=n, max_size=n), min_size=n, max_size=n),
        st.lists(st.integers(0, 2), min_size=n, max_size=n),
        st.permutations(list(range(n))),
    )
)


@settings(max_examples=60, deadline=None)
@given(graphs)
def test_property_brute_force_and_relabelling(data):
    rows, groups, perm = data
    A = np.array(rows, dtype=int)
    np.fill_diagonal(A, 0)
    g = np.array(groups)
    counts = brokerage_counts(A, g)
    np.testing.assert_array_equal(counts, brute_force_brokerage(A, g))
    # relabelling the nodes permutes the result
    p = np.array(perm)
    np.testing.assert_array_equal(brokerage_counts(A[np.ix_(p, p)], g[p]), counts[p])


@settings(max_examples=40, deadline=None)
@given(graphs, st.integers(0, 3))
def test_property_adding_an_isolate_changes_no_other_actor(data, group):
    rows, groups, _ = data
    A = np.array(rows, dtype=int)
    n = len(A)
    bigger = np.zeros((n + 1, n + 1), dtype=int)
    bigger[:n, :n] = A
    counts = brokerage_counts(A, np.array(groups))
    more = brokerage_counts(bigger, np.array([*groups, group]))
    np.testing.assert_array_equal(more[:n], counts)
    assert more[n].sum() == 0


def test_relabelling_actor_ids_keeps_results_by_id():
    net = network_from_arcs(ARCS_TOY, SPHERES_TOY)
    renamed = {k: f"z_{k}" for k in SPHERES_TOY}
    order = list(reversed(list(SPHERES_TOY)))
    net2 = network_from_arcs(
        [(renamed[a], renamed[b]) for a, b in ARCS_TOY], {renamed[k]: SPHERES_TOY[k] for k in order}
    )
    a = brokerage(net)
    b = brokerage(net2).rename(index={v: k for k, v in renamed.items()}).loc[a.index]
    pd.testing.assert_frame_equal(a, b)
