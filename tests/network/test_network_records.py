"""One actor or tie checked as build_network checks a table: same words, same messages."""

from __future__ import annotations

import pandas as pd
import pytest

from grappe.errors import DataValidationError
from grappe.network import build_network
from grappe.network.records import check_actor, check_tie


def _kernel_messages(actors, ties):
    with pytest.raises(DataValidationError) as info:
        build_network(pd.DataFrame(actors), pd.DataFrame(ties))
    return [(i.column, i.message) for i in info.value.issues]


def test_actor_words_and_messages_are_the_kernels():
    rec, issues = check_actor({"id": "x", "sphere": "banana", "level": "Global", "name": "X"},
                              file="a.csv", row=7)  # fmt: skip
    assert rec["level"] == "international" and rec["name"] == "X"
    kernel = _kernel_messages({"id": ["x"], "sphere": ["banana"], "level": ["global"]},
                              {"source": [], "target": [], "type": []})  # fmt: skip
    assert [(i.column, i.message) for i in issues] == kernel
    assert (issues[0].file, issues[0].row) == ("a.csv", 7)


def test_empty_words_are_allowed_in_a_record():
    rec, issues = check_actor({"id": "x", "sphere": None, "level": ""})
    assert issues == [] and rec["sphere"] is None and rec["level"] is None


@pytest.mark.parametrize(
    "tie",
    [{"type": "friendship"}, {"strength": 9}, {"strength": "very"}, {"target": "a"},
     {"strength": 0}],
)  # fmt: skip
def test_tie_messages_are_the_kernels(tie):
    row = {"source": "a", "target": "b", "type": "trust", **tie}
    _, issues = check_tie(row)
    actors = {"id": ["a", "b"], "sphere": ["enterprise"] * 2, "level": ["local"] * 2}
    kernel = _kernel_messages(actors, {k: [v] for k, v in row.items()})
    assert [(i.column, i.message) for i in issues] == kernel
    assert all(i.row is None for i in issues)


def test_tie_words_are_made_canonical():
    rec, issues = check_tie({"source": "a", "target": "b", "type": "Money", "strength": "strong"})
    assert issues == [] and (rec["type"], rec["strength"]) == ("funding", 3.0)
    rec, issues = check_tie({"source": "a", "target": "b", "type": "trust", "strength": 5},
                            strength_scale=(0, 5))  # fmt: skip
    assert issues == [] and rec["strength"] == 5.0


def test_an_empty_type_is_left_to_the_callers_required_field():
    # the import reports "the value is empty" and the API schema requires the field
    rec, issues = check_tie({"source": "a", "target": "b", "type": ""})
    assert issues == [] and rec["type"] == ""
