"""One contract test over every public indicator of :mod:`grappe.indicators`.

Every name in ``grappe.indicators.__all__`` that is a function must: leave its inputs
untouched, keep the labels and shape of a labelled (DataFrame) input, take its options as
keyword-only parameters, and carry a numpydoc docstring with Parameters, Returns, Raises,
Examples and References sections. A new public function fails this test until it is listed
in ``CALLS`` below with a sample call.
"""

from __future__ import annotations

import copy
import inspect

import numpy as np
import pandas as pd
import pytest

import grappe.indicators as ind

REGIONS = pd.Index(["r1", "r2", "r3", "r4"], name="region")
CLUSTERS = pd.Index(["c1", "c2", "c3"], name="cluster")
_RNG = np.random.default_rng(0)


def _frame(values):
    return pd.DataFrame(values, index=REGIONS, columns=CLUSTERS)


EMP = _frame(_RNG.integers(0, 50, size=(4, 3)).astype(float))
EST = _frame(_RNG.integers(0, 9, size=(4, 3)).astype(float))
LQ = _frame(_RNG.uniform(0, 3, size=(4, 3)))
TOTAL = pd.Series(EMP.sum(axis=1).to_numpy() + 10.0, index=REGIONS)

#: name → (positional data, keyword options) of a sample call with labelled inputs.
CALLS = {
    "aggregate_cube": (
        (np.array([0, 1, 1]), np.array([2, 0, 0]), np.array([0, 0, 1]), np.ones(3)),
        {"shape": (2, 3, 2)},
    ),
    "average_wage": ((EMP * 40.0, EMP), {}),
    "cagr": ((EMP, EMP * 1.1), {"periods": 3}),
    "cluster_stars": ((EMP, LQ, EMP / 100.0), {"size_top": 25.0}),
    "cluster_strength": ((EMP, LQ > 1), {"traded": [True, True, False]}),
    "focus": ((EMP, TOTAL), {}),
    "group_totals": ((EMP,), {"groups": ["traded", "traded", "local"]}),
    "job_change": ((EMP, EMP * 2), {}),
    "location_quotient": ((EMP, TOTAL), {}),
    "national_share": ((EMP,), {}),
    "percentile_rank": ((LQ,), {"groups": ["a", "a", "b", "b"]}),
    "percentile_threshold": ((LQ,), {"q": 75.0}),
    "strong_clusters": ((LQ, EMP), {"establishments": EST}),
}

FUNCTIONS = sorted(name for name in ind.__all__ if inspect.isfunction(getattr(ind, name)))


def test_every_public_function_has_a_sample_call():
    assert set(FUNCTIONS) == set(CALLS)


def _same(a, b):
    if isinstance(a, pd.DataFrame | pd.Series):
        return a.equals(b) and list(a.index) == list(b.index)
    a, b = np.asarray(a), np.asarray(b)
    return np.array_equal(a, b, equal_nan=a.dtype.kind == "f")


@pytest.mark.parametrize("name", FUNCTIONS)
def test_does_not_mutate_inputs(name):
    args, kwargs = CALLS[name]
    before = copy.deepcopy((args, kwargs))
    getattr(ind, name)(*args, **kwargs)
    for got, was in zip(args, before[0], strict=True):
        assert _same(got, was)
    for key, value in kwargs.items():
        assert _same(value, before[1][key])


def _outputs(result):
    if isinstance(result, ind.ClusterStars):
        return [result.size, result.specialisation, result.focus, result.count]
    return [result]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_keeps_labels_and_shape(name):
    args, kwargs = CALLS[name]
    result = getattr(ind, name)(*args, **kwargs)
    if name == "aggregate_cube":
        assert result.shape == kwargs["shape"]
        return
    for out in _outputs(result):
        if name == "cluster_strength":  # the cluster axis is summed over
            assert isinstance(out, pd.Series)
            assert out.index.equals(REGIONS)
            continue
        assert isinstance(out, pd.DataFrame)
        assert out.index.equals(REGIONS)
        assert out.columns.equals(CLUSTERS)
    # plain arrays in → arrays of the same shape out
    plain = [a.to_numpy() if isinstance(a, pd.DataFrame | pd.Series) else a for a in args]
    for out in _outputs(getattr(ind, name)(*plain, **kwargs)):
        assert isinstance(out, np.ndarray)
        expected = (4,) if name == "cluster_strength" else (4, 3)
        assert out.shape == expected


@pytest.mark.parametrize("name", FUNCTIONS)
def test_options_are_keyword_only(name):
    params = inspect.signature(getattr(ind, name)).parameters.values()
    for p in params:
        if p.default is not inspect.Parameter.empty:
            assert p.kind is inspect.Parameter.KEYWORD_ONLY, f"{name}: {p.name}"
    # the sample call passes every option by keyword
    positional = [p for p in params if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    assert len(positional) == len(CALLS[name][0])


@pytest.mark.parametrize("name", FUNCTIONS)
def test_numpydoc_docstring(name):
    doc = inspect.getdoc(getattr(ind, name)) or ""
    for section in ("Parameters", "Returns", "Raises", "Examples", "References"):
        assert f"\n{section}\n{'-' * len(section)}\n" in doc, f"{name} lacks {section}"
    references = doc.split("References\n----------\n", 1)[1]
    assert ".. [1]" in references
