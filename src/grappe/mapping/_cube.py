"""Rows of a regional table → dense region × cluster × year arrays (private to mapping)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from grappe.codes import ancestors, check_single_level, classification_family, code_level
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message

if TYPE_CHECKING:  # pandas: for the frames' path only (the arrays' path imports none)
    import pandas as pd

    from grappe.model import RegionalTable

#: The all-industries code of each classification family.
_TOTAL_CODES = {"naics": "00", "nace": "TOTAL"}


def _categorical(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (-1 for missing) and the string categories of a column."""
    import pandas as pd

    if isinstance(values.dtype, pd.CategoricalDtype):
        cats = np.asarray(values.cat.categories.astype(str), dtype=object)
        return values.cat.codes.to_numpy(), cats
    codes, uniques = pd.factorize(values, sort=False)
    return codes, np.asarray(pd.Index(uniques).astype(str), dtype=object)


def definition_rules(definitions: Any) -> dict[str, str]:
    """Industry code (stripped) → cluster code, the rules of a ClusterDefinitions."""
    return dict(
        zip(
            definitions.data["code"].astype(str).str.strip(),
            definitions.data["cluster"].astype(str),
            strict=True,
        )
    )


def _industry_plan(
    categories: np.ndarray,
    rule: Mapping[str, str],
    cluster_codes: Sequence[str],
    definitions_name: str,
    classification: str,
    total: str,
    source: str | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each industry category: its cluster position (-1 if none), whether it counts in a
    region's total, and whether it is the all-industries row."""
    position = {c: i for i, c in enumerate(cluster_codes)}
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
                Message(
                    "no industry code of the table is covered by the definitions {name!r} "
                    "(table codes such as {codes}).",
                    name=definitions_name,
                    codes=list(categories[:3]),
                ),
                file=source,
                column="industry",
                fix=Message(
                    "use definitions of the table's classification, or read the table at the "
                    "level of the definitions' codes (e.g. levels=(6,) for NAICS)."
                ),
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
                Message(
                    "total='row' needs the all-industries rows (code {code!r}), "
                    "which the table does not have.",
                    code=total_code,
                ),
                file=source,
                column="industry",
                fix=Message(
                    "read the table with the {code!r} rows, or use total='sum' "
                    "(grappe map --total sum).",
                    code=total_code,
                ),
            )
        )
    return cluster_of, in_sum, is_total


def _build_cube(
    table: RegionalTable,
    definitions: Any,
    clusters: pd.DataFrame,
    years: tuple[int, ...],
    classification: str,
    total: str,
    measure: str = "employment",
) -> dict[str, Any]:
    """Dense (region, cluster, year) sums of a table's rows (see :func:`cube_from_columns`)."""
    data = table.data
    reg_codes, reg_cats = _categorical(data["region"])
    ind_codes, ind_cats = _categorical(data["industry"])
    counts = {}
    for col in ("employment", "establishments", "payroll", "withheld"):
        values = data[col].to_numpy()
        if values.dtype.kind not in "biuf":
            values = data[col].to_numpy(dtype=float)
        counts[col] = values
    return cube_from_columns(
        (reg_codes, reg_cats),
        (ind_codes, ind_cats),
        data["year"].to_numpy(),
        counts,
        rules=definition_rules(definitions),
        cluster_codes=list(clusters["cluster"]),
        definitions_name=definitions.name,
        years=years,
        classification=classification,
        total=total,
        measure=measure,
        source=table.source,
        row_labels=lambda i: (data["region"].iat[i], data["industry"].iat[i]),
    )


def cube_from_columns(
    region: tuple[np.ndarray, np.ndarray],
    industry: tuple[np.ndarray, np.ndarray],
    year_arr: np.ndarray,
    counts: Mapping[str, np.ndarray],
    *,
    rules: Mapping[str, str],
    cluster_codes: Sequence[str],
    definitions_name: str,
    years: tuple[int, ...],
    classification: str,
    total: str,
    measure: str,
    source: str | None,
    row_labels: Callable[[int], tuple[Any, Any]],
) -> dict[str, Any]:
    """Dense (region, cluster, year) sums of a table's rows, plus region totals of ``measure``.

    ``region`` and ``industry`` are (integer codes, string categories); ``counts`` holds the
    ``employment``, ``establishments``, ``payroll`` (float) and ``withheld`` (bool) columns;
    ``row_labels(i)`` gives the region and industry of row ``i`` as the table shows them.

    A count the table lacks (NaN in every row) is NaN in every cell; a count it has is 0 in
    the cells without a row, and NaN only where a row's value is NaN (unknown). Treating the
    two kinds of cell alike is what lets the strong-cluster rules adapt to the counts present.
    """
    reg_codes, reg_cats = region
    ind_codes, ind_cats = industry
    cluster_of, in_sum, is_total = _industry_plan(
        ind_cats, rules, cluster_codes, definitions_name, classification, total, source
    )
    y0 = int(min(years))
    # the last entry of each lookup is "outside the map" (-1): every row is looked up unmasked
    lookup = np.full(int(max(years)) - y0 + 2, -1, dtype=np.int64)
    lookup[np.asarray(years) - y0] = np.arange(len(years))

    # regions in sorted code order, unused categories dropped
    used = np.bincount(reg_codes[reg_codes >= 0], minlength=len(reg_cats)) > 0
    order = np.argsort(reg_cats.astype(str), kind="stable")
    order = order[used[order]]
    remap = np.full(len(reg_cats) + 1, -1, dtype=np.int64)  # code -1 (missing) picks the last
    remap[order] = np.arange(len(order))
    labels = reg_cats[order].astype(str)
    shape = (len(labels), len(cluster_codes), len(years))

    def positions(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Region and year positions of some rows (-1 outside the map): computed for the
        rows that count only, not for every row of the table."""
        offset = year_arr[rows].astype(np.int64)
        offset -= y0
        offset[(offset < 0) | (offset >= len(lookup) - 1)] = len(lookup) - 1
        return remap[reg_codes[rows]], lookup[offset]

    def code_rows(per_code: np.ndarray) -> np.ndarray:
        """The rows whose industry code is marked in ``per_code`` (a missing code is not)."""
        return np.flatnonzero(np.append(per_code, False)[ind_codes])

    emp = np.asarray(counts[measure], dtype=float)
    if (emp < 0).any():
        bad = int(np.flatnonzero(emp < 0)[0])
        bad_region, bad_industry = row_labels(bad)
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "negative {measure} {value!r} for region {region!r}, industry {industry!r}, "
                    "year {year}.",
                    measure=measure,
                    value=emp[bad],
                    region=bad_region,
                    industry=bad_industry,
                    year=int(year_arr[bad]),
                ),
                file=source,
                column=measure,
                fix=Message("counts must be zero or positive; correct the source table."),
            )
        )
    n_cells = shape[0] * shape[1] * shape[2]
    # one flat index for every measure, over the rows in a cell only (the covered codes: a
    # third of a file of every level); the sums add the rows in the same order as before
    kept = code_rows(cluster_of >= 0)
    region_idx, year_idx = positions(kept)
    inside = (region_idx >= 0) & (year_idx >= 0)
    if not inside.all():
        kept, region_idx, year_idx = kept[inside], region_idx[inside], year_idx[inside]
    flat = (region_idx * shape[1] + cluster_of[ind_codes[kept]]) * shape[2] + year_idx
    cube: dict[str, Any] = {"labels": labels}
    for col in ("employment", "establishments", "payroll", "withheld"):
        values = counts[col]
        # a count the table lacks is absent (NaN) everywhere: its first value says it is not
        lacking = values.dtype.kind == "f" and bool(np.isnan(values[:1]).all())
        if lacking and np.isnan(values).all():
            cube[col] = np.full(shape, np.nan)
            continue
        weights = values[kept].astype(float, copy=False)
        sums = np.bincount(flat, weights=weights, minlength=n_cells)
        cube[col] = sums.reshape(shape)

    total_rows = code_rows(is_total)
    use_row = len(total_rows) > 0
    rows = total_rows if use_row else code_rows(in_sum)
    region_idx, year_idx = positions(rows)
    inside = (region_idx >= 0) & (year_idx >= 0)
    flat = region_idx[inside] * len(years) + year_idx[inside]
    n_ry = len(labels) * len(years)
    cube["total"] = np.bincount(flat, weights=emp[rows[inside]], minlength=n_ry).reshape(
        len(labels), len(years)
    )
    if use_row:
        present = np.bincount(flat, minlength=n_ry).reshape(len(labels), len(years))
        if present.all():  # every region-year has its all-industries row
            return cube
        # a region-year without any row (a NUTS code changed, every cell withheld and dropped)
        # has nothing to divide: its total stays 0 and its indicators empty
        region_idx, year_idx = positions(np.arange(len(year_arr)))
        placed = (region_idx >= 0) & (year_idx >= 0)
        any_row = np.bincount(
            region_idx[placed] * len(years) + year_idx[placed], minlength=n_ry
        ).reshape(len(labels), len(years))
        lacking = (present == 0) & (any_row > 0)
        if lacking.any():
            i, j = np.argwhere(lacking)[0]
            raise DataValidationError(
                ValidationIssue(
                    Message(
                        "region {region!r} has no all-industries row for {year}, "
                        "needed for its total employment.",
                        region=str(labels[i]),
                        year=years[j],
                    ),
                    file=source,
                    column="industry",
                    fix=Message(
                        "add the row, or use total='sum' (grappe map --total sum) to sum the "
                        "industries instead."
                    ),
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
                        Message(
                            "members {members} of region {region!r} are not regions of the "
                            "table ({region_type} codes such as {codes}).",
                            members=unknown[:5],
                            region=code,
                            region_type=table.region_type,
                            codes=list(labels[:3]),
                        ),
                        file=region_set.source,
                        column="member",
                        fix=Message("correct the member codes, or map the table that holds them."),
                    )
                )
            if code in position or code in new_labels:
                raise DataValidationError(
                    ValidationIssue(
                        Message(
                            "region code {region!r} of the region set is already used by "
                            "another region.",
                            region=code,
                        ),
                        file=region_set.source,
                        column="region",
                        fix=Message("give the new region a code of its own."),
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
    from grappe.regions import RegionSet

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


def _check_within_reference(
    cube: dict[str, Any],
    national: np.ndarray,
    reference_withheld: np.ndarray,
    clusters: pd.DataFrame,
    years: tuple[int, ...],
    table: RegionalTable,
    reference: RegionalTable,
    measure: str = "employment",
) -> None:
    """Refuse a region whose cluster employment exceeds the reference's (the nation's) total.

    A region is part of the nation: more jobs in one region than in the whole reference table
    means the reference is not that nation (another country, level or year), and every LQ
    against it would be meaningless.
    """
    emp = cube[measure]
    with np.errstate(invalid="ignore"):
        over = emp > national[None, :, :] * (1 + 1e-9) + 1e-6
    # withheld cells are estimates on either side (CBP suppresses differently by level)
    over &= (cube["withheld"] == 0) & (reference_withheld[None, :, :] == 0)
    if not over.any():
        return
    issues = []
    for i, c, y in np.argwhere(over)[:20]:
        issues.append(
            ValidationIssue(
                Message(
                    "region {region!r} has {value:,.0f} of {measure} in cluster {cluster!r} in "
                    "{year}, more than the whole reference table {reference} ({national:,.0f}).",
                    region=str(cube["labels"][i]),
                    value=emp[i, c, y],
                    measure=measure,
                    cluster=clusters["cluster"].iat[c],
                    year=years[y],
                    reference=reference.source or "",
                    national=national[c, y],
                ),
                file=table.source,
                column=measure,
                fix=Message(
                    "give as --reference (reference=) the table of the nation that contains "
                    "these regions, in the same classification and years."
                ),
            )
        )
    raise DataValidationError(issues)
