"""Every reader of grappe.io, fed broken variants of a small valid real file, answers with a
valid result or a grappe error (DataValidationError, NotFoundError…) — never another exception.

The seeds are slices of real files (the bundled CBP extract and benchmark definitions, the
test fixtures of the complexity, network, spatial, roadmap and matchmaking modules; see their
PROVENANCE.md). Hypothesis breaks them as files get broken in practice: cut at a random byte,
bytes flipped or inserted, re-encoded to cp1252 or UTF-16, separators dropped or doubled,
fields added to a row, stray quotes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grappe.errors import GrappeError
from grappe.io import read_definitions, read_region_set, read_regional_table
from grappe.io.assess import (
    read_answers,
    read_capabilities,
    read_indicators,
    read_kpis,
    read_label,
    read_needs,
    read_questionnaire,
    read_roadmap,
)
from grappe.io.complexity import read_activity_matrix, read_activity_panel
from grappe.io.network import read_adjacency, read_interview_grid, read_network
from grappe.io.spatial import read_areas, read_points

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
DATA = REPO / "src" / "grappe" / "data"


def _lines(path: Path, n: int) -> bytes:
    return b"".join(path.read_bytes().splitlines(keepends=True)[:n])


def _regional_csv() -> bytes:
    frame = pd.read_parquet(FIXTURES / "cbp_delaware" / "cbp_state_delaware.parquet")
    frame = frame[frame["naics"].str.len() == 6].head(25)
    return frame.to_csv(index=False).encode()


def _regional_parquet() -> bytes:
    frame = pd.read_parquet(FIXTURES / "cbp_delaware" / "cbp_state_delaware.parquet").head(25)
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False)
    return buf.getvalue()


def _region_set() -> bytes:
    wilayas = pd.read_csv(DATA / "dz" / "wilayas.csv", dtype=str).head(12)
    frame = pd.DataFrame(
        {
            "region": ["NORD" if float(lat) > 35 else "SUD" for lat in wilayas["lat"]],
            "member": wilayas["code"],
            "name": wilayas["name_ar"],
        }
    )
    return frame.to_csv(index=False).encode()


def _adjacency() -> bytes:
    ties = pd.read_csv(FIXTURES / "network" / "synthetic_ties.csv", dtype=str).head(12)
    labels = sorted(set(ties["source"]) | set(ties["target"]))
    matrix = pd.DataFrame(0, index=labels, columns=labels)
    for s, t in zip(ties["source"], ties["target"], strict=True):
        matrix.loc[s, t] = 1
    return matrix.rename_axis("actor").reset_index().to_csv(index=False).encode()


def _answers() -> bytes:
    q = read_questionnaire("diamond")
    value = {"likert": "3", "yes_no": "yes", "number": "12"}
    lines = [f"{x.id}: {value.get(x.type) or json.dumps(x.choices[0].value)}" for x in q.questions]
    return ("\n".join(lines) + "\n").encode()


def _areas() -> bytes:
    def square(x: float, code: str) -> dict[str, Any]:
        ring = [[x, 36.0], [x + 0.1, 36.0], [x + 0.1, 36.1], [x, 36.1], [x, 36.0]]
        geometry = {"type": "Polygon", "coordinates": [ring]}
        return {"type": "Feature", "properties": {"code": code}, "geometry": geometry}

    features = [square(3.0 + 0.1 * i, f"16{i:02d}") for i in range(4)]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


ACTORS = FIXTURES / "network" / "synthetic_actors.csv"

#: reader name → (seed bytes, file name, how to read it)
READERS: dict[str, tuple[Callable[[], bytes], str, Callable[[Path], Any]]] = {
    "regional csv": (
        _regional_csv,
        "cbp.csv",
        lambda p: read_regional_table(
            p,
            columns={"state_fips": "region", "naics": "industry", "emp": "employment"},
            classification="naics2017",
            withheld="keep_zero",
        ),
    ),
    "regional parquet": (
        _regional_parquet,
        "cbp.parquet",
        lambda p: read_regional_table(p, source="cbp", withheld="keep_zero"),
    ),
    "activity matrix": (
        lambda: _lines(FIXTURES / "complexity" / "stata_ground_truth_1995.csv", 30),
        "trade.csv",
        lambda p: read_activity_matrix(p, rows="origin", cols="hs92", values="export_val"),
    ),
    "activity panel": (
        lambda: _lines(FIXTURES / "complexity" / "stata_ground_truth_1995.csv", 30),
        "trade.csv",
        lambda p: read_activity_panel(p, rows="origin", cols="hs92", values="export_val"),
    ),
    "definitions": (
        lambda: _lines(DATA / "definitions" / "us_benchmark_naics2017.csv", 25),
        "defs.csv",
        lambda p: read_definitions(p, classification="naics2017"),
    ),
    "region set": (_region_set, "regions.csv", read_region_set),
    "network ties": (
        lambda: _lines(FIXTURES / "network" / "synthetic_ties.csv", 20),
        "ties.csv",
        lambda p: read_network(ACTORS, p, salt="fuzz"),
    ),
    "network actors": (
        lambda: ACTORS.read_bytes(),
        "actors.csv",
        lambda p: read_network(p, FIXTURES / "network" / "synthetic_ties.csv", salt="fuzz"),
    ),
    "interview grid": (
        lambda: _lines(FIXTURES / "network" / "synthetic_ties.csv", 20),
        "grid.csv",
        lambda p: read_interview_grid(p, ACTORS, salt="fuzz"),
    ),
    "adjacency": (_adjacency, "matrix.csv", read_adjacency),
    "spatial points": (
        lambda: _lines(FIXTURES / "spatial" / "dz_actors_algiers_constantine.csv", 30),
        "points.csv",
        lambda p: read_points(p, activity="actor_type"),
    ),
    "geojson areas": (_areas, "areas.geojson", lambda p: read_areas(p, id_property="code")),
    "answers": (
        _answers,
        "answers.yaml",
        lambda p: read_answers(p, read_questionnaire("diamond")),
    ),
    "kpis": (lambda: (FIXTURES / "roadmap" / "kpis_dates.csv").read_bytes(), "k.csv", read_kpis),
    "roadmap": (
        lambda: (FIXTURES / "roadmap" / "roadmap_dates.yaml").read_bytes(),
        "roadmap.yaml",
        read_roadmap,
    ),
    "label": (
        lambda: (FIXTURES / "roadmap" / "label_bronze.yaml").read_bytes(),
        "label.yaml",
        read_label,
    ),
    "needs": (lambda: (FIXTURES / "matchmaking" / "needs.csv").read_bytes(), "n.csv", read_needs),
    "capabilities": (
        lambda: (FIXTURES / "matchmaking" / "capabilities.csv").read_bytes(),
        "c.csv",
        read_capabilities,
    ),
    "indicators": (
        lambda: (
            b"region,cluster,year,employment,establishments,payroll,lq\n"
            b"10,4,2019,1200,30,51000,1.4\n10,5,2019,90,4,2800,0.3\n"
        ),
        "ind.csv",
        read_indicators,
    ),
}


@st.composite
def broken(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` broken in one to three of the ways files get broken."""
    data = seed
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                ["cut", "flip", "insert", "cp1252", "utf16", "drop_sep", "double_sep",
                 "extra_field", "quote", "blank"]
            )
        )  # fmt: skip
        size = max(len(data), 1)
        if kind == "cut":
            data = data[: draw(st.integers(0, size))]
        elif kind == "flip":
            for _ in range(draw(st.integers(1, 8))):
                i = draw(st.integers(0, size - 1))
                data = data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1 :]
        elif kind == "insert":
            i = draw(st.integers(0, size))
            data = data[:i] + draw(st.binary(min_size=1, max_size=16)) + data[i:]
        elif kind in ("cp1252", "utf16"):
            text = data.decode("utf-8", errors="replace")
            data = text.encode("cp1252" if kind == "cp1252" else "utf-16", errors="replace")
        elif kind in ("drop_sep", "double_sep", "quote", "blank"):
            mark = {"drop_sep": b",", "double_sep": b",", "quote": b",", "blank": b"\n"}[kind]
            spots = [i for i, b in enumerate(data) if b == mark[0]]
            if spots:
                i = draw(st.sampled_from(spots))
                new = {"drop_sep": b"", "double_sep": b",,", "quote": b',"', "blank": b"\n\n"}
                data = data[:i] + new[kind] + data[i + 1 :]
        elif kind == "extra_field":
            lines = data.split(b"\n")
            k = draw(st.integers(0, len(lines) - 1))
            lines[k] += b",x" * draw(st.integers(1, 3))
            data = b"\n".join(lines)
    return data


@pytest.mark.parametrize("reader", sorted(READERS))
@settings(
    max_examples=int(os.environ.get("GRAPPE_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_reader_answers_broken_files_with_a_grappe_error(tmp_path, reader, data):
    make_seed, name, read = READERS[reader]
    content = data.draw(broken(make_seed()), label="file")
    path = tmp_path / name
    path.write_bytes(content)
    with contextlib.suppress(GrappeError):  # a clear error; any other exception fails the test
        read(path)


@pytest.mark.parametrize("reader", sorted(READERS))
def test_the_seeds_are_valid(tmp_path, reader):
    make_seed, name, read = READERS[reader]
    path = tmp_path / name
    path.write_bytes(make_seed())
    assert read(path) is not None
