"""Import jobs: hand-made files, every error path, all-or-nothing, idempotence, properties."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.registry import import_table, session_scope
from grappe.registry.models import Actor, Cluster, IndicatorSnapshot, Membership, Region, Tie
from grappe.registry.testing import table_snapshot

REGIONS = (
    "id,country,region_type,name_en,name_fr,name_ar,lat,lon\n"
    "US-26,US,state,Michigan,Michigan,ميشيغان,,\n"
    "US-39,US,state,Ohio,Ohio,أوهايو,,\n"
    "DZ-16,DZ,wilaya,Algiers,Alger,الجزائر,36.75,3.05\n"
)
INDICATORS = (
    "region,cluster,cluster_name,year,employment,lq,strong,stars\n"
    "US-26,4,Automotive,2020,100,2.5,true,3\n"
    "US-26,4,Automotive,2021,120,2.6,yes,3\n"
    "US-39,4,Automotive,2021,80,1.5,0,1\n"
)


def _load(session, text, kind, name="f.csv", **kw):
    return import_table(session, text.encode(), kind=kind, filename=name, who="test", **kw)


def test_import_regions_hand_made(sessions):
    with session_scope(sessions) as s:
        report = _load(s, REGIONS, "regions")
    assert (report.rows, report.inserted, report.updated, report.unchanged) == (3, 3, 0, 0)
    with sessions() as s:
        alger = s.get(Region, "DZ-16")
        assert (alger.code, alger.name_fr, alger.name_ar, alger.lat) == (
            "16",
            "Alger",
            "الجزائر",
            36.75,
        )
        assert s.get(Region, "US-26").lat is None


def test_reimport_is_idempotent_and_updates_only_changes(sessions):
    with session_scope(sessions) as s:
        _load(s, REGIONS, "regions")
        _load(s, INDICATORS, "indicators", definitions="us-benchmark")
    with session_scope(sessions) as s:
        before = table_snapshot(s)
        again = _load(s, INDICATORS, "indicators", definitions="us-benchmark")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    with sessions() as s:
        after = table_snapshot(s)
    # Only the job log and the audit log grow.
    for name in before:
        if name not in ("import_jobs", "audit_log"):
            assert before[name] == after[name], name
    changed = INDICATORS.replace("US-39,4,Automotive,2021,80", "US-39,4,Automotive,2021,81")
    with session_scope(sessions) as s:
        third = _load(s, changed, "indicators", definitions="us-benchmark")
    assert (third.inserted, third.updated, third.unchanged) == (0, 1, 2)
    with sessions() as s:
        row = s.scalar(select(IndicatorSnapshot).where(IndicatorSnapshot.region_id == "US-39"))
        assert row.employment == 81
        assert row.strong is False and row.stars == 1


def test_strong_flags_and_definitions_default(sessions):
    with session_scope(sessions) as s:
        _load(s, REGIONS, "regions")
        _load(s, INDICATORS, "indicators")
    with sessions() as s:
        rows = s.scalars(select(IndicatorSnapshot).order_by(IndicatorSnapshot.id)).all()
        assert [r.strong for r in rows] == [True, True, False]
        assert {r.definitions for r in rows} == {"custom"}
        assert {r.cluster_type for r in rows} == {"traded"}


def test_defaults_complete_new_rows_but_never_replace_stored_values(sessions):
    """A file without ``strong``, ``stars``, ``cluster_name`` or ``code`` changes only what it
    gives: the defaults of absent columns fill new rows, not stored ones."""
    with session_scope(sessions) as s:
        _load(s, REGIONS, "regions")
        _load(s, INDICATORS, "indicators")
        s.get(Region, "US-26").code = "MI"
    partial = "region,cluster,year,employment\nUS-26,4,2020,101\nUS-39,9,2021,5\n"
    with session_scope(sessions) as s:
        report = _load(s, partial, "indicators")
        again = _load(s, "id,country,region_type,name_en\nUS-26,US,state,Michigan\n", "regions")
    assert (report.inserted, report.updated, again.unchanged) == (1, 1, 1)
    with sessions() as s:
        rows = {(r.region_id, r.cluster, r.year): r for r in s.scalars(select(IndicatorSnapshot))}
        kept = rows["US-26", "4", 2020]
        assert (kept.employment, kept.strong, kept.stars, kept.cluster_name) == (
            101, True, 3, "Automotive",
        )  # fmt: skip
        new = rows["US-39", "9", 2021]
        assert (new.strong, new.stars, new.cluster_name, new.cluster_type) == (
            False, 0, "9", "traded",
        )  # fmt: skip
        assert s.get(Region, "US-26").code == "MI"


def test_network_import_creates_memberships_and_ties(sessions):
    actors = (
        "id,name,sphere,level,cluster,role\nA,Alpha,enterprise,local,auto,member\n"
        "B,Beta,university,,auto,\nC,Gamma,,,,\n"
    )
    ties = "source,target,type,strength\nA,B,information,2\nB,A,information,\nA,C,funding,1.5\n"
    with session_scope(sessions) as s:
        _load(s, "id,name_en,published\nauto,Auto cluster,true\n", "clusters")
        _load(s, actors, "actors")
        _load(s, ties, "ties")
    with sessions() as s:
        members = s.scalars(select(Membership.actor_id).where(Membership.cluster_id == "auto"))
        assert sorted(members) == ["A", "B"]
        assert s.get(Membership, ("auto", "A")).role == "member"
        assert s.scalar(select(Tie).where(Tie.source == "B")).strength == 1.0  # default
        assert len(s.scalars(select(Tie)).all()) == 3
        assert s.get(Actor, "C").sphere is None


def test_cluster_regions_replaced_on_reimport(sessions):
    with session_scope(sessions) as s:
        _load(s, REGIONS, "regions")
        _load(s, "id,name_en,regions,stage\nauto,Auto,US-26;US-39,growth\n", "clusters")
    with session_scope(sessions) as s:
        report = _load(s, "id,name_en,regions\nauto,Auto,US-39\n", "clusters")
    assert report.updated == 1
    with sessions() as s:
        cluster = s.get(Cluster, "auto")
        assert [r.id for r in cluster.regions] == ["US-39"]
        assert cluster.stage == "growth"  # an absent value leaves the stored one


def test_failed_import_leaves_database_unchanged(sessions):
    with session_scope(sessions) as s:
        _load(s, REGIONS, "regions")
        _load(s, INDICATORS, "indicators")
    with sessions() as s:
        before = table_snapshot(s)
    # Two valid new rows, one changed row and one bad row: nothing at all may be written.
    bad = INDICATORS + "US-39,5,Other,2021,10,1,false,0\nUS-39,6,Other,2021,-3,1,false,0\n"
    bad = bad.replace("US-26,4,Automotive,2020,100", "US-26,4,Automotive,2020,999")
    with (
        pytest.raises(DataValidationError, match=r"row 6, column 'employment'") as info,
        session_scope(sessions) as s,
    ):
        _load(s, bad, "indicators", name="bad.csv")
    assert info.value.file == "bad.csv" and info.value.row == 6
    with sessions() as s:
        assert table_snapshot(s) == before


def test_error_report_lists_every_bad_row(sessions):
    with session_scope(sessions) as s:
        _load(s, REGIONS, "regions")
    text = (
        "region,cluster,year,employment,strong,stars\n"
        "US-26,1,2021,abc,true,0\n"
        "XX-99,1,2021,5,true,0\n"
        "US-26,2,20.5,5,maybe,0\n"
        "US-26,3,2021,,true,0\n"
        "US-26,4,2021,inf,true,0\n"
    )
    with pytest.raises(DataValidationError) as info, session_scope(sessions) as s:
        _load(s, text, "indicators", name="stats.csv")
    found = {(i.row, i.column) for i in info.value.issues}
    assert found == {
        (2, "employment"),
        (3, "region"),
        (4, "year"),
        (4, "strong"),
        (5, "employment"),
        (6, "employment"),
    }
    assert all(i.file == "stats.csv" and i.fix for i in info.value.issues)


@pytest.mark.parametrize(
    ("kind", "text", "match"),
    [
        ("regions", "id,country\nUS-1,US\n", r"row 1, column 'region_type'.*lacks the required"),
        (
            "regions",
            "id,country,region_type,name_en,colour\nUS-1,US,state,X,red\n",
            "unknown column",
        ),
        ("regions", "id,country,region_type,name_en,lat\nUS-1,US,state,X,95\n", "valid coordinate"),
        (
            "regions",
            "id,country,region_type,name_en\nUS-1,US,state,X\nUS-1,US,state,Y\n",
            "repeats the key",
        ),
        ("clusters", "id,name_en,stage\nc,C,teenage\n", "must be one of emergence"),
        ("clusters", "id,name_en,regions\nc,C,US-1;US-2\n", "no region has the id 'US-1'"),
        ("clusters", "id,name_en,published\nc,C,perhaps\n", "must be true or false"),
        ("indicators", "region,cluster,year,employment\n,1,2021,5\n", "the value is empty"),
        ("indicators", "region,cluster,year,employment\nUS-1,1,1800,5\n", "at least 1900"),
        ("ties", "source,target,type\nA,B,information\n", "no actor has the id 'A'"),
        ("actors", "id,name,cluster\nA,Alpha,nope\n", "no cluster has the id 'nope'"),
    ],
)
def test_each_validation_error(sessions, kind, text, match):
    with pytest.raises(DataValidationError, match=match), session_scope(sessions) as s:
        _load(s, text, kind)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", r"x\.csv: the import file holds binary data"),
        (b"", r"x\.csv: the import file is empty \(0 bytes\)"),
        (b"id,country\nUS-1,US,extra\n", r"x\.csv, row 2: this row has more fields"),
        (b"id,id\nUS-1,US\n", r"x\.csv.*repeated|x\.csv.*twice"),
    ],
)
def test_unreadable_files(sessions, data, match):
    with pytest.raises(DataValidationError, match=match), session_scope(sessions) as s:
        import_table(s, data, kind="regions", filename="x.csv", who="t")


def test_a_french_excel_csv_is_imported(sessions):
    """cp1252 and ';' as French-language Excel saves a CSV: read as the file readers read it."""
    data = "id;country;region_type;name_en;name_fr\nDZ-19;DZ;wilaya;Setif;Sétif\n".encode("cp1252")
    with session_scope(sessions) as s:
        report = import_table(s, data, kind="regions", filename="w.csv", who="t")
    assert report.inserted == 1
    with session_scope(sessions) as s:
        assert s.get(Region, "DZ-19").name_fr == "Sétif"


def test_unknown_kind(sessions):
    with (
        pytest.raises(
            InvalidParameterError, match="The 'kind' parameter of import_table must be one of"
        ),
        session_scope(sessions) as s,
    ):
        import_table(s, b"a\n1\n", kind="firms", filename="x.csv", who="t")


def test_progress_is_reported(sessions):
    calls = []
    with session_scope(sessions) as s:
        _load(s, REGIONS, "regions", progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (1, 3) and calls[-1] == (3, 3)


# Property: any valid indicator table round-trips exactly, in any row order, and a second
# import changes nothing.
_row = st.tuples(
    st.sampled_from(["US-26", "US-39", "DZ-16"]),
    st.sampled_from(["1", "2", "101"]),
    st.integers(2015, 2022),
    st.floats(0, 1e7, allow_nan=False),
    st.one_of(st.none(), st.floats(0, 50, allow_nan=False)),
    st.booleans(),
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_row, min_size=1, max_size=25, unique_by=lambda r: r[:3]), seed=st.randoms())
def test_property_round_trip_and_order_invariance(tmp_path_factory, migrated_templates, rows, seed):
    from grappe.registry import connect
    from grappe.registry.testing import fresh_database

    frame = pd.DataFrame(rows, columns=["region", "cluster", "year", "employment", "lq", "strong"])
    contents = []
    for order in (frame, frame.sample(frac=1.0, random_state=seed.randint(0, 2**31))):
        ctx = fresh_database(
            "sqlite", tmp_path_factory.mktemp("p"), template=migrated_templates["sqlite"]
        )
        factory = connect(ctx.__enter__(), migrate=False)
        buffer = io.StringIO()
        order.to_csv(buffer, index=False)
        with session_scope(factory) as s:
            _load(s, REGIONS, "regions")
            report = _load(s, buffer.getvalue(), "indicators")
            assert report.inserted == len(frame)
            again = _load(s, buffer.getvalue(), "indicators")
            assert again.unchanged == len(frame)
        with factory() as s:
            stored = sorted(
                (r.region_id, r.cluster, r.year, r.employment, r.lq, r.strong)
                for r in s.scalars(select(IndicatorSnapshot))
            )
        factory.kw["bind"].dispose()
        ctx.__exit__(None, None, None)
        contents.append(stored)
    expected = sorted((r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows)
    assert contents[0] == contents[1] == expected
