"""What a stored cluster's country exports in the cluster's products: the country's stored export
profile (:mod:`grappe.registry.export_profiles`) read in the cluster's HS 4-digit headings.

* **The country** is that of the cluster's regions (``Region.country``, ISO 3166-1 alpha-2, made
  alpha-3 through the CLDR aliases of :func:`grappe.io.trade.iso3_codes`), unless the caller
  names one; regions in several countries leave it to the caller.
* **The headings** are those the cluster's manager names (``clusters.export_products``, set by
  :func:`set_export_products`, the workspace's cluster settings, the API's cluster ``PATCH``);
  when none are named and the cluster's ``definitions`` are a bundled set whose clusters include
  its ``sector``, they are derived through the bundled HS → NAICS concordance
  (:func:`grappe.complexity.exports_clusters.products_of_clusters`).
* **The profile** is the latest stored one of that country: published ones only for a reader who
  may not correct profiles (:func:`sees_unpublished_profiles`), never the opportunities an analyst
  hid (:func:`grappe.registry.export_profiles.load_export_profile` leaves them out).

Nothing is stored here but the headings: the rest is read on each call. A missing piece is said
in :attr:`ClusterCountryExports.missing` (with the command that fills it), never an error.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from grappe.errors import NotFoundError, PermissionDeniedError
from grappe.i18n import Message
from grappe.io.hs_headings import parse_headings
from grappe.registry.export_profiles import StoredExportProfile, load_export_profile
from grappe.registry.models import Cluster
from grappe.registry.permissions import Access, may_write_all, refusal
from grappe.registry.repositories import get, update_cluster
from grappe.roadmap.internationalisation import ClusterProduct, products_in_cluster

__all__ = [
    "ClusterCountryExports",
    "cluster_country",
    "cluster_country_exports",
    "cluster_headings",
    "headings_record",
    "sees_unpublished_profiles",
    "set_export_products",
]

#: The concordance that derives headings from a bundled definitions set (the one bundled).
CONCORDANCE = "NAICS2017-6"

# ISO 3166-3 codes of former countries that CLDR keeps as aliases of a current alpha-2 code
# (DDR → DE, SUN → RU): never the country of a region stored today.
_FORMER = frozenset({"ANT", "BUR", "DDR", "FXX", "NTZ", "SCG", "SUN", "TMP", "YMD", "YUG", "ZAR"})


@dataclass(frozen=True)
class ClusterCountryExports:
    """The country's stored export profile read in a cluster's headings.

    Attributes
    ----------
    cluster : str
    country : str or None
        ISO 3166-1 alpha-3 code (``"DZA"``); ``None`` when not known.
    country_from : {"given", "regions"} or None
    products : tuple of str or None
        The cluster's HS4 headings; ``None`` when not known.
    products_from : {"set", "derived", "given"} or None
        Named by the cluster's manager, derived from ``definitions`` and ``sector``, or given
        by the caller.
    definitions, sector : str or None
        The cluster's, named when the headings are derived from them.
    profile : StoredExportProfile or None
        The country's latest stored profile the reader may see (hidden opportunities left out).
    stored_opportunities : int
        How many opportunities the stored profile keeps (hidden ones included): the cluster's
        opportunities are among these first-ranked ones only.
    advantages, opportunities : tuple of ClusterProduct
        The profile's products exported with advantage (largest share first) and its
        opportunities (by rank) in the cluster's headings.
    missing : tuple of Message
        What could not be read, each with how to give it.
    """

    cluster: str
    country: str | None
    country_from: str | None
    products: tuple[str, ...] | None
    products_from: str | None
    definitions: str | None
    sector: str | None
    profile: StoredExportProfile | None
    stored_opportunities: int
    advantages: tuple[ClusterProduct, ...]
    opportunities: tuple[ClusterProduct, ...]
    missing: tuple[Message, ...]

    def internationalisation_options(self) -> dict[str, Any]:
        """The keyword options of
        :func:`grappe.registry.internationalisation.latest_internationalisation` (``country``,
        ``cluster_products``, ``opportunities``, ``advantages``)."""
        profile = None if self.profile is None else self.profile.profile
        return {
            "country": self.country,
            "cluster_products": self.products,
            "opportunities": () if profile is None else profile.opportunities,
            "advantages": () if profile is None else profile.products,
        }


def sees_unpublished_profiles(access: Access | None) -> bool:
    """Whether ``access`` reads unpublished export profiles: those who may correct them (admins
    and analysts, :data:`grappe.registry.permissions.RULES` kind ``export_profile``)."""
    return access is not None and may_write_all(access, "export_profile")


def _alpha3(alpha2: str) -> str | None:
    from grappe.io.trade import iso3_codes

    found = sorted(a3 for a3, a2 in iso3_codes().items() if a2 == alpha2 and a3 not in _FORMER)
    return found[0] if len(found) == 1 else None


def cluster_country(cluster: Cluster) -> tuple[str | None, Message | None]:
    """The ISO3 code of the country of ``cluster``'s regions, or ``None`` and why.

    Examples
    --------
    >>> from grappe.registry.models import Region
    >>> c = Cluster(id="x", name_en="X")
    >>> c.regions = [Region(id="DZ-07", code="07", country="DZ", region_type="wilaya",
    ...                     name_en="Biskra")]
    >>> cluster_country(c)
    ('DZA', None)
    """
    countries = sorted({r.country.upper() for r in cluster.regions})
    if not countries:
        return None, Message(
            "The cluster has no region, so its country is not known: choose its regions in the "
            "cluster's settings, or give the country (--country DZA)."
        )
    if len(countries) > 1:
        return None, Message(
            "The cluster's regions are in several countries ({countries}): give the country "
            "(--country DZA).",
            countries=", ".join(countries),
        )
    iso3 = _alpha3(countries[0])
    if iso3 is None:
        return None, Message(
            "No ISO 3166-1 alpha-3 code is known for the country {code!r} of the cluster's "
            "regions: give the country (--country DZA).",
            code=countries[0],
        )
    return iso3, None


@functools.lru_cache(maxsize=8)
def _bundled_headings(definitions: str) -> Mapping[str, tuple[str, ...]]:
    # bundled files: the same for the life of the process (0.5 s to compute, then a lookup)
    from grappe.complexity.exports_clusters import products_of_clusters
    from grappe.io.concordance import load_concordance
    from grappe.io.definitions import load_definitions

    return products_of_clusters(load_concordance(CONCORDANCE), load_definitions(definitions))


def cluster_headings(
    cluster: Cluster,
) -> tuple[tuple[str, ...] | None, str | None, Message | None]:
    """The cluster's HS4 headings, where they come from (``"set"`` or ``"derived"``), and why
    there are none.

    Headings named in ``export_products`` win; else, when ``definitions`` is a bundled set and
    ``sector`` one of its clusters, the headings that set's cluster reaches through the HS →
    NAICS concordance (the heading with the largest share first).

    References
    ----------
    .. [1] U.S. Census Bureau, Schedule B export concordance 2019 (``exp-code.txt``), public
       domain — ``grappe/data/concordance/PROVENANCE.md``.
    .. [2] Delgado, M., Porter, M. E. & Stern, S. (2016) Defining clusters of related industries.
       *Journal of Economic Geography* 16(1):1–38 (``us-benchmark``).
    """
    if cluster.export_products:
        return tuple(cluster.export_products), "set", None
    none = Message(
        "The cluster names no export headings: give them in the cluster's settings (Export "
        "headings, e.g. 0804), or give it definitions and a sector that names one of their "
        "clusters."
    )
    from grappe.definitions import BUNDLED_DEFINITIONS

    if not cluster.definitions or not cluster.sector:
        return None, None, none
    if cluster.definitions not in BUNDLED_DEFINITIONS:
        return (
            None,
            None,
            Message(
                "The cluster names no export headings and its definitions {definitions!r} are not "
                "a bundled set, so none can be derived: give them in the cluster's settings "
                "(Export headings, e.g. 0804).",
                definitions=cluster.definitions,
            ),
        )
    derived = _bundled_headings(cluster.definitions).get(str(cluster.sector))
    if not derived:
        return (
            None,
            None,
            Message(
                "No HS heading reaches the cluster {sector!r} of {definitions!r} through the HS → "
                "NAICS concordance (a cluster of services, or a code these definitions lack): give "
                "the headings in the cluster's settings (Export headings, e.g. 0804).",
                sector=str(cluster.sector),
                definitions=cluster.definitions,
            ),
        )
    return tuple(derived), "derived", None


def cluster_country_exports(
    session: Session,
    cluster_id: str,
    *,
    country: str | None = None,
    products: Iterable[str] | None = None,
    published_only: bool = True,
) -> ClusterCountryExports:
    """The country's stored export profile read in cluster ``cluster_id``'s headings.

    Parameters
    ----------
    session : Session
    cluster_id : str
    country : str, optional
        ISO3 code; default the country of the cluster's regions.
    products : iterable of str, optional
        HS4 headings that replace the cluster's (``products_from`` is then ``"given"``).
    published_only : bool, default True
        Read only a published profile (:func:`sees_unpublished_profiles` says who reads the
        others).

    Returns
    -------
    ClusterCountryExports
        Its ``missing`` says what could not be read (no region, no heading, no stored profile
        with the command that stores it).

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    InvalidParameterError
        ``country`` is not three letters.

    References
    ----------
    .. [1] Hausmann, R. et al. (2014) *The Atlas of Economic Complexity*, MIT Press
       (opportunities by relatedness density and complexity outlook gain).
    .. [2] Seed ``/work/shared/seeds/000_d53c24539b26db35.txt`` (the Biskra dates cluster).
    """
    cluster = get(session, Cluster, cluster_id, what="cluster")
    missing: list[Message] = []
    if country is not None:
        from grappe.errors import InvalidParameterError

        if not (len(country) == 3 and country.isalpha()):
            raise InvalidParameterError(
                Message(
                    "The country must be an ISO 3166-1 alpha-3 code (DZA, MAR, TUN); got "
                    "{country!r}.",
                    country=country,
                )
            )
        iso3, country_from = country.upper(), "given"
    else:
        iso3, why = cluster_country(cluster)
        country_from = None if iso3 is None else "regions"
        if why is not None:
            missing.append(why)
    if products is not None:
        headings: tuple[str, ...] | None = parse_headings(products, field="products")
        products_from: str | None = "given"
    else:
        headings, products_from, why = cluster_headings(cluster)
        if why is not None:
            missing.append(why)
    stored = None
    if iso3 is not None:
        try:
            stored = load_export_profile(
                session, iso3, published_only=published_only, with_hidden=True
            )
        except NotFoundError:
            missing.append(
                Message(
                    "No published export profile of {country} is stored: grappe exports store "
                    "{country} --trade FILE stores it, grappe exports publish {country} "
                    "publishes it.",
                    country=iso3,
                )
                if published_only
                else Message(
                    "No export profile of {country} is stored: grappe exports store {country} "
                    "--trade FILE stores it (the observatory job stores the Maghreb's five "
                    "countries).",
                    country=iso3,
                )
            )
    advantages: tuple[ClusterProduct, ...] = ()
    opportunities: tuple[ClusterProduct, ...] = ()
    kept = 0
    if stored is not None:
        # every opportunity stored is counted (the cluster's are among these first-ranked
        # ones); the hidden ones are then left out, for every reader
        kept = len(stored.profile.opportunities)
        visible = tuple(o for o in stored.profile.opportunities if o.product not in stored.hidden)
        stored = dataclasses.replace(
            stored, profile=dataclasses.replace(stored.profile, opportunities=visible)
        )
        profile = stored.profile
        advantages, opportunities = products_in_cluster(
            profile.products, profile.opportunities, headings
        )
    return ClusterCountryExports(
        cluster=cluster.id,
        country=iso3,
        country_from=country_from,
        products=headings,
        products_from=products_from,
        definitions=cluster.definitions if products_from == "derived" else None,
        sector=cluster.sector if products_from == "derived" else None,
        profile=stored,
        stored_opportunities=kept,
        advantages=advantages,
        opportunities=opportunities,
        missing=tuple(missing),
    )


def set_export_products(
    session: Session, who: Access | str, cluster_id: str, products: str | Iterable[str] | None
) -> Cluster:
    """Name the HS 4-digit headings of cluster ``cluster_id``'s exports (``"0804,2009"``; empty
    or ``None`` clears them, and they are derived again); audited with the headings before and
    after (nothing written when they do not change).

    Rights: those of changing the cluster (:data:`grappe.registry.permissions.RULES` kind
    ``cluster``: admins and its managers).

    Raises
    ------
    NotFoundError
        No such cluster.
    PermissionDeniedError
        ``who`` may not change this cluster.
    InvalidParameterError
        A heading that is not four digits or no heading of the Harmonized System (the message
        names the field ``export_products``); nothing is written.

    Examples
    --------
    >>> from grappe.registry import connect
    >>> factory = connect("sqlite://")
    >>> with factory.begin() as session:
    ...     session.add(Cluster(id="biskra-dates", name_en="Biskra dates"))
    ...     set_export_products(session, "doc", "biskra-dates", "0804; 2009").export_products
    ['0804', '2009']
    """
    get(session, Cluster, cluster_id, what="cluster")
    if isinstance(who, Access):
        refused = refusal(
            who, "update", "cluster", cluster_id, scope={cluster_id}, fields=["export_products"]
        )
        if refused is not None:
            raise PermissionDeniedError(str(refused))
    codes = parse_headings(products, field="export_products")
    return update_cluster(session, cluster_id, {"export_products": list(codes)}, who=who)


def headings_record(found: ClusterCountryExports) -> Mapping[str, Any]:
    """How the country and the headings were chosen, as the command line's JSON writes it."""
    return {
        "country": found.country,
        "country_from": found.country_from,
        "products": list(found.products or ()),
        "products_from": found.products_from,
        "definitions": found.definitions,
        "sector": found.sector,
        "profile_year": None if found.profile is None else found.profile.profile.year,
        "profile_source": None if found.profile is None else found.profile.source,
        "published": None if found.profile is None else found.profile.published,
        "stored_opportunities": found.stored_opportunities,
    }
