"""grappe.io.output: atomic files, direct devices and pipes, one clear error per output fault."""

from __future__ import annotations

import errno
import io
import json
import os
import socket
import stat
import sys
import threading

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import grappe.io.output as output_module
from _output_faults import inject, is_char_device, leftovers, tmpfs
from grappe.errors import GrappeError, InvalidParameterError, OutputError
from grappe.io.output import (
    all_or_nothing,
    check_output,
    check_output_folder,
    format_from_path,
    is_stdout,
    open_for_writing,
    write_bytes,
    write_figure,
    write_frame,
    write_text,
)


@pytest.fixture
def frame():
    return pd.DataFrame(
        {
            "region": pd.Categorical(["01", "02"]),
            "lq": [1.5, np.nan],
            "strong": [True, False],
        }
    )


@pytest.fixture
def big_frame():
    """About 1 MB of CSV: more than a 64 kB tmpfs holds."""
    return pd.DataFrame({"region": [f"R{i:07d}" for i in range(60_000)], "lq": 1.25})


@pytest.fixture
def figure():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [1, 0])
    yield fig
    plt.close(fig)


# --------------------------------------------------------------------------- regular files


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


def test_format_from_path_and_is_stdout():
    assert format_from_path("x.PARQUET") == "parquet"
    assert format_from_path("x", default="json") == "json"
    assert is_stdout("-") and not is_stdout("x-") and not is_stdout(None)


def test_bad_format(tmp_path, frame):
    with pytest.raises(InvalidParameterError, match="'format' parameter of write_frame"):
        write_frame(frame, tmp_path / "o.csv", format="xml")
    assert not any(tmp_path.iterdir())


def test_text_is_written_exactly(tmp_path):
    path = write_text("a\r\nb\nسلام", tmp_path / "t.txt")
    assert path.read_bytes() == "a\r\nb\nسلام".encode()


def test_new_file_has_the_usual_mode(tmp_path):
    mask = os.umask(0o022)
    try:
        path = write_text("x", tmp_path / "new.txt")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_replaced_file_keeps_its_mode(tmp_path):
    path = tmp_path / "kept.csv"
    path.write_text("old")
    path.chmod(0o640)
    write_text("new", path)
    assert path.read_text() == "new" and stat.S_IMODE(path.stat().st_mode) == 0o640


def test_missing_folders_are_created(tmp_path):
    path = write_bytes(b"\x89PNG", tmp_path / "a" / "b" / "c.png")
    assert path.read_bytes() == b"\x89PNG"


def test_open_for_writing_binary_and_text(tmp_path):
    with open_for_writing(tmp_path / "b.bin", binary=True) as handle:
        handle.write(b"\x00\x01")
    with open_for_writing(tmp_path / "t.txt", encoding="cp1252") as handle:
        handle.write("é")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert (tmp_path / "t.txt").read_bytes() == b"\xe9"


def test_an_exception_in_the_block_leaves_the_old_file(tmp_path):
    path = tmp_path / "o.txt"
    path.write_text("old")
    with pytest.raises(RuntimeError, match="stop"), open_for_writing(path) as handle:
        handle.write("half")
        raise RuntimeError("stop")
    assert path.read_text() == "old" and leftovers(tmp_path) == []


def test_figure_png_and_svg(tmp_path, figure):
    assert write_figure(figure, tmp_path / "f.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in write_figure(figure, tmp_path / "f.svg").read_bytes()[:400]


def test_a_rendering_error_touches_nothing(tmp_path, frame, monkeypatch):
    path = tmp_path / "o.csv"
    path.write_text("old")

    def boom(*args, **kwargs):
        raise ValueError("cannot render")

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(ValueError, match="cannot render"):
        write_frame(frame, path)
    assert path.read_text() == "old" and leftovers(tmp_path) == []


# --------------------------------------------------------------------------- devices, pipes


def test_dev_null_stays_a_character_device(frame, figure):
    before = os.stat("/dev/null")
    check_output("/dev/null")
    write_frame(frame, "/dev/null")
    write_frame(frame, "/dev/null", format="parquet")
    write_text("x", "/dev/null")
    write_figure(figure, "/dev/null")
    after = os.stat("/dev/null")
    assert is_char_device("/dev/null")
    assert (after.st_ino, after.st_rdev, after.st_mode) == (
        before.st_ino,
        before.st_rdev,
        before.st_mode,
    )
    assert not [p for p in os.listdir("/dev") if p.startswith(".null.")]


def test_fifo_is_written_directly(tmp_path, frame):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    received = []

    def read():
        with open(fifo, "rb") as reader:
            received.append(reader.read())

    reader = threading.Thread(target=read)
    reader.start()
    write_frame(frame, fifo)
    reader.join(timeout=10)
    assert not reader.is_alive()
    assert received[0].decode().splitlines()[0] == "region,lq,strong"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_dash_is_standard_output(frame, capsys):
    write_frame(frame, "-")
    assert capsys.readouterr().out.splitlines() == ["region,lq,strong", "01,1.5,True", "02,,False"]
    write_text("hello", "-")
    assert capsys.readouterr().out == "hello"


def test_binary_to_a_pipe_on_stdout(capfdbinary):
    write_bytes(b"PAR1\x00", "-")
    assert capfdbinary.readouterr().out == b"PAR1\x00"


def test_binary_to_a_terminal_is_refused(frame, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(OutputError, match="cannot write binary output .* to the terminal"):
        write_frame(frame, "-", format="parquet")
    with pytest.raises(OutputError, match="to the terminal"):
        check_output("-", binary=True)
    check_output("-")  # text to a terminal is fine


def test_database_must_be_a_regular_file():
    for path in ("/dev/null", "-"):
        with pytest.raises(OutputError, match="it is not a regular file"):
            check_output(path, regular_file=True)


def test_socket_is_refused(tmp_path, frame):
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(OutputError, match="it is a socket"):
            write_frame(frame, path)


# --------------------------------------------------------------------------- symbolic links


def test_symlink_is_followed_and_kept(tmp_path, frame):
    target_dir = tmp_path / "real"
    target_dir.mkdir()
    target = target_dir / "data.csv"
    target.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    write_frame(frame, link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text().startswith("region,lq,strong")
    assert leftovers(tmp_path) == []


def test_dangling_symlink_is_refused(tmp_path, frame):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "nowhere" / "data.csv")
    with pytest.raises(OutputError, match=r"symbolic link to .*nowhere.*, which does not exist"):
        write_frame(frame, link)
    with pytest.raises(OutputError, match="which does not exist"):
        check_output(link)
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


# --------------------------------------------------------------------------- bad destinations


def test_a_folder_as_the_target(tmp_path, frame):
    with pytest.raises(OutputError, match=r"cannot write .*: it is a folder; nothing was written"):
        write_frame(frame, tmp_path)
    with pytest.raises(OutputError, match="it is a folder"):
        check_output(tmp_path)
    assert not any(tmp_path.iterdir())


def test_a_file_as_the_parent_folder(tmp_path, frame):
    (tmp_path / "file").write_text("x")
    for path in (tmp_path / "file" / "o.csv", tmp_path / "file" / "sub" / "o.csv"):
        with pytest.raises(OutputError, match=r"'.*file' is a file, not a folder"):
            write_frame(frame, path)
        with pytest.raises(OutputError, match="is a file, not a folder"):
            check_output(path)
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def test_an_empty_path(frame):
    with pytest.raises(OutputError, match="the output path is empty"):
        write_frame(frame, "")


def test_check_output_folder(tmp_path):
    check_output_folder(tmp_path / "new" / "folder")
    assert not (tmp_path / "new").exists()  # checking creates nothing
    (tmp_path / "f").write_text("x")
    with pytest.raises(OutputError, match="it is a file, not a folder"):
        check_output_folder(tmp_path / "f")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        check_output_folder(tmp_path / "f" / "sub")
    with pytest.raises(OutputError, match="it is a device or a pipe, not a folder"):
        check_output_folder("/dev/null")


def test_read_only_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "locked.csv"
    path.write_text("old")
    # root may write anything; what a user without the right sees is simulated.
    monkeypatch.setattr(output_module.os, "access", lambda p, mode, **kw: str(p) != str(path))
    with pytest.raises(OutputError, match="permission denied .*the file is read-only"):
        check_output(path)
    with pytest.raises(OutputError, match="the file is read-only"):
        write_text("new", path)
    assert path.read_text() == "old"


def test_folder_without_permission(tmp_path, frame, monkeypatch):
    monkeypatch.setattr(output_module.os, "access", lambda *a, **kw: False)
    with pytest.raises(OutputError, match=r"permission denied \(Permission denied\); nothing"):
        check_output(tmp_path / "o.csv")
    monkeypatch.undo()
    inject(monkeypatch, errno.EACCES, at="mkstemp")
    with pytest.raises(OutputError, match="permission denied .* choose a folder you can write to"):
        write_frame(frame, tmp_path / "o.csv")
    assert not any(tmp_path.iterdir())


def test_read_only_file_system_mocked(tmp_path, frame, monkeypatch):
    inject(monkeypatch, errno.EROFS, at="mkstemp")
    with pytest.raises(
        OutputError, match=r"the file system is read-only \(Read-only file system\)"
    ):
        write_frame(frame, tmp_path / "o.csv")
    assert not any(tmp_path.iterdir())


def test_read_only_file_system_real(tmp_path, frame):
    with tmpfs(tmp_path / "ro", readonly=True) as folder:
        with pytest.raises(OutputError, match="the file system is read-only"):
            check_output(folder / "o.csv")
        with pytest.raises(OutputError, match="the file system is read-only"):
            check_output_folder(folder / "sub")
        with pytest.raises(OutputError, match="the file system is read-only"):
            write_frame(frame, folder / "o.csv")
        with pytest.raises(OutputError, match="the file system is read-only"):
            write_frame(frame, folder / "sub" / "o.csv")  # mkdir fails the same way
        assert list(folder.iterdir()) == []


# --------------------------------------------------------------------------- full disk


@pytest.mark.parametrize("at", ["write", "fsync"])
def test_disk_full_mocked(tmp_path, frame, monkeypatch, at):
    path = tmp_path / "o.csv"
    path.write_text("old")
    inject(monkeypatch, errno.ENOSPC, at=at)
    with pytest.raises(
        OutputError,
        match=r"cannot write '.*o\.csv': the disk is full \(No space left on device\); "
        r"'.*o\.csv' was left as it was — free space or choose another folder\.",
    ):
        write_frame(frame, path)
    assert path.read_text() == "old" and leftovers(tmp_path) == []


def test_disk_full_new_file_and_its_new_folders(tmp_path, frame, monkeypatch):
    inject(monkeypatch, errno.ENOSPC)
    with pytest.raises(OutputError, match="the disk is full .*; nothing was written"):
        write_frame(frame, tmp_path / "a" / "b" / "o.parquet")
    assert not any(tmp_path.iterdir())  # the folders made for it are removed too


def test_quota_exceeded(tmp_path, monkeypatch):
    inject(monkeypatch, errno.EDQUOT)
    with pytest.raises(OutputError, match="the disk quota is used up"):
        write_bytes(b"x" * 100, tmp_path / "o.bin")
    assert not any(tmp_path.iterdir())


def test_unknown_os_error_keeps_its_text(tmp_path, monkeypatch):
    inject(monkeypatch, errno.ETXTBSY)
    with pytest.raises(
        OutputError, match=r"cannot write .*: Text file busy; nothing was written\."
    ):
        write_text("x", tmp_path / "o.txt")


def test_output_error_is_a_grappe_error_and_an_os_error(tmp_path, monkeypatch):
    inject(monkeypatch, errno.ENOSPC)
    with pytest.raises(GrappeError) as caught:
        write_text("x", tmp_path / "o.txt")
    assert isinstance(caught.value, OSError)


def test_disk_full_on_a_device_leaves_it_a_device(frame, monkeypatch):
    inject(monkeypatch, errno.ENOSPC)
    with pytest.raises(OutputError, match="the disk is full .*; the output may be incomplete"):
        write_frame(frame, "/dev/null")
    assert is_char_device("/dev/null")


def test_disk_full_real_tmpfs(tmp_path, frame, big_frame):
    with tmpfs(tmp_path / "tiny", size="64k") as folder:
        path = folder / "o.csv"
        write_frame(frame, path)
        kept = path.read_bytes()
        with pytest.raises(OutputError, match="the disk is full .* was left as it was"):
            write_frame(big_frame, path)
        assert path.read_bytes() == kept and leftovers(folder) == []
        with pytest.raises(OutputError, match="the disk is full .*; nothing was written"):
            write_frame(big_frame, folder / "new.parquet")
        assert sorted(p.name for p in folder.iterdir()) == ["o.csv"]


# --------------------------------------------------------------------------- sets of files


def test_all_or_nothing_writes_every_file_at_the_end(tmp_path):
    (tmp_path / "b.txt").write_text("old b")
    with all_or_nothing():
        write_text("new a", tmp_path / "a.txt")
        write_text("new b", tmp_path / "b.txt")
        assert (tmp_path / "b.txt").read_text() == "old b"  # not yet
        assert not (tmp_path / "a.txt").exists()
    assert (tmp_path / "a.txt").read_text() == "new a"
    assert (tmp_path / "b.txt").read_text() == "new b"
    assert leftovers(tmp_path) == []


def test_all_or_nothing_failure_keeps_the_old_set(tmp_path, monkeypatch):
    (tmp_path / "b.txt").write_text("old b")
    target = tmp_path / "report"
    with pytest.raises(OutputError, match="disk is full"), all_or_nothing():
        write_text("new a", target / "a.html")
        write_text("new b", tmp_path / "b.txt")
        inject(monkeypatch, errno.ENOSPC)
        write_text("new c", target / "c.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt"]  # the new folder is gone
    assert (tmp_path / "b.txt").read_text() == "old b"


def test_all_or_nothing_any_exception(tmp_path):
    with pytest.raises(KeyError), all_or_nothing():
        write_text("a", tmp_path / "a.txt")
        raise KeyError("x")
    assert not any(tmp_path.iterdir())


def test_all_or_nothing_nested(tmp_path):
    with all_or_nothing():
        with all_or_nothing():
            write_text("a", tmp_path / "a.txt")
        assert not (tmp_path / "a.txt").exists()  # the outer block decides
    assert (tmp_path / "a.txt").read_text() == "a"


def test_all_or_nothing_rename_failure(tmp_path, monkeypatch):
    real_replace = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(src, dst)

    monkeypatch.setattr(output_module.os, "replace", replace)
    with (
        pytest.raises(OutputError, match=r"input/output error .*; '.*a\.txt' were already"),
        all_or_nothing(),
    ):
        write_text("a", tmp_path / "a.txt")
        write_text("b", tmp_path / "b.txt")
    assert leftovers(tmp_path) == []


def test_text_stream_handle_is_not_closed(capsys):
    with open_for_writing("-") as handle:
        handle.write("x")
    assert not sys.stdout.closed and capsys.readouterr().out == "x"


def test_stdout_pipe_closed(monkeypatch):
    class Closed(io.StringIO):
        def flush(self):
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    monkeypatch.setattr(sys, "stdout", Closed())
    with pytest.raises(OutputError, match="the reading end of the pipe was closed"):
        write_text("x", "-")
