"""Proximity (all normalisations), density, k-nearest density, outlook, industry space,
input-output relatedness."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from grappe.complexity import (
    aggregate_flows,
    colocation,
    combined_relatedness,
    complexity_outlook,
    eci_pci,
    group_relatedness,
    industry_flows,
    industry_space,
    io_relatedness,
    knn_density,
    proximity,
    relatedness_density,
    space_to_json,
)
from grappe.errors import InvalidParameterError

# 4 locations x 3 activities; co-occurrences: xy = 2, xz = 2, yz = 1; ubiquities 3, 3, 2
M = pd.DataFrame(
    [[1, 1, 0], [1, 1, 1], [1, 0, 1], [0, 1, 0]],
    index=list("abcd"),
    columns=list("xyz"),
    dtype=float,
)


@pytest.mark.parametrize(
    ("measure", "xy", "xz"),
    [
        ("proximity", 2 / 3, 2 / 3),  # min(P(x|z), P(z|x)) = 2 / max(3, 2)
        ("conditional", 2 / 3, 2 / 3),  # P(y|x) = 2/3 ; P(z|x) = 2/3
        ("cosine", 2 / 3, 2 / np.sqrt(6)),
        ("jaccard", 2 / 4, 2 / 3),
        ("association", 2 * 4 / 9, 2 * 4 / 6),
    ],
)
def test_proximity_measures_by_hand(measure, xy, xz):
    phi = proximity(M, measure=measure)
    assert phi.loc["x", "y"] == pytest.approx(xy, abs=1e-15)
    assert phi.loc["x", "z"] == pytest.approx(xz, abs=1e-15)


def test_conditional_is_asymmetric_and_diagonal_option():
    phi = proximity(M, measure="conditional")
    assert phi.loc["z", "x"] == pytest.approx(1.0) and phi.loc["x", "z"] == pytest.approx(2 / 3)
    assert (np.diag(proximity(M)) == 1).all() and (np.diag(proximity(M, diagonal=0.0)) == 0).all()


def test_location_proximity_axis_rows():
    phi = proximity(M, axis="rows")
    assert list(phi.index) == list("abcd")
    assert phi.loc["a", "b"] == pytest.approx(2 / 3)  # share 2 activities; diversities 2 and 3


def test_density_by_hand():
    phi = proximity(M, diagonal=0.0).to_numpy()
    dens = relatedness_density(M)
    # location d has only y: density of x = phi_yx / (phi_yx + phi_zx)
    expected = phi[1, 0] / phi[:, 0].sum()
    assert dens.loc["d", "x"] == pytest.approx(expected, abs=1e-15)
    natural = relatedness_density(M, diagonal=None)
    assert natural.loc["d", "x"] == pytest.approx(phi[1, 0] / (phi[:, 0].sum() + 1.0))


def test_density_with_external_phi_aligns_labels():
    phi = proximity(M, diagonal=0.0)
    shuffled = phi.loc[["z", "x", "y"], ["y", "z", "x"]]
    pd.testing.assert_frame_equal(relatedness_density(M, shuffled), relatedness_density(M))
    with pytest.raises(InvalidParameterError, match="every activity"):
        relatedness_density(M, phi.loc[["x", "y"], ["x", "y"]])
    with pytest.raises(InvalidParameterError, match="square matrix"):
        relatedness_density(M, np.ones((2, 2)))


def test_knn_density():
    full = relatedness_density(M)
    assert np.allclose(knn_density(M, k=3), full)
    one = knn_density(M, k=1)
    phi = proximity(M, diagonal=0.0)
    # with one neighbour, density of x is 1 where that neighbour (y, the strongest) is present
    assert phi["x"].idxmax() == "y"
    assert one["x"].tolist() == M["y"].tolist()
    with pytest.raises(InvalidParameterError, match="'k' parameter"):
        knn_density(M, k=4)


def test_outlook_zero_where_present_and_conventions():
    res = eci_pci(M)
    out = complexity_outlook(M, res)
    assert (out.cog.to_numpy()[M.to_numpy() == 1] == 0).all()
    assert out.coi.mean() == pytest.approx(0.0, abs=1e-12) and out.coi.std(ddof=0) == pytest.approx(
        1.0
    )
    raw = complexity_outlook(M, res.pci, convention="pci")
    phi = proximity(M, diagonal=0.0).to_numpy()
    dens = relatedness_density(M).to_numpy()
    pci = res.pci.to_numpy()
    absent = 1 - M.to_numpy()
    np.testing.assert_allclose(raw.coi.to_numpy(), (dens * absent) @ pci, atol=1e-14)
    w = pci / phi.sum(axis=1)
    np.testing.assert_allclose(raw.cog.to_numpy(), absent * ((absent * w) @ phi), atol=1e-14)
    with pytest.raises(InvalidParameterError, match="ComplexityResult"):
        complexity_outlook(M, res.pci)
    with pytest.raises(InvalidParameterError, match="every activity"):
        complexity_outlook(M, res.pci.iloc[:2], convention="pci")
    with pytest.raises(InvalidParameterError, match="'convention' parameter"):
        complexity_outlook(M, res, convention="atlas")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"measure": "dice"}, "'measure' parameter"),
        ({"axis": "both"}, "'axis' parameter"),
        ({"diagonal": "one"}, "'diagonal' parameter"),
    ],
)
def test_proximity_errors(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        proximity(M, **kwargs)


binary = arrays(
    np.float64,
    st.tuples(st.integers(2, 8), st.integers(2, 8)),
    elements=st.sampled_from([0.0, 1.0]),
)


@settings(max_examples=50, deadline=None)
@given(
    B=binary,
    measure=st.sampled_from(["proximity", "cosine", "jaccard", "association"]),
    data=st.data(),
)
def test_proximity_invariants(B, measure, data):
    phi = proximity(B, measure=measure).to_numpy()
    np.testing.assert_allclose(phi, phi.T, atol=1e-15)
    if measure != "association":
        assert (phi >= 0).all() and (phi <= 1 + 1e-15).all()
    pc = np.array(data.draw(st.permutations(range(B.shape[1]))))
    np.testing.assert_allclose(
        proximity(B[:, pc], measure=measure).to_numpy(), phi[pc][:, pc], atol=1e-15
    )
    dens = relatedness_density(B).to_numpy()
    assert ((dens >= -1e-15) & (dens <= 1 + 1e-12)).all()


def test_industry_space_tree_plus_threshold_and_json():
    phi = pd.DataFrame(
        [[1, 0.9, 0.2, 0.6], [0.9, 1, 0.6, 0.1], [0.2, 0.6, 1, 0.3], [0.6, 0.1, 0.3, 1]],
        index=list("abcd"),
        columns=list("abcd"),
    )
    G = industry_space(phi, min_proximity=None)
    assert nx.is_tree(G) and G.number_of_edges() == 3
    # tree: a-b 0.9, then two 0.6 links (b-c, a-d)
    assert {frozenset(e) for e in G.edges()} == {frozenset("ab"), frozenset("bc"), frozenset("ad")}
    G2 = industry_space(phi, min_proximity=0.3)
    assert G2.number_of_edges() == 4 and G2.edges["c", "d"]["tree"] is False
    G3 = industry_space(
        phi,
        min_proximity=None,
        max_edges=5,
        nodes=pd.DataFrame({"pci": [1.0, 2.0, np.nan, 0.5]}, index=list("abcd")),
    )
    assert G3.number_of_edges() == 5 and G3.nodes["c"]["pci"] is None
    data = json.loads(json.dumps(space_to_json(G3)))
    assert len(data["links"]) == 5 and {n["id"] for n in data["nodes"]} == set("abcd")
    with pytest.raises(InvalidParameterError, match="symmetric"):
        industry_space(proximity(M, measure="conditional"))
    with pytest.raises(InvalidParameterError, match="square DataFrame"):
        industry_space(np.eye(2))


def test_industry_flows_and_io_relatedness_by_hand():
    use = pd.DataFrame([[0.0, 6.0], [4.0, 0.0]], index=["c1", "c2"], columns=["i1", "i2"])
    # i1 makes 3/4 of c1 and i2 the rest; i2 makes all of c2
    make = pd.DataFrame([[9.0, 0.0], [3.0, 8.0]], index=["i1", "i2"], columns=["c1", "c2"])
    F = industry_flows(use, make)
    np.testing.assert_allclose(F.to_numpy(), [[0.0, 4.5], [4.0, 1.5]])
    R = io_relatedness(F)
    # i1 sells all its output (4.5) to i2 -> 1
    assert R.loc["i1", "i2"] == 1.0 and R.loc["i2", "i1"] == 1.0 and R.loc["i1", "i1"] == 0.0
    W = pd.DataFrame({"A": [1.0, 0.5], "B": [0.0, 0.5]}, index=["i1", "i2"])
    agg = aggregate_flows(F, W)
    assert agg.to_numpy().sum() == pytest.approx(F.to_numpy().sum())
    with pytest.raises(InvalidParameterError, match="every commodity"):
        industry_flows(use, make[["c1"]])
    with pytest.raises(InvalidParameterError, match="non-negative"):
        io_relatedness(-F)
    with pytest.raises(InvalidParameterError, match="square DataFrame"):
        io_relatedness(F.iloc[:1])


def test_colocation_combined_and_group_relatedness():
    X = pd.DataFrame(
        {"a": [1.0, 2.0, 3.0, 4.0], "b": [2.0, 4.0, 6.0, 9.0], "c": [4.0, 3.0, 2.0, 1.0]}
    )
    lc = colocation(X)
    assert lc.loc["a", "b"] > 0.9 and lc.loc["a", "c"] < -0.9 and lc.loc["a", "a"] == 0.0
    io = pd.DataFrame(
        [[0, 0.1, 0.9], [0.1, 0, 0.2], [0.9, 0.2, 0]], index=list("abc"), columns=list("abc")
    )
    comb = combined_relatedness({"io": io, "lc": lc}, weights={"io": 1.0, "lc": 1.0})
    # percentile ranks among the 6 off-diagonal cells (ties averaged): io a-c is the top pair
    # (5.5 / 6); in lc, on LQs, b-c is the most negative pair, a-c the next (3.5 / 6)
    assert comb.loc["a", "c"] == pytest.approx((5.5 / 6 + 3.5 / 6) / 2)
    assert np.allclose(comb, comb.T)
    grp = group_relatedness(io, {"a": "A", "b": "A", "c": "C"})
    assert grp.loc["A", "C"] == pytest.approx((0.9 + 0.2) / 2) and grp.loc[
        "A", "A"
    ] == pytest.approx(0.1)
    assert np.isnan(grp.loc["C", "C"])
    with pytest.raises(InvalidParameterError, match="at least one matrix"):
        combined_relatedness({})
    with pytest.raises(InvalidParameterError, match="'weights' parameter"):
        combined_relatedness({"io": io}, weights={"lc": 1.0})
    with pytest.raises(InvalidParameterError, match="no overlap"):
        group_relatedness(io, {"z": "Z"})


@pytest.mark.shared
def test_bea_io_relatedness_tracks_published_cluster_io_links(shared_data):
    """Cluster-pair IO relatedness from the BEA 2017 tables vs the U.S. Cluster Mapping
    Project's published cluster IO links (cr_io, Delgado-Porter-Stern 2016, 2007 data)."""
    from grappe.io.complexity import read_bea_naics_flows

    flows = read_bea_naics_flows(shared_data / "us_bea_io_tables", digits=4)
    rel = io_relatedness(flows)
    assert rel.shape[0] > 250 and np.allclose(rel, rel.T)
    defs = pd.read_csv(
        shared_data / "us_cluster_definitions" / "naics_to_cluster_dps_adapted_noco.csv", dtype=str
    )
    code_col = next(c for c in defs.columns if "naics" in c.lower())
    clus_col = next(
        c for c in defs.columns if c.lower() in ("cluster_code", "cluster", "cluster_code_t")
    )
    four = defs.assign(n4=defs[code_col].str[:4]).drop_duplicates("n4")
    groups = dict(zip(four["n4"], four[clus_col], strict=True))
    clusters = group_relatedness(rel, groups)
    pub = pd.read_csv(
        shared_data / "us_cluster_definitions" / "cluster_relatedness_51_traded.csv",
        dtype={"clustera": str, "clusterb": str},
    )
    pub = pub[pub["clustera"] != pub["clusterb"]]
    ours = [
        clusters.loc[a, b] if a in clusters.index and b in clusters.index else np.nan
        for a, b in zip(pub["clustera"], pub["clusterb"], strict=True)
    ]
    both = pd.DataFrame({"ours": ours, "pub": pub["cr_io"].to_numpy()}).dropna()
    assert len(both) > 500
    # measured: Spearman 0.62 over 2,162 pairs (2017 BEA tables, 4-digit NAICS vs 2007 data)
    assert both["ours"].corr(both["pub"], method="spearman") > 0.5
