"""One contract over every public kernel function (see ``_checks.py`` and ``_kernels.py``).

indicators, complexity, concentration, mapping, network, spatial, assess, roadmap, matchmaking
and definitions: numpydoc docstrings, keyword-only options, inputs not mutated, labels kept,
errors of :mod:`grappe.errors` named in the Raises section, and the one seed policy.
"""

from __future__ import annotations

import inspect

import matplotlib
import pytest
from _checks import (
    check_docstring,
    check_documented_errors,
    check_keyword_only,
    check_labels,
    check_no_mutation,
    check_plain_arrays,
    check_seed,
)
from _kernels import SPECS, public_functions

matplotlib.use("Agg")

FUNCTIONS = public_functions()
NAMES = sorted(FUNCTIONS)
SAMPLED = sorted(n for n in NAMES if n in SPECS and SPECS[n].sample is not None)


def test_every_public_kernel_function_is_registered():
    assert set(FUNCTIONS) - set(SPECS) == set(), "add these functions to tests/contract/_kernels"
    assert set(SPECS) - set(FUNCTIONS) == set(), "these registered functions are not public"


def test_most_functions_are_called():
    """The dynamic checks run on a sample call of most functions (the rest say why not)."""
    assert len(SAMPLED) >= 0.9 * len(NAMES)
    assert all(SPECS[n].why for n in NAMES if SPECS[n].sample is None)


@pytest.mark.parametrize("name", NAMES)
def test_docstring(name):
    check_docstring(name, FUNCTIONS[name], SPECS[name])


@pytest.mark.parametrize("name", NAMES)
def test_keyword_only_options(name):
    check_keyword_only(name, FUNCTIONS[name], SPECS[name])


@pytest.mark.parametrize("name", SAMPLED)
def test_inputs_not_mutated(name):
    check_no_mutation(name, FUNCTIONS[name], SPECS[name])


@pytest.mark.parametrize("name", [n for n in SAMPLED if SPECS[n].labels is not None])
def test_labels_kept(name):
    check_labels(name, FUNCTIONS[name], SPECS[name])


@pytest.mark.parametrize("name", [n for n in NAMES if SPECS[n].bad])
def test_documented_errors(name):
    check_documented_errors(name, FUNCTIONS[name], SPECS[name])


@pytest.mark.parametrize(
    "name", [n for n in NAMES if "seed" in inspect.signature(FUNCTIONS[n]).parameters]
)
def test_seed_policy(name):
    check_seed(name, FUNCTIONS[name], SPECS[name])


@pytest.mark.parametrize("name", [n for n in SAMPLED if SPECS[n].arrays])
def test_plain_arrays(name):
    check_plain_arrays(name, FUNCTIONS[name], SPECS[name])
