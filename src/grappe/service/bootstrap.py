"""Pre-load an observatory database with the real data bundled with grappe.

* US states and their cluster map: the bundled County Business Patterns state file (U.S. Census
  Bureau, public domain, 2017–2021) mapped with the ``us-benchmark`` definitions by
  :func:`grappe.mapping.map_clusters`; every cluster that is *strong* in a state in the latest
  year gets a published profile.
* The Knoke example network (10 Indianapolis organisations, information and funding ties) as the
  members and ties of one cluster profile.
* The 58 Algerian wilayas (TransformaTek, CC BY 4.0 / CC0) with French and Arabic names and a
  representative point (see ``grappe/data/dz/PROVENANCE.md``).

Everything goes through :func:`grappe.registry.import_table`, so loading twice changes nothing.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from grappe.registry.database import connect, session_scope
from grappe.registry.imports import ImportReport, import_table

__all__ = ["load_bundled_data"]

#: Called as ``progress(step, done, total)``.
Progress = Callable[[str, int, int], None]

WHO = "bootstrap"
KNOKE_CLUSTER = "knoke-indianapolis"


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


#: Years of the bundled CBP file the observatory publishes: all of them. CBP withheld about
#: 3,900 state cells in 2017 (about ten a year later); the reader's CBP default,
#: ``withheld="impute_residual"``, restores them from their parent codes (see "Withheld cells"
#: in docs/data-input.md), so 2017 is comparable with later years.
BUNDLED_YEARS = (2017, 2018, 2019, 2020, 2021)


def _us_cluster_map() -> Any:
    from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
    from grappe.mapping import map_clusters

    table = read_regional_table(bundled_cbp_state_path(), source="cbp", years=BUNDLED_YEARS)
    return table, map_clusters(table, load_definitions("us-benchmark"))


def _wilayas() -> bytes:
    from grappe.io.presets import bundled_path

    with bundled_path("dz", "wilayas.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return _csv(
        ["id", "code", "country", "region_type", "name_en", "name_fr", "name_ar", "lat", "lon"],
        (
            [f"DZ-{r['code']}", r["code"], "DZ", "wilaya", r["name_fr"], r["name_fr"],
             r["name_ar"], r["lat"], r["lon"]]
            for r in rows
        ),
    )  # fmt: skip


_INDICATOR_COLUMNS = ["region", "cluster", "cluster_name", "cluster_type", "year", "employment",
                      "establishments", "payroll", "avg_wage", "lq", "national_share", "focus",
                      "strong", "stars"]  # fmt: skip


def _indicator_rows(frame: Any) -> bytes:
    # CBP payroll is in $1,000: store dollars so that the pages can say "$".
    records = frame[_INDICATOR_COLUMNS].astype(object).itertuples(index=False, name=None)
    out = []
    for r in records:
        payroll = None if _missing(r[7]) else float(r[7]) * 1000.0
        wage = None if _missing(r[8]) else round(float(r[8]) * 1000.0, 2)
        out.append([f"US-{r[0]}", r[1], r[2], r[3], int(r[4]), r[5], r[6], payroll, wage, r[9],
                    r[10], r[11], "true" if r[12] else "false", int(r[13])])  # fmt: skip
    return _csv(_INDICATOR_COLUMNS, out)


def _knoke() -> tuple[bytes, bytes]:
    from grappe.io.network import read_example_network

    net = read_example_network("knoke")
    actors = _csv(
        ["id", "name", "sphere", "level", "region", "cluster"],
        (
            [f"knoke-{a.id}", a.name, a.sphere, a.level, "US-18", KNOKE_CLUSTER]
            for a in net.actors.itertuples(index=False)
        ),
    )
    ties = _csv(
        ["source", "target", "type", "strength"],
        (
            [f"knoke-{t.source}", f"knoke-{t.target}", t.type,
             1.0 if _missing(t.strength) else float(t.strength)]
            for t in net.ties.itertuples(index=False)
        ),
    )  # fmt: skip
    return actors, ties


def load_bundled_data(
    database_url: str, *, progress: Progress | None = None
) -> dict[str, ImportReport]:
    """Load the bundled real data into the registry at ``database_url`` (migrated first).

    Parameters
    ----------
    database_url : str
        SQLAlchemy URL, e.g. ``"sqlite:///observatory.sqlite"``.
    progress : callable, optional
        Called as ``progress(step, done, total)`` while each step writes its rows.

    Returns
    -------
    dict of str to ImportReport
        One report per step (``regions``, ``indicators``, ``clusters``, ``actors``, ``ties``);
        on a second run every row is ``unchanged``.

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
    table, cmap = _us_cluster_map()
    ind = cmap.indicators
    mapped = set(ind["region"].astype(str))
    states = _csv(
        ["id", "code", "country", "region_type", "name_en", "name_fr"],
        (
            [f"US-{code}", code, "US", "state", name, name]
            for code, name in sorted(table.region_names.items())
            if code in mapped
        ),
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
    actors, ties = _knoke()
    steps: list[tuple[str, str, bytes, str]] = [
        ("regions", "regions", _wilayas(), "dz_wilayas.csv"),
        ("regions", "regions", states, "us_states.csv"),
        ("indicators", "indicators", _indicator_rows(ind), "cbp_state_us_benchmark.csv"),
        ("clusters", "clusters", clusters, "us_strong_clusters.csv"),
        ("clusters", "clusters", knoke_cluster, "knoke_cluster.csv"),
        ("actors", "actors", actors, "knoke_actors.csv"),
        ("ties", "ties", ties, "knoke_ties.csv"),
    ]
    reports: dict[str, ImportReport] = {}
    with session_scope(sessions) as session:
        for key, kind, data, filename in steps:

            def tick(done: int, total: int, _name: str = filename) -> None:
                if progress is not None:
                    progress(_name, done, total)

            report = import_table(
                session, data, kind=kind, filename=filename, who=WHO,
                definitions="us-benchmark", progress=tick,
            )  # fmt: skip
            reports[key if key not in reports else f"{key}:{filename}"] = report
    sessions.kw["bind"].dispose()
    return reports
