"""Readers of grappe.io.assess: questionnaires, answers, roadmaps, KPIs, labels, firms."""

from __future__ import annotations

import pytest

from grappe.errors import DataValidationError, NotFoundError
from grappe.io.assess import (
    bundled_questionnaires,
    read_answers,
    read_capabilities,
    read_kpis,
    read_label,
    read_needs,
    read_questionnaire,
    read_roadmap,
)
from grappe.roadmap import evaluate_kpis


def test_bundled_and_path_questionnaires(tmp_path):
    assert bundled_questionnaires() == ("danish", "diamond", "management", "quebec")
    q = read_questionnaire("management")
    assert q.source == "management.yaml" and "M-S1" in q.ids
    path = tmp_path / "q.yaml"
    path.write_text(
        "name: x\ntitle: {fr: a, ar: ب, en: c}\ndimensions: [d]\nquestions:\n"
        "  - {id: q1, dimension: d, type: likert, text: {fr: a, ar: ب, en: c}}\n",
        encoding="utf-8",
    )
    assert read_questionnaire(path).ids == ("q1",)
    with pytest.raises(NotFoundError, match="No questionnaire 'nope'"):
        read_questionnaire("nope")
    path.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="not valid YAML"):
        read_questionnaire(path)


def test_answers_yaml_errors_name_the_line(tmp_path):
    q = read_questionnaire("danish")
    path = tmp_path / "answers.yaml"
    path.write_text("DK-S1: 4\nDK-C1: 3\nDK-C2: 140\nDK-P1: 2\nDK-H1: 5\n", encoding="utf-8")
    with pytest.raises(
        DataValidationError,
        match=r"answers.yaml, row 3, column 'DK-C2': The answer to DK-C2 must "
        r"be between 0 and 100",
    ):
        read_answers(path, q)
    path.write_text("DK-S1: 4\nDK-C1: 3\nDK-C2: 14\nDK-P1: 2\nDK-H1: 5\n", encoding="utf-8")
    assert read_answers(path, q)["DK-C2"] == 14.0
    path.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="not a mapping of question ids"):
        read_answers(path, q)


def test_answers_csv(tmp_path):
    q = read_questionnaire("danish")
    path = tmp_path / "answers.csv"
    path.write_text(
        "question,answer\nDK-S1,4\nDK-C1,3\nDK-C2,14\nDK-P1,2\nDK-H1,9\n", encoding="utf-8"
    )
    with pytest.raises(DataValidationError, match=r"answers.csv, row 6, column 'DK-H1'"):
        read_answers(path, q)
    path.write_text("id,value\nDK-S1,4\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="lacks the columns 'question' and 'answer'"):
        read_answers(path, q)


def test_read_fixture_roadmap_kpis_label(fixtures):
    rm = read_roadmap(fixtures / "roadmap" / "roadmap_dates.yaml")
    assert rm.mode == "bottom_up" and len(rm.actions) == 4
    assert rm.summary()["budget"].sum() == 33_500_000
    kpis = read_kpis(fixtures / "roadmap" / "kpis_dates.csv")
    ev = evaluate_kpis(kpis, period="2023")
    lab = read_label(fixtures / "roadmap" / "label_bronze.yaml")
    from grappe.roadmap import check_label

    assert check_label(lab, ev).holds


def test_roadmap_errors_name_the_action_line(fixtures, tmp_path):
    text = (fixtures / "roadmap" / "roadmap_dates.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "roadmap.yaml"
    bad.write_text(text.replace("owner: ITDAS", "owner: Unknown Co"), encoding="utf-8")
    line = text.splitlines().index("  - id: A4") + 1  # the line where action A4 begins
    with pytest.raises(DataValidationError, match=rf"roadmap.yaml, row {line}, column 'owner'"):
        read_roadmap(bad)
    bad.write_text("cluster: x\nactions: []\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="has no 'mode'"):
        read_roadmap(bad)
    bad.write_text("cluster: x\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="no 'actions' list"):
        read_roadmap(bad)


def test_label_file_must_be_mapping(tmp_path):
    path = tmp_path / "label.yaml"
    path.write_text("- a\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="label file is not a mapping"):
        read_label(path)


def test_firm_files(fixtures, tmp_path):
    needs = read_needs(fixtures / "matchmaking" / "needs.csv")
    caps = read_capabilities(fixtures / "matchmaking" / "capabilities.csv")
    assert needs["lat"].dtype == float and len(caps) == 5
    bad = tmp_path / "caps.csv"
    bad.write_text(
        (fixtures / "matchmaking" / "capabilities.csv")
        .read_text(encoding="utf-8")
        .replace("36.70,3.10", "96.70,3.10"),
        encoding="utf-8",
    )
    with pytest.raises(DataValidationError, match=r"caps.csv, row 2, column 'lat'"):
        read_capabilities(bad)
    bad.write_text("firm_id,name\nS1,x\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="capabilities file lacks the columns"):
        read_capabilities(bad)
