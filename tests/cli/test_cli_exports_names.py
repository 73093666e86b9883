"""``grappe exports names``: HS heading names by code or words, in English, French and Arabic."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from grappe.cli.main import app

runner = CliRunner()
WIDE = {"COLUMNS": "200"}


def _names(*args: str, ui: str = "en"):
    return runner.invoke(app, ["--lang", ui, "exports", "names", *args], env=WIDE)


def test_a_code_in_arabic_is_marked_as_grappes_translation():
    result = _names("0804", ui="ar")  # the names follow the language of the run
    assert result.exit_code == 0, result.output
    assert "تمور وتين وأناناس وأفوكادو وجوافة ومانجو ومانجوستين، طازجة أو مجففة" in result.output
    assert "ترجمة grappe" in result.output


def test_a_heading_without_a_french_name_shows_the_english_one_and_says_so(tmp_path, monkeypatch):
    import shutil

    from grappe.io import hs

    folder = tmp_path / "hs"  # every heading has French: a copy without the French of 0101
    shutil.copytree(hs._data_dir(), folder)
    table = folder / "hs_headings.csv"
    lines = table.read_text("utf-8").splitlines(keepends=True)
    table.write_text("".join(x for x in lines if not x.startswith("0101,HS2017,fr,")), "utf-8")
    for cache in (hs._bundled_names, hs._oec_index, hs._confirmed_table):
        cache.cache_clear()
    monkeypatch.setattr(hs, "_data_dir", lambda: folder)
    try:
        result = _names("0101", ui="fr")
    finally:
        for cache in (hs._bundled_names, hs._oec_index, hs._confirmed_table):
            cache.cache_clear()
    assert result.exit_code == 0, result.output
    assert "Horses, asses, mules and hinnies; live" in result.output
    assert "anglais : pas de nom dans cette langue" in result.output


def test_words_and_json():
    result = _names("mangoes", "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)["records"]
    assert [r["code"] for r in records] == ["0804"]
    assert records[0]["name_fr"].startswith("Dattes, figues")
    assert records[0]["translated_by_grappe"] == ["ar"]  # French: the EU CN official text


def test_a_prefix_with_top_and_csv(tmp_path):
    out = tmp_path / "names.csv"
    result = _names("08", "--top", "3", "--format", "csv", "--output", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("code,name,edition")
    assert [line.split(",")[0] for line in lines[1:]] == ["0801", "0802", "0803"]


def test_nothing_found_and_bad_options_exit_1_without_traceback():
    result = _names("zzzz")
    assert result.exit_code == 1
    assert "No heading matches zzzz." in result.output
    for args, fragment in [
        (("0804", "--lang", "de"), "'--lang' parameter of exports names"),
        (("0804", "--format", "xml"), "'--format' parameter of exports names"),
        (("0804", "--top", "0"), "'--top' parameter of exports names"),
    ]:
        result = _names(*args)
        assert result.exit_code == 1, result.output
        assert fragment in " ".join(result.output.split())
        assert "Traceback" not in result.output
