"""Map clusters: a regional table and cluster definitions → every indicator (no I/O).

:func:`map_clusters` aggregates the rows of a :class:`~grappe.model.RegionalTable` into dense
region × cluster × year arrays with one :func:`numpy.bincount` per measure, computes every
indicator of :mod:`grappe.indicators` on those arrays at once, and returns a
:class:`ClusterMap` of tidy DataFrames. See ``docs/indicators.md`` for formulas and
conventions and ``docs/architecture.md`` for the column contract.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from grappe._validation import check_option
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.indicators.growth import _cagr
from grappe.mapping._core import (
    LQ_CONVENTIONS,
    TOTAL_RULES,
    _checked_options,
    _classification_of,
    indicator_values,
    national_counts,
)
from grappe.mapping._cube import (
    _build_cube,
    _categorical,
    _check_within_reference,
    _industry_plan,
    _with_custom_regions,
    definition_rules,
)
from grappe.mapping._rules import (
    MEASURES,
    REGION_RANKINGS,
    _check_measure,
)
from grappe.model import ClusterDefinitions, RegionalTable

if TYPE_CHECKING:  # pandas builds the frames; the kernel on arrays (mapping.arrays) needs none
    import pandas as pd

__all__ = [
    "LQ_CONVENTIONS",
    "MEASURES",
    "REGION_RANKINGS",
    "TOTAL_RULES",
    "ClusterMap",
    "industry_clusters",
    "map_clusters",
]


@dataclass(frozen=True)
class ClusterMap:
    """Every indicator of every region × cluster × year, as tidy DataFrames.

    Attributes
    ----------
    indicators : pandas.DataFrame
        One row per region × cluster × year (every combination, zero employment included),
        sorted by region, cluster, year. Columns: ``region``, ``region_name``,
        ``region_type``, ``cluster``, ``cluster_name``, ``cluster_type`` (categoricals),
        ``year`` (int16), ``employment``, ``establishments``, ``payroll`` (the table's unit),
        ``avg_wage`` (payroll per job), ``lq`` (convention ``lq_convention``), ``lq_total``
        (plain), ``national_share``, ``focus`` (these four on the ``measure``),
        ``employment_pct``, ``lq_pct``, ``establishments_pct`` (percentile ranks 0–100 among
        the table's regions; see ``regions_ranking`` for custom regions), ``strong``,
        ``strong_90``, ``star_size``, ``star_specialisation``, ``star_focus`` (bool; stars
        for traded clusters unless ``star_local``), ``stars`` (0–3, int8), ``withheld``
        (number of withheld cells summed, int32).
    regions : pandas.DataFrame
        One row per region × year: ``region``, ``region_name``, ``region_type``, ``year``,
        ``employment`` (total employment, the denominator of ``focus`` and ``lq_total``),
        ``traded_employment``, ``local_employment`` (these three hold the ``measure``'s
        counts when it is not employment), ``strong_clusters`` (number of strong
        traded clusters), ``cluster_strength`` (share of traded employment in strong traded
        clusters).
    national : pandas.DataFrame
        One row per cluster × year: ``cluster``, ``year``, ``employment``,
        ``establishments``, ``payroll`` of the nation (the base regions, or ``reference``).
    definitions : str
        Name of the cluster definitions used.
    lq_convention : str
        Convention of the ``lq`` column.
    parameters : Mapping
        Every threshold and option used, by name; also ``measure`` (the count ranked),
        ``strong_criteria`` (the criteria the strong test used, e.g. ``("lq", "employment")``
        for a table without establishments), ``regions_ranking`` (None without custom
        regions) and ``unit`` (the table's unit of counts as published, e.g. Eurostat's
        ``"THS"`` for thousands; None for plain counts).
    """

    indicators: pd.DataFrame
    regions: pd.DataFrame
    national: pd.DataFrame
    definitions: str = "custom"
    lq_convention: str = "cmp"
    parameters: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def years(self) -> tuple[int, ...]:
        """Years mapped, sorted."""
        import pandas as pd

        return tuple(sorted(int(y) for y in pd.unique(self.regions["year"])))

    def growth(self, start: int, end: int) -> pd.DataFrame:
        """Employment growth of every region × cluster between two mapped years.

        Parameters
        ----------
        start, end : int
            First and last year, ``start < end``, both mapped.

        Returns
        -------
        pandas.DataFrame
            One row per region × cluster: ``region``, ``region_name``, ``region_type``,
            ``cluster``, ``cluster_name``, ``cluster_type``, ``start``, ``end`` (years),
            ``employment_start``, ``employment_end``, ``job_change`` (jobs) and ``cagr``
            (compound annual growth rate, NaN when ``employment_start`` is 0).

        Raises
        ------
        InvalidParameterError
            If a year was not mapped or ``start >= end``.

        References
        ----------
        .. [1] Delgado, M., Porter, M. E., & Stern, S. (2014). Clusters, convergence, and
           economic performance. *Research Policy*, 43(10), 1785–1799.
        """
        func = "ClusterMap.growth"
        years = self.years
        check_option(start, "start", years, func=func)
        check_option(end, "end", years, func=func)
        if start >= end:
            raise InvalidParameterError(
                Message(
                    "The {name!r} parameter of {func} must be a year after 'start' ({start}). "
                    "Got {value!r} instead.",
                    name="end",
                    func=func,
                    start=start,
                    value=end,
                )
            )
        keys = ["region", "cluster"]
        labels = ["region_name", "region_type", "cluster_name", "cluster_type"]
        ind = self.indicators
        first = ind.loc[ind["year"] == start, keys + labels + ["employment"]]
        last = ind.loc[ind["year"] == end, [*keys, "employment"]]
        merged = first.merge(last, on=keys, how="outer", suffixes=("_start", "_end"))
        emp0 = merged["employment_start"].fillna(0.0).to_numpy()
        emp1 = merged["employment_end"].fillna(0.0).to_numpy()
        out = merged[keys[:1] + labels[:2] + keys[1:] + labels[2:]].copy()
        out.insert(len(out.columns), "start", np.int16(start))
        out["end"] = np.int16(end)
        out["employment_start"] = emp0
        out["employment_end"] = emp1
        out["job_change"] = emp1 - emp0
        out["cagr"] = _cagr(emp0, emp1, float(end - start))
        return out.reset_index(drop=True)


def map_clusters(
    table: RegionalTable,
    definitions: ClusterDefinitions,
    *,
    regions: Any = None,
    years: Iterable[int] | None = None,
    reference: RegionalTable | None = None,
    lq_convention: str = "cmp",
    total: str = "auto",
    strong_percentile: float = 75.0,
    strong_90_percentile: float = 90.0,
    strong_min_lq: float = 1.0,
    strong_size_percentile: float = 25.0,
    strong_local: bool = False,
    star_size_top: float = 10.0,
    star_min_lq: float = 2.0,
    star_focus_top: float = 10.0,
    star_focus_scope: str = "all",
    star_local: bool = False,
    measure: str = "employment",
    regions_ranking: str = "base",
) -> ClusterMap:
    """Compute every cluster indicator for every region × cluster × year of a table.

    Parameters
    ----------
    table : RegionalTable
        Employment (and establishments, payroll) by region × industry × year.
    definitions : ClusterDefinitions
        Industry code → cluster. A table code is covered when it is a definitions code or
        descends from one (a definitions code ``"10"`` covers the table's ``"1011"``).
    regions : RegionSet or list of RegionSet, optional
        User-defined regions built from the table's regions. Their counts are the sums of
        their members' counts (computed before any indicator); they never enter the national
        totals, and are ranked as ``regions_ranking`` says.
    years : iterable of int, optional
        Years to map (default: every year of the table).
    reference : RegionalTable, optional
        Table whose regions make up the nation (e.g. the state file when mapping the county
        file of 38 states). Default: the nation is the sum of the table's own regions.
    lq_convention : {"cmp", "total"}, default "cmp"
        Convention of the ``lq`` column (and of the strong-cluster rules): ``"cmp"`` divides
        by the region's traded (or local) employment, ``"total"`` by its total employment.
        ``lq_total`` always uses the plain convention.
    total : {"auto", "sum", "row"}, default "auto"
        A region's total employment: ``"row"`` takes the table's all-industries row (NAICS
        ``00``, NACE/ISIC ``TOTAL``) and raises if a region-year lacks it; ``"sum"`` sums
        every row at the level of the covered codes, covered by a cluster or not; ``"auto"``
        is ``"row"`` when the table has any all-industries row, else ``"sum"``.
    strong_percentile, strong_90_percentile : float, default 75 and 90
        LQ percentile of the ``strong`` and ``strong_90`` flags.
    strong_min_lq : float, default 1
        Minimum LQ of a strong cluster.
    strong_size_percentile : float, default 25
        Employment and establishments of a strong cluster exceed this percentile.
    strong_local : bool, default False
        Also flag local clusters as strong. The US Cluster Mapping Project reports strong
        *traded* clusters; local industries are present in most regions in proportion to the
        local economy (their LQs stay close to 1), so by default they are never flagged.
    star_size_top, star_focus_top : float, default 10
        Top percentage of regions (clusters) earning the size (focus) star.
    star_min_lq : float, default 2
        ``lq_total`` needed for the specialisation star.
    star_focus_scope : {"all", "cluster"}, default "all"
        Distribution of the focus star (see :func:`grappe.indicators.cluster_stars`).
    star_local : bool, default False
        Also give stars to local clusters. The European Cluster Observatory stars traded
        clusters only: by default local clusters get no star and are left out of the focus
        distribution (``"all"`` then pools the traded clusters' cells). With True every
        cluster is starred and ranked.
    measure : {"employment", "establishments", "payroll"}, default "employment"
        The count the specialisation indicators are computed on: ``lq``, ``lq_total``,
        ``national_share``, ``focus``, the strong flags and the stars (and the region totals
        of the ``regions`` table). ``"establishments"`` maps tables of firm counts (SMEs by
        region and sector). The count columns and ``*_pct`` ranks keep their own meaning.
    regions_ranking : {"base", "own"}, default "base"
        How the user-defined ``regions`` are compared: ``"base"`` with the distribution of
        the table's regions (thresholds and percentile ranks of the table's regions, so that
        "strong" means the same for two metros as for the counties they are made of);
        ``"own"`` among the regions of their own type, with a :class:`DataWarning` when a
        set has fewer than 10 regions.

    Returns
    -------
    ClusterMap
        Tidy ``indicators``, ``regions`` and ``national`` tables.

    Raises
    ------
    InvalidParameterError
        If an option is out of range, a year is not in the table (or the reference) or the
        classifications of the table and the definitions differ.
    DataValidationError
        If the table (or the reference) lacks the ``measure``, counts are negative, no table
        code is covered by the definitions, the covered codes nest inside each other (mixed
        levels), a total row is missing, or a region has more of the measure in a cluster
        than the whole ``reference`` table (which is then not its nation).

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.model import ClusterDefinitions, RegionalTable
    >>> rows = pd.DataFrame({
    ...     "region": ["A", "A", "B", "B"], "industry": ["111", "222", "111", "222"],
    ...     "year": 2020, "employment": [30.0, 10.0, 10.0, 50.0],
    ...     "establishments": 3.0, "payroll": 100.0, "withheld": False})
    >>> defs = ClusterDefinitions(pd.DataFrame({
    ...     "code": ["111", "222"], "cluster": ["1", "2"], "cluster_name": ["Farm", "Tech"],
    ...     "subcluster": None, "cluster_type": "traded"}))
    >>> cmap = map_clusters(RegionalTable(rows), defs)
    >>> cmap.indicators[["region", "cluster", "employment", "lq"]].round(3)
      region cluster  employment     lq
    0      A       1        30.0  1.875
    1      A       2        10.0  0.417
    2      B       1        10.0  0.417
    3      B       2        50.0  1.389

    Notes
    -----
    **Counts a table lacks.** A count absent from the table (NaN in every row) is NaN in
    every cell; a count the table has is 0 in a cell without a row. The strong-cluster rules
    then use the criteria the table can inform, listed in ``parameters["strong_criteria"]``:
    the LQ and the measure's size always, the establishments' size when the table has
    establishments and they are not the measure (a cell with unknown establishments is judged
    on the other criteria). Eurostat's employment by NACE section has no establishments: its
    strong clusters rest on ``("lq", "employment")``.

    Rows whose industry is not covered by the definitions are left out of every cluster
    indicator; with ``total="sum"`` they still count in the region's total employment (the
    denominator of ``focus`` and ``lq_total``) when they sit at the level of the covered
    codes. Rows at other levels are ignored, except the all-industries row for ``total="row"``.

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2014). Clusters, convergence, and economic
       performance. *Research Policy*, 43(10), 1785–1799.
    .. [2] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related
       industries. *Journal of Economic Geography*, 16(1), 1–38.
    .. [3] European Cluster Observatory, "Evaluation of regional cluster strength",
       http://www.clusterobservatory.eu/index.php?id=49
    """
    func = "map_clusters"
    if not isinstance(table, RegionalTable):
        raise InvalidParameterError(
            f"The 'table' parameter of {func} must be a RegionalTable. "
            f"Got {type(table).__name__} instead."
        )
    if not isinstance(definitions, ClusterDefinitions):
        raise InvalidParameterError(
            f"The 'definitions' parameter of {func} must be a ClusterDefinitions. "
            f"Got {type(definitions).__name__} instead."
        )
    if reference is not None and not isinstance(reference, RegionalTable):
        raise InvalidParameterError(
            f"The 'reference' parameter of {func} must be a RegionalTable or None. "
            f"Got {type(reference).__name__} instead."
        )
    options = _checked_options(
        func,
        lq_convention=lq_convention,
        total=total,
        measure=measure,
        regions_ranking=regions_ranking,
        strong_percentile=strong_percentile,
        strong_90_percentile=strong_90_percentile,
        strong_min_lq=strong_min_lq,
        strong_size_percentile=strong_size_percentile,
        strong_local=strong_local,
        star_size_top=star_size_top,
        star_min_lq=star_min_lq,
        star_focus_top=star_focus_top,
        star_focus_scope=star_focus_scope,
        star_local=star_local,
    )
    classification = _classification(table, definitions)
    _check_measure(table, measure)
    if reference is not None:
        _check_measure(reference, measure, what="reference table")

    all_years = table.years
    selected = _check_years(years, all_years, func=func)
    if reference is not None:
        missing = sorted(set(selected) - set(reference.years))
        if missing:
            raise InvalidParameterError(
                Message(
                    "The {name!r} parameter of {func} must hold every mapped year. "
                    "Got a table without {missing} instead (it has {years}).",
                    name="reference",
                    func=func,
                    missing=missing,
                    years=list(reference.years),
                )
            )
    clusters = _cluster_frame(definitions)
    cube = _build_cube(table, definitions, clusters, selected, classification, total, measure)
    if reference is None:
        nat = cube
    else:
        nat = _build_cube(
            reference, definitions, clusters, selected, classification, total, measure
        )

    cluster_types = clusters["cluster_type"].to_numpy()
    traded = cluster_types == "traded"
    national = national_counts(nat, cluster_types, measure)
    if reference is not None:
        withheld = nat["withheld"].sum(axis=0)
        _check_within_reference(
            cube, national[measure], withheld, clusters, selected, table, reference, measure
        )

    n_base = len(cube["labels"])
    region_sets = (
        [] if regions is None else list(regions) if isinstance(regions, list | tuple) else [regions]
    )
    labels, region_types, cube = _with_custom_regions(table, cube, regions, func=func)
    values, criteria = indicator_values(
        cube,
        national,
        cluster_types,
        region_types,
        n_base=n_base,
        measure=measure,
        lq_convention=lq_convention,
        options=options,
        regions_ranking=regions_ranking,
        region_sets=region_sets,
    )
    names = np.array([table.region_name(r) for r in labels], dtype=object)
    if regions is not None:
        names = cube["names"]
    from grappe.mapping._frames import _indicator_frame, _national_frame, _region_frame

    indicators = _indicator_frame(values, labels, names, region_types, clusters, selected)
    region_frame = _region_frame(
        cube[measure],
        cube["total"],
        values["strong"],
        traded,
        cluster_types,
        labels,
        names,
        region_types,
        selected,
    )
    national_frame = _national_frame(national, clusters, selected)
    parameters = {
        "years": tuple(selected),
        "measure": measure,
        "unit": table.unit,
        "total": total,
        "reference": None if reference is None else reference.source,
        "strong_criteria": criteria,
        **options,
        "regions_ranking": regions_ranking if region_sets else None,
    }
    return ClusterMap(
        indicators=indicators,
        regions=region_frame,
        national=national_frame,
        definitions=definitions.name,
        lq_convention=lq_convention,
        parameters=MappingProxyType(parameters),
    )


def industry_clusters(table: RegionalTable, definitions: ClusterDefinitions) -> pd.Series:
    """The cluster of every industry code of a table, assigned as :func:`map_clusters` does.

    This is the mapping's own code-to-cluster step, for analyses that need region × cluster
    sums without every indicator (e.g. :func:`grappe.complexity.related_table`): a table code
    is covered when it is a definitions code or descends from one (a prefix rule ``"3361"``
    covers ``"336111"``), the nearest rule winning.

    Parameters
    ----------
    table : RegionalTable
        The table whose ``industry`` codes are assigned.
    definitions : ClusterDefinitions
        Industry code (or prefix) → cluster.

    Returns
    -------
    pandas.Series
        Cluster code (str) indexed by the covered industry codes (index name ``industry``),
        in the order the codes first appear in the table; uncovered codes are left out.

    Raises
    ------
    InvalidParameterError
        If the classifications of the table and the definitions differ.
    DataValidationError
        If no table code is covered, or the covered codes nest inside each other (a prefix
        rule on a table with several code levels: read the table at one level).

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.model import ClusterDefinitions, RegionalTable
    >>> rows = pd.DataFrame({
    ...     "region": "A", "industry": ["336111", "336112", "541511"], "year": 2020,
    ...     "employment": 1.0, "establishments": 1.0, "payroll": 1.0, "withheld": False})
    >>> defs = ClusterDefinitions(pd.DataFrame({
    ...     "code": ["3361", "541511"], "cluster": ["auto", "it"], "cluster_name": ["Auto", "IT"],
    ...     "subcluster": None, "cluster_type": "traded"}), classification="naics2017")
    >>> industry_clusters(RegionalTable(rows, classification="naics2017"), defs).to_dict()
    {'336111': 'auto', '336112': 'auto', '541511': 'it'}

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related
       industries. *Journal of Economic Geography*, 16(1), 1–38.
    """
    func = "industry_clusters"
    if not isinstance(table, RegionalTable):
        raise InvalidParameterError(
            f"The 'table' parameter of {func} must be a RegionalTable. "
            f"Got {type(table).__name__} instead."
        )
    if not isinstance(definitions, ClusterDefinitions):
        raise InvalidParameterError(
            f"The 'definitions' parameter of {func} must be a ClusterDefinitions. "
            f"Got {type(definitions).__name__} instead."
        )
    clusters = _cluster_frame(definitions)
    _, categories = _categorical(table.data["industry"])
    cluster_of, _, _ = _industry_plan(
        categories,
        definition_rules(definitions),
        list(clusters["cluster"]),
        definitions.name,
        _classification(table, definitions),
        "sum",
        table.source,
    )
    covered = cluster_of >= 0
    import pandas as pd

    return pd.Series(
        clusters["cluster"].to_numpy(dtype=object)[cluster_of[covered]],
        index=pd.Index(categories[covered], name="industry"),
        name="cluster",
        dtype=object,
    )


def _classification(table: RegionalTable, definitions: ClusterDefinitions) -> str:
    """The classification to read codes with; the table's and the definitions' must agree."""
    return _classification_of(table.classification, definitions.classification)


def _check_years(years: Any, present: tuple[int, ...], *, func: str) -> tuple[int, ...]:
    if years is None:
        return present
    if isinstance(years, int | np.integer):
        years = (years,)
    try:
        wanted = tuple(sorted({int(y) for y in years}))
    except (TypeError, ValueError) as exc:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a list of years. Got {value!r} instead.",
                name="years",
                func=func,
                value=years,
            )
        ) from exc
    missing = [y for y in wanted if y not in present]
    if missing or not wanted:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must list years of the table {years}. "
                "Got {value!r} instead.",
                name="years",
                func=func,
                years=list(present),
                value=list(wanted) if wanted else years,
            )
        )
    return wanted


def _natural_key(code: str) -> tuple[int, int | str]:
    return (0, int(code)) if code.isdigit() else (1, code)


def _cluster_frame(definitions: ClusterDefinitions) -> pd.DataFrame:
    """One row per cluster (code, name, type), in natural code order."""
    clusters = definitions.clusters.astype(str)
    order = sorted(range(len(clusters)), key=lambda i: _natural_key(clusters["cluster"].iat[i]))
    return clusters.iloc[order].reset_index(drop=True)
