"""The rest of the command line in Arabic and French (issue 16, package clirest): the parser's own
texts (usage line, parse errors), the summaries and notices of map, concentration, definitions,
spatial, dz and ecosystem, the figures the CLI draws, and benchmark cluster names in tables.

Each output is scanned with the catalogue scan of ``test_i18ncli`` (no English text that has a
translation is left), in-process with ``CliRunner`` to stay fast.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli._click_text import CLICK_MESSAGES, click_message
from grappe.cli.main import app

sys.path.insert(0, str(Path(__file__).parent))
from test_i18ncli import WIDE, _flat, untranslated  # noqa: E402

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DELAWARE = FIXTURES / "cbp_delaware" / "cbp_state_delaware.parquet"
ALABAMA = (
    Path(__file__).parents[1] / "data" / "cbp_alabama_2019" / "cbp_county_alabama_2019.parquet"
)
NEEDS = FIXTURES / "matchmaking" / "needs.csv"
CAPS = FIXTURES / "matchmaking" / "capabilities.csv"


def invoke(lang: str, *args: object):
    return runner.invoke(app, ["--lang", lang, *map(str, args)], env=WIDE)


# --- click's own texts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "args", "expected"),
    [
        ("ar", ["match", NEEDS, CAPS, "--nope"], "لا يوجد خيار بهذا الاسم: --nope"),
        ("fr", ["match", NEEDS, CAPS, "--nope"], "Pas d'option de ce nom : --nope"),
        ("ar", ["map"], "الوسيط 'inputs' ناقص."),
        ("fr", ["map"], "Argument 'inputs' manquant."),
        ("ar", ["match", NEEDS, CAPS, "--top", "abc"], "قيمة غير صالحة لـ '--top': يجب أن تكون"),
        ("fr", ["match", NEEDS, CAPS, "--top", "abc"], "Valeur invalide pour '--top' : un nombre"),
        ("fr", ["nocmd"], "Pas de commande 'nocmd'."),
        ("ar", ["match", NEEDS, CAPS, "extra"], "وسيط (أو وسائط) زائدة غير متوقعة (extra)"),
        ("fr", ["match", NEEDS, CAPS, "--top"], "L'option '--top' demande une valeur."),
    ],
)
def test_parse_errors_are_in_the_users_language(lang: str, args: list, expected: str) -> None:
    result = invoke(lang, *args)
    assert result.exit_code == 2, result.output  # click's exit code for a usage error is kept
    flat = _flat(result.output)
    assert expected in flat
    assert "Traceback" not in result.output
    assert untranslated(result.output, lang) == []


def test_the_usage_line_is_translated_and_english_is_unchanged() -> None:
    ar = invoke("ar", "map")
    assert "الاستعمال: grappe map [الخيارات]" in _flat(ar.output) or "الاستعمال:" in ar.output
    assert "Usage:" not in ar.output
    fr = invoke("fr", "map", "--help")
    assert "Usage : grappe map [OPTIONS]" in _flat(fr.output) or "Usage :" in fr.output
    en = invoke("en", "map", "--nope")
    assert en.exit_code == 2
    assert "Usage:" in en.output and "No such option: --nope" in _flat(en.output)


def test_click_messages_unknown_text_stays_english_and_every_template_is_translated() -> None:
    assert click_message("Something click says", "ar") == "Something click says"
    assert click_message("No such option: --x", "en") == "No such option: --x"
    for message in CLICK_MESSAGES:
        for lang in ("fr", "ar"):
            assert click_message(message.template, lang) != message.template, message


# --- summaries and notices --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_map_summary_notice_and_cluster_names(lang: str, tmp_path: Path) -> None:
    from grappe.definitions.names import cluster_names

    out = tmp_path / "map.csv"
    result = invoke(lang, "map", DELAWARE, "--source", "cbp", "--years", "2021", "-o", out)
    assert result.exit_code == 0, result.output
    assert "Notice:" not in result.output  # the CBP extract has no establishments measure used
    names = set(cluster_names(lang).values()) - set(cluster_names("en").values())
    shown = [name for name in names if name in result.output]
    assert shown, "no benchmark cluster name in the summary's language"
    assert untranslated(result.output, lang) == []
    data = pd.read_csv(out, dtype={"cluster": str})
    assert not set(data["cluster_name"]) & names  # the file keeps the data's English names
    if lang == "ar":
        assert not re.search("[٠-٩]", result.output)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_concentration_summary(lang: str) -> None:
    from grappe.io.presets import bundled_cbp_state_path

    args = ["concentration", bundled_cbp_state_path(), "--source", "cbp", "--index", "eg"]
    args += ["--level", "6", "--definitions", "us-benchmark", "--year", "2019", "--top", "3"]
    result = invoke(lang, *args)
    assert result.exit_code == 0, result.output
    flat = _flat(result.output)
    assert ("Note: H = 1" not in flat) and ("H = 1 /" in flat)
    assert untranslated(result.output, lang) == []


def test_definitions_coverage_in_french_numbers_and_text() -> None:
    result = invoke("fr", "definitions", "coverage", ALABAMA, "--source", "cbp", "--level", "6")
    assert result.exit_code == 0, result.output
    flat = _flat(result.output)
    assert re.search(
        r"\d[\d\u202f]* codes dans le tableau : [\d\u202f]+ couverts \(\d+,\d %\)", flat
    )
    assert "Emploi des codes non couverts en 2019" in flat
    assert untranslated(result.output, "fr") == []


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_dz_tables_titles(lang: str) -> None:
    result = invoke(lang, "dz", "crosswalk", "--from", "48", "--to", "69")
    assert result.exit_code == 0, result.output
    assert "Crosswalk" not in result.output
    # the scan's patterns backtrack on 1,538 rows: the title and headings are what is translated
    assert untranslated("\n".join(result.output.splitlines()[:4]), lang) == []
    wilayas = invoke(lang, "dz", "wilayas", "--division", "58")
    assert "The 58 wilayas" not in wilayas.output
    assert untranslated(wilayas.output, lang) == []


def test_english_summaries_unchanged() -> None:
    result = invoke("en", "definitions", "coverage", ALABAMA, "--source", "cbp", "--level", "6")
    assert result.exit_code == 0, result.output
    assert "codes in the table:" in _flat(result.output)


# --- figures ----------------------------------------------------------------------------------


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every string matplotlib's Agg renderer draws while the test runs."""
    from matplotlib.backends.backend_agg import RendererAgg

    texts: list[str] = []
    original = RendererAgg.draw_text

    def spy(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):  # noqa: ANN001, ANN202
        texts.append(s)
        return original(self, gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    monkeypatch.setattr(RendererAgg, "draw_text", spy)
    return texts


def test_network_heatmap_in_arabic_draws_shaped_labels(drawn: list[str], tmp_path: Path) -> None:
    from grappe.chart_labels import CHART_LABELS, chart_label
    from grappe.chart_text import chart_text, has_arabic

    folder = FIXTURES / "network"
    out = tmp_path / "heat.png"
    args = ["network", "heatmap", folder / "synthetic_actors.csv", folder / "synthetic_ties.csv"]
    result = invoke("ar", *args, out)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    title = chart_label("density_title", "ar", groups=CHART_LABELS["sphere"]["ar"])
    assert title in drawn and title == chart_text("كثافة الروابط حسب المجال")  # shaped Arabic
    assert not any(has_arabic(text) for text in drawn)  # nothing left in logical order


def test_network_heatmap_in_english_by_default(drawn: list[str], tmp_path: Path) -> None:
    from grappe.chart_labels import CHART_LABELS, chart_label

    folder = FIXTURES / "network"
    args = ["network", "heatmap", folder / "synthetic_actors.csv", folder / "synthetic_ties.csv"]
    result = invoke("en", *args, tmp_path / "heat.png")
    assert result.exit_code == 0, result.output
    assert chart_label("density_title", "en", groups=CHART_LABELS["sphere"]["en"]) in drawn


def test_related_clusters_named_in_french_in_the_table_not_in_csv() -> None:
    from grappe.definitions.names import cluster_names
    from grappe.io.presets import bundled_cbp_state_path

    args = ["related", "10", "--input", bundled_cbp_state_path(), "--source", "cbp", "--top", "3"]
    table = invoke("fr", *args)
    assert table.exit_code == 0, table.output
    french = set(cluster_names("fr").values()) - set(cluster_names("en").values())
    assert any(name in table.output for name in french)
    csv = invoke("fr", *args, "--format", "csv")
    assert csv.exit_code == 0, csv.output
    assert not any(name in csv.output for name in french)  # data keeps the English names
