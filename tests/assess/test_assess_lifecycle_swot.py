"""Life-cycle rule at its boundaries, and the drafted SWOT."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.assess import (
    STAGES,
    Swot,
    diamond,
    draft_swot,
    lifecycle_series,
    lifecycle_stage,
)
from grappe.errors import InvalidParameterError, NotFoundError


def series(emp, nat, lq):
    years = list(range(2017, 2017 + len(emp)))
    return pd.DataFrame(
        {"year": years, "employment": emp, "national_employment": nat, "lq": [lq] * len(emp)}
    )


FLAT = [1000.0, 1000.0, 1000.0]


def test_decline_needs_two_faster_falls():
    # -10 % twice while the nation is flat: decline.
    assert lifecycle_stage(series([100, 90, 81], FLAT, 1.3)).stage == "decline"
    # Only the last period falls: not decline.
    assert lifecycle_stage(series([100, 100, 90], FLAT, 1.3)).stage != "decline"
    # Falling, but not faster than the nation (-10 % each, like the nation): not decline.
    assert lifecycle_stage(series([100, 90, 81], [1000, 900, 810], 1.3)).stage == "maturity"


def test_decline_boundary_on_band():
    nat = [1000, 990, 980.1]  # -1 % per period
    # Regional -2 % per period: exactly national - band (1 %) -> not strictly below: no decline.
    s = series([100, 98, 96.04], nat, 1.3)
    assert lifecycle_stage(s, band=0.01 + 1e-12).stage != "decline"
    assert lifecycle_stage(s, band=0.0099).stage == "decline"


def test_emergence_boundaries():
    # CAGR exactly 5 % over two years with LQ 0.99: emergence.
    emp = [100, 105, 110.25]
    assert lifecycle_stage(series(emp, FLAT, 0.99), fast_growth=0.05 - 1e-9).stage == "emergence"
    assert lifecycle_stage(series(emp, FLAT, 0.99), fast_growth=0.05 + 1e-9).stage == "growth"
    # LQ at the threshold: not emergence (growth instead, share rising).
    assert lifecycle_stage(series(emp, FLAT, 1.0)).stage == "growth"
    # Just below the growth threshold.
    assert lifecycle_stage(series([100, 104.9, 110.0], FLAT, 0.5)).stage == "growth"


def test_growth_needs_gap_and_rising_share():
    nat = [1000, 1020, 1040.4]  # +2 %
    assert lifecycle_stage(series([100, 103.5, 107.1225], nat, 1.1)).stage == "growth"
    # +3 % vs +2 %: a gap of 1 % is not above a band of 1 % (up to rounding); LQ 1.1 < 1.25
    s = series([100, 103, 106.09], nat, 1.1)
    assert lifecycle_stage(s, band=0.01 + 1e-9).stage == "undetermined"
    assert lifecycle_stage(s, band=0.01 - 1e-9).stage == "growth"
    # Slower than the nation: not growth, whatever the band.
    assert (
        lifecycle_stage(series([100, 103, 106.09], [1000, 1040, 1081.6], 1.1), band=0.0).stage
        == "undetermined"
    )


def test_maturity_boundaries():
    nat = [1000, 1020, 1040.4]
    s = series([100, 102, 104.04], nat, 1.25)
    assert lifecycle_stage(s).stage == "maturity"
    assert lifecycle_stage(s.assign(lq=1.2499)).stage == "undetermined"
    result = lifecycle_stage(s)
    assert "1.25" in result.rule and {e.name for e in result.evidence} >= {"cagr", "lq"}


def test_lifecycle_errors():
    with pytest.raises(InvalidParameterError, match="at least two years"):
        lifecycle_stage(series([100], [1000], 1))
    with pytest.raises(InvalidParameterError, match="'series' parameter of lifecycle_stage"):
        lifecycle_stage(pd.DataFrame({"year": [1, 2]}))
    with pytest.raises(InvalidParameterError, match="'band' parameter of lifecycle_stage"):
        lifecycle_stage(series([1, 2], [1, 2], 1), band=-1)
    with pytest.raises(InvalidParameterError, match="'decline_periods' parameter"):
        lifecycle_stage(series([1, 2], [1, 2], 1), decline_periods=0)


def test_lifecycle_series_from_indicators():
    ind = pd.DataFrame(
        {
            "region": ["A", "A", "B", "B"],
            "cluster": ["1"] * 4,
            "year": [2018, 2017, 2017, 2018],
            "employment": [12, 10, 90, 88],
            "lq": [1.1, 1.0, 0.9, 0.9],
        }
    )
    s = lifecycle_series(ind, region="A", cluster="1")
    assert s["year"].tolist() == [2017, 2018]
    assert s["national_employment"].tolist() == [100, 100]
    with pytest.raises(NotFoundError, match="region 'C'"):
        lifecycle_series(ind, region="C", cluster="1")


@settings(deadline=None, max_examples=40)
@given(
    st.lists(st.floats(1, 1e6), min_size=3, max_size=8),
    st.lists(st.floats(1, 1e6), min_size=8, max_size=8),
    st.floats(0.1, 5),
    st.sampled_from([0.125, 0.5, 2.0, 4.0, 1024.0]),
)
def test_stage_is_scale_invariant(emp, nat, lq, k):
    # Scaling both series by a power of two is exact in floating point, so every growth rate
    # and share ratio is unchanged and the stage must be the same.
    s = series(emp, nat[: len(emp)], lq)
    scaled = s.assign(
        employment=s["employment"] * k, national_employment=s["national_employment"] * k
    )
    a, b = lifecycle_stage(s).stage, lifecycle_stage(scaled).stage
    assert a in STAGES
    assert a == b


@settings(deadline=None, max_examples=40)
@given(st.lists(st.floats(1, 1e6), min_size=3, max_size=8), st.floats(0.1, 5))
def test_stage_does_not_depend_on_row_order(emp, lq):
    s = series(emp, [1000.0] * len(emp), lq)
    assert lifecycle_stage(s).stage == lifecycle_stage(s.iloc[::-1]).stage


def test_draft_swot_from_scores_lifecycle_network():
    scores = diamond({"wage_ratio": 1.2, "firm_count_ratio": 0.5}).scores
    life = lifecycle_stage(series([100, 90, 81], FLAT, 1.3))
    swot = draft_swot(
        scores=scores,
        lifecycle=life,
        network={"density": 0.05, "external_share": 0.02, "n_brokers": 2, "n_shadow": 3},
    )
    assert [i.evidence for i in swot.strengths] == ["factor_conditions", "n_brokers"]
    assert [i.evidence for i in swot.weaknesses] == ["strategy_rivalry", "density", "n_shadow"]
    assert [i.key for i in swot.threats] == ["stage_down", "closed_network"]
    assert swot.strengths[0].text("en") == "Strong factor_conditions (score 5.0/5)"
    for lang in ("fr", "ar", "en"):
        assert all(i.text(lang) for q in (swot.strengths, swot.weaknesses, swot.threats) for i in q)


def test_swot_thresholds_are_inclusive():
    scores = diamond({"wage_ratio": 1.05}).scores  # scores 4
    assert len(draft_swot(scores=scores, high=4).strengths) == 1
    assert len(draft_swot(scores=scores, high=4.5).strengths) == 0
    with pytest.raises(InvalidParameterError, match="'low' parameter of draft_swot"):
        draft_swot(high=3, low=4)


def test_swot_edit_returns_new_object():
    base = draft_swot(lifecycle=lifecycle_stage(series([100, 106, 112.36], FLAT, 0.5)))
    assert base.opportunities[0].text("fr").startswith(
        "La grappe est en phase d'émergence"
    ) or "émergence" in base.opportunities[0].text("fr")
    edited = base.edit(
        remove={"opportunities": [0]},
        add={"threats": [{"fr": "Sécheresse", "ar": "جفاف", "en": "Drought"}]},
    )
    assert base.opportunities and not edited.opportunities
    assert edited.threats[0].text("ar") == "جفاف"
    with pytest.raises(InvalidParameterError, match="'quadrant' parameter of Swot.edit"):
        Swot().edit(add={"risks": ["x"]})
