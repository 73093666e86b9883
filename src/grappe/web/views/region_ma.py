"""The page of a Moroccan region or province: its sector profile on both HCP censuses.

HCP counts broad sectors, not clusters, so the page shows, for each measure stored by
:mod:`grappe.service.bootstrap_ma` (establishments 2024, employed population 2014), every
sector's count, its share of the unit, its location quotient and the unit's share of Morocco,
with the census year and its attribution; a bar chart of the LQs drawn as server-side SVG (no
script, so it shows under the strict Content-Security-Policy and without JavaScript); the
province's region, or the region's provinces. Province codes begin with their region's code
(``03.231`` is in region ``03``), so no parent column is needed.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.io.bundled_ma import MA_BOUNDARIES_SOURCE
from grappe.registry.models import IndicatorSnapshot, Region
from grappe.web.i18n import format_year, translations
from grappe.web.ma_map_svg import morocco_map
from grappe.web.render import language, page
from grappe.web.views._common import N_
from grappe.web.views.country import country_link

__all__ = [
    "SECTOR_LABELS",
    "lq_bars",
    "morocco_home",
    "morocco_overview",
    "morocco_region_page",
    "sector_profiles",
]

#: Labels of the HCP sectors (msgids of the translation catalogues).
SECTOR_LABELS: dict[str, str] = {
    "agriculture": N_("Agriculture"),
    "industry": N_("Industry"),
    "utilities": N_("Electricity, gas and water"),
    "construction": N_("Construction"),
    "commerce": N_("Commerce"),
    "transport": N_("Transport and communications"),
    "market_services": N_("Market services"),
    "public_services": N_("Public services"),
    "other": N_("Other activities"),
    "services": N_("Services"),
}

#: Measure → (title of its section, source shown under it; msgids).
MEASURE_TEXTS: dict[str, tuple[str, str]] = {
    "establishments": (
        N_("Establishments by sector, %(year)s"),
        N_("Source: Haut-Commissariat au Plan, RGPH 2024 (census of establishments), CC BY 4.0; "
           "location quotients and shares computed by grappe."),
    ),
    "employment": (
        N_("Employed population by sector of work, %(year)s"),
        N_("Source: Haut-Commissariat au Plan, RGPH 2014 (employed population by place of "
           "residence), CC BY 4.0; counts derived by grappe from the published shares (± 0.05 % "
           "of the employed), location quotients and shares computed by grappe."),
    ),
}  # fmt: skip


def lq_bars(rows: list[dict[str, Any]], *, width: int = 420, rtl: bool = False) -> dict[str, Any]:
    """Layout of a horizontal bar chart of location quotients, with the line LQ = 1.

    Parameters
    ----------
    rows : list of dict
        Each with ``label`` and ``lq`` (None is drawn as no bar).
    width : int, default 420
        Width of the drawing in SVG units; 150 of them hold the labels, 40 the printed LQs.
    rtl : bool, default False
        Arabic pages: labels on the right, bars growing leftwards.

    Returns
    -------
    dict
        ``width``, ``height``, ``one`` (x of LQ = 1), ``label_x``, ``anchor`` and ``bars``
        (``label``, ``lq``, ``x``, ``y``, ``w``, ``value_x``, ``above`` = LQ ≥ 1),
        ``value_anchor``.

    Examples
    --------
    >>> out = lq_bars([{"label": "A", "lq": 2.0}, {"label": "B", "lq": 0.5}], width=390)
    >>> [(b["x"], b["w"], b["value_x"]) for b in out["bars"]], out["one"]
    ([(150.0, 200.0, 354.0), (150.0, 50.0, 204.0)], 250.0)
    >>> rtl = lq_bars([{"label": "A", "lq": 2.0}], width=390, rtl=True)
    >>> rtl["bars"][0]["x"], rtl["bars"][0]["value_x"], rtl["one"]
    (40.0, 36.0, 140.0)
    """
    labels, values, row_height = 150, 40, 22  # room for the labels and for the LQ printed
    span = width - labels
    top = max([2.0, *(r["lq"] or 0.0 for r in rows)])
    scale = (span - values) / top
    bars = []
    for i, r in enumerate(rows):
        w = (r["lq"] or 0.0) * scale
        x = round(span - w, 1) if rtl else float(labels)
        bars.append({
            "label": r["label"], "lq": r["lq"], "w": round(w, 1), "y": i * row_height,
            "x": x, "value_x": round(x - 4, 1) if rtl else round(x + w + 4, 1),
            "above": (r["lq"] or 0.0) >= 1.0,
        })  # fmt: skip
    one = span - scale if rtl else labels + scale
    return {
        "width": width,
        "height": len(rows) * row_height,
        "one": round(one, 1),
        "label_x": width - 4 if rtl else 4,
        # the drawing is laid out left to right (direction="ltr"); Arabic labels end at the right
        "anchor": "end" if rtl else "start",
        "value_anchor": "end" if rtl else "start",
        "bars": bars,
    }


def sector_profiles(session: Session, region_id: str, lang: str) -> list[dict[str, Any]]:
    """One profile per stored measure of a region: its sectors' counts, shares and LQs."""
    _ = translations(lang).gettext
    rows = list(
        session.scalars(
            select(IndicatorSnapshot)
            .where(IndicatorSnapshot.region_id == region_id)
            .order_by(IndicatorSnapshot.measure.desc(), IndicatorSnapshot.cluster)
        )
    )
    profiles = []
    for measure in ("establishments", "employment"):
        mine = [r for r in rows if r.measure == measure]
        if not mine:
            continue
        year = max(r.year for r in mine)
        mine = [r for r in mine if r.year == year]
        total = sum(getattr(r, measure) or 0.0 for r in mine)
        sectors = [
            {
                "label": _(SECTOR_LABELS.get(r.cluster, r.cluster_name)),
                "count": getattr(r, measure),
                "share": (getattr(r, measure) or 0.0) / total if total else None,
                "lq": r.lq,
                "national_share": r.national_share,
                "strong": r.strong,
            }
            for r in sorted(mine, key=lambda r: -(getattr(r, measure) or 0.0))
        ]
        title, source = MEASURE_TEXTS[measure]
        profiles.append({
            "measure": measure, "year": year, "total": total, "sectors": sectors,
            "title": _(title), "source": _(source),
            "bars": lq_bars(sectors, rtl=lang == "ar"),
        })  # fmt: skip
    return profiles


def morocco_region_page(request: Request, session: Session, region: Region) -> HTMLResponse:
    """The page of a Moroccan region (``MA-03``) or province (``MA-03.231``)."""
    lang = language(request)
    _ = translations(lang).gettext
    is_region = region.region_type == "region"
    parent = None if is_region else session.get(Region, f"MA-{region.code.split('.')[0]}")
    region_code = region.code.split(".")[0]
    neighbours = list(
        session.scalars(
            select(Region)
            .where(Region.country == "MA", Region.id.like(f"MA-{region_code}.%"))
            .order_by(Region.name_fr)
        )
    )
    provinces = neighbours if is_region else []
    highlight = [p.code for p in provinces] if is_region else [region.code]
    context = [] if is_region else [p.code for p in neighbours]
    return page(
        request,
        "region_ma.html",
        {
            "ma_map": morocco_map(
                names=_province_names(session, lang), highlight=highlight, context=context
            ),
            "boundaries_source": MA_BOUNDARIES_SOURCE,
            "region": region,
            "region_type_name": _("Region") if is_region else _("Province or prefecture"),
            "country_exports": country_link(session, "MA"),
            "parent": parent,
            "provinces": provinces,
            "profiles": sector_profiles(session, region.id, lang),
        },
    )


def morocco_overview(session: Session, lang: str) -> list[dict[str, Any]]:
    """The home page's Moroccan tables: each region's LQ of every sector, per measure."""
    _ = translations(lang).gettext
    regions = {
        r.id: r
        for r in session.scalars(
            select(Region).where(Region.country == "MA", Region.region_type == "region")
        )
    }
    rows = list(
        session.scalars(
            select(IndicatorSnapshot)
            .where(IndicatorSnapshot.region_id.in_(list(regions)))
            .order_by(IndicatorSnapshot.region_id, IndicatorSnapshot.cluster)
        )
    )
    tables = []
    for measure in ("establishments", "employment"):
        mine = [r for r in rows if r.measure == measure]
        if not mine:
            continue
        sectors = sorted({r.cluster for r in mine}, key=list(SECTOR_LABELS).index)
        lq = {(r.region_id, r.cluster): r.lq for r in mine}
        title, source = MEASURE_TEXTS[measure]
        tables.append({
            "measure": measure,
            "title": _(title) % {"year": format_year(max(r.year for r in mine), lang)},
            "source": _(source),
            "sectors": [_(SECTOR_LABELS[s]) for s in sectors],
            "rows": [
                {"region": regions[rid], "lqs": [lq.get((rid, s)) for s in sectors]}
                for rid in sorted(regions)
            ],
        })  # fmt: skip
    return tables


def _province_names(session: Session, lang: str) -> dict[str, str]:
    query = select(Region).where(Region.country == "MA", Region.region_type == "province")
    return {
        r.code: str(getattr(r, f"name_{lang}", None) or r.name_en) for r in session.scalars(query)
    }


def morocco_home(
    session: Session, lang: str, *, measure: str | None, sector: str | None
) -> dict[str, Any] | None:
    """The home page's Moroccan view: the regions' LQ tables and a map of the provinces' LQ of
    one sector (``measure`` and ``sector`` chosen by links; None when either is unknown)."""
    _ = translations(lang).gettext
    measure = measure or "establishments"
    if measure not in MEASURE_TEXTS:
        return None
    stored = list(
        session.scalars(
            select(IndicatorSnapshot)
            .join(Region, Region.id == IndicatorSnapshot.region_id)
            .where(Region.country == "MA", Region.region_type == "province",
                   IndicatorSnapshot.measure == measure)
        )
    )  # fmt: skip
    sectors = sorted({r.cluster for r in stored}, key=list(SECTOR_LABELS).index)
    sector = sector or ("industry" if "industry" in sectors else None)
    if sector not in sectors:
        return None
    values = {r.region_id.removeprefix("MA-"): r.lq for r in stored if r.cluster == sector}
    year = max((r.year for r in stored), default=None)
    choices = [
        {
            "measure": m,
            "title": _(MEASURE_TEXTS[m][0]) % {"year": format_year(y, lang)},
            "sectors": [
                {"code": s, "label": _(SECTOR_LABELS[s]), "current": (m, s) == (measure, sector)}
                for s in secs
            ],
        }
        for m, y, secs in _measure_sectors(session)
    ]
    return {
        "tables": morocco_overview(session, lang),
        "choices": choices,
        "measure": measure,
        "sector_label": _(SECTOR_LABELS[sector]),
        "year": year,
        "map": morocco_map(names=_province_names(session, lang), values=values),
    }


def _measure_sectors(session: Session) -> list[tuple[str, int, list[str]]]:
    rows = session.execute(
        select(IndicatorSnapshot.measure, IndicatorSnapshot.year, IndicatorSnapshot.cluster)
        .join(Region, Region.id == IndicatorSnapshot.region_id)
        .where(Region.country == "MA", Region.region_type == "region")
        .distinct()
    )
    found: dict[str, tuple[int, set[str]]] = {}
    for measure, year, cluster in rows:
        y, secs = found.get(measure, (year, set()))
        found[measure] = (max(y, year), secs | {cluster})
    return [
        (m, found[m][0], sorted(found[m][1], key=list(SECTOR_LABELS).index))
        for m in MEASURE_TEXTS
        if m in found
    ]
