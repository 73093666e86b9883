"""Dense arrays → the tidy frames of a ClusterMap (private to mapping)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from grappe.indicators.strong import _strength
from grappe.vocabulary import CLUSTER_MAP_COLUMNS

#: Columns of :attr:`ClusterMap.indicators`, in order (defined in :mod:`grappe.vocabulary`).
INDICATOR_COLUMNS = CLUSTER_MAP_COLUMNS


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
    for key in INDICATOR_COLUMNS[7:]:
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
