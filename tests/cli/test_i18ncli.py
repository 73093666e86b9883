"""The command line in Arabic and French: the catalogue covers every help text, and no English text
that has a translation is left in the help of any command or in the output of a few commands.

The scan walks the Typer app, so a new command or option whose help has no French and Arabic
translation fails here until ``scripts/i18n_cli.py`` has one and ``scripts/i18n-catalogues.py`` has
been run (docs/cli.md, "Language of the CLI").
"""

from __future__ import annotations

import functools
import gettext
import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from typer.main import get_command
from typer.testing import CliRunner

from grappe.cli._lang import command_tree, help_texts
from grappe.cli.main import app
from grappe.i18n import LOCALE_DIR

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LANGS = ("fr", "ar")
WIDE = {"COLUMNS": "3000", "GRAPPE_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """msgid → msgstr of the ``cli.po`` of ``lang`` (translated entries only)."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "cli.po").open("rb") as handle:
        return {m.id: m.string for m in read_po(handle, locale=lang) if m.id and m.string}


#: Rich markup written in the catalogue's messages.
MARKUP = re.compile(r"\[/?(?:bold|green|red|blue)?\]")


def _flat(text: str) -> str:
    """Text without box drawing, rich markup and line breaks: what a reader sees, on one line."""
    text = MARKUP.sub("", text)
    text = re.sub(r"[│╭╮╰╯─┃┏┓┗┛━┡┩╇┳┻┼└┘┌┐├┤┬┴]", " ", text)
    return " ".join(text.split())


@functools.cache
def _pattern(msgid: str) -> re.Pattern[str]:
    """A regular expression matching ``msgid`` as rendered, whatever its placeholders hold."""
    parts = []
    for literal, field, _spec, _conv in string.Formatter().parse(msgid):
        parts.append(re.escape(_flat(literal)).replace(r"\ ", r"\s+"))
        if field is not None:
            parts.append(".+?")
    return re.compile("".join(parts))


def untranslated(output: str, lang: str) -> list[str]:
    """The catalogue's English texts (of two words or more) found as such in ``output``."""
    flat = _flat(output)
    found = []
    for msgid, msgstr in catalogue(lang).items():
        english = _flat(msgid)
        words = re.sub(r"\{[^{}]*\}", "", english)  # the text around the placeholders
        if msgstr == msgid or len(re.findall(r"[A-Za-z]{2,}", words)) < 2:
            continue  # the same in both languages, or one word that option names and values hold
        if english.replace("{", "").replace("}", "") in flat or (
            "{" in msgid and _pattern(msgid).search(flat)
        ):
            found.append(msgid)
    return found


def command_paths() -> list[tuple[str, ...]]:
    return [path[1:] for path, _cmd in command_tree(get_command(app))]


# --- the catalogue ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_help_text_of_the_app_has_a_translation(lang: str) -> None:
    missing = [
        text for text in dict.fromkeys(help_texts(get_command(app))) if text not in catalogue(lang)
    ]
    assert not missing, (
        f"{len(missing)} help texts without a {lang} translation (add them to "
        f"scripts/i18n_cli.py, then run scripts/i18n-catalogues.py): {missing[:5]}"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_the_placeholders_and_markup_of_their_message(lang: str) -> None:
    def fields(text: str) -> list[tuple[str | None, str | None, str | None]]:
        return sorted((f, s, c) for _l, f, s, c in string.Formatter().parse(text) if f is not None)

    bad = [
        msgid
        for msgid, msgstr in catalogue(lang).items()
        if fields(msgid) != fields(msgstr) or MARKUP.findall(msgid) != MARKUP.findall(msgstr)
    ]
    assert not bad, bad


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogue_is_the_po_file(lang: str) -> None:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "cli.po").open("rb") as handle:
        po = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, po)
    buffer.seek(0)
    expected = gettext.GNUTranslations(buffer)._catalog  # type: ignore[attr-defined]
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "cli.mo").open("rb") as handle:
        shipped = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    assert shipped == expected, "cli.mo is stale: run scripts/i18n-catalogues.py"


def test_the_scan_finds_an_untranslated_help_text() -> None:
    """The scan itself can fail: the English help of ``grappe map`` is found in English output."""
    result = runner.invoke(app, ["--lang", "en", "map", "--help"], env=WIDE)
    assert result.exit_code == 0
    found = untranslated(result.output, "fr")
    assert "Column mapping FILE_COLUMN=OUR_COLUMN (repeatable)." in found
    assert "Show this message and exit." in found  # Typer's own texts too


# --- every command's help, rendered ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_no_english_help_is_left_in_any_command(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = command_paths()
    assert len(paths) > 40  # the walk reaches the subcommands of every group
    # Typer builds the command tree anew for each run (0.7 s); one tree per language is enough
    # here: translating a tree twice into the same language changes nothing
    import typer.testing

    tree = get_command(app)
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: tree)
    left = {}
    for path in paths:
        result = runner.invoke(app, ["--lang", lang, *path, "--help"], env=WIDE)
        assert result.exit_code == 0, (path, result.output)
        if found := untranslated(result.output, lang):
            left[" ".join(path)] = found
    assert not left, left


def test_help_is_in_the_language_asked_whatever_the_order_of_options() -> None:
    ar = runner.invoke(app, ["--help", "--lang", "ar"], env=WIDE)
    assert "الخيارات" in ar.output and "عرض هذه الرسالة والخروج." in ar.output
    fr = runner.invoke(app, ["--lang=fr", "kpi", "evaluate", "--help"], env=WIDE)
    assert "Évaluer les indicateurs clés d'une période" in fr.output
    assert "--duplicates" in fr.output  # option names stay Latin


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"GRAPPE_LANG": "ar"}, "الأوامر"),
        ({"LANG": "fr_DZ.UTF-8"}, "Commandes"),
        ({"LC_ALL": "C", "LANG": "ar_DZ.UTF-8"}, "Commands"),
        ({"LC_MESSAGES": "ar_MA.UTF-8", "LANG": "fr_FR.UTF-8"}, "الأوامر"),
        ({"GRAPPE_LANG": "fr", "LANG": "ar_DZ.UTF-8"}, "Commandes"),
    ],
)
def test_the_language_comes_from_grappe_lang_then_the_locale(env: dict, expected: str) -> None:
    result = runner.invoke(app, ["--help"], env={**WIDE, **env})
    assert result.exit_code == 0
    assert expected in result.output


def test_the_option_wins_over_the_environment() -> None:
    result = runner.invoke(app, ["--lang", "en", "--help"], env={**WIDE, "GRAPPE_LANG": "ar"})
    assert "Commands" in result.output and "الأوامر" not in result.output


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--lang", "de", "kpi", "--help"], {}, "--lang must be one of ar, fr, en. Got 'de'"),
        (["kpi", "--help"], {"GRAPPE_LANG": "klingon"}, "GRAPPE_LANG must be one of ar, fr, en"),
    ],
)
def test_a_language_grappe_does_not_speak_is_refused(args: list, env: dict, message: str) -> None:
    result = runner.invoke(app, args, env={**WIDE, **env})
    assert result.exit_code == 2
    assert message in _flat(result.output)


# --- outputs and errors ------------------------------------------------------------------------


def test_match_in_arabic_headers_reasons_and_no_english_left() -> None:
    needs, caps = (
        FIXTURES / "matchmaking" / "needs.csv",
        FIXTURES / "matchmaking" / "capabilities.csv",
    )
    result = runner.invoke(app, ["--lang", "ar", "match", str(needs), str(caps)], env=WIDE)
    assert result.exit_code == 0, result.output
    for header in ("المطابقات", "الاحتياج", "الرتبة", "الدرجة", "السبب"):
        assert header in result.output
    assert "يحوز كل الشهادات المطلوبة" in result.output
    assert "على بعد 7 كم، في العنقود نفسه." in result.output
    assert untranslated(result.output, "ar") == []
    english = runner.invoke(app, ["match", str(needs), str(caps)], env=WIDE)
    assert "holds every certification required" in english.output  # English stays the default


def test_kpi_evaluate_in_french_headers_and_numbers() -> None:
    kpis = FIXTURES / "roadmap" / "kpis_dates.csv"
    label = FIXTURES / "roadmap" / "label_bronze.yaml"
    args = ["--lang", "fr", "kpi", "evaluate", str(kpis), "--label", str(label)]
    result = runner.invoke(app, args, env=WIDE)
    assert result.exit_code == 0, result.output
    flat = _flat(result.output)
    assert "indicateur valeur précédente variation cible sens atteinte" in flat
    assert "jobs 1 310 1 200 110 1 350 at_least non" in flat
    assert "1\u202f310" in result.output  # Babel's French grouping: a narrow no-break space
    assert "exports 10,20 8,50 1,70 10 at_least oui" in flat  # decimal comma
    assert ": toujours satisfait" in flat
    assert untranslated(result.output, "fr") == []


def test_kpi_evaluate_in_arabic_keeps_latin_digits() -> None:
    kpis = FIXTURES / "roadmap" / "kpis_dates.csv"
    result = runner.invoke(app, ["--lang", "ar", "kpi", "evaluate", str(kpis)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "jobs 1.310 1.200 110 1.350 at_least لا" in _flat(result.output)  # ar_DZ separators
    assert not re.search("[٠-٩]", result.output)  # Latin digits: the Maghreb usage


def test_the_assess_questionnaire_follows_the_global_language() -> None:
    result = runner.invoke(app, ["--lang", "ar", "assess", "questionnaire", "diamond"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "نعم/لا" in result.output or "1–5" in result.output
    assert re.search("[\u0600-\u06ff]{4}", result.output)  # the questions in Arabic


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ar", "خطأ: الملف غير موجود: 'nothere.csv'"),
        ("fr", "Erreur : Fichier introuvable : 'nothere.csv'"),
        ("en", "Error: No such file: 'nothere.csv'"),
    ],
)
def test_a_missing_file_is_reported_in_the_users_language(lang: str, expected: str) -> None:
    caps = FIXTURES / "matchmaking" / "capabilities.csv"
    result = runner.invoke(app, ["--lang", lang, "match", "nothere.csv", str(caps)], env=WIDE)
    assert result.exit_code == 1
    assert expected in _flat(result.output)
    assert "Traceback" not in result.output


def test_a_bad_option_value_is_reported_in_french_with_the_option_name() -> None:
    needs, caps = (
        FIXTURES / "matchmaking" / "needs.csv",
        FIXTURES / "matchmaking" / "capabilities.csv",
    )
    args = ["--lang", "fr", "match", str(needs), str(caps), "--top", "0"]
    result = runner.invoke(app, args, env=WIDE)
    assert result.exit_code == 1
    assert (
        "Erreur : Le paramètre '--top' de grappe match doit être dans l'intervalle [1, inf]. "
        "Reçu 0." in _flat(result.output)
    )


def test_a_file_error_names_row_column_and_fix_in_arabic(tmp_path: Path) -> None:
    needs = tmp_path / "needs.csv"
    source = (FIXTURES / "matchmaking" / "needs.csv").read_text(encoding="utf-8").splitlines()
    header = source[0].split(",")
    row = source[1].split(",")
    row[header.index("lat")] = "north"
    needs.write_text("\n".join([source[0], ",".join(row)]) + "\n", encoding="utf-8")
    caps = FIXTURES / "matchmaking" / "capabilities.csv"
    result = runner.invoke(app, ["--lang", "ar", "match", str(needs), str(caps)], env=WIDE)
    assert result.exit_code == 1
    flat = _flat(result.output)
    assert "needs.csv، السطر 2، العمود 'lat': القيمة 'north' في lat ليست عدداً بين -90 و90." in flat
    assert "الحل: اكتب عدداً عشرياً (بالدرجات لـ lat/lon)." in flat


def test_a_kpi_store_without_cluster_is_refused_in_arabic() -> None:
    kpis = FIXTURES / "roadmap" / "kpis_dates.csv"
    args = ["--lang", "ar", "kpi", "evaluate", str(kpis), "--store"]
    result = runner.invoke(app, args, env=WIDE)
    assert result.exit_code == 1
    assert "خطأ: يتطلب المُعامل '--store' في grappe kpi evaluate الخيار '--cluster'" in _flat(
        result.output
    )
