"""Countries' export profiles in the registry (grappe.registry.export_profiles, migration 0017):
a profile stored and read back into the same dataclasses (reasons still translatable), corrected
(a product's name, an opportunity hidden with a reason), published, re-stored with its
corrections kept, refused to the wrong roles and on bad input, audited. SQLite and PostgreSQL.

The profile is built by hand (a toy one: two products, two opportunities) so that the test
checks the store, not the kernel (tests/complexity covers :func:`export_profile`)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import inspect, select

from grappe.complexity.exports import ExportProduct, ExportProfile, Opportunity
from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
from grappe.i18n import Message, translate
from grappe.registry.export_profiles import (
    correct_product_name,
    has_product_space,
    hide_opportunity,
    list_export_profiles,
    load_export_profile,
    load_product_space,
    publish_export_profile,
    show_opportunity,
    store_export_profile,
    store_product_space,
)
from grappe.registry.models import AuditEntry
from grappe.registry.permissions import Access

ANALYST = Access("ana@obs.dz", "analyst")
MANAGER = Access("mgr@biskra.dz", "manager", frozenset({"biskra-dates"}))
SOURCE = "toy-hs4"


def toy_profile(*, eci: float = -0.8, year: int | None = 2020) -> ExportProfile:
    dates = ExportProduct(
        product="TropicalFruits", code="0804",
        names={"en": "Dates, figs, pineapples", "fr": "Dattes, figues, ananas",
               "ar": "تمور وتين وأناناس"},
        value=1.2e8, share=0.004, rca=7.4, pci=-1.1,
    )  # fmt: skip
    gas = ExportProduct(
        product="PetroleumGas", code="2711", names={"en": "Petroleum gas"},
        value=1.5e10, share=0.5, rca=31.0, pci=None,
    )  # fmt: skip
    reason = Message("density {density:.2f} ({percentile:.0%} of candidates)", density=0.31,
                     percentile=0.87)  # fmt: skip
    sugar = Opportunity(
        product="CaneOrBeetSugar", code="1701", names={"en": "Cane or beet sugar"},
        density=0.31, density_percentile=0.87, pci=-0.2, cog=0.4, rca=0.6, score=1.5, rank=1,
        reasons=(reason, Message("near {near}", near="TropicalFruits")),
        near=("TropicalFruits",),
    )  # fmt: skip
    salt = Opportunity(
        product="Salt", code="2501", names={}, density=0.2, density_percentile=0.5,
        pci=float("nan"), cog=0.1, rca=0.0, score=0.2, rank=2, reasons=(), near=(),
    )  # fmt: skip
    return ExportProfile(
        country="DZA", year=year, total=3.0e10, diversity=2, eci=eci, eci_rank=95,
        n_countries=130, products=(gas, dates), opportunities=(sugar, salt),
        published_eci={2019: -0.9, 2020: -0.85}, coi=-1.2,
        method={"rca_threshold": 1.0, "sources": ("toy",)}, in_sample=True, n_products=4,
    )  # fmt: skip


def _same(a: ExportProfile, b: ExportProfile) -> None:
    """Equal, NaN in the same places (NaN != NaN for ==)."""
    assert repr(a) == repr(b)


@pytest.fixture
def db(sessions):
    with sessions() as session:
        yield session


def test_store_and_read_back_the_same_profile(db):
    profile = toy_profile()
    row_id = store_export_profile(db, "observatory", profile, source=SOURCE)
    db.commit()
    stored = load_export_profile(db, "dza")
    assert stored.id == row_id and stored.source == SOURCE and not stored.published
    _same(stored.profile, profile)
    assert stored.profile.published_eci == {2019: -0.9, 2020: -0.85}
    # the reasons are messages again: the page renders them in its language
    reason = stored.profile.opportunities[0].reasons[0]
    assert isinstance(reason, Message) and reason.template.startswith("density {density")
    assert str(reason) == "density 0.31 (87% of candidates)"
    assert translate(reason, "en") == str(reason)
    assert stored.profile.products[1].names["ar"] == "تمور وتين وأناناس"
    # not published: the public does not see it
    with pytest.raises(NotFoundError, match="No published export profile of 'DZA'"):
        load_export_profile(db, "DZA", published_only=True)
    assert list_export_profiles(db) == []
    assert [s.country for s in list_export_profiles(db, published_only=False)] == ["DZA"]


def test_corrections_publication_and_restore(db):
    store_export_profile(db, "observatory", toy_profile(), source=SOURCE)
    correct_product_name(db, ANALYST, "DZA", "TropicalFruits", lang="fr", name="Dattes")
    hide_opportunity(db, ANALYST, "DZA", "Salt", reason="Sel: marché saturé")
    publish_export_profile(db, ANALYST, "DZA")
    db.commit()
    stored = load_export_profile(db, "DZA", published_only=True)
    dates = stored.profile.products[1]
    assert dates.names == {"en": "Dates, figs, pineapples", "fr": "Dattes",
                           "ar": "تمور وتين وأناناس"}  # fmt: skip
    assert [o.product for o in stored.profile.opportunities] == ["CaneOrBeetSugar"]
    assert stored.hidden == {"Salt": "Sel: marché saturé"}
    assert [o.product for o in load_export_profile(db, "DZA", with_hidden=True)
            .profile.opportunities] == ["CaneOrBeetSugar", "Salt"]  # fmt: skip
    # the job stores a recomputed profile: corrections and publication are kept
    store_export_profile(db, "observatory", toy_profile(eci=-0.7), source=SOURCE)
    db.commit()
    again = load_export_profile(db, "DZA", published_only=True)
    assert again.profile.eci == -0.7 and again.profile.products[1].names["fr"] == "Dattes"
    assert again.hidden == {"Salt": "Sel: marché saturé"}
    show_opportunity(db, ANALYST, "DZA", "Salt")
    correct_product_name(db, ANALYST, "DZA", "TropicalFruits", lang="fr", name="")
    publish_export_profile(db, ANALYST, "DZA", published=False)
    db.commit()
    back = load_export_profile(db, "DZA")
    assert not back.published and back.hidden == {} and back.names == {}
    _same(back.profile, toy_profile(eci=-0.7))
    # every write audited, with the values before and after
    entries = db.scalars(
        select(AuditEntry).where(AuditEntry.resource == "export_profile").order_by(AuditEntry.id)
    ).all()
    assert [e.action for e in entries] == ["create"] + ["update"] * 7
    assert entries[0].after["eci"] == -0.8 and entries[0].who == "observatory"
    assert entries[2].before == {"hidden": {}}
    assert entries[2].after == {"hidden": {"Salt": "Sel: marché saturé"}}
    assert entries[2].who == "ana@obs.dz" and entries[2].role == "analyst"
    assert entries[4].before == {"eci": -0.8} and entries[4].after == {"eci": -0.7}


def test_a_year_and_source_pick_one_profile(db):
    store_export_profile(db, "job", toy_profile(), source=SOURCE, publish=True)
    store_export_profile(db, "job", toy_profile(year=None, eci=0.1), source=SOURCE, year=2019,
                         publish=True)  # fmt: skip
    db.commit()
    assert load_export_profile(db, "DZA").profile.year == 2020  # the latest
    assert load_export_profile(db, "DZA", year=2019).profile.eci == 0.1
    assert [(s.country, s.year) for s in list_export_profiles(db)] == [("DZA", 2020),
                                                                        ("DZA", 2019)]  # fmt: skip
    with pytest.raises(NotFoundError, match=r"No export profile of 'DZA' for 2018 from 'x'\."):
        load_export_profile(db, "DZA", year=2018, source="x")


def test_wrong_roles_are_refused_and_nothing_changes(db):
    store_export_profile(db, "job", toy_profile(), source=SOURCE)
    db.commit()
    with pytest.raises(
        PermissionDeniedError,
        match="a manager of 'biskra-dates' cannot change "
        "export_profile 'DZA/2020/toy-hs4' — ask an admin or an analyst",
    ):
        publish_export_profile(db, MANAGER, "DZA")
    with pytest.raises(PermissionDeniedError, match="cannot create export_profile"):
        store_export_profile(db, MANAGER, toy_profile(year=2021), source=SOURCE)
    with pytest.raises(PermissionDeniedError, match="cannot change export_profile"):
        hide_opportunity(db, MANAGER, "DZA", "Salt", reason="no")
    db.rollback()
    assert not load_export_profile(db, "DZA").published
    assert len(list_export_profiles(db, published_only=False)) == 1


#: Bad calls, the error each raises and its message (one store for all: a fresh PostgreSQL
#: database per case would cost seconds).
BAD_CALLS = [
        (lambda s: store_export_profile(s, "job", {"country": "DZA"}, source=SOURCE),
         InvalidParameterError, "must be a grappe.complexity.exports.ExportProfile. Got dict"),
        (lambda s: store_export_profile(s, "job", toy_profile(year=None), source=SOURCE),
         InvalidParameterError, "'year' parameter of store_export_profile must be given"),
        (lambda s: store_export_profile(s, "job", toy_profile(), source=""),
         InvalidParameterError, "'source' parameter of store_export_profile must be a name"),
        (lambda s: correct_product_name(s, ANALYST, "DZA", "TropicalFruits", lang="de", name="x"),
         InvalidParameterError, "'lang' parameter of correct_product_name must be one of"),
        (lambda s: correct_product_name(s, ANALYST, "DZA", "TropicalFruits", lang="fr",
                                        name="x" * 301),
         InvalidParameterError, "at most 300 characters. Got 301"),
        (lambda s: correct_product_name(s, ANALYST, "DZA", "Cars", lang="fr", name="Autos"),
         NotFoundError, "No product 'Cars' in the export profile of DZA 2020"),
        (lambda s: hide_opportunity(s, ANALYST, "DZA", "Salt", reason="  "),
         InvalidParameterError, "must say why in 1 to 500 characters"),
        (lambda s: hide_opportunity(s, ANALYST, "DZA", "TropicalFruits", reason="x"),
         NotFoundError, "No opportunity 'TropicalFruits' in the export profile"),
        (lambda s: show_opportunity(s, ANALYST, "DZA", "Salt"),
         NotFoundError, "The opportunity 'Salt' of DZA 2020 is not hidden"),
        (lambda s: publish_export_profile(s, ANALYST, "MAR"),
         NotFoundError, "No export profile of 'MAR'"),
]  # fmt: skip


def test_bad_input_is_refused(db):
    store_export_profile(db, "job", toy_profile(), source=SOURCE)
    db.commit()
    for call, error, message in BAD_CALLS:
        with pytest.raises(error, match=message):
            call(db)
        db.rollback()
    assert load_export_profile(db, "DZA").names == {} and not load_export_profile(db, "DZA").hidden


def test_the_stored_document_is_json_without_nan(db):
    store_export_profile(db, "job", toy_profile(), source=SOURCE)
    db.commit()
    from grappe.registry.export_models import ExportProfileRow

    row = db.scalars(select(ExportProfileRow)).one()
    assert row.document["opportunities"][1]["pci"] == {"$float": "nan"}
    assert row.document["opportunities"][0]["reasons"][0]["values"] == {
        "density": 0.31, "percentile": 0.87,
    }  # fmt: skip
    assert dataclasses.asdict(load_export_profile(db, "DZA").profile)["in_sample"] is True


def test_migration_0017_up_and_down(empty_engine):
    from grappe.registry import upgrade
    from grappe.registry.database import downgrade

    upgrade(empty_engine)
    assert "export_profiles" in inspect(empty_engine).get_table_names()
    downgrade(empty_engine, revision="0016")
    assert "export_profiles" not in inspect(empty_engine).get_table_names()
    upgrade(empty_engine)
    assert "export_profiles" in inspect(empty_engine).get_table_names()


def test_storing_the_same_profile_again_writes_nothing(db):
    store_export_profile(db, "job", toy_profile(), source=SOURCE, publish=True)
    db.commit()
    count = len(db.scalars(select(AuditEntry)).all())
    store_export_profile(db, "job", toy_profile(), source=SOURCE)  # the job's next start
    store_export_profile(db, "job", toy_profile(), source=SOURCE, publish=True)
    db.commit()
    assert len(db.scalars(select(AuditEntry)).all()) == count


def test_product_space_stored_and_read_back(db):
    positions = {"TropicalFruits": (0.0, 0.5), "CaneOrBeetSugar": (1.0, 0.25), "Salt": (0.5, 1.0)}
    links = [("TropicalFruits", "CaneOrBeetSugar"), ("Salt", "CaneOrBeetSugar")]
    method = {"seed": 0, "min_proximity": 0.55}
    assert not has_product_space(db, year=2020, source=SOURCE)
    store_product_space(db, "job", positions, links, year=2020, source=SOURCE, method=method)
    store_product_space(db, "job", positions, links, year=2020, source=SOURCE, method=method)
    db.commit()
    space = load_product_space(db, year=2020, source=SOURCE)
    assert space.positions == positions and space.links == tuple(links)
    assert space.method == method and has_product_space(db, year=2020, source=SOURCE)
    entries = db.scalars(select(AuditEntry).where(AuditEntry.resource_id.like("space/%"))).all()
    assert [(e.action, e.after["nodes"], e.after["links"]) for e in entries] == [("create", 3, 2)]
    with pytest.raises(NotFoundError, match=r"No product space stored for 2019 from 'toy-hs4'\."):
        load_product_space(db, year=2019, source=SOURCE)
    with pytest.raises(InvalidParameterError, match="must join products of 'positions'. Got the "
                       "link 'Salt'–'Cars'"):  # fmt: skip
        store_product_space(db, "job", positions, [("Salt", "Cars")], year=2020, source=SOURCE,
                            method=method)  # fmt: skip
    with pytest.raises(InvalidParameterError, match="in the unit square"):
        store_product_space(db, "job", {"Salt": (1.5, 0.0)}, [], year=2020, source=SOURCE,
                            method=method)  # fmt: skip
    with pytest.raises(PermissionDeniedError, match="cannot change export_profile 'space/2020"):
        store_product_space(db, MANAGER, positions, links, year=2020, source=SOURCE, method={})
