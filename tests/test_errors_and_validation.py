"""The error hierarchy and the boundary checks of public parameters."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from grappe import errors
from grappe._validation import (
    check_array_2d,
    check_bool,
    check_number,
    check_option,
    check_options,
)


def test_hierarchy():
    assert issubclass(errors.InvalidParameterError, errors.GrappeError)
    assert issubclass(errors.InvalidParameterError, ValueError)
    assert issubclass(errors.DataValidationError, ValueError)
    assert issubclass(errors.NotFoundError, LookupError)
    assert issubclass(errors.MissingDependencyError, ImportError)


def test_validation_issue_names_file_row_column_and_fix():
    issue = errors.ValidationIssue(
        "negative employment -5.", file="a.csv", row=3, column="emp", fix="Correct the value."
    )
    assert (
        str(issue) == "a.csv, row 3, column 'emp': negative employment -5. Fix: Correct the value."
    )
    err = errors.DataValidationError(issue)
    assert (err.file, err.row, err.column) == ("a.csv", 3, "emp")
    assert "row 3" in str(err)


def test_data_validation_error_lists_many_issues_with_a_limit():
    issues = [errors.ValidationIssue(f"bad {i}", row=i + 2) for i in range(25)]
    err = errors.DataValidationError(issues)
    assert len(err.issues) == 25
    assert "and 5 more problems" in str(err)


def test_data_validation_error_needs_an_issue():
    with pytest.raises(errors.InvalidParameterError, match="at least one issue"):
        errors.DataValidationError([])


def test_check_option():
    assert check_option("a", "x", ("a", "b"), func="f") == "a"
    with pytest.raises(
        errors.InvalidParameterError,
        match=r"The 'x' parameter of f must be one of 'a', 'b'\. Got 'c' instead\.",
    ):
        check_option("c", "x", ("a", "b"), func="f")
    with pytest.raises(errors.InvalidParameterError, match="Got \\['a'\\] instead"):
        check_option(["a"], "x", ("a", "b"), func="f")


def test_check_options():
    assert check_options(["a", "b"], "x", ("a", "b"), func="f") == ("a", "b")
    assert check_options("a", "x", ("a", "b"), func="f") == ("a",)
    with pytest.raises(errors.InvalidParameterError, match=r"Got \['z'\] instead"):
        check_options(["a", "z"], "x", ("a", "b"), func="f")


@pytest.mark.parametrize(
    ("value", "kwargs", "message"),
    [
        ("1", {}, "must be a real number"),
        (True, {}, "must be a real number"),
        (float("nan"), {}, "not NaN"),
        (1.5, {"integer": True}, "must be an integer"),
        (0, {"low": 0, "closed": "right"}, r"in the range \(0, inf\]"),
        (2, {"low": 0, "high": 1}, r"in the range \[0, 1\]"),
        (1, {"high": 1, "closed": "left"}, r"in the range \[-inf, 1\)"),
    ],
)
def test_check_number_rejects(value, kwargs, message):
    with pytest.raises(errors.InvalidParameterError, match=message):
        check_number(value, "q", func="f", **kwargs)


def test_check_number_accepts_bounds():
    assert check_number(0, "q", func="f", low=0, high=1) == 0
    assert check_number(1, "q", func="f", low=0, high=1, integer=True) == 1


def test_check_bool():
    assert check_bool(False, "b", func="f") is False
    with pytest.raises(errors.InvalidParameterError, match="must be a bool"):
        check_bool(1, "b", func="f")


def test_check_array_2d():
    out = check_array_2d([[1, 2], [3, 4]], "M", func="f")
    assert out.dtype == float and out.shape == (2, 2)
    sparse = sp.csr_matrix(np.eye(2))
    assert check_array_2d(sparse, "M", func="f") is sparse
    with pytest.raises(errors.InvalidParameterError, match="2-D numeric array"):
        check_array_2d([1, 2], "M", func="f")
    with pytest.raises(errors.InvalidParameterError, match="2-D numeric array"):
        check_array_2d([["a", "b"]], "M", func="f")
    with pytest.raises(errors.InvalidParameterError, match="NaN and infinite"):
        check_array_2d([[1.0, np.nan]], "M", func="f")
