"""The official French heading texts of the EU Combined Nomenclature 2023 in ``hs_headings.csv``."""

from __future__ import annotations

import pytest

from grappe.io import hs

CN = "EU Combined Nomenclature 2023 (EU Vocabularies; © European Union)"

# French heading texts of the Combined Nomenclature (Annex I to Council Regulation (EEC)
# No 2658/87), written here from the published legal text, not read from the bundled file.
OFFICIAL = {
    "0101": "Chevaux, ânes, mulets et bardots, vivants",
    "0804": "Dattes, figues, ananas, avocats, goyaves, mangues et mangoustans, frais ou secs",
    "1701": "Sucres de canne ou de betterave et saccharose chimiquement pur, à l'état solide",
    "2709": "Huiles brutes de pétrole ou de minéraux bitumineux",
    "2711": "Gaz de pétrole et autres hydrocarbures gazeux",
    "3102": "Engrais minéraux ou chimiques azotés",
    "0702": "Tomates, à l'état frais ou réfrigéré",
    "2716": "Énergie électrique",
}


@pytest.mark.parametrize(("code", "text"), sorted(OFFICIAL.items()))
def test_official_text(code, text):
    name = hs.load_hs_names()[code]
    assert name.names["fr"] == text
    assert name.sources["fr"] == CN
    assert not name.translated("fr")  # a page does not call it grappe's translation
    assert name.translated("ar")  # no official Arabic text: grappe's, marked


def test_which_headings_keep_grappe_translation():
    names = hs.load_hs_names()
    official = {c for c, p in names.items() if p.sources.get("fr") == CN}
    assert len(official) == 1148
    # only HS 2017 headings whose text HS 2022 kept (the CN 2023 follows HS 2022)
    assert all(names[c].edition == "HS2017" for c in official)
    changed_in_2022 = {"0305", "0306", "0307", "0403", "1510", "8517", "8541", "9405"}
    deleted_in_2022 = {"8107", "8803"}
    for code in changed_in_2022 | deleted_in_2022 | {"8485", "8524", "9999"}:
        assert names[code].translated("fr"), code
    assert names["8485"].edition == "HS1992"  # its 2022 meaning differs: never the CN text
