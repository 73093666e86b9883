"""impute_from_hierarchy: hand-computed hierarchies, invariants, and every error path.

All data here are synthetic (small hand-made hierarchies), labelled as such.
"""

from __future__ import annotations

import doctest
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import grappe.withheld
from grappe.codes import ancestors
from grappe.errors import InvalidParameterError
from grappe.withheld import IMPUTATION_STATUSES, HierarchyImputation, impute_from_hierarchy


def run(rows, *, classification="naics2017", groups=None):
    """rows: (code, employment, withheld, establishments)."""
    codes, emp, hidden, estab = (list(c) for c in zip(*rows, strict=True))
    return impute_from_hierarchy(
        codes, emp, hidden, estab, classification=classification, groups=groups
    )


def naive_impute(codes, emp, hidden, estab, groups, classification="naics2017"):
    """Reference implementation written independently: plain Python, one cell at a time,
    recursive on the parent (no vectorisation, no depth ordering)."""
    n = len(codes)
    where = {(g, c): i for i, (g, c) in enumerate(zip(groups, codes, strict=True))}
    parent = []
    for g, c in zip(groups, codes, strict=True):
        found = [where[(g, a)] for a in ancestors(c, classification) if (g, a) in where]
        parent.append(found[-1] if found else -1)
    children = {}
    for i, p in enumerate(parent):
        children.setdefault(p, []).append(i)
    memo = {}
    splits = {}
    # whole known counts: imputed counts are whole too (Hamilton's largest remainders)
    integral = all(float(emp[i]).is_integer() for i in range(n) if not hidden[i])

    def split(p):
        if p not in splits:
            kids = children[p]
            hid = [k for k in kids if hidden[k]]
            residual = max(solve(p)[0] - sum(emp[k] for k in kids if not hidden[k]), 0.0)
            total = sum(estab[k] for k in hid)
            shares = {
                k: residual * (estab[k] / total if total > 0 else 1.0 / len(hid)) for k in hid
            }
            if integral:
                floors = {k: math.floor(v + 1e-9) for k, v in shares.items()}
                left = round(residual) - sum(floors.values())
                by_remainder = sorted(hid, key=lambda k: (-(shares[k] - floors[k]), codes[k]))
                for k in by_remainder[:left]:
                    floors[k] += 1
                shares = {k: float(v) for k, v in floors.items()}
            splits[p] = shares
        return splits[p]

    def solve(i):
        if i not in memo:
            if not hidden[i]:
                memo[i] = (float(emp[i]), "known")
            elif parent[i] < 0 or solve(parent[i])[1] == "unresolved":
                memo[i] = (0.0, "unresolved")
            else:
                memo[i] = (split(parent[i])[i], "imputed")
        return memo[i]

    out = [solve(i) for i in range(n)]
    return np.array([v for v, _ in out]), [s for _, s in out], np.array(parent)


def test_docstring_examples():
    result = doctest.testmod(grappe.withheld, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


# --- hand-computed toys (synthetic) ---------------------------------------------------------


def test_sector_range_is_the_parent_and_establishments_weight_the_split():
    # 31-33 = 100; 311 known 60; 312 and 313 withheld with 3 and 1 establishments:
    # residual 40 split 3:1.
    result = run(
        [("31-33", 100, False, 10), ("311", 60, False, 5), ("312", 0, True, 3), ("313", 0, True, 1)]
    )
    assert isinstance(result, HierarchyImputation)
    assert result.employment.tolist() == [100.0, 60.0, 30.0, 10.0]
    assert list(result.status) == ["known", "known", "imputed", "imputed"]
    assert result.parent.tolist() == [-1, 0, 0, 0]
    assert (result.n_imputed, result.n_unresolved) == (2, 0)


def test_withheld_parent_is_imputed_before_its_children():
    # 00 = 100; 11 known 40; 21 and 22 withheld, 2 establishments each -> 30 and 30.
    # Under 21: 212 known 10, 211 withheld -> 30 - 10 = 20. Children listed before parents.
    result = run(
        [
            ("211", 0, True, 1),
            ("212", 10, False, 1),
            ("21", 0, True, 2),
            ("22", 0, True, 2),
            ("11", 40, False, 3),
            ("00", 100, False, 7),
        ]
    )
    assert result.employment.tolist() == [20.0, 10.0, 30.0, 30.0, 40.0, 100.0]
    assert list(result.status) == ["imputed", "known", "imputed", "imputed", "known", "known"]
    assert result.parent.tolist() == [2, 2, 5, 5, 5, -1]


def test_zero_establishments_split_equally():
    result = run([("00", 90, False, 4), ("11", 0, True, 0), ("21", 0, True, 0), ("22", 0, True, 0)])
    assert result.employment.tolist() == [90.0, 30.0, 30.0, 30.0]


def test_negative_residual_is_clipped_to_zero():
    # the published children (15) exceed the parent (10): the withheld child gets 0, imputed.
    result = run([("00", 10, False, 3), ("11", 15, False, 2), ("21", 0, True, 3)])
    assert result.employment.tolist() == [10.0, 15.0, 0.0]
    assert list(result.status) == ["known", "known", "imputed"]


def test_withheld_top_leaves_its_withheld_descendants_unresolved():
    # 00 withheld: nothing above it; 11 withheld under it is unresolved too; known 21 stays.
    result = run([("00", 0, True, 9), ("11", 7, True, 4), ("21", 5, False, 5)])
    assert result.employment.tolist() == [0.0, 0.0, 5.0]
    assert list(result.status) == ["unresolved", "unresolved", "known"]
    assert (result.n_imputed, result.n_unresolved) == (0, 2)


def test_nearest_present_ancestor_and_groups():
    # In group "a" 3111 is absent, so 31111's parent is 311; in group "b" 311 is absent too
    # and the parent is 31-33. Each group imputes from its own cells.
    rows = [
        ("311", 50, False, 5),
        ("31111", 0, True, 2),
        ("31112", 20, False, 1),
        ("31-33", 80, False, 9),
        ("31111", 0, True, 1),
        ("32", 30, False, 2),
    ]
    result = run(rows, groups=["a", "a", "a", "b", "b", "b"])
    assert result.parent.tolist() == [-1, 0, 0, -1, 3, 3]
    assert result.employment.tolist() == [50.0, 30.0, 20.0, 80.0, 50.0, 30.0]


def test_nace_hierarchy():
    result = run(
        [("TOTAL", 200, False, 9), ("C", 0, True, 4), ("10", 0, True, 3), ("101", 80, False, 1)],
        classification="nace2",
    )
    # C gets all of TOTAL's residual (200); 10 gets C's (200); 101 is known.
    assert result.employment.tolist() == [200.0, 200.0, 200.0, 80.0]


def test_inputs_are_not_modified_and_results_are_read_only():
    emp = np.array([10.0, 0.0])
    hidden = np.array([False, True])
    result = impute_from_hierarchy(["00", "11"], emp, hidden, [2, 3], classification="naics")
    assert emp.tolist() == [10.0, 0.0]
    with pytest.raises(ValueError, match="read-only"):
        result.employment[0] = 1.0
    assert tuple(result.status.categories) == IMPUTATION_STATUSES


def test_categorical_codes_and_empty_input():
    cat = pd.Categorical(["00", "11", "11"], categories=["11", "00", "99"])
    result = impute_from_hierarchy(
        cat, [9, 0, 4], [False, True, False], [1, 1, 1], classification="naics2017",
        groups=[1, 1, 2],
    )  # fmt: skip
    # group 2 holds 11 alone: no parent; group 1: 11 gets 9.
    assert result.employment.tolist() == [9.0, 9.0, 4.0]
    empty = impute_from_hierarchy([], [], [], [], classification="naics2017")
    assert len(empty.employment) == 0 and empty.n_imputed == 0


# --- invariants (hypothesis, synthetic hierarchies) -----------------------------------------

UNIVERSE = ["00", "31-33", "31", "311", "3111", "31111", "311111", "312", "3121", "42", "423"]


@st.composite
def tables(draw):
    rows = []
    for group in range(draw(st.integers(1, 3))):
        codes = draw(st.lists(st.sampled_from(UNIVERSE), min_size=1, max_size=11, unique=True))
        for code in codes:
            rows.append(
                (
                    code,
                    float(draw(st.integers(0, 500))),
                    draw(st.booleans()),
                    float(draw(st.integers(0, 6))),
                    group,
                )
            )
    return pd.DataFrame(rows, columns=["code", "emp", "hidden", "estab", "group"])


def impute(frame):
    return impute_from_hierarchy(
        frame["code"].to_numpy(),
        frame["emp"].to_numpy(),
        frame["hidden"].to_numpy(),
        frame["estab"].to_numpy(),
        classification="naics2017",
        groups=frame["group"].to_numpy(),
    )


@settings(max_examples=60, deadline=None)
@given(tables())
def test_invariants(frame):
    result = impute(frame)
    value, parent = result.employment, result.parent
    status = np.asarray(result.status)
    hidden = frame["hidden"].to_numpy()
    # known cells unchanged; every value non-negative; unresolved cells at 0
    np.testing.assert_array_equal(value[~hidden], frame["emp"].to_numpy()[~hidden])
    assert (value >= 0).all()
    assert (value[status == "unresolved"] == 0).all()
    assert set(status[hidden]) <= {"imputed", "unresolved"}
    # a withheld cell is resolved exactly when its parent exists and is resolved
    for i in np.flatnonzero(hidden):
        expected = parent[i] >= 0 and status[parent[i]] != "unresolved"
        assert (status[i] == "imputed") == expected
    # imputed children add up to their parent's clipped residual, never more
    for p in np.unique(parent[parent >= 0]):
        kids = parent == p
        known_sum = value[kids & ~hidden].sum()
        imputed_sum = value[kids & (status == "imputed")].sum()
        residual = max(value[p] - known_sum, 0.0)
        assert imputed_sum <= residual + 1e-9 * max(1.0, residual)
        if (kids & (status == "imputed")).any():
            assert imputed_sum == pytest.approx(residual)


@settings(max_examples=60, deadline=None)
@given(tables())
def test_agrees_with_the_naive_reference(frame):
    result = impute(frame)
    value, status, parent = naive_impute(
        *(frame[c].tolist() for c in ("code", "emp", "hidden", "estab", "group"))
    )
    np.testing.assert_allclose(result.employment, value, rtol=1e-12, atol=1e-9)
    assert list(result.status) == status
    np.testing.assert_array_equal(result.parent, parent)


@pytest.mark.shared
def test_agrees_with_the_naive_reference_on_cbp_2017(shared_data):
    # U.S. Census Bureau CBP state file (public domain), 2017: 3,866 withheld cells.
    path = shared_data / "us_cbp_2017_2021" / "cbp_state_naics_2017_2021.parquet"
    cbp = pd.read_parquet(path, filters=[("year", "==", 2017)])
    hidden = ((cbp["emp"] == 0) & (cbp["estab"] >= 3)).to_numpy()
    result = impute_from_hierarchy(
        cbp["naics"].to_numpy(),
        cbp["emp"].to_numpy(),
        hidden,
        cbp["estab"].to_numpy(),
        classification="naics2017",
        groups=cbp["state_fips"].to_numpy(),
    )
    value, status, _ = naive_impute(
        cbp["naics"].tolist(),
        cbp["emp"].tolist(),
        hidden.tolist(),
        cbp["estab"].tolist(),
        cbp["state_fips"].tolist(),
    )
    assert hidden.sum() > 3000 and result.n_imputed == hidden.sum()
    np.testing.assert_allclose(result.employment, value, rtol=1e-12)
    assert list(result.status) == status


@settings(max_examples=40, deadline=None)
@given(tables(), st.randoms(use_true_random=False))
def test_row_order_does_not_matter(frame, rnd):
    order = list(range(len(frame)))
    rnd.shuffle(order)
    shuffled = frame.iloc[order].reset_index(drop=True)
    base, moved = impute(frame), impute(shuffled)
    np.testing.assert_allclose(moved.employment, base.employment[order], rtol=1e-12)
    assert list(moved.status) == [base.status[i] for i in order]


@settings(max_examples=30, deadline=None)
@given(tables())
def test_nothing_withheld_returns_the_input(frame):
    frame = frame.assign(hidden=False)
    result = impute(frame)
    np.testing.assert_array_equal(result.employment, frame["emp"].to_numpy())
    assert set(result.status) <= {"known"}


# --- error paths ----------------------------------------------------------------------------


def test_custom_classification_is_refused():
    with pytest.raises(InvalidParameterError, match="'classification' parameter .* hierarchy"):
        impute_from_hierarchy(["a"], [1], [False], [1], classification="custom")


def test_unknown_classification_is_refused():
    with pytest.raises(InvalidParameterError, match="'classification' parameter"):
        impute_from_hierarchy(["00"], [1], [False], [1], classification="sic")


@pytest.mark.parametrize("name", ["employment", "withheld", "establishments", "groups"])
def test_lengths_must_match(name):
    args = {
        "employment": [1.0, 2.0],
        "withheld": [False, True],
        "establishments": [1.0, 1.0],
        "groups": [0, 0],
    }
    args[name] = args[name][:1]
    with pytest.raises(InvalidParameterError, match=f"'{name}' parameter .* length of 'codes'"):
        impute_from_hierarchy(["00", "11"], **args, classification="naics2017")


def test_non_numeric_employment_is_refused():
    with pytest.raises(InvalidParameterError, match="'employment' parameter .* 1-D array"):
        impute_from_hierarchy(["00"], ["x"], [False], [1], classification="naics2017")


def test_known_employment_must_be_finite_and_non_negative():
    for bad in (np.nan, -1.0, np.inf, -np.inf):
        with pytest.raises(InvalidParameterError, match="'employment' parameter .* finite"):
            impute_from_hierarchy(
                ["00", "11"], [bad, 0], [False, True], [1, 1], classification="naics2017"
            )
    # a withheld cell's value is ignored, whatever it is
    result = impute_from_hierarchy(
        ["00", "11"], [7, np.nan], [False, True], [1, 1], classification="naics2017"
    )
    assert result.employment.tolist() == [7.0, 7.0]


def test_withheld_establishments_must_be_finite_and_non_negative():
    for bad in (np.nan, -2.0):
        with pytest.raises(InvalidParameterError, match="'establishments' parameter"):
            impute_from_hierarchy(
                ["00", "11"], [5, 0], [False, True], [1, bad], classification="naics2017"
            )


def test_a_parent_code_twice_in_a_group_is_refused():
    with pytest.raises(InvalidParameterError, match="'codes' parameter .* '00' more than once"):
        impute_from_hierarchy(
            ["00", "00", "11"], [5, 6, 0], [False, False, True], [1, 1, 1],
            classification="naics2017", groups=["a", "a", "a"],
        )  # fmt: skip
    # the same code in two groups is fine, and missing groups form a group of their own
    result = impute_from_hierarchy(
        ["00", "00", "11"], [5, 6, 0], [False, False, True], [1, 1, 1],
        classification="naics2017", groups=["a", None, None],
    )  # fmt: skip
    assert result.employment.tolist() == [5.0, 6.0, 6.0]


@settings(max_examples=30, deadline=None)
@given(tables())
def test_parents_found_block_by_block_agree_with_one_table(frame):
    # Many groups are looked up a block of groups at a time: force one group per block here.
    whole = impute(frame)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grappe.withheld, "_CHUNK_SLOTS", 1)
        blocks = impute(frame)
    np.testing.assert_array_equal(blocks.parent, whole.parent)
    np.testing.assert_array_equal(blocks.employment, whole.employment)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grappe.withheld, "_CHUNK_SLOTS", 1)
        with pytest.raises(InvalidParameterError, match="more than once"):
            impute_from_hierarchy(
                ["00", "11", "00"], [1, 1, 1], [False] * 3, [1] * 3, classification="naics"
            )


def test_parents_are_found_whatever_the_order_of_the_groups():
    # rows of a group need not be together in the input
    codes = ["00", "11", "00", "11", "113"]
    result = impute_from_hierarchy(
        codes, [10, 0, 20, 0, 4], [False, True, False, True, False], [1, 1, 1, 1, 1],
        classification="naics2017", groups=["a", "a", "b", "b", "a"],
    )  # fmt: skip
    assert result.parent.tolist() == [-1, 0, -1, 2, 1]
    assert result.employment.tolist() == [10.0, 10.0, 20.0, 20.0, 4.0]


def test_codes_must_be_one_dimensional():
    with pytest.raises(InvalidParameterError, match="'codes' parameter .* 1-D array of codes"):
        impute_from_hierarchy([["00", "11"]], [1], [False], [1], classification="naics2017")


def test_whole_jobs_are_apportioned_by_largest_remainders():
    # 10 jobs among three withheld codes with 1 establishment each: 3.33 each -> 4, 3, 3 (the
    # tie goes to the smallest code, whatever the row order)
    for order in ([0, 1, 2, 3], [3, 2, 1, 0]):
        codes = np.array(["31-33", "311", "312", "313"])[order]
        emp = np.array([10, 0, 0, 0])[order]
        hidden = np.array([False, True, True, True])[order]
        res = impute_from_hierarchy(codes, emp, hidden, [1, 1, 1, 1], classification="naics2017")
        got = dict(zip(codes, res.employment, strict=True))
        assert got == {"31-33": 10.0, "311": 4.0, "312": 3.0, "313": 3.0}
    # 7 jobs shared 2:1 -> 4.67 and 2.33 -> 5 and 2 (the largest remainder gets the job)
    res = impute_from_hierarchy(
        ["31-33", "311", "312"],
        [7, 0, 0],
        [False, True, True],
        [3, 2, 1],
        classification="naics2017",
    )
    assert res.employment.tolist() == [7.0, 5.0, 2.0]


def test_fractional_employment_is_shared_exactly():
    # full-time equivalents (not whole numbers): proportional shares, no rounding
    res = impute_from_hierarchy(
        ["31-33", "311", "312", "313"],
        [10.5, 0.5, 0, 0],
        [False, False, True, True],
        [4, 1, 1, 2],
        classification="naics2017",
    )
    np.testing.assert_allclose(res.employment, [10.5, 0.5, 10 / 3, 20 / 3], rtol=1e-15)


def test_small_integer_groups_are_used_as_they_are_and_agree_with_labels():
    # region × year ids as the reader builds them (not consecutive) give the labels' result
    codes = ["00", "11", "113", "00", "11", "113"]
    emp, hidden, estab = [30, 0, 4, 50, 0, 9], [False, True, False] * 2, [1] * 6
    by_ids = impute_from_hierarchy(
        codes, emp, hidden, estab, classification="naics2017", groups=[7, 7, 7, 2, 2, 2]
    )
    by_labels = impute_from_hierarchy(
        codes, emp, hidden, estab, classification="naics2017", groups=list("aaabbb")
    )
    np.testing.assert_array_equal(by_ids.parent, by_labels.parent)
    assert by_ids.parent.tolist() == [-1, 0, 1, -1, 3, 4]
    assert by_ids.employment.tolist() == [30.0, 30.0, 4.0, 50.0, 50.0, 9.0]


def test_groups_together_apart_or_in_order_give_the_parents_of_each_group_alone(monkeypatch):
    # Three layouts of the same cells: groups in order (no renumbering), each group's rows
    # together but the groups out of order (numbered by run, no sort), a group split in two
    # (sorted). Small table blocks make every layout cross several blocks of groups.
    import grappe.withheld as withheld

    monkeypatch.setattr(withheld, "_CHUNK_SLOTS", 16)
    block = ["00", "31-33", "311", "3111", "31111", "311111", "312", "3121"]
    emp = [90, 50, 30, 0, 12, 0, 0, 5]
    hidden = [False, False, False, True, False, True, True, False]
    estab = [9, 5, 3, 2, 1, 1, 4, 1]
    alone = impute_from_hierarchy(block, emp, hidden, estab, classification="naics2017")
    n, ids = len(block), [5, 0, 3, 9, 1]
    for group_ids in (sorted(ids), ids):
        groups = np.repeat(group_ids, n)
        res = impute_from_hierarchy(
            block * 5, emp * 5, hidden * 5, estab * 5, classification="naics2017", groups=groups
        )
        offsets = np.repeat(np.arange(5) * n, n)
        expected = np.where(np.tile(alone.parent, 5) >= 0, np.tile(alone.parent, 5) + offsets, -1)
        np.testing.assert_array_equal(res.parent, expected)
        np.testing.assert_array_equal(res.employment, np.tile(alone.employment, 5))
    # group 0 split: its last three rows come after group 1's rows
    order = list(range(5)) + list(range(8, 16)) + list(range(5, 8))
    res = impute_from_hierarchy(
        [(block * 2)[i] for i in order], [(emp * 2)[i] for i in order],
        [(hidden * 2)[i] for i in order], [(estab * 2)[i] for i in order],
        classification="naics2017", groups=np.repeat([0, 1], n)[order],
    )  # fmt: skip
    np.testing.assert_array_equal(res.employment, np.tile(alone.employment, 2)[order])


def test_published_children_add_up_the_published_employment_under_each_parent():
    # 00 holds 31-33 (published, 100) and 42 (withheld); 31-33 holds 311 (60) and 312, 313
    result = impute_from_hierarchy(
        ["00", "31-33", "311", "312", "313", "42"],
        [300, 100, 60, 0, 0, 0],
        [False, False, False, True, True, True],
        [20, 10, 5, 3, 1, 2],
        classification="naics2017",
    )
    assert result.published_children.tolist() == [100.0, 60.0, 0.0, 0.0, 0.0, 0.0]
    assert result.employment.tolist() == [300.0, 100.0, 60.0, 30.0, 10.0, 200.0]
    assert not result.published_children.flags.writeable
