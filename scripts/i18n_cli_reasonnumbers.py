"""French and Arabic of the command line's messages added by the reasonnumbers package
(numbers written the reader's way inside messages: grappe.i18n.Number)."""

CLI_T_reasonnumbers: dict[str, tuple[str, str]] = {
    # i18n.py: Number
    "The digits of a Number must be a whole number from 0. Got {digits!r} instead.": (
        "Les décimales d'un Number doivent être un nombre entier à partir de 0. Reçu "
        "{digits!r} à la place.",
        "يجب أن تكون الأرقام العشرية لـNumber عددا صحيحا ابتداء من 0. وردت القيمة {digits!r} "
        "بدلا من ذلك.",
    ),
}
