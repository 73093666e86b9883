"""Errors of spatial, network and ecosystem in the user's language (package errana): the command
line shows them in Arabic or French with their file, row, column and fix (exit code 1), while a
Python user still reads the English text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.ecosystem import nearest_bodies
from grappe.errors import DataValidationError, InvalidParameterError
from grappe.i18n import error_text
from grappe.io.network import read_network
from grappe.io.spatial import read_points

runner = CliRunner()


def _grappe(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, " ".join(result.output.split())


@pytest.fixture
def points(tmp_path: Path) -> Path:
    path = tmp_path / "pts.csv"
    path.write_text("id,x,y,activity\na,5.7,34.8,food\nb,abc,34.9,food\n", encoding="utf-8")
    return path


@pytest.fixture
def network(tmp_path: Path) -> tuple[Path, Path]:
    actors, ties = tmp_path / "actors.csv", tmp_path / "ties.csv"
    actors.write_text("id,sphere,level\nA,business,local\nB,business,local\n", encoding="utf-8")
    ties.write_text(
        "source,target,type,strength\nA,C,cooperation,2\nA,B,cooperation,9\n", encoding="utf-8"
    )
    return actors, ties


def test_a_missing_column_of_the_points_in_arabic_and_french(points: Path) -> None:
    args = ["spatial", "hotspots", str(points), "--activity-column", "activity", "--x", "lon"]
    code, ar = _grappe("--lang", "ar", *args)
    assert code == 1
    assert "خطأ:" in ar and "pts.csv، العمود 'lon': العمود 'lon' مفقود (الأعمدة الموجودة:" in ar
    assert "الحل: سمِّ العمود الصحيح" in ar
    code, fr = _grappe("--lang", "fr", *args)
    assert code == 1
    assert "pts.csv, colonne 'lon' : La colonne 'lon' manque (colonnes présentes :" in fr
    assert "Correction : Nommez la bonne colonne" in fr


def test_a_coordinate_that_is_no_number_in_arabic_and_french(points: Path) -> None:
    args = [
        "spatial",
        "hotspots",
        str(points),
        "--activity-column",
        "activity",
        "--x",
        "x",
        "--y",
        "y",
    ]
    code, ar = _grappe("--lang", "ar", *args)
    assert code == 1
    assert "السطر 3، العمود 'x': 'abc' ليس عدداً." in ar and "اكتب الإحداثيات" in ar
    code, fr = _grappe("--lang", "fr", *args)
    assert code == 1
    assert "ligne 3, colonne 'x' : 'abc' n'est pas un nombre." in fr
    with pytest.raises(DataValidationError, match=r"row 3, column 'x': 'abc' is not a number\."):
        read_points(points, x="x", y="y", crs="EPSG:4326", activity="activity")


def test_unknown_actor_and_strength_off_the_scale_in_arabic_and_french(
    network: tuple[Path, Path],
) -> None:
    actors, ties = network
    code, ar = _grappe("--lang", "ar", "network", "diagnose", str(actors), str(ties))
    assert code == 1
    assert "ties.csv، السطر 2، العمود 'target': يسمّي الرابط فاعلاً غير معروف 'C'." in ar
    assert "السطر 3، العمود 'strength': القوة '9' خارج السلّم [1, 3]." in ar
    assert "الحل: أضف الفاعل إلى جدول الفاعلين أو صحّح المعرِّف." in ar
    code, fr = _grappe("--lang", "fr", "network", "diagnose", str(actors), str(ties))
    assert code == 1
    assert "ligne 2, colonne 'target' : Le lien nomme l'acteur inconnu 'C'." in fr
    assert "L'intensité '9' est hors de l'échelle [1, 3]." in fr
    with pytest.raises(DataValidationError, match="The tie names the unknown actor 'C'"):
        read_network(actors, ties)


def test_a_negative_radius_names_the_option_in_arabic_and_french() -> None:
    args = ["ecosystem", "near", "34.85", "5.7", "--radius-km", "-3"]
    code, ar = _grappe("--lang", "ar", *args)
    assert code == 1
    assert "المُعامل '--radius-km' في grappe ecosystem near عدداً منتهياً من الكيلومترات" in ar
    code, fr = _grappe("--lang", "fr", *args)
    assert code == 1
    assert "Le paramètre '--radius-km' de grappe ecosystem near doit être un nombre fini" in fr


def test_python_users_still_read_english() -> None:
    bodies = pd.DataFrame(
        {"actor_type": ["anade"], "name": ["x"], "wilaya_code": [7], "lat": [34.8], "lon": [5.7]}
    )
    with pytest.raises(InvalidParameterError, match="names unknown types") as info:
        nearest_bodies(bodies, 34.8, 5.7, types=["nothing"])
    assert str(info.value).startswith("The 'types' parameter of nearest_bodies names unknown types")
    assert "types inconnus ['nothing']" in error_text(info.value, "fr")
    with pytest.raises(InvalidParameterError, match=r"must be in \[-90, 90\] decimal degrees"):
        nearest_bodies(bodies, 95, 5.7)


def test_a_kpi_value_that_is_no_number_in_arabic_and_french(tmp_path: Path) -> None:
    kpis = tmp_path / "kpis.csv"
    kpis.write_text("kpi,period,value\nmembers,2024,abc\n", encoding="utf-8")
    args = ["kpi", "evaluate", str(kpis), "--period", "2024"]
    code, ar = _grappe("--lang", "ar", *args)
    assert code == 1
    assert (
        "kpis.csv، السطر 2، العمود 'value': قيمة المؤشر 'members' في 2024 ليست عدداً ('abc')." in ar
    )
    assert "الحل: اكتب عدداً (دون وحدات ولا فواصل للآلاف)." in ar
    code, fr = _grappe("--lang", "fr", *args)
    assert code == 1
    assert "La valeur de l'indicateur 'members' pour 2024 n'est pas un nombre ('abc')." in fr


def test_a_bad_period_reads_in_the_users_language_with_its_forms() -> None:
    from grappe.roadmap.periods import parse_period

    with pytest.raises(InvalidParameterError, match=r"The period '2024-13' names a month") as info:
        parse_period("2024-13")
    assert error_text(info.value, "fr").startswith(
        "La période '2024-13' nomme un mois qui n'existe pas. Utilisez une année (2024)"
    )
    assert "استعمل سنة (2024)" in error_text(info.value, "ar")
