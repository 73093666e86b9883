"""grappe.i18n: the language of the messages, their translation at display time, numbers."""

from __future__ import annotations

import doctest
import gettext
import pickle

import pytest

import grappe.cli._spelling
import grappe.i18n
from grappe.cli._common import warning_line
from grappe.errors import (
    DataValidationError,
    DataWarning,
    InvalidParameterError,
    NotFoundError,
    ValidationIssue,
)
from grappe.i18n import (
    Message,
    Parts,
    check_language,
    current_language,
    error_text,
    format_number,
    language,
    language_from_environment,
    translate,
    use_language,
)


@pytest.mark.parametrize("module", [grappe.i18n, grappe.cli._spelling])
def test_doctests(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "ar_DZ.UTF-8"}, "ar"),
        ({"LANG": "fr_FR@euro"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "fr_CA.UTF-8", "LC_MESSAGES": "ar_MA", "LANG": "en_US"}, "fr"),
        ({"LC_MESSAGES": "ar_MA", "LANG": "fr_FR"}, "ar"),
        ({"GRAPPE_LANG": " AR ", "LANG": "fr_FR"}, "ar"),
        ({"GRAPPE_LANG": "", "LANG": "fr_FR"}, "fr"),  # empty: not set
    ],
)
def test_language_from_environment(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


def test_an_unknown_grappe_lang_is_an_error_naming_the_variable() -> None:
    with pytest.raises(
        InvalidParameterError, match=r"GRAPPE_LANG must be one of ar, fr, en\. Got 'de'"
    ):
        language_from_environment({"GRAPPE_LANG": "de"})
    with pytest.raises(InvalidParameterError, match=r"--lang must be one of ar, fr, en\. Got 'xx'"):
        use_language("xx")
    with pytest.raises(InvalidParameterError, match=r"Got None instead"):
        check_language(None)


def test_the_language_is_english_unless_chosen_and_restored_after_a_block() -> None:
    assert current_language() == "en"
    with language("ar"):
        assert current_language() == "ar"
        assert translate(Message("row {row}", row=3)) == "السطر 3"
    assert current_language() == "en"


def test_a_message_is_its_english_text_and_survives_pickling() -> None:
    m = Message(
        "No such file: {path!r} (the {what}).", path="a.csv", what=Message("regional table")
    )
    assert m == "No such file: 'a.csv' (the regional table)."
    assert isinstance(m, str) and str(InvalidParameterError(m)) == m
    back = pickle.loads(pickle.dumps(NotFoundError(m)))
    assert back.args[0].template == m.template
    assert translate(back.args[0], "fr") == "Fichier introuvable : 'a.csv' (tableau régional)."


def test_a_translation_with_broken_placeholders_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Broken(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "ligne {rangée}" if message == "row {row}" else message

    monkeypatch.setattr(grappe.i18n, "_catalogue", lambda _lang: Broken())
    assert translate(Message("row {row}", row=4), "fr") == "row 4"


def test_values_hook_rewrites_a_parameter_as_the_commands_option() -> None:
    from grappe._validation import check_option
    from grappe.cli._spelling import cli_values

    with pytest.raises(InvalidParameterError) as info:
        check_option("x", "withheld", ("raise", "drop"), func="read_regional_table")
    text = error_text(info.value, "fr", values_hook=lambda v: cli_values(v, "grappe map"))
    assert text == (
        "Le paramètre '--withheld' de grappe map doit être l'une des valeurs 'raise', 'drop'. "
        "Reçu 'x'."
    )
    assert str(info.value).startswith("The 'withheld' parameter of read_regional_table must be")


def test_a_validation_error_is_written_issue_by_issue_with_the_count_of_the_rest() -> None:
    issues = [
        ValidationIssue(Message("The id is empty."), file="n.csv", row=i, column="need_id")
        for i in range(2, 27)
    ]
    text = error_text(DataValidationError(issues), "fr")
    lines = text.splitlines()
    assert len(lines) == DataValidationError.max_listed + 1
    assert lines[0] == "n.csv, ligne 2, colonne 'need_id' : L'identifiant est vide."
    assert lines[-1] == "… et 5 autres problèmes."
    english = error_text(DataValidationError(issues), "en")
    assert english == str(DataValidationError(issues))  # the English text is str(error)


def test_an_error_whose_text_is_no_message_is_shown_as_it_is() -> None:
    assert error_text(NotFoundError("cluster 'x' is unknown."), "ar") == "cluster 'x' is unknown."
    assert error_text(NotFoundError("a", "b"), "ar") == "('a', 'b')"


def test_a_data_warning_reads_in_the_users_language() -> None:
    warning = DataWarning(
        Message("{value!r} is not a number.", value="n/a"),
        file="k.csv",
        row=3,
        column="value",
        fix=Message("write a number (empty when unknown)."),
    )
    with language("ar"):
        line = warning_line(warning)
    assert line == (
        "تنبيه: k.csv، السطر 3، العمود 'value': 'n/a' ليس عدداً. — اكتب عدداً (اتركه فارغاً إن كان "
        "مجهولاً)."
    )
    assert warning_line(warning) == (
        "Warning: k.csv, row 3, column 'value': 'n/a' is not a number. — write a number (empty "
        "when unknown)."
    )


def test_parts_are_joined_by_the_separator_of_the_language() -> None:
    why = Message(
        "{parts}.",
        parts=Parts([Message("shares no process"), Message("lacks {processes}", processes="x")]),
    )
    assert why == "shares no process; lacks x."
    assert translate(why, "fr") == "ne partage aucun procédé; n'a pas x."
    assert translate(why, "ar") == "لا يشترك في أي عملية؛ تنقصه x."


@pytest.mark.parametrize(
    ("value", "lang", "digits", "expected"),
    [
        (1234567.891, "en", 2, "1,234,567.89"),
        (1234567.891, "fr", 2, "1\u202f234\u202f567,89"),
        (1234567.891, "ar", 2, "1.234.567,89"),  # Latin digits, ar_DZ separators
        (0.5, "fr", 0, "0"),  # half to even, as Babel rounds
        (None, "fr", 0, "–"),
        (float("nan"), "ar", 2, "–"),
    ],
)
def test_format_number(value: float | None, lang: str, digits: int, expected: str) -> None:
    assert format_number(value, lang, digits=digits) == expected


def test_a_run_of_the_command_line_leaves_the_language_as_it_was() -> None:
    import typer.rich_utils
    from typer.testing import CliRunner

    from grappe.cli.main import app

    result = CliRunner().invoke(app, ["--lang", "ar", "kpi", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "الخيارات" in result.output
    assert current_language() == "en"
    assert typer.rich_utils.OPTIONS_PANEL_TITLE == "Options"
