"""One contract test over the public functions of the numeric kernels.

Every public function of :mod:`grappe.complexity` and :mod:`grappe.concentration` (the mapping
indicators have their own, stricter, contract in ``tests/indicators/test_contract.py``) must
carry a numpydoc docstring with Parameters, Returns and References sections, take its options
as keyword-only parameters, and — for those that take a region × industry matrix — leave a
labelled input untouched and return results labelled like it.
"""

from __future__ import annotations

import copy
import inspect

import numpy as np
import pandas as pd
import pytest

import grappe.complexity as cx
import grappe.concentration as cc

MODULES = (cx, cc)
PUBLIC = sorted(
    (m.__name__, name)
    for m in MODULES
    for name in m.__all__
    if inspect.isfunction(getattr(m, name))
)

#: Functions whose data parameters are more than the first one (by name).
DATA_PARAMETERS = {
    "complexity_outlook": 3,
    "knn_density": 2,
    "relatedness_density": 2,
    "rpop": 2,
    "ellison_glaeser": 2,
    "entropy_decomposition": 2,
    "shift_share": 2,
    "aggregate_flows": 2,
    "group_relatedness": 2,
    "industry_flows": 2,
}

_RNG = np.random.default_rng(7)
X = pd.DataFrame(
    _RNG.integers(0, 40, size=(6, 5)).astype(float) + np.eye(6, 5) * 50,
    index=pd.Index([f"r{i}" for i in range(6)], name="region"),
    columns=pd.Index([f"i{j}" for j in range(5)], name="industry"),
)

#: Functions called with the matrix X alone, whose outputs are labelled by X's rows or columns.
MATRIX_CALLS = {
    "rca": (cx, (X,)),
    "binary_specialisation": (cx, (X,)),
    "colocation": (cx, (X,)),
    "complexity_suite": (cx, (X,)),
    "hoover": (cc, (X,)),
    "krugman": (cc, (X,)),
    "herfindahl": (cc, (X,)),
    "locational_gini": (cc, (X,)),
    "coagglomeration": (cc, (X,)),
    "shift_share": (cc, (X, X * 1.1 + 1.0)),
}


def _function(module_name, name):
    return getattr(next(m for m in MODULES if m.__name__ == module_name), name)


#: Helpers for preparing inputs, not methods: they need no literature reference.
UTILITIES = {"as_matrix", "pivot_long"}


@pytest.mark.parametrize(("module_name", "name"), PUBLIC)
def test_docstring_sections(module_name, name):
    doc = inspect.getdoc(_function(module_name, name)) or ""
    sections = ("Parameters", "Returns") + (() if name in UTILITIES else ("References",))
    for section in sections:
        assert f"\n{section}\n---" in doc, f"{module_name}.{name} lacks a {section} section"


@pytest.mark.parametrize(("module_name", "name"), PUBLIC)
def test_options_are_keyword_only(module_name, name):
    params = list(inspect.signature(_function(module_name, name)).parameters.values())
    n_data = DATA_PARAMETERS.get(name, 1)
    for p in params[n_data:]:
        assert p.kind is inspect.Parameter.KEYWORD_ONLY, (
            f"{module_name}.{name}: option {p.name!r} must be keyword-only"
        )


@pytest.mark.parametrize("name", sorted(MATRIX_CALLS))
def test_matrix_functions_do_not_mutate_and_keep_labels(name):
    module, args = MATRIX_CALLS[name]
    before = copy.deepcopy(args)
    result = getattr(module, name)(*args)
    for got, was in zip(args, before, strict=True):
        pd.testing.assert_frame_equal(got, was)
    frames = list(vars(result).values()) if hasattr(result, "__dataclass_fields__") else [result]
    labelled = [f for f in frames if isinstance(f, pd.DataFrame | pd.Series)]
    assert labelled, f"{name} returned no labelled result"
    labels = {str(v) for f in labelled for v in (*f.index, *getattr(f, "columns", []))}
    for f in labelled:  # long results carry the labels in columns (region, industry)
        if isinstance(f, pd.DataFrame):
            for col in f.columns:
                if f[col].dtype == object or isinstance(
                    f[col].dtype, pd.CategoricalDtype | pd.StringDtype
                ):
                    labels |= set(map(str, f[col]))
    assert labels & ({*X.index} | {*X.columns}), f"{name} lost the input's labels"
