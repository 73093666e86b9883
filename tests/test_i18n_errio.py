"""The errors of grappe.io's readers and writers in the user's language (issue 16, item 4).

Through the real command line in French and Arabic, each error keeps its file, row, column and
fix and exits with code 1; from Python, ``str(error)`` stays the English sentence that existing
``pytest.raises(match=...)`` tests rely on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.errors import DataValidationError, OutputError
from grappe.i18n import error_text
from grappe.io.definitions import read_definitions
from grappe.io.output import write_text
from grappe.io.regional import read_regional_table

runner = CliRunner()
ENV = {"COLUMNS": "3000", "GRAPPE_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


def _table(folder: Path, body: str, name: str = "t.csv") -> Path:
    path = folder / name
    path.write_text("region,industry,year,employment\n" + body, encoding="utf-8")
    return path


def _run(lang: str, *args: str) -> str:
    result = runner.invoke(app, ["--lang", lang, *args], env=ENV)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return " ".join(result.stderr.split())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            "t.csv, ligne 2, colonne 'employment' : 'abc' n'est pas un nombre. Correction : "
            "écrivez un nombre (vide si la valeur est masquée ou inconnue).",
        ),
        (
            "ar",
            "t.csv، السطر 2، العمود 'employment': 'abc' ليس عددًا. الحل: اكتب عددًا (اتركه "
            "فارغًا إن كانت القيمة محجوبة أو مجهولة).",
        ),
    ],
)
def test_a_cell_that_is_not_a_number(tmp_path: Path, lang: str, expected: str) -> None:
    path = _table(tmp_path, "A,311,2019,abc\nB,311,2019,5\n")
    assert expected in _run(lang, "map", str(path), "--classification", "naics")
    with pytest.raises(DataValidationError, match=r"'abc' is not a number\.") as info:
        read_regional_table(path, classification="naics")
    assert "Fix: write a number (empty when the value is withheld or unknown)." in str(info.value)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            "colonne 'year' : les années [2018] ne sont pas dans le fichier ; il a les années "
            "[2019]. Correction : choisissez des années parmi [2019].",
        ),
        (
            "ar",
            "العمود 'year': السنوات [2018] غير موجودة في الملف؛ سنواته هي [2019]. الحل: اختر "
            "سنوات من بين [2019].",
        ),
    ],
)
def test_years_absent_from_the_file(tmp_path: Path, lang: str, expected: str) -> None:
    path = _table(tmp_path, "A,311,2019,4\nB,311,2019,5\n")
    out = _run(lang, "map", str(path), "--classification", "naics", "--years", "2018")
    assert expected in out
    assert str(path) in out
    with pytest.raises(DataValidationError, match=r"the years \[2018\] are not in the file"):
        read_regional_table(path, classification="naics", years=[2018])


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            "ligne 2, colonne 'region' : code de région : valeur manquante. Correction : "
            "renseignez la valeur (code de région) ou supprimez la ligne.",
        ),
        (
            "ar",
            "السطر 2، العمود 'region': رمز المنطقة مفقود. الحل: املأ رمز المنطقة أو احذف السطر.",
        ),
    ],
)
def test_a_missing_region_code(tmp_path: Path, lang: str, expected: str) -> None:
    path = _table(tmp_path, ",311,2019,4\nB,311,2019,5\n")
    assert expected in _run(lang, "map", str(path), "--classification", "naics")
    with pytest.raises(DataValidationError, match=r"row 2, column 'region': The region code is"):
        read_regional_table(path, classification="naics")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            "est un fichier, pas un dossier ; rien n'a été écrit — choisissez un autre dossier.",
        ),
        ("ar", "ملف وليس مجلدًا؛ لم يُكتب شيء — اختر مجلدًا آخر."),
    ],
)
def test_an_output_under_a_file(tmp_path: Path, lang: str, expected: str) -> None:
    path = _table(tmp_path, "A,311,2019,4\nB,311,2019,5\n")
    out = _run(lang, "map", str(path), "--classification", "naics", "-o", f"{path}/x.csv")
    assert expected in out
    assert f"'{path}/x.csv'" in out
    with pytest.raises(OutputError, match=r"is a file, not a folder; nothing was written"):
        write_text("x", f"{path}/x.csv")


def test_a_definitions_file_without_clusters(tmp_path: Path) -> None:
    path = tmp_path / "defs.yaml"
    path.write_text("name: mine\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="the file has no list 'clusters'") as info:
        read_definitions(path)
    assert "la liste 'clusters'" not in str(info.value)
    fr, ar = error_text(info.value, "fr"), error_text(info.value, "ar")
    assert "colonne 'clusters' : le fichier n'a pas de liste 'clusters'." in fr
    assert "Correction : suivez la forme YAML de docs/data-input.md" in fr
    assert "العمود 'clusters': لا يحوي الملف قائمة 'clusters'." in ar
    assert str(path) in fr and str(path) in ar
