"""Package "morocco" (issue 16): indicator snapshots keep their measure (migration 0013).

A map ranked by establishments is stored with its measure beside the employment map of the same
clusters and years, read back and corrected through the typed functions; a map that is really
wrong (an unknown measure, a measure missing in some row) is refused and nothing is written.
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.mapping import map_clusters
from grappe.model import ClusterDefinitions, RegionalTable
from grappe.registry import import_table, session_scope, store_cluster_map, upgrade
from grappe.registry.database import downgrade
from grappe.registry.models import Base, IndicatorSnapshot
from grappe.registry.repositories import list_indicators

REGIONS = b"id,country,region_type,name_en\nX-A,X,state,A\nX-B,X,state,B\n"


def _table():
    rows = pd.DataFrame(
        {
            "region": ["A", "A", "B", "B"],
            "industry": ["11", "22", "11", "22"],
            "year": 2020,
            "employment": [30.0, 10.0, 10.0, 50.0],
            "establishments": [4.0, 6.0, 2.0, 8.0],
            "payroll": [90.0, 40.0, 20.0, 300.0],
            "withheld": False,
        }
    )
    return RegionalTable(rows)


DEFS = ClusterDefinitions(
    pd.DataFrame(
        {
            "code": ["11", "22"],
            "cluster": ["1", "2"],
            "cluster_name": ["Farm", "Tech"],
            "subcluster": None,
            "cluster_type": "traded",
        }
    )
)


def _store(session, cmap):
    return store_cluster_map(
        session, cmap, who="t", definitions="toy", region_ids=lambda c: f"X-{c}"
    )


def test_both_measures_are_stored_side_by_side_and_read_back(sessions):
    by_jobs = map_clusters(_table(), DEFS)
    by_firms = map_clusters(_table(), DEFS, measure="establishments")
    with session_scope(sessions) as s:
        import_table(s, REGIONS, kind="regions", filename="r.csv", who="t")
        assert _store(s, by_jobs).inserted == 4
        assert _store(s, by_firms).inserted == 4  # a new measure: new rows, none overwritten
    with session_scope(sessions) as s:
        again = _store(s, by_firms)
        assert (again.inserted, again.updated, again.unchanged) == (0, 0, 4)
    with sessions() as s:
        firms, count = list_indicators(s, region="X-A", measure="establishments")
        jobs, _ = list_indicators(s, region="X-A", measure="employment")
        assert count == 2 and len(jobs) == 2
        assert s.scalar(select(func.count()).select_from(IndicatorSnapshot)) == 8
    # LQ by hand, on establishments: A has 4 of its 10 firms in cluster 1, the nation 6 of 20
    lq_firms = {r.cluster: r.lq for r in firms}
    assert lq_firms["1"] == pytest.approx((4 / 10) / (6 / 20))
    # on employment: A has 30 of 40 jobs in cluster 1, the nation 40 of 100
    assert {r.cluster: r.lq for r in jobs}["1"] == pytest.approx((30 / 40) / (40 / 100))
    assert {r.measure for r in firms} == {"establishments"}


def test_a_census_of_establishments_is_stored_without_employment_and_corrected(sessions):
    rows = _table().data.assign(employment=float("nan"))
    census = map_clusters(RegionalTable(rows), DEFS, measure="establishments")
    with session_scope(sessions) as s:
        import_table(s, REGIONS, kind="regions", filename="r.csv", who="t")
        _store(s, census)
    with sessions() as s:
        stored, _ = list_indicators(s, measure="establishments")
        assert [r.employment for r in stored] == [None] * 4
        assert [r.establishments for r in stored] == [4.0, 6.0, 2.0, 8.0]
    # corrected through the indicators import: the row's measure is part of its key
    fix = b"region,cluster,year,measure,establishments,lq\nX-A,1,2020,establishments,5,1.25\n"
    with session_scope(sessions) as s:
        report = import_table(s, fix, kind="indicators", filename="fix.csv", who="t",
                              definitions="toy")  # fmt: skip
        assert (report.inserted, report.updated) == (0, 1)
    with sessions() as s:
        (row,), _ = list_indicators(s, region="X-A", cluster="1", measure="establishments")
        assert (row.establishments, row.lq, row.employment) == (5.0, 1.25, None)


def test_really_wrong_maps_and_rows_are_refused_and_nothing_is_written(sessions):
    good = map_clusters(_table(), DEFS, measure="establishments")
    unknown = dataclasses.replace(
        good, parameters=MappingProxyType({**good.parameters, "measure": "firms"})
    )
    holes = dataclasses.replace(
        good, indicators=good.indicators.assign(establishments=[None, 6.0, 2.0, 8.0])
    )
    with session_scope(sessions) as s:
        import_table(s, REGIONS, kind="regions", filename="r.csv", who="t")
    refusals = [
        (InvalidParameterError, r"must be ranked by one of .*'firms'", unknown),
        (InvalidParameterError, r"1 row\(s\) without establishments", holes),
        # an import row whose measure's count is empty, one without employment, a bad measure
        (
            DataValidationError,
            r"bad.csv, row 2, column .establishments.: the row.s measure is 'establishments' "
            r"but its establishments is empty.*fill in the establishments",
            b"region,cluster,year,measure,employment\nX-A,1,2020,establishments,30\n",
        ),
        (
            DataValidationError,
            r"measure is 'employment' but its employment",
            b"region,cluster,year\nX-A,1,2020\n",
        ),
        (
            DataValidationError,
            r"bad.csv, row 2, column 'measure'",
            b"region,cluster,year,measure,employment\nX-A,1,2020,firms,30\n",
        ),
    ]
    for error, message, what in refusals:
        with pytest.raises(error, match=message), session_scope(sessions) as s:
            if isinstance(what, bytes):
                import_table(s, what, kind="indicators", filename="bad.csv", who="t")
            else:
                _store(s, what)
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(IndicatorSnapshot)) == 0


def test_migration_0013_up_and_down_with_rows(empty_engine):
    engine = empty_engine
    upgrade(engine, revision="0012")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO regions (id, code, country, region_type, name_en) "
                "VALUES ('X-A', 'A', 'X', 'state', 'A')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO indicators (definitions, region_id, cluster, cluster_name, "
                "cluster_type, year, employment, strong, stars) "
                "VALUES ('toy', 'X-A', '1', 'Farm', 'traded', 2020, 30, false, 0)"
            )
        )
    upgrade(engine, revision="0013")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT measure FROM indicators")).scalar() == "employment"
        # the schema at 0013 is the models' less the tables later migrations add
        later = {"support_bodies"}  # 0014
        later |= {"programme_enrolments", "programme_decisions"}  # 0015
        later |= {"member_figures", "cluster_activities"}  # 0016
        later |= {"export_profiles", "product_spaces"}  # 0017
        later_columns = {  # 0016
            ("member_events", name)
            for name in ("activity_code", "activity", "sphere", "region_id",
                         "fk_member_events_region_id_regions")
        } | {("ties", "since"), ("ties", "until")}  # fmt: skip
        later_columns.add(("clusters", "export_products"))  # 0019

        def at_0013(obj, name, type_, reflected, compare_to):  # noqa: ARG001 (alembic's signature)
            table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", "")
            return table not in later and (table, name) not in later_columns

        context = MigrationContext.configure(conn, opts={"include_object": at_0013})
        assert compare_metadata(context, Base.metadata) == []
    # the same key by establishments, without employment, is a second row
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO indicators (definitions, region_id, cluster, cluster_name, "
                "cluster_type, year, measure, establishments, strong, stars) "
                "VALUES ('toy', 'X-A', '1', 'Farm', 'traded', 2020, 'establishments', 4, "
                "false, 0)"
            )
        )
    downgrade(engine, revision="0012")
    assert "measure" not in {c["name"] for c in inspect(engine).get_columns("indicators")}
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT employment FROM indicators")).all()
    assert rows == [(30.0,)]  # the employment row is kept, the other measure's row deleted
