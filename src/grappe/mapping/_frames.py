"""Dense arrays → the tidy frames of a ClusterMap (private to mapping)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from grappe.indicators.strong import _strength
from grappe.vocabulary import CLUSTER_MAP_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

#: Columns of :attr:`ClusterMap.indicators`, in order (defined in :mod:`grappe.vocabulary`).
INDICATOR_COLUMNS = CLUSTER_MAP_COLUMNS


def _cat(codes: np.ndarray, categories: Any) -> pd.Categorical:
    import pandas as pd

    return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=str))


def _codes_for(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    uniques, inverse = np.unique(values.astype(str), return_inverse=True)
    return inverse, uniques


def indicator_columns(
    values: dict[str, np.ndarray],
    labels: np.ndarray,
    names: np.ndarray,
    region_types: np.ndarray,
    clusters: tuple[Sequence[str], Sequence[str], Sequence[str]],
    years: tuple[int, ...],
) -> dict[str, Any]:
    """The columns of the tidy region × cluster × year table, in order: each label column as
    (integer codes, sorted string categories), the others as 1-D arrays.

    ``clusters``: the clusters' codes, names and types, in the map's cluster order.
    """
    cluster_codes, cluster_names, cluster_types = clusters
    n_r, n_c, n_t = len(labels), len(cluster_codes), len(years)
    r = np.repeat(np.arange(n_r), n_c * n_t)
    c = np.tile(np.repeat(np.arange(n_c), n_t), n_r)
    name_codes, name_cats = _codes_for(names)
    type_codes, type_cats = _codes_for(region_types)
    ctype_codes, ctype_cats = _codes_for(np.asarray(cluster_types, dtype=object))
    cname_codes, cname_cats = _codes_for(np.asarray(cluster_names, dtype=object))
    cols: dict[str, Any] = {
        "region": (r, labels),
        "region_name": (name_codes[r], name_cats),
        "region_type": (type_codes[r], type_cats),
        "cluster": (c, np.asarray(cluster_codes, dtype=object)),
        "cluster_name": (cname_codes[c], cname_cats),
        "cluster_type": (ctype_codes[c], ctype_cats),
        "year": np.tile(np.asarray(years, dtype=np.int16), n_r * n_c),
    }
    for key in INDICATOR_COLUMNS[7:]:
        cols[key] = values[key].reshape(-1)
    return cols


def _indicator_frame(
    values: dict[str, np.ndarray],
    labels: np.ndarray,
    names: np.ndarray,
    region_types: np.ndarray,
    clusters: pd.DataFrame,
    years: tuple[int, ...],
) -> pd.DataFrame:
    """The tidy region × cluster × year frame, built once from the dense arrays."""
    import pandas as pd

    cluster_arrays = tuple(
        clusters[k].to_numpy() for k in ("cluster", "cluster_name", "cluster_type")
    )
    cols = indicator_columns(values, labels, names, region_types, cluster_arrays, years)
    for key in INDICATOR_COLUMNS[:6]:
        cols[key] = _cat(*cols[key])
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
    import pandas as pd

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
    import pandas as pd

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
