"""The registry's errors on enrolments and decisions in the user's language on the command line
(``GRAPPE_LANG``): their message ids and values (``grappe.i18n.Message``) reach the catalogue, a
message inside a message included; one line, exit code 1."""

from __future__ import annotations

from typer.testing import CliRunner

from grappe.cli.main import app


def _run(url, lang, *args):
    return CliRunner().invoke(app, ["programme", *args, "--database", url],
                              env={"GRAPPE_LANG": lang})  # fmt: skip


def test_enrolment_and_decision_errors_in_french_and_arabic(automotive_registry):
    url = automotive_registry
    enrol = ("enrol", "auto-mi", "kompetenznetze", "--joined", "2021-01-01")
    assert _run(url, "en", *enrol).exit_code == 0
    keep = ("evaluate", "1", "--on", "2021-02-01", "--action", "keep")
    expected = {
        "fr": ("La grappe 'auto-mi' est déjà inscrite au programme 'kompetenznetze' "
               "(inscription 1) : enregistrez-en une évaluation au lieu de l'inscrire à nouveau.",
               "Le paramètre 'reason' de record_evaluation doit dire pourquoi l'action 'keep' est "
               "prise au lieu de celle de la règle, 'refuse'. Aucun motif n'a été donné."),
        "ar": ("العنقود 'auto-mi' مسجَّل بالفعل في البرنامج 'kompetenznetze' (التسجيل 1): سجِّل "
               "تقييما له بدلا من تسجيله مرة أخرى.",
               "يجب أن يبيّن المعامل 'reason' في record_evaluation سبب أنّ الإجراء 'keep' اتُّخذ "
               "بدلا من إجراء القاعدة 'refuse'. لم يُعطَ أي سبب."),
    }  # fmt: skip
    for lang, (enrolled, no_reason) in expected.items():
        for args, message in ((enrol, enrolled), (keep, no_reason)):
            r = _run(url, lang, *args)
            shown = " ".join(r.output.split())  # the console wraps long lines
            assert r.exit_code == 1 and message in shown, r.output
            assert "Traceback" not in r.output and "instead" not in r.output
