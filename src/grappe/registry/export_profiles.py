"""Countries' export profiles in the registry: stored, read back, corrected, published, audited.

A profile is the kernel's :class:`grappe.complexity.exports.ExportProfile` of one country, year
and source (e.g. ``"stojkoski2023-hs4"``, the bundled 2020 trade matrix), stored with the
exports by cluster when a concordance placed them
(:class:`grappe.complexity.exports_clusters.ClusterExports`). It is read back into the same
dataclasses, with the corrections people made applied on top:

* a product's name in a language (:func:`correct_product_name`): the HS nomenclature's name may
  read badly for a country's product (``"Tropical fruits"`` is dates for Algeria);
* an opportunity hidden with a reason (:func:`hide_opportunity`), e.g. a product a ministry
  knows to be out of reach; it is kept, listed in :attr:`StoredExportProfile.hidden`.

Storing a recomputed profile again (the observatory job does, every run) replaces the computed
part and keeps the corrections and the publication. Profiles are open data, like regions and
indicators: record kind ``export_profile`` of :data:`grappe.registry.permissions.RULES` (admins
and analysts write, admins delete). Each write appends an audit entry with the values before and
after. Only published profiles are public (the API and the pages read them with
``published_only=True``).

References
----------
Hidalgo, C. A. & Hausmann, R. (2009). The building blocks of economic complexity. *PNAS*
106(26), 10570–10575. — the indicators a profile holds (see docs/exports.md).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.complexity.exports import ExportProduct, ExportProfile, Opportunity, upgrade_reason
from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
from grappe.i18n import Message, Number, Parts
from grappe.registry.assessment_documents import decode, encode
from grappe.registry.export_models import ExportProfileRow, ProductSpaceRow
from grappe.registry.models import utc_now
from grappe.registry.permissions import Access, name_of, refusal
from grappe.registry.repositories import audit, changed_fields
from grappe.vocabulary import LANGUAGES

__all__ = [
    "ExportProfileSummary",
    "ProductSpace",
    "StoredExportProfile",
    "correct_product_name",
    "has_product_space",
    "has_published_profile",
    "hide_opportunity",
    "list_export_profiles",
    "load_export_profile",
    "load_product_space",
    "publish_export_profile",
    "show_opportunity",
    "store_export_profile",
    "store_product_space",
]

_KIND = "export_profile"
#: Fields of the profile kept in columns (the rest is the JSON document).
_COLUMNS = ("total", "diversity", "eci", "eci_rank", "n_countries", "coi")


@dataclass(frozen=True)
class StoredExportProfile:
    """A stored profile: the kernel's profile (corrections applied), where it comes from, the
    exports by cluster and what people changed.

    Attributes
    ----------
    id : int
    source : str
        The trade data the profile was computed on (e.g. ``"stojkoski2023-hs4"``).
    profile : ExportProfile
        With corrected names in ``products`` and ``opportunities``, hidden opportunities left
        out (their ranks unchanged).
    clusters : ClusterExports or None
        Exports by cluster, when stored.
    hidden : Mapping[str, str]
        Product → the reason its opportunity is hidden.
    names : Mapping[str, Mapping[str, str]]
        Product → language → the corrected name.
    published : bool
    """

    id: int
    source: str
    profile: ExportProfile
    clusters: Any
    hidden: Mapping[str, str]
    names: Mapping[str, Mapping[str, str]]
    published: bool


@dataclass(frozen=True)
class ExportProfileSummary:
    """One line of the country index: the headline figures of a stored profile."""

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


def _allowed(who: str | Access, action: str, key: str) -> None:
    if isinstance(who, Access):
        refused = refusal(who, action, _KIND, key)
        if refused is not None:
            raise PermissionDeniedError(str(refused))


def _number(value: Any) -> float | None:
    """A column's value: NaN (an ECI the kernel could not compute) is stored as NULL."""
    if value is None:
        return None
    value = float(value)
    return value if value == value else None


def _encode(value: Any) -> Any:
    """``value`` as JSON, messages kept translatable: a :class:`~grappe.i18n.Message` (an
    opportunity's reason) as its template and values, :class:`~grappe.i18n.Parts` as a list
    of them, a :class:`~grappe.i18n.Number` as its value and form (the reader's language
    writes it when shown), the rest as :func:`~grappe.registry.assessment_documents.encode`
    writes it."""
    if isinstance(value, Number):
        return {
            "$number": encode(value.value),
            "digits": value.digits,
            "signed": value.signed,
            "percent": value.percent,
        }
    if isinstance(value, Message):
        return {"$message": value.template, "values": _encode(value.values)}
    if isinstance(value, Parts):
        return {"$parts": [_encode(v) for v in value]}
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return encode(value)


def _decode(value: Any) -> Any:
    """The inverse of :func:`_encode` (lists come back as tuples, mappings as dicts); a reason
    stored before its numbers were :class:`~grappe.i18n.Number` values comes back with them
    (:func:`~grappe.complexity.exports.upgrade_reason`)."""
    if isinstance(value, Mapping):
        if "$number" in value:
            forms = {k: value[k] for k in ("digits", "signed", "percent") if k in value}
            return Number(decode(value["$number"]), **forms)
        if set(value) == {"$message", "values"}:
            return upgrade_reason(Message(value["$message"], **_decode(value["values"])))
        if set(value) == {"$parts"}:
            return Parts(_decode(v) for v in value["$parts"])
        if set(value) == {"$float"}:
            return decode(value)
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value


def _document(obj: Any) -> dict[str, Any]:
    """A dataclass of the kernel as JSON, field by field (fields the kernel adds come along)."""
    return {f.name: _encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _build(cls: type, doc: Mapping[str, Any]) -> Any:
    """The inverse of :func:`_document`; keys the dataclass does not know are left out."""
    known = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in _decode(dict(doc)).items() if k in known})


def _profile_document(profile: ExportProfile) -> dict[str, Any]:
    doc = _document(profile)
    doc["products"] = [_document(p) for p in profile.products]
    doc["opportunities"] = [_document(o) for o in profile.opportunities]
    return doc


def _load_profile(row: ExportProfileRow, *, with_hidden: bool = False) -> tuple[ExportProfile, Any]:
    doc = dict(row.document)
    fixes = row.names or {}

    def named(item: Any) -> Any:
        fix = fixes.get(item.product)
        return dataclasses.replace(item, names={**item.names, **fix}) if fix else item

    products = tuple(named(_build(ExportProduct, p)) for p in doc.pop("products"))
    opportunities = tuple(
        named(_build(Opportunity, o))
        for o in doc.pop("opportunities")
        if with_hidden or o["product"] not in (row.hidden or {})
    )
    published = {int(year): value for year, value in _decode(doc.pop("published_eci")).items()}
    fields = _decode(doc)
    fields.update(products=products, opportunities=opportunities, published_eci=published)
    known = {f.name for f in dataclasses.fields(ExportProfile)}
    profile = ExportProfile(**{k: v for k, v in fields.items() if k in known})
    clusters = None
    if row.clusters is not None:
        from grappe.complexity.exports_clusters import ClusterExportRow, ClusterExports

        data = dict(row.clusters)
        rows = tuple(_build(ClusterExportRow, r) for r in data.pop("rows"))
        clusters = _build(ClusterExports, {**data, "rows": []})
        clusters = dataclasses.replace(clusters, rows=rows)
    return profile, clusters


def _clusters_document(clusters: Any) -> dict[str, Any]:
    doc = _document(clusters)
    doc["rows"] = [_document(r) for r in clusters.rows]
    return doc


def _summary_record(row: ExportProfileRow) -> dict[str, Any]:
    """What the audit log keeps of a profile: its key, figures, corrections, publication."""
    return {
        "country": row.country, "year": row.year, "source": row.source,
        **{c: getattr(row, c) for c in _COLUMNS},
        "products": len(row.document["products"]),
        "opportunities": len(row.document["opportunities"]),
        "names": dict(row.names or {}), "hidden": dict(row.hidden or {}),
        "published": row.published,
    }  # fmt: skip


def _key(country: str, year: int, source: str) -> str:
    return f"{country}/{year}/{source}"


def store_export_profile(
    session: Session,
    who: str | Access,
    profile: ExportProfile,
    *,
    source: str,
    year: int | None = None,
    clusters: Any = None,
    publish: bool | None = None,
) -> int:
    """Store (or replace) the profile of a country, year and source; return its id.

    A profile stored before under the same key is replaced, its corrections (names, hidden
    opportunities) and publication kept unless ``publish`` is given; one stored again unchanged
    is left as it is (no write, no audit entry).

    Parameters
    ----------
    session : Session
    who : str or Access
        The caller (a plain name: a local caller, the observatory job).
    profile : ExportProfile
        From :func:`grappe.complexity.exports.export_profile`.
    source : str
        The trade data it was computed on (1–64 characters), e.g. ``"stojkoski2023-hs4"``.
    year : int, optional
        The year of the trade data; default the profile's ``year``.
    clusters : ClusterExports, optional
        The country's exports by cluster (:func:`grappe.complexity.exports_clusters.
        exports_by_cluster`).
    publish : bool, optional
        Publish (True) or unpublish (False); None keeps a stored profile's state (a new one
        is not published).

    Returns
    -------
    int
        The row's id.

    Raises
    ------
    InvalidParameterError
        ``profile`` is not an ExportProfile, no year is known, or ``source`` is empty or too
        long.
    PermissionDeniedError
        ``who`` may not write export profiles.
    """
    if not isinstance(profile, ExportProfile):
        raise InvalidParameterError(
            "The 'profile' parameter of store_export_profile must be a "
            f"grappe.complexity.exports.ExportProfile. Got {type(profile).__name__} instead."
        )
    year = profile.year if year is None else year
    if not isinstance(year, int) or isinstance(year, bool):
        raise InvalidParameterError(
            "The 'year' parameter of store_export_profile must be given (a whole number) when "
            f"the profile has none. Got {year!r} instead."
        )
    if not isinstance(source, str) or not 0 < len(source) <= 64:
        raise InvalidParameterError(
            "The 'source' parameter of store_export_profile must be a name of 1 to 64 "
            f"characters (e.g. 'stojkoski2023-hs4'). Got {source!r} instead."
        )
    country = profile.country.upper()
    key = _key(country, year, source)
    row = session.scalars(
        select(ExportProfileRow).where(
            ExportProfileRow.country == country,
            ExportProfileRow.year == year,
            ExportProfileRow.source == source,
        )
    ).one_or_none()
    _allowed(who, "create" if row is None else "update", key)
    document = _profile_document(profile)
    cluster_doc = None if clusters is None else _clusters_document(clusters)
    columns = {c: _number(getattr(profile, c)) for c in _COLUMNS}
    rank = None if profile.eci_rank is None else int(profile.eci_rank)
    columns.update(
        diversity=int(profile.diversity), n_countries=int(profile.n_countries), eci_rank=rank
    )
    if (
        row is not None
        and row.document == document
        and row.clusters == cluster_doc
        and all(getattr(row, c) == v for c, v in columns.items())
        and (publish is None or row.published == bool(publish))
    ):
        return row.id  # stored again unchanged (the job at each start): no write, no entry
    before = None if row is None else _summary_record(row)
    if row is None:
        row = ExportProfileRow(
            country=country, year=year, source=source, names={}, hidden={},
            published=bool(publish), created_by=name_of(who),
        )  # fmt: skip
        session.add(row)
    else:
        row.updated_at = utc_now()
        if publish is not None:
            row.published = bool(publish)
    for column, value in columns.items():
        setattr(row, column, value)
    row.document = document
    row.clusters = cluster_doc
    session.flush()
    after = _summary_record(row)
    if before is None:
        audit(session, who, "create", _KIND, key, after=after)
    else:
        old, new = changed_fields(before, after)
        audit(session, who, "update", _KIND, key, before=old, after=new)
    return row.id


def _row(
    session: Session,
    country: str,
    *,
    year: int | None,
    source: str | None,
    published_only: bool,
) -> ExportProfileRow:
    query = select(ExportProfileRow).where(ExportProfileRow.country == country.upper())
    if year is not None:
        query = query.where(ExportProfileRow.year == year)
    if source is not None:
        query = query.where(ExportProfileRow.source == source)
    if published_only:
        query = query.where(ExportProfileRow.published.is_(True))
    row = session.scalars(
        query.order_by(ExportProfileRow.year.desc(), ExportProfileRow.source).limit(1)
    ).first()
    if row is None:
        what = f"No {'published ' if published_only else ''}export profile of {country!r}"
        what += f" for {year}" if year is not None else ""
        what += f" from {source!r}" if source is not None else ""
        raise NotFoundError(what + ".")
    return row


def load_export_profile(
    session: Session,
    country: str,
    *,
    year: int | None = None,
    source: str | None = None,
    published_only: bool = False,
    with_hidden: bool = False,
) -> StoredExportProfile:
    """The stored profile of ``country`` (ISO3), the latest year unless ``year`` is given.

    Parameters
    ----------
    session : Session
    country : str
        ISO 3166-1 alpha-3 code, e.g. ``"DZA"`` (any case).
    year, source : optional
        Which profile; default the latest year (then the first source by name).
    published_only : bool, default False
        Only a published profile (what the public sees).
    with_hidden : bool, default False
        Keep hidden opportunities in ``profile.opportunities`` (an analyst's view).

    Raises
    ------
    NotFoundError
        No such profile.
    """
    row = _row(session, country, year=year, source=source, published_only=published_only)
    profile, clusters = _load_profile(row, with_hidden=with_hidden)
    return StoredExportProfile(
        id=row.id, source=row.source, profile=profile, clusters=clusters,
        hidden=dict(row.hidden or {}), names={k: dict(v) for k, v in (row.names or {}).items()},
        published=row.published,
    )  # fmt: skip


def has_published_profile(session: Session, country: str) -> bool:
    """Whether ``country`` (ISO3) has a published profile (a page links to it only then)."""
    query = select(ExportProfileRow.id).where(
        ExportProfileRow.country == country.upper(), ExportProfileRow.published.is_(True)
    )
    return session.scalars(query.limit(1)).first() is not None


def list_export_profiles(
    session: Session, *, published_only: bool = True
) -> list[ExportProfileSummary]:
    """The stored profiles (published ones only by default), by country then latest year."""
    query = select(ExportProfileRow)
    if published_only:
        query = query.where(ExportProfileRow.published.is_(True))
    rows = session.scalars(
        query.order_by(
            ExportProfileRow.country, ExportProfileRow.year.desc(), ExportProfileRow.source
        )
    )
    return [
        ExportProfileSummary(
            country=r.country,
            year=r.year,
            source=r.source,
            total=r.total,
            diversity=r.diversity,
            eci=r.eci,
            eci_rank=r.eci_rank,
            n_countries=r.n_countries,
            coi=r.coi,
            published=r.published,
        )  # fmt: skip
        for r in rows
    ]


def _change(
    session: Session,
    who: str | Access,
    country: str,
    year: int | None,
    source: str | None,
    change: Any,
) -> ExportProfileRow:
    row = _row(session, country, year=year, source=source, published_only=False)
    key = _key(row.country, row.year, row.source)
    _allowed(who, "update", key)
    before = _summary_record(row)
    change(row)
    row.updated_at = utc_now()
    session.flush()
    old, new = changed_fields(before, _summary_record(row))
    audit(session, who, "update", _KIND, key, before=old, after=new)
    return row


def _products(row: ExportProfileRow, kind: str) -> set[str]:
    return {item["product"] for item in row.document[kind]}


def correct_product_name(
    session: Session,
    who: str | Access,
    country: str,
    product: str,
    *,
    lang: str,
    name: str | None,
    year: int | None = None,
    source: str | None = None,
) -> None:
    """Correct the name of ``product`` in ``lang`` in a country's profile (None or an empty
    name removes the correction, the nomenclature's name shows again).

    Raises
    ------
    NotFoundError
        No such profile, or ``product`` is neither among its products nor its opportunities.
    InvalidParameterError
        ``lang`` is not one of fr, ar, en, or the name is longer than 300 characters.
    PermissionDeniedError
        ``who`` may not change export profiles.
    """
    if lang not in LANGUAGES:
        raise InvalidParameterError(
            "The 'lang' parameter of correct_product_name must be one of "
            f"{', '.join(LANGUAGES)}. Got {lang!r} instead."
        )
    text = (name or "").strip()
    if len(text) > 300:
        raise InvalidParameterError(
            "The 'name' parameter of correct_product_name must be at most 300 characters. "
            f"Got {len(text)} instead."
        )

    def change(row: ExportProfileRow) -> None:
        if product not in _products(row, "products") | _products(row, "opportunities"):
            raise NotFoundError(
                f"No product {product!r} in the export profile of {row.country} {row.year}: "
                "give a product of its table (the trade file's column name)."
            )
        names = {k: dict(v) for k, v in (row.names or {}).items()}
        mine = names.setdefault(product, {})
        if text:
            mine[lang] = text
        else:
            mine.pop(lang, None)
        row.names = {k: v for k, v in names.items() if v}

    _change(session, who, country, year, source, change)


def hide_opportunity(
    session: Session,
    who: str | Access,
    country: str,
    product: str,
    *,
    reason: str,
    year: int | None = None,
    source: str | None = None,
) -> None:
    """Hide the opportunity ``product`` of a country's profile, saying why.

    Raises
    ------
    NotFoundError
        No such profile, or ``product`` is not one of its opportunities.
    InvalidParameterError
        ``reason`` is empty or longer than 500 characters.
    PermissionDeniedError
        ``who`` may not change export profiles.
    """
    text = (reason or "").strip()
    if not 0 < len(text) <= 500:
        raise InvalidParameterError(
            "The 'reason' parameter of hide_opportunity must say why in 1 to 500 characters. "
            f"Got {reason!r} instead."
        )

    def change(row: ExportProfileRow) -> None:
        if product not in _products(row, "opportunities"):
            raise NotFoundError(
                f"No opportunity {product!r} in the export profile of {row.country} "
                f"{row.year}: give a product of its opportunities."
            )
        row.hidden = {**(row.hidden or {}), product: text}

    _change(session, who, country, year, source, change)


def show_opportunity(
    session: Session,
    who: str | Access,
    country: str,
    product: str,
    *,
    year: int | None = None,
    source: str | None = None,
) -> None:
    """Show again an opportunity hidden by :func:`hide_opportunity`.

    Raises
    ------
    NotFoundError
        No such profile, or the opportunity ``product`` is not hidden.
    PermissionDeniedError
        ``who`` may not change export profiles.
    """

    def change(row: ExportProfileRow) -> None:
        if product not in (row.hidden or {}):
            raise NotFoundError(
                f"The opportunity {product!r} of {row.country} {row.year} is not hidden."
            )
        row.hidden = {k: v for k, v in row.hidden.items() if k != product}

    _change(session, who, country, year, source, change)


def publish_export_profile(
    session: Session,
    who: str | Access,
    country: str,
    *,
    published: bool = True,
    year: int | None = None,
    source: str | None = None,
) -> None:
    """Publish (or, with ``published=False``, withdraw) a country's stored profile.

    Raises
    ------
    NotFoundError
        No such profile.
    PermissionDeniedError
        ``who`` may not change export profiles.
    """

    def change(row: ExportProfileRow) -> None:
        row.published = bool(published)

    _change(session, who, country, year, source, change)


@dataclass(frozen=True)
class ProductSpace:
    """A product space laid out for a drawing: ``positions`` product → (x, y) in [0, 1],
    ``links`` the pairs of products joined, ``method`` how it was built."""

    year: int
    source: str
    positions: Mapping[str, tuple[float, float]]
    links: tuple[tuple[str, str], ...]
    method: Mapping[str, Any]


def store_product_space(
    session: Session,
    who: str | Access,
    positions: Mapping[str, tuple[float, float]],
    links: Any,
    *,
    year: int,
    source: str,
    method: Mapping[str, Any],
) -> int:
    """Store (or replace) the product space of a trade source and year; return its id.

    Parameters
    ----------
    positions : Mapping[str, tuple of float]
        Product → (x, y), from :func:`grappe.complexity.space.space_layout`.
    links : iterable of (str, str)
        The edges of :func:`grappe.complexity.space.industry_space`.
    year, source : int, str
        As the profiles drawn on it.
    method : Mapping
        Sample, threshold, layout and seed (shown under the drawing).

    Raises
    ------
    InvalidParameterError
        A link joins a product without a position, or a position is outside [0, 1].
    PermissionDeniedError
        ``who`` may not write export profiles.
    """
    nodes = [{"product": str(p), "x": float(x), "y": float(y)} for p, (x, y) in positions.items()]
    index = {n["product"]: i for i, n in enumerate(nodes)}
    if any(not (0.0 <= n["x"] <= 1.0 and 0.0 <= n["y"] <= 1.0) for n in nodes):
        raise InvalidParameterError(
            "The 'positions' parameter of store_product_space must place every product in the "
            "unit square (grappe.complexity.space.space_layout). Got a position outside it."
        )
    pairs = []
    for a, b in links:
        if str(a) not in index or str(b) not in index:
            raise InvalidParameterError(
                "The 'links' parameter of store_product_space must join products of "
                f"'positions'. Got the link {a!r}–{b!r} instead."
            )
        pairs.append([index[str(a)], index[str(b)]])
    key = f"space/{year}/{source}"
    row = session.scalars(
        select(ProductSpaceRow).where(
            ProductSpaceRow.year == year, ProductSpaceRow.source == source
        )
    ).one_or_none()
    _allowed(who, "create" if row is None else "update", key)
    encoded = _encode(dict(method))
    if row is not None and (row.nodes, row.links, row.method) == (nodes, pairs, encoded):
        return row.id  # the same space again: no write, no entry
    action = "create" if row is None else "update"
    if row is None:
        row = ProductSpaceRow(year=year, source=source, created_by=name_of(who))
        session.add(row)
    row.nodes, row.links, row.method = nodes, pairs, encoded
    session.flush()
    summary = {"nodes": len(nodes), "links": len(pairs), "method": row.method}
    audit(session, who, action, _KIND, key, after=summary)
    return row.id


def has_product_space(session: Session, *, year: int, source: str) -> bool:
    """Whether a product space of ``source`` and ``year`` is stored."""
    query = select(ProductSpaceRow.id).where(
        ProductSpaceRow.year == year, ProductSpaceRow.source == source
    )
    return session.scalars(query.limit(1)).first() is not None


def load_product_space(session: Session, *, year: int, source: str) -> ProductSpace:
    """The stored product space of a trade source and year.

    Raises
    ------
    NotFoundError
        None is stored.
    """
    row = session.scalars(
        select(ProductSpaceRow).where(
            ProductSpaceRow.year == year, ProductSpaceRow.source == source
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"No product space stored for {year} from {source!r}.")
    names = [n["product"] for n in row.nodes]
    return ProductSpace(
        year=row.year, source=row.source,
        positions={n["product"]: (n["x"], n["y"]) for n in row.nodes},
        links=tuple((names[i], names[j]) for i, j in row.links),
        method=_decode(row.method),
    )  # fmt: skip
