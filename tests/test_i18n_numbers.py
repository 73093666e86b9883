"""Numbers inside messages written the reader's way (grappe.i18n.Number, issue 19): the
opportunities' reasons in French (decimal comma,
narrow no-break space between thousands, no-break space before %), Arabic (Latin digits,
``ar_DZ``: decimal comma, dot between thousands) and English; the old stored reasons upgraded.
The internationalisation statements: tests/roadmap/test_roadmap_intl_numbers.py.

Expected texts are written here by hand from the CLDR conventions that grappe.formats
documents, not through format_number."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

from grappe.complexity.exports import export_profile, upgrade_reason
from grappe.errors import InvalidParameterError
from grappe.i18n import Message, Number, translate

NNBSP, NBSP, LRM = "\u202f", "\u00a0", "\u200e"


def _comma(text: str) -> str:
    """A number below 1,000 written with a decimal comma (French and ar_DZ), by hand."""
    return text.replace(".", ",")


def _arabic(text: str) -> str:
    """The same in Arabic: a sign carries CLDR's left-to-right mark (ar_DZ's ``\u200e-``)."""
    return (LRM if text.startswith(("-", "+")) else "") + _comma(text)


@pytest.mark.parametrize(
    ("number", "fr", "ar", "en"),
    [
        (Number(0.41234, digits=3), "0,412", "0,412", "0.412"),
        (Number(1185), f"1{NNBSP}185", "1.185", "1,185"),
        (Number(435_000_000), f"435{NNBSP}000{NNBSP}000", "435.000.000", "435,000,000"),
        (Number(1234.5, digits=1), f"1{NNBSP}234,5", "1.234,5", "1,234.5"),
        (Number(0.5, digits=2, signed=True), "+0,50", f"{LRM}+0,50", "+0.50"),
        (Number(-0.87, digits=2, signed=True), "-0,87", f"{LRM}-0,87", "-0.87"),
        (Number(85_000_000, signed=True), f"+85{NNBSP}000{NNBSP}000", f"{LRM}+85.000.000",
         "+85,000,000"),
        (Number(0.2, percent=True), f"20{NBSP}%", "20%", "20%"),
        (Number(0.4567, digits=1, percent=True), f"45,7{NBSP}%", "45,7%", "45.7%"),
        (Number(float("nan"), digits=3), "–", "–", "–"),
        (Number(None, signed=True), "–", "–", "–"),
    ],
)  # fmt: skip
def test_a_number_in_three_languages(number, fr, ar, en):
    assert (number.text("fr"), number.text("ar"), number.text("en")) == (fr, ar, en)
    assert str(number) == en == f"{number}"


def test_the_english_text_and_pickles_are_unchanged_by_the_type():
    m = Message("complexity outlook gain {cog}", cog=Number(0.41234, digits=3))
    assert m == "complexity outlook gain 0.412" == translate(m, "en")
    assert translate(m, "fr") == "gain de perspective de complexité 0,412"
    assert translate(m, "ar") == "مكسب آفاق التعقيد 0,412"
    assert pickle.loads(pickle.dumps(m)).values == m.values
    # a plain float under a format spec keeps its text in every language (opt-in type)
    old = Message("density {d:.2f}", d=0.3125)
    assert translate(old, "fr") == "density 0.31"


@pytest.mark.parametrize("digits", [-1, 1.5, True, "3"])
def test_bad_digits_are_refused(digits):
    with pytest.raises(InvalidParameterError, match="digits of a Number must be a whole number"):
        Number(0.5, digits=digits)


TOY = pd.DataFrame(
    [[5, 3, 2, 0], [4, 1, 0, 1], [3, 0, 0, 1], [1, 1, 1, 5]],
    index=["A", "B", "C", "D"],
    columns=["Dates", "Olives", "Cars", "Gas"],
    dtype=float,
)


def test_the_reasons_of_an_opportunity_in_three_languages():
    profile = export_profile(TOY, "C", min_country_exports=0, min_product_exports=0)
    assert profile.opportunities
    for o in profile.opportunities:
        density, pci, cog = (r for r in o.reasons[:3])
        assert str(cog) == f"complexity outlook gain {o.cog:.3f}"  # English as before
        assert translate(cog, "fr") == f"gain de perspective de complexité {_comma(f'{o.cog:.3f}')}"
        assert translate(cog, "ar") == f"مكسب آفاق التعقيد {_arabic(f'{o.cog:.3f}')}"
        fr = translate(density, "fr")
        assert fr.startswith(f"densité de proximité {_comma(f'{o.density:.3f}')}, rang ")
        assert translate(density, "ar").startswith(f"كثافة الترابط {_arabic(f'{o.density:.3f}')}")
        assert str(density).startswith(f"relatedness density {o.density:.3f}, rank ")
        assert translate(pci, "fr").startswith(f"complexité (PCI) {_comma(f'{o.pci:+.2f}')} ")
        assert str(pci).startswith(f"complexity (PCI) {o.pci:+.2f} against ")
        records = profile.to_records(kind="opportunities", lang="fr")
        assert (
            _comma(f"{o.cog:.3f}")
            in next(r for r in records if r["product"] == o.product)["reasons"]
        )


def test_old_stored_reasons_are_upgraded_and_the_rest_left_alone():
    old = Message(
        "relatedness density {density:.3f}, rank {rank} of {count} among the products not yet "
        "exported",
        density=0.0332,
        rank=17,
        count=1147,
    )
    new = upgrade_reason(old)
    assert new.values == {"density": Number(0.0332, digits=3), "rank": Number(17),
                          "count": Number(1147)}  # fmt: skip
    assert str(new) == str(old).replace("1147", "1,147")
    assert translate(new, "fr") == (
        f"densité de proximité 0,033, rang 17 sur 1{NNBSP}147 parmi les produits pas encore "
        "exportés"
    )
    pci = upgrade_reason(
        Message(
            "complexity (PCI) {pci:+.2f} against {average:+.2f} on average for the products "
            "exported",
            pci=-0.01,
            average=-0.87,
        )
    )
    assert translate(pci, "fr").startswith("complexité (PCI) -0,01 contre -0,87 en moyenne")
    other = Message("near {near}", near="Salt")
    assert upgrade_reason(other) is other and upgrade_reason("text") == "text"
