"""The cluster profile shows its label, evaluations and roadmap in French, Arabic and English."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from grappe.roadmap import PHASES
from grappe.web.i18n import format_number

FIXTURE = Path(__file__).parents[1] / "fixtures" / "roadmap" / "roadmap_dates.yaml"

WORDS = {
    "en": ("Roadmap", "Done", "Ongoing", "Bottom-up"),
    "fr": ("Feuille de route", "Réalisée", "En cours", "Ascendant"),
    "ar": ("خارطة الطريق", "منجز", "جارٍ", "تصاعدي"),
}


def _put_roadmap(client, tokens):
    r = client.put(
        "/api/v1/clusters/auto-mi/roadmap",
        content=FIXTURE.read_bytes(),
        headers={**tokens["mgr"], "Content-Type": "application/yaml"},
    )
    assert r.status_code == 200, r.text


def test_profile_without_roadmap_says_so(populated):
    client, _ = populated
    text = client.get("/clusters/auto-mi?lang=en").text
    assert "No roadmap recorded yet." in text
    assert "Label and evaluations" in text


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_profile_shows_the_roadmap_by_phase(populated, lang):
    client, tokens = populated
    _put_roadmap(client, tokens)
    text = html.unescape(client.get(f"/clusters/auto-mi?lang={lang}").text)
    for word in WORDS[lang]:
        assert word in text, word
    for phase in PHASES:
        assert phase.names[lang] in text
    # Phase order is kept: mobilise before identify before plan before implement.
    positions = [text.index(p.names[lang]) for p in PHASES]
    assert positions == sorted(positions)
    assert "Kick-off workshop with producers and packers" in text
    assert "<bdi>Université de Biskra</bdi>" in text
    assert format_number(1500000, lang) in text  # budget of A1 in the page's digits
    assert PHASES[0].deliverables["stakeholder_map"][lang] in text  # a deliverable, by name
    if lang == "ar":
        assert 'dir="rtl"' in text and '<bdi lang="en">DZD</bdi>' in text


def test_profile_shows_label_and_evaluations(populated):
    client, tokens = populated
    r = client.patch("/api/v1/clusters/auto-mi", json={"label": "Bronze"}, headers=tokens["mgr"])
    assert r.status_code == 200
    ev = {"cluster_id": "auto-mi", "date": "2024-05-01", "kind": "label", "label": "Bronze",
          "score": 71.5, "summary": "Bronze label granted"}  # fmt: skip
    assert client.post("/api/v1/evaluations", json=ev, headers=tokens["mgr"]).status_code == 201
    text = client.get("/clusters/auto-mi?lang=fr").text
    assert "Bronze" in text and "Bronze label granted" in text and "2024-05-01" in text


def test_roadmap_edit_shows_at_once(populated):
    client, tokens = populated
    assert "Kick-off workshop" not in client.get("/clusters/auto-mi?lang=en").text
    _put_roadmap(client, tokens)
    assert "Kick-off workshop" in client.get("/clusters/auto-mi?lang=en").text
