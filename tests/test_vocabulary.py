"""A vocabulary lives once (grappe.vocabulary): the old names are the same objects, the API
schema's enums, the registry's checks and the pages follow it, and no module types one again."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from grappe import vocabulary as v

SRC = Path(__file__).resolve().parents[1] / "src" / "grappe"


@pytest.mark.parametrize(
    ("module", "name", "word"),
    [
        ("grappe.network.model", "SPHERES", "SPHERES"),
        ("grappe.network.model", "LEVELS", "LEVELS"),
        ("grappe.network.model", "TIE_TYPES", "TIE_TYPES"),
        ("grappe.network", "LANGUAGES", "LANGUAGES"),
        ("grappe.assess.lifecycle", "STAGES", "STAGES"),
        ("grappe.assess", "STAGES", "STAGES"),
        ("grappe.assess.questionnaire", "LANGUAGES", "LANGUAGES"),
        ("grappe.registry.models", "STAGES", "STAGES"),
        ("grappe.registry.models", "ROLES", "ROLES"),
        ("grappe.roadmap.actions", "STATUSES", "STATUSES"),
        ("grappe.roadmap", "STANDARD_KPIS", "STANDARD_KPIS"),
        ("grappe.roadmap.kpis", "AMOUNT_KPIS", "AMOUNT_KPIS"),
        ("grappe.reports.i18n", "LANGS", "LANGUAGES"),
        ("grappe.web.i18n", "LANGUAGES", "LANGUAGES"),
        ("grappe.mapping._frames", "INDICATOR_COLUMNS", "CLUSTER_MAP_COLUMNS"),
        ("grappe.registry.cluster_maps", "STORED_INDICATOR_COLUMNS", "STORED_INDICATOR_COLUMNS"),
    ],
)
def test_old_names_are_the_vocabulary_objects(module, name, word):
    import importlib

    assert getattr(importlib.import_module(module), name) is getattr(v, word)


def _enum(schema, model, field):
    prop = schema["components"]["schemas"][model]["properties"][field]
    for option in [prop, *prop.get("anyOf", [])]:
        if "enum" in option:
            return [x for x in option["enum"] if x is not None]
    raise AssertionError(f"{model}.{field} has no enum: {prop}")


def test_the_api_schema_enums_are_the_vocabularies():
    from grappe.service.app import create_app
    from grappe.service.settings import Settings

    schema = create_app(Settings(database_url="sqlite://")).openapi()
    assert _enum(schema, "ClusterCreate", "stage") == list(v.STAGES)
    assert _enum(schema, "ClusterUpdate", "stage") == list(v.STAGES)
    assert _enum(schema, "ActorCreate", "sphere") == list(v.SPHERES)
    assert _enum(schema, "ActorCreate", "level") == list(v.LEVELS)
    assert _enum(schema, "TieCreate", "type") == list(v.TIE_TYPES)
    assert _enum(schema, "TokenCreate", "role") == list(v.ROLES)
    assert _enum(schema, "MemberEventCreate", "kind") == list(v.MEMBER_EVENTS)
    indicator = schema["components"]["schemas"]["IndicatorPublic"]["properties"]
    assert set(v.STORED_INDICATOR_COLUMNS) - {"region"} <= set(indicator)


def test_a_word_added_to_the_vocabulary_reaches_the_api_schema_the_imports_and_the_pages():
    # A fresh interpreter: the word is added before anything imports the vocabulary.
    code = """
import json, grappe.vocabulary as v
v.STAGES = (*v.STAGES, "rebirth")
v.SPHERES = (*v.SPHERES, "media")
from grappe.service.schemas import ClusterCreate, ActorCreate
from grappe.registry.imports import _SPECS
from grappe.network.records import check_actor
from grappe.web.views._common import stage_names
stage = ClusterCreate.model_json_schema()["properties"]["stage"]["anyOf"][0]["enum"]
sphere = ActorCreate.model_json_schema()["properties"]["sphere"]["enum"]
print(json.dumps({"schema": "rebirth" in stage, "sphere": "media" in sphere,
    "import": "rebirth" in _SPECS["clusters"]["stage"].options,
    "kernel": check_actor({"sphere": "media"})[1] == [],
    "page": stage_names("en").get("rebirth") == "rebirth"}))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(SRC.parent), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert json.loads(out.stdout) == dict.fromkeys(
        ["schema", "sphere", "import", "kernel", "page"], True
    )


def test_the_pages_name_every_stage_and_sphere():
    from grappe.web.views._common import sphere_names, stage_names

    for lang in v.LANGUAGES:
        assert tuple(stage_names(lang)) == v.STAGES
        assert tuple(sphere_names(lang)) == v.SPHERES
    assert stage_names("fr")["maturity"] == "Maturité"
    assert stage_names("ar")["undetermined"] == "غير محدد"


VOCABULARIES = {
    name: frozenset(value)
    for name, value in vars(v).items()
    if name.isupper() and isinstance(value, tuple) and len(value) >= 3
    and all(isinstance(x, str) for x in value)
}  # fmt: skip


def test_no_module_types_a_vocabulary_again():
    """A tuple, list or set literal holding the words of a vocabulary (all of them) anywhere
    but grappe/vocabulary.py is a second definition."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "vocabulary.py" or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                words = [e.value for e in node.elts if isinstance(e, ast.Constant)]
                if len(words) < 3 or not all(isinstance(w, str) for w in words):
                    continue
                for name, vocab in VOCABULARIES.items():
                    if vocab <= set(words):
                        found.append(f"{path.relative_to(SRC)}:{node.lineno} repeats {name}")
    assert found == []


def test_every_stored_indicator_column_is_in_the_table_the_import_and_the_map():
    """The typed places of STORED_INDICATOR_COLUMNS (model attributes, the import's column
    specs, the API schema) must follow it: a column added to the vocabulary fails here until
    each of them has it."""
    from grappe.registry.imports import _SPECS
    from grappe.registry.models import IndicatorSnapshot
    from grappe.service.schemas import IndicatorPublic

    stored = set(v.STORED_INDICATOR_COLUMNS)
    table = set(IndicatorSnapshot.__table__.columns.keys()) | {"region"}  # stored as region_id
    assert stored <= table
    assert stored <= set(_SPECS["indicators"])
    assert stored - {"region"} <= set(IndicatorPublic.model_fields)
    assert stored <= set(v.CLUSTER_MAP_COLUMNS)
