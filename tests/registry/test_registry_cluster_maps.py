"""store_cluster_map: a ClusterMap stored as the kernel computed it, equal to the CSV import."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import func, select

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.mapping import map_clusters
from grappe.model import ClusterDefinitions, RegionalTable
from grappe.registry import import_table, session_scope, store_cluster_map
from grappe.registry.models import AuditEntry, ImportJob, IndicatorSnapshot

REGIONS = b"id,country,region_type,name_en\nX-A,X,state,A\nX-B,X,state,B\n"


@pytest.fixture(scope="module")
def cmap():
    rows = pd.DataFrame(
        {
            "region": ["A", "A", "B", "B"],
            "industry": ["11", "22", "11", "22"],
            "year": 2020,
            "employment": [30.0, 10.0, 10.0, 50.0],
            "establishments": 3.0,
            "payroll": [90.0, 40.0, 20.0, 300.0],
            "withheld": False,
        }
    )
    defs = ClusterDefinitions(
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
    return map_clusters(RegionalTable(rows), defs)


def _regions(session):
    import_table(session, REGIONS, kind="regions", filename="r.csv", who="test")


def _stored(session):
    rows = session.scalars(select(IndicatorSnapshot).order_by(IndicatorSnapshot.id)).all()
    return sorted(
        (r.region_id, r.cluster, r.year, r.employment, r.payroll, r.avg_wage, r.lq, r.strong)
        for r in rows
    )


def test_store_equals_the_csv_import_and_is_idempotent(sessions, cmap):
    with session_scope(sessions) as s:
        _regions(s)
        first = store_cluster_map(
            s, cmap, who="test", definitions="toy", region_ids={"A": "X-A", "B": "X-B"},
            payroll_scale=1000.0,
        )  # fmt: skip
        typed = _stored(s)
    assert (first.inserted, first.updated, first.rows) == (4, 0, 4)
    ind = cmap.indicators
    a1 = ind[(ind["region"] == "A") & (ind["cluster"] == "1")].iloc[0]
    assert ("X-A", "1", 2020, 30.0, 90_000.0, round(a1["avg_wage"] * 1000, 2), a1["lq"]) == typed[
        0
    ][:7]
    # the same rows through the CSV path change nothing, and a second store neither
    frame = ind.assign(
        region="X-" + ind["region"].astype(str),
        payroll=ind["payroll"] * 1000.0,
        avg_wage=(ind["avg_wage"] * 1000.0).round(2),
        strong=ind["strong"].map({True: "true", False: "false"}),
    )
    csv = frame[["region", "cluster", "cluster_name", "cluster_type", "year", "employment",
                 "establishments", "payroll", "avg_wage", "lq", "national_share", "focus",
                 "strong", "stars"]].to_csv(index=False).encode()  # fmt: skip
    with session_scope(sessions) as s:
        again = import_table(
            s, csv, kind="indicators", filename="i.csv", who="t", definitions="toy"
        )
        second = store_cluster_map(
            s, cmap, who="test", definitions="toy", region_ids=lambda c: f"X-{c}",
            payroll_scale=1000.0,
        )  # fmt: skip
        assert _stored(s) == typed
        assert s.scalar(select(func.count()).select_from(ImportJob)) == 4
        assert (
            s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "store")
            )
            == 2
        )
    assert (again.inserted, again.updated) == (0, 0)
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, 4)


def test_a_region_missing_from_the_registry_writes_nothing(sessions, cmap):
    with session_scope(sessions) as s:
        import_table(
            s, b"id,country,region_type,name_en\nX-A,X,state,A\n", kind="regions",
            filename="r.csv", who="test",
        )  # fmt: skip
    with (
        pytest.raises(DataValidationError, match=r"1 region\(s\) of the cluster map are not in "
                      r"the registry: X-B.*Fix: import the regions first"),
        session_scope(sessions) as s,
    ):  # fmt: skip
        store_cluster_map(s, cmap, who="test", definitions="toy", region_ids=lambda c: f"X-{c}")
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(IndicatorSnapshot)) == 0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"cluster_map": "map.csv"}, r"'cluster_map' parameter of store_cluster_map must be a"),
        ({"payroll_scale": 0}, r"'payroll_scale' parameter of store_cluster_map must be a posi"),
    ],
)
def test_bad_parameters(sessions, cmap, kwargs, match):
    options = {"cluster_map": cmap, **kwargs}
    with pytest.raises(InvalidParameterError, match=match), sessions() as s:
        store_cluster_map(s, options.pop("cluster_map"), who="t", definitions="toy", **options)


def _toy_table(**kwargs):
    rows = pd.DataFrame(
        {
            "region": ["A", "A", "B", "B"],
            "industry": ["11", "22", "11", "22"],
            "year": 2020,
            "employment": [3.0, 1.0, 1.0, 5.0],
            "establishments": [3.0, 1.0, 2.0, 2.0],
            "payroll": 1.0,
            "withheld": False,
        }
    )
    return RegionalTable(rows, **kwargs)


def test_a_map_in_thousands_is_stored_in_persons_and_odd_units_are_refused(sessions, cmap):
    defs = ClusterDefinitions(cmap_definitions())
    thousands = map_clusters(_toy_table(unit="THS"), defs)
    assert thousands.parameters["unit"] == "THS"
    with session_scope(sessions) as s:
        _regions(s)
        store_cluster_map(s, thousands, who="t", definitions="toy", region_ids=lambda c: f"X-{c}")
    with sessions() as s:
        stored = {(r[0], r[1]): r[3] for r in _stored(s)}
    assert stored == {("X-A", "1"): 3000.0, ("X-A", "2"): 1000.0, ("X-B", "1"): 1000.0,
                      ("X-B", "2"): 5000.0}  # fmt: skip
    odd = map_clusters(_toy_table(unit="MIO_EUR"), defs)
    unit_error = pytest.raises(InvalidParameterError, match=r"must count in a known unit .*MIO_EUR")
    with unit_error, sessions() as s:
        store_cluster_map(s, odd, who="t", definitions="toy")


def cmap_definitions():
    return pd.DataFrame(
        {
            "code": ["11", "22"],
            "cluster": ["1", "2"],
            "cluster_name": ["Farm", "Tech"],
            "subcluster": None,
            "cluster_type": "traded",
        }
    )
