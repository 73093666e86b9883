"""Errors left in English by the first wave, now in the user's language (package tailass): the
questionnaire file's structure, a label's dates, the data warnings of the regional reader and the
words placed inside the readers' sentences. The command line shows them in Arabic or French with
their file, column and fix (exit code 1); a Python user still reads the English text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.assess._score import band_score
from grappe.cli.main import app
from grappe.errors import DataValidationError, DataWarning, InvalidParameterError, NotFoundError
from grappe.i18n import error_text
from grappe.io.assess import read_label, read_questionnaire
from grappe.io.files import parse_numbers
from grappe.io.regional import read_regional_table
from grappe.roadmap import phase

runner = CliRunner()
ENV = {"COLUMNS": "3000", "GRAPPE_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


def _run(lang: str, *args: str, code: int = 1) -> str:
    result = runner.invoke(app, ["--lang", lang, *args], env=ENV)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return " ".join(result.stderr.split())


@pytest.fixture
def questionnaire(tmp_path: Path) -> Path:
    path = tmp_path / "q.yaml"
    path.write_text(
        "name: toy\ntitle: {fr: Jouet, ar: لعبة, en: Toy}\ndimensions: [a]\n", encoding="utf-8"
    )
    return path


@pytest.fixture
def label(tmp_path: Path) -> Path:
    path = tmp_path / "label.yaml"
    path.write_text(
        "name: Label\nlevel: bronze\ncriteria: ['members >= 30']\n"
        "valid_from: 2025-01-01\nvalid_to: 2024-12-31\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def kpis(tmp_path: Path) -> Path:
    path = tmp_path / "kpis.csv"
    path.write_text("period,kpi,value,target\n2024,members,40,30\n", encoding="utf-8")
    return path


def test_a_questionnaire_file_without_its_questions(questionnaire: Path) -> None:
    ar = _run("ar", "assess", "questionnaire", str(questionnaire))
    assert "q.yaml، العمود 'questions': المفتاح 'questions' مفقود." in ar
    assert "الحل: أضف 'questions:' إلى الملف." in ar
    fr = _run("fr", "assess", "questionnaire", str(questionnaire))
    assert "q.yaml, colonne 'questions' : La clé 'questions' manque." in fr
    assert "Correction : Ajoutez 'questions:' au fichier." in fr
    with pytest.raises(DataValidationError, match=r"The key 'questions' is missing\.") as info:
        read_questionnaire(questionnaire)
    assert "Fix: Add 'questions:' to the file." in str(info.value)


def test_a_label_that_ends_before_it_starts(kpis: Path, label: Path) -> None:
    args = ["kpi", "evaluate", str(kpis), "--label", str(label)]
    ar = _run("ar", *args)
    assert (
        "label.yaml، العمود 'valid_to': تنتهي العلامة (2024-12-31) قبل أن تبدأ (2025-01-01)." in ar
    )
    assert "الحل: صحّح تواريخ الصلاحية." in ar
    fr = _run("fr", *args)
    assert "colonne 'valid_to' : Le label se termine (2024-12-31) avant de commencer" in fr
    assert "Correction : Corrigez les dates de validité." in fr
    with pytest.raises(DataValidationError, match=r"The label ends \(2024-12-31\) before it"):
        read_label(label)


def test_a_region_whose_employment_is_all_zero_is_a_translated_warning(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "region,industry,year,employment\nA,311,2019,5\nA,312,2019,7\nB,311,2019,0\nB,312,2019,0\n",
        encoding="utf-8",
    )
    args = ["map", str(path), "--classification", "naics"]
    result = runner.invoke(app, ["--lang", "fr", *args], env=ENV)
    fr = " ".join(result.stderr.split())
    assert "toutes les cellules employment valent 0 pour 1 région : B (dès la ligne 4)" in fr
    assert "vérifiez que les lignes (région) sont complètes" in fr
    result = runner.invoke(app, ["--lang", "ar", *args], env=ENV)
    ar = " ".join(result.stderr.split())
    assert "كل خلايا employment تساوي 0 في المنطقة التالية (1): B (من السطر 4)" in ar
    with pytest.warns(DataWarning, match=r"every employment cell is 0 for 1 region: B \(from row"):
        read_regional_table(path, classification="naics")


def test_a_cell_that_is_not_a_number_names_a_number_in_the_users_language() -> None:
    with pytest.raises(DataValidationError, match=r"'x' is not a number\.") as info:
        parse_numbers(pd.Series(["1", "x"]), file="t.csv", column="v")
    assert "'x' n'est pas un nombre." in error_text(info.value, "fr")
    assert "'x' ليس عددًا." in error_text(info.value, "ar")


def test_python_users_read_english_parameter_errors() -> None:
    with pytest.raises(
        NotFoundError, match=r"There is no roadmap phase 'x'; the phases are"
    ) as info:
        phase("x")
    assert "Il n'y a pas de phase de feuille de route 'x'" in error_text(info.value, "fr")
    assert "لا توجد مرحلة 'x' في خارطة الطريق" in error_text(info.value, "ar")
    with pytest.raises(InvalidParameterError, match=r"must be four ascending numbers"):
        band_score(3, (1, 2))


def test_a_question_of_unknown_type_names_the_question(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(
        "name: toy\ntitle: {fr: Jouet, ar: لعبة, en: Toy}\ndimensions: [a]\nquestions:\n"
        "  - {id: q1, dimension: a, type: stars, text: {fr: Q, ar: س, en: Q}}\n",
        encoding="utf-8",
    )
    ar = _run("ar", "assess", "questionnaire", str(path))
    assert "العمود 'السؤال q1': نوع إجابة غير معروف 'stars'." in ar
    fr = _run("fr", "assess", "questionnaire", str(path))
    assert "colonne 'question q1' : Type de réponse inconnu 'stars'." in fr
    with pytest.raises(DataValidationError, match=r"column 'question q1': Unknown answer type"):
        read_questionnaire(path)
