"""Fixtures shared by the spatial tests."""

from __future__ import annotations

import pytest

from grappe.io.spatial import count_by_area, read_areas


@pytest.fixture(scope="module")
def iris_metal_products(shared_data):
    """The 253 Bas-Rhin IRIS holding metal-products establishments (NAF 25), with their counts.

    Real data: ``../shared/data/fr_bas_rhin_sirene_iris`` (see its PROVENANCE: 253 IRIS hold the
    establishments).
    """
    base = shared_data / "fr_bas_rhin_sirene_iris"
    counts = count_by_area(
        base / "sirene_bas_rhin_establishments_by_iris.csv.gz",
        area="code_iris",
        query="naf_code.str.startswith('25')",
    )
    areas = read_areas(
        base / "iris_bas_rhin_wgs84.geojson",
        id_property="DCOMIRIS",
        counts=counts,
        missing_counts="drop",
    )
    assert len(areas.data) == 253
    return areas
