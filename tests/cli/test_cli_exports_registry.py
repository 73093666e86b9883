"""``grappe exports store|stored|correct|publish|withdraw --database`` (package exportscli,
issue 19): two countries of the real 2020 trade matrix (Mauritania and Tunisia, the smallest and a
middle one of the Maghreb) stored once per module through the observatory job's step, a second
``store`` that writes nothing, corrections, publication and withdrawal through the registry's
typed functions with the audit naming the token, a manager's token refused; every error one
translated line, exit code 1, nothing written (the registry's version is unchanged)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import create_token
from grappe.registry.export_profiles import list_export_profiles, load_export_profile
from grappe.registry.repositories import registry_version
from grappe.registry.testing import in_session

PLAIN = {"COLUMNS": "250", "GRAPPE_LANG": "en"}


def _run(url, *args, env=None):
    return CliRunner().invoke(
        app, ["exports", *args, "--database", url], env={**PLAIN, **(env or {})}
    )


_read = in_session  # fn(session) in a transaction of the database at url


def _version(url):
    return _read(url, registry_version)


def _token(url, role, clusters=()):
    return _read(url, lambda s: create_token(s, f"t-{role}", role=role, clusters=list(clusters),
                                             who="test"))  # fmt: skip


@pytest.fixture(scope="module")
def stored(tmp_path_factory, shared_data):
    """A registry holding MRT and TUN, stored by ``grappe exports store``; the two outputs."""
    url = f"sqlite:///{tmp_path_factory.mktemp('exportscli') / 'r.sqlite'}"
    env = {"GRAPPE_SHARED_DATA": str(shared_data)}
    first = _run(url, "store", "MRT", "tun", env=env)
    again = _run(url, "store", "MRT", "TUN", env=env)
    return url, first, again


def _opportunity(url, country="MRT"):
    return _read(url, lambda s: load_export_profile(s, country).profile.opportunities[0].product)


def test_store_two_countries_then_nothing_to_write(stored):
    url, first, again = stored
    assert first.exit_code == 0, first.output
    # two profiles and the product space written; one progress line per country on stderr
    assert "Stored MRT, TUN: 3 inserted, 0 updated, 0 unchanged" in first.output
    assert "Country 1/2 stored." in first.output and "Country 2/2 stored." in first.output
    assert again.exit_code == 0, again.output
    assert "Stored MRT, TUN: 0 inserted, 0 updated, 3 unchanged" in again.output
    rows = _read(url, lambda s: list_export_profiles(s, published_only=False))
    assert [(r.country, r.year, r.source, r.published) for r in rows] == [
        ("MRT", 2020, "stojkoski2023-hs4", True), ("TUN", 2020, "stojkoski2023-hs4", True)
    ]  # fmt: skip
    # Mauritania's exports are those of the matrix's row (a hand sum of the CSV is in
    # tests/web/test_web_countries.py); here: the row stored is the country asked
    mrt = _read(url, lambda s: load_export_profile(s, "MRT").profile)
    assert mrt.country == "MRT" and mrt.total > 1e9 and mrt.diversity > 0


def test_store_errors_write_nothing(stored, tmp_path, shared_data):
    url = stored[0]
    before = _version(url)
    env = {"GRAPPE_SHARED_DATA": str(shared_data)}
    r = _run(url, "store", "MRT", "XXX", env=env)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "No country 'XXX' in the trade matrix: give ISO3 codes" in r.output
    r = _run(url, "store", "XXX", env={**env, "GRAPPE_LANG": "fr"})
    assert r.exit_code == 1 and "Aucun pays 'XXX' dans la matrice commerciale" in r.output
    r = _run(url, "store", env=env)
    assert r.exit_code == 1 and "either country codes (e.g. DZA MAR) or --all" in r.output
    r = _run(url, "store", "MRT", "--all", env={**env, "GRAPPE_LANG": "ar"})
    assert r.exit_code == 1 and "إما رموز بلدان" in r.output
    r = _run(url, "store", "MRT", env={"GRAPPE_SHARED_DATA": str(tmp_path)})
    assert r.exit_code == 1 and "the trade matrix" in r.output and "is not there" in r.output
    r = _run(url, "store", "MRT", "--trade", str(tmp_path / "other.csv"), env=env)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "The '--trade' file must be the 2020 trade matrix stojkoski2023_trade" in r.output
    assert "Got " + str(tmp_path / "other.csv") in r.output.replace("\n", "")
    missing = tmp_path / "stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
    r = _run(url, "store", "MRT", "--trade", str(missing), env=env)
    assert r.exit_code == 1 and "Traceback" not in r.output and "Error:" in r.output
    assert _version(url) == before


def test_correct_publish_withdraw_and_list(stored, shared_data):
    url = stored[0]
    token = _token(url, "analyst")
    hidden = _opportunity(url)
    r = _run(url, "correct", "MRT", "--name", "TropicalFruits", "fr", "Dattes", "--token", token)
    assert r.exit_code == 0, r.output
    assert "Corrected the export profile of MRT 2020." in r.output
    r = _run(url, "correct", "mrt", "--hide", hidden, "--reason", "hors de portée")
    assert r.exit_code == 0, r.output
    got = _read(url, lambda s: load_export_profile(s, "MRT"))
    assert got.names == {"TropicalFruits": {"fr": "Dattes"}}
    assert got.hidden == {hidden: "hors de portée"}
    assert hidden not in {o.product for o in got.profile.opportunities}
    listed = json.loads(_run(url, "stored", "--format", "json").output)
    assert [(r["country"], r["published"], r["corrections"]) for r in listed] == [
        ("MRT", True, 2), ("TUN", True, 0)
    ]  # fmt: skip
    # the audit log names the token that corrected the name
    from grappe.registry.models import AuditEntry

    who = _read(url, lambda s: [(a.who, a.action, a.resource_id) for a in s.query(AuditEntry)
                                .filter(AuditEntry.resource == "export_profile")
                                .order_by(AuditEntry.id)][-2:])  # fmt: skip
    key = "MRT/2020/stojkoski2023-hs4"
    assert who == [("t-analyst", "update", key), ("cli", "update", key)]

    r = _run(url, "withdraw", "MRT")
    assert r.exit_code == 0 and "Withdrew the export profile of MRT 2020" in r.output
    table = _run(url, "stored").output
    assert "MRT" in table and "│ no " in table
    assert _read(url, lambda s: [p.country for p in list_export_profiles(s)]) == ["TUN"]
    r = _run(url, "publish", "MRT", env={"GRAPPE_LANG": "fr"})
    assert "Profil d'exportation de MRT 2020 publié : /countries/MRT." in r.output
    r = _run(url, "publish", "MRT")
    assert (
        r.exit_code == 0 and "Published the export profile of MRT 2020: /countries/MRT" in r.output
    )
    r = _run(url, "correct", "MRT", "--show", hidden)
    assert r.exit_code == 0, r.output
    assert _read(url, lambda s: load_export_profile(s, "MRT").hidden) == {}
    # the matrix named by --trade, in its shared folder: the same inputs, nothing to write
    trade = shared_data / "economic_complexity/stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
    r = _run(url, "store", "MRT", "--trade", str(trade), env={"GRAPPE_SHARED_DATA": "/nowhere"})
    assert "Stored MRT: 0 inserted, 0 updated, 2 unchanged" in r.output, r.output
    # storing again keeps the corrections and the publication (and writes nothing)
    again = _run(url, "store", "MRT", "--no-publish", env={"GRAPPE_SHARED_DATA": str(shared_data)})
    assert "Stored MRT: 0 inserted, 0 updated, 2 unchanged" in again.output, again.output
    got = _read(url, lambda s: load_export_profile(s, "MRT"))
    assert (got.names, got.published) == ({"TropicalFruits": {"fr": "Dattes"}}, True)


def test_correct_and_publish_errors_write_nothing(stored):
    url = stored[0]
    before = _version(url)
    cases = [
        (("correct", "ZZZ", "--show", "X"), "No export profile of ZZZ is stored"),
        (("publish", "ZZZ"), "No export profile of ZZZ is stored"),
        (("correct", "MRT", "--name", "Nope", "fr", "x"), "No product 'Nope' in the export"),
        (("correct", "MRT", "--hide", "Nope", "--reason", "x"), "No opportunity 'Nope' in"),
        (("correct", "MRT", "--show", "Nope"), "The opportunity 'Nope' of MRT is not hidden"),
        (("correct", "MRT", "--hide", "X"), "needs --reason"),
        (("correct", "MRT"), "needs --name, --hide or --show"),
        (("correct", "MRT", "--name", "TropicalFruits", "de", "x"), "de"),
        (("publish", "MRT", "--token", "grp_nope_nope"), "names no live token"),
    ]
    for args, message in cases:
        r = _run(url, *args)
        assert r.exit_code == 1, (args, r.output)
        assert message in r.output and "Traceback" not in r.output, (args, r.output)
        assert len(r.output.strip().splitlines()) == 1, r.output
    fr = _run(url, "publish", "ZZZ", env={"GRAPPE_LANG": "fr"})
    assert fr.exit_code == 1 and "Aucun profil d'exportation de ZZZ n'est enregistré" in fr.output
    ar = _run(url, "correct", "MRT", "--show", "Nope", env={"GRAPPE_LANG": "ar"})
    assert ar.exit_code == 1 and "ليست مخفية" in ar.output
    assert _version(url) == before


def test_a_manager_token_is_refused(stored, shared_data):
    url = stored[0]
    from grappe.registry import repositories as repo

    _read(url, lambda s: repo.create_cluster(s, {"id": "auto-mi", "name_en": "Cars"}, who="test"))
    manager = _token(url, "manager", ["auto-mi"])
    before = _version(url)
    for args in (("withdraw", "TUN"), ("correct", "TUN", "--hide", _opportunity(url, "TUN"),
                                       "--reason", "x"), ("store", "TUN")):  # fmt: skip
        r = _run(url, *args, "--token", manager, env={"GRAPPE_SHARED_DATA": str(shared_data)})
        assert r.exit_code == 1, r.output
        assert r.output.strip() == (
            "Error: A manager token may not change export profiles: ask an admin or an analyst."
        )
    r = _run(url, "withdraw", "TUN", env={"GRAPPE_TOKEN": manager, "GRAPPE_LANG": "ar"})
    assert r.exit_code == 1 and "لا يجوز لرمز بدور manager تعديل ملفات الصادرات" in r.output
    assert _version(url) == before
    assert _read(url, lambda s: load_export_profile(s, "TUN").published) is True


def test_all_names_every_country_exporting_a_billion(tmp_path):
    """``--all`` by hand: the rows of a toy matrix whose exports sum to at least 1e9 USD."""
    import pandas as pd

    from grappe.cli.exports_registry import _every_country

    matrix = pd.DataFrame({"0804": [6e8, 2e8, 0.0], "2711": [4e8, 7e8, 5e9]},
                          index=["DZA", "MRT", "QAT"])  # fmt: skip
    assert _every_country(matrix, None) == ("DZA", "QAT")  # 1.0e9, 0.9e9, 5.0e9
    assert _every_country(None, tmp_path) == "all"  # no matrix: the step says why it skips
