"""Every error path of the indicator kernels raises InvalidParameterError with a clear message."""

from __future__ import annotations

import numpy as np
import pytest

from grappe.errors import InvalidParameterError
from grappe.indicators import (
    aggregate_cube,
    average_wage,
    cagr,
    cluster_stars,
    cluster_strength,
    focus,
    group_totals,
    job_change,
    location_quotient,
    national_share,
    percentile_rank,
    percentile_threshold,
    strong_clusters,
)

EMP = np.array([[1.0, 2.0], [3.0, 4.0]])


def test_non_numeric_input():
    with pytest.raises(InvalidParameterError, match="'employment' parameter of national_share"):
        national_share([["a", "b"]])


def test_one_dimensional_input():
    with pytest.raises(InvalidParameterError, match="at least 2 dimensions"):
        national_share([1.0, 2.0])


def test_negative_counts():
    with pytest.raises(InvalidParameterError, match="must be non-negative"):
        location_quotient([[1.0, -2.0]], [1.0])


def test_infinite_values():
    with pytest.raises(InvalidParameterError, match="free of infinite values"):
        focus([[1.0, np.inf]], [1.0])


def test_base_of_wrong_shape():
    with pytest.raises(InvalidParameterError, match="'base' parameter of location_quotient"):
        location_quotient(EMP, [1.0, 2.0, 3.0])


def test_national_of_wrong_shape():
    with pytest.raises(InvalidParameterError, match="'national' parameter"):
        location_quotient(EMP, [1.0, 2.0], national=[1.0, 2.0, 3.0])
    with pytest.raises(InvalidParameterError, match="'national' parameter of national_share"):
        national_share(EMP, national=[1.0])


def test_national_base_of_wrong_shape():
    with pytest.raises(InvalidParameterError, match="'national_base' parameter"):
        location_quotient(EMP, [1.0, 2.0], national_base=[1.0, 2.0, 3.0])


def test_average_wage_shapes():
    with pytest.raises(InvalidParameterError, match="'employment' parameter of average_wage"):
        average_wage(EMP, [[1.0, 2.0]])


def test_group_totals_groups_length():
    with pytest.raises(InvalidParameterError, match="'groups' parameter of group_totals"):
        group_totals(EMP, groups=["traded"])


def test_percentile_options():
    with pytest.raises(InvalidParameterError, match="'q' parameter of percentile_threshold"):
        percentile_threshold(EMP, q=101)
    with pytest.raises(InvalidParameterError, match="'pooled' parameter"):
        percentile_threshold(EMP, q=50, pooled="yes")
    with pytest.raises(InvalidParameterError, match="'groups' parameter of percentile_rank"):
        percentile_rank(EMP, groups=["a", "b", "c"])


def test_strong_clusters_options():
    with pytest.raises(InvalidParameterError, match="'lq_percentile' parameter"):
        strong_clusters(EMP, EMP, lq_percentile=-1)
    with pytest.raises(InvalidParameterError, match="'min_lq' parameter"):
        strong_clusters(EMP, EMP, min_lq=-0.5)
    with pytest.raises(InvalidParameterError, match="'size_percentile' parameter"):
        strong_clusters(EMP, EMP, size_percentile=200)
    with pytest.raises(InvalidParameterError, match="'employment' parameter of strong_clusters"):
        strong_clusters(EMP, [[1.0]])
    with pytest.raises(InvalidParameterError, match="'establishments' parameter"):
        strong_clusters(EMP, EMP, establishments=[[1.0]])


def test_cluster_strength_errors():
    with pytest.raises(InvalidParameterError, match="'strong' parameter of cluster_strength"):
        cluster_strength(EMP, EMP, traded=[True, True])
    with pytest.raises(InvalidParameterError, match="'traded' parameter of cluster_strength"):
        cluster_strength(EMP, EMP > 1, traded=[True])


def test_cluster_stars_options():
    with pytest.raises(InvalidParameterError, match="'focus_scope' parameter of cluster_stars"):
        cluster_stars(EMP, EMP, EMP, focus_scope="region")
    with pytest.raises(InvalidParameterError, match="'size_top' parameter"):
        cluster_stars(EMP, EMP, EMP, size_top=0)
    with pytest.raises(InvalidParameterError, match="'focus_top' parameter"):
        cluster_stars(EMP, EMP, EMP, focus_top=150)
    with pytest.raises(InvalidParameterError, match="'min_lq' parameter"):
        cluster_stars(EMP, EMP, EMP, min_lq=-2)
    with pytest.raises(InvalidParameterError, match="'lq' parameter of cluster_stars"):
        cluster_stars(EMP, [[1.0]], EMP)


def test_growth_errors():
    with pytest.raises(InvalidParameterError, match="'periods' parameter of cagr"):
        cagr(EMP, EMP, periods=0)
    with pytest.raises(InvalidParameterError, match="'end' parameter of job_change"):
        job_change(EMP, [[1.0]])


def test_aggregate_cube_errors():
    with pytest.raises(InvalidParameterError, match="'shape' parameter of aggregate_cube"):
        aggregate_cube([0], [0], [0], [1.0], shape=(1, 1))
    with pytest.raises(InvalidParameterError, match="'cluster' parameter of aggregate_cube"):
        aggregate_cube([0], [0, 1], [0], [1.0], shape=(1, 1, 1))
    with pytest.raises(InvalidParameterError, match="positions below 2"):
        aggregate_cube([0], [0], [5], [1.0], shape=(1, 1, 2))
