"""The bundled programmes: each preset on a cluster that meets it and one that does not, at the
boundary of each criterion; the reader of programme files and facts files."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from grappe.errors import DataValidationError, NotFoundError
from grappe.io.programmes import list_presets, load_programme, parse_programme, read_facts
from grappe.programmes import (
    LabelState,
    check_eligibility,
    decide_label,
    programme_from_dict,
    programme_to_dict,
    statistical_candidates,
)
from grappe.vocabulary import LANGUAGES

PRESETS = list_presets()

#: The value that passes at the boundary and the one just past it, for each operator.
_EDGE = {
    ">=": lambda t: (t, math.nextafter(t, -math.inf)),
    ">": lambda t: (math.nextafter(t, math.inf), t),
    "<=": lambda t: (t, math.nextafter(t, math.inf)),
    "<": lambda t: (math.nextafter(t, -math.inf), t),
    "==": lambda t: (t, math.nextafter(t, math.inf)),
}


def _at(criteria):
    return {c.metric: _EDGE[c.op](c.threshold)[0] for c in criteria}


def _cases(kind):
    out = []
    for key in PRESETS:
        p = load_programme(key)
        criteria = {
            "eligibility": p.eligibility,
            "level": p.levels[0].criteria if p.levels else (),
            "statistical": p.statistical,
        }[kind]
        out += [pytest.param(key, i, id=f"{key}-{c.metric}") for i, c in enumerate(criteria)]
    return out


def test_the_issue_s_presets_are_all_there():
    assert set(PRESETS) == {
        "kompetenznetze", "french-spl", "italy-technology-districts",
        "danish-competence-clusters", "swedish-competence-centres",
        "basque-cluster-associations", "catalan-micro-clusters", "japan-knowledge-clusters",
        "japan-industrial-clusters", "esca-management-excellence", "eccp-profile",
        "us-cluster-mapping", "dz-spl-artisanat", "dz-industry-clusters",
    }  # fmt: skip


@pytest.mark.parametrize("key", PRESETS)
def test_each_preset_is_sourced_named_in_three_languages_and_round_trips(key):
    p = load_programme(key)
    assert p.key == key
    assert p.sources and all(s.title for s in p.sources)
    assert set(p.names) == set(LANGUAGES) == set(p.descriptions)
    for step in p.admission:
        assert set(step.names) == set(LANGUAGES)
    for level in p.levels:
        assert set(level.names) == set(LANGUAGES)
    # every threshold says whether it is read from a source (a note) or assumed
    for c in (*p.eligibility, *p.statistical, *(c for lv in p.levels for c in lv.criteria)):
        assert c.assumed or c.note, (key, str(c))
    assert p.eligibility or p.statistical or any(lv.criteria for lv in p.levels)
    assert programme_from_dict(programme_to_dict(p)) == p


@pytest.mark.parametrize(("key", "i"), _cases("eligibility"))
def test_eligibility_of_each_preset_at_the_boundary_of_each_criterion(key, i):
    p = load_programme(key)
    lowest = p.levels[0].criteria if p.levels else ()
    facts = _at((*p.eligibility, *lowest))
    assert check_eligibility(p, facts).eligible
    assert decide_label(p, None, facts).action == "award"
    criterion = p.eligibility[i]
    below = {**facts, criterion.metric: _EDGE[criterion.op](criterion.threshold)[1]}
    check = check_eligibility(p, below)
    assert not check.eligible
    assert len(check.reasons) == 1 and str(criterion) in check.reasons[0]
    refused = decide_label(p, LabelState("applied"), below)
    assert refused.action == "refuse" and str(criterion) in refused.reasons[0]
    missing = {k: v for k, v in facts.items() if k != criterion.metric}
    check = check_eligibility(p, missing)
    assert check.reasons == (
        f"{criterion.metric} is not reported, so {criterion} cannot be checked",
    )


@pytest.mark.parametrize(("key", "i"), _cases("level"))
def test_the_lowest_level_of_each_preset_at_the_boundary_of_each_criterion(key, i):
    p = load_programme(key)
    lowest = p.levels[0]
    facts = _at((*p.eligibility, *lowest.criteria))
    assert decide_label(p, None, facts).state.level == lowest.key
    criterion = lowest.criteria[i]
    below = {**facts, criterion.metric: _EDGE[criterion.op](criterion.threshold)[1]}
    decision = decide_label(p, None, below)
    assert decision.action == "refuse"
    assert any(str(criterion) in reason for reason in decision.reasons)


@pytest.mark.parametrize("key", [k for k in PRESETS if len(load_programme(k).levels) > 1])
def test_each_higher_level_is_reached_exactly_at_its_thresholds(key):
    p = load_programme(key)
    for lower, level in zip(p.levels, p.levels[1:], strict=False):
        facts = _at((*p.eligibility, *level.criteria))
        assert decide_label(p, None, facts).state.level == level.key
        for criterion in level.criteria:
            below = {**facts, criterion.metric: _EDGE[criterion.op](criterion.threshold)[1]}
            got = decide_label(p, None, below).state.level
            assert p.level(got).rank < level.rank, (key, str(criterion))
            assert got == lower.key or p.level(got).rank < lower.rank


@pytest.mark.parametrize(("key", "i"), _cases("statistical"))
def test_statistical_criteria_of_each_preset_at_the_boundary(key, i):
    p = load_programme(key)
    at = _at(p.statistical)
    criterion = p.statistical[i]
    below = {**at, criterion.metric: _EDGE[criterion.op](criterion.threshold)[1]}
    cells = pd.DataFrame([{"region": "meets", "cluster": "c", **at},
                          {"region": "misses", "cluster": "c", **below}])  # fmt: skip
    assert statistical_candidates(p, cells)["region"].tolist() == ["meets"]


def test_kompetenznetze_over_three_periods_keeps_suspends_then_withdraws():
    p = load_programme("kompetenznetze")
    good = _at(p.eligibility)
    bad = {**good, "industry_research_ties": 2}
    state = decide_label(p, None, good).state
    assert state == LabelState("awarded", "member", 0)
    actions = []
    for facts in (good, bad, bad):
        decision = decide_label(p, state, facts)
        actions.append((decision.action, decision.state.status))
        state = decision.state
    assert actions == [("keep", "renewed"), ("suspend", "suspended"), ("withdraw", "withdrawn")]
    assert "industry_research_ties = 2 does not meet industry_research_ties >= 3" in (
        decision.reasons
    )


# ------------------------------------------------------------------------------------ reader
USER_PROGRAMME = """\
key: wilaya-agrifood
names:
  fr: Label agroalimentaire de la wilaya
  en: Wilaya agri-food label
sources:
  - title: Arrêté de la wilaya (exemple)
metrics:
  - {name: cold_rooms, unit: count, meaning: Shared cold rooms}
eligibility:
  - members >= 12
  - cold_rooms >= 1
levels:
  - key: label
    names: {fr: Label, en: Label}
evaluation: {every_months: 12, on_fail: [suspend, withdraw]}
"""


def test_a_user_written_programme_loads(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_PROGRAMME, encoding="utf-8")
    p = load_programme(path)
    assert p.key == "wilaya-agrifood"
    assert check_eligibility(p, {"members": 12, "cold_rooms": 1}).eligible
    assert parse_programme(USER_PROGRAMME.encode(), name="upload.yaml") == p


def test_errors_of_a_programme_file_name_its_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(USER_PROGRAMME.replace("cold_rooms >= 1", "cold_room >= 1"), "utf-8")
    with pytest.raises(DataValidationError, match=r"unknown metric 'cold_room'") as info:
        load_programme(path)
    assert (info.value.row, info.value.column) == (11, "eligibility[1]")
    assert info.value.file == str(path)
    path.write_text("key: k\nnames: {en: K\n", "utf-8")
    with pytest.raises(DataValidationError, match=r"not valid YAML"):
        load_programme(path)


def test_an_unknown_programme_is_not_found():
    with pytest.raises(NotFoundError, match=r"No programme 'kompetenz': not a preset"):
        load_programme("kompetenz")


def test_read_facts_from_yaml_and_csv(tmp_path):
    yaml_file = tmp_path / "facts.yaml"
    yaml_file.write_text("members: 18\nlq: null\nmanagement_fte: {value: 0.5, source: q}\n")
    facts = read_facts(yaml_file)
    assert (facts["members"].value, facts["members"].source) == (18.0, "typed")
    assert facts["lq"].value is None
    assert (facts["management_fte"].value, facts["management_fte"].source) == (0.5, "q")
    csv_file = tmp_path / "facts.csv"
    csv_file.write_text('metric,value,source\nmembers,18,members\nsme_share,"0,6",\n')
    facts = read_facts(csv_file)
    assert facts["sme_share"].value == 0.6 and facts["sme_share"].source == "typed"
    assert facts["members"].source == "members"


@pytest.mark.parametrize(
    ("name", "text", "match", "row"),
    [
        ("f.yaml", "members: many\n", r"The fact 'members' is 'many', not a number", 1),
        ("f.yaml", "- members\n", r"The facts file is not a mapping", None),
        ("f.csv", "metric,value\nmembers,1\nmembers,2\n", r"'members' is given twice", 3),
        ("f.csv", "metric,amount\nmembers,1\n", r"lacks the columns \['value'\]", None),
    ],
)
def test_read_facts_errors(tmp_path, name, text, match, row):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(DataValidationError, match=match) as info:
        read_facts(path)
    assert info.value.row == row
