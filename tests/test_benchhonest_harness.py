"""The in-process half of ``benchmarks/_harness.py``: interleaved calls, same count each."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from _harness import Call, compare_calls, print_calls  # noqa: E402


def test_calls_are_interleaved_with_the_same_count(capsys: pytest.CaptureFixture[str]) -> None:
    order: list[str] = []
    calls = [
        Call("grappe", lambda: order.append("A") or 1, engine="numpy BLAS"),
        Call("peer", lambda: order.append("B") or 2, engine="pure Python"),
    ]
    report = compare_calls(calls, runs=3, warmup=1)
    assert order == ["A", "B"] * 4  # one warm-up round, then three interleaved rounds
    assert [len(t.wall) for t in report.timings] == [3, 3]
    assert [len(t.cpu) for t in report.timings] == [3, 3]
    assert report["peer"].result == 2
    assert report.median("grappe") >= 0.0
    print_calls(report, title="toy")
    out = capsys.readouterr().out
    assert "[engine: numpy BLAS]" in out and "[engine: pure Python]" in out
    assert "load average before" in out and "3 counted runs each after 1 warm-up" in out
    assert "of 'grappe'" in out


def test_compare_calls_needs_one_run() -> None:
    with pytest.raises(ValueError, match="runs must be at least 1"):
        compare_calls([Call("a", lambda: None)], runs=0)
