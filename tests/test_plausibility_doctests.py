"""The examples in the docstrings of the warning mechanism and the plausibility checks run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "grappe.errors",
    "grappe._validation",
    "grappe.cli._common",
    "grappe.cli.spatial",
    "grappe.io.spatial",
    "grappe.roadmap.actions",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
