"""A cluster's network in the registry: store → load gives back the kernel's ActorNetwork; the
diagnosis computed from the registry and the profile's drawing equal the CLI's on the same files;
corrections are checked by the kernel, deletions are soft and keep earlier waves; every change is
audited with before/after. On SQLite and PostgreSQL (fixtures of ``conftest.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from grappe.cli.main import app as cli
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io.network import read_example_network, read_network
from grappe.network import diagnose
from grappe.registry import repositories as repo
from grappe.registry import session_scope
from grappe.registry.models import Actor, AuditEntry, Membership, Tie
from grappe.registry.network_diagnoses import (
    compare_waves,
    diagnose_stored,
    diagnosis_record,
    list_diagnoses,
    queue_diagnosis,
)
from grappe.registry.network_edits import delete_actor, delete_tie, update_actor, update_tie
from grappe.registry.networks import load_network, store_network
from grappe.web.network_svg import network_drawing

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "network"
ACTORS = FIXTURES / "synthetic_actors.csv"
TIES = FIXTURES / "synthetic_ties.csv"
SALT = "test-salt"
runner = CliRunner()


def _synthetic():
    return read_network(ACTORS, TIES, salt=SALT)


def _cluster(session, cid):
    repo.create_cluster(session, {"id": cid, "name_en": cid, "published": True}, who="t")


def _same(a, b):
    pd.testing.assert_frame_equal(a.actors, b.actors)
    pd.testing.assert_frame_equal(a.ties, b.ties)
    assert (a.name, a.source, a.strength_scale, dict(a.metadata)) == (
        b.name, b.source, b.strength_scale, dict(b.metadata),
    )  # fmt: skip


@pytest.mark.parametrize("which", ["knoke", "synthetic"])
def test_store_then_load_gives_the_network_back_and_storing_again_changes_nothing(sessions, which):
    net = read_example_network("knoke") if which == "knoke" else _synthetic()
    with session_scope(sessions) as s:
        _cluster(s, "c")
        first = store_network(s, net, cluster="c", who="t")
    assert first.counts["tie"] == {"create": len(net.ties)}
    assert first.counts["actor"] == {"create": net.n_actors}
    with session_scope(sessions) as s:
        again = store_network(s, net, cluster="c", who="t")
        assert again.changes == 0
        _same(load_network(s, "c"), net)
        if net.waves:
            _same(load_network(s, "c", wave="2022"), net.select(wave="2022"))


def _cli_json(args):
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_registry_diagnosis_equals_the_cli_on_the_bundled_knoke_network(sessions):
    """Done-when of issue 13: same ties, density and whole diagnosis JSON."""
    expected = _cli_json(["network", "example", "knoke", "--format", "json"])
    with session_scope(sessions) as s:
        _cluster(s, "knoke")
        store_network(s, read_example_network("knoke"), cluster="knoke", who="t")
    with session_scope(sessions) as s:
        row = diagnose_stored(s, "knoke", who="t")
        assert row.status == "succeeded"
        assert row.result["network"]["ties"] == expected["network"]["ties"] == 71
        assert row.result["density"] == expected["density"]
        assert row.result == expected
        assert set(row.texts) == {"fr", "en", "ar"}


def test_registry_diagnosis_equals_the_cli_on_a_file_with_two_waves(sessions, tmp_path):
    """The registry kept no waves before 0006: every wave's ties were diagnosed together (22 ties)
    where the CLI diagnoses the last wave (11) against the one before."""
    expected = _cli_json(["network", "diagnose", str(ACTORS), str(TIES), "--salt", SALT])
    assert expected["network"]["wave"] == "2024" and expected["network"]["ties"] == 11
    url = sessions.kw["bind"].url.render_as_string(hide_password=False)
    with session_scope(sessions) as s:
        _cluster(s, "syn")
    stored = runner.invoke(cli, ["network", "store", str(ACTORS), str(TIES), "--cluster", "syn",
                                 "--database", url, "--salt", SALT])  # fmt: skip
    assert stored.exit_code == 0, stored.output
    assert "tie: 22 created" in stored.stdout
    got = _cli_json(["network", "diagnose-stored", "--cluster", "syn", "--database", url])
    assert got == expected
    with session_scope(sessions) as s:
        rows, count = list_diagnoses(s, "syn")
        assert count == 1 and rows[0].result == expected and rows[0].before == "2022"


def test_profile_drawing_uses_the_loaded_network_like_the_cli(sessions):
    from grappe.web.views.cluster import profile_network

    net = _synthetic()
    with session_scope(sessions) as s:
        _cluster(s, "syn")
        store_network(s, net, cluster="syn", who="t")
    with session_scope(sessions) as s:
        members = list(s.scalars(select(Membership).where(Membership.cluster_id == "syn")))
        actors, ties = profile_network(s, "syn", members)
        drawn = network_drawing(actors, ties)
    last = net.select(wave="2024")
    cli_side = network_drawing(
        list(last.actors.itertuples(index=False)), list(last.ties.itertuples(index=False))
    )
    assert drawn == cli_side
    assert len(drawn["edges"]) == len(last.ties) == 11
    assert len(drawn["nodes"]) == last.n_actors


def test_soft_deleted_tie_of_a_later_wave_stays_in_the_earlier_wave_and_its_diagnosis(sessions):
    net = _synthetic()
    with session_scope(sessions) as s:
        _cluster(s, "syn")
        store_network(s, net, cluster="syn", who="t")
        early = diagnose_stored(s, "syn", wave="2022", who="t").result
    with session_scope(sessions) as s:
        ids = {
            t.wave_id: t.id
            for t in s.scalars(select(Tie).where(Tie.source == "A1", Tie.target == "A2"))
        }
        assert len(ids) == 2  # one row per wave
        wave_2024 = max(ids)
        delete_tie(s, ids[wave_2024], who="mgr")
    with session_scope(sessions) as s:
        net_2022 = load_network(s, "syn", wave="2022")
        net_2024 = load_network(s, "syn", wave="2024")
        pair = lambda n: ((n.ties["source"] == "A1") & (n.ties["target"] == "A2")).any()  # noqa: E731
        assert pair(net_2022) and not pair(net_2024)
        assert diagnose_stored(s, "syn", wave="2022", who="t").result == early
        assert s.get(Tie, ids[wave_2024]).deleted_at is not None  # the row stays
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "delete",
                                                  AuditEntry.resource == "tie"))  # fmt: skip
        assert entry.who == "mgr" and entry.before["source"] == "A1" and entry.after is None
        with pytest.raises(NotFoundError, match="already deleted"):
            delete_tie(s, ids[wave_2024], who="mgr")
        with pytest.raises(NotFoundError, match="was deleted"):
            update_tie(s, ids[wave_2024], {"strength": 2}, who="mgr")
    with session_scope(sessions) as s:  # storing the file again brings the tie back
        report = store_network(s, net, cluster="syn", who="t")
        assert report.counts["tie"] == {"create": 1}


def test_corrections_are_checked_by_the_kernel_and_audited(sessions):
    with session_scope(sessions) as s:
        _cluster(s, "k")
        store_network(s, read_example_network("knoke"), cluster="k", who="t")
    with session_scope(sessions) as s:
        tie = s.scalar(select(Tie).where(Tie.cluster_id == "k").order_by(Tie.id))
        update_tie(s, tie.id, {"strength": 3, "type": "money"}, who="ana")
        assert (tie.type, tie.strength) == ("funding", 3)  # the kernel's canonical name
        with pytest.raises(DataValidationError, match=r"strength '9' is off the scale \[1, 3\]"):
            update_tie(s, tie.id, {"strength": 9}, who="ana")
        with pytest.raises(DataValidationError, match="Unknown tie type 'friendship'"):
            update_tie(s, tie.id, {"type": "friendship"}, who="ana")
        with pytest.raises(InvalidParameterError, match="must only have the fields"):
            update_tie(s, tie.id, {"source": "X"}, who="ana")
        with pytest.raises(InvalidParameterError, match="'origin' parameter of update_tie"):
            update_tie(s, tie.id, {"origin": "rumour"}, who="ana")
        update_actor(s, "COUN", {"level": "regional", "name": "County council"}, who="ana")
        with pytest.raises(DataValidationError, match="Unknown sphere 'banana'"):
            update_actor(s, "COUN", {"sphere": "banana"}, who="ana")
        with pytest.raises(DataValidationError, match="level"):
            update_actor(s, "COUN", {"level": "galactic"}, who="ana")
        with pytest.raises(InvalidParameterError, match="must only have the fields"):
            update_actor(s, "COUN", {"region_id": "US-18"}, who="ana")
        entries = {
            e.resource: e
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "update"))
        }
        assert entries["tie"].before == {"type": "information", "strength": None}
        assert entries["tie"].after == {"type": "funding", "strength": 3}
        assert entries["actor"].before == {"name": "COUN", "level": "local"}
        net = load_network(s, "k")
        assert net.actors.set_index("id").loc["COUN", "level"] == "regional"
        delete_actor(s, "COUN", who="admin")
        assert "COUN" not in set(load_network(s, "k").actors["id"])
        assert s.get(Actor, "COUN") is not None
        with pytest.raises(NotFoundError, match="already deleted"):
            delete_actor(s, "COUN", who="admin")
        with pytest.raises(NotFoundError, match="was deleted"):
            update_actor(s, "COUN", {"name": "x"}, who="admin")
        with pytest.raises(NotFoundError, match="No actor"):
            update_actor(s, "NOBODY", {"name": "x"}, who="admin")


def test_store_errors(sessions):
    net = _synthetic()
    with session_scope(sessions) as s:
        _cluster(s, "syn")
        with pytest.raises(NotFoundError, match="No cluster with id 'nope'"):
            store_network(s, net, cluster="nope", who="t")
        with pytest.raises(InvalidParameterError, match="must be an ActorNetwork"):
            store_network(s, net.ties, cluster="syn", who="t")
        with pytest.raises(InvalidParameterError, match=r"ties of the waves \['2022', '2024'\]"):
            store_network(s, net, cluster="syn", wave="2026", who="t")
        with pytest.raises(InvalidParameterError, match="'origin' parameter of store_network"):
            store_network(s, net, cluster="syn", origin="rumour", who="t")
        with pytest.raises(InvalidParameterError, match="give 'wave' too"):
            import datetime as dt

            store_network(s, net, cluster="syn", date=dt.date(2024, 5, 1), who="t")
        with pytest.raises(NotFoundError, match="has no actor network"):
            load_network(s, "syn")
        with pytest.raises(NotFoundError, match="has no actor network"):
            queue_diagnosis(s, "syn", who="t")


def test_wave_given_to_a_network_without_waves_and_the_comparison_of_waves(sessions):
    import datetime as dt

    knoke = read_example_network("knoke")
    with session_scope(sessions) as s:
        _cluster(s, "k")
        report = store_network(s, knoke, cluster="k", wave="1981", date=dt.date(1981, 1, 1),
                               origin="document", who="t")  # fmt: skip
        assert report.waves == ("1981",)
        net = load_network(s, "k")
        assert net.waves == ("1981",) and len(net.ties) == 71
        _cluster(s, "k2")
        store_network(s, knoke, cluster="k2", who="t")
        with pytest.raises(NotFoundError, match="no survey waves"):
            compare_waves(s, "k2", before="a", after="b")
        with pytest.raises(InvalidParameterError, match="wave"):
            queue_diagnosis(s, "k", wave="1999", who="t")
        with pytest.raises(InvalidParameterError, match="'options' parameter"):
            queue_diagnosis(s, "k", options={"colour": "red"}, who="t")
        with pytest.raises(InvalidParameterError, match="expected"):
            queue_diagnosis(s, "k", options={"expected": "some"}, who="t")
    syn = _synthetic()
    with session_scope(sessions) as s:
        _cluster(s, "syn")
        store_network(s, syn, cluster="syn", who="t")
        change = compare_waves(s, "syn", before="2022", after="2024")
        from grappe.network.change import wave_change

        direct = wave_change(syn, "2022", "2024")
        assert change["counts"] == direct.counts()
        assert change["jaccard"] == pytest.approx(direct.jaccard)
        row = diagnose_stored(s, "syn", who="t")
        record = diagnosis_record(row, lang="ar")
        assert record["text"] == row.texts["ar"] and record["result"] == row.result
        with pytest.raises(InvalidParameterError, match="lang"):
            diagnosis_record(row, lang="de")
    assert diagnose(syn, wave="2024", before="2022", seed=0).to_dict() == row.result


def test_cli_store_and_diagnose_stored_errors(sessions, tmp_path):
    url = sessions.kw["bind"].url.render_as_string(hide_password=False)
    base = ["network", "store", str(ACTORS), str(TIES), "--database", url, "--salt", SALT]
    result = runner.invoke(cli, [*base, "--cluster", "nope"])
    assert result.exit_code == 1 and "Error: No cluster with id 'nope'" in result.output
    with session_scope(sessions) as s:
        _cluster(s, "syn")
    result = runner.invoke(cli, [*base, "--cluster", "syn", "--wave", "2024", "--date", "soon"])
    assert result.exit_code == 1 and "'--date' option" in result.output
    result = runner.invoke(cli, [*base, "--cluster", "syn", "--origin", "rumour"])
    assert result.exit_code == 1 and "'origin' parameter" in result.output
    diag = ["network", "diagnose-stored", "--cluster", "syn", "--database", url]
    result = runner.invoke(cli, diag)
    assert result.exit_code == 1 and "has no actor network" in result.output
    assert runner.invoke(cli, [*base, "--cluster", "syn"]).exit_code == 0
    result = runner.invoke(cli, [*diag, "--format", "xml"])
    assert result.exit_code == 1 and "--format" in result.output
    result = runner.invoke(cli, [*diag, "--wave", "1999"])
    assert result.exit_code == 1 and "1999" in result.output
    text = runner.invoke(cli, [*diag, "--format", "text", "--lang", "fr"])
    assert text.exit_code == 0, text.output
    with session_scope(sessions) as s:
        rows, count = list_diagnoses(s, "syn")
        assert count == 1 and text.stdout == rows[0].texts["fr"]


@pytest.mark.slow
def test_bootstrapped_knoke_profile_and_diagnosis_equal_the_cli(tmp_path):
    """The observatory's bundled Knoke profile (grappe observatory / serve --load-bundled)."""
    from fastapi.testclient import TestClient

    from grappe.registry import connect
    from grappe.service import Settings, create_app
    from grappe.service.bootstrap import KNOKE_CLUSTER, load_bundled_data

    url = f"sqlite:///{tmp_path / 'bundled.sqlite'}"
    load_bundled_data(url)
    expected = _cli_json(["network", "example", "knoke", "--format", "json"])
    sessions = connect(url)
    with session_scope(sessions) as s:
        row = diagnose_stored(s, KNOKE_CLUSTER, who="t")
        assert row.result == expected
        assert (row.result["network"]["ties"], row.result["density"]) == (71, expected["density"])
    sessions.kw["bind"].dispose()
    app = create_app(Settings(database_url=url))
    with TestClient(app) as client:
        page = client.get(f"/clusters/{KNOKE_CLUSTER}").text
    app.state.sessions.kw["bind"].dispose()
    net = read_example_network("knoke")
    drawing = network_drawing(
        list(net.actors.itertuples(index=False)), list(net.ties.itertuples(index=False))
    )
    assert page.count('class="tie ') == len(drawing["edges"]) == 71
    for edge in drawing["edges"][:5]:
        assert f'x1="{edge["x1"]}" y1="{edge["y1"]}" x2="{edge["x2"]}" y2="{edge["y2"]}"' in page
