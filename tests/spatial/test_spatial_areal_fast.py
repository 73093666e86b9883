"""The pandas-free path of ``grappe spatial areal`` (issue 17, goal 3) against the pandas path.

Real case: the 253 Bas-Rhin IRIS holding metal-products establishments (SIRENE by IRIS,
``../shared/data/fr_bas_rhin_sirene_iris``), as ``benchmarks/bench_areal.py`` runs it. The
other files are SYNTHETIC, written in ``tmp_path``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from scipy import sparse
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.cli.spatial_areal import read_area_arrays, tally
from grappe.errors import DataValidationError, InvalidParameterError
from grappe.io.spatial import count_by_area, read_areas
from grappe.io.spatial_fast import columns_csv, count_units, read_unit_polygons
from grappe.spatial import getis_ord, local_moran
from grappe.spatial.areal import areal_columns
from grappe.spatial.lisa import RowWeights, _normal_tail, gi_star, moran_local

runner = CliRunner()
SRC = Path(__file__).resolve().parents[2] / "src"
FILTER = "naf_code.str.startswith('25')"


@pytest.fixture(scope="module")
def iris_files(shared_data):
    base = shared_data / "fr_bas_rhin_sirene_iris"
    return (
        base / "iris_bas_rhin_wgs84.geojson",
        base / "sirene_bas_rhin_establishments_by_iris.csv.gz",
    )


def areal_args(geo, firms, statistic, out):
    return [
        "spatial",
        "areal",
        str(geo),
        "--id-property",
        "DCOMIRIS",
        "--counts",
        str(firms),
        "--area-column",
        "code_iris",
        "--filter",
        FILTER,
        "--statistic",
        statistic,
        "--permutations",
        "999",
        "--seed",
        "0",
        "--out",
        str(out),
    ]


def test_the_benchmarked_command_imports_neither_pandas_nor_scipy(iris_files, tmp_path):
    geo, firms = iris_files
    out = tmp_path / "gi.csv"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "grappe.cli.main"]
        + areal_args(geo, firms, "gi", out),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert out.exists(), done.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "numpy" in imported and "shapely" in imported  # the trace is read right
    assert not {"pandas", "scipy", "matplotlib"} & imported
    assert "typer.rich_utils" not in imported  # its labels are English already


@pytest.mark.parametrize("statistic", ["gi", "moran"])
def test_the_command_writes_what_the_pandas_path_computes(
    statistic, iris_files, iris_metal_products, tmp_path
):
    geo, firms = iris_files
    out = tmp_path / f"{statistic}.csv"
    result = runner.invoke(app, areal_args(geo, firms, statistic, out))
    assert result.exit_code == 0, result.output
    func = getis_ord if statistic == "gi" else local_moran
    table = func(iris_metal_products, "count", permutations=999, seed=0)
    assert out.read_text() == table.to_csv(index=False)  # every cell, to the last digit
    key = "spot" if statistic == "gi" else "cluster"
    for value, count in table[key].value_counts().items():
        assert f"{value} " in result.stdout and f" {count} " in result.stdout
    assert len(table) == 253


def test_the_arrays_are_the_areas_of_the_pandas_readers(iris_files, iris_metal_products):
    geo, firms = iris_files
    arrays = read_area_arrays(
        geo, id_property="DCOMIRIS", counts=firms, area="code_iris", query=FILTER, column="count"
    )
    areas = iris_metal_products  # read by count_by_area and read_areas (pandas)
    assert arrays.ids == list(areas.data["id"])
    np.testing.assert_array_equal(arrays.values, areas.data["count"].to_numpy(float))
    assert [shapely.to_wkb(g) for g in arrays.geometries] == [
        shapely.to_wkb(g) for g in areas.geometries
    ]
    assert arrays.source == areas.source


def synthetic_firms(path: Path) -> pd.DataFrame:
    """SYNTHETIC establishments: 400 rows over 12 units, codes with shared prefixes."""
    rng = np.random.default_rng(4)
    frame = pd.DataFrame(
        {
            "unit": rng.choice([f"u{k:02d}" for k in range(12)], 400),
            "naf_code": rng.choice(["2561Z", "2562A", "2511Z", "4520A", "6201Z", "25"], 400),
            "size_class": rng.choice(["00", "01", "NN", "11"], 400),
        }
    )
    frame.to_csv(path, index=False)
    return frame


@pytest.mark.parametrize(
    "query",
    [
        "naf_code.str.startswith('25')",
        "naf_code.str.startswith(('256', '45'))",
        "naf_code.str.endswith('Z')",
        "naf_code == '2561Z'",
        "'2561Z' != naf_code",
        "naf_code in ['2561Z', '6201Z']",
        "naf_code not in ('2561Z', '6201Z')",
        "naf_code.isin(['2511Z'])",
        "naf_code.str.startswith('25') & size_class == '00'",
        "naf_code.str.startswith('25') & (size_class == '00')",
        "(naf_code == '25') | (size_class != 'NN')",
        "naf_code.str.startswith('25') and not size_class == 'NN'",
        "~naf_code.str.startswith('25') or size_class in ['11']",
        "~(naf_code.str.endswith('Z') | size_class.isin(['01']))",
        "not naf_code == '2561Z' & size_class == '00'",
        "naf_code == 'a&b' | size_class == '|'",
        'naf_code == "25\\"" | size_class == "00"',
    ],
)
def test_the_filters_mean_what_pandas_query_means(query, tmp_path):
    path = tmp_path / "firms.csv"
    synthetic_firms(path)
    try:
        reference = count_by_area(path, area="unit", query=query)
    except DataValidationError:  # pandas refuses it: the fast reader must leave it to pandas
        assert count_units(path, area="unit", query=query) is None
        return
    fast = count_units(path, area="unit", query=query)
    assert fast is not None
    got = dict(zip(fast.ids, zip(fast.count, fast.total, strict=True), strict=True))
    assert got == {
        i: (c, t) for i, c, t in reference[["id", "count", "total"]].itertuples(index=False)
    }


@pytest.mark.parametrize(
    ("content", "query"),
    [
        ('unit,naf_code\n"u1",2561Z\nu2,4520A\n', None),  # quotes
        ("unit;naf_code\nu1;2561Z\nu2;4520A\n", None),  # another separator
        ("unit, naf_code\nu1, 2561Z\nu2, 4520A\n", None),  # spaces after commas
        ("unit,naf_code\nu1,\nu2,4520A\n", "naf_code == '4520A'"),  # an empty cell used
        ("unit,naf_code\nu1,2561Z\n\nu2,4520A\n", None),  # a blank row
        ("unit,naf_code\nu1,2561Z,x\nu2,4520A\n", None),  # a ragged row
        ("unit,naf_code\n", None),  # no data rows
        ("unit,naf_code\nu1,2561Z\n", "naf_code.str.contains('25')"),  # another form
        ("unit,naf_code\nu1,2561Z\n", "naf_code > '2'"),
        ("unit,naf_code\nu1,2561Z\n", "naf_code == '25' == unit"),
        ("unit,naf_code\nu1,2561Z\n", "absent == 'x'"),
        ("unit,naf_code\nu1,2561Z\n", "naf_code.str.startswith(['25'])"),
        ("unit,unit\nu1,2561Z\n", None),  # a repeated column name
    ],
)
def test_the_fast_reader_leaves_other_tables_to_pandas(content, query, tmp_path):
    path = tmp_path / "firms.csv"
    path.write_text(content)
    assert count_units(path, area="unit", query=query) is None
    assert count_units(tmp_path / "absent.csv", area="unit") is None
    (tmp_path / "latin.csv").write_bytes("unit,name\nu1,Sélestat\n".encode("cp1252"))
    assert count_units(tmp_path / "latin.csv", area="unit") is None


def feature(code, geometry, **extra):
    return {"type": "Feature", "properties": {"code": code, **extra}, "geometry": geometry}


def test_polygons_with_holes_and_multipolygons_are_shapely_shapes(tmp_path):
    holed = shapely.Polygon(
        [(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)], [[(1, 1), (2, 1), (2, 2), (1, 2), (1, 1)]]
    )
    multi = shapely.MultiPolygon([shapely.box(5, 0, 6, 1), holed.buffer(0).exterior.envelope])
    features = [
        feature("a", shapely.geometry.mapping(holed)),
        feature(7, shapely.geometry.mapping(multi)),
        feature("c", shapely.geometry.mapping(shapely.box(9, 9, 10, 10))),
    ]
    path = tmp_path / "units.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    ids, geometries, names = read_unit_polygons(path, id_property="code")
    assert ids == ["a", "7", "c"] and names == {"code"}
    assert [shapely.to_wkb(g) for g in geometries] == [
        shapely.to_wkb(g) for g in read_areas(path, id_property="code").geometries
    ]


@pytest.mark.parametrize(
    "text",
    [
        '{"type": "FeatureCollection", "type": "FeatureCollection", "features": []}',
        json.dumps({"type": "FeatureCollection", "features": [feature(None, None)]}),
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    feature("a", {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1]]]})
                ],
            }
        ),
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    feature(
                        "a",
                        {
                            "type": "Polygon",
                            "coordinates": [[[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 0, 1]]],
                        },
                    )
                ],
            }
        ),
        json.dumps({"type": "FeatureCollection", "features": [feature("a", {"type": "Point"})]}),
        json.dumps({"type": "Feature"}),
        "[1, 2",
        "",
    ],
)
def test_the_fast_reader_leaves_other_geojson_to_pandas(text, tmp_path):
    path = tmp_path / "units.geojson"
    path.write_text(text)
    assert read_unit_polygons(path, id_property="code") is None


def test_values_and_islands_give_the_errors_of_the_pandas_path():
    boxes = [shapely.box(k, 0, k + 1, 1) for k in range(3)] + [shapely.box(10, 10, 11, 11)]
    ids = ["a", "b", "c", "d"]
    with pytest.raises(InvalidParameterError, match="'islands' parameter of spatial_weights"):
        areal_columns("gi", ids, boxes, [1.0, 2, 3, 4])
    with pytest.raises(DataValidationError, match="Gi\\* needs values >= 0"):
        areal_columns("gi", ids[:3], boxes[:3], [1.0, -2, 3])
    with pytest.raises(DataValidationError, match="same value 2"):
        areal_columns("moran", ids[:3], boxes[:3], [2.0, 2, 2])
    with pytest.raises(InvalidParameterError, match="'permutations' parameter of local_moran"):
        areal_columns("moran", ids[:3], boxes[:3], [1.0, 2, 3], permutations=0)
    with pytest.raises(InvalidParameterError, match="'statistic' parameter of areal_columns"):
        areal_columns("lisa", ids[:3], boxes[:3], [1.0, 2, 3])


def test_row_weights_give_the_floats_of_scipy_matrices():
    rng = np.random.default_rng(8)  # SYNTHETIC weights, unequal, with a diagonal and a zero
    dense = rng.uniform(0.5, 2, (60, 60)) * (rng.random((60, 60)) < 0.1)
    np.fill_diagonal(dense, 1.0)
    dense[0, 1:3] = [0.0, 1.0]
    matrix = sparse.csr_array(dense)
    rows = RowWeights(matrix.indptr, matrix.indices, matrix.data)
    y = rng.poisson(3.0, 60).astype(float) + 0.25
    for statistic in (gi_star, moran_local):
        a = statistic(y, matrix, permutations=99, seed=2)
        b = statistic(y, rows, permutations=99, seed=2)
        for name, value in vars(a).items():
            np.testing.assert_array_equal(value, getattr(b, name), err_msg=name)
    with pytest.raises(InvalidParameterError, match="sparse 61×61 matrix"):
        gi_star(np.append(y, 1.0), rows)


def test_the_normal_tail_is_scipys():
    from scipy.special import ndtr

    z = np.concatenate([np.linspace(-9, 9, 4001), [0.0, 0.7071, 1e-12, 38.0]])
    # far in the tail the C library keeps a subnormal number where Cephes says 0
    np.testing.assert_allclose(_normal_tail(z), ndtr(-np.abs(z)), rtol=1e-14, atol=1e-300)


def test_tally_lists_as_value_counts():
    rng = np.random.default_rng(3)
    for _ in range(50):
        values = rng.choice(["hot", "cold", "not significant", "low-low"], rng.integers(1, 9))
        expected = list(pd.Series(values).value_counts().items())
        assert tally(values) == [(str(k), int(v)) for k, v in expected]


def test_columns_csv_is_to_csv():
    columns = {
        "id": ["a", 'q"uote', "b,c", "ünï"],
        "value": np.array([1.0, 0.1, 1e-5, 123456789012345678.0]),
        "p": np.array([np.nan, 0.004, 1 / 3, -0.0]),
        "spot": np.array(["hot", "cold", "not significant", "hot"]),
    }
    assert columns_csv(columns) == pd.DataFrame(columns).to_csv(index=False)


@pytest.mark.parametrize("statistic", [gi_star, moran_local])
def test_numpy_and_scipy_products_give_the_same_floats(statistic, monkeypatch):
    from grappe.spatial import lisa

    rng = np.random.default_rng(5)  # SYNTHETIC kNN-like weights, rows of 9 to 12 entries
    n = 3000
    cols = np.sort(rng.choice(n, size=(n, 12)), axis=1)
    matrix = sparse.csr_array(
        (rng.uniform(0.2, 3, n * 12), (np.repeat(np.arange(n), 12), cols.ravel())), shape=(n, n)
    )
    y = rng.gamma(2.0, 1.3, n)
    monkeypatch.setattr(lisa, "_SCIPY_FROM", 10**12)
    numpy_sums = statistic(y, matrix, permutations=19, seed=1)
    monkeypatch.setattr(lisa, "_SCIPY_FROM", 0)
    scipy_sums = statistic(y, matrix, permutations=19, seed=1)
    for name, value in vars(numpy_sums).items():
        np.testing.assert_array_equal(value, getattr(scipy_sums, name), err_msg=name)
