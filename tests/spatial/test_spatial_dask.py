"""The same seed gives the same numbers on local threads and on a real Dask cluster."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from grappe.spatial import kdensity_by_activity, m_function, points_from_frame

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as lc:
        yield lc


def synthetic_points():
    rng = np.random.default_rng(11)  # synthetic sites
    xy = rng.uniform(0, 30_000, (400, 2))
    f = pd.DataFrame(
        {
            "x": xy[:, 0],
            "y": xy[:, 1],
            "a": rng.choice(["s", "t", "o"], 400),
            "e": rng.integers(1, 40, 400),
        }
    )
    return points_from_frame(f, x="x", y="y", crs="EPSG:2154", activity="a", weight="e")


def test_kdensity_identical_on_local_cluster_and_threads(cluster):
    p = synthetic_points()
    kw = {"weighted": True, "n_simulations": 19, "seed": 42, "keep_simulations": True}
    local = kdensity_by_activity(p, ["s", "t"], scheduler="threads", **kw)
    with distributed.Client(cluster) as client:
        remote = kdensity_by_activity(p, ["s", "t"], scheduler=client, **kw)
    by_address = kdensity_by_activity(p, ["s", "t"], scheduler=cluster.scheduler_address, **kw)
    for act in ("s", "t"):
        np.testing.assert_array_equal(local[act].simulations, remote[act].simulations)
        np.testing.assert_array_equal(local[act].simulations, by_address[act].simulations)
        pd.testing.assert_frame_equal(local[act].curves, remote[act].curves)


def test_m_function_identical_on_local_cluster(cluster):
    p = synthetic_points()
    radii = [500.0, 1000.0, 2000.0]
    local = m_function(p, "s", radii, n_simulations=8, seed=3, scheduler="sync")
    remote = m_function(p, "s", radii, n_simulations=8, seed=3, scheduler=cluster.scheduler_address)
    pd.testing.assert_frame_equal(local, remote)


def test_a_second_call_with_the_same_data_on_the_same_client(cluster):
    """The shared data is scattered under a fresh key per call: the first call's release of its
    key must not take the data from under the second ("lost dependencies")."""
    p = synthetic_points()
    kw = {"weighted": True, "n_simulations": 9, "seed": 5}
    with distributed.Client(cluster) as client:
        first = kdensity_by_activity(p, ["s"], scheduler=client, **kw)
        second = kdensity_by_activity(p, ["s"], scheduler=client, **kw)
    pd.testing.assert_frame_equal(first["s"].curves, second["s"].curves)
