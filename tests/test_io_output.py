"""Atomic writers of result tables."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from grappe.errors import InvalidParameterError
from grappe.io.output import format_from_path, write_frame


@pytest.fixture
def frame():
    return pd.DataFrame(
        {
            "region": pd.Categorical(["01", "02"]),
            "lq": [1.5, np.nan],
            "strong": [True, False],
        }
    )


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_round_trip(tmp_path, frame, fmt):
    path = write_frame(frame, tmp_path / "sub" / f"out.{fmt}")
    if fmt == "csv":
        back = pd.read_csv(path, dtype={"region": str})
    elif fmt == "parquet":
        back = pd.read_parquet(path)
    else:
        back = pd.DataFrame(json.loads(path.read_text()))
    assert list(back["region"].astype(str)) == ["01", "02"]
    assert back["lq"].iloc[0] == 1.5 and pd.isna(back["lq"].iloc[1])
    assert list(back["strong"]) == [True, False]
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left


def test_json_records_use_null(tmp_path, frame):
    records = json.loads(write_frame(frame, tmp_path / "o.json").read_text())
    assert records[1] == {"region": "02", "lq": None, "strong": False}


def test_format_from_path():
    assert format_from_path("x.PARQUET") == "parquet"
    assert format_from_path("x", default="json") == "json"


def test_bad_format(tmp_path, frame):
    with pytest.raises(InvalidParameterError, match="'format' parameter of write_frame"):
        write_frame(frame, tmp_path / "o.csv", format="xml")
    assert not any(tmp_path.iterdir())


def test_failed_write_leaves_nothing(tmp_path, frame, monkeypatch):
    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(OSError, match="disk full"):
        write_frame(frame, tmp_path / "o.csv")
    assert not any(tmp_path.iterdir())
