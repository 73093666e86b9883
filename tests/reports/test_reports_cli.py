"""The command line: grappe assess, roadmap, kpi, match and report (CliRunner)."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app

runner = CliRunner()


@pytest.fixture(scope="module")
def indicators_csv(tmp_path_factory):
    """A toy ClusterMap.indicators table (synthetic numbers) written to CSV."""
    rows = []
    for year, a1, b1 in ((2017, 100, 300), (2018, 110, 300), (2019, 121, 300)):
        rows += [
            ("A", "Alpha", "1", "Cluster one", year, a1, 10, a1 * 50, 1.5),
            ("B", "Beta", "1", "Cluster one", year, b1, 20, b1 * 40, 0.8),
            ("A", "Alpha", "2", "Cluster two", year, 50, 5, 1000, 1.2),
            ("B", "Beta", "2", "Cluster two", year, 100, 10, 2000, 0.9),
        ]
    df = pd.DataFrame(
        rows,
        columns=[
            "region",
            "region_name",
            "cluster",
            "cluster_name",
            "year",
            "employment",
            "establishments",
            "payroll",
            "lq",
        ],
    )
    path = tmp_path_factory.mktemp("ind") / "indicators.csv"
    df.to_csv(path, index=False)
    return path


def test_questionnaire_printed_in_arabic():
    result = runner.invoke(app, ["assess", "questionnaire", "diamond", "--lang", "ar"])
    assert result.exit_code == 0, result.output
    assert "ماسة بورتر" in result.output and "D-F1 [factor_conditions]" in result.output


def test_questionnaire_answers_file_and_bad_answers(tmp_path):
    good = tmp_path / "a.yaml"
    good.write_text("DK-S1: 4\nDK-C1: 3\nDK-C2: 14\nDK-P1: 2\nDK-H1: 5\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", "questionnaire", "danish", "--answers", str(good)])
    assert result.exit_code == 0, result.output
    assert "DK-C2" in result.output
    bad = tmp_path / "b.yaml"
    bad.write_text("DK-S1: 7\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", "questionnaire", "danish", "--answers", str(bad)])
    assert result.exit_code == 1
    assert "must be an integer from 1 to 5" in result.output
    assert "Traceback" not in result.output


def test_questionnaire_interactive(tmp_path):
    save = tmp_path / "answers.yaml"
    answers = "4\n3\n14\n2\n5\n"
    result = runner.invoke(
        app,
        ["assess", "questionnaire", "danish", "-i", "--lang", "fr", "--save", str(save)],
        input=answers,
    )
    assert result.exit_code == 0, result.output
    assert "DK-C2: 14.0" in save.read_text(encoding="utf-8")
    result = runner.invoke(
        app, ["assess", "questionnaire", "danish", "-i"], input="9\n3\n14\n2\n5\n"
    )
    assert result.exit_code == 1 and "DK-S1" in result.output


def test_assess_scorecards_and_lifecycle(indicators_csv):
    args = ["--indicators", str(indicators_csv), "--region", "A", "--cluster", "1"]
    result = runner.invoke(app, ["assess", "diamond", *args, "--related", "2"])
    assert result.exit_code == 0, result.output
    assert "factor_conditions" in result.output and "wage_ratio" in result.output
    result = runner.invoke(app, ["assess", "factors", *args, "--method", "danish"])
    assert result.exit_code == 0, result.output
    assert "Classification:" in result.output
    result = runner.invoke(app, ["assess", "lifecycle", *args])
    assert result.exit_code == 0, result.output
    assert "Stage: emergence" not in result.output and "Stage:" in result.output
    result = runner.invoke(
        app,
        [
            "assess",
            "lifecycle",
            "--indicators",
            str(indicators_csv),
            "--region",
            "Z",
            "--cluster",
            "1",
        ],
    )
    assert result.exit_code == 1 and "No indicators for region 'Z'" in result.output


def test_factors_bad_threshold(indicators_csv):
    result = runner.invoke(
        app,
        [
            "assess",
            "factors",
            "--indicators",
            str(indicators_csv),
            "--region",
            "A",
            "--cluster",
            "1",
            "--national",
            "2",
        ],
    )
    out = " ".join(result.output.split())
    assert result.exit_code == 1 and "'--national', '--regional' and '--potential'" in out


def test_roadmap_show(fixtures, tmp_path):
    path = fixtures / "roadmap" / "roadmap_dates.yaml"
    result = runner.invoke(app, ["roadmap", "show", str(path), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "Mobiliser les acteurs" in result.output and "A3" in result.output
    bad = tmp_path / "r.yaml"
    bad.write_text(
        path.read_text(encoding="utf-8").replace("phase: plan", "phase: party"), encoding="utf-8"
    )
    result = runner.invoke(app, ["roadmap", "show", str(bad)])
    assert result.exit_code == 1 and "Unknown phase 'party'" in result.output


def test_kpi_evaluate_and_label(fixtures, tmp_path):
    kpis = fixtures / "roadmap" / "kpis_dates.csv"
    label = fixtures / "roadmap" / "label_bronze.yaml"
    result = runner.invoke(app, ["kpi", "evaluate", str(kpis), "--label", str(label)])
    assert result.exit_code == 0, result.output
    assert "still met" in result.output
    result = runner.invoke(
        app, ["kpi", "evaluate", str(kpis), "--label", str(label), "--on", "2026-06-01"]
    )
    assert result.exit_code == 2 and "not met" in result.output
    answers = tmp_path / "management.yaml"
    answers.write_text(
        "M-S1: 48\nM-S2: 70\nM-G1: yes\nM-G2: 1.5\nM-F1: 20\nM-V1: 4\nM-A1: 3\n", encoding="utf-8"
    )
    strict = tmp_path / "silver.yaml"
    strict.write_text(
        "name: L\nlevel: silver\ncriteria: [management_answered >= 1, "
        "M-S2 >= 75]\nvalid_from: 2023-01-01\nvalid_to: 2025-12-31\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["kpi", "evaluate", str(kpis), "--label", str(strict), "--management", str(answers)]
    )
    assert result.exit_code == 2 and "M-S2 = 70 does not meet M-S2 >= 75" in result.output
    result = runner.invoke(app, ["kpi", "evaluate", str(kpis), "--period", "1999"])
    assert result.exit_code == 1 and "No KPI values for period '1999'" in result.output
    result = runner.invoke(
        app, ["kpi", "evaluate", str(kpis), "--label", str(label), "--on", "June"]
    )
    assert result.exit_code == 1 and "'--on' parameter" in result.output


def test_match(fixtures, tmp_path):
    needs = fixtures / "matchmaking" / "needs.csv"
    caps = fixtures / "matchmaking" / "capabilities.csv"
    result = runner.invoke(app, ["match", str(needs), str(caps), "--max-km", "100"])
    assert result.exit_code == 0, result.output
    assert "Soudure Mitidja" in result.output and "Oran" not in result.output
    out = tmp_path / "m.csv"
    result = runner.invoke(
        app, ["match", str(needs), str(caps), "--require-certifications", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out)
    assert set(df.loc[df["need_id"] == "N1", "firm_id"]) == {"S1"}
    result = runner.invoke(app, ["match", str(needs), str(caps), "--top", "0"])
    assert result.exit_code == 1 and "'--top' parameter of grappe match" in result.output


def test_report_html(indicators_csv, fixtures, tmp_path):
    result = runner.invoke(
        app,
        [
            "report",
            "--indicators",
            str(indicators_csv),
            "--region",
            "A",
            "--cluster",
            "1",
            "--related",
            "2",
            "--example-network",
            "knoke",
            "--no-pdf",
            "--lang",
            "ar",
            "--lang",
            "en",
            "--roadmap",
            str(fixtures / "roadmap" / "roadmap_dates.yaml"),
            "--kpis",
            str(fixtures / "roadmap" / "kpis_dates.csv"),
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    html = (tmp_path / "report_A_1_ar.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "Cluster one" in html
    assert (tmp_path / "report_A_1_en.html").exists()
    result = runner.invoke(
        app,
        [
            "report",
            "--indicators",
            str(indicators_csv),
            "--region",
            "A",
            "--cluster",
            "1",
            "--lang",
            "de",
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 1 and "'--lang' parameter" in result.output
