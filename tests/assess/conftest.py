"""Fixtures of the assess tests: bundled questionnaires read without grappe.io."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from grappe.assess import Questionnaire


@pytest.fixture(scope="session")
def bundled():
    """Function name → bundled Questionnaire, read straight from the package data."""

    def load(name: str) -> Questionnaire:
        path = resources.files("grappe") / "data" / "questionnaires" / f"{name}.yaml"
        return Questionnaire.from_dict(
            yaml.safe_load(path.read_text(encoding="utf-8")), file=f"{name}.yaml"
        )

    return load
