"""Imports obey the rights of the API, row by row: every import kind × role (admin, analyst,
manager in and out of scope); a refused row is named with its line and reason and nothing is
written. Also the rules themselves (:mod:`grappe.registry.permissions`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.registry import import_table, session_scope
from grappe.registry.models import AuditEntry, Cluster, Region
from grappe.registry.permissions import RULES, Access, kind_refusal, may_write_all, refusal
from grappe.registry.testing import table_snapshot

SETUP = {
    "regions": "id,country,region_type,name_en\nUS-26,US,state,Michigan\nUS-39,US,state,Ohio\n",
    "indicators": "region,cluster,year,employment\nUS-26,4,2021,120\nUS-39,7,2021,50\n",
    "clusters": "id,name_en,regions\nauto-mi,Automotive,US-26\nchem-oh,Chemicals,US-39\n",
    "actors": (
        "id,name,cluster\nGM,General Motors,auto-mi\nUM,U. Michigan,auto-mi\nDOW,Dow,chem-oh\n"
    ),
    "ties": "source,target,type\nGM,UM,information\n",
}

ADMIN = Access("adm", "admin", token_id=1)
ANALYST = Access("ana", "analyst", token_id=2)
AUTO = Access("mgr-auto", "manager", frozenset({"auto-mi"}), token_id=3)
CHEM = Access("mgr-chem", "manager", frozenset({"chem-oh"}), token_id=4)
ACCESS = {"admin": ADMIN, "analyst": ANALYST, "manager auto-mi": AUTO, "manager chem-oh": CHEM}

# Per kind: a file whose line 2 concerns auto-mi and line 3 chem-oh (regions and indicators
# belong to no cluster), and, per role, the lines refused with the start of each reason.
FILES = {
    "regions": "id,country,region_type,name_en\nUS-26,US,state,Mich.\nUS-06,US,state,California\n",
    "indicators": "region,cluster,year,employment\nUS-26,4,2021,121\nUS-39,7,2022,55\n",
    "clusters": "id,name_en,label\nauto-mi,Automotive,Gold\nchem-oh,Chemistry,\n",
    "actors": "id,name,sphere,cluster\nFORD,Ford,enterprise,auto-mi\nDOW,Dow Inc.,,\n",
    "ties": "source,target,type\nUM,GM,trust\nGM,DOW,money\n",
}
REFUSED = {
    ("regions", "admin"): {},
    ("regions", "analyst"): {},
    ("regions", "manager auto-mi"): {
        2: "a manager of 'auto-mi' cannot change region 'US-26' (name_en)",
        3: "a manager of 'auto-mi' cannot create region 'US-06'",
    },
    ("indicators", "admin"): {},
    ("indicators", "analyst"): {},
    ("indicators", "manager auto-mi"): {
        2: "a manager of 'auto-mi' cannot change indicator 'custom/US-26/4/2021' (employment)",
        3: "a manager of 'auto-mi' cannot create indicator 'custom/US-39/7/2022'",
    },
    ("clusters", "admin"): {},
    ("clusters", "analyst"): {
        2: "an analyst cannot change cluster 'auto-mi' (label)",
        3: "an analyst cannot change cluster 'chem-oh' (name_en)",
    },
    ("clusters", "manager auto-mi"): {
        3: "a manager of 'auto-mi' cannot change cluster 'chem-oh' (name_en)",
    },
    ("clusters", "manager chem-oh"): {
        2: "a manager of 'chem-oh' cannot change cluster 'auto-mi' (label)",
    },
    ("actors", "admin"): {},
    ("actors", "analyst"): {
        2: "an analyst cannot create actor 'FORD'",
        3: "an analyst cannot change actor 'DOW' (name)",
    },
    ("actors", "manager auto-mi"): {
        3: "a manager of 'auto-mi' cannot change actor 'DOW' (name)",
    },
    ("actors", "manager chem-oh"): {
        2: "a manager of 'chem-oh' cannot create actor 'FORD'",
    },
    ("ties", "admin"): {},
    ("ties", "analyst"): {
        2: "an analyst cannot create tie 'UM/GM/trust'",
        3: "an analyst cannot create tie 'GM/DOW/funding'",
    },
    ("ties", "manager auto-mi"): {
        3: "a manager of 'auto-mi' cannot create tie 'GM/DOW/funding'",
    },
    ("ties", "manager chem-oh"): {
        2: "a manager of 'chem-oh' cannot create tie 'UM/GM/trust'",
        3: "a manager of 'chem-oh' cannot create tie 'GM/DOW/funding'",
    },
}


def _setup(sessions):
    with session_scope(sessions) as s:
        for kind, text in SETUP.items():
            import_table(s, text.encode(), kind=kind, filename=f"{kind}.csv", who="setup")


def _load(sessions, kind, text, who, name="f.csv"):
    with session_scope(sessions) as s:
        return import_table(s, text.encode(), kind=kind, filename=name, who=who)


@pytest.mark.parametrize(("kind", "role"), sorted(REFUSED))
def test_each_import_kind_by_each_role(sessions, kind, role):
    _setup(sessions)
    with sessions() as s:
        before = table_snapshot(s)
    refused = REFUSED[kind, role]
    if not refused:
        report = _load(sessions, kind, FILES[kind], ACCESS[role])
        assert report.inserted + report.updated == 2
        return
    first = min(refused)
    with pytest.raises(DataValidationError, match=rf"f\.csv, row {first}, column '\w+': ") as info:
        _load(sessions, kind, FILES[kind], ACCESS[role])
    issues = info.value.issues
    assert {i.row: i.message for i in issues} == {n: f"{why}." for n, why in refused.items()}
    assert all(i.file == "f.csv" and i.fix.startswith("ask an admin") for i in issues)
    with sessions() as s:
        assert table_snapshot(s) == before  # nothing written, not even the job or the audit


def test_refused_row_names_the_changed_columns_and_whom_to_ask(sessions):
    """The issue's example: an analyst cannot rename a cluster by importing it."""
    _setup(sessions)
    text = "id,name_en\nauto-mi,Automotive\nchem-oh,Renamed\n"
    with pytest.raises(
        DataValidationError,
        match=r"row 3, column 'name_en': an analyst cannot change cluster 'chem-oh' \(name_en\)\. "
        r"Fix: ask an admin or a manager of 'chem-oh'\.",
    ):
        _load(sessions, "clusters", text, ANALYST)
    with sessions() as s:
        assert s.get(Cluster, "chem-oh").name_en == "Chemicals"


def test_column_of_a_renamed_field_is_the_files(sessions):
    """An actor's region is the column ``region`` of the file (``region_id`` in the table)."""
    _setup(sessions)
    with pytest.raises(
        DataValidationError,
        match=r"row 2, column 'region': a manager of 'auto-mi' cannot change actor 'DOW' "
        r"\(region\)",
    ):
        _load(sessions, "actors", "id,name,region\nDOW,Dow,US-39\n", AUTO)


def test_unchanged_rows_need_no_right(sessions):
    """Re-importing what is already stored changes nothing, so any role may."""
    _setup(sessions)
    for kind in ("clusters", "actors", "ties"):
        report = _load(sessions, kind, SETUP[kind], ANALYST)
        assert (report.inserted, report.updated, report.unchanged) == (0, 0, report.rows)


def test_manager_adds_a_member_of_its_cluster_but_not_of_another(sessions):
    _setup(sessions)
    # DOW is a member of chem-oh; making it a member of auto-mi is auto-mi's manager's call.
    report = _load(sessions, "actors", "id,name,cluster,role\nDOW,Dow,auto-mi,supplier\n", AUTO)
    assert (report.inserted, report.updated) == (0, 1)
    with pytest.raises(
        DataValidationError,
        match=r"row 2, column 'cluster': a manager of 'auto-mi' cannot create membership "
        r"'chem-oh/GM'",
    ):
        _load(sessions, "actors", "id,name,cluster\nGM,General Motors,chem-oh\n", AUTO)
    with pytest.raises(
        DataValidationError, match=r"a manager of 'chem-oh' cannot change membership 'auto-mi/DOW'"
    ):
        _load(sessions, "actors", "id,name,cluster,role\nDOW,Dow,auto-mi,client\n", CHEM)


def test_manager_cannot_create_a_cluster_or_a_clusterless_actor(sessions):
    _setup(sessions)
    with pytest.raises(
        DataValidationError,
        match=r"row 2, column 'id': a manager of 'auto-mi' cannot create cluster 'new'\. Fix: ask "
        r"an admin\.",
    ):
        _load(sessions, "clusters", "id,name_en\nnew,New\n", AUTO)
    with pytest.raises(
        DataValidationError, match=r"row 2, column 'id': a manager of 'auto-mi' cannot create actor"
    ):
        _load(sessions, "actors", "id,name\nLONE,Lone actor\n", AUTO)


def test_every_refused_row_is_reported_in_one_pass(sessions):
    _setup(sessions)
    rows = "".join(f"US-{n},US,state,State {n}\n" for n in range(40, 70))
    with pytest.raises(DataValidationError, match=r"… and 10 more problems\.") as info:
        _load(sessions, "regions", "id,country,region_type,name_en\n" + rows, AUTO)
    assert [i.row for i in info.value.issues] == list(range(2, 32))


def test_a_local_caller_and_admins_write_everything(sessions):
    _setup(sessions)
    for who in ("cli", ADMIN):
        _load(sessions, "clusters", "id,name_en\nchem-oh,Chemistry\nnew,New\n", who)
    with sessions() as s:
        assert s.get(Cluster, "new") is not None and s.get(Region, "US-26") is not None


def test_check_table_refuses_like_import_table(sessions):
    from grappe.registry.imports import check_table

    _setup(sessions)
    data = FILES["clusters"].encode()
    with sessions() as s:
        assert check_table(s, data, kind="clusters", filename="f.csv") == 2
        assert check_table(s, data, kind="clusters", filename="f.csv", who=ADMIN) == 2
        with pytest.raises(DataValidationError, match=r"row 3, column 'name_en': a manager of"):
            check_table(s, data, kind="clusters", filename="f.csv", who=AUTO)
        assert s.scalar(select(AuditEntry).where(AuditEntry.who == "mgr-auto")) is None


# --- the rules themselves --------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(RULES))
def test_admin_may_everything_and_an_empty_manager_nothing_scoped(kind):
    for action in ("create", "update", "delete"):
        assert refusal(ADMIN, action, kind, "k") is None
        empty = Access("m", "manager")
        if "manager" in RULES[kind][action]:
            assert refusal(empty, action, kind, "k", scope={"x"}) is not None
            assert refusal(Access("m", "manager", frozenset({"x"})), action, kind, "k",
                           scope={"x", "y"}) is None  # fmt: skip


def test_refusal_messages_by_hand():
    why = refusal(ANALYST, "update", "cluster", "B", scope={"B"}, fields=["name_en"])
    assert (
        str(why)
        == "an analyst cannot change cluster 'B' (name_en) — ask an admin or a manager of 'B'"
    )
    why = refusal(AUTO, "delete", "cluster", "auto-mi", scope={"auto-mi"})
    assert (why.reason, why.fix) == (
        "a manager of 'auto-mi' cannot delete cluster 'auto-mi'",
        "ask an admin",
    )
    assert str(refusal(Access("m", "manager"), "update", "kpi", "c/jobs/2021", scope={"c"})) == (
        "a manager of no cluster cannot change kpi 'c/jobs/2021' — ask an admin or a manager of 'c'"
    )  # fmt: skip
    assert str(kind_refusal(ANALYST, "tie")) == (
        "an analyst cannot create or change ties — ask an admin or a manager"
    )
    assert kind_refusal(AUTO, "cluster") is None and kind_refusal(ANALYST, "region") is None
    assert may_write_all(ANALYST, "indicator") and may_write_all(ADMIN, "tie")
    assert not may_write_all(ANALYST, "cluster") and not may_write_all(AUTO, "tie")
    assert may_write_all(Access("a", "admin"), "cluster")


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: refusal(ADMIN, "rename", "cluster", "x"),
         r"The 'action' parameter of refusal must be one of 'create', 'update', 'delete'"),
        (lambda: refusal(ADMIN, "create", "firm", "x"),
         r"The 'kind' parameter of refusal must be one of 'region'"),
        (lambda: kind_refusal(ADMIN, "firms"),
         r"The 'kind' parameter of kind_refusal must be one of"),
        (lambda: may_write_all(ADMIN, "firms"),
         r"The 'kind' parameter of may_write_all must be one of"),
        (lambda: Access("x", "owner"),
         r"The 'role' parameter of Access must be one of 'admin', 'analyst', 'manager'"),
    ],
)  # fmt: skip
def test_bad_arguments(call, match):
    with pytest.raises(InvalidParameterError, match=match):
        call()


def test_the_documented_table_of_rights_is_the_code():
    """docs/observatory.md shows RULES; the test fails when they drift apart."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "observatory.md").read_text("utf-8")
    table = doc.split("| record | create | change | delete |", 1)[1].split("\n\n", 1)[0]
    documented = {}
    for line in table.strip().splitlines()[2:]:  # after the header and the rule
        kinds, create, change, delete = (c.strip() for c in line.strip("|").split("|")[:4])
        for kind in kinds.split(", "):
            documented[kind] = {
                action: tuple(r.strip() for r in roles.split(","))
                for action, roles in (("create", create), ("update", change), ("delete", delete))
            }
    assert documented == RULES
