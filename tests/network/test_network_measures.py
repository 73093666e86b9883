"""Cohesion, centrality, structural holes, core–periphery, shadow zones, boundary, change."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from _network_helpers import network_from_arcs, random_network
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import ConvergenceError, InvalidParameterError, MissingDependencyError
from grappe.network import (
    betweenness,
    boundary,
    burt_measures,
    centrality,
    components,
    core_periphery,
    density,
    reciprocity,
    shadow_zones,
    sphere_pairs,
    structural_holes,
    triple_helix,
    wave_change,
)
from grappe.network.model import build_network

TOL = 1e-12


# ---------------------------------------------------------------- cohesion
def test_density_and_reciprocity_by_hand():
    # 4 actors, arcs a→b, b→a, b→c: density 3 / 12; 2 of the 3 arcs are reciprocated
    net = network_from_arcs(
        [("a", "b"), ("b", "a"), ("b", "c")], dict.fromkeys("abcd", "enterprise")
    )
    assert density(net) == 3 / 12
    assert reciprocity(net) == pytest.approx(2 / 3)
    comp = components(net)
    assert comp.n_components == 2 and comp.sizes == (3, 1) and comp.isolates == ("d",)
    assert comp.largest_share == 0.75


def test_reciprocity_and_density_equal_networkx():
    net = random_network(3, n=20)
    g = net.to_networkx()
    assert reciprocity(net) == pytest.approx(nx.overall_reciprocity(g), abs=TOL)
    assert density(net) == pytest.approx(nx.density(g), abs=TOL)


def test_undirected_network_has_no_reciprocity():
    net = network_from_arcs([("a", "b")], dict.fromkeys("ab", "enterprise"), directed=False)
    assert math.isnan(reciprocity(net))
    assert density(net) == 1.0


def test_sphere_pairs_by_hand():
    # E = {e1, e2}, U = {u}; pairs e1–e2 (strength 3), e1–u (1), e2–u (absent)
    net = network_from_arcs(
        [("e1", "e2"), ("u", "e1")],
        {"e1": "enterprise", "e2": "enterprise", "u": "university"},
        strengths=[3, 1],
        directed=False,
    )
    t = sphere_pairs(net).set_index(["group_a", "group_b"])
    assert t.loc[("enterprise", "enterprise"), "linked_pairs"] == 1
    assert t.loc[("enterprise", "enterprise"), "possible_pairs"] == 1
    assert t.loc[("enterprise", "university"), "density"] == 0.5
    assert t.loc[("enterprise", "university"), "mean_strength"] == 1.0
    assert t.loc[("university", "university"), "possible_pairs"] == 0


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000))
def test_property_sphere_pairs_add_up(seed):
    net = random_network(seed, n=10)
    t = sphere_pairs(net)
    n = net.n_actors
    assert t["possible_pairs"].sum() == n * (n - 1) // 2
    linked = {tuple(sorted(x)) for x in zip(net.arcs["i"], net.arcs["j"], strict=True)}
    assert t["linked_pairs"].sum() == len(linked)


# ---------------------------------------------------------------- centrality
def test_degree_strength_betweenness_of_a_path():
    # a – b – c undirected, strengths 2 and 3: b lies on the only a–c path (both ways)
    net = network_from_arcs(
        [("a", "b"), ("b", "c")],
        dict.fromkeys("abc", "enterprise"),
        strengths=[2, 3],
        directed=False,
    )
    c = centrality(net)
    assert c["degree"].tolist() == [1, 2, 1]
    assert c["strength"].tolist() == [2.0, 5.0, 3.0]
    assert c["betweenness"].tolist() == [0.0, 1.0, 0.0]


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
def test_exact_betweenness_equals_networkx(backend):
    pytest.importorskip("igraph") if backend == "igraph" else None
    net = random_network(7, n=25)
    ref = nx.betweenness_centrality(net.to_networkx(), normalized=True)
    got = betweenness(net, backend=backend)
    np.testing.assert_allclose(got.to_numpy(), [ref[i] for i in got.index], atol=1e-12)


def test_sampled_betweenness_is_the_same_for_both_backends():
    pytest.importorskip("igraph")
    net = random_network(11, n=40)
    a = betweenness(net, k=10, seed=3, backend="igraph")
    b = betweenness(net, k=10, seed=3, backend="networkx")
    np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), atol=1e-12)
    # k = n is exact
    np.testing.assert_allclose(
        betweenness(net, k=40).to_numpy(), betweenness(net).to_numpy(), atol=1e-12
    )


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"k": 0}, r"The 'k' parameter of betweenness"),
        ({"k": 2.5}, r"The 'k' parameter of betweenness must be an integer"),
        ({"backend": "graph-tool"}, r"The 'backend' parameter of betweenness"),
    ],
)
def test_betweenness_bad_parameters(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        betweenness(random_network(1), **kwargs)


def test_igraph_backend_names_the_extra(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "igraph":
            raise ImportError("no igraph")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(MissingDependencyError, match=r"pip install grappe\[network\]"):
        betweenness(random_network(1), backend="igraph")


# ---------------------------------------------------------------- structural holes
def test_constraint_and_effective_size_by_hand():
    # star centre with 2 leaves: p = 1/2 each, no indirect path → c = 2 (1/2)² = 0.5;
    # each leaf has one contact → c = 1, effective size 1.
    e, c = burt_measures(np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]]))
    assert c.tolist() == [0.5, 1.0, 1.0] and e.tolist() == [2.0, 1.0, 1.0]
    # triangle: p = 1/2, indirect 1/2 · 1/2 → c = 2 (3/4)² = 1.125; effective size 2 − 1 = 1
    e, c = burt_measures(np.ones((3, 3)) - np.eye(3))
    assert c == pytest.approx([1.125] * 3) and e == pytest.approx([1.0] * 3)


@pytest.mark.parametrize("seed", range(3))
def test_constraint_and_effective_size_equal_networkx(seed):
    net = random_network(seed, n=18)
    g = net.to_networkx()
    holes = structural_holes(net)
    ref_c = nx.constraint(g, weight="weight")
    # networkx's all-nodes fast path of effective_size divides weighted ties by the wrong
    # row maxima (networkx 3.6); ask for the nodes explicitly to get its per-node definition
    ref_e = nx.effective_size(g, nodes=list(g), weight="weight")
    for actor in holes.index:
        if g.degree(actor) == 0:
            assert math.isnan(holes.loc[actor, "constraint"])
            continue
        assert holes.loc[actor, "constraint"] == pytest.approx(ref_c[actor], abs=1e-12)
        if g.out_degree(actor):  # networkx answers NaN for actors with in-ties only
            assert holes.loc[actor, "effective_size"] == pytest.approx(ref_e[actor], abs=1e-12)


def test_unweighted_constraint_equals_networkx():
    net = random_network(5, n=15)
    ref = nx.constraint(net.to_networkx(), weight=None)
    got = structural_holes(net, weighted=False)["constraint"]
    np.testing.assert_allclose(got.to_numpy(), [ref[i] for i in got.index], atol=1e-12)


def test_structural_holes_bad_parameter():
    with pytest.raises(InvalidParameterError, match=r"The 'weighted' parameter"):
        structural_holes(random_network(1), weighted="yes")


# ---------------------------------------------------------------- core–periphery
def test_core_periphery_on_a_hand_built_graph():
    # core K4 {c1..c4}; eight periphery actors each tied to one or two core actors only
    core = [f"c{k}" for k in range(1, 5)]
    arcs = [(a, b) for k, a in enumerate(core) for b in core[k + 1 :]]
    for k in range(8):
        arcs.append((f"p{k}", core[k % 4]))
        if k % 2:
            arcs.append((f"p{k}", core[(k + 1) % 4]))
    spheres = dict.fromkeys(core + [f"p{k}" for k in range(8)], "enterprise")
    cp = core_periphery(network_from_arcs(arcs, spheres, directed=False))
    assert cp.core[cp.core].index.tolist() == core
    assert cp.fit_discrete == pytest.approx(1.0)  # a perfect core–periphery pattern
    assert cp.coreness[core].min() > cp.coreness.drop(core).max()
    assert cp.coreness.max() == 1.0


def test_core_periphery_of_an_isolate_is_zero():
    net = network_from_arcs(
        [("a", "b"), ("b", "c"), ("a", "c")], dict.fromkeys("abcde", "enterprise")
    )
    cp = core_periphery(net)
    assert cp.coreness["e"] == 0 and cp.coreness["d"] == 0
    assert set(cp.core[cp.core].index) == {"a", "b", "c"}


def test_core_periphery_errors():
    net = random_network(2)
    with pytest.raises(InvalidParameterError, match=r"The 'max_iter' parameter of core"):
        core_periphery(net, max_iter=0)
    with pytest.raises(ConvergenceError, match="did not converge in 1 iterations") as info:
        core_periphery(net, max_iter=1, tol=1e-15)
    assert (info.value.iterations, info.value.tol) == (1, 1e-15)


# ---------------------------------------------------------------- shadow zones
TH_SPHERES = {
    "f1": "enterprise",
    "f2": "enterprise",
    "u": "university",
    "p": "public",
    "cci": "support",
}


def test_shadow_zones_by_hand():
    # f1–u strong; u–p weak only; enterprise–public none; no finance actor at all
    net = network_from_arcs(
        [("f1", "u"), ("u", "p"), ("f2", "cci")], TH_SPHERES, strengths=[3, 1, 2], directed=False
    )
    z = shadow_zones(net).set_index(["sphere_a", "sphere_b"])
    assert z.loc[("enterprise", "public"), "reason"] == "no tie"
    assert z.loc[("enterprise", "public"), "possible_pairs"] == 2
    assert z.loc[("university", "public"), "reason"] == "weak ties only"
    assert z.loc[("enterprise", "finance"), "reason"] == "absent sphere"
    assert ("enterprise", "university") not in z.index
    assert ("enterprise", "support") not in z.index
    # a stricter threshold makes the medium enterprise–support tie weak as well
    strict = shadow_zones(net, weak=2).set_index(["sphere_a", "sphere_b"])
    assert strict.loc[("enterprise", "support"), "reason"] == "weak ties only"
    # the expected pairs are configurable
    only = shadow_zones(net, expected=[("public", "enterprise")])
    assert only[["sphere_a", "sphere_b"]].values.tolist() == [["enterprise", "public"]]


def test_shadow_zones_bad_expected():
    net = network_from_arcs([("f1", "u")], TH_SPHERES)
    with pytest.raises(InvalidParameterError, match=r"The 'expected' parameter of shadow"):
        shadow_zones(net, expected=[("enterprise", "church")])
    with pytest.raises(InvalidParameterError, match=r"The 'expected' parameter of shadow"):
        shadow_zones(net, expected="some")
    with pytest.raises(InvalidParameterError, match=r"The 'weak' parameter of shadow"):
        shadow_zones(net, weak="low")


def test_triple_helix_by_hand():
    # f1–u, f1–p, u–p: one trilateral triangle; f2–u adds a second E–U link
    net = network_from_arcs(
        [("f1", "u"), ("f1", "p"), ("u", "p"), ("f2", "u")], TH_SPHERES, directed=False
    )
    th = triple_helix(net)
    assert th.bilateral == {
        "enterprise-university": 2,
        "enterprise-public": 1,
        "university-public": 1,
    }
    assert th.trilateral == 1
    s = np.array([2, 1, 1]) / 4
    assert th.balance == pytest.approx(-(s * np.log(s)).sum() / np.log(3))
    empty = triple_helix(network_from_arcs([("f1", "cci")], TH_SPHERES))
    assert math.isnan(empty.balance) and empty.trilateral == 0


# ---------------------------------------------------------------- boundary
def test_boundary_buzz_and_pipelines_by_hand():
    spheres = {
        "f1": "enterprise",
        "f2": "enterprise",
        "f3": "enterprise",
        "min": "public",
        "giz": "international",
    }
    levels = {
        "f1": "local",
        "f2": "local",
        "f3": "local",
        "min": "national",
        "giz": "international",
    }
    arcs = [("f1", "f2"), ("f2", "f3"), ("f1", "giz"), ("f3", "min"), ("min", "giz")]
    net = network_from_arcs(arcs, spheres, levels=levels, directed=False)
    b = boundary(net)
    assert (b.internal_ties, b.external_ties, b.outside_ties) == (2, 2, 1)
    assert b.external_ties_share == 0.5
    assert b.actors.loc["f1", "external_share"] == 0.5
    assert b.actors["pipeline"][lambda s: s].index.tolist() == ["f1", "f3"]
    # counting the national level as local moves min inside
    wide = boundary(net, local_levels=["local", "national"])
    assert (wide.internal_ties, wide.external_ties) == (3, 2)
    with pytest.raises(InvalidParameterError, match=r"The 'local_levels' parameter"):
        boundary(net, local_levels=["nearby"])


def test_non_members_are_outside_even_when_local():
    actors = pd.DataFrame(
        {"id": ["a", "b"], "sphere": "enterprise", "level": "local", "member": ["yes", "no"]}
    )
    net = build_network(actors, pd.DataFrame({"source": ["a"], "target": ["b"], "type": "trust"}))
    assert boundary(net).external_ties_share == 1.0


# ---------------------------------------------------------------- change between waves
def _two_waves():
    actors = pd.DataFrame({"id": list("abcde"), "sphere": "enterprise", "level": "local"})
    ties = pd.DataFrame(
        {
            "source": ["a", "b", "c", "a", "c", "d"],
            "target": ["b", "c", "a", "b", "a", "e"],
            "type": "advice",
            "strength": [1, 2, 2, 3, 2, 1],
            "wave": ["w1", "w1", "w1", "w2", "w2", "w2"],
        }
    )
    return build_network(actors, ties)


def test_wave_change_by_hand():
    # w1: a→b, b→c, c→a ; w2: a→b (stronger), c→a, d→e
    # kept a→b, c→a; dissolved b→c; formed d→e; d and e enter; nobody leaves
    ch = wave_change(_two_waves(), "w1", "w2")
    assert ch.counts() == {
        "ties_formed": 1,
        "ties_dissolved": 1,
        "ties_kept": 2,
        "actors_entering": 2,
        "actors_leaving": 0,
        "actors_staying": 3,
    }
    assert ch.jaccard == 0.5
    kept = ch.ties[ch.ties["status"] == "kept"].set_index(["source", "target"])
    assert (
        kept.loc[("a", "b"), "strength_before"] == 1 and kept.loc[("a", "b"), "strength_after"] == 3
    )


def test_wave_change_is_antisymmetric():
    net = _two_waves()
    fwd, back = wave_change(net, "w1", "w2").counts(), wave_change(net, "w2", "w1").counts()
    assert fwd["ties_formed"] == back["ties_dissolved"]
    assert fwd["actors_entering"] == back["actors_leaving"]


def test_wave_change_errors():
    net = _two_waves()
    with pytest.raises(InvalidParameterError, match=r"The 'after' parameter of wave_change"):
        wave_change(net, "w1", "w1")
    with pytest.raises(InvalidParameterError, match=r"The 'before' parameter of wave_change"):
        wave_change(net, "w0", "w1")


# ---------------------------------------------------------------- invariants
@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.randoms(use_true_random=False))
def test_property_relabelling_permutes_every_measure(seed, rnd):
    net = random_network(seed, n=9)
    ids = net.actors["id"].tolist()
    new = {i: f"r{k}" for k, i in enumerate(rnd.sample(ids, len(ids)))}
    order = rnd.sample(range(len(ids)), len(ids))
    actors = net.actors.iloc[order].assign(id=lambda f: f["id"].map(new))
    ties = net.ties.assign(source=net.ties["source"].map(new), target=net.ties["target"].map(new))
    net2 = build_network(
        actors[["id", "sphere", "level"]], ties[["source", "target", "type", "strength"]]
    )
    back = {v: k for k, v in new.items()}
    for f in (centrality, structural_holes):
        a = f(net)
        b = f(net2).rename(index=back).loc[a.index]
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, atol=1e-12)
    # coreness to 1e-3: on star-like graphs the least-squares optimum is degenerate (the hub
    # grows without bound, leaves tend to 0) and the optimiser stops at tiny leaf values
    a, b = core_periphery(net), core_periphery(net2)
    np.testing.assert_allclose(
        a.coreness.to_numpy(),
        b.coreness.rename(index=back).loc[a.coreness.index].to_numpy(),
        atol=1e-3,
    )


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_property_constraint_bounds(seed):
    holes = structural_holes(random_network(seed, n=10))["constraint"].dropna()
    # Burt: constraint lies in (0, 1.125] for dyads/triads, and is positive; ≥ 1/degree
    assert (holes > 0).all()
