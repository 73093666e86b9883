"""The examples in the docstrings of the registry's rights, audit and import modules run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "grappe.registry.permissions",
    "grappe.registry.repositories",
    "grappe.registry.imports",
    "grappe.service.jobs",
    "grappe.registry.assessments",
    "grappe.registry.assessment_documents",
    "grappe.registry.programme_enrolments",
    "grappe.registry.programme_reminders",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
