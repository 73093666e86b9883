"""One contract over every public function of grappe.spatial: documented, keyword-only options."""

from __future__ import annotations

import inspect

import pytest

import grappe.spatial as spatial
from grappe.spatial import maps

PUBLIC = [getattr(spatial, n) for n in spatial.__all__ if inspect.isfunction(getattr(spatial, n))]
PUBLIC += [getattr(maps, n) for n in maps.__all__]
#: The statistics, each of which must cite its method.
STATISTICS = {
    "kdensity",
    "kdensity_by_activity",
    "m_function",
    "ripley_k",
    "hotspots",
    "getis_ord",
    "local_moran",
}


@pytest.mark.parametrize("func", PUBLIC, ids=lambda f: f.__name__)
def test_public_function_contract(func):
    doc = inspect.getdoc(func) or ""
    assert "Returns\n-------" in doc, f"{func.__name__} documents no Returns section"
    params = list(inspect.signature(func).parameters.values())
    # the data come first; every option after them is keyword-only
    positional = [p for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert len(positional) <= 3, f"{func.__name__} takes too many positional options"
    if func.__name__ in STATISTICS:
        assert "References\n----------" in doc, f"{func.__name__} cites no reference"
        assert "Raises\n------" in doc
    if any(p.name == "seed" for p in params) or func.__name__ in STATISTICS - {
        "hotspots",
        "ripley_k",
    }:
        assert any(p.name == "seed" for p in params), f"{func.__name__} is random without seed"
