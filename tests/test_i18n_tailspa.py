"""Errors of the spatial curves, the Dask executor, the network and match in the user's language
(package tailspa): the command line shows them in Arabic or French (exit code 1), while a Python
user still reads the English text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.errors import InvalidParameterError
from grappe.i18n import error_text
from grappe.matchmaking.score import match
from grappe.network.shadow_zones import _pairs
from grappe.spatial import m_function, points_from_frame, ripley_k

runner = CliRunner()


def _grappe(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, " ".join(result.output.split())


@pytest.fixture
def points(tmp_path: Path) -> Path:
    path = tmp_path / "pts.csv"
    path.write_text(
        "id,x,y,activity\na,0,0,food\nb,100,50,food\nc,300,200,food\nd,50,400,metal\n",
        encoding="utf-8",
    )
    return path


def _args(points: Path, command: str, *more: str) -> list[str]:
    return ["spatial", command, str(points), "--x", "x", "--y", "y", "--crs", "EPSG:32632",
            "--activity-column", "activity", "--radii", "10,20", *more]  # fmt: skip


def test_an_activity_with_one_establishment_in_arabic_and_french(points: Path) -> None:
    args = _args(points, "mfunction", "--activity", "metal", "--simulations", "0")
    code, ar = _grappe("--lang", "ar", *args)
    assert code == 1
    assert "خطأ:" in ar
    assert "يجب أن يسمّي المُعامل 'activity' في m_function نشاطا فيه مؤسستان على الأقل" in ar
    assert "القيمة المعطاة 'metal' وفيه مؤسسة واحدة." in ar
    code, fr = _grappe("--lang", "fr", *args)
    assert code == 1
    assert (
        "Le paramètre 'activity' de m_function doit nommer une activité d'au moins deux "
        "établissements (M compare chacun aux autres). Reçu 'metal', qui n'en a qu'un." in fr
    )
    pts = points_from_frame(
        pd.read_csv(points), x="x", y="y", crs="EPSG:32632", activity="activity"
    )
    with pytest.raises(InvalidParameterError, match=r"Got 'metal' with one instead\."):
        m_function(pts, "metal", [10.0, 20.0], n_simulations=0)


def test_an_unreachable_dask_scheduler_in_arabic_and_french(points: Path) -> None:
    args = _args(points, "ripley", "--simulations", "2", "--scheduler", "tcp://127.0.0.1:9")
    code, ar = _grappe("--lang", "ar", *args)
    assert code == 1
    assert "يجب أن يكون المُعامل 'scheduler' عنوان مُجدوِل Dask قيد التشغيل." in ar
    assert "القيمة المعطاة 'tcp://127.0.0.1:9' (تعذّر الاتصال:" in ar
    code, fr = _grappe("--lang", "fr", *args)
    assert code == 1
    assert "Le paramètre 'scheduler' doit être l'adresse d'un ordonnanceur Dask en marche." in fr
    assert "Reçu 'tcp://127.0.0.1:9' (connexion impossible :" in fr


def test_a_window_that_leaves_out_points_in_english_arabic_and_french() -> None:
    xy = pd.DataFrame({"id": list("abc"), "x": [0.0, 100.0, 300.0], "y": [0.0, 50.0, 200.0]})
    pts = points_from_frame(xy, x="x", y="y", crs="EPSG:32632", id="id")
    with pytest.raises(InvalidParameterError, match="must contain every point") as info:
        ripley_k(pts, [10.0], window=(0.0, 0.0, 10.0, 10.0), n_simulations=0)
    assert str(info.value) == (
        "The 'window' parameter of ripley_k must contain every point. Got a window that leaves "
        "out 2 of them instead."
    )
    assert error_text(info.value, "fr") == (
        "Le paramètre 'window' de ripley_k doit contenir tous les points. Reçu une fenêtre qui "
        "en laisse 2 dehors."
    )
    assert error_text(info.value, "ar") == (
        "يجب أن يحتوي المُعامل 'window' في ripley_k على كل النقاط. النافذة المعطاة تترك 2 "
        "منها خارجها."
    )


def test_bad_match_weights_and_sphere_pairs_in_arabic_and_french() -> None:
    table = pd.DataFrame({"id": ["x"]})
    with pytest.raises(InvalidParameterError, match="must have the columns") as info:
        match(table, table)
    assert "doit avoir les colonnes" in error_text(info.value, "fr")
    assert "يجب أن يحتوي المُعامل 'needs' في match على الأعمدة" in error_text(info.value, "ar")
    with pytest.raises(InvalidParameterError, match="list of pairs of spheres") as info:
        _pairs([("business", "moon")], "grappe network diagnose")
    fr, ar = error_text(info.value, "fr"), error_text(info.value, "ar")
    assert "doit être une liste de paires de sphères parmi" in fr
    assert "Reçu ('business', 'moon')." in fr
    assert "قائمة أزواج من المجالات" in ar and not np.any([c in ar for c in "٠١٢٣٤٥٦٧٨٩"])


def test_the_ripley_table_in_french_and_english(points: Path) -> None:
    args = _args(points, "ripley", "--simulations", "0")
    code, fr = _grappe("--lang", "fr", *args)
    assert code == 0
    assert "rayon km" in fr and "L−r km" in fr and "0,01" in fr  # headings and decimal comma
    code, en = _grappe("--lang", "en", *args)
    assert code == 0
    assert "radius km" in en and "0.01" in en  # English is unchanged


def test_concentration_and_related_tables_in_arabic_and_french() -> None:
    from grappe.io import bundled_cbp_state_path

    code, fr = _grappe(
        "--lang", "fr", "concentration", str(bundled_cbp_state_path()), "--source", "cbp",
        "--index", "hoover", "--level", "6", "--definitions", "us-benchmark", "--year", "2019",
        "--top", "3",
    )  # fmt: skip
    assert code == 0
    assert "hoover les plus élevés, 2019" in fr and "Extraction de minerais métalliques" in fr
    wide = CliRunner(env={"COLUMNS": "250"})  # the names are not wrapped
    result = wide.invoke(app, ["--lang", "ar", "related", "01", "--year", "2019", "--top", "3"])
    assert result.exit_code == 0
    ar = result.output
    assert "الأقرب" in ar and "صناعة النسيج" in ar  # the closest specialisation, translated
