"""The markets field of the records page and the "Internationalisation" section of a cluster's
profile (seen by its staff only), on a copy of the toy registry, in FR/AR/EN."""

from __future__ import annotations

import re
from html import unescape

import pytest

from _accounts import post_form, signed_in, workspace_site

RECORDS = "/clusters/auto-mi/records"
PROFILE = "/clusters/auto-mi"


@pytest.fixture
def site(populated_app):
    return workspace_site(populated_app)


def _post(client, path, **values):
    return post_form(client, f"{RECORDS}{path}", values, form_page=RECORDS)


def _section(html):
    found = re.search(r'<section aria-labelledby="intl-h">(.*?)</section>', html, re.S)
    return found and unescape(found.group(1))


def _record(client):
    for actor in ("GM", "UM"):
        r = _post(client, "/events", actor=actor, kind="join", date="2023-05-01")
        assert r.status_code == 303, r.text
    r = _post(client, "/figures", actor="GM", period="2024", exports="300", currency="USD",
              markets="CA:60;MX:40")  # fmt: skip
    assert r.status_code == 303, r.text
    r = _post(client, "/figures", actor="UM", period="2024", exports="100", currency="USD",
              markets="CA")  # fmt: skip
    assert r.status_code == 303, r.text


def test_markets_recorded_and_shown_to_staff_in_three_languages(site):
    _app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    _record(client)
    assert "CA:60; MX:40" in client.get(RECORDS).text  # the figures table shows them
    for lang, canada, heading in (
        ("en", "Canada", "Internationalisation"),
        ("fr", "Canada", "Internationalisation"),
        ("ar", "كندا", "التدويل"),
    ):
        client.headers["Accept-Language"] = lang
        section = _section(client.get(PROFILE).text)
        assert section is not None and heading in section and canada in section
    client.headers["Accept-Language"] = "en"
    section = _section(client.get(PROFILE).text)
    # Canada: 60 % of 300 placed, UM's share not said: 180 known, one member without a share
    assert re.search(r"Canada.*?<td>2</td><td>180 \(1 without a share\)</td><td>45", section, re.S)
    assert re.search(r"Mexico.*?<td>1</td><td>120</td><td>30", section, re.S)
    assert "Members that export" in section and "2 / " in section
    client.cookies.clear()  # the public never sees it: a firm's exports are its own
    page = client.get(PROFILE)
    assert page.status_code == 200 and 'aria-labelledby="intl-h"' not in page.text


def test_an_unknown_market_is_refused_next_to_its_field(site):
    _app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    _post(client, "/events", actor="GM", kind="join", date="2023-05-01")
    r = _post(client, "/figures", actor="GM", period="2024", exports="3", currency="USD",
              markets="XX:10")  # fmt: skip
    assert r.status_code == 400
    found = re.search(r'<p class="error" id="e-markets">([^<]+)</p>', r.text)
    assert found and "ISO country codes" in unescape(found.group(1))
