"""The last English texts of the CLI (issue 16): the assessment kernels' rules and results, the
questionnaire and label file errors, the Ripley window check, shown in Arabic and French."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from grappe.cli.assess import _classification_line
from grappe.cli.main import app
from grappe.errors import NotFoundError
from grappe.i18n import language
from grappe.io.assess import read_questionnaire

runner = CliRunner()
ENV = {"COLUMNS": "3000", "GRAPPE_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}
ANSWERS = Path(__file__).parent / "fixtures" / "assess" / "diamond_answers.yaml"


@pytest.mark.parametrize(
    ("lang", "rule", "english"),
    [("ar", "متوسط 4 من نقاط الشواهد على سلم 1–5", "evidence points"),
     ("fr", "moyenne de 4 points d'évidence sur 1–5", "evidence points"),
     ("en", "mean of 4 evidence points on 1–5", "moyenne")],
)  # fmt: skip
def test_the_diamond_rules_are_in_the_users_language(lang, rule, english):
    args = ["--lang", lang, "assess", "diamond", "--region", "26", "--cluster", "4",
            "--answers", str(ANSWERS)]  # fmt: skip
    result = runner.invoke(app, args, env=ENV)
    assert result.exit_code == 0, result.output
    assert rule in result.output
    assert english not in result.output


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ar", "لا يوجد استبيان 'nothere'"), ("fr", "Aucun questionnaire 'nothere'")],
)
def test_an_unknown_questionnaire_in_arabic_and_french(lang, expected):
    result = runner.invoke(app, ["--lang", lang, "assess", "questionnaire", "nothere"], env=ENV)
    assert result.exit_code == 1
    assert expected in result.output and "Traceback" not in result.output


def test_the_english_text_is_unchanged_for_python_users():
    with pytest.raises(NotFoundError, match=r"No questionnaire 'nothere': not a bundled one \("):
        read_questionnaire("nothere")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ar", "التصنيف: [bold]وطني[/]"), ("fr", "Classement : [bold]national[/]"),
     ("en", "Classification: [bold]national[/] (mean 3.10); r")],
)  # fmt: skip
def test_the_classification_level_is_translated_with_its_sentence(lang, expected):
    with language(lang):
        assert expected in _classification_line("national", "3.10", "r")


def test_dz_table_headings_are_translated_not_the_files_columns(tmp_path):
    result = runner.invoke(app, ["--lang", "ar", "dz", "wilayas", "--division", "58"], env=ENV)
    assert result.exit_code == 0, result.output
    assert "الاسم (بالعربية)" in result.output and "name_ar" not in result.output
    out = tmp_path / "w.csv"
    result = runner.invoke(app, ["--lang", "ar", "dz", "wilayas", "-o", str(out)], env=ENV)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[0].split(",")[:3] == [
        "wilaya_code", "name_fr", "name_ar"
    ]  # fmt: skip
