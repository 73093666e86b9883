"""grappe.io and grappe.complexity import their modules on first use (grappe._exports)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import grappe.complexity
import grappe.io


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="module 'grappe.io' has no attribute 'read_nothing'"):
        grappe.io.read_nothing  # noqa: B018 - the lookup is the test
    assert not hasattr(grappe.complexity, "eci_nothing")


def test_every_public_name_resolves_and_is_listed():
    for package in (grappe.io, grappe.complexity):
        for name in package.__all__:
            assert getattr(package, name) is not None, name
            assert name in dir(package)


def test_importing_grappe_io_imports_no_reader():
    code = (
        "import sys, grappe.io; "
        "print(sorted(m for m in ('pandas', 'grappe.io.regional', 'grappe.mapping') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    code = (
        "import sys, grappe.io as g; g.read_regional_table; "
        "print('grappe.io.regional' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
