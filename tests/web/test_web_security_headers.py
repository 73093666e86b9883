"""Security headers on every kind of answer, and pages that keep within the strict
Content-Security-Policy (no inline script, no event-handler attribute, no style attribute)."""

from __future__ import annotations

import re

import pytest

from grappe.service.security import CONTENT_SECURITY_POLICY, SECURITY_HEADERS
from grappe.web import STATIC

TEMPLATES = STATIC.parent / "templates"


@pytest.mark.parametrize(
    ("url", "status", "kind"),
    [
        ("/?lang=en", 200, "text/html"),
        ("/clusters/auto-mi", 200, "text/html"),
        ("/regions/US-26?lang=ar", 200, "text/html"),
        ("/compare?a=auto-mi&b=chem-oh", 200, "text/html"),
        ("/no/such/page", 404, "text/html"),
        ("/static/css/site.css", 200, "text/css"),
        ("/static/vendor/swagger-ui-bundle.js", 200, "text/javascript"),
        ("/static/nothing.js", 404, "text/html"),
        ("/api/v1/clusters", 200, "application/json"),
        ("/api/v1/openapi.json", 200, "application/json"),
        ("/api/v1/docs", 200, "text/html"),
        ("/api/v1/nowhere", 404, "application/json"),
    ],
)
def test_every_answer_has_the_security_headers(populated, url, status, kind):
    client, _ = populated
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith(kind)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, name
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])


def test_policy_forbids_inline_code_and_framing():
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert SECURITY_HEADERS["X-Frame-Options"] == "DENY"
    assert SECURITY_HEADERS["X-Content-Type-Options"] == "nosniff"


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I),
     "inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event-handler attribute"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style[\s>]", re.I), "<style> element"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]  # fmt: skip


def _inline_code(html):
    return [what for pattern, what in INLINE if pattern.search(html)]


def test_the_inline_code_check_can_fail():
    assert _inline_code('<p onclick="x()">') == ["event-handler attribute"]
    assert _inline_code("<script>alert(1)</script>") == ["inline <script>"]
    assert _inline_code('<div style="color:red">') == ["style attribute"]
    assert _inline_code('<script type="application/json" id="d">{}</script>') == []
    assert _inline_code('<script src="/static/js/map.js"></script>') == []


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.rglob("*.html")))
def test_templates_have_no_inline_code(template):
    html = next(TEMPLATES.rglob(template)).read_text(encoding="utf-8")
    assert _inline_code(html) == []


@pytest.mark.parametrize(
    "url",
    ["/?lang=fr", "/clusters/auto-mi?lang=ar", "/regions/US-26", "/compare?a=US-26&b=US-39",
     "/api/v1/docs", "/nowhere"],
)  # fmt: skip
def test_rendered_pages_have_no_inline_code(populated, url):
    client, _ = populated
    assert _inline_code(client.get(url).text) == []


def test_api_docs_are_served_locally(populated):
    client, _ = populated
    html = client.get("/api/v1/docs").text
    assert '<script src="/static/vendor/swagger-ui-bundle.js">' in html
    assert '<script src="/static/js/api-docs.js">' in html
    assert 'data-openapi-url="/api/v1/openapi.json"' in html
    assert "http://" not in html and "https://" not in html  # nothing from a CDN
    for asset in ("/static/vendor/swagger-ui.css", "/static/js/api-docs.js"):
        assert client.get(asset).status_code == 200
    vendor = STATIC / "vendor"
    assert "Apache License" in (vendor / "swagger-ui.LICENSE").read_text()
    assert "swagger-ui-dist 5.35.0" in (vendor / "VERSIONS.txt").read_text()
