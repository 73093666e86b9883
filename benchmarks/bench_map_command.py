"""Whole process ``grappe map`` against a plain pandas script, 1× to 10× the county file.

Goal 1 of issue 17: ``grappe map FILE --source cbp -o OUT.parquet`` (withheld imputation on, the
CBP default) as a user runs it, against ``peer_map_pandas.py`` (pandas, the same rules), both
timed by :func:`_harness.compare` (interleaved, same runs, medians and ranges, peak RSS).

Inputs: ``../shared/data/us_cbp_2017_2021/cbp_county_naics_2017_2021.parquet`` (2.8 M rows, all
NAICS levels) and, for a scale of *k*, a file of *k* copies built in a temporary folder: copy *i*
(0-based) is the table with ``fips`` suffixed by ``"-i"`` (``01001`` → ``01001-2``) for ``i > 0``,
so every copy is a distinct set of counties (no name: the bundled names are of real FIPS codes),
the copies concatenated in order with pyarrow (``pyarrow.concat_tables``, one row group per
copy) and written with ``pyarrow.parquet.write_table`` (snappy).

Checks (the script stops, non-zero, when one fails):

* the peer's ``employment``, ``establishments``, ``lq``, ``strong``, ``strong_90``,
  ``star_size``, ``star_specialisation``, ``star_focus`` and ``stars`` equal grappe's, cell by
  cell (exact equality; NaN where grappe has NaN), at every scale up to ``--check-up-to``;
* with ``--reference-src DIR`` (e.g. ``/work/main/src``): every column of the output file of
  ``grappe map`` run from that source tree (the code before this work) equals the output of the
  code under test, at 1×; with ``--time-reference`` that command is timed too, interleaved
  with the others (before and after in the same runs).

The source trees timed have their bytecode compiled first (``compileall``), as an installed
package has it.

Run from the repository root::

    PYTHONPATH=src .venv/bin/python benchmarks/bench_map_command.py --scales 1,2,5,10 --runs 5
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

from _harness import Command, compare, print_report

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("GRAPPE_SHARED_DATA", REPO.parent / "shared" / "data"))
COUNTY = DATA / "us_cbp_2017_2021" / "cbp_county_naics_2017_2021.parquet"
PEER = Path(__file__).resolve().with_name("peer_map_pandas.py")
#: Columns the peer computes, compared with grappe's output cell by cell.
PEER_COLUMNS = (
    "employment",
    "establishments",
    "lq",
    "strong",
    "strong_90",
    "star_size",
    "star_specialisation",
    "star_focus",
    "stars",
)


def scaled_file(folder: Path, scale: int) -> Path:
    """The county file repeated ``scale`` times, counties renamed per copy (see the docstring)."""
    if scale == 1:
        return COUNTY
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(COUNTY)
    copies = [table]
    position = table.schema.get_field_index("fips")
    for i in range(1, scale):
        text = table.column("fips").type
        fips = pc.binary_join_element_wise(
            table.column("fips"), pa.scalar(f"-{i}", text), pa.scalar("", text)
        )
        copies.append(table.set_column(position, "fips", fips))
    path = folder / f"county_x{scale}.parquet"
    pq.write_table(pa.concat_tables(copies), path, row_group_size=table.num_rows)
    return path


def grappe_argv(path: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "grappe.cli.main", "map", str(path), "--source", "cbp",
            "-o", str(out)]  # fmt: skip


def peer_argv(path: Path, definitions: Path, out: Path) -> list[str]:
    return [sys.executable, str(PEER), str(path), str(definitions), str(out)]


def run(argv: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)


def check_peer(grappe_out: Path, peer_out: Path) -> None:
    """Stop unless the peer's columns equal grappe's, cell by cell."""
    import numpy as np
    import pandas as pd

    ours = pd.read_parquet(grappe_out)
    peer = pd.read_parquet(peer_out)
    if len(ours) != len(peer):
        raise SystemExit(f"row counts differ: grappe {len(ours)}, peer {len(peer)}")
    for key in ("region", "cluster", "year"):
        if not (ours[key].astype(str).to_numpy() == peer[key].astype(str).to_numpy()).all():
            raise SystemExit(f"the rows are not in the same order ({key})")
    for col in PEER_COLUMNS:
        a = ours[col].to_numpy(dtype=float)
        b = peer[col].to_numpy(dtype=float)
        same = (a == b) | (np.isnan(a) & np.isnan(b))
        if not same.all():
            raise SystemExit(f"{col}: {int((~same).sum())} cells differ between grappe and pandas")


def check_reference(reference_out: Path, ours_out: Path) -> None:
    """Stop unless every column of the two output files is equal (labels, values, dtypes)."""
    import pandas as pd

    ref = pd.read_parquet(reference_out)
    ours = pd.read_parquet(ours_out)
    if list(ref.columns) != list(ours.columns):
        raise SystemExit(f"columns differ: {list(ref.columns)} against {list(ours.columns)}")
    for col in ref.columns:
        try:
            pd.testing.assert_series_equal(ref[col], ours[col], check_exact=True)
        except AssertionError as exc:
            raise SystemExit(f"column {col!r} differs from the reference's output: {exc}") from None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,2,5,10", help="copies of the file, e.g. 1,2")
    parser.add_argument("--runs", type=int, default=5, help="counted runs of each command")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted rounds first")
    parser.add_argument(
        "--check-up-to", type=int, default=2, help="check the peer's flags up to this scale"
    )
    parser.add_argument(
        "--reference-src",
        type=Path,
        default=None,
        help="source tree of the code before (e.g. /work/main/src): its output must be equal",
    )
    parser.add_argument(
        "--time-reference",
        action="store_true",
        help="also time grappe map from --reference-src (before and after, interleaved)",
    )
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    if not COUNTY.exists():
        raise SystemExit(f"county file not found: {COUNTY}")
    import grappe

    src = Path(grappe.__file__).resolve().parents[1]
    env = {"PYTHONPATH": str(src)}
    # An installed package has its bytecode compiled; a source tree run with
    # PYTHONDONTWRITEBYTECODE=1 would compile about 50 modules in every timed process.
    for tree in (src, args.reference_src):
        if tree is not None:
            compileall.compile_dir(tree, quiet=1)
            print(f"bytecode compiled in {tree} (as installed)")
    with (
        resources.as_file(
            resources.files("grappe") / "data" / "definitions" / "us_benchmark_naics2017.csv"
        ) as definitions,
        tempfile.TemporaryDirectory(prefix="bench_map_") as tmp,
    ):
        folder = Path(tmp)
        if args.reference_src is not None:
            ref_out, ours_out = folder / "reference.parquet", folder / "ours.parquet"
            run(grappe_argv(COUNTY, ref_out), {**os.environ, "PYTHONPATH": str(args.reference_src)})
            run(grappe_argv(COUNTY, ours_out), {**os.environ, **env})
            check_reference(ref_out, ours_out)
            print(f"1×: every column of grappe map's output equals {args.reference_src}'s")
        for scale in scales:
            path = scaled_file(folder, scale)
            ours_out, peer_out = folder / "grappe.parquet", folder / "peer.parquet"
            if scale <= args.check_up_to:
                run(grappe_argv(path, ours_out), {**os.environ, **env})
                run(peer_argv(path, definitions, peer_out))
                check_peer(ours_out, peer_out)
                print(f"{scale}×: the peer's flags, LQs and counts equal grappe's, cell by cell")
            import pandas as pd

            commands = [
                Command(
                    "pandas script",
                    peer_argv(path, definitions, peer_out),
                    engine=f"pandas {pd.__version__}",
                ),
                Command(
                    "grappe map",
                    grappe_argv(path, ours_out),
                    engine="grappe (Arrow/NumPy from read to write, no pandas imported)",
                    env=env,
                ),
            ]
            if args.reference_src is not None and args.time_reference:
                commands.append(
                    Command(
                        "grappe map (reference)",
                        grappe_argv(path, folder / "reference.parquet"),
                        engine=f"grappe from {args.reference_src}",
                        env={"PYTHONPATH": str(args.reference_src)},
                    )
                )
            report = compare(commands, runs=args.runs, warmup=args.warmup)
            print_report(report, title=f"{scale}× the county file ({path.name})")
            if path != COUNTY:
                path.unlink()


if __name__ == "__main__":
    main()
