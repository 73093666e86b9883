"""``/countries``: countries' export profiles (issue 19) — public read of the published ones, and
their correction and publication by the observatory's admins and analysts.

The profiles are computed by the observatory job (:mod:`grappe.registry.export_jobs`) and
stored by :mod:`grappe.registry.export_profiles`; rights are those of
:data:`grappe.registry.permissions.RULES` (``export_profile``: open data, like regions). An
admin's or an analyst's token also reads profiles that are not published yet.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from grappe.registry.assessment_documents import encode, public
from grappe.registry.export_profiles import (
    StoredExportProfile,
    correct_product_name,
    hide_opportunity,
    list_export_profiles,
    load_export_profile,
    publish_export_profile,
    show_opportunity,
)
from grappe.registry.models import ApiToken
from grappe.service.deps import Caller, OptionalCaller, SessionDep, ensure_allowed
from grappe.service.errors import ApiError
from grappe.service.schemas import ListOf

router = APIRouter(prefix="/countries", tags=["countries"])

Iso3 = Annotated[
    str, Path(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code, e.g. DZA.")
]
Year = Annotated[int | None, Query(ge=1900, le=2100, description="Default: the latest.")]
Source = Annotated[
    str | None, Query(max_length=64, description="The trade data, e.g. stojkoski2023-hs4.")
]


class CountryPublic(BaseModel):
    """A country's stored export profile in a line: total exports (USD), diversity (products
    with RCA ≥ 1), ECI, its rank among ``n_countries``, complexity outlook index."""

    country: str
    year: int
    source: str
    total: float
    diversity: int
    eci: float | None
    eci_rank: int | None
    n_countries: int
    coi: float | None
    published: bool


class ExportsPublic(CountryPublic):
    """The whole profile: products with RCA ≥ 1 (biggest share first), opportunities with their
    reasons (hidden ones left out, listed in ``hidden`` with their reason), the OEC's published
    ECI by year, the method (thresholds, sources) and the exports by cluster when stored."""

    products: list[dict[str, Any]]
    opportunities: list[dict[str, Any]]
    published_eci: dict[int, float | None]
    method: dict[str, Any]
    hidden: dict[str, str]
    clusters: dict[str, Any] | None


Lang = Annotated[
    str, Query(pattern=r"^(fr|ar|en)$", description="Language of product names and reasons.")
]


def exports_public(stored: StoredExportProfile, lang: str = "en") -> ExportsPublic:
    """The API's form of a stored profile: products and opportunities as the kernel's records
    (:meth:`~grappe.complexity.exports.ExportProfile.to_records`, names and reasons in
    ``lang``), non-finite numbers as null."""
    p = stored.profile
    return ExportsPublic(
        country=p.country, year=int(p.year) if p.year is not None else 0, source=stored.source,
        total=p.total, diversity=p.diversity, eci=public(p.eci), eci_rank=p.eci_rank,
        n_countries=p.n_countries, coi=public(p.coi), published=stored.published,
        products=public(p.to_records(kind="products", lang=lang)),
        opportunities=public(p.to_records(kind="opportunities", lang=lang)),
        published_eci={int(y): public(v) for y, v in p.published_eci.items()},
        method=public(encode(dict(p.method))), hidden=dict(stored.hidden),
        clusters=None if stored.clusters is None
        else public(encode(dataclasses.asdict(stored.clusters))),
    )  # fmt: skip


def _sees_unpublished(token: ApiToken | None) -> bool:
    return token is not None and token.role in ("admin", "analyst")


@router.get("", summary="List countries with an export profile")
def read_countries(session: SessionDep, token: OptionalCaller) -> ListOf[CountryPublic]:
    """Published profiles (with an admin's or analyst's token: every stored one), by country
    then latest year."""
    rows = list_export_profiles(session, published_only=not _sees_unpublished(token))
    data = [CountryPublic(**dataclasses.asdict(r)) for r in rows]
    return ListOf[CountryPublic](data=data, count=len(data))


@router.get("/{iso3}/exports", summary="A country's export profile")
def read_country_exports(
    session: SessionDep, token: OptionalCaller, iso3: Iso3, year: Year = None,
    source: Source = None, lang: Lang = "en",
) -> ExportsPublic:  # fmt: skip
    """The published profile of a country (404 when none); an admin's or analyst's token also
    reads an unpublished one."""
    stored = load_export_profile(
        session, iso3, year=year, source=source, published_only=not _sees_unpublished(token)
    )
    return exports_public(stored, lang)


@router.post("/{iso3}/exports", summary="Compute and store a country's profile (admin, analyst)")
def create_country_exports(
    session: SessionDep, token: Caller, iso3: Iso3, response: Response
) -> ExportsPublic:
    """Compute the profile of a country of the shared 2020 trade matrix and store it, not
    published (the function of the observatory job and of ``grappe exports store``:
    :func:`grappe.registry.export_jobs.load_export_profiles`); a profile stored before is
    computed again and keeps its corrections and publication. 201 when it is new, 200 when it
    was there; 403 for other roles, 404 for a code that is not a row of the matrix, 503 when
    the matrix is not in the shared data folder (``GRAPPE_SHARED_DATA``)."""
    from grappe.registry.export_jobs import SOURCE, YEAR, load_export_profiles

    code = iso3.upper()
    who = ensure_allowed(token, "create", "export_profile", f"{code}/{YEAR}/{SOURCE}")
    before = {s.country for s in list_export_profiles(session, published_only=False)}
    report = load_export_profiles(session, who=who, countries=[code], strict=True, publish=False)
    if report.skipped is not None:
        raise ApiError(503, "unavailable", str(report.skipped))
    response.status_code = 200 if code in before else 201
    return exports_public(load_export_profile(session, code, year=YEAR, source=SOURCE))


Text = Annotated[str, StringConstraints(max_length=500)]
Product = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class NameCorrection(BaseModel):
    """A product's name in one language (an empty name removes the correction)."""

    model_config = ConfigDict(extra="forbid")

    product: Product
    lang: Annotated[str, StringConstraints(pattern=r"^(fr|ar|en)$")]
    name: Annotated[str, StringConstraints(max_length=300)]


class HiddenOpportunity(BaseModel):
    """An opportunity to hide and why."""

    model_config = ConfigDict(extra="forbid")

    product: Product
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500)]


class ExportsUpdate(BaseModel):
    """Changes to a stored profile, applied in this order in one transaction: names, hidden
    and shown opportunities, publication."""

    model_config = ConfigDict(extra="forbid")

    published: bool | None = None
    names: list[NameCorrection] = Field(default_factory=list, max_length=500)
    hide: list[HiddenOpportunity] = Field(default_factory=list, max_length=500)
    show: list[Product] = Field(default_factory=list, max_length=500)


@router.patch("/{iso3}/exports", summary="Correct or publish a country's profile (admin, analyst)")
def update_country_exports(
    session: SessionDep, token: Caller, iso3: Iso3, body: ExportsUpdate, year: Year = None,
    source: Source = None,
) -> ExportsPublic:  # fmt: skip
    """Admins and analysts (403 otherwise, 401 without a token). 404 for a country without a
    profile or a product it does not have; 422 for an empty reason or an unknown language.
    Each change is audited with the values before and after."""
    stored = load_export_profile(session, iso3, year=year, source=source)
    key = f"{stored.profile.country}/{stored.profile.year}/{stored.source}"
    fields = sorted(body.model_fields_set)
    who = ensure_allowed(token, "update", "export_profile", key, fields=fields)
    where = {"year": stored.profile.year, "source": stored.source}
    for fix in body.names:
        correct_product_name(session, who, iso3, fix.product, lang=fix.lang, name=fix.name,
                             **where)  # fmt: skip
    for item in body.hide:
        hide_opportunity(session, who, iso3, item.product, reason=item.reason, **where)
    for product in body.show:
        show_opportunity(session, who, iso3, product, **where)
    if body.published is not None:
        publish_export_profile(session, who, iso3, published=body.published, **where)
    return exports_public(load_export_profile(session, iso3, **where))
