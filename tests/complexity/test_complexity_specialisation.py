"""RCA, RPOP, binary specialisation, diversity, ubiquity: toys, invariants, error paths."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from grappe.complexity import (
    as_matrix,
    binary_specialisation,
    diversity,
    pivot_long,
    rca,
    rpop,
    ubiquity,
)
from grappe.errors import InvalidParameterError

TOY = pd.DataFrame([[2.0, 2.0], [1.0, 3.0]], index=["a", "b"], columns=["x", "y"])


def test_rca_hand_computed():
    # total 8; x is 3/8 of the world; a's share of x is 2/4 -> RCA = (1/2)/(3/8) = 4/3
    out = rca(TOY)
    expected = np.array([[4 / 3, 0.8], [2 / 3, 1.2]])
    np.testing.assert_allclose(out.to_numpy(), expected, rtol=0, atol=1e-15)
    assert list(out.index) == ["a", "b"] and list(out.columns) == ["x", "y"]


def test_rca_dense_sparse_array_agree():
    rng = np.random.default_rng(3)
    X = rng.random((20, 15)) * (rng.random((20, 15)) < 0.4)
    dense = rca(X)
    sparse = rca(sp.csr_array(X))
    assert sp.issparse(sparse)
    np.testing.assert_allclose(sparse.toarray(), dense, rtol=1e-15, atol=0)
    assert isinstance(dense, np.ndarray)


def test_rca_zero_row_gives_zero_not_nan():
    X = np.array([[1.0, 2.0], [0.0, 0.0], [3.0, 1.0]])
    out = rca(X)
    assert np.isfinite(out).all() and (out[1] == 0).all()


def test_rpop_hand_computed():
    X = pd.DataFrame([[10.0, 0.0], [10.0, 20.0]], index=["a", "b"], columns=["x", "y"])
    out = rpop(X, pd.Series({"b": 3.0, "a": 1.0}))
    # x: 20 jobs for 4 people world-wide = 5 per head; a has 10 per head -> 2
    np.testing.assert_allclose(out.to_numpy(), [[2.0, 0.0], [10 / 3 / 5, 20 / 3 / 5]])


def test_binary_specialisation_threshold_and_rpop_union():
    X = pd.DataFrame([[10.0, 0.0], [10.0, 20.0]], index=["a", "b"], columns=["x", "y"])
    assert binary_specialisation(X).to_numpy().tolist() == [[1.0, 0.0], [0.0, 1.0]]
    assert binary_specialisation(X, threshold=2.5).to_numpy().sum() == 0
    pop = pd.Series({"a": 1.0, "b": 3.0})
    both = binary_specialisation(X, method="rca_or_rpop", population=pop)
    assert both.to_numpy().tolist() == [[1.0, 0.0], [0.0, 1.0]]
    only = binary_specialisation(X, method="rpop", population=pop, threshold=1.2)
    assert only.to_numpy().tolist() == [[1.0, 0.0], [0.0, 1.0]]


def test_diversity_ubiquity_labels():
    M = binary_specialisation(TOY)
    assert diversity(M).to_dict() == {"a": 1.0, "b": 1.0}
    assert ubiquity(M).name == "ubiquity" and ubiquity(M).to_dict() == {"x": 1.0, "y": 1.0}


def test_missing_policies_are_explicit():
    X = pd.DataFrame(
        [[1.0, np.nan], [2.0, 3.0], [1.0, 1.0]], index=["p", "q", "r"], columns=["x", "y"]
    )
    with pytest.raises(InvalidParameterError, match="partial or withheld location"):
        rca(X)
    dropped = as_matrix(X, func="f", missing="drop")
    assert dropped.dropped_rows == ("p",) and list(dropped.rows) == ["q", "r"]
    # dropping the partial region changes the denominators: RCA of q is computed on q and r only
    np.testing.assert_allclose(
        rca(X, missing="drop").loc["q"].to_numpy(), rca(X.loc[["q", "r"]]).loc["q"].to_numpy()
    )
    zero = rca(X, missing="zero")
    assert zero.loc["p", "y"] == 0.0


def test_missing_drop_on_sparse():
    X = sp.csr_array(np.array([[1.0, np.nan], [2.0, 3.0], [1.0, 1.0]]))
    m = as_matrix(X, func="f", missing="drop")
    assert m.dropped_rows == (0,) and m.values.shape == (2, 2)


def test_pivot_long_sums_duplicates_and_keeps_withheld_nan():
    long = pd.DataFrame(
        {"r": ["a", "a", "a", "b"], "i": ["x", "x", "y", "x"], "v": [1.0, 2.0, np.nan, 4.0]}
    )
    wide = pivot_long(long, rows="r", cols="i", values="v")
    assert wide.loc["a", "x"] == 3.0 and np.isnan(wide.loc["a", "y"]) and wide.loc["b", "y"] == 0.0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"X": [[1.0, -1.0]]}, "non-negative"),
        ({"X": [[1.0, np.inf]]}, "infinite"),
        ({"X": [1.0, 2.0]}, "2-D"),
        ({"X": np.zeros((0, 2))}, "non-empty"),
        ({"X": [[1.0, 2.0]], "rows": ["a", "b"]}, "1 labels"),
        ({"X": [[1.0, 2.0]], "missing": "ignore"}, "'missing' parameter"),
        ({"X": [["a", "b"]]}, "2-D numeric"),
        ({"X": pd.DataFrame({"a": ["x"]})}, "numeric DataFrame"),
        ({"X": [[np.nan, 1.0]], "missing": "drop"}, "at least one complete row"),
    ],
)
def test_rca_errors(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        rca(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"threshold": 0.0}, "'threshold' parameter"),
        ({"method": "lq"}, "'method' parameter"),
        ({"method": "rpop"}, "'population' parameter"),
        ({"method": "rpop", "population": [1.0]}, "one value per location"),
        ({"method": "rpop", "population": pd.Series({"a": 1.0})}, "every location"),
        ({"method": "rpop", "population": [1.0, 0.0]}, "positive and finite"),
    ],
)
def test_binary_specialisation_errors(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        binary_specialisation(TOY, **kwargs)


def test_pivot_long_errors():
    with pytest.raises(InvalidParameterError, match="'rows' parameter"):
        pivot_long(pd.DataFrame({"a": [1]}), rows="r", cols="a", values="a")
    with pytest.raises(InvalidParameterError, match="'frame' parameter"):
        pivot_long([1, 2], rows="r", cols="c", values="v")


# activity values are 0 or within twelve orders of magnitude: with values near the smallest
# normal double (1e-300), RCA overflows to ~1e308 and no weighted mean can be checked to 1e-9
matrices = arrays(
    np.float64,
    st.tuples(st.integers(2, 8), st.integers(2, 8)),
    elements=st.one_of(st.just(0.0), st.floats(1e-6, 1e6, allow_nan=False)),
)


@settings(max_examples=60, deadline=None)
@given(
    base=arrays(np.float64, st.integers(2, 8), elements=st.floats(0.01, 1e4)),
    factors=arrays(np.float64, st.integers(2, 6), elements=st.floats(0.01, 1e4)),
)
def test_rca_of_proportional_rows_is_one(base, factors):
    X = factors[:, None] * base[None, :]
    np.testing.assert_allclose(rca(X), 1.0, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(X=matrices, k=st.floats(1e-3, 1e3), data=st.data())
def test_rca_under_row_scaling(X, k, data):
    """Scaling one location's row leaves its own activity shares, hence RCA x world share,
    unchanged; scaling the whole matrix leaves RCA itself unchanged. (Scaling one row does
    change world shares, so other locations' RCA move: RCA is not invariant to that.)"""
    i = data.draw(st.integers(0, X.shape[0] - 1))
    Y = X.copy()
    Y[i] *= k
    if X[i].sum() == 0:
        return
    world_x = X.sum(axis=0) / X.sum()
    world_y = Y.sum(axis=0) / Y.sum()
    np.testing.assert_allclose(rca(Y)[i] * world_y, rca(X)[i] * world_x, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(rca(X * k), rca(X), rtol=1e-12, atol=1e-15)


@settings(max_examples=60, deadline=None)
@given(X=matrices, data=st.data())
def test_rca_permutation_equivariant(X, data):
    pr = np.array(data.draw(st.permutations(range(X.shape[0]))))
    pc = np.array(data.draw(st.permutations(range(X.shape[1]))))
    np.testing.assert_allclose(rca(X[pr][:, pc]), rca(X)[pr][:, pc], rtol=1e-12, atol=1e-15)


@settings(max_examples=40, deadline=None)
@given(X=matrices)
def test_rca_never_mutates_input_and_shares_weighted_mean_is_one(X):
    before = X.copy()
    R = rca(X)
    np.testing.assert_array_equal(X, before)
    # the world-share-weighted mean of a location's RCA is 1 (when it has activity)
    col = X.sum(axis=0)
    if X.sum() > 0:
        w = col / X.sum()
        for i in np.flatnonzero(X.sum(axis=1) > 0):
            assert abs(R[i] @ w - 1.0) < 1e-9
