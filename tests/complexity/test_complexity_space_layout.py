"""The product space's layout (grappe.complexity.space.space_layout) and its spanning tree taken
with SciPy: the same tree as networkx's maximum spanning tree, positions in the unit square,
linked products closer than unlinked ones, the same drawing for the same seed."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from grappe.complexity.space import industry_space, space_layout
from grappe.errors import InvalidParameterError


def _phi(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    values = rng.random((n, n))
    values = np.round((values + values.T) / 2, 3)  # ties on purpose: rounded weights
    np.fill_diagonal(values, 1.0)
    labels = [f"p{i}" for i in range(n)]
    return pd.DataFrame(values, index=labels, columns=labels)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_tree_weighs_as_much_as_networkx_maximum_spanning_tree(seed):
    phi = _phi(40, seed)
    full = nx.Graph()
    labels = list(phi.index)
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            full.add_edge(a, b, weight=float(phi.loc[a, b]))
    expected = sum(d["weight"] for _, _, d in nx.maximum_spanning_tree(full).edges(data=True))
    G = industry_space(phi, min_proximity=None)
    tree = [d["weight"] for _, _, d in G.edges(data=True) if d["tree"]]
    assert len(tree) == 39 and sum(tree) == pytest.approx(expected, abs=1e-9)
    assert nx.is_connected(G)


def test_a_matrix_without_links_gives_a_forest_of_single_nodes():
    phi = pd.DataFrame(np.eye(3), index=list("abc"), columns=list("abc"))
    assert industry_space(phi, min_proximity=None).number_of_edges() == 0


def test_layout_in_the_unit_square_linked_products_closer_and_seeded():
    G = industry_space(_phi(60, 3), min_proximity=None)  # a tree: 59 links
    pos = space_layout(G, seed=4)
    xy = np.array(list(pos.values()))
    assert xy.min() == pytest.approx(0.0) and xy.max() == pytest.approx(1.0)
    linked = np.mean([np.hypot(*np.subtract(pos[a], pos[b])) for a, b in G.edges()])
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, 60, size=(500, 2))
    anywhere = np.mean([np.hypot(*(xy[i] - xy[j])) for i, j in pairs if i != j])
    assert linked < anywhere / 2
    assert space_layout(G, seed=4) == pos and space_layout(G, seed=5) != pos


def test_one_node_and_bad_input():
    single = nx.Graph()
    single.add_node("a")
    assert set(space_layout(single)) == {"a"}
    with pytest.raises(InvalidParameterError, match="at least one node"):
        space_layout(nx.Graph())
    with pytest.raises(InvalidParameterError, match="at least one node"):
        space_layout({"a": 1})
    with pytest.raises(InvalidParameterError, match="'iterations'"):
        space_layout(single, iterations=0)
