"""The kernels' errors (region sets, cluster definitions, mapping) in the user's language.

The command line shows them in Arabic or French with their file, row, column and fix; from
Python they stay the English sentences that ``pytest.raises(match=...)`` checks.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.definitions import definitions_from_frame
from grappe.errors import DataValidationError
from grappe.i18n import translate
from grappe.regions import RegionSet

runner = CliRunner()

TABLE = (
    "wilaya,activite,annee,emplois\n"
    "25,A,2020,100\n25,B,2020,50\n16,A,2020,20\n16,B,2020,200\n31,A,2020,30\n31,B,2020,30\n"
)
DEFINITIONS = (
    "code,cluster,cluster_name,cluster_type\nA,M,Mechanics,traded\nB,C,Copperware,traded\n"
)
COLUMNS = ["--column", "wilaya=region", "--column", "activite=industry"]
COLUMNS += ["--column", "annee=year", "--column", "emplois=employment", "--region-type", "wilaya"]


def _map(tmp_path: Path, lang: str, files: dict[str, str], *options: str) -> str:
    (tmp_path / "w.csv").write_text(TABLE)
    (tmp_path / "defs.csv").write_text(DEFINITIONS)
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    args = ["--lang", lang, "map", str(tmp_path / "w.csv"), *options, *COLUMNS]
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return " ".join(result.output.split())


CASES = {
    "member twice": (
        {"dup.csv": "region,member\nEAST,25\nEAST,25\n"},
        ["--definitions", "defs.csv", "--regions", "dup.csv"],
        {
            "fr": [
                "Erreur : dup.csv, ligne 3, colonne 'member' :",
                "le membre '25' figure deux fois dans la région 'EAST'.",
                "Correction : indiquez chaque membre une fois.",
            ],
            "ar": [
                "خطأ: dup.csv، السطر 3، العمود 'member':",
                "العضو '25' مذكور مرتين في المنطقة 'EAST'.",
                "الحل: اذكر كل عضو مرة واحدة.",
            ],
        },
    ),
    "member not in the table": (
        {"unk.csv": "region,member\nEAST,25\nEAST,99\n"},
        ["--definitions", "defs.csv", "--regions", "unk.csv"],
        {
            "fr": [
                "unk.csv, colonne 'member' :",
                "les membres ['99'] de la région 'EAST' ne sont pas des régions de la table",
                "Correction : corrigez les codes des membres",
            ],
            "ar": [
                "unk.csv، العمود 'member':",
                "الأعضاء ['99'] في المنطقة 'EAST' ليسوا مناطق من الجدول",
                "الحل: صحّح رموز الأعضاء",
            ],
        },
    ),
    "code in two clusters": (
        {"defs2.csv": "code,cluster\nA,M\nA,C\n"},
        ["--definitions", "defs2.csv"],
        {
            "fr": [
                "defs2.csv, ligne 3, colonne 'code' :",
                "le code 'A' figure deux fois (grappe 'C', d'abord à la ligne 2 pour la "
                "grappe 'M').",
                "Correction : donnez à chaque code une seule grappe, ou lisez avec "
                "--duplicates first.",
            ],
            "ar": [
                "defs2.csv، السطر 3، العمود 'code':",
                "الرمز 'A' مذكور مرتين (العنقود 'C'، وأول مرة في السطر 2 للعنقود 'M').",
                "الحل: أعط كل رمز عنقودا واحدا، أو اقرأ بـ --duplicates first.",
            ],
        },
    ),
    "definitions without a cluster column": (
        {"defs3.csv": "code,name\nA,M\n"},
        ["--definitions", "defs3.csv"],
        {
            "fr": [
                "defs3.csv, colonne 'cluster' :",
                "la colonne obligatoire 'cluster' manque ; les colonnes sont ['code', 'name'].",
                "Correction : ajoutez une colonne 'cluster'.",
            ],
            "ar": [
                "defs3.csv، العمود 'cluster':",
                "العمود الإلزامي 'cluster' مفقود؛ الأعمدة الموجودة هي ['code', 'name'].",
                "الحل: أضف عمودا 'cluster'.",
            ],
        },
    ),
}


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_cli_shows_a_kernel_error_in_the_users_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, lang: str
) -> None:
    files, options, expected = CASES[case]
    monkeypatch.chdir(tmp_path)
    shown = _map(tmp_path, lang, files, *options)
    for part in expected[lang]:
        assert part in shown, shown


def test_from_python_the_errors_stay_english() -> None:
    twice = pd.DataFrame({"region": ["EAST", "EAST"], "member": ["25", "25"]})
    with pytest.raises(DataValidationError, match=r"member '25' is listed twice in region 'EAST'"):
        RegionSet(twice, source="dup.csv")
    rules = pd.DataFrame({"code": ["A", "A"], "cluster": ["M", "C"]})
    with pytest.raises(
        DataValidationError,
        match=r"code 'A' is listed twice \(cluster 'C', first in row 2 for cluster 'M'\)",
    ) as caught:
        definitions_from_frame(rules, classification="custom", source="defs.csv")
    (issue,) = caught.value.issues
    assert issue.message == (
        "code 'A' is listed twice (cluster 'C', first in row 2 for cluster 'M')."
    )
    assert translate(issue.message, "fr").startswith("le code 'A' figure deux fois")
    assert translate(issue.fix, "ar") == "أعط كل رمز عنقودا واحدا، أو اقرأ بـ duplicates='first'."
    with pytest.raises(DataValidationError, match=r"the required column 'cluster' is missing"):
        definitions_from_frame(rules[["code"]], classification="custom")
