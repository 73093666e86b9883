"""Reasons with :class:`grappe.i18n.Number` values in a stored export profile: stored and read
back equal (template, values, form of each number), kept as numbers in the JSON document, and
the profiles stored before (format specs, plain floats) read back with their numbers upgraded,
so that the French page writes a decimal comma. SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from test_registry_export_profiles import SOURCE, toy_profile

from grappe.i18n import Message, Number, translate
from grappe.registry.export_models import ExportProfileRow
from grappe.registry.export_profiles import load_export_profile, store_export_profile

NNBSP = "\u202f"


def _with_reasons(*reasons: Message):
    profile = toy_profile()
    sugar = dataclasses.replace(profile.opportunities[0], reasons=reasons)
    return dataclasses.replace(profile, opportunities=(sugar, *profile.opportunities[1:]))


def test_number_reasons_round_trip(sessions):
    reasons = (
        Message(
            "relatedness density {density}, rank {rank} of {count} among the products not yet "
            "exported",
            density=Number(0.31234, digits=3),
            rank=Number(17),
            count=Number(1147),
        ),
        Message(
            "complexity (PCI) {pci} against {average} on average for the products exported",
            pci=Number(-0.2, digits=2, signed=True),
            average=Number(float("nan"), digits=2, signed=True),
        ),
    )
    with sessions() as db:
        store_export_profile(db, "job", _with_reasons(*reasons), source=SOURCE)
        db.commit()
        document = db.scalars(select(ExportProfileRow)).one().document
        density = document["opportunities"][0]["reasons"][0]["values"]["density"]
        assert density == {"$number": 0.31234, "digits": 3, "signed": False, "percent": False}
        back = load_export_profile(db, "DZA").profile.opportunities[0].reasons
    assert [(r.template, r.values) for r in back] == [(r.template, r.values) for r in reasons]
    assert back == reasons  # the same English texts
    assert translate(back[0], "fr") == (
        f"densité de proximité 0,312, rang 17 sur 1{NNBSP}147 parmi les produits pas encore "
        "exportés"
    )
    assert translate(back[1], "fr") == (
        "complexité (PCI) -0,20 contre – en moyenne pour les produits exportés"
    )


def test_a_profile_stored_before_numbers_followed_the_language_still_loads(sessions):
    old = Message("complexity outlook gain {cog:.3f}", cog=0.41234)
    other = Message("density {density:.2f} ({percentile:.0%} of candidates)", density=0.31,
                    percentile=0.87)  # fmt: skip
    with sessions() as db:
        store_export_profile(db, "job", _with_reasons(old, other), source=SOURCE)
        db.commit()
        document = db.scalars(select(ExportProfileRow)).one().document
        assert document["opportunities"][0]["reasons"][0] == {
            "$message": "complexity outlook gain {cog:.3f}",
            "values": {"cog": 0.41234},
        }  # fmt: skip  - the old form, as stored until now
        cog, untouched = load_export_profile(db, "DZA").profile.opportunities[0].reasons
    assert cog.template == "complexity outlook gain {cog}"
    assert cog.values == {"cog": Number(0.41234, digits=3)} and cog == old
    assert translate(cog, "fr") == "gain de perspective de complexité 0,412"
    assert (untouched.template, untouched.values) == (other.template, other.values)
