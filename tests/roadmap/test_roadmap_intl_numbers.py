"""The internationalisation statements write their numbers the reader's way (grappe.i18n.Number):
French decimal comma, narrow no-break space between thousands and no-break space before %;
Arabic with Latin digits and the ``ar_DZ`` separators; English as before. Expected texts are
written by hand."""

from __future__ import annotations

from test_roadmap_internationalisation import BISKRA, biskra_network

from grappe.i18n import translate
from grappe.io.member_records import read_records
from grappe.roadmap.internationalisation import cluster_internationalisation

NNBSP, NBSP, LRM = "\u202f", "\u00a0", "\u200e"


def test_the_statements_write_shares_and_values_the_reader_s_way():
    """The Biskra dates cluster of tests/roadmap (seed 000, illustrative figures): 435 M DZD
    exported in 2024 (350 M in 2023), 87 % of a typed 500 M target, 2 of 10 ties external."""
    records = read_records(BISKRA)
    typed = [{"kpi": "exports", "period": "2024", "value": 435_000_000, "target": 500_000_000}]
    res = cluster_internationalisation(
        records, period="2024", previous="2023", typed_kpis=typed, network=biskra_network(records)
    )
    english = [str(s.text) for s in res.statements]
    assert "The members exported 435,000,000 DZD in 2024." in english  # as before
    assert "It reaches 87% of its target of 500,000,000." in english
    assert "Exports changed by +85,000,000 since the previous period." in english
    french = [translate(s.text, "fr") for s in res.statements]
    assert f"Les membres ont exporté 435{NNBSP}000{NNBSP}000 DZD en 2024." in french
    assert f"Il atteint 87{NBSP}% de sa cible de 500{NNBSP}000{NNBSP}000." in french
    assert (f"Les exportations ont varié de +85{NNBSP}000{NNBSP}000 depuis la période "
            "précédente.") in french  # fmt: skip
    assert f"Les parts des marchés situent 100{NBSP}% des exportations." in french
    assert any(t.startswith(f"20{NBSP}% des liens du réseau") for t in french)
    arabic = [translate(s.text, "ar") for s in res.statements]
    assert "يبلغ 87% من هدفه البالغ 500.000.000." in arabic
    assert f"تغيرت الصادرات بمقدار {LRM}+85.000.000 منذ الفترة السابقة." in arabic
