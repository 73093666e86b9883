"""Scorecards: band scores, diamond, success factors and classification."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.assess import (
    DIAMOND_DIMENSIONS,
    Score,
    band_score,
    classify,
    cluster_evidence,
    diamond,
    network_evidence,
    success_factors,
)
from grappe.errors import InvalidParameterError, NotFoundError

CUTS = (0.8, 1.0, 1.2, 1.5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.79, 1), (0.8, 2), (0.99, 2), (1.0, 3), (1.2, 4), (1.49, 4), (1.5, 5), (9, 5)],
)
def test_band_score_boundaries(value, expected):
    assert band_score(value, CUTS) == expected


def test_band_score_matches_numpy_digitize():
    import numpy as np

    values = np.random.default_rng(0).normal(1.0, 0.5, 2000)
    values[:4] = CUTS  # the cut points themselves
    ours = [band_score(v, CUTS) for v in values]
    np.testing.assert_array_equal(ours, np.digitize(values, CUTS, right=False) + 1)


def test_band_score_rejects_bad_cuts():
    with pytest.raises(InvalidParameterError, match="'cuts' parameter of band_score"):
        band_score(1.0, (1, 0.5, 2, 3))


@settings(deadline=None, max_examples=40)
@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_band_score_is_monotone(a, b):
    lo, hi = sorted((a, b))
    assert 1 <= band_score(lo, CUTS) <= band_score(hi, CUTS) <= 5


def test_diamond_hand_case_keeps_evidence():
    ind = {
        "wage_ratio": 1.10,
        "growth_gap": 0.01,
        "firm_count_ratio": 0.9,
        "related_lq_mean": 1.6,
        "related_strong_share": 0.3,
    }
    d = diamond(ind)
    # wage 1.10 >= 0.85, 0.95, 1.05 -> 4
    assert d.scores["factor_conditions"].value == 4
    # firm_count 0.9 -> 2 ; growth_gap 0.01 -> 4 ; mean 3
    assert d.scores["strategy_rivalry"].value == 3
    # related 1.6 -> 5 ; share 0.3 -> 3 ; mean 4
    assert d.scores["related_supporting"].value == 4
    ev = {e.name: e for e in d.scores["strategy_rivalry"].evidence}
    assert ev["firm_count_ratio"].value == 0.9 and ev["firm_count_ratio"].points == 2
    assert "0.8|0.95|1.05|1.2" in ev["firm_count_ratio"].threshold
    assert math.isnan(d.scores["government"].value)
    assert "no evidence" in d.scores["government"].rule
    frame = d.to_frame()
    assert set(frame["dimension"]) == set(DIAMOND_DIMENSIONS)


def test_diamond_with_answers(bundled):
    q = bundled("diamond")
    answers = {
        "D-F1": 4,
        "D-F2": 2,
        "D-F3": "yes",
        "D-D1": 3,
        "D-D2": 20,
        "D-R1": 5,
        "D-R2": "some",
        "D-S1": 3,
        "D-S2": 3,
        "D-G1": 1,
    }
    d = diamond({"wage_ratio": 1.0}, questionnaire=q, answers=answers)
    # factor: wage 1.0 -> 3 ; answers 4, 2, yes=5 -> mean 3.5
    assert d.scores["factor_conditions"].value == pytest.approx(3.5)
    # demand: 3 and 20 % with cuts 5,15,30,50 -> 3 ; mean 3
    assert d.scores["demand_conditions"].value == 3
    assert d.scores["government"].value == 1
    sources = {e.source for e in d.scores["factor_conditions"].evidence}
    assert sources == {"indicator", "questionnaire:diamond"}


def test_diamond_answers_need_questionnaire():
    with pytest.raises(InvalidParameterError, match="'questionnaire' parameter of diamond"):
        diamond({}, answers={"D-F1": 3})


def test_diamond_custom_cuts():
    d = diamond({"wage_ratio": 1.0}, cuts={"wage_ratio": (2, 3, 4, 5)})
    assert d.scores["factor_conditions"].value == 1
    with pytest.raises(InvalidParameterError, match="must name indicators"):
        diamond({}, cuts={"nope": (1, 2, 3, 4)})
    with pytest.raises(InvalidParameterError, match="four ascending numbers"):
        diamond({}, cuts={"wage_ratio": (3, 2, 1, 0)})


@settings(deadline=None, max_examples=40)
@given(
    st.dictionaries(
        st.sampled_from(
            ["wage_ratio", "growth_gap", "firm_count_ratio", "related_lq_mean", "share_change"]
        ),
        st.floats(-10, 10),
        min_size=1,
    )
)
def test_diamond_scores_stay_on_scale(ind):
    for s in diamond(ind).scores.values():
        assert math.isnan(s.value) or 1 <= s.value <= 5
        assert len(s.evidence) == 0 or s.value == pytest.approx(
            sum(e.points for e in s.evidence) / len(s.evidence)
        )


def test_success_factors_quebec_and_danish():
    ind = {
        "lq": 1.3,
        "employment": 12_000,
        "establishments": 60,
        "national_share": 0.02,
        "cagr": 0.01,
        "network_density": 0.25,
        "network_n_actors": 12,
    }
    q = success_factors(ind, method="quebec")
    assert q.scores["specialisation"].value == 4
    assert q.scores["critical_mass"].value == 4
    assert q.scores["concentration"].value == 4
    assert q.scores["actors"].value == pytest.approx((3 + 3) / 2)
    assert q.scores["development_stage"].value == 3
    assert math.isnan(q.scores["innovation"].value)
    dk = success_factors(ind, method="danish")
    assert set(dk.scores) == {"structure", "competences", "performance", "cohesion"}
    assert dk.scores["cohesion"].value == 4
    with pytest.raises(InvalidParameterError, match="'method' parameter of success_factors"):
        success_factors(ind, method="italian")


def _scores(*values):
    return {f"f{i}": Score(f"f{i}", float(v), (1, 5), (), "") for i, v in enumerate(values)}


@pytest.mark.parametrize(
    ("values", "level"),
    [
        ((3.75, 3.75, 3.75), "national"),
        ((3.74, 3.74, 3.74), "regional"),
        ((5, 5, 1.9), "regional"),  # weakest below the floor: not national
        ((5, 4.25, 2.0), "national"),  # floor reached exactly
        ((3.0, 3.0, 3.0), "regional"),
        ((2.99, 2.99, 2.99), "potential"),
        ((2.25, 2.25, 2.25), "potential"),
        ((2.24, 2.24, 2.24), "none"),
    ],
)
def test_classify_thresholds_at_boundaries(values, level):
    assert classify(_scores(*values)).level == level


def test_classify_needs_enough_evidence():
    s = _scores(5, 5) | {"x": Score("x", math.nan, (1, 5), (), "")}
    c = classify(s)
    assert c.level == "none" and c.known == 2
    assert classify(s, min_known=2).level == "national"


def test_classify_rejects_bad_thresholds():
    with pytest.raises(InvalidParameterError, match="'national' parameter of classify must be"):
        classify(_scores(3, 3, 3), national=2, regional=3)
    with pytest.raises(InvalidParameterError, match="'floor' parameter of classify"):
        classify(_scores(3, 3, 3), floor=7)


@settings(deadline=None, max_examples=40)
@given(st.lists(st.floats(1, 5), min_size=3, max_size=7), st.floats(0, 1))
def test_classify_is_monotone_in_scores(values, bump):
    order = ["none", "potential", "regional", "national"]
    low = classify(_scores(*values)).level
    high = classify(_scores(*[min(5.0, v + bump) for v in values])).level
    assert order.index(high) >= order.index(low)


def _toy_indicators():
    # Two regions, two clusters, two years. Region A cluster 1 is the one assessed.
    rows = [
        ("A", "1", 2017, 100, 10, 5000, 1.5),
        ("A", "1", 2019, 121, 11, 7260, 1.6),
        ("B", "1", 2017, 300, 20, 12000, 0.8),
        ("B", "1", 2019, 300, 22, 12000, 0.8),
        ("A", "2", 2019, 50, 5, 1000, 1.2),
        ("B", "2", 2019, 100, 10, 2000, 0.9),
        ("A", "3", 2019, 10, 1, 100, 0.5),
    ]
    return pd.DataFrame(
        rows, columns=["region", "cluster", "year", "employment", "establishments", "payroll", "lq"]
    )


def test_cluster_evidence_hand_computed():
    ev = cluster_evidence(_toy_indicators(), region="A", cluster="1", related=["2", "3"])
    assert ev["national_share"] == pytest.approx(121 / 421)
    assert ev["cagr"] == pytest.approx(0.10)  # 100 -> 121 over 2 years
    assert ev["national_cagr"] == pytest.approx((421 / 400) ** 0.5 - 1)
    assert ev["growth_gap"] == pytest.approx(ev["cagr"] - ev["national_cagr"])
    assert ev["wage_ratio"] == pytest.approx((7260 / 121) / (19260 / 421))
    assert ev["firm_count_ratio"] == pytest.approx((11 / 121) / (33 / 421))
    assert ev["share_change"] == pytest.approx((121 / 421) / (100 / 400) - 1)
    assert ev["related_lq_mean"] == pytest.approx(0.85)
    assert ev["related_strong_share"] == pytest.approx(0.5)


def test_cluster_evidence_errors():
    with pytest.raises(NotFoundError, match="No indicators for region 'Z'"):
        cluster_evidence(_toy_indicators(), region="Z", cluster="1")
    with pytest.raises(InvalidParameterError, match="'indicators' parameter of cluster_ev"):
        cluster_evidence(_toy_indicators().drop(columns="lq"), region="A", cluster="1")


def test_cluster_evidence_does_not_mutate_and_is_row_order_free():
    df = _toy_indicators()
    before = df.copy()
    a = cluster_evidence(df, region="A", cluster="1", related=["2"])
    b = cluster_evidence(df.sample(frac=1, random_state=0), region="A", cluster="1", related=["2"])
    pd.testing.assert_frame_equal(df, before)
    assert a == pytest.approx(b)


def test_network_evidence_prefixes_numbers():
    assert network_evidence({"density": 0.5, "n_actors": 3, "ok": True, "name": "k"}) == {
        "network_density": 0.5,
        "network_n_actors": 3.0,
    }
