"""The dense (group, code) table shared by the withheld imputation and the duplicate check."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe._groups import in_group_order, repeats_within_groups


def cells():
    """(group, code) pairs: a few groups, a few codes, in any order, repeats possible."""
    pair = st.tuples(st.integers(0, 6), st.integers(0, 4))
    return st.lists(pair, min_size=0, max_size=40).map(lambda p: np.array(p, dtype=np.int64))


@settings(max_examples=150, deadline=None)
@given(cells(), st.booleans())
def test_repeats_within_groups_agree_with_a_sort_of_the_keys(pairs, together):
    pairs = pairs.reshape(-1, 2)
    if together:  # each group's cells together, the groups out of order: numbered by run
        pairs = pairs[np.argsort(-pairs[:, 0], kind="stable")]
    group, codes = pairs[:, 0], pairs[:, 1]
    keys = np.sort(group * 5 + codes)
    expected = bool((keys[1:] == keys[:-1]).any())
    assert repeats_within_groups(group, codes, 5) is expected


def test_small_tables_cross_blocks_of_groups():
    # 8 slots: two groups of 4 codes per block
    group = np.repeat([3, 0, 2, 1, 4], 4)
    codes = np.tile([0, 1, 2, 3], 5)
    assert repeats_within_groups(group, codes, 4, slots=8) is False
    codes[-1] = 2  # group 4 holds code 2 twice
    assert repeats_within_groups(group, codes, 4, slots=8) is True
    codes[-1], codes[5] = 3, 0  # group 0 holds code 0 twice, in the first block
    assert repeats_within_groups(group, codes, 4, slots=8) is True


def test_in_group_order_sorts_only_split_groups():
    ids, order = in_group_order(np.array([0, 0, 1, 2, 2]))
    assert order is None and ids.tolist() == [0, 0, 1, 2, 2]
    ids, order = in_group_order(np.array([7, 7, 2, 2, 2, 5]))  # together: runs, no sort
    assert order is None and ids.tolist() == [0, 0, 1, 1, 1, 2]
    ids, order = in_group_order(np.array([1, 0, 1]))  # group 1 split: a stable sort
    assert order.tolist() == [1, 0, 2] and ids.tolist() == [0, 1, 1]
    ids, order = in_group_order(np.array([10**9, 5, 10**9]))  # sparse ids renumbered
    assert order.tolist() == [1, 0, 2] and ids.tolist() == [0, 1, 1]
