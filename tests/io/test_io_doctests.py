"""The examples in the docstrings of the input modules run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "grappe.codes",
    "grappe.definitions",
    "grappe.definitions._core",
    "grappe.io.definitions",
    "grappe.io.output",
    "grappe.io.presets",
    "grappe.io.regional",
    "grappe.io.regions",
    "grappe.regions",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
