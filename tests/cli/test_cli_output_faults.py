"""Every command that writes, against output faults: a device stays a device, a full disk or a
bad destination gives one ``Error:`` line (exit 1, no traceback) and no partial file, and a bad
destination is refused before the computation."""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import threading

import pandas as pd
import pytest
from typer.testing import CliRunner

import grappe.io.output as output_module
from _output_faults import inject, is_char_device, leftovers, tmpfs
from grappe.cli.main import app

runner = CliRunner()


def failed(result, *fragments: str) -> str:
    """Assert a clean error exit mentioning every fragment; return the flattened output."""
    text = " ".join(result.output.split())
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Error: cannot write" in text, text
    squeezed = "".join(text.split())  # Rich wraps long lines, even inside a path
    for fragment in fragments:
        assert "".join(fragment.split()) in squeezed, text
    return text


# --------------------------------------------------------------------------- inputs


@pytest.fixture
def cbp(fixtures):
    return str(fixtures / "cbp_delaware" / "cbp_county_delaware.parquet")


def map_args(cbp, *extra):
    return ["map", cbp, "--source", "cbp", "--years", "2019", "--summary-regions", "0", *extra]


@pytest.fixture
def complexity_args(fixtures):
    path = fixtures / "complexity" / "stata_ground_truth_1995.csv"
    return ["complexity", str(path), "--rows", "origin", "--cols", "hs92"]


@pytest.fixture
def complexity_args_full(complexity_args):
    return [*complexity_args, "--values", "export_val", "--format", "csv"]


@pytest.fixture
def network_files(fixtures):
    folder = fixtures / "network"
    return [str(folder / "synthetic_actors.csv"), str(folder / "synthetic_ties.csv")]


@pytest.fixture
def hotspot_args(fixtures):
    actors = fixtures / "spatial" / "dz_actors_algiers_constantine.csv"
    return ["spatial", "hotspots", str(actors), "--activity-column", "actor_type"] + [
        "--drop-missing", "-a", "impots", "--eps", "1500", "--min-samples", "4",
    ]  # fmt: skip


@pytest.fixture
def kdensity_args(fixtures):
    actors = fixtures / "spatial" / "dz_actors_algiers_constantine.csv"
    return ["spatial", "kdensity", str(actors), "--activity-column", "actor_type"] + [
        "--drop-missing", "-a", "impots", "--simulations", "9",
    ]  # fmt: skip


@pytest.fixture
def report_args(tmp_path_factory):
    rows = []
    for year, a1 in ((2017, 100), (2018, 110), (2019, 121)):
        rows += [
            ("A", "Alpha", "1", "Cluster one", year, a1, 10, a1 * 50, 1.5),
            ("B", "Beta", "1", "Cluster one", year, 300, 20, 12000, 0.8),
        ]
    columns = ["region", "region_name", "cluster", "cluster_name", "year"]
    columns += ["employment", "establishments", "payroll", "lq"]
    path = tmp_path_factory.mktemp("ind") / "indicators.csv"
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
    return ["report", "--indicators", str(path), "--region", "A", "--cluster", "1", "--no-pdf"]


# --------------------------------------------------------------------------- grappe map


def test_map_to_dev_null(cbp):
    result = runner.invoke(app, map_args(cbp, "-o", "/dev/null", "--regions-output", "/dev/null"))
    assert result.exit_code == 0, result.output
    assert is_char_device("/dev/null")


def test_map_to_stdout(cbp):
    result = runner.invoke(app, map_args(cbp, "-o", "-", "--summary-regions", "3"))
    assert result.exit_code == 0, result.output
    table = pd.read_csv(io.StringIO(result.stdout), dtype={"region": str})
    assert len(table) == 3 * 67 and set(table["region"]) == {"10001", "10003", "10005"}
    assert "Kent" in result.stderr  # the summary moved to stderr


def test_map_parquet_to_a_piped_stdout(cbp):
    # Bytes go to a standard output that is not a terminal (the refusal on a terminal is
    # tested in tests/test_io_output.py).
    result = runner.invoke(app, map_args(cbp, "-o", "-", "--format", "parquet"))
    assert result.exit_code == 0, result.output
    assert len(pd.read_parquet(io.BytesIO(result.stdout_bytes))) == 3 * 67


def test_map_disk_full(cbp, tmp_path, monkeypatch):
    out = tmp_path / "states.json"
    out.write_text("[]")
    inject(monkeypatch, errno.ENOSPC)
    result = runner.invoke(
        app, map_args(cbp, "-o", str(out), "--regions-output", str(tmp_path / "r.csv"))
    )
    failed(result, "the disk is full", "free space or choose another folder")
    assert out.read_text() == "[]" and sorted(p.name for p in tmp_path.iterdir()) == ["states.json"]
    assert leftovers(tmp_path) == []


def test_map_into_a_fifo(cbp, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    received = []

    def read():
        with open(fifo, "rb") as reader:
            received.append(reader.read())

    reader = threading.Thread(target=read)
    reader.start()
    result = runner.invoke(app, map_args(cbp, "-o", str(fifo)))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert len(received[0].decode().splitlines()) == 1 + 3 * 67
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_map_real_full_disk(cbp, tmp_path):
    with tmpfs(tmp_path / "tiny", size="16k") as folder:
        out = folder / "de.json"
        out.write_text("[]")
        failed(runner.invoke(app, map_args(cbp, "-o", str(out))), "the disk is full", "was left")
        assert out.read_text() == "[]" and [p.name for p in folder.iterdir()] == ["de.json"]


def test_map_fsync_fails(cbp, tmp_path, monkeypatch):
    inject(monkeypatch, errno.EIO, at="fsync")
    result = runner.invoke(app, map_args(cbp, "-o", str(tmp_path / "o.csv")))
    failed(result, "input/output error")
    assert not any(tmp_path.iterdir())


def test_map_refuses_a_bad_destination_before_reading(cbp, tmp_path, monkeypatch):
    def not_expected(*args, **kwargs):
        raise AssertionError("the input was read before the destination was checked")

    monkeypatch.setattr("grappe.io.read_regional_table", not_expected)
    (tmp_path / "file").write_text("x")
    for target, message in (
        (tmp_path, "it is a folder"),
        (tmp_path / "file" / "o.csv", "is a file, not a folder"),
    ):
        result = runner.invoke(app, map_args(cbp, "-o", str(target)))
        failed(result, message)
    result = runner.invoke(app, map_args(cbp, "--regions-output", str(tmp_path)))
    failed(result, "it is a folder")


def test_map_symlink_kept(cbp, tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = runner.invoke(app, map_args(cbp, "-o", str(link)))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and target.read_text().startswith("region,")


# --------------------------------------------------------------------------- grappe complexity


def test_complexity_to_dev_null(complexity_args_full):
    result = runner.invoke(app, [*complexity_args_full, "--output", "/dev/null"])
    assert result.exit_code == 0, result.output
    assert is_char_device("/dev/null")


def test_complexity_disk_full_leaves_no_truncated_json(complexity_args, tmp_path, monkeypatch):
    out = tmp_path / "c.json"
    inject(monkeypatch, errno.ENOSPC)
    args = [*complexity_args, "--values", "export_val", "--output", str(out)]
    failed(runner.invoke(app, args), "the disk is full", "nothing was written")
    assert not any(tmp_path.iterdir())


def test_complexity_checks_the_destination_first(complexity_args_full, tmp_path, monkeypatch):
    def not_expected(*args, **kwargs):
        raise AssertionError("read before the check")

    monkeypatch.setattr("grappe.io.complexity.read_activity_matrix", not_expected)
    failed(runner.invoke(app, [*complexity_args_full, "--output", str(tmp_path)]), "it is a folder")


# --------------------------------------------------------------------------- grappe network


def test_network_draw_and_diagnose_to_dev_null(network_files, tmp_path):
    link = tmp_path / "net.png"  # the suffix picks the format; the link leads to the device
    link.symlink_to("/dev/null")
    for args in (
        ["network", "draw", *network_files, str(link)],
        ["network", "heatmap", *network_files, str(link)],
        ["network", "diagnose", *network_files, "-o", "/dev/null"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    assert is_char_device("/dev/null") and link.is_symlink()
    assert [p.name for p in tmp_path.iterdir()] == ["net.png"]


def test_network_disk_full(network_files, tmp_path, monkeypatch):
    inject(monkeypatch, errno.ENOSPC)
    for args in (
        ["network", "draw", *network_files, str(tmp_path / "n.png")],
        ["network", "heatmap", *network_files, str(tmp_path / "h.svg")],
        ["network", "diagnose", *network_files, "--salt", "k", "-o", str(tmp_path / "d.json")],
    ):
        failed(runner.invoke(app, args), "the disk is full")
    assert not any(tmp_path.iterdir())


def test_network_draw_checks_the_destination_first(network_files, tmp_path, monkeypatch):
    def not_expected(*args, **kwargs):
        raise AssertionError("read before the check")

    monkeypatch.setattr("grappe.io.network.read_network", not_expected)
    (tmp_path / "x.png").mkdir()
    failed(
        runner.invoke(app, ["network", "draw", *network_files, str(tmp_path / "x.png")]),
        "it is a folder",
    )


# --------------------------------------------------------------------------- grappe spatial


def test_spatial_to_dev_null(hotspot_args, kdensity_args):
    result = runner.invoke(app, [*hotspot_args, "--out", "/dev/null", "--geojson", "/dev/null"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, [*kdensity_args, "--out", "/dev/null", "--plot", "/dev/null"])
    assert result.exit_code == 0, result.output
    assert is_char_device("/dev/null")


def test_spatial_disk_full_writes_no_file_of_the_set(hotspot_args, tmp_path, monkeypatch):
    inject(monkeypatch, errno.ENOSPC)
    args = [*hotspot_args, "--geojson", str(tmp_path / "h.geojson")]
    args += ["--plot", str(tmp_path / "h.png"), "--out", str(tmp_path / "h.csv")]
    failed(runner.invoke(app, args), "the disk is full")
    assert not any(tmp_path.iterdir())


def test_spatial_checks_the_destination_first(kdensity_args, tmp_path, monkeypatch):
    def not_expected(*args, **kwargs):
        raise AssertionError("computed before the check")

    monkeypatch.setattr("grappe.spatial.kdensity_by_activity", not_expected)
    failed(runner.invoke(app, [*kdensity_args, "--out", str(tmp_path)]), "it is a folder")


# --------------------------------------------------------------------------- grappe report


def test_report_folder_is_a_device_or_a_file(report_args, tmp_path):
    (tmp_path / "f").write_text("x")
    failed(runner.invoke(app, [*report_args, "-o", str(tmp_path / "f")]), "it is a file, not a")
    failed(
        runner.invoke(app, [*report_args, "-o", "/dev/null"]),
        "it is a device or a pipe, not a folder",
    )
    assert is_char_device("/dev/null")


def test_report_disk_full_leaves_no_report(report_args, tmp_path, monkeypatch):
    out = tmp_path / "reports"
    opened = []

    class SecondFileFails:  # the os module of grappe.io.output, but its 2nd file fails
        def fdopen(self, fd, *args, **kwargs):
            opened.append(fd)
            if len(opened) == 2:
                os.close(fd)
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return os.fdopen(fd, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(os, name)

    monkeypatch.setattr(output_module, "os", SecondFileFails())
    result = runner.invoke(app, [*report_args, "--lang", "fr", "--lang", "ar", "-o", str(out)])
    failed(result, "the disk is full", "report_A_1_ar.html")
    assert not out.exists()  # no half set of reports, and the folder made for them is gone


def test_report_writes_the_whole_set(report_args, tmp_path):
    result = runner.invoke(app, [*report_args, "--lang", "fr", "--lang", "en", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "report_A_1_en.html",
        "report_A_1_fr.html",
    ]


# --------------------------------------------------------------------------- match, questionnaire


def test_match_and_questionnaire_outputs(fixtures, tmp_path, monkeypatch):
    needs = fixtures / "matchmaking" / "needs.csv"
    caps = fixtures / "matchmaking" / "capabilities.csv"
    result = runner.invoke(app, ["match", str(needs), str(caps), "-o", "/dev/null"])
    assert result.exit_code == 0, result.output
    assert is_char_device("/dev/null")
    failed(
        runner.invoke(app, ["match", str(needs), str(caps), "-o", str(tmp_path)]), "it is a folder"
    )
    answers = tmp_path / "a.yaml"
    answers.write_text("DK-S1: 4\nDK-C1: 3\nDK-C2: 14\nDK-P1: 2\nDK-H1: 5\n", encoding="utf-8")
    inject(monkeypatch, errno.ENOSPC)
    saved = tmp_path / "saved.yaml"
    args = ["assess", "questionnaire", "danish", "--answers", str(answers), "--save", str(saved)]
    failed(runner.invoke(app, args), "the disk is full")
    failed(
        runner.invoke(app, ["match", str(needs), str(caps), "-o", str(tmp_path / "m.csv")]),
        "disk is full",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


# --------------------------------------------------------------------------- grappe observatory


def test_observatory_output_is_a_device():
    result = runner.invoke(app, ["observatory", "--no-serve", "--output", "/dev/null"])
    failed(result, "it is a device or a pipe, not a folder")
    assert is_char_device("/dev/null")


def test_observatory_database_checked_before_the_work(tmp_path, monkeypatch):
    def not_expected(*args, **kwargs):
        raise AssertionError("the work started before the database path was checked")

    monkeypatch.setattr("grappe.cli.observatory.build_outputs", not_expected)
    result = runner.invoke(
        app, ["observatory", "-o", str(tmp_path), "--database", "sqlite:////dev/null"]
    )
    failed(result, "it is not a regular file")
    (tmp_path / "observatory.sqlite").mkdir()
    failed(runner.invoke(app, ["observatory", "-o", str(tmp_path)]), "it is a folder")
    assert is_char_device("/dev/null")


def test_observatory_disk_full_writes_nothing(tmp_path, monkeypatch):
    out = tmp_path / "grappe-output"
    inject(monkeypatch, errno.ENOSPC)
    failed(runner.invoke(app, ["observatory", "--no-serve", "-o", str(out)]), "the disk is full")
    assert not out.exists()


def test_observatory_refuses_a_folder_named_like_a_result(tmp_path):
    # A folder named like one of the results is refused before the work, not after it.
    (tmp_path / "summary.html").mkdir()
    failed(runner.invoke(app, ["observatory", "--no-serve", "-o", str(tmp_path)]), "summary.html")
    assert json.dumps(sorted(p.name for p in tmp_path.iterdir())) == '["summary.html"]'
