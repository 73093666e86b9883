"""Concentration, specialisation, agglomeration and shift-share: toys, invariants, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from grappe.concentration import (
    coagglomeration,
    ellison_glaeser,
    entropy_decomposition,
    gini,
    herfindahl,
    hoover,
    krugman,
    locational_gini,
    plant_herfindahl,
    shift_share,
)
from grappe.errors import InvalidParameterError

X = pd.DataFrame(
    {"a": [10.0, 0.0, 0.0], "b": [5.0, 3.0, 2.0], "c": [5.0, 7.0, 8.0]}, index=["r1", "r2", "r3"]
)

matrices = arrays(
    np.float64,
    st.tuples(st.integers(2, 7), st.integers(2, 7)),
    elements=st.floats(0.0, 1e5, allow_subnormal=False),
)


def test_hoover_and_krugman_by_hand():
    # total by region: 20, 10, 10 -> x = (.5, .25, .25); industry a all in r1
    assert hoover(X)["a"] == pytest.approx(0.5 * (0.5 + 0.25 + 0.25))
    # r1's mix (.5, .25, .25) vs the rest (0, .25, .75)
    assert krugman(X)["r1"] == pytest.approx(0.5 + 0.0 + 0.5)
    total_mix = X.sum() / X.to_numpy().sum()
    assert krugman(X, reference="total")["r1"] == pytest.approx(
        np.abs(X.loc["r1"] / 20 - total_mix).sum()
    )
    assert hoover(X, by="region")["r1"] == pytest.approx(
        0.5 * np.abs(X.loc["r1"] / 20 - total_mix).sum()
    )


def test_herfindahl_gini_by_hand():
    hhi = herfindahl(X)
    assert hhi["a"] == 1.0 and hhi["b"] == pytest.approx(0.25 + 0.09 + 0.04)
    assert herfindahl(X, normalised=True)["a"] == pytest.approx(1.0)
    assert herfindahl(X, by="region")["r1"] == pytest.approx(0.25 + 0.0625 + 0.0625)
    assert gini([1, 2, 3, 4]) == pytest.approx(
        sum(abs(i - j) for i in range(1, 5) for j in range(1, 5)) / (2 * 16 * 2.5)
    )


def test_locational_gini_by_hand():
    # industry spread exactly like total employment -> 0
    Y = pd.DataFrame({"k": [2.0, 1.0, 1.0], "other": [18.0, 9.0, 9.0]})
    assert locational_gini(Y)["k"] == pytest.approx(0.0, abs=1e-15)
    # all of an industry in a region holding a share t of employment -> 1 - t
    assert locational_gini(X)["a"] == pytest.approx(1 - 0.5)


def test_entropy_decomposition_by_hand():
    E = pd.DataFrame([[1.0, 1.0, 2.0, 0.0]], columns=["311", "312", "421", "422"])
    out = entropy_decomposition(E, 1)
    # shares (.25,.25,.5,0): H = 1.5 bits; groups 3 (.5) and 4 (.5): between = 1, within = .5
    assert out.loc[0, "entropy"] == pytest.approx(1.5)
    assert out.loc[0, "between"] == pytest.approx(1.0) and out.loc[0, "within"] == pytest.approx(
        0.5
    )
    assert out.loc[0, "theil"] == pytest.approx(2.0 - 1.5)
    same = entropy_decomposition(E, {"311": "m", "312": "m", "421": "w", "422": "w"})
    pd.testing.assert_frame_equal(out, same)
    by_func = entropy_decomposition(E, lambda code: code[0], base=np.e)
    assert by_func.loc[0, "entropy"] == pytest.approx(1.5 * np.log(2))


def test_ellison_glaeser_hand_case():
    # x = (.5, .3, .2); industry shares s = (.2, .3, .5); G = .09 + 0 + .09 = .18; H = .1
    Y = pd.DataFrame({"k": [2.0, 3.0, 5.0]}, index=["r1", "r2", "r3"])
    out = ellison_glaeser(Y, {"k": 0.1}, reference=pd.Series({"r1": 50.0, "r2": 30.0, "r3": 20.0}))
    assert out.loc["k", "G"] == pytest.approx(0.18)
    assert out.loc["k", "gamma"] == pytest.approx((0.18 - 0.62 * 0.1) / (0.62 * 0.9))


def test_ellison_glaeser_dartboard_expectation_is_zero():
    """Plants thrown at random with probabilities x give E[gamma] = 0 (EG 1997, prop. 1)."""
    rng = np.random.default_rng(42)
    x = np.array([0.4, 0.3, 0.2, 0.1])
    sizes = np.array([50.0, 30.0, 20.0, 10.0, 10.0, 5.0, 5.0])
    H = ((sizes / sizes.sum()) ** 2).sum()
    gammas = []
    for _ in range(1500):
        where = rng.choice(4, size=sizes.size, p=x)
        emp = np.bincount(where, weights=sizes, minlength=4)
        gammas.append(ellison_glaeser(emp[:, None], [H], reference=x * 1000)["gamma"].iloc[0])
    gammas = np.array(gammas)
    assert abs(gammas.mean()) < 4 * gammas.std() / np.sqrt(gammas.size)


def test_plant_herfindahl_and_coagglomeration():
    plants = pd.DataFrame({"industry": ["a", "a", "b"], "employment": [1.0, 3.0, 5.0]})
    assert plant_herfindahl(plants).to_dict() == {"a": 0.625, "b": 1.0}
    gc = coagglomeration(X, reference=[1.0, 1.0, 1.0])
    s = X / X.sum()
    d = s.to_numpy() - 1 / 3
    assert gc.loc["a", "c"] == pytest.approx((d[:, 0] @ d[:, 2]) / (1 - 3 / 9))
    assert np.allclose(gc, gc.T)


def test_shift_share_by_hand():
    e0 = pd.DataFrame({"a": [10.0, 10.0], "b": [10.0, 10.0]}, index=["r1", "r2"])
    e1 = pd.DataFrame({"a": [20.0, 10.0], "b": [10.0, 10.0]}, index=["r1", "r2"])
    ss = shift_share(e0, e1).set_index(["region", "industry"])
    # g = 50/40 - 1 = .25 ; g_a = .5 ; r1-a grew 100 %
    assert ss.loc[("r1", "a"), "national"] == 2.5
    assert ss.loc[("r1", "a"), "industry_mix"] == 2.5
    assert ss.loc[("r1", "a"), "regional"] == 5.0
    assert ss.loc[("r2", "a"), "regional"] == -5.0


@settings(max_examples=60, deadline=None)
@given(e0=matrices, data=st.data())
def test_shift_share_components_sum_to_change(e0, data):
    assume(e0.sum() > 1e-3)  # growth rates of ~1e300 overflow; not employment data
    e1 = data.draw(
        arrays(np.float64, e0.shape, elements=st.floats(0.0, 1e5, allow_subnormal=False))
    )
    ss = shift_share(e0, e1)
    total = ss["national"] + ss["industry_mix"] + ss["regional"]
    np.testing.assert_allclose(total, ss["change"], atol=1e-6 * max(1.0, e1.max(), e0.max()))
    # the regional (competitive) effects of an industry that existed at the start sum to 0
    by_ind = ss.groupby("industry")[["regional", "employment_start"]].sum()
    started = by_ind["employment_start"] > 0
    np.testing.assert_allclose(
        by_ind.loc[started, "regional"], 0.0, atol=1e-6 * max(1.0, e1.max(), e0.max()) * e0.size
    )


@settings(max_examples=60, deadline=None)
@given(E=matrices, data=st.data())
def test_indices_bounds_and_permutation(E, data):
    assume((E.sum(axis=0) > 1e-3).all() and (E.sum(axis=1) > 1e-3).all())
    h = hoover(E).to_numpy()
    assert ((h >= -1e-12) & (h <= 1)).all()
    hhi = herfindahl(E).to_numpy()
    assert ((hhi >= 1 / E.shape[0] - 1e-12) & (hhi <= 1 + 1e-12)).all()
    k = krugman(E).to_numpy()
    assert ((k >= -1e-12) & (k <= 2 + 1e-12)).all()
    lg = locational_gini(E).to_numpy()
    assert ((lg >= -1e-9) & (lg <= 1)).all()
    ent = entropy_decomposition(E, lambda c: c % 2)
    np.testing.assert_allclose(ent["between"] + ent["within"], ent["entropy"], atol=1e-12)
    assert (ent["within"] >= -1e-12).all() and (ent["entropy"] <= ent["max_entropy"] + 1e-12).all()
    pr = np.array(data.draw(st.permutations(range(E.shape[0]))))
    np.testing.assert_allclose(hoover(E[pr]).to_numpy(), h, atol=1e-12)
    np.testing.assert_allclose(locational_gini(E[pr]).to_numpy(), lg, atol=1e-9)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: hoover(X, by="firm"), "'by' parameter"),
        (lambda: krugman(X, reference="eu"), "'reference' parameter"),
        (lambda: herfindahl(X, normalised=1), "'normalised' parameter"),
        (lambda: hoover(np.zeros((2, 2))), "some positive employment"),
        (lambda: gini([]), "'values' parameter of gini"),
        (lambda: gini([1, -1]), "'values' parameter of gini"),
        (lambda: entropy_decomposition(X, {"a": 1}), "every industry"),
        (lambda: entropy_decomposition(X, True), "Got a bool"),
        (lambda: entropy_decomposition(X, 1.5), "'groups' parameter"),
        (lambda: entropy_decomposition(X, 1, base=1.0), "'base' parameter"),
        (lambda: ellison_glaeser(X, {"a": 0.1}), "every industry"),
        (lambda: ellison_glaeser(X, [0.1, 0.2]), "one value per industry"),
        (lambda: ellison_glaeser(X, [0.1, 1.0, 0.1]), r"\[0, 1\)"),
        (lambda: ellison_glaeser(X, [0.1, np.nan, 0.1]), "finite"),
        (
            lambda: ellison_glaeser(X, [0.1] * 3, reference=[1.0]),
            "one non-negative value per region",
        ),
        (lambda: ellison_glaeser(X, [0.1] * 3, reference=pd.Series({"r1": 1.0})), "every region"),
        (lambda: plant_herfindahl(pd.DataFrame({"x": [1]})), "'plants' parameter"),
        (
            lambda: plant_herfindahl(pd.DataFrame({"industry": ["a"], "employment": [-1.0]})),
            "non-negative sizes",
        ),
        (lambda: shift_share(X, X[["a", "b"]]), "same regions and industries"),
        (lambda: shift_share(X * 0, X), "some positive employment"),
        (lambda: hoover(X.assign(a=[1.0, np.nan, 2.0])), "missing='drop'"),
    ],
)
def test_errors(call, match):
    with pytest.raises(InvalidParameterError, match=match):
        call()


def test_partial_regions_dropped_explicitly():
    Y = X.assign(a=[10.0, np.nan, 0.0])
    out = hoover(Y, missing="drop")
    np.testing.assert_allclose(out.to_numpy(), hoover(X.drop(index="r2")).to_numpy())
    ss = shift_share(Y, X, missing="drop")
    assert set(ss["region"]) == {"r1", "r3"}


@pytest.mark.shared
def test_cbp_state_indices_sane(shared_data):
    """On real CBP state employment (2019, 3-digit NAICS) the indices behave as expected:
    mining and oil (211) are far more localised than food services (722)."""
    cbp = pd.read_parquet(shared_data / "us_cbp_2017_2021" / "cbp_state_naics_2017_2021.parquet")
    cols = {c.lower(): c for c in cbp.columns}
    naics, state, emp = cols.get("naics"), cols.get("state_fips", cols.get("fips")), cols.get("emp")
    sub = cbp[(cbp[cols["year"]] == 2019) & (cbp[naics].astype(str).str.len() == 3)]
    E = (
        sub.pivot_table(index=state, columns=naics, values=emp, aggfunc="sum")
        .fillna(0)
        .astype(float)
    )
    g = locational_gini(E)
    assert g["211"] > g["722"] and hoover(E)["211"] > hoover(E)["722"]
    gamma = ellison_glaeser(E, np.full(E.shape[1], 0.01))["gamma"]
    assert gamma["211"] > gamma["722"]
