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
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_number, check_option
from grappe.codes import (
    CLASSIFICATIONS,
    ancestors,
    check_single_level,
    classification_family,
    code_level,
)
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.indicators.ranks import _Distribution
from grappe.indicators.specialisation import (
    _ratio,
    group_totals,
    location_quotient,
)
from grappe.indicators.stars import FOCUS_SCOPES, _stars
from grappe.indicators.strong import _strength, _strong
from grappe.model import ClusterDefinitions, RegionalTable
from grappe.regions import RegionSet

__all__ = ["LQ_CONVENTIONS", "TOTAL_RULES", "ClusterMap", "map_clusters"]

#: Conventions of the ``lq`` column: US Cluster Mapping (traded/local base) or plain (total).
LQ_CONVENTIONS: tuple[str, ...] = ("cmp", "total")
#: How a region's total employment is obtained (see :func:`map_clusters`).
TOTAL_RULES: tuple[str, ...] = ("auto", "sum", "row")
#: The all-industries code of each classification family.
_TOTAL_CODES = {"naics": "00", "nace": "TOTAL"}

_INDICATOR_COLUMNS = (
    "region",
    "region_name",
    "region_type",
    "cluster",
    "cluster_name",
    "cluster_type",
    "year",
    "employment",
    "establishments",
    "payroll",
    "avg_wage",
    "lq",
    "lq_total",
    "national_share",
    "focus",
    "employment_pct",
    "lq_pct",
    "establishments_pct",
    "strong",
    "strong_90",
    "star_size",
    "star_specialisation",
    "star_focus",
    "stars",
    "withheld",
)


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
        (plain), ``national_share``, ``focus``, ``employment_pct``, ``lq_pct``,
        ``establishments_pct`` (percentile ranks 0–100 among regions of the same type),
        ``strong``, ``strong_90``, ``star_size``, ``star_specialisation``, ``star_focus``
        (bool), ``stars`` (0–3, int8), ``withheld`` (number of withheld cells summed, int32).
    regions : pandas.DataFrame
        One row per region × year: ``region``, ``region_name``, ``region_type``, ``year``,
        ``employment`` (total employment, the denominator of ``focus`` and ``lq_total``),
        ``traded_employment``, ``local_employment``, ``strong_clusters`` (number of strong
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
        Every threshold and option used, by name.
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
                f"The 'end' parameter of {func} must be a year after 'start' ({start}). "
                f"Got {end!r} instead."
            )
        keys = ["region", "cluster"]
        labels = ["region_name", "region_type", "cluster_name", "cluster_type"]
        ind = self.indicators
        first = ind.loc[ind["year"] == start, keys + labels + ["employment"]]
        last = ind.loc[ind["year"] == end, [*keys, "employment"]]
        merged = first.merge(last, on=keys, how="outer", suffixes=("_start", "_end"))
        emp0 = merged["employment_start"].fillna(0.0).to_numpy()
        emp1 = merged["employment_end"].fillna(0.0).to_numpy()
        from grappe.indicators.growth import _cagr

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
    star_size_top: float = 10.0,
    star_min_lq: float = 2.0,
    star_focus_top: float = 10.0,
    star_focus_scope: str = "all",
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
        their members' counts (computed before any indicator); they are ranked among the
        regions of their own type and never enter the national totals.
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
    star_size_top, star_focus_top : float, default 10
        Top percentage of regions (clusters) earning the size (focus) star.
    star_min_lq : float, default 2
        ``lq_total`` needed for the specialisation star.
    star_focus_scope : {"all", "cluster"}, default "all"
        Distribution of the focus star (see :func:`grappe.indicators.cluster_stars`).

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
        If counts are negative, no table code is covered by the definitions, the covered codes
        nest inside each other (mixed levels) or a total row is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.model import ClusterDefinitions, RegionalTable
from grappe.regions import RegionSet
    >>> rows = pd.DataFrame({
    ...     "region": ["A", "A", "B", "B"], "industry": ["111", "222", "111", "222"],
    ...     "year": 2020, "employment": [30.0, 10.0, 10.0, 50.0],
    ...     "establishments": 3.0, "payroll": 100.0, "withheld": False})
    >>> defs = ClusterDefinitions(pd.DataFrame({
    ...     "code": ["111", "222"], "cluster": ["1", "2"], "cluster_name": ["Farm", "Tech"],
    ...     "subcluster": None, "cluster_type": "traded"}))
    >>> cmap = map_clusters(RegionalTable(rows), defs)
    >>> cmap.indicators[["region", "cluster", "employment", "lq"]]
      region cluster  employment     lq
    0      A       1        30.0  1.875
    1      A       2        10.0  0.416667
    2      B       1        10.0  0.416667
    3      B       2        50.0  1.388889

    Notes
    -----
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
    check_option(lq_convention, "lq_convention", LQ_CONVENTIONS, func=func)
    check_option(total, "total", TOTAL_RULES, func=func)
    check_option(star_focus_scope, "star_focus_scope", FOCUS_SCOPES, func=func)
    params = {
        "strong_percentile": strong_percentile,
        "strong_90_percentile": strong_90_percentile,
        "strong_size_percentile": strong_size_percentile,
    }
    for name, value in params.items():
        check_number(value, name, func=func, low=0, high=100)
    for name, value in {"star_size_top": star_size_top, "star_focus_top": star_focus_top}.items():
        check_number(value, name, func=func, low=0, high=100, closed="right")
    check_number(strong_min_lq, "strong_min_lq", func=func, low=0)
    check_number(star_min_lq, "star_min_lq", func=func, low=0)
    classification = _classification(table, definitions)

    all_years = table.years
    selected = _check_years(years, all_years, func=func)
    if reference is not None:
        missing = sorted(set(selected) - set(reference.years))
        if missing:
            raise InvalidParameterError(
                f"The 'reference' parameter of {func} must hold every mapped year. "
                f"Got a table without {missing} instead (it has {list(reference.years)})."
            )
    clusters = _cluster_frame(definitions)
    cube = _build_cube(table, definitions, clusters, selected, classification, total)
    if reference is None:
        nat = cube
    else:
        nat = _build_cube(reference, definitions, clusters, selected, classification, total)

    traded = clusters["cluster_type"].to_numpy() == "traded"
    cluster_types = clusters["cluster_type"].to_numpy()
    national = {k: nat[k].sum(axis=0) for k in ("employment", "establishments", "payroll")}
    national["total"] = nat["total"].sum(axis=0)
    national["group"] = group_totals(nat["employment"], groups=cluster_types).sum(axis=0)

    labels, region_types, cube = _with_custom_regions(table, cube, regions, func=func)
    emp, est, pay, tot = cube["employment"], cube["establishments"], cube["payroll"], cube["total"]
    groups = region_types if len(set(region_types)) > 1 else None

    group_emp = group_totals(emp, groups=cluster_types)
    lq_total = location_quotient(
        emp, tot, national=national["employment"], national_base=national["total"][None, :]
    )
    if lq_convention == "cmp":
        lq = location_quotient(
            emp, group_emp, national=national["employment"], national_base=national["group"]
        )
    else:
        lq = lq_total
    foc = _ratio(emp, tot[:, None, :])
    # each variable is sorted once per region type; thresholds and ranks share the sort
    dist_emp, dist_est, dist_lq = (_Distribution(x, groups) for x in (emp, est, lq))
    pooled = star_focus_scope == "all"
    dist_focus = _Distribution(foc, groups, pooled=pooled)
    use_est = None if np.isnan(est).all() else est
    size_q = float(strong_size_percentile)
    strong_kw = {
        "emp_threshold": dist_emp.threshold(size_q),
        "est_threshold": None if use_est is None else dist_est.threshold(size_q),
        "min_lq": float(strong_min_lq),
    }
    strong = _strong(
        lq, emp, use_est, lq_threshold=dist_lq.threshold(float(strong_percentile)), **strong_kw
    )
    strong_90 = _strong(
        lq, emp, use_est, lq_threshold=dist_lq.threshold(float(strong_90_percentile)), **strong_kw
    )
    size, spec, foc_star = _stars(
        emp,
        lq_total,
        foc,
        size_threshold=dist_emp.threshold(100.0 - float(star_size_top)),
        focus_threshold=dist_focus.threshold(100.0 - float(star_focus_top)),
        min_lq=float(star_min_lq),
    )
    values = {
        "employment": emp,
        "establishments": est,
        "payroll": pay,
        "avg_wage": _ratio(pay, emp),
        "lq": lq,
        "lq_total": lq_total,
        "national_share": _ratio(emp, national["employment"][None]),
        "focus": foc,
        "employment_pct": dist_emp.rank(),
        "lq_pct": dist_lq.rank(),
        "establishments_pct": dist_est.rank(),
        "strong": strong,
        "strong_90": strong_90,
        "star_size": size,
        "star_specialisation": spec,
        "star_focus": foc_star,
        "stars": size.astype(np.int8) + spec.astype(np.int8) + foc_star.astype(np.int8),
        "withheld": cube["withheld"].astype(np.int32),
    }
    names = np.array([table.region_name(r) for r in labels], dtype=object)
    if regions is not None:
        names = cube["names"]
    indicators = _indicator_frame(values, labels, names, region_types, clusters, selected)
    region_frame = _region_frame(
        emp, tot, strong, traded, cluster_types, labels, names, region_types, selected
    )
    national_frame = _national_frame(national, clusters, selected)
    parameters = {
        "years": tuple(selected),
        "total": total,
        "reference": None if reference is None else reference.source,
        "strong_percentile": strong_percentile,
        "strong_90_percentile": strong_90_percentile,
        "strong_min_lq": strong_min_lq,
        "strong_size_percentile": strong_size_percentile,
        "star_size_top": star_size_top,
        "star_min_lq": star_min_lq,
        "star_focus_top": star_focus_top,
        "star_focus_scope": star_focus_scope,
    }
    return ClusterMap(
        indicators=indicators,
        regions=region_frame,
        national=national_frame,
        definitions=definitions.name,
        lq_convention=lq_convention,
        parameters=MappingProxyType(parameters),
    )


def _classification(table: RegionalTable, definitions: ClusterDefinitions) -> str:
    """The classification to read codes with; the table's and the definitions' must agree."""

    def family(name: str) -> str:
        return classification_family(name) if name in CLASSIFICATIONS else "custom"

    t, d = family(table.classification), family(definitions.classification)
    if "custom" not in (t, d) and t != d:
        raise InvalidParameterError(
            f"The 'definitions' parameter of map_clusters must use the classification of the "
            f"table ({table.classification!r}). Got {definitions.classification!r} instead."
        )
    for name in (table.classification, definitions.classification):
        if name in CLASSIFICATIONS and name != "custom":
            return name
    return "custom"


def _check_years(years: Any, present: tuple[int, ...], *, func: str) -> tuple[int, ...]:
    if years is None:
        return present
    if isinstance(years, int | np.integer):
        years = (years,)
    try:
        wanted = tuple(sorted({int(y) for y in years}))
    except (TypeError, ValueError) as exc:
        raise InvalidParameterError(
            f"The 'years' parameter of {func} must be a list of years. Got {years!r} instead."
        ) from exc
    missing = [y for y in wanted if y not in present]
    if missing or not wanted:
        raise InvalidParameterError(
            f"The 'years' parameter of {func} must list years of the table {list(present)}. "
            f"Got {list(wanted) if wanted else years!r} instead."
        )
    return wanted


def _natural_key(code: str) -> tuple[int, int | str]:
    return (0, int(code)) if code.isdigit() else (1, code)


def _cluster_frame(definitions: ClusterDefinitions) -> pd.DataFrame:
    """One row per cluster (code, name, type), in natural code order."""
    clusters = definitions.clusters.astype(str)
    order = sorted(range(len(clusters)), key=lambda i: _natural_key(clusters["cluster"].iat[i]))
    return clusters.iloc[order].reset_index(drop=True)


def _categorical(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (-1 for missing) and the string categories of a column."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        cats = np.asarray(values.cat.categories.astype(str), dtype=object)
        return values.cat.codes.to_numpy(), cats
    codes, uniques = pd.factorize(values, sort=False)
    return codes, np.asarray(pd.Index(uniques).astype(str), dtype=object)


def _industry_plan(
    categories: np.ndarray,
    definitions: ClusterDefinitions,
    clusters: pd.DataFrame,
    classification: str,
    total: str,
    source: str | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each industry category: its cluster position (-1 if none), whether it counts in a
    region's total, and whether it is the all-industries row."""
    position = {c: i for i, c in enumerate(clusters["cluster"])}
    rule = dict(
        zip(
            definitions.data["code"].astype(str).str.strip(),
            definitions.data["cluster"].astype(str),
            strict=True,
        )
    )
    n = len(categories)
    cluster_of = np.full(n, -1, dtype=np.int64)
    level = np.full(n, -1, dtype=np.int64)
    for i, code in enumerate(categories):
        lv = code_level(code, classification)
        level[i] = -2 if lv is None else lv
        hit = rule.get(code)
        if hit is None and classification != "custom" and lv is not None:
            hit = next((rule[a] for a in ancestors(code, classification) if a in rule), None)
        if hit is not None:
            cluster_of[i] = position[hit]
    covered = cluster_of >= 0
    if not covered.any():
        raise DataValidationError(
            ValidationIssue(
                f"no industry code of the table is covered by the definitions "
                f"{definitions.name!r} (table codes such as {list(categories[:3])}).",
                file=source,
                column="industry",
                fix="use definitions of the table's classification, or read the table at the "
                "level of the definitions' codes (e.g. levels=(6,) for NAICS).",
            )
        )
    levels = set(level[covered].tolist())
    in_sum = np.isin(level, list(levels))
    selected = categories[covered | in_sum]
    # codes of one level nest only through grouped codes such as NAICS "31-33"
    may_nest = len(levels) > 1 or any(("-" in c or "_" in c) for c in selected)
    if classification != "custom" and may_nest:
        check_single_level(
            selected.tolist(),
            classification=classification,
            file=source,
            column="industry",
        )
    total_code = _TOTAL_CODES.get(classification_family(classification))
    is_total = np.zeros(n, dtype=bool)
    if total_code is not None and total in ("auto", "row"):
        is_total = categories == total_code
    if total == "row" and not is_total.any():
        raise DataValidationError(
            ValidationIssue(
                f"total='row' needs the all-industries rows (code {total_code!r}), "
                "which the table does not have.",
                file=source,
                column="industry",
                fix=f"read the table with the {total_code!r} rows, or use total='sum'.",
            )
        )
    return cluster_of, in_sum, is_total


def _build_cube(
    table: RegionalTable,
    definitions: ClusterDefinitions,
    clusters: pd.DataFrame,
    years: tuple[int, ...],
    classification: str,
    total: str,
) -> dict[str, Any]:
    """Dense (region, cluster, year) sums of a table's rows, plus region totals."""
    data = table.data
    reg_codes, reg_cats = _categorical(data["region"])
    ind_codes, ind_cats = _categorical(data["industry"])
    cluster_of, in_sum, is_total = _industry_plan(
        ind_cats, definitions, clusters, classification, total, table.source
    )
    year_arr = data["year"].to_numpy()
    y0 = int(min(years))
    lookup = np.full(int(max(years)) - y0 + 1, -1, dtype=np.int64)
    lookup[np.asarray(years) - y0] = np.arange(len(years))
    offset = year_arr.astype(np.int64) - y0
    inside = (offset >= 0) & (offset < len(lookup))
    year_idx = np.where(inside, lookup[np.clip(offset, 0, len(lookup) - 1)], -1)

    # regions in sorted code order, unused categories dropped
    used = np.bincount(reg_codes[reg_codes >= 0], minlength=len(reg_cats)) > 0
    order = np.argsort(reg_cats.astype(str), kind="stable")
    order = order[used[order]]
    remap = np.full(len(reg_cats), -1, dtype=np.int64)
    remap[order] = np.arange(len(order))
    region_idx = np.where(reg_codes >= 0, remap[np.maximum(reg_codes, 0)], -1)
    labels = reg_cats[order].astype(str)
    shape = (len(labels), len(clusters), len(years))

    safe_ind = np.maximum(ind_codes, 0)
    row_cluster = np.where(ind_codes >= 0, cluster_of[safe_ind], -1)
    emp = data["employment"].to_numpy(dtype=float)
    if (emp < 0).any():
        bad = int(np.flatnonzero(emp < 0)[0])
        raise DataValidationError(
            ValidationIssue(
                f"negative employment {emp[bad]!r} for region {data['region'].iat[bad]!r}, "
                f"industry {data['industry'].iat[bad]!r}, year {int(year_arr[bad])}.",
                file=table.source,
                column="employment",
                fix="counts must be zero or positive; correct the source table.",
            )
        )
    n_cells = shape[0] * shape[1] * shape[2]
    keep = (region_idx >= 0) & (row_cluster >= 0) & (year_idx >= 0)
    # one flat index for every measure; dropped rows go to a spare last bin
    flat = np.where(keep, (region_idx * shape[1] + row_cluster) * shape[2] + year_idx, n_cells)
    cube: dict[str, Any] = {"labels": labels}
    for col in ("employment", "establishments", "payroll", "withheld"):
        values = data[col].to_numpy(dtype=float)
        counts = np.bincount(flat, weights=values, minlength=n_cells + 1)
        cube[col] = counts[:n_cells].reshape(shape)

    row_total = is_total[safe_ind] & (ind_codes >= 0)
    use_row = bool(row_total.any())
    rows = row_total if use_row else (in_sum[safe_ind] & (ind_codes >= 0))
    sel = rows & (region_idx >= 0) & (year_idx >= 0)
    flat = region_idx[sel] * len(years) + year_idx[sel]
    n_ry = len(labels) * len(years)
    cube["total"] = np.bincount(flat, weights=emp[sel], minlength=n_ry).reshape(
        len(labels), len(years)
    )
    if use_row:
        present = np.bincount(flat, minlength=n_ry).reshape(len(labels), len(years))
        if (present == 0).any():
            i, j = np.argwhere(present == 0)[0]
            raise DataValidationError(
                ValidationIssue(
                    f"region {labels[i]!r} has no all-industries row for {years[j]}, "
                    "needed for its total employment.",
                    file=table.source,
                    column="industry",
                    fix="add the row, or use total='sum' to sum the industries instead.",
                )
            )
    return cube


def _with_custom_regions(
    table: RegionalTable, cube: dict[str, Any], regions: Any, *, func: str
) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """Append user-defined regions (sums of member regions) after the table's regions."""
    labels = cube["labels"]
    region_types = np.full(len(labels), table.region_type, dtype=object)
    if regions is None:
        return labels, region_types, cube
    sets = list(regions) if isinstance(regions, list | tuple) else [regions]
    position = {code: i for i, code in enumerate(labels)}
    names = [table.region_name(r) for r in labels]
    blocks = {k: [cube[k]] for k in ("employment", "establishments", "payroll", "withheld")}
    blocks["total"] = [cube["total"]]
    new_labels: list[str] = []
    new_types: list[str] = []
    for region_set in sets:
        members = _region_members(region_set, func=func)
        set_type = str(region_set.region_type)
        for code, (name, member_codes) in members.items():
            unknown = [m for m in member_codes if m not in position]
            if unknown:
                raise DataValidationError(
                    ValidationIssue(
                        f"members {unknown[:5]} of region {code!r} are not regions of the "
                        f"table ({table.region_type} codes such as {list(labels[:3])}).",
                        file=region_set.source,
                        column="member",
                        fix="correct the member codes, or map the table that holds them.",
                    )
                )
            if code in position or code in new_labels:
                raise DataValidationError(
                    ValidationIssue(
                        f"region code {code!r} of the region set is already used by "
                        "another region.",
                        file=region_set.source,
                        column="region",
                        fix="give the new region a code of its own.",
                    )
                )
            idx = np.array([position[m] for m in member_codes], dtype=np.int64)
            for key, parts in blocks.items():
                parts.append(cube[key][idx].sum(axis=0, keepdims=True))
            new_labels.append(code)
            new_types.append(set_type)
            names.append(name)
    out = {key: np.concatenate(parts, axis=0) for key, parts in blocks.items()}
    out["names"] = np.array(names, dtype=object)
    all_labels = np.concatenate([labels, np.array(new_labels, dtype=object)])
    all_types = np.concatenate([region_types, np.array(new_types, dtype=object)])
    return all_labels, all_types, out


def _region_members(region_set: Any, *, func: str) -> dict[str, tuple[str, list[str]]]:
    """``{code: (name, members)}`` of a region set, in the set's region order."""
    if not isinstance(region_set, RegionSet):
        raise InvalidParameterError(
            f"The 'regions' parameter of {func} must be a RegionSet (or a list of them). "
            f"Got {type(region_set).__name__} instead."
        )
    members = region_set.members.drop_duplicates()
    grouped = members.groupby("region", sort=True)["member"].agg(list)
    return {
        str(code): (str(region_set.names.get(code, code)), [str(m) for m in member_list])
        for code, member_list in grouped.items()
    }


def _cat(codes: np.ndarray, categories: Any) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=str))


def _codes_for(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    uniques, inverse = np.unique(values.astype(str), return_inverse=True)
    return inverse, uniques


def _indicator_frame(
    values: dict[str, np.ndarray],
    labels: np.ndarray,
    names: np.ndarray,
    region_types: np.ndarray,
    clusters: pd.DataFrame,
    years: tuple[int, ...],
) -> pd.DataFrame:
    """The tidy region × cluster × year frame, built once from the dense arrays."""
    n_r, n_c, n_t = len(labels), len(clusters), len(years)
    r = np.repeat(np.arange(n_r), n_c * n_t)
    c = np.tile(np.repeat(np.arange(n_c), n_t), n_r)
    name_codes, name_cats = _codes_for(names)
    type_codes, type_cats = _codes_for(region_types)
    ctype_codes, ctype_cats = _codes_for(clusters["cluster_type"].to_numpy())
    cname_codes, cname_cats = _codes_for(clusters["cluster_name"].to_numpy())

    cols: dict[str, Any] = {
        "region": _cat(r, labels),
        "region_name": _cat(name_codes[r], name_cats),
        "region_type": _cat(type_codes[r], type_cats),
        "cluster": _cat(c, clusters["cluster"].to_numpy()),
        "cluster_name": _cat(cname_codes[c], cname_cats),
        "cluster_type": _cat(ctype_codes[c], ctype_cats),
        "year": np.tile(np.asarray(years, dtype=np.int16), n_r * n_c),
    }
    for key in _INDICATOR_COLUMNS[7:]:
        cols[key] = values[key].reshape(-1)
    return pd.DataFrame(cols, copy=False)


def _region_frame(
    emp: np.ndarray,
    tot: np.ndarray,
    strong: np.ndarray,
    traded: np.ndarray,
    cluster_types: np.ndarray,
    labels: np.ndarray,
    names: np.ndarray,
    region_types: np.ndarray,
    years: tuple[int, ...],
) -> pd.DataFrame:
    n_r, n_t = len(labels), len(years)
    local = cluster_types == "local"
    r = np.repeat(np.arange(n_r), n_t)
    name_codes, name_cats = _codes_for(names)
    type_codes, type_cats = _codes_for(region_types)
    return pd.DataFrame(
        {
            "region": _cat(r, labels),
            "region_name": _cat(name_codes[r], name_cats),
            "region_type": _cat(type_codes[r], type_cats),
            "year": np.tile(np.asarray(years, dtype=np.int16), n_r),
            "employment": tot.reshape(-1),
            "traded_employment": emp[:, traded].sum(axis=1).reshape(-1),
            "local_employment": emp[:, local].sum(axis=1).reshape(-1),
            "strong_clusters": (strong & traded[None, :, None]).sum(axis=1).reshape(-1),
            "cluster_strength": _strength(emp, strong, traded).reshape(-1),
        }
    )


def _national_frame(
    national: dict[str, np.ndarray], clusters: pd.DataFrame, years: tuple[int, ...]
) -> pd.DataFrame:
    n_c, n_t = len(clusters), len(years)
    c = np.repeat(np.arange(n_c), n_t)
    return pd.DataFrame(
        {
            "cluster": clusters["cluster"].to_numpy()[c],
            "cluster_name": clusters["cluster_name"].to_numpy()[c],
            "year": np.tile(np.asarray(years, dtype=np.int16), n_c),
            "employment": national["employment"].reshape(-1),
            "establishments": national["establishments"].reshape(-1),
            "payroll": national["payroll"].reshape(-1),
        }
    )
