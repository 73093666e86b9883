"""The errors the kernel contract found in grappe.definitions: each wrong argument now raises
our InvalidParameterError with the parameter's name, instead of an AttributeError or a numpy
ValueError from deep inside (or a silent result for a string read digit by digit)."""

from __future__ import annotations

import pandas as pd
import pytest
from _kernels import _definitions, _derive_benchmark, _derive_table, _table

from grappe.definitions import (
    coverage_by_code,
    coverage_report,
    derive_definitions,
    expand_definitions,
    partition_agreement,
    validation_scores,
)
from grappe.errors import InvalidParameterError

SIM = pd.DataFrame(
    [[0, 9, 1, 1], [9, 0, 1, 1], [1, 1, 0, 9], [1, 1, 9, 0]],
    index=list("abcd"),
    columns=list("abcd"),
    dtype=float,
)


def test_expand_definitions_refuses_what_is_not_definitions():
    with pytest.raises(InvalidParameterError, match="'definitions' .* ClusterDefinitions. Got str"):
        expand_definitions("us-benchmark", ["1111"])


@pytest.mark.parametrize("func", [expand_definitions, coverage_report])
def test_one_string_of_codes_is_not_read_digit_by_digit(func):
    with pytest.raises(InvalidParameterError, match="'codes' .* list of industry codes"):
        func(_definitions(), "1111")


def test_coverage_by_code_refuses_a_frame_for_a_table():
    with pytest.raises(InvalidParameterError, match="'table' .* RegionalTable. Got DataFrame"):
        coverage_by_code(_definitions(), _table().data)


def test_coverage_by_code_refuses_what_is_not_definitions():
    with pytest.raises(InvalidParameterError, match="'definitions' parameter of coverage_by_code"):
        coverage_by_code(_table().data, _table())


def test_derive_definitions_refuses_a_benchmark_by_name():
    with pytest.raises(InvalidParameterError, match="'benchmark' .* ClusterDefinitions. Got str"):
        derive_definitions(_derive_table(), n_clusters=2, benchmark="us-benchmark")


def test_validation_scores_refuses_labels_of_another_length():
    with pytest.raises(InvalidParameterError, match=r"one row per label \(3 × 3\).*\(4, 4\)"):
        validation_scores({"s": SIM}, [0, 0, 1])


def test_validation_scores_refuses_a_non_square_matrix():
    with pytest.raises(InvalidParameterError, match=r"'s' of shape \(3, 4\)"):
        validation_scores({"s": SIM.iloc[:3]}, [0, 0, 1, 1])


@pytest.mark.parametrize(("value", "got"), [({}, "an empty mapping"), (SIM, "DataFrame")])
def test_validation_scores_needs_a_mapping_of_matrices(value, got):
    with pytest.raises(InvalidParameterError, match=f"'similarities' .* Got {got} instead"):
        validation_scores(value, [0, 0, 1, 1])


def test_partition_agreement_needs_mappings():
    with pytest.raises(InvalidParameterError, match="'labels' .* mapping .* Got list"):
        partition_agreement([1, 1, 2], {"a": 1, "b": 1, "c": 2})


def test_the_contract_sample_of_derive_finds_the_two_blocks():
    """The tiny sample of the contract is a real derivation, not a degenerate one."""
    derived = derive_definitions(_derive_table(), n_clusters=2, seed=0,
                                 benchmark=_derive_benchmark())  # fmt: skip
    groups = derived.definitions.data.groupby("cluster")["code"].apply(sorted).tolist()
    assert sorted(groups) == [["1111", "2222"], ["3333", "4444"]]
    assert derived.ami == pytest.approx(1.0)
