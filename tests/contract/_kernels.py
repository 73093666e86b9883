"""The registry of every public kernel function: how to call it, for the contract checks.

A public function is a function in ``__all__`` of a kernel package (:data:`PACKAGES`) or of
the drawing modules of network and spatial. A new one fails the contract until it is listed in
:data:`SPECS`, so that nobody adds a public kernel without its contract.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import inspect
from dataclasses import replace
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from _checks import Spec

from grappe.assess import diamond, success_factors
from grappe.complexity import Concordance, eci_pci, industry_space
from grappe.definitions import definitions_from_frame
from grappe.model import ClusterDefinitions
from grappe.network import diagnose
from grappe.programmes import LabelState
from grappe.roadmap import check_records, evaluate_kpis, make_label
from grappe.spatial import kdensity_by_activity

PACKAGES = (
    "indicators",
    "complexity",
    "concentration",
    "mapping",
    "network",
    "spatial",
    "assess",
    "roadmap",
    "matchmaking",
    "definitions",
    "ecosystem",
    "programmes",
)
EXTRA_MODULES = ("grappe.network.figures", "grappe.spatial.maps")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def public_functions() -> dict[str, object]:
    """``"package.name"`` → function, for every public kernel function."""
    found = {}
    modules = [importlib.import_module(f"grappe.{p}") for p in PACKAGES]
    modules += [importlib.import_module(m) for m in EXTRA_MODULES]
    for module in modules:
        short = module.__name__.removeprefix("grappe.")
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                found.setdefault(f"{short.split('.')[0]}.{name}", obj)
    return found


# ------------------------------------------------------------------------------ inputs
REGIONS = pd.Index(["r1", "r2", "r3", "r4"], name="region")
CLUSTERS = pd.Index(["c1", "c2", "c3"], name="cluster")
_RNG = np.random.default_rng(0)


def _frame(values):
    return pd.DataFrame(values, index=REGIONS, columns=CLUSTERS)


EMP = _frame(_RNG.integers(1, 50, size=(4, 3)).astype(float))
EST = _frame(_RNG.integers(1, 9, size=(4, 3)).astype(float))
LQ = _frame(_RNG.uniform(0, 3, size=(4, 3)))
TOTAL = pd.Series(EMP.sum(axis=1).to_numpy() + 10.0, index=REGIONS)

X = pd.DataFrame(
    _RNG.integers(0, 40, size=(6, 5)).astype(float) + np.eye(6, 5) * 50,
    index=pd.Index([f"r{i}" for i in range(6)], name="region"),
    columns=pd.Index([f"i{j}" for j in range(5)], name="industry"),
)
M = (X.mean() < X).astype(float)
PHI = pd.DataFrame(
    [[1, 0.9, 0.2], [0.9, 1, 0.6], [0.2, 0.6, 1]], index=list("abc"), columns=list("abc")
)
FLOWS = pd.DataFrame(
    [[0, 6, 2], [1, 0, 0], [0, 2, 0]], index=list("abc"), columns=list("abc"), dtype=float
)
GEO = pd.DataFrame({"lon": [6.61, 6.62, 6.63], "lat": [36.36, 36.37, 36.38], "naf": list("aab")})
LONG = pd.DataFrame(
    {"y": [2020, 2020, 2021], "r": ["a", "b", "a"], "i": ["x", "x", "y"], "v": [1.0, 2.0, 3.0]}
)


def _table():
    from grappe.model import RegionalTable

    rows = pd.DataFrame(
        {
            "region": list("AAABBBCCC"),
            "industry": ["1111", "2222", "3333"] * 3,
            "year": 2020,
            "employment": [90.0, 10.0, 5.0, 50.0, 50.0, 20.0, 10.0, 90.0, 60.0],
            "establishments": 3.0,
            "payroll": 100.0,
            "withheld": False,
        }
    )
    return RegionalTable(rows, region_names={"A": "Alpha"})


def _definitions():
    from grappe.model import ClusterDefinitions

    return ClusterDefinitions(
        pd.DataFrame(
            {
                "code": ["1111", "2222", "3333"],
                "cluster": ["1", "2", "3"],
                "cluster_name": ["Farm", "Tech", "Mill"],
                "subcluster": None,
                "cluster_type": "traded",
            }
        )
    )


@functools.cache
def _net_frames():
    actors = pd.read_csv(FIXTURES / "network" / "synthetic_actors.csv", dtype=str)
    ties = pd.read_csv(FIXTURES / "network" / "synthetic_ties.csv", dtype={"wave": str})
    return actors, ties


def _net():
    from grappe.network import build_network

    actors, ties = _net_frames()
    return build_network(actors, ties)


def _templates():
    path = resources.files("grappe") / "data" / "network" / "diagnosis_texts.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _points():
    from grappe.spatial import points_from_frame

    rng = np.random.default_rng(5)
    frame = pd.DataFrame(
        {
            "x": rng.uniform(0, 5000, 40),
            "y": rng.uniform(0, 5000, 40),
            "naf": ["s"] * 20 + ["t"] * 20,
            "emp": rng.integers(1, 9, 40).astype(float),
        }
    )
    return points_from_frame(frame, x="x", y="y", crs="EPSG:2154", activity="naf", weight="emp")


def _areas():
    import shapely

    from grappe.spatial import areas_from_geometries

    geoms = [shapely.box(i, j, i + 1, j + 1) for j in range(4) for i in range(4)]
    values = np.ones(16)
    values[[0, 1, 4, 5]] = 50.0
    return areas_from_geometries(
        [f"u{k}" for k in range(16)], geoms, pd.DataFrame({"n": values}), crs="EPSG:3857"
    )


def _questionnaire(name):
    from grappe.assess import Questionnaire

    path = resources.files("grappe") / "data" / "questionnaires" / f"{name}.yaml"
    return Questionnaire.from_dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def _indicator_rows():
    years = [2018, 2019, 2020]
    return pd.DataFrame(
        {
            "region": ["A"] * 3 + ["B"] * 3,
            "cluster": "1",
            "year": years * 2,
            "employment": [100.0, 110.0, 121.0, 50.0, 50.0, 50.0],
            "establishments": 10.0,
            "payroll": 4000.0,
            "avg_wage": 40.0,
            "lq": [1.3, 1.35, 1.4, 0.8, 0.8, 0.8],
            "national_share": 0.1,
            "focus": 0.05,
            "strong": True,
            "stars": 1,
        }
    )


def _lifecycle_series():
    return pd.DataFrame(
        {
            "year": [2018, 2019, 2020],
            "employment": [100.0, 110.0, 121.0],
            "national_employment": [1000.0, 1000.0, 1000.0],
            "lq": [1.3, 1.35, 1.4],
        }
    )


def _kpis():
    return pd.DataFrame(
        {
            "kpi": ["members", "members", "jobs", "jobs"],
            "period": ["2022", "2023", "2022", "2023"],
            "value": [40, 52, 1000, 990],
            "target": [None, 50, None, 1000],
            "direction": ["at_least"] * 4,
        }
    )


def _action():
    return {
        "id": "A1",
        "title": "Kick-off",
        "phase": "mobilise",
        "owner": "CCI",
        "budget": 1000,
        "currency": "DZD",
        "start": "2024-01-01",
        "end": "2024-03-31",
        "status": "done",
    }


def _label_data():
    return {
        "name": "Label",
        "level": "bronze",
        "criteria": ["members >= 40"],
        "valid_from": "2023-01-01",
        "valid_to": "2025-12-31",
    }


def _mm(name):
    return pd.read_csv(FIXTURES / "matchmaking" / f"{name}.csv", dtype={"cluster": str})


def _small_questionnaire():
    from grappe.assess import Questionnaire

    text = {"fr": "N ?", "ar": "ن؟", "en": "N?"}
    return Questionnaire.from_dict(
        {
            "name": "m",
            "title": {"fr": "M", "ar": "م", "en": "M"},
            "dimensions": ["a"],
            "questions": [
                {"id": "n", "dimension": "a", "type": "number", "cuts": [1, 2, 3, 4],
                 "text": text},
                {"id": "y", "dimension": "a", "type": "yes_no", "required": False,
                 "text": text},
            ],
        }
    )  # fmt: skip


def _figures():
    from grappe.assess import network_figures

    return network_figures(diagnose(_net()).summary)


def _a(*args, **kwargs):
    """A call, built lazily."""
    return lambda: (args, kwargs)


def _later(build, *rest, **kwargs):
    """A call whose first argument is built when the check runs (fresh objects each time)."""
    return lambda: ((build(), *rest), kwargs)


def _derive_table():
    """6 regions × 4 industries (hand-made): industries 1111/2222 and 3333/4444 co-locate."""
    from grappe.model import RegionalTable

    high = [90.0, 80.0, 85.0, 5.0, 8.0, 6.0]  # the first three regions hold 1111 and 2222
    rows = [
        (f"R{r}", code, 2020, (high[r] if first else high[5 - r]) + k, 2.0 + r, 0.0, False)
        for r in range(6)
        for k, (code, first) in enumerate(
            [("1111", True), ("2222", True), ("3333", False), ("4444", False)]
        )
    ]
    frame = pd.DataFrame(rows, columns=["region", "industry", "year", "employment",
                                        "establishments", "payroll", "withheld"])  # fmt: skip
    return RegionalTable(frame, region_names={"R0": "Zero"})


def _derive_benchmark():
    from grappe.model import ClusterDefinitions

    return ClusterDefinitions(
        pd.DataFrame(
            {
                "code": ["1111", "2222", "3333", "4444"],
                "cluster": ["a", "a", "b", "b"],
                "cluster_name": ["A", "A", "B", "B"],
                "subcluster": None,
                "cluster_type": "traded",
            }
        )
    )


_SIM = pd.DataFrame(
    [[0, 9, 1, 1], [9, 0, 1, 1], [1, 1, 0, 9], [1, 1, 9, 0]],
    index=list("abcd"),
    columns=list("abcd"),
    dtype=float,
)
_RULES = pd.DataFrame({"code": ["1111", "22"], "cluster": ["1", "2"], "cluster_name": ["F", "T"]})


# ------------------------------------------------------------------------------ the specs
_ind = {
    "aggregate_cube": Spec(
        data=4,
        sample=_a(
            np.array([0, 1, 1]),
            np.array([2, 0, 0]),
            np.array([0, 0, 1]),
            np.ones(3),
            shape=(2, 3, 2),
        ),
        bad=(_a(np.array([0]), np.array([0]), np.array([0]), np.ones(1), shape=(0, 1, 1)),),
        labels=None,
        why="arrays of codes in, a dense array out",
    ),
    "average_wage": Spec(data=2, sample=_a(EMP * 40.0, EMP), labels="same"),
    "cagr": Spec(
        data=2, sample=_a(EMP, EMP * 1.1, periods=3), labels="same", bad=(_a(EMP, EMP, periods=0),)
    ),
    "cluster_stars": Spec(
        data=3,
        sample=_a(EMP, LQ, EMP / 100.0, size_top=25.0),
        labels="same",
        bad=(_a(EMP, LQ, EMP / 100.0, size_top=-1.0),),
    ),
    "cluster_strength": Spec(
        data=2, sample=_a(EMP, LQ > 1, traded=[True, True, False]), labels="same"
    ),
    "focus": Spec(data=2, sample=_a(EMP, TOTAL), labels="same"),
    "group_totals": Spec(
        sample=_a(EMP, groups=["traded", "traded", "local"]),
        labels="same",
        bad=(_a(EMP, groups=["traded"]),),
    ),
    "job_change": Spec(data=2, sample=_a(EMP, EMP * 2), labels="same"),
    "location_quotient": Spec(data=2, sample=_a(EMP, TOTAL), labels="same", bad=(_a(EMP, -TOTAL),)),
    "national_share": Spec(sample=_a(EMP), labels="same"),
    "percentile_rank": Spec(sample=_a(LQ, groups=["a", "a", "b", "b"]), labels="same"),
    "percentile_threshold": Spec(sample=_a(LQ, q=75.0), labels="same", bad=(_a(LQ, q=175.0),)),
    "strong_clusters": Spec(data=2, sample=_a(LQ, EMP, establishments=EST), labels="same"),
}

# exports by cluster (concord): HS4 → NAICS → clusters, a two-country trade matrix
_HS_NAICS = Concordance(
    "HS", "NAICS", (("0804", "111339", 1.0), ("1701", "31131", 1.0)), classification="naics2017"
)
_AGRIFOOD = ClusterDefinitions(
    pd.DataFrame(
        {"code": ["111", "311313", "311314"], "cluster": ["agri", "food", "food"],
         "cluster_name": ["Agriculture", "Food", "Food"], "subcluster": None,
         "cluster_type": "traded"}
    ),
    classification="naics2017",
)  # fmt: skip
_TRADE = pd.DataFrame({"0804": [3.0, 1.0], "1701": [1.0, 4.0]}, index=["DZA", "FRA"])
_NOT_PANDAS = "returns frozen dataclasses of clusters, not labelled frames"

_cx = {
    "aggregate_flows": Spec(
        data=2, sample=_a(FLOWS, pd.DataFrame({"g": [1.0, 1.0, 0.0]}, index=list("abc")))
    ),
    "as_matrix": Spec(
        sample=_a(X, func="f"),
        utility=True,
        bad=(_a("matrix", func="f"),),
        labels=None,
        why="returns a LabelledMatrix (its labels are checked by rca, eci_pci…)",
    ),
    "binary_specialisation": Spec(sample=_a(X), labels="same", bad=(_a(X, threshold=-1.0),)),
    "colocation": Spec(sample=_a(X)),
    "combined_relatedness": Spec(
        sample=_a({"io": PHI, "lc": PHI}), bad=(_a({"io": PHI}, weights={"io": -1.0}),)
    ),
    "complexity_outlook": Spec(data=3, sample=lambda: ((M, eci_pci(M)), {})),
    "complexity_panel": Spec(
        sample=_a({2020: X, 2021: X * 2}, threshold=0.9), bad=(_a({2020: X}, method="magic"),)
    ),
    "complexity_suite": Spec(sample=_a(X), bad=(_a(X, threshold=-1.0),)),
    "cooccurrence": Spec(
        sample=_a(M),
        labels=None,
        why="returns the raw product MᵀM for proximity, which keeps labels",
    ),
    "diversity": Spec(sample=_a(M), bad=(_a("matrix"),)),
    "eci_pci": Spec(sample=_a(M), bad=(_a(X),)),
    "exports_by_cluster": Spec(
        data=3,
        sample=_a({"0804": 3.0, "1701": 1.0}, _HS_NAICS, _AGRIFOOD, country="DZA"),
        bad=(_a({"804": 1.0}, _HS_NAICS, _AGRIFOOD, country="DZA"),),
        labels=None,
        examples=True,
        why=_NOT_PANDAS,
    ),
    "find_region": Spec(
        data=2,
        sample=_later(_table, "alpha"),
        utility=True,
        labels=None,
        bad=(_later(_table, "Atlantis"),),
    ),
    "export_opportunities": Spec(
        data=2,
        sample=_a(X, "r0", min_country_exports=0, min_product_exports=0),
        bad=(_a(X, "nowhere"), _a(X, "r0", density_weight=2.0)),
        labels=None,
        why="a tuple of Opportunity records named by the input's columns (tests/complexity)",
    ),
    "export_profile": Spec(
        data=2,
        sample=_a(X, "r0", min_country_exports=0, min_product_exports=0),
        bad=(_a(X, "nowhere"), _a(X, "r0", top=0), _a(X.to_numpy(), "r0")),
        labels=None,
        why="an ExportProfile whose records are named by the input's labels (tests/complexity)",
    ),
    "fitness_complexity": Spec(sample=_a(M), bad=(_a(M, iterations=1),)),
    "group_relatedness": Spec(
        data=2,
        sample=_a(PHI, {"a": "A", "b": "A", "c": "C"}),
        labels=None,
        why="labelled by the group names, not the input's",
    ),
    "industry_flows": Spec(
        data=2,
        sample=_a(
            pd.DataFrame([[0.0, 5.0], [2.0, 0.0]], index=["c1", "c2"], columns=["i1", "i2"]),
            pd.DataFrame([[10.0, 0.0], [0.0, 4.0]], index=["i1", "i2"], columns=["c1", "c2"]),
        ),
    ),
    "industry_space": Spec(
        sample=_a(PHI, min_proximity=None),
        labels=None,
        why="a networkx graph; its nodes are the labels (see space_to_json)",
    ),
    "io_relatedness": Spec(sample=_a(FLOWS), labels="same"),
    "knn_density": Spec(data=2, sample=_a(M, k=3), labels="same"),
    "pivot_long": Spec(
        sample=_a(LONG, rows="r", cols="i", values="v"),
        utility=True,
        bad=(_a(LONG, rows="zz", cols="i", values="v"),),
    ),
    "pivot_panel": Spec(
        sample=_a(LONG, rows="r", cols="i", values="v", time="y"),
        utility=True,
        bad=(_a(LONG, rows="r", cols="i", values="v", time="zz"),),
    ),
    "product_cluster_weights": Spec(
        data=2,
        sample=_a(_HS_NAICS, _AGRIFOOD),
        bad=(_a(_HS_NAICS, "us-benchmark"),),
        labels=None,
        examples=True,
        why="builds a new table of heading × cluster weights from tuples",
    ),
    "products_of_clusters": Spec(
        data=2,
        sample=_a(_HS_NAICS, _AGRIFOOD),
        bad=(_a({"0804": "111339"}, _AGRIFOOD),),
        labels=None,
        examples=True,
        why=_NOT_PANDAS,
    ),
    "proximity": Spec(sample=_a(M)),
    "rca": Spec(sample=_a(X), labels="same", bad=(_a(-X),)),
    "related_table": Spec(
        data=2,
        sample=_later(_table, "A", level="industry"),
        bad=(_later(_table, "A", level="sector"),),
    ),
    "region_unit_matrix": Spec(
        sample=_later(_table),
        bad=(_later(_table, cluster_type="local"),),
        utility=True,
    ),
    "relatedness_density": Spec(data=2, sample=_a(M), labels="same"),
    "rpop": Spec(
        data=2, sample=_a(X, pd.Series(np.arange(1.0, 7.0), index=X.index)), labels="same"
    ),
    "space_to_json": Spec(
        sample=lambda: ((industry_space(PHI),), {}),
        labels=None,
        utility=True,
        why="JSON for the web page",
    ),
    "trade_by_cluster": Spec(
        data=4,
        sample=_a(_TRADE, "DZA", _HS_NAICS, _AGRIFOOD),
        bad=(
            _a(_TRADE, "DZ", _HS_NAICS, _AGRIFOOD),
            _a(_TRADE.to_dict(), "DZA", _HS_NAICS, _AGRIFOOD),
        ),
        labels=None,
        examples=True,
        why=_NOT_PANDAS,
    ),
    "ubiquity": Spec(sample=_a(M), bad=(_a("matrix"),)),
}

_cc = {
    "coagglomeration": Spec(sample=_a(X)),
    "concentration_table": Spec(
        sample=_later(_table, index="hoover"),
        bad=(_later(_table, index="theil"), _later(_table, index="shift-share", start=2020)),
    ),
    "ellison_glaeser": Spec(data=2, sample=_a(X, dict.fromkeys(X.columns, 0.2))),
    "entropy_decomposition": Spec(
        data=2,
        sample=_a(pd.DataFrame([[1.0, 1.0, 2.0]], columns=["311", "312", "421"]), 1),
        bad=(_a(pd.DataFrame([[1.0, 1.0, 2.0]], columns=["311", "312", "421"]), 1, base=-2.0),),
    ),
    "gini": Spec(sample=_a([0, 0, 0, 4]), labels=None, bad=(_a([-1, 2]),)),
    "herfindahl": Spec(sample=_a(X)),
    "hoover": Spec(sample=_a(X)),
    "krugman": Spec(sample=_a(X)),
    "locational_gini": Spec(sample=_a(X)),
    "plant_herfindahl": Spec(
        sample=_a(pd.DataFrame({"industry": ["a", "a", "b"], "employment": [1.0, 3.0, 5.0]})),
        bad=(_a(pd.DataFrame({"industry": ["a"]})),),
    ),
    "shift_share": Spec(data=2, sample=_a(X, X * 1.1 + 1.0)),
}

_map = {
    "industry_clusters": Spec(
        data=2,
        sample=lambda: ((_table(), _definitions()), {}),
        bad=(lambda: ((_table().data, _definitions()), {}),),
    ),
    "map_clusters": Spec(
        data=2,
        sample=lambda: ((_table(), _definitions()), {}),
        bad=(lambda: ((_table(), _definitions()), {"lq_convention": "x"}),),
    ),
}

_net_specs = {
    "betweenness": Spec(sample=_later(_net, k=5), key=lambda s: s.round(12)),
    "boundary": Spec(sample=_later(_net)),
    "brokerage": Spec(sample=_later(_net), bad=(_later(_net, by="colour"),)),
    "brokerage_counts": Spec(
        data=2,
        sample=_a(np.array([[0, 1, 0], [0, 0, 1], [0, 0, 0]]), np.array([0, 1, 1])),
        labels=None,
        utility=True,
        why="array kernel behind brokerage (which keeps the labels)",
    ),
    "build_network": Spec(
        data=2,
        sample=lambda: (_net_frames(), {}),
        utility=True,
        bad=(lambda: ((_net_frames()[0], _net_frames()[1].assign(strength=9)), {}),),
    ),
    "burt_measures": Spec(
        sample=_a(np.array([[0, 1.0, 0], [1, 0, 1], [0, 1, 0]])),
        labels=None,
        utility=True,
        why="array kernel behind structural_holes (which keeps the labels)",
    ),
    "centrality": Spec(sample=_later(_net, k=5), bad=(_later(_net, k=0),)),
    "components": Spec(sample=_later(_net)),
    "core_periphery": Spec(sample=_later(_net), bad=(_later(_net, max_iter=1, tol=1e-15),)),
    "density": Spec(sample=_later(_net), labels=None, why="a number"),
    "density_by_type": Spec(sample=_later(_net)),
    "diagnose": Spec(
        sample=_later(_net, k=5),
        bad=(_later(_net, expected="nonsense"),),
        key=lambda d: d.to_dict(),
    ),
    "reciprocity": Spec(sample=_later(_net), labels=None, why="a number"),
    "render_text": Spec(
        data=2,
        sample=lambda: (
            (diagnose(_net()).to_dict(), _templates()),
            {"lang": "fr"},
        ),
        bad=(lambda: (({}, _templates()), {"lang": "xx"}),),
        labels=None,
        utility=True,
        why="text",
    ),
    "shadow_zones": Spec(sample=_later(_net), bad=(_later(_net, expected="nonsense"),)),
    "sphere_pairs": Spec(sample=_later(_net), bad=(_later(_net, groups="colour"),)),
    "structural_holes": Spec(sample=_later(_net)),
    "triple_helix": Spec(sample=_later(_net), labels=None, why="counts and shares"),
    "wave_change": Spec(
        data=3, sample=_later(_net, "2022", "2024"), bad=(_later(_net, "2022", "1999"),)
    ),
    "draw_network": Spec(
        sample=_later(_net),
        labels=None,
        utility=True,
        key=lambda fig: np.asarray(fig.axes[0].collections[0].get_offsets()).copy(),
        why="a matplotlib figure",
    ),
    "sphere_heatmap": Spec(
        sample=_later(_net), labels=None, utility=True, why="a matplotlib figure"
    ),
}

_sp = {
    "areas_from_geometries": Spec(
        data=3,
        utility=True,
        why="needs shapely geometries; used by every areal sample",
        labels=None,
    ),
    "getis_ord": Spec(
        data=2, sample=_later(_areas, "n", permutations=49), bad=(_later(_areas, "zz"),)
    ),
    "hotspots": Spec(
        sample=_later(_points, eps=800.0, min_samples=3), bad=(_later(_points, eps=-1.0),)
    ),
    "kdensity": Spec(
        data=2,
        sample=_later(_points, "s", n_simulations=9, n_grid=20, scheduler="sync"),
        bad=(_later(_points, "s", n_simulations=0),),
        key=lambda r: r.curves,
    ),
    "kdensity_by_activity": Spec(
        data=2,
        sample=_later(_points, n_simulations=9, n_grid=20, scheduler="sync"),
        key=lambda d: {k: v.curves for k, v in d.items()},
    ),
    "local_moran": Spec(
        data=2, sample=_later(_areas, "n", permutations=49), bad=(_later(_areas, "zz"),)
    ),
    "localisation_scan": Spec(
        sample=_later(_points, min_establishments=5, n_simulations=9, n_grid=20, scheduler="sync"),
        bad=(_later(_points, min_establishments=1), _later(_points, n_simulations=0)),
        labels=None,
        why="a ScanResult: curves and summary by industry (ids kept, see tests/spatial)",
        key=lambda r: (r.curves, r.summary),
    ),
    "m_function": Spec(
        data=3,
        sample=_later(_points, "s", [500.0, 1000.0], n_simulations=9, scheduler="sync"),
        bad=(_later(_points, "s", [-5.0]),),
    ),
    "points_from_frame": Spec(
        utility=True,
        labels=None,
        why="a PointSet (ids kept, see tests/spatial)",
        sample=_a(GEO, crs="EPSG:4326", activity="naf"),
        bad=(_a(GEO, crs="EPSG:4326", on_missing="maybe"),),
    ),
    "project_points": Spec(
        data=2,
        utility=True,
        sample=_later(_points, "EPSG:3857"),
        labels=None,
        why="a PointSet (ids kept, see tests/spatial)",
    ),
    "ripley_k": Spec(
        data=2,
        sample=_later(_points, [500.0, 1000.0]),
        bad=(_later(_points, [-5.0]),),
        labels=None,
        why="a curve by radius",
    ),
    "spatial_weights": Spec(
        utility=True,
        sample=_later(_areas),
        labels=None,
        why="a SpatialWeights (ids kept by getis_ord, local_moran)",
    ),
    "summary": Spec(
        utility=True,
        labels=None,
        why="a table of kdensity_by_activity results",
        sample=lambda: (
            (
                kdensity_by_activity(
                    _points(), n_simulations=9, n_grid=20, seed=1, scheduler="sync"
                ),
            ),
            {},
        ),
    ),
}
_sp.update(
    {
        name: Spec(utility=True, labels=None, why="a figure or GeoJSON of results")
        for name in importlib.import_module("grappe.spatial.maps").__all__
    }
)
_sp["areal_geojson"] = replace(_sp["areal_geojson"], data=2)
_sp["plot_areal"] = replace(_sp["plot_areal"], data=2)
_sp["plot_points"] = replace(_sp["plot_points"], data=2)

_as = {
    "answer_facts": Spec(
        data=2,
        utility=True,
        labels=None,
        why="facts by question",
        sample=lambda: ((_small_questionnaire(), {"n": 12.0}), {}),
    ),
    "answer_points": Spec(
        data=2,
        utility=True,
        labels=None,
        why="points by question",
        sample=lambda: ((_small_questionnaire(), {"n": 12.0}), {}),
    ),
    "band_score": Spec(
        data=2,
        sample=_a(1.2, [0.8, 0.9, 1.0, 1.1]),
        utility=True,
        labels=None,
        bad=(_a(1.0, [1.0, 0.5]),),
    ),
    "classify": Spec(
        labels=None,
        why="a classification",
        sample=lambda: ((success_factors({"lq": 1.5}),), {}),
        bad=(lambda: ((success_factors({"lq": 1.5}),), {"min_known": -1}),),
    ),
    "cluster_evidence": Spec(
        sample=lambda: ((_indicator_rows(),), {"region": "A", "cluster": "1"}),
        labels=None,
        bad=(lambda: ((_indicator_rows(),), {"region": "Z", "cluster": "1"}),),
        why="evidence figures by name",
    ),
    "diamond": Spec(
        sample=_a({"wage_ratio": 1.2, "firm_count_ratio": 0.5}),
        labels=None,
        why="scores by dimension",
    ),
    "draft_swot": Spec(
        data=0,
        labels=None,
        why="a SWOT draft",
        sample=lambda: ((), {"scores": diamond({"wage_ratio": 1.2}).scores}),
        bad=(lambda: ((), {"high": -1.0}),),
    ),
    "lifecycle_series": Spec(
        sample=lambda: ((_indicator_rows(),), {"region": "A", "cluster": "1"}),
        bad=(lambda: ((_indicator_rows(),), {"region": "Z", "cluster": "1"}),),
    ),
    "lifecycle_stage": Spec(
        sample=_later(_lifecycle_series),
        labels=None,
        why="a stage",
        bad=(_later(_lifecycle_series, band=-1.0),),
    ),
    "network_evidence": Spec(
        utility=True,
        labels=None,
        why="evidence figures by name",
        sample=lambda: ((_figures(),), {}),
    ),
    "network_figures": Spec(
        utility=True,
        labels=None,
        why="figures by name",
        sample=lambda: ((diagnose(_net()).summary,), {}),
    ),
    "success_factors": Spec(
        sample=_a({"lq": 1.5}),
        labels=None,
        why="scores by factor",
        bad=(_a({"lq": 1.5}, method="martian"),),
    ),
    # i14-questionnaires: several respondents' answers pooled (mean of points per question).
    "pooled_points": Spec(
        data=2,
        utility=True,
        labels=None,
        why="points by question",
        sample=lambda: ((_small_questionnaire(), [{"n": 12.0}, {"n": 2.0, "y": "no"}]), {}),
        bad=(lambda: ((_small_questionnaire(), []), {}),),
    ),
    "validate_answers": Spec(
        data=2,
        labels=None,
        utility=True,
        why="answers by question",
        sample=lambda: ((_small_questionnaire(), {"n": "12"}), {}),
        bad=(lambda: ((_small_questionnaire(), {}), {}),),
    ),
}

_rm = {
    "build_roadmap": Spec(
        sample=lambda: (([_action()],), {"cluster": "c", "mode": "bottom_up"}),
        labels=None,
        why="a Roadmap",
        bad=(lambda: (([_action()],), {"cluster": "c", "mode": "sideways"}),),
    ),
    "check_kpis": Spec(
        sample=_later(_kpis), utility=True, bad=(lambda: ((_kpis().drop(columns="value"),), {}),)
    ),
    "check_label": Spec(
        data=2,
        labels=None,
        why="a LabelCheck",
        sample=lambda: ((make_label(_label_data()), evaluate_kpis(_kpis(), period="2023")), {}),
    ),
    "evaluate_kpis": Spec(sample=_later(_kpis, period="2023"), bad=(_later(_kpis, period="1999"),)),
    "make_label": Spec(
        sample=_a(_label_data()), labels=None, why="a Label", utility=True, bad=(_a({"name": "x"}),)
    ),
    "phase": Spec(sample=_a("plan"), labels=None, utility=True, why="a Phase", bad=(_a("party"),)),
    "parse_period": Spec(
        sample=_a("2024-Q1"), labels=None, utility=True, why="a Period", bad=(_a("2024-Q5"),)
    ),
    "check_member_events": Spec(
        sample=_a(pd.DataFrame({"actor": ["a"], "kind": ["join"], "date": ["2024-01-02"]})),
        labels=None,
        utility=True,
        why="a list of events",
        bad=(_a(pd.DataFrame({"actor": ["a"], "kind": ["join"], "date": ["2024-02-30"]})),),
    ),
    "member_counts": Spec(
        data=2,
        sample=_a([{"actor": "a", "kind": "join", "date": dt.date(2024, 1, 2)}], "2024"),
        labels=None,
        utility=True,
        why="two counts",
        bad=(_a([{"actor": "a", "kind": "promotion", "date": dt.date(2024, 1, 2)}], "2024"),),
    ),
    # KPIs from records (memberkpi): events, figures, activities, ties are the data.
    "check_records": Spec(
        data=4,
        sample=_a(
            [{"actor": "a", "kind": "join", "date": "2024-01-02"}],
            [{"actor": "a", "period": "2024", "jobs": 3}],
        ),
        labels=None,
        utility=True,
        why="checked records",
        bad=(_a([{"actor": "a", "kind": "leave", "date": "2024-01-02"}]),),
    ),
    "cluster_internationalisation": Spec(
        data=1,
        sample=lambda: (
            (
                check_records(
                    [{"actor": "a", "kind": "join", "date": "2024-01-02"}],
                    [
                        {
                            "actor": "a",
                            "period": "2024",
                            "exports": 5,
                            "currency": "DZD",
                            "markets": "FR:60;AE",
                        }
                    ],
                ),
            ),
            {"period": "2024", "previous": "2023"},
        ),
        labels=None,
        examples=True,
        why="statements with their figures and sources",
        bad=(lambda: ((check_records(),), {"period": "2024-Q9"}),),
    ),  # fmt: skip
    "kpis_from_records": Spec(
        data=4,
        sample=lambda: (
            ([{"actor": "a", "kind": "join", "date": "2024-01-02"}],),
            {"period": "2024", "previous": "2023"},
        ),
        labels=None,
        examples=True,
        why="KPIs with their rules",
        bad=(
            lambda: (
                ([{"actor": "a", "kind": "join", "date": "2024-01-02"}],),
                {"period": "2024-Q9"},
            ),
        ),
    ),
}

_mm_specs = {
    "haversine_km": Spec(
        data=4, sample=_a(36.7, 3.1, 36.5, 2.8), labels=None, utility=True, why="distances"
    ),
    "match": Spec(
        data=2,
        sample=lambda: ((_mm("needs"), _mm("capabilities")), {}),
        bad=(lambda: ((_mm("needs"), _mm("capabilities")), {"certifications": "x"}),),
    ),
}


def _bodies():
    return pd.DataFrame(
        {
            "actor_type": ["anade", "cnrc", "cnrc", "banks/bna"],
            "name": ["ANADE Biskra", "CNRC Biskra", "", "386 - Agence BISKRA"],
            "wilaya_code": [7, 7, 7, 30],
            "lat": [34.8587, 34.8449, 34.8449, 31.95],
            "lon": [5.7209, 5.7249, 5.7249, 5.33],
        },
        index=pd.Index(["b1", "b2", "b3", "b4"], name="body"),
    )


_eco_specs = {
    "nearest_bodies": Spec(
        data=3,
        sample=lambda: ((_bodies(), 34.85, 5.73), {"radius_km": 20.0}),
        bad=(
            lambda: ((_bodies(), 95.0, 5.73), {}),
            lambda: ((_bodies(), 34.85, 5.73), {"radius_km": -1.0}),
            lambda: ((_bodies(), 34.85, 5.73), {"types": ["ansej"]}),
        ),
    ),
    "coverage_by_wilaya": Spec(
        sample=lambda: ((_bodies(),), {"wilayas": [7, 30, 47]}),
        bad=(lambda: ((_bodies(),), {"types": ["ansej"]}),),
        utility=True,
        why="a count",
    ),
    "deduplicate_bodies": Spec(
        sample=lambda: ((_bodies(),), {"tolerance_m": 5.0}),
        bad=(lambda: ((_bodies(),), {"tolerance_m": -1.0}),),
    ),
    "select_types": Spec(
        data=2,
        sample=lambda: ((_bodies(), ["banks"]), {}),
        bad=(lambda: ((_bodies(), ["ansej"]), {}),),
        utility=True,
    ),
    # package dzgeo: coverage on areas attributed from coordinates, rates, gaps
    "coverage_by_area": Spec(
        sample=lambda: ((_located_bodies(),), {"area_column": "wilaya_69"}),
        bad=(
            lambda: ((_located_bodies(),), {"area_column": "commune"}),
            lambda: ((_located_bodies(),), {"area_column": "wilaya_69", "types": ["ansej"]}),
        ),
        utility=True,
        why="a count",
    ),
    "coverage_rates": Spec(
        data=2,
        sample=lambda: ((_area_counts(), pd.Series({"07": 5e5, "30": 6e5})), {}),
        bad=(
            lambda: ((_area_counts(), pd.Series({"07": 5e5})), {"per": 0}),
            lambda: ((_area_counts(), pd.Series({"07": -1.0})), {}),
        ),
        utility=True,
        why="a count",
    ),
    "types_lacking_within": Spec(
        data=2,
        sample=lambda: ((_bodies(), _area_points()), {"radius_km": 20.0}),
        bad=(
            lambda: ((_bodies(), _area_points()), {"radius_km": -1.0}),
            lambda: ((_bodies(), _area_points()), {"radius_km": 20.0, "types": ["ansej"]}),
        ),
        why="one row per reference point, labelled by its code",
    ),
}


def _located_bodies():
    return _bodies().assign(wilaya_69=["07", "07", "07", "30"])


def _area_counts():
    return pd.DataFrame({"area": ["07", "30"], "anade": [1, 0], "total": [3, 1]})


def _area_points():
    return pd.DataFrame({"code": ["07", "30"], "lat": [34.85, 31.95], "lon": [5.73, 5.33]})


_NAME_ROWS = pd.DataFrame(
    {
        "code": ["1"],
        "name_en": ["Apparel"],
        "name_fr": ["Habillement"],
        "name_ar": ["الألبسة"],
        "status": ["machine-unverified"],
    }
)

_defs = {
    "bundled_definitions": Spec(
        sample=_a("us-benchmark"), labels=None, why="a bundled set, by name", bad=(_a("mars"),)
    ),
    "coverage_by_code": Spec(
        data=2,
        utility=True,
        sample=lambda: ((_definitions(), _table()), {"year": 2020}),
        bad=(
            lambda: ((_definitions(), _table()), {"year": 1999}),
            lambda: ((_definitions(), _table().data), {}),
        ),
    ),
    "coverage_report": Spec(
        data=2,
        utility=True,
        sample=lambda: ((_definitions(), ["1111", "9999"]), {}),
        bad=(_a("us-benchmark", ["1111"]), lambda: ((_definitions(), "1111"), {})),
        labels=None,
        why="a CoverageReport: tuples of codes",
    ),
    "definitions_from_frame": Spec(
        utility=True,
        sample=_a(_RULES, classification="custom"),
        bad=(
            _a(_RULES.drop(columns="cluster")),
            _a(pd.concat([_RULES, _RULES.iloc[:1].assign(cluster="2")])),
            _a(_RULES, duplicates="last"),
        ),
    ),
    "derive_definitions": Spec(
        sample=lambda: ((_derive_table(),), {"n_clusters": 2, "benchmark": _derive_benchmark()}),
        bad=(
            lambda: ((_derive_table(),), {"n_clusters": 4}),
            lambda: ((_derive_table(),), {"n_clusters": 2, "algorithms": ["magic"]}),
            lambda: ((_derive_table(),), {"n_clusters": 2, "benchmark": "us-benchmark"}),
            lambda: ((_derive_table().data,), {"n_clusters": 2}),
        ),
    ),
    "expand_definitions": Spec(
        data=2,
        utility=True,
        sample=lambda: ((definitions_from_frame(_RULES), ["1111", "2211", "3311"]), {}),
        bad=(_a("rules", ["1111"]), lambda: ((_definitions(), "1111"), {})),
    ),
    "check_name_catalogue": Spec(
        utility=True,
        sample=lambda: ((_NAME_ROWS,), {"source": "names.csv"}),
        bad=(
            lambda: ((_NAME_ROWS.drop(columns="status"),), {"source": "names.csv"}),
            lambda: ((_NAME_ROWS.assign(name_ar=""),), {"source": "names.csv"}),
        ),
    ),
    "cluster_name_catalogue": Spec(
        utility=True,
        sample=_a("us-benchmark"),
        labels=None,
        why="a bundled table, by name",
        bad=(_a("mars"),),
    ),
    "cluster_names": Spec(
        utility=True,
        sample=_a("ar"),
        labels=None,
        why="a dict of names",
        bad=(_a("de"), lambda: (("fr",), {"definitions": "mars"})),
    ),
    "localized_cluster_name": Spec(
        data=3,
        utility=True,
        sample=_a("4", "Automotive", "fr"),
        labels=None,
        why="a name and its language",
        bad=(_a("4", "Automotive", "de"),),
    ),
    "partition_agreement": Spec(
        data=2,
        sample=_a({"x": 1, "y": 1, "z": 2, "w": 2}, {"x": "A", "y": "B", "z": "B", "w": "B"}),
        bad=(_a({"x": 1}, {"x": "A"}), _a([1, 2], {"x": "A"})),
        labels=None,
        why="two scores and a count",
    ),
    "validation_scores": Spec(
        data=2,
        sample=_a({"s": _SIM}, [0, 0, 1, 1]),
        bad=(_a({"s": _SIM}, [0, 1, 1]), _a({}, [0, 1]), _a({"s": _SIM.iloc[:3]}, [0, 1, 1])),
        labels=None,
        why="three scores",
    ),
}

# the indicators keep the stricter contract they had: Examples, numbered references, and
# plain arrays in → arrays out
_ind = {k: replace(v, examples=True, arrays=v.labels is not None) for k, v in _ind.items()}


def _programme(**extra):
    from grappe.programmes import programme_from_dict

    return programme_from_dict(
        {
            "key": "p",
            "names": {"en": "P"},
            "eligibility": ["members >= 15"],
            "levels": [{"key": "l", "names": {"en": "L"}, "criteria": ["management_fte >= 1"]}],
            "evaluation": {"every_months": 12, "on_fail": ["suspend", "withdraw"]},
            "statistical": ["lq >= 1.5"],
            **extra,
        }
    )


def _cells():
    return pd.DataFrame(
        {"region": ["a", "b"], "cluster": ["c", "c"], "lq": [2.0, 1.0]}, index=[10, 11]
    )


_prog_specs = {
    "check_criteria": Spec(
        data=2,
        labels=None,
        why="criterion results",
        sample=lambda: ((_programme().eligibility, {"members": 20}), {}),
        bad=(lambda: ((_programme().eligibility, {"members": "many"}), {}),),
    ),
    "check_eligibility": Spec(
        data=2,
        labels=None,
        why="an EligibilityCheck",
        sample=lambda: ((_programme(), {"members": 20}), {}),
        bad=(lambda: ((_programme(), {"members": "many"}), {}),),
    ),
    "decide_label": Spec(
        data=3,
        labels=None,
        why="a LabelDecision",
        sample=lambda: ((_programme(), None, {"members": 20, "management_fte": 1}), {}),
        bad=(lambda: ((_programme(), LabelState("labelled"), {"members": 20}), {}),),
    ),
    "evaluation_dates": Spec(
        labels=None,
        why="dates",
        sample=lambda: (
            (_programme(),),
            {"start": dt.date(2020, 1, 31), "until": dt.date(2023, 1, 1)},
        ),  # fmt: skip
        bad=(
            lambda: ((_programme(),), {"start": dt.date(2021, 1, 1), "until": dt.date(2020, 1, 1)}),
        ),  # fmt: skip
    ),
    "in_language": Spec(
        data=2, labels=None, utility=True, why="a text", sample=_a({"fr": "x"}, "ar")
    ),
    "metric": Spec(labels=None, utility=True, why="a Metric", sample=_a("members")),
    "questionnaire_facts": Spec(
        data=2,
        labels=None,
        why="facts",
        sample=lambda: ((_small_questionnaire(), {"n": 12.0}), {}),
    ),
    "label_valid_until": Spec(
        data=2,
        labels=None,
        why="a date",
        sample=lambda: ((_programme(), "l"), {"awarded": dt.date(2024, 3, 15)}),
        bad=(lambda: ((_programme(), "gold"), {"awarded": dt.date(2024, 3, 15)}),),
    ),
    "label_state_on": Spec(
        data=2,
        labels=None,
        why="a LabelState",
        sample=lambda: (
            (
                _programme(levels=[{"key": "l", "names": {"en": "L"}, "validity_years": 2}]),
                LabelState("awarded", "l"),
            ),
            {"since": dt.date(2024, 3, 15), "on": dt.date(2026, 3, 15)},
        ),  # fmt: skip
        bad=(
            lambda: (
                (_programme(), LabelState("awarded", "gold")),
                {"since": dt.date(2024, 3, 15), "on": dt.date(2026, 3, 15)},
            ),
        ),
    ),
    "programme_from_dict": Spec(
        labels=None,
        why="a Programme",
        sample=_a({"key": "p", "names": {"en": "P"}, "eligibility": ["members >= 15"]}),
        bad=(_a({"key": "p", "names": {"en": "P"}, "eligibility": ["member >= 15"]}),),
    ),
    "programme_to_dict": Spec(labels=None, why="a mapping", sample=lambda: ((_programme(),), {})),
    "statistical_candidates": Spec(
        data=2,
        labels=None,
        why="a new index: the cells kept, renumbered",
        sample=lambda: ((_programme(), _cells()), {}),
        bad=(lambda: ((_programme(statistical=["stars >= 2"]), _cells()), {}),),
    ),
}


SPECS: dict[str, Spec] = {
    **{f"indicators.{k}": v for k, v in _ind.items()},
    **{f"complexity.{k}": v for k, v in _cx.items()},
    **{f"concentration.{k}": v for k, v in _cc.items()},
    **{f"mapping.{k}": v for k, v in _map.items()},
    **{f"network.{k}": v for k, v in _net_specs.items()},
    **{f"spatial.{k}": v for k, v in _sp.items()},
    **{f"assess.{k}": v for k, v in _as.items()},
    **{f"roadmap.{k}": v for k, v in _rm.items()},
    **{f"matchmaking.{k}": v for k, v in _mm_specs.items()},
    **{f"definitions.{k}": v for k, v in _defs.items()},
    **{f"ecosystem.{k}": v for k, v in _eco_specs.items()},
    **{f"programmes.{k}": v for k, v in _prog_specs.items()},
}
