"""Matchmaking: components by hand, filters, explanations, properties.

The firms are illustrative (invented), not a real subcontracting register.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import InvalidParameterError
from grappe.matchmaking import COMPONENTS, haversine_km, match


def need(**c):
    return pd.DataFrame(
        [
            {
                "need_id": "N1",
                "firm": "Big",
                "processes": "weld;cut;paint",
                "materials": "steel;alu",
                "certifications": "iso9001;iatf",
                "capacity": 100.0,
                "lat": 36.0,
                "lon": 3.0,
                "cluster": "mech",
            }
            | c
        ]
    )


def cap(firm_id="S1", **c):
    return {
        "firm_id": firm_id,
        "name": f"SME {firm_id}",
        "processes": "weld;cut",
        "materials": "steel",
        "certifications": "iso9001",
        "capacity": 50.0,
        "lat": 36.0,
        "lon": 3.0,
        "cluster": "mech",
    } | c


def test_components_by_hand():
    m = match(need(), pd.DataFrame([cap()])).iloc[0]
    assert m["process"] == pytest.approx(2 / 3)
    assert m["material"] == pytest.approx(1 / 2)
    assert m["certification"] == pytest.approx(1 / 2)
    assert m["capacity"] == pytest.approx(0.5)
    assert m["distance"] == pytest.approx(1.0) and m["distance_km"] == pytest.approx(0.0)
    assert m["cluster"] == 1.0
    expected = (0.35 * 2 / 3 + 0.15 * 0.5 + 0.15 * 0.5 + 0.15 * 0.5 + 0.15 + 0.05) / 1.0
    assert m["score"] == pytest.approx(expected)
    assert m["missing_certifications"] == "iatf"
    assert "shares processes cut, weld" in m["explanation"]
    assert "lacks paint" in m["explanation"]
    assert "misses certification iatf" in m["explanation"]


def test_haversine_reference_values():
    # One degree of latitude on the IUGG mean sphere; Algiers–Oran great-circle distance.
    assert haversine_km(0, 0, 1, 0) == pytest.approx(2 * math.pi * 6371.0088 / 360)
    assert haversine_km(36.7538, 3.0588, 35.6971, -0.6308) == pytest.approx(353, abs=3)


def test_haversine_matches_scikit_learn():
    from sklearn.metrics.pairwise import haversine_distances

    rng = np.random.default_rng(0)
    a = rng.uniform([-80, -180], [80, 180], size=(20, 2))
    b = rng.uniform([-80, -180], [80, 180], size=(20, 2))
    ref = np.diag(haversine_distances(np.radians(a), np.radians(b))) * 6371.0088
    ours = haversine_km(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    np.testing.assert_allclose(ours, ref, rtol=1e-9)


def test_filters_and_ranking():
    caps = pd.DataFrame(
        [
            cap("S1"),
            cap("S2", certifications="iso9001;iatf", lat=37.0),  # ~111 km away
            cap("S3", cluster="other", processes="weld;cut;paint"),
        ]
    )
    full = match(need(), caps)
    assert full["rank"].tolist() == [1, 2, 3]
    assert list(full["score"]) == sorted(full["score"], reverse=True)
    assert set(match(need(), caps, max_km=50)["firm_id"]) == {"S1", "S3"}
    assert set(match(need(), caps, certifications="require")["firm_id"]) == {"S2"}
    assert set(match(need(), caps, same_cluster_only=True)["firm_id"]) == {"S1", "S2"}
    assert len(match(need(), caps, top=1)) == 1
    assert match(need(), caps, min_process=0.9)["firm_id"].tolist() == ["S3"]
    empty = match(need(), caps, max_km=0.0, same_cluster_only=True, min_process=1.0)
    assert empty.empty and "explanation" in empty.columns


def test_weights_and_options_are_checked():
    caps = pd.DataFrame([cap()])
    only_process = match(need(), caps, weights={"process": 1})
    assert only_process["score"].iloc[0] == pytest.approx(2 / 3)
    for bad in ({"taste": 1}, {"process": -1}, {"process": 0}):
        with pytest.raises(InvalidParameterError, match="'weights' parameter of match"):
            match(need(), caps, weights=bad)
    with pytest.raises(InvalidParameterError, match="'certifications' parameter of match"):
        match(need(), caps, certifications="ignore")
    with pytest.raises(InvalidParameterError, match="'max_km' parameter of match"):
        match(need(), caps, max_km=-1)
    with pytest.raises(InvalidParameterError, match="'top' parameter of match"):
        match(need(), caps, top=0)
    with pytest.raises(InvalidParameterError, match="'needs' parameter of match must have"):
        match(need().drop(columns="lat"), caps)
    with pytest.raises(InvalidParameterError, match="'capabilities' parameter of match must be"):
        match(need(), [cap()])


def test_unstated_capacity_and_empty_sets():
    m = match(
        need(capacity=float("nan"), certifications="", materials=""),
        pd.DataFrame([cap(capacity=float("nan"))]),
    ).iloc[0]
    assert m["capacity"] == 1.0 and m["certification"] == 1.0 and m["material"] == 1.0


@settings(deadline=None, max_examples=40)
@given(
    st.lists(
        st.tuples(
            st.floats(-60, 60),
            st.floats(-170, 170),
            st.sets(st.sampled_from("abcde")),
            st.floats(0, 1e4),
        ),
        min_size=1,
        max_size=6,
    ),
    st.randoms(use_true_random=False),
)
def test_scores_in_unit_interval_and_order_free(rows, rnd):
    caps = pd.DataFrame(
        [
            cap(f"S{i}", lat=la, lon=lo, processes=";".join(sorted(p)), capacity=k)
            for i, (la, lo, p, k) in enumerate(rows)
        ]
    )
    a = match(need(), caps)
    assert ((a["score"] >= 0) & (a["score"] <= 1 + 1e-12)).all()
    for c in COMPONENTS:
        assert ((a[c] >= 0) & (a[c] <= 1 + 1e-12)).all()
    shuffled = caps.sample(frac=1, random_state=rnd.randint(0, 1000))
    b = match(need(), shuffled)
    pd.testing.assert_frame_equal(a, b)


def test_inputs_not_mutated():
    n, c = need(), pd.DataFrame([cap()])
    n0, c0 = n.copy(), c.copy()
    match(n, c)
    pd.testing.assert_frame_equal(n, n0)
    pd.testing.assert_frame_equal(c, c0)
