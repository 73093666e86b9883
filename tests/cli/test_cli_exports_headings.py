"""``grappe exports headings CLUSTER --database``: a registry cluster's export headings shown
(with the country of its regions and what the registry lacks) and set through the registry's
typed function, with the token's rights and one-line errors. No trade data needed."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import create_token
from grappe.registry.models import AuditEntry, Cluster, Region
from grappe.registry.testing import in_session

_read = in_session  # fn(session) in a transaction of the database at url


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"

    def add(session):
        region = Region(id="DZ-07", code="07", country="DZ", region_type="wilaya",
                        name_en="Biskra")  # fmt: skip
        cluster = Cluster(id="biskra-dates", name_en="Biskra dates")
        session.add_all([region, cluster, Cluster(id="other", name_en="Other")])
        session.flush()
        cluster.regions.append(region)

    _read(url, add)
    return url


def _run(*args, lang="en"):
    return CliRunner().invoke(app, ["--lang", lang, "exports", "headings", *args])


def test_headings_shown_and_set(url):
    result = _run("biskra-dates", "--database", url, "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert (body["country"], body["products"], body["products_from"]) == ("DZA", [], None)
    assert any("names no export headings" in m for m in body["missing"])
    assert any("grappe exports store DZA --trade FILE" in m for m in body["missing"])
    result = _run("biskra-dates", "--set", "0804; 2009", "--database", url, lang="fr")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Positions SH : 0804, 2009 (indiquées dans les paramètres de la grappe)" in text
    assert _read(url, lambda s: s.get(Cluster, "biskra-dates").export_products) == ["0804", "2009"]
    entry = _read(url, lambda s: s.query(AuditEntry).order_by(AuditEntry.id.desc()).first().who)
    assert entry == "cli"
    assert _run("biskra-dates", "--set", "", "--database", url).exit_code == 0
    assert _read(url, lambda s: s.get(Cluster, "biskra-dates").export_products) is None


def test_rights_of_the_token_and_bad_input(url):
    manager = _read(url, lambda s: create_token(s, "t-mgr", role="manager",
                                                clusters=["other"], who="test"))  # fmt: skip
    result = _run("biskra-dates", "--set", "0804", "--database", url, "--token", manager)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "manager" in result.output
    assert _read(url, lambda s: s.get(Cluster, "biskra-dates").export_products) is None
    for args, match in (
        (("--set", "08A4"), "--set takes HS4 headings of four digits separated by commas "
                            "(0804,2009); got '08A4'."),
        (("--set", "0804", "--token", "nonsense"), "names no live token"),
        (("--format", "xml"), "--format"),
    ):  # fmt: skip
        result = _run("biskra-dates", *args, "--database", url)
        assert result.exit_code == 1
        assert match in " ".join(result.output.split())
    result = _run("nowhere", "--database", url)
    assert result.exit_code == 1 and "nowhere" in result.output
    result = _run("biskra-dates", "--set", "08A4", "--database", url, lang="ar")
    assert result.exit_code == 1 and "أربعة أرقام" in result.output
