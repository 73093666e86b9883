"""Support bodies (package dzweb, issue 16): migration 0014 up and down, and the typed store,
read and correct functions, on SQLite and PostgreSQL."""

from __future__ import annotations

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from grappe.ecosystem import coverage_by_wilaya, nearest_bodies
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.registry import import_table, session_scope, upgrade
from grappe.registry.database import downgrade
from grappe.registry.models import AuditEntry, Base, SupportBody
from grappe.registry.support_bodies import (
    correct_support_body,
    list_support_bodies,
    load_support_bodies,
    store_support_bodies,
)

REGIONS = b"id,country,region_type,name_en\nDZ-07,DZ,wilaya,Biskra\nDZ-51,DZ,wilaya,Ouled Djellal\n"


def _bodies() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["anade:1", "cnrc:1", "banks__bna:4", "banks__agb:2"],
            "actor_type": ["anade", "cnrc", "banks/bna", "banks/agb"],
            "name": ["ANADE Biskra", "CNRC Biskra", "BNA Ouled Djellal", ""],
            "wilaya_code": [7, 7, 51, 7],
            "lat": [34.8509, 34.8550, 34.4300, 34.8400],
            "lon": [5.7209, 5.7249, 5.0600, 5.7300],
            "commune": ["0701", "0701", "0713", None],
            "source_file": ["anade.csv", "cnrc.csv", "bna.csv", "agb.csv"],
            "licence": ["CC BY 4.0"] * 4,
        }
    )


def test_support_bodies_migration_up_and_down(empty_engine):
    engine = empty_engine
    upgrade(engine, revision="0012")
    assert "support_bodies" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert "support_bodies" in inspect(engine).get_table_names()
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    with Session(engine) as session, session.begin():
        import_table(session, REGIONS, kind="regions", filename="r.csv", who="t")
        store_support_bodies(session, _bodies(), who="t")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM support_bodies")).scalar() == 4
    downgrade(engine, revision="0012")
    assert "support_bodies" not in inspect(engine).get_table_names()
    upgrade(engine)  # and up again, empty
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM support_bodies")).scalar() == 0


def test_store_read_correct_round_trip(sessions):
    bodies = _bodies()
    with session_scope(sessions) as session:
        import_table(session, REGIONS, kind="regions", filename="r.csv", who="t")
        first = store_support_bodies(session, bodies, who="t")
    assert (first.rows, first.inserted, first.updated, first.unchanged) == (4, 4, 0, 0)
    with session_scope(sessions) as session:
        again = store_support_bodies(session, bodies, who="t")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 4)
    with sessions() as session:
        back = load_support_bodies(session)
        biskra = load_support_bodies(session, wilaya="DZ-07")
        banks = load_support_bodies(session, types=["banks"])
        banks_here = load_support_bodies(session, wilaya="DZ-51", types=["banks/agb"])
    expected = bodies.sort_values(["actor_type", "id"]).reset_index(drop=True)
    assert back["id"].tolist() == expected["id"].tolist()
    assert back["wilaya_code"].tolist() == expected["wilaya_code"].tolist()
    assert back["lat"].tolist() == pytest.approx(expected["lat"].tolist())
    assert back["commune"].fillna("").tolist() == expected["commune"].fillna("").tolist()
    assert sorted(biskra["id"]) == ["anade:1", "banks__agb:2", "cnrc:1"]
    assert sorted(banks["actor_type"]) == ["banks/agb", "banks/bna"]
    assert banks_here.empty  # a known type absent from the wilaya: no rows, no error
    # the table read back is the kernel's: it runs on it as on the file
    near = nearest_bodies(back, 34.85, 5.72, radius_km=5)
    assert near["actor_type"].iloc[0] == "anade"
    coverage = coverage_by_wilaya(back, types=["anade", "cnrc"])
    assert int(coverage.loc[coverage["wilaya_code"] == 7, "anade"].iloc[0]) == 1
    with session_scope(sessions) as session:
        fixed = correct_support_body(
            session, "banks__bna:4", who="ana", name="BNA agence Ouled Djellal", lat=34.431
        )
    assert fixed["name"] == "BNA agence Ouled Djellal" and fixed["lat"] == 34.431
    with sessions() as session:
        row = load_support_bodies(session, types=["banks/bna"]).iloc[0]
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.resource == "support_bodies",
                                     AuditEntry.action == "update")
        ).one()  # fmt: skip
        rows, count = list_support_bodies(session, wilaya="DZ-07", types=["anade"], limit=10)
    assert row["name"] == "BNA agence Ouled Djellal" and row["lat"] == pytest.approx(34.431)
    assert entry.before["name"] == "BNA Ouled Djellal"
    assert entry.after["name"] == "BNA agence Ouled Djellal"
    assert count == 1 and rows[0].id == "anade:1"
    # a corrected body differs from the table: storing the table again puts it back
    with session_scope(sessions) as session:
        restored = store_support_bodies(session, bodies, who="t")
    assert (restored.updated, restored.unchanged) == (1, 3)


def test_correct_moves_a_body_to_another_wilaya(sessions):
    with session_scope(sessions) as session:
        import_table(session, REGIONS, kind="regions", filename="r.csv", who="t")
        store_support_bodies(session, _bodies(), who="t")
        correct_support_body(session, "banks__agb:2", who="ana", wilaya_code="DZ-51")
    with sessions() as session:
        assert "banks__agb:2" in load_support_bodies(session, wilaya="DZ-51")["id"].tolist()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": ["anade:1", "anade:1", "x", "y"]}, r"row 3.*'anade:1' is repeated"),
        ({"lat": [134.0, 34.8, 34.4, 34.8]}, r"row 2.*lat=134.0.*not a point"),
        ({"wilaya_code": [7, 7.5, 51, 7]}, r"row 3.*7.5 is not a wilaya code"),
        ({"actor_type": ["anade", " ", "banks/bna", "banks/agb"]}, r"row 3.*type of the body"),
        ({"wilaya_code": [7, 7, 68, 7]}, r"not registry regions: DZ-68.*load the 69 wilayas"),
    ],
)
def test_store_refuses_bad_tables_and_writes_nothing(sessions, change, message):
    bad = _bodies().assign(**change)
    with session_scope(sessions) as session:
        import_table(session, REGIONS, kind="regions", filename="r.csv", who="t")
    with pytest.raises(DataValidationError, match=message), session_scope(sessions) as session:
        store_support_bodies(session, bad, who="t", name="bodies.csv")
    with sessions() as session:
        assert load_support_bodies(session).empty


def test_store_refuses_a_missing_column_or_a_non_table(sessions):
    with session_scope(sessions) as session:
        with pytest.raises(DataValidationError, match=r"lacks the columns \['licence'\]"):
            store_support_bodies(session, _bodies().drop(columns="licence"), who="t")
        with pytest.raises(InvalidParameterError, match="must be a pandas DataFrame"):
            store_support_bodies(session, [{"id": "x"}], who="t")  # type: ignore[arg-type]


def test_correct_refuses_bad_changes(sessions):
    with session_scope(sessions) as session:
        import_table(session, REGIONS, kind="regions", filename="r.csv", who="t")
        store_support_bodies(session, _bodies(), who="t")
    with sessions() as session, session.begin():
        with pytest.raises(NotFoundError, match="No support body 'nope'"):
            correct_support_body(session, "nope", who="t", name="x")
        with pytest.raises(InvalidParameterError, match=r"among .*Got \['colour'\]"):
            correct_support_body(session, "anade:1", who="t", colour="red")
        with pytest.raises(InvalidParameterError, match="Got none instead"):
            correct_support_body(session, "anade:1", who="t")
        with pytest.raises(
            DataValidationError, match=r"column 'lat': the latitude .* \[-90, 90\] \(got 'north'"
        ):
            correct_support_body(session, "anade:1", who="t", lat="north")
        with pytest.raises(DataValidationError, match="'actor_type': the type .* not be empty"):
            correct_support_body(session, "anade:1", who="t", actor_type="  ")
        with pytest.raises(DataValidationError, match="'wilaya_code': 'Biskra' is not a wilaya"):
            correct_support_body(session, "anade:1", who="t", wilaya_code="Biskra")
        # Every bad field at once, each named by its column; nothing changed.
        with pytest.raises(DataValidationError) as caught:
            correct_support_body(session, "anade:1", who="t", lat=91, lon="east", name="ok")
        assert [i.column for i in caught.value.issues] == ["lat", "lon"]
        assert caught.value.issues[0].file == "anade:1"
        assert session.get(SupportBody, "anade:1").name != "ok"
        with pytest.raises(DataValidationError, match="not registry regions: DZ-69"):
            correct_support_body(session, "anade:1", who="t", wilaya_code=69)


def test_read_refuses_unknown_types_and_wilayas(sessions):
    with session_scope(sessions) as session:
        import_table(session, REGIONS, kind="regions", filename="r.csv", who="t")
        store_support_bodies(session, _bodies(), who="t")
    with sessions() as session:
        with pytest.raises(InvalidParameterError, match=r"unknown types \['bakery'\].*anade"):
            load_support_bodies(session, types=["bakery"])
        with pytest.raises(InvalidParameterError, match=r"list_support_bodies.*\['bakery'\]"):
            list_support_bodies(session, types=["bakery"])
        with pytest.raises(NotFoundError, match="No region 'DZ-99'"):
            list_support_bodies(session, wilaya="DZ-99")


def test_docstring_examples():
    import doctest

    import grappe.registry.support_bodies as module

    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
